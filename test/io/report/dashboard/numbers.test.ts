import { describe, expect, it } from "vitest";
import { formatRaw } from "../../../../src/io/report/dashboard/numbers.js";

describe("formatRaw (the dashboard's raw values)", () => {
  it.each([
    // The digits the value has, up to 15 significant, never an exponent (String(0.0000005) is "5e-7").
    [1234.567891, "1234.567891"], // not cut to 4 decimals
    [12.5, "12.5"], // no trailing zeros
    [-3.14159265, "-3.14159265"],
    [0.014935, "0.014935"], // ASEM's BRN 2018 Renew, not 0.0149
    [0.00004, "0.00004"], // not 0 beside a score of 100
    [0.1234567891, "0.1234567891"],
    [0.0000005, "0.0000005"], // not "5e-7"
    [-0.0000005, "-0.0000005"],
    [2.00005, "2.00005"], // not "2" (4 decimals cut the 5)
    [0.1 + 0.2, "0.3"], // 0.30000000000000004: its 16th and 17th digits are the binary's, not the source's
    [1 / 3, "0.333333333333333"], // 15 significant digits at most
    [123456789.123456789, "123456789.123457"], // 15 significant: 9 before the point, 6 after, the 6th rounded up
    [1.5e-10, "0.00000000015"],
    [2.5e21, "2500000000000000000000"], // String() would write 2.5e+21
    [100, "100"],
    [0, "0"],
    [Number.NaN, "–"],
  ])("formatRaw(%d) is %s", (value, text) => {
    expect(formatRaw(value)).toBe(text);
  });
});
