import { describe, expect, it } from "vitest";
import { tableWords } from "../../../src/core/table-words.js";
import { tableWordsZh } from "../../../src/core/zh/table-words.js";
import { checkTranslation, factsOf } from "./facts.js";

/** The words that are a list of headings (one per column), not a text. */
const HEADINGS = ["uncertaintyHeadings", "sensitivityHeadings", "auditDimensionHeadings", "compareHeadings", "runsHeadings"] as const;

const texts = (words: Record<string, unknown>) => Object.fromEntries(Object.entries(words).filter(([key]) => !(HEADINGS as readonly string[]).includes(key))) as Record<string, (...args: never[]) => string>;

describe("tableWordsZh", () => {
  it("has every text, naming the English text's facts", () =>
    checkTranslation(texts(tableWords), texts(tableWordsZh), [
      ["codeHeading", []],
      ["nameHeading", []],
      ["indexTitle", ["常州", "基期 2017 年 = 100", true]],
      ["indexTitle", ["", "按 min-max 标准化", false]],
      ["ownBaseScale", [2017, []]],
      ["ownBaseScale", [2017, ["topsis"]]],
      ["ownBaseScale", [2017, [], ["A1", "B2"]]],
      ["ownBaseScale", [2017, ["topsis"], ["A1"]]],
      ["ownBaseScale", [2017, [], ["A1", "A2", "A3", "B1", "B2"]]],
      ["normalisedScale", [["min-max", "z-score"], []]],
      ["normalisedScale", [["min-max"], ["copeland", "topsis"]]],
      ["validated", ["tree.csv", 40, 20, "values.csv", 1, [2017, 2018, 2019]]],
      ["uncertaintyTitle", [2019, 1000, 8, 42]],
      ["unnamedUnit", []],
      ["sensitivityTitle", [2019]],
      ["uncertaintyChoice", ["weights"]],
      ["uncertaintyChoice", ["normalisation"]],
      ["uncertaintyChoice", ["aggregation"]],
      ["uncertaintyChoice", ["missing"]],
      ["auditTitle", [49, 51, [2017]]],
      ["auditTitle", [40, 3, [2017, 2018, 2019]]],
      ["auditNoFlags", []],
      ["auditFlags", []],
      ["auditYearlyFlags", [12]],
      ["auditDimensionsTitle", []],
      ["auditOneUnit", [3]],
      ["compareYear", [2018, "0.9643", 7, "0.57"]],
      ["compareYear", [2018, "", 1, "0.00"]],
      ["runState", ["published"]],
      ["runState", ["withdrawn"]],
      ["runState", ["skipped"]],
      ["runPublishedAgain", ["2026-03-05T09:00:00.000Z"]],
      ["runLatestUntil", ["2026-03-05T09:00:00.000Z"]],
      ["runState", ["unpublished"]],
      ["runLink", ["/archive/runs/20260301T020000.123Z-1a2b3c4d", false]],
      ["runLink", ["/archive/runs/20260301T020000.123Z-1a2b3c4d", true]],
      ["noRuns", ["runs"]],
    ]));

  it("has one heading per column of each table, naming the English headings' numbers", () => {
    for (const key of HEADINGS) {
      const english = tableWords[key]();
      const chinese = tableWordsZh[key]();
      expect(chinese.length, key).toBe(english.length);
      english.forEach((heading, i) => expect(factsOf(heading).filter((fact) => !chinese[i].includes(fact)), `${key}[${i}]`).toEqual([]));
    }
    // The configurations' letters (a, b) and the statistics' own names (n, alpha) stay as written.
    expect(tableWordsZh.compareHeadings()).toEqual(["评价对象", "年份", "指数 a", "排名 a", "指数 b", "排名 b", "名次变化"]);
    expect(tableWordsZh.auditDimensionHeadings()).toEqual(["维度", "下级指标数", "n", "alpha", "PC1 份额", "说明"]);
    // The list of runs: the first time each run became LATEST, from runs/PUBLISHED.log, before the note.
    expect(tableWordsZh.runsHeadings()).toEqual(["运行", "状态", "上一次运行", "评价对象 × 年份", "基期", "发布时间", "说明"]);
    // A run published once and gone back from: neither "已跳过" nor "未发布", which say it never was.
    expect(tableWordsZh.runState("withdrawn")).toBe("曾发布，已撤回");
    expect(tableWordsZh.runLatestUntil("2026-03-05T09:00:00.000Z")).toBe("至 2026-03-05T09:00:00.000Z 为 LATEST");
  });

  it("reads as a Chinese report would say it (written out by hand)", () => {
    // The choices of uncertainty's sensitivity table, as uncertainty.html names them; English keeps the choice's own name.
    expect(["weights", "normalisation", "aggregation", "missing"].map((choice) => tableWordsZh.uncertaintyChoice(choice as never))).toEqual(["权重", "标准化", "合成", "缺失值处理"]);
    expect(tableWords.uncertaintyChoice("aggregation")).toBe("aggregation");
    // The all-years period in words; "all" kept as the period column of the audit's CSV files writes it. 3 units × 3 years = 9.
    expect(tableWordsZh.auditTitle(40, 3, [2017, 2018, 2019])).toBe(
      '统计审核：40 个指标，3 个评价对象，2017-2019 年（全部年份合并：9 个评价对象-年份，即各 CSV 文件 period 列中的 "all"）',
    );
    expect(tableWordsZh.indexTitle("常州高新区", tableWordsZh.ownBaseScale(2017, []), true)).toBe("常州高新区：指数，基期 2017 年 = 100（括号内为比上年增长）");
    // Indicators moved to a later base year by --zero-base first-nonzero: counted, the first three named (of five, 2
    // more), and the warning's code.
    expect(tableWordsZh.ownBaseScale(2017, [], ["A1", "B2"])).toBe('基期 2017 年 = 100（2 个指标以更晚的年份为基期："A1"、"B2"；见 W_ZERO_BASE_SHIFTED）');
    expect(tableWordsZh.ownBaseScale(2017, ["topsis"], ["A1"])).toBe('指标以基期 2017 年 = 100（1 个指标以更晚的年份为基期："A1"；见 W_ZERO_BASE_SHIFTED），分组按 topsis 合成');
    expect(tableWordsZh.ownBaseScale(2017, [], ["A1", "A2", "A3", "B1", "B2"])).toBe('基期 2017 年 = 100（5 个指标以更晚的年份为基期："A1"、"A2"、"A3"、另有 2 个；见 W_ZERO_BASE_SHIFTED）');
    expect(tableWords.ownBaseScale(2017, [], ["A1", "B2"])).toBe('base year 2017 = 100 (2 indicators on a later base year: "A1", "B2"; see W_ZERO_BASE_SHIFTED)');
    expect(tableWords.ownBaseScale(2017, ["topsis"], ["A1"])).toBe('indicators at base year 2017 = 100 (1 indicator on a later base year: "A1"; see W_ZERO_BASE_SHIFTED), groups by topsis');
    expect(tableWords.ownBaseScale(2017, [], ["A1", "A2", "A3", "B1", "B2"])).toBe('base year 2017 = 100 (5 indicators on a later base year: "A1", "A2", "A3", and 2 more; see W_ZERO_BASE_SHIFTED)');
    expect(tableWordsZh.validated("tree.csv", 40, 20, "values.csv", 1, [2017, 2018])).toBe(
      "检查通过：tree.csv（40 个指标，20 个指标组），values.csv（1 个评价对象，年份 2017、2018）",
    );
    expect(tableWordsZh.compareYear(2018, "", 1, "0.00")).toBe("2018 年：1 个评价对象的 Spearman 秩相关系数无定义，平均名次变化绝对值 0.00");
    expect(tableWordsZh.compareYear(2018, "0.9643", 7, "0.57")).toBe("2018 年：7 个评价对象的 Spearman 秩相关系数 0.9643，平均名次变化绝对值 0.57");
  });
});
