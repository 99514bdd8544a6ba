/**
 * The HTML report: one self-contained file (no script, no network; the charts are inline SVG) that opens on an offline
 * PC and prints to PDF. Every text that comes from an input file is escaped. The same inputs give the same bytes.
 */
import type { Analysis } from "../core/analysis/analyze.js";
import { resultIndex, type IndexResult } from "../core/compute.js";
import type { Issue } from "../errors.js";
import { formatIssue } from "../errors.js";
import { barChart, barChartHeight, lineChart, radarChart, rankChart, rankChartHeight, renderCharts, type Series } from "./report/charts.js";
import { fill, wordsOf, type Words } from "./report/labels.js";
import { nodeName, type Language, type Table } from "./tables.js";
import { formatValue } from "./to-csv.js";

export interface ReportOptions {
  /** Labels: `zh` uses the tree's `name`, `en` its `name_en` (falling back to `name`) and English headings. Default `zh`. */
  language?: Language;
  /** Decimals shown in the tables. Default 2. */
  decimals?: number;
  /** Extra tables shown at the end, each under its title (coverage, imputations). */
  appendix?: readonly { title: string; table: Table | undefined; empty?: string }[];
}

/** Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

type ChartRequest = Parameters<typeof renderCharts>[0][number];

/** The report of a result and its analysis, as HTML text. */
export async function formatReportHtml(result: IndexResult, analysis: Analysis, options: ReportOptions = {}): Promise<string> {
  const language = options.language ?? "zh";
  const decimals = options.decimals ?? 2;
  const words = wordsOf(language);
  const name = (n: number) => (n === 0 ? words.overallIndex : nodeName(result.nodes[n], language));
  const topNodes = result.nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.level <= 1);
  const dimensions = topNodes.filter(({ node }) => node.level === 1);
  const { years } = result;
  const first = years[0];
  const last = years[years.length - 1];
  const latest = analysis.contributions.find((item) => item.toYear === last && item.fromYear === years[years.length - 2]);

  // Charts first (one batch, so ECharts is loaded once), then the page around them.
  const requests: ChartRequest[] = [];
  const perUnit = result.units.map((_, u) => {
    const value = (n: number, y: number) => result.values[resultIndex(result, n, u, y)];
    const charts: number[] = [];
    const series: Series[] = topNodes.map(({ n }) => ({ name: name(n), values: years.map((_, y) => value(n, y)) }));
    charts.push(requests.push({ option: lineChart(words.trend, years, series) }) - 1);
    if (years.length > 1) {
      const baseYear = years.indexOf(result.baseYear) >= 0 ? result.baseYear : first;
      const from = baseYear === last ? first : baseYear;
      const radar = [from, last].map((year) => ({ name: String(year), values: dimensions.map(({ n }) => value(n, years.indexOf(year))) }));
      charts.push(requests.push({ option: radarChart(fill(words.profile, { from, to: last }), dimensions.map(({ n }) => name(n)), radar) }) - 1);
    }
    if (latest) {
      const title = fill(words.contributions, { from: latest.fromYear, to: latest.toYear });
      const values = dimensions.map(({ n }) => latest.contribution[n * result.units.length + u]);
      charts.push(requests.push({ option: barChart(title, dimensions.map(({ n }) => name(n)), values, decimals) }) - 1);
    }
    return charts;
  });
  const rankCharts: number[] = [];
  if (analysis.ranks) {
    const ranks = analysis.ranks;
    const lastYear = years.length - 1;
    const order = result.units
      .map((_, u) => u)
      .sort((a, b) => rankOrder(ranks.rank[resultIndex(result, 0, a, lastYear)]) - rankOrder(ranks.rank[resultIndex(result, 0, b, lastYear)]) || a - b);
    const labels = order.map((u) => `${formatValue(ranks.rank[resultIndex(result, 0, u, lastYear)], 0)}. ${result.units[u]}`);
    const values = order.map((u) => result.values[resultIndex(result, 0, u, lastYear)]);
    const league = barChart(fill(words.league, { year: last }), labels, values, decimals, "#3b6fb6");
    rankCharts.push(requests.push({ option: league, height: barChartHeight(order.length) }) - 1);
    // Rank lines over the years read well for a few units only; with many they are a tangle.
    if (years.length > 1 && result.units.length <= MAX_RANK_LINES) {
      const series = result.units.map((unit, u) => ({ name: unit, values: years.map((_, y) => ranks.rank[resultIndex(result, 0, u, y)]) }));
      rankCharts.push(requests.push({ option: rankChart(words.ranking, years, series, result.units.length), height: rankChartHeight(result.units.length) }) - 1);
    }
  }
  const svgs = await renderCharts(requests);

  const number = (value: number) => formatValue(value, decimals);
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(words.title)}</h1>`);
  parts.push(
    `<p class="meta">${escapeHtml(words.baseYear)}: ${result.baseYear} = 100 · ${escapeHtml(words.years)}: ${first}–${last} · ` +
      `${escapeHtml(words.units)}: ${unitList(result.units)} · ${escapeHtml(words.method)}: ` +
      `${escapeHtml(words.normalization)} ${escapeHtml(String(result.options.normalize))}, ${escapeHtml(words.aggregation)} ` +
      `${escapeHtml(aggregationText(result))}, ${escapeHtml(words.missing)} ${escapeHtml(String(result.options.missing))}</p>`,
  );
  if (rankCharts.length > 0)
    parts.push(`<section><h2>${escapeHtml(words.ranking)}</h2><div class="charts">${rankCharts.map((k) => figure(svgs[k])).join("")}</div>${rankTable(result, analysis, words)}</section>`);
  result.units.forEach((unit, u) => {
    const value = (n: number, y: number) => result.values[resultIndex(result, n, u, y)];
    const heading = unit ? `<h2>${escapeHtml(unit)}</h2>` : "";
    const charts = `<div class="charts">${perUnit[u].map((k) => figure(svgs[k])).join("")}</div>`;
    const resultsRows = result.nodes
      .map((node, n) => ({ node, n }))
      .filter(({ node }) => node.kind !== "indicator")
      .map(({ node, n }) => [cell(node.code), cell(name(n), `level-${node.level}`), cell(String(node.level)), ...years.map((_, y) => numberCell(number(value(n, y))))]);
    const results = htmlTable([words.code, words.name, words.level, ...years.map(String)], resultsRows);
    const growthRows = topNodes.map(({ node, n }) => {
      const at = resultIndex(result, n, u, years.length - 1);
      return [cell(node.code), cell(name(n)), numberCell(number(value(n, years.length - 1))), numberCell(number(analysis.growth.change[at])), numberCell(number(analysis.growth.changePercent[at]))];
    });
    const growth = years.length > 1 ? `<h3>${escapeHtml(words.growth)} ${years[years.length - 2]}–${last}</h3>${htmlTable([words.code, words.name, words.value, words.change, words.changePercent], growthRows)}` : "";
    const contributionTables = analysis.contributions
      .filter((item) => item === latest || (item.fromYear === first && item.toYear === last))
      .map((item) => {
        const from = years.indexOf(item.fromYear);
        const to = years.indexOf(item.toYear);
        const total = item.contribution[u];
        const rows = topNodes.map(({ node, n }) => {
          const contribution = item.contribution[n * result.units.length + u];
          return [cell(node.code), cell(name(n)), numberCell(number(value(n, to) - value(n, from))), numberCell(number(contribution)), numberCell(number(total !== 0 ? (100 * contribution) / total : Number.NaN))];
        });
        return `<h3>${escapeHtml(words.contributionTable)} ${item.fromYear}–${item.toYear}</h3>${htmlTable([words.code, words.name, words.change, words.contribution, words.sharePercent], rows)}`;
      })
      .join("");
    parts.push(`<section>${heading}${charts}<h3>${escapeHtml(words.results)}</h3>${results}${growth}${contributionTables}</section>`);
  });
  for (const item of options.appendix ?? []) {
    const body = item.table && item.table.rows.length > 0 ? genericTable(item.table, decimals) : `<p>${escapeHtml(item.empty ?? "")}</p>`;
    parts.push(`<section><h2>${escapeHtml(item.title)}</h2>${body}</section>`);
  }
  if (result.warnings.length > 0)
    parts.push(`<section><h2>${escapeHtml(words.warnings)}</h2><ul>${result.warnings.map((warning: Issue) => `<li>${escapeHtml(formatIssue(warning))}</li>`).join("")}</ul></section>`);
  parts.push(`<footer><p>${escapeHtml(words.notes)}</p></footer>`);
  return page(words.title, language, parts.join("\n"));
}

/** Units shown one by one in the rank chart; more get the bar chart of the last year only. */
const MAX_RANK_LINES = 12;

const rankOrder = (rank: number) => (Number.isNaN(rank) ? Number.POSITIVE_INFINITY : rank);

/** The units, all of them up to 12, else the first 10 and how many more. */
function unitList(units: readonly string[]): string {
  if (units.length <= 12) return units.map(escapeHtml).join(", ");
  return `${units.slice(0, 10).map(escapeHtml).join(", ")} … (${units.length})`;
}

/** The aggregation, with its per-level overrides (`arithmetic; 1=geometric`). */
function aggregationText(result: IndexResult): string {
  const byLevel = (result.options as { aggregateByLevel?: Readonly<Record<number, string>> }).aggregateByLevel ?? {};
  const levels = Object.entries(byLevel).map(([level, method]) => `${level}=${method}`);
  return [String(result.options.aggregate), ...levels].join("; ");
}

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

/** Any `Table`, numbers right-aligned with `decimals`. */
function genericTable(table: Table, decimals: number): string {
  const rows = table.rows.map((row) =>
    row.map((value, i) => {
      if (typeof value === "string") return cell(value);
      return numberCell(formatValue(value, table.columns[i].kind === "integer" ? 0 : decimals));
    }),
  );
  return htmlTable(table.columns.map((column) => column.name), rows);
}

/** Ranks of the overall index: one row per unit, one column per year. */
function rankTable(result: IndexResult, analysis: Analysis, words: Words): string {
  const ranks = analysis.ranks!;
  const rows = result.units.map((unit, u) => [cell(unit), ...result.years.map((_, y) => numberCell(formatValue(ranks.rank[resultIndex(result, 0, u, y)], 0)))]);
  return htmlTable([words.unit, ...result.years.map((year) => `${words.rank} ${year}`)], rows);
}

const figure = (svg: string) => `<figure class="chart">${svg}</figure>`;

const STYLE = `
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif; margin: 24px auto; max-width: 1560px; color: #222; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 19px; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #555; font-size: 13px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure.chart { margin: 0; border: 1px solid #eee; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 13px; margin-bottom: 8px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f4f6f8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.level-2 { padding-left: 20px; } td.level-3 { padding-left: 32px; } td.level-4 { padding-left: 44px; }
footer { color: #666; font-size: 12px; margin-top: 32px; border-top: 1px solid #ddd; }
@media print { section { break-inside: avoid-page; } body { margin: 0; max-width: none; } }
`;

function page(title: string, language: Language, body: string): string {
  return `<!DOCTYPE html>
<html lang="${language === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
