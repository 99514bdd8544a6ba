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

/** The decade `asShown` last scaled in, `[low, high)`, and its scale: most values of a series share one (no logarithm). */
let shownLow = 100;
let shownHigh = 1000;
let shownScale = 1e12;

/**
 * `value` as Excel keeps and shows it: the double nearest its first 15 significant digits (`Number(value.toPrecision(15))`).
 * A difference of two scores is taken between such values (`core/analysis/growth.ts`), as a hand computation from the
 * shown figures and Excel's subtraction of them take it: 108.74999999999999 (100 · 0.087 / 0.08, which Excel shows as
 * 108.75) less 100 is then 8.75, printed 8.8 beside the index's 108.8, not 8.749999999999986, printed 8.7.
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
  if (!(size >= shownLow && size < shownHigh)) {
    if (!(size >= 1e-8 && size < 1e15)) return value;
    // 10^exponent <= size < 10^(exponent + 1). (Only a size within a few units in the last place of a power of ten can
    // get an exponent one off: its 15 digits are then all 9s or 0s, which give that power either way.)
    const exponent = Math.min(Math.max(Math.floor(Math.log10(size)), -8), 14);
    shownLow = exponent >= 0 ? EXACT_POWERS_OF_TEN[exponent] : 1 / EXACT_POWERS_OF_TEN[-exponent];
    shownHigh = exponent >= -1 ? EXACT_POWERS_OF_TEN[exponent + 1] : 1 / EXACT_POWERS_OF_TEN[-exponent - 1];
    shownScale = EXACT_POWERS_OF_TEN[SIGNIFICANT_DIGITS - 1 - exponent];
  }
  const scaled = value * shownScale;
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) return Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return Math.round(scaled) / shownScale;
}

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
