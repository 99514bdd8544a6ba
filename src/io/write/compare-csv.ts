/**
 * A comparison of two configurations as CSV: `compare.csv` (per unit and year) and `compare-years.csv` (per year).
 */
import type { Comparison } from "../../core/audit/compare.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";

/** The file names `compare` writes. */
export const COMPARE_FILE = "compare.csv";
export const COMPARE_YEARS_FILE = "compare-years.csv";

/**
 * `compare.csv`: one row per unit and year, `unit, year, index_a, rank_a, index_b, rank_b, rank_shift`, where
 * `rank_shift = rank_a − rank_b` (positive when the unit ranks higher under b); empty cells where an index is missing.
 */
export function formatCompareCsv(comparison: Comparison, decimals = 4): string {
  const rows: (string | number)[][] = [["unit", "year", "index_a", "rank_a", "index_b", "rank_b", "rank_shift"]];
  const yearCount = comparison.years.length;
  comparison.units.forEach((unit, u) =>
    comparison.years.forEach((year, y) => {
      const cell = u * yearCount + y;
      rows.push([
        unit,
        year,
        formatValue(comparison.indexA[cell], decimals),
        formatValue(comparison.rankA[cell], 0),
        formatValue(comparison.indexB[cell], decimals),
        formatValue(comparison.rankB[cell], 0),
        formatValue(comparison.rankShift[cell], 0),
      ]);
    }),
  );
  return formatCsv(rows);
}

/**
 * `compare-years.csv`: one row per year, `year, units, spearman, mean_abs_shift`: the units ranked in both
 * configurations, Spearman's correlation of their two rankings (empty when undefined: see `comparison.notes`) and
 * their mean |rank shift|.
 */
export function formatCompareYearsCsv(comparison: Comparison, decimals = 4): string {
  const rows: (string | number)[][] = [["year", "units", "spearman", "mean_abs_shift"]];
  comparison.years.forEach((year, y) =>
    rows.push([year, comparison.rankedUnits[y], formatValue(comparison.spearman[y], decimals), formatValue(comparison.meanAbsoluteShift[y], decimals)]),
  );
  return formatCsv(rows);
}
