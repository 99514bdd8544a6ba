/**
 * Varimax rotation of a loading matrix (Kaiser 1958): the orthogonal rotation that maximises the variance of the
 * squared loadings within each component, so that each indicator loads mainly on one component ("simple structure").
 */

const MAX_SWEEPS = 1000;
/** Sweeps stop once no pair of components turns by more than this angle (radians). */
const ANGLE_TOLERANCE = 1e-14;

/**
 * Rotates `loadings` (one row per indicator, one column per component) by varimax with Kaiser normalisation (rows
 * scaled to unit length during the rotation, scaled back after), by Kaiser's pairwise algorithm: for each pair of
 * columns (x, y), with `u = x² − y²`, `v = 2xy`, `A = Σu`, `B = Σv`, `C = Σ(u² − v²)`, `D = 2Σuv` and p rows, the
 * optimal plane rotation is `φ = ¼·atan2(D − 2AB/p, C − (A² − B²)/p)`; sweeps over all pairs repeat until every
 * angle is below 1e-14. With fewer than two components there is nothing to rotate. The rotation preserves each row's
 * communality (sum of squares).
 * @example varimax([[0.5, 0.5], [0.5, -0.5]]) // => [[0.7071, 0], [0, -0.7071]] (simple structure)
 * Reference: Kaiser (1958), Psychometrika 23, 187-200; Kaiser (1959), Educational and Psychological Measurement 19,
 * 413-420; OECD/JRC Handbook (2008), section 6.1.
 */
export function varimax(loadings: readonly (readonly number[])[]): number[][] {
  const p = loadings.length;
  const k = p > 0 ? loadings[0].length : 0;
  if (k < 2) return loadings.map((row) => [...row]);
  const scale = loadings.map((row) => Math.sqrt(row.reduce((sum, value) => sum + value * value, 0)) || 1);
  const x = loadings.map((row, j) => row.map((value) => value / scale[j]));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let largest = 0;
    for (let first = 0; first < k; first++)
      for (let second = first + 1; second < k; second++) {
        let a = 0;
        let b = 0;
        let c = 0;
        let d = 0;
        for (const row of x) {
          const u = row[first] ** 2 - row[second] ** 2;
          const v = 2 * row[first] * row[second];
          a += u;
          b += v;
          c += u * u - v * v;
          d += 2 * u * v;
        }
        const angle = Math.atan2(d - (2 * a * b) / p, c - (a * a - b * b) / p) / 4;
        largest = Math.max(largest, Math.abs(angle));
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        for (const row of x) {
          const [left, right] = [row[first], row[second]];
          row[first] = left * cos + right * sin;
          row[second] = -left * sin + right * cos;
        }
      }
    if (largest < ANGLE_TOLERANCE) break;
  }
  return x.map((row, j) => row.map((value) => value * scale[j]));
}
