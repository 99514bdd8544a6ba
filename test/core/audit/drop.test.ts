/**
 * Dropping an element: a 4-unit, 2-group example worked by hand, and the path recomputation checked against a full
 * `computeIndex` on the tree without the element, on random trees (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AggregateMethod } from "../../../src/core/aggregate.js";
import { computeRanks } from "../../../src/core/analysis/ranks.js";
import { computeDropSensitivity } from "../../../src/core/audit/drop.js";
import { robustnessMessages } from "../../../src/core/audit/robustness-messages.js";
import type { ComputeOptions, IndexResult } from "../../../src/core/compute.js";
import type { MissingPolicy } from "../../../src/core/missing.js";
import type { NormalizeMethod } from "../../../src/core/normalize.js";
import type { ValueRecord } from "../../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import { INDEX_CODE } from "../../../src/core/types.js";
import { ValidationError } from "../../../src/errors.js";
import { handExample, resultOf, treeOf } from "./robust-fixture.js";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 80) };

describe("computeDropSensitivity", () => {
  it("computeDropSensitivity(result) gives the hand-computed index, ranks and shifts of every drop", () => {
    const sensitivity = computeDropSensitivity(handExample());
    expect([...sensitivity.baselineIndex]).toEqual([40, 50, 45, 47.5]);
    expect([...sensitivity.baselineRank]).toEqual([4, 1, 3, 2]);
    // Without an indicator its group is its sibling alone; without a group the index is the other group:
    //   drop A: G1 = B  -> index (20+20)/2, (100+50)/2, (0+60)/2, (60+55)/2 = 20, 75, 30, 57.5 -> ranks 4 1 3 2, no shift
    //   drop B: G1 = A  -> 60, 25, 60, 37.5 -> ranks 1 4 1 3 (P and R tie); shifts |4-1|, |1-4|, |3-1|, |2-3| = 3 3 2 1
    //   drop C: G2 = D  -> 50, 25, 65, 55 -> ranks 3 4 1 2; shifts 1 3 2 0
    //   drop D: G2 = C  -> 30, 75, 25, 40 -> ranks 3 1 4 2; shifts 1 0 1 0
    //   drop G1: index = G2 -> 20, 50, 60, 55 -> ranks 4 3 1 2; shifts 0 2 2 0 (Q is the first unit with 2)
    //   drop G2: index = G1 -> 60, 50, 30, 40 -> ranks 1 2 4 3; shifts 3 1 1 1
    // The largest shift is shared by P and Q without B (3), by P and R without D (1), by Q and R without G1 (2):
    // `units` names every tied unit (positions P 0, Q 1, R 2, S 3), `unit` the first of them.
    const expected = {
      A: { index: [20, 75, 30, 57.5], rank: [4, 1, 3, 2], mean: 0, largest: 0, unit: -1, units: [] },
      B: { index: [60, 25, 60, 37.5], rank: [1, 4, 1, 3], mean: 9 / 4, largest: 3, unit: 0, units: [0, 1] },
      C: { index: [50, 25, 65, 55], rank: [3, 4, 1, 2], mean: 6 / 4, largest: 3, unit: 1, units: [1] },
      D: { index: [30, 75, 25, 40], rank: [3, 1, 4, 2], mean: 2 / 4, largest: 1, unit: 0, units: [0, 2] },
      G1: { index: [20, 50, 60, 55], rank: [4, 3, 1, 2], mean: 4 / 4, largest: 2, unit: 1, units: [1, 2] },
      G2: { index: [60, 50, 30, 40], rank: [1, 2, 4, 3], mean: 6 / 4, largest: 3, unit: 0, units: [0] },
    };
    expect(sensitivity.drops.map((drop) => drop.element)).toEqual(["G1", "A", "B", "G2", "C", "D"]);
    for (const drop of sensitivity.drops) {
      const want = expected[drop.element as keyof typeof expected];
      [...drop.index].forEach((value, u) => expect(value).toBeCloseTo(want.index[u], 12));
      expect([...drop.rank]).toEqual(want.rank);
      expect(drop.meanAbsoluteShift[0]).toBeCloseTo(want.mean, 12);
      expect(drop.largestShift[0]).toBe(want.largest);
      expect(drop.largestShiftUnit[0]).toBe(want.unit);
      expect(drop.largestShiftUnits).toEqual([want.units]);
      expect(drop.removed).toBe(drop.element);
      expect(drop.level).toBe(drop.element.startsWith("G") ? 1 : 2);
    }
    expect(sensitivity.warnings).toEqual([]);
  });

  it("computeDropSensitivity(result) renormalises the remaining siblings' weights: 0.2/0.3/0.5 without the 0.5 gives 0.4/0.6", () => {
    // One group of three indicators weighted 0.2, 0.3, 0.5; two units with scores (min-max) A 0/100, B 100/0, C 100/0.
    // Without C: U1 = 0.4·0 + 0.6·100 = 60, U2 = 0.4·100 + 0.6·0 = 40 (with C: U1 = 80, U2 = 20).
    const tree = treeOf([
      ["A", "", "0.2", "+"],
      ["B", "", "0.3", "+"],
      ["C", "", "0.5", "+"],
    ]);
    const records = [
      ["U1", 0, 100, 100],
      ["U2", 100, 0, 0],
    ].flatMap(([unit, ...list]) => ["A", "B", "C"].map((indicator, i) => ({ unit: unit as string, year: 2020, indicator, value: list[i] as number })));
    const sensitivity = computeDropSensitivity(resultOf(tree, records, { normalize: "min-max" }), { elements: ["C"] });
    expect([...sensitivity.baselineIndex]).toEqual([80, 20]);
    expect(sensitivity.drops[0].index[0]).toBeCloseTo(60, 12);
    expect(sensitivity.drops[0].index[1]).toBeCloseTo(40, 12);
  });

  it("computeDropSensitivity(result) drops the group of an only child with it, and skips a drop that leaves the index empty", () => {
    // X has one child X1, so dropping X1 drops X: the index is Y alone. The only first-level node of a chain cannot go.
    const tree = treeOf([
      ["X", "", "", ""],
      ["X1", "X", "", "+"],
      ["Y", "", "", "+"],
    ]);
    const records = [
      { unit: "U1", year: 2020, indicator: "X1", value: 1 },
      { unit: "U2", year: 2020, indicator: "X1", value: 3 },
      { unit: "U1", year: 2020, indicator: "Y", value: 5 },
      { unit: "U2", year: 2020, indicator: "Y", value: 4 },
    ];
    // min-max: X1 scores 0, 100; Y scores 100, 0; index 50, 50 (tied); without X1 the index is Y: 100, 0.
    const sensitivity = computeDropSensitivity(resultOf(tree, records, { normalize: "min-max" }));
    const drop = sensitivity.drops.find((candidate) => candidate.element === "X1")!;
    expect(drop.removed).toBe("X");
    expect([...drop.index]).toEqual([100, 0]);
    expect([...drop.rank]).toEqual([1, 2]);
    expect(sensitivity.warnings).toContainEqual({ code: "W_DROP_CASCADE", message: robustnessMessages.dropCascade("X1", "X"), id: "X1" });

    const chain = treeOf([
      ["X", "", "", ""],
      ["X1", "X", "", "+"],
    ]);
    const single = computeDropSensitivity(resultOf(chain, records.slice(0, 2), { normalize: "min-max" }));
    expect(single.drops).toEqual([]);
    expect(single.warnings.map((warning) => warning.message)).toEqual([robustnessMessages.dropLeavesNothing("X"), robustnessMessages.dropLeavesNothing("X1")]);
  });

  it("computeDropSensitivity(result) with one unit: every rank is 1 and no rank moves", () => {
    const tree = treeOf([
      ["A", "", "", "+"],
      ["B", "", "", "+"],
    ]);
    const records = [2020, 2021].flatMap((year, y) => ["A", "B"].map((indicator) => ({ unit: "U", year, indicator, value: 10 + y })));
    const sensitivity = computeDropSensitivity(resultOf(tree, records, {}));
    for (const drop of sensitivity.drops) {
      expect([...drop.rank]).toEqual([1, 1]);
      expect([...drop.meanAbsoluteShift]).toEqual([0, 0]);
      expect([...drop.largestShift]).toEqual([0, 0]);
      expect([...drop.largestShiftUnit]).toEqual([-1, -1]);
      expect(drop.largestShiftUnits).toEqual([[], []]);
    }
  });

  it("computeDropSensitivity(result, { rankYears }) keeps the per-unit values of those years only, and refuses unknown ones", () => {
    const tree = treeOf([
      ["A", "", "", "+"],
      ["B", "", "", "+"],
    ]);
    const records = [2020, 2021, 2022].flatMap((year, y) =>
      ["U1", "U2"].flatMap((unit, u) => ["A", "B"].map((indicator, i) => ({ unit, year, indicator, value: 10 + y + u * (i + 1) }))),
    );
    const result = resultOf(tree, records, {});
    const sensitivity = computeDropSensitivity(result, { rankYears: [2022] });
    expect(sensitivity.rankYears).toEqual([2022]);
    expect(sensitivity.drops[0].rank.length).toBe(2);
    expect(sensitivity.drops[0].meanAbsoluteShift.length).toBe(3);
    expect(() => computeDropSensitivity(result, { rankYears: [2019] })).toThrow(robustnessMessages.unknownYear(2019, [2020, 2021, 2022]));
    expect(() => computeDropSensitivity(result, { elements: ["Z"] })).toThrow(robustnessMessages.unknownElement("Z", ["A", "B"]));
  });
});

/** A random tree: nodes with children (groups) or without (indicators), up to three levels, 1-3 children each. */
interface RandomNode {
  weight: number;
  /** A group marked `direction: -` (flipped after it is aggregated). */
  minus: boolean;
  children: readonly RandomNode[];
}

const nodeArbitrary: fc.Arbitrary<RandomNode> = fc.letrec<{ node: RandomNode }>((tie) => ({
  node: fc.record({
    weight: fc.integer({ min: 1, max: 9 }),
    minus: fc.boolean(),
    children: fc.oneof({ depthSize: "small", maxDepth: 2 }, fc.constant<RandomNode[]>([]), fc.array(tie("node"), { minLength: 1, maxLength: 3 })),
  }),
})).node;

const CONFIGURATIONS: { normalize: NormalizeMethod; aggregate: AggregateMethod; missing: MissingPolicy; gaps: boolean; power?: number }[] = [
  { normalize: "fixed-base", aggregate: "arithmetic", missing: "error", gaps: false },
  { normalize: "fixed-base", aggregate: "geometric", missing: "error", gaps: false },
  { normalize: "fixed-base", aggregate: "harmonic", missing: "error", gaps: false },
  { normalize: "z-score", aggregate: "mpi", missing: "error", gaps: false },
  { normalize: "min-max", aggregate: "arithmetic", missing: "reweight", gaps: true },
  // The methods that compare units year by year (so across years a drop must too), and the power mean's exponent.
  { normalize: "min-max", aggregate: "copeland", missing: "error", gaps: false },
  { normalize: "min-max", aggregate: "bod", missing: "error", gaps: false },
  { normalize: "min-max", aggregate: "power", missing: "error", gaps: false, power: 0.5 },
];

describe("computeDropSensitivity properties", () => {
  it("every drop equals a full computeIndex on the tree without the element, with the remaining siblings' weights renormalised", () => {
    const caseArbitrary = fc
      .record({
        roots: fc.array(nodeArbitrary, { minLength: 1, maxLength: 3 }),
        unitCount: fc.integer({ min: 2, max: 5 }),
        yearCount: fc.integer({ min: 1, max: 3 }),
        configuration: fc.constantFrom(...CONFIGURATIONS),
        seed: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 400, maxLength: 400 }),
      });
    fc.assert(
      fc.property(caseArbitrary, ({ roots, unitCount, yearCount, configuration, seed }) => {
        // Rows in pre-order; every node gets a code N<i>, leaves are "+" indicators.
        const rows: TreeRow[] = [];
        const visit = (node: RandomNode, parent: string) => {
          const code = `N${rows.length}`;
          // A group marked "-" is flipped after its aggregation: a drop below it must flip it again.
          rows.push({ line: rows.length + 2, code, parent, name: code, weight: String(node.weight), direction: node.children.length === 0 ? "+" : node.minus ? "-" : "" });
          node.children.forEach((child) => visit(child, code));
        };
        roots.forEach((root) => visit(root, ""));
        const tree = buildTree(rows);
        if (!tree.ok) throw new Error(tree.issues.map((issue) => issue.message).join("\n"));
        let draw = 0;
        const records: ValueRecord[] = [];
        for (const indicator of tree.value.indicators)
          for (let unit = 0; unit < unitCount; unit++)
            for (let year = 0; year < yearCount; year++) {
              const value = seed[draw++ % seed.length];
              // Gaps (about one cell in seven) only off the first unit, which keeps every indicator observed.
              const gap = configuration.gaps && unit > 0 && value % 7 === 0;
              records.push({ unit: `U${unit}`, year: 2000 + year, indicator, value: gap ? Number.NaN : value + unit * 3 + year });
            }
        const options: ComputeOptions = { normalize: configuration.normalize, aggregate: configuration.aggregate, missing: configuration.missing, power: configuration.power };
        let result: IndexResult;
        try {
          result = resultOf(tree.value, records, options);
        } catch (error) {
          if (error instanceof ValidationError) return; // a method that cannot apply (a constant indicator, ...)
          throw error;
        }
        const sensitivity = computeDropSensitivity(result);
        for (const drop of sensitivity.drops) {
          // The tree without the removed node and its descendants; its siblings' weights renormalised to their sum.
          const removedCodes = new Set<string>([drop.removed]);
          for (const row of rows) if (removedCodes.has(row.parent)) removedCodes.add(row.code);
          const kept = rows.filter((row) => !removedCodes.has(row.code));
          const reduced = buildTree(kept);
          if (!reduced.ok) throw new Error(reduced.issues.map((issue) => issue.message).join("\n"));
          const removedNode = result.nodes.find((node) => node.code === drop.removed)!;
          const siblings = result.nodes.filter((node) => node.parent === removedNode.parent && node.code !== drop.removed);
          const siblingSum = siblings.reduce((sum, node) => sum + node.weight, 0);
          const weights = new Map(result.nodes.filter((node) => node.code !== INDEX_CODE).map((node) => [node.code, node.weight] as const));
          for (const sibling of siblings) weights.set(sibling.code, sibling.weight / siblingSum);
          let full: IndexResult;
          try {
            full = resultOf(
              reduced.value,
              records.filter((record) => !removedCodes.has(record.indicator)),
              { ...options, weights },
            );
          } catch (error) {
            // Without the element a benefit-of-the-doubt group can have no frontier in a year (every unit scores 0 once
            // a "-" group is flipped), which computeIndex refuses: the drop's index is undefined for that whole year.
            if (!(error instanceof ValidationError) || !error.issues.every((issue) => issue.code === "E_AGGREGATE_UNDEFINED")) throw error;
            const undefinedYears = Array.from({ length: yearCount }, (_, year) => year).filter((year) =>
              Array.from({ length: unitCount }, (_, unit) => drop.index[unit * yearCount + year]).every(Number.isNaN),
            );
            expect(undefinedYears.length).toBeGreaterThan(0);
            continue;
          }
          const fullRanks = computeRanks(full, (node) => node.kind === "index").rank;
          for (let cell = 0; cell < unitCount * yearCount; cell++) {
            const expected = full.values[cell];
            const actual = drop.index[cell];
            if (Number.isNaN(expected)) expect(actual).toBeNaN();
            else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
            expect(drop.rank[cell]).toEqual(fullRanks[cell]);
          }
        }
      }),
      RUNS,
    );
  });
});
