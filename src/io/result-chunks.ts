/**
 * The result files of `compute` as sequences of text chunks, for writing large results without building one giant
 * string (a V8 string holds at most about 512 MB) or one array per row. Each generator yields the same bytes as its
 * one-string twin (`formatIndexCsv`, `formatScoresCsv`, `formatIndexWideCsv` in `to-csv.ts`, `formatIndexJson` in
 * `to-json.ts`), one unit at a time; the tests hold them equal.
 */
import type { IndexResult, ResultNode } from "../core/compute.js";
import { csvField } from "./csv.js";
import { neutralizeFormula } from "./to-csv.js";
import { toIndexJson } from "./to-json.js";

/** `formatValue` of `to-csv.ts`, faster: the `-0` test runs only on negative texts. */
function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = value.toFixed(decimals);
  return text.charCodeAt(0) === 45 && /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

const isAggregate = (node: ResultNode) => node.kind !== "indicator";

/** A text cell from the inputs, neutralised against formula injection as `formatTableCsv` does. */
const textField = (text: string) => csvField(neutralizeFormula(text));

function* longChunks(result: IndexResult, decimals: number, keep: (node: ResultNode) => boolean): Generator<string> {
  yield "unit,year,code,name,level,value\n";
  const { units, years, nodes, values } = result;
  const blockSize = units.length * years.length;
  const kept = nodes.flatMap((node, n) => (keep(node) ? [{ n, prefix: `${textField(node.code)},${textField(node.name)},${node.level},` }] : []));
  const yearTexts = years.map((year) => `${year},`);
  for (let u = 0; u < units.length; u++) {
    const unit = `${textField(units[u])},`;
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
export function indexCsvChunks(result: IndexResult, decimals = 4): Iterable<string> {
  return longChunks(result, decimals, isAggregate);
}

/** `scores.csv` in chunks (see `formatScoresCsv`). */
export function scoresCsvChunks(result: IndexResult, decimals = 4): Iterable<string> {
  return longChunks(result, decimals, (node) => !isAggregate(node));
}

/** `index-wide.csv` in chunks (see `formatIndexWideCsv`). */
export function* indexWideCsvChunks(result: IndexResult, decimals = 4): Generator<string> {
  const { units, years, nodes, values } = result;
  const several = units.length > 1;
  const blockSize = units.length * years.length;
  yield [...(several ? ["unit"] : []), "code", "name", "level", ...years.map(String)].map(csvField).join(",") + "\n";
  for (let u = 0; u < units.length; u++) {
    const unit = several ? `${textField(units[u])},` : "";
    let chunk = "";
    nodes.forEach((node, n) => {
      if (!isAggregate(node)) return;
      chunk += `${unit}${textField(node.code)},${textField(node.name)},${node.level}`;
      for (let y = 0; y < years.length; y++) chunk += `,${formatNumber(values[n * blockSize + u * years.length + y], decimals)}`;
      chunk += "\n";
    });
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
