/**
 * The analysis that comes with every run: growth, contributions to the change of the overall index, and ranks.
 */
import type { IndexResult } from "../compute.js";
import { computeContributions, type ContributionDepth, type Contributions } from "./contributions.js";
import { computeGrowth, type Growth } from "./growth.js";
import { computeRanks, type Ranks } from "./ranks.js";

export interface Analysis {
  /** Growth of every node (computed when first read). */
  readonly growth: Growth;
  /**
   * Contributions for every pair of consecutive years of the data, then for the first year to the last when there are
   * more than two years.
   */
  contributions: Contributions[];
  /** Ranks among the units of the overall index and every group (indicators are not ranked); `undefined` with a single unit. */
  ranks?: Ranks;
}

export interface AnalysisOptions {
  /** The aggregation of a group (default: the node's `method` in the result, else the run's `aggregate` option). */
  aggregationOf?: (code: string) => string;
  /** How deep the contributions go (default `indicators`: every node); `dimensions` is enough for the report. */
  contributions?: ContributionDepth;
}

/** Analyses a result: growth of every node, contributions for every consecutive pair of years and the whole period, ranks. */
export function analyzeResult(result: IndexResult, options: AnalysisOptions = {}): Analysis {
  const { years } = result;
  const pairs: [number, number][] = years.slice(1).map((year, i) => [years[i], year]);
  if (years.length > 2) pairs.push([years[0], years[years.length - 1]]);
  let growth: Growth | undefined;
  return {
    // Computed on first use: the growth arrays are four times the size of the result, and growth.csv is written from
    // the values series by series without them.
    get growth() {
      return (growth ??= computeGrowth(result));
    },
    contributions: pairs.map(([from, to]) => computeContributions(result, from, to, options.aggregationOf, options.contributions)),
    // Only the overall index and the groups are ranked (the ranks table and the report show no indicator ranks).
    ranks: result.units.length > 1 ? computeRanks(result, (node) => node.kind !== "indicator") : undefined,
  };
}
