/**
 * The revisions between two runs give `change_percent` only where both runs' outputs are on a ratio scale
 * (`ratioScale` of the nodes their index.json records, the decision of growth.csv and the terminal table): a Copeland
 * or min-max output has its change in points only. Input values (as read) keep their percent.
 *
 * One indicator A1 under A (weight 1), three units, 2017–2019: u1 100, 110, 121; u2 50, 40, 60; u3 10, 12, 11 in the
 * earlier run, u3's 2019 value revised to 13 in the later one. Worked out by hand:
 * - fixed-base: u3's index 2019 is 100 · 11 / 10 = 110, then 100 · 13 / 10 = 130: +20 points, 20 / 110 = +18.18 %.
 * - Copeland (+1 per unit beaten over the fixed-base scores): 2019 before u1 121 > u2 120 > u3 110, so u3 −2; after
 *   u3 130 > u1 121 > u2 120, so u3 +2: +4 points, which 100 · 4 / |−2| called +200 %. u1 goes +2 → 0 (−2 points,
 *   "−100 %"), u2 0 → −2 (before 0: no percent either way).
 * - the input A1 of u3 2019: 11 → 13, +2, 100 · 2 / 11 = 18.18 % (kept on any scale: a value as read).
 */
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndex, type ComputeOptions } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { compareRunTables, RunValueIndex } from "../../../src/core/revision-table.js";
import { compareRunValues, revisionPercent } from "../../../src/core/revision.js";
import { compareRuns } from "../../../src/cli/commands/diff.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { formatRevisionsCsv } from "../../../src/io/runs/revision-csv.js";
import { nodesRatioScale, readRun } from "../../../src/io/runs/run-files.js";
import { compareRunFolders, indexJsonRatioScale, readRunOutputValues } from "../../../src/io/runs/run-values.js";
import { formatIndexJson, formatIndexJsonWithoutResults } from "../../../src/io/write/to-json.js";
import { makeTempDir } from "../../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
const BEFORE: Record<string, number[]> = { u1: [100, 110, 121], u2: [50, 40, 60], u3: [10, 12, 11] };
const AFTER: Record<string, number[]> = { ...BEFORE, u3: [10, 12, 13] };

function result(values: Record<string, number[]>, options: ComputeOptions) {
  const tree = parseTreeCsv(TREE, "tree.csv");
  const records = Object.entries(values).flatMap(([unit, series]) => series.map((value, y) => ({ unit, year: 2017 + y, indicator: "A1", value })));
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("the panel is invalid");
  return computeIndex(tree, panel.value, options);
}

/** A run folder as compute leaves one without a manifest (read unchecked): index.json and input-values.csv. */
async function runFolder(root: string, name: string, values: Record<string, number[]>, options: ComputeOptions) {
  const folder = join(root, name);
  await mkdir(folder);
  await writeFile(join(folder, "index.json"), formatIndexJson(result(values, options)));
  const inputs = Object.entries(values).flatMap(([unit, series]) => series.map((value, y) => `${unit},${2017 + y},A1,${value}\n`));
  await writeFile(join(folder, "input-values.csv"), "unit,year,indicator,value\n" + inputs.join(""));
  return { folder, label: name };
}

/** The revisions of two runs as CSV with 4 decimals (percentages with 2), both ways: typed tables and objects. */
async function revisionsCsv(before: ComputeOptions, after: ComputeOptions = before) {
  const root = await makeTempDir();
  const [a, b] = [await runFolder(root, "a", BEFORE, before), await runFolder(root, "b", AFTER, after)];
  const { revisions } = await compareRunFolders(a, b, "both");
  const text = formatRevisionsCsv(revisions, [], 4);
  // The values read as objects (readRun, compareRuns) give the same CSV, as `diff --format csv` is tested against.
  expect(formatRevisionsCsv(compareRuns(await readRun(a.folder, "a"), await readRun(b.folder, "b")), [], 4)).toBe(text);
  return text.trim().split(/\r?\n/);
}

describe("revisionPercent", () => {
  it("is 100 · change / |before|, NaN when before is 0 or off a ratio scale", () => {
    expect(revisionPercent(50, 5)).toBe(10);
    expect(revisionPercent(-2, 4)).toBe(200); // the Copeland case on a ratio scale it is not
    expect(revisionPercent(-2, 4, false)).toBeNaN();
    expect(revisionPercent(0, 3)).toBeNaN();
  });

  it("compareRunValues without percent leaves changePercent NaN and keeps the change", () => {
    const before = [{ unit: "u3", year: 2019, code: "INDEX", value: -2 }];
    const after = [{ unit: "u3", year: 2019, code: "INDEX", value: 2 }];
    expect(compareRunValues("output", before, after, false)).toEqual([
      { kind: "output", status: "changed", unit: "u3", year: 2019, code: "INDEX", before: -2, after: 2, change: 4, changePercent: Number.NaN },
    ]);
    expect(compareRunValues("output", before, after)[0].changePercent).toBe(200);
  });
});

describe("a run's scale read from its index.json", () => {
  it("fixed-base is a ratio scale; min-max and Copeland are not, read from the bytes up to the nodes", () => {
    expect(indexJsonRatioScale(Buffer.from(formatIndexJson(result(BEFORE, {}))))).toBe(true);
    expect(indexJsonRatioScale(Buffer.from(formatIndexJson(result(BEFORE, { normalize: "min-max" }))))).toBe(false);
    expect(indexJsonRatioScale(Buffer.from(formatIndexJson(result(BEFORE, { aggregate: "copeland" }))))).toBe(false);
    // a --parquet-only run's index.json keeps its nodes
    expect(indexJsonRatioScale(Buffer.from(formatIndexJsonWithoutResults(result(BEFORE, { aggregate: "copeland" }))))).toBe(false);
    // after a byte order mark, and with the results before the nodes
    expect(indexJsonRatioScale(Buffer.from('\uFEFF{"results": [], "nodes": [{"kind": "indicator", "method": "z-score"}]}'))).toBe(false);
  });

  it("no nodes as compute writes them: the change in percent as before", () => {
    for (const text of ["{}", '{"nodes": 3}', '{"nodes": [{"kind": "leaf"}]}', "not json", '{"results": []'])
      expect(indexJsonRatioScale(Buffer.from(text)), text).toBe(true);
    expect(nodesRatioScale([{ kind: "index", method: "arithmetic" }, { kind: "indicator", method: "fixed-base" }])).toBe(true);
    expect(nodesRatioScale([{ kind: "index", method: "topsis" }, { kind: "indicator", method: "fixed-base" }])).toBe(false);
  });

  it("sets the output table's ratioScale, and compareRunTables leaves the percent out unless both tables have it", async () => {
    const index = new RunValueIndex();
    const [old, current] = [index.table(), index.table()];
    const run = { folder: "unused", label: "unused" };
    await readRunOutputValues(Buffer.from(formatIndexJson(result(BEFORE, {}))), "a", old, run);
    await readRunOutputValues(Buffer.from(formatIndexJson(result(AFTER, { normalize: "min-max" }))), "b", current, run);
    expect([old.ratioScale, current.ratioScale]).toEqual([true, false]);
    const revisions = compareRunTables("output", old, current);
    expect(revisions.length).toBeGreaterThan(0);
    for (const revision of revisions) expect(revision.changePercent, `${revision.unit} ${revision.year} ${revision.code}`).toBeNaN();
  });
});

describe("revision.csv (diff --format csv): change_percent on a ratio scale only", () => {
  it("Copeland: u3's index −2 → 2 is +4 points with change_percent empty (not +200 %); the input keeps its 18.18 %", async () => {
    const rows = await revisionsCsv({ aggregate: "copeland" });
    expect(rows[0]).toBe("kind,status,unit,year,code,before,after,change,change_percent");
    expect(rows).toContain("input,changed,u3,2019,A1,11.0000,13.0000,2.0000,18.18");
    expect(rows).toContain("output,changed,u3,2019,INDEX,-2.0000,2.0000,4.0000,");
    expect(rows).toContain("output,changed,u1,2019,INDEX,2.0000,0.0000,-2.0000,");
    // every output row, the indicator's own (fixed-base) score included, as growth.csv decides for the whole run
    expect(rows).toContain("output,changed,u3,2019,A1,110.0000,130.0000,20.0000,");
    for (const row of rows.filter((line) => line.startsWith("output,"))) expect(row.endsWith(","), row).toBe(true);
  });

  it("min-max: u3's score 2019, 100 · (11 − 10) / 111 = 0.9009 → 100 · (13 − 10) / 111 = 2.7027, no percent", async () => {
    const rows = await revisionsCsv({ normalize: "min-max" });
    expect(rows).toContain("output,changed,u3,2019,INDEX,0.9009,2.7027,1.8018,");
  });

  it("fixed-base: u3's index 110 → 130 is +20 points and +18.18 %", async () => {
    const rows = await revisionsCsv({});
    expect(rows).toContain("output,changed,u3,2019,INDEX,110.0000,130.0000,20.0000,18.18");
    expect(rows).toContain("input,changed,u3,2019,A1,11.0000,13.0000,2.0000,18.18");
  });

  it("a run on a ratio scale against one that is not (fixed-base, then min-max): no percent between the two scales", async () => {
    const rows = await revisionsCsv({}, { normalize: "min-max" });
    // u1's index 2017: 100 (fixed-base) → 100 · 90 / 111 = 81.0811 (min-max)
    expect(rows).toContain("output,changed,u1,2017,INDEX,100.0000,81.0811,-18.9189,");
  });
});
