/**
 * The result files of `compute` that grow with the panel, as sequences of byte chunks, for writing large results
 * without building one giant string (a V8 string holds at most about 512 MB), a string per cell or an array per row.
 * Each generator yields the same bytes as its one-string twin (`formatIndexCsv`, `formatScoresCsv`,
 * `formatIndexWideCsv` in `to-csv.ts`, `formatTableCsv` of the analysis tables in `analysis-tables.ts`,
 * `formatIndexJson` in `to-json.ts`) encoded as UTF-8, one unit (or node) at a time; the tests hold them equal.
 */
import type { Analysis } from "../../core/analysis/analyze.js";
import { CONTRIBUTION_METHODS, type ContributionDepth } from "../../core/analysis/contributions.js";
import { emptyGrowth, seriesGrowth } from "../../core/analysis/growth.js";
import type { IndexResult, ResultNode } from "../../core/compute.js";
import { ratioScale } from "../../core/index-scale.js";
import { differenceAsShown } from "../../core/number.js";
import { ByteChunks, CHUNK_BYTES, encodeText } from "./byte-chunks.js";
import { csvField } from "../csv.js";
import { UTF8_BOM, type CsvOptions } from "./to-csv.js";
import { toIndexJson } from "./to-json.js";

/** A text cell as `formatTableCsv` writes it: formula-guarded, then quoted when needed (`csvField`). */
const textCell = csvField;

/** The header row of a CSV file as bytes, after the byte order mark when asked for. */
const headerOf = (options: CsvOptions, columns: string) => encodeText(`${options.bom ? UTF8_BOM : ""}${columns}\n`);

const NEWLINE = 10;
const COMMA = 44;

const isAggregate = (node: Pick<ResultNode, "kind">) => node.kind !== "indicator";

/**
 * What the streamed files need of a result (all that a worker thread is sent); the nodes' `method` tells growth.csv
 * whether the values are on a ratio scale (`ratioScale`).
 */
export type ResultShape = Pick<IndexResult, "units" | "years" | "values"> & { nodes: readonly Pick<ResultNode, "code" | "name" | "level" | "kind" | "method">[] };

function* longChunks(result: ResultShape, options: CsvOptions, keep: (node: ResultShape["nodes"][number]) => boolean): Generator<Uint8Array> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const blockSize = units.length * years.length;
  const kept = nodes.flatMap((node, n) => (keep(node) ? [n] : []));
  const prefixes = kept.map((n) => encodeText(`${textCell(nodes[n].code)},${textCell(nodes[n].name)},${nodes[n].level},`));
  const yearTexts = years.map((year) => encodeText(`${year},`));
  const out = new ByteChunks();
  out.bytes(headerOf(options, "unit,year,code,name,level,value"));
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(`${textCell(units[u])},`);
    for (let y = 0; y < years.length; y++) {
      const cell = u * years.length + y;
      for (let k = 0; k < kept.length; k++) {
        out.bytes(unit);
        out.bytes(yearTexts[y]);
        out.bytes(prefixes[k]);
        out.fixed(values[kept[k] * blockSize + cell], decimals);
        out.byte(NEWLINE);
      }
    }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.finish();
}

/** `index.csv` in chunks (see `formatIndexCsv`). */
export function indexCsvChunks(result: ResultShape, options: CsvOptions = {}): Iterable<Uint8Array> {
  return longChunks(result, options, isAggregate);
}

/** `scores.csv` in chunks (see `formatScoresCsv`). */
export function scoresCsvChunks(result: ResultShape, options: CsvOptions = {}): Iterable<Uint8Array> {
  return longChunks(result, options, (node) => !isAggregate(node));
}

/** `index-wide.csv` in chunks (see `formatIndexWideCsv`). */
export function* indexWideCsvChunks(result: ResultShape, options: CsvOptions = {}): Generator<Uint8Array> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const several = units.length > 1;
  const blockSize = units.length * years.length;
  const aggregates = nodes.flatMap((node, n) => (isAggregate(node) ? [n] : []));
  const prefixes = aggregates.map((n) => encodeText(`${textCell(nodes[n].code)},${textCell(nodes[n].name)},${nodes[n].level}`));
  const out = new ByteChunks();
  out.bytes(headerOf(options, [...(several ? ["unit"] : []), "code", "name", "level", ...years.map(String)].map(textCell).join(",")));
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(several ? `${textCell(units[u])},` : "");
    for (let k = 0; k < aggregates.length; k++) {
      out.bytes(unit);
      out.bytes(prefixes[k]);
      for (let y = 0; y < years.length; y++) {
        out.byte(COMMA);
        out.fixed(values[aggregates[k] * blockSize + u * years.length + y], decimals);
      }
      out.byte(NEWLINE);
    }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.finish();
}

/**
 * `growth.csv` in chunks (see `growthTable` in `analysis-tables.ts`): every node, every year after the first. The growth
 * figures are computed series by series (`seriesGrowth`, as `computeGrowth` does, percentages only on a ratio scale),
 * so no growth array is needed.
 */
export function* growthCsvChunks(result: ResultShape, options: CsvOptions = {}): Generator<Uint8Array> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const yearCount = years.length;
  const growth = emptyGrowth(yearCount);
  const { change, changePercent, averageChange, cagrPercent } = growth;
  const percent = ratioScale(result);
  const prefixes = nodes.map((node) => encodeText(`,${textCell(node.code)},${textCell(node.name)},${node.level},`));
  const yearTexts = years.map((year) => encodeText(`${year},`));
  const out = new ByteChunks();
  out.bytes(headerOf(options, "unit,code,name,level,year,value,change,change_percent,average_change,cagr_percent"));
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(textCell(units[u]));
    for (let n = 0; n < nodes.length; n++) {
      const start = (n * units.length + u) * yearCount;
      seriesGrowth(values, start, years, growth, 0, percent);
      for (let y = 1; y < yearCount; y++) {
        out.bytes(unit);
        out.bytes(prefixes[n]);
        out.bytes(yearTexts[y]);
        out.fixed(values[start + y], decimals);
        out.byte(COMMA);
        out.fixed(change[y], decimals);
        out.byte(COMMA);
        out.fixed(changePercent[y], decimals);
        out.byte(COMMA);
        out.fixed(averageChange[y], decimals);
        out.byte(COMMA);
        out.fixed(cagrPercent[y], decimals);
        out.byte(NEWLINE);
      }
    }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.finish();
}

/** `ranks.csv` in chunks (see `ranksTable` in `analysis-tables.ts`); nothing with a single unit (no ranks). */
export function* ranksCsvChunks(result: IndexResult, analysis: Analysis, options: CsvOptions = {}): Generator<Uint8Array> {
  const { ranks } = analysis;
  if (!ranks) return;
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const unitTexts = units.map((unit) => encodeText(`${textCell(unit)},`));
  // Units from first to last, missing ranks last, ties in unit order (as `ranksTable`): ranks are whole numbers from
  // 1 to the unit count, so a counting sort puts them in order.
  const order = new Uint32Array(units.length);
  const slots = new Int32Array(units.length + 2);
  const out = new ByteChunks();
  out.bytes(headerOf(options, "unit,year,code,name,level,value,rank,rank_change"));
  for (let n = 0; n < nodes.length; n++) {
    if (!isAggregate(nodes[n])) continue;
    const suffix = encodeText(`,${textCell(nodes[n].code)},${textCell(nodes[n].name)},${nodes[n].level},`);
    for (let y = 0; y < years.length; y++) {
      const yearText = encodeText(String(years[y]));
      const slotOf = (u: number) => {
        const rank = ranks.rank[(n * units.length + u) * years.length + y];
        return Number.isNaN(rank) ? units.length + 1 : rank;
      };
      slots.fill(0);
      for (let u = 0; u < units.length; u++) slots[slotOf(u)]++;
      // Each slot's count becomes the position of its first unit.
      for (let slot = 0, first = 0; slot < slots.length; slot++) {
        const count = slots[slot];
        slots[slot] = first;
        first += count;
      }
      for (let u = 0; u < units.length; u++) order[slots[slotOf(u)]++] = u;
      for (const u of order) {
        const cell = (n * units.length + u) * years.length + y;
        out.bytes(unitTexts[u]);
        out.bytes(yearText);
        out.bytes(suffix);
        out.fixed(values[cell], decimals);
        out.byte(COMMA);
        out.fixed(ranks.rank[cell], 0);
        out.byte(COMMA);
        out.fixed(ranks.rankChange[cell], 0);
        out.byte(NEWLINE);
      }
      if (out.length >= CHUNK_BYTES) yield out.take();
    }
  }
  if (out.length > 0) yield out.finish();
}

/** `contributions.csv` in chunks (see `contributionsTable` in `analysis-tables.ts`). */
export function* contributionsCsvChunks(
  result: IndexResult,
  analysis: Analysis,
  depth: ContributionDepth = "dimensions",
  options: CsvOptions = {},
): Generator<Uint8Array> {
  const decimals = options.decimals ?? 4;
  const { units, years, nodes, values } = result;
  const shown = nodes.flatMap((node, n) => (depth === "indicators" || node.level <= 1 ? [n] : []));
  const prefixes = shown.map((n) => encodeText(`${textCell(nodes[n].code)},${textCell(nodes[n].name)},${nodes[n].level},`));
  const methodTexts = CONTRIBUTION_METHODS.map((method) => encodeText(`,${textCell(method)}\n`));
  const pairs = analysis.contributions.map((item) => ({
    item,
    from: years.indexOf(item.fromYear),
    to: years.indexOf(item.toYear),
    years: encodeText(`${item.fromYear},${item.toYear},`),
  }));
  const out = new ByteChunks();
  out.bytes(headerOf(options, "unit,from_year,to_year,code,name,level,from_value,to_value,change,contribution,share_percent,method"));
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(`${textCell(units[u])},`);
    for (const { item, from, to, years: pairText } of pairs) {
      const total = item.contribution[u];
      for (let k = 0; k < shown.length; k++) {
        const n = shown[k];
        const fromValue = values[(n * units.length + u) * years.length + from];
        const toValue = values[(n * units.length + u) * years.length + to];
        const contribution = item.contribution[n * units.length + u];
        out.bytes(unit);
        out.bytes(pairText);
        out.bytes(prefixes[k]);
        out.fixed(fromValue, decimals);
        out.byte(COMMA);
        out.fixed(toValue, decimals);
        out.byte(COMMA);
        out.fixed(differenceAsShown(toValue, fromValue), decimals);
        out.byte(COMMA);
        out.fixed(contribution, decimals);
        out.byte(COMMA);
        out.fixed(total !== 0 ? (100 * contribution) / total : Number.NaN, decimals);
        out.bytes(methodTexts[item.method[n * units.length + u]]);
      }
    }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.finish();
}

/** The text of `index.json` before and after its `results` array, which is left out of the frame. */
export type JsonFrame = readonly [before: string, after: string];

/** The frame of `index.json`: everything but `results`, as `JSON.stringify` writes it (see `formatIndexJson`). */
export function indexJsonFrame(result: IndexResult): JsonFrame {
  const marker = "\u0000results\u0000";
  const head = JSON.stringify({ ...toIndexJson({ ...result, units: [], years: [] }), units: result.units, years: result.years, results: marker }, null, 2);
  const [before, after] = head.split(JSON.stringify(marker));
  return [before, after];
}

/** `index.json` in chunks (see `formatIndexJson`). */
export function indexJsonChunks(result: IndexResult): Iterable<Uint8Array> {
  return indexJsonResultChunks(result, indexJsonFrame(result));
}

/**
 * `index.json` in chunks from its frame: each result entry is written by hand in the two-space layout of
 * `JSON.stringify` (numbers print as JSON prints them, `null` where undefined).
 */
export function* indexJsonResultChunks(result: ResultShape, [before, after]: JsonFrame): Generator<Uint8Array> {
  const { units, years, nodes, values } = result;
  if (units.length * years.length === 0) {
    yield encodeText(`${before}[]${after}\n`);
    return;
  }
  const out = new ByteChunks();
  out.bytes(encodeText(`${before}[\n`));
  const blockSize = units.length * years.length;
  const keys = nodes.map((node, n) => encodeText(`${n > 0 ? ",\n" : ""}        ${JSON.stringify(node.code)}: `));
  const yearTexts = years.map((year) => encodeText(`,\n      "year": ${year},\n      "values": {\n`));
  const entryEnd = encodeText("\n      }\n    }");
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(`    {\n      "unit": ${JSON.stringify(units[u])}`);
    const separatedUnit = encodeText(`,\n    {\n      "unit": ${JSON.stringify(units[u])}`);
    for (let y = 0; y < years.length; y++) {
      const cell = u * years.length + y;
      out.bytes(u + y > 0 ? separatedUnit : unit);
      out.bytes(yearTexts[y]);
      for (let n = 0; n < nodes.length; n++) {
        out.bytes(keys[n]);
        out.json(values[n * blockSize + cell]);
      }
      out.bytes(entryEnd);
    }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  out.bytes(encodeText(`\n  ]${after}\n`));
  yield out.finish();
}

/**
 * `input-values.csv` of a project run: `unit,year,indicator,value` for every cell of the panel, unrounded (as
 * JavaScript prints a number), a missing value empty; units and indicators formula-guarded and quoted when needed
 * (`csvField`; the readers of the file remove the guard with `unguardFormula`). `panel` is the panel as a shape: its
 * indicators as the nodes.
 */
export function* inputValuesCsvChunks(panel: ResultShape): Generator<Uint8Array> {
  const { units, years, nodes, values } = panel;
  const yearCount = years.length;
  const indicators = nodes.map((node) => encodeText(`,${csvField(node.code)},`));
  const yearTexts = years.map((year) => encodeText(`,${year}`));
  const out = new ByteChunks();
  out.bytes(encodeText(`${UTF8_BOM}unit,year,indicator,value\n`));
  for (let u = 0; u < units.length; u++) {
    const unit = encodeText(csvField(units[u]));
    for (let y = 0; y < yearCount; y++)
      for (let i = 0; i < nodes.length; i++) {
        const value = values[(i * units.length + u) * yearCount + y];
        out.bytes(unit);
        out.bytes(yearTexts[y]);
        out.bytes(indicators[i]);
        // A number never needs quoting.
        if (!Number.isNaN(value)) out.ascii(String(value));
        out.byte(NEWLINE);
      }
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.finish();
}
