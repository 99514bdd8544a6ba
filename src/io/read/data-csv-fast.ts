/**
 * The fast path for large values files: a long-layout CSV (`unit,year,indicator,value`) read straight from its bytes
 * into the panel's `Float64Array`, with no per-row objects and no intermediate strings for numbers.
 *
 * It applies only to the plain case: UTF-8 text with a decimal point (not a `;`-separated file, nor `--decimal ,`) without a NUL byte, quotes only around whole fields on one line
 * (`"1,234"`, as Excel writes a cell holding a comma), a long-layout header, every row with as many fields as the
 * header (so none with a number split at its thousands separators by unquoted commas, which adds fields: the general
 * way warns of it, `W_THOUSANDS_SPLIT`), every year, value and indicator valid, no duplicate value (an empty cell
 * repeating a cell is none, as for `buildPanel`), no dash padded as Excel's accounting format shows a zero (`paddedDash`). For anything else it returns
 * `undefined` and the caller reads the file the general way (csv-parse and `parseDataCsv`), which reports every problem
 * with its line; so both paths give the same panel for the same file, and errors are reported one way only.
 *
 * Fields are split by hand on the delimiter of the header line (`detectDelimiter`) and trimmed of spaces and tabs.
 * Numbers follow the rule of `core/number.ts`: a plain ASCII decimal (`-12.5`, `.5`, `3.`) whose digits make an exact
 * integer is converted here as `digits / 10^decimals` (`plainDecimal`), an exact integer divided by an exact power of
 * ten, which IEEE division rounds correctly, so the result is the same double as `Number(text)`; every other cell
 * (exponents, `%`, thousands separators, full-width digits, missing-value tokens, longer numbers) goes through
 * `parseNumber` itself. Cells written as percentages are marked, as the general reader marks them, for the warning of
 * an indicator mixing them with plain numbers (`core/percent-marks.ts`).
 *
 * A column of the indicators' names (`name`, `指标名称`, as `template` writes the long layout) is read beside the
 * numbers, each distinct name kept once, for the warnings of names that are not the tree's, the general way's to the
 * byte (`NameCells`, `nameMismatchWarnings`); a measure column (`单位`, `计量单位`, `measure`) is checked as the
 * general way checks it (`MeasureCells`), and a file with a measure it refuses is left to it.
 */
import { isUtf8 } from "node:buffer";
import { createPanel, type Panel, type ValueRecord } from "../../core/panel.js";
import { percentMixWarnings } from "../../core/percent-marks.js";
import { isAccountingDash, parseNumber, type DecimalMark } from "../../core/number.js";
import type { Tree } from "../../core/types.js";
import type { Issue } from "../../errors.js";
import { plainDecimal, sameBytes } from "./byte-numbers.js";
import { findColumns, normalizeColumnName } from "./columns.js";
import { detectDelimiter, unguardFormula } from "../csv.js";
import { decimalOf, INDICATOR_NAME_COLUMNS, indicatorColumns, LONG_COLUMNS, parseYear } from "./data-csv.js";
import { isMeasureName, measureColumnOf, normalizeMeasure, treeMeasures } from "./measures.js";
import { comparableName, isTreeName, nameMismatchWarnings, namesTheUnits } from "./indicator-names.js";

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const PERCENT = 0x25;

/** Growable typed columns of the rows read. */
class Columns {
  size = 0;
  unit: Int32Array;
  year: Int32Array;
  indicator: Int32Array;
  value: Float64Array;
  line: Int32Array;
  constructor(capacity: number) {
    this.unit = new Int32Array(capacity);
    this.year = new Int32Array(capacity);
    this.indicator = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.line = new Int32Array(capacity);
  }
  push(unit: number, year: number, indicator: number, value: number, line: number): void {
    if (this.size === this.unit.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T): T => {
        const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.unit = grow(this.unit);
      this.year = grow(this.year);
      this.indicator = grow(this.indicator);
      this.value = grow(this.value);
      this.line = grow(this.line);
    }
    this.unit[this.size] = unit;
    this.year[this.size] = year;
    this.indicator[this.size] = indicator;
    this.value[this.size] = value;
    this.line[this.size] = line;
    this.size++;
  }
}

/**
 * The panel of a long-layout values CSV for the leaves of `tree`, or `undefined` when the file is not the plain case
 * (see above) and must be read the general way. Units keep their order of first appearance; years are sorted; `lines`
 * holds each cell's line in the file (0 for a cell the file does not give) and `valueColumn` the value column's place
 * (1-based), `source` is left to the caller; `source` names the file in the warnings of `percentMixWarnings`. With
 * `keepSources`, a file with a source column (来源) goes the general way, which keeps each value's source; a file
 * without one is read here all the same.
 * @throws `InputError` `E_PANEL_SIZE` when the values would make a panel over `PANEL_CELL_LIMIT` cells (core/panel.ts).
 */
export function parsePanelFast(bytes: Uint8Array, tree: Tree, decimal?: DecimalMark, source?: string, keepSources = false): Panel | undefined {
  // A NUL byte (UTF-16 without a byte order mark, a binary file) is refused by the general reader.
  if (bytes.indexOf(0) >= 0 || !isUtf8(bytes)) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const end = buffer.length;

  // The delimiter from the first line, and the header: the first line with a non-empty cell (as `parseCsv` does).
  const firstLineEnd = buffer.indexOf(NEWLINE, position);
  const delimiter = detectDelimiter(buffer.toString("utf8", position, firstLineEnd < 0 ? end : firstLineEnd));
  // A decimal comma (a ;-separated file, or --decimal ,) goes the general way.
  if (decimalOf({ delimiter }, decimal) === ",") return undefined;
  let header: string[] | undefined;
  // The line being read (1-based), for the panel's `lines`: messages about a cell name the line its value came from.
  let lineNumber = 0;
  while (position < end && !header) {
    lineNumber++;
    let lineEnd = buffer.indexOf(NEWLINE, position);
    if (lineEnd < 0) lineEnd = end;
    const line = buffer.toString("utf8", position, lineEnd).replace(/\r$/, "");
    if (line.includes('"')) return undefined; // a quoted header goes the general way
    position = lineEnd + 1;
    const cells = line.split(delimiter).map((cell) => cell.trim());
    if (cells.some((cell) => cell !== "")) header = cells;
  }
  if (!header) return undefined;
  const columns = findColumns(header, LONG_COLUMNS);
  if (columns.year < 0 || columns.indicator < 0 || columns.value < 0) return undefined;
  if (keepSources && columns.source >= 0) return undefined;
  // Any header name given twice (`value,value`, or 指标 and 指标代码, which both may mean the indicator) goes the
  // general way, which tells the columns apart or refuses them.
  const names = header.map(normalizeColumnName).filter((name) => name !== "");
  if (new Set(names).size !== names.length) return undefined;
  if (indicatorColumns(header).length > 1) return undefined;
  // A measure column is checked here as the general way checks it (`MeasureCells`); a file it finds a problem in goes
  // the general way, which reports it.
  const measureColumn = measureColumnOf(header);
  const measures = measureColumn >= 0 ? new MeasureCells(tree) : undefined;
  // A column of the indicators' names is kept, for their comparison with the tree's (`NameCells`, `indicator-names.ts`).
  const nameColumn = findColumns(header, INDICATOR_NAME_COLUMNS).name;
  // Without a unit column, a column the general way does not read (a name column among them) may tell the rows of two
  // units apart (`E_UNIT_COLUMN`): a cell given twice then goes the general way, which looks.
  const readColumns = [...Object.values(columns), measureColumn];
  const unreadColumns = columns.unit < 0 && header.some((name, index) => name !== "" && !readColumns.includes(index));
  const fieldCount = header.length;
  // The header's columns up to its last with a name: a cell after it (under "unit,year,indicator,value,") goes the
  // general way, where a number split at its thousands into it is warned of (`thousandsSplits` of data-csv.ts).
  let namedCount = fieldCount;
  while (namedCount > 0 && header[namedCount - 1] === "") namedCount--;
  const separator = delimiter.charCodeAt(0);

  const indicatorPosition = new Map(tree.indicators.map((code, i) => [code, i] as const));
  const unitPosition = new Map<string, number>();
  const rows = new Columns(estimateRows(buffer, position));
  const indicatorNames = nameColumn >= 0 ? new NameCells(tree.indicators.length, rows.unit.length) : undefined;
  const starts = new Int32Array(fieldCount);
  const ends = new Int32Array(fieldCount);
  // The unit and indicator of the previous row, compared byte by byte: sorted files repeat them line after line.
  let previousUnitStart = -1;
  let previousUnitEnd = -1;
  let previousUnit = -1;
  let previousIndicatorStart = -1;
  let previousIndicatorEnd = -1;
  let previousIndicator = -1;

  // Line ends must be all \n or all \r\n (csv-parse reads mixed ones its own way).
  const crlf = buffer.indexOf(RETURN) >= 0;
  // Most files have no quote at all: their fields are split without looking for one.
  const quotes = buffer.indexOf(QUOTE, position) >= 0;
  // The rows whose value was written as a percentage (rare in large files; none in most).
  const percentRows: number[] = [];
  while (position < end) {
    lineNumber++;
    let lineEnd = buffer.indexOf(NEWLINE, position);
    if (lineEnd < 0) lineEnd = end;
    let contentEnd = lineEnd;
    if (contentEnd > position && buffer[contentEnd - 1] === RETURN) contentEnd--;
    else if (crlf && lineEnd < end) return undefined;
    const lineStart = position;
    position = lineEnd + 1;
    if (contentEnd === lineStart) continue; // an empty line

    // Split into fields, trimmed of spaces and tabs. A field may be quoted as a whole ("1,234", "Korea, Republic of"),
    // as Excel writes a cell with a comma; a quote anywhere else, a doubled quote, a quoted field that spans lines or
    // holds spaces at its ends inside the quotes goes the general way.
    let field = 0;
    let start = lineStart;
    let empty = true;
    for (let i = lineStart; i <= contentEnd; i++) {
      if (quotes && i === start) {
        let open = start;
        while (open < contentEnd && (buffer[open] === SPACE || buffer[open] === TAB)) open++;
        if (open < contentEnd && buffer[open] === QUOTE) {
          const close = buffer.indexOf(QUOTE, open + 1);
          if (close < 0 || close >= contentEnd || buffer[close + 1] === QUOTE) return undefined;
          if (close > open + 1 && isBlank(buffer[open + 1], buffer[close - 1])) return undefined;
          let after = close + 1;
          while (after < contentEnd && (buffer[after] === SPACE || buffer[after] === TAB)) after++;
          if ((after < contentEnd && buffer[after] !== separator) || field === fieldCount) return undefined;
          starts[field] = open + 1;
          ends[field] = close;
          if (close > open + 1) empty = false;
          field++;
          start = after + 1;
          i = after;
          continue;
        }
      }
      if (i < contentEnd && buffer[i] !== separator) {
        if (quotes && buffer[i] === QUOTE) return undefined;
        continue;
      }
      // Too many fields, even empty ones (a trailing comma), go the general way: a number split at its thousands
      // separators by unquoted commas adds fields, and is warned of there (`W_THOUSANDS_SPLIT`).
      if (field === fieldCount) return undefined;
      let fieldStart = start;
      let fieldEnd = i;
      while (fieldStart < fieldEnd && (buffer[fieldStart] === SPACE || buffer[fieldStart] === TAB)) fieldStart++;
      while (fieldEnd > fieldStart && (buffer[fieldEnd - 1] === SPACE || buffer[fieldEnd - 1] === TAB)) fieldEnd--;
      starts[field] = fieldStart;
      ends[field] = fieldEnd;
      if (fieldEnd > fieldStart) empty = false;
      field++;
      start = i + 1;
    }
    if (empty) continue; // a row of empty cells, skipped like an empty line
    if (field !== fieldCount) return undefined;
    for (let spare = namedCount; spare < fieldCount; spare++) if (ends[spare] > starts[spare]) return undefined;

    let unit = 0;
    if (columns.unit >= 0) {
      const unitStart = starts[columns.unit];
      const unitEnd = ends[columns.unit];
      if (unitEnd === unitStart) return undefined; // an empty unit cell, which the general way reports
      if (sameBytes(buffer, unitStart, unitEnd, previousUnitStart, previousUnitEnd)) unit = previousUnit;
      else {
        const text = buffer.toString("utf8", unitStart, unitEnd);
        // A Unicode space at either end (which csv-parse trims, as it does spaces and tabs) goes the general way.
        if (text.trim() !== text) return undefined;
        // A name the formula guard wrote (`'=U1`, in a file this tool made) is read as the name it guarded, as
        // `parseCsv` reads it.
        const name = buffer[unitStart] === APOSTROPHE ? unguardFormula(text) : text;
        unit = unitPosition.get(name) ?? -1;
        if (unit < 0) {
          unit = unitPosition.size;
          unitPosition.set(name, unit);
        }
      }
      previousUnitStart = unitStart;
      previousUnitEnd = unitEnd;
      previousUnit = unit;
    } else if (unitPosition.size === 0) unitPosition.set("", 0);

    const indicatorStart = starts[columns.indicator];
    const indicatorEnd = ends[columns.indicator];
    let indicator: number;
    if (sameBytes(buffer, indicatorStart, indicatorEnd, previousIndicatorStart, previousIndicatorEnd)) indicator = previousIndicator;
    else {
      const code = buffer.toString("utf8", indicatorStart, indicatorEnd);
      indicator = indicatorPosition.get(buffer[indicatorStart] === APOSTROPHE ? unguardFormula(code) : code) ?? -1;
      if (indicator < 0) return undefined; // unknown indicator, a group or an empty code
    }
    previousIndicatorStart = indicatorStart;
    previousIndicatorEnd = indicatorEnd;
    previousIndicator = indicator;
    if (measures && !measures.check(buffer, starts[measureColumn], ends[measureColumn], indicator)) return undefined;
    if (indicatorNames && !indicatorNames.read(buffer, starts[nameColumn], ends[nameColumn], indicator, rows.size)) return undefined;

    const year = readYear(buffer, starts[columns.year], ends[columns.year]);
    if (year === undefined) return undefined;
    const value = readNumber(buffer, starts[columns.value], ends[columns.value]);
    if (value === undefined) return undefined;
    // A dash padded as Excel's accounting format shows a zero (" -   ") goes the general way, which warns of it.
    if (Number.isNaN(value) && paddedDash(buffer, starts[columns.value], ends[columns.value], lineStart, contentEnd, separator)) return undefined;
    if (endsWithPercent(buffer, starts[columns.value], ends[columns.value])) percentRows.push(rows.size);
    rows.push(unit, year, indicator, value, lineNumber);
  }
  if (rows.size === 0) return undefined;
  // A unit column of units of measurement (万元, 件: `unit` meant as the measure) goes the general way, which refuses it.
  if (columns.unit >= 0) {
    const measures = treeMeasures(tree);
    if ([...unitPosition.keys()].every((name) => isMeasureName(name, measures))) return undefined;
  }

  // Years sorted, then every row into its cell; a duplicate value or an indicator without values goes the general way. A
  // panel over the limit is refused here (`E_PANEL_SIZE`, thrown by createPanel before anything is allocated), not
  // sent the general way, which would hold every row as an object first only to refuse it too.
  const yearPosition = new Int32Array(10000).fill(-1);
  for (let r = 0; r < rows.size; r++) yearPosition[rows.year[r]] = 0;
  const years: number[] = [];
  for (let year = 1000; year < 10000; year++) if (yearPosition[year] === 0) yearPosition[year] = years.push(year) - 1;
  const panel = createPanel([...unitPosition.keys()], years, tree.indicators, source);
  const unitCount = panel.units.length;
  const yearCount = years.length;
  const seen = new Uint8Array(panel.values.length);
  const lines = new Int32Array(panel.values.length);
  const observed = new Uint8Array(tree.indicators.length);
  const values = panel.values;
  for (let r = 0; r < rows.size; r++) {
    const cell = (rows.indicator[r] * unitCount + rows.unit[r]) * yearCount + yearPosition[rows.year[r]];
    if (seen[cell]) {
      if (unreadColumns) return undefined;
      // An empty value repeating a cell states nothing (`repeatOutcome`, as `buildPanel`): left out, or replaced by the
      // value; two values are a duplicate, for the general way to report.
      if (Number.isNaN(rows.value[r])) continue;
      if (!Number.isNaN(values[cell])) return undefined;
    }
    seen[cell] = 1;
    values[cell] = rows.value[r];
    lines[cell] = rows.line[r];
    if (!Number.isNaN(rows.value[r])) observed[rows.indicator[r]] = 1;
  }
  if (observed.includes(0)) return undefined;
  const warnings = percentRows.length > 0 ? percentMixWarnings(percentRecords(rows, percentRows, tree.indicators), source) : [];
  if (indicatorNames) warnings.push(...indicatorNames.warnings(rows, panel.units, tree, nameColumn, source));
  // Every value stands in the value column, which messages about a cell name (`placeOfCell`).
  const place = { lines, valueColumn: columns.value + 1, ...(columns.unit >= 0 ? { unitColumn: columns.unit + 1 } : {}) };
  return warnings.length > 0 ? { ...panel, ...place, warnings } : { ...panel, ...place };
}

/**
 * Whether the field whose trimmed bytes are [start, end), on a line of bytes [lineStart, lineEnd), is a dash padded as
 * Excel's accounting format shows a zero (`isAccountingDash`), with the spaces trimmed off it put back (and tabs, but
 * for a tab-separated file); a field without any padding is never one, and costs no string.
 */
function paddedDash(buffer: Buffer, start: number, end: number, lineStart: number, lineEnd: number, separator: number): boolean {
  const blank = (byte: number) => byte === SPACE || (byte === TAB && separator !== TAB);
  let rawStart = start;
  let rawEnd = end;
  while (rawStart > lineStart && blank(buffer[rawStart - 1])) rawStart--;
  while (rawEnd < lineEnd && blank(buffer[rawEnd])) rawEnd++;
  // No-break spaces (UTF-8 C2 A0) are not trimmed here: a field that starts or ends with one is looked at too.
  const padded = rawStart < start || rawEnd > end || (end > start && (buffer[start] === 0xc2 || buffer[end - 1] === 0xa0));
  return padded && isAccountingDash(buffer.toString("utf8", rawStart, rawEnd));
}

/** Whether bytes [start, end) end with a percent sign, `%` or the full-width `％` (UTF-8 EF BC 85). */
function endsWithPercent(buffer: Buffer, start: number, end: number): boolean {
  return (end > start && buffer[end - 1] === PERCENT) || (end - start >= 3 && buffer[end - 1] === 0x85 && buffer[end - 2] === 0xbc && buffer[end - 3] === 0xef);
}

/** The rows of the indicators with a value written as a percentage, as records (`percent` marked) for the warning. */
function percentRecords(rows: Columns, percentRows: readonly number[], indicators: readonly string[]): ValueRecord[] {
  const marked = new Set(percentRows);
  const mixed = new Set(percentRows.map((r) => rows.indicator[r]));
  const records: ValueRecord[] = [];
  for (let r = 0; r < rows.size; r++) {
    if (!mixed.has(rows.indicator[r])) continue;
    const record = { unit: "", year: rows.year[r], indicator: indicators[rows.indicator[r]], value: rows.value[r], line: rows.line[r] };
    records.push(marked.has(r) ? { ...record, percent: true } : record);
  }
  return records;
}

/**
 * A cell of the name or measure column as the general reader keeps it (`nameOf`, `measureOf`): the text, a cell the
 * formula guard wrote read back (`'=x` is `=x`), trimmed; "" for none. `undefined` for a cell with a Unicode space at
 * either end (csv-parse trims it before the formula guard is looked for; no such cell is read here).
 */
function textCell(buffer: Buffer, start: number, end: number): string | undefined {
  const text = buffer.toString("utf8", start, end);
  if (text.trim() !== text) return undefined;
  return buffer[start] === APOSTROPHE ? unguardFormula(text).trim() : text;
}

/**
 * The measure column (`measureColumnOf`) checked row by row as the general way checks it (`measureIssues`): each
 * indicator's measures (as compared: `normalizeMeasure`) all the tree's where it gives one, else all that of the first
 * row giving one; an empty cell gives none. A file passing this passes `measureColumnConflict` too, which finds two
 * measures of one indicator. `check` is false at the first row that fails, for the general way to report the file.
 */
class MeasureCells {
  private readonly expected: (string | undefined)[];
  /** Of each indicator, the bytes of its last measure cell that passed: a file repeats them. */
  private readonly lastStart: Int32Array;
  private readonly lastEnd: Int32Array;
  constructor(tree: Tree) {
    this.expected = tree.indicators.map((code) => {
      const declared = tree.byCode.get(code)?.measure?.trim();
      return declared ? normalizeMeasure(declared) : undefined;
    });
    this.lastStart = new Int32Array(tree.indicators.length).fill(-1);
    this.lastEnd = new Int32Array(tree.indicators.length).fill(-1);
  }
  check(buffer: Buffer, start: number, end: number, indicator: number): boolean {
    if (end === start || sameBytes(buffer, start, end, this.lastStart[indicator], this.lastEnd[indicator])) return true;
    const measure = textCell(buffer, start, end);
    if (measure === undefined) return false;
    if (measure === "") return true;
    const compared = normalizeMeasure(measure);
    const expected = this.expected[indicator];
    if (expected === undefined) this.expected[indicator] = compared;
    else if (expected !== compared) return false;
    this.lastStart[indicator] = start;
    this.lastEnd[indicator] = end;
    return true;
  }
}

/**
 * The name column (`INDICATOR_NAME_COLUMNS`): each row's name as the general reader keeps it (`ValueRecord.name`),
 * numbered (each distinct name once), for the warnings of `nameMismatchWarnings`, which come out as from the general
 * reader's records, given only the rows they depend on (see `warnings`).
 */
class NameCells {
  /** The distinct names, by number. */
  private readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** The name's number of each row read (-1: none, an empty cell). */
  private ids: Int32Array;
  /** Of each indicator, the bytes of its last name cell and that name's number: a file repeats them. */
  private readonly lastStart: Int32Array;
  private readonly lastEnd: Int32Array;
  private readonly lastId: Int32Array;
  constructor(indicators: number, capacity: number) {
    this.ids = new Int32Array(capacity);
    this.lastStart = new Int32Array(indicators).fill(-1);
    this.lastEnd = new Int32Array(indicators).fill(-1);
    this.lastId = new Int32Array(indicators);
  }

  /** Reads the name cell of row `row` (bytes [start, end)) of `indicator`; false for a cell not read here (`textCell`). */
  read(buffer: Buffer, start: number, end: number, indicator: number, row: number): boolean {
    let id = -1; // an empty cell gives no name
    if (end > start && sameBytes(buffer, start, end, this.lastStart[indicator], this.lastEnd[indicator])) id = this.lastId[indicator];
    else if (end > start) {
      const name = textCell(buffer, start, end);
      if (name === undefined) return false;
      if (name !== "") {
        id = this.numbers.get(name) ?? -1;
        if (id < 0) {
          id = this.texts.push(name) - 1;
          this.numbers.set(name, id);
        }
      }
      this.lastStart[indicator] = start;
      this.lastEnd[indicator] = end;
      this.lastId[indicator] = id;
    }
    if (row === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2 + 1024);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[row] = id;
    return true;
  }

  /**
   * The `W_NAME_MISMATCH` warnings of the rows read (`rows`, their units `units`), as `nameMismatchWarnings` gives them
   * for every row as a record. It is given fewer rows, with the same outcome: of each unit, the first rows of its first
   * two names as compared (`comparableName`), and the first row of each indicator named, which tell whether the column
   * names the units as all rows do (`namesTheUnits` wants one name per unit, no two alike, two indicators named); then,
   * unless it does, every row whose name is not its indicator's (`isTreeName`), which the warnings place and count.
   */
  warnings(rows: Columns, units: readonly string[], tree: Tree, column: number, source: string | undefined): Issue[] {
    const record = (r: number): ValueRecord => {
      const indicator = tree.indicators[rows.indicator[r]];
      return { unit: units[rows.unit[r]], year: rows.year[r], indicator, value: rows.value[r], line: rows.line[r], name: this.texts[this.ids[r]], nameColumn: column + 1 };
    };
    // Each name as compared, numbered (-1: none, a name of spaces or punctuation that compares as empty).
    const numbers = new Map<string, number>();
    const compared = this.texts.map((text) => {
      const name = comparableName(text);
      if (name === "") return -1;
      if (!numbers.has(name)) numbers.set(name, numbers.size);
      return numbers.get(name)!;
    });
    const unitNames = units.map((): number[] => []);
    const named = new Uint8Array(tree.indicators.length);
    const picked = new Uint8Array(rows.size);
    const firsts: ValueRecord[] = [];
    for (let r = 0; r < rows.size; r++) {
      const name = this.ids[r] < 0 ? -1 : compared[this.ids[r]];
      if (name < 0) continue;
      const names = unitNames[rows.unit[r]];
      if (names.length < 2 && !names.includes(name)) names.push(name);
      else if (named[rows.indicator[r]]) continue;
      named[rows.indicator[r]] = 1;
      picked[r] = 1;
      firsts.push(record(r));
    }
    if (firsts.length === 0 || namesTheUnits(firsts)) return [];
    // Of each indicator, whether each of its names is not the tree's.
    const otherNames = tree.indicators.map(() => new Map<number, boolean>());
    const other = (indicator: number, id: number) => {
      let found = otherNames[indicator].get(id);
      if (found === undefined) otherNames[indicator].set(id, (found = !isTreeName(this.texts[id], tree.byCode.get(tree.indicators[indicator])!)));
      return found;
    };
    const chosen: ValueRecord[] = [];
    for (let r = 0; r < rows.size; r++) if (picked[r] || (this.ids[r] >= 0 && other(rows.indicator[r], this.ids[r]))) chosen.push(record(r));
    return nameMismatchWarnings(chosen, tree, source);
  }
}

/**
 * The rows from `start` to the end, estimated from the lines of the first 64 KB (and 5% more), so that the columns
 * rarely have to grow (each growth copies them).
 */
function estimateRows(buffer: Buffer, start: number): number {
  const sampleEnd = Math.min(buffer.length, start + 65536);
  let lines = 0;
  for (let i = start; i < sampleEnd; i++) if (buffer[i] === NEWLINE) lines++;
  if (lines === 0) return 1024;
  return Math.ceil(((buffer.length - start) * lines * 1.05) / (sampleEnd - start)) + 1024;
}

/** Whether either byte is a space or a tab. */
const isBlank = (first: number, last: number) => first === SPACE || first === TAB || last === SPACE || last === TAB;

/** A year of four ASCII digits, else the general rule (`2017年`, full-width digits); `undefined` if not a year. */
function readYear(buffer: Buffer, start: number, end: number): number | undefined {
  if (end - start === 4) {
    let year = 0;
    for (let i = start; i < end; i++) {
      const digit = buffer[i] - ZERO;
      if (digit < 0 || digit > 9) return parseYear(buffer.toString("utf8", start, end));
      year = year * 10 + digit;
    }
    if (year >= 1000) return year;
  }
  return parseYear(buffer.toString("utf8", start, end));
}

/** A number by the rule of `core/number.ts`: `NaN` for a missing value, `undefined` for a cell that is not a number. */
export function readNumber(buffer: Buffer, start: number, end: number): number | undefined {
  return plainDecimal(buffer, start, end) ?? parseNumber(buffer.toString("utf8", start, end));
}
