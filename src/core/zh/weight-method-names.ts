/**
 * The weighting methods (`--weights`) in Chinese: as the terminal's "权重方法" line and the report's method line
 * (src/io/report/labels.ts) name them, from this one list.
 */
export const WEIGHT_METHOD_NAMES: Readonly<Record<string, string>> = {
  explicit: "指标体系给定权重",
  equal: "等权",
  ahp: "层次分析法（AHP）",
  entropy: "熵权法",
  critic: "CRITIC法",
  cv: "变异系数法",
  pca: "主成分分析法",
  combined: "主客观组合赋权",
};
