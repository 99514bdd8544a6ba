import { describe, expect, it } from "vitest";
import { createRandom, sfc32 } from "../../src/core/random.js";

/**
 * SFC32 written a second, independent way: BigInt arithmetic with explicit masking, following PractRand's sfc32
 * (t = a + b + counter++; a = b ^ (b >> 9); b = c + (c << 3); c = rotl(c, 21) + t; seeding a = 0, b = low 32 bits,
 * c = high 32 bits, counter = 1, 12 outputs discarded).
 */
function referenceSfc32(seed: bigint): () => bigint {
  const mask = (1n << 32n) - 1n;
  let a = 0n;
  let b = seed & mask;
  let c = (seed >> 32n) & mask;
  let counter = 1n;
  const next = () => {
    const t = (a + b + counter) & mask;
    counter = (counter + 1n) & mask;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & mask;
    c = ((((c << 21n) | (c >> 11n)) & mask) + t) & mask;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

describe("sfc32(seed)", () => {
  it.each([0, 1, 42, 2 ** 32 - 1, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER])("matches a BigInt reference implementation for seed %s", (seed) => {
    const fast = sfc32(seed);
    const reference = referenceSfc32(BigInt(seed));
    for (let i = 0; i < 1000; i++) expect(fast()).toBe(Number(reference()));
  });

  it("rejects a seed that is not a whole number from 0 to 2^53 - 1", () => {
    expect(() => sfc32(-1)).toThrow(/sfc32 requires a whole-number seed/);
    expect(() => sfc32(1.5)).toThrow(/sfc32 requires a whole-number seed/);
  });
});

describe("createRandom(seed)", () => {
  it("builds each number from two 32-bit outputs as (hi >>> 5)·2^26 + (lo >>> 6) over 2^53", () => {
    const raw = referenceSfc32(7n);
    const random = createRandom(7);
    for (let i = 0; i < 100; i++) {
      const hi = raw() >> 5n;
      const lo = raw() >> 6n;
      expect(random()).toBe(Number((hi << 26n) + lo) / 2 ** 53);
    }
  });

  it("gives the same stream for the same seed and another for another seed", () => {
    const first = Array.from({ length: 5 }, createRandom(123));
    expect(Array.from({ length: 5 }, createRandom(123))).toEqual(first);
    expect(Array.from({ length: 5 }, createRandom(124))).not.toEqual(first);
  });

  it("is uniform on [0, 1): mean 1/2 and variance 1/12 within 5 standard errors over 100000 draws", () => {
    const random = createRandom(2024);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      sum += u;
      squares += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    // The mean of n uniforms has standard error sqrt(1/12 / n) ≈ 0.00091; u² has variance 1/5 − 1/9 = 4/45.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - 1 / 3)).toBeLessThan(5 * Math.sqrt(4 / 45 / n));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});
