/**
 * Parquet out: `index.parquet`, `scores.parquet` and `growth.parquet` hold the rows of the tables `index.csv`,
 * `scores.csv` and `growth.csv` are made from (the same order and columns), with every value unrounded, read back
 * by DuckDB and compared exactly; the bytes are the same on every run; and values that go through Parquet (values
 * file in, results out) give the same files as the CSV way.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeResult } from "../../../src/core/analysis/analyze.js";
import { computeIndex, type IndexResult } from "../../../src/core/compute.js";
import { openDuckdb, sqlString } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { createPanel } from "../../../src/core/panel.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { growthTable } from "../../../src/io/write/analysis-tables.js";
import { indexTable, scoresTable } from "../../../src/io/write/tables.js";
import { formatParquetFiles } from "../../../src/io/write/to-parquet.js";
import { listDir, makeTempDir, runCli } from "../../helpers.js";

const ASEM = fileURLToPath(new URL("../../fixtures/asem/", import.meta.url));
let dir: string;
let result: IndexResult;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  dir = await makeTempDir();
  // ASEM's values have gaps: reweighting leaves some scores missing (NaN), which Parquet must hold as NULL.
  const { tree, panel } = await loadInputs(join(ASEM, "tree-scaling.csv"), join(ASEM, "values.csv"));
  result = computeIndex(tree, panel, { normalize: "min-max", missing: "reweight", unfilled: "reweight" });
  files = await formatParquetFiles(result, analyzeResult(result));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The rows of a Parquet file, read by DuckDB; NULL as NaN. */
async function parquetRows(bytes: Uint8Array, name: string): Promise<{ columns: string[]; rows: (string | number)[][] }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const session = await openDuckdb();
  try {
    const reader = await session.connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
    return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map((cell) => (cell === null ? Number.NaN : (cell as string | number)))) };
  } finally {
    session.close();
  }
}


describe("formatParquetFiles", () => {
  it.each([
    ["index.parquet", () => indexTable(result)],
    ["scores.parquet", () => scoresTable(result)],
    ["growth.parquet", () => growthTable(result, analyzeResult(result))],
  ])("%s holds the table's rows in order, values unrounded (NULL for a missing one)", async (name, table) => {
    const expected = table();
    const { columns, rows } = await parquetRows(files[name], name);
    expect(columns).toEqual(expected.columns.map((column) => column.name));
    // toEqual compares numbers with Object.is: every value is the same double, and NaN where it is missing.
    expect(rows).toEqual(expected.rows);
    // The gaps of the data are missing scores, so the comparison covers NULL cells too.
    if (name === "scores.parquet") expect(rows.some((row) => Number.isNaN(row[5]))).toBe(true);
  });

  it("gives the same bytes every time", async () => {
    const again = await formatParquetFiles(result, analyzeResult(result));
    for (const name of Object.keys(files)) expect(Buffer.from(again[name]).equals(Buffer.from(files[name]))).toBe(true);
  });
});

describe("formatParquetFiles on a result of many rows", () => {
  // 400 units × 7 years × 4 nodes: growth.parquet has 400 · 4 · 6 = 9,600 rows, so its series of 6 rows cross the
  // chunks of 2,048 rows the values go in by, and scores.parquet has 400 · 7 · 2 = 5,600. Values are made to give every
  // growth case: a series starting at 0 or below (no percent change, no CAGR) and gaps (NaN).
  const tree = parseTreeCsv("code,parent,name,weight,direction\nT,,total,1,\nG,T,group,1,\nA,G,a,0.5,+\nB,G,b,0.5,+\n", "tree.csv");
  const units = Array.from({ length: 400 }, (_, u) => `U${u}`);
  const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
  const panel = createPanel(units, years, tree.indicators);
  panel.values.forEach((_, cell) => {
    panel.values[cell] = cell % 97 === 5 ? Number.NaN : ((cell * 7919) % 1000) - 100;
  });
  let large: IndexResult;
  let largeFiles: Record<string, Uint8Array>;
  beforeAll(async () => {
    large = computeIndex(tree, panel, { normalize: "min-max", missing: "reweight", unfilled: "reweight" });
    largeFiles = await formatParquetFiles(large);
  });

  it.each([
    ["index.parquet", () => indexTable(large)],
    ["scores.parquet", () => scoresTable(large)],
    ["growth.parquet", () => growthTable(large, analyzeResult(large))],
  ])("%s holds the table's rows in order (compared with the table built from the result and its analysis)", async (name, table) => {
    const expected = table();
    expect(expected.rows.length).toBeGreaterThan(2048);
    const { rows } = await parquetRows(largeFiles[name], `large-${name}`);
    expect(rows).toEqual(expected.rows);
    if (name === "growth.parquet") {
      // Both kinds of missing growth figures are in the file: a NaN value, and every percentage (min-max has no natural
      // zero: the terminal gives its change in points, and growth.parquet the change only), beside changes in points.
      expect(rows.some((row) => Number.isNaN(row[5]))).toBe(true);
      expect(rows.some((row) => Number.isFinite(row[6] as number))).toBe(true);
      expect(rows.every((row) => Number.isNaN(row[7]) && Number.isNaN(row[9]))).toBe(true);
    }
  });

  it("gives the same bytes every time", async () => {
    const again = await formatParquetFiles(large);
    for (const name of Object.keys(largeFiles)) expect(Buffer.from(again[name]).equals(Buffer.from(largeFiles[name])), name).toBe(true);
  });
});

describe("compute --parquet", () => {
  it("values in Parquet and results out in Parquet give the files of the CSV way, byte for byte", async () => {
    const csv = join(ASEM, "values.csv");
    const parquet = join(dir, "values.parquet");
    const session = await openDuckdb();
    await session.connection.run(`COPY (SELECT * FROM read_csv(${sqlString(csv)})) TO ${sqlString(parquet)} (FORMAT parquet)`);
    session.close();
    const flags = ["-i", join(ASEM, "tree-scaling.csv"), "--normalise", "min-max", "--missing", "reweight", "--unfilled", "reweight", "--parquet", "-q"];
    expect((await runCli(["compute", ...flags, "-d", csv, "--out", join(dir, "from-csv")], dir)).code).toBe(0);
    expect((await runCli(["compute", ...flags, "-d", parquet, "--out", join(dir, "from-parquet")], dir)).code).toBe(0);
    const written = await listDir(join(dir, "from-csv"));
    expect(written).toEqual(expect.arrayContaining(["index.parquet", "scores.parquet", "growth.parquet", "index.csv"]));
    expect(await listDir(join(dir, "from-parquet"))).toEqual(written);
    // index.json's warnings name where each was found: the values file read (and its line, in a CSV file). ASEM has
    // two jumps (W_VALUE_JUMP: BRN's Renew 0.0149 to 2.19, LAO's TBTs 1 to 57.6), found alike in both.
    const json = async (folder: string) => JSON.parse(await readFile(join(dir, folder, "index.json"), "utf8")) as { warnings: { code: string; source?: string; line?: number; column?: string }[] };
    const [fromCsv, fromParquet] = await Promise.all([json("from-csv"), json("from-parquet")]);
    expect(fromCsv.warnings.filter(({ code }) => code === "W_VALUE_JUMP").map(({ source }) => source)).toEqual([csv, csv]);
    expect(fromParquet.warnings.filter(({ code }) => code === "W_VALUE_JUMP").map(({ source }) => source)).toEqual([parquet, parquet]);
    const placeless = (result: Awaited<ReturnType<typeof json>>) => ({ ...result, warnings: result.warnings.map(({ source: _source, line: _line, column: _column, ...warning }) => warning) });
    expect(placeless(fromParquet)).toEqual(placeless(fromCsv));
    for (const name of written.filter((name) => name !== "index.json"))
      expect((await readFile(join(dir, "from-parquet", name))).equals(await readFile(join(dir, "from-csv", name))), name).toBe(true);
  });

  it("--parquet-only writes index, scores and growth as Parquet without their CSV files", async () => {
    const run = await runCli(["compute", "--out", join(dir, "only"), "--parquet-only", "-q"], fileURLToPath(new URL("../../..", import.meta.url)));
    expect(run.code).toBe(0);
    const written = await listDir(join(dir, "only"));
    expect(written).toEqual(expect.arrayContaining(["index.parquet", "scores.parquet", "growth.parquet", "index-wide.csv", "index.json"]));
    expect(written).not.toContain("index.csv");
    expect(written).not.toContain("scores.csv");
    expect(written).not.toContain("growth.csv");
  });
});

describe("formatParquetFiles: the text columns", () => {
  // The texts go to DuckDB as positions in an ENUM of their distinct values, held in 1, 2 or 4 bytes by the ENUM's
  // size: 65,600 units need 4 bytes (more than 65,535), and a unit named "" (a single-unit file) and two nodes of one
  // name (an ENUM's values must differ) are kept as they are.
  it("holds every unit of a panel of more than 65,535 units, an empty unit name and repeated node names", async () => {
    const tree = parseTreeCsv("code,parent,name,weight,direction\nT,,same,1,\nA,T,same,1,+\n", "tree.csv");
    const units = ["", ...Array.from({ length: 65_599 }, (_, u) => `U${u}`)];
    const panel = createPanel(units, [2020, 2021], tree.indicators);
    panel.values.forEach((_, cell) => (panel.values[cell] = 1 + (cell % 13)));
    const wide = computeIndex(tree, panel, { normalize: "min-max" });
    const written = await formatParquetFiles(wide);
    for (const [name, table] of [
      ["index.parquet", indexTable(wide)],
      ["scores.parquet", scoresTable(wide)],
    ] as const) {
      const { rows } = await parquetRows(written[name], `wide-${name}`);
      expect(new Set(rows.map((row) => row[0])).size).toBe(65_600);
      // The table built from the result (the CSV way) is the independent reference for every cell.
      expect(rows).toEqual(table.rows);
    }
  });
});
