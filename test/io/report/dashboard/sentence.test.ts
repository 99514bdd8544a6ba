import { describe, expect, it } from "vitest";
import { toFixedText } from "../../../../src/core/number.js";
import { changeCells, changeHead, fill, shownPoints, yearChange, yearSentence } from "../../../../src/io/report/dashboard/sentence.js";
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

  it("says a change that shows as 0.0 as about unchanged, with no direction word beside a zero", () => {
    // 100 → 99.99: −0.01 / 100 = −0.01 %, shown to 1 decimal as 0.0: not "下降0.0%".
    expect(changeHead(dashboardWords("zh"), 2020, 100, 99.99, format, true)).toBe("2020年总指数基本持平（100.00 → 99.99）");
    expect(changeHead(dashboardWords("en"), 2020, 100, 99.99, format, true)).toBe("In 2020 the index was about unchanged (100.00 → 99.99)");
    // A min-max score (no ratio scale) 2.5 → 2.5001: +0.0001 points, shown as 0.0: not "上升0.0点".
    expect(changeHead(dashboardWords("zh"), 2020, 2.5, 2.5001, format, false)).toBe("2020年总指数基本持平（2.50 → 2.50）");
    expect(changeHead(dashboardWords("en"), 2020, 2.5, 2.5001, format, false)).toBe("In 2020 the index was about unchanged (2.50 → 2.50)");
    // In points because the year before is below 0: −1.5 → −1.46 is +0.04 points, shown as 0.0.
    expect(changeHead(dashboardWords("en"), 2018, -1.5, -1.46, format, true)).toBe("In 2018 the index was about unchanged (-1.50 → -1.46)");
    // The smallest change that shows: 100 → 100.1 is +0.1 % (0.1 / 100), and 2.5 → 2.6 +0.1 points.
    expect(changeHead(dashboardWords("zh"), 2020, 100, 100.1, format, true)).toBe("2020年总指数上升0.1%（100.00 → 100.10）");
    expect(changeHead(dashboardWords("en"), 2020, 2.6, 2.5, format, false)).toBe("In 2020 the index fell 0.1 points (2.60 → 2.50)");
  });

  it("shows a contribution that rounds to zero without a sign: −0.04 points is 0.0, −0.06 is -0.1 (toFixed, as the page)", () => {
    expect(shownPoints(-0.04, format)).toBe("0.0");
    expect(shownPoints(0.04, format)).toBe("0.0");
    expect(shownPoints(-0.06, format)).toBe("-0.1");
    expect(shownPoints(25, format)).toBe("25.0");
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

describe("the numbers of a year's sentence are the figures as shown, as growth.csv and contributions.csv give them", () => {
  it("index 100 -> 108.74999999999999 (shown 108.75), one dimension A: the change 8.75 and A's contribution 8.75, both 8.8", () => {
    // By hand: 108.75 − 100 = 8.75, 8.8 at one decimal; A (weight 1) contributes all of it (before: 8.749999999999986,
    // printed 8.7 beside a change of 8.8).
    const source = {
      units: ["P"],
      years: [2020, 2021],
      nodes: [
        { code: "INDEX", name: "Index", level: 0, kind: "index" as const, parent: null, weight: 1 },
        { code: "A", name: "A", level: 1, kind: "group" as const, parent: "INDEX", weight: 1 },
      ],
      values: Float64Array.from([100, 108.74999999999999, 100, 108.74999999999999]),
      options: { aggregate: "arithmetic" },
    } as unknown as Parameters<typeof yearChange>[1];
    expect(yearChange(dashboardWords("en"), source, 0, 1)).toEqual({ from: 100, to: 108.74999999999999, contributions: [{ n: 1, points: 8.75 }] });
    const oneDecimal = (value: number) => toFixedText(value, 1);
    expect(changeCells(100, 108.74999999999999, true, oneDecimal)).toEqual(["8.8", "8.8"]);
    // 100 -> 100.05: the change 0.05 (0.1 at one decimal), not the binary 0.04999999999999716 (0.0)
    expect(changeCells(100, 100.05, false, oneDecimal)).toEqual(["0.1"]);
  });
});
