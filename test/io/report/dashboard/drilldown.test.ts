/**
 * The drill-down's tree table, computed in Node as the page computes it (client.ts calls these pure functions): the
 * weights a unit-year's aggregation used, and the badge of what the data stage did to a value.
 */
import { describe, expect, it } from "vitest";
import { imputationText, ownWeightsNotes, weightShown, weightsUsed, weightText } from "../../../../src/io/report/dashboard/drilldown.js";
import { dashboardWords } from "../../../../src/io/report/dashboard/words.js";
import { testerRun } from "../tester-run.js";
import { bodCase } from "../../../core/aggregate/bod-case.js";
import { resultIndex } from "../../../../src/core/compute.js";


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

describe("weightsUsed: the nominal weights beside those used, the unit's own below BoD, and none claimed below TOPSIS", () => {
  it("P 2021, Y1 reweighted: the nominal weights are the tree's renormalised over every sibling, whatever is missing", () => {
    // By hand: INDEX 1; A, B 0.5/(0.5+0.5) = 0.5; X alone under A: 1; Y1, Y2 0.5 each within B; overall 0.5·0.5 = 0.25.
    const used = weightsUsed(testerRun(), 0, 1);
    expect(rounded(used.nominalWithin)).toEqual([1, 0.5, 1, 0.5, 0.5, 0.5]);
    expect(rounded(used.nominalOverall)).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
    expect([...used.methodWithin, ...used.methodOverall].every((method) => method === undefined)).toBe(true);
  });

  it("the overall index by BoD (level 0): P's own weights for A and B in 2021, and their products below", () => {
    // By hand: 2021 A P 50, Q 0; B (flipped) P 100 − 50 = 50 (Y1 left out, Y2 50), Q 100 − 0 = 100. P's programme: max
    // 50a + 50b with 50a + 50b <= 1 (P) and 100b <= 1 (Q): a enters first (Bland), P's row bounds it at 1/50, then b no
    // longer improves: (1/50, 0), ×100 on the score's scale: A 2, B 0 (the index 100 = 2·50). Below, A and B are arithmetic
    // means: X 1; Y1 missing 0, Y2 0.5/0.5 = 1. Overall: X 2·1 = 2; Y1 and Y2 0 (B took no part).
    const result = testerRun({ aggregateByLevel: { 0: "bod" } });
    const used = weightsUsed(result, 0, 1);
    expect(rounded(used.within)).toEqual([1, 2, 1, 0, 0, 1]);
    expect(rounded(used.overall)).toEqual([1, 2, 2, 0, 0, 0]);
    expect([...used.methodWithin, ...used.methodOverall].every((method) => method === undefined)).toBe(true);
    expect(used.chosenWithin).toEqual([undefined, "bod", undefined, "bod", undefined, undefined]);
    expect(used.chosenOverall).toEqual([undefined, "bod", "bod", "bod", "bod", "bod"]);
    // Without the weights BoD chose (a result made in code): the nominal ones, as before, none claimed as used.
    const { bodWeights: _bodWeights, ...bare } = result;
    const nominal = weightsUsed(bare, 0, 1);
    expect(rounded(nominal.within)).toEqual([1, "NaN", 1, "NaN", 0, 1]);
    expect(nominal.methodWithin).toEqual([undefined, "bod", undefined, "bod", undefined, undefined]);
  });

  it("the hand-worked BoD case, C in 2021: its own weights 4/3 and 1 within G (not shares: they sum to 7/3), G's score their sum", () => {
    // test/core/aggregate/bod-weights.test.ts: C (40, 40) chose (4/3, 1), G = 4/3·40 + 1·40 = 93.333; the index is G
    // alone (1), so the overall weights are the same; the nominal ones 0.5 each.
    const { result } = bodCase();
    const used = weightsUsed(result, 2, 1);
    expect(rounded(used.within)).toEqual(rounded(Float64Array.from([1, 1, 4 / 3, 1])));
    expect(rounded(used.overall)).toEqual(rounded(Float64Array.from([1, 1, 4 / 3, 1])));
    expect(rounded(used.nominalWithin)).toEqual([1, 1, 0.5, 0.5]);
    expect(used.within[2] * 40 + used.within[3] * 40).toBeCloseTo(result.values[resultIndex(result, 1, 2, 1)], 10);
    const en = dashboardWords("en");
    expect(weightShown(used, 2, "within")).toEqual({ value: used.within[2], nominal: 0.5, state: "chosen", method: "bod" });
    expect(weightText(en, weightShown(used, 2, "within"), (value) => value.toFixed(3), "en")).toEqual({
      text: "1.333",
      note: " (own; nominal 0.500)",
      title:
        "Benefit of the doubt (bod) chooses each unit's own, most favourable weights, year by year: the weights shown below it are the unit's own for the year, not shares. The group's score is the sum of weight × the child's score, so they do not in general sum to 1 (the linear programme's weights ×100, as the score is 100 × the efficiency; Compind's ci_bod_weights are on the 0–1 scale).",
    });
    // A in 2020, best on X1: all its admissible weight there (1 and 0); G itself, under the arithmetic index, as used.
    const a = weightsUsed(result, 0, 0);
    expect(rounded(a.within)).toEqual([1, 1, 1, 0]);
    expect(weightShown(a, 1, "within")).toEqual({ value: 1, nominal: 1, state: "used" });
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

  it("below BoD: the unit's own weight, labelled own with the nominal one beside it, and what it is in its tooltip", () => {
    // P 2021 under the overall index by BoD chose A 2 (nominal 0.5/(0.5+0.5) = 0.5); X's overall weight 2·1 = 2 (nominal 0.5).
    const result = testerRun({ aggregateByLevel: { 0: "bod" } });
    const used = weightsUsed(result, 0, 1);
    expect(weightShown(used, 1, "within")).toEqual({ value: 2, nominal: 0.5, state: "chosen", method: "bod" });
    expect(weightText(zh, weightShown(used, 2, "overall"), format(4), "zh")).toEqual({
      text: "2.0000",
      note: "（自选；名义 0.5000）",
      title:
        "有利权重法（BoD）逐年为每个评价对象自选最有利的权重：其下级所示为该对象当年自己的权重，不是占比。该组得分等于各下级“权重×得分”之和，故权重之和一般不为 1（为线性规划的解×100，因得分为效率×100；Compind 的 ci_bod_weights 为 0–1 尺度）。",
    });
    // X within A (arithmetic, X alone): the weight used, 1, as nominal
    expect(weightShown(used, 2, "within")).toEqual({ value: 1, nominal: 1, state: "used" });
    // Without the weights BoD chose: the nominal weight, labelled nominal, and why in its tooltip.
    const { bodWeights: _bodWeights, ...bare } = result;
    const nominal = weightsUsed(bare, 0, 1);
    expect(weightShown(nominal, 1, "within")).toEqual({ value: 0.5, nominal: 0.5, state: "nominal", method: "bod" });
    expect(weightText(en, weightShown(nominal, 1, "within"), format(3), "en")).toEqual({
      text: "0.500",
      note: "nominal",
      title:
        "Benefit of the doubt (bod) chooses each unit's own, most favourable weights: the weights shown below it are the nominal ones, which only decide which children take part (those of weight > 0).",
    });
  });

  it("says once per method above the drill-down what the weights below BoD or TOPSIS are; nothing for a run of means", () => {
    expect(ownWeightsNotes(en, testerRun().nodes, "en")).toEqual([]);
    expect(ownWeightsNotes(en, testerRun({ aggregate: "topsis" }).nodes, "en")).toEqual([
      "TOPSIS (topsis) uses the weights to measure distances to the best and worst values, not as a weighted mean: the weights shown below it are the nominal ones (used as given, not spread over a gap).",
    ]);
    // BoD at the top (its weights known: the unit's own), TOPSIS for A and B (nominal): both, the overall index's first
    const run = testerRun({ aggregateByLevel: { 0: "bod", 1: "topsis" } });
    const mixed = ownWeightsNotes(zh, run.nodes, "zh", run.bodWeights);
    expect(mixed).toEqual([
      "有利权重法（BoD）逐年为每个评价对象自选最有利的权重：其下级所示为该对象当年自己的权重，不是占比。该组得分等于各下级“权重×得分”之和，故权重之和一般不为 1（为线性规划的解×100，因得分为效率×100；Compind 的 ci_bod_weights 为 0–1 尺度）。",
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
