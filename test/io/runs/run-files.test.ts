/**
 * `input-values.csv` written in chunks: the same text as csv-stringify makes of the rows listed cell by cell; input
 * files hashed as streams.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import type { Panel } from "../../../src/core/panel.js";
import { digestFiles, parseInputValuesCsv } from "../../../src/io/runs/run-files.js";
import { inputValuesJob, jobChunks } from "../../../src/io/write/file-jobs.js";
import { makeTempDir, textOf } from "../../helpers.js";

describe("input-values.csv", () => {
  it("inputValuesJob writes csv-stringify's text of every cell, unrounded, a missing value empty", () => {
    const units = ["U1", 'Unit "2", east', "U3"];
    const years = [2017, 2018];
    const indicators = ["a", "b,c", "d"];
    // Every cell distinct; two missing.
    const cell = (u: number, y: number, i: number) => (u === 1 && y === 0 && i === 2) || (u === 2 && y === 1 && i === 0) ? Number.NaN : u * 100 + y * 10 + i + 0.125 * (i + 1);
    const values = new Float64Array(units.length * years.length * indicators.length);
    // The panel layout: indicator-major, then unit, then year.
    units.forEach((_, u) => years.forEach((_, y) => indicators.forEach((_, i) => (values[(i * units.length + u) * years.length + y] = cell(u, y, i)))));
    const panel: Panel = { units, years, indicators, values };

    const rows: string[][] = [["unit", "year", "indicator", "value"]];
    units.forEach((unit, u) => years.forEach((year, y) => indicators.forEach((indicator, i) => rows.push([unit, String(year), indicator, Number.isNaN(cell(u, y, i)) ? "" : String(cell(u, y, i))]))));
    const text = textOf(jobChunks(inputValuesJob(panel)));
    // After a UTF-8 byte order mark, as every CSV file the tool writes into a folder.
    expect(text).toBe("\uFEFF" + stringify(rows, { record_delimiter: "\n" }));
    expect(text).toContain('"Unit ""2"", east",2017,"b,c",101.25\n');

    // Read back: every value, the missing ones NaN.
    const parsed = parseInputValuesCsv(text, "input-values.csv");
    expect(parsed).toHaveLength(18);
    expect(parsed[5]).toEqual({ unit: "U1", year: 2018, code: "d", value: 12.375 });
    expect(parsed[8].value).toBeNaN(); // Unit "2", 2017, d
  });
});

describe("digestFiles", () => {
  it("hashes each file as a stream: the FIPS 180-2 value of \"abc\", and a file of many stream chunks as hashed whole", async () => {
    const large = Buffer.alloc(300_000);
    for (let i = 0; i < large.length; i++) large[i] = (i * 31 + 7) % 251;
    const dir = await makeTempDir({ "abc.txt": "abc", "large.bin": large, "empty.csv": "" });
    const digests = await digestFiles(["abc.txt", "large.bin", "empty.csv"].map((name) => ({ role: "values", path: join(dir, name), label: `data/${name}` })));
    expect(digests).toEqual([
      { role: "values", path: "data/abc.txt", bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
      { role: "values", path: "data/large.bin", bytes: 300_000, sha256: createHash("sha256").update(large).digest("hex") },
      { role: "values", path: "data/empty.csv", bytes: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    ]);
  });

  it("names a missing file or a folder as an input error", async () => {
    const dir = await makeTempDir({ "sub/a.csv": "x" });
    await expect(digestFiles([{ role: "values", path: join(dir, "missing.csv"), label: "data/missing.csv" }])).rejects.toMatchObject({
      code: "E_READ",
      message: "data/missing.csv: no such file; expected a readable file",
    });
    await expect(digestFiles([{ role: "indicators", path: join(dir, "sub"), label: "sub" }])).rejects.toMatchObject({
      code: "E_READ",
      message: "sub: is a folder, not a file; expected a readable file",
    });
  });

  it.skipIf(process.platform === "win32")("refuses a named pipe (FIFO) before opening it, which would wait without end", { timeout: 10_000 }, async () => {
    const dir = await makeTempDir({ "tree.csv": "code\n" });
    const fifo = join(dir, "values.csv");
    execFileSync("mkfifo", [fifo]);
    // Should the pipe be opened anyway (the check failing), this writer, waiting in another process for a reader, opens
    // and closes it: the read (a synchronous one, which no timer of this process could end) ends on an empty file, so
    // that the test fails rather than hangs. Refused as it should be, the pipe is never opened, and the writer is ended.
    const writer = spawn("sh", ["-c", ': > "$1"', "sh", fifo], { stdio: "ignore" });
    try {
      const files = [
        { role: "indicators", path: join(dir, "tree.csv"), label: "tree.csv" },
        { role: "values", path: fifo, label: "data/values.csv" },
      ];
      await expect(digestFiles(files)).rejects.toMatchObject({
        code: "E_READ",
        source: "data/values.csv",
        message:
          "data/values.csv: the input file is a named pipe (FIFO); expected a regular file (a project run hashes each input file before it reads it: a pipe would be emptied by the hash, or wait on it without end)",
      });
    } finally {
      writer.kill();
    }
    // The regular file beside it is hashed as before (SHA-256 of the 5 bytes "code\n").
    expect(await digestFiles([{ role: "indicators", path: join(dir, "tree.csv"), label: "tree.csv" }])).toEqual([
      { role: "indicators", path: "tree.csv", bytes: 5, sha256: createHash("sha256").update("code\n").digest("hex") },
    ]);
  });
});
