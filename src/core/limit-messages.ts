import { catalogue } from "./localize.js";
import { quote } from "./quote.js";
/**
 * Messages of the input guards and resource limits (binary or oversized files, encodings, folders, YAML keys and
 * aliases, depth limits, memory, paths that leave the project folder). Shape: `<where>: <what went wrong> "<found>";
 * expected <what>`. Every limit is listed in `docs/limits.md`. What a file holds is echoed by `quote` (src/core/quote.ts):
 * a 10 MB header cell shows as its first 200 characters and the count of the rest.
 */

/** What a YAML file holds, in `yamlTooLarge` and `yamlTooDeep`: an indicator tree, AHP judgements, or a project (`index.yaml`). */
export type YamlContent = "tree" | "judgements" | "project";

/**
 * A kind of file a values folder holds that its reader does not read (`unreadValuesFiles`): `source`, a `.parquet` or
 * `.sql` file (a values source of its own); `compressed`, an archive or a compressed file (`2018.csv.gz`); `other`.
 */
export type UnreadValuesKind = "source" | "compressed" | "other";

/** What is expected instead of files of each `UnreadValuesKind` (`unreadValuesFiles`). */
const UNREAD_VALUES_EXPECTED: Readonly<Record<UnreadValuesKind, string>> = {
  source:
    "a .parquet or .sql file is read as the values source itself: expected it given with -d (--data; values: in index.yaml), not in a folder of CSV/xlsx files, or moved out of the folder",
  compressed: "a compressed file is not unpacked: expected it unpacked into the folder (2018.csv.gz as 2018.csv) and the compressed file moved out of it",
  other:
    "expected .csv, .tsv, .xlsx or .xlsm values files (or a .txt file saved from Excel), or such files moved out of the folder (notes such as README.md, .txt, .pdf or .docx files are left aside)",
};

/** What a YAML file too large to parse should be instead (`yamlTooLarge`). */
const SMALLER_YAML: Readonly<Record<YamlContent, string>> = {
  tree: "the indicator tree as CSV (columns code, parent, name, weight, direction), which is read far faster",
  judgements: "the judgements as CSV (columns group, a, b, value), which is read far faster",
  project: "a project file of a few keys (the paths of the tree and the values, and options), with the tree and the values in files of their own",
};

/** What a YAML file nested too deep to parse should hold (`yamlTooDeep`); `treeLimit`, a tree's depth limit. */
const SHALLOW_YAML: Readonly<Record<YamlContent, (treeLimit?: number) => string>> = {
  tree: (treeLimit) =>
    `a tree at most ${treeLimit} levels deep, each node a map in the list under its parent's children key, its values plain texts and numbers`,
  judgements: () => "a map from group code (or INDEX) to a list of [a, b, value] or to { order, matrix }, its values plain texts and numbers",
  project: () => "keys such as indicators, values, methods, each value a text, a number, or a short list or map of them",
};

/**
 * Where a memory limit came from: half of this machine's memory, half of the cgroup limit of the container (or
 * systemd service) the process runs in, the environment's variable `INNOVATION_INDEX_QUERY_MEMORY_LIMIT`, or the
 * library's `load` option `queryMemoryLimit`.
 */
export type MemorySource = "machine" | "container" | "variable" | "option";

/** How `queryMemoryLimit` names where its limit came from. */
const MEMORY_SOURCES: Record<MemorySource, string> = {
  machine: "half of this machine's memory",
  container: "half of the memory limit of the container or service it runs in",
  variable: "INNOVATION_INDEX_QUERY_MEMORY_LIMIT",
  option: "option queryMemoryLimit of load",
};

/** How `queryMemoryLimit` tells to raise its limit, by where it came from. */
const MEMORY_REMEDIES: Record<MemorySource, string> = {
  machine: "or on a machine with more memory",
  container: "or give the container or service more memory (its cgroup memory limit)",
  variable: "or raise INNOVATION_INDEX_QUERY_MEMORY_LIMIT (such as 8GB), within the memory the machine has",
  option: 'or give load a higher queryMemoryLimit (such as "8GB"), within the memory the machine has',
};

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

/**
 * A duration for people, rounded up: `40 seconds`, `90 seconds`, `5 minutes`, `3 hours`, `12 days` (see
 * `durationParts`). The one wording of the limits' messages and the locks' (`lockSilent`, `lockTakenOver`).
 */
export function formatDuration(seconds: number): string {
  const { value, unit } = durationParts(seconds);
  return `${formatCount(value)} ${unit}${value === 1 ? "" : "s"}`;
}

/**
 * A duration as a whole number of a unit, rounded up: seconds below two minutes, minutes below two hours, hours below
 * two days, then days (90 s is `{ value: 90, unit: "second" }`, 150 s `{ value: 3, unit: "minute" }`); 0 below 0 (a
 * clock set back). Rounded up, a duration over a whole limit is never said to be the limit (11 minutes, more than 10).
 */
export function durationParts(seconds: number): { value: number; unit: "second" | "minute" | "hour" | "day" } {
  const inUnit = (unit: number) => Math.max(0, Math.ceil(seconds / unit));
  if (inUnit(1) < 120) return { value: inUnit(1), unit: "second" };
  if (inUnit(60) < 120) return { value: inUnit(60), unit: "minute" };
  if (inUnit(3600) < 48) return { value: inUnit(3600), unit: "hour" };
  return { value: inUnit(86_400), unit: "day" };
}

/** A count for people, with thousands separators: `17,179,860,992`. */
export const formatCount = (count: number) => count.toLocaleString("en-US");

/**
 * What spans cells in a workbook (`xlsxTooManyCells`, `xlsxTooManyListedCells`): the rows of a sheet (each to its last
 * cell), its merged ranges or its data validations (`ranges` of them, the `largest` named), or a defined name.
 */
export interface WorkbookCells {
  readonly kind: "rows" | "merged" | "validation" | "name";
  /** The sheet, for all but a defined name. */
  readonly sheet?: string;
  /** A defined name's name. */
  readonly name?: string;
  /** How many merged ranges or data validations. */
  readonly ranges?: number;
  /** The largest of them (`A10:XFD1048576`), or a defined name's ranges as written. */
  readonly largest?: string;
  readonly cells: number;
}

/** The largest three of `parts` (and how many more), as `merged range A10:XFD1048576 on sheet "data": 17,179,860,992 cells`. */
function workbookCells(parts: readonly WorkbookCells[]): string {
  const one = (part: WorkbookCells) => {
    const cells = `${formatCount(part.cells)} cells`;
    const sheet = `sheet ${quote(part.sheet ?? "")}`;
    if (part.kind === "rows") return `the rows of ${sheet}: ${cells}`;
    if (part.kind === "name") return `defined name ${quote(part.name ?? "")} (${part.largest}): ${cells}`;
    const what = part.kind === "merged" ? "merged range" : "data validation";
    return part.ranges === 1 ? `${what} ${part.largest} on ${sheet}: ${cells}` : `${part.ranges} ${what}s on ${sheet} (the largest ${part.largest}): ${cells}`;
  };
  const sorted = [...parts].sort((a, b) => b.cells - a.cells);
  return `${sorted.slice(0, 3).map(one).join(", ")}${sorted.length > 3 ? ` and ${sorted.length - 3} more` : ""}`;
}

/**
 * The text a file a values query reads may hold that DuckDB reads only as mojibake or not at all here (it reads UTF-8,
 * and UTF-16LE when told: `queryFileEncoding`): GBK/GB18030, UTF-16 little- or big-endian.
 */
export type QueryFileEncoding = "GBK" | "UTF-16LE" | "UTF-16BE";

/** What text of each `QueryFileEncoding` is, and where such files come from. */
const QUERY_FILE_ENCODINGS: Readonly<Record<QueryFileEncoding, string>> = {
  GBK: 'GBK/GB18030 text (what Excel on Chinese Windows saves as "CSV (逗号分隔)")',
  "UTF-16LE": 'UTF-16LE text (what Excel saves as "Unicode Text", "Unicode 文本" in Chinese Excel)',
  "UTF-16BE": "UTF-16BE text",
};

/** What text of each `QueryFileEncoding` is in a JSON file, which no spreadsheet saves. */
const JSON_FILE_ENCODINGS: Readonly<Record<QueryFileEncoding, string>> = {
  GBK: "GBK/GB18030 text",
  "UTF-16LE": "UTF-16LE text",
  "UTF-16BE": "UTF-16BE text",
};

/** How a file a query reads is saved again as UTF-8 (`queryFileEncoding`). */
const SAVE_AS_UTF8 = 'save it again as UTF-8 (in Excel: Save As "CSV UTF-8", "CSV UTF-8(逗号分隔)" in Chinese Excel)';
/** How a JSON file a query reads is saved again as UTF-8: by what wrote it, as no spreadsheet saves JSON. */
const SAVE_JSON_AS_UTF8 = "save it again as UTF-8 in the editor or program that wrote it";

/**
 * What to do with a file of `encoding` that a query reads with `reader` (`queryFileEncoding`); `gzipped`, for gzip
 * data whose text is in `encoding`, which is unpacked before its text is saved again.
 */
function queryFileFix(encoding: QueryFileEncoding, reader: "csv" | "json", gzipped: boolean): string {
  const unpack = gzipped ? "unpack it (gzip -d) and " : "";
  if (reader === "json") return `${unpack}${SAVE_JSON_AS_UTF8}${encoding === "GBK" ? ", or convert it (iconv -f GB18030 -t UTF-8)" : ""}; DuckDB's read_json reads UTF-8 only`;
  if (encoding === "GBK")
    return `${unpack}${SAVE_AS_UTF8}, or convert it (iconv -f GB18030 -t UTF-8), or give it as the values file itself when it holds values in a layout the tool reads (the tool's own reader reads GBK); DuckDB's encoding = 'gb18030' needs its encodings extension, which is never loaded here`;
  if (encoding === "UTF-16LE") return `add encoding = 'utf-16' to the read_csv call that reads it, or ${unpack}${SAVE_AS_UTF8}`;
  return `${unpack}${SAVE_AS_UTF8}; DuckDB's encoding = 'utf-16' reads UTF-16LE only`;
}

/** Where a workbook's sheet goes instead, in the messages of workbooks too large to read. */
const SAVE_AS_CSV = 'the sheet saved as CSV (in Excel: Save As, "CSV UTF-8"), which the tool reads far faster';

export const limitMessages = catalogue("limitMessages", {
  // files
  binaryFile: (source: string, what: string) =>
    `${source}: the file looks like ${what}, not text or an Excel workbook; expected a CSV file (UTF-8 or GBK), an .xlsx workbook or, for a tree, YAML`,
  /** A NUL byte in a text file, the first one at byte `offset` (0-based: the bytes before it) on `line`. */
  nulByte: (source: string, line: number, offset: number) =>
    `${source}:${line}: the file holds a NUL byte at byte offset ${offset}, which no text holds (binary data, or text followed by the NUL bytes of a copy that stopped); ` +
    `expected a CSV file (UTF-8, GBK or UTF-16) or, for a tree, YAML, without NUL bytes (if the rest of the file is NUL bytes, copy it again, or keep its first ${offset} bytes)`,
  /**
   * A file the values query of `label` reads (`file`, relative to the folder it reads) with a NUL byte at byte `offset`,
   * on `line` when the offset is within the first bytes (else the file's last bytes: a copy that stopped), refused
   * before the query runs: DuckDB would read it without a word, as one garbled column.
   */
  queryFileNul: (label: string, file: string, line: number | undefined, offset: number) =>
    `${label}: the query reads ${file}, which holds a NUL byte${line === undefined ? "" : ` on line ${line}`} at byte offset ${offset}, which no text holds (binary data, or text followed by the NUL bytes of a copy that stopped); ` +
    `expected a CSV or JSON file in UTF-8 without NUL bytes (if the rest of the file is NUL bytes, copy it again, or keep its first ${offset} bytes)`,
  /**
   * A file the values query of `label` reads as text (read_csv, read_json) that DuckDB refused, and that looks like
   * `what`; `gzipped`, gzip data (`x.csv.gz`, which DuckDB unpacks) whose unpacked first bytes look like it.
   */
  queryFileBinary: (label: string, file: string, what: string, gzipped = false) =>
    `${label}: the query reads ${file}, ${gzipped ? "gzip data whose unpacked content looks like" : "which looks like"} ${what}, not text; expected a CSV or JSON file in UTF-8 (a workbook's sheet saved as "CSV UTF-8"; a Parquet file read with read_parquet)`,
  /** A file the values query of `label` reads with read_parquet that DuckDB refused, and that looks like `what`. */
  queryFileNotParquet: (label: string, file: string, what: string) =>
    `${label}: the query reads ${file} with read_parquet, but the file looks like ${what}, not Parquet; expected a Parquet file (a CSV file is read with read_csv, in UTF-8)`,
  /**
   * A file the values query of `label` reads with `reader` that DuckDB refused as not UTF-8, and that is text in
   * `encoding`; `gzipped`, gzip data (`x.csv.gz`, which DuckDB unpacks) whose text inside is.
   */
  queryFileEncoding: (label: string, file: string, encoding: QueryFileEncoding, reader: "csv" | "json", gzipped = false) =>
    `${label}: the query reads ${file}, ${gzipped ? "gzip data whose text inside is" : "which is"} ${(reader === "json" ? JSON_FILE_ENCODINGS : QUERY_FILE_ENCODINGS)[encoding]}, not UTF-8, which DuckDB expects; expected UTF-8: ${queryFileFix(encoding, reader, gzipped)}`,
  /**
   * A file the values query of `label` reads that is UTF-16BE text, read by read_csv's encoding = 'utf-16' as UTF-16LE
   * (the query's columns, their names that text in the wrong byte order, were refused: `E_SQL_COLUMNS`).
   */
  queryFileByteOrder: (label: string, file: string) =>
    `${label}: the query reads ${file}, which is UTF-16BE text, but DuckDB's encoding = 'utf-16' reads UTF-16LE only: the columns it found are that text read in the wrong byte order; ` +
    `expected UTF-8 or UTF-16LE: ${SAVE_AS_UTF8}, or convert it to UTF-16LE (iconv -f UTF-16BE -t UTF-16LE), which encoding = 'utf-16' reads`,
  /** A `.parquet` values file that DuckDB refused, and that looks like `what`. */
  parquetNotParquet: (source: string, what: string) =>
    `${source}: the file looks like ${what}, not Parquet; expected a Parquet file (the tool reads a CSV file or an .xlsx workbook itself, given under its own extension, .csv or .xlsx)`,
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
  /** Files of a values folder (`names`) of one `kind` that its reader does not read, which it would otherwise pass over. */
  unreadValuesFiles: (folder: string, kind: UnreadValuesKind, names: readonly string[]) =>
    `${folder}: the values folder holds ${names.length === 1 ? "a file" : `${names.length} files`} the folder reader does not read (${names
      .slice(0, 8)
      .map(quote)
      .join(", ")}${names.length > 8 ? ` and ${names.length - 8} more` : ""}), which would be left out of the run; ${UNREAD_VALUES_EXPECTED[kind]}`,
  emptyValuesFolder: (folder: string, names: readonly string[]) =>
    `${folder}: the values folder holds no .csv, .tsv or .xlsx file, nor a .txt file saved from Excel (${
      names.length === 0 ? "it is empty" : `it holds ${names.slice(0, 8).map(quote).join(", ")}${names.length > 8 ? ` and ${names.length - 8} more` : ""}`
    }); expected values files such as 2021.csv or values.xlsx`,

  // workbooks (checked from the zip before the workbook is read: src/io/read/xlsx-bounds.ts)
  xlsxUnpackedTooLarge: (source: string, size: number, limit: number) =>
    `${source}: the workbook unpacks to ${formatBytes(size)}, more than the ${formatBytes(limit)} a workbook may unpack to (every part of it is read into memory); expected a smaller workbook, or ${SAVE_AS_CSV}`,
  xlsxPartTooLarge: (source: string, part: string, declared: number) =>
    `${source}: part ${quote(part)} of the workbook unpacks to more than the ${formatBytes(declared)} its zip directory declares (a damaged or forged file); expected an undamaged workbook (opened and saved again in Excel)`,
  xlsxTooManyCells: (source: string, cells: number, parts: readonly WorkbookCells[], limit: number) =>
    `${source}: the workbook spans ${formatCount(cells)} cells, more than the ${formatCount(limit)} a workbook may span (a workbook is read cell by cell, at about 6 s and 600 MB of memory per million cells): ${workbookCells(parts)}; expected a smaller workbook (far cells cleared, cells unmerged), or ${SAVE_AS_CSV}`,
  xlsxTooManyListedCells: (source: string, cells: number, parts: readonly WorkbookCells[], limit: number) =>
    `${source}: the workbook's data validations and defined names cover ${formatCount(cells)} cells, more than the ${formatCount(limit)} they may cover (each cell is listed one by one when the workbook is read): ${workbookCells(parts)}; expected them narrowed to the cells they need (in Excel: Data Validation, Name Manager), or ${SAVE_AS_CSV}`,
  xlsxTooManyMergedRanges: (source: string, ranges: number, limit: number) =>
    `${source}: the sheet has ${formatCount(ranges)} merged ranges, more than the ${formatCount(limit)} a sheet may have (each is checked against every other when the workbook is read); expected the cells unmerged, or ${SAVE_AS_CSV}`,
  xlsxBeyondSheet: (source: string, kind: "row" | "cell" | "column range", reference: string) =>
    `${source}: ${kind} ${quote(reference)} lies beyond Excel's last row (1,048,576) or last column (XFD, the 16,384th); expected a workbook saved by Excel, or ${SAVE_AS_CSV}`,

  // YAML
  yamlTooLarge: (source: string, size: number, limit: number, content: YamlContent) =>
    `${source}: the YAML file is ${formatBytes(size)}, more than the ${formatBytes(limit)} a YAML file may hold (YAML is read whole, at over 100 times its size in memory); expected ${SMALLER_YAML[content]}`,
  unknownTreeKey: (key: string, suggestion: string | undefined) =>
    `unknown key ${quote(key)}${didYouMean(suggestion)}; expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a key starting with "x_" or "note")`,
  unknownTreeColumn: (column: string, suggestion: string | undefined) =>
    `unknown column ${quote(column)}${didYouMean(suggestion)}; expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a column starting with "x_" or "note")`,
  yamlAlias: (alias: string) =>
    `YAML alias ${quote(alias)} is not allowed; expected the value written out (aliases and anchors are refused, so that no value silently copies another)`,

  // depth
  treeTooDeep: (code: string, depth: number, limit: number) =>
    `node ${quote(code)} is ${depth} levels deep, more than the ${limit} levels a tree may have; expected a shallower tree (check the parent column for chains)`,
  /** A YAML file nested deeper than the parser follows: `content` says what it should hold; `treeLimit`, a tree's depth limit. */
  yamlTooDeep: (depth: number, content: YamlContent, treeLimit?: number) =>
    `lists and maps are nested ${depth} levels deep here, deeper than the YAML reader can follow; expected ${SHALLOW_YAML[content](treeLimit)}`,
  formulaTooDeep: (limit: number) => `it is nested more than ${limit} levels deep (parentheses, signs, powers or calls)`,

  // memory
  designTooLarge: (estimate: number, limit: number, replications: number) =>
    `the analysis would need about ${formatBytes(estimate)} of memory (${replications} replications), more than the limit of ${formatBytes(limit)}; expected fewer replications, units or years, or a higher --memory-limit`,
  /**
   * An audit whose estimate (`estimateAuditCost`, core/audit/size.ts) is over its bounds: `group` has the most
   * children (`children`), of `indicators` in the tree, over `periods` periods (each year and the pooled one);
   * `largest` children in one group would fit the bounds.
   */
  auditTooLarge: (indicators: number, group: string, children: number, periods: number, estimate: { bytes: number; seconds: number }, limit: { bytes: number; seconds: number }, largest: number) =>
    `the audit of ${formatCount(indicators)} indicators would correlate every pair of the ${formatCount(children)} children of group ${quote(group)} and decompose their correlation matrix (${formatCount(children)} × ${formatCount(children)}) into principal components, in each of ${periods} periods (every year and all years pooled): about ${formatBytes(estimate.bytes)} of memory and ${formatDuration(estimate.seconds)}, more than the limit of ${formatBytes(limit.bytes)} and ${formatDuration(limit.seconds)}; expected at most about ${formatCount(largest)} children in a group: split the group into subgroups in the tree, or audit a part of the tree (a tree file of some of the indicators, given with -i: --indicators, or indicators: in index.yaml)`,
  /**
   * The values would make a panel (one number for every unit, year and indicator, given or not) of more cells than
   * `limit`; `source` the values file, when one is known.
   */
  panelTooLarge: (source: string | undefined, units: number, years: number, indicators: number, limit: number) => {
    const cells = units * years * indicators;
    return `${source ? `${source}: ` : ""}the values make a panel of ${formatCount(units)} units × ${formatCount(years)} years × ${formatCount(indicators)} indicators = ${formatCount(cells)} cells (${formatBytes(cells * 8)}), more than the ${formatCount(limit)} cells (${formatBytes(limit * 8)}) a panel may hold (it has a cell for every unit, year and indicator, given or not); expected fewer units, years or indicators in one run: long values spread over many years or units (one value per row) make a large, mostly empty panel, so split them by year or by unit`;
  },

  /**
   * DuckDB ran out of the memory it may use (`limit` bytes) reading the values of `label`: `query` true, a values
   * query (a .sql file, one row per unit, year and indicator); `"indicator"`, the query of a tree's `sql` column (one
   * row per unit and year, of its one indicator); false, a .parquet file (no query to make cheaper). `source`: where
   * the limit came from (half of the machine's memory, half of its container's limit, or the environment's variable),
   * which tells how to raise it.
   */
  queryMemoryLimit: (label: string, limit: number, query: boolean | "indicator" = true, source: MemorySource = "machine") =>
    `${label}: DuckDB needed more than ${formatBytes(limit)} of memory, what it may use to read the values (${MEMORY_SOURCES[source]}), and was stopped; expected the values read within it: ${query ? `return one row per ${query === "indicator" ? "unit and year" : "unit, year and indicator"} (aggregate the microdata in the query: GROUP BY unit, year), make the query cheaper (a join without a condition multiplies the rows), or ` : ""}run with --threads 1 (each DuckDB thread takes memory of its own), ${MEMORY_REMEDIES[source]}`,
  /**
   * The query of a tree's `sql` column (`label`) returns more than `limit` rows, the most one of the tree's `indicators`
   * indicators may fill in a panel of at most `cells` cells (one row per unit and year).
   */
  indicatorQueryRows: (label: string, limit: number, indicators: number, cells: number) =>
    `${label}: the query returns more than ${formatCount(limit)} rows, the most one indicator's values may fill (a panel holds at most ${formatCount(cells)} cells, shared by the tree's ${formatCount(indicators)} indicators, one row per unit and year); expected one row per unit and year: aggregate the microdata in the query (GROUP BY unit, year)`,

  // projects
  pathOutsideProject: (key: string, path: string, absolute: boolean) =>
    `${key}: path ${quote(path)} ${absolute ? "is absolute" : "leaves the project folder"}; expected a path relative to the folder of index.yaml and inside it (or set allow-outside: true in index.yaml, or give --allow-outside-project)`,
} as const);
