/**
 * Uncertainty results as CSV: `uncertainty.csv` (the index and rank intervals per unit and year) and
 * `sensitivity.csv` (the Sobol indices of each varied choice).
 */
import type { ChoiceSensitivity, UncertaintyResult } from "../../core/uncertainty.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";

/**
 * `uncertainty.csv`: one row per unit and year with the nominal index, the median and the 5% and 95% quantiles of the
 * index over the runs, and the same for the rank (1 = highest index of the year; competition ranks, "1224", as in
 * `ranks.csv`). A rank is printed as a whole number where it is one (`3`); a median or quantile that falls between
 * two ranks keeps `decimals` decimals (`2.5000`).
 */
export function formatUncertaintyCsv(result: UncertaintyResult, decimals = 4): string {
  const rows: (string | number)[][] = [
    ["unit", "year", "index_nominal", "index_median", "index_p05", "index_p95", "rank_nominal", "rank_median", "rank_p05", "rank_p95"],
  ];
  const { index, rank } = result;
  result.units.forEach((unit, u) => {
    result.years.forEach((year, y) => {
      const cell = u * result.years.length + y;
      rows.push([
        unit,
        year,
        ...[index.nominal, index.median, index.low, index.high].map((values) => formatValue(values[cell], decimals)),
        ...[rank.nominal, rank.median, rank.low, rank.high].map((values) => formatRank(values[cell], decimals)),
      ]);
    });
  });
  return formatCsv(rows);
}

/** A rank: a whole number as such (`3`), else with `decimals` decimals; empty where missing. */
export function formatRank(value: number, decimals: number): string {
  return Number.isInteger(value) ? String(value) : formatValue(value, decimals);
}

/**
 * `sensitivity.csv`: the first-order and total Sobol indices of each varied choice, for the overall index (`output`
 * = `index`) and for the rank (`rank`). For each year, the rows of scope `all` (empty `unit`) hold the indices over all
 * units together (the choices' shares of the summed variance), with their 95% bootstrap intervals when the analysis
 * ran one (`first_order_low` ... `total_high`, empty otherwise), followed by one row per unit (scope `unit`).
 * An empty index means the output did not vary (or was undefined in some run).
 */
export function formatSensitivityCsv(result: UncertaintyResult, decimals = 4): string {
  const rows: (string | number)[][] = [
    ["output", "year", "scope", "unit", "choice", "first_order", "total", "first_order_low", "first_order_high", "total_low", "total_high"],
  ];
  const yearCount = result.years.length;
  const blockSize = result.units.length * yearCount;
  const add = (output: string, sensitivity: ChoiceSensitivity) => {
    const intervals = sensitivity.overallIntervals;
    result.years.forEach((year, y) => {
      result.choices.forEach(({ choice }, i) => {
        const at = i * yearCount + y;
        const bounds = intervals ? [intervals.firstOrderLow, intervals.firstOrderHigh, intervals.totalLow, intervals.totalHigh].map((values) => formatValue(values[at], decimals)) : ["", "", "", ""];
        rows.push([output, year, "all", "", choice, formatValue(sensitivity.overallFirstOrder[at], decimals), formatValue(sensitivity.overallTotal[at], decimals), ...bounds]);
      });
      result.units.forEach((unit, u) => {
        result.choices.forEach(({ choice }, i) => {
          const at = i * blockSize + u * yearCount + y;
          rows.push([output, year, "unit", unit, choice, formatValue(sensitivity.firstOrder[at], decimals), formatValue(sensitivity.total[at], decimals), "", "", "", ""]);
        });
      });
    });
  };
  add("index", result.sensitivity.index);
  add("rank", result.sensitivity.rank);
  return formatCsv(rows);
}
