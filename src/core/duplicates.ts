/**
 * Duplicate values found without the tree: when the tree cannot be read, the values are still checked for the same
 * (unit, year, indicator) given twice, so that one run reports the problems of both files.
 */
import type { Issue } from "../errors.js";
import { messages } from "./messages.js";
import { duplicateColumn, type ValueRecord } from "./panel.js";

/** One `E_DUPLICATE_VALUE` issue per record that repeats an earlier (unit, year, indicator), as `buildPanel` reports it. */
export function duplicateValueIssues(records: readonly ValueRecord[], source?: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, ValueRecord>();
  for (const record of records) {
    const key = `${record.unit}\u0000${record.year}\u0000${record.indicator}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, record);
      continue;
    }
    issues.push({
      source: record.file ?? source,
      line: record.line,
      column: duplicateColumn(record),
      id: record.indicator,
      code: "E_DUPLICATE_VALUE",
      message: messages.duplicateValue(record.unit, record.year, record.indicator, first.line, first.file !== record.file ? first.file : undefined),
    });
  }
  return issues;
}
