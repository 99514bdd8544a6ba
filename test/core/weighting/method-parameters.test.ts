/** The random-index tables of AHP, the entropy of raw values, and performance groups, against hand computations. */
import { describe, expect, it } from "vitest";
import { ahpPriorities, RANDOM_INDEX, RANDOM_INDEX_2005 } from "../../../src/core/weighting/ahp.js";
import { entropyScores } from "../../../src/core/weighting/entropy.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { performanceGroups } from "../../../src/core/analysis/performance-groups.js";

describe("AHP random-index tables", () => {
  // Saaty's 3 × 3 example with a known inconsistency; lambda_max comes from the power iteration
  const matrix = [
    [1, 3, 5],
    [1 / 3, 1, 2],
    [1 / 5, 1 / 2, 1],
  ];
  it("divides the same CI by RI(3) = 0.58 (Saaty 1980) or 0.52 (Saaty 2005)", () => {
    const classic = ahpPriorities(matrix);
    const later = ahpPriorities(matrix, undefined, "saaty2005");
    expect(later.ci).toBe(classic.ci);
    expect(classic.cr).toBeCloseTo(classic.ci / 0.58, 14);
    expect(later.cr).toBeCloseTo(classic.ci / 0.52, 14);
    // lambda_max = 3.00369 for this matrix (Saaty 1980 rounds to 3.004): CI = 0.00185
    expect(classic.lambdaMax).toBeCloseTo(3.0037, 4);
  });
  it("tabulates RI for n = 0..15, 0 up to n = 2", () => {
    expect(RANDOM_INDEX.length).toBe(16);
    expect(RANDOM_INDEX_2005.length).toBe(16);
    expect(RANDOM_INDEX_2005.slice(3)).toEqual([0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]);
  });
});

describe("entropy of raw values (Xu 2004)", () => {
  it("takes shares of the raw values: (1, 1, 2) gives p = (1/4, 1/4, 1/2)", () => {
    const { scores } = entropyScores({ codes: ["A"], directions: ["negative"], columns: [Float64Array.of(1, 1, 2)] }, { input: "raw" });
    const entropy = -(2 * 0.25 * Math.log(0.25) + 0.5 * Math.log(0.5)) / Math.log(3);
    // the direction does not enter: a negative indicator weighs the same
    expect(scores[0]).toBeCloseTo(1 - entropy, 14);
  });
  it("gives a near-constant indicator a weight near 0, where min-max shares give it the most", () => {
    const columns = [Float64Array.of(100, 100.1, 100.2, 100), Float64Array.of(1, 2, 3, 9)];
    const raw = entropyScores({ codes: ["N", "V"], directions: ["positive", "positive"], columns }, { input: "raw" }).scores;
    const minMax = entropyScores({ codes: ["N", "V"], directions: ["positive", "positive"], columns }).scores;
    expect(raw[0] / (raw[0] + raw[1])).toBeLessThan(1e-4);
    // min-max stretches N to (0, 0.5, 1, 0): the same shares as a strongly varying indicator
    expect(minMax[0] / (minMax[0] + minMax[1])).toBeGreaterThan(0.5);
  });
  it("reports a negative value", () => {
    const { issues } = entropyScores({ codes: ["A"], directions: ["positive"], columns: [Float64Array.of(1, -2, 3)] }, { input: "raw" });
    expect(issues).toEqual([{ code: "E_ENTROPY_NEGATIVE", message: weightingMessages.entropyNegative("A", -2), id: "A" }]);
  });
});

describe("performanceGroups", () => {
  it("sorts units by their index in % of the units' average: > 125 leader, > 100 strong, >= 70 moderate, else emerging", () => {
    // mean of (130, 110, 90, 70) = 100
    const rows = performanceGroups({ units: ["A", "B", "C", "D"], years: [2020], values: Float64Array.of(130, 110, 90, 70) }, {});
    expect(rows.map((row) => [row.unit, row.relative, row.group])).toEqual([
      ["A", 130, "leader"],
      ["B", 110, "strong"],
      ["C", 90, "moderate"],
      ["D", 70, "moderate"],
    ]);
  });
  it("relative to a reference unit, which scores 100, with thresholds of one's own", () => {
    const rows = performanceGroups({ units: ["EU", "X"], years: [2020], values: Float64Array.of(80, 60) }, { referenceUnit: 0, thresholds: [150, 120, 80] });
    expect(rows.map((row) => [row.relative, row.group])).toEqual([
      [100, "moderate"],
      [75, "emerging"],
    ]);
  });
});
