/**
 * W_UNIT_LOOKALIKE in the uncertainty analysis: the units are the same in every combination of methods, so their
 * look-alike names are looked for once per analysis (`IndexEngine` gives them to every `computeIndex` of a
 * combination), and the warning is reported once, as `compute` reports it. `unitLookalikeWarnings` is wrapped to count
 * its calls; it returns what it returned before.
 */
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCliWithMocks } from "../helpers.js";
import { panelOf, tree, typoFiles, typoRecords } from "./lookalike.js";

vi.mock("../../src/core/unit-lookalike.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/core/unit-lookalike.js")>();
  return { ...original, unitLookalikeWarnings: vi.fn(original.unitLookalikeWarnings) };
});
// The test setup loaded compute.ts with the real module (test/helpers.ts loads the command line): the modules that
// call it are loaded again, with the wrapped one, before the tests.
const runCli = runCliWithMocks();
let computeIndex: typeof import("../../src/core/compute.js").computeIndex;
let analyzeUncertainty: typeof import("../../src/core/uncertainty.js").analyzeUncertainty;
let facade: typeof import("../../src/api.js");
let lookalikeCalls: Mock;
beforeAll(async () => {
  ({ computeIndex } = await import("../../src/core/compute.js"));
  ({ analyzeUncertainty } = await import("../../src/core/uncertainty.js"));
  facade = await import("../../src/api.js");
  lookalikeCalls = vi.mocked((await import("../../src/core/unit-lookalike.js")).unitLookalikeWarnings);
});
beforeEach(() => {
  lookalikeCalls.mockClear();
});

/** The panel of the tester's case: 西太湖园区's A11 in 2021 given last, as "西太湖园" (line 33). */
const panel = () => panelOf(typoRecords());

// 西太湖园区 keeps 2 × 4 − 1 = 7 values, 西太湖园 has 1 (A11, 2021); one name begins the other.
const WARNING = {
  code: "W_UNIT_LOOKALIKE",
  message: messages.unitLookalike("西太湖园区", 7, "西太湖园", 1, "prefix", "A11", 2021),
  source: "data/2021.csv",
  line: 33,
  column: "unit",
};

describe("W_UNIT_LOOKALIKE in an uncertainty analysis", () => {
  it("is looked for once over 3 normalisations and reported once, as compute words it", () => {
    const result = analyzeUncertainty(tree(), panel(), {
      normalizations: ["min-max", "z-score", "rank"],
      missingPolicies: ["reweight"],
      replications: 8,
      seed: 1,
    });
    // 3 combinations, each validated by a computeIndex of its own: one search for the analysis (before, each
    // computeIndex of the engine searched again: 4 searches, measured with the engine's reuse taken out).
    expect(lookalikeCalls).toHaveBeenCalledTimes(1);
    expect(result.warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE")).toEqual([WARNING]);
    expect(result.nominalRun.warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE")).toEqual([WARNING]);
  });

  it("is still looked for, and reported once, by computeIndex alone", () => {
    const result = computeIndex(tree(), panel(), { normalize: "min-max", missing: "reweight" });
    expect(lookalikeCalls).toHaveBeenCalledTimes(1);
    expect(result.warnings).toEqual([WARNING]);
  });

  it("is printed once by the uncertainty command, and once by compute", async () => {
    const dir = await makeTempDir(typoFiles());
    const inputs = ["-i", "tree.csv", "-d", "data/2021.csv", "--missing", "reweight"];
    // The warning's own words, which the terminal prints with its place (data/2021.csv, line 33).
    const said = (text: string) => text.split('units "西太湖园区" (7 values) and "西太湖园" (1 value').length - 1;
    const analysed = await runCli(["uncertainty", ...inputs, "--normalisations", "min-max,z-score,rank", "-n", "8", "--seed", "1", "-o", "u"], dir);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(said(analysed.stderr)).toBe(1);
    expect(lookalikeCalls).toHaveBeenCalledTimes(1);
    const computed = await runCli(["compute", ...inputs, "--normalise", "min-max", "-o", "c"], dir);
    expect(computed.code, computed.stderr).toBe(0);
    expect(said(computed.stderr)).toBe(1);
  });
});

describe("W_UNIT_LOOKALIKE of a unit screening leaves out", () => {
  // 西太湖园 has 1 value of its 4 indicators × 2 years = 8 cells (12.5%), under a threshold of 50%: screened out.
  // 西太湖园区 keeps 7 of 8 (87.5%; 3 of 4 in group A, 75%). The look-alike pair is of the panel before screening, so
  // both commands warn of it, in the same words and at the same place (WARNING: data/2021.csv line 33).
  it("is warned of by compute and by uncertainty, command line and library alike, looked for before screening", async () => {
    const dir = await makeTempDir(typoFiles());
    const inputs = ["-i", "tree.csv", "-d", "data/2021.csv", "--missing", "reweight", "--screen", "0.5"];
    // The warning as the terminal prints it: its place (line 33, the unit column, column 1 of unit,year,indicator,value
    // in typoFiles), then its words. (The records of `panel()`, made in code, name no unit column: WARNING's "unit".)
    const line = `warning: data/2021.csv:33:1: ${WARNING.message}`;
    const printed = (stderr: string) => stderr.split("\n").filter((text) => text.includes("W_UNIT_LOOKALIKE") || text.includes('"西太湖园"'));
    const computed = await runCli(["compute", ...inputs, "--normalise", "min-max", "-o", "c"], dir);
    expect(computed.code, computed.stderr).toBe(0);
    const analysed = await runCli(["uncertainty", ...inputs, "--normalisations", "min-max,z-score", "-n", "8", "--seed", "1", "-o", "u"], dir);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(printed(computed.stderr)).toEqual([line]);
    // Before, uncertainty looked at the screened panel, where 西太湖园 is no more: no warning.
    expect(printed(analysed.stderr)).toEqual(printed(computed.stderr));
    // The library: compute and uncertainty of the same inputs and screen give the same warning.
    const loaded = { tree: tree(), panel: panel() };
    const result = await facade.compute(loaded, { normalize: "min-max", missing: "reweight", screen: { threshold: 0.5 } });
    expect(result.screened.map((row) => row.unit)).toEqual(["西太湖园"]);
    expect(result.warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE")).toEqual([WARNING]);
    const uncertainty = await facade.uncertainty(loaded, { normalizations: ["min-max", "z-score"], missing: "reweight", screen: { threshold: 0.5 }, replications: 8 });
    expect(uncertainty.nominalRun.units).not.toContain("西太湖园");
    expect(uncertainty.warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE")).toEqual([WARNING]);
    expect(uncertainty.nominalRun.warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE")).toEqual([WARNING]);
  });

  it("analyzeUncertainty of a screened panel: the warnings it is given, else its panel's own (none there)", async () => {
    const { screenPanel } = await import("../../src/core/screen.js");
    const { unitLookalikeWarnings } = await import("../../src/core/unit-lookalike.js");
    const screened = screenPanel(tree(), panel(), { threshold: 0.5, by: "unit" }).panel;
    expect(screened.units).toEqual(["武进园区", "西太湖园区", "天宁园区", "钟楼园区"]);
    const options = { normalizations: ["min-max", "z-score"] as const, missingPolicies: ["reweight"] as const, replications: 8, seed: 1 };
    const lookalikes = (warnings: readonly { code: string }[]) => warnings.filter((warning) => warning.code === "W_UNIT_LOOKALIKE");
    expect(lookalikes(analyzeUncertainty(tree(), screened, options).warnings)).toEqual([]);
    expect(lookalikes(analyzeUncertainty(tree(), screened, { ...options, unitLookalikes: unitLookalikeWarnings(panel()) }).warnings)).toEqual([WARNING]);
  });
});
