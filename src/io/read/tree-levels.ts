/**
 * Indicator trees in the layout statistical bureaus and think tanks publish (指标体系表): one row per indicator, its
 * groups named in level columns before it,
 *
 *     一级指标,二级指标,三级指标,权重,单位,属性
 *     A 双创活力,A1 创新投入,A11 企业研发经费内部支出占营业收入比重,,%,正向
 *     ,,A12 R&D人员全时当量占从业人员比重,,%,正向
 *
 * read into the parent-child rows of `buildTree`, so that every check of a tree (weights, directions, depth, duplicate
 * codes) applies unchanged and names the cell of the file it comes from.
 *
 * - Level columns: `一级指标`, `二级指标`, ... (also `一级`, `1级指标`, `一级指标名称`), `level1`, `level2`, ... or
 *   `dimension`, `sub_dimension`, `indicator`; a level's code, weight and English name in `一级代码` (`一级指标代码`,
 *   `一级编码`, `level1_code`, `dimension_code`), `一级权重` (`level1_weight`) and `一级英文名称` (`level1_name_en`). The
 *   last level holds the indicators; `code`, `name_en` and a `权重`/`weight` column are theirs, but a `权重` column right
 *   after a group level's column is that level's (`一级指标,权重,二级指标,权重,三级指标,权重`).
 * - Fill-down: an empty group cell continues the group above it (a merged cell saved to CSV keeps its text in its first
 *   row only; a workbook's merged cell repeats it on every row, which continues the group as well). A row continues a
 *   group while its cell is empty or the same; a new name starts a new group, and a new group empties the levels below.
 *   A workbook's cell merged across the names or codes of two levels (B2:C2) is refused: one cell per level; so is any
 *   other cell merged across columns (权重 and 属性, D2:E2; a header cell): each column holds its own field.
 * - Codes: a level's code column; else a code before each name (`A01 高新技术企业数`, `1.1 创新主体`, `A、双创活力`),
 *   when more than half the level's cells start with one (then every cell must); else a group's code is made from its
 *   place: `D1`, `D2`, ... at the first level, then its parent's code and its place among the parent's groups (`D1.2`,
 *   `A1` under `A`, `1.1.3` under `1.1`); an indicator's code is its name, which the values name then (a code the
 *   user can know, unlike one made here). A made code that another node has too is a duplicate code whose message
 *   says that it was made.
 * - A group's weight and English name are read from its first row; its other rows leave them empty or repeat them.
 */
import type { Issue } from "../../errors.js";
import { columnLetters, columnNumber } from "../../core/cell-reference.js";
import { messages } from "../../core/messages.js";
import { parseNumber, type DecimalMark } from "../../core/number.js";
import { treeLevelMessages } from "../../core/tree-level-messages.js";
import type { TreeRow } from "../../core/tree.js";
import type { CsvRow, CsvTable } from "../csv.js";
import type { Level, LevelLayout } from "./tree-level-columns.js";

/** A group of the tree as its rows give it. */
interface Group {
  id: number;
  level: number;
  parent: Group | undefined;
  /** Its cell as written (with a leading code, if any), or "" when only its code is given. */
  name: string;
  codeCell: string;
  /** Its first row's line, where its weight and English name are read. */
  line: number;
  /** 1-based place among its parent's groups, for a code made from it. */
  place: number;
  weight: string;
  weightDecimal: DecimalMark;
  nameEn: string;
  /** The columns of its rows that disagree with its first row, each reported once. */
  reported: Set<number>;
  /** Set once every row is read: from its code cell, the code before its name, or its place. */
  code: string;
  /** Its code was made from its place (it has none of its own). */
  made: boolean;
  /** Its name without the code before it. */
  label: string;
}

/** An indicator's row. */
interface Indicator {
  row: CsvRow;
  parent: Group;
  name: string;
  codeCell: string;
  code: string;
  label: string;
}

/** Where a row stands in each group level: the cells that name its group there, and the group once it has one. */
interface LevelState {
  name: string;
  code: string;
  group?: Group;
  /** Its group appears in two places: its rows join the first place (reported once). */
  elsewhere?: boolean;
  /** Its cell was empty with nothing to continue (reported once): the rows continuing it are left out. */
  broken?: boolean;
}

/**
 * A code before a name: letters and digits (`A01`, `A1.1`, `CZ-3`), one capital letter (`A`), or numbers with points
 * (`1`, `1.1`), then spaces, `、`, a colon, or a point after a digit and before what is no digit (`1.R&D经费`, `A1.研发`).
 * `R&D人员`, `5G+工业互联网` and `1.5亿元以上企业数` start with none.
 */
const LEADING_CODE =
  /^([A-Za-z]{1,3}\d+(?:[._-]\d+)*|[A-Z]|\d+(?:\.\d+)*)(?:[\s\u3000]+|[\s\u3000]*[、:：．][\s\u3000]*|(?<=\d)\.(?=[^\d\s.]))(\S[\s\S]*)$/u;

/** How the rows are read: the decimal mark of the text weights, the direction column, and an indicator's other cells. */
export interface LevelRowsOptions {
  decimal: DecimalMark;
  /** 0-based place of the direction column, or -1. */
  direction: number;
  /** The row as a tree with code and parent columns reads it (direction, unit, description, source, attributes). */
  leafRow: (row: CsvRow) => TreeRow;
  /** The ranges of the rows merged across columns (`mergedAcrossColumns`, the header's left out): each is refused. */
  merged?: readonly MergedRange[];
}

/**
 * The parent-child rows of a tree table with level columns (`findLevelLayout`, without problems), in the tree's order
 * (each group before its first indicator), and the problems of its cells. `duplicateReported` tells the duplicate codes
 * reported here, by the line and code of their second node, not again by `buildTree` as a plain duplicate code: an
 * indicator's name, its code, that another indicator has too, and a code made from a group's place that another node
 * has too. `groups` gives the groups' codes: a group whose indicators all repeat another's code has none left in
 * the tree, and is not told that it has no direction.
 */
export function levelTreeRows(table: CsvTable, source: string, layout: LevelLayout, options: LevelRowsOptions): {
  rows: TreeRow[];
  issues: Issue[];
  duplicateReported: (line: number, code: string) => boolean;
  groups: ReadonlySet<string>;
} {
  const { levels } = layout;
  const leaf = levels[levels.length - 1];
  const groupLevels = levels.length - 1;
  const issues: Issue[] = [];
  const word = (index: number) => table.header[index].trim();
  const text = (row: CsvRow, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");
  const at = (line: number, index: number, code: string, message: string, id?: string): Issue => ({ code, message, source, line, column: index + 1, ...(id ? { id } : {}) });
  const namesColumn = (level: Level) => (level.name >= 0 ? level.name : level.code);
  // A range merged across the names or codes of two levels shows one name for groups of several levels; one merged
  // across other columns shows a cell's text in another field's cell. Each is refused at its first cell.
  const namesLevel = new Map<number, number>();
  levels.forEach((level, k) => {
    for (const index of [level.name, level.code]) if (index >= 0) namesLevel.set(index, k);
  });
  for (const { range, line, index, right } of options.merged ?? []) {
    const columns = Array.from({ length: right - index + 1 }, (_, i) => index + i);
    const named = columns.filter((column) => namesLevel.has(column));
    if (new Set(named.map((column) => namesLevel.get(column))).size >= 2) issues.push(at(line, index, "E_LEVEL_MERGED", treeLevelMessages.levelCellsMerged(range, named.map(word))));
    else issues.push(at(line, index, "E_TREE_MERGED", treeLevelMessages.cellsMerged(range, columns.map((column) => table.header[column]?.trim() || columnLetters(column + 1)))));
  }

  const state: (LevelState | undefined)[] = new Array<LevelState | undefined>(groupLevels).fill(undefined);
  const groups: Group[] = [];
  const byPlace = new Map<string, Group>();
  const groupCount = new Map<number, number>();
  const order: (Group | Indicator)[] = [];
  const indicators: Indicator[] = [];

  for (const row of table.rows) {
    if (row.cells.every((cell) => cell.trim() === "")) continue;
    const leafName = text(row, leaf.name);
    const leafCode = text(row, leaf.code);
    const hasIndicator = leafName !== "" || leafCode !== "";
    // The first level at which this row starts a new group: below it, an empty cell has no group to continue.
    let started: { column: number; name: string } | undefined;
    let skip = false;
    for (let k = 0; k < groupLevels; k++) {
      const level = levels[k];
      const name = text(row, level.name);
      const code = text(row, level.code);
      const current = state[k];
      if (name === "" && code === "") {
        if (current && !started) {
          // The rows continuing a refused cell are left out, not told again.
          if (!current.broken) continue;
          skip = true;
          break;
        }
        // A row without an indicator may name only the upper groups (a group's own row): nothing to continue then.
        if (hasIndicator) {
          const column = namesColumn(level);
          const message = started
            ? treeLevelMessages.emptyLevelCellUnderNewGroup(word(column), word(started.column), started.name)
            : treeLevelMessages.emptyLevelCell(word(column));
          issues.push(at(row.line, column, "E_LEVEL_EMPTY_CELL", message));
          state[k] = { name: "", code: "", broken: true };
          state.fill(undefined, k + 1);
        }
        skip = true;
        break;
      }
      if (current && !started && !current.broken && (name === "" || name === current.name) && (code === "" || code === current.code)) continue;
      state[k] = { name, code };
      state.fill(undefined, k + 1);
      started ??= { column: name !== "" ? level.name : level.code, name: name || code };
    }
    if (!hasIndicator) {
      issues.push(at(row.line, namesColumn(leaf), "E_LEVEL_NO_INDICATOR", treeLevelMessages.noIndicator(word(namesColumn(leaf)))));
      continue;
    }
    if (skip) continue;

    let parent: Group | undefined;
    for (let k = 0; k < groupLevels; k++) {
      const level = levels[k];
      const current = state[k]!;
      if (current.group) {
        if (!current.elsewhere) checkSameCells(current.group, level, row);
      } else {
        const key = `${parent?.id ?? 0}\u0000${current.name !== "" ? `name:${current.name}` : `code:${current.code}`}`;
        const existing = byPlace.get(key);
        if (existing) {
          const column = current.name !== "" ? level.name : level.code;
          issues.push(at(row.line, column, "E_LEVEL_GROUP_SPLIT", treeLevelMessages.groupInTwoPlaces(current.name || current.code, word(column), existing.line, row.line)));
          current.group = existing;
          current.elsewhere = true;
        } else {
          const place = (groupCount.get(parent?.id ?? 0) ?? 0) + 1;
          groupCount.set(parent?.id ?? 0, place);
          const group: Group = {
            id: groups.length + 1,
            level: k,
            parent,
            name: current.name,
            codeCell: current.code,
            line: row.line,
            place,
            weight: text(row, level.weight),
            weightDecimal: row.numeric?.[level.weight] ? "." : options.decimal,
            nameEn: text(row, level.name_en),
            reported: new Set(),
            code: "",
            made: false,
            label: "",
          };
          groups.push(group);
          byPlace.set(key, group);
          order.push(group);
          current.group = group;
        }
      }
      parent = current.group;
    }
    const indicator: Indicator = { row, parent: parent!, name: leafName, codeCell: leafCode, code: "", label: "" };
    indicators.push(indicator);
    order.push(indicator);
  }

  /** A cell of a later row of `group` that differs from its first row's: reported once per group and column. */
  function checkSameCells(group: Group, level: Level, row: CsvRow): void {
    const cells: [number, string, (a: string, b: string) => boolean][] = [
      [level.weight, group.weight, (a, b) => a === b || (parseNumber(a, group.weightDecimal) ?? Number.NaN) === parseNumber(b, row.numeric?.[level.weight] ? "." : options.decimal)],
      [level.name_en, group.nameEn, (a, b) => a === b],
    ];
    for (const [index, first, same] of cells) {
      const value = text(row, index);
      if (index < 0 || value === "" || same(first, value) || group.reported.has(index)) continue;
      group.reported.add(index);
      issues.push(at(row.line, index, "E_LEVEL_CONFLICT", treeLevelMessages.groupCellConflict(group.name || group.codeCell, word(index), group.line, first, row.line, value)));
    }
  }

  // Codes, level by level from the first, so that a group's code made from its place can build on its parent's.
  for (let k = 0; k < groupLevels; k++) {
    const level = levels[k];
    const own = groups.filter((group) => group.level === k);
    const made = (group: Group) => {
      const above = group.parent?.code;
      return above === undefined ? `D${group.place}` : `${above}${/\d$/.test(above) ? "." : ""}${group.place}`;
    };
    if (level.code >= 0) {
      for (const group of own) {
        if (group.codeCell === "") issues.push(at(group.line, level.code, "E_EMPTY_CODE", messages.emptyCode(word(level.code))));
        group.code = group.codeCell || made(group);
        group.made = group.codeCell === "";
        group.label = withoutCode(group.name, group.code);
      }
      continue;
    }
    const split = leadingCodes(own.map((group) => ({ text: group.name, line: group.line })), level.name);
    own.forEach((group, i) => {
      group.code = split[i].code ?? made(group);
      group.made = split[i].code === undefined;
      group.label = split[i].name;
    });
  }
  // The duplicate codes reported here, as `${line}\u0000${code}`.
  const reportedDuplicates = new Set<string>();
  const duplicateKey = (line: number, code: string) => `${line}\u0000${code}`;
  if (leaf.code >= 0) {
    for (const indicator of indicators) {
      indicator.code = indicator.codeCell;
      indicator.label = withoutCode(indicator.name, indicator.codeCell);
    }
  } else {
    const split = leadingCodes(indicators.map(({ name, row }) => ({ text: name, line: row.line })), leaf.name);
    const firstLine = new Map<string, number>();
    const anyCode = split.some(({ code }) => code !== undefined);
    indicators.forEach((indicator, i) => {
      indicator.code = split[i].code ?? indicator.name;
      indicator.label = split[i].name;
      if (split[i].code !== undefined) return;
      // Names as codes: two indicators of one name cannot be told apart in the values.
      const first = firstLine.get(indicator.name);
      if (first === undefined) firstLine.set(indicator.name, indicator.row.line);
      else if (!anyCode) {
        issues.push(at(indicator.row.line, leaf.name, "E_DUPLICATE_CODE", treeLevelMessages.indicatorNameTwice(indicator.name, first, word(leaf.name)), indicator.name));
        reportedDuplicates.add(duplicateKey(indicator.row.line, indicator.name));
      }
    });
  }

  /** The codes before the names of one level's cells, when more than half have one (then each must). */
  function leadingCodes(cells: readonly { text: string; line: number }[], column: number): { code?: string; name: string }[] {
    const matches = cells.map(({ text: cell }) => LEADING_CODE.exec(cell));
    const coded = matches.filter((match) => match !== null);
    if (coded.length * 2 <= cells.length) return cells.map(({ text: cell }) => ({ name: cell }));
    return cells.map(({ text: cell, line }, i) => {
      const match = matches[i];
      if (match) return { code: match[1], name: match[2].trim() };
      issues.push(at(line, column, "E_LEVEL_CODE_MISSING", treeLevelMessages.leadingCodeMissing(cell, word(column), coded[0]![0])));
      return { name: cell };
    });
  }

  const codeColumn = (level: Level) => (level.code >= 0 ? level.code : level.name);

  // A code made from a group's place that another node has too, found as `buildTree` finds a duplicate code (at the
  // second node in the tree's order, whose line and code `duplicateReported` tells): said so, for the plain
  // duplicate-code message would not tell that the tool made it. It is put at the cell of the group whose code was made
  // (its code column's, else its names'), whether that group comes first or second: the group the message is about,
  // whose missing code is the first fix it expects, wherever the other node stands.
  const firstWithCode = new Map<string, Group | Indicator>();
  const cellOf = (node: Group | Indicator) =>
    "row" in node
      ? { kind: "indicator" as const, name: node.name || node.codeCell, column: word(namesColumn(leaf)), line: node.row.line, codeColumn: codeColumn(leaf) }
      : { kind: "group" as const, name: node.name || node.codeCell, column: word(namesColumn(levels[node.level])), line: node.line, codeColumn: codeColumn(levels[node.level]) };
  for (const node of order) {
    const cell = cellOf(node);
    if (node.code === "" || reportedDuplicates.has(duplicateKey(cell.line, node.code))) continue;
    const first = firstWithCode.get(node.code);
    if (first === undefined) {
      firstWithCode.set(node.code, node);
      continue;
    }
    const made = [first, node].find((item): item is Group => !("row" in item) && item.made);
    if (made === undefined) continue;
    const [group, other] = made === first ? [cellOf(first), cell] : [cell, cellOf(first)];
    const message = treeLevelMessages.madeCodeTaken(node.code, group.name, group.column, group.line, made.level + 1, other);
    issues.push(at(group.line, group.codeColumn, "E_DUPLICATE_CODE", message, node.code));
    reportedDuplicates.add(duplicateKey(cell.line, node.code));
  }
  const rows = order.map((item): TreeRow => {
    if ("row" in item) {
      const { row } = item;
      return {
        ...options.leafRow(row),
        code: item.code,
        parent: item.parent.code,
        name: item.label,
        nameEn: leaf.name_en >= 0 ? text(row, leaf.name_en) : "",
        weight: text(row, leaf.weight),
        decimal: row.numeric?.[leaf.weight] ? "." : options.decimal,
        columns: {
          code: word(codeColumn(leaf)),
          ...(leaf.weight >= 0 ? { weight: word(leaf.weight) } : {}),
          ...(options.direction >= 0 ? { direction: word(options.direction) } : {}),
          cells: {
            code: codeColumn(leaf) + 1,
            ...(leaf.weight >= 0 ? { weight: leaf.weight + 1 } : {}),
            ...(options.direction >= 0 ? { direction: options.direction + 1 } : {}),
          },
        },
      };
    }
    const level = levels[item.level];
    return {
      line: item.line,
      code: item.code,
      parent: item.parent?.code ?? "",
      name: item.label,
      nameEn: item.nameEn,
      weight: item.weight,
      direction: "",
      attributes: {},
      decimal: item.weightDecimal,
      columns: {
        code: word(codeColumn(level)),
        ...(level.weight >= 0 ? { weight: word(level.weight) } : {}),
        cells: { code: codeColumn(level) + 1, ...(level.weight >= 0 ? { weight: level.weight + 1 } : {}) },
      },
    };
  });
  return { rows, issues, duplicateReported: (line, code) => reportedDuplicates.has(duplicateKey(line, code)), groups: new Set(groups.map(({ code }) => code)) };
}

/** A range of a workbook sheet merged across two or more columns: its address, its first and its last line and column. */
export interface MergedRange {
  /** As Excel writes it, first cell to last (B2:C3). */
  range: string;
  /** Its first (top-left) cell's line and 0-based column. */
  line: number;
  index: number;
  /** Its last (bottom-right) cell's line and 0-based column. */
  lastLine: number;
  right: number;
}

/**
 * The ranges of a workbook sheet merged across two or more columns, the header row's included (`CsvTable.headerMerged`,
 * `CsvRow.merged`: a range's last cell is its bottom-right one). In a tree sheet each column holds its own field, which
 * such a range shows in the cells of other fields: one name over two levels' columns (B2:C2 over 二级指标 and 三级指标)
 * reads as a group and a group or indicator under it of the same name, a weight merged with the direction (D2:E2) as
 * the direction "0.5", a header cell merged over two columns (A1:B1) as two columns of one name. A range merged down one
 * column is kept: a group over its rows, as the fill-down reads it; so is an empty range, which shows nothing.
 */
export function mergedAcrossColumns(table: CsvTable): MergedRange[] {
  // By first cell: its last cell so far (the latest line, then the rightmost column), the rightmost column, and the text
  // the range shows (its first cell's, which ExcelJS gives every cell of it).
  const ranges = new Map<string, { line: number; index: number; right: number; last: { line: number; index: number; cell: string }; text: string }>();
  const rows = [{ line: table.headerLine, cells: table.header, merged: table.headerMerged }, ...table.rows];
  for (const row of rows) {
    row.merged?.forEach((merged, index) => {
      if (merged === undefined) return;
      const found = ranges.get(merged.first);
      if (found) {
        found.right = Math.max(found.right, index);
        if (row.line > found.last.line || (row.line === found.last.line && index > found.last.index)) found.last = { line: row.line, index, cell: merged.cell };
        return;
      }
      const first = /^([A-Z]+)(\d+)$/.exec(merged.first);
      if (!first) return;
      const text = (row.cells[index] ?? "").trim();
      ranges.set(merged.first, { line: Number(first[2]), index: columnNumber(first[1]) - 1, right: index, last: { line: row.line, index, cell: merged.cell }, text });
    });
  }
  // An empty range shows nothing in another field's cell: as good as empty cells.
  return [...ranges].flatMap(([first, { line, index, right, last, text }]) => (right > index && text !== "" ? [{ range: `${first}:${last.cell}`, line, index, lastLine: last.line, right }] : []));
}

/** A cell's name without the code before it, when that is `code` (`A01 高新技术企业数` in a row whose code is A01). */
function withoutCode(name: string, code: string): string {
  const match = LEADING_CODE.exec(name);
  return match && match[1] === code ? match[2].trim() : name;
}
