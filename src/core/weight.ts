/**
 * Weights: each node's weight relative to its siblings, normalised so that siblings sum to 1.
 * An empty weight column among siblings means equal weights (the NBS "equal weights level by level" practice).
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { childrenOf } from "./tree.js";
import { INDEX_CODE, type Tree } from "./types.js";

/** Weight of each node within its siblings (sums to 1 per group), keyed by code. */
export type Weights = ReadonlyMap<string, number>;

/** Tolerance for "already sums to 1": weights written with 3 decimals (0.333) still warn, rounding noise does not. */
const SUM_TOLERANCE = 1e-9;

/**
 * Normalises the tree's weights within each set of siblings. Siblings whose weights sum to something other than 1
 * (or 100: percentages) are divided by their sum, with a warning (`W_WEIGHTS_RENORMALISED`); siblings that all have weight 0 are an error.
 */
export function resolveWeights(tree: Tree): { weights: Weights; issues: Issue[]; warnings: Issue[] } {
  const weights = new Map<string, number>();
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const parents = [INDEX_CODE, ...tree.nodes.filter((node) => node.kind === "group").map((node) => node.code)];
  for (const parent of parents) {
    const siblings = childrenOf(tree, parent);
    const raw = siblings.map((code) => tree.byCode.get(code)!.weight);
    if (raw.every(Number.isNaN)) {
      for (const code of siblings) weights.set(code, 1 / siblings.length);
      continue;
    }
    const sum = raw.reduce((total, weight) => total + weight, 0);
    const first = tree.byCode.get(siblings[0])!;
    const where = { source: tree.source, line: first.line, column: "weight", id: parent };
    const name = tree.byCode.get(parent)?.name;
    if (!(sum > 0)) {
      issues.push({ ...where, code: "E_ZERO_WEIGHT_SUM", message: messages.zeroWeightSum(parent, name) });
      continue;
    }
    // Percentages (siblings summing to 100) are a way of writing shares, not a slip: divided by their sum silently.
    if (Math.abs(sum - 1) > SUM_TOLERANCE && Math.abs(sum - 100) > 100 * SUM_TOLERANCE)
      warnings.push({ ...where, code: "W_WEIGHTS_RENORMALISED", message: messages.weightsRenormalised(parent, round(sum), name) });
    siblings.forEach((code, i) => weights.set(code, raw[i] / sum));
  }
  return { weights, issues, warnings };
}

/** The weight of each node in the overall index: the product of its weights from the root down. */
export function globalWeights(tree: Tree, weights: Weights): Map<string, number> {
  const global = new Map<string, number>();
  for (const node of tree.nodes) {
    const parentWeight = node.parent === null ? 1 : global.get(node.parent)!;
    global.set(node.code, parentWeight * weights.get(node.code)!);
  }
  return global;
}

const round = (value: number) => Math.round(value * 1e12) / 1e12;
