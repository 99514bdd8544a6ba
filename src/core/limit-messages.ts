import { catalogue } from "./localize.js";
/**
 * Messages of the input guards and resource limits (binary or oversized files, encodings, folders, YAML keys and
 * aliases, depth limits, memory, paths that leave the project folder). Shape: `<where>: <what went wrong> "<found>";
 * expected <what>`. Every limit is listed in `docs/limits.md`.
 */
const quote = (value: string) => JSON.stringify(value);

/** A byte count for people: `4 GB`, `310 MB`, `12 KB` (powers of 1024, at most one decimal). */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`;
}

const didYouMean = (suggestion: string | undefined) => (suggestion ? ` (did you mean ${quote(suggestion)}?)` : "");

export const limitMessages = catalogue("limitMessages", {
  // files
  binaryFile: (source: string, what: string) =>
    `${source}: the file looks like ${what}, not text or an Excel workbook; expected a CSV file (UTF-8 or GBK), an .xlsx workbook or, for a tree, YAML`,
  fileTooLarge: (source: string, size: number | undefined, limit: number) =>
    `${source}: the file is ${size === undefined ? "larger than the limit" : formatBytes(size)}, more than the ${formatBytes(limit)} an input file may hold; expected a smaller file (split the values into a folder of files, one per year)`,
  textTooLarge: (source: string, size: number, limit: number) =>
    `${source}: the file is ${formatBytes(size)} and must be read as text, which holds at most ${formatBytes(limit)}; expected a smaller file (a plain long-layout UTF-8 CSV is read from its bytes at any size, or split the values into a folder of files)`,
  bomNotUtf8: (source: string, looksLike: string | undefined) =>
    `${source}: the file starts with a UTF-8 byte-order mark but is not UTF-8${looksLike ? `; it looks like ${looksLike}` : ""}: save it again as UTF-8 or remove the mark`,
  /** Spreadsheets in a values folder that the tool cannot read (`names`, with their extensions), which it would otherwise pass over. */
  unreadSpreadsheets: (folder: string, names: readonly string[]) =>
    `${folder}: the values folder holds ${names.length === 1 ? "a spreadsheet" : `${names.length} spreadsheets`} the tool cannot read (${names
      .slice(0, 8)
      .map(quote)
      .join(", ")}${names.length > 8 ? ` and ${names.length - 8} more` : ""}), which would be left out of the run; expected .xlsx or CSV files (in Excel or WPS: Save As, "Excel Workbook (.xlsx)"), or such files moved out of the folder`,
  emptyValuesFolder: (folder: string, names: readonly string[]) =>
    `${folder}: the values folder holds no .csv, .tsv or .xlsx file, nor a .txt file saved from Excel (${
      names.length === 0 ? "it is empty" : `it holds ${names.slice(0, 8).map(quote).join(", ")}${names.length > 8 ? ` and ${names.length - 8} more` : ""}`
    }); expected values files such as 2021.csv or values.xlsx`,

  // YAML
  unknownTreeKey: (key: string, suggestion: string | undefined) =>
    `unknown key ${quote(key)}${didYouMean(suggestion)}; expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a key starting with "x_" or "note")`,
  unknownTreeColumn: (column: string, suggestion: string | undefined) =>
    `unknown column ${quote(column)}${didYouMean(suggestion)}; expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a column starting with "x_" or "note")`,
  yamlAlias: (alias: string) =>
    `YAML alias ${quote(alias)} is not allowed; expected the value written out (aliases and anchors are refused, so that no value silently copies another)`,

  // depth
  treeTooDeep: (code: string, depth: number, limit: number) =>
    `node ${quote(code)} is ${depth} levels deep, more than the ${limit} levels a tree may have; expected a shallower tree (check the parent column for chains)`,
  formulaTooDeep: (limit: number) => `it is nested more than ${limit} levels deep (parentheses, signs, powers or calls)`,

  // memory
  designTooLarge: (estimate: number, limit: number, replications: number) =>
    `the analysis would need about ${formatBytes(estimate)} of memory (${replications} replications), more than the limit of ${formatBytes(limit)}; expected fewer replications, units or years, or a higher --memory-limit`,

  // projects
  pathOutsideProject: (key: string, path: string, absolute: boolean) =>
    `${key}: path ${quote(path)} ${absolute ? "is absolute" : "leaves the project folder"}; expected a path relative to the folder of index.yaml and inside it (or set allow-outside: true in index.yaml, or give --allow-outside-project)`,
} as const);
