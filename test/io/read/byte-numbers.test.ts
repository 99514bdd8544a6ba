import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainDecimal, sameBytes } from "../../../src/io/read/byte-numbers.js";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("plainDecimal (a plain decimal read from bytes)", () => {
  it("gives Number(text) for plain decimals, 16 and 17 digits below 2^53 included, and undefined for the rest", () => {
    for (const text of ["-12.5", "+4", ".5", "3.", "0", "-0", "1234567890123456", "9007199254740991", "0.1234567890123456", "1"])
      expect(Object.is(plainDecimal(bytes(text), 0, text.length), Number(text)), text).toBe(true);
    // not plain, or digits that make no exact integer: left to the caller's rule
    for (const text of ["", "-", ".", "1e3", "1,234", "12%", "1.2.3", "9007199254740993", "0.12345678901234567890"])
      expect(plainDecimal(bytes(text), 0, text.length), text).toBeUndefined();
  });

  it("equals Number on random decimals whenever it converts one", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,18})?$/), (text) => {
        const value = plainDecimal(bytes(text), 0, text.length);
        if (value !== undefined) expect(Object.is(value, Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("sameBytes", () => {
  it("compares two ranges of one buffer, never a range that starts before 0", () => {
    const buffer = bytes("abcabd");
    expect(sameBytes(buffer, 0, 2, 3, 5)).toBe(true);
    expect(sameBytes(buffer, 0, 3, 3, 6)).toBe(false);
    expect(sameBytes(buffer, 0, 0, -1, -1)).toBe(false);
  });
});
