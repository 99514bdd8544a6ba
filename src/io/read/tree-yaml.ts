/**
 * The indicator tree as YAML, for people who prefer to write the hierarchy as it looks: a list of nodes, each with the
 * keys of the CSV columns (`code`, `name`, `name_en`, `weight`, `direction`, `unit`, `description`, `source`, and any
 * per-node setting) and either nested `children:` or a `parent:` key, or both forms mixed.
 *
 * ```yaml
 * - code: A
 *   name: 双创活力
 *   weight: 0.25
 *   children:
 *     - { code: A11, name: 研发经费占比, direction: + }
 * ```
 */
import { CST, isMap, isScalar, isSeq, LineCounter, type YAMLMap } from "yaml";
import { parseYaml } from "./yaml-parse.js";
import { limitMessages } from "../../core/limit-messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";
import { buildTree, MAX_TREE_DEPTH, type TreeRow } from "../../core/tree.js";
import type { Tree } from "../../core/types.js";
import { normalizeColumnName } from "./columns.js";
import { isKnownTreeName, suggestTreeName } from "./tree-csv.js";
import { aliasIssues, isTooDeep, nestedTooDeep, refuseLargeYaml, walkYamlCollections, yamlSyntaxError, yamlSyntaxProblems } from "./yaml-guards.js";

/** Keys read into the row itself; every other key is a per-node attribute. */
const ROW_KEYS = new Set(["code", "parent", "name", "name_en", "weight", "direction", "unit", "description", "source", "children"]);

/** Parses a YAML tree into the same validated `Tree` as a CSV tree; lines in messages are the YAML lines. */
export function parseTreeYaml(text: string, source: string): Tree {
  refuseLargeYaml(text, source, "tree");
  const lineCounter = new LineCounter();
  const document = parseYaml(text, lineCounter);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    // The parser builds nested lists and maps by recursion and gives up a few hundred levels down: the file is not
    // invalid but too deep, reported as a tree too deep (as a shallower deep tree is, by `buildTree`).
    if (isTooDeep(error)) throw new ValidationError([treeTooDeepIssue(text, source, lineCounter)]);
    // `direction: -` (a bare "-" starts a list item in YAML): the error is about the list, the fix is quoting it
    // (said with the first error).
    const bareMinus = text.split(/\r\n|\r|\n/).findIndex((row) => /(^|[\s{,])[\w-]+:\s*-\s*(?:[,}#]|$)/.test(row));
    // Every syntax error of the file, each with its line and column.
    const issues = yamlSyntaxProblems(document, text, lineCounter, "tree").map(({ line, column, reason }, n): Issue => ({
      code: "E_YAML_SYNTAX",
      message: readerMessages.treeYamlSyntax(`${source}:${line}:${column}`, reason, n === 0 && bareMinus >= 0 ? bareMinus + 1 : undefined),
      source,
      line,
      column,
    }));
    throw yamlSyntaxError(issues);
  }
  if (nestedTooDeep(document)) throw new ValidationError([treeTooDeepIssue(text, source, lineCounter)]);
  // Aliases are refused before any value is read: `name: *n` would be the name "*n".
  const aliases = aliasIssues(document, lineCounter, source);
  if (aliases.length > 0) throw new ValidationError(aliases);
  const rows: (TreeRow & { offset: number })[] = [];
  const keyIssues: Issue[] = [];
  // Nested `children:` are visited from a stack, not by recursion, so a deep file cannot overflow the call stack
  // (the tree's own depth limit reports it).
  const pending: { node: unknown; parent: string }[] = [{ node: document.contents, parent: "" }];
  const visit = (node: unknown, parent: string) => {
    if (!isSeq(node)) throw new InputError("E_YAML_SHAPE", readerMessages.treeYamlNotList(source), { source });
    for (const item of node.items) {
      if (!isMap(item)) {
        const line = item && typeof item === "object" && "range" in item ? lineCounter.linePos((item as { range: number[] }).range[0]).line : undefined;
        throw new InputError("E_YAML_SHAPE", readerMessages.treeYamlNotNode(`${source}${line ? `:${line}` : ""}`), { source, line });
      }
      const map = item as YAMLMap;
      const line = map.range ? lineCounter.linePos(map.range[0]).line : undefined;
      const text = (key: string) => scalarText(map.get(key, true));
      const attributes: Record<string, string> = {};
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (ROW_KEYS.has(key)) continue;
        if (!isKnownTreeName(normalizeColumnName(key))) {
          const keyLine = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : line;
          keyIssues.push({ code: "E_UNKNOWN_KEY", message: limitMessages.unknownTreeKey(key, suggestTreeName(normalizeColumnName(key))), source, line: keyLine, column: key });
          continue;
        }
        attributes[key] = scalarText(pair.value);
      }
      const code = text("code");
      rows.push({
        offset: map.range?.[0] ?? 0,
        line,
        code,
        parent: text("parent") || parent,
        name: text("name") || text("name_en"),
        nameEn: text("name_en"),
        weight: text("weight"),
        direction: text("direction"),
        measure: text("unit"),
        description: text("description"),
        source: text("source"),
        attributes,
      });
      const children = map.get("children", true);
      if (children !== undefined) pending.push({ node: children, parent: code });
    }
  };
  for (let next = pending.pop(); next; next = pending.pop()) visit(next.node, next.parent);
  // In the order of the file, as the nested form reads (the stack visits a node's children after its siblings).
  rows.sort((a, b) => a.offset - b.offset);
  const built = buildTree(rows.map(({ offset: _offset, ...row }) => row), source);
  // An unknown key (a misspelt `wieght`) does not hide the nodes' own problems: both are reported in one run, and the
  // tree as built is still given, for the values' checks.
  if (keyIssues.length > 0 || !built.ok)
    throw new ValidationError([...keyIssues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), ...(built.ok ? [] : built.issues)], undefined, built.ok ? built.value : built.partial);
  return built.value;
}

/**
 * Why a file the YAML parser gave up on is too deep, read from its syntax tokens (`walkYamlCollections`): the first
 * node, in the order of the file, more than `MAX_TREE_DEPTH` levels down the `children:` lists (`E_TREE_TOO_DEEP` with
 * its line and code, the issue `buildTree` gives a tree deep but still parsed), or, when the nesting is not of nodes
 * (`name: [[[...]]]`), the deepest list or map, as `tooDeepIssue` reports it for judgements and project files.
 */
function treeTooDeepIssue(text: string, source: string, lineCounter: LineCounter): Issue {
  // `nodes`: the level of the nodes a list holds (the root list's are 1, a `children:` list's one more than its
  // node's); `node`: the level of a map that is an item of such a list, a node.
  type Levels = { nodes?: number; node?: number };
  let first: { offset: number; code: string } | undefined;
  const keyOf = (key: CST.Token | null | undefined) => (key ? CST.resolveAsScalar(key)?.value : undefined);
  const deepest = walkYamlCollections<Levels>(text, { nodes: 1 }, (token, _depth, levels) => {
    const isMapToken = token.type === "block-map" || (token.type === "flow-collection" && token.start.source === "{");
    const level = isMapToken ? levels.node : undefined;
    if (level === MAX_TREE_DEPTH + 1 && (first === undefined || token.offset < first.offset)) {
      const codeItem = token.items.find((item) => keyOf(item.key) === "code");
      first = { offset: token.offset, code: (codeItem?.value && CST.resolveAsScalar(codeItem.value)?.value) ?? "" };
    }
    return (item) =>
      level !== undefined && level <= MAX_TREE_DEPTH && keyOf(item.key) === "children" ? { nodes: level + 1 } : { node: isMapToken ? undefined : levels.nodes };
  });
  if (first) {
    const line = lineCounter.linePos(first.offset).line;
    return { code: "E_TREE_TOO_DEEP", message: limitMessages.treeTooDeep(first.code, MAX_TREE_DEPTH + 1, MAX_TREE_DEPTH), source, line, column: "parent", id: first.code || undefined };
  }
  return { code: "E_TREE_TOO_DEEP", message: limitMessages.yamlTooDeep(deepest.depth, "tree", MAX_TREE_DEPTH), source, line: lineCounter.linePos(deepest.offset).line };
}

/**
 * A value as it is written in the file: a plain scalar by its source text, so that a code `1.10` stays "1.10" and `01`
 * stays "01" (YAML would read them as the numbers 1.1 and 1, and two codes 1.1 and 1.10 as duplicates), a quoted one
 * by its text, nothing (or `null`) as "". Anything else (a list or a map where a text belongs) as YAML would print it.
 */
function scalarText(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return "";
    if (node.type === "PLAIN" && typeof node.source === "string") return node.source;
    return String(node.value);
  }
  return String(node);
}
