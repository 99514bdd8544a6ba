/**
 * `audit`: the statistical audit of the index as the JRC audits composite indices (COINr's get_stats, get_corr,
 * get_corr_flags, get_cronbach, get_PCA, effective weights, remove_elements, get_str_weak), on the result `compute`
 * computes with the same options and project file. Writes statistics.csv, correlations.csv, cronbach.csv, pca.csv,
 * importance.csv, sensitivity-drop.csv, sensitivity-drop-ranks.csv and profiles.csv to --out (and audit.xlsx with
 * --xlsx, audit.html with --report); prints the flags and the alpha of each first-level dimension.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { resolve } from "node:path";
import { DEFAULT_AUDIT_THRESHOLDS, type Audit, type AuditThresholds } from "../../core/audit/audit.js";
import type { DropSensitivity } from "../../core/audit/drop.js";
import type { Profiles } from "../../core/audit/profiles.js";
import { auditMessages } from "../../core/audit/messages.js";
import { didYouMean } from "../../core/suggest.js";
import { tableWords, type TableWords } from "../../core/table-words.js";
import { UsageError, type Issue } from "../../errors.js";
import type { IndexResult } from "../../core/compute.js";
import type { Panel } from "../../core/panel.js";
import type { Provenance } from "../../io/report/provenance.js";
import type { Tree } from "../../core/types.js";
import type { WeightMethod } from "../../core/weighting/derive.js";
import { computeFromOptions } from "./compute.js";
import { fill, REPORT_LANGUAGES, workbookSheetOf } from "../../io/report/labels.js";
import type { Language, Table } from "../../io/write/tables.js";
import { formatValue } from "../../io/write/to-csv.js";
import { refuseRunFolder, writeFilesAtomic, type FileContent } from "../../io/write/write.js";
import { outputMessages } from "../../core/output-messages.js";
import { addDataOptions, describeDataStage, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, addScreenOptions, type MethodCommandOptions } from "../method-options.js";
import type { ScreenScope } from "../../core/screen.js";
import { addPresetOptions, applyPreset, explainPreset } from "../presets.js";
import { addInputOptions, integerOption, yearOption, type InputOptions } from "../options.js";
import { applyProject } from "../project-options.js";
import { printable } from "../printable.js";
import { renderColumns } from "../render.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { addWeightingOptions, addWeightsOption, describeWeighting, type WeightingCliOptions } from "../weighting-options.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

export interface AuditCommandOptions extends InputOptions, MethodCommandOptions, DataOptions, WeightingCliOptions, Partial<Omit<AuditThresholds, "skewness">> {
  weights: WeightMethod;
  /** `--skew`: the skewness threshold. */
  skew?: number;
  baseYear?: number;
  strict: boolean;
  /** `--screen`, `--screen-by`: units left out before the index is computed, as in `compute`. */
  screen?: number;
  screenBy?: ScreenScope;
  out: string;
  decimals: number;
  /** Also write audit.xlsx (every table) and audit.html (charts and tables). */
  xlsx: boolean;
  report: boolean;
  lang: Language;
  /** `--drop-ranks`: the years of sensitivity-drop-ranks.csv, the last (default) or every one. */
  dropRanks: UnitYears;
  /** `--profiles`: the years of profiles.csv, the last (default) or every one. */
  profiles: UnitYears;
  /** `--profile-unit`: the unit whose profile audit.html shows (default: the first unit). */
  profileUnit?: string;
  quiet: boolean;
  /** A project's `name`: audit.html is titled with it, as report.html is (none: the page's plain title). */
  projectName?: string;
}

/** The years of the tables with a row per unit: the last one, or every one. */
export const UNIT_YEARS = ["last", "all"] as const;
export type UnitYears = (typeof UNIT_YEARS)[number];

/** What the tables of the audit are made from. */
export interface AuditContext {
  tree: Tree;
  panel: Panel;
  result: IndexResult;
  audit: Audit;
  /** Each element dropped in turn (`computeDropSensitivity`), ranks kept for the years of `--drop-ranks`. */
  drop: DropSensitivity;
  /** Strengths and weaknesses (`computeProfiles`) of the years of `--profiles`. */
  profiles: Profiles;
  options: AuditCommandOptions;
  /**
   * How many of the audited values are illustrative (the values' `source` column), and whether they are the shipped
   * example: audit.html and audit.xlsx say it near their top, as report.html and index.xlsx do. Default: nothing said.
   */
  provenance?: Provenance;
}

/**
 * The tables the audit writes, in file and workbook order: each becomes `<name>.csv`, a sheet of audit.xlsx and a
 * table of audit.html's appendix. Further analyses add an entry here (a name and how to build its table).
 */
export const AUDIT_TABLES: readonly { name: string; build: (context: AuditContext) => Table | Promise<Table> }[] = [
  { name: "statistics", build: async ({ audit }) => (await import("../../io/write/audit-csv.js")).statisticsTable(audit) },
  { name: "correlations", build: async ({ audit }) => (await import("../../io/write/audit-csv.js")).correlationsTable(audit) },
  { name: "cronbach", build: async ({ audit }) => (await import("../../io/write/audit-csv.js")).cronbachTable(audit) },
  { name: "pca", build: async ({ audit }) => (await import("../../io/write/audit-csv.js")).pcaTable(audit) },
  { name: "importance", build: async ({ audit }) => (await import("../../io/write/audit-csv.js")).importanceTable(audit) },
  { name: "sensitivity-drop", build: async ({ drop }) => (await import("../../io/write/audit-csv.js")).dropSummaryTable(drop) },
  { name: "sensitivity-drop-ranks", build: async ({ drop }) => (await import("../../io/write/audit-csv.js")).dropRanksTable(drop) },
  { name: "profiles", build: async ({ result, profiles }) => (await import("../../io/write/audit-csv.js")).profilesTable(result, profiles) },
];

/** Parses a threshold: a number from `min` to `max`, for commander. */
function thresholdOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max)
      throw new InvalidArgumentError(commandMessages.numberOption(name, min, max, text));
    return value;
  };
}

export function registerAudit(program: Command, env: CliEnv): void {
  const command = program
    .command("audit")
    .description("statistical audit of the index: indicator statistics, correlations, Cronbach's alpha, PCA, effective weights")
    .addHelpText(
      "after",
      `
The audit runs on the index compute computes with the same options and project file (index.yaml), for every year and
for all unit-years pooled (period "all"). Outputs in --out: statistics.csv (raw values: n, coverage, mean, sd, min, max,
skewness, kurtosis, outliers, flags), correlations.csv (siblings, each node with its parent and the index: Pearson and
Spearman over pairwise-complete unit-years), cronbach.csv, pca.csv, importance.csv (nominal weights beside r² and the
correlation ratio, normalised within siblings), sensitivity-drop.csv (each indicator and group dropped in turn: mean
and largest rank shift per year), sensitivity-drop-ranks.csv (each unit's rank without each element; years: --drop-ranks),
profiles.csv (each unit's strengths and weaknesses; years: --profiles). A statistic that cannot be computed (too few
observations, no spread) is an empty cell with a note. See docs/guides/audit.md and docs/guides/robustness.md.

Examples:
  $ innovation-index audit --out audit/
  $ innovation-index audit -i tree.csv -d values.csv --normalise min-max --missing reweight --report --xlsx
  $ innovation-index audit -i tree.csv -d values.csv --collinear 0.95 --weak-parent 0.2
  $ innovation-index audit --report --profile-unit 常州高新区 --drop-ranks all`,
    );
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", yearOption("--base-year"))
    .option("--strict", "treat warnings as errors (W_ codes become E_)", false);
  const defaults = DEFAULT_AUDIT_THRESHOLDS;
  addWeightingOptions(addDataOptions(addScreenOptions(addWeightsOption(command))))
    .option("--min-coverage <share>", `flag low-coverage below this share (default ${defaults.minCoverage})`, thresholdOption("--min-coverage", 0, 1))
    .option("--skew <t>", `flag skew-kurtosis at |skewness| > t ... (default ${defaults.skewness})`, thresholdOption("--skew", 0, 1e6))
    .option("--kurtosis <t>", `... and kurtosis > t (default ${defaults.kurtosis})`, thresholdOption("--kurtosis", -3, 1e6))
    .option("--same-share <share>", `flag near-constant when one value holds more than this share (default ${defaults.sameShare})`, thresholdOption("--same-share", 0, 1))
    .option("--collinear <r>", `flag siblings correlated at |r| >= r (default ${defaults.collinear})`, thresholdOption("--collinear", 0, 1))
    .option("--weak-parent <r>", `flag a node correlated with its parent below r (default ${defaults.weakParent})`, thresholdOption("--weak-parent", -1, 1))
    .option("-o, --out <dir>", "folder for the audit files", "out")
    .option("--decimals <n>", "decimals printed in the CSV files", integerOption("--decimals", 0, 15), 4)
    .option("--xlsx", "also write audit.xlsx, every audit table in one Excel workbook", false)
    .option("--report", "also write audit.html: correlation heatmaps, effective against nominal weights, alpha and PC1 per group", false)
    .addOption(new Option("--lang <language>", "language of audit.html and audit.xlsx: their words, headers, flags and node names (the CSV files keep English names)").choices(REPORT_LANGUAGES).default("zh"))
    .addOption(new Option("--drop-ranks <years>", "years of sensitivity-drop-ranks.csv: the last year, or every year (one row per unit and year)").choices(UNIT_YEARS).default("last"))
    .addOption(new Option("--profiles <years>", "years of profiles.csv: the last year, or every year").choices(UNIT_YEARS).default("last"))
    .option("--profile-unit <name>", "unit whose strengths and weaknesses audit.html shows (default: the first unit)")
    .option("-q, --quiet", "print nothing but errors", false);
  addPresetOptions(command).action(async (_options: AuditCommandOptions, command: Command) => {
    const project = await applyProject(command, env);
    // The preset as compute applies it, so that the audit is of the index compute computes.
    const preset = applyPreset(command, { env });
    if (preset && command.getOptionValue("explain")) return void env.stdout(explainPreset(command, preset, env.translate));
    return runAudit({ ...command.opts<AuditCommandOptions>(), projectName: project?.settings.name }, env);
  });
}

/** Runs `audit`: read, validate, compute (as compute does), audit, format, write, summarise. */
export async function runAudit(options: AuditCommandOptions, env: CliEnv): Promise<void> {
  // A run folder as --out is refused before the audit, not only by the writer after it.
  refuseRunFolder(resolve(env.cwd, options.out), options.out);
  const [{ auditIndex }, { checkAuditSize }] = await Promise.all([import("../../core/audit/audit.js"), import("../../core/audit/size.js")]);
  // audit.html and audit.xlsx say how many values are illustrative, by the values' source column, which only the
  // general reader keeps: read it only for them, as compute does for report.html and index.xlsx.
  const keepSources = options.report || options.xlsx;
  // An audit too large is refused from the tree and the years as soon as they are read, before the weights are derived
  // and the index computed (on such a tree, long themselves); `auditIndex` checks the same estimate of the result's
  // nodes (the tree's, under the overall index) and years (the values').
  const beforeCompute = (tree: Tree, panel: Panel) => checkAuditSize(tree.nodes, panel.years.length);
  const { inputs, loaded, weighting, weightingWarnings, result, unusedOptions } = await computeFromOptions(options, env, { keepSources, beforeCompute });
  const { tree, panel } = loaded;
  const unit = options.profileUnit ?? result.units[0];
  if (!result.units.includes(unit)) throw new UsageError("E_USAGE", auditMessages.unknownUnit(unit, result.units) + didYouMean(unit, result.units));
  const audit = auditIndex(result, {
    minCoverage: options.minCoverage,
    skewness: options.skew,
    kurtosis: options.kurtosis,
    sameShare: options.sameShare,
    collinear: options.collinear,
    weakParent: options.weakParent,
  });
  const { computeDropSensitivity } = await import("../../core/audit/drop.js");
  const { computeProfiles } = await import("../../core/audit/profiles.js");
  const lastYear = result.years.slice(-1);
  const drop = computeDropSensitivity(result, { rankYears: options.dropRanks === "all" ? result.years : lastYear });
  const profiles = computeProfiles(result, { years: options.profiles === "all" ? result.years : lastYear });
  const workbookWarnings: Issue[] = [];
  const provenance = keepSources ? (await import("../../io/report/provenance.js")).valueProvenance(result, loaded.records, inputs.example) : undefined;
  const context = { tree, panel, result, audit, drop, profiles, options: { ...options, profileUnit: unit }, provenance };
  const files = await auditFiles(context, options.projectName, workbookWarnings);
  // The files are the whole output of `audit`: what an earlier audit left there and this one does not write (its
  // audit.xlsx, when this one has no --xlsx) is removed, and named.
  const removed = await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out, 1, { family: "audit", ...folderWarnings(env) });
  if (options.quiet) return;
  printWarnings([...weightingWarnings, ...result.warnings, ...drop.warnings, ...workbookWarnings, ...unusedOptions], env);
  for (const note of profiles.notes) env.stderr(commandMessages.note(printable(note)));
  if (weighting) env.stderr(describeWeighting(weighting));
  const dataStage = describeDataStage(result, { files: false });
  if (dataStage) env.stderr(dataStage);
  if (inputs.example) env.stderr(terminalMessages.usingExample());
  env.stdout(renderAuditSummary(audit, result, env.words, env.translate));
  env.stderr(terminalMessages.wroteFiles(Object.keys(files), printable(options.out)));
  if (removed.length > 0) env.stderr(outputMessages.staleRemoved(removed, printable(options.out), "audit"));
}

/**
 * Every file of the audit, by name: the CSV of each of `AUDIT_TABLES`, and audit.xlsx and audit.html when asked, in
 * `--lang`. The page is titled with `name` (a project's), as report.html is, else with its plain title: never with the
 * tree's path as typed, so that the page is the same bytes from any folder. A text cut to fit a cell of the workbook
 * adds a warning to `warnings`.
 */
export async function auditFiles(context: AuditContext, name: string | undefined, warnings: Issue[] = []): Promise<Record<string, FileContent>> {
  const { formatAuditCsv } = await import("../../io/write/audit-csv.js");
  const { options } = context;
  const tables = await Promise.all(AUDIT_TABLES.map(({ build }) => build(context)));
  const files: Record<string, FileContent> = {};
  tables.forEach((table, i) => (files[`${AUDIT_TABLES[i].name}.csv`] = formatAuditCsv(table, { decimals: options.decimals, bom: true })));
  // A person reads the workbook and the page: their words follow --lang; the CSV files keep the English names.
  const { auditSheetOf, auditWordsOf } = await import("../../io/report/audit-words.js");
  if (options.xlsx) {
    const sheets = tables.map((table) => auditSheetOf(table, context.result.nodes, options.lang));
    // Values marked illustrative: a first sheet (说明 / notes) says so, as in index.xlsx.
    const notes = (await import("../../io/report/provenance.js")).provenanceTable(context.provenance, options.lang);
    if (notes) sheets.unshift(workbookSheetOf(notes, options.lang));
    files["audit.xlsx"] = await (await import("../../io/write/to-xlsx.js")).formatXlsx(sheets, { decimals: options.decimals, source: "audit.xlsx", onWarning: (warning) => warnings.push(warning) });
  }
  if (options.report) {
    const { formatAuditHtml } = await import("../../io/report/audit-html.js");
    const { formatProfileSectionHtml } = await import("../../io/report/profile-section.js");
    const unit = options.profileUnit ?? context.result.units[0];
    const profile = await formatProfileSectionHtml(context.result, context.profiles, unit, { language: options.lang });
    const words = auditWordsOf(options.lang);
    const pageTitle = name?.trim() ? fill(words.titleOf, { name: name.trim() }) : words.title;
    files["audit.html"] = await formatAuditHtml(context.audit, context.result, { title: pageTitle, language: options.lang, sections: [profile], provenance: context.provenance });
  }
  return files;
}

/**
 * The terminal summary: the flags over all unit-years pooled (and how many in single years), and Cronbach's alpha
 * and the first component's share of each first-level dimension, pooled.
 */
export function renderAuditSummary(audit: Audit, result: IndexResult, words: TableWords = tableWords, translate: (text: string) => string = (text) => text): string {
  const { years, units } = audit;
  const lines = [words.auditTitle(result.nodes.filter((node) => node.kind === "indicator").length, units.length, years)];
  const pooled = <T extends { period: number | "all" }>(rows: readonly T[]) => rows.filter((row) => row.period === "all");
  const byFlag = new Map<string, string[]>();
  const note = (flag: string, item: string) => {
    const items = byFlag.get(flag);
    if (items) items.push(item);
    else byFlag.set(flag, [item]);
  };
  for (const row of pooled(audit.statistics)) for (const flag of row.flags) if (flag === "low-coverage" || flag === "skew-kurtosis" || flag === "near-constant") note(flag, row.indicator);
  for (const row of pooled(audit.correlations)) for (const flag of row.flags) note(flag, `${row.a}~${row.b}`);
  if (byFlag.size === 0) lines.push(words.auditNoFlags());
  else {
    lines.push(words.auditFlags());
    for (const [flag, items] of byFlag) lines.push(`  ${flag} (${items.length}): ${printable(items.slice(0, 12).join(", "))}${items.length > 12 ? ", ..." : ""}`);
  }
  const yearly = audit.statistics.filter((row) => row.period !== "all").reduce((count, row) => count + row.flags.length, 0) +
    audit.correlations.filter((row) => row.period !== "all").reduce((count, row) => count + row.flags.length, 0);
  if (years.length > 1 || units.length > 1) lines.push(words.auditYearlyFlags(yearly));
  const dimensions = pooled(audit.cronbach).filter((row) => row.level === 1);
  if (dimensions.length > 0) {
    const first = new Map(pooled(audit.pca).filter((row) => row.component === 1).map((row) => [row.group, row] as const));
    const rows = [words.auditDimensionHeadings()];
    for (const row of dimensions) {
      const component = first.get(row.group);
      rows.push([row.group, String(row.children), String(row.n), formatValue(row.alpha, 3), formatValue(component?.share ?? Number.NaN, 3), translate(row.note ?? component?.note ?? "")]);
    }
    lines.push(words.auditDimensionsTitle(), renderColumns(rows));
  }
  if (units.length === 1)
    lines.push(words.auditOneUnit(years.length));
  return lines.join("\n") + "\n";
}
