import { describe, expect, it } from "vitest";
import type { ValueRecord } from "../../src/core/panel.js";
import { percentMixWarnings } from "../../src/core/percent-marks.js";

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
  });

  it("counts neither missing values nor zeros, which read the same either way", () => {
    const records = [record("A", 2017, 1.5, true), record("A", 2018, 0), record("A", 2019, Number.NaN)];
    expect(percentMixWarnings(records, "v.csv")).toEqual([]);
  });
});
