/**
 * `audit.html`: the audit over all unit-years pooled, as one self-contained page (inline SVG charts, no script):
 * Cronbach's alpha and the first principal component of every group in a table with flags, a correlation heatmap per
 * group (its children and the group itself), the effective against the nominal weights of each group's children, and
 * the flags of the indicators and correlations, then the sections the caller adds (a unit's profile). Every text from
 * the inputs is escaped.
 */
import type { Audit, CorrelationRow } from "../../core/audit/audit.js";
import type { IndexResult } from "../../core/compute.js";
import { nodeName, type Language } from "../write/tables.js";
import { formatValue } from "../write/to-csv.js";
import { groupedBarChart, heatmapChart, heatmapChartHeight, renderCharts } from "./charts.js";
import { escapeHtml, htmlPage } from "./page.js";
import { append } from "../../core/arrays.js";

/** Alpha below this reads as a group whose children do not measure one thing (JRC practice). */
export const ALPHA_THRESHOLD = 0.7;

export interface AuditHtmlOptions {
  title?: string;
  /** Names in the tables: the tree's `name` (`zh`, default) or `name_en`. */
  language?: Language;
  /** Further sections, as HTML already escaped (a unit's profile from `formatProfileSectionHtml`), after the flags. */
  sections?: readonly string[];
}

type ChartRequest = Parameters<typeof renderCharts>[0][number];

/** The page, as HTML text. */
export async function formatAuditHtml(audit: Audit, result: IndexResult, options: AuditHtmlOptions = {}): Promise<string> {
  const title = options.title ?? "Statistical audit";
  const language = options.language ?? "zh";
  const nodeByCode = new Map(result.nodes.map((node) => [node.code, node] as const));
  // The overall index by its own name in the language, as the report names it (总指数, Overall index, --index-name).
  const name = (code: string) => {
    const node = nodeByCode.get(code);
    return node ? nodeName(node, language) : code;
  };
  const pooled = <T extends { period: number | "all" }>(rows: readonly T[]) => rows.filter((row) => row.period === "all");
  const correlations = pooled(audit.correlations);
  const groups = pooled(audit.cronbach);
  const childrenOf = (group: string) => result.nodes.filter((node) => node.parent === group).map((node) => node.code);

  const requests: ChartRequest[] = [];
  const heatmaps: number[] = [];
  const weightCharts: number[] = [];
  for (const group of groups) {
    const children = childrenOf(group.group);
    if (children.length < 2) continue;
    const labels = [...children, group.group];
    const pearson = (a: string, b: string): number => {
      if (a === b) return 1;
      const found = correlations.find((row: CorrelationRow) => (row.a === a && row.b === b) || (row.a === b && row.b === a));
      return found ? found.pearson : Number.NaN;
    };
    heatmaps.push(requests.push({ option: heatmapChart(`${group.group}: Pearson correlations`, labels, labels.map((a) => labels.map((b) => pearson(a, b)))), height: heatmapChartHeight(labels.length) }) - 1);
    const importance = pooled(audit.importance).filter((row) => row.parent === group.group);
    const series = [
      { name: "nominal weight", values: importance.map((row) => row.weight) },
      { name: "r² share (with parent)", values: importance.map((row) => row.r2ParentShare) },
      { name: "correlation ratio share", values: importance.map((row) => row.ratioParentShare) },
    ];
    weightCharts.push(requests.push({ option: groupedBarChart(`${group.group}: nominal and effective weights`, importance.map((row) => row.code), series) }) - 1);
  }
  const svgs = await renderCharts(requests);
  const figures = (charts: number[]) => `<div class="charts">${charts.map((k) => `<figure class="chart">${svgs[k]}</figure>`).join("")}</div>`;

  const firstComponents = new Map(pooled(audit.pca).filter((row) => row.component === 1).map((row) => [row.group, row] as const));
  const groupRows = groups.map((row) => {
    const components = pooled(audit.pca).filter((pca) => pca.group === row.group);
    const first = firstComponents.get(row.group);
    const above = components.filter((pca) => pca.eigenvalue > 1).length;
    const flags = [
      row.alpha < ALPHA_THRESHOLD ? `alpha < ${ALPHA_THRESHOLD}` : "",
      above > 1 ? `${above} components with eigenvalue > 1` : "",
    ].filter(Boolean);
    return [
      text(row.group), text(name(row.group)), numberCell(String(row.children)), numberCell(String(row.n)), numberCell(formatValue(row.alpha, 3)),
      numberCell(formatValue(first?.eigenvalue ?? Number.NaN, 3)), numberCell(formatValue(first?.share ?? Number.NaN, 3)),
      text(flags.join("; ")), text([row.note, first?.note].filter((note) => note !== undefined).filter((note, i, all) => all.indexOf(note) === i).join("; ")),
    ];
  });
  const flagged = [
    ...pooled(audit.statistics).filter((row) => row.flags.length > 0).map((row) => [text(row.indicator), text(name(row.indicator)), text(row.flags.join(", ")), text(row.notes.join("; "))]),
    ...correlations.filter((row) => row.flags.length > 0).map((row) => [text(`${row.a} ~ ${row.b}`), text(`${row.relation}, r = ${formatValue(row.pearson, 3)}`), text(row.flags.join(", ")), text("")]),
  ];
  const yearly = audit.statistics.filter((row) => row.period !== "all" && row.flags.length > 0).length + audit.correlations.filter((row) => row.period !== "all" && row.flags.length > 0).length;
  const unitCount = audit.units.length;
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${unitCount} unit${unitCount === 1 ? "" : "s"} · ${audit.years[0]}–${audit.years[audit.years.length - 1]} · all ${unitCount * audit.years.length} unit-years pooled · normalisation ${escapeHtml(String(result.options.normalize))}, aggregation ${escapeHtml(String(result.options.aggregate))}, missing values ${escapeHtml(String(result.options.missing))}. Each year apart: statistics.csv, correlations.csv, cronbach.csv, pca.csv, importance.csv.</p>`,
  ];
  if (unitCount === 1)
    parts.push(`<p class="note">One unit: every statistic here runs over its ${audit.years.length} years, so it describes how the indicators moved together over time (mostly their common trend), not how units differ.</p>`);
  parts.push(
    `<section><h2>Groups: Cronbach's alpha and the first principal component</h2>${htmlTable(["group", "name", "children", "n", "alpha", "PC1 eigenvalue", "PC1 share", "flags", "notes"], groupRows)}</section>`,
    `<section><h2>Correlations within each group</h2>${heatmaps.length ? figures(heatmaps) : "<p>No group has two children.</p>"}</section>`,
    `<section><h2>Nominal and effective weights</h2><p>Effective weights: each child's r² (and correlation ratio) with its group, over its siblings' sum.</p>${weightCharts.length ? figures(weightCharts) : ""}</section>`,
    `<section><h2>Flags (all unit-years)</h2>${flagged.length ? htmlTable(["indicator or pair", "", "flags", "notes"], flagged) : "<p>None.</p>"}<p>Flags in single years: ${yearly} rows (see the CSV files).</p></section>`,
  );
  append(parts, options.sections ?? []);
  return page(title, language, parts.join("\n"));
}

interface HtmlCell {
  html: string;
  number?: boolean;
}
const text = (value: string): HtmlCell => ({ html: escapeHtml(value) });
const numberCell = (value: string): HtmlCell => ({ html: escapeHtml(value), number: true });

function htmlTable(headers: readonly string[], rows: readonly (readonly HtmlCell[])[]): string {
  const head = `<thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td${cell.number ? ' class="number"' : ""}>${cell.html}</td>`).join("")}</tr>`).join("\n");
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif; margin: 24px auto; max-width: 1560px; color: #222; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 19px; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
.meta, .note { color: #555; font-size: 13px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure.chart { margin: 0; border: 1px solid #eee; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 13px; margin-bottom: 8px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f4f6f8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
@media print { body { margin: 0; max-width: none; padding: 0; } figure.chart, tr { break-inside: avoid; } }
`;

function page(title: string, language: Language, body: string): string {
  return htmlPage(title, language, STYLE, body);
}
