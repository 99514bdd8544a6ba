/**
 * The largest result files of `compute` as sequences of text chunks, for writing large results without building one
 * giant string (a V8 string holds at most about 512 MB) or one array per row. Each generator yields the same bytes as
 * its one-string twin (`formatIndexCsv`, `formatScoresCsv`, `formatIndexWideCsv` in `to-csv.ts`, `formatIndexJson` in
 * `to-json.ts`), one unit at a time; the tests hold them equal.
 */
import type { Analysis } from "../core/analysis/analyze.js";
import type { IndexResult, ResultNode } from "../core/compute.js";
import { csvField } from "./csv.js";
import { neutralizeFormula, UTF8_BOM, type CsvOptions } from "./to-csv.js";
import { toIndexJson } from "./to-json.js";

/** A text cell as `formatTableCsv` writes it: formula-neutralised, then quoted when needed. */
const textCell = (text: string) => csvField(neutralizeFormula(text));

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * `formatValue` of `to-csv.ts` (`toFixed`, `-0` printed as `0`), faster. `toFixed` rounds the exact binary value to the
 * nearest multiple of 10^-decimals; so does `Math.round(|value|·10^decimals)` whenever the scaled value is below 10^12
 * (the product's rounding error is then below 2^-13) and its fraction is not within 0.001 of one half. Those cases,
 * nearly all, are built from the whole number; the rest go to `toFixed`.
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const magnitude = Math.abs(value);
  const scaled = magnitude * POWERS_OF_TEN[decimals];
  const whole = Math.round(scaled);
  if (decimals > 15 || !(scaled < 1e12) || Math.abs(scaled - Math.floor(scaled) - 0.5) < 0.001) {
    const text = value.toFixed(decimals);
    return text.charCodeAt(0) === 45 && /^-0\.?0*$/.test(text) ? text.slice(1) : text;
  }
  let digits = String(whole);
  const sign = value < 0 && whole !== 0 ? "-" : "";
  if (decimals === 0) return sign + digits;
  if (digits.length <= decimals) digits = "0".repeat(decimals + 1 - digits.length) + digits;
  return `${sign}${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

const isAggregate = (node: ResultNode) => node.kind !== "indicator";

function* longChunks(result: IndexResult, options: CsvOptions, keep: (node: ResultNode) => boolean): Generator<string> {
  const decimals = options.decimals ?? 4;
  yield `${options.bom ? UTF8_BOM : ""}unit,year,code,name,level,value\n`;
  const { units, years, nodes, values } = result;
  const blockSize = units.length * years.length;
  const kept = nodes.flatMap((node, n) => (keep(node) ? [{ n, prefix: `${textCell(node.code)},${textCell(node.name)},${node.level},` }] : []));
  const yearTexts = years.map((year) => `${year},`);
  for (let u = 0; u < units.length; u++) {
    const unit = `${textCell(units[u])},`;
    let chunk = "";
    for (let y = 0; y < years.length; y++) {
      const start = unit + yearTexts[y];
      const cell = u * years.length + y;
      for (const { n, prefix } of kept) chunk += `${start}${prefix}${formatNumber(values[n * blockSize + cell], decimals)}\n`;
    }
    yield chunk;
  }
}

/** `index.csv` in chunks (see `formatIndexCsv`). */
export function indexCsvChunks(result: IndexResult, options: CsvOptions = {}): Iterable<string> {
  return longChunks(result, options, isAggregate);
}

/** `scores.csv` in chunks (see `formatScoresCsv`). */
export function scoresCsvChunks(result: IndexResult, options: CsvOptions = {}): Iterable<string> {
  return longChunks(result, options, (node) => !isAggregate(node));
}

/** `index-wide.csv` in chunks (see `formatIndexWideCsv`). */
export function* indexWideCsvChunks(result: IndexResult, options: CsvOptions = {}): Generator<string> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const several = units.length > 1;
  const blockSize = units.length * years.length;
  yield (options.bom ? UTF8_BOM : "") + [...(several ? ["unit"] : []), "code", "name", "level", ...years.map(String)].map(textCell).join(",") + "\n";
  for (let u = 0; u < units.length; u++) {
    const unit = several ? `${textCell(units[u])},` : "";
    let chunk = "";
    nodes.forEach((node, n) => {
      if (!isAggregate(node)) return;
      chunk += `${unit}${textCell(node.code)},${textCell(node.name)},${node.level}`;
      for (let y = 0; y < years.length; y++) chunk += `,${formatNumber(values[n * blockSize + u * years.length + y], decimals)}`;
      chunk += "\n";
    });
    yield chunk;
  }
}

/** `growth.csv` in chunks (see `growthTable` in `analysis-tables.ts`): every node, every year after the first. */
export function* growthCsvChunks(result: IndexResult, analysis: Analysis, options: CsvOptions = {}): Generator<string> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const { change, changePercent, averageChange, cagrPercent } = analysis.growth;
  const blockSize = units.length * years.length;
  yield `${options.bom ? UTF8_BOM : ""}unit,code,name,level,year,value,change,change_percent,average_change,cagr_percent\n`;
  const prefixes = nodes.map((node) => `,${textCell(node.code)},${textCell(node.name)},${node.level},`);
  for (let u = 0; u < units.length; u++) {
    const unit = textCell(units[u]);
    let chunk = "";
    for (let n = 0; n < nodes.length; n++)
      for (let y = 1; y < years.length; y++) {
        const cell = n * blockSize + u * years.length + y;
        chunk +=
          `${unit}${prefixes[n]}${years[y]},${formatNumber(values[cell], decimals)},${formatNumber(change[cell], decimals)},` +
          `${formatNumber(changePercent[cell], decimals)},${formatNumber(averageChange[cell], decimals)},${formatNumber(cagrPercent[cell], decimals)}\n`;
      }
    yield chunk;
  }
}

/**
 * `index.json` in chunks (see `formatIndexJson`): everything but `results` is written by `JSON.stringify`, and each
 * result entry by hand in the same two-space layout (numbers print as JSON prints them, `null` where undefined).
 */
export function* indexJsonChunks(result: IndexResult): Generator<string> {
  const marker = "\u0000results\u0000";
  const head = JSON.stringify({ ...toIndexJson({ ...result, units: [], years: [] }), units: result.units, years: result.years, results: marker }, null, 2);
  const [before, after] = head.split(JSON.stringify(marker));
  const { units, years, nodes, values } = result;
  if (units.length * years.length === 0) {
    yield `${before}[]${after}\n`;
    return;
  }
  yield `${before}[\n`;
  const blockSize = units.length * years.length;
  const keys = nodes.map((node) => `        ${JSON.stringify(node.code)}: `);
  for (let u = 0; u < units.length; u++) {
    let chunk = "";
    const unit = JSON.stringify(units[u]);
    for (let y = 0; y < years.length; y++) {
      const cell = u * years.length + y;
      chunk += `${u + y > 0 ? ",\n" : ""}    {\n      "unit": ${unit},\n      "year": ${years[y]},\n      "values": {\n`;
      for (let n = 0; n < nodes.length; n++) {
        const value = values[n * blockSize + cell];
        chunk += `${keys[n]}${Number.isFinite(value) ? String(value) : "null"}${n < nodes.length - 1 ? ",\n" : "\n"}`;
      }
      chunk += "      }\n    }";
    }
    yield chunk;
  }
  yield `\n  ]${after}\n`;
}
