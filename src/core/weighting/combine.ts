/**
 * Combining a subjective set of weights (explicit, equal, AHP) with an objective one (entropy, CRITIC, ...), sibling
 * set by sibling set, so siblings still sum to 1.
 */
import type { Issue } from "../../errors.js";
import { childrenOf } from "../tree.js";
import { INDEX_CODE, type Tree } from "../types.js";
import type { Weights } from "../weight.js";
import { weightingMessages } from "./messages.js";

export const COMBINATIONS = ["additive", "multiplicative"] as const;
export type Combination = (typeof COMBINATIONS)[number];

/**
 * Combines two weight sets within every set of siblings:
 * - `additive`: `w = α·s + (1 - α)·o` (siblings still sum to 1 when s and o do);
 * - `multiplicative`: `w = s·o / Σ_siblings s·o` (undefined, an issue, when every product among siblings is 0).
 * @example combineWeights(tree, new Map([["a", 0.8], ["b", 0.2]]), new Map([["a", 0.4], ["b", 0.6]]), "additive", 0.5) // => a 0.6, b 0.4
 * Reference: METHODS.md (combined subjective/objective weights); e.g. the "AHP-entropy" combined weighting of the Chinese evaluation literature.
 */
export function combineWeights(
  tree: Tree,
  subjective: Weights,
  objective: Weights,
  combination: Combination,
  alpha = 0.5,
): { weights: Weights; issues: Issue[] } {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`combineWeights requires 0 <= alpha <= 1, got ${alpha}`);
  const weights = new Map<string, number>();
  const issues: Issue[] = [];
  for (const parent of [INDEX_CODE, ...tree.nodes.filter((node) => node.kind === "group").map((node) => node.code)]) {
    const siblings = childrenOf(tree, parent);
    if (combination === "additive") {
      for (const code of siblings) weights.set(code, alpha * subjective.get(code)! + (1 - alpha) * objective.get(code)!);
      continue;
    }
    const products = siblings.map((code) => subjective.get(code)! * objective.get(code)!);
    const sum = products.reduce((total, value) => total + value, 0);
    if (!(sum > 0)) {
      issues.push({ code: "E_COMBINATION_UNDEFINED", message: weightingMessages.combinationUndefined(parent), id: parent });
      siblings.forEach((code) => weights.set(code, 1 / siblings.length));
      continue;
    }
    siblings.forEach((code, i) => weights.set(code, products[i] / sum));
  }
  return { weights, issues };
}
