/**
 * Weights as CSV and JSON: one row per node of the tree with its weight within its siblings and in the overall index.
 */
import type { Tree } from "../../core/types.js";
import { INDEX_CODE } from "../../core/types.js";
import type { WeightingResult } from "../../core/weighting/derive.js";
import type { Issue } from "../../errors.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";
import type { ImportanceRow } from "../../core/weighting/optimise.js";

export interface WeightsJson {
  weighting: WeightingResult["summary"];
  weights: { code: string; parent: string; level: number; weight: number; globalWeight: number }[];
  consistency: WeightingResult["consistency"];
  warnings: Issue[];
}

/** The rows of the weights table, in tree order; `parent` is `INDEX` for first-level nodes. */
export function toWeightsJson(tree: Tree, result: WeightingResult): WeightsJson {
  return {
    weighting: result.summary,
    weights: tree.nodes.map((node) => ({
      code: node.code,
      parent: node.parent ?? INDEX_CODE,
      level: node.level,
      weight: result.weights.get(node.code)!,
      globalWeight: result.globalWeights.get(node.code)!,
    })),
    consistency: result.consistency,
    warnings: result.warnings,
  };
}

/** `code,parent,level,weight,global_weight`, weights with `decimals` decimals. */
export function formatWeightsCsv(tree: Tree, result: WeightingResult, decimals = 6): string {
  const rows: (string | number)[][] = [["code", "parent", "level", "weight", "global_weight"]];
  for (const row of toWeightsJson(tree, result).weights)
    rows.push([row.code, row.parent, row.level, formatValue(row.weight, decimals), formatValue(row.globalWeight, decimals)]);
  return formatCsv(rows);
}

/** The JSON document (two-space indent, trailing newline), unrounded. */
export function formatWeightsJson(tree: Tree, result: WeightingResult): string {
  return JSON.stringify(toWeightsJson(tree, result), null, 2) + "\n";
}

/** The weights table with each node's target, nominal and achieved share of effective importance (`weights --optimise`). */
export function formatOptimisedCsv(tree: Tree, result: WeightingResult, rows: readonly ImportanceRow[], decimals = 6): string {
  const byCode = new Map(rows.map((row) => [row.code, row] as const));
  const table: (string | number)[][] = [["code", "parent", "level", "weight", "global_weight", "target_share", "nominal_share", "achieved_share"]];
  for (const row of toWeightsJson(tree, result).weights) {
    const importance = byCode.get(row.code)!;
    table.push([
      row.code,
      row.parent,
      row.level,
      formatValue(row.weight, decimals),
      formatValue(row.globalWeight, decimals),
      formatValue(importance.target, decimals),
      formatValue(importance.nominal, decimals),
      formatValue(importance.achieved, decimals),
    ]);
  }
  return formatCsv(table);
}

/** The JSON document of `weights --optimise`: the weights, and the importance shares per node. */
export function formatOptimisedJson(tree: Tree, result: WeightingResult, rows: readonly ImportanceRow[]): string {
  return JSON.stringify({ ...toWeightsJson(tree, result), importance: rows }, null, 2) + "\n";
}
