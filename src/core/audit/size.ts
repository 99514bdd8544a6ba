/**
 * The audit's cost, estimated from the shape of the tree before any of it runs, and its bounds. What grows with the
 * number of children k of a group, in each period (every year and all years pooled):
 * - the correlation rows: every pair of siblings, k(k − 1)/2, and each child with its parent and the index, 2k, all
 *   kept to the end (`Audit.correlations`), about `ROW_BYTES` each;
 * - the principal components: the k × k correlation matrix, its working copy and its eigenvectors (three k × k
 *   matrices of 8-byte numbers), decomposed by the cyclic Jacobi method in about `SECONDS_PER_CUBE` · k³ seconds.
 * Cronbach's alpha, the statistics, the importance rows, the drop analysis and the profiles grow linearly with the
 * indicators (a 1,000-indicator group: the drop analysis 0.15 s, the profiles 0.01 s) and are not counted.
 *
 * Measured on this machine (2 cores, Node 20; one group, 3 units × 2 years, so 3 periods; the audit core alone,
 * `auditIndex`): 200 children 1.1 s and 61 thousand correlation rows (peak resident memory 119 MB); 500 children 7.8 s
 * (244 MB); 1,000 children 79 s, 1.5 million rows, 512 MB over the memory before the audit (590 MB peak); 2,000
 * indicators in 4 groups of 500, 38 s (604 MB peak); 200 children with 50 units, 2.8 s (124 MB). The time is the eigen
 * decomposition's (k³: twice the children, about eight to ten times the time); a tester's 10,000 and
 * 100,000-indicator groups ran out of the heap (4.6 GB). The bounds, 2 GB and 10 minutes, let every audit measured
 * run; by the estimate, 1,500 children in one group over 2 years take 1.3 GB and 4.5 minutes (allowed) and 2,000
 * take 2.2 GB and 11 minutes (refused); the most one group may have over 2 years is 1,919 (memory binds first).
 */
import { UsageError } from "../../errors.js";
import { limitMessages } from "../limit-messages.js";
import { INDEX_CODE } from "../types.js";

/** Memory an audit may take: 2 GB. */
export const AUDIT_MEMORY_LIMIT = 2 * 1024 ** 3;
/** Time an audit may take: 10 minutes. */
export const AUDIT_TIME_LIMIT = 600;

/** Bytes of a correlation row kept (1,504,503 rows took 512 MB: 357 bytes). */
const ROW_BYTES = 360;
/** Seconds of the eigen decomposition of a k × k matrix, per k³ (1,000 children, 3 periods: 79 s). */
const SECONDS_PER_CUBE = 2.6e-8;
/** Seconds of a correlation row (two rankings, Pearson and Spearman, on a few units). */
const SECONDS_PER_ROW = 2e-6;
/** What the audit holds whatever its size (the result's series, the code): 64 MB. */
const BASE_BYTES = 64 * 1024 ** 2;

/** The estimated cost of an audit, and the group that weighs most in it. */
export interface AuditCost {
  indicators: number;
  /** The group with the most children (`INDEX` for the first-level nodes), and their number. */
  largestGroup: string;
  largestChildren: number;
  periods: number;
  bytes: number;
  seconds: number;
}

/** A node as the estimate reads it: a `TreeNode` (parent `null` at the first level) or a `ResultNode`. */
export interface SizedNode {
  code: string;
  parent: string | null;
  kind: "index" | "group" | "indicator";
}

/** The cost of groups of `children` children each over `periods` periods (see the module comment). */
function costOf(children: readonly number[], periods: number): { bytes: number; seconds: number } {
  let rows = 0;
  let cubes = 0;
  let largest = 0;
  for (const k of children) {
    rows += (k * (k - 1)) / 2 + 2 * k;
    cubes += k ** 3;
    largest = Math.max(largest, k);
  }
  return {
    bytes: periods * rows * ROW_BYTES + 3 * 8 * largest ** 2 + BASE_BYTES,
    seconds: periods * (cubes * SECONDS_PER_CUBE + rows * SECONDS_PER_ROW),
  };
}

/**
 * Estimates the audit of a tree over `years` years from its nodes alone (nothing is computed).
 * @example estimateAuditCost(tree.nodes, 2) // one group of 1,000 indicators: { bytes: 1.6e9, seconds: 81, ... }
 */
export function estimateAuditCost(nodes: readonly SizedNode[], years: number): AuditCost {
  const childCount = new Map<string, number>();
  let indicators = 0;
  for (const node of nodes) {
    if (node.kind === "indicator") indicators++;
    if (node.kind === "index") continue;
    const parent = node.parent ?? INDEX_CODE;
    childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  }
  let largestGroup = INDEX_CODE;
  let largestChildren = 0;
  for (const [group, count] of childCount)
    if (count > largestChildren) {
      largestGroup = group;
      largestChildren = count;
    }
  const periods = years + 1;
  return { indicators, largestGroup, largestChildren, periods, ...costOf([...childCount.values()], periods) };
}

/**
 * Refuses, before anything is computed, an audit estimated over `AUDIT_MEMORY_LIMIT` or `AUDIT_TIME_LIMIT`.
 * @throws `UsageError` `E_AUDIT_TOO_LARGE` naming the indicators, the largest group and its children, the estimate,
 * the bounds and the most children a group may have with these years.
 */
export function checkAuditSize(nodes: readonly SizedNode[], years: number): void {
  const cost = estimateAuditCost(nodes, years);
  const fits = (k: number) => {
    const one = costOf([k], cost.periods);
    return one.bytes <= AUDIT_MEMORY_LIMIT && one.seconds <= AUDIT_TIME_LIMIT;
  };
  if (cost.bytes <= AUDIT_MEMORY_LIMIT && cost.seconds <= AUDIT_TIME_LIMIT) return;
  // The most children one group may have with these years (the cost grows with k).
  let low = 1;
  let high = Math.max(1, cost.largestChildren);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  const estimate = { bytes: cost.bytes, seconds: cost.seconds };
  const limit = { bytes: AUDIT_MEMORY_LIMIT, seconds: AUDIT_TIME_LIMIT };
  throw new UsageError("E_AUDIT_TOO_LARGE", limitMessages.auditTooLarge(cost.indicators, cost.largestGroup, cost.largestChildren, cost.periods, estimate, limit, low));
}
