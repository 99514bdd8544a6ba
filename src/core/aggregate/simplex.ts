/**
 * A small dense simplex method for the linear programmes of benefit-of-the-doubt weights: maximise `c·x` subject to
 * `A·x <= b`, `x >= 0`, with `b >= 0` (so the origin is feasible and no first phase is needed).
 *
 * Written here rather than taken from a library: mathjs has no linear-programming solver, and the programmes are tiny
 * (one variable per child of a group, one constraint per unit), so a textbook tableau with Bland's rule (which cannot
 * cycle on degenerate programmes, and BoD programmes are often degenerate) is enough and easy to check.
 */

/** The solution of `maximizeLinear`. */
export interface LinearSolution {
  /** The optimal value of `c·x`. */
  value: number;
  /** An optimal `x`. */
  x: number[];
}

const EPSILON = 1e-12;

/**
 * Maximises `c·x` subject to `A·x <= b` and `x >= 0`, where every `b[i] >= 0`, by the tableau simplex method with
 * Bland's rule (the lowest-index improving column enters; ties in the ratio test leave by the lowest basic index).
 * @throws RangeError when some `b[i] < 0`, when the programme is unbounded, or after `50·(m + n)` pivots (never seen:
 * Bland's rule terminates).
 * @example maximizeLinear([3, 5], [[1, 0], [0, 2], [3, 2]], [4, 12, 18]) // => { value: 36, x: [2, 6] }
 * Reference: Dantzig (1963), Linear Programming and Extensions; Bland (1977), Mathematics of Operations Research 2(2).
 */
export function maximizeLinear(c: readonly number[], A: readonly (readonly number[])[], b: readonly number[]): LinearSolution {
  const n = c.length;
  const m = A.length;
  if (b.some((value) => !(value >= 0))) throw new RangeError("maximizeLinear requires b >= 0");
  const width = n + m + 1;
  const tableau: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(width);
    for (let j = 0; j < n; j++) row[j] = A[i][j];
    row[n + i] = 1;
    row[width - 1] = b[i];
    tableau.push(row);
  }
  const objective = new Float64Array(width);
  for (let j = 0; j < n; j++) objective[j] = -c[j];
  tableau.push(objective);
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const scale = Math.max(1, ...c.map(Math.abs));

  for (let iteration = 0; ; iteration++) {
    if (iteration > 50 * (m + n)) throw new RangeError("maximizeLinear did not converge");
    let entering = -1;
    for (let j = 0; j < width - 1; j++)
      if (objective[j] < -EPSILON * scale) {
        entering = j;
        break;
      }
    if (entering < 0) break;
    let leaving = -1;
    let bestRatio = Infinity;
    for (let i = 0; i < m; i++) {
      const coefficient = tableau[i][entering];
      if (coefficient <= EPSILON) continue;
      const ratio = tableau[i][width - 1] / coefficient;
      const tolerance = EPSILON * Math.max(1, Math.abs(ratio));
      if (leaving < 0 || ratio < bestRatio - tolerance || (Math.abs(ratio - bestRatio) <= tolerance && basis[i] < basis[leaving])) {
        bestRatio = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) throw new RangeError("maximizeLinear: the programme is unbounded");
    pivot(tableau, leaving, entering);
    basis[leaving] = entering;
  }
  const x = new Array<number>(n).fill(0);
  basis.forEach((column, i) => {
    if (column < n) x[column] = tableau[i][width - 1];
  });
  return { value: objective[width - 1], x };
}

function pivot(tableau: Float64Array[], row: number, column: number): void {
  const pivotRow = tableau[row];
  const factor = pivotRow[column];
  for (let j = 0; j < pivotRow.length; j++) pivotRow[j] /= factor;
  pivotRow[column] = 1;
  for (let i = 0; i < tableau.length; i++) {
    if (i === row) continue;
    const current = tableau[i];
    const multiple = current[column];
    if (multiple === 0) continue;
    for (let j = 0; j < current.length; j++) current[j] -= multiple * pivotRow[j];
    current[column] = 0;
  }
}
