/**
 * What a run writes besides the index itself: the analysis tables, the Excel workbook, the HTML report, and the
 * data printed on stdout (`--format`, `--out -`). Shared by `compute` and `report`.
 */
import { Option, type Command } from "commander";
import { analyzeResult, type Analysis } from "../core/analysis/analyze.js";
import { CONTRIBUTION_DEPTHS, type ContributionDepth } from "../core/analysis/contributions.js";
import type { IndexResult } from "../core/compute.js";
import { performanceGroups } from "../core/analysis/performance-groups.js";
import { refuseUnderStrict, UsageError } from "../errors.js";
import { contributionsTable, growthTable, ranksTable } from "../io/write/analysis-tables.js";
import { REPORT_LANGUAGES, workbookSheetOf } from "../io/report/labels.js";
import { coverageTable, imputationsTable, indexTable, namesIn, scoresTable, treatmentTable, WEIGHT_DECIMALS, weightsTable, wideTable, type Language, type Table } from "../io/write/tables.js";
import { formatNumberCell, formatTableCsv } from "../io/write/to-csv.js";
import { formatIndexJson, formatIndexJsonWithoutResults } from "../io/write/to-json.js";
import { fileJob } from "../io/write/file-jobs.js";
import { contributionsCsvChunks, indexJsonFrame, indexWideCsvChunks, ranksCsvChunks } from "../io/write/result-chunks.js";
import { messages } from "../core/messages.js";
import { excelShownAs, type ExcelShown } from "../core/excel-text.js";
import { guardFormula } from "../io/csv.js";
import type { FileContent } from "../io/write/write.js";
import type { Issue } from "../errors.js";
import type { ValueRecord } from "../core/panel.js";
import type { Tree } from "../core/types.js";
import type { CliEnv } from "./env.js";
import type { ResolvedInputs } from "./options.js";
import { renderColumns, renderIndexTable } from "./render.js";
import type { TableWords } from "../core/table-words.js";
import { commandMessages } from "../core/command-messages.js";
import type { Provenance } from "../io/report/provenance.js";

/** What `compute` produces before writing: the inputs read, the result and the files (name -> content). */
export interface ComputedOutputs {
  inputs: ResolvedInputs;
  result: IndexResult;
  files: Record<string, FileContent>;
  /** What `--format` prints on stdout instead of the summary table, if anything. */
  printed?: string | Uint8Array;
  /** Every warning of the run (weighting and computation). */
  warnings: Issue[];
  /** Lines to print on stderr after the warnings (how the weights were derived). */
  notes: string[];
}

export const OUTPUT_FORMATS = ["table", "csv", "json", "xlsx"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const TABLE_NAMES = ["index", "index-wide", "scores", "growth", "contributions", "ranks", "weights", "coverage", "imputations", "treatment"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface OutputOptions {
  out: string;
  decimals: number;
  /** Also write `report.html`. */
  report?: boolean;
  /** Write `report.html` only (the `report` command). */
  reportOnly?: boolean;
  /** report.html as the static page (inline SVG, no script) instead of the interactive dashboard. */
  static?: boolean;
  /** The report's title, dashboard or static (`--title`; default: the project's `name`, else the report's word for it). */
  title?: string;
  contributions: ContributionDepth;
  /** UTF-8 byte order mark: `undefined` means on for files, off for stdout. */
  bom?: boolean;
  xlsx: boolean;
  /** Also write index.parquet, scores.parquet and growth.parquet (DuckDB). */
  parquet?: boolean;
  /** Write those three as Parquet only, without index.csv, scores.csv and growth.csv. */
  parquetOnly?: boolean;
  format?: OutputFormat;
  table?: TableName;
  lang: Language;
  /** Rows an Excel sheet may hold; index.xlsx is left out when the scores table needs more. Default 1,048,576. */
  excelMaxRows?: number;
  /** Cells index.xlsx may hold in all; it is left out above. Default `XLSX_CELL_LIMIT` (2,000,000). */
  excelMaxCells?: number;
  /** `--strict`: an output's warning (index.xlsx left out, a text cut to fit a cell) is an error, before any file is written. */
  strict?: boolean;
  /** In a project: its `name` and `description` (index.yaml), for the report's title and the line under it. */
  projectName?: string;
  projectDescription?: string;
  /** The words of the table `--format table` prints, in the terminal's language (`CliEnv.words`). Default English. */
  words?: TableWords;
}

/** Adds the output options (everything but `--out` and `--decimals`). */
export function addOutputOptions(command: Command, withReportSwitch = true): Command {
  if (withReportSwitch) command.option("--report", "also write report.html (an interactive dashboard in one self-contained file)", false);
  return command
    .option("--static", "report.html as the static page (SVG charts, no script) instead of the dashboard", false)
    .option("--title <text>", "title of report.html (default: the project's name)")
    .addOption(new Option("--contributions <depth>", "how deep contributions.csv goes").choices(CONTRIBUTION_DEPTHS).default("dimensions"))
    .option("--bom", "start CSV files with a UTF-8 byte order mark for Excel (default: on for files, off on stdout)")
    .option("--no-bom", "write CSV without the byte order mark")
    .option("--xlsx", "also write index.xlsx, every table in one Excel workbook (loads ExcelJS: slower start)", false)
    .option("--parquet", "also write index.parquet, scores.parquet and growth.parquet (typed, compressed; loads DuckDB)", false)
    .option("--parquet-only", "index, scores and growth in .parquet, not .csv (the other CSV files stay); index.json names them", false)
    // The default (no --format, files written) is printIndexSummary's table of the first SUMMARY_UNITS (20) units (render.ts).
    .addOption(new Option("--format <format>", "print on stdout: table (every unit; default: the first 20 units), csv, json or xlsx (csv with --out -)").choices(OUTPUT_FORMATS))
    .addOption(new Option("--table <name>", "the table --format prints (default: index; json: all of index.json)").choices(TABLE_NAMES))
    .addOption(new Option("--lang <language>", "language of the report's labels and names").choices(REPORT_LANGUAGES).default("zh"));
}

/**
 * Warnings (`W_OPTION_UNUSED`) for output options that would do nothing: `--static` without a report.html, and with
 * `--out -` (no file written) `--report`, `--xlsx`, `--parquet` and `--parquet-only`.
 */
export function unusedOutputOptions(options: OutputOptions): Issue[] {
  const warnings: Issue[] = [];
  const unused = (message: string) => warnings.push({ code: "W_OPTION_UNUSED", message });
  const toStdout = options.out === "-";
  if (toStdout) {
    if (options.report) unused(messages.optionUnusedOnStdout("--report"));
    if (options.xlsx) unused(messages.optionUnusedOnStdout("--xlsx"));
    if (options.parquet) unused(messages.optionUnusedOnStdout("--parquet"));
    if (options.parquetOnly) unused(messages.optionUnusedOnStdout("--parquet-only"));
    if (options.static) unused(messages.optionUnusedOnStdout("--static"));
  } else if (options.static && !options.report && !options.reportOnly) unused(messages.staticWithoutReport());
  return warnings;
}

/** The tables of a run, by name, in workbook order (ranks only with several units). */
export function runTables(result: IndexResult, analysis: Analysis, depth: ContributionDepth): Map<TableName, Table> {
  return new Map([...lazyRunTables(result, analysis, depth)].map(([name, table]) => [name, table()]));
}

/** Each table of a run as a function that builds it, so a run builds only the tables it writes. */
function lazyRunTables(result: IndexResult, analysis: Analysis, depth: ContributionDepth): Map<TableName, () => Table> {
  const tables = new Map<TableName, () => Table>([
    ["index", () => indexTable(result)],
    ["index-wide", () => wideTable(result)],
    ["scores", () => scoresTable(result)],
    ["growth", () => growthTable(result, analysis)],
    ["contributions", () => contributionsTable(result, analysis, depth)],
  ]);
  if (analysis.ranks) tables.set("ranks", () => ranksTable(result, analysis)!);
  tables.set("weights", () => weightsTable(result));
  tables.set("coverage", () => coverageTable(result));
  tables.set("imputations", () => imputationsTable(result));
  tables.set("treatment", () => treatmentTable(result));
  return tables;
}

/** Rows of an Excel worksheet, header included (Excel 2007 and later). */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Cells above which index.xlsx is left out: ExcelJS holds the whole workbook in memory (about 300 bytes a cell) and
 * Excel takes minutes to open such a file, while the CSV files hold every table whatever its size.
 */
export const XLSX_CELL_LIMIT = 2_000_000;

/** The cells of the workbook's sheets, counted from the result's shape without building them. */
function workbookCells(result: IndexResult, analysis: Analysis, depth: ContributionDepth): number {
  const units = result.units.length;
  const years = result.years.length;
  const nodes = result.nodes.length;
  const indicators = result.nodes.filter((node) => node.kind === "indicator").length;
  const aggregates = nodes - indicators;
  const top = result.nodes.filter((node) => node.level <= 1).length;
  return (
    units * years * aggregates * 6 + // index
    units * aggregates * (3 + (units > 1 ? 1 : 0) + years) + // index-wide
    units * years * indicators * 6 + // scores
    units * nodes * Math.max(0, years - 1) * 10 + // growth
    units * analysis.contributions.length * (depth === "indicators" ? nodes : top) * 12 + // contributions
    (units > 1 ? aggregates * years * units * 8 : 0) + // ranks
    (nodes - 1) * 5 + // weights
    indicators * 7 // coverage
  );
}

export interface RunOutputs {
  analysis: Analysis;
  /** Files to write into `--out` (name -> content, large ones as byte chunks or jobs), none with `--out -`. */
  files: Record<string, FileContent>;
  /** What goes to stdout instead of the terminal summary, if anything. */
  printed?: string | Uint8Array;
  /** Outputs left out, and why (an index.xlsx that Excel could not open). */
  warnings: Issue[];
}

/** What the dashboard needs beyond the result: the tree, the values as read (their `source`), the project's words. */
export interface ReportContext {
  tree?: Tree;
  records?: readonly ValueRecord[];
  /** The project's `name` and `description`. */
  name?: string;
  description?: string;
  /** The folder of an uncertainty analysis (its uncertainty.csv) to show, and how messages name it. */
  uncertainty?: { dir: string; label: string };
  /** Audit the index and show it in the dashboard's `#audit` (`report --audit`). */
  audit?: boolean;
  /** The run is on the shipped Changzhou example: report.html and index.xlsx say so, as the terminal does. */
  example?: boolean;
}

/** Builds every output of a run. Heavy libraries (ExcelJS, ECharts) are loaded only when a run asks for them. */
export async function buildOutputs(result: IndexResult, options: OutputOptions, context: ReportContext = {}): Promise<RunOutputs> {
  const analysis = analyzeResult(result, { contributions: options.contributions });
  const lazy = lazyRunTables(result, analysis, options.contributions);
  const built = new Map<TableName, Table>();
  const table = (name: TableName) => {
    if (!built.has(name)) built.set(name, lazy.get(name)!());
    return built.get(name)!;
  };
  const tables = () => new Map([...lazy.keys()].map((name) => [name, table(name)]));
  const toStdout = options.out === "-";
  const format = options.format ?? (toStdout ? "csv" : undefined);
  if (options.table && (format === undefined || format === "xlsx"))
    throw new UsageError("E_USAGE", commandMessages.tableNeedsFormat(options.table));
  if (options.table === "ranks" && !lazy.has("ranks"))
    throw new UsageError("E_USAGE", commandMessages.ranksOfOneUnit());

  const files: RunOutputs["files"] = {};
  const warnings: Issue[] = [];
  // The scores table has a row per unit, year and indicator: beyond Excel's sheet size no workbook can hold it.
  const scoreRows = result.units.length * result.years.length * result.nodes.filter((node) => node.kind === "indicator").length;
  const maxRows = options.excelMaxRows ?? EXCEL_MAX_ROWS;
  const maxCells = options.excelMaxCells ?? XLSX_CELL_LIMIT;
  const cells = workbookCells(result, analysis, options.contributions);
  const xlsx = options.xlsx && scoreRows + 1 <= maxRows && cells <= maxCells;
  if (options.xlsx && !xlsx && !toStdout && !options.reportOnly)
    warnings.push(
      scoreRows + 1 > maxRows
        ? { code: "W_XLSX_TOO_LARGE", message: messages.workbookTooLarge(scoreRows, maxRows) }
        : { code: "W_XLSX_TOO_LARGE", message: messages.workbookTooManyCells(cells, maxCells) },
    );
  // Under --strict, before the work of the other outputs.
  refuseUnderStrict(options.strict, warnings);
  // How many values are illustrative (the values' source column), said by report.html and index.xlsx; counted only for them.
  const provenance = async () => (await import("../io/report/provenance.js")).valueProvenance(result, context.records, context.example);
  if (!toStdout) {
    if (options.report || options.reportOnly) files["report.html"] = await reportHtml(result, analysis, options, table, context, await provenance());
    if (!options.reportOnly) {
      const csvOptions = { decimals: options.decimals, bom: options.bom ?? true };
      // The tables that grow with the panel are streamed (same bytes as formatTableCsv); the others are small.
      // The largest are jobs, which may run on worker threads (see writeFilesAtomic).
      const streamed: Partial<Record<TableName, () => FileContent>> = {
        index: () => fileJob("index.csv", result, csvOptions),
        "index-wide": () => indexWideCsvChunks(result, csvOptions),
        scores: () => fileJob("scores.csv", result, csvOptions),
        growth: () => fileJob("growth.csv", result, csvOptions),
        contributions: () => contributionsCsvChunks(result, analysis, options.contributions, csvOptions),
        ranks: () => ranksCsvChunks(result, analysis, csvOptions),
      };
      for (const name of ["index", "index-wide", "scores", "growth", "contributions", "ranks", "weights", "coverage", "imputations", "treatment"] as const)
        if (lazy.has(name))
          files[`${name}.csv`] =
            streamed[name]?.() ?? formatTableCsv(table(name), name === "weights" ? { ...csvOptions, decimals: Math.max(options.decimals, WEIGHT_DECIMALS) } : csvOptions);
      if (options.parquet || options.parquetOnly) {
        const { parquetFileJobs } = await import("../io/write/to-parquet.js");
        Object.assign(files, parquetFileJobs(result));
        if (options.parquetOnly) for (const name of ["index.csv", "scores.csv", "growth.csv"]) delete files[name];
      }
      if (result.options.performanceGroups) files["groups.csv"] = formatTableCsv(performanceTable(result), csvOptions);
      if (result.options.screen) files["screened.csv"] = formatTableCsv(screenedTable(result), csvOptions);
      // With --parquet-only the values are in index.parquet and scores.parquet: index.json names them (`resultsIn`).
      files["index.json"] = options.parquetOnly ? formatIndexJsonWithoutResults(result) : fileJob("index.json", result, csvOptions, indexJsonFrame(result));
      if (xlsx) files["index.xlsx"] = await workbook(tables(), options.decimals, options.lang, warnings, result, await provenance());
    }
  }

  let printed: string | Uint8Array | undefined;
  const chosen = () => table(options.table ?? "index");
  switch (format) {
    case undefined:
      break;
    case "table":
      printed = options.table ? renderTable(chosen(), options.decimals) : renderIndexTable(result, 2, options.words);
      break;
    case "csv":
      printed = formatTableCsv(chosen(), { decimals: options.decimals, bom: options.bom ?? false });
      break;
    case "json":
      printed = options.table ? JSON.stringify(tableObjects(chosen()), null, 2) + "\n" : formatIndexJson(result);
      break;
    case "xlsx":
      printed = await workbook(tables(), options.decimals, options.lang, warnings, result, await provenance());
      break;
    default: {
      const unknown: never = format;
      throw new UsageError("E_USAGE", commandMessages.unknownFormat(String(unknown)));
    }
  }
  // A text cut to fit a workbook cell, found as the workbook was made.
  refuseUnderStrict(options.strict, warnings);
  // Codes and unit names Excel shows otherwise when it opens the CSV files (1.10 as 1.1, 2-3 as a date): advice on
  // how to see them, not a fault of the run, so never an error under --strict.
  if (Object.keys(files).some((name) => name.endsWith(".csv")) || format === "csv") {
    const shownOtherwise = csvTextsShownOtherwise(result);
    if (shownOtherwise.length > 0)
      warnings.push({
        code: "W_CSV_SHOWN_OTHERWISE",
        message: messages.csvTextsShownOtherwise(shownOtherwise.slice(0, SHOWN_OTHERWISE_LISTED), shownOtherwise.length, "index.xlsx" in files),
      });
  }
  return { analysis, files, printed, warnings };
}

/** How many of the texts Excel shows otherwise a warning names. */
const SHOWN_OTHERWISE_LISTED = 5;

/**
 * The indicator and group codes and the unit names of `result` that Excel, opening a CSV file, shows otherwise than as
 * written (`excelShownAs`), in the tree's order then the units'; a text the formula guard writes with a leading `'`
 * (`+86`) is shown as written.
 */
export function csvTextsShownOtherwise(result: IndexResult): { text: string; shown: ExcelShown }[] {
  const found: { text: string; shown: ExcelShown }[] = [];
  for (const text of new Set([...result.nodes.map((node) => node.code), ...result.units])) {
    const shown = guardFormula(text) === text ? excelShownAs(text) : undefined;
    if (shown) found.push({ text, shown });
  }
  return found;
}

/** `groups.csv`: each unit's overall index relative to the reference, and its performance group, year by year. */
export function performanceTable(result: IndexResult): Table {
  const referenceUnit = result.options.referenceUnit === undefined ? undefined : result.units.indexOf(result.options.referenceUnit);
  const rows = performanceGroups(result, { referenceUnit, thresholds: result.options.performanceGroups });
  return {
    name: "groups",
    columns: [
      { name: "unit", kind: "text" },
      { name: "year", kind: "integer" },
      { name: "index", kind: "number" },
      { name: result.options.referenceUnit === undefined ? "reference_average" : `reference_${result.options.referenceUnit}`, kind: "number" },
      { name: "relative_percent", kind: "number" },
      { name: "group", kind: "text" },
    ],
    rows: rows.map((row) => [row.unit, row.year, row.value, row.reference, row.relative, row.group ?? ""]),
  };
}

/** `screened.csv`: the units (or unit-years) screening left out, with the coverage that failed. */
export function screenedTable(result: IndexResult): Table {
  return {
    name: "screened",
    columns: [
      { name: "unit", kind: "text" },
      { name: "year", kind: "text" },
      { name: "coverage", kind: "number" },
      { name: "lowest_group", kind: "text" },
      { name: "lowest_group_coverage", kind: "number" },
      { name: "threshold", kind: "number" },
    ],
    rows: result.screened.map((row) => [row.unit, row.year === undefined ? "" : String(row.year), row.coverage, row.group, row.groupCoverage, result.options.screen!.threshold]),
  };
}

/** Sends printed output to stdout (bytes as bytes). */
export function printOutput(printed: string | Uint8Array, env: CliEnv): void {
  if (typeof printed === "string") env.stdout(printed);
  else if (env.stdoutBytes) env.stdoutBytes(printed);
  else throw new UsageError("E_USAGE", commandMessages.xlsxNeedsBytes());
}

/** Tables that get a sheet only when they have rows. */
const SHEETS_WHEN_PRESENT: ReadonlySet<TableName> = new Set(["imputations", "treatment"]);

/**
 * The workbook of the tables, its sheet names and headers in `language` (`workbookSheetOf`); a text cut to fit an
 * Excel cell adds a warning to `warnings`. When some values are illustrative, a first sheet (说明 / notes) says so.
 */
async function workbook(tables: Map<TableName, Table>, decimals: number, language: Language, warnings: Issue[], result: IndexResult, provenance?: Provenance): Promise<Uint8Array> {
  const [{ formatXlsx }, { provenanceTable }] = await Promise.all([import("../io/write/to-xlsx.js"), import("../io/report/provenance.js")]);
  const notes = provenanceTable(provenance, language ?? "zh");
  const sheets = [...tables]
    .filter(([name, table]) => !SHEETS_WHEN_PRESENT.has(name) || table.rows.length > 0)
    .map(([, table]) => namesIn(table, result.nodes, language ?? "zh"));
  if (notes) sheets.unshift(notes);
  // With --performance-groups, groups.csv's table is the last sheet (绩效分组).
  if (result.options.performanceGroups) sheets.push(performanceTable(result));
  return formatXlsx(
    sheets.map((table) => workbookSheetOf(table, language ?? "zh")),
    { decimals, onWarning: (warning) => warnings.push(warning) },
  );
}

async function reportHtml(
  result: IndexResult,
  analysis: Analysis,
  options: OutputOptions,
  table: (name: TableName) => Table,
  context: ReportContext,
  provenance: Provenance,
): Promise<string> {
  if (!options.static && context.tree) {
    const { buildDashboardData } = await import("../io/report/dashboard/data.js");
    const { formatDashboardHtml } = await import("../io/report/dashboard/to-dashboard.js");
    const title = options.title ?? context.name;
    const uncertainty = context.uncertainty
      ? await (await import("../io/report/dashboard/uncertainty.js")).readUncertainty(context.uncertainty.dir, context.uncertainty.label, result.units, result.years)
      : undefined;
    const audit = context.audit ? await auditForDashboard(result, context.tree) : undefined;
    const extras = { title, description: context.description, records: context.records, uncertainty, audit, provenance };
    const data = buildDashboardData(result, context.tree, options.lang, Math.min(options.decimals, 2), extras);
    return formatDashboardHtml(data);
  }
  const { formatReportHtml } = await import("../io/report/to-html.js");
  const { dataStageAppendix } = await import("../io/report/appendix.js");
  return formatReportHtml(result, analysis, {
    title: options.title ?? options.projectName,
    description: options.projectDescription,
    language: options.lang,
    decimals: Math.min(options.decimals, 2),
    appendix: dataStageAppendix(result, options.lang, table),
    provenance,
  });
}

/** The audit of `result` (pooled), as the dashboard's `#audit` shows it; the audit's code loads only for it. */
async function auditForDashboard(result: IndexResult, tree: Tree) {
  const [{ auditIndex }, { dashboardAudit }] = await Promise.all([import("../core/audit/audit.js"), import("../io/report/dashboard/audit.js")]);
  const children = new Map<string, readonly string[]>([["INDEX", tree.roots]]);
  for (const node of tree.nodes) if (node.kind === "group") children.set(node.code, node.children);
  return dashboardAudit(auditIndex(result), children);
}

/** A table as aligned terminal columns. */
function renderTable(table: Table, decimals: number): string {
  const rows = table.rows.map((row) =>
    row.map((cell, i) => (typeof cell === "string" ? cell : formatNumberCell(cell, table.columns[i], decimals))),
  );
  const textColumns = table.columns.findIndex((column) => column.kind !== "text");
  return renderColumns([table.columns.map((column) => column.name), ...rows], textColumns < 0 ? table.columns.length : textColumns) + "\n";
}

/** A table as JSON objects keyed by column name, numbers unrounded, `null` where missing. */
function tableObjects(table: Table): Record<string, string | number | null>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, i) => [column.name, typeof row[i] === "number" && !Number.isFinite(row[i]) ? null : row[i]])),
  );
}
