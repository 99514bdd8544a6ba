import { describe, expect, it } from "vitest";
import { compareRunValues, countRevisions, largestRevision, type RunValue } from "../../src/core/revision.js";

const value = (unit: string, year: number, code: string, v: number): RunValue => ({ unit, year, code, value: v });

describe("compareRunValues(kind, before, after)", () => {
  it("lists changed, added and removed values with the change and the change in percent of |before|", () => {
    const before = [value("U", 2018, "A", 10), value("U", 2018, "B", -4), value("U", 2018, "C", 1), value("U", 2018, "D", Number.NaN), value("U", 2018, "E", 0)];
    const after = [value("U", 2018, "A", 12), value("U", 2018, "B", -5), value("U", 2018, "D", 3), value("U", 2019, "A", 7), value("U", 2018, "E", 2)];
    const revisions = compareRunValues("input", before, after);
    expect(revisions.map(({ status, code, year, before, after, change, changePercent }) => [status, code, year, before, after, change, changePercent])).toEqual([
      ["changed", "A", 2018, 10, 12, 2, 20], // 100·2/10
      ["changed", "B", 2018, -4, -5, -1, -25], // 100·(-1)/|-4|
      ["added", "D", 2018, Number.NaN, 3, Number.NaN, Number.NaN], // a missing value filled in
      ["added", "A", 2019, Number.NaN, 7, Number.NaN, Number.NaN],
      ["changed", "E", 2018, 0, 2, 2, Number.NaN], // no percent of 0
      ["removed", "C", 2018, 1, Number.NaN, Number.NaN, Number.NaN],
    ]);
    expect(countRevisions(revisions, "input")).toEqual({ changed: 3, added: 2, removed: 1 });
    expect(countRevisions(revisions, "output")).toEqual({ changed: 0, added: 0, removed: 0 });
    expect(largestRevision(revisions, "input")?.code).toBe("A"); // |2| = |2| for E: the first one wins
    expect(largestRevision(revisions, "input", "B")?.change).toBe(-1);
  });

  it("equal values, and missing on both sides, are no revision", () => {
    const values = [value("", 2017, "INDEX", 100), value("", 2018, "INDEX", Number.NaN)];
    expect(compareRunValues("output", values, values.map((v) => ({ ...v })))).toEqual([]);
  });
});
