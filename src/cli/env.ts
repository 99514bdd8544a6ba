/**
 * What a command may touch, passed in explicitly so tests run commands in-process.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "../errors.js";

export interface CliEnv {
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** Data (tables, CSV on `-`). */
  stdout: (text: string) => void;
  /** Diagnostics: warnings, errors, progress. */
  stderr: (text: string) => void;
  /** Binary data on stdout (`--format xlsx`). */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). Default false. */
  stderrIsTerminal?: boolean;
  /** Prints a warning (set by `--log-format`); without it warnings are printed as text on `stderr`. */
  warn?: (issue: Issue) => void;
  /** Writes terminal control text (the progress bar's carriage return and line erase) to stderr as it is. Default `stderr`. */
  stderrControl?: (text: string) => void;
  /** Print every problem and warning (`--all-problems`, `--debug`), not only the first `PRINTED_PROBLEMS`. Default false. */
  allProblems?: boolean;
}

/**
 * The real process's environment. The standard streams are created on first use, not here: creating one loads Node's
 * stream modules, which a quiet run (a scheduled `compute -q`) never needs.
 */
export function processEnv(): CliEnv {
  let watching = false;
  const stdout = () => {
    // `innovation-index compute --format csv | head`: when the reader goes away, stop quietly as other Unix tools do.
    if (!watching) {
      watching = true;
      process.stdout.once("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") throw error;
        process.exit(process.exitCode ?? 0);
      });
    }
    return process.stdout;
  };
  return {
    cwd: process.cwd(),
    stdout: (text) => void stdout().write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutBytes: (bytes) => void stdout().write(bytes),
    get stderrIsTerminal() {
      return process.stderr.isTTY === true;
    },
  };
}

/** The package's own folder (holding `indicators/` and `data/`), from `src/cli` or `dist/cli` alike. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The tool's version, from its package.json. */
export const VERSION = (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The shipped Changzhou example, used when `--indicators` and `--data` are not given. */
export const EXAMPLE = {
  indicators: resolve(PACKAGE_ROOT, "indicators/changzhou-2020.csv"),
  data: resolve(PACKAGE_ROOT, "data/changzhou/values.csv"),
};

/** The illustrative AHP judgements shipped with the Changzhou example, used by AHP runs on the shipped example. */
export const EXAMPLE_AHP = {
  path: resolve(PACKAGE_ROOT, "indicators/changzhou-2020-ahp.csv"),
  label: "indicators/changzhou-2020-ahp.csv",
};
