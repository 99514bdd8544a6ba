/**
 * `template`: write an empty values file (CSV or .xlsx) for a tree and years, ready to be filled in.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import type { CompiledFormula } from "../../core/formula.js";
import { FormulaError, formulaIndicators } from "../../core/formula.js";
import { messages } from "../../core/messages.js";
import { OutputError, UsageError, ValidationError, type Issue } from "../../errors.js";
import { readTreeFile } from "../../io/read/load.js";
import { parseEncoding, type Encoding } from "../../io/read/read-text.js";
import { formatTemplateCsv, formatTemplateWorkbook, templateRows, templateSeries } from "../../io/write/template.js";
import { writeFileAtomic } from "../../io/write/write.js";
import { REPORT_LANGUAGES } from "../../io/report/labels.js";
import type { Language } from "../../io/write/tables.js";
import type { CliEnv } from "../env.js";
import { folderWarnings, printWarnings } from "../report-issues.js";
import { terminalMessages } from "../../core/terminal-messages.js";
import { commandMessages } from "../../core/command-messages.js";

export interface TemplateCommandOptions {
  indicators: string;
  years: number[];
  out: string;
  units?: string[];
  force: boolean;
  encoding?: string;
  treeSheet?: string;
  lang: Language;
}

/** Reads `2017-2020` or `2017,2018,2020` as a list of years. */
export function parseYears(text: string): number[] {
  const range = /^\s*(\d{4})\s*[-–:]\s*(\d{4})\s*$/.exec(text);
  const years = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : text.split(",").map((part) => (/^\s*\d{4}\s*$/.test(part) ? Number(part) : Number.NaN));
  if (years.length === 0 || years.some(Number.isNaN) || years.length > 200)
    throw new InvalidArgumentError(commandMessages.yearsOption(text));
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Reads `常州,无锡` as a list of units: split on the ASCII comma, the full-width comma (，) and the ideographic comma
 * (、) that a Chinese keyboard types, each name trimmed, empty names left out.
 */
export function parseUnits(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((unit) => unit.trim())
    .filter(Boolean);
}

export function registerTemplate(program: Command, env: CliEnv): void {
  program
    .command("template")
    .description("write an empty values file (CSV or .xlsx) for an indicator tree and years, ready to be filled in")
    .requiredOption("-i, --indicators <file>", "indicator tree (CSV, YAML or .xlsx)")
    .requiredOption("--years <years>", "years: a range such as 2017-2020 or a list such as 2017,2018,2020", parseYears)
    .requiredOption("-o, --out <file>", "file to write: .csv (UTF-8 with BOM, opens in Excel) or .xlsx")
    .option("--units <names>", "units, comma-separated (, ， or 、): writes the long layout (unit,year,indicator,name,value)", parseUnits)
    .option("--force", "overwrite --out if template wrote it and it is unchanged since (never a file filled in or not its own)", false)
    .option("--encoding <name>", "encoding of a CSV tree (default: auto)")
    .option("--tree-sheet <name>", "sheet of an .xlsx tree (default: the first visible)")
    .option("-q, --quiet", "print nothing but errors", false)
    .addOption(
      new Option("--lang <language>", "language of the column names (zh: 指标代码,指标名称,计量单位 or 评价对象,年份,指标代码,指标名称,数值); the values reader takes both")
        .choices(REPORT_LANGUAGES)
        .default("zh"),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index template -i indicators/changzhou-2020.csv --years 2017-2020 --out values.xlsx
  $ innovation-index template -i tree.csv --years 2019,2020 --units 常州,无锡 --out values.csv
  $ innovation-index template -i tree.csv --years 2017-2020 --lang en --out values.csv   (English column names)`,
    )
    .action(async (options: TemplateCommandOptions) => runTemplate(options, env));
}

/** Runs `template`: read the tree, list the series to fill, write the file. */
export async function runTemplate(options: TemplateCommandOptions, env: CliEnv): Promise<void> {
  const format = /\.xlsx$/i.test(options.out) ? "xlsx" : /\.csv$/i.test(options.out) ? "csv" : undefined;
  if (!format) throw new UsageError("E_USAGE", commandMessages.templateOut(options.out));
  const encoding: Encoding | undefined = options.encoding === undefined ? undefined : parseEncoding(options.encoding);
  if (options.encoding !== undefined && !encoding) throw new UsageError("E_USAGE", commandMessages.encodingOption(options.encoding));
  const target = resolve(env.cwd, options.out);
  if (!options.force && (await exists(target))) throw new OutputError("E_EXISTS", commandMessages.templateExists(options.out));
  // What reading the tree found (rows a tree workbook hides but that are read: W_XLSX_HIDDEN), then the template's own.
  const warnings: Issue[] = [];
  const onWarning = (warning: Issue) => warnings.push(warning);
  const tree = await readTreeFile(resolve(env.cwd, options.indicators), options.indicators, { encoding, sheet: options.treeSheet, onWarning });
  const compiled = new Map<string, CompiledFormula>();
  const formulas = formulaIndicators(tree);
  if (formulas.length > 0) {
    const { createFormulaCompiler } = await import("../../io/math/formula-mathjs.js");
    const compile = await createFormulaCompiler();
    const issues = [];
    for (const formula of formulas)
      try {
        compiled.set(formula.code, compile(formula.formula));
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        const message = messages.badFormula(formula.code, formula.formula, error.message);
        issues.push({ code: "E_FORMULA", message, source: tree.source, line: formula.line, column: "formula", id: formula.code });
      }
    if (issues.length > 0) throw new ValidationError(issues);
  }
  const rows = templateRows(templateSeries(tree, compiled), options.years, options.units ?? [], options.lang);
  const content =
    format === "csv"
      ? formatTemplateCsv(rows)
      : await formatTemplateWorkbook(options.lang === "en" ? "values" : "指标数据", rows, (options.units ?? []).length > 0 ? "long" : "wide", {
          source: options.out,
          onWarning,
        });
  printWarnings(warnings, env);
  // An existing file was refused above unless --force; with it, the file is replaced only when the folder's record shows
  // template wrote it and it is unchanged since: a template already filled in is never lost (E_OUT_NOT_OURS).
  await writeFileAtomic(target, content, options.out, folderWarnings(env));
  env.stderr(terminalMessages.wroteTemplate(options.out, rows.length - 1));
}

/** Whether anything is at `path` (for the commands that refuse to overwrite a file without --force). */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
