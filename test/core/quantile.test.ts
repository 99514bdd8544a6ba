import { describe, expect, it } from "vitest";
import { quantileSorted } from "../../src/core/quantile.js";

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
