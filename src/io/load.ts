/**
 * Loading a tree and its values, validating both in one pass: every problem of the tree file and of the values file
 * is reported together.
 */
import { IndexToolError, ValidationError, type Issue } from "../errors.js";
import { buildPanel, type Panel, type ValueRecord } from "../core/panel.js";
import type { Tree } from "../core/types.js";
import { parseDataCsv } from "./data-csv.js";
import { parsePanelFast } from "./data-csv-fast.js";
import { decodeText, readBytes, readText } from "./read-text.js";
import { parseTreeCsv } from "./tree-csv.js";

export interface LoadedInputs {
  tree: Tree;
  panel: Panel;
  records: ValueRecord[];
}

/**
 * Reads and validates the tree and the values; throws `ValidationError` with every problem of both files.
 * `labels` name the files in messages (default: their paths).
 */
export async function loadInputs(treePath: string, dataPath: string, labels = { tree: treePath, data: dataPath }): Promise<LoadedInputs> {
  const issues: Issue[] = [];
  const [treeText, dataBytes] = await Promise.all([readText(treePath, labels.tree), readBytes(dataPath, labels.data)]);
  let tree: Tree | undefined;
  try {
    // The YAML parser is loaded only for a YAML tree, so that runs on CSV start fast.
    tree = /\.ya?ml$/i.test(treePath) ? (await import("./tree-yaml.js")).parseTreeYaml(treeText, labels.tree) : parseTreeCsv(treeText, labels.tree);
  } catch (error) {
    issues.push(...issuesOf(error));
  }
  // Large plain files are read straight into the panel; anything unusual (and every error) goes the general way.
  const fast = tree && parsePanelFast(dataBytes, tree);
  if (tree && fast) return fastInputs(tree, fast);
  const dataText = decodeText(dataBytes, labels.data);
  let records: ValueRecord[] | undefined;
  try {
    const parsed = parseDataCsv(dataText, labels.data);
    if (parsed.ok) records = parsed.value;
    else issues.push(...parsed.issues);
  } catch (error) {
    issues.push(...issuesOf(error));
  }
  if (tree && records) {
    const panel = buildPanel(tree, records, labels.data);
    if (panel.ok && issues.length === 0) return { tree, panel: panel.value, records };
    if (!panel.ok) issues.push(...panel.issues);
  }
  throw new ValidationError(issues);
}

/** Inputs read by the fast path: the records, rarely needed, are rebuilt from the panel on first use (no lines). */
function fastInputs(tree: Tree, panel: Panel): LoadedInputs {
  let records: ValueRecord[] | undefined;
  return {
    tree,
    panel,
    get records() {
      if (!records) {
        records = [];
        const { units, years, indicators, values } = panel;
        for (let i = 0; i < indicators.length; i++)
          for (let u = 0; u < units.length; u++)
            for (let y = 0; y < years.length; y++) {
              const value = values[(i * units.length + u) * years.length + y];
              if (!Number.isNaN(value)) records.push({ unit: units[u], year: years[y], indicator: indicators[i], value });
            }
      }
      return records;
    },
  };
}

/** The issues an error carries (a `ValidationError`'s list, or the error itself as one issue). */
export function issuesOf(error: unknown): Issue[] {
  if (error instanceof ValidationError) return error.issues;
  if (error instanceof IndexToolError) {
    const where = error as IndexToolError & Partial<Issue>;
    return [{ code: error.code, message: error.message, source: where.source, line: where.line, column: where.column, id: where.id }];
  }
  throw error;
}
