/**
 * A workbook ExcelJS wrote, with the XML of one of its parts edited: for what ExcelJS cannot write, such as a row of
 * zero height (`ht="0"`, which Excel saves for a row dragged shut; ExcelJS leaves out a height of 0).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** `book` as ExcelJS writes it, with the XML of its first sheet (`xl/worksheets/sheet1.xml`) edited by `edit`. */
export async function workbookWithSheetXml(book: ExcelJS.Workbook, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const edited = edit(xml);
  if (edited === xml) throw new Error(`the edit changed nothing in ${part}`);
  zip.file(part, edited);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A one-sheet workbook (sheet `name`) of `rows`, whose sheet rows `shut` have a height of zero (`ht="0"` and
 * `customHeight="1"`, as Excel saves a row dragged shut) and whose columns `narrowed` (1-based) a width of zero.
 */
export async function sheetDraggedShut(name: string, rows: readonly (readonly (string | number)[])[], shut: readonly number[], narrowed: readonly number[] = []): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  for (const row of rows) sheet.addRow([...row]);
  // A width ExcelJS writes (`width="7"`), made 0 below: ExcelJS writes no width of 0.
  for (const column of narrowed) sheet.getColumn(column).width = 7;
  return workbookWithSheetXml(book, (xml) => {
    let edited = xml;
    for (const row of shut) edited = edited.replace(new RegExp(`<row r="${row}"`), `<row r="${row}" ht="0" customHeight="1"`);
    for (const column of narrowed) edited = edited.replace(new RegExp(`(<col min="${column}" max="${column}"[^>]*?) width="7"`), `$1 width="0"`);
    return edited;
  });
}

/**
 * `xml`, a sheet's, with its rows hidden by default (`zeroHeight="1"` on its `sheetFormatPr`), as Excel saves a sheet
 * most of whose rows are hidden: only rows given a height of their own show. ExcelJS never writes `zeroHeight`.
 */
export const rowsHiddenByDefault = (xml: string): string => xml.replace("<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ');

/**
 * An edit of a sheet's XML (for `workbookWithSheetXml`) giving its `sheetFormatPr` the attributes `attributes` alone
 * (ExcelJS writes `defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"`).
 */
export const withSheetFormat =
  (attributes: string) =>
  (xml: string): string =>
    xml.replace(/<sheetFormatPr [^>]*\/>/, `<sheetFormatPr ${attributes}/>`);
