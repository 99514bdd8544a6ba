/**
 * The dashboard's data: built from a result of the small fixture (hand-checked values), the `source` column placed on
 * its cell, gaps as null, and the JSON text safe inside a <script> element.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex } from "../../../../src/core/compute.js";
import { messages } from "../../../../src/core/messages.js";
import { buildPanel } from "../../../../src/core/panel.js";
import { buildTree } from "../../../../src/core/tree.js";
import type { Tree } from "../../../../src/core/types.js";
import { buildDashboardData, formatDashboardJson } from "../../../../src/io/report/dashboard/data.js";
import { inlineScript } from "../../../../src/io/report/dashboard/to-dashboard.js";
import { valueProvenance } from "../../../../src/io/report/provenance.js";
import { bodCase } from "../../../core/aggregate/bod-case.js";

/** The small fixture's tree: X (0.6) = mean of X1 and X2 (negative), Y (0.4) = Y1. */
function smallTree(): Tree {
  const rows = [
    { code: "X", parent: "", name: "维度X", nameEn: "Dimension X", weight: "0.6", direction: "", line: 2 },
    { code: "X1", parent: "X", name: "指标1", weight: "", direction: "+", line: 3 },
    { code: "X2", parent: "X", name: "指标2", weight: "", direction: "-", line: 4 },
    { code: "Y", parent: "", name: "维度Y", weight: "0.4", direction: "", line: 5 },
    { code: "Y1", parent: "Y", name: "指标3", weight: "", direction: "+", line: 6 },
  ];
  const built = buildTree(rows as never);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value;
}

function smallResult(tree: Tree) {
  const records = [
    { unit: "U1", year: 2017, indicator: "X1", value: 10, source: "published" },
    { unit: "U1", year: 2018, indicator: "X1", value: 12, source: "illustrative" },
    { unit: "U1", year: 2017, indicator: "X2", value: 50 },
    { unit: "U1", year: 2018, indicator: "X2", value: 40 },
    { unit: "U1", year: 2017, indicator: "Y1", value: 4 },
    { unit: "U1", year: 2018, indicator: "Y1", value: Number.NaN },
  ];
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
  return { result: computeIndex(tree, panel.value, { missing: "carry-forward" }), records };
}

describe("buildDashboardData", () => {
  it("writes each warning with its file and line, as the static page and the terminal do", () => {
    const tree = smallTree();
    const { result } = smallResult(tree);
    const warnings = [
      { code: "W_TEST", message: "a warning of a cell", source: "values.csv", line: 7, column: 3 },
      { code: "W_TEST", message: "a warning of the run" },
    ];
    const data = buildDashboardData({ ...result, warnings }, tree, "zh", 2);
    expect(data.warnings).toEqual(["values.csv:7:3: a warning of a cell", "a warning of the run"]);
  });

  it("writes a catalogue's warning in the page's language (src/core/zh/messages.ts's words on a Chinese page)", () => {
    const tree = smallTree();
    const { result } = smallResult(tree);
    const warnings = [{ code: "W_WEIGHTS_RENORMALISED", message: messages.weightsRenormalised("INDEX", 1.1), source: "tree.csv", line: 2 }];
    expect(buildDashboardData({ ...result, warnings }, tree, "zh", 2).warnings).toEqual(['tree.csv:2: 各一级节点的权重之和为 1.1，不等于 1；已将各权重除以其和']);
    expect(buildDashboardData({ ...result, warnings }, tree, "en", 2).warnings).toEqual([
      'tree.csv:2: the weights of the first-level nodes sum to 1.1, not 1; they were divided by their sum',
    ]);
  });

  it("keeps the result's values, puts each source on its cell and writes gaps as null", () => {
    const tree = smallTree();
    const { result, records } = smallResult(tree);
    const data = buildDashboardData(result, tree, "zh", 2, { title: "标题", records });
    // INDEX 2018 by hand: X1 = 100·12/10 = 120, X2 (negative) = 100·50/40 = 125, X = (120 + 125)/2 = 122.5;
    // Y1 carried forward = 100; INDEX = 0.6·122.5 + 0.4·100 = 113.5
    expect(data.values[resultIndex(result, 0, 0, 1)]).toBeCloseTo(113.5, 12);
    expect(data.values).toEqual(Array.from(result.values));
    const y1 = data.compute.panelIndicators.indexOf("Y1");
    expect(data.raw[y1 * 2 + 1]).toBeNull();
    const x1 = data.compute.panelIndicators.indexOf("X1");
    expect(data.sourceLabels[data.sources[x1 * 2]]).toBe("published");
    expect(data.sourceLabels[data.sources[x1 * 2 + 1]]).toBe("illustrative");
    expect(data.sources[data.compute.panelIndicators.indexOf("X2") * 2]).toBe(-1);
    expect(data.imputations).toEqual([["Y1", "U1", 2018, "carry-forward", 4]]);
    expect(data.title).toBe("标题");
    // the tree's empty weights (equal weights) stay empty; explicit weights stay out of the options
    expect(data.compute.nodes.find((node) => node.code === "X1")!.weight).toBeNull();
    expect(data.compute.options.weights).toBeUndefined();
    expect(data.compute.options.missing).toBe("carry-forward");
  });

  it("names the methods in the page's two languages: as given in English, in Chinese as the static page does", () => {
    const tree = smallTree();
    const data = buildDashboardData(smallResult(tree).result, tree, "zh", 2);
    expect(data.method).toEqual({ normalize: "fixed-base", aggregate: "arithmetic", weighting: "explicit", missing: "carry-forward" });
    expect(data.methodZh).toEqual({ normalize: "定基指数", aggregate: "加权算术平均", weighting: "指标体系给定权重", missing: "沿用上一年" });
  });

  it("without a source column holds no per-cell source list", () => {
    const tree = smallTree();
    const { result } = smallResult(tree);
    expect(buildDashboardData(result, tree, "en", 2).sources).toEqual([]);
  });

  it("holds the notice of illustrative values in both languages (the page switches), and none without one", () => {
    const tree = smallTree();
    const { result, records } = smallResult(tree);
    // 5 values (Y1 2018 is a gap), X1 2018 marked illustrative: 1 of 5
    const provenance = valueProvenance(result, records);
    expect(provenance).toEqual({ values: 5, illustrative: 1 });
    expect(buildDashboardData(result, tree, "zh", 2, { records, provenance }).notice).toEqual({
      zh: "5 个数值中有 1 个是示意数据，并非已发布的数据。",
      en: "1 of 5 values is illustrative, not published.",
    });
    expect(buildDashboardData(result, tree, "zh", 2, { records, provenance: valueProvenance(result) }).notice).toBeUndefined();
    expect(buildDashboardData(result, tree, "zh", 2, { records }).notice).toBeUndefined();
  });

  it("holds the weights benefit of the doubt chose, for its groups only, as the result has them; none without BoD", () => {
    // The hand-worked case (test/core/aggregate/bod-weights.test.ts): G by BoD, [(child * 3 + unit) * 2 + year]:
    // X1 A 1, 5/3; B 0, 0; C 1, 4/3; X2 A 0, 0; B 1, 1; C 1, 1 (on the score's scale: C's 2021 weights sum to 7/3).
    const { tree, result } = bodCase();
    const data = buildDashboardData(result, tree, "en", 2);
    expect(Object.keys(data.bodWeights!)).toEqual(["G"]);
    expect(data.bodWeights!.G.map((weight) => Number(weight!.toFixed(10)))).toEqual([1, 5 / 3, 0, 0, 1, 4 / 3, 0, 0, 1, 1, 1, 1].map((weight) => Number(weight.toFixed(10))));
    // through the page's JSON unchanged
    expect((JSON.parse(formatDashboardJson(data)) as typeof data).bodWeights).toEqual(data.bodWeights);
    const smallTreeValue = smallTree();
    expect("bodWeights" in buildDashboardData(smallResult(smallTreeValue).result, smallTreeValue, "en", 2)).toBe(false);
  });
});

describe("formatDashboardJson and inlineScript", () => {
  it("write no <, U+2028 or U+2029, and the JSON reads back the same", () => {
    const tree = smallTree();
    const { result } = smallResult(tree);
    const hostile = "</script><!--<script>\u2028\u2029";
    const data = buildDashboardData(result, tree, "zh", 2, { title: hostile, description: hostile });
    const text = formatDashboardJson(data);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(JSON.parse(text).title).toBe(hostile);
  });

  it("inlineScript escapes </script and <!-- in a script's text", () => {
    expect(inlineScript('a = "</script>"; b = "<!--"; c = "</SCRIPT>"')).toBe('a = "<\\/script>"; b = "<\\!--"; c = "<\\/SCRIPT>"');
  });
});
