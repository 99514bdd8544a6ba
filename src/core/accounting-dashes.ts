/**
 * Missing values read from dashes padded as Excel's accounting format (会计专用) shows a zero. A CSV file saved from
 * such a sheet holds the text shown, `" -   "` (`isAccountingDash`, core/number.ts), where the workbook holds 0; the
 * dash reads as missing, as a bare `-` does (the Chinese statistical 无数据), so the zero would be imputed or refused as
 * no value without a word. The cells are only marked, never changed: a dash typed on purpose for "no value" looks no
 * different once saved, and only the person who wrote the sheet knows which was meant.
 */
import type { Issue } from "../errors.js";
import { checkMessages } from "./check-messages.js";
import type { ValueRecord } from "./panel.js";

/**
 * One warning (`W_ACCOUNTING_DASH`) per file whose values include cells read as missing from an accounting-format
 * dash (`ValueRecord.accountingDash`), placed at the first of them (its line, and its column) and counting them all;
 * `source` names the file of a record without its own (`ValueRecord.file`, of a values folder).
 * @example accountingDashWarnings([{ unit: "", year: 2018, indicator: "A", value: NaN, line: 3, valueColumn: 3, accountingDash: " -   " }], "v.csv")
 * // => one warning at v.csv:3:3: 1 value cell is a dash padded with spaces (" -   ") ...
 */
export function accountingDashWarnings(records: readonly ValueRecord[], source?: string): Issue[] {
  return firstPerFile(records, (record) => record.accountingDash !== undefined, source).map(({ file, first, line, column, count }) => {
    const message = checkMessages.accountingDashes({ file, line, column, text: first.accountingDash! }, count);
    return { code: "W_ACCOUNTING_DASH", message, source: file, line, column };
  });
}

/** The first record of each file that `marked` picks, in the order of the records, its place, and how many the file has. */
export interface FirstInFile {
  file: string;
  first: ValueRecord;
  line: number;
  column: number;
  count: number;
}

/**
 * The records `marked` picks, one entry per file (`ValueRecord.file`, else `source`, else ""): the first of them, its
 * line and column (the value's column when the record has none of its own), and how many the file has. A warning
 * said once per file (`W_ACCOUNTING_DASH`, `W_THOUSANDS_SPLIT`) is placed at the first and counts them all.
 * @example firstPerFile([{ ..., line: 3, valueColumn: 4 }, { ..., line: 9 }], () => true, "v.csv") // => [{ file: "v.csv", line: 3, column: 4, count: 2, ... }]
 */
export function firstPerFile(records: readonly ValueRecord[], marked: (record: ValueRecord) => boolean, source?: string): FirstInFile[] {
  const byFile = new Map<string, { first: ValueRecord; count: number }>();
  for (const record of records) {
    if (!marked(record)) continue;
    const file = record.file ?? source ?? "";
    const found = byFile.get(file);
    if (found) found.count++;
    else byFile.set(file, { first: record, count: 1 });
  }
  return [...byFile].map(([file, { first, count }]) => ({ file, first, line: first.line ?? 0, column: first.column ?? first.valueColumn ?? 0, count }));
}
