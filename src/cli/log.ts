/**
 * Global output settings: `--quiet` (only errors on stderr, for cron) and `--log-format json` (one JSON object per line
 * on stderr, for log collectors). Both are read off the command line before it is parsed, so that even a usage error
 * comes out in the chosen form, and they apply wherever the flag is written (`innovation-index --quiet compute` or
 * `innovation-index compute --quiet`).
 */
import { CommanderError } from "commander";
import { formatIssue, ValidationError, IndexToolError, type Issue } from "../errors.js";
import type { CliEnv } from "./env.js";
import { messages } from "../core/messages.js";
import { cutText } from "../core/quote.js";
import { printable } from "./printable.js";
import { TERMINAL_WORDS } from "./language.js";
import { formatIssueInChinese } from "../core/zh/words.js";
import { inFileOrder, printedCount, printWarnings, reportError } from "./report-issues.js";

export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  quiet: boolean;
  format: LogFormat;
  /** Print every problem (`--all-problems` or `--debug`), not only the first `PRINTED_PROBLEMS`. */
  allProblems: boolean;
}

/**
 * The log settings of a command line: `-q`/`--quiet`, `--log-format FORMAT` (or `=FORMAT`) and `--all-problems` or
 * `--debug`, before any `--`.
 */
export function logSettingsOf(argv: readonly string[]): LogSettings {
  const settings: LogSettings = { quiet: false, format: "text", allProblems: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--") break;
    if (argument === "-q" || argument === "--quiet") settings.quiet = true;
    if (argument === "--all-problems" || argument === "--debug") settings.allProblems = true;
    const format = argument === "--log-format" ? argv[i + 1] : argument.startsWith("--log-format=") ? argument.slice(13) : undefined;
    if (format === "json" || format === "text") settings.format = format;
  }
  return settings;
}

type Level = "error" | "warning" | "info";

/** The level of a chunk of diagnostic text, from its prefix. */
function levelOf(text: string): { level: Level; message: string } {
  const match = /^(error|internal error|warning): /.exec(text);
  if (!match) return { level: "info", message: text };
  return { level: match[1] === "warning" ? "warning" : "error", message: text.slice(match[0].length) };
}

/**
 * A line of diagnostic text in the terminal's language: its prefix (`error: `, `warning: `) in Chinese words and its
 * message through `translate` (a text that holds several messages, such as a validation error's list, was translated
 * piece by piece by `reportError` and comes through as it is).
 */
function inLanguage(text: string, translate: (text: string) => string): string {
  const match = /^(error|internal error|warning): /.exec(text);
  const prefix = match === null ? "" : match[1] === "warning" ? TERMINAL_WORDS.zh.warning : match[1] === "error" ? TERMINAL_WORDS.zh.error : match[0];
  const body = match === null ? text : text.slice(match[0].length);
  // commander's own line after a usage error
  if (body.trimEnd() === TERMINAL_WORDS.en.usageHint) return `${TERMINAL_WORDS.zh.usageHint}\n`;
  // A message as a catalogue made it (some end with a line end), or one printed with a line end added to it.
  const whole = translate(body);
  if (whole !== body) return `${prefix}${whole}`;
  const end = body.endsWith("\n") ? "\n" : "";
  const line = end === "" ? body : body.slice(0, -1);
  const translated = translate(line);
  if (translated !== line) return `${prefix}${translated}${end}`;
  // An error no catalogue made: commander's own, whose words are known.
  return `${prefix}${match?.[1] === "error" ? commanderInChinese(line, translate) : line}${end}`;
}

/** commander's own usage errors (it writes them itself), in Chinese, by their English words; another text as it is. */
const COMMANDER_WORDS: readonly (readonly [RegExp, (...found: string[]) => string])[] = [
  [/^unknown option '([^']*)'/, (flag) => `未知选项 '${flag}'`],
  [/^unknown command '([^']*)'/, (name) => `未知命令 '${name}'`],
  [/^missing required argument '([^']*)'/, (name) => `缺少必需的参数 '${name}'`],
  [/^option '([^']*)' argument missing/, (flags) => `选项 '${flags}' 缺少值`],
  [/^required option '([^']*)' not specified/, (flags) => `未指定必需的选项 '${flags}'`],
  [/^too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, (name, expected, got) => `命令 '${name}' 的参数过多：应为 ${expected} 个，实际为 ${got} 个`],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (expected, got) => `参数过多：应为 ${expected} 个，实际为 ${got} 个`],
  [
    /^(option|environment variable) '([^']*)' cannot be used with (option|environment variable) '([^']*)'/,
    (kind, name, otherKind, other) => `${kind === "option" ? "选项" : "环境变量"} '${name}' 不能与${otherKind === "option" ? "选项" : "环境变量"} '${other}' 同时使用`,
  ],
  [/^Allowed choices are (.*)\.$/, (choices) => `可选值为：${choices}`],
  [/\(Did you mean one of ([^?)]*)\?\)/, (near) => `（是否应为以下之一：${near}？）`],
  [/\(Did you mean ([^?)]*)\?\)/, (near) => `（是否应为 ${near}？）`],
];

/**
 * A usage error of commander's in Chinese: its own words by `COMMANDER_WORDS`, and the reason of an invalid value of an
 * option, an option's environment variable or a command's argument, which is a catalogue message (`allowedChoices`, a
 * parser's message) through `translate`, or commander's own (`Allowed choices are ...`) by its words.
 */
function commanderInChinese(text: string, translate: (text: string) => string): string {
  const inWords = (words: string) => COMMANDER_WORDS.reduce((line, [pattern, say]) => line.replace(pattern, (_, ...found: string[]) => say(...found)), words);
  // The reason is a catalogue message, or commander's own (`Allowed choices are …`).
  const reason = (words: string) => {
    const translated = translate(words);
    return translated === words ? inWords(words) : translated;
  };
  const option = /^option '([^']*)' argument '([^']*)' is invalid\. ([\s\S]*)$/.exec(text);
  if (option) return `选项 '${option[1]}' 的值 '${option[2]}' 无效：${reason(option[3])}`;
  const variable = /^option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\. ([\s\S]*)$/.exec(text);
  if (variable) return `环境变量 '${variable[3]}' 给选项 '${variable[1]}' 的值 '${variable[2]}' 无效：${reason(variable[4])}`;
  const argument = /^command-argument value '([^']*)' is invalid for argument '([^']*)'\. ([\s\S]*)$/.exec(text);
  if (argument) return `参数 '${argument[2]}' 的值 '${argument[1]}' 无效：${reason(argument[3])}`;
  return inWords(text);
}

/**
 * One JSON log line. An issue's `column` that is a column's name and its `id` (an indicator's or a group's code) are
 * cut after `ECHO_LIMIT` characters (`cutText`), as the messages cut the names they quote: a header cell or a code
 * may be megabytes long.
 */
export function formatLogLine(level: Level, fields: Record<string, unknown>): string {
  const line: Record<string, unknown> = { time: new Date().toISOString(), level };
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined && value !== "") line[key] = CUT_FIELDS.has(key) && typeof value === "string" ? cutText(value) : value;
  return JSON.stringify(line) + "\n";
}

/** The fields of a log line that echo the input (a column's name, a code), cut as the messages cut what they quote. */
const CUT_FIELDS: ReadonlySet<string> = new Set(["column", "id"]);

/**
 * `env` with some fields replaced. Its getters are copied as getters, not read: `processEnv`'s `stderrIsTerminal`
 * creates the stderr stream when read.
 */
export function withEnv(env: CliEnv, fields: Partial<CliEnv>): CliEnv {
  return Object.defineProperties(Object.defineProperties({}, Object.getOwnPropertyDescriptors(env)), Object.getOwnPropertyDescriptors(fields)) as CliEnv;
}

/**
 * The environment commands get: stderr filtered by `--quiet` (errors only), made `printable` (control characters in
 * names and paths shown as escapes) and turned into JSON lines by `--log-format json`; `warn` prints a warning with
 * its code and place as fields, and with `--log-format json` `logProblem` logs a problem so; the progress bar's own
 * control text goes out as it is (`stderrControl`).
 */
export function loggingEnv(env: CliEnv, settings: LogSettings): CliEnv {
  const write = (text: string) => {
    const { level, message } = levelOf(text);
    if (settings.quiet && level !== "error") return;
    if (settings.format === "text") env.stderr(printable(env.translate === undefined ? text : inLanguage(text, env.translate)));
    // An error that comes this way is commander's usage error, which commander writes itself (the tool's own errors
    // are written by reportLoggedError, with their codes): a wrong command line, E_USAGE as the tool's own usage errors.
    else env.stderr(formatLogLine(level, { code: level === "error" ? "E_USAGE" : undefined, message: message.replace(/\n$/, "") }));
  };
  const warn = (issue: Issue) => {
    if (settings.quiet) return;
    if (settings.format === "json") env.stderr(formatLogLine("warning", { ...issue }));
    else if (env.translate === undefined) env.stderr(`warning: ${printable(formatIssue(issue))}\n`);
    else env.stderr(`${TERMINAL_WORDS.zh.warning}${printable(formatIssueInChinese({ ...issue, message: env.translate(issue.message) }))}\n`);
  };
  const stderrControl = (text: string) => {
    if (!settings.quiet && settings.format === "text") env.stderr(text);
  };
  // A problem is an error's: logged under --quiet too, as reportLoggedError logs an error's problems.
  const logProblem = settings.format === "json" ? (issue: Issue) => env.stderr(formatLogLine("error", { ...issue })) : undefined;
  return withEnv(env, { stderr: write, warn, logProblem, stderrControl, allProblems: settings.allProblems });
}

/**
 * Reports an error and returns the exit code: as text (see `reportError`), or in JSON one line per problem with its code,
 * file, line and column, and a last line with the exit code. The warnings a `ValidationError` carries (found before the
 * checks stopped: a unit's name mistyped on a few rows, which explains the errors about the unit it made) are printed
 * first, as a run's warnings are (`printWarnings`: not under `--quiet`; in JSON with their codes).
 */
export function reportLoggedError(error: unknown, env: CliEnv, settings: LogSettings, debug: boolean): number {
  if (error instanceof ValidationError && error.warnings !== undefined) printWarnings(error.warnings, loggingEnv(env, settings));
  if (settings.format === "text") return reportError(error, withEnv(env, { allProblems: settings.allProblems }), debug);
  const code = reportError(error, withEnv(env, { stderr: () => undefined }), false);
  if (error instanceof ValidationError) {
    const issues = inFileOrder(error.issues);
    const shown = printedCount(issues.length, settings.allProblems);
    if (error.heading) env.stderr(formatLogLine("error", { ...error.heading }));
    for (let i = 0; i < shown; i++) env.stderr(formatLogLine("error", { ...issues[i] }));
    if (shown < issues.length) env.stderr(formatLogLine("error", { message: messages.moreProblems(issues.length - shown, "problems"), more: issues.length - shown }));
  }
  else if (error instanceof IndexToolError) {
    const where = error as IndexToolError & Partial<Issue>;
    env.stderr(formatLogLine("error", { code: error.code, message: error.message, source: where.source, line: where.line, column: where.column, id: where.id }));
  }
  // A CommanderError's message is out already: commander wrote it, and loggingEnv gave it its code, E_USAGE.
  else if (!(error instanceof CommanderError))
    env.stderr(formatLogLine("error", { code: "E_INTERNAL", message: error instanceof Error ? error.stack : String(error) }));
  if (code !== 0) env.stderr(formatLogLine("error", { message: `exit code ${code}`, exitCode: code }));
  return code;
}
