/**
 * The HTML report: one self-contained file (no script, no network; the charts are inline SVG) that opens on an offline
 * PC and prints to PDF. Every text that comes from an input file is escaped. The same inputs give the same bytes.
 */
import { escapeHtml, htmlPage } from "./page.js";
import type { Analysis } from "../../core/analysis/analyze.js";
import { resultIndex, type IndexResult } from "../../core/compute.js";
import { baseYearIsHundred, ratioScale, shiftedBaseIndicators } from "../../core/index-scale.js";
import { differenceAsShown } from "../../core/number.js";
import { pageWarnings } from "./page-warnings.js";
import { barChart, barChartHeight, groupedBarChart, lineChart, radarChart, rankChart, rankChartHeight, renderCharts, type Series } from "./charts.js";
import { performanceGroups } from "../../core/analysis/performance-groups.js";
import { changeMissingText, columnDisplay, columnTitle, fill, metaText, methodNames, rankChangeText, rowsInLanguage, shareText, unitName, valueName, wordsOf, type Words } from "./labels.js";
import { nodeName, type Language, type Table } from "../write/tables.js";
import { formatNumberCell, formatValue } from "../write/to-csv.js";
import { NOTICE_STYLE, provenanceNoticeHtml, type Provenance } from "./provenance.js";

export interface ReportOptions {
  /** Labels: `zh` uses the tree's `name`, `en` its `name_en` (falling back to `name`) and English headings. Default `zh`. */
  language?: Language;
  /** Decimals shown in the tables. Default 2. */
  decimals?: number;
  /**
   * Extra tables shown at the end, each under its title (coverage, imputations, treatment); an empty table shows the
   * `empty` text, or is left out when there is none.
   */
  appendix?: readonly { title: string; table: Table | undefined; empty?: string }[];
  /** The page's title and heading (`--title`, else a project's `name`). Default: the report's word for it. */
  title?: string;
  /** A line under the title: what the index measures, who made it, the date of the data (a project's `description`). */
  description?: string;
}

export { escapeHtml } from "./page.js";

type ChartRequest = Parameters<typeof renderCharts>[0][number];

/** What every part of the report reads. */
interface Context {
  result: IndexResult;
  analysis: Analysis;
  words: Words;
  language: Language;
  decimals: number;
  /** Display name of node `n` in the report's language (the overall index by its name in the result). */
  name: (n: number) => string;
  /** The overall index and the first-level nodes, with their positions. */
  topNodes: { node: IndexResult["nodes"][number]; n: number }[];
  /** The contributions of the last year's change, when there are two years or more. */
  latest?: Analysis["contributions"][number];
}

/**
 * What the command line knows beyond the library's `ReportOptions`: the provenance of the run's values (from the values'
 * `source` column), for the notice under the title when some are illustrative (`provenanceNotice`).
 */
export interface ReportPageOptions extends ReportOptions {
  provenance?: Provenance;
}

/** The report of a result and its analysis, as HTML text. */
export async function formatReportHtml(result: IndexResult, analysis: Analysis, options: ReportPageOptions = {}): Promise<string> {
  const language = options.language ?? "zh";
  const words = wordsOf(language);
  const { years } = result;
  const context: Context = {
    result,
    analysis,
    words,
    language,
    decimals: options.decimals ?? 2,
    // The overall index by its own name (--index-name, index.yaml's index-name, the tree's INDEX row, else the default
    // of computeIndex: 总指数 or Index, Overall index in English), as index.csv names it.
    name: (n) => nodeName(result.nodes[n], language),
    topNodes: result.nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.level <= 1),
    latest: analysis.contributions.find((item) => item.toYear === years[years.length - 1] && item.fromYear === years[years.length - 2]),
  };

  // Every chart in one batch (ECharts is loaded once), then the page around them.
  const requests: ChartRequest[] = [];
  const add = (request: ChartRequest) => requests.push(request) - 1;
  const rankCharts = analysis.ranks ? rankingCharts(context).map(add) : [];
  const unitCharts = result.units.map((_, u) => chartsOfUnit(context, u).map(add));
  const svgs = await renderCharts(requests);
  const figures = (charts: number[]) => `<div class="charts">${charts.map((k) => `<figure class="chart">${svgs[k]}</figure>`).join("")}</div>`;

  const title = options.title?.trim() || words.title;
  const description = options.description?.trim();
  // Values marked illustrative: said near the top, before any figure (the shipped example in the terminal's words).
  const notice = provenanceNoticeHtml(options.provenance, language);
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    ...(description ? [`<p class="description">${escapeHtml(description)}</p>`] : []),
    ...(notice ? [notice] : []),
    metaLine(context),
  ];
  if (analysis.ranks) parts.push(`<section><h2>${escapeHtml(words.ranking)}</h2>${figures(rankCharts)}${rankTable(context)}</section>`);
  if (result.options.performanceGroups) parts.push(groupsSection(context));
  result.units.forEach((unit, u) => {
    const heading = unit ? `<h2>${escapeHtml(unit)}</h2>` : "";
    parts.push(`<section>${heading}${figures(unitCharts[u])}${tablesOfUnit(context, u)}</section>`);
  });
  for (const item of options.appendix ?? []) {
    if (item.table?.rows.length === 0 && item.empty === undefined) continue;
    const body = item.table && item.table.rows.length > 0 ? genericTable(item.table, context.decimals, language) : `<p>${escapeHtml(item.empty ?? "")}</p>`;
    parts.push(`<section><h2>${escapeHtml(item.title)}</h2>${body}</section>`);
  }
  // The messages in the page's language, as the command line prints them on a terminal of that language.
  if (result.warnings.length > 0)
    parts.push(
      `<section><h2>${escapeHtml(words.warnings)}</h2><p>${escapeHtml(words.warningsIntro)}</p><ul>${pageWarnings(result.warnings, language).map((warning) => `<li>${escapeHtml(warning)}</li>`).join("")}</ul></section>`,
    );
  // Once, with the notes: the changes and contributions shown (two years or more) are rounded after they are worked out.
  const rounding = years.length > 1 ? `<p class="rounding-note">${escapeHtml(words.roundingNote)}</p>` : "";
  parts.push(`<footer><p>${escapeHtml(words.notes)}</p>${rounding}</footer>`);
  return page(title, language, parts.join("\n"));
}

/** Base year, years, units and the method, in the page's language (`metaText`, the dashboard's line too). */
function metaLine({ result, language }: Context): string {
  const baseYear = baseYearIsHundred(result) ? result.baseYear : undefined;
  const shifted = shiftedBaseIndicators(result);
  return `<p class="meta">${escapeHtml(metaText({ baseYear, shifted, years: result.years, units: result.units, methods: methodNames(result, language) }, language))}</p>`;
}

/**
 * A unit's charts: the index and the first-level sub-indices over the years; their profile in the last year against the
 * base year (a radar, or grouped bars with fewer than three dimensions); the contributions to the last change.
 */
function chartsOfUnit({ result, words, decimals, name, topNodes, latest }: Context, u: number): ChartRequest[] {
  const { years } = result;
  const last = years[years.length - 1];
  const value = (n: number, y: number) => result.values[resultIndex(result, n, u, y)];
  const dimensions = topNodes.filter(({ node }) => node.level === 1);
  const series: Series[] = topNodes.map(({ n }) => ({ name: name(n), values: years.map((_, y) => value(n, y)) }));
  const charts: ChartRequest[] = [{ option: lineChart(words.trend, years, series) }];
  if (years.length > 1) {
    const from = result.baseYear !== last && years.includes(result.baseYear) ? result.baseYear : years[0];
    const radar = [from, last].map((year) => ({ name: String(year), values: dimensions.map(({ n }) => value(n, years.indexOf(year))) }));
    const title = fill(words.profile, { from, to: last });
    const axes = dimensions.map(({ n }) => name(n));
    // A radar needs three axes at least; with fewer, grouped bars show the same profile.
    charts.push({ option: axes.length >= 3 ? radarChart(title, axes, radar) : groupedBarChart(title, axes, radar) });
  }
  // No bars where the overall index is missing in either year (its tables say why).
  if (latest && !Number.isNaN(latest.contribution[u])) {
    const title = fill(words.contributions, { from: latest.fromYear, to: latest.toYear });
    const values = dimensions.map(({ n }) => latest.contribution[n * result.units.length + u]);
    charts.push({ option: barChart(title, dimensions.map(({ n }) => name(n)), values, decimals) });
  }
  return charts;
}

/** Several units: the overall index of the last year from first to last place, and (up to 12 units) ranks over the years. */
function rankingCharts({ result, analysis, words, decimals }: Context): ChartRequest[] {
  const ranks = analysis.ranks!;
  const { years, units } = result;
  const lastYear = years.length - 1;
  const rankOf = (u: number, y: number) => ranks.rank[resultIndex(result, 0, u, y)];
  const order = units.map((_, u) => u).sort((a, b) => rankOrder(rankOf(a, lastYear)) - rankOrder(rankOf(b, lastYear)) || a - b);
  const labels = order.map((u) => `${formatValue(rankOf(u, lastYear), 0)}. ${units[u]}`);
  const values = order.map((u) => result.values[resultIndex(result, 0, u, lastYear)]);
  // The values of the league are often close (110 to 130): the axis starts near the lowest, not at 0.
  const league = barChart(fill(words.league, { year: years[lastYear] }), labels, values, decimals, "#3b6fb6", { axisFromData: true });
  const charts: ChartRequest[] = [{ option: league, height: barChartHeight(units.length) }];
  // Rank lines over the years read well for a few units only; with many they are a tangle.
  if (years.length > 1 && units.length <= MAX_RANK_LINES) {
    const series = units.map((unit, u) => ({ name: unit, values: years.map((_, y) => rankOf(u, y)) }));
    charts.push({ option: rankChart(words.ranking, years, series, units.length), height: rankChartHeight(units.length) });
  }
  return charts;
}

/** A unit's tables: every group by year, the growth of the last year, the contributions of the last change and of the whole period. */
function tablesOfUnit({ result, analysis, words, decimals, name, topNodes, latest }: Context, u: number): string {
  const { years } = result;
  const first = years[0];
  const last = years.length - 1;
  const number = (value: number) => numberCell(formatValue(value, decimals));
  const value = (n: number, y: number) => result.values[resultIndex(result, n, u, y)];
  const groups = result.nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.kind !== "indicator");
  const resultRows = groups.map(({ node, n }) => [cell(node.code), cell(name(n), `level-${node.level}`), cell(String(node.level)), ...years.map((_, y) => number(value(n, y)))]);
  const parts = [`<h3>${escapeHtml(words.results)}</h3>`, htmlTable([words.code, words.name, words.level, ...years.map(String)], resultRows)];
  // The change of the last year missing is said once, under the growth table whose change it leaves empty: its
  // contributions (the same two years) are then left out, heading and all, rather than said missing again.
  let missingLatest = false;
  if (years.length > 1) {
    // In percent on a ratio scale only (`ratioScale`, as growth.csv and the terminal decide); else in points: the change
    // and the average change per year since the first year (growth.csv's average_change).
    const { change, changePercent, averageChange, cagrPercent } = analysis.growth;
    const percent = ratioScale(result);
    const growthRows = topNodes.map(({ node, n }) => {
      const at = resultIndex(result, n, u, last);
      const rates = percent ? [number(changePercent[at]), number(cagrPercent[at])] : [number(averageChange[at])];
      return [cell(node.code), cell(name(n)), number(value(n, last)), number(change[at]), ...rates];
    });
    const rateHeaders = percent ? [words.changePercent, fill(words.cagrPercent, { from: first })] : [fill(words.averageChange, { from: first })];
    parts.push(`<h3>${escapeHtml(fill(words.growth, { from: years[last - 1], to: years[last] }))}</h3>`);
    parts.push(htmlTable([words.code, words.name, words.value, words.change, ...rateHeaders], growthRows));
    const missing = changeMissingText(words, years[last - 1], years[last], value(0, last - 1), value(0, last));
    if (missing) parts.push(missingNote(missing));
    missingLatest = missing !== undefined;
  }
  for (const item of analysis.contributions) {
    if (item !== latest && !(item.fromYear === first && item.toYear === years[last])) continue;
    if (missingLatest && item.fromYear === years[last - 1] && item.toYear === years[last]) continue;
    const from = years.indexOf(item.fromYear);
    const to = years.indexOf(item.toYear);
    const total = item.contribution[u];
    // The overall index missing in either year: no change to split (computeContributions gives none below it), but why.
    const missing = changeMissingText(words, item.fromYear, item.toYear, value(0, from), value(0, to));
    if (missing) {
      parts.push(`<h3>${escapeHtml(fill(words.contributionTable, { from: item.fromYear, to: item.toYear }))}</h3>`, missingNote(missing));
      continue;
    }
    const rows = topNodes.map(({ node, n }) => {
      const contribution = item.contribution[n * result.units.length + u];
      return [cell(node.code), cell(name(n)), number(differenceAsShown(value(n, to), value(n, from))), number(contribution), number(total !== 0 ? (100 * contribution) / total : Number.NaN)];
    });
    parts.push(`<h3>${escapeHtml(fill(words.contributionTable, { from: item.fromYear, to: item.toYear }))}</h3>`);
    parts.push(htmlTable([words.code, words.name, words.change, words.contribution, words.sharePercent], rows));
  }
  return parts.join("");
}

/** The paragraph that says why a change and its contributions cannot be given (`changeMissingText`). */
const missingNote = (text: string) => `<p class="missing-change">${escapeHtml(text)}</p>`;

/** Units shown one by one in the rank chart; more get the bar chart of the last year only. */
const MAX_RANK_LINES = 12;

const rankOrder = (rank: number) => (Number.isNaN(rank) ? Number.POSITIVE_INFINITY : rank);

interface HtmlCell {
  html: string;
  className?: string;
}
const cell = (text: string, className?: string): HtmlCell => ({ html: escapeHtml(text), className });
const numberCell = (text: string): HtmlCell => ({ html: escapeHtml(text), className: "number" });

function htmlTable(headers: readonly string[], rows: readonly (readonly HtmlCell[])[]): string {
  const head = `<thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((item) => `<td${item.className ? ` class="${item.className}"` : ""}>${item.html}</td>`).join("")}</tr>`).join("\n");
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

/**
 * Any `Table`, numbers right-aligned with `decimals` (a share as a percentage, a rank change with its direction:
 * `columnDisplay`), headers in `language`.
 */
function genericTable(table: Table, decimals: number, language: Language): string {
  const displays = table.columns.map((column) => column.display ?? columnDisplay(column.name));
  const rows = rowsInLanguage(table, language).map((row) =>
    row.map((value, i) => {
      if (typeof value === "string") return cell(value);
      if (displays[i] === "percent") return numberCell(shareText(value));
      if (displays[i] === "rank-change") return numberCell(rankChangeText(value));
      return numberCell(formatNumberCell(value, table.columns[i], decimals));
    }),
  );
  return htmlTable(table.columns.map((column) => columnTitle(column.name, language)), rows);
}

/** Ranks of the overall index: one row per unit, one column per year. */
function rankTable({ result, analysis, words, language }: Context): string {
  const ranks = analysis.ranks!;
  const rows = result.units.map((unit, u) => [cell(unitName(unit, language)), ...result.years.map((_, y) => numberCell(formatValue(ranks.rank[resultIndex(result, 0, u, y)], 0)))]);
  return htmlTable([words.unit, ...result.years.map((year) => fill(words.rankOfYear, { year }))], rows);
}

/**
 * The performance groups (`--performance-groups`), as the dashboard's ranking and groups.csv have them (the core's
 * `performanceGroups`): how they are formed, then one row per unit with its group in every year and its overall index
 * in % of the reference in the last year.
 */
function groupsSection({ result, words, language, decimals }: Context): string {
  const { units, years } = result;
  const referenceUnit = result.options.referenceUnit;
  const rows = performanceGroups(result, { referenceUnit: referenceUnit === undefined ? undefined : units.indexOf(referenceUnit), thresholds: result.options.performanceGroups });
  // performanceGroups gives the rows year by year, the units in order within each year.
  const at = (u: number, y: number) => rows[y * units.length + u];
  const [leader, strong, moderate] = result.options.performanceGroups!;
  const reference = referenceUnit === undefined ? words.groupsReferenceAverage : fill(words.groupsReferenceUnit, { unit: referenceUnit });
  const note = fill(words.groupsNote, { leader, strong, moderate, reference });
  const last = years.length - 1;
  const body = units.map((unit, u) => [
    cell(unitName(unit, language)),
    ...years.map((_, y) => cell(at(u, y).group ? valueName("group", at(u, y).group!, language) : "")),
    numberCell(formatValue(at(u, last).relative, decimals)),
  ]);
  const headers = [words.unit, ...years.map((year) => fill(words.yearOne, { year })), fill(words.relativeOfYear, { year: years[last] })];
  return `<section><h2>${escapeHtml(words.groups)}</h2><p>${escapeHtml(note)}</p>${htmlTable(headers, body)}</section>`;
}

const STYLE = `
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif; margin: 24px auto; max-width: 1560px; color: #222; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 19px; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta, .description { color: #555; font-size: 13px; }
.description { font-size: 14px; margin: 0 0 4px; }
${NOTICE_STYLE}
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure.chart { margin: 0; border: 1px solid #eee; flex: 1 1 560px; min-width: 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 13px; margin-bottom: 8px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f4f6f8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
p.missing-change { color: #555; font-style: italic; }
td.level-2 { padding-left: 20px; } td.level-3 { padding-left: 32px; } td.level-4 { padding-left: 44px; }
footer { color: #666; font-size: 12px; margin-top: 32px; border-top: 1px solid #ddd; }
@media print { body { margin: 0; max-width: none; padding: 0; } figure.chart, tr { break-inside: avoid; } h2, h3 { break-after: avoid; } }
`;

function page(title: string, language: Language, body: string): string {
  return htmlPage(title, language, STYLE, body);
}
