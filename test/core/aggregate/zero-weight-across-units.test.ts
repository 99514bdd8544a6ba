/**
 * A child of weight 0 (an indicator shown but not counted) takes no part in the methods that compare units with each
 * other either: grey relational analysis (its distances move neither Δmin nor Δmax), benefit of the doubt (its score
 * cannot put a unit on the frontier), Copeland and TOPSIS (a unit whose only observed child weighs 0 is missing, not
 * compared). Tree: G = a (weight 1, +) and b (weight 0, +); one year, 2020; units A, B, C. Every expected value is
 * worked by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { aggregateBenefitOfTheDoubt, aggregateCopeland, aggregateGrey, aggregateTopsis } from "../../../src/core/aggregate.js";
import { checkAggregation } from "../../../src/core/aggregate/plan.js";
import type { AggregateMethod } from "../../../src/core/aggregate/methods.js";
import { computeIndex, resultIndex, type ComputeOptions } from "../../../src/core/compute.js";
import { methodMessages } from "../../../src/core/method-messages.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";

const built = buildTree([
  { line: 2, code: "G", parent: "", name: "g", weight: "", direction: "" },
  { line: 3, code: "a", parent: "G", name: "a", weight: "1", direction: "+" },
  { line: 4, code: "b", parent: "G", name: "b", weight: "0", direction: "+" },
]);
if (!built.ok) throw new Error("tree");
const tree = built.value;

/** G's value for A, B, C in 2020 from the values of a and b (NaN: no record). */
function groupScores(values: { a: number[]; b: number[] }, options: ComputeOptions): number[] {
  const records: ValueRecord[] = (["a", "b"] as const).flatMap((indicator) =>
    ["A", "B", "C"].flatMap((unit, u) => (Number.isNaN(values[indicator][u]) ? [] : [{ unit, year: 2020, indicator, value: values[indicator][u] }])),
  );
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("panel");
  const result = computeIndex(tree, panel.value, options);
  const node = result.nodes.findIndex((n) => n.code === "G");
  // Units are in order of first appearance in the records: looked up by name.
  return ["A", "B", "C"].map((unit) => result.values[resultIndex(result, node, result.units.indexOf(unit), 0)]);
}

const close = (actual: number[], expected: number[]) =>
  expected.forEach((value, i) => (Number.isNaN(value) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(value, 10)));

describe("grey relational analysis", () => {
  it("takes Δmin and Δmax over the children of weight > 0 only", () => {
    // a = 50, 80, 100 and b = 1, 10, 100 under fraction-of-max (100·x/max, max 100): a scores 50, 80, 100. The ideal
    // of a is 100: Δ = 50, 20, 0; Δmin = 0, Δmax = 50 (b's 99 and 90 take no part), ρΔmax = 25;
    // ξ = 25/(Δ + 25) = 25/75, 25/45, 25/25; G = 100·ξ = 33.333, 55.556, 100.
    // (Over b too, Δmax = 99: 49.5/99.5 = 49.7487 for A.)
    const scores = groupScores({ a: [50, 80, 100], b: [1, 10, 100] }, { normalize: "fraction-of-max", aggregate: "grey" });
    close(scores, [100 / 3, 500 / 9, 100]);
  });

  it("gives the same grades with the weight-0 child as without it, in the core", () => {
    const withZero = aggregateGrey([[50, 80, 100], [1, 10, 100]], [1, 0], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    const without = aggregateGrey([[50, 80, 100]], [1], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    expect(Array.from(withZero)).toEqual(Array.from(without));
  });

  it("is undefined when the children that take part sit at their best everywhere, whatever a weight-0 child does", () => {
    // a is 100 everywhere (Δmax over a = 0); b varies but weighs 0.
    expect(Array.from(aggregateGrey([[100, 100], [1, 10]], [1, 0], { unitCount: 2, yearCount: 1 }, new Float64Array(2)))).toEqual([Number.NaN, Number.NaN]);
    expect(checkAggregation("grey", "G", ["a", "b"], [[100, 100], [1, 10]], [1, 0], ["A", "B"], [2020])).toEqual([
      { code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.greyUndefined("G", ["a"]) },
    ]);
  });
});

describe("benefit of the doubt", () => {
  it("leaves a weight-0 child out of the programme", () => {
    // a = 1, 2, 3 and b = 3, 1, 2 under min-max over the panel: a scores 0, 50, 100 (b: 100, 0, 50). Over a alone
    // BoD is 100·s/max = 0, 50, 100: A = 0 (with b, A is on the frontier: 100).
    const scores = groupScores({ a: [1, 2, 3], b: [3, 1, 2] }, { normalize: "min-max", aggregate: "bod" });
    close(scores, [0, 50, 100]);
  });

  it("neither drops a unit for a missing weight-0 child nor checks that child's sign", () => {
    // a = 2, 4, 5: 100·s/5 = 40, 80, 100; b is missing for B and negative for C, and weighs 0.
    const out = aggregateBenefitOfTheDoubt([[2, 4, 5], [7, Number.NaN, -3]], [1, 0], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    close(Array.from(out), [40, 80, 100]);
    expect(checkAggregation("bod", "G", ["a", "b"], [[2, 4, 5], [7, Number.NaN, -3]], [1, 0], ["A", "B", "C"], [2020])).toEqual([]);
    // The frontier check looks at the children that take part: a all 0 has no frontier even if b is positive.
    expect(checkAggregation("bod", "G", ["a", "b"], [[0, 0], [5, 1]], [1, 0], ["A", "B"], [2020])).toEqual([
      { code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.frontierEmpty("G", 2020, ["a"]) },
    ]);
  });
});

describe("a unit whose only observed child weighs 0 (--missing reweight)", () => {
  // a = (missing), 80, 100 and b = 1, 10, 100 under fraction-of-max: a scores —, 80, 100 (max 100), b 1, 10, 100.
  // A has nothing that counts, so every method leaves it missing; B and C are compared on a alone.
  const values = { a: [Number.NaN, 80, 100], b: [1, 10, 100] };
  it.each([
    // B 80, C 100 with one child: every mean gives the score itself; MPI: M = s, S = 0, so M − S²/M = s.
    ["arithmetic", [Number.NaN, 80, 100]],
    ["geometric", [Number.NaN, 80, 100]],
    ["mpi", [Number.NaN, 80, 100]],
    // Copeland: C beats B on a, A takes no part: B −1, C +1 (A was 0, tying both on the weight-0 b alone).
    ["copeland", [Number.NaN, -1, 1]],
    // TOPSIS: v = 1·s on a: best 100, worst 80. B: D⁺ = 20, D⁻ = 0, 100·0/20 = 0; C: D⁺ = 0, D⁻ = 20, 100.
    ["topsis", [Number.NaN, 0, 100]],
    ["topsis-year", [Number.NaN, 0, 100]],
    // Grey: ideal 100, Δ = 20, 0; Δmin 0, Δmax 20, ρΔmax 10: ξ = 10/30, 10/10: 33.333, 100.
    ["grey", [Number.NaN, 100 / 3, 100]],
    // BoD over a: 100·s/max = 80, 100.
    ["bod", [Number.NaN, 80, 100]],
  ] as const)("%s leaves A missing and computes B and C", (method, expected) => {
    close(groupScores(values, { normalize: "fraction-of-max", aggregate: method as AggregateMethod, missing: "reweight" }), [...expected]);
  });

  it("in the core: Copeland and TOPSIS give A NaN, and the TOPSIS check has nothing to report", () => {
    const children = [[Number.NaN, 80, 100], [1, 10, 100]];
    const copeland = aggregateCopeland(children, [1, 0], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    close(Array.from(copeland), [Number.NaN, -1, 1]);
    const topsis = aggregateTopsis(children, [1, 0], { unitCount: 3, yearCount: 1 }, new Float64Array(3));
    close(Array.from(topsis), [Number.NaN, 0, 100]);
    expect(checkAggregation("topsis", "G", ["a", "b"], children, [1, 0], ["A", "B", "C"], [2020])).toEqual([]);
  });

  it("the TOPSIS check names only the children that take part", () => {
    // a is 50 for both units (no variation), b varies but weighs 0: both cells are 0/0.
    expect(checkAggregation("topsis", "G", ["a", "b"], [[50, 50], [1, 10]], [1, 0], ["A", "B"], [2020])).toEqual([
      { code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.topsisUndefined("G", ["a"], 2, "A", 2020, false) },
    ]);
  });
});
