/**
 * The Mazziotta–Pareto index (MPI): a mean penalised by the imbalance of the children.
 */

/**
 * MPI of the children's scores, cell by cell: with normalised weights `p[c] = w[c]/Σw` over the observed children,
 * `M = Σ p·s` (the mean), `S = √(Σ p·(s − M)²)` (the population standard deviation, divisor n as in the original
 * paper), `cv = S/M`, and
 *
 *     MPI = M − S·cv = M − S²/M
 *
 * (the "positive polarity" form: the index grows with the phenomenon, which every score here does since directions
 * are applied at normalisation). With equal weights this is exactly De Muro, Mazziotta & Pareto (2011); weights
 * generalise mean and variance. Children with equal scores give that score (no penalty); the more unbalanced the
 * children, the larger the penalty. The MPI is defined on standardised scores (`--normalise z-score`, 100 ± 10),
 * where M is near 100 and the penalty small; it is not monotone (raising a child that is already high can lower
 * the MPI). A mean <= 0 makes cv undefined: the cell is `NaN` (reported first by `checkAggregation`).
 * Compind's `ci_mpi` uses the sample variance (divisor n − 1) instead.
 * @example aggregateMazziottaPareto([[90], [110]], [0.5, 0.5], out) // M = 100, S = 10, cv = 0.1: out => [99]
 * Reference: De Muro, Mazziotta & Pareto (2011), Social Indicators Research 104(1), 1-18; Mazziotta & Pareto (2016).
 */
export function aggregateMazziottaPareto(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, out: Float64Array): Float64Array {
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
    if (!(weightSum > 0)) {
      out[cell] = Number.NaN;
      continue;
    }
    const mean = reference + sum / weightSum;
    let squares = 0;
    for (let c = 0; c < children.length; c++) {
      const score = children[c][cell];
      if (!Number.isNaN(score)) squares += weights[c] * (score - mean) * (score - mean);
    }
    const sd = Math.sqrt(squares / weightSum);
    out[cell] = mean > 0 ? mean - sd * (sd / mean) : Number.NaN;
  }
  return out;
}
