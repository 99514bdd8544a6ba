/**
 * The generalised (power) mean of a group's children.
 */

/**
 * Weighted generalised mean `G = (Σ w·s^p / Σ w)^(1/p)`, cell by cell, leaving out `NaN` children and renormalising
 * the weights. p = 1 is the arithmetic mean, p → 0 the geometric, p = −1 the harmonic; the smaller p, the less a high
 * score compensates a low one (p = 0.5 sits between arithmetic and geometric). p = 0 is computed as the geometric mean
 * (the limit). Needs every score > 0 for p <= 0, and >= 0 for p > 0 (a negative score to a fractional power is
 * undefined): other cells are `NaN` (reported first by `checkAggregation`). Children with equal scores give exactly
 * that score.
 * @example aggregatePower([[100], [400]], [0.5, 0.5], 0.5, out) // ((10 + 20)/2)² = 225: out => [225]
 * Reference: COINr `a_genmean` (Becker et al. 2022); OECD/JRC Handbook (2008), section 6; Decancq & Lugo (2013).
 */
export function aggregatePower(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, power: number, out: Float64Array): Float64Array {
  for (let cell = 0; cell < out.length; cell++) {
    let reference = Number.NaN;
    let sum = 0;
    let weightSum = 0;
    let defined = true;
    let allEqual = true;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      if (power <= 0 ? !(score > 0) : !(score >= 0)) defined = false;
      if (Number.isNaN(reference)) reference = score;
      else if (score !== reference) allEqual = false;
      // Relative to the first child, so that large scores do not overflow and equal scores give exactly that score.
      sum += weights[c] * (power === 0 ? Math.log(score / reference) : Math.pow(score / reference, power));
      weightSum += weights[c];
    }
    if (!defined || !(weightSum > 0)) out[cell] = Number.NaN;
    else if (allEqual) out[cell] = reference;
    else if (reference === 0) out[cell] = powerMeanDirect(children, weights, power, cell);
    else out[cell] = power === 0 ? reference * Math.exp(sum / weightSum) : reference * Math.pow(sum / weightSum, 1 / power);
  }
  return out;
}

/** The generalised mean of one cell without a reference (used when the first observed score is 0, p > 0). */
function powerMeanDirect(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, power: number, cell: number): number {
  let sum = 0;
  let weightSum = 0;
  for (let c = 0; c < children.length; c++) {
    const score = children[c][cell];
    if (Number.isNaN(score)) continue;
    sum += weights[c] * Math.pow(score, power);
    weightSum += weights[c];
  }
  return Math.pow(sum / weightSum, 1 / power);
}
