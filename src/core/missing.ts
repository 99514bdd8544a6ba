/**
 * Missing values: the policies that fill or drop a gap, applied indicator by indicator and unit by unit, and the record
 * of every cell they touched (nothing is imputed silently).
 *
 * - `error` (default): every gap is a problem, all reported at once.
 * - `carry-forward`: a gap takes the last earlier observed value of the same unit (LOCF).
 * - `carry-back`: a gap takes the first later observed value of the same unit (NOCB); meant for a missing base value.
 * - `interpolate`: linear between the nearest observed years around the gap,
 *   `x[t] = x[a] + (x[b] − x[a])·(t − a)/(b − a)` with `a < t < b` the years themselves (uneven spacing counts). Gaps
 *   before the first or after the last observed year are not extrapolated: they take the nearest observed value and are
 *   recorded as `carry-back` or `carry-forward`.
 * - `reweight`: the gap stays missing; aggregation leaves it out and renormalises its siblings' weights (NBS, COINr).
 *
 * A gap a policy cannot fill (carry-forward before the first observed year, carry-back after the last, a unit with no
 * value at all) is an error naming it, or, when the caller says so (`unfilled` = `reweight`), reweighted and recorded. Reference: OECD/JRC Handbook (2008), step 3 (imputation of missing data).
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { indicatorBlock, placeOfCell, type Panel } from "./panel.js";

export const MISSING_POLICIES = ["error", "carry-forward", "interpolate", "carry-back", "reweight"] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** What a gap the policy cannot fill does: `error` (default) or `reweight`. */
export const UNFILLED_POLICIES = ["error", "reweight"] as const;
export type UnfilledPolicy = (typeof UNFILLED_POLICIES)[number];
/** A gap the policy cannot fill is an error when no other policy is given. */
export const DEFAULT_UNFILLED: UnfilledPolicy = "error";

/**
 * How one cell was filled (or, for `reweight`, left out); `below-coverage`: a group's score set missing by the minimum
 * coverage at aggregation (`minGroupCoverage`), its `indicator` the group's code.
 */
export type ImputationMethod = "carry-forward" | "carry-back" | "interpolate" | "reweight" | "below-coverage";

/** One imputed or reweighted cell. `value` is the value put in, `NaN` for a reweighted cell (and a `below-coverage` one). */
export interface Imputation {
  unit: string;
  year: number;
  indicator: string;
  method: ImputationMethod;
  value: number;
}

/** Reads a policy word; `undefined` if it is none. */
export function parseMissingPolicy(text: string): MissingPolicy | undefined {
  const word = text.trim().toLowerCase();
  return (MISSING_POLICIES as readonly string[]).includes(word) ? (word as MissingPolicy) : undefined;
}

/**
 * Fills the gaps of one series (one unit's years) by `policy`, writing into `out` (a copy of `values` with gaps filled)
 * and `methods` (the method per year, `undefined` where the value was observed or the gap was left).
 * `years` are the calendar years of the positions, used by `interpolate`.
 * @example imputeSeries([10, NaN, 16], [2017, 2018, 2019], "interpolate", out, methods) // out => [10, 13, 16]
 */
export function imputeSeries(
  values: ArrayLike<number>,
  years: readonly number[],
  policy: MissingPolicy,
  out: Float64Array,
  methods: (ImputationMethod | undefined)[],
): void {
  const count = years.length;
  for (let t = 0; t < count; t++) {
    out[t] = values[t];
    methods[t] = undefined;
  }
  if (policy === "error") return;
  // Most series have no gap: nothing to fill, and no position arrays to make.
  let gap = false;
  for (let t = 0; t < count && !gap; t++) gap = Number.isNaN(values[t]);
  if (!gap) return;
  // Observed positions only: an imputed value never feeds another imputation.
  const previous = new Int32Array(count).fill(-1);
  const next = new Int32Array(count).fill(-1);
  for (let t = 0, last = -1; t < count; t++) {
    previous[t] = last;
    if (!Number.isNaN(values[t])) last = t;
  }
  for (let t = count - 1, last = -1; t >= 0; t--) {
    next[t] = last;
    if (!Number.isNaN(values[t])) last = t;
  }
  for (let t = 0; t < count; t++) {
    if (!Number.isNaN(values[t])) continue;
    const a = previous[t];
    const b = next[t];
    if (policy === "reweight") methods[t] = "reweight";
    else if (policy === "carry-forward") {
      if (a >= 0) [out[t], methods[t]] = [values[a], "carry-forward"];
    } else if (policy === "carry-back") {
      if (b >= 0) [out[t], methods[t]] = [values[b], "carry-back"];
    } else if (a >= 0 && b >= 0) {
      const share = (years[t] - years[a]) / (years[b] - years[a]);
      out[t] = values[a] + (values[b] - values[a]) * share;
      methods[t] = "interpolate";
    } else if (a >= 0) [out[t], methods[t]] = [values[a], "carry-forward"];
    else if (b >= 0) [out[t], methods[t]] = [values[b], "carry-back"];
  }
}

export interface ImputedPanel {
  /** A copy of the panel with the gaps filled (reweighted cells stay `NaN`). */
  panel: Panel;
  /** Every imputed or reweighted cell, indicator by indicator, unit by unit, year by year. */
  imputations: Imputation[];
  /**
   * Every gap left unfilled by its policy (`error`, or a gap the policy cannot reach), with its panel cell
   * (`cellIndex`) so a caller can drop the gaps another check already reports (a missing base value).
   */
  gaps: { cell: number; issue: Issue }[];
}

/**
 * Applies each indicator's missing-value policy (`policies[i]` for `panel.indicators[i]`) to the whole panel. A gap a
 * filling policy cannot reach is reported, or reweighted when `unfilled` is `reweight` (never under `error`). The
 * unit-years in `screened` (cells `unit · years + year`, left out by screening, their values already removed) are no
 * gaps: they stay missing, are neither filled nor listed, and so weigh in no other unit's normalisation.
 */
export function imputePanel(panel: Panel, policies: readonly MissingPolicy[], unfilled: UnfilledPolicy = "error", screened?: ReadonlySet<number>): ImputedPanel {
  // Under `error` alone nothing is written, so the panel is shared rather than copied (a large panel is large).
  const values = policies.some((policy) => policy !== "error") ? new Float64Array(panel.values) : panel.values;
  const result: Panel = { ...panel, values };
  const imputations: Imputation[] = [];
  const gaps: { cell: number; issue: Issue }[] = [];
  const yearCount = panel.years.length;
  const out = new Float64Array(yearCount);
  const methods: (ImputationMethod | undefined)[] = new Array(yearCount);
  panel.indicators.forEach((indicator, i) => {
    const policy = policies[i];
    const block = indicatorBlock(result, i);
    panel.units.forEach((unit, u) => {
      const series = block.subarray(u * yearCount, (u + 1) * yearCount);
      if (policy === "error") methods.fill(undefined);
      else imputeSeries(series, panel.years, policy, out, methods);
      for (let t = 0; t < yearCount; t++) {
        if (screened !== undefined && screened.size > 0 && screened.has(u * yearCount + t)) continue;
        const method = methods[t];
        if (method) {
          imputations.push({ unit, year: panel.years[t], indicator, method, value: out[t] });
          series[t] = out[t];
        } else if (Number.isNaN(series[t]) && unfilled === "reweight" && policy !== "error") {
          imputations.push({ unit, year: panel.years[t], indicator, method: "reweight", value: Number.NaN });
        } else if (Number.isNaN(series[t])) {
          const year = panel.years[t];
          gaps.push({
            cell: (i * panel.units.length + u) * yearCount + t,
            issue:
              policy === "error"
                ? { code: "E_MISSING_VALUE", message: messages.missingValue(indicator, unit, year), id: indicator, ...placeOfCell(panel, (i * panel.units.length + u) * yearCount + t) }
                : { code: "E_CANNOT_IMPUTE", message: messages.cannotImpute(indicator, unit, year, policy), id: indicator },
          });
        }
      }
    });
  });
  return { panel: result, imputations, gaps };
}
