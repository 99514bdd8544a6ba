import { describe, expect, it } from "vitest";
import { columnLetters, columnNumber } from "../../src/core/cell-reference.js";

describe("cell references", () => {
  it("columnLetters names columns as Excel does, and columnNumber reads them back", () => {
    // Excel's own names: Z is the 26th column, AA the 27th, ZZ the 702nd (26 + 26²), XFD the last (16,384).
    const numbers = [1, 2, 26, 27, 52, 53, 702, 703, 16384];
    const letters = ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"];
    expect(numbers.map(columnLetters)).toEqual(letters);
    expect(letters.map(columnNumber)).toEqual(numbers);
  });
});
