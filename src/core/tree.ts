/**
 * The indicator tree: building it from rows and validating it in one pass.
 * Leaves are indicators, inner nodes are groups; first-level nodes hang under the overall index (`INDEX`).
 */
import type { Issue, Validated } from "../errors.js";
import { treeRowsIssues } from "./argument-checks.js";
import { limitMessages } from "./limit-messages.js";
import { messages } from "./messages.js";
import { decimalMarkProblem, parseNumber, toHalfWidth, type DecimalMark } from "./number.js";
import { closestName } from "./suggest.js";
import { INDEX_CODE, type Direction, type GroupNode, type Tree, type TreeNode } from "./types.js";

/** The most levels a tree may have below the overall index (the indices in use have three or four). */
export const MAX_TREE_DEPTH = 50;

/** One row of a tree file, as text; `line` is 1-based in `source`. */
export interface TreeRow {
  line?: number;
  code: string;
  parent: string;
  name: string;
  nameEn?: string;
  weight: string;
  direction: string;
  measure?: string;
  description?: string;
  source?: string;
  attributes?: Record<string, string>;
  /**
   * The decimal mark of the weight, for a row of a table: `,` in a `;`-separated file or with `--decimal ,` (`0,3` is
   * 0.3), `.` for a workbook cell that held a number. Given, a weight that reads with the other mark only is refused
   * with a hint at the decimal mark. Default `.`, without the hint (a YAML tree, rows made in code).
   */
  decimal?: DecimalMark;
  /**
   * The header's words and cell places of this row's own columns, which its problems name instead of the tree's
   * (`buildTree`'s `columnNames`): of a row read from a tree with level columns, whose groups' codes and weights stand
   * in their level's columns (一级权重), not in the indicators'.
   */
  columns?: TreeColumnNames;
}

const DIRECTION_WORDS: Record<string, Direction> = {
  "+": "positive",
  "1": "positive",
  "+1": "positive",
  positive: "positive",
  pos: "positive",
  正向: "positive",
  正: "positive",
  "-": "negative",
  "−": "negative",
  "-1": "negative",
  negative: "negative",
  neg: "negative",
  逆向: "negative",
  负向: "negative",
  反向: "negative",
  逆: "negative",
  负: "negative",
  反: "negative",
  // As a table of indicators labels them (指标属性: 正向指标).
  正向指标: "positive",
  逆向指标: "negative",
  负向指标: "negative",
  反向指标: "negative",
};

/**
 * Reads a direction word (`+`, `-`, `positive`, `negative`, `正向`, `逆向`/`负向`/`反向`, `1`, `-1`, ...), also in
 * full-width forms (`＋`, `－`, `－１`, as a Chinese input method types them); `undefined` if it is none.
 */
export function parseDirection(text: string): Direction | undefined {
  return DIRECTION_WORDS[toHalfWidth(text).trim().toLowerCase()];
}

/**
 * The words a tree file's header uses for the columns that `buildTree`'s problems name (`权重` for `weight`, `id` for
 * `code`, ...): the issues' `column` and the messages that quote a column give them as written in the file. A column
 * left out is named by its key (`code`, `parent`, `weight`, `direction`), as in a YAML tree.
 */
export type TreeColumnNames = Partial<Record<TreeColumnKey, string>> & {
  /**
   * The 1-based places of a table's weight, direction and parent columns: the problems of one cell (a weight that is
   * no number or is negative, a bad or missing direction, a parent that makes a cycle) then give it as their `column`,
   * printed `file:line:column` as the values' cells are.
   */
  cells?: Partial<Record<"code" | "parent" | "weight" | "direction", number>>;
};

/** The columns of a tree that its problems name. */
type TreeColumnKey = "code" | "parent" | "weight" | "direction";

/** The problems of a row's weight or direction, which leave the tree's codes and structure as they are. */
export const TREE_FIELD_ISSUES: ReadonlySet<string> = new Set(["E_BAD_WEIGHT", "E_NEGATIVE_WEIGHT", "E_BAD_DIRECTION", "E_MISSING_DIRECTION", "E_MIXED_WEIGHTS", "E_WEIGHTS_PERCENT_MIXED"]);

/**
 * Builds and validates a tree from its rows, collecting every problem: empty or duplicate codes, unknown parents,
 * cycles, leaves without a direction, weights that are not numbers >= 0, siblings that mix given and empty weights.
 * A refused tree is given as `partial` beside its problems, as far as it was built: every row with a code is a node
 * (the first of a duplicate code; rows in a cycle or under an unknown parent too), a group when another row names it as
 * parent. When the only problems are weights and directions (`TREE_FIELD_ISSUES`), its structure is the one meant.
 * `columnNames` gives the header's words for the columns the problems name (a CSV tree headed `代码,上级,...`).
 * Rows that are not a list of objects (`null`, a text, a list holding `null`) are refused as `E_BAD_OPTION` issues
 * naming them (`rows[2]`), not read.
 */
export function buildTree(given: readonly TreeRow[], source?: string, columnNames: TreeColumnNames = {}): Validated<Tree> {
  // Rows made in code: a list of objects, or an issue naming what was given instead (core/argument-checks.ts).
  const refused = treeRowsIssues(given);
  if (refused.length > 0) return { ok: false, issues: refused, warnings: [] };
  // Rows made in code may hold numbers (a weight of 0.5) or leave a field out: each is taken as the text it stands for.
  const allRows = given.map(textRow);
  const issues: Issue[] = [];
  // A root row (code INDEX, no parent) names the overall index; the first-level nodes may then give INDEX as parent.
  const rootRow = allRows.find((row) => row.code === INDEX_CODE && !row.parent);
  const rows = rootRow ? allRows.filter((row) => row !== rootRow) : allRows;
  const columnOf = (key: TreeColumnKey, row?: TreeRow) => row?.columns?.[key] ?? columnNames[key] ?? key;
  // A row with columns of its own (a tree with level columns) names its code's cell by its place when it has one.
  const at = (row: TreeRow, code: string, message: string, column?: TreeColumnKey): Issue => ({
    code,
    message,
    source,
    line: row.line,
    column: column === undefined ? undefined : column === "code" && row.columns?.cells?.code !== undefined ? row.columns.cells.code : columnOf(column, row),
    id: row.code || undefined,
  });
  // The problems of one cell name its place in a table (`file:line:column`), else its column's word.
  const atCell = (row: TreeRow, code: string, message: string, column: "parent" | "weight" | "direction"): Issue => ({
    ...at(row, code, message, column),
    column: (row.columns ? row.columns.cells?.[column] : columnNames.cells?.[column]) ?? columnOf(column, row),
  });

  const firstRow = new Map<string, TreeRow>();
  for (const row of rows) {
    if (!row.code) issues.push(at(row, "E_EMPTY_CODE", messages.emptyCode(columnOf("code", row)), "code"));
    else if (row.code === INDEX_CODE) issues.push(at(row, "E_RESERVED_CODE", messages.reservedCode(row.code), "code"));
    else if (firstRow.has(row.code))
      issues.push(at(row, "E_DUPLICATE_CODE", messages.duplicateCode(row.code, firstRow.get(row.code)!.line), "code"));
    else firstRow.set(row.code, row);
  }
  if (rows.length === 0) issues.push({ code: "E_EMPTY_TREE", message: messages.emptyTree(), source });

  const children = new Map<string, string[]>();
  const roots: string[] = [];
  // A row INDEX with a parent was reported as a reserved code, whose message says to empty its parent: the rows
  // under it are not told again that their parent "INDEX" is unknown.
  const reservedIndexRow = rows.some((row) => row.code === INDEX_CODE);
  const orphans: TreeRow[] = [];
  for (const [code, row] of firstRow) {
    if (!row.parent || (rootRow && row.parent === INDEX_CODE)) roots.push(code);
    else if (row.parent === code) issues.push(atCell(row, "E_TREE_CYCLE", messages.selfParent(code), "parent"));
    else if (!firstRow.has(row.parent)) {
      if (!(reservedIndexRow && row.parent === INDEX_CODE)) orphans.push(row);
    } else {
      const list = children.get(row.parent) ?? [];
      list.push(code);
      children.set(row.parent, list);
    }
  }
  // A parent that is no code is most often a group's code mistyped in one of the two places: the group's own row then
  // has no children and no direction. Such a row is named as the likely fix, and is not also told that it has no
  // direction (the run after the fix says so, were it an indicator after all).
  const childless = [...firstRow.values()].filter((row) => !children.has(row.code) && !row.direction.trim() && row.parent !== row.code).map((row) => row.code);
  const mistyped = new Set<string>();
  for (const row of orphans) {
    const near = closestName(row.parent, childless);
    if (near !== undefined) mistyped.add(near);
    issues.push(atCell(row, "E_UNKNOWN_PARENT", messages.unknownParent(row.parent, near, columnOf("code")), "parent"));
  }

  // Depth-first from the roots, from a stack rather than by recursion (a chain of thousands of parents cannot overflow
  // the call stack); whatever is not reached hangs in a cycle. A node deeper than MAX_TREE_DEPTH is reported once per
  // branch, at the first level too deep.
  const order: string[] = [];
  const level = new Map<string, number>();
  const stack: [string, number][] = roots.map((root) => [root, 1] as [string, number]).reverse();
  while (stack.length > 0) {
    const [code, depth] = stack.pop()!;
    level.set(code, depth);
    order.push(code);
    if (depth === MAX_TREE_DEPTH + 1) issues.push(atCell(firstRow.get(code)!, "E_TREE_TOO_DEEP", limitMessages.treeTooDeep(code, depth, MAX_TREE_DEPTH), "parent"));
    const kids = children.get(code) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  // A node that is its own parent was reported as such above, not again as a cycle of one.
  const reported = new Set<string>([...firstRow].filter(([code, row]) => row.parent === code).map(([code]) => code));
  // Each unreached node's chain of parents is followed once (a set, not a list search: thousands of nodes may hang
  // below one cycle).
  const followed = new Set<string>();
  for (const [code, row] of firstRow) {
    if (level.has(code) || followed.has(code) || !firstRow.has(row.parent) || row.parent === code) continue;
    const path = [code];
    const onPath = new Set(path);
    let cursor = row.parent;
    while (!onPath.has(cursor) && !followed.has(cursor) && firstRow.has(cursor)) {
      path.push(cursor);
      onPath.add(cursor);
      cursor = firstRow.get(cursor)!.parent;
    }
    for (const member of path) followed.add(member);
    if (!onPath.has(cursor)) continue; // leads into an unknown parent (reported above) or a chain followed before
    const cycle = path.slice(path.indexOf(cursor));
    if (cycle.some((member) => reported.has(member))) continue;
    cycle.forEach((member) => reported.add(member));
    issues.push(atCell(firstRow.get(cursor)!, "E_TREE_CYCLE", messages.treeCycle([...cycle, cursor]), "parent"));
  }

  const nodes: TreeNode[] = [];
  // The rows no root reaches (under an unknown parent, in a cycle) are checked too, so that their weight and direction
  // problems are reported with the parent's, not after it is fixed; the tree is refused then anyway.
  const unreached = [...firstRow.keys()].filter((code) => !level.has(code));
  for (const code of [...order, ...unreached]) {
    const row = firstRow.get(code)!;
    const weightText = row.weight.trim();
    let weight = Number.NaN;
    if (weightText !== "") {
      const parsed = parseNumber(weightText, row.decimal);
      if (parsed === undefined || Number.isNaN(parsed)) {
        // In a table, a weight that only the other decimal mark reads (0,3 read with a point) says so.
        const problem = row.decimal === undefined || parsed !== undefined ? undefined : decimalMarkProblem(weightText, row.decimal);
        const mark = problem === "comma" || problem === "ambiguous" ? problem : undefined;
        issues.push(atCell(row, "E_BAD_WEIGHT", messages.badWeight(code, row.weight, mark), "weight"));
      } else if (parsed < 0) issues.push(atCell(row, "E_NEGATIVE_WEIGHT", messages.negativeWeight(code, row.weight), "weight"));
      else weight = parsed;
    }
    const base = {
      code,
      parent: row.parent && !(rootRow && row.parent === INDEX_CODE) ? row.parent : null,
      name: row.name || code,
      nameEn: row.nameEn || undefined,
      weight,
      measure: row.measure || undefined,
      description: row.description || undefined,
      source: row.source || undefined,
      level: level.get(code)!,
      line: row.line,
      attributes: row.attributes ?? {},
    };
    const kids = children.get(code);
    if (kids) {
      // A group's direction is optional: "-" flips its value before its parent aggregates it (see group-direction.ts).
      const groupDirectionText = row.direction.trim();
      const groupDirection = groupDirectionText ? parseDirection(groupDirectionText) : undefined;
      if (groupDirectionText && !groupDirection) issues.push(atCell(row, "E_BAD_DIRECTION", messages.badDirection(code, row.direction), "direction"));
      nodes.push({ ...base, kind: "group", children: kids, ...(groupDirection === "negative" ? { direction: "negative" as const } : {}) });
      continue;
    }
    const directionText = row.direction.trim();
    const direction = parseDirection(directionText);
    // A node that is its own parent is a leaf here only because that link was dropped, and such a row is most often a
    // group's (its code copied into the parent cell), which needs no direction: its one problem is its parent. Were it
    // an indicator after all, the run after the fix says it has no direction.
    if (!directionText) {
      if (row.parent !== code && !mistyped.has(code)) issues.push(atCell(row, "E_MISSING_DIRECTION", messages.missingDirection(code), "direction"));
    } else if (!direction) issues.push(atCell(row, "E_BAD_DIRECTION", messages.badDirection(code, row.direction), "direction"));
    nodes.push({ ...base, kind: "indicator", direction: direction ?? "positive" });
  }

  // Siblings either all carry a weight or all leave it empty (equal weights).
  const byCode = new Map(nodes.map((node) => [node.code, node] as const));
  for (const [parent, siblings] of [[INDEX_CODE, roots] as const, ...children]) {
    const given = siblings.filter((code) => byCode.has(code) && firstRow.get(code)!.weight.trim() !== "");
    const empty = siblings.filter((code) => byCode.has(code) && firstRow.get(code)!.weight.trim() === "");
    if (given.length > 0 && empty.length > 0)
      issues.push(at(firstRow.get(empty[0])!, "E_MIXED_WEIGHTS", messages.mixedWeights(parent, given, empty, byCode.get(parent)?.name), "weight"));
    // Weights with a percent sign (or formatted as percentages in Excel) beside plain ones: 60% reads as 60, so beside
    // 0.4 it would take 99% of the weight. Siblings that sum to 100 either way (60% and 40) are shares as written.
    const written = given.map((code) => ({ code, text: firstRow.get(code)!.weight.trim(), weight: byCode.get(code)!.weight }));
    const percent = written.filter(({ text, weight }) => weight > 0 && /[%％][\s\u00a0\u3000]*$/.test(text));
    const plain = written.filter(({ text, weight }) => weight > 0 && !/[%％][\s\u00a0\u3000]*$/.test(text));
    const sum = written.reduce((total, { weight }) => total + (Number.isNaN(weight) ? 0 : weight), 0);
    if (percent.length > 0 && plain.length > 0 && Math.abs(sum - 100) > 1e-7)
      issues.push(at(firstRow.get(plain[0].code)!, "E_WEIGHTS_PERCENT_MIXED", messages.weightsPercentMixed(parent, percent, plain, byCode.get(parent)?.name), "weight"));
  }

  const indicators = nodes.filter((node) => node.kind === "indicator").map((node) => node.code);
  const indexName = rootRow ? { indexName: rootRow.name || undefined, indexNameEn: rootRow.nameEn || undefined } : {};
  const tree: Tree = { nodes, roots, indicators, byCode, source, ...indexName };
  // The tree as built is still given as `partial`, so that the values' codes can be checked against it in the same run.
  if (issues.length > 0) return { ok: false, issues, warnings: [], ...(nodes.length > 0 ? { partial: tree } : {}) };
  return { ok: true, value: tree, warnings: [] };
}

/** `row` with its text fields as texts: a number as `String` writes it, a field left out (or null) as "". */
function textRow(row: TreeRow): TreeRow {
  const text = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : String(value));
  if ([row.code, row.parent, row.name, row.weight, row.direction].every((value) => typeof value === "string")) return row;
  return { ...row, code: text(row.code), parent: text(row.parent), name: text(row.name), weight: text(row.weight), direction: text(row.direction) };
}

/** The children of a node, with `INDEX` standing for the overall index. */
export function childrenOf(tree: Tree, code: string): readonly string[] {
  if (code === INDEX_CODE) return tree.roots;
  const node = tree.byCode.get(code);
  return node?.kind === "group" ? node.children : [];
}

/** The groups of the tree, children before parents (the order of aggregation), ending with none of the leaves. */
export function groupsBottomUp(tree: Tree): GroupNode[] {
  return tree.nodes.filter((node): node is GroupNode => node.kind === "group").reverse();
}

/** The depth of the tree: 1 for a flat list of indicators. */
export function treeDepth(tree: Tree): number {
  return tree.nodes.reduce((depth, node) => Math.max(depth, node.level), 0);
}
