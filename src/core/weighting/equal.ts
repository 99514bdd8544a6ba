/**
 * Equal weights level by level (逐级等权, the NBS China Innovation Index method): every child of a group weighs
 * 1/n among its n siblings, whatever the tree's weight column says.
 */
import { childrenOf } from "../tree.js";
import { INDEX_CODE, type Tree } from "../types.js";
import type { Weights } from "../weight.js";

/** `1 / n` for each of the n children of every group (and of the overall index). */
export function equalWeights(tree: Tree): Weights {
  const weights = new Map<string, number>();
  for (const parent of [INDEX_CODE, ...tree.nodes.filter((node) => node.kind === "group").map((node) => node.code)]) {
    const siblings = childrenOf(tree, parent);
    for (const code of siblings) weights.set(code, 1 / siblings.length);
  }
  return weights;
}
