/**
 * Weight ranges for the uncertainty analysis, as CSV: `code,min,max`, one row per node whose weight is drawn
 * uniformly from `[min, max]` (on the scale of the weights normalised within siblings).
 */
import { ValidationError, type Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { parseNumber } from "../../core/number.js";
import type { Tree } from "../../core/types.js";
import { findColumns } from "./columns.js";
import { parseCsv } from "../csv.js";
import { readText } from "./read-text.js";

const RANGE_COLUMNS = { code: ["node", "indicator", "代码"], min: ["minimum", "low", "最小"], max: ["maximum", "high", "最大"] } as const;

/** Parses the ranges; every problem (missing column, unknown code, bad number, min > max, duplicate) is collected. */
export function parseWeightRangesCsv(text: string, source: string, tree: Tree): Map<string, { min: number; max: number }> {
  const table = parseCsv(text, source);
  const columns = findColumns(table.header, RANGE_COLUMNS);
  const issues: Issue[] = (["code", "min", "max"] as const)
    .filter((key) => columns[key] < 0)
    .map((key) => ({ code: "E_MISSING_COLUMN", message: messages.missingColumn(key, table.header), source, line: table.headerLine, column: key }));
  if (issues.length > 0) throw new ValidationError(issues);
  const ranges = new Map<string, { min: number; max: number }>();
  const firstLine = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const code = cells[columns.code] ?? "";
    const at = (issueCode: string, message: string, column: string): Issue => ({ code: issueCode, message, source, line, column, id: code || undefined });
    if (!tree.byCode.has(code)) {
      issues.push(at("E_UNKNOWN_NODE", messages.unknownRangeNode(code), "code"));
      continue;
    }
    if (firstLine.has(code)) {
      issues.push(at("E_DUPLICATE_CODE", messages.duplicateCode(code, firstLine.get(code)), "code"));
      continue;
    }
    firstLine.set(code, line);
    const bound = (key: "min" | "max") => {
      const text = cells[columns[key]] ?? "";
      const value = parseNumber(text);
      if (value === undefined || Number.isNaN(value) || value < 0) {
        // A cell: its place, file:line:column, as a value's cell and a tree's weight.
        issues.push({ ...at("E_BAD_WEIGHT", messages.badRangeBound(code, key, text), key), column: columns[key] + 1 });
        return undefined;
      }
      return value;
    };
    const min = bound("min");
    const max = bound("max");
    if (min === undefined || max === undefined) continue;
    if (min > max) issues.push(at("E_BAD_RANGE", messages.invertedRange(code, min, max), "max"));
    else ranges.set(code, { min, max });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return ranges;
}

/** Reads a weight-ranges file. */
export async function readWeightRanges(path: string, label: string, tree: Tree): Promise<Map<string, { min: number; max: number }>> {
  return parseWeightRangesCsv(await readText(path, label), label, tree);
}
