/**
 * The dashboard's words: those naming what the static page and the workbook name too come from `labels.ts` (one word
 * per thing), and the page's own phrases are in the page's language with its punctuation.
 */
import { describe, expect, it } from "vitest";
import { columnTitle, methodName, valueName, wordsOf, workbookColumnTitle } from "../../../../src/io/report/labels.js";
import { fill } from "../../../../src/io/report/dashboard/sentence.js";
import { dashboardWords } from "../../../../src/io/report/dashboard/words.js";

describe("dashboardWords", () => {
  it("names a unit, a global weight, a rank change and the groups as the static page and index.xlsx do", () => {
    const zh = dashboardWords("zh");
    expect([zh.unit, zh.globalWeight, zh.rankChange, zh.group]).toEqual(["评价对象", "总指数中的权重", "排名变化", "绩效分组"]);
    expect([zh.unit, zh.globalWeight, zh.rankChange]).toEqual([columnTitle("unit", "zh"), workbookColumnTitle("global_weight", "zh"), workbookColumnTitle("rank_change", "zh")]);
    expect([zh.groupLeader, zh.groupStrong, zh.groupModerate, zh.groupEmerging]).toEqual(["leader", "strong", "moderate", "emerging"].map((group) => valueName("group", group, "zh")));
    expect([zh.interpolate, zh.carryForward, zh.carryBack]).toEqual(["interpolate", "carry-forward", "carry-back"].map((method) => methodName(method, "zh")));
    expect([zh.imputeMean, zh.imputeMedian]).toEqual(["mean", "median"].map((method) => methodName(method, "zh")));
    expect([zh.warnings, zh.warningsIntro]).toEqual([wordsOf("zh").warnings, wordsOf("zh").warningsIntro]);
    // the note under the table of changes is the static page's, in both languages
    expect([zh.roundingNote, dashboardWords("en").roundingNote]).toEqual([wordsOf("zh").roundingNote, wordsOf("en").roundingNote]);
    expect(zh.roundingNote).toContain("在末位相差1");
    // the section of units compared, and the chart of ranks over the years, which is not a rank change
    expect([zh.units, zh.rankLines]).toEqual(["评价对象比较", "历年排名"]);
    // the audit as audit.html names it (统计审计)
    expect(zh.audit).toBe("统计审计");
  });

  it("labels the uncertainty interval's bounds in words, not as '5%–95% 区间 (5%)'", () => {
    expect([dashboardWords("zh").intervalLow, dashboardWords("zh").intervalHigh]).toEqual(["区间下限（5%分位数）", "区间上限（95%分位数）"]);
    expect([dashboardWords("en").intervalLow, dashboardWords("en").intervalHigh]).toEqual(["Lower bound (5th percentile)", "Upper bound (95th percentile)"]);
  });

  it("writes the page's phrases with full-width punctuation in Chinese, and as before in English", () => {
    const zh = dashboardWords("zh");
    const en = dashboardWords("en");
    expect(fill(zh.whatIfLead, { where: "U1 · ", year: 2019 }) + "143.00" + fill(zh.whatIfTail, { computed: "143.00", difference: "0.00" })).toBe(
      "模拟值 · U1 · 2019年：143.00（本次计算值 143.00；差值 0.00）",
    );
    expect(fill(en.whatIfLead, { where: "U1 · ", year: 2019 }) + "143.00" + fill(en.whatIfTail, { computed: "143.00", difference: "0.00" })).toBe(
      "What if · U1 · 2019: 143.00 (As computed 143.00; Difference 0.00)",
    );
    expect([zh.rankPublished, fill(zh.seriesPublished, { name: "总指数" }), fill(zh.whatIfChart, { name: "总指数" })]).toEqual(["排名（本次计算值）", "总指数（本次计算值）", "总指数：本次计算值与模拟值"]);
    expect(fill(zh.rankingSortable, { year: 2019 })).toBe("2019年排名（点击列标题排序）");
    expect(fill(zh.imputedBy, { method: zh.interpolate })).toBe("插补（线性插值）");
    expect(fill(zh.auditNote, { a: "X1", b: "X2", flags: "高度共线", r: "0.95" })).toBe("X1 – X2：高度共线（r = 0.95）");
    expect(fill(en.auditNote, { a: "X1", b: "X2", flags: "collinear", r: "0.95" })).toBe("X1 – X2: collinear (r = 0.95)");
    // the notes say how to read a rank change
    expect(zh.notes).toContain("↑表示排名上升、↓表示下降");
  });

  it("calls the run's own values and weights this run's (本次计算值, as computed), never published: the run may be illustrative", () => {
    const zh = dashboardWords("zh");
    const en = dashboardWords("en");
    expect([zh.published, zh.reset, zh.whatIfBanner]).toEqual(["本次计算值", "恢复本次计算的权重", "模拟结果：以下数值按您设定的权重在本页重新计算，不是本次计算的指数。"]);
    expect([en.published, en.reset, en.whatIfBanner]).toEqual([
      "As computed",
      "Reset to the weights as computed",
      "What if: the values below are recomputed in this page with the weights you set. They are not the index as computed.",
    ]);
    // No word of the page claims publication (the source badge "已发布" / "published" names a value's source column).
    for (const [key, word] of [...Object.entries(zh), ...Object.entries(en)]) if (!key.startsWith("source")) expect(word, key).not.toMatch(/发布|[Pp]ublish/);
  });

  it("heads the tree table with the year whose weights it shows, and its weight columns as the weights used", () => {
    const zh = dashboardWords("zh");
    const en = dashboardWords("en");
    expect([fill(zh.treeTitle, { year: 2021 }), zh.weightUsed, zh.globalWeightUsed]).toEqual(["指标体系与2021年实际使用的权重", "实际权重", "总指数中的实际权重"]);
    expect([fill(en.treeTitle, { year: 2021 }), en.weightUsed, en.globalWeightUsed]).toEqual(["The indicator tree and the weights used in 2021", "Weight used", "Overall weight used"]);
    // a change that cannot be given is said in the static page's words
    expect([zh.changeMissingOne, en.changeMissingBoth]).toEqual([wordsOf("zh").changeMissingOne, wordsOf("en").changeMissingBoth]);
  });

  it("names the values' two shipped sources in the page's language: 已发布 and 示意 in Chinese", () => {
    expect([dashboardWords("zh").sourcePublished, dashboardWords("zh").sourceIllustrative]).toEqual(["已发布", "示意"]);
    expect([dashboardWords("en").sourcePublished, dashboardWords("en").sourceIllustrative]).toEqual(["published", "illustrative"]);
  });

  it("has a Chinese word for every English one and no half-width brackets or colons in the Chinese", () => {
    const zh = dashboardWords("zh");
    expect(Object.keys(zh).sort()).toEqual(Object.keys(dashboardWords("en")).sort());
    // Chinese punctuation is full-width: （）：；，
    for (const [key, word] of Object.entries(zh)) expect(word, key).not.toMatch(/[():;,]/);
  });
});
