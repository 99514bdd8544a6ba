/** index.json: what its nodes say of each indicator's own missing-value policy; the weights BoD chose. */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../../src/core/compute.js";
import { indexJsonChunks } from "../../../src/io/write/result-chunks.js";
import { formatIndexJson, formatIndexJsonWithoutResults } from "../../../src/io/write/to-json.js";
import { textOf } from "../../helpers.js";
import { panelOf, SMALL, smallTree } from "../../core/small.js";
import { bodCase } from "../../core/aggregate/bod-case.js";

/** The small fixture with U1's 2018 values of X1 and X2 missing; X1 and X2 have their own policy, Y1 the run's. */
function ownPoliciesResult() {
  const tree = smallTree({ X1: { missing: "interpolate" }, X2: { missing: "mean" } });
  const values = { U1: { X1: [10, Number.NaN, 15], X2: [50, Number.NaN, 25], Y1: [200, 210, 190] }, U2: SMALL.U2 };
  return computeIndex(tree, panelOf(tree, values));
}

describe("index.json nodes", () => {
  it("give an indicator's own missing-value policy as its `missing`, after its method, and none elsewhere", () => {
    const json = JSON.parse(formatIndexJson(ownPoliciesResult()));
    expect(json.options.missing).toBe("error");
    // The weights by hand: X 0.6 and Y 0.4 from the tree, X1 and X2 half of X each, Y1 all of Y; names are the codes,
    // so the overall index is "Index" (no Chinese name in the tree).
    expect(json.nodes).toStrictEqual([
      { code: "INDEX", name: "Index", nameEn: "Overall index", level: 0, kind: "index", parent: null, weight: 1, method: "arithmetic" },
      { code: "X", name: "X", level: 1, kind: "group", parent: "INDEX", weight: 0.6, method: "arithmetic" },
      { code: "X1", name: "X1", level: 2, kind: "indicator", parent: "X", weight: 0.5, method: "fixed-base", missing: "interpolate" },
      { code: "X2", name: "X2", level: 2, kind: "indicator", parent: "X", weight: 0.5, method: "fixed-base", missing: "mean" },
      { code: "Y", name: "Y", level: 1, kind: "group", parent: "INDEX", weight: 0.4, method: "arithmetic" },
      { code: "Y1", name: "Y1", level: 2, kind: "indicator", parent: "Y", weight: 1, method: "fixed-base" },
    ]);
    // The key order as written: `missing` last, after `method`.
    expect(Object.keys(json.nodes[2])).toEqual(["code", "name", "level", "kind", "parent", "weight", "method", "missing"]);
    // What was done, cell by cell: X1 2018 = (10 + 15)/2 = 12.5 (interpolated), X2 2018 = U2's 8 (the other unit's mean).
    expect(json.imputations).toEqual([
      { unit: "U1", year: 2018, indicator: "X1", method: "interpolate", value: 12.5 },
      { unit: "U1", year: 2018, indicator: "X2", method: "mean", value: 8 },
    ]);
  });

  it("are the same in the chunked writer and in the index.json of a --parquet-only run", () => {
    const result = ownPoliciesResult();
    const nodes = JSON.parse(formatIndexJson(result)).nodes;
    expect(textOf(indexJsonChunks(result))).toBe(formatIndexJson(result));
    expect(JSON.parse(formatIndexJsonWithoutResults(result)).nodes).toStrictEqual(nodes);
  });
});

describe("index.json bodWeights", () => {
  it("are written last, the same in the one-string writer, the chunked one and a --parquet-only run's", () => {
    // bodCase's G (BoD over X1 and X2, units A, B, C, 2020-2021): 2 children × 3 units × 2 years = 12 weights.
    const { result } = bodCase();
    const json = JSON.parse(formatIndexJson(result));
    expect(Object.keys(json).at(-1)).toBe("bodWeights");
    expect(json.bodWeights.G).toHaveLength(12);
    expect(textOf(indexJsonChunks(result))).toBe(formatIndexJson(result));
    const withoutResults = JSON.parse(formatIndexJsonWithoutResults(result));
    expect(withoutResults.bodWeights).toStrictEqual(json.bodWeights);
    expect(Object.keys(withoutResults).at(-1)).toBe("bodWeights");
  });
});
