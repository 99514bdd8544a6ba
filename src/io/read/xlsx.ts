/**
 * Excel workbooks (`.xlsx`) as tables, read and written with exceljs (imported only when a workbook is used).
 * A sheet reads like a CSV file: the first non-empty row is the header, every row keeps its sheet row number as its
 * line, and every cell becomes the text the number rule of `core/number.ts` reads. A number formatted as a percentage
 * (stored 0.0196, shown 1.96%) reads as 1.96, exactly as the same cell saved to CSV; one formatted per mille (stored
 * 19.6, shown 19.60‰) reads as that text, which is refused as in a CSV file.
 */
import { parseYear } from "../../core/number.js";
import { readerMessages } from "../../core/reader-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";
import { unguardFormula, type CsvTable } from "../csv.js";
import { TEXT_FORMAT, workbookText, type XlsxOptions } from "../write/to-xlsx.js";
import { fixZipDates } from "../write/zip-dates.js";
import { findColumns, normalizeColumnName } from "./columns.js";
import { indicatorColumns, LONG_COLUMNS, yearLike } from "./data-csv.js";

/** The first bytes of a zip archive, which an .xlsx workbook is. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first bytes of an old binary Excel file (.xls, OLE2). */
export function isLegacyWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

type Workbook = import("exceljs").Workbook;
type Worksheet = import("exceljs").Worksheet;

let readersPatched = false;

/** ExcelJS, its readers of number formats and sheets patched once (`keepNumberFormatEscapes`, `hideShutRows`). */
async function loadExcel() {
  const ExcelJS = (await import("exceljs")).default;
  if (!readersPatched) {
    readersPatched = true;
    const [numberFormats, sheets] = await Promise.all([
      // @ts-expect-error: ExcelJS's modules have no type declarations; the shape used is NumberFormatReader.
      import("exceljs/lib/xlsx/xform/style/numfmt-xform.js") as Promise<{ default: { prototype: NumberFormatReader } }>,
      // @ts-expect-error: ExcelJS's modules have no type declarations; the shape used is WorksheetReader.
      import("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js") as Promise<{ default: { prototype: WorksheetReader } }>,
    ]);
    keepNumberFormatEscapes(numberFormats.default.prototype);
    hideShutRows(sheets.default.prototype);
  }
  return ExcelJS;
}

/** A number format as ExcelJS's reader of `styles.xml` keeps it (`exceljs/lib/xlsx/xform/style/numfmt-xform.js`). */
interface NumberFormatReader {
  model?: { id: number; formatCode: string };
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
}

/**
 * ExcelJS drops the backslash of each escaped character of a number format it reads (`0.00\%` becomes `0.00%`), so a
 * format that only prints a percent sign after the number would read as a percentage, the value times 100. Its reader
 * (`reader`, the prototype) is made to keep the format as the file holds it (ExcelJS writes formats as given, so this
 * changes nothing else).
 */
function keepNumberFormatEscapes(reader: NumberFormatReader): void {
  const parseOpen = reader.parseOpen;
  reader.parseOpen = function (this: NumberFormatReader, node) {
    if (node.name !== "numFmt") return parseOpen.call(this, node);
    this.model = { id: parseInt(node.attributes.numFmtId, 10), formatCode: node.attributes.formatCode };
    return true;
  };
}

/**
 * The lowest height (in points, a row's `ht`) of a row whose text Excel shows. Excel draws a row in whole pixels, 0.75
 * point each at 96 dpi: a row under 1 point is at most one pixel high, a line with no text in it. A row of height 0 is
 * one a person dragged shut (Excel shows it as a hidden row); one lower than this, one dragged almost shut.
 */
const LOWEST_SHOWN_ROW = 1;

/**
 * The narrowest width (a column's `width`: digits of the sheet's font, its margins included) of a column whose cells
 * Excel shows. Narrower than one digit (under 7 pixels at the default Calibri 11, 5 of them margins and gridline), a
 * cell has no room for a digit, nor for the `#` Excel shows for a number that does not fit: its value cannot be seen
 * (a text spills over into an empty cell beside it, but a column of values has its neighbours filled).
 */
const NARROWEST_SHOWN_COLUMN = 1;

/**
 * The width of a digit, in pixels, of Excel's default font (Calibri 11 at 96 dpi), and the pixels a column has beside
 * its text (2 of margin each side, 1 of gridline): a sheet's default width without `defaultColWidth` is its
 * `baseColWidth` (digits) and those pixels (ECMA-376 Part 1, 18.3.1.81).
 */
const DIGIT_PIXELS = 7;
const COLUMN_PADDING_PIXELS = 5;

/**
 * Why the reader takes a row Excel saves without `hidden="1"` for a hidden one (`HiddenReasons`): a height under
 * `LOWEST_SHOWN_ROW` (`low`: its own, or without one the sheet's default), or the sheet's rows hidden by default
 * (`default`).
 */
type ShutRow = "low" | "default";

/**
 * What the reader keeps of a sheet for its warning (`W_XLSX_HIDDEN`) that ExcelJS does not: its shut rows
 * (`ShutRow`), the width of its columns that have none of their own (`defaultWidth`: `defaultColWidth`, else from
 * `baseColWidth`; `undefined` without either, Excel's default, wide enough), and the columns whose `<col>` gives no
 * width (`unsized`, ranges of 1-based columns: of the default width, which ExcelJS reads as 9).
 */
interface SheetLayout {
  shutRows: ReadonlyMap<number, ShutRow>;
  defaultWidth?: number;
  unsized: readonly { min: number; max: number }[];
}

/**
 * The layout (`SheetLayout`) of each sheet read, by the sheet's properties: ExcelJS hands the object its reader makes
 * on to the worksheet (`Worksheet.properties`).
 */
const sheetLayouts = new WeakMap<object, SheetLayout>();

/** A sheet as ExcelJS's reader keeps it (`exceljs/lib/xlsx/xform/sheet/worksheet-xform.js`), the parts used. */
interface WorksheetReader {
  parser?: unknown;
  map: { sheetData: unknown; cols: unknown };
  model?: { rows?: ({ number: number; hidden?: boolean } | undefined)[]; properties?: object };
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseClose(name: string): boolean;
}

/**
 * Rows Excel does not show though they have no `hidden="1"`, which ExcelJS reads as visible ones: a row dragged shut
 * (`<row r="3" ht="0" customHeight="1">`, whose height of 0 ExcelJS reads as none, the sheet's default) or almost (a
 * height under `LOWEST_SHOWN_ROW`), and on a sheet that hides its rows by default (`<sheetFormatPr zeroHeight="1">`,
 * ECMA-376 Part 1, 18.3.1.81: written for a sheet most of whose rows are hidden, then only the rows not hidden are
 * specified), every row not given a height of its own (`customHeight="1"` and an `ht`, as Excel saves a row it shows
 * there). So is every row without a height of its own on a sheet whose default height (`defaultRowHeight`, which Excel
 * draws only with `customHeight="1"`, else a height from the font) is under `LOWEST_SHOWN_ROW`. The sheet's reader
 * (`reader`, the prototype) is made to read such rows as hidden, as they are on screen, and to keep why, with the
 * sheet's default column width and its `<col>`s without a width (`sheetLayouts`, for `W_XLSX_HIDDEN`; ExcelJS keeps
 * no `customHeight` nor `baseColWidth` of `sheetFormatPr`); nothing else of the sheet changes. A sheet's
 * `sheetFormatPr` comes before its columns and rows (the schema's order), so each row is judged as it is read.
 */
function hideShutRows(reader: WorksheetReader): void {
  const parseOpen = reader.parseOpen;
  const parseClose = reader.parseClose;
  const sheets = new WeakMap<WorksheetReader, { hiddenByDefault: boolean; lowByDefault: boolean; rows: Map<number, ShutRow>; defaultWidth?: number; unsized: { min: number; max: number }[] }>();
  reader.parseOpen = function (this: WorksheetReader, node) {
    let sheet = sheets.get(this);
    if (!sheet || (node.name === "worksheet" && this.parser === undefined))
      sheets.set(this, (sheet = { hiddenByDefault: false, lowByDefault: false, rows: new Map(), unsized: [] }));
    if (node.name === "sheetFormatPr" && this.parser === undefined) {
      sheet.hiddenByDefault = isTrue(node.attributes.zeroHeight);
      // NaN without a height, which is no lower than any.
      sheet.lowByDefault = isTrue(node.attributes.customHeight) && Number.parseFloat(node.attributes.defaultRowHeight ?? "") < LOWEST_SHOWN_ROW;
      sheet.defaultWidth = defaultColumnWidth(node.attributes);
    } else if (node.name === "col" && this.parser === this.map.cols && node.attributes.width === undefined)
      sheet.unsized.push({ min: Number.parseInt(node.attributes.min, 10), max: Number.parseInt(node.attributes.max, 10) });
    else if (node.name === "row" && this.parser === this.map.sheetData) {
      const why = shutRow(node.attributes, sheet.hiddenByDefault, sheet.lowByDefault);
      if (why) sheet.rows.set(Number.parseInt(node.attributes.r, 10), why);
    }
    return parseOpen.call(this, node);
  };
  reader.parseClose = function (this: WorksheetReader, name) {
    const open = parseClose.call(this, name);
    const sheet = sheets.get(this);
    if (name === "worksheet" && !open && sheet && this.model) {
      for (const row of this.model.rows ?? []) if (row && sheet.rows.has(row.number)) row.hidden = true;
      if (this.model.properties) sheetLayouts.set(this.model.properties, { shutRows: sheet.rows, defaultWidth: sheet.defaultWidth, unsized: sheet.unsized });
      sheets.delete(this);
    }
    return open;
  };
}

/**
 * Why Excel does not show a row (`attributes`, its `<row>`'s) that is not marked hidden (`ShutRow`), on a sheet that
 * hides its rows by default or not (`hiddenByDefault`), and whose default height is under `LOWEST_SHOWN_ROW` or not
 * (`lowByDefault`); `undefined` for a row shown, or marked hidden.
 */
function shutRow(attributes: Record<string, string | undefined>, hiddenByDefault: boolean, lowByDefault: boolean): ShutRow | undefined {
  if (isTrue(attributes.hidden)) return undefined;
  // NaN without a height, which is no lower than any.
  const height = Number.parseFloat(attributes.ht ?? "");
  if (hiddenByDefault && !(isTrue(attributes.customHeight) && !Number.isNaN(height))) return "default";
  // Without a height of its own, the sheet's default.
  return (Number.isNaN(height) ? lowByDefault : height < LOWEST_SHOWN_ROW) ? "low" : undefined;
}

/**
 * The width (digits, as a `<col>`'s `width`) of a sheet's columns that have none of their own, by its `sheetFormatPr`
 * (`attributes`): `defaultColWidth`, else `baseColWidth` and the padding of a column at Excel's default font
 * (`baseColWidth="0"`: 5 pixels, under a digit); `undefined` without either, Excel's default (8 digits and the padding).
 */
function defaultColumnWidth(attributes: Record<string, string | undefined>): number | undefined {
  const width = Number.parseFloat(attributes.defaultColWidth ?? "");
  if (!Number.isNaN(width)) return width;
  const base = Number.parseFloat(attributes.baseColWidth ?? "");
  return Number.isNaN(base) ? undefined : base + COLUMN_PADDING_PIXELS / DIGIT_PIXELS;
}

/** Whether an XML attribute of type boolean says true (`1` or `true`). */
function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/**
 * What a workbook holds, which names the flag that chooses its sheet in messages: the values (`--sheet`) or the
 * indicator tree (`--tree-sheet`; `sheet` and `treeSheet` in the library, see library-names.ts).
 */
export type WorkbookContent = "values" | "tree";

/**
 * Reads one sheet of a workbook as a table. `sheet` is a sheet name or a 1-based number (default: the first visible sheet).
 * `options.content` says what the workbook holds (default `values`), so that a message names the flag that chooses its
 * sheet. Returns the table and the label messages use for it: `file[sheet]`; for a sheet read by default, also the
 * names of the workbook's other visible sheets that hold rows (`otherSheets`).
 */
export async function parseWorkbookTable(
  bytes: Uint8Array,
  source: string,
  sheet?: string,
  options: { deferred?: Issue[]; content?: WorkbookContent } = {},
): Promise<{ table: CsvTable; source: string; otherSheets?: string[]; hidden?: HiddenCells }> {
  // Before ExcelJS, which would take minutes and gigabytes over a workbook merging A10:XFD1048576 (xlsx-bounds.ts).
  // Loaded here, with node:zlib, which a run without workbooks never needs (about 3 ms of every start).
  const { checkWorkbookBounds } = await import("./xlsx-bounds.js");
  checkWorkbookBounds(bytes, source);
  const ExcelJS = await loadExcel();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new InputError("E_XLSX", readerMessages.xlsxUnreadable(source, (cause as Error).message), { source }, { cause });
  }
  const worksheet = pickSheet(workbook, source, sheet);
  const label = `${source}[${worksheet.name}]`;
  const rows: { line: number; cells: string[]; numeric: boolean[]; merged?: ({ cell: string; first: string } | undefined)[] }[] = [];
  // A formula whose result the file does not hold (written by a program, never opened and saved in Excel) has no value
  // to read; read as an empty cell, a missing-value policy would fill it in silently.
  const unsaved: Issue[] = [];
  // Rows hidden in Excel (by hand, dragged shut or almost, hidden by the sheet's default, or by a filter) that hold
  // cells, and the columns that hold a cell of a row read.
  const hiddenRows: number[] = [];
  const filled: boolean[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const numeric: boolean[] = [];
    let merged: ({ cell: string; first: string } | undefined)[] | undefined;
    const cells = rowTexts(row, (cell, column) => {
      const message = formulaWithoutResult(cell.address, cell.value);
      if (message !== undefined) unsaved.push({ code: "E_XLSX_FORMULA", message, source: label, line: rowNumber, column });
      numeric.push(isNumberCell(cell.value));
      // ExcelJS gives every cell of a merged range the value of its first cell (see CsvRow.merged).
      if (cell.isMerged && cell.master.address !== cell.address) (merged ??= [])[column - 1] = { cell: cell.address, first: cell.master.address };
    });
    numeric.length = cells.length;
    if (cells.some((text) => text !== "")) {
      rows.push({ line: rowNumber, cells, numeric, ...(merged && { merged }) });
      if (row.hidden) hiddenRows.push(rowNumber);
      cells.forEach((text, i) => text !== "" && (filled[i] = true));
    }
  });
  const hidden = hiddenCells(worksheet, label, hiddenRows, filled);
  // Read by default: the other visible sheets, each with its header and whether rows follow it, read once.
  const byDefault = sheet === undefined || sheet === "";
  const others = byDefault
    ? workbook.worksheets.filter((item) => item !== worksheet && item.state !== "hidden" && item.state !== "veryHidden").map((item) => ({ name: item.name, ...headerOf(item) }))
    : [];
  if (byDefault) refuseLikeSheets(worksheet, others, rows.slice(0, LEAD_ROWS + 1).map((row) => row.cells), source, options.content ?? "values");
  // With `deferred`, the caller reports them with the other problems of the sheet's cells (read as empty cells here);
  // without, they stop the reading.
  if (unsaved.length > 0) {
    if (!options.deferred) throw new ValidationError(unsaved);
    options.deferred.push(...unsaved);
  }
  const [head, ...rest] = rows;
  // A header cell merged down (A1:A2, a header drawn over two rows) repeats its text in the rows below it: those rows,
  // when they hold nothing else, are the header's, not a first row of data named like the header.
  let headerRows = 0;
  while (head && headerRows < rest.length && isHeaderContinued(rest[headerRows], head.line)) headerRows++;
  const body = rest.slice(headerRows);
  const width = head?.cells.length ?? 0;
  // A row shorter than the header had empty cells at its end, which a CSV would still carry as empty fields.
  for (const row of body)
    while (row.cells.length < width) {
      row.cells.push("");
      row.numeric.push(false);
    }
  const table = { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows: body, ...(head?.merged && { headerMerged: head.merged }) };
  if (!byDefault) return { table, source: label, ...(hidden && { hidden }) };
  // The other sheets that hold rows, for a message when this one holds no table of values.
  return { table, source: label, otherSheets: others.filter((other) => other.rows).map((other) => other.name), ...(hidden && { hidden }) };
}

/**
 * Rows and columns of a sheet that Excel hides (by hand, grouped and collapsed, dragged shut or almost to a height
 * under 1 point or a width under one digit, rows the sheet hides by default, or filtered out by the sheet's filter) and
 * that hold cells the reader reads all the same: a sheet is read whole, as a CSV file saved from it would hold it,
 * and a filter hides rows that are still data (a hidden row repeating a visible one is a duplicate, refused as one).
 * Their warning (`W_XLSX_HIDDEN`) says so, naming them (and why, for those Excel saves no hidden mark on), so that
 * hidden data are never read without a word.
 */
export interface HiddenCells {
  /** Excel's row numbers. */
  rows: readonly number[];
  /** 1-based column numbers. */
  columns: readonly number[];
  warning: Issue;
}

/**
 * The hidden rows and columns of `worksheet` that hold cells read (`rows`, the hidden rows read; `filled`, by 0-based
 * column, whether a row read has a cell there); `undefined` when none.
 */
function hiddenCells(worksheet: Worksheet, label: string, rows: readonly number[], filled: readonly boolean[]): HiddenCells | undefined {
  const columns: number[] = [];
  const layout = sheetLayouts.get(worksheet.properties);
  // A column dragged shut or almost (`<col width="0">`, `width="0.5"`, or of such a default width without one of its
  // own) is hidden on screen as one Excel hides.
  const isNarrow = (column: number) => isNarrowColumn(worksheet.getColumn(column), layout);
  filled.forEach((isFilled, i) => isFilled && (worksheet.getColumn(i + 1).hidden || isNarrow(i + 1)) && columns.push(i + 1));
  if (rows.length === 0 && columns.length === 0) return undefined;
  const shut = layout?.shutRows;
  // ExcelJS reads a sheet's filter as its range (`A1:D20`); the rows it hides are hidden rows like any other (a row
  // shut otherwise is not the filter's).
  const filter = rows.some((row) => !shut?.has(row)) && typeof worksheet.autoFilter === "string" ? worksheet.autoFilter : undefined;
  const letter = (column: number) => worksheet.getColumn(column).letter;
  const why = {
    lowRows: rows.filter((row) => shut?.get(row) === "low"),
    defaultRows: rows.filter((row) => shut?.get(row) === "default"),
    narrowColumns: columns.filter(isNarrow).map(letter),
  };
  return { rows, columns, warning: { code: "W_XLSX_HIDDEN", message: readerMessages.xlsxHidden(label, rows, columns.map(letter), filter, why), source: label } };
}

/**
 * Whether `column`, not marked hidden, is of a width under `NARROWEST_SHOWN_COLUMN` (zero included): shut, or almost.
 * Its width is its `<col>`'s, or without one (no `<col>`, or one without a width) the sheet's default (`layout`).
 */
function isNarrowColumn(column: import("exceljs").Column, layout: SheetLayout | undefined): boolean {
  const unsized = column.width === undefined || (layout?.unsized.some((range) => range.min <= column.number && column.number <= range.max) ?? false);
  const width = unsized ? layout?.defaultWidth : column.width;
  return !column.hidden && width !== undefined && width < NARROWEST_SHOWN_COLUMN;
}

/** Whether every cell of `row` that shows text is a copy of a header cell (line `headerLine`) merged down into it. */
function isHeaderContinued(row: { cells: string[]; merged?: ({ cell: string; first: string } | undefined)[] }, headerLine: number): boolean {
  return row.merged !== undefined && row.cells.every((text, i) => text === "" || Number(/\d+$/.exec(row.merged![i]?.first ?? "")?.[0]) === headerLine);
}

/**
 * A row's cells as text, as the sheet shows them, to its last non-empty cell; `visit` sees every cell on the way. Each
 * row is read to its own last cell, not the sheet's: one cell in column XFD would make every row 16,384 cells long.
 */
function rowTexts(row: import("exceljs").Row, visit?: (cell: import("exceljs").Cell, column: number) => void): string[] {
  const cells: string[] = [];
  for (let column = 1, last = row.cellCount; column <= last; column++) {
    const cell = row.getCell(column);
    visit?.(cell, column);
    cells.push(cellText(cell.value, cell.numFmt));
  }
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/** How many of a sheet's first non-empty rows may hold its header: the header, or up to 3 title rows and the header below. */
const LEAD_ROWS = 4;

/**
 * A sheet's first non-empty row (its header, as `rowTexts`), whether a non-empty row follows it (it holds data), and its
 * first non-empty rows (`LEAD_ROWS` and one more, for the row under the last).
 */
function headerOf(worksheet: Worksheet): { header?: string[]; rows: boolean; lead: string[][] } {
  const lead: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    if (lead.length > LEAD_ROWS) return;
    const cells = rowTexts(row);
    if (cells.some((cell) => cell !== "")) lead.push(cells);
  });
  return { header: lead[0], rows: lead.length > 1, lead };
}

/**
 * What a table of values is, years aside: the names of the columns of the first of `lead` (a sheet's first non-empty
 * rows: a header, perhaps under title rows) that reads as the header of a values table with a row under it, less its
 * years (and headers meant as years) and empty names, as `findColumns` compares names (sorted, as one text);
 * `undefined` when no row reads so (notes, an indicator tree, a list of names). A header reads as values as
 * `parseDataTable` would read it: long (a year, an indicator and a value column), wide (an indicator column and years)
 * or wide by indicator (a year column and others).
 */
function valuesColumns(lead: readonly (readonly string[])[]): string | undefined {
  for (let index = 0; index + 1 < lead.length && index < LEAD_ROWS; index++) {
    const header = lead[index];
    // A year, or a header meant as one (`FY2021`, `21年`, `二〇二一年`), which the wide layout refuses (`yearLike`).
    const years = header.map((name) => parseYear(name) !== undefined || yearLike(name) !== undefined);
    const long = findColumns(header, LONG_COLUMNS);
    const indicator = indicatorColumns(header).length > 0;
    const reads =
      (long.year >= 0 && indicator && long.value >= 0) ||
      (indicator && years.some(Boolean)) ||
      (long.year >= 0 && !indicator && long.value < 0 && header.filter((name) => name.trim() !== "").length > 1);
    if (reads) return JSON.stringify(header.map(normalizeColumnName).filter((name, column) => !years[column] && name !== "").sort());
  }
  return undefined;
}

/**
 * Refuses a workbook read by default (no sheet named) whose other visible sheets (`others`, with their headers) have
 * the header of the one read (the first of `lead`, its first non-empty rows) and rows under it: one sheet per year is a
 * common layout, and reading one alone would drop the other years without a word. Of values (`content`), also when
 * another sheet holds a table of values with the same columns as the one read but the years (`valuesColumns`): a sheet
 * `2021` added beside the sheet of 2017 to 2020, or one sheet per unit. Notes, a tree or any other table beside the
 * values are read as before. The message names the flag that chooses a sheet of a workbook holding `content`; a folder
 * of files is offered for the values only (a tree is one file).
 */
function refuseLikeSheets(
  chosen: Worksheet,
  others: readonly { name: string; header?: string[]; rows: boolean; lead: string[][] }[],
  lead: readonly (readonly string[])[],
  source: string,
  content: WorkbookContent,
): void {
  const header = lead[0];
  if (!header) return;
  const key = JSON.stringify(header);
  const same = (other: (typeof others)[number]) => other.rows && JSON.stringify(other.header) === key;
  const values = content === "values" ? valuesColumns(lead) : undefined;
  const asValues = (other: (typeof others)[number]) => values !== undefined && !same(other) && valuesColumns(other.lead) === values;
  const alike = others.filter((other) => same(other) || asValues(other));
  if (alike.length === 0) return;
  const names = [chosen.name, ...alike.map((other) => other.name)];
  const message =
    content === "tree"
      ? readerMessages.xlsxLikeTreeSheets(source, names)
      : alike.some(asValues)
        ? readerMessages.xlsxValueSheets(source, names)
        : readerMessages.xlsxLikeValueSheets(source, names);
  throw new InputError("E_XLSX_SHEETS", message, { source });
}

function pickSheet(workbook: Workbook, source: string, sheet?: string): Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((item) => item.name);
  if (sheets.length === 0) throw new InputError("E_XLSX_SHEET", readerMessages.xlsxNoSheets(source), { source });
  // By default the first sheet a person sees: a hidden one (a lookup list, a helper sheet) is not the data.
  if (sheet === undefined || sheet === "") return sheets.find((item) => item.state !== "hidden" && item.state !== "veryHidden") ?? sheets[0];
  const byName = sheets.find((item) => item.name === sheet);
  if (byName) return byName;
  if (/^\d+$/.test(sheet) && Number(sheet) >= 1 && Number(sheet) <= sheets.length) return sheets[Number(sheet) - 1];
  throw new InputError("E_XLSX_SHEET", readerMessages.xlsxNoSuchSheet(source, sheet, names), { source });
}

/** Whether a cell holds a number, or a formula whose saved result is a number. */
function isNumberCell(value: unknown): boolean {
  if (typeof value === "number") return true;
  return typeof value === "object" && value !== null && typeof (value as { result?: unknown }).result === "number";
}

/** The message of a formula cell whose result the file does not hold; `undefined` for any other cell. */
function formulaWithoutResult(address: string, value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const object = value as { result?: unknown; formula?: string; sharedFormula?: string };
  if (object.formula === undefined && object.sharedFormula === undefined) return undefined;
  if (object.result !== undefined && object.result !== null) return undefined;
  return object.formula !== undefined
    ? readerMessages.xlsxFormulaWithoutResult(address, object.formula)
    : readerMessages.xlsxSharedFormulaWithoutResult(address, String(object.sharedFormula));
}

/**
 * Whether a number format shows `value` multiplied by 100: a `%` in the format's section for the value (positive;
 * negative; zero; text), outside quoted text ("%"), an escape (\%), a fill or space mark (`*%`, `_%`) and brackets
 * ([Red]). `0.00"%"` only prints a percent sign after the number as it is.
 */
export function formatScalesByHundred(numberFormat: string, value: number): boolean {
  return formatSection(numberFormat, value).codes.includes("%");
}

/**
 * The section of a number format that shows `value` (positive; negative; zero; text): its codes (`codes`, without
 * quoted text, escaped characters, fill and space marks and brackets) and the text it prints as it is (`printed`:
 * quoted text and escaped characters).
 */
function formatSection(numberFormat: string, value: number): { codes: string; printed: string } {
  const sections = [{ codes: "", printed: "" }];
  for (let i = 0; i < numberFormat.length; i++) {
    const char = numberFormat[i];
    const section = sections[sections.length - 1];
    if (char === '"') {
      const end = numberFormat.indexOf('"', i + 1);
      section.printed += numberFormat.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? numberFormat.length : end;
    } else if (char === "\\") section.printed += numberFormat[++i] ?? "";
    else if (char === "_" || char === "*") i++;
    else if (char === "[") {
      const end = numberFormat.indexOf("]", i + 1);
      i = end < 0 ? numberFormat.length : end;
    } else if (char === ";") sections.push({ codes: "", printed: "" });
    else section.codes += char;
  }
  return value < 0 && sections.length > 1 ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0];
}

/**
 * The text a number format with a per-mille sign (‰) in the section for `value` shows: the number as stored, then ‰
 * (Excel multiplies by 100 for %, but prints ‰ as text, bare or quoted: `0.00‰` shows 19.6 as 19.60‰ and 0.0196 as
 * 0.02‰), with the format's decimal places (`#` places without their trailing zeros), thousands grouped when the format
 * groups them, and a minus sign; `undefined` for a format without ‰. A per-mille sign is no unit mark of the number
 * rule (`core/number.ts`): the same cell saved as CSV (`19.60‰`) is refused as no number, and so is this text, rather
 * than read as a number whose unit the sheet says is per mille while the tree may say otherwise.
 */
export function perMilleText(numberFormat: string, value: number): string | undefined {
  const { codes, printed } = formatSection(numberFormat, value);
  if (!codes.includes("‰") && !printed.includes("‰")) return undefined;
  const shown = Math.abs(value);
  const places = /\.([0#?]*)/.exec(codes)?.[1] ?? "";
  const required = places.replace(/[#?]+$/, "").length;
  let digits = shown.toFixed(places.length);
  if (places.length > required) digits = digits.replace(new RegExp(`0{1,${places.length - required}}$`), "").replace(/\.$/, "");
  if (/[0#?],[0#?]/.test(codes.split(".")[0])) digits = digits.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ","));
  return `${value < 0 ? "-" : ""}${digits}‰`;
}

/** Whether a date format shows the year and nothing else of the date or time (quoted text and brackets aside). */
export function showsYearOnly(numberFormat: string): boolean {
  const codes = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();
  return /y/.test(codes) && !/[mdhs]/.test(codes);
}

/** The text of a cell value as a person would have typed it. */
function cellText(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const perMille = numberFormat ? perMilleText(numberFormat, value) : undefined;
    if (perMille !== undefined) return perMille;
    if (numberFormat && formatScalesByHundred(numberFormat, value)) return `${Number((value * 100).toPrecision(15))}%`;
    return String(value);
  }
  // Text the formula guard wrote (`'=X1`, in a template or workbook this tool made) reads as the text it guarded, as
  // in a CSV file (`parseCsv`).
  if (typeof value === "string") return unguardFormula(value.trim());
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // A date shown as its year alone (format `yyyy`, `yyyy"年"`), as a year column exported as dates is shown: the year.
  if (value instanceof Date) return numberFormat && showsYearOnly(numberFormat) ? String(value.getUTCFullYear()) : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string; formula?: string };
    if (object.richText) return unguardFormula(object.richText.map((part) => part.text).join("").trim());
    if ("result" in object || "formula" in object || "sharedFormula" in object) return cellText(object.result, numberFormat);
    if (object.error !== undefined) return String(object.error);
    if (object.text !== undefined) return cellText(object.text, numberFormat);
  }
  return String(value);
}

/**
 * Formats rows as a one-sheet workbook (first row bold and frozen), returning its bytes (the same rows give the same
 * bytes). Strings are cut to what an Excel cell holds, as in `index.xlsx` (`workbookText`; `options.onWarning` hears of
 * each cut); `null` is an empty cell. A cell is in Excel's Text format when `options.isText(row, column)` (0-based)
 * says so, by default when it holds a string; every other cell is in the General format.
 */
export async function formatWorkbook(
  sheetName: string,
  rows: readonly (readonly (string | number | null)[])[],
  options: Pick<XlsxOptions, "source" | "onWarning"> & { isText?: (row: number, column: number) => boolean } = {},
): Promise<Uint8Array> {
  const isText = options.isText ?? ((row: number, column: number) => typeof rows[row][column] === "string");
  const ExcelJS = await loadExcel();
  const workbook: Workbook = new ExcelJS.Workbook();
  // A fixed date keeps the bytes of the same template identical from run to run.
  const epoch = new Date(Date.UTC(2000, 0, 1));
  workbook.created = epoch;
  workbook.modified = epoch;
  workbook.creator = "innovation-index";
  const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  rows.forEach((row, r) => {
    const added = worksheet.addRow(row.map((cell, i) => (typeof cell === "string" ? workbookText(cell, sheetName, r + 1, i + 1, options) : cell)));
    row.forEach((_, i) => isText(r, i) && (added.getCell(i + 1).numFmt = TEXT_FORMAT));
  });
  worksheet.getRow(1).font = { bold: true };
  worksheet.columns.forEach((column, i) => {
    // A loop, not Math.max(...rows): spreading 300,000 rows overflows the call stack.
    let widest = 0;
    for (const row of rows) widest = Math.max(widest, String(row[i] ?? "").length);
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  return fixZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

