/**
 * The report's charts: ECharts options built from the results, rendered on the server to SVG strings (no browser, no
 * script in the page). ECharts is loaded only when a report is made. ECharts escapes every text it writes into the SVG.
 */
import type { EChartsOption } from "echarts";
import { toFixedText } from "../../core/number.js";

/** Fonts that show Chinese on Linux (Noto CJK), Windows (Microsoft YaHei) and macOS (PingFang). */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";

const WIDTH = 760;
const HEIGHT = 380;
const COMMON = {
  animation: false,
  backgroundColor: "#ffffff",
  textStyle: { fontFamily: FONT_FAMILY },
} satisfies EChartsOption;

/**
 * An ECharts option, as `chart.setOption` takes it: each chart's is checked against ECharts' own `EChartsOption` where
 * it is built, and given out as a plain object, so that the library's declarations do not pull in ECharts' types
 * (which need a browser's, the DOM's: a Node program compiled without them would fail on them).
 */
export type ChartOption = { readonly [key: string]: unknown };

export interface Series {
  name: string;
  values: readonly number[];
}

/** A line per series over the years (the overall index and the first-level sub-indices). */
export function lineChart(title: string, years: readonly number[], series: readonly Series[]): ChartOption {
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    legend: { bottom: 0, type: "plain" },
    grid: { left: 56, right: 24, top: 48, bottom: 64 },
    xAxis: { type: "category", data: years.map(String), boundaryGap: false },
    yAxis: { type: "value", scale: true },
    series: series.map((item, i) => ({
      type: "line",
      name: item.name,
      data: item.values.map(toData),
      symbolSize: 6,
      lineStyle: { width: i === 0 ? 3 : 1.5 },
      z: i === 0 ? 3 : 2,
    })),
  } satisfies EChartsOption;
}

/** The first-level profile of two years on one radar; the axes run from 0 to a round maximum above every value. */
export function radarChart(title: string, axes: readonly string[], series: readonly Series[]): ChartOption {
  const largest = Math.max(...series.flatMap((item) => item.values.filter(Number.isFinite)), 0);
  const max = niceCeiling(largest * 1.05);
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    legend: { bottom: 0 },
    radar: { indicator: axes.map((name) => ({ name, max })), radius: "62%", center: ["50%", "54%"] },
    series: [
      {
        type: "radar",
        data: series.map((item) => ({ name: item.name, value: item.values.map(toData) as number[], areaStyle: { opacity: 0.12 } })),
      },
    ],
  } satisfies EChartsOption;
}

/** Vertical bars grouped by axis, one colour per series: the profile when there are too few axes for a radar. */
export function groupedBarChart(title: string, axes: readonly string[], series: readonly Series[]): ChartOption {
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 64 },
    xAxis: { type: "category", data: [...axes] },
    yAxis: { type: "value" },
    series: series.map((item) => ({ type: "bar", name: item.name, data: item.values.map(toData), barMaxWidth: 48 })),
  } satisfies EChartsOption;
}

/**
 * Horizontal bars from the top down, with their values: green for a positive value and red for a negative one, or all
 * in `color`. With `axisFromData`, the value axis starts at `axisMinimum(values)` rather than 0, so that close values
 * (a league of indices from 110 to 130) differ visibly; the bars' labels carry the values themselves.
 */
export function barChart(
  title: string,
  labels: readonly string[],
  values: readonly number[],
  decimals: number,
  color?: string,
  options: { axisFromData?: boolean } = {},
): ChartOption {
  const min = options.axisFromData ? axisMinimum(values) : 0;
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    grid: { left: 16, right: 64, top: 48, bottom: 24, containLabel: true },
    xAxis: min === 0 ? { type: "value" } : { type: "value", min, scale: true },
    yAxis: { type: "category", data: [...labels].reverse(), axisTick: { show: false } },
    series: [
      {
        type: "bar",
        barMaxWidth: 32,
        data: [...values].reverse().map((value) => ({
          value: toData(value),
          itemStyle: { color: color ?? (value >= 0 ? "#2e8b57" : "#c0392b") },
          label: { show: true, position: value >= 0 ? "right" : "left", formatter: Number.isFinite(value) ? toFixedText(value, decimals) : "" },
        })),
      },
    ],
  } satisfies EChartsOption;
}

/** One line per unit: its rank over the years, rank 1 at the top. */
export function rankChart(title: string, years: readonly number[], series: readonly Series[], unitCount: number): ChartOption {
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    legend: { bottom: 0, type: "plain" },
    grid: { left: 48, right: 24, top: 48, bottom: 24 + 24 * Math.ceil(series.length / 6) },
    xAxis: { type: "category", data: years.map(String), boundaryGap: false },
    yAxis: { type: "value", inverse: true, min: 1, max: Math.max(unitCount, 2), minInterval: 1 },
    series: series.map((item) => ({ type: "line", name: item.name, data: item.values.map(toData), symbolSize: 6 })),
  } satisfies EChartsOption;
}

/**
 * Where a bar axis over positive `values` starts: 0 when the lowest value is within its own size of 0 (the bars' lengths
 * then compare fairly), else a round number (a multiple of the axis step of the values' range) below the lowest value
 * by at least a fifth of the range, so the shortest bar still shows. Any value at or below 0: 0.
 * @example axisMinimum([112.4, 118.9, 131.7]) // => 105 (range 19.3: step 5; 112.4 − 3.86 = 108.54, down to 105)
 */
export function axisMinimum(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 0;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  if (!(low > 0) || low <= high - low) return 0;
  const range = high - low || Math.abs(high) / 10;
  const rough = range / 4;
  const exponent = Math.floor(Math.log10(rough));
  const factor = [1, 2, 5, 10].find((candidate) => decimalTimesPower(candidate, exponent) >= rough)!;
  const steps = Math.floor((low - range / 5) / decimalTimesPower(factor, exponent));
  return Math.max(0, decimalTimesPower(steps * factor, exponent));
}

/**
 * `whole` × 10^`exponent` as the double nearest the decimal (one correctly rounded operation on exact integers), not
 * `whole * 0.1`, which is 143.70000000000002 for 1437 × 0.1: ECharts' axis then starts past its own rounded start and
 * fails an assertion (the static report ended in an internal error on two units 0.3 apart).
 */
function decimalTimesPower(whole: number, exponent: number): number {
  return exponent >= 0 ? whole * 10 ** exponent : whole / 10 ** -exponent;
}

/** The height a bar chart of `count` bars needs. */
export const barChartHeight = (count: number) => Math.max(HEIGHT, 96 + 26 * count);

/** The height a rank chart needs for its legend. */
export const rankChartHeight = (unitCount: number) => HEIGHT + 24 * Math.max(0, Math.ceil(unitCount / 6) - 1);

/**
 * Renders each option to an SVG string (`renderToSVGString` of a server-side, `ssr` chart). ECharts numbers the
 * CSS classes of its charts with process-wide counters; they are renumbered per chart (`ii<k>-<n>`) so that the same
 * report gives the same bytes and two charts in one page never share a class.
 */
export async function renderCharts(options: readonly { option: ChartOption; height?: number }[]): Promise<string[]> {
  const echarts = await import("echarts");
  return options.map(({ option, height }, k) => {
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: height ?? HEIGHT });
    try {
      chart.setOption(option as EChartsOption);
      return responsive(renumberClasses(chart.renderToSVGString(), k));
    } finally {
      chart.dispose();
    }
  });
}

/**
 * The chart scales with its container: the fixed `width` and `height` of the root element give way to `width="100%"`
 * and the `viewBox` ECharts writes keeps the proportions (the height follows the width).
 */
function responsive(svg: string): string {
  return svg.replace(/^<svg width="(\d+)" height="(\d+)"/, (whole, width: string, height: string) =>
    svg.includes(`viewBox="0 0 ${width} ${height}"`) ? `<svg width="100%" style="height:auto"` : whole,
  );
}

function renumberClasses(svg: string, chart: number): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (found) => {
    if (!names.has(found)) names.set(found, `ii${chart}-${names.size}`);
    return names.get(found)!;
  });
}

const toData = (value: number) => (Number.isFinite(value) ? value : "-");

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above `value` (for an axis maximum). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const exponent = Math.floor(Math.log10(value));
  // In tenths, so that each candidate is the double nearest its decimal (1.2 × 0.1 is 0.12000000000000001).
  for (const tenths of [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100]) {
    const candidate = decimalTimesPower(tenths, exponent - 1);
    if (candidate >= value) return candidate;
  }
  return decimalTimesPower(10, exponent);
}

/**
 * A correlation matrix as a heatmap: `labels` along both axes (the first at the top), each cell coloured from red
 * (−1) through white (0) to blue (+1) and labelled with its value; an undefined correlation is left blank.
 */
export function heatmapChart(title: string, labels: readonly string[], matrix: readonly (readonly number[])[], decimals = 2): ChartOption {
  const data = matrix.flatMap((row, i) => row.map((value, j) => [j, i, Number.isFinite(value) ? Number(toFixedText(value, decimals)) : "-"]));
  return {
    ...COMMON,
    title: { text: title, left: "center", textStyle: { fontSize: 15 } },
    grid: { left: 16, right: 24, top: 48, bottom: 64, containLabel: true },
    xAxis: { type: "category", data: [...labels], axisLabel: { rotate: labels.length > 6 ? 45 : 0, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: "category", data: [...labels], inverse: true, axisLabel: { interval: 0 }, splitArea: { show: true } },
    visualMap: { min: -1, max: 1, calculable: false, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#c0392b", "#ffffff", "#2e6fb6"] } },
    series: [{ type: "heatmap", data, label: { show: labels.length <= 16, fontSize: 10 } }],
  } satisfies EChartsOption;
}

/** The height a heatmap of `count` labels needs to keep its cells near square. */
export const heatmapChartHeight = (count: number) => Math.max(HEIGHT, 140 + 36 * count);
