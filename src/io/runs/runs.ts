/**
 * Run folders of a project: every `compute` writes a new folder `runs/<run-id>/` and, only once it is complete, moves
 * the `runs/LATEST` pointer to it, so a failed or killed run never touches the last published results.
 *
 * - A run id is the UTC start time and the first 8 hex digits of the run's fingerprint, `20261125T135000.123Z-1a2b3c4d`:
 *   ids sort in time order, as text, on every system.
 * - `LATEST` is a one-line text file holding the id of the last published run, replaced by writing a temporary file and
 *   renaming it over the old one (atomic on POSIX and on Windows), rather than a symbolic link, which Windows
 *   restricts. It is read as a run id, never as a path: anything else in it is reported as a broken pointer. Each move
 *   is recorded first in the append-only publication history `PUBLISHED.log` (`publication-history.ts`).
 * - A run is staged in a hidden folder `.staging-<run-id>`, whose first file is the marker `.innovation-index-staging`
 *   holding the id (written under a temporary name, then renamed); when all its files are written the folder is
 *   renamed to `<run-id>` and the marker goes; `LATEST` moves after that. The next run removes a staging folder only
 *   when it carries that marker (then it is provably an unfinished run of this tool), or holds nothing but a part of
 *   it (a run stopped while creating the folder); a run folder is never removed, whatever `LATEST` says (see
 *   `removeLeftovers`).
 * - `runs/.lock` holds the pid, host and start time of the run in progress (see `acquireLock`).
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { lstat, open, readdir, readFile, readlink, rmdir, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { outputMessages, type NotOwnRun } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { OutputError, type Issue } from "../../errors.js";
import { readManifestChecked, type FileDigest } from "./run-files.js";
import { isRunId, LATEST_FILE, RUN_FILE_NAMES, runIdMilliseconds } from "./run-names.js";
import { appendPublicationSync, confirmedLines, PUBLICATION_HISTORY_FILE, publicationsByRun, readPublicationHistory, type PublicationAction, type RunPublication } from "./publication-history.js";
import { deliverPendingSignals, undoOnInterrupt } from "../write/interrupt.js";
import { crashAt } from "../crash-point.js";
import { claimTemporary } from "../write/temporary.js";
import { writeClaimedSync } from "../write/claimed.js";
import { syncFile, syncFolder } from "../write/durable.js";
import { isFileWriterGone, removeFile, removeLockLeftovers, takeLock, type HeldLock } from "../write/folder-lock.js";
import { isWritingFolderName, makeFolderSync, removeWritingFolder, writeFilesAtomic, writeFilesAtomicWithDigests, type FileContent } from "../write/write.js";
import { DERIVED_FILE_NAMES, isToolPid, mayHoldReportLeftovers, repairDerivedFiles, type RepairProgress } from "./run-reports.js";

export { isRunId, LATEST_FILE };
export const LOCK_FILE = ".lock";
/** The first file of every staging folder, holding the run's id: what makes a staging folder provably this tool's. */
export const STAGING_MARKER = ".innovation-index-staging";
/** The name the marker is written under, in its staging folder, before it is renamed to `STAGING_MARKER`. */
export const STAGING_MARKER_TEMPORARY = `${STAGING_MARKER}.tmp`;
/** The start of a run's staging folder's name while it is written (`.staging-<run-id>`): never a run to publish. */
export const STAGING_PREFIX = ".staging-";
/** The most of `LATEST` read: a run id is 29 characters; anything longer is not one. */
const LATEST_MAX_BYTES = 256;

/** `2026-11-25T13:50:00.123Z` -> `20261125T135000.123Z`. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

/**
 * A new run id from the start time and the fingerprint, later than every id in `existing`: when the clock has not moved
 * on (two runs in the same millisecond, or a clock set back), the time is that of the last run plus 1 ms, so ids keep
 * sorting in run order.
 */
export function newRunId(time: Date, fingerprint: string, existing: readonly string[]): string {
  let milliseconds = time.getTime();
  for (const id of existing) {
    const time = runIdMilliseconds(id);
    if (time !== undefined) milliseconds = Math.max(milliseconds, time + 1);
  }
  return `${compactTime(new Date(milliseconds))}-${fingerprint.slice(0, 8)}`;
}

/** What `runs/LATEST` says: the id of the latest published run, or what is wrong with the pointer. */
export interface LatestPointer {
  /** The id of the latest published run: a run id whose folder exists. `undefined` when there is none. */
  id?: string;
  /** What is wrong with `LATEST` (a message naming the file), when it is broken; `undefined` when it is sound or absent with no run. */
  problem?: string;
  /**
   * The run id `LATEST` names when that run's folder cannot be reached (gone, a link to an archive disk not mounted,
   * or a file in its place): still the run published before, which a new run records as its `previous`.
   */
  named?: string;
  /**
   * What `LATEST` held when it is a file whose text (trimmed, its first 256 bytes) is not a run id: `""` for an empty
   * file (or one of blank lines only), else the text, such as `garbage`. `undefined` when it is missing, a folder, or
   * holds a run id.
   */
  held?: string;
}

/** The error for a runs folder that is a file (or under one): exit code 3. */
function runsNotFolder(runsLabel: string, cause: unknown, runsDir?: string): OutputError {
  return new OutputError("E_RUNS_NOT_FOLDER", outputMessages.runsNotFolder(runsLabel, runsDir === undefined ? undefined : danglingTarget(runsDir)), { cause });
}

/** The target of `path` when it is a link to nothing there (an archive disk not mounted), else `undefined`. */
function danglingTarget(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink() || existsSync(path)) return undefined;
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Reads `runs/LATEST` as a run id (never as a path): its first 256 bytes, trimmed, must match the run-id pattern and
 * name an existing run folder. A missing `LATEST` with no run folder is a project without runs (no problem); a missing
 * `LATEST` beside run folders, a content that is not a run id, or an id without its folder is a `problem`.
 * @throws `OutputError` `E_RUNS_NOT_FOLDER` when `runsDir` is a file
 */
export async function readLatestPointer(runsDir: string, runsLabel = runsDir): Promise<LatestPointer> {
  const latestLabel = `${runsLabel}/${LATEST_FILE}`;
  let text: string;
  try {
    const handle = await open(join(runsDir, LATEST_FILE), "r");
    try {
      const buffer = Buffer.alloc(LATEST_MAX_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, LATEST_MAX_BYTES, 0);
      text = pointerText(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw runsNotFolder(runsLabel, error, runsDir);
    // The runs folder a link to nothing there (an archive disk not mounted): said so, not "no published run".
    if (code === "ENOENT" && danglingTarget(runsDir) !== undefined) throw runsNotFolder(runsLabel, error, runsDir);
    if (code !== "ENOENT" && code !== "EISDIR") throw error;
    const runs = await listRunIds(runsDir, runsLabel);
    if (code === "EISDIR") return { problem: outputMessages.latestIsFolder(latestLabel) };
    return runs.length === 0 ? {} : { problem: outputMessages.latestMissing(latestLabel, runs.length) };
  }
  if (!isRunId(text)) return { problem: outputMessages.latestNotRunId(latestLabel, text), held: text };
  const folder = await runFolderAt(join(runsDir, text));
  if (folder.kind === "folder") return { id: text };
  // A file named by that run id (not a run folder, as runs publish and verify name it), or nothing there.
  if (folder.kind === "file") return { problem: outputMessages.latestNamesNotRunFolder(latestLabel, text, folder.file === "file"), named: text };
  return { problem: outputMessages.latestNamesMissingRun(latestLabel, text, folder.kind === "broken link" ? folder.target : undefined), named: text };
}

/**
 * The text of a pointer file's bytes, trimmed (CRLF, spaces, a UTF-8 BOM): UTF-16 with its byte order mark (little
 * endian, FF FE, as Windows PowerShell 5 writes `echo <id> > runs\LATEST`; big endian, FE FF) decoded as such, any
 * other bytes as UTF-8.
 * @example pointerText(Buffer.from("\uFEFF20260301T020000.123Z-1a2b3c4d\r\n", "utf16le")) // => "20260301T020000.123Z-1a2b3c4d"
 */
function pointerText(bytes: Uint8Array): string {
  const order = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  // The decoder drops the mark it is named for; `trim` drops a UTF-8 one (U+FEFF is white space to it).
  return new TextDecoder(order).decode(bytes).trim();
}

/**
 * What is at a run folder's path: a folder (or a link to one), a link to nothing there (`target`), a file (`file`, or
 * `special`: a pipe, a socket, a device), or nothing.
 */
export type RunFolderAt = { kind: "folder" } | { kind: "broken link"; target: string } | { kind: "file"; file: "file" | "special" } | { kind: "none" };

/**
 * What is at `path`, the path of a run folder. A symbolic link to a folder is the run folder it points to (runs moved
 * to an archive disk and linked back are read where they are: the revision summary, `--if-changed`, `diff`, `verify`
 * and `report` all read through it); the tool never removes, renames or stages into a link (`holdsMarker` takes
 * only real folders). A link whose target is not a folder (an archive disk not mounted) is named with its target. A
 * file named by a run id is listed among the runs (`listRunIds` takes names), but holds no run: runs, runs publish,
 * verify, diff and a `LATEST` naming it say it is a file, not a run folder (`runMessages.notRunFolder`).
 */
export async function runFolderAt(path: string): Promise<RunFolderAt> {
  const found = await lstat(path).catch(() => undefined);
  if (found === undefined) return { kind: "none" };
  if (found.isDirectory()) return { kind: "folder" };
  if (!found.isSymbolicLink()) return { kind: "file", file: found.isFile() ? "file" : "special" };
  if ((await stat(path).catch(() => undefined))?.isDirectory()) return { kind: "folder" };
  return { kind: "broken link", target: await readlink(path).catch(() => "?") };
}

/**
 * The id in `runs/LATEST` when it names an existing run folder, else `undefined` (no run published yet, or a broken
 * pointer: `readLatestPointer` says which).
 */
export async function readLatest(runsDir: string): Promise<string | undefined> {
  return (await readLatestPointer(runsDir)).id;
}

/** The ids of the run folders in `runsDir`, sorted (oldest first). */
export async function listRunIds(runsDir: string, runsLabel = runsDir): Promise<string[]> {
  try {
    return (await readdir(runsDir)).filter(isRunId).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") throw runsNotFolder(runsLabel, error, runsDir);
    throw error;
  }
}

/**
 * The ids of the run folders of `runsDir`, sorted: the names `listRunIds` lists, less the files named by a run id
 * (`runFolderAt`), which hold no run. Links count, their target there or not (a run archived on a disk not mounted is still
 * a run). A new run's id is made later than these, less the folders that are not provably runs (`listRunIdsToFollow`):
 * a file named by an id in 2099 does not move every later run into 2099.
 */
export async function listRunFolderIds(runsDir: string, runsLabel = runsDir): Promise<string[]> {
  const ids = await listRunIds(runsDir, runsLabel);
  const found = await Promise.all(ids.map((id) => runFolderAt(join(runsDir, id))));
  return ids.filter((_, i) => found[i].kind !== "file");
}

/**
 * The ids a new run started at `time` is made later than (`newRunId`): the run folders of `listRunFolderIds`, less
 * the folders named by an id not earlier than `time` that are not provably runs of this tool (`isOwnRun`). A folder
 * made by hand under an id in 2031, or a run copied under such an id, does not move every later run into 2031, as a
 * file named by such an id does not; it is left as it is (`removeLeftovers` says it is newer than `LATEST`, as it
 * says of such a file). Only those folders' manifests are read: an earlier id cannot move the new one.
 */
export async function listRunIdsToFollow(runsDir: string, time: Date): Promise<string[]> {
  const ids = await listRunFolderIds(runsDir);
  const own = await Promise.all(ids.map((id) => runIdMilliseconds(id)! < time.getTime() || isOwnRun(join(runsDir, id), id)));
  return ids.filter((_, i) => own[i]);
}

/**
 * Whether `folder`, named by run id `id`, is provably a run of this tool: its `manifest.json` is one compute writes
 * (`readManifestChecked`), its fingerprint ends the id, and it records `id` as the id it was written under (or no id:
 * an older version's). A link whose target is not there counts, as it does in `listRunFolderIds` (a run archived on a
 * disk not mounted is still a run).
 */
async function isOwnRun(folder: string, id: string): Promise<boolean> {
  return (await notOwnRun(folder, id)) === undefined;
}

/** Why `folder`, named by run id `id`, is not provably a run of this tool (`isOwnRun`), or `undefined` when it is one. */
async function notOwnRun(folder: string, id: string): Promise<NotOwnRun | undefined> {
  const at = await runFolderAt(folder);
  if (at.kind === "broken link") return undefined;
  if (at.kind === "file") return { kind: "file" };
  const read = await readManifestChecked(folder);
  if (!read.ok) return { kind: "manifest", problem: read.problem };
  if ("run" in read.manifest && read.manifest.run !== id) return { kind: "other run", recorded: String(read.manifest.run) };
  if (!read.manifest.fingerprint.startsWith(id.slice(-8))) return { kind: "fingerprint", fingerprint: read.manifest.fingerprint.slice(0, 8), expected: id.slice(-8) };
  return undefined;
}

/** The published runs: every run folder up to `LATEST` (none when `LATEST` is missing or broken). */
export async function listPublishedRuns(runsDir: string): Promise<string[]> {
  const latest = await readLatest(runsDir);
  if (!latest) return [];
  return (await listRunFolderIds(runsDir)).filter((id) => id <= latest);
}

/** What moves `LATEST` (`writeLatest`), for its line in the publication history (`publication-history.ts`). */
export interface LatestMove {
  /** `compute` publishing its run, `runs publish`, `runs rollback`. */
  action: PublicationAction;
  /** When it moves, as the history records it. Default: now (tests give a fixed time). */
  time?: Date;
}

/**
 * Writes `LATEST` atomically: a temporary file renamed over the old pointer. Synchronous up to the rename (no await
 * before it), so that right after `finishRun` no signal is handled between a run's folder renamed into place and its
 * publication (see `finishRun`). Durable: the new pointer is on the disk before its name, and the name before this
 * returns (`durable.ts`), so a run reported published is still published after a power cut.
 *
 * Every move is recorded first in the publication history `runs/PUBLISHED.log` (`appendPublicationSync`: the time,
 * `move.action`, the run id `LATEST` held and `id`), appended and flushed to the disk before the rename: a crash never
 * leaves `LATEST` moved without its line (at worst a line whose move did not happen, which the reader recognises:
 * `confirmedLines`). A line that cannot be written (the file held open by Excel, a full disk) leaves `LATEST` as it
 * was (`HistoryNotWrittenError`). Every writer of `LATEST` goes through here, so no move goes unrecorded.
 */
export async function writeLatest(runsDir: string, id: string, move: LatestMove): Promise<void> {
  if (!isRunId(id)) throw new RangeError(`writeLatest requires a run id, not ${JSON.stringify(id)}`);
  const temporary = join(runsDir, `.${LATEST_FILE}.${process.pid}.tmp`);
  const release = claimTemporary(temporary);
  let renamed = false;
  try {
    writeClaimedSync(temporary, `${id}\n`);
    syncFile(temporary);
    // The history's line last before the rename, once nothing else can stop the move (the temporary file written and
    // flushed): on the disk before LATEST moves, so a crash in between leaves a line whose move did not happen, never
    // a move without its line. `before` is read here, under the run lock, as the rename replaces it.
    const line = { time: (move.time ?? new Date()).toISOString(), action: move.action, before: latestIdSync(runsDir), after: id };
    try {
      appendPublicationSync(runsDir, { ...line, state: "moving" });
    } catch (cause) {
      throw new HistoryNotWrittenError(id, cause);
    }
    renameSync(temporary, join(runsDir, LATEST_FILE));
    renamed = true;
    syncFolder(runsDir);
    // The same line again, `moved`, once the move is on the disk: what says it happened, whatever LATEST holds later (a
    // hand move back, a LATEST deleted). Not written (a crash, a full disk): the next line's `before`, or LATEST for the
    // last line, says whether it happened (`confirmedLines`); LATEST has moved either way, so no error is raised.
    try {
      appendPublicationSync(runsDir, { ...line, state: "moved" });
    } catch {
      // as said above
    }
  } catch (cause) {
    // Moved, but the folder not flushed after it (EIO): LATEST names the run, which a power cut may still undo.
    if (renamed) throw new LatestNotFlushedError(id, cause);
    // Not moved (a folder in the way, a full disk): the temporary file goes, the pointer stays as it was.
    await removeFile(temporary).catch(() => undefined);
    throw cause;
  } finally {
    release();
  }
}

/**
 * The run id `LATEST` holds, read synchronously as `readLatestPointer` reads it (its first 256 bytes, trimmed), also
 * one whose folder is gone; `undefined` when it holds none (missing, a folder, unreadable, not a run id).
 */
function latestIdSync(runsDir: string): string | undefined {
  let file: number;
  try {
    file = openSync(join(runsDir, LATEST_FILE), "r");
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(LATEST_MAX_BYTES);
    const text = pointerText(buffer.subarray(0, readSync(file, buffer, 0, LATEST_MAX_BYTES, 0)));
    return isRunId(text) ? text : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(file);
  }
}

/**
 * `writeLatest`'s error when the line of the move could not be appended to the publication history (`reason`: the
 * system's code, such as EBUSY for a file Excel holds open on Windows, ENOSPC, ELOOP for a link; ENOTFILE for anything
 * but a file): `LATEST` was not moved, and its temporary file is removed.
 */
export class HistoryNotWrittenError extends Error {
  readonly reason: string;
  constructor(
    readonly id: string,
    cause: unknown,
  ) {
    const reason = String((cause as NodeJS.ErrnoException).code ?? cause);
    super(`the move of runs/LATEST to ${id} could not be recorded in ${PUBLICATION_HISTORY_FILE} (${reason})`, { cause });
    this.name = "HistoryNotWrittenError";
    this.reason = reason;
  }
}

/**
 * `writeLatest`'s error when `LATEST` was replaced but the runs folder could not be flushed to the disk after it (an
 * I/O error): `LATEST` names run `id` now, and a power cut before the system writes the folder may bring back the run
 * it named before. Not "LATEST could not be moved", which would send the user to look for a problem that is not there.
 */
export class LatestNotFlushedError extends Error {
  constructor(
    readonly id: string,
    cause: unknown,
  ) {
    super(`runs/LATEST names ${id}, but its folder could not be flushed to the disk (${String((cause as NodeJS.ErrnoException).code ?? cause)})`, { cause });
    this.name = "LatestNotFlushedError";
  }
}

/**
 * Creates the staging folder `.staging-<id>` of run `id` (it must not exist) and puts its marker in it first; returns
 * the folder. `runsDir` must exist. The marker appears whole: it is written under a temporary name in the folder
 * (`STAGING_MARKER_TEMPORARY`), then renamed. All of it is synchronous, so no signal is handled before the folder holds
 * its marker and an interruption removes it; a `kill -9` in between leaves the folder empty, or holding the marker (or
 * its temporary name) with a part of `<id>\n`, which the next run removes as its own (`startedStagingFiles`). A failure
 * (a full disk) removes what it made and throws. The marker, and the folder's name, are on the disk before any output
 * is written (`durable.ts`): after a power cut, a staging folder holding outputs always holds its whole marker, and the
 * next run knows it as its own.
 */
export async function startStaging(runsDir: string, id: string): Promise<string> {
  const staging = join(runsDir, STAGING_PREFIX + id);
  mkdirSync(staging);
  // An interruption from here on removes the folder (while it is provably this run's), until the run is renamed into
  // place or discarded.
  stagingUndo.set(
    staging,
    undoOnInterrupt(() => {
      if (isOwnStagingSync(staging, id)) removeMarkedFolder(staging);
    }),
  );
  const temporary = join(staging, STAGING_MARKER_TEMPORARY);
  try {
    crashAt("staging");
    try {
      writeFileSync(temporary, `${id}\n`, { flag: "wx" });
      syncFile(temporary);
      crashAt("marking");
      renameSync(temporary, join(staging, STAGING_MARKER));
    } catch (cause) {
      if (typeof cause === "object" && cause !== null) markerFailures.add(cause);
      throw cause;
    }
    syncFolder(staging);
    syncFolder(runsDir);
  } catch (cause) {
    try {
      rmSync(temporary, { force: true });
      rmdirSync(staging); // only while empty
    } catch {
      // Left as a started staging folder, which the next run removes.
    }
    stopStagingUndo(staging);
    throw cause;
  }
  return staging;
}

/** The errors of writing a staging folder's marker (`startStaging`): `stageRun` names the marker in their message. */
const markerFailures = new WeakSet<object>();

/**
 * Writes every file of a run into its staging folder `.staging-<id>` (created, marker first) and returns that folder.
 * The large files are streamed, their jobs on up to `threads` threads, each file hashed as it is written; then the
 * files `last` makes from those digests (the manifest, which lists them) are written into the same folder. `label` is
 * how messages name the staging folder (`runs/.staging-<id>`): a file that could not be written is named in it.
 */
export async function stageRun(
  runsDir: string,
  id: string,
  files: Readonly<Record<string, FileContent>>,
  label: string,
  { threads = 1, last }: { threads?: number; last?: (outputs: FileDigest[]) => Record<string, string> } = {},
): Promise<string> {
  let staging: string;
  try {
    staging = await startStaging(runsDir, id);
  } catch (cause) {
    // The marker that could not be written (a full disk) is named as the run's other files are
    // (`runs/.staging-<id>/index.csv`); the folder when it could not be created or flushed.
    const failed = typeof cause === "object" && cause !== null && markerFailures.has(cause) ? `${label}/${STAGING_MARKER}` : label;
    throw new OutputError("E_WRITE", outputMessages.writeFailed(failed, (cause as NodeJS.ErrnoException).code ?? String(cause)), { cause });
  }
  const digests = await writeFilesAtomicWithDigests(staging, files, label, threads, { durable: true });
  const outputs = Object.keys(digests)
    .sort()
    .map((path) => ({ path, ...digests[path] }));
  if (last) await writeFilesAtomic(staging, last(outputs), label, 1, { intoRun: true }); // the run's own manifest
  return staging;
}

/**
 * Renames a staged run to its final folder `runs/<id>`, then removes its marker there (a run folder never keeps one).
 * Renamed first, so that a kill between the two steps leaves a complete run folder holding the marker naming it, which
 * the next run removes (`removeLeftovers`), and never a complete staging folder without its marker, which no run could
 * tell from someone else's folder. A marker that cannot be removed stays for the next run to remove.
 *
 * The rename is the run's commit point. A signal (Ctrl-C, SIGTERM, SIGHUP) that arrived before it is handled first
 * (`deliverPendingSignals`): the staging folder is removed and nothing is published. From the rename to the move of
 * `LATEST` (`writeLatest`, which the caller calls next) nothing awaits the event loop, so no signal is handled in
 * between: one that arrives then is handled once `LATEST` has moved, and the command ends by it (128 + n) with the run
 * published and complete. An interruption never leaves a complete run unpublished (only a `kill -9` between the two
 * steps, or a `LATEST` that cannot be written, does). The rename is on the disk before the marker goes and `LATEST`
 * moves (`durable.ts`; the files in the folder are, since `stageRun`); when it cannot be flushed, the run folder stays
 * as it is, marker and all (`RunNotFlushedError`).
 */
export async function finishRun(runsDir: string, id: string): Promise<string> {
  await deliverPendingSignals();
  const staging = join(runsDir, STAGING_PREFIX + id);
  const folder = join(runsDir, id);
  renameSync(staging, folder);
  stopStagingUndo(staging);
  try {
    syncFolder(runsDir);
  } catch (cause) {
    // The marker stays, for the next run to remove (`removeLeftovers`): removed while the rename may still be undone
    // by a power cut, it could leave a complete staging folder without its marker, which no run may remove.
    throw new RunNotFlushedError(id, cause);
  }
  crashAt("publishing");
  try {
    unlinkSync(join(folder, STAGING_MARKER));
  } catch {
    // Left for the next run to remove.
  }
  return folder;
}

/**
 * `finishRun`'s error when the run folder was renamed into place but the runs folder could not be flushed to the disk
 * after it (an I/O error): the run is complete in its folder `<id>`, which still holds its marker, and `LATEST` must not
 * move to it (a power cut may still undo the rename). Not "the run could not be published" of a run that is gone: the
 * folder is kept, unpublished, and the next run removes the marker and reports it (`W_UNPUBLISHED_RUN`).
 */
export class RunNotFlushedError extends Error {
  constructor(
    readonly id: string,
    cause: unknown,
  ) {
    super(`runs/${id} was renamed into place, but its folder could not be flushed to the disk (${String((cause as NodeJS.ErrnoException).code ?? cause)})`, { cause });
    this.name = "RunNotFlushedError";
  }
}

/**
 * Whether `folder` is a folder (not a link) holding the marker naming run `id`: the staging folder of that run written
 * by this tool, or its run folder when the run stopped between the rename and the marker's removal.
 */
export async function holdsMarker(folder: string, id: string): Promise<boolean> {
  try {
    if (!(await lstat(folder)).isDirectory()) return false;
    const marker = join(folder, STAGING_MARKER);
    if (!(await lstat(marker)).isFile()) return false;
    return (await readFile(marker, "utf8")).trim() === id;
  } catch {
    return false;
  }
}

/** The names a staging folder's marker has while it is written: the temporary name, then the marker's. */
const MARKER_NAMES: readonly string[] = [STAGING_MARKER_TEMPORARY, STAGING_MARKER];

/**
 * Whether `folder`, the staging folder of run `id` (a run id), is one a run of this tool stopped while creating
 * (`startStaging`, killed between its `mkdir` and its marker's rename): a folder (not a link) that is empty, or holds
 * nothing but the marker and/or its temporary name, each a regular file whose bytes are the start of `<id>\n` (none
 * of it, for a file just created). Returns the marker files to remove before the folder, or `undefined` when it is not
 * such a folder. Anything else in it (a file, a link, a marker with other bytes) and it is not: kept.
 */
async function startedStagingFiles(folder: string, id: string): Promise<string[] | undefined> {
  if (!isRunId(id)) return undefined;
  try {
    if (!(await lstat(folder)).isDirectory()) return undefined;
    const names = await readdir(folder);
    if (!names.every((name) => MARKER_NAMES.includes(name))) return undefined;
    for (const name of names) {
      const path = join(folder, name);
      if (!(await lstat(path)).isFile()) return undefined;
      if (!`${id}\n`.startsWith(await readFile(path, "utf8"))) return undefined;
    }
    return names.map((name) => join(folder, name));
  } catch {
    return undefined;
  }
}

/**
 * Removes the staging folder `folder` of run `id` when it is provably this tool's: it holds the marker naming `id`
 * (`holdsMarker`: the files a run writes there removed, `removeMarkedFolder`), or a run stopped while creating it
 * (`startedStagingFiles`: its marker files, then the folder with `rmdir`, which removes only an empty folder, so a
 * file put there meanwhile keeps it). Returns `removed` when it is gone, `not own` when it is not provably the tool's
 * (left as it is), and `{ kept }` for a marked folder that also holds what no run writes there (its names, sorted),
 * kept with the folder and its marker.
 */
async function removeOwnStaging(folder: string, id: string): Promise<"removed" | "not own" | { kept: string[] }> {
  if (await holdsMarker(folder, id)) {
    const kept = removeMarkedFolder(folder);
    return kept.length === 0 ? "removed" : { kept };
  }
  const markers = await startedStagingFiles(folder, id);
  if (!markers) return "not own";
  try {
    for (const marker of markers) await unlink(marker);
    await rmdir(folder);
    return "removed";
  } catch {
    return "not own";
  }
}

/**
 * Whether `name`, in a staging folder, is a file a run writes there (`isRunFileName`): one of its outputs or its
 * manifest (`RUN_FILE_NAMES`), such a file's temporary name `.<name>.<pid>.tmp`, or the marker's temporary name.
 */
function isRunFileName(name: string): boolean {
  if (name === STAGING_MARKER_TEMPORARY || RUN_FILE_NAMES.includes(name)) return true;
  const temporary = /^\.(.+)\.\d+\.tmp$/.exec(name);
  return temporary !== null && RUN_FILE_NAMES.includes(temporary[1]);
}

/**
 * Removes from a staging folder that holds its marker what a run writes there, and nothing else: regular files named
 * as a run's files (`isRunFileName`), and the Parquet writer's own folders when they hold nothing but its files
 * (`removeWritingFolder`). Everything but the marker first, then the marker, then the folder, once nothing else is
 * left in it. A removal stopped part way (`kill -9`, a power cut) leaves the marker, so the next run still knows the
 * folder as this tool's and removes the rest; removed first, it left outputs in a folder no run would ever remove
 * (`W_STAGING_KEPT`). Anything else (a file or folder of the user's put there, a link) is kept, and so are the folder
 * and its marker: returns the names kept, sorted (none when the folder is gone).
 */
function removeMarkedFolder(folder: string): string[] {
  let removed = 0;
  const kept: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name === STAGING_MARKER) continue;
    const path = join(folder, name);
    const found = lstatSync(path, { throwIfNoEntry: false });
    if (found === undefined) continue;
    let gone = false;
    if (found.isFile() && isRunFileName(name)) {
      rmSync(path, { force: true });
      gone = true;
    } else if (found.isDirectory() && isWritingFolderName(name)) gone = removeWritingFolder(path) === undefined;
    if (!gone) kept.push(name);
    else if (++removed === 1) crashAt("unstaging");
  }
  if (kept.length > 0) return kept;
  rmSync(join(folder, STAGING_MARKER), { force: true });
  rmdirSync(folder);
  return [];
}

/**
 * `holdsMarker` and `startedStagingFiles` at once, synchronously (`removeOwnStaging`'s test), for the interrupt handler of a staging folder of this
 * process: whether `staging` is a folder (not a link) holding the marker `<id>\n`, or a started one.
 */
function isOwnStagingSync(staging: string, id: string): boolean {
  try {
    if (!lstatSync(staging).isDirectory()) return false;
    const marker = join(staging, STAGING_MARKER);
    if (lstatSync(marker, { throwIfNoEntry: false })?.isFile() && readFileSync(marker, "utf8") === `${id}\n`) return true;
    return readdirSync(staging).every((name) => {
      const path = join(staging, name);
      return MARKER_NAMES.includes(name) && lstatSync(path).isFile() && `${id}\n`.startsWith(readFileSync(path, "utf8"));
    });
  } catch {
    return false;
  }
}

/**
 * Removes the staging folder of run `id`, which was not published, when it is provably this tool's (see
 * `holdsMarker`, `startedStagingFiles`). A run folder is never removed: a run that failed after its folder was renamed
 * into place is complete and stays (unpublished).
 */
export async function discardRun(runsDir: string, id: string): Promise<void> {
  const staging = join(runsDir, STAGING_PREFIX + id);
  await removeOwnStaging(staging, id);
  stopStagingUndo(staging);
}

/** Per staging folder of this process, how to stop removing it when the process is interrupted (`startStaging`). */
const stagingUndo = new Map<string, () => void>();

function stopStagingUndo(staging: string): void {
  stagingUndo.get(staging)?.();
  stagingUndo.delete(staging);
}

/** What `removeLeftovers` removed and what it kept and reports. */
export interface Leftovers {
  /**
   * Paths removed, relative to the runs folder: staging folders with their marker (or left by a run stopped while it
   * created one), the marker left in a run folder (`<run-id>/.innovation-index-staging`), temporary `LATEST` and lock
   * files.
   */
  removed: string[];
  /**
   * Warnings about what was kept: staging folders without a marker, or with one and files no run writes there, run
   * folders newer than `LATEST`, files named as a temporary file of `LATEST` or of the lock that do not hold what this
   * tool writes there, a stale lock moved aside by a process that still runs, files in a run folder named as a
   * temporary or backup file of report's that do not start as the tool writes them.
   */
  warnings: Issue[];
  /**
   * What was done in run folders a report killed while writing left files in (`repairDerivedFiles`: a file completed
   * or put back, a temporary or backup file removed), one line each as report says it; absent when nothing was.
   */
  repaired?: string[];
  /**
   * Warnings said after `repaired`: a repair that failed part way (`W_REPORT_NOT_REPAIRED`, naming the file and the
   * error code: the run folder is left as it is), and a staging marker that could not be removed from a run folder
   * (`W_STAGING_KEPT`: a read-only run folder).
   */
  failures?: Issue[];
}

/**
 * Removes what killed runs of this tool left in `runsDir`: staging folders `.staging-<run-id>` that hold the marker
 * naming their id, or that a run stopped while creating (empty, or holding only the marker or its temporary name
 * with a part of `<run-id>\n`: see `startedStagingFiles`), the marker naming its run left in a run folder (a run
 * killed between its rename and the marker's removal; the folder stays), temporary `LATEST` files provably left by
 * a run of this tool (`judgeLatestTemporary`: any other file of that name is kept and reported), and lock files
 * `.lock.<pid>.tmp` (a lock being written) or `.lock.<pid>.stale` (a stale lock moved aside to be removed) whose
 * process is gone. Nothing else is removed: any other staging folder (no marker and something else in it, a marker
 * naming another id, a link) is kept and reported; a run folder newer than `latest` (a run killed between its rename
 * and `LATEST`, or a pointer set back) is kept and reported, and so is anything else named by such an id that is not
 * provably a run of this tool (a file, a folder without a manifest written under that id: `notOwnRun`), said to be no
 * run (`foreignRunFolder`, the same code); with no `latest` (missing or broken pointer, already
 * reported) no run folder is even judged. In every run folder (not a link), what a report killed while writing into
 * it left is completed or removed as the next report does it (`repairDerivedFiles`: only files provably the tool's,
 * any other file of such a name kept and reported; said in `repaired`), so that a run folder passes verify again
 * without a report; a run folder that cannot be repaired so (read-only) is left as it is, for report to repair and
 * verify to say, what was done said in `repaired` and what failed in `failures` (`W_REPORT_NOT_REPAIRED`), as is a
 * marker that cannot be removed (`W_STAGING_KEPT`). Only called while holding the lock, so no other run is writing them.
 */
export async function removeLeftovers(runsDir: string, runsLabel: string, latest: string | undefined): Promise<Leftovers> {
  const names = (await readdir(runsDir).catch(() => [] as string[])).sort();
  const warnings: Issue[] = [];
  const repaired: string[] = [];
  const failures: Issue[] = [];
  const lockLabel = `${runsLabel}/${LOCK_FILE}`;
  // `.lock.<pid>.tmp` and `.lock.<pid>.stale` holding a lock (or the start of one) whose process is gone; any other
  // file of such a name is kept and reported, and so is a `.stale` of a process that still runs (see `removeLockLeftovers`).
  const removed: string[] = await removeLockLeftovers(
    runsDir,
    LOCK_FILE,
    (entry, held, pid) => {
      const label = `${runsLabel}/${entry}`;
      const message = pid !== undefined ? outputMessages.writerPidNone(label, lockLabel, pid) : outputMessages.lockTemporaryKept(label, held, lockLabel);
      warnings.push({ code: "W_LOCK_TEMPORARY_KEPT", source: label, message });
    },
    (entry, pid) => {
      const label = `${runsLabel}/${entry}`;
      warnings.push({ code: "W_LOCK_STALE_KEPT", source: label, message: outputMessages.lockStaleRunning(label, pid, lockLabel) });
    },
  );
  // The run folders' ids, read once, when there is a temporary file of LATEST to judge (`judgeLatestTemporary`).
  let runFolders: string[] | undefined;
  // When each run was LATEST, from the publication history, read once, when a run newer than LATEST is found: such a
  // run was published and gone back from (a rollback, an earlier run published again), or never published.
  let publications: Map<string, RunPublication> | undefined;
  const publicationOf = async (id: string) => {
    publications ??= publicationsByRun(confirmedLines((await readPublicationHistory(runsDir, runsLabel)).lines, latest));
    return publications.get(id);
  };
  for (const name of names) {
    const path = join(runsDir, name);
    const label = `${runsLabel}/${name}`;
    if (name.startsWith(STAGING_PREFIX)) {
      const outcome = await removeOwnStaging(path, name.slice(STAGING_PREFIX.length));
      if (outcome === "removed") removed.push(name);
      else if (outcome === "not own") warnings.push({ code: "W_STAGING_KEPT", source: label, message: outputMessages.stagingKept(label, STAGING_MARKER) });
      else warnings.push({ code: "W_STAGING_KEPT", source: label, message: outputMessages.stagingFilesKept(label, outcome.kept) });
    } else if (LATEST_TEMPORARY.test(name)) {
      runFolders ??= await listRunFolderIds(runsDir).catch(() => []);
      const judged = await judgeLatestTemporary(path, Number(LATEST_TEMPORARY.exec(name)![1]), runFolders);
      if (judged === "own") {
        await removeFile(path);
        removed.push(name);
      } else if (judged !== "running" && judged !== "none")
        warnings.push({
          code: "W_LATEST_TEMPORARY_KEPT",
          source: label,
          message: judged.pid !== undefined ? outputMessages.writerPidNone(label, LATEST_FILE, judged.pid) : outputMessages.latestTemporaryKept(label, judged.held, runsLabel),
        });
    } else if (isRunId(name)) {
      // A report killed while writing into this run folder: its files completed or removed as the next report would.
      if ((await lstat(path).catch(() => undefined))?.isDirectory() && mayHoldReportLeftovers(await readdir(path).catch(() => [] as string[]))) {
        const progress: RepairProgress = { done: [] };
        try {
          await repairDerivedFiles(path, label, DERIVED_FILE_NAMES, (warning) => warnings.push(warning), progress);
        } catch (error) {
          // Left as it is (a read-only run folder): report repairs it, and verify says what is left. What was done
          // before is said all the same, then the failure (a courtesy of compute's, which never fails it).
          const failed = progress.failed ?? { file: label, code: String((error as NodeJS.ErrnoException).code ?? error) };
          failures.push({ code: "W_REPORT_NOT_REPAIRED", source: failed.file, message: outputMessages.reportNotRepaired(label, failed.file, failed.code) });
        }
        repaired.push(...progress.done);
      }
      const marked = await holdsMarker(path, name);
      if (marked) {
        const markerLabel = `${label}/${STAGING_MARKER}`;
        try {
          await removeFile(join(path, STAGING_MARKER));
          removed.push(`${name}/${STAGING_MARKER}`);
        } catch (error) {
          // A run folder made read-only (chmod a-w): the run is complete; the marker stays, said, and the run goes on.
          const code = String((error as NodeJS.ErrnoException).code ?? error);
          failures.push({ code: "W_STAGING_KEPT", source: markerLabel, message: outputMessages.runMarkerKept(markerLabel, label, code) });
        }
      }
      if (latest !== undefined && name > latest) {
        // A run of this tool (its marker naming it, or its manifest written under its name) was never published, or
        // LATEST was set back; anything else named like a run is said to be no run, and left as it is.
        const foreign = marked ? undefined : await notOwnRun(path, name);
        const published = foreign === undefined ? await publicationOf(name) : undefined;
        const message =
          foreign !== undefined
            ? outputMessages.foreignRunFolder(label, latest, foreign)
            : published !== undefined
              ? outputMessages.withdrawnRun(label, latest, published.first)
              : outputMessages.unpublishedRun(label, latest);
        warnings.push({ code: "W_UNPUBLISHED_RUN", source: label, message });
      }
    }
  }
  return { removed, warnings, ...(repaired.length > 0 ? { repaired } : {}), ...(failures.length > 0 ? { failures } : {}) };
}

/** The name of a temporary file of `LATEST` (`writeLatest`), with the pid of the process that wrote it. */
const LATEST_TEMPORARY = /^\.LATEST\.(\d+)\.tmp$/;

/**
 * What `removeLeftovers` does with `path`, a file named as a temporary file of `LATEST` by process `pid`
 * (`.LATEST.<pid>.tmp`), judged as a lock's temporary file is (`removeLockLeftovers`) and by its bytes:
 * - `own`, removed: a regular file holding what `writeLatest` writes there, the start of `<id>\n` (all of it, or a
 *   part of it for a write cut short; none of it, for a file just created) where `<id>` is one of `runFolders` (the
 *   run it published, whose folder is in place before `LATEST` moves), and whose process is gone
 *   (`isFileWriterGone`) or is this one (an earlier process of this pid left it: this run holds the lock);
 * - `running`: such a file of a process that may still run (a run whose stale lock this one took over), kept unsaid;
 * - `none`: not a regular file (a link, a folder), or gone meanwhile: left alone, unsaid, as before;
 * - `{ held }`: any other file (more than `writeLatest` writes, or other bytes, such as a file of the user's named so):
 *   not provably this tool's, so kept, and `held` (its text, or its size in bytes when larger) says what it holds.
 */
async function judgeLatestTemporary(path: string, pid: number, runFolders: readonly string[]): Promise<"own" | "running" | "none" | { held: string | number; pid?: number }> {
  const found = await lstat(path).catch(() => undefined);
  if (!found?.isFile()) return "none";
  // writeLatest writes 30 bytes (a run id and a newline): a file of more than LATEST_MAX_BYTES is said by its size, unread.
  if (found.size > LATEST_MAX_BYTES) return { held: found.size };
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return "none";
  if (text !== "" && !runFolders.some((id) => `${id}\n`.startsWith(text))) return { held: text };
  // Named with no pid of a process (0): not provably this tool's, nor a running run's (`isToolPid`).
  if (!isToolPid(pid)) return { held: text, pid };
  return pid === process.pid || isFileWriterGone(pid, found) ? "own" : "running";
}

/**
 * Whether `runsDir` holds anything `removeLeftovers` would remove or report, judged by the names alone (no file is
 * read): a staging folder, a temporary file of `LATEST` or of the lock, a run folder newer than `latest`, or a run
 * folder holding a temporary or backup file of a file report writes there (each run folder's names are listed). A
 * lock file alone is not: it is another run's, or stale, and the next run takes it over either way.
 */
export async function mayHoldLeftovers(runsDir: string, latest: string): Promise<boolean> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  if (names.some((name) => name.startsWith(STAGING_PREFIX) || LATEST_TEMPORARY.test(name) || /^\.lock\.\d+\.(?:tmp|stale)$/.test(name) || (isRunId(name) && name > latest)))
    return true;
  for (const name of names) if (isRunId(name) && mayHoldReportLeftovers(await readdir(join(runsDir, name)).catch(() => [] as string[]))) return true;
  return false;
}

/**
 * Takes `runs/.lock` (see `takeLock`: created exclusively, refreshed while held, a stale one taken over by one run only
 * and `onTakeOver` told why, a live one `E_LOCKED` naming its holder), creating the runs folder first, and returns the
 * function that releases it. The folders it creates (the runs folder, and any missing folder above it) are removed
 * again on release while they are empty, so that a run that fails leaves no empty runs folder behind; a folder that
 * existed before, or holds anything, is never removed (`rmdir` removes only an empty one). A run that finds the folder
 * gone between making it and taking the lock (another run that had made it failed and removed it) makes it again.
 */
export async function acquireLock(runsDir: string, label: string, onTakeOver?: (message: string) => void): Promise<HeldLock> {
  for (let attempt = 0; ; attempt++) {
    const created = missingFolders(runsDir);
    try {
      makeFolderSync(runsDir);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ENOTDIR") throw runsNotFolder(label, cause, runsDir);
      throw new OutputError("E_WRITE", runMessages.runsFolderNotCreated(label, code), { cause });
    }
    try {
      const release = await takeLock(runsDir, LOCK_FILE, label, undefined, onTakeOver);
      if (created.length === 0) return release;
      const releaseAll = async () => {
        await release();
        for (const folder of created) if (!(await rmdir(folder).then(() => true, () => false))) break;
      };
      return Object.assign(releaseAll, { held: release.held });
    } catch (error) {
      const gone = error instanceof OutputError && (error.cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT" && missingFolders(runsDir).length > 0;
      if (attempt === 0 && gone) continue;
      throw error;
    }
  }
}

/** The folders that making `dir` creates: `dir` and those above it that do not exist, deepest first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let path = dir; dirname(path) !== path && lstatSync(path, { throwIfNoEntry: false }) === undefined; path = dirname(path)) missing.push(path);
  return missing;
}
