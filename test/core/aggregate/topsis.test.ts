/**
 * TOPSIS (Hwang & Yoon 1981) over the panel: expected values worked by hand and checked with a separate Python
 * implementation of the textbook steps (v = w·s, ideal and anti-ideal per child over every cell, Euclidean distances,
 * closeness D⁻/(D⁺ + D⁻), ×100).
 */
import { describe, expect, it } from "vitest";
import { aggregate } from "../../../src/core/aggregate.js";
import { aggregateTopsis } from "../../../src/core/aggregate/topsis.js";
import { checkAggregation } from "../../../src/core/aggregate/plan.js";
import { computeIndex } from "../../../src/core/compute.js";
import { methodMessages } from "../../../src/core/method-messages.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { makeTempDir, runCli } from "../../helpers.js";

const NaN = Number.NaN;
const topsis = (children: number[][], weights: number[], unitCount: number, yearCount = 1) =>
  Array.from(aggregateTopsis(children, weights, { unitCount, yearCount }, new Float64Array(children[0].length)));

describe("aggregateTopsis", () => {
  it("three units, two children weighted 0.6 and 0.4", () => {
    // v1 = 0.6·(80, 60, 40) = (48, 36, 24), v2 = 0.4·(20, 50, 90) = (8, 20, 36); ideal (48, 36), anti-ideal (24, 8).
    // U1: D⁺ = |8 − 36| = 28, D⁻ = |48 − 24| = 24: 100·24/52 = 46.1538; U2: D⁺ = √(12² + 16²) = 20, D⁻ = √(12² + 12²)
    // = 16.9706: 45.9029; U3: D⁺ = 24, D⁻ = 28: 100·28/52 = 53.8462.
    const out = topsis([[80, 60, 40], [20, 50, 90]], [0.6, 0.4], 3);
    expect(out[0]).toBeCloseTo((100 * 24) / 52, 12);
    expect(out[1]).toBeCloseTo((100 * Math.sqrt(288)) / (20 + Math.sqrt(288)), 12);
    expect(out[1]).toBeCloseTo(45.90290622280608, 12);
    expect(out[2]).toBeCloseTo((100 * 28) / 52, 12);
  });

  it("ranks a single unit's years against its own best and worst (the ideal is over the whole panel)", () => {
    // Fixed-base scores of one zone in 2017-2019: A (100, 120, 150), B (100, 90, 130), weights 0.5: v = (50, 60, 75)
    // and (50, 45, 65); ideal (75, 65), anti-ideal (50, 45). 2017: D⁺ = √(25² + 15²), D⁻ = 5; 2018: D⁺ = 25, D⁻ = 10;
    // 2019 is the ideal: 100.
    const out = topsis([[100, 120, 150], [100, 90, 130]], [0.5, 0.5], 1, 3);
    expect(out[0]).toBeCloseTo((100 * 5) / (5 + Math.sqrt(850)), 12);
    expect(out[1]).toBeCloseTo((100 * 10) / 35, 12);
    expect(out[2]).toBe(100);
  });

  it("leaves a missing child out of both distances, and a cell without any child NaN", () => {
    // U2 has only child 1: v = 36 between the ideal 48 and the anti-ideal 24: D⁺ = D⁻ = 12, so 50.
    const out = topsis([[80, 60, 40, NaN], [20, NaN, 90, NaN]], [0.6, 0.4], 4);
    expect(out[1]).toBe(50);
    expect(out[0]).toBeCloseTo((100 * 24) / 52, 12);
    expect(out[3]).toBeNaN();
  });

  it("is NaN where no child varies, which checkAggregation reports once for the group", () => {
    expect(topsis([[50, 50], [70, 70]], [0.5, 0.5], 2)).toEqual([NaN, NaN]);
    const issues = checkAggregation("topsis", "G", ["A", "B"], [[50, 50], [70, 70]], [0.5, 0.5], ["U1", "U2"], [2018]);
    expect(issues).toEqual([{ code: "E_AGGREGATE_UNDEFINED", id: "G", message: methodMessages.topsisUndefined("G", ["A", "B"], 2, "U1", 2018) }]);
    expect(issues[0].message).toBe(
      'group "G": 2 unit-years (the first: unit "U1", year 2018) sit at both the best and the worst value of every observed child ("A", "B") over the panel, so TOPSIS\'s distances to the best and the worst are both 0 (0/0); expected a child that varies over the panel\'s units and years',
    );
    expect(checkAggregation("topsis", "G", ["A", "B"], [[80, 60], [20, 50]], [0.5, 0.5], ["U1", "U2"], [2018])).toEqual([]);
  });

  it("topsis-year: each year's units are the alternatives, with that year's ideal and anti-ideal", () => {
    // Two units, two years, cells unit-major (U1 2017, U1 2018, U2 2017, U2 2018), weights 0.5. 2017: v = (40, 50) on
    // A and (50, 30) on B: U1 D⁺ = 10, D⁻ = 20: 66.67; U2 D⁺ = 20, D⁻ = 10: 33.33. 2018: v = (60, 100) and (75, 55):
    // U1 D⁺ = 40, D⁻ = 20: 33.33; U2 D⁺ = 20, D⁻ = 40: 66.67. Over the panel instead, U2 2018 is not 66.67.
    const children = [[80, 120, 100, 200], [100, 150, 60, 110]];
    const byYear = Array.from(aggregate("topsis-year", children, [0.5, 0.5], new Float64Array(4), { unitCount: 2, yearCount: 2 }));
    [200 / 3, 100 / 3, 100 / 3, 200 / 3].forEach((expected, cell) => expect(byYear[cell]).toBeCloseTo(expected, 12));
    expect(topsis(children, [0.5, 0.5], 2, 2)[3]).not.toBeCloseTo(200 / 3, 3);
    // One unit has nothing to compare with in a year: every cell is 0/0, reported once.
    const issues = checkAggregation("topsis-year", "G", ["A", "B"], [[80, 120], [100, 150]], [0.5, 0.5], [""], [2017, 2018]);
    expect(issues.map((issue) => issue.message)).toEqual([methodMessages.topsisUndefined("G", ["A", "B"], 2, "", 2017, true)]);
    expect(issues[0].message).toContain("among its year's units");
    expect(issues[0].message).toContain("use topsis, over the years");
  });

  it("is what the dispatcher runs for \"topsis\"", () => {
    const children = [[80, 60, 40], [20, 50, 90]];
    expect(Array.from(aggregate("topsis", children, [0.6, 0.4], new Float64Array(3)))).toEqual(topsis(children, [0.6, 0.4], 3));
  });
});

describe("compute --aggregate topsis", () => {
  it("gives a single zone's index over its years, and a group of direction - its mirror 100 − score", async () => {
    // A: 10, 12, 15 and B: 20, 18, 26 are the fixed-base scores of the second test above.
    const records: ValueRecord[] = [
      ...[10, 12, 15].map((value, t) => ({ unit: "", year: 2017 + t, indicator: "A", value })),
      ...[20, 18, 26].map((value, t) => ({ unit: "", year: 2017 + t, indicator: "B", value })),
    ];
    const expected = [(100 * 5) / (5 + Math.sqrt(850)), (100 * 10) / 35, 100];
    const built = buildTree([
      { line: 2, code: "A", parent: "", name: "A", weight: "0.5", direction: "+" },
      { line: 3, code: "B", parent: "", name: "B", weight: "0.5", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    const panel = buildPanel(built.value, records);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(built.value, panel.value, { aggregate: "topsis" });
    Array.from(result.values.subarray(0, 3)).forEach((value, t) => expect(value).toBeCloseTo(expected[t], 12));

    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nG,,G,1,-\nA,G,A,0.5,+\nB,G,B,0.5,+\n",
      "values.csv": "year,indicator,value\n2017,A,10\n2018,A,12\n2019,A,15\n2017,B,20\n2018,B,18\n2019,B,26\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--aggregate", "topsis,0=arithmetic", "--out", "-", "--format", "json", "--table", "index"], dir);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as { year: number; code: string; value: number }[];
    const group = rows.filter((row) => row.code === "G").map((row) => row.value);
    group.forEach((value, t) => expect(value).toBeCloseTo(Number((100 - expected[t]).toFixed(4)), 4));
  });
});
