/**
 * What every YAML file the tool reads refuses: aliases (`*name`). An alias would either be read as the literal text
 * `*name` or copy another value unseen, and a few nested aliases expand into billions of values (an "alias bomb"), so
 * each one is reported, with its line, before any value is read.
 */
import { isAlias, visit, type Document, type LineCounter } from "yaml";
import { limitMessages } from "../../core/limit-messages.js";
import type { Issue } from "../../errors.js";

/** Every alias of a parsed document, as an issue naming the file and line (`E_YAML_ALIAS`). */
export function aliasIssues(document: Document, lineCounter: LineCounter, source: string): Issue[] {
  const issues: Issue[] = [];
  visit(document, (_key, node) => {
    if (!isAlias(node)) return;
    const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    issues.push({ code: "E_YAML_ALIAS", message: limitMessages.yamlAlias(`*${node.source}`), source, line });
    return visit.SKIP;
  });
  return issues;
}
