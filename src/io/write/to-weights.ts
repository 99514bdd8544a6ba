/**
 * Weights as CSV, JSON and workbook rows: one row per node of the tree with its weight within its siblings and in the overall index.
 */
import type { Tree } from "../../core/types.js";
import { INDEX_CODE } from "../../core/types.js";
import type { WeightingResult } from "../../core/weighting/derive.js";
import type { Issue } from "../../errors.js";
import { formatCsv } from "../csv.js";
import { formatValue } from "./to-csv.js";
import type { ImportanceShare } from "../../core/weighting/optimise.js";

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

/** How a table of weights writes a weight: as CSV text, or as a workbook's number (`""` where missing). */
type WeightCell = (value: number) => string | number;

/** A weight with `decimals` decimals, as CSV text (empty when missing). */
const csvCell = (decimals: number): WeightCell => (value) => formatValue(value, decimals);

/** A weight rounded to `decimals` decimals as a number, the value the CSV file shows (`""` when missing). */
const workbookCell = (decimals: number): WeightCell => (value) => {
  const text = formatValue(value, decimals);
  return text === "" ? "" : Number(text);
};

/** The rows of `code,parent,level,weight,global_weight`, header first, each weight written by `cell`. */
function weightsRows(tree: Tree, result: WeightingResult, cell: WeightCell): (string | number)[][] {
  const rows: (string | number)[][] = [["code", "parent", "level", "weight", "global_weight"]];
  for (const row of toWeightsJson(tree, result).weights) rows.push([row.code, row.parent, row.level, cell(row.weight), cell(row.globalWeight)]);
  return rows;
}

/** `code,parent,level,weight,global_weight`, weights with `decimals` decimals. */
export function formatWeightsCsv(tree: Tree, result: WeightingResult, decimals = 6): string {
  return formatCsv(weightsRows(tree, result, csvCell(decimals)));
}

/**
 * The weights table as the rows of a one-sheet workbook (`formatWorkbook`): the CSV's columns, each weight a number
 * rounded to `decimals` decimals as in the CSV file.
 */
export function weightsWorkbookRows(tree: Tree, result: WeightingResult, decimals = 6): (string | number)[][] {
  return weightsRows(tree, result, workbookCell(decimals));
}

/** The JSON document (two-space indent, trailing newline), unrounded. */
export function formatWeightsJson(tree: Tree, result: WeightingResult): string {
  return JSON.stringify(toWeightsJson(tree, result), null, 2) + "\n";
}

/** The rows of the optimised weights table, header first, each weight and share written by `cell`. */
function optimisedRows(tree: Tree, result: WeightingResult, rows: readonly ImportanceShare[], cell: WeightCell): (string | number)[][] {
  const byCode = new Map(rows.map((row) => [row.code, row] as const));
  const table: (string | number)[][] = [["code", "parent", "level", "weight", "global_weight", "target_share", "nominal_share", "achieved_share"]];
  for (const row of toWeightsJson(tree, result).weights) {
    const importance = byCode.get(row.code)!;
    table.push([row.code, row.parent, row.level, cell(row.weight), cell(row.globalWeight), cell(importance.target), cell(importance.nominal), cell(importance.achieved)]);
  }
  return table;
}

/** The weights table with each node's target, nominal and achieved share of effective importance (`weights --optimise`). */
export function formatOptimisedCsv(tree: Tree, result: WeightingResult, rows: readonly ImportanceShare[], decimals = 6): string {
  return formatCsv(optimisedRows(tree, result, rows, csvCell(decimals)));
}

/** `formatOptimisedCsv`'s table as the rows of a one-sheet workbook, numbers rounded as in the CSV file. */
export function optimisedWorkbookRows(tree: Tree, result: WeightingResult, rows: readonly ImportanceShare[], decimals = 6): (string | number)[][] {
  return optimisedRows(tree, result, rows, workbookCell(decimals));
}

/** The JSON document of `weights --optimise`: the weights, and the importance shares per node. */
export function formatOptimisedJson(tree: Tree, result: WeightingResult, rows: readonly ImportanceShare[]): string {
  return JSON.stringify({ ...toWeightsJson(tree, result), importance: rows }, null, 2) + "\n";
}
