/**
 * The observations objective weights are derived from: the chosen units and years of the panel, one column per
 * indicator, and the small statistics every method shares.
 */
import type { Issue } from "../../errors.js";
import { indicatorBlock, placeOfCell, type Panel } from "../panel.js";
import type { Direction } from "../types.js";
import { weightingMessages } from "./messages.js";

export const WEIGHT_MISSING_POLICIES = ["error", "drop"] as const;
/** What a missing value among the chosen unit-years does: `error` (default) or `drop` the unit-year (listwise). */
export type WeightMissingPolicy = (typeof WEIGHT_MISSING_POLICIES)[number];

/** Which unit-years objective weights are derived from. Default: every unit and every year of the panel. */
export interface ObservationChoice {
  units?: readonly string[];
  years?: readonly number[];
  /** A missing value: `error` (default, every gap is reported) or `drop` its unit-year for every indicator. */
  missing?: WeightMissingPolicy;
}

/** The chosen observations: one column of `units.length * years.length` values per indicator (unit-major). */
export interface Observations {
  units: readonly string[];
  years: readonly number[];
  /** Indicator code -> its values over the chosen unit-years that were kept. */
  columns: ReadonlyMap<string, Float64Array>;
  /** The unit-years left out under the `drop` policy (a value of some indicator was missing). */
  dropped: { unit: string; year: number }[];
}

/**
 * Picks the chosen unit-years out of the panel. Collects every problem: a unit or year absent from the data, fewer
 * than 2 observations, any missing value among them (objective methods need complete columns) unless `missing` is
 * `drop`, which leaves out every unit-year where some indicator has no value (listwise deletion).
 */
export function selectObservations(panel: Panel, choice: ObservationChoice = {}): { observations?: Observations; issues: Issue[] } {
  const issues: Issue[] = [];
  const units = choice.units ?? panel.units;
  const years = choice.years ?? panel.years;
  for (const unit of units)
    if (!panel.units.includes(unit))
      issues.push({ code: "E_UNKNOWN_WEIGHT_UNIT", message: weightingMessages.unknownWeightUnit(unit, panel.units), id: unit });
  for (const year of years)
    if (!panel.years.includes(year))
      issues.push({ code: "E_UNKNOWN_WEIGHT_YEAR", message: weightingMessages.unknownWeightYear(year, panel.years) });
  if (issues.length > 0) return { issues };
  const count = units.length * years.length;
  if (count < 2) return { issues: [{ code: "E_TOO_FEW_OBSERVATIONS", message: weightingMessages.tooFewObservations(count) }] };
  const yearCount = panel.years.length;
  const cellCount = panel.units.length * yearCount;
  const cells = units.flatMap((unit) => years.map((year) => ({ unit, year, cell: panel.units.indexOf(unit) * yearCount + panel.years.indexOf(year) })));
  const blocks = panel.indicators.map((_, i) => indicatorBlock(panel, i));
  const complete = cells.filter(({ cell }) => blocks.every((block) => !Number.isNaN(block[cell])));
  const drop = choice.missing === "drop";
  if (!drop)
    panel.indicators.forEach((indicator, i) => {
      for (const { unit, year, cell } of cells)
        if (Number.isNaN(blocks[i][cell]))
          // Placed on its line when the file has the cell, else at the values file (as compute places a gap).
          issues.push({ code: "E_MISSING_VALUE", message: weightingMessages.missingObservation(indicator, unit, year), id: indicator, ...placeOfCell(panel, i * cellCount + cell) });
    });
  else if (complete.length < 2)
    issues.push({ code: "E_TOO_FEW_OBSERVATIONS", message: weightingMessages.tooFewCompleteObservations(complete.length, count) });
  if (issues.length > 0) return { issues };
  const kept = drop ? complete : cells;
  const columns = new Map(panel.indicators.map((indicator, i) => [indicator, Float64Array.from(kept, ({ cell }) => blocks[i][cell])] as const));
  const keptSet = new Set(kept);
  const dropped = cells.filter((entry) => !keptSet.has(entry)).map(({ unit, year }) => ({ unit, year }));
  return { observations: { units, years, columns, dropped }, issues };
}

/**
 * Min-max to [0, 1] with the direction honoured: `(x - min)/(max - min)` for a positive indicator,
 * `(max - x)/(max - min)` for a negative one. `undefined` when the column is constant (max = min).
 */
export function unitInterval(values: ArrayLike<number>, direction: Direction): Float64Array | undefined {
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (let k = 0; k < values.length; k++) {
    minValue = Math.min(minValue, values[k]);
    maxValue = Math.max(maxValue, values[k]);
  }
  const range = maxValue - minValue;
  if (!(range > 0)) return undefined;
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++)
    out[k] = direction === "positive" ? (values[k] - minValue) / range : (maxValue - values[k]) / range;
  return out;
}

/** Whether every value of a column is the same. */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] !== values[0]) return false;
  return true;
}

/** Arithmetic mean. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k];
  return sum / values.length;
}

/** Population standard deviation (divisor n); the weighting methods are invariant to the choice of divisor. */
export function standardDeviation(values: ArrayLike<number>): number {
  const centre = mean(values);
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += (values[k] - centre) ** 2;
  return Math.sqrt(sum / values.length);
}

/** Pearson correlation of two columns of equal length; `NaN` when either is constant. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const meanX = mean(x);
  const meanY = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < x.length; k++) {
    sxy += (x[k] - meanX) * (y[k] - meanY);
    sxx += (x[k] - meanX) ** 2;
    syy += (y[k] - meanY) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** The input of an objective method: the indicators being weighted against each other, their directions and columns. */
export interface ObjectiveInput {
  codes: readonly string[];
  directions: readonly Direction[];
  columns: readonly Float64Array[];
  /** For messages: the group these are weighed under (`INDEX` for every indicator of the tree). Default `INDEX`. */
  group?: string;
  /** For messages: whether some columns are sub-indices of groups (the `level` rule) rather than indicators. Default false. */
  subIndices?: boolean;
}

/**
 * The output of an objective method: one non-negative importance score per indicator (weights are the scores divided
 * by their sum), and warnings (an indicator that does not vary gets score 0).
 */
export interface ObjectiveScores {
  scores: Float64Array;
  warnings: Issue[];
}

/** The warning for an indicator that does not vary over the chosen observations. */
export function constantWarning(code: string, method: string): Issue {
  return { code: "W_CONSTANT_INDICATOR", message: weightingMessages.constantIndicator(code, method), id: code };
}
