/**
 * Messages of the readers (src/io/read, src/io/csv.ts): files that cannot be read, CSV and YAML syntax, workbooks,
 * AHP judgements in YAML, and values from DuckDB (Parquet files and SQL queries). Shape: `<file>: <what was found>;
 * expected <what>`. `place` is a file's name with its line when known (`tree.yaml:12`).
 */
import { catalogue } from "./localize.js";
import { cutText, listItems, quote } from "./quote.js";
import { formatBytes, type YamlContent } from "./limit-messages.js";

/** What a YAML file should hold, by what it is (`yamlSyntaxOther`). */
const YAML_EXPECTED: Readonly<Record<YamlContent, string>> = {
  tree: "valid YAML: a list of nodes",
  judgements: "valid YAML: a map from group to judgements",
  project: "valid YAML: keys such as indicators, values, methods",
};

/** What a column of a query's result must hold, by column (`sqlColumnType`). */
const SQL_COLUMN_TYPES: Readonly<Record<string, string>> = {
  year: "a whole number (INTEGER; cast it: year::INTEGER)",
  value: "a number (DOUBLE)",
};

const quoted = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(", ");

/** What a file is that is no regular file nor folder (`specialFile`): a named pipe, a socket, a device. */
export type SpecialFileKind = "named pipe" | "socket" | "character device" | "block device";

/** A special file's kind in words (`specialFile`). */
const SPECIAL_FILES: Readonly<Record<SpecialFileKind, string>> = {
  "named pipe": "a named pipe (FIFO)",
  socket: "a socket",
  "character device": "a character device",
  "block device": "a block device",
};

/** How many items of a list a message names before it counts the rest (`namedFew`). */
const NAMED_ITEMS = 5;

/** `row 3`, `rows 3, 4`, `rows 3, 4, 5, 6, 7 (12 rows in all)`: the first few items of a list, and how many there are. */
const namedFew = (items: readonly (number | string)[], noun: string) =>
  `${noun}${items.length === 1 ? "" : "s"} ${items.slice(0, NAMED_ITEMS).join(", ")}${items.length > NAMED_ITEMS ? ` (${items.length} ${noun}s in all)` : ""}`;

/**
 * Why some of the rows and columns `xlsxHidden` names are hidden, when Excel saved no hidden mark on them: rows of a
 * height under 1 point, zero included, their own or the sheet's default (`lowRows`: a line at most a pixel high, no
 * text); rows the sheet hides by default (`defaultRows`: a sheet whose `sheetFormatPr` has `zeroHeight="1"` shows only
 * the rows given a height of their own); columns narrower than one digit, zero included, by their own width or the
 * sheet's default (`narrowColumns`). The thresholds are xlsx.ts's.
 */
export interface HiddenReasons {
  lowRows?: readonly number[];
  defaultRows?: readonly number[];
  narrowColumns?: readonly string[];
}

/**
 * ` (the sheet has a filter, on A1:D20; row 3 under 1 point high)`: why the `hidden` rows and columns are hidden; a
 * reason for all of them (` (under 1 point high)`) names none; "" without a reason.
 */
function hiddenWhy(hidden: number, filter: string | undefined, why: HiddenReasons): string {
  const reason = (items: readonly (number | string)[], noun: string, text: string) =>
    items.length === 0 ? "" : items.length === hidden ? text : `${namedFew(items, noun)} ${text}`;
  const reasons = [
    filter ? `the sheet has a filter, on ${filter}` : "",
    reason(why.lowRows ?? [], "row", "under 1 point high"),
    reason(why.defaultRows ?? [], "row", "by the sheet's default, which shows only the rows given a height of their own"),
    reason(why.narrowColumns ?? [], "column", "narrower than one digit"),
  ].filter(Boolean);
  return reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
}

export const readerMessages = catalogue("readerMessages", {
  noSuchFile: (label: string) => `${label}: no such file; expected a readable file`,
  isFolder: (label: string) => `${label}: is a folder, not a file; expected a readable file`,
  cannotRead: (label: string, reason: string) => `${label}: cannot be read (${reason}); expected a readable file`,
  oldXls: (label: string) => `${label}: the file is an old Excel .xls workbook; expected .xlsx or CSV (in Excel: Save As, "Excel Workbook")`,

  csvQuoteNotClosed: (place: string) => `${place}: the file is not valid CSV (a quote opened on this line is never closed); expected comma-separated values`,
  /** `reason`: the CSV parser's own words. */
  csvSyntax: (place: string, reason: string) => `${place}: the file is not valid CSV (${reason}); expected comma-separated values`,

  xlsxUnreadable: (source: string, reason: string) => `${source}: the file is not a readable .xlsx workbook (${reason}); expected an Excel workbook`,
  xlsxLikeValueSheets: (source: string, sheets: readonly string[]) =>
    `${source}: sheets ${quoted(sheets)} have the same columns, and only one sheet of a workbook is read; expected the values in one sheet (or give --sheet to read one sheet alone, or save each sheet as a file in one folder and give the folder, with a unit column in each file when each sheet is a unit)`,
  /**
   * `sheets`: the sheet read by default (the first), then the other sheets that hold a table of values with its columns
   * but the years (the wide layout's year columns).
   */
  xlsxValueSheets: (source: string, sheets: readonly string[]) =>
    `${source}: sheets ${quoted(sheets)} each hold a table of values with the same columns but the years (one sheet per year or per unit), and only one sheet of a workbook is read, the first, ${JSON.stringify(sheets[0])}, so the values of the others would be left out; expected the values in one sheet (or give --sheet to read one sheet alone, or save each sheet as a file in one folder and give the folder, with a unit column in each file when each sheet is a unit)`,
  xlsxLikeTreeSheets: (source: string, sheets: readonly string[]) =>
    `${source}: sheets ${quoted(sheets)} have the same columns, and only one sheet of a workbook is read; expected the indicator tree in one sheet (or give --tree-sheet to read one sheet alone)`,
  xlsxDefaultSheetNoValues: (source: string, empty: boolean, others: readonly string[]) =>
    `${source}: the sheet read by default, the first, ${empty ? "is empty" : "holds no table of values"}, and the workbook has other sheets, ${quoted(others)}; expected --sheet naming the sheet of the values, such as --sheet ${JSON.stringify(others[0])}`,
  xlsxNoSheets: (source: string) => `${source}: the workbook has no sheets; expected at least one sheet`,
  xlsxNoSuchSheet: (source: string, sheet: string, sheets: readonly string[]) =>
    `${source}: no sheet ${JSON.stringify(sheet)}; expected one of ${quoted(sheets)} or a number from 1 to ${sheets.length}`,
  xlsxFormulaWithoutResult: (address: string, formula: string) =>
    `cell ${address} holds the formula =${formula} but not its result (the file was written by a program and never saved by Excel); expected a value, or the workbook opened and saved in Excel, which stores each formula's result`,
  /**
   * Rows (Excel's row numbers) and columns (letters) of a sheet, hidden in Excel (by hand, or by a filter: `filter` is
   * the range of the sheet's filter, if it has one; or shut, as `why` says of some of them), that hold cells read all
   * the same.
   */
  xlsxHidden: (source: string, rows: readonly number[], columns: readonly string[], filter: string | undefined, why: HiddenReasons = {}) =>
    `${source}: ${[rows.length > 0 ? namedFew(rows, "row") : "", columns.length > 0 ? namedFew(columns, "column") : ""].filter(Boolean).join(" and ")} ` +
    `${rows.length + columns.length === 1 ? "is" : "are"} hidden in Excel${hiddenWhy(rows.length + columns.length, filter, why)} but read like the visible ones ` +
    `(their values count; a hidden row repeating a visible one is a duplicate); expected in the sheet only the rows and columns to read: ` +
    `delete those to leave out (hiding or filtering them out leaves them in)`,
  /** A formula cell that shares the formula of cell `master` and holds no result. */
  xlsxSharedFormulaWithoutResult: (address: string, master: string) =>
    `cell ${address} holds the formula =shared with ${master} but not its result (the file was written by a program and never saved by Excel); expected a value, or the workbook opened and saved in Excel, which stores each formula's result`,

  /**
   * A YAML syntax error of a tree: `place` is `file:line:column`, `reason` one of the `yaml...` reasons below or of
   * `yamlMessages`; `bareMinusLine`, a line whose value is a bare "-".
   */
  treeYamlSyntax: (place: string, reason: string, bareMinusLine?: number) =>
    `${place}: the file is not valid YAML: ${reason}${bareMinusLine === undefined ? "" : `; line ${bareMinusLine} has a bare "-" as a value, which YAML reads as the start of a list: write it quoted, direction: "-"`}`,
  treeYamlNotList: (source: string) => `${source}: expected a list of nodes (each with a code)`,
  treeYamlNotNode: (place: string) => `${place}: expected a node with keys such as code, name, weight, direction`,

  ahpYamlSyntax: (place: string, reason: string) => `${place}: the file is not valid YAML: ${reason}`,
  // Why a YAML file (tree, judgements, index.yaml) is not valid YAML (io/read/yaml-reasons.ts): a key written twice, a tab,
  // an item out of line, a code the tool does not know; the reasons of the parser's other codes are yamlMessages'.
  /** DUPLICATE_KEY: `firstLine`, the line the key first appears on. */
  yamlDuplicateKey: (key: string, firstLine?: number) =>
    `the key ${quote(key)} appears twice${firstLine === undefined ? "" : ` (first on line ${firstLine})`}; expected each key once`,
  /** TAB_AS_INDENT */
  yamlTabIndent: () => "a tab indents this line; expected spaces",
  /** BAD_INDENT, of an item of a block list or map ("All mapping items must start at the same column"). */
  yamlBadIndent: () => "this item is indented differently from the items before it in its list or map; expected them all to start at the same column",
  /** Any other error: the parser's own `text` (its first line) and `code`; `content`, what the file holds. */
  yamlSyntaxOther: (text: string, code: string, content: YamlContent) => `${text} (${code}); expected ${YAML_EXPECTED[content]}`,
  ahpYamlNotMap: () => "expected a map from group code (or INDEX) to a list of [a, b, value] or to { order, matrix }",
  // A group or code of a judgements file is echoed by `quote`: its first 200 characters and the count of the rest.
  ahpYamlNotJudgement: (group: string) => `expected a judgement [a, b, value] under group ${quote(group)}`,
  ahpYamlNotGroup: (group: string) => `expected under group ${quote(group)} a list of [a, b, value] or { order: [...], matrix: [[...], ...] }`,
  ahpYamlNotSquare: (size: number, group: string) =>
    `expected a ${size} x ${size} matrix under group ${quote(group)} (one row and one column per code of "order")`,
  ahpDiagonal: (group: string, found: number, code: string) =>
    `the diagonal of the matrix of group ${quote(group)} must be 1, found ${found} for ${quote(code)}`,
  ahpNotReciprocal: (group: string, upper: number, a: string, b: string, lower: number) =>
    `group ${quote(group)}: the matrix has ${upper} for ${quote(a)} against ${quote(b)} but ${lower} the other way; expected reciprocals (${lower} should be 1/${upper})`,

  /** Where an indicator's own query is: the tree's file and line, the indicator, its `sql` column. */
  indicatorQuery: (place: string, code: string) => `${place}: indicator ${code}, column sql`,
  sqlStatements: (label: string, count: number) => `${label}: the query holds ${count === 0 ? "no statement" : `${count} statements`}; expected exactly one SELECT`,
  /** `kind`: DuckDB's name of the statement (`COPY`, `CREATE`, ...). */
  sqlNotSelect: (label: string, kind: string) => `${label}: the query is not a SELECT statement (${kind}); expected a query that only reads`,
  /** `reason`: DuckDB's own words. */
  sqlRootTooWide: (root: string, home: boolean) =>
    `a query may read files only inside the folder it runs in, here ${JSON.stringify(root)} (${home ? "the home folder" : "the whole file system"}), which fences nothing; expected it run from its data's folder (outside a project, queries read the current folder), or in a project, whose folder is the one its queries read`,
  sqlRefused: (label: string, reason: string) => `${label}: DuckDB refused the query: ${reason}`,
  /** `query`: the values come from a query (a .sql file, a tree's sql column), not from a .parquet file. */
  queryTimeLimit: (label: string, seconds: number, variable: string, query = true) =>
    `${label}: stopped after ${seconds} s, the time limit for reading the values with DuckDB; expected them read within it: ${query ? "make the query cheaper (a join without a condition multiplies the rows), or " : ""}raise the limit with ${variable}=<seconds>`,
  /** Past its memory limit (`limit` bytes), DuckDB could not make or write `folder`, where it spills (`said`: why). */
  querySpillFailed: (label: string, limit: number, folder: string, said: string) =>
    `${label}: DuckDB needed more than its ${formatBytes(limit)} of memory and could not spill the rest to its temporary folder ${folder} (${cutText(said, 300)}); expected a writable temporary folder with room: set TMPDIR to one, or make the query lighter, or run with --threads 1`,
  queryTimeLimitVariable: (variable: string, found: string, max: number) =>
    `${variable} is ${JSON.stringify(found)}; expected a number of seconds from 0.001 to ${max}, in digits (such as 7200 for two hours)`,
  /** The environment's memory limit variable holds `found`, not a size from `min` bytes up. */
  queryMemoryLimitVariable: (variable: string, found: string, min: number) =>
    `${variable} is ${JSON.stringify(found)}; expected a size of memory from ${formatBytes(min)} up, such as 8GB or 512MB (powers of 1024), or a number of bytes in digits`,
  /** A file a query reads that is not UTF-8 (a GBK export): DuckDB reads no other encoding here (no extension is loaded). */
  sqlNotUtf8: (label: string, reason: string) =>
    `${label}: DuckDB refused the query: ${reason}; expected files in UTF-8: queries read UTF-8 only (no DuckDB extension is loaded), so convert the file first (iconv -f GBK -t UTF-8), or give it as the values file itself when it holds values in a layout the tool reads (the tool's own reader reads GBK)`,
  /** A query reading a URL (`https://…`, `s3://…`), which DuckDB reads with an extension (httpfs) never loaded here. */
  sqlRemoteFile: (label: string, file: string) =>
    `${label}: the query reads ${file}, which is no file of this machine (no DuckDB extension, such as httpfs, is installed or loaded here); expected files inside the folder the query may read (the project folder; outside a project, the current folder): download the file there and read it by its path`,
  /** A query calling `name`, a function of DuckDB's `extension` (`read_xlsx`, of excel), which is never loaded here. */
  sqlExtension: (label: string, name: string, extension: string) =>
    `${label}: the query calls ${name}, a function of DuckDB's ${extension} extension, which is never installed or loaded here; expected DuckDB's own functions (read_csv, read_parquet, read_json, …)`,
  /**
   * A file DuckDB would read that is a named pipe, a socket or a device (`kind`): `file`, a file the query of `label`
   * names (relative to the folder it reads), or when undefined the values file `label` itself.
   */
  specialFile: (label: string, kind: SpecialFileKind, file?: string) =>
    `${label}: ${file === undefined ? "the values file is" : `the query reads ${file}, which is`} ${SPECIAL_FILES[kind]}; expected a regular file (DuckDB would wait on it without end, and the time limit cannot stop a read that waits)`,
  /**
   * An input file of a project run (`label`: the tree, a values file, a file an option names) that is a named pipe, a
   * socket or a device (`kind`), refused before the run hashes it.
   */
  runInputSpecialFile: (label: string, kind: SpecialFileKind) =>
    `${label}: the input file is ${SPECIAL_FILES[kind]}; expected a regular file (a project run hashes each input file before it reads it: a pipe would be emptied by the hash, or wait on it without end)`,
  /**
   * A query calling `call` (`query` or `query_table`) at `line` of its text with an argument that is no string literal
   * (a text the query builds), whose relative paths would resolve against the current folder.
   */
  sqlQueryTextBuilt: (label: string, call: string, line: number | undefined) =>
    `${label}: ${call}(…)${line === undefined ? "" : ` on line ${line}`} is given a text the query builds, not one string literal; expected one string literal with the paths written inside it, as in ${call.toLowerCase() === "query_table" ? "query_table('data/x.csv')" : "query('SELECT * FROM read_csv(''data/x.csv'')')"} (the paths of a built text would be read against the current folder, not the folder the query reads)`,
  parquetUnreadable: (label: string, reason: string) => `${label}: DuckDB cannot read the file as Parquet: ${reason}; expected a Parquet file`,
  /** A `.parquet` values file DuckDB opened but whose data it could not read part of the way (`reason`, DuckDB's words): damaged. */
  parquetDataUnreadable: (label: string, reason: string) =>
    `${label}: DuckDB could not read the Parquet file's data: ${reason}; expected a whole Parquet file (copy it again, or write it again with the program that made it)`,
  parquetLayout: (label: string, columns: readonly string[]) =>
    `${label}: columns ${listItems(columns, ", ", (count) => `and ${count} more`)}; expected unit, year, indicator, value (long) or indicator and one column a year such as 2017 (wide)`,
  parquetYearType: (label: string, column: string, type: string) => `${label}: column ${column} is ${type}; expected numbers`,
  sqlColumnMissing: (label: string, column: string, columns: readonly string[]) =>
    `${label}: the result has no column ${column} (columns: ${listItems(columns, ", ", (count) => `and ${count} more`)}); expected unit, year, indicator, value`,
  /** A column of the values query (unit, year, indicator, value, source) of type `type`, which it cannot be. */
  sqlColumnType: (label: string, column: string, type: string) => `${label}: column ${column} is ${type}; expected ${SQL_COLUMN_TYPES[column] ?? "text (VARCHAR)"}`,
  /** A column the values do not take, its name cut after 200 characters (`cutText`: a header cell may be megabytes long). */
  sqlColumnUnexpected: (label: string, column: string) => `${label}: unexpected column ${cutText(column)}; expected unit, year, indicator, value and an optional source and measure`,
  /**
   * A column the result gives more than once, `names` as written (`value` and `VALUE`; `2018` and `2018.0` in a wide
   * Parquet file); `query`: the result of a query, where `SELECT *, value + 1 AS value` keeps both columns.
   */
  sqlColumnRepeated: (label: string, column: string, names: readonly string[], query: boolean) =>
    `${label}: column ${column} is given ${names.length} times (${listItems(names, ", ", (count) => `and ${count} more`)}); expected it once${query ? ` (SELECT *, … AS ${column} keeps the old column beside the new one: write SELECT * REPLACE (… AS ${column}), or SELECT * EXCLUDE (${column}), …)` : ""}`,
  /** Rows whose year (a number, such as a date key 20170101 or an offset 0) is no four-digit year. */
  sqlBadYear: (label: string, year: string, rows: number) =>
    `${label}: year ${year} is not a year (${rows} ${rows === 1 ? "row" : "rows"}); expected a four-digit year such as 2017`,
  moreBadYears: (label: string, count: number) => `${label}: … and ${count} more numbers that are not years`,
  /** Units of a query's values whose names hold a NUL character (`chr(0)`, a Parquet string): `shown`, the first, NULs as ␀. */
  sqlNulInUnit: (label: string, count: number, shown: string) =>
    `${label}: ${count === 1 ? "1 unit's name holds" : `${count} units' names hold`} a NUL character (U+0000), the first ${quote(shown)} (␀ marks it); expected names of text without NUL characters: remove them in the query (replace(unit, chr(0), '')) or in the file it reads`,
  sqlNullRows: (label: string, count: number, column: string) =>
    `${label}: ${count} ${count === 1 ? "row has" : "rows have"} no ${column} (NULL); expected a ${column} in every row`,
  moreInfiniteValues: (label: string, count: number) => `${label}: … and ${count} more values that are infinite or NaN`,
  moreUnknownIndicators: (label: string, count: number) => `${label}: … and ${count} more codes that are not indicators of the tree`,
  duplicateRows: (label: string, unit: string, year: number, code: string, count: number) =>
    `${label}: unit ${JSON.stringify(unit)}, year ${year}, indicator ${JSON.stringify(code)} has ${count} rows; expected one value per unit, year and indicator`,
  moreDuplicateRows: (label: string) => `${label}: … and more unit-year-indicator cells with several rows`,

  /** An indicator's query (`sql` column of the tree): its `year` column missing (no `type`) or not a whole number. */
  indicatorYearColumn: (label: string, type?: string) =>
    `${label}: column year ${type === undefined ? "is missing" : `is ${type}`}; expected a whole number (INTEGER)`,
  indicatorValueColumn: (label: string, type?: string) => `${label}: column value ${type === undefined ? "is missing" : `is ${type}`}; expected a number (DOUBLE)`,
  indicatorUnitColumn: (label: string, type: string) => `${label}: column unit is ${type}; expected text (VARCHAR)`,
  indicatorColumnUnexpected: (label: string, column: string) => `${label}: unexpected column ${cutText(column)}; expected unit, year and value`,
  /** A row of an indicator's query without its `column` (year or unit). */
  indicatorNullRow: (label: string, column: "year" | "unit") => `${label}: a row has no ${column} (NULL); expected one in every row`,

  /** A path of the library's `load` given as an empty text, which would read the current folder in its place. */
  emptyPathOption: (option: "indicators" | "data") =>
    `option ${option} is an empty text; expected the path of ${option === "indicators" ? "the indicator tree (a CSV, YAML or .xlsx file)" : "the values (a CSV, .xlsx, .parquet or .sql file, or a folder of them)"}, relative to cwd or absolute`,
  /**
   * After the library's unknown option given by another name (a command line flag's, `weightYears` for
   * `--weight-years`; another word, `normalization`): the option it stands for, one of an object option
   * (`weighting.years`) written as a call gives it.
   */
  optionOtherName: (option: string) => {
    const path = option.split(".");
    return path.length === 1 ? `; did you mean ${JSON.stringify(option)}?` : `; did you mean ${option}, given as ${path.reduceRight((inner, name) => `{ ${name}: ${inner} }`, "...")}?`;
  },
});
