/**
 * Messages of the trees written with level columns (src/io/read/tree-levels.ts): one row per indicator, its groups named
 * in the columns before it (一级指标, 二级指标, 三级指标). Shape: `<what was found>; expected <what>`; the reader adds
 * the place (`file:line:column`).
 */
import { catalogue } from "./localize.js";
import { quote } from "./quote.js";

/** What a level column gives, in words (`LevelRole` of src/io/read/tree-levels.ts). */
const ROLE_WORDS: Readonly<Record<string, string>> = { name: "names", code: "codes", weight: "weights", name_en: "English names" };

const roleWords = (role: string) => ROLE_WORDS[role] ?? role;
const quotedList = (values: readonly string[]) => values.map(quote).join(", ");

/** A level's code column as a Chinese header writes it (二级代码), by its number (1 the first level). */
export const chineseCodeColumn = (level: number) => `${level <= 10 ? "一二三四五六七八九十"[level - 1] : level}级代码`;

/** The node that has the code made for a group too, and its cell (its name as written, its column and line). */
export interface CodeHolder {
  kind: "group" | "indicator";
  name: string;
  column: string;
  line: number;
}

/** How level columns are written, for the messages that expect them. */
const LEVEL_HEADERS = "一级指标, 二级指标, 三级指标 (or level1, level2, level3, or dimension, sub_dimension, indicator)";

export const treeLevelMessages = catalogue("treeLevelMessages", {
  layoutMixed: (parentColumn: string, levelColumns: readonly string[]) =>
    `the header has a parent column ${quote(parentColumn)} and level columns (${quotedList(levelColumns)}); expected one layout: code and parent columns (a row per node), or level columns without a parent column (a row per indicator, its groups in the level columns before it)`,
  oneLevel: (column: string) =>
    `the header has one level column, ${quote(column)}, and no parent column; expected two or more level columns, such as ${LEVEL_HEADERS}, or code and parent columns`,
  levelMissing: (level: number, found: readonly string[]) =>
    `the header has level columns ${quotedList(found)} but none for level ${level}; expected the levels from the first down, such as ${LEVEL_HEADERS}`,
  levelColumnTwice: (first: string, second: string, role: string, level: number) =>
    `columns ${quote(first)} and ${quote(second)} both give the ${roleWords(role)} of level ${level}; expected one column for them`,
  levelKindsMixed: (numbered: readonly string[], named: readonly string[]) =>
    `the header mixes numbered level columns (${quotedList(numbered)}) with named ones (${quotedList(named)}); expected one kind: level1, level2, level3 (一级指标, 二级指标, 三级指标) or dimension, sub_dimension, indicator`,
  levelWithoutNames: (column: string, level: number) =>
    `column ${quote(column)} belongs to level ${level}, which has no column of names or codes; expected a column of that level's names (or codes), or the column removed`,
  nameColumnInLevels: (column: string, leafColumn: string) =>
    `column ${quote(column)} names the nodes of a tree with code and parent columns; in a tree with level columns the indicators' names are in the last level column, ${quote(leafColumn)}; expected the column removed, or renamed x_${column} to keep it as a note`,
  emptyLevelCell: (column: string) =>
    `empty cell in column ${quote(column)}, and no row above names a group there to continue; expected the name of the row's group`,
  emptyLevelCellUnderNewGroup: (column: string, upperColumn: string, upperName: string) =>
    `empty cell in column ${quote(column)} on a row that starts group ${quote(upperName)} of column ${quote(upperColumn)}, so the group above it (of another ${quote(upperColumn)}) cannot be continued; expected the name of the row's group`,
  noIndicator: (column: string) =>
    `the row names no indicator in column ${quote(column)}; expected one row per indicator, its groups named in the level columns before it (a group's weight goes in its level's weight column, such as 一级权重, on the group's first row; a tree with a row per group needs code and parent columns)`,
  groupInTwoPlaces: (name: string, column: string, firstLine: number, line: number) =>
    `group ${quote(name)} of column ${quote(column)} appears in two places under the same group, from line ${firstLine} and again from line ${line}, with other groups between; expected the rows of a group together, or different names for different groups`,
  groupCellConflict: (group: string, column: string, firstLine: number, firstText: string, line: number, text: string) =>
    `group ${quote(group)} has ${firstText === "" ? "an empty cell" : quote(firstText)} in column ${quote(column)} on its first row, line ${firstLine}, but ${quote(text)} on line ${line}; expected the group's cell given on its first row, and its other rows left empty (as Excel saves a merged cell to CSV) or the same`,
  leadingCodeMissing: (cell: string, column: string, example: string) =>
    `${quote(cell)} in column ${quote(column)} starts with no code, though most cells of the column do (such as ${quote(example)}); expected a code before every name of the column or before none`,
  indicatorNameTwice: (name: string, firstLine: number, column: string) =>
    `indicator ${quote(name)} is also on line ${firstLine}; the tree gives its indicators no codes, so their names are their codes, and two indicators cannot share one; expected different names, or codes: a code column (such as 三级代码 or indicator_code) or a code before each name in column ${quote(column)} (A01 高新技术企业数)`,
  madeCodeTaken: (code: string, group: string, column: string, line: number, level: number, other: CodeHolder) =>
    `group ${quote(group)} of column ${quote(column)}, line ${line}, has no code, so it was given ${quote(code)}, made from its place; but ${other.kind} ${quote(other.name)} of column ${quote(other.column)}, line ${other.line}, has code ${quote(code)} too; expected codes for the groups of column ${quote(column)} (a column of their codes, such as ${chineseCodeColumn(level)} or level${level}_code, or a code before each name, such as "A1 创新投入"), or another code for ${other.kind} ${quote(other.name)}`,
  levelCellsMerged: (range: string, columns: readonly string[]) =>
    `cells ${range} are merged across level columns ${quotedList(columns)}, so one name stands for groups of several levels; expected one cell per level: the cells unmerged, and each level's group named in its own cell (a group with no groups under it named again in the next level's cell)`,
  headerCellsMerged: (range: string, name: string, columns: number) =>
    `header cells ${range} are merged, so ${quote(name)} stands over ${columns} columns and the columns after its first have no name of their own; expected one header cell per column, each naming its column (such as 一级指标, 二级指标, 三级指标, 权重, 属性): the cells unmerged, and each column named in its own cell`,
  cellsMerged: (range: string, columns: readonly string[]) =>
    `cells ${range} are merged across columns ${quotedList(columns)}, so the text of the first is shown in the cells of the others; expected one cell per column, for each column of the table holds its own field: the cells unmerged, and each column's text in its own cell`,
});
