/**
 * `weights`: derive the weights of every node by a method and print (or write) them, with AHP consistency.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { WEIGHT_METHODS, type WeightMethod } from "../../core/weighting/derive.js";
import { loadInputs } from "../../io/read/load.js";
import { UsageError } from "../../errors.js";
import { formatOptimisedCsv, formatOptimisedJson, formatWeightsCsv, formatWeightsJson } from "../../io/write/to-weights.js";
import { computeIndex } from "../../core/compute.js";
import type { AggregateMethod } from "../../core/aggregate.js";
import type { Panel } from "../../core/panel.js";
import type { Tree } from "../../core/types.js";
import { globalWeights } from "../../core/weight.js";
import type { WeightingResult } from "../../core/weighting/derive.js";
import { optimiseWeights, type ImportanceShare } from "../../core/weighting/optimise.js";
import { writeFileAtomic } from "../../io/write/write.js";
import { addDataOptions, dataOptionsOf, type DataOptions } from "../data-options.js";
import { addMethodOptions, methodOptionsOf, type MethodCommandOptions } from "../method-options.js";
import type { CliEnv } from "../env.js";
import { addInputOptions, integerOption, resolveInputs, type InputOptions } from "../options.js";
import { printWarnings } from "../report-issues.js";
import { addWeightingOptions, describeWeighting, runWeighting, type WeightingCliOptions } from "../weighting-options.js";

export interface WeightsCommandOptions extends InputOptions, WeightingCliOptions, DataOptions, MethodCommandOptions {
  /** Optimise the weights for effective importance (targets: the derived weights). */
  optimise?: boolean;
  /** The method (`--weights`, as in `compute`; `-m`/`--method` is the same). */
  weights?: WeightMethod;
  method?: WeightMethod;
  format: "csv" | "json";
  out?: string;
  decimals: number;
  strict: boolean;
}

export function registerWeights(program: Command, env: CliEnv): void {
  const command = program
    .command("weights")
    .description("derive the weight of every node (within its siblings and in the overall index) and print them")
    .addHelpText(
      "after",
      `
Methods: explicit (the tree), equal (level by level), ahp (--ahp FILE), entropy, critic, cv (coefficient of
variation), pca, combined (--subjective, --objective, --combination, --alpha).

Examples:
  $ innovation-index weights --weights entropy                 # the shipped Changzhou example (-m/--method is the same)
  $ innovation-index weights --method ahp --format json        # with indicators/changzhou-2020-ahp.csv
  $ innovation-index weights -i tree.csv -d values.csv --method critic --weight-years 2018-2020 --out weights.csv
  $ innovation-index weights -i tree.csv -d values.csv --method combined --ahp ahp.csv --objective entropy --alpha 0.5`,
    );
  addMethodOptions(addDataOptions(addInputOptions(command)))
    .option("--optimise", "weights whose effective importance (squared correlation with the parent, within siblings) matches the method's weights (COINr get_opt_weights); adds the shares reached", false)
    .addOption(new Option("--weights <method>", "weighting method, as in compute (default explicit)").choices(WEIGHT_METHODS))
    .addOption(new Option("-m, --method <method>", "same as --weights").choices(WEIGHT_METHODS));
  addWeightingOptions(command)
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv"))
    .option("-o, --out <file>", "write the weights to this file instead of stdout")
    .option("--decimals <n>", "decimals of the weights in CSV", integerOption("--decimals", 0, 15), 6)
    .option("--strict", "treat warnings as errors", false)
    .action(async (options: WeightsCommandOptions) => runWeights(options, env));
}

/** Computes the index with the derived weights and optimises them for effective importance. */
function optimiseForImportance(tree: Tree, panel: Panel, derived: WeightingResult, options: WeightsCommandOptions): { result: WeightingResult; rows: ImportanceShare[] } {
  const methodOptions = methodOptionsOf(options);
  const index = computeIndex(tree, panel, { ...methodOptions, ...dataOptionsOf(options), weights: derived.weights, strict: options.strict });
  const methods = new Map(index.nodes.filter((node) => node.kind !== "indicator").map((node) => [node.code, node.method as AggregateMethod] as const));
  const optimised = optimiseWeights(tree, index, methods, derived.weights, { power: methodOptions.power });
  return {
    result: { ...derived, weights: optimised.weights, globalWeights: globalWeights(tree, optimised.weights), warnings: [...derived.warnings, ...index.warnings, ...optimised.warnings] },
    rows: optimised.rows,
  };
}

/** Runs `weights`: read, validate, derive, format, print or write. */
export async function runWeights(options: WeightsCommandOptions, env: CliEnv): Promise<void> {
  const inputs = resolveInputs(options, env);
  const { tree, panel } = await loadInputs(inputs.indicators, inputs.data, inputs.labels, options);
  if (options.weights && options.method && options.weights !== options.method)
    throw new UsageError("E_USAGE", `--weights ${options.weights} and --method ${options.method} disagree; expected one of them`);
  const method = options.weights ?? options.method ?? "explicit";
  let result = await runWeighting(method, options, { tree, panel, example: inputs.example }, env);
  let text: string;
  if (options.optimise) {
    const optimised = optimiseForImportance(tree, panel, result, options);
    result = optimised.result;
    text = options.format === "json" ? formatOptimisedJson(tree, result, optimised.rows) : formatOptimisedCsv(tree, result, optimised.rows, options.decimals);
  } else text = options.format === "json" ? formatWeightsJson(tree, result) : formatWeightsCsv(tree, result, options.decimals);
  if (options.out) {
    const path = resolve(env.cwd, options.out);
    await writeFileAtomic(path, text, options.out);
  } else env.stdout(text);
  printWarnings(result.warnings, env);
  if (inputs.example) env.stderr(`using the shipped Changzhou example (illustrative data, not the official index)\n`);
  env.stderr(describeWeighting(result));
  if (options.out) env.stderr(`wrote ${options.out}\n`);
}
