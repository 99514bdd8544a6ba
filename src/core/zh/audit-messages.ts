/** The Chinese messages of `auditMessages` (src/core/audit/messages.ts), for the terminal (src/core/localize.ts says how). */
import type { auditMessages } from "../audit/messages.js";
import type { Translation } from "../localize.js";

/**
 * The statistics the audit names in its notes (`tooFew` and `siblingMissing`, from audit.ts, correlation.ts,
 * importance.ts, cronbach.ts and pca.ts), in Chinese; another name passes through as it is.
 */
const STATISTICS: Readonly<Record<string, string>> = {
  correlation: "相关系数",
  "correlation ratio": "相关比",
  alpha: "α 系数",
  "standard deviation": "标准差",
  "skewness and kurtosis": "偏度和峰度",
  kurtosis: "峰度",
  "principal components": "主成分",
};

/** `<statistic> share` in Chinese, for the shares `siblingMissing` names. */
const SHARES: Readonly<Record<string, string>> = {
  "r2 with the parent": "与上级节点的 r2 占比",
  "correlation ratio with the parent": "与上级节点的相关比占比",
};

export const auditMessagesZh: Translation<typeof auditMessages> = {
  tooFew: (statistic, count, needed) => `${STATISTICS[statistic] ?? statistic}：仅 ${count} 个观测值，至少需要 ${needed} 个`,
  constant: (code, count) => `"${code}" 在 ${count} 个观测值中只取一个值`,
  oneChild: (group) => `指标组 "${group}" 只有一个下级节点`,
  constantSum: (group) => `在每个完整的评价对象-年份中，"${group}" 的下级节点之和都相同`,
  siblingMissing: (statistic) => `${SHARES[statistic] ?? `${STATISTICS[statistic] ?? statistic} 占比`}：某个同级节点没有值`,
  singular: (count, children) =>
    `${count} 个完整的评价对象-年份对应 ${children} 个下级节点：最后 ${children - count + 1} 个特征值为 0（在舍入误差范围内）`,
  unknownUnit: (unit, units) =>
    `--profile-unit ${JSON.stringify(unit)} 不是数据中的评价对象；应为以下之一：${units.slice(0, 10).map((name) => JSON.stringify(name)).join("、")}${units.length > 10 ? `、…（共 ${units.length} 个评价对象）` : ""}`,
  outliersRemain: (points) => `对 ${points} 个点进行缩尾处理后，偏度-峰度规则仍不满足`,
};
