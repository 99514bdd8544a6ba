/**
 * The generalised (power) mean of a group's children.
 */

/**
 * Weighted generalised mean `G = (Σ w·s^p / Σ w)^(1/p)`, cell by cell, leaving out `NaN` children and renormalising
 * the weights. p = 1 is the arithmetic mean, p → 0 the geometric, p = −1 the harmonic; the smaller p, the less a high
 * score compensates a low one (p = 0.5 sits between arithmetic and geometric). p = 0 is computed as the geometric mean
 * (the limit). Needs every score > 0 for p <= 0, and >= 0 for p > 0 (a negative score to a fractional power is
 * undefined): other cells are `NaN` (reported first by `checkAggregation`), but a child of weight 0 takes no part,
 * whatever its score. Children with equal scores give exactly
 * that score.
 * @example aggregatePower([[100], [400]], [0.5, 0.5], 0.5, out) // ((10 + 20)/2)² = 225: out => [225]
 * Reference: COINr `a_genmean` (Becker et al. 2022); OECD/JRC Handbook (2008), section 6; Decancq & Lugo (2013).
 */
export function aggregatePower(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, power: number, out: Float64Array): Float64Array {
  for (let cell = 0; cell < out.length; cell++) {
    // The reference: the highest score of a weighted child for p > 0, the lowest for p < 0, so that every term
    // (s / reference)^p is at most 1 and the reference's own is 1: the sum neither overflows nor underflows to 0,
    // whatever the exponent (relative to the first child, p = −900 gave (50/120)^−900 = Infinity and a mean of 0).
    let reference = Number.NaN;
    let first = Number.NaN;
    let defined = true;
    let allEqual = true;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      // A child of weight 0 takes no part, even at a score the mean is undefined for.
      if (weights[c] !== 0 && (power <= 0 ? !(score > 0) : !(score >= 0))) defined = false;
      if (Number.isNaN(first)) first = score;
      else if (score !== first) allEqual = false;
      if (weights[c] > 0 && (Number.isNaN(reference) || (power > 0 ? score > reference : score < reference))) reference = score;
    }
    let sum = 0;
    let weightSum = 0;
    if (defined && !allEqual && reference > 0)
      for (let c = 0; c < children.length; c++) {
        const score = children[c][cell];
        if (Number.isNaN(score)) continue;
        weightSum += weights[c];
        // A child of weight 0 adds nothing (0·(s/reference)^p would be 0·Infinity for a far smaller score, p < 0).
        if (weights[c] !== 0) sum += weights[c] * (power === 0 ? Math.log(score / reference) : Math.pow(score / reference, power));
      }
    else for (let c = 0; c < children.length; c++) if (!Number.isNaN(children[c][cell])) weightSum += weights[c];
    if (!defined || !(weightSum > 0)) out[cell] = Number.NaN;
    else if (allEqual) out[cell] = first;
    else if (!(reference > 0)) out[cell] = 0; // p > 0 and every weighted child scores 0: the mean of zeros (and of unweighted others)
    else out[cell] = power === 0 ? reference * Math.exp(sum / weightSum) : reference * Math.pow(sum / weightSum, 1 / power);
  }
  return out;
}
