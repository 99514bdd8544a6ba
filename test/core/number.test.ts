import { describe, expect, it } from "vitest";
import { asShown, decimalMarkProblem, differenceAsShown, differenceOfShown, parseNumber, toFixedText } from "../../src/core/number.js";

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

describe("isCurrencyDash (a currency sign beside a dash: Excel's accounting zero, its padding lost)", () => {
  it("knows ¥-, ￥ -, $-, -€ with any spaces around, and no number with a sign (parseNumber drops a sign only before a number)", async () => {
    const { isCurrencyDash } = await import("../../src/core/number.js");
    expect(["¥-", " ¥- ", "￥ -", "$-", "-€", " £ - "].map(isCurrencyDash)).toEqual([true, true, true, true, true, true]);
    expect(["-", "¥1", "¥--", "¥-1", "- -", "¥", "€€-"].map(isCurrencyDash)).toEqual([false, false, false, false, false, false, false]);
    expect(["¥-", "$ -", "¥1,234"].map((text) => parseNumber(text))).toEqual([undefined, undefined, 1234]);
    const { messages } = await import("../../src/core/messages.js");
    expect(messages.badValue(" ¥- ".trim(), "value")).toBe(
      `value "¥-" in column "value" is not a number but a currency sign beside a dash, the way Excel's accounting format (会计专用) shows a zero (a zero, or no value?); expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value`,
    );
  });
});

describe("toFixedText rounds as Excel shows a number: to 15 significant digits, then half away from zero", () => {
  it("prints the half a score from decimal inputs stands for (a tester's case: 8% then 8.7%, fixed-base)", () => {
    // 100 · 0.087 / 0.08 is 108.75 by hand; in doubles 108.74999999999999, which toFixed prints 108.7. To 15 digits it
    // is 108.750000000000, and half away from zero gives 108.8, as Excel shows the same double with format 0.0.
    const score = (100 * 0.087) / 0.08;
    expect(score).toBe(108.74999999999999);
    expect(score.toFixed(1)).toBe("108.7");
    expect(toFixedText(score, 1)).toBe("108.8");
    // 100 · 0.29 / 0.8 = 36.25 by hand (36.24999999999999 in doubles): 36.3.
    expect(toFixedText((100 * 0.29) / 0.8, 1)).toBe("36.3");
    // 1.005 and 9.995 are 1.00499999999999989… and 9.99499999999999921… in binary: Excel shows 1.01 and 10.00.
    expect(toFixedText(1.005, 2)).toBe("1.01");
    expect(toFixedText(9.995, 2)).toBe("10.00");
    expect(toFixedText(999.95, 1)).toBe("1000.0");
  });

  it("rounds an exact half away from zero, and keeps the sign of a negative value rounding to 0 (callers print 0)", () => {
    expect([0.5, 1.5, 2.5, -2.5].map((value) => toFixedText(value, 0))).toEqual(["1", "2", "3", "-3"]);
    expect(toFixedText(-0.125, 2)).toBe("-0.13");
    expect(toFixedText(-0.0001, 2)).toBe("-0.00");
    expect(toFixedText(0.00004999999999, 4)).toBe("0.0000");
  });

  it("gives toFixed's text away from a half, and past 15 digits pads with zeros rather than the binary's digits", () => {
    // A seeded sweep: values whose scaled fraction is not within 0.001 of a half print as toFixed prints them.
    let state = 12345;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      const value = (next() - 0.5) * 10 ** Math.floor(next() * 12 - 4);
      const decimals = Math.floor(next() * 7);
      const scaled = Math.abs(value) * 10 ** decimals;
      if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 0.001) continue;
      expect(toFixedText(value, decimals), `${value} ${decimals}`).toBe(value.toFixed(decimals));
    }
    // 0.1 is 0.1000000000000000055511… in binary: to 15 digits, 0.100000000000000, padded.
    expect(toFixedText(0.1, 20)).toBe("0.10000000000000000000");
    expect(toFixedText(1e21, 2)).toBe("1000000000000000000000.00");
    expect(toFixedText(-1e21, 0)).toBe("-1000000000000000000000");
  });
});

describe("asShown: a number as Excel keeps it, its first 15 significant digits", () => {
  it("gives the decimal a computation stood for", () => {
    // 100 · 0.087 / 0.08 = 108.75 by hand; the double is 108.74999999999999, whose 15 digits are 108.750000000000.
    expect(100 * 0.087 / 0.08).toBe(108.74999999999999);
    expect(asShown(108.74999999999999)).toBe(108.75);
    expect(asShown(0.1 + 0.2)).toBe(0.3);
    expect(asShown(-(0.1 + 0.2))).toBe(-0.3);
    // Already 15 digits or fewer: unchanged.
    for (const value of [0, 100, 1.5, -2.25, 123456789012345, 0.000123456789012345]) expect(asShown(value)).toBe(value);
    // Outside 1e-8 … 1e15, and not numbers: as they are.
    for (const value of [1e-9 / 3, 1e16 / 3, Number.NaN, Number.POSITIVE_INFINITY]) expect(asShown(value)).toBe(value);
  });

  it("agrees with Number(value.toPrecision(15)), an independent way, on 20,000 values from 1e-8 to 1e15", () => {
    // A fixed linear congruential sequence: values spread over every decade, and values a hair off a short decimal.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const decade = Math.floor(next() * 23) - 8;
      const value = i % 2 === 0 ? next() * 10 ** decade : (Math.round(next() * 1e4) / 100) * 1.0000000000000002 ** Math.floor(next() * 5);
      const sign = next() < 0.5 ? -1 : 1;
      if (Math.abs(value) < 1e-8 || Math.abs(value) >= 1e15) continue;
      expect(asShown(sign * value), String(sign * value)).toBe(Number((sign * value).toPrecision(15)));
    }
  });
});

/** A figure's 15 digits as an exact decimal, `digits · 10^power`, read from `toPrecision(15)` ("108.750000000000", "1.23450000000000e-7"). */
function decimalOf(value: number): [digits: bigint, power: number] {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(value.toPrecision(15))!;
  const fraction = match[3] ?? "";
  return [BigInt(`${match[1]}${match[2]}${fraction}`), Number(match[4] ?? 0) - fraction.length];
}

/**
 * The reference for `differenceAsShown`, by strings and whole numbers: both figures to 15 digits (`toPrecision`), their
 * exact decimal difference, rounded half away from zero to the decimals of the larger one (14 − its power of ten).
 */
function referenceDifference(value: number, previous: number): number {
  const [a, b] = [Number(value.toPrecision(15)), Number(previous.toPrecision(15))];
  const exponent = Number(Math.max(Math.abs(a), Math.abs(b)).toExponential().split("e")[1]);
  const decimals = 14 - exponent;
  const [[aDigits, aPower], [bDigits, bPower]] = [decimalOf(a), decimalOf(b)];
  const power = Math.min(aPower, bPower, -decimals);
  const exact = aDigits * 10n ** BigInt(aPower - power) - bDigits * 10n ** BigInt(bPower - power);
  const size = exact < 0n ? -exact : exact;
  const dropped = 10n ** BigInt(-decimals - power);
  const rounded = size / dropped + ((size % dropped) * 2n >= dropped ? 1n : 0n);
  return Number(`${exact < 0n ? "-" : ""}${rounded}e${-decimals}`);
}

describe("differenceAsShown: the difference of two figures as shown, exact in decimal", () => {
  it("gives the differences worked out by hand where the binary subtraction does not", () => {
    // 100.05 − 100 = 0.05 by hand, printed 0.1 at one decimal (half up); the binary difference 0.04999999999999716
    // prints 0.0.
    expect(100.05 - 100).toBe(0.04999999999999716);
    expect(differenceAsShown(100.05, 100)).toBe(0.05);
    expect(toFixedText(differenceAsShown(100.05, 100), 1)).toBe("0.1");
    // 100.00375 − 100 = 0.00375, printed 0.0038 at four decimals; the binary 0.0037499999999965894 prints 0.0037.
    expect(differenceAsShown(100.00375, 100)).toBe(0.00375);
    expect(toFixedText(differenceAsShown(100.00375, 100), 4)).toBe("0.0038");
    // 100.1125 − 100 = 0.1125 (binary 0.11249999999999716); 108.74999999999999 (shown 108.75) − 100 = 8.75.
    expect(differenceAsShown(100.1125, 100)).toBe(0.1125);
    expect(differenceAsShown(108.74999999999999, 100)).toBe(8.75);
    // Either way round, and across zero: 0.1 + 0.2 is shown 0.3, so −0.3 − 0.3 = −0.6.
    expect(differenceAsShown(100, 100.05)).toBe(-0.05);
    expect(differenceAsShown(-0.3, 0.1 + 0.2)).toBe(-0.6);
    expect(differenceAsShown(100, 100)).toBe(0);
    // 1.98909 − 1.98904 = 0.00005, printed 0.0001 at four decimals (the binary difference prints 0.0000).
    expect(toFixedText(differenceAsShown(1.98909, 1.98904), 4)).toBe("0.0001");
  });

  it("rounds to the decimals of the larger figure, half away from zero, when the smaller one has more", () => {
    // 105.123456789012 has 12 decimals, 95.1234567890125 13: 9.9999999999995 exactly, to 12 decimals a tie, 10.000000000000.
    expect(differenceAsShown(105.123456789012, 95.1234567890125)).toBe(10);
    expect(differenceAsShown(95.1234567890125, 105.123456789012)).toBe(-10);
    // 100 − 0.0000000000005 = 99.9999999999995, a tie at 12 decimals: 100.000000000000; 100 − 0.0000000000016 =
    // 99.9999999999984, to 12 decimals 99.999999999998 (the 4 dropped); 0.0000000000016 − 100 its negative; and
    // −0.0000000000016 − 100 = −100.0000000000016, to 12 decimals −100.000000000002.
    expect(differenceAsShown(100, 5e-13)).toBe(100);
    expect(differenceAsShown(100, 1.6e-12)).toBe(99.999999999998);
    expect(differenceAsShown(1.6e-12, 100)).toBe(-99.999999999998);
    expect(differenceAsShown(-1.6e-12, 100)).toBe(-100.000000000002);
    // Beyond 1e15 or below 1e-8, the values as they are: the binary difference; NaN as NaN.
    expect(differenceAsShown(1e16, 1)).toBe(1e16 - 1);
    expect(differenceAsShown(3e-9, 1e-9)).toBe(3e-9 - 1e-9);
    expect(differenceAsShown(Number.NaN, 1)).toBeNaN();
    expect(differenceAsShown(1, Number.NaN)).toBeNaN();
  });

  it("agrees with the exact decimal difference by strings (referenceDifference) on 60,000 pairs", () => {
    // A fixed linear congruential sequence; pairs as a series gives them (one decade, a short step), in decades apart,
    // of short decimals (100.0375 − 100.01), across zero, and ties (a smaller figure ending in a 5 just past the
    // larger one's decimals).
    let seed = 424242;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const signed = (value: number) => (next() < 0.2 ? -value : value);
    let ties = 0;
    for (let i = 0; i < 60_000; i++) {
      const decade = Math.floor(next() * 20) - 6;
      let [value, previous] = [0, 0];
      switch (i % 5) {
        case 0:
          previous = (1 + 9 * next()) * 10 ** decade;
          value = previous * (1 + (next() - 0.5) * 10 ** -Math.floor(next() * 8));
          break;
        case 1:
          [value, previous] = [signed(next() * 10 ** decade), signed(next() * 10 ** (Math.floor(next() * 20) - 6))];
          break;
        case 2:
          [value, previous] = [Math.round(next() * 1e7) / 1e5, Math.round(next() * 1e7) / 1e5];
          break;
        case 3:
          [value, previous] = [signed(Math.round(next() * 1e6) / 1e3), -Math.round(next() * 1e6) / 1e4];
          break;
        default: {
          // A 15-digit figure ending in 5, one to three decades below the larger figure: its last digit is a tie.
          const below = decade - 1 - Math.floor(next() * 3);
          previous = Number(`${Math.floor(1e13 + next() * 9e13)}5e${below - 14}`);
          value = signed((1 + 9 * next()) * 10 ** decade);
          ties++;
        }
      }
      if (Math.max(Math.abs(value), Math.abs(previous)) < 1e-8 || Math.max(Math.abs(value), Math.abs(previous)) >= 1e15) continue;
      const expected = referenceDifference(value, previous);
      expect(differenceAsShown(value, previous), `${value} − ${previous}`).toBe(expected);
      expect(differenceOfShown(asShown(value), asShown(previous)), `${value} − ${previous}`).toBe(expected);
    }
    expect(ties).toBe(12_000);
  });
});
