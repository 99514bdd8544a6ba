/**
 * `import-coinr`: turn COINr's `iData` and `iMeta` tables (CSV or .xlsx, as written from R with `write.csv`) into an
 * indicator tree (`tree.csv`) and long values (`values.csv`) that every other command reads.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { append } from "../../core/arrays.js";
import { buildTree } from "../../core/tree.js";
import { OutputError, UsageError, ValidationError, type Issue } from "../../errors.js";
import { formatCsv } from "../../io/csv.js";
import { coinrColumnNames, parseCoinrMeta, treeRowsTable } from "../../io/read/coinr.js";
import { LONG_COLUMNS, parseDataTable } from "../../io/read/data-csv.js";
import { findColumns } from "../../io/read/columns.js";
import { readTable } from "../../io/read/load.js";
import { parseEncoding } from "../../io/read/read-text.js";
import { UTF8_BOM } from "../../io/write/to-csv.js";
import { writeFilesAtomic } from "../../io/write/write.js";
import type { CliEnv } from "../env.js";
import { exists, parseYears } from "./template.js";
import { commandMessages } from "../../core/command-messages.js";

export interface ImportCoinrOptions {
  data: string;
  meta: string;
  out: string;
  year?: number[];
  force: boolean;
  encoding?: string;
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
  const issues: Issue[] = [];
  const parsed = parseCoinrMeta(meta.table, meta.source);
  // Missing columns stop here; a row of an unknown Type does not hide the other problems (the rows as read are checked).
  if (!parsed.ok && !parsed.partial) throw new ValidationError(parsed.issues);
  if (!parsed.ok) append(issues, parsed.issues);
  const rows = { value: parsed.ok ? parsed.value : parsed.partial! };
  const tree = buildTree(rows.value, meta.source, coinrColumnNames(meta.table));
  if (!tree.ok) append(issues, tree.issues);
  const indicators = new Set(rows.value.filter((row) => !rows.value.some((other) => other.parent === row.code)).map((row) => row.code));

  // An iData of one year may have no Time column: --year gives it one.
  let table = data.table;
  if (findColumns(table.header, LONG_COLUMNS).year < 0) {
    if (!options.year) {
      issues.push({ code: "E_MISSING_COLUMN", message: commandMessages.importNoTime(), source: data.source, line: table.headerLine });
      throw new ValidationError(issues);
    }
    const year = String(options.year[0]);
    table = { ...table, header: [...table.header, "Time"], rows: table.rows.map((row) => ({ ...row, cells: [...row.cells, year] })) };
  }
  const values = parseDataTable(table, data.source, { indicators });
  if (!values.ok) append(issues, values.issues);
  else {
    const found = new Set(values.value.map((record) => record.indicator));
    for (const code of indicators)
      if (!found.has(code)) {
        const row = rows.value.find((candidate) => candidate.code === code);
        issues.push({ code: "E_NO_VALUES", message: commandMessages.importNoColumn(code), source: meta.source, line: row?.line, id: code });
      }
  }
  if (issues.length > 0 || !values.ok) throw new ValidationError(issues);

  const valueRows = [
    ["unit", "year", "indicator", "value"],
    ...values.value.map((record) => [record.unit, String(record.year), record.indicator, Number.isNaN(record.value) ? "" : String(record.value)]),
  ];
  // With a UTF-8 byte order mark, as every CSV file the tool writes into a folder, for Excel on Chinese Windows.
  await writeFilesAtomic(dir, { "tree.csv": UTF8_BOM + formatCsv(treeRowsTable(rows.value)), "values.csv": UTF8_BOM + formatCsv(valueRows) }, options.out);
  const units = new Set(values.value.map((record) => record.unit)).size;
  const years = new Set(values.value.map((record) => record.year)).size;
  env.stderr(commandMessages.importWrote(options.out, rows.value.length, indicators.size, units, years));
}
