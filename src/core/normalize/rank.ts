/**
 * Ranking: the position of each unit among the units of the same year.
 */
import type { NormalizeContext } from "./methods.js";
import { cellSets } from "./cells.js";
import { ties } from "../tie.js";

/**
 * Rank within each year across units, ascending so that more is better: the lowest value ranks 1 and the highest
 * ranks n (the number of units observed that year); for a negative indicator the order is reversed (the lowest value
 * ranks n). Ties share the average of the ranks they span (R `rank(ties.method = "average")`; COINr's `n_rank`
 * defaults to "min"); values equal to 12 significant digits tie (`ties`, the rule of `ranks.csv`), so an
 * interpolated 0.39999999999999997 ties a 0.4. `NaN` cells are not ranked and stay `NaN`. Robust to outliers, but
 * loses magnitudes.
 * @example normalizeRank([30, 10, 20, 20], { unitCount: 4, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [4, 1, 2.5, 2.5]
 * Reference: OECD/JRC Handbook (2008), section 5, "ranking".
 */
export function normalizeRank(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const sign = context.direction === "positive" ? 1 : -1;
  for (const cells of cellSets(context, "year")) {
    const present = cells.filter((cell) => !Number.isNaN(values[cell]));
    for (const cell of cells) out[cell] = Number.NaN;
    const sorted = present.map((cell) => ({ cell, key: sign * values[cell] })).sort((a, b) => a.key - b.key);
    for (let start = 0; start < sorted.length; ) {
      let end = start;
      while (end + 1 < sorted.length && ties(sorted[end + 1].key, sorted[start].key)) end++;
      const averageRank = (start + 1 + end + 1) / 2;
      for (let i = start; i <= end; i++) out[sorted[i].cell] = averageRank;
      start = end + 1;
    }
  }
  return out;
}

/**
 * The "min" rank of every observed cell of each year (the number of units with a strictly worse value, plus 1:
 * R `rank(ties.method = "min")`), ascending so that more is better (reversed for a negative indicator), and the
 * number of units observed that year. Values equal to 12 significant digits tie (`ties`). `NaN` cells get `NaN`.
 */
function minRanks(values: ArrayLike<number>, context: NormalizeContext, visit: (cell: number, rank: number, count: number) => void): void {
  const sign = context.direction === "positive" ? 1 : -1;
  for (const cells of cellSets(context, "year")) {
    const present = cells.filter((cell) => !Number.isNaN(values[cell]));
    for (const cell of cells) if (Number.isNaN(values[cell])) visit(cell, Number.NaN, present.length);
    const sorted = present.map((cell) => ({ cell, key: sign * values[cell] })).sort((a, b) => a.key - b.key);
    for (let start = 0; start < sorted.length; ) {
      let end = start;
      while (end + 1 < sorted.length && ties(sorted[end + 1].key, sorted[start].key)) end++;
      for (let i = start; i <= end; i++) visit(sorted[i].cell, start + 1, present.length);
      start = end + 1;
    }
  }
}

/**
 * Percentile rank within each year across units, on 0-100: `100·(r − 1)/(n − 1)`, with r the "min" rank (ties share
 * the lowest rank they span) and n the units observed that year, so the worst unit scores 0 and the best 100 (COINr
 * `n_prank`, which returns the same on 0-1). For a negative indicator the order is reversed. A year with one observed
 * unit gives `NaN` (0/0). `NaN` cells stay `NaN`.
 * @example normalizePercentileRank([30, 10, 20, 20], { unitCount: 4, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [100, 0, 33.33…, 33.33…]
 * Reference: COINr `n_prank`; OECD/JRC Handbook (2008), section 5, "percentiles".
 */
export function normalizePercentileRank(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  minRanks(values, context, (cell, rank, count) => {
    out[cell] = count > 1 ? (100 * (rank - 1)) / (count - 1) : Number.NaN;
  });
  return out;
}

/**
 * Borda score within each year across units: the number of units the unit beats, `r − 1` with r the "min" rank (ties
 * share the lowest rank), from 0 (worst) to n − 1 (best; n the units observed that year). For a negative indicator the
 * order is reversed. Summed over indicators (arithmetic aggregation with equal weights) this is the Borda count of
 * social choice. `NaN` cells stay `NaN`.
 * @example normalizeBorda([30, 10, 20, 20], { unitCount: 4, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [3, 0, 1, 1]
 * Reference: COINr `n_borda`; Borda (1781); Munda (2008), Social Multi-Criteria Evaluation.
 */
export function normalizeBorda(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  minRanks(values, context, (cell, rank) => {
    out[cell] = rank - 1;
  });
  return out;
}
