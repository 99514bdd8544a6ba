/**
 * Finding named columns in a header, with the aliases people use (English and Chinese, any case, spaces or
 * underscores), so a tree saved from a Chinese spreadsheet reads without renaming its columns.
 */

/** Canonical column name -> accepted spellings (compared after `normalizeColumnName`). */
export type ColumnAliases = Record<string, readonly string[]>;

/** Lower case, trimmed, spaces and hyphens as underscores. */
export function normalizeColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
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
