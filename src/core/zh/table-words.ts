/** The Chinese words of the tables the command line prints on stdout (`tableWords`, src/core/table-words.ts). */
import type { TableWords } from "../table-words.js";
import { listItems, quote } from "../quote.js";
import { list } from "./words.js";

export const tableWordsZh: TableWords = {
  codeHeading: () => "代码",
  nameHeading: () => "名称",
  indexTitle: (unit, scale, percent) => `${unit ? `${unit}：` : ""}指数，${scale}（${percent ? "括号内为比上年增长" : "括号内为比上年变化，单位为点"}）`,
  ownBaseScale: (year, across, shifted = []) => {
    const named = listItems(shifted.map(quote), "、", (more) => `另有 ${more} 个`, 3);
    const later = shifted.length > 0 ? `（${shifted.length} 个指标以更晚的年份为基期：${named}；见 W_ZERO_BASE_SHIFTED）` : "";
    return across.length > 0 ? `指标以基期 ${year} 年 = 100${later}，分组按 ${list(across)} 合成` : `基期 ${year} 年 = 100${later}`;
  },
  normalisedScale: (methods, across) =>
    across.length > 0 ? `指标按 ${list(methods)} 标准化，分组按 ${list(across)} 合成` : `按 ${list(methods)} 标准化`,

  validated: (tree, indicators, groups, data, units, years) =>
    `检查通过：${tree}（${indicators} 个指标，${groups} 个指标组），${data}（${units} 个评价对象，年份 ${list(years)}）`,

  uncertaintyTitle: (year, replications, runs, seed) => `${year} 年总指数的不确定性（${replications} 次重复，${runs} 次运行，随机种子 ${seed}）`,
  uncertaintyHeadings: () => ["评价对象", "名义值", "中位数", "5%", "95%", "名义排名", "排名 5-95%"],
  unnamedUnit: () => "（评价对象）",
  sensitivityTitle: (year) => `各项选择解释的指数方差份额（全部评价对象，${year} 年）`,
  sensitivityHeadings: () => ["选择", "一阶", "总效应"],
  // As uncertainty.html names them (`choices` of src/io/report/labels.ts).
  uncertaintyChoice: (choice) => ({ weights: "权重", normalisation: "标准化", aggregation: "合成", missing: "缺失值处理" })[choice],

  auditTitle: (indicators, units, years) =>
    `统计审核：${indicators} 个指标，${units} 个评价对象，${years[0]}${years.length > 1 ? `-${years[years.length - 1]}` : ""} 年（全部年份合并：${units * years.length} 个评价对象-年份，即各 CSV 文件 period 列中的 "all"）`,
  auditNoFlags: () => "提示（全部评价对象-年份）：无",
  auditFlags: () => "提示（全部评价对象-年份）：",
  auditYearlyFlags: (count) => `单个年份中的提示：${count} 个（statistics.csv、correlations.csv）`,
  auditDimensionsTitle: () => "Cronbach's alpha 与第一主成分的方差份额，一级维度（全部评价对象-年份）：",
  auditDimensionHeadings: () => ["维度", "下级指标数", "n", "alpha", "PC1 份额", "说明"],
  auditOneUnit: (years) => `只有一个评价对象：每项统计都基于其 ${years} 个年份（是趋势，不是横截面）；见 docs/guides/audit.md`,

  compareHeadings: () => ["评价对象", "年份", "指数 a", "排名 a", "指数 b", "排名 b", "名次变化"],
  compareYear: (year, spearman, units, meanShift) =>
    `${year} 年：${units} 个评价对象的 Spearman 秩相关系数${spearman ? ` ${spearman}` : "无定义"}，平均名次变化绝对值 ${meanShift}`,

  runsHeadings: () => ["运行", "状态", "上一次运行", "评价对象 × 年份", "基期", "发布时间", "说明"],
  runState: (state) =>
    state === "latest" ? "LATEST" : state === "published" ? "已发布" : state === "withdrawn" ? "曾发布，已撤回" : state === "skipped" ? "已跳过" : "未发布",
  runPublishedAgain: (last) => `${last} 再次发布`,
  runLatestUntil: (until) => `至 ${until} 为 LATEST`,
  runLink: (target, unreachable) => (unreachable ? `无法访问：指向 ${quote(target)} 的符号链接，而目标不是文件夹` : `指向 ${quote(target)} 的符号链接`),
  noRuns: (runsLabel) => `${runsLabel}：尚无运行（innovation-index compute 生成第一次运行）`,
};
