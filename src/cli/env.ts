/**
 * What a command may touch, passed in explicitly so tests run commands in-process.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { HelpTranslation } from "../core/help-words.js";
import type { TableWords } from "../core/table-words.js";
import type { Issue } from "../errors.js";
import { terminalLanguageOf, type TerminalLanguage } from "./language.js";
import { commandMessages } from "../core/command-messages.js";
import { printable } from "./printable.js";

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
  /**
   * Logs one problem of several that a command finds before its error counts them (verify's differences), as the
   * problems of an error are logged: one JSON line at level error, with its code and place. Set by `--log-format json`
   * only; without it the command prints the problem's text itself.
   */
  logProblem?: (issue: Issue) => void;
  /**
   * Words the warnings about options that index.yaml set in its terms, naming its line and key (set by `createProgram`:
   * `warningsInProjectTerms`). Default: warnings as they are.
   */
  inProjectTerms?: (warnings: readonly Issue[]) => readonly Issue[];
  /** Writes terminal control text (the progress bar's carriage return and line erase) to stderr as it is. Default `stderr`. */
  stderrControl?: (text: string) => void;
  /** Print every problem and warning (`--all-problems`, `--debug`), not only the first `PRINTED_PROBLEMS`. Default false. */
  allProblems?: boolean;
  /** The terminal's language (cli/language.ts). Default English; the real process's comes from its locale. */
  language?: TerminalLanguage;
  /** Gives a message in the terminal's language; set by `main` while a command runs in Chinese. */
  translate?: (text: string) => string;
  /** The words of the tables printed on stdout, in the terminal's language (core/table-words.ts); set by `main`. Default English. */
  words?: TableWords;
  /** `--help` in the terminal's language (core/help-words.ts); set by `main` on a Chinese terminal. Default English. */
  help?: HelpTranslation;
}

/**
 * The real process's environment. The standard streams are created on first use, not here: creating one loads Node's
 * stream modules, which a quiet run (a scheduled `compute -q`) never needs.
 */
export function processEnv(): CliEnv {
  // A stream that cannot be written is written no more, and the command goes on to its end: a run being published
  // finishes, and its lock is released. `compute --format csv | head`: a reader gone away (EPIPE) is no failure, as
  // for other Unix tools. Any other (a log on a full disk) is an output error, exit 3 when the process ends, as a file
  // that cannot be written is, never 1, which says the inputs are wrong; said on standard error when that one works.
  const streams = {
    stdout: { name: "standard output", stream: () => process.stdout, watched: false, closed: false },
    stderr: { name: "standard error", stream: () => process.stderr, watched: false, closed: false },
  };
  const write = (which: keyof typeof streams, data: string | Uint8Array) => {
    const state = streams[which];
    if (state.closed) return;
    const stream = state.stream();
    if (!state.watched) {
      state.watched = true;
      // Told after the write, on a later tick: at the process's end, when the command is done, the exit code is set.
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (state.closed) return;
        state.closed = true;
        if (error.code !== "EPIPE") process.once("exit", () => streamFailed(state.name, error.code ?? error.message, streams.stderr.closed));
      });
    }
    stream.write(data);
  };
  return {
    cwd: process.cwd(),
    // On a terminal, text with its control characters shown as escapes (`printable`): a name holding `\x1b]0;…\x07`
    // in CSV printed there (`--out -`, weights, diff) would retitle the window, or worse; piped or redirected, as it is.
    stdout: (text) => write("stdout", process.stdout.isTTY ? printable(text) : text),
    stderr: (text) => write("stderr", text),
    // A workbook's bytes go to a file or a pipe, never to a terminal, which would act on them (`xlsxNeedsBytes`).
    get stdoutBytes() {
      return process.stdout.isTTY ? undefined : (bytes: Uint8Array) => write("stdout", bytes);
    },
    get stderrIsTerminal() {
      return process.stderr.isTTY === true;
    },
    language: terminalLanguageOf(process.env, process.platform),
  };
}

/**
 * At the process's end, exit code 3 (an output error, unless the command failed otherwise) for a standard stream that
 * could not be written (`2>/dev/full`, a log on a full disk), said on standard error unless that one is `closed`.
 */
function streamFailed(stream: string, reason: string, closed: boolean): void {
  if (!process.exitCode) process.exitCode = 3;
  if (!closed)
    try {
      process.stderr.write(`error: ${commandMessages.streamFailed(stream, reason)}\n`);
    } catch {
      // nothing more can be said
    }
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
