/**
 * Two method configurations side by side (COINr `compare_coins`): each unit's overall index and rank under both, the
 * rank shift, and Spearman's correlation of the two rankings year by year.
 */
import { ValidationError, type Issue } from "../../errors.js";
import { computeRanks } from "../analysis/ranks.js";
import { tieKey } from "../tie.js";
import type { IndexResult } from "../compute.js";
import { robustnessMessages } from "./robustness-messages.js";

/** The comparison of configuration a with configuration b. */
export interface Comparison {
  /** The units, in the order of a. */
  units: readonly string[];
  /** The years compared. */
  years: readonly number[];
  /** The overall index under a and under b, `[unit * years.length + year]`. */
  indexA: Float64Array;
  indexB: Float64Array;
  /** Ranks (1 = highest, as `computeRanks`), laid out like the index; `NaN` where the index is missing. */
  rankA: Float64Array;
  rankB: Float64Array;
  /** `rankA − rankB`: positive when the unit ranks higher under b. */
  rankShift: Float64Array;
  /** Per year: Spearman's correlation of the two rankings over the units ranked in both; `NaN` when undefined. */
  spearman: Float64Array;
  /** Per year: the mean |rank shift| over the units ranked in both; `NaN` when there are none. */
  meanAbsoluteShift: Float64Array;
  /** Per year: the number of units ranked in both. */
  rankedUnits: Int32Array;
  /** Why a correlation is missing (fewer than two units ranked in both, or every unit tied). */
  notes: string[];
}

/**
 * Compares the overall index of two results of the same units and years (or of `year` alone, which both must have).
 * Spearman's ρ is Pearson's correlation of the average ranks ("fractional" ranks: tied units share the mean of the
 * ranks they span, values equal to 12 significant digits tie), over the units with an index in both; the displayed
 * ranks stay competition ranks, as everywhere else.
 * @throws ValidationError `E_COMPARE_UNITS` or `E_COMPARE_YEARS` listing what only one configuration has.
 * @example compareResults(a, b).spearman // => Float64Array [0.95, 0.97]
 * Reference: COINr `compare_coins`; Spearman (1904); OECD/JRC Handbook (2008), step 7 (robustness of the ranking).
 */
export function compareResults(a: IndexResult, b: IndexResult, options: { year?: number } = {}): Comparison {
  const issues: Issue[] = [];
  const unitsB = new Set(b.units);
  const unitsA = new Set(a.units);
  const onlyA = a.units.filter((unit) => !unitsB.has(unit));
  const onlyB = b.units.filter((unit) => !unitsA.has(unit));
  if (onlyA.length > 0 || onlyB.length > 0) issues.push({ code: "E_COMPARE_UNITS", message: robustnessMessages.compareUnits(onlyA, onlyB) });
  let years: number[];
  if (options.year !== undefined) {
    years = [options.year];
    const missing = [a, b].filter((result) => !result.years.includes(options.year!));
    if (missing.length > 0)
      issues.push({
        code: "E_COMPARE_YEARS",
        message: robustnessMessages.compareYearAbsent(options.year, a.years.filter((year) => b.years.includes(year))),
      });
  } else {
    years = [...a.years];
    const yearOnlyA = a.years.filter((year) => !b.years.includes(year));
    const yearOnlyB = b.years.filter((year) => !a.years.includes(year));
    if (yearOnlyA.length > 0 || yearOnlyB.length > 0) issues.push({ code: "E_COMPARE_YEARS", message: robustnessMessages.compareYears(yearOnlyA, yearOnlyB) });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const unitCount = a.units.length;
  const yearCount = years.length;
  const size = unitCount * yearCount;
  const pick = (result: IndexResult) => {
    const ranks = computeRanks(result, (node) => node.kind === "index").rank;
    const unitPosition = new Map(result.units.map((unit, u) => [unit, u] as const));
    const index = new Float64Array(size);
    const rank = new Float64Array(size);
    a.units.forEach((unit, u) => {
      const from = unitPosition.get(unit)!;
      years.forEach((year, y) => {
        // Node 0 is the overall index: its cells come first in `values` and in the ranks.
        const cell = from * result.years.length + result.years.indexOf(year);
        index[u * yearCount + y] = result.values[cell];
        rank[u * yearCount + y] = ranks[cell];
      });
    });
    return { index, rank };
  };
  const first = pick(a);
  const second = pick(b);
  const rankShift = new Float64Array(size);
  for (let cell = 0; cell < size; cell++) rankShift[cell] = first.rank[cell] - second.rank[cell];

  const spearman = new Float64Array(yearCount).fill(Number.NaN);
  const rankedUnits = new Int32Array(yearCount);
  const meanAbsoluteShift = new Float64Array(yearCount).fill(Number.NaN);
  const notes: string[] = [];
  years.forEach((year, y) => {
    const valuesA: number[] = [];
    const valuesB: number[] = [];
    let shiftSum = 0;
    for (let unit = 0; unit < unitCount; unit++) {
      const cell = unit * yearCount + y;
      if (Number.isNaN(first.index[cell]) || Number.isNaN(second.index[cell])) continue;
      valuesA.push(first.index[cell]);
      valuesB.push(second.index[cell]);
      shiftSum += Math.abs(rankShift[cell]);
    }
    rankedUnits[y] = valuesA.length;
    if (valuesA.length > 0) meanAbsoluteShift[y] = shiftSum / valuesA.length;
    spearman[y] = pearson(averageRanks(valuesA), averageRanks(valuesB));
    if (Number.isNaN(spearman[y])) {
      // With two units or more, only ranks all tied (no spread) leave the correlation undefined: in a, b or both.
      const allTied = (values: readonly number[]) => values.every((value) => tieKey(value) === tieKey(values[0]));
      const [tiedA, tiedB] = [allTied(valuesA), allTied(valuesB)];
      const tiedIn = tiedA && tiedB ? "both" : tiedA ? "a" : tiedB ? "b" : undefined;
      notes.push(robustnessMessages.spearmanUndefined(year, valuesA.length, tiedIn));
    }
  });
  return { units: a.units, years, indexA: first.index, indexB: second.index, rankA: first.rank, rankB: second.rank, rankShift, spearman, meanAbsoluteShift, rankedUnits, notes };
}

/**
 * Average ranks, 1 for the highest value: tied values (equal to 12 significant digits) share the mean of their ranks.
 * @example averageRanks([10, 30, 30, 20]) // => [4, 1.5, 1.5, 3]
 */
export function averageRanks(values: readonly number[]): Float64Array {
  const keys = values.map(tieKey);
  const order = keys.map((_, i) => i).sort((i, j) => keys[j] - keys[i] || i - j);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && keys[order[end + 1]] === keys[order[start]]) end++;
    // Positions start..end (0-based) hold ranks start+1..end+1; their mean is the midpoint.
    for (let k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's correlation; `NaN` with fewer than two pairs or a constant series. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i];
    meanY += y[i];
  }
  meanX /= n;
  meanY /= n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    covariance += (x[i] - meanX) * (y[i] - meanY);
    varianceX += (x[i] - meanX) ** 2;
    varianceY += (y[i] - meanY) ** 2;
  }
  return varianceX > 0 && varianceY > 0 ? covariance / Math.sqrt(varianceX * varianceY) : Number.NaN;
}
