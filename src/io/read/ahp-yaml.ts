/**
 * AHP judgements as YAML: a map from group (`INDEX` for the first-level nodes) to either a list of `[a, b, value]`
 * judgements (as in the CSV form) or a whole matrix with the order of its rows:
 *
 * ```yaml
 * INDEX:
 *   - [A, B, 2]        # A is 2 times as important as B
 *   - [A, C, 1/2]
 *   - [B, C, 1/3]
 * A1:
 *   order: [A11, A12, A13]
 *   matrix:
 *     - [1,   2,   3]
 *     - [1/2, 1,   2]
 *     - [1/3, 1/2, 1]
 * ```
 *
 * A matrix's diagonal must be 1 and its lower triangle the reciprocals of the upper one (to 1%, so `0.33` passes for
 * `1/3`); the upper triangle is what is used.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node } from "yaml";
import { parseYaml } from "./yaml-parse.js";
import { readerMessages } from "../../core/reader-messages.js";
import { ValidationError, type Issue } from "../../errors.js";
import type { Judgement } from "../../core/weighting/ahp.js";
import { weightingMessages } from "../../core/weighting/messages.js";
import { parseJudgementValue } from "./ahp-csv.js";
import { aliasIssues, isTooDeep, nestedTooDeep, refuseLargeYaml, tooDeepIssue, yamlSyntaxError, yamlSyntaxProblems } from "./yaml-guards.js";

const RECIPROCAL_TOLERANCE = 0.01;

/**
 * Parses YAML judgements; every problem is collected with its line. Refused, the `ValidationError` gives as `partial`
 * the judgements found, a pair whose value is bad (or not the reciprocal of its twin) with the value `NaN`, as
 * `parseAhpCsv` does.
 */
export function parseAhpYaml(text: string, source: string): Judgement[] {
  refuseLargeYaml(text, source, "judgements");
  const lineCounter = new LineCounter();
  const document = parseYaml(text, lineCounter);
  if (document.errors.length > 0) {
    // Nested past what the parser follows (`[[[...]]]`, hundreds of levels deep), the file is too deep, not invalid.
    if (isTooDeep(document.errors[0])) throw new ValidationError([tooDeepIssue(text, source, lineCounter, "E_AHP_YAML_SHAPE", "judgements")]);
    // Every syntax error of the file, each with its line and column.
    const issues = yamlSyntaxProblems(document, text, lineCounter, "judgements").map(({ line, column, reason }): Issue => ({
      code: "E_YAML_SYNTAX",
      message: readerMessages.ahpYamlSyntax(`${source}:${line}:${column}`, reason),
      source,
      line,
      column,
    }));
    throw yamlSyntaxError(issues);
  }
  if (nestedTooDeep(document)) throw new ValidationError([tooDeepIssue(text, source, lineCounter, "E_AHP_YAML_SHAPE", "judgements")]);
  // Aliases are refused, all of them, before any value is read: a row `*r` would copy another unseen.
  const aliases = aliasIssues(document, lineCounter, source);
  if (aliases.length > 0) throw new ValidationError(aliases);
  const lineOf = (node: unknown) => (node && typeof node === "object" && "range" in node && (node as Node).range ? lineCounter.linePos((node as Node).range![0]).line : undefined);
  const issues: Issue[] = [];
  const shape = (node: unknown, message: string) => issues.push({ code: "E_AHP_YAML_SHAPE", message, source, line: lineOf(node) });
  const judgements: Judgement[] = [];
  const scalar = (node: unknown) => (isScalar(node) ? String(node.value ?? "") : undefined);
  const valueOf = (node: unknown): number | undefined => {
    const value = parseJudgementValue(scalar(node) ?? "");
    if (value === undefined)
      issues.push({ code: "E_AHP_BAD_VALUE", message: weightingMessages.badJudgementValue(scalar(node) ?? ""), source, line: lineOf(node) });
    return value;
  };

  if (!isMap(document.contents)) {
    shape(document.contents, readerMessages.ahpYamlNotMap());
    throw new ValidationError(issues);
  }
  for (const pair of document.contents.items) {
    const group = scalar(pair.key) ?? "";
    const body = pair.value;
    if (isSeq(body)) {
      for (const item of body.items) {
        if (!isSeq(item) || item.items.length !== 3) {
          shape(item, readerMessages.ahpYamlNotJudgement(group));
          continue;
        }
        const value = valueOf(item.items[2]);
        judgements.push({ group, a: scalar(item.items[0]) ?? "", b: scalar(item.items[1]) ?? "", value: value ?? Number.NaN, line: lineOf(item) });
      }
      continue;
    }
    const order = isMap(body) ? body.get("order", true) : undefined;
    const matrix = isMap(body) ? body.get("matrix", true) : undefined;
    if (!isSeq(order) || !isSeq(matrix)) {
      shape(body, readerMessages.ahpYamlNotGroup(group));
      continue;
    }
    const codes = order.items.map((item) => scalar(item) ?? "");
    const n = codes.length;
    const rows = matrix.items;
    if (rows.length !== n || rows.some((row) => !isSeq(row) || row.items.length !== n)) {
      shape(matrix, readerMessages.ahpYamlNotSquare(n, group));
      continue;
    }
    const values = rows.map((row) => (row as { items: unknown[] }).items.map(valueOf));
    for (let i = 0; i < n; i++) {
      if (values[i][i] !== undefined && values[i][i] !== 1)
        issues.push({ code: "E_AHP_DIAGONAL", message: readerMessages.ahpDiagonal(group, values[i][i]!, codes[i]), source, line: lineOf(rows[i]) });
      for (let j = i + 1; j < n; j++) {
        const upper = values[i][j];
        const lower = values[j][i];
        if (upper === undefined || lower === undefined) {
          judgements.push({ group, a: codes[i], b: codes[j], value: Number.NaN, line: lineOf(rows[i]) });
          continue;
        }
        if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE + 1e-12) {
          issues.push({
            code: "E_AHP_NOT_RECIPROCAL",
            message: readerMessages.ahpNotReciprocal(group, upper, codes[i], codes[j], lower),
            source,
            line: lineOf(rows[j]),
          });
          judgements.push({ group, a: codes[i], b: codes[j], value: Number.NaN, line: lineOf(rows[i]) });
        } else judgements.push({ group, a: codes[i], b: codes[j], value: upper, line: lineOf(rows[i]) });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, undefined, judgements);
  return judgements;
}
