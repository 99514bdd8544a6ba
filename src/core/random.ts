/**
 * A seeded pseudo-random number generator, so a Monte Carlo analysis gives the same numbers for the same seed on every
 * machine (JavaScript's `Math.random` cannot be seeded).
 *
 * The generator is SFC32, Chris Doty-Humphrey's Small Fast Counting generator (32-bit state words a, b, c and a
 * counter), as specified in PractRand 0.95 (`RNGs/sfc.cpp`): each step computes `t = a + b + counter++`, then
 * `a = b ^ (b >>> 9)`, `b = c + (c << 3)`, `c = rotl(c, 21) + t`, and returns `t` (all modulo 2^32). It passes
 * PractRand and TestU01 BigCrush, has a minimum period of 2^32 and an expected period of about 2^127.
 * Seeding also follows PractRand: `a = 0`, `b` = the low 32 bits of the seed, `c` = the high bits, `counter = 1`, then
 * 12 outputs are discarded to mix the state.
 */

/** A source of uniform numbers in [0, 1), each with 53 random bits. */
export type RandomSource = () => number;

/** The largest accepted seed (seeds are whole numbers from 0 to 2^53 - 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * The raw SFC32 generator: each call returns the next 32-bit output as an unsigned whole number.
 * @example const next = sfc32(42); next() // => a whole number from 0 to 2^32 - 1, the same for every run with seed 42
 */
export function sfc32(seed: number): () => number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`sfc32 requires a whole-number seed from 0 to ${MAX_SEED}, got ${seed}`);
  let a = 0;
  let b = seed >>> 0;
  let c = Math.floor(seed / 2 ** 32) >>> 0;
  let counter = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * Uniform numbers in [0, 1) from SFC32: two 32-bit outputs give 53 bits, `(hi >>> 5) · 2^26 + (lo >>> 6)` over 2^53
 * (the construction of `genrand_res53` in the Mersenne Twister reference code), so every value is a multiple of 2^-53.
 * @example const random = createRandom(1); random() // => a number in [0, 1), the same for every run with seed 1
 */
export function createRandom(seed: number): RandomSource {
  const next = sfc32(seed);
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}
