/**
 * A folder's lock: a small file created exclusively, holding the pid, host and start time of the run that holds it, so
 * that one run at a time writes the folder (a project's runs folder, `runs/.lock`; an output folder while the folder
 * writer writes it). A lock whose process is gone is stale and taken over, by one run only.
 */
import { lstatSync, readFileSync, renameSync, unlinkSync } from "node:fs";
import { link, lstat, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { hostname, uptime } from "node:os";
import { join } from "node:path";
import { projectMessages } from "../../core/project-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { OutputError } from "../../errors.js";
import { undoOnInterrupt } from "./interrupt.js";
import { claimTemporary } from "./temporary.js";
import { writeClaimedSync } from "./claimed.js";

/** The content of the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /**
   * The files of the folder the holder may leave behind if it is killed (`kill -9`, a power cut): its temporary files
   * `.<name>.<pid>.tmp` and backups `.<name>.<pid>.old`. The run that takes a stale lock over removes them (a backup
   * whose file is missing is put back), since the lock proves whose they are.
   */
  files?: string[];
}

/** Whether process `pid` runs on this machine (`EPERM` means it runs under another user). */
export function isProcessAlive(pid: number): boolean {
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
export async function isStale(lockPath: string): Promise<boolean> {
  return (await staleLockText(lockPath)) !== undefined;
}

/** The text of the lock at `lockPath` when it is stale (see `isStale`), else `undefined` (live, or gone). */
async function staleLockText(lockPath: string): Promise<string | undefined> {
  const text = await readFile(lockPath, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let holder: Partial<LockHolder>;
  try {
    holder = JSON.parse(text);
  } catch {
    // A lock written by a process killed between creating and filling it.
    const info = await stat(lockPath).catch(() => undefined);
    return info && Date.now() - info.mtimeMs > 60_000 ? text : undefined;
  }
  if (holder.host !== hostname() || typeof holder.pid !== "number") return undefined;
  const bootTime = Date.now() - uptime() * 1000;
  const writtenBeforeBoot = Date.parse(holder.startedAt ?? "") < bootTime - 5_000;
  return writtenBeforeBoot || !isProcessAlive(holder.pid) ? text : undefined;
}

/**
 * Removes the stale lock whose text is `staleText`, and only that one: it is first moved aside under this process's
 * own name (one atomic rename, so of several runs that found it stale one moves it), then its text is compared. A
 * lock that is not the stale one (another run took the stale one over meanwhile, and this rename moved its new lock)
 * is put back. Returns whether the stale lock was removed by this call.
 */
export async function removeStaleLock(lockPath: string, staleText: string): Promise<boolean> {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false; // gone: another run moved it first
  }
  const moved = await readFile(aside, "utf8").catch(() => undefined);
  if (moved !== staleText) {
    await link(aside, lockPath).catch(() => undefined);
    await rm(aside, { force: true });
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

/**
 * Creates `path` holding `content`, failing with `EEXIST` when it exists. The content is written to a temporary file
 * first and hard-linked into place, so no other process ever sees the file empty; on a file system without hard links
 * the file is created exclusively and then filled.
 */
async function createWithContent(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const release = claimTemporary(temporary);
  try {
    // Inside the try: a write that fails (a full disk) leaves no temporary file either.
    writeClaimedSync(temporary, content);
    await link(temporary, path);
  } catch (error) {
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    const handle = await open(path, "wx");
    await handle.writeFile(content);
    await handle.close();
  } finally {
    await rm(temporary, { force: true });
    release();
  }
}

/**
 * Takes the lock `name` of folder `dir` (which must exist), created exclusively so that two runs never both get it, and
 * returns the function that releases it. A stale lock (its process is gone, see `isStale`) is taken over by one run only
 * (`removeStaleLock`); a live one is an `OutputError` `E_LOCKED` naming its holder, the lock named as `label/name`. A
 * lock from another host is never judged stale: its pid means nothing here. `files` are the files this holder may
 * leave behind (see `LockHolder.files`); once a stale lock is taken over, the files its holder listed are cleaned up
 * (`removeHolderFiles`).
 */
export async function takeLock(dir: string, name: string, label: string, files?: readonly string[]): Promise<() => Promise<void>> {
  const lockPath = join(dir, name);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), ...(files ? { files: [...files] } : {}) };
  let taken: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = JSON.stringify(holder) + "\n";
      await createWithContent(lockPath, text);
      if (taken !== undefined) removeHolderFiles(dir, taken);
      // Released only while it is still this run's lock (never another run's, were this one ever taken over), and
      // so when the process is interrupted (`interrupt.ts`).
      const stopUndo = undoOnInterrupt(() => {
        if (readFileSync(lockPath, "utf8") === text) unlinkSync(lockPath);
      });
      // The undo stays until the lock is gone: a signal while it is being removed still finds it (and removes it).
      return async () => {
        if ((await readFile(lockPath, "utf8").catch(() => undefined)) === text) await rm(lockPath, { force: true });
        stopUndo();
      };
    } catch (error) {
      if (error instanceof OutputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new OutputError("E_WRITE", runMessages.lockNotCreated(label, (error as NodeJS.ErrnoException).code), { cause: error });
      if (attempt === 0) {
        const staleText = await staleLockText(lockPath);
        if (staleText !== undefined) {
          if (await removeStaleLock(lockPath, staleText)) taken = staleText;
          continue;
        }
      }
      const text = await readFile(lockPath, "utf8").catch(() => "");
      let description = "a lock file being written, or damaged";
      try {
        const other = JSON.parse(text) as LockHolder;
        description = `pid ${other.pid} on ${other.host}, since ${other.startedAt}`;
      } catch {
        // keep the description
      }
      throw new OutputError("E_LOCKED", projectMessages.locked(`${label}/${name}`, description));
    }
  }
  throw new OutputError("E_LOCKED", projectMessages.locked(`${label}/${name}`, "unknown"));
}

/**
 * Removes what killed runs left of the lock `name` in `dir`: its content being written (`<name>.<pid>.tmp`, a run that
 * stopped before linking it into place) and a stale lock moved aside (`<name>.<pid>.stale`). Another run may be taking
 * the lock right now, with its own, so only a file whose process is gone goes (judged as a lock is, see `isStale`), or
 * one named with this process's pid (then left by an earlier process of that pid: this one holds the lock). Links and
 * folders at those names are left alone. Call it while holding the lock. Returns the names removed, sorted.
 */
export async function removeLockLeftovers(dir: string, name: string): Promise<string[]> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.(?:tmp|stale)$`);
  const removed: string[] = [];
  for (const entry of (await readdir(dir).catch(() => [] as string[])).sort()) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const path = join(dir, entry);
    if (!(await lstat(path).catch(() => undefined))?.isFile()) continue;
    if (Number(match[1]) !== process.pid && !(await isStale(path))) continue;
    await rm(path, { force: true });
    removed.push(entry);
  }
  return removed;
}

/**
 * Cleans up the files a killed holder listed in its lock (`LockHolder.files`, the lock's text `staleText`), in `dir`:
 * a temporary file `.<name>.<pid>.tmp` is removed; a backup `.<name>.<pid>.old` is put back where its file is missing
 * (the holder was killed between moving it aside and renaming the new file in) and removed otherwise. Only regular
 * files named with the holder's own pid, directly in `dir`, are touched; anything else the lock lists is ignored.
 * Called only by the run that took the stale lock over, while it holds it.
 */
export function removeHolderFiles(dir: string, staleText: string): void {
  let holder: Partial<LockHolder>;
  try {
    holder = JSON.parse(staleText) as Partial<LockHolder>;
  } catch {
    return;
  }
  if (!Number.isSafeInteger(holder.pid) || !Array.isArray(holder.files)) return;
  for (const file of holder.files) {
    if (typeof file !== "string") continue;
    const match = /^\.(.+)\.(\d+)\.(tmp|old)$/.exec(file);
    if (!match || Number(match[2]) !== holder.pid || /[/\\]/.test(file) || match[1] === "" || match[1] === "." || match[1] === "..") continue;
    const path = join(dir, file);
    try {
      if (!lstatSync(path, { throwIfNoEntry: false })?.isFile()) continue;
      const target = join(dir, match[1]);
      if (match[3] === "old" && !lstatSync(target, { throwIfNoEntry: false })) renameSync(path, target);
      else unlinkSync(path);
    } catch {
      // Left as it was (a file that cannot be removed or put back loses nothing where it is).
    }
  }
}
