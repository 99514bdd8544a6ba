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
import { isRunId, LATEST_FILE } from "./run-names.js";
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
}

/**
 * Throws `OutputError` `E_OUT_IS_INPUT` when the runs folder is the values folder (`runs: data` beside `values: data`:
 * the `LATEST` written there would be read as values by the next run; a subfolder, `runs: data/runs`, is not read and
 * is accepted), an input file itself, or a folder where a run writes or removes a file that is an input
 * (`isRunsOwnPath`: `indicators: runs/LATEST`). Paths are compared by their real paths (a link to the values folder is
 * that folder).
 */
export function refuseRunsOnInputs({ runsDir, runs, where, valuesAt, values, inputs }: RunsAndInputs): void {
  const runsReal = realPath(runsDir);
  const isFolder = (() => {
    try {
      return statSync(values).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isFolder && realPath(values) === runsReal) throw new OutputError("E_OUT_IS_INPUT", outputMessages.runsIsValuesFolder(where, runs, valuesAt));
  for (const input of inputs) {
    const inside = relative(runsReal, realPath(input.path));
    if (inside === "") throw new OutputError("E_OUT_IS_INPUT", outputMessages.runsIsInput(where, runs, input.label, true));
    const outside = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
    if (!outside && isRunsOwnPath(inside)) throw new OutputError("E_OUT_IS_INPUT", outputMessages.runsIsInput(where, runs, input.label, false));
  }
}
