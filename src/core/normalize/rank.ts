/**
 * Ranking: the position of each unit among the units of the same year.
 */
import type { NormalizeContext } from "./methods.js";
import { cellSets } from "./cells.js";

/**
 * Rank within each year across units, ascending so that more is better: the lowest value ranks 1 and the highest
 * ranks n (the number of units observed that year); for a negative indicator the order is reversed (the lowest value
 * ranks n). Ties share the average of the ranks they span (R `rank(ties.method = "average")`; COINr's `n_rank`
 * defaults to "min"). `NaN` cells are not ranked and stay `NaN`. Robust to outliers, but loses magnitudes.
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
      while (end + 1 < sorted.length && sorted[end + 1].key === sorted[start].key) end++;
      const averageRank = (start + 1 + end + 1) / 2;
      for (let i = start; i <= end; i++) out[sorted[i].cell] = averageRank;
      start = end + 1;
    }
  }
  return out;
}
