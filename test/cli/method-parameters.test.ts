/** The method options on the command line: weights --weights, --range, --power, --performance-groups (groups.csv). */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";
import { formatPresetExplanation, PRESET_DEFINITIONS, PRESETS } from "../../src/core/presets.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");
const created: string[] = [];
async function smallProject(): Promise<string> {
  const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
  created.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

describe("method options", () => {
  it("weights --weights METHOD prints what -m METHOD prints, and refuses the two in disagreement", async () => {
    const dir = await smallProject();
    const byWeights = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--weights", "entropy"], dir);
    const byMethod = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "-m", "entropy"], dir);
    expect(byWeights.code).toBe(0);
    expect(byWeights.stdout).toBe(byMethod.stdout);
    const both = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--weights", "entropy", "--method", "critic"], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--weights entropy and --method critic disagree; expected one of them");
  });

  it("compute --normalise min-max --range 1,100 --aggregate power:0.5 --performance-groups writes groups.csv", async () => {
    const dir = await smallProject();
    const run = await runCli(
      ["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--range", "1,100", "--aggregate", "power:0.5", "--performance-groups", "--out", "out", "-q"],
      dir,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const groups = (await readFile(join(dir, "out", "groups.csv"), "utf8")).replace(/^\uFEFF/, "").trim().split("\n");
    expect(groups[0]).toBe("unit,year,index,reference_average,relative_percent,group");
    // two units and three years; the two units' relative values of a year average to 100
    expect(groups.length).toBe(1 + 6);
    const byYear = new Map<string, number[]>();
    for (const line of groups.slice(1)) {
      const [, year, , , relative] = line.split(",");
      byYear.set(year, [...(byYear.get(year) ?? []), Number(relative)]);
    }
    for (const relatives of byYear.values()) expect(relatives[0] + relatives[1]).toBeCloseTo(200, 3);
  });

  it("refuses a --range that is not LOW,HIGH with a usage error", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--range", "100,1", "--out", "-"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--range "100,1" is not understood; expected two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)`);
  });

  it("uncertainty draws from the new methods: distance-to-max equals min-max-year and power with p = 1 the arithmetic mean, so nothing moves", async () => {
    const dir = await smallProject();
    const run = await runCli(
      ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalisations", "min-max-year,distance-to-max", "--aggregations", "arithmetic,power", "--power", "1", "-n", "50", "-q", "--out", "unc"],
      dir,
    );
    expect(run.code).toBe(0);
    const rows = (await readFile(join(dir, "unc", "uncertainty.csv"), "utf8")).replace(/^\uFEFF/, "").trim().split("\n").slice(1);
    expect(rows.length).toBe(6);
    for (const row of rows) {
      const [, , nominal, median, low, high] = row.split(",").map(Number);
      expect([median, low, high]).toEqual([nominal, nominal, nominal]);
    }
    // U1 scores 100 and U2 0 on each indicator within a year, except X2 (negative, U1 worse): 0.6·(100 + 0)/2 + 0.4·100 = 70
    expect(rows[0].split(",")[2]).toBe("70.0000");
  });

  it("--preset NAME --explain prints the options the preset sets with their sources, and computes nothing", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", "--preset", "eis", "--explain"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(formatPresetExplanation("eis"));
    expect(run.stdout).toContain("--performance-groups 125,100,70");
  });

  it.each(PRESETS)("--preset %s gives what its options give when typed", async (preset) => {
    const dir = await smallProject();
    const typed = PRESET_DEFINITIONS[preset].settings.flatMap((setting) => [`--${setting.option}`, setting.value]);
    const common = ["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--format", "csv", "-q"];
    const byPreset = await runCli([...common, "--preset", preset], dir);
    const byFlags = await runCli([...common, ...typed], dir);
    expect(byPreset.code).toBe(0);
    expect(byPreset.stdout).toBe(byFlags.stdout);
  });

  it("a flag given explicitly overrides the preset", async () => {
    const dir = await smallProject();
    const common = ["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--format", "csv", "-q"];
    const overridden = await runCli([...common, "--preset", "nbs", "--aggregate", "arithmetic"], dir);
    const typed = await runCli([...common, "--normalise", "fixed-base", "--weights", "equal", "--aggregate", "arithmetic"], dir);
    expect(overridden.stdout).toBe(typed.stdout);
    const nbs = await runCli([...common, "--preset", "nbs"], dir);
    expect(nbs.stdout).not.toBe(overridden.stdout);
  });
});
