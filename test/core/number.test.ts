import { describe, expect, it } from "vitest";
import { decimalMarkProblem, parseNumber } from "../../src/core/number.js";

describe("parseNumber", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1.96%", 1.96],
    [" 42 ", 42],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    ["-3.5", -3.5],
    ["−3.5", -3.5],
    ["1e3", 1000],
    ["0e-400", 0], // zero written with an exponent is still zero; 1e-400 (below the smallest double) is refused
    ["1e-310", 1e-310], // a subnormal double: small, but held
    [".5", 0.5],
    ["1 234", 1234],
    ["1 234 567.5", 1234567.5], // thousands grouped by spaces (SI)
    ["-12\u00a0000", -12000], // by a non-breaking space, as French Excel writes them
    ["12.5 %", 12.5], // a space before the percent sign
    ["１２３ ４５６", 123456], // an ideographic space between full-width groups
    // As Excel reads a currency or accounting format's text: the sign dropped, brackets negative.
    ["¥1,234.00", 1234],
    ["￥12", 12],
    ["$5", 5],
    ["-€3", -3],
    ["€ 3", 3],
    ["(12)", -12],
    ["(1,234.5)", -1234.5],
    ["(¥1,000.00)", -1000],
    ["( 12 )", -12],
    ["(12%)", -12],
    ["(１２)", -12],
    ["(0)", 0], // 0, not -0
  ])("parseNumber(%j) reads %j", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  // Also the ways a Chinese form writes "none": —— (Shift+- in a Chinese input method), ……, / and ／ (不适用), and ―
  // (U+2015, what GB2312's A1AA decodes to in some tables), alone or doubled.
  it.each(["", " ", "-", "—", "NA", "n/a", "N/A", "..", "#N/A", "——", "……", "/", "／", " ／ ", "―", "――", "－"])("parseNumber(%j) is a missing value (NaN)", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  // A space inside a number other than between groups of three digits is a typing slip: "5 5" is not 55.
  // 0,967 and 0 123 start with a group of thousands that is 0: a decimal comma (before: read as 967 and 123).
  it.each(["abc", "12a", "1.2.3", "1,23", "1,2345", "0,967", "-0,5", "0,123,456", "0 123", "%", "Infinity", "1e999", "1e-400", "-2.5e-999", "5 5", "1 0.0", "12 34", "1 2345", "- 5", "1e 3", "(-12)", "((12))", "(-)", "()", "¥", "$abc", "¥-5"])("parseNumber(%j) is not a number", (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  // With a decimal comma (a ;-separated file from a European Excel): the comma is the decimal mark and "." groups
  // thousands only where it cannot be a decimal point (a comma follows, or several groups).
  it.each([
    ["1,500", 1.5],
    ["1,5", 1.5],
    [",5", 0.5],
    ["-2,25", -2.25],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1.234.567,25", 1234567.25],
    ["12", 12],
    ["1,96%", 1.96],
    ["１,５", 1.5],
    ["1 234,5", 1234.5],
  ])("parseNumber(%j, \",\") reads %j", (text, expected) => {
    expect(parseNumber(text, ",")).toBe(expected);
  });

  it.each(["1.234", "0.25", "1,234,567", "1.23,4", "1,2,3", "0.123,5"])("parseNumber(%j, \",\") is refused", (text) => {
    expect(parseNumber(text, ",")).toBeUndefined();
  });

  it.each([
    ["1,80", ".", "comma"],
    // A decimal comma after 0: no group of thousands, so read with "," it is 0.967, the mark to give.
    ["0,967", ".", "comma"],
    ["1.234,5", ".", "comma"],
    ["1.234", ",", "ambiguous"],
    ["0.25", ",", "ambiguous"],
    ["1,234,567", ",", "ambiguous"],
    ["abc", ".", undefined],
    ["abc", ",", undefined],
    ["1,5", ",", undefined],
    // A full-width comma is never a decimal mark in Chinese: a thousands separator out of place, not a decimal comma.
    ["１２３，４", ".", "fullWidthComma"],
    ["1，80", ".", "fullWidthComma"],
    ["１，２３４", ".", undefined], // reads as 1234
    ["abc，d", ".", undefined],
  ] as const)("decimalMarkProblem(%j, %j) is %j", (text, decimal, expected) => {
    expect(decimalMarkProblem(text, decimal)).toBe(expected);
  });
});

describe("isExcelError", () => {
  it("knows Excel's formula errors, not #N/A (a missing value NA() writes on purpose) nor text that only starts with #", async () => {
    const { isExcelError } = await import("../../src/core/number.js");
    expect(["#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", " #div/0! "].map(isExcelError)).toEqual([true, true, true, true, true, true, true]);
    expect(["#N/A", "#1", "DIV/0!", "12"].map(isExcelError)).toEqual([false, false, false, false]);
    const { messages } = await import("../../src/core/messages.js");
    expect(messages.badValue("#DIV/0!", "2018")).toBe(
      `value "#DIV/0!" in column "2018" is not a number but an Excel formula's error (the formula failed: correct it, or the cells it reads); expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value`,
    );
  });
});
