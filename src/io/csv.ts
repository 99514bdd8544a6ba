/**
 * CSV text <-> rows, keeping the line number of every row for messages.
 * Text without any double quote (the common case) is split by hand; csv-parse, loaded only then, reads the rest.
 * Rows are written by hand the way csv-stringify writes them (RFC 4180), every text cell formula-guarded (`guardFormula`).
 */
import { createRequire } from "node:module";
import { isAccountingDash } from "../core/number.js";
import { readerMessages } from "../core/reader-messages.js";
import { InputError } from "../errors.js";

/** A row of cells with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
  /**
   * Of a workbook sheet's row: which cells held a number (their text is written with a decimal point, whatever
   * `--decimal` says, which applies to text cells only).
   */
  numeric?: boolean[];
  /**
   * Of a workbook sheet's row: for a cell of a merged range other than its first (top-left) cell, its address and that
   * of the first cell. The sheet shows the first cell's text across the range, and so does the row's cell (a unit or a
   * name merged down over its rows is every row's), but a value belongs to the first cell only, as Excel saves it to CSV.
   */
  merged?: ({ cell: string; first: string } | undefined)[];
  /**
   * Of a CSV row: for a cell whose raw text (before trimming; a quoted cell's content) is a dash padded the way Excel's
   * accounting format shows a zero (`isAccountingDash`: `" -   "`), that raw text; the cell itself is trimmed as any.
   * None on a row without such a cell.
   */
  accountingDashes?: (string | undefined)[];
}

export interface CsvTable {
  header: string[];
  /** Line of the header row. */
  headerLine: number;
  /** Of a workbook sheet: the header row's cells of merged ranges other than their first, as `CsvRow.merged` gives a row's. */
  headerMerged?: ({ cell: string; first: string } | undefined)[];
  rows: CsvRow[];
  /** The delimiter of a CSV file (absent for a workbook sheet). */
  delimiter?: string;
}

/** The delimiter of a CSV text, read off its first line: `,` unless the line has `;` or tabs and no commas. */
export function detectDelimiter(text: string): string {
  // The first line ends at its first CR or LF: a file of Excel for Mac ("CSV (Macintosh)") ends its lines with CR only.
  const end = text.search(/[\r\n]/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/**
 * Parses CSV text (a BOM is dropped, empty lines skipped, cells trimmed). The first non-empty row is the header.
 * A malformed file (an unclosed quote) is an `InputError` with its line.
 */
export function parseCsv(text: string, source: string): CsvTable {
  const plain = parsePlainCsv(text);
  if (plain) return plain;
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    // Loaded on demand (synchronously, from its CommonJS build) so that a run on plain files never pays for it.
    const { parse } = createRequire(import.meta.url)("csv-parse/sync") as typeof import("csv-parse/sync");
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      // Any line end, mixed in one file (a CRLF file with a line added in a Unix editor): left to its discovery,
      // csv-parse takes the first line's end for every line and runs an LF-only line into the next.
      record_delimiter: ["\r\n", "\n", "\r"],
      info: true,
      // Each record's text as written too, for its cells' spaces that trim drops (`accountingDashesOf`).
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  } catch (cause) {
    // An unclosed quote is found at the end of the file: the line that opened it is the one to fix.
    const code = (cause as { code?: string }).code;
    const line = code === "CSV_QUOTE_NOT_CLOSED" ? unclosedQuoteLine(text) : (cause as { lines?: number }).lines;
    const place = `${source}${line ? `:${line}` : ""}`;
    const message =
      code === "CSV_QUOTE_NOT_CLOSED"
        ? readerMessages.csvQuoteNotClosed(place)
        : readerMessages.csvSyntax(place, String((cause as Error).message).replace(/^Invalid [^:]*: /, ""));
    throw new InputError("E_CSV_SYNTAX", message, { source, line }, { cause });
  }
  // info.lines is the line a record ends on, as csv-parse counts lines: every CR and every LF inside a quoted cell is
  // one, so a CRLF there counts twice, and every record after it is off by one more. Each record's first line is its
  // last less the breaks inside its cells, as csv-parse counts them, less the CRLFs it counted twice before it.
  let countedTwice = 0;
  const delimiter = detectDelimiter(text);
  const rows = records
    .map(({ record, info, raw }): CsvRow => {
      let counted = 0;
      let twice = 0;
      for (const cell of record) {
        counted += cell.match(/[\r\n]/g)?.length ?? 0;
        twice += cell.match(/\r\n/g)?.length ?? 0;
      }
      const line = info.lines - counted - countedTwice;
      countedTwice += twice;
      return withDashes({ line, cells: record.map(readCell) }, raw, delimiter);
    })
    .filter((row) => row.cells.some((cell) => cell !== ""));
  const [head, ...body] = rows;
  return { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows: body, delimiter: detectDelimiter(text) };
}

/** The line on which the quote that is never closed opens (quotes counted as CSV pairs them; `""` inside is one). */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    // A line ends at LF, CRLF (one end) or a lone CR, as csv-parse's record_delimiter above takes them.
    if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line++;
    else if (char === '"') {
      if (openedOn === undefined) openedOn = line;
      else if (text[i + 1] === '"') i++;
      else openedOn = undefined;
    }
  }
  return openedOn;
}

/**
 * The table of a plain text, split by hand exactly as csv-parse would with the options of `parseCsv` (BOM dropped,
 * cells trimmed of the same white space as `String.prototype.trim`, empty lines skipped, each row's line number);
 * `undefined` for any other text. Plain: one kind of line end, and double quotes only around whole cells on one line
 * (`"x, y"`, as Excel quotes a name with a comma), never doubled or inside a cell, so that a small tree with such
 * names is read without loading csv-parse.
 */
function parsePlainCsv(text: string): CsvTable | undefined {
  // Line ends must be all \n or all \r\n: mixed ones go to csv-parse, told to take any of them.
  if (text.includes("\r") && (/\r(?!\n)/.test(text) || /(?<!\r)\n/.test(text))) return undefined;
  const quoted = text.includes('"');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const rows: CsvRow[] = [];
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    const cells = quoted && line.includes('"') ? splitQuotedLine(line, delimiter) : line.split(delimiter).map((cell) => readCell(cell.trim()));
    if (!cells) return undefined;
    if (cells.some((cell) => cell !== "")) rows.push(withDashes({ line: i + 1, cells }, line, delimiter));
  }
  const [head, ...rest] = rows;
  return { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows: rest, delimiter };
}

/**
 * `row` with its `accountingDashes` read off `raw`, the text of its record as written (`accountingDashesOf`), and its
 * quoted cells noted (`isQuotedCell`) when the record has a quote.
 */
function withDashes(row: CsvRow, raw: string, delimiter: string): CsvRow {
  const dashes = accountingDashesOf(raw, delimiter, row.cells.length);
  const read = dashes ? { ...row, accountingDashes: dashes } : row;
  if (raw.includes('"')) {
    const quoted: boolean[] = [];
    if (rawFields(raw.replace(/[\r\n]+$/, ""), delimiter, quoted).length === row.cells.length) quotedOf.set(read, quoted);
  }
  return read;
}

/**
 * Of each row of a CSV file with a quote, which of its cells were quoted (`"1,234"`), by position; kept beside the
 * rows rather than in them, so that a row stays the cells csv-parse gives. Rows without a quote have none.
 */
const quotedOf = new WeakMap<CsvRow, boolean[]>();

/**
 * Whether cell `index` of a row read by `parseCsv` was written in quotes: false for every cell of a row without a
 * quote, and of a workbook sheet's row. The reading of a number split at its thousands separator by a comma outside
 * quotes (`W_THOUSANDS_SPLIT`) asks it.
 * @example isQuotedCell(parseCsv('a,b\n"1",2\n', "f.csv").rows[0], 0) // => true
 */
export function isQuotedCell(row: CsvRow, index: number): boolean {
  return quotedOf.get(row)?.[index] === true;
}

/**
 * The raw text of each cell of a record that is a dash padded as Excel's accounting format shows a zero
 * (`isAccountingDash`), by position; `undefined` when there is none. A record without a dash followed by two spaces
 * (nearly every one) is not split again; one whose raw fields do not match its cells in number is left unmarked.
 */
function accountingDashesOf(raw: string, delimiter: string, count: number): (string | undefined)[] | undefined {
  if (!/-[ \u00a0]{2}/.test(raw)) return undefined;
  const fields = rawFields(raw.replace(/[\r\n]+$/, ""), delimiter);
  if (fields.length !== count) return undefined;
  let dashes: (string | undefined)[] | undefined;
  fields.forEach((field, index) => {
    if (isAccountingDash(field)) (dashes ??= [])[index] = field;
  });
  return dashes;
}

/**
 * The fields of one record's text as written: a quoted field's content (`""` read as `"`, line breaks kept), any other
 * field untrimmed, so that the spaces around a cell's text are still there; `quoted` gets, field by field, whether it
 * was quoted.
 */
function rawFields(text: string, delimiter: string, quoted: boolean[] = []): string[] {
  const fields: string[] = [];
  for (let start = 0; ; ) {
    let open = start;
    while (isBlank(text[open], delimiter)) open++;
    let end: number;
    quoted.push(text[open] === '"');
    if (text[open] === '"') {
      let content = "";
      let at = open + 1;
      for (;;) {
        const close = text.indexOf('"', at);
        if (close < 0) {
          content += text.slice(at);
          at = text.length;
          break;
        }
        content += text.slice(at, close);
        at = close + 1;
        if (text[at] !== '"') break;
        content += '"';
        at++;
      }
      fields.push(content);
      end = text.indexOf(delimiter, at);
    } else {
      end = text.indexOf(delimiter, start);
      fields.push(text.slice(start, end < 0 ? text.length : end));
    }
    if (end < 0) return fields;
    start = end + delimiter.length;
  }
}

/** Whether a character is a space, or a tab in a file not separated by tabs (the white space allowed around a quoted cell). */
const isBlank = (char: string | undefined, delimiter: string) => char === " " || (char === "\t" && delimiter !== "\t");

/**
 * The cells of one line whose quotes are all around whole cells (`a, "x, y" ,b`: the quoted text as it is, the others
 * trimmed), or `undefined` for any other quote: one doubled, inside a cell, or opened and not closed on the line.
 */
function splitQuotedLine(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  for (let start = 0; ; ) {
    let open = start;
    while (isBlank(line[open], delimiter)) open++;
    let end: number;
    if (line[open] === '"') {
      const close = line.indexOf('"', open + 1);
      if (close < 0) return undefined;
      end = close + 1;
      while (isBlank(line[end], delimiter)) end++;
      if (end < line.length && line[end] !== delimiter) return undefined;
      cells.push(readCell(line.slice(open + 1, close)));
    } else {
      end = line.indexOf(delimiter, start);
      if (end < 0) end = line.length;
      const cell = line.slice(start, end);
      if (cell.includes('"')) return undefined;
      cells.push(readCell(cell.trim()));
    }
    if (end >= line.length) return cells;
    start = end + 1;
  }
}

/**
 * Text that a spreadsheet (Excel, WPS, LibreOffice) would read as a formula: it starts with `=`, `+`, `-` or `@`, or
 * with a tab, carriage return or line feed (OWASP, CSV injection), or with a full-width `＝`, `＋`, `－` or `＠`,
 * which a spreadsheet in a Chinese or Japanese locale may take for its ASCII sign. Leading `'` are looked through so that `unguardFormula` is the
 * exact inverse of `guardFormula` (a text `'=x` is guarded as `''=x`). Text that Excel reads as a number (`-1`,
 * `+2.5`, `-1e-7`, `-3%`) is not a formula and is left as it is.
 */
const FORMULA_START = /^'*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A number as Excel reads one typed into a cell: sign, digits, decimal point, exponent, percent sign. */
const EXCEL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * A cell as read: a cell the formula guard wrote (`'=x`, from a file this tool made, such as a template or a tree
 * from import-coinr) is read as the text it guarded; any other cell as it is.
 */
function readCell(cell: string): string {
  return cell.charCodeAt(0) === 39 ? unguardFormula(cell) : cell;
}

/** Whether a text cell needs the formula guard (see `guardFormula`). A sign alone (`+`, `-`: a direction) starts no formula. */
function needsGuard(text: string): boolean {
  return FORMULA_START.test(text) && !EXCEL_NUMBER.test(text) && text !== "+" && text !== "-";
}

/**
 * A text cell made safe from formula injection (CSV injection, OWASP): a text beginning with `=`, `+`, `-` or `@`
 * (or a tab, carriage return or line feed, or a full-width `＝＋－＠`) would be run by a spreadsheet as a formula, so it gets a leading `'`, which Excel
 * shows as text. Text that Excel reads as a number (`-1`) is no formula and stays as it is; number cells never come
 * here. Used for every text cell of every CSV file and workbook the tool writes.
 * @example guardFormula("=HYPERLINK(\"x\")") // => "'=HYPERLINK(\"x\")"
 * @example guardFormula("-1") // => "-1"
 * @example guardFormula("-") // => "-"
 */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/**
 * The text `guardFormula` was given: the leading `'` removed when what follows would have been guarded, anything else
 * as it is. For reading back the files the tool wrote (`input-values.csv`).
 * @example unguardFormula("'=1") // => "=1"
 * @example unguardFormula("'abc") // => "'abc"
 */
export function unguardFormula(text: string): string {
  return text.charCodeAt(0) === 39 && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/**
 * A text cell of a CSV file: formula-guarded (`guardFormula`), then quoted (quotes doubled) when it holds a comma, a
 * quote, a newline or a carriage return, as csv-stringify quotes; and also when it holds a semicolon or a tab, the
 * separators Excel splits a file at in a locale whose list separator is `;` (German, French, Russian: a unit
 * `a;=1+1`, or a list of units joined by `;`, would otherwise put `=1+1` in a cell of its own, a live formula), or
 * begins or ends with white space, which the readers trim from a cell not in quotes (a unit ` A` read back as `A`).
 */
export function csvField(text: string): string {
  const guarded = guardFormula(text);
  return /[",;\t\n\r]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Formats rows as CSV (RFC 4180, `\n` line ends): the one CSV writer of the tool. Text cells go through `csvField`
 * (formula guard, quoting); number cells are written as JavaScript prints them (`-0` as `0`) and never guarded.
 */
export function formatCsv(rows: readonly (readonly (string | number)[])[]): string {
  let text = "";
  for (const row of rows) text += row.map((cell) => (typeof cell === "number" ? String(cell) : csvField(cell))).join(",") + "\n";
  return text;
}
