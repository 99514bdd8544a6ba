/**
 * Printing warnings and errors to stderr, and mapping errors to exit codes (the only place that decides them).
 * Everything printed is `printable` (control characters shown as escapes), and long lists of problems are cut to the
 * first `PRINTED_PROBLEMS` with a count of the rest, unless `--all-problems` (or `--debug`) asks for them all.
 */
import { CommanderError } from "commander";
import { messages } from "../core/messages.js";
import { formatIssue, InputError, OutputError, UsageError, ValidationError, type Issue } from "../errors.js";
import type { CliEnv } from "./env.js";
import { printable } from "./render.js";

/** Exit codes: documented in the README and used consistently. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3, internal: 4 } as const;

/** Problems (errors or warnings) printed of a longer list, unless every problem is asked for. */
export const PRINTED_PROBLEMS = 50;

/** How many of `count` problems to print. */
export const printedCount = (count: number, all = false) => (all ? count : Math.min(count, PRINTED_PROBLEMS));

/** Prints each warning as `warning: <where>: <message>`, the first `PRINTED_PROBLEMS` unless `env.allProblems`. */
export function printWarnings(warnings: readonly Issue[], env: CliEnv): void {
  const shown = printedCount(warnings.length, env.allProblems);
  for (let i = 0; i < shown; i++) env.warn ? env.warn(warnings[i]) : env.stderr(`warning: ${printable(formatIssue(warnings[i]))}\n`);
  if (shown < warnings.length) env.stderr(`warning: ${messages.moreProblems(warnings.length - shown, "warnings")}\n`);
}

/**
 * The text of a validation error: its summary line (`N problems found:`), then its problems one a line, the first
 * `PRINTED_PROBLEMS` unless `all`, then how many more there are.
 */
export function formatValidationError(error: ValidationError, all = false): string {
  const { issues } = error;
  const shown = printedCount(issues.length, all);
  const lines = [error.message.slice(0, error.message.indexOf("\n") >>> 0)];
  for (let i = 0; i < shown; i++) lines.push(formatIssue(issues[i]));
  if (shown < issues.length) lines.push(messages.moreProblems(issues.length - shown, "problems"));
  return lines.join("\n");
}

/** Prints an error the way its kind asks and returns the exit code (`debug`: stacks, and every problem). */
export function reportError(error: unknown, env: CliEnv, debug = false): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander printed it
  const print = (text: string) => env.stderr(printable(text));
  const stack = debug && error instanceof Error ? `\n${error.stack}` : "";
  if (error instanceof ValidationError) {
    print(`error: ${formatValidationError(error, debug || env.allProblems)}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof InputError) {
    print(`error: ${error.message}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    print(`error: ${error.message}\n(run with --help for usage)${stack}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    print(`error: ${error.message}${stack}\n`);
    return EXIT.output;
  }
  print(`internal error: ${error instanceof Error ? error.stack : String(error)}\nthis is a bug; please report it with the command you ran\n`);
  return EXIT.internal;
}
