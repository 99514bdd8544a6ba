/**
 * The guards at the door of every reader: binary files and oversized files refused from their first bytes or their
 * size (never read whole), a UTF-8 mark in front of GBK bytes, a values folder without values files.
 */
import iconv from "iconv-lite";
import { spawn, spawnSync } from "node:child_process";
import { truncateSync } from "node:fs";
import { open, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatBytes, limitMessages } from "../../../src/core/limit-messages.js";
import { InputError } from "../../../src/errors.js";
import { parseCsv } from "../../../src/io/csv.js";
import { issuesOf, loadInputs, readTreeFile } from "../../../src/io/read/load.js";
import { decodeText, MAX_INPUT_BYTES, readBytes, readText } from "../../../src/io/read/read-text.js";
import { describeBinary, describeZip, lineAt, utf16WithoutMark } from "../../../src/io/read/sniff.js";
import { readValueFiles } from "../../../src/io/read/values-folder.js";
import { formatWorkbook } from "../../../src/io/read/xlsx.js";
import { makeTempDir, runCli } from "../../helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir({
    "tree.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,x,,+\n",
    "doc.pdf": "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "image.csv": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    "values.csv.gz": Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]),
    "values.parquet": Uint8Array.from([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0x15, 0x10, 0, 0]),
    "empty/notes.txt": "values come next year\n",
    "empty/old.docx": "",
    "sheets/2019.csv": "unit,year,indicator,value\nU1,2019,A1,1\n",
    "sheets/2020.xls": "",
    "sheets/2021.et": "",
    "sheets/2021 draft.ods": "",
    "empty/archive/readme.md": "",
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A sparse file of `size` NUL bytes: it takes no disk and no time to make. */
async function sparseFile(name: string, size: number): Promise<string> {
  const path = join(dir, name);
  const handle = await open(path, "w");
  await handle.truncate(size);
  await handle.close();
  return path;
}

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    return error as InputError;
  }
  throw new Error("expected an error");
}

describe("readBytes refuses what is no input before reading it", () => {
  it("refuses 1 GB of NUL bytes from its first bytes, without reading the rest", async () => {
    const path = await sparseFile("zeros.csv", 1024 ** 3);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await errorOf(readBytes(path, "zeros.csv"));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe("E_BINARY");
    expect(error.message).toBe(limitMessages.binaryFile("zeros.csv", "a stream of NUL bytes (binary data)"));
    // Reading the gigabyte would take it into memory; the first 8 KB take nothing measurable.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 ** 2);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses an endless device (/dev/zero) at once instead of filling memory", async () => {
    const error = await errorOf(readBytes("/dev/zero", "/dev/zero"));
    expect(error.message).toBe(limitMessages.binaryFile("/dev/zero", "a stream of NUL bytes (binary data)"));
  });

  it("refuses a file over the size limit from its size alone", async () => {
    const path = await sparseFile("huge.csv", MAX_INPUT_BYTES + 1);
    const error = await errorOf(readBytes(path, "huge.csv"));
    expect(error.code).toBe("E_TOO_LARGE");
    expect(error.message).toBe(limitMessages.fileTooLarge("huge.csv", MAX_INPUT_BYTES + 1, MAX_INPUT_BYTES));
    expect(error.message).toMatch(/^huge\.csv: the file is 4 GB, more than the 4 GB an input file may hold; expected/);
    // The benchmark's 12 M-value CSV (README: 310 MB) is far below the limit.
    expect(MAX_INPUT_BYTES / (310 * 1024 ** 2)).toBeGreaterThan(10);
  });

  it("refuses a file over a given limit", async () => {
    await expect(readBytes(join(dir, "tree.csv"), "tree.csv", 10)).rejects.toThrow(limitMessages.fileTooLarge("tree.csv", 51, 10));
  });

  it.each([
    ["doc.pdf", "a PDF document"],
    ["image.csv", "a PNG image"],
    ["values.csv.gz", "a gzip archive (unpack it first)"],
    ["values.parquet", "a Parquet file (export it as CSV)"],
  ])("names what %s looks like", async (name, what) => {
    await expect(readBytes(join(dir, name), name)).rejects.toThrow(limitMessages.binaryFile(name, what));
  });

  it("tells UTF-16 without its mark from binary data, and lets text, UTF-16 with or without its mark and workbooks through", async () => {
    expect(describeBinary(Buffer.from("unit,year\nA,2020\n", "utf16le"))).toBeUndefined();
    expect(utf16WithoutMark(Buffer.from("unit,year\nA,2020\n", "utf16le"))).toBe("utf-16le");
    expect(utf16WithoutMark(Buffer.from("unit,year\nA,2020\n", "utf16le").swap16())).toBe("utf-16be");
    // Mostly Chinese: 9 of 19 characters are ASCII (their NUL bytes are 47% of the pairs, the threshold 30%), and
    // 一 (U+4E00) has a NUL on the other side (1 against 9, the limit one in 8): still UTF-16.
    const chinese = Buffer.from("代码,名称,权重\nA1,一级指标,1\n", "utf16le");
    expect(utf16WithoutMark(chinese)).toBe("utf-16le");
    // NUL bytes on both sides, or control characters once decoded: binary data.
    expect(describeBinary(Uint8Array.from([0x41, 0, 0, 0x42, 0x43, 0, 0x44, 0]))).toBe("binary data (NUL bytes in its first bytes)");
    expect(describeBinary(Buffer.from("a\u0001b\u0002c\u0003", "utf16le"))).toBe("binary data (NUL bytes in its first bytes)");
    expect(describeBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("unit,year\n", "utf16le")]))).toBeUndefined();
    expect(describeBinary(Buffer.from("code,parent,name\nPAR1,,x\n"))).toBeUndefined();
    expect(describeBinary(iconv.encode("代码,名称\n", "gbk"))).toBeUndefined();
    const workbook = await formatWorkbook("values", [["unit", "year"], ["A", 2020]]);
    expect(describeBinary(workbook)).toBeUndefined();
    expect(describeZip(workbook)).toBeUndefined();
  });

  it("refuses a zip archive that is not a workbook, naming it", async () => {
    // A one-entry zip archive (stored, no compression) written by hand: local header, data, central directory, end record.
    const name = Buffer.from("values.csv");
    const data = Buffer.from("unit,year\n");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    const what = "a ZIP archive that is not an Excel workbook (no xl/workbook.xml among its 1 entry; unpack it first)";
    expect(describeZip(zip)).toBe(what);
    const folder = await makeTempDir({ "values.zip": zip });
    try {
      await expect(readBytes(join(folder, "values.zip"), "values.zip")).rejects.toThrow(limitMessages.binaryFile("values.zip", what));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("compute names the binary values file and exits 1 without output", async () => {
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "doc.pdf", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(limitMessages.binaryFile("doc.pdf", "a PDF document"));
    await expect(open(join(dir, "out"))).rejects.toThrow();
  });
});

/**
 * Long-layout values text past the first 8 KB that are looked at as a whole: a 26-byte header
 * ("unit,year,indicator,value\n") and 1,000 rows of 16 characters ("U0001,2017,A1,1\n"), 16,026 characters on lines
 * 1 to 1,001, so whatever follows starts line 1,002 at offset 16,026 (in UTF-8). `indicator` is the rows' indicator.
 */
const rowsOf = (indicator: string) =>
  `unit,year,indicator,value\n${Array.from({ length: 1000 }, (_, i) => `U${String(i + 1).padStart(4, "0")},2017,${indicator},1\n`).join("")}`;

describe("readBytes refuses a text file at its first NUL byte, before reading the rest", () => {
  it("names the line and byte offset of a NUL byte after valid rows, in the first bytes or past them", async () => {
    // The tester's file: 26 bytes of header and "A,2017,X1,1\n" (12 bytes), so the NUL bytes start line 3 at offset 38.
    const first = Buffer.concat([Buffer.from("unit,year,indicator,value\nA,2017,X1,1\n"), Buffer.alloc(100)]);
    const rows = rowsOf("A1");
    expect(Buffer.byteLength(rows)).toBe(16_026);
    // Rows, 3 NUL bytes, then rows again: the first NUL is named, the rows after it do not hide it.
    const past = Buffer.concat([Buffer.from(rows), Buffer.alloc(3), Buffer.from("U9999,2017,A1,1\n")]);
    const folder = await makeTempDir({ "first.csv": first, "past.csv": past });
    try {
      const early = await errorOf(readBytes(join(folder, "first.csv"), "first.csv"));
      expect([early.code, early.line, early.message]).toEqual(["E_BINARY", 3, limitMessages.nulByte("first.csv", 3, 38)]);
      expect(early.message).toBe(
        "first.csv:3: the file holds a NUL byte at byte offset 38, which no text holds (binary data, or text followed by the NUL bytes of a copy that stopped); " +
          "expected a CSV file (UTF-8, GBK or UTF-16) or, for a tree, YAML, without NUL bytes (if the rest of the file is NUL bytes, copy it again, or keep its first 38 bytes)",
      );
      const later = await errorOf(readBytes(join(folder, "past.csv"), "past.csv"));
      expect([later.code, later.line, later.message]).toEqual(["E_BINARY", 1002, limitMessages.nulByte("past.csv", 1002, 16_026)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("counts a lone CR (Excel for Mac's \"CSV (Macintosh)\") and a CRLF as one line end each, as the CSV reader does", async () => {
    // The header (26 bytes with its CR) on line 1 and 79 rows of 14 bytes ("U01,2017,A1,1" and a CR) on lines 2 to 80:
    // the NUL byte starts line 81, at offset 26 + 79 × 14 = 1,132.
    const rows = `unit,year,indicator,value\r${Array.from({ length: 79 }, (_, i) => `U${String(i + 1).padStart(2, "0")},2017,A1,1\r`).join("")}`;
    expect(rows.length).toBe(1132);
    // The CSV reader puts the last row on line 80.
    expect(parseCsv(rows, "mac.csv").rows.at(-1)).toEqual({ line: 80, cells: ["U79", "2017", "A1", "1"] });
    const folder = await makeTempDir({ "mac.csv": Buffer.concat([Buffer.from(rows), Buffer.alloc(4)]) });
    try {
      const error = await errorOf(readBytes(join(folder, "mac.csv"), "mac.csv"));
      expect([error.code, error.line, error.message]).toEqual(["E_BINARY", 81, limitMessages.nulByte("mac.csv", 81, 1132)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    // Mixed: "a" CRLF, "b" CR, "c" LF, "d", then the NUL at offset 8: three line ends before it, so line 4 (a CR
    // just before the NUL is a line end too: line 2). In UTF-16 the same characters, two bytes each.
    const mixed = Buffer.from("a\r\nb\rc\nd\0");
    expect(lineAt(mixed, 8, "bytes")).toBe(4);
    expect(lineAt(Buffer.from("a\r\0"), 2, "bytes")).toBe(2);
    expect(lineAt(Buffer.from("a\r\nb\rc\nd\0", "utf16le"), 16, "utf-16le")).toBe(4);
    expect(lineAt(Buffer.from("a\r\nb\rc\nd\0", "utf16le").swap16(), 16, "utf-16be")).toBe(4);
    // The CSV reader counts the same lines: "d" on line 4.
    expect(parseCsv("a\r\nb\rc\nd", "mixed.csv").rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it("refuses 1 GB of NUL bytes after 16 KB of rows (a copy that stopped) without reading the gigabyte, also through loadInputs", async () => {
    // Before, the gigabyte was read whole and refused as too large for text (a 3 GB one took 51 s and 3 GB of memory).
    const folder = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,x,,+\n", "cut.csv": rowsOf("A1") });
    try {
      const path = join(folder, "cut.csv");
      truncateSync(path, 1024 ** 3); // sparse: the NUL bytes take no disk
      const before = process.memoryUsage().rss;
      const error = await errorOf(readBytes(path, "cut.csv"));
      expect([error.code, error.line, error.message]).toEqual(["E_BINARY", 1002, limitMessages.nulByte("cut.csv", 1002, 16_026)]);
      // Read whole, the gigabyte would be in memory; it is refused within the first 64 MB read after the first 8 KB.
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 ** 2);
      const loaded = await loadInputs(join(folder, "tree.csv"), path, { tree: "tree.csv", data: "cut.csv" }).then(
        () => [],
        (refusal: unknown) => issuesOf(refusal),
      );
      expect(loaded.map((issue) => [issue.code, issue.message])).toEqual([["E_BINARY", limitMessages.nulByte("cut.csv", 1002, 16_026)]]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("refuses a YAML tree whose comments give way to NUL bytes", async () => {
    // 100 lines of 100 bytes ("# " and 97 dashes and a line feed): the NUL bytes start line 101 at offset 10,000.
    const text = `# ${"-".repeat(97)}\n`.repeat(100);
    const folder = await makeTempDir({ "tree.yaml": Buffer.concat([Buffer.from(text), Buffer.alloc(10)]) });
    try {
      const error = await errorOf(readTreeFile(join(folder, "tree.yaml"), "tree.yaml"));
      expect([error.code, error.message]).toEqual(["E_BINARY", limitMessages.nulByte("tree.yaml", 101, 10_000)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("refuses the NUL bytes of an endless pipe of text and then NUL bytes", async () => {
    const folder = await makeTempDir({ "rows.csv": rowsOf("A1") });
    const fifo = join(folder, "pipe.csv");
    spawnSync("mkfifo", [fifo]);
    // cat writes the rows, then NUL bytes without end, until the reader closes the pipe.
    const writer = spawn("sh", ["-c", 'cat rows.csv /dev/zero > pipe.csv'], { cwd: folder, stdio: "ignore" });
    try {
      const error = await errorOf(readBytes(fifo, "pipe.csv"));
      expect([error.code, error.message]).toEqual(["E_BINARY", limitMessages.nulByte("pipe.csv", 1002, 16_026)]);
    } finally {
      writer.kill();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("reads UTF-16 (with its mark or without) and GBK as before, and refuses the NUL characters or bytes after their rows", async () => {
    // "一" (U+4E00) after a comma makes a NUL pair at an odd offset in UTF-16LE ("," 2C 00, "一" 00 4E): no NUL
    // character, which is a pair at an even offset.
    // GBK's "研" (D1 D0) is no UTF-8, as GBK's "一" (D2 BB, which UTF-8 reads as "һ") would be.
    const [utf16Rows, gbkRows] = [rowsOf("一1"), rowsOf("研1")];
    expect([utf16Rows.length, gbkRows.length]).toEqual([16_026, 16_026]); // 32,052 bytes in UTF-16; 17,026 in GBK (2 bytes a hanzi)
    const mark = (bytes: number[]) => Buffer.from(bytes);
    const files: [string, Buffer, string, number][] = [
      // name, bytes, their text, offset of what follows the rows
      ["le.csv", Buffer.concat([mark([0xff, 0xfe]), Buffer.from(utf16Rows, "utf16le")]), utf16Rows, 32_054],
      ["be.csv", Buffer.concat([mark([0xfe, 0xff]), Buffer.from(utf16Rows, "utf16le").swap16()]), utf16Rows, 32_054],
      ["bare.csv", Buffer.from(utf16Rows, "utf16le"), utf16Rows, 32_052],
      ["gbk.csv", iconv.encode(gbkRows, "gbk"), gbkRows, 17_026],
    ];
    const folder = await makeTempDir(Object.fromEntries(files.map(([name, bytes]) => [name, bytes])));
    try {
      for (const [name, bytes, text, offset] of files) {
        expect(bytes.length, name).toBe(offset);
        expect(await readText(join(folder, name), name), name).toBe(text);
        // A NUL character (two NUL bytes at an even offset) after the rows; for GBK two NUL bytes.
        await writeFile(join(folder, name), Buffer.concat([bytes, Buffer.alloc(8)]));
        const error = await errorOf(readText(join(folder, name), name));
        expect([error.code, error.message], name).toEqual(["E_BINARY", limitMessages.nulByte(name, 1002, offset)]);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("encodings and folders", () => {
  it("refuses a UTF-8 byte-order mark in front of GBK bytes instead of printing mojibake", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode("代码,名称,权重\nA,研发,1\n", "gbk")]);
    expect(() => decodeText(bytes, "tree.csv")).toThrow(limitMessages.bomNotUtf8("tree.csv", "GBK"));
    expect(limitMessages.bomNotUtf8("tree.csv", "GBK")).toBe(
      "tree.csv: the file starts with a UTF-8 byte-order mark but is not UTF-8; it looks like GBK: save it again as UTF-8 or remove the mark",
    );
    // Told it is GBK, the reader drops the mark and reads the text.
    expect(decodeText(bytes, "tree.csv", "gbk")).toBe("代码,名称,权重\nA,研发,1\n");
  });

  it("says a values folder holds no values files, naming the folder and what it holds", async () => {
    const error = await errorOf(readValueFiles(join(dir, "empty"), "empty/"));
    expect(error.code).toBe("E_EMPTY_FOLDER");
    expect(error.message).toBe(limitMessages.emptyValuesFolder("empty", ["archive/", "notes.txt", "old.docx"]));
    expect(error.message).toBe(
      `empty: the values folder holds no .csv, .tsv or .xlsx file, nor a .txt file saved from Excel (it holds "archive/", "notes.txt", "old.docx"); expected values files such as 2021.csv or values.xlsx`,
    );
  });

  it("refuses a values folder holding spreadsheets it cannot read, naming each, instead of leaving them out of the run", async () => {
    // Before, 2020.xls (a year's values as a data provider sent them) was passed over: the run computed 2019 only and
    // a nightly --if-changed found nothing new.
    const error = await errorOf(readValueFiles(join(dir, "sheets"), "sheets/"));
    expect(error.code).toBe("E_SPREADSHEET_FORMAT");
    expect(error.message).toBe(
      `sheets: the values folder holds 3 spreadsheets the tool cannot read ("2020.xls", "2021 draft.ods", "2021.et"), which would be left out of the run; expected .xlsx or CSV files (in Excel or WPS: Save As, "Excel Workbook (.xlsx)"), or such files moved out of the folder`,
    );
  });

  it("formatBytes writes sizes in powers of 1024", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(310 * 1024 ** 2), formatBytes(4 * 1024 ** 3)]).toEqual(["512 bytes", "1.5 KB", "310 MB", "4 GB"]);
  });
});
