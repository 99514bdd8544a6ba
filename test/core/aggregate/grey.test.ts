/**
 * Grey relational analysis (Deng 1982) over the panel, ρ = 0.5: expected values worked by hand from the textbook steps
 * (the ideal per child, the distances to it, Δmin and Δmax over every child and cell, ξ = (Δmin + ρΔmax)/(Δ + ρΔmax),
 * the weighted mean of ξ, ×100).
 */
import { describe, expect, it } from "vitest";
import { aggregate } from "../../../src/core/aggregate.js";
import { aggregateGrey } from "../../../src/core/aggregate/grey.js";
import { checkAggregation } from "../../../src/core/aggregate/plan.js";
import { methodMessages } from "../../../src/core/method-messages.js";

const grey = (children: number[][], weights: number[]) =>
  Array.from(aggregateGrey(children, weights, { unitCount: children[0].length, yearCount: 1 }, new Float64Array(children[0].length)));

describe("aggregateGrey", () => {
  it("three units, two children weighted 0.6 and 0.4", () => {
    // Ideal (80, 90); Δ on A (0, 20, 40), on B (70, 40, 0); Δmin 0, Δmax 70, ρΔmax 35. ξ on A: 1, 35/55, 35/75; on B:
    // 35/105, 35/75, 1. Grades: 0.6 + 0.4/3 = 73.333; 0.6·35/55 + 0.4·35/75 = 56.848; 0.6·35/75 + 0.4 = 68.
    const out = grey([[80, 60, 40], [20, 50, 90]], [0.6, 0.4]);
    expect(out[0]).toBeCloseTo(100 * (0.6 + 0.4 / 3), 12);
    expect(out[1]).toBeCloseTo(100 * (0.6 * (35 / 55) + 0.4 * (35 / 75)), 12);
    expect(out[1]).toBeCloseTo(56.84848484848485, 12);
    expect(out[2]).toBeCloseTo(68, 12);
  });

  it("leaves a missing child out and renormalises the weights; a cell without any child is NaN", () => {
    // U2 has A only: ξ = 35/55 (Δmax is still 70, from B's 20 against its ideal 90), so 63.636.
    const out = grey([[80, 60, 40, Number.NaN], [20, Number.NaN, 90, Number.NaN]], [0.6, 0.4]);
    expect(out[1]).toBeCloseTo((100 * 35) / 55, 12);
    expect(out[3]).toBeNaN();
  });

  it("is undefined when every child sits at its best everywhere, which checkAggregation reports", () => {
    expect(grey([[50, 50], [70, 70]], [0.5, 0.5])).toEqual([Number.NaN, Number.NaN]);
    expect(checkAggregation("grey", "G", ["A", "B"], [[50, 50], [70, 70]], [0.5, 0.5], ["U1", "U2"], [2018])).toEqual([
      { code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.greyUndefined("G", ["A", "B"]) },
    ]);
    expect(checkAggregation("grey", "G", ["A", "B"], [[80, 60], [20, 50]], [0.5, 0.5], ["U1", "U2"], [2018])).toEqual([]);
  });

  it("is what the dispatcher runs for \"grey\"", () => {
    const children = [[80, 60, 40], [20, 50, 90]];
    expect(Array.from(aggregate("grey", children, [0.6, 0.4], new Float64Array(3)))).toEqual(grey(children, [0.6, 0.4]));
  });
});
