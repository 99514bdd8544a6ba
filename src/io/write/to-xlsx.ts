/**
 * Tables as an Excel workbook: one sheet per table, a bold frozen header row with filter buttons, number formats with
 * the run's decimals, column widths fitted to the content. Text cells are written as text (never as formulas), numbers as numbers, a
 * missing value as an empty cell. ExcelJS is loaded only when a workbook is asked for.
 */
import { displayWidth } from "./text-width.js";
import { fixZipDates } from "./zip-dates.js";
import type { Table } from "./tables.js";

/** The document date written into the workbook, fixed so that the same tables give the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export interface XlsxOptions {
  /** Decimals shown by the number format of number cells (the cells keep full precision). Default 4. */
  decimals?: number;
}

/** The workbook (`index.xlsx`) holding `tables`, one sheet each in the given order, as bytes. */
export async function formatXlsx(tables: readonly Table[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const decimals = options.decimals ?? 4;
  const numberFormat = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "innovation-index";
  workbook.lastModifiedBy = "innovation-index";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", xSplit: table.frozenColumns ?? 0, ySplit: 1 }] });
    sheet.addRow(table.columns.map((column) => column.name)).font = { bold: true };
    for (const row of table.rows)
      sheet.addRow(row.map((cell) => (typeof cell === "number" && !Number.isFinite(cell) ? null : cell)));
    table.columns.forEach((column, i) => {
      const sheetColumn = sheet.getColumn(i + 1);
      if (column.kind !== "text") sheetColumn.numFmt = column.kind === "integer" ? "0" : numberFormat;
      let width = displayWidth(column.name);
      for (const row of table.rows) {
        const cell = row[i];
        width = Math.max(width, typeof cell === "string" ? displayWidth(cell) : column.kind === "integer" ? String(cell).length : 8 + decimals);
      }
      sheetColumn.width = Math.min(60, width + 2);
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    // The header keeps the default format (a year column's header "2017" is text).
    sheet.getRow(1).eachCell((cell) => (cell.numFmt = "General"));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer));
}
