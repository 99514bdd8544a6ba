/**
 * A project's runs folder (`runs:` of index.yaml) must not be where its run reads its inputs: a run writes `LATEST`
 * (and its lock, temporary and staging files) into it, and one written into the values folder is read as values by the
 * next run; nor may the folder be an input file, or put those files where an input is read. Refused before the run
 * takes its lock or writes anything, as a command's `--out` into its values folder is (`E_OUT_IS_INPUT`).
 */
import { statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { OutputError } from "../../errors.js";
import { realPath } from "../read/inputs-read.js";
import { isRunId, LATEST_FILE, RUN_FILE_NAMES } from "./run-names.js";
import { LOCK_FILE, STAGING_MARKER, STAGING_PREFIX } from "./runs.js";

/**
 * Whether the path `inside`, relative to a runs folder (`/`- or `\`-separated), is one a run writes or removes there:
 * `LATEST` and its temporary files (`.LATEST.<pid>.tmp`), the lock `.lock` and its files (`.lock.<pid>.tmp`,
 * `.lock.<pid>.stale`), anything in a staging folder (`.staging-<id>`), or the staging marker of a run folder. A run
 * folder's other files are not: a new run is written under a new id, and an earlier run's files are never touched.
 */
function isRunsOwnPath(inside: string): boolean {
  const [first, ...rest] = inside.split(sep);
  if (first === LATEST_FILE || first === LOCK_FILE || /^\.LATEST\.\d+\.tmp$/.test(first) || /^\.lock\.\d+\.(?:tmp|stale)$/.test(first)) return rest.length === 0;
  if (first.startsWith(STAGING_PREFIX)) return true;
  return isRunId(first) && rest.length === 1 && rest[0] === STAGING_MARKER;
}

/** Where a project's runs folder is, and what its run reads. */
export interface RunsAndInputs {
  /** The runs folder (absolute), and `runs:` as index.yaml writes it (or `--runs` as the command line gives it). */
  runsDir: string;
  runs: string;
  /** Where messages say `runs:` is set: `index.yaml:4`; or the flag that gave the folder, `--runs`, with `valuesAt`. */
  where: string;
  /** With the runs folder given by a flag (`where`): where the project file sets `values:`, `index.yaml:3`. */
  valuesAt?: string;
  /** The values path (absolute): a file, a query, or a folder whose files are all read. */
  values: string;
  /** Every input file the run reads (absolute), each with how messages name it. */
  inputs: readonly { path: string; label: string }[];
  /**
   * The globs its queries read by (absolute, `QueryGlob`), each with how messages name it and the query that reads by
   * it (`q.sql`, `tree.csv:5`): files a run writes where one matches would be read by the next run.
   */
  patterns?: readonly { pattern: string; label: string; query: string }[];
  /** For `runs publish` and `rollback`, which write LATEST into the folder: said so (compute's run otherwise). */
  action?: "publish" | "rollback";
}

/**
 * Names of what a run writes directly in its runs folder, one of each kind: `LATEST` and its temporary file, the lock
 * and its files, a staging folder, a run folder (a run id).
 */
const RUNS_OWN_SAMPLES = [LATEST_FILE, ".LATEST.12345.tmp", LOCK_FILE, ".lock.12345.tmp", ".lock.12345.stale", `${STAGING_PREFIX}20260101T000000.000Z-0123abcd`, "20260101T000000.000Z-0123abcd"];

/** Whether a path segment holds a wildcard DuckDB's glob reads (`*`, `?`, `[…]`). */
const WILDCARD = /[*?[]/;

/** Whether the one path segment `name` is matched by the glob segment `pattern` (`*` and `?` within it, `[…]`, `[!…]`). */
function segmentMatches(pattern: string, name: string): boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i];
    const close = character === "[" ? pattern.indexOf("]", i + 2) : -1;
    if (character === "*") source += ".*";
    else if (character === "?") source += ".";
    else if (close > 0) {
      const inside = pattern.slice(i + 1, close);
      source += `[${inside.startsWith("!") ? `^${inside.slice(1)}` : inside}]`.replace(/\\/g, "\\\\");
      i = close;
    } else source += character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${source}$`, "s").test(name);
  } catch {
    return true; // a class this reading gets wrong is taken to match: refused rather than read
  }
}

/** Whether `name`, a path segment with no wildcard, is one a run writes directly in its runs folder (a file, or a run or staging folder). */
function isRunsOwnName(name: string): boolean {
  return isRunsOwnPath(name) || isRunId(name) || name.startsWith(STAGING_PREFIX);
}

/**
 * Whether the glob `pattern` (absolute, its folders' real paths) can match a file a run writes in the runs folder
 * `runsReal` (a real path), so that the next run's query would read it. The rule, sound and simple:
 * - a folder the pattern's folder part matches (`data` for `data/*`, `data/x` for `data/*` + `/…`), when its file part
 *   may name what a run writes there (`*`, `LATEST`, `.lock*`: `RUNS_OWN_SAMPLES`; not `*.csv`);
 * - with `**` (any depth), any folder at or under the part before it (`data`, `data/runs` for `data/**` + `/*.csv`),
 *   when its file part may name what a run writes there or in a run folder (`*.csv` names index.csv);
 * - a folder above the pattern's folder part, when the pattern's next segment may name what a run writes there (a
 *   wildcard, `LATEST`, a run id): the pattern then reaches into the run folders (`data` for `data/*` + `/index.csv`);
 * - a folder below the folder part, without `**`, is out of the pattern's reach (`data/runs` for `data/*.csv`: a
 *   single-level `*` matches no `/`), and accepted.
 */
export function globReachesRuns(pattern: string, runsReal: string): boolean {
  const split = (path: string) => path.split(/[\\/]+/).filter((segment) => segment !== "");
  const parts = split(pattern);
  const runs = split(runsReal);
  const recursive = parts.findIndex((part) => part.includes("**"));
  // The segments that must match the runs folder's: up to `**`, or the folder part.
  const folder = recursive >= 0 ? parts.slice(0, recursive) : parts.slice(0, -1);
  for (let i = 0; i < Math.min(folder.length, runs.length); i++) if (!segmentMatches(folder[i], runs[i])) return false;
  // The runs folder is one the pattern reads files of: refused when its file part may name a file a run writes there.
  const name = parts[parts.length - 1];
  if (runs.length === folder.length && recursive < 0) return RUNS_OWN_SAMPLES.some((sample) => segmentMatches(name, sample));
  // Under `**`, any file in the runs folder or its run folders.
  if (runs.length >= folder.length) return recursive >= 0 && (name.includes("**") || [...RUNS_OWN_SAMPLES, ...RUN_FILE_NAMES].some((sample) => segmentMatches(name, sample)));
  const next = folder[runs.length];
  return WILDCARD.test(next) || isRunsOwnName(next);
}

/**
 * Throws `OutputError` `E_OUT_IS_INPUT` when the runs folder is the values folder (`runs: data` beside `values: data`:
 * the `LATEST` written there would be read as values by the next run; a subfolder, `runs: data/runs`, is not read and
 * is accepted), an input file itself, or a folder where a run writes or removes a file that is an input
 * (`isRunsOwnPath`: `indicators: runs/LATEST`), or a folder a query's glob reaches (`globReachesRuns`: `runs: data`
 * beside `read_csv('data/*.csv')`, whose next run would read what this one writes there). Paths are compared by their
 * real paths (a link to the values folder is that folder). `action`: publish and rollback say so in their messages.
 */
export function refuseRunsOnInputs({ runsDir, runs, where, valuesAt, values, inputs, patterns = [], action }: RunsAndInputs): void {
  const runsReal = realPath(runsDir);
  const isFolder = (() => {
    try {
      return statSync(values).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isFolder && realPath(values) === runsReal)
    throw new OutputError(
      "E_OUT_IS_INPUT",
      action === undefined || valuesAt !== undefined ? outputMessages.runsIsValuesFolder(where, runs, valuesAt) : outputMessages.runsToPublishIsValuesFolder(action, where, runs),
    );
  const isInput = (label: string, itself: boolean) =>
    new OutputError("E_OUT_IS_INPUT", action === undefined ? outputMessages.runsIsInput(where, runs, label, itself) : outputMessages.runsToPublishIsInput(action, where, runs, label, itself));
  for (const input of inputs) {
    const inside = relative(runsReal, realPath(input.path));
    if (inside === "") throw isInput(input.label, true);
    const outside = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
    if (!outside && isRunsOwnPath(inside)) throw isInput(input.label, false);
  }
  for (const { pattern, label, query } of patterns)
    if (globReachesRuns(realPath(pattern), runsReal)) throw new OutputError("E_OUT_IS_INPUT", outputMessages.runsMatchedByQuery(where, runs, query, label, action));
}
