import { describe, expect, it } from "vitest";
import { changeHead, fill } from "../../../../src/io/report/dashboard/sentence.js";
import { dashboardWords } from "../../../../src/io/report/dashboard/words.js";

/** The page's number format with 2 decimals (client.ts's `format`). */
const format = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

describe("the dashboard's sentence of a year's change", () => {
  it("says the change in percent when the year before is above 0: 100 -> 115.5 is +15.5%", () => {
    expect(changeHead(dashboardWords("zh"), 2018, 100, 115.5, format)).toBe("2018年总指数上升15.5%（100.00 → 115.50）");
    expect(changeHead(dashboardWords("en"), 2019, 115.5, 110, format)).toBe("In 2019 the index fell 4.8% (115.50 → 110.00)"); // 5.5/115.5 = 4.76%
  });

  it("says it in points when the year before is 0 or below (a z-score from -1.5 to 0.5 is no '-133%'), as growth.csv leaves the percent empty", () => {
    expect(changeHead(dashboardWords("zh"), 2018, -1.5, 0.5, format)).toBe("2018年总指数上升2.0点（-1.50 → 0.50）");
    expect(changeHead(dashboardWords("en"), 2018, 0, -0.25, format)).toBe("In 2018 the index fell 0.3 points (0.00 → -0.25)"); // |−0.25| to 1 decimal
  });

  it("fill keeps a key it has no value for", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
