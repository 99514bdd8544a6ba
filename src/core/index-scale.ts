/**
 * What scale a result's values are on, as the terminal table, the report and the dashboard say it: "base year 2017 =
 * 100" holds only when every indicator is 100 in the base year for every unit and no group is scored against the
 * other units.
 */
import { ACROSS_UNIT_METHODS, type AggregateMethod } from "./aggregate/methods.js";
import type { IndexResult, ResultNode } from "./compute.js";
import { RATIO_METHODS, type NormalizeMethod } from "./normalize/methods.js";

/** What the scale of a result's values depends on: the normalisation of its indicators and the aggregation of its groups. */
type ScaleNodes = { nodes: readonly Pick<ResultNode, "kind" | "method">[] };

/**
 * Whether every indicator is 100 in the base year for every unit: fixed-base, chain, or the distance to the unit's own
 * base year (`distance-to-reference` without a reference unit).
 */
export function indicatorsAtOwnBase(result: IndexResult): boolean {
  const ownBase = (method: string) => method === "fixed-base" || method === "chain" || (method === "distance-to-reference" && !result.options.referenceUnit);
  return result.nodes.every((node) => node.kind !== "indicator" || ownBase(node.method ?? String(result.options.normalize ?? "fixed-base")));
}

/** The methods of the groups scored against the other units (Copeland, benefit of the doubt, TOPSIS), each once. */
export function acrossUnitGroupMethods(result: ScaleNodes): AggregateMethod[] {
  const methods = result.nodes.filter((node) => node.kind !== "indicator" && ACROSS_UNIT_METHODS.includes(node.method as AggregateMethod)).map((node) => node.method as AggregateMethod);
  return [...new Set(methods)];
}

/** Whether "base year = 100" describes the whole index: indicators at their own base and groups means of them. */
export function baseYearIsHundred(result: IndexResult): boolean {
  return indicatorsAtOwnBase(result) && acrossUnitGroupMethods(result).length === 0;
}

/**
 * The indicators `--zero-base first-nonzero` moved to a later base year (a base value of 0), each named once by its
 * `W_ZERO_BASE_SHIFTED` warning: they, and so their groups, are not 100 in the base year.
 */
export function shiftedBaseIndicators(result: Pick<IndexResult, "warnings">): string[] {
  return [...new Set(result.warnings.flatMap((warning) => (warning.code === "W_ZERO_BASE_SHIFTED" && warning.id !== undefined ? [warning.id] : [])))];
}

/** The normalisations whose score is `100 · ratio` (100 = the reference, 0 = none of it): a change in percent means something. */
const RATIO_SCALE: readonly string[] = [...RATIO_METHODS, "fraction-of-max" satisfies NormalizeMethod];

/**
 * Whether the result's values are on a ratio scale, where 0 is a natural zero and a change in percent means something:
 * every indicator normalised to `100 · ratio` (fixed-base, chain, distance to a target, a reference or the average,
 * fraction of the maximum) and no group scored against the other units (Copeland, benefit of the doubt, TOPSIS, grey),
 * which every other aggregation keeps. The one decision for every output: the terminal table gives the change in
 * percent where this holds and in points elsewhere, and growth.csv (its byte writer, Parquet and Excel twins, the
 * report) leaves `change_percent` and `cagr_percent` empty where it does not (a min-max score going from 0 to 30.50,
 * or a Copeland score from −1 to +1, has no growth in percent).
 * @example ratioScale({ nodes: [{ kind: "index", method: "arithmetic" }, { kind: "indicator", method: "min-max" }] }) // => false
 */
export function ratioScale(result: ScaleNodes): boolean {
  return acrossUnitGroupMethods(result).length === 0 && result.nodes.every((node) => node.kind !== "indicator" || RATIO_SCALE.includes(node.method ?? "fixed-base"));
}
