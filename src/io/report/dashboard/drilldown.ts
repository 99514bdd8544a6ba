/**
 * The drill-down's figures and badges, pure, so that they are tested in Node as well as in the page (`client.ts`): the
 * weights each node carried in a unit's year (against the nominal ones; the unit's own under benefit of the doubt; nominal
 * under TOPSIS, whose weights are not a mean's), and what the data stage did to an indicator's value.
 */
import { effectiveWeights } from "../../../core/analysis/contributions.js";
import { resultIndex, type IndexResult } from "../../../core/compute.js";
import type { Language } from "../../write/tables.js";
import { fill, methodName } from "../labels.js";
import type { DashboardWords } from "./words.js";

type Values = Pick<IndexResult, "units" | "years" | "nodes" | "values"> & Partial<Pick<IndexResult, "bodWeights">> & { options?: { aggregate?: unknown } };

/**
 * The aggregations that do not weight their children as a mean does, so that no weight renormalised over the observed
 * children is the one they used: benefit of the doubt chooses each unit's own weights (the tree's only decide which
 * children take part: those of weight > 0), and TOPSIS scales the children by the weights as given to measure
 * distances to the best and worst values (`src/core/aggregate/bod.ts`, `topsis.ts`). Where the result carries the
 * weights BoD chose (`bodWeights`, as `computeIndex` gives them), the page shows those, as used (`chosenBy`); else, and
 * always under TOPSIS (its weights are the nominal ones, used as given), the nominal ones, labelled as nominal.
 */
export const OWN_WEIGHT_METHODS: readonly string[] = ["bod", "topsis", "topsis-year"];

/** The weights a unit-year's aggregation used, by node (as `result.nodes`). */
export interface WeightsUsed {
  /**
   * Within the parent: the node's weight divided by the sum of the weights of its siblings observed that year (itself
   * included), as the weighted means renormalise them over the children they leave a gap out of; 0 for a node missing
   * that year (it took no part); `NaN` below a parent missing that year (it was not aggregated, or set missing by
   * `--min-group-coverage`, so no weight of its children was used), and below a parent whose aggregation has weights of
   * its own (`methodWithin`). The overall index: 1, `NaN` when it is missing.
   */
  within: Float64Array;
  /**
   * In the overall index: the product of the `within` weights down the path, so those of the observed children of a
   * group sum to the group's; 0 below a node that took no part (a weight of 0 on the path), else `NaN` below a missing one
   * or below an aggregation with weights of its own (`methodOverall`).
   */
  overall: Float64Array;
  /** The nominal weights: the tree's (or derived) renormalised over every sibling, what `within` is with nothing missing. */
  nominalWithin: Float64Array;
  /** The products of the nominal weights down the path. */
  nominalOverall: Float64Array;
  /** The parent's aggregation where it is one of `OWN_WEIGHT_METHODS` (its children's weights are not a mean's), else undefined. */
  methodWithin: (string | undefined)[];
  /** The first aggregation of `OWN_WEIGHT_METHODS` on the path from the overall index down to the node, else undefined. */
  methodOverall: (string | undefined)[];
  /**
   * `bod` where the parent is aggregated by benefit of the doubt and its weights are known (`bodWeights`): `within` is
   * then the weight the unit chose that year, on the score's scale (the parent's score is `Σ within·child's score`,
   * before a `direction: -` flip), not a share: they do not sum to 1. Else undefined.
   */
  chosenWithin: (string | undefined)[];
  /** `bod` where some parent on the path from the overall index has such weights (so `overall` is a product of them). */
  chosenOverall: (string | undefined)[];
}

/**
 * The weights node by node that the aggregation used for unit `unit` in year `year` (positions in `source.units` and
 * `source.years`): the tree's (or derived) weights, renormalised over the children observed that year
 * (`effectiveWeights`, as the contributions renormalise them), and the nominal ones beside them; below benefit of the
 * doubt, the unit's own weights of that year (`source.bodWeights`), as the contributions use them.
 * @example tree A 0.5 = X; B 0.5 = Y1 0.5, Y2 0.5; Y1 missing (reweighted): Y2 within 1, overall 0.5; Y1 0 and 0
 */
export function weightsUsed(source: Values, unit: number, year: number): WeightsUsed {
  const { nodes } = source;
  const within = new Float64Array(nodes.length).fill(Number.NaN);
  const overall = new Float64Array(nodes.length).fill(Number.NaN);
  const nominalWithin = new Float64Array(nodes.length).fill(Number.NaN);
  const nominalOverall = new Float64Array(nodes.length).fill(Number.NaN);
  const methodWithin = new Array<string | undefined>(nodes.length).fill(undefined);
  const methodOverall = new Array<string | undefined>(nodes.length).fill(undefined);
  const chosenWithin = new Array<string | undefined>(nodes.length).fill(undefined);
  const chosenOverall = new Array<string | undefined>(nodes.length).fill(undefined);
  const [unitCount, yearCount] = [source.units.length, source.years.length];
  const scoreOf = (n: number) => source.values[resultIndex(source, n, unit, year)];
  const children = new Map<string, number[]>();
  nodes.forEach((node, n) => {
    if (node.parent !== null) children.set(node.parent, [...(children.get(node.parent) ?? []), n]);
  });
  const aggregationOf = (n: number) => nodes[n].method ?? (source.options?.aggregate === undefined ? undefined : String(source.options.aggregate));
  // From the root down, whatever the order of the rows: a parent's weights are set before its children read them.
  const visit = (parent: number) => {
    const kids = children.get(nodes[parent].code) ?? [];
    if (kids.length === 0) return;
    const aggregated = !Number.isNaN(scoreOf(parent));
    const method = aggregationOf(parent);
    // The weights BoD chose, where known: the unit's own that year, used as a mean's would be (not nominal).
    const chosen = method === "bod" ? source.bodWeights?.get(nodes[parent].code) : undefined;
    const own = method !== undefined && OWN_WEIGHT_METHODS.includes(method) && chosen === undefined ? method : undefined;
    const weights = Float64Array.from(kids, (child) => nodes[child].weight);
    const used = new Float64Array(kids.length);
    const nominal = new Float64Array(kids.length);
    if (chosen) kids.forEach((_, c) => (used[c] = chosen[(c * unitCount + unit) * yearCount + year]));
    else effectiveWeights(weights, Float64Array.from(kids, scoreOf), used, kids.length);
    // Every child observed: the weights renormalised over all of them.
    effectiveWeights(weights, new Float64Array(kids.length), nominal, kids.length);
    kids.forEach((child, c) => {
      methodWithin[child] = own;
      methodOverall[child] = methodOverall[parent] ?? own;
      chosenWithin[child] = chosen ? "bod" : undefined;
      chosenOverall[child] = chosenOverall[parent] ?? chosenWithin[child];
      within[child] = !aggregated || own !== undefined ? Number.NaN : used[c];
      overall[child] = within[child] === 0 || overall[parent] === 0 ? 0 : overall[parent] * within[child];
      nominalWithin[child] = nominal[c];
      nominalOverall[child] = nominalOverall[parent] * nominal[c];
      visit(child);
    });
  };
  nodes.forEach((node, n) => {
    if (node.parent !== null) return;
    within[n] = Number.isNaN(scoreOf(n)) ? Number.NaN : 1;
    overall[n] = within[n];
    nominalWithin[n] = 1;
    nominalOverall[n] = 1;
    visit(n);
  });
  return { within, overall, nominalWithin, nominalOverall, methodWithin, methodOverall, chosenWithin, chosenOverall };
}

/** How one weight cell of the drill-down reads (`weightShown`). */
export interface WeightShown {
  /** The number shown (`NaN`: "–"): the weight used, or the nominal one where the aggregation has weights of its own. */
  value: number;
  /** The nominal weight (`WeightsUsed.nominalWithin`, `nominalOverall`). */
  nominal: number;
  /**
   * `used`: the weight used that year, the nominal one; `changed`: the weight used, which differs from the nominal one (a
   * gap reweighted, a group missing that year); `nominal`: an aggregation of `OWN_WEIGHT_METHODS` (`method`) did not
   * use the weights as a mean's, so the nominal weight is shown, to be labelled as such; `chosen`: the weight benefit of
   * the doubt (`method`) chose for the unit that year, or a product of such weights (`overall`), on the score's scale
   * (not a share), labelled as the unit's own.
   */
  state: "used" | "changed" | "nominal" | "chosen";
  method?: string;
}

/** Two weights differ when they differ beyond rounding (the sums of different orders of the same weights). */
const differs = (a: number, b: number) => Number.isNaN(a) !== Number.isNaN(b) || Math.abs(a - b) > 1e-12;

/** The weight of node `n` as a cell shows it, within its parent (`within`) or in the overall index (`overall`). */
export function weightShown(used: WeightsUsed, n: number, scope: "within" | "overall"): WeightShown {
  const [value, nominal, method] = scope === "within" ? [used.within[n], used.nominalWithin[n], used.methodWithin[n]] : [used.overall[n], used.nominalOverall[n], used.methodOverall[n]];
  if (method !== undefined) return { value: nominal, nominal, state: "nominal", method };
  const chosen = scope === "within" ? used.chosenWithin[n] : used.chosenOverall[n];
  if (chosen !== undefined) return { value, nominal, state: "chosen", method: chosen };
  return { value, nominal, state: differs(value, nominal) ? "changed" : "used" };
}

/**
 * The text of a weight cell (`weightShown`) with `format` (the page's decimals): the number, and a note beside it
 * where it is not simply the weight used: "（名义 0.500）" / "(nominal 0.500)" beside a weight used that differs from
 * the nominal one, "名义" / "nominal" beside a nominal weight (its `title` saying why: `ownWeightsText`), "（自选；名义
 * 0.500）" / "(own; nominal 0.500)" beside a weight benefit of the doubt chose (its `title` saying what it is).
 */
export function weightText(
  words: Pick<DashboardWords, "nominalBeside" | "nominalTag" | "chosenBeside" | "ownWeightsBod" | "chosenWeightsBod" | "ownWeightsTopsis">,
  shown: WeightShown,
  format: (value: number) => string,
  language: Language,
): { text: string; note?: string; title?: string } {
  const text = format(shown.value);
  if (shown.state === "changed") return { text, note: fill(words.nominalBeside, { weight: format(shown.nominal) }) };
  if (shown.state === "nominal") return { text, note: words.nominalTag, title: ownWeightsText(words, shown.method!, language) };
  if (shown.state === "chosen") return { text, note: fill(words.chosenBeside, { weight: format(shown.nominal) }), title: ownWeightsText(words, shown.method!, language, true) };
  return { text };
}

/**
 * Why the weights below an aggregation of `OWN_WEIGHT_METHODS` are shown as nominal, in the page's language, naming
 * the method as the method line does (`methodName`); with `chosen` (benefit of the doubt whose weights are known), what
 * the unit's own weights shown are.
 */
export function ownWeightsText(words: Pick<DashboardWords, "ownWeightsBod" | "chosenWeightsBod" | "ownWeightsTopsis">, method: string, language: Language, chosen = false): string {
  const text = method !== "bod" ? words.ownWeightsTopsis : chosen ? words.chosenWeightsBod : words.ownWeightsBod;
  return fill(text, { method: methodName(method, language) });
}

/**
 * The sentences the drill-down says above its weights: one per aggregation of `OWN_WEIGHT_METHODS` among the groups
 * of `nodes` that have children (`ownWeightsText`; for benefit of the doubt, what its weights shown are where
 * `bodWeights` has the group's), in the order the groups come; none for a run of means.
 */
export function ownWeightsNotes(
  words: Pick<DashboardWords, "ownWeightsBod" | "chosenWeightsBod" | "ownWeightsTopsis">,
  nodes: readonly { code: string; parent: string | null; method?: string }[],
  language: Language,
  bodWeights?: ReadonlyMap<string, unknown>,
): string[] {
  const parents = new Set(nodes.map((node) => node.parent));
  const groups = nodes.filter((node) => parents.has(node.code) && node.method !== undefined && OWN_WEIGHT_METHODS.includes(node.method));
  return [...new Set(groups.map((node) => ownWeightsText(words, node.method!, language, node.method === "bod" && bodWeights?.has(node.code) === true)))];
}

/**
 * What the data stage did to an indicator's value, as a badge says it: "missing (reweighted)" for a gap left out and its
 * siblings reweighted, else "imputed (interpolate)" with the method's name in the page's language (插补（线性插值）).
 * One text for the indicator table and the tree table.
 */
export function imputationText(
  words: Pick<DashboardWords, "reweighted" | "imputedBy" | "interpolate" | "carryForward" | "carryBack" | "imputeMean" | "imputeMedian">,
  method: string,
): string {
  if (method === "reweight") return words.reweighted;
  const names: Readonly<Record<string, string>> = {
    interpolate: words.interpolate,
    "carry-forward": words.carryForward,
    "carry-back": words.carryBack,
    mean: words.imputeMean,
    median: words.imputeMedian,
  };
  return fill(words.imputedBy, { method: names[method] ?? method });
}
