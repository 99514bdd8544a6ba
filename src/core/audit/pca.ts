/**
 * Principal components of a group's children (COINr's `get_PCA`, R's `prcomp(scale. = TRUE)`): the eigen
 * decomposition of their correlation matrix over the unit-years where every child has a value. Each eigenvalue over
 * k is the share of the children's variance its component explains; a first component explaining most of it says the
 * group measures one latent dimension (the JRC looks for one component with eigenvalue > 1 per group). The loadings of
 * the first component are the correlations of each child with it, `v·√λ` (v its unit eigenvector, signed so that the
 * loadings sum to a positive number, or, when they sum to 0, so that the first child's loading is positive).
 * Reference: OECD/JRC Handbook (2008), section 4.1 (principal components analysis); COINr `get_PCA()`.
 */
import { symmetricEigen } from "../weighting/eigen.js";
import { completePositions, MIN_COMPLETE } from "./cronbach.js";
import { auditMessages } from "./messages.js";

/** The components of a group; every array `NaN`-free, or empty with a note when undefined. */
export interface GroupComponents {
  /** Complete unit-years used. */
  n: number;
  /** Eigenvalues of the correlation matrix, decreasing (they sum to k). */
  eigenvalues: number[];
  /** Each eigenvalue over k: the share of the variance of the standardised children it explains. */
  shares: number[];
  /** Unit eigenvector of the first component (R's `prcomp` rotation, COINr's loadings), one entry per child. */
  vector: number[];
  /** Loadings of the first component: each child's correlation with it (`vector · √λ₁`). */
  loadings: number[];
  note?: string;
}

/** The standardised children of `groupComponents`, one after the other, reused from one call to the next. */
let standardisedBuffer = new Float64Array(0);

/**
 * The principal components of the columns (one per child); `codes` and `group` name them in the notes.
 * @example groupComponents([[1, 2, 3, 4], [1, 3, 2, 4]], ["a", "b"]) // => { eigenvalues: [1.8, 0.2], shares: [0.9, 0.1], loadings: [0.9487, 0.9487], ... }
 */
export function groupComponents(columns: readonly ArrayLike<number>[], codes: readonly string[], group = "group"): GroupComponents {
  const positions = completePositions(columns);
  const n = positions.length;
  const empty = (note: string): GroupComponents => ({ n, eigenvalues: [], shares: [], vector: [], loadings: [], note });
  if (n < MIN_COMPLETE) return empty(auditMessages.tooFew("principal components", n, MIN_COMPLETE));
  const standardised: Float64Array[] = [];
  if (standardisedBuffer.length < columns.length * n)
    standardisedBuffer = new Float64Array(Math.max(columns.length * n, Math.ceil(standardisedBuffer.length * 1.5)));
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    const values = standardisedBuffer.subarray(j * n, (j + 1) * n);
    let sum = 0;
    for (let t = 0; t < n; t++) sum += values[t] = column[positions[t]];
    const mean = sum / n;
    let squares = 0;
    for (let t = 0; t < n; t++) {
      values[t] -= mean;
      squares += values[t] * values[t];
    }
    if (!(squares > 0)) return empty(auditMessages.constant(codes[j], n));
    const scale = 1 / Math.sqrt(squares);
    for (let t = 0; t < n; t++) values[t] *= scale;
    standardised.push(values);
  }
  const k = columns.length;
  const matrix = standardised.map(() => new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const a = standardised[i];
      const b = standardised[j];
      let product = 0;
      for (let t = 0; t < n; t++) product += a[t] * b[t];
      matrix[i][j] = matrix[j][i] = product;
    }
  const { values, vectors } = symmetricEigen(matrix);
  const first = vectors[0];
  // Summing to 0 up to rounding (two children pulling opposite ways), the sum's sign is noise: the first child's
  // loading is made positive instead, so that the same data give the same sign on every machine.
  const total = first.reduce((sum, value) => sum + value, 0);
  const leading = first.find((value) => Math.abs(value) > 1e-9) ?? 0;
  const sign = (Math.abs(total) > 1e-9 ? total : leading) < 0 ? -1 : 1;
  const vector = first.map((value) => sign * value);
  const root = Math.sqrt(Math.max(0, values[0]));
  return {
    n,
    eigenvalues: values,
    shares: values.map((value) => value / k),
    vector,
    loadings: vector.map((value) => value * root),
    ...(k === 1 ? { note: auditMessages.oneChild(group) } : n <= k ? { note: auditMessages.singular(n, k) } : {}),
  };
}
