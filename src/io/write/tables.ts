/**
 * Result tables as typed rows, one description shared by the CSV files, the Excel workbook and the HTML report:
 * text cells come from the inputs (units, codes, names), number cells are values (`NaN` is an empty cell).
 */
import { resultIndex, type IndexResult, type ResultNode } from "../../core/compute.js";
import { computeCoverage } from "../../core/coverage.js";
import type { Panel } from "../../core/panel.js";

/** How a column's cells are written: text as is, numbers with the run's decimals, whole numbers without decimals. */
export type ColumnKind = "text" | "number" | "integer";

/**
 * How the HTML pages and the workbook show a number column beyond its decimals (the CSV files keep the plain numbers):
 * `percent` a share from 0 to 1 as a percentage (1 as 100%), `rank-change` a change of rank with its direction (↑3
 * up three places, ↓2 down two).
 */
export type ColumnDisplay = "percent" | "rank-change";

export interface Column {
  /** Header, also the CSV column name. */
  name: string;
  kind: ColumnKind;
  /** Decimals a workbook shows at least, whatever the run's `--decimals` (a weight such as 1/12 needs six). */
  decimals?: number;
  /**
   * Significant digits a number cell keeps at least, beyond the run's decimals (see `formatSignificant` in
   * `to-csv.ts`): for raw values (`imputations`, `treatment`), which are not on the index's 100 scale, so that 0.00003
   * is not written `0.0000`.
   */
  significant?: number;
  /** How the pages and the workbook show the numbers (see `ColumnDisplay`). Default: as plain numbers. */
  display?: ColumnDisplay;
}

export type Cell = string | number;

export interface Table {
  /** Short name: the CSV file stem and the Excel sheet name (`index`, `growth`, ...). */
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** Leading columns to keep in view when scrolling right (the labels of a wide table). Default 0. */
  frozenColumns?: number;
}

export const text = (name: string): Column => ({ name, kind: "text" });
export const number = (name: string, decimals?: number): Column => (decimals === undefined ? { name, kind: "number" } : { name, kind: "number", decimals });
export const integer = (name: string): Column => ({ name, kind: "integer" });

/** Significant digits a raw value keeps at least in `imputations` and `treatment`, whatever `--decimals`. */
export const RAW_SIGNIFICANT_DIGITS = 6;
/** A number column of raw values (an indicator's own unit): `--decimals` decimals, more where `RAW_SIGNIFICANT_DIGITS` need them. */
export const raw = (name: string): Column => ({ name, kind: "number", significant: RAW_SIGNIFICANT_DIGITS });

/** Decimals of weights at least, in `weights.csv` (as `innovation-index weights` writes them) and a workbook's sheet. */
export const WEIGHT_DECIMALS = 6;

/** The display name of a node: `name`, or `nameEn` (falling back to `name`) in English. */
export type Language = "zh" | "en";
export const nodeName = (node: Pick<ResultNode, "name" | "nameEn">, language: Language = "zh") =>
  language === "en" ? (node.nameEn ?? node.name) : node.name;

/**
 * `table` with its `name` column in `language`: each row's node (by its `code` or `indicator` column) named by
 * `nodeName`, so that an English workbook or page shows the tree's `name_en` where it has one. The tables are built with
 * the tree's `name` (the CSV files keep it); Chinese leaves the table as it is.
 */
export function namesIn(table: Table, nodes: readonly Pick<ResultNode, "code" | "name" | "nameEn">[], language: Language): Table {
  const column = table.columns.findIndex((candidate) => candidate.name === "name");
  const key = table.columns.findIndex((candidate) => candidate.name === "code" || candidate.name === "indicator");
  if (language === "zh" || column < 0 || key < 0) return table;
  const byCode = new Map(nodes.map((node) => [node.code, node] as const));
  const rows = table.rows.map((row) => {
    const node = byCode.get(String(row[key]));
    return node ? row.map((cell, i) => (i === column ? nodeName(node, language) : cell)) : row;
  });
  return { ...table, rows };
}

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
export function wideTable(result: IndexResult): Table {
  const several = result.units.length > 1;
  const rows: Cell[][] = [];
  result.units.forEach((unit, u) =>
    result.nodes.forEach((node, n) => {
      if (!isAggregate(node)) return;
      const cells = result.years.map((_, y) => result.values[resultIndex(result, n, u, y)]);
      rows.push([...(several ? [unit] : []), node.code, node.name, node.level, ...cells]);
    }),
  );
  const columns = [...(several ? [text("unit")] : []), text("code"), text("name"), integer("level"), ...result.years.map((year) => number(String(year)))];
  return { name: "index-wide", columns, rows, frozenColumns: columns.length - result.years.length };
}

/**
 * `coverage`: per indicator, its `unit × year` cells expected, observed in the data, imputed and reweighted, and the
 * share observed (0 to 1), by `computeCoverage`. Columns `indicator,name,expected,observed,imputed,reweighted,share_observed`.
 */
export function coverageTable(result: IndexResult, panel: Panel = result.panel): Table {
  // The unit-years screened out (a screened unit is out of the panel already). Positions and nodes are looked up in
  // maps (the first of a name, as indexOf and find give it), not searched per row: a tree of 100,000 indicators.
  const screened = new Set<number>();
  if (result.screened?.length) {
    const unitPosition = firstPositions(panel.units);
    const yearPosition = firstPositions(panel.years);
    for (const { unit, year } of result.screened) {
      const [u, y] = [unitPosition.get(unit) ?? -1, year === undefined ? -1 : (yearPosition.get(year) ?? -1)];
      if (u >= 0 && y >= 0) screened.add(u * panel.years.length + y);
    }
  }
  const nodeOf = new Map<string, ResultNode>();
  for (const node of result.nodes) if (!nodeOf.has(node.code)) nodeOf.set(node.code, node);
  const rows: Cell[][] = computeCoverage(panel, result.imputations ?? [], screened).map((row) => {
    const node = nodeOf.get(row.indicator);
    return [row.indicator, node ? node.name : row.indicator, row.expected, row.observed, row.imputed, row.reweighted, row.shareObserved];
  });
  const columns = [text("indicator"), text("name"), integer("expected"), integer("observed"), integer("imputed"), integer("reweighted"), number("share_observed")];
  return { name: "coverage", columns, rows };
}

/** The position of each item of `items`, the first where one repeats (as `indexOf` finds it). */
function firstPositions<T>(items: readonly T[]): Map<T, number> {
  const positions = new Map<T, number>();
  items.forEach((item, i) => {
    if (!positions.has(item)) positions.set(item, i);
  });
  return positions;
}

/**
 * `weights`: the weights the run used, one row per node of the tree in tree order, `code,parent,level,weight,global_weight`
 * (as `innovation-index weights` writes them): `weight` within its siblings after the weighting method and the
 * renormalisation of siblings to a sum of 1, `global_weight` its share of the overall index (the product of the
 * weights from the node up to the first level). `parent` is `INDEX` for first-level nodes. Where a missing value
 * leaves a group with fewer children, the `reweight` policy spreads the weight over the others for that cell only:
 * `imputations` lists those cells.
 */
export function weightsTable(result: Pick<IndexResult, "nodes">): Table {
  const byCode = new Map(result.nodes.map((node) => [node.code, node] as const));
  const globalWeight = (node: ResultNode): number => {
    let weight = 1;
    for (let current: ResultNode | undefined = node; current && current.level > 0; current = current.parent ? byCode.get(current.parent) : undefined) weight *= current.weight;
    return weight;
  };
  const rows: Cell[][] = result.nodes.filter((node) => node.level > 0).map((node) => [node.code, node.parent ?? "", node.level, node.weight, globalWeight(node)]);
  return { name: "weights", columns: [text("code"), text("parent"), integer("level"), number("weight", WEIGHT_DECIMALS), number("global_weight", WEIGHT_DECIMALS)], rows };
}

/** `imputations`: every imputed or reweighted cell, `unit,year,indicator,method,value` (value empty when reweighted). */
export function imputationsTable(result: Pick<IndexResult, "imputations">): Table {
  const rows: Cell[][] = (result.imputations ?? []).map((row) => [row.unit, row.year, row.indicator, row.method, row.value]);
  return { name: "imputations", columns: [text("unit"), integer("year"), text("indicator"), text("method"), raw("value")], rows };
}

/** `treatment`: every cell the outlier treatment changed, `unit,year,indicator,method,original,value`. */
export function treatmentTable(result: Pick<IndexResult, "treatments">): Table {
  const rows: Cell[][] = (result.treatments ?? []).map((row) => [row.unit, row.year, row.indicator, row.method, row.original, row.value]);
  const columns = [text("unit"), integer("year"), text("indicator"), text("method"), raw("original"), raw("value")];
  return { name: "treatment", columns, rows };
}
