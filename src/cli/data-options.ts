/**
 * The data options shared by the commands that read a tree and values: missing values, zero bases, outliers,
 * encodings and workbook sheets.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { ComputeOptions, IndexResult } from "../core/compute.js";
import { MISSING_POLICIES, UNFILLED_POLICIES, type MissingPolicy, type UnfilledPolicy } from "../core/missing.js";
import { OUTLIER_METHODS, OUTLIER_SCOPES, type OutlierMethod, type OutlierScope } from "../core/outliers.js";
import { ZERO_BASE_POLICIES, type ZeroBasePolicy } from "../core/zero-base.js";
import { DECIMAL_MARKS, type DecimalMark } from "../core/number.js";
import { ENCODINGS, parseEncoding, type Encoding } from "../io/read/read-text.js";
import { integerOption, offListChecked } from "./options.js";
import { withMethodDefault } from "./method-defaults.js";
import { commandMessages } from "../core/command-messages.js";
import { messages } from "../core/messages.js";

/** The options that say how to read the input files. */
export interface FileOptions {
  encoding: Encoding;
  sheet?: string;
  treeSheet?: string;
  decimal?: DecimalMark;
}

export interface DataOptions extends FileOptions {
  missing: MissingPolicy;
  unfilled?: UnfilledPolicy;
  zeroBase?: ZeroBasePolicy;
  outliers: OutlierMethod;
  winsorMax?: number;
  outlierScope?: OutlierScope;
}

/** Adds `--missing`, `--unfilled`, `--zero-base`, `--outliers`, `--winsor-max`, `--outlier-scope` and the file options. */
export function addDataOptions(command: Command): Command {
  command
    .addOption(
      new Option("--missing <policy>", "what a missing value does (per indicator: tree column missing)").choices(MISSING_POLICIES).default("error"),
    )
    // No commander defaults for --unfilled, --zero-base, --winsor-max and --outlier-scope (METHOD_DEFAULTS): one
    // given that no indicator reads is warned of (W_OPTION_UNUSED), which needs to know whether it was given.
    .addOption(withMethodDefault(new Option("--unfilled <policy>", "a gap the --missing policy cannot fill (no value of the unit at all, an edge, a year without any unit's value)").choices(UNFILLED_POLICIES), "unfilled"))
    .addOption(withMethodDefault(new Option("--zero-base <policy>", "a zero base value under fixed-base (tree column zero_base)").choices(ZERO_BASE_POLICIES), "zeroBase"))
    .addOption(
      new Option("--outliers <method>", "outlier treatment (tree column outliers)")
        .choices(OUTLIER_METHODS)
        .default("none"),
    )
    .addOption(withMethodDefault(new Option("--winsor-max <n>", "most points winsorised per indicator (and year, with --outlier-scope year)").argParser(integerOption("--winsor-max", 1, 1_000_000)), "winsorMax"))
    .addOption(
      withMethodDefault(new Option("--outlier-scope <scope>", "outliers over all units and years of an indicator (panel) or each year's units apart (year)").choices(OUTLIER_SCOPES), "outlierScope"),
    )
;
  return addFileOptions(command);
}

/** The compute options the data options set (what `compute` and `validate` pass to `computeIndex` alike). */
export function dataOptionsOf(options: DataOptions): Pick<ComputeOptions, "missing" | "unfilled" | "zeroBase" | "outliers" | "winsorMax" | "outlierScope"> {
  const { missing, unfilled, zeroBase, outliers, winsorMax, outlierScope } = options;
  return { missing, unfilled, zeroBase, outliers, winsorMax, outlierScope };
}

/** Adds `--encoding`, `--decimal`, `--sheet` and `--tree-sheet`. */
export function addFileOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--encoding <name>", `encoding of CSV inputs: ${ENCODINGS.join(", ")} (auto: UTF-8, else GB18030)`)
        .argParser(encodingOption)
        .default("auto"),
    )
    .addOption(
      new Option("--decimal <mark>", 'decimal mark: "," or "." (default: "," in a semicolon-separated file, else ".")').choices(
        DECIMAL_MARKS,
      ),
    )
    .option("--sheet <name>", "sheet of an .xlsx values file (name or 1-based number; default: the first visible)")
    .option("--tree-sheet <name>", "sheet of an .xlsx indicator tree (name or 1-based number; default: the first visible)");
}

// Off the list on the command line: the tool's words, with the closest encoding (`suggestChoices`); in index.yaml, the
// parser's message, with the file's key and line.
const encodingOption = offListChecked(
  (text: string): Encoding => {
    const encoding = parseEncoding(text);
    if (!encoding) throw new InvalidArgumentError(commandMessages.encodingChoice(text, ENCODINGS));
    return encoding;
  },
  // The other names parseEncoding takes are listed too (utf8, gb2312, cp936), as in index.yaml's message.
  (text, option) => (parseEncoding(text) === undefined ? messages.unknownOptionChoice(option, text, [...ENCODINGS, "utf8", "gb2312", "cp936"]) : undefined),
);

/**
 * One line naming what the data stage did, e.g. `imputed 3 cells (interpolate 2, carry-back 1), reweighted 1,
 * treated 0 (see imputations.csv, treatment.csv)`; "" when it did nothing. `files: false` leaves out the files
 * (for a command that does not write them).
 */
export function describeDataStage(result: Pick<IndexResult, "imputations" | "treatments">, { files = true } = {}): string {
  const counts = new Map<string, number>();
  let reweighted = 0;
  let belowCoverage = 0;
  for (const row of result.imputations)
    if (row.method === "reweight") reweighted++;
    else if (row.method === "below-coverage") belowCoverage++;
    else counts.set(row.method, (counts.get(row.method) ?? 0) + 1);
  const imputed = result.imputations.length - reweighted - belowCoverage;
  // The group scores --min-group-coverage set missing: a line of their own, after the data stage's.
  const below = belowCoverage > 0 ? commandMessages.belowCoverage(belowCoverage, files) : "";
  if (imputed === 0 && reweighted === 0 && result.treatments.length === 0) return below;
  return commandMessages.dataStage(imputed, [...counts], reweighted, result.treatments.length, files) + below;
}
