/**
 * The dashboard's and the static report's growth follow the one points-or-percent decision (`ratioScale`, as the
 * terminal table and growth.csv): on a scale with no natural zero (a Copeland score of wins − losses, a min-max score)
 * the change is said and tabled in points, never in percent; on the fixed-base index it stays in percent.
 *
 * One indicator A1 under A (weight 1), three units, 2017–2019: u1 100 → 110 → 121, u2 50 → 40 → 60, u3 10 → 12 → 11
 * (the case of test/cli/growth-scale.test.ts). Worked out by hand:
 * - fixed-base (each unit's own 2017 = 100): u1 100, 110, 121; u2 100, 80, 120; u3 100, 120, 110.
 * - Copeland over those scores (+1 per unit beaten, ties 0; A and the index each of one child keep the order):
 *   2017 all tie: 0, 0, 0; 2018 u3 120 > u1 110 > u2 80: u1 0, u2 −2, u3 +2; 2019 u1 121 > u2 120 > u3 110:
 *   u1 +2, u2 0, u3 −2. So u3 goes 2 → −2 in 2019: a fall of 4 points, which a percent of the year before called
 *   100 · (−2 − 2) / 2 = −200 %.
 * - min-max over all nine values (lowest 10, highest 121): 100 · (x − 10) / 111; u1 2018 100 · 100 / 111 = 90.0901,
 *   2019 100: a rise of 9.9099 points (in percent it would be 9.9099 / 90.0901 = 11.0 %); u1 2017 100 · 90 / 111 =
 *   81.0811, so (100 − 81.0811) / 2 = 9.4595 points a year since 2017.
 */
import { describe, expect, it } from "vitest";
import { analyzeResult } from "../../../src/core/analysis/analyze.js";
import { computeIndex, type ComputeOptions } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildDashboardData } from "../../../src/io/report/dashboard/data.js";
import { changeCells, changeColumns, changeHead, yearSentence } from "../../../src/io/report/dashboard/sentence.js";
import { dashboardWords } from "../../../src/io/report/dashboard/words.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { formatReportHtml } from "../../../src/io/report/to-html.js";

const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
const VALUES: Record<string, number[]> = { u1: [100, 110, 121], u2: [50, 40, 60], u3: [10, 12, 11] };

function run(options: ComputeOptions) {
  const tree = parseTreeCsv(TREE, "tree.csv");
  const records = Object.entries(VALUES).flatMap(([unit, series]) => series.map((value, y) => ({ unit, year: 2017 + y, indicator: "A1", value })));
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("the panel is invalid");
  const result = computeIndex(tree, panel.value, options);
  return { tree, result, data: buildDashboardData(result, tree, "en", 2) };
}

/** The page's number format with 2 decimals (client.ts's `format`). */
const format = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const index = (result: ReturnType<typeof run>["result"], unit: string) => [0, 1, 2].map((y) => result.values[(0 * 3 + result.units.indexOf(unit)) * 3 + y]);
const nameOf = (result: ReturnType<typeof run>["result"]) => (n: number) => result.nodes[n].nameEn ?? result.nodes[n].name;

describe("the dashboard's change: in points where the data's ratioScale is false", () => {
  it("Copeland: u3 2 → −2 in 2019 fell 4 points, not 200 %; the table has no percent column", () => {
    const { result, data } = run({ aggregate: "copeland" });
    expect(data.ratioScale).toBe(false);
    expect(index(result, "u3")).toEqual([0, 2, -2]);
    expect(changeHead(dashboardWords("en"), 2019, 2, -2, format, data.ratioScale)).toBe("In 2019 the index fell 4.0 points (2.00 → -2.00)");
    expect(changeHead(dashboardWords("zh"), 2019, 2, -2, format, data.ratioScale)).toBe("2019年总指数下降4.0点（2.00 → -2.00）");
    // What the page said before the decision was passed through: the percent of the year before.
    expect(changeHead(dashboardWords("en"), 2019, 2, -2, format, true)).toBe("In 2019 the index fell 200.0% (2.00 → -2.00)");
    expect(yearSentence(dashboardWords("en"), result, 2, 2, nameOf(result), format, data.ratioScale)).toBe(
      // a, the only dimension, carries the whole change of the index (its Copeland scores are the index's).
      "In 2019 the index fell 4.0 points (2.00 → -2.00), of which a contributed -4.0 points.",
    );
    expect(changeColumns(dashboardWords("en"), data.ratioScale)).toEqual(["Change (points)"]);
    expect(changeColumns(dashboardWords("zh"), data.ratioScale)).toEqual(["变化（点）"]);
    expect(changeCells(2, -2, data.ratioScale, format)).toEqual(["-4.00"]);
  });

  it("min-max: u1 90.0901 → 100 in 2019 rose 9.9 points (a contributing 9.9), not 11.0 %", () => {
    const { result, data } = run({ normalize: "min-max" });
    expect(data.ratioScale).toBe(false);
    const [, from, to] = index(result, "u1");
    expect([from, to].map((value) => value.toFixed(4))).toEqual(["90.0901", "100.0000"]);
    expect(yearSentence(dashboardWords("en"), result, 0, 2, nameOf(result), format, data.ratioScale)).toBe(
      "In 2019 the index rose 9.9 points (90.09 → 100.00), of which a contributed 9.9 points.",
    );
    expect(yearSentence(dashboardWords("zh"), result, 0, 2, nameOf(result), format, data.ratioScale)).toBe("2019年总指数上升9.9点（90.09 → 100.00），其中a贡献9.9点。");
    expect(changeCells(from, to, data.ratioScale, format)).toEqual(["9.91"]);
  });

  it("fixed-base: still in percent, u1 110 → 121 rose 10.0 % and u2 100 → 80 fell 20.0 %, with a percent column", () => {
    const { result, data } = run({});
    expect(data.ratioScale).toBe(true);
    expect(index(result, "u1").map((value) => value.toFixed(10))).toEqual(["100.0000000000", "110.0000000000", "121.0000000000"]);
    // 11 / 110 = 10 %; a contributes the whole 11 points (the index is a, weight 1).
    expect(yearSentence(dashboardWords("en"), result, 0, 2, nameOf(result), format, data.ratioScale)).toBe(
      "In 2019 the index rose 10.0% (110.00 → 121.00), of which a contributed 11.0 points.",
    );
    // u2 50 → 40 is 100 → 80: −20 points, −20 %.
    expect(yearSentence(dashboardWords("zh"), result, 1, 1, nameOf(result), format, data.ratioScale)).toBe("2018年总指数下降20.0%（100.00 → 80.00），其中a贡献-20.0点。");
    expect(changeColumns(dashboardWords("en"), data.ratioScale)).toEqual(["Change (points)", "Change (%)"]);
    expect(changeCells(100, 80, data.ratioScale, format)).toEqual(["-20.00", "-20.00"]);
    // The year before at 0 or below: "–" in the percent column, as growth.csv leaves it empty.
    expect(changeCells(0, 5, data.ratioScale, format)).toEqual(["5.00", "–"]);
  });
});

describe("the static report's growth table: percent columns on a ratio scale only", () => {
  const report = async (options: ComputeOptions) => {
    const { result } = run(options);
    return formatReportHtml(result, analyzeResult(result), { language: "en" });
  };

  it("min-max: the change and the average yearly change since 2017 in points, no percent column", async () => {
    const html = await report({ normalize: "min-max" });
    expect(html).toContain("<thead><tr><th>Code</th><th>Name</th><th>Value</th><th>Change (points)</th><th>Average yearly change since 2017 (points)</th></tr></thead>");
    expect(html).not.toContain("Change (%)");
    // u1's index: 100.00, +9.91 on 2018, (100 − 81.0811) / 2 = 9.46 a year since 2017.
    expect(html).toContain('<td>INDEX</td><td>Overall index</td><td class="number">100.00</td><td class="number">9.91</td><td class="number">9.46</td></tr>');
  });

  it("Copeland: likewise (u3 −2, −4 points on 2018, (−2 − 0) / 2 = −1 a year)", async () => {
    const html = await report({ aggregate: "copeland" });
    expect(html).not.toContain("Change (%)");
    expect(html).toContain('<td>INDEX</td><td>Overall index</td><td class="number">-2.00</td><td class="number">-4.00</td><td class="number">-1.00</td></tr>');
  });

  it("fixed-base: the change in percent and the yearly growth since 2017 in percent, as before", async () => {
    const html = await report({});
    expect(html).toContain("<th>Change (points)</th><th>Change (%)</th><th>Yearly growth since 2017 (%)</th></tr></thead>");
    // u1 121: +11 points, 11 / 110 = 10 %, (121 / 100)^(1/2) − 1 = 10 %.
    expect(html).toContain('<td>INDEX</td><td>Overall index</td><td class="number">121.00</td><td class="number">11.00</td><td class="number">10.00</td><td class="number">10.00</td></tr>');
  });
});
