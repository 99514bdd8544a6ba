/**
 * Loading a tree and its values, validating both in one pass: every problem of the tree file and of the values file
 * is reported together.
 */
import { IndexToolError, ValidationError, type Issue } from "../errors.js";
import { buildPanel, type Panel, type ValueRecord } from "../core/panel.js";
import type { Tree } from "../core/types.js";
import { readText } from "./read-text.js";
import { parseTreeCsv } from "./tree-csv.js";
import { parseTreeYaml } from "./tree-yaml.js";
import { readValues } from "./values-folder.js";

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
  const [treeText, values] = await Promise.all([readText(treePath, labels.tree), readValues(dataPath, labels.data)]);
  let tree: Tree | undefined;
  try {
    tree = /\.ya?ml$/i.test(treePath) ? parseTreeYaml(treeText, labels.tree) : parseTreeCsv(treeText, labels.tree);
  } catch (error) {
    issues.push(...issuesOf(error));
  }
  let records: ValueRecord[] | undefined;
  if (values.ok) records = values.value;
  else issues.push(...values.issues);
  if (tree && records) {
    const panel = buildPanel(tree, records, labels.data);
    if (panel.ok && issues.length === 0) return { tree, panel: panel.value, records };
    if (!panel.ok) issues.push(...panel.issues);
  }
  throw new ValidationError(issues);
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
