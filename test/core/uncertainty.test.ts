import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { aggregationScalesMixedWarning, analyzeUncertainty, rankDescending, scalesMixedWarning } from "../../src/core/uncertainty.js";
import { messages } from "../../src/core/messages.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { computeRanks } from "../../src/core/analysis/ranks.js";
import { panelOf, smallTree } from "./small.js";

/** The small fixture's values (INDEX = 0.6·X + 0.4·Y, X = mean(X1 +, X2 −), Y = Y1 +) and a third unit. */
const SMALL = {
  U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] },
  U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [30, 33, 36] },
  U3: { X1: [5, 5.5, 7], X2: [20, 19, 15], Y1: [10, 14, 12] },
};

describe("rankDescending(values)", () => {
  it("ranks 1 for the highest value, gives ties the best rank they span (1224), leaves NaN unranked, year by year", () => {
    // Two years, four units, values[unit * 2 + year]. Year 0: 10, 30, 30, 5 -> 3, 1, 1, 4 (Excel's RANK.EQ).
    // Year 1: 1, NaN, 3, 2 -> 3, NaN, 1, 2.
    const out = rankDescending([10, 1, 30, Number.NaN, 30, 3, 5, 2], 4, 2, new Float64Array(8));
    expect([...out]).toEqual([3, 3, 1, Number.NaN, 1, 1, 4, 2]);
  });

  it("is the convention of ranks.csv: the nominal ranks of an analysis equal computeRanks of the nominal run", () => {
    // Every unit is 100 in the base year (a three-way tie: rank 1 each under 1224, 2 each under average ranks).
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const result = analyzeUncertainty(tree, panel, { replications: 4, seed: 1, weightNoise: 0.2 });
    const ranks = computeRanks(computeIndex(tree, panel)).rank.subarray(0, 9);
    expect([...result.rank.nominal]).toEqual([...ranks]);
    expect(result.rank.nominal[0]).toBe(1);
    expect(result.rank.nominal[3]).toBe(1);
    expect(result.rank.nominal[6]).toBe(1);
  });

  it("ties values equal to 12 significant digits, as ranks.csv does", () => {
    const out = rankDescending([115.5, 115.49999999999999, 120], 3, 1, new Float64Array(3));
    expect([...out]).toEqual([2, 2, 1]);
  });
});

describe("rankDescending against the definition", () => {
  it("rank = 1 + (values above), counted by brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.NaN)), { minLength: 1, maxLength: 40 }), (values) => {
        const out = rankDescending(values, values.length, 1, new Float64Array(values.length));
        values.forEach((value, unit) => {
          if (Number.isNaN(value)) return expect(out[unit]).toBeNaN();
          const above = values.filter((other) => other > value).length;
          expect(out[unit]).toBe(1 + above);
        });
      }),
    );
  });
});

describe("analyzeUncertainty", () => {
  it("gives the nominal index of computeIndex, and intervals that contain it under weight noise", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const result = analyzeUncertainty(tree, panel, { replications: 500, seed: 1, weightNoise: 0.25 });
    const reference = computeIndex(tree, panel).values.subarray(0, 9);
    for (let cell = 0; cell < 9; cell++) {
      expect(result.index.nominal[cell]).toBeCloseTo(reference[cell], 12);
      expect(result.index.low[cell]).toBeLessThanOrEqual(result.index.nominal[cell] + 1e-9);
      expect(result.index.high[cell]).toBeGreaterThanOrEqual(result.index.nominal[cell] - 1e-9);
      expect(result.index.low[cell]).toBeLessThanOrEqual(result.index.median[cell]);
      expect(result.index.median[cell]).toBeLessThanOrEqual(result.index.high[cell]);
    }
    // The base year is 100 for every unit whatever the weights: no spread, and no variance to explain.
    expect(result.index.low[0]).toBeCloseTo(100, 12);
    expect(result.index.high[0]).toBeCloseTo(100, 12);
    expect(result.sensitivity.index.firstOrder[0]).toBeNaN();
    // U1 2019: X = mean(150, 200) = 175 and Y = 95 differ, so the index moves with the weights and the interval is
    // proper. Bounds by hand: X's weight 0.6·(1 ± 0.25) against Y's 0.4·(1 ± 0.25), renormalised, ranges from
    // 0.45/(0.45 + 0.5) = 0.4737 to 0.75/(0.75 + 0.3) = 0.7143, so INDEX = 95 + 80·w_X lies in [132.89, 152.14].
    expect(result.index.low[2]).toBeGreaterThan(132.89);
    expect(result.index.high[2]).toBeLessThan(152.15);
    expect(result.index.high[2] - result.index.low[2]).toBeGreaterThan(5);
    expect(result.choices).toEqual([{ choice: "weights", options: ["±25%"] }]);
    expect(result.runs).toBe(500 * 3);
  });

  it("ranks: the nominal ranks are those of the nominal index, and the rank intervals contain them", () => {
    const tree = smallTree();
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 200, seed: 3, weightNoise: 0.2, normalizations: ["fixed-base", "min-max"] });
    // 2019 nominal (fixed-base): U1 = 143, U2 = 117, U3 = 0.6·mean(140, 133.33) + 0.4·120 = 130 -> ranks 1, 3, 2.
    expect(result.index.nominal[8]).toBeCloseTo(0.6 * ((140 + 100 * 20 / 15) / 2) + 0.4 * 120, 10);
    expect([result.rank.nominal[2], result.rank.nominal[5], result.rank.nominal[8]]).toEqual([1, 3, 2]);
    for (let cell = 0; cell < 9; cell++) {
      expect(result.rank.low[cell]).toBeLessThanOrEqual(result.rank.nominal[cell]);
      expect(result.rank.high[cell]).toBeGreaterThanOrEqual(result.rank.nominal[cell]);
    }
  });

  it("same seed, same numbers; another seed, other numbers", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const options = { replications: 100, weightNoise: 0.3, normalizations: ["fixed-base", "min-max"] as const };
    const first = analyzeUncertainty(tree, panel, { ...options, seed: 7 });
    const again = analyzeUncertainty(tree, panel, { ...options, seed: 7 });
    const other = analyzeUncertainty(tree, panel, { ...options, seed: 8 });
    expect(again.index.median).toEqual(first.index.median);
    expect(again.sensitivity.index.total).toEqual(first.sensitivity.index.total);
    expect(again.rank.high).toEqual(first.rank.high);
    expect(other.index.median).not.toEqual(first.index.median);
  });

  it("a choice between two normalisations alone explains all the variance: S = S_T = 1", () => {
    // With one factor A_B(1) = B, so f(A_B) = f(B): the first order (1/N)·Σ(f(B) − c)(f(B) − f(A)) and the total
    // (1/2N)·Σ(f(A) − f(B))² both estimate V, within sampling error (N = 400: a few 1/√N = 0.05). Each run is either the fixed-base or the min-max index, each with
    // probability 1/2, so the 5% quantile is the smaller and the 95% quantile the larger of the two.
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const result = analyzeUncertainty(tree, panel, { replications: 400, seed: 2, normalizations: ["fixed-base", "min-max"] });
    const fixedBase = computeIndex(tree, panel).values.subarray(0, 9);
    const minMax = computeIndex(tree, panel, { normalize: "min-max" }).values.subarray(0, 9);
    for (let cell = 0; cell < 9; cell++) {
      expect(result.index.low[cell]).toBeCloseTo(Math.min(fixedBase[cell], minMax[cell]), 12);
      expect(result.index.high[cell]).toBeCloseTo(Math.max(fixedBase[cell], minMax[cell]), 12);
      expect(Math.abs(result.sensitivity.index.firstOrder[cell] - 1)).toBeLessThan(0.2);
      expect(Math.abs(result.sensitivity.index.total[cell] - 1)).toBeLessThan(0.2);
    }
  });

  it("a unit whose scores are equal in every year has an index the weights cannot move: no spread, no variance", () => {
    // U4's three series give equal fixed-base scores: X1 = 100·(10, 20, 30)/10 = 100, 200, 300; X2 (negative) =
    // 100·30/(30, 15, 10) = 100, 200, 300; Y1 = 100, 200, 300. Any weighted mean of equal scores is that score.
    const tree = smallTree();
    const values = { ...SMALL, U4: { X1: [10, 20, 30], X2: [30, 15, 10], Y1: [10, 20, 30] } };
    const result = analyzeUncertainty(tree, panelOf(tree, values), { replications: 300, seed: 4, weightNoise: 0.5 });
    // Cells of U4 are 9, 10, 11 (unit-major, three years).
    expect(result.index.low[10]).toBeCloseTo(200, 10);
    expect(result.index.high[10]).toBeCloseTo(200, 10);
    expect(result.index.low[11]).toBeCloseTo(300, 10);
    expect(result.index.high[11]).toBeCloseTo(300, 10);
    expect(result.sensitivity.index.firstOrder[10]).toBeNaN();
    // U1 in 2019 does move (see above): its weights' first order and total are 1 (the only factor), within sampling error.
    expect(Math.abs(result.sensitivity.index.firstOrder[2] - 1)).toBeLessThan(0.2);
    expect(Math.abs(result.sensitivity.index.total[2] - 1)).toBeLessThan(0.2);
  });

  it("two methods that give the same index by different sums: no variance, no indices (before: shares of rounding errors)", () => {
    // The power mean with exponent 1 is the arithmetic mean, computed as (Σ w·s^1 / Σ w)^(1/1) rather than relative to
    // the first child: the runs differ by rounding alone (a few 1e-14 on indices near 100).
    const tree = smallTree();
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 50, seed: 2, aggregations: ["arithmetic", "power"], power: 1 });
    const spread = Math.max(...result.index.high.map((high, cell) => high - result.index.low[cell]));
    expect(spread).toBeLessThan(1e-12);
    // No output varies: every index NaN (empty cells), over all units too.
    expect([...result.sensitivity.index.firstOrder].every(Number.isNaN)).toBe(true);
    expect([...result.sensitivity.index.total].every(Number.isNaN)).toBe(true);
    expect([...result.sensitivity.index.overallFirstOrder].every(Number.isNaN)).toBe(true);
    expect([...result.sensitivity.index.overallTotal].every(Number.isNaN)).toBe(true);
    // The bootstrap's intervals alike (before: 0.60 to 1.45 for the first order of a year).
    const booted = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 50, seed: 2, aggregations: ["arithmetic", "power"], power: 1, bootstrap: 100 });
    const intervals = booted.sensitivity.index.overallIntervals!;
    for (const bound of [intervals.firstOrderLow, intervals.firstOrderHigh, intervals.totalLow, intervals.totalHigh]) expect([...bound].every(Number.isNaN)).toBe(true);
  });

  it("the overall (all units) index of a year is the variance-weighted mean of the units' indices", () => {
    const tree = smallTree();
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 200, seed: 9, weightNoise: 0.3, normalizations: ["fixed-base", "min-max"] });
    // With one output per unit, Σ_u V_i(u) / Σ_u V(u) lies between the smallest and largest unit index of that year.
    for (let i = 0; i < 2; i++)
      for (let year = 0; year < 3; year++) {
        const units = [0, 1, 2].map((unit) => result.sensitivity.index.total[i * 9 + unit * 3 + year]).filter(Number.isFinite);
        const overall = result.sensitivity.index.overallTotal[i * 3 + year];
        if (units.length === 0) continue;
        expect(overall).toBeGreaterThanOrEqual(Math.min(...units) - 1e-12);
        expect(overall).toBeLessThanOrEqual(Math.max(...units) + 1e-12);
      }
  });

  it("a unit without values in a year is left out of that year's indices over all units: they are those of the other units", () => {
    const tree = smallTree();
    // U4 has values in 2017 and 2018 only: no index and no rank in 2019, in any run.
    const gap = { ...SMALL, U4: { X1: [3, 4, Number.NaN], X2: [9, 9, Number.NaN], Y1: [20, 22, Number.NaN] } };
    const options = { replications: 300, seed: 4, weightNoise: 0.3, aggregations: ["arithmetic", "geometric"], missingPolicies: ["reweight"], bootstrap: 200 } as const;
    const withGap = analyzeUncertainty(tree, panelOf(tree, gap), options);
    expect(Number.isNaN(withGap.index.nominal[3 * 3 + 2])).toBe(true);
    // Fixed-base indices are each unit's own, and the weights are drawn per node: without U4 at all, the other units
    // get the same runs, so 2019's sums over all units are the same sums, bit for bit (they were undefined, NaN).
    const without = analyzeUncertainty(tree, panelOf(tree, SMALL), options);
    for (const output of ["index", "rank"] as const) {
      const [a, b] = [withGap.sensitivity[output], without.sensitivity[output]];
      for (let i = 0; i < 2; i++) {
        const at = i * 3 + 2;
        expect(Number.isFinite(a.overallFirstOrder[at]) && Number.isFinite(a.overallTotal[at])).toBe(true);
        expect([a.overallFirstOrder[at], a.overallTotal[at]]).toEqual([b.overallFirstOrder[at], b.overallTotal[at]]);
        for (const bound of ["firstOrderLow", "firstOrderHigh", "totalLow", "totalHigh"] as const) expect(a.overallIntervals![bound][at]).toBe(b.overallIntervals![bound][at]);
      }
    }
  });

  it("throws when nothing varies or an option is out of range", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    expect(() => analyzeUncertainty(tree, panel, { replications: 10, seed: 1 })).toThrow(/nothing varies/);
    expect(() => analyzeUncertainty(tree, panel, { replications: 1, seed: 1, weightNoise: 0.1 })).toThrow(/at least 2 replications/);
    expect(() => analyzeUncertainty(tree, panel, { replications: 10, seed: 1, weightNoise: 1.5 })).toThrow(/weight noise from 0 to 1/);
    expect(() => analyzeUncertainty(tree, panel, { replications: 10, seed: 1, weightRanges: new Map([["Z", { min: 0, max: 1 }]]) })).toThrow(/unknown node "Z"/);
  });

  it("weight ranges: a node drawn from [min, max] moves the index within the bounds worked out by hand", () => {
    // X's weight from [0.5, 0.5] and Y's from [0.1, 0.9]: w_X = 0.5/(0.5 + w_Y) ranges over [0.357, 0.833].
    // U1 2019: INDEX = 95 + 80·w_X in [123.57, 161.67].
    const tree = smallTree();
    const ranges = new Map([["X", { min: 0.5, max: 0.5 }], ["Y", { min: 0.1, max: 0.9 }]]);
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 500, seed: 5, weightRanges: ranges });
    expect(result.index.low[2]).toBeGreaterThan(95 + (80 * 0.5) / 1.4 - 1e-9);
    expect(result.index.high[2]).toBeLessThan(95 + (80 * 0.5) / 0.6 + 1e-9);
    expect(result.index.high[2] - result.index.low[2]).toBeGreaterThan(20);
  });
});

describe("scalesMixedWarning", () => {
  it("names the methods of each scale when the normalisations mix scales, and nothing when they share one", () => {
    expect(scalesMixedWarning(["fixed-base", "min-max", "chain", "min-max-year"])).toEqual({
      code: "W_SCALES_MIXED",
      message: messages.scalesMixed([
        { scale: "ratio (100 = a base)", methods: ["fixed-base", "chain"] },
        { scale: "0-100", methods: ["min-max", "min-max-year"] },
      ]),
    });
    expect(scalesMixedWarning(["fixed-base", "chain", "distance-to-target"])).toBeUndefined();
    expect(scalesMixedWarning(["z-score", "z-score-year"])).toBeUndefined();
    expect(scalesMixedWarning(["rank", "min-max"])?.code).toBe("W_SCALES_MIXED");
  });

  it("names the aggregations of each scale: a mean keeps the scores' scale, Copeland counts wins, BoD a frontier share", () => {
    expect(aggregationScalesMixedWarning(["arithmetic", "copeland", "geometric"])).toEqual({
      code: "W_SCALES_MIXED",
      message: messages.scalesMixed(
        [
          { scale: "scores'", methods: ["arithmetic", "geometric"] },
          { scale: "wins minus losses (−(n − 1) to n − 1)", methods: ["copeland"] },
        ],
        "--aggregations",
      ),
    });
    expect(aggregationScalesMixedWarning(["arithmetic", "geometric", "harmonic", "power", "mpi"])).toBeUndefined();
    expect(aggregationScalesMixedWarning(["bod", "arithmetic"])?.message).toMatch(/^--aggregations mixes scales: bod on the share of the frontier \(0-100\) scale; arithmetic on the scores' scale\./);
  });

  it("an exponent is unused by the analysis only when no aggregation in the list reads it", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    const powerWarnings = (aggregations: ("arithmetic" | "geometric" | "power")[]) =>
      analyzeUncertainty(tree, panel, { replications: 4, seed: 1, power: 0.5, aggregations }).warnings.filter((warning) => warning.message === methodMessages.powerUnused()).length;
    expect(powerWarnings(["arithmetic", "geometric"])).toBe(1);
    // The power mean drawn second reads it, though the nominal (arithmetic) run does not.
    expect(powerWarnings(["arithmetic", "power"])).toBe(0);
    expect(powerWarnings(["power", "arithmetic"])).toBe(0);
  });

  it("is among the analysis's warnings", () => {
    const tree = smallTree();
    const result = analyzeUncertainty(tree, panelOf(tree, SMALL), { replications: 4, seed: 1, normalizations: ["fixed-base", "min-max"] });
    expect(result.warnings.map((warning) => warning.code)).toContain("W_SCALES_MIXED");
  });
});
