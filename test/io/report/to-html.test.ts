import { describe, expect, it } from "vitest";
import { analyzeResult } from "../../../src/core/analysis/analyze.js";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { dataStageAppendix } from "../../../src/io/report/appendix.js";
import { escapeHtml, formatReportHtml } from "../../../src/io/report/to-html.js";
import { testerRun } from "./tester-run.js";
import { panelOf, SMALL, smallTree } from "../../core/small.js";

describe("escapeHtml", () => {
  it("escapeHtml(text) escapes the five characters that can open markup or end an attribute", () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe("&#60;script&#62;alert(&#34;x&#34; &#38; &#39;y&#39;)&#60;/script&#62;");
    expect(escapeHtml("常州高新区 R&D")).toBe("常州高新区 R&#38;D");
  });
});

/**
 * The small fixture (test/fixtures/small: tree X 0.6 = X1, X2 (negative); Y 0.4 = Y1; units U1, U2; 2017–2019), built
 * in code: its overall index, by hand (test/cli/compute.test.ts), is U1 100, 115.5, 143 and U2 100, 111.5, 117.
 */
function smallResult(options: Parameters<typeof computeIndex>[2] = {}, edit: (records: ValueRecord[]) => ValueRecord[] = (records) => records, yWeight = "0.4") {
  const tree = buildTree([
    { line: 2, code: "X", parent: "", name: "维度X", nameEn: "Dimension X", weight: "0.6", direction: "", attributes: {} },
    { line: 3, code: "X1", parent: "X", name: "指标1", nameEn: "Indicator 1", weight: "", direction: "+", attributes: {} },
    { line: 4, code: "X2", parent: "X", name: "指标2", nameEn: "Indicator 2", weight: "", direction: "-", attributes: {} },
    { line: 5, code: "Y", parent: "", name: "维度Y", nameEn: "Dimension Y", weight: yWeight, direction: "", attributes: {} },
    { line: 6, code: "Y1", parent: "Y", name: "指标3", nameEn: "Indicator 3", weight: "", direction: "+", attributes: {} },
  ]);
  if (!tree.ok) throw new Error("fixture tree is invalid");
  const values: Record<string, Record<string, number[]>> = {
    U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] },
    U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [30, 33, 36] },
  };
  const records = Object.entries(values).flatMap(([unit, byIndicator]) =>
    Object.entries(byIndicator).flatMap(([indicator, series]) => series.map((value, y) => ({ unit, year: 2017 + y, indicator, value }))),
  );
  const panel = buildPanel(tree.value, edit(records));
  if (!panel.ok) throw new Error("fixture panel is invalid");
  return computeIndex(tree.value, panel.value, options);
}

async function reportOf(result: ReturnType<typeof smallResult>, language: "zh" | "en" = "zh"): Promise<string> {
  return formatReportHtml(result, analyzeResult(result), { language, appendix: dataStageAppendix(result, language) });
}

describe("formatReportHtml: the method line", () => {
  it("names the indicators' own missing-value policies (the tree's missing column) after the run's", async () => {
    // X1 interpolate and X2 mean of their own, Y1 the run's error; U1's 2018 values of X1 and X2 are missing.
    const tree = smallTree({ X1: { missing: "interpolate" }, X2: { missing: "mean" } });
    const values = { U1: { X1: [10, Number.NaN, 15], X2: [50, Number.NaN, 25], Y1: [200, 210, 190] }, U2: SMALL.U2 };
    const result = computeIndex(tree, panelOf(tree, values));
    expect(await reportOf(result)).toContain("缺失值处理（不允许缺失；部分指标：线性插值（1个）、均值插补（1个））</p>");
    expect(await reportOf(result, "en")).toContain("missing values error; per indicator: interpolate (1), mean (1)</p>");
  });
});

describe("formatReportHtml: the Chinese page's own words", () => {
  it("heads the rank table 评价对象 and 2018年排名, and the growth and contribution tables with their years in Chinese", async () => {
    const html = await reportOf(smallResult());
    expect(html).toContain("<thead><tr><th>评价对象</th><th>2017年排名</th><th>2018年排名</th><th>2019年排名</th></tr></thead>");
    expect(html).toContain("<h3>2018—2019年增长</h3>");
    expect(html).toContain("<h3>2018—2019年贡献分解</h3>");
    expect(html).toContain("<h3>2017—2019年贡献分解</h3>");
    expect(html).not.toContain("对象</th><th>排名 ");
    const english = await reportOf(smallResult(), "en");
    expect(english).toContain("<thead><tr><th>Unit</th><th>Rank 2017</th>");
    expect(english).toContain("<h3>Growth 2018–2019</h3>");
  });

  it("shows the share observed as a percentage in both languages (coverage.csv keeps the ratio)", async () => {
    // U1's X1 of 2018 missing and interpolated: X1 has 5 of its 6 unit-years observed (83.3%), X2 and Y1 all 6 (100%).
    const result = smallResult({ missing: "interpolate" }, (records) => records.filter((record) => !(record.unit === "U1" && record.year === 2018 && record.indicator === "X1")));
    for (const language of ["zh", "en"] as const) {
      const html = await reportOf(result, language);
      expect(html).toMatch(/<tr><td>X1<\/td><td>[^<]+<\/td><td class="number">6<\/td><td class="number">5<\/td><td class="number">1<\/td><td class="number">0<\/td><td class="number">83\.3%<\/td><\/tr>/);
      expect(html).toMatch(/<tr><td>X2<\/td><td>[^<]+<\/td>(<td class="number">[0-9]+<\/td>){4}<td class="number">100%<\/td><\/tr>/);
    }
    expect(await reportOf(result)).toContain("<th>实有比例</th>");
  });

  it("gives the run's warnings in the page's language, as the terminal of that language prints them", async () => {
    // Y's weight 0.5 beside X's 0.6: the first-level weights sum to 1.1, which the run warns about.
    const result = smallResult({}, undefined, "0.5");
    expect(result.warnings.map((warning) => warning.code)).toContain("W_WEIGHTS_RENORMALISED");
    const zh = await reportOf(result);
    // The words of messages.weightsRenormalised in src/core/zh/messages.ts, with the run's own values.
    expect(zh).toContain("<h2>提示</h2><p>计算时给出了以下提示：</p><ul><li>");
    expect(zh).toMatch(/<li>[^<]*各一级节点的权重之和为 1\.1\d*，不等于 1；已将各权重除以其和<\/li>/);
    expect(zh).not.toContain("Warnings");
    expect(zh).not.toContain("they were divided by their sum");
    const en = await reportOf(result, "en");
    expect(en).toContain("<h2>Warnings</h2><p>The run gave these warnings:</p><ul><li>");
    expect(en).toMatch(/<li>[^<]*the weights of the first-level nodes sum to 1\.1\d*, not 1; they were divided by their sum<\/li>/);
  });

  it("names a single unit without a name （未命名） in the meta line instead of leaving it blank", async () => {
    const result = smallResult({}, (records) => records.filter((record) => record.unit === "U1").map((record) => ({ ...record, unit: "" })));
    const html = await reportOf(result);
    expect(html).toContain("评价对象：（未命名） · 方法：");
    expect(html).not.toMatch(/评价对象: ?·/);
  });
});

describe("formatReportHtml with performance groups", () => {
  it("shows each unit's group every year and its overall index in % of the units' mean, worked out by hand", async () => {
    // The mean of the two units' overall index, year by year: 100, 113.5, 130. U1: 100/100 = 100% (moderate: not
    // above 100), 115.5/113.5 = 101.76% (strong), 143/130 = 110% (strong); U2: 100%, 111.5/113.5 = 98.24%, 117/130 = 90%
    // (moderate, from 70 up to 100). EIS thresholds 125, 100, 70.
    const result = smallResult({ performanceGroups: [125, 100, 70] });
    const zh = await reportOf(result);
    expect(zh).toContain("<section><h2>绩效分组</h2><p>按总指数相对于参照值的百分比分组");
    expect(zh).toContain("高于125%为创新领先者，高于100%且不高于125%为强劲创新者，70%至100%为中等创新者，低于70%为新兴创新者。参照值为当年各评价对象总指数的平均值。");
    expect(zh).toContain("<thead><tr><th>评价对象</th><th>2017年</th><th>2018年</th><th>2019年</th><th>2019年相对参照值（%）</th></tr></thead>");
    expect(zh).toContain('<tr><td>U1</td><td>中等创新者</td><td>强劲创新者</td><td>强劲创新者</td><td class="number">110.00</td></tr>');
    expect(zh).toContain('<tr><td>U2</td><td>中等创新者</td><td>中等创新者</td><td>中等创新者</td><td class="number">90.00</td></tr>');
    const en = await reportOf(result, "en");
    expect(en).toContain('<tr><td>U1</td><td>moderate</td><td>strong</td><td>strong</td><td class="number">110.00</td></tr>');
  });

  it("names the reference unit when there is one: U1 is 100%, U2 117/143 = 81.82% in 2019", async () => {
    const html = await reportOf(smallResult({ performanceGroups: [125, 100, 70], referenceUnit: "U1" }));
    expect(html).toContain("参照值为当年U1的总指数。");
    expect(html).toContain('<tr><td>U2</td><td>中等创新者</td><td>中等创新者</td><td>中等创新者</td><td class="number">81.82</td></tr>');
  });

  it("is left out without --performance-groups", async () => {
    expect(await reportOf(smallResult())).not.toContain("绩效分组");
  });
});

describe("formatReportHtml: the base year line", () => {
  it("says 基期：2017年 = 100 for means of fixed-base indices, and leaves it out when groups are scored by TOPSIS or Copeland", async () => {
    expect(await reportOf(smallResult())).toContain("基期：2017年 = 100");
    for (const aggregate of ["topsis", "copeland"] as const) {
      const html = await reportOf(smallResult({ aggregate }));
      expect(html, aggregate).not.toContain("基期");
      expect(html, aggregate).toContain("年份：2017—2019年");
    }
  });
});

describe("formatReportHtml: a change of the overall index that cannot be given", () => {
  /**
   * A tester's run: INDEX = A "Input" 0.5 (X) + B "Pressure" 0.5 (Y1, Y2; direction -), units P and Q, 2020 and 2021,
   * P's Y1 of 2021 empty, min-max, reweight, `--min-group-coverage 0.6`: P's B of 2021 has 1 of 2 children (0.5 < 0.6),
   * so it is missing, and P's index of 2021 too (1 of 2 dimensions). Q has every value: its index is 50 both years,
   * A 100 → 0 (contribution 0.5·−100 = −50), B 0 → 100 (+50).
   */
  const testerResult = () => testerRun({ minGroupCoverage: 0.6 });
  const sectionOf = (html: string, unit: string) => html.slice(html.indexOf(`<section><h2>${unit}</h2>`), html.indexOf("</section>", html.indexOf(`<section><h2>${unit}</h2>`)));

  it("says why once, under the growth table whose change it leaves empty, in the page's language, with no contributions of it", async () => {
    const result = testerResult();
    const zh = await reportOf(result);
    const p = sectionOf(zh, "P");
    const note = '<p class="missing-change">无法给出2020—2021年总指数的变化：2021年总指数缺失。</p>';
    // Once (before: again under a heading of contributions 2020–2021 with nothing else in it), after the growth table.
    expect(p.split(note)).toHaveLength(2);
    expect(p).toContain(`<h3>2020—2021年增长</h3>`);
    expect(p.endsWith(`</tbody></table>${note}`)).toBe(true);
    expect(p).not.toContain("2020—2021年贡献分解");
    expect(p).not.toContain("<th>贡献（点）</th>");
    // the trend and the profile only: no bars of contributions of a change that is missing
    expect(p.match(/<figure class="chart">/g)).toHaveLength(2);
    const en = sectionOf(await reportOf(result, "en"), "P");
    const noteEn = '<p class="missing-change">The change of the overall index from 2020 to 2021 cannot be given: the index is missing in 2021.</p>';
    expect(en.split(noteEn)).toHaveLength(2);
    expect(en).not.toContain("Contributions 2020–2021");
    // Q: the table and the bars as before
    const q = sectionOf(zh, "Q");
    expect(q).toContain('<tr><td>A</td><td>Input</td><td class="number">-100.00</td><td class="number">-50.00</td>');
    expect(q).toContain('<tr><td>B</td><td>Pressure</td><td class="number">100.00</td><td class="number">50.00</td>');
    expect(q).not.toContain("missing-change");
    expect(q.match(/<figure class="chart">/g)).toHaveLength(3);
    expect(zh).not.toContain("NaN");
  });

  it("three years, the last missing: the last change said once under its growth, the whole period's under its contributions", async () => {
    // The small fixture without U1's Y1 of 2019, --missing reweight --min-group-coverage 0.6: U1's Y (Y1 alone) is
    // missing in 2019, and so is its index (1 of 2 dimensions, 0.5 < 0.6). Two changes cannot be given: 2018–2019 (the
    // growth table's and the last contributions') and 2017–2019 (the whole period's contributions): each said once.
    const result = smallResult({ missing: "reweight", minGroupCoverage: 0.6 }, (records) => records.filter((record) => !(record.unit === "U1" && record.year === 2019 && record.indicator === "Y1")));
    const html = await reportOf(result);
    const start = html.indexOf("<section><h2>U1</h2>");
    const u1 = html.slice(start, html.indexOf("</section>", start));
    const last = '<p class="missing-change">无法给出2018—2019年总指数的变化：2019年总指数缺失。</p>';
    const whole = '<p class="missing-change">无法给出2017—2019年总指数的变化：2019年总指数缺失。</p>';
    expect(u1.split(last)).toHaveLength(2);
    expect(u1.split(whole)).toHaveLength(2);
    expect(u1).toContain(`</tbody></table>${last}<h3>2017—2019年贡献分解</h3>${whole}`);
    expect(u1).not.toContain("2018—2019年贡献分解");
    // U2 is whole: both tables of contributions, no note
    const start2 = html.indexOf("<section><h2>U2</h2>");
    const u2 = html.slice(start2, html.indexOf("</section>", start2));
    expect([u2.includes("2018—2019年贡献分解"), u2.includes("2017—2019年贡献分解"), u2.includes("missing-change")]).toEqual([true, true, false]);
  });
});

describe("the report's changes are the differences of the figures as shown", () => {
  it("one dimension A, X 0.08 -> 0.087 at one decimal: the index 108.8 changes by 8.8, and A contributes 8.8 (before: 8.7 and 8.7)", async () => {
    // By hand: 100 · 0.087 / 0.08 = 108.75 (the double 108.74999999999999): change 8.75 -> 8.8, and A (weight 1) is
    // all of it, 1 · 8.75 = 8.75 -> 8.8, its share 100 %.
    const tree = buildTree([
      { line: 2, code: "A", parent: "", name: "A", nameEn: "A", weight: "1", direction: "", attributes: {} },
      { line: 3, code: "X", parent: "A", name: "X", nameEn: "X", weight: "", direction: "+", attributes: {} },
    ]);
    if (!tree.ok) throw new Error("tree");
    const panel = buildPanel(tree.value, [
      { unit: "P", year: 2020, indicator: "X", value: 0.08 },
      { unit: "P", year: 2021, indicator: "X", value: 0.087 },
    ]);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(tree.value, panel.value);
    const html = await formatReportHtml(result, analyzeResult(result), { language: "en", decimals: 1 });
    const contributions = html.slice(html.indexOf("<h3>Contributions 2020–2021</h3>"));
    expect(contributions).toContain('<tr><td>INDEX</td><td>Overall index</td><td class="number">8.8</td><td class="number">8.8</td><td class="number">100.0</td></tr>');
    expect(contributions).toContain('<tr><td>A</td><td>A</td><td class="number">8.8</td><td class="number">8.8</td><td class="number">100.0</td></tr>');
    expect(html).toContain('<tr><td>A</td><td>A</td><td class="number">108.8</td><td class="number">8.8</td>');
  });
});

describe("formatReportHtml: the note that changes are rounded after they are worked out", () => {
  const NOTE_ZH = "注：变化与贡献均按未经四舍五入的数值计算后再四舍五入，因此变化与所列两期数值之差可能在末位相差1，分项之和与合计也可能存在差异。";
  const NOTE_EN =
    "Note: changes and contributions are worked out from the unrounded values and then rounded, so a change may differ by one in its last digit from the difference of the rounded figures shown, and parts may not add up exactly to the total.";
  const count = (html: string, text: string) => html.split(text).length - 1;

  it("says it once, in the page's language, after the notes at the foot of a page that shows 108.75 and 100.00 beside a change of 8.74", async () => {
    // One dimension A (weight 1) of one indicator X, fixed-base on 2019 = 80. By hand: 2020 100 · 80.001 / 80 = 100.00125
    // (shown 100.00), 2021 100 · 86.996 / 80 = 108.745 (shown 108.75, half away from zero); the change 2020–2021 is
    // 108.745 − 100.00125 = 8.74375, shown 8.74: one below 108.75 − 100.00 = 8.75, the difference of the figures shown.
    const tree = buildTree([
      { line: 2, code: "A", parent: "", name: "A", nameEn: "A", weight: "1", direction: "", attributes: {} },
      { line: 3, code: "X", parent: "A", name: "X", nameEn: "X", weight: "", direction: "+", attributes: {} },
    ]);
    if (!tree.ok) throw new Error("tree");
    const panel = buildPanel(tree.value, [80, 80.001, 86.996].map((value, y) => ({ unit: "P", year: 2019 + y, indicator: "X", value })));
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(tree.value, panel.value);
    const en = await formatReportHtml(result, analyzeResult(result), { language: "en" });
    expect(en).toContain('<tr><td>INDEX</td><td class="level-0">Overall index</td><td>0</td><td class="number">100.00</td><td class="number">100.00</td><td class="number">108.75</td></tr>');
    expect(en).toContain('<tr><td>INDEX</td><td>Overall index</td><td class="number">108.75</td><td class="number">8.74</td>');
    expect([count(en, NOTE_EN), count(en, NOTE_ZH), count(en, 'class="rounding-note"')]).toEqual([1, 0, 1]);
    expect(en).toMatch(/<footer><p>Contributions: [^<]*<\/p><p class="rounding-note">Note: changes and contributions [^<]*<\/p><\/footer>/);
    const zh = await formatReportHtml(result, analyzeResult(result), { language: "zh" });
    expect([count(zh, NOTE_ZH), count(zh, NOTE_EN), count(zh, 'class="rounding-note"')]).toEqual([1, 0, 1]);
    expect(zh).toContain(`<p class="rounding-note">${NOTE_ZH}</p></footer>`);
  });

  it("says it once on a page of two units and three years too (its tables of changes are one per unit)", async () => {
    for (const [language, note] of [["zh", NOTE_ZH], ["en", NOTE_EN]] as const) expect(count(await reportOf(smallResult(), language), note), language).toBe(1);
  });

  it("names in the meta line the indicators --zero-base first-nonzero moved to a later base year", async () => {
    // U1's X1 is 0 in 2017: its base moves to 2018 (W_ZERO_BASE_SHIFTED, id X1), so "2017 = 100" is not the whole story.
    const result = smallResult({ zeroBase: "first-nonzero" }, (records) => records.map((record) => (record.unit === "U1" && record.indicator === "X1" && record.year === 2017 ? { ...record, value: 0 } : record)));
    expect(result.warnings.filter(({ code }) => code === "W_ZERO_BASE_SHIFTED").map(({ id }) => id)).toEqual(["X1"]);
    expect(await reportOf(result, "en")).toContain('<p class="meta">Base year: 2017 = 100 (1 indicator on a later base year: &#34;X1&#34;) · ');
    expect(await reportOf(result, "zh")).toContain('<p class="meta">基期：2017年 = 100（1 个指标以更晚的年份为基期：&#34;X1&#34;） · ');
    expect(await reportOf(smallResult(), "en")).toContain('<p class="meta">Base year: 2017 = 100 · ');
  });

  it("leaves it out of a page of one year, which shows no change nor contribution", async () => {
    const result = smallResult({}, (records) => records.filter((record) => record.year === 2017));
    expect(result.years).toEqual([2017]);
    for (const language of ["zh", "en"] as const) {
      const html = await reportOf(result, language);
      expect(html, language).not.toContain("rounding-note");
      expect([count(html, NOTE_ZH), count(html, NOTE_EN)], language).toEqual([0, 0]);
      // the page is one of no change: no growth table
      expect(html, language).not.toMatch(/<h3>(Growth |[0-9]{4}—[0-9]{4}年增长)/);
    }
  });
});
