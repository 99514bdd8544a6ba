/**
 * Donegan & Dodd's random-index table against an independent Monte Carlo simulation in base R
 * (test/fixtures/methods/random-index.R, output committed as random-index.csv: 40,000 random reciprocal matrices per n
 * and per way of drawing the entries, lambda_max from R's eigen()).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ahpPriorities, RANDOM_INDEX, RANDOM_INDEX_DONEGAN_DODD } from "../../../src/core/weighting/ahp.js";

interface SimulatedRow {
  generator: string;
  n: number;
  mean: number;
  sd: number;
  standardError: number;
}
const simulated: SimulatedRow[] = readFileSync(new URL("../../fixtures/methods/random-index.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [generator, n, , mean, sd, standardError] = line.split(",");
    return { generator, n: Number(n), mean: Number(mean), sd: Number(sd), standardError: Number(standardError) };
  });
const simulation = (generator: string, n: number) => simulated.find((row) => row.generator === generator && row.n === n)!;

// The standard error of each of Donegan & Dodd's means, n = 3..15, as ges134/indicator-calculation
// tests/test_subjective.py lists them beside the means ("Taken from Donegan-Dodd ... (size, average, std error)").
const TABLE_STANDARD_ERROR = [0.0676, 0.0609, 0.0484, 0.0389, 0.0312, 0.0267, 0.0235, 0.0215, 0.0187, 0.0165, 0.0151, 0.0139, 0.0127];
const sizes = Array.from({ length: 13 }, (_, k) => k + 3);
/** (table − simulation) in standard errors of the difference: the table's and the simulation's, independent. */
const zScore = (generator: string, n: number) => {
  const row = simulation(generator, n);
  return (RANDOM_INDEX_DONEGAN_DODD[n] - row.mean) / Math.hypot(TABLE_STANDARD_ERROR[n - 3], row.standardError);
};

describe("the Donegan & Dodd random index", () => {
  it("tabulates RI for n = 0..15, 0 up to n = 2, as AHPy and ges134/indicator-calculation give it for n = 5..15", () => {
    expect(RANDOM_INDEX_DONEGAN_DODD.length).toBe(16);
    expect(RANDOM_INDEX_DONEGAN_DODD.slice(0, 3)).toEqual([0, 0, 0]);
    expect(RANDOM_INDEX_DONEGAN_DODD.slice(5)).toEqual([1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969]);
  });

  // Tolerance: 3 standard errors of the difference at every n. The table's own sampling error dominates: its standard
  // errors are sd/√N for N ≈ 100 matrices per n (checked below), while the simulation's are sd/√40000 ≈ 0.001-0.003.
  it("agrees with the simulation whose entries are an integer 1..9 inverted with probability 1/2, within 3 standard errors at every n", () => {
    for (const n of sizes) expect(Math.abs(zScore("integer-reciprocal", n)), `n = ${n}`).toBeLessThan(3);
    // jointly too: Σ z² over the 13 sizes against the 99.9 % point of chi-square with 13 degrees of freedom (34.53)
    expect(sizes.reduce((sum, n) => sum + zScore("integer-reciprocal", n) ** 2, 0)).toBeLessThan(34.53);
  });

  it("does not agree with a plain simulation drawing each of the 17 scale values with probability 1/17 (Saaty-like values)", () => {
    // the plain draw gives 0.03-0.09 more at every n; from n = 8 on that is more than 3 standard errors of the difference
    for (const n of sizes.filter((size) => size >= 8)) expect(zScore("saaty17", n), `n = ${n}`).toBeLessThan(-3);
    expect(sizes.reduce((sum, n) => sum + zScore("saaty17", n) ** 2, 0)).toBeGreaterThan(34.53);
    // while Saaty's 1980 table is within 0.06 of the plain draw at every n (the largest gaps: 0.054 at n = 3, 0.056 at n = 12)
    for (const n of sizes) expect(Math.abs(RANDOM_INDEX[n] - simulation("saaty17", n).mean), `n = ${n}`).toBeLessThan(0.06);
  });

  it("has standard errors that match one sample size (about 100 matrices per n) given the simulated spread", () => {
    // N = (sd/se)²: if the listed standard errors are those of Donegan & Dodd's means, N is the same for every n
    const implied = sizes.map((n) => (simulation("integer-reciprocal", n).sd / TABLE_STANDARD_ERROR[n - 3]) ** 2);
    for (const size of implied) {
      expect(size).toBeGreaterThan(85);
      expect(size).toBeLessThan(120);
    }
  });

  it("divides CI by RI(n): Saaty's 3 × 3 example gets CR = CI/0.4914", () => {
    const matrix = [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ];
    const classic = ahpPriorities(matrix);
    const dd = ahpPriorities(matrix, undefined, "donegan-dodd");
    expect(dd.ci).toBe(classic.ci);
    expect(dd.cr).toBeCloseTo(classic.ci / 0.4914, 14);
    expect(dd.cr / classic.cr).toBeCloseTo(0.58 / 0.4914, 12);
  });
});
