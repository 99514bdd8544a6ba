/**
 * Eigen decompositions the weighting methods need, written out so the core stays pure and synchronous:
 * the principal eigenpair of a positive matrix (AHP) by power iteration, and every eigenpair of a symmetric matrix
 * (PCA) by the cyclic Jacobi method. Callers may inject another implementation (the CLI passes mathjs `eigs`).
 */

/** A square matrix as rows. */
export type Matrix = readonly (readonly number[])[];

/** The principal eigenvalue of a positive matrix and its eigenvector scaled to sum 1. */
export interface PrincipalEigenpair {
  value: number;
  vector: number[];
}

/** Computes the principal eigenpair of a positive square matrix; injected into AHP so mathjs can be used. */
export type PrincipalEigen = (matrix: Matrix) => PrincipalEigenpair;

const POWER_TOLERANCE = 1e-15;
const POWER_MAX_ITERATIONS = 100_000;

/**
 * Principal eigenpair of a positive matrix by power iteration: `w <- A·w / sum(A·w)` from the uniform vector until no
 * component moves by more than 1e-15. For a positive matrix the Perron root is simple and strictly dominant
 * (Perron-Frobenius), so the iteration converges to the positive eigenvector; the eigenvalue is then the mean of
 * `(A·w)[i] / w[i]`, which every component equals at convergence.
 * @throws RangeError for an empty or non-positive matrix.
 * @example principalEigenPower([[1, 2], [0.5, 1]]) // => { value: 2, vector: [2/3, 1/3] }
 */
export function principalEigenPower(matrix: Matrix): PrincipalEigenpair {
  const n = matrix.length;
  if (n === 0 || matrix.some((row) => row.length !== n || row.some((value) => !(value > 0) || !Number.isFinite(value))))
    throw new RangeError("principalEigenPower requires a square matrix of positive finite numbers");
  let vector = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < POWER_MAX_ITERATIONS; iteration++) {
    const product = multiply(matrix, vector);
    const sum = product.reduce((total, value) => total + value, 0);
    const next = product.map((value) => value / sum);
    const change = next.reduce((largest, value, i) => Math.max(largest, Math.abs(value - vector[i])), 0);
    vector = next;
    if (change <= POWER_TOLERANCE) break;
  }
  const product = multiply(matrix, vector);
  const value = product.reduce((total, component, i) => total + component / vector[i], 0) / n;
  return { value, vector };
}

function multiply(matrix: Matrix, vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((total, value, j) => total + value * vector[j], 0));
}

/** Every eigenpair of a symmetric matrix, eigenvalues in decreasing order; `vectors[c]` is the unit eigenvector of `values[c]`. */
export interface SymmetricEigen {
  values: number[];
  vectors: number[][];
}

const JACOBI_MAX_SWEEPS = 100;

/**
 * Eigenvalues and unit eigenvectors of a symmetric matrix by the cyclic Jacobi method (plane rotations that zero one
 * off-diagonal element at a time, sweep after sweep, until the off-diagonal mass vanishes). Eigenvalues are sorted in
 * decreasing order (ties keep their position); each eigenvector's sign is fixed so that its largest component (the
 * first among equals) is positive, which makes the output deterministic.
 * Reference: Press et al., *Numerical Recipes*, section 11.1 (Jacobi transformations of a symmetric matrix).
 * @example symmetricEigen([[2, 1], [1, 2]]) // => { values: [3, 1], vectors: [[0.7071, 0.7071], [0.7071, -0.7071]] }
 */
export function symmetricEigen(matrix: Matrix): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = a.map((_, i) => a.map((__, j): number => (i === j ? 1 : 0)));
  const scale = a.reduce((total, row) => total + row.reduce((sum, value) => sum + value * value, 0), 0);
  for (let sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A <- Jᵀ·A·J with J the rotation in the (p, q) plane, then V <- V·J.
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j][j] - a[i][i] || i - j);
  const vectors = order.map((column) => {
    const vector = v.map((row) => row[column]);
    let largest = 0;
    for (let k = 1; k < n; k++) if (Math.abs(vector[k]) > Math.abs(vector[largest]) + 1e-12) largest = k;
    return vector[largest] < 0 ? vector.map((value) => -value) : vector;
  });
  return { values: order.map((i) => a[i][i]), vectors };
}
