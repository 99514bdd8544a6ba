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
  "percentile-rank",
  "borda",
  "fraction-of-max",
  "distance-to-max",
  "distance-to-target",
  "distance-to-reference",
  "distance-to-average",
] as const;
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

/** The methods whose score is `100 · ratio`, to which `cap` and `dampen` apply. */
export const RATIO_METHODS: readonly NormalizeMethod[] = ["fixed-base", "chain", "distance-to-target", "distance-to-reference", "distance-to-average"];

/**
 * The min-max family, whose output scale `--range LOW,HIGH` sets: over the panel, within each year, or between the
 * tree's goalposts (`--range 70,130` gives the adjusted Mazziotta–Pareto index's scale, `70 + 60·(x − min)/(max − min)`).
 */
export const RANGE_METHODS: readonly NormalizeMethod[] = ["min-max", "min-max-year", "min-max-goalposts"];

/** The z-score family, whose output scale `--z-scale MEAN,SD` sets. */
export const Z_SCALE_METHODS: readonly NormalizeMethod[] = ["z-score", "z-score-year"];

/** The output scale of min-max: `low` for the worst value, `high` for the best. Default 0, 100. */
export interface ScoreRange {
  low: number;
  high: number;
}

/** The output scale of a z-score: `mean + sd·z`. Default 100, 10 (Mazziotta–Pareto); COINr's default is 0, 1. */
export interface ZScale {
  mean: number;
  sd: number;
}

export const DEFAULT_RANGE: ScoreRange = { low: 0, high: 100 };
export const DEFAULT_Z_SCALE: ZScale = { mean: 100, sd: 10 };

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
  /** `min-max`, `min-max-year`: the output scale. Default 0 to 100. */
  range?: ScoreRange;
  /** `z-score`, `z-score-year`: the output scale `mean + sd·z`. Default 100 + 10·z. */
  zScale?: ZScale;
}

