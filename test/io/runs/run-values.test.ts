/**
 * Run values read from bytes into typed tables: the same revisions as the values read as objects
 * (`parseIndexJsonValues`, `parseInputValuesCsv`) compared by `compareRunValues`, for files as compute writes them
 * (read by the byte readers) and for files they leave to the general readers.
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { compareRunTables, RunValueIndex } from "../../../src/core/revision-table.js";
import { compareRunValues, type RunValue } from "../../../src/core/revision.js";
import { csvField } from "../../../src/io/csv.js";
import { parseIndexJsonValues, parseInputValuesCsv } from "../../../src/io/runs/run-files.js";
import {
  compareRunFolders,
  readHashed,
  readIndexJsonFast,
  readIndexJsonValues,
  readInputValues,
  readInputValuesFast,
  RunChangedError,
} from "../../../src/io/runs/run-values.js";
import { makeTempDir } from "../../helpers.js";

type Read = typeof readIndexJsonValues;

/** Revisions of two files read into tables, and of the same files read as objects. */
function bothWays(read: Read, parse: (text: string, source: string) => RunValue[], before: string, after: string) {
  const index = new RunValueIndex();
  const [old, current] = [index.table(), index.table()];
  read(Buffer.from(before), "a", old);
  read(Buffer.from(after), "b", current);
  return { tables: compareRunTables("output", old, current), objects: compareRunValues("output", parse(before, "a"), parse(after, "b")) };
}

const unitArbitrary = fc.constantFrom("", "U1", "U2", "常州", 'Unit "2", east');
const codeArbitrary = fc.constantFrom("INDEX", "D1", "I1", "I2", "创新");
const valueArbitrary = fc.oneof(fc.constantFrom(0, -0, 1, 2.5, 1e21, 123456789012345680, Number.NaN), fc.double({ noNaN: true }));

/** An index.json in the layout compute writes (JSON.stringify with two spaces), its results random. */
const indexJsonArbitrary = fc
  .array(fc.record({ unit: unitArbitrary, year: fc.integer({ min: 2017, max: 2019 }), values: fc.dictionary(codeArbitrary, valueArbitrary) }), { maxLength: 12 })
  .map((results) =>
    JSON.stringify(
      {
        baseYear: 2017,
        units: ["U1"],
        results: results.map(({ unit, year, values }) => ({ unit, year, values: Object.fromEntries(Object.entries(values).map(([code, v]) => [code, Number.isNaN(v) ? null : v])) })),
        warnings: [{ code: "W", message: 'a "quoted" \\ text' }],
        imputations: [],
      },
      null,
      2,
    ),
  );

/** An input-values.csv as compute writes it (units and codes quoted when needed, a missing value empty). */
const inputValuesArbitrary = fc
  .array(fc.record({ unit: unitArbitrary, year: fc.integer({ min: 2017, max: 2019 }), code: codeArbitrary, value: valueArbitrary }), { maxLength: 40 })
  .map((rows) => "unit,year,indicator,value\n" + rows.map(({ unit, year, code, value }) => `${csvField(unit)},${year},${csvField(code)},${Number.isNaN(value) ? "" : String(value)}\n`).join(""));

describe("reading run values into tables", () => {
  it("index.json: the same revisions as the values read by JSON.parse, on random pairs of runs", () => {
    fc.assert(
      fc.property(indexJsonArbitrary, indexJsonArbitrary, (before, after) => {
        const { tables, objects } = bothWays(readIndexJsonValues, parseIndexJsonValues, before, after);
        expect(tables).toEqual(objects);
        // JSON.stringify's layout is read by the byte reader, never the general way.
        expect(readIndexJsonFast(Buffer.from(before), new RunValueIndex().table())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("input-values.csv: the same revisions as the values read by parseCsv, on random pairs of runs", () => {
    fc.assert(
      fc.property(inputValuesArbitrary, inputValuesArbitrary, (before, after) => {
        const { tables, objects } = bothWays(readInputValues, parseInputValuesCsv, before, after);
        expect(tables).toEqual(objects);
        // compute's layout (units and codes quoted when they hold a comma or a quote) is read by the byte reader.
        expect(readInputValuesFast(Buffer.from(before), new RunValueIndex().table())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves what JSON.parse reads its own way to the general reader, with the same values", () => {
    const entry = (values: string) => `{"results": [{"unit": "U1", "year": 2018, "values": {${values}}}]}`;
    const cases = [
      entry(`"b": 1, "1": 2, "0": 3`), // Object.entries lists array indexes first: 0, 1, then b
      entry(`"a": 1, "a": 2`), // a key twice: the last value, in the first place
      entry(`"\\u0041": 5`), // an escape in a key: "A"
      `\ufeff${entry(`"a": 1`)}`, // a byte order mark, refused
      `{"results": [], "results": [{"unit": "U1", "year": 2018, "values": {"a": 7}}]}`, // the last results
    ];
    for (const text of cases) {
      expect(readIndexJsonFast(Buffer.from(text), new RunValueIndex().table())).toBe(false);
      let objects: RunValue[] | Error;
      try {
        objects = parseIndexJsonValues(text, "x/index.json");
      } catch (error) {
        objects = error as Error;
      }
      const table = new RunValueIndex().table();
      if (objects instanceof Error) {
        expect(() => readIndexJsonValues(Buffer.from(text), "x/index.json", table)).toThrow(objects.message);
        continue;
      }
      readIndexJsonValues(Buffer.from(text), "x/index.json", table);
      expect(compareRunTables("output", table.index.table(), table)).toEqual(compareRunValues("output", [], objects));
    }
    // By hand: the order and values JSON.parse gives.
    const table = new RunValueIndex().table();
    readIndexJsonValues(Buffer.from(cases[0]), "x", table);
    expect(compareRunTables("output", table.index.table(), table).map((r) => [r.code, r.after])).toEqual([["0", 3], ["1", 2], ["b", 1]]);
  });

  it("an index.json that is not JSON, or has no results, is the general reader's error", () => {
    const table = new RunValueIndex().table();
    expect(() => readIndexJsonValues(Buffer.from(`{"results": [`), "r/index.json", table)).toThrow("r/index.json: not valid JSON; expected the index.json written by compute");
    expect(() => readIndexJsonValues(Buffer.from(`{"results": 1}`), "r/index.json", table)).toThrow('r/index.json: no "results"; expected the index.json written by compute');
    expect(() => readIndexJsonValues(Buffer.from(`{"results": [01]}`), "r/index.json", table)).toThrow("not valid JSON");
  });

  it("reads units and codes quoted as compute quotes them", () => {
    // By hand: "Korea, Republic of" and Unit "2" (doubled quotes) decoded; the code "b,c" too.
    const text = 'unit,year,indicator,value\n"Korea, Republic of",2018,"b,c",1.5\n"Unit ""2""",2018,a,\n"Unit ""2""",2019,a,2\n';
    const table = new RunValueIndex().table();
    expect(readInputValuesFast(Buffer.from(text), table)).toBe(true);
    expect(compareRunTables("input", table.index.table(), table).map((r) => [r.unit, r.year, r.code, r.after])).toEqual([
      ["Korea, Republic of", 2018, "b,c", 1.5],
      ['Unit "2"', 2019, "a", 2],
    ]);
  });

  it("reads input-values.csv after its UTF-8 byte order mark the fast way, as without it", () => {
    const text = "unit,year,indicator,value\nU1,2018,a,1.5\nU1,2019,a,\nU2,2018,b,-2\n";
    const plain = new RunValueIndex().table();
    const marked = new RunValueIndex().table();
    expect(readInputValuesFast(Buffer.from(text), plain)).toBe(true);
    expect(readInputValuesFast(Buffer.from("\uFEFF" + text), marked)).toBe(true);
    expect(marked).toEqual(plain);
    expect(plain).not.toEqual(new RunValueIndex().table()); // it holds the three values
  });

  it("leaves CSV that csv-parse reads its own way to the general reader, with the same values", () => {
    const cases = [
      "unit,year,indicator,value\r\nU1,2018,a,1\r\n", // CRLF
      "unit,year,indicator,value\n U1 ,2018,a, 2\n", // spaces trimmed
      'unit,year,indicator,value\nU1,"2018",a,3\n', // a quoted year
      'unit,year,indicator,value\nU1,2018,a,"3"\n', // a quoted value
      'unit,year,indicator,value\nU1,2018,a,3\nU1,2018,b,"3"\n', // a quoted value in a row of the same unit and year
      'unit,year,indicator,value\n"U1\nU2",2018,a,3\n', // a field over two lines
      'unit,year,indicator,value\n"U1" ,2018,a,3\n', // a space after the quotes
      'unit,year,indicator,value\nU"1",2018,a,3\n', // a quote inside a field
      'unit,year,indicator,value\n" U1",2018,a,3\n', // a space inside the quotes
      "unit,year,indicator,value\nU1,,a,4\n", // an empty year: Number("") is 0
      "unit,year,indicator,value\nU1,2018,a\n", // a short row: no value
      "unit;year;indicator;value\nU1;2018;a;5\n", // another delimiter
    ];
    for (const text of cases) {
      expect(readInputValuesFast(Buffer.from(text), new RunValueIndex().table())).toBe(false);
      let objects: RunValue[] | Error;
      try {
        objects = parseInputValuesCsv(text, "x");
      } catch (error) {
        objects = error as Error;
      }
      const table = new RunValueIndex().table();
      if (objects instanceof Error) {
        expect(() => readInputValues(Buffer.from(text), "x", table)).toThrow(objects.message);
        continue;
      }
      readInputValues(Buffer.from(text), "x", table);
      expect(compareRunTables("input", table.index.table(), table)).toEqual(compareRunValues("input", [], objects));
    }
    // By hand: " U1 " and " 2" are read as U1 and 2; an empty year as 0.
    const read = (text: string) => {
      const table = new RunValueIndex().table();
      readInputValues(Buffer.from(text), "x", table);
      return compareRunTables("input", table.index.table(), table).map((r) => [r.unit, r.year, r.code, r.after]);
    };
    expect(read("unit,year,indicator,value\n U1 ,2018,a, 2\n")).toEqual([["U1", 2018, "a", 2]]);
    expect(read("unit,year,indicator,value\nU1,,a,4\n")).toEqual([["U1", 0, "a", 4]]);
    expect(read('unit,year,indicator,value\nU1,"2018",a,"3"\n')).toEqual([["U1", 2018, "a", 3]]);
  });
});

describe("the files of a run checked against its manifest as they are read", () => {
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

  it("readHashed gives the bytes and the SHA-256 of the whole file, empty or of several chunks; undefined for no file", async () => {
    const large = new Uint8Array(2 * 16 * 2 ** 20 + 5).map((_, i) => (i * 7919) % 251);
    const dir = await makeTempDir({ empty: "", small: "unit,year\n中文,2017\n", large });
    for (const name of ["empty", "small", "large"]) {
      const read = (await readHashed(join(dir, name)))!;
      const bytes = await readFile(join(dir, name));
      expect(read.bytes.equals(bytes), name).toBe(true);
      expect(read.sha256, name).toBe(sha256(bytes));
    }
    expect(await readHashed(join(dir, "none"))).toBeUndefined();
  });

  it("compareRunFolders with the files a manifest lists: the same revisions while they match; RunChangedError naming the file when not", async () => {
    const json = (value: number) => JSON.stringify({ results: [{ unit: "U1", year: 2017, values: { INDEX: value } }] }, null, 2) + "\n";
    const inputs = "unit,year,indicator,value\nU1,2017,A,1\n";
    const [a, b] = [await makeTempDir({ "index.json": json(100), "input-values.csv": inputs }), await makeTempDir({ "index.json": json(101), "input-values.csv": inputs })];
    const entry = (path: string, text: string) => ({ path, bytes: Buffer.byteLength(text), sha256: sha256(Buffer.from(text)) });
    const listedA = [entry("index.json", json(100)), entry("input-values.csv", inputs)];
    const before = { folder: a, label: "runs/a", listed: listedA };
    const after = { folder: b, label: "runs/b" };
    const unchecked = await compareRunFolders({ folder: a, label: "runs/a" }, after, "both");
    expect(await compareRunFolders(before, after, "both")).toEqual(unchecked);
    expect(unchecked.revisions).toHaveLength(1);

    // index.json edited (same size): the run's own values are not the ones listed.
    await writeFile(join(a, "index.json"), json(900));
    const edited = compareRunFolders(before, after, "both");
    const found = { bytes: Buffer.byteLength(json(900)), sha256: sha256(Buffer.from(json(900))) };
    const problem = outputMessages.runFileNotAsListed("runs/a/index.json", { bytes: listedA[0].bytes, sha256: listedA[0].sha256 }, found);
    await expect(edited).rejects.toBeInstanceOf(RunChangedError);
    await expect(edited).rejects.toMatchObject({ code: "E_RUN_CHANGED", problem, message: outputMessages.diffRunChanged(problem, "runs/a"), source: "runs/a/index.json" });
    // A file the manifest does not list is not one the run wrote.
    await writeFile(join(a, "index.json"), json(100));
    const unlisted = compareRunFolders({ ...before, listed: [listedA[0]] }, after, "both");
    await expect(unlisted).rejects.toMatchObject({ problem: outputMessages.runFileNotAsListed("runs/a/input-values.csv") });
  });
});
