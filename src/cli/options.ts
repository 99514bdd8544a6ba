/**
 * Option parsers and the input options shared by the commands that read a tree and values.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { isAbsolute, relative, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { EXAMPLE, PACKAGE_ROOT, type CliEnv } from "./env.js";
import { commandMessages } from "../core/command-messages.js";
import { messages } from "../core/messages.js";
import { parseYear } from "../core/number.js";

/** Parses a whole number within bounds, for commander. */
/** The parser of a year option (`--base-year`): a year as the values write it, `2017`, `2017年` or `2017年度`. */
export function yearOption(name: string) {
  return (text: string): number => {
    const year = parseYear(text);
    if (year === undefined) throw new InvalidArgumentError(commandMessages.wholeNumberOption(name, 1000, 9999, text));
    return year;
  };
}

export function integerOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^[+-]?\d+$/.test(text.trim()) || value < min || value > max)
      throw new InvalidArgumentError(commandMessages.wholeNumberOption(name, min, max, text));
    return value;
  };
}

/** The items of a comma-separated option value (`min-max, rank` → min-max, rank), blanks left out. */
export function commaItems(text: string): string[] {
  return text.split(",").map((item) => item.trim()).filter(Boolean);
}

/**
 * `parse`, a parser of a comma-separated list (`commaItems`) whose every item is one of `choices`, noted as such
 * (`offListChecked`): an item typed off the list is refused in the tool's words, with the closest choice (choices.ts:
 * `suggestChoices`), as a single option's value off its `.choices()` is.
 */
export function choiceList<Parse extends (text: string) => unknown>(parse: Parse, choices: readonly string[]): Parse {
  return offListChecked(parse, (text, option) => {
    const offItem = commaItems(text).find((item) => !choices.includes(item));
    return offItem === undefined ? undefined : messages.unknownOptionChoice(option, offItem, choices, text);
  });
}

/** The off-list checks of parsers that refuse a value off a fixed list (`offListChecked`). */
const OFF_LIST_CHECKS = new WeakMap<object, (text: string, option: string) => string | undefined>();

/**
 * `parse`, a parser that refuses a value off a fixed list in a form of its own (`--encoding` takes `utf8` or `GBK` for
 * its choices, `--aggregate` a method after `LEVEL=`), noted with `offList`: the message for a value typed off the list
 * on the command line (`option`, the flag), else `undefined`. Such a value is refused in the tool's words, with the
 * closest choice (choices.ts: `suggestChoices`), before the parser words it for commander.
 */
export function offListChecked<Parse extends (text: string) => unknown>(parse: Parse, offList: (text: string, option: string) => string | undefined): Parse {
  OFF_LIST_CHECKS.set(parse, offList);
  return parse;
}

/** The off-list check of a parser (`offListChecked`), else `undefined`. */
export function offListCheckOf(parse: unknown): ((text: string, option: string) => string | undefined) | undefined {
  return typeof parse === "function" ? OFF_LIST_CHECKS.get(parse) : undefined;
}

export interface InputOptions {
  indicators?: string;
  data?: string;
  /** The name of the one unit of values without a unit column. */
  unit?: string;
}

/** Adds `--indicators FILE`, `--data FILE` and `--unit NAME`. */
export function addInputOptions(command: Command): Command {
  return command
    .addOption(new Option("-i, --indicators <file>", "indicator tree: CSV (UTF-8 or GBK), YAML or .xlsx (default: the shipped example)"))
    .addOption(new Option("-d, --data <file>", "values: CSV (UTF-8 or GBK; long, wide or COINr layout), .xlsx, .parquet, a .sql query, or a folder of CSV/.xlsx files (default: the shipped example)"))
    .addOption(new Option("--unit <name>", "the name of the one unit of values without a unit column (default: none, an empty name)"));
}

export interface ResolvedInputs {
  indicators: string;
  data: string;
  /** How messages name the files: as given on the command line, or relative to the package for the example. */
  labels: { tree: string; data: string };
  example: boolean;
}

/** The tree and data paths to read: both given, or neither (the shipped example). */
export function resolveInputs(options: InputOptions, env: CliEnv): ResolvedInputs {
  if (!options.indicators && !options.data) {
    const label = (path: string) => relative(PACKAGE_ROOT, path).split("\\").join("/");
    return { ...EXAMPLE, labels: { tree: label(EXAMPLE.indicators), data: label(EXAMPLE.data) }, example: true };
  }
  if (!options.indicators || !options.data)
    throw new UsageError("E_USAGE", commandMessages.inputMissing(options.indicators ? "--data" : "--indicators"));
  return {
    indicators: inputPath(options.indicators, env),
    data: inputPath(options.data, env),
    labels: { tree: options.indicators, data: options.data },
    example: false,
  };
}

/**
 * The tree alone, `--indicators` without `--data`, for a command that can do without values (`weights` by a method
 * that reads none): its path and how messages name it. `undefined` for both, or neither (the shipped example), or
 * `--data` alone, which `resolveInputs` resolves or refuses.
 */
export function treeAloneOf(options: InputOptions, env: CliEnv): { indicators: string; label: string } | undefined {
  if (!options.indicators || options.data) return undefined;
  return { indicators: inputPath(options.indicators, env), label: options.indicators };
}

/** An input's path as given on the command line, resolved against the folder the command runs in. */
const inputPath = (path: string, env: CliEnv): string => (isAbsolute(path) ? path : resolve(env.cwd, path));
