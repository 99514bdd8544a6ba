/**
 * The method options shared by `compute` and `validate`: normalisation (`--normalise`, `--cap`, `--dampen`,
 * `--reference-unit`) and aggregation (`--aggregate`, by level).
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { AGGREGATE_METHODS, parseAggregateSpec, type AggregateSpec } from "../core/aggregate.js";
import type { ComputeOptions } from "../core/compute.js";
import { DAMPENINGS, NORMALIZE_METHODS, type Dampening, type NormalizeMethod } from "../core/normalize.js";
import { MIN_CAP } from "../core/normalize/plan.js";
import { UsageError } from "../errors.js";
import { quote } from "../core/quote.js";

export interface MethodCommandOptions {
  normalise?: NormalizeMethod;
  normalize?: NormalizeMethod;
  cap?: number;
  dampen?: Dampening;
  referenceUnit?: string;
  aggregate?: AggregateSpec;
}

function capOption(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < MIN_CAP)
    throw new InvalidArgumentError(`--cap must be a number >= ${MIN_CAP} (a lower cap would move the base year off 100), got ${quote(text)}`);
  return value;
}

function aggregateOption(text: string): AggregateSpec {
  const parsed = parseAggregateSpec(text);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.value;
}

/** Adds the normalisation and aggregation options. */
export function addMethodOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--normalise <method>", "normalisation of every indicator (a tree column `normalise` overrides it per indicator)")
        .choices(NORMALIZE_METHODS)
        .default(undefined, "fixed-base"),
    )
    .addOption(new Option("--normalize <method>", "same as --normalise").choices(NORMALIZE_METHODS).hideHelp())
    .addOption(new Option("--cap <n>", `ratio methods: cap every indicator score at n (>= ${MIN_CAP}), e.g. 200`).argParser(capOption))
    .addOption(new Option("--dampen <kind>", "ratio methods: dampen the ratio r to 100·(1 + ln r) (log) or 100·√r (sqrt)").choices(DAMPENINGS))
    .addOption(new Option("--reference-unit <unit>", "distance-to-reference: the unit every other is compared with, year by year"))
    .addOption(
      new Option(
        "--aggregate <spec>",
        `aggregation: METHOD, or LEVEL=METHOD per level (0 = overall index), comma-separated, e.g. "arithmetic,0=geometric"; METHOD: ${AGGREGATE_METHODS.join(", ")}`,
      )
        .argParser(aggregateOption)
        .default(undefined, "arithmetic"),
    );
}

/** The `computeIndex` options from the parsed command line. */
export function methodOptionsOf(options: MethodCommandOptions): Pick<ComputeOptions, "normalize" | "cap" | "dampen" | "referenceUnit" | "aggregate" | "aggregateByLevel"> {
  if (options.normalise && options.normalize && options.normalise !== options.normalize)
    throw new UsageError("E_USAGE", `--normalise ${options.normalise} and --normalize ${options.normalize} disagree; expected one of them`);
  const byLevel = options.aggregate?.byLevel ?? {};
  return {
    normalize: options.normalise ?? options.normalize,
    cap: options.cap,
    dampen: options.dampen,
    referenceUnit: options.referenceUnit,
    aggregate: options.aggregate?.method,
    aggregateByLevel: Object.keys(byLevel).length > 0 ? byLevel : undefined,
  };
}
