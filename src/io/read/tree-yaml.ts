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
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from "yaml";
import { InputError, ValidationError } from "../../errors.js";
import { buildTree, type TreeRow } from "../../core/tree.js";
import type { Tree } from "../../core/types.js";

/** Keys read into the row itself; every other key is a per-node attribute. */
const ROW_KEYS = new Set(["code", "parent", "name", "name_en", "weight", "direction", "unit", "description", "source", "children"]);

/** Parses a YAML tree into the same validated `Tree` as a CSV tree; lines in messages are the YAML lines. */
export function parseTreeYaml(text: string, source: string): Tree {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new InputError("E_YAML_SYNTAX", `${source}${line ? `:${line}` : ""}: the file is not valid YAML (${error.code}); expected a list of nodes`, { source, line });
  }
  const rows: TreeRow[] = [];
  const visit = (node: unknown, parent: string) => {
    if (!isSeq(node)) throw new InputError("E_YAML_SHAPE", `${source}: expected a list of nodes (each with a code)`, { source });
    for (const item of node.items) {
      if (!isMap(item)) {
        const line = item && typeof item === "object" && "range" in item ? lineCounter.linePos((item as { range: number[] }).range[0]).line : undefined;
        throw new InputError("E_YAML_SHAPE", `${source}${line ? `:${line}` : ""}: expected a node with keys such as code, name, weight, direction`, { source, line });
      }
      const map = item as YAMLMap;
      const line = map.range ? lineCounter.linePos(map.range[0]).line : undefined;
      const text = (key: string) => {
        const value = map.get(key);
        return value === undefined || value === null ? "" : String(value);
      };
      const attributes: Record<string, string> = {};
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (!ROW_KEYS.has(key)) attributes[key] = String(map.get(key));
      }
      const code = text("code");
      rows.push({
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
      if (children !== undefined) visit(children, code);
    }
  };
  visit(document.contents, "");
  const built = buildTree(rows, source);
  if (!built.ok) throw new ValidationError(built.issues);
  return built.value;
}
