/**
 * `import-coinr` on COINr's own ASEM example (test/fixtures/coinr: iData and iMeta cut from the R package COINr's
 * `ASEM_iData_p` and `ASEM_iMeta` to the framework of test/fixtures/asem/tree-scaling.csv, with a group column and a
 * denominator kept to be ignored): the index computed from what it writes must equal the R reference of
 * test/fixtures/asem/expected.csv.
 */
import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeIndex, resultIndex } from "../../src/core/compute.js";
import { buildPanel } from "../../src/core/panel.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";
import { messages } from "../../src/core/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function imported(): Promise<{ dir: string; run: Awaited<ReturnType<typeof runCli>> }> {
  const dir = await makeTempDir();
  dirs.push(dir);
  await copyFile(fixture("coinr/iData.csv"), join(dir, "iData.csv"));
  await copyFile(fixture("coinr/iMeta.csv"), join(dir, "iMeta.csv"));
  return { dir, run: await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "asem"], dir) };
}

describe("innovation-index import-coinr", () => {
  it("writes the tree of the iMeta: COINr's index as the overall index, directions as +/-, equal weights as empty cells", async () => {
    const { dir, run } = await imported();
    expect(run.stderr).toContain("wrote asem/tree.csv (15 nodes, 12 indicators) and asem/values.csv (51 units, 5 years)");
    expect(run.code).toBe(0);
    const tree = parseTreeCsv(await readFile(join(dir, "asem/tree.csv"), "utf8"), "tree.csv");
    const reference = parseTreeCsv(await readFile(fixture("asem/tree-scaling.csv"), "utf8"), "tree-scaling.csv");
    const shape = (t: typeof tree) =>
      t.nodes.map((node) => [node.code, node.parent, node.kind, node.kind === "indicator" ? node.direction : "", node.weight]).sort();
    expect(shape(tree)).toEqual(shape(reference));
  });

  it("gives the index of the R reference on the ASEM data (min-max, arithmetic, missing values reweighted)", async () => {
    const { dir } = await imported();
    const tree = parseTreeCsv(await readFile(join(dir, "asem/tree.csv"), "utf8"), "tree.csv");
    const values = parseDataCsv(await readFile(join(dir, "asem/values.csv"), "utf8"), "values.csv");
    if (!values.ok) throw new Error(values.issues.map((issue) => issue.message).join("\n"));
    const panel = buildPanel(tree, values.value);
    if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
    const result = computeIndex(tree, panel.value, { normalize: "min-max", baseYear: 2018, missing: "reweight" });
    const rows = (await readFile(fixture("asem/expected.csv"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => line.split(","))
      .filter(([name]) => name === "min-max|arithmetic");
    expect(rows.length).toBe(51 * 2 * 4);
    for (const [, unit, year, code, value] of rows) {
      const node = result.nodes.findIndex((candidate) => candidate.code === code);
      const actual = result.values[resultIndex(result, node, result.units.indexOf(unit), result.years.indexOf(Number(year)))];
      expect(Math.abs(actual - Number(value)), `${unit} ${year} ${code}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(Number(value))));
    }
  });

  it("counts one unit and one year in the singular", async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    await copyFile(fixture("coinr/iMeta.csv"), join(dir, "iMeta.csv"));
    const [header, ...rows] = (await readFile(fixture("coinr/iData.csv"), "utf8")).trim().split(/\r?\n/);
    const time = header.split(",").indexOf("Time");
    const of2018 = rows.filter((row) => row.split(",")[time] === "2018");
    expect(of2018).toHaveLength(51);
    await writeFile(join(dir, "year.csv"), [header, ...of2018].join("\n") + "\n");
    await writeFile(join(dir, "unit.csv"), [header, of2018[0]].join("\n") + "\n");
    const oneYear = await runCli(["import-coinr", "--data", "year.csv", "--meta", "iMeta.csv", "--out", "year"], dir);
    expect(oneYear.code).toBe(0);
    expect(oneYear.stderr).toBe("wrote year/tree.csv (15 nodes, 12 indicators) and year/values.csv (51 units, 1 year)\n");
    const oneUnit = await runCli(["import-coinr", "--data", "unit.csv", "--meta", "iMeta.csv", "--out", "unit"], dir);
    expect(oneUnit.code).toBe(0);
    expect(oneUnit.stderr).toBe("wrote unit/tree.csv (15 nodes, 12 indicators) and unit/values.csv (1 unit, 1 year)\n");
  });

  it("refuses to overwrite what it did not write, and names a missing iMeta column", async () => {
    const { dir } = await imported();
    const again = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "asem"], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain("asem/tree.csv: the file exists");
    const bad = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iData.csv", "--out", "other"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('missing column "Parent"');
  });

  it("reports a row of an unknown Type with the other problems of iMeta and iData in one run, and writes nothing", async () => {
    // I3's Type Indikator (line 4) hid I2's weight abc (line 3), I3's direction 2, I4's direction 7 and its duplicate
    // (lines 5, 6) and iData's x (line 3, column 3), which came on the second run.
    const meta = [
      "iCode,iName,Level,Parent,Direction,Weight,Type",
      "I1,ind 1,1,P1,1,1,Indicator",
      "I2,ind 2,1,P1,1,abc,Indicator",
      "I3,ind 3,1,P2,2,1,Indikator",
      "I4,ind 4,1,P2,7,1,Indicator",
      "I4,ind 4b,1,P2,1,1,Indicator",
      "P1,Pillar 1,2,Index,NA,1,Aggregate",
      "P2,Pillar 2,2,Index,NA,1,Aggregate",
      "Index,Index,3,NA,NA,1,Aggregate",
    ].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": "uCode,Time,I1,I2,I3,I4\nAAA,2020,1,2,3,4\nBBB,2020,x,2,3,4\n" });
    const run = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // Weight is column 6, Direction 5, Type 7: each cell's problem gives its place. I3, named by no row as its
    // parent, is checked as an indicator (its direction too); its iData column is no unknown indicator.
    expect(run.stderr).toBe(
      [
        "error: 6 problems found:",
        `iMeta.csv:3:6: ${messages.badWeight("I2", "abc")}`,
        `iMeta.csv:4:5: ${messages.badDirection("I3", "2")}`,
        `iMeta.csv:4:7: ${messages.unknownChoice("Type", "Indikator", ["Indicator", "Aggregate", "Group", "Denominator", "Other"])}`,
        `iMeta.csv:5:5: ${messages.badDirection("I4", "7")}`,
        `iMeta.csv:6: ${messages.duplicateCode("I4", 5)}`,
        `iData.csv:3:3: ${messages.badValue("x", "I1")}`,
        "",
      ].join("\n"),
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
    // A row of an unknown Type that other rows name as their parent is checked as an aggregate: no direction asked.
    const group = meta.replace("P2,Pillar 2,2,Index,NA,1,Aggregate", "P2,Pillar 2,2,Index,NA,1,Aggregat").replace("I2,ind 2,1,P1,1,abc", "I2,ind 2,1,P1,1,1").replace(",2,1,Indikator", ",1,1,Indicator");
    await writeFile(join(dir, "group.csv"), group);
    const grouped = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "group.csv", "--out", "out"], dir);
    expect(grouped.stderr.split("\n").slice(1, 3)).toEqual([
      `group.csv:5:5: ${messages.badDirection("I4", "7")}`,
      `group.csv:6: ${messages.duplicateCode("I4", 5)}`,
    ]);
    expect(grouped.stderr).toContain(`group.csv:8:7: ${messages.unknownChoice("Type", "Aggregat", ["Indicator", "Aggregate", "Group", "Denominator", "Other"])}`);
    expect(grouped.stderr).not.toContain('"P2" has no direction');
  });
});
