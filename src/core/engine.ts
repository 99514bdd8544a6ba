/**
 * A reusable index engine for many runs over one tree and panel (Monte Carlo, sensitivity analysis): it keeps the
 * normalised scores of every indicator once per (normalisation, missing-value policy) pair, and recomputes only the
 * aggregation, which weights and the aggregation method change, into buffers allocated once. Every other setting of
 * `computeIndex` (weights, cap, dampening, reference unit, aggregation by level, the data stage's policies) is fixed
 * for all runs; the data stage (imputation, outlier treatment) runs once per missing-value policy.
 *
 * Memory: one score array per pair used (from `computeIndex`, `(nodes + 1) × units × years` values, so a little more
 * than one panel), one buffer for the groups (`groups × units × years`, a fraction of a panel) and the caller's output
 * block. The input panel itself is shared, never copied.
 */
import { aggregate, planAggregation, type AggregateMethod } from "./aggregate.js";
import { computeIndex, type ComputeOptions, type IndexResult, type MissingPolicy } from "./compute.js";
import { treatData, type TreatedData } from "./prepare.js";
import { ValidationError } from "../errors.js";
import { messages } from "./messages.js";
import type { NormalizeMethod } from "./normalize.js";
import type { Panel } from "./panel.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Tree } from "./types.js";
import { resolveWeights } from "./weight.js";
import { planGroupReflections, reflectGroup, type Reflection } from "./group-direction.js";
import { planNormalization } from "./normalize/plan.js";

/** The settings of `computeIndex` every run of an engine shares (all but the three method choices). */
export type EngineOptions = Omit<ComputeOptions, keyof EngineChoice | "treated">;

/** The method choices of one run. */
export interface EngineChoice {
  normalize: NormalizeMethod;
  aggregate: AggregateMethod;
  missing: MissingPolicy;
}

/** One aggregation step: a group (or the overall index) from its children. */
interface Step {
  /** Code of the group, `INDEX` for the overall index. */
  code: string;
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
  /** Per step and child: whether the child's scores are all observed (no `NaN`); groups are decided per run. */
  complete: boolean[][];
}

export class IndexEngine {
  readonly tree: Tree;
  readonly panel: Panel;
  /** Cells of one block: `units × years`. */
  readonly blockSize: number;
  /** The weight of every node of `tree.nodes` within its siblings (`options.weights`, else the tree's normalised). */
  readonly nominalWeights: Float64Array;
  /** The base year used for every normalisation. */
  readonly baseYear: number;
  /** Siblings as lists of positions in `tree.nodes` (the first list holds the first-level nodes). */
  readonly siblingSets: readonly (readonly number[])[];
  private readonly options: EngineOptions;
  private readonly steps: Step[];
  private readonly groupValues: Float64Array;
  private readonly groupViews: Float64Array[];
  /** For every node of `tree.nodes`, its position in the group buffer, or -1 for an indicator. */
  private readonly groupOfNode: Int32Array;
  private readonly scored = new Map<string, Scored>();
  /** The data stage per missing-value policy, shared by every normalisation. */
  private readonly treated = new Map<MissingPolicy, TreatedData>();
  private readonly validated = new Set<string>();
  private readonly stepMethods = new Map<AggregateMethod, AggregateMethod[]>();
  /** Per (normalisation, aggregation) choice, the reflection of each step's group (`direction: -`), if any. */
  private readonly stepReflections = new Map<string, (Reflection | undefined)[]>();
  /** Per group, whether its values of the current run are all observed. */
  private readonly groupComplete: Uint8Array;
  private readonly sums: Float64Array;

  /** Builds the engine for runs with `options` (as `computeIndex` takes them) and varied methods. */
  constructor(tree: Tree, panel: Panel, options: EngineOptions = {}) {
    this.tree = tree;
    this.panel = panel;
    this.options = options;
    this.baseYear = options.baseYear ?? panel.years[0];
    this.blockSize = panel.units.length * panel.years.length;
    const position = new Map(tree.nodes.map((node, i) => [node.code, i] as const));
    const resolved = options.weights ?? resolveWeights(tree).weights;
    this.nominalWeights = Float64Array.from(tree.nodes, (node) => resolved.get(node.code) ?? Number.NaN);
    const groups = groupsBottomUp(tree);
    const groupPosition = new Map(groups.map((group, i) => [group.code, i] as const));
    this.groupOfNode = Int32Array.from(tree.nodes, (node) => groupPosition.get(node.code) ?? -1);
    this.steps = [...groups.map((group) => group.code), INDEX_CODE].map((code) => {
      const children = childrenOf(tree, code).map((child) => position.get(child)!);
      return { code, children, group: code === INDEX_CODE ? -1 : groupPosition.get(code)!, weights: new Float64Array(children.length) };
    });
    this.siblingSets = this.steps.map((step) => step.children);
    this.groupValues = new Float64Array(groups.length * this.blockSize);
    this.groupViews = groups.map((_, g) => this.groupValues.subarray(g * this.blockSize, (g + 1) * this.blockSize));
    this.groupComplete = new Uint8Array(groups.length);
    this.sums = new Float64Array(this.blockSize);
  }

  /**
   * Checks that the data allow a combination of methods, by computing the index with it once (with the tree's
   * weights), and keeps the scores of its (normalisation, missing-value policy) pair. Throws `ValidationError` listing
   * every problem, headed by which combination it is (a missing base value for fixed-base, a gap under the `error`
   * policy, a score <= 0 under a geometric mean).
   */
  prepare(choice: EngineChoice): IndexResult {
    const key = `${choice.normalize}\u0000${choice.missing}\u0000${choice.aggregate}`;
    const pair = `${choice.normalize}\u0000${choice.missing}`;
    const known = this.scored.get(pair);
    if (known && this.validated.has(key)) return known.result;
    let result: IndexResult;
    try {
      let treated = this.treated.get(choice.missing);
      if (!treated) this.treated.set(choice.missing, (treated = treatData(this.tree, this.panel, { ...this.options, missing: choice.missing })));
      result = computeIndex(this.tree, this.panel, { ...this.options, ...choice, treated });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issue = { code: "E_CHOICE_UNDEFINED", message: messages.choiceUndefined(choice.normalize, choice.aggregate, choice.missing) };
      throw new ValidationError([issue, ...error.issues]);
    }
    this.validated.add(key);
    if (known) return known.result;
    const size = this.blockSize;
    // Node n of the tree is node n + 1 of the result (the overall index comes first); groups live in the group buffer.
    const view = (node: number) =>
      this.groupOfNode[node] >= 0 ? this.groupViews[this.groupOfNode[node]] : result.values.subarray((node + 1) * size, (node + 2) * size);
    const views = this.steps.map((step) => step.children.map(view));
    const complete = this.steps.map((step, s) =>
      step.children.map((child, c) => this.groupOfNode[child] < 0 && !views[s][c].some(Number.isNaN)),
    );
    this.scored.set(pair, { result, views, complete });
    return result;
  }

  /**
   * The overall index (`units × years`, unit-major) for `choice` with `weights` (one per node of `tree.nodes`, within
   * siblings, such as `nominalWeights`), written into `out`. Only the aggregation is computed; scores come from the cache.
   */
  evaluate(choice: EngineChoice, weights: ArrayLike<number>, out: Float64Array): Float64Array {
    const { views, complete } = this.scoredFor(choice);
    const methods = this.methodsFor(choice.aggregate);
    const reflections = this.reflectionsFor(choice, methods);
    for (let s = 0; s < this.steps.length; s++) {
      const step = this.steps[s];
      let allComplete = true;
      for (let c = 0; c < step.children.length; c++) {
        const child = step.children[c];
        step.weights[c] = weights[child];
        const group = this.groupOfNode[child];
        if (!(group < 0 ? complete[s][c] : this.groupComplete[group] === 1)) allComplete = false;
      }
      const target = step.group < 0 ? out : this.groupViews[step.group];
      if (methods[s] === "arithmetic" && allComplete) this.aggregateComplete(views[s], step.weights, target);
      else aggregate(methods[s], views[s], step.weights, target, this.aggregateContext);
      const reflection = reflections[s];
      if (reflection) reflectGroup(target, reflection);
      if (step.group >= 0) this.groupComplete[step.group] = methods[s] === "arithmetic" && allComplete ? 1 : 0;
    }
    return out;
  }

  /**
   * `aggregateArithmetic` for children without any `NaN`, child by child instead of cell by cell (sequential memory,
   * no tests in the inner loop). Same operations in the same order, `first + Σ_{c≥1} w[c]·(s[c] − first) / Σ w`, so
   * the same bits: equal scores still give exactly that score.
   */
  private aggregateComplete(children: readonly Float64Array[], weights: Float64Array, out: Float64Array): void {
    let weightSum = 0;
    for (let c = 0; c < children.length; c++) weightSum += weights[c];
    const first = children[0];
    if (!(weightSum > 0)) {
      out.fill(Number.NaN);
      return;
    }
    const sums = this.sums;
    sums.fill(0);
    for (let c = 1; c < children.length; c++) {
      const child = children[c];
      const weight = weights[c];
      for (let cell = 0; cell < sums.length; cell++) sums[cell] += weight * (child[cell] - first[cell]);
    }
    for (let cell = 0; cell < sums.length; cell++) out[cell] = first[cell] + sums[cell] / weightSum;
  }

  /** The shape of a block and the power mean's exponent, for `aggregate`. */
  private get aggregateContext() {
    return { unitCount: this.panel.units.length, yearCount: this.panel.years.length, power: this.options.power };
  }

  /** The reflection of every step's group under `choice` (undefined for a group without direction `-`). */
  private reflectionsFor(choice: EngineChoice, methods: readonly AggregateMethod[]): (Reflection | undefined)[] {
    const key = `${choice.normalize}\u0000${choice.aggregate}`;
    let reflections = this.stepReflections.get(key);
    if (!reflections) {
      const options = this.options;
      const plans = planNormalization(this.tree, { method: choice.normalize, cap: options.cap, dampen: options.dampen, range: options.range, zScale: options.zScale }).plans;
      const planned = planGroupReflections(this.tree, plans, new Map(this.steps.map((step, s) => [step.code, methods[s]] as const)));
      reflections = this.steps.map((step) => planned.reflections.get(step.code));
      this.stepReflections.set(key, reflections);
    }
    return reflections;
  }

  private scoredFor(choice: EngineChoice): Scored {
    const scored = this.scored.get(`${choice.normalize}\u0000${choice.missing}`);
    if (scored) return scored;
    this.prepare(choice);
    return this.scored.get(`${choice.normalize}\u0000${choice.missing}`)!;
  }

  /**
   * The method of every step when `method` is the default: `options.aggregateByLevel` overrides it per level, and the
   * tree's `aggregate` column per group.
   */
  private methodsFor(method: AggregateMethod): AggregateMethod[] {
    let methods = this.stepMethods.get(method);
    if (!methods) {
      const plan = planAggregation(this.tree, { method, byLevel: this.options.aggregateByLevel ?? {} });
      methods = this.steps.map((step) => plan.methods.get(step.code) ?? method);
      this.stepMethods.set(method, methods);
    }
    return methods;
  }
}
