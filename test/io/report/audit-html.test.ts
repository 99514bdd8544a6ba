/**
 * `audit.html` in the page's language: under `zh` (the default) the title, meta line, headings, table headers, flags,
 * chart titles and series, sentences and method names are Chinese with Chinese punctuation; under `en` the page is
 * English. Node names come from the tree; the engine's notes are its messages, in the page's language.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { auditIndex, type Audit } from "../../../src/core/audit/audit.js";
import { computeIndex, type IndexResult } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { formatAuditHtml } from "../../../src/io/report/audit-html.js";
import { auditFlagName, auditRelationName } from "../../../src/io/report/audit-words.js";
import { dashboardWords } from "../../../src/io/report/dashboard/words.js";
import { methodName } from "../../../src/io/report/labels.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { formatValue } from "../../../src/io/write/to-csv.js";
import { resultOf, treeOf } from "../../core/audit/robust-fixture.js";

const fixture = (path: string) => readFile(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

/** The hand-made audit fixture (8 units, 2019-2022, English names) with min-max scores and reweighting, as the CLI tests run it. */
async function handMade(): Promise<{ result: IndexResult; audit: Audit }> {
  const tree = parseTreeCsv(await fixture("audit/tree.csv"), "tree.csv");
  const parsed = parseDataCsv(await fixture("audit/values.csv"), "values.csv");
  if (!parsed.ok) throw new Error("the fixture's values do not parse");
  const panel = buildPanel(tree, parsed.value);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  const result = computeIndex(tree, panel.value, { normalize: "min-max", missing: "reweight" });
  return { result, audit: auditIndex(result) };
}

/**
 * One unit over 2017-2020 with no flag: A = 1, 2, 3, 4 and B = 1, 3, 2, 4 (fixed-base scores 100 times these), so
 * r(A, B) = 4 / 5 = 0.8 by hand (deviations ±0.5, ±1.5): positive and below 0.9; alpha = 2 · (1 − 2 / 3.6) ≈ 0.89;
 * eigenvalues 1.8 and 0.2.
 */
function oneUnit(): { result: IndexResult; audit: Audit } {
  const tree = treeOf([
    ["G", "", "", ""],
    ["A", "G", "", "+"],
    ["B", "G", "", "+"],
  ]);
  const series = { A: [1, 2, 3, 4], B: [1, 3, 2, 4] };
  const records = Object.entries(series).flatMap(([indicator, values]) => values.map((value, y) => ({ unit: "U", year: 2017 + y, indicator, value })));
  const result = resultOf(tree, records, {});
  return { result, audit: auditIndex(result) };
}

/** The flags in single years, as the page counts them: rows of statistics and correlations with a flag. */
const yearlyFlagRows = (audit: Audit) =>
  [...audit.statistics, ...audit.correlations].filter((row) => row.period !== "all" && row.flags.length > 0).length;

/** The pooled Pearson r of the sibling pair `a`, `b`, as the page writes it (3 decimals). */
const pearsonText = (audit: Audit, a: string, b: string) =>
  formatValue(audit.correlations.find((row) => row.period === "all" && row.relation === "sibling" && row.a === a && row.b === b)!.pearson, 3);

describe("formatAuditHtml in Chinese", () => {
  it("formatAuditHtml(audit, result) speaks Chinese by default: title, meta line with the methods' Chinese names, headings and headers", async () => {
    const { result, audit } = await handMade();
    const html = await formatAuditHtml(audit, result);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>统计审计</title>");
    expect(html).toContain("<h1>统计审计</h1>");
    // 8 units × 4 years = 32 unit-years; the method names are labels.ts's (methodName), as the report's method line.
    expect(html).toContain(
      '<p class="meta">8个评价对象 · 2019—2022年 · 全部32个评价对象-年份合并计算 · 标准化（极差标准化），合成（加权算术平均），权重（指标体系给定权重），缺失值处理（缺项权重重新分配）。' +
        "各年分别计算的结果见 statistics.csv、correlations.csv、cronbach.csv、pca.csv、importance.csv。</p>",
    );
    expect(["min-max", "arithmetic", "explicit", "reweight"].map((method) => methodName(method, "zh"))).toEqual(["极差标准化", "加权算术平均", "指标体系给定权重", "缺项权重重新分配"]);
    expect(html).toContain("<h2>指标组：Cronbach α 系数与第一主成分</h2>");
    expect(html).toContain(
      "<thead><tr><th>指标组</th><th>名称</th><th>下级个数</th><th>观测数</th><th>α</th><th>第一主成分特征值</th><th>第一主成分方差占比</th><th>提示</th><th>说明</th></tr></thead>",
    );
    expect(html).toContain("<h2>各指标组内的相关系数</h2>");
    expect(html).toContain("<h2>名义权重与有效权重</h2><p>有效权重：各下级与所在指标组的 r²（及相关比）除以同级之和。</p>");
    expect(html).toContain("<h2>提示（全部评价对象-年份合并）</h2>");
    expect(html).toContain("<thead><tr><th>指标或指标对</th><th>名称或关系</th><th>提示</th><th>说明</th></tr></thead>");
    expect(html).toContain(`<p>单个年份的提示：${yearlyFlagRows(audit)}行（见 CSV 文件）。</p>`);
  });

  it("formatAuditHtml names the flags in Chinese, the correlations' as the dashboard does, with 、 and ；", async () => {
    const { result, audit } = await handMade();
    const html = await formatAuditHtml(audit, result, { language: "zh" });
    // Q's pooled alpha is -0.616 (cronbach.csv; R's value in test/fixtures/audit/expected.csv): below 0.7.
    expect(html).toMatch(/<tr><td>Q<\/td><td>Pillar Q<\/td>(<td class="number">[^<]*<\/td>){5}<td>α 低于 0\.7<\/td>/);
    // d's pooled flags are low-coverage;collinear, h's near-constant;negative-within-group (statistics.csv, test/cli/audit.test.ts).
    expect(html).toContain("<tr><td>d</td><td>Indicator d</td><td>覆盖率低、高度共线</td>");
    expect(html).toContain("<tr><td>h</td><td>Indicator h</td><td>取值几乎不变、与同组指标负相关</td>");
    expect(html).toContain(`<tr><td>f – g</td><td>同级，r = ${pearsonText(audit, "f", "g")}</td><td>负相关</td>`);
    // Q's correlation with the index, its parent, is below 0.3: weak-parent.
    expect(html).toMatch(/<tr><td>Q – INDEX<\/td><td>与上级，r = [0-9.-]+<\/td><td>与上级相关弱<\/td>/);
    // The same words as the dashboard's audit section.
    const dashboard = dashboardWords("zh");
    expect(["negative", "collinear", "weak-parent"].map((flag) => auditFlagName(flag, "zh"))).toEqual([dashboard.flagNegative, dashboard.flagCollinear, dashboard.flagWeakParent]);
    expect(auditRelationName("sibling", "zh")).toBe("同级");
  });

  it("formatAuditHtml titles the charts and names their series in Chinese", async () => {
    const { result, audit } = await handMade();
    const html = await formatAuditHtml(audit, result);
    expect(html).toContain(">Sub-pillar P1：下级指标的相关系数（Pearson）</text>");
    expect(html).toContain(">Pillar P：名义权重与有效权重</text>");
    for (const series of ["名义权重", "r² 占比（与上级）", "相关比占比"]) expect(html).toContain(`>${series}</text>`);
    for (const english of ["Pearson correlations", "nominal", "Flags", "unit-years", "None.", "alpha &#60;", "sibling", "Each year apart", "min-max,"])
      expect(html, english).not.toContain(english);
  });

  it("formatAuditHtml with one unit and no flag: the one-unit note and 无。 in Chinese, the note and None. in English", async () => {
    const { result, audit } = oneUnit();
    expect([...audit.statistics, ...audit.correlations].filter((row) => row.period === "all" && row.flags.length > 0)).toEqual([]);
    const zh = await formatAuditHtml(audit, result, { language: "zh" });
    expect(zh).toContain('<p class="meta">1个评价对象 · 2017—2020年 · 全部4个评价对象-年份合并计算 · ');
    expect(zh).toContain(
      '<p class="note">只有一个评价对象：本页的每个统计量都基于它的4个年份计算，描述的是各指标随时间的共同变化（主要是共同趋势），而不是对象之间的差异。</p>',
    );
    expect(zh).toContain("<h2>提示（全部评价对象-年份合并）</h2><p>无。</p>");
    const en = await formatAuditHtml(audit, result, { language: "en" });
    expect(en).toContain('<p class="meta">1 unit · 2017–2020 · all 4 unit-years pooled · normalisation fixed-base, ');
    expect(en).toContain('<p class="note">One unit: every statistic here runs over its 4 years, so it describes how the indicators moved together');
    expect(en).toContain("<h2>Flags (all unit-years)</h2><p>None.</p>");
  });
});

describe("formatAuditHtml: the engine's notes", () => {
  it("gives a group of one child's note in the page's language (auditMessages.oneChild and its Chinese)", async () => {
    // G has two children, H one: Cronbach's alpha and PCA are undefined for H, which the engine notes.
    const tree = treeOf([
      ["G", "", "", ""],
      ["A", "G", "", "+"],
      ["B", "G", "", "+"],
      ["H", "", "", ""],
      ["C", "H", "", "+"],
    ]);
    const series = { A: [1, 2, 3, 4], B: [1, 3, 2, 4], C: [2, 2, 3, 5] };
    const records = Object.entries(series).flatMap(([indicator, values]) => values.map((value, y) => ({ unit: "U", year: 2017 + y, indicator, value })));
    const result = resultOf(tree, records, {});
    const audit = auditIndex(result);
    expect(audit.cronbach.find((row) => row.period === "all" && row.group === "H")?.note).toBe('group "H" has one child');
    const zh = await formatAuditHtml(audit, result, { language: "zh" });
    expect(zh).toContain("<td>指标组 &#34;H&#34; 只有一个下级节点</td>");
    expect(zh).not.toContain("has one child");
    const en = await formatAuditHtml(audit, result, { language: "en" });
    expect(en).toContain("<td>group &#34;H&#34; has one child</td>");
  });
});

describe("formatAuditHtml in English", () => {
  it("formatAuditHtml(audit, result, { language: 'en' }) keeps the page English: no Chinese character in it", async () => {
    const { result, audit } = await handMade();
    const html = await formatAuditHtml(audit, result, { language: "en" });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Statistical audit</h1>");
    expect(html).toContain(
      '<p class="meta">8 units · 2019–2022 · all 32 unit-years pooled · normalisation min-max, aggregation arithmetic, weights explicit, missing values reweight. ' +
        "Each year apart: statistics.csv, correlations.csv, cronbach.csv, pca.csv, importance.csv.</p>",
    );
    expect(html).toContain("<h2>Groups: Cronbach&#39;s alpha and the first principal component</h2>");
    expect(html).toContain("<th>group</th><th>name</th><th>children</th><th>n</th><th>alpha</th><th>PC1 eigenvalue</th><th>PC1 share</th><th>flags</th><th>notes</th>");
    expect(html).toContain("<td>alpha &#60; 0.7</td>");
    expect(html).toContain("<tr><td>d</td><td>Indicator d</td><td>low-coverage, collinear</td>");
    expect(html).toContain(`<tr><td>f – g</td><td>sibling, r = ${pearsonText(audit, "f", "g")}</td><td>negative</td>`);
    expect(html).toContain(">Sub-pillar P1: Pearson correlations of its children</text>");
    expect(html).toContain(">nominal weight</text>");
    expect(html).toContain(`<p>Flags in single years: ${yearlyFlagRows(audit)} rows (see the CSV files).</p>`);
    expect(html).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
  });

  it("formatAuditHtml keeps a title given, in either language", async () => {
    const { result, audit } = oneUnit();
    expect(await formatAuditHtml(audit, result, { language: "en", title: "Audit <x>" })).toContain("<h1>Audit &#60;x&#62;</h1>");
    expect(await formatAuditHtml(audit, result, { title: "审计" })).toContain("<h1>审计</h1>");
  });
});
