/**
 * Runs written with `--parquet-only`: their `index.json` holds everything but `results`, and names in `resultsIn` the
 * Parquet files that hold the values; read back (`readRun`, `compareRunFolders`), they give the values of the same run's
 * `index.json` written the usual way, which is read by `JSON.parse` (an independent path), in the same order. Files
 * that are missing or not what compute writes are refused, naming the file.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { computeIndex, type IndexResult } from "../../../src/core/compute.js";
import { compareRunValues } from "../../../src/core/revision.js";
import { outputMessages } from "../../../src/core/output-messages.js";
import { InputError } from "../../../src/errors.js";
import { openDuckdb, sqlString } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { parseIndexJsonOutputs, parseIndexJsonValues, readRun } from "../../../src/io/runs/run-files.js";
import { readParquetResults } from "../../../src/io/runs/run-parquet.js";
import { compareRunFolders } from "../../../src/io/runs/run-values.js";
import { formatIndexJson, formatIndexJsonWithoutResults, PARQUET_RESULT_FILES } from "../../../src/io/write/to-json.js";
import { formatParquetFiles } from "../../../src/io/write/to-parquet.js";
import { makeTempDir } from "../../helpers.js";

const ASEM = fileURLToPath(new URL("../../fixtures/asem/", import.meta.url));
let result: IndexResult;
let parquetFiles: Record<string, Uint8Array>;

beforeAll(async () => {
  // ASEM's values have gaps: reweighting leaves some scores missing, which the Parquet files hold as NULL.
  const { tree, panel } = await loadInputs(join(ASEM, "tree-scaling.csv"), join(ASEM, "values.csv"));
  result = computeIndex(tree, panel, { normalize: "min-max", missing: "reweight", unfilled: "reweight" });
  parquetFiles = await formatParquetFiles(result);
});

/** A folder as compute writes it: index.json with `results`, or (`parquet`) index.json naming the Parquet files. */
async function runFolder(parquet: boolean): Promise<string> {
  return parquet
    ? makeTempDir({ "index.json": formatIndexJsonWithoutResults(result), "index.parquet": parquetFiles["index.parquet"], "scores.parquet": parquetFiles["scores.parquet"] })
    : makeTempDir({ "index.json": formatIndexJson(result) });
}

/** Writes the rows of `select` (a DuckDB query) as the Parquet file `path`. */
async function writeParquet(path: string, select: string): Promise<void> {
  const session = await openDuckdb();
  try {
    await session.connection.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    session.close();
  }
}

/** The error `promise` rejects with. */
async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("runs written with --parquet-only", () => {
  it("index.json holds everything of the usual one but results, in its place resultsIn, and no value", () => {
    const usual = JSON.parse(formatIndexJson(result));
    const text = formatIndexJsonWithoutResults(result);
    const parquet = JSON.parse(text);
    expect(PARQUET_RESULT_FILES).toEqual(["index.parquet", "scores.parquet"]);
    expect(parquet.resultsIn).toEqual(["index.parquet", "scores.parquet"]);
    expect("results" in parquet).toBe(false);
    // The same keys in the same order, resultsIn where results was; the same content otherwise.
    expect(Object.keys(parquet)).toEqual(Object.keys(usual).map((key) => (key === "results" ? "resultsIn" : key)));
    const { results, ...rest } = usual;
    const { resultsIn, ...parquetRest } = parquet;
    expect(parquetRest).toEqual(rest);
    expect(results.length).toBe(result.units.length * result.years.length);
    expect(resultsIn.length).toBe(2);
    // The text is the usual text but for the results array (two-space layout, trailing newline).
    const [before] = formatIndexJson(result).split('  "results": [');
    expect(text.startsWith(before + '  "resultsIn": [\n    "index.parquet",\n    "scores.parquet"\n  ],\n')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("readRun reads the Parquet files into the values (and their order) of the usual index.json, missing ones as NaN", async () => {
    const [usual, parquet] = [await readRun(await runFolder(false), "a"), await readRun(await runFolder(true), "b")];
    // The usual index.json read by JSON.parse: every node of every unit and year, missing as NaN.
    expect(usual.outputs.length).toBe(result.units.length * result.years.length * result.nodes.length);
    expect(usual.outputs.some((value) => Number.isNaN(value.value))).toBe(true);
    expect(parquet.outputs).toEqual(usual.outputs);
  });

  it("compareRunFolders: no revision between the usual and the Parquet run, and exactly the values changed", async () => {
    const [usual, parquet] = [await runFolder(false), await runFolder(true)];
    expect((await compareRunFolders({ folder: usual, label: "a" }, { folder: parquet, label: "b" }, "both")).revisions).toEqual([]);
    expect((await compareRunFolders({ folder: parquet, label: "b" }, { folder: usual, label: "a" }, "both")).revisions).toEqual([]);
    // Against a run without values, every value is added, in the order of the usual index.json read as objects.
    const empty = await makeTempDir({ "index.json": '{ "results": [] }\n' });
    const added = compareRunValues("output", [], (await readRun(usual, "a")).outputs);
    expect(added.length).toBeGreaterThan(100);
    expect((await compareRunFolders({ folder: empty, label: "e" }, { folder: parquet, label: "b" }, "both")).revisions).toEqual(added);
    // Two values of scores.parquet changed by hand: the first score that is there (+1), and a missing score given
    // (0.25); the revisions name exactly those, with the values of the usual index.json (read by JSON.parse).
    const isIndicator = (code: string) => result.nodes.some((node) => node.code === code && node.kind === "indicator");
    const outputs = (await readRun(usual, "a")).outputs;
    const target = outputs.find((value) => isIndicator(value.code) && !Number.isNaN(value.value))!;
    const gap = outputs.find((value) => isIndicator(value.code) && Number.isNaN(value.value))!;
    const { unit, year, value: old } = target;
    const indicator = { code: target.code };
    const changed = await runFolder(true);
    const source = join(changed, "original.parquet");
    await writeFile(source, parquetFiles["scores.parquet"]);
    await writeParquet(
      join(changed, "scores.parquet"),
      `SELECT unit, year, code, name, level,
         CASE WHEN unit = ${sqlString(unit)} AND year = ${year} AND code = ${sqlString(indicator.code)} THEN value + 1
              WHEN unit = ${sqlString(gap.unit)} AND year = ${gap.year} AND code = ${sqlString(gap.code)} THEN 0.25
              ELSE value END AS value
       FROM read_parquet(${sqlString(source)})`,
    );
    await rm(source);
    const { revisions } = await compareRunFolders({ folder: usual, label: "a" }, { folder: changed, label: "c" }, "both");
    const cellOrder = (unitName: string, yearValue: number) => result.units.indexOf(unitName) * result.years.length + result.years.indexOf(yearValue);
    // No change in percent: the run is min-max, a scale with no natural zero (ratioScale; revision-scale.test.ts).
    const expected = [
      { kind: "output", status: "changed", unit, year, code: indicator.code, before: old, after: old + 1, change: old + 1 - old, changePercent: Number.NaN },
      { kind: "output", status: "added", unit: gap.unit, year: gap.year, code: gap.code, before: Number.NaN, after: 0.25, change: Number.NaN, changePercent: Number.NaN },
    ];
    // In the order of index.json's results: unit, then year (both cells' positions known).
    if (cellOrder(gap.unit, gap.year) < cellOrder(unit, year)) expected.reverse();
    expect(revisions).toEqual(expected);
  });

  it("reads -0 as 0 and NULL as missing, as index.json writes them", async () => {
    const folder = await runFolder(true);
    const [unit, year] = [result.units[1], result.years[1]];
    const codes = result.nodes.filter((node) => node.kind !== "indicator").map((node) => node.code);
    await writeParquet(
      join(folder, "index.parquet"),
      `SELECT ${sqlString(unit)} AS unit, ${year}::INTEGER AS year, ${sqlString(codes[0])} AS code, '' AS name, 0 AS level, '-0.0'::DOUBLE AS value
       UNION ALL SELECT ${sqlString(unit)}, ${year}, ${sqlString(codes[1])}, '', 1, NULL::DOUBLE`,
    );
    const outputs = (await readRun(folder, "p")).outputs;
    const zero = outputs.find((value) => value.unit === unit && value.year === year && value.code === codes[0])!;
    expect(Object.is(zero.value, 0)).toBe(true);
    expect(outputs.find((value) => value.unit === unit && value.year === year && value.code === codes[1])!.value).toBeNaN();
  });

  it("refuses a missing, unreadable or foreign Parquet file, naming it (E_RUN_FILE)", async () => {
    const missing = await runFolder(true);
    await rm(join(missing, "scores.parquet"));
    for (const read of [() => readRun(missing, "runs/b"), () => compareRunFolders({ folder: missing, label: "runs/b" }, { folder: missing, label: "runs/b" }, "both")]) {
      const error = await errorOf(read());
      expect(error.code).toBe("E_RUN_FILE");
      expect(error.message).toBe(outputMessages.resultsFileMissing("runs/b/scores.parquet"));
      expect(error.source).toBe("runs/b/scores.parquet");
    }

    const garbage = await runFolder(true);
    await writeFile(join(garbage, "index.parquet"), "unit,year\n");
    const unreadable = await errorOf(readRun(garbage, "g"));
    expect(unreadable.code).toBe("E_RUN_FILE");
    expect(unreadable.message.startsWith(`${outputMessages.resultsFileUnreadable("g/index.parquet", "")}`.split(" (")[0] + " (")).toBe(true);

    const columns = await runFolder(true);
    await writeParquet(join(columns, "index.parquet"), `SELECT 'U' AS unit, 2020 AS year, 1.5 AS score`);
    const wrongColumns = await errorOf(readRun(columns, "w"));
    expect(wrongColumns.message).toBe(outputMessages.resultsFileColumns("w/index.parquet", "unit (VARCHAR), year (INTEGER), score (DECIMAL(2,1))"));

    // A unit that index.json does not list.
    const foreign = await runFolder(true);
    await writeParquet(join(foreign, "index.parquet"), `SELECT 'Atlantis' AS unit, ${result.years[0]}::INTEGER AS year, 'INDEX' AS code, '' AS name, 0 AS level, 1.0::DOUBLE AS value`);
    expect((await errorOf(readRun(foreign, "f"))).message).toBe(outputMessages.resultsFileUnknownCell("f/index.parquet", "Atlantis", result.years[0], "INDEX"));

    // A value given twice: INDEX of the first unit and year, in both files.
    const twice = await runFolder(true);
    await writeParquet(
      join(twice, "scores.parquet"),
      `SELECT ${sqlString(result.units[0])} AS unit, ${result.years[0]}::INTEGER AS year, 'INDEX' AS code, '' AS name, 0 AS level, 1.0::DOUBLE AS value`,
    );
    expect((await errorOf(readRun(twice, "t"))).message).toBe(outputMessages.resultsFileDuplicate("t/scores.parquet", result.units[0], result.years[0], "INDEX"));

    // resultsIn naming a file outside the run folder.
    const outside = await runFolder(true);
    await writeFile(join(outside, "index.json"), formatIndexJsonWithoutResults(result, ["../index.parquet"]));
    expect((await errorOf(readRun(outside, "o"))).message).toBe(outputMessages.resultsInInvalid("o/index.json", '["../index.parquet"]'));
    // The values alone cannot be parsed from such an index.json: they are elsewhere.
    const parquetOnly = formatIndexJsonWithoutResults(result);
    expect(() => parseIndexJsonValues(parquetOnly, "x/index.json")).toThrow(/x\/index\.json: the results are in index\.parquet, scores\.parquet, not in index\.json/);
  });

  it("refuses an index.json whose lists make more values than a panel may hold and than its files have rows, before making the array", async () => {
    // ASEM: 51 units, 5 years (2018 to 2022), 16 nodes (12 indicators, 3 groups, INDEX): compute wrote a row for each
    // of the 51 · 5 · 16 = 4,080 values, 1,020 in index.parquet (4 nodes) and 3,060 in scores.parquet (12).
    expect([result.units.length, result.years.length, result.nodes.length]).toEqual([51, 5, 16]);
    // A hand-edited index.json of 1,000 years (995 made up) and 16,778 units (16,727 made up), the fewest whose values
    // pass 2^28 = 268,435,456 (16,777 · 1,000 · 16 = 268,432,000; 16,778 · 1,000 · 16 = 268,448,000). Read as it was,
    // the array of 2 GB (and a byte a value besides) was made before anything was checked.
    const json = JSON.parse(formatIndexJsonWithoutResults(result));
    json.years = [...result.years, ...Array.from({ length: 995 }, (_, i) => 3000 + i)];
    json.units = [...result.units, ...Array.from({ length: 16_727 }, (_, i) => `made-up unit ${i}`)];
    const folder = await runFolder(true);
    const outputs = parseIndexJsonOutputs(JSON.stringify(json), "r/index.json");
    if (outputs.kind !== "parquet") throw new Error("expected the results in Parquet files");
    const error = await errorOf(readParquetResults(folder, "r", outputs.results));
    expect([error.code, error.source]).toEqual(["E_RUN_FILE", "r/index.json"]);
    expect(error.message).toBe(
      'r/index.json: its lists make 16,778 units × 1,000 years × 16 nodes = 268,448,000 values, more than the 4,080 rows of the Parquet files of "resultsIn" and more than the 268,435,456 cells a panel may hold; expected the index.json that compute --parquet-only wrote beside those files',
    );
    // With no file in "resultsIn", the files have no row.
    const none = await errorOf(readParquetResults(folder, "r", { ...outputs.results, files: [] }));
    expect(none.message).toBe(outputMessages.resultsTooManyValues("r/index.json", 16_778, 1000, 16, 0, 2 ** 28));
    // Within the panel limit the files are read as they are: the run's own lists give its 4,080 values.
    const own = parseIndexJsonOutputs(formatIndexJsonWithoutResults(result), "r/index.json");
    if (own.kind !== "parquet") throw new Error("expected the results in Parquet files");
    expect((await readParquetResults(folder, "r", own.results)).length).toBe(4080);
  });
});
