import { describe, expect, it } from "vitest";
import { treeLevelMessages } from "../../../src/core/tree-level-messages.js";
import { chinese } from "../../../src/core/zh/index.js";
import { treeLevelMessagesZh } from "../../../src/core/zh/tree-level-messages.js";
import { checkTranslation } from "./facts.js";

describe("treeLevelMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(treeLevelMessages, treeLevelMessagesZh, [
      ["layoutMixed", ["上级", ["一级指标", "二级指标"]]],
      ["oneLevel", ["一级指标"]],
      ["levelMissing", [2, ["一级指标", "三级指标"]]],
      ["levelColumnTwice", ["三级代码", "代码", "code", 3]],
      ["levelColumnTwice", ["一级权重", "权重", "weight", 1]],
      ["levelKindsMixed", [["level1"], ["dimension", "indicator"]]],
      ["levelWithoutNames", ["二级权重", 2]],
      ["nameColumnInLevels", ["指标名称", "三级指标"]],
      ["emptyLevelCell", ["一级指标"]],
      ["emptyLevelCellUnderNewGroup", ["二级指标", "一级指标", "产业成长"]],
      ["noIndicator", ["三级指标"]],
      ["groupInTwoPlaces", ["创新投入", "二级指标", 3, 9]],
      ["groupCellConflict", ["双创活力", "一级权重", 2, "0.25", 4, "0.3"]],
      ["groupCellConflict", ["双创活力", "一级权重", 2, "", 4, "0.3"]],
      ["leadingCodeMissing", ["高新技术企业数", "三级指标", "A01 研发经费"]],
      ["indicatorNameTwice", ["研发经费", 3, "三级指标"]],
      ["madeCodeTaken", ["A1", "投入", "二级指标", 2, 2, { kind: "indicator", name: "A1 研发经费", column: "三级指标", line: 2 }]],
      ["madeCodeTaken", ["D2", "产业", "一级指标", 5, 1, { kind: "group", name: "D2 产出", column: "二级指标", line: 3 }]],
      ["levelCellsMerged", ["A4:B5", ["一级指标", "二级指标"]]],
      ["headerCellsMerged", ["A1:B1", "一级指标", 2]],
      ["cellsMerged", ["D2:E3", ["权重", "属性"]]],
    ]));

  it("is one of the Chinese catalogues the terminal loads", () => {
    expect(chinese.treeLevelMessages).toBe(treeLevelMessagesZh);
  });

  it("says what a Chinese user of a level table reads (written out by hand)", () => {
    expect(treeLevelMessagesZh.groupCellConflict("双创活力", "一级权重", 2, "0.25", 4, "0.3")).toBe(
      '分组 "双创活力" 在列 "一级权重" 中，第一行（第 2 行）为 "0.25"，第 4 行却为 "0.3"；该单元格应写在分组的第一行，其余各行留空（Excel 合并单元格另存为 CSV 即如此）或与之相同',
    );
    expect(treeLevelMessagesZh.levelColumnTwice("三级代码", "代码", "code", 3)).toBe('列 "三级代码" 和 "代码" 都给出第 3 级的代码；应只用一列');
    expect(treeLevelMessagesZh.cellsMerged("D2:E2", ["权重", "属性"])).toBe(
      '单元格 D2:E2 跨列 "权重"、"属性" 合并，第一个单元格的内容显示在了其他列的单元格中；表中每列各为一个字段，应每列一个单元格：取消合并，在各列自己的单元格中写出其内容',
    );
    expect(treeLevelMessagesZh.madeCodeTaken("A1", "投入", "二级指标", 2, 2, { kind: "indicator", name: "A1 研发经费", column: "三级指标", line: 2 })).toBe(
      '列 "二级指标" 第 2 行的分组 "投入" 没有代码，因此按其位置生成了代码 "A1"；但列 "三级指标" 第 2 行的指标 "A1 研发经费" 的代码也是 "A1"；应为列 "二级指标" 的分组给出代码（该级的代码列，如 二级代码 或 level2_code，或在每个名称前写代码，如 "A1 创新投入"），或为指标 "A1 研发经费" 换一个代码',
    );
  });
});
