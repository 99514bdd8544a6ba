/**
 * Workbooks that would take minutes and gigabytes to read (a merged range over the whole sheet, a data validation or a
 * defined name over it, a row beyond Excel's last, thousands of merged ranges, a part forging its size) are refused
 * from their zip before ExcelJS reads them, naming the file, the sheet, what was found and the limit.
 */
import { deflateRawSync, crc32 } from "node:zlib";
import { performance } from "node:perf_hooks";
// @ts-expect-error: ExcelJS's modules have no type declarations; its Row class is spied on below.
import ExcelRow from "exceljs/lib/doc/row.js";
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { InputError, ValidationError } from "../../../src/errors.js";
import { checkWorkbookBounds, XLSX_LIMITS } from "../../../src/io/read/xlsx-bounds.js";
import { parseWorkbookTable } from "../../../src/io/read/xlsx.js";
import { makeTempDir, runCli } from "../../helpers.js";

/**
 * A zip archive written by hand, each file deflated: `declare` forges the size a file declares in the central
 * directory; `zip64` writes every size and offset in Zip64 fields (as large archives, and some writers, do).
 */
function zipOf(files: Record<string, string>, options: { declare?: Record<string, number>; zip64?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const size = options.declare?.[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt16LE(nameBytes.length, 28);
    let extra = Buffer.alloc(0);
    if (options.zip64) {
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(extra.length, 30);
    } else {
      central.writeUInt32LE(packed.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt32LE(offset, 42);
    }
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes, extra);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (!options.zip64) {
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  }
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, directory, record, locator, end]);
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/**
 * The parts of a one-sheet workbook named 数据: `rows` as inline-string cells (row 1 the header), `after` the XML after
 * the sheet's data (merged ranges, data validations), `names` the workbook's defined names.
 */
function workbookParts(rows: readonly (readonly string[])[], options: { before?: string; after?: string; names?: string } = {}): Record<string, string> {
  const cells = (row: readonly string[], r: number) =>
    row.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join("");
  const data = rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join("");
  return {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>${
      options.names ? `<definedNames>${options.names}</definedNames>` : ""
    }</workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": `<worksheet ${MAIN}>${options.before ?? ""}<sheetData>${data}</sheetData>${options.after ?? ""}</worksheet>`,
  };
}

/** A small table of values: a header of 4 cells and 2 rows of 4 (12 cells). */
const VALUES = [
  ["unit", "year", "indicator", "value"],
  ["U1", "2020", "A1", "1.5"],
  ["U2", "2020", "A1", "2.5"],
];

/** The error a promise is rejected with. */
async function rejection(promise: Promise<unknown>): Promise<InputError & ValidationError> {
  try {
    await promise;
  } catch (error) {
    return error as InputError & ValidationError;
  }
  throw new Error("expected the promise to be rejected");
}

describe("parseWorkbookTable: workbooks within the limits", () => {
  it("reads a workbook written by hand, and the same workbook in Zip64 form", async () => {
    for (const zip64 of [false, true]) {
      const { table, source } = await parseWorkbookTable(zipOf(workbookParts(VALUES), { zip64 }), "values.xlsx");
      expect(source).toBe("values.xlsx[数据]");
      expect(table.header).toEqual(VALUES[0]);
      expect(table.rows.map((row) => row.cells)).toEqual(VALUES.slice(1));
    }
  });

  it("reads each row to its own last cell: one cell in column XFD does not make every row 16,384 cells long", async () => {
    // 200 rows of one cell, and a note in XFD1 (the sheet's last column). Read to the sheet's last column, as before,
    // the rows would ask ExcelJS for 201 x 16,384 = 3,293,184 cells; read to their own last cell, for 16,384 + 200.
    const rows = [["unit", "year", "indicator", "value"], ...Array.from({ length: 200 }, (_, i) => [`U${i}`, "2020", "A1", "1"])];
    const parts = workbookParts(rows);
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</c></row>", '</c><c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>');
    const prototype = ExcelRow.prototype as { getCell: (...args: unknown[]) => unknown };
    const getCell = prototype.getCell;
    let calls = 0;
    prototype.getCell = function (this: unknown, ...args: unknown[]) {
      calls++;
      return getCell.apply(this, args);
    };
    try {
      const { table } = await parseWorkbookTable(zipOf(parts), "values.xlsx");
      expect(table.header.length).toBe(16_384);
      expect(table.header[16_383]).toBe("note");
      expect(table.rows.length).toBe(200);
      // The header row's 16,384 cells, 4 cells in each of the 200 rows (each is then filled up to the header's width).
      expect(calls).toBe(16_384 + 200 * 4);
    } finally {
      prototype.getCell = getCell;
    }
  });

  it("reads a print area over the whole sheet, which ExcelJS keeps as page setup without listing its cells", async () => {
    const names = '<definedName name="_xlnm.Print_Area" localSheetId="0">数据!$A$1:$XFD$1048576</definedName>';
    const { table } = await parseWorkbookTable(zipOf(workbookParts(VALUES, { names })), "values.xlsx");
    expect(table.rows.length).toBe(2);
  });
});

describe("parseWorkbookTable: workbooks refused before they are read", () => {
  it("refuses a merged range over the rest of the sheet at once, naming it", async () => {
    const bytes = zipOf(workbookParts(VALUES, { after: '<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>' }));
    expect(bytes.length).toBeLessThan(4096);
    const started = performance.now();
    const error = await rejection(parseWorkbookTable(bytes, "values.xlsx"));
    // Before: ExcelJS made the 17 billion cells, for minutes, until the memory ran out.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe("E_XLSX_TOO_LARGE");
    // A10:XFD1048576: rows 10 to 1,048,576 (1,048,567 rows) of 16,384 columns = 17,179,721,728 cells; the rows hold
    // 3 x 4 = 12 cells: 17,179,721,740 in all.
    expect(error.message).toBe(
      'values.xlsx: the workbook spans 17,179,721,740 cells, more than the 2,000,000 a workbook may span (a workbook is read cell by cell, at about 6 s and 600 MB of memory per million cells): merged range A10:XFD1048576 on sheet "数据": 17,179,721,728 cells, the rows of sheet "数据": 12 cells; expected a smaller workbook (far cells cleared, cells unmerged), or the sheet saved as CSV (in Excel: Save As, "CSV UTF-8"), which the tool reads far faster',
    );
  });

  it("refuses data validations and defined names that would list millions of cells one by one", async () => {
    // A1:XFD1048576 is 1,048,576 x 16,384 = 17,179,869,184 cells; A2:A1048576 and B2:B1048576 are 1,048,575 each.
    const after = '<dataValidations count="2"><dataValidation type="whole" sqref="A2:A1048576 B2:B1048576"/><dataValidation type="list" sqref="C2"/></dataValidations>';
    const names = '<definedName name="all">数据!$A$1:$XFD$1048576</definedName>';
    const error = await rejection(parseWorkbookTable(zipOf(workbookParts(VALUES, { after, names })), "values.xlsx"));
    expect(error.code).toBe("E_XLSX_TOO_LARGE");
    // 17,179,869,184 + 2 x 1,048,575 + 1 = 17,181,966,335.
    expect(error.message).toBe(
      limitMessages.xlsxTooManyListedCells(
        "values.xlsx",
        17_181_966_335,
        [
          { kind: "validation", sheet: "数据", ranges: 3, largest: "A2:A1048576", cells: 2_097_151 },
          { kind: "name", name: "all", largest: "数据!$A$1:$XFD$1048576", cells: 17_179_869_184 },
        ],
        8_000_000,
      ),
    );
    expect(error.message).toContain('defined name "all" (数据!$A$1:$XFD$1048576): 17,179,869,184 cells, 3 data validations on sheet "数据" (the largest A2:A1048576): 2,097,151 cells;');
    // A column validated down to the last row (1,048,575 cells), as a template may have, is read.
    const within = '<dataValidations count="1"><dataValidation type="whole" sqref="D2:D1048576"/></dataValidations>';
    expect((await parseWorkbookTable(zipOf(workbookParts(VALUES, { after: within })), "values.xlsx")).table.rows.length).toBe(2);
  });

  it("refuses more than 5,000 merged ranges on a sheet (ExcelJS checks each against every other)", async () => {
    const merges = Array.from({ length: 5001 }, (_, i) => `<mergeCell ref="A${i + 10}:B${i + 10}"/>`).join("");
    const error = await rejection(parseWorkbookTable(zipOf(workbookParts(VALUES, { after: `<mergeCells>${merges}</mergeCells>` })), "values.xlsx"));
    expect(error.code).toBe("E_XLSX_TOO_LARGE");
    expect(error.message).toBe(
      'values.xlsx[数据]: the sheet has 5,001 merged ranges, more than the 5,000 a sheet may have (each is checked against every other when the workbook is read); expected the cells unmerged, or the sheet saved as CSV (in Excel: Save As, "CSV UTF-8"), which the tool reads far faster',
    );
  });

  it("reports every problem of the workbook in one pass: a row and a column range beyond Excel's last are one per sheet", async () => {
    const parts = workbookParts(VALUES, { before: '<cols><col min="1" max="100000000" width="9"/></cols>' });
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</sheetData>", '<row r="900000000"><c r="A900000000"><v>1</v></c></row></sheetData>');
    const merges = Array.from({ length: 5001 }, (_, i) => `<mergeCell ref="C${i + 10}:D${i + 10}"/>`).join("");
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</worksheet>", `<mergeCells>${merges}</mergeCells></worksheet>`);
    const error = await rejection(parseWorkbookTable(zipOf(parts), "values.xlsx"));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => [issue.code, issue.source])).toEqual([
      ["E_XLSX_TOO_LARGE", "values.xlsx[数据]"],
      ["E_XLSX_TOO_LARGE", "values.xlsx[数据]"],
    ]);
    // The first reference beyond the sheet is the column range (the cols come before the rows).
    expect(error.issues[0].message).toBe(limitMessages.xlsxBeyondSheet("values.xlsx[数据]", "column range", "1:100000000"));
    expect(error.issues[1].message).toBe(limitMessages.xlsxTooManyMergedRanges("values.xlsx[数据]", 5001, 5000));
  });

  it("refuses a workbook that unpacks to more than 256 MB, and a part that unpacks beyond the size it declares", async () => {
    const declared = 300 * 1024 ** 2;
    const large = zipOf(workbookParts(VALUES), { declare: { "xl/worksheets/sheet1.xml": declared } });
    const error = await rejection(parseWorkbookTable(large, "values.xlsx"));
    expect(error.code).toBe("E_XLSX_TOO_LARGE");
    // 300 MB declared by the sheet, and a few hundred bytes by the other parts.
    expect(XLSX_LIMITS.unpackedBytes).toBe(256 * 1024 ** 2);
    expect(error.message).toBe(
      'values.xlsx: the workbook unpacks to 300 MB, more than the 256 MB a workbook may unpack to (every part of it is read into memory); expected a smaller workbook, or the sheet saved as CSV (in Excel: Save As, "CSV UTF-8"), which the tool reads far faster',
    );
    // The sheet says it unpacks to 10 bytes: unpacked no further, it is refused as damaged (ExcelJS's zip reader would
    // have unpacked it whole before comparing).
    const forged = zipOf(workbookParts(VALUES), { declare: { "xl/worksheets/sheet1.xml": 10 } });
    const damaged = await rejection(parseWorkbookTable(forged, "values.xlsx"));
    expect(damaged.code).toBe("E_XLSX");
    expect(damaged.message).toBe(
      'values.xlsx: part "xl/worksheets/sheet1.xml" of the workbook unpacks to more than the 10 bytes its zip directory declares (a damaged or forged file); expected an undamaged workbook (opened and saved again in Excel)',
    );
  });

  it("refuses the merged range of a Zip64 workbook as well", () => {
    const bytes = zipOf(workbookParts(VALUES, { after: '<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>' }), { zip64: true });
    expect(() => checkWorkbookBounds(bytes, "values.xlsx")).toThrow("values.xlsx: the workbook spans 17,179,721,740 cells");
  });

  it("validate names the workbook and exits 1, before reading it", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nG,,g,1,\nA1,G,a,1,+\n",
      "values.xlsx": zipOf(workbookParts(VALUES, { after: '<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>' })),
    });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('values.xlsx: the workbook spans 17,179,721,740 cells, more than the 2,000,000 a workbook may span');
  });
});
