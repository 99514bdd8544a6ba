/**
 * The bytes of a large output file, built chunk by chunk: texts encoded once and numbers written digit by digit
 * straight into a buffer, with no string per cell, no string concatenation and no UTF-8 encoding of the whole file.
 * The streamed result files (`result-chunks.ts`) are written this way; a chunk is handed out (`take`) once it holds
 * `CHUNK_BYTES`, so memory stays flat whatever the file's size.
 */

import { toFixedText } from "../../core/number.js";

/** The size of a chunk handed to the file writer. */
export const CHUNK_BYTES = 1 << 20;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);
const INT32_LIMIT = 2 ** 31;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
/** "00" to "99" as character codes, two per number. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => ZERO + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/** A text as UTF-8 bytes, for a text written many times (a unit, a code, a row prefix). */
export const encodeText = (text: string): Uint8Array => Buffer.from(text, "utf8");

/**
 * `toFixedText(value, decimals)` with `-0` printed as `0` (see `formatValue` in `to-csv.ts`), faster: away from a half,
 * `toFixedText` is `toFixed`, which rounds the exact binary value to the nearest multiple of 10^-decimals, and so does
 * `Math.round(|value|·10^decimals)` whenever the scaled value is below 10^12 (the product's rounding error is then
 * below 2^-13) and its fraction is not within 0.001 of one half. `isFastFixed` says when that holds; the rest (rare,
 * the halves among them, which `toFixedText` rounds as Excel does) go to `toFixedText`.
 */
function isFastFixed(scaled: number, decimals: number): boolean {
  return decimals <= 15 && scaled < 1e12 && Math.abs(scaled - Math.floor(scaled) - 0.5) >= 0.001;
}

/** `formatValue` of `to-csv.ts` (`toFixedText`, `-0` printed as `0`, `""` for `NaN` and infinities), faster (see `isFastFixed`). */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
  if (!isFastFixed(scaled, decimals)) {
    const text = toFixedText(value, decimals);
    return text.charCodeAt(0) === MINUS && /^-0\.?0*$/.test(text) ? text.slice(1) : text;
  }
  const whole = Math.round(scaled);
  let digits = String(whole);
  const sign = value < 0 && whole !== 0 ? "-" : "";
  if (decimals === 0) return sign + digits;
  if (digits.length <= decimals) digits = "0".repeat(decimals + 1 - digits.length) + digits;
  return `${sign}${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

/** A growing run of bytes, handed out in chunks. */
export class ByteChunks {
  private buffer: Buffer;
  private position = 0;

  /** Starts small (a small file needs no megabyte buffer) and grows to a chunk and a quarter. */
  constructor(private capacity = 1 << 14) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.position;
  }

  /** The bytes written since the last `take`, as a chunk of their own; starts a new chunk. */
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.position);
    this.capacity = Math.max(this.capacity, Math.min(this.buffer.length, CHUNK_BYTES + (CHUNK_BYTES >> 2)));
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.position = 0;
    return chunk;
  }

  /** The bytes written since the last `take`, as the last chunk (the writer is not used after). */
  finish(): Uint8Array {
    return this.buffer.subarray(0, this.position);
  }

  /** Makes room for `count` more bytes. */
  private reserve(count: number): void {
    if (this.position + count <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.position + count));
    larger.set(this.buffer.subarray(0, this.position));
    this.buffer = larger;
  }

  /** Appends encoded bytes (see `encodeText`). */
  bytes(bytes: Uint8Array): void {
    const count = bytes.length;
    this.reserve(count);
    const buffer = this.buffer;
    let position = this.position;
    // Short texts (most cells) copy faster byte by byte than through `set`.
    if (count < 48) for (let i = 0; i < count; i++) buffer[position++] = bytes[i];
    else {
      buffer.set(bytes, position);
      position += count;
    }
    this.position = position;
  }

  /** Appends one byte (an ASCII character code). */
  byte(code: number): void {
    this.reserve(1);
    this.buffer[this.position++] = code;
  }

  /** Appends a text known to be ASCII (a number as JavaScript prints it). */
  ascii(text: string): void {
    const count = text.length;
    this.reserve(count);
    const buffer = this.buffer;
    let position = this.position;
    for (let i = 0; i < count; i++) buffer[position++] = text.charCodeAt(i);
    this.position = position;
  }

  /** Writes the `digits` last decimal digits of the whole number `value` (zero-padded), room reserved. */
  private writeDigits(value: number, digits: number): void {
    const buffer = this.buffer;
    let position = this.position + digits;
    this.position = position;
    if (value < INT32_LIMIT) {
      // Two digits at a time, from a table: half the divisions.
      let rest = value | 0;
      let left = digits;
      for (; left >= 2; left -= 2) {
        const next = (rest / 100) | 0;
        const pair = (rest - next * 100) << 1;
        buffer[--position] = DIGIT_PAIRS[pair + 1];
        buffer[--position] = DIGIT_PAIRS[pair];
        rest = next;
      }
      if (left === 1) buffer[--position] = ZERO + rest;
    } else
      for (let i = 0; i < digits; i++) {
        const next = Math.floor(value / 10);
        buffer[--position] = ZERO + value - next * 10;
        value = next;
      }
  }

  /**
   * Appends `value` with a fixed count of decimals, as `formatNumber` prints it: nothing for `NaN` and infinities
   * (an empty cell), `-0` as `0`.
   */
  fixed(value: number, decimals: number): void {
    if (!Number.isFinite(value)) return;
    const scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
    if (!isFastFixed(scaled, decimals)) {
      this.ascii(formatNumber(value, decimals));
      return;
    }
    const whole = Math.round(scaled);
    this.reserve(18);
    if (value < 0 && whole !== 0) this.buffer[this.position++] = MINUS;
    const unit = POWERS_OF_TEN[decimals];
    // Both parts are whole numbers below 10^12, so the division and the product are exact.
    const integerPart = Math.floor(whole / unit);
    let digits = 1;
    while (integerPart >= POWERS_OF_TEN[digits]) digits++;
    this.writeDigits(integerPart, digits);
    if (decimals === 0) return;
    this.buffer[this.position++] = DOT;
    this.writeDigits(whole - integerPart * unit, decimals);
  }

  /** Appends a number as JSON writes it (`String(value)`), `null` for `NaN` and infinities. */
  json(value: number): void {
    this.ascii(Number.isFinite(value) ? String(value) : "null");
  }
}
