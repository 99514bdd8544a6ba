import { describe, expect, it } from "vitest";
import { quantileSelect, quantileSorted } from "../../src/core/quantile.js";

describe("quantileSorted(values, p)", () => {
  it.each([
    // R: quantile(c(1, 2, 3, 4), c(0.05, 0.5, 0.95)) = 1.15, 2.5, 3.85 (type 7)
    [[1, 2, 3, 4], 0.05, 1.15],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.95, 3.85],
    [[7], 0.05, 7],
  ])("quantileSorted(%j, %s) = %s (R type 7)", (values, p, expected) => {
    expect(quantileSorted(values, p)).toBeCloseTo(expected, 12);
  });

  it("quantileSorted([], p) is NaN", () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("quantileSelect", () => {
  it("gives the number quantileSorted gives on the sorted values (random values with ties, many sizes and levels)", () => {
    // A fixed linear congruential sequence: values with many repeats (ties) and both signs.
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    for (const size of [1, 2, 3, 5, 10, 64, 101, 1000, 4000])
      for (const p of [0, 0.05, 0.25, 0.5, 0.95, 1]) {
        const values = Float64Array.from({ length: size }, () => (next() % 50) - 20 + (next() % 4) / 4);
        const sorted = Float64Array.from(values).sort();
        expect(Object.is(quantileSelect(Float64Array.from(values), p), quantileSorted(sorted, p)), `size ${size}, p ${p}`).toBe(true);
      }
  });

  it("handles sorted, reversed and constant values, and no values", () => {
    const ascending = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(quantileSelect(Float64Array.from(ascending), 0.05)).toBe(49.95); // (999 · 0.05 = 49.95) between 49 and 50
    expect(quantileSelect(Float64Array.from(ascending).reverse(), 0.95)).toBe(949.05);
    expect(quantileSelect(new Float64Array(500).fill(3), 0.5)).toBe(3);
    expect(quantileSelect(new Float64Array(0), 0.5)).toBeNaN();
  });
});
