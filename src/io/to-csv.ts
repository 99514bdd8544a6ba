/**
 * Results as CSV text: the long index table, the wide report table and the indicator scores.
 */
import type { IndexResult, ResultNode } from "../core/compute.js";
import { resultIndex } from "../core/compute.js";
import { formatCsv } from "./csv.js";

/** A number with a fixed count of decimals; `NaN` is an empty cell and `-0` prints as `0`. */
export function formatValue(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

type NodeFilter = (node: ResultNode) => boolean;
const isAggregate: NodeFilter = (node) => node.kind !== "indicator";
const isIndicator: NodeFilter = (node) => node.kind === "indicator";

function formatLong(result: IndexResult, decimals: number, keep: NodeFilter): string {
  const rows: (string | number)[][] = [["unit", "year", "code", "name", "level", "value"]];
  result.units.forEach((unit, u) => {
    result.years.forEach((year, y) => {
      result.nodes.forEach((node, n) => {
        if (keep(node)) rows.push([unit, year, node.code, node.name, node.level, formatValue(result.values[resultIndex(result, n, u, y)], decimals)]);
      });
    });
  });
  return formatCsv(rows);
}

/** `index.csv`: `unit,year,code,name,level,value` for the overall index (level 0) and every group. */
export function formatIndexCsv(result: IndexResult, decimals = 4): string {
  return formatLong(result, decimals, isAggregate);
}

/** `scores.csv`: the normalised score of every indicator, laid out like `index.csv`. */
export function formatScoresCsv(result: IndexResult, decimals = 4): string {
  return formatLong(result, decimals, isIndicator);
}

/**
 * `index-wide.csv`: the report table, one row per node (overall index and groups) and one column per year.
 * With several units a `unit` column comes first.
 */
export function formatIndexWideCsv(result: IndexResult, decimals = 4): string {
  const several = result.units.length > 1;
  const rows: (string | number)[][] = [[...(several ? ["unit"] : []), "code", "name", "level", ...result.years.map(String)]];
  result.units.forEach((unit, u) => {
    result.nodes.forEach((node, n) => {
      if (!isAggregate(node)) return;
      const cells = result.years.map((_, y) => formatValue(result.values[resultIndex(result, n, u, y)], decimals));
      rows.push([...(several ? [unit] : []), node.code, node.name, node.level, ...cells]);
    });
  });
  return formatCsv(rows);
}
