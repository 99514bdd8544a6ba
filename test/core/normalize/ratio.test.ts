import { describe, expect, it } from "vitest";
import { normalize, type NormalizeContext } from "../../../src/core/normalize.js";
import {
  normalizeChain,
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
