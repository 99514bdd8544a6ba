/**
 * Publishing a run kept in a project's runs folder, or going back to the run the published one follows
 * (`innovation-index runs publish|rollback`): under the project's run lock, the run is verified whole, as `verify`
 * checks it (its files against its manifest, the manifest against itself and the run id), and only then is
 * `runs/LATEST` replaced, as `compute` replaces it (`writeLatest`: a temporary file renamed over it, flushed to the
 * disk, its line appended to the publication history `PUBLISHED.log` first). Nothing else is written, renamed or removed (but the run's own staging marker, left by a run killed between
 * its rename and the marker's removal, as `compute` removes it; kept and said when it cannot be, as `compute` keeps
 * it): the runs newer than the one published stay, and the next `compute` reports them (`W_UNPUBLISHED_RUN`) and records the published run as its `previous`.
 */
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { projectMessages } from "../../core/project-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { InputError, OutputError, type Issue } from "../../errors.js";
import { MANIFEST_FILE, readManifestChecked } from "./run-files.js";
import { isRunId, LATEST_FILE } from "./run-names.js";
import { removeFile } from "../write/folder-lock.js";
import { protectRunFiles } from "./run-protection.js";
import { PUBLICATION_HISTORY_FILE, type PublicationAction } from "./publication-history.js";
import { acquireLock, HistoryNotWrittenError, holdsMarker, LatestNotFlushedError, listRunIds, readLatestPointer, runFolderAt, STAGING_MARKER, STAGING_PREFIX, writeLatest, type LatestPointer } from "./runs.js";
import { isFileProblem, verificationWarnings, verifyRun, type RunVerification } from "./verify-run.js";

/** What `publishRun` and `rollbackRun` did. */
export interface Publication {
  /** The run `LATEST` named before (also one whose folder is gone); `undefined` when it named none. */
  before?: string;
  /** What `LATEST` held before when it was not a run id (`LatestPointer.held`: `""` for an empty file). */
  held?: string;
  /** The run `LATEST` names now. */
  after: string;
  /** `false` when `LATEST` already named that run: nothing was written. */
  changed: boolean;
  /**
   * What verify said of the run published without failing it (`verificationWarnings`: a killed report's leftover, a
   * report being written), each about its file, after the run's own staging marker kept because it could not be
   * removed (`W_STAGING_KEPT`: a read-only run folder); none when `LATEST` already named the run (it was not verified).
   */
  warnings?: Issue[];
  /**
   * The staging marker naming the run, left in its folder by a run killed between its rename and the marker's removal,
   * which was removed before the run was verified (as the next `compute` removes it): its path in the runs folder.
   */
  removed?: string;
}

/** Options of `publishRun` and `rollbackRun`. */
export interface PublishOptions {
  /** How messages name the runs folder. Default: `runsDir`. */
  runsLabel?: string;
  /** Told why when a stale lock (its run gone) is taken over. Default: not told. */
  onTakeOver?: (message: string) => void;
  /** The time the publication history records for the move of `LATEST`. Default: now (tests give a fixed time). */
  time?: Date;
}

/** `PublishOptions` under the lock: what the publication history records as the action (`publish` unless `rollbackRun`'s). */
type PublishUnderLockOptions = PublishOptions & { action?: PublicationAction };

/** A run refused for publication because verify finds problems in it; `verification` lists them. */
export class RunNotVerifiedError extends InputError {
  readonly verification: RunVerification;
  constructor(verification: RunVerification, message: string, source: string) {
    super("E_RUN_NOT_VERIFIED", message, { source });
    this.verification = verification;
  }
}

/**
 * The id of the run of `runsDir` that `reference` names: a run id, the start of one (unique), or the path of a run
 * folder of `runsDir` (`runs/<run-id>`, resolved against `cwd`; also reached through a linked folder, as
 * `/link/to/project/runs/<run-id>`). Refuses a staging folder (`E_RUN_STAGING`), a name that is no run of the folder
 * (`E_UNKNOWN_RUN`) and a start that several runs share (`E_AMBIGUOUS_RUN`).
 */
export async function findRunId(runsDir: string, reference: string, runsLabel = runsDir, cwd = process.cwd()): Promise<string> {
  const path = resolve(cwd, reference);
  const name = /[\\/]/.test(reference) && (await isSameFolder(dirname(path), runsDir)) ? basename(path) : reference;
  if (name.startsWith(STAGING_PREFIX)) throw new InputError("E_RUN_STAGING", runMessages.publishStaging(`${runsLabel}/${name}`), { source: `${runsLabel}/${name}` });
  const ids = await listRunIds(runsDir, runsLabel);
  if (ids.includes(name)) return name;
  const matches = /[\\/]/.test(name) || name === "" ? [] : ids.filter((id) => id.startsWith(name));
  if (matches.length === 0) throw new InputError("E_UNKNOWN_RUN", runMessages.publishUnknownRun(reference, runsLabel, ids), { source: runsLabel });
  if (matches.length > 1) throw new InputError("E_AMBIGUOUS_RUN", projectMessages.ambiguousRun(reference, runsLabel, matches), { source: runsLabel });
  return matches[0];
}

/**
 * Whether `folder` is the folder `runsDir`: the same path, or the same real path (`realpath`: either reached through a
 * linked folder). Only the folders are compared, never the run folder in them, which may itself be a link (a run
 * archived elsewhere and linked back). A folder that does not exist is not the runs folder.
 */
async function isSameFolder(folder: string, runsDir: string): Promise<boolean> {
  if (folder === resolve(runsDir)) return true;
  const [real, realRuns] = await Promise.all([realpath(folder).catch(() => undefined), realpath(runsDir).catch(() => undefined)]);
  return real !== undefined && real === realRuns;
}

/**
 * Publishes run `id` of `runsDir`: under the run lock (`runs/.lock`, as `compute` takes it), verifies the run whole
 * (`verifyRun`), then moves `runs/LATEST` to it (`writeLatest`). A run `LATEST` already names is left as it is
 * (`changed: false`). Nothing but `LATEST` (and its line of `PUBLISHED.log`) is written, and nothing removed but the run's own staging marker
 * (`removed`; one that cannot be removed is kept, a `W_STAGING_KEPT` warning); no run folder is renamed or removed.
 * The run's own files are made read-only (`protectRunFiles`), as `compute` leaves the runs it publishes: before
 * `LATEST` moves, and also when it already names the run.
 * @throws `InputError` `E_RUN_STAGING` for a staging folder, `E_UNKNOWN_RUN` for no such run folder, `E_NO_RUN` for a
 * linked run folder whose target is gone, or a file (anything but a folder) named by a run id; `E_NO_MANIFEST` (from
 * `verifyRun`) and `RunNotVerifiedError` (`E_RUN_NOT_VERIFIED`) for a run that verify does not pass. `OutputError`
 * `E_LOCKED` (exit code 3) while another run holds the lock, and `E_WRITE` when `LATEST` cannot be replaced (a folder,
 * no rights, a full disk). `LATEST` is unchanged by every refusal.
 * @example
 * await publishRun("runs", "20260301T020000.123Z-1a2b3c4d");
 * // => { before: "20270301T020000.456Z-5e6f7a8b", after: "20260301T020000.123Z-1a2b3c4d", changed: true }
 */
export async function publishRun(runsDir: string, id: string, options: PublishOptions = {}): Promise<Publication> {
  const runsLabel = options.runsLabel ?? runsDir;
  // Checked before the lock too, so that a run that is not there takes no lock (nor makes a runs folder for it).
  await requireRunFolder(runsDir, runsLabel, id);
  return publishUnderLock(runsDir, runsLabel, options, async () => id);
}

/**
 * Publishes the run that the published run's manifest records as `previous` (the run `LATEST` named when it was made),
 * as `publishRun` publishes it: `previous` is read under the lock, so that a run published meanwhile is the one gone
 * back from.
 * @throws `InputError` `E_TOO_FEW_RUNS` when no run is published, or the published one records no previous run
 * (`previous: null`: the project's first run; or none at all: an older version's manifest); `E_BAD_LATEST` for a
 * broken `LATEST`; `E_NO_MANIFEST` when the published run's manifest cannot be read; `E_NO_RUN` when its `previous`
 * names no earlier run folder; and those of `publishRun`.
 */
export async function rollbackRun(runsDir: string, options: PublishOptions = {}): Promise<Publication> {
  const runsLabel = options.runsLabel ?? runsDir;
  // Read before the lock too: a project with nothing to go back to takes no lock.
  await previousOf(runsDir, runsLabel, await readLatestPointer(runsDir, runsLabel));
  return publishUnderLock(runsDir, runsLabel, { ...options, action: "rollback" }, (pointer) => previousOf(runsDir, runsLabel, pointer));
}

/** Under the lock: `LATEST` read, the run to publish chosen from it, checked, verified, and `LATEST` moved to it. */
async function publishUnderLock(
  runsDir: string,
  runsLabel: string,
  options: PublishUnderLockOptions,
  choose: (pointer: LatestPointer) => Promise<string>,
): Promise<Publication> {
  const release = await acquireLock(runsDir, runsLabel, options.onTakeOver);
  try {
    const pointer = await readLatestPointer(runsDir, runsLabel);
    const before = pointer.id ?? pointer.named;
    const id = await choose(pointer);
    // Already published: its files made read-only all the same (a run published by a version that protected them
    // after LATEST moved, and was killed in between, is repaired so).
    if (pointer.id === id) {
      await protectRunFiles(join(runsDir, id));
      return { before, after: id, changed: false };
    }
    const held = pointer.held !== undefined ? { held: pointer.held } : {};
    await requireRunFolder(runsDir, runsLabel, id);
    const runLabel = `${runsLabel}/${id}`;
    // A run killed between its rename and the marker's removal is complete but for that: the marker is this tool's
    // (it names the run), and the lock is held, so it goes as compute's tidying removes it (removeLeftovers).
    // One that cannot be removed (a read-only run folder) is kept and said, as compute keeps it (`W_STAGING_KEPT`):
    // verify takes it for what it is (no file of the run), so the run is published all the same.
    let removed: string | undefined;
    let kept: Issue | undefined;
    if (await holdsMarker(join(runsDir, id), id)) {
      try {
        await removeFile(join(runsDir, id, STAGING_MARKER));
        removed = `${id}/${STAGING_MARKER}`;
      } catch (error) {
        const markerLabel = `${runLabel}/${STAGING_MARKER}`;
        const code = String((error as NodeJS.ErrnoException).code ?? error);
        kept = { code: "W_STAGING_KEPT", source: markerLabel, message: outputMessages.runMarkerKept(markerLabel, runLabel, code) };
      }
    }
    const verification = await verifyRun(join(runsDir, id), runLabel);
    if (!verification.ok) {
      const problems = verification.manifest.length + verification.files.filter(isFileProblem).length;
      throw new RunNotVerifiedError(verification, runMessages.publishUnverified(runLabel, problems, id, `${runsLabel}/${LATEST_FILE}`), runLabel);
    }
    // Its own files read-only before LATEST names it, as compute leaves a run it publishes (best effort: see
    // `protectRunFiles`): a kill after the move, or a LATEST moved but not flushed, never leaves it writable.
    await protectRunFiles(join(runsDir, id));
    try {
      await writeLatest(runsDir, id, { action: options.action ?? "publish", ...(options.time ? { time: options.time } : {}) });
    } catch (cause) {
      const latestLabel = `${runsLabel}/${LATEST_FILE}`;
      // Its line not written to the publication history (the file held open by Excel, a full disk): LATEST not moved.
      if (cause instanceof HistoryNotWrittenError)
        throw new OutputError("E_WRITE", runMessages.historyNotWritten(`${runsLabel}/${PUBLICATION_HISTORY_FILE}`, latestLabel, id, cause.reason, false), { cause });
      // Moved, but the folder not flushed after it (an I/O error): said as it is.
      if (cause instanceof LatestNotFlushedError)
        throw new OutputError("E_WRITE", outputMessages.latestNotFlushed(latestLabel, id, String((cause.cause as NodeJS.ErrnoException).code ?? cause.cause)), { cause });
      // LATEST a folder (EISDIR), made immutable (EPERM), a full disk (ENOSPC): writeLatest leaves it as it was.
      throw new OutputError("E_WRITE", runMessages.publishNotMoved(latestLabel, id, String((cause as NodeJS.ErrnoException).code ?? cause)), { cause });
    }
    // The kept marker said once: as kept (W_STAGING_KEPT), not again as verify's leftover.
    const warnings = verificationWarnings(verification, runLabel).filter((warning) => kept === undefined || warning.source !== kept.source);
    return { before, ...held, after: id, changed: true, warnings: kept ? [kept, ...warnings] : warnings, ...(removed ? { removed } : {}) };
  } finally {
    await release();
  }
}

/**
 * Refuses `id` unless it names a run folder of `runsDir` that can be read (a folder, or a link to one): a file named
 * by a run id, which `runs` lists as a file, not a run folder, is named as what it is.
 */
async function requireRunFolder(runsDir: string, runsLabel: string, id: string): Promise<void> {
  const label = `${runsLabel}/${id}`;
  if (id.startsWith(STAGING_PREFIX)) throw new InputError("E_RUN_STAGING", runMessages.publishStaging(label), { source: label });
  const at = isRunId(id) ? await runFolderAt(join(runsDir, id)) : { kind: "none" as const };
  if (at.kind === "broken link") throw new InputError("E_NO_RUN", runMessages.publishUnreachable(label, at.target), { source: label });
  if (at.kind === "file") throw new InputError("E_NO_RUN", runMessages.publishNotFolder(label, at.file === "file"), { source: label });
  if (at.kind === "none") throw new InputError("E_UNKNOWN_RUN", runMessages.publishUnknownRun(id, runsLabel, await listRunIds(runsDir, runsLabel)), { source: runsLabel });
}

/** The run the published run's manifest records as `previous`, or why there is none to go back to. */
async function previousOf(runsDir: string, runsLabel: string, pointer: LatestPointer): Promise<string> {
  if (pointer.problem !== undefined) throw new InputError("E_BAD_LATEST", runMessages.rollbackBadLatest(pointer.problem), { source: `${runsLabel}/${LATEST_FILE}` });
  const latest = pointer.id;
  if (latest === undefined) throw new InputError("E_TOO_FEW_RUNS", runMessages.noRunToRollBack(runsLabel), { source: runsLabel });
  const manifestLabel = `${runsLabel}/${latest}/${MANIFEST_FILE}`;
  const read = await readManifestChecked(join(runsDir, latest));
  if (!read.ok) throw new InputError("E_NO_MANIFEST", outputMessages.verifyNoManifest(manifestLabel, read.problem), { source: manifestLabel });
  if (!("previous" in read.manifest) || read.manifest.previous === null)
    throw new InputError("E_TOO_FEW_RUNS", runMessages.noPreviousToRollBack(manifestLabel, latest, "previous" in read.manifest), { source: manifestLabel });
  const previous = read.manifest.previous as unknown;
  if (typeof previous !== "string" || !isRunId(previous) || previous >= latest || !["folder", "broken link"].includes((await runFolderAt(join(runsDir, previous))).kind))
    throw new InputError("E_NO_RUN", runMessages.rollbackPreviousUnusable(manifestLabel, JSON.stringify(previous) ?? "undefined", runsLabel), { source: manifestLabel });
  return previous;
}
