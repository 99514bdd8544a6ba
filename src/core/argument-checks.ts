/**
 * The checks of what a script gives `buildTree` and `buildPanel` (rows and records made in code: a data frame, rows
 * from a database): a value that is not a list of rows or records, a tree that is not one, or a record whose unit,
 * year or indicator is not of its kind is an `E_BAD_OPTION` issue naming it (`records[3].year`), with what was found
 * and what was expected, returned as `{ ok: false, issues }` as their other problems are: never a TypeError, nor a
 * panel that `compute` refuses later without naming the record.
 */
import type { Issue } from "../errors.js";
import { isObject, OptionChecks, optionMessages } from "./option-checks.js";

const ROWS = "a list of rows { line, code, parent, name, weight, direction }";
const RECORDS = "a list of records { unit, year, indicator, value }";

/** The problems of `buildTree`'s rows as an argument: not a list, or items that are not objects. */
export function treeRowsIssues(rows: unknown): Issue[] {
  return new OptionChecks().required("rows", rows, ROWS).list("rows", rows, isObject, ROWS, { item: "a row { line, code, parent, name, weight, direction }" }).issues;
}

/** The problems of `buildPanel`'s tree and records as arguments: a tree that is not one, records that are no list. */
export function panelArgumentIssues(tree: unknown, records: unknown): Issue[] {
  const checks = new OptionChecks();
  const treeShaped = isObject(tree) && Array.isArray(tree.indicators) && tree.byCode instanceof Map;
  if (!treeShaped)
    checks.fail(
      "tree",
      isObject(tree) && "ok" in tree
        ? "option tree is the outcome { ok, value } of buildTree(rows); expected its value, tree.value, once ok is true"
        : optionMessages.notExpected("tree", tree, "the tree of buildTree(rows).value or load()"),
    );
  if (!Array.isArray(records)) checks.fail("records", optionMessages.notExpected("records", records, RECORDS));
  return checks.issues;
}

const NONE: readonly Issue[] = [];

/**
 * The problems of `records[index]` as a record: not an object, a unit that is not a text, a year that is not a whole
 * number (a text such as "2018" included), an indicator that is not a text. Its value is checked by `buildPanel`.
 */
export function recordIssues(record: unknown, index: number): readonly Issue[] {
  // The common case first, without a call: an array has no unit.
  const given = record as Partial<Record<"unit" | "year" | "indicator", unknown>> | null;
  if (typeof given === "object" && given !== null && typeof given.unit === "string" && Number.isInteger(given.year) && typeof given.indicator === "string") return NONE;
  const at = `records[${index}]`;
  if (!isObject(record)) return new OptionChecks().fail(at, optionMessages.notExpected(at, record, "a record { unit, year, indicator, value }")).issues;
  const checks = new OptionChecks();
  if (typeof record.unit !== "string") checks.fail(`${at}.unit`, optionMessages.notExpected(`${at}.unit`, record.unit, "a unit's name (a text)"));
  if (!Number.isInteger(record.year)) checks.fail(`${at}.year`, optionMessages.notANumber(`${at}.year`, record.year, "a year, a whole number such as 2018"));
  if (typeof record.indicator !== "string") checks.fail(`${at}.indicator`, optionMessages.notExpected(`${at}.indicator`, record.indicator, "an indicator's code (a text)"));
  return checks.issues;
}
