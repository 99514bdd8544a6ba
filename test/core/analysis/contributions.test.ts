import { describe, expect, it } from "vitest";
import { computeContributions, CONTRIBUTION_METHODS, effectiveWeights } from "../../../src/core/analysis/contributions.js";
import { at, bareResult, smallResult, SMALL } from "./fixture.js";
import { computeIndex } from "../../../src/core/compute.js";
import { differenceAsShown, toFixedText } from "../../../src/core/number.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";

/** The contribution of `code` for unit `u`. */
function contributionOf(result: { nodes: readonly { code: string }[]; units: readonly string[] }, contribution: Float64Array, code: string, u: number) {
  return contribution[result.nodes.findIndex((node) => node.code === code) * result.units.length + u];
}

describe("computeContributions (arithmetic aggregation: exact)", () => {
  it("splits the change of the small fixture's index into weight × change of each child, by hand", () => {
    const result = smallResult();
    const { contribution, method } = computeContributions(result, 2017, 2019);
    const c = (code: string, u: number) => contributionOf(result, contribution, code, u);
    // U1: X 100 -> 175 with weight 0.6: 45; Y 100 -> 95 with weight 0.4: −2; INDEX 100 -> 143: 43 = 45 − 2
    expect(c("INDEX", 0)).toBeCloseTo(43, 12);
    expect(c("X", 0)).toBeCloseTo(45, 12);
    expect(c("Y", 0)).toBeCloseTo(-2, 12);
    // indicators: product of the weights down the path × change of the score:
    // X1 0.6·0.5·(150 − 100) = 15, X2 0.6·0.5·(200 − 100) = 30, Y1 0.4·1·(95 − 100) = −2
    expect(c("X1", 0)).toBeCloseTo(15, 12);
    expect(c("X2", 0)).toBeCloseTo(30, 12);
    expect(c("Y1", 0)).toBeCloseTo(-2, 12);
    // unit U1 of 2: every node's method code at [node * 2 + 0]
    expect(result.nodes.map((_, n) => CONTRIBUTION_METHODS[method[n * 2]])).toEqual(["total", "additive", "additive", "additive", "additive", "additive"]);
  });

  it("with depth dimensions gives the same overall and first-level contributions, and leaves the deeper nodes out", () => {
    const result = smallResult();
    const all = computeContributions(result, 2017, 2019);
    const top = computeContributions(result, 2017, 2019, undefined, "dimensions");
    for (let u = 0; u < 2; u++)
      for (const code of ["INDEX", "X", "Y"]) expect(contributionOf(result, top.contribution, code, u)).toBe(contributionOf(result, all.contribution, code, u));
    // U1: X contributes 45 and Y −2 (as in the test above); X1, X2 and Y1 are not computed.
    expect(contributionOf(result, top.contribution, "X", 0)).toBeCloseTo(45, 12);
    for (const code of ["X1", "X2", "Y1"]) expect(contributionOf(result, top.contribution, code, 0)).toBeNaN();
  });

  it("works year on year too: U2 2018 -> 2019", () => {
    const result = smallResult();
    const { contribution } = computeContributions(result, 2018, 2019);
    const c = (code: string) => contributionOf(result, contribution, code, 1);
    // U2: X 112.5 -> 115: 0.6·2.5 = 1.5; Y 110 -> 120: 0.4·10 = 4; INDEX 111.5 -> 117: 5.5
    // X1 125 -> 150: 0.3·25 = 7.5; X2 100 -> 80: 0.3·(−20) = −6
    expect([c("INDEX"), c("X"), c("Y"), c("X1"), c("X2"), c("Y1")].map((value) => Number(value.toFixed(12)))).toEqual([5.5, 1.5, 4, 7.5, -6, 4]);
  });

  it("sums exactly to the parent's change at every level, for every unit and pair of years", () => {
    // A less round case than the fixture: irregular values, so the check is not an accident of round numbers.
    const values = {
      A: { X1: [3.7, 4.91, 6.02], X2: [81.3, 77.7, 64.2], Y1: [1234, 1388.8, 1301.5] },
      B: { X1: [0.42, 0.4, 0.51], X2: [9.9, 11.4, 8.75], Y1: [17, 23, 29.3] },
    };
    const result = smallResult(values);
    for (const [from, to] of [[2017, 2018], [2018, 2019], [2017, 2019], [2019, 2017]]) {
      const { contribution } = computeContributions(result, from, to);
      for (let u = 0; u < 2; u++) {
        const c = (code: string) => contributionOf(result, contribution, code, u);
        // the change of the figures as shown (growth.csv's change), exact in decimal
        const change = (code: string) => differenceAsShown(at(result, result.values, code, u, to - 2017), at(result, result.values, code, u, from - 2017));
        expect(c("INDEX")).toBe(change("INDEX"));
        // to the 15th significant digit of the figures (scores in the hundreds here: 1e-12), each taken as shown
        expect(c("X") + c("Y")).toBeCloseTo(change("INDEX"), 11);
        expect(c("X1") + c("X2")).toBeCloseTo(c("X"), 12);
        expect(c("Y1")).toBeCloseTo(c("Y"), 12);
        // each first-level term is weight × change (the plain formula, no missing values here)
        expect(c("X")).toBeCloseTo(0.6 * change("X"), 12);
        expect(c("X2")).toBeCloseTo(0.6 * 0.5 * change("X2"), 12);
      }
    }
  });

  it("with missing values (reweight) uses the weights of the observed children in each year and still sums exactly", () => {
    const values = structuredClone(SMALL) as typeof SMALL;
    values.U1.X2[1] = Number.NaN; // U1, 2018: X = X1 alone = 120
    const result = smallResult(values, { missing: "reweight" });
    // INDEX 2018 = 0.6·120 + 0.4·105 = 114; change 14
    const { contribution } = computeContributions(result, 2017, 2018);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    expect(c("INDEX")).toBeCloseTo(14, 12);
    expect(c("X")).toBeCloseTo(12, 12); // 0.6·(120 − 100)
    expect(c("Y")).toBeCloseTo(2, 12); // 0.4·(105 − 100)
    // inside X the weights move from (0.5, 0.5) to (1, 0): X1 1·120 − 0.5·100 = 70, X2 0 − 0.5·100 = −50 (in X's
    // points), times 0.6 = 42 and −30 in the index's points; 42 − 30 = 12
    expect(c("X1")).toBeCloseTo(42, 12);
    expect(c("X2")).toBeCloseTo(-30, 12);
  });

  it("throws a RangeError for a year the result does not have", () => {
    expect(() => computeContributions(smallResult(), 2016, 2019)).toThrow(RangeError);
  });
});

describe("computeContributions (other aggregations: log-change shares)", () => {
  // INDEX = geometric mean of A and B (weights 0.5): 2017 √(100·100) = 100, 2018 √(144·121) = 132
  const result = bareResult([2017, 2018], { INDEX: [[100, 132]], A: [[100, 144]], B: [[100, 121]] }, {}, { INDEX: 1, A: 0.5, B: 0.5 });

  it("is the exact logarithmic-mean Divisia split for a geometric mean", () => {
    const { contribution, method } = computeContributions(result, 2017, 2018, () => "geometric");
    // Δ = 32 shared in proportion to 0.5·ln 1.44 = ln 1.2 and 0.5·ln 1.21 = ln 1.1 (which sum to ln 1.32 = ln(132/100))
    expect(contribution[1]).toBeCloseTo((32 * Math.log(1.2)) / Math.log(1.32), 12);
    expect(contribution[2]).toBeCloseTo((32 * Math.log(1.1)) / Math.log(1.32), 12);
    expect(contribution[1] + contribution[2]).toBeCloseTo(32, 12);
    expect(CONTRIBUTION_METHODS[method[1 * result.units.length]]).toBe("log-share");
  });

  it("splits a group that did not move while its children did by the Divisia split's limit (before: 0 each)", () => {
    // Fixed-base scores, geometric means with equal weights: A1 100 -> 200, A2 100 -> 50, so A = √(200·50) = 100 both
    // years; B1 and B stay 100, INDEX = √(A·B) = 100. The logarithmic mean L(G1, G0) tends to G0 = 100 as G1 -> G0:
    // A1 takes 100·0.5·ln 2 = 34.657 points of A and A2 100·0.5·ln 0.5 = −34.657; A is worth 0.5 points of INDEX per
    // point (∂√(A·B)/∂A = 0.5·INDEX/A = 0.5), so ±17.329 points of the index, which sum to A's 0.
    const flat = bareResult(
      [2017, 2018],
      { INDEX: [[100, 100]], A: [[100, 100]], B: [[100, 100]], A1: [[100, 200]], A2: [[100, 50]], B1: [[100, 100]] },
      { A1: "A", A2: "A", B1: "B" },
      { INDEX: 1, A: 0.5, B: 0.5, A1: 0.5, A2: 0.5, B1: 1 },
    );
    const { contribution, method } = computeContributions(flat, 2017, 2018, () => "geometric");
    expect(contribution[1]).toBe(0);
    expect(contribution[2]).toBe(0);
    expect(contribution[3]).toBeCloseTo(0.5 * 100 * 0.5 * Math.log(2), 12);
    expect(contribution[3]).toBeCloseTo(17.328679514, 8);
    expect(contribution[4]).toBeCloseTo(-17.328679514, 8);
    expect(contribution[5]).toBe(0);
    expect([...method.subarray(1)].map((how) => CONTRIBUTION_METHODS[how])).toEqual(["log-share", "log-share", "log-share", "log-share", "log-share"]);
  });

  it("takes the limit under a geometric parent at the index's pace, and for a group unchanged only to rounding (before: 0, or beyond the index's change)", () => {
    // ln INDEX = 0.5·ln A + 0.5·ln B and ln A = 0.5·ln a1 + 0.5·ln a2, so a1 takes L(I1, I0)·0.25·ln(a1 change) points:
    // I0 = 100, I1 = √(100·150) = 122.4745, L = 22.4745 / ln 1.224745 = 110.858. With a1 100 -> 200 and a2 100 -> 50
    // (A = 100 both years): ±110.858·0.25·ln 2 = ±19.2103 (before: ±17.33, A's arithmetic scale 0.5 times A = 100).
    const index1 = Math.sqrt(100 * 150);
    const pace = (index1 - 100) / Math.log(index1 / 100);
    const nested = (a2018: number, a1: number, a2: number) =>
      bareResult(
        [2017, 2018],
        { INDEX: [[100, Math.sqrt(a2018 * 150)]], A: [[100, a2018]], B: [[100, 150]], A1: [[100, a1]], A2: [[100, a2]], B1: [[100, 150]] },
        { A1: "A", A2: "A", B1: "B" },
        { INDEX: 1, A: 0.5, B: 0.5, A1: 0.5, A2: 0.5, B1: 1 },
      );
    const exact = computeContributions(nested(100, 200, 50), 2017, 2018, () => "geometric");
    expect(exact.contribution[3]).toBeCloseTo(pace * 0.25 * Math.log(2), 12);
    expect(exact.contribution[3]).toBeCloseTo(19.2102, 4);
    expect(exact.contribution[4]).toBeCloseTo(-pace * 0.25 * Math.log(2), 12);
    expect(exact.contribution[5]).toBeCloseTo(index1 - 100, 12);
    // a1 100 -> 300 and a2 100 -> 33.33…: A is √(300 · 33.33…), 100 to within an ulp (the next double above 100 here),
    // which made the old shares 0/ulp: a1 took 0, or more than the index's whole change. Now ±L·0.25·ln 3 = ±30.447.
    const rounded = computeContributions(nested(100 + 2 ** -46, 300, 100 / 3), 2017, 2018, () => "geometric");
    expect(rounded.contribution[3]).toBeCloseTo(pace * 0.25 * Math.log(3), 9);
    expect(rounded.contribution[3]).toBeCloseTo(30.447, 3);
    expect(rounded.contribution[3] + rounded.contribution[4]).toBeCloseTo(rounded.contribution[1], 9);
    expect(CONTRIBUTION_METHODS[rounded.method[3]]).toBe("log-share");
  });

  it("falls back to linear shares when a score is not positive, still summing to the change", () => {
    const zero = bareResult([2017, 2018], { INDEX: [[50, 80]], A: [[0, 40]], B: [[100, 120]] }, {}, { INDEX: 1, A: 0.5, B: 0.5 });
    const { contribution, method } = computeContributions(zero, 2017, 2018, () => "harmonic");
    // linear parts 0.5·40 = 20 and 0.5·20 = 10: shares 2/3 and 1/3 of the change 30
    expect(contribution[1]).toBeCloseTo(20, 12);
    expect(contribution[2]).toBeCloseTo(10, 12);
    expect(CONTRIBUTION_METHODS[method[1 * zero.units.length]]).toBe("linear-share");
  });
});

describe("computeContributions on results of computeIndex with other aggregations", () => {
  it("a geometric overall index: the log-change shares are exact, and each method is recorded", () => {
    // INDEX = X^0.6 · Y^0.4 (geometric at level 0), groups arithmetic
    const result = smallResult(SMALL, { aggregateByLevel: { 0: "geometric" } });
    const { contribution, method } = computeContributions(result, 2017, 2019);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    // U1 by hand: X = 175, Y = 95; INDEX 2019 = 175^0.6 · 95^0.4; the change splits in the ratio 0.6·ln 1.75 : 0.4·ln 0.95
    const index2019 = Math.pow(175, 0.6) * Math.pow(95, 0.4);
    expect(at(result, result.values, "INDEX", 0, 2)).toBeCloseTo(index2019, 10);
    const [logX, logY] = [0.6 * Math.log(1.75), 0.4 * Math.log(0.95)];
    expect(c("X")).toBeCloseTo(((index2019 - 100) * logX) / (logX + logY), 10);
    expect(c("Y")).toBeCloseTo(((index2019 - 100) * logY) / (logX + logY), 10);
    expect(c("X") + c("Y")).toBeCloseTo(index2019 - 100, 10);
    // inside X (arithmetic) the split stays additive and sums to X's contribution
    expect(c("X1") + c("X2")).toBeCloseTo(c("X"), 10);
    expect(c("X1") / c("X2")).toBeCloseTo(50 / 100, 10); // X1 rose 50 points, X2 100 points, equal weights
    const of = (code: string) => CONTRIBUTION_METHODS[method[result.nodes.findIndex((node) => node.code === code) * result.units.length]];
    expect([of("X"), of("Y"), of("X1")]).toEqual(["log-share", "log-share", "additive"]);
  });

  it.each(["harmonic", "mpi", "geometric"] as const)("with %s aggregation everywhere the contributions still sum to every parent's", (aggregate) => {
    const result = smallResult(SMALL, { aggregate });
    for (const [from, to] of [[2017, 2018], [2018, 2019], [2017, 2019]]) {
      const { contribution } = computeContributions(result, from, to);
      for (let u = 0; u < 2; u++) {
        const c = (code: string) => contributionOf(result, contribution, code, u);
        const change = differenceAsShown(at(result, result.values, "INDEX", u, to - 2017), at(result, result.values, "INDEX", u, from - 2017));
        expect(c("INDEX")).toBe(change);
        expect(c("X") + c("Y")).toBeCloseTo(change, 10);
        expect(c("X1") + c("X2")).toBeCloseTo(c("X"), 10);
        expect(c("Y1")).toBeCloseTo(c("Y"), 10);
      }
    }
  });
});

describe("computeContributions when a whole dimension is missing in one year (reweight)", () => {
  it("uses the weights of each year down the whole path, so every level still sums exactly", () => {
    const values = structuredClone(SMALL) as typeof SMALL;
    values.U1.Y1[1] = Number.NaN; // U1, 2018: Y is missing, so INDEX 2018 = X alone = 122.5
    const result = smallResult(values, { missing: "reweight" });
    expect(at(result, result.values, "INDEX", 0, 1)).toBeCloseTo(122.5, 12);
    const { contribution } = computeContributions(result, 2017, 2018);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    // By hand, path weights 2017: X 0.6, X1 and X2 0.3, Y and Y1 0.4; 2018: X 1, X1 and X2 0.5, Y and Y1 0.
    // X: 1·122.5 − 0.6·100 = 62.5; Y: 0 − 0.4·100 = −40; together 22.5 = 122.5 − 100
    expect(c("X")).toBeCloseTo(62.5, 12);
    expect(c("Y")).toBeCloseTo(-40, 12);
    // X1: 0.5·120 − 0.3·100 = 30; X2: 0.5·125 − 0.3·100 = 32.5 (sum 62.5); Y1: 0 − 0.4·100 = −40
    expect(c("X1")).toBeCloseTo(30, 12);
    expect(c("X2")).toBeCloseTo(32.5, 12);
    expect(c("Y1")).toBeCloseTo(-40, 12);
  });
});

describe("computeContributions below a group marked direction -, and where a change is undefined", () => {
  /** A (0.5) = X; B (0.5, marked -) = mean(Y1, Y2); units P, Q in 2020 and 2021, from `values` (unit -> indicator -> 2 years). */
  function resultOf(values: Record<string, Record<string, number[]>>, options: Parameters<typeof computeIndex>[2]) {
    const rows = [
      ["A", "", "0.5", ""],
      ["X", "A", "", "+"],
      ["B", "", "0.5", "-"],
      ["Y1", "B", "", "+"],
      ["Y2", "B", "", "+"],
    ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction, attributes: {} }));
    const tree = buildTree(rows);
    if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
    const records = Object.entries(values).flatMap(([unit, series]) =>
      Object.entries(series).flatMap(([indicator, list]) => list.map((value, t) => ({ unit, year: 2020 + t, indicator, value }))),
    );
    const panel = buildPanel(tree.value, records);
    if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
    return computeIndex(tree.value, panel.value, options);
  }

  it("gives the children of the flipped group its sign: a child that rose takes part in the group's fall", () => {
    // Min-max over both units and years (1 to 3 each): P's X 0 -> 50, Y1 0 -> 100, Y2 0 -> 50. B before the flip
    // 0 -> 75, after (100 − x) 100 -> 25. INDEX 0.5·0 + 0.5·100 = 50 -> 0.5·50 + 0.5·25 = 37.5: −12.5 = A 25 + B −37.5.
    // B's children split −37.5 by their shares of the mean's change, 0.5·100 = 50 and 0.5·50 = 25 of 75: Y1 −25, Y2
    // −12.5 (before: +25 and +12.5, the flip ignored).
    const values = { P: { X: [1, 2], Y1: [1, 3], Y2: [1, 2] }, Q: { X: [3, 1], Y1: [2, 1], Y2: [3, 1] } };
    const result = resultOf(values, { normalize: "min-max" });
    const { contribution, method } = computeContributions(result, 2020, 2021);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    expect([c("INDEX"), c("A"), c("B"), c("X")]).toEqual([-12.5, 25, -37.5, 25]);
    expect(c("Y1")).toBeCloseTo(-25, 12);
    expect(c("Y2")).toBeCloseTo(-12.5, 12);
    const y1 = result.nodes.findIndex((node) => node.code === "Y1");
    expect(CONTRIBUTION_METHODS[method[y1 * 2]]).toBe("linear-share");
  });

  it("leaves every contribution below a node whose change is undefined empty (before: A took 50 of an index change that was missing)", () => {
    // P's Y1 and Y2 are missing in 2021: B is missing, and with --min-group-coverage 0.6 so is P's index (1 child of 2).
    const values = { P: { X: [1, 2], Y1: [1, Number.NaN], Y2: [1, Number.NaN] }, Q: { X: [3, 1], Y1: [2, 1], Y2: [3, 1] } };
    const result = resultOf(values, { normalize: "min-max", missing: "reweight", minGroupCoverage: 0.6 });
    const { contribution } = computeContributions(result, 2020, 2021);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    for (const code of ["INDEX", "A", "X", "B", "Y1", "Y2"]) expect(c(code), code).toBeNaN();
    // Q is whole: its contributions stay, summing to its change.
    const q = (code: string) => contributionOf(result, contribution, code, 1);
    expect(q("A") + q("B")).toBeCloseTo(q("INDEX"), 12);
  });
});

describe("effectiveWeights (shared with the dashboard's weightsUsed)", () => {
  it("renormalises the weights over the observed children, 0 for a missing one, and only the first `count`", () => {
    const into = new Float64Array(4).fill(-1);
    // By hand: children 0.2, 0.3, 0.5 with the second missing: 0.2/(0.2 + 0.5) = 2/7 and 0.5/0.7 = 5/7; the fourth
    // slot is past `count` and left as it was (-1).
    effectiveWeights(Float64Array.from([0.2, 0.3, 0.5, 9]), Float64Array.from([10, Number.NaN, 30, 40]), into, 3);
    expect(into[0]).toBeCloseTo(2 / 7, 15);
    expect(into[1]).toBe(0);
    expect(into[2]).toBeCloseTo(5 / 7, 15);
    expect(into[3]).toBe(-1);
  });

  it("gives 0 to every child when none with a weight is observed (no weight to spread)", () => {
    const into = new Float64Array(2);
    // Both missing: total 0. One observed of weight 0: total 0 as well, so 0 and not 0/0.
    effectiveWeights(Float64Array.from([0.5, 0.5]), Float64Array.from([Number.NaN, Number.NaN]), into, 2);
    expect(Array.from(into)).toEqual([0, 0]);
    effectiveWeights(Float64Array.from([0, 1]), Float64Array.from([10, Number.NaN]), into, 2);
    expect(Array.from(into)).toEqual([0, 0]);
  });
});

describe("computeContributions takes the figures as shown, as growth.csv does (the change, and its parts, add up)", () => {
  /** Fixed-base results of `rows` (code, parent, weight) from `values` (indicator -> 2020 and 2021), unit P. */
  function fixedBase(rows: string[][], values: Record<string, number[]>) {
    const tree = buildTree(rows.map(([code, parent, weight], i) => ({ line: i + 2, code, parent, name: code, weight, direction: parent ? "+" : "", attributes: {} })));
    if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
    const records = Object.entries(values).flatMap(([indicator, list]) => list.map((value, t) => ({ unit: "P", year: 2020 + t, indicator, value })));
    const panel = buildPanel(tree.value, records);
    if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
    return computeIndex(tree.value, panel.value);
  }

  it("one dimension, 0.08 -> 0.087: the index 100 -> 108.74999999999999 (shown 108.75) changes by 8.75, and A contributes 8.75", () => {
    // By hand: 100 · 0.087 / 0.08 = 108.75, so the change is 8.75 and the one dimension (weight 1) contributes all of
    // it, 1 · 8.75 = 8.75: 8.8 at one decimal each, as growth.csv's change (before: 8.749999999999986, printed 8.7).
    const result = fixedBase([["A", "", "1"], ["X", "A", ""]], { X: [0.08, 0.087] });
    expect(result.values[1]).toBe(108.74999999999999);
    const { contribution } = computeContributions(result, 2020, 2021);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    expect([c("INDEX"), c("A"), c("X")]).toEqual([8.75, 8.75, 8.75]);
    expect([toFixedText(c("INDEX"), 1), toFixedText(c("A"), 1)]).toEqual(["8.8", "8.8"]);
    // the dashboard's pair (`depth` dimensions) gives the same
    expect(contributionOf(result, computeContributions(result, 2020, 2021, undefined, "dimensions").contribution, "A", 0)).toBe(8.75);
  });

  it("two dimensions of weight 0.5: A 108.75 − 100 and B 100.05 − 100 contribute 4.375 and 0.025, which sum to 4.4", () => {
    // By hand: X 0.08 -> 0.087 scores 108.75, Y 10 -> 10.005 scores 100.05 (100.05000000000001 in binary); the index
    // 0.5 · 108.75 + 0.5 · 100.05 = 104.4 changes by 4.4 = 0.5 · 8.75 + 0.5 · 0.05 = 4.375 + 0.025.
    const result = fixedBase([["A", "", "0.5"], ["X", "A", ""], ["B", "", "0.5"], ["Y", "B", ""]], { X: [0.08, 0.087], Y: [10, 10.005] });
    const { contribution } = computeContributions(result, 2020, 2021);
    const c = (code: string) => contributionOf(result, contribution, code, 0);
    expect([c("INDEX"), c("A"), c("B"), c("X"), c("Y")]).toEqual([4.4, 4.375, 0.025, 4.375, 0.025]);
    expect(c("A") + c("B")).toBe(c("INDEX"));
  });
});
