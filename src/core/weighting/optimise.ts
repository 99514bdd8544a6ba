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
import { minimiseOnSimplex, type SimplexSearch } from "./simplex-search.js";

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

/**
 * `x`'s squared Pearson correlation with `y` over the cells both observe, 0 where it is undefined: the arithmetic of
 * `pearsonObserved` (the same sums in the same order, so the same number), without its list of positions, as the search
 * evaluates it thousands of times.
 */
function squaredCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { meanX, meanY } = pairMeans(x, y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < x.length; k++) {
    if (Number.isNaN(x[k]) || Number.isNaN(y[k])) continue;
    const dx = x[k] - meanX;
    const dy = y[k] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return 0;
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return r * r;
}

/** The means of `x` and `y` over the cells both observe, and how many those are (the sums in the order of the cells). */
function pairMeans(x: ArrayLike<number>, y: ArrayLike<number>): { count: number; meanX: number; meanY: number } {
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let k = 0; k < x.length; k++) {
    if (Number.isNaN(x[k]) || Number.isNaN(y[k])) continue;
    count++;
    sumX += x[k];
    sumY += y[k];
  }
  return { count, meanX: sumX / count, meanY: sumY / count };
}

/** The children's covariances over the cells both of a pair observe (divided by their count). */
function covariances(children: readonly Float64Array[]): number[][] {
  const matrix = children.map(() => new Array<number>(children.length).fill(0));
  for (let i = 0; i < children.length; i++)
    for (let j = i; j < children.length; j++) {
      const [x, y] = [children[i], children[j]];
      const { count, meanX, meanY } = pairMeans(x, y);
      let sum = 0;
      for (let k = 0; k < x.length; k++) if (!Number.isNaN(x[k]) && !Number.isNaN(y[k])) sum += (x[k] - meanX) * (y[k] - meanY);
      matrix[i][j] = matrix[j][i] = count > 1 ? sum / count : 0;
    }
  return matrix;
}

/**
 * The squared correlations of children with a group that is linear in them (the weighted arithmetic mean of children
 * observed in every cell), up to a common factor, from their covariances C: the group is `Σ w·x/Σ w`, so
 * `cov(x[c], group) ∝ (C·w)[c]`, and `r[c]² ∝ (C·w)[c]²/C[c][c]` (the group's variance divides them all, and leaves
 * the shares unchanged). 0 for a child that does not vary, and for all when the group does not vary.
 */
function linearSquares(covariance: readonly number[][], weights: ArrayLike<number>, out: Float64Array): Float64Array {
  let variance = 0;
  for (let c = 0; c < out.length; c++) {
    let sum = 0;
    for (let k = 0; k < out.length; k++) sum += covariance[c][k] * weights[k];
    out[c] = covariance[c][c] > 0 ? (sum * sum) / covariance[c][c] : 0;
    variance += weights[c] * sum;
  }
  if (!(variance > 0)) out.fill(0);
  return out;
}

/**
 * Starting weights from the covariances of the children (of the `free` ones that vary): for signs s[c] = ±1, the
 * weights w = C⁻¹·b, b[c] = s[c]·√(target[c]·C[c][c]), give `(C·w)[c]/√C[c][c] = s[c]·√target[c]`, so each child's
 * correlation with a linear group has the sign s[c] and the shares are the targets exactly, when those weights are
 * all >= 0. Where some are below 0, their positive parts start a search in the basin of that pattern of signs: the
 * shares ignore the sign of a correlation, so the objective has a basin for each pattern, and the best is not always
 * the one where every child correlates positively. Every pattern for up to 10 children, else those with at most two
 * children negative; none when the covariances are singular. Ranked by the objective of a linear group
 * (`linearSquares`), the best `count`, as weights of the `free` children summing to 1.
 */
function signedStarts(covariance: readonly number[][], target: readonly number[], free: readonly number[], count: number): number[][] {
  const varying = free.filter((c) => covariance[c][c] > 0);
  const size = varying.length;
  if (size < 2) return [];
  // LU with partial pivoting of the varying children's covariances, refused when a pivot vanishes (singular).
  const lu = varying.map((i) => varying.map((j) => covariance[i][j]));
  const pivots = varying.map((_, k) => k);
  const scale = Math.max(...varying.map((c) => covariance[c][c]));
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(lu[row][column]) > Math.abs(lu[pivot][column])) pivot = row;
    if (!(Math.abs(lu[pivot][column]) > 1e-12 * scale)) return [];
    [lu[column], lu[pivot]] = [lu[pivot], lu[column]];
    [pivots[column], pivots[pivot]] = [pivots[pivot], pivots[column]];
    for (let row = column + 1; row < size; row++) {
      const factor = (lu[row][column] /= lu[column][column]);
      for (let k = column + 1; k < size; k++) lu[row][k] -= factor * lu[column][k];
    }
  }
  const right = new Float64Array(size);
  const solution = new Float64Array(size);
  const all = new Float64Array(target.length);
  /** The weights of the pattern `mask` (bit k set: varying child k negative) into `all`, their sum returned. */
  const weightsOfPattern = (mask: number): number => {
    for (let row = 0; row < size; row++) {
      const c = varying[pivots[row]];
      right[row] = (Math.floor(mask / 2 ** pivots[row]) % 2 === 1 ? -1 : 1) * Math.sqrt(target[c] * covariance[c][c]);
    }
    for (let row = 0; row < size; row++) {
      let sum = right[row];
      for (let k = 0; k < row; k++) sum -= lu[row][k] * solution[k];
      solution[row] = sum;
    }
    for (let row = size - 1; row >= 0; row--) {
      let sum = solution[row];
      for (let k = row + 1; k < size; k++) sum -= lu[row][k] * solution[k];
      solution[row] = sum / lu[row][row];
    }
    all.fill(0);
    let sum = 0;
    for (let k = 0; k < size; k++) {
      all[varying[k]] = Math.max(solution[k], 0);
      sum += all[varying[k]];
    }
    return sum;
  };
  const masks: number[] = [];
  if (size <= 10) for (let mask = 0; mask < 2 ** size; mask++) masks.push(mask);
  else {
    masks.push(0);
    for (let i = 0; i < size; i++) {
      masks.push(2 ** i);
      for (let j = i + 1; j < size; j++) masks.push(2 ** i + 2 ** j);
    }
  }
  const squares = new Float64Array(target.length);
  const values = masks.map((mask) => {
    if (!(weightsOfPattern(mask) > 0)) return Infinity;
    linearSquares(covariance, all, squares);
    let total = 0;
    for (let c = 0; c < squares.length; c++) total += squares[c];
    if (!(total > 0)) return Infinity;
    let value = 0;
    for (let c = 0; c < squares.length; c++) value += (squares[c] / total - target[c]) ** 2;
    return value;
  });
  const order = masks.map((_, index) => index).sort((a, b) => values[a] - values[b] || a - b);
  const chosen: number[][] = [];
  for (const index of order) {
    if (chosen.length === count || !(values[index] < Infinity)) break;
    const sum = weightsOfPattern(masks[index]);
    const weights = free.map((c) => all[c] / sum);
    if (!chosen.some((other) => other.every((weight, k) => Math.abs(weight - weights[k]) < 1e-9))) chosen.push(weights);
  }
  return chosen;
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

/** How many starting weights from the patterns of signs (`signedStarts`) the search of a group adds. */
const SIGNED_STARTS = 6;

/**
 * The weights of one group's children, among those >= 0 summing to 1 (a child whose target is 0 keeps weight 0), with
 * the least `Σ (share − target)²`, stopping early when every share is within `tolerance` (`minimiseOnSimplex`). The
 * search runs first on the shares of a linear group, from the children's covariances (`linearSquares`), which cost
 * nothing to evaluate whatever the number of cells: from the target weights, equal weights, the best weights of
 * `signedStarts` and, for each child, the target weights moved halfway towards that child alone. Those are the shares
 * when `evaluateShares` is not given (the group is linear); otherwise `evaluateShares` (the squared correlations with
 * the group as the index aggregates it) is searched from the target weights, from where the searches of the linear
 * shares ended (their best weights, and the ends of the other basins searched to the end) and from the best three
 * weights of `signedStarts`: the basins of the linear shares are mostly those of the group's own, but not always.
 */
function searchWeights(
  target: readonly number[],
  covariance: readonly number[][],
  evaluateShares: ((weights: Float64Array, squares: Float64Array) => void) | undefined,
  tolerance: number,
  maxEvaluations: number,
): SimplexSearch {
  const free = target.flatMap((share, c) => (share > 0 ? [c] : []));
  const all = new Float64Array(target.length);
  const squares = new Float64Array(target.length);
  let gap = Infinity;
  const objectiveOf =
    (fill: (weights: Float64Array, squares: Float64Array) => void) =>
    (weights: ArrayLike<number>): number => {
      for (let k = 0; k < free.length; k++) all[free[k]] = weights[k];
      fill(all, squares);
      let total = 0;
      for (let c = 0; c < squares.length; c++) total += squares[c];
      gap = Infinity;
      if (!(total > 0)) return Infinity;
      // Locals, written to the captured gap once (a captured number written in the loop is a new heap number each time).
      let value = 0;
      let largest = 0;
      for (let c = 0; c < target.length; c++) {
        const difference = squares[c] / total - target[c];
        value += difference * difference;
        if (Math.abs(difference) > largest) largest = Math.abs(difference);
      }
      gap = largest;
      return value;
    };
  const reached = () => gap <= tolerance;
  const freeTarget = free.map((c) => target[c]);
  const starts = [freeTarget];
  if (freeTarget.some((share) => Math.abs(share - 1 / free.length) > 1e-12)) starts.push(freeTarget.map(() => 1 / free.length));
  const signed = signedStarts(covariance, target, free, SIGNED_STARTS);
  starts.push(...signed);
  free.forEach((_, k) => starts.push(freeTarget.map((share, j) => (share + (j === k ? 1 : 0)) / 2)));
  const linear = minimiseOnSimplex(objectiveOf((weights, out) => linearSquares(covariance, weights, out)), starts, { maxEvaluations, reached });
  let search = linear;
  if (evaluateShares) {
    const elsewhere = (weights: readonly number[]) => weights.some((weight, k) => Math.abs(weight - linear.weights[k]) >= 1e-3);
    // Each evaluation aggregates every cell: the weights found on the linear shares are searched to the end first,
    // the other starts coarsely, with fewer evaluations, and the best two of them to the end.
    const exact = minimiseOnSimplex(objectiveOf(evaluateShares), [freeTarget, ...[...linear.ends, ...signed.slice(0, 3)].filter(elsewhere)], { maxEvaluations, reached, coarseEvaluations: 15, first: linear.weights });
    search = { ...exact, evaluations: linear.evaluations + exact.evaluations, starts: linear.starts, converged: linear.converged && exact.converged };
  }
  const weights = new Array<number>(target.length).fill(0);
  free.forEach((c, k) => (weights[c] = search.weights[k]));
  return { ...search, weights };
}

/**
 * Optimises the weights of every set of siblings, from the bottom of the tree up (a group's values are recomputed
 * with the weights found below it), so that each child's effective importance `r²[c]/Σ r²` (r the Pearson
 * correlation of the child with its parent over every unit-year) is as close as it can be to `targets` (within
 * siblings; default the nominal weights, normalised): the weights >= 0 with the least `Σ (share − target)²`, found by
 * Nelder–Mead searches over weights that may be exactly 0 (`minimiseOnSimplex`) from several deterministic starts
 * (the targets, equal weights, weights under which a linear group would reach the targets with each pattern of signs
 * of its children's correlations, and the targets leaning towards each child), the best kept. The search stops early
 * when every share is within `tolerance` of its target (default 1e−6); otherwise, when it ends, a warning gives the
 * largest gap at the closest weights found (some targets cannot be reached: two children that move together cannot be
 * given very different importance), and says so if `maxEvaluations` (default 50,000 for a group) ran out first. A
 * child whose target is 0 keeps weight 0. A group none of whose children correlates with it (fewer than 2 unit-years:
 * `W_OPTIMISE_FEW_OBSERVATIONS`, once; no child varies, or the group does not: `W_OPTIMISE_NO_VARIATION`) keeps its
 * starting weights, its shares `NaN`. A group that is the arithmetic mean of children observed in every cell, with no
 * ratio flip, is searched from the children's covariances (`linearSquares`, the same shares without the cells); any
 * other from its values, aggregated as the index aggregates them.
 * `result` supplies the indicator scores; `methods` the aggregation of each group (`INDEX` included). A group marked
 * `direction: -` is flipped after every aggregation as the index flips it (`reflections`, default
 * `result.groupReflections`), so its children's shares are taken against its flipped values and its parent aggregates,
 * and correlates it, on the flipped values too.
 * @example optimiseWeights(tree, result, methods, result's weights) // => weights whose importance shares match them
 * Reference: Paruolo, Saisana & Saltelli (2013), JRSS A 176(3), 609-634. (COINr's `get_opt_weights`, Becker et al. 2022,
 * optimises another objective: the shares of plain correlations with the index, level by level; docs/methods.md.)
 */
/** An optimised weight below this, for a child whose target is above 0, is a weight of 0 (`W_OPTIMISE_DEGENERATE`). */
const DEGENERATE_WEIGHT = 1e-6;

export function optimiseWeights(
  tree: Tree,
  result: Pick<IndexResult, "units" | "years" | "nodes" | "values" | "groupReflections">,
  methods: ReadonlyMap<string, AggregateMethod>,
  targets: Weights,
  options: { power?: number; tolerance?: number; maxEvaluations?: number; reflections?: ReadonlyMap<string, Reflection> } = {},
): OptimisedWeights {
  const reflections = options.reflections ?? result.groupReflections ?? new Map<string, Reflection>();
  const tolerance = options.tolerance ?? 1e-6;
  const maxEvaluations = options.maxEvaluations ?? 50_000;
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
  const droppedOut: { code: string; parent: string; share: number; target: number }[] = [];
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
    const evaluateFrom = (from: readonly Float64Array[], weights: ArrayLike<number>, out: Float64Array) => {
      aggregate(method, from, weights, out, context);
      if (reflection) reflectGroup(out, reflection);
    };
    const evaluate = (weights: ArrayLike<number>) => evaluateFrom(children, weights, parent);
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
    if (childCodes.length > 1 && !undefinedShares && target.some((share) => share > 0)) {
      // The arithmetic mean of children observed in every cell is linear in them, and a flip other than a ratio's
      // only moves and mirrors it: its shares come from the children's covariances, without aggregating the cells.
      const linear = method === "arithmetic" && reflection?.kind !== "ratio" && children.every((child) => !child.some(Number.isNaN));
      const evaluateShares = (weights: Float64Array, squares: Float64Array) => {
        evaluate(weights);
        for (let c = 0; c < children.length; c++) squares[c] = squaredCorrelation(children[c], parent);
      };
      const search = searchWeights(target, covariances(children), linear ? undefined : evaluateShares, tolerance, maxEvaluations);
      current = search.weights;
      evaluate(current);
      achieved = shares(children, parent);
      const gap = Math.max(...achieved.map((share, c) => Math.abs(share - target[c])));
      if (gap > tolerance) {
        const objective = achieved.reduce((sum, share, c) => sum + (share - target[c]) ** 2, 0);
        warnings.push({ code: "W_OPTIMISE_NOT_CONVERGED", id: code, message: weightingMessages.optimiseNotConverged(code, gap, objective, search.starts, search.evaluations, search.converged) });
      }
    } else evaluate(current);
    childCodes.forEach((child, c) => {
      if (target[c] > 0 && current[c] < DEGENERATE_WEIGHT) droppedOut.push({ code: child, parent: code, share: achieved[c], target: target[c] });
      weights.set(child, current[c]);
      rows.push({ code: child, parent: code, target: target[c], achieved: achieved[c], nominal: nominal[c] });
    });
    values.set(code, parent);
  }
  // One summary for the whole tree, first: the nodes whose closest weights >= 0 are 0 though their target is above 0,
  // with their shares and targets (a weight of 0 is a normal optimum of the search, but one a reader should see).
  if (droppedOut.length > 0) warnings.unshift({ code: "W_OPTIMISE_DEGENERATE", message: weightingMessages.optimiseDegenerate(droppedOut) });
  return { weights, rows, warnings };
}
