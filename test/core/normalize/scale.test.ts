import { describe, expect, it } from "vitest";
import type { NormalizeContext } from "../../../src/core/normalize.js";
import { normalizeGoalposts, normalizeMinMax, normalizeMinMaxYear } from "../../../src/core/normalize/min-max.js";
import { normalizeRank } from "../../../src/core/normalize/rank.js";
import { meanAndSampleSd, normalizeZScore, normalizeZScoreYear, squaresScale } from "../../../src/core/normalize/z-score.js";
import { normalizeDistanceToMax } from "../../../src/core/normalize/best.js";

const NaN = Number.NaN;
const context = (unitCount: number, yearCount: number, extra: Partial<NormalizeContext> = {}): NormalizeContext => ({
  unitCount,
  yearCount,
  baseYear: 0,
  direction: "positive",
  ...extra,
});
const run = (method: typeof normalizeMinMax, values: number[], ctx: NormalizeContext) =>
  Array.from(method(values, ctx, new Float64Array(values.length)));
const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => (Number.isNaN(expected[i]) ? expect(value).toBeNaN() : expect(value).toBeCloseTo(expected[i], 6)));
};

describe("min-max", () => {
  it("over the panel: min 2 and max 10 of every unit and year, NaN ignored", () => {
    // 100·(x − 2)/8: 2 -> 0, 4 -> 25, 6 -> 50, 10 -> 100, 8 -> 75
    expect(run(normalizeMinMax, [2, 4, 6, 10, NaN, 8], context(2, 3))).toEqual([0, 25, 50, 100, NaN, 75]);
    // negative: 100·(10 − x)/8
    expect(run(normalizeMinMax, [2, 4, 6, 10, NaN, 8], context(2, 3, { direction: "negative" }))).toEqual([100, 75, 50, 0, NaN, 25]);
  });

  it("within each year: min and max across the units of that year", () => {
    // U1 = 1, 5, 9 and U2 = 3, 5, 7. 2017: 1 vs 3 -> 0, 100; 2018: 5 vs 5 -> undefined; 2019: 9 vs 7 -> 100, 0
    expect(run(normalizeMinMaxYear, [1, 5, 9, 3, 5, 7], context(2, 3))).toEqual([0, NaN, 100, 100, NaN, 0]);
    expect(run(normalizeMinMaxYear, [1, 5, 9, 3, 5, 7], context(2, 3, { direction: "negative" }))).toEqual([100, NaN, 0, 0, NaN, 100]);
    // three units in one year: 2, 5, 8 -> 0, 50, 100
    expect(run(normalizeMinMaxYear, [2, 5, 8], context(3, 1))).toEqual([0, 50, 100]);
  });

  it("scores the best value exactly high and the worst exactly low, whatever the range (100·r/r is an ulp off 100 for some r)", () => {
    // (100 · 3.4764083413956715) / 3.4764083413956715 is 99.99999999999999 in doubles: the share of the range comes first.
    const values = [0, 3.4764083413956715, 1];
    expect(run(normalizeMinMax, values, context(3, 1)).slice(0, 2)).toEqual([0, 100]);
    expect(run(normalizeMinMaxYear, values, context(3, 1, { direction: "negative", range: { low: 1, high: 100 } })).slice(0, 2)).toEqual([100, 1]);
    expect(run(normalizeGoalposts, values, context(1, 3, { goalposts: { min: 0, max: 3.4764083413956715 } })).slice(0, 2)).toEqual([0, 100]);
  });

  it("between goalposts, truncated to [0, 100] like COINr n_goalposts(trunc2posts = TRUE)", () => {
    const goalposts = { min: 0, max: 10 };
    // −5 and 12 lie beyond the goalposts and score as the goalposts; 2.5 -> 25
    expect(run(normalizeGoalposts, [-5, 0, 2.5, 10, 12], context(1, 5, { goalposts }))).toEqual([0, 0, 25, 100, 100]);
    // negative: 100·(10 − x)/10, as COINr's flipped goalposts ((x·−1) − (−u))/((−l) − (−u)) = (u − x)/(u − l)
    expect(run(normalizeGoalposts, [-5, 0, 2.5, 10, 12], context(1, 5, { goalposts, direction: "negative" }))).toEqual([100, 100, 75, 0, 0]);
  });

  it("between goalposts on the scale of --range: LOW + (HIGH − LOW)·share, truncated to [LOW, HIGH]", () => {
    const goalposts = { min: 0, max: 10 };
    // 70,130 (the adjusted Mazziotta–Pareto scale): −5 and 0 -> 70, 2.5 -> 70 + 60·0.25 = 85, 10 and 12 -> 130
    expect(run(normalizeGoalposts, [-5, 0, 2.5, 10, 12], context(1, 5, { goalposts, range: { low: 70, high: 130 } }))).toEqual([70, 70, 85, 130, 130]);
    // negative: 70 + 60·(10 − x)/10
    expect(run(normalizeGoalposts, [-5, 0, 2.5, 10, 12], context(1, 5, { goalposts, direction: "negative", range: { low: 70, high: 130 } }))).toEqual([130, 130, 115, 70, 70]);
    // 0,100 given is the default, bit for bit
    const values = [-5, 0, 2.5, 3.3, 7.77, 10, 12];
    expect(run(normalizeGoalposts, values, context(1, 7, { goalposts, range: { low: 0, high: 100 } }))).toEqual(run(normalizeGoalposts, values, context(1, 7, { goalposts })));
  });

  it("scores values whose range is beyond a number (1e308 − (−1e308) = Infinity) by their true shares of it", () => {
    // min −1e308, max 1e308, range 2e308: 1e308 -> 100, −1e308 -> 0, 0 -> 50, 5e307 -> 100·1.5e308/2e308 = 75.
    // (Before: the range was Infinity, every share 0 or Infinity/Infinity, NaN.)
    const values = [1e308, -1e308, 0, 5e307];
    close(run(normalizeMinMax, values, context(4, 1)), [100, 0, 50, 75]);
    close(run(normalizeMinMax, values, context(4, 1, { direction: "negative" })), [0, 100, 50, 25]);
    close(run(normalizeMinMaxYear, values, context(4, 1)), [100, 0, 50, 75]);
    close(run(normalizeDistanceToMax, values, context(4, 1)), [100, 0, 50, 75]);
    close(run(normalizeGoalposts, values, context(1, 4, { goalposts: { min: -1e308, max: 1e308 } })), [100, 0, 50, 75]);
  });
});

describe("z-score (sample sd, like R's sd and COINr n_zscore), on the 100 + 10·z scale", () => {
  it("meanAndSampleSd divides by n − 1", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7, sd 2.1380899
    // (Python statistics.stdev gives 2.138089935299395)
    const { mean, sd } = meanAndSampleSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(sd).toBeCloseTo(2.138089935299395, 12);
    expect(meanAndSampleSd([3]).sd).toBeNaN();
  });

  it("over the panel", () => {
    // 1, 2, 3: mean 2, sd 1 -> z = −1, 0, 1 -> 90, 100, 110
    expect(run(normalizeZScore, [1, 2, 3], context(1, 3))).toEqual([90, 100, 110]);
    // 9 in the list above: z = 4/2.1380899 = 1.8708287 -> 118.708287; negative -> 81.291713
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(run(normalizeZScore, values, context(2, 4))[7]).toBeCloseTo(118.7082869, 6);
    expect(run(normalizeZScore, values, context(2, 4, { direction: "negative" }))[7]).toBeCloseTo(81.2917131, 6);
  });

  it("within each year", () => {
    // U1 = 1, 10; U2 = 3, 20. 2017: mean 2, sd √2, z = ∓1/√2; 2018: mean 15, sd √50, z = ∓5/√50 = ∓1/√2
    // 100 ∓ 10/√2 = 92.928932, 107.071068
    close(run(normalizeZScoreYear, [1, 10, 3, 20], context(2, 2)), [92.928932, 92.928932, 107.071068, 107.071068]);
  });

  it("scores values far from 0 (1e12 + v) as it scores v, to 1e-9 points (before: up to 1e-4 off, the mean rounded)", () => {
    // z depends on the deviations alone, so 1e12 + v must score as v itself. v with decimals: 1e12 + v is rounded to a
    // multiple of 2^-13, so v is taken as (1e12 + v) − 1e12, exact (Sterbenz), the deviations the tool sees. The sum
    // of 15 values near 1e12 rounds to multiples of 2^-9 (about 2e-3), and no double near 1e12 is within 6e-5 of
    // every mean: the mean has to be carried in two parts.
    const far = [10.37, 13.91, 17.05, 22.66, 28.12, 35.49, 43.83, 50.01, 11.74, 19.28, 27.57, 33.36, 41.92, 47.15, 24.6].map((x) => 1e12 + x);
    const v = far.map((x) => x - 1e12);
    const near = run(normalizeZScore, v, context(3, 5));
    const scored = run(normalizeZScore, far, context(3, 5));
    for (let cell = 0; cell < v.length; cell++) expect(Math.abs(scored[cell] - near[cell])).toBeLessThan(1e-9);
    expect(meanAndSampleSd(far).sd).toBeCloseTo(meanAndSampleSd(v).sd, 11);
    expect(meanAndSampleSd(far).mean - 1e12).toBeCloseTo(meanAndSampleSd(v).mean, 3);
  });

  it("is NaN for a constant indicator (sd = 0)", () => {
    expect(run(normalizeZScore, [4, 4, 4], context(1, 3))).toEqual([NaN, NaN, NaN]);
    expect(run(normalizeZScore, [1e200, 1e200, 1e200], context(1, 3))).toEqual([NaN, NaN, NaN]);
  });

  it("scores values whose squares are beyond a number (1e200² = Infinity) or below one (1e-200² = 0) as their scaled copies", () => {
    // 1e200, 1, 2: mean ≈ 1e200/3, deviations ≈ 2e200/3, −1e200/3, −1e200/3 (1 and 2 vanish beside 1e200), squares
    // (4 + 1 + 1)/9 · 1e400, sample variance 1e400/3, sd 1e200/√3: z = 2/√3 = 1.1547005, −1/√3 = −0.5773503
    // -> 111.547005, 94.226497. (Before: the squares were Infinity, the sd too, every z 0 and every score 100.)
    close(run(normalizeZScore, [1e200, 1, 2], context(3, 1)), [111.547005, 94.226497, 94.226497]);
    close(run(normalizeZScoreYear, [1e200, 1, 2], context(3, 1)), [111.547005, 94.226497, 94.226497]);
    // 1e308, −1e308, 0: mean 0 (the sum 1e308 − 1e308 fits), sd √((1e616 + 1e616)/2) = 1e308: z = 1, −1, 0.
    close(run(normalizeZScore, [1e308, -1e308, 0], context(3, 1)), [110, 90, 100]);
    // 1e-200, 2e-200, 3e-200: as 1, 2, 3 (mean 2e-200, sd 1e-200), 90, 100, 110. (Before: the squares were 0, so the
    // sd was, and the scores missing.)
    close(run(normalizeZScore, [1e-200, 2e-200, 3e-200], context(3, 1)), [90, 100, 110]);
    // meanAndSampleSd in the values' own size: 1e200, 3e200, 5e200 have mean 3e200 and sd √((4 + 0 + 4)/2)·1e200 = 2e200.
    const { mean, sd } = meanAndSampleSd([1e200, 3e200, 5e200]);
    expect(mean / 3e200).toBeCloseTo(1, 12);
    expect(sd / 2e200).toBeCloseTo(1, 12);
    expect(squaresScale(12.5)).toBe(1);
    expect(squaresScale(1e200)).toBe(2 ** -664); // 2^664 ≈ 1.17e200 <= 1e200 < 2^665
  });
});

describe("rank (per year across units, ties averaged, more is better)", () => {
  it("ranks ascending with average ranks for ties", () => {
    // 30, 10, 20, 20: 10 is 1st, the two 20s share ranks 2 and 3 -> 2.5, 30 is 4th (R: rank(c(30,10,20,20)) = 4 1 2.5 2.5)
    expect(run(normalizeRank, [30, 10, 20, 20], context(4, 1))).toEqual([4, 1, 2.5, 2.5]);
    // negative: the lowest value is best -> 30 ranks 1, 10 ranks 4
    expect(run(normalizeRank, [30, 10, 20, 20], context(4, 1, { direction: "negative" }))).toEqual([1, 4, 2.5, 2.5]);
  });

  it("ranks each year separately and leaves missing cells unranked", () => {
    // units A, B, C over 2 years: 2017 = 5, NaN, 1 -> 2, NaN, 1; 2018 = 1, 2, 3 -> 1, 2, 3
    expect(run(normalizeRank, [5, 1, NaN, 2, 1, 3], context(3, 2))).toEqual([2, 1, NaN, 2, 1, 3]);
  });
});
