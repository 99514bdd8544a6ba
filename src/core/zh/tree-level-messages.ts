/** The Chinese messages of `treeLevelMessages` (src/core/tree-level-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import { quote } from "../quote.js";
import { chineseCodeColumn, type treeLevelMessages } from "../tree-level-messages.js";

/** What a level column gives, in Chinese (`LevelRole` of src/io/read/tree-levels.ts). */
const ROLE_WORDS: Readonly<Record<string, string>> = { name: "名称", code: "代码", weight: "权重", name_en: "英文名称" };

const roleWords = (role: string) => ROLE_WORDS[role] ?? role;
const quotedList = (values: readonly string[]) => values.map(quote).join("、");

/** How level columns are written, for the messages that expect them. */
const LEVEL_HEADERS = "一级指标、二级指标、三级指标（或 level1、level2、level3，或 dimension、sub_dimension、indicator）";

export const treeLevelMessagesZh: Translation<typeof treeLevelMessages> = {
  layoutMixed: (parentColumn, levelColumns) =>
    `表头既有上级列 ${quote(parentColumn)}，又有层级列（${quotedList(levelColumns)}）；应只用一种格式：代码列和上级列（每个节点一行），或不含上级列的层级列（每个指标一行，其所属各级分组写在前面的层级列中）`,
  oneLevel: (column) => `表头只有一个层级列 ${quote(column)}，且没有上级列；应有两个或更多层级列，如 ${LEVEL_HEADERS}，或代码列和上级列`,
  levelMissing: (level, found) => `表头有层级列 ${quotedList(found)}，但没有第 ${level} 级的列；各级应从第一级起依次给出，如 ${LEVEL_HEADERS}`,
  levelColumnTwice: (first, second, role, level) => `列 ${quote(first)} 和 ${quote(second)} 都给出第 ${level} 级的${roleWords(role)}；应只用一列`,
  levelKindsMixed: (numbered, named) =>
    `表头混用了带序号的层级列（${quotedList(numbered)}）和带名称的层级列（${quotedList(named)}）；应只用一种：level1、level2、level3（一级指标、二级指标、三级指标）或 dimension、sub_dimension、indicator`,
  levelWithoutNames: (column, level) => `列 ${quote(column)} 属于第 ${level} 级，但该级没有名称列或代码列；应补上该级的名称（或代码）列，或删去此列`,
  nameColumnInLevels: (column, leafColumn) =>
    `列 ${quote(column)} 是“代码 + 上级”格式指标体系的名称列；层级格式中，指标名称写在最后一个层级列 ${quote(leafColumn)} 中；应删去此列，或改名为 x_${column} 作为备注保留`,
  emptyLevelCell: (column) => `列 ${quote(column)} 的单元格为空，上方也没有行在此列写出可延续的分组；应填写该行所属分组的名称`,
  emptyLevelCellUnderNewGroup: (column, upperColumn, upperName) =>
    `列 ${quote(column)} 的单元格为空，而该行在列 ${quote(upperColumn)} 中开始了新分组 ${quote(upperName)}，因此不能延续上方（属于另一个 ${quote(upperColumn)}）的分组；应填写该行所属分组的名称`,
  noIndicator: (column) =>
    `该行在列 ${quote(column)} 中没有指标；应每个指标一行，其所属各级分组写在前面的层级列中（分组的权重写在该级的权重列中，如 一级权重，位于该分组的第一行；每个分组单独占一行的指标体系应使用代码列和上级列）`,
  groupInTwoPlaces: (name, column, firstLine, line) =>
    `列 ${quote(column)} 的分组 ${quote(name)} 在同一上级分组下出现在两处：从第 ${firstLine} 行起，又从第 ${line} 行起，中间隔着其他分组；同一分组的各行应连在一起，或不同分组应使用不同名称`,
  groupCellConflict: (group, column, firstLine, firstText, line, text) =>
    `分组 ${quote(group)} 在列 ${quote(column)} 中，第一行（第 ${firstLine} 行）为${firstText === "" ? "空单元格" : ` ${quote(firstText)}`}，第 ${line} 行却为 ${quote(text)}；该单元格应写在分组的第一行，其余各行留空（Excel 合并单元格另存为 CSV 即如此）或与之相同`,
  leadingCodeMissing: (cell, column, example) =>
    `列 ${quote(column)} 中的 ${quote(cell)} 前面没有代码，而该列多数单元格都有（如 ${quote(example)}）；该列应每个名称前都有代码，或都没有`,
  indicatorNameTwice: (name, firstLine, column) =>
    `指标 ${quote(name)} 在第 ${firstLine} 行也出现了；指标体系没有给出指标代码，指标名称即为其代码，两个指标不能共用一个代码；应使用不同的名称，或给出代码：代码列（如 三级代码 或 indicator_code），或在列 ${quote(column)} 中的每个名称前写代码（A01 高新技术企业数）`,
  madeCodeTaken: (code, group, column, line, level, other) => {
    const kind = other.kind === "group" ? "分组" : "指标";
    return `列 ${quote(column)} 第 ${line} 行的分组 ${quote(group)} 没有代码，因此按其位置生成了代码 ${quote(code)}；但列 ${quote(other.column)} 第 ${other.line} 行的${kind} ${quote(other.name)} 的代码也是 ${quote(code)}；应为列 ${quote(column)} 的分组给出代码（该级的代码列，如 ${chineseCodeColumn(level)} 或 level${level}_code，或在每个名称前写代码，如 "A1 创新投入"），或为${kind} ${quote(other.name)} 换一个代码`;
  },
  levelCellsMerged: (range, columns) =>
    `单元格 ${range} 跨层级列 ${quotedList(columns)} 合并，一个名称代表了多个层级的分组；应每级一个单元格：取消合并，在各级自己的单元格中写出该级的分组（没有下级分组的分组，在下一级的单元格中再写一次其名称）`,
  headerCellsMerged: (range, name, columns) =>
    `表头单元格 ${range} 已合并，${quote(name)} 跨了 ${columns} 列，第一列之后的各列没有自己的列名；应每列一个表头单元格，各写其列名（如 一级指标、二级指标、三级指标、权重、属性）：取消合并，在各列自己的单元格中写出列名`,
  cellsMerged: (range, columns) =>
    `单元格 ${range} 跨列 ${quotedList(columns)} 合并，第一个单元格的内容显示在了其他列的单元格中；表中每列各为一个字段，应每列一个单元格：取消合并，在各列自己的单元格中写出其内容`,
};
