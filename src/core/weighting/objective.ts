/**
 * Objective (data-driven) weights for a whole tree: which indicators are weighed against each other, and how
 * groups get their weights.
 */
import type { Issue } from "../../errors.js";
import { messages } from "../messages.js";
import type { Panel } from "../panel.js";
import { childrenOf, groupsBottomUp } from "../tree.js";
import { INDEX_CODE, type Direction, type Tree } from "../types.js";
import { resolveWeights, type Weights } from "../weight.js";
import { coefficientOfVariationScores } from "./coefficient-of-variation.js";
import { criticScores } from "./critic.js";
import { entropyScores, type EntropyInput } from "./entropy.js";
import { weightingMessages } from "./messages.js";
import { selectObservations, unitInterval, type ObjectiveInput, type ObjectiveScores, type ObservationChoice } from "./observations.js";
import { pcaScores, type PcaRotation } from "./pca.js";
import { append } from "../arrays.js";

export const OBJECTIVE_METHODS = ["entropy", "critic", "cv", "pca"] as const;
export type ObjectiveMethod = (typeof OBJECTIVE_METHODS)[number];

/**
 * How groups are weighted by an objective method:
 * - `sum` (default): the method scores all indicators of the tree together; an indicator's weight within its group
 *   is its score over its siblings' scores, and a group's weight is the sum of its indicators' scores over its
 *   siblings' sums. The global weights of the indicators are then exactly the method's flat weights over all of
 *   them (METHODS.md: "a group's weight is the sum of its leaves' d").
 * - `tree`: the method scores the indicators of each group among themselves only; groups keep the tree's weights
 *   (explicit, or equal when the tree gives none). A group whose children mix groups and indicators keeps the tree's
 *   weights for all of them. Indicators none of which varies get equal weights, with a warning.
 * - `level`: level by level from the bottom up, every set of siblings is weighted by the method on the siblings'
 *   values: an indicator's raw values, and for a group its sub-index on the [0, 1] scale, the weighted mean (with the
 *   weights just derived below it) of its children's min-max scores `x'` (direction honoured; a constant indicator
 *   counts as 0) or sub-indices. Siblings that all do not vary get equal weights, with a warning.
 */
export const GROUP_WEIGHT_RULES = ["sum", "tree", "level"] as const;
export type GroupWeightRule = (typeof GROUP_WEIGHT_RULES)[number];

export interface ObjectiveOptions extends ObservationChoice {
  /** How groups are weighted. Default `sum`. */
  groupWeights?: GroupWeightRule;
  /** Entropy only: the shift added to min-max scores. Default 0 (textbook). */
  entropyShift?: number;
  /** Entropy only: shares of `min-max` scores (default) or of the `raw` values. */
  entropyInput?: EntropyInput;
  /** PCA only: rotate the retained components by `varimax` (default, the OECD handbook) or not (`none`). */
  pcaRotation?: PcaRotation;
}

export interface ObjectiveWeights {
  weights: Weights;
  /** Each indicator's raw score (entropy divergence d, CRITIC C, coefficient of variation, PCA weight). */
  scores: ReadonlyMap<string, number>;
  /** The unit-years the weights were derived from: these units and years, less `dropped`. */
  units: readonly string[];
  years: readonly number[];
  /** How many unit-years were used. */
  observations: number;
  /** Unit-years left out for a missing value (`missing: "drop"`). */
  dropped: { unit: string; year: number }[];
  issues: Issue[];
  warnings: Issue[];
}

/** Runs one objective method on a set of indicators. */
export function objectiveScores(method: ObjectiveMethod, input: ObjectiveInput, options: ObjectiveOptions = {}): ObjectiveScores & { issues: Issue[] } {
  switch (method) {
    case "entropy":
      return entropyScores(input, { shift: options.entropyShift, input: options.entropyInput });
    case "critic":
      return { ...criticScores(input), issues: [] };
    case "cv":
      return coefficientOfVariationScores(input);
    case "pca":
      return { ...pcaScores(input, options.pcaRotation), issues: [] };
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("weighting", unknown, OBJECTIVE_METHODS));
    }
  }
}

/** Each method's name in weighting messages (`weightingMessages`, and its Chinese counterpart's `METHOD_NAMES`). */
export const METHOD_LABEL: Readonly<Record<ObjectiveMethod, string>> = { entropy: "entropy", critic: "CRITIC", cv: "coefficient-of-variation", pca: "PCA" };

/**
 * The rule of `W_WEIGHT_DOMINANT`: a child whose weight, derived from the data, is more than `share` (0.5) of its
 * group's among at least `siblings` (3) children, "more" as the message prints the share, a percent with one decimal:
 * 50.1% or more (a share of 0.5005 or more; 0.5003 prints 50.0% and is half, not over it). With 2 children one of them
 * is over half whenever their weights differ at all, so a pair is never warned of; among 3 or more, no child over 50%
 * is what a statistician expects of weights meant to balance the group (the JRC/COIN ten-step guide).
 */
export const DOMINANT_WEIGHT = { share: 0.5, siblings: 3 } as const;

/** Whether `share` of a group's weight is over `DOMINANT_WEIGHT.share` as a percent with one decimal (50.1% or more). */
export function isDominantShare(share: number): boolean {
  return Number((share * 100).toFixed(1)) > DOMINANT_WEIGHT.share * 100;
}

/**
 * The warning (`W_WEIGHT_DOMINANT`) that `label`'s weights give `child` `share` of its group `parent`'s weight (more
 * than `DOMINANT_WEIGHT.share`); `combined` when they are the weights of `--weights combined` whose objective set gives
 * the child more than that share too. Advice, not an error under `strict` (`deriveWeights`).
 */
export function dominantWeightWarning(tree: Tree, parent: string, child: string, share: number, label: string, combined = false): Issue {
  const group = tree.byCode.get(child)?.kind === "group";
  return { code: "W_WEIGHT_DOMINANT", message: weightingMessages.weightDominant(label, parent, child, share, childrenOf(tree, parent).length, group, combined), id: child };
}

/**
 * The warnings (`W_WEIGHT_DOMINANT`) of the `groups` (codes, `INDEX` for the first level) whose children's weights
 * the method `label` derived from the data: one for each child of more than half of its group's weight among 3 or
 * more children (`DOMINANT_WEIGHT`). Groups whose weights the method could not derive (they keep the tree's, or get
 * equal shares with `W_NO_VARIATION`) are not among `groups`.
 */
export function dominantWeightWarnings(tree: Tree, weights: Weights, groups: readonly string[], label: string): Issue[] {
  const warnings: Issue[] = [];
  for (const parent of groups) {
    const siblings = childrenOf(tree, parent);
    if (siblings.length < DOMINANT_WEIGHT.siblings) continue;
    for (const child of siblings) {
      const share = weights.get(child) ?? 0;
      if (isDominantShare(share)) warnings.push(dominantWeightWarning(tree, parent, child, share, label));
    }
  }
  return warnings;
}

/** Whether a column of observations varies (its values are not all equal). */
function varies(column: ArrayLike<number>): boolean {
  for (let k = 1; k < column.length; k++) if (column[k] !== column[0]) return true;
  return false;
}

/**
 * The weight of `code` among `siblings` that the method cannot weigh (every score 0): the children that vary share it
 * equally and the constant ones get 0, as the method gives them (CRITIC scores a lone varying child 0, having no other
 * to differ from, as a lone indicator, which weighs 1); all share equally when none varies (or all do, moving together).
 */
function shareAmong(code: string, siblings: readonly string[], varying: readonly string[]): number {
  if (varying.length === 0 || varying.length === siblings.length) return 1 / siblings.length;
  return varying.includes(code) ? 1 / varying.length : 0;
}

/** The warning of a group whose children the method cannot weigh, with how `shareAmong` shared its weight. */
function noVariationWarning(parent: string, label: string, siblings: readonly string[], varying: readonly string[]): Issue {
  const some = varying.length > 0 && varying.length < siblings.length;
  return {
    code: "W_NO_VARIATION",
    message: some
      ? weightingMessages.noVariationVarying(parent, label, varying, siblings.filter((code) => !varying.includes(code)))
      : weightingMessages.noVariationEqual(parent, label),
    id: parent,
  };
}

/**
 * Objective weights for every node of the tree, from the chosen unit-years of the panel (default: all), by the
 * group rule of `options.groupWeights`. Collects every issue: unknown units or years, fewer than 2 observations, a
 * missing value among them, a method-specific problem (a mean <= 0 for `cv`), a tree where nothing varies. Warns of a
 * child the method gives more than half of its group's weight among 3 or more children (`W_WEIGHT_DOMINANT`,
 * `dominantWeightWarnings`), in every group whose children's weights it derived.
 */
export function objectiveWeights(tree: Tree, panel: Panel, method: ObjectiveMethod, options: ObjectiveOptions = {}): ObjectiveWeights {
  const rule = options.groupWeights ?? "sum";
  const selected = selectObservations(panel, options);
  const units = options.units ?? panel.units;
  const years = options.years ?? panel.years;
  const empty = { weights: new Map(), scores: new Map(), units, years, observations: 0, dropped: [], warnings: [] };
  if (!selected.observations) return { ...empty, issues: selected.issues };
  const { columns, dropped } = selected.observations;
  const observations = columns.get(tree.indicators[0])!.length;
  const direction = (code: string) => (tree.byCode.get(code) as { direction: Direction }).direction;
  const run = (codes: readonly string[], group: string) =>
    objectiveScores(method, { codes, directions: codes.map(direction), columns: codes.map((code) => columns.get(code)!), group }, options);
  const label = METHOD_LABEL[method];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  if (dropped.length > 0)
    warnings.push({ code: "W_OBSERVATIONS_DROPPED", message: weightingMessages.observationsDropped(dropped.map(({ unit, year }) => `${unit} ${year}`)) });
  const scores = new Map<string, number>();
  const weights = new Map<string, number>();
  const parents = [INDEX_CODE, ...tree.nodes.filter((node) => node.kind === "group").map((node) => node.code)];
  // The groups whose children's weights the method derived from the data (for W_WEIGHT_DOMINANT).
  const derived: string[] = [];

  if (rule === "sum") {
    const result = run(tree.indicators, INDEX_CODE);
    append(issues, result.issues);
    append(warnings, result.warnings);
    tree.indicators.forEach((code, j) => scores.set(code, result.scores[j]));
    // Bottom-up: a group's mass is the sum of its indicators' scores.
    const mass = new Map(scores);
    for (const node of [...tree.nodes].reverse())
      if (node.kind === "group") mass.set(node.code, node.children.reduce((total, child) => total + mass.get(child)!, 0));
    const total = tree.roots.reduce((sum, root) => sum + mass.get(root)!, 0);
    // A lone indicator weighs 1 whatever the method says (CRITIC scores it 0, having no other indicator to differ from).
    if (!(total > 0) && issues.length === 0 && tree.indicators.length > 1) issues.push({ code: "E_NO_VARIATION", message: weightingMessages.noVariation(INDEX_CODE, label), id: INDEX_CODE });
    for (const parent of parents) {
      const siblings = childrenOf(tree, parent);
      const sum = siblings.reduce((total, code) => total + mass.get(code)!, 0);
      if (sum > 0) {
        siblings.forEach((code) => weights.set(code, mass.get(code)! / sum));
        derived.push(parent);
      } else {
        siblings.forEach((code) => weights.set(code, 1 / siblings.length));
        if (parent !== INDEX_CODE && total > 0)
          warnings.push({ code: "W_ZERO_GROUP_WEIGHT", message: weightingMessages.zeroGroupWeight(parent, label), id: parent });
      }
    }
  } else if (rule === "level") {
    // Each node's values on the [0, 1] scale, filled bottom-up: min-max scores for indicators, sub-indices for groups.
    const scaled = new Map<string, Float64Array>();
    for (const code of tree.indicators) scaled.set(code, unitInterval(columns.get(code)!, direction(code)) ?? new Float64Array(columns.get(code)!.length));
    for (const parent of [...groupsBottomUp(tree).map((group) => group.code), INDEX_CODE]) {
      const siblings = childrenOf(tree, parent);
      const isIndicator = (code: string) => tree.byCode.get(code)!.kind === "indicator";
      if (siblings.length === 1) {
        // An only child weighs 1 whatever the method says (CRITIC would score it 0: no other indicator to differ from).
        weights.set(siblings[0], 1);
        if (parent !== INDEX_CODE) scaled.set(parent, scaled.get(siblings[0])!);
        continue;
      }
      const result = objectiveScores(
        method,
        {
          codes: siblings,
          directions: siblings.map((code) => (isIndicator(code) ? direction(code) : "positive")),
          columns: siblings.map((code) => (isIndicator(code) ? columns.get(code)! : scaled.get(code)!)),
          group: parent,
          subIndices: !siblings.every(isIndicator),
        },
        options,
      );
      append(issues, result.issues);
      // A sub-index that does not vary is said by the group's own warnings; the matrix's warnings name the parent.
      append(warnings, result.warnings.filter((warning) => warning.code !== "W_CONSTANT_INDICATOR" || isIndicator(warning.id ?? "")));
      siblings.forEach((code, j) => scores.set(code, result.scores[j]));
      const sum = result.scores.reduce((total, value) => total + value, 0);
      const varying = sum > 0 ? [] : siblings.filter((code) => varies(isIndicator(code) ? columns.get(code)! : scaled.get(code)!));
      siblings.forEach((code, j) => weights.set(code, sum > 0 ? result.scores[j] / sum : shareAmong(code, siblings, varying)));
      if (sum > 0) derived.push(parent);
      if (!(sum > 0) && result.issues.length === 0) {
        if (parent === INDEX_CODE && (varying.length === 0 || varying.length === siblings.length)) issues.push({ code: "E_NO_VARIATION", message: weightingMessages.noVariation(parent, label), id: parent });
        else warnings.push(noVariationWarning(parent, label, siblings, varying));
      }
      if (parent === INDEX_CODE) break;
      const subIndex = new Float64Array(columns.get(tree.indicators[0])!.length);
      siblings.forEach((code) => {
        const column = scaled.get(code)!;
        for (let k = 0; k < subIndex.length; k++) subIndex[k] += weights.get(code)! * column[k];
      });
      scaled.set(parent, subIndex);
    }
  } else {
    const treeWeights = resolveWeights(tree);
    append(issues, treeWeights.issues);
    for (const parent of parents) {
      const siblings = childrenOf(tree, parent);
      const leaves = siblings.every((code) => tree.byCode.get(code)!.kind === "indicator");
      if (!leaves) {
        siblings.forEach((code) => weights.set(code, treeWeights.weights.get(code)!));
        append(warnings, treeWeights.warnings.filter((warning) => warning.id === parent));
        continue;
      }
      if (siblings.length === 1) {
        weights.set(siblings[0], 1); // an only child weighs 1 whatever the method says
        continue;
      }
      const result = run(siblings, parent);
      append(issues, result.issues);
      append(warnings, result.warnings);
      siblings.forEach((code, j) => scores.set(code, result.scores[j]));
      const sum = result.scores.reduce((total, value) => total + value, 0);
      const varying = sum > 0 ? [] : siblings.filter((code) => varies(columns.get(code)!));
      siblings.forEach((code, j) => weights.set(code, sum > 0 ? result.scores[j] / sum : shareAmong(code, siblings, varying)));
      if (sum > 0) derived.push(parent);
      if (!(sum > 0) && result.issues.length === 0) warnings.push(noVariationWarning(parent, label, siblings, varying));
    }
  }
  if (issues.length === 0) append(warnings, dominantWeightWarnings(tree, weights, derived, label));
  return { weights, scores, units, years, observations, dropped, issues, warnings };
}
