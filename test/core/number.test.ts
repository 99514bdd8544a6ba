import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/core/number.js";

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
    [".5", 0.5],
    ["1 234", 1234],
  ])("parseNumber(%j) reads %j", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(["", " ", "-", "—", "NA", "n/a", "N/A", "..", "#N/A"])("parseNumber(%j) is a missing value (NaN)", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  it.each(["abc", "12a", "1.2.3", "1,23", "1,2345", "%", "Infinity", "1e999"])("parseNumber(%j) is not a number", (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});
