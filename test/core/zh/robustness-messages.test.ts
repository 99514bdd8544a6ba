import { describe, expect, it } from "vitest";
import { robustnessMessages } from "../../../src/core/audit/robustness-messages.js";
import { robustnessMessagesZh } from "../../../src/core/zh/robustness-messages.js";
import { checkTranslation } from "./facts.js";

describe("robustnessMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(robustnessMessages, robustnessMessagesZh, [
      ["dropLeavesNothing", ["A"]],
      ["dropZeroWeights", ["A11", "A1"]],
      ["dropCascade", ["A31", "A3"]],
      ["unknownElement", ["Z9", ["A", "A1", "A11", "A12", "B", "B1"]]],
      ["unknownYear", [2015, [2018, 2019, 2020]]],
      ["profilesSingleUnit", ["常州"]],
      ["compareUnits", [["苏州"], []]],
      ["compareUnits", [[], ["无锡", "南京"]]],
      ["compareUnits", [["苏州"], ["无锡"]]],
      ["compareYears", [[2017], []]],
      ["compareYears", [[], [2021]]],
      ["compareYears", [[2017], [2021, 2022]]],
      ["compareYearAbsent", [2017, [2018, 2019]]],
      ["compareYearAbsent", [2017, []]],
      ["spearmanUndefined", [2019, 1]],
      ["spearmanUndefined", [2019, 0]],
      ["spearmanUndefined", [2019, 2]],
      ["spearmanUndefined", [2019, 2, "both"]],
      ["spearmanUndefined", [2019, 3, "a"]],
      ["spearmanUndefined", [2019, 3, "b"]],
    ]));

  it("says the common messages as written out by hand", () => {
    expect(robustnessMessagesZh.dropCascade("A31", "A3")).toBe('"A31" 是所在指标组唯一的下级节点，剔除它即剔除 "A3"：该行衡量的是剔除 "A3" 的影响');
    expect(robustnessMessagesZh.compareUnits(["苏州"], ["无锡"])).toBe(
      '两个配置的评价对象不同：仅在 a 中："苏州"；仅在 b 中："无锡"；两者应有相同的评价对象（同一数据文件，或评价对象相同的文件）',
    );
    expect(robustnessMessagesZh.compareYearAbsent(2017, [])).toBe("--year 2017 不是两个配置共有的年份；应为以下之一：（两者没有共同年份）");
    expect(robustnessMessagesZh.spearmanUndefined(2019, 2, "both")).toBe(
      "2019：在两个配置中都有排名的 2 个评价对象在两个配置中全部并列，因此排名之间没有相关系数（相关系数需要互不相同的名次）",
    );
    expect(robustnessMessagesZh.spearmanUndefined(2019, 1)).toBe(
      "2019：只有一个评价对象在两个配置中都有排名，因此排名之间没有相关系数（至少需要两个评价对象，且不能全部并列）",
    );
  });
});
