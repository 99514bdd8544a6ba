import { describe, expect, it } from "vitest";
import { formatRaw } from "../../../../src/io/report/dashboard/numbers.js";

describe("formatRaw (the dashboard's raw values)", () => {
  it.each([
    [1234.567891, "1234.5679"], // 4 decimals from 1 up, rounded
    [12.5, "12.5"], // no trailing zeros
    [-3.14159265, "-3.1416"],
    [0.014935, "0.014935"], // ASEM's BRN 2018 Renew: six significant digits below 1, not 0.0149
    [0.00004, "0.00004"], // not 0 beside a score of 100
    [0.1234567891, "0.123457"],
    [0, "0"],
    [Number.NaN, "–"],
  ])("formatRaw(%d) is %s", (value, text) => {
    expect(formatRaw(value)).toBe(text);
  });
});
