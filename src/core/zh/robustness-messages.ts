/** The Chinese messages of `robustnessMessages` (src/core/audit/robustness-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { robustnessMessages } from "../audit/robustness-messages.js";
import type { Translation } from "../localize.js";

// As in the English file: values quoted as JSON, lists of them.
const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly (string | number)[]) => values.map((value) => quote(String(value))).join("、");

export const robustnessMessagesZh: Translation<typeof robustnessMessages> = {
  dropLeavesNothing: (element) => `剔除 ${quote(element)} 后，总指数没有任何下级节点；该项不纳入剔除分析`,
  dropZeroWeights: (element, parent) => `剔除 ${quote(element)} 后，${quote(parent)} 的下级节点权重之和为 0；该项不纳入剔除分析`,
  dropCascade: (element, removed) =>
    `${quote(element)} 是所在指标组唯一的下级节点，剔除它即剔除 ${quote(removed)}：该行衡量的是剔除 ${quote(removed)} 的影响`,
  unknownElement: (element, known) => `未知的节点 ${quote(element)}；应为指标或指标组代码，例如 ${list(known.slice(0, 5))}`,
  unknownYear: (year, years) => `年份 ${quote(String(year))} 不在结果中；应为以下之一：${list(years)}`,
  profilesSingleUnit: (unit) => `只有一个评价对象（${quote(unit)}）：优势与劣势是将一个评价对象与其他评价对象比较得出的，因此没有可列出的内容`,
  compareUnits: (onlyA, onlyB) =>
    `两个配置的评价对象不同：${onlyA.length > 0 ? `仅在 a 中：${list(onlyA)}` : ""}${onlyA.length > 0 && onlyB.length > 0 ? "；" : ""}${onlyB.length > 0 ? `仅在 b 中：${list(onlyB)}` : ""}；两者应有相同的评价对象（同一数据文件，或评价对象相同的文件）`,
  compareYears: (onlyA, onlyB) =>
    `两个配置的年份不同：${onlyA.length > 0 ? `仅在 a 中：${list(onlyA)}` : ""}${onlyA.length > 0 && onlyB.length > 0 ? "；" : ""}${onlyB.length > 0 ? `仅在 b 中：${list(onlyB)}` : ""}；两者应有相同的年份，或用 --year 指定两者都有的年份`,
  compareYearAbsent: (year, common) =>
    `--year ${year} 不是两个配置共有的年份；应为以下之一：${common.length > 0 ? list(common) : "（两者没有共同年份）"}`,
  spearmanUndefined: (year, count, tiedIn) =>
    count >= 2 && tiedIn !== undefined
      ? `${year}：在两个配置中都有排名的 ${count} 个评价对象${tiedIn === "both" ? "在两个配置中" : `在配置 ${tiedIn} 中`}全部并列，因此排名之间没有相关系数（相关系数需要互不相同的名次）`
      : `${year}：${count === 1 ? "只有一个评价对象" : `${count} 个评价对象`}在两个配置中都有排名，因此排名之间没有相关系数（至少需要两个评价对象，且不能全部并列）`,
};
