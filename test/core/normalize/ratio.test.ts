import { describe, expect, it } from "vitest";
import { normalize, type NormalizeContext } from "../../../src/core/normalize.js";
import {
  normalizeChain,
  normalizeDistanceToAverage,
  normalizeDistanceToReference,
  normalizeDistanceToTarget,
  normalizeFixedBase,
  scoreRatio,
} from "../../../src/core/normalize/ratio.js";

const NaN = Number.NaN;
const one = (yearCount: number, extra: Partial<NormalizeContext> = {}): NormalizeContext => ({
  unitCount: 1,
  yearCount,
  baseYear: 0,
  direction: "positive",
  ...extra,
});
const run = (method: typeof normalizeFixedBase, values: number[], context: NormalizeContext) =>
  Array.from(method(values, context, new Float64Array(values.length)));

describe("scoreRatio: the dampenings and the cap", () => {
  it("scores 100·r, 100·(1 + ln r) or 100·√r", () => {
    // r = 6 (a base of 12 growing to 72): 600 plain; 100·(1 + ln 6) = 100·(1 + 1.791759) = 279.1759; 100·√6 = 244.9490
    expect(scoreRatio(6, undefined, undefined)).toBe(600);
    expect(scoreRatio(6, "log", undefined)).toBeCloseTo(279.1759469, 6);
    expect(scoreRatio(6, "sqrt", undefined)).toBeCloseTo(244.9489743, 6);
    // r = 0.5: 50 plain; 100·(1 − ln 2) = 30.6853; 100·√0.5 = 70.7107 (both dampenings pull toward 100 from below too)
    expect(scoreRatio(0.5, "log", undefined)).toBeCloseTo(30.6852819, 6);
    expect(scoreRatio(0.5, "sqrt", undefined)).toBeCloseTo(70.7106781, 6);
    // r = 1 stays exactly 100 under both
    expect(scoreRatio(1, "log", undefined)).toBe(100);
    expect(scoreRatio(1, "sqrt", undefined)).toBe(100);
  });

  it("caps after dampening, and leaves undefined ratios NaN", () => {
    expect(scoreRatio(6, undefined, 200)).toBe(200);
    expect(scoreRatio(6, "log", 250)).toBe(250); // 279.18 capped
    expect(scoreRatio(1.5, "log", 200)).toBeCloseTo(100 * (1 + Math.log(1.5)), 12); // 140.55, under the cap
    expect(scoreRatio(0, "log", undefined)).toBeNaN();
    expect(scoreRatio(-1, "sqrt", undefined)).toBeNaN();
    expect(scoreRatio(0, "sqrt", undefined)).toBe(0);
  });
});

describe("normalizeFixedBase", () => {
  it("is 100·x/x[base] for +, 100·x[base]/x for −, with cap and dampening", () => {
    // the small fixture, unit U1: X1 = 10, 12, 15 (+) and X2 = 50, 40, 25 (−)
    expect(run(normalizeFixedBase, [10, 12, 15], one(3))).toEqual([100, 120, 150]);
    expect(run(normalizeFixedBase, [50, 40, 25], one(3, { direction: "negative" }))).toEqual([100, 125, 200]);
    expect(run(normalizeFixedBase, [50, 40, 25], one(3, { direction: "negative", cap: 150 }))).toEqual([100, 125, 150]);
    // 12 -> 72 is r = 6: sqrt dampening gives 100·√6
    const damped = run(normalizeFixedBase, [12, 72], one(2, { dampen: "sqrt" }));
    expect(damped[0]).toBe(100);
    expect(damped[1]).toBeCloseTo(244.9489743, 6);
  });

  it("uses each unit's own base, any base year, and keeps gaps", () => {
    // two units, base year in the middle (position 1): U1 = 40, 50, 60 -> 80, 100, 120; U2 = 2, 4, NaN -> 50, 100, NaN
    const context = { unitCount: 2, yearCount: 3, baseYear: 1, direction: "positive" } as const;
    expect(run(normalizeFixedBase, [40, 50, 60, 2, 4, NaN], context)).toEqual([80, 100, 120, 50, 100, NaN]);
  });
});

describe("normalizeChain", () => {
  it("chains year-on-year ratios back to the base year, both ways", () => {
    // base year position 1: I[2] = 100·60/50 = 120, I[0] = 100·40/50 = 80
    expect(run(normalizeChain, [40, 50, 60], one(3, { baseYear: 1 }))).toEqual([80, 100, 120]);
    // negative: I[2] = 100·50/60 = 83.33, I[0] = 100·50/40 = 125
    const negative = run(normalizeChain, [40, 50, 60], one(3, { baseYear: 1, direction: "negative" }));
    expect(negative[0]).toBeCloseTo(125, 12);
    expect(negative[1]).toBe(100);
    expect(negative[2]).toBeCloseTo(83.3333333, 6);
  });

  it("equals the fixed-base index when nothing is missing (the ratios telescope)", () => {
    const values = [10, 12, 9, 15, 18.5];
    const chain = run(normalizeChain, values, one(5));
    const fixed = run(normalizeFixedBase, values, one(5));
    chain.forEach((value, i) => expect(value).toBeCloseTo(fixed[i], 10));
  });

  it("bridges a gap by linking to the last observed year, and dampens the chained ratio", () => {
    // 10, -, 15, 18: I = 1, -, 15/10 = 1.5, 1.5·18/15 = 1.8
    const bridged = run(normalizeChain, [10, NaN, 15, 18], one(4));
    expect(bridged[0]).toBe(100);
    expect(bridged[1]).toBeNaN();
    expect(bridged[2]).toBeCloseTo(150, 12);
    expect(bridged[3]).toBeCloseTo(180, 12);
    // sqrt dampening of the chained ratio 1.5: 100·√1.5 = 122.4745
    expect(run(normalizeChain, [10, 15], one(2, { dampen: "sqrt" }))[1]).toBeCloseTo(122.4744871, 6);
  });

  it("is NaN for a unit whose base value is missing or not positive", () => {
    expect(run(normalizeChain, [NaN, 2, 0, 3], { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive" })).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe("normalizeDistanceToTarget", () => {
  it("is 100·x/target for +, 100·target/x for −, capped only when asked", () => {
    // target 2: 1 -> 50, 2.5 -> 125, 4 -> 200
    expect(run(normalizeDistanceToTarget, [1, 2.5, 4], one(3, { target: 2 }))).toEqual([50, 125, 200]);
    // a negative indicator (a ceiling): 100·2/1 = 200, 100·2/2.5 = 80, 100·2/4 = 50
    expect(run(normalizeDistanceToTarget, [1, 2.5, 4], one(3, { target: 2, direction: "negative" }))).toEqual([200, 80, 50]);
    // --cap 100 makes the target a ceiling
    expect(run(normalizeDistanceToTarget, [1, 2.5, 4], one(3, { target: 2, cap: 100 }))).toEqual([50, 100, 100]);
  });
});

describe("normalizeDistanceToReference", () => {
  it("compares every unit with the reference unit in the same year", () => {
    // A = 10, 20; B = 5, 10 (the reference): A scores 100·10/5 = 200 and 100·20/10 = 200, B exactly 100
    const context = { unitCount: 2, yearCount: 2, baseYear: 0, direction: "positive", referenceUnit: 1 } as const;
    expect(run(normalizeDistanceToReference, [10, 20, 5, 10], context)).toEqual([200, 200, 100, 100]);
    // negative: 100·5/10 = 50 and 100·10/20 = 50
    expect(run(normalizeDistanceToReference, [10, 20, 5, 10], { ...context, direction: "negative" })).toEqual([50, 50, 100, 100]);
  });

  it("without a reference unit is the fixed-base index (each unit's own base year)", () => {
    expect(run(normalizeDistanceToReference, [10, 12, 15], one(3))).toEqual([100, 120, 150]);
  });
});

describe("normalize (the dispatcher a library user calls)", () => {
  const context = one(3);

  it("scores a block against the base year given as a position: 200, 250, 300 from 2017 give 100, 125, 150", () => {
    expect([...normalize("fixed-base", [200, 250, 300], context, new Float64Array(3))]).toEqual([100, 125, 150]);
  });

  it("refuses a base year given as a year, and a block or out of another length, instead of NaN or a cut result", () => {
    expect(() => normalize("fixed-base", [200, 250, 300], { ...context, baseYear: 2017 }, new Float64Array(3))).toThrow(
      "normalize: context.baseYear is the position of the base year, from 0 to 2, got 2017 (for a year y, pass panel.years.indexOf(y))",
    );
    expect(() => normalize("min-max", [200, 250, 300], context, new Float64Array(2))).toThrow("normalize: the block and out must hold unitCount × yearCount = 3 values, got 3 and 2");
  });
});

describe("ratio scores: the scale multiplies the numerator before the division (exact halves print as they should)", () => {
  // toFixed rounds an exact half up (it rounds the double's exact value), so a score that is exactly 108.75 prints 108.8
  // at one decimal; `100·(x / b)` rounds twice (x / b is inexact) and can land an ulp below the half.
  it("fixed-base 80, 87, 97: 100·87/80 = 8700/80 = 108.75 and 100·97/80 = 9700/80 = 121.25, printed 108.8 and 121.3", () => {
    const scores = run(normalizeFixedBase, [80, 87, 97], one(3));
    expect(scores).toEqual([100, 108.75, 121.25]);
    // 100·(87/80) would be 108.74999999999999, printed 108.7; 100·(97/80) 121.24999999999999, printed 121.2
    expect(scores.map((score) => score.toFixed(1))).toEqual(["100.0", "108.8", "121.3"]);
  });

  it("fixed-base 640, 641 at 4 decimals: 100·641/640 = 64100/640 = 100.15625 exactly, printed 100.1563 (not 100.1562)", () => {
    const [, score] = run(normalizeFixedBase, [640, 641], one(2));
    expect(score).toBe(100.15625);
    expect(score.toFixed(4)).toBe("100.1563");
  });

  it("every ratio method scores 87 against 80 as exactly 108.75 (negative: 80 against 87, 100·87/80)", () => {
    // chain: the first link from the base is 100·1·87/80, the fixed-base score
    expect(run(normalizeChain, [80, 87], one(2))).toEqual([100, 108.75]);
    // chain backward from a base in 2019: 100·1·87/80 again
    expect(run(normalizeChain, [87, 80], one(2, { baseYear: 1 }))).toEqual([108.75, 100]);
    // negative direction: the base over the value, 100·87/80
    expect(run(normalizeFixedBase, [87, 80], one(2, { direction: "negative" }))).toEqual([100, 108.75]);
    expect(run(normalizeChain, [87, 80], one(2, { direction: "negative" }))).toEqual([100, 108.75]);
    // distance to a target of 80
    expect(run(normalizeDistanceToTarget, [87], one(1, { target: 80 }))).toEqual([108.75]);
    // distance to the reference unit (80) in the same year
    expect(run(normalizeDistanceToReference, [80, 87], { unitCount: 2, yearCount: 1, baseYear: 0, direction: "positive", referenceUnit: 0 })).toEqual([100, 108.75]);
    // distance to the average: the mean of 73 and 87 is 80, so 100·87/80 = 108.75 and 100·73/80 = 91.25
    expect(run(normalizeDistanceToAverage, [73, 87], { unitCount: 2, yearCount: 1, baseYear: 0, direction: "positive" })).toEqual([91.25, 108.75]);
  });

  it("sqrt dampening is √(10000·x / b): 189225 on 160000 is √(189225/16) = 435/4 = 108.75 exactly, printed 108.8", () => {
    // 100·√(189225/160000) would be 108.74999999999999 (three roundings), printed 108.7
    const [, score] = run(normalizeFixedBase, [160000, 189225], one(2, { dampen: "sqrt" }));
    expect(score).toBe(108.75);
    expect(score.toFixed(1)).toBe("108.8");
  });

  it("a numerator whose scaled value is beyond a number is divided first: 1e307 on 1e10 scores 1e299, not Infinity", () => {
    // 100·1e307 is Infinity; 100·(1e307 / 1e10) = 1e299 (to the rounding of the division and the product)
    const [, score] = run(normalizeFixedBase, [1e10, 1e307], one(2));
    expect(score / 1e299).toBeCloseTo(1, 12);
  });

  it("the fixed-base score of every exact half-way case b in 1..200, x in 1..400 prints like the exact decimal (861 cases)", () => {
    // 100·x/b is an exact one-decimal half when 2000·x/b is an odd integer m: the score is m/20, and it prints (half
    // up) as (m + 1)/2 tenths. With b <= 200, b cannot hold the 2^4·5^3 that m/20 needs beyond x's own factors of 5,
    // so m is a multiple of 5 and m/20 an odd multiple of 1/4 (x.25 or x.75): exact in binary, so toFixed sees the half.
    const cases: { x: number; b: number; printed: string }[] = [];
    for (let b = 1; b <= 200; b++)
      for (let x = 1; x <= 400; x++) {
        if ((2000 * x) % b !== 0 || ((2000 * x) / b) % 2 === 0) continue;
        const tenths = ((2000 * x) / b + 1) / 2;
        cases.push({ x, b, printed: `${Math.floor(tenths / 10)}.${tenths % 10}` });
      }
    expect(cases).toHaveLength(861);
    // one unit per case: base b in 2018, x in 2019
    const values = cases.flatMap(({ x, b }) => [b, x]);
    const scores = normalizeFixedBase(values, { unitCount: cases.length, yearCount: 2, baseYear: 0, direction: "positive" }, new Float64Array(values.length));
    const wrong = cases.filter(({ printed }, unit) => scores[2 * unit + 1].toFixed(1) !== printed);
    expect(wrong).toEqual([]);
    // The grid catches the two-rounding form: 100·(x / b) prints 26 of these cases a tenth low (87 on 80 among them).
    const twoRoundings = cases.filter(({ x, b, printed }) => (100 * (x / b)).toFixed(1) !== printed);
    expect(twoRoundings).toHaveLength(26);
    expect(twoRoundings).toContainEqual({ x: 87, b: 80, printed: "108.8" });
  });
});
