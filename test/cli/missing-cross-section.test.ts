/**
 * `--missing mean` and `--missing median` from the command line: imputations.csv, the tree's missing column, index.yaml,
 * the help page, and the uncertainty analysis drawing between reweighting and the mean.
 *
 * Four units, 2018-2019, indicators A and B side by side (equal weights, both +), min-max over the panel. One gap, A of
 * U1 in 2019; the other units' A that year are 30, 40 and 11:
 *   mean   (30 + 40 + 11)/3 = 27, median 30.
 * A ranges over 0 (U3 2018) to 50 (U4 2018), B over 0 to 100, so for U1 2019: B = 80, and A = 100·27/50 = 54 (mean) or
 * 100·30/50 = 60 (median); INDEX = (54 + 80)/2 = 67 (mean), (60 + 80)/2 = 70 (median), or B alone, 80 (reweight).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,,+\nB,,b,,+\n";
const VALUES = [
  "unit,year,indicator,value",
  "U1,2018,A,10",
  "U1,2019,A,",
  "U2,2018,A,20",
  "U2,2019,A,30",
  "U3,2018,A,0",
  "U3,2019,A,40",
  "U4,2018,A,50",
  "U4,2019,A,11",
  "U1,2018,B,100",
  "U1,2019,B,80",
  "U2,2018,B,0",
  "U2,2019,B,50",
  "U3,2018,B,60",
  "U3,2019,B,100",
  "U4,2018,B,20",
  "U4,2019,B,40",
  "",
].join("\n");

const read = async (dir: string, name: string) => (await readFile(join(dir, name), "utf8")).replace(/^\uFEFF/, "");

/** The overall index of U1 in 2019 in index.csv (its last column). */
async function indexOfU1In2019(dir: string, out: string): Promise<string> {
  const line = (await read(dir, `${out}/index.csv`)).split("\n").find((row) => row.startsWith("U1,2019,INDEX,"));
  return line!.split(",").at(-1)!;
}

describe("compute --missing mean|median", () => {
  it("fills the gap with the other units' mean or median of its year, lists it in imputations.csv and aggregates it", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const mean = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "mean", "--out", "mean"], dir);
    expect(mean.code).toBe(0);
    expect(mean.stderr).toContain("imputed 1 cell (mean 1), reweighted 0 cells");
    expect(await read(dir, "mean/imputations.csv")).toBe("unit,year,indicator,method,value\nU1,2019,A,mean,27.0000\n");
    expect(await indexOfU1In2019(dir, "mean")).toBe("67.0000");
    const median = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "median", "--out", "median", "-q"], dir);
    expect(median.code).toBe(0);
    expect(await read(dir, "median/imputations.csv")).toBe("unit,year,indicator,method,value\nU1,2019,A,median,30.0000\n");
    expect(await indexOfU1In2019(dir, "median")).toBe("70.0000");
  });

  it("takes the policy from the tree's missing column and from index.yaml", async () => {
    const own = "code,parent,name,weight,direction,missing\nA,,a,,+,median\nB,,b,,+,\n";
    const yaml = "indicators: tree.csv\nvalues: values.csv\nmethods:\n  normalise: min-max\n  missing: mean\n";
    const dir = await makeTempDir({ "tree.csv": own, "values.csv": VALUES, "p/index.yaml": yaml, "p/tree.csv": TREE, "p/values.csv": VALUES });
    // The tree's column (median) wins over --missing mean for A: 30 put in, INDEX 70.
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "mean", "--out", "out", "-q"], dir);
    expect(run.code).toBe(0);
    expect(await read(dir, "out/imputations.csv")).toBe("unit,year,indicator,method,value\nU1,2019,A,median,30.0000\n");
    // index.yaml's methods.missing: mean (its tree without a missing column): 27 put in.
    const project = await runCli(["compute", "--project", "p/index.yaml", "-q"], dir);
    expect(project).toMatchObject({ code: 0, stderr: "" });
    const id = (await read(dir, "p/runs/LATEST")).trim();
    expect(await read(dir, `p/runs/${id}/imputations.csv`)).toBe("unit,year,indicator,method,value\nU1,2019,A,mean,27.0000\n");
  });

  it("names a year no unit has as the gap it cannot fill, or reweights it under --unfilled reweight", async () => {
    // A has no value of any unit in 2019 (B has): no mean to take.
    const values = VALUES.replace("U2,2019,A,30", "U2,2019,A,").replace("U3,2019,A,40", "U3,2019,A,").replace("U4,2019,A,11", "U4,2019,A,");
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const failed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "mean"], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('no value for indicator "A", unit "U4", year 2019, and mean has no value of any other unit in 2019 to use');
    const reweighted = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "mean", "--unfilled", "reweight", "--out", "out", "-q"], dir);
    expect(reweighted.code).toBe(0);
    expect((await read(dir, "out/imputations.csv")).split("\n").filter((line) => line.includes(",reweight,"))).toHaveLength(4);
  });

  it("help data lists both, in English and in Chinese", async () => {
    const dir = await makeTempDir();
    const english = await runCli(["help", "data"], dir);
    expect(english.stdout).toContain("  mean           the mean of the indicator over the other units observed that year (COINr i_mean)\n");
    expect(english.stdout).toContain("  median         the median of the indicator over the other units observed that year (COINr i_median)\n");
    const chinese = await runCli(["help", "data"], dir, { language: "zh" });
    expect(chinese.stdout).toContain("取该指标当年其他有观测值的评价对象的均值（COINr i_mean）");
    expect(chinese.stdout).toContain("取该指标当年其他有观测值的评价对象的中位数（COINr i_median）");
  });
});

describe("uncertainty --missing-policies reweight,mean", () => {
  it("draws between reweighting (the nominal) and the mean: U1 2019 is 80 or 67, the only cell that moves", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing-policies", "reweight,mean", "-n", "100", "-q"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const rows = (await read(dir, "out/uncertainty.csv")).split("\n").slice(1, -1).map((line) => line.split(","));
    // unit, year, nominal, median, 5%, 95%: the nominal is reweight's 80; the draws give 67 (mean) or 80.
    const u1 = rows.find((row) => row[0] === "U1" && row[1] === "2019")!;
    expect([u1[2], u1[4], u1[5]]).toEqual(["80.0000", "67.0000", "80.0000"]);
    // The mean lies within A's range (0 to 50), so min-max is the same under both: every other cell has no spread.
    for (const row of rows.filter((row) => row !== u1)) expect(row[4], row.join(",")).toBe(row[5]);
    const factors = new Set((await read(dir, "out/sensitivity.csv")).split("\n").slice(1, -1).map((line) => line.split(",")[4]));
    expect([...factors]).toEqual(["missing"]);
  });
});
