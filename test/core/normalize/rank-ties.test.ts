/**
 * The rank normalisations (rank, percentile rank, Borda) tie values that are equal on paper but differ in their last
 * bits, by the tool's one tie rule (`src/core/tie.ts`, equal to 12 significant digits, the rule of ranks.csv), so that
 * rounding noise from an imputation does not split a tie. Expected values computed by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex } from "../../../src/core/compute.js";
import { normalizeBorda, normalizePercentileRank, normalizeRank, type NormalizeContext } from "../../../src/core/normalize.js";
import { buildPanel, indicatorBlock, type ValueRecord } from "../../../src/core/panel.js";
import { tieKey, ties } from "../../../src/core/tie.js";
import { buildTree } from "../../../src/core/tree.js";

// 0.7 + (0.1 − 0.7)·(2017 − 2016)/(2018 − 2016) in doubles: 0.4 on paper, 0.39999999999999997 computed.
const INTERPOLATED = 0.7 + (0.1 - 0.7) / 2;

describe("the tie rule", () => {
  it("ties values equal to 12 significant digits, and only those", () => {
    expect(INTERPOLATED).not.toBe(0.4);
    expect(ties(INTERPOLATED, 0.4)).toBe(true);
    expect(ties(0.4, INTERPOLATED)).toBe(true);
    expect(ties(0.1 + 0.2, 0.3)).toBe(true);
    expect(ties(-INTERPOLATED, -0.4)).toBe(true);
    // 1 + 1e-12 rounds to 1.00000000000 (tie); 1 + 1e-11 to 1.00000000001 (no tie).
    expect(ties(1 + 1e-12, 1)).toBe(true);
    expect(ties(1 + 1e-11, 1)).toBe(false);
    expect(ties(0.3999, 0.4)).toBe(false);
    expect(ties(Number.NaN, Number.NaN)).toBe(false);
    expect(tieKey(123456789012.4)).toBe(123456789012);
  });
});

describe("rank normalisations with a tie made by rounding", () => {
  // One year, units A, B, C with values 0.39999999999999997, 0.4, 0.1.
  const context = (direction: "positive" | "negative"): NormalizeContext => ({ unitCount: 3, yearCount: 1, baseYear: 0, direction });
  const run = (method: typeof normalizeRank, direction: "positive" | "negative") =>
    Array.from(method([INTERPOLATED, 0.4, 0.1], context(direction), new Float64Array(3)));

  it("rank: A and B share the average of ranks 2 and 3", () => {
    // Ascending: C = 1, then A and B span ranks 2 and 3: (2 + 3)/2 = 2.5 each.
    expect(run(normalizeRank, "positive")).toEqual([2.5, 2.5, 1]);
    // Negative: the order reversed, C ranks 3 and A, B span 1 and 2: 1.5 each.
    expect(run(normalizeRank, "negative")).toEqual([1.5, 1.5, 3]);
  });

  it("percentile rank: A and B both have the min rank 2, so 100·(2 − 1)/(3 − 1) = 50", () => {
    expect(run(normalizePercentileRank, "positive")).toEqual([50, 50, 0]);
    // Negative: min rank 1 for both (100·0/2 = 0), C rank 3 (100·2/2 = 100).
    expect(run(normalizePercentileRank, "negative")).toEqual([0, 0, 100]);
  });

  it("Borda: A and B both beat one unit (min rank 2, 2 − 1 = 1)", () => {
    expect(run(normalizeBorda, "positive")).toEqual([1, 1, 0]);
    expect(run(normalizeBorda, "negative")).toEqual([0, 0, 2]);
  });
});

describe("compute with --missing interpolate and a rank normalisation", () => {
  // Tree: a single positive indicator a. A's 2017 is interpolated between 0.7 (2016) and 0.1 (2018).
  const built = buildTree([{ line: 2, code: "a", parent: "", name: "a", weight: "", direction: "+" }]);
  if (!built.ok) throw new Error("tree");
  const tree = built.value;
  const series: Record<string, number[]> = { A: [0.7, Number.NaN, 0.1], B: [0.5, 0.4, 0.4], C: [0.05, 0.1, 0.6] };
  const records: ValueRecord[] = Object.entries(series).flatMap(([unit, values]) =>
    values.flatMap((value, t) => (Number.isNaN(value) ? [] : [{ unit, year: 2016 + t, indicator: "a", value }])),
  );
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("panel");

  // Each unit's scores in 2016, 2017, 2018. 2016: 0.7, 0.5, 0.05 rank 3, 2, 1; 2018: 0.1, 0.4, 0.6 rank 1, 2, 3;
  // 2017: A 0.39999999999999997 and B 0.4 tie above C 0.1: ranks 2.5, 2.5, 1 (average), min ranks 2, 2, 1, so
  // percentile ranks 100·(r − 1)/(3 − 1) = 50, 50, 0 and Borda scores r − 1 = 1, 1, 0.
  it.each([
    ["rank", [3, 2.5, 1], [2, 2.5, 2], [1, 1, 3]],
    ["percentile-rank", [100, 50, 0], [50, 50, 50], [0, 0, 100]],
    ["borda", [2, 1, 0], [1, 1, 1], [0, 0, 2]],
  ] as const)("%s: A and B tie in 2017", (method, unitA, unitB, unitC) => {
    const result = computeIndex(tree, panel.value, { normalize: method, missing: "interpolate" });
    // The tie is one of rounding only: A's imputed value is not 0.4 to the last bit.
    expect(indicatorBlock(result.preparedPanel, 0)[0 * 3 + 1]).toBe(INTERPOLATED);
    const node = result.nodes.findIndex((n) => n.code === "a");
    const scores = (unit: number) => [0, 1, 2].map((year) => result.values[resultIndex(result, node, unit, year)]);
    expect(scores(0)).toEqual(unitA);
    expect(scores(1)).toEqual(unitB);
    expect(scores(2)).toEqual(unitC);
  });
});
