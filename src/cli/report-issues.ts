/**
 * Printing warnings and errors to stderr, and mapping errors to exit codes (the only place that decides them).
 */
import { CommanderError } from "commander";
import { formatIssue, InputError, OutputError, UsageError, ValidationError, type Issue } from "../errors.js";
import type { CliEnv } from "./env.js";

/** Exit codes: documented in the README and used consistently. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3, internal: 4 } as const;

/** Prints each warning as `warning: <where>: <message>`. */
export function printWarnings(warnings: readonly Issue[], env: CliEnv): void {
  for (const warning of warnings) env.warn ? env.warn(warning) : env.stderr(`warning: ${formatIssue(warning)}\n`);
}

/** Prints an error the way its kind asks and returns the exit code. */
export function reportError(error: unknown, env: CliEnv, debug = false): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander printed it
  const stack = debug && error instanceof Error ? `\n${error.stack}` : "";
  if (error instanceof ValidationError) {
    env.stderr(`error: ${error.message}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof InputError) {
    env.stderr(`error: ${error.message}${stack}\n`);
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    env.stderr(`error: ${error.message}\n(run with --help for usage)${stack}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    env.stderr(`error: ${error.message}${stack}\n`);
    return EXIT.output;
  }
  env.stderr(`internal error: ${error instanceof Error ? error.stack : String(error)}\nthis is a bug; please report it with the command you ran\n`);
  return EXIT.internal;
}
