/**
 * The bounds of an .xlsx workbook, checked from its zip before ExcelJS reads it. ExcelJS unpacks every part of a
 * workbook into memory and makes an object for every cell a row reaches and for every cell of a merged range; it lists
 * every cell of a data validation and of a defined name one by one, makes a column for each up to a column range's
 * last, and checks each merged range against every other. A 7 KB workbook merging A10:XFD1048576 would so make 17
 * billion cells. The parts' sizes are read from the zip's directory (no part is unpacked beyond the size it declares),
 * the rest from the XML of the sheets and of the workbook, so that a workbook that would take minutes and gigabytes is
 * refused at once, naming what it holds (`E_XLSX_TOO_LARGE`). Every limit is listed in `docs/limits.md`.
 */
import { inflateRawSync } from "node:zlib";
import { columnNumber } from "../../core/cell-reference.js";
import { limitMessages, type WorkbookCells } from "../../core/limit-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";

/**
 * The limits of a workbook read, each at about 12 s and 1.2 GB (measured with ExcelJS 4.4: 2,000,000 cells of values;
 * data validations down 4 columns to the last row, 4,200,000 cells, in 7 s and 650 MB). A panel of 300 units, 20
 * years and 100 indicators is 600,000 cells; larger panels belong in CSV, which is read far faster.
 */
export const XLSX_LIMITS = {
  /** What all parts of a workbook unpack to together. */
  unpackedBytes: 256 * 1024 ** 2,
  /** Cells of all sheets: each row to its last cell, and the cells of merged ranges. */
  cells: 2_000_000,
  /** Cells of data validations and defined names, which are listed one by one. */
  listedCells: 8_000_000,
  /** Merged ranges of one sheet (each is checked against every other: 5,000 take about 2 s). */
  mergedRanges: 5_000,
} as const;

/** Excel's last row and last column (XFD). */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/** A file of a zip archive, as its central directory describes it. */
interface ZipPart {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Refuses a workbook (the bytes of an .xlsx file, named `source` in messages) that would take more time or memory to
 * read than `XLSX_LIMITS` allow, with every problem found. A zip this cannot make sense of passes: ExcelJS says what is
 * wrong with it.
 */
export function checkWorkbookBounds(bytes: Uint8Array, source: string): void {
  const parts = zipParts(bytes);
  if (!parts) return;
  const unpacked = parts.reduce((sum, part) => sum + part.size, 0);
  if (unpacked > XLSX_LIMITS.unpackedBytes)
    throw new InputError("E_XLSX_TOO_LARGE", limitMessages.xlsxUnpackedTooLarge(source, unpacked, XLSX_LIMITS.unpackedBytes), { source });
  // Every part is unpacked, one at a time, so that none unpacks beyond the size its directory declares (ExcelJS's zip
  // reader would compare only once the whole part is in memory); a sheet is scanned as it is unpacked.
  const contents = new Map<string, Buffer>();
  const sheets: { part: string; scan: ReturnType<typeof scanSheet> }[] = [];
  for (const part of parts) {
    const content = unpack(bytes, part, source);
    if (content === undefined) continue;
    const name = part.name.replace(/^\//, "");
    if (name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels") contents.set(name, content);
    // The parts ExcelJS reads as sheets (its own test, `lib/xlsx/xlsx.js`).
    else if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name)) sheets.push({ part: name, scan: scanSheet(content) });
  }
  const workbook = contents.get("xl/workbook.xml")?.toString("utf8") ?? "";
  const sheetNames = sheetNamesByPart(workbook, contents.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "");
  const issues: Issue[] = [];
  const cells: WorkbookCells[] = [];
  const listed: WorkbookCells[] = [];
  for (const { part, scan } of sheets) {
    const sheet = sheetNames.get(part) ?? part;
    const label = `${source}[${sheet}]`;
    if (scan.beyond) issues.push({ code: "E_XLSX_TOO_LARGE", message: limitMessages.xlsxBeyondSheet(label, scan.beyond.kind, scan.beyond.reference), source: label });
    if (scan.merged.ranges > XLSX_LIMITS.mergedRanges)
      issues.push({ code: "E_XLSX_TOO_LARGE", message: limitMessages.xlsxTooManyMergedRanges(label, scan.merged.ranges, XLSX_LIMITS.mergedRanges), source: label });
    if (scan.reach > 0) cells.push({ kind: "rows", sheet, cells: scan.reach });
    if (scan.merged.ranges > 0) cells.push({ kind: "merged", sheet, ranges: scan.merged.ranges, largest: scan.merged.largest, cells: scan.merged.cells });
    if (scan.validated.ranges > 0)
      listed.push({ kind: "validation", sheet, ranges: scan.validated.ranges, largest: scan.validated.largest, cells: scan.validated.cells });
  }
  listed.push(...definedNameCells(workbook));
  const total = (parts: readonly WorkbookCells[]) => parts.reduce((sum, part) => sum + part.cells, 0);
  if (total(cells) > XLSX_LIMITS.cells)
    issues.push({ code: "E_XLSX_TOO_LARGE", message: limitMessages.xlsxTooManyCells(source, total(cells), cells, XLSX_LIMITS.cells), source });
  if (total(listed) > XLSX_LIMITS.listedCells)
    issues.push({ code: "E_XLSX_TOO_LARGE", message: limitMessages.xlsxTooManyListedCells(source, total(listed), listed, XLSX_LIMITS.listedCells), source });
  if (issues.length === 1) throw new InputError("E_XLSX_TOO_LARGE", issues[0].message, { source: issues[0].source });
  if (issues.length > 1) throw new ValidationError(issues);
}

/**
 * The files of a zip archive from its central directory (Zip64 included), directories left out; `undefined` when the
 * bytes hold no readable directory.
 */
function zipParts(bytes: Uint8Array): ZipPart[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is within the last 64 KB (its comment is at most 65,535 bytes).
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  while (end >= stop && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < stop) return undefined;
  let count = view.getUint16(end + 10, true);
  let position = view.getUint32(end + 16, true);
  // Zip64: the counts and offsets that do not fit are in the Zip64 record, which a locator just before says where.
  if ((count === 0xffff || position === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const record = Number(view.getBigUint64(end - 12, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) return undefined;
    count = Number(view.getBigUint64(record + 32, true));
    position = Number(view.getBigUint64(record + 48, true));
  }
  const parts: ZipPart[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (position + 46 > bytes.length || view.getUint32(position, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(position + 28, true);
    const extraLength = view.getUint16(position + 30, true);
    const name = decoder.decode(bytes.subarray(position + 46, position + 46 + nameLength));
    let compressedSize = view.getUint32(position + 20, true);
    let size = view.getUint32(position + 24, true);
    let offset = view.getUint32(position + 42, true);
    // Zip64 extra field (0x0001): the 8-byte values of the sizes and offset that are 0xffffffff above, in this order.
    for (let extra = position + 46 + nameLength; extra + 4 <= position + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => (field + 8 <= extra + 4 + length && field + 8 <= bytes.length ? Number(view.getBigUint64((field += 8) - 8, true)) : undefined);
        if (size === 0xffffffff) size = next() ?? size;
        if (compressedSize === 0xffffffff) compressedSize = next() ?? compressedSize;
        if (offset === 0xffffffff) offset = next() ?? offset;
      }
      extra += 4 + length;
    }
    if (!name.endsWith("/")) parts.push({ name, flags: view.getUint16(position + 8, true), method: view.getUint16(position + 10, true), compressedSize, size, offset });
    position += 46 + nameLength + extraLength + view.getUint16(position + 32, true);
  }
  return parts;
}

/**
 * A part's content, unpacked no further than the size its directory declares (refused beyond it); `undefined` for a
 * part this cannot unpack (encrypted, compressed another way, damaged), which ExcelJS reports.
 */
function unpack(bytes: Uint8Array, part: ZipPart, source: string): Buffer | undefined {
  if (part.flags & 1 || part.offset + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(part.offset, true) !== 0x04034b50) return undefined;
  const start = part.offset + 30 + view.getUint16(part.offset + 26, true) + view.getUint16(part.offset + 28, true);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(part.compressedSize, bytes.length - start)));
  if (part.method === 0) return data;
  if (part.method !== 8) return undefined;
  let content: Buffer;
  try {
    content = inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE") return undefined;
    throw new InputError("E_XLSX", limitMessages.xlsxPartTooLarge(source, part.name, part.size), { source }, { cause });
  }
  if (content.length > part.size) throw new InputError("E_XLSX", limitMessages.xlsxPartTooLarge(source, part.name, part.size), { source });
  return content;
}

/** The five entities of XML and character references, as text. */
function xmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string, decimal: string, name: string) => {
    if (name) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An attribute's value in the attributes of a tag (`name="..."` or `name='...'`), as text. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? xmlText(match[1] ?? match[2]) : undefined;
}

/** The sheets' names by their parts (`xl/worksheets/sheet1.xml`), as ExcelJS matches them: through the workbook's relationships. */
function sheetNamesByPart(workbook: string, relationships: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [, attributes] of relationships.matchAll(/<Relationship\s([^>]*)>/g)) {
    const id = attribute(attributes, "Id");
    const target = attribute(attributes, "Target");
    if (id !== undefined && target !== undefined) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`);
  }
  const names = new Map<string, string>();
  for (const [, attributes] of workbook.matchAll(/<sheet\s([^>]*)>/g)) {
    const name = attribute(attributes, "name");
    const target = targets.get(attribute(attributes, "r:id") ?? "");
    if (name !== undefined && target !== undefined) names.set(target, name);
  }
  return names;
}

/** A cell or range reference (`A1`, `A10:XFD1048576`, `$A$1:$B$2`): its corners; `undefined` for any other text. */
function rangeOf(reference: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(reference.trim().toUpperCase());
  if (!match) return undefined;
  const [rowA, columnA] = [Number(match[2]), columnNumber(match[1])];
  const [rowB, columnB] = match[3] ? [Number(match[4]), columnNumber(match[3])] : [rowA, columnA];
  return { top: Math.min(rowA, rowB), left: Math.min(columnA, columnB), bottom: Math.max(rowA, rowB), right: Math.max(columnA, columnB) };
}

/** The cells of a range reference (0 for any other text). */
function cellsOf(reference: string): number {
  const range = rangeOf(reference);
  return range ? (range.bottom - range.top + 1) * (range.right - range.left + 1) : 0;
}

/** How many ranges, their cells and the largest of them. */
interface Ranges {
  ranges: number;
  cells: number;
  largest?: string;
  largestCells: number;
}

function addRange(ranges: Ranges, reference: string): void {
  const cells = cellsOf(reference);
  ranges.ranges++;
  ranges.cells += cells;
  if (ranges.largest === undefined || cells > ranges.largestCells) [ranges.largest, ranges.largestCells] = [reference, cells];
}

/** The part of a sheet's XML scanned at a time (cut just before a tag, so that each tag is whole in one). */
const SCAN_BYTES = 8 * 1024 ** 2;

/**
 * What a sheet's XML holds that costs time or memory to read: the cells its rows reach (each row to its last cell, as
 * `parseWorkbookTable` reads them), its merged ranges and data validations, and the first reference beyond Excel's
 * last row or column (a row, a cell, a column range).
 */
function scanSheet(xml: Buffer): { reach: number; merged: Ranges; validated: Ranges; beyond?: { kind: "row" | "cell" | "column range"; reference: string } } {
  const merged: Ranges = { ranges: 0, cells: 0, largestCells: 0 };
  const validated: Ranges = { ranges: 0, cells: 0, largestCells: 0 };
  let beyond: { kind: "row" | "cell" | "column range"; reference: string } | undefined;
  let reach = 0;
  // The last cell of the row being read, and how many cells it has (a cell without a reference follows the one before).
  let rowLast = 0;
  let rowCells = 0;
  const tags = /<(row|c|mergeCell|dataValidation|col)(?=[\s/>])([^>]*)>/g;
  for (let start = 0; start < xml.length; ) {
    let end = start + SCAN_BYTES >= xml.length ? xml.length : xml.lastIndexOf(0x3c, start + SCAN_BYTES);
    if (end <= start) {
      const next = xml.indexOf(0x3c, start + SCAN_BYTES);
      end = next < 0 ? xml.length : next;
    }
    const text = xml.toString("latin1", start, end);
    start = end;
    tags.lastIndex = 0;
    for (let match = tags.exec(text); match; match = tags.exec(text)) {
      const [, tag, attributes] = match;
      if (tag === "c") {
        const reference = /\sr\s*=\s*["']\$?([A-Z]+)\$?(\d+)["']/.exec(attributes);
        rowCells++;
        const column = reference ? columnNumber(reference[1]) : rowLast + 1;
        if (reference && !beyond && (column > LAST_COLUMN || Number(reference[2]) > LAST_ROW)) beyond = { kind: "cell", reference: `${reference[1]}${reference[2]}` };
        rowLast = Math.max(rowLast, column, rowCells);
      } else if (tag === "row") {
        reach += rowLast;
        rowLast = rowCells = 0;
        const number = /\sr\s*=\s*["'](\d+)["']/.exec(attributes);
        if (number && !beyond && Number(number[1]) > LAST_ROW) beyond = { kind: "row", reference: number[1] };
      } else if (tag === "mergeCell") {
        const reference = attribute(attributes, "ref");
        if (reference !== undefined) addRange(merged, reference);
      } else if (tag === "dataValidation") {
        for (const reference of (attribute(attributes, "sqref") ?? "").split(/\s+/)) if (reference !== "") addRange(validated, reference);
      } else {
        const last = Number(attribute(attributes, "max") ?? 0);
        if (!beyond && last > LAST_COLUMN) beyond = { kind: "column range", reference: `${attribute(attributes, "min") ?? ""}:${last}` };
      }
    }
  }
  reach += rowLast;
  return { reach, merged, validated, beyond };
}

/**
 * The cells of the workbook's defined names that ExcelJS lists one by one: each range of a name (`Sheet1!$A$1:$B$9`) in
 * the form it reads (`$A$1`), print areas and titles aside (it reads those as page setup).
 */
function definedNameCells(workbook: string): WorkbookCells[] {
  const names: WorkbookCells[] = [];
  for (const [, attributes, body] of workbook.matchAll(/<definedName\s([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = attribute(attributes, "name") ?? "";
    if (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles") continue;
    const text = xmlText(body);
    let cells = 0;
    for (const range of text.split(",")) {
      const match = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/.exec(range.split("!").pop() ?? "");
      if (match) cells += cellsOf(match[0]);
    }
    if (cells > 0) names.push({ kind: "name", name, largest: text.length > 80 ? `${text.slice(0, 77)}...` : text, cells });
  }
  return names;
}
