/**
 * Sorting the observed values of a series in linear time, for the audit (which sorts every indicator and node of every
 * period) and the ranks (which rank every node of every year, and the drop analysis every year once per element).
 *
 * The values' IEEE 754 bits become unsigned 64-bit keys that order like the numbers (the sign bit flipped for a
 * positive number, every bit for a negative one), split into a high and a low 32-bit word. A stable
 * least-significant-digit radix sort orders the keys by their high word (sign, exponent and the first 20 bits of the
 * mantissa) in three passes of 11 bits (the last 10), the keys travelling with their positions so that every pass
 * reads in order; a pass in which every key has the same digit (values of one sign and magnitude) is skipped. Keys
 * with the same high word, rare unless values repeat, are then ordered by their low word within their run: by
 * insertion for a short run, by the same radix passes for a long one. Both steps are stable, so the result is the
 * order of (value, position): tied values stay in order of position.
 * `NaN` (missing) is left out. Little-endian (every platform Node runs on): the high word of a double is the second.
 */

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** Runs of one high word up to this length are sorted by insertion. */
const INSERTION_RUN = 48;
/** Series of up to this many observed values are sorted by insertion alone (at most 64 · 63 / 2 = 2,016 moves). */
const INSERTION_SORT = 64;

/** Working arrays, grown as needed and reused from one sort to the next (the sorts run one at a time). */
let capacity = 0;
let doubles = new Float64Array(0);
let doubleWords = new Uint32Array(0);
let high = new Uint32Array(0);
let low = new Uint32Array(0);
let positions = new Uint32Array(0);
let nextHigh = new Uint32Array(0);
let nextLow = new Uint32Array(0);
let nextPositions = new Uint32Array(0);
const counts = new Uint32Array(3 * BUCKETS);

function reserve(count: number): void {
  if (count <= capacity) return;
  capacity = Math.max(count, Math.ceil(capacity * 1.5));
  doubles = new Float64Array(capacity);
  doubleWords = new Uint32Array(doubles.buffer);
  high = new Uint32Array(capacity);
  low = new Uint32Array(capacity);
  positions = new Uint32Array(capacity);
  nextHigh = new Uint32Array(capacity);
  nextLow = new Uint32Array(capacity);
  nextPositions = new Uint32Array(capacity);
}

/**
 * Stable radix passes over `[start, end)` of the working arrays by the word `byHigh` names (its three digits, least
 * significant first), skipping a pass in which every key has the same digit. Leaves the sorted run in `high`, `low`,
 * `positions`; `whole` says the run is every key in use (the arrays are then swapped instead of copied back).
 */
function radixPasses(start: number, end: number, byHigh: boolean, whole: boolean): void {
  const length = end - start;
  counts.fill(0);
  const keys = byHigh ? high : low;
  for (let j = start; j < end; j++) {
    const key = keys[j];
    counts[key & MASK]++;
    counts[BUCKETS + ((key >>> DIGIT_BITS) & MASK)]++;
    counts[2 * BUCKETS + ((key >>> (2 * DIGIT_BITS)) & MASK)]++;
  }
  for (let pass = 0; pass < 3; pass++) {
    const offset = pass * BUCKETS;
    const shift = DIGIT_BITS * pass;
    const sortKey = byHigh ? high : low;
    // One digit for every key: the pass would leave the order as it is.
    if (counts[offset + ((sortKey[start] >>> shift) & MASK)] === length) continue;
    let total = start;
    for (let d = 0; d < BUCKETS; d++) {
      const size = counts[offset + d];
      counts[offset + d] = total;
      total += size;
    }
    for (let j = start; j < end; j++) {
      const to = counts[offset + ((sortKey[j] >>> shift) & MASK)]++;
      nextHigh[to] = high[j];
      nextLow[to] = low[j];
      nextPositions[to] = positions[j];
    }
    if (whole) {
      [high, nextHigh] = [nextHigh, high];
      [low, nextLow] = [nextLow, low];
      [positions, nextPositions] = [nextPositions, positions];
    } else {
      // A run inside the arrays: copied back, so the keys outside it stay where they are.
      high.set(nextHigh.subarray(start, end), start);
      low.set(nextLow.subarray(start, end), start);
      positions.set(nextPositions.subarray(start, end), start);
    }
  }
}

/** Sorts the working arrays' first `count` keys by insertion, high word then low word (stable). */
function insertionSort(count: number): void {
  for (let j = 1; j < count; j++) {
    const keyHigh = high[j];
    const keyLow = low[j];
    const position = positions[j];
    let i = j - 1;
    while (i >= 0 && (high[i] > keyHigh || (high[i] === keyHigh && low[i] > keyLow))) {
      high[i + 1] = high[i];
      low[i + 1] = low[i];
      positions[i + 1] = positions[i];
      i--;
    }
    high[i + 1] = keyHigh;
    low[i + 1] = keyLow;
    positions[i + 1] = position;
  }
}

/** Sorts the working arrays' first `count` keys (see the module comment). */
function sortKeys(values: ArrayLike<number>, zeroSigned: boolean): number {
  const length = values.length;
  let count = 0;
  for (let k = 0; k < length; k++) if (!Number.isNaN(values[k])) count++;
  reserve(count);
  for (let k = 0, j = 0; k < length; k++) {
    const value = values[k];
    if (Number.isNaN(value)) continue;
    // `+ 0` reads −0 as 0 (ties with 0 keep their order of position); a sort of values keeps −0 before 0.
    doubles[j] = zeroSigned ? value : value + 0;
    positions[j] = k;
    j++;
  }
  const words = doubleWords;
  for (let j = 0; j < count; j++) {
    const negative = words[2 * j + 1] >>> 31 === 1;
    high[j] = negative ? ~words[2 * j + 1] >>> 0 : (words[2 * j + 1] | 0x80000000) >>> 0;
    low[j] = negative ? ~words[2 * j] >>> 0 : words[2 * j];
  }
  if (count < 2) return count;
  // A short series (ASEM's 51 units, a zone's few years) by insertion on the whole key: the radix passes' fixed cost,
  // three tables of 2,048 counts, is larger than the sort.
  if (count <= INSERTION_SORT) {
    insertionSort(count);
    return count;
  }
  radixPasses(0, count, true, true);
  // Within each run of one high word, by the low word.
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && high[end] === high[start]) end++;
    if (end - start > INSERTION_RUN) radixPasses(start, end, false, false);
    else
      for (let j = start + 1; j < end; j++) {
        const key = low[j];
        const position = positions[j];
        let i = j - 1;
        while (i >= start && low[i] > key) {
          low[i + 1] = low[i];
          positions[i + 1] = positions[i];
          i--;
        }
        low[i + 1] = key;
        positions[i + 1] = position;
      }
    start = end;
  }
  return count;
}

/**
 * The observed values of `values` in increasing order: the same array as `Float64Array.from(observed).sort()` (−0
 * before 0), in linear time.
 * @example sortObserved([3, NaN, -1, 2]) // => Float64Array [-1, 2, 3]
 */
export function sortObserved(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) count++;
  const sorted = new Float64Array(count);
  sortObservedInto(values, sorted);
  return sorted;
}

/**
 * `sortObserved` into the start of `out` (at least as long as the observed values), without a new array: returns how
 * many values it wrote.
 */
export function sortObservedInto(values: ArrayLike<number>, out: Float64Array): number {
  const count = sortKeys(values, true);
  const words = new Uint32Array(out.buffer, out.byteOffset, 2 * count);
  for (let j = 0; j < count; j++) {
    const positive = high[j] >>> 31 === 1;
    words[2 * j + 1] = positive ? high[j] ^ 0x80000000 : ~high[j];
    words[2 * j] = positive ? low[j] : ~low[j];
  }
  return count;
}

/**
 * The positions of the observed values of `values` by increasing value, tied values (−0 and 0 among them) in order
 * of position, in linear time.
 * @example orderObserved([3, NaN, -1, 3]) // => Uint32Array [2, 0, 3]
 */
export function orderObserved(values: ArrayLike<number>): Uint32Array {
  const count = sortKeys(values, false);
  return positions.slice(0, count);
}

/**
 * `orderObserved` into `out` (at least as long as the observed values), without a new array: returns how many
 * positions it wrote.
 */
export function orderObservedInto(values: ArrayLike<number>, out: Uint32Array): number {
  const count = sortKeys(values, false);
  out.set(positions.subarray(0, count));
  return count;
}
