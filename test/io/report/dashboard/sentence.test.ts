import { describe, expect, it } from "vitest";
import { changeHead, fill, yearChange, yearSentence } from "../../../../src/io/report/dashboard/sentence.js";
import { dashboardWords } from "../../../../src/io/report/dashboard/words.js";
import { testerRun } from "../tester-run.js";

/** The page's number format with 2 decimals (client.ts's `format`). */
const format = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

describe("the dashboard's sentence of a year's change", () => {
  it("says the change in percent when the year before is above 0: 100 -> 115.5 is +15.5%", () => {
    expect(changeHead(dashboardWords("zh"), 2018, 100, 115.5, format, true)).toBe("2018年总指数上升15.5%（100.00 → 115.50）");
    expect(changeHead(dashboardWords("en"), 2019, 115.5, 110, format, true)).toBe("In 2019 the index fell 4.8% (115.50 → 110.00)"); // 5.5/115.5 = 4.76%
  });

  it("says it in points when the year before is 0 or below (a z-score from -1.5 to 0.5 is no '-133%'), as growth.csv leaves the percent empty", () => {
    expect(changeHead(dashboardWords("zh"), 2018, -1.5, 0.5, format, true)).toBe("2018年总指数上升2.0点（-1.50 → 0.50）");
    expect(changeHead(dashboardWords("en"), 2018, 0, -0.25, format, true)).toBe("In 2018 the index fell 0.3 points (0.00 → -0.25)"); // |−0.25| to 1 decimal
  });

  it("says an index that did not change as such, with no 0.0%", () => {
    expect(changeHead(dashboardWords("zh"), 2021, 50, 50, format, true)).toBe("2021年总指数持平（50.00 → 50.00）");
    expect(changeHead(dashboardWords("en"), 2021, 50, 50, format, true)).toBe("In 2021 the index did not change (50.00 → 50.00)");
  });

  it("fill keeps a key it has no value for", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});


describe("the overview's sentence and table row of a year, from the run's values (as the page computes them)", () => {
  const nameOf = (result: ReturnType<typeof testerRun>) => (n: number) => result.nodes[n].nameEn ?? result.nodes[n].name;

  it("P, Y1 reweighted in 2021: A 0 → 50 and B 100 → 50 (Y2's 50 alone), so the index stays 50 with +25 and −25", () => {
    const result = testerRun();
    // A: 0.5·(50 − 0) = 25; B: 0.5·(50 − 100) = −25; the index 0.5·0 + 0.5·100 = 50 → 0.5·50 + 0.5·50 = 50.
    expect(yearSentence(dashboardWords("en"), result, 0, 1, nameOf(result), format, false)).toBe(
      "In 2021 the index did not change (50.00 → 50.00), of which Input contributed 25.0 points, Pressure contributed -25.0 points.",
    );
    expect(yearSentence(dashboardWords("zh"), result, 0, 1, nameOf(result), format, false)).toBe("2021年总指数持平（50.00 → 50.00），其中Input贡献25.0点、Pressure贡献-25.0点。");
  });

  it("the index missing in 2021 (--min-group-coverage 0.6): says the change cannot be given, with no contribution", () => {
    const result = testerRun({ minGroupCoverage: 0.6 });
    // P 2021: B has 1 of its 2 children (0.5 < 0.6), so B is missing, and the index (1 of 2 dimensions) too.
    expect(yearSentence(dashboardWords("en"), result, 0, 1, nameOf(result), format, false)).toBe(
      "The change of the overall index from 2020 to 2021 cannot be given: the index is missing in 2021.",
    );
    expect(yearSentence(dashboardWords("zh"), result, 0, 1, nameOf(result), format, false)).toBe("无法给出2020—2021年总指数的变化：2021年总指数缺失。");
    expect(yearChange(dashboardWords("zh"), result, 0, 1)).toEqual({ missing: "无法给出2020—2021年总指数的变化：2021年总指数缺失。" });
    // Q has every value: A 100 → 0 gives 0.5·(−100) = −50, B 0 → 100 gives +50; the index 50 both years.
    expect(yearSentence(dashboardWords("en"), result, 1, 1, nameOf(result), format, false)).toBe(
      "In 2021 the index did not change (50.00 → 50.00), of which Pressure contributed 50.0 points, Input contributed -50.0 points.",
    );
    expect(yearChange(dashboardWords("en"), result, 1, 1)).toEqual({
      from: 50,
      to: 50,
      contributions: [
        { n: 1, points: -50 },
        { n: 3, points: 50 },
      ],
    });
  });
});
