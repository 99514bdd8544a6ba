/**
 * The analysis as tables: growth, contributions and ranks (see `core/analysis`).
 */
import { resultIndex, type IndexResult } from "../../core/compute.js";
import type { Analysis } from "../../core/analysis/analyze.js";
import { contributionMethod, type ContributionDepth } from "../../core/analysis/contributions.js";
import { differenceAsShown } from "../../core/number.js";
import { integer, isAggregate, nodeName, number, text, type Cell, type Language, type Table } from "./tables.js";

/**
 * `growth`: per unit, node and year from the second year on: `value`, `change` (points on the previous year of the
 * data), `change_percent`, `average_change` (points per year since the first year) and `cagr_percent`; the two
 * percentages empty throughout on a scale with no natural zero (`ratioScale`, as `computeGrowth` leaves them).
 */
export function growthTable(result: IndexResult, analysis: Analysis, language?: Language): Table {
  const { growth } = analysis;
  const rows: Cell[][] = [];
  result.units.forEach((unit, u) =>
    result.nodes.forEach((node, n) => {
      for (let y = 1; y < result.years.length; y++) {
        const cell = resultIndex(result, n, u, y);
        rows.push([
          unit,
          node.code,
          nodeName(node, language),
          node.level,
          result.years[y],
          result.values[cell],
          growth.change[cell],
          growth.changePercent[cell],
          growth.averageChange[cell],
          growth.cagrPercent[cell],
        ]);
      }
    }),
  );
  const columns = [
    text("unit"),
    text("code"),
    text("name"),
    integer("level"),
    integer("year"),
    number("value"),
    number("change"),
    number("change_percent"),
    number("average_change"),
    number("cagr_percent"),
  ];
  return { name: "growth", columns, rows };
}

/**
 * `contributions`: per unit and pair of years, the overall index (level 0, its change) and each first-level dimension
 * (with `depth` `indicators`, every group and indicator below too, in tree order): `from_value`, `to_value`, `change`
 * of the node itself (the difference of the two as shown, `differenceAsShown`, as growth.csv's), `contribution` in points of the overall index, `share_percent` of the change of the overall
 * index, and the `method` of the split.
 */
export function contributionsTable(result: IndexResult, analysis: Analysis, depth: ContributionDepth = "dimensions", language?: Language): Table {
  const rows: Cell[][] = [];
  const unitCount = result.units.length;
  result.units.forEach((unit, u) =>
    analysis.contributions.forEach((contributions) => {
      const from = result.years.indexOf(contributions.fromYear);
      const to = result.years.indexOf(contributions.toYear);
      const total = contributions.contribution[u];
      result.nodes.forEach((node, n) => {
        if (depth === "dimensions" && node.level > 1) return;
        const fromValue = result.values[resultIndex(result, n, u, from)];
        const toValue = result.values[resultIndex(result, n, u, to)];
        const contribution = contributions.contribution[n * unitCount + u];
        rows.push([
          unit,
          contributions.fromYear,
          contributions.toYear,
          node.code,
          nodeName(node, language),
          node.level,
          fromValue,
          toValue,
          differenceAsShown(toValue, fromValue),
          contribution,
          total !== 0 ? (100 * contribution) / total : Number.NaN,
          contributionMethod(contributions, unitCount, n, u),
        ]);
      });
    }),
  );
  const columns = [
    text("unit"),
    integer("from_year"),
    integer("to_year"),
    text("code"),
    text("name"),
    integer("level"),
    number("from_value"),
    number("to_value"),
    number("change"),
    number("contribution"),
    number("share_percent"),
    text("method"),
  ];
  return { name: "contributions", columns, rows };
}

/**
 * `ranks` (several units only): per node (overall index and groups) and year, the units from first to last with
 * `value`, `rank` (competition ranking, as Excel's RANK.EQ) and `rank_change` (positive: moved up).
 */
export function ranksTable(result: IndexResult, analysis: Analysis, language?: Language): Table | undefined {
  const { ranks } = analysis;
  if (!ranks) return undefined;
  const rows: Cell[][] = [];
  result.nodes.forEach((node, n) => {
    if (!isAggregate(node)) return;
    result.years.forEach((year, y) => {
      const order = result.units
        .map((_, u) => u)
        .sort((a, b) => rankKey(ranks.rank[resultIndex(result, n, a, y)]) - rankKey(ranks.rank[resultIndex(result, n, b, y)]) || a - b);
      for (const u of order) {
        const cell = resultIndex(result, n, u, y);
        rows.push([result.units[u], year, node.code, nodeName(node, language), node.level, result.values[cell], ranks.rank[cell], ranks.rankChange[cell]]);
      }
    });
  });
  const columns = [text("unit"), integer("year"), text("code"), text("name"), integer("level"), number("value"), integer("rank"), integer("rank_change")];
  return { name: "ranks", columns, rows };
}

/** Missing ranks sort last. */
const rankKey = (rank: number) => (Number.isNaN(rank) ? Number.POSITIVE_INFINITY : rank);
