/**
 * The words of the audit's outputs for people, `audit.html` and `audit.xlsx`, in Chinese and English: the page's
 * headings, sentences, table headers, chart titles and flags, and the workbook's sheet names, column headers and the
 * words in its cells (flags, relations, periods, strengths and weaknesses). The CSV files keep the English names
 * (stable for programs); names of nodes come from the tree. The notes the engine writes (`row.note`, `row.notes`) are
 * English in both languages. The three correlation flags and the heatmap's title use the dashboard's words
 * (`dashboard/words.ts`), so that the dashboard's audit section and the audit's own page name them alike.
 */
import type { CorrelationFlag, CorrelationRelation, StatisticsFlag } from "../../core/audit/audit.js";
import { DROP_RANKS_FILE } from "../write/drop-csv.js";
import { namesIn, type Column, type Language, type Table } from "../write/tables.js";
import { pageText } from "./page-warnings.js";
import { dashboardWords } from "./dashboard/words.js";
import { columnDisplay, columnTitle } from "./labels.js";

const DASHBOARD_ZH = dashboardWords("zh");
const DASHBOARD_EN = dashboardWords("en");

const AUDIT_WORDS = {
  zh: {
    title: "统计审计",
    titleOf: "统计审计：{name}",
    units: "{count}个评价对象",
    unitsOne: "1个评价对象",
    years: "{from}—{to}年",
    year: "{year}年",
    pooled: "全部{count}个评价对象-年份合并计算",
    method: "{label}（{name}）",
    methodJoin: "，",
    sentenceEnd: "。",
    perYear: "各年分别计算的结果见 {files}。",
    fileJoin: "、",
    oneUnit: "只有一个评价对象：本页的每个统计量都基于它的{years}个年份计算，描述的是各指标随时间的共同变化（主要是共同趋势），而不是对象之间的差异。",
    groupsHeading: "指标组：Cronbach α 系数与第一主成分",
    correlationsHeading: "各指标组内的相关系数",
    noPairs: "没有含两个或以上下级的指标组。",
    weightsHeading: "名义权重与有效权重",
    weightsNote: "有效权重：各下级与所在指标组的 r²（及相关比）除以同级之和。",
    flagsHeading: "提示（全部评价对象-年份合并）",
    none: "无。",
    yearly: "单个年份的提示：{count}行（见 CSV 文件）。",
    heatmap: DASHBOARD_ZH.correlations,
    weightChart: "{group}：名义权重与有效权重",
    nominalWeight: DASHBOARD_ZH.nominal,
    r2Share: "r² 占比（与上级）",
    ratioShare: "相关比占比",
    alphaBelow: "α 低于 {threshold}",
    components: "{count}个主成分的特征值大于1",
    flagJoin: "、",
    groupFlagJoin: "；",
    noteJoin: "；",
    pairRelation: "{relation}，r = {r}",
    // Headers of the group table and of the flags table.
    group: "指标组",
    name: "名称",
    children: "下级个数",
    n: "观测数",
    alpha: "α",
    pc1Eigenvalue: "第一主成分特征值",
    pc1Share: "第一主成分方差占比",
    flags: "提示",
    notes: "说明",
    flaggedItem: "指标或指标对",
    flaggedDetail: "名称或关系",
  },
  en: {
    title: "Statistical audit",
    titleOf: "Statistical audit: {name}",
    units: "{count} units",
    unitsOne: "1 unit",
    years: "{from}–{to}",
    year: "{year}",
    pooled: "all {count} unit-years pooled",
    method: "{label} {name}",
    methodJoin: ", ",
    sentenceEnd: ". ",
    perYear: "Each year apart: {files}.",
    fileJoin: ", ",
    oneUnit: "One unit: every statistic here runs over its {years} years, so it describes how the indicators moved together over time (mostly their common trend), not how units differ.",
    groupsHeading: "Groups: Cronbach's alpha and the first principal component",
    correlationsHeading: "Correlations within each group",
    noPairs: "No group has two children.",
    weightsHeading: "Nominal and effective weights",
    weightsNote: "Effective weights: each child's r² (and correlation ratio) with its group, over its siblings' sum.",
    flagsHeading: "Flags (all unit-years)",
    none: "None.",
    yearly: "Flags in single years: {count} rows (see the CSV files).",
    heatmap: DASHBOARD_EN.correlations,
    weightChart: "{group}: nominal and effective weights",
    nominalWeight: "nominal weight",
    r2Share: "r² share (with parent)",
    ratioShare: "correlation ratio share",
    alphaBelow: "alpha < {threshold}",
    components: "{count} components with eigenvalue > 1",
    flagJoin: ", ",
    groupFlagJoin: "; ",
    noteJoin: "; ",
    pairRelation: "{relation}, r = {r}",
    group: "group",
    name: "name",
    children: "children",
    n: "n",
    alpha: "alpha",
    pc1Eigenvalue: "PC1 eigenvalue",
    pc1Share: "PC1 share",
    flags: "flags",
    notes: "notes",
    flaggedItem: "indicator or pair",
    flaggedDetail: "name or relation",
  },
} as const;

export type AuditWords = { [key in keyof (typeof AUDIT_WORDS)["zh"]]: string };

/** The audit's words in `language` (`{name}` placeholders filled by `fill` of `labels.ts`). */
export function auditWordsOf(language: Language): AuditWords {
  return AUDIT_WORDS[language];
}

/** The flags of the indicators' statistics and of the correlations in Chinese (the correlations' as the dashboard's). */
const FLAG_NAMES_ZH: Readonly<Record<StatisticsFlag | CorrelationFlag, string>> = {
  "low-coverage": "覆盖率低",
  "skew-kurtosis": "偏度和峰度过高",
  "near-constant": "取值几乎不变",
  "negative-within-group": "与同组指标负相关",
  collinear: DASHBOARD_ZH.flagCollinear,
  negative: DASHBOARD_ZH.flagNegative,
  "weak-parent": DASHBOARD_ZH.flagWeakParent,
};

/** How the two nodes of a correlation relate, in Chinese. */
const RELATION_NAMES_ZH: Readonly<Record<CorrelationRelation, string>> = { sibling: "同级", parent: "与上级", index: "与总指数" };

/** A flag in `language`: Chinese from the table above; in English its own name (as the CSV files write it). */
export function auditFlagName(flag: string, language: Language): string {
  return language === "zh" ? (FLAG_NAMES_ZH[flag as StatisticsFlag] ?? flag) : flag;
}

/** A correlation's relation (`sibling`, `parent`, `index`) in `language`; in English as the CSV files write it. */
export function auditRelationName(relation: string, language: Language): string {
  return language === "zh" ? (RELATION_NAMES_ZH[relation as CorrelationRelation] ?? relation) : relation;
}

/** Sheet names of `audit.xlsx` in Chinese (at most 31 characters, none of `[]:*?/\`); in English the table names. */
const SHEET_NAMES_ZH: Readonly<Record<string, string>> = {
  statistics: "指标统计",
  correlations: "相关系数",
  cronbach: "Cronbach α 系数",
  pca: "主成分分析",
  importance: "名义权重与有效权重",
  "sensitivity-drop": "剔除敏感性",
  "sensitivity-drop-ranks": "剔除后排名",
  profiles: "优势与劣势",
};

/**
 * Column headers of `audit.xlsx` in Chinese; the names `index.xlsx` shares (code, level, parent, weight, rank, unit,
 * year, name, indicator) in the same words as its own sheets.
 */
const COLUMN_NAMES_ZH: Readonly<Record<string, string>> = {
  period: "年份",
  indicator: columnTitle("indicator", "zh"),
  n: "观测数",
  coverage: columnTitle("share_observed", "zh"),
  mean: "均值",
  sd: "标准差",
  min: "最小值",
  max: "最大值",
  skewness: "偏度",
  kurtosis: "峰度（超额）",
  same_share: "最常见值占比",
  outliers: "需缩尾的值个数",
  flags: "提示",
  notes: "说明",
  relation: "关系",
  group: "指标组",
  level: "层级",
  a: "节点A",
  b: "节点B",
  pearson: "Pearson 相关系数",
  spearman: "Spearman 相关系数",
  children: "下级个数",
  alpha: "Cronbach α",
  component: "主成分",
  eigenvalue: "特征值",
  share: "方差占比",
  cumulative_share: "累计方差占比",
  child: "下级",
  pc1_loading: "第一主成分载荷",
  pc1_vector: "第一特征向量",
  code: "代码",
  parent: "上级",
  weight: "权重",
  global_weight: "总指数中的权重",
  r2_parent: "与上级的 r²",
  r2_parent_share: "与上级的 r² 占比",
  r2_index: "与总指数的 r²",
  r2_index_share: "与总指数的 r² 占比",
  ratio_parent: "与上级的相关比",
  ratio_parent_share: "与上级的相关比占比",
  ratio_index: "与总指数的相关比",
  ratio_index_share: "与总指数的相关比占比",
  element: "剔除的节点",
  year: columnTitle("year", "zh"),
  mean_abs_shift: "排名平均变动（绝对值）",
  max_shift: "排名最大变动",
  max_shift_unit: "排名变动最大的评价对象",
  unit: columnTitle("unit", "zh"),
  rank: "排名",
  type: "类型",
  name: columnTitle("name", "zh"),
  kind: "节点类别",
  value: "原始值",
  score: "得分",
  percentile: "百分位",
  units: "参与排名的评价对象数",
};

/** Words in the cells a person reads, by column, in Chinese: the pooled period, strengths and weaknesses, node kinds. */
const CELL_NAMES_ZH: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  period: { all: "全部年份" },
  type: { strength: "优势", weakness: "劣势" },
  kind: { index: "总指数", group: "指标组", indicator: "指标" },
};

/** The columns of `sensitivity-drop-ranks` before one column per dropped element, which is named by its code. */
const DROP_RANKS_FIXED_COLUMNS = 3;

/**
 * An audit table as its `audit.xlsx` sheet shows it in `language`, as `workbookSheetOf` (`labels.ts`) does for
 * `index.xlsx`: the nodes named by `namesIn` (the tree's `name_en` in English); in Chinese the sheet name, the headers,
 * the flags (joined by 、), the relations, the pooled period (全部年份) and the profiles' type and kind in Chinese; in
 * English the table's names with `_` read as a space and the cells as the CSV file has them. The columns named by a
 * node's code (one per dropped element) keep the code; numbers stay numbers; the engine's notes are in `language` (`pageText`).
 */
export function auditSheetOf(table: Table, nodes: Parameters<typeof namesIn>[1], language: Language): Table {
  const named = namesIn(table, nodes, language);
  const fixed = `${table.name}.csv` === DROP_RANKS_FILE ? DROP_RANKS_FIXED_COLUMNS : table.columns.length;
  const header = (column: Column, i: number): Column => {
    if (i >= fixed) return column;
    // A coverage share shows as a percentage, as index.xlsx's coverage sheet shows it (the cell keeps the share).
    const display = column.name === "coverage" ? columnDisplay("share_observed") : column.display;
    return { ...column, display, name: language === "zh" ? (COLUMN_NAMES_ZH[column.name] ?? column.name) : columnTitle(column.name, "en") };
  };
  const columns = table.columns.map(header);
  if (language !== "zh") return { ...named, columns };
  const cellWord = table.columns.map((column, i): ((cell: string) => string) | undefined => {
    if (i >= fixed) return undefined;
    if (column.name === "flags") return (cell) => (cell === "" ? cell : cell.split(";").map((flag) => auditFlagName(flag, "zh")).join(AUDIT_WORDS.zh.flagJoin));
    if (column.name === "relation") return (cell) => auditRelationName(cell, "zh");
    // The engine's notes, joined by "; " in the CSV file, each in Chinese as the page gives it.
    if (column.name === "notes") return (cell) => (cell === "" ? cell : cell.split("; ").map((note) => pageText(note, "zh")).join(AUDIT_WORDS.zh.noteJoin));
    const words = CELL_NAMES_ZH[column.name];
    return words ? (cell) => words[cell] ?? cell : undefined;
  });
  const rows = named.rows.map((row) => row.map((cell, i) => (typeof cell === "string" && cellWord[i] ? cellWord[i](cell) : cell)));
  return { ...named, name: SHEET_NAMES_ZH[table.name] ?? table.name, columns, rows };
}
