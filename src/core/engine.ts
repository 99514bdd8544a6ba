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
import { computeIndex, type ComputeInternals, type ComputeOptions, type IndexResult, type MissingPolicy } from "./compute.js";
import { treatData, type TreatedData } from "./prepare.js";
import { ValidationError, type Issue } from "../errors.js";
import { messages } from "./messages.js";
import type { NormalizeMethod } from "./normalize.js";
import type { Panel } from "./panel.js";
import { childrenOf, groupsBottomUp } from "./tree.js";
import { INDEX_CODE, type Tree } from "./types.js";
import { resolveWeights } from "./weight.js";
import { planGroupReflections, reflectGroup, type Reflection } from "./group-direction.js";
import { planNormalization } from "./normalize/plan.js";
import { applyMinCoverage } from "./group-coverage.js";
import { unitLookalikeWarnings } from "./unit-lookalike.js";

/**
 * The settings of `computeIndex` every run of an engine shares: all but the three method choices, the data stage's
 * reuse and screening (screen the panel first, with `screenPanel`).
 */
export type EngineOptions = Omit<ComputeOptions, keyof EngineChoice | "screen">;

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
  /** Per aggregation method, per step: the terms of a step whose children are all indicators (see `FixedStep`). */
  fixed: Map<AggregateMethod, (FixedStep | undefined)[]>;
}

/** The means whose per-child terms depend on the scores alone (`aggregate/means.ts`), so they are computed once. */
type FixedMethod = "arithmetic" | "geometric" | "harmonic";
const FIXED_METHODS: ReadonlySet<AggregateMethod> = new Set<FixedMethod>(["arithmetic", "geometric", "harmonic"]);

/**
 * A step whose children are all indicators, under a weighted mean: the scores never change between runs, so neither
 * does each cell's `reference` (its first observed child) nor each child's term in the mean (`score − reference`,
 * `ln(score / reference)` or `reference / score`, as `aggregate/means.ts` computes them). A run then only multiplies
 * the terms by its weights, child by child, with the same operations in the same order, so the same bits.
 */
interface FixedStep {
  method: FixedMethod;
  reference: Float64Array;
  /** Per child: its term in every cell, 0 where it is missing. */
  terms: Float64Array[];
  /**
   * Under the geometric or harmonic mean, the cells where a child scores <= 0, and that child, side by side: the mean
   * is `NaN` there in a run that gives the child a weight other than 0 (one of weight 0 takes no part). Its term is 0.
   */
  undefinedCells: Int32Array;
  undefinedChildren: Int32Array;
  /** The cells where a child is missing (the others weigh all the children)... */
  gapCells: Int32Array;
  /** ...and, per such cell and child, 1 where the child is observed. */
  gapPresent: Uint8Array;
}

/** The mean of a `FixedStep` in one cell from its sum of weighted terms and its children's weight sum. */
function fixedMean(method: FixedMethod, reference: number, sum: number, weightSum: number): number {
  if (!(weightSum > 0)) return Number.NaN;
  if (method === "arithmetic") return reference + sum / weightSum;
  return method === "geometric" ? reference * Math.exp(sum / weightSum) : (reference * weightSum) / sum;
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
  /**
   * The panel's `W_UNIT_LOOKALIKE` warnings: those of the panel before screening when the caller gives them (as
   * `computeIndex` looks before it screens), else found by the first combination validated; given to every other.
   */
  private unitLookalikes?: readonly Issue[];
  /** Per combination validated, the warnings of its own run (an exponent unused by one aggregation is read by another). */
  private readonly validated = new Map<string, IndexResult["warnings"]>();
  private readonly stepMethods = new Map<AggregateMethod, AggregateMethod[]>();
  /** Per (normalisation, aggregation) choice, the reflection of each step's group (`direction: -`), if any. */
  private readonly stepReflections = new Map<string, (Reflection | undefined)[]>();
  /** Per group, whether its values of the current run are all observed. */
  private readonly groupComplete: Uint8Array;
  private readonly sums: Float64Array;
  /** The shape of a block and the power mean's exponent, for `aggregate`. */
  private readonly aggregateContext: { unitCount: number; yearCount: number; power: number | undefined };

  /**
   * Builds the engine for runs with `options` (as `computeIndex` takes them) and varied methods. `unitLookalikes`: the
   * `W_UNIT_LOOKALIKE` warnings of the panel before it was screened (`ComputeInternals`). Default: `panel`'s own.
   */
  constructor(tree: Tree, panel: Panel, { unitLookalikes, ...options }: EngineOptions & Pick<ComputeInternals, "unitLookalikes"> = {}) {
    this.tree = tree;
    this.panel = panel;
    this.options = options;
    this.unitLookalikes = unitLookalikes;
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
    this.aggregateContext = { unitCount: panel.units.length, yearCount: panel.years.length, power: options.power };
  }

  /**
   * Checks that the data allow a combination of methods, by computing the index with it once (with the tree's
   * weights), and keeps the scores of its (normalisation, missing-value policy) pair. Throws `ValidationError` listing
   * every problem, headed by which combination it is (a missing base value for fixed-base, a gap under the `error`
   * policy, a score <= 0 under a geometric mean). The result is the pair's, with the combination's own warnings.
   */
  prepare(choice: EngineChoice): IndexResult {
    const key = `${choice.normalize}\u0000${choice.missing}\u0000${choice.aggregate}`;
    const pair = `${choice.normalize}\u0000${choice.missing}`;
    const known = this.scored.get(pair);
    const ownWarnings = (result: IndexResult, warnings = this.validated.get(key)!) => (result.warnings === warnings ? result : { ...result, warnings });
    if (known && this.validated.has(key)) return ownWarnings(known.result);
    let result: IndexResult;
    try {
      let treated = this.treated.get(choice.missing);
      if (!treated) this.treated.set(choice.missing, (treated = treatData(this.tree, this.panel, { ...this.options, missing: choice.missing })));
      // The units do not change between combinations: their look-alike names are looked for once.
      this.unitLookalikes ??= unitLookalikeWarnings(this.panel);
      result = computeIndex(this.tree, this.panel, { ...this.options, ...choice, treated, unitLookalikes: this.unitLookalikes });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issue = { code: "E_CHOICE_UNDEFINED", message: messages.choiceUndefined(choice.normalize, choice.aggregate, choice.missing) };
      throw new ValidationError([issue, ...error.issues]);
    }
    this.validated.set(key, result.warnings);
    if (known) return ownWarnings(known.result);
    const size = this.blockSize;
    // Node n of the tree is node n + 1 of the result (the overall index comes first); groups live in the group buffer.
    const view = (node: number) =>
      this.groupOfNode[node] >= 0 ? this.groupViews[this.groupOfNode[node]] : result.values.subarray((node + 1) * size, (node + 2) * size);
    const views = this.steps.map((step) => step.children.map(view));
    const complete = this.steps.map((step, s) =>
      step.children.map((child, c) => this.groupOfNode[child] < 0 && !views[s][c].some(Number.isNaN)),
    );
    this.scored.set(pair, { result, views, complete, fixed: new Map() });
    return result;
  }

  /**
   * The overall index (`units × years`, unit-major) for `choice` with `weights` (one per node of `tree.nodes`, within
   * siblings, such as `nominalWeights`), written into `out`. Only the aggregation is computed; scores come from the cache.
   */
  evaluate(choice: EngineChoice, weights: ArrayLike<number>, out: Float64Array): Float64Array {
    const scored = this.scoredFor(choice);
    const { views, complete } = scored;
    const methods = this.methodsFor(choice.aggregate);
    const reflections = this.reflectionsFor(choice, methods);
    const fixed = this.fixedStepsFor(scored, choice.aggregate, methods);
    for (let s = 0; s < this.steps.length; s++) {
      const step = this.steps[s];
      let allComplete = true;
      let finite = true;
      for (let c = 0; c < step.children.length; c++) {
        const child = step.children[c];
        step.weights[c] = weights[child];
        if (!Number.isFinite(weights[child])) finite = false;
        const group = this.groupOfNode[child];
        if (!(group < 0 ? complete[s][c] : this.groupComplete[group] === 1)) allComplete = false;
      }
      const target = step.group < 0 ? out : this.groupViews[step.group];
      const fixedStep = fixed[s];
      // Whether the step's values are all observed: those of the arithmetic mean of complete children with weights
      // that sum to more than 0; any other step's are checked by the next step's own path.
      let completeOut = false;
      if (methods[s] === "arithmetic" && allComplete) completeOut = this.aggregateComplete(views[s], step.weights, target);
      else if (fixedStep && finite) this.aggregateFixed(fixedStep, step.weights, target);
      else aggregate(methods[s], views[s], step.weights, target, this.aggregateContext);
      // The minimum coverage, as computeIndex applies it (before the reflection); a step whose children are all
      // observed has full coverage.
      if (this.options.minGroupCoverage !== undefined && !allComplete) applyMinCoverage(views[s], this.options.minGroupCoverage, target);
      const reflection = reflections[s];
      if (reflection) reflectGroup(target, reflection);
      // A ratio's reflection turns a value <= 0 into NaN: the step is not known to be complete then.
      if (step.group >= 0) this.groupComplete[step.group] = completeOut && reflection?.kind !== "ratio" ? 1 : 0;
    }
    return out;
  }

  /**
   * `aggregateArithmetic` for children without any `NaN`, child by child instead of cell by cell (sequential memory,
   * no tests in the inner loop). Same operations in the same order, `first + Σ_{c≥1} w[c]·(s[c] − first) / Σ w`, so
   * the same bits: equal scores still give exactly that score. Returns whether every value is observed (weights that
   * sum to more than 0 and finitely).
   */
  private aggregateComplete(children: readonly Float64Array[], weights: Float64Array, out: Float64Array): boolean {
    let weightSum = 0;
    for (let c = 0; c < children.length; c++) weightSum += weights[c];
    const first = children[0];
    if (!(weightSum > 0)) {
      out.fill(Number.NaN);
      return false;
    }
    const sums = this.sums;
    sums.fill(0);
    for (let c = 1; c < children.length; c++) {
      const child = children[c];
      const weight = weights[c];
      for (let cell = 0; cell < sums.length; cell++) sums[cell] += weight * (child[cell] - first[cell]);
    }
    for (let cell = 0; cell < sums.length; cell++) out[cell] = first[cell] + sums[cell] / weightSum;
    return Number.isFinite(weightSum);
  }

  /**
   * A weighted mean of a step's fixed terms (`FixedStep`): per cell `Σ w[c]·term[c]`, child by child (a missing child's
   * term is 0, and `w·0 = 0` changes no sum), and the children's weight sum, of all of them or, in a cell with a missing
   * child, of the observed ones, in the order of `aggregate/means.ts`; then the mean as there. The weights must be
   * finite (`w·0` is `NaN` for an infinite one).
   */
  private aggregateFixed(step: FixedStep, weights: Float64Array, out: Float64Array): void {
    const { terms, reference, undefinedCells, undefinedChildren, gapCells, gapPresent } = step;
    const sums = this.sums;
    const childCount = terms.length;
    sums.fill(0);
    let weightSum = 0;
    for (let c = 0; c < childCount; c++) {
      const weight = weights[c];
      const term = terms[c];
      weightSum += weight;
      for (let cell = 0; cell < sums.length; cell++) sums[cell] += weight * term[cell];
    }
    const method = step.method;
    for (let cell = 0; cell < sums.length; cell++) out[cell] = fixedMean(method, reference[cell], sums[cell], weightSum);
    // A cell with a missing child: the sum of its observed children's weights, in their order.
    for (let g = 0; g < gapCells.length; g++) {
      const cell = gapCells[g];
      let observedSum = 0;
      for (let c = 0; c < childCount; c++) if (gapPresent[g * childCount + c] === 1) observedSum += weights[c];
      out[cell] = fixedMean(method, reference[cell], sums[cell], observedSum);
    }
    // A child scoring <= 0 under the geometric or harmonic mean makes its cell undefined unless it weighs 0 in this run.
    for (let k = 0; k < undefinedCells.length; k++) if (weights[undefinedChildren[k]] !== 0) out[undefinedCells[k]] = Number.NaN;
  }

  /** The fixed terms of every step of `scored` whose children are all indicators and whose method is a mean. */
  private fixedStepsFor(scored: Scored, method: AggregateMethod, methods: readonly AggregateMethod[]): (FixedStep | undefined)[] {
    let fixed = scored.fixed.get(method);
    if (!fixed) {
      fixed = this.steps.map((step, s) =>
        FIXED_METHODS.has(methods[s]) && step.children.every((child) => this.groupOfNode[child] < 0)
          ? fixedStep(methods[s] as FixedMethod, scored.views[s])
          : undefined,
      );
      scored.fixed.set(method, fixed);
    }
    return fixed;
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

/** The fixed terms of a step under `method` from its children's scores (see `FixedStep`). */
function fixedStep(method: FixedMethod, children: readonly Float64Array[]): FixedStep {
  const size = children[0].length;
  const reference = new Float64Array(size).fill(Number.NaN);
  // As `aggregate/means.ts`: the reference is the first observed child, above 0 under the geometric and harmonic means,
  // where a child <= 0 has no term (it may weigh 0) and is listed instead.
  const positiveOnly = method !== "arithmetic";
  const undefinedCells: number[] = [];
  const undefinedChildren: number[] = [];
  children.forEach((child, c) => {
    for (let cell = 0; cell < size; cell++) {
      const score = child[cell];
      if (Number.isNaN(score)) continue;
      if (positiveOnly && !(score > 0)) {
        undefinedCells.push(cell);
        undefinedChildren.push(c);
      } else if (Number.isNaN(reference[cell])) reference[cell] = score;
    }
  });
  const terms = children.map((child) =>
    Float64Array.from(child, (score, cell) => {
      if (Number.isNaN(score) || (positiveOnly && !(score > 0))) return 0;
      const first = reference[cell];
      return method === "arithmetic" ? score - first : method === "geometric" ? Math.log(score / first) : first / score;
    }),
  );
  const gapCells: number[] = [];
  const gapPresent: number[] = [];
  for (let cell = 0; cell < size; cell++) {
    if (children.every((child) => !Number.isNaN(child[cell]))) continue;
    gapCells.push(cell);
    for (const child of children) gapPresent.push(Number.isNaN(child[cell]) ? 0 : 1);
  }
  return {
    method,
    reference,
    terms,
    undefinedCells: Int32Array.from(undefinedCells),
    undefinedChildren: Int32Array.from(undefinedChildren),
    gapCells: Int32Array.from(gapCells),
    gapPresent: Uint8Array.from(gapPresent),
  };
}
