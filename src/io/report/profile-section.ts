/**
 * A unit's profile for the HTML report: its first-level sub-indices in one year (a radar, or horizontal bars with
 * fewer than three dimensions) and its strengths and weaknesses (from `computeProfiles`). Every text is escaped; the
 * chart is rendered to SVG on the server as the report's other charts.
 */
import type { Profiles } from "../../core/audit/profiles.js";
import { resultIndex, type IndexResult } from "../../core/compute.js";
import { nodeName, type Language } from "../write/tables.js";
import { pageText } from "./page-warnings.js";
import { formatValue } from "../write/to-csv.js";
import { barChart, barChartHeight, radarChart, renderCharts, type ChartOption } from "./charts.js";
import { escapeHtml } from "./to-html.js";

export interface ProfileSectionOptions {
  /** The year shown. Default: the last year of the result. */
  year?: number;
  /** Decimals of the scores and values. Default 2. */
  decimals?: number;
  /** Language of the words and of the names (`nameEn` in English, when the tree has it). Default `zh`. */
  language?: Language;
}

const WORDS = {
  zh: {
    title: "{unit}：{year}年一级分指数",
    strengths: "优势",
    weaknesses: "劣势",
    none: "无",
    rank: "第{rank}名（共{units}个）",
    score: "得分",
    value: "原始值",
    colon: "：",
    separator: "，",
  },
  en: {
    title: "{unit}: first-level sub-indices, {year}",
    strengths: "Strengths",
    weaknesses: "Weaknesses",
    none: "none",
    rank: "rank {rank} of {units}",
    score: "score",
    value: "value",
    colon: ": ",
    separator: ", ",
  },
} as const;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

/**
 * The chart of a unit's first-level sub-indices in a year: a radar with three dimensions or more, else horizontal bars
 * (a radar of one or two axes is a point or a line).
 */
export function profileChartOption(result: IndexResult, unit: number, year: number, options: ProfileSectionOptions = {}): { option: ChartOption; height?: number } {
  const language = options.language ?? "zh";
  const y = result.years.indexOf(year);
  const dimensions = result.nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.level === 1);
  const names = dimensions.map(({ node }) => nodeName(node, language));
  const values = dimensions.map(({ n }) => result.values[resultIndex(result, n, unit, y)]);
  const title = fill(WORDS[language].title, { unit: result.units[unit], year });
  if (dimensions.length >= 3) return { option: radarChart(title, names, [{ name: result.units[unit], values }]) };
  return { option: barChart(title, names, values, options.decimals ?? 2, "#2f6fb0"), height: barChartHeight(dimensions.length) };
}

/**
 * The HTML section of one unit's profile: a heading, the chart of its first-level sub-indices, and its strengths and
 * weaknesses in the year (name, code, rank of the ranked units, score, raw value of an indicator); with a single unit,
 * the profiles' note instead of the lists.
 * @throws RangeError for a unit or year the result does not have.
 */
export async function formatProfileSectionHtml(result: IndexResult, profiles: Profiles, unitName: string, options: ProfileSectionOptions = {}): Promise<string> {
  const language = options.language ?? "zh";
  const words = WORDS[language];
  const decimals = options.decimals ?? 2;
  const unit = result.units.indexOf(unitName);
  if (unit < 0) throw new RangeError(`formatProfileSectionHtml: unknown unit ${JSON.stringify(unitName)}`);
  const year = options.year ?? result.years[result.years.length - 1];
  const y = result.years.indexOf(year);
  if (y < 0) throw new RangeError(`formatProfileSectionHtml: year ${year} is not in the result`);

  const [svg] = await renderCharts([profileChartOption(result, unit, year, options)]);
  const entries = profiles.entries.filter((entry) => entry.unit === unit && entry.year === y);
  const item = (entry: Profiles["entries"][number]) => {
    const node = result.nodes[entry.node];
    const details = [
      fill(words.rank, { rank: entry.rank, units: entry.rankedUnits }),
      `${words.score} ${formatValue(entry.score, decimals)}`,
      ...(Number.isFinite(entry.value) ? [`${words.value} ${formatValue(entry.value, decimals)}`] : []),
    ];
    return `<li>${escapeHtml(nodeName(node, language))} <code>${escapeHtml(node.code)}</code>${escapeHtml(words.colon + details.join(words.separator))}</li>`;
  };
  const list = (type: "strength" | "weakness", title: string) => {
    const items = entries.filter((entry) => entry.type === type);
    return `<h3>${escapeHtml(title)}</h3>${items.length > 0 ? `<ul>${items.map(item).join("")}</ul>` : `<p>${escapeHtml(words.none)}</p>`}`;
  };
  const body =
    profiles.notes.length > 0
      ? profiles.notes.map((note) => `<p class="note">${escapeHtml(pageText(note, language))}</p>`).join("")
      : list("strength", words.strengths) + list("weakness", words.weaknesses);
  return `<section class="profile"><h2>${escapeHtml(`${unitName} · ${year}`)}</h2><figure class="chart">${svg}</figure>${body}</section>`;
}

