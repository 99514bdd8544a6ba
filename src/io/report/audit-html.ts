/**
 * `audit.html`: the audit over all unit-years pooled, as one self-contained page (inline SVG charts, no script):
 * Cronbach's alpha and the first principal component of every group in a table with flags, a correlation heatmap per
 * group (its children and the group itself), the effective against the nominal weights of each group's children, and
 * the flags of the indicators and correlations, then the sections the caller adds (a unit's profile). Its words are in
 * the page's language (`audit-words.ts`, the methods' names from `labels.ts`); the engine's notes stay English. Every
 * text from the inputs is escaped.
 */
import type { Audit, CorrelationRow } from "../../core/audit/audit.js";
import type { IndexResult } from "../../core/compute.js";
import { nodeName, type Language } from "../write/tables.js";
import { formatValue } from "../write/to-csv.js";
import { groupedBarChart, heatmapChart, heatmapChartHeight, renderCharts } from "./charts.js";
import { escapeHtml, htmlPage } from "./page.js";
import { pageText } from "./page-warnings.js";
import { append } from "../../core/arrays.js";
import { auditFlagName, auditRelationName, auditWordsOf } from "./audit-words.js";
import { fill, methodNames, wordsOf } from "./labels.js";
import { NOTICE_STYLE, provenanceNoticeHtml, type Provenance } from "./provenance.js";

/** Alpha below this reads as a group whose children do not measure one thing (JRC practice). */
export const ALPHA_THRESHOLD = 0.7;

export interface AuditHtmlOptions {
  /** The page's title. Default 统计审计 in Chinese, Statistical audit in English. */
  title?: string;
  /**
   * Language of the page (`zh`, default, or `en`): its headings, sentences, headers, chart titles, flags and method names,
   * and the names of the nodes (the tree's `name`, or `name_en`). The engine's notes stay English.
   */
  language?: Language;
  /** Further sections, as HTML already escaped (a unit's profile from `formatProfileSectionHtml`), after the flags. */
  sections?: readonly string[];
  /**
   * The provenance of the audited values (`valueProvenance`): when some are illustrative, or the run is on the shipped
   * example, the notice of report.html under the title (`provenanceNoticeHtml`). Default: none.
   */
  provenance?: Provenance;
}

type ChartRequest = Parameters<typeof renderCharts>[0][number];

/** The page, as HTML text: every heading, sentence, header, chart title and flag in `language`. */
export async function formatAuditHtml(audit: Audit, result: IndexResult, options: AuditHtmlOptions = {}): Promise<string> {
  const language = options.language ?? "zh";
  const words = auditWordsOf(language);
  const title = options.title ?? words.title;
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
    const heatmap = heatmapChart(fill(words.heatmap, { group: name(group.group) }), labels, labels.map((a) => labels.map((b) => pearson(a, b))));
    heatmaps.push(requests.push({ option: heatmap, height: heatmapChartHeight(labels.length) }) - 1);
    const importance = pooled(audit.importance).filter((row) => row.parent === group.group);
    const series = [
      { name: words.nominalWeight, values: importance.map((row) => row.weight) },
      { name: words.r2Share, values: importance.map((row) => row.r2ParentShare) },
      { name: words.ratioShare, values: importance.map((row) => row.ratioParentShare) },
    ];
    weightCharts.push(requests.push({ option: groupedBarChart(fill(words.weightChart, { group: name(group.group) }), importance.map((row) => row.code), series) }) - 1);
  }
  const svgs = await renderCharts(requests);
  const figures = (charts: number[]) => `<div class="charts">${charts.map((k) => `<figure class="chart">${svgs[k]}</figure>`).join("")}</div>`;

  const firstComponents = new Map(pooled(audit.pca).filter((row) => row.component === 1).map((row) => [row.group, row] as const));
  const groupRows = groups.map((row) => {
    const components = pooled(audit.pca).filter((pca) => pca.group === row.group);
    const first = firstComponents.get(row.group);
    const above = components.filter((pca) => pca.eigenvalue > 1).length;
    const flags = [
      row.alpha < ALPHA_THRESHOLD ? fill(words.alphaBelow, { threshold: ALPHA_THRESHOLD }) : "",
      above > 1 ? fill(words.components, { count: above }) : "",
    ].filter(Boolean);
    return [
      text(row.group), text(name(row.group)), numberCell(String(row.children)), numberCell(String(row.n)), numberCell(formatValue(row.alpha, 3)),
      numberCell(formatValue(first?.eigenvalue ?? Number.NaN, 3)), numberCell(formatValue(first?.share ?? Number.NaN, 3)),
      // The notes are the engine's messages, in the page's language.
      text(flags.join(words.groupFlagJoin)),
      text([row.note, first?.note].filter((note) => note !== undefined).filter((note, i, all) => all.indexOf(note) === i).map((note) => pageText(note, language)).join(words.noteJoin)),
    ];
  });
  const flagList = (flags: readonly string[]) => flags.map((flag) => auditFlagName(flag, language)).join(words.flagJoin);
  const flagged = [
    ...pooled(audit.statistics).filter((row) => row.flags.length > 0).map((row) => [text(row.indicator), text(name(row.indicator)), text(flagList(row.flags)), text(row.notes.map((note) => pageText(note, language)).join(words.noteJoin))]),
    ...correlations
      .filter((row) => row.flags.length > 0)
      .map((row) => [
        text(`${row.a} – ${row.b}`),
        text(fill(words.pairRelation, { relation: auditRelationName(row.relation, language), r: formatValue(row.pearson, 3) })),
        text(flagList(row.flags)),
        text(""),
      ]),
  ];
  const yearly = audit.statistics.filter((row) => row.period !== "all" && row.flags.length > 0).length + audit.correlations.filter((row) => row.period !== "all" && row.flags.length > 0).length;
  const unitCount = audit.units.length;
  // Values marked illustrative: said under the title, before any figure, as report.html says it.
  const notice = provenanceNoticeHtml(options.provenance, language);
  const parts = [`<h1>${escapeHtml(title)}</h1>`, ...(notice ? [notice] : []), metaLine(audit, result, language)];
  if (unitCount === 1) parts.push(`<p class="note">${escapeHtml(fill(words.oneUnit, { years: audit.years.length }))}</p>`);
  const groupHeaders = [words.group, words.name, words.children, words.n, words.alpha, words.pc1Eigenvalue, words.pc1Share, words.flags, words.notes];
  parts.push(
    `<section><h2>${escapeHtml(words.groupsHeading)}</h2>${htmlTable(groupHeaders, groupRows)}</section>`,
    `<section><h2>${escapeHtml(words.correlationsHeading)}</h2>${heatmaps.length ? figures(heatmaps) : `<p>${escapeHtml(words.noPairs)}</p>`}</section>`,
    `<section><h2>${escapeHtml(words.weightsHeading)}</h2><p>${escapeHtml(words.weightsNote)}</p>${weightCharts.length ? figures(weightCharts) : ""}</section>`,
    `<section><h2>${escapeHtml(words.flagsHeading)}</h2>${flagged.length ? htmlTable([words.flaggedItem, words.flaggedDetail, words.flags, words.notes], flagged) : `<p>${escapeHtml(words.none)}</p>`}` +
      `<p>${escapeHtml(fill(words.yearly, { count: yearly }))}</p></section>`,
  );
  append(parts, options.sections ?? []);
  return page(title, language, parts.join("\n"));
}

/** The files of each year apart, named in the meta line. */
const YEARLY_FILES = ["statistics.csv", "correlations.csv", "cronbach.csv", "pca.csv", "importance.csv"];

/**
 * Units, years, the pooled unit-years and the methods (named as the report's method line names them, `methodNames`),
 * then where each year's tables are.
 */
function metaLine(audit: Audit, result: IndexResult, language: Language): string {
  const words = auditWordsOf(language);
  const labels = wordsOf(language);
  const { units, years } = audit;
  const first = years[0];
  const last = years[years.length - 1];
  const names = methodNames(result, language);
  const methods = [
    [labels.normalization, names.normalize],
    [labels.aggregation, names.aggregate],
    [labels.weighting, names.weighting],
    [labels.missing, names.missing],
  ].map(([label, method]) => fill(words.method, { label, name: method }));
  const line = [
    units.length === 1 ? words.unitsOne : fill(words.units, { count: units.length }),
    first === last ? fill(words.year, { year: first }) : fill(words.years, { from: first, to: last }),
    fill(words.pooled, { count: units.length * years.length }),
    methods.join(words.methodJoin),
  ].join(" · ");
  return `<p class="meta">${escapeHtml(line + words.sentenceEnd + fill(words.perYear, { files: YEARLY_FILES.join(words.fileJoin) }))}</p>`;
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
${NOTICE_STYLE}
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
