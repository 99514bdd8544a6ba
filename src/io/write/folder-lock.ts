/**
 * A folder's lock: a small file created exclusively, holding the pid, host and start time of the run that holds it, and
 * what else identifies its process (on Linux its start time in clock ticks, the machine's boot id and its pid
 * namespace), so that one run at a time writes the folder (a project's runs folder, `runs/.lock`; an output folder while
 * the folder writer writes it). Its holder refreshes the file's modification time every `HEARTBEAT_MS` while it holds
 * it. A lock whose process is gone is stale and taken over, by one run only (`judgeLock` says when).
 */
import { lstatSync, lutimesSync, readFileSync, readlinkSync, renameSync, unlinkSync, type Stats } from "node:fs";
import { link, lstat, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname, uptime } from "node:os";
import { join, resolve } from "node:path";
import { projectMessages, type LockRule, type StaleLockReason } from "../../core/project-messages.js";
import { joinMessages } from "../../core/localize.js";
import { runMessages } from "../../core/run-messages.js";
import { OutputError } from "../../errors.js";
import { fileSizeLimitFor } from "../file-size-limit.js";
import { undoOnInterrupt } from "./interrupt.js";
import { claimTemporary } from "./temporary.js";
import { writeClaimedSync } from "./claimed.js";

/** The content of the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** The machine's boot id (Linux: /proc/sys/kernel/random/boot_id): a lock of another boot is stale. */
  bootId?: string;
  /**
   * The holder's pid namespace (Linux: the link /proc/self/ns/pid, such as `pid:[4026531836]`): a pid means something
   * only in its own namespace; a lock of another namespace (a previous container) is judged by its heartbeat alone.
   */
  pidNamespace?: string;
  /** The holder's start time in clock ticks since boot (Linux: field 22 of /proc/self/stat): another one means the pid was reused. */
  startTicks?: number;
  /** How often the holder refreshes the lock (`HEARTBEAT_MS`): a lock that says so may be judged by its heartbeat from another host. */
  heartbeatMs?: number;
  /**
   * The files of the folder the holder may leave behind if it is killed (`kill -9`, a power cut): its temporary files
   * `.<name>.<pid>.tmp` and backups `.<name>.<pid>.old`. The run that takes a stale lock over removes them (a backup
   * whose file is missing is put back), since the lock proves whose they are.
   */
  files?: string[];
}

/**
 * How often the holder refreshes its lock's modification time (its heartbeat): a cheap `utimes` from an unref'd timer.
 * A run that blocks its event loop (a synchronous write of a large file) refreshes it late, never wrongly.
 */
export const HEARTBEAT_MS = 30_000;

/**
 * How long a lock whose process cannot be checked from here (another pid namespace: a previous container on this host;
 * a lock written by an older version; a system without /proc) may go without a heartbeat before it is stale: 10 minutes,
 * 20 heartbeats. It must be longer than the longest stretch a live run may block its event loop: the largest measured
 * (docs/performance.md: 12 M values, 2 GB of files written by synchronous calls on one thread, a revision summary of
 * about 11 s) block it for seconds, and 10 minutes still covers 2 GB written at 4 MB/s (a slow network share).
 */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * How long a lock of another host may go without a heartbeat before it is stale: 30 minutes, longer than for this host,
 * since the two clocks may disagree by some minutes. Another host's pid cannot be checked at all, and a container
 * started without a fixed `--hostname` gets a new host name each time: without this rule a killed run's lock would
 * stop every later run there for good. A lock of an older version, which does not say it has a heartbeat, is never
 * taken over from another host.
 */
export const OTHER_HOST_STALE_AFTER_MS = 30 * 60_000;

/** How long a lock that cannot be read (a run killed between creating and filling it) lives before it is stale. */
export const DAMAGED_STALE_AFTER_MS = 60_000;

/** How long a lock may go without a heartbeat before a refusal says since when it was last refreshed (two heartbeats). */
export const SILENCE_TOLD_AFTER_MS = 2 * HEARTBEAT_MS;

/** Whether process `pid` runs on this machine (`EPERM` means it runs under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What identifies this process beyond its pid: what of it can be read here (nothing but on Linux). */
export interface ProcessIdentity {
  bootId?: string;
  pidNamespace?: string;
  startTicks?: number;
}

/** The pid (field 1), state (field 3: `Z` for a zombie) and start time (field 22, clock ticks since boot) in the text of /proc/<pid>/stat. */
export function parseStat(text: string): { pid: number; state: string; startTicks: number } | undefined {
  // The command name (field 2) is in parentheses and may hold spaces and parentheses: the fields after it follow the last ")".
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  const pid = Number.parseInt(text, 10);
  const startTicks = Number(fields[19]);
  return close > 0 && Number.isSafeInteger(pid) && Number.isSafeInteger(startTicks) ? { pid, state: fields[0], startTicks } : undefined;
}

/**
 * Whether process `pid` runs (`isProcessAlive`) and is no zombie: a run killed (`kill -9`) stays a zombie until its
 * parent reaps it, which a scheduler or a shell may do only seconds later; its pid still answers signals, but it holds
 * nothing any more. Read from /proc only where /proc is this pid namespace's.
 */
function isRunning(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  return !(procIsOurs && parseStat(readText(`/proc/${pid}/stat`) ?? "")?.state === "Z");
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

let ownIdentity: ProcessIdentity | undefined;
/** Whether /proc is this process's pid namespace's (its /proc/self/stat names this pid): only then does /proc/<pid> describe pid. */
let procIsOurs = false;

/**
 * This process's boot id, pid namespace and start time, as recorded in the locks it takes (read once). The start time
 * is left out when /proc is another pid namespace's (a container started with its own pid namespace but the host's
 * /proc), where /proc/self/stat does not name this process's pid.
 */
export function processIdentity(): ProcessIdentity {
  if (ownIdentity) return ownIdentity;
  const identity: ProcessIdentity = {};
  if (process.platform === "linux") {
    const bootId = readText("/proc/sys/kernel/random/boot_id")?.trim();
    if (bootId) identity.bootId = bootId;
    try {
      identity.pidNamespace = readlinkSync("/proc/self/ns/pid");
    } catch {
      // not known
    }
    const self = parseStat(readText("/proc/self/stat") ?? "");
    procIsOurs = self?.pid === process.pid;
    if (self && procIsOurs) identity.startTicks = self.startTicks;
  }
  return (ownIdentity = identity);
}

/** What a run reads of this machine and its processes to judge a lock (`judgeLock`); `localProbe` reads the real ones. */
export interface LockProbe extends Omit<ProcessIdentity, "startTicks"> {
  host: string;
  /** Now, in milliseconds since the epoch. */
  now: number;
  /** When this machine last started, in milliseconds since the epoch. */
  bootTime: number;
  isAlive(pid: number): boolean;
  /** The start time of process `pid` in clock ticks since boot, `undefined` when it cannot be read. */
  startTicks(pid: number): number | undefined;
}

/** This machine and its processes, now. */
export function localProbe(): LockProbe {
  const { bootId, pidNamespace } = processIdentity();
  const now = Date.now();
  return {
    host: hostname(),
    now,
    bootTime: now - uptime() * 1000,
    ...(bootId !== undefined ? { bootId } : {}),
    ...(pidNamespace !== undefined ? { pidNamespace } : {}),
    isAlive: isRunning,
    startTicks: (pid) => (procIsOurs ? parseStat(readText(`/proc/${pid}/stat`) ?? "")?.startTicks : undefined),
  };
}

/** Clock ticks per second of the start times in /proc/<pid>/stat (USER_HZ, 100 on every Linux architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/**
 * Whether the process `pid` that last wrote or named a file at `writtenAtMs` (a temporary or backup file named with
 * its pid: `isFileWriterGone` says when) no longer runs: the pid is gone, the machine has started since, or the
 * process with that pid now started after it (the pid was reused; judged with two seconds to spare for the ticks'
 * rounding). A pid that runs and cannot be told apart (another pid namespace's /proc) counts as running.
 */
export function isWriterGone(pid: number, writtenAtMs: number, probe: LockProbe = localProbe()): boolean {
  if (!probe.isAlive(pid)) return true;
  if (writtenAtMs < probe.bootTime - 5_000) return true;
  const ticks = probe.startTicks(pid);
  return ticks !== undefined && probe.bootTime + (ticks / TICKS_PER_SECOND) * 1000 > writtenAtMs + 2_000;
}

/**
 * `isWriterGone` for the file whose `lstat` is `found`, named with `pid`, judged by when it got its current content
 * or its current name: the later of its modification and change times. A backup `.<name>.<pid>.old` (and a stale
 * lock moved aside, `.stale`) is made by a rename, which keeps the file's modification time, that of the version it
 * backs up, written perhaps long before its writer started: judged by that time, the backup of a file that a running
 * process is replacing right now would look older than that process, as if its pid had been reused since, and be
 * removed or put back under it. A rename updates the change time: on Linux, `rename(2)` sets the inode's ctime; on
 * Windows, Node's `ctimeMs` is NTFS's change time, which a rename updates too. A write updates both, so a temporary
 * file is judged by its last write, as before.
 */
export function isFileWriterGone(pid: number, found: Pick<Stats, "mtimeMs" | "ctimeMs">, probe?: LockProbe): boolean {
  return isWriterGone(pid, Math.max(found.mtimeMs, found.ctimeMs), probe);
}

/** Whether a lock is stale, and why (`judgeLock`); `silentMs` is how long since its last heartbeat (its modification time). */
export type LockVerdict =
  | { stale: true; reason: StaleLockReason; silentMs: number; takeOverAfterMs?: number }
  | {
      stale: false;
      silentMs: number;
      /** How long its heartbeat may be silent before it is stale; `undefined`: it is not judged by its heartbeat. */
      takeOverAfterMs?: number;
      /**
       * Why it is live: `running`, its process runs (as recorded: same pid namespace and start time); `heartbeat`, its
       * process cannot be checked, and it is refreshed (stale once silent for `STALE_AFTER_MS`); `other-host`, of
       * another host, never stale; `damaged`, unreadable but younger than `DAMAGED_STALE_AFTER_MS`.
       */
      rule: LockRule;
    };

/**
 * Whether the lock with text `text`, last modified at `mtimeMs`, is stale, judged with what `probe` reads of this
 * machine. In order:
 * - a text that is no lock (a run killed between creating and filling it): stale once `DAMAGED_STALE_AFTER_MS` old;
 * - another host's: never stale, its pid means nothing here (delete it by hand once that run is gone);
 * - another boot of this host (boot ids differ; for a lock without one, written before the machine last started):
 *   stale, its pid may belong to any process now;
 * - a lock of this pid namespace (or one without a namespace: an older version's, a system without namespaces): stale
 *   when its pid no longer runs, or runs with another start time than the lock's (the pid was reused, as pid 1 is by
 *   every container); live when it runs with the lock's start time;
 * - otherwise its process cannot be checked (another pid namespace, such as a previous container's; no start time to
 *   compare): stale once its heartbeat has been silent for `STALE_AFTER_MS`.
 */
export function judgeLock(text: string, mtimeMs: number, probe: LockProbe): LockVerdict {
  const silentMs = Math.max(0, probe.now - mtimeMs);
  let holder: Partial<LockHolder> | null;
  try {
    holder = JSON.parse(text);
  } catch {
    holder = null;
  }
  if (typeof holder !== "object" || holder === null || Array.isArray(holder) || typeof holder.host !== "string")
    return silentMs > DAMAGED_STALE_AFTER_MS ? { stale: true, reason: "damaged", silentMs } : { stale: false, silentMs, rule: "damaged" };
  if (holder.host !== probe.host) {
    if (typeof holder.heartbeatMs !== "number") return { stale: false, silentMs, rule: "other-host" };
    const takeOverAfterMs = OTHER_HOST_STALE_AFTER_MS;
    return silentMs > takeOverAfterMs ? { stale: true, reason: "silent-other-host", silentMs, takeOverAfterMs } : { stale: false, silentMs, rule: "other-host", takeOverAfterMs };
  }
  if (typeof holder.bootId === "string" && probe.bootId !== undefined) {
    if (holder.bootId !== probe.bootId) return { stale: true, reason: "rebooted", silentMs };
  } else if (Date.parse(holder.startedAt ?? "") < probe.bootTime - 5_000) return { stale: true, reason: "rebooted", silentMs };
  const pid = holder.pid;
  const sameNamespace = typeof holder.pidNamespace === "string" && holder.pidNamespace === probe.pidNamespace;
  if (Number.isSafeInteger(pid) && (pid as number) > 0 && (holder.pidNamespace === undefined || sameNamespace)) {
    if (!probe.isAlive(pid as number)) return { stale: true, reason: "gone", silentMs };
    const started = sameNamespace && Number.isSafeInteger(holder.startTicks) ? probe.startTicks(pid as number) : undefined;
    if (started !== undefined) return started === holder.startTicks ? { stale: false, silentMs, rule: "running" } : { stale: true, reason: "reused", silentMs };
  }
  return silentMs > STALE_AFTER_MS
    ? { stale: true, reason: "silent", silentMs, takeOverAfterMs: STALE_AFTER_MS }
    : { stale: false, silentMs, rule: "heartbeat", takeOverAfterMs: STALE_AFTER_MS };
}

/** The lock at `lockPath` judged now (`judgeLock`) with its text and modification time; `undefined` when there is none. */
async function judgeLockFile(lockPath: string): Promise<{ text: string; mtimeMs: number; verdict: LockVerdict } | undefined> {
  // The text first: a heartbeat (or another lock) between the two reads makes the lock look younger, never older.
  const text = await readFile(lockPath, "utf8").catch(() => undefined);
  const info = text === undefined ? undefined : await stat(lockPath).catch(() => undefined);
  if (info === undefined || text === undefined) return undefined;
  return { text, mtimeMs: info.mtimeMs, verdict: judgeLock(text, info.mtimeMs, localProbe()) };
}

/** Whether the lock file at `lockPath` is stale (see `judgeLock`). */
export async function isStale(lockPath: string): Promise<boolean> {
  return (await judgeLockFile(lockPath))?.verdict.stale === true;
}

/**
 * Refreshes the modification time of the lock at `lockPath` (its heartbeat) while it holds `text`, this run's lock; a
 * lock that is no longer this run's (taken over) is left as it is. Synchronous and tiny, so that it never waits
 * behind the writes queued in the thread pool; failures are ignored (the next heartbeat tries again).
 */
export function refreshLock(lockPath: string, text: string): void {
  try {
    if (readFileSync(lockPath, "utf8") !== text) return;
    const now = new Date();
    lutimesSync(lockPath, now, now);
  } catch {
    // tried again at the next heartbeat
  }
}

/**
 * Removes the stale lock whose text is `staleText`, and only that one: it is first moved aside under this process's
 * own name (one atomic rename, so of several runs that found it stale one moves it), then its text is compared. A
 * lock that is not the stale one (another run took the stale one over meanwhile, and this rename moved its new lock)
 * is put back, and so is one refreshed since it was judged (its modification time later than `staleMtimeMs`, when
 * given: a holder judged by its heartbeat that was only late). Returns whether the stale lock was removed by this call.
 */
export async function removeStaleLock(lockPath: string, staleText: string, staleMtimeMs?: number): Promise<boolean> {
  return (await moveStaleLock(lockPath, staleText, staleMtimeMs)) === "removed";
}

/**
 * `removeStaleLock`, saying what became of the stale lock: `removed` by this call; `gone` before this call could move
 * it (another run moved it first); `kept`, the lock found there put back (not the stale one, or refreshed since).
 */
async function moveStaleLock(lockPath: string, staleText: string, staleMtimeMs?: number): Promise<"removed" | "gone" | "kept"> {
  const aside = `${lockPath}.${process.pid}.stale`;
  // This process's takeover in progress: its `.stale` is not a leftover (`removeLockLeftovers` leaves it, unsaid).
  takeoversInProgress.add(resolve(aside));
  try {
    try {
      await rename(lockPath, aside);
    } catch {
      return "gone"; // another run moved it first
    }
    const moved = await readFile(aside, "utf8").catch(() => undefined);
    const refreshed = staleMtimeMs !== undefined && ((await stat(aside).catch(() => undefined))?.mtimeMs ?? Infinity) > staleMtimeMs;
    if (moved !== staleText || refreshed) {
      await link(aside, lockPath).catch(() => undefined);
      await removeFile(aside);
      return "kept";
    }
    await removeFile(aside);
    return "removed";
  } finally {
    takeoversInProgress.delete(resolve(aside));
  }
}

/** The `.stale` files this process's takeovers are moving a stale lock to right now (`moveStaleLock`), as absolute paths. */
const takeoversInProgress = new Set<string>();

/**
 * Whether `path` (absolute) is a file this process is taking a lock with right now: the `.tmp` it creates the lock from
 * (`creations`) or the `.stale` it moves a stale lock to (`takeoversInProgress`). Named with this process's pid, such a
 * file would otherwise look, to a tidying of the lock's folder by another call of this process between their awaits
 * (the library called twice at once: `removeLockLeftovers`, run while holding the lock), like a leftover of an earlier
 * process of this pid, and be removed under the call using it: a `.tmp` removed while `link` waits would fail the lock
 * as not created (`ENOENT`, said as a write that failed) rather than refuse it as held (`E_LOCKED`).
 */
const lockFileInProgress = (path: string): boolean => takeoversInProgress.has(path) || creations.has(path);

/**
 * Creates `path` holding `content`, failing with `EEXIST` when it exists. The content is written to a temporary file
 * first and hard-linked into place, so no other process ever sees the file empty; on a file system without hard links
 * the file is created exclusively and then filled.
 */
async function createWithContent(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const key = resolve(temporary);
  // Another call of this process creating the same lock right now (the library called twice at once) uses the same
  // temporary name: claimed again, it would be replaced under that call's link. Each waits for the one before it, and
  // then finds the lock that call made (EEXIST: refused as held) or none (it failed or released it).
  for (let before = creations.get(key); before !== undefined; before = creations.get(key)) await before;
  const creation = createFromTemporary(path, temporary, content);
  const settled = creation.catch(() => undefined);
  creations.set(key, settled);
  try {
    await creation;
  } finally {
    if (creations.get(key) === settled) creations.delete(key);
  }
}

/**
 * The lock creations of this process under way (`createWithContent`), by their temporary file's absolute path, from
 * before the file is claimed until it is removed; each settles, never rejects.
 */
const creations = new Map<string, Promise<void>>();

/** `createWithContent` through the temporary file `temporary`, which no other call of this process uses meanwhile. */
async function createFromTemporary(path: string, temporary: string, content: string): Promise<void> {
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
    await removeFile(temporary);
    release();
  }
}

/**
 * Removes the file at `path`, if there is one (`rm(path, { force: true })` for a file). Not `rm` itself: Node 20 loads
 * its recursive remover on every call, a module more on the start of every command that takes a lock.
 */
export async function removeFile(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

/** The holder of the lock whose text is `text`, as messages name it: `pid <pid> on <host>, since <startedAt>`. */
function describeHolder(text: string): string {
  const other = parseLockHolder(text);
  // A lock without its pid, host or start time (`{"pid":1}`) is said as damaged, never as `on undefined, since undefined`.
  return other ? `pid ${other.pid} on ${other.host}, since ${other.startedAt}` : "a lock file being written, or damaged";
}

/**
 * The holder a lock's text names when it is a whole lock as `takeLock` writes it: a JSON object with a pid (a positive
 * integer), a host and a start time (strings); `undefined` for anything else (unreadable, or without one of them).
 */
function parseLockHolder(text: string): LockHolder | undefined {
  let holder: Partial<LockHolder> | null;
  try {
    holder = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof holder !== "object" || holder === null || Array.isArray(holder)) return undefined;
  const pidValid = Number.isSafeInteger(holder.pid) && (holder.pid as number) > 0;
  return pidValid && typeof holder.host === "string" && typeof holder.startedAt === "string" ? (holder as LockHolder) : undefined;
}

/**
 * A lock taken (`takeLock`): called, it releases the lock (only while it is still this holder's); `held` says whether
 * the lock file is still this holder's, for a step that must not be taken without it (a run published while another
 * run took the lock over, or while the lock was removed by hand, would race that run).
 */
export type HeldLock = (() => Promise<void>) & { held: () => boolean };

/**
 * Takes the lock `name` of folder `dir` (which must exist), created exclusively so that two runs never both get it, and
 * returns the function that releases it. A stale lock (see `judgeLock`) is taken over by one run only
 * (`removeStaleLock`), and `onTakeOver` hears why (`projectMessages.lockTakenOver`); a live one is an `OutputError`
 * `E_LOCKED` naming its holder, the lock named as `label/name`, and, once its heartbeat has been silent for a minute,
 * since when and what happens to it (`projectMessages.lockSilent`). A lock from another host is never judged stale:
 * its pid means nothing here. `files` are the files this holder may leave behind (see `LockHolder.files`); once a
 * stale lock is taken over, the files its holder listed are cleaned up (`removeHolderFiles`). While the lock is held,
 * its modification time is refreshed every `HEARTBEAT_MS` (`refreshLock`).
 */
export async function takeLock(
  dir: string,
  name: string,
  label: string,
  files?: readonly string[],
  onTakeOver?: (message: string) => void,
): Promise<HeldLock> {
  const lockPath = join(dir, name);
  const lockLabel = `${label}/${name}`;
  const { bootId, pidNamespace, startTicks } = processIdentity();
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ...(bootId !== undefined ? { bootId } : {}),
    ...(pidNamespace !== undefined ? { pidNamespace } : {}),
    ...(startTicks !== undefined ? { startTicks } : {}),
    heartbeatMs: HEARTBEAT_MS,
    ...(files ? { files: [...files] } : {}),
  };
  let taken: { text: string; verdict: LockVerdict & { stale: true } } | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = JSON.stringify(holder) + "\n";
      await createWithContent(lockPath, text);
      if (taken !== undefined) {
        removeHolderFiles(dir, taken.text);
        const { reason, silentMs } = taken.verdict;
        onTakeOver?.(projectMessages.lockTakenOver(lockLabel, describeHolder(taken.text), reason, silentMs, taken.verdict.takeOverAfterMs ?? STALE_AFTER_MS));
      }
      // The heartbeat: an unref'd timer, which never keeps the process alive.
      const heartbeat = setInterval(() => refreshLock(lockPath, text), HEARTBEAT_MS);
      heartbeat.unref();
      // Released only while it is still this run's lock (never another run's, were this one ever taken over), and
      // so when the process is interrupted (`interrupt.ts`).
      const stopUndo = undoOnInterrupt(() => {
        clearInterval(heartbeat);
        if (readFileSync(lockPath, "utf8") === text) unlinkSync(lockPath);
      });
      // The undo stays until the lock is gone: a signal while it is being removed still finds it (and removes it).
      const release = async () => {
        clearInterval(heartbeat);
        if ((await readFile(lockPath, "utf8").catch(() => undefined)) === text) await removeFile(lockPath);
        stopUndo();
      };
      const held = () => {
        try {
          return readFileSync(lockPath, "utf8") === text;
        } catch {
          return false; // removed
        }
      };
      return Object.assign(release, { held });
    } catch (error) {
      if (error instanceof OutputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // A file-size limit (EFBIG, ulimit -f 0) is said with the limit, as an output's is.
      if (code !== "EEXIST") throw new OutputError("E_WRITE", runMessages.lockNotCreated(lockLabel, code ?? String(error), fileSizeLimitFor(code)), { cause: error });
      // A folder or a link at the lock's name is no run's lock: never judged stale, never taken over, and said as what it is.
      const found = await lstat(lockPath).catch(() => undefined);
      if (found && !found.isFile()) throw new OutputError("E_LOCK_NOT_FILE", projectMessages.lockNotFile(lockLabel, found.isDirectory() ? "a folder" : found.isSymbolicLink() ? "a link" : "something"));
      const judged = await judgeLockFile(lockPath);
      if (attempt === 0) {
        if (judged === undefined) continue; // released meanwhile
        const { text, mtimeMs, verdict } = judged;
        if (verdict.stale) {
          // Removed by this run, or by another that judged it stale too and moved it first: either way the run that
          // creates the lock next takes over the stale one, and says so, also when that is this run (it won the race
          // for the lock, not the one to move the stale lock). Not when the lock was put back (another run's, or its
          // holder only late).
          if ((await moveStaleLock(lockPath, text, mtimeMs)) !== "kept") taken = { text, verdict };
          continue;
        }
      }
      throw lockedError(lockLabel, judged);
    }
  }
  throw new OutputError("E_LOCKED", projectMessages.locked(lockLabel, "unknown"));
}

/**
 * The `E_LOCKED` error for the lock `lockLabel`, held by the lock `judged` (`undefined`: gone meanwhile, its holder
 * unknown): its holder, and, once its heartbeat has been silent for `SILENCE_TOLD_AFTER_MS`, since when and what
 * happens to it.
 */
function lockedError(lockLabel: string, judged: { text: string; verdict: LockVerdict } | undefined): OutputError {
  const locked = projectMessages.locked(lockLabel, judged ? describeHolder(judged.text) : "unknown");
  const verdict = judged?.verdict;
  if (verdict === undefined || verdict.stale || verdict.rule === "damaged" || verdict.silentMs <= SILENCE_TOLD_AFTER_MS) return new OutputError("E_LOCKED", locked);
  return new OutputError("E_LOCKED", joinMessages(locked, projectMessages.lockSilent(verdict.silentMs, verdict.rule, verdict.takeOverAfterMs)));
}

/**
 * Removes what killed runs left of the lock `name` in `dir`: its content being written (`<name>.<pid>.tmp`, a run that
 * stopped before linking it into place) and a stale lock moved aside (`<name>.<pid>.stale`), each only when it is
 * provably the tool's (`judgeLockLeftover`): a regular file holding what the tool writes there, whose writer (the
 * process of the pid in its name) is gone, or is this one (then an earlier process of this pid left it: this one holds
 * the lock). Another run may be taking the lock right now, with its own: a `.tmp` of a process that may run is left,
 * unsaid; a `.stale` of one is left, and `onRunning` told its name and pid, once a process for each file (a run taking
 * the lock over has moved it for an instant only; one that stays is a pid reused since, or a run that hangs), but
 * never of this process's own lock taking in progress (`lockFileInProgress`), its `.tmp` or `.stale`, left unsaid.
 * Any other file of such a name (a file of the user's named so) is kept, and `onKept` told its name and what it holds
 * (its text, or its size in bytes when larger than a lock); links and folders at those names are left alone, unsaid.
 * Call it while holding the lock. Returns the names removed, sorted, for the caller to say each (nothing is removed
 * without a word).
 */
export async function removeLockLeftovers(
  dir: string,
  name: string,
  onKept?: (entry: string, held: string | number, pid?: number) => void,
  onRunning?: (entry: string, pid: number) => void,
): Promise<string[]> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.(tmp|stale)$`);
  const removed: string[] = [];
  for (const entry of (await readdir(dir).catch(() => [] as string[])).sort()) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const path = join(dir, entry);
    const [pid, kind] = [Number(match[1]), match[2] as "tmp" | "stale"];
    if (lockFileInProgress(resolve(path))) continue;
    const judged = await judgeLockLeftover(path, pid, kind);
    if (judged === "own") {
      await removeFile(path);
      removed.push(entry);
    } else if (typeof judged === "object") onKept?.(entry, judged.held, judged.pid);
    else if (judged === "running" && kind === "stale" && !runningToldOf.has(resolve(path))) {
      runningToldOf.add(resolve(path));
      onRunning?.(entry, pid);
    }
  }
  return removed;
}

/** The `.stale` files of a running process this process has told of (`removeLockLeftovers`): each is said once a run. */
const runningToldOf = new Set<string>();

/** The most bytes of a lock leftover read: a lock is one line of a few hundred bytes (a few kB with its `files`). */
const LOCK_LEFTOVER_MAX_BYTES = 256 * 1024;

/**
 * What `removeLockLeftovers` does with `path`, named as a leftover of a lock by process `pid`, of kind `tmp` (the lock
 * being written by that process: `createWithContent`) or `stale` (a stale lock that process moved aside:
 * `moveStaleLock`):
 * - `own`, removed: a regular file holding what the tool writes there, and whose writer is gone (`isFileWriterGone`,
 *   judged for a `tmp` by its last write; for a `stale` by its change time, the rename, since the moved lock keeps its
 *   holder's modification time) or is this process (but for its own lock taking in progress: `lockFileInProgress`).
 *   What the tool writes there: nothing yet (a file just created), a whole lock (`parseLockHolder`, one line; in a
 *   `tmp`, naming `pid` as its holder), or the start of one cut short (`holdsLockText`: `{"pid":<n>,"host":"...` or a
 *   part of it, `<n>` that of the name for a `tmp`, any for a `stale`); a `tmp` is also gone when its text, judged as
 *   a lock (`judgeLock`), is stale;
 * - `running`: such a file whose writer may still run (another run taking the lock right now; this process's own
 *   lock taking in progress), kept;
 * - `none`: not a regular file (a link, a folder), or gone meanwhile: left alone, unsaid;
 * - `{ held }`: any other file: not provably the tool's, kept, and `held` (its text, or its size) says what it holds;
 *   with `pid`, a file named with pid 0, which no process of this tool has, whatever it holds.
 */
export async function judgeLockLeftover(
  path: string,
  pid: number,
  kind: "tmp" | "stale",
  probe?: LockProbe,
): Promise<"own" | "running" | "none" | { held: string | number; pid?: number }> {
  const found = await lstat(path).catch(() => undefined);
  if (!found?.isFile()) return "none";
  // Named with no pid of a process (0: `kill(0, 0)` signals this process's group, so it would always "run"): not
  // provably the tool's, nor a running run's; kept, said with its pid.
  const pidless = !(Number.isSafeInteger(pid) && pid > 0);
  if (found.size > LOCK_LEFTOVER_MAX_BYTES) return { held: found.size, ...(pidless ? { pid } : {}) };
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return "none";
  if (pidless) return { held: text, pid };
  if (!holdsLockText(text, kind === "tmp" ? pid : undefined)) return { held: text };
  if (pid === process.pid) return lockFileInProgress(resolve(path)) ? "running" : "own";
  const local = probe ?? localProbe();
  if (kind === "stale") return isFileWriterGone(pid, found, local) ? "own" : "running";
  // A lock being written names its writer: judged as a lock is too (`judgeLock`: written before the machine started,
  // its pid reused; nothing or a part of one, a minute old, is a write that stopped, as the lock's is).
  return isFileWriterGone(pid, found, local) || judgeLock(text, found.mtimeMs, local).stale ? "own" : "running";
}

/**
 * Whether `text` is what the tool writes in a lock's file: nothing (a file just created), a whole lock, one line
 * (`parseLockHolder`), or the start of one cut short: `{"pid":<n>,"host":"` and more on one line, or any part of that
 * start (`{"pid":42`, `{"pid":42,"ho`), as `takeLock` writes a lock (`JSON.stringify(holder)`, its pid first, its
 * host next). A `.stale` holds the lock it moved aside, so such a start is judged the same in a `.tmp` and a `.stale`.
 * With `holderPid`, the lock names that pid (a lock being written names its writer); without it, any pid (a positive
 * integer, written without leading zeros).
 */
export function holdsLockText(text: string, holderPid?: number): boolean {
  if (text === "") return true;
  if (text.endsWith("\n") && !text.slice(0, -1).includes("\n")) {
    const holder = parseLockHolder(text);
    if (holder) return holderPid === undefined || holder.pid === holderPid;
  }
  if (text.includes("\n")) return false;
  // A write cut short (a power cut): the start of a lock, as JSON.stringify(holder) begins it, or a part of it.
  const pid = holderPid !== undefined ? String(holderPid) : /^\{"pid":([1-9]\d*)/.exec(text)?.[1];
  if (pid === undefined) return '{"pid":'.startsWith(text);
  const start = `{"pid":${pid},"host":"`;
  return start.startsWith(text) || text.startsWith(start);
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
  if (!Number.isSafeInteger(holder.pid) || (holder.pid as number) <= 0 || !Array.isArray(holder.files)) return;
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
