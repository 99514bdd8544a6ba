/**
 * A zero base value under the fixed-base index (`100·x[t]/x[base]` is undefined when `x[base] = 0`): what to do,
 * chosen per indicator.
 *
 * - `error` (default): report it (the base-year check names indicator and unit).
 * - `first-nonzero`: that indicator's base becomes the first year after the base year in which every unit has a non-zero
 *   value; the indicator is 100 in that year, so its groups are no longer exactly 100 in the index's base year.
 * - `min-max`: that indicator is normalised by min-max over the panel (0–100) instead; its score is then on another
 *   scale than its fixed-base siblings.
 *
 * Either choice is reported as a warning naming the indicator.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { indicatorBlock, type Panel } from "./panel.js";

export const ZERO_BASE_POLICIES = ["error", "first-nonzero", "min-max"] as const;
export type ZeroBasePolicy = (typeof ZERO_BASE_POLICIES)[number];
/** A zero base value is an error when no policy is given. */
export const DEFAULT_ZERO_BASE: ZeroBasePolicy = "error";

/** What the policy decided for one indicator: keep its fixed-base index (from `baseYear`) or switch to min-max. */
export interface ZeroBaseDecision {
  method: "fixed-base" | "min-max";
  /** Position of the indicator's base year in the panel's years. */
  baseYear: number;
}

/** Reads a zero-base policy word; `undefined` if it is none. */
export function parseZeroBasePolicy(text: string): ZeroBasePolicy | undefined {
  const word = text.trim().toLowerCase();
  return (ZERO_BASE_POLICIES as readonly string[]).includes(word) ? (word as ZeroBasePolicy) : undefined;
}

/**
 * The decision for every fixed-base indicator (`fixedBase[i]`) with the base year at position `baseYear`: its own
 * fixed-base index, unless a unit's base value is 0 and its policy says otherwise. Other indicators are left as they are.
 */
export function planZeroBase(
  panel: Panel,
  policies: readonly ZeroBasePolicy[],
  fixedBase: readonly boolean[],
  baseYear: number,
): { decisions: ZeroBaseDecision[]; warnings: Issue[] } {
  const yearCount = panel.years.length;
  const warnings: Issue[] = [];
  const decisions = panel.indicators.map((indicator, i): ZeroBaseDecision => {
    const keep: ZeroBaseDecision = { method: "fixed-base", baseYear };
    const policy = policies[i];
    if (policy === "error" || !fixedBase[i] || baseYear < 0) return keep;
    const block = indicatorBlock(panel, i);
    if (!panel.units.some((_, u) => block[u * yearCount + baseYear] === 0)) return keep;
    const year = panel.years[baseYear];
    if (policy === "min-max") {
      warnings.push({ code: "W_ZERO_BASE_MIN_MAX", message: messages.zeroBaseMinMax(indicator, year), id: indicator });
      return { method: "min-max", baseYear };
    }
    for (let t = baseYear + 1; t < yearCount; t++) {
      const usable = panel.units.every((_, u) => {
        const value = block[u * yearCount + t];
        return value !== 0 && !Number.isNaN(value);
      });
      if (usable) {
        warnings.push({ code: "W_ZERO_BASE_SHIFTED", message: messages.zeroBaseShifted(indicator, year, panel.years[t]), id: indicator });
        return { method: "fixed-base", baseYear: t };
      }
    }
    // No usable year: keep the base; the base-year check reports the zero.
    return keep;
  });
  return { decisions, warnings };
}
