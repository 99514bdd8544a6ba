/**
 * `compute`: read the tree and values, validate, compute every sub-index and the overall index, write the files.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { computeIndex, MISSING_POLICIES, type MissingPolicy } from "../../core/compute.js";
import { loadInputs } from "../../io/load.js";
import { indexCsvChunks, indexJsonChunks, indexWideCsvChunks, scoresCsvChunks } from "../../io/result-chunks.js";
import { writeFilesAtomic } from "../../io/write.js";
import type { CliEnv } from "../env.js";
import { addMethodOptions, methodOptionsOf, type MethodCommandOptions } from "../method-options.js";
import { addInputOptions, integerOption, resolveInputs, type InputOptions } from "../options.js";
import { renderIndexTable } from "../render.js";
import { printWarnings } from "../report-issues.js";
import { WEIGHT_METHODS, type WeightMethod } from "../../core/weighting/derive.js";
import { addWeightingOptions, describeWeighting, runWeighting, type WeightingCliOptions } from "../weighting-options.js";

export interface ComputeCommandOptions extends InputOptions, WeightingCliOptions, MethodCommandOptions {
  weights: WeightMethod;
  baseYear?: number;
  out: string;
  decimals: number;
  missing: MissingPolicy;
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
  addMethodOptions(addInputOptions(command))
    .option("--base-year <year>", "year every fixed-base index is 100 in (default: the earliest year in the data)", integerOption("--base-year", 1000, 9999))
    .option("-o, --out <dir>", "folder for index.csv, index-wide.csv, scores.csv and index.json", "out")
    .option("--decimals <n>", "decimals printed in the CSV files", integerOption("--decimals", 0, 15), 4)
    .addOption(new Option("--missing <policy>", "what a missing value does").choices(MISSING_POLICIES).default("error"))
    .option("--strict", "treat warnings (weights that do not sum to 1) as errors", false)
    .option("-q, --quiet", "print nothing but errors", false)
    .addOption(new Option("--weights <method>", "weighting method (see the weights command)").choices(WEIGHT_METHODS).default("explicit"));
  addWeightingOptions(command)
    .action(async (options: ComputeCommandOptions) => runCompute(options, env));
}

/** Runs `compute`: read, validate, compute, format, write. */
export async function runCompute(options: ComputeCommandOptions, env: CliEnv): Promise<void> {
  const inputs = resolveInputs(options, env);
  const { tree, panel } = await loadInputs(inputs.indicators, inputs.data, inputs.labels);
  const weighting = options.weights === "explicit" ? undefined : await runWeighting(options.weights, options, { tree, panel, example: inputs.example }, env);
  const result = computeIndex(tree, panel, {
    baseYear: options.baseYear,
    ...methodOptionsOf(options),
    missing: options.missing,
    strict: options.strict,
    weights: weighting?.weights,
    weighting: weighting?.summary,
  });
  const files = {
    "index.csv": indexCsvChunks(result, options.decimals),
    "index-wide.csv": indexWideCsvChunks(result, options.decimals),
    "scores.csv": scoresCsvChunks(result, options.decimals),
    "index.json": indexJsonChunks(result),
  };
  await writeFilesAtomic(resolve(env.cwd, options.out), files, options.out);
  if (options.quiet) return;
  printWarnings([...(weighting?.warnings ?? []), ...result.warnings], env);
  if (weighting) env.stderr(describeWeighting(weighting));
  if (inputs.example) env.stderr(`using the shipped Changzhou example (illustrative data, not the official index)\n`);
  env.stdout(renderIndexTable(result));
  env.stderr(`wrote ${Object.keys(files).join(", ")} to ${options.out}\n`);
}
