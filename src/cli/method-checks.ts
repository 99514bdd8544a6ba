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
 * `check` (which may be async) runs on them first and the problems it finds join the error's: those placed in the
 * tree's file (its weights, its settings: no value enters them), those of an option's value against the tree or the
 * data's years and units (`isOptionIssue`), and of the others only those that name a node (by `id`) that no unreadable
 * cell feeds (not its indicator, nor a group above it), as those would be the unreadable cell again.
 */
export async function rethrowWithMethodChecks(error: unknown, check: (tree: Tree, panel: Panel) => unknown): Promise<never> {
  if (!(error instanceof ValidationError) || !isReadInputs(error.partial)) throw error;
  const { tree, panel, unreadable } = error.partial;
  const fed = new Set<string>();
  for (const code of unreadable) {
    fed.add(INDEX_CODE);
    for (let node = tree.byCode.get(code); node; node = node.parent === null ? undefined : tree.byCode.get(node.parent)) fed.add(node.code);
  }
  let found: Issue[] = [];
  try {
    await check(tree, panel);
  } catch (caught) {
    if (caught instanceof ValidationError)
      found = caught.issues.filter(
        (issue) => (tree.source !== undefined && issue.source === tree.source) || isOptionIssue(issue) || (issue.id !== undefined && !fed.has(issue.id)),
      );
  }
  if (found.length === 0) throw error;
  throw new ValidationError([...error.issues, ...found]);
}

/**
 * Whether `issue` is about an option's value against the tree or the data's units and years (a base year absent from
 * the data, a level of --aggregate without groups), which the cells read or not do not change: its column is the
 * flag, or its code one of `OPTION_ISSUE_CODES`.
 */
function isOptionIssue(issue: Issue): boolean {
  return (typeof issue.column === "string" && issue.column.startsWith("--")) || OPTION_ISSUE_CODES.has(issue.code);
}

/** The problems of an option's value against the data's units and years, whose issue names no flag as its column. */
const OPTION_ISSUE_CODES = new Set(["E_BASE_YEAR_ABSENT", "E_UNKNOWN_REFERENCE_UNIT", "E_UNKNOWN_WEIGHT_YEAR", "E_UNKNOWN_WEIGHT_UNIT"]);

/**
 * `error` with the problems `check` finds besides, so that a check that stopped (the weighting) does not hide the
 * others' problems (the index's): each once, a problem both find (a missing value: the same code and place, and the
 * same words up to what each expects) as `error` says it.
 */
export async function joinChecks(error: ValidationError, check: () => unknown): Promise<ValidationError> {
  try {
    await check();
  } catch (caught) {
    if (!(caught instanceof ValidationError)) return error;
    const placeOf = (issue: Issue) => JSON.stringify([issue.code, issue.source, issue.line, issue.column, issue.id, issue.message.split(";")[0]]);
    const known = new Set(error.issues.map(placeOf));
    const more = caught.issues.filter((issue) => !known.has(placeOf(issue)));
    if (more.length > 0) return new ValidationError([...error.issues, ...more], error.heading);
  }
  return error;
}
