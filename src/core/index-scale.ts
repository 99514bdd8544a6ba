/**
 * What scale a result's values are on, as the terminal table, the report and the dashboard say it: "base year 2017 =
 * 100" holds only when every indicator is 100 in the base year for every unit and no group is scored against the
 * other units.
 */
import { ACROSS_UNIT_METHODS, type AggregateMethod } from "./aggregate/methods.js";
import type { IndexResult } from "./compute.js";

/**
 * Whether every indicator is 100 in the base year for every unit: fixed-base, chain, or the distance to the unit's own
 * base year (`distance-to-reference` without a reference unit).
 */
export function indicatorsAtOwnBase(result: IndexResult): boolean {
  const ownBase = (method: string) => method === "fixed-base" || method === "chain" || (method === "distance-to-reference" && !result.options.referenceUnit);
  return result.nodes.every((node) => node.kind !== "indicator" || ownBase(node.method ?? String(result.options.normalize ?? "fixed-base")));
}

/** The methods of the groups scored against the other units (Copeland, benefit of the doubt, TOPSIS), each once. */
export function acrossUnitGroupMethods(result: IndexResult): AggregateMethod[] {
  const methods = result.nodes.filter((node) => node.kind !== "indicator" && ACROSS_UNIT_METHODS.includes(node.method as AggregateMethod)).map((node) => node.method as AggregateMethod);
  return [...new Set(methods)];
}

/** Whether "base year = 100" describes the whole index: indicators at their own base and groups means of them. */
export function baseYearIsHundred(result: IndexResult): boolean {
  return indicatorsAtOwnBase(result) && acrossUnitGroupMethods(result).length === 0;
}
