/**
 * The normalisation methods by name, and what every method may be given besides the values: the vocabulary that the
 * dispatcher (`../normalize.ts`) and each method family share, kept here so that no method file imports its dispatcher.
 */
import type { Direction } from "../types.js";

export const DAMPENINGS = ["log", "sqrt"] as const;
/** How a ratio is dampened before scoring: `log` gives `100·(1 + ln r)`, `sqrt` gives `100·√r`. */
export type Dampening = (typeof DAMPENINGS)[number];

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

