/**
 * Yearly values as CSV, in any of three layouts:
 * - long: `unit,year,indicator,value` (+ optional `source`); `unit` may be left out for a single-unit index;
 * - wide by year, as kept in Excel: `indicator,2017,2018,2019,...`, for one unit or with a `unit` column
 *   (`unit,indicator,name,2017,...`); a `source` column is the source of every value of its row; other text columns
 *   such as `name` are ignored, but not a header that looks like a year and is not one (`21年`, `2021E`: `yearLike`);
 * - wide by indicator, as COINr's `iData`: one row per unit and year, one column per indicator
 *   (`uCode,uName,Time,A,B,...`); a `source` column is the source of every value of its row; columns that are not
 *   indicators (names, groups, denominators) are ignored.
 * Cells follow the number rule of `core/number.ts`, with the decimal mark of the file (`,` in a `;`-separated file
 * unless told otherwise); years may be written `2017` or `2017年`.
 * In the long and wide layouts a `measure` or `计量单位` column (the unit of measurement, as `template` writes it; also
 * `单位`, `指标单位`, `度量单位`: `MEASURE_COLUMNS`) is kept with each value (`ValueRecord.measure`), for the check
 * against the tree's measures (`measures.ts`); a unit column that holds only units of measurement (`unit` meant as the
 * measure: 万元, 件) is refused, and so is a `单位` column whose cells differ between rows of one indicator and year
 * and of different units, as a measure's never do (`measureColumnConflict`). A `name` or `指标名称` column is kept too
 * (`ValueRecord.name`), for the comparison with the tree's names (`indicator-names.ts`). Each record keeps the unit
 * column's place (`ValueRecord.unitColumn`), for the messages about a unit; a value that may be a number split at its
 * thousands separators by unquoted commas in a row longer than its header (`1,234,` read as `1`, then `234` in a note),
 * and longer than the file's other rows are (a file whose every row ends with a comma), is marked (`thousandsSplits`).
 */
import type { Issue, Validated } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { decimalMarkProblem, parseNumber, parseYear, toHalfWidth, type DecimalMark } from "../../core/number.js";
import type { ValueRecord } from "../../core/panel.js";
import { thousandsGroups } from "../../core/thousands-split.js";
import { isQuotedCell, parseCsv, type CsvRow, type CsvTable } from "../csv.js";
import { extraFields, findColumns, normalizeColumnName } from "./columns.js";
import { measureColumnConflict, measureColumnOf, unitColumnOfMeasures } from "./measures.js";

/** Column names of the long layout and their aliases. */
export const LONG_COLUMNS = {
  unit: ["region", "country", "entity", "ucode", "地区", "区域", "单元", "评价对象"],
  year: ["time", "period", "年份", "年度", "年"],
  indicator: ["code", "indicator_code", "icode", "指标", "指标代码", "代码"],
  value: ["数值", "值", "指标值", "数据"],
  source: ["来源", "数据来源", "provenance"],
} as const;
const WIDE_COLUMNS = { indicator: LONG_COLUMNS.indicator, unit: LONG_COLUMNS.unit } as const;
/**
 * The column of the long and wide-by-year layouts that gives each indicator's name beside its code (`name`, `指标名称`,
 * as `template` writes them), kept with each value (`ValueRecord.name`) for the comparison with the tree's names
 * (`nameMismatchWarnings`).
 */
export const INDICATOR_NAME_COLUMNS = { name: ["指标名称", "指标名", "indicator_name", "iname"] } as const;
/** Columns of the wide-by-indicator layout that never hold an indicator: names of units and of indicators. */
const NAME_COLUMNS = { name: ["uname", "unit_name", "name_en", "名称", "地区名称"] } as const;

/** How to read a values table. */
export interface DataReadOptions {
  /** The decimal mark. Default: `,` in a `;`-separated CSV file, else `.`. */
  decimal?: DecimalMark;
  /**
   * The codes values may be given for (the tree's indicators and formula variables): in the wide-by-indicator layout
   * the other columns are ignored. Default: every column holding a number.
   */
  indicators?: ReadonlySet<string>;
  /**
   * The tree's units of measurement (`treeMeasures`): a unit column whose every cell is one of them, or a common one
   * (万元, 件), holds measures, not units, and is refused (`E_MEASURE_COLUMN`). Default: the common ones only.
   */
  measures?: ReadonlySet<string>;
  /** Collects the rows the reading left out whole (`LeftOutRow`), for the checks that still run on the others. */
  leftOut?: LeftOutRow[];
}

/**
 * A row of a values table left out whole (a year that is not one, an empty code or unit, a wrong number of fields), and
 * what it still says of the cells it meant: its unit, year and indicator where it names them readably (none for a row
 * with extra fields or too few, whose cells may have shifted; the unnamed unit "" in a table without a unit column).
 */
export interface LeftOutRow {
  source: string;
  line: number;
  unit?: string;
  year?: number;
  indicator?: string;
}
export { parseYear } from "../../core/number.js";

/** The records of a values CSV, or every problem found (bad years, bad numbers, wrong field counts). */
export function parseDataCsv(text: string, source: string, options: DataReadOptions = {}): Validated<ValueRecord[]> {
  return parseDataTable(parseCsv(text, source), source, options);
}

/** The decimal mark of a table: the one asked for, else `,` for a `;`-separated file, else `.`. */
export function decimalOf(table: Pick<CsvTable, "delimiter">, decimal?: DecimalMark): DecimalMark {
  return decimal ?? (table.delimiter === ";" ? "," : ".");
}

/**
 * How a header cell (or a year cell) that `parseYear` does not read still looks like a year, or `undefined` when it
 * does not look like one. In a wide-by-year table such a header is refused (`E_BAD_YEAR`, with the table's other
 * problems), never left out without a word: its column's values would be dropped from the run. The rule, on the text
 * trimmed and with full-width forms as ASCII:
 * - "twoDigits": two digits alone (`21`), after an apostrophe (`'21`, `’21`) or `FY`/`CY` (`FY21`), or before 年 or
 *   年度 (`21年`, `21年度`): a year without its century, which is not guessed (20 or 19?);
 * - "chineseNumerals": four Chinese numerals in a row anywhere (`二〇二一年`, `二零二一`, `二○二一年说明`);
 * - "other": four digits in a row anywhere (`2021E`, `FY2021`, `2018-19`, `2021年说明`), a number alone (`2018.5`,
 *   `1`, `100`), or one or three digits marked as a year as above (`1年`, `'202`).
 * Any other header (单位, 说明, 来源, 指标名称, name_en, 二级指标, 序号, 21年增速) is no year, and is ignored as before.
 */
export function yearLike(text: string): "twoDigits" | "chineseNumerals" | "other" | undefined {
  const name = toHalfWidth(text).trim();
  if (/[〇零○一二三四五六七八九]{4}/.test(name)) return "chineseNumerals";
  if (/\d{4}/.test(name) || (/^[\d.,]+$/.test(name) && /\d/.test(name))) return /^\d{2}$/.test(name) ? "twoDigits" : "other";
  const marked = /^(?:['‘’]|(?:FY|CY)\s*['‘’]?)(\d{1,3})$/i.exec(name) ?? /^['‘’]?(\d{1,3})\s*年度?$/.exec(name);
  if (marked) return marked[1].length === 2 ? "twoDigits" : "other";
  return undefined;
}
const looksLikeYear = (name: string) => yearLike(name) !== undefined;

/** The message of a header that looks like a year and is not one (`yearLike`). */
export function yearHeaderMessage(name: string, kind: "twoDigits" | "chineseNumerals" | "other"): string {
  if (kind === "twoDigits") return messages.twoDigitYearColumn(name);
  if (kind === "chineseNumerals") return messages.chineseYearColumn(name);
  return messages.badYearColumn(name);
}

/**
 * The records of a values table (from a CSV file or a workbook sheet), or every problem found.
 * A header that gives no layout may sit below a title row (`常州高新区指标数据`, one text across the row, often a
 * merged cell) or be the upper half of a two-row header (`指标 | 年份` over `| 2017 | 2018`, the years under a merged
 * 年份): the table is then read from the header below, or from the two rows as one (each column named by its lower
 * cell, or its upper one where the lower is empty), when that gives a layout; its problems are those of that reading.
 */
export function parseDataTable(table: CsvTable, source: string, options: DataReadOptions = {}): Validated<ValueRecord[]> {
  // The rows left out by the reading kept, not by one given up for a header found lower.
  let leftOut: LeftOutRow[] = [];
  let read = parseDataLayout(table, source, { ...options, leftOut });
  let current = table;
  for (let attempt = 0; attempt < MAX_HEADER_ROWS && !read.ok && isLayoutProblem(read.issues, current); attempt++) {
    const title = isTitleRow(current);
    const lower = title ? headerBelowTitle(current) : joinedHeader(current);
    if (!lower) break;
    const lowerLeftOut: LeftOutRow[] = [];
    const again = parseDataLayout(lower, source, { ...options, leftOut: lowerLeftOut });
    // Below a title the next row is the header, whatever it gives; two rows are taken as one only when that reads.
    if (!title && !again.ok && isLayoutProblem(again.issues, lower)) break;
    [read, current, leftOut] = [again, lower, lowerLeftOut];
  }
  options.leftOut?.push(...leftOut);
  return read;
}

/** How many rows above the data may hold a title or the upper half of a two-row header. */
const MAX_HEADER_ROWS = 3;

/** Whether every problem is of the layout (no layout, a missing column), said on the header's line. */
const isLayoutProblem = (issues: readonly Issue[], table: CsvTable) =>
  issues.length > 0 && issues.every((issue) => (issue.code === "E_DATA_LAYOUT" || issue.code === "E_MISSING_COLUMN") && issue.line === table.headerLine);

/**
 * A title above the header: one text (not a year, not a number) across the row, and below it a row of several cells
 * or another such line (`填报单位：统计局` under the title, then the header).
 */
function isTitleRow(table: CsvTable): boolean {
  const below = table.rows[0]?.cells ?? [];
  return isOneText(table.header) && (below.filter((cell) => cell.trim() !== "").length >= 2 || isOneText(below));
}

/** Whether a row holds one text (not a year, not a number), perhaps repeated across merged cells. */
function isOneText(cells: readonly string[]): boolean {
  const texts = new Set(cells.map((cell) => cell.trim()).filter((cell) => cell !== ""));
  const [text] = texts;
  return texts.size === 1 && parseYear(text) === undefined && parseNumber(text) === undefined;
}

/** The table read from the row below its header. */
function headerBelowTitle(table: CsvTable): CsvTable | undefined {
  const [next, ...rows] = table.rows;
  return next && { ...table, header: next.cells.map((cell) => cell.trim()), headerLine: next.line, rows };
}

/**
 * The table read with its header and the row below as one header, when that row holds a year under a header cell that
 * is not one (the years of a two-row header); `undefined` otherwise. Its header line is the lower row's, which holds
 * the years (and, in a workbook, the cells merged down from the upper row); each column's merged range, of a
 * workbook, is that of the cell that names it.
 */
function joinedHeader(table: CsvTable): CsvTable | undefined {
  const [next, ...rows] = table.rows;
  if (!next || !next.cells.some((cell, index) => parseYear(cell) !== undefined && parseYear(table.header[index] ?? "") === undefined)) return undefined;
  const width = Math.max(table.header.length, next.cells.length);
  const lower = (index: number) => (next.cells[index] ?? "").trim();
  const header = Array.from({ length: width }, (_, index) => lower(index) || (table.header[index] ?? "").trim());
  const merged = table.headerMerged || next.merged ? Array.from({ length: width }, (_, index) => (lower(index) ? next.merged?.[index] : table.headerMerged?.[index])) : undefined;
  const { headerMerged: _upper, ...rest } = table;
  return { ...rest, header, headerLine: next.line, rows, ...(merged && { headerMerged: merged }) };
}

/**
 * A column named again because its header cell is one of a workbook's merged range after the first (`2018年` merged
 * across D2:E2): the problem said as the merge it is, naming the range; `undefined` for a column named twice by hand.
 */
function mergedHeaderIssue(table: CsvTable, firstIndex: number, index: number, source: string): Issue | undefined {
  const merged = table.headerMerged?.[index];
  if (merged === undefined) return undefined;
  // The range's last cell in the header row: its rightmost cell there (the cells of a range share its first).
  let last = merged.cell;
  table.headerMerged!.forEach((other) => other?.first === merged.first && (last = other.cell));
  const message = messages.mergedHeaderColumn(table.header[index], firstIndex + 1, index + 1, merged.cell, `${merged.first}:${last}`);
  return { code: "E_DUPLICATE_COLUMN", message, source, line: table.headerLine, column: index + 1 };
}

/** `parseDataTable` with the table's header as it is. */
function parseDataLayout(table: CsvTable, source: string, options: DataReadOptions): Validated<ValueRecord[]> {
  const decimal = decimalOf(table, options.decimal);
  const indicator = indicatorColumn(table, options.indicators);
  const long = { ...findColumns(table.header, LONG_COLUMNS), indicator };
  // A column the reading uses given twice (`value,value`): which one holds the values is anyone's guess.
  const twice = (used: Record<string, number>) => repeatedColumns(table, Object.values(used), source);
  const measure = measureColumnOf(table.header);
  const { name: nameColumn } = findColumns(table.header, INDICATOR_NAME_COLUMNS);
  // A `单位` column whose cells differ within one indicator and year, across units: no measure (`measureColumnConflict`).
  const conflict = (unit: number, year: number) => measureColumnConflict(table, measure, { indicator, unit, year }, source);
  const refused = (issue: Issue): Validated<ValueRecord[]> => ({ ok: false, issues: [issue], warnings: [], partial: [] });
  // A unit column of units of measurement: one problem, not one per indicator read as a unit of its own.
  const measuresAsUnits = (unit: number): Validated<ValueRecord[]> | undefined => {
    const issue = unitColumnOfMeasures(table, unit, source, options.measures);
    return issue && { ok: false, issues: [issue], warnings: [], partial: [] };
  };
  if (long.year >= 0 && long.indicator >= 0 && long.value >= 0) {
    const repeated = twice(long);
    if (repeated.length > 0) return { ok: false, issues: repeated, warnings: [] };
    const differs = conflict(long.unit, long.year);
    if (differs) return refused(differs);
    return measuresAsUnits(long.unit) ?? parseLong(table, long, measure, nameColumn, source, decimal, options.leftOut);
  }
  const wide = { ...findColumns(table.header, WIDE_COLUMNS), indicator };
  const yearColumns: { year: number; index: number }[] = [];
  const badYears: Issue[] = [];
  table.header.forEach((name, index) => {
    if (index === wide.indicator || index === wide.unit) return;
    const year = parseYear(name);
    const first = year === undefined ? undefined : yearColumns.find((column) => column.year === year);
    if (first)
      badYears.push(
        mergedHeaderIssue(table, first.index, index, source) ?? {
          code: "E_DUPLICATE_COLUMN",
          message: messages.repeatedColumn(name, first.index + 1, index + 1, table.header[first.index]),
          source,
          line: table.headerLine,
          column: index + 1,
        },
      );
    else if (year !== undefined) yearColumns.push({ year, index });
    else {
      const kind = yearLike(name);
      if (kind) badYears.push({ code: "E_BAD_YEAR", message: yearHeaderMessage(name, kind), source, line: table.headerLine, column: index + 1 });
    }
  });
  if (wide.indicator >= 0) badYears.unshift(...twice(wide));
  if (wide.indicator >= 0 && yearColumns.length + badYears.length > 0) {
    const differs = conflict(wide.unit, -1);
    if (differs) return refused(differs);
    const asUnits = measuresAsUnits(wide.unit);
    if (asUnits) return asUnits;
    const parsed = parseWide(table, wide, measure, nameColumn, long.source, yearColumns, source, decimal, options.leftOut);
    return badYears.length === 0 ? parsed : { ok: false, issues: [...badYears, ...(parsed.ok ? [] : parsed.issues)], warnings: [] };
  }
  if (long.year >= 0 && long.indicator < 0 && long.value < 0) {
    const parsed = parseByIndicator(table, long, source, decimal, options.indicators, options.leftOut);
    if (parsed) return parsed;
  }
  const missing = (["year", "indicator", "value"] as const).filter((key) => long[key] < 0);
  const issues: Issue[] =
    missing.length < 3
      ? missing.map((key) => ({ code: "E_MISSING_COLUMN", message: messages.missingColumn(key, table.header), source, line: table.headerLine, column: key }))
      : [{ code: "E_DATA_LAYOUT", message: messages.unknownLayout(table.header), source, line: table.headerLine }];
  return { ok: false, issues, warnings: [] };
}

/** One issue per column of `used` whose name (as `findColumns` compares names) the header gives again further on. */
function repeatedColumns(table: CsvTable, used: readonly number[], source: string): Issue[] {
  const names = table.header.map(normalizeColumnName);
  return used.flatMap((index) => {
    if (index < 0 || names[index] === "") return [];
    const again = names.findIndex((name, other) => other !== index && name === names[index]);
    if (again < 0) return [];
    const [first, second] = [Math.min(index, again), Math.max(index, again)];
    return [
      mergedHeaderIssue(table, first, second, source) ?? {
        code: "E_DUPLICATE_COLUMN",
        message: messages.repeatedColumn(table.header[second], first + 1, second + 1),
        source,
        line: table.headerLine,
        column: second + 1,
      },
    ];
  });
}

/** The positions of the header's columns whose names may mean the indicator (`indicator`, `code`, `指标`, `指标代码`, ...). */
export function indicatorColumns(header: readonly string[]): number[] {
  const aliases: readonly string[] = LONG_COLUMNS.indicator;
  return header.flatMap((name, index) => {
    const normal = normalizeColumnName(name);
    return normal === "indicator" || aliases.includes(normal) ? [index] : [];
  });
}

/**
 * The column of the indicator codes: of the columns whose names may mean it (`indicator`, `code`, `指标`, `指标代码`,
 * ...), the one whose cells are most often codes in `indicators`, so that a sheet with both a name column (`指标`:
 * 研发经费) and a code column (`指标代码`: A1) reads the codes; the first of them without `indicators` or on a tie.
 * -1 when no column may mean it.
 */
function indicatorColumn(table: CsvTable, indicators: ReadonlySet<string> | undefined): number {
  const candidates = indicatorColumns(table.header);
  if (candidates.length < 2 || !indicators) return candidates[0] ?? -1;
  const codes = (index: number) => table.rows.reduce((count, row) => count + (indicators.has((row.cells[index] ?? "").trim()) ? 1 : 0), 0);
  let best = candidates[0];
  let bestCount = codes(best);
  for (const index of candidates.slice(1)) {
    const count = codes(index);
    if (count > bestCount) [best, bestCount] = [index, count];
  }
  return best;
}

/**
 * The value of cell `index` of `row` as a record holds it (`cellValue`): a cell that could not be read is a gap marked
 * `unreadable`, so that the duplicate check still counts it as given (an empty cell repeating a cell states nothing).
 */
export function readValue(table: CsvTable, row: CsvRow, index: number, decimal: DecimalMark, source: string, issues: Issue[]): Pick<ValueRecord, "value" | "unreadable"> {
  const before = issues.length;
  const value = cellValue(table, row, index, decimal, source, issues);
  return issues.length > before ? { value, unreadable: true } : { value };
}

/** The decimal mark of cell `index` of `row`: a point for a workbook cell that held a number (`CsvRow.numeric`). */
export const markOf = (row: CsvRow, index: number, decimal: DecimalMark): DecimalMark => (row.numeric?.[index] ? "." : decimal);

/**
 * The number in cell `index` of `row` (decimal mark by `markOf`), `NaN` for a missing value or for a cell that is not
 * a number, whose issue goes into `issues`.
 */
function cellValue(table: CsvTable, row: CsvRow, index: number, decimal: DecimalMark, source: string, issues: Issue[]): number {
  const text = row.cells[index] ?? "";
  const merged = row.merged?.[index];
  if (merged !== undefined && text !== "") {
    issues.push({ code: "E_XLSX_MERGED", message: messages.mergedValue(merged.cell, merged.first, table.header[index]), source, line: row.line, column: index + 1 });
    return Number.NaN;
  }
  // A dash padded as Excel's accounting format shows a zero is missing, as a bare dash is, with a currency sign too
  // (`" ¥-   "`, which `parseNumber` alone refuses: the sign is dropped as before a number); `marked` marks it.
  if (row.accountingDashes?.[index] !== undefined) return Number.NaN;
  const mark = markOf(row, index, decimal);
  const value = parseNumber(text, mark);
  if (value === undefined) issues.push(badNumber(text, table.header[index], mark, { source, line: row.line, column: index + 1 }));
  return value ?? Number.NaN;
}

/** Whether a value cell was written as a percentage (`1.96%`, `12.5 ％`, or a workbook cell formatted as one). */
const isPercentCell = (text: string | undefined) => text !== undefined && /[%％][\s\u00a0\u3000]*$/.test(text);

/**
 * `record` of cell `index` of `row`, marked `percent` when its cell was written as a percentage (see
 * `percentMixWarnings`), and `accountingDash` when it was read as a missing value from a dash padded as Excel's
 * accounting format shows a zero (`CsvRow.accountingDashes`, see `accountingDashWarnings`).
 */
function marked(record: ValueRecord, row: CsvRow, index: number): ValueRecord {
  const dash = row.accountingDashes?.[index];
  const accounting = dash !== undefined && Number.isNaN(record.value) && !record.unreadable;
  if (!accounting) return isPercentCell(row.cells[index]) ? { ...record, percent: true } : record;
  return { ...record, accountingDash: dash };
}

/**
 * Of a comma-separated file read with a decimal point (where a comma may group thousands), a function that gives, for
 * the value in cell `index` of a row, the mark of a number that may be split at its thousands separators by unquoted
 * commas (`ValueRecord.thousandsSplit`), and nothing otherwise. Each separator adds a field, so only a row with more
 * fields than the header is looked at (those past the header's are empty, or the row was refused: `extraFields`): a
 * value cell and the cells after it that `thousandsGroups` (core/thousands-split.ts) takes as its groups, none of them
 * written in quotes (`isQuotedCell`), in whatever columns they landed. `values` are the layout's value columns, looked
 * at from the left: a cell taken as a group of the value before it (`A,x1,1,234,6,` under
 * `unit,indicator,2019,2020,note`: 234, read as 2020's value) is no value of its own to mark. A workbook sheet (no
 * delimiter) has no such split.
 *
 * A split is evident only against the file's other rows: some tools end every row with a comma and the header not, so
 * that every row has one empty field to spare, and `A,2019,x1,1,234,` (value 1, note 234) is a plain row there. The
 * surplus of a row is its fields past the header's (0 for a row no longer than it); the file's usual surplus is the
 * one most of the rows with none of these marks have, the smaller of a tie (0 when every row has one; rows refused
 * for fields past the header's that are not empty count for nothing), so that one row without the trailing comma of
 * the others (the last, or one edited by hand) does not make every other row's a split. A row is marked only when its
 * surplus exceeds the usual one: in a file whose rows all end with a comma, `A,2019,x1,1,234,,` (7 fields for 5)
 * still is.
 */
function thousandsSplits(table: CsvTable, decimal: DecimalMark, values: readonly number[]): (row: CsvRow, index: number) => Pick<ValueRecord, "thousandsSplit"> {
  if (table.delimiter !== "," || decimal !== ".") return () => ({});
  const columns = [...values].filter((index) => index >= 0).sort((a, b) => a - b);
  // The header's columns up to its last with a name: the columns after it (a header line ending with commas) hold
  // nothing the layout reads, so a row's cells there are spare as cells past the header are; a value split at its
  // thousands into one of them (every row "U,2017,A,1,960" under "unit,year,indicator,value,") was read short without
  // a word. Messages count the header's columns so (the next cell's column is said to have no header).
  let headerFields = table.header.length;
  while (headerFields > 0 && table.header[headerFields - 1].trim() === "") headerFields--;
  const surplusOf = (row: CsvRow) => Math.max(0, row.cells.length - headerFields);
  const marksOf = (row: CsvRow) => {
    const marks = new Map<number, NonNullable<ValueRecord["thousandsSplit"]>>();
    let taken = -1;
    for (const index of columns) {
      if (index <= taken) continue;
      const groups = thousandsGroups(row.cells, index, (at) => isQuotedCell(row, at));
      if (!groups) continue;
      const next = index + 1;
      marks.set(index, { cell: row.cells[index].trim(), groups, nextColumn: next + 1, nextName: table.header[next] ?? "", fields: row.cells.length, headerFields });
      taken = index + groups.length;
    }
    return marks;
  };
  // The marks of each row longer than the header that has some, and how many of the others have each surplus (see above).
  const marksByRow = new Map<CsvRow, ReturnType<typeof marksOf>>();
  const rowsBySurplus = new Map<number, number>();
  for (const row of table.rows) {
    if (row.cells.length > table.header.length && row.cells.slice(table.header.length).some((cell) => cell.trim() !== "")) continue;
    const marks = row.cells.length > headerFields ? marksOf(row) : undefined;
    if (marks && marks.size > 0) marksByRow.set(row, marks);
    else {
      const surplus = surplusOf(row);
      rowsBySurplus.set(surplus, (rowsBySurplus.get(surplus) ?? 0) + 1);
    }
  }
  let baseline = 0;
  let most = 0;
  for (const [surplus, rows] of rowsBySurplus) {
    if (rows > most || (rows === most && surplus < baseline)) [baseline, most] = [surplus, rows];
  }
  return (row, index) => {
    if (surplusOf(row) <= baseline) return {};
    const split = marksByRow.get(row)?.get(index);
    return split ? { thousandsSplit: split } : {};
  };
}

/** The unit column of a layout as a record keeps it (1-based): nothing without one (-1). */
const unitColumnOf = (column: number): Pick<ValueRecord, "unitColumn"> => (column >= 0 ? { unitColumn: column + 1 } : {});

/** The `source` of a row of a wide layout, for each of its values: none without the column or in an empty cell. */
const sourceOf = (row: CsvRow, column: number): { source?: string } => (column >= 0 && row.cells[column] ? { source: row.cells[column] } : {});

/**
 * The issue of a cell that is not a number, naming a decimal mark that would read it; a full-width comma (`１２３，４`),
 * never a decimal mark in Chinese, is said to be a thousands separator out of place, not a decimal comma.
 */
function badNumber(text: string, column: string, decimal: DecimalMark, where: Omit<Issue, "code" | "message">): Issue {
  const problem = decimalMarkProblem(text, decimal);
  if (problem === "fullWidthComma") return { code: "E_BAD_NUMBER", message: messages.fullWidthComma(text, column), ...where };
  const message =
    problem === "comma" ? messages.decimalComma(text, column) : problem === "ambiguous" ? messages.ambiguousNumber(text, column) : messages.badValue(text, column);
  return { code: problem ? "E_DECIMAL_MARK" : "E_BAD_NUMBER", message, ...where };
}

/** The indicator's name in cell `column` of `row` (-1: no name column), as a record keeps it: nothing for an empty cell. */
function nameOf(row: CsvRow, column: number): Pick<ValueRecord, "name" | "nameColumn"> | undefined {
  const text = column >= 0 ? (row.cells[column] ?? "").trim() : "";
  return text === "" ? undefined : { name: text, nameColumn: column + 1 };
}

/** The measure of cell `column` of `row` (-1: no measure column), as a record keeps it: nothing for an empty cell. */
function measureOf(row: CsvRow, column: number): Pick<ValueRecord, "measure" | "measureColumn"> | undefined {
  const text = column >= 0 ? (row.cells[column] ?? "").trim() : "";
  return text === "" ? undefined : { measure: text, measureColumn: column + 1 };
}

function parseLong(
  table: CsvTable,
  columns: Record<keyof typeof LONG_COLUMNS, number>,
  measureColumn: number,
  nameColumn: number,
  source: string,
  decimal: DecimalMark,
  leftOut: LeftOutRow[] = [],
): Validated<ValueRecord[]> {
  const withoutUnits = emptyUnits(table, columns.unit, source);
  const issues: Issue[] = withoutUnits.issues;
  const records: ValueRecord[] = [];
  // A row may end early (a header with empty columns at its end) but not before a column the layout reads.
  const needed = Math.max(...Object.values(columns)) + 1;
  const splitOf = thousandsSplits(table, decimal, [columns.value]);
  for (const row of rowsByPosition(table, source, issues, leftOut)) {
    const { line, cells } = row;
    const at = (code: string, message: string, column: string | number): Issue => ({ code, message, source, line, column });
    if (cells.length < needed) {
      // At the column after its last field, where the header goes on.
      issues.push(at("E_FIELD_COUNT", messages.wrongFieldCount(cells.length, table.header.length, false, table.headerLine), cells.length + 1));
      leftOut.push({ source, line });
      continue;
    }
    const yearText = cells[columns.year] ?? "";
    const year = parseYear(yearText);
    const indicator = cells[columns.indicator];
    if (withoutUnits.rows.has(row)) {
      leftOut.push({ source, line, year, indicator: indicator || undefined });
      continue;
    }
    if (year === undefined) issues.push(at("E_BAD_YEAR", messages.badYear(yearText), columns.year + 1));
    const value = readValue(table, row, columns.value, decimal, source, issues);
    if (!indicator) issues.push(at("E_EMPTY_CODE", messages.emptyCode(table.header[columns.indicator]), table.header[columns.indicator]));
    if (year === undefined || !indicator) {
      leftOut.push({ source, line, unit: columns.unit >= 0 ? cells[columns.unit] : "", year, indicator: indicator || undefined });
      continue;
    }
    // A value that is not a number is kept as a gap in `partial`, so that its row still counts for the checks of the
    // values' structure (unknown indicators, duplicates) that run beside the cell errors.
    const record = {
      unit: columns.unit >= 0 ? cells[columns.unit] : "",
      year,
      indicator,
      ...value,
      source: columns.source >= 0 ? cells[columns.source] || undefined : undefined,
      line,
      indicatorColumn: columns.indicator + 1,
      valueColumn: columns.value + 1,
      ...unitColumnOf(columns.unit),
      ...measureOf(row, measureColumn),
      ...nameOf(row, nameColumn),
      ...splitOf(row, columns.value),
    };
    records.push(marked(record, row, columns.value));
  }
  const unread = columns.unit < 0 ? unreadUnitColumn(table, columns, measureColumn, records) : undefined;
  if (unread) return { ok: false, issues: [{ ...unread, source }, ...issues], warnings: [], partial: [] };
  if (issues.length === 0) return { ok: true, value: records, warnings: [] };
  const cause = swappedYearColumn(table, columns, source);
  return { ok: false, issues: cause ? [cause, ...issues] : issues, warnings: [], partial: records };
}

/**
 * In a long table without a unit column, the first two rows that give one year and indicator while a column the layout
 * does not read differs between them (`园区`, a unit column under a name not recognised): the rows of several units
 * read as one unit's duplicates. The issue names the two lines and the columns that differ, and asks for the column
 * to be renamed. Rows that repeat with every column alike are plain duplicates, left to the panel's check.
 */
function unreadUnitColumn(
  table: CsvTable,
  columns: Record<keyof typeof LONG_COLUMNS, number>,
  measureColumn: number,
  records: readonly ValueRecord[],
): Omit<Issue, "source"> | undefined {
  const read = new Set([...Object.values(columns), measureColumn]);
  const others = table.header.map((name, index) => ({ name, index })).filter(({ name, index }) => !read.has(index) && name.trim() !== "");
  if (others.length === 0) return undefined;
  const rowOf = new Map(table.rows.map((row) => [row.line, row] as const));
  const first = new Map<string, ValueRecord>();
  for (const record of records) {
    const key = `${record.year}\u0000${record.indicator}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, record);
      continue;
    }
    const [a, b] = [rowOf.get(earlier.line!)!, rowOf.get(record.line!)!];
    const differing = others.filter(({ index }) => (a.cells[index] ?? "").trim() !== (b.cells[index] ?? "").trim());
    if (differing.length === 0) continue;
    const message = messages.unitColumnUnread(differing.map(({ name }) => name), record.year, record.indicator, earlier.line!, record.line!, LONG_COLUMNS.unit);
    return { code: "E_UNIT_COLUMN", message, line: record.line, column: differing[0].index + 1 };
  }
  return undefined;
}

/** Whether `row` has an empty cell in the unit column `column` (-1: none, so no row does). */
const withoutUnit = (row: CsvRow, column: number) => column >= 0 && (row.cells[column] ?? "").trim() === "";

/**
 * The rows whose unit cell is empty (`withoutUnit`) where other rows name their unit: such rows name no unit and are
 * left out, with one issue per run of them. A unit merged down over its rows in Excel reaches a CSV file in the first
 * row only: the message says so when a unit stands just above the run. A unit column empty in every row is one
 * unnamed unit, as without the column.
 */
function emptyUnits(table: CsvTable, column: number, source: string): { issues: Issue[]; rows: Set<CsvRow> } {
  const { rows } = table;
  const empty = new Set(rows.filter((row) => withoutUnit(row, column)));
  if (empty.size === 0 || empty.size === rows.length) return { issues: [], rows: new Set() };
  const issues: Issue[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!empty.has(rows[i])) continue;
    let last = i;
    while (last + 1 < rows.length && empty.has(rows[last + 1])) last++;
    const above = i > 0 ? rows[i - 1].cells[column]?.trim() : undefined;
    issues.push({ code: "E_EMPTY_UNIT", message: messages.emptyUnit(table.header[column], rows[i].line, rows[last].line, above), source, line: rows[i].line, column: column + 1 });
    i = last;
  }
  return { issues, rows: empty };
}

/**
 * One issue for a flood of bad years with one cause: the year column holds names (unit and year swapped, or the
 * wrong column), said once before the problems of each row. `undefined` when most year cells are years.
 */
function swappedYearColumn(table: CsvTable, columns: Record<keyof typeof LONG_COLUMNS, number>, source: string): Issue | undefined {
  const cells = table.rows.map((row) => row.cells[columns.year] ?? "").filter((cell) => cell !== "");
  const names = cells.filter((cell) => parseYear(cell) === undefined && parseNumber(cell) === undefined);
  if (names.length < 2 || names.length * 2 < cells.length) return undefined;
  const unitYears =
    columns.unit >= 0 && table.rows.filter((row) => parseYear(row.cells[columns.unit] ?? "") !== undefined).length * 2 > table.rows.length;
  const examples = [...new Set(names)].slice(0, 3);
  if (names.every((name) => /^\d{4}-\d{2}-\d{2}$/.test(name.trim())))
    return { code: "E_YEAR_COLUMN", message: messages.yearColumnDates(table.header[columns.year], examples), source, line: table.headerLine, column: table.header[columns.year] };
  // Years written another way (`FY2017`, `二〇一九`) are no sign of the wrong column: each such cell gets its own message.
  const words = names.filter((name) => !looksLikeYear(name));
  if (words.length < 2 || words.length * 2 < cells.length) return undefined;
  const named = [...new Set(words)].slice(0, 3);
  const message = unitYears
    ? messages.yearColumnSwapped(table.header[columns.year], named, table.header[columns.unit])
    : messages.yearColumnNames(table.header[columns.year], named);
  return { code: "E_YEAR_COLUMN", message, source, line: table.headerLine, column: table.header[columns.year] };
}

/**
 * The rows of `table` that can be read by position, in order: a row with extra fields (`extraFields`) is left out, its
 * issue pushed to `issues` at its turn, so that the problems stay in the order of the lines.
 */
function* rowsByPosition(table: CsvTable, source: string, issues: Issue[], leftOut: LeftOutRow[]): Generator<CsvRow> {
  for (const row of table.rows) {
    const extra = extraFields(row.cells, table, source, row.line);
    if (!extra) yield row;
    else {
      issues.push(extra);
      leftOut.push({ source, line: row.line });
    }
  }
}

function parseWide(
  table: CsvTable,
  columns: Record<keyof typeof WIDE_COLUMNS, number>,
  measureColumn: number,
  nameColumn: number,
  sourceColumn: number,
  yearColumns: readonly { year: number; index: number }[],
  source: string,
  decimal: DecimalMark,
  leftOut: LeftOutRow[] = [],
): Validated<ValueRecord[]> {
  const withoutUnits = emptyUnits(table, columns.unit, source);
  const issues: Issue[] = withoutUnits.issues;
  const records: ValueRecord[] = [];
  const splitOf = thousandsSplits(table, decimal, yearColumns.map(({ index }) => index));
  for (const row of rowsByPosition(table, source, issues, leftOut)) {
    const { line, cells } = row;
    const indicator = cells[columns.indicator] ?? "";
    const unit = columns.unit >= 0 ? (cells[columns.unit] ?? "") : "";
    // A row gives one indicator's values of every year.
    if (withoutUnits.rows.has(row)) {
      leftOut.push({ source, line, indicator: indicator || undefined });
      continue;
    }
    if (!indicator) {
      issues.push({ code: "E_EMPTY_CODE", message: messages.emptyCode(table.header[columns.indicator]), source, line, column: table.header[columns.indicator] });
      leftOut.push({ source, line, unit });
      continue;
    }
    const measure = { ...unitColumnOf(columns.unit), ...measureOf(row, measureColumn), ...nameOf(row, nameColumn) };
    // The row's source (published, illustrative, ...) is each of its values'.
    const from = sourceOf(row, sourceColumn);
    for (const { year, index } of yearColumns) {
      const record = { unit, year, indicator, ...readValue(table, row, index, decimal, source, issues), line, column: index + 1, indicatorColumn: columns.indicator + 1, ...from };
      records.push(marked({ ...record, ...measure, ...splitOf(row, index) }, row, index));
    }
  }
  return issues.length > 0 ? { ok: false, issues, warnings: [], partial: records } : { ok: true, value: records, warnings: [] };
}

/**
 * The wide-by-indicator layout (COINr's `iData`): a year column, perhaps a unit column, and one column per indicator:
 * the columns named in `indicators` or, without them, every other column holding a number. `undefined` when no
 * column is an indicator (the layout is then unknown).
 */
function parseByIndicator(
  table: CsvTable,
  columns: Record<keyof typeof LONG_COLUMNS, number>,
  source: string,
  decimal: DecimalMark,
  indicators: ReadonlySet<string> | undefined,
  leftOut: LeftOutRow[] = [],
): Validated<ValueRecord[]> | undefined {
  const names = findColumns(table.header, NAME_COLUMNS);
  const skipped = new Set([columns.year, columns.unit, columns.source, names.name]);
  const indicatorColumns = table.header
    .map((name, index) => ({ name: name.trim(), index }))
    .filter(({ name, index }) => {
      if (skipped.has(index) || !name) return false;
      if (indicators) return indicators.has(name);
      return table.rows.some((row) => {
        const value = parseNumber(row.cells[index] ?? "", markOf(row, index, decimal));
        return value !== undefined && !Number.isNaN(value);
      });
    });
  if (indicatorColumns.length === 0) return undefined;
  const withoutUnits = emptyUnits(table, columns.unit, source);
  const issues: Issue[] = withoutUnits.issues;
  const records: ValueRecord[] = [];
  const splitOf = thousandsSplits(table, decimal, indicatorColumns.map(({ index }) => index));
  for (const row of rowsByPosition(table, source, issues, leftOut)) {
    const { line, cells } = row;
    const yearText = cells[columns.year] ?? "";
    const year = parseYear(yearText);
    const unit = columns.unit >= 0 ? (cells[columns.unit] ?? "") : "";
    // A row gives every indicator's value of one unit-year.
    if (withoutUnits.rows.has(row)) {
      leftOut.push({ source, line, year });
      continue;
    }
    if (year === undefined) {
      issues.push({ code: "E_BAD_YEAR", message: messages.badYear(yearText), source, line, column: columns.year + 1 });
      leftOut.push({ source, line, unit });
      continue;
    }
    const from = sourceOf(row, columns.source);
    for (const { name, index } of indicatorColumns) {
      const value = readValue(table, row, index, decimal, source, issues);
      const record = { unit, year, indicator: name, ...value, line, column: index + 1, indicatorColumn: index + 1, ...unitColumnOf(columns.unit), ...from, ...splitOf(row, index) };
      records.push(marked(record, row, index));
    }
  }
  if (issues.length === 0) return { ok: true, value: records, warnings: [] };
  const cause = swappedYearColumn(table, columns, source);
  return { ok: false, issues: cause ? [cause, ...issues] : issues, warnings: [], partial: records };
}
