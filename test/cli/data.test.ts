/**
 * The data stage from the command line: gaps, policies, outputs listing every imputed or treated cell, encodings,
 * workbooks, formulas and the template command. Every fixture is made here.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compute, load } from "../../src/api.js";
import { messages } from "../../src/core/messages.js";
import { readerMessages } from "../../src/core/reader-messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,维度X,0.6,\nX1,X,指标1,,+\nX2,X,指标2,,-\nY,,维度Y,0.4,\nY1,Y,指标3,,+\n";
/** Gaps: X1/U1 2018, X2/U2 2017 (a base value), Y1/U1 2019 and Y1/U2 2018. */
const GAPPY = [
  "unit,year,indicator,value",
  "U1,2017,X1,10",
  "U1,2018,X1,",
  "U1,2019,X1,16",
  "U1,2017,X2,50",
  "U1,2018,X2,40",
  "U1,2019,X2,25",
  "U1,2017,Y1,200",
  "U1,2018,Y1,210",
  "U1,2019,Y1,NA",
  "U2,2017,X1,4",
  "U2,2018,X1,5",
  "U2,2019,X1,6",
  "U2,2017,X2,-",
  "U2,2018,X2,8",
  "U2,2019,X2,10",
  "U2,2017,Y1,30",
  "U2,2018,Y1,..",
  "U2,2019,Y1,36",
  "",
].join("\n");

/** A written file's text without the UTF-8 byte order mark the CSV files start with. */
const read = async (dir: string, name: string) => (await readFile(join(dir, name), "utf8")).replace(/^\uFEFF/, "");

describe("missing values from the command line", () => {
  it("fails with the defaults on gappy data, naming every gap at once, and writes nothing", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": GAPPY });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        // Each gap with the line of its empty (or "-", "..") cell in GAPPY, by line (the missing base value is found
        // by another check, before the other gaps).
        // Each names the policies that fill it: X1/U1 2018 and Y1/U2 2018 lie between two years of their unit, in a
        // year the other unit has (every policy); Y1/U1 2019 has only earlier years; X2/U2's base only later ones.
        "error: 4 problems found:",
        `values.csv:3:4: ${messages.missingValue("X1", "U1", 2018, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"])}`,
        `values.csv:10:4: ${messages.missingValue("Y1", "U1", 2019, ["interpolate", "carry-forward", "mean", "median", "reweight"])}`,
        `values.csv:14:4: ${messages.baseValueMissing("X2", "U2", 2017, ["interpolate", "carry-back", "mean", "median"])}`,
        `values.csv:18:4: ${messages.missingValue("Y1", "U2", 2018, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"])}`,
        "",
      ].join("\n"),
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("interpolates, listing every imputed cell in imputations.csv and counting them in coverage.csv", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": GAPPY });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "interpolate"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "imputed 4 cells (interpolate 2, carry-back 1, carry-forward 1), reweighted 0 cells, outlier-treated 0 cells (see imputations.csv, treatment.csv)\n",
    );
    // by hand: X1/U1 2018 = (10 + 16)/2 = 13; Y1/U1 2019 ← 210 (last known); X2/U2 2017 ← 8 (first known);
    // Y1/U2 2018 = (30 + 36)/2 = 33
    expect(await read(dir, "out/imputations.csv")).toBe(
      [
        "unit,year,indicator,method,value",
        "U1,2018,X1,interpolate,13.0000",
        "U2,2017,X2,carry-back,8.0000",
        "U1,2019,Y1,carry-forward,210.0000",
        "U2,2018,Y1,interpolate,33.0000",
        "",
      ].join("\n"),
    );
    expect(await read(dir, "out/coverage.csv")).toBe(
      [
        "indicator,name,expected,observed,imputed,reweighted,share_observed",
        "X1,指标1,6,5,1,0,0.8333",
        "X2,指标2,6,5,1,0,0.8333",
        "Y1,指标3,6,4,2,0,0.6667",
        "",
      ].join("\n"),
    );
    // U1 2018: X = mean(100·13/10, 100·50/40) = mean(130, 125) = 127.5; Y = 105; INDEX = 76.5 + 42 = 118.5
    expect(await read(dir, "out/index.csv")).toContain("U1,2018,INDEX,总指数,0,118.5000\n");
    expect(await read(dir, "out/treatment.csv")).toBe("unit,year,indicator,method,original,value\n");
    const json = JSON.parse(await read(dir, "out/index.json"));
    expect(json.imputations[0]).toEqual({ unit: "U1", year: 2018, indicator: "X1", method: "interpolate", value: 13 });
    expect(json.options).toMatchObject({ missing: "interpolate", zeroBase: "error", outliers: "none", winsorMax: 5 });
  });

  it("reweights, listing the reweighted cells with an empty value; a missing base value is still an error", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": GAPPY, "based.csv": GAPPY.replace("U2,2017,X2,-", "U2,2017,X2,8") });
    const failed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "reweight"], dir);
    // reweight leaves a base value missing: the hint names those that fill it (U2's later years, U1's 2017 value).
    expect(failed.stderr).toBe(`error: 1 problem found:\nvalues.csv:14:4: ${messages.baseValueMissing("X2", "U2", 2017, ["interpolate", "carry-back", "mean", "median"])}\n`);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "based.csv", "--missing", "reweight", "-q"], dir);
    expect(run.code).toBe(0);
    expect(await read(dir, "out/imputations.csv")).toBe(
      ["unit,year,indicator,method,value", "U1,2018,X1,reweight,", "U1,2019,Y1,reweight,", "U2,2018,Y1,reweight,", ""].join("\n"),
    );
    // U2 2018: Y is missing, so INDEX = X = mean(100·5/4, 100·8/8) = mean(125, 100) = 112.5
    expect(await read(dir, "out/index.csv")).toContain("U2,2018,INDEX,总指数,0,112.5000\n");
    expect(await read(dir, "out/coverage.csv")).toContain("Y1,指标3,6,4,0,2,0.6667\n");
    expect(JSON.parse(await read(dir, "out/index.json")).imputations[0]).toEqual({ unit: "U1", year: 2018, indicator: "X1", method: "reweight", value: null });
  });
});

describe("gaps a policy cannot fill", () => {
  it("are errors by default and reweighted under --unfilled reweight", async () => {
    // carry-back fills X2/U2 2017 ← 8, X1/U1 2018 ← 16, Y1/U2 2018 ← 36, but Y1/U1 2019 has no later value
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": GAPPY });
    const failed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "carry-back"], dir);
    // placed at its "NA" cell, line 10 of GAPPY, as a missing value under error is
    expect(failed.stderr).toBe(`error: 1 problem found:\nvalues.csv:10:4: ${messages.cannotImpute("Y1", "U1", 2019, "carry-back")}\n`);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "carry-back", "--unfilled", "reweight", "-q"], dir);
    expect(run.code).toBe(0);
    expect(await read(dir, "out/imputations.csv")).toBe(
      [
        "unit,year,indicator,method,value",
        "U1,2018,X1,carry-back,16.0000",
        "U2,2017,X2,carry-back,8.0000",
        "U1,2019,Y1,reweight,",
        "U2,2018,Y1,carry-back,36.0000",
        "",
      ].join("\n"),
    );
    // U1 2019: Y is left out, so INDEX = X = mean(100·16/10, 100·50/25) = mean(160, 200) = 180
    expect(await read(dir, "out/index.csv")).toContain("U1,2019,INDEX,总指数,0,180.0000\n");
  });
});

describe("outliers from the command line", () => {
  it("lists every winsorised cell in treatment.csv", async () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const values = ["year,indicator,value", ...series.map((value, i) => `${2009 + i},A,${value}`), ""].join("\n");
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,,+\n", "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--outliers", "winsorise", "-q"], dir);
    expect(run.code).toBe(0);
    // COINr's example: 100 → 30 (skewness 3.063 → 1.712)
    expect(await read(dir, "out/treatment.csv")).toBe("unit,year,indicator,method,original,value\n,2020,A,winsorise-high,100.0000,30.0000\n");
    // fixed base 2009 = 1: 2020 is 100·30/1 = 3000
    expect(await read(dir, "out/index.csv")).toContain(",2020,INDEX,Index,0,3000.0000\n");
  });

  it("winsorise-log from the tree's outliers column: log_CT of the original values when --winsor-max points are not enough", async () => {
    // 1..20, 200, 300 over 22 years: one point (300 → 200) leaves skewness 3.002 and kurtosis 7.861, so every value x
    // becomes ln(x − 1 + 0.01·299) = ln(x + 1.99) (300 stays 300 before the log). Min-max over the panel, worked in
    // Python: 2019 (x = 20) scores 100·(ln 21.99 − ln 2.99)/(ln 301.99 − ln 2.99) = 43.2343.
    const series = [...Array.from({ length: 20 }, (_, i) => i + 1), 200, 300];
    const values = ["year,indicator,value", ...series.map((value, i) => `${2000 + i},A,${value}`), ""].join("\n");
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction,outliers\nA,,a,,+,winsorise-log\n", "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--winsor-max", "1", "--normalise", "min-max", "-q"], dir);
    expect(run.code, run.stderr).toBe(0);
    const treatment = (await read(dir, "out/treatment.csv")).split("\n");
    expect(treatment).toHaveLength(1 + 22 + 1);
    // Raw values keep 6 significant digits (formatSignificant): ln 301.99 = 5.7103939 → 5.71039, ln 21.99 = 3.0905878 → 3.09059.
    expect(treatment).toContain(",2021,A,log,300.0000,5.71039");
    expect(treatment).toContain(",2019,A,log,20.0000,3.09059");
    expect(treatment.slice(1, -1).every((line) => line.split(",")[3] === "log")).toBe(true);
    expect(await read(dir, "out/index.csv")).toContain(",2019,INDEX,Index,0,43.2343\n");
  });
});

describe("outlier settings nothing reads", () => {
  const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
  const values = ["year,indicator,value", ...series.map((value, i) => `${2009 + i},A,${value}`), ""].join("\n");
  const unusedMax = 'warning: --winsor-max has no effect: no indicator\'s outlier treatment is winsorise or winsorise-log (--outliers, or the tree\'s outliers column)\n';

  it("--winsor-max without winsorise, and --outlier-scope without any treatment, are warned of (W_OPTION_UNUSED)", async () => {
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,,+\n", "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--winsor-max", "3", "--outlier-scope", "year", "--out", "-", "--table", "index"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      unusedMax +
        "warning: --outlier-scope has no effect: no indicator's outlier treatment is winsorise or log or sqrt or winsorise-log (--outliers, or the tree's outliers column)\n",
    );
    expect(run.stderr).toBe(
      `warning: ${messages.outlierOptionUnused("--winsor-max", ["winsorise", "winsorise-log"])}\nwarning: ${messages.outlierOptionUnused("--outlier-scope", ["winsorise", "log", "sqrt", "winsorise-log"])}\n`,
    );
    // Under --strict: an error, exit 1, nothing written.
    const strict = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--winsor-max", "3", "--strict", "--out", "out"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("--winsor-max has no effect");
    expect(await listDir(dir)).toEqual(["tree.csv", "values.csv"]);
  });

  it("says nothing when an indicator reads them: --outliers winsorise, or the tree's outliers column, or no flag at all", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,a,,+\n",
      "tree-column.csv": "code,parent,name,weight,direction,outliers\nA,,a,,+,winsorise-log\n",
      "values.csv": values,
    });
    for (const argv of [
      ["-i", "tree.csv", "--outliers", "winsorise", "--winsor-max", "3", "--outlier-scope", "year"],
      ["-i", "tree-column.csv", "--winsor-max", "3", "--outlier-scope", "panel"],
      ["-i", "tree.csv"],
    ]) {
      const run = await runCli(["compute", ...argv, "-d", "values.csv", "--out", "-", "--table", "index"], dir);
      expect(run.code, argv.join(" ")).toBe(0);
      expect(run.stderr, argv.join(" ")).not.toContain("warning");
    }
  });
});

describe("--unfilled and --zero-base where no indicator reads them", () => {
  // A has a gap in 2018 and a zero in 2017 (its base year); B has neither.
  const values = "unit,year,indicator,value\nU1,2017,A,0\nU1,2019,A,4\nU1,2017,B,10\nU1,2018,B,12\nU1,2019,B,15\n";
  const tree = "code,parent,name,weight,direction\nA,,a,,+\nB,,b,,+\n";

  it("warn (W_OPTION_UNUSED) with no filling policy, and with no fixed-base indicator that takes the run's zero-base policy", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "own.csv": "code,parent,name,weight,direction,zero_base\nA,,a,,+,min-max\nB,,b,,+,error\n", "values.csv": values });
    const warned = async (argv: string[]) => {
      const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--table", "index", ...argv], dir);
      expect(run.code, `${argv.join(" ")}: ${run.stderr}`).toBe(0);
      return run.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    };
    const unfilled = `warning: ${messages.unfilledUnused(["carry-forward", "interpolate", "carry-back", "mean", "median"])}`;
    const zeroBase = `warning: ${messages.zeroBaseUnused()}`;
    // --missing reweight leaves the gap out, filling nothing; min-max normalises without a base value.
    expect(await warned(["--missing", "reweight", "--unfilled", "reweight", "--normalise", "min-max", "--zero-base", "min-max"])).toEqual([unfilled, zeroBase]);
    // Both read: interpolation fills (it could leave an edge unfilled), and fixed-base meets A's zero base, which the
    // policy moves to min-max (the one warning: that move).
    expect(await warned(["--missing", "interpolate", "--unfilled", "reweight", "--zero-base", "min-max"])).toEqual([
      `warning: ${messages.zeroBaseMinMax("A", 2017)}`,
    ]);
    // Every fixed-base indicator has its own zero_base column: the run's policy reaches none.
    const own = await runCli(["compute", "-i", "own.csv", "-d", "values.csv", "--missing", "interpolate", "--zero-base", "first-nonzero", "--out", "-", "--table", "index"], dir);
    expect(own.stderr.split("\n").filter((line) => line.startsWith("warning: "))).toEqual([`warning: ${messages.zeroBaseMinMax("A", 2017)}`, zeroBase]);
    // Under --strict: an error, nothing written.
    const strict = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "reweight", "--unfilled", "reweight", "--strict", "--out", "out"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("--unfilled has no effect");
    expect(await listDir(dir)).toEqual(["own.csv", "tree.csv", "values.csv"]);
  });

  it("the library says the same in its own words", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const inputs = await load({ indicators: join(dir, "tree.csv"), data: join(dir, "values.csv") });
    const result = await compute(inputs, { missing: "reweight", unfilled: "reweight", normalize: "min-max", zeroBase: "min-max" });
    expect(result.warnings.map(({ code, column, message }) => ({ code, column, message }))).toEqual([
      {
        code: "W_OPTION_UNUSED",
        column: "unfilled",
        message: 'option unfilled has no effect: no indicator\'s missing-value policy fills gaps, so none is left unfilled; expected missing: "carry-forward", missing: "interpolate", missing: "carry-back", missing: "mean", missing: "median" (or one in the tree\'s missing column)',
      },
      {
        code: "W_OPTION_UNUSED",
        column: "zeroBase",
        message: 'option zeroBase has no effect: it is read only for indicators normalised with fixed-base and without a zero_base column of their own in the tree, and there are none; expected normalize: "fixed-base" (or fixed-base in the tree\'s normalise column)',
      },
    ]);
  });
});

describe("files people actually have", () => {
  const VALUES = "地区,年份,指标代码,数值\n常州,2017,X1,10\n常州,2018,X1,12\n常州,2017,X2,50\n常州,2018,X2,40\n常州,2017,Y1,\"1,000\"\n常州,2018,Y1,１０５０\n";

  it("reads a GBK CSV (as Excel on Chinese Windows saves it) and writes UTF-8 without mojibake", async () => {
    const dir = await makeTempDir({ "tree.csv": iconv.encode(TREE, "gbk"), "values.csv": iconv.encode(VALUES, "gbk") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    // 2018: X = mean(120, 125) = 122.5; Y = 105; INDEX = 0.6·122.5 + 0.4·105 = 115.5
    expect(await read(dir, "out/index-wide.csv")).toBe(
      "code,name,level,2017,2018\nINDEX,总指数,0,100.0000,115.5000\nX,维度X,1,100.0000,122.5000\nY,维度Y,1,100.0000,105.0000\n",
    );
    expect(await read(dir, "out/index.csv")).toContain("常州,2018,INDEX");
  });

  it("takes --encoding and --sheet in weights and uncertainty too", async () => {
    const dir = await makeTempDir({ "tree.csv": iconv.encode(TREE, "gbk"), "values.csv": iconv.encode(VALUES, "gbk") });
    const weights = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--encoding", "gbk"], dir);
    expect(weights.code).toBe(0);
    // explicit weights of the tree: X 0.6, and X1, X2 half of it each in the overall index
    expect(weights.stdout).toMatch(/^X1,X,2,0\.5000+,0\.3000+/m);
    const forced = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--encoding", "utf-8", "--weight-noise", "0.2"], dir);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/tree\.csv: the file is not valid UTF-8/);
  });

  it("reads a UTF-8 tree (no mark) beside GBK values under --encoding gbk as UTF-8, not as mojibake", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": iconv.encode(VALUES, "gbk") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--encoding", "gbk", "-q"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    // The same index as from two GBK files above; read as GBK, the tree's 维度X would have been 缁村害X.
    expect(await read(dir, "out/index-wide.csv")).toBe(
      "code,name,level,2017,2018\nINDEX,总指数,0,100.0000,115.5000\nX,维度X,1,100.0000,122.5000\nY,维度Y,1,100.0000,105.0000\n",
    );
  });

  it("reads UTF-8 with a BOM and UTF-16 with a BOM alike", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALUES, "utf16le")]);
    const dir = await makeTempDir({ "tree.csv": "\uFEFF" + TREE, "values.csv": utf16 });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    expect(run.code).toBe(0);
    expect(await read(dir, "out/index-wide.csv")).toContain("INDEX,总指数,0,100.0000,115.5000\n");
  });

  it("reads a tree and values in UTF-16 without a BOM (little and big endian) as their UTF-8", async () => {
    const dir = await makeTempDir({ "tree.csv": Buffer.from(TREE, "utf16le").swap16(), "values.csv": Buffer.from(VALUES, "utf16le") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // The same index as from the UTF-8 files above.
    expect(await read(dir, "out/index-wide.csv")).toContain("INDEX,总指数,0,100.0000,115.5000\n");
  });

  it("refuses a file that is neither UTF-8 nor GBK, and GBK under --encoding utf-8", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": Buffer.from([0x79, 0x65, 0x61, 0x72, 0x0a, 0xff, 0xfe, 0x80, 0x81, 0x20]), "gbk.csv": iconv.encode(VALUES, "gbk") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 problem found:\nvalues\.csv: the file is neither UTF-8 nor GBK\/GB18030 text; expected/);
    const forced = await runCli(["compute", "-i", "tree.csv", "-d", "gbk.csv", "--encoding", "utf-8"], dir);
    expect(forced.stderr).toMatch(/gbk\.csv: the file is not valid UTF-8; expected a UTF-8 text file \(or give --encoding gbk\)/);
    const usage = await runCli(["compute", "--encoding", "latin1"], dir);
    expect(usage.code).toBe(2);
  });

  it("refuses a values file joined from a UTF-8 file and a GBK one, naming the lines (before: unit 甯稿窞, exit 0)", async () => {
    const mixed = Buffer.concat([Buffer.from("unit,year,indicator,value\n常州,2017,X,10\n常州,2018,X,20\n"), iconv.encode("无锡,2017,X,12\n无锡,2018,X,22\n", "gbk")]);
    const dir = await makeTempDir({ "t1.csv": "code,parent,name,weight,direction\nX,,x,,+\n", "mixed.csv": mixed });
    const run = await runCli(["compute", "-i", "t1.csv", "-d", "mixed.csv"], dir);
    expect(run.code).toBe(1);
    // Lines 2-3 are the UTF-8 rows, 4-5 the GBK ones; 常州's UTF-8 bytes e5 b8 b8 e5 b7 9e are 甯稿窞 as GBK.
    expect(run.stderr).toBe(
      "error: 1 problem found:\nmixed.csv: the file mixes two encodings: lines 2, 3 are UTF-8, lines 4, 5 are not (GBK/GB18030, as Excel on " +
        'Chinese Windows saves CSV); read as one encoding, some lines turn into wrong characters (UTF-8 "常州" read as GBK is "甯稿窞"); ' +
        'expected one encoding for the whole file (was it joined from two files?): save each part again as "CSV UTF-8", then join them\n',
    );
    expect(await listDir(dir)).toEqual(["mixed.csv", "t1.csv"]);
  });

  it("warns of rows and columns a workbook hides but that are read (W_XLSX_HIDDEN), an error under --strict (before: silent)", async () => {
    const hiddenRow = new ExcelJS.Workbook();
    const rows = hiddenRow.addWorksheet("data");
    for (const row of [["unit", "indicator", "2017", "2018"], ["U1", "X", 4, 40], ["U2", "X", 5, 50]]) rows.addRow(row);
    rows.getRow(3).hidden = true;
    const hiddenColumn = new ExcelJS.Workbook();
    const columns = hiddenColumn.addWorksheet("data");
    for (const row of [["unit", "indicator", "2017", "2018", "2019"], ["U1", "X", 4, 40, 99], ["U2", "X", 5, 50, 99]]) columns.addRow(row);
    columns.getColumn(5).hidden = true;
    const dir = await makeTempDir({
      "t1.csv": "code,parent,name,weight,direction\nX,,x,,+\n",
      "h1.xlsx": new Uint8Array(await hiddenRow.xlsx.writeBuffer()),
      "hc.xlsx": new Uint8Array(await hiddenColumn.xlsx.writeBuffer()),
    });
    const how =
      "but read like the visible ones (their values count; a hidden row repeating a visible one is a duplicate); expected in the sheet only the rows and columns to read: delete those to leave out (hiding or filtering them out leaves them in)";
    // U2 (sheet row 3) is still read and in the index: 2018 over 2017 is 50/5 = 10, so its index is 1000.
    const row = await runCli(["compute", "-i", "t1.csv", "-d", "h1.xlsx", "--out", "-", "--table", "index"], dir);
    expect([row.code, row.stderr]).toEqual([0, `warning: h1.xlsx[data]: row 3 is hidden in Excel ${how}\n`]);
    expect(row.stdout).toContain("U2,2018,INDEX,Index,0,1000.0000\n");
    const column = await runCli(["validate", "-i", "t1.csv", "-d", "hc.xlsx"], dir);
    expect([column.code, column.stderr]).toEqual([0, `warning: hc.xlsx[data]: column E is hidden in Excel ${how}\n`]);
    expect(column.stdout).toContain("years 2017, 2018, 2019");
    // Under --strict: refused (the W_ code made E_), nothing written.
    const strict = await runCli(["compute", "-i", "t1.csv", "-d", "h1.xlsx", "--strict", "--out", "out", "--log-format", "json"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('"code":"E_XLSX_HIDDEN"');
    expect(await listDir(dir)).toEqual(["h1.xlsx", "hc.xlsx", "t1.csv"]);
  });

  it("reads the tree and the values from workbooks, a percentage cell as its percent number, the sheet by --sheet", async () => {
    const treeBook = new ExcelJS.Workbook();
    const treeSheet = treeBook.addWorksheet("指标");
    TREE.trim().split("\n").forEach((line) => treeSheet.addRow(line.split(",").map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))));
    const valueBook = new ExcelJS.Workbook();
    valueBook.addWorksheet("notes").addRow(["nothing here"]);
    const sheet = valueBook.addWorksheet("数据");
    sheet.addRow(["indicator", "name", 2017, 2018]);
    sheet.addRow(["X1", "share", 0.1, 0.12]);
    sheet.getRow(2).getCell(3).numFmt = "0.00%";
    sheet.getRow(2).getCell(4).numFmt = "0.00%";
    sheet.addRow(["X2", "b", 50, { formula: "B1", result: 40 }]);
    sheet.addRow(["Y1", "c", "1,000", 1050]);
    const dir = await makeTempDir({
      "tree.xlsx": new Uint8Array(await treeBook.xlsx.writeBuffer()),
      "values.xlsx": new Uint8Array(await valueBook.xlsx.writeBuffer()),
    });
    const run = await runCli(["compute", "-i", "tree.xlsx", "-d", "values.xlsx", "--sheet", "数据", "-q"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    // X1 reads 10% and 12% as 10 and 12: 2018 is 120; with X2 125 and Y1 105, INDEX = 115.5 as by hand above
    expect(await read(dir, "out/index-wide.csv")).toContain("INDEX,总指数,0,100.0000,115.5000\n");
    const wrong = await runCli(["compute", "-i", "tree.xlsx", "-d", "values.xlsx", "--sheet", "3"], dir);
    expect(wrong.stderr).toBe('error: 1 problem found:\nvalues.xlsx: no sheet "3"; expected one of "notes", "数据" or a number from 1 to 2\n');
    const first = await runCli(["compute", "-i", "tree.xlsx", "-d", "values.xlsx"], dir);
    expect(first.stderr).toMatch(/values\.xlsx\[notes\]:1: cannot tell the layout from the header "nothing here"/);
    // A hidden first sheet (a helper list) is passed over by default: the first visible sheet holds the data.
    valueBook.getWorksheet("notes")!.state = "hidden";
    await writeFile(join(dir, "values.xlsx"), new Uint8Array(await valueBook.xlsx.writeBuffer()));
    const visible = await runCli(["compute", "-i", "tree.xlsx", "-d", "values.xlsx", "-q"], dir);
    expect(visible).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await read(dir, "out/index-wide.csv")).toContain("INDEX,总指数,0,100.0000,115.5000\n");
  });

  it("refuses a tree workbook with two alike sheets read without --tree-sheet, and names --tree-sheet (not --sheet) as the way out", async () => {
    const book = new ExcelJS.Workbook();
    for (const name of ["2020 tree", "2021 tree"]) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(["code", "parent", "name", "weight", "direction"]);
      for (const row of [["X", "", "X", "", ""], ["X1", "X", "x1", "", "+"]]) sheet.addRow(row);
    }
    const dir = await makeTempDir({ "tree.xlsx": new Uint8Array(await book.xlsx.writeBuffer()), "values.csv": "unit,year,indicator,value\nU1,2017,X1,10\nU1,2018,X1,12\n" });
    const run = await runCli(["compute", "-i", "tree.xlsx", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: 1 problem found:\ntree.xlsx: sheets "2020 tree", "2021 tree" have the same columns, and only one sheet of a workbook is read; expected the indicator tree in one sheet (or give --tree-sheet to read one sheet alone)\n',
    );
    expect(run.stderr).not.toContain(" --sheet");
    // --tree-sheet reads the one named; the values workbook's message still names --sheet (the test below).
    expect((await runCli(["compute", "-i", "tree.xlsx", "-d", "values.csv", "--tree-sheet", "2021 tree", "-q"], dir)).code).toBe(0);
    // The library names the option treeSheet.
    const { load } = await import("../../src/api.js");
    const error = await load({ indicators: "tree.xlsx", data: "values.csv", cwd: dir }).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain("expected the indicator tree in one sheet (or give treeSheet to read one sheet alone)");
    expect(error?.message).not.toContain("--");
  });

  it("refuses a workbook with one sheet per year read without --sheet, rather than drop the sheets after the first", async () => {
    const book = new ExcelJS.Workbook();
    for (const [year, values] of [[2017, [10, 50, 4]], [2018, [12, 40, 4.2]]] as const) {
      const sheet = book.addWorksheet(String(year));
      sheet.addRow(["unit", "year", "indicator", "value"]);
      ["X1", "X2", "Y1"].forEach((code, i) => sheet.addRow(["U1", year, code, values[i]]));
    }
    const tree = "code,parent,name,weight,direction\nX,,X,0.6,+\nX1,X,x1,,+\nX2,X,x2,,-\nY,,Y,0.4,+\nY1,Y,y1,,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('values.xlsx: sheets "2017", "2018" have the same columns, and only one sheet of a workbook is read');
    expect(await listDir(dir)).toEqual(["tree.csv", "values.xlsx"]);
    // --sheet reads the one named, as asked; a sheet with other columns (notes) beside the values is no reason to refuse.
    expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--sheet", "2017", "-q"], dir)).code).toBe(0);
    const single = new ExcelJS.Workbook();
    const values = single.addWorksheet("values");
    values.addRow(["unit", "year", "indicator", "value"]);
    for (const [year, row] of [[2017, [10, 50, 4]], [2018, [12, 40, 4.2]]] as const) ["X1", "X2", "Y1"].forEach((code, i) => values.addRow(["U1", year, code, row[i]]));
    single.addWorksheet("notes").addRow(["source: illustrative"]);
    await writeFile(join(dir, "values.xlsx"), new Uint8Array(await single.xlsx.writeBuffer()));
    const both = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--out", "both", "-q"], dir);
    expect(both.code, both.stderr).toBe(0);
    // INDEX 2018 by hand: X1 120, X2 (negative) 100·50/40 = 125, X = 122.5; Y1 105; 0.6·122.5 + 0.4·105 = 115.5
    expect(await read(dir, "both/index-wide.csv")).toContain("INDEX,Index,0,100.0000,115.5000\n");
  });

  it("reads a number whose format only prints a percent sign (0.00\"%\", 0.00\\%) as it is, and refuses formulas without a saved result", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("v");
    sheet.addRow(["indicator", 2017, 2018]);
    sheet.addRow(["X1", 1.96, 2.45]);
    sheet.getRow(2).getCell(2).numFmt = '0.00"%"'; // shows 1.96%, holds 1.96
    sheet.getRow(2).getCell(3).numFmt = "0.00\\%"; // shows 2.45%, holds 2.45
    sheet.addRow(["X2", 50, 40]);
    sheet.addRow(["Y1", 0.02, 0.021]);
    sheet.getRow(4).getCell(2).numFmt = "0.0%"; // a real percentage: shows 2.0%, holds 0.02
    sheet.getRow(4).getCell(3).numFmt = "0.0%";
    const tree = "code,parent,name,weight,direction\nX,,X,0.6,+\nX1,X,x1,,+\nX2,X,x2,,-\nY,,Y,0.4,+\nY1,Y,y1,,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--out", "-", "--table", "scores"], dir);
    expect(run.code, run.stderr).toBe(0);
    // X1 2018 = 100·2.45/1.96 = 125 (a misread 196 would give 1.25); Y1 2018 = 100·2.1/2.0 = 105.
    expect(run.stdout).toContain(",2018,X1,x1,2,125.0000");
    expect(run.stdout).toContain(",2018,Y1,y1,2,105.0000");

    // A formula written by a program without its result: refused, naming the cell, rather than read as a gap that
    // --missing carry-forward would fill with the year before.
    sheet.getRow(3).getCell(3).value = { formula: "B3*0.8" } as ExcelJS.CellFormulaValue;
    await writeFile(join(dir, "values.xlsx"), new Uint8Array(await book.xlsx.writeBuffer()));
    const unsaved = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--missing", "carry-forward"], dir);
    expect(unsaved.code).toBe(1);
    expect(unsaved.stderr).toBe(
      "error: 1 problem found:\nvalues.xlsx[v]:3:3: cell C3 holds the formula =B3*0.8 but not its result (the file was written by a program and never saved by Excel); expected a value, or the workbook opened and saved in Excel, which stores each formula's result\n",
    );
    // ...reported with the other problems of the cells in one pass: a text that is not a number beside it.
    sheet.getRow(4).getCell(3).value = "abc";
    await writeFile(join(dir, "values.xlsx"), new Uint8Array(await book.xlsx.writeBuffer()));
    const both = await runCli(["validate", "-i", "tree.csv", "-d", "values.xlsx"], dir);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("values.xlsx[v]:3:3: cell C3 holds the formula =B3*0.8 but not its result");
    expect(both.stderr).toMatch(/values\.xlsx\[v\]:4:3: value "abc" in column "2018" is not a number/);
  });

  it("applies --decimal , to the text cells of a workbook, never to its number cells (a 0.00% cell holding 0.0196 is 1.96)", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("v");
    sheet.addRow(["indicator", 2017, 2018]);
    sheet.addRow(["X1", 0.0196, 0.0245]);
    sheet.getRow(2).getCell(2).numFmt = "0.00%";
    sheet.getRow(2).getCell(3).numFmt = "0.00%";
    sheet.addRow(["X2", "1,5", "1,8"]); // typed as text with a decimal comma, as in a European sheet
    const tree = "code,parent,name,weight,direction\nX1,,x1,0.5,+\nX2,,x2,0.5,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--decimal", ",", "--out", "-", "--table", "scores"], dir);
    expect(run.code, run.stderr).toBe(0);
    // X1 2018 = 100·2.45/1.96 = 125; X2 2018 = 100·1.8/1.5 = 120.
    expect(run.stdout).toContain(",2018,X1,x1,1,125.0000");
    expect(run.stdout).toContain(",2018,X2,x2,1,120.0000");
  });

  it("warns of a series mixing percentage cells with plain numbers (read 100 times apart), an error under --strict", async () => {
    // A1's 2017 and 2018 cells formatted 0.00% (stored 0.0196 and 0.021, shown 1.96% and 2.10%), its 2019 cell a plain
    // 0.0245 typed into a General cell: read as 1.96, 2.1 and 0.0245.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("v");
    sheet.addRow(["indicator", 2017, 2018, 2019]);
    sheet.addRow(["A1", 0.0196, 0.021, 0.0245]);
    sheet.getRow(2).getCell(2).numFmt = "0.00%";
    sheet.getRow(2).getCell(3).numFmt = "0.00%";
    sheet.addRow(["A2", 5, 6, 7]);
    sheet.addRow(["A3", 0.01, 0, 0.02]); // a plain zero beside percentages: the same either way, no mix
    sheet.getRow(4).getCell(2).numFmt = "0%";
    sheet.getRow(4).getCell(4).numFmt = "0%";
    const tree = "code,parent,name,weight,direction\nA1,,a1,,+\nA2,,a2,,+\nA3,,a3,,+\n";
    const dir = await makeTempDir({
      "tree.csv": tree,
      "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()),
      // The same in a values folder of CSV files: the cells as Excel saves them, one file per year.
      "data/2017.csv": "unit,year,indicator,value\n,2017,A1,1.96%\n,2017,A2,5\n,2017,A3,1%\n",
      "data/2018.csv": "unit,year,indicator,value\n,2018,A1,2.10%\n,2018,A2,6\n,2018,A3,0\n",
      "data/2019.csv": "unit,year,indicator,value\n,2019,A1,0.0245\n,2019,A2,7\n,2019,A3,2%\n",
    });
    // The percentages' median (1.96 and 2.1) is 2.03, 2.03 / 0.0245 = 82.86 times the plain number's: shown as about 82.9.
    const mixed = (where: string, first: string) =>
      `values of "A1" mix 2 percentages (e.g. 1.96% at ${first}) with 1 plain number (e.g. 0.0245 at ${where}) of another magnitude: ` +
      "the plain numbers' median, 0.0245, is about 82.9 times smaller than the percentages', 2.03; a percent sign is dropped (1.96% reads as 1.96), " +
      'so a share written as a fraction (0.0245 for 2.45%) reads 100 times smaller; expected every value of "A1" written one way: all with a percent sign (or formatted as percentages in Excel) or none';
    // And the value itself, far from 2018's: 2.1 / 0.0245 = 85.71, about 85.7 times (W_VALUE_JUMP), at the same cell.
    const jump =
      'indicator "A1": the 2019 value 0.0245 is about 85.7 times smaller than the 2018 value 2.1 (50 times or more apart, which a real change from one year to the next seldom is): ' +
      "probably a share written as a fraction beside percent points or the other way round (×100), a unit of measure changed (×1,000 or ×10,000, e.g. 元 for 万元), or a real change; " +
      "expected the value checked: if it is right, nothing to do (--strict does not refuse it)";
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--out", "-", "--table", "scores"], dir);
    expect(run.code, run.stderr).toBe(0);
    // The warning is placed at the plain number (the rarer kind): row 2 of the sheet, its 2019 cell (column 4); the
    // first percentage is column 2 of the same row.
    expect(run.stderr).toContain(`warning: values.xlsx[v]:2:4: ${mixed("values.xlsx[v]:2:4", "values.xlsx[v]:2:2")}`);
    expect(run.stderr).toContain(`warning: values.xlsx[v]:2:4: ${jump}`);
    expect(run.stderr).not.toContain('"A2"');
    expect(run.stderr).not.toContain('"A3"');
    // The values are read as written (no guess): A1 2019 = 100·0.0245/1.96 = 1.25.
    expect(run.stdout).toContain(",2019,A1,a1,1,1.2500");
    const folder = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--out", "-", "--table", "scores"], dir);
    expect(folder.code, folder.stderr).toBe(0);
    expect(folder.stderr).toContain(`warning: data/2019.csv:2: ${mixed("data/2019.csv:2", "data/2017.csv:2")}`);
    const strict = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--strict"], dir);
    expect(strict.code).toBe(1);
    // The mixed notations refused; the jump (advisory: a value checked and right cannot be written otherwise) left a warning.
    expect(strict.stderr).toBe(`error: 1 problem found:\ndata/2019.csv:2: ${mixed("data/2019.csv:2", "data/2017.csv:2")}\n`);
    expect(await listDir(join(dir, "out"))).toEqual([]);
    // One file with every A1 cell marked (read by the byte path): no warning.
    const marked = await makeTempDir({ "tree.csv": tree, "values.csv": "unit,year,indicator,value\n,2017,A1,1.96%\n,2018,A1,2.45%\n,2017,A2,5\n,2018,A2,6\n,2017,A3,1\n,2018,A3,1\n" });
    const clean = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--table", "scores"], marked);
    expect(clean.stderr).toBe("");
    expect(clean.stdout).toContain(",2018,A1,a1,1,125.0000"); // 100·2.45/1.96
  });

  it("reads a sheet with a merged title row above the header, and years kept as dates shown as years (yyyy)", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["常州高新区指标数据（示例）"]);
    sheet.mergeCells("A1:D1"); // ExcelJS, as Excel, gives every merged cell the title
    sheet.addRow(["地区", "年份", "指标", "数值（%）"]);
    for (const [year, a, b] of [[2017, 4, 10], [2018, 5, 12]]) {
      for (const [code, value] of [["A1", a], ["A2", b]] as const) {
        const row = sheet.addRow(["常州", new Date(Date.UTC(year, 0, 1)), code, value]);
        row.getCell(2).numFmt = "yyyy";
      }
    }
    const tree = "code,parent,name,weight,direction\nA1,,研发,,+\nA2,,专利,,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--out", "-"], dir);
    expect(run.code, run.stderr).toBe(0);
    // INDEX 2018 = (100·5/4 + 100·12/10)/2 = (125 + 120)/2 = 122.5
    expect(run.stdout).toContain("常州,2018,INDEX,总指数,0,122.5000");
    // Shown as whole dates, they are no years: said once, with the way out.
    sheet.getColumn(2).numFmt = "yyyy-mm-dd";
    for (let row = 3; row <= 6; row++) sheet.getRow(row).getCell(2).numFmt = "yyyy-mm-dd";
    await writeFile(join(dir, "values.xlsx"), new Uint8Array(await book.xlsx.writeBuffer()));
    const dates = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx"], dir);
    expect(dates.code).toBe(1);
    expect(dates.stderr).toContain(`values.xlsx[数据]:2: ${messages.yearColumnDates("年份", ["2017-01-01", "2018-01-01"])}`);
  });

  it("points to --sheet when the sheet read by default holds notes or nothing and another sheet holds the values", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("填表说明").addRow(["请在“数据”表中填写数值，不要修改表头"]);
    const data = book.addWorksheet("数据");
    data.addRow(["指标代码", "2017", "2018"]);
    data.addRow(["A1", 4, 5]);
    const tree = "code,parent,name,weight,direction\nA1,,研发,,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`values.xlsx[填表说明]: ${readerMessages.xlsxDefaultSheetNoValues("values.xlsx", false, ["数据"])}`);
    expect(readerMessages.xlsxDefaultSheetNoValues("values.xlsx", false, ["数据"])).toBe(
      'values.xlsx: the sheet read by default, the first, holds no table of values, and the workbook has other sheets, "数据"; expected --sheet naming the sheet of the values, such as --sheet "数据"',
    );
    expect(await listDir(dir)).toEqual(["tree.csv", "values.xlsx"]);
    // As told: 100·5/4 = 125.
    const chosen = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "--sheet", "数据", "--out", "-"], dir);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).toContain(",2018,INDEX,");
    expect(chosen.stdout).toMatch(/,2018,INDEX,[^\n]*,125\.0000/);
  });

  it("refuses a CSV whose unit cells were merged in Excel (the unit in the first row only), and writes nothing", async () => {
    const tree = "code,parent,name,weight,direction\nA1,,研发,,+\n";
    const values = "地区,年份,指标代码,数值\n常州,2017,A1,2\n,2018,A1,2.5\n无锡,2017,A1,1\n,2018,A1,2\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: 2 problems found:\nvalues.csv:3:1: ${messages.emptyUnit("地区", 3, 3, "常州")}\nvalues.csv:5:1: ${messages.emptyUnit("地区", 5, 5, "无锡")}\n`,
    );
    expect(await listDir(dir)).toEqual(["tree.csv", "values.csv"]);
  });

  it("names the file and line of a missing value read from a values folder, as from one file", async () => {
    const tree = "code,parent,name,weight,direction\nA,,研发,0.5,+\nB,,专利,0.5,+\n";
    const dir = await makeTempDir({
      "tree.csv": tree,
      "data/2017.csv": "unit,year,indicator,value\n常州,2017,A,10\n常州,2017,B,4\n",
      "data/2018.csv": "unit,year,indicator,value\n常州,2018,A,12\n常州,2018,B,NA\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "data"], dir);
    expect(run.code).toBe(1);
    // B of 常州 has 2017 before the gap, and 常州 is the only unit: interpolate, carry-forward, reweight.
    expect(run.stderr).toBe(`error: 1 problem found:\ndata/2018.csv:3:4: ${messages.missingValue("B", "常州", 2018, ["interpolate", "carry-forward", "reweight"])}\n`);
  });

  it("names the column of a missing value in the wide layouts, where a line holds a value for each year or indicator", async () => {
    const tree = "code,parent,name,weight,direction\nA,,研发,0.5,+\nB,,专利,0.5,+\n";
    // Wide by year: U1's B (line 3) has no 2018 (column 4); by indicator: U1's 2018 (line 3) has no B (column 4).
    const dir = await makeTempDir({
      "tree.csv": tree,
      "by-year.csv": "unit,indicator,2017,2018\nU1,A,1,2\nU1,B,3,\nU2,A,1,2\nU2,B,3,4\n",
      "by-indicator.csv": "unit,year,A,B\nU1,2017,1,3\nU1,2018,2,\nU2,2017,1,3\nU2,2018,2,4\n",
    });
    for (const file of ["by-year.csv", "by-indicator.csv"]) {
      const run = await runCli(["compute", "-i", "tree.csv", "-d", file, "--out", "-"], dir);
      expect(run.code).toBe(1);
      // B of U1 has 2017 before the gap, and U2 has B in 2018.
      const policies = ["interpolate", "carry-forward", "mean", "median", "reweight"];
      expect(run.stderr).toBe(`error: 1 problem found:\n${file}:3:4: ${messages.missingValue("B", "U1", 2018, policies)}\n`);
    }
  });

  it("reads a values folder's .tsv files and the .txt files Excel saves (Unicode text, tab-delimited GBK), not a notes file", async () => {
    const tree = "code,parent,name,weight,direction\nA,,研发,0.5,+\nB,,专利,0.5,+\n";
    const dir = await makeTempDir({
      "tree.csv": tree,
      "data/2017.csv": "unit,year,indicator,value\n常州,2017,A,10\n常州,2017,B,4\n",
      // Excel's "Unicode text": UTF-16LE with its byte-order mark, tab-separated.
      "data/2018.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("unit\tyear\tindicator\tvalue\r\n常州\t2018\tA\t12\r\n常州\t2018\tB\t5\r\n", "utf16le")]),
      // Chinese Excel's "Text (Tab delimited)": GBK, tab-separated.
      "data/2019.txt": iconv.encode("unit\tyear\tindicator\tvalue\r\n常州\t2019\tA\t15\r\n常州\t2019\tB\t6\r\n", "gbk"),
      "data/2020.tsv": "unit\tyear\tindicator\tvalue\n常州\t2020\tA\t20\n常州\t2020\tB\t8\n",
      "data/说明.txt": "2021 values come next spring, from the statistics bureau.\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--out", "-"], dir);
    expect(run.code, run.stderr).toBe(0);
    // INDEX = (100·A/10 + 100·B/4)/2: 2018 (120 + 125)/2 = 122.5; 2019 (150 + 150)/2 = 150; 2020 (200 + 200)/2 = 200.
    expect(run.stdout).toContain("常州,2018,INDEX,总指数,0,122.5000");
    expect(run.stdout).toContain("常州,2019,INDEX,总指数,0,150.0000");
    expect(run.stdout).toContain("常州,2020,INDEX,总指数,0,200.0000");
    expect(run.stdout).not.toContain(",2021,");
  });

  it("reads the code column of a sheet with both 指标 (names) and 指标代码 (codes), and names the code of a name given as a code", async () => {
    const tree = "code,parent,name,weight,direction\nA,,G,,\nA1,A,研发,,+\nA2,A,专利,,-\n";
    const dir = await makeTempDir({
      "tree.csv": tree,
      "both.csv": "指标,指标代码,2017,2018\n研发,A1,10,20\n专利,A2,4,5\n",
      "names.csv": "指标,2017,2018\n研发,10,20\n专利,4,5\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "both.csv", "--out", "-"], dir);
    expect(run.code, run.stderr).toBe(0);
    // 2018: A1 100·20/10 = 200, A2 (negative) 100·4/5 = 80; INDEX = (200 + 80)/2 = 140.
    expect(run.stdout).toContain(",2018,INDEX,总指数,0,140.0000");
    const names = await runCli(["validate", "-i", "tree.csv", "-d", "names.csv"], dir);
    expect(names.code).toBe(1);
    expect(names.stderr).toContain(`names.csv:2:1: ${messages.unknownIndicator("研发", "A1")}`);
    expect(messages.unknownIndicator("研发", "A1")).toBe(
      'unknown indicator "研发", which is the name of "A1"; expected a leaf code of the indicator tree (values name indicators by their code)',
    );
  });

  it("names the sheet, line and value of a bad cell in a workbook", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("v");
    sheet.addRow(["year", "indicator", "value"]);
    sheet.addRow([2017, "A", "12a"]);
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,,+\n", "values.xlsx": new Uint8Array(await book.xlsx.writeBuffer()) });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.xlsx"], dir);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.xlsx[v]:2:3: ${messages.badValue("12a", "value")}\n`);
  });
});

describe("formula indicators from the command line", () => {
  it("computes an indicator from raw variables in the values file", async () => {
    const tree = "code,parent,name,weight,direction,formula\nA,,a,0.5,+,rd / revenue * 100\nB,,b,0.5,+,\n";
    const values = "year,indicator,value\n2017,rd,3\n2017,revenue,150\n2018,rd,4\n2018,revenue,160\n2017,B,10\n2018,B,11\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    expect(run.code).toBe(0);
    // A = 2, 2.5 → 100, 125; B → 100, 110; INDEX 2018 = (125 + 110)/2 = 117.5
    expect(await read(dir, "out/scores.csv")).toContain(",2018,A,a,1,125.0000\n");
    expect(await read(dir, "out/index.csv")).toContain(",2018,INDEX,Index,0,117.5000\n");
  });

  it("reads a formula from a YAML tree; a missing variable is a gap the missing-value policy fills, counted in coverage", async () => {
    const tree = "- code: A\n  weight: 0.5\n  direction: +\n  formula: rd / revenue * 100\n- code: B\n  weight: 0.5\n  direction: +\n";
    // rd is missing in 2018: A 2018 is a gap, interpolated between 2 (2017) and 3 (2019) as 2.5
    const values = "indicator,2017,2018,2019\nrd,3,,6\nrevenue,150,160,200\nB,10,11,12\n";
    const dir = await makeTempDir({ "tree.yaml": tree, "values.csv": values });
    const failed = await runCli(["compute", "-i", "tree.yaml", "-d", "values.csv"], dir);
    // A has 2017 and 2019 around the gap, in a file of one unit; a formula's value has no row of its own (no line): the
    // values file alone.
    expect(failed.stderr).toBe(`error: 1 problem found:\nvalues.csv: ${messages.missingValue("A", "", 2018, ["interpolate", "carry-forward", "carry-back", "reweight"])}\n`);
    const run = await runCli(["compute", "-i", "tree.yaml", "-d", "values.csv", "--missing", "interpolate", "-q"], dir);
    expect(run.code).toBe(0);
    expect(await read(dir, "out/imputations.csv")).toBe("unit,year,indicator,method,value\n,2018,A,interpolate,2.5000\n");
    expect(await read(dir, "out/coverage.csv")).toContain("A,A,3,2,1,0,0.6667\n");
    // A: 100, 125, 150; B: 100, 110, 120; INDEX 2018 = (125 + 110)/2 = 117.5
    expect(await read(dir, "out/index.csv")).toContain(",2018,INDEX,Index,0,117.5000\n");
  });

  it("refuses a hostile formula before reading any value, naming the indicator and the formula", async () => {
    const tree = 'code,parent,name,weight,direction,formula\nA,,a,,+,"a.constructor.constructor(""return process"")"\n';
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": "year,indicator,value\n2017,a,1\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `tree.csv:2: ${messages.badFormula("A", 'a.constructor.constructor("return process")', `function expression is not allowed; allowed: abs, sqrt, cbrt, exp, log, log10, log2, log1p, min, max, round, floor, ceil, sign`)}`,
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });
});

describe("innovation-index template", () => {
  const tree = "code,parent,name,weight,direction,unit,formula\nA,,研发强度,0.5,+,%,rd / revenue * 100\nB,,孵化器,0.5,+,个,\n";

  it("writes the wide CSV for one unit, with formula variables in place of their indicator", async () => {
    const dir = await makeTempDir({ "tree.csv": tree });
    const run = await runCli(["template", "-i", "tree.csv", "--years", "2017-2019", "--out", "values.csv"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "wrote values.csv: 3 rows to fill in\n" });
    expect(await readFile(join(dir, "values.csv"), "utf8")).toBe(
      "\uFEFF指标代码,指标名称,计量单位,2017,2018,2019\nrd,A = rd / revenue * 100,,,,\nrevenue,A = rd / revenue * 100,,,,\nB,孵化器,个,,,\n",
    );
    // --lang en: the same rows under English column names.
    expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2019", "--lang", "en", "--out", "en.csv"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "en.csv"), "utf8")).toBe(
      "\uFEFFindicator,name,measure,2017,2018,2019\nrd,A = rd / revenue * 100,,,,\nrevenue,A = rd / revenue * 100,,,,\nB,孵化器,个,,,\n",
    );
    const again = await runCli(["template", "-i", "tree.csv", "--years", "2017-2019", "--out", "values.csv"], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toBe("error: values.csv: the file exists; expected a new file name (or --force to overwrite it)\n");
  });

  it("writes the long layout for several units, and a workbook that reads back once filled in", async () => {
    const dir = await makeTempDir({ "tree.csv": tree });
    await runCli(["template", "-i", "tree.csv", "--years", "2017,2018", "--units", "常州,无锡", "--out", "long.csv"], dir);
    const long = (await readFile(join(dir, "long.csv"), "utf8")).split("\n");
    expect(long[0]).toBe("\uFEFF评价对象,年份,指标代码,指标名称,数值");
    expect(long).toHaveLength(1 + 2 * 2 * 3 + 1);
    expect(long[1]).toBe("常州,2017,rd,A = rd / revenue * 100,");
    const run = await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--out", "values.xlsx"], dir);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "values.xlsx"));
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe("指标数据");
    expect(sheet.getRow(1).values).toEqual([undefined, "指标代码", "指标名称", "计量单位", "2017", "2018"]);
    // fill it in and compute: A = 3/150·100 = 2 → 4/160·100 = 2.5; B 10 → 11
    [[3, 4], [150, 160], [10, 11]].forEach((pair, i) => {
      sheet.getRow(i + 2).getCell(4).value = pair[0];
      sheet.getRow(i + 2).getCell(5).value = pair[1];
    });
    await book.xlsx.writeFile(join(dir, "values.xlsx"));
    const computed = await runCli(["compute", "-i", "tree.csv", "-d", "values.xlsx", "-q"], dir);
    expect(computed.code).toBe(0);
    expect(await read(dir, "out/index.csv")).toContain(",2018,INDEX,总指数,0,117.5000\n");
  });

  it.each(["zh", "en"])("reads back a filled-in CSV template with the column names of --lang %s, wide and long", async (lang) => {
    const dir = await makeTempDir({ "tree.csv": tree });
    expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--lang", lang, "--out", "wide.csv"], dir)).code).toBe(0);
    expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--units", "常州", "--lang", lang, "--out", "long.csv"], dir)).code).toBe(0);
    // Filled with rd 3 → 4, revenue 150 → 160, B 10 → 11: A = 100·rd/revenue = 2 → 2.5, index of A 125, of B 110;
    // INDEX in 2018 = 0.5·125 + 0.5·110 = 117.5.
    const wide = (await readFile(join(dir, "wide.csv"), "utf8")).split("\n");
    const fill = [["3", "4"], ["150", "160"], ["10", "11"]];
    await writeFile(join(dir, "wide.csv"), wide.map((line, i) => (i >= 1 && i <= 3 ? line.replace(/,,$/, `,${fill[i - 1].join(",")}`) : line)).join("\n"));
    // Long rows by year, then series: 2017 rd, revenue, B; 2018 rd, revenue, B.
    const values = ["3", "150", "10", "4", "160", "11"];
    const long = (await readFile(join(dir, "long.csv"), "utf8")).split("\n");
    await writeFile(join(dir, "long.csv"), long.map((line, i) => (i >= 1 && i <= 6 ? line + values[i - 1] : line)).join("\n"));
    for (const data of ["wide.csv", "long.csv"]) {
      const run = await runCli(["compute", "-i", "tree.csv", "-d", data, "--out", "-", "--format", "json", "--table", "index"], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).find((row: { year: number; code: string }) => row.year === 2018 && row.code === "INDEX")).toMatchObject({ value: 117.5 });
    }
  });

  it("reads back a filled-in workbook or CSV template whose codes and units the formula guard wrote ('=X1)", async () => {
    // Codes =X1 and -Y1 are written '=X1 and '-Y1 (guarded) in the CSV template, as they are in the workbook's Text
    // cells; read back they are the tree's codes.
    const guarded = "code,parent,name,weight,direction\n=X1,,x,0.5,+\n-Y1,,y,0.5,+\n";
    const dir = await makeTempDir({ "tree.csv": guarded });
    for (const out of ["t.xlsx", "t.csv"])
      expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--units", "=U1", "--out", out], dir)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "t.xlsx"));
    const sheet = book.worksheets[0];
    // The workbook holds the unit as it is, a string in the Text format; the CSV template holds it guarded ('=U1).
    expect(sheet.getRow(2).getCell(1).value).toBe("=U1");
    expect(sheet.getRow(2).getCell(1).numFmt).toBe("@");
    // Long layout: unit, year, indicator, name, value; rows =U1 2017 =X1, 2017 -Y1, 2018 =X1, 2018 -Y1 (by year).
    const filled = [10, 20, 15, 30];
    const rows = [2, 3, 4, 5].map((row) => sheet.getRow(row));
    rows.forEach((row, i) => (row.getCell(5).value = filled[i]));
    await book.xlsx.writeFile(join(dir, "t.xlsx"));
    const csv = (await readFile(join(dir, "t.csv"), "utf8")).split("\n");
    await writeFile(join(dir, "t.csv"), csv.map((line, i) => (i >= 1 && i <= 4 ? line + filled[i - 1] : line)).join("\n"));
    for (const data of ["t.xlsx", "t.csv"]) {
      const run = await runCli(["compute", "-i", "tree.csv", "-d", data, "--out", "-", "--format", "json", "--table", "index"], dir);
      expect(run.code, run.stderr).toBe(0);
      // 2018: =X1 100·15/10 = 150, -Y1 100·30/20 = 150; INDEX = 150. The unit is =U1, not '=U1.
      expect(JSON.parse(run.stdout).find((row: { year: number; unit: string }) => row.year === 2018)).toMatchObject({ unit: "=U1", value: 150 });
    }
  });

  it.each([
    [["template", "-i", "tree.csv", "--years", "17-19", "--out", "v.csv"], /--years must be a range such as 2017-2020/],
    [["template", "-i", "tree.csv", "--years", "2017", "--out", "v.txt"], /--out must end in \.csv or \.xlsx, got "v\.txt"/],
    [["template", "--years", "2017", "--out", "v.csv"], /required option '-i, --indicators <file>' not specified/],
  ])("exits 2 on %j", async (argv, message) => {
    const run = await runCli(argv, await makeTempDir({ "tree.csv": tree }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
