/**
 * A child of weight 0 (an indicator shown but not counted) takes no part in a mean, whatever its score: under the
 * geometric, harmonic and power means a score of 0 there leaves the group defined (s^0 = 1), in the core's means, in
 * the check before them, in compute, and in the Monte Carlo engine, which must give the same bits.
 */
import { describe, expect, it } from "vitest";
import { aggregatePower } from "../../../src/core/aggregate.js";
import { aggregateGeometric, aggregateHarmonic } from "../../../src/core/aggregate/means.js";
import { checkAggregation } from "../../../src/core/aggregate/plan.js";
import { computeIndex } from "../../../src/core/compute.js";
import { IndexEngine } from "../../../src/core/engine.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { messages } from "../../../src/core/messages.js";
import { analyzeUncertainty } from "../../../src/core/uncertainty.js";
import { ValidationError } from "../../../src/errors.js";

const one = (method: typeof aggregateGeometric, children: number[][], weights: number[]) => method(children, weights, new Float64Array(children[0].length))[0];

describe("the means with a child of weight 0 at a score <= 0", () => {
  it("leave it out: √(100·400) = 200 (geometric), 2/(1/100 + 1/400) = 160 (harmonic), wherever it stands", () => {
    for (const [children, weights] of [
      [[[0], [100], [400]], [0, 0.5, 0.5]],
      [[[100], [0], [400]], [0.5, 0, 0.5]],
      [[[100], [400], [-3]], [0.5, 0.5, 0]],
    ] as const) {
      expect(one(aggregateGeometric, children.map((c) => [...c]), [...weights])).toBeCloseTo(200, 12);
      expect(one(aggregateHarmonic, children.map((c) => [...c]), [...weights])).toBeCloseTo(160, 12);
      // the power mean with p = −1 is the harmonic mean, p = 0 the geometric
      expect(aggregatePower(children.map((c) => [...c]), [...weights], -1, new Float64Array(1))[0]).toBeCloseTo(160, 12);
      expect(aggregatePower(children.map((c) => [...c]), [...weights], 0, new Float64Array(1))[0]).toBeCloseTo(200, 12);
    }
  });

  it("are undefined when the child at 0 weighs anything", () => {
    expect(one(aggregateGeometric, [[0], [100], [400]], [0.1, 0.45, 0.45])).toBeNaN();
    expect(one(aggregateHarmonic, [[0], [100], [400]], [1e-9, 0.5, 0.5])).toBeNaN();
    expect(aggregatePower([[0], [100], [400]], [0.1, 0.45, 0.45], -1, new Float64Array(1))[0]).toBeNaN();
  });

  it("give the same bits with the child of weight 0 as without it", () => {
    // The first positive child is the reference either way, so the operations are the same.
    const children = [[100, 37.5], [400, 212.25], [250, 99.125]];
    const weights = [0.2, 0.5, 0.3];
    for (const method of [aggregateGeometric, aggregateHarmonic]) {
      const without = Array.from(method(children, weights, new Float64Array(2)));
      const withZero = Array.from(method([[0, -1], ...children], [0, ...weights], new Float64Array(2)));
      expect(withZero).toEqual(without);
    }
  });

  it("checkAggregation names only the children that weigh", () => {
    const check = (weights: number[]) => checkAggregation("geometric", "G", ["Z", "A", "B"], [[0], [100], [400]], weights, ["U"], [2018]);
    expect(check([0, 0.5, 0.5])).toEqual([]);
    expect(check([0.2, 0.4, 0.4]).map((issue) => [issue.code, issue.id])).toEqual([["E_AGGREGATE_UNDEFINED", "G"]]);
  });
});

describe("compute and the engine with an indicator of weight 0 that falls to 0", () => {
  // A and B weigh 0.5 each, Z (shown, not counted) 0; Z falls from 5 to 0 in 2018, so its fixed-base score is 0.
  // 2018: A = 100·12/10 = 120, B = 100·30/20 = 150; the geometric index is √(120·150) = 134.164..., the harmonic
  // 2/(1/120 + 1/150) = 133.333...
  const built = buildTree([
    { line: 2, code: "A", parent: "", name: "A", weight: "0.5", direction: "+" },
    { line: 3, code: "B", parent: "", name: "B", weight: "0.5", direction: "+" },
    { line: 4, code: "Z", parent: "", name: "Z", weight: "0", direction: "+" },
  ]);
  if (!built.ok) throw new Error("tree");
  const tree = built.value;
  const series: Record<string, number[]> = { A: [10, 12], B: [20, 30], Z: [5, 0] };
  const records: ValueRecord[] = Object.entries(series).flatMap(([indicator, values]) => values.map((value, t) => ({ unit: "U", year: 2017 + t, indicator, value })));
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("panel");

  it.each([
    ["geometric", Math.sqrt(120 * 150)],
    ["harmonic", 2 / (1 / 120 + 1 / 150)],
  ] as const)("%s: the index leaves Z out, and the engine gives the same bits", (aggregate, expected) => {
    const result = computeIndex(tree, panel.value, { aggregate });
    expect(result.values[1]).toBeCloseTo(expected, 10);
    const engine = new IndexEngine(tree, panel.value);
    const choice = { normalize: "fixed-base", aggregate, missing: "error" } as const;
    const out = engine.evaluate(choice, engine.nominalWeights, new Float64Array(2));
    expect(Array.from(out)).toEqual(Array.from(result.values.subarray(0, 2)));
    // A run that gives Z a weight makes 2018 undefined there (its score is 0), and 2017 stays defined.
    const weighted = Float64Array.from(tree.nodes, (node) => (node.code === "Z" ? 0.2 : 0.4));
    const run = engine.evaluate(choice, weighted, new Float64Array(2));
    expect(run[0]).toBeCloseTo(100, 12);
    expect(run[1]).toBeNaN();
  });

  it("uncertainty: runs that draw a weight for Z leave 2018 undefined, warned of (W_RUNS_UNDEFINED)", () => {
    // Z's weight is drawn from [0, 0.2], so above 0 in every run (a draw of exactly 0 has probability 0): each of the
    // 2 × 20 sampled runs is undefined in 2018 and 100 in 2017 (the base year, every score 100).
    const result = analyzeUncertainty(tree, panel.value, { replications: 20, seed: 1, aggregations: ["geometric"], weightRanges: new Map([["Z", { min: 0, max: 0.2 }]]) });
    expect(result.warnings.filter((warning) => warning.code === "W_RUNS_UNDEFINED").map((warning) => warning.message)).toEqual([
      messages.runsUndefined([{ unit: "U", year: 2018, count: 40 }], 40),
    ]);
    expect(result.warnings.at(-1)?.message).toContain('unit "U", year 2018 in 40 of 40 sampled runs');
    expect(result.index.nominal[1]).toBeCloseTo(Math.sqrt(120 * 150), 10);
    expect(Array.from(result.index.median)).toEqual([100, Number.NaN]);
  });

  it("refuses the same data when Z weighs anything (E_AGGREGATE_UNDEFINED)", () => {
    const weights = new Map([["A", 0.4], ["B", 0.4], ["Z", 0.2]]);
    expect(() => computeIndex(tree, panel.value, { aggregate: "geometric", weights })).toThrow(ValidationError);
  });
});
