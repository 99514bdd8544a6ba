/**
 * The level columns of a tree table's header (一级指标, 二级指标, 三级指标; level1, level2; dimension, sub_dimension,
 * indicator) and the columns of each level (its names, codes, weights, English names), for tree-levels.ts, which reads
 * the rows.
 */
import type { Issue } from "../../errors.js";
import { treeLevelMessages } from "../../core/tree-level-messages.js";
import type { CsvTable } from "../csv.js";
import { normalizeColumnName } from "./columns.js";

/** What a level column gives. */
type LevelRole = "name" | "code" | "weight" | "name_en";

/** The 0-based places of one level's columns, -1 when absent. */
export interface Level {
  name: number;
  code: number;
  weight: number;
  name_en: number;
}

/** The level columns of a tree's header, and the problems of the header. */
export interface LevelLayout {
  /** The levels, first level first; the last holds the indicators. */
  levels: Level[];
  /** Every column read as a level's (the plain `code`, `name_en` and weight columns it takes for a level included). */
  columns: ReadonlySet<number>;
  /** The weight columns of every level, for the decimal mark of the weights. */
  weightColumns: number[];
  /** Problems of the header: the rows are not read when there is one. */
  issues: Issue[];
}

/** A header cell that is a level column: numbered (`一级指标`, `level1`) or named (`dimension`), its rank and role. */
interface LevelColumn {
  index: number;
  kind: "numbered" | "named";
  rank: number;
  role: LevelRole;
}

const CHINESE_LEVEL = /^([一二三四五六七八九十]|[1-9]\d?)级(?:指标)?_?(名称|代码|编码|编号|权重|英文名称)?$/u;
const ENGLISH_LEVEL = /^(?:level_?([1-9]\d?)|(dimension|sub_?dimension|indicator))(?:_(name|code|id|weight|name_en))?$/;
const ROLES: Readonly<Record<string, LevelRole>> = {
  名称: "name",
  代码: "code",
  编码: "code",
  编号: "code",
  权重: "weight",
  英文名称: "name_en",
  name: "name",
  code: "code",
  id: "code",
  weight: "weight",
  name_en: "name_en",
};

/** The level column a header cell is, if any (names compared as `normalizeColumnName` writes them). */
function levelColumnOf(header: string, index: number): LevelColumn | undefined {
  const name = normalizeColumnName(header);
  const chinese = CHINESE_LEVEL.exec(name);
  if (chinese) {
    const rank = /\d/.test(chinese[1]) ? Number(chinese[1]) : "一二三四五六七八九十".indexOf(chinese[1]) + 1;
    return { index, kind: "numbered", rank, role: chinese[2] ? ROLES[chinese[2]] : "name" };
  }
  const english = ENGLISH_LEVEL.exec(name);
  if (!english) return undefined;
  const role = english[3] ? ROLES[english[3]] : "name";
  if (english[1]) return { index, kind: "numbered", rank: Number(english[1]), role };
  return { index, kind: "named", rank: english[2] === "dimension" ? 1 : english[2] === "indicator" ? 3 : 2, role };
}

/**
 * The level columns of a tree table's header, or `undefined` when it has none (a tree with code and parent columns).
 * `plain` gives the places of the tree's own columns (`findColumns` with the tree's aliases), `plainWeights` every
 * column named `weight` or `权重`.
 */
export function findLevelLayout(
  table: Pick<CsvTable, "header" | "headerLine">,
  source: string,
  plain: { code: number; name: number; name_en: number; parent: number },
  plainWeights: readonly number[],
): LevelLayout | undefined {
  const found = table.header.flatMap((header, index) => levelColumnOf(header, index) ?? []);
  if (found.length === 0) return undefined;
  const word = (index: number) => table.header[index].trim();
  const issues: Issue[] = [];
  const problem = (code: string, message: string, column = "") => issues.push({ code, message, source, line: table.headerLine, column });
  const columns = new Set(found.map(({ index }) => index));
  const none = (): LevelLayout => ({ levels: [], columns, weightColumns: [], issues });
  if (plain.parent >= 0) {
    problem("E_TREE_LAYOUT", treeLevelMessages.layoutMixed(word(plain.parent), found.map(({ index }) => word(index))), word(plain.parent));
    return none();
  }
  const numbered = found.filter(({ kind }) => kind === "numbered");
  const named = found.filter(({ kind }) => kind === "named");
  if (numbered.length > 0 && named.length > 0) {
    problem("E_LEVEL_COLUMNS", treeLevelMessages.levelKindsMixed(numbered.map(({ index }) => word(index)), named.map(({ index }) => word(index))));
    return none();
  }
  // dimension, indicator: two levels; dimension, sub_dimension, indicator: three.
  if (named.length > 0 && !named.some(({ rank }) => rank === 2)) for (const column of named) if (column.rank === 3) column.rank = 2;
  const ranks = [...new Set(found.map(({ rank }) => rank))].sort((a, b) => a - b);
  if (ranks.length < 2) {
    problem("E_LEVEL_COLUMNS", treeLevelMessages.oneLevel(word(found[0].index)), word(found[0].index));
    return none();
  }
  const missing = ranks.findIndex((rank, i) => rank !== i + 1);
  if (missing >= 0) {
    problem("E_LEVEL_COLUMNS", treeLevelMessages.levelMissing(missing + 1, found.map(({ index }) => word(index))));
    return none();
  }
  const levels: Level[] = ranks.map(() => ({ name: -1, code: -1, weight: -1, name_en: -1 }));
  const place = (level: number, role: LevelRole, index: number) => {
    const taken = levels[level][role];
    if (taken >= 0) problem("E_LEVEL_COLUMNS", treeLevelMessages.levelColumnTwice(word(taken), word(index), role, level + 1), word(index));
    else levels[level][role] = index;
    columns.add(index);
  };
  for (const { index, rank, role } of found) place(rank - 1, role, index);
  const leaf = levels.length - 1;
  if (plain.code >= 0) place(leaf, "code", plain.code);
  if (plain.name_en >= 0) place(leaf, "name_en", plain.name_en);
  // A weight column right after a group level's names or codes is that level's; any other is the indicators'.
  for (const index of plainWeights) {
    const level = levels.findIndex((item, i) => i < leaf && (item.name === index - 1 || item.code === index - 1));
    place(level >= 0 ? level : leaf, "weight", index);
  }
  levels.forEach((level, i) => {
    if (level.name < 0 && level.code < 0) {
      const column = word(Math.max(level.weight, level.name_en));
      problem("E_LEVEL_COLUMNS", treeLevelMessages.levelWithoutNames(column, i + 1), column);
    }
  });
  if (plain.name >= 0) {
    const leafColumn = word(levels[leaf].name >= 0 ? levels[leaf].name : Math.max(levels[leaf].code, 0));
    problem("E_LEVEL_COLUMNS", treeLevelMessages.nameColumnInLevels(word(plain.name), leafColumn), word(plain.name));
  }
  return { levels, columns, weightColumns: levels.map(({ weight }) => weight).filter((index) => index >= 0), issues };
}
