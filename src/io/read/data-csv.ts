/**
 * Yearly values as CSV, in either layout:
 * - long: `unit,year,indicator,value` (+ optional `source`); `unit` may be left out for a single-unit index;
 * - wide, as kept in Excel: `indicator,2017,2018,2019,...` (one unit; other text columns such as `name` or a unit of
 *   measurement are ignored).
 * Cells follow the number rule of `core/number.ts`; years may be written `2017` or `2017年`.
 */
import type { Issue, Validated } from "../../errors.js";
import { messages } from "../../core/messages.js";
import { parseNumber } from "../../core/number.js";
import type { ValueRecord } from "../../core/panel.js";
import { parseCsv, type CsvTable } from "../csv.js";
import { findColumns } from "./columns.js";

/** Column names of the long layout and their aliases. */
export const LONG_COLUMNS = {
  unit: ["region", "country", "entity", "地区", "区域", "单元", "评价对象"],
  year: ["time", "period", "年份", "年度", "年"],
  indicator: ["code", "indicator_code", "icode", "指标", "指标代码", "代码"],
  value: ["数值", "值", "指标值", "数据"],
  source: ["来源", "数据来源", "provenance"],
} as const;
const WIDE_COLUMNS = { indicator: LONG_COLUMNS.indicator } as const;

/** Reads a year cell: a whole number from 1000 to 9999, optionally followed by 年. */
export function parseYear(text: string): number | undefined {
  const match = /^\s*(\d{4})\s*年?\s*$/.exec(text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return match ? Number(match[1]) : undefined;
}

/** The records of a values CSV, or every problem found (bad years, bad numbers, wrong field counts). */
export function parseDataCsv(text: string, source: string): Validated<ValueRecord[]> {
  return parseDataTable(parseCsv(text, source), source);
}

/** The records of a values table (from a CSV file or a workbook sheet), or every problem found. */
export function parseDataTable(table: CsvTable, source: string): Validated<ValueRecord[]> {
  const long = findColumns(table.header, LONG_COLUMNS);
  if (long.year >= 0 && long.indicator >= 0 && long.value >= 0) return parseLong(table, long, source);
  const yearColumns = table.header.map((name, index) => ({ year: parseYear(name), index })).filter((column) => column.year !== undefined);
  const wide = findColumns(table.header, WIDE_COLUMNS);
  if (wide.indicator >= 0 && yearColumns.length > 0) return parseWide(table, wide, yearColumns as { year: number; index: number }[], source);
  const issue: Issue = { code: "E_DATA_LAYOUT", message: messages.unknownLayout(table.header), source, line: table.headerLine };
  return { ok: false, issues: [issue], warnings: [] };
}

function parseLong(table: CsvTable, columns: Record<keyof typeof LONG_COLUMNS, number>, source: string): Validated<ValueRecord[]> {
  const issues: Issue[] = [];
  const records: ValueRecord[] = [];
  for (const { line, cells } of table.rows) {
    const at = (code: string, message: string, column: string | number): Issue => ({ code, message, source, line, column });
    if (cells.length !== table.header.length) {
      issues.push(at("E_FIELD_COUNT", messages.wrongFieldCount(cells.length, table.header.length), ""));
      continue;
    }
    const year = parseYear(cells[columns.year]);
    const value = parseNumber(cells[columns.value]);
    const indicator = cells[columns.indicator];
    if (year === undefined) issues.push(at("E_BAD_YEAR", messages.badYear(cells[columns.year]), columns.year + 1));
    if (value === undefined) issues.push(at("E_BAD_NUMBER", messages.badValue(cells[columns.value], table.header[columns.value]), columns.value + 1));
    if (!indicator) issues.push(at("E_EMPTY_CODE", messages.emptyCode(), table.header[columns.indicator]));
    if (year === undefined || value === undefined || !indicator) continue;
    records.push({
      unit: columns.unit >= 0 ? cells[columns.unit] : "",
      year,
      indicator,
      value,
      source: columns.source >= 0 ? cells[columns.source] || undefined : undefined,
      line,
    });
  }
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: records, warnings: [] };
}

function parseWide(
  table: CsvTable,
  columns: Record<keyof typeof WIDE_COLUMNS, number>,
  yearColumns: readonly { year: number; index: number }[],
  source: string,
): Validated<ValueRecord[]> {
  const issues: Issue[] = [];
  const records: ValueRecord[] = [];
  for (const { line, cells } of table.rows) {
    const indicator = cells[columns.indicator] ?? "";
    if (!indicator) {
      issues.push({ code: "E_EMPTY_CODE", message: messages.emptyCode(), source, line, column: table.header[columns.indicator] });
      continue;
    }
    for (const { year, index } of yearColumns) {
      const text = cells[index] ?? "";
      const value = parseNumber(text);
      if (value === undefined) {
        issues.push({ code: "E_BAD_NUMBER", message: messages.badValue(text, table.header[index]), source, line, column: index + 1 });
        continue;
      }
      records.push({ unit: "", year, indicator, value, line });
    }
  }
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: records, warnings: [] };
}
