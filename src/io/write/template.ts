/**
 * The values template: an empty values table for a tree and years, ready to be filled in, as CSV or a workbook.
 * Each series to fill is a plain indicator, or for a formula indicator each of its variables.
 */
import type { CompiledFormula } from "../../core/formula.js";
import { formulaIndicators } from "../../core/formula.js";
import type { Tree } from "../../core/types.js";
import type { Issue } from "../../errors.js";
import { formatCsv } from "../csv.js";

/** One row of the template: a series to fill in. */
export interface TemplateSeries {
  indicator: string;
  name: string;
  measure: string;
}

/**
 * The series of a tree in tree order: plain indicators as themselves, formula indicators replaced by their variables
 * (each once). `compiled` holds the compiled formula of each formula indicator.
 */
export function templateSeries(tree: Tree, compiled: ReadonlyMap<string, CompiledFormula>): TemplateSeries[] {
  const formulas = new Map(formulaIndicators(tree).map((formula) => [formula.code, formula.formula] as const));
  const rows: TemplateSeries[] = [];
  const listed = new Set<string>();
  for (const code of tree.indicators) {
    const node = tree.byCode.get(code)!;
    const formula = formulas.get(code);
    if (formula === undefined) {
      if (!listed.has(code)) rows.push({ indicator: code, name: node.name, measure: node.measure ?? "" });
      listed.add(code);
      continue;
    }
    for (const variable of compiled.get(code)?.variables ?? []) {
      if (listed.has(variable) || tree.byCode.has(variable)) continue;
      listed.add(variable);
      rows.push({ indicator: variable, name: `${code} = ${formula}`, measure: "" });
    }
  }
  return rows;
}

/** The template's column names in each language; the values reader takes both (`LONG_COLUMNS` and its aliases). */
const TEMPLATE_COLUMNS = {
  zh: { unit: "评价对象", year: "年份", indicator: "指标代码", name: "指标名称", measure: "计量单位", value: "数值" },
  en: { unit: "unit", year: "year", indicator: "indicator", name: "name", measure: "measure", value: "value" },
} as const;

/**
 * The template's rows: the wide layout (`indicator,name,measure,<years>`, one unit) when `units` is empty, else the
 * long layout (`unit,year,indicator,name,value`), with the column names in `language` (Chinese: 指标代码, 指标名称,
 * 计量单位 and 评价对象, 年份, 数值).
 */
export function templateRows(series: readonly TemplateSeries[], years: readonly number[], units: readonly string[], language: "zh" | "en" = "en"): string[][] {
  const names = TEMPLATE_COLUMNS[language];
  if (units.length === 0)
    return [[names.indicator, names.name, names.measure, ...years.map(String)], ...series.map((row) => [row.indicator, row.name, row.measure, ...years.map(() => "")])];
  const rows: string[][] = [[names.unit, names.year, names.indicator, names.name, names.value]];
  for (const unit of units) for (const year of years) for (const row of series) rows.push([unit, String(year), row.indicator, row.name, ""]);
  return rows;
}

/** The template as CSV text, with a UTF-8 byte-order mark so Excel opens Chinese names correctly. */
export function formatTemplateCsv(rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + formatCsv(rows);
}

/** The two layouts of the template: `wide` (one unit, a column per year) and `long` (a row per unit, year and series). */
export type TemplateLayout = "wide" | "long";

/** The columns of each layout (0-based) that hold texts: the unit, the indicator's code and name, the measure. */
const TEXT_COLUMNS: Readonly<Record<TemplateLayout, ReadonlySet<number>>> = {
  wide: new Set([0, 1, 2]),
  long: new Set([0, 2, 3]),
};

/** The column of the long layout that holds the year. */
const LONG_YEAR_COLUMN = 1;

/**
 * The template (`templateRows` in `layout`) as a one-sheet workbook named `sheetName`, as bytes (the same rows give
 * the same bytes). The text columns (unit, indicator code, name, measure) hold strings in Excel's Text format, so a
 * code such as 001 or =X1 stays as it is written; the cells to fill in and the long layout's years are in the General
 * format, so a number typed into them is a number, not a "number stored as text". The years of the long layout are
 * numbers; the header (the wide layout's years included) is text in the General format. The workbook is
 * `formatWorkbook`'s: texts longer than an Excel cell holds are cut, with a warning to `options.onWarning`.
 */
export async function formatTemplateWorkbook(
  sheetName: string,
  rows: readonly (readonly string[])[],
  layout: TemplateLayout,
  options: { source?: string; onWarning?: (warning: Issue) => void } = {},
): Promise<Uint8Array> {
  const texts = TEXT_COLUMNS[layout];
  const cells = rows.map((row, r) =>
    row.map((cell, i) => {
      if (r === 0 || texts.has(i)) return cell;
      if (layout === "long" && i === LONG_YEAR_COLUMN) return Number(cell);
      return cell === "" ? null : cell; // a value to fill in: an empty cell in the General format
    }),
  );
  const { formatWorkbook } = await import("../read/xlsx.js");
  return formatWorkbook(sheetName, cells, { ...options, isText: (r, i) => r > 0 && texts.has(i) });
}
