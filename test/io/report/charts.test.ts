import { describe, expect, it } from "vitest";
import { axisMinimum, barChart, niceCeiling, renderCharts } from "../../../src/io/report/charts.js";

describe("niceCeiling", () => {
  // Exact doubles, not close ones: 0.3 is 30 / 100, not 3 × 0.1 (0.30000000000000004, as before); 0.6 not
  // 0.6000000000000001; 0.000015 not 0.000014999999999999999.
  it.each([
    [298.8, 300],
    [105, 120],
    [100, 100],
    [0.7, 0.8],
    [0.11, 0.12],
    [0.0013, 0.0015],
    [0.29, 0.3],
    [0.55, 0.6],
    [0.000013, 0.000015],
    [0, 1],
  ])("niceCeiling(%d) is %d", (value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });
});

describe("axisMinimum", () => {
  it("starts a bar axis at a round number a fifth of the range below the lowest value, as the double nearest that decimal", () => {
    // The doc's example: range 19.3, step 5 (a quarter of the range, 4.825, up to 5); 112.4 − 3.86 = 108.54, down to 105.
    expect(axisMinimum([112.4, 131.7, 118.9])).toBe(105);
    // Range 0.3: a quarter 0.075, the step 0.1; 143.8 − 0.06 = 143.74, down to 143.7, which 1437 × 0.1 missed
    // (143.70000000000002).
    expect(axisMinimum([143.8, 144.1])).toBe(143.7);
    // Range 0.03: step 0.01; 99.95 − 0.006 = 99.944, down to 99.94.
    expect(axisMinimum([99.95, 99.98])).toBe(99.94);
    // Within its own size of 0, or a value at or below 0: 0.
    expect(axisMinimum([40, 90])).toBe(0);
    expect(axisMinimum([-1, 120])).toBe(0);
  });

  it("gives a number that is the double nearest a short decimal for close values of every size", () => {
    // 2,000 pairs of values 0.01 to 3 apart, at 1 to 1,000: the start is what its 12-digit decimal reads back as.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const low = 1 + random() * 999;
      const minimum = axisMinimum([low, low + 0.01 + random() * 3]);
      expect(minimum).toBe(Number(minimum.toPrecision(12)));
    }
  });

  it("lets ECharts draw the bars of two units 0.3 apart (its axis assertion failed on 143.70000000000002)", async () => {
    const [svg] = await renderCharts([{ option: barChart("2019", ["north", "south"], [143.8, 144.1], 2, undefined, { axisFromData: true }) }]);
    expect(svg).toContain("143.80");
    expect(svg).toContain("144.10");
  });
});
