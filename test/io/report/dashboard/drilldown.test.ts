/**
 * The drill-down's tree table, computed in Node as the page computes it (client.ts calls these pure functions): the
 * weights a unit-year's aggregation used, and the badge of what the data stage did to a value.
 */
import { describe, expect, it } from "vitest";
import { imputationText, ownWeightsNotes, weightShown, weightsUsed, weightText } from "../../../../src/io/report/dashboard/drilldown.js";
import { dashboardWords } from "../../../../src/io/report/dashboard/words.js";
import { testerRun } from "../tester-run.js";


const rounded = (values: Float64Array) => Array.from(values, (value) => (Number.isNaN(value) ? "NaN" : Number(value.toFixed(10))));

describe("weightsUsed: the weights the year's aggregation used, as the tree table shows them", () => {
  it("P 2021, Y1 reweighted: Y2 carried all of B (1 within B, 0.5 overall), Y1 nothing; in 2020 the tree's weights", () => {
    const result = testerRun();
    // By hand: under INDEX, A and B observed, 0.5/(0.5+0.5) = 0.5 each; under A, X alone: 1; under B only Y2 observed:
    // 0.5/0.5 = 1 within B, 0.5·1 = 0.5 overall; Y1 missing: 0 within, 0 overall. INDEX itself: 1.
    const used2021 = weightsUsed(result, 0, 1);
    expect(rounded(used2021.within)).toEqual([1, 0.5, 1, 0.5, 0, 1]);
    expect(rounded(used2021.overall)).toEqual([1, 0.5, 0.5, 0.5, 0, 0.5]);
    // 2020, nothing missing: Y1 and Y2 0.5/(0.5+0.5) = 0.5 within B, 0.5·0.5 = 0.25 overall.
    const used2020 = weightsUsed(result, 0, 0);
    expect(rounded(used2020.within)).toEqual([1, 0.5, 1, 0.5, 0.5, 0.5]);
    expect(rounded(used2020.overall)).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it("a dimension with no value left out: 0 within the index and for everything below it, its children's within-weights none", () => {
    // P 2021 with Y1 and Y2 empty: B is missing (no child), INDEX = A alone (50). Under INDEX: A 0.5/0.5 = 1, B 0; below
    // B nothing was aggregated (within NaN) and nothing reached the index (overall 0).
    const result = testerRun({}, ["P 2021 Y1", "P 2021 Y2"]);
    const used = weightsUsed(result, 0, 1);
    expect(rounded(used.within)).toEqual([1, 1, 1, 0, "NaN", "NaN"]);
    expect(rounded(used.overall)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("the overall index missing (--min-group-coverage 0.6): no overall weight; within a group still aggregated, its weights", () => {
    // P 2021: B has 1 of 2 children (0.5 < 0.6): missing; INDEX 1 of 2: missing. A was aggregated (X alone: 1); nothing
    // reached the index.
    const result = testerRun({ minGroupCoverage: 0.6 });
    const used = weightsUsed(result, 0, 1);
    expect(rounded(used.within)).toEqual(["NaN", "NaN", 1, "NaN", "NaN", "NaN"]);
    expect(rounded(used.overall)).toEqual(["NaN", "NaN", "NaN", "NaN", "NaN", "NaN"]);
    // Q 2021 has every value: the tree's weights.
    expect(rounded(weightsUsed(result, 1, 1).overall)).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it("renormalises weights that do not sum to 1 (0.6 and 0.2 over the observed children)", () => {
    // Two children of INDEX weighted 0.6 and 0.2, both observed: 0.6/0.8 = 0.75 and 0.2/0.8 = 0.25.
    const result = {
      units: ["U"],
      years: [2020],
      nodes: [
        { code: "INDEX", name: "", level: 0, kind: "index" as const, parent: null, weight: 1 },
        { code: "C", name: "", level: 1, kind: "indicator" as const, parent: "INDEX", weight: 0.6 },
        { code: "D", name: "", level: 1, kind: "indicator" as const, parent: "INDEX", weight: 0.2 },
      ],
      values: Float64Array.from([10, 10, 10]),
    };
    expect(rounded(weightsUsed(result, 0, 0).within)).toEqual([1, 0.75, 0.25]);
  });
});

describe("weightsUsed: the nominal weights beside those used, and no weight used claimed below BoD or TOPSIS", () => {
  it("P 2021, Y1 reweighted: the nominal weights are the tree's renormalised over every sibling, whatever is missing", () => {
    // By hand: INDEX 1; A, B 0.5/(0.5+0.5) = 0.5; X alone under A: 1; Y1, Y2 0.5 each within B; overall 0.5·0.5 = 0.25.
    const used = weightsUsed(testerRun(), 0, 1);
    expect(rounded(used.nominalWithin)).toEqual([1, 0.5, 1, 0.5, 0.5, 0.5]);
    expect(rounded(used.nominalOverall)).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
    expect([...used.methodWithin, ...used.methodOverall].every((method) => method === undefined)).toBe(true);
  });

  it("the overall index by BoD (level 0): no weight used for A and B, nor any overall one below; within A and B (arithmetic) the year's", () => {
    // BoD chooses each unit's own weights for A and B: within NaN (before: 0.5 and 0.5, the tree's renormalised). Below,
    // A and B are arithmetic means: X 1; Y1 missing 0, Y2 0.5/0.5 = 1. Overall: NaN below BoD, except Y1, which took no
    // part (0).
    const used = weightsUsed(testerRun({ aggregateByLevel: { 0: "bod" } }), 0, 1);
    expect(rounded(used.within)).toEqual([1, "NaN", 1, "NaN", 0, 1]);
    expect(rounded(used.overall)).toEqual([1, "NaN", "NaN", "NaN", 0, "NaN"]);
    expect(used.methodWithin).toEqual([undefined, "bod", undefined, "bod", undefined, undefined]);
    expect(used.methodOverall).toEqual([undefined, "bod", "bod", "bod", "bod", "bod"]);
  });

  it("TOPSIS everywhere: every child's weight is the method's (distances, not a mean), none renormalised over the observed", () => {
    // Before: Y2 was shown carrying all of B (1) in P 2021, but TOPSIS uses Y2's 0.5 as given and leaves Y1 out of both distances.
    const used = weightsUsed(testerRun({ aggregate: "topsis" }), 0, 1);
    expect(rounded(used.within)).toEqual([1, "NaN", "NaN", "NaN", "NaN", "NaN"]);
    expect(used.methodWithin).toEqual([undefined, "topsis", "topsis", "topsis", "topsis", "topsis"]);
    expect(rounded(used.nominalWithin)).toEqual([1, 0.5, 1, 0.5, 0.5, 0.5]);
  });
});

describe("weightShown and weightText: the weights of the cards and the group tables, as the tree table's", () => {
  const en = dashboardWords("en");
  const zh = dashboardWords("zh");
  const format = (digits: number) => (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

  it("the cards of P 2021 with X empty: A took no part (0, nominal 0.500) and B carried the whole index (1, nominal 0.500)", () => {
    // By hand: A's only indicator X is missing, so A is missing and the index is B alone: A 0, B 0.5/0.5 = 1; nominal
    // 0.5/(0.5+0.5) = 0.5 each. Before, the cards said "Weight 0.500" for both.
    const used = weightsUsed(testerRun({}, ["P 2021 X"]), 0, 1);
    const [a, b] = [weightShown(used, 1, "within"), weightShown(used, 3, "within")];
    expect([a.state, a.value, b.state, b.value]).toEqual(["changed", 0, "changed", 1]);
    expect(weightText(en, a, format(3), "en")).toEqual({ text: "0.000", note: " (nominal 0.500)" });
    expect(weightText(en, b, format(3), "en")).toEqual({ text: "1.000", note: " (nominal 0.500)" });
    expect(weightText(zh, b, format(3), "zh")).toEqual({ text: "1.000", note: "（名义 0.500）" });
    // 2020, nothing missing: the weight used is the nominal one, with nothing beside it
    expect(weightText(en, weightShown(weightsUsed(testerRun({}, ["P 2021 X"]), 0, 0), 1, "within"), format(3), "en")).toEqual({ text: "0.500" });
  });

  it("the indicator table of B, P 2021 with Y1 reweighted: the tree table's numbers, the nominal ones beside those that differ", () => {
    // By hand: Y2 within B 0.5/0.5 = 1 (nominal 0.5), overall 0.5·1 = 0.5 (nominal 0.25); Y1 0 and 0; X 1 within A, as nominal.
    const used = weightsUsed(testerRun(), 0, 1);
    expect(weightText(en, weightShown(used, 5, "within"), format(3), "en")).toEqual({ text: "1.000", note: " (nominal 0.500)" });
    expect(weightText(en, weightShown(used, 5, "overall"), format(4), "en")).toEqual({ text: "0.5000", note: " (nominal 0.2500)" });
    expect(weightText(en, weightShown(used, 4, "overall"), format(4), "en")).toEqual({ text: "0.0000", note: " (nominal 0.2500)" });
    expect(weightText(en, weightShown(used, 2, "within"), format(3), "en")).toEqual({ text: "1.000" });
    // every cell shows the tree table's number
    for (let n = 0; n < used.within.length; n++) {
      expect(weightShown(used, n, "within").value).toBe(used.within[n]);
      expect(weightShown(used, n, "overall").value).toBe(used.overall[n]);
    }
  });

  it("below BoD: the nominal weight, labelled nominal, and why in its tooltip, in the page's language", () => {
    // A under the overall index by BoD: nominal 0.5/(0.5+0.5) = 0.5; X's overall weight 0.5·1 = 0.5, nominal too.
    const used = weightsUsed(testerRun({ aggregateByLevel: { 0: "bod" } }), 0, 1);
    expect(weightShown(used, 1, "within")).toEqual({ value: 0.5, nominal: 0.5, state: "nominal", method: "bod" });
    expect(weightText(en, weightShown(used, 1, "within"), format(3), "en")).toEqual({
      text: "0.500",
      note: "nominal",
      title: "Benefit of the doubt (bod) chooses each unit's own, most favourable weights, which this page does not have: the weights shown below it are the nominal ones.",
    });
    expect(weightText(zh, weightShown(used, 2, "overall"), format(4), "zh")).toEqual({
      text: "0.5000",
      note: "名义",
      title: "有利权重法（BoD）为每个评价对象自选最有利的权重，本页没有这些权重：其下级所示权重为名义权重。",
    });
    // X within A (arithmetic, X alone): the weight used, 1, as nominal
    expect(weightShown(used, 2, "within")).toEqual({ value: 1, nominal: 1, state: "used" });
  });

  it("says once per method above the drill-down that the weights below BoD or TOPSIS are nominal; nothing for a run of means", () => {
    expect(ownWeightsNotes(en, testerRun().nodes, "en")).toEqual([]);
    expect(ownWeightsNotes(en, testerRun({ aggregate: "topsis" }).nodes, "en")).toEqual([
      "TOPSIS (topsis) uses the weights to measure distances to the best and worst values, not as a weighted mean: the weights shown below it are the nominal ones (used as given, not spread over a gap).",
    ]);
    // BoD at the top, TOPSIS for A and B: both, the overall index's first
    const mixed = ownWeightsNotes(zh, testerRun({ aggregateByLevel: { 0: "bod", 1: "topsis" } }).nodes, "zh");
    expect(mixed).toEqual([
      "有利权重法（BoD）为每个评价对象自选最有利的权重，本页没有这些权重：其下级所示权重为名义权重。",
      "TOPSIS 法（逼近理想解排序法）以权重衡量与最优值、最劣值的距离，不是加权平均：其下级所示权重为名义权重（按给定值使用，缺项不重新分配）。",
    ]);
  });
});

describe("imputationText: one badge text for the indicator table and the tree table", () => {
  it("says what the data stage did: missing (reweighted) for a gap left out, imputed with the method's name otherwise", () => {
    const en = dashboardWords("en");
    const zh = dashboardWords("zh");
    expect(imputationText(en, "reweight")).toBe("missing (reweighted)");
    expect(imputationText(zh, "reweight")).toBe("缺失（重新加权）");
    expect(imputationText(en, "interpolate")).toBe("imputed (interpolate)");
    expect(imputationText(zh, "interpolate")).toBe("插补（线性插值）");
    expect(imputationText(en, "carry-forward")).toBe("imputed (carry-forward)");
    expect(imputationText(zh, "carry-back")).toBe("插补（沿用下一年）");
    // The cross-sectional policies by their report names (labels.ts): 均值插补, 中位数插补.
    expect([imputationText(en, "mean"), imputationText(en, "median")]).toEqual(["imputed (mean)", "imputed (median)"]);
    expect([imputationText(zh, "mean"), imputationText(zh, "median")]).toEqual(["插补（均值插补）", "插补（中位数插补）"]);
  });

  it("the tester's Y1 of P 2021 is recorded as reweighted, so both tables say missing (reweighted)", () => {
    const methods = testerRun().imputations.map((item) => `${item.unit} ${item.year} ${item.indicator} ${item.method}`);
    expect(methods).toEqual(["P 2021 Y1 reweight"]);
    expect(imputationText(dashboardWords("en"), testerRun().imputations[0].method)).toBe("missing (reweighted)");
  });
});
