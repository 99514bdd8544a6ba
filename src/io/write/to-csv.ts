/**
 * Results as CSV text: the long index table, the wide report table, the indicator scores, and any other `Table`.
 * Files meant for people open correctly in Excel: a UTF-8 byte order mark on request, and text cells that Excel would
 * read as a formula neutralised.
 */
import type { IndexResult } from "../../core/compute.js";
import { toFixedText } from "../../core/number.js";
import { formatCsv, guardFormula } from "../csv.js";
import { indexTable, scoresTable, wideTable, type Column, type Table } from "./tables.js";

/** A number with a fixed count of decimals, rounded as Excel shows it (`toFixedText`); `NaN` is an empty cell and `-0` prints as `0`. */
export function formatValue(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = toFixedText(value, decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/**
 * A raw value (an indicator's own unit, as `imputations.csv` and `treatment.csv` hold them) with at least `decimals`
 * decimals and at least `significant` significant digits: where `decimals` would show fewer, as many more decimals
 * as those digits need (at most 100), the zeros past `decimals` then dropped. Deterministic, as `formatValue`: `NaN`
 * is an empty cell and `-0` prints as `0`.
 * @example formatSignificant(0.00003, 4, 6) // => "0.00003" (not "0.0000")
 * @example formatSignificant(0.0000123456789, 4, 6) // => "0.0000123457"
 * @example formatSignificant(1234.56789, 4, 6) // => "1234.5679" (already 8 significant digits)
 * @example formatSignificant(0.5, 4, 6) // => "0.5000"
 */
export function formatSignificant(value: number, decimals: number, significant: number): string {
  if (!Number.isFinite(value)) return "";
  // The exponent of the value rounded to `significant` digits (toExponential rounds first: 9.9999996e-5 is 1.00000e-4).
  const exponent = value === 0 ? 0 : Number(value.toExponential(significant - 1).split("e")[1]);
  const needed = Math.min(100, Math.max(decimals, significant - 1 - exponent));
  let text = formatValue(value, needed);
  if (needed > decimals) {
    text = text.replace(/0+$/, "");
    const point = text.indexOf(".");
    const shown = text.length - point - 1;
    if (shown < decimals) text += "0".repeat(decimals - shown);
    else if (shown === 0) text = text.slice(0, point);
  }
  return text;
}

/** A number cell of `column` as every table writer prints it: whole, with `decimals`, or with `column.significant` digits at least. */
export function formatNumberCell(value: number, column: Column, decimals: number): string {
  if (column.kind === "integer") return formatValue(value, 0);
  return column.significant === undefined ? formatValue(value, decimals) : formatSignificant(value, decimals, column.significant);
}

/** The most decimals a rank quantile is shown with: those of `uncertainty.csv`. */
const RANK_DECIMALS = 4;

/**
 * A rank, or a median or quantile of ranks, as the terminal and the page show it: a whole number as such (`44`), else
 * with the fewest decimals that show it exactly, up to 4 (`40.95`, `43.5`). Type-7 quantiles of whole ranks fall between
 * two ranks at a multiple of the level (0.05), so one decimal would round `40.95` to `41.0`, a whole rank it is not.
 * Empty where missing.
 * @example formatRankQuantile(40.95) // => "40.95"
 */
export function formatRankQuantile(value: number): string {
  for (let decimals = 0; decimals < RANK_DECIMALS; decimals++)
    if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9) return formatValue(value, decimals);
  return formatValue(value, RANK_DECIMALS);
}

/** The UTF-8 byte order mark, which makes Excel read a CSV file as UTF-8 (Chinese names stay readable). */
export const UTF8_BOM = "\uFEFF";

/**
 * A text cell made safe from formula injection: `guardFormula` of `src/io/csv.ts` (the one rule of every CSV file
 * and workbook the tool writes), under the name the library has exported.
 * @example neutralizeFormula("=HYPERLINK(\"x\")") // => "'=HYPERLINK(\"x\")"
 */
export const neutralizeFormula: (text: string) => string = guardFormula;

export interface CsvOptions {
  /** Decimals of number cells. Default 4. */
  decimals?: number;
  /** Start with a UTF-8 byte order mark. Default false. */
  bom?: boolean;
}

/**
 * Any table as CSV: a header row of column names, text cells formula-guarded by `formatCsv`, numbers with fixed
 * decimals (raw values with their significant digits kept: `formatNumberCell`).
 */
export function formatTableCsv(table: Table, options: CsvOptions = {}): string {
  const decimals = options.decimals ?? 4;
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      if (typeof cell === "string") return cell;
      return formatNumberCell(cell, table.columns[i], decimals);
    }),
  );
  const header = table.columns.map((column) => column.name);
  return (options.bom ? UTF8_BOM : "") + formatCsv([header, ...rows]);
}

/** `index.csv`: `unit,year,code,name,level,value` for the overall index (level 0) and every group. */
export function formatIndexCsv(result: IndexResult, decimals = 4, options: Omit<CsvOptions, "decimals"> = {}): string {
  return formatTableCsv(indexTable(result), { ...options, decimals });
}

/** `scores.csv`: the normalised score of every indicator, laid out like `index.csv`. */
export function formatScoresCsv(result: IndexResult, decimals = 4, options: Omit<CsvOptions, "decimals"> = {}): string {
  return formatTableCsv(scoresTable(result), { ...options, decimals });
}

/**
 * `index-wide.csv`: the report table, one row per node (overall index and groups) and one column per year.
 * With several units a `unit` column comes first.
 */
export function formatIndexWideCsv(result: IndexResult, decimals = 4, options: Omit<CsvOptions, "decimals"> = {}): string {
  return formatTableCsv(wideTable(result), { ...options, decimals });
}
