/**
 * Messages of checks made in the engine: `--aggregate` read (aggregate/plan.ts), a series mixing percentages with plain
 * numbers (percent-marks.ts), dashes padded as Excel's accounting format shows a zero (accounting-dashes.ts), numbers
 * split at their thousands separator by an unquoted comma (thousands-split.ts), a value far from its series' previous
 * one (value-jumps.ts), and option values given to the library (option-checks.ts, compute.ts). Shape: `<what was found>; expected <what>`.
 */
import { AGGREGATE_METHODS } from "./aggregate/methods.js";
import { describeValue, isThenable } from "./describe-value.js";
import { catalogue } from "./localize.js";
import { quote } from "./quote.js";
import { didYouMean } from "./suggest.js";

/** One kind of the values of a series that mixes percentages with plain numbers: how many, and the first one. */
export interface PercentExample {
  count: number;
  value: number;
  /** The median of the kind's values without their signs (a percentage as its percent points: 2.44 for 2.44%). */
  median: number;
  /** The file the first value was read from (none: not known). */
  file?: string;
  /** Its line in `file` (none or 0: the file alone is named). */
  line?: number;
  /** Its column in the line, when the layout puts several values on a line (the wide layouts). */
  column?: number;
}

/**
 * The first value of an indicator far from the value of the nearest earlier year of the same unit (`value-jumps.ts`),
 * and how many of the indicator's values are so.
 */
export interface ValueJump {
  indicator: string;
  /** The unit ("" for the one unnamed unit of values without a unit column). */
  unit: string;
  /** The earlier year and its value, as read. */
  fromYear: number;
  fromValue: number;
  /** The later year and its value, as read (the cell the warning is placed at). */
  toYear: number;
  toValue: number;
  /** How many of the indicator's values are so far from their previous one (this one the first, by unit then year). */
  count: number;
  /** The factor from which two values are far apart (`VALUE_JUMP_FACTOR`, 50). */
  threshold: number;
}

/**
 * A factor of a message (how many times one value is another): to one decimal below 100 (95.49 as 95.5, 50.0 as 50),
 * a whole number with thousands separators from 100 (10,000); `exact` whether that is the factor itself, not rounded.
 * @example shownFactor(2.33 / 0.0244) // => { text: "95.5", exact: false }
 */
export function shownFactor(factor: number): { text: string; exact: boolean } {
  const tenths = Math.round(factor * 10) / 10;
  const shown = tenths < 100 ? tenths : Math.round(factor);
  return { text: shown < 100 ? String(shown) : shown.toLocaleString("en-US"), exact: shown === factor };
}

/** A number of a message to 4 significant digits (a median: 2.23, not 2.2300000000000004). */
export const shownNumber = (value: number) => String(Number(value.toPrecision(4)));

/** The first of a file's cells read as missing from a dash padded as Excel's accounting format shows a zero. */
export interface AccountingDashExample {
  file: string;
  line: number;
  column: number;
  /** The cell's raw text (`" -   "`). */
  text: string;
}

/** The first of a file's value cells that may be a number split at its thousands separators by unquoted commas. */
export interface ThousandsSplitExample {
  file: string;
  line: number;
  /** The value cell's column (1-based). */
  column: number;
  /** The value cell's text (`1`, `¥1`) and the number read from it (1). */
  cell: string;
  read: number;
  /** The texts of the cells after it taken as its groups of thousands (`234`, `567`). */
  groups: readonly string[];
  /** The first group's column (1-based) and its header (`note`; "" for a column without one). */
  nextColumn: number;
  nextName: string;
  /** The row's number of fields, and the header's (fewer: the split added fields). */
  fields: number;
  headerFields: number;
  /** The number the cells make as one (1234). */
  meant: number;
}

/** A split number as it was meant to be written: the value cell and its groups joined by commas (`1,234,567`). */
const joinedNumber = (first: ThousandsSplitExample) => [first.cell, ...first.groups].join(",");

/** What an option of the library expects, in `checkMessages.expectedOption`. */
export type ExpectedOption =
  | "text"
  | "boolean"
  | "baseYear"
  | "cap"
  | "power"
  | "winsorMax"
  | "range"
  | "zScale"
  | "screen"
  | "share"
  | "aggregateByLevel"
  | "level"
  | "performanceGroups"
  | "queryMemoryLimit";

const EXPECTED_OPTIONS: Readonly<Record<ExpectedOption, string>> = {
  text: "a text",
  boolean: "true or false",
  baseYear: "a year of the data such as 2017",
  cap: "a number >= 100 (a lower cap would move the base year off 100)",
  power: "a number p, e.g. 0.5 (1 arithmetic, 0 geometric, -1 harmonic)",
  winsorMax: "a whole number >= 1",
  range: "{ low, high }: two numbers with low < high, e.g. { low: 1, high: 100 }",
  zScale: "{ mean, sd }: two numbers with sd > 0, e.g. { mean: 0, sd: 1 }",
  screen: "{ threshold, by? }, e.g. { threshold: 0.66 }",
  share: "a share above 0 and at most 1, e.g. 0.66",
  aggregateByLevel: '{ level: method }, e.g. { 0: "arithmetic" }',
  level: "a level: 0 for the overall index, 1 for the first-level groups, ...",
  performanceGroups: "three thresholds, e.g. [125, 100, 70]",
  queryMemoryLimit: 'a size of memory from 16 MB up: a text such as "8GB" or "512MB" (powers of 1024), or a whole number of bytes',
};

/** A value's place for a message: ` at file:line:column`, ` at file:line`, ` in file`, or nothing. */
const placeOf = ({ file, line, column }: PercentExample) =>
  file === undefined ? "" : line ? ` at ${file}:${line}${column ? `:${column}` : ""}` : ` in ${file}`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `about 95.5 times smaller than`, `10,000 times larger than`: `value` against `other` (same sign, not zero). */
const timesApart = (value: number, other: number) => {
  const ratio = Math.abs(value / other);
  const { text, exact } = shownFactor(ratio < 1 ? 1 / ratio : ratio);
  // Of two negative values (a loss of 0.05, then of 3.1) in size: -3.1 is not larger than -0.05.
  return `${exact ? "" : "about "}${text} times ${ratio < 1 ? "smaller" : "larger"}${value < 0 ? " in size" : ""} than`;
};

export const checkMessages = catalogue("checkMessages", {
  // --aggregate (aggregate/plan.ts): `text` as given, `item` one of its comma-separated items
  aggregatePowerNoNumber: (text: string, item: string) =>
    `--aggregate ${JSON.stringify(text)}: ${JSON.stringify(item)} has no number after "power:"; expected power:P with a number P, e.g. power:0.5`,
  aggregateTwoExponents: (text: string, power: number, value: number) => `--aggregate ${JSON.stringify(text)}: two exponents ${power} and ${value}; expected one power:P per run`,
  /**
   * A method off the list typed in `--aggregate` on the command line (`0=geometrik`): `option`, the flag; `text`, the
   * whole value; `found`, the method (after `LEVEL=`, without `:P`).
   */
  aggregateUnknownMethod: (option: string, text: string, found: string) =>
    `unknown method ${quote(found)} of ${option}${text === found ? "" : ` (in ${quote(text)})`}; ` +
    `expected METHOD or LEVEL=METHOD, comma-separated (e.g. "arithmetic,0=geometric"), METHOD one of: ${AGGREGATE_METHODS.join(", ")}${didYouMean(found, AGGREGATE_METHODS)}`,
  /** `word`: the method the item names (after `LEVEL=`), for a suggestion. */
  aggregateNotUnderstood: (text: string, item: string, word: string) =>
    `--aggregate ${JSON.stringify(text)}: ${JSON.stringify(item)} is not understood; ` +
    `expected METHOD or LEVEL=METHOD, comma-separated (e.g. "arithmetic,0=geometric"), METHOD one of: ${AGGREGATE_METHODS.join(", ")}${didYouMean(word, AGGREGATE_METHODS)}`,

  // W_PERCENT_MIXED (percent-marks.ts): the two kinds' medians of another magnitude
  percentMixed: (code: string, marked: PercentExample, plain: PercentExample) =>
    `values of ${quote(code)} mix ${count(marked.count, "percentage", "percentages")} (e.g. ${marked.value}%${placeOf(marked)}) ` +
    `with ${count(plain.count, "plain number", "plain numbers")} (e.g. ${plain.value}${placeOf(plain)}) of another magnitude: ` +
    `the plain numbers' median, ${shownNumber(plain.median)}, is ${timesApart(plain.median, marked.median)} the percentages', ${shownNumber(marked.median)}; a percent sign is dropped ` +
    `(${marked.value}% reads as ${marked.value}), so a share written as a fraction (0.0245 for 2.45%) reads 100 times smaller; ` +
    `expected every value of ${quote(code)} written one way: all with a percent sign (or formatted as percentages in Excel) or none`,

  // W_VALUE_JUMP (value-jumps.ts): placed at the later value
  valueJump: (jump: ValueJump) =>
    `indicator ${quote(jump.indicator)}${jump.unit === "" ? "" : `, unit ${quote(jump.unit)}`}: the ${jump.toYear} value ${jump.toValue} is ` +
    `${timesApart(jump.toValue, jump.fromValue)} the ${jump.fromYear} value ${jump.fromValue} (${jump.threshold} times or more apart, which a real change ` +
    `from one year to the next seldom is)${jump.count === 1 ? "" : `; ${jump.count} values of ${quote(jump.indicator)} are so far from their previous year's, this the first by unit and year`}: ` +
    `probably a share written as a fraction beside percent points or the other way round (×100), a unit of measure changed ` +
    `(×1,000 or ×10,000, e.g. 元 for 万元), or a real change; expected the value checked: if it is right, nothing to do (--strict does not refuse it)`,

  // W_ACCOUNTING_DASH (accounting-dashes.ts): `count` such cells in the file of `first`, its first
  accountingDashes: (first: AccountingDashExample, cells: number) =>
    `${first.file}:${first.line}:${first.column}: ${count(cells, "value cell is", "value cells are")} a dash padded with spaces (${JSON.stringify(first.text)}` +
    `${cells === 1 ? "" : ", the first here"}), the way Excel's accounting format (会计专用) shows a zero; ${cells === 1 ? "it is" : "they are"} read as missing, ` +
    `though ${cells === 1 ? "it" : "they"} may be zeros; expected the column formatted as a number (常规 or 数值) before saving the CSV file, or 0 written in ${cells === 1 ? "the cell" : "those cells"}`,

  // W_THOUSANDS_SPLIT (thousands-split.ts): `cells` such value cells in the file of `first`, its first
  thousandsSplit: (first: ThousandsSplitExample, cells: number) =>
    `${first.file}:${first.line}:${first.column}: value ${JSON.stringify(first.cell)} and ` +
    `${first.groups.length === 1 ? "the next cell, " : `the ${first.groups.length} cells after it, `}${first.groups.map((group) => JSON.stringify(group)).join(" and ")} ` +
    `${first.groups.length === 1 ? "in column" : "from column"} ${first.nextColumn}${first.nextName === "" ? " (without a header)" : ` (${JSON.stringify(first.nextName)})`}, ` +
    `look like one number, ${JSON.stringify(joinedNumber(first))}, split at its thousands ${first.groups.length === 1 ? "separator by a comma" : "separators by commas"} outside quotes ` +
    `(the row has ${first.fields} fields, the header ${first.headerFields}): ${first.read} is read where ${first.meant} was probably meant` +
    `${cells === 1 ? "" : ` (${cells} value cells of this file look so, the first here)`}; expected ${cells === 1 ? "the number" : "each such number"} quoted as Excel writes it ` +
    `(${JSON.stringify(joinedNumber(first))}, with the quotes) or written without the separator (${first.meant})`,

  // Option values given to the library (option-checks.ts); `option` names the option, `found` is the value given
  optionNotAChoice: (option: string, found: unknown, choices: readonly string[]) =>
    `option ${option} is ${describeValue(found)}; expected one of: ${choices.join(", ")}${typeof found === "string" ? didYouMean(found, choices) : ""}`,
  optionNotExpected: (option: string, found: unknown, expected: string) =>
    isThenable(found) ? `option ${option} is a Promise: did you forget await? expected ${expected}` : `option ${option} is ${describeValue(found)}; expected ${expected}`,
  /** A number's option given as a text, a bigint or another kind of value: found what, and that a number was expected. */
  optionNotANumber: (option: string, found: unknown, expected: string) =>
    typeof found === "string" || typeof found === "bigint"
      ? `option ${option} is ${typeof found === "string" ? `the text ${quote(found)}` : `the bigint ${found}n`}, not a number; expected ${expected}`
      : checkMessages.optionNotExpected(option, found, expected),
  optionEmptyList: (option: string, expected: string) => `option ${option} is an empty list; expected ${expected}`,
  unknownOption: (option: string, known: readonly string[]) => `unknown option ${quote(option)}; expected one of: ${known.join(", ")}${didYouMean(option, known)}`,
  /** The items of a list found wrong beyond those named one by one (`rest` of them). */
  optionMoreItems: (option: string, rest: number, expected: string) =>
    `option ${option} has ${rest} more item${rest === 1 ? "" : "s"} like ${rest === 1 ? "that" : "those"}; expected ${expected}`,
  /** What an option expects (the `expected` of the messages above). */
  expectedOption: (what: ExpectedOption) => EXPECTED_OPTIONS[what],
});
