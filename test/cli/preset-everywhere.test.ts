/**
 * A preset (`--preset`, index.yaml's `methods: preset:`) and screening (`--screen`, `--screen-by`, `methods: screen:`)
 * act on every command that computes the index as they act on `compute`: `report`, `uncertainty`, `audit`, `compare`,
 * `weights` and `validate`. The reference of each test is `compute` itself, run in the same test with the same preset or
 * screen (what the docs promise: "the same index compute computes"), plus one figure checked by hand.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandMessages } from "../../src/core/command-messages.js";
import { formatPresetExplanation, PRESET_DEFINITIONS, PRESETS } from "../../src/core/presets.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { initProject, lineOfKey } from "./project-fixture.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");
const ASEM = join(import.meta.dirname, "../fixtures/asem");
const ASEM_TREE = join(ASEM, "tree-scaling.csv");
const ASEM_VALUES = join(ASEM, "values.csv");

/** Rows of a CSV file the tool wrote (a byte order mark, no quoted fields in these) as objects keyed by the header. */
async function readRows(path: string): Promise<Record<string, string>[]> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = text.trimEnd().split("\n");
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [keys[i], cell])));
}

/** The overall index of compute's index.csv in `folder`, as `unit year` -> value. */
async function computedIndex(folder: string): Promise<Map<string, string>> {
  const rows = await readRows(join(folder, "index.csv"));
  return new Map(rows.filter((row) => row.code === "INDEX").map((row) => [`${row.unit} ${row.year}`, row.value]));
}

/** A column of a file keyed by `unit year`. */
async function byUnitYear(path: string, column: string): Promise<Map<string, string>> {
  return new Map((await readRows(path)).map((row) => [`${row.unit} ${row.year}`, row[column]]));
}

/** The small fixture's values, U1's Y1 missing in 2018 (coinr reweights the gap; the default refuses it). */
const gapValues = async () => (await fixture("values.csv")).replace("U1,2018,Y1,210\n", "");

/** The small fixture as a project (index.yaml with `methods`, then the lines `more`), with `gapValues`. */
async function presetProject(methods: string[], more: string[] = []): Promise<string> {
  const values = await gapValues();
  return makeTempDir({
    "index.yaml": ["name: p", "indicators: tree.csv", "values: values.csv", "methods:", ...methods.map((line) => `  ${line}`), ...more, ""].join("\n"),
    "tree.csv": await fixture("tree.csv"),
    "values.csv": values,
  });
}

describe("report applies the preset as compute does", () => {
  it("report --preset coinr computes min-max with the tree's weights and reweighting (2020 = 100.00, as compute prints)", async () => {
    const dir = await makeTempDir();
    const compute = await runCli(["compute", "--preset", "coinr", "-o", "c"], dir);
    const report = await runCli(["report", "--preset", "coinr", "--static", "-o", "r"], dir);
    expect(report.code).toBe(0);
    // the terminal table is compute's; by hand: the shipped example is one unit whose every indicator is highest in
    // 2020 and lowest in 2017, so min-max over the years gives 100 and 0 to every indicator and to the index
    expect(report.stdout).toBe(compute.stdout);
    expect(report.stdout).toMatch(/^INDEX\s+总指数\s+0\.00 .* 100\.00 \(\+32\.85\)$/m);
    const html = await readFile(join(dir, "r/report.html"), "utf8");
    expect(html).toContain("方法：标准化（极差标准化），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（缺项权重重新分配）");
  });

  it("report --preset NAME --explain prints the preset as compute does, and writes nothing", async () => {
    const dir = await makeTempDir();
    for (const preset of PRESETS) {
      const report = await runCli(["report", "--preset", preset, "--explain", "-o", "r"], dir);
      expect(report).toEqual({ code: 0, stdout: formatPresetExplanation(preset), stderr: "" });
      expect((await runCli(["compute", "--preset", preset, "--explain", "-o", "r"], dir)).stdout).toBe(report.stdout);
    }
    expect(await listDir(dir)).toEqual([]);
    expect((await runCli(["report", "--explain"], dir)).stderr).toContain(commandMessages.explainWithoutPreset(PRESETS));
  });

  it("in a project with methods: preset: coinr, report goes into the run compute made, and verify passes", async () => {
    const dir = await presetProject(["preset: coinr"]);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const report = await runCli(["report", "--static"], dir);
    expect(report.stderr).not.toContain("computed from other inputs or options");
    expect(report.code).toBe(0);
    const [run] = (await listDir(join(dir, "runs"))).filter((name) => name !== "LATEST");
    expect(await listDir(join(dir, "runs", run))).toContain("report.html");
    expect(await listDir(join(dir, "runs", run))).toContain("reports.json");
    const html = await readFile(join(dir, "runs", run, "report.html"), "utf8");
    expect(html).toContain("方法：标准化（极差标准化）");
    const verify = await runCli(["verify"], dir);
    expect(verify.code).toBe(0);
    expect(verify.stderr).toContain("matching reports.json: report.html");
    // the run's options are the preset's: a flag that changes them is still refused
    const other = await runCli(["report", "--static", "--preset", "nbs"], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("--normalise");
  });
});

describe("uncertainty's nominal run is compute's with the same preset", () => {
  it("--preset coinr on the shipped example: nominal = compute --preset coinr, 2020 = 100", async () => {
    const dir = await makeTempDir();
    await runCli(["compute", "--preset", "coinr", "-o", "c", "-q"], dir);
    const run = await runCli(["uncertainty", "--preset", "coinr", "--weight-noise", "0.1", "-n", "20", "-o", "u"], dir);
    expect(run.code).toBe(0);
    const nominal = await byUnitYear(join(dir, "u/uncertainty.csv"), "index_nominal");
    expect(nominal).toEqual(await computedIndex(join(dir, "c")));
    expect(nominal.get("常州高新区 2020")).toBe("100.0000");
    // the default (fixed-base) would give 239.46 in 2020: the preset was not ignored
    expect(run.stdout).toMatch(/常州高新区\s+100\.00/);
  });

  it("in a project with methods: preset: coinr (or nbs), the nominal run is the project's compute run", async () => {
    // nbs (fixed-base) leaves the gap to the missing-value policy: reweighted here
    for (const methods of [["preset: coinr"], ["preset: nbs", "missing: reweight"]]) {
      const dir = await presetProject(methods, ["uncertainty:", "  weight-noise: 0.1", "  replications: 10"]);
      expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
      const [id] = (await listDir(join(dir, "runs"))).filter((name) => name !== "LATEST");
      const run = await runCli(["uncertainty", "-o", "u", "-q"], dir);
      expect(run.code).toBe(0);
      expect(await byUnitYear(join(dir, "u/uncertainty.csv"), "index_nominal")).toEqual(await computedIndex(join(dir, "runs", id)));
    }
  });

  it("a list of aggregations in index.yaml replaces the preset's whole aggregation, as in the library", async () => {
    // nbs sets geometric,0=arithmetic; the list's first method, geometric, is then the nominal one at every level
    const dir = await presetProject(["preset: nbs", "missing: reweight"], ["uncertainty:", "  aggregations: [geometric, arithmetic]", "  replications: 10"]);
    expect((await runCli(["compute", "--preset", "nbs", "--aggregate", "geometric", "-o", "c", "-q"], dir)).code).toBe(0);
    expect((await runCli(["compute", "--preset", "nbs", "-o", "preset", "-q"], dir)).code).toBe(0);
    expect((await runCli(["uncertainty", "-o", "u", "-q"], dir)).code).toBe(0);
    const nominal = await byUnitYear(join(dir, "u/uncertainty.csv"), "index_nominal");
    expect(nominal).toEqual(await computedIndex(join(dir, "c")));
    expect(nominal).not.toEqual(await computedIndex(join(dir, "preset")));
  });

  it("--explain prints the preset and runs nothing", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["uncertainty", "--preset", "eis", "--explain", "--weight-noise", "0.1", "-o", "u"], dir);
    expect(run).toEqual({ code: 0, stdout: formatPresetExplanation("eis"), stderr: "" });
    expect(await listDir(dir)).toEqual([]);
  });
});

describe("audit audits the index compute computes with the same preset", () => {
  it("--preset coinr gives the files of its options typed out, and index.yaml's preset the same", async () => {
    const project = await presetProject(["preset: coinr"]);
    const plain = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await gapValues() });
    const audit = (dir: string, args: string[]) => runCli(["audit", ...(dir === plain ? ["-i", "tree.csv", "-d", "values.csv"] : []), ...args, "-q", "--report"], dir);
    expect((await audit(plain, ["--preset", "coinr", "-o", "preset"])).code).toBe(0);
    expect((await audit(plain, ["--normalise", "min-max", "--weights", "explicit", "--aggregate", "arithmetic", "--missing", "reweight", "-o", "typed"])).code).toBe(0);
    expect((await audit(project, ["-o", "project"])).code).toBe(0);
    for (const file of ["statistics.csv", "correlations.csv", "importance.csv", "sensitivity-drop.csv", "profiles.csv", "audit.html"]) {
      const typed = await readFile(join(plain, "typed", file), "utf8");
      expect(await readFile(join(plain, "preset", file), "utf8")).toBe(typed);
      // The project's page is titled by the project's name (统计审计：<name>), the page of plain files 统计审计.
      const named = file === "audit.html" ? typed.replaceAll("统计审计</", "统计审计：p</") : typed;
      expect(await readFile(join(project, "project", file), "utf8")).toBe(named);
    }
    // the default method (fixed-base, missing: error) refuses the gap that coinr reweights
    expect((await audit(plain, ["-o", "default"])).code).toBe(1);
  });

  it("--explain prints the preset", async () => {
    const dir = await makeTempDir();
    expect(await runCli(["audit", "--preset", "gii", "--explain"], dir)).toEqual({ code: 0, stdout: formatPresetExplanation("gii"), stderr: "" });
  });
});

describe("compare computes each configuration as compute does, presets included", () => {
  it("--preset coinr --with \"--preset nbs\": a is compute --preset coinr, b compute --preset nbs", async () => {
    const dir = await presetProject(["missing: reweight"]);
    // no index.yaml keys but missing: the presets' own options are set by them alone
    const flags = ["-i", "tree.csv", "-d", "values.csv", "--missing", "reweight"];
    await runCli(["compute", ...flags, "--preset", "coinr", "-o", "ca", "-q"], dir);
    await runCli(["compute", ...flags, "--preset", "nbs", "-o", "cb", "-q"], dir);
    const run = await runCli(["compare", ...flags, "--preset", "coinr", "--with", "--preset nbs", "-o", "cmp"], dir);
    expect(run.code).toBe(0);
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_a")).toEqual(await computedIndex(join(dir, "ca")));
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_b")).toEqual(await computedIndex(join(dir, "cb")));
  });

  it("in a project with methods: preset: coinr, configuration a is the project's compute run", async () => {
    const dir = await presetProject(["preset: coinr"]);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const [id] = (await listDir(join(dir, "runs"))).filter((name) => name !== "LATEST");
    await runCli(["compute", "--weights", "equal", "-o", "cb", "-q"], dir);
    const run = await runCli(["compare", "--with", "--weights equal", "-o", "cmp"], dir);
    expect(run.code).toBe(0);
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_a")).toEqual(await computedIndex(join(dir, "runs", id)));
    // b: the same project's preset under --weights equal (min-max, reweighting, equal weights)
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_b")).toEqual(await computedIndex(join(dir, "cb")));
  });

  it("two project files, each with its preset, and --explain printing both", async () => {
    const tree = await fixture("tree.csv");
    const values = (await fixture("values.csv")).replace("U1,2018,Y1,210\n", "");
    const project = (preset: string) => `indicators: ../tree.csv\nvalues: ../values.csv\nallow-outside: true\nmethods:\n  preset: ${preset}\n  missing: reweight\n`;
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values, "a/index.yaml": project("coinr"), "b/index.yaml": project("nbs") });
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--preset", "coinr", "-o", "ca", "-q"], dir);
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--preset", "nbs", "--missing", "reweight", "-o", "cb", "-q"], dir);
    const run = await runCli(["compare", "a/index.yaml", "b/index.yaml", "-o", "cmp"], dir);
    expect(run.code).toBe(0);
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_a")).toEqual(await computedIndex(join(dir, "ca")));
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_b")).toEqual(await computedIndex(join(dir, "cb")));
    const explain = await runCli(["compare", "a/index.yaml", "b/index.yaml", "--explain"], dir);
    // Each under a heading naming its configuration; a's missing: reweight is coinr's own value, b's overrides nothing nbs sets.
    expect(explain).toEqual({
      code: 0,
      stdout: `configuration a (a/index.yaml):\n${formatPresetExplanation("coinr")}\nconfiguration b (b/index.yaml):\n${formatPresetExplanation("nbs")}`,
      stderr: "",
    });
  });
});

describe("weights takes the preset's weighting method", () => {
  it("in a project with methods: preset: nbs, weights prints the equal weights compute used", async () => {
    const dir = await presetProject(["preset: nbs", "missing: reweight"]);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const [id] = (await listDir(join(dir, "runs"))).filter((name) => name !== "LATEST");
    const run = await runCli(["weights"], dir);
    expect(run.code).toBe(0);
    // by hand: equal weights level by level, X and Y 0.5 each (the tree says 0.6 and 0.4), X1 and X2 0.5 within X
    expect(run.stdout).toContain("X,INDEX,1,0.500000,0.500000\n");
    expect(run.stdout).toContain("X1,X,2,0.500000,0.250000\n");
    const weights = await readRows(join(dir, "runs", id, "weights.csv"));
    expect(weights.find((row) => row.code === "X")).toMatchObject({ weight: "0.500000" });
    // a method named on the command line wins over the preset's, as in compute
    const explicit = await runCli(["weights", "-m", "explicit"], dir);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toContain("X,INDEX,1,0.600000,0.600000\n");
    expect((await runCli(["weights", "--preset", "nbs", "--explain"], dir)).stdout).toBe(formatPresetExplanation("nbs"));
  });
});

describe("validate checks with the preset's methods", () => {
  it("a gap that coinr reweights passes validate --preset coinr and index.yaml's preset; refused by the default", async () => {
    const project = await presetProject(["preset: coinr"]);
    const plain = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await gapValues() });
    expect((await runCli(["validate", "-q", "-i", "tree.csv", "-d", "values.csv"], plain)).code).toBe(1);
    expect((await runCli(["validate", "-q", "-i", "tree.csv", "-d", "values.csv", "--preset", "coinr"], plain)).code).toBe(0);
    expect((await runCli(["validate", "-q"], project)).code).toBe(0);
    // compute agrees: the gap is reweighted under the preset
    expect((await runCli(["compute", "-q"], project)).code).toBe(0);
    expect(await runCli(["validate", "--preset", "changzhou", "--explain"], project)).toEqual({ code: 0, stdout: formatPresetExplanation("changzhou"), stderr: "" });
  });
});

/**
 * ASEM (51 units) with `--normalise min-max --missing reweight --screen 0.9`: compute keeps 44 units and lists 7 in
 * screened.csv (the figures of the docs tester's reproduction).
 */
describe("screening acts on every command that computes the index", () => {
  const asem = ["-i", ASEM_TREE, "-d", ASEM_VALUES, "--normalise", "min-max", "--missing", "reweight"];

  it("uncertainty, audit and compare keep the 44 units compute keeps, with compute's index", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["compute", ...asem, "--screen", "0.9", "-o", "c", "-q"], dir)).code).toBe(0);
    const index = await computedIndex(join(dir, "c"));
    const units = (keys: Iterable<string>) => new Set([...keys].map((key) => key.split(" ")[0]));
    expect(units(index.keys()).size).toBe(44);
    expect(await readRows(join(dir, "c/screened.csv"))).toHaveLength(7);

    expect((await runCli(["uncertainty", ...asem, "--screen", "0.9", "--weight-noise", "0.1", "-n", "4", "-o", "u", "-q"], dir)).code).toBe(0);
    expect(await byUnitYear(join(dir, "u/uncertainty.csv"), "index_nominal")).toEqual(index);

    const audit = await runCli(["audit", ...asem, "--screen", "0.9", "-o", "a"], dir);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^audit of \d+ indicators, 44 units, /);

    expect((await runCli(["compare", ...asem, "--screen", "0.9", "--with", "--normalise z-score", "-o", "cmp", "-q"], dir)).code).toBe(0);
    expect((await readRows(join(dir, "cmp/compare-years.csv"))).map((row) => row.units)).toEqual(["44", "44", "44", "44", "44"]);
    expect(await byUnitYear(join(dir, "cmp/compare.csv"), "index_a")).toEqual(index);
  });

  it("index.yaml's screen: acts on uncertainty as --screen does; screening by unit-year is refused there, naming the key", async () => {
    const dir = await makeTempDir({
      "index.yaml": `indicators: ${ASEM_TREE}\nvalues: ${ASEM_VALUES}\nallow-outside: true\nmethods:\n  normalise: min-max\n  missing: reweight\n  screen: 0.9\n`,
    });
    expect((await runCli(["compute", "-o", "c", "-q"], dir)).code).toBe(0);
    expect((await runCli(["uncertainty", "--weight-noise", "0.1", "-n", "4", "-o", "u", "-q"], dir)).code).toBe(0);
    expect(await byUnitYear(join(dir, "u/uncertainty.csv"), "index_nominal")).toEqual(await computedIndex(join(dir, "c")));
    const audit = await runCli(["audit", "-o", "a"], dir);
    expect(audit.stdout).toMatch(/, 44 units, /);

    const typed = await runCli(["uncertainty", "--screen-by", "unit-year", "--weight-noise", "0.1", "-o", "u2"], dir);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain(commandMessages.screenByUnitYearInUncertainty("--screen-by"));
    const yaml = await makeTempDir({
      "index.yaml": `indicators: ${ASEM_TREE}\nvalues: ${ASEM_VALUES}\nallow-outside: true\nmethods:\n  missing: reweight\n  screen: 0.9\n  screen-by: unit-year\n`,
    });
    const fromFile = await runCli(["uncertainty", "--weight-noise", "0.1", "-o", "u"], yaml);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(commandMessages.screenByUnitYearInUncertainty("index.yaml: methods.screen-by"));
  });

  it("validate --screen checks only the units compute keeps", async () => {
    // the small fixture and a third unit with one value of nine: without screening its gaps are errors
    const values = (await fixture("values.csv")) + "U3,2017,X1,100\n";
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": values });
    const flags = ["-i", "tree.csv", "-d", "values.csv"];
    expect((await runCli(["validate", ...flags], dir)).code).toBe(1);
    expect((await runCli(["validate", ...flags, "--screen", "0.5"], dir)).code).toBe(0);
    expect((await runCli(["compute", ...flags, "--screen", "0.5", "-q"], dir)).code).toBe(0);
  });
});

describe("a preset's settings that index.yaml or a typed flag overrides are said (W_PRESET_OVERRIDDEN), and --explain lists them apart", () => {
  /** The warning lines of a run's stderr. */
  const warningLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("warning: ") || line.startsWith("警告："));
  /** The English warning that `by` (`name` and its value) overrides preset nbs's `setting`. */
  const overridden = (setting: string, by: string, name: string) =>
    `${by} overrides preset nbs's ${setting}, which is not applied; expected no ${name} to apply the preset's (a key of index.yaml or a flag typed overrides a preset)`;

  it("compute --preset nbs in a project made by init: its aggregate and weights keys win, each warned of at its line; the index is index.yaml's", async () => {
    const project = await initProject();
    const [aggregateLine, weightsLine] = [await lineOfKey(project, "aggregate"), await lineOfKey(project, "weights")];
    expect([aggregateLine, weightsLine]).toEqual([14, 15]);
    const preset = await runCli(["compute", "--preset", "nbs", "--out", "p"], project);
    const plain = await runCli(["compute", "--out", "q"], project);
    expect(preset.code).toBe(0);
    expect(warningLines(preset.stderr)).toEqual([
      `warning: index.yaml:14: ${overridden("--aggregate geometric,0=arithmetic", "methods.aggregate arithmetic", "methods.aggregate")}`,
      `warning: index.yaml:15: ${overridden("--weights equal", "methods.weights explicit", "methods.weights")}`,
    ]);
    expect(warningLines(plain.stderr)).toEqual([]);
    // By hand: fixed-base 2018 (base 2017): A1 1.98/1.80, A2 462/420 = 110 each, so A = 110; B1 38.5/35 = 110, B2
    // (negative) 0.50/0.40 = 125, so B = 117.5; the tree's weights 0.8, 0.2 and the arithmetic mean give 88 + 23.5 =
    // 111.5 (the preset's equal weights and geometric mean would give (110 + √(110·125))/2 = 113.63).
    expect(preset.stdout).toBe(plain.stdout);
    expect(preset.stdout).toMatch(/^INDEX\s+总指数\s+100\.00\s+111\.50 \(\+11\.5%\)$/m);
    // validate applies the preset as compute does, and says the same.
    expect(warningLines((await runCli(["validate", "--preset", "nbs"], project)).stderr)).toEqual(warningLines(preset.stderr));
  });

  it("--explain lists the settings index.yaml overrides apart, each with its key, value and line; normalise, set to the preset's own value, as applied", async () => {
    const project = await initProject();
    const nbs = PRESET_DEFINITIONS.nbs;
    const expected = [
      `preset nbs: ${nbs.title}`,
      `  --normalise fixed-base              ${nbs.settings[0].source}`,
      "overridden, not applied:",
      "  --weights equal                     by methods.weights explicit (index.yaml:15)",
      "  --aggregate geometric,0=arithmetic  by methods.aggregate arithmetic (index.yaml:14)",
      "notes:",
      ...nbs.notes.map((note) => `  - ${note}`),
      "flags given on the command line or in index.yaml override the preset",
      "",
    ].join("\n");
    for (const command of ["compute", "validate", "weights"]) expect(await runCli([command, "--preset", "nbs", "--explain"], project), command).toEqual({ code: 0, stdout: expected, stderr: "" });
    // Without a project, nothing overrides it: the preset as formatPresetExplanation gives it.
    expect((await runCli(["compute", "--preset", "nbs", "--explain"], await makeTempDir())).stdout).toBe(formatPresetExplanation("nbs"));
  });

  it("a typed flag overrides the preset's setting, warned of by its own name (--normalize for --normalise); the preset's own value typed is no override", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    const common = ["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--format", "csv"];
    const flags = ["--normalize", "min-max", "--range", "1,100", "--weights", "equal", "--aggregate", "arithmetic"];
    const preset = await runCli([...common, "--preset", "nbs", ...flags], dir);
    expect(preset.code, preset.stderr).toBe(0);
    expect(warningLines(preset.stderr)).toEqual([
      `warning: ${overridden("--normalise fixed-base", "--normalize min-max", "--normalize")}`,
      `warning: ${overridden("--aggregate geometric,0=arithmetic", "--aggregate arithmetic", "--aggregate")}`,
    ]);
    // The index is that of the flags alone: the preset set nothing they did not.
    expect(preset.stdout).toBe((await runCli([...common, ...flags], dir)).stdout);
  });

  it("preset: nbs in index.yaml beside init's keys: the same warnings; --strict refuses them (exit 1), -q prints none, a Chinese terminal says them in Chinese", async () => {
    const project = await initProject();
    const yaml = join(project, "index.yaml");
    await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^methods:.*$/m, (line) => `${line}\n  preset: nbs`));
    // The keys one line lower: aggregate on line 15, weights on 16.
    expect([await lineOfKey(project, "preset"), await lineOfKey(project, "aggregate"), await lineOfKey(project, "weights")]).toEqual([12, 15, 16]);
    const aggregate = overridden("--aggregate geometric,0=arithmetic", "methods.aggregate arithmetic", "methods.aggregate");
    const weights = overridden("--weights equal", "methods.weights explicit", "methods.weights");
    expect(warningLines((await runCli(["compute", "--out", "p"], project)).stderr)).toEqual([`warning: index.yaml:15: ${aggregate}`, `warning: index.yaml:16: ${weights}`]);
    const strict = await runCli(["compute", "--out", "s", "--strict"], project);
    expect(strict).toEqual({ code: 1, stdout: "", stderr: `error: 2 problems found:\nindex.yaml:15: ${aggregate}\nindex.yaml:16: ${weights}\n` });
    expect(await listDir(join(project, "s"))).toEqual([]);
    expect(await runCli(["compute", "--out", "q", "-q"], project)).toEqual({ code: 0, stdout: "", stderr: "" });
    const zh = await runCli(["compute", "--out", "z"], project, { language: "zh" });
    expect(warningLines(zh.stderr)).toEqual([
      "警告：index.yaml:15: methods.aggregate arithmetic 覆盖了预设 nbs 的 --aggregate geometric,0=arithmetic，预设的这一设置未被采用；应去掉 methods.aggregate 才会采用预设的设置（index.yaml 中的键和命令行上给出的参数优先于预设）",
      "警告：index.yaml:16: methods.weights explicit 覆盖了预设 nbs 的 --weights equal，预设的这一设置未被采用；应去掉 methods.weights 才会采用预设的设置（index.yaml 中的键和命令行上给出的参数优先于预设）",
    ]);
  });

  it("compare index.yaml b.yaml where b.yaml sets preset: nbs: b's overrides are warned of at b.yaml's lines (before: no warning); --strict refuses b", async () => {
    const project = await initProject();
    const text = await readFile(join(project, "index.yaml"), "utf8");
    // b.yaml: init's index.yaml with `preset: nbs` under methods: (line 12), so aggregate is on line 15 and weights on
    // 16, as in the test above; index.yaml (a) sets no preset: it overrides nothing.
    await writeFile(join(project, "b.yaml"), text.replace(/^methods:.*$/m, (line) => `${line}\n  preset: nbs`));
    const aggregate = overridden("--aggregate geometric,0=arithmetic", "methods.aggregate arithmetic", "methods.aggregate");
    const weights = overridden("--weights equal", "methods.weights explicit", "methods.weights");
    const run = await runCli(["compare", "index.yaml", "b.yaml"], project);
    expect(run.code, run.stderr).toBe(0);
    expect(warningLines(run.stderr)).toEqual([`warning: b.yaml:15: ${aggregate}`, `warning: b.yaml:16: ${weights}`]);
    // Placed as compute places them (file, line, key), in the log's fields too.
    const json = await runCli(["compare", "index.yaml", "b.yaml", "--log-format", "json"], project);
    const logged = json.stderr.split("\n").filter((line) => line.includes('"warning"')).map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({ code: "W_PRESET_OVERRIDDEN", message: aggregate, source: "b.yaml", line: 15, column: "methods.aggregate" }),
      expect.objectContaining({ code: "W_PRESET_OVERRIDDEN", message: weights, source: "b.yaml", line: 16, column: "methods.weights" }),
    ]);
    // The same as compute --project b.yaml says.
    expect(warningLines((await runCli(["compute", "--project", "b.yaml", "--out", "p"], project)).stderr)).toEqual(warningLines(run.stderr));
    const strict = await runCli(["compare", "index.yaml", "b.yaml", "--strict"], project);
    expect(strict).toEqual({ code: 1, stdout: "", stderr: `error: configuration b (b.yaml) cannot be computed; 2 problems found:\nb.yaml:15: ${aggregate}\nb.yaml:16: ${weights}\n` });
    expect(await runCli(["compare", "index.yaml", "b.yaml", "-q"], project)).toMatchObject({ code: 0, stderr: "" });
  });

  it("compare --explain lists each configuration's overrides apart, with the value used and who set it (before: the preset alone, as if nothing overrode it)", async () => {
    const project = await initProject();
    const yaml = join(project, "index.yaml");
    await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^methods:.*$/m, (line) => `${line}\n  preset: nbs`));
    const nbs = PRESET_DEFINITIONS.nbs;
    const tail = ["notes:", ...nbs.notes.map((note) => `  - ${note}`), "flags given on the command line or in index.yaml override the preset", ""];
    // By hand, as the warnings of the test below say: both configurations take aggregate (line 15) and weights (16)
    // from index.yaml; b's --normalise min-max overrides nbs's fixed-base too, so b applies none of nbs's settings.
    const a = [
      `preset nbs: ${nbs.title}`,
      `  --normalise fixed-base              ${nbs.settings[0].source}`,
      "overridden, not applied:",
      "  --weights equal                     by methods.weights explicit (index.yaml:16)",
      "  --aggregate geometric,0=arithmetic  by methods.aggregate arithmetic (index.yaml:15)",
      ...tail,
    ];
    const b = [
      `preset nbs: ${nbs.title}`,
      "overridden, not applied:",
      "  --normalise fixed-base              by --normalise min-max",
      "  --weights equal                     by methods.weights explicit (index.yaml:16)",
      "  --aggregate geometric,0=arithmetic  by methods.aggregate arithmetic (index.yaml:15)",
      ...tail,
    ];
    const explain = await runCli(["compare", "--with", "--normalise min-max", "--explain"], project);
    expect(explain).toEqual({
      code: 0,
      stdout: ["configuration a (the command's flags):", ...a, "configuration b (the command's flags with --normalise min-max):", ...b].join("\n"),
      stderr: "",
    });
    // The same as compute --explain says of each: a is the project's compute, b the project's with the flag typed.
    expect((await runCli(["compute", "--explain"], project)).stdout).toBe(a.join("\n"));
    expect((await runCli(["compute", "--normalise", "min-max", "--explain"], project)).stdout).toBe(b.join("\n"));
    // Explained alike (--missing is no setting of nbs), the two are explained once, under one heading.
    const alike = await runCli(["compare", "--with", "--missing reweight", "--explain"], project);
    expect(alike.stdout).toBe(["configurations a (the command's flags) and b (the command's flags with --missing reweight):", ...a].join("\n"));
    // --explain in --with: b's own preset coinr, whose normalise and missing index.yaml overrides (lines 14 and 17);
    // its weights, explicit in index.yaml too, is coinr's own value, so applied.
    const coinr = PRESET_DEFINITIONS.coinr;
    const source = (option: string) => coinr.settings.find((setting) => setting.option === option)!.source;
    const withCoinr = await runCli(["compare", "--with", "--preset coinr --explain"], project);
    expect(withCoinr.stdout).toBe(
      [
        "configuration a (the command's flags):",
        ...a,
        "configuration b (the command's flags with --preset coinr --explain):",
        `preset coinr: ${coinr.title}`,
        `  --weights explicit      ${source("weights")}`,
        `  --aggregate arithmetic  ${source("aggregate")}`,
        "overridden, not applied:",
        "  --normalise min-max     by methods.normalise fixed-base (index.yaml:14)",
        "  --missing reweight      by methods.missing error (index.yaml:17)",
        "notes:",
        ...coinr.notes.map((note) => `  - ${note}`),
        "flags given on the command line or in index.yaml override the preset",
        "",
      ].join("\n"),
    );
    // A configuration without a preset says so.
    const plain = await runCli(["compare", "--with", "--preset coinr", "--explain"], await initProject());
    expect(plain.stdout).toMatch(/^configuration a \(the command's flags\): no preset\n\nconfiguration b \(the command's flags with --preset coinr\):\npreset coinr: /);
  });

  it("compare --with under index.yaml's preset: index.yaml's overrides once for both, at its lines; b's typed flag by its name", async () => {
    const project = await initProject();
    const yaml = join(project, "index.yaml");
    await writeFile(yaml, (await readFile(yaml, "utf8")).replace(/^methods:.*$/m, (line) => `${line}\n  preset: nbs`));
    const run = await runCli(["compare", "--with", "--normalise min-max"], project);
    expect(run.code, run.stderr).toBe(0);
    // a and b both take preset nbs and the aggregate and weights keys from index.yaml (lines 15 and 16, as above): the
    // same two warnings, told once; b's --normalise min-max overrides the preset's --normalise fixed-base.
    expect(warningLines(run.stderr)).toEqual([
      `warning: index.yaml:15: ${overridden("--aggregate geometric,0=arithmetic", "methods.aggregate arithmetic", "methods.aggregate")}`,
      `warning: index.yaml:16: ${overridden("--weights equal", "methods.weights explicit", "methods.weights")}`,
      `warning: ${overridden("--normalise fixed-base", "--normalise min-max", "--normalise")}`,
    ]);
  });
});
