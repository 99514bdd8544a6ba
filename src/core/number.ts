/**
 * The one rule for reading a number written by a person (in a CSV cell, an Excel export, a tree weight).
 *
 * - Surrounding spaces (also full-width and non-breaking) are ignored; full-width digits and signs (`１２３．５`) read as ASCII.
 * - A space inside a number is accepted only between groups of three digits (`1 234 567`, the SI way of grouping
 *   thousands) and before the percent sign (`12.5 %`); `5 5` or `1 0.0` (a typing slip) is no number.
 * - Thousands separators are accepted only in their proper places: `1,234`, `1,234,567.5` (not `1,23`, nor `0,967`: a
 *   number does not start with a group of thousands that is 0, so that is a decimal comma, refused as one).
 * - A trailing percent sign is a unit mark and is dropped: `1.96%` reads as 1.96, the value of an indicator whose unit is %.
 * - As Excel reads what it shows in a currency or accounting format: a currency sign before the number is dropped
 *   (`¥1,234.00`, `￥12`, `$5`, `-€3`), and a number in brackets is negative (`(12)` reads as -12, `(¥1,000)` as -1000).
 * - The decimal mark is `.` by default; with `,` (a `;`-separated file from a European Excel, or `--decimal ,`), `1,5`
 *   reads as 1.5 and `.` groups thousands only in its proper places, with a decimal part or more than one group:
 *   `1.234,5`, `1.234.567`; `1.234` alone (a thousand or one and a bit?) and `0.25` are refused as ambiguous.
 * - A missing value is written as an empty cell or one of `MISSING_TOKENS` and reads as `NaN`.
 * - Anything else (`abc`, `1.2.3`, `12a`) is not a number: `parseNumber` returns `undefined`, and the caller reports it
 *   with its file, line and column.
 */

/**
 * Cells that mean "no value". Compared after trimming and full-width forms made ASCII (`－`, `／`), case-insensitively.
 * Besides the usual English ones, the ways a Chinese form writes "none": `——` (Shift+- in a Chinese input method),
 * `……`, `/` (不适用), and `―`/`――`, the dash GB2312's byte pair A1AA decodes to in some tables.
 */
export const MISSING_TOKENS = ["", "-", "—", "–", "--", "——", "―", "――", "/", "na", "n/a", "nan", "null", "..", "…", "……", "#n/a"] as const;

/**
 * A dash padded the way Excel's accounting format (会计专用) shows a zero, as a CSV file saved from such a sheet holds
 * it (the text shown). The format's zero section is `_ * "-"??_ ` (zh-CN, no sign), `_ ¥* "-"??_ ` (with ¥),
 * `_($* "-"??_)` (en-US) or `_-* "-"??_-`: `_x` writes a space as wide as x, the fill `* ` nothing in a CSV file, `"-"`
 * the dash and `??` a space for each of the two decimal places, so a zero is saved as `" -   "` or `" ¥-   "` (a
 * space, the sign, the dash, two spaces for the decimals and one for the closing `_ `). The rule, on the raw cell
 * (before trimming; a quoted cell's content): spaces or a currency sign before the dash (at least one of them), at
 * least two spaces after it (the `??`), then perhaps a currency sign written after the number (`" -   € "`). A bare `-`
 * (the Chinese statistical 无数据, `MISSING_TOKENS`) does not match, nor does `" - "`: a dash typed between spaces
 * looks the same as the accounting format without decimals (`"-"_ `), so only the two-decimal padding is taken as a sign.
 * The readers read every such cell as a missing value and warn of it, with a currency sign too (`" ¥-   "`, `"￥ -  "`,
 * `" $-   "`): the sign is dropped as it is before a number (`¥1,234`), leaving the dash. A currency sign beside a dash
 * without that padding (`¥-`, or `" ¥- "` of the format without decimals) stays no number (`parseNumber`), its message
 * naming the format (`isCurrencyDash`).
 */
const ACCOUNTING_DASH = /^(?:[ \u00a0]+[¥￥$€£]?|[¥￥$€£])[ \u00a0]*-[ \u00a0]{2,}(?:[¥￥$€£][ \u00a0]*)?$/;

/**
 * Whether a raw cell (not trimmed) is a dash padded as Excel's accounting format shows a zero (`ACCOUNTING_DASH`).
 * @example isAccountingDash(" -   ") // => true
 * @example isAccountingDash("-") // => false
 */
export const isAccountingDash = (text: string): boolean => ACCOUNTING_DASH.test(text);

/**
 * Whether a cell is a currency sign beside a dash (`¥-`, `$ -`, `-€`), as Excel's accounting format with a currency
 * sign shows a zero, once its padding is lost: no number (a sign is dropped only before a number), but the message
 * that refuses it says what it looks like.
 * @example isCurrencyDash(" ¥- ") // => true
 * @example isCurrencyDash("¥1") // => false
 */
export const isCurrencyDash = (text: string): boolean => /^[\s\u00a0]*(?:[¥￥$€£][\s\u00a0]*-|-[\s\u00a0]*[¥￥$€£])[\s\u00a0]*$/.test(text);

/**
 * Whether a cell's text is one of Excel's formula errors (#DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!, ...): a
 * formula that failed, never a value. (#N/A, which NA() writes on purpose, is a missing value: `MISSING_TOKENS`.)
 */
export const isExcelError = (text: string): boolean => /^#(DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(text.trim());

const MISSING = new Set<string>(MISSING_TOKENS);
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;
/** Thousands grouped by single spaces (`1 234 567.5`, `-12 000,5`), with either decimal mark and a percent sign. */
const SPACE_GROUPED_NUMBER = /^[+\-−]?[1-9]\d{0,2}([\s\u00a0]\d{3})+([.,]\d*)?%?$/;
const DOT_GROUPED_NUMBER = /^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?$/;
/** A currency sign before a number (after its sign), with the space a currency format may put after it. */
const CURRENCY_SIGN = /^([+\-−]?)[¥￥$€£][\s\u00a0]*(?=[\d.])/;

/** The significant digits a number is taken to before it is rounded to its decimals, as Excel takes it. */
export const SIGNIFICANT_DIGITS = 15;

/**
 * `value` with `decimals` decimals, rounded as Excel rounds what it shows: to 15 significant digits first, then half
 * away from zero. A score computed from decimal inputs is often a hair off the half it stands for (100 · 0.087 / 0.08
 * is 108.74999999999999, for 108.75): `toFixed`, which rounds the binary value, would print 108.7 where Excel, a
 * report's table and a hand computation show 108.8. Away from a half the two agree, and `toFixed` itself is used. From
 * 1e21 on (where `toFixed` writes `1e+21`), a double is a whole number, written in full. `NaN` and infinities print as
 * `toFixed` prints them (callers leave them out).
 * @example toFixedText(108.74999999999999, 1) // => "108.8"
 * @example toFixedText(1.005, 2) // => "1.01" (1.005 is 1.00499999999999989… in binary)
 * @example toFixedText(1e21, 2) // => "1000000000000000000000.00"
 */
export function toFixedText(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return value.toFixed(decimals);
  const size = Math.abs(value);
  if (size >= 1e21) return `${value < 0 ? "-" : ""}${BigInt(size)}${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}`;
  // Away from a half, the 15 digits change nothing: below 10^12 once scaled, they move the scaled value by less than
  // 5·10^-4 (the test `isFastFixed` of the byte writer makes too).
  const scaled = size * 10 ** decimals;
  if (decimals <= SIGNIFICANT_DIGITS && scaled < 1e12 && Math.abs(scaled - Math.floor(scaled) - 0.5) >= 0.001) return value.toFixed(decimals);
  return roundedDecimalText(value, decimals);
}

/** 10^0 … 10^22, each exact as a double (a power of ten beyond 10^22 is not). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** A double read as two 32-bit words, for its binary exponent (`shownScale`). */
const DOUBLE = new Float64Array(1);
const WORDS = new Uint32Array(DOUBLE.buffer);
/** Which word holds the sign and the exponent: the second on a little-endian machine. */
const HIGH_WORD = new Uint8Array(Float64Array.of(-0).buffer)[7] === 0x80 ? 1 : 0;
/** The binary exponents of sizes from 1e-8 to 1e15: 2^-27 <= 1e-8 and 1e15 < 2^50. */
const LOWEST_BINARY_EXPONENT = -27;
const BINARY_EXPONENTS = 50 - LOWEST_BINARY_EXPONENT;

/**
 * By binary exponent e (2^e <= size < 2^(e+1)), from `LOWEST_BINARY_EXPONENT` on: the decade of such a size is
 * k = floor(e · log10 2) or k + 1, the latter from `DECADE_ABOVE[e]` = 10^(k+1) on (below 1, the double nearest it);
 * `SCALE_BELOW[e]` and `SCALE_ABOVE[e]` are the exact powers of ten 10^(14 − k) and 10^(13 − k) that put 15 digits of
 * a size of either decade before the point (for decades from −8 to 14).
 */
const DECADE_ABOVE = new Float64Array(BINARY_EXPONENTS);
const SCALE_BELOW = new Float64Array(BINARY_EXPONENTS);
const SCALE_ABOVE = new Float64Array(BINARY_EXPONENTS);
for (let e = 0; e < BINARY_EXPONENTS; e++) {
  const decade = Math.floor((e + LOWEST_BINARY_EXPONENT) * 0.3010299956639812);
  const scaleOf = (exponent: number) => EXACT_POWERS_OF_TEN[SIGNIFICANT_DIGITS - 1 - Math.min(Math.max(exponent, -8), 14)];
  DECADE_ABOVE[e] = decade >= -1 ? EXACT_POWERS_OF_TEN[decade + 1] : 1 / EXACT_POWERS_OF_TEN[-decade - 1];
  SCALE_BELOW[e] = scaleOf(decade);
  SCALE_ABOVE[e] = scaleOf(decade + 1);
}

/**
 * The exact power of ten 10^(14 − k) that puts the first 15 significant digits of `size` (1e-8 <= size < 1e15, of
 * decade k: 10^k <= size < 10^(k+1)) before the point. No logarithm: from the binary exponent, by the tables above (a
 * value and the differences and quotients taken of it lie in different decades, so no one decade is kept).
 */
function shownScale(size: number): number {
  DOUBLE[0] = size;
  const e = ((WORDS[HIGH_WORD] >>> 20) & 0x7ff) - 1023 - LOWEST_BINARY_EXPONENT;
  return size >= DECADE_ABOVE[e] ? SCALE_ABOVE[e] : SCALE_BELOW[e];
}

/**
 * The scale (`shownScale`) shared by the values of a series, `values[start + i]` for `i < count`, when those that are
 * numbers (`NaN` skipped) all lie in one decade from 1e-8 to 1e15, none a tie once scaled and none with 15 digits that
 * round up to the next decade (999.9999999999999 shows as 1000): each then shows as `Math.round(value · scale) / scale`
 * (`asShown`), a whole number of 10^-d over the scale 10^d, and `differenceOfShown` of two of them is the difference of
 * their whole numbers over the scale. Else 0 (take each value by `asShown` and each difference by `differenceOfShown`).
 * @example commonShownScale([100, 108.74999999999999, 121.25], 0, 3) // => 1e12
 * @example commonShownScale([95, 105], 0, 2) // => 0 (two decades)
 */
export function commonShownScale(values: ArrayLike<number>, start: number, count: number): number {
  let scale = 0;
  let low = 0;
  let high = 0;
  for (let i = start; i < start + count; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    const size = Math.abs(value);
    if (scale === 0) {
      if (!(size >= 1e-8 && size < 1e15)) return 0;
      scale = shownScale(size);
      // The decade's bounds, as `shownScale` tells decades apart (each the double nearest its power of ten).
      low = 1e14 / scale;
      high = 1e15 / scale;
    }
    if (!(size >= low && size < high)) return 0;
    const scaled = size * scale;
    if (scaled - Math.trunc(scaled) === 0.5 || Math.round(scaled) >= 1e15) return 0;
  }
  return scale;
}

/**
 * `value` as Excel keeps and shows it: the double nearest its first 15 significant digits (`Number(value.toPrecision(15))`).
 * A difference of two scores is taken between such values, exactly in decimal (`differenceAsShown`), as a hand
 * computation from the shown figures takes it: 108.74999999999999 (100 · 0.087 / 0.08, which Excel shows as 108.75)
 * less 100 is then 8.75, printed 8.8 beside the index's 108.8, not 8.749999999999986, printed 8.7.
 *
 * Computed without strings: the value scaled by an exact power of ten to 15 digits before the point, rounded, and
 * scaled back (a correctly rounded division). The product is itself rounded, to a grid on which a half lies: it can
 * reach the other side of a half only by landing on it, so a product ending in exactly .5 goes by the digits of
 * `toPrecision(15)` (rare). Outside 1e-8 … 1e15 (no exact power of ten to scale by, or no digit below the point),
 * `value` itself; `NaN`, infinities and 0 as they are.
 * @example asShown(108.74999999999999) // => 108.75
 * @example asShown(0.1 + 0.2) // => 0.3
 */
export function asShown(value: number): number {
  const size = Math.abs(value);
  if (!(size >= 1e-8 && size < 1e15)) return value;
  const scale = shownScale(size);
  const scaled = value * scale;
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) return Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return Math.round(scaled) / scale;
}

/**
 * `value − previous`, each as Excel shows it (`asShown`), exact in decimal: the difference of the figures a person
 * subtracts by hand. Snapping the two is not enough, as their binary subtraction brings the noise back (100.05 − 100 is
 * 0.04999999999999716, printed 0.0 at one decimal where the figures give 0.05, printed 0.1). A 15-digit figure of
 * magnitude 10^k has 14 − k decimals, so the difference of two such figures is exact at the decimals of the larger
 * one: it is rounded to those, half away from zero (`differenceOfShown`). Where the smaller one has more decimals, the
 * digits beyond the larger one's 15 are dropped, as Excel keeps 15 of them. Outside 1e-8 … 1e15 (the larger one),
 * the binary difference, as `asShown` leaves such values as they are; `NaN` where either is.
 * @example differenceAsShown(100.05, 100) // => 0.05
 * @example differenceAsShown(108.74999999999999, 100) // => 8.75
 */
export function differenceAsShown(value: number, previous: number): number {
  return differenceOfShown(asShown(value), asShown(previous));
}

/**
 * `differenceAsShown` of two values already `asShown` (a series' values, each snapped once). Computed without strings:
 * each is scaled by the exact power of ten 10^(14 − k) of the larger one's decade and rounded to a whole number, whose
 * difference (below 2·10^15, exact) is scaled back (a correctly rounded division). A figure of the larger one's decade
 * scales to within 0.23 of its whole number (the double's error and the product's, each at most 2^-53 of 10^15). One
 * of a lower decade, j decades lower, scales to within 0.023 · r of its scaled decimal (r, its size over the decade's
 * start, below 10^(1 − j)), whose fraction is a multiple of 10^-j: more than r / 10 from .5, so rounded as the decimal
 * is, or exactly .5 (its 15th digit a 5 past the larger one's decimals), a tie: then the exact difference, a whole
 * number and a half once scaled, is rounded half away from zero.
 */
export function differenceOfShown(value: number, previous: number): number {
  const valueSize = Math.abs(value);
  const previousSize = Math.abs(previous);
  const size = valueSize > previousSize ? valueSize : previousSize;
  if (!(size >= 1e-8 && size < 1e15)) return value - previous;
  const scale = shownScale(size);
  // The start of the larger one's decade, 10^14 / scale: below it, a figure of a lower decade.
  const low = 1e14 / scale;
  const scaledValue = value * scale;
  const scaledPrevious = previous * scale;
  let whole: number;
  if (valueSize < low && isHalf(scaledValue, valueSize / low)) whole = awayFromZero(Math.floor(scaledValue) + 0.5 - Math.round(scaledPrevious));
  else if (previousSize < low && isHalf(scaledPrevious, previousSize / low)) whole = awayFromZero(Math.round(scaledValue) - Math.floor(scaledPrevious) - 0.5);
  else whole = Math.round(scaledValue) - Math.round(scaledPrevious);
  return whole / scale;
}

/** Whether `scaled`, within 0.023 · `ratio` of a decimal whose fraction is .5 or more than `ratio` / 10 from it, is a half. */
const isHalf = (scaled: number, ratio: number): boolean => Math.abs(scaled - Math.floor(scaled) - 0.5) < 0.05 * ratio;

/** A whole number and a half (exact: below 2^52), rounded away from zero. */
const awayFromZero = (half: number): number => (half > 0 ? half + 0.5 : half - 0.5);

/** `toFixedText` by the digits of `value.toPrecision(15)`, rounded half away from zero to `decimals`. */
function roundedDecimalText(value: number, decimals: number): string {
  const [mantissa, exponentText] = Math.abs(value).toExponential(SIGNIFICANT_DIGITS - 1).split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  // How many of the digits stand before the rounding place: the integer part's (exponent + 1) and the decimals.
  const kept = exponent + 1 + decimals;
  let whole: string;
  if (kept < 0) whole = "0";
  else if (kept >= digits.length) whole = digits + "0".repeat(kept - digits.length);
  else {
    whole = kept === 0 ? "0" : digits.slice(0, kept);
    if (digits.charCodeAt(kept) >= 53 /* "5" */) whole = (BigInt(whole) + 1n).toString();
  }
  // `whole` is the value times 10^decimals, as a whole number: place the decimal point.
  const padded = whole.padStart(decimals + 1, "0");
  const integer = padded.slice(0, padded.length - decimals);
  const text = decimals > 0 ? `${integer}.${padded.slice(padded.length - decimals)}` : integer;
  return value < 0 ? `-${text}` : text;
}

/** The decimal marks a values file may use. */
export const DECIMAL_MARKS = [".", ","] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/**
 * Why a cell that `parseNumber` refused may be a number written with the other decimal mark: "comma" for `1,80` or
 * `1.234,5` read with `.`; "ambiguous" for `1.234` or `0.25` read with `,`; `undefined` when it is no number either way.
 * A full-width comma (`１２３，４`, as a Chinese input method types it) is never a decimal mark in Chinese, so what would
 * read with a decimal comma only through one is "fullWidthComma": a thousands separator out of place, not a decimal comma.
 */
export function decimalMarkProblem(text: string, decimal: DecimalMark): "comma" | "fullWidthComma" | "ambiguous" | undefined {
  if (parseNumber(text, decimal) !== undefined) return undefined;
  const other: DecimalMark = decimal === "." ? "," : ".";
  if (parseNumber(text, other) === undefined && !(decimal === "," && /^[+-]?\d{1,3}\.\d{3}%?$/.test(text.trim()))) return undefined;
  if (decimal === "." && text.includes("，")) return "fullWidthComma";
  return decimal === "." ? "comma" : "ambiguous";
}

/** Turns full-width forms (U+FF01..U+FF5E, the ideographic space) into their ASCII twins. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/**
 * Reads a number by the rule above: a finite number, `NaN` for a missing value, or `undefined` when the text is not a number.
 * @example parseNumber("1,234.5") // => 1234.5
 * @example parseNumber("1.96%") // => 1.96
 * @example parseNumber("(¥1,000.00)") // => -1000
 * @example parseNumber("NA") // => NaN
 * @example parseNumber("12a") // => undefined
 */
export function parseNumber(text: string, decimal: DecimalMark = "."): number | undefined {
  let cell = toHalfWidth(text).replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
  // An accountant's negative: the number inside, itself without a sign or brackets, negated (no -0).
  const bracketed = /^\((.*)\)$/.exec(cell);
  if (bracketed) {
    if (/^[\s\u00a0]*[(+\-−]/.test(bracketed[1])) return undefined;
    const inner = parseNumber(bracketed[1], decimal);
    return inner === undefined || Number.isNaN(inner) ? undefined : inner === 0 ? 0 : -inner;
  }
  cell = cell.replace(CURRENCY_SIGN, "$1");
  if (/[\s\u00a0]/.test(cell)) {
    cell = cell.replace(/[\s\u00a0]+%$/, "%");
    if (/[\s\u00a0]/.test(cell)) {
      if (!SPACE_GROUPED_NUMBER.test(cell)) return undefined;
      cell = cell.replace(/[\s\u00a0]/g, "");
    }
  }
  if (MISSING.has(cell.toLowerCase())) return Number.NaN;
  if (cell.endsWith("%")) cell = cell.slice(0, -1);
  if (cell.startsWith("−")) cell = "-" + cell.slice(1);
  if (decimal === ",") {
    if (DOT_GROUPED_NUMBER.test(cell) && (cell.includes(",") || cell.indexOf(".") !== cell.lastIndexOf("."))) cell = cell.replace(/\./g, "");
    if (cell.includes(".")) return undefined;
    cell = cell.replace(",", ".");
  } else if (GROUPED_NUMBER.test(cell)) cell = cell.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(cell)) return undefined;
  const value = Number(cell);
  // Beyond what a double holds either way: 1e400 (Infinity) and 1e-400 (0, though its digits are not) are no values.
  if (value === 0 && /[1-9]/.test(cell.replace(/e.*$/i, ""))) return undefined;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads a year cell: a whole number from 1000 to 9999, optionally written with zero decimals (`2018.0`, as a table
 * with a float year column saves it) and optionally followed by 年 or 年度 (`2018年度`, as statistical yearbooks write it).
 */
export function parseYear(text: string): number | undefined {
  // Four digits, the first not 0: "0217" is no year (read as 217 it went into a year of its own, or the wrong one).
  const match = /^\s*([1-9]\d{3})(?:\.0+)?\s*(?:年度?)?\s*$/.exec(text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return match ? Number(match[1]) : undefined;
}
