/**
 * Weighted means of a group's children, cell by cell over blocks of `unitCount * yearCount` cells.
 *
 * Common rules: children whose score is `NaN` are left out and the weights of the others renormalised (the NBS and
 * COINr rule for missing children); a cell where every child is `NaN` is `NaN`. Every mean is computed relative to the
 * first observed child (`reference`), so that children with equal scores give exactly that score whatever rounding the
 * weights carry: the base year of a fixed-base index stays exactly 100 under every method.
 */

/**
 * Weighted arithmetic mean `G = Σ w[c]·s[c] / Σ w[c]` (fully compensatory).
 * With weights that sum to 1 and no gaps this is plain `Σ w·s`.
 * @example aggregateArithmetic([[100, 120]], [1], out) // out => [100, 120]
 * Reference: OECD/JRC Handbook (2008), section 6.2 (additive aggregation).
 */
export function aggregateArithmetic(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let cell = 0; cell < out.length; cell++) {
    let reference = Number.NaN;
    let sum = 0;
    let weightSum = 0;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      if (Number.isNaN(reference)) reference = score;
      sum += weights[c] * (score - reference);
      weightSum += weights[c];
    }
    out[cell] = weightSum > 0 ? reference + sum / weightSum : Number.NaN;
  }
  return out;
}

/**
 * Weighted geometric mean `G = Π s[c]^(w[c]/W)`, `W = Σ w[c]` (partially compensatory: a low score weighs more than
 * under the arithmetic mean). Needs every score > 0: a cell with a child <= 0 is `NaN` (reported first by
 * `checkAggregation`), unless that child's weight is 0 (`s^0 = 1`: it takes no part). Computed as
 * `ref · exp(Σ w·ln(s/ref) / W)`, `ref` the first observed score above 0.
 * @example aggregateGeometric([[100], [400]], [0.5, 0.5], out) // out => [200]
 * Reference: OECD/JRC Handbook (2008), section 6.3 (geometric aggregation); COINr `a_gmean`.
 */
export function aggregateGeometric(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let cell = 0; cell < out.length; cell++) {
    let reference = Number.NaN;
    let logSum = 0;
    let weightSum = 0;
    let defined = true;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      // A child of weight 0 takes no part (s^0 = 1), even at a score <= 0 (0^0 = 1): an indicator shown, not counted.
      if (!(score > 0)) {
        if (weights[c] !== 0) defined = false;
        continue;
      }
      if (Number.isNaN(reference)) reference = score;
      // ln(1) = 0 adds nothing (w·0 = 0 for a finite weight): a score equal to the reference needs no logarithm.
      if (score !== reference || !Number.isFinite(weights[c])) logSum += weights[c] * Math.log(score / reference);
      weightSum += weights[c];
    }
    out[cell] = defined && weightSum > 0 ? reference * Math.exp(logSum / weightSum) : Number.NaN;
  }
  return out;
}

/**
 * Weighted harmonic mean `G = W / Σ (w[c]/s[c])`, `W = Σ w[c]` (the least compensatory of the three means). Needs
 * every score > 0: a cell with a child <= 0 is `NaN` (reported first by `checkAggregation`; COINr's `a_hmean` rejects
 * zeros only, but a negative score makes the harmonic mean meaningless too), unless that child's weight is 0. Computed as `ref · W / Σ w·(ref/s)`.
 * @example aggregateHarmonic([[100], [400]], [0.5, 0.5], out) // out => [160]
 * Reference: COINr `a_hmean`; OECD/JRC Handbook (2008), section 6.
 */
export function aggregateHarmonic(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let cell = 0; cell < out.length; cell++) {
    let reference = Number.NaN;
    let inverseSum = 0;
    let weightSum = 0;
    let defined = true;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (Number.isNaN(score)) continue;
      // A child of weight 0 takes no part, even at a score <= 0 (its w/s would be 0/0).
      if (!(score > 0)) {
        if (weights[c] !== 0) defined = false;
        continue;
      }
      if (Number.isNaN(reference)) reference = score;
      inverseSum += weights[c] * (reference / score);
      weightSum += weights[c];
    }
    out[cell] = defined && weightSum > 0 ? (reference * weightSum) / inverseSum : Number.NaN;
  }
  return out;
}
