/**
 * Results as CSV text: the long index table, the wide report table, the indicator scores, and any other `Table`.
 * Files meant for people open correctly in Excel: a UTF-8 byte order mark on request, and text cells that Excel would
 * read as a formula neutralised.
 */
import type { IndexResult } from "../../core/compute.js";
import { formatCsv, guardFormula } from "../csv.js";
import { indexTable, scoresTable, wideTable, type Table } from "./tables.js";

/** A number with a fixed count of decimals; `NaN` is an empty cell and `-0` prints as `0`. */
export function formatValue(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
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

/** Any table as CSV: a header row of column names, text cells formula-guarded by `formatCsv`, numbers with fixed decimals. */
export function formatTableCsv(table: Table, options: CsvOptions = {}): string {
  const decimals = options.decimals ?? 4;
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      const kind = table.columns[i].kind;
      if (typeof cell === "string") return cell;
      return kind === "integer" ? formatValue(cell, 0) : formatValue(cell, decimals);
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
