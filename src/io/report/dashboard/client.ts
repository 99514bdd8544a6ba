/// <reference lib="dom" />
/**
 * The dashboard's script, bundled by esbuild into one IIFE (`dist/bundle/dashboard-client.js`) and inlined into
 * report.html with ECharts' minified build. It reads the data (`#dashboard-data`), draws the sections and answers the
 * controls. The what-if recomputation is the core's own `computeIndex` on the run's tree, raw values and options with
 * other first-level weights (bundled here, not re-implemented), and the ranks and contributions are the core's
 * `computeRanks` and `computeContributions`: the same arithmetic as the command line.
 */
import { computeContributions } from "../../../core/analysis/contributions.js";
import { performanceGroups } from "../../../core/analysis/performance-groups.js";
import { computeRanks, type Ranks } from "../../../core/analysis/ranks.js";
import { computeIndex, resultIndex, type ComputeOptions, type IndexResult } from "../../../core/compute.js";
import type { Panel } from "../../../core/panel.js";
import { differenceAsShown, toFixedText } from "../../../core/number.js";
import type { Tree, TreeNode } from "../../../core/types.js";
import { barChart, groupedBarChart, lineChart, radarChart, rankChart } from "../charts.js";
import { metaText, rankChangeText } from "../labels.js";
import type { DashboardAudit, DashboardData } from "./data.js";
import { formatRaw } from "./numbers.js";
import { imputationText, OWN_WEIGHT_METHODS, ownWeightsNotes, ownWeightsText, weightShown, weightsUsed, weightText, type WeightsUsed } from "./drilldown.js";
import { changeCells, changeColumns, fill, yearChange, yearSentence } from "./sentence.js";
import { dashboardWords, type DashboardWords } from "./words.js";

/** The part of ECharts' API the page uses (ECharts itself is inlined as a global by the page). */
interface Chart {
  setOption(option: unknown): void;
  dispose(): void;
  resize(): void;
}
declare const echarts: { init(element: HTMLElement, theme: null, options: { renderer: "svg"; height?: number }): Chart };

type Language = "zh" | "en";
type Values = Pick<IndexResult, "units" | "years" | "nodes" | "values" | "options" | "bodWeights">;

/** One colour per series, the overall index first, so that a dimension has the same colour in every chart. */
const PALETTE = ["#2e5f9e", "#e07b39", "#3a9d5d", "#c44e52", "#8172b2", "#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"];

/** The performance groups best first (sorting by group sorts by this order). */
const GROUP_ORDER = ["leader", "strong", "moderate", "emerging"];

/** A performance group in the page's language (the EIS's groups: 创新领先者 … 新兴创新者 in Chinese). */
function groupName(group: string): string {
  const names: Readonly<Record<string, string>> = { leader: words.groupLeader, strong: words.groupStrong, moderate: words.groupModerate, emerging: words.groupEmerging };
  return names[group] ?? group;
}

/** Units above which tables are paged and charts show the top and bottom only. */
const PAGE_SIZE = 25;
const MANY_UNITS = 40;
const EDGE = 20;

const data = JSON.parse(document.getElementById("dashboard-data")!.textContent!) as DashboardData;
const toNumbers = (values: readonly (number | null)[]) => Float64Array.from(values, (value) => (value === null ? Number.NaN : value));
const { units, years, nodes, decimals } = data;
// The weights benefit of the doubt chose (its groups only), for the drill-down's weights and the contributions.
const bodWeights = data.bodWeights ? new Map(Object.entries(data.bodWeights).map(([code, weights]) => [code, toNumbers(weights)] as const)) : undefined;
const published: Values = { units, years, nodes, values: toNumbers(data.values), options: data.compute.options as unknown as IndexResult["options"], bodWeights };
const publishedRanks: Ranks | undefined = units.length > 1 ? computeRanks(published, (node) => node.kind !== "indicator") : undefined;
const roots = nodes.map((node, n) => ({ node, n })).filter(({ node }) => node.level === 1);
/** Performance groups (`--performance-groups`) as groups.csv has them, by `unit * yearCount + year`; none when not asked for. */
const runOptions = data.compute.options as { performanceGroups?: [number, number, number]; referenceUnit?: string };
const groupOf: (string | undefined)[] | undefined = runOptions.performanceGroups ? new Array<string | undefined>(units.length * years.length) : undefined;
if (groupOf)
  for (const row of performanceGroups(published, {
    referenceUnit: runOptions.referenceUnit === undefined ? undefined : units.indexOf(runOptions.referenceUnit),
    thresholds: runOptions.performanceGroups,
  }))
    groupOf[units.indexOf(row.unit) * years.length + years.indexOf(row.year)] = row.group;
const position = new Map(nodes.map((node, n) => [node.code, n] as const));
const children = new Map<string, number[]>();
nodes.forEach((node, n) => {
  if (node.parent !== null) children.set(node.parent, [...(children.get(node.parent) ?? []), n]);
});
const panelPosition = new Map(data.compute.panelIndicators.map((code, i) => [code, i] as const));
const imputed = new Map(data.imputations.map(([indicator, unit, year, method]) => [`${indicator}\u0000${unit}\u0000${year}`, method] as const));

const state = {
  language: data.language as Language,
  unit: 0,
  year: years.length - 1,
  drill: [] as string[],
  sort: { column: "rank", descending: false },
  page: 0,
  chosen: [] as number[],
  weights: roots.map(({ node }) => node.weight),
  whatIf: undefined as { result: IndexResult; ranks?: Ranks } | undefined,
  whatIfError: "",
};
// The units compared at first: the three first in the last year.
state.chosen = unitOrder(published, publishedRanks, years.length - 1).slice(0, Math.min(3, units.length));

let words: DashboardWords = dashboardWords(state.language);
const charts = new Map<string, Chart[]>();

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** A number with `digits` decimals, `–` where missing, `-0` as `0` (as the CLI's tables). */
function format(value: number, digits = decimals): string {
  if (!Number.isFinite(value)) return "–";
  const text = toFixedText(value, digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** An element with attributes and children; text children are text nodes (never parsed as HTML). */
function element(tag: string, attributes: Record<string, string | number | boolean | undefined> = {}, ...content: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const item of content) node.append(item);
  return node;
}

// The overall index by its own name too (--index-name, the tree's INDEX row, else 总指数 / Overall index), as index.csv.
const nameOf = (n: number) => (state.language === "en" ? (nodes[n].nameEn ?? nodes[n].name) : nodes[n].name);
const valueAt = (source: Values, n: number, u: number, y: number) => source.values[resultIndex(source, n, u, y)];

function table(headers: (string | HTMLElement)[], rows: (Node | string)[][], className = ""): HTMLElement {
  const head = element("thead", {}, element("tr", {}, ...headers.map((header) => element("th", {}, header))));
  const body = element("tbody", {}, ...rows.map((row) => element("tr", {}, ...row.map((cell) => (cell instanceof HTMLElement && cell.tagName === "TD" ? cell : element("td", {}, cell))))));
  return element("table", { class: className }, head, body);
}
const numberCell = (text: string, attributes: Record<string, string> = {}) => element("td", { class: "number", ...attributes }, text);

/** Draws an ECharts option as SVG into a new box of `height` pixels, owned by `section` (disposed when it redraws). */
function chart(section: string, option: unknown, height = 380): HTMLElement {
  const box = element("div", { class: "chart", style: `height:${height}px` });
  // Drawn once the box is in the page (ECharts reads its size).
  queueMicrotask(() => {
    const instance = echarts.init(box, null, { renderer: "svg" });
    instance.setOption(option);
    charts.get(section)!.push(instance);
  });
  return box;
}

/** Empties a section and disposes its charts. */
function reset(section: string): HTMLElement {
  for (const instance of charts.get(section) ?? []) instance.dispose();
  charts.set(section, []);
  const node = document.getElementById(section)!;
  node.replaceChildren();
  return node;
}

/** Units from first to last place in year `y` (missing ranks last, then file order). */
function unitOrder(source: Values, ranks: Ranks | undefined, y: number): number[] {
  const order = units.map((_, u) => u);
  if (!ranks) return order;
  const key = (u: number) => {
    const rank = ranks.rank[resultIndex(source, 0, u, y)];
    return Number.isNaN(rank) ? Number.POSITIVE_INFINITY : rank;
  };
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// The header and the controls shared by every section

function renderHeader(): void {
  const header = document.getElementById("header")!;
  header.replaceChildren();
  document.documentElement.lang = state.language === "zh" ? "zh-CN" : "en";
  const title = data.title ?? words.title;
  document.title = title;
  // The line of the static page (metaText), the methods named in the page's language as it names them.
  const methods = state.language === "zh" ? data.methodZh : data.method;
  const meta = metaText({ baseYear: data.ownBase ? data.baseYear : undefined, shifted: data.shiftedBase, years, units, methods }, state.language);
  header.append(
    element("h1", {}, title),
    ...(data.description ? [element("p", { class: "description" }, data.description)] : []),
    // Some values are illustrative: said before any figure, in the page's language.
    ...(data.notice ? [element("p", { class: "notice", role: "note" }, data.notice[state.language])] : []),
    element("p", { class: "meta" }, meta),
  );
  const controls = element("div", { class: "controls" });
  if (units.length > 1) {
    const select = element("select", { id: "unit-select", "aria-label": words.unit }) as HTMLSelectElement;
    units.forEach((unit, u) => select.append(element("option", { value: u, selected: u === state.unit }, unit)));
    select.addEventListener("change", () => {
      state.unit = Number(select.value);
      renderAll();
    });
    controls.append(element("label", {}, `${words.unit} `, select));
  }
  const yearSelect = element("select", { id: "year-select", "aria-label": words.year }) as HTMLSelectElement;
  years.forEach((year, y) => yearSelect.append(element("option", { value: y, selected: y === state.year }, String(year))));
  yearSelect.addEventListener("change", () => {
    state.year = Number(yearSelect.value);
    renderAll();
  });
  controls.append(element("label", {}, `${words.year} `, yearSelect));
  const language = element("button", { id: "language", type: "button" }, words.switchLanguage);
  language.addEventListener("click", () => {
    state.language = state.language === "zh" ? "en" : "zh";
    words = dashboardWords(state.language);
    renderAll();
  });
  const print = element("button", { id: "print", type: "button" }, words.print);
  print.addEventListener("click", () => window.print());
  controls.append(language, print);
  header.append(controls);
  const sections: [string, string][] = [
    ["overview", words.overview],
    ["drilldown", words.drilldown],
    ...(units.length > 1 ? [["units", words.units] as [string, string]] : []),
    ["what-if", words.whatIf],
    ["audit", words.audit],
  ];
  header.append(element("nav", {}, ...sections.map(([id, text]) => element("a", { href: `#${id}` }, text))));
}

// ---------------------------------------------------------------------------------------------------------------
// Overview: the index over the years, growth, contributions, and a sentence per year

/**
 * The sentence of the change from year `y - 1` to `y` for unit `u`: the change and the first-level contributions, or why
 * no change can be given (the index missing in either year).
 */
function sentence(u: number, y: number): string {
  return yearSentence(words, published, u, y, nameOf, format, data.ratioScale);
}

function renderOverview(): void {
  const section = reset("overview");
  const u = state.unit;
  const top = [{ n: 0 }, ...roots];
  section.append(element("h2", {}, `${words.overview}${units.length > 1 ? ` · ${units[u]}` : ""}`));
  const series = top.map(({ n }) => ({ name: nameOf(n), values: years.map((_, y) => valueAt(published, n, u, y)) }));
  const figures = element("div", { class: "charts" }, chart("overview", { ...lineChart(words.trend, years, series), color: PALETTE }, 380));
  if (years.length > 1) {
    // Stacked bars: each dimension's contribution to each year's change of the overall index.
    const pairs = years.slice(1).map((year, i) => computeContributions(published, years[i], year, undefined, "dimensions"));
    const option = {
      animation: false,
      color: PALETTE.slice(1),
      title: { text: words.contributionsChart, left: "center", textStyle: { fontSize: 15 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 56, right: 24, top: 48, bottom: 64 },
      xAxis: { type: "category", data: years.slice(1).map(String) },
      yAxis: { type: "value" },
      series: roots.map(({ n }) => ({
        type: "bar",
        stack: "change",
        name: nameOf(n),
        // No bar where the change is missing (the sentence says why): "-" is ECharts' empty value.
        data: pairs.map((pair) => {
          const points = pair.contribution[n * units.length + u];
          return Number.isFinite(points) ? Number(toFixedText(points, decimals)) : "-";
        }),
      })),
    };
    figures.append(chart("overview", option, 380));
  }
  section.append(figures);
  if (years.length < 2) {
    section.append(element("p", {}, words.noChange));
    return;
  }
  section.append(element("ul", { class: "sentences" }, ...years.slice(1).map((_, i) => element("li", {}, sentence(u, i + 1)))));
  // The table: the index, its change (in points, and in percent on a ratio scale only: data.ratioScale, as growth.csv
  // leaves change_percent empty on a min-max, z-score or Copeland score), and the contribution of each dimension.
  const changeHeaders = changeColumns(words, data.ratioScale);
  const rows = years.map((year, y) => {
    const value = valueAt(published, 0, u, y);
    if (y === 0) return [String(year), numberCell(format(value)), ...changeHeaders.map(() => numberCell("")), ...roots.map(() => numberCell(""))];
    const change = yearChange(words, published, u, y);
    // The index missing in either year: no change and no contribution, but why, across their columns.
    if ("missing" in change) return [String(year), numberCell(format(value)), element("td", { class: "missing-change", colspan: changeHeaders.length + roots.length }, change.missing)];
    const points = new Map(change.contributions.map(({ n, points }) => [n, points] as const));
    return [
      String(year),
      numberCell(format(value)),
      ...changeCells(change.from, change.to, data.ratioScale, format).map((text) => numberCell(text)),
      ...roots.map(({ n }) => numberCell(format(points.get(n) ?? Number.NaN))),
    ];
  });
  section.append(element("h3", {}, words.growthTable));
  section.append(table([words.year, words.value, ...changeHeaders, ...roots.map(({ n }) => nameOf(n))], rows));
  if (!data.ratioScale) section.append(element("p", { class: "hint" }, words.changeInPoints));
  // Once, under the table of changes and contributions (of the unit shown): they are rounded after they are worked out.
  // Not a hint, which print hides.
  section.append(element("p", { class: "rounding-note" }, words.roundingNote));
}

// ---------------------------------------------------------------------------------------------------------------
// Drill-down: dimension, sub-index, indicators

/**
 * A weight cell: the weight used that year (`weightsUsed`, as the tree table), with the nominal one beside it where they
 * differ (`beside`; else in its tooltip, the cell highlighted either way), or the nominal weight labelled so where the
 * aggregation has weights of its own (TOPSIS), or the unit's own weight labelled so below BoD (`weightText`).
 */
function weightCell(used: WeightsUsed, n: number, scope: "within" | "overall", digits: number, beside = true): HTMLElement {
  const shown = weightShown(used, n, scope);
  const { text, note, title } = weightText(words, shown, (value) => format(value, digits), state.language);
  const noted = note !== undefined && (beside || shown.state === "nominal" || shown.state === "chosen");
  return element(
    "td",
    { class: `number weight-${shown.state}`, "data-nominal": Number.isFinite(shown.nominal) ? String(shown.nominal) : undefined, title: title ?? (note && !noted ? note.trim() : undefined) },
    text,
    ...(noted ? [element("span", { class: "weight-note" }, note)] : []),
  );
}

/** The raw value of an indicator, its source label and whether it was imputed, for unit `u` and year `y`. */
function rawOf(code: string, u: number, y: number): { value: number; source: string; imputation?: string } {
  const i = panelPosition.get(code);
  if (i === undefined) return { value: Number.NaN, source: "" };
  const cell = (i * units.length + u) * years.length + y;
  const raw = data.raw[cell];
  const label = data.sources.length > 0 ? data.sources[cell] : -1;
  return { value: raw === null ? Number.NaN : raw, source: label >= 0 ? data.sourceLabels[label] : "", imputation: imputed.get(`${code}\u0000${units[u]}\u0000${years[y]}`) };
}


/** The badge of what the data stage did to a value (one text for both tables: `imputationText`), its method as a tooltip. */
function imputationBadge(method: string): HTMLElement {
  return element("span", { class: "badge imputed", title: method }, imputationText(words, method));
}

function sourceBadge(source: string): HTMLElement {
  // The two words of the shipped values in the page's language (示意, 已发布 in Chinese); any other label as written.
  const label = source.trim().toLowerCase();
  const shown = label === "published" ? words.sourcePublished : label === "illustrative" ? words.sourceIllustrative : source;
  return element("span", { class: `badge source-${source.replace(/[^a-z0-9-]/gi, "_")}` }, shown);
}

function renderDrilldown(): void {
  const section = reset("drilldown");
  const u = state.unit;
  const y = state.year;
  section.append(element("h2", {}, `${words.drilldown} · ${fill(words.yearLabel, { year: years[y] })}${units.length > 1 ? ` · ${units[u]}` : ""}`));
  section.append(element("p", { class: "hint" }, words.drillHint));
  // The breadcrumb: the overall index, then each level clicked.
  const crumbs = element("div", { class: "breadcrumb" });
  const path = ["INDEX", ...state.drill];
  path.forEach((code, k) => {
    const link = element("button", { type: "button", class: "crumb", "data-code": code }, nameOf(position.get(code)!));
    link.addEventListener("click", () => {
      state.drill = state.drill.slice(0, k);
      renderDrilldown();
    });
    if (k > 0) crumbs.append(" › ");
    crumbs.append(link);
  });
  section.append(crumbs);

  // BoD or TOPSIS somewhere in the tree: what the weights below it are (the unit's own, or nominal), said (kept in print).
  for (const note of ownWeightsNotes(words, nodes, state.language, published.bodWeights)) section.append(element("p", { class: "weights-note" }, note));
  // The weights the year's aggregation used for the unit, as the tree table below gives them.
  const used = weightsUsed(published, u, y);

  // The dimensions as cards, the one opened highlighted; each with its weight used that year (the nominal one beside it
  // where they differ), or its nominal weight under BoD or TOPSIS.
  const cards = element("div", { class: "cards" });
  for (const { node, n } of roots) {
    const shown = weightShown(used, n, "within");
    const weight = weightText(words, shown, (value) => format(value, 3), state.language);
    const card = element(
      "button",
      { type: "button", class: state.drill[0] === node.code ? "card open" : "card", "data-code": node.code },
      element("span", { class: "card-name" }, nameOf(n)),
      element("span", { class: "card-value" }, format(valueAt(published, n, u, y))),
      element(
        "span",
        { class: `card-weight weight-${shown.state}`, title: weight.title },
        `${shown.state === "nominal" ? words.nominal : words.weightUsed} ${weight.text}`,
        ...((shown.state === "changed" || shown.state === "chosen") && weight.note ? [element("span", { class: "weight-note" }, weight.note)] : []),
      ),
    );
    card.addEventListener("click", () => {
      state.drill = [node.code];
      renderDrilldown();
    });
    cards.append(card);
  }
  section.append(cards);

  const current = path[path.length - 1];
  const kids = children.get(current) ?? [];
  const indicators = kids.filter((n) => nodes[n].kind === "indicator");
  const groups = kids.filter((n) => nodes[n].kind !== "indicator");
  if (state.drill.length > 0) {
    const bars = chart("drilldown", barChart(`${nameOf(position.get(current)!)} · ${years[y]}`, kids.map(nameOf), kids.map((n) => valueAt(published, n, u, y)), decimals, "#3b6fb6"), Math.max(240, 80 + 30 * kids.length));
    section.append(element("div", { class: "charts" }, bars));
  }
  if (groups.length > 0 && state.drill.length > 0) {
    const rows = groups.map((n) => {
      const open = element("button", { type: "button", class: "link", "data-code": nodes[n].code }, nameOf(n));
      open.addEventListener("click", () => {
        state.drill = [...state.drill, nodes[n].code];
        renderDrilldown();
      });
      return [nodes[n].code, open, weightCell(used, n, "within", 3), weightCell(used, n, "overall", 4), numberCell(format(valueAt(published, n, u, y))), numberCell(String((children.get(nodes[n].code) ?? []).length))];
    });
    section.append(table([words.code, words.name, words.weightUsed, words.globalWeightUsed, words.score, words.children], rows, "drill-groups"));
  }
  if (indicators.length > 0) section.append(indicatorTable(indicators, u, y, used));
  section.append(element("h3", {}, fill(words.treeTitle, { year: years[y] })));
  section.append(treeTable(used, u, y));
}

function indicatorTable(indicators: number[], u: number, y: number, used: WeightsUsed): HTMLElement {
  const rows = indicators.map((n) => {
    const node = nodes[n];
    const raw = rawOf(node.code, u, y);
    const sourceCell = element("td", {}, ...(raw.source ? [sourceBadge(raw.source)] : []));
    if (raw.imputation) sourceCell.append(imputationBadge(raw.imputation));
    return [
      node.code,
      nameOf(n),
      weightCell(used, n, "within", 3),
      weightCell(used, n, "overall", 4),
      numberCell(formatRaw(raw.value), raw.imputation ? { "data-imputed": raw.imputation } : {}),
      node.measure ?? "",
      node.direction === "negative" ? words.negative : words.positive,
      numberCell(format(valueAt(published, n, u, y))),
      sourceCell,
    ];
  });
  return table([words.code, words.name, words.weightUsed, words.globalWeightUsed, words.rawValue, words.measure, words.direction, words.score, words.source], rows, "drill-indicators");
}

/**
 * The whole tree with the weights the year's aggregation used (`weightsUsed`: renormalised over the children observed
 * that year, 0 for a gap left out, – below a score that is missing; the unit's own below BoD, labelled so; nominal,
 * labelled so, below TOPSIS), the
 * values of the year and their sources (read in print). The cards and tables above show the same weights; here a weight
 * that differs from the nominal one is highlighted with the nominal one in its tooltip (the gap's badge says why).
 */
function treeTable(used: WeightsUsed, u: number, y: number): HTMLElement {
  const rows = nodes.slice(1).map((node, k) => {
    const n = k + 1;
    const raw = node.kind === "indicator" ? rawOf(node.code, u, y) : undefined;
    const sourceCell = element("td", {}, ...(raw?.source ? [sourceBadge(raw.source)] : []), ...(raw?.imputation ? [imputationBadge(raw.imputation)] : []));
    return [
      node.code,
      element("td", { class: `level-${node.level}` }, nameOf(n)),
      weightCell(used, n, "within", 3, false),
      weightCell(used, n, "overall", 4, false),
      numberCell(raw ? formatRaw(raw.value) : ""),
      numberCell(format(valueAt(published, n, u, y))),
      sourceCell,
    ];
  });
  return table([words.code, words.name, words.weightUsed, words.globalWeightUsed, words.rawValue, words.score, words.source], rows, "tree");
}

// ---------------------------------------------------------------------------------------------------------------
// Units side by side

function renderUnits(): void {
  if (units.length < 2) return;
  const section = reset("units");
  const y = state.year;
  section.append(element("h2", {}, `${words.units} · ${fill(words.yearLabel, { year: years[y] })}`));
  const ranks = publishedRanks!;
  const order = unitOrder(published, ranks, y);
  // The league: every unit up to MANY_UNITS, else the top and bottom EDGE and the distribution.
  const figures = element("div", { class: "charts" });
  const label = (u: number) => `${format(ranks.rank[resultIndex(published, 0, u, y)], 0)}. ${units[u]}`;
  if (units.length <= MANY_UNITS) {
    figures.append(chart("units", barChart(fill(words.ranking, { year: years[y] }), order.map(label), order.map((u) => valueAt(published, 0, u, y)), decimals, "#3b6fb6"), 96 + 24 * units.length));
  } else {
    const edges = [...order.slice(0, EDGE), ...order.slice(-EDGE)];
    figures.append(chart("units", barChart(fill(words.topBottom, { year: years[y], count: EDGE }), edges.map(label), edges.map((u) => valueAt(published, 0, u, y)), decimals, "#3b6fb6"), 96 + 22 * edges.length));
    figures.append(chart("units", histogram(order.map((u) => valueAt(published, 0, u, y))), 380));
  }
  section.append(figures);

  // The sortable, paged ranking table.
  section.append(element("h3", {}, fill(words.rankingSortable, { year: years[y] })));
  const columns = [
    { key: "rank", title: words.rank, value: (u: number) => ranks.rank[resultIndex(published, 0, u, y)], digits: 0 },
    { key: "unit", title: words.unit, value: (u: number) => u, digits: -1 },
    { key: "INDEX", title: nameOf(0), value: (u: number) => valueAt(published, 0, u, y), digits: decimals },
    ...roots.map(({ node, n }) => ({ key: node.code, title: nameOf(n), value: (u: number) => valueAt(published, n, u, y), digits: decimals })),
    { key: "change", title: words.rankChange, value: (u: number) => ranks.rankChange[resultIndex(published, 0, u, y)], digits: 0 },
    ...(groupOf ? [{ key: "group", title: words.group, value: (u: number) => GROUP_ORDER.indexOf(groupOf[u * years.length + y] ?? ""), digits: -1 }] : []),
  ];
  const column = columns.find((item) => item.key === state.sort.column) ?? columns[0];
  const key = (u: number) => {
    if (column.key === "unit") return units[u];
    const value = column.value(u);
    if (column.key === "group" && value < 0) return undefined;
    return Number.isNaN(value) ? undefined : value;
  };
  const sorted = units.map((_, u) => u).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) return ka === undefined ? (kb === undefined ? a - b : 1) : -1;
    const compared = typeof ka === "string" ? ka.localeCompare(String(kb)) : ka - (kb as number);
    return (state.sort.descending ? -compared : compared) || a - b;
  });
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const shown = sorted.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  const headers = columns.map((item) => {
    const arrow = item.key === state.sort.column ? (state.sort.descending ? " ▼" : " ▲") : "";
    const button = element("button", { type: "button", class: "sort", "data-sort": item.key }, `${item.title}${arrow}`);
    button.addEventListener("click", () => {
      state.sort = { column: item.key, descending: item.key === state.sort.column ? !state.sort.descending : !["rank", "unit", "group"].includes(item.key) };
      state.page = 0;
      renderUnits();
    });
    return button;
  });
  const rows = shown.map((u) =>
    columns.map((item) => {
      if (item.key === "unit") return units[u];
      if (item.key === "group") return groupName(groupOf?.[u * years.length + y] ?? "");
      const value = item.value(u);
      // A rank change with its direction (↑3 up three places), as every page shows it.
      return numberCell(item.key === "change" ? rankChangeText(value, "–") : format(value, item.digits));
    }),
  );
  section.append(table(headers, rows, "ranking"));
  if (pages > 1) {
    const previous = element("button", { type: "button", class: "page-previous", disabled: state.page === 0 }, words.previous);
    const next = element("button", { type: "button", class: "page-next", disabled: state.page >= pages - 1 }, words.next);
    previous.addEventListener("click", () => {
      state.page--;
      renderUnits();
    });
    next.addEventListener("click", () => {
      state.page++;
      renderUnits();
    });
    section.append(element("div", { class: "pager" }, previous, ` ${fill(words.page, { page: state.page + 1, pages })} `, next));
  }

  // The units chosen for the radar and the rank lines.
  const chooser = element("select", { id: "compare-units", multiple: true, size: Math.min(8, units.length) }) as HTMLSelectElement;
  order.forEach((u) => chooser.append(element("option", { value: u, selected: state.chosen.includes(u) }, units[u])));
  chooser.addEventListener("change", () => {
    state.chosen = Array.from(chooser.selectedOptions).map((option) => Number(option.value));
    renderUnits();
  });
  section.append(element("div", { class: "chooser" }, element("label", { for: "compare-units" }, words.chooseUnits), chooser));
  const compared = element("div", { class: "charts" });
  const axes = roots.map(({ n }) => nameOf(n));
  const profiles = state.chosen.map((u) => ({ name: units[u], values: roots.map(({ n }) => valueAt(published, n, u, y)) }));
  const title = fill(words.radar, { year: years[y] });
  compared.append(chart("units", axes.length >= 3 ? radarChart(title, axes, profiles) : groupedBarChart(title, axes, profiles), 420));
  if (years.length > 1) {
    const lines = state.chosen.map((u) => ({ name: units[u], values: years.map((_, t) => ranks.rank[resultIndex(published, 0, u, t)]) }));
    // The axis ends a little below the lowest rank shown, so that a few leading units do not sit in a corner.
    const lowest = Math.max(2, ...lines.flatMap((line) => line.values.filter(Number.isFinite)));
    compared.append(chart("units", rankChart(words.rankLines, years, lines, Math.min(units.length, lowest + 2)), 420));
  }
  section.append(compared);
}

/** A histogram of `values` in about 12 bins. */
function histogram(values: number[]): unknown {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const bins = 12;
  const width = (high - low) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const value of finite) counts[Math.min(bins - 1, Math.floor((value - low) / width))]++;
  return {
    animation: false,
    title: { text: fill(words.distribution, { year: years[state.year] }), left: "center", textStyle: { fontSize: 15 } },
    grid: { left: 48, right: 24, top: 48, bottom: 48 },
    xAxis: { type: "category", data: counts.map((_, k) => `${format(low + k * width, 1)}–${format(low + (k + 1) * width, 1)}`), axisLabel: { rotate: 30 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: counts, itemStyle: { color: "#3b6fb6" } }],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What if: first-level weights recomputed in the page by the core's computeIndex

const treeNodes = data.compute.nodes.map((node) => ({ ...node, weight: node.weight === null ? Number.NaN : node.weight }) as TreeNode);
const panel: Panel = { units, years, indicators: data.compute.panelIndicators, values: toNumbers(data.raw) };

/** The index computed with the first-level weights `weights` (in the order of `roots`), everything else as the run. */
function recompute(weights: readonly number[]): IndexResult {
  const rootWeight = new Map(roots.map(({ node }, k) => [node.code, weights[k]] as const));
  const { weights: derived, ...options } = data.compute.options;
  const nodesOf = treeNodes.map((node) => (rootWeight.has(node.code) ? { ...node, weight: rootWeight.get(node.code)! } : node));
  const tree: Tree = { nodes: nodesOf, roots: data.compute.roots, indicators: data.compute.indicators, byCode: new Map(nodesOf.map((node) => [node.code, node] as const)) };
  // Derived weights (AHP, entropy, ...) are not in the tree: they are passed as the run passed them, with the new first level.
  const computeOptions = { ...options, ...(derived ? { weights: new Map(derived.map(([code, weight]) => [code, rootWeight.get(code) ?? weight] as const)) } : {}) } as ComputeOptions;
  return computeIndex(tree, panel, computeOptions);
}

/** The largest difference between the page's recomputation with the published weights and the published values. */
function selfCheck(): number {
  try {
    const again = recompute(roots.map(({ node }) => node.weight));
    let largest = 0;
    for (let k = 0; k < again.values.length; k++) {
      const a = again.values[k];
      const b = published.values[k];
      if (Number.isNaN(a) !== Number.isNaN(b)) return Number.POSITIVE_INFINITY;
      if (!Number.isNaN(a)) largest = Math.max(largest, Math.abs(a - b));
    }
    return largest;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
const checkDifference = selfCheck();

function runWhatIf(): void {
  try {
    const result = recompute(state.weights);
    state.whatIf = { result, ranks: units.length > 1 ? computeRanks(result, (node) => node.kind !== "indicator") : undefined };
    state.whatIfError = "";
  } catch (error) {
    state.whatIf = undefined;
    state.whatIfError = error instanceof Error ? error.message : String(error);
  }
}

function renderWhatIf(): void {
  const section = reset("what-if");
  section.setAttribute("data-check-difference", String(checkDifference));
  section.append(element("h2", {}, words.whatIf));
  section.append(element("div", { class: "what-if-banner", role: "note" }, words.whatIfBanner));
  section.append(element("p", { class: "hint" }, words.whatIfHint));
  if (!(checkDifference <= 1e-9)) section.append(element("p", { class: "error" }, fill(words.checkFailed, { difference: String(checkDifference) })));
  // The overall index by BoD or TOPSIS: the sliders set the weights the method is given, not a mean's.
  const indexMethod = nodes[0].method;
  if (indexMethod !== undefined && OWN_WEIGHT_METHODS.includes(indexMethod)) section.append(element("p", { class: "weights-note" }, ownWeightsText(words, indexMethod, state.language)));
  const total = state.weights.reduce((sum, weight) => sum + weight, 0);
  const sliders = element("div", { class: "sliders" });
  roots.forEach(({ node, n }, k) => {
    const input = element("input", { type: "range", min: 0, max: 1, step: 0.01, value: state.weights[k], "data-code": node.code, "aria-label": nameOf(n) }) as HTMLInputElement;
    const share = element("output", { class: "share" }, `${format((100 * state.weights[k]) / total, 1)}%`);
    const weightText = element("span", { class: "slider-weight" }, format(state.weights[k], 2));
    input.addEventListener("input", () => {
      state.weights[k] = Number(input.value);
      scheduleWhatIf();
    });
    sliders.append(element("label", { class: "slider" }, element("span", { class: "slider-name" }, nameOf(n)), input, weightText, share));
  });
  section.append(sliders);
  const resetButton = element("button", { type: "button", id: "what-if-reset" }, words.reset);
  resetButton.addEventListener("click", () => {
    state.weights = roots.map(({ node }) => node.weight);
    runWhatIf();
    renderWhatIf();
  });
  section.append(resetButton);
  section.append(element("div", { id: "what-if-results" }));
  renderWhatIfResults();
}

let scheduled = false;
/** Recomputes once per frame however fast the slider moves. */
function scheduleWhatIf(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    runWhatIf();
    const section = document.getElementById("what-if")!;
    const total = state.weights.reduce((sum, weight) => sum + weight, 0);
    section.querySelectorAll<HTMLElement>(".slider").forEach((slider, k) => {
      slider.querySelector(".slider-weight")!.textContent = format(state.weights[k], 2);
      slider.querySelector(".share")!.textContent = `${format((100 * state.weights[k]) / total, 1)}%`;
    });
    renderWhatIfResults();
  });
}

function renderWhatIfResults(): void {
  for (const instance of charts.get("what-if") ?? []) instance.dispose();
  charts.set("what-if", []);
  const box = document.getElementById("what-if-results")!;
  box.replaceChildren();
  if (!state.whatIf) {
    box.append(element("p", { class: "error" }, fill(words.whatIfError, { message: state.whatIfError })));
    return;
  }
  const { result, ranks } = state.whatIf;
  const u = state.unit;
  const y = state.year;
  const index = valueAt(result, 0, u, y);
  // The difference of the two figures as shown (`differenceAsShown`), as every change on the page.
  box.append(
    element(
      "p",
      { class: "what-if-headline" },
      fill(words.whatIfLead, { where: units.length > 1 ? `${units[u]} · ` : "", year: years[y] }),
      element("strong", { id: "what-if-index", "data-value": String(index) }, format(index)),
      fill(words.whatIfTail, { computed: format(valueAt(published, 0, u, y)), difference: format(differenceAsShown(index, valueAt(published, 0, u, y))) }),
    ),
  );
  // The overall index and the first-level sub-indices, every year, published against what if.
  const top = [0, ...roots.map(({ n }) => n)];
  const headers = [words.code, words.name, ...years.flatMap((year) => [`${fill(words.yearLabel, { year })} ${words.published}`, `${fill(words.yearLabel, { year })} ${words.simulated}`])];
  const rows = top.map((n) => [
    nodes[n].code,
    nameOf(n),
    ...years.flatMap((_, t) => [numberCell(format(valueAt(published, n, u, t))), numberCell(format(valueAt(result, n, u, t)), { "data-node": nodes[n].code, "data-year": String(years[t]) })]),
  ]);
  box.append(table(headers, rows, "what-if-table"));
  const series = [
    { name: fill(words.seriesPublished, { name: nameOf(0) }), values: years.map((_, t) => valueAt(published, 0, u, t)) },
    { name: fill(words.seriesSimulated, { name: nameOf(0) }), values: years.map((_, t) => valueAt(result, 0, u, t)) },
  ];
  const uncertainty = data.uncertainty;
  const at = (values: readonly (number | null)[], t: number) => values[u * years.length + t] ?? Number.NaN;
  if (uncertainty)
    series.push(
      { name: words.intervalLow, values: years.map((_, t) => at(uncertainty.indexLow, t)) },
      { name: words.intervalHigh, values: years.map((_, t) => at(uncertainty.indexHigh, t)) },
    );
  const option = lineChart(fill(words.whatIfChart, { name: nameOf(0) }), years, series) as { series: Record<string, unknown>[] };
  // The interval's bounds as grey dashed lines.
  for (const bound of option.series.slice(2)) Object.assign(bound, { lineStyle: { type: "dashed", color: "#8c8c8c", width: 1 }, itemStyle: { color: "#8c8c8c" }, symbolSize: 3 });
  box.append(element("div", { class: "charts" }, chart("what-if", { ...option, color: PALETTE.slice(0, 1).concat("#e07b39") }, 340)));
  if (uncertainty) {
    const range = (low: number, high: number, digits: number) => (Number.isFinite(low) && Number.isFinite(high) ? `${format(low, digits)} – ${format(high, digits)}` : "–");
    const rankRange = (low: number, high: number) => (Number.isFinite(low) && Number.isFinite(high) ? `${formatRaw(low)} – ${formatRaw(high)}` : "–");
    const uncertaintyRows = years.map((year, t) => [
      String(year),
      numberCell(format(valueAt(published, 0, u, t))),
      numberCell(format(valueAt(result, 0, u, t))),
      numberCell(format(at(uncertainty.indexMedian, t))),
      numberCell(range(at(uncertainty.indexLow, t), at(uncertainty.indexHigh, t), decimals), { "data-year": String(year) }),
      // A rank quantile between two ranks keeps its decimals (40.95, not 41), as in the terminal and uncertainty.html.
      ...(units.length > 1 ? [numberCell(rankRange(at(uncertainty.rankLow, t), at(uncertainty.rankHigh, t)))] : []),
    ]);
    box.append(element("h3", {}, words.uncertaintyTitle), element("p", { class: "hint" }, words.uncertaintyNote));
    const headers = [words.year, words.published, words.simulated, words.median, words.interval, ...(units.length > 1 ? [words.rankInterval] : [])];
    box.append(table(headers, uncertaintyRows, "uncertainty"));
  }
  if (ranks && publishedRanks) {
    // The ranks of the year under the new weights, first to last (the first page only on a large panel).
    const order = unitOrder(result, ranks, y).slice(0, PAGE_SIZE);
    const rankRows = order.map((v) => {
      const now = ranks.rank[resultIndex(result, 0, v, y)];
      const before = publishedRanks.rank[resultIndex(published, 0, v, y)];
      const moved = before - now;
      return [numberCell(format(now, 0)), units[v], numberCell(format(valueAt(result, 0, v, y))), numberCell(format(before, 0)), numberCell(rankChangeText(moved, "–"))];
    });
    box.append(element("h3", {}, `${fill(words.ranking, { year: years[y] })} · ${words.simulated}`));
    box.append(table([words.rank, words.unit, words.value, words.rankPublished, words.rankChange], rankRows, "what-if-ranks"));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Audit

function renderAudit(): void {
  const section = reset("audit");
  section.append(element("h2", {}, words.audit));
  const audit = data.audit;
  // Without audit results the section only says how to get them: left out of the print.
  section.classList.toggle("empty", !audit);
  if (!audit) {
    section.append(element("p", { class: "hint" }, words.auditNone));
    return;
  }
  const figures = element("div", { class: "charts" });
  for (const item of audit.correlations) {
    const names = item.codes.map((code) => (position.has(code) ? nameOf(position.get(code)!) : code));
    const cells = item.codes.flatMap((_, i) => item.codes.map((__, j) => [j, i, item.matrix[i * item.codes.length + j]]));
    const option = {
      animation: false,
      title: { text: fill(words.correlations, { group: position.has(item.group) ? nameOf(position.get(item.group)!) : item.group }), left: "center", textStyle: { fontSize: 14 } },
      grid: { left: 8, right: 8, top: 48, bottom: 56, containLabel: true },
      xAxis: { type: "category", data: names, axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { interval: 0 } },
      visualMap: { min: -1, max: 1, calculable: false, orient: "horizontal", left: "center", bottom: 0, itemHeight: 120, inRange: { color: ["#c0392b", "#f7f7f7", "#2e6db4"] } },
      series: [{ type: "heatmap", data: cells.map(([x, yy, v]) => [x, yy, v === null ? "-" : Number(toFixedText(v as number, 2))]), label: { show: item.codes.length <= 10, fontSize: 10 } }],
    };
    figures.append(chart("audit", option, Math.max(320, 120 + 28 * item.codes.length)));
  }
  const weights = audit.weights.filter((item) => position.has(item.code));
  if (weights.length > 0) {
    const names = weights.map((item) => nameOf(position.get(item.code)!));
    figures.append(
      chart(
        "audit",
        groupedBarChart(
          words.effectiveWeights,
          names,
          [
            { name: words.nominal, values: weights.map((item) => item.nominal ?? Number.NaN) },
            { name: words.effective, values: weights.map((item) => item.effective ?? Number.NaN) },
          ],
        ),
        380,
      ),
    );
  }
  section.append(figures);
  // Each flagged pair in the page's language: "A – B：高度共线（r = 0.95）", "A – B: collinear (r = 0.95)".
  const flagWords: Readonly<Record<string, string>> = { negative: words.flagNegative, collinear: words.flagCollinear, "weak-parent": words.flagWeakParent };
  const note = ({ a, b, flags, r }: DashboardAudit["notes"][number]) =>
    fill(words.auditNote, { a, b, flags: flags.map((flag) => flagWords[flag] ?? flag).join(words.listSeparator), r: r === null ? "–" : r.toFixed(2) });
  if (audit.notes.length > 0) section.append(element("ul", {}, ...audit.notes.map((item) => element("li", {}, note(item)))));
}

// ---------------------------------------------------------------------------------------------------------------

function renderFooter(): void {
  const footer = document.getElementById("footer")!;
  footer.replaceChildren(element("p", {}, words.notes));
  // The messages are the engine's (English, as the command line prints them); the block's own words are the page's.
  if (data.warnings.length > 0)
    footer.append(element("h3", {}, words.warnings), element("p", {}, words.warningsIntro), element("ul", {}, ...data.warnings.map((warning) => element("li", {}, warning))));
}

function renderAll(): void {
  renderHeader();
  renderOverview();
  renderDrilldown();
  renderUnits();
  renderWhatIf();
  renderAudit();
  renderFooter();
}

if (units.length < 2) document.getElementById("units")!.remove();
runWhatIf();
renderAll();
window.addEventListener("resize", () => {
  for (const list of charts.values()) for (const instance of list) instance.resize();
});
// After the charts, which are drawn in microtasks queued before this one.
queueMicrotask(() => document.body.setAttribute("data-ready", "true"));
