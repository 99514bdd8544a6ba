/** The method names of the reports' method lines, in Chinese and English. */
import { describe, expect, it } from "vitest";
import { AGGREGATE_METHODS } from "../../../src/core/aggregate/methods.js";
import { NORMALIZE_METHODS } from "../../../src/core/normalize/methods.js";
import { WEIGHT_METHODS } from "../../../src/core/weighting/derive.js";
import { MISSING_POLICIES } from "../../../src/core/missing.js";
import { computeIndex } from "../../../src/core/compute.js";
import { panelOf, SMALL, smallTree } from "../../core/small.js";
import {
  aggregationText,
  changeMissingText,
  columnTitle,
  metaText,
  methodName,
  methodNames,
  missingText,
  uncertaintyWordsOf,
  wordsOf,
  rankChangeText,
  shareText,
  unitListText,
  workbookColumnTitle,
  workbookSheetOf,
} from "../../../src/io/report/labels.js";

describe("method names", () => {
  it("every normalisation, aggregation, weighting and missing-value policy has a Chinese name (none shown in English on a Chinese page)", () => {
    for (const method of [...NORMALIZE_METHODS, ...AGGREGATE_METHODS, ...WEIGHT_METHODS, ...MISSING_POLICIES])
      expect(methodName(method, "zh"), method).not.toBe(method);
    expect(methodName("mpi", "zh")).toBe("Mazziotta–Pareto 指数（MPI）");
    expect([methodName("mean", "zh"), methodName("median", "zh"), methodName("mean", "en")]).toEqual(["均值插补", "中位数插补", "mean"]);
    expect(methodName("arithmetic", "en")).toBe("arithmetic");
  });

  it("names min-max 极差标准化 (the term of README.zh-CN.md and docs/methods.md), on every page that names it", () => {
    expect(methodName("min-max", "zh")).toBe("极差标准化");
    expect(methodName("min-max-year", "zh")).toBe("逐年极差标准化");
    expect(methodName("distance-to-reference", "zh")).toBe("参照评价对象比率");
  });

  it("aggregationText names a power mean's exponent and each level's method in words, not the flag's 0=", () => {
    expect(aggregationText({ aggregate: "geometric", aggregateByLevel: { 0: "arithmetic" } }, "zh")).toBe("加权几何平均；总指数层 加权算术平均");
    expect(aggregationText({ aggregate: "power", power: 0.5, aggregateByLevel: { 2: "harmonic" } }, "zh")).toBe("加权幂平均（p=0.5）；第2层 加权调和平均");
    expect(aggregationText({ aggregate: "geometric", aggregateByLevel: { 0: "arithmetic" } }, "en")).toBe("geometric; level 0 arithmetic");
    expect(aggregationText({ aggregate: "power", power: -1 }, "en")).toBe("power (p = -1)");
  });
});

describe("workbookSheetOf", () => {
  it("writes a table's method and group cells in Chinese for a Chinese workbook, and leaves them in English", () => {
    const table = {
      name: "imputations",
      columns: [{ name: "indicator", kind: "text" as const }, { name: "method", kind: "text" as const }, { name: "group", kind: "text" as const }],
      rows: [
        ["A1", "interpolate", "strong"],
        ["A2", "winsorise-high", "leader"],
        ["A3", "total", "emerging"],
      ],
    };
    expect(workbookSheetOf(table, "zh").rows).toEqual([
      ["A1", "线性插值", "强劲创新者"],
      ["A2", "缩尾（上端）", "创新领先者"],
      ["A3", "合计", "新兴创新者"],
    ]);
    expect(workbookSheetOf(table, "en").rows).toEqual(table.rows);
    expect(workbookSheetOf(table, "zh").name).toBe("插补与重新加权");
  });

  it("shows a share as a percentage and a rank change with its direction (the cells keep their numbers)", () => {
    const table = {
      name: "ranks",
      columns: [{ name: "unit", kind: "text" as const }, { name: "rank_change", kind: "integer" as const }, { name: "share_observed", kind: "number" as const }],
      rows: [["U1", -1, 0.5]],
    };
    const sheet = workbookSheetOf(table, "zh");
    expect(sheet.columns).toEqual([
      { name: "评价对象", kind: "text" },
      { name: "排名变化", kind: "integer", display: "rank-change" },
      { name: "实有比例", kind: "number", display: "percent" },
    ]);
    expect(sheet.rows).toEqual(table.rows);
    expect(workbookSheetOf({ ...table, name: "groups" }, "zh").name).toBe("绩效分组");
  });
});

describe("one word per thing", () => {
  it("a unit is 评价对象, a global weight 总指数中的权重 and a rank change 排名变化, in the pages' tables and the workbook", () => {
    expect(columnTitle("unit", "zh")).toBe("评价对象");
    expect(workbookColumnTitle("unit", "zh")).toBe("评价对象");
    expect(workbookColumnTitle("global_weight", "zh")).toBe("总指数中的权重");
    expect(workbookColumnTitle("rank_change", "zh")).toBe("排名变化");
    expect(workbookColumnTitle("rank_change", "en")).toBe("rank change");
  });

  it("names the reference column of the groups sheet by its reference", () => {
    expect(workbookColumnTitle("reference_average", "zh")).toBe("参照值（平均值）");
    expect(workbookColumnTitle("reference_常州", "zh")).toBe("参照值（常州）");
    expect(workbookColumnTitle("relative_percent", "zh")).toBe("相对参照值（%）");
    expect(workbookColumnTitle("reference_average", "en")).toBe("reference average");
  });
});

describe("the Chinese words of report.html and uncertainty.html", () => {
  it("use full-width brackets, colons, semicolons and commas", () => {
    const words = { ...wordsOf("zh"), ...uncertaintyWordsOf("zh"), choices: "" };
    for (const [key, word] of Object.entries(words)) expect(word, key).not.toMatch(/[():;,]/);
  });
});

describe("changeMissingText", () => {
  it("says why a change cannot be given when the overall index is missing in either year, in the page's language", () => {
    const nan = Number.NaN;
    expect(changeMissingText(wordsOf("zh"), 2020, 2021, 50, nan)).toBe("无法给出2020—2021年总指数的变化：2021年总指数缺失。");
    expect(changeMissingText(wordsOf("zh"), 2020, 2021, nan, 50)).toBe("无法给出2020—2021年总指数的变化：2020年总指数缺失。");
    expect(changeMissingText(wordsOf("zh"), 2017, 2021, nan, nan)).toBe("无法给出2017—2021年总指数的变化：两年的总指数都缺失。");
    expect(changeMissingText(wordsOf("en"), 2020, 2021, 50, nan)).toBe("The change of the overall index from 2020 to 2021 cannot be given: the index is missing in 2021.");
    expect(changeMissingText(wordsOf("en"), 2017, 2021, nan, nan)).toBe("The change of the overall index from 2017 to 2021 cannot be given: the index is missing in both years.");
  });

  it("gives nothing when the index has a value in both years, an unchanged one included", () => {
    expect(changeMissingText(wordsOf("en"), 2020, 2021, 50, 50)).toBeUndefined();
    expect(changeMissingText(wordsOf("zh"), 2020, 2021, 0, -1.5)).toBeUndefined();
  });
});

describe("metaText", () => {
  const methods = { normalize: "定基指数", aggregate: "加权算术平均", weighting: "指标体系给定权重", missing: "不允许缺失" };

  it("writes the Chinese line with full-width colons, 、 between units and （） around each method", () => {
    expect(metaText({ baseYear: 2017, years: [2017, 2018, 2019], units: ["U1", "U2"], methods }, "zh")).toBe(
      "基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）",
    );
  });

  it("writes the English line as before, and leaves out the base year when it does not describe the index", () => {
    const english = { normalize: "min-max", aggregate: "arithmetic", weighting: "explicit", missing: "error" };
    expect(metaText({ years: [2017, 2019], units: ["U1", "U2"], methods: english }, "en")).toBe(
      "Years: 2017–2019 · Units: U1, U2 · Method: normalisation min-max, aggregation arithmetic, weights explicit, missing values error",
    );
  });

  it("names after the base year the indicators --zero-base first-nonzero moved to a later base year, three at most", () => {
    const english = { normalize: "fixed-base", aggregate: "arithmetic", weighting: "explicit", missing: "error" };
    expect(metaText({ baseYear: 2017, shifted: ["A1"], years: [2017, 2019], units: ["U1"], methods: english }, "en")).toBe(
      'Base year: 2017 = 100 (1 indicator on a later base year: "A1") · Years: 2017–2019 · Units: U1 · Method: normalisation fixed-base, aggregation arithmetic, weights explicit, missing values error',
    );
    expect(metaText({ baseYear: 2017, shifted: ["A1", "B2", "C3", "D4"], years: [2017, 2019], units: ["U1"], methods }, "zh").split(" · ")[0]).toBe(
      '基期：2017年 = 100（4 个指标以更晚的年份为基期："A1"、"B2"、"C3"等）',
    );
    expect(metaText({ baseYear: 2017, shifted: ["A1", "B2"], years: [2017, 2019], units: ["U1"], methods: english }, "en").split(" · ")[0]).toBe(
      'Base year: 2017 = 100 (2 indicators on a later base year: "A1", "B2")',
    );
  });

  it("names a single unnamed unit (values without a unit column) instead of showing nothing, and a single year once", () => {
    expect(metaText({ years: [2020], units: [""], methods }, "zh")).toBe(
      "年份：2020年 · 评价对象：（未命名） · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）",
    );
    expect(unitListText([""], "en")).toBe("(unnamed)");
  });

  it("says which indicators have their own missing-value policy (the tree's missing column), not only the run's", () => {
    // X1 interpolate and X2 mean of their own, Y1 the run's error; U1's 2018 values of X1 and X2 are missing.
    const tree = smallTree({ X1: { missing: "interpolate" }, X2: { missing: "mean" } });
    const values = { U1: { X1: [10, Number.NaN, 15], X2: [50, Number.NaN, 25], Y1: [200, 210, 190] }, U2: SMALL.U2 };
    const result = computeIndex(tree, panelOf(tree, values));
    const line = (language: "zh" | "en") => metaText({ baseYear: 2017, years: result.years, units: result.units, methods: methodNames(result, language) }, language);
    expect(line("en")).toBe(
      "Base year: 2017 = 100 · Years: 2017–2019 · Units: U1, U2 · Method: normalisation fixed-base, aggregation arithmetic, weights explicit, missing values error; per indicator: interpolate (1), mean (1)",
    );
    expect(line("zh")).toBe(
      "基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失；部分指标：线性插值（1个）、均值插补（1个））",
    );
  });

  it("counts the indicators of each own policy in the order the tree first names it, leaving out those that are the run's", () => {
    // By hand: interpolate 3 (X1, X3, X5), mean 2 (X2, X4); X6's own "reweight" is the run's, so not counted.
    const nodes = [{}, { missing: "interpolate" }, { missing: "mean" }, { missing: "interpolate" }, { missing: "mean" }, { missing: "interpolate" }, { missing: "reweight" }];
    expect(missingText({ options: { missing: "reweight" }, nodes }, "en")).toBe("reweight; per indicator: interpolate (3), mean (2)");
    expect(missingText({ options: { missing: "reweight" }, nodes }, "zh")).toBe("缺项权重重新分配；部分指标：线性插值（3个）、均值插补（2个）");
    // No node with a policy of its own, or none other than the run's: the run's policy alone, as before.
    expect(missingText({ options: { missing: "error" }, nodes: [{}, {}] }, "en")).toBe("error");
    expect(missingText({ options: { missing: "reweight" }, nodes: [{ missing: "reweight" }] }, "zh")).toBe("缺项权重重新分配");
    expect(methodNames({ options: { normalize: "min-max", aggregate: "arithmetic", missing: "mean" } }, "en").missing).toBe("mean");
  });

  it("lists up to 12 units, and beyond the first 10 with the count", () => {
    const units = Array.from({ length: 13 }, (_, u) => `U${u + 1}`);
    expect(unitListText(units.slice(0, 12), "zh")).toBe(units.slice(0, 12).join("、"));
    expect(unitListText(units, "zh")).toBe("U1、U2、U3、U4、U5、U6、U7、U8、U9、U10……（共13个）");
    expect(unitListText(units, "en")).toBe("U1, U2, U3, U4, U5, U6, U7, U8, U9, U10 … (13)");
  });
});

describe("rankChangeText and shareText", () => {
  it.each([
    [3, "↑3"],
    [-2, "↓2"],
    [0, "0"],
    [Number.NaN, ""],
  ])("rankChangeText(%d) is %j: up or down, never a bare +3 that reads as a larger rank number", (change, text) => {
    expect(rankChangeText(change)).toBe(text);
  });

  it("rankChangeText(NaN, missing) gives the page's mark for a missing value", () => {
    expect(rankChangeText(Number.NaN, "–")).toBe("–");
  });

  it.each([
    [1, "100%"],
    [0, "0%"],
    [250 / 255, "98.0%"], // 98.04% to one decimal
    [5 / 6, "83.3%"],
    [0.9996, "99.9%"], // rounds to 100.0 but is not complete: shown below 100
    [0.0004, "0.1%"], // rounds to 0.0 but something was observed
    [Number.NaN, ""],
  ])("shareText(%d) is %j", (share, text) => {
    expect(shareText(share)).toBe(text);
  });
});
