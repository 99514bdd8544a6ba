import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");
const smallProject = async (files: Record<string, string> = {}) =>
  makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv"), ...files });
const SMALL = ["-i", "tree.csv", "-d", "values.csv"];

/** The cells of a sheet's rows below the header, from column 1 (ExcelJS's row values start at index 1). */
function cellsOf(sheet: { rowCount: number; getRow(row: number): { values: unknown } }): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return rows;
}

describe("compute: analysis files", () => {
  it("writes growth.csv, contributions.csv and ranks.csv with the hand-computed values", async () => {
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--decimals", "2"], dir)).code).toBe(0);
    const growth = (await readFile(join(dir, "out/growth.csv"), "utf8")).split("\n");
    expect(growth[0]).toBe("\uFEFFunit,code,name,level,year,value,change,change_percent,average_change,cagr_percent");
    // U1 INDEX 2019: 143, +27.5 on 115.5 = +23.81 %, 21.5 points a year since 2017, CAGR √1.43 − 1 = 19.58 %
    expect(growth).toContain("U1,INDEX,总指数,0,2019,143.00,27.50,23.81,21.50,19.58");
    // U1 Y 2019: 95, −10 on 105 = −9.52 %; negative numbers stay numbers (no leading ')
    expect(growth).toContain("U1,Y,维度Y,1,2019,95.00,-10.00,-9.52,-2.50,-2.53");
    const contributions = (await readFile(join(dir, "out/contributions.csv"), "utf8")).split("\n");
    expect(contributions[0]).toBe("\uFEFFunit,from_year,to_year,code,name,level,from_value,to_value,change,contribution,share_percent,method");
    // U1 2017 -> 2019: X 0.6·75 = 45 (104.65 % of 43), Y 0.4·(−5) = −2 (−4.65 %)
    expect(contributions).toContain("U1,2017,2019,INDEX,总指数,0,100.00,143.00,43.00,43.00,100.00,total");
    expect(contributions).toContain("U1,2017,2019,X,维度X,1,100.00,175.00,75.00,45.00,104.65,additive");
    expect(contributions).toContain("U1,2017,2019,Y,维度Y,1,100.00,95.00,-5.00,-2.00,-4.65,additive");
    // pairs 2017-2018, 2018-2019 and 2017-2019 for 2 units, 3 rows each (INDEX, X, Y), header and final newline
    expect(contributions).toHaveLength(1 + 2 * 3 * 3 + 1);
    const ranks = (await readFile(join(dir, "out/ranks.csv"), "utf8")).split("\n");
    expect(ranks[0]).toBe("\uFEFFunit,year,code,name,level,value,rank,rank_change");
    // 2018: U1 115.5 ahead of U2 111.5; both 100 (tied first) in 2017, so U2 lost one place
    expect(ranks).toContain("U1,2018,INDEX,总指数,0,115.50,1,0");
    expect(ranks).toContain("U2,2018,INDEX,总指数,0,111.50,2,-1");
    expect(ranks).toContain("U1,2017,INDEX,总指数,0,100.00,1,");
  });

  it("--contributions indicators adds every group and indicator: products of weights × change of score", async () => {
    const dir = await smallProject();
    await runCli(["compute", ...SMALL, "-q", "--decimals", "2", "--contributions", "indicators"], dir);
    const contributions = (await readFile(join(dir, "out/contributions.csv"), "utf8")).split("\n");
    // U1 2017 -> 2019: X1 0.6·0.5·50 = 15, X2 0.6·0.5·100 = 30, Y1 0.4·(−5) = −2
    expect(contributions).toContain("U1,2017,2019,X1,指标1,2,100.00,150.00,50.00,15.00,34.88,additive");
    expect(contributions).toContain("U1,2017,2019,X2,指标2,2,100.00,200.00,100.00,30.00,69.77,additive");
    expect(contributions).toContain("U1,2017,2019,Y1,指标3,2,100.00,95.00,-5.00,-2.00,-4.65,additive");
  });

  it("writes one unit's files without ranks.csv", async () => {
    const dir = await smallProject({ "one.csv": (await fixture("values.csv")).split("\n").filter((line) => !line.startsWith("U2")).join("\n") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "one.csv"], dir);
    expect(run.stderr).toBe("wrote index.csv, index-wide.csv, scores.csv, growth.csv, contributions.csv, weights.csv, coverage.csv, imputations.csv, treatment.csv, index.json to out\n");
  });
});

describe("compute: CSV for Excel", () => {
  it("neutralises text cells that Excel would run as formulas, and --no-bom drops the byte order mark", async () => {
    const values = (await fixture("values.csv")).replaceAll("U2,", "=2+5,");
    const tree = (await fixture("tree.csv")).replace("Y,,维度Y", "Y,,@维度Y");
    const hostile = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q", "--decimals", "2", "--no-bom"], hostile);
    const index = await readFile(join(hostile, "out/index.csv"), "utf8");
    expect(index.startsWith("unit,year,code")).toBe(true);
    expect(index.split("\n")).toContain("'=2+5,2019,Y,'@维度Y,1,120.00");
    const growth = (await readFile(join(hostile, "out/growth.csv"), "utf8")).split("\n");
    expect(growth).toContain("U1,Y,'@维度Y,1,2019,95.00,-10.00,-9.52,-2.50,-2.53");
  });

  it("writes index.xlsx with one sheet per table, frozen header rows and numbers as numbers", async () => {
    const dir = await smallProject();
    await runCli(["compute", ...SMALL, "-q", "--xlsx", "--lang", "en"], dir);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out/index.xlsx"))) as unknown as ArrayBuffer);
    // no value was imputed nor treated: no sheet for those
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["index", "index-wide", "scores", "growth", "contributions", "ranks", "weights", "coverage"]);
    for (const sheet of workbook.worksheets) expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
    const wide = workbook.getWorksheet("index-wide")!;
    // unit, code, name and level stay in view when scrolling through the years; every header has a filter button
    expect(wide.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 1 });
    expect(wide.autoFilter).toBe("A1:G1");
    expect(wide.getRow(1).values).toEqual([undefined, "unit", "code", "name", "level", "2017", "2018", "2019"]);
    // English headers read "_" as a space (the CSV files keep share_observed)
    expect(workbook.getWorksheet("coverage")!.getRow(1).values).toEqual([undefined, "indicator", "name", "expected", "observed", "imputed", "reweighted", "share observed"]);
    // U1 INDEX 2018 = 115.5 (by hand), a number cell with four decimals shown
    expect(wide.getCell("F2").value).toBe(115.5);
    expect(wide.getCell("F2").numFmt).toBe("0.0000");
    expect(wide.getCell("D2").value).toBe(0);
    const coverage = workbook.getWorksheet("coverage")!;
    // indicator, name, expected, observed, imputed, reweighted, share observed: 6 of 6 cells observed; in English the
    // tree's name_en, in every sheet with names (the CSV files keep the tree's name)
    expect(coverage.getRow(2).values).toEqual([undefined, "X1", "Indicator 1", 6, 6, 0, 0, 1]);
    expect([wide.getCell("C2").value, wide.getCell("C3").value]).toEqual(["Overall index", "Dimension X"]);
    for (const name of ["index", "scores", "growth", "contributions"]) {
      const sheet = workbook.getWorksheet(name)!;
      const column = (sheet.getRow(1).values as unknown[]).indexOf("name");
      expect(column, name).toBeGreaterThan(0);
      const names = new Set<unknown>();
      sheet.eachRow((row, r) => r > 1 && names.add(row.getCell(column).value));
      expect([...names].filter((value) => /[\u4e00-\u9fff]/.test(String(value))), name).toEqual([]);
    }
    expect(await readFile(join(dir, "out/index-wide.csv"), "utf8")).toContain(",维度X,");
    // without --xlsx, no workbook (ExcelJS is not even loaded)
    await expect(runCli(["compute", ...SMALL, "-q", "-o", "plain"], dir)).resolves.toMatchObject({ code: 0 });
    expect((await readFile(join(dir, "plain/index.csv"), "utf8")).length).toBeGreaterThan(0);
    await expect(readFile(join(dir, "plain/index.xlsx"))).rejects.toThrow(/ENOENT/);
  });
});

describe("compute: imputations in the workbook and the report", () => {
  it("a gap filled by interpolation gets an imputations sheet and a row in the report", async () => {
    // U1 X1 2018 missing: interpolated between 10 (2017) and 15 (2019) = 12.5
    const values = (await fixture("values.csv")).replace("U1,2018,X1,12", "U1,2018,X1,");
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--missing", "interpolate", "--report", "--static", "--xlsx", "-q"], dir);
    expect(run.code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out/index.xlsx"))) as unknown as ArrayBuffer);
    // --lang zh (the default): sheet names and headers in Chinese
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["指数", "指数（宽表）", "指标得分", "增长", "贡献分解", "排名", "权重", "数据覆盖", "插补与重新加权"]);
    const imputations = workbook.getWorksheet("插补与重新加权")!;
    expect(imputations.getRow(1).values).toEqual([undefined, "评价对象", "年份", "指标", "方法", "值"]);
    expect(imputations.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // the method in Chinese too, as the report's method line names it (imputations.csv keeps "interpolate")
    expect(imputations.getRow(2).values).toEqual([undefined, "U1", 2018, "X1", "线性插值", 12.5]);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toContain("<h2>缺失值插补与重新加权</h2><table><thead><tr><th>评价对象</th><th>年份</th><th>指标</th><th>方法</th><th>值</th></tr></thead>");
    expect(html).toContain("<tr><td>U1</td><td class=\"number\">2018</td><td>X1</td><td>线性插值</td><td class=\"number\">12.50</td></tr>");
    expect(await readFile(join(dir, "out/imputations.csv"), "utf8")).toContain("U1,2018,X1,interpolate,12.5");
  });
});

describe("compute: weights.csv and the weights sheet", () => {
  it("writes the weights the run used: the tree's, renormalised, with their global weights", async () => {
    // The small tree: X 0.6 and Y 0.4; X1 and X2 without weights (equal within X: 0.5 each); Y1 alone (1).
    // Global weights by hand: X1 = X2 = 0.6 · 0.5 = 0.3, Y1 = 0.4 · 1 = 0.4.
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--xlsx"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "out/weights.csv"), "utf8")).toBe(
      "\uFEFFcode,parent,level,weight,global_weight\n" +
        "X,INDEX,1,0.600000,0.600000\nX1,X,2,0.500000,0.300000\nX2,X,2,0.500000,0.300000\nY,INDEX,1,0.400000,0.400000\nY1,Y,2,1.000000,0.400000\n",
    );
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out/index.xlsx"))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("权重")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "代码", "上级", "层级", "权重", "总指数中的权重"]);
    expect(sheet.getRow(3).values).toEqual([undefined, "X1", "X", 2, 0.5, 0.3]);
  });

  it("with a weighting method, the derived weights: those innovation-index weights prints", async () => {
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--weights", "entropy"], dir)).code).toBe(0);
    const derived = await runCli(["weights", ...SMALL, "-m", "entropy", "--format", "csv"], dir);
    expect(derived.code).toBe(0);
    expect((await readFile(join(dir, "out/weights.csv"), "utf8")).replace(/^\uFEFF/, "")).toBe(derived.stdout);
  });
});

describe("compute: --format and --out -", () => {
  it("--out - writes no file and prints the index as CSV without a byte order mark", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", ...SMALL, "--out", "-", "--decimals", "1"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual(["unit,year,code,name,level,value", "U1,2017,INDEX,总指数,0,100.0", "U1,2017,X,维度X,1,100.0"]);
    expect(run.stderr).toBe("");
    await expect(readFile(join(dir, "out/index.csv"))).rejects.toThrow(/ENOENT/);
  });

  it("--format json --table growth prints rows as objects with unrounded numbers and null where undefined", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", ...SMALL, "--out", "-", "--format", "json", "--table", "growth"], dir);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    // U1 INDEX 2018: 115.5 on 100 (one year, so the average and the compound rate equal the change)
    expect(rows[0]).toMatchObject({ unit: "U1", code: "INDEX", name: "总指数", level: 0, year: 2018, value: 115.5, change: 15.5, change_percent: 15.5, average_change: 15.5 });
    expect(rows[0].cagr_percent).toBeCloseTo(15.5, 12);
    expect(rows.find((row) => row.code === "X2" && row.year === 2019 && row.unit === "U1")).toMatchObject({ value: 200, change: 75 });
    const ranks = JSON.parse((await runCli(["compute", ...SMALL, "--out", "-", "--format", "json", "--table", "ranks"], dir)).stdout);
    expect(ranks[0]).toEqual({ unit: "U1", year: 2017, code: "INDEX", name: "总指数", level: 0, value: 100, rank: 1, rank_change: null });
  });

  it("--format table --table ranks prints aligned columns, and the files are still written", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", ...SMALL, "--format", "table", "--table", "ranks", "-q"], dir);
    expect(run.stdout.split("\n")[0]).toMatch(/^unit\s+year\s+code\s+name\s+level\s+value\s+rank\s+rank_change$/);
    expect(run.stdout).toMatch(/\nU2\s+2019\s+INDEX\s+总指数\s+0\s+117\.0000\s+2\s+0\n/);
    expect((await readFile(join(dir, "out/ranks.csv"), "utf8")).length).toBeGreaterThan(0);
  });

  it("--format xlsx writes the workbook's bytes to stdout", async () => {
    const dir = await smallProject();
    const chunks: Uint8Array[] = [];
    const code = await main(["compute", ...SMALL, "--out", "-", "--format", "xlsx"], {
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
      stdoutBytes: (bytes) => void chunks.push(bytes),
    });
    expect(code).toBe(0);
    expect(Buffer.from(chunks[0]).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it.each([
    [["--table", "growth"], /--table growth needs --format table, csv or json/],
    [["--format", "csv", "--table", "nothing"], /unknown value "nothing" of --table; expected one of: /],
    [["--format", "pdf"], /unknown value "pdf" of --format; expected one of: table, csv, json, xlsx\n/],
  ])("exits 2 on %j", async (argv, message) => {
    const dir = await smallProject();
    const run = await runCli(["compute", ...SMALL, ...argv], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("--table ranks with one unit is a usage error", async () => {
    const dir = await smallProject({ "one.csv": (await fixture("values.csv")).split("\n").filter((line) => !line.startsWith("U2")).join("\n") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "one.csv", "--out", "-", "--table", "ranks"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--table ranks needs several units; the data has one unit/);
  });
});

/**
 * `a − b`, each as Excel shows it (15 significant digits), subtracted exactly on their digits (BigInt), then the double
 * nearest: the change a person gets from the two printed figures.
 */
function decimalDifference(a: number, b: number): number {
  const digitsOf = (x: number) => {
    const [mantissa, exponent] = x.toExponential(14).split("e");
    return { whole: BigInt(mantissa.replace(".", "")), exponent: Number(exponent) - 14 };
  };
  const [x, y] = [digitsOf(a), digitsOf(b)];
  const exponent = Math.min(x.exponent, y.exponent);
  const difference = x.whole * 10n ** BigInt(x.exponent - exponent) - y.whole * 10n ** BigInt(y.exponent - exponent);
  return Number(`${difference}e${exponent}`);
}

describe("the shipped Changzhou example", () => {
  it("contributions of the dimensions and of the indicators sum exactly to the change of the overall index", async () => {
    const dir = await makeTempDir();
    const json = JSON.parse((await runCli(["compute", "--out", "-", "--format", "json"], dir)).stdout);
    const table = await runCli(["compute", "--out", "-", "--format", "json", "--table", "contributions", "--contributions", "indicators"], dir);
    const rows = JSON.parse(table.stdout) as { from_year: number; to_year: number; code: string; level: number; contribution: number }[];
    // Reference written independently: the global weight of a node is the product of the weights in index.json from
    // the root down, and for the arithmetic aggregation its contribution is global weight × change of its value.
    type JsonNode = { code: string; parent: string | null; weight: number; kind: string };
    const nodes = new Map<string, JsonNode>((json.nodes as JsonNode[]).map((node) => [node.code, node]));
    const globalWeight = (code: string): number => (code === "INDEX" ? 1 : nodes.get(code)!.weight * globalWeight(nodes.get(code)!.parent!));
    const valueOf = (year: number, code: string) => json.results.find((result: { year: number }) => result.year === year).values[code] as number;
    const pairs = [[2017, 2018], [2018, 2019], [2019, 2020], [2017, 2020]];
    expect(new Set(rows.map((row) => `${row.from_year}-${row.to_year}`))).toEqual(new Set(pairs.map((pair) => pair.join("-"))));
    for (const [from, to] of pairs) {
      const pairRows = rows.filter((row) => row.from_year === from && row.to_year === to);
      const change = decimalDifference(valueOf(to, "INDEX"), valueOf(from, "INDEX"));
      // The change of the figures as shown, exactly: the index lies in the hundreds every year, so both figures have
      // 12 decimals and their difference is exact at them (the binary difference, 34.26356993966445, is not).
      expect(pairRows.find((row) => row.code === "INDEX")!.contribution).toBe(change);
      const sum = (filter: (row: (typeof rows)[number]) => boolean) => pairRows.filter(filter).reduce((total, row) => total + row.contribution, 0);
      expect(sum((row) => row.level === 1)).toBeCloseTo(change, 10);
      expect(sum((row) => nodes.get(row.code)?.kind === "indicator")).toBeCloseTo(change, 10);
      expect(pairRows.filter((row) => nodes.get(row.code)?.kind === "indicator")).toHaveLength(40);
      for (const row of pairRows)
        if (row.code !== "INDEX") expect(row.contribution).toBeCloseTo(globalWeight(row.code) * (valueOf(to, row.code) - valueOf(from, row.code)), 10);
    }
  });
});

describe("compute --performance-groups --xlsx: the groups sheet", () => {
  const readWorkbook = async (bytes: Uint8Array | Buffer) => {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  };

  it("adds 绩效分组 after the other sheets: groups.csv's rows, headed and named in Chinese, the groups worked out by hand", async () => {
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--xlsx", "--performance-groups"], dir)).code).toBe(0);
    const workbook = await readWorkbook(await readFile(join(dir, "out/index.xlsx")));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["指数", "指数（宽表）", "指标得分", "增长", "贡献分解", "排名", "权重", "数据覆盖", "绩效分组"]);
    const sheet = workbook.getWorksheet("绩效分组")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "评价对象", "年份", "总指数", "参照值（平均值）", "相对参照值（%）", "绩效分组"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // The overall index of the small fixture by hand (test/cli/compute.test.ts): 2019 U1 143, U2 117, their mean 130;
    // U1 is 110% of it (above 100, up to 125: strong), U2 90% (70 to 100: moderate). groups.csv says the same in English.
    const rows = cellsOf(sheet);
    const u1 = rows.find((row) => row[0] === "U1" && row[1] === 2019)!;
    expect(u1.slice(0, 4)).toEqual(["U1", 2019, 143, 130]);
    expect(u1[4] as number).toBeCloseTo(110, 12);
    expect(u1[5]).toBe("强劲创新者");
    expect(rows.find((row) => row[0] === "U2" && row[1] === 2019)![5]).toBe("中等创新者");
    expect(await readFile(join(dir, "out/groups.csv"), "utf8")).toMatch(/\nU1,2019,143\.0000,130\.0000,110\.0000,strong\n/);
  });

  it("in English: the sheet groups with groups.csv's headers and words; also in the workbook --format xlsx prints", async () => {
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--xlsx", "--performance-groups", "--lang", "en"], dir)).code).toBe(0);
    const sheet = (await readWorkbook(await readFile(join(dir, "out/index.xlsx")))).getWorksheet("groups")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "unit", "year", "index", "reference average", "relative percent", "group"]);
    expect(cellsOf(sheet).find((row) => row[0] === "U1" && row[1] === 2019)![5]).toBe("strong");
    const chunks: Uint8Array[] = [];
    const code = await main(["compute", ...SMALL, "--out", "-", "--format", "xlsx", "--performance-groups"], {
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
      stdoutBytes: (bytes) => void chunks.push(bytes),
    });
    expect(code).toBe(0);
    expect((await readWorkbook(Buffer.from(chunks[0]))).worksheets.map((item) => item.name).at(-1)).toBe("绩效分组");
  });

  it("gives the same bytes for the same inputs", async () => {
    const dir = await smallProject();
    for (const out of ["a", "b"]) expect((await runCli(["compute", ...SMALL, "-q", "--xlsx", "--performance-groups", "-o", out], dir)).code).toBe(0);
    expect((await readFile(join(dir, "b/index.xlsx"))).equals(await readFile(join(dir, "a/index.xlsx")))).toBe(true);
  });
});

describe("index.xlsx shows rank changes with their direction and the share observed as a percentage", () => {
  it("keeps the numbers of ranks.csv and coverage.csv in the cells, with formats ↑/↓ and a percentage", async () => {
    const dir = await smallProject();
    expect((await runCli(["compute", ...SMALL, "-q", "--xlsx"], dir)).code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out/index.xlsx"))) as unknown as ArrayBuffer);
    const ranks = workbook.getWorksheet("排名")!;
    const header = ranks.getRow(1).values as unknown[];
    expect(header.slice(-2)).toEqual(["排名", "排名变化"]);
    // U2 2018: tied first with U1 in 2017 (both 100), second in 2018 (111.5 against 115.5): rank_change 1 − 2 = −1,
    // shown ↓1 by the format's negative section.
    const change = header.length - 1;
    const row = cellsOf(ranks).findIndex((cells) => cells[0] === "U2" && cells[1] === 2018 && cells[2] === "INDEX");
    expect(ranks.getRow(row + 2).getCell(change).value).toBe(-1);
    expect(ranks.getRow(row + 2).getCell(change).numFmt).toBe('"↑"0;"↓"0;0');
    const coverage = workbook.getWorksheet("数据覆盖")!;
    expect(coverage.getCell("G2").value).toBe(1);
    // 0.0% below 0.9995, 99.9% up to 1 (never 100.0% for a share below 1), 100% for 1 (test/io/write/to-xlsx.test.ts).
    expect(coverage.getCell("G2").numFmt).toBe('[<0.9995]0.0%;[<1]"99.9%";0%');
  });
});
