/**
 * Errors with stable codes. The CLI maps them to exit codes in `cli/main.ts`:
 * `InputError` and `ValidationError` exit 1, `UsageError` exits 2, `OutputError` exits 3, anything else is a bug.
 */

/** One problem found in the inputs: where it is, what was found and what was expected. */
export interface Issue {
  /** Stable code such as `E_UNKNOWN_PARENT`. */
  code: string;
  /** The message, already naming the thing, what was found and what was expected. */
  message: string;
  /** The file (or other source) the problem is in. */
  source?: string;
  /** 1-based line in the source file. */
  line?: number;
  /** Column name, or the 1-based column number of a cell (then printed in the place: `file:line:column`). */
  column?: string | number;
  /** The indicator, group or unit concerned. */
  id?: string;
}

/** Base class of every error the tool raises on purpose. */
export class IndexToolError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The user's files or values are wrong. */
export class InputError extends IndexToolError {
  readonly source?: string;
  readonly line?: number;
  readonly column?: string | number;
  readonly id?: string;
  constructor(code: string, message: string, where: Omit<Issue, "code" | "message"> = {}, options?: { cause?: unknown }) {
    super(code, message, options);
    this.source = where.source;
    this.line = where.line;
    this.column = where.column;
    this.id = where.id;
  }
}

/**
 * Several input problems, collected in one pass. `heading`, if given, says what they stop (`compare`: the configuration
 * that cannot be computed); it starts the summary line and is not counted among the problems. `warnings`, if given,
 * are the warnings the checks found before they stopped (a unit's name mistyped on a few rows, `W_UNIT_LOOKALIKE`,
 * which explains the errors about the unit it made): the command line prints them beside the problems, as it prints a
 * run's warnings when it succeeds. Not part of the message, nor counted.
 */
export class ValidationError extends IndexToolError {
  readonly issues: Issue[];
  readonly heading?: Issue;
  /**
   * What could be read in spite of the issues, where the reader gives it (a tree whose codes and parents hold though a
   * weight or a direction does not), for checks that still apply to it.
   */
  readonly partial?: unknown;
  /** The warnings found before the problems stopped the checks (absent when none). */
  readonly warnings?: Issue[];
  constructor(issues: Issue[], heading?: Issue, partial?: unknown, warnings?: readonly Issue[]) {
    const count = `${issues.length} problem${issues.length === 1 ? "" : "s"} found:`;
    super("E_VALIDATION", `${heading ? `${formatIssue(heading)}; ${count}` : count}\n` + issues.map(formatIssue).join("\n"));
    this.issues = issues;
    this.heading = heading;
    if (partial !== undefined) this.partial = partial;
    if (warnings !== undefined && warnings.length > 0) this.warnings = [...warnings];
  }
}

/** The command line itself is wrong (unknown option, bad option value). */
export class UsageError extends IndexToolError {}

/** An output file or folder could not be written. */
export class OutputError extends IndexToolError {}

/** A bug in the tool. */
export class InternalError extends IndexToolError {}

// The command line's bundle is minified, its classes renamed (scripts/bundle.js): each error keeps the name of its
// source, which `this.name` takes and a stack trace starts with.
for (const [type, name] of [
  [IndexToolError, "IndexToolError"],
  [InputError, "InputError"],
  [ValidationError, "ValidationError"],
  [UsageError, "UsageError"],
  [OutputError, "OutputError"],
  [InternalError, "InternalError"],
] as const)
  Object.defineProperty(type, "name", { value: name });

/** The errors `--strict` (`strict`) makes of `warnings`: each code `W_…` becomes `E_…`, the rest of each issue as it was. */
export function strictErrors(warnings: readonly Issue[]): Issue[] {
  return warnings.map((warning) => ({ ...warning, code: warning.code.replace(/^W_/, "E_") }));
}

/** Under `strict`, refuses `warnings` when there are any: a `ValidationError` of their `strictErrors`. */
export function refuseUnderStrict(strict: boolean | undefined, warnings: readonly Issue[]): void {
  if (strict && warnings.length > 0) throw new ValidationError(strictErrors(warnings));
}

/** `source:line:column: message` (the place prefix only where the message does not already carry it). */
export function formatIssue(issue: Issue): string {
  const place = placeOf(issue);
  return place && !issue.message.startsWith(place) ? `${place}: ${issue.message}` : issue.message;
}

/** `file:line:column` (a column number only), `file:line`, `file` or "" for an issue. */
export function placeOf(issue: Pick<Issue, "source" | "line" | "column">): string {
  if (!issue.source) return "";
  if (!issue.line) return issue.source;
  return typeof issue.column === "number" ? `${issue.source}:${issue.line}:${issue.column}` : `${issue.source}:${issue.line}`;
}

/** The outcome of a validation: a value, or every issue found. */
export type Validated<T> =
  | { ok: true; value: T; warnings: Issue[] }
  /** `partial`, where a reader gives it: what could be read in spite of the issues, for checks that still apply to it. */
  | { ok: false; issues: Issue[]; warnings: Issue[]; partial?: T };
