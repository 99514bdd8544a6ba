/**
 * W_UNIT_LOOKALIKE in the uncertainty analysis: the units are the same in every combination of methods, so their
 * look-alike names are looked for once per analysis (`IndexEngine` gives them to every `computeIndex` of a
 * combination), and the warning is reported once, as `compute` reports it. `unitLookalikeWarnings` is wrapped to count
 * its calls; it returns what it returned before.
 */
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { messages } from "../../src/core/messages.js";
import { buildPanel, type Panel, type ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import { makeTempDir, runCliWithMocks } from "../helpers.js";

vi.mock("../../src/core/unit-lookalike.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/core/unit-lookalike.js")>();
  return { ...original, unitLookalikeWarnings: vi.fn(original.unitLookalikeWarnings) };
});
// The test setup loaded compute.ts with the real module (test/helpers.ts loads the command line): the modules that
// call it are loaded again, with the wrapped one, before the tests.
const runCli = runCliWithMocks();
let computeIndex: typeof import("../../src/core/compute.js").computeIndex;
let analyzeUncertainty: typeof import("../../src/core/uncertainty.js").analyzeUncertainty;
let lookalikeCalls: Mock;
beforeAll(async () => {
  ({ computeIndex } = await import("../../src/core/compute.js"));
  ({ analyzeUncertainty } = await import("../../src/core/uncertainty.js"));
  lookalikeCalls = vi.mocked((await import("../../src/core/unit-lookalike.js")).unitLookalikeWarnings);
});
beforeEach(() => {
  lookalikeCalls.mockClear();
});

/** A (0.5) = A11 + A12, B (0.5) = B11 + B12, every indicator positive. */
const TREE_ROWS = [
  ["A", "", "0.5", ""],
  ["A11", "A", "", "+"],
  ["A12", "A", "", "+"],
  ["B", "", "0.5", ""],
  ["B11", "B", "", "+"],
  ["B12", "B", "", "+"],
];
const INDICATORS = ["A11", "A12", "B11", "B12"];
const PARKS = ["武进园区", "西太湖园区", "天宁园区", "钟楼园区"];

function tree() {
  const rows: TreeRow[] = TREE_ROWS.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction, attributes: {} }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
}

/**
 * The records of data/2021.csv from line 2: every park has every indicator in 2020 and 2021 (value = 10 · (its place
 * + 1) + the indicator's place + the year's place), but 西太湖园区's A11 in 2021, given last as "西太湖园" (line 33:
 * 4 parks × 2 years × 4 indicators = 32 records, less the one left out, from line 2).
 */
function records(): ValueRecord[] {
  const list: Omit<ValueRecord, "line">[] = [];
  PARKS.forEach((unit, u) =>
    [2020, 2021].forEach((year, t) =>
      INDICATORS.forEach((indicator, i) => {
        if (!(unit === "西太湖园区" && year === 2021 && indicator === "A11")) list.push({ unit, year, indicator, value: 10 * (u + 1) + i + t });
      }),
    ),
  );
  list.push({ unit: "西太湖园", year: 2021, indicator: "A11", value: 25 });
  return list.map((record, k) => ({ ...record, line: k + 2 }));
}

function panel(): Panel {
  const built = buildPanel(tree(), records(), "data/2021.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

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
    const tree = ["code,parent,name,weight,direction", ...TREE_ROWS.map(([code, parent, weight, direction]) => `${code},${parent},${code},${weight},${direction}`)];
    const values = ["unit,year,indicator,value", ...records().map(({ unit, year, indicator, value }) => `${unit},${year},${indicator},${value}`)];
    const dir = await makeTempDir({ "tree.csv": tree.join("\n") + "\n", "data/2021.csv": values.join("\n") + "\n" });
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
