import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRunTables, RunValueIndex, tallyRunTables } from "../../src/core/revision-table.js";
import { compareRunValues, countRevisions, largestRevision, type RunValue } from "../../src/core/revision.js";

const value = (unit: string, year: number, code: string, v: number): RunValue => ({ unit, year, code, value: v });

/** Both runs' values as tables over one index, compared. */
function compareAsTables(kind: "input" | "output", before: readonly RunValue[], after: readonly RunValue[]) {
  const index = new RunValueIndex();
  const [old, current] = [index.table(), index.table()];
  // Interleaved, so that codes and pairs first seen in either run are added while both tables are being filled.
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (i < before.length) old.set(before[i].unit, before[i].year, before[i].code, before[i].value);
    if (i < after.length) current.set(after[i].unit, after[i].year, after[i].code, after[i].value);
  }
  return compareRunTables(kind, old, current);
}

/** Counts and largest changes of both runs' values as tables over one index. */
function tallyAsTables(kind: "input" | "output", before: readonly RunValue[], after: readonly RunValue[], code: string) {
  const index = new RunValueIndex();
  const [old, current] = [index.table(), index.table()];
  for (const v of before) old.set(v.unit, v.year, v.code, v.value);
  for (const v of after) current.set(v.unit, v.year, v.code, v.value);
  return tallyRunTables(kind, old, current, code);
}

/** A run's values: few units, years and codes so that the runs share many keys; some keys twice. */
const runArbitrary = (codes: number) =>
  fc.array(
    fc.record({
      unit: fc.constantFrom("", "U1", "U2", "常州"),
      year: fc.integer({ min: 2017, max: 2020 }),
      code: fc.integer({ min: 0, max: codes - 1 }).map((n) => (n === 0 ? "INDEX" : `I${n}`)),
      // A small pool of values (so that many are equal in both runs), missing values, 0 and -0, and any double.
      value: fc.oneof(fc.constantFrom(0, -0, 1, 2.5, -4, 100, Number.NaN), fc.double()),
    }),
    { maxLength: 120 },
  );

describe("compareRunTables(kind, before, after)", () => {
  it("lists the revisions of the hand-worked example of compareRunValues", () => {
    const before = [value("U", 2018, "A", 10), value("U", 2018, "B", -4), value("U", 2018, "C", 1), value("U", 2018, "D", Number.NaN), value("U", 2018, "E", 0)];
    const after = [value("U", 2018, "A", 12), value("U", 2018, "B", -5), value("U", 2018, "D", 3), value("U", 2019, "A", 7), value("U", 2018, "E", 2)];
    expect(compareAsTables("input", before, after).map(({ status, code, year, before, after, change, changePercent }) => [status, code, year, before, after, change, changePercent])).toEqual([
      ["changed", "A", 2018, 10, 12, 2, 20], // 100·2/10
      ["changed", "B", 2018, -4, -5, -1, -25], // 100·(-1)/|-4|
      ["added", "D", 2018, Number.NaN, 3, Number.NaN, Number.NaN],
      ["added", "A", 2019, Number.NaN, 7, Number.NaN, Number.NaN],
      ["changed", "E", 2018, 0, 2, 2, Number.NaN],
      ["removed", "C", 2018, 1, Number.NaN, Number.NaN, Number.NaN],
    ]);
  });

  it("0 and -0 differ bit for bit, as in compareRunValues", () => {
    const revisions = compareAsTables("output", [value("", 2017, "INDEX", 0)], [value("", 2017, "INDEX", -0)]);
    expect(revisions).toHaveLength(1);
    expect(Object.is(revisions[0].after, -0)).toBe(true);
  });

  it("gives exactly the revisions of compareRunValues, in the same order, on random pairs of runs", () => {
    // The reference is the comparison of values as objects (a Map by key); the tables must agree on every field, for
    // few codes and for more codes than the first stride of the index (64), which lays the tables out anew.
    for (const codes of [6, 150])
      fc.assert(
        fc.property(runArbitrary(codes), runArbitrary(codes), fc.constantFrom("input" as const, "output" as const), (before, after, kind) => {
          const revisions = compareRunValues(kind, before, after);
          expect(compareAsTables(kind, before, after)).toEqual(revisions);
          // The tally without the list: the counts and largest changes of the list (here of INDEX and of any code).
          expect(tallyAsTables(kind, before, after, "INDEX")).toEqual({
            counts: countRevisions(revisions, kind),
            largest: largestRevision(revisions, kind),
            largestOfCode: largestRevision(revisions, kind, "INDEX"),
          });
        }),
        { numRuns: 300 },
      );
  });

  it("agrees with compareRunValues on full grids of many codes, first seen in either run", () => {
    // Every unit, year and code (150 codes, so the index's stride grows from 64 to 256 while the tables are filled);
    // each cell missing, kept or changed at random.
    const grid = (codes: number) =>
      fc.array(fc.constantFrom(Number.NaN, 1, 2, -0), { minLength: 2 * 3 * codes, maxLength: 2 * 3 * codes }).map((values) =>
        values.map((v, i) => value(`U${Math.floor(i / (3 * codes))}`, 2017 + (Math.floor(i / codes) % 3), `C${i % codes}`, v)),
      );
    fc.assert(
      fc.property(grid(150), grid(150), (before, after) => {
        const reversed = [...after].reverse(); // codes and pairs in another order than before's
        expect(compareAsTables("output", before, reversed)).toEqual(compareRunValues("output", before, reversed));
      }),
      { numRuns: 30 },
    );
  });
});
