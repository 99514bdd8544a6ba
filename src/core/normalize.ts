/**
 * Normalisation: turning each indicator's values into comparable scores.
 * Every method works on one indicator block of the panel (`unitCount * yearCount` cells, unit-major) and writes
 * into `out`; `NaN` in gives `NaN` out. The methods live in `normalize/`, one file per family: ratio indices
 * (fixed-base, chain, distance to a target or reference unit), min-max, z-score and rank.
 */
import { messages } from "./messages.js";
import { normalizeGoalposts, normalizeMinMax, normalizeMinMaxYear } from "./normalize/min-max.js";
import { normalizeRank } from "./normalize/rank.js";
import {
  normalizeChain,
  normalizeDistanceToReference,
  normalizeDistanceToTarget,
  normalizeFixedBase,
  type Dampening,
} from "./normalize/ratio.js";
import { normalizeZScore, normalizeZScoreYear } from "./normalize/z-score.js";
import type { Direction } from "./types.js";

export { normalizeGoalposts, normalizeMinMax, normalizeMinMaxYear } from "./normalize/min-max.js";
export { normalizeRank } from "./normalize/rank.js";
export {
  DAMPENINGS,
  normalizeChain,
  normalizeDistanceToReference,
  normalizeDistanceToTarget,
  normalizeFixedBase,
  scoreRatio,
  type Dampening,
} from "./normalize/ratio.js";
export { normalizeZScore, normalizeZScoreYear } from "./normalize/z-score.js";
export { checkFixedBase, checkNormalization } from "./normalize/check.js";

export const NORMALIZE_METHODS = [
  "fixed-base",
  "chain",
  "min-max",
  "min-max-year",
  "min-max-goalposts",
  "z-score",
  "z-score-year",
  "rank",
  "distance-to-target",
  "distance-to-reference",
] as const;
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

/** The methods whose score is `100 · ratio`, to which `cap` and `dampen` apply. */
export const RATIO_METHODS: readonly NormalizeMethod[] = ["fixed-base", "chain", "distance-to-target", "distance-to-reference"];

/** Everything a method may need besides the values. */
export interface NormalizeContext {
  unitCount: number;
  yearCount: number;
  direction: Direction;
  /** Position of the base year in the panel's years (fixed-base, chain). */
  baseYear: number;
  /** Ratio methods: the highest score an indicator may reach (e.g. 200). Default: no cap. */
  cap?: number;
  /** Ratio methods: dampen the ratio `r` to `100·(1 + ln r)` (`log`) or `100·√r` (`sqrt`). Default: none. */
  dampen?: Dampening;
  /** `min-max-goalposts`: the fixed min and max (the tree's `min` and `max` columns). */
  goalposts?: { min: number; max: number };
  /** `distance-to-target`: the target (the tree's `target` column). */
  target?: number;
  /** `distance-to-reference`: position of the reference unit; absent: each unit's own base-year value. */
  referenceUnit?: number;
}

/** Applies `method` to one indicator block. */
export function normalize(method: NormalizeMethod, values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  switch (method) {
    case "fixed-base":
      return normalizeFixedBase(values, context, out);
    case "chain":
      return normalizeChain(values, context, out);
    case "min-max":
      return normalizeMinMax(values, context, out);
    case "min-max-year":
      return normalizeMinMaxYear(values, context, out);
    case "min-max-goalposts":
      return normalizeGoalposts(values, context, out);
    case "z-score":
      return normalizeZScore(values, context, out);
    case "z-score-year":
      return normalizeZScoreYear(values, context, out);
    case "rank":
      return normalizeRank(values, context, out);
    case "distance-to-target":
      return normalizeDistanceToTarget(values, context, out);
    case "distance-to-reference":
      return normalizeDistanceToReference(values, context, out);
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("normalisation", unknown, NORMALIZE_METHODS));
    }
  }
}
