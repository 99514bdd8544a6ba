/**
 * Reading numbers and comparing texts straight from a file's bytes, shared by the byte readers of values files
 * (`data-csv-fast.ts`) and of run files (`run-values.ts`).
 */

const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** 10^0 .. 10^22, every one an exact double. */
export const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** 2^53: every integer below it is an exact double (and a sum of exact ones that stays below it, exact). */
const MAX_EXACT = 2 ** 53;

/**
 * Whether `mantissa / 10^decimals` is the double `Number` gives for the decimal text it was read from: the mantissa is
 * an exact integer (at most 15 digits, or below 2^53, so exact as it was summed) and 10^decimals an exact double, so
 * IEEE division rounds the exact quotient once, correctly.
 */
export const isExactDecimal = (digits: number, mantissa: number, decimals: number): boolean =>
  digits <= 15 || (mantissa < MAX_EXACT && decimals <= 22);

/**
 * The number of bytes [start, end) when they are a plain ASCII decimal (`-12.5`, `+4`, `.5`, `3.`) that
 * `isExactDecimal` converts here; `undefined` for anything else (the caller's general rule then reads the text).
 */
export function plainDecimal(buffer: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  if (i < end && (buffer[i] === MINUS || buffer[i] === PLUS)) negative = buffer[i++] === MINUS;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < end; i++) {
    const byte = buffer[i];
    if (byte >= ZERO && byte <= NINE) {
      mantissa = mantissa * 10 + (byte - ZERO);
      digits++;
      if (dot) decimals++;
    } else if (byte === DOT && !dot) dot = true;
    else break;
  }
  if (i === end && digits > 0 && isExactDecimal(digits, mantissa, decimals)) return (negative ? -mantissa : mantissa) / POWERS_OF_TEN[decimals];
  return undefined;
}

/** Whether bytes [start, end) equal bytes [otherStart, otherEnd) of the same buffer (never when `otherStart` < 0). */
export function sameBytes(buffer: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart || otherStart < 0) return false;
  for (let i = 0; i < end - start; i++) if (buffer[start + i] !== buffer[otherStart + i]) return false;
  return true;
}
