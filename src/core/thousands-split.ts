/**
 * Numbers split at their thousands separator by an unquoted comma. Excel quotes a cell holding a comma (`"1,234"`) when
 * it saves a CSV file, but a file written by hand or by another tool may not: `A,2019,x1,1,234,` under the header
 * `unit,year,indicator,value,note` has as many fields as the header (and one more, empty: harmless), so it reads, the
 * value 1 and the note 234, a wrong number without a word. A row with more fields than its header is refused
 * (`extraFields`, io/read/columns.ts); this is the case where the next column is one the layout does not read.
 */
import type { Issue } from "../errors.js";
import { checkMessages } from "./check-messages.js";
import { parseNumber } from "./number.js";
import type { ValueRecord } from "./panel.js";

/**
 * Whether a value cell (`cell`) and the cell after it (`next`, in a column the layout does not read) may be one number
 * split at its thousands separator: the value a whole number of one to three digits, perhaps signed (`1`, `-12`; not
 * `0` nor `012`, which begin no group of thousands: `0,234` is a decimal comma, refused as one where it is a cell), and
 * the next cell exactly three digits, perhaps with decimals (`234`, `234.5`), so that `cell,next` is a number written
 * with its separator (`1,234.5`). Both are compared trimmed.
 * @example isThousandsSplit("1", "234") // => true
 * @example isThousandsSplit("1", "2345") // => false
 */
export const isThousandsSplit = (cell: string, next: string): boolean => /^[+-]?[1-9]\d{0,2}$/.test(cell.trim()) && /^\d{3}(?:\.\d*)?$/.test(next.trim());

/** The number `cell` and `next` make as one (`isThousandsSplit`): `1` and `234.5` make 1234.5, `-1` and `234` -1234. */
export const thousandsSplitNumber = (cell: string, next: string): number => parseNumber(`${cell.trim()},${next.trim()}`)!;

/**
 * One warning (`W_THOUSANDS_SPLIT`) per file whose values include cells that may be numbers split at their thousands
 * separator (`ValueRecord.thousandsSplit`), placed at the first of them (its line, and its column) and counting them
 * all; `source` names the file of a record without its own (`ValueRecord.file`, of a values folder).
 * @example thousandsSplitWarnings([{ unit: "A", year: 2019, indicator: "x1", value: 1, line: 2, valueColumn: 4, thousandsSplit: { cell: "1", next: "234", nextColumn: 5, nextName: "note" } }], "v.csv")
 * // => one warning at v.csv:2:4: value "1" is followed by "234" in column 5 ("note") ... 1234 ...
 */
export function thousandsSplitWarnings(records: readonly ValueRecord[], source?: string): Issue[] {
  const byFile = new Map<string, { first: ValueRecord; count: number }>();
  for (const record of records) {
    if (record.thousandsSplit === undefined) continue;
    const file = record.file ?? source ?? "";
    const found = byFile.get(file);
    if (found) found.count++;
    else byFile.set(file, { first: record, count: 1 });
  }
  return [...byFile].map(([file, { first, count }]) => {
    const line = first.line ?? 0;
    const column = first.column ?? first.valueColumn ?? 0;
    const split = first.thousandsSplit!;
    const meant = thousandsSplitNumber(split.cell, split.next);
    const message = checkMessages.thousandsSplit({ file, line, column, ...split, meant }, count);
    return { code: "W_THOUSANDS_SPLIT", message, source: file, line, column };
  });
}
