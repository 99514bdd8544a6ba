import { describe, expect, it } from "vitest";
import { checkComputeOptions, computeIndex, resultIndex, type IndexResult } from "../../src/core/compute.js";
import { messages } from "../../src/core/messages.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { normalizeFixedBase, normalizeMinMax } from "../../src/core/normalize.js";
import { buildPanel } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import { issuesOf } from "../issues.js";
import { panelOf, SMALL, smallTree } from "./small.js";

function compute(values: Record<string, Record<string, number[]>>, options = {}): IndexResult {
  const tree = smallTree();
  return computeIndex(tree, panelOf(tree, values), options);
}

const valueOf = (result: IndexResult, code: string, unit: number, year: number) =>
  result.values[resultIndex(result, result.nodes.findIndex((node) => node.code === code), unit, year)];

describe("computeIndex with the default method (fixed-base, arithmetic)", () => {
  it("matches the hand computation of the small fixture", () => {
    const result = compute(SMALL);
    // U1 by hand: X1 = 100·(10,12,15)/10 = 100, 120, 150; X2 (negative) = 100·50/(50,40,25) = 100, 125, 200;
    // X = mean = 100, 122.5, 175; Y = Y1 = 100·(200,210,190)/200 = 100, 105, 95;
    // INDEX = 0.6·X + 0.4·Y = 100, 73.5 + 42 = 115.5, 105 + 38 = 143.
    const expected: Record<string, number[][]> = {
      X1: [[100, 120, 150], [100, 125, 150]],
      X2: [[100, 125, 200], [100, 100, 80]],
      X: [[100, 122.5, 175], [100, 112.5, 115]],
      Y: [[100, 105, 95], [100, 110, 120]],
      // U2 by hand: X = mean(100·(4,5,6)/4, 100·8/(8,8,10)) = 100, 112.5, 115; Y = 100·(30,33,36)/30 = 100, 110, 120;
      // INDEX = 0.6·(100, 112.5, 115) + 0.4·(100, 110, 120) = 100, 111.5, 117.
      INDEX: [[100, 115.5, 143], [100, 111.5, 117]],
    };
    for (const [code, byUnit] of Object.entries(expected))
      byUnit.forEach((series, u) => series.forEach((value, y) => expect(valueOf(result, code, u, y)).toBeCloseTo(value, 9)));
    expect(result.nodes.map((node) => `${node.code}:${node.level}:${node.kind}`)).toEqual([
      "INDEX:0:index",
      "X:1:group",
      "X1:2:indicator",
      "X2:2:indicator",
      "Y:1:group",
      "Y1:2:indicator",
    ]);
    expect(result.baseYear).toBe(2017);
  });

  it("gives exactly 100 for every node in the base year, whatever the weights' rounding", () => {
    const result = compute(SMALL, { baseYear: 2018 });
    for (let n = 0; n < result.nodes.length; n++) for (let u = 0; u < 2; u++) expect(result.values[resultIndex(result, n, u, 1)]).toBe(100);
    // U1, X1 against 2018: 100·15/12 = 125
    expect(valueOf(result, "X1", 0, 2)).toBeCloseTo(125, 12);
  });

  it("refuses a cap below 100 with the options' other problems, in the words of --cap (the command line's rule)", () => {
    expect(checkComputeOptions({ cap: 50, normalize: "bogus" as never }).map(({ column, message }) => [column, message.slice(0, 36)])).toEqual([
      ["normalize", 'option normalize is "bogus"; expecte'],
      ["--cap", "--cap 50 is below 100; expected a nu"],
    ]);
    expect(checkComputeOptions({ cap: 50 })[0].message).toBe(messages.capOptionTooLow(50));
    expect(checkComputeOptions({ cap: 100 })).toEqual([]);
  });

  it("warns of a power exponent no group's aggregation reads (W_OPTION_UNUSED, E_ under strict), not when a group's column asks for power", () => {
    const warning = { code: "W_OPTION_UNUSED", message: methodMessages.powerUnused() };
    expect(compute(SMALL, { power: 0.5 }).warnings).toEqual([warning]);
    expect(methodMessages.powerUnused()).toBe("--power has no effect: no group is aggregated with the power mean; expected --aggregate power (or power in a group's aggregate column)");
    expect(() => compute(SMALL, { power: 0.5, strict: true })).toThrow(methodMessages.powerUnused());
    expect(compute(SMALL, { power: 0.5, aggregate: "power" }).warnings).toEqual([]);
    expect(compute(SMALL, { power: 0.5, aggregateByLevel: { 0: "power" } }).warnings).toEqual([]);
  });

  it("reports a base year absent from the data", () => {
    expect(() => compute(SMALL, { baseYear: 2016 })).toThrow(messages.baseYearAbsent(2016, [2017, 2018, 2019]));
  });

  it("reports every zero, missing or negative base and every gap at once, naming indicator and unit", () => {
    const gappy = {
      U1: { X1: [0, 12, 15], X2: [50, Number.NaN, 25], Y1: [-2, 210, 190] },
      U2: { X1: [Number.NaN, 5, 6], X2: [8, 0, 10], Y1: [30, 33, 36] },
    };
    expect(issuesOf(() => compute(gappy)).map((issue) => issue.message)).toEqual([
      messages.baseValueZero("X1", "U1", 2017),
      // X1 of U2 has later years (interpolate, carry-back), and U1 a value (0) in 2017 (mean, median)
      messages.baseValueMissing("X1", "U2", 2017, ["interpolate", "carry-back", "mean", "median"]),
      messages.zeroValueNegativeDirection("X2", "U2", 2018),
      messages.baseValueNegative("Y1", "U1", 2017, -2),
      // a gap between two years of U1, in a year U2 has: every policy
      messages.missingValue("X2", "U1", 2018, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"]),
    ]);
  });

  it("reports a negative value of a negative indicator, whose base / value would be negative, under fixed-base and distance-to-reference", () => {
    // X2 is negative (smaller is better): U1's 2018 value -40 would give 100·50/(-40) = -125, below every positive
    // value's index, though -40 is the best value of all. U2's 2019 value -10 likewise.
    const negative = {
      U1: { X1: [10, 12, 15], X2: [50, -40, 25], Y1: [200, 210, 190] },
      U2: { X1: [4, 5, 6], X2: [8, 8, -10], Y1: [30, 33, 36] },
    };
    const fixedBase = issuesOf(() => compute(negative));
    expect(fixedBase.map((issue) => issue.code)).toEqual(["E_NEGATIVE_VALUE_REVERSED", "E_NEGATIVE_VALUE_REVERSED"]);
    expect(fixedBase.map((issue) => issue.message)).toEqual([
      messages.negativeValueReversedRatio("X2", "U1", 2018, -40, "base / value"),
      messages.negativeValueReversedRatio("X2", "U2", 2019, -10, "base / value"),
    ]);
    // Against U1 as the reference unit, U1's own -40 is the reference (reported as not positive); U2's -10 is the value.
    const reference = issuesOf(() => compute(negative, { normalize: "distance-to-reference", referenceUnit: "U1" }));
    expect(reference.map((issue) => issue.message)).toContain(messages.negativeValueReversedRatio("X2", "U2", 2019, -10, "distance-to-reference (reference / value)"));
    // min-max takes negative values: X2's scores are (max - x) / (max - min) over the panel, max 50, min -40.
    const minMax = compute(negative, { normalize: "min-max" });
    expect(valueOf(minMax, "X2", 0, 1)).toBeCloseTo((100 * (50 - -40)) / 90, 12);
  });

  it("reports a score too large for a number rather than writing it as missing", () => {
    // 100·15/1e-320 overflows to Infinity; 1e-320 is positive, so the base checks pass.
    const tiny = { U1: { X1: [1e-320, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] } };
    expect(issuesOf(() => compute(tiny)).map((issue) => [issue.code, issue.message])).toEqual([
      ["E_SCORE_NOT_FINITE", messages.scoreNotFinite("X1", "U1", 2018)],
      ["E_SCORE_NOT_FINITE", messages.scoreNotFinite("X1", "U1", 2019)],
    ]);
  });

  it("under the reweight policy leaves a missing child out and renormalises its siblings", () => {
    const result = compute({ U1: { X1: [10, Number.NaN, 15], X2: [50, 40, 25], Y1: [200, 210, 190] } }, { missing: "reweight" });
    // 2018: X1 missing, so X = X2 = 125; INDEX = 0.6·125 + 0.4·105 = 75 + 42 = 117
    expect(valueOf(result, "X1", 0, 1)).toBeNaN();
    expect(valueOf(result, "X", 0, 1)).toBeCloseTo(125, 12);
    expect(valueOf(result, "INDEX", 0, 1)).toBeCloseTo(117, 12);
  });

  it("records on each indicator node the missing-value policy of its own tree column, and none on the others", () => {
    // X1 and X2 have their own policy (the tree's missing column), Y1 follows the run's (error); U1 has gaps in 2018.
    const tree = smallTree({ X1: { missing: "interpolate" }, X2: { missing: "mean" } });
    const values = { U1: { X1: [10, Number.NaN, 15], X2: [50, Number.NaN, 25], Y1: [200, 210, 190] }, U2: SMALL.U2 };
    const result = computeIndex(tree, panelOf(tree, values));
    expect(result.options.missing).toBe("error");
    expect(result.nodes.map(({ code, method, missing }) => ({ code, method, missing }))).toStrictEqual([
      { code: "INDEX", method: "arithmetic", missing: undefined },
      { code: "X", method: "arithmetic", missing: undefined },
      { code: "X1", method: "fixed-base", missing: "interpolate" },
      { code: "X2", method: "fixed-base", missing: "mean" },
      { code: "Y", method: "arithmetic", missing: undefined },
      { code: "Y1", method: "fixed-base", missing: undefined },
    ]);
    // Only the two nodes with a policy of their own carry the field at all.
    expect(result.nodes.filter((node) => "missing" in node).map((node) => node.code)).toEqual(["X1", "X2"]);
    // What each did, by hand: X1 2018 = (10 + 15)/2 = 12.5; X2 2018 = U2's X2 in 2018 (the only other unit) = 8.
    expect(result.imputations).toEqual([
      { unit: "U1", year: 2018, indicator: "X1", method: "interpolate", value: 12.5 },
      { unit: "U1", year: 2018, indicator: "X2", method: "mean", value: 8 },
    ]);
  });

  it("records an indicator's own missing-value policy also when it is the run's", () => {
    const tree = smallTree({ Y1: { missing: "error" } });
    const result = computeIndex(tree, panelOf(tree, SMALL));
    expect(result.nodes.filter((node) => "missing" in node).map(({ code, missing }) => [code, missing])).toEqual([["Y1", "error"]]);
  });

  it("turns weight warnings into errors under strict", () => {
    const rows: TreeRow[] = [
      { line: 2, code: "A", parent: "", name: "A", weight: "2", direction: "+" },
      { line: 3, code: "B", parent: "", name: "B", weight: "3", direction: "+" },
    ];
    const built = buildTree(rows, "t.csv");
    if (!built.ok) throw new Error("invalid");
    const panel = buildPanel(built.value, [
      { unit: "", year: 2017, indicator: "A", value: 1 },
      { unit: "", year: 2017, indicator: "B", value: 1 },
    ]);
    if (!panel.ok) throw new Error("invalid");
    expect(computeIndex(built.value, panel.value).warnings.map((w) => w.code)).toEqual(["W_WEIGHTS_RENORMALISED"]);
    expect(() => computeIndex(built.value, panel.value, { strict: true })).toThrow(messages.weightsRenormalised("INDEX", 5));
  });
});

describe("computeIndex: an infinite value in a panel made in code", () => {
  it("is refused under every normalisation, one problem a cell (before: min-max and z-scores left the indicator out silently)", () => {
    // U1's X1 in 2018 is 12/0, as a ratio computed in a notebook gives it: under z-scores every X1 score was NaN and X
    // the score of X2 alone, with no warning.
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const values = new Float64Array(panel.values);
    values[1] = Infinity; // X1 · U1 · 2018: (indicator 0 · 2 units + unit 0) · 3 years + year 1
    values[3 * 2 * 2 + 3 + 2] = -Infinity; // Y1 · U2 · 2019
    for (const normalize of ["fixed-base", "min-max", "z-score"] as const)
      expect(issuesOf(() => computeIndex(tree, { ...panel, values }, { normalize }))).toEqual([
        { code: "E_BAD_NUMBER", id: "X1", column: "value", message: messages.valueNotFinite("X1", "U1", 2018, Infinity) },
        { code: "E_BAD_NUMBER", id: "Y1", column: "value", message: messages.valueNotFinite("Y1", "U2", 2019, -Infinity) },
      ]);
  });
});

describe("normalizeFixedBase and normalizeMinMax", () => {
  const context = { unitCount: 2, yearCount: 3, baseYear: 0, direction: "positive" as const };

  it("normalizeFixedBase divides by the base value unit by unit, inverted for a negative indicator", () => {
    const out = new Float64Array(6);
    normalizeFixedBase([12, 72, 24, 50, Number.NaN, 25], context, out);
    // by hand: 100·72/12 = 600 (the Changzhou six-fold rise), 100·24/12 = 200; 100·25/50 = 50
    expect([...out]).toEqual([100, 600, 200, 100, Number.NaN, 50]);
    normalizeFixedBase([12, 72, 24, 50, 40, 25], { ...context, direction: "negative" }, out);
    // by hand: 100·12/72 = 16.666…, 100·12/24 = 50; 100·50/40 = 125, 100·50/25 = 200
    expect(out[1]).toBeCloseTo(100 / 6, 12);
    expect([out[0], out[2], out[3], out[4], out[5]]).toEqual([100, 50, 100, 125, 200]);
  });

  it("normalizeMinMax maps the panel minimum to 0 and maximum to 100, reversed for a negative indicator", () => {
    const out = new Float64Array(6);
    normalizeMinMax([2, 4, 6, 10, Number.NaN, 8], context, out);
    // by hand: min 2, max 10: (x − 2)/8·100 = 0, 25, 50, 100, NaN, 75
    expect([...out]).toEqual([0, 25, 50, 100, Number.NaN, 75]);
    normalizeMinMax([2, 4, 6, 10, Number.NaN, 8], { ...context, direction: "negative" }, out);
    expect([...out]).toEqual([100, 75, 50, 0, Number.NaN, 25]);
    normalizeMinMax([3, 3, 3, 3, 3, 3], context, out);
    expect([...out].every(Number.isNaN)).toBe(true);
  });
});
