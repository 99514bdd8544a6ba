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

/**
 * `value.toFixed(decimals)`, also from 1e21 on, where `toFixed` gives up and writes `1e+21`: a double that large is a
 * whole number, written in full (`1000000000000000000000.0000`), as a file of fixed decimals promises.
 * @example toFixedText(1e21, 2) // => "1000000000000000000000.00"
 */
export function toFixedText(value: number, decimals: number): string {
  if (!(Math.abs(value) >= 1e21) || !Number.isFinite(value)) return value.toFixed(decimals);
  return `${value < 0 ? "-" : ""}${BigInt(Math.abs(value))}${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}`;
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
