import iconv from "iconv-lite";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkMessages } from "../../src/core/check-messages.js";
import type { ValueRecord } from "../../src/core/panel.js";
import { PERCENT_MAGNITUDE_GAP, percentMixWarnings } from "../../src/core/percent-marks.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { loadInputs } from "../../src/io/read/load.js";
import { makeTempDir } from "../helpers.js";

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
    expect(warnings[0].message).toMatch(/^values of "A1" mix 2 percentages \(e\.g\. 1\.96% at w\.csv:2:2\) with 1 plain number \(e\.g\. 0\.0214 at w\.csv:2:3\) of another magnitude:/);
  });

  it("places the warning at the cell the wide reader read (line and column)", () => {
    const parsed = parseDataCsv("指标代码,2017年,2018年,2019年\nA1,1.96%,0.0214,2.33%\nA2,100,110,120\n", "w.csv");
    if (!parsed.ok) throw new Error("not read");
    const [warning] = percentMixWarnings(parsed.value, "w.csv");
    expect({ line: warning.line, column: warning.column }).toEqual({ line: 2, column: 3 });
    expect(warning.message).toContain("(e.g. 1.96% at w.csv:2:2) with 1 plain number (e.g. 0.0214 at w.csv:2:3)");
  });

  it("says nothing of plain numbers of the percentages' magnitude: percent points without their sign (1.96 to 2.33 beside 2.44%)", () => {
    // Medians 2.1 (1.96, 2.1, 2.33) and 2.44: 1.16 times apart, within 20.
    const records = [record("A11", 2017, 1.96), record("A11", 2018, 2.1), record("A11", 2019, 2.33), record("A11", 2020, 2.44, true)];
    expect(percentMixWarnings(records, "v.csv")).toEqual([]);
  });

  it("still warns of a plain fraction beside a percentage (0.0196 beside 2.44%), naming both medians and the factor", () => {
    const warnings = percentMixWarnings([record("A11", 2017, 0.0196), record("A11", 2020, 2.44, true)], "v.csv");
    // One of each kind: a tie, placed at the plain one (line 2). 2.44 / 0.0196 = 124.49, shown as a whole number.
    expect(warnings.map(({ code, line, id }) => ({ code, line, id }))).toEqual([{ code: "W_PERCENT_MIXED", line: 2, id: "A11" }]);
    expect(warnings[0].message).toBe(
      checkMessages.percentMixed("A11", { count: 1, value: 2.44, median: 2.44, file: "v.csv", line: 5 }, { count: 1, value: 0.0196, median: 0.0196, file: "v.csv", line: 2 }),
    );
    expect(warnings[0].message).toContain("(e.g. 0.0196 at v.csv:2) of another magnitude: the plain numbers' median, 0.0196, is about 124 times smaller than the percentages', 2.44;");
  });

  it("warns of plain numbers larger than the percentages too (196 beside 1.96%), and from a gap of more than 20 times", () => {
    expect(percentMixWarnings([record("A", 2017, 196), record("A", 2018, 1.96, true)], "v.csv")[0].message).toContain("the plain numbers' median, 196, is 100 times larger than the percentages', 1.96;");
    expect(PERCENT_MAGNITUDE_GAP).toBe(20);
    // 2 / 0.1 = 20: agree; 2.05 / 0.1 = 20.5: warned of.
    expect(percentMixWarnings([record("A", 2017, 0.1), record("A", 2018, 2, true)], "v.csv")).toEqual([]);
    expect(percentMixWarnings([record("A", 2017, 0.1), record("A", 2018, 2.05, true)], "v.csv")).toHaveLength(1);
  });

  it("reads a values folder of plain 2017-2019 files and a GBK 2020 file with percent signs without a warning", async () => {
    const tree = "code,parent,name,weight,direction\nA,,投入,1,\nA11,A,研发占比,0.5,+\nA12,A,研发人员占比,0.5,+\n";
    const plain = (year: number, a11: string, a12: string) => `unit,year,indicator,value\n常州高新区,${year},A11,${a11}\n常州高新区,${year},A12,${a12}\n`;
    const dir = await makeTempDir({
      "tree.csv": tree,
      "data/2017.csv": plain(2017, "1.96", "6.96"),
      "data/2018.csv": plain(2018, "2.10", "7.59"),
      "data/2019.csv": plain(2019, "2.33", "8.28"),
      // Excel on Chinese Windows: GBK, CRLF, the shares with percent signs.
      "data/2020.csv": iconv.encode("unit,year,indicator,value\r\n常州高新区,2020,A11,2.44%\r\n常州高新区,2020,A12,8.66%\r\n", "gbk"),
    });
    const { panel } = await loadInputs(join(dir, "tree.csv"), join(dir, "data"));
    expect(panel.warnings).toBeUndefined();
    expect(Array.from(panel.values)).toEqual([1.96, 2.1, 2.33, 2.44, 6.96, 7.59, 8.28, 8.66]);
    // The same folder with 2017's A11 written as a fraction: one warning, of A11 (medians 2.215 and 0.0196: 113 times).
    const dir2 = await makeTempDir({ "tree.csv": tree, "data/2017.csv": plain(2017, "0.0196", "6.96"), "data/2020.csv": iconv.encode("unit,year,indicator,value\r\n常州高新区,2020,A11,2.44%\r\n常州高新区,2020,A12,8.66%\r\n", "gbk") });
    const { panel: mixed } = await loadInputs(join(dir2, "tree.csv"), join(dir2, "data"));
    expect(mixed.warnings!.map(({ code, id }) => ({ code, id }))).toEqual([{ code: "W_PERCENT_MIXED", id: "A11" }]);
  });

  it("counts neither missing values nor zeros, which read the same either way", () => {
    const records = [record("A", 2017, 1.5, true), record("A", 2018, 0), record("A", 2019, Number.NaN)];
    expect(percentMixWarnings(records, "v.csv")).toEqual([]);
  });
});
