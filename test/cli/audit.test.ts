/**
 * `innovation-index audit`: the files it writes, their columns, the summary, the options of compute and index.yaml,
 * the shipped one-unit example (notes, never NaN), and deterministic output. The numbers are checked against R in
 * test/core/audit/reference.test.ts; here one cell of each file is compared with that reference, rounded.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { computeDropSensitivity } from "../../src/core/audit/drop.js";
import { auditMessages } from "../../src/core/audit/messages.js";
import { computeProfiles } from "../../src/core/audit/profiles.js";
import { robustnessMessages } from "../../src/core/audit/robustness-messages.js";
import { computeIndex, type IndexResult } from "../../src/core/compute.js";
import { buildPanel } from "../../src/core/panel.js";
import { parseCsv } from "../../src/io/csv.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";
import { formatDropRanksCsv, formatDropSummaryCsv } from "../../src/io/write/drop-csv.js";
import { formatProfilesCsv } from "../../src/io/write/profiles-csv.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url), "utf8");
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function handMade(extra: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir({ "tree.csv": await fixture("audit/tree.csv"), "values.csv": await fixture("audit/values.csv"), ...extra });
  dirs.push(dir);
  return dir;
}

const ARGS = ["audit", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight"];
const CSV_FILES = [
  "correlations.csv", "cronbach.csv", "importance.csv", "pca.csv", "profiles.csv", "sensitivity-drop-ranks.csv", "sensitivity-drop.csv", "statistics.csv",
];

/** The value R wrote in test/fixtures/audit/expected.csv for the hand-made case. */
async function reference(table: string, period: string, key: string, statistic: string): Promise<number> {
  const line = (await fixture("audit/expected.csv")).split("\n").find((row) => row === `hand-made,${table},${period},${key},${statistic},${row.split(",")[5]}`);
  return Number(line!.split(",")[5]);
}

/** The rows of a CSV file in `dir/out`, header first (parsed as CSV: notes hold commas). */
async function rows(dir: string, file: string): Promise<string[][]> {
  const table = parseCsv(await readFile(join(dir, "out", file), "utf8"), file);
  return [table.header, ...table.rows.map((row) => row.cells)];
}

/** The hand-made fixture's result, computed through the library with the options of `ARGS`. */
async function handMadeResult(): Promise<IndexResult> {
  const tree = parseTreeCsv(await fixture("audit/tree.csv"), "tree.csv");
  const parsed = parseDataCsv(await fixture("audit/values.csv"), "values.csv");
  if (!parsed.ok) throw new Error("the fixture's values do not parse");
  const panel = buildPanel(tree, parsed.value);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return computeIndex(tree, panel.value, { normalize: "min-max", missing: "reweight" });
}

/** A workbook read back with ExcelJS. */
async function readWorkbook(path: string) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook;
}

/** The cells of a sheet's rows below the header, from column 1 (ExcelJS's row values start at index 1). */
function cellsOf(sheet: { rowCount: number; getRow(row: number): { values: unknown } }): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return rows;
}

/** A written CSV file without its byte order mark. */
const csvText = async (dir: string, out: string, file: string) => (await readFile(join(dir, out, file), "utf8")).replace(/^\uFEFF/, "");

describe("innovation-index audit", () => {
  it("writes the five tables with their columns, R's values rounded, and a summary", async () => {
    const dir = await handMade();
    const run = await runCli([...ARGS, "--out", "out"], dir);
    expect(run.code).toBe(0);
    expect(
      run.stderr.endsWith(
        "wrote statistics.csv, correlations.csv, cronbach.csv, pca.csv, importance.csv, sensitivity-drop.csv, sensitivity-drop-ranks.csv, profiles.csv to out\n",
      ),
    ).toBe(true);
    expect(await listDir(join(dir, "out"))).toEqual(CSV_FILES);
    const statistics = await rows(dir, "statistics.csv");
    expect(statistics[0].join(",")).toBe("period,indicator,n,coverage,mean,sd,min,max,skewness,kurtosis,same_share,outliers,flags,notes");
    const b = statistics.find((row) => row[0] === "all" && row[1] === "b")!;
    expect(Number(b[8])).toBe(Number((await reference("statistics", "all", "b", "skewness")).toFixed(4)));
    expect(b.slice(11, 13)).toEqual(["1", "skew-kurtosis"]);
    expect(statistics.find((row) => row[0] === "all" && row[1] === "d")![12]).toBe("low-coverage;collinear");
    expect(statistics.find((row) => row[0] === "all" && row[1] === "h")![12]).toBe("near-constant;negative-within-group");
    const correlations = await rows(dir, "correlations.csv");
    expect(correlations[0].join(",")).toBe("period,relation,group,level,a,b,n,pearson,spearman,flags,notes");
    const fg = correlations.find((row) => row[0] === "all" && row[1] === "sibling" && row[4] === "f" && row[5] === "g")!;
    expect(Number(fg[7])).toBe(Number((await reference("correlations", "all", "sibling:f:g", "pearson")).toFixed(4)));
    expect(fg[9]).toBe("negative");
    expect((await rows(dir, "cronbach.csv"))[0].join(",")).toBe("period,group,level,children,n,alpha,notes");
    expect((await rows(dir, "pca.csv"))[0].join(",")).toBe("period,group,n,component,eigenvalue,share,cumulative_share,child,pc1_loading,pc1_vector,notes");
    expect((await rows(dir, "importance.csv"))[0].join(",")).toBe(
      "period,code,parent,level,n,weight,global_weight,r2_parent,r2_parent_share,r2_index,r2_index_share,ratio_parent,ratio_parent_share,ratio_index,ratio_index_share,notes",
    );
    const alpha = (await rows(dir, "cronbach.csv")).find((row) => row[0] === "all" && row[1] === "P")!;
    expect(Number(alpha[5])).toBe(Number((await reference("cronbach", "all", "P", "alpha")).toFixed(4)));
    // The summary: pooled flags and the alpha of each first-level dimension (R's one-child note for R).
    expect(run.stdout).toContain("audit of 9 indicators, 8 units, 2019-2022 (period \"all\": 32 unit-years pooled)");
    expect(run.stdout).toContain("  skew-kurtosis (1): b\n");
    expect(run.stdout).toContain("  negative (");
    expect(run.stdout).toMatch(/\nP +2 +32 +0\.914 /);
    expect(run.stdout).toContain('group "R" has one child');
    for (const file of CSV_FILES) expect(await readFile(join(dir, "out", file), "utf8")).not.toMatch(/NaN|Infinity/);
  });

  it("writes the mean, sd, min and max of an indicator of values about 5e-7 with their significant digits, not 0.0000 (CSV and workbook)", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,tiny,1,+\nA2,A,plain,1,+\n";
    // tiny: 4, 5, 6 (e-7) in 2020 and 5, 7, 9 in 2021; plain: 10, 20, 30 and 40, 50, 60.
    const tiny = [[4e-7, 5e-7, 6e-7], [5e-7, 7e-7, 9e-7]];
    const plain = [[10, 20, 30], [40, 50, 60]];
    const lines = [2020, 2021].flatMap((year, y) =>
      ["U1", "U2", "U3"].flatMap((unit, u) => [`${unit},${year},A1,${tiny[y][u].toFixed(7)}`, `${unit},${year},A2,${plain[y][u]}`]),
    );
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": `unit,year,indicator,value\n${lines.join("\n")}\n` });
    dirs.push(dir);
    const run = await runCli(["audit", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--out", "out", "--xlsx", "--lang", "en"], dir);
    expect(run.code, run.stderr).toBe(0);
    const statistics = await rows(dir, "statistics.csv");
    const cells = (period: string, indicator: string) => statistics.find((row) => row[0] === period && row[1] === indicator)!.slice(4, 8);
    // mean, sd (divisor n − 1), min, max. 2020: mean 5e-7, sd √((1 + 0 + 1)/2)·1e-7 = 1e-7.
    expect(cells("2020", "A1")).toEqual(["0.0000005", "0.0000001", "0.0000004", "0.0000006"]);
    // all six: mean 36/6 = 6e-7; squares of the deviations 4 + 1 + 0 + 1 + 1 + 9 = 16, sd √(16/5) = 1.78885438…e-7, to
    // 6 significant digits 0.000000178885.
    expect(cells("all", "A1")).toEqual(["0.0000006", "0.000000178885", "0.0000004", "0.0000009"]);
    // A value with 6 significant digits in 4 decimals keeps the run's 4: mean 35, sd √(1750/5) = √350 = 18.70829…
    expect(cells("all", "A2")).toEqual(["35.0000", "18.7083", "10.0000", "60.0000"]);
    // The workbook keeps the value and shows its digits: 4 decimals, then up to 15 where a digit is not 0.
    const sheet = (await readWorkbook(join(dir, "out", "audit.xlsx"))).getWorksheet("statistics")!;
    const rowOf = cellsOf(sheet).findIndex((row) => row[0] === "all" && row[1] === "A1") + 2;
    expect(sheet.getCell(rowOf, 5).value as number).toBeCloseTo(6e-7, 20);
    expect([5, 6, 7, 8].map((column) => sheet.getCell(rowOf, column).numFmt)).toEqual(Array(4).fill("0.0000###########"));
    // The skewness is no raw value: still 4 decimals.
    expect(sheet.getCell(rowOf, 9).numFmt).toBe("0.0000");
  });

  it("applies the thresholds: --collinear 0.5 flags more pairs, --min-coverage 0.5 none for coverage", async () => {
    const dir = await handMade();
    await runCli([...ARGS, "--out", "out", "--collinear", "0.5", "--min-coverage", "0.5"], dir);
    const statistics = await rows(dir, "statistics.csv");
    expect(statistics.some((row) => row[12].includes("low-coverage"))).toBe(false);
    const collinear = (await rows(dir, "correlations.csv")).filter((row) => row[9].includes("collinear"));
    expect(collinear.every((row) => Math.abs(Number(row[7])) >= 0.5)).toBe(true);
    expect(collinear.length).toBeGreaterThan(10);
  });

  it("refuses a threshold out of range with a usage error", async () => {
    const dir = await handMade();
    const run = await runCli([...ARGS, "--collinear", "2"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--collinear must be a number from 0 to 1, got "2"');
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("takes the methods from index.yaml as compute does (the same files as the flags)", async () => {
    // Without the file's methods (fixed-base, missing values an error) the hand-made panel would be refused.
    const project = await handMade({ "index.yaml": "indicators: tree.csv\nvalues: values.csv\nmethods:\n  normalise: min-max\n  missing: reweight\n" });
    const flags = await handMade();
    expect((await runCli(["audit", "--out", "out"], project)).code).toBe(0);
    expect((await runCli([...ARGS, "--out", "out"], flags)).code).toBe(0);
    for (const file of CSV_FILES) expect(await readFile(join(project, "out", file), "utf8")).toBe(await readFile(join(flags, "out", file), "utf8"));
    expect((await runCli(["audit", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], flags)).code).toBe(1);
  });

  it("--report --xlsx also writes audit.html and audit.xlsx, the same bytes twice", async () => {
    const dir = await handMade();
    for (const out of ["a", "b"]) expect((await runCli([...ARGS, "--out", out, "--report", "--xlsx", "--lang", "en"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "a"))).toEqual(["audit.html", "audit.xlsx", ...CSV_FILES].sort());
    for (const file of ["audit.html", "audit.xlsx", ...CSV_FILES]) expect(await readFile(join(dir, "a", file))).toEqual(await readFile(join(dir, "b", file)));
    const html = await readFile(join(dir, "a", "audit.html"), "utf8");
    expect(html).toContain("Sub-pillar P1: Pearson correlations of its children");
    expect(html).toContain("Pillar P: nominal and effective weights");
    expect(html).toContain("<td>Q</td><td>Pillar Q</td>");
    expect(html).toContain("alpha &#60; 0.7");
    expect((await readFile(join(dir, "a", "audit.xlsx"))).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes the drop analysis and the profiles as computeDropSensitivity and computeProfiles give them, the last year by default", async () => {
    // The core functions are tested against hand computations (test/core/audit/drop.test.ts, profiles.test.ts); the
    // files must hold their values: the CSV text of their own writers, byte for byte but the byte order mark.
    const dir = await handMade();
    const run = await runCli([...ARGS, "--out", "out", "--decimals", "3"], dir);
    expect(run.code).toBe(0);
    const result = await handMadeResult();
    const drop = computeDropSensitivity(result, { rankYears: [2022] });
    expect(await csvText(dir, "out", "sensitivity-drop.csv")).toBe(formatDropSummaryCsv(drop, 3));
    expect(await csvText(dir, "out", "sensitivity-drop-ranks.csv")).toBe(formatDropRanksCsv(drop));
    const every = computeProfiles(result);
    const last = { entries: every.entries.filter((entry) => entry.year === 3), notes: [] };
    expect(last.entries.length).toBeGreaterThan(10);
    expect(await csvText(dir, "out", "profiles.csv")).toBe(formatProfilesCsv(result, last, 3));
    // r is R's only child: the drop warns that dropping r drops R.
    expect(run.stderr).toContain(`warning: ${robustnessMessages.dropCascade("r", "R")}\n`);

    // Every year: 8 units × 4 years of ranks, and the profiles of every year.
    expect((await runCli([...ARGS, "--out", "all", "--drop-ranks", "all", "--profiles", "all"], dir)).code).toBe(0);
    expect(await csvText(dir, "all", "sensitivity-drop-ranks.csv")).toBe(formatDropRanksCsv(computeDropSensitivity(result)));
    expect((await rows(dir, "sensitivity-drop-ranks.csv")).length).toBe(1 + 8);
    expect(parseCsv(await csvText(dir, "all", "sensitivity-drop-ranks.csv"), "ranks").rows.length).toBe(8 * 4);
    expect(await csvText(dir, "all", "profiles.csv")).toBe(formatProfilesCsv(result, every));
  });

  it("--profile-unit chooses the profile in audit.html (default the first unit); an unknown unit is a usage error", async () => {
    const dir = await handMade();
    expect((await runCli([...ARGS, "--out", "first", "--report", "--lang", "en"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "first", "audit.html"), "utf8")).toContain('<section class="profile"><h2>U1 · 2022</h2>');
    expect((await runCli([...ARGS, "--out", "third", "--report", "--lang", "en", "--profile-unit", "U3"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "third", "audit.html"), "utf8");
    expect(html).toContain('<section class="profile"><h2>U3 · 2022</h2>');
    // U3's strengths and weaknesses of 2022 as computeProfiles lists them, each with its rank.
    const result = await handMadeResult();
    const entries = computeProfiles(result).entries.filter((entry) => entry.unit === 2 && entry.year === 3);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(html).toContain(`<code>${result.nodes[entry.node].code}</code>: rank ${entry.rank} of ${entry.rankedUnits}`);
    const unknown = await runCli([...ARGS, "--out", "bad", "--profile-unit", "U9"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(auditMessages.unknownUnit("U9", result.units));
    expect(await listDir(join(dir, "bad"))).toEqual([]);
  });

  it("--xlsx warns of a text cut to fit a cell of audit.xlsx, naming the workbook (the CSV files keep it whole)", async () => {
    const long = "U".repeat(40000);
    const dir = await handMade({ "values.csv": (await fixture("audit/values.csv")).replaceAll(/^U1,/gm, `${long},`) });
    const run = await runCli([...ARGS, "--out", "out", "--xlsx", "--lang", "en"], dir);
    expect(run.code).toBe(0);
    // Each cell of the unit's name that is cut gives a warning (sheets that list units by row).
    expect(run.stderr).toMatch(/warning: audit\.xlsx: sheet "[a-z-]+" cell [A-Z]+\d+: a text of 40000 characters was cut to 32767/);
    expect((await readFile(join(dir, "out", "profiles.csv"), "utf8")).includes(long)).toBe(true);
  });

  it("--xlsx --lang en gives the workbook a sheet per table, the drop and the profiles included", async () => {
    const dir = await handMade();
    expect((await runCli([...ARGS, "--out", "out", "--xlsx", "--lang", "en"], dir)).code).toBe(0);
    const workbook = await readWorkbook(join(dir, "out", "audit.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "statistics", "correlations", "cronbach", "pca", "importance", "sensitivity-drop", "sensitivity-drop-ranks", "profiles",
    ]);
    // English headers as index.xlsx writes them: the column names with _ read as a space; the cells as in the CSV files.
    expect(workbook.getWorksheet("statistics")!.getRow(1).values).toEqual([
      undefined, "period", "indicator", "n", "coverage", "mean", "sd", "min", "max", "skewness", "kurtosis", "same share", "outliers", "flags", "notes",
    ]);
    expect(cellsOf(workbook.getWorksheet("correlations")!).some((row) => row[1] === "sibling" && row[9] === "negative")).toBe(true);
    const ranks = workbook.getWorksheet("sensitivity-drop-ranks")!;
    const csv = await rows(dir, "sensitivity-drop-ranks.csv");
    expect(ranks.rowCount).toBe(csv.length);
    // Ranks are numbers in the sheet, the same as in the CSV file.
    expect(ranks.getRow(2).values).toEqual([undefined, csv[1][0], ...csv[1].slice(1).map(Number)]);
    // The period column: a year is a number cell (not "a number stored as text"), the pooled period the text "all".
    const statistics = workbook.getWorksheet("statistics")!;
    const periods = new Set<unknown>();
    statistics.getColumn(1).eachCell((cell, row) => row > 1 && periods.add(cell.value));
    const statisticsCsv = await rows(dir, "statistics.csv");
    expect([...periods].sort()).toEqual([...new Set(statisticsCsv.slice(1).map((row) => (row[0] === "all" ? "all" : Number(row[0]))))].sort());
    expect([...periods].some((period) => typeof period === "number")).toBe(true);
  });

  it("--xlsx in Chinese (the default): sheet names, headers, flags, relations, the pooled period and the profiles' words in Chinese; numbers stay numbers; the CSV files stay English", async () => {
    const dir = await handMade();
    expect((await runCli([...ARGS, "--out", "zh", "--xlsx"], dir)).code).toBe(0);
    expect((await runCli([...ARGS, "--out", "en", "--xlsx", "--lang", "en"], dir)).code).toBe(0);
    for (const file of CSV_FILES) expect(await readFile(join(dir, "zh", file), "utf8"), file).toBe(await readFile(join(dir, "en", file), "utf8"));
    const workbook = await readWorkbook(join(dir, "zh", "audit.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "指标统计", "相关系数", "Cronbach α 系数", "主成分分析", "名义权重与有效权重", "剔除敏感性", "剔除后排名", "优势与劣势",
    ]);
    const statistics = workbook.getWorksheet("指标统计")!;
    expect(statistics.getRow(1).values).toEqual([
      undefined, "年份", "指标", "观测数", "实有比例", "均值", "标准差", "最小值", "最大值", "偏度", "峰度（超额）", "最常见值占比", "需缩尾的值个数", "提示", "说明",
    ]);
    // d and h over all unit-years: low-coverage;collinear and near-constant;negative-within-group in statistics.csv.
    const pooled = (code: string) => cellsOf(statistics).find((row) => row[0] === "全部年份" && row[1] === code)!;
    expect(pooled("d")[12]).toBe("覆盖率低、高度共线");
    expect(pooled("h")[12]).toBe("取值几乎不变、与同组指标负相关");
    // The numbers are number cells, equal to the CSV file's (rounded there to --decimals 4).
    const csv = async (file: string) => parseCsv(await csvText(dir, "zh", file), file);
    const csvB = (await csv("statistics.csv")).rows.map((row) => row.cells).find((row) => row[0] === "all" && row[1] === "b")!;
    expect(typeof pooled("b")[8]).toBe("number");
    expect((pooled("b")[8] as number).toFixed(4)).toBe(csvB[8]);
    // The coverage (column 4) is the CSV file's share, shown as a percentage as index.xlsx's coverage sheet shows it.
    const firstCoverage = Number((await csv("statistics.csv")).rows[0].cells[3]);
    expect([statistics.getCell("D2").value, statistics.getCell("D2").numFmt]).toEqual([firstCoverage, '[<0.9995]0.0%;[<1]"99.9%";0%']);
    const correlations = workbook.getWorksheet("相关系数")!;
    expect(correlations.getRow(1).values).toEqual([
      undefined, "年份", "关系", "指标组", "层级", "节点A", "节点B", "观测数", "Pearson 相关系数", "Spearman 相关系数", "提示", "说明",
    ]);
    const fg = cellsOf(correlations).find((row) => row[0] === "全部年份" && row[4] === "f" && row[5] === "g")!;
    expect([fg[1], fg[9]]).toEqual(["同级", "负相关"]);
    expect(new Set(cellsOf(correlations).map((row) => row[1]))).toEqual(new Set(["同级", "与上级", "与总指数"]));
    // A year is a number cell, the pooled period 全部年份.
    expect(new Set(cellsOf(statistics).map((row) => row[0]))).toEqual(new Set([2019, 2020, 2021, 2022, "全部年份"]));
    // The drop ranks: the fixed headers in Chinese, one column per dropped element named by its code.
    const ranks = workbook.getWorksheet("剔除后排名")!;
    expect((ranks.getRow(1).values as unknown[]).slice(1)).toEqual(["评价对象", "年份", "排名", ...(await csv("sensitivity-drop-ranks.csv")).header.slice(3)]);
    // The profiles: strengths and weaknesses, node kinds in Chinese, the tree's names.
    const profiles = workbook.getWorksheet("优势与劣势")!;
    expect(profiles.getRow(1).values).toEqual([undefined, "评价对象", "年份", "类型", "代码", "名称", "层级", "节点类别", "原始值", "得分", "排名", "百分位", "参与排名的评价对象数"]);
    const profileCells = cellsOf(profiles);
    expect(new Set(profileCells.map((row) => row[2]))).toEqual(new Set(["优势", "劣势"]));
    expect(new Set(profileCells.map((row) => row[6]))).toEqual(new Set(["指标", "指标组"]));
    expect(profileCells.find((row) => row[3] === "g")![4]).toBe("Indicator g");
    // The engine's notes in Chinese, in the words of src/core/zh/audit-messages.ts (importance: too few observations for
    // the correlation ratio in a year), as audit.html gives them; the CSV file keeps them in English.
    expect(cellsOf(workbook.getWorksheet("名义权重与有效权重")!).some((row) => String(row[15]).startsWith("相关比：仅 8 个观测值"))).toBe(true);
    expect(await csvText(dir, "zh", "importance.csv")).toContain("correlation ratio: 8 observations");
    const english = await readWorkbook(join(dir, "en", "audit.xlsx"));
    expect(cellsOf(english.getWorksheet("importance")!).some((row) => String(row[15]).startsWith("correlation ratio: 8 observations"))).toBe(true);
  });

  it("--report in Chinese (the default): audit.html titled 统计审计 (no project, so no name, as report.html), the profile in Chinese", async () => {
    const dir = await handMade();
    expect((await runCli([...ARGS, "--out", "out", "--report"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "out", "audit.html"), "utf8");
    expect(html).toContain("<title>统计审计</title>");
    expect(html).toContain("<h1>统计审计</h1>");
    expect(html).not.toContain("tree.csv");
    expect(html).toContain("<h2>提示（全部评价对象-年份合并）</h2>");
    // U1's strengths and weaknesses of 2022 as computeProfiles lists them, each with its rank in Chinese.
    const result = await handMadeResult();
    const entries = computeProfiles(result).entries.filter((entry) => entry.unit === 0 && entry.year === 3);
    for (const entry of entries) expect(html).toContain(`<code>${result.nodes[entry.node].code}</code>：第${entry.rank}名（共${entry.rankedUnits}个），得分 `);
    expect((await runCli([...ARGS, "--out", "en", "--report", "--lang", "en"], dir)).code).toBe(0);
    expect(await readFile(join(dir, "en", "audit.html"), "utf8")).toContain("<h1>Statistical audit</h1>");
  });

  it("audit.html is the same bytes from any folder, the tree's path relative or absolute: it names no path", async () => {
    // Before, the page was titled with the path as typed: 统计审计：/tmp/…/tree.csv in one, 统计审计：../tree.csv in the other.
    const dir = await handMade({ "sub/.keep": "" });
    const rest = ["-d", join(dir, "values.csv"), "--normalise", "min-max", "--missing", "reweight", "--report", "-q"];
    expect((await runCli(["audit", "-i", join(dir, "tree.csv"), ...rest, "--out", join(dir, "a")], dir)).code).toBe(0);
    expect((await runCli(["audit", "-i", "../tree.csv", ...rest, "--out", "../b"], join(dir, "sub"))).code).toBe(0);
    const a = await readFile(join(dir, "a", "audit.html"));
    expect(a.equals(await readFile(join(dir, "b", "audit.html")))).toBe(true);
    expect(a.toString("utf8")).not.toContain(dir);
  });

  it("in a project audit.html is titled with its name, as report.html is", async () => {
    const project = await handMade({ "index.yaml": "name: 常州创新指数\nindicators: tree.csv\nvalues: values.csv\nmethods:\n  normalise: min-max\n  missing: reweight\n" });
    expect((await runCli(["audit", "--out", "out", "--report", "-q"], project)).code).toBe(0);
    const html = await readFile(join(project, "out", "audit.html"), "utf8");
    expect(html).toContain("<title>统计审计：常州创新指数</title>");
    expect(html).toContain("<h1>统计审计：常州创新指数</h1>");
  });

  it("a group with one child has no Cronbach's alpha (k/(k − 1) divides by 0): an empty cell in cronbach.csv, audit.html, audit.xlsx and the summary", async () => {
    // A has the one child A1; B's children B1 = 1, 2, 3, 4 and B2 = 2, 4, 6, 8 (per unit, times 1 for U and 2 for V)
    // are proportional, so their fixed-base scores (base 2018) are identical and B's alpha is 2·(1 − 2σ²/4σ²) = 1.
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,a one,,+\nB,,Dim B,0.5,\nB1,B,b one,,+\nB2,B,b two,,+\n",
      "values.csv":
        "unit,year,indicator,value\n" +
        ["U", "V"]
          .flatMap((unit, u) =>
            [2018, 2019, 2020, 2021].flatMap((year, y) => [`${unit},${year},A1,${(u + 1) * (y + 1) ** 2}`, `${unit},${year},B1,${(u + 1) * (y + 1)}`, `${unit},${year},B2,${2 * (u + 1) * (y + 1)}`]),
          )
          .join("\n") + "\n",
    });
    dirs.push(dir);
    const run = await runCli(["audit", "-i", "tree.csv", "-d", "values.csv", "--out", "out", "--report", "--xlsx", "--lang", "en"], dir);
    expect(run.code).toBe(0);
    const pooled = (await rows(dir, "cronbach.csv")).filter((row) => row[0] === "all");
    expect(pooled.find((row) => row[1] === "A")).toEqual(["all", "A", "1", "1", "8", "", auditMessages.oneChild("A")]);
    expect(pooled.find((row) => row[1] === "B")).toEqual(["all", "B", "1", "2", "8", "1.0000", ""]);
    // The summary's alpha column is empty for A: "A  1  8" then blanks up to the PC1 share.
    expect(run.stdout).toMatch(/^A +1 +8 {2,}\S/m);
    expect(run.stdout).not.toMatch(/^A +1 +8 +1\.000 +1\.000/m);
    // audit.html: group, name, children, n, then an empty alpha cell.
    const html = await readFile(join(dir, "out", "audit.html"), "utf8");
    expect(html).toContain('<tr><td>A</td><td>Dim A</td><td class="number">1</td><td class="number">8</td><td class="number"></td>');
    expect(html).toContain('<tr><td>B</td><td>Dim B</td><td class="number">2</td><td class="number">8</td><td class="number">1.000</td>');
    const workbook = await readWorkbook(join(dir, "out", "audit.xlsx"));
    const sheet = workbook.worksheets.find((candidate) => /cronbach/i.test(candidate.name))!;
    const alphaOfA = cellsOf(sheet).find((row) => row[0] === "all" && row[1] === "A")!;
    expect(alphaOfA[5] ?? null).toBeNull();
  });

  it("audits the shipped one-unit example over its years, with notes and no NaN", async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const run = await runCli(["audit", "--out", "out"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("one unit: every statistic runs over its 4 years");
    // A single unit has no strengths or weaknesses: the note says why, and profiles.csv has its header only.
    expect(run.stderr).toContain(`note: ${robustnessMessages.profilesSingleUnit("常州高新区")}\n`);
    expect(await rows(dir, "profiles.csv")).toEqual([["unit", "year", "type", "code", "name", "level", "kind", "value", "score", "rank", "percentile", "units"]]);
    const correlations = await rows(dir, "correlations.csv");
    const pooled = correlations.filter((row) => row[0] === "all");
    expect(pooled.every((row) => row[6] === "4")).toBe(true);
    const yearly = correlations.slice(1).filter((row) => row[0] !== "all");
    expect(yearly.every((row) => row[7] === "" && row[8] === "" && row.at(-1)!.includes("1 observation, at least 3 needed"))).toBe(true);
    for (const file of CSV_FILES) expect(await readFile(join(dir, "out", file), "utf8")).not.toMatch(/NaN|Infinity/);
  });
});
