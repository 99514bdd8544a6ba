/**
 * The words of the HTML report in Chinese and English. Names of the index, groups and indicators come from the tree.
 */
import type { ColumnDisplay, Language } from "../write/tables.js";
import { counted, quote } from "../../core/quote.js";
import { WEIGHT_METHOD_NAMES } from "../../core/zh/weight-method-names.js";

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
    // The meta line: "基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），…".
    labelled: "{label}：{value}",
    baseYearValue: "{year}年 = 100",
    // After the base year, when `--zero-base first-nonzero` moved indicators to a later base year (W_ZERO_BASE_SHIFTED).
    baseYearShifted: "（{count} 个指标以更晚的年份为基期：{names}）",
    yearRange: "{from}—{to}年",
    yearOne: "{year}年",
    listJoin: "、",
    moreUnits: "{shown}……（共{count}个）",
    unnamedUnit: "（未命名）",
    methodPart: "{label}（{name}）",
    methodJoin: "，",
    // Indicators with their own missing-value policy (the tree's missing column): "不允许缺失；部分指标：线性插值（3个）、均值插补（2个）".
    missingOwn: "{run}；部分指标：{policies}",
    missingOwnCount: "{name}（{count}个）",
    trend: "总指数与一级分指数",
    profile: "一级分指数：{to}年与{from}年对比",
    contributions: "{from}—{to}年总指数变化的贡献（点）",
    ranking: "总指数排名",
    league: "{year}年总指数（按排名）",
    rank: "排名",
    rankOfYear: "{year}年排名",
    results: "指数结果",
    growth: "{from}—{to}年增长",
    contributionTable: "{from}—{to}年贡献分解",
    // The overall index missing in a year of a change (--min-group-coverage, a screened unit-year): no change, no contributions.
    changeMissingOne: "无法给出{from}—{to}年总指数的变化：{year}年总指数缺失。",
    changeMissingBoth: "无法给出{from}—{to}年总指数的变化：两年的总指数都缺失。",
    coverage: "数据覆盖",
    imputations: "缺失值插补与重新加权",
    noImputations: "没有插补或重新加权的数值。",
    treatment: "异常值处理",
    warnings: "提示",
    warningsIntro: "计算时给出了以下提示：",
    groups: "绩效分组",
    groupsNote:
      "按总指数相对于参照值的百分比分组（欧洲创新记分牌的方法）：高于{leader}%为创新领先者，高于{strong}%且不高于{leader}%为强劲创新者，{moderate}%至{strong}%为中等创新者，低于{moderate}%为新兴创新者。{reference}",
    groupsReferenceAverage: "参照值为当年各评价对象总指数的平均值。",
    groupsReferenceUnit: "参照值为当年{unit}的总指数。",
    relativeOfYear: "{year}年相对参照值（%）",
    code: "代码",
    name: "名称",
    level: "层级",
    unit: "评价对象",
    value: "值",
    change: "变化（点）",
    changePercent: "变化（%）",
    cagrPercent: "{from}年以来年均增长（%）",
    // The growth table's last column where the values are on no ratio scale (`ratioScale`): growth.csv's average_change.
    averageChange: "{from}年以来年均变化（点）",
    contribution: "贡献（点）",
    sharePercent: "占比（%）",
    notes:
      "贡献：算术合成时为权重×子项得分变化（多层时为路径上权重之积），各项之和（四舍五入前）精确等于总指数的变化；有利权重法（BoD）合成以各单位自选的权重同样精确分解；其他合成方法按对数变化份额分解。排名为竞争排名（同 Excel RANK.EQ，并列者排名相同）。",
    // After the notes of a page that shows a change (two years or more), as official tables say it (国家统计局: "由于四舍五入
    // 的原因，分项数据之和与总计可能存在差异"): a change is the difference of the values to 15 digits (`differenceAsShown`),
    // rounded after, so it may be 1 off in its last digit from the difference of the two rounded figures shown.
    roundingNote: "注：变化与贡献均按未经四舍五入的数值计算后再四舍五入，因此变化与所列两期数值之差可能在末位相差1，分项之和与合计也可能存在差异。",
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
    // The meta line: "Base year: 2017 = 100 · Years: 2017–2019 · Units: U1, U2 · Method: normalisation fixed-base, …".
    labelled: "{label}: {value}",
    baseYearValue: "{year} = 100",
    baseYearShifted: " ({count} on a later base year: {names})",
    yearRange: "{from}–{to}",
    yearOne: "{year}",
    listJoin: ", ",
    moreUnits: "{shown} … ({count})",
    unnamedUnit: "(unnamed)",
    methodPart: "{label} {name}",
    methodJoin: ", ",
    // "error; per indicator: interpolate (3), mean (2)".
    missingOwn: "{run}; per indicator: {policies}",
    missingOwnCount: "{name} ({count})",
    trend: "Overall index and first-level sub-indices",
    profile: "First-level sub-indices: {to} against {from}",
    contributions: "Contributions to the change of the overall index, {from}–{to} (points)",
    ranking: "Rank of the overall index",
    league: "Overall index {year} (rank)",
    rank: "Rank",
    rankOfYear: "Rank {year}",
    results: "Results",
    growth: "Growth {from}–{to}",
    contributionTable: "Contributions {from}–{to}",
    changeMissingOne: "The change of the overall index from {from} to {to} cannot be given: the index is missing in {year}.",
    changeMissingBoth: "The change of the overall index from {from} to {to} cannot be given: the index is missing in both years.",
    coverage: "Coverage of the data",
    imputations: "Imputed and reweighted values",
    noImputations: "No value was imputed or left out.",
    treatment: "Outlier treatment",
    warnings: "Warnings",
    warningsIntro: "The run gave these warnings:",
    groups: "Performance groups",
    groupsNote:
      "Groups by the overall index in % of the reference (the European Innovation Scoreboard's method): above {leader}% leader, above {strong}% up to {leader}% strong, {moderate}% to {strong}% moderate, below {moderate}% emerging. {reference}",
    groupsReferenceAverage: "The reference is the units' average overall index of the year.",
    groupsReferenceUnit: "The reference is the overall index of {unit} in the year.",
    relativeOfYear: "Relative to the reference {year} (%)",
    code: "Code",
    name: "Name",
    level: "Level",
    unit: "Unit",
    value: "Value",
    change: "Change (points)",
    changePercent: "Change (%)",
    cagrPercent: "Yearly growth since {from} (%)",
    averageChange: "Average yearly change since {from} (points)",
    contribution: "Contribution (points)",
    sharePercent: "Share (%)",
    notes:
      "Contributions: for arithmetic aggregation, weight × change of the child's score (for deeper levels, the product of the weights down the path); before rounding, they sum exactly to the change of the overall index. Benefit of the doubt is split exactly too, by each unit's own weights. Other aggregations are split by log-change shares. Ranks are competition ranks (as Excel's RANK.EQ: ties share a rank).",
    roundingNote:
      "Note: changes and contributions are worked out from the unrounded values and then rounded, so a change may differ by one in its last digit from the difference of the rounded figures shown, and parts may not add up exactly to the total.",
  },
} as const;

export type Words = { [key in keyof (typeof WORDS)["zh"]]: string };

/**
 * Headers of the data tables (coverage, imputations, treatment, performance groups) in Chinese; in English the column
 * names are kept. One word per thing across the pages and the workbook: a unit is a 评价对象 everywhere.
 */
const COLUMN_NAMES_ZH: Readonly<Record<string, string>> = {
  indicator: "指标",
  name: "名称",
  unit: "评价对象",
  year: "年份",
  expected: "应有",
  observed: "实有",
  imputed: "插补",
  reweighted: "重新加权",
  share_observed: "实有比例",
  method: "方法",
  value: "值",
  original: "原值",
  index: "总指数",
  relative_percent: "相对参照值（%）",
  group: "绩效分组",
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

/** The indicators on a later base year, after the base year of the meta line: the first three quoted, then how many more; "" for none. */
function shiftedText(shifted: readonly string[], language: Language): string {
  if (shifted.length === 0) return "";
  const words = WORDS[language];
  const named = shifted.slice(0, 3).map(quote).join(words.listJoin);
  const more = shifted.length > 3 ? (language === "zh" ? `等` : `, …`) : "";
  const count = language === "zh" ? shifted.length : counted(shifted.length, "indicator");
  return fill(words.baseYearShifted, { count, names: named + more });
}

/** What the meta line under a page's title describes (the static page's and the dashboard's, one text for both). */
export interface MetaLine {
  /** The base year, when every indicator is 100 in it ("base year = 100" describes the whole index); else left out. */
  baseYear?: number;
  /** The indicators moved to a later base year (`shiftedBaseIndicators`), named after the base year; none by default. */
  shifted?: readonly string[];
  years: readonly number[];
  units: readonly string[];
  /** The methods, already named in the page's language (`methodNames`). */
  methods: { normalize: string; aggregate: string; weighting: string; missing: string };
}

/**
 * The meta line in `language`, as plain text: "基期：2017年 = 100 · 年份：2017—2019年 · 评价对象：U1、U2 · 方法：标准化（定基指数），
 * 合成（加权算术平均），权重（指标体系给定权重），缺失值处理（不允许缺失）" with full-width punctuation in Chinese, or "Base year:
 * 2017 = 100 · Years: 2017–2019 · Units: U1, U2 · Method: normalisation fixed-base, …" in English.
 */
export function metaText(meta: MetaLine, language: Language): string {
  const words = WORDS[language];
  const labelled = (label: string, value: string) => fill(words.labelled, { label, value });
  const { years } = meta;
  const first = years[0];
  const last = years[years.length - 1];
  const yearText = first === last ? fill(words.yearOne, { year: first }) : fill(words.yearRange, { from: first, to: last });
  const methods = [
    [words.normalization, meta.methods.normalize],
    [words.aggregation, meta.methods.aggregate],
    [words.weighting, meta.methods.weighting],
    [words.missing, meta.methods.missing],
  ].map(([label, name]) => fill(words.methodPart, { label, name }));
  return [
    ...(meta.baseYear !== undefined ? [labelled(words.baseYear, fill(words.baseYearValue, { year: meta.baseYear }) + shiftedText(meta.shifted ?? [], language))] : []),
    labelled(words.years, yearText),
    labelled(words.units, unitListText(meta.units, language)),
    labelled(words.method, methods.join(words.methodJoin)),
  ].join(" · ");
}

/**
 * The units as the meta line lists them: all of them up to 12, else the first 10 and how many in all ("A、B……（共51个）",
 * "A, B … (51)"); a unit without a name (values without a unit column) as "（未命名）" / "(unnamed)".
 */
export function unitListText(units: readonly string[], language: Language): string {
  const words = WORDS[language];
  const names = units.map((unit) => unitName(unit, language));
  if (names.length <= 12) return names.join(words.listJoin);
  return fill(words.moreUnits, { shown: names.slice(0, 10).join(words.listJoin), count: names.length });
}

/** A unit's name, or for a unit without one (values without a unit column) "（未命名）" / "(unnamed)". */
export function unitName(unit: string, language: Language): string {
  return unit === "" ? WORDS[language].unnamedUnit : unit;
}

/**
 * Why the change of the overall index from `fromYear` to `toYear` cannot be given, when its value (`from`, `to`) is
 * missing in either year: "无法给出2020—2021年总指数的变化：2021年总指数缺失。" / "The change of the overall index from 2020
 * to 2021 cannot be given: the index is missing in 2021."; undefined when both values are there. What the pages say in
 * place of a change and its contributions (none is given below a change that is missing: `computeContributions`).
 */
export function changeMissingText(words: Pick<Words, "changeMissingOne" | "changeMissingBoth">, fromYear: number, toYear: number, from: number, to: number): string | undefined {
  const [lostFrom, lostTo] = [Number.isNaN(from), Number.isNaN(to)];
  if (!lostFrom && !lostTo) return undefined;
  if (lostFrom && lostTo) return fill(words.changeMissingBoth, { from: fromYear, to: toYear });
  return fill(words.changeMissingOne, { from: fromYear, to: toYear, year: lostFrom ? fromYear : toYear });
}

/**
 * A rank change (previous rank − rank, as `ranks.csv`'s `rank_change`: positive when the unit moved up) with its
 * direction, so that it cannot be read as a rank number that grew: "↑3" up three places, "↓2" down two, "0" the same
 * place; `missing` where there is none (the first year, a missing value). The same in both languages.
 */
export function rankChangeText(change: number, missing = ""): string {
  if (!Number.isFinite(change)) return missing;
  if (change === 0) return "0";
  return (change > 0 ? "↑" : "↓") + String(Math.abs(change));
}

/**
 * A share from 0 to 1 (coverage's `share_observed`) as a percentage with one decimal ("98.0%"), and exactly 1 and 0 as
 * "100%" and "0%": a share just below 1 never shows as 100 (99.96% is "99.9%"), nor one just above 0 as 0, so that a
 * gap always shows. `missing` where there is none.
 */
export function shareText(share: number, missing = ""): string {
  if (!Number.isFinite(share)) return missing;
  if (share === 1 || share === 0) return `${share * 100}%`;
  const percent = Math.min(99.9, Math.max(0.1, Math.round(share * 1000) / 10));
  return `${percent.toFixed(1)}%`;
}

/**
 * How the pages and the workbook show a column's numbers beyond its decimals, by the column's name: a 0–1 share as a
 * percentage (`shareText`), a rank change with its direction (`rankChangeText`). The CSV files keep the numbers.
 */
const COLUMN_DISPLAYS: Readonly<Record<string, ColumnDisplay>> = { share_observed: "percent", rank_change: "rank-change" };

/** How a column named `column` is shown (`COLUMN_DISPLAYS`), or undefined for plain numbers. */
export function columnDisplay(column: string): ColumnDisplay | undefined {
  return COLUMN_DISPLAYS[column];
}

/** The words of `uncertainty.html` in Chinese and English (`{name}` placeholders filled by `fill`). */
const UNCERTAINTY_WORDS = {
  zh: {
    title: "{name}：不确定性与敏感性分析",
    overallIndex: "总指数",
    summary:
      "{replications} 次重复（Saltelli 设计：区间取自 {independent} 次独立运行，共运行 {runs} 次），随机种子 {seed}，基期 {baseYear} 年。变动的选择：{choices}。",
    tree: "指标体系：{tree}。",
    // The space between a sentence and the next, or a number and its interval: none in Chinese.
    gap: "",
    legend: "横条：各次运行的 5%–95% 区间；{median} 中位数；{nominal} 名义值（各列表的第一个方法、名义权重）。评价对象按名义排名排列。",
    yearHeading: "{year}年",
    index: "指数",
    rank: "排名（1 = 最高）",
    chartLabel: "{year}年指数与排名区间",
    tooltip: "{unit}：名义 {nominal}，中位数 {median}，5%–95% {low} – {high}",
    choice: "选择（全部评价对象）",
    interval: "，95% 区间",
    bounds: "（{low} – {high}）",
    indexFirst: "指数：一阶",
    indexTotal: "指数：总效应",
    rankFirst: "排名：一阶",
    rankTotal: "排名：总效应",
    choices: { weights: "权重", normalisation: "标准化", aggregation: "合成", missing: "缺失值处理" },
    sobolNote:
      "Sobol 指数：一阶指数（Saltelli 2010 估计量）是该选择单独解释的方差份额，总效应指数（Jansen 1999 估计量）还包括它与其他选择的交互作用，因此理论上总效应不小于一阶。两者都由同样 N 次重复估计，误差约为 1/√N：总效应略低于一阶、一阶略小于 0 或总效应略大于 1，都是抽样误差（用 --bootstrap 给出区间，增加 --replications 可缩小误差）。",
    belowFirst: "{year}年，{choices}的总效应估计低于一阶估计，见上方说明。",
    listJoin: "、",
    warnings: WORDS.zh.warnings,
    warningsIntro: WORDS.zh.warningsIntro,
  },
  en: {
    title: "{name}: uncertainty and sensitivity analysis",
    overallIndex: "Overall index",
    summary:
      "{replications} replications (Saltelli design: {independent} independent runs for the intervals, {runs} runs in all), seed {seed}, base year {baseYear}. Varied: {choices}.",
    tree: "Indicator tree: {tree}.",
    gap: " ",
    legend: "Bar: the 5–95% interval of the runs; {median} median; {nominal} nominal (the first method of each list, the nominal weights). Units in the order of their nominal rank.",
    yearHeading: "{year}",
    index: "index",
    rank: "rank (1 = highest)",
    chartLabel: "index and rank intervals in {year}",
    tooltip: "{unit}: nominal {nominal}, median {median}, 5–95% {low} – {high}",
    choice: "choice (all units)",
    interval: ", 95% interval",
    bounds: "({low} – {high})",
    indexFirst: "index: first order",
    indexTotal: "index: total",
    rankFirst: "rank: first order",
    rankTotal: "rank: total",
    choices: { weights: "weights", normalisation: "normalisation", aggregation: "aggregation", missing: "missing values" },
    sobolNote:
      "Sobol indices: the first-order index (Saltelli 2010 estimator) is the share of the variance a choice explains alone; the total index (Jansen 1999 estimator) adds its interactions with the other choices, so in theory the total is never below the first order. Both are estimated from the same N replications with an error of about 1/√N: a total slightly below the first order, a first order slightly below 0 or a total slightly above 1 is sampling error (--bootstrap gives the intervals; more --replications narrow them).",
    belowFirst: "In {year}, the total estimate of {choices} is below its first-order estimate: see the note above.",
    listJoin: ", ",
    warnings: WORDS.en.warnings,
    warningsIntro: WORDS.en.warningsIntro,
  },
} as const;

export type UncertaintyWords = { [key in Exclude<keyof (typeof UNCERTAINTY_WORDS)["zh"], "choices">]: string } & {
  choices: Readonly<Record<"weights" | "normalisation" | "aggregation" | "missing", string>>;
};

/** The words of `uncertainty.html` in `language`. */
export function uncertaintyWordsOf(language: Language): UncertaintyWords {
  return UNCERTAINTY_WORDS[language];
}

/** Sheet names of `index.xlsx` in Chinese (at most 31 characters, none of `[]:*?/\`); in English the table names. */
const SHEET_NAMES_ZH: Readonly<Record<string, string>> = {
  notes: "说明",
  index: "指数",
  "index-wide": "指数（宽表）",
  scores: "指标得分",
  growth: "增长",
  contributions: "贡献分解",
  ranks: "排名",
  weights: "权重",
  coverage: "数据覆盖",
  imputations: "插补与重新加权",
  treatment: "异常值处理",
  groups: "绩效分组",
};

/** Column headers of `index.xlsx` in Chinese, beyond those of the report's tables; a year column keeps its year. */
const WORKBOOK_COLUMNS_ZH: Readonly<Record<string, string>> = {
  note: "说明",
  code: "代码",
  level: "层级",
  parent: "上级",
  weight: "权重",
  global_weight: "总指数中的权重",
  change: "变化（点）",
  change_percent: "变化（%）",
  average_change: "年均变化（点）",
  cagr_percent: "年均增长（%）",
  from_year: "起始年",
  to_year: "终止年",
  from_value: "起始值",
  to_value: "终止值",
  contribution: "贡献（点）",
  share_percent: "占比（%）",
  rank: "排名",
  rank_change: "排名变化",
};

/**
 * The header of a workbook column in `language`: Chinese from the tables above, or in English the column's name with
 * `_` read as a space. The reference column of `groups` names its reference: `reference_average` is "参照值（平均值）",
 * `reference_AUT` "参照值（AUT）".
 */
export function workbookColumnTitle(column: string, language: Language): string {
  if (language !== "zh") return columnTitle(column, "en");
  if (column === "reference_average") return "参照值（平均值）";
  if (column.startsWith("reference_")) return `参照值（${column.slice("reference_".length)}）`;
  return WORKBOOK_COLUMNS_ZH[column] ?? columnTitle(column, "zh");
}

/**
 * A table as its `index.xlsx` sheet shows it in `language`: the sheet name and column headers in Chinese, or in English
 * the table's names with `_` read as a space; a share shown as a percentage and a rank change with its direction
 * (`columnDisplay`). The CSV files keep the English names and the plain numbers (stable for programs).
 */
export function workbookSheetOf<
  T extends { name: string; columns: readonly { name: string; display?: ColumnDisplay }[]; rows: readonly (readonly (string | number)[])[] },
>(table: T, language: Language): T {
  const sheet = language === "zh" ? (SHEET_NAMES_ZH[table.name] ?? table.name) : table.name;
  const columns = table.columns.map((column) => {
    const display = column.display ?? columnDisplay(column.name);
    return { ...column, name: workbookColumnTitle(column.name, language), ...(display ? { display } : {}) };
  });
  return { ...table, name: sheet, columns, rows: rowsInLanguage(table, language) };
}

/** Words a table's `method` and `group` cells hold (imputation, treatment, contribution, performance group) in Chinese. */
const VALUE_NAMES_ZH: Readonly<Record<string, string>> = {
  "winsorise-high": "缩尾（上端）",
  "winsorise-low": "缩尾（下端）",
  log: "对数变换",
  sqrt: "平方根变换",
  total: "合计",
  additive: "加法分解",
  "log-share": "按对数变化份额分解",
  "linear-share": "按线性份额分解",
  leader: "创新领先者",
  strong: "强劲创新者",
  moderate: "中等创新者",
  emerging: "新兴创新者",
};

/** A `method` or `group` cell's word in `language` (Chinese from the tables above; English and any other cell as is). */
export function valueName(column: string, value: string, language: Language): string {
  if (language !== "zh" || (column !== "method" && column !== "group")) return value;
  return VALUE_NAMES_ZH[value] ?? METHOD_NAMES_ZH[value] ?? value;
}

/** The rows of `table` with their `method` and `group` cells in `language` (the CSV files keep the words as they are). */
export function rowsInLanguage<T extends { columns: readonly { name: string }[]; rows: readonly (readonly (string | number)[])[] }>(table: T, language: Language): T["rows"] {
  const named = table.columns.flatMap((column, i) => (column.name === "method" || column.name === "group" ? [i] : []));
  if (language !== "zh" || named.length === 0) return table.rows;
  return table.rows.map((row) => row.map((cell, i) => (typeof cell === "string" && named.includes(i) ? valueName(table.columns[i].name, cell, language) : cell)));
}

/** Method names as the report's method line shows them in Chinese; in English the method's own name is kept. */
const METHOD_NAMES_ZH: Readonly<Record<string, string>> = {
  // normalisation
  "fixed-base": "定基指数",
  chain: "环比指数",
  "min-max": "极差标准化",
  "min-max-year": "逐年极差标准化",
  "min-max-goalposts": "目标值区间标准化",
  "z-score": "Z分数标准化",
  "z-score-year": "逐年Z分数标准化",
  rank: "排名得分",
  "percentile-rank": "百分位排名",
  borda: "波达计数",
  "fraction-of-max": "最大值比率",
  "distance-to-max": "与最大值的距离",
  "distance-to-target": "目标值比率",
  "distance-to-reference": "参照评价对象比率",
  "distance-to-average": "平均值比率",
  // aggregation
  arithmetic: "加权算术平均",
  geometric: "加权几何平均",
  harmonic: "加权调和平均",
  power: "加权幂平均",
  mpi: "Mazziotta–Pareto 指数（MPI）",
  copeland: "科普兰法",
  bod: "有利权重法（BoD）",
  topsis: "TOPSIS 法（逼近理想解排序法）",
  "topsis-year": "逐年 TOPSIS 法",
  grey: "灰色关联分析法",
  // weighting
  ...WEIGHT_METHOD_NAMES,
  // missing values
  error: "不允许缺失",
  "carry-forward": "沿用上一年",
  interpolate: "线性插值",
  "carry-back": "沿用下一年",
  reweight: "缺项权重重新分配",
  mean: "均值插补",
  median: "中位数插补",
  "below-coverage": "覆盖率不足，设为缺失",
};

/** A method's name in `language`: Chinese from the table above (the method's own name when it has none), English as is. */
export function methodName(method: string, language: Language): string {
  return language === "zh" ? (METHOD_NAMES_ZH[method] ?? method) : method;
}

/**
 * The methods of a run as the method lines name them in `language` (the static page's and the dashboard's): the
 * normalisation, the aggregation (`aggregationText`), the weighting and the missing-value policy (`missingText`).
 */
export function methodNames(
  result: {
    options: { normalize?: unknown; aggregate?: unknown; missing?: unknown; aggregateByLevel?: Readonly<Record<number, string>>; power?: number };
    weighting?: { method?: unknown };
    nodes?: readonly { missing?: string }[];
  },
  language: Language,
): { normalize: string; aggregate: string; weighting: string; missing: string } {
  return {
    normalize: methodName(String(result.options.normalize), language),
    aggregate: aggregationText(result.options, language),
    weighting: methodName(String(result.weighting?.method ?? "explicit"), language),
    missing: missingText(result, language),
  };
}

/**
 * The missing-value policy as the method lines name it in `language`: the run's (`--missing`), then, when indicators
 * have another of their own (the tree's `missing` column, each node's `missing`), each such policy with the number of
 * indicators under it, in the order the tree first names it: "error; per indicator: interpolate (3), mean (2)",
 * "不允许缺失；部分指标：线性插值（3个）、均值插补（2个）". An indicator whose own policy is the run's is not counted.
 */
export function missingText(result: { options: { missing?: unknown }; nodes?: readonly { missing?: string }[] }, language: Language): string {
  const run = String(result.options.missing);
  const counts = new Map<string, number>();
  for (const node of result.nodes ?? []) if (node.missing !== undefined && node.missing !== run) counts.set(node.missing, (counts.get(node.missing) ?? 0) + 1);
  const name = methodName(run, language);
  if (counts.size === 0) return name;
  const words = WORDS[language];
  const policies = [...counts].map(([policy, count]) => fill(words.missingOwnCount, { name: methodName(policy, language), count }));
  return fill(words.missingOwn, { run: name, policies: policies.join(words.listJoin) });
}

/**
 * The aggregation as the method lines name it in `language`: the method (a power mean with its exponent), then each
 * level's own (`--aggregate geometric,0=arithmetic`): "加权几何平均；总指数层 加权算术平均", "geometric; level 0 arithmetic".
 */
export function aggregationText(options: { aggregate?: unknown; aggregateByLevel?: Readonly<Record<number, string>>; power?: number }, language: Language): string {
  const name = (method: string) => {
    const text = methodName(method, language);
    return method === "power" && options.power !== undefined ? `${text}${language === "zh" ? `（p=${options.power}）` : ` (p = ${options.power})`}` : text;
  };
  const level = (depth: string) => (language === "zh" ? (depth === "0" ? "总指数层" : `第${depth}层`) : `level ${depth}`);
  const levels = Object.entries(options.aggregateByLevel ?? {}).map(([depth, method]) => `${level(depth)} ${name(method)}`);
  return [name(String(options.aggregate)), ...levels].join(language === "zh" ? "；" : "; ");
}
