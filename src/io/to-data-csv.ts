/**
 * The data-stage tables as CSV: every imputed or reweighted cell, every outlier-treated cell, and the coverage table.
 * Values are written at full precision (shortest round-trip form) so a reader can check each one; `NaN` is an empty cell.
 */
import type { Coverage } from "../core/coverage.js";
import type { Imputation } from "../core/missing.js";
import type { Treatment } from "../core/outliers.js";
import { formatCsv } from "./csv.js";
import { formatValue } from "./to-csv.js";

const exact = (value: number) => (Number.isFinite(value) ? String(value) : "");

/** `imputations.csv`: `unit,year,indicator,method,value` (value empty for a reweighted cell). */
export function formatImputationsCsv(imputations: readonly Imputation[]): string {
  return formatCsv([
    ["unit", "year", "indicator", "method", "value"],
    ...imputations.map((row) => [row.unit, row.year, row.indicator, row.method, exact(row.value)]),
  ]);
}

/** `treatment.csv`: `unit,year,indicator,method,original,value` for every cell the outlier treatment changed. */
export function formatTreatmentCsv(treatments: readonly Treatment[]): string {
  return formatCsv([
    ["unit", "year", "indicator", "method", "original", "value"],
    ...treatments.map((row) => [row.unit, row.year, row.indicator, row.method, exact(row.original), exact(row.value)]),
  ]);
}

/** `coverage.csv`: `indicator,expected,observed,imputed,reweighted,share_observed` (share with `decimals` decimals). */
export function formatCoverageCsv(coverage: readonly Coverage[], decimals = 4): string {
  return formatCsv([
    ["indicator", "expected", "observed", "imputed", "reweighted", "share_observed"],
    ...coverage.map((row) => [row.indicator, row.expected, row.observed, row.imputed, row.reweighted, formatValue(row.shareObserved, decimals)]),
  ]);
}
