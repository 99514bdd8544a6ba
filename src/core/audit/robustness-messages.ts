import { catalogue } from "../localize.js";
/**
 * The messages of the robustness checks (dropping an element, strengths and weaknesses, comparing two
 * configurations). Tests compare against these functions.
 */
const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly (string | number)[]) => values.map((value) => quote(String(value))).join(", ");

export const robustnessMessages = catalogue("robustnessMessages", {
  /** Dropping the element leaves the overall index without any child. */
  dropLeavesNothing: (element: string) =>
    `dropping ${quote(element)} leaves the overall index without any child; it is left out of the drop analysis`,
  /** Dropping the element leaves siblings whose weights sum to 0. */
  dropZeroWeights: (element: string, parent: string) =>
    `dropping ${quote(element)} leaves the children of ${quote(parent)} with weights that sum to 0; it is left out of the drop analysis`,
  /** The element is the only child of a group: the group goes with it. */
  dropCascade: (element: string, removed: string) =>
    `${quote(element)} is the only child of its group, so dropping it drops ${quote(removed)}: its row measures dropping ${quote(removed)}`,
  /** An element asked for that is not in the result. */
  unknownElement: (element: string, known: readonly string[]) =>
    `unknown element ${quote(element)}; expected an indicator or group code such as ${list(known.slice(0, 5))}`,
  /** A year asked for that is not in the result. */
  unknownYear: (year: number, years: readonly number[]) => `year ${quote(String(year))} is not in the result; expected one of ${list(years)}`,
  /** Strengths and weaknesses need two units or more. */
  profilesSingleUnit: (unit: string) =>
    `only one unit (${quote(unit)}): strengths and weaknesses compare a unit with the others, so there are none to list`,
  /** The two configurations of `compare` have different units. */
  compareUnits: (onlyA: readonly string[], onlyB: readonly string[]) =>
    `the two configurations have different units: ${onlyA.length > 0 ? `only in a: ${list(onlyA)}` : ""}${onlyA.length > 0 && onlyB.length > 0 ? "; " : ""}${onlyB.length > 0 ? `only in b: ${list(onlyB)}` : ""}; expected the same units in both (the same values file, or files with the same units)`,
  /** The two configurations of `compare` have different years. */
  compareYears: (onlyA: readonly number[], onlyB: readonly number[]) =>
    `the two configurations have different years: ${onlyA.length > 0 ? `only in a: ${list(onlyA)}` : ""}${onlyA.length > 0 && onlyB.length > 0 ? "; " : ""}${onlyB.length > 0 ? `only in b: ${list(onlyB)}` : ""}; expected the same years in both, or --year with a year both have`,
  /** `--year` names a year one configuration lacks. */
  compareYearAbsent: (year: number, common: readonly number[]) =>
    `--year ${year} is not a year of both configurations; expected one of ${common.length > 0 ? list(common) : "(no year in common)"}`,
  /**
   * Spearman's correlation is undefined with fewer than two units ranked in both, or when the `count` units ranked in
   * both are all tied in one configuration or both (`tiedIn`, given when `count` is two or more).
   */
  spearmanUndefined: (year: number, count: number, tiedIn?: "a" | "b" | "both") =>
    count >= 2 && tiedIn !== undefined
      ? `${year}: the ${count} units ranked in both configurations are all tied ${tiedIn === "both" ? "in both" : `in configuration ${tiedIn}`}, so the rankings have no correlation (a correlation needs ranks that differ)`
      : `${year}: ${count === 1 ? "only one unit is" : `${count} units are`} ranked in both configurations, so the rankings have no correlation (it needs two units or more, not all tied)`,
});
