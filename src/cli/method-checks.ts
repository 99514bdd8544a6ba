/**
 * The method's checks on inputs that could be read only in part, so that one run of `validate` or `compute` lists a
 * missing base value beside a cell that is not a number, instead of only after that cell is fixed.
 */
import type { Panel } from "../core/panel.js";
import { INDEX_CODE, type Tree } from "../core/types.js";
import { ValidationError, type Issue } from "../errors.js";
import { isValuesRead, type ReadInputs, type ValuesRead } from "../io/read/load.js";
import { inReadOrder } from "../io/read/values-folder.js";

function isReadInputs(partial: unknown): partial is ReadInputs {
  return typeof partial === "object" && partial !== null && "tree" in partial && "panel" in partial && (partial as ReadInputs).unreadable instanceof Set;
}

/** A tree of no node: the tree the checks that need none run on. */
const NO_TREE: Tree = { nodes: [], roots: [], indicators: [], byCode: new Map() };

/**
 * Rethrows `error`, a `loadInputs` error. When it carries the inputs as far as they could be read (`ReadInputs`),
 * `check` (which may be async) runs on them first and the problems it finds join the error's: those placed in the
 * tree's file (its weights, its settings: no value enters them), those of an option's value against the tree or the
 * data's years and units (`isOptionIssue`), the judgement file's own (`isJudgementFileIssue`: they name no node), and
 * of the others those that name a node (by `id`) that no unreadable cell (nor value given twice) feeds (not its
 * indicator, nor a group above it), those of a node it feeds that do not depend on its value (another unit's, another
 * year's: found the same with another value in the cell, `unchangedBy`; when the cell is not placed in the panel, none),
 * and the unit-years, units and years without any value
 * (`EMPTY_CODES`, naming no node): a cell that could not be read counts as a value given (`withUnreadableGiven`), so
 * they are empty of themselves. An error of `check` that is not a `ValidationError` (a bug)
 * is thrown instead. When the tree was refused and the error carries the values' units and years (`ValuesRead`),
 * `checkWithoutTree` runs instead, and only the problems of options that need no tree join the tree's
 * (`rethrowWithTreeFreeChecks`).
 */
export async function rethrowWithMethodChecks(
  error: unknown,
  check: (tree: Tree, panel: Panel) => unknown,
  checkWithoutTree?: (tree: Tree, panel: Panel) => unknown,
): Promise<never> {
  if (error instanceof ValidationError && isValuesRead(error.partial) && checkWithoutTree) return rethrowWithTreeFreeChecks(error, error.partial, checkWithoutTree);
  if (!(error instanceof ValidationError) || !isReadInputs(error.partial)) throw error;
  const { tree, unreadable, leftOutUnitYears, withoutValues } = error.partial;
  const panel = withUnreadableGiven(error.partial);
  const doubtful = doubtfulCells(error.partial);
  // The nodes an unreadable cell or a value given twice feeds: those of a cell placed in the panel (`doubtful`), whose
  // problems are kept when they do not depend on its value (`unchangedBy`), and those of a cell not placed (none known),
  // as those of an indicator without any value read (`withoutValues`: no block to check, whatever its cells).
  const placed = new Set<string>();
  for (const cell of doubtful) {
    const code = panel.indicators[Math.floor(cell / (panel.units.length * panel.years.length))];
    if (!withoutValues?.has(code)) placed.add(code);
  }
  const [fed, unplaced] = [ancestorsOf(tree, placed), ancestorsOf(tree, [...unreadable].filter((code) => !placed.has(code)))];
  let found: Issue[] = [];
  let warnings: Issue[] | undefined;
  try {
    await check(tree, panel);
  } catch (caught) {
    // Only the problems the checks find are kept or left; any other error (a TypeError: a bug) is thrown on.
    if (!(caught instanceof ValidationError)) throw caught;
    // The warnings the checks found on the cells read (a unit's name mistyped on a few rows) come with their problems.
    warnings = caught.warnings;
    const fedIssues = new Set(caught.issues.filter((issue) => issue.id !== undefined && fed.has(issue.id) && !unplaced.has(issue.id)));
    const unchanged = fedIssues.size > 0 ? await unchangedBy(check, tree, panel, doubtful) : () => false;
    found = caught.issues.filter(
      (issue) =>
        (tree.source !== undefined && issue.source === tree.source) ||
        isOptionIssue(issue) ||
        isJudgementFileIssue(issue) ||
        (issue.id !== undefined && !fed.has(issue.id) && !unplaced.has(issue.id)) ||
        (fedIssues.has(issue) && unchanged(issue)) ||
        (EMPTY_CODES.has(issue.code) && !leftOutRowsEmpty(panel, leftOutUnitYears)),
    );
  }
  if (found.length === 0 && warnings === undefined) throw error;
  // The values of a folder: every problem in the order its files are read, then by line and column, the checks' as the
  // loading's (a zero base value in 2017.csv before a cell of 2018.csv that is not a number).
  const issues = [...error.issues, ...found];
  throw new ValidationError(error.partial.valuesFiles ? inReadOrder(issues, error.partial.valuesFiles) : issues, undefined, undefined, warnings);
}

/** The codes of `codes`' nodes and of every group above them, and the index's, when any. */
function ancestorsOf(tree: Tree, codes: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const code of codes) {
    found.add(INDEX_CODE);
    for (let node = tree.byCode.get(code); node; node = node.parent === null ? undefined : tree.byCode.get(node.parent)) found.add(node.code);
  }
  return found;
}

/** The panel's cells whose value is not known: those that could not be read, and those given twice with two values. */
function doubtfulCells(read: ReadInputs): Set<number> {
  return new Set([...(read.unreadableCells ?? []), ...(read.repeatedCells ?? [])]);
}

/**
 * Whether a problem the checks found on `panel` is found the same (code, place, node and words) when every `doubtful`
 * cell holds another value instead: one beyond every value of its indicator (twice the largest in size, plus 1), so
 * positive, other than the stand-in, and widening the indicator's range and moving its mean. A problem found both
 * times does not depend on those cells' values (another unit's, another year's of the same series when no base or
 * range it depends on is the cell's): kept. One that changes or goes (the cell's own, a base problem of the cell as
 * base, a constant indicator or a range, a mean, a score of a group above it) could be the cell's consequence: left out.
 * An error of `check` that is not a `ValidationError` (a bug) is thrown instead.
 */
async function unchangedBy(check: (tree: Tree, panel: Panel) => unknown, tree: Tree, panel: Panel, doubtful: ReadonlySet<number>): Promise<(issue: Issue) => boolean> {
  const size = panel.units.length * panel.years.length;
  const values = new Float64Array(panel.values);
  // The largest value of each block, found once per block.
  const largests = new Map<number, number>();
  for (const cell of doubtful) {
    const start = Math.floor(cell / size) * size;
    let largest = largests.get(start);
    if (largest === undefined) {
      largest = 0;
      for (let at = start; at < start + size; at++) if (Number.isFinite(panel.values[at])) largest = Math.max(largest, Math.abs(panel.values[at]));
      largests.set(start, largest);
    }
    values[cell] = Math.min(2 * largest + 1, Number.MAX_VALUE);
  }
  const keyOf = (issue: Issue) => JSON.stringify([issue.code, issue.source, issue.line, issue.column, issue.id, issue.message]);
  let again: Set<string>;
  try {
    await check(tree, { ...panel, values });
    again = new Set();
  } catch (caught) {
    if (!(caught instanceof ValidationError)) throw caught;
    again = new Set(caught.issues.map(keyOf));
  }
  return (issue) => again.has(keyOf(issue));
}

/** A unit-year, a unit or a year without any value: one problem each, naming no node (`imputePanel`). */
const EMPTY_CODES = new Set(["E_UNIT_YEAR_EMPTY", "E_UNIT_EMPTY", "E_YEAR_EMPTY"]);

/**
 * The panel of `read` with a value in each cell that could not be read (`unreadableCells`): a value was given there, so
 * its unit-year is not empty and the cell is no gap. The value stands in only for the checks, whose problems of the
 * cell's indicator and groups are left out unless found the same with another value there (`unchangedBy`; it is the
 * first value of its indicator read, so no range grows by it, or 1 where none was read). The block of an indicator
 * without any value read (`withoutValues`), whose problems are all left out, holds 1 too wherever its unit-year has
 * another value, so that the checks do not work out a gap and a missing base for each of its cells only to drop them
 * (a flood of 130,000 in a file of text cells); a unit-year without any value keeps none, and is reported empty.
 */
function withUnreadableGiven(read: ReadInputs): Panel {
  const { panel, unreadableCells, meantCells, withoutValues } = read;
  const emptyBlocks = withoutValues === undefined ? [] : panel.indicators.flatMap((code, i) => (withoutValues.has(code) ? [i] : []));
  if ((!unreadableCells || unreadableCells.size === 0) && (!meantCells || meantCells.size === 0) && emptyBlocks.length === 0) return panel;
  const values = new Float64Array(panel.values);
  // A cell a row of an unknown code meant (`meantCells`: x1 for X1) holds that row's number: the row gave it, so it is
  // neither a gap nor a base value missing, and the checks see the value the row will give once its code is fixed.
  for (const [cell, value] of meantCells ?? []) values[cell] = value;
  const size = panel.units.length * panel.years.length;
  // The first value of each indicator's block, found once per block (a flood of unreadable cells in one block would
  // otherwise search it once per cell).
  const firsts = new Map<number, number>();
  for (const cell of unreadableCells ?? []) {
    const start = Math.floor(cell / size) * size;
    let first = firsts.get(start);
    if (first === undefined) firsts.set(start, (first = values.subarray(start, start + size).find((value) => !Number.isNaN(value)) ?? 1));
    values[cell] = first;
  }
  if (emptyBlocks.length > 0) {
    // The unit-years with a value (a stand-in of an unreadable cell counts: a value was given there).
    const given = new Uint8Array(size);
    for (let i = 0; i < panel.indicators.length; i++) for (let cell = 0; cell < size; cell++) if (!Number.isNaN(values[i * size + cell])) given[cell] = 1;
    for (const i of emptyBlocks) for (let cell = 0; cell < size; cell++) if (given[cell] === 1 && Number.isNaN(values[i * size + cell])) values[i * size + cell] = 1;
  }
  return { ...panel, values };
}

/**
 * Whether a unit-year of a row left out (`leftOut`: an unknown code, a value of a group) has no value in `panel`: it
 * would be reported empty, while the row gave it a value, meant for an indicator under another code. The problems of empty
 * unit-years then wait for the rows to be fixed, all of them (a problem of a unit or a year names no unit-year).
 */
function leftOutRowsEmpty(panel: Panel, leftOut: ReadonlySet<number> | undefined): boolean {
  if (!leftOut || leftOut.size === 0) return false;
  const size = panel.units.length * panel.years.length;
  for (const unitYear of leftOut) {
    let empty = true;
    for (let i = 0; i < panel.indicators.length && empty; i++) if (!Number.isNaN(panel.values[i * size + unitYear])) empty = false;
    if (empty) return true;
  }
  return false;
}

/**
 * Rethrows `error`, a `loadInputs` error of a refused tree, with the problems of the options that need no tree: `check`
 * runs on a tree of no node and a panel of the values' units and years (`values`) without indicators, and of what it
 * finds only `TREE_FREE_CODES` are kept (a base year or a reference unit absent from the values, weight years or units
 * absent, an option out of its range, `weights: ahp` without judgements), the judgement file that cannot be read (its
 * column `--ahp`) and the problems of its own (`JUDGEMENT_FILE_CODES`); the checks against the tree (the weights of
 * each group, the levels of --aggregate, the judgements' groups) wait for it.
 * An error of `check` that is not a `ValidationError` (a bug) is thrown instead, not taken for "no problem".
 */
async function rethrowWithTreeFreeChecks(error: ValidationError, values: ValuesRead, check: (tree: Tree, panel: Panel) => unknown): Promise<never> {
  let found: Issue[] = [];
  try {
    await check(NO_TREE, { units: values.units, years: values.years, indicators: [], values: new Float64Array(0) });
  } catch (caught) {
    // Only the problems the checks find are kept or left; any other error (a TypeError: a bug) is thrown on.
    if (!(caught instanceof ValidationError)) throw caught;
    found = caught.issues.filter((issue) => TREE_FREE_CODES.has(issue.code) || isJudgementFileIssue(issue));
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

/**
 * The problems of an option's value against the data's units and years, and of a weighting that reads judgements none
 * were given for, whose issue names no flag as its column.
 */
const OPTION_ISSUE_CODES = new Set(["E_BASE_YEAR_ABSENT", "E_UNKNOWN_REFERENCE_UNIT", "E_UNKNOWN_WEIGHT_YEAR", "E_UNKNOWN_WEIGHT_UNIT", "E_AHP_NO_JUDGEMENTS"]);

/** The problems of options that no tree changes: those against the values' units and years, a value out of its range, a weighting without its judgements. */
const TREE_FREE_CODES = new Set([...OPTION_ISSUE_CODES, "E_BAD_OPTION"]);

/**
 * The problems of a judgement file of its own, found by its reader without the tree (`readAhpJudgements`): a column
 * missing, a YAML alias, an item that is no judgement, a value that is no positive number, a matrix whose diagonal is
 * not 1 or that is not reciprocal. No check on a tree of no node gives them.
 */
const JUDGEMENT_FILE_CODES = new Set(["E_MISSING_COLUMN", "E_YAML_ALIAS", "E_AHP_YAML_SHAPE", "E_AHP_BAD_VALUE", "E_AHP_DIAGONAL", "E_AHP_NOT_RECIPROCAL"]);

/**
 * Whether `issue` is the judgement file's: the file that cannot be read (its column `--ahp`) or a problem of its own
 * (`JUDGEMENT_FILE_CODES`), which no value read or not changes; kept beside a refused tree and beside an unreadable cell.
 */
function isJudgementFileIssue(issue: Issue): boolean {
  return JUDGEMENT_FILE_CODES.has(issue.code) || issue.column === "--ahp";
}

/**
 * `error` with the problems `check` finds besides, so that a check that stopped (the weighting) does not hide the
 * others' problems (the index's): each once, a problem both find (a missing value: the same code and place, and the
 * same words up to what each expects) as `error` says it. An error of `check` that is not a `ValidationError` (a bug)
 * is thrown instead, not taken for "no problem".
 */
export async function joinChecks(error: ValidationError, check: () => unknown): Promise<ValidationError> {
  try {
    await check();
  } catch (caught) {
    // Only the problems the check finds join; any other error (a TypeError: a bug) is thrown on.
    if (!(caught instanceof ValidationError)) throw caught;
    const placeOf = (issue: Issue) => JSON.stringify([issue.code, issue.source, issue.line, issue.column, issue.id, issue.message.split(";")[0]]);
    const known = new Set(error.issues.map(placeOf));
    const more = caught.issues.filter((issue) => !known.has(placeOf(issue)));
    // The warnings the check found before it stopped (a unit's name mistyped on a few rows) come too.
    if (more.length > 0 || caught.warnings) return new ValidationError([...error.issues, ...more], error.heading, undefined, [...(error.warnings ?? []), ...(caught.warnings ?? [])]);
  }
  return error;
}
