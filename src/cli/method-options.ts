/**
 * The method options shared by `compute` and `validate`: normalisation (`--normalise`, `--cap`, `--dampen`,
 * `--reference-unit`) and aggregation (`--aggregate`, by level).
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { AGGREGATE_METHODS, parseAggregateSpec, type AggregateSpec } from "../core/aggregate.js";
import type { ComputeOptions } from "../core/compute.js";
import { DAMPENINGS, NORMALIZE_METHODS, type Dampening, type NormalizeMethod } from "../core/normalize.js";
import { MIN_CAP, parseNumberPair } from "../core/normalize/plan.js";
import { methodMessages } from "../core/method-messages.js";
import { SCREEN_SCOPES, type ScreenScope } from "../core/screen.js";
import { checkPerformanceThresholds, DEFAULT_PERFORMANCE_THRESHOLDS } from "../core/analysis/performance-groups.js";
import type { ScoreRange, ZScale } from "../core/normalize/methods.js";
import { UsageError, type Issue } from "../errors.js";
import { commandMessages } from "../core/command-messages.js";
import { checkMessages } from "../core/check-messages.js";
import { withMethodDefault } from "./method-defaults.js";
import { offListChecked } from "./options.js";

export interface MethodCommandOptions {
  normalise?: NormalizeMethod;
  normalize?: NormalizeMethod;
  cap?: number;
  dampen?: Dampening;
  referenceUnit?: string;
  aggregate?: AggregateSpec;
  indexName?: string;
  range?: ScoreRange;
  zScale?: ZScale;
  power?: number;
  performanceGroups?: readonly [number, number, number];
  minGroupCoverage?: number;
}

function performanceOption(text: string): readonly [number, number, number] {
  const thresholds = text.split(/[,;]/).map((part) => (part.trim() === "" ? Number.NaN : Number(part)));
  const problem = checkPerformanceThresholds(thresholds);
  if (problem) throw new InvalidArgumentError(methodMessages.badPairOption("--performance-groups", text, problem));
  return thresholds as unknown as readonly [number, number, number];
}

function rangeOption(text: string): ScoreRange {
  const pair = parseNumberPair(text, "range");
  if (!pair) throw new InvalidArgumentError(methodMessages.badPairOption("--range", text, methodMessages.rangeExpected()));
  return { low: pair.first, high: pair.second };
}

function zScaleOption(text: string): ZScale {
  const pair = parseNumberPair(text, "z-scale");
  if (!pair) throw new InvalidArgumentError(methodMessages.badPairOption("--z-scale", text, methodMessages.zScaleExpected()));
  return { mean: pair.first, sd: pair.second };
}

function powerOption(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new InvalidArgumentError(methodMessages.badPairOption("--power", text, "a number p, e.g. 0.5 (1 arithmetic, 0 geometric, -1 harmonic)"));
  return value;
}

function capOption(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < MIN_CAP)
    throw new InvalidArgumentError(commandMessages.capOption(MIN_CAP, text));
  return value;
}

const aggregateOption = offListChecked((text: string): AggregateSpec => {
  const parsed = parseAggregateSpec(text);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.value;
}, aggregateMethodOffList);

/**
 * The message for the first method off the list in an `--aggregate` value typed on the command line (`0=geometrik`:
 * "geometrik"; after `LEVEL=`, without the `:P` of `power:P`, as `parseAggregateSpec` reads it), else `undefined`.
 */
function aggregateMethodOffList(text: string, option: string): string | undefined {
  for (const item of text.split(",").map((part) => part.trim())) {
    const method = item.replace(/^\d+\s*=\s*/, "").replace(/^power\s*:.*$/i, "power");
    if (!(AGGREGATE_METHODS as readonly string[]).includes(method.toLowerCase())) return checkMessages.aggregateUnknownMethod(option, text, method);
  }
  return undefined;
}

const MIN_GROUP_COVERAGE_HELP = "a group is missing where under this share (0-1) of its children have a value (COINr dat_thresh)";

function minGroupCoverageOption(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value > 0 && value <= 1)) throw new InvalidArgumentError(methodMessages.badPairOption("--min-group-coverage", text, checkMessages.expectedOption("share")));
  return value;
}

/** Adds the normalisation and aggregation options. */
export function addMethodOptions(command: Command): Command {
  return command
    .addOption(new Option("--index-name <name>", "the overall index's name (default: from the tree)"))
    .addOption(
      new Option("--normalise <method>", "normalisation (tree column normalise per indicator)")
        .choices(NORMALIZE_METHODS)
        .default(undefined, "fixed-base"),
    )
    .addOption(new Option("--normalize <method>", "same as --normalise").choices(NORMALIZE_METHODS).hideHelp())
    .addOption(new Option("--cap <n>", `ratio methods: cap every indicator score at n (>= ${MIN_CAP}), e.g. 200`).argParser(capOption))
    .addOption(new Option("--dampen <kind>", "ratio methods: dampen the ratio r to 100·(1 + ln r) (log) or 100·√r (sqrt)").choices(DAMPENINGS))
    .addOption(new Option("--reference-unit <unit>", "distance-to-reference: the unit every other is compared with, year by year"))
    .addOption(new Option("--range <low,high>", "min-max, min-max-year, min-max-goalposts: the output scale, e.g. 1,100 so a geometric mean never sees 0 (default 0,100; tree column range)").argParser(rangeOption))
    .addOption(new Option("--z-scale <mean,sd>", "z-score, z-score-year: the output scale mean + sd·z, e.g. 0,1 as COINr (default 100,10; tree column z_scale)").argParser(zScaleOption))
    .addOption(
      new Option(
        "--performance-groups [thresholds]",
        `write groups.csv: each unit's overall index in % of --reference-unit (else of the units' average) and its group (leader > t1, strong > t2, moderate >= t3, emerging), EIS thresholds ${DEFAULT_PERFORMANCE_THRESHOLDS.join(",")} by default`,
      ).argParser(performanceOption),
    )
    .addOption(new Option("--power <p>", "power aggregation: the exponent of the generalised mean (same as --aggregate power:P)").argParser(powerOption))
    .addOption(new Option("--min-group-coverage <share>", MIN_GROUP_COVERAGE_HELP).argParser(minGroupCoverageOption))
    .addOption(
      new Option(
        "--aggregate <spec>",
        `aggregation: METHOD, or LEVEL=METHOD,... (level 0: the index), e.g. arithmetic,0=geometric; METHOD: ${AGGREGATE_METHODS.join(", ")}`,
      )
        .argParser(aggregateOption)
        .default(undefined, "arithmetic"),
    );
}

/** Adds `--screen` and `--screen-by` (uncertainty screens whole units only, before its runs: see its command). */
export function addScreenOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--screen <share>", "leave out units with less than this share (0-1) of observed values, overall (as COINr's Screen) or in a first-level group; screened.csv").argParser(
        (text: string) => {
          const value = Number(text);
          if (text.trim() === "" || !(value > 0 && value <= 1)) throw new InvalidArgumentError(methodMessages.badPairOption("--screen", text, "a share above 0 and at most 1, e.g. 0.66"));
          return value;
        },
      ),
    )
    // No commander default (METHOD_DEFAULTS): one given without --screen is warned of (W_OPTION_UNUSED).
    .addOption(withMethodDefault(new Option("--screen-by <scope>", "screen whole units (over all years) or each unit-year apart").choices(SCREEN_SCOPES), "screenBy"));
}

/** `--screen-by` given without `--screen`, which it would direct: a warning (`W_OPTION_UNUSED`), refused under `--strict`. */
export function unusedScreenOptions(options: { screen?: number; screenBy?: ScreenScope }): Issue[] {
  if (options.screen !== undefined || options.screenBy === undefined) return [];
  return [{ code: "W_OPTION_UNUSED", message: commandMessages.screenByWithoutScreen(options.screenBy) }];
}

/** The `computeIndex` screening option from the parsed command line. */
export function screenOptionOf(options: { screen?: number; screenBy?: ScreenScope }): Pick<ComputeOptions, "screen"> {
  return options.screen === undefined ? {} : { screen: { threshold: options.screen, by: options.screenBy ?? "unit" } };
}

/** The `computeIndex` options from the parsed command line. */
export function methodOptionsOf(
  options: MethodCommandOptions,
): Pick<ComputeOptions, "normalize" | "cap" | "dampen" | "referenceUnit" | "aggregate" | "aggregateByLevel" | "indexName" | "range" | "zScale" | "power" | "performanceGroups" | "minGroupCoverage"> {
  if (options.normalise && options.normalize && options.normalise !== options.normalize)
    throw new UsageError("E_USAGE", commandMessages.normaliseDisagrees(options.normalise, options.normalize));
  const byLevel = options.aggregate?.byLevel ?? {};
  const specPower = options.aggregate?.power;
  if (options.power !== undefined && specPower !== undefined && options.power !== specPower)
    throw new UsageError("E_USAGE", commandMessages.powerDisagrees(options.power, specPower));
  return {
    normalize: options.normalise ?? options.normalize,
    cap: options.cap,
    dampen: options.dampen,
    referenceUnit: options.referenceUnit,
    aggregate: options.aggregate?.method,
    aggregateByLevel: Object.keys(byLevel).length > 0 ? byLevel : undefined,
    indexName: options.indexName,
    range: options.range,
    zScale: options.zScale,
    power: options.power ?? specPower,
    minGroupCoverage: options.minGroupCoverage,
    performanceGroups: options.performanceGroups === (true as unknown) ? DEFAULT_PERFORMANCE_THRESHOLDS : options.performanceGroups,
  };
}
