/**
 * The weights benefit of the doubt chooses, unit by unit and year by year: returned by the aggregation, carried on the
 * result (`bodWeights`, for BoD groups only), and used by the contributions, which then add up to the group's score.
 *
 * The hand-worked case: G = BoD over X1 and X2 (tree weights 0.5 each), INDEX = G (arithmetic, G alone). Raw values
 * X1: A 10, 6; B 0, 0; C 4, 4 and X2: A 0, 2; B 10, 10; C 4, 4 (2020, 2021); min-max over the panel (0 to 10 for both)
 * gives scores ×10: 2020 A (100, 0), B (0, 100), C (40, 40); 2021 A (60, 20), B (0, 100), C (40, 40).
 * The programme of unit u: max Σ w·s[u] with Σ w·s[v] <= 1 for every unit v of the year; weights reported ×100.
 * - 2020 A: max 100·w1; A's row bounds w1 <= 1/100 (tighter than C's 1/40): w = (1/100, 0) (Bland: w1 enters first and
 *   w2 never improves), score 100, weights (1, 0): all the admissible weight on the indicator A is best on.
 * - 2020 B: max 100·w2; w1 never improves, B's row bounds w2 <= 1/100: weights (0, 1), score 100.
 * - 2020 C: max 40·w1 + 40·w2; A's row w1 <= 1/100, B's w2 <= 1/100, C's own 40·(w1 + w2) = 0.8 <= 1: weights (1, 1),
 *   score 80 = 1·40 + 1·40 (the weights sum to 2, not 1).
 * - 2021 A: max 60·w1 + 20·w2 is A's own row, bounded by 1: w1 = 1/60 first, then w2 no longer improves: weights (5/3, 0),
 *   score 100 = 5/3·60.
 * - 2021 B: weights (0, 1), score 100, as in 2020.
 * - 2021 C: max 40·w1 + 40·w2 under A's 60·w1 + 20·w2 <= 1 and B's 100·w2 <= 1 (both bind: (40, 40) = 2/3·(60, 20) +
 *   0.267·(0, 100), so the optimum is unique): w2 = 1/100, w1 = (1 − 0.2)/60 = 1/75; weights (4/3, 1), score
 *   100·(40/75 + 0.4) = 93.333 = 4/3·40 + 1·40.
 * C's values did not change, yet C rose 13.333 points: A fell back on X1, so X1's weight rose from 1 to 4/3: X1
 * contributes 4/3·40 − 1·40 = 13.333, X2 1·40 − 1·40 = 0.
 */
import { describe, expect, it } from "vitest";
import { aggregateBenefitOfTheDoubt } from "../../../src/core/aggregate.js";
import { computeContributions, contributionMethod } from "../../../src/core/analysis/contributions.js";
import { resultIndex } from "../../../src/core/compute.js";
import { bodCase } from "./bod-case.js";

const rounded = (values: ArrayLike<number>) => Array.from(values, (value) => (Number.isNaN(value) ? "NaN" : Number(value.toFixed(10))));

describe("aggregateBenefitOfTheDoubt: the weights each unit-year chose", () => {
  it("writes them child-major on the score's scale: 0 for a child of weight 0, NaN for a unit left out", () => {
    // One year, units A, B, C as in 2020 above, and D missing X1 (NaN: it takes no part); a third child of weight 0.
    const children = [
      [100, 0, 40, Number.NaN],
      [0, 100, 40, 5],
      [7, 7, 7, 7],
    ];
    const out = new Float64Array(4);
    const chosen = new Float64Array(12).fill(-1);
    aggregateBenefitOfTheDoubt(children, [0.5, 0.5, 0], { unitCount: 4, yearCount: 1 }, out, chosen);
    expect(rounded(out)).toEqual([100, 100, 80, "NaN"]);
    // [child * 4 + unit]: X1 A 1, B 0, C 1; X2 A 0, B 1, C 1; the weight-0 child 0; D none.
    expect(rounded(chosen)).toEqual([1, 0, 1, "NaN", 0, 1, 1, "NaN", 0, 0, 0, "NaN"]);
    // each score is the sum of weight × score, with the unit's own weights
    for (let unit = 0; unit < 3; unit++) expect(chosen[unit] * children[0][unit] + chosen[4 + unit] * children[1][unit]).toBeCloseTo(out[unit], 10);
  });

  it("leaves the scores as they were without the array to fill", () => {
    const out = aggregateBenefitOfTheDoubt([[100, 0, 40], [0, 100, 40]], [0.5, 0.5], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    expect(rounded(out)).toEqual([100, 100, 80]);
  });
});

describe("computeIndex keeps the weights of BoD groups, and only theirs", () => {
  it("G by BoD: its weights per child, unit and year as worked by hand; none for the arithmetic overall index", () => {
    const { result } = bodCase();
    expect(result.bodWeights && [...result.bodWeights.keys()]).toEqual(["G"]);
    // [(child * 3 + unit) * 2 + year]: X1 A 1, 5/3; B 0, 0; C 1, 4/3; X2 A 0, 0; B 1, 1; C 1, 1
    expect(rounded(result.bodWeights!.get("G")!)).toEqual(rounded([1, 5 / 3, 0, 0, 1, 4 / 3, 0, 0, 1, 1, 1, 1]));
    const g = result.nodes.findIndex((node) => node.code === "G");
    expect(rounded([0, 1, 2].flatMap((u) => [0, 1].map((y) => result.values[resultIndex(result, g, u, y)])))).toEqual(rounded([100, 100, 100, 100, 80, 280 / 3]));
    // the score is Σ weight × child's score for every unit-year
    const weights = result.bodWeights!.get("G")!;
    for (let u = 0; u < 3; u++)
      for (let y = 0; y < 2; y++) {
        const sum = [2, 3].reduce((total, child, c) => total + weights[(c * 3 + u) * 2 + y] * result.values[resultIndex(result, child, u, y)], 0);
        expect(sum).toBeCloseTo(result.values[resultIndex(result, g, u, y)], 10);
      }
  });

  it("no BoD group: no weights kept (TOPSIS's weights are the nominal ones, used as given)", () => {
    expect(bodCase({ aggregate: "topsis" }).result.bodWeights).toBeUndefined();
  });
});

describe("computeContributions under BoD: each unit's own weights, exact", () => {
  it("splits C's rise (80 to 93.333) into X1 4/3·40 − 1·40 = 13.333 and X2 0, summing to the change of G and of the index", () => {
    const { result } = bodCase();
    const contributions = computeContributions(result, 2020, 2021);
    const of = (code: string, u: number) => contributions.contribution[result.nodes.findIndex((node) => node.code === code) * 3 + u];
    expect(of("INDEX", 2)).toBeCloseTo(40 / 3, 10);
    expect(of("G", 2)).toBeCloseTo(40 / 3, 10);
    expect(of("X1", 2)).toBeCloseTo(40 / 3, 10);
    expect(of("X2", 2)).toBeCloseTo(0, 10);
    // A stays on the frontier (100 both years): X1 5/3·60 − 1·100 = 0, X2 0·20 − 0·0 = 0. B: 0 and 1·100 − 1·100 = 0.
    expect(rounded([of("X1", 0), of("X2", 0), of("X1", 1), of("X2", 1)])).toEqual([0, 0, 0, 0]);
    for (let u = 0; u < 3; u++) expect(of("X1", u) + of("X2", u)).toBeCloseTo(of("G", u), 10);
    // additive (exact), no longer split by log-change shares of the nominal weights
    expect(contributionMethod(contributions, 3, 2, 2)).toBe("additive");
  });
});
