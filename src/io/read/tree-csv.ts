/**
 * The indicator tree as CSV: one row per node, columns `code,parent,name,weight,direction` and optional
 * `name_en,unit,description,source`; any further column (`normalise`, `min`, `max`, `target`, ...) is kept as a
 * per-node attribute for the methods that read it.
 */
import { ValidationError, type Issue } from "../../errors.js";
import { limitMessages } from "../../core/limit-messages.js";
import { closestName } from "../../core/suggest.js";
import { messages } from "../../core/messages.js";
import { treeLevelMessages } from "../../core/tree-level-messages.js";
import { INDICATOR_SETTINGS } from "../../core/normalize/plan.js";
import { parseNumber, type DecimalMark } from "../../core/number.js";
import { buildTree, type TreeRow } from "../../core/tree.js";
import type { Tree } from "../../core/types.js";
import { parseCsv, type CsvRow, type CsvTable } from "../csv.js";
import { extraFields, findColumns, normalizeColumnName } from "./columns.js";
import { decimalOf } from "./data-csv.js";
import { readText } from "./read-text.js";
import { findLevelLayout } from "./tree-level-columns.js";
import { levelTreeRows, mergedAcrossColumns } from "./tree-levels.js";

const TREE_COLUMNS = {
  code: ["id", "icode", "代码", "编码", "指标代码"],
  parent: ["parent_code", "上级", "上级代码", "父级"],
  name: ["名称", "指标名称", "指标", "iname"],
  name_en: ["english_name", "name_english", "英文名称"],
  weight: ["权重"],
  direction: ["polarity", "方向", "属性", "指标属性"],
  unit: ["measure", "单位", "计量单位"],
  description: ["说明", "解释", "definition"],
  source: ["来源", "数据来源"],
} as const;
const REQUIRED = ["code", "parent", "name", "weight", "direction"] as const;

/**
 * The per-node settings a tree may carry besides its columns (normalised names, see `normalizeColumnName`), and the
 * columns the tool writes itself (`level`, `global_weight` in a weights file). A column or YAML key that is none of
 * these and none of the tree columns is refused (with the closest known name), so that a misspelt `wieght` is not
 * silently ignored; people's own columns start with `x_` or `note` (`notes`, `备注` also pass).
 */
export const TREE_SETTINGS = [
  ...INDICATOR_SETTINGS,
  "aggregate",
  "aggregation",
  "missing",
  "outliers",
  "zero_base",
  "formula",
  "sql",
  "level",
  "global_weight",
  "comment",
  "remark",
  "remarks",
  "备注",
  "序号",
] as const;

/** Every name a tree column or key may have (canonical names, their aliases and the settings), for suggestions. */
export const TREE_NAMES: readonly string[] = [...Object.entries(TREE_COLUMNS).flatMap(([key, aliases]) => [key, ...aliases]), ...TREE_SETTINGS];

/** Whether a (normalised) column or key name is one the tree knows or a person's own (`x_...`, `note...`). */
export function isKnownTreeName(name: string): boolean {
  return TREE_NAMES.includes(name) || name.startsWith("x_") || name.startsWith("note");
}

/** The closest known name to an unknown one (canonical names only, so that the suggestion is the usual spelling). */
export function suggestTreeName(name: string): string | undefined {
  return closestName(name, [...Object.keys(TREE_COLUMNS), ...TREE_SETTINGS]);
}

/** How a tree table is read. */
export interface TreeTableOptions {
  /**
   * The decimal mark of the weights (`--decimal`). Default: `,` in a `;`-separated CSV file (`0,3` is 0.3, as a
   * European Excel saves it; unless every weight reads with a point only, `0.25`), else `.`.
   */
  decimal?: DecimalMark;
}

/**
 * Parses a tree CSV into validated rows; every problem is collected: missing columns stop the reading there (with the
 * unknown columns), an unknown column does not (its row problems are reported with it).
 */
export function parseTreeCsv(text: string, source: string, options: TreeTableOptions = {}): Tree {
  return parseTreeTable(parseCsv(text, source), source, options);
}

/**
 * The decimal mark of a tree table's weights: the one asked for (`--decimal`), else, as for values (`decimalOf`), `,`
 * in a `;`-separated file and `.` in others; but the other mark when some weight reads only with it and every weight
 * does. Weights are few and below 1 as a rule, so `0,3` and `0.3` tell the mark: a tree written with points beside
 * values written with commas (`--decimal ,`, a workbook's text cells), or a `;`-separated tree written with points, is
 * read as written.
 */
function weightDecimal(table: CsvTable, weightColumns: readonly number[], decimal: DecimalMark | undefined): DecimalMark {
  const mark = decimalOf(table, decimal);
  const weights = weightColumns.flatMap((column) => (column < 0 ? [] : table.rows.map((row) => (row.cells[column] ?? "").trim()))).filter((text) => text !== "");
  const readWith = (candidate: DecimalMark) => weights.every((text) => parseNumber(text, candidate) !== undefined);
  const other: DecimalMark = mark === "," ? "." : ",";
  return !readWith(mark) && readWith(other) ? other : mark;
}

/**
 * Parses a tree table (from a CSV file or a workbook sheet), like `parseTreeCsv`. A table with level columns
 * (`一级指标,二级指标,三级指标`, one row per indicator) is read into the same rows first (see tree-levels.ts).
 */
export function parseTreeTable(table: CsvTable, source: string, options: TreeTableOptions = {}): Tree {
  const columns = findColumns(table.header, TREE_COLUMNS);
  const weightNames: readonly string[] = ["weight", ...TREE_COLUMNS.weight];
  const plainWeights = table.header.flatMap((name, index) => (weightNames.includes(normalizeColumnName(name)) ? [index] : []));
  const layout = findLevelLayout(table, source, columns, plainWeights);
  // A workbook's cells merged across columns, in a tree with level columns (see `mergedAcrossColumns`). In the header,
  // the columns after a range's first have no name of their own, so which column holds what is not known: the merge
  // alone is reported, not the header's problems it makes (a level missing, a column twice), and the rows are not read.
  const merged = layout ? mergedAcrossColumns(table) : [];
  const headerMerged = merged.filter(({ line }) => line === table.headerLine);
  if (headerMerged.length > 0)
    throw new ValidationError(
      headerMerged.map(({ range, line, index, right }) => ({
        code: "E_TREE_MERGED",
        message: treeLevelMessages.headerCellsMerged(range, table.header[index].trim(), right - index + 1),
        source,
        line,
        column: index + 1,
      })),
    );
  const rowsMerged = merged.filter(({ line }) => line !== table.headerLine);
  // With level columns, the groups and the indicators' codes and names are in them: only a direction is required.
  const required: readonly (typeof REQUIRED)[number][] = layout ? ["direction"] : REQUIRED;
  const issues: Issue[] = [...(layout?.issues ?? []), ...required.filter((key) => columns[key] < 0 && !(key === "name" && columns.name_en >= 0)).map((key) => ({
    code: "E_MISSING_COLUMN",
    message: messages.missingColumn(key, table.header),
    source,
    line: table.headerLine,
    column: key,
  }))];
  const known = new Set([...Object.values(columns).filter((index) => index >= 0), ...(layout?.columns ?? [])]);
  const unknownColumns: Issue[] = [];
  table.header.forEach((name, index) => {
    const normalized = normalizeColumnName(name);
    if (known.has(index) || normalized === "" || isKnownTreeName(normalized)) return;
    unknownColumns.push({
      code: "E_UNKNOWN_COLUMN",
      message: limitMessages.unknownTreeColumn(name, suggestTreeName(normalized)),
      source,
      line: table.headerLine,
      column: name,
    });
  });
  // Without a column the rows cannot be checked; with an unknown one (a misspelt `wieght`) they still are, so that
  // their problems are reported with it, not on the run after its fix. Without the weight column alone (misspelt, or
  // left out), the rows are read as if their weights were empty: their codes, parents and directions are checked too.
  const weightOnly = issues.length === 1 && issues[0].code === "E_MISSING_COLUMN" && issues[0].column === "weight";
  if (issues.length > 0 && !weightOnly) throw new ValidationError([...issues, ...unknownColumns]);
  const missingWeight = weightOnly ? issues : [];
  const decimal = weightDecimal(table, layout ? layout.weightColumns : [columns.weight], options.decimal);
  const cell = (cells: string[], index: number) => (index >= 0 ? (cells[index] ?? "") : "");
  const rowOf = ({ line, cells, numeric }: CsvRow): TreeRow => {
    const attributes: Record<string, string> = {};
    table.header.forEach((name, index) => {
      if (!known.has(index) && cells[index]) attributes[normalizeColumnName(name)] = cells[index];
    });
    return {
      line,
      code: cell(cells, columns.code),
      parent: cell(cells, columns.parent),
      name: cell(cells, columns.name) || cell(cells, columns.name_en),
      nameEn: cell(cells, columns.name_en),
      weight: cell(cells, columns.weight),
      direction: cell(cells, columns.direction),
      measure: cell(cells, columns.unit),
      description: cell(cells, columns.description),
      source: cell(cells, columns.source),
      attributes,
      // A workbook cell that held a number is written with a decimal point, whatever the mark of the text cells.
      decimal: numeric?.[columns.weight] ? "." : decimal,
    };
  };
  const levels = layout ? levelTreeRows(table, source, layout, { decimal, direction: columns.direction, leafRow: rowOf, merged: rowsMerged }) : undefined;
  const rows: TreeRow[] = levels ? levels.rows : table.rows.map(rowOf);
  // A row with more fields than the header (a weight 0,25 or a name with an unquoted comma) has its cells in the
  // wrong columns: refused, with the tree's own problems.
  const fieldIssues = table.rows.flatMap(({ line, cells }) => extraFields(cells, table, source, line) ?? []);
  // The problems name the columns as the header writes them (权重, not weight).
  const headerWord = (index: number) => (index >= 0 ? table.header[index].trim() : undefined);
  const built = buildTree(rows, source, {
    code: headerWord(columns.code),
    parent: headerWord(columns.parent),
    weight: headerWord(columns.weight),
    direction: headerWord(columns.direction),
    // The problems of a weight, a direction or a parent cell give its place, file:line:column.
    cells: { weight: columns.weight + 1, direction: columns.direction + 1, parent: columns.parent + 1 },
  });
  // A cell of a range merged across columns other than its first shows the first's text, not its own (refused as the
  // range, at its first cell): the problems found in such a cell (a weight merged with the direction read as the
  // direction "0.5") are the merge's, not told again.
  const copiedCell = (line: number | undefined, column: number | string | undefined) =>
    typeof line === "number" &&
    typeof column === "number" &&
    rowsMerged.some((range) => line >= range.line && line <= range.lastLine && column > range.index && column <= range.right + 1 && !(line === range.line && column === range.index + 1));
  const levelIssues = (levels?.issues ?? []).filter((issue) => !copiedCell(issue.line, issue.column));
  // Whether siblings mix given and empty weights (or percent and plain ones) is not told when their weights are not the
  // ones meant, in a tree with level columns: when one is a merged range's copied cell (told as the range), or when
  // their parent's code is another node's too (told as a duplicate code), for `buildTree` takes two nodes of one code
  // for one and gives it the children of both (each node's own children are checked on the run after the fix).
  const firstRows = new Map<string, TreeRow>();
  const duplicated = new Set<string>();
  for (const row of levels ? rows : []) {
    if (row.code === "") continue;
    if (firstRows.has(row.code)) duplicated.add(row.code);
    else firstRows.set(row.code, row);
  }
  const siblingsNotMeant = (issue: Issue) => {
    if (!levels || (issue.code !== "E_MIXED_WEIGHTS" && issue.code !== "E_WEIGHTS_PERCENT_MIXED")) return false;
    const parent = firstRows.get(issue.id ?? "")?.parent ?? "";
    return duplicated.has(parent) || rows.some((row) => row.parent === parent && copiedCell(row.line, row.columns?.cells?.weight));
  };
  // Two indicators of one name, their code, and a code made from a group's place that another node has too, are
  // reported by the level reader, which says why; a group of the level columns left without indicators by a repeated
  // code is no indicator without a direction; a tree without rows because each was refused is not told so again.
  const treeIssues = built.ok
    ? []
    : built.issues.filter(
        (issue) =>
          !(issue.code === "E_DUPLICATE_CODE" && levels?.duplicateReported(issue.line ?? 0, issue.id ?? "")) &&
          !(issue.code === "E_MISSING_DIRECTION" && levels?.groups.has(issue.id ?? "")) &&
          !(issue.code === "E_EMPTY_TREE" && levelIssues.length > 0) &&
          !siblingsNotMeant(issue) &&
          !copiedCell(issue.line, issue.column),
      );
  if (missingWeight.length > 0 || unknownColumns.length > 0 || fieldIssues.length > 0 || levelIssues.length > 0 || !built.ok) {
    // An unknown column, or a missing weight column, leaves the tree as built: its codes are still given, for the
    // values' checks. Not with cells in the wrong columns: a row with more fields than the header, or a range merged
    // onto a level's names or codes (the codes read from its cells are not the ones meant, and the values would be told
    // that their indicators are unknown); a range over other columns (a weight and a direction, or a name and a weight
    // after it) leaves the codes as meant.
    const codeColumns = layout ? layout.levels.flatMap(({ name, code }) => [name, code]) : [];
    const codesMerged = rowsMerged.some(({ index, right }) => codeColumns.some((column) => column > index && column <= right));
    const partial = fieldIssues.length > 0 || codesMerged ? undefined : built.ok ? built.value : built.partial;
    throw new ValidationError([...missingWeight, ...unknownColumns, ...fieldIssues, ...levelIssues, ...treeIssues], undefined, partial);
  }
  return built.value;
}

/** Reads a tree file (CSV). */
export async function readTree(path: string, label = path, options: TreeTableOptions = {}): Promise<Tree> {
  return parseTreeCsv(await readText(path, label), label, options);
}
