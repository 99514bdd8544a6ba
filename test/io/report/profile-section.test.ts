/**
 * The unit profile section: the chart kind by the number of dimensions, the strengths and weaknesses listed (the hand
 * example of test/core/audit/robust-fixture.ts), escaping, and the single-unit note.
 */
import { describe, expect, it } from "vitest";
import { computeProfiles } from "../../../src/core/audit/profiles.js";
import { robustnessMessages } from "../../../src/core/audit/robustness-messages.js";
import { robustnessMessagesZh } from "../../../src/core/zh/robustness-messages.js";
import { formatProfileSectionHtml, profileChartOption } from "../../../src/io/report/profile-section.js";
import { escapeHtml } from "../../../src/io/report/to-html.js";
import { handExample, resultOf, treeOf } from "../../core/audit/robust-fixture.js";

const seriesType = (option: ReturnType<typeof profileChartOption>["option"]) => (option.series as { type: string }[])[0].type;

describe("formatProfileSectionHtml", () => {
  it("profileChartOption(result, unit, year) is a bar chart with two dimensions and a radar with three", () => {
    expect(seriesType(profileChartOption(handExample(), 0, 2020).option)).toBe("bar");
    const tree = treeOf([["A", "", "", "+"], ["B", "", "", "+"], ["C", "", "", "+"]]);
    const result = resultOf(tree, ["A", "B", "C"].map((indicator, i) => ({ unit: "U", year: 2020, indicator, value: i + 1 })), {});
    expect(seriesType(profileChartOption(result, 0, 2020).option)).toBe("radar");
  });

  it("formatProfileSectionHtml(result, profiles, unit) lists the unit's strengths and weaknesses with rank, score and raw value", async () => {
    // P (hand example): rank 1 in G1 (score 60) and A (100), rank 4 in G2 (20) and C (0), of 4 units.
    const result = handExample();
    const html = await formatProfileSectionHtml(result, computeProfiles(result, { topRanks: 1, bottomRanks: 1 }), "P", { language: "en" });
    expect(html).toMatch(/^<section class="profile"><h2>P · 2020<\/h2><figure class="chart"><svg/);
    expect(html).toContain(
      "<h3>Strengths</h3><ul><li>G1 <code>G1</code>: rank 1 of 4, score 60.00</li><li>A <code>A</code>: rank 1 of 4, score 100.00, value 100.00</li></ul>",
    );
    expect(html).toContain("<h3>Weaknesses</h3><ul><li>G2 <code>G2</code>: rank 4 of 4, score 20.00</li><li>C <code>C</code>: rank 4 of 4, score 0.00, value 0.00</li></ul>");
    // S has no rank 1 or 4 anywhere.
    const s = await formatProfileSectionHtml(result, computeProfiles(result, { topRanks: 1, bottomRanks: 1 }), "S");
    expect(s).toContain("<h3>优势</h3><p>无</p><h3>劣势</h3><p>无</p>");
  });

  it("formatProfileSectionHtml(result, profiles, unit) words the list in Chinese by default, with full-width ： and ，", async () => {
    // The same P as above (hand example): rank 1 of 4 in G1 (score 60) and A (100, raw value 100).
    const result = handExample();
    const html = await formatProfileSectionHtml(result, computeProfiles(result, { topRanks: 1, bottomRanks: 1 }), "P");
    expect(html).toContain("<h3>优势</h3><ul><li>G1 <code>G1</code>：第1名（共4个），得分 60.00</li><li>A <code>A</code>：第1名（共4个），得分 100.00，原始值 100.00</li></ul>");
    expect(html).toContain("<h3>劣势</h3><ul><li>G2 <code>G2</code>：第4名（共4个），得分 20.00</li>");
    // The lists after the chart (whose SVG has its own English attribute names) hold no English word or comma.
    expect(html.slice(html.indexOf("</figure>"))).not.toMatch(/rank|score|value|,/);
  });

  it("formatProfileSectionHtml escapes unit and node names, and shows the note for a single unit", async () => {
    const tree = treeOf([["<b>", "", "", "+"], ["B&C", "", "", "+"]]);
    const unit = `<script>alert("x")</script>`;
    const result = resultOf(tree, ["<b>", "B&C"].map((indicator) => ({ unit, year: 2020, indicator, value: 1 })), {});
    const html = await formatProfileSectionHtml(result, computeProfiles(result), unit);
    expect(html).not.toContain("<script>");
    expect(html).toContain(`<h2>${escapeHtml(unit)} · 2020</h2>`);
    // The note in the page's language (Chinese by default), in the words of src/core/zh/robustness-messages.ts.
    expect(html).toContain(`<p class="note">${escapeHtml(robustnessMessagesZh.profilesSingleUnit(unit))}</p>`);
    expect(html).not.toContain("NaN");
    const english = await formatProfileSectionHtml(result, computeProfiles(result), unit, { language: "en" });
    expect(english).toContain(`<p class="note">${escapeHtml(robustnessMessages.profilesSingleUnit(unit))}</p>`);
  });
});
