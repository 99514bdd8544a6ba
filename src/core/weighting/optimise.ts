/**
 * Weights optimised for effective importance: the weights under which each child's share of the explained variation
 * of its parent (its squared correlation with the parent, normalised within siblings) matches a target share.
 */
import { pearsonObserved } from "../audit/correlation.js";
import type { Issue } from "../../errors.js";
import { aggregate, type AggregateMethod } from "../aggregate.js";
import type { IndexResult } from "../compute.js";
import { reflectGroup, type Reflection } from "../group-direction.js";
import { childrenOf, groupsBottomUp } from "../tree.js";
import { INDEX_CODE, type Tree } from "../types.js";
import type { Weights } from "../weight.js";
import { weightingMessages } from "./messages.js";

/** One child's target and achieved share of effective importance. */
export interface ImportanceShare {
  code: string;
  parent: string;
  /** The target share (the child's nominal weight within its siblings, by default). */
  target: number;
  /** `r²/Σ r²` among the siblings at the optimised weights, r the Pearson correlation with the parent. */
  achieved: number;
  /** The share at the nominal weights, before optimising. */
  nominal: number;
}

export interface OptimisedWeights {
  weights: Weights;
  rows: ImportanceShare[];
  warnings: Issue[];
}

/** Each child's `r²/Σ r²` with the parent. */
function shares(children: readonly Float64Array[], parent: Float64Array): number[] {
  const squares = children.map((child) => {
    const r = pearsonObserved(child, parent);
    return Number.isNaN(r) ? 0 : r * r;
  });
  const total = squares.reduce((sum, value) => sum + value, 0);
  return squares.map((value) => (total > 0 ? value / total : Number.NaN));
}

/** Whether `values` hold two different observed values (`NaN` is missing). */
function varies(values: Float64Array): boolean {
  let first = Number.NaN;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (Number.isNaN(first)) first = value;
    else if (value !== first) return true;
  }
  return false;
}

/**
 * Optimises the weights of every set of siblings, from the bottom of the tree up (a group's values are recomputed
 * with the weights found below it), so that each child's effective importance `r²[c]/Σ r²` (r the Pearson
 * correlation of the child with its parent over every unit-year) matches `targets` (within siblings; default the
 * nominal weights, normalised). The search takes multiplicative steps `w[c] ← w[c]·(target[c]/share[c])^h`,
 * renormalised, accepting a step only when it lowers `Σ (share − target)²` (h grows after a good step and halves after
 * a bad one), until every share is within `tolerance` of its target (default 1e−6), or `maxIterations` (default 500)
 * have run or no step helps, which leaves a warning with the closest shares found (some targets cannot be reached:
 * two children that move together cannot be given very different importance). A child that does not vary has share 0 and keeps target
 * 0. A group none of whose children correlates with it (fewer than 2 unit-years: `W_OPTIMISE_FEW_OBSERVATIONS`, once;
 * no child varies, or the group does not: `W_OPTIMISE_NO_VARIATION`) keeps its starting weights, its shares `NaN`.
 * `result` supplies the indicator scores; `methods` the aggregation of each group (`INDEX` included). A group marked
 * `direction: -` is flipped after every aggregation as the index flips it (`reflections`, default
 * `result.groupReflections`), so its children's shares are taken against its flipped values and its parent aggregates,
 * and correlates it, on the flipped values too.
 * @example optimiseWeights(tree, result, methods, result's weights) // => weights whose importance shares match them
 * Reference: Paruolo, Saisana & Saltelli (2013), JRSS A 176(3), 609-634. (COINr's `get_opt_weights`, Becker et al. 2022,
 * optimises another objective: the shares of plain correlations with the index, level by level; docs/methods.md.)
 */
/** An optimised weight below this, for a child whose target is above 0, is the search driving the child out (the multiplicative steps reach 0 only in the limit). */
const DEGENERATE_WEIGHT = 1e-6;

export function optimiseWeights(
  tree: Tree,
  result: Pick<IndexResult, "units" | "years" | "nodes" | "values" | "groupReflections">,
  methods: ReadonlyMap<string, AggregateMethod>,
  targets: Weights,
  options: { power?: number; tolerance?: number; maxIterations?: number; reflections?: ReadonlyMap<string, Reflection> } = {},
): OptimisedWeights {
  const reflections = options.reflections ?? result.groupReflections ?? new Map<string, Reflection>();
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 500;
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const size = unitCount * yearCount;
  const position = new Map(result.nodes.map((node, i) => [node.code, i] as const));
  const values = new Map<string, Float64Array>();
  for (const code of tree.indicators) values.set(code, result.values.subarray(position.get(code)! * size, (position.get(code)! + 1) * size));
  // Every node's values at the starting weights (the indicators' scores are the same either way).
  const nominalValues = new Map(values);
  const weights = new Map(targets);
  const rows: ImportanceShare[] = [];
  const warnings: Issue[] = [];
  const droppedOut: string[] = [];
  const context = { unitCount, yearCount, power: options.power };

  for (const code of [...groupsBottomUp(tree).map((group) => group.code), INDEX_CODE]) {
    const childCodes = childrenOf(tree, code);
    const children = childCodes.map((child) => values.get(child)!);
    const method = methods.get(code) ?? "arithmetic";
    const targetSum = childCodes.reduce((sum, child) => sum + (targets.get(child) ?? 0), 0);
    const target = childCodes.map((child) => (targets.get(child) ?? 0) / targetSum);
    const parent = new Float64Array(size);
    const reflection = reflections.get(code);
    // The group's values as the index has them: aggregated, then flipped when the group is marked `-`.
    const evaluateFrom = (from: readonly Float64Array[], weights: readonly number[], out: Float64Array) => {
      aggregate(method, from, weights, out, context);
      if (reflection) reflectGroup(out, reflection);
    };
    const evaluate = (weights: readonly number[]) => evaluateFrom(children, weights, parent);
    // The nominal shares are those of the tree at the starting weights throughout: the children as the starting
    // weights make them (not as the weights optimised below them do), and the group from them.
    const nominalChildren = childCodes.map((child) => nominalValues.get(child)!);
    const nominalParent = new Float64Array(size);
    evaluateFrom(nominalChildren, target, nominalParent);
    nominalValues.set(code, nominalParent);
    const nominal = shares(nominalChildren, nominalParent);
    let current = [...target];
    evaluate(current);
    let achieved = shares(children, parent);
    // No child correlates with the group (too few unit-years for a correlation, or nothing varies): its shares are
    // undefined, there is nothing to optimise, and the starting weights are kept, with a warning naming the cause, once
    // for the whole tree when it is too few unit-years.
    const undefinedShares = childCodes.length > 1 && achieved.some(Number.isNaN);
    if (undefinedShares && size < 2) {
      if (!warnings.some((warning) => warning.code === "W_OPTIMISE_FEW_OBSERVATIONS"))
        warnings.push({ code: "W_OPTIMISE_FEW_OBSERVATIONS", message: weightingMessages.optimiseFewObservations(size) });
    } else if (undefinedShares) {
      const constant = childCodes.filter((_, c) => !varies(children[c]));
      warnings.push({ code: "W_OPTIMISE_NO_VARIATION", id: code, message: weightingMessages.optimiseNoVariation(code, size, constant, childCodes.length) });
    }
    const errorOf = (list: readonly number[]) => list.reduce((sum, share, c) => sum + (share - target[c]) ** 2, 0);
    let error = errorOf(achieved);
    let converged = childCodes.length === 1 || undefinedShares;
    // A damped step that shrinks when it overshoots (the error grows) and grows again when it helps, so the search
    // never leaves the best weights found.
    let step = 0.5;
    for (let iteration = 0; iteration < maxIterations && !converged && step > 1e-9; iteration++) {
      if (achieved.every((share, c) => Math.abs(share - target[c]) <= tolerance)) {
        converged = true;
        break;
      }
      const proposal = current.map((weight, c) => (target[c] === 0 ? 0 : weight * Math.pow(target[c] / Math.max(achieved[c], 1e-12), step)));
      const sum = proposal.reduce((total, weight) => total + weight, 0);
      const normalised = proposal.map((weight) => weight / sum);
      evaluate(normalised);
      const proposed = shares(children, parent);
      const proposedError = errorOf(proposed);
      if (proposedError < error) {
        current = normalised;
        achieved = proposed;
        error = proposedError;
        step = Math.min(1, step * 1.5);
      } else step /= 2;
    }
    // the parent at the accepted weights, for the level above
    evaluate(current);
    if (!converged && !achieved.every((share, c) => Math.abs(share - target[c]) <= tolerance))
      warnings.push({ code: "W_OPTIMISE_NOT_CONVERGED", id: code, message: weightingMessages.optimiseNotConverged(code, maxIterations, Math.max(...achieved.map((share, c) => Math.abs(share - target[c])))) });
    childCodes.forEach((child, c) => {
      if (target[c] > 0 && current[c] < DEGENERATE_WEIGHT) droppedOut.push(child);
      weights.set(child, current[c]);
      rows.push({ code: child, parent: code, target: target[c], achieved: achieved[c], nominal: nominal[c] });
    });
    values.set(code, parent);
  }
  // One summary for the whole tree, first: nodes the search drove out (weight 0 for a target above 0) say the data cannot
  // support the targets, which the per-group warnings above do not.
  if (droppedOut.length > 0) warnings.unshift({ code: "W_OPTIMISE_DEGENERATE", message: weightingMessages.optimiseDegenerate(droppedOut, size) });
  return { weights, rows, warnings };
}
