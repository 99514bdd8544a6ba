/**
 * Cronbach's alpha of a group: how consistently its children measure one thing (COINr's `get_cronbach`), over the
 * unit-years where every child has a value (listwise):
 *   alpha = k/(k − 1) · (1 − Σ var(child) / var(Σ children)),
 * with k children and sample variances (divisor n − 1). Alpha near 1: the children move together; near 0 or negative:
 * they do not (the JRC reads alpha >= 0.7 as a coherent group). COINr's default uses pairwise-complete covariances,
 * the same figure when no value is missing.
 * Reference: Cronbach (1951), Psychometrika 16; OECD/JRC Handbook (2008), section 4.1; COINr `get_cronbach()`.
 */
import { auditMessages } from "./messages.js";

/** Complete unit-years needed for alpha and for the principal components. */
export const MIN_COMPLETE = 3;

/** The positions where every column has a value (listwise deletion). */
export function completePositions(columns: readonly ArrayLike<number>[]): Int32Array {
  const length = columns.length > 0 ? columns[0].length : 0;
  const complete = new Uint8Array(length).fill(1);
  for (const column of columns) for (let p = 0; p < length; p++) if (Number.isNaN(column[p])) complete[p] = 0;
  let count = 0;
  for (let p = 0; p < length; p++) count += complete[p];
  const positions = new Int32Array(count);
  for (let p = 0, k = 0; p < length; p++) if (complete[p] === 1) positions[k++] = p;
  return positions;
}

/** Sample variance of `values` at `positions`. */
function varianceAt(values: ArrayLike<number>, positions: Int32Array): number {
  const n = positions.length;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[positions[k]];
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k++) {
    const deviation = values[positions[k]] - mean;
    squares += deviation * deviation;
  }
  return squares / (n - 1);
}

/**
 * The variance that rounding alone gives a sum of `k` values whose absolute values add up to at most `magnitude`
 * (each addition and the mean's subtraction err by about `Number.EPSILON` times the magnitude), with a margin of 16.
 * A sum of children that is constant in exact arithmetic (0.7 + 0.1 and 0.4 + 0.4 are 0.7999999999999999 and 0.8)
 * has a variance of about 1e-33 rather than 0; below this noise it counts as constant, so alpha is empty rather
 * than a huge negative number.
 */
function roundingNoise(magnitude: Float64Array, positions: Int32Array, k: number): number {
  let largest = 0;
  for (let p = 0; p < positions.length; p++) largest = Math.max(largest, magnitude[positions[p]]);
  const error = 16 * (k + 1) * Number.EPSILON * largest;
  return error * error;
}

/** Alpha over the complete unit-years (`n` of them); `NaN` with a note when undefined. */
export interface CronbachAlpha {
  n: number;
  alpha: number;
  note?: string;
}

/**
 * Cronbach's alpha of the columns (one per child, the same length), over the positions where all have a value.
 * `group` names the group in the notes.
 * @example cronbachAlpha([[1, 2, 3, 4], [2, 3, 3, 5]]) // => { n: 4, alpha: 0.96 }
 */
export function cronbachAlpha(columns: readonly ArrayLike<number>[], group = "group"): CronbachAlpha {
  const positions = completePositions(columns);
  const n = positions.length;
  const k = columns.length;
  if (k < 2) return { n, alpha: Number.NaN, note: auditMessages.oneChild(group) };
  if (n < MIN_COMPLETE) return { n, alpha: Number.NaN, note: auditMessages.tooFew("alpha", n, MIN_COMPLETE) };
  const sum = new Float64Array(columns[0].length);
  const magnitude = new Float64Array(columns[0].length);
  let childVariances = 0;
  for (const column of columns) {
    childVariances += varianceAt(column, positions);
    for (let p = 0; p < n; p++) {
      sum[positions[p]] += column[positions[p]];
      magnitude[positions[p]] += Math.abs(column[positions[p]]);
    }
  }
  const total = varianceAt(sum, positions);
  if (!(total > roundingNoise(magnitude, positions, k))) return { n, alpha: Number.NaN, note: auditMessages.constantSum(group) };
  return { n, alpha: (k / (k - 1)) * (1 - childVariances / total) };
}
