/**
 * Invariants of the methods, checked with fast-check on random trees and panels: the base year is 100 under
 * fixed-base whatever the aggregation; equal weights with the arithmetic mean give the plain mean; raising a `+`
 * indicator never lowers the index under the monotone methods; permuting units or indicators permutes the output.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACROSS_UNIT_METHODS, AGGREGATE_METHODS, aggregateHarmonic, aggregateMazziottaPareto, type AggregateMethod } from "../../src/core/aggregate.js";
import { computeIndex, resultIndex, type ComputeOptions, type IndexResult } from "../../src/core/compute.js";
import { NORMALIZE_METHODS, type NormalizeMethod } from "../../src/core/normalize.js";
import { buildPanel, type ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import { ValidationError } from "../../src/errors.js";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

/** A random two-level tree (groups of indicators) with values for every unit and year. */
interface Case {
  groups: { weight: number; indicators: { weight: number; direction: "+" | "-" }[] }[];
  unitCount: number;
  yearCount: number;
  /** values[indicator][unit][year], indicators numbered across groups in order */
  values: number[][][];
  baseYear: number;
}

const caseArbitrary = (minUnits = 1): fc.Arbitrary<Case> =>
  fc
    .record({
      groups: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 9 }),
          indicators: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), direction: fc.constantFrom("+" as const, "-" as const) }), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      unitCount: fc.integer({ min: minUnits, max: 4 }),
      yearCount: fc.integer({ min: 2, max: 4 }),
    })
    .chain((shape) => {
      const indicatorCount = shape.groups.reduce((count, group) => count + group.indicators.length, 0);
      // the first indicator is positive, so every case has one to raise
      shape.groups[0].indicators[0].direction = "+";
      return fc.record({
        values: fc.array(
          fc.array(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: shape.yearCount, maxLength: shape.yearCount }), {
            minLength: shape.unitCount,
            maxLength: shape.unitCount,
          }),
          { minLength: indicatorCount, maxLength: indicatorCount },
        ),
        baseYear: fc.integer({ min: 0, max: shape.yearCount - 1 }),
      }).map((data) => ({ ...shape, ...data }));
    });

const code = (i: number) => `I${i}`;

/** Tree rows (with goalposts 0..1000 and a target of 500 on every indicator), in tree order. */
function treeRows(testCase: Case, equalWeights = false): TreeRow[] {
  const rows: TreeRow[] = [];
  let i = 0;
  testCase.groups.forEach((group, g) => {
    rows.push({ code: `G${g}`, parent: "", name: `G${g}`, weight: equalWeights ? "" : String(group.weight), direction: "" });
    for (const indicator of group.indicators)
      rows.push({
        code: code(i++),
        parent: `G${g}`,
        name: "",
        weight: equalWeights ? "" : String(indicator.weight),
        direction: indicator.direction,
        attributes: { min: "0", max: "1000", target: "500" },
      });
  });
  return rows.map((row, line) => ({ ...row, line: line + 2 }));
}

function records(testCase: Case, unitOrder?: number[]): ValueRecord[] {
  const units = unitOrder ?? [...Array(testCase.unitCount).keys()];
  return units.flatMap((unit) =>
    testCase.values.flatMap((series, i) => series[unit].map((value, year) => ({ unit: `U${unit}`, year: 2000 + year, indicator: code(i), value }))),
  );
}

function run(rows: TreeRow[], values: ValueRecord[], options: ComputeOptions): IndexResult | undefined {
  const tree = buildTree(rows);
  if (!tree.ok) throw new Error(tree.issues.map((issue) => issue.message).join("\n"));
  const panel = buildPanel(tree.value, values);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  try {
    return computeIndex(tree.value, panel.value, options);
  } catch (error) {
    if (error instanceof ValidationError) return undefined; // a method that cannot apply (e.g. a constant indicator)
    throw error;
  }
}

/** Every value of `result` by (code, unit name, year). */
function byName(result: IndexResult): Map<string, number> {
  const map = new Map<string, number>();
  result.nodes.forEach((node, n) =>
    result.units.forEach((unit, u) => result.years.forEach((year, y) => map.set(`${node.code}|${unit}|${year}`, result.values[resultIndex(result, n, u, y)]))),
  );
  return map;
}

const closeTo = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

const optionsFor = (method: NormalizeMethod, testCase: Case, aggregate: AggregateMethod): ComputeOptions => ({
  normalize: method,
  aggregate,
  baseYear: 2000 + testCase.baseYear,
  ...(method === "distance-to-reference" ? { referenceUnit: "U0" } : {}),
  ...(aggregate === "power" ? { power: 0.5 } : {}),
});

describe("properties", () => {
  it("the base year is exactly 100 at every node under fixed-base, whatever the aggregation, cap or dampening", () => {
    fc.assert(
      fc.property(
        caseArbitrary(),
        // Copeland and benefit of the doubt score units against each other, on scales of their own.
        fc.constantFrom(...AGGREGATE_METHODS.filter((method) => !ACROSS_UNIT_METHODS.includes(method))),
        fc.constantFrom(undefined, 150, 300),
        fc.constantFrom(undefined, "log" as const, "sqrt" as const),
        (testCase, aggregate, cap, dampen) => {
          const result = run(treeRows(testCase), records(testCase), { ...optionsFor("fixed-base", testCase, aggregate), cap, dampen });
          // log dampening scores r < 1/e below 0, which a geometric, harmonic or MPI aggregation rejects
          fc.pre(result !== undefined);
          for (let node = 0; node < result!.nodes.length; node++)
            for (let unit = 0; unit < testCase.unitCount; unit++) expect(result!.values[resultIndex(result, node, unit, testCase.baseYear)]).toBe(100);
        },
      ),
      RUNS,
    );
  });

  it("equal weights with the arithmetic mean give the plain mean of the children", () => {
    fc.assert(
      fc.property(caseArbitrary(2), fc.constantFrom(...NORMALIZE_METHODS), (testCase, method) => {
        const result = run(treeRows(testCase, true), records(testCase), optionsFor(method, testCase, "arithmetic"));
        fc.pre(result !== undefined);
        const values = byName(result!);
        for (let unit = 0; unit < testCase.unitCount; unit++)
          for (let year = 0; year < testCase.yearCount; year++) {
            const at = (node: string) => values.get(`${node}|U${unit}|${2000 + year}`)!;
            let i = 0;
            const groupMeans = testCase.groups.map((group, g) => {
              const scores = group.indicators.map(() => at(code(i++)));
              const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
              expect(closeTo(at(`G${g}`), mean)).toBe(true);
              return mean;
            });
            expect(closeTo(at("INDEX"), groupMeans.reduce((sum, mean) => sum + mean, 0) / groupMeans.length)).toBe(true);
          }
      }),
      RUNS,
    );
  });

  // The MPI is left out on purpose: it is not monotone (raising a child that is already high raises the penalty).
  const MONOTONE: [NormalizeMethod, AggregateMethod[]][] = [
    ["fixed-base", ["arithmetic", "geometric", "harmonic"]],
    ["chain", ["arithmetic", "geometric", "harmonic"]],
    ["distance-to-target", ["arithmetic", "geometric", "harmonic"]],
    ["distance-to-reference", ["arithmetic", "geometric", "harmonic"]],
    ["min-max-goalposts", ["arithmetic", "geometric", "harmonic"]],
    ["z-score", ["arithmetic", "geometric", "harmonic"]],
    ["z-score-year", ["arithmetic", "geometric", "harmonic"]],
    ["rank", ["arithmetic", "geometric", "harmonic"]],
    ["min-max", ["arithmetic"]],
    ["min-max-year", ["arithmetic"]],
  ];
  it.each(MONOTONE)("raising a + indicator never lowers the unit's index: %s", (method, aggregates) => {
    fc.assert(
      fc.property(
        caseArbitrary(2),
        fc.constantFrom(...aggregates),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (testCase, aggregate, unitPick, yearPick, raise) => {
          const unit = unitPick % testCase.unitCount;
          // a ratio to the unit's own base year cannot rise in the base year itself (it is 100 by definition)
          let year = yearPick % testCase.yearCount;
          if (year === testCase.baseYear) year = (year + 1) % testCase.yearCount;
          const options = optionsFor(method, testCase, aggregate);
          const before = run(treeRows(testCase), records(testCase), options);
          const raised: Case = { ...testCase, values: testCase.values.map((series, i) => (i === 0 ? series.map((row, u) => (u === unit ? row.map((value, y) => (y === year ? value + raise : value)) : row)) : series)) };
          const after = run(treeRows(raised), records(raised), options);
          fc.pre(before !== undefined && after !== undefined);
          const key = `INDEX|U${unit}|${2000 + year}`;
          const [old, now] = [byName(before!).get(key)!, byName(after!).get(key)!];
          expect(now).toBeGreaterThanOrEqual(old - 1e-9 * Math.abs(old));
        },
      ),
      RUNS,
    );
  });

  it("permuting the units permutes the output", () => {
    fc.assert(
      fc.property(caseArbitrary(2), fc.constantFrom(...NORMALIZE_METHODS), fc.constantFrom(...AGGREGATE_METHODS), (testCase, method, aggregate) => {
        const options = optionsFor(method, testCase, aggregate);
        const reversed = [...Array(testCase.unitCount).keys()].reverse();
        const forward = run(treeRows(testCase), records(testCase), options);
        const backward = run(treeRows(testCase), records(testCase, reversed), options);
        expect(backward === undefined).toBe(forward === undefined); // the same problems whatever the order
        fc.pre(forward !== undefined);
        expect(backward!.units).toEqual(reversed.map((unit) => `U${unit}`));
        const [a, b] = [byName(forward!), byName(backward!)];
        for (const [key, value] of a) expect(Number.isNaN(value) ? Number.isNaN(b.get(key)!) : closeTo(b.get(key)!, value), key).toBe(true);
      }),
      RUNS,
    );
  });

  it("permuting the indicators (and groups) of the tree permutes the output", () => {
    fc.assert(
      fc.property(caseArbitrary(2), fc.constantFrom(...NORMALIZE_METHODS), fc.constantFrom(...AGGREGATE_METHODS), (testCase, method, aggregate) => {
        const options = optionsFor(method, testCase, aggregate);
        const rows = treeRows(testCase);
        const forward = run(rows, records(testCase), options);
        const backward = run([...rows].reverse(), records(testCase), options);
        expect(backward === undefined).toBe(forward === undefined);
        fc.pre(forward !== undefined);
        const [a, b] = [byName(forward!), byName(backward!)];
        for (const [key, value] of a) expect(closeTo(b.get(key)!, value), key).toBe(true);
      }),
      RUNS,
    );
  });

  it("the MPI of two equally weighted children is their harmonic mean (an identity: ((a+b)/2)² − ((a−b)/2)² = ab)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), (a, b) => {
        const mpi = aggregateMazziottaPareto([[a], [b]], [1, 1], new Float64Array(1))[0];
        const harmonic = aggregateHarmonic([[a], [b]], [1, 1], new Float64Array(1))[0];
        expect(closeTo(mpi, harmonic)).toBe(true);
      }),
    );
  });
});
