/**
 * A workbook ExcelJS wrote, with the XML of one of its parts edited: for what ExcelJS cannot write, such as a row of
 * zero height (`ht="0"`, which Excel saves for a row dragged shut; ExcelJS leaves out a height of 0).
 */
import { crc32, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

/** The parts of a zip archive (each inflated), by name, in the archive's order. */
function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip archive");
  const count = data.readUInt16LE(end + 10);
  let position = data.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(position + 10);
    const compressedSize = data.readUInt32LE(position + 20);
    const nameLength = data.readUInt16LE(position + 28);
    const extraLength = data.readUInt16LE(position + 30);
    const commentLength = data.readUInt16LE(position + 32);
    const offset = data.readUInt32LE(position + 42);
    const name = data.toString("utf8", position + 46, position + 46 + nameLength);
    const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
    const packed = data.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(packed) : Buffer.from(packed));
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip archive of `entries`, each stored as it is (no compression). */
function zipOf(entries: ReadonlyMap<string, Buffer>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, content);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** `book` as ExcelJS writes it, with the XML of its first sheet (`xl/worksheets/sheet1.xml`) edited by `edit`. */
export async function workbookWithSheetXml(book: ExcelJS.Workbook, edit: (xml: string) => string): Promise<Uint8Array> {
  const entries = zipEntries(new Uint8Array(await book.xlsx.writeBuffer()));
  const part = "xl/worksheets/sheet1.xml";
  const xml = entries.get(part)!.toString("utf8");
  const edited = edit(xml);
  if (edited === xml) throw new Error(`the edit changed nothing in ${part}`);
  entries.set(part, Buffer.from(edited, "utf8"));
  return zipOf(entries);
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
