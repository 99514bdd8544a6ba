/**
 * The drill-down's tree table, computed in Node as the page computes it (client.ts calls these pure functions): the
 * weights a unit-year's aggregation used, and the badge of what the data stage did to a value.
 */
import { describe, expect, it } from "vitest";
import { imputationText, weightsUsed } from "../../../../src/io/report/dashboard/drilldown.js";
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
  });

  it("the tester's Y1 of P 2021 is recorded as reweighted, so both tables say missing (reweighted)", () => {
    const methods = testerRun().imputations.map((item) => `${item.unit} ${item.year} ${item.indicator} ${item.method}`);
    expect(methods).toEqual(["P 2021 Y1 reweight"]);
    expect(imputationText(dashboardWords("en"), testerRun().imputations[0].method)).toBe("missing (reweighted)");
  });
});
