/**
 * Which texts Excel shows otherwise when it opens a CSV file. The expectations are Excel's own behaviour on opening a
 * CSV file (General format): a text that reads as a number is shown as that number (String(Number(text)) here, for
 * up to 11 digits), a date-like or time-like text as a date or a time, an exponent or a longer number in scientific
 * notation.
 */
import { describe, expect, it } from "vitest";
import { excelShownAs } from "../../src/core/excel-text.js";

describe("excelShownAs", () => {
  it("names the number Excel shows for a code with trailing or leading zeros, or a sign", () => {
    expect(excelShownAs("1.10")).toEqual({ kind: "number", shown: "1.1" });
    expect(excelShownAs("01")).toEqual({ kind: "number", shown: "1" });
    expect(excelShownAs("000001")).toEqual({ kind: "number", shown: "1" });
    expect(excelShownAs("2.0")).toEqual({ kind: "number", shown: "2" });
    expect(excelShownAs(".5")).toEqual({ kind: "number", shown: "0.5" });
    expect(excelShownAs("+5")).toEqual({ kind: "number", shown: "5" });
  });

  it("says a date, a time, or scientific notation", () => {
    for (const text of ["2-3", "1/2", "2017-1", "2017/1/2", "12-31"]) expect(excelShownAs(text)).toEqual({ kind: "date" });
    for (const text of ["1:30", "12:05:09"]) expect(excelShownAs(text)).toEqual({ kind: "time" });
    // 1E5 is typed scientific; 12 digits are more than General shows (1.23457E+11), 16 more than Excel keeps.
    for (const text of ["1E5", "2e-3", "123456789012", "1234567890123456"]) expect(excelShownAs(text)).toEqual({ kind: "scientific" });
  });

  it("leaves what Excel shows as written: codes, names, plain numbers", () => {
    for (const text of ["A11", "1.1", "1.1.1", "1", "2017", "-2.5", "0", "12345678901", "常州高新区", "2017年", "1,234", "B-2", "C1.10", ""])
      expect(excelShownAs(text), text).toBeUndefined();
  });
});
