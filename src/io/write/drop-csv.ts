/**
 * The drop analysis as CSV: `sensitivity-drop.csv` (one row per dropped element and year) and
 * `sensitivity-drop-ranks.csv` (each unit's rank without each element).
 *
 * The per-unit table is wide, one column per dropped element, and covers the years the analysis kept (by default the
 * last year only: run `computeDropSensitivity` with `rankYears: [lastYear]`). On a 3,000-unit, 200-indicator,
 * 20-year panel (225 drops with its 25 groups) a long table (element, unit, year, rank) would have
 * 225 × 3,000 × 20 = 13.5 million rows, about 500 MB and 13 times the row limit of Excel; the wide table of the last
 * year has 3,000 rows and 228 columns (about 3 MB), and all 20 years 60,000 rows, both within Excel's 1,048,576 rows
 * and 16,384 columns.
 */
import type { DropSensitivity } from "../../core/audit/drop.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";

/** The file names the drop analysis writes. */
export const DROP_SUMMARY_FILE = "sensitivity-drop.csv";
export const DROP_RANKS_FILE = "sensitivity-drop-ranks.csv";

/**
 * `sensitivity-drop.csv`: per dropped element (tree order) and year, `element, level, year, mean_abs_shift, max_shift,
 * max_shift_unit`: the mean and the largest absolute rank shift of the units, and every unit with the largest (in unit
 * order, separated by `;` as the audit's list cells); `max_shift_unit` is empty when no rank moved, and both shifts are
 * empty when no unit is ranked.
 */
export function formatDropSummaryCsv(sensitivity: DropSensitivity, decimals = 4): string {
  const rows: (string | number)[][] = [["element", "level", "year", "mean_abs_shift", "max_shift", "max_shift_unit"]];
  for (const drop of sensitivity.drops)
    sensitivity.years.forEach((year, y) => {
      rows.push([
        drop.element,
        drop.level,
        year,
        formatValue(drop.meanAbsoluteShift[y], decimals),
        formatValue(drop.largestShift[y], 0),
        drop.largestShiftUnits[y].map((unit) => sensitivity.units[unit]).join(";"),
      ]);
    });
  return formatCsv(rows);
}

/**
 * The position in `years` of each of `rankYears` (the first where a year repeats, -1 for one absent, as `indexOf`
 * gives it), looked up once, not once per unit: a map of the years, so that many years cost no search each.
 */
export function yearPositions(years: readonly number[], rankYears: readonly number[]): number[] {
  const position = new Map<number, number>();
  years.forEach((year, y) => {
    if (!position.has(year)) position.set(year, y);
  });
  return rankYears.map((year) => position.get(year) ?? -1);
}

/**
 * `sensitivity-drop-ranks.csv`: one row per unit and kept year (`sensitivity.rankYears`), `unit, year, rank` (the rank
 * with every element) and then one column per dropped element, named by its code, holding the unit's rank without it
 * (empty where the unit is unranked).
 */
export function formatDropRanksCsv(sensitivity: DropSensitivity): string {
  const { units, years, rankYears, drops } = sensitivity;
  const rankYearPositions = yearPositions(years, rankYears);
  const rows: (string | number)[][] = [["unit", "year", "rank", ...drops.map((drop) => drop.element)]];
  units.forEach((unit, u) => {
    rankYears.forEach((year, k) => {
      const baseline = sensitivity.baselineRank[u * years.length + rankYearPositions[k]];
      rows.push([unit, year, formatValue(baseline, 0), ...drops.map((drop) => formatValue(drop.rank[u * rankYears.length + k], 0))]);
    });
  });
  return formatCsv(rows);
}
