/**
 * COINr's input tables (the R package for composite indicators): `iMeta`, one row per indicator and aggregate
 * (`iCode, iName, Level, Parent, Direction, Weight, Type`, optional `Unit`, `Target`), read as rows of an indicator tree;
 * `iData`, one row per unit (`uCode`) and year (`Time`), one column per iCode, read as values.
 *
 * - Rows of type `Indicator` become indicators, `Aggregate` groups; `Group`, `Denominator` and `Other` rows are not part
 *   of the tree and are left out.
 * - The one aggregate without a parent (COINr's index, e.g. `Index`) is the overall index: its children become the
 *   first-level nodes of the tree, and its name the tree's `INDEX` row's.
 * - `Direction` 1 / -1 is `+` / `-`. `Weight` is relative among siblings, as here: equal weights are written as empty
 *   cells (equal weights), other weights as shares of their siblings' sum (so that they sum to 1).
 * - The rows come out parents first, children in the order of the file.
 * - The iData's columns are named as COINr names them, not by the aliases of the values reader: `uCode` (required),
 *   `uName` and `Time` by name, case-sensitive; every other column by its iCode in the iMeta, read when it is an
 *   indicator of the tree, left out when its Type is another, and refused when no iMeta row declares it. As COINr's
 *   `new_coin` requires, every iCode of the iMeta but an Aggregate's is a column of the iData: a Group, Denominator or
 *   Other row without one is refused (`coinrMissingColumns`; an indicator without one is the importer's `E_NO_VALUES`).
 */
import { INDEX_CODE } from "../../core/types.js";
import { append } from "../../core/arrays.js";
import { commandMessages } from "../../core/command-messages.js";
import type { Issue, Validated } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { decimalMarkProblem, parseNumber, parseYear, type DecimalMark } from "../../core/number.js";
import type { TreeColumnNames, TreeRow } from "../../core/tree.js";
import type { CsvTable } from "../csv.js";
import { extraFields, findColumns } from "./columns.js";
import { decimalOf, markOf, readValue } from "./data-csv.js";

const META_COLUMNS = {
  icode: [],
  iname: [],
  level: [],
  parent: [],
  direction: [],
  weight: [],
  type: [],
  unit: [],
  target: [],
} as const;
const REQUIRED = ["icode", "level", "parent", "direction", "weight", "type"] as const;
const TYPES = ["Indicator", "Aggregate", "Group", "Denominator", "Other"] as const;

/** A COINr cell that means "no value". */
const isAbsent = (text: string) => text === "" || text.toUpperCase() === "NA";

/** What `parseCoinrMeta` reads from an iMeta. */
export interface CoinrMeta {
  /** The tree's rows: the Indicator and Aggregate rows but COINr's index, parents first. */
  rows: TreeRow[];
  /** COINr's index (the one aggregate without a parent that others name as theirs), written as the tree's INDEX row. */
  index?: { code: string; name: string };
  /** The Type of every iCode (as written for a Type that is none of COINr's): which iData columns the iMeta declares. */
  types: ReadonlyMap<string, string>;
  /**
   * The rows of Type Group, Denominator and Other, which are not part of the tree but name a column the iData must have:
   * each iCode, its Type (as COINr spells it), its line and the iCode's column (1-based).
   */
  passThrough: readonly { code: string; type: string; line: number; column: number }[];
}

/**
 * The tree rows of an `iMeta` table (lines and messages naming `source`), or every problem found; with a row whose
 * `Type` is unknown, the rows as read are given as `partial` (that row taken as an aggregate when another row names it
 * as its parent, else as an indicator), for the tree's and the values' checks to report their problems in the same run.
 * Its numbers (Level, Direction, Weight, Target) are read with the file's decimal mark (`decimal`, default `,` in a
 * `;`-separated file as R's write.csv2 writes it, else `.`), and the weights and targets written as plain numbers
 * (`0,5` as 0.5), so that the tree reads the same whatever the iMeta's format. Levels are checked as COINr's
 * `check_iMeta` checks them: every indicator at Level 1, every parent one Level above its children, every node without a
 * parent at the top Level.
 */
export function parseCoinrMeta(table: CsvTable, source: string, options: { decimal?: DecimalMark } = {}): Validated<CoinrMeta> {
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
  const decimal = decimalOf(table, options.decimal);
  const issues: Issue[] = [];
  const cell = (cells: readonly string[], index: number) => (index >= 0 ? (cells[index] ?? "").trim() : "");
  interface MetaRow {
    line: number;
    code: string;
    name: string;
    parent: string;
    direction: string;
    weight: string;
    /** The decimal mark of the weight's cell (a point for a workbook cell that held a number). */
    weightMark: DecimalMark;
    indicator: boolean;
    unit: string;
    target: string;
    /** The Level as written, and as read (undefined when it is no whole number from 1). */
    levelText: string;
    level?: number;
  }
  const rows: MetaRow[] = [];
  const types = new Map<string, string>();
  const passThrough: { code: string; type: string; line: number; column: number }[] = [];
  // A row whose Type is none of COINr's is refused, and still checked with the others (its weight, its direction, its
  // code), so that every problem is reported in one run: as an aggregate when another row names it as its parent, else
  // as an indicator.
  const untyped = new Set<MetaRow>();
  for (const row of table.rows) {
    const { line, cells } = row;
    const type = cell(cells, columns.type);
    const known = TYPES.find((name) => name.toLowerCase() === type.toLowerCase());
    const code = cell(cells, columns.icode);
    if (code !== "" && !types.has(code)) types.set(code, known ?? type);
    if (!known)
      issues.push({ code: "E_COINR_TYPE", message: messages.unknownChoice("Type", type, TYPES), source, line, column: columns.type + 1 });
    else if (known !== "Indicator" && known !== "Aggregate") {
      if (code !== "") passThrough.push({ code, type: known, line, column: columns.icode + 1 });
      continue;
    }
    const value = (index: number) => (isAbsent(cell(cells, index)) ? "" : cell(cells, index));
    const mark = (index: number) => markOf(row, index, decimal);
    const direction = value(columns.direction);
    const sign = direction === "" ? undefined : parseNumber(direction, mark(columns.direction));
    const levelText = value(columns.level);
    const level = levelText === "" ? undefined : parseNumber(levelText, mark(columns.level));
    const metaRow: MetaRow = {
      line,
      code,
      name: value(columns.iname),
      parent: value(columns.parent),
      direction: sign === 1 ? "+" : sign === -1 ? "-" : direction,
      weight: value(columns.weight),
      weightMark: mark(columns.weight),
      indicator: known === "Indicator",
      unit: value(columns.unit),
      target: "",
      levelText: cell(cells, columns.level),
      level: level !== undefined && Number.isInteger(level) && level >= 1 ? level : undefined,
    };
    // A target is written as a plain number (27,445 of a write.csv2 file as 27.445), or refused with its place.
    const targetText = value(columns.target);
    if (targetText !== "") {
      const target = parseNumber(targetText, mark(columns.target));
      if (target === undefined) {
        const problem = decimalMarkProblem(targetText, mark(columns.target));
        const hint = problem === "comma" || problem === "ambiguous" ? problem : undefined;
        const message = commandMessages.coinrBadNumber(table.header[columns.target].trim(), code, targetText, hint);
        issues.push({ code: hint ? "E_DECIMAL_MARK" : "E_BAD_NUMBER", message, source, line, column: columns.target + 1, id: code || undefined });
      } else if (!Number.isNaN(target)) metaRow.target = String(target);
    }
    if (!known) untyped.add(metaRow);
    rows.push(metaRow);
  }
  for (const row of untyped) row.indicator = !rows.some((other) => other.parent === row.code);
  // An aggregate's direction is not read (COINr writes NA or 1 there).
  for (const row of rows) if (!row.indicator) row.direction = "";
  append(issues, levelIssues(rows, source, columns.level + 1));
  // The overall index: the one aggregate without a parent that others name as theirs.
  const tops = rows.filter((row) => !row.indicator && row.parent === "");
  const index = tops.length === 1 && rows.some((row) => row.parent === tops[0].code) ? tops[0] : undefined;
  const nodes = rows.filter((row) => row !== index);
  const parentOf = (row: MetaRow) => (index && row.parent === index.code ? "" : row.parent);

  // Weights: empty when equal among siblings, else shares of their sum, written as plain numbers. A weight that cannot
  // be read leaves its siblings' as written, with their decimal mark: the tree's own checks name it with its line.
  const weights = new Map<MetaRow, string>();
  const asWritten = new Set<MetaRow>();
  const siblingSets = new Map<string, MetaRow[]>();
  for (const row of nodes) siblingSets.set(parentOf(row), [...(siblingSets.get(parentOf(row)) ?? []), row]);
  for (const siblings of siblingSets.values()) {
    const numbers = siblings.map((row) => parseNumber(row.weight, row.weightMark));
    if (numbers.some((weight) => weight === undefined || Number.isNaN(weight))) {
      for (const row of siblings) {
        weights.set(row, row.weight);
        asWritten.add(row);
      }
      continue;
    }
    const values = numbers as number[];
    const sum = values.reduce((total, weight) => total + weight, 0);
    const equal = values.every((weight) => weight === values[0]) && values[0] > 0;
    siblings.forEach((row, i) => weights.set(row, equal ? "" : String(sum > 0 && sum !== 1 ? values[i] / sum : values[i])));
  }
  const treeRow = (row: MetaRow, attributes?: Record<string, string>): TreeRow => ({
    line: row.line,
    code: row.code,
    parent: parentOf(row),
    name: row.name || row.code,
    weight: weights.get(row) ?? "",
    direction: row.direction,
    measure: row.unit,
    ...(attributes ? { attributes } : {}),
    ...(asWritten.has(row) ? { decimal: row.weightMark } : {}),
  });

  // Parents first, children in the order of the file.
  const ordered: TreeRow[] = [];
  const visit = (parent: string, depth: number) => {
    if (depth > nodes.length) return;
    for (const row of siblingSets.get(parent) ?? []) {
      ordered.push(treeRow(row, row.target ? { target: row.target } : {}));
      visit(row.code, depth + 1);
    }
  };
  visit("", 0);
  // Rows whose parent is unknown (or in a cycle) are kept, for the tree's checks to name them.
  const placed = new Set(ordered.map((row) => row.code));
  for (const row of nodes) if (!placed.has(row.code)) ordered.push(treeRow(row));
  const meta: CoinrMeta = { rows: ordered, types, passThrough, ...(index ? { index: { code: index.code, name: index.name || index.code } } : {}) };
  return issues.length > 0 ? { ok: false, issues, warnings: [], partial: meta } : { ok: true, value: meta, warnings: [] };
}

/**
 * The Level problems of the Indicator and Aggregate rows, as COINr's `check_iMeta` finds them (`column`: the Level's
 * place): a Level that is no whole number from 1, an indicator above Level 1, a child whose parent is not one Level
 * above it, and a node without a parent below the top Level (a branch that stops short of the index: a ragged tree).
 */
function levelIssues(rows: readonly { line: number; code: string; parent: string; indicator: boolean; levelText: string; level?: number }[], source: string, column: number): Issue[] {
  const issues: Issue[] = [];
  const at = (row: (typeof rows)[number], message: string): Issue => ({ code: "E_COINR_LEVEL", message, source, line: row.line, column, id: row.code || undefined });
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  const levels = rows.flatMap((row) => (row.level === undefined ? [] : [row.level]));
  const top = Math.max(...levels);
  for (const row of rows) {
    if (row.level === undefined) issues.push(at(row, commandMessages.coinrBadLevel(row.code, row.levelText)));
    else if (row.indicator && row.level !== 1) issues.push(at(row, commandMessages.coinrIndicatorLevel(row.code, row.level)));
    else if (row.parent === "") {
      if (row.level !== top) issues.push(at(row, commandMessages.coinrTopLevel(row.code, row.level, top)));
    } else {
      // A parent that is no code, or whose own Level is refused, is named once, by the tree's checks or above.
      const parentLevel = byCode.get(row.parent)?.level;
      if (parentLevel !== undefined && parentLevel !== row.level + 1)
        issues.push(at(row, commandMessages.coinrParentLevel(row.code, row.level, row.parent, parentLevel)));
    }
  }
  return issues;
}

/**
 * The columns of an `iMeta` table as the tree's problems name them: by the header's words (`iCode`, `Parent`), and the
 * weight's, the direction's and the parent's cells by their places (`file:line:column`).
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
    cells: { weight: place(columns.weight), direction: place(columns.direction), parent: place(columns.parent) },
  };
}

/** COINr's spelling of each column, for messages. */
const COINR_NAMES: Record<(typeof REQUIRED)[number], string> = { icode: "iCode", level: "Level", parent: "Parent", direction: "Direction", weight: "Weight", type: "Type" };

/**
 * The tree rows as a tree CSV table (`code,parent,name,weight,direction,unit` and `target` when any row has one), first
 * the `INDEX` row naming the overall index when `index` is given (COINr's index: "Sustainable Connectivity").
 */
export function treeRowsTable(rows: readonly TreeRow[], index?: { name: string }): string[][] {
  const target = rows.some((row) => row.attributes?.target);
  const header = ["code", "parent", "name", "weight", "direction", "unit", ...(target ? ["target"] : [])];
  const root = index ? [[INDEX_CODE, "", index.name, "", "", "", ...(target ? [""] : [])]] : [];
  return [header, ...root, ...rows.map((row) => [row.code, row.parent, row.name, row.weight, row.direction, row.measure ?? "", ...(target ? [row.attributes?.target ?? ""] : [])])];
}

/**
 * The Group, Denominator and Other rows of the iMeta (`meta.passThrough`, lines and messages naming `metaSource`) whose
 * iCode is no column of the iData (`header`, named `dataSource`), each a problem at its iMeta line: COINr's `new_coin`
 * stops on "Entries in iMeta$iCode not found in colnames(iData)" for every iCode whose Type is not Aggregate. All are
 * found in one pass; an Indicator row without a column is the importer's (`E_NO_VALUES`, the indicator without values).
 */
export function coinrMissingColumns(meta: Pick<CoinrMeta, "passThrough">, header: readonly string[], metaSource: string, dataSource: string): Issue[] {
  const columns = new Set(header.map((name) => name.trim()));
  return meta.passThrough
    .filter(({ code }) => !columns.has(code))
    .map(({ code, type, line, column }) => ({ code: "E_COINR_COLUMN", message: commandMessages.coinrNoColumn(code, type, dataSource), source: metaSource, line, column, id: code }));
}

/** One value of an iData. */
export interface CoinrValue {
  unit: string;
  year: number;
  indicator: string;
  /** `NaN` for a missing value (an empty cell, NA). */
  value: number;
}

/** What `parseCoinrData` reads from an iData. */
export interface CoinrData {
  /** The indicators' values, row by row of the file, each row's in the order of its columns. */
  values: CoinrValue[];
  /** Whether the iData has a uName column, which the values have no place for. */
  unitNames: boolean;
  /** The columns the iMeta declares with another Type than an indicator's (Group, Denominator, Other, Aggregate). */
  notImported: { name: string; type: string }[];
}

/** How to read an iData. */
export interface CoinrDataOptions {
  /** The tree's indicators: the columns read. */
  indicators: ReadonlySet<string>;
  /** The Type of every iCode of the iMeta (`CoinrMeta.types`): the columns declared but not read. */
  types: ReadonlyMap<string, string>;
  /** The iMeta's name, for the message of a column it does not declare. */
  meta: string;
  /** The year of every row, for an iData without a Time column (`--year`). */
  year?: number;
  /** The decimal mark. Default: `,` in a `;`-separated file (R's write.csv2), else `.`. */
  decimal?: DecimalMark;
}

/** COINr's own columns of an iData, by name (case-sensitive, as in R). */
const UNIT_CODE = "uCode";
const UNIT_NAME = "uName";
const TIME = "Time";

/**
 * The values of an iData (`table`, lines and messages naming `source`), or every problem found, its columns identified
 * as COINr's `new_coin` identifies them (see the file's comment): a missing uCode, a column no iMeta row declares, a
 * column given twice, an empty uCode, a Time that is no year, a second row of one uCode and Time, and every cell that is
 * not a number. Without a Time column the year is `options.year`, or the Time column is named as missing.
 */
export function parseCoinrData(table: CsvTable, source: string, options: CoinrDataOptions): Validated<CoinrData> {
  const decimal = decimalOf(table, options.decimal);
  const header = table.header.map((name) => name.trim());
  const issues: Issue[] = [];
  const atHeader = (code: string, message: string, column?: number): Issue => ({ code, message, source, line: table.headerLine, ...(column === undefined ? {} : { column: column + 1 }) });
  const unitColumn = header.indexOf(UNIT_CODE);
  const timeColumn = header.indexOf(TIME);
  if (unitColumn < 0) issues.push(atHeader("E_MISSING_COLUMN", commandMessages.coinrNoUnitCode(table.header)));
  if (timeColumn < 0 && options.year === undefined) issues.push(atHeader("E_MISSING_COLUMN", commandMessages.importNoTime()));

  const indicatorColumns: { name: string; index: number }[] = [];
  const notImported: { name: string; type: string }[] = [];
  const firstOf = new Map<string, number>();
  const known = [...options.types.keys(), UNIT_CODE, UNIT_NAME, TIME];
  header.forEach((name, index) => {
    // An unnamed column without a value (a trailing separator, an empty column of a sheet) states nothing.
    if (name === "" && table.rows.every((row) => (row.cells[index] ?? "").trim() === "")) return;
    const first = firstOf.get(name);
    if (first !== undefined) {
      issues.push(atHeader("E_DUPLICATE_COLUMN", messages.repeatedColumn(table.header[index], first + 1, index + 1), index));
      return;
    }
    firstOf.set(name, index);
    if (name === UNIT_CODE || name === UNIT_NAME || name === TIME) return;
    if (options.indicators.has(name)) indicatorColumns.push({ name, index });
    else if (options.types.has(name)) notImported.push({ name, type: options.types.get(name)! });
    // A uCode in other case (ucode) is named by the missing uCode's message.
    else if (!(unitColumn < 0 && name.toLowerCase() === UNIT_CODE.toLowerCase())) issues.push(atHeader("E_COINR_COLUMN", commandMessages.coinrUndeclaredColumn(name, options.meta, known), index));
  });
  if (unitColumn < 0 || (timeColumn < 0 && options.year === undefined)) return { ok: false, issues, warnings: [] };

  const values: CoinrValue[] = [];
  const firstLine = new Map<string, number>();
  // Rows without a uCode, by runs of rows one after the other (a uCode merged down over its rows in Excel).
  let empty: { first: number; last: number; above?: string } | undefined;
  const closeEmpty = () => {
    if (empty) issues.push({ code: "E_EMPTY_UNIT", message: messages.emptyUnit(UNIT_CODE, empty.first, empty.last, empty.above), source, line: empty.first, column: unitColumn + 1 });
    empty = undefined;
  };
  let previousUnit: string | undefined;
  for (const row of table.rows) {
    const { line, cells } = row;
    if (cells.every((text) => text.trim() === "")) continue;
    const extra = extraFields(cells, table, source, line);
    if (extra) {
      issues.push(extra);
      continue;
    }
    const unit = (cells[unitColumn] ?? "").trim();
    if (unit === "") {
      if (empty) empty.last = line;
      else empty = { first: line, last: line, above: previousUnit };
      previousUnit = undefined;
      continue;
    }
    closeEmpty();
    previousUnit = unit;
    const yearText = timeColumn >= 0 ? (cells[timeColumn] ?? "").trim() : "";
    const year = timeColumn >= 0 ? parseYear(yearText) : options.year;
    if (year === undefined) {
      issues.push({ code: "E_BAD_YEAR", message: messages.badYear(yearText), source, line, column: timeColumn + 1 });
      continue;
    }
    const key = `${unit}\u0000${year}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      issues.push({ code: "E_COINR_DUPLICATE", message: commandMessages.coinrDuplicateRow(unit, year, first), source, line, column: unitColumn + 1 });
      continue;
    }
    firstLine.set(key, line);
    for (const { name, index } of indicatorColumns) values.push({ unit, year, indicator: name, value: readValue(table, row, index, decimal, source, issues).value });
  }
  closeEmpty();
  const data: CoinrData = { values, unitNames: header.includes(UNIT_NAME), notImported };
  return issues.length > 0 ? { ok: false, issues, warnings: [], partial: data } : { ok: true, value: data, warnings: [] };
}
