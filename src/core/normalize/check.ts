/**
 * The cells where a normalisation is undefined, reported before anything is computed: a missing or non-positive
 * base, a zero or a negative value under a reversed ratio, a ratio a dampening cannot take, a constant indicator under min-max or z-score,
 * a missing or non-positive reference value.
 */
import type { Issue } from "../../errors.js";
import { messages } from "../messages.js";
import { joinMessages } from "../localize.js";
import { RATIO_METHODS } from "./methods.js";
import { indicatorBlock, type Panel } from "../panel.js";
import { unitCellPlacer } from "../unit-place.js";
import type { Direction } from "../types.js";
import { forEachCellSet } from "./cells.js";
import type { IndicatorNormalization } from "./plan.js";
import type { Treatment } from "../outliers.js";
import { fillingPolicyFinder, type MissingPolicy } from "../missing.js";

/** What the checks found: the issues, and the panel cells of missing values they already reported. */
export interface NormalizationCheck {
  issues: Issue[];
  /** Panel cell positions (`cellIndex`) of missing values already reported (a base or reference value). */
  reportedMissing: Set<number>;
  /** Those of them that are base values (fixed-base, chain): every other gap of their series needs a policy that fills the base too. */
  missingBases: Set<number>;
}

/**
 * Checks every indicator under its own method. `baseYear` (one for all, or one per indicator) and `referenceUnit` are positions in the panel
 * (`referenceUnit` -1 or absent: no reference unit). `treatments`, the outlier treatment's changes, let a base value
 * the treatment made zero or negative (a log transform) say so, beside its value in the data. `given`, the values as
 * given (before the data stage; default `panel`), tells which missing-value policies would fill a missing base value.
 * `missing`: each indicator's missing-value policy in use (`policies`), never named as one that would fill its base
 * (it did not); and the unit-years reported without any value (`emptyReported`, `unit · years + year`), whose missing
 * base values are that one problem again: not reported (still in `reportedMissing` and `missingBases`).
 */
export function checkNormalization(
  panel: Panel,
  plans: readonly IndicatorNormalization[],
  directions: readonly Direction[],
  baseYears: number | readonly number[],
  referenceUnit = -1,
  treatments: readonly Treatment[] = [],
  given: Panel = panel,
  missing: { policies?: readonly MissingPolicy[]; emptyReported?: ReadonlySet<number> } = {},
): NormalizationCheck {
  const treated = treatments.length > 0 ? new Map(treatments.map((treatment) => [`${treatment.indicator}\u0000${treatment.unit}\u0000${treatment.year}`, treatment] as const)) : undefined;
  /** " (… after the outlier treatment …)" for a treated cell, else "". */
  const afterTreatment = (indicator: string, unit: string, year: number) => {
    const treatment = treated?.get(`${indicator}\u0000${unit}\u0000${year}`);
    return treatment ? messages.afterTreatment(treatment.method, treatment.original) : "";
  };
  const issues: Issue[] = [];
  const reportedMissing = new Set<number>();
  const missingBases = new Set<number>();
  const yearCount = panel.years.length;
  const blockSize = panel.units.length * yearCount;
  // A cell no row holds of a unit of a few rows (a name mistyped on one row) is placed at the unit's first row.
  const placeOf = unitCellPlacer(panel);
  const fillingOf = fillingPolicyFinder(given);
  panel.indicators.forEach((indicator, i) => {
    const plan = plans[i];
    const baseYear = typeof baseYears === "number" ? baseYears : baseYears[i];
    const block = indicatorBlock(panel, i);
    const direction = directions[i];
    const where = { id: indicator };
    // The file and line a cell's value was read from, when the panel keeps them (one values file, read the general way).
    const at = (cell: number) => ({ ...where, ...placeOf(i * blockSize + cell) });
    const unitOf = (cell: number) => panel.units[Math.floor(cell / yearCount)];
    const yearOf = (cell: number) => panel.years[cell % yearCount];
    const usesOwnBase = plan.method === "fixed-base" || (plan.method === "distance-to-reference" && referenceUnit < 0);

    if (usesOwnBase || plan.method === "chain") {
      if (baseYear < 0) return; // the absent base year is reported once by the caller
      panel.units.forEach((unit, u) => {
        const baseCell = u * yearCount + baseYear;
        const base = block[baseCell];
        const year = panel.years[baseYear];
        if (Number.isNaN(base)) {
          reportedMissing.add(i * blockSize + baseCell);
          missingBases.add(i * blockSize + baseCell);
          if (missing.emptyReported?.has(baseCell)) return;
          const policies = fillingOf(i * blockSize + baseCell, true).filter((policy) => policy !== missing.policies?.[i]);
          issues.push({
            ...at(baseCell),
            code: "E_BASE_MISSING",
            message: usesOwnBase ? messages.baseValueMissing(indicator, unit, year, policies) : messages.chainBaseMissing(indicator, unit, year, policies),
          });
        } else if (usesOwnBase && base === 0) issues.push({ ...at(baseCell), code: "E_BASE_ZERO", message: joinMessages(messages.baseValueZero(indicator, unit, year), afterTreatment(indicator, unit, year)) });
        else if (usesOwnBase && base < 0)
          issues.push({ ...at(baseCell), code: "E_BASE_NEGATIVE", message: joinMessages(messages.baseValueNegative(indicator, unit, year, base), afterTreatment(indicator, unit, year)) });
      });
    }
    if (plan.method === "chain")
      for (let cell = 0; cell < blockSize; cell++)
        if (block[cell] <= 0)
          issues.push({ ...at(cell), code: "E_CHAIN_NOT_POSITIVE", message: messages.chainValueNotPositive(indicator, unitOf(cell), yearOf(cell), block[cell]) });

    if (plan.method === "distance-to-reference" && referenceUnit >= 0)
      for (let year = 0; year < yearCount; year++) {
        const cell = referenceUnit * yearCount + year;
        const reference = block[cell];
        if (Number.isNaN(reference)) reportedMissing.add(i * blockSize + cell);
        if (!(reference > 0))
          issues.push({
            ...at(cell),
            code: "E_REFERENCE_VALUE",
            message: messages.referenceValueNotPositive(indicator, panel.units[referenceUnit], panel.years[year], reference),
          });
      }

    // A reversed ratio (reference / value) is undefined at a value of 0; a dampened ratio needs r > 0 (log) or r >= 0.
    // Every reference of a ratio method is positive once the checks above pass, so the sign of r is the sign of x.
    if (RATIO_METHODS.includes(plan.method) && plan.method !== "chain") {
      const baseOk = (cell: number) => !(usesOwnBase && cell % yearCount === baseYear);
      for (let cell = 0; cell < blockSize; cell++) {
        const value = block[cell];
        if (Number.isNaN(value) || !baseOk(cell)) continue;
        if (direction === "negative" && value === 0)
          issues.push({
            ...at(cell),
            code: "E_ZERO_VALUE_NEGATIVE",
            message: usesOwnBase
              ? messages.zeroValueNegativeDirection(indicator, unitOf(cell), yearOf(cell))
              : messages.zeroValueReversedRatio(indicator, unitOf(cell), yearOf(cell), plan.method),
          });
        else if (direction === "negative" && value < 0)
          issues.push({
            ...at(cell),
            code: "E_NEGATIVE_VALUE_REVERSED",
            message: messages.negativeValueReversedRatio(indicator, unitOf(cell), yearOf(cell), value, usesOwnBase ? "base / value" : `${plan.method} (reference / value)`),
          });
        else if ((plan.dampen === "log" && value <= 0) || (plan.dampen === "sqrt" && value < 0))
          issues.push({ ...at(cell), code: "E_DAMPEN_UNDEFINED", message: messages.dampenUndefined(indicator, unitOf(cell), yearOf(cell), value, plan.dampen) });
      }
    }

    const scaled =
      plan.method === "min-max" || plan.method === "z-score" ? "panel" : plan.method === "min-max-year" || plan.method === "z-score-year" ? "year" : undefined;
    if (scaled)
      forEachCellSet({ unitCount: panel.units.length, yearCount }, scaled, (start, step, count) => {
        // Constant: every observed value equals the first one (and there is one).
        let first = Number.NaN;
        let observedCount = 0;
        for (let cell = start; cell < start + step * count; cell += step) {
          const value = block[cell];
          if (Number.isNaN(value)) continue;
          if (observedCount++ === 0) first = value;
          else if (value !== first) return;
        }
        if (observedCount === 0) return;
        const year = scaled === "year" ? yearOf(start) : undefined;
        issues.push({
          ...where,
          code: "E_CONSTANT_INDICATOR",
          message: messages.constantIndicator(indicator, plan.method, first, observedCount, year, panel.units.length),
        });
      });
  });
  return { issues, reportedMissing, missingBases };
}

/**
 * The cells for which a fixed-base index is undefined or meaningless: a base value that is missing, zero or negative,
 * and, for a negative indicator, a zero value in another year (base / 0) or a negative one (a negative index, below
 * every positive value's, where a smaller value is better).
 */
export function checkFixedBase(panel: Panel, directions: readonly Direction[], baseYear: number): Issue[] {
  const plans = panel.indicators.map((): IndicatorNormalization => ({ method: "fixed-base" }));
  return checkNormalization(panel, plans, directions, baseYear).issues;
}
