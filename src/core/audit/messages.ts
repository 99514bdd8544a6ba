import { catalogue } from "../localize.js";
/**
 * The notes the audit writes where a statistic cannot be computed (an empty cell and a note, never `NaN`), and the
 * words of its flags. Tests compare against these functions.
 */
export const auditMessages = catalogue("auditMessages", {
  /** Too few observations (or pairs, or complete unit-years) for a statistic. */
  tooFew: (statistic: string, count: number, needed: number) =>
    `${statistic}: ${count} observation${count === 1 ? "" : "s"}, at least ${needed} needed`,
  /** A series without spread: correlations with it, and moments beyond the mean, are undefined. */
  constant: (code: string, count: number) => `"${code}" takes one value over the ${count} observation${count === 1 ? "" : "s"}`,
  /** A group with a single child: no pair to correlate, no alpha. */
  oneChild: (group: string) => `group "${group}" has one child`,
  /** The sum of a group's children does not vary: Cronbach's alpha is undefined. */
  constantSum: (group: string) => `the children of "${group}" sum to the same value in every complete unit-year`,
  /** A share within siblings needs every sibling's value. */
  siblingMissing: (statistic: string) => `${statistic} share: a sibling has no value`,
  /** Fewer complete unit-years than children: the correlation matrix is singular. */
  singular: (count: number, children: number) =>
    `${count} complete unit-years for ${children} children: the last ${children - count + 1} eigenvalues are 0 (up to rounding)`,
  /** `--profile-unit` names a unit the data does not have. */
  unknownUnit: (unit: string, units: readonly string[]) =>
    `--profile-unit ${JSON.stringify(unit)} is not a unit of the data; expected one of ${units.slice(0, 10).map((name) => JSON.stringify(name)).join(", ")}${units.length > 10 ? `, ... (${units.length} units)` : ""}`,
  /** The outlier rule still fails after the treatment's maximum number of points. */
  outliersRemain: (points: number) => `the skewness-kurtosis rule still fails after winsorising ${points} point${points === 1 ? "" : "s"}`,
});
