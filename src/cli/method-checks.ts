/**
 * The method's checks on inputs that could be read only in part, so that one run of `validate` or `compute` lists a
 * missing base value beside a cell that is not a number, instead of only after that cell is fixed.
 */
import type { Panel } from "../core/panel.js";
import { INDEX_CODE, type Tree } from "../core/types.js";
import { ValidationError, type Issue } from "../errors.js";
import type { ReadInputs } from "../io/read/load.js";

function isReadInputs(partial: unknown): partial is ReadInputs {
  return typeof partial === "object" && partial !== null && "tree" in partial && "panel" in partial && (partial as ReadInputs).unreadable instanceof Set;
}

/**
 * Rethrows `error`, a `loadInputs` error. When it carries the inputs as far as they could be read (`ReadInputs`),
 * `check` runs on them first and the problems it finds join the error's: only those that name a node (by `id`) that
 * no unreadable cell feeds (not its indicator, nor a group above it), as those would be the unreadable cell again.
 */
export function rethrowWithMethodChecks(error: unknown, check: (tree: Tree, panel: Panel) => unknown): never {
  if (!(error instanceof ValidationError) || !isReadInputs(error.partial)) throw error;
  const { tree, panel, unreadable } = error.partial;
  const fed = new Set<string>();
  for (const code of unreadable) {
    fed.add(INDEX_CODE);
    for (let node = tree.byCode.get(code); node; node = node.parent === null ? undefined : tree.byCode.get(node.parent)) fed.add(node.code);
  }
  let found: Issue[] = [];
  try {
    check(tree, panel);
  } catch (caught) {
    if (caught instanceof ValidationError) found = caught.issues.filter((issue) => issue.id !== undefined && !fed.has(issue.id));
  }
  if (found.length === 0) throw error;
  throw new ValidationError([...error.issues, ...found]);
}
