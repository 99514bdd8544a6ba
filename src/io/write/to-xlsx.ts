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
import type { Workbook } from "exceljs";
import type { ColumnDisplay, Table } from "./tables.js";

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
 * A share as a percentage with one decimal (1 shows as 100.0%); a rank change with its direction: Excel's sections
 * positive;negative;zero show 3 as ↑3 (up three places), −2 as ↓2 and 0 as 0.
 */
export const DISPLAY_FORMATS: Readonly<Record<ColumnDisplay, string>> = {
  percent: "0.0%",
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

/** The workbook (`index.xlsx`) holding `tables`, one sheet each in the given order, as bytes. */
export async function formatXlsx(tables: readonly Table[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) addSheet(workbook, table, options);
  return workbookBytes(workbook);
}

/** The workbook's bytes, its document dates fixed and its ZIP entries dated alike (the same sheets give the same bytes). */
async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  workbook.creator = "innovation-index";
  workbook.lastModifiedBy = "innovation-index";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer));
}

/** Adds `table` as a sheet: a bold frozen header with filter buttons, number formats, fitted column widths. */
function addSheet(workbook: Workbook, table: Table, options: XlsxOptions): void {
  const decimals = options.decimals ?? 4;
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", xSplit: table.frozenColumns ?? 0, ySplit: 1 }] });
  const text = (value: string, row: number, column: number) => workbookText(value, table.name, row, column, options);
  sheet.addRow(table.columns.map((column, i) => text(column.name, 1, i + 1))).font = { bold: true };
  table.rows.forEach((row, r) =>
    sheet.addRow(row.map((cell, i) => (typeof cell === "string" ? text(cell, r + 2, i + 1) : Number.isFinite(cell) ? cell : null))),
  );
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    const shown = Math.max(decimals, column.decimals ?? 0);
    sheetColumn.numFmt = column.display
      ? DISPLAY_FORMATS[column.display]
      : column.kind === "text"
        ? TEXT_FORMAT
        : column.kind === "integer"
          ? "0"
          : shown > 0
            ? `0.${"0".repeat(shown)}`
            : "0";
    let width = displayWidth(column.name);
    table.rows.forEach((row, r) => {
      const cell = row[i];
      // Only up to the widest column shown (60) matters: a long text is not measured whole.
      width = Math.max(width, typeof cell === "string" ? displayWidth(cell.slice(0, 61)) : column.kind === "integer" ? String(cell).length : 8 + shown);
      // A text in a column of numbers (the period "all" among years) is in the Text format too.
      if (typeof cell === "string" && column.kind !== "text") sheet.getCell(r + 2, i + 1).numFmt = TEXT_FORMAT;
    });
    sheetColumn.width = Math.min(60, width + 2);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  // The header is text in the Text format, as every text cell: some tables' headers are the tree's codes (the drop
  // analysis's ranks), which F2 and Enter on a General cell would turn into a formula (`=A`). A year's header is text too.
  sheet.getRow(1).eachCell((cell) => (cell.numFmt = TEXT_FORMAT));
}
