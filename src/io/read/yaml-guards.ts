/**
 * What every YAML file the tool reads refuses: aliases (`*name`). An alias would either be read as the literal text
 * `*name` or copy another value unseen, and a few nested aliases expand into billions of values (an "alias bomb"), so
 * each one is reported, with its line, before any value is read. A tree, judgements or project file is also refused
 * when it is too large to parse (`refuseLargeYaml`).
 */
import { isAlias, visit, type Document, type LineCounter } from "yaml";
import { limitMessages, type YamlContent } from "../../core/limit-messages.js";
import { InputError, type Issue } from "../../errors.js";

/**
 * The largest YAML tree, judgements or project file parsed: 2 MB. YAML is parsed whole into a tree of nodes, at over
 * 100 times its size in memory and 1 to 3 s per MB (measured: a 1.5 MB judgements file in 5 s and 500 MB, a 6 MB one
 * in 42 s and 1.8 GB), while a tree of 1,000 indicators written out in full is about 130 KB and an `index.yaml` a few
 * hundred bytes. Larger trees and judgements belong in CSV.
 */
export const MAX_YAML_BYTES = 2 * 1024 ** 2;

/** Refuses (`E_TOO_LARGE`) a YAML text of more than `MAX_YAML_BYTES` in UTF-8, before it is parsed; `content` says what it holds. */
export function refuseLargeYaml(text: string, source: string, content: YamlContent): void {
  // A UTF-16 unit is at most 3 bytes of UTF-8: a shorter text cannot be over the limit, and is not measured.
  if (text.length * 3 <= MAX_YAML_BYTES) return;
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_YAML_BYTES) throw new InputError("E_TOO_LARGE", limitMessages.yamlTooLarge(source, size, MAX_YAML_BYTES, content), { source });
}

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
