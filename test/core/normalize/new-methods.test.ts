/** The scores relative to the best unit or the average, ranks as percentiles and Borda scores, and the output scales
 * of min-max and z-scores, against hand computations (each comment shows the arithmetic). */
import { describe, expect, it } from "vitest";
import {
  normalize,
  normalizeBorda,
  normalizeDistanceToAverage,
  normalizeDistanceToMax,
  normalizeFractionOfMax,
  normalizePercentileRank,
  type NormalizeContext,
} from "../../../src/core/normalize.js";
import { parseNumberPair, planNormalization } from "../../../src/core/normalize/plan.js";
import { checkNewNormalizations } from "../../../src/core/normalize/check-more.js";
import { methodMessages } from "../../../src/core/method-messages.js";
import { buildTree } from "../../../src/core/tree.js";
import type { Panel } from "../../../src/core/panel.js";

const context = (unitCount: number, direction: "positive" | "negative" = "positive", extra: Partial<NormalizeContext> = {}): NormalizeContext => ({
  unitCount,
  yearCount: 1,
  baseYear: 0,
  direction,
  ...extra,
});
const run = (method: (v: ArrayLike<number>, c: NormalizeContext, o: Float64Array) => Float64Array, values: number[], c: NormalizeContext) =>
  Array.from(method(values, c, new Float64Array(values.length)));
const close = (actual: number[], expected: number[]) => expected.forEach((value, i) => (Number.isNaN(value) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(value, 12)));

describe("percentile rank and Borda", () => {
  it("normalizePercentileRank gives 100·(min rank − 1)/(n − 1)", () => {
    // min ranks of (30, 10, 20, 20): 4, 1, 2, 2; n = 4: 100·3/3, 0, 100·1/3, 100·1/3
    close(run(normalizePercentileRank, [30, 10, 20, 20], context(4)), [100, 0, 100 / 3, 100 / 3]);
    // negative: the smallest value is best; min ranks of (−30, −10, −20, −20): 1, 4, 2, 2
    close(run(normalizePercentileRank, [30, 10, 20, 20], context(4, "negative")), [0, 100, 100 / 3, 100 / 3]);
  });
  it("normalizePercentileRank keeps NaN and counts only the observed units", () => {
    // (5, NaN, 7): n = 2, min ranks 1, 2
    close(run(normalizePercentileRank, [5, Number.NaN, 7], context(3)), [0, Number.NaN, 100]);
  });
  it("normalizeBorda gives the number of units beaten", () => {
    close(run(normalizeBorda, [30, 10, 20, 20], context(4)), [3, 0, 1, 1]);
    close(run(normalizeBorda, [30, 10, 20, 20], context(4, "negative")), [0, 3, 1, 1]);
  });
  it("ranks within each year: a block of 2 units × 2 years", () => {
    // unit-major: U1 (1, 9), U2 (5, 3): 2020 ranks U1 below U2, 2021 above
    close(run(normalizeBorda, [1, 9, 5, 3], { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive" }), [0, 1, 1, 0]);
  });
});

describe("relative to the best unit or the average", () => {
  it("normalizeFractionOfMax gives 100·x/max, or 100·min/x for a negative indicator", () => {
    close(run(normalizeFractionOfMax, [5, 20, 10], context(3)), [25, 100, 50]);
    close(run(normalizeFractionOfMax, [5, 20, 10], context(3, "negative")), [100, 25, 50]);
  });
  it("normalizeDistanceToMax gives 100 − 100·(best − x)/(max − min)", () => {
    // range 15: 5 is 15 from the best (0), 10 is 10 from it (100 − 66.67)
    close(run(normalizeDistanceToMax, [5, 20, 10], context(3)), [0, 100, 100 / 3]);
    close(run(normalizeDistanceToMax, [5, 20, 10], context(3, "negative")), [100, 0, 200 / 3]);
  });
  it("normalizeDistanceToMax scores the worst unit exactly 0 and the best exactly 100, as min-max-year does", () => {
    // 100 − 100·1.587/1.587 came out as −1.42e-14 here (100·1.587/1.587 rounds above 100), which a power mean or
    // benefit of the doubt then refused as a negative score; 100·(1 − d/range) is 0 when d equals the range.
    const scores = run(normalizeDistanceToMax, [2.452, 4.039, 3], context(3));
    expect([scores[0], scores[1]]).toEqual([0, 100]);
    expect(scores[2]).toBeCloseTo((100 * (3 - 2.452)) / (4.039 - 2.452), 12);
    const negative = run(normalizeDistanceToMax, [2.452, 4.039, 3], context(3, "negative"));
    expect([negative[0], negative[1]]).toEqual([100, 0]);
  });
  it("normalizeDistanceToAverage gives 100·x/mean, or 100·mean/x for a negative indicator", () => {
    close(run(normalizeDistanceToAverage, [10, 30, Number.NaN], context(3)), [50, 150, Number.NaN]);
    close(run(normalizeDistanceToAverage, [10, 30], context(2, "negative")), [200, 200 / 3]);
  });
});

describe("output scales", () => {
  it("min-max onto --range 1,100: 1 + 99·(x − min)/(max − min)", () => {
    close(Array.from(normalize("min-max", [2, 4, 6], context(3, "positive", { range: { low: 1, high: 100 } }), new Float64Array(3))), [1, 50.5, 100]);
    close(Array.from(normalize("min-max-year", [2, 4, 6], context(3, "negative", { range: { low: 1, high: 100 } }), new Float64Array(3))), [100, 50.5, 1]);
  });
  it("z-score onto --z-scale 0,1: plain z (COINr's default)", () => {
    // mean 2, sample sd 1
    close(Array.from(normalize("z-score", [1, 2, 3], context(3, "positive", { zScale: { mean: 0, sd: 1 } }), new Float64Array(3))), [-1, 0, 1]);
    close(Array.from(normalize("z-score", [1, 2, 3], context(3, "positive", { zScale: { mean: 50, sd: 5 } }), new Float64Array(3))), [45, 50, 55]);
  });
  it("parseNumberPair reads A,B and A;B and refuses the rest", () => {
    expect(parseNumberPair("1,100", "range")).toEqual({ first: 1, second: 100 });
    expect(parseNumberPair(" 0 ; 1 ", "z-scale")).toEqual({ first: 0, second: 1 });
    expect(parseNumberPair("100,1", "range")).toBeUndefined();
    expect(parseNumberPair("0,0", "z-scale")).toBeUndefined();
    expect(parseNumberPair("1", "range")).toBeUndefined();
    expect(parseNumberPair("a,b", "range")).toBeUndefined();
  });
  it("planNormalization takes range and z_scale from the tree, and reports a bad one at its cell", () => {
    const built = buildTree(
      [
        { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "+", attributes: { range: "1;100", normalise: "min-max" } },
        { line: 3, code: "B", parent: "", name: "B", weight: "", direction: "+", attributes: { z_scale: "0,1", normalise: "z-score" } },
        { line: 4, code: "C", parent: "", name: "C", weight: "", direction: "+", attributes: { range: "100,1" } },
      ],
      "tree.csv",
    );
    if (!built.ok) throw new Error("tree");
    const { plans, issues } = planNormalization(built.value, { method: "min-max" });
    expect(plans[0].range).toEqual({ low: 1, high: 100 });
    expect(plans[1].zScale).toEqual({ mean: 0, sd: 1 });
    expect(issues).toEqual([
      { code: "E_BAD_SETTING", message: methodMessages.badPairSetting("C", "range", "100,1", methodMessages.rangeExpected()), source: "tree.csv", line: 4, column: "range", id: "C" },
    ]);
  });
});

describe("checkNewNormalizations", () => {
  it("reports a value < 0 under fraction-of-max, a constant year under distance-to-max, an average <= 0 under distance-to-average", () => {
    const panel: Panel = {
      units: ["U1", "U2"],
      years: [2020],
      indicators: ["F", "D", "A"],
      // indicator-major blocks of units × years
      values: Float64Array.of(-2, 4, 3, 3, -1, 0),
    };
    const issues = checkNewNormalizations(panel, [{ method: "fraction-of-max" }, { method: "distance-to-max" }, { method: "distance-to-average" }], ["positive", "positive", "positive"]);
    expect(issues.map((issue) => issue.message)).toEqual([
      methodMessages.valueNotPositive("F", "U1", 2020, -2, "fraction-of-max", true),
      methodMessages.constantYear("D", "distance-to-max", 2020, 3),
      methodMessages.averageNotPositive("A", 2020, -0.5),
    ]);
  });

  it("fraction-of-max: a 0 of a positive indicator scores 0 (COINr n_fracmax), of a negative one is refused (min / 0), and so is a year of zeros", () => {
    // P positive: 2019 0 and 4 -> 0 and 100 (0/4, 4/4); 2020 0 and 0 -> max 0, undefined. N negative: 0 in 2019.
    const panel: Panel = { units: ["U1", "U2"], years: [2019, 2020], indicators: ["P", "N"], values: Float64Array.of(0, 0, 4, 0, 0, 2, 5, 2) };
    const issues = checkNewNormalizations(panel, [{ method: "fraction-of-max" }, { method: "fraction-of-max" }], ["positive", "negative"]);
    expect(issues.map((issue) => issue.message)).toEqual([
      methodMessages.maximumZero("P", 2020),
      methodMessages.valueNotPositive("N", "U1", 2019, 0, "fraction-of-max"),
    ]);
    const out = normalizeFractionOfMax(panel.values.subarray(0, 4), { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive" }, new Float64Array(4));
    expect([...out]).toEqual([0, Number.NaN, 100, Number.NaN]);
  });

  it("places a fraction-of-max value's problem at the file and line (and column) the value was read from, as the ratio checks do", () => {
    // Two indicators in values.csv, rows in the order indicator, unit, year after the header (line 1): P U1 2019 is line
    // 2, ..., P U2 2020 line 5, N U1 2019 line 6, N U1 2020 line 7, N U2 2019 line 8, N U2 2020 line 9. N is negative,
    // so its 0 (U1 2020, cell 1·4 + 0·2 + 1 = 5, line 7) is refused (min / 0), and P's −3 (U2 2019, cell 2, line 4) too.
    const panel: Panel = {
      units: ["U1", "U2"],
      years: [2019, 2020],
      indicators: ["P", "N"],
      values: Float64Array.of(4, 5, -3, 6, 2, 0, 3, 1),
      source: "values.csv",
      lines: Int32Array.of(2, 3, 4, 5, 6, 7, 8, 9),
    };
    const issues = checkNewNormalizations(panel, [{ method: "fraction-of-max" }, { method: "fraction-of-max" }], ["positive", "negative"]);
    expect(issues).toEqual([
      { id: "P", source: "values.csv", line: 4, code: "E_VALUE_NOT_POSITIVE", message: methodMessages.valueNotPositive("P", "U2", 2019, -3, "fraction-of-max", true) },
      { id: "N", source: "values.csv", line: 7, code: "E_VALUE_NOT_POSITIVE", message: methodMessages.valueNotPositive("N", "U1", 2020, 0, "fraction-of-max") },
    ]);
    // a values folder: the cell's own file; a wide layout: the value's column too
    const folder = checkNewNormalizations(
      { ...panel, files: ["a.csv", "b.csv"], fileOfCell: Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1), columns: Int32Array.of(0, 0, 0, 0, 0, 4, 0, 0) },
      [{ method: "fraction-of-max" }, { method: "fraction-of-max" }],
      ["positive", "negative"],
    );
    expect(folder.map(({ source, line, column }) => ({ source, line, column }))).toEqual([
      { source: "a.csv", line: 4, column: undefined },
      { source: "b.csv", line: 7, column: 4 },
    ]);
    // values read without lines (DuckDB): the file alone; built in memory: no place, only the indicator
    expect(checkNewNormalizations({ ...panel, lines: undefined }, [{ method: "fraction-of-max" }, { method: "fraction-of-max" }], ["positive", "negative"]).map((issue) => [issue.source, issue.line])).toEqual([
      ["values.csv", undefined],
      ["values.csv", undefined],
    ]);
  });

  it("reports a year in which one unit alone has a value under percentile-rank (n − 1 = 0), not two units that tie", () => {
    // P: 2019 only U1 has a value (n = 1: undefined); 2020 both, equal (ranks tie at 1: both score 0, defined).
    const panel: Panel = { units: ["U1", "U2"], years: [2019, 2020], indicators: ["P"], values: Float64Array.of(5, 3, Number.NaN, 3) };
    const issues = checkNewNormalizations(panel, [{ method: "percentile-rank" }], ["positive"]);
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([["E_ONE_UNIT_OBSERVED", methodMessages.oneUnitObserved("P", "percentile-rank", 2019)]]);
    expect(methodMessages.oneUnitObserved("P", "percentile-rank", 2019)).toBe(
      'indicator "P" has a value for one unit only in 2019, so its percentile-rank 100·(r − 1)/(n − 1) is undefined (n = 1); expected values of at least two units in every year, or another normalisation',
    );
  });
});
