/**
 * COINr's input tables (the R package for composite indicators): `iMeta`, one row per indicator and aggregate
 * (`iCode, iName, Level, Parent, Direction, Weight, Type`, optional `Unit`, `Target`), read as rows of an indicator tree.
 *
 * - Rows of type `Indicator` become indicators, `Aggregate` groups; `Group`, `Denominator` and `Other` rows are not part
 *   of the tree and are left out.
 * - The one aggregate without a parent (COINr's index, e.g. `Index`) is the overall index: its children become the
 *   first-level nodes of the tree.
 * - `Direction` 1 / -1 is `+` / `-`. `Weight` is relative among siblings, as here: equal weights are written as empty
 *   cells (equal weights), other weights as shares of their siblings' sum (so that they sum to 1).
 * - The rows come out parents first, children in the order of the file.
 */
import type { Issue, Validated } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { parseNumber } from "../../core/number.js";
import type { TreeColumnNames, TreeRow } from "../../core/tree.js";
import type { CsvTable } from "../csv.js";
import { findColumns } from "./columns.js";

const META_COLUMNS = {
  icode: [],
  iname: [],
  parent: [],
  direction: [],
  weight: [],
  type: [],
  unit: [],
  target: [],
} as const;
const REQUIRED = ["icode", "parent", "direction", "weight", "type"] as const;
const TYPES = ["Indicator", "Aggregate", "Group", "Denominator", "Other"] as const;

/** A COINr cell that means "no value". */
const isAbsent = (text: string) => text === "" || text.toUpperCase() === "NA";

/**
 * The tree rows of an `iMeta` table (lines and messages naming `source`), or every problem found; with a row whose
 * `Type` is unknown, the rows as read are given as `partial` (that row taken as an aggregate when another row names it
 * as its parent, else as an indicator), for the tree's and the values' checks to report their problems in the same run.
 */
export function parseCoinrMeta(table: CsvTable, source: string): Validated<TreeRow[]> {
  const columns = findColumns(table.header, META_COLUMNS);
  const missing = REQUIRED.filter((key) => columns[key] < 0);
  if (missing.length > 0) {
    const issues = missing.map((key): Issue => ({
      code: "E_MISSING_COLUMN",
      message: messages.missingColumn(COINR_NAMES[key], table.header),
      source,
      line: table.headerLine,
      column: COINR_NAMES[key],
    }));
    return { ok: false, issues, warnings: [] };
  }
  const issues: Issue[] = [];
  const cell = (cells: readonly string[], index: number) => (index >= 0 ? (cells[index] ?? "").trim() : "");
  interface MetaRow {
    line: number;
    code: string;
    name: string;
    parent: string;
    direction: string;
    weight: string;
    indicator: boolean;
    unit: string;
    target: string;
  }
  const rows: MetaRow[] = [];
  // A row whose Type is none of COINr's is refused, and still checked with the others (its weight, its direction, its
  // code), so that every problem is reported in one run: as an aggregate when another row names it as its parent, else
  // as an indicator.
  const untyped = new Set<MetaRow>();
  for (const { line, cells } of table.rows) {
    const type = cell(cells, columns.type);
    const known = TYPES.find((name) => name.toLowerCase() === type.toLowerCase());
    if (!known)
      issues.push({ code: "E_COINR_TYPE", message: messages.unknownChoice("Type", type, TYPES), source, line, column: columns.type + 1 });
    else if (known !== "Indicator" && known !== "Aggregate") continue;
    const value = (index: number) => (isAbsent(cell(cells, index)) ? "" : cell(cells, index));
    const direction = value(columns.direction);
    const sign = direction === "" ? undefined : parseNumber(direction);
    const row: MetaRow = {
      line,
      code: cell(cells, columns.icode),
      name: value(columns.iname),
      parent: value(columns.parent),
      direction: sign === 1 ? "+" : sign === -1 ? "-" : direction,
      weight: value(columns.weight),
      indicator: known === "Indicator",
      unit: value(columns.unit),
      target: value(columns.target),
    };
    if (!known) untyped.add(row);
    rows.push(row);
  }
  for (const row of untyped) row.indicator = !rows.some((other) => other.parent === row.code);
  // An aggregate's direction is not read (COINr writes NA or 1 there).
  for (const row of rows) if (!row.indicator) row.direction = "";
  // The overall index: the one aggregate without a parent that others name as theirs.
  const tops = rows.filter((row) => !row.indicator && row.parent === "");
  const index = tops.length === 1 && rows.some((row) => row.parent === tops[0].code) ? tops[0].code : undefined;
  const nodes = rows.filter((row) => row.code !== index || row.indicator);
  const parentOf = (row: MetaRow) => (row.parent === index ? "" : row.parent);

  // Weights: empty when equal among siblings, else shares of their sum.
  const weights = new Map<MetaRow, string>();
  const siblingSets = new Map<string, MetaRow[]>();
  for (const row of nodes) siblingSets.set(parentOf(row), [...(siblingSets.get(parentOf(row)) ?? []), row]);
  for (const siblings of siblingSets.values()) {
    const numbers = siblings.map((row) => parseNumber(row.weight));
    if (numbers.some((weight) => weight === undefined || Number.isNaN(weight))) {
      // Left as written: the tree's own checks name a bad or a missing weight with its line.
      for (const row of siblings) weights.set(row, row.weight);
      continue;
    }
    const values = numbers as number[];
    const sum = values.reduce((total, weight) => total + weight, 0);
    const equal = values.every((weight) => weight === values[0]) && values[0] > 0;
    siblings.forEach((row, i) => weights.set(row, equal ? "" : sum > 0 && sum !== 1 ? String(values[i] / sum) : row.weight));
  }

  // Parents first, children in the order of the file.
  const ordered: TreeRow[] = [];
  const visit = (parent: string, depth: number) => {
    if (depth > nodes.length) return;
    for (const row of siblingSets.get(parent) ?? []) {
      const attributes: Record<string, string> = row.target ? { target: row.target } : {};
      ordered.push({ line: row.line, code: row.code, parent: parentOf(row), name: row.name || row.code, weight: weights.get(row) ?? "", direction: row.direction, measure: row.unit, attributes });
      visit(row.code, depth + 1);
    }
  };
  visit("", 0);
  // Rows whose parent is unknown (or in a cycle) are kept, for the tree's checks to name them.
  const placed = new Set(ordered.map((row) => row.code));
  for (const row of nodes)
    if (!placed.has(row.code))
      ordered.push({ line: row.line, code: row.code, parent: parentOf(row), name: row.name || row.code, weight: weights.get(row) ?? "", direction: row.direction, measure: row.unit });
  return issues.length > 0 ? { ok: false, issues, warnings: [], partial: ordered } : { ok: true, value: ordered, warnings: [] };
}

/**
 * The columns of an `iMeta` table as the tree's problems name them: by the header's words (`iCode`, `Parent`), and the
 * weight's and the direction's cells by their places (`file:line:column`).
 */
export function coinrColumnNames(table: Pick<CsvTable, "header">): TreeColumnNames {
  const columns = findColumns(table.header, META_COLUMNS);
  const word = (index: number) => (index >= 0 ? table.header[index].trim() : undefined);
  const place = (index: number) => (index >= 0 ? index + 1 : undefined);
  return {
    code: word(columns.icode),
    parent: word(columns.parent),
    weight: word(columns.weight),
    direction: word(columns.direction),
    cells: { weight: place(columns.weight), direction: place(columns.direction) },
  };
}

/** COINr's spelling of each column, for messages. */
const COINR_NAMES: Record<(typeof REQUIRED)[number], string> = { icode: "iCode", parent: "Parent", direction: "Direction", weight: "Weight", type: "Type" };

/** The tree rows as a tree CSV table (`code,parent,name,weight,direction,unit` and `target` when any row has one). */
export function treeRowsTable(rows: readonly TreeRow[]): string[][] {
  const target = rows.some((row) => row.attributes?.target);
  const header = ["code", "parent", "name", "weight", "direction", "unit", ...(target ? ["target"] : [])];
  return [header, ...rows.map((row) => [row.code, row.parent, row.name, row.weight, row.direction, row.measure ?? "", ...(target ? [row.attributes?.target ?? ""] : [])])];
}
