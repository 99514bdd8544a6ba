/** The generalised mean, Copeland, benefit of the doubt and its simplex, group directions, against hand computations
 * and textbook results (each comment shows the arithmetic or the source). */
import { describe, expect, it } from "vitest";
import { aggregate, aggregateBenefitOfTheDoubt, aggregateCopeland, aggregatePower, maximizeLinear, parseAggregateSpec } from "../../../src/core/aggregate.js";
import { checkAggregation, planAggregation } from "../../../src/core/aggregate/plan.js";
import { methodMessages } from "../../../src/core/method-messages.js";
import { planGroupReflections, reflectGroup } from "../../../src/core/group-direction.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { ValidationError } from "../../../src/errors.js";

const one = (children: number[][], weights: number[], power: number) => aggregatePower(children, weights, power, new Float64Array(children[0].length))[0];

describe("aggregateCopeland ties", () => {
  it("counts scores equal to 12 significant digits as a tie, not a win (0.39999999999999997 against 0.4)", () => {
    // One child, three units: 0.7 + (0.1 − 0.7)/2 (interpolated, 0.39999999999999997), 0.4 and 0.1. Tied on paper, the
    // first two each beat the third and tie each other: +1, +1, −2. Split by the last bit, they would be +2, 0, −2.
    const interpolated = 0.7 + (0.1 - 0.7) / 2;
    expect(interpolated).not.toBe(0.4);
    const out = aggregateCopeland([[interpolated, 0.4, 0.1]], [1], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    expect([...out]).toEqual([1, 1, -2]);
    // 0.3999 and 0.4 differ in the 4th digit: a win.
    expect([...aggregateCopeland([[0.3999, 0.4, 0.1]], [1], { unitCount: 3, yearCount: 1 }, new Float64Array(3))]).toEqual([0, 2, -2]);
  });
});

describe("aggregatePower", () => {
  it("is (Σ w·s^p / Σ w)^(1/p), the arithmetic, geometric and harmonic means at p = 1, 0, −1", () => {
    // ((√100 + √400)/2)² = (10 + 20)²/4 = 225
    expect(one([[100], [400]], [0.5, 0.5], 0.5)).toBeCloseTo(225, 12);
    expect(one([[100], [400]], [0.5, 0.5], 1)).toBeCloseTo(250, 12);
    expect(one([[100], [400]], [0.5, 0.5], 0)).toBeCloseTo(200, 12);
    expect(one([[100], [400]], [0.5, 0.5], -1)).toBeCloseTo(160, 12);
    // p = 2, weights 1 and 3: √((1·1 + 3·9)/4) = √7
    expect(one([[1], [3]], [1, 3], 2)).toBeCloseTo(Math.sqrt(7), 12);
  });
  it("leaves out NaN children, and is NaN for a score <= 0 when p <= 0 or < 0 when p > 0", () => {
    expect(one([[100], [Number.NaN]], [0.5, 0.5], 0.5)).toBe(100);
    expect(one([[0], [400]], [0.5, 0.5], 0.5)).toBeCloseTo(100, 12); // (0 + 20)²/4
    expect(one([[0], [400]], [0.5, 0.5], -1)).toBeNaN();
    expect(one([[-1], [400]], [0.5, 0.5], 2)).toBeNaN();
  });
  it("stays right for exponents whose powers leave the doubles (p = −900, −1000, 2000), the extremes as their limits", () => {
    // Independently, in logs: M = exp(ln(Σ w·exp(p·ln s) / Σ w) / p), the sum by log-sum-exp around its largest term.
    const byLogs = (scores: number[], weights: number[], power: number) => {
      const terms = scores.map((score, i) => Math.log(weights[i]) + power * Math.log(score));
      const top = Math.max(...terms);
      const logSum = top + Math.log(terms.reduce((sum, term) => sum + Math.exp(term - top), 0));
      return Math.exp((logSum - Math.log(weights.reduce((a, b) => a + b, 0))) / power);
    };
    // 120 and 50 at p = −900: about 50·2^(1/900) = 50.0385 (it was 0: (50/120)^−900 overflowed to Infinity).
    expect(one([[120], [50]], [1, 1], -900)).toBeCloseTo(byLogs([120, 50], [1, 1], -900), 10);
    expect(one([[120], [50]], [1, 1], -900)).toBeCloseTo(50 * 2 ** (1 / 900), 10);
    expect(one([[120], [50]], [1, 1], -1000)).toBeCloseTo(byLogs([120, 50], [1, 1], -1000), 10);
    expect(one([[100], [199.95], [3]], [1, 2, 1], 2000)).toBeCloseTo(byLogs([100, 199.95, 3], [1, 2, 1], 2000), 10);
    // A child of weight 0 is never the reference: 0.5 and 4 with weights 0 and 1 give 4 for any p.
    expect(one([[0.5], [4]], [0, 1], -900)).toBe(4);
    expect(one([[0], [0], [3]], [1, 1, 0], 2)).toBe(0);
  });
  it("parseAggregateSpec reads power:P, and planAggregation asks for an exponent", () => {
    expect(parseAggregateSpec("arithmetic,0=power:-0.5")).toEqual({ ok: true, value: { method: "arithmetic", byLevel: { 0: "power" }, power: -0.5 } });
    expect(parseAggregateSpec("power:1,0=power:2").ok).toBe(false);
    const built = buildTree([{ line: 2, code: "A", parent: "", name: "A", weight: "", direction: "+" }]);
    if (!built.ok) throw new Error("tree");
    expect(planAggregation(built.value, { method: "power", byLevel: {} }).issues).toEqual([
      { code: "E_POWER_MISSING", message: methodMessages.powerMissing(), column: "--power" },
    ]);
  });
  it("checkAggregation reports a negative score under p > 0", () => {
    const issues = checkAggregation("power", "G", ["A"], [[-2]], [1], ["U"], [2020], 0.5);
    expect(issues.map((issue) => issue.message)).toEqual([methodMessages.scoreNegative("power (p = 0.5)", "G", "A", "U", 2020, -2)]);
  });
});

describe("aggregateCopeland", () => {
  it("counts weighted pairwise wins minus losses within a year", () => {
    // U1 beats U2 (0.6 for, 0.4 against) and U3 (3 > 2 on the 0.6 child, 1 < 2 on the 0.4 one); U3 beats U2 likewise
    const out = aggregateCopeland([[3, 1, 2], [1, 3, 2]], [0.6, 0.4], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    expect(Array.from(out)).toEqual([2, -2, 0]);
  });
  it("ties a pair whose weights balance (0.5 against 0.5), whatever the rounding of the weights", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary: still a tie against 0.3 (and 0.4 on equal scores)
    const out = aggregateCopeland([[2, 1], [2, 1], [1, 2], [5, 5]], [0.1, 0.2, 0.3, 0.4], { unitCount: 2, yearCount: 1 }, new Float64Array(2));
    expect(Array.from(out)).toEqual([0, 0]);
  });
  it("compares units within each year only, and leaves a unit with no child NaN", () => {
    // unit-major, 2 years: U1 (1, 5), U2 (2, NaN); 2020: U2 wins; 2021: U1 has no rival with a value
    const out = aggregateCopeland([[1, 5, 2, Number.NaN]], [1], { unitCount: 2, yearCount: 2 }, new Float64Array(4));
    expect(Array.from(out)).toEqual([-1, 0, 1, Number.NaN]);
  });
});

describe("maximizeLinear and benefit of the doubt", () => {
  it("solves the Wyndor Glass problem: max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18 gives 36 at (2, 6)", () => {
    // Hillier & Lieberman, Introduction to Operations Research, section 3.1
    const solution = maximizeLinear([3, 5], [[1, 0], [0, 2], [3, 2]], [4, 12, 18]);
    expect(solution.value).toBeCloseTo(36, 12);
    expect(solution.x[0]).toBeCloseTo(2, 12);
    expect(solution.x[1]).toBeCloseTo(6, 12);
  });
  it("refuses a negative right-hand side and an unbounded programme", () => {
    expect(() => maximizeLinear([1], [[1]], [-1])).toThrow("maximizeLinear requires b >= 0");
    expect(() => maximizeLinear([1, 1], [[1, -1]], [1])).toThrow("maximizeLinear: the programme is unbounded");
  });
  it("with one child, scores 100·s/max", () => {
    const out = aggregateBenefitOfTheDoubt([[20, 50, 40]], [1], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    [40, 100, 80].forEach((value, i) => expect(out[i]).toBeCloseTo(value, 12));
  });
  it("gives each unit its best weights: (1, 2) and (2, 1) are on the frontier, (1, 1) reaches 2/3 of it", () => {
    // U3: max w1 + w2 with w1 + 2·w2 <= 1 and 2·w1 + w2 <= 1: w = (1/3, 1/3), score 2/3
    const out = aggregateBenefitOfTheDoubt([[1, 2, 1], [2, 1, 1]], [0.5, 0.5], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    [100, 100, 200 / 3].forEach((value, i) => expect(out[i]).toBeCloseTo(value, 12));
  });
  it("scores a unit on the frontier 100 exactly, never a rounding error above or below", () => {
    // One child: 100·100/100 = 100 for U2, whose programme max 100·w, w·99.99999999999999 <= 1, w·100 <= 1 the simplex
    // solved as 1.0000000000000002 (100.00000000000003 before), which a parent marked "-" mirrored to -2.8e-14.
    const one = aggregateBenefitOfTheDoubt([[99.99999999999999, 100]], [1], { unitCount: 2, yearCount: 1 }, new Float64Array(2));
    expect(Array.from(one)).toEqual([100, 100]);
    // Two children: U2 is alone on the frontier on the first child (5.26 > 0), so it scores 1 (solved as 0.9999999999999999).
    const two = aggregateBenefitOfTheDoubt([[0, 5.2631578947368425], [100, 0]], [1, 1], { unitCount: 2, yearCount: 1 }, new Float64Array(2));
    expect(Array.from(two)).toEqual([100, 100]);
  });
  it("checkAggregation refuses a year where every unit with its children observed scores 0 (no frontier: 0/0)", () => {
    // Blocks unit-major over years 2020, 2021: 2020 is 0 for U1 and U2 (U3 is missing a child and does not enter);
    // 2021 has U2 at (0, 1) and U3 at (5, 3), so it has a frontier: U3 on it; U2 max w_B subject to 5·w_A + 3·w_B <= 1
    // and w_B <= 1 reaches 1/3; U1 at (0, 0) scores 0.
    const issues = checkAggregation("bod", "G", ["A", "B"], [[0, 0, 0, 0, Number.NaN, 5], [0, 0, 0, 1, 3, 3]], [1, 1], ["U1", "U2", "U3"], [2020, 2021]);
    expect(issues).toEqual([{ code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.frontierEmpty("G", 2020, ["A", "B"]) }]);
    expect(methodMessages.frontierEmpty("G", 2020, ["A", "B"])).toContain('group "G", year 2020: every unit scores 0 on every child ("A", "B")');
    const out = aggregateBenefitOfTheDoubt([[0, 0, 0, 0, Number.NaN, 5], [0, 0, 0, 1, 3, 3]], [1, 1], { unitCount: 3, yearCount: 2 }, new Float64Array(6));
    [Number.NaN, 0, Number.NaN, 100 / 3, Number.NaN, 100].forEach((value, i) => (Number.isNaN(value) ? expect(out[i]).toBeNaN() : expect(out[i]).toBeCloseTo(value, 12)));
  });
  it("leaves out a unit with a missing child, and ignores the tree's weights", () => {
    const out = aggregate("bod", [[1, 4, Number.NaN], [3, 1, 1]], [0.9, 0.1], new Float64Array(3), { unitCount: 3, yearCount: 1 });
    expect(out[0]).toBeCloseTo(100, 12);
    expect(out[1]).toBeCloseTo(100, 12);
    expect(out[2]).toBeNaN();
  });
});

describe("group directions", () => {
  const rows = (groupDirection: string, extra: Record<string, string> = {}): TreeRow[] => [
    { line: 2, code: "G", parent: "", name: "G", weight: "", direction: groupDirection },
    { line: 3, code: "A", parent: "G", name: "A", weight: "", direction: "+", attributes: extra },
    { line: 4, code: "B", parent: "", name: "B", weight: "", direction: "+", attributes: extra },
  ];
  const tree = (direction: string, extra: Record<string, string> = {}) => {
    const built = buildTree(rows(direction, extra), "tree.csv");
    if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
    return built.value;
  };
  it("reflectGroup flips a ratio to 100²/x, a bounded score to low + high − x, a z-score to 2·mean − x, Copeland to −x", () => {
    expect(Array.from(reflectGroup(Float64Array.of(125, 100, 50), { kind: "ratio" }))).toEqual([80, 100, 200]);
    expect(Array.from(reflectGroup(Float64Array.of(1, 30, 100), { kind: "bounded", low: 1, high: 100 }))).toEqual([100, 71, 1]);
    expect(Array.from(reflectGroup(Float64Array.of(110, 95), { kind: "z", mean: 100 }))).toEqual([90, 105]);
    expect(Array.from(reflectGroup(Float64Array.of(3, -1), { kind: "copeland" }))).toEqual([-3, 1]);
  });
  it("reflectGroup mirrors a bounded score within a rounding error of a bound to the other bound exactly", () => {
    // 0 + 100 − 100.00000000000003 is −2.8e-14, which a benefit-of-the-doubt or power parent refuses as negative;
    // 0 + 100 − 1e-15 is 100 in floating point anyway; 100 − 99.99999999999999 = 1.4e-14 is 0 within 1e-12·100.
    expect(Array.from(reflectGroup(Float64Array.of(100.00000000000003, 99.99999999999999, -1e-15, 50), { kind: "bounded", low: 0, high: 100 }))).toEqual([0, 0, 100, 50]);
    // A score genuinely outside the bounds (an MPI penalty below 0) still mirrors: 0 + 100 − (−5) = 105.
    expect(Array.from(reflectGroup(Float64Array.of(-5), { kind: "bounded", low: 0, high: 100 }))).toEqual([105]);
  });
  it("computeIndex flips a group marked '-' before its parent aggregates it", () => {
    // min-max over U1 (2) and U2 (6): A scores 0 and 100, so G (direction -) scores 100 and 0; B: 0 and 100
    const t = tree("-");
    const panel = buildPanel(t, [
      { unit: "U1", year: 2020, indicator: "A", value: 2 },
      { unit: "U2", year: 2020, indicator: "A", value: 6 },
      { unit: "U1", year: 2020, indicator: "B", value: 1 },
      { unit: "U2", year: 2020, indicator: "B", value: 3 },
    ]);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(t, panel.value, { normalize: "min-max" });
    // node order: INDEX, G, A, B; blocks of units × years
    expect(Array.from(result.values.subarray(2, 4))).toEqual([100, 0]);
    expect(Array.from(result.values.subarray(0, 2))).toEqual([50, 50]);
  });
  it("refuses a group direction over ranks, naming the group and its line", () => {
    const { issues } = planGroupReflections(tree("-"), [{ method: "rank" }, { method: "rank" }], new Map([["G", "arithmetic"]]));
    expect(issues).toEqual([
      { code: "E_GROUP_DIRECTION", message: methodMessages.groupDirectionScale("G", "rank"), source: "tree.csv", line: 2, column: "direction", id: "G" },
    ]);
    expect(() => computeIndex(tree("-"), { units: ["U"], years: [2020], indicators: ["A", "B"], values: Float64Array.of(1, 2) }, { normalize: "rank" })).toThrow(ValidationError);
  });
});
