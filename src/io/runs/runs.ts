/**
 * Run folders of a project: every `compute` writes a new folder `runs/<run-id>/` and, only once it is complete, moves
 * the `runs/LATEST` pointer to it, so a failed or killed run never touches the last published results.
 *
 * - A run id is the UTC start time and the first 8 hex digits of the run's fingerprint, `20261125T135000.123Z-1a2b3c4d`:
 *   ids sort in time order, as text, on every system.
 * - `LATEST` is a one-line text file holding the id of the last published run, replaced by writing a temporary file and
 *   renaming it over the old one (atomic on POSIX and on Windows), rather than a symbolic link, which Windows
 *   restricts.
 * - A run is staged in a hidden folder `.staging-<run-id>` and renamed to `<run-id>` when all its files are written;
 *   `LATEST` moves after that. A run killed on the way leaves a staging folder or an unpublished run folder (newer than
 *   `LATEST`), which the next run removes.
 * - `runs/.lock` holds the pid, host and start time of the run in progress (see `acquireLock`).
 */
import { hostname, uptime } from "node:os";
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { OutputError } from "../../errors.js";
import type { FileDigest } from "./run-files.js";
import { writeFilesAtomic, writeFilesAtomicWithDigests, type FileContent } from "../write/write.js";

export const LATEST_FILE = "LATEST";
export const LOCK_FILE = ".lock";
const STAGING_PREFIX = ".staging-";
const RUN_ID = /^(\d{8}T\d{6}\.\d{3}Z)-[0-9a-f]{8}$/;

/** Whether a name is a run id. */
export function isRunId(name: string): boolean {
  return RUN_ID.test(name);
}

/** `2026-11-25T13:50:00.123Z` -> `20261125T135000.123Z`. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "");
}

/** `20261125T135000.123Z` -> the time. */
function parseCompactTime(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z$/.exec(text)!;
  return Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6], +match[7]);
}

/**
 * A new run id from the start time and the fingerprint, later than every id in `existing`: when the clock has not moved
 * on (two runs in the same millisecond, or a clock set back), the time is that of the last run plus 1 ms, so ids keep
 * sorting in run order.
 */
export function newRunId(time: Date, fingerprint: string, existing: readonly string[]): string {
  let milliseconds = time.getTime();
  for (const id of existing) {
    const match = RUN_ID.exec(id);
    if (match) milliseconds = Math.max(milliseconds, parseCompactTime(match[1]) + 1);
  }
  return `${compactTime(new Date(milliseconds))}-${fingerprint.slice(0, 8)}`;
}

/** The id in `runs/LATEST`, or `undefined` when no run was published yet. */
export async function readLatest(runsDir: string): Promise<string | undefined> {
  try {
    const id = (await readFile(join(runsDir, LATEST_FILE), "utf8")).trim();
    return id || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The ids of the run folders in `runsDir`, sorted (oldest first). */
export async function listRunIds(runsDir: string): Promise<string[]> {
  try {
    return (await readdir(runsDir)).filter(isRunId).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The published runs: every run folder up to `LATEST` (a newer folder is a run killed before it was published). */
export async function listPublishedRuns(runsDir: string): Promise<string[]> {
  const latest = await readLatest(runsDir);
  if (!latest) return [];
  return (await listRunIds(runsDir)).filter((id) => id <= latest);
}

/** Writes `LATEST` atomically: a temporary file renamed over the old pointer. */
export async function writeLatest(runsDir: string, id: string): Promise<void> {
  const temporary = join(runsDir, `.${LATEST_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, `${id}\n`);
  await rename(temporary, join(runsDir, LATEST_FILE));
}

/**
 * Writes every file of a run into its staging folder `.staging-<id>` and returns that folder. The large files are
 * streamed, their jobs on up to `threads` threads, each file hashed as it is written; then the files `last` makes from
 * those digests (the manifest, which lists them) are written into the same folder.
 */
export async function stageRun(
  runsDir: string,
  id: string,
  files: Readonly<Record<string, FileContent>>,
  label: string,
  { threads = 1, last }: { threads?: number; last?: (outputs: FileDigest[]) => Record<string, string> } = {},
): Promise<string> {
  const staging = join(runsDir, STAGING_PREFIX + id);
  const digests = await writeFilesAtomicWithDigests(staging, files, label, threads);
  const outputs = Object.keys(digests)
    .sort()
    .map((path) => ({ path, ...digests[path] }));
  if (last) await writeFilesAtomic(staging, last(outputs), label);
  return staging;
}

/** Renames a staged run to its final folder `runs/<id>`. */
export async function finishRun(runsDir: string, id: string): Promise<string> {
  const folder = join(runsDir, id);
  await rename(join(runsDir, STAGING_PREFIX + id), folder);
  return folder;
}

/** Removes the staging and run folders of run `id`, which was not published. */
export async function discardRun(runsDir: string, id: string): Promise<void> {
  await rm(join(runsDir, STAGING_PREFIX + id), { recursive: true, force: true });
  if ((await readLatest(runsDir)) !== id) await rm(join(runsDir, id), { recursive: true, force: true });
}

/**
 * Removes what killed runs left: staging folders, and run folders newer than `LATEST` (never published). Without a
 * `LATEST` file no run folder is removed: a deleted pointer must not cost the history. Only called while holding the
 * lock, so no other run is writing them.
 */
export async function removeUnpublished(runsDir: string): Promise<string[]> {
  const latest = await readLatest(runsDir);
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const leftovers = names.filter(
    (name) => name.startsWith(STAGING_PREFIX) || (isRunId(name) && latest !== undefined && name > latest) || /^\.LATEST\.\d+\.tmp$/.test(name),
  );
  for (const name of leftovers) await rm(join(runsDir, name), { recursive: true, force: true });
  return leftovers;
}

/** The content of the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Whether process `pid` runs on this machine (`EPERM` means it runs under another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A lock file is stale when its process is gone: same host and a dead pid, or same host and written before the machine
 * last started (a power cut mid-run: after the reboot its pid may belong to another process), or unreadable and older
 * than a minute.
 */
async function isStale(lockPath: string): Promise<boolean> {
  let holder: Partial<LockHolder>;
  try {
    holder = JSON.parse(await readFile(lockPath, "utf8"));
  } catch {
    // A lock written by a process killed between creating and filling it.
    const info = await stat(lockPath).catch(() => undefined);
    return !info || Date.now() - info.mtimeMs > 60_000;
  }
  if (holder.host !== hostname() || typeof holder.pid !== "number") return false;
  const bootTime = Date.now() - uptime() * 1000;
  const writtenBeforeBoot = Date.parse(holder.startedAt ?? "") < bootTime - 5_000;
  return writtenBeforeBoot || !isAlive(holder.pid);
}

/**
 * Creates `path` holding `content`, failing with `EEXIST` when it exists. The content is written to a temporary file
 * first and hard-linked into place, so no other process ever sees the file empty; on a file system without hard links
 * the file is created exclusively and then filled.
 */
async function createWithContent(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  try {
    await link(temporary, path);
  } catch (error) {
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    const handle = await open(path, "wx");
    await handle.writeFile(content);
    await handle.close();
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Takes `runs/.lock` (created exclusively, so two runs never both get it) and returns the function that releases it.
 * A stale lock (its process is gone, see `isStale`) is removed and taken over; a live one is an `OutputError` `E_LOCKED`
 * naming its holder. A lock from another host is never judged stale: its pid means nothing here.
 */
export async function acquireLock(runsDir: string, label: string): Promise<() => Promise<void>> {
  const lockPath = join(runsDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  try {
    await mkdir(runsDir, { recursive: true });
  } catch (cause) {
    throw new OutputError("E_WRITE", `${label}: cannot create the runs folder (${(cause as NodeJS.ErrnoException).code}); expected a writable folder`, { cause });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await createWithContent(lockPath, JSON.stringify(holder) + "\n");
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new OutputError("E_WRITE", `${label}: cannot create the lock file (${(error as NodeJS.ErrnoException).code}); expected a writable folder`, { cause: error });
      if (attempt === 0 && (await isStale(lockPath))) {
        await rm(lockPath, { force: true });
        continue;
      }
      const text = await readFile(lockPath, "utf8").catch(() => "");
      let description = "a lock file being written, or damaged";
      try {
        const other = JSON.parse(text) as LockHolder;
        description = `pid ${other.pid} on ${other.host}, since ${other.startedAt}`;
      } catch {
        // keep the description
      }
      throw new OutputError("E_LOCKED", projectMessages.locked(`${label}/${LOCK_FILE}`, description));
    }
  }
  throw new OutputError("E_LOCKED", projectMessages.locked(`${label}/${LOCK_FILE}`, "unknown"));
}
