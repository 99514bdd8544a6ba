/**
 * Ranks of units, node by node and year by year, and how they changed on the previous year.
 */
import { resultIndex, type IndexResult } from "../compute.js";
import { orderObservedInto } from "../radix.js";
import { mayTie, tieKey } from "../tie.js";

/** Ranks laid out like `result.values`: `[(node * unitCount + unit) * yearCount + year]`. */
export interface Ranks {
  /** 1 for the highest value; `NaN` where the value is missing. */
  rank: Float64Array;
  /** `rank[t−1] − rank[t]`: positive when the unit moved up; `NaN` in the first year or where a rank is missing. */
  rankChange: Float64Array;
}

/**
 * Competition ranking ("1224"), the rule of Excel's `RANK.EQ` in descending order: a unit's rank is 1 plus the number
 * of units with a strictly higher value; tied units share the best rank and the next ranks are skipped. Every score is
 * "higher is better" (directions are applied when normalising). Values equal to 12 significant digits tie.
 * Missing values get no rank and do not count. Nodes `keep` refuses (default: none) are left unranked (`NaN`).
 * @example ranks of [120, 130, 120, 110] // [2, 1, 2, 4]
 */
export function computeRanks(
  result: Pick<IndexResult, "units" | "years" | "nodes" | "values">,
  keep: (node: IndexResult["nodes"][number]) => boolean = () => true,
): Ranks {
  const size = result.values.length;
  const ranks: Ranks = { rank: new Float64Array(size).fill(Number.NaN), rankChange: new Float64Array(size).fill(Number.NaN) };
  const unitCount = result.units.length;
  const column = new Float64Array(unitCount);
  const order = new Uint32Array(unitCount);
  for (let node = 0; node < result.nodes.length; node++) {
    if (!keep(result.nodes[node])) continue;
    for (let year = 0; year < result.years.length; year++) {
      for (let unit = 0; unit < unitCount; unit++) column[unit] = result.values[resultIndex(result, node, unit, year)];
      // The units by increasing value (a linear radix sort), walked from the highest: a unit's rank is 1 plus the
      // number of units before its run of tied keys. Rounding to 12 digits never reverses an order, so tied keys are
      // neighbours, and only values close enough to tie need their key.
      const count = orderObservedInto(column, order);
      let runRank = 1;
      for (let j = count - 1; j >= 0; j--) {
        const value = column[order[j]];
        if (j < count - 1) {
          const higher = column[order[j + 1]];
          if (value !== higher && !(mayTie(value, higher) && tieKey(value) === tieKey(higher))) runRank = count - j;
        }
        ranks.rank[resultIndex(result, node, order[j], year)] = runRank;
      }
      if (year > 0)
        for (let unit = 0; unit < unitCount; unit++) {
          const cell = resultIndex(result, node, unit, year);
          if (!Number.isNaN(column[unit])) ranks.rankChange[cell] = ranks.rank[cell - 1] - ranks.rank[cell];
        }
    }
  }
  return ranks;
}

/**
 * The ranks of the units in every year of a block (`values[unit * yearCount + year]`), by the one convention of the
 * tool (`ranks.csv`, the report and `uncertainty.csv` alike): competition ranking ("1224", Excel's `RANK.EQ` in
 * descending order). Rank 1 is the highest value; a unit's rank is 1 plus the number of units with a strictly higher
 * value, so tied units share the best rank of those they span and the next ranks are skipped. Values equal to 12
 * significant digits tie. Missing values (`NaN`) get `NaN` and are not counted. Writes into `out` and returns it.
 * @example rankDescending([10, 30, 30, 5], 4, 1, out) // => [3, 1, 1, 4]
 */
export function rankDescending(
  values: ArrayLike<number>,
  unitCount: number,
  yearCount: number,
  out: Float64Array,
  scratch = new Float64Array(unitCount),
): Float64Array {
  for (let year = 0; year < yearCount; year++) {
    let count = 0;
    for (let unit = 0; unit < unitCount; unit++) {
      const value = values[unit * yearCount + year];
      if (!Number.isNaN(value)) scratch[count++] = value;
    }
    // The units with a strictly higher key are those after the last equal key in ascending order: a native sort and
    // a binary search per unit instead of comparing every pair of units. Rounding to 12 digits never reverses an
    // order, so the values sort as their keys do, and only the values just above a unit's can share its key.
    const ascending = (count === scratch.length ? scratch : scratch.subarray(0, count)).sort();
    for (let unit = 0; unit < unitCount; unit++) {
      const cell = unit * yearCount + year;
      const value = values[cell];
      if (Number.isNaN(value)) {
        out[cell] = Number.NaN;
        continue;
      }
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (ascending[middle] <= value) low = middle + 1;
        else high = middle;
      }
      if (low < count && mayTie(value, ascending[low])) {
        const key = tieKey(value);
        while (low < count && mayTie(value, ascending[low]) && tieKey(ascending[low]) === key) low++;
      }
      out[cell] = count - low + 1;
    }
  }
  return out;
}
