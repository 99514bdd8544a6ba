/**
 * `uncertainty.html`: a self-contained page (no script, no external file) charting, for every year, each unit's
 * nominal index and rank against the 5–95% interval and the median of the Monte Carlo runs, as hand-written SVG, and
 * the Sobol indices of each varied choice over all units. Every text from the input is escaped. Labels follow
 * `language` (`zh` or `en`, the words of `labels.ts`).
 */
import type { ChoiceSensitivity, UncertaintyResult } from "../../core/uncertainty.js";
import { pageWarnings } from "./page-warnings.js";
import { formatRankQuantile, formatValue } from "../write/to-csv.js";
import type { Language } from "../write/tables.js";
import { maxOf, minOf } from "../../core/arrays.js";
import { fill, methodName, uncertaintyWordsOf, unitName, type UncertaintyWords } from "./labels.js";
import { NOTICE_STYLE, provenanceNoticeHtml, type Provenance } from "./provenance.js";

/** What names and labels the page. */
export interface UncertaintyHtmlOptions {
  /** Language of the labels. Default `zh`. */
  language?: Language;
  /** The name of the index in the title (a project's `name`). Default: the overall index, in `language`. */
  name?: string;
  /** How the page names the indicator tree (its file), shown under the title. Default: not shown. */
  tree?: string;
  /**
   * The provenance of the values (`valueProvenance` of the nominal run): when some are illustrative, or the run is on
   * the shipped example, the notice of report.html under the title (`provenanceNoticeHtml`). Default: none.
   */
  provenance?: Provenance;
}

const ROW = 18;
const PANEL = 300;
const GAP = 40;
const TOP = 34;
const WIDE_CHARACTER = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page, titled with the index's name (`options.name`) and labelled in `options.language`. */
export function formatUncertaintyHtml(result: UncertaintyResult, options: UncertaintyHtmlOptions = {}): string {
  const language = options.language ?? "zh";
  const words = uncertaintyWordsOf(language);
  const title = fill(words.title, { name: options.name?.trim() || words.overallIndex });
  // Each varied choice with its methods, named in the page's language (加权算术平均、加权几何平均 in Chinese).
  const methods = (options: readonly string[]) => options.map((method) => methodName(method, language)).join(language === "zh" ? "、" : ", ");
  const choices = result.choices
    .map(({ choice, options }) => (language === "zh" ? `${words.choices[choice]}（${methods(options)}）` : `${words.choices[choice]} (${methods(options)})`))
    .join(language === "zh" ? "；" : "; ");
  const sections = [...result.years.keys()].reverse().map((y) => yearSection(result, y, words, language));
  const summary = fill(words.summary, {
    replications: result.replications,
    independent: 2 * result.replications,
    runs: result.runs,
    seed: result.seed,
    baseYear: result.baseYear,
    choices,
  });
  const legend = fill(escapeHtml(words.legend), {
    median: `<svg width="10" height="10" aria-hidden="true"><circle class="median" cx="5" cy="5" r="4"/></svg>`,
    nominal: `<svg width="10" height="10" aria-hidden="true"><rect class="nominal" x="1" y="1" width="8" height="8" transform="rotate(45 5 5)"/></svg>`,
  });
  const warnings =
    result.warnings.length > 0
      ? `<section class="warnings">\n<h2>${escapeHtml(words.warnings)}</h2>\n<p>${escapeHtml(words.warningsIntro)}</p>\n<ul>${pageWarnings(result.warnings, language).map((warning) => `<li>${escapeHtml(warning)}</li>`).join("")}</ul>\n</section>\n`
      : "";
  // Values marked illustrative: said under the title, before any figure, as report.html says it.
  const notice = provenanceNoticeHtml(options.provenance, language);
  return `<!doctype html>
<html lang="${language === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
table { border-collapse: collapse; margin: 0.5em 0 2em; }
td, th { padding: 2px 10px; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.interval { stroke: #4a78b5; stroke-width: 4; stroke-linecap: round; opacity: 0.55; }
.bounds { color: #666; font-size: 0.9em; }
.median { fill: #1f3f6e; }
.nominal { fill: #d9480f; }
.axis { stroke: #999; stroke-width: 1; }
.grid { stroke: #eee; stroke-width: 1; }
.note, footer { color: #555; font-size: 0.9em; }
${NOTICE_STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${notice ? `${notice}\n` : ""}<p>${escapeHtml(summary)}${options.tree ? `${words.gap}${escapeHtml(fill(words.tree, { tree: options.tree }))}` : ""}</p>
<p>${legend}</p>
${warnings}${sections.join("\n")}
<footer><p class="note">${escapeHtml(words.sobolNote)}</p></footer>
</body>
</html>
`;
}

function yearSection(result: UncertaintyResult, y: number, words: UncertaintyWords, language: Language): string {
  const yearCount = result.years.length;
  const unitCount = result.units.length;
  const cell = (u: number) => u * yearCount + y;
  const order = [...result.units.keys()].sort((a, b) => {
    const ra = result.rank.nominal[cell(a)];
    const rb = result.rank.nominal[cell(b)];
    return (Number.isNaN(ra) ? Infinity : ra) - (Number.isNaN(rb) ? Infinity : rb) || a - b;
  });
  const labelWidth = Math.min(260, 12 + 7 * Math.max(4, maxOf(result.units.map(textWidth))));
  const indexValues = order.flatMap((u) => [result.index.low[cell(u)], result.index.high[cell(u)], result.index.nominal[cell(u)]]).filter(Number.isFinite);
  const indexScale = scale(indexValues.length ? minOf(indexValues) : 0, indexValues.length ? maxOf(indexValues) : 1);
  const rankScale = scale(1, Math.max(2, unitCount));
  const height = TOP + ROW * order.length + 10;
  const width = labelWidth + 2 * PANEL + GAP + 20;
  const left = labelWidth;
  const right = labelWidth + PANEL + GAP;
  const parts: string[] = [];
  const axis = (x0: number, ticks: number[], position: (value: number) => number, caption: string) => {
    parts.push(`<text x="${x0}" y="12">${escapeHtml(caption)}</text>`);
    for (const tick of ticks) {
      const x = round(x0 + position(tick));
      parts.push(`<line class="grid" x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 10}"/><text x="${x}" y="${TOP - 10}" text-anchor="middle">${formatTick(tick)}</text>`);
    }
  };
  axis(left, indexScale.ticks, (value) => indexScale.position(value), words.index);
  axis(right, rankScale.ticks, (value) => rankScale.position(value), words.rank);
  order.forEach((u, row) => {
    const yPosition = TOP + ROW * row + ROW / 2;
    const c = cell(u);
    parts.push(`<text x="${left - 8}" y="${yPosition + 4}" text-anchor="end">${escapeHtml(unitName(result.units[u], language))}</text>`);
    // Ranks as whole numbers where they are (a nominal rank), else with the decimals they need; the index with two.
    const rankText = formatRankQuantile;
    const indexText = (value: number) => formatValue(value, 2);
    for (const [x0, distribution, s, text] of [
      [left, result.index, indexScale, indexText],
      [right, result.rank, rankScale, rankText],
    ] as const) {
      const low = distribution.low[c];
      const high = distribution.high[c];
      if (Number.isFinite(low) && Number.isFinite(high))
        parts.push(`<line class="interval" x1="${round(x0 + s.position(low))}" y1="${yPosition}" x2="${round(x0 + s.position(high))}" y2="${yPosition}"/>`);
      const median = distribution.median[c];
      if (Number.isFinite(median)) parts.push(`<circle class="median" cx="${round(x0 + s.position(median))}" cy="${yPosition}" r="3"/>`);
      const nominal = distribution.nominal[c];
      if (Number.isFinite(nominal)) {
        const x = round(x0 + s.position(nominal));
        parts.push(`<rect class="nominal" x="${round(x - 3)}" y="${yPosition - 3}" width="6" height="6" transform="rotate(45 ${x} ${yPosition})"><title>${escapeHtml(fill(words.tooltip, { unit: unitName(result.units[u], language), nominal: text(nominal), median: text(median), low: text(low), high: text(high) }))}</title></rect>`);
      }
    }
  });
  // Each index with its 95% bootstrap interval when the analysis ran one: "0.812 (0.790–0.835)".
  const indexCell = (sensitivity: ChoiceSensitivity, kind: "first" | "total", at: number) => {
    const value = formatValue(kind === "first" ? sensitivity.overallFirstOrder[at] : sensitivity.overallTotal[at], 3);
    const bounds = sensitivity.overallIntervals;
    if (!bounds || value === "") return `<td>${value}</td>`;
    const [low, high] = kind === "first" ? [bounds.firstOrderLow[at], bounds.firstOrderHigh[at]] : [bounds.totalLow[at], bounds.totalHigh[at]];
    return `<td>${value}${words.gap}<span class="bounds">${escapeHtml(fill(words.bounds, { low: formatValue(low, 3), high: formatValue(high, 3) }))}</span></td>`;
  };
  const sensitivityRows = result.choices.map(({ choice }, i) => {
    const at = i * yearCount + y;
    const { index, rank } = result.sensitivity;
    return `<tr><td>${escapeHtml(words.choices[choice])}</td>${indexCell(index, "first", at)}${indexCell(index, "total", at)}${indexCell(rank, "first", at)}${indexCell(rank, "total", at)}</tr>`;
  });
  // A total estimate below the first-order one (index or rank) is sampling error: said under the table.
  const below = result.choices
    .filter((_, i) => {
      const at = i * yearCount + y;
      const { index, rank } = result.sensitivity;
      return index.overallTotal[at] < index.overallFirstOrder[at] || rank.overallTotal[at] < rank.overallFirstOrder[at];
    })
    .map(({ choice }) => words.choices[choice]);
  const belowNote = below.length > 0 ? `\n<p class="note">${escapeHtml(fill(words.belowFirst, { year: result.years[y], choices: below.join(words.listJoin) }))}</p>` : "";
  return `<section>
<h2>${escapeHtml(fill(words.yearHeading, { year: result.years[y] }))}</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(fill(words.chartLabel, { year: result.years[y] }))}">
${parts.join("\n")}
</svg>
<table>
<thead><tr><th>${escapeHtml(words.choice)}${result.sensitivity.index.overallIntervals ? escapeHtml(words.interval) : ""}</th><th>${escapeHtml(words.indexFirst)}</th><th>${escapeHtml(words.indexTotal)}</th><th>${escapeHtml(words.rankFirst)}</th><th>${escapeHtml(words.rankTotal)}</th></tr></thead>
<tbody>
${sensitivityRows.join("\n")}
</tbody>
</table>${belowNote}
</section>`;
}

/** A linear scale from [min, max] onto [0, PANEL], widened to round ticks (steps of 1, 2 or 5 times a power of 10). */
function scale(min: number, max: number): { position: (value: number) => number; ticks: number[] } {
  if (!(max > min)) {
    min -= 1;
    max += 1;
  }
  const rough = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step / 2; i++) ticks.push(start + i * step);
  return { position: (value) => ((value - start) / (end - start)) * PANEL, ticks };
}

const round = (value: number) => Math.round(value * 10) / 10;
const formatTick = (value: number) => String(Number(value.toPrecision(10)));
const textWidth = (text: string) => [...text].reduce((width, character) => width + (WIDE_CHARACTER.test(character) ? 2 : 1), 0);
