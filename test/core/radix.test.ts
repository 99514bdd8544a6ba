/**
 * The audit's radix sorts against the definitions they replace: `sortObserved` against `Float64Array.prototype.sort`
 * (bit for bit, −0 before 0), `orderObserved` against a stable comparison sort of the positions by value (−0 as 0), on
 * random series with ties, gaps, both signs, zeros of both signs, infinities, subnormal and huge values, and long runs
 * of values equal but for their last bits.
 */
import { describe, expect, it } from "vitest";
import { orderObserved, sortObserved } from "../../src/core/radix.js";
import { createRandom } from "../../src/core/random.js";

const SPECIAL = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 1, -1, 0.1 + 0.2, 0.3];

function randomSeries(random: () => number, length: number): Float64Array {
  const kind = Math.floor(random() * 5);
  return Float64Array.from({ length }, () => {
    const r = random();
    if (r < 0.08) return Number.NaN;
    if (r < 0.16) return SPECIAL[Math.floor(random() * SPECIAL.length)];
    // Values of one sign and magnitude (skipped passes), a grid (ties), both signs, or any exponent.
    if (kind === 0) return 1000 + random();
    if (kind === 1) return Math.round(random() * 8) - 4;
    if (kind === 2) return (random() - 0.5) * 1e6;
    // Long runs of one high word (values that differ in the last bits only) among others: sorted by their low word.
    if (kind === 3) return random() < 0.6 ? 1 + Math.floor(random() * 1e6) * 2 ** -52 : random() * 4 - 2;
    return (random() < 0.5 ? -1 : 1) * Math.pow(10, random() * 600 - 300);
  });
}

describe("radix sorts", () => {
  it("sortObserved(x) is the typed array sort of the observed values, bit for bit (500 random series)", () => {
    const random = createRandom(31);
    for (let trial = 0; trial < 500; trial++) {
      const values = randomSeries(random, Math.floor(random() * 300));
      const expected = values.filter((value) => !Number.isNaN(value)).sort();
      const sorted = sortObserved(values);
      expect(sorted.length).toBe(expected.length);
      for (let k = 0; k < expected.length; k++) expect(Object.is(sorted[k], expected[k]), `trial ${trial}, position ${k}`).toBe(true);
    }
  });

  it("orderObserved(x) is the stable sort of the observed positions by value, −0 as 0 (500 random series)", () => {
    const random = createRandom(32);
    for (let trial = 0; trial < 500; trial++) {
      const values = randomSeries(random, Math.floor(random() * 300));
      const positions = Array.from(values.keys()).filter((k) => !Number.isNaN(values[k]));
      // Array.prototype.sort is stable; −0 − 0 and 0 − (−0) are 0, so zeros keep their order of position.
      const expected = positions.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
      expect(Array.from(orderObserved(values)), `trial ${trial}`).toEqual(expected);
    }
  });

  it("sorts the empty series, a single value and a series of one repeated value", () => {
    expect(Array.from(sortObserved([]))).toEqual([]);
    expect(Array.from(sortObserved([Number.NaN, 2]))).toEqual([2]);
    expect(Array.from(orderObserved([7, 7, Number.NaN, 7]))).toEqual([0, 1, 3]);
  });
});
