/**
 * Numbers split at their thousands separators by unquoted commas. Excel quotes a cell holding a comma (`"1,234"`) when
 * it saves a CSV file, but a file written by hand or by another tool may not: `A,2019,x1,1,234,` under the header
 * `unit,year,indicator,value,note` is one field longer than the header, its last field empty (tolerated as a trailing
 * comma), so it reads, the value 1 and the note 234, a wrong number without a word. A split adds a field for each
 * separator, so only a row with more fields than its header is looked at (the fields past the header's all empty: one
 * that is not is refused, `extraFields` in io/read/columns.ts); a row with exactly the header's fields never is, nor a
 * cell written in quotes, nor a row with no more fields than the file's others: some tools end every row with a comma
 * and the header not, and there `A,2019,x1,1,234,` is value 1 and note 234 as written. A row is looked at only when it
 * has more fields to spare than the file's rows that show no such number (as many as most of them have, the fewer of a
 * tie; none when every row shows one): in that file `A,2019,x1,1,234,,` still is (`thousandsSplits` in
 * io/read/data-csv.ts), and one row without the others' trailing comma changes nothing. The groups may land
 * in a column the layout reads: in `unit,indicator,2019,2020,note` the row `A,x1,1,234,6,` reads 2019 = 1 and 2020 =
 * 234, the real 2020 value in the note.
 */
import type { Issue } from "../errors.js";
import { firstPerFile } from "./accounting-dashes.js";
import { checkMessages } from "./check-messages.js";
import { parseNumber } from "./number.js";
import type { ValueRecord } from "./panel.js";

/** A value cell that may begin a split number: 1 to 3 digits, not starting with 0, perhaps signed, perhaps after a currency sign. */
const SPLIT_START = /^[+\-−]?(?:[¥￥$€£][\s\u00a0]*)?[1-9]\d{0,2}$/;
/** A group of thousands after a separator: three digits; the last group may have decimals (`234.5`). */
const GROUP = /^\d{3}$/;
const LAST_GROUP = /^\d{3}\.\d*$/;

/**
 * The cells after cell `index` of a row that, with it, may be one number split at its thousands separators by unquoted
 * commas, or `undefined` when none follows. Cell `index` must be a whole number of one to three digits, perhaps signed
 * or after a currency sign as the number rule allows (`1`, `-12`, `¥1`; not `0` nor `012`, which begin no group of
 * thousands: `0,234` is a decimal comma); every following cell of exactly three digits is a group (`1,234,567` gives
 * `234` and `567`), up to the first that is not, a group with decimals ending the number (`1,234.5`). No cell may have
 * been written in quotes (`quoted`, by position: a quoted cell was meant as one). Cells are compared trimmed.
 * Whether the row had the fields to spare (more than its header, and than the file's other rows) is the caller's to know.
 * @example thousandsGroups(["A", "2019", "x1", "1", "234", "567", ""], 3) // => ["234", "567"]
 * @example thousandsGroups(["A", "2019", "x1", "1", "2345", ""], 3) // => undefined
 */
export function thousandsGroups(cells: readonly string[], index: number, quoted: (index: number) => boolean = () => false): string[] | undefined {
  if (quoted(index) || !SPLIT_START.test((cells[index] ?? "").trim())) return undefined;
  const groups: string[] = [];
  for (let next = index + 1; next < cells.length && !quoted(next); next++) {
    const cell = cells[next].trim();
    if (LAST_GROUP.test(cell)) groups.push(cell);
    if (!GROUP.test(cell)) break;
    groups.push(cell);
  }
  return groups.length > 0 ? groups : undefined;
}

/**
 * The number a value cell and its groups (`thousandsGroups`) make as one: `1`, `234` and `567` make 1234567; `1` and
 * `234.5` 1234.5; `-¥1` and `234` -1234.
 */
export const thousandsSplitNumber = (cell: string, groups: readonly string[]): number => parseNumber([cell.trim(), ...groups.map((group) => group.trim())].join(","))!;

/**
 * One warning (`W_THOUSANDS_SPLIT`) per file whose values include cells that may be numbers split at their thousands
 * separator (`ValueRecord.thousandsSplit`), placed at the first of them (its line, and its column) and counting them
 * all; `source` names the file of a record without its own (`ValueRecord.file`, of a values folder).
 * @example thousandsSplitWarnings([{ unit: "A", year: 2019, indicator: "x1", value: 1, line: 2, valueColumn: 4, thousandsSplit: { cell: "1", groups: ["234"], nextColumn: 5, nextName: "note", fields: 6, headerFields: 5 } }], "v.csv")
 * // => one warning at v.csv:2:4: value "1" and the next cell, "234" in column 5 ("note") ... 1234 ...
 */
export function thousandsSplitWarnings(records: readonly ValueRecord[], source?: string): Issue[] {
  return firstPerFile(records, (record) => record.thousandsSplit !== undefined, source).map(({ file, first, line, column, count }) => {
    const split = first.thousandsSplit!;
    const meant = thousandsSplitNumber(split.cell, split.groups);
    const message = checkMessages.thousandsSplit({ file, line, column, ...split, read: parseNumber(split.cell)!, meant }, count);
    return { code: "W_THOUSANDS_SPLIT", message, source: file, line, column };
  });
}
