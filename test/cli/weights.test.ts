import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commandMessages } from "../../src/core/command-messages.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { commandMessagesZh } from "../../src/core/zh/command-messages.js";
import { weightingMessages } from "../../src/core/weighting/messages.js";
import { makeTempDir, runCli } from "../helpers.js";
import { initProject, lineOfKey } from "./project-fixture.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

async function smallProject(files: Record<string, string> = {}): Promise<string> {
  return makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv"), ...files });
}

/**
 * Reference entropy written independently of src/: min-max (direction honoured), shares, entropy in base m,
 * divergence 1 - e. Columns are the small fixture's values over all 6 unit-years.
 */
function referenceDivergence(values: number[], negative: boolean): number {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const scaled = values.map((value) => (negative ? high - value : value - low) / (high - low));
  const total = scaled.reduce((a, b) => a + b, 0);
  return 1 + scaled.reduce((sum, value) => (value === 0 ? sum : sum + (value / total) * (Math.log(value / total) / Math.log(values.length))), 0);
}
const X1 = [10, 12, 15, 4, 5, 6];
const X2 = [50, 40, 25, 8, 8, 10];
const Y1 = [200, 210, 190, 30, 33, 36];

describe("innovation-index weights", () => {
  it("--method entropy prints code,parent,level,weight,global_weight matching an independent computation", async () => {
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir);
    expect(run.code).toBe(0);
    const [d1, d2, d3] = [referenceDivergence(X1, false), referenceDivergence(X2, true), referenceDivergence(Y1, false)];
    const total = d1 + d2 + d3;
    const f = (value: number) => value.toFixed(6);
    expect(run.stdout).toBe(
      [
        "code,parent,level,weight,global_weight",
        `X,INDEX,1,${f((d1 + d2) / total)},${f((d1 + d2) / total)}`,
        `X1,X,2,${f(d1 / (d1 + d2))},${f(d1 / total)}`,
        `X2,X,2,${f(d2 / (d1 + d2))},${f(d2 / total)}`,
        `Y,INDEX,1,${f(d3 / total)},${f(d3 / total)}`,
        `Y1,Y,2,1.000000,${f(d3 / total)}`,
        "",
      ].join("\n"),
    );
    expect(run.stderr).toBe(
      'weights by entropy\nobjective weights from 6 observations: units U1, U2; years 2017, 2018, 2019; groups weighted by rule "sum"\n',
    );
  });

  it("prints a unit name's line feed as an escape, keeping the units on one line", async () => {
    const values = (await fixture("values.csv")).replaceAll("U2", '"U\nB"');
    const dir = await smallProject({ "values.csv": values });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("objective weights from 6 observations: units U1, U\\x0aB; years 2017, 2018, 2019;");
  });

  it("--format json gives weights with globalWeight, the observations used, and an empty consistency list", async () => {
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "critic", "--weight-years", "2018-2019", "--weight-units", "U1", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.weighting).toEqual({ method: "critic", units: ["U1"], years: [2018, 2019], observations: 2, groupWeights: "sum" });
    expect(json.consistency).toEqual([]);
    expect(json.weights.map((row: { code: string }) => row.code)).toEqual(["X", "X1", "X2", "Y", "Y1"]);
    // two observations: every varying indicator min-maxes to (0, 1) or (1, 0), σ = 1/2;
    // X1 (12, 15) -> (0, 1); X2 (40, 25), negative -> (0, 1); Y1 (210, 190) -> (1, 0).
    // r(X1, X2) = 1, r(X1, Y1) = r(X2, Y1) = -1: C(X1) = C(X2) = 1/2·(0 + 2) = 1, C(Y1) = 1/2·(2 + 2) = 2,
    // so X1 and X2 weigh 1/4 and Y1 1/2.
    const byCode = Object.fromEntries(json.weights.map((row: { code: string; globalWeight: number }) => [row.code, row.globalWeight]));
    expect(byCode.X1).toBeCloseTo(0.25, 12);
    expect(byCode.X2).toBeCloseTo(0.25, 12);
    expect(byCode.Y1).toBeCloseTo(0.5, 12);
  });

  it("--method ahp prints the priorities and, on stderr, lambda_max, CI and CR per group", async () => {
    const dir = await smallProject({ "ahp.csv": "group,a,b,value\nINDEX,X,Y,3\nX,X2,X1,1/4\n" });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.csv"], dir);
    expect(run.code).toBe(0);
    // 2x2: a/(1+a): X 3/4, Y 1/4; X1 vs X2 = 4: X1 4/5, X2 1/5
    expect(run.stdout).toBe(
      ["code,parent,level,weight,global_weight", "X,INDEX,1,0.750000,0.750000", "X1,X,2,0.800000,0.600000", "X2,X,2,0.200000,0.150000", "Y,INDEX,1,0.250000,0.250000", "Y1,Y,2,1.000000,0.250000", ""].join("\n"),
    );
    expect(run.stderr).toContain("weights by ahp from ahp.csv\nAHP consistency (CR < 0.1 is acceptable):\ngroup  n  lambda_max      CI      CR\nINDEX  2      2.0000  0.0000  0.0000\nX      2      2.0000  0.0000  0.0000\n");
  });

  it("--method ahp on the shipped example uses the shipped judgements; group B matches the n = 3 closed form", async () => {
    const run = await runCli(["weights", "--method", "ahp", "--format", "json"], await makeTempDir());
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.weighting).toEqual({ method: "ahp", judgements: "indicators/changzhou-2020-ahp.csv", allowInconsistent: false });
    expect(json.consistency).toHaveLength(21); // INDEX and the 20 groups with two or more children
    expect(json.consistency.every((row: { cr: number }) => row.cr < 0.1)).toBe(true);
    // B: B1 vs B2 = 1, B1 vs B3 = 2, B2 vs B3 = 1. For n = 3 the eigenvector is the row geometric mean
    // (2^(1/3), 1, 2^(-1/3)) and lambda_max = 1 + 2^(1/3) + 2^(-1/3).
    const b = json.consistency.find((row: { group: string }) => row.group === "B");
    expect(b.lambdaMax).toBeCloseTo(1 + Math.cbrt(2) + Math.cbrt(0.5), 10);
    expect(b.cr).toBeCloseTo((b.lambdaMax - 3) / 2 / 0.58, 12);
    const rows = [Math.cbrt(2), 1, Math.cbrt(0.5)];
    const sum = rows[0] + rows[1] + rows[2];
    const weight = (code: string) => json.weights.find((row: { code: string }) => row.code === code).weight;
    ["B1", "B2", "B3"].forEach((code, i) => expect(weight(code)).toBeCloseTo(rows[i] / sum, 10));
  });

  it("--random-index donegan-dodd divides the same CI by Donegan & Dodd's RI(3) = 0.4914 and names the table", async () => {
    const run = await runCli(["weights", "--method", "ahp", "--random-index", "donegan-dodd", "--format", "json"], await makeTempDir());
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.weighting.randomIndex).toBe("donegan-dodd");
    // group B of the shipped judgements: lambda_max = 1 + 2^(1/3) + 2^(-1/3) (the n = 3 closed form above)
    const b = json.consistency.find((row: { group: string }) => row.group === "B");
    expect(b.cr).toBeCloseTo((1 + Math.cbrt(2) + Math.cbrt(0.5) - 3) / 2 / 0.4914, 12);
    expect(run.stderr).toContain("random index donegan-dodd");
    const unknown = await runCli(["weights", "--method", "ahp", "--random-index", "donegan"], await makeTempDir());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("saaty1980, saaty2005, donegan-dodd");
  });

  it("--method entropy on the shipped example prints 60 nodes whose indicator global weights sum to 1", async () => {
    const run = await runCli(["weights", "--method", "entropy", "--format", "json"], await makeTempDir());
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.weights).toHaveLength(60);
    expect(json.weighting.years).toEqual([2017, 2018, 2019, 2020]);
    const indicators = json.weights.filter((row: { level: number }) => row.level === 3);
    expect(indicators).toHaveLength(40);
    expect(indicators.reduce((sum: number, row: { globalWeight: number }) => sum + row.globalWeight, 0)).toBeCloseTo(1, 12);
    expect(run.stderr).toContain("objective weights from 4 observations: units 常州高新区; years 2017, 2018, 2019, 2020");
  });

  it("--out writes the file and prints nothing on stdout", async () => {
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal", "--out", "w/weights.csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const text = await readFile(join(dir, "w/weights.csv"), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true); // a UTF-8 byte order mark, for Excel on Chinese Windows
    expect(text).toContain("X1,X,2,0.500000,0.250000\n");
    // On stdout, no mark.
    const printed = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal"], dir);
    expect(printed.stdout.startsWith("\uFEFF")).toBe(false);
    expect(printed.stdout).toBe(text.slice(1));
  });
});

describe("innovation-index weights --out: the extension chooses the format", () => {
  it("--out weights.xlsx writes a one-sheet workbook whose cells hold the CSV's values (weights as numbers)", async () => {
    const dir = await smallProject();
    const csv = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal"], dir);
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal", "--out", "w/weights.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("wrote w/weights.xlsx\n");
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "w/weights.xlsx"))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["weights"]);
    const sheet = workbook.getWorksheet("weights")!;
    const cells: (string | number)[][] = [];
    sheet.eachRow((row) => cells.push((row.values as (string | number)[]).slice(1)));
    // The CSV's rows, text columns as text and the level and weights as numbers: equal weights give X and Y 1/2 each,
    // X1 and X2 1/2 within X (1/4 overall), Y1 all of Y (1/2 overall).
    const expected = csv.stdout.trimEnd().split("\n").map((line, i) => line.split(",").map((cell, j) => (i === 0 || j < 2 ? cell : Number(cell))));
    expect(cells).toEqual(expected);
    expect(cells.slice(1)).toEqual([
      ["X", "INDEX", 1, 0.5, 0.5],
      ["X1", "X", 2, 0.5, 0.25],
      ["X2", "X", 2, 0.5, 0.25],
      ["Y", "INDEX", 1, 0.5, 0.5],
      ["Y1", "Y", 2, 1, 0.5],
    ]);
  });

  it("--out weights.xlsx rounds the weights to --decimals as the CSV does, and keeps a code that reads as a formula a string in the Text format", async () => {
    const tree = "code,parent,name,weight,direction\n=X,,x,1,\nA,=X,a,1,+\nB,=X,b,2,+\n";
    const values = "year,indicator,value\n2017,A,1\n2017,B,2\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--decimals", "3", "--out", "weights.xlsx"], dir);
    expect(run.code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "weights.xlsx"))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("weights")!;
    // A weighs 1 of 3 and B 2 of 3 within =X: 0.333 and 0.667 with 3 decimals; "=X" is the string "=X" in the Text
    // format (never a formula, even once edited), not "'=X" as in the CSV file.
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(["A", "=X", 2, 0.333, 0.333]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(["B", "=X", 2, 0.667, 0.667]);
    expect(sheet.getCell("A2").value).toBe("=X");
    expect(sheet.getCell("A2").type).toBe(3); // ValueType.String
    expect(sheet.getCell("A2").numFmt).toBe("@");
  });

  it("--out weights.json writes JSON, and --format json --out weights.json is the same", async () => {
    const dir = await smallProject();
    const byName = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal", "--out", "a.json"], dir);
    const both = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "equal", "--format", "json", "--out", "b.JSON"], dir);
    expect([byName.code, both.code]).toEqual([0, 0]);
    const json = JSON.parse(await readFile(join(dir, "a.json"), "utf8"));
    expect(json.weights[1]).toEqual({ code: "X1", parent: "X", level: 2, weight: 0.5, globalWeight: 0.25 });
    expect(await readFile(join(dir, "b.JSON"), "utf8")).toBe(await readFile(join(dir, "a.json"), "utf8"));
  });

  it.each([
    [["--out", "w.txt"], outputMessages.outExtension("w.txt", "txt", ["csv", "json", "xlsx"])],
    [["--out", "weights"], outputMessages.outExtension("weights", "", ["csv", "json", "xlsx"])],
    [["--format", "json", "--out", "w.csv"], outputMessages.outExtensionDisagrees("w.csv", "csv", "json")],
    [["--format", "csv", "--out", "w.xlsx"], outputMessages.outExtensionDisagrees("w.xlsx", "xlsx", "csv")],
  ])("weights %j is a usage error (exit 2) naming the extension found and those expected, and writes nothing", async (args, message) => {
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`error: ${message}\n(run with --help for usage)\n`);
    expect((await readdir(dir)).sort()).toEqual(["tree.csv", "values.csv"]);
  });

  it("the messages name what was found and what was expected", () => {
    expect(outputMessages.outExtension("w.txt", "txt", ["csv", "json", "xlsx"])).toBe('--out "w.txt" ends in .txt; expected a name ending in .csv, .json or .xlsx');
    expect(outputMessages.outExtensionDisagrees("w.csv", "csv", "json")).toBe(
      '--out "w.csv" ends in .csv, but --format is json; expected a name ending in .json, or no --format (the extension chooses the format)',
    );
  });
});

describe("innovation-index weights: options the method does not use", () => {
  it("--method pca from no more observations than indicators warns (W_PCA_FEW_OBSERVATIONS), naming the group, n and k", async () => {
    // U1 in 2018-2019: 2 observations of the 3 indicators, all weighed together under INDEX (rule "sum").
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "pca", "--weight-years", "2018-2019", "--weight-units", "U1"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${weightingMessages.pcaFewObservations("INDEX", 2, 3, false)}\n`);
    // All 6 unit-years: more observations than indicators, no warning.
    const all = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "pca"], dir);
    expect(all.code).toBe(0);
    expect(all.stderr).not.toContain("warning:");
  });

  it("--alpha and --entropy-shift with --method critic warn (W_OPTION_UNUSED) and leave the weights as without them", async () => {
    const dir = await smallProject();
    const plain = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "critic"], dir);
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "critic", "--alpha", "0.3", "--entropy-shift", "0.1"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(
      `warning: ${weightingMessages.entropyShiftUnused("--weights critic")}\nwarning: ${weightingMessages.alphaUnused("--weights critic")}\n${plain.stderr}`,
    );
  });

  it("--performance-groups (compute's groups.csv, which weights does not form) is refused, not taken and ignored", async () => {
    const dir = await smallProject();
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--performance-groups"], dir);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toContain("unknown option '--performance-groups'");
    // The EIS preset's performance groups are left aside as before; its weighting method is taken.
    const preset = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--preset", "eis"], dir);
    expect(preset.code, preset.stderr).toBe(0);
  });
});

describe("innovation-index weights: errors", () => {
  it("a missing judgement names the pair and the group (exit 1)", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,,+\nB,,b,,+\nC,,c,,+\n";
    const values = "year,indicator,value\n2017,A,1\n2017,B,2\n2017,C,3\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values, "ahp.csv": "group,a,b,value\nINDEX,A,B,2\nINDEX,A,C,3\n" });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`error: 1 problem found:\nahp.csv: ${weightingMessages.missingJudgement("INDEX", "B", "C")}\n`);
  });

  it("an inconsistent matrix is an error with its CR, and a warning under --allow-inconsistent", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,,+\nB,,b,,+\nC,,c,,+\n";
    const values = "year,indicator,value\n2017,A,1\n2017,B,2\n2017,C,3\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values, "ahp.csv": "group,a,b,value\nINDEX,A,B,9\nINDEX,B,C,9\nINDEX,C,A,9\n" });
    const refused = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.csv"], dir);
    expect(refused.code).toBe(1);
    // a cycle 9, 9, 9: lambda_max = 1 + 1/9 + 9 (the n = 3 closed form), CI = (lambda_max - 3)/2, CR = CI/0.58 = 6.130268
    expect(refused.stderr).toMatch(/^error: 1 problem found:\nahp\.csv:2: group "INDEX": the judgements are inconsistent, CR = 6\.130268 \(lambda_max 10\.111111, CI 3\.555556, n 3\)/);
    const allowed = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.csv", "--allow-inconsistent"], dir);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/^warning: ahp\.csv:2: group "INDEX": the judgements are inconsistent/);
  });

  it("an unknown group and a child that is not in its group are reported with file and line, together", async () => {
    const dir = await smallProject({ "ahp.csv": "# judgements\ngroup,a,b,value\nINDEX,X,Y,2\nZ,X1,X2,3\nX,X1,Y1,2\n" });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "error: 2 problems found:",
        `ahp.csv:4: ${weightingMessages.unknownAhpGroup("Z")}`,
        `ahp.csv:5: ${weightingMessages.notAChild("Y1", "X", ["X1", "X2"])}`,
        "",
      ].join("\n"),
    );
  });

  it("--method ahp without --ahp on one's own files is a usage error (exit 2)", async () => {
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp"], await smallProject());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${weightingMessages.ahpFileMissing()}\n(run with --help for usage)\n`);
  });

  it("--weight-years absent from the data is an input error; an unreadable list is a usage error", async () => {
    const dir = await smallProject();
    const absent = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--weight-years", "2016-2017"], dir);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(`error: 1 problem found:\n${weightingMessages.unknownWeightYear(2016, [2017, 2018, 2019])}\n`);
    const unreadable = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--weight-years", "last"], dir);
    expect(unreadable.code).toBe(2);
  });
});

describe("innovation-index weights: options", () => {
  const json = async (dir: string, args: string[]) => {
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--format", "json", ...args], dir);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    return { ...parsed, byCode: Object.fromEntries(parsed.weights.map((row: { code: string; weight: number }) => [row.code, row.weight])) };
  };
  const [d1, d2, d3] = [referenceDivergence(X1, false), referenceDivergence(X2, true), referenceDivergence(Y1, false)];
  const entropyX = (d1 + d2) / (d1 + d2 + d3);

  it("--method combined mixes AHP and entropy additively (alpha) or multiplicatively, sibling by sibling", async () => {
    const dir = await smallProject({ "ahp.csv": "group,a,b,value\nINDEX,X,Y,3\nX,X1,X2,4\n" });
    // AHP: X 3/4, Y 1/4; X1 4/5, X2 1/5. Entropy (sum rule): X = (d1 + d2)/Σd, X1 = d1/(d1 + d2).
    const additive = await json(dir, ["--method", "combined", "--ahp", "ahp.csv", "--alpha", "0.3"]);
    expect(additive.weighting).toMatchObject({ method: "combined", subjective: "ahp", objective: "entropy", combination: "additive", alpha: 0.3 });
    expect(additive.byCode.X).toBeCloseTo(0.3 * 0.75 + 0.7 * entropyX, 12);
    expect(additive.byCode.X1).toBeCloseTo(0.3 * 0.8 + 0.7 * (d1 / (d1 + d2)), 12);
    const multiplicative = await json(dir, ["--method", "combined", "--ahp", "ahp.csv", "--combination", "multiplicative"]);
    const [productX, productY] = [0.75 * entropyX, 0.25 * (1 - entropyX)];
    expect(multiplicative.byCode.X).toBeCloseTo(productX / (productX + productY), 12);
    expect(multiplicative.consistency.map((row: { group: string }) => row.group)).toEqual(["INDEX", "X"]);
  });

  it("--group-weights tree keeps the tree's group weights; --entropy-shift is recorded and used", async () => {
    const dir = await smallProject();
    const tree = await json(dir, ["--method", "entropy", "--group-weights", "tree"]);
    expect(tree.byCode.X).toBe(0.6);
    expect(tree.byCode.X1).toBeCloseTo(d1 / (d1 + d2), 12);
    const shifted = await json(dir, ["--method", "entropy", "--entropy-shift", "0.01"]);
    expect(shifted.weighting.entropyShift).toBe(0.01);
    expect(shifted.byCode.X).not.toBeCloseTo(entropyX, 6);
  });

  it("--ahp accepts the YAML form (a whole matrix)", async () => {
    const dir = await smallProject({ "ahp.yaml": "INDEX:\n  order: [X, Y]\n  matrix:\n    - [1, 3]\n    - [1/3, 1]\nX:\n  - [X1, X2, 4]\n" });
    const result = await json(dir, ["--method", "ahp", "--ahp", "ahp.yaml"]);
    expect(result.byCode.X).toBeCloseTo(0.75, 12);
    expect(result.byCode.X1).toBeCloseTo(0.8, 12);
  });
});

describe("innovation-index weights on values with a gap", () => {
  it("names the line of an empty cell that objective weights need, as compute names a gap", async () => {
    const dir = await makeTempDir({
      "t.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,x,,+\nA2,A,y,,+\n",
      "v.csv": "unit,year,indicator,value\nU1,2017,A1,1\nU1,2017,A2,2\nU2,2017,A1,3\nU2,2017,A2,\nU3,2017,A1,2\nU3,2017,A2,5\n",
    });
    const run = await runCli(["weights", "-i", "t.csv", "-d", "v.csv", "--method", "entropy"], dir);
    expect(run.code).toBe(1);
    // Line 5 of v.csv is U2's empty A2.
    expect(run.stderr).toBe(`error: 1 problem found:\nv.csv:5:4: ${weightingMessages.missingObservation("A2", "U2", 2017)}\n`);
  });
});

describe("innovation-index weights on COINr's ASEM cut (gaps)", () => {
  it("--weight-missing drop leaves out the unit-years with a gap; the global weights equal flat entropy on the complete cases", async () => {
    const asem = (name: string) => readFile(new URL(`../fixtures/asem/${name}`, import.meta.url), "utf8");
    const [treeText, valuesText] = await Promise.all([asem("tree-scaling.csv"), asem("values.csv")]);
    const dir = await makeTempDir({ "tree.csv": treeText, "values.csv": valuesText });
    const refused = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir);
    expect(refused.code).toBe(1);
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--weight-missing", "drop", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // Reference, independent of src/: complete unit-years, then referenceDivergence per indicator (direction from the tree).
    // code is the first field and direction the last (some quoted names hold commas)
    const negative = new Map(
      treeText.trim().split("\n").slice(1).map((line) => line.split(",")).filter((cells) => cells.at(-1)).map((cells) => [cells[0], cells.at(-1) === "-"]),
    );
    expect(negative.size).toBe(12);
    const cells = new Map<string, Map<string, number>>();
    for (const line of valuesText.trim().split("\n").slice(1)) {
      const [unit, year, indicator, value] = line.split(",");
      if (value === "" || !negative.has(indicator)) continue;
      const key = `${unit} ${year}`;
      if (!cells.has(key)) cells.set(key, new Map());
      cells.get(key)!.set(indicator, Number(value));
    }
    const complete = [...cells.values()].filter((row) => row.size === negative.size);
    expect(json.weighting.observations).toBe(complete.length);
    expect(json.weighting.observations + json.weighting.dropped.length).toBe(51 * 5);
    const divergence = new Map([...negative].map(([code, isNegative]) => [code, referenceDivergence(complete.map((row) => row.get(code)!), isNegative)]));
    const total = [...divergence.values()].reduce((a, b) => a + b, 0);
    for (const row of json.weights.filter((entry: { level: number }) => entry.level === 2)) expect(row.globalWeight).toBeCloseTo(divergence.get(row.code)! / total, 12);
  });
});

describe("innovation-index compute --weights", () => {
  it("uses the derived weights and records them in index.json", async () => {
    const dir = await smallProject();
    const weights = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "cv", "--format", "json"], dir);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--weights", "cv", "--out", "out", "-q"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(await readFile(join(dir, "out/index.json"), "utf8"));
    expect(json.weighting).toEqual({ method: "cv", units: ["U1", "U2"], years: [2017, 2018, 2019], observations: 6, groupWeights: "sum" });
    // With arithmetic aggregation the overall index is Σ global weight · indicator score (fixed base 2017):
    // U1 2019: X1 = 150, X2 = 100·50/25 = 200, Y1 = 95.
    const global = Object.fromEntries(JSON.parse(weights.stdout).weights.map((row: { code: string; globalWeight: number }) => [row.code, row.globalWeight]));
    const u1In2019 = json.results.find((row: { unit: string; year: number }) => row.unit === "U1" && row.year === 2019);
    expect(u1In2019.values.INDEX).toBeCloseTo(global.X1 * 150 + global.X2 * 200 + global.Y1 * 95, 10);
  });

  it("records the tree's weights as method explicit by default", async () => {
    const dir = await smallProject();
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out", "-q"], dir);
    expect(JSON.parse(await readFile(join(dir, "out/index.json"), "utf8")).weighting).toEqual({ method: "explicit" });
  });
});

describe("weights --optimise on too few observations", () => {
  it("says first, once, that nodes were driven to weight 0: the shipped example has 1 unit × 4 years = 4 unit-years", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["weights", "--optimise"], dir);
    expect(run.code).toBe(0);
    // The first-level rows as printed: A and B share the weight, C, D and E (targets 0.20, 0.20, 0.15, above 0) get 0:
    // over 4 unit-years every node moves with the others, so the closest shares need few of them (the search's
    // optimum; the old multiplicative steps gave A everything).
    // (The weights of A and B lie in a flat valley, so only to 2 decimals here: 0.5726 and 0.4274.)
    const first = run.stdout.split("\n").filter((line) => /^[A-E],INDEX,1,/.test(line));
    expect(first.map((line) => line.split(",")[0])).toEqual(["A", "B", "C", "D", "E"]);
    const weightOf = (line: string) => Number(line.split(",")[3]);
    expect(weightOf(first[0])).toBeCloseTo(0.57, 2);
    expect(weightOf(first[1])).toBeCloseTo(0.43, 2);
    expect(first.slice(2).map((line) => line.split(",")[3])).toEqual(["0.000000", "0.000000", "0.000000"]);
    expect(first.every((line) => Number(line.split(",")[5]) > 0)).toBe(true);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    // Bottom up, group by group, the nodes left at 0, each with its group: C, D and E among them, under INDEX, with
    // their targets 0.200, 0.200 and 0.150 (the shipped tree's weights; the shares, near 1/5 each over 4 unit-years,
    // are the search's and are not asserted).
    const dropped = ["E13", "E2", "D22", "D11", "D2", "C32", "C12", "B11", "B1", "B3", "A32", "A21", "A12", "A2", "C", "D", "E"];
    expect(warnings[0]).toMatch(/^warning: the optimised weights are 0 for 17 nodes whose target share is above 0: "E13" \(share 0\.\d{3} in "E1", target 0\.333\), /);
    const named = [...warnings[0].matchAll(/"(\w+)" \(share 0\.\d{3} in "(\w+)", target (0\.\d{3})\)/g)];
    expect(named.map((match) => match[1])).toEqual(dropped);
    expect(named.slice(-3).map((match) => [match[2], match[3]])).toEqual([["INDEX", "0.200"], ["INDEX", "0.200"], ["INDEX", "0.150"]]);
    // The weight 0 is the search's optimum over weights >= 0, not a failing of the data.
    expect(warnings[0]).toContain(". Weight 0 is where the search over weights >= 0 came closest to the targets, and those weights are used");
    expect(warnings[0]).not.toContain("cannot support");
    expect(warnings.filter((line) => line.includes("whose target share is above 0"))).toHaveLength(1);
  });

  const TREE = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,0.5,+\nA2,A,ind a2,0.5,-\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
  // The starting weights, kept: A1 and A2 0.5 each (global 0.25), A and B 0.5, B1 1; no share is defined (empty).
  const KEPT = [
    "code,parent,level,weight,global_weight,target_share,nominal_share,achieved_share",
    "A,INDEX,1,0.500000,0.500000,0.500000,,",
    "A1,A,2,0.500000,0.250000,0.500000,,",
    "A2,A,2,0.500000,0.250000,0.500000,,",
    "B,INDEX,1,0.500000,0.500000,0.500000,,",
    "B1,B,2,1.000000,0.500000,1.000000,,",
    "",
  ].join("\n");

  it("from 1 unit-year says that no share is defined (not a largest gap of NaN), keeps the starting weights, and is an error under --strict", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "v1.csv": "unit,year,indicator,value\nX,2017,A1,10\nX,2017,A2,5\nX,2017,B1,3\n" });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "v1.csv", "--optimise"], dir);
    expect(run).toEqual({ code: 0, stdout: KEPT, stderr: `warning: ${weightingMessages.optimiseFewObservations(1)}\nweights by explicit\n` });
    expect(weightingMessages.optimiseFewObservations(1)).toMatch(/^the weights cannot be optimised from 1 unit-year of values: .*needs at least 2 observations/);
    const strict = await runCli(["weights", "-i", "tree.csv", "-d", "v1.csv", "--optimise", "--strict"], dir);
    expect(strict).toEqual({ code: 1, stdout: "", stderr: `error: 1 problem found:\n${weightingMessages.optimiseFewObservations(1)}\n` });
  });

  it("of indicators that never vary names them, group by group, and keeps the starting weights", async () => {
    // Three units with the same values: every score is the same, and so are A's and the index's.
    const values = "unit,year,indicator,value\n" + ["X", "Y", "Z"].map((unit) => `${unit},2017,A1,10\n${unit},2017,A2,5\n${unit},2017,B1,3\n`).join("");
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--optimise"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(KEPT);
    expect(run.stderr).toBe(
      `warning: ${weightingMessages.optimiseNoVariation("A", 3, ["A1", "A2"], 2)}\nwarning: ${weightingMessages.optimiseNoVariation("INDEX", 3, ["A", "B"], 2)}\nweights by explicit\n`,
    );
    expect(run.stderr).not.toContain("NaN");
    expect(weightingMessages.optimiseNoVariation("A", 3, ["A1", "A2"], 2)).toBe(
      'the weights of the children of "A" cannot be optimised: the scores of neither of them ("A1", "A2") vary over the 3 unit-years, so their importance shares (squared correlations with the group) are undefined; the starting weights are kept; expected children that vary with the group',
    );
  });
});

describe("innovation-index weights in a project made by init: -m/--method is --weights", () => {
  // By hand: the tree's weights are A 0.8, B 0.2 and, within each, two indicators without weights (equal: 0.5 each),
  // so A1, A2 weigh 0.8·0.5 = 0.4 overall and B1, B2 0.2·0.5 = 0.1; equal weights level by level give 0.5 and 0.25.
  const EXPLICIT = ["code,parent,level,weight,global_weight", "A,INDEX,1,0.8000,0.8000", "A1,A,2,0.5000,0.4000", "A2,A,2,0.5000,0.4000", "B,INDEX,1,0.2000,0.2000", "B1,B,2,0.5000,0.1000", "B2,B,2,0.5000,0.1000", ""].join("\n");
  const EQUAL = ["code,parent,level,weight,global_weight", "A,INDEX,1,0.5000,0.5000", "A1,A,2,0.5000,0.2500", "A2,A,2,0.5000,0.2500", "B,INDEX,1,0.5000,0.5000", "B1,B,2,0.5000,0.2500", "B2,B,2,0.5000,0.2500", ""].join("\n");

  it("--method equal, -m equal and --weights equal override index.yaml's methods.weights explicit, as a flag overrides any key", async () => {
    const project = await initProject();
    const plain = await runCli(["weights"], project);
    expect(plain).toEqual({ code: 0, stdout: EXPLICIT, stderr: "weights by explicit\n" });
    for (const args of [["--method", "equal"], ["-m", "equal"], ["--weights", "equal"], ["--weights", "equal", "--method", "equal"]])
      expect(await runCli(["weights", ...args], project), args.join(" ")).toEqual({ code: 0, stdout: EQUAL, stderr: "weights by equal\n" });
  });

  it("-m entropy overrides it too; --weights and --method typed with different values are still refused (exit 2)", async () => {
    const project = await initProject();
    // One unit and two years: each indicator's min-max scores are 0 and 1 (B2, negative, 1 and 0), their shares 0 and
    // 1, their entropy 0 and divergence 1: every indicator weighs the same, and each group the sum of its own.
    const entropy = await runCli(["weights", "-m", "entropy"], project);
    expect(entropy.code, entropy.stderr).toBe(0);
    expect(entropy.stdout).toBe(EQUAL);
    expect(entropy.stderr).toMatch(/^weights by entropy\n/);
    const both = await runCli(["weights", "--weights", "equal", "--method", "entropy"], project);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe("error: --weights equal and --method entropy disagree; expected one of them\n(run with --help for usage)\n");
  });

  it("--preset nbs: index.yaml's weights and aggregate override the preset's, each warned of at its line and key; -m overrides the preset's method by name", async () => {
    const project = await initProject();
    const [aggregateLine, weightsLine] = [await lineOfKey(project, "aggregate"), await lineOfKey(project, "weights")];
    const preset = await runCli(["weights", "--preset", "nbs"], project);
    expect(preset.code).toBe(0);
    expect(preset.stdout).toBe(EXPLICIT);
    expect(preset.stderr).toBe(
      [
        `warning: index.yaml:${aggregateLine}: methods.aggregate arithmetic overrides preset nbs's --aggregate geometric,0=arithmetic, which is not applied; expected no methods.aggregate to apply the preset's (a key of index.yaml or a flag typed overrides a preset)`,
        `warning: index.yaml:${weightsLine}: methods.weights explicit overrides preset nbs's --weights equal, which is not applied; expected no methods.weights to apply the preset's (a key of index.yaml or a flag typed overrides a preset)`,
        "weights by explicit",
        "",
      ].join("\n"),
    );
    // -m names the method: the preset's equal is overridden by the flag, and no more by index.yaml's key.
    const method = await runCli(["weights", "--preset", "nbs", "-m", "cv", "--explain"], project);
    expect(method.stdout).toContain("overridden, not applied:\n  --weights equal                     by --method cv\n");
  });
});

describe("innovation-index weights with the tree alone (-i without -d)", () => {
  // Three dimensions, A with two indicators; judged by a consistent matrix, so that the eigenvector is exact.
  const TREE = "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\nA2,A,a2,,+\nB,,b,,\nB1,B,b1,,+\nC,,c,,\nC1,C,c1,,+\n";
  const VALUES = "unit,year,indicator,value\n" + ["U1,2017,1,2,3,4", "U1,2018,2,3,4,5", "U2,2017,5,1,2,8", "U2,2018,6,2,1,9"].flatMap((row) => {
    const [unit, year, ...values] = row.split(",");
    return ["A1", "A2", "B1", "C1"].map((code, i) => `${unit},${year},${code},${values[i]}\n`);
  }).join("");
  // INDEX: A is 2 times B and 4 times C, B 2 times C. The matrix is consistent (a_ik = a_ij·a_jk), so its principal
  // eigenvector is any column's reciprocal, (4, 2, 1)/7, and lambda_max = 3: CI = CR = 0. A1 is 3 times A2: 3/4, 1/4.
  const AHP = "INDEX:\n  order: [A, B, C]\n  matrix:\n    - [1, 2, 4]\n    - [1/2, 1, 2]\n    - [1/4, 1/2, 1]\nA:\n  - [A1, A2, 3]\n";
  const AHP_CSV = [
    "code,parent,level,weight,global_weight",
    "A,INDEX,1,0.571429,0.571429", // 4/7
    "A1,A,2,0.750000,0.428571", // 3/4 · 4/7 = 3/7
    "A2,A,2,0.250000,0.142857", // 1/4 · 4/7 = 1/7
    "B,INDEX,1,0.285714,0.285714", // 2/7
    "B1,B,2,1.000000,0.285714",
    "C,INDEX,1,0.142857,0.142857", // 1/7
    "C1,C,2,1.000000,0.142857",
    "",
  ].join("\n");
  const VALUE_FREE = ["explicit", "equal", "ahp"];
  const files = () => makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "ahp.yaml": AHP });

  it("--method ahp --ahp ahp.yaml gives the eigenvector worked out by hand, the same bytes as with -d, and no observations on stderr", async () => {
    const dir = await files();
    const alone = await runCli(["weights", "-i", "tree.csv", "--method", "ahp", "--ahp", "ahp.yaml"], dir);
    const withValues = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "ahp", "--ahp", "ahp.yaml"], dir);
    expect(alone).toEqual({ code: 0, stdout: AHP_CSV, stderr: withValues.stderr });
    expect(withValues.stdout).toBe(AHP_CSV);
    // The method, the judgements and their consistency: no observations, as none were read (nor are with -d, for AHP).
    expect(alone.stderr).toBe(
      "weights by ahp from ahp.yaml\nAHP consistency (CR < 0.1 is acceptable):\ngroup  n  lambda_max      CI      CR\nINDEX  3      3.0000  0.0000  0.0000\nA      2      2.0000  0.0000  0.0000\n",
    );
    expect(alone.stderr).not.toContain("observations");
  });

  it.each(VALUE_FREE)("--method %s writes the same CSV and JSON files with and without -d", async (method) => {
    const dir = await files();
    const ahp = method === "ahp" ? ["--ahp", "ahp.yaml"] : [];
    for (const [name, extra] of [["w.csv", []], ["w.json", []], ["d.json", ["--format", "json"]]] as const) {
      const alone = await runCli(["weights", "-i", "tree.csv", "--method", method, ...ahp, ...extra, "--out", `alone-${name}`], dir);
      const withValues = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", method, ...ahp, ...extra, "--out", `with-${name}`], dir);
      expect([alone.code, withValues.code], alone.stderr).toEqual([0, 0]);
      expect(alone.stderr).toBe(withValues.stderr.replace(`with-${name}`, `alone-${name}`));
      expect(await readFile(join(dir, `alone-${name}`))).toEqual(await readFile(join(dir, `with-${name}`)));
    }
    const json = JSON.parse(await readFile(join(dir, "alone-w.json"), "utf8"));
    expect(json.weighting.method).toBe(method);
    expect(json.weighting.observations).toBeUndefined();
  });

  it("with -d, options of --optimise's index typed without --optimise are warned of (W_OPTION_UNUSED), the weights unchanged; an error under --strict", async () => {
    const dir = await files();
    const plain = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy"], dir);
    const typed = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--normalise", "min-max", "--outliers", "winsorise"], dir);
    expect(typed.code).toBe(0);
    expect(typed.stdout).toBe(plain.stdout);
    const message = commandMessages.indexOptionsWithoutOptimise(["--outliers", "--normalise"]);
    expect(message).toBe(
      "--outliers, --normalise have no effect without --optimise: they are options of the index --optimise computes, and weights derives the weights without computing an index; expected --optimise with them, or them left out",
    );
    expect(typed.stderr).toBe(`warning: ${message}\n${plain.stderr}`);
    // With --optimise they are its index's: no word of them.
    const optimised = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--normalise", "min-max", "--optimise"], dir);
    expect(optimised.stderr).not.toContain("--optimise with");
    const strict = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--method", "entropy", "--cap", "200", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(commandMessages.indexOptionsWithoutOptimise(["--cap"]));
  });

  it("--method equal gives 1/n level by level, and explicit the tree's weights (all empty here: equal too)", async () => {
    const dir = await files();
    // Three dimensions of 1/3 each; A1 and A2 1/2 within A, 1/6 overall.
    const equal = await runCli(["weights", "-i", "tree.csv", "--method", "equal"], dir);
    expect(equal.stdout.split("\n").slice(1, 3)).toEqual(["A,INDEX,1,0.333333,0.333333", "A1,A,2,0.500000,0.166667"]);
    expect(equal.stderr).toBe("weights by equal\n");
    expect((await runCli(["weights", "-i", "tree.csv"], dir)).stdout).toBe(equal.stdout);
  });

  it("the shipped Changzhou tree alone gives the explicit weights of the example, whose values are not read", async () => {
    const tree = fileURLToPath(new URL("../../indicators/changzhou-2020.csv", import.meta.url));
    const dir = await makeTempDir();
    const alone = await runCli(["weights", "-i", tree], dir);
    const example = await runCli(["weights"], dir);
    expect([alone.code, example.code]).toEqual([0, 0]);
    expect(alone.stdout).toBe(example.stdout);
    expect(alone.stderr).toBe("weights by explicit\n");
    // By hand from the tree's weight column: A 0.25 (B, C, D 0.2, E 0.15); A1, A2, A3 and A1's A11, A12, A13 without
    // weights, equal: 1/3 each, so A11 weighs 0.25/9 overall.
    const rows = new Map(alone.stdout.split("\n").map((line) => [line.split(",")[0], line] as const));
    expect(rows.get("A")).toBe("A,INDEX,1,0.250000,0.250000");
    expect(rows.get("E")).toBe("E,INDEX,1,0.150000,0.150000");
    expect(rows.get("A1")).toBe("A1,A,2,0.333333,0.083333");
    expect(rows.get("A11")).toBe("A11,A1,3,0.333333,0.027778");
  });

  it.each(["entropy", "critic", "cv", "pca", "combined"])("--method %s, which derives weights from the values, still needs -d (exit 2, naming the method)", async (method) => {
    const dir = await files();
    const run = await runCli(["weights", "-i", "tree.csv", "--method", method, "--out", "w.csv"], dir);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `error: ${commandMessages.dataMissingForMethod(method, VALUE_FREE)}\n(run with --help for usage)\n` });
    expect((await readdir(dir)).sort()).toEqual(["ahp.yaml", "tree.csv", "values.csv"]);
  });

  it("the message names the method and the methods that need only the tree", () => {
    expect(commandMessages.dataMissingForMethod("entropy", VALUE_FREE)).toBe(
      "--data is missing; the entropy method derives weights from the values: expected --data/-d with the values file (explicit, equal and ahp weights need only --indicators), or neither --indicators nor --data for the shipped example",
    );
    expect(commandMessages.optionsNeedData(["--optimise"], "ahp")).toBe(
      "--optimise needs the values, and --data is missing (weights by ahp need only --indicators); expected --data/-d with the values file, or the command without --optimise",
    );
  });

  it.each([
    [["--optimise"], ["--optimise"]],
    [["--screen", "0.5"], ["--screen"]],
    [["--weight-years", "2017"], ["--weight-years"]],
    [["--weight-units", "U1", "--weight-missing", "drop"], ["--weight-units", "--weight-missing"]],
    [["--missing", "interpolate"], ["--missing"]],
    [["--outliers", "winsorise"], ["--outliers"]],
    [["--normalise", "rank"], ["--normalise"]],
    [["--aggregate", "geometric"], ["--aggregate"]],
    [["--sheet", "2"], ["--sheet"]],
    [["--unit", "常州"], ["--unit"]],
    [["--optimise", "--screen", "0.5", "--screen-by", "unit-year"], ["--optimise", "--screen", "--screen-by"]],
  ])("%j, which reads the values, is refused without -d (exit 2, naming it)", async (args, named) => {
    const dir = await files();
    for (const method of ["explicit", "ahp"]) {
      const ahp = method === "ahp" ? ["--ahp", "ahp.yaml"] : [];
      const run = await runCli(["weights", "-i", "tree.csv", "--method", method, ...ahp, ...args], dir);
      expect(run).toEqual({ code: 2, stdout: "", stderr: `error: ${commandMessages.optionsNeedData(named, method)}\n(run with --help for usage)\n` });
    }
  });

  it("the options that read the tree, and a preset's settings, are taken without -d", async () => {
    const dir = await files();
    const equal = await runCli(["weights", "-i", "tree.csv", "--method", "equal"], dir);
    // --encoding, --decimal and --tree-sheet read the tree too; EIS sets --outliers and --normalise (for --optimise's
    // index, not run) and --weights equal: none of them typed.
    const read = await runCli(["weights", "-i", "tree.csv", "--method", "equal", "--encoding", "utf-8", "--decimal", "."], dir);
    const preset = await runCli(["weights", "-i", "tree.csv", "--preset", "eis"], dir);
    expect(read).toEqual(equal);
    expect(preset).toEqual(equal);
    // A weighting option of a method not run is warned of as with -d (W_OPTION_UNUSED), not refused.
    const unused = await runCli(["weights", "-i", "tree.csv", "--method", "equal", "--pca-rotation", "none"], dir);
    expect(unused.code).toBe(0);
    expect(unused.stdout).toBe(equal.stdout);
    expect(unused.stderr).toMatch(/^warning: --pca-rotation has no effect with --weights equal/);
  });

  it("-d alone is still refused, and the Chinese terminal names the method in its words", async () => {
    const dir = await files();
    const data = await runCli(["weights", "-d", "values.csv", "--method", "equal"], dir);
    expect(data).toEqual({ code: 2, stdout: "", stderr: `error: ${commandMessages.inputMissing("--indicators")}\n(run with --help for usage)\n` });
    const zh = await runCli(["weights", "-i", "tree.csv", "--method", "entropy"], dir, { language: "zh" });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`错误：${commandMessagesZh.dataMissingForMethod("entropy", VALUE_FREE)}\n（用法见 --help）\n`);
    expect(zh.stderr).toContain("熵权法依据数据计算权重");
  });
});
