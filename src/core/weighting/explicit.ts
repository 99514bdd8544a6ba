/**
 * Explicit weights: the tree's `weight` column, normalised within siblings (an all-empty column among siblings means
 * equal weights). A thin name over `resolveWeights`, so every method has its file.
 */
import type { Tree } from "../types.js";
import { resolveWeights } from "../weight.js";

/** The tree's weights within siblings; see `resolveWeights`. */
export function explicitWeights(tree: Tree): ReturnType<typeof resolveWeights> {
  return resolveWeights(tree);
}
