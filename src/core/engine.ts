/**
 * A reusable index engine for many runs over one tree and panel (Monte Carlo, sensitivity analysis): it keeps the
 * normalised scores of every indicator once per (normalisation, missing-value policy) pair, and recomputes only the
 * aggregation, which weights and the aggregation method change, into buffers allocated once.
 *
 * Memory: one score array per pair used (from `computeIndex`, `(nodes + 1) × units × years` values, so a little more
 * than one panel), one buffer for the groups (`groups × units × years`, a fraction of a panel) and the caller's output
 * block. The input panel itself is shared, never copied.
 */
import type { AggregateMethod } from "./aggregate.js";
import { aggregate } from "./aggregate.js";
import { computeIndex, type ComputeOptions, type IndexResult, type MissingPolicy } from "./compute.js";
import type { NormalizeMethod } from "./normalize.js";
import type { Panel } from "./panel.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Tree } from "./types.js";
import { resolveWeights } from "./weight.js";

/** The method choices of one run. */
export interface EngineChoice {
  normalize: NormalizeMethod;
  aggregate: AggregateMethod;
  missing: MissingPolicy;
}

/** One aggregation step: a group (or the overall index) from its children. */
interface Step {
  /** Position in `tree.nodes` of each child. */
  children: number[];
  /** Position of the group in the group buffer; -1 for the overall index (written to the caller's block). */
  group: number;
  /** The children's weights of the current run, filled before each aggregation. */
  weights: Float64Array;
}

/** The per-pair data: the scores, and the children's blocks of every step as views. */
interface Scored {
  result: IndexResult;
  views: Float64Array[][];
}

export class IndexEngine {
  readonly tree: Tree;
  readonly panel: Panel;
  /** Cells of one block: `units × years`. */
  readonly blockSize: number;
  /** The weight of every node of `tree.nodes` within its siblings (the tree's weights normalised). */
  readonly nominalWeights: Float64Array;
  /** The base year used for every normalisation. */
  readonly baseYear: number;
  /** Siblings as lists of positions in `tree.nodes` (the first list holds the first-level nodes). */
  readonly siblingSets: readonly (readonly number[])[];
  private readonly options: Pick<ComputeOptions, "baseYear" | "strict">;
  private readonly steps: Step[];
  private readonly groupValues: Float64Array;
  private readonly groupViews: Float64Array[];
  /** For every node of `tree.nodes`, its position in the group buffer, or -1 for an indicator. */
  private readonly groupOfNode: Int32Array;
  private readonly scored = new Map<string, Scored>();

  /** Builds the engine; throws `ValidationError` when the tree's weights cannot be resolved. */
  constructor(tree: Tree, panel: Panel, options: Pick<ComputeOptions, "baseYear" | "strict"> = {}) {
    this.tree = tree;
    this.panel = panel;
    this.options = options;
    this.baseYear = options.baseYear ?? panel.years[0];
    this.blockSize = panel.units.length * panel.years.length;
    const position = new Map(tree.nodes.map((node, i) => [node.code, i] as const));
    const resolved = resolveWeights(tree).weights;
    this.nominalWeights = Float64Array.from(tree.nodes, (node) => resolved.get(node.code) ?? Number.NaN);
    const groups = groupsBottomUp(tree);
    const groupPosition = new Map(groups.map((group, i) => [group.code, i] as const));
    this.groupOfNode = Int32Array.from(tree.nodes, (node) => groupPosition.get(node.code) ?? -1);
    this.steps = [...groups.map((group) => group.code), INDEX_CODE].map((code) => {
      const children = childrenOf(tree, code).map((child) => position.get(child)!);
      return { children, group: code === INDEX_CODE ? -1 : groupPosition.get(code)!, weights: new Float64Array(children.length) };
    });
    this.siblingSets = this.steps.map((step) => step.children);
    this.groupValues = new Float64Array(groups.length * this.blockSize);
    this.groupViews = groups.map((_, g) => this.groupValues.subarray(g * this.blockSize, (g + 1) * this.blockSize));
  }

  /**
   * The full result (every node) for a normalisation and missing-value policy with the tree's weights and arithmetic
   * aggregation, computed once and kept. Throws `ValidationError` when the data do not allow the pair (a missing base
   * value for fixed-base, a gap under the `error` policy).
   */
  prepare(choice: Pick<EngineChoice, "normalize" | "missing">): IndexResult {
    return this.scoredFor(choice).result;
  }

  /**
   * The overall index (`units × years`, unit-major) for `choice` with `weights` (one per node of `tree.nodes`, within
   * siblings, such as `nominalWeights`), written into `out`. Only the aggregation is computed; scores come from the cache.
   */
  evaluate(choice: EngineChoice, weights: ArrayLike<number>, out: Float64Array): Float64Array {
    const { views } = this.scoredFor(choice);
    for (let s = 0; s < this.steps.length; s++) {
      const step = this.steps[s];
      for (let c = 0; c < step.children.length; c++) step.weights[c] = weights[step.children[c]];
      aggregate(choice.aggregate, views[s], step.weights, step.group < 0 ? out : this.groupViews[step.group]);
    }
    return out;
  }

  private scoredFor(choice: Pick<EngineChoice, "normalize" | "missing">): Scored {
    const key = `${choice.normalize}\u0000${choice.missing}`;
    let scored = this.scored.get(key);
    if (scored) return scored;
    const result = computeIndex(this.tree, this.panel, { ...this.options, normalize: choice.normalize, missing: choice.missing });
    const size = this.blockSize;
    // Node n of the tree is node n + 1 of the result (the overall index comes first); groups live in the group buffer.
    const view = (node: number) =>
      this.groupOfNode[node] >= 0 ? this.groupViews[this.groupOfNode[node]] : result.values.subarray((node + 1) * size, (node + 2) * size);
    const views = this.steps.map((step) => step.children.map(view));
    scored = { result, views };
    this.scored.set(key, scored);
    return scored;
  }
}
