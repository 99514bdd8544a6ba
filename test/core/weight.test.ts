import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { messagesZh } from "../../src/core/zh/messages.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";
import { globalWeights, resolveWeights } from "../../src/core/weight.js";

function tree(specs: [string, string, string, string][]): Tree {
  const rows: TreeRow[] = specs.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const built = buildTree(rows, "t.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

describe("resolveWeights", () => {
  it("gives equal weights to siblings whose weights are all empty", () => {
    const { weights, warnings } = resolveWeights(tree([["A", "", "", ""], ["A1", "A", "", "+"], ["A2", "A", "", "+"], ["A3", "A", "", "+"]]));
    expect(weights.get("A")).toBe(1);
    for (const code of ["A1", "A2", "A3"]) expect(weights.get(code)).toBeCloseTo(1 / 3, 15);
    expect(warnings).toEqual([]);
  });

  it("keeps weights that sum to 1 and warns about, then divides by, a sum that is not 1", () => {
    const { weights, warnings } = resolveWeights(
      tree([["A", "", "0.6", ""], ["A1", "A", "2", "+"], ["A2", "A", "6", "+"], ["B", "", "0.4", "-"]]),
    );
    expect(weights.get("A")).toBe(0.6);
    expect(weights.get("B")).toBe(0.4);
    // by hand: 2 / (2 + 6) = 0.25, 6 / 8 = 0.75
    expect(weights.get("A1")).toBe(0.25);
    expect(weights.get("A2")).toBe(0.75);
    expect(warnings).toEqual([
      expect.objectContaining({ code: "W_WEIGHTS_RENORMALISED", message: messages.weightsRenormalised("A", 8), line: 3 }),
    ]);
  });

  it("reads weights written as percentages (siblings summing to 100) as shares, without a warning", () => {
    const { weights, warnings } = resolveWeights(tree([["A", "", "50", "+"], ["B", "", "30", "+"], ["C", "", "20", "-"]]));
    // by hand: 50 / 100, 30 / 100, 20 / 100
    expect([weights.get("A"), weights.get("B"), weights.get("C")]).toEqual([0.5, 0.3, 0.2]);
    expect(warnings).toEqual([]);
    // 99 is not 100: that still warns
    expect(resolveWeights(tree([["A", "", "50", "+"], ["B", "", "49", "+"]])).warnings).toHaveLength(1);
  });

  it("refuses siblings whose weights are all 0", () => {
    const { issues } = resolveWeights(tree([["A", "", "0", "+"], ["B", "", "0", "+"]]));
    expect(issues).toEqual([expect.objectContaining({ code: "E_ZERO_WEIGHT_SUM", message: messages.zeroWeightSum("INDEX") })]);
  });

  it("names the overall index's children as the first-level nodes, not by the code INDEX the tree never names", () => {
    const { issues, warnings } = resolveWeights(tree([["A", "", "0", "+"], ["B", "", "0", "+"], ["C", "A", "2", "+"], ["D", "A", "3", "+"]]));
    expect(issues.map((issue) => issue.message)).toEqual(["the weights of the first-level nodes sum to 0; expected a positive sum"]);
    // Under any other node, the node is named.
    expect(warnings.map((warning) => warning.message)).toEqual(['the weights of the children of "A" sum to 5, not 1; they were divided by their sum']);
    expect(messagesZh.zeroWeightSum("INDEX")).toBe("各一级节点的权重之和为 0；权重之和应为正数");
    expect(messagesZh.zeroWeightSum("A")).toBe('"A" 的各下级节点的权重之和为 0；权重之和应为正数');
  });

  it("globalWeights multiplies the weights from the root down", () => {
    const t = tree([["A", "", "0.6", ""], ["A1", "A", "1", "+"], ["A2", "A", "3", "+"], ["B", "", "0.4", "-"]]);
    const global = globalWeights(t, resolveWeights(t).weights);
    // by hand: A2 = 0.6 * 3/4 = 0.45; A1 = 0.6 * 1/4 = 0.15
    expect(global.get("A2")).toBeCloseTo(0.45, 15);
    expect(global.get("A1")).toBeCloseTo(0.15, 15);
    expect(global.get("B")).toBe(0.4);
  });
});
