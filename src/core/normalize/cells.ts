/**
 * The sets of cells a scaling method works over, in one indicator block (`unitCount * yearCount` cells, unit-major):
 * the whole panel (every unit and year together) or one year across units.
 */
import type { NormalizeContext } from "./methods.js";

/** Where min, max, mean and sd are taken: over the whole panel, or within each year. */
export type Scope = "panel" | "year";

/** The cell positions of each set: one set for `panel`, one per year for `year` (units in panel order). */
export function cellSets(context: Pick<NormalizeContext, "unitCount" | "yearCount">, scope: Scope): number[][] {
  const { unitCount, yearCount } = context;
  // Plain loops over preallocated arrays: this runs once per indicator on panels of millions of cells.
  const range = (count: number, start: number, step: number) => {
    const cells: number[] = new Array(count);
    for (let i = 0; i < count; i++) cells[i] = start + i * step;
    return cells;
  };
  if (scope === "panel") return [range(unitCount * yearCount, 0, 1)];
  const sets: number[][] = new Array(yearCount);
  for (let year = 0; year < yearCount; year++) sets[year] = range(unitCount, year, yearCount);
  return sets;
}

/** The observed (non-`NaN`) values of `cells`, in order. */
export function observed(values: ArrayLike<number>, cells: readonly number[]): number[] {
  let count = 0;
  for (let i = 0; i < cells.length; i++) if (!Number.isNaN(values[cells[i]])) count++;
  const list: number[] = new Array(count);
  count = 0;
  for (let i = 0; i < cells.length; i++) {
    const value = values[cells[i]];
    if (!Number.isNaN(value)) list[count++] = value;
  }
  return list;
}

/**
 * The sets of `cellSets` as arithmetic progressions, without building them: calls `visit(start, step, count)` once
 * for `panel` (0, 1, every cell) and once per year for `year` (year, yearCount, unitCount). Same cells, same order.
 */
export function forEachCellSet(
  context: Pick<NormalizeContext, "unitCount" | "yearCount">,
  scope: Scope,
  visit: (start: number, step: number, count: number) => void,
): void {
  const { unitCount, yearCount } = context;
  if (scope === "panel") visit(0, 1, unitCount * yearCount);
  else for (let year = 0; year < yearCount; year++) visit(year, yearCount, unitCount);
}
