/**
 * Applying a project file to a command: `index.yaml`'s keys become the command's option values, unless the same option
 * was given on the command line (flags override the file). The mapping is generic: a key of `inputs:`, `methods:` or `outputs:`
 * is the option's flag name without `--`, and its value goes through the option's own parser and choices, exactly as
 * if it had been typed. The keys of `uncertainty:` apply to the `uncertainty` command only (after `outputs:`, so that
 * its `decimals` wins there).
 */
import { InvalidArgumentError, type Command, type Option } from "commander";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { limitMessages } from "../core/limit-messages.js";
import { projectMessages } from "../core/project-messages.js";
import type { z } from "zod";
import { InputError, UsageError, ValidationError, type Issue } from "../errors.js";
import { joinMessages, rememberAs } from "../core/localize.js";
import type { Project } from "../io/project/project.js";
import { findProjectFile } from "../io/project/project-file.js";
import type { CliEnv } from "./env.js";
import { commandMessages } from "../core/command-messages.js";
import { displayPath } from "./display-path.js";

/** A project applied to a command. */
export interface AppliedProject extends Project {
  /** Absolute folder of the run folders. */
  runsDir: string;
  /** How messages name the runs folder. */
  runsLabel: string;
  /** Attribute names of the options whose value is a file (hashed into the manifest). */
  fileOptions: string[];
  /** The key path in the file of each of the command's options that the file can set, by its flag (`--base-year`: methods, base-year). */
  optionKeys: ReadonlyMap<string, readonly string[]>;
}

/**
 * Finds the project file (`--project`, or `index.yaml` in the current folder), validates it and sets the command's
 * options from it where the command line left them unset. Returns `undefined` when there is no project. Every problem
 * (schema, or a value an option's parser refuses) is reported at once, naming file, line and key. The commands that
 * need the project's runs folder only read it with `projectRunsFolder`.
 */
export function applyProject(command: Command, env: CliEnv): Promise<AppliedProject | undefined> {
  // Applied once per command, whoever asks first (the program's preAction hook or the command itself).
  let applied = APPLIED.get(command);
  if (!applied) APPLIED.set(command, (applied = readAndApply(command, env)));
  return applied;
}

const APPLIED = new WeakMap<Command, Promise<AppliedProject | undefined>>();

/**
 * The runs folder (absolute) of a command that only reads runs (`runs`, `verify`, `diff`): its `--runs DIR` when
 * given, else the `runs:` of the project file (`--project`, or `index.yaml` in the current folder), which must stay
 * inside the project's folder as every path of the file must (unless `allow-outside: true` or
 * `--allow-outside-project`). Only those keys of the file are read (`readProjectLocation`): a mistake in another one
 * (`methods: screen: "0.5"`) stops compute, not the commands that list, check, compare or publish the runs it made,
 * nor a rollback from the run that mistake would make. `undefined` when there is neither `--runs` nor a project. With
 * `refuseFor` (publish, rollback), a project file found is read under `--runs` too, for its `values:` (one that
 * cannot be read is then passed over: `--runs` is the way past it), and, when the whole file can be read, for the
 * input files of its runs (`projectInputsToRefuse`).
 * @throws `ValidationError` for a file that is not YAML, or a `runs:` that is no path or leaves the project's folder;
 * `InputError` `E_NO_PROJECT` for a `--project` that does not exist; with `refuseFor`, `OutputError`
 * `E_OUT_IS_INPUT` for a `runs:`, or a `--runs`, that is the folder `values:` names, or that is on an input of the
 * project's runs as compute refuses it (`refuseRunsOnInputs`)
 */
export async function projectRunsFolder(command: Command, env: CliEnv, { refuseFor }: { refuseFor?: "publish" | "rollback" } = {}): Promise<string | undefined> {
  const refuseValuesFolder = refuseFor !== undefined;
  const runs = command.getOptionValue("runs") as string | undefined;
  // With --runs, the project file is read only to refuse the values folder (below), and only when there is one.
  if (runs && !refuseValuesFolder) return resolve(env.cwd, runs);
  const file = findProjectFile(env.cwd, command.getOptionValue("project") as string | undefined);
  if (!file) return runs ? resolve(env.cwd, runs) : undefined;
  const { readProjectLocation } = await import("../io/project/project.js");
  let project: Awaited<ReturnType<typeof readProjectLocation>>;
  try {
    project = await readProjectLocation(file, displayPath(env.cwd, file));
  } catch (error) {
    // --runs is how a rollback gets past a project file it cannot read: the check of its values: is then left out.
    if (runs) return resolve(env.cwd, runs);
    throw error;
  }
  const at = (key: string) => {
    const line = project.lineOf([key]);
    return line ? `${project.label}:${line}` : project.label;
  };
  let runsDir: string;
  if (runs) runsDir = resolve(env.cwd, runs);
  else {
    const outside = outsideProject(project, ["runs"], project.settings.runs, allowsOutside(command, project.settings["allow-outside"]));
    if (outside) throw new ValidationError([outside]);
    runsDir = resolve(project.dir, project.settings.runs);
  }
  // `refuseFor` (runs publish, rollback, which write LATEST): a runs: that is the values folder (left by a
  // version that took it), or a --runs that is, is refused as compute refuses it, `E_OUT_IS_INPUT`, before anything is
  // touched. A values: that is no text is left to compute to refuse.
  const values = project.settings.values;
  if (refuseValuesFolder && typeof values === "string" && values !== "") {
    const [{ refuseRunsOnInputs }, { readProject }, { projectInputsToRefuse }, { printWarnings }] = await Promise.all([
      import("../io/runs/runs-on-inputs.js"),
      import("../io/project/project.js"),
      import("./project-inputs.js"),
      import("./report-issues.js"),
    ]);
    const where = runs ? { runs, where: "--runs", valuesAt: at("values") } : { runs: project.settings.runs, where: at("runs") };
    const runsAndValues = { runsDir, ...where, values: resolve(project.dir, values), action: refuseFor };
    refuseRunsOnInputs({ ...runsAndValues, inputs: [] });
    // The input files too, as the run refuses them, when the whole file can be read (a mistake in another key of it
    // stops compute, not a publish or a rollback: the run's inputs are then not known, and left out).
    const whole = await readProject(file, project.label).catch(() => undefined);
    // A glob whose folders were too many to look in for links to the runs folder all: said (W_RUNS_LINKS_UNCHECKED).
    if (whole) printWarnings(refuseRunsOnInputs({ ...runsAndValues, ...(await projectInputsToRefuse(whole, env.cwd)) }), env);
  }
  return runsDir;
}

/**
 * Whether paths of the project file may leave its folder: its `allow-outside: true` or `--allow-outside-project`. They
 * stay inside it otherwise, so that a shared project cannot read or write elsewhere on the machine unseen.
 */
function allowsOutside(command: Command, allowOutside: boolean | undefined): boolean {
  return allowOutside === true || command.optsWithGlobals().allowOutsideProject === true;
}

/** The problem of the path `value` of the key at `path` of the project file when it leaves the file's folder (unless `allowed`). */
function outsideProject(project: Pick<Project, "dir" | "label" | "lineOf">, path: readonly string[], value: string, allowed: boolean): Issue | undefined {
  if (allowed) return undefined;
  const absolute = isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith("\\");
  const inside = relative(project.dir, resolve(project.dir, value));
  if (!absolute && inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return undefined;
  const key = path.join(".");
  return { code: "E_PATH_OUTSIDE", message: limitMessages.pathOutsideProject(key, value, absolute), source: project.label, line: project.lineOf(path), column: key };
}

async function readAndApply(command: Command, env: CliEnv): Promise<AppliedProject | undefined> {
  const explicit = command.getOptionValue("project") as string | undefined;
  const file = findProjectFile(env.cwd, explicit);
  if (!file) return undefined;
  // The YAML parser and the schema (zod) load only when there is a project, so that plain runs start fast.
  const { isUncheckedProject, readProject } = await import("../io/project/project.js");
  const { INPUT_OPTIONS, isOutputPathSchema, isPathSchema, METHOD_OPTIONS, OUTPUT_OPTIONS, UNCERTAINTY_OPTIONS } = await import("../io/project/project-schema.js");
  const blockSchemas: [string, Record<string, z.ZodType>][] = [
    ["inputs", INPUT_OPTIONS],
    ["methods", METHOD_OPTIONS],
    ["outputs", OUTPUT_OPTIONS],
    ...(command.name() === "uncertainty" ? [["uncertainty", UNCERTAINTY_OPTIONS] as [string, Record<string, z.ZodType>]] : []),
  ];
  const project = await readProject(file, displayPath(env.cwd, file)).catch((error: unknown) => {
    // A file its schema refused: the values of its other keys are checked as options too, so that every problem of
    // the file is said in one pass (`missing: skip` and `aggregate: arithmetik` together).
    if (!(error instanceof ValidationError) || !isUncheckedProject(error.partial)) throw error;
    const unchecked = error.partial;
    const said = (key: string) => error.issues.some((issue) => typeof issue.column === "string" && (issue.column === key || issue.column.startsWith(`${key}.`)));
    const more: Issue[] = [];
    for (const [block, schemas] of blockSchemas) {
      const values = unchecked.data[block];
      if (typeof values !== "object" || values === null || Array.isArray(values)) continue;
      for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
        const option = optionFor(command, key);
        if (value === undefined || !option || !(key in schemas) || isPathSchema(schemas[key]) || said(`${block}.${key}`)) continue;
        const parsed = parseOptionValue(option, value);
        if (!parsed.ok) more.push(badKeyIssue(unchecked, [block, key], value, parsed.expected));
      }
    }
    if (more.length === 0) throw error;
    throw new ValidationError([...error.issues, ...more].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  });
  const settings = project.settings;
  const fromProject = (path: string) => displayPath(env.cwd, resolve(project.dir, path));
  const issues: Issue[] = [];
  const fileOptions: string[] = [];

  const set = (option: Option, value: unknown) => {
    // A flag typed overrides the file, under any of its names: `weights --method equal` overrides `methods: weights`.
    if (namesOfOption(command, option).some((same) => command.getOptionValueSource(same.attributeName()) === "cli")) return;
    command.setOptionValueWithSource(option.attributeName(), value, "config");
  };
  const allowOutside = allowsOutside(command, settings["allow-outside"]);
  const checkInside = (path: readonly string[], value: string) => {
    const outside = outsideProject(project, path, value, allowOutside);
    if (outside) issues.push(outside);
  };
  checkInside(["indicators"], settings.indicators);
  checkInside(["values"], settings.values);
  checkInside(["runs"], settings.runs);
  const indicators = optionFor(command, "indicators");
  const data = optionFor(command, "data");
  if (indicators) set(indicators, fromProject(settings.indicators));
  if (data) set(data, fromProject(settings.values));

  const blocks = blockSchemas.map(([block, schemas]): [string, Record<string, unknown>, Record<string, z.ZodType>] => [block, settings[block as "methods"], schemas]);
  const optionKeys = new Map<string, readonly string[]>([
    ["--indicators", ["indicators"]],
    ["--data", ["values"]],
  ]);
  for (const [block, , schemas] of blocks)
    for (const [key, schema] of Object.entries(schemas)) {
      const option = optionFor(command, key);
      if (option && isPathSchema(schema) && !isOutputPathSchema(schema)) fileOptions.push(option.attributeName());
      if (option?.long) optionKeys.set(option.long, [block, key]);
    }
  // The American spelling is the same option as the key normalise.
  if (optionKeys.has("--normalise")) optionKeys.set("--normalize", optionKeys.get("--normalise")!);
  for (const [block, values, schemas] of blocks)
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (isPathSchema(schemas[key])) checkInside([block, key], String(value));
      const option = optionFor(command, key);
      if (!option) continue; // an option of another command (validate has no --decimals)
      const isPath = isPathSchema(schemas[key]);
      const parsed = parseOptionValue(option, isPath ? fromProject(String(value)) : value);
      if (parsed.ok) set(option, parsed.value);
      else issues.push(badKeyIssue(project, [block, key], value, parsed.expected));
    }
  if (issues.length > 0) throw new ValidationError(issues);
  // A .sql values query reads inside the project folder, wherever the command runs and whatever --out says (a project
  // run sets it too): a path it names is the project's file, never one of the current folder's.
  command.setOptionValueWithSource("queryRoot", project.dir, "config");
  const runsDir = resolve(project.dir, settings.runs);
  const applied = { ...project, runsDir, runsLabel: displayPath(env.cwd, runsDir), fileOptions, optionKeys };
  // Loaded now, while reading is asynchronous, for warnings, which are printed synchronously (`warningsInProjectTerms`).
  PROJECT_TERMS.set(command, relocatorOf(command, applied, await import("../library-names.js")));
  PROJECTS.set(command, applied);
  return applied;
}

/** The option of a project file's key: `bom: false` is `--no-bom`, a switch that exists only negated, found by its positive name. */
function optionFor(command: Command, key: string): Option | undefined {
  return command.options.find((option) => option.long === `--${key}`) ?? command.options.find((option) => option.negate && option.long === `--no-${key}`);
}

/** The problem of a key of a project file whose value its option refuses (`expected`: what the option accepts). */
function badKeyIssue(project: { label: string; lineOf: (path: readonly string[]) => number | undefined }, path: readonly string[], value: unknown, expected: string): Issue {
  const key = path.join(".");
  return { code: "E_PROJECT", message: projectMessages.badKey(key, value, expected), source: project.label, line: project.lineOf(path), column: key };
}

/**
 * The options that are one option under two names: `weights`'s `-m, --method` is its `--weights`, `--normalize` the
 * American spelling of `--normalise`. Typed under either name, it overrides index.yaml's key and a preset's setting;
 * typed under both with different values, the command refuses them (`weightsDisagree`, `normaliseDisagrees`).
 */
const SAME_OPTIONS: readonly (readonly string[])[] = [
  ["--weights", "--method"],
  ["--normalise", "--normalize"],
];

/** `option` and the options of `command` that are the same option under another name (`SAME_OPTIONS`). */
export function namesOfOption(command: Command, option: Option): Option[] {
  const names = SAME_OPTIONS.find((same) => same.includes(option.long ?? ""));
  return names === undefined ? [option] : command.options.filter((candidate) => candidate === option || names.includes(candidate.long ?? ""));
}

/** The project applied to each command (`applyProject`), for what is read synchronously (`projectPlaceOf`). */
const PROJECTS = new WeakMap<Command, AppliedProject>();

/**
 * Where the project file applied to `command` sets `option`: the file as messages name it, the line and the key
 * (`methods.weights`). `undefined` when no project was applied to `command` or the file has no key for the option.
 */
export function projectPlaceOf(command: Command, option: Option): { source: string; line: number | undefined; key: string } | undefined {
  const project = PROJECTS.get(command);
  const path = project?.optionKeys.get(option.long ?? "");
  if (project === undefined || path === undefined) return undefined;
  return { source: project.label, line: project.lineOf(path), key: path.join(".") };
}

/** For each command a project was applied to, a problem as that project words it (`relocatorOf`). */
const PROJECT_TERMS = new WeakMap<Command, (issue: Issue) => Issue | undefined>();

/**
 * `warnings` worded as `errorInProjectTerms` words errors: a warning about an option that index.yaml set (`--cap has
 * no effect` from `methods: cap`) names `index.yaml:<line>` and the key (`methods.cap has no effect`); the same option
 * given as a flag keeps the flag's name. `warnings` as they are when no project was applied to one of `commands`.
 */
export function warningsInProjectTerms(warnings: readonly Issue[], commands: readonly Command[]): readonly Issue[] {
  const relocate = commands.map((command) => PROJECT_TERMS.get(command)).find((found) => found !== undefined);
  return relocate === undefined ? warnings : warnings.map((warning) => relocate(warning) ?? warning);
}

/**
 * `warningsInProjectTerms` for options read into a command of their own (`compare`'s configurations): warnings worded
 * in the terms of the project applied to `applied` (by default `options` itself, a configuration's project file), who
 * set each option read from `options`, so that one a project file set names that file, its line and key, and one
 * typed (in `compare --with`) keeps its flag's name. The warnings as they are when no project was applied to `applied`.
 */
export async function projectTermsOf(options: Command, applied: Command = options): Promise<(warnings: readonly Issue[]) => Issue[]> {
  const project = await APPLIED.get(applied)?.catch(() => undefined);
  if (project === undefined) return (warnings) => [...warnings];
  const relocate = relocatorOf(options, project, await import("../library-names.js"));
  return (warnings) => warnings.map((warning) => relocate(warning) ?? warning);
}

/**
 * `error` as a problem of the project file when an option that index.yaml set is what it is about: the base year of
 * `methods: base-year` absent from the data, `methods: weights: ahp` without judgements, the file of `methods: ahp`
 * that does not exist. Such a problem names `index.yaml:<line>` and the key, the flags in its message are named by
 * their keys (in every language), and it is an input error (exit 1), not a command-line one: nothing was typed. The
 * option an issue is about is the flag its message starts with, its column (a flag), the option of its code (the
 * library's `OPTION_OF_CODE`), or, for a file that cannot be read, the option naming that file. `error` as it is
 * otherwise, or when no project was applied to one of `commands` (the command that ran among them).
 */
export async function errorInProjectTerms(error: unknown, commands: readonly Command[]): Promise<unknown> {
  if (!(error instanceof ValidationError || error instanceof InputError || error instanceof UsageError) || WORDED.has(error)) return error;
  for (const command of commands) {
    const project = await APPLIED.get(command)?.catch(() => undefined);
    if (project) return inProjectTerms(error, command, project, await import("../library-names.js"));
  }
  return error;
}

/**
 * `errorInProjectTerms` for options read into a command of their own (`compare`'s configurations), as
 * `projectTermsOf` words their warnings: in the terms of the project applied to `applied`, who set each option read
 * from `options`. Its problems are then worded for good: not again in the terms of the command's own
 * index.yaml, which may set the same option (b.yaml's base year is not index.yaml's, nor is one typed in --with).
 */
export async function errorInTermsOf(error: unknown, options: Command, applied: Command = options): Promise<unknown> {
  if (!(error instanceof ValidationError || error instanceof InputError || error instanceof UsageError)) return error;
  const project = await APPLIED.get(applied)?.catch(() => undefined);
  const worded = project === undefined ? error : inProjectTerms(error, options, project, await import("../library-names.js"));
  if (worded instanceof ValidationError) for (const issue of worded.issues) WORDED.add(issue);
  else WORDED.add(worded);
  return worded;
}

/**
 * The problems and errors worded in a project's terms (placed in its file by `relocatorOf`, or all of a configuration's
 * by `errorInTermsOf`): never worded again, in another project's terms.
 */
const WORDED = new WeakSet<object>();

/** `issue`, made from the error `from`, worded for good as `from` is. */
export function wordedAs<T extends Issue>(issue: T, from: object): T {
  if (WORDED.has(from)) WORDED.add(issue);
  return issue;
}

/** A flag where a message names one (as in library-names.ts): not inside a word, a decrement or quotes. */
const FLAG = /(?<![\w["-])--[a-z][a-z0-9-]*/g;

function inProjectTerms(
  error: ValidationError | InputError | UsageError,
  command: Command,
  project: AppliedProject,
  names: typeof import("../library-names.js"),
): ValidationError | InputError | UsageError {
  const relocate = relocatorOf(command, project, names);
  if (error instanceof ValidationError) {
    const issues = error.issues.map((issue) => relocate(issue) ?? issue);
    return issues.every((issue, i) => issue === error.issues[i]) ? error : new ValidationError(issues, error.heading, error.partial, error.warnings);
  }
  const where = error instanceof InputError ? { source: error.source, line: error.line, column: error.column, id: error.id } : {};
  // A command-line problem that comes from the file is the file's (E_PROJECT).
  const issue = relocate({ code: error.code, message: error.message, ...where });
  return issue ? new ValidationError([{ ...issue, code: error instanceof UsageError ? "E_PROJECT" : issue.code }]) : error;
}

/**
 * The problem (an error's issue or a warning) `issue` as a problem of the project file, when an option that the file
 * set (not the command line) is what it is about (see `errorInProjectTerms`): at `index.yaml:<line>`, its column the
 * key, the flags in its message named by their keys. `undefined` when it is about no option the file set.
 */
function relocatorOf(command: Command, project: AppliedProject, { FLAG_NAMES, OPTION_OF_CODE }: typeof import("../library-names.js")): (issue: Issue) => Issue | undefined {
  const sourceOf = (option: Option) => command.getOptionValueSource(option.attributeName());
  // The command's option of a flag, or of another name of the same option (--method and --weights), the one given
  // first (weights has both: --method ahp in a message is methods.weights when the file set that).
  const optionOf = (flag: string): Option | undefined => {
    const name = FLAG_NAMES.find((entry) => entry.flag === flag)?.option;
    const same = command.options.filter((option) => option.long === flag || (name !== undefined && FLAG_NAMES.some((entry) => entry.option === name && entry.flag === option.long)));
    return same.find((option) => sourceOf(option) !== undefined) ?? same.find((option) => option.long === flag) ?? same[0];
  };
  // A flag the command line did not give, named by its key: what to write in index.yaml.
  const keyOf = (flag: string): string | undefined => {
    const option = optionOf(flag);
    return option && sourceOf(option) !== "cli" ? project.optionKeys.get(option.long!)?.join(".") : undefined;
  };
  // Whether `token` is what a message writes as the value of `flag`: none for a switch (`--report --static`); for an
  // option that takes one, a choice of the option, a placeholder (<share>, FILE, P), the value it was given, or text
  // its parser accepts that is not a bare word (a number, a list, a range). Anything else is the message's own words,
  // in English or Chinese (`--screen 筛除…`, `--weight-units and`).
  const isValueOf = (flag: string, token: string): boolean => {
    const option = optionOf(flag);
    if (option === undefined) return false;
    if (option.isBoolean() || option.negate) return token === "";
    if (token === "") return false;
    if (/^(?:<[^<>\s]+>|[A-Z][A-Z0-9_]*)$/.test(token)) return true;
    if (option.argChoices) return option.argChoices.includes(token);
    const given: unknown = command.getOptionValue(option.attributeName());
    if (given !== undefined && token === (Array.isArray(given) ? given.join(",") : String(given))) return true;
    if (!option.parseArg || /^\p{L}+$/u.test(token) || !/[\p{L}\p{N}]/u.test(token)) return false;
    try {
      option.parseArg(token, undefined);
      return true;
    } catch {
      return false;
    }
  };
  // Flags written one after the other with their values (--weights combined --combination additive) stay apart as
  // keys: methods.weights combined, methods.combination additive (and --report --static: outputs.report,
  // outputs.static). Only a value between them: words between two flags (`--static 在没有 --report 时`,
  // `--alpha 在 --weights`, `--weight-years / --weight-units`) are left as they are.
  const reword = (text: string) => {
    const flags = [...text.matchAll(FLAG)];
    let named = "";
    let done = 0;
    flags.forEach((match, i) => {
      const key = keyOf(match[0]);
      named += text.slice(done, match.index) + (key ?? match[0]);
      done = match.index + match[0].length;
      const next = flags[i + 1];
      if (key === undefined || next === undefined || keyOf(next[0]) === undefined) return;
      const between = text.slice(done, next.index);
      const value = between === " " ? "" : /^ (\S+) $/.exec(between)?.[1];
      if (value === undefined || !isValueOf(match[0], value)) return;
      named += `${between.trimEnd()}, `;
      done = next.index;
    });
    return named + text.slice(done);
  };
  const subjectOf = (issue: Issue): Option | undefined => {
    const byCode = OPTION_OF_CODE[issue.code];
    const flag =
      issue.message.match(/^(?:\S+: )?(--[a-z][a-z0-9-]*)/)?.[1] ??
      (typeof issue.column === "string" && issue.column.startsWith("--") ? issue.column : undefined) ??
      (byCode === undefined ? undefined : FLAG_NAMES.find((entry) => entry.option === byCode)?.flag);
    if (flag !== undefined) return optionOf(flag);
    // A file the file names that cannot be read at all.
    if (issue.code !== "E_READ" || issue.source === undefined) return undefined;
    return command.options.find((option) => project.optionKeys.has(option.long ?? "") && command.getOptionValue(option.attributeName()) === issue.source);
  };
  const relocate = (issue: Issue): Issue | undefined => {
    if (WORDED.has(issue)) return undefined;
    const option = subjectOf(issue);
    const path = option && project.optionKeys.get(option.long!);
    if (!option || !path || sourceOf(option) !== "config") return undefined;
    const key = path.join(".");
    // Worded so already (compute words the warnings it writes into files, then prints them): left as it is.
    if (issue.source === project.label && issue.column === key) return undefined;
    const reworded = reword(issue.message);
    if (reworded !== issue.message) rememberAs(reworded, issue.message, reword);
    const message = reworded.includes(key) ? reworded : joinMessages(projectMessages.ofKey(key), reworded);
    const placed = { ...issue, message, source: project.label, line: project.lineOf(path), column: key };
    WORDED.add(placed);
    return placed;
  };
  return relocate;
}

/**
 * A value from the file through the option's parser: booleans for switches, otherwise the text the flag would have
 * received (a number as written, a list joined by commas), checked against the option's choices.
 */
function parseOptionValue(option: Option, value: unknown): { ok: true; value: unknown } | { ok: false; expected: string } {
  if (option.isBoolean() || option.negate) return typeof value === "boolean" ? { ok: true, value } : { ok: false, expected: commandMessages.expectedBoolean() };
  if (value === null || typeof value === "object" && !Array.isArray(value)) return { ok: false, expected: commandMessages.expectedValueFor(String(option.long)) };
  const text = Array.isArray(value) ? value.map(String).join(",") : String(value);
  const choices = option.argChoices;
  if (choices && !choices.includes(text)) return { ok: false, expected: commandMessages.expectedOneOf(text, choices) };
  if (!option.parseArg) return { ok: true, value: text };
  try {
    return { ok: true, value: option.parseArg(text, undefined) };
  } catch (error) {
    if (error instanceof InvalidArgumentError) return { ok: false, expected: commandMessages.expectedAccepted(String(option.long), error.message.replace(/^error: /, "")) };
    return { ok: false, expected: commandMessages.expectedValid(String(option.long), value) };
  }
}
