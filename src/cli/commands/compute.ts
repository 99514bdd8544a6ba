/**
 * `compute`: read the tree and values, validate, compute every sub-index and the overall index, write the files.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { computeIndex } from "../../core/compute.js";
import { computeCoverage } from "../../core/coverage.js";
import { loadInputs } from "../../io/load.js";
import { formatIndexCsv, formatIndexWideCsv, formatScoresCsv } from "../../io/to-csv.js";
import { formatCoverageCsv, formatImputationsCsv, formatTreatmentCsv } from "../../io/to-data-csv.js";
import { formatIndexJson } from "../../io/to-json.js";
import { writeFilesAtomic } from "../../io/write.js";
import { addDataOptions, type DataOptions } from "../data-options.js";
import type { CliEnv } from "../env.js";
import { addInputOptions, integerOption, resolveInputs, type InputOptions } from "../options.js";
import { renderIndexTable } from "../render.js";
import { printWarnings } from "../report-issues.js";

export interface ComputeCommandOptions extends InputOptions, DataOptions {
  baseYear?: number;
  out: string;
  decimals: number;
  strict: boolean;
  quiet: boolean;
}

export function registerCompute(program: Command, env: CliEnv): void {
  const command = program
    .command("compute")
    .description("compute the sub-indices and the overall index for every year, and write them to --out")
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index compute                      # the shipped Changzhou example, into out/
  $ innovation-index compute -i indicators/changzhou-2020.csv -d data/changzhou/values.csv --base-year 2017 --out out/`,
    );
  addInputOptions(command)
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", integerOption("--base-year", 1000, 9999))
    .option("-o, --out <dir>", "folder for index.csv, index-wide.csv, scores.csv, index.json and the data tables", "out")
    .option("--decimals <n>", "decimals printed in the CSV files", integerOption("--decimals", 0, 15), 4)
    .option("--strict", "treat warnings (weights that do not sum to 1) as errors", false)
    .option("-q, --quiet", "print nothing but errors", false);
  addDataOptions(command)
    .action(async (options: ComputeCommandOptions) => runCompute(options, env));
}

/** Runs `compute`: read, validate, compute, format, write. */
export async function runCompute(options: ComputeCommandOptions, env: CliEnv): Promise<void> {
  const inputs = resolveInputs(options, env);
  const { tree, panel } = await loadInputs(inputs.indicators, inputs.data, inputs.labels, options);
  const result = computeIndex(tree, panel, {
    baseYear: options.baseYear,
    missing: options.missing,
    zeroBase: options.zeroBase,
    outliers: options.outliers,
    winsorMax: options.winsorMax,
    strict: options.strict,
  });
  const files = {
    "index.csv": formatIndexCsv(result, options.decimals),
    "index-wide.csv": formatIndexWideCsv(result, options.decimals),
    "scores.csv": formatScoresCsv(result, options.decimals),
    "index.json": formatIndexJson(result),
    "imputations.csv": formatImputationsCsv(result.imputations),
    "coverage.csv": formatCoverageCsv(computeCoverage(result.panel, result.imputations), options.decimals),
    "treatment.csv": formatTreatmentCsv(result.treatments),
  };
  await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out);
  if (options.quiet) return;
  printWarnings(result.warnings, env);
  if (inputs.example) env.stderr(`using the shipped Changzhou example (illustrative data, not the official index)\n`);
  env.stdout(renderIndexTable(result));
  env.stderr(`wrote ${Object.keys(files).join(", ")} to ${options.out}\n`);
}
