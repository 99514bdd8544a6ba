import { describe, expect, it } from "vitest";
import { compareRunWeights, type RunWeight } from "../../src/core/weight-revision.js";

const node = (code: string, weight: number, globalWeight = Number.NaN): RunWeight => ({ code, weight, globalWeight });

describe("compareRunWeights", () => {
  it("lists changed weights, then added and removed nodes, within the parent, then in the overall index", () => {
    // Before: A 0.8 (A1, A2 0.5 each), B 0.2 (B1 1). After: A2 gone (A1 1), B2 new beside B1 (0.5 each).
    // A1 0.5 -> 1 (+0.5, +100 %), B1 1 -> 0.5 (−0.5, −50 %); in the index A1 0.4 -> 0.8, B1 0.2 -> 0.1.
    const before = { nodes: [node("A", 0.8, 0.8), node("A1", 0.5, 0.4), node("A2", 0.5, 0.4), node("B", 0.2, 0.2), node("B1", 1, 0.2)], globalWeights: true };
    const after = { nodes: [node("A", 0.8, 0.8), node("A1", 1, 0.8), node("B", 0.2, 0.2), node("B1", 0.5, 0.1), node("B2", 0.5, 0.1)], globalWeights: true };
    const rows = compareRunWeights(before, after).map((r) => [r.kind, r.status, r.code, r.before, r.after, r.change, r.changePercent]);
    expect(rows).toEqual([
      ["weight", "changed", "A1", 0.5, 1, 0.5, 100],
      ["weight", "changed", "B1", 1, 0.5, -0.5, -50],
      ["weight", "added", "B2", Number.NaN, 0.5, Number.NaN, Number.NaN],
      ["weight", "removed", "A2", 0.5, Number.NaN, Number.NaN, Number.NaN],
      ["global_weight", "changed", "A1", 0.4, 0.8, 0.4, 100],
      ["global_weight", "changed", "B1", 0.2, 0.1, -0.1, -50],
      ["global_weight", "added", "B2", Number.NaN, 0.1, Number.NaN, Number.NaN],
      ["global_weight", "removed", "A2", 0.4, Number.NaN, Number.NaN, Number.NaN],
    ]);
  });

  it("compares runs that wrote their weights to different places at the fewer (a reviewer's case: --decimals 8)", () => {
    // 2/3 written to 6 places, 0.666667, and to 8, 0.66666667: the same weight. 0.75 against 0.80000000 still changed,
    // by -0.05 (both to 6 places: 0.75 and 0.8).
    const six = { nodes: [node("A", 0.666667, 0.666667), node("B", 0.75, 0.75)], globalWeights: true, decimals: 6 };
    const eight = { nodes: [node("A", 0.66666667, 0.66666667), node("B", 0.8, 0.8)], globalWeights: true, decimals: 8 };
    expect(compareRunWeights(six, eight).map((r) => [r.kind, r.code, r.before, r.after, r.change])).toEqual([
      ["weight", "B", 0.75, 0.8, 0.05],
      ["global_weight", "B", 0.75, 0.8, 0.05],
    ]);
    // Without the places known (weights given in code), bit for bit: A differs.
    expect(compareRunWeights({ ...six, decimals: undefined }, eight).map((r) => r.code)).toEqual(["A", "B", "A", "B"]);
  });

  it("gives the change of the weights as shown, exact in decimal: 0.3 − 0.1 is 0.2, not 0.19999999999999998", () => {
    expect(0.3 - 0.1).toBe(0.19999999999999998);
    const [revision] = compareRunWeights({ nodes: [node("A", 0.1)], globalWeights: false }, { nodes: [node("A", 0.3)], globalWeights: false });
    expect(revision.change).toBe(0.2);
    expect(revision.changePercent).toBe(200); // 100·0.2/0.1
  });

  it("has no revision for equal weights, no percent from a weight of 0, and no global weights unless both runs recorded them", () => {
    const same = { nodes: [node("A", 0.5, 0.5), node("B", 0.5, 0.5)], globalWeights: true };
    expect(compareRunWeights(same, same)).toEqual([]);
    // A 0 -> 0.25: +0.25, no percent of nothing. The global weights differ but one run has no such column: not compared.
    const revisions = compareRunWeights({ nodes: [node("A", 0, 0)], globalWeights: true }, { nodes: [node("A", 0.25)], globalWeights: false });
    expect(revisions).toEqual([{ kind: "weight", status: "changed", code: "A", before: 0, after: 0.25, change: 0.25, changePercent: Number.NaN }]);
  });

  it("takes a missing weight (NaN) for a node without one: added or removed, not changed", () => {
    const revisions = compareRunWeights({ nodes: [node("A", Number.NaN), node("B", 1)], globalWeights: false }, { nodes: [node("A", 1), node("B", Number.NaN)], globalWeights: false });
    expect(revisions.map((r) => [r.status, r.code])).toEqual([
      ["added", "A"],
      ["removed", "B"],
    ]);
  });
});
