import { describe, expect, it } from "vitest";
import type { ValueRecord } from "../../src/core/panel.js";
import { percentMixWarnings } from "../../src/core/percent-marks.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";

const record = (indicator: string, year: number, value: number, percent = false, line = year - 2015): ValueRecord =>
  percent ? { unit: "U", year, indicator, value, line, percent } : { unit: "U", year, indicator, value, line };

describe("percentMixWarnings", () => {
  it("warns once per code mixing the two kinds, at the first value of the rarer kind", () => {
    const warnings = percentMixWarnings(
      [
        record("A", 2017, 0.02),
        record("A", 2018, 2.5, true),
        record("A", 2019, 0.03),
        record("B", 2017, 1, true),
        record("B", 2018, 2, true),
        record("C", 2017, 4),
      ],
      "v.csv",
    );
    // A: 2 plain, 1 marked: the marked one (line 3) is the rarer kind. B is all marked, C all plain.
    expect(warnings.map(({ code, source, line, id }) => ({ code, source, line, id }))).toEqual([{ code: "W_PERCENT_MIXED", source: "v.csv", line: 3, id: "A" }]);
    expect(warnings[0].message).toMatch(/^values of "A" mix 1 percentage \(e\.g\. 2\.5% at v\.csv:3\) with 2 plain numbers \(e\.g\. 0\.02 at v\.csv:2\)/);
    // A long layout's line holds one value, in its value column.
    expect(warnings[0].column).toBe("value");
  });

  it("names the column of each example and of the warning in a wide layout, whose values share a line", () => {
    // w.csv line 2: 指标代码,2017年,2018年,2019年 / A1,1.96%,0.0214,2.33%: the plain 0.0214 (column 3) is the rarer kind.
    const wide = (year: number, value: number, column: number, percent = false): ValueRecord => ({ ...record("A1", year, value, percent, 2), column });
    const warnings = percentMixWarnings([wide(2017, 1.96, 2, true), wide(2018, 0.0214, 3), wide(2019, 2.33, 4, true)], "w.csv");
    expect(warnings.map(({ source, line, column, id }) => ({ source, line, column, id }))).toEqual([{ source: "w.csv", line: 2, column: 3, id: "A1" }]);
    expect(warnings[0].message).toMatch(/^values of "A1" mix 2 percentages \(e\.g\. 1\.96% at w\.csv:2:2\) with 1 plain number \(e\.g\. 0\.0214 at w\.csv:2:3\);/);
  });

  it("places the warning at the cell the wide reader read (line and column)", () => {
    const parsed = parseDataCsv("指标代码,2017年,2018年,2019年\nA1,1.96%,0.0214,2.33%\nA2,100,110,120\n", "w.csv");
    if (!parsed.ok) throw new Error("not read");
    const [warning] = percentMixWarnings(parsed.value, "w.csv");
    expect({ line: warning.line, column: warning.column }).toEqual({ line: 2, column: 3 });
    expect(warning.message).toContain("(e.g. 1.96% at w.csv:2:2) with 1 plain number (e.g. 0.0214 at w.csv:2:3)");
  });

  it("counts neither missing values nor zeros, which read the same either way", () => {
    const records = [record("A", 2017, 1.5, true), record("A", 2018, 0), record("A", 2019, Number.NaN)];
    expect(percentMixWarnings(records, "v.csv")).toEqual([]);
  });
});
