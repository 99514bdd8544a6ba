/**
 * Every user-facing message, as a function of what it names. Tests compare against these functions,
 * so a wording change is made once. Shape: `<what went wrong> "<found>"; expected <what>`.
 */
import { dataMessages, ofUnit, unitYear } from "./data-messages.js";
import { closestName, didYouMean } from "./suggest.js";
import { INDEX_CODE } from "./types.js";

import { listItems, quote, shownChoices } from "./quote.js";
import { catalogue } from "./localize.js";
import { isCurrencyDash, isExcelError } from "./number.js";
import type { ExcelShown } from "./excel-text.js";

/** The children of `parent` in words: those of the overall index (`INDEX`, a code the tree never names) are the first-level nodes. */
/** A group's children in words: by its code, and its name when it has another (a code made from a level tree's place). */
const childrenInWords = (parent: string, name?: string) =>
  parent === INDEX_CODE ? "the first-level nodes" : `the children of ${quote(parent)}${name && name !== parent ? ` (${name})` : ""}`;

/** Every policy that fills a gap, then `reweight`: those of a gap between two observed years of a year other units have. */
const ALL_FILLING_POLICIES = ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"] as const;

/**
 * The hint after a missing base value of `year`: the policies that fill it (`policies`), or why none does, then another
 * base year (an indicator added after the base year has none: the whole index is re-based); none without `policies`.
 */
const baseFillers = (year: number, policies?: readonly string[]) =>
  policies === undefined
    ? ""
    : `${
        policies.length === 0
          ? ` (no missing-value policy fills it: the unit has no other value of the indicator, and no other unit one in ${year})`
          : `, or a missing-value policy that fills it, --missing ${policies.join("|")} (also the tree column "missing"; every index of the series then rests on a base value made up)`
      }, or another base year in which every indicator has a value, --base-year <year>, which re-bases the whole index (see docs/guides/projects.md#when-the-indicator-system-changes)`;

/**
 * The choices of a message on a value off a list (`allowedChoices`, `unknownChoice`, `unknownArgumentChoice`,
 * `unknownOptionChoice`), as `shownChoices` shows them (punctuation quoted), joined by commas.
 * @example choicesInWords([".", ","]) // => '".", ","'
 */
const choicesInWords = (choices: readonly string[]) => shownChoices(choices).join(", ");

export const messages = catalogue("messages", {
  // tree
  /**
   * A required `column` absent from the header `found`. `aliases`: the other headers the reader takes for it, which
   * the Chinese message names where they are Chinese (by default there, those of `CHINESE_HEADERS` in zh/messages.ts).
   */
  missingColumn: (column: string, found: readonly string[], aliases?: readonly string[]) => {
    const near = closestName(column, found.filter((name) => name.trim() !== ""));
    return `missing column ${quote(column)}; found columns ${listItems(found.map(quote), ", ", (count) => `and ${count} more`) || "(none)"}${
      near === undefined ? "" : `; found column ${quote(near)}: did you mean ${quote(column)}?`
    }`;
  },
  emptyCode: (column = "code") => `empty code; every row needs a code in column ${quote(column)}`,
  reservedCode: (code: string) =>
    `code ${quote(code)} is reserved for the overall index; expected another code (a row ${code} with an empty parent names the overall index)`,
  duplicateCode: (code: string, firstLine: number | undefined) =>
    `duplicate code ${quote(code)}${firstLine ? ` (first defined on line ${firstLine})` : ""}; expected each code once`,
  unknownParent: (parent: string, near?: string, codeColumn = "code") =>
    `unknown parent ${quote(parent)}; expected a code from column ${quote(codeColumn)} or an empty cell${near === undefined ? "" : `; did you mean ${quote(near)} (a row with no children and no direction)?`}`,
  selfParent: (code: string) => `node ${quote(code)} is its own parent; expected another code or an empty cell`,
  treeCycle: (path: readonly string[]) => `cycle in the tree: ${path.join(" -> ")}; expected every chain of parents to end at a first-level node`,
  missingDirection: (code: string) =>
    `indicator ${quote(code)} has no direction; expected "+" or "-" (also positive/negative, 正向/逆向 or 负向/反向, 1/-1)`,
  badDirection: (code: string, found: string) =>
    `indicator ${quote(code)} has direction ${quote(found)}; expected "+" or "-" (also positive/negative, 正向/逆向 or 负向/反向, 1/-1)`,
  badWeight: (code: string, found: string, decimalMark?: "comma" | "ambiguous") =>
    `node ${quote(code)} has weight ${quote(found)}; ${
      decimalMark === "ambiguous"
        ? "expected a number >= 0 with a decimal comma, such as 0,25, or an empty cell (--decimal . if the file writes decimal points)"
        : `expected a number >= 0 or an empty cell${decimalMark === "comma" ? " (decimal comma? use --decimal ,)" : ""}`
    }`,
  negativeWeight: (code: string, found: string) => `node ${quote(code)} has negative weight ${quote(found)}; expected a number >= 0`,
  mixedWeights: (parent: string, given: readonly string[], empty: readonly string[], name?: string) =>
    `${childrenInWords(parent, name)} mix given weights (${given.join(", ")}) with empty ones (${empty.join(", ")}); expected all given or all empty`,
  weightsPercentMixed: (parent: string, percent: readonly { code: string; text: string }[], plain: readonly { code: string; text: string }[], name?: string) =>
    `the weights of ${childrenInWords(parent, name)} mix percentages (${percent.map(({ code, text }) => `${code} ${text}`).join(", ")}) with plain numbers (${plain.map(({ code, text }) => `${code} ${text}`).join(", ")}); a percent sign is dropped (60% reads as 60), so they would be read 100 times apart; expected the weights of siblings written one way: all with a percent sign (or formatted as percentages in Excel) or none`,
  zeroWeightSum: (parent: string, name?: string) => `the weights of ${childrenInWords(parent, name)} sum to 0; expected a positive sum`,
  weightsRenormalised: (parent: string, sum: number, name?: string) =>
    `the weights of ${childrenInWords(parent, name)} sum to ${sum}, not 1; they were divided by their sum`,
  emptyTree: () => `the tree has no nodes; expected at least one indicator`,

  // values
  badYear: (found: string) => `year ${quote(found)} is not a year; expected a four-digit year such as 2017 (or 2017年)`,
  badValue: (found: string, column?: string) =>
    `value ${quote(found)}${column === undefined ? "" : ` in column ${quote(column)}`} is not a number${
      isExcelError(found)
        ? " but an Excel formula's error (the formula failed: correct it, or the cells it reads)"
        : isCurrencyDash(found)
          ? " but a currency sign beside a dash, the way Excel's accounting format (会计专用) shows a zero (a zero, or no value?)"
          : ""
    }; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value`,
  recordNotNumber: (indicator: string, unit: string, year: number, found: unknown) =>
    `value of indicator ${quote(indicator)}, unit ${quote(unit)}, year ${year} is ${typeof found === "string" ? quote(found) : String(found)} (${typeof found}); expected a number, NaN for a missing value`,
  /** A value given in code that is `Infinity` or `-Infinity` (a division by zero): never read from a file, which refuses it. */
  valueNotFinite: (indicator: string, unit: string, year: number, found: number) =>
    `value of indicator ${quote(indicator)}, unit ${quote(unit)}, year ${year} is ${found > 0 ? "Infinity" : "-Infinity"}; expected a finite number, NaN for a missing value (a division by zero?)`,
  ambiguousNumber: (found: string, column?: string) =>
    `value ${quote(found)}${column === undefined ? "" : ` in column ${quote(column)}`} is ambiguous where the decimal mark is a comma (a decimal point or a thousands separator?); expected 1234,5 or 1.234,5, or --decimal . if the file writes decimal points`,
  decimalComma: (found: string, column?: string) =>
    `value ${quote(found)}${column === undefined ? "" : ` in column ${quote(column)}`} is not a number with a decimal point: decimal comma? use --decimal , (expected a number such as 1234.5, 1,234.5 or 1.96%)`,
  fullWidthComma: (found: string, column?: string) =>
    `value ${quote(found)}${column === undefined ? "" : ` in column ${quote(column)}`} is not a number: its full-width comma "，" is no decimal mark (in Chinese the decimal mark is the point) but a thousands separator, which must group three digits; expected a number such as １，２３４, 1234 or 123.4`,
  badYearColumn: (found: string) =>
    `column ${quote(found)} looks like a year but is not one; expected a four-digit year such as 2017 (or 2017年), or, if the column holds something else (a growth rate, a note), another name without four digits in a row, or the column deleted`,
  twoDigitYearColumn: (found: string) =>
    `column ${quote(found)} looks like a year written with two digits, which is not read (its century is not guessed); expected a four-digit year such as 2021 (or 2021年), or, if the column holds something else, another name`,
  chineseYearColumn: (found: string) =>
    `column ${quote(found)} looks like a year written in Chinese numerals, which is not read; expected a four-digit year in digits such as 2021 (or 2021年), or, if the column holds something else (a note), another name without four Chinese numerals in a row`,
  yearColumnSwapped: (column: string, names: readonly string[], unitColumn: string) =>
    `column ${quote(column)} holds names such as ${names.map(quote).join(", ")} and column ${quote(unitColumn)} holds years: are ${unitColumn} and ${column} swapped? expected years in column ${quote(column)}`,
  yearColumnNames: (column: string, names: readonly string[]) =>
    `column ${quote(column)} holds names such as ${names.map(quote).join(", ")}, not years: is it the right column? expected years such as 2017`,
  manyUnknownIndicators: (count: number, codes: readonly string[]) =>
    `${count} values name indicators that are not in the tree, such as ${codes.map(quote).join(", ")}: is it the values file of another tree, or the wrong column? expected leaf codes of the tree in the indicator column`,
  manyDuplicates: (count: number) =>
    `${count} duplicate values: does the file hold several units without a unit column, or a year twice? expected one value per unit, year and indicator`,
  manyDuplicatesAcrossFiles: (count: number, first: string, second: string, otherPairs = 0) =>
    `${count} duplicate values: ${quote(first)} and ${quote(second)} give the same cells${
      otherPairs > 0 ? ` (and ${otherPairs} other pair${otherPairs === 1 ? "" : "s"} of files)` : ""
    }: is one a copy of the other (such as "… - 副本.csv" or "… (1).csv"), or a year given in both files? expected each unit, year and indicator in one file of the folder (the copy deleted, each year in one file)`,
  noNumbers: () => `the file holds no numbers: is it the empty template? expected a value in at least one cell`,
  repeatedColumn: (name: string, firstColumn: number, column: number, firstName = name) =>
    `column ${column} ${quote(name)} repeats column ${firstColumn}${firstName === name ? "" : ` ${quote(firstName)}`}, so which one holds the values is unclear; expected each column once`,
  /** A header cell of a workbook's range merged across columns (`range`), after its first: the name shown again. */
  mergedHeaderColumn: (name: string, firstColumn: number, column: number, cell: string, range: string) =>
    `column ${column} ${quote(name)} repeats column ${firstColumn} because its header cell ${cell} is part of the merged range ${range}, whose text Excel shows in every cell of the range; expected each column named in its own header cell: unmerge ${range}, then name column ${column} (or delete it, if column ${firstColumn} holds the values)`,
  unknownIndicator: (code: string, nameOf?: string) =>
    nameOf === undefined
      ? `unknown indicator ${quote(code)}; expected a leaf code of the indicator tree`
      : `unknown indicator ${quote(code)}, which is the name of ${quote(nameOf)}; expected a leaf code of the indicator tree (values name indicators by their code)`,
  fullWidthCode: (code: string, halfWidth: string) =>
    `unknown indicator ${quote(code)}, which is ${quote(halfWidth)} written in full-width characters (as a Chinese input method types them in full-width mode); expected a leaf code of the indicator tree, written as the tree writes it`,
  valueForGroup: (code: string) => `${quote(code)} is a group of the tree; expected values for indicators (leaves) only`,
  duplicateValue: (unit: string, year: number, indicator: string, firstLine: number | undefined, firstFile?: string) =>
    `duplicate value for ${unitYear(unit, year)}, indicator ${quote(indicator)}${
      firstLine ? ` (first given ${firstFile ? `in ${firstFile} ` : ""}on line ${firstLine})` : ""
    }; expected one value per unit, year and indicator`,
  indicatorWithoutValues: (code: string) => `indicator ${quote(code)} has no values; expected at least one value in the data`,
  /**
   * `policies`: those that would fill the gap (`fillingPolicies`), `reweight` among them when it may leave the gap out;
   * by default all, as for a gap between two observed years of a year other units have. None only for a gap of a
   * series whose base value is missing too, which no policy fills along with the base.
   */
  missingValue: (indicator: string, unit: string, year: number, policies: readonly string[] = ALL_FILLING_POLICIES) =>
    `no value for indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}; ${
      policies.length === 0
        ? "expected a value: no missing-value policy fills both it and the base value its series lacks"
        : `expected a value, or ${[
            ...(policies.some((policy) => policy !== "reweight") ? [`a missing-value policy that fills it, --missing ${policies.filter((policy) => policy !== "reweight").join("|")}`] : []),
            ...(policies.includes("reweight") ? ["--missing reweight, which leaves it out of its group's score"] : []),
          ].join(", or ")} (also the tree column "missing")`
    }`,
  baseYearAbsent: (year: number, years: readonly number[]) =>
    `base year ${year} is absent from the data; expected one of ${years.join(", ") || "(no years)"}`,
  noData: () => `the data has no values; expected rows of unit, year, indicator and value`,
  /**
   * A row of `found` fields, the header `expected` (on line `headerLine`); `numberAfter`, digits beside digits in the
   * row: a number split at its thousands separator. The issue's column is where the row departs from the header.
   */
  wrongFieldCount: (found: number, expected: number, numberAfter = found > expected, headerLine = 1) =>
    `row has ${found} fields; expected ${expected} fields as in the header, line ${headerLine}${numberAfter ? ` (a number written with a thousands separator, 1,234, is two fields unless it is quoted: "1,234")` : ""}`,
  emptyUnit: (column: string, firstLine: number, lastLine: number, above?: string) =>
    `the unit column ${quote(column)} is empty on ${firstLine === lastLine ? `line ${firstLine}` : `lines ${firstLine}-${lastLine}`}; expected a unit on every row${
      above ? ` (is ${quote(above)} above merged over these rows in Excel? a merged cell is saved to CSV in its first row only: unmerge the cells and fill in each row's unit)` : ""
    }`,
  mergedValue: (cell: string, first: string, column: string) =>
    `cell ${cell} in column ${quote(column)} is merged with ${first}, whose value the sheet shows across the merged cells; a merged range's value belongs to its first cell only (as Excel saves it to CSV), so ${cell} has none; expected a value in each cell: unmerge the cells`,
  unknownLayout: (header: readonly string[]) =>
    `${header.length === 0 ? "the file is empty (no header, no rows)" : `cannot tell the layout from the header ${header.map(quote).join(", ")}`}; expected long columns "unit,year,indicator,value" or wide columns "indicator,2017,2018,..."`,

  // method
  baseValueZero: (indicator: string, unit: string, year: number) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}: the base value (${year}) is 0, so a fixed-base index is undefined; expected a non-zero base value`,
  /** `policies`: those that would fill the base value (`fillingPolicies` of a base); by default none is named. */
  baseValueMissing: (indicator: string, unit: string, year: number, policies?: readonly string[]) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}: no base value for ${year}, so a fixed-base index is undefined; expected a value for the base year${baseFillers(year, policies)}`,
  baseValueNegative: (indicator: string, unit: string, year: number, value: number) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}: the base value (${year}) is ${value}, so a fixed-base ratio has no meaning; expected a positive base value`,
  afterTreatment: (method: string, original: number) =>
    ` (the value after the outlier treatment, ${method}; ${original} in the data: a ratio to the base year needs the values as they are, so use another normalisation or no --outliers)`,
  zeroValueNegativeDirection: (indicator: string, unit: string, year: number) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is 0 and the indicator is negative, so base/value is undefined; expected a non-zero value`,
  unknownMethod: (kind: string, found: string, expected: readonly string[]) =>
    `unknown ${kind} method ${quote(found)}; expected one of: ${expected.join(", ")}${
      /^power:/.test(found) && expected.includes("power") ? " (in a list, power without its exponent: the exponent goes in --power P)" : didYouMean(found, expected)
    }`,
  /** The tail of commander's "option '--x <v>' argument 'found' is invalid." for a value off an option's list. */
  allowedChoices: (found: string, expected: readonly string[]) => {
    const near = closestName(found, expected);
    return `Allowed choices are ${choicesInWords(expected)}.${near === undefined ? "" : ` Did you mean ${quote(near)}?`}`;
  },
  unknownChoice: (option: string, found: string, expected: readonly string[]) =>
    `${option} ${quote(found)} is not a choice; expected one of: ${choicesInWords(expected)}${didYouMean(found, expected)}`,
  /** A command's argument off its list of choices (`runs prune`): `argument`, its name (action), `command`, the command's. */
  unknownArgumentChoice: (argument: string, command: string, found: string, expected: readonly string[]) =>
    `unknown ${argument} ${quote(found)} of ${command}; expected one of: ${choicesInWords(expected)}${didYouMean(found, expected)}`,
  /**
   * A value typed for an option off its list of choices (`--normalise minmax`): `option`, its flag; `found`, the value,
   * or the item off the list of a comma-separated `list` (`--aggregations arithmetic,geometrik`).
   */
  unknownOptionChoice: (option: string, found: string, expected: readonly string[], list?: string) =>
    `unknown value ${quote(found)} of ${option}${list === undefined ? "" : ` (in the list ${quote(list)})`}; expected ${list === undefined ? "one" : "each"} of: ${choicesInWords(expected)}${
      /^power:/.test(found) && expected.includes("power") ? " (in a list, power without its exponent: the exponent goes in --power P)" : didYouMean(found, expected)
    }`,

  // method choices: normalisation (see src/core/normalize/) and aggregation (src/core/aggregate/)
  chainBaseMissing: (indicator: string, unit: string, year: number, policies?: readonly string[]) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}: no base value for ${year}, so the chain index has no anchor; expected a value for the base year${baseFillers(year, policies)}`,
  chainValueNotPositive: (indicator: string, unit: string, year: number, value: number) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is ${value}, so a chain index (a product of year-on-year ratios) is undefined; expected a positive value`,
  referenceValueNotPositive: (indicator: string, unit: string, year: number, value: number) =>
    `indicator ${quote(indicator)}, reference unit ${quote(unit)}, year ${year}: the reference value is ${
      Number.isNaN(value) ? "missing" : value
    }, so the distance to it is undefined; expected a positive value`,
  /** Naming the data's units (20 at most, then how many more), or saying that its one unit has no name (values without a unit column). */
  unknownReferenceUnit: (unit: string, units: readonly string[]) =>
    units.length === 1 && units[0] === ""
      ? `reference unit ${quote(unit)} is not in the data, whose one unit has no name (values without a unit column); expected values of several units, in a unit column, one of them ${quote(unit)}`
      : `reference unit ${quote(unit)} is not in the data; expected one of: ${listItems(units.map(quote), ", ", (count) => `and ${count} more`)}${didYouMean(unit, units)}`,
  zeroValueReversedRatio: (indicator: string, unit: string, year: number, method: string) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is 0 and the indicator is negative, so ${method} (reference / value) is undefined; expected a non-zero value`,
  negativeValueReversedRatio: (indicator: string, unit: string, year: number, value: number, ratio: string) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is ${value} and the indicator is negative, so ${ratio} is negative and ranks the unit below every positive value, though a smaller value is better; expected a positive value, or min-max or z-score, which take negative values`,
  scoreNotFinite: (code: string, unit: string, year: number) =>
    `${quote(code)}${ofUnit(unit)}, year ${year}: the score is too large to hold in a number (beyond ±1.8e308), so it would be written as missing; expected values of a size whose ratios and sums a number holds (check the value against its base or reference: a base of 1e-320 is 0 in all but name)`,
  dampenUndefined: (indicator: string, unit: string, year: number, value: number, dampen: string) =>
    `indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is ${value}, so the ratio is ${
      value === 0 ? "0" : "negative"
    } and ${dampen === "log" ? "log dampening 100·(1 + ln r) needs r > 0" : "square-root dampening 100·√r needs r >= 0"}; expected a ${
      dampen === "log" ? "positive" : "non-negative"
    } value, or no dampening`,
  constantIndicator: (indicator: string, method: string, value: number, count: number, year: number | undefined, unitCount: number) =>
    `indicator ${quote(indicator)} has ${count === 1 ? "a single value" : `the same value ${value} for all ${count} observations`}${
      year === undefined ? "" : ` in ${year}`
    }, so ${method} is undefined (${method.startsWith("z-score") ? "sd = 0" : "max = min"}); expected at least two different values${
      year !== undefined && unitCount === 1 ? ` (with one unit, use ${method.replace("-year", "")} over the panel)` : ", or another normalisation"
    }`,
  indicatorSettingOnGroup: (code: string, column: string) =>
    `group ${quote(code)} has a value in column ${quote(column)}; expected it on indicators (leaves) only`,
  groupSettingOnIndicator: (code: string, column: string) =>
    `indicator ${quote(code)} has a value in column ${quote(column)}; expected it on groups only`,
  badNumericSetting: (code: string, column: string, found: string) =>
    `indicator ${quote(code)} has ${column} ${quote(found)}; expected a number`,
  badChoiceSetting: (code: string, column: string, found: string, expected: readonly string[]) =>
    `node ${quote(code)} has ${column} ${quote(found)}; expected one of: ${expected.join(", ")}${didYouMean(found, expected)}`,
  capTooLow: (code: string, cap: number) =>
    `indicator ${quote(code)} has cap ${cap}; expected a number >= 100 (a lower cap would move the base year off 100)`,
  capOptionTooLow: (cap: number) => `--cap ${cap} is below 100; expected a number >= 100 (a lower cap would move the base year off 100)`,
  missingGoalposts: (code: string, noMin: boolean, noMax: boolean) =>
    `indicator ${quote(code)} uses min-max-goalposts but has no ${noMin && noMax ? `"min" and "max"` : noMin ? `"min"` : `"max"`} in the tree; expected numbers in columns "min" and "max"`,
  goalpostsOrder: (code: string, min: number, max: number) =>
    `indicator ${quote(code)} has goalposts min ${min} and max ${max}; expected min < max`,
  missingTarget: (code: string) =>
    `indicator ${quote(code)} uses distance-to-target but has no "target" in the tree; expected a positive number in column "target"`,
  targetNotPositive: (code: string, target: number) => `indicator ${quote(code)} has target ${target}; expected a positive number`,
  scoreNotPositive: (method: string, group: string, child: string, unit: string, year: number, value: number) =>
    `group ${quote(group)}${ofUnit(unit)}, year ${year}: child ${quote(child)} scores ${value}, and the ${method} mean needs scores > 0; ` +
    `expected positive scores (fixed-base scores a value of 0 as 0, min-max gives 0 to the lowest value, z-scores can be negative: use min-max on 1 to 100 (--range 1,100, as COINr does before a geometric mean), fixed-base on positive values, or --aggregate arithmetic)`,
  mpiMeanNotPositive: (group: string, unit: string, year: number, mean: number) =>
    `group ${quote(group)}${ofUnit(unit)}, year ${year}: the mean of the children is ${mean}, so the MPI penalty sd²/mean is undefined; expected a positive mean (MPI is meant for z-scores on the 100 ± 10 scale)`,
  optionUnused: (option: string, methods: readonly string[]) =>
    `${option} has no effect: no indicator is normalised with ${methods.join(", ")}`,
  /** An outlier setting no indicator's treatment (`--outliers` or the tree's `outliers` column) reads. */
  outlierOptionUnused: (option: string, methods: readonly string[]) =>
    `${option} has no effect: no indicator's outlier treatment is ${methods.join(" or ")} (--outliers, or the tree's outliers column)`,
  /** `--unfilled` where no indicator's missing-value policy fills gaps (so none can be left unfilled). */
  unfilledUnused: (policies: readonly string[]) =>
    `--unfilled has no effect: no indicator's missing-value policy fills gaps, so none is left unfilled; expected ${policies.map((policy) => `--missing ${policy}`).join(", ")} (or one in the tree's missing column)`,
  /** `--zero-base` where no indicator takes it: none is normalised by fixed-base without its own zero_base column. */
  zeroBaseUnused: () =>
    `--zero-base has no effect: it is read only for indicators normalised with fixed-base and without a zero_base column of their own in the tree, and there are none; expected --normalise fixed-base (or fixed-base in the tree's normalise column)`,
  /** An option of a file `--out -` does not write (it writes no file). */
  optionUnusedOnStdout: (option: string) =>
    `${option} has no effect with --out -, which writes no file; expected --out <dir>${option === "--xlsx" ? " (or --format xlsx to print the workbook)" : ""}`,
  staticWithoutReport: () => `--static has no effect without --report: it sets the look of report.html, which only --report writes; expected --report --static`,
  aggregateLevelWithoutGroups: (level: number, levels: readonly number[]) =>
    `--aggregate names level ${level}, which has no groups; expected one of: ${levels.join(", ")} (0 is the overall index)`,
  // uncertainty
  unknownRangeNode: (code: string) => `weight range for unknown node ${quote(code)}; expected a code of the indicator tree`,
  badRangeBound: (code: string, bound: string, found: string) =>
    `node ${quote(code)} has ${bound} weight ${quote(found)}; expected a number >= 0`,
  invertedRange: (code: string, min: number, max: number) => `node ${quote(code)} has min ${min} above max ${max}; expected min <= max`,
  unitNameRefused: (source: string, name: string, units: readonly string[]) =>
    `${source}: --unit ${quote(name)} names the one unit of values without a unit column, but the values name their units (${units
      .slice(0, 5)
      .map((unit) => quote(unit))
      .join(", ")}${units.length > 5 ? `, … ${units.length} in all` : ""}); expected no --unit, or values without a unit column`,
  scalesMixed: (groups: readonly { scale: string; methods: readonly string[] }[], option = "--normalisations") =>
    `${option} mixes scales: ${groups.map((group) => `${group.methods.join(", ")} on the ${group.scale} scale`).join("; ")}. The index of a run is on the scale of the method drawn, so its interval and its Sobol indices measure the jump between scales, not uncertainty; expected methods on one scale, or read only the rank columns and the rank's Sobol indices (see docs/guides/uncertainty-notes.md)`,
  /**
   * The overall index defined in the nominal run but undefined in some runs (`cells`, each with its count of `runs`):
   * a drawn weight for a child of weight 0 whose score is <= 0 under a geometric, harmonic or power mean.
   */
  runsUndefined: (cells: readonly { unit: string; year: number; count: number }[], runs: number) =>
    `the index is undefined in some runs though defined in the nominal run: ${cells
      .slice(0, 3)
      .map(({ unit, year, count }) => `${unitYear(unit, year)} in ${count} of ${runs} sampled runs`)
      .join("; ")}${cells.length > 3 ? ` (and ${cells.length - 3} more unit-years)` : ""}. A run gave a weight (--weight-ranges) to a child that weighs 0 in the tree and scores 0 or less under a geometric, harmonic or power mean, where it is undefined; the intervals of those cells are over the other sampled runs (the two samples of 2 × replications runs the intervals are drawn from; empty if none). Expected --weight-ranges only for children whose scores the mean allows, or the arithmetic mean`,
  nothingVaries: () =>
    `nothing varies; expected --weight-noise, --weight-ranges, or two or more methods in --normalisations, --aggregations or --missing-policies`,
  choiceUndefined: (normalize: string, aggregate: string, missing: string) =>
    `the index is undefined with normalisation ${quote(normalize)}, aggregation ${quote(aggregate)} and missing-value policy ${quote(missing)} (problems below); expected methods the data allow, so remove one from its list`,
  workbookTooLarge: (rows: number, limit: number) =>
    `index.xlsx was not written: the scores table has ${rows} rows and an Excel sheet holds at most ${limit} (header included); expected fewer units, years or indicators for a workbook (the CSV files hold everything)`,
  csvTextsShownOtherwise: (texts: readonly { text: string; shown: ExcelShown }[], count: number, workbook: boolean) =>
    `the CSV files hold ${count === 1 ? "a code or unit name" : `${count} codes or unit names`} that Excel shows otherwise when it opens them: ${texts
      .map(({ text, shown }) => `${quote(text)} (${shown.kind === "number" ? `as ${shown.shown}` : shown.kind === "scientific" ? "in scientific notation" : `as a ${shown.kind}`})`)
      .join(", ")}${count > texts.length ? `, and ${count - texts.length} more` : ""}; the files keep them as written. Expected to see them so in Excel: ${workbook ? "open index.xlsx, which" : "write index.xlsx (--xlsx), which"} stores them as text, or import a CSV file with Data > From Text/CSV, those columns as text`,
  workbookTooManyCells: (cells: number, limit: number) =>
    `index.xlsx was not written: its sheets would hold about ${cells} cells, more than ${limit} (minutes to write and to open); expected fewer units, years or indicators for a workbook (the CSV files hold everything)`,
  moreProblems: (count: number, what: "problems" | "warnings") =>
    `… and ${count.toLocaleString("en-US")} more ${what} (run with --all-problems to print them all)`,
  workbookTextCut: (sheet: string, cell: string, length: number, limit: number) =>
    `sheet ${quote(sheet)} cell ${cell}: a text of ${length} characters was cut to ${limit}, the most an Excel cell holds; expected shorter texts (the CSV files hold the whole text)`,
  duplicateChoice: (option: string, found: string) => `${option} lists ${quote(found)} twice; expected each method once`,
  nominalConflict: (option: string, found: string, listOption: string, list: readonly string[]) =>
    `${option} ${found} and ${listOption} ${list.join(",")} disagree on the nominal choice (the first of ${listOption}); expected ${listOption} to start with ${found}, or only one of the two options`,

  indexCode: INDEX_CODE,
  ...dataMessages,
} as const);
