/**
 * Messages of the data stage (formulas, missing values, zero bases, outliers, encodings, workbooks), merged into
 * `messages` in `messages.ts`. Shape: `<what went wrong> "<found>"; expected <what>`.
 */
import { counted, listItems, quote } from "./quote.js";
import { didYouMean } from "./suggest.js";
import { catalogue } from "./localize.js";

/**
 * How two units' names look alike (`unit-lookalike.ts`): `same` but for case, full-width forms and spaces; `prefix`,
 * one the beginning of the other; `edit`, one character added, removed or changed (or two neighbours swapped).
 */
export type UnitLikeness = "same" | "prefix" | "edit";

/**
 * `, unit "常州"` after the indicator or group a message is about, or nothing for the one unnamed unit of a
 * single-unit file (`indicator "A1": ...`, not `indicator "A1", the unit: ...`).
 */
export const ofUnit = (unit: string) => (unit === "" ? "" : `, unit ${quote(unit)}`);

/** `unit "常州", year 2018`, or `year 2018` for the one unnamed unit of a single-unit file. */
export const unitYear = (unit: string, year: number) => (unit === "" ? `year ${year}` : `unit ${quote(unit)}, year ${year}`);

/**
 * A kind of syntax a formula may not use (`formulaSyntaxRefused`): property or index access (`a.b`, `a["b"]`), a
 * matrix, an assignment, several statements, a function definition, an object, a range (`1:10`), a chained comparison.
 */
export type FormulaSyntax = "access" | "matrix" | "assignment" | "statements" | "functionDefinition" | "object" | "range" | "chainedComparison";

/** Why each kind of syntax refused in a formula is (`formulaSyntaxRefused`). */
const REFUSED_FORMULA_SYNTAX: Readonly<Record<FormulaSyntax, string>> = {
  access: "property or index access is not allowed",
  matrix: "matrices are not allowed",
  assignment: "assignments are not allowed",
  statements: "several statements are not allowed",
  functionDefinition: "function definitions are not allowed",
  object: "objects are not allowed",
  range: "ranges are not allowed",
  chainedComparison: "chained comparisons are not allowed",
};

export const dataMessages = catalogue("dataMessages", {
  yearColumnDates: (column: string, dates: readonly string[]) =>
    `column ${quote(column)} holds dates such as ${dates.map(quote).join(", ")}, not years; expected years such as 2017 (in Excel: type the years as numbers, or show the dates with the number format "yyyy", which reads as the year)`,
  unitColumnUnread: (columns: readonly string[], year: number, indicator: string, first: number, second: number, unitNames: readonly string[]) =>
    `no unit column was found, and lines ${first} and ${second} both give year ${year}, indicator ${quote(indicator)}, as the rows of two units would; ${columns.length === 1 ? "column" : "columns"} ${columns.map(quote).join(", ")} ${columns.length === 1 ? "was" : "were"} not read: expected the units' column named unit (or ${unitNames.join(", ")}), so rename the column that names them`,
  /** `place`: where `expected` was given, the tree's row (`tree.csv:4`) or the first values cell that gave it. */
  measureMismatch: (indicator: string, found: string, expected: string, place: string | undefined, fromTree: boolean) =>
    `indicator ${quote(indicator)} is given in ${quote(found)} here but in ${quote(expected)} ${fromTree ? "in the indicator tree" : "by an earlier row"}${
      place ? ` (${place})` : ""
    }; values are read as written, not converted, so the two would be compared as if alike; expected ${quote(expected)}: convert the values to it, or correct the measure ${fromTree ? "in the tree or here" : "of one of the rows"}`,
  unitColumnOfMeasures: (column: string, measures: readonly string[]) =>
    `column ${quote(column)} holds units of measurement (${measures.map(quote).join(", ")}), not the units the index ranks (regions, parks, firms); expected it named measure (or 计量单位), the column of the units of measurement, which is checked against the tree's`,
  /**
   * A `单位` column (`column`) read as the unit of measurement whose cells (`texts`, on `lines` when the file has
   * lines: a CSV file or a workbook) differ for one indicator and `year` (none in the wide layout, whose row gives
   * every year), as a unit of measurement never does. A CSV file or a workbook ignores a column it does not know (a note
   * headed x_单位 or 备注); a Parquet file or a query (no `lines`) may hold no such column in the long layout.
   */
  measureColumnConflict: (column: string, texts: readonly [string, string], indicator: string, year: number | undefined, lines: readonly [number, number] | undefined) =>
    `column ${quote(column)} gives ${quote(texts[0])}${lines ? ` (line ${lines[0]})` : ""} and ${quote(texts[1])}${lines ? ` (line ${lines[1]})` : ""} for indicator ${quote(indicator)}${
      year === undefined ? "" : ` in ${year}`
    } on two rows that are not of one unit ranked, which a unit of measurement never does; expected units of measurement in this column (the same for every unit ranked): if it names the units ranked, head it 评价对象 (or unit); ${
      lines ? "if it is a note, head it x_单位 or 备注, which are not read" : "if it is a note, leave it out of the values"
    }`,
  /**
   * The name beside indicator `indicator`'s code (`found`, first on this row, on `rows` rows of the file in all) is
   * not the tree's (`expected`, at `treePlace`, such as `tree.csv:3`).
   */
  nameMismatch: (indicator: string, found: string, expected: string, treePlace: string | undefined, rows: number) =>
    `indicator ${quote(indicator)} is named ${quote(found)} here${rows > 1 ? ` (and on ${counted(rows - 1, "more row")} of this file)` : ""} but ${quote(expected)} in the indicator tree${
      treePlace ? ` (${treePlace})` : ""
    }; values are read by their code alone, so if codes and names got out of step (rows sorted by one column only?) these values are another indicator's; expected the tree's name beside each code: check the code of the row, or correct the name`,
  /** A unit named as a total or subtotal (`合计`, `Total`), said at its first row. */
  unitTotal: (unit: string) =>
    `unit ${quote(unit)} (its first row here) is named as a total or subtotal, yet it is read as a unit like any other: it takes part in min-max, z-score and the ranks (a total, the largest, would be ranked first and set the min-max maximum); expected only the units the index ranks: delete the total's rows, or rename the unit if it really is one`,
  /**
   * Files of values `folder` without a unit column (`without`: their values are of one unit without a name) beside
   * files that name their units (`named`, giving `units`, the first few).
   */
  unitColumnMixed: (folder: string, without: readonly string[], named: readonly string[], units: readonly string[]) =>
    `${folder}: ${listItems(without, ", ", (more) => `${more} more`, 5)} ${without.length === 1 ? "has" : "have"} no unit column (${without.length === 1 ? "its values are" : "their values are each"} of one unit without a name), but ${listItems(named, ", ", (more) => `${more} more`, 5)} ${named.length === 1 ? "names its" : "name their"} units (${units.map(quote).join(", ")}), so the values of one unit would be read as two; expected every file of a values folder with a unit column, or none: add a unit column to ${without.length === 1 ? without[0] : "those files"} naming the unit of each row`,
  /**
   * Values a file gives (`count` of them, the first for `unit` and `year`) of an indicator whose values come from its
   * query (the tree's `sql` column, at `treePlace`, such as `tree.csv:3`).
   */
  queryValueRepeated: (indicator: string, treePlace: string, unit: string, year: number, count: number) =>
    `value for ${unitYear(unit, year)}, indicator ${quote(indicator)}${count > 1 ? ` (and ${counted(count - 1, "more value")} of this file)` : ""}, which the query of ${quote(indicator)} also gives (the tree's sql column, ${treePlace}); expected each value of an indicator with a query from the query or from the values files, not both: remove its rows from this file, or its query from the tree`,
  leadingZerosCode: (code: string, treeCode: string) =>
    `unknown indicator ${quote(code)}: Excel drops leading zeros: did you mean ${quote(treeCode)}? Store the codes as text (in Excel: format the column as Text, then type the codes again), as the tree writes them`,
  caseCode: (code: string, treeCode: string) =>
    `unknown indicator ${quote(code)}: did you mean ${quote(treeCode)}? expected a leaf code of the indicator tree, in the same upper and lower case letters as the tree writes it`,
  /** A code that is a tree code but for letters that look like digits (l or I for 1, O for 0). */
  lookalikeCode: (code: string, treeCode: string) =>
    `unknown indicator ${quote(code)}: did you mean ${quote(treeCode)}? the letters l, I and O look like the digits 1 and 0; expected a leaf code of the indicator tree, as the tree writes it`,
  /**
   * A code a letter or two from the leaf `treeCode` (`closestName`); `withoutValues`: no value read names that leaf,
   * as when the tree renamed the indicator (A23 now A24), which is why it was chosen.
   */
  nearCode: (code: string, treeCode: string, withoutValues: boolean) =>
    `unknown indicator ${quote(code)}: did you mean ${quote(treeCode)}${
      withoutValues ? `, the nearest leaf code with no values read (an indicator renamed in the tree)` : ""
    }? expected a leaf code of the indicator tree, as the tree writes it`,
  infiniteValue: (source: string, unit: string, year: number, indicator: string, value: number) =>
    `${source}: indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is ${value > 0 ? "Infinity" : "-Infinity"}; expected a finite number (an empty cell or NULL for a missing value)`,
  /** A NaN from a query or a Parquet file (0/0 upstream), which a missing-value policy would otherwise fill as a gap. */
  notANumberValue: (source: string, unit: string, year: number, indicator: string) =>
    `${source}: indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}: the value is NaN (not a number, as 0/0 gives: a ratio of two sums of zero?); expected a finite number, or NULL for a missing value (NULLIF(denominator, 0) gives NULL where the divisor is 0)`,
  // formulas
  badFormula: (indicator: string, formula: string, reason: string) =>
    `indicator ${quote(indicator)} has formula ${quote(formula)}, which is refused: ${reason}; expected arithmetic over variable names, e.g. "rd_spending / revenue * 100"`,
  // why a formula is refused (src/io/math/formula-mathjs.ts), the `reason` of `badFormula` (and of `formulaFailed`)
  formulaTooLong: (limit: number) => `it is longer than ${limit} characters`,
  /** `reason`: the parser's own words (mathjs's, in English), such as `Unexpected end of expression (char 4)`. */
  formulaUnparsed: (reason: string) => `it does not parse (${reason})`,
  formulaSyntaxRefused: (syntax: FormulaSyntax) => REFUSED_FORMULA_SYNTAX[syntax],
  /** `type`: mathjs's name of a kind of syntax no other message names (`ChainNode`). */
  formulaNodeRefused: (type: string) => `${type} is not allowed`,
  /** `value`: a constant's value as mathjs parsed it (`"text"`, `true`, `null`), written as JSON. */
  formulaConstantNotNumber: (value: unknown) => `constant ${JSON.stringify(value)} is not a number`,
  formulaOperatorRefused: (operator: string | undefined) => `operator ${JSON.stringify(operator)} is not allowed`,
  /** `name`: the function called, or undefined for a call of something else than a name (`f(1)(2)`). */
  formulaFunctionRefused: (name: string | undefined, allowed: readonly string[]) =>
    `function ${name ?? "expression"} is not allowed; allowed: ${allowed.join(", ")}`,
  /** A mathjs function disabled on the private instance (`import`, `evaluate`), in case a formula ever got past the check. */
  formulaFunctionDisabled: (name: string) => `function ${name} is not allowed`,
  formulaNotPlainName: (name: string) => `name ${JSON.stringify(name)} is not a plain identifier`,
  formulaMathjsName: (name: string) => `name ${JSON.stringify(name)} is a mathjs name, not a variable; rename the variable`,
  formulaResultNotNumber: () => `the result is not a number`,
  formulaOnGroup: (code: string) => `group ${quote(code)} has a formula; expected formulas on indicators (leaves) only`,
  formulaReference: (indicator: string, formula: string, name: string) =>
    `formula ${quote(formula)} of indicator ${quote(indicator)} reads ${quote(name)}, a group or another formula indicator; expected variables or plain indicators`,
  unknownVariable: (indicator: string, formula: string, name: string) =>
    `formula ${quote(formula)} of indicator ${quote(indicator)} uses unknown variable ${quote(name)}; expected rows with indicator ${quote(name)} in the values file`,
  valueForFormula: (indicator: string) =>
    `${quote(indicator)} is computed by its formula; expected values for its variables, not for the indicator itself`,
  formulaFailed: (indicator: string, formula: string, unit: string, year: number, reason: string) =>
    `formula ${quote(formula)} of indicator ${quote(indicator)} fails for ${unitYear(unit, year)}: ${reason}; expected a number`,
  formulaNotFinite: (indicator: string, formula: string, unit: string, year: number, value: number, scope: readonly (readonly [string, number])[]) =>
    `formula ${quote(formula)} of indicator ${quote(indicator)} gives ${value} for ${unitYear(unit, year)} (${
      scope.map(([name, x]) => `${name} = ${x}`).join(", ") || "no variables"
    })${Number.isNaN(value) ? "" : ", a division by zero?"}; expected a finite number`,

  // missing values
  /** A gap its policy cannot fill: no value of the unit to carry or interpolate, or (`mean`, `median`) of any other unit that year. */
  cannotImpute: (indicator: string, unit: string, year: number, policy: string) =>
    `no value for indicator ${quote(indicator)}${ofUnit(unit)}, year ${year}, and ${policy} has no ${
      policy === "mean" || policy === "median"
        ? `value of any other unit in ${year}`
        : `${policy === "carry-forward" ? "earlier" : policy === "carry-back" ? "later" : "observed"} value of this unit`
    } to use; expected a value (or another missing-value policy)`,
  /** Base values the missing-value policy filled, under fixed-base. */
  baseImputed: (cells: readonly { unit: string; year: number; indicator: string; method: string }[]) =>
    `${cells.length === 1 ? "a base value was" : `${cells.length} base values were`} filled by the missing-value policy (${listItems(
      cells.map((cell) => `indicator ${quote(cell.indicator)}${ofUnit(cell.unit)}, ${cell.year}: ${cell.method}`),
      "; ",
      (more) => `and ${more} more`,
    )}): every fixed-base index of ${cells.length === 1 ? "its series rests" : "their series rests"} on a value made up; expected the base values observed (imputations.csv lists them)`,
  /** A year with no value of any unit: never filled from other years. */
  yearEmpty: (year: number, indicators: number) =>
    `year ${year} has no value for any unit (${noneOf(indicators)}); expected the year's values, or the year left out of the values (an empty column made for a year to come?): a missing-value policy never fills a year from other years alone`,
  /** A unit with no value in any year. */
  unitEmpty: (unit: string, indicators: number) =>
    `unit ${quote(unit)} has no value in any year (${noneOf(indicators)}); expected its values, or the unit left out of the values`,
  /** A unit-year with no value of any indicator; `renamed`: a unit with values in that year and none in the unit's years. */
  unitYearEmpty: (unit: string, year: number, indicators: number, renamed?: string) =>
    `${unitYear(unit, year)} has no value (${noneOf(indicators)}); expected its values for ${year}: a missing-value policy never fills a whole unit-year from other years${
      renamed === undefined ? "" : ` (unit ${quote(renamed)} has values in ${year} and in none of the years ${quote(unit)} has: the same unit under another name?)`
    }`,
  /**
   * Two units whose names look alike (`likeness`) and whose values never share an indicator and year: `unit` with
   * `values` values, `other` with fewer (`otherValues`), the first of them indicator `indicator` in `year`.
   */
  unitLookalike: (unit: string, values: number, other: string, otherValues: number, likeness: UnitLikeness, indicator: string, year: number) =>
    `units ${quote(unit)} (${counted(values, "value")}) and ${quote(other)} (${counted(otherValues, "value")}, the first indicator ${quote(indicator)}, year ${year}) have names ${LIKENESS[likeness]} and never a value for the same indicator and year: one unit under two names? expected one name per unit, written the same on every row (under two names, each is ranked as a unit of its own, without the other's values)`,
  badPolicy: (column: string, code: string, found: string, expected: readonly string[]) =>
    `node ${quote(code)} has ${column} ${quote(found)}; expected one of: ${expected.join(", ")} (or an empty cell)${didYouMean(found, expected)}`,

  // zero base
  zeroBaseShifted: (indicator: string, year: number, baseYear: number) =>
    `indicator ${quote(indicator)}: a base value (${year}) is 0, so its fixed-base index uses ${baseYear} as its base (100 in ${baseYear}), not ${year}`,
  zeroBaseMinMax: (indicator: string, year: number) =>
    `indicator ${quote(indicator)}: a base value (${year}) is 0, so it is normalised by min-max (0-100 over the panel) instead of the fixed-base index`,

  // outliers
  outliersRemain: (indicator: string, points: number, skewness: number, kurtosis: number, year?: number) =>
    `indicator ${quote(indicator)}${year === undefined ? "" : ` in ${year}`} still has |skewness| > 2 and kurtosis > 3.5 after winsorising ${points} point${points === 1 ? "" : "s"} (skewness ${round(skewness)}, kurtosis ${round(kurtosis)}); raise --winsor-max, or use --outliers winsorise-log (the log transform when winsorising is not enough)`,
  /** Under `--outliers winsorise-log`: still failing after `points` winsorised points and then the log transform. */
  outliersRemainLogged: (indicator: string, points: number, skewness: number, kurtosis: number, year?: number) =>
    `indicator ${quote(indicator)}${year === undefined ? "" : ` in ${year}`} still failed the rule after winsorising ${points} point${points === 1 ? "" : "s"}, so its original values were log-transformed (as COINr's default treatment does), and it still has |skewness| > 2 and kurtosis > 3.5 (skewness ${round(skewness)}, kurtosis ${round(kurtosis)}); expected a distribution the log transform evens out: look at the indicator's values, or leave it untreated (--outliers none in its tree row)`,
  logWithFixedBase: (indicator: string) =>
    `indicator ${quote(indicator)} was log-transformed before a fixed-base index: its ratios to the base year now depend on the transform, not on the data alone`,
  sqrtUndefined: (indicator: string, minimum: number, year?: number) =>
    `indicator ${quote(indicator)}${year === undefined ? "" : ` in ${year}`} is skewed (skewness above 1) but has a value below 0 (${minimum}), so its square root is undefined and it is left untransformed; expected values >= 0 under --outliers sqrt`,
  logUndefined: (indicator: string) =>
    `indicator ${quote(indicator)} has a single distinct value, so the log transform ln(x − min + 0.01·(max − min)) is undefined; expected at least two distinct values`,
} as const);

const round = (value: number) => Math.round(value * 1000) / 1000;
/** How two units' names look alike, after "have names". */
const LIKENESS: Readonly<Record<UnitLikeness, string>> = {
  same: "that differ only in case, full-width forms or spaces",
  prefix: "of which one begins with the other",
  edit: "one character apart",
};
/** Which indicators have no value: all of several, or the panel's only one. */
const noneOf = (indicators: number) => (indicators === 1 ? "its one indicator has none" : `none of the ${indicators} indicators`);
