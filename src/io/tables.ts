/**
 * Result tables as typed rows, one description shared by the CSV files, the Excel workbook and the HTML report:
 * text cells come from the inputs (units, codes, names), number cells are values (`NaN` is an empty cell).
 */
import { resultIndex, type IndexResult, type ResultNode } from "../core/compute.js";
import type { Panel } from "../core/panel.js";

/** How a column's cells are written: text as is, numbers with the run's decimals, whole numbers without decimals. */
export type ColumnKind = "text" | "number" | "integer";

export interface Column {
  /** Header, also the CSV column name. */
  name: string;
  kind: ColumnKind;
}

export type Cell = string | number;

export interface Table {
  /** Short name: the CSV file stem and the Excel sheet name (`index`, `growth`, ...). */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export const text = (name: string): Column => ({ name, kind: "text" });
export const number = (name: string): Column => ({ name, kind: "number" });
export const integer = (name: string): Column => ({ name, kind: "integer" });

/** The display name of a node: `name`, or `nameEn` (falling back to `name`) in English. */
export type Language = "zh" | "en";
export const nodeName = (node: Pick<ResultNode, "name" | "nameEn">, language: Language = "zh") =>
  language === "en" ? (node.nameEn ?? node.name) : node.name;

type NodeFilter = (node: ResultNode) => boolean;
export const isAggregate: NodeFilter = (node) => node.kind !== "indicator";
export const isIndicator: NodeFilter = (node) => node.kind === "indicator";

function longTable(name: string, result: IndexResult, keep: NodeFilter): Table {
  const rows: Cell[][] = [];
  result.units.forEach((unit, u) =>
    result.years.forEach((year, y) =>
      result.nodes.forEach((node, n) => {
        if (keep(node)) rows.push([unit, year, node.code, node.name, node.level, result.values[resultIndex(result, n, u, y)]]);
      }),
    ),
  );
  return { name, columns: [text("unit"), integer("year"), text("code"), text("name"), integer("level"), number("value")], rows };
}

/** `index`: `unit,year,code,name,level,value` for the overall index (level 0) and every group. */
export function indexTable(result: IndexResult): Table {
  return longTable("index", result, isAggregate);
}

/** `scores`: the normalised score of every indicator, laid out like `index`. */
export function scoresTable(result: IndexResult): Table {
  return longTable("scores", result, isIndicator);
}

/** `index-wide`: one row per node (overall index and groups), one column per year; a `unit` column first with several units. */
export function wideTable(result: IndexResult, language?: Language): Table {
  const several = result.units.length > 1;
  const rows: Cell[][] = [];
  result.units.forEach((unit, u) =>
    result.nodes.forEach((node, n) => {
      if (!isAggregate(node)) return;
      const cells = result.years.map((_, y) => result.values[resultIndex(result, n, u, y)]);
      rows.push([...(several ? [unit] : []), node.code, nodeName(node, language), node.level, ...cells]);
    }),
  );
  const columns = [...(several ? [text("unit")] : []), text("code"), text("name"), integer("level"), ...result.years.map((year) => number(String(year)))];
  return { name: "index-wide", columns, rows };
}

/**
 * `coverage`: per indicator, how many of its `unit × year` cells have a value.
 * Columns `code,name,observed,missing,coverage_percent`.
 */
export function coverageTable(result: IndexResult, panel: Panel = result.panel): Table {
  const cellCount = panel.units.length * panel.years.length;
  const rows: Cell[][] = panel.indicators.map((code, i) => {
    let observed = 0;
    for (let cell = i * cellCount; cell < (i + 1) * cellCount; cell++) if (!Number.isNaN(panel.values[cell])) observed++;
    const node = result.nodes.find((candidate) => candidate.code === code);
    return [code, node ? node.name : code, observed, cellCount - observed, cellCount > 0 ? (100 * observed) / cellCount : Number.NaN];
  });
  return { name: "coverage", columns: [text("code"), text("name"), integer("observed"), integer("missing"), number("coverage_percent")], rows };
}
