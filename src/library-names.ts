/**
 * The library's names for the command line's flags. The core's messages name an option as the command line spells it
 * (`--cap -5 is below 100`, `raise --winsor-max, or use --outliers winsorise-log`), as the command line is their first
 * reader; the facade (`api.ts`) passes every issue it throws or returns through `issueInLibraryNames`, so that a
 * notebook reads `option cap -5 is below 100` and `raise winsorMax, or use outliers: "winsorise-log"`, and an issue's
 * `column` names the option by its key (`cap`, not `--cap`). The command line's messages are left as they are.
 *
 * `FLAG_NAMES` holds every flag the core's messages quote that a facade call can meet, and `PHRASES` the few
 * sentences whose words change beyond the flag's name (the command line's `--aggregate power:P` is two options in the
 * library). A test holds both to the command line's flags, the facade's option keys and the core's message texts.
 */
import { ValidationError, IndexToolError, InputError, type Issue } from "./errors.js";
import { rememberAs } from "./core/localize.js";
import { AGGREGATE_METHODS } from "./core/aggregate/methods.js";
import { MISSING_POLICIES, UNFILLED_POLICIES } from "./core/missing.js";
import { ZERO_BASE_POLICIES } from "./core/zero-base.js";
import { DAMPENINGS, NORMALIZE_METHODS } from "./core/normalize/methods.js";
import { OUTLIER_METHODS, OUTLIER_SCOPES } from "./core/outliers.js";
import { COMBINATIONS } from "./core/weighting/combine.js";
import { SUBJECTIVE_METHODS, WEIGHT_METHODS } from "./core/weighting/derive.js";
import { ENTROPY_INPUTS } from "./core/weighting/entropy.js";
import { GROUP_WEIGHT_RULES, OBJECTIVE_METHODS } from "./core/weighting/objective.js";
import { PCA_ROTATIONS } from "./core/weighting/pca.js";
import { RANDOM_INDEX_TABLES } from "./core/weighting/ahp.js";
import { WEIGHT_MISSING_POLICIES } from "./core/weighting/observations.js";
import { ENCODINGS } from "./io/read/read-text.js";

/**
 * How a value a message writes after a flag is written in the library: a method from a list (`--outliers log` is
 * `outliers: "log"`, `--missing a|b` is `missing: "a" | "b"`), a number (`--cap -5`), a pair (`--range 1,100` is
 * `range: { low: 1, high: 100 }`), a quoted text (`--unit "x"`), or a switch (`--allow-inconsistent` is
 * `weighting.allowInconsistent: true`).
 */
export type FlagValue =
  | { kind: "choice"; choices: readonly string[] }
  | { kind: "number" }
  | { kind: "pair"; names: readonly [string, string] }
  | { kind: "text" }
  | { kind: "switch" };

/** A flag the core's messages quote, and the facade's option it stands for. */
export interface FlagName {
  /** The flag as messages quote it: `--winsor-max`. */
  flag: string;
  /** The option's key in the facade's options (`compute`, `uncertainty`, `load`), or its path: `weighting.years`. */
  option: string;
  /** The value a message may write after the flag; without it, a word after the flag is never read as its value. */
  value?: FlagValue;
}

const choice = (choices: readonly string[]): FlagValue => ({ kind: "choice", choices });
const NUMBER: FlagValue = { kind: "number" };

/** Every flag the core's messages quote that a call of the facade can meet, with its option. */
export const FLAG_NAMES: readonly FlagName[] = [
  // compute: normalisation and aggregation
  { flag: "--normalise", option: "normalize", value: choice(NORMALIZE_METHODS) },
  { flag: "--base-year", option: "baseYear", value: NUMBER },
  { flag: "--cap", option: "cap", value: NUMBER },
  { flag: "--dampen", option: "dampen", value: choice(DAMPENINGS) },
  { flag: "--reference-unit", option: "referenceUnit", value: { kind: "text" } },
  { flag: "--range", option: "range", value: { kind: "pair", names: ["low", "high"] } },
  { flag: "--z-scale", option: "zScale", value: { kind: "pair", names: ["mean", "sd"] } },
  { flag: "--aggregate", option: "aggregate", value: choice(AGGREGATE_METHODS) },
  { flag: "--power", option: "power", value: NUMBER },
  { flag: "--screen", option: "screen.threshold", value: NUMBER },
  { flag: "--min-group-coverage", option: "minGroupCoverage", value: NUMBER },
  // compute: the data stage
  { flag: "--missing", option: "missing", value: choice(MISSING_POLICIES) },
  { flag: "--unfilled", option: "unfilled", value: choice(UNFILLED_POLICIES) },
  { flag: "--zero-base", option: "zeroBase", value: choice(ZERO_BASE_POLICIES) },
  { flag: "--outliers", option: "outliers", value: choice(OUTLIER_METHODS) },
  { flag: "--winsor-max", option: "winsorMax", value: NUMBER },
  { flag: "--outlier-scope", option: "outlierScope", value: choice(OUTLIER_SCOPES) },
  // compute: weights
  { flag: "--weights", option: "weights", value: choice(WEIGHT_METHODS) },
  // (the weights command's name of --weights)
  { flag: "--method", option: "weights", value: choice(WEIGHT_METHODS) },
  { flag: "--ahp", option: "ahp" },
  { flag: "--weight-years", option: "weighting.years" },
  { flag: "--weight-units", option: "weighting.units" },
  { flag: "--weight-missing", option: "weighting.missing", value: choice(WEIGHT_MISSING_POLICIES) },
  { flag: "--allow-inconsistent", option: "weighting.allowInconsistent", value: { kind: "switch" } },
  { flag: "--entropy-shift", option: "weighting.entropyShift", value: NUMBER },
  { flag: "--entropy-input", option: "weighting.entropyInput", value: choice(ENTROPY_INPUTS) },
  { flag: "--group-weights", option: "weighting.groupWeights", value: choice(GROUP_WEIGHT_RULES) },
  { flag: "--pca-rotation", option: "weighting.pcaRotation", value: choice(PCA_ROTATIONS) },
  { flag: "--random-index", option: "weighting.randomIndex", value: choice(RANDOM_INDEX_TABLES) },
  { flag: "--subjective", option: "weighting.subjective", value: choice(SUBJECTIVE_METHODS) },
  { flag: "--objective", option: "weighting.objective", value: choice(OBJECTIVE_METHODS) },
  { flag: "--combination", option: "weighting.combination", value: choice(COMBINATIONS) },
  { flag: "--alpha", option: "weighting.alpha", value: NUMBER },
  // every call that checks (W_VALUE_JUMP's message says --strict leaves it a warning)
  { flag: "--strict", option: "strict", value: { kind: "switch" } },
  // uncertainty
  { flag: "--normalisations", option: "normalizations" },
  { flag: "--aggregations", option: "aggregations" },
  { flag: "--missing-policies", option: "missingPolicies" },
  { flag: "--weight-noise", option: "weightNoise", value: NUMBER },
  { flag: "--weight-ranges", option: "weightRanges" },
  { flag: "--memory-limit", option: "memoryLimit", value: NUMBER },
  // load
  { flag: "--decimal", option: "decimal", value: choice([".", ","]) },
  { flag: "--unit", option: "unit", value: { kind: "text" } },
  { flag: "--encoding", option: "encoding", value: choice(ENCODINGS) },
  { flag: "--sheet", option: "sheet" },
  { flag: "--tree-sheet", option: "treeSheet" },
];

/**
 * Sentences whose words change beyond a flag's name, replaced before the flags are: `cli` as the core's message writes
 * it, `library` as the facade does, and `column`, the option of an issue whose `column` is a flag and whose message
 * holds the sentence.
 */
export const PHRASES: readonly { cli: string; library: string; column?: string }[] = [
  // --aggregate takes levels on the command line (0:arithmetic); the library has aggregateByLevel for them.
  { cli: "--aggregate names level", library: "option aggregateByLevel names level", column: "aggregateByLevel" },
  // --aggregate power:P is two options in the library.
  { cli: "expected --power P or --aggregate power:P (e.g. power:0.5)", library: 'expected option power beside aggregate: "power", e.g. { aggregate: "power", power: 0.5 }' },
  { cli: "the exponent goes in --power P", library: "the exponent goes in option power" },
  { cli: "or no --outliers", library: 'or outliers: "none"' },
  { cli: "--method ahp needs the pairwise judgements; expected --ahp FILE", library: 'weights: "ahp" needs the pairwise judgements; expected option ahp, the path of a judgement file' },
  { cli: "expected no --unit", library: "expected no option unit" },
  // A base year named without its value (a missing base value's hint).
  { cli: "--base-year <year>", library: "baseYear: <year>" },
  // The objective methods, listed after one flag.
  { cli: "an objective method: --weights entropy, critic, cv, pca or combined", library: 'an objective method, weights: "entropy", "critic", "cv", "pca" or "combined"' },
];

const BY_FLAG = new Map(FLAG_NAMES.map((name) => [name.flag, name] as const));

/**
 * Other names a call may give an option by, beside the command line's flags of `FLAG_NAMES`: the flag of a command
 * whose options are another call's (`report --lang` for `report`'s `language`), and the nouns of options named by
 * their verb. Each is a hint after an unknown option (`optionCalled`), never an option taken.
 */
export const OTHER_NAMES: Readonly<Record<string, string>> = {
  lang: "language",
  // audit --skew for audit's skewness.
  skew: "skewness",
  normalization: "normalize",
  normalisation: "normalize",
  aggregation: "aggregate",
};

/** Lower case, without hyphens and underscores: `weightYears`, `weight_years` and `--weight-years` are one name. */
const squashed = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/** The option of each flag's name and other name, by its squashed form. */
const BY_OTHER_NAME = new Map<string, string>([
  ...FLAG_NAMES.map(({ flag, option }) => [squashed(flag), option] as const),
  ...Object.entries(OTHER_NAMES).map(([name, option]) => [squashed(name), option] as const),
]);

/**
 * The option an unknown key of a call stands for, as the call names it, when the key is a command line flag's name in
 * any spelling (`weightYears` or `weight_years` for `--weight-years`) or a name of `OTHER_NAMES` (`normalization`):
 * under `scope` (the object option the key was given in, `weighting`), the option's name in it (`years`); at the top
 * level, its name or path (`weighting.years`, for a call that takes `weighting`). `undefined` for another key, and for
 * an option that `known` (the keys the call takes there) does not hold.
 * @example optionCalled("weightYears", undefined, INDEX_OPTION_NAMES) // => "weighting.years"
 * @example optionCalled("weightYears", "weighting", WEIGHTING_OPTION_NAMES) // => "years"
 */
export function optionCalled(key: string, scope: string | undefined, known: readonly string[]): string | undefined {
  const option = BY_OTHER_NAME.get(squashed(key));
  if (option === undefined) return undefined;
  const inScope = scope === undefined ? option : option.startsWith(`${scope}.`) ? option.slice(scope.length + 1) : undefined;
  if (inScope === undefined || inScope === key) return undefined;
  return known.includes(inScope.split(".")[0]) ? inScope : undefined;
}

/**
 * A flag where a message names one: not inside a word (`x--y`) nor a decrement (`[--i]`), nor in quotes, where it is
 * what a call wrote (`unknown option "--cap"`, a key given as the flag), kept as written.
 */
const FLAG = /(?<![\w["-])--[a-z][a-z0-9-]*/g;

/**
 * `message` in the library's names: the phrases of `PHRASES`, then every flag of `FLAG_NAMES` with the value written
 * after it (`--outliers log` is `outliers: "log"`); a flag that starts the message, or follows its `source: `, is its
 * subject (`option cap -5 is below 100`), and flags written one after the other are joined by "and". A flag not in
 * `FLAG_NAMES` (one only the command line can meet) is left as it is.
 * @example inLibraryNames("raise --winsor-max, or use --outliers winsorise-log") // => 'raise winsorMax, or use outliers: "winsorise-log"'
 */
export function inLibraryNames(message: string): string {
  let text = message;
  for (const { cli, library } of PHRASES) text = text.split(cli).join(library);
  let out = "";
  let at = 0;
  for (const match of text.matchAll(FLAG)) {
    if (match.index < at) continue;
    const runStart = match.index;
    const terms: string[] = [];
    let end = runStart;
    // A run of flags one after the other (`--weights combined --combination additive`).
    for (let next = text.slice(end).match(/^--[a-z][a-z0-9-]*/); next; next = text.slice(end).match(/^ --[a-z][a-z0-9-]*/)) {
      const flag = next[0].trim();
      const name = BY_FLAG.get(flag);
      if (!name) break;
      const flagEnd = end + next[0].length;
      const value = readValue(name.value, text.slice(flagEnd));
      const subject = terms.length === 0 && /^(\S+: )?$/.test(text.slice(0, runStart));
      const shown = value === undefined || (subject && name.value?.kind === "switch") ? "" : subject ? ` ${value.literal}` : `: ${value.literal}`;
      terms.push(`${subject ? "option " : ""}${name.option}${shown}`);
      end = flagEnd + (value?.length ?? 0);
    }
    if (terms.length === 0) continue;
    out += text.slice(at, runStart) + terms.join(" and ");
    at = end;
  }
  const renamed = out + text.slice(at);
  // The message renamed is still the catalogue's: `messageOf` gives it in Chinese (with the command line's flags).
  if (renamed !== message) rememberAs(renamed, message);
  return renamed;
}

/**
 * The value written after a flag (`rest` is the text after it), as the library writes it, and how many characters of
 * `rest` it takes (its leading space included); `undefined` when what follows is not a value of the flag.
 */
function readValue(form: FlagValue | undefined, rest: string): { literal: string; length: number } | undefined {
  if (form === undefined) return undefined;
  if (form.kind === "switch") return { literal: "true", length: 0 };
  if (!rest.startsWith(" ")) return undefined;
  const token = rest.slice(1).match(/^\S+/)?.[0] ?? "";
  const taken = (literal: string, text: string) => ({ literal, length: 1 + text.length });
  switch (form.kind) {
    case "choice": {
      // The value as written, or without the punctuation after it ("--weights critic, which ...").
      for (const text of [token, token.replace(/[,;:.)]+$/, "")]) {
        const words = text.split("|");
        if (text !== "" && words.every((word) => form.choices.includes(word))) return taken(words.map((word) => JSON.stringify(word)).join(" | "), text);
      }
      return undefined;
    }
    case "number": {
      const number = token.match(/^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/)?.[0];
      return number === undefined ? undefined : taken(number, number);
    }
    case "pair": {
      const pair = token.match(/^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/);
      return pair ? taken(`{ ${form.names[0]}: ${pair[1]}, ${form.names[1]}: ${pair[2]} }`, pair[0]) : undefined;
    }
    case "text": {
      const quoted = rest.slice(1).match(/^"(?:[^"\\]|\\.)*"/)?.[0];
      return quoted === undefined ? undefined : taken(quoted, quoted);
    }
  }
}

/**
 * Problems of one option whose issue names no column, or a column of the data (`year`, `unit`), and the option they
 * are about: the facade gives that option as their `column`, as it does for `E_BAD_OPTION`.
 */
export const OPTION_OF_CODE: Readonly<Record<string, string>> = {
  E_BASE_YEAR_ABSENT: "baseYear",
  E_UNKNOWN_REFERENCE_UNIT: "referenceUnit",
  E_UNKNOWN_WEIGHT_YEAR: "weighting.years",
  E_UNKNOWN_WEIGHT_UNIT: "weighting.units",
  E_AHP_NO_JUDGEMENTS: "ahp",
};

/**
 * The `column` of an issue in the library's names: the option of `OPTION_OF_CODE`; for a flag (`--cap`), its option;
 * for none, the option its message starts with (`--cap has no effect` is about `cap`); any other column as it is.
 */
function columnInLibraryNames(code: string, column: Issue["column"], message: string): Issue["column"] {
  if (OPTION_OF_CODE[code] !== undefined) return OPTION_OF_CODE[code];
  if (typeof column === "string" && column.startsWith("--")) {
    // A key a call gave as a flag (`{ "--cap": 3 }`), quoted in its message as written: named as given.
    if (message.includes(`"${column}"`)) return column;
    const phrase = PHRASES.find(({ cli, column: option }) => option !== undefined && cli.startsWith(column) && message.includes(cli));
    return phrase?.column ?? BY_FLAG.get(column)?.option ?? column;
  }
  const subject = column === undefined ? message.match(/^(?:\S+: )?(--[a-z][a-z0-9-]*)/)?.[1] : undefined;
  return (subject && BY_FLAG.get(subject)?.option) || column;
}

/** `issue` with its message and column in the library's names (the same object when neither names a flag). */
export function issueInLibraryNames<T extends Issue>(issue: T): T {
  const message = inLibraryNames(issue.message);
  const column = columnInLibraryNames(issue.code, issue.column, issue.message);
  if (message === issue.message && column === issue.column) return issue;
  return { ...issue, message, ...(column === undefined ? {} : { column }) };
}

/** Every issue of `issues` in the library's names. */
export function issuesInLibraryNames<T extends Issue>(issues: readonly T[]): T[] {
  return issues.map(issueInLibraryNames);
}

/**
 * `error` with its message (and a `ValidationError`'s issues and heading, an `InputError`'s column) in the library's
 * names: a new error of the same class, whose `cause` is the original's; the same error when nothing names a flag,
 * and any error that is not the tool's as it is.
 */
export function errorInLibraryNames(error: unknown): unknown {
  if (error instanceof ValidationError) {
    const issues = issuesInLibraryNames(error.issues);
    const heading = error.heading && issueInLibraryNames(error.heading);
    if (issues.every((issue, i) => issue === error.issues[i]) && heading === error.heading) return error;
    return withStack(new ValidationError(issues, heading, error.partial), error);
  }
  if (error instanceof InputError) {
    const message = inLibraryNames(error.message);
    const column = columnInLibraryNames(error.code, error.column, error.message);
    if (message === error.message && column === error.column) return error;
    return withStack(new InputError(error.code, message, { source: error.source, line: error.line, column, id: error.id }, { cause: error.cause }), error);
  }
  if (error instanceof IndexToolError) {
    const message = inLibraryNames(error.message);
    if (message === error.message) return error;
    const ErrorClass = error.constructor as new (code: string, message: string, options?: { cause?: unknown }) => IndexToolError;
    return withStack(new ErrorClass(error.code, message, { cause: error.cause }), error);
  }
  return error;
}

/** `renamed` with the stack of `original` (where the problem was found), under the new message. */
function withStack<T extends Error>(renamed: T, original: Error): T {
  const frames = original.stack?.indexOf("\n    at ") ?? -1;
  if (frames >= 0) renamed.stack = `${renamed.name}: ${renamed.message}${original.stack!.slice(frames)}`;
  return renamed;
}
