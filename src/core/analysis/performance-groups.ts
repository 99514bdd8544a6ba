/**
 * Performance groups in the manner of the European Innovation Scoreboard: each unit's overall index relative to a
 * reference (a reference unit, or the average of the units), year by year, sorted into four groups by thresholds.
 */
export const PERFORMANCE_GROUPS = ["leader", "strong", "moderate", "emerging"] as const;
/** The four groups of the EIS, best first: innovation leaders, strong, moderate and emerging innovators. */
export type PerformanceGroup = (typeof PERFORMANCE_GROUPS)[number];

/** The EIS thresholds, in % of the reference: above 125 leaders, above 100 strong, from 70 moderate, below emerging. */
export const DEFAULT_PERFORMANCE_THRESHOLDS: readonly [number, number, number] = [125, 100, 70];

/** One unit in one year. */
export interface PerformanceRow {
  unit: string;
  year: number;
  /** The overall index. */
  value: number;
  /** The reference's overall index that year (the reference unit's, or the mean over the units with a value). */
  reference: number;
  /** `100 · value / reference`. */
  relative: number;
  /** `undefined` when the value or the reference is missing. */
  group?: PerformanceGroup;
}

/**
 * The performance group of every unit and year: `relative = 100·I[u,t]/R[t]`, where `I` is the overall index and
 * `R[t]` the reference unit's index in year t, or without a reference unit the plain mean of the units' indices that
 * year; the group is `leader` when relative > t1, `strong` when > t2, `moderate` when >= t3, `emerging` below
 * (t1, t2, t3 = `thresholds`, default 125, 100, 70: the European Innovation Scoreboard's "above 125 %", "between 100 %
 * and 125 %", "between 70 % and 100 %", "below 70 %" of the EU). The reference unit itself scores 100, so it is
 * `moderate`. A missing index, or a reference that is missing or not > 0, leaves the group empty.
 * @example performanceGroups({ units: ["A", "B"], years: [2020], values: Float64Array.of(130, 70) }, {}) // relative to the mean 100: A leader (130), B moderate (70)
 * Reference: European Commission, European Innovation Scoreboard 2023, Methodology Report, section 5 (performance groups).
 */
export function performanceGroups(
  result: { units: readonly string[]; years: readonly number[]; values: ArrayLike<number> },
  options: { referenceUnit?: number; thresholds?: readonly [number, number, number] },
): PerformanceRow[] {
  const [leader, strong, moderate] = options.thresholds ?? DEFAULT_PERFORMANCE_THRESHOLDS;
  const yearCount = result.years.length;
  // The overall index is the first node of a result: cells 0 .. units × years − 1.
  const indexValue = (unit: number, year: number) => result.values[unit * yearCount + year];
  const rows: PerformanceRow[] = [];
  for (let year = 0; year < yearCount; year++) {
    let reference: number;
    if (options.referenceUnit !== undefined) reference = indexValue(options.referenceUnit, year);
    else {
      let sum = 0;
      let count = 0;
      for (let unit = 0; unit < result.units.length; unit++) {
        const value = indexValue(unit, year);
        if (Number.isNaN(value)) continue;
        sum += value;
        count++;
      }
      reference = sum / count;
    }
    for (let unit = 0; unit < result.units.length; unit++) {
      const value = indexValue(unit, year);
      const relative = reference > 0 && !Number.isNaN(value) ? (options.referenceUnit === unit ? 100 : (100 * value) / reference) : Number.NaN;
      const group: PerformanceGroup | undefined = Number.isNaN(relative)
        ? undefined
        : relative > leader
          ? "leader"
          : relative > strong
            ? "strong"
            : relative >= moderate
              ? "moderate"
              : "emerging";
      rows.push({ unit: result.units[unit], year: result.years[year], value, reference, relative, ...(group ? { group } : {}) });
    }
  }
  return rows;
}

/** Checks thresholds t1 > t2 > t3 > 0; the text of what is expected, or undefined when they are fine. */
export function checkPerformanceThresholds(thresholds: readonly number[]): string | undefined {
  const [t1, t2, t3] = thresholds;
  return thresholds.length === 3 && thresholds.every(Number.isFinite) && t1 > t2 && t2 > t3 && t3 > 0
    ? undefined
    : `three numbers LEADER,STRONG,MODERATE in % of the reference, decreasing and positive (default ${DEFAULT_PERFORMANCE_THRESHOLDS.join(",")})`;
}
