/**
 * uncertainty.csv read back for the dashboard: values on their unit and year, empty cells as null, every problem
 * (a missing column, a unit or year not in the index, a cell that is not a number) reported at once.
 */
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../src/errors.js";
import { parseUncertaintyCsv, uncertaintyMessages } from "../../../../src/io/report/dashboard/uncertainty.js";

const HEADER = "unit,year,index_nominal,index_median,index_p05,index_p95,rank_nominal,rank_median,rank_p05,rank_p95";

describe("parseUncertaintyCsv", () => {
  it("places each row on its unit and year (unit-major), an empty cell as null", () => {
    const text = [HEADER, "U1,2018,100,101,95,104,1,1,1,2", "U2,2019,90,91,85.5,,2,2,1,"].join("\n");
    const parsed = parseUncertaintyCsv(text, "unc/uncertainty.csv", ["U1", "U2"], [2018, 2019]);
    expect(parsed.indexMedian).toEqual([101, null, null, 91]);
    expect(parsed.indexLow).toEqual([95, null, null, 85.5]);
    expect(parsed.indexHigh).toEqual([104, null, null, null]);
    expect(parsed.rankHigh).toEqual([2, null, null, null]);
  });

  it("reports a missing column, naming the file and the columns expected", () => {
    const text = "unit,year,index_median\nU1,2018,1";
    try {
      parseUncertaintyCsv(text, "unc/uncertainty.csv", ["U1"], [2018]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.message)).toEqual(
        ["index_p05", "index_p95", "rank_p05", "rank_p95"].map((column) => uncertaintyMessages.missingColumn("unc/uncertainty.csv", column)),
      );
    }
  });

  it("reports every unknown unit or year and every bad number with its line", () => {
    const text = [HEADER, "U9,2018,1,1,1,1,1,1,1,1", "U1,2030,1,1,1,1,1,1,1,1", "U1,2018,1,1,abc,1,1,1,1,1"].join("\n");
    try {
      parseUncertaintyCsv(text, "unc/uncertainty.csv", ["U1"], [2018]);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => [issue.code, issue.message])).toEqual([
        ["E_UNCERTAINTY_CELL", uncertaintyMessages.unknownCell("unc/uncertainty.csv", 2, "U9", "2018")],
        ["E_UNCERTAINTY_CELL", uncertaintyMessages.unknownCell("unc/uncertainty.csv", 3, "U1", "2030")],
        ["E_BAD_NUMBER", uncertaintyMessages.badNumber("unc/uncertainty.csv", 4, "index_p05", "abc")],
      ]);
    }
  });
});
