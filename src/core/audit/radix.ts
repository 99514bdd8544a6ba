/**
 * Sorting the observed values of a series in linear time, for the audit, which sorts every indicator and node of every
 * period: a stable least-significant-digit radix sort of the values' IEEE 754 bits, turned into unsigned 64-bit keys
 * that order like the numbers (the sign bit flipped for a positive number, every bit for a negative one), in six passes
 * of 11 bits (the last of each 32-bit word 10). The keys travel with their positions, so every pass reads in order; the
 * six histograms are counted in one walk first, and a pass in which every key has the same digit (the sign and the
 * exponent of values of one sign and magnitude, say) is skipped, since it would not move anything.
 * `NaN` (missing) is left out. Little-endian (every platform Node runs on): the high word of a double is the second.
 */

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
const PASSES = 6;

/** The sorted keys (`high`, `low`) of the observed values, and, when asked, their positions in `values`. */
interface SortedKeys {
  high: Uint32Array;
  low: Uint32Array;
  positions?: Uint32Array;
}

function sortKeys(values: ArrayLike<number>, zeroSigned: boolean, withPositions: boolean): SortedKeys {
  const length = values.length;
  let count = 0;
  for (let k = 0; k < length; k++) if (!Number.isNaN(values[k])) count++;
  const doubles = new Float64Array(count);
  let positions = withPositions ? new Uint32Array(count) : undefined;
  for (let k = 0, j = 0; k < length; k++) {
    const value = values[k];
    if (Number.isNaN(value)) continue;
    // `+ 0` reads −0 as 0 (ties with 0 keep their order of position); a sort of values keeps −0 before 0.
    doubles[j] = zeroSigned ? value : value + 0;
    if (positions) positions[j] = k;
    j++;
  }
  const words = new Uint32Array(doubles.buffer);
  let high = new Uint32Array(count);
  let low = new Uint32Array(count);
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let j = 0; j < count; j++) {
    const negative = words[2 * j + 1] >>> 31 === 1;
    const h = negative ? ~words[2 * j + 1] >>> 0 : (words[2 * j + 1] | 0x80000000) >>> 0;
    const l = negative ? ~words[2 * j] >>> 0 : words[2 * j];
    high[j] = h;
    low[j] = l;
    counts[l & MASK]++;
    counts[BUCKETS + ((l >>> DIGIT_BITS) & MASK)]++;
    counts[2 * BUCKETS + ((l >>> (2 * DIGIT_BITS)) & MASK)]++;
    counts[3 * BUCKETS + (h & MASK)]++;
    counts[4 * BUCKETS + ((h >>> DIGIT_BITS) & MASK)]++;
    counts[5 * BUCKETS + ((h >>> (2 * DIGIT_BITS)) & MASK)]++;
  }
  let nextHigh = new Uint32Array(count);
  let nextLow = new Uint32Array(count);
  let nextPositions = withPositions ? new Uint32Array(count) : undefined;
  for (let pass = 0; pass < PASSES && count > 0; pass++) {
    const offset = pass * BUCKETS;
    const shift = DIGIT_BITS * (pass % 3);
    const fromHigh = pass >= 3;
    // One digit for every key: the pass would leave the order as it is.
    const first = ((fromHigh ? high[0] : low[0]) >>> shift) & MASK;
    if (counts[offset + first] === count) continue;
    let total = 0;
    for (let d = 0; d < BUCKETS; d++) {
      const size = counts[offset + d];
      counts[offset + d] = total;
      total += size;
    }
    for (let j = 0; j < count; j++) {
      const key = fromHigh ? high[j] : low[j];
      const to = counts[offset + ((key >>> shift) & MASK)]++;
      nextHigh[to] = high[j];
      nextLow[to] = low[j];
      if (positions) nextPositions![to] = positions[j];
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
    if (positions) [positions, nextPositions] = [nextPositions!, positions];
  }
  return { high, low, positions };
}

/**
 * The observed values of `values` in increasing order: the same array as `Float64Array.from(observed).sort()` (−0
 * before 0), in linear time.
 * @example sortObserved([3, NaN, -1, 2]) // => Float64Array [-1, 2, 3]
 */
export function sortObserved(values: ArrayLike<number>): Float64Array {
  const { high, low } = sortKeys(values, true, false);
  const sorted = new Float64Array(high.length);
  const words = new Uint32Array(sorted.buffer);
  for (let j = 0; j < high.length; j++) {
    const positive = high[j] >>> 31 === 1;
    words[2 * j + 1] = positive ? high[j] ^ 0x80000000 : ~high[j];
    words[2 * j] = positive ? low[j] : ~low[j];
  }
  return sorted;
}

/**
 * The positions of the observed values of `values` by increasing value, tied values (−0 and 0 among them) in order
 * of position, in linear time.
 * @example orderObserved([3, NaN, -1, 3]) // => Uint32Array [2, 0, 3]
 */
export function orderObserved(values: ArrayLike<number>): Uint32Array {
  return sortKeys(values, false, true).positions!;
}
