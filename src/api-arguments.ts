/**
 * The facade's checks of its arguments by their shape (`api.ts`): what `load`, `compute` and `analyse` give, told
 * apart from each other, from a Promise not awaited and from options; inputs, results, analyses and report appendix
 * items checked for what the core reads without checking, so that a wrong value is an `E_BAD_OPTION` naming it, never
 * a TypeError.
 */
import type { Contributions } from "./core/analysis/contributions.js";
import type { IndexResult } from "./core/compute.js";
import { describeValue, isObject, isOptionsObject, LISTED_ITEMS, OptionChecks, optionMessages } from "./core/option-checks.js";
import { joinMessages } from "./core/localize.js";
import { quote } from "./core/quote.js";
import { readerMessages } from "./core/reader-messages.js";
import { closestName } from "./core/suggest.js";
import type { Tree } from "./core/types.js";
import type { ColumnKind } from "./io/write/tables.js";
import { optionCalled } from "./library-names.js";

/**
 * The facade's checks: `OptionChecks` whose unknown option, when no option is spelt close to it, names the option it
 * stands for by another name (`optionCalled`): a command line flag's name (`weightYears` for `--weight-years`, which
 * is `weighting.years`), or another word for it (`normalization`, `lang`).
 */
export class FacadeChecks extends OptionChecks {
  protected override unknownKeyMessage(key: string, option: string | undefined, known: readonly string[]): string {
    const message = super.unknownKeyMessage(key, option, known);
    const called = closestName(key, known) !== undefined ? undefined : optionCalled(key, option, known);
    return called === undefined ? message : joinMessages(message, readerMessages.optionOtherName(called));
  }
}

/** What an argument of the facade is, by its shape: what `load`, `compute` or `analyse` gives, `load`'s paths, a Promise. */
export type ArgumentKind = "inputs" | "result" | "analysis" | "paths" | "promise";

/** How a message names an argument of each kind. */
export const ARGUMENT_KINDS: Record<ArgumentKind, string> = {
  inputs: "the inputs of load() ({ tree, panel })",
  result: "a result of compute() ({ units, years, nodes, values, ... })",
  analysis: "an analysis of analyse(result)",
  paths: "the paths load() reads ({ indicators, data })",
  promise: "a Promise",
};

/** The kind of `value`, if it is one of the facade's own values. */
export function kindOf(value: unknown): ArgumentKind | undefined {
  if ((typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function") return "promise";
  if (!isObject(value)) return undefined;
  if (isInputs(value)) return "inputs";
  if (isResult(value)) return "result";
  if (Array.isArray(value.contributions) && "growth" in value) return "analysis";
  if (typeof value.indicators === "string" && typeof value.data === "string") return "paths";
  return undefined;
}

/** Whether `value` is what `load` gives: a tree and a panel. */
export function isInputs(value: unknown): boolean {
  const { tree, panel } = isObject(value) ? value : {};
  const treeShaped = isObject(tree) && Array.isArray(tree.nodes) && Array.isArray(tree.indicators) && Array.isArray(tree.roots) && tree.byCode instanceof Map;
  return treeShaped && isPanel(panel);
}

/** Whether `value` is what `compute` gives. */
export function isResult(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.units) && Array.isArray(value.years) && Array.isArray(value.nodes) && isArrayLike(value.values);
}

/** Whether `value` is shaped as a panel: units, years and indicators in lists, values in an array or a typed array. */
export function isPanel(value: unknown): boolean {
  return isObject(value) && ["units", "years", "indicators"].every((field) => Array.isArray(value[field])) && isArrayLike(value.values);
}

/** Whether `value` is an array or a typed array (a panel's or a result's values). */
export function isArrayLike(value: unknown): boolean {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

/** The short name of an argument in a call written out: `compute(result, inputs)`. */
export function argumentName(value: unknown): string {
  const kind = kindOf(value);
  if (kind === "promise") return "a Promise";
  if (kind !== undefined) return kind;
  if (isObject(value)) return "options";
  return value === null ? "null" : typeof value === "string" ? quote(value) : typeof value;
}

/**
 * Checks the two arguments of `call(first, options)`: `first` is what `load` gives (`"inputs"`) or what `compute`
 * gives (`"result"`), `options` an object of options. A plain JavaScript call with the arguments swapped
 * (`report(inputs, result)`) is one `E_BAD_OPTION` saying so, not one "unknown option" per key of the other argument;
 * an argument of another kind (a result for the inputs, a Promise not awaited, the paths not yet loaded) is one naming
 * what it is. Returns whether `options` is an object whose keys are worth checking.
 */
export function checkArguments(checks: OptionChecks, call: string, expected: "inputs" | "result", first: unknown, options: unknown, example: string): boolean {
  const expectedFirst = expected === "inputs" ? "the result of load(): { tree, panel }" : "the result of compute(): { units, years, nodes, values, ... }";
  const firstKind = kindOf(first);
  if (firstKind !== expected && kindOf(options) === expected) {
    const given = `${call}(${argumentName(first)}, ${argumentName(options)})`;
    checks.fail("arguments", `the arguments look swapped: ${given}; expected ${call}(${expected}, options), ${expected === "inputs" ? "the inputs of load()" : "the result of compute()"} first`);
    return false;
  }
  if (firstKind !== expected) {
    const hint: Partial<Record<ArgumentKind, string>> = {
      promise: ` (await ${expected === "inputs" ? "load" : "compute"}(...) before passing it)`,
      paths: " (await load(paths) reads them)",
      inputs: " (compute(inputs) gives it)",
    };
    const found = firstKind === undefined ? undefined : `option ${expected} is ${ARGUMENT_KINDS[firstKind]}; expected ${expectedFirst}${hint[firstKind] ?? ""}`;
    // buildTree and buildPanel give { ok, value }: their outcome passed for its value.
    const outcomes = expected === "inputs" && isObject(first) ? (["tree", "panel"] as const).filter((name) => isObject(first[name]) && "ok" in first[name]) : [];
    const outcome =
      outcomes.length > 0
        ? `option inputs holds the outcome { ok, value } of ${outcomes.map((name) => (name === "tree" ? "buildTree" : "buildPanel")).join(" and ")}; expected the values: { tree: tree.value, panel: panel.value }, once ok is true`
        : undefined;
    // A result through JSON.stringify and JSON.parse: its Float64Array of values became an object of numbered keys.
    const readBack =
      expected === "result" && isObject(first) && ["units", "years", "nodes"].every((field) => Array.isArray(first[field])) && isObject(first.values) && !isArrayLike(first.values)
        ? `option result has its values as an object of numbered keys, as a result through JSON.stringify and JSON.parse has them (and NaN as null); expected ${expectedFirst} itself, its values a Float64Array: compute it again`
        : undefined;
    // A tree and a panel of another shape (its years an Int32Array, its values an object): the fields, named.
    const panelFields = expected === "inputs" && isObject(first) && !outcome ? badPanelFields(first) : [];
    if (found === undefined && outcome === undefined && panelFields.length > 0) for (const [field, value, wanted] of panelFields) checks.fail(field, optionMessages.notExpected(field, value, wanted));
    else checks.fail(expected, found ?? outcome ?? readBack ?? optionMessages.notExpected(expected, first, expectedFirst));
  } else if (expected === "inputs") checkInputs(checks, first as Record<string, unknown>);
  else checkResultShape(checks, first as Record<string, unknown>);
  return checkOptionsObject(checks, call, options, example);
}

/**
 * The fields of `inputs.panel` that keep it from being a panel, as `[name, value, what was expected]`, when
 * `inputs.tree` is a tree: nothing when the tree is not one (then the whole argument is named).
 */
function badPanelFields(inputs: Record<string, unknown>): [string, unknown, string][] {
  const { tree, panel } = inputs;
  if (!isObject(tree) || !Array.isArray(tree.nodes) || !Array.isArray(tree.indicators) || !(tree.byCode instanceof Map)) return [];
  if (!isObject(panel)) return [["panel", panel, "a panel { units, years, indicators, values }, as load() or buildPanel() gives it"]];
  const wanted: Record<string, string> = {
    units: "a list (an Array) of the units' names",
    years: "a list (an Array) of whole-number years",
    indicators: "a list (an Array) of the indicators' codes, in the tree's order",
  };
  const found: [string, unknown, string][] = Object.entries(wanted)
    .filter(([field]) => !Array.isArray(panel[field]))
    .map(([field, text]) => [`panel.${field}`, panel[field], `${text}${arrayFromHint(`panel.${field}`, panel[field])}`]);
  if (!isArrayLike(panel.values)) found.push(["panel.values", panel.values, "a Float64Array, or an array of numbers with null for a missing value"]);
  return found;
}

/**
 * How to make a list of `value`, given for `field` where a list was expected, when `Array.from` makes one: of a typed
 * array, a Set or another iterable (not a text, whose letters it would list, nor a Map, whose entries it would);
 * nothing for any other value.
 * @example arrayFromHint("panel.years", new Int32Array([2018])) // => " (Array.from(panel.years) makes one of a typed array)"
 */
function arrayFromHint(field: string, value: unknown): string {
  if (typeof value !== "object" || value === null || value instanceof Map || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") return "";
  const kind = ArrayBuffer.isView(value) ? "a typed array" : value instanceof Set ? "a Set" : "an iterable";
  return ` (Array.from(${field}) makes one of ${kind})`;
}

/**
 * Checks inputs shaped as `load` gives them, for what `computeIndex` reads without checking: the panel's indicators
 * are the tree's, in its order (a panel built for another tree, or from another `load`, would be read against the
 * wrong indicators), its units are texts and its years whole numbers, and `cwd` (where an AHP file is read from) is a
 * text.
 */
export function checkInputs(checks: OptionChecks, inputs: Record<string, unknown>): void {
  const tree = inputs.tree as Tree;
  const panel = inputs.panel as Record<string, unknown>;
  checks
    .text("cwd", inputs.cwd)
    .list("panel.units", panel.units, (unit) => typeof unit === "string", "a list of the units' names", { item: "a unit's name (a text)" })
    .list("panel.years", panel.years, Number.isInteger, "a list of years", { item: "a year, a whole number such as 2018", number: true });
  // Every reader gives the years in ascending order and each unit once: a panel made by hand otherwise would take its
  // first year as the base and measure growth in list order (2019 on 2020), or rank one unit twice.
  const years = Array.isArray(panel.years) ? (panel.years as unknown[]) : [];
  if (Array.isArray(panel.years) && years.length === 0) checks.fail("panel.years", "option panel.years is an empty list; expected the panel's years, at least one");
  if (Array.isArray(panel.units) && panel.units.length === 0) checks.fail("panel.units", "option panel.units is an empty list; expected the panel's units, at least one");
  const unordered = years.findIndex((year, i) => i > 0 && typeof year === "number" && typeof years[i - 1] === "number" && !(year > (years[i - 1] as number)));
  if (unordered > 0)
    checks.fail(
      `panel.years[${unordered}]`,
      `option panel.years holds ${describeValue(years[unordered])} after ${describeValue(years[unordered - 1])} (at ${unordered}); expected each year once, in ascending order, as load() and buildPanel() give them (panel.values follows that order)`,
    );
  const units = Array.isArray(panel.units) ? (panel.units as unknown[]) : [];
  const seen = new Map<unknown, number>();
  const twice = units.findIndex((unit, i) => seen.has(unit) || (seen.set(unit, i), false));
  if (twice >= 0)
    checks.fail(`panel.units[${twice}]`, `option panel.units holds ${describeValue(units[twice])} at ${seen.get(units[twice])} and ${twice}; expected each unit once`);
  if (!checkTreeShape(checks, tree)) return;
  const indicators = panel.indicators as unknown[];
  if (indicators.length === tree.indicators.length && indicators.every((code, i) => code === tree.indicators[i])) return;
  const inTree = new Set<unknown>(tree.indicators);
  const inPanel = new Set(indicators);
  const extra = indicators.filter((code) => !inTree.has(code));
  const absent = tree.indicators.filter((code) => !inPanel.has(code));
  const codes = (list: readonly unknown[]) => `${list.slice(0, 5).map(describeValue).join(", ")}${list.length > 5 ? `, … ${list.length} in all` : ""}`;
  const found = [
    extra.length > 0 ? `${codes(extra)}, not indicators of the tree` : "",
    absent.length > 0 ? `none for the tree's ${codes(absent)}` : "",
    extra.length === 0 && absent.length === 0 ? `the tree's indicators in another order (or some twice): ${codes(indicators)}` : "",
  ].filter((part) => part !== "");
  checks.fail(
    "panel.indicators",
    `option panel.indicators holds ${found.join(", and ")}; expected the tree's ${tree.indicators.length} indicators in its order (${codes(tree.indicators)}): a panel from the same load() as the tree, or buildPanel(tree, ...)`,
  );
}

/**
 * Checks a tree made by hand, or changed since `buildTree` made it: its nodes are objects with a code, it has
 * first-level nodes, and every code it lists (nodes, roots, indicators) has its node in `tree.nodes` and `byCode`.
 * Returns whether the tree is whole.
 */
export function checkTreeShape(checks: OptionChecks, tree: Tree): boolean {
  const before = checks.issues.length;
  const whole = "expected the tree of load() or buildTree()";
  const badNodes = tree.nodes.flatMap((node, n) => (isObject(node) && typeof node.code === "string" ? [] : [n]));
  for (const n of badNodes.slice(0, LISTED_ITEMS)) checks.fail(`tree.nodes[${n}]`, optionMessages.notExpected(`tree.nodes[${n}]`, tree.nodes[n], "a node { code, name, kind, ... } of buildTree()"));
  if (badNodes.length > 0) return false;
  if (tree.roots.length === 0) checks.fail("tree.roots", `option tree.roots is an empty list; ${whole}, whose roots are the codes of its first-level nodes`);
  const codes = new Set(tree.nodes.map((node) => node.code));
  const unknown = [...new Set([...tree.nodes.map((node) => node.code), ...tree.roots, ...tree.indicators])].filter((code) => !codes.has(code) || !tree.byCode.has(code));
  if (unknown.length > 0)
    checks.fail(
      "tree",
      `option tree lists ${unknown.slice(0, 5).map(describeValue).join(", ")}${unknown.length > 5 ? `, … ${unknown.length} in all,` : ""} without ${unknown.length === 1 ? "its node" : "their nodes"} in both tree.nodes and tree.byCode; ${whole}`,
    );
  return checks.issues.length === before;
}

/** The fields of a result of `compute` besides units, years, nodes and values, by what each is. */
const RESULT_FIELDS = {
  baseYear: "number",
  panel: "object",
  preparedPanel: "object",
  imputations: "list",
  treatments: "list",
  screened: "list",
  options: "object",
  weighting: "object",
  warnings: "list",
} satisfies Partial<Record<keyof IndexResult, "number" | "object" | "list">>;

/** The kinds of a result's node. */
const NODE_KINDS = ["index", "group", "indicator"] satisfies IndexResult["nodes"][number]["kind"][];

/**
 * Checks a result shaped as `compute` gives it (units, years, nodes and values), for what `analyse`, `audit` and
 * `report` read without checking: its other fields (`options`, `warnings`, ...), units that are texts and years whole
 * numbers, nodes with a code, a name, a kind and a parent, and a value for every node, unit and year.
 */
export function checkResultShape(checks: OptionChecks, result: Record<string, unknown>): void {
  const lacking = Object.entries(RESULT_FIELDS).filter(([field, kind]) => {
    const value = result[field];
    return kind === "number" ? typeof value !== "number" : kind === "list" ? !Array.isArray(value) : !isObject(value);
  });
  if (lacking.length > 0)
    checks.fail(
      "result",
      `option result has no ${lacking.map(([field, kind]) => `${field} (${kind === "list" ? "a list" : kind === "number" ? "a number" : "an object"})`).join(", ")}; expected the whole result of compute(), not a part or a copy of it`,
    );
  for (const field of ["panel", "preparedPanel"])
    if (isObject(result[field]) && !isPanel(result[field]))
      checks.fail(`result.${field}`, optionMessages.notExpected(`result.${field}`, result[field], "a panel { units, years, indicators, values }, as compute() gives it"));
  const isIssue = (issue: unknown) => isObject(issue) && typeof issue.code === "string" && typeof issue.message === "string";
  checks.list("result.warnings", result.warnings, isIssue, "a list of issues { code, message }", { item: "an issue { code, message }" });
  for (const field of ["imputations", "treatments", "screened"]) checks.list(`result.${field}`, result[field], isOptionsObject, `a list of objects, as compute() gives it`, { item: "an object" });
  const { units, years, nodes, values } = result as { units: unknown[]; years: unknown[]; nodes: unknown[]; values: ArrayLike<unknown> };
  checks
    .list("result.units", units, (unit) => typeof unit === "string", "a list of the units' names", { item: "a unit's name (a text)" })
    .list("result.years", years, Number.isInteger, "a list of years", { item: "a year, a whole number such as 2018", number: true });
  const badNodes = nodes.flatMap((node, n) => {
    const fine = isObject(node) && typeof node.code === "string" && typeof node.name === "string" && NODE_KINDS.includes(node.kind as never) && (node.parent === null || typeof node.parent === "string") && typeof node.weight === "number";
    return fine ? [] : [n];
  });
  for (const n of badNodes.slice(0, LISTED_ITEMS))
    checks.fail(`result.nodes[${n}]`, optionMessages.notExpected(`result.nodes[${n}]`, nodes[n], `a node { code, name, kind, parent, weight, level }, kind one of: ${NODE_KINDS.join(", ")}`));
  const size = nodes.length * units.length * years.length;
  if (values.length !== size)
    checks.fail("result.values", `option result.values holds ${values.length} values; expected nodes × units × years = ${nodes.length} × ${units.length} × ${years.length} = ${size}`);
}

/**
 * Checks that `options` of `call` is an object of options: not the inputs, a result or an analysis given in its place
 * (one issue naming what it is, not one per key). Returns whether its keys are worth checking.
 */
export function checkOptionsObject(checks: OptionChecks, call: string, options: unknown, example = "{ baseYear: 2017 }"): boolean {
  const kind = kindOf(options);
  if (kind !== undefined) {
    const hint = kind === "analysis" && call === "report" ? " (give it as { analysis })" : "";
    checks.fail("options", `option options is ${ARGUMENT_KINDS[kind]}; expected an object of options, e.g. ${example}${hint}`);
    return false;
  }
  checks.object("options", options, `an object of options, e.g. ${example}`);
  return isOptionsObject(options);
}

/** `E_BAD_OPTION` unless `result` is what `compute` gives, and `options` an object of options. */
export function checkResult(call: string, result: unknown, options: unknown, example: string): { checks: OptionChecks; keyed: boolean } {
  const checks = new FacadeChecks();
  const keyed = checkArguments(checks, call, "result", result, options, example);
  return { checks, keyed };
}

/**
 * Checks an analysis given to `report`: what `analyse(result)` gives for this result, not another object, nor the
 * analysis of another result (its contributions for other years, or of another size; the overall index's change in
 * them other than this result's).
 */
export function checkAnalysis(checks: OptionChecks, analysis: Record<string, unknown>, result: IndexResult): void {
  const expected = "the result of analyse(result), for this result";
  if (kindOf(analysis) !== "analysis") {
    checks.fail("analysis", optionMessages.notExpected("analysis", analysis, `${expected}: { growth, contributions, ranks }`));
    return;
  }
  const { units, years, nodes, values } = result;
  const pairs: [number, number][] = years.slice(1).map((year, i) => [years[i], year]);
  if (years.length > 2) pairs.push([years[0], years[years.length - 1]]);
  const contributions = analysis.contributions as Partial<Contributions>[];
  const yearsOf = (list: readonly { fromYear?: unknown; toYear?: unknown }[]) => list.map(({ fromYear, toYear }) => `${describeValue(fromYear)}-${describeValue(toYear)}`).join(", ") || "none";
  const samePairs = contributions.length === pairs.length && contributions.every((item, i) => item.fromYear === pairs[i][0] && item.toYear === pairs[i][1]);
  const sized = contributions.every((item) => isArrayLike(item.contribution) && (item.contribution as ArrayLike<number>).length === nodes.length * units.length);
  const ranked = (analysis.ranks === undefined) === (units.length < 2);
  // The overall index's contribution is its change (node 0, the overall index, first in the result).
  const sameChange =
    samePairs &&
    sized &&
    contributions.every((item) =>
      units.every((_, unit) => {
        const at = (year: number) => values[unit * years.length + years.indexOf(year)];
        const change = at(item.toYear!) - at(item.fromYear!);
        const given = item.contribution![unit];
        return (Number.isNaN(change) && Number.isNaN(given)) || Math.abs(change - given) <= 1e-9 * Math.max(1, Math.abs(change));
      }),
    );
  if (!samePairs)
    checks.fail("analysis", `option analysis has contributions for years ${yearsOf(contributions)}, where this result's years give ${yearsOf(pairs.map(([fromYear, toYear]) => ({ fromYear, toYear })))}; expected ${expected}`);
  else if (!sized || !ranked || !sameChange)
    checks.fail("analysis", `option analysis is the analysis of another result (${!sized || !ranked ? `of other units or nodes` : `the overall index changes otherwise`}); expected ${expected}`);
}

/**
 * Checks an item of `report`'s appendix: `{ title, table, empty? }`, `title` a text, `table` a table as the library's
 * tables are (`{ name, columns: [{ name, kind }], rows }`, each row a cell per column) or `undefined`, `empty` a text.
 */
export function checkAppendixItem(checks: OptionChecks, option: string, item: Record<string, unknown>): void {
  checks
    .keys(option, item, ["title", "table", "empty"])
    .required(`${option}.title`, item.title, "a text, the section's heading")
    .text(`${option}.title`, item.title)
    .text(`${option}.empty`, item.empty);
  const table = item.table;
  const tableShape = "a table { name, columns: [{ name, kind }], rows: [[cell, ...], ...] }, such as coverageTable(result) gives, or undefined";
  if (table === undefined) return;
  if (!isObject(table) || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    checks.fail(`${option}.table`, optionMessages.notExpected(`${option}.table`, table, tableShape));
    return;
  }
  const columns = table.columns as unknown[];
  checks.text(`${option}.table.name`, table.name);
  columns.forEach((column, c) => {
    const at = `${option}.table.columns[${c}]`;
    if (!isObject(column)) checks.fail(at, optionMessages.notExpected(at, column, `{ name, kind }, kind one of: ${COLUMN_KINDS.join(", ")}`));
    else checks.required(`${at}.name`, column.name, "a text, the column's heading").text(`${at}.name`, column.name).required(`${at}.kind`, column.kind, `one of: ${COLUMN_KINDS.join(", ")}`).choice(`${at}.kind`, column.kind, COLUMN_KINDS);
  });
  const isCell = (cell: unknown) => typeof cell === "string" || typeof cell === "number";
  const rowShape = `a list of ${columns.length} cells (texts or numbers), one per column`;
  const badRows = (table.rows as unknown[]).flatMap((row, r) => (Array.isArray(row) && row.length === columns.length && Array.from(row).every(isCell) ? [] : [r]));
  for (const r of badRows.slice(0, LISTED_ITEMS)) checks.fail(`${option}.table.rows[${r}]`, optionMessages.notExpected(`${option}.table.rows[${r}]`, (table.rows as unknown[])[r], rowShape));
  if (badRows.length > LISTED_ITEMS) checks.fail(`${option}.table.rows`, `option ${option}.table.rows has ${badRows.length - LISTED_ITEMS} more rows like those; expected each ${rowShape}`);
}

/** The kinds of a table's column. */
const COLUMN_KINDS = ["text", "number", "integer"] satisfies ColumnKind[];

