import { describe, expect, it } from "vitest";
import { formatScalesByHundred } from "../../../src/io/read/xlsx.js";

describe("formatScalesByHundred", () => {
  it("is true for a percent sign Excel multiplies by (outside quotes, escapes, fill and brackets), in the value's section", () => {
    // Excel's rules: a bare % multiplies by 100; "%" and \% are literal text; _% and *% only size or fill; [..] is a
    // colour or locale. Sections are positive;negative;zero;text.
    expect(formatScalesByHundred("0.00%", 0.0196)).toBe(true);
    expect(formatScalesByHundred("#,##0.0%;[Red]-#,##0.0%", -0.5)).toBe(true);
    expect(formatScalesByHundred('0.00"%"', 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00\\%", 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00_%", 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00*%", 1.96)).toBe(false);
    expect(formatScalesByHundred("[$%-804]0.00", 1.96)).toBe(false);
    expect(formatScalesByHundred("General", 1.96)).toBe(false);
    // The negative section is used for a negative value, the zero section for 0, and the first for both when alone.
    expect(formatScalesByHundred('0.00%;-0.00"%"', -1.5)).toBe(false);
    expect(formatScalesByHundred('0.00%;-0.00"%"', 0.015)).toBe(true);
    expect(formatScalesByHundred('0.00"%";-0.00%;0%', 0)).toBe(true);
    expect(formatScalesByHundred("0.0%", -0.02)).toBe(true);
  });
});
