/**
 * Tables as an Excel workbook: one sheet per table, a bold frozen header row with filter buttons, number formats with
 * the run's decimals, column widths fitted to the content. Text cells are written as they are, as strings in Excel's Text
 * format (`@`): a string cell is never run as a formula when the workbook opens, and the Text format keeps it a string
 * when someone edits it and presses Enter, so `=HYPERLINK(…)` stays text without the `'` a CSV file needs (which a
 * workbook would show as part of the name). Texts are cut to the 32,767 characters an Excel cell holds; numbers are
 * numbers, a missing value an empty cell. ExcelJS is loaded only when a workbook is asked for.
 */
import { columnLetters } from "../../core/cell-reference.js";
import { messages } from "../../core/messages.js";
import type { Issue } from "../../errors.js";
import { displayWidth } from "./text-width.js";
import { fixZipDates } from "./zip-dates.js";
import type { stream } from "exceljs";
import type { ColumnDisplay, Table } from "./tables.js";

type WorkbookWriter = stream.xlsx.WorkbookWriter;

/** The document date written into the workbook, fixed so that the same tables give the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export interface XlsxOptions {
  /** Decimals shown by the number format of number cells (the cells keep full precision). Default 4. */
  decimals?: number;
  /** The file name warnings name (`W_XLSX_TEXT_CUT`). Default `index.xlsx`. */
  source?: string;
  /** Receives a warning for each text cut to fit a cell. Default: none. */
  onWarning?: (warning: Issue) => void;
}

/** The most characters an Excel cell holds; a longer text makes the workbook unreadable to Excel. */
export const EXCEL_CELL_TEXT_LIMIT = 32767;

/** Excel's Text number format: a cell in it stays a string when edited (`=1+1` typed or kept is not a formula). */
export const TEXT_FORMAT = "@";

/**
 * Number formats of the columns shown otherwise than as plain numbers (`ColumnDisplay`); the cells keep their numbers.
 * A share as a percentage with one decimal, as the pages' `shareText`: a share below 1 never shows as 100 (`0.0%`
 * would round 0.9995, 1999 of 2000 cells, up to 100.0%), so Excel's conditional sections show 0.9995 up to 1 as the
 * text 99.9%, and 1 itself as 100%. (Excel allows two conditions, so a share just above 0, shown 0.1% on the pages,
 * shows 0.0% here.) A rank change with its direction: Excel's sections positive;negative;zero show 3 as ↑3 (up three
 * places), −2 as ↓2 and 0 as 0.
 */
export const DISPLAY_FORMATS: Readonly<Record<ColumnDisplay, string>> = {
  percent: '[<0.9995]0.0%;[<1]"99.9%";0%',
  "rank-change": '"↑"0;"↓"0;0',
};

/**
 * The text of a workbook cell (written as a string in `TEXT_FORMAT`, see above): as it is, or beyond
 * `EXCEL_CELL_TEXT_LIMIT` characters cut to the limit (ending in `…`, never inside a surrogate pair) with a warning
 * naming the sheet and the cell.
 */
export function workbookText(text: string, sheet: string, row: number, column: number, options: Pick<XlsxOptions, "source" | "onWarning"> = {}): string {
  if (text.length <= EXCEL_CELL_TEXT_LIMIT) return text;
  let end = EXCEL_CELL_TEXT_LIMIT - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  const cell = `${columnLetters(column)}${row}`;
  options.onWarning?.({ code: "W_XLSX_TEXT_CUT", message: messages.workbookTextCut(sheet, cell, text.length, EXCEL_CELL_TEXT_LIMIT), source: options.source ?? "index.xlsx" });
  return text.slice(0, end) + "…";
}

/**
 * The workbook (`index.xlsx`) holding `tables`, one sheet each in the given order, as bytes. ExcelJS's streaming writer
 * writes each row as it is added, instead of keeping a model of every cell and writing them all at the end: on a panel of
 * 75,000 values (1.4 million cells) 4.7 s of CPU and 250 MB against 18 s and 2 GB. The workbook a reader sees is the
 * same (sheets, cells, styles, widths, panes, filters); the parts leave out what is empty (no `<dimension>`, no blank
 * title), and the entries are compressed as before (deflate level 6). The same tables give the same bytes: fixed
 * document dates, ZIP dates fixed afterwards (`fixZipDates`).
 */
export async function formatXlsx(tables: readonly Table[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const [{ default: ExcelJS }, { Writable }] = await Promise.all([import("exceljs"), import("node:stream")]);
  // The sheet names as ExcelJS's workbook takes them (the streaming writer checks none): it refuses an empty name, a
  // duplicate or one with * ? : / \ [ ], and cuts one over Excel's 31 characters, as index.xlsx always did.
  const checked = new ExcelJS.Workbook();
  const names = tables.map((table) => checked.addWorksheet(table.name).name);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: true,
    useStyles: true,
    creator: "innovation-index",
    lastModifiedBy: "innovation-index",
    created: FIXED_DATE,
    modified: FIXED_DATE,
    // The level the in-memory writer used (the streaming one's own is 1: a file a fifth larger).
    zip: { zlib: { level: 6 } },
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  tables.forEach((table, i) => addSheet(workbook, names[i], table, options));
  await workbook.commit();
  return fixZipDates(new Uint8Array(Buffer.concat(chunks)));
}

/** The most decimals a workbook shows of a raw value (`Column.significant`: imputations, treatment), zeros at the end hidden. */
const RAW_MOST_DECIMALS = 15;

/**
 * Adds `table` as the sheet `name`, row by row (each written at once): a bold frozen header with filter buttons,
 * number formats, column widths fitted to the content (measured before the first row, as the columns come first).
 */
function addSheet(workbook: WorkbookWriter, name: string, table: Table, options: XlsxOptions): void {
  const decimals = options.decimals ?? 4;
  const text = (value: string, row: number, column: number) => workbookText(value, table.name, row, column, options);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: table.frozenColumns ?? 0, ySplit: 1 }],
    autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } },
  } as never);
  const numberFormats = table.columns.map((column) => {
    const shown = Math.max(decimals, column.decimals ?? 0);
    return column.display
      ? DISPLAY_FORMATS[column.display]
      : column.kind === "text"
        ? TEXT_FORMAT
        : column.kind === "integer"
          ? "0"
          : column.significant !== undefined
            ? // Raw values: at least the decimals, then up to RAW_MOST_DECIMALS where a digit is not 0 (0.00003, not 0.0000).
              `0.${"0".repeat(shown)}${"#".repeat(Math.max(0, RAW_MOST_DECIMALS - shown))}`
            : shown > 0
              ? `0.${"0".repeat(shown)}`
              : "0";
  });
  sheet.columns = table.columns.map((column, i) => {
    const shown = Math.max(decimals, column.decimals ?? 0);
    let width = displayWidth(column.name);
    for (const row of table.rows) {
      const cell = row[i];
      // Only up to the widest column shown (60) matters: a long text is not measured whole.
      width = Math.max(width, typeof cell === "string" ? displayWidth(cell.slice(0, 61)) : column.kind === "integer" ? String(cell).length : 8 + shown);
    }
    return { width: Math.min(60, width + 2), style: { numFmt: numberFormats[i] } };
  });
  // One style object per column, shared by its cells (never changed after): ExcelJS numbers a style object it has seen
  // before at once, where a copy per cell (what a new cell gets) is written out and looked up, a third of the time.
  const cellStyles = numberFormats.map((numFmt) => ({ numFmt }));
  const textStyle = { numFmt: TEXT_FORMAT };
  // The header is text in the Text format, as every text cell: some tables' headers are the tree's codes (the drop
  // analysis's ranks), which F2 and Enter on a General cell would turn into a formula (`=A`). A year's header is text too.
  const header = sheet.addRow(table.columns.map((column, i) => text(column.name, 1, i + 1)));
  header.font = { bold: true };
  const headerStyle = { numFmt: TEXT_FORMAT, font: { bold: true } };
  table.columns.forEach((_, i) => (header.getCell(i + 1).style = headerStyle));
  header.commit();
  table.rows.forEach((row, r) => {
    const added = sheet.addRow(row.map((cell, i) => (typeof cell === "string" ? text(cell, r + 2, i + 1) : Number.isFinite(cell) ? cell : null)));
    // A text in a column of numbers (the period "all" among years) is in the Text format too.
    row.forEach((cell, i) => (added.getCell(i + 1).style = typeof cell === "string" && table.columns[i].kind !== "text" ? textStyle : cellStyles[i]));
    added.commit();
  });
  sheet.commit();
}
