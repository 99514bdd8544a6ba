/**
 * Finding named columns in a header, with the aliases people use (English and Chinese, any case, spaces or
 * underscores), so a tree saved from a Chinese spreadsheet reads without renaming its columns; and rows that do not
 * fit their header.
 */
import type { Issue } from "../../errors.js";
import { messages } from "../../core/messages.js";

/** Canonical column name -> accepted spellings (compared after `normalizeColumnName`). */
export type ColumnAliases = Record<string, readonly string[]>;

/**
 * Lower case, trimmed, spaces and hyphens as underscores, without a unit in brackets at the end (`数值（%）`,
 * `value (万元)`, `权重(%)` name the value and weight columns).
 */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .replace(/(?<=\S)\s*[(（][^()（）]*[)）]$/, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Position of each canonical column in `header`, or -1. The first matching column wins. */
export function findColumns<K extends string>(header: readonly string[], aliases: Record<K, readonly string[]>): Record<K, number> {
  const names = header.map(normalizeColumnName);
  const found = {} as Record<K, number>;
  for (const key of Object.keys(aliases) as K[]) {
    found[key] = names.findIndex((name) => name === key || aliases[key].includes(name));
  }
  return found;
}

/**
 * The issue of a row of a CSV file with more fields than the header, where the extra ones are not empty (a trailing
 * comma is harmless): an unquoted `1,234` splits one value into two and moves every value after it one column to the
 * right, into the next year's or indicator's column, so the row cannot be read. Fewer fields leave the last columns
 * empty. A workbook sheet (`table.delimiter` absent) has no such split: a note beside the table stays ignored. The
 * issue's column is the first field past the header's (1-based field numbers, as every column of an issue).
 */
export function extraFields(
  cells: readonly string[],
  table: { header: readonly string[]; headerLine?: number; delimiter?: string },
  source: string,
  line: number,
): Issue | undefined {
  const { header } = table;
  if (table.delimiter === undefined || cells.length <= header.length || cells.slice(header.length).every((cell) => cell.trim() === "")) return undefined;
  // Digits beside digits (`1,234`, `0,25`) may be one number split at its separator: only then is that the hint.
  const splitNumber = cells.some((cell, i) => i > 0 && /^[+-]?\d+$/.test(cells[i - 1].trim()) && /^\d+(\.\d*)?%?$/.test(cell.trim()));
  return { code: "E_FIELD_COUNT", message: messages.wrongFieldCount(cells.length, header.length, splitNumber, table.headerLine), source, line, column: header.length + 1 };
}
