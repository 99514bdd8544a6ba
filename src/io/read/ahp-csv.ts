/**
 * AHP judgements as CSV: columns `group,a,b,value`, one row per pair, meaning "within `group`, child `a` is `value`
 * times as important as child `b`" (the reciprocal is implied; `group` is `INDEX` for the first-level nodes). Values
 * may be written `3`, `0.5` or `1/3`. Lines starting with `#` are comments.
 */
import { ValidationError, type Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { parseNumber } from "../../core/number.js";
import type { Judgement } from "../../core/weighting/ahp.js";
import { weightingMessages } from "../../core/weighting/messages.js";
import { findColumns } from "./columns.js";
import { parseCsv } from "../csv.js";

const AHP_COLUMNS = { group: ["parent", "组", "上级"], a: ["i", "row"], b: ["j", "column"], value: ["judgement", "判断", "标度"] } as const;

/** A judgement value: a positive number or fraction (`1/3`); `undefined` otherwise. */
export function parseJudgementValue(text: string): number | undefined {
  const fraction = /^\s*([^/]+)\/([^/]+)$/.exec(text);
  const value = fraction ? divide(parseNumber(fraction[1]), parseNumber(fraction[2])) : parseNumber(text);
  return value !== undefined && value > 0 && Number.isFinite(value) ? value : undefined;
}

const divide = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined ? undefined : numerator / denominator;

/**
 * Parses judgement CSV text; every problem (missing columns, empty cells, bad values) is collected with its line (and a
 * bad value with its column, `file:line:column`). Refused for bad values, the `ValidationError` gives as `partial`
 * every row's judgement, those of the bad values with the value `NaN`, so that the judgements' groups and children can
 * still be checked against the tree in the same run (`readAhpJudgements`).
 */
export function parseAhpCsv(text: string, source: string): Judgement[] {
  // Comment lines become empty lines, so line numbers stay those of the file.
  const table = parseCsv(text.replace(/^[ \t]*#.*$/gm, ""), source);
  const columns = findColumns(table.header, AHP_COLUMNS);
  const issues: Issue[] = (["group", "a", "b", "value"] as const)
    .filter((key) => columns[key] < 0)
    .map((key) => ({ code: "E_MISSING_COLUMN", message: messages.missingColumn(key, table.header, AHP_COLUMNS[key]), source, line: table.headerLine, column: key }));
  if (issues.length > 0) throw new ValidationError(issues);
  const judgements: Judgement[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (key: keyof typeof AHP_COLUMNS) => (cells[columns[key]] ?? "").trim();
    const value = parseJudgementValue(cell("value"));
    if (value === undefined)
      issues.push({ code: "E_AHP_BAD_VALUE", message: weightingMessages.badJudgementValue(cell("value")), source, line, column: columns.value + 1 });
    judgements.push({ group: cell("group"), a: cell("a"), b: cell("b"), value: value ?? Number.NaN, line });
  }
  if (issues.length > 0) throw new ValidationError(issues, undefined, judgements);
  return judgements;
}
