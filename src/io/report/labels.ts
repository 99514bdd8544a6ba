/**
 * The words of the HTML report in Chinese and English. Names of the index, groups and indicators come from the tree.
 */
import type { Language } from "../write/tables.js";

export const REPORT_LANGUAGES = ["zh", "en"] as const;

const WORDS = {
  zh: {
    title: "创新指数报告",
    overallIndex: "总指数",
    baseYear: "基期",
    years: "年份",
    units: "评价对象",
    method: "方法",
    normalization: "标准化",
    aggregation: "合成",
    missing: "缺失值处理",
    weighting: "权重",
    trend: "总指数与一级分指数",
    profile: "一级分指数：{to}年与{from}年对比",
    contributions: "{from}—{to}年总指数变化的贡献（点）",
    ranking: "总指数排名",
    league: "{year}年总指数（名次）",
    rank: "排名",
    results: "指数结果",
    growth: "增长",
    contributionTable: "贡献分解",
    rankTable: "排名",
    coverage: "数据覆盖",
    imputations: "缺失值插补与重新加权",
    noImputations: "没有插补或重新加权的数值。",
    treatment: "异常值处理",
    warnings: "提示",
    code: "代码",
    name: "名称",
    level: "层级",
    unit: "对象",
    value: "值",
    change: "变化（点）",
    changePercent: "变化（%）",
    cagrPercent: "{from}年以来年均增长（%）",
    contribution: "贡献（点）",
    sharePercent: "占比（%）",
    notes:
      "贡献：算术合成时为权重×子项得分变化（多层时为路径上权重之积），各项之和精确等于总指数的变化；其他合成方法按对数变化份额分解。排名为竞争排名（同 Excel RANK.EQ，并列取同一名次）。",
  },
  en: {
    title: "Innovation index report",
    overallIndex: "Overall index",
    baseYear: "Base year",
    years: "Years",
    units: "Units",
    method: "Method",
    normalization: "normalisation",
    aggregation: "aggregation",
    missing: "missing values",
    weighting: "weights",
    trend: "Overall index and first-level sub-indices",
    profile: "First-level sub-indices: {to} against {from}",
    contributions: "Contributions to the change of the overall index, {from}–{to} (points)",
    ranking: "Rank of the overall index",
    league: "Overall index {year} (rank)",
    rank: "Rank",
    results: "Results",
    growth: "Growth",
    contributionTable: "Contributions",
    rankTable: "Ranks",
    coverage: "Coverage of the data",
    imputations: "Imputed and reweighted values",
    noImputations: "No value was imputed or left out.",
    treatment: "Outlier treatment",
    warnings: "Warnings",
    code: "Code",
    name: "Name",
    level: "Level",
    unit: "Unit",
    value: "Value",
    change: "Change (points)",
    changePercent: "Change (%)",
    cagrPercent: "Yearly growth since {from} (%)",
    contribution: "Contribution (points)",
    sharePercent: "Share (%)",
    notes:
      "Contributions: for arithmetic aggregation, weight × change of the child's score (for deeper levels, the product of the weights down the path); they sum exactly to the change of the overall index. Other aggregations are split by log-change shares. Ranks are competition ranks (as Excel's RANK.EQ: ties share a rank).",
  },
} as const;

export type Words = { [key in keyof (typeof WORDS)["zh"]]: string };

/** Headers of the data tables (coverage, imputations, treatment) in Chinese; in English the column names are kept. */
const COLUMN_NAMES_ZH: Readonly<Record<string, string>> = {
  indicator: "指标",
  name: "名称",
  unit: "对象",
  year: "年份",
  expected: "应有",
  observed: "实有",
  imputed: "插补",
  reweighted: "重新加权",
  share_observed: "实有比例",
  method: "方法",
  value: "值",
  original: "原值",
};

/** The header of a table column in `language`. */
export function columnTitle(column: string, language: Language): string {
  return language === "zh" ? (COLUMN_NAMES_ZH[column] ?? column) : column.replaceAll("_", " ");
}

/** The report's words in `language`. */
export function wordsOf(language: Language): Words {
  return WORDS[language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
