/**
 * The unit of measurement of the values (`%`, `万元`), as a values file may give it beside each indicator in a
 * `measure`, `计量单位`, `单位`, `指标单位` or `度量单位` column (`template` writes `measure` or `计量单位`), checked against the tree's (its `unit`, `measure` or
 * `计量单位` column) and between the rows and files of one indicator: an indicator given in 亿元 one year and in 万元 the
 * next would be ranked as if its values were alike. And a unit column that holds units of measurement (`unit`
 * meant as the measure, `万元`, `件`), which would be read as the units the index ranks; and a `单位` column whose
 * cells differ across the units of one indicator and year, which holds no measures (`measureColumnConflict`).
 */
import { placeOf, type Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { parseYear, toHalfWidth } from "../../core/number.js";
import type { ValueRecord } from "../../core/panel.js";
import type { Tree } from "../../core/types.js";
import { normalizeColumnName } from "./columns.js";

/**
 * Names of the measure column of a values table (compared as `measureColumnKey` makes them), for every reader (CSV,
 * workbook, Parquet, query). `单位`, `指标单位` and `度量单位` beside 指标 are the unit of measurement in Chinese
 * statistical tables (as the tree reader takes `单位`), but `单位` may also be meant as an organisation (填报单位): a
 * column of those names whose cells differ within one indicator and year is refused (`measureColumnConflict`).
 */
export const MEASURE_COLUMNS = {
  measure: ["计量单位", "单位", "指标单位", "度量单位", "measurement_unit", "unit_of_measure", "unit_of_measurement"],
} as const;

/** The measure column's names that may also be meant as the units the index ranks (an organisation: `单位` 常州). */
const AMBIGUOUS_MEASURE_COLUMNS: ReadonlySet<string> = new Set(["单位", "指标单位", "度量单位"]);

/**
 * A header as compared with `MEASURE_COLUMNS`: as `normalizeColumnName` makes it (lower case, a unit in brackets at the
 * end left out), without a colon at the end (`单位：`) and without white space or underscores inside (`计量 单位`,
 * `单　位`, `measurement unit`).
 */
const measureColumnKey = (name: string) => normalizeColumnName(name.trim().replace(/\s*[:：]$/, "")).replace(/_/g, "");
const MEASURE_KEYS: ReadonlySet<string> = new Set(["measure", ...MEASURE_COLUMNS.measure].map(measureColumnKey));

/** Whether a header (as written) names the measure column (`MEASURE_COLUMNS`, `measure`), as every reader finds it. */
export const isMeasureColumnName = (name: string) => MEASURE_KEYS.has(measureColumnKey(name));

/** Whether a measure column's header (as written) may also be meant as the units the index ranks (`单位`, `指标单位`, `度量单位`). */
export const isAmbiguousMeasureColumn = (name: string) => AMBIGUOUS_MEASURE_COLUMNS.has(measureColumnKey(name));

/**
 * The position of the measure column in `header` (`isMeasureColumnName`), or -1: the first whose name means nothing
 * else (`计量单位` beside a `单位`), else the first.
 */
export function measureColumnOf(header: readonly string[]): number {
  const found = header.flatMap((name, index) => (isMeasureColumnName(name) ? [index] : []));
  return found.find((index) => !isAmbiguousMeasureColumn(header[index])) ?? found[0] ?? -1;
}

/** A measure as compared: full-width forms as ASCII (`％` is `%`), spaces at the ends and runs of spaces inside as none and one. */
export const normalizeMeasure = (text: string) => toHalfWidth(text).trim().replace(/\s+/g, " ");

/**
 * Units of measurement of Chinese statistics, as they are compared (`normalizeMeasure`): none is the name of a region,
 * a park or a firm, so a unit column that holds only these (or the tree's measures) holds measures, not units.
 */
const COMMON_MEASURES: ReadonlySet<string> = new Set([
  "%", "‰", "元", "千元", "万元", "百万元", "亿元", "万亿元", "美元", "万美元", "亿美元",
  "个", "件", "项", "家", "人", "万人", "人次", "万人次", "户", "台", "套", "辆", "座", "所", "篇", "本", "次", "天", "小时", "倍",
  "吨", "万吨", "千克", "公斤", "千瓦时", "万千瓦时", "亿千瓦时", "吨标准煤", "万吨标准煤", "吨标煤", "立方米", "万立方米",
  "平方米", "万平方米", "平方公里", "公顷", "亩", "公里", "千米", "米",
]);

/** Whether `measure` (normalised) is a common unit of measurement, or a ratio of two (`万元/人`, `件/万人`). */
function isCommonMeasure(measure: string): boolean {
  if (COMMON_MEASURES.has(measure)) return true;
  const parts = measure.split("/");
  return parts.length === 2 && parts.every((part) => COMMON_MEASURES.has(part.trim()));
}

/** Whether a cell's text (not empty) is a unit of measurement: one of `measures` (the tree's, normalised) or a common one. */
export function isMeasureName(text: string, measures: ReadonlySet<string>): boolean {
  const measure = normalizeMeasure(text);
  return measure !== "" && (measures.has(measure) || isCommonMeasure(measure));
}

/** The tree's units of measurement (`normalizeMeasure`d): its nodes' `measure`. */
export function treeMeasures(tree: Tree): Set<string> {
  const measures = new Set<string>();
  for (const node of tree.nodes) if (node.measure?.trim()) measures.add(normalizeMeasure(node.measure));
  return measures;
}

/**
 * The issue of a unit column (position `column`) whose every cell that is not empty holds a unit of measurement: one
 * of `measures` (the tree's) or a common one (`isCommonMeasure`). Such a column was meant as the measure (an English
 * `unit` header over 万元, 件); read as units, every indicator would be the only one of its "unit". `undefined` when a
 * cell holds something else, or every cell is empty.
 */
export function unitColumnOfMeasures(
  table: { header: readonly string[]; headerLine: number; rows: readonly { cells: readonly string[] }[] },
  column: number,
  source: string,
  measures: ReadonlySet<string> = new Set(),
): Issue | undefined {
  if (column < 0) return undefined;
  const found = new Set<string>();
  for (const row of table.rows) {
    const text = (row.cells[column] ?? "").trim();
    if (text === "") continue;
    if (!isMeasureName(text, measures)) return undefined;
    found.add(text);
  }
  if (found.size === 0) return undefined;
  const name = table.header[column];
  return { code: "E_MEASURE_COLUMN", message: messages.unitColumnOfMeasures(name, [...found].slice(0, 5)), source, line: table.headerLine, column: column + 1 };
}

/**
 * `unitColumnOfMeasures` for a values table read whole (a Parquet file or a query, read by DuckDB): `units`, the
 * distinct names of its unit column `column` (as written), in their order.
 */
export function unitsOfMeasures(units: readonly string[], column: string, source: string, measures: ReadonlySet<string> = new Set()): Issue | undefined {
  const found = new Set<string>();
  for (const unit of units) {
    const text = unit.trim();
    if (text === "") continue;
    if (!isMeasureName(text, measures)) return undefined;
    found.add(text);
  }
  if (found.size === 0) return undefined;
  return { code: "E_MEASURE_COLUMN", message: messages.unitColumnOfMeasures(column, [...found].slice(0, 5)), source, column };
}

/**
 * The `E_MEASURE_COLUMN` issue of a measure column (position `column`) whose name may also be meant as the units
 * ranked (`isAmbiguousMeasureColumn`: `单位`) and whose cells (not empty, compared as `normalizeMeasure`) differ
 * between two rows of one indicator and year (`columns.year`; -1 in the wide layout, whose row gives every year) that
 * are not of one unit ranked (other units, or no unit column: `columns.unit` -1): a unit of measurement never does, so
 * the column names the units (`甲区科技局`, `乙区科技局`) or holds notes. Two rows of one unit are duplicates, left to
 * the duplicate check. `undefined` otherwise: the column is the measure, checked by `measureIssues`.
 */
export function measureColumnConflict(
  table: { header: readonly string[]; rows: readonly { line: number; cells: readonly string[] }[] },
  column: number,
  columns: { indicator: number; unit: number; year: number },
  source: string,
): Issue | undefined {
  if (column < 0 || columns.indicator < 0 || !isAmbiguousMeasureColumn(table.header[column])) return undefined;
  const cell = (cells: readonly string[], index: number) => (index < 0 ? "" : (cells[index] ?? "").trim());
  // By indicator and year: each measure found, the line and text of its first row, and up to two of its units (two
  // tell whether it has one other than a given unit).
  const found = new Map<string, Map<string, { text: string; line: number; units: Set<string> }>>();
  for (const { line, cells } of table.rows) {
    const text = cell(cells, column);
    const indicator = cell(cells, columns.indicator);
    if (text === "" || indicator === "") continue;
    const yearText = cell(cells, columns.year);
    const key = `${indicator}\0${columns.year < 0 ? "" : (parseYear(yearText) ?? yearText)}`;
    const measure = normalizeMeasure(text);
    const unit = cell(cells, columns.unit);
    const measures = found.get(key) ?? new Map<string, { text: string; line: number; units: Set<string> }>();
    found.set(key, measures);
    for (const [other, first] of measures) {
      if (other === measure || (columns.unit >= 0 && [...first.units].every((name) => name === unit))) continue;
      const year = columns.year < 0 ? undefined : parseYear(yearText);
      const message = messages.measureColumnConflict(table.header[column], [first.text, text], indicator, year, [first.line, line]);
      return { code: "E_MEASURE_COLUMN", message, source, line, column: column + 1 };
    }
    const entry = measures.get(measure);
    if (!entry) measures.set(measure, { text, line, units: new Set([unit]) });
    else if (entry.units.size < 2) entry.units.add(unit);
  }
  return undefined;
}

/**
 * One `E_MEASURE_MISMATCH` issue per row whose measure differs (`normalizeMeasure`) from its indicator's: the tree's
 * when the tree gives one, else the measure of the first row (in file order) that gave one. Records without a measure
 * (an empty cell, or no measure column) are not compared; a row of the wide layout, which holds several records of
 * one indicator, is reported once.
 */
export function measureIssues(records: readonly ValueRecord[], tree: Tree | undefined, dataSource: string): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, { measure: string; place: string }>();
  const rows = new Set<string>();
  for (const record of records) {
    if (record.measure === undefined) continue;
    const row = `${record.file ?? ""}\0${record.line ?? ""}\0${record.indicator}`;
    if (rows.has(row)) continue;
    rows.add(row);
    const source = record.file ?? dataSource;
    const node = tree?.byCode.get(record.indicator);
    const declared = node?.measure?.trim() ? node.measure.trim() : undefined;
    const expected = declared !== undefined ? { measure: declared, place: placeOf({ source: tree?.source, line: node?.line }) || undefined } : first.get(record.indicator);
    if (!expected) {
      first.set(record.indicator, { measure: record.measure, place: placeOf({ source, line: record.line, column: record.measureColumn }) });
      continue;
    }
    if (normalizeMeasure(expected.measure) === normalizeMeasure(record.measure)) continue;
    issues.push({
      code: "E_MEASURE_MISMATCH",
      message: messages.measureMismatch(record.indicator, record.measure, expected.measure, expected.place, declared !== undefined),
      source,
      line: record.line,
      column: record.measureColumn,
      id: record.indicator,
    });
  }
  return issues;
}

/**
 * `measureIssues` for a values table read whole (a Parquet file or a query, read by DuckDB), which gives its distinct
 * (indicator, measure) pairs rather than its rows: `pairs` in the order of the first row of each (so an indicator's
 * first is the measure of its first row that gave one). One issue per indicator and measure (as compared) that differs
 * from the tree's, or, where the tree gives none, from the indicator's first; `where` names the file and the column.
 */
export function measurePairIssues(
  pairs: readonly { indicator: string; measure: string }[],
  tree: Tree | undefined,
  where: { source: string; column: string },
): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, string>();
  const reported = new Set<string>();
  for (const pair of pairs) {
    const measure = pair.measure.trim();
    const compared = normalizeMeasure(measure);
    if (compared === "") continue;
    const node = tree?.byCode.get(pair.indicator);
    const declared = node?.measure?.trim() ? node.measure.trim() : undefined;
    const expected = declared ?? first.get(pair.indicator);
    if (expected === undefined) {
      first.set(pair.indicator, measure);
      continue;
    }
    const key = `${pair.indicator}\0${compared}`;
    if (normalizeMeasure(expected) === compared || reported.has(key)) continue;
    reported.add(key);
    // Where the tree gave the measure; a first row is in the same file, which the issue names.
    const place = declared !== undefined ? placeOf({ source: tree?.source, line: node?.line }) || undefined : undefined;
    issues.push({
      code: "E_MEASURE_MISMATCH",
      message: messages.measureMismatch(pair.indicator, measure, expected, place, declared !== undefined),
      ...where,
      id: pair.indicator,
    });
  }
  return issues;
}
