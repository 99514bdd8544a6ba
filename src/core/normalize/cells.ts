/**
 * The sets of cells a scaling method works over, in one indicator block (`unitCount * yearCount` cells, unit-major):
 * the whole panel (every unit and year together) or one year across units.
 */
import type { NormalizeContext } from "../normalize.js";

/** Where min, max, mean and sd are taken: over the whole panel, or within each year. */
export type Scope = "panel" | "year";

/** The cell positions of each set: one set for `panel`, one per year for `year` (units in panel order). */
export function cellSets(context: Pick<NormalizeContext, "unitCount" | "yearCount">, scope: Scope): number[][] {
  const { unitCount, yearCount } = context;
  if (scope === "panel") return [Array.from({ length: unitCount * yearCount }, (_, cell) => cell)];
  return Array.from({ length: yearCount }, (_, year) => Array.from({ length: unitCount }, (_, unit) => unit * yearCount + year));
}

/** The observed (non-`NaN`) values of `cells`, in order. */
export function observed(values: ArrayLike<number>, cells: readonly number[]): number[] {
  const list: number[] = [];
  for (const cell of cells) if (!Number.isNaN(values[cell])) list.push(values[cell]);
  return list;
}
