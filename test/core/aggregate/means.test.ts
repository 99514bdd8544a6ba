import { describe, expect, it } from "vitest";
import { ACROSS_UNIT_METHODS, aggregate, AGGREGATE_METHODS } from "../../../src/core/aggregate.js";
import { aggregateArithmetic, aggregateGeometric, aggregateHarmonic } from "../../../src/core/aggregate/means.js";
import { aggregateMazziottaPareto } from "../../../src/core/aggregate/mpi.js";

const NaN = Number.NaN;
const run = (method: typeof aggregateArithmetic, children: number[][], weights: number[]) =>
  Array.from(method(children, weights, new Float64Array(children[0].length)));

describe("weighted geometric mean", () => {
  it("is Π s^(w/W)", () => {
    // √(100·400) = 200; 100^0.25 · 400^0.75 = 100 · 4^0.75 = 282.842712 (COINr a_gmean(c(100, 400), c(1, 3)) gives the same)
    expect(run(aggregateGeometric, [[100], [400]], [0.5, 0.5])[0]).toBeCloseTo(200, 10);
    expect(run(aggregateGeometric, [[100], [400]], [1, 3])[0]).toBeCloseTo(282.842712474619, 9);
  });

  it("leaves out NaN children with their weight, and is NaN where a score is <= 0", () => {
    expect(run(aggregateGeometric, [[100, NaN, 0], [400, 400, 100]], [0.5, 0.5])).toEqual([200, 400, NaN]);
  });
});

describe("weighted harmonic mean", () => {
  it("is W / Σ w/s", () => {
    // 1/(0.5/100 + 0.5/400) = 1/(0.005 + 0.00125) = 160
    expect(run(aggregateHarmonic, [[100], [400]], [0.5, 0.5])[0]).toBeCloseTo(160, 10);
    // weights 1 and 3: 4/(1/100 + 3/400) = 4/0.0175 = 228.571429
    expect(run(aggregateHarmonic, [[100], [400]], [1, 3])[0]).toBeCloseTo(228.5714286, 6);
    expect(run(aggregateHarmonic, [[-1], [400]], [1, 1])[0]).toBeNaN();
  });
});

describe("Mazziotta–Pareto index", () => {
  it("is M − S·cv with the population sd (De Muro, Mazziotta & Pareto 2011)", () => {
    // 90, 110: M = 100, S = 10, cv = 0.1 -> 100 − 10·0.1 = 99
    expect(run(aggregateMazziottaPareto, [[90], [110]], [1, 1])[0]).toBeCloseTo(99, 12);
    // 100, 110, 120: M = 110, S² = (100 + 0 + 100)/3 = 66.667 -> 110 − 66.667/110 = 109.393939
    // (Compind's ci_mpi, with the sample variance 100, would give 110 − 100/110 = 109.0909)
    expect(run(aggregateMazziottaPareto, [[100], [110], [120]], [1, 1, 1])[0]).toBeCloseTo(109.3939394, 6);
    // weights 0.5, 0.25, 0.25: M = 50 + 27.5 + 30 = 107.5; S² = 0.5·56.25 + 0.25·6.25 + 0.25·156.25 = 68.75
    // -> 107.5 − 68.75/107.5 = 106.860465
    expect(run(aggregateMazziottaPareto, [[100], [110], [120]], [0.5, 0.25, 0.25])[0]).toBeCloseTo(106.8604651, 6);
  });

  it("gives equal children exactly their score, and the harmonic mean for two equally weighted children", () => {
    expect(run(aggregateMazziottaPareto, [[100], [100], [100]], [0.2, 0.3, 0.5])[0]).toBe(100);
    // M − S²/M = ((a+b)/2)² − ((a−b)/2)²) / ((a+b)/2) = ab/((a+b)/2) = 2ab/(a+b): 2·150·200/350 = 171.428571
    expect(run(aggregateMazziottaPareto, [[150], [200]], [1, 1])[0]).toBeCloseTo(171.4285714, 6);
    expect(run(aggregateHarmonic, [[150], [200]], [1, 1])[0]).toBeCloseTo(171.4285714, 6);
  });

  it("penalises imbalance: same mean, more spread, lower index", () => {
    const balanced = run(aggregateMazziottaPareto, [[100], [100]], [1, 1])[0];
    const spread = run(aggregateMazziottaPareto, [[80], [120]], [1, 1])[0];
    expect(spread).toBeLessThan(balanced); // 100 − 400/100 = 96
    expect(spread).toBeCloseTo(96, 12);
  });
});

describe("every mean keeps equal children exactly (base year stays 100)", () => {
  // Copeland and benefit of the doubt compare units with each other, so their scale is not the children's.
  it.each(AGGREGATE_METHODS.filter((method) => !ACROSS_UNIT_METHODS.includes(method)))("%s", (method) => {
    // weights that do not add up exactly in binary floating point
    const out = aggregate(method, [[100], [100], [100]], [0.1, 0.2, 0.7], new Float64Array(1), { unitCount: 1, yearCount: 1, power: 0.5 });
    expect(out[0]).toBe(100);
  });
});
