/**
 * Printing warnings and errors to stderr, and mapping errors to exit codes (the only place that decides them).
 * Everything printed is `printable` (control characters shown as escapes), problems are printed in the order of their
 * files (`inFileOrder`), and long lists of problems are cut to the first `PRINTED_PROBLEMS` with a count of the rest,
 * unless `--all-problems` (or `--debug`) asks for them all.
 */
import { CommanderError } from "commander";
import { commandMessages } from "../core/command-messages.js";
import { messages } from "../core/messages.js";
import { formatIssue, InputError, OutputError, UsageError, ValidationError, type Issue } from "../errors.js";
import type { CliEnv } from "./env.js";
import { TERMINAL_WORDS } from "./language.js";
import { formatIssueInChinese } from "../core/zh/words.js";
import { printable } from "./printable.js";

/** Exit codes: documented in the README and used consistently. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3, internal: 4 } as const;

/** Problems (errors or warnings) printed of a longer list, unless every problem is asked for. */
export const PRINTED_PROBLEMS = 50;

/** How many of `count` problems to print. */
export const printedCount = (count: number, all = false) => (all ? count : Math.min(count, PRINTED_PROBLEMS));

/**
 * `issues` in the order of their files: by file (in the order each file first appears among them), then line, then
 * column number; the checks that find problems run one after another (the tree's structure, then its weights and
 * directions; the values' numbers, then their codes), and a reader fixes a file from top to bottom. A problem of a
 * file as a whole (a file, no line) leads that file's problems: it names their likely cause (many duplicates: several
 * units without a unit column; no numbers at all: the empty template) and is not to be hidden behind them by the cut
 * at `PRINTED_PROBLEMS`. Problems with no file come after every file's, and a column given by name (not by number)
 * after the numbered ones of its line. The sort is stable, so problems at the same place keep the order the checks
 * found them in, and the output stays deterministic.
 * @example inFileOrder([{ source: "t.csv", line: 5 }, { source: "t.csv", line: 3 }]) // => lines 3, then 5
 */
export function inFileOrder<T extends Pick<Issue, "source" | "line" | "column">>(issues: readonly T[]): T[] {
  const fileRank = new Map<string, number>();
  for (const issue of issues) if (issue.source !== undefined && !fileRank.has(issue.source)) fileRank.set(issue.source, fileRank.size);
  const rank = (issue: T) => (issue.source === undefined ? Infinity : fileRank.get(issue.source)!);
  const line = (issue: T) => issue.line ?? -Infinity;
  const column = (issue: T) => (typeof issue.column === "number" ? issue.column : Infinity);
  // Keys compared, not subtracted: they may be infinite, and Infinity − Infinity is NaN. The sort is stable (ES2019).
  const compare = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  return [...issues].sort((a, b) => compare(rank(a), rank(b)) || compare(line(a), line(b)) || compare(column(a), column(b)));
}

/**
 * Prints each warning as `warning: <where>: <message>`, in file order (`inFileOrder`), the first `PRINTED_PROBLEMS`
 * unless `env.allProblems`; one about an option that index.yaml set names its line and key (`env.inProjectTerms`).
 */
export function printWarnings(given: readonly Issue[], env: CliEnv): void {
  const warnings = inFileOrder(env.inProjectTerms?.(given) ?? given);
  const shown = printedCount(warnings.length, env.allProblems);
  const say = env.translate ?? ((text: string) => text);
  for (let i = 0; i < shown; i++) env.warn ? env.warn(warnings[i]) : env.stderr(`warning: ${printable(formatIssue(warnings[i]))}\n`);
  if (shown < warnings.length) env.stderr(`warning: ${say(messages.moreProblems(warnings.length - shown, "warnings"))}\n`);
}

/**
 * What a command tells of a stale lock it took over (`folder-lock.ts`: a runs folder's, or an output folder's after a
 * command killed while it wrote): the warning `W_LOCK_TAKEN_OVER`, printed as it happens (as warnings are: not under
 * `-q`; in a JSON log with its code), so that the log shows that an earlier command did not finish.
 */
export const lockTakeOverWarning =
  (env: CliEnv) =>
  (message: string): void =>
    printWarnings([{ code: "W_LOCK_TAKEN_OVER", message }], env);

/**
 * What a command writing an output folder tells as it happens: a stale lock it took over (`lockTakeOverWarning`), what
 * a killed command left there under the tool's names that is not provably the tool's, kept (`W_LOCK_TEMPORARY_KEPT`,
 * `W_WRITING_FOLDER_KEPT`, `W_LOCK_STALE_KEPT`), and each of the lock's leftovers removed as provably the tool's (one
 * line on stderr, as a project run says what it removed), so that nothing goes without a word.
 */
export const folderWarnings = (
  env: CliEnv,
): { onTakeOver: (message: string) => void; onKept: (warning: Issue) => void; onRemoved: (message: string) => void } => ({
  onTakeOver: lockTakeOverWarning(env),
  onKept: (warning) => printWarnings([warning], env),
  onRemoved: (message) => env.stderr(message + "\n"),
});

/**
 * The text of a validation error: its summary line (`N problems found:`), then its problems one a line in file order
 * (`inFileOrder`), the first `PRINTED_PROBLEMS` unless `all`, then how many more there are.
 */
export function formatValidationError(error: ValidationError, all = false, translate?: (text: string) => string): string {
  const issues = inFileOrder(error.issues);
  const shown = printedCount(issues.length, all);
  // A Chinese terminal's place before the message: "u5.csv：" for a file alone, "u5.csv:3: " with a line.
  const say = (issue: Issue) => (translate === undefined ? formatIssue(issue) : formatIssueInChinese({ ...issue, message: translate(issue.message) }));
  const lines = [
    translate === undefined
      ? error.message.slice(0, error.message.indexOf("\n") >>> 0)
      : `${error.heading === undefined ? "" : `${say(error.heading)}；`}${TERMINAL_WORDS.zh.problemsFound(error.issues.length)}`,
  ];
  for (let i = 0; i < shown; i++) lines.push(say(issues[i]));
  if (shown < issues.length) {
    const more = messages.moreProblems(issues.length - shown, "problems");
    lines.push(translate === undefined ? more : translate(more));
  }
  return lines.join("\n");
}

/** The system calls that write (the others read): a permission refused to one of them is an output error. */
const WRITING_CALLS = new Set(["write", "rename", "unlink", "mkdir", "rmdir", "utime", "futime", "lutime", "chmod", "chown", "link", "symlink", "copyfile", "rm", "ftruncate", "fsync"]);

/** A system error refusing a file or folder to this user (EACCES, EPERM, with its path), else `undefined`. */
function permissionDenied(error: unknown): { path: string; code: string; writing: boolean } | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if ((code !== "EACCES" && code !== "EPERM") || typeof path !== "string") return undefined;
  return { path, code, writing: syscall !== undefined && WRITING_CALLS.has(syscall) };
}

/** Prints an error the way its kind asks and returns the exit code (`debug`: stacks, and every problem). */
export function reportError(error: unknown, env: CliEnv, debug = false): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander printed it
  const print = (text: string) => env.stderr(printable(text));
  const stack = debug && error instanceof Error ? `\n${error.stack}` : "";
  const words = TERMINAL_WORDS[env.translate === undefined ? "en" : "zh"];
  const say = env.translate ?? ((text: string) => text);
  if (error instanceof ValidationError) {
    print(`${words.error}${formatValidationError(error, debug || env.allProblems, env.translate)}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof InputError) {
    print(`${words.error}${say(error.message)}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    print(`${words.error}${say(error.message)}\n${words.usageHint}${stack}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    print(`${words.error}${say(error.message)}${stack}\n`);
    return EXIT.output;
  }
  // A file the system refuses to this user, met where no message of its own says so (a LATEST or a run's file another
  // user made): the file and what to check, exit 3 for a write, 1 for a read, not a bug.
  const denied = permissionDenied(error);
  if (denied) {
    print(`${words.error}${say(commandMessages.permissionDenied(denied.path, denied.code, denied.writing))}${stack}\n`);
    return denied.writing ? EXIT.output : EXIT.input;
  }
  // The command line runs minified (scripts/bundle.js): with source maps on, the stack names the sources' files and lines.
  const sourceMaps = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true ? "" : " (run it again with NODE_OPTIONS=--enable-source-maps for a stack that names the source files)";
  print(`internal error: ${error instanceof Error ? error.stack : String(error)}\nthis is a bug; please report it with the command you ran${sourceMaps}\n`);
  return EXIT.internal;
}
