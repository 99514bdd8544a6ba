/**
 * `import-coinr`: turn COINr's `iData` and `iMeta` tables (CSV or .xlsx, as written from R with `write.csv`, or with
 * `write.csv2`: `;`-separated, decimal commas) into an indicator tree (`tree.csv`, its numbers written plainly, its
 * `INDEX` row naming COINr's index) and long values (`values.csv`) that every other command reads. What has no place in
 * them (uName, Group, Denominator and Other columns) is named on standard error.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { append } from "../../core/arrays.js";
import { DECIMAL_MARKS, type DecimalMark } from "../../core/number.js";
import { buildTree } from "../../core/tree.js";
import { OutputError, UsageError, ValidationError, type Issue } from "../../errors.js";
import { formatCsv } from "../../io/csv.js";
import { coinrColumnNames, coinrMissingColumns, parseCoinrData, parseCoinrMeta, treeRowsTable } from "../../io/read/coinr.js";
import { readTable } from "../../io/read/load.js";
import { parseEncoding } from "../../io/read/read-text.js";
import { UTF8_BOM } from "../../io/write/to-csv.js";
import { writeFilesAtomic } from "../../io/write/write.js";
import type { CliEnv } from "../env.js";
import { exists, parseYears } from "./template.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { commandMessages } from "../../core/command-messages.js";

export interface ImportCoinrOptions {
  data: string;
  meta: string;
  out: string;
  year?: number[];
  force: boolean;
  encoding?: string;
  decimal?: DecimalMark;
}

/** The files `import-coinr` writes in `--out`. */
export const COINR_OUTPUTS = ["tree.csv", "values.csv"] as const;

export function registerImportCoinr(program: Command, env: CliEnv): void {
  program
    .command("import-coinr")
    .description("turn COINr's iData and iMeta tables into an indicator tree (tree.csv) and values (values.csv)")
    .requiredOption("--data <file>", "COINr iData: one row per unit (uCode) and year (Time), one column per indicator (CSV or .xlsx)")
    .requiredOption("--meta <file>", "COINr iMeta: iCode, iName, Level, Parent, Direction, Weight, Type (CSV or .xlsx)")
    .requiredOption("-o, --out <dir>", "folder to write tree.csv and values.csv in")
    .option("--year <year>", "the year of an iData without a Time column", parseYears)
    .option("--force", "overwrite tree.csv and values.csv if they exist", false)
    .option("--encoding <name>", "encoding of CSV inputs (default: auto)")
    .addOption(
      new Option("--decimal <mark>", 'decimal mark: "," or "." (default: "," in a semicolon-separated file, else ".")').choices(
        DECIMAL_MARKS,
      ),
    )
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index import-coinr --data iData.csv --meta iMeta.csv --out asem
  $ innovation-index compute -i asem/tree.csv -d asem/values.csv --normalise min-max --missing reweight`,
    )
    .action(async (options: ImportCoinrOptions) => runImportCoinr(options, env));
}

/** Runs `import-coinr`: read both tables, check the tree and the values together, write both files. */
export async function runImportCoinr(options: ImportCoinrOptions, env: CliEnv): Promise<void> {
  const encoding = options.encoding === undefined ? undefined : parseEncoding(options.encoding);
  if (options.encoding !== undefined && !encoding) throw new UsageError("E_USAGE", commandMessages.encodingOption(options.encoding));
  if (options.year && options.year.length !== 1) throw new UsageError("E_USAGE", commandMessages.importOneYear(options.year));
  const dir = resolve(env.cwd, options.out);
  if (!options.force)
    for (const name of COINR_OUTPUTS)
      if (await exists(resolve(dir, name))) throw new OutputError("E_EXISTS", commandMessages.importExists(`${options.out}/${name}`));

  const [meta, data] = await Promise.all([
    readTable(resolve(env.cwd, options.meta), options.meta, { encoding }),
    readTable(resolve(env.cwd, options.data), options.data, { encoding }),
  ]);
  // Rows and columns an iMeta or iData workbook hides are read, and imported, like the others: said at once (W_XLSX_HIDDEN).
  printWarnings([meta, data].flatMap((read) => (read.hidden ? [read.hidden.warning] : [])), env);
  // --year beside a Time column: which of the two gives the year is not guessed.
  if (options.year && data.table.header.some((name) => name.trim() === "Time")) throw new UsageError("E_USAGE", commandMessages.importYearAndTime(data.source));
  const issues: Issue[] = [];
  const parsed = parseCoinrMeta(meta.table, meta.source, { decimal: options.decimal });
  // Missing columns stop here; a row of an unknown Type does not hide the other problems (the rows as read are checked).
  if (!parsed.ok && !parsed.partial) throw new ValidationError(parsed.issues);
  if (!parsed.ok) append(issues, parsed.issues);
  const coinrMeta = parsed.ok ? parsed.value : parsed.partial!;
  const rows = coinrMeta.rows;
  const tree = buildTree(rows, meta.source, coinrColumnNames(meta.table));
  if (!tree.ok) append(issues, tree.issues);
  const indicators = new Set(rows.filter((row) => !rows.some((other) => other.parent === row.code)).map((row) => row.code));

  const read = parseCoinrData(data.table, data.source, { indicators, types: coinrMeta.types, meta: meta.source, year: options.year?.[0], decimal: options.decimal });
  if (!read.ok) append(issues, read.issues);
  const values = read.ok ? read.value : read.partial;
  // Every iMeta row but an Aggregate's names a column of the iData, as COINr's new_coin requires: a Group, Denominator
  // or Other row without one is refused whatever else the iData lacks; an indicator without one, once its values are read.
  const noColumn = coinrMissingColumns(coinrMeta, data.table.header, meta.source, data.source);
  if (values) {
    const found = new Set(values.values.map((record) => record.indicator));
    for (const code of indicators)
      if (!found.has(code) && !data.table.header.some((name) => name.trim() === code)) {
        const row = rows.find((candidate) => candidate.code === code);
        noColumn.push({ code: "E_NO_VALUES", message: commandMessages.importNoColumn(code), source: meta.source, line: row?.line, id: code });
      }
  }
  // In the iMeta's order (a row without a line, none in practice, last).
  append(issues, noColumn.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)));
  if (issues.length > 0 || !read.ok) throw new ValidationError(issues);

  const valueRows = [
    ["unit", "year", "indicator", "value"],
    ...read.value.values.map((record) => [record.unit, String(record.year), record.indicator, Number.isNaN(record.value) ? "" : String(record.value)]),
  ];
  // With a UTF-8 byte order mark, as every CSV file the tool writes into a folder, for Excel on Chinese Windows.
  const treeTable = treeRowsTable(rows, coinrMeta.index);
  await writeFilesAtomic(dir, { "tree.csv": UTF8_BOM + formatCsv(treeTable), "values.csv": UTF8_BOM + formatCsv(valueRows) }, options.out, 1, folderWarnings(env));
  const { unitNames, notImported } = read.value;
  if (unitNames || notImported.length > 0) env.stderr(commandMessages.importNotImported(unitNames, notImported));
  const units = new Set(read.value.values.map((record) => record.unit)).size;
  const years = new Set(read.value.values.map((record) => record.year)).size;
  env.stderr(commandMessages.importWrote(options.out, rows.length, indicators.size, units, years));
}
