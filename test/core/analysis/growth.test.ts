import { describe, expect, it } from "vitest";
import { cagrPercent, change, changePercent, computeGrowth, emptyGrowth, seriesGrowth } from "../../../src/core/analysis/growth.js";
import { ratioScale } from "../../../src/core/index-scale.js";
import { commonShownScale, toFixedText } from "../../../src/core/number.js";
import { at, bareResult, SMALL, smallResult } from "./fixture.js";

describe("changePercent", () => {
  it("changePercent(value, previous) is 100 · (value − previous) / previous, NaN unless previous > 0", () => {
    // By hand: 100 -> 110 is +10 %, 115.5 -> 143 is 27.5 / 115.5; a z-score from −1.5 to 0.5, or anything from 0, has none.
    expect(changePercent(110, 100)).toBeCloseTo(10, 12);
    expect(changePercent(143, 115.5)).toBeCloseTo((100 * 27.5) / 115.5, 12);
    expect(changePercent(-1, 0.5)).toBeCloseTo(-300, 12);
    expect(changePercent(0.5, -1.5)).toBeNaN();
    expect(changePercent(1, 0)).toBeNaN();
    expect(changePercent(Number.NaN, 100)).toBeNaN();
    expect(changePercent(100, Number.NaN)).toBeNaN();
  });
});

describe("computeGrowth", () => {
  it("computeGrowth(result) gives the hand-computed changes of the small fixture", () => {
    const result = smallResult();
    const growth = computeGrowth(result);
    // U1 INDEX = 100, 115.5, 143 (test/core/compute.test.ts): 2018 +15.5 points = +15.5 %;
    // 2019 +27.5 points = 27.5 / 115.5 = +23.8095 %; since 2017: 43 / 2 = 21.5 points a year, CAGR √1.43 − 1.
    expect(at(result, growth.change, "INDEX", 0, 1)).toBeCloseTo(15.5, 12);
    expect(at(result, growth.changePercent, "INDEX", 0, 1)).toBeCloseTo(15.5, 12);
    expect(at(result, growth.change, "INDEX", 0, 2)).toBeCloseTo(27.5, 12);
    expect(at(result, growth.changePercent, "INDEX", 0, 2)).toBeCloseTo((100 * 27.5) / 115.5, 12);
    expect(at(result, growth.averageChange, "INDEX", 0, 2)).toBeCloseTo(21.5, 12);
    expect(at(result, growth.cagrPercent, "INDEX", 0, 2)).toBeCloseTo(100 * (Math.sqrt(1.43) - 1), 12);
    // the first year has no growth
    for (const array of Object.values(growth)) expect(at(result, array, "INDEX", 0, 0)).toBeNaN();
    // U1 Y = 100, 105, 95: 2019 −10 points = −10 / 105 = −9.5238 %; U2 X1 (an indicator score) = 100, 125, 150
    expect(at(result, growth.change, "Y", 0, 2)).toBeCloseTo(-10, 12);
    expect(at(result, growth.changePercent, "Y", 0, 2)).toBeCloseTo(-1000 / 105, 12);
    expect(at(result, growth.changePercent, "X1", 1, 2)).toBeCloseTo(20, 12);
    expect(at(result, growth.cagrPercent, "X1", 1, 2)).toBeCloseTo(100 * (Math.sqrt(1.5) - 1), 12);
  });

  it("computeGrowth(result) divides by the real number of years when a year is absent", () => {
    // 2017, 2019, 2020: 100 -> 121 over two years is 10 % a year compounded, 10.5 points a year on average
    const result = bareResult([2017, 2019, 2020], { INDEX: [[100, 121, 133.1]] });
    const growth = computeGrowth(result);
    expect(growth.change[1]).toBeCloseTo(21, 12);
    expect(growth.changePercent[1]).toBeCloseTo(21, 12);
    expect(growth.averageChange[1]).toBeCloseTo(10.5, 12);
    expect(growth.cagrPercent[1]).toBeCloseTo(10, 12);
    expect(growth.cagrPercent[2]).toBeCloseTo(10, 12); // 133.1 = 100 · 1.1³
  });

  it("computeGrowth(result) leaves percentages undefined on a zero or negative start, and NaN as NaN", () => {
    const result = bareResult([2017, 2018, 2019], { INDEX: [[0, 5, 10], [-2, 2, Number.NaN]] });
    const growth = computeGrowth(result);
    expect(Array.from(growth.change)).toEqual([Number.NaN, 5, 5, Number.NaN, 4, Number.NaN]);
    expect(growth.changePercent[1]).toBeNaN(); // from 0
    expect(growth.changePercent[2]).toBeCloseTo(100, 12); // 5 -> 10
    expect(growth.cagrPercent[2]).toBeNaN(); // first year 0
    expect(growth.changePercent[4]).toBeNaN(); // from −2
    expect(growth.averageChange[4]).toBe(4);
    expect(growth.cagrPercent[4]).toBeNaN();
  });

  it.each([
    ["min-max", { normalize: "min-max" }],
    ["z-score", { normalize: "z-score" }],
    ["copeland", { aggregate: "copeland" }],
  ] as const)("computeGrowth(result) leaves every percentage NaN on a %s result (no natural zero), the changes in points kept", (_, options) => {
    const result = smallResult(undefined, options);
    // the terminal table's decision: change in points on this scale
    expect(ratioScale(result)).toBe(false);
    const growth = computeGrowth(result);
    const percents = [...growth.changePercent, ...growth.cagrPercent];
    expect(percents.every(Number.isNaN)).toBe(true);
    // the changes in points stay: every node, unit and year after the first has one (the small fixture has no gap), and
    // the average change is (last − first) / 2 over 2017–2019
    const years = result.years.length;
    growth.change.forEach((change, cell) => expect(Number.isNaN(change), `cell ${cell}`).toBe(cell % years === 0));
    expect(at(result, growth.averageChange, "INDEX", 0, 2)).toBeCloseTo((at(result, result.values, "INDEX", 0, 2) - at(result, result.values, "INDEX", 0, 0)) / 2, 12);
  });

  it("computeGrowth(result) gives the percentages of a fixed-base result: 100, 110, 121 is +10 %, +10 %, CAGR 10 %", () => {
    // SMALL's U1 X1 10 -> 11 -> 12.1 scores 100 -> 110 -> 121 on the fixed base 2017
    const result = smallResult({ ...SMALL, U1: { ...SMALL.U1, X1: [10, 11, 12.1] } });
    expect(ratioScale(result)).toBe(true);
    const growth = computeGrowth(result);
    expect(at(result, result.values, "X1", 0, 2)).toBeCloseTo(121, 12);
    expect(at(result, growth.changePercent, "X1", 0, 1)).toBeCloseTo(10, 12); // 10 / 100
    expect(at(result, growth.changePercent, "X1", 0, 2)).toBeCloseTo(10, 12); // 11 / 110
    expect(at(result, growth.cagrPercent, "X1", 0, 2)).toBeCloseTo(10, 12); // √(121 / 100) − 1
    expect(at(result, growth.averageChange, "X1", 0, 2)).toBeCloseTo(10.5, 12); // 21 points over two years
  });
});

describe("cagrPercent: over one year, exactly the change in percent", () => {
  it("cagrPercent(100.125, 100, 1) is 100·0.125/100 = 0.125, as changePercent, printed 0.13 at two decimals like the change", () => {
    // The power form 100·((100.125/100)^1 − 1) gives 0.12499999999999734 (100.125/100 and − 1 each round), printed 0.12.
    expect(cagrPercent(100.125, 100, 1)).toBe(0.125);
    expect(cagrPercent(100.125, 100, 1)).toBe(changePercent(100.125, 100));
    expect(cagrPercent(100.125, 100, 1).toFixed(2)).toBe("0.13");
    // over more years the compound rate: 100 -> 121 over 2 is √1.21 − 1 = 10 %, 100 -> 100.375 over 2 is 0.18732… %
    expect(cagrPercent(121, 100, 2)).toBeCloseTo(10, 12);
    expect(cagrPercent(100.375, 100, 2)).toBeCloseTo(100 * (Math.sqrt(1.00375) - 1), 12);
    // undefined from a start <= 0 or to a value < 0, whatever the span
    expect(cagrPercent(5, 0, 1)).toBeNaN();
    expect(cagrPercent(-1, 100, 1)).toBeNaN();
    expect(cagrPercent(Number.NaN, 100, 1)).toBeNaN();
  });

  it("computeGrowth(result): the series 100, 100.125, 100.375 gives equal change_percent and cagr_percent in its second year", () => {
    const result = bareResult([2018, 2019, 2020], { INDEX: [[100, 100.125, 100.375]] });
    const growth = computeGrowth(result);
    // 2019: one year since 2018, so the CAGR is the change, 100·(100.125 − 100)/100 = 0.125 (both print 0.13)
    expect(growth.changePercent[1]).toBe(0.125);
    expect(growth.cagrPercent[1]).toBe(growth.changePercent[1]);
    // 2020: the change is 100·0.25/100.125 = 0.2496… %, the CAGR over two years 100·(√1.00375 − 1) = 0.1873… %
    expect(growth.changePercent[2]).toBeCloseTo(25 / 100.125, 12);
    expect(growth.cagrPercent[2]).toBeCloseTo(100 * (Math.sqrt(1.00375) - 1), 12);
  });
});

describe("changes are differences of the figures as shown (15 significant digits)", () => {
  it("108.74999999999999 (shown 108.75) less 100 is 8.75, in points and in percent, and so in computeGrowth", () => {
    // By hand: 108.75 − 100 = 8.75; 100 · 8.75 / 100 = 8.75. The binary difference is 8.749999999999986.
    expect(change(108.74999999999999, 100)).toBe(8.75);
    expect(changePercent(108.74999999999999, 100)).toBe(8.75);
    expect(cagrPercent(108.74999999999999, 100, 1)).toBe(8.75);
    const result = bareResult([2018, 2019], { INDEX: [[100, 108.74999999999999]] });
    const growth = computeGrowth(result);
    expect([growth.change[1], growth.changePercent[1], growth.averageChange[1], growth.cagrPercent[1]]).toEqual([8.75, 8.75, 8.75, 8.75]);
  });
});

describe("a change is the difference of the figures exact in decimal, not their binary difference", () => {
  it("100 -> 100.05 changes by 0.05, printed 0.1 at one decimal (the binary 0.04999999999999716 printed 0.0)", () => {
    // By hand: 100.05 − 100 = 0.05, half up to one decimal 0.1; in percent 100 · 0.05 / 100 = 0.05, also 0.1.
    expect(change(100.05, 100)).toBe(0.05);
    expect(toFixedText(change(100.05, 100), 1)).toBe("0.1");
    expect(changePercent(100.05, 100)).toBe(0.05);
    const growth = computeGrowth(bareResult([2018, 2019], { INDEX: [[100, 100.05]] }));
    expect([growth.change[1], growth.changePercent[1], growth.averageChange[1], growth.cagrPercent[1]]).toEqual([0.05, 0.05, 0.05, 0.05]);
    expect(toFixedText(growth.change[1], 1)).toBe("0.1");
  });

  it("100 -> 100.00375 changes by 0.00375, printed 0.0038 at four decimals (the binary difference printed 0.0037)", () => {
    // By hand: 100.00375 − 100 = 0.00375, half up to four decimals 0.0038.
    const growth = computeGrowth(bareResult([2018, 2019], { INDEX: [[100, 100.00375]] }));
    expect(growth.change[1]).toBe(0.00375);
    expect(toFixedText(growth.change[1], 4)).toBe("0.0038");
    expect(toFixedText(change(100.00375, 100), 4)).toBe("0.0038");
  });

  it("100 -> 100.125 -> 100.1125 averages 0.05625 a year, printed 0.0563 (the binary difference gave 0.0562)", () => {
    // By hand: (100.1125 − 100) / 2 = 0.1125 / 2 = 0.05625, half up to four decimals 0.0563; the change of 2020 is
    // 100.1125 − 100.125 = −0.0125, and of 2019 0.125.
    const growth = computeGrowth(bareResult([2018, 2019, 2020], { INDEX: [[100, 100.125, 100.1125]] }));
    expect(growth.averageChange[2]).toBe(0.05625);
    expect(toFixedText(growth.averageChange[2], 4)).toBe("0.0563");
    expect([growth.change[1], growth.change[2]]).toEqual([0.125, -0.0125]);
  });
});

describe("seriesGrowth: a series in one decade, by whole numbers, gives the figures value by value do", () => {
  it("equals change, changePercent, change since the first year over the years, and cagrPercent on 20,000 random series", () => {
    // A fixed linear congruential sequence: series in one decade (taken as whole numbers over one scale,
    // `commonShownScale`), across decades (taken value by value), with gaps (NaN), negative values, a figure that shows
    // as the next power of ten (999.9999999999999 shows 1000) and values on a half once scaled.
    let seed = 2024;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let oneDecade = 0;
    for (let i = 0; i < 20_000; i++) {
      const count = 2 + Math.floor(next() * 10);
      const years = Array.from({ length: count }, (_, y) => 2000 + y + (y > 2 && i % 3 === 0 ? 1 : 0));
      const base = (i % 4 === 0 ? 90 : 100) + next() * 800;
      const values = Array.from({ length: count }, () => {
        const pick = next();
        if (pick < 0.05) return Number.NaN;
        if (pick < 0.07) return 999.9999999999999;
        if (pick < 0.09) return 100.0000000000005;
        return (i % 5 === 0 ? -1 : 1) * (base * (1 + (next() - 0.5) * 0.2)) / (i % 7 === 0 ? 1 : 0.87);
      });
      if (commonShownScale(values, 0, count) > 0) oneDecade++;
      const growth = emptyGrowth(count);
      seriesGrowth(values, 0, years, growth, 0, true);
      for (let y = 1; y < count; y++) {
        const span = years[y] - years[0];
        const expected = [change(values[y], values[y - 1]), changePercent(values[y], values[y - 1]), change(values[y], values[0]) / span, cagrPercent(values[y], values[0], span)];
        expect([growth.change[y], growth.changePercent[y], growth.averageChange[y], growth.cagrPercent[y]], `${values} year ${y}`).toEqual(expected);
      }
    }
    // both ways taken, many times each
    expect(oneDecade).toBeGreaterThan(5_000);
    expect(oneDecade).toBeLessThan(15_000);
  });
});
