/**
 * compareResults and averageRanks against hand-computed values.
 */
import { describe, expect, it } from "vitest";
import { averageRanks, compareResults } from "../../../src/core/audit/compare.js";
import { robustnessMessages } from "../../../src/core/audit/robustness-messages.js";
import { ValidationError } from "../../../src/errors.js";
import { resultOf, treeOf } from "./robust-fixture.js";

/** One indicator X, min-max (so the index orders the units as the raw values do), one value per unit and year. */
function single(values: Record<string, number[]>, firstYear = 2020) {
  const records = Object.entries(values).flatMap(([unit, list]) => list.map((value, y) => ({ unit, year: firstYear + y, indicator: "X", value })));
  return resultOf(treeOf([["X", "", "", "+"]]), records, { normalize: "min-max" });
}

describe("compareResults", () => {
  it("averageRanks(values) gives tied values the mean of their ranks, 1 for the highest", () => {
    expect([...averageRanks([10, 30, 30, 20])]).toEqual([4, 1.5, 1.5, 3]);
    expect([...averageRanks([5, 5, 5])]).toEqual([2, 2, 2]);
  });

  it("compareResults(a, b) gives ranks, shifts and Spearman's rho = 1 − 6·Σd²/(n(n²−1))", () => {
    // a orders P < Q < R < S (ranks 4 3 2 1), b swaps Q and R (ranks 4 2 3 1): Σd² = 2, rho = 1 − 12/60 = 0.8.
    const comparison = compareResults(single({ P: [1], Q: [2], R: [3], S: [4] }), single({ P: [1], Q: [3], R: [2], S: [4] }));
    expect([...comparison.rankA]).toEqual([4, 3, 2, 1]);
    expect([...comparison.rankB]).toEqual([4, 2, 3, 1]);
    expect([...comparison.rankShift]).toEqual([0, 1, -1, 0]);
    expect(comparison.spearman[0]).toBeCloseTo(0.8, 12);
    expect(comparison.meanAbsoluteShift[0]).toBe(0.5);
    expect(comparison.rankedUnits[0]).toBe(4);
  });

  it("compareResults(a, b) with ties uses average ranks for rho (R's cor(method = 'spearman'))", () => {
    // b ties Q and R: average ranks a (4,3,2,1), b (4,2.5,2.5,1). Pearson of these: deviations a (1.5,.5,-.5,-1.5),
    // b (1.5,0,0,-1.5): cov 4.5, var a 5, var b 4.5, rho = 4.5/√(5·4.5) = 0.948683298050514 (R gives 0.9486833).
    const comparison = compareResults(single({ P: [1], Q: [2], R: [3], S: [4] }), single({ P: [1], Q: [3], R: [3], S: [4] }));
    expect(comparison.spearman[0]).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect([...comparison.rankB]).toEqual([4, 2, 2, 1]);
  });

  it("compareResults(a, b) aligns b's units by name and takes one year with { year }", () => {
    const comparison = compareResults(single({ P: [1, 5], Q: [2, 1] }), single({ Q: [9, 1], P: [1, 2] }), { year: 2021 });
    expect(comparison.years).toEqual([2021]);
    // 2021: a P 5 > Q 1 (ranks 1, 2); b P 2 > Q 1 (ranks 1, 2).
    expect([...comparison.rankA]).toEqual([1, 2]);
    expect([...comparison.rankB]).toEqual([1, 2]);
    expect(comparison.spearman[0]).toBeCloseTo(1, 12);
  });

  it("compareResults(a, b) with one unit has no correlation and a note instead", () => {
    const comparison = compareResults(single({ P: [1, 2] }), single({ P: [3, 4] }));
    expect([...comparison.spearman]).toEqual([Number.NaN, Number.NaN]);
    expect(comparison.notes).toEqual([robustnessMessages.spearmanUndefined(2020, 1), robustnessMessages.spearmanUndefined(2021, 1)]);
  });

  it("compareResults(a, b) with two units all tied says they are tied, and in which configuration (before: '2 units are ranked in both ... it needs two units or more')", () => {
    // min-max over all years: a P [1, 5], Q [1, 2] scores 2020 P 0, Q 0 (tied); b P [1, 2], Q [3, 1] scores 2020
    // P 0, Q 1 (apart). 2021: a P 1, Q 0.25; b P 0.5, Q 0: P first in both, rho 1, no note.
    const tiedA = single({ P: [1, 5], Q: [1, 2] });
    const apart = single({ P: [1, 2], Q: [3, 1] });
    expect(compareResults(tiedA, apart).notes).toEqual([robustnessMessages.spearmanUndefined(2020, 2, "a")]);
    expect(compareResults(apart, tiedA).notes).toEqual([robustnessMessages.spearmanUndefined(2020, 2, "b")]);
    expect(compareResults(tiedA, tiedA).notes).toEqual([robustnessMessages.spearmanUndefined(2020, 2, "both")]);
    expect(robustnessMessages.spearmanUndefined(2020, 2, "both")).toBe(
      "2020: the 2 units ranked in both configurations are all tied in both, so the rankings have no correlation (a correlation needs ranks that differ)",
    );
    expect(robustnessMessages.spearmanUndefined(2020, 2, "a")).toBe(
      "2020: the 2 units ranked in both configurations are all tied in configuration a, so the rankings have no correlation (a correlation needs ranks that differ)",
    );
    // 0 or 1 unit: the count is the reason, whatever the ties.
    expect(compareResults(single({ P: [1, 2] }), single({ P: [3, 4] })).notes[0]).toBe(
      "2020: only one unit is ranked in both configurations, so the rankings have no correlation (it needs two units or more, not all tied)",
    );
  });

  it("compareResults(a, b) refuses different units and years, listing both at once", () => {
    const run = () => compareResults(single({ P: [1, 2], Q: [2, 1] }), single({ P: [1], R: [2] }));
    expect(run).toThrow(ValidationError);
    try {
      run();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.message)).toEqual([
        robustnessMessages.compareUnits(["Q"], ["R"]),
        robustnessMessages.compareYears([2021], []),
      ]);
    }
  });
});
