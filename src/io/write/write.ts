/**
 * Writing output files atomically: every file goes to a temporary name in the same folder first and is renamed into
 * place only once all of them are written, so a failed run never leaves half a file or destroys the last good output.
 * The renames are all or nothing: the previous file of each target is moved aside to a backup name (one rename, O(1))
 * until every rename has succeeded, and put back if one fails.
 */
import { createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { diskFull } from "../../core/system-errors.js";
import { OutputError, type Issue } from "../../errors.js";
import { isInputFile, isValuesFolder } from "../read/inputs-read.js";
import { removeLockLeftovers, takeLock } from "./folder-lock.js";
import { claimTemporary } from "./temporary.js";
import { deliverPendingSignals, undoOnInterrupt } from "./interrupt.js";
import { NOT_CLAIMED, refuseUnlessClaimed, writeClaimed, writeClaimedSync } from "./claimed.js";
import { syncFile, syncFolder } from "./durable.js";
import { crashAt } from "../crash-point.js";
import { fileSizeLimitFor } from "../file-size-limit.js";
import { changedSince, fileLabel, filesNotOursIn, recordText, recordTexts, refuseFilesNotOurs, staleFiles, WRITTEN_FILES, type FileSnapshot } from "./written-files.js";
import { isRunId, LATEST_FILE, MANIFEST_FILE, PARQUET_FILE_NAMES } from "../runs/run-names.js";
import { isFileJob, jobChunks, runFileJobs, WorkerFailure, writeChunksSync, type ChunkHash, type Digest, type FileJob } from "./file-jobs.js";

/**
 * A file whose own writer puts it at the path it is given (a Parquet file, which DuckDB writes). Such files are written
 * while the others are, and hashed by reading them back once written.
 */
export interface PathJob {
  kind: "path-job";
  /** Writes the whole file at `path` (a temporary name beside the target). */
  write: (path: string) => Promise<void>;
}

/** Whether a file's content is a `PathJob`. */
export const isPathJob = (content: unknown): content is PathJob => (content as PathJob | undefined)?.kind === "path-job";

/**
 * What a file holds: text, bytes, a sequence of chunks written as they are produced, a job that writes a large
 * result file, possibly on a worker thread (`file-jobs.ts`), or a file written by its own writer (`PathJob`).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | FileJob | PathJob;

/**
 * A content as one string or one run of bytes (chunks joined, text chunks encoded as UTF-8). A `PathJob` has no bytes
 * before it is written: it is refused with a `TypeError`.
 */
export function joinContent(content: FileContent): string | Uint8Array {
  if (isPathJob(content)) throw new TypeError("a file written by its own writer (Parquet) has no content to join; expected text, bytes, chunks or a file job");
  if (typeof content === "string" || content instanceof Uint8Array) return content;
  if (isFileJob(content)) return Buffer.concat([...jobChunks(content)]);
  return Buffer.concat([...content].map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk)));
}

/** How `writeFilesAtomic` writes. */
export interface WriteOptions {
  /** The files are a run's own derived files (`report --run`): written into the run folder, listed by the caller. */
  intoRun?: boolean;
  /** The caller checked the files it replaces (`template --force`, `init --force`). */
  replace?: boolean;
  /**
   * The files are the whole set of outputs of this command (`compute`): the files an earlier run of it wrote in the
   * folder and this one does not, still as written, are removed (`writeFilesAtomic` returns their names).
   */
  family?: string;
  /**
   * Told, with its message (`W_LOCK_TAKEN_OVER`), when the folder's lock was stale (a command killed while it wrote)
   * and this call took it over, so that a scheduler's log shows that an earlier command did not finish.
   */
  onTakeOver?: (message: string) => void;
  /**
   * Told of what a killed command left in the folder under the tool's names but that is not provably the tool's, kept
   * (`W_LOCK_TEMPORARY_KEPT`, `W_WRITING_FOLDER_KEPT`, `W_LOCK_STALE_KEPT`: `removeFolderLeftovers`).
   */
  onKept?: (warning: Issue) => void;
  /**
   * Told, with the line that says it (`outputMessages.stagingRemoved`), of each of the lock's leftovers a killed command
   * left in the folder that was removed as provably the tool's (`removeFolderLeftovers`), so that none goes unsaid.
   */
  onRemoved?: (message: string) => void;
}

/**
 * Writes `files` (name -> content) into `dir`, creating it; throws `OutputError` (exit code 3) on failure, naming the
 * folder as `label` (default: `dir`). A content may be a sequence of chunks, streamed to the file as produced, or a job.
 * On one thread (`threads` 1, the default) the files are written in turn with synchronous calls, which for the small
 * files of most runs is several times faster than asynchronous ones (no round trip to the thread pool per call); with
 * more, the jobs run on up to `threads` threads while the other files are written. A run folder is refused
 * (`refuseRunFolder`) unless `intoRun` says the files are a run's own derived files (`report --run`). Outside a run, a
 * file of the same name is replaced only when the folder's record shows it is the tool's own (`written-files.ts`),
 * unless `replace` says the caller checked (`template --force`, `init --force`); the record then lists the files.
 * With `family`, the earlier outputs of the same command that this run does not write are removed after it. Returns the
 * names of the files so removed (none without `family`).
 */
export async function writeFilesAtomic(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label = dir,
  threads = 1,
  options: WriteOptions = {},
): Promise<readonly string[]> {
  const names = Object.keys(files);
  const intoRun = options.intoRun ?? false;
  // One file named by its own path (`writeFileAtomic`): `dir` is the folder it is in, not a folder the user named.
  const oneFile = names.length === 1 && basename(label) === names[0];
  if (!intoRun) refuseRunFolder(dir, label, { fileInIt: oneFile });
  refuseTargets(dir, names, label); // before the record: an input is refused as such, whoever wrote it
  // One writer at a time in an output folder (a run's folder is under its runs folder's lock): two runs into one --out
  // would otherwise leave a mix of their files, and a record that agrees with neither.
  const release = intoRun ? undefined : await lockFolder(dir, oneFile ? dirname(label) : label, names, options.onTakeOver, options.onKept, options.onRemoved);
  try {
    return await writeUnlocked(dir, files, label, threads, options);
  } finally {
    await release?.();
  }
}

/** The temporary name a file is written under before it is renamed into place: `.<name>.<pid>.tmp`. */
const temporaryName = (name: string) => `.${name}.${process.pid}.tmp`;

/** The name a file's previous version is kept under while the new files are renamed in: `.<name>.<pid>.old`. */
const backupName = (name: string) => `.${name}.${process.pid}.old`;

/** The lock an output folder is written under (`folder-lock.ts`), held by the folder writer while it writes. */
export const OUTPUT_LOCK_FILE = ".innovation-index.lock";

/**
 * Creates `dir` if need be and takes its lock (`E_LOCKED` naming the run that holds it). The lock lists the temporary
 * and backup files of `names` (and of the folder's record), which a run that takes it over after a `kill -9` cleans up.
 */
async function lockFolder(
  dir: string,
  label: string,
  names: readonly string[],
  onTakeOver?: (message: string) => void,
  onKept?: (warning: Issue) => void,
  onRemoved?: (message: string) => void,
): Promise<() => Promise<void>> {
  try {
    makeFolderSync(dir);
  } catch (cause) {
    if (cause instanceof FolderError) throw new OutputError("E_WRITE", outputMessages.folderNotCreated(label, cause.path, cause.code), { cause });
    throw cause;
  }
  const files = [...names, WRITTEN_FILES].flatMap((name) => [temporaryName(name), backupName(name)]);
  const release = await takeLock(dir, OUTPUT_LOCK_FILE, label, files, onTakeOver);
  // What a killed command left: hidden files and folders of the tool's own, removed (the lock's leftovers said to
  // `onRemoved`; one that cannot be removed stays, as harmless as before); anything else under their names is kept,
  // and `onKept` told.
  const warnings = await removeFolderLeftovers(dir, label, onRemoved).catch(() => [] as Issue[]);
  for (const warning of warnings) onKept?.(warning);
  return release;
}

/**
 * Removes what a command killed while it wrote `dir` (`kill -9`, a power cut) left there, judged provably the tool's,
 * and returns warnings about what is kept under those names: the lock's leftovers (`removeLockLeftovers`, each removed
 * one said to `onRemoved` as `outputMessages.stagingRemoved` says it; any other file so named kept,
 * `W_LOCK_TEMPORARY_KEPT`; a stale lock moved aside by a process that still runs kept, `W_LOCK_STALE_KEPT`) and the
 * Parquet writer's folders `.innovation-index-writing-XXXXXX` holding nothing but its files (`removeWritingFolder`;
 * any other folder so named kept, `W_WRITING_FOLDER_KEPT`). `label` names the folder in the warnings. Call it while
 * holding the folder's lock (`lockFolder`).
 */
export async function removeFolderLeftovers(dir: string, label: string, onRemoved?: (message: string) => void): Promise<Issue[]> {
  const warnings: Issue[] = [];
  const lockLabel = fileLabel(label, OUTPUT_LOCK_FILE);
  const removed = await removeLockLeftovers(
    dir,
    OUTPUT_LOCK_FILE,
    (entry, held, pid) => {
      const source = fileLabel(label, entry);
      const message = pid !== undefined ? outputMessages.writerPidNone(source, lockLabel, pid) : outputMessages.lockTemporaryKept(source, held, lockLabel);
      warnings.push({ code: "W_LOCK_TEMPORARY_KEPT", source, message });
    },
    (entry, pid) => {
      const source = fileLabel(label, entry);
      warnings.push({ code: "W_LOCK_STALE_KEPT", source, message: outputMessages.lockStaleRunning(source, pid, lockLabel) });
    },
  );
  for (const entry of removed) onRemoved?.(outputMessages.stagingRemoved(fileLabel(label, entry)));
  for (const name of readdirSync(dir).sort()) {
    if (!isWritingFolderName(name) || !lstatSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory()) continue;
    const kept = removeWritingFolder(join(dir, name));
    const source = fileLabel(label, name);
    if (kept !== undefined) warnings.push({ code: "W_WRITING_FOLDER_KEPT", source, message: outputMessages.writingFolderKept(source, kept) });
  }
  return warnings;
}

/** Whether `name` is named as a folder the Parquet writer writes in: `PRIVATE_FOLDER_PREFIX` and `mkdtemp`'s six characters. */
export function isWritingFolderName(name: string): boolean {
  return name.length === PRIVATE_FOLDER_PREFIX.length + 6 && name.startsWith(PRIVATE_FOLDER_PREFIX) && /^[A-Za-z0-9]{6}$/.test(name.slice(-6));
}

/**
 * Removes `folder`, a folder named as the Parquet writer's (`isWritingFolderName`) left by a killed command, when it
 * holds nothing but regular files the writer writes there (`PARQUET_FILE_NAMES`, any size: a killed writer leaves them
 * empty or cut short), or nothing: those files, then the folder. Returns `undefined` when it is gone, else what it
 * holds (its names, sorted; none when it cannot be read), all kept.
 */
export function removeWritingFolder(folder: string): string[] | undefined {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  if (!names.every((name) => PARQUET_FILE_NAMES.includes(name) && lstatSync(join(folder, name), { throwIfNoEntry: false })?.isFile())) return names;
  try {
    for (const name of names) unlinkSync(join(folder, name));
    rmdirSync(folder);
    return undefined;
  } catch {
    // Left part way (a file that cannot be removed): what is left is said.
    try {
      return readdirSync(folder).sort();
    } catch {
      return [];
    }
  }
}

/** `writeFilesAtomic` once its folder is locked (or is a run's). */
async function writeUnlocked(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label: string,
  threads: number,
  { intoRun = false, replace = false, family }: WriteOptions,
): Promise<readonly string[]> {
  const names = Object.keys(files);
  // What each file was when checked as the tool's own: one edited or made while the command writes is neither replaced
  // nor removed on the strength of that check (`changedSince`).
  const snapshot: FileSnapshot = !intoRun && !replace ? await refuseFilesNotOurs(dir, names, label, digestFile) : new Map();
  const stale = family !== undefined && !intoRun ? await staleFiles(dir, family, names, digestFile, snapshot) : [];
  // Outside a run each file is hashed as it is written, for the folder's record, which is renamed into place with them.
  // A run's own files (its manifest, a report added to it) are flushed to the disk before they are renamed in (durable.ts).
  await writeFiles(dir, files, label, threads, intoRun ? undefined : await sha256Hasher(), intoRun ? undefined : (digests) => recordTexts(dir, digests, family), intoRun, snapshot);
  // An earlier output changed since it was checked is no longer the tool's own: kept, and out of the record as the rest.
  const removed = stale.filter((name) => !changedSince(snapshot, dir, name));
  if (stale.length > 0) {
    // Then the earlier run's outputs this one does not write, and their lines of the record (kept until they are gone,
    // so that a run stopped in between leaves them still known as the tool's own).
    const temporary = join(dir, temporaryName(WRITTEN_FILES));
    let release: (() => void) | undefined;
    try {
      for (const name of removed) unlinkSync(join(dir, name));
      release = claimTemporary(temporary);
      writeClaimedSync(temporary, recordText(dir, {}, undefined, stale));
      renameSync(temporary, join(dir, WRITTEN_FILES));
    } catch (cause) {
      if (cause instanceof OutputError) throw cause;
      rmSync(temporary, { force: true });
      // The outputs are in place; a stale file still there, or still in the record, is removed by the next run.
      throw new OutputError("E_WRITE", outputMessages.writeFailed(join(label, WRITTEN_FILES), (cause as NodeJS.ErrnoException).code ?? String(cause)), { cause });
    } finally {
      release?.();
    }
  }
  return removed;
}

/**
 * Writes one file at `path` (`writeFilesAtomic` of its folder), named `label` in messages, and its folder as the folder
 * of `label`: a run folder, or a folder inside one, is refused with that name (`E_OUT_IS_RUN`).
 */
export async function writeFileAtomic(
  path: string,
  content: FileContent,
  label: string,
  { replace = false, onTakeOver, onKept, onRemoved }: Pick<WriteOptions, "replace" | "onTakeOver" | "onKept" | "onRemoved"> = {},
): Promise<string> {
  refuseRunFolder(dirname(path), dirname(label), { fileInIt: true });
  await writeFilesAtomic(dirname(path), { [basename(path)]: content }, label, 1, { replace, onTakeOver, onKept, onRemoved });
  return path;
}


/**
 * Refuses an output folder no command writes into (the folder-writing commands call it before their work, and the
 * folder writer again). Throws `OutputError` `E_OUT_IS_RUN` when `dir` is a run folder or inside one, or a project's
 * runs folder or inside it: a run's files are never overwritten or added to by another command's `--out`, which would
 * make the run fail `verify` or lose its results. A run folder is known by its files (`manifest.json` and
 * `index.json`), and also without them by its name, a run id in a runs folder (a run whose manifest was lost is still a
 * published run); a runs folder by its `LATEST` or a run folder in it. `report --run` adds its report the one way
 * allowed, listed in the run's `reports.json`. Unless `fileInIt` says `dir` is only the folder of a file named by its
 * own path (`weights --out w.csv`), it first refuses a folder named like a file (`refuseFileNameFolder`).
 */
export function refuseRunFolder(dir: string, label: string, { fileInIt = false }: { fileInIt?: boolean } = {}): void {
  if (!fileInIt) refuseFileNameFolder(dir, label);
  const holds = (folder: string, name: string) => {
    try {
      return statSync(join(folder, name)).isFile();
    } catch {
      return false;
    }
  };
  const isRunsFolder = (folder: string) => {
    if (holds(folder, LATEST_FILE)) return true;
    try {
      return readdirSync(folder).some(isRunId);
    } catch {
      return false;
    }
  };
  // The folder and each folder above it, named as `label` names them (one `dirname` of each a level up).
  for (let folder = dir, name = label; ; ) {
    if (holds(folder, MANIFEST_FILE) && holds(folder, "index.json")) throw new OutputError("E_OUT_IS_RUN", outputMessages.outIsRun(label, folder === dir ? undefined : name));
    // A run id's folder in a runs folder (its manifest lost), or the runs folder itself.
    if (isRunId(basename(folder)) && isRunsFolder(dirname(folder)))
      throw new OutputError("E_OUT_IS_RUN", outputMessages.outIsRun(label, folder === dir ? undefined : name));
    if (holds(folder, LATEST_FILE)) throw new OutputError("E_OUT_IS_RUN", outputMessages.outIsRunsFolder(label, folder === dir ? undefined : name));
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
    name = dirname(name);
  }
}

/**
 * The extensions (lower case, without the dot) of the files people ask a folder-writing command for: a new output
 * folder whose name ends in one is refused (`refuseFileNameFolder`).
 */
export const FILE_NAME_EXTENSIONS: readonly string[] = ["html", "htm", "xlsx", "xlsm", "xls", "csv", "tsv", "json", "parquet", "pdf", "txt", "zip", "docx", "doc"];

/**
 * Throws `OutputError` `E_OUT_FILE_NAME` when `label`, the output folder as the user named it (`--out 报告.html`,
 * `--out result.xlsx`), ends in a file extension (`FILE_NAME_EXTENSIONS`) and `dir` is not an existing folder: the
 * command would make a folder of that name, with the files asked for inside it, where the user expected one file.
 * A folder that exists is the user's own choice, and a name ending in a separator (`--out 报告.html/`) says a folder
 * is meant: both are accepted. `-` (stdout) has no extension. `argument` names the folder's option in the message.
 */
export function refuseFileNameFolder(dir: string, label: string, argument = "--out"): void {
  if (/[\\/]$/.test(label)) return;
  const extension = /[^.]\.([^./\\]+)$/.exec(basename(label))?.[1];
  if (extension === undefined || !FILE_NAME_EXTENSIONS.includes(extension.toLowerCase())) return;
  try {
    if (statSync(dir).isDirectory()) return;
  } catch {
    // nothing there: a folder would be made
  }
  throw new OutputError("E_OUT_FILE_NAME", outputMessages.outFileName(label, extension, label.slice(0, -extension.length - 1), argument));
}

/**
 * Refuses a target no output may go to. Throws `OutputError` `E_OUT_IS_INPUT` when a file to write is an input this
 * command read (`compute --out .` beside the `index.csv` it read as values: the values would be lost), or `dir` is a
 * values folder it read (the outputs would be read as values next time; see `read/inputs-read.ts`), and
 * `E_OUT_IS_ROOT` when `dir` is the root of the file system.
 */
function refuseTargets(dir: string, names: readonly string[], label: string): void {
  // The root of the file system (`--out /`, `--out C:\\`) holds the system's own folders, never a command's outputs.
  if (dirname(resolve(dir)) === resolve(dir))
    throw new OutputError("E_OUT_IS_ROOT", outputMessages.outIsRoot(label, names.length === 1 && basename(label) === names[0]));
  if (isValuesFolder(dir)) throw new OutputError("E_OUT_IS_INPUT", outputMessages.outIsValuesFolder(label));
  for (const name of names)
    if (isInputFile(join(dir, name))) throw new OutputError("E_OUT_IS_INPUT", outputMessages.outIsInput(label.endsWith(name) ? label : join(label, name)));
}

/**
 * The names among `names` that are in `dir` and that the folder's record does not show as the tool's own, unchanged
 * since it wrote them (`filesNotOursIn`, each file hashed as the writer hashes it): the files a caller must not replace.
 */
export async function filesNotOurs(dir: string, names: readonly string[]): Promise<string[]> {
  return filesNotOursIn(dir, names, digestFile);
}

/**
 * `writeFilesAtomic` that also returns the size and SHA-256 of every file (name -> digest), hashed chunk by chunk as
 * the bytes are written, on the thread that writes them: no file is read back or held whole in memory. With `durable`,
 * every file is on the disk before it is renamed into place, and the folder's names once they are (durable.ts).
 */
export async function writeFilesAtomicWithDigests(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label = dir,
  threads = 1,
  { durable = false }: { durable?: boolean } = {},
): Promise<Record<string, Digest>> {
  refuseTargets(dir, Object.keys(files), label);
  return writeFiles(dir, files, label, threads, await sha256Hasher(), undefined, durable);
}

/** A maker of SHA-256 hashes (`node:crypto`, loaded when a file is first hashed). */
async function sha256Hasher(): Promise<() => Hasher> {
  const { createHash } = await import("node:crypto");
  return () => createHash("sha256");
}

/** A hash of `node:crypto`, as far as the writers use it. */
type Hasher = ChunkHash & { digest(encoding: "hex"): string };

/** What a file's bytes were, as they went by: `content` with `record` called on each chunk. */
function* passing(content: Iterable<string | Uint8Array>, record: (bytes: Uint8Array) => void): Iterable<Uint8Array> {
  for (const chunk of content) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    record(bytes);
    yield bytes;
  }
}

/**
 * `writeFilesAtomic`, hashing every file with a hash from `newHash` if given (then the digests by name, else `{}`).
 * With `record`, the folder's record (`WRITTEN_FILES`) is written among the temporary files, before anything is
 * renamed (a disk too full for it replaces nothing): its journal, which knows both the old and the new version of each
 * file, is renamed into place first, then the outputs, then the final record over the journal. A process killed among
 * the renames (`kill -9`, a power cut) leaves every file it wrote or left known as the tool's own.
 */
async function writeFiles(
  dir: string,
  files: Readonly<Record<string, FileContent>>,
  label: string,
  threads: number,
  newHash: (() => Hasher) | undefined,
  record?: (digests: Readonly<Record<string, Digest>>) => { journal: string; final: string },
  durable = false,
  snapshot: FileSnapshot = new Map(),
): Promise<Record<string, Digest>> {
  const outputs = Object.keys(files);
  const names = record ? [WRITTEN_FILES, ...outputs] : outputs;
  const temporary = names.map((name) => join(dir, temporaryName(name)));
  /** The temporary file of output `i` (after the record's, when there is one). */
  const temporaryOf = (i: number) => temporary[record ? i + 1 : i];
  const digests: Record<string, Digest> = {};
  // The temporary files this call created, the only ones its failure removes, and how to stop removing them when the
  // process is interrupted (once renamed into place, or removed).
  const claimed: string[] = [];
  const releases: (() => void)[] = [];
  let privateFolder: string | undefined;
  try {
    makeFolderSync(dir);
    for (const path of temporary) {
      releases.push(claimTemporary(path));
      claimed.push(path);
    }
    // Files that write themselves start first: their writers work on their own threads while the others are written.
    // Such a writer (DuckDB) opens the path it is given itself, following links: it writes into a folder of this call's
    // own (`privateFolder`), and the file is moved onto its claimed temporary name once written, a rename that replaces
    // whatever is at that name and never writes through it.
    if (outputs.some((name) => isPathJob(files[name]))) {
      privateFolder = mkdtempSync(join(dir, PRIVATE_FOLDER_PREFIX));
      const made = privateFolder;
      releases.push(undoOnInterrupt(() => rmSync(made, { recursive: true, force: true })));
    }
    const byPath = outputs.flatMap((name, i) => {
      const content = files[name];
      if (!isPathJob(content)) return [];
      const own = join(privateFolder!, name);
      const written = content
        .write(own)
        .then(() => renameSync(own, temporaryOf(i)))
        .catch((error: unknown) => Promise.reject(failedAt(error, temporaryOf(i), own)));
      return [{ name, path: temporaryOf(i), written }];
    });
    // Settled as they end (so that a writer failing early is never an unhandled rejection), awaited below.
    const pathsWritten = Promise.allSettled(byPath.map(({ written }) => written));
    const others = outputs.flatMap((name, i) => (isPathJob(files[name]) ? [] : [{ name, path: temporaryOf(i) }]));
    let failure: unknown;
    try {
      if (threads > 1) {
        const written = await writeInParallel(
          others.map(({ name, path }) => ({ content: files[name], path })),
          threads,
          newHash,
          byPath.length > 0,
        );
        for (const [i, { name }] of others.entries()) if (written[i]) digests[name] = written[i]!;
      } else {
        // The files are written with synchronous calls, which block the event loop: a Ctrl-C (or SIGTERM, SIGHUP)
        // that arrived meanwhile is let in between two files (`deliverPendingSignals`), and the handler removes the
        // temporary files (and a run's staging folder). Only once `SIGNAL_CHECK_MS` have gone by since the last such
        // pause: the small files of most runs take a few milliseconds in all, and a pause after each of them cost
        // about half a millisecond per run (the pause before the renames, below, is always made). So an interruption
        // is honoured within about one file's write. Timed with Date.now(): the global performance loads Node's
        // perf_hooks, a few milliseconds more on the start of every command that writes.
        let checked = Date.now();
        for (const [k, { name, path }] of others.entries()) {
          if (k > 0 && Date.now() - checked >= SIGNAL_CHECK_MS) {
            await deliverPendingSignals();
            checked = Date.now();
          }
          const content = files[name] as Exclude<FileContent, PathJob>;
          const hash = newHash?.();
          let bytes = 0;
          try {
            if (typeof content === "string" || content instanceof Uint8Array) {
              writeClaimedSync(path, content);
              if (hash) {
                const whole = typeof content === "string" ? Buffer.from(content, "utf8") : content;
                hash.update(whole);
                bytes = whole.length;
              }
            } else bytes = writeChunksSync(path, isFileJob(content) ? jobChunks(content) : content, hash);
          } catch (error) {
            throw failedAt(error, path);
          }
          if (hash) digests[name] = { bytes, sha256: hash.digest("hex") };
          if (k === 0) crashAt("writing");
        }
      }
    } catch (cause) {
      failure = cause;
    }
    // Every writer ends before anything is renamed or removed: a file still being written would be left behind.
    const settled = await pathsWritten;
    if (failure !== undefined) throw failure;
    const rejected = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (rejected) throw rejected.reason;
    if (newHash) for (const { name, path } of byPath) digests[name] = await digestFile(path);
    // The commit point. A signal that arrived while the files were written is handled here, before anything is renamed:
    // the temporary files go, the outputs stay as they were. From here to the end of the renames nothing awaits, so no
    // signal is handled in between: one that arrives during them (a few system calls per file) is handled at the
    // event loop's next turn, after them, with the folder complete and every output new, and the command still ends by
    // it (exit 128 + n, not 0: a scheduler learns that it was stopped; docs/reliability.md, "Output files", 4).
    await deliverPendingSignals();
    const texts = record?.(digests);
    if (texts)
      try {
        writeClaimedSync(temporary[0], texts.journal);
      } catch (error) {
        throw failedAt(error, temporary[0]);
      }
    // Each temporary file is still a file of one name (no link put there since it was written) before it is renamed into place.
    for (const path of temporary) refuseUnlessClaimed(path, lstatSync(path, { throwIfNoEntry: false }));
    // Durable: every file's bytes on the disk before its name is, then the names (a power cut after this call returns
    // leaves the new files whole, never empty files under their names).
    if (durable)
      for (const path of temporary)
        try {
          syncFile(path);
        } catch (error) {
          throw failedAt(error, path);
        }
    replaceAll(dir, names, temporary, label, snapshot);
    if (texts && texts.final !== texts.journal) finishRecord(dir, temporary[0], texts.final);
    if (durable) syncFolder(dir);
  } catch (cause) {
    for (const path of claimed)
      try {
        // Only a regular file: a link put at a temporary file's name since it was claimed is not the tool's to remove.
        if (fileAt(path)) rmSync(path, { force: true });
      } catch {
        // A temporary file that cannot be removed is left; the error below says what failed.
      }
    if (cause instanceof OutputError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    // A temporary file replaced by a link or another file's name between its claim and its writing: nothing was written through it.
    if (code === "ELOOP" || code === NOT_CLAIMED) throw new OutputError("E_OUT_NOT_OURS", outputMessages.temporaryReplaced(label), { cause });
    if (cause instanceof FolderError) throw new OutputError("E_WRITE", outputMessages.folderNotCreated(label, cause.path, cause.code), { cause });
    if (cause instanceof WorkerFailure) throw new OutputError("E_WRITE", outputMessages.workerFailed(label, cause.message), { cause });
    // An allocation that failed on this thread (a buffer for the values shared with the writer threads).
    if (cause instanceof RangeError && code === undefined) throw new OutputError("E_WRITE", outputMessages.workerFailed(label, cause.message), { cause });
    // A name the file system takes, but not with the temporary file's additions (`.<name>.<pid>.tmp`).
    if (code === "ENAMETOOLONG") throw new OutputError("E_WRITE", outputMessages.nameTooLong(label, Math.max(...outputs.map((name) => Buffer.byteLength(name)))), { cause });
    // The file that could not be written (a full disk), when known (`failedAt`), else the folder.
    const failed = temporary.indexOf((cause as NodeJS.ErrnoException).path ?? "");
    throw new OutputError("E_WRITE", outputMessages.writeFailed(failed < 0 ? label : fileLabel(label, names[failed]), code ?? String(cause), fileSizeLimitFor(code)), { cause });
  } finally {
    // The private folder is this call's own (made here, under a name no one could know, readable by this user only).
    if (privateFolder !== undefined) rmSync(privateFolder, { recursive: true, force: true });
    for (const release of releases) release();
  }
  return digests;
}

/**
 * `error`, the failure to write the temporary file at `path`, given that `path` (`error.path`, which Node sets for a
 * file that cannot be opened, but not for one that cannot be written to: a full disk) unless it names another file
 * already; `replaces` is a path it replaces (where the file was written before it was moved to `path`). `writeFiles`
 * names the output it was for in its message.
 */
function failedAt(error: unknown, path: string, replaces?: string): unknown {
  const failure = error as NodeJS.ErrnoException | null;
  if (typeof failure === "object" && failure !== null && (failure.path === undefined || failure.path === replaces)) failure.path = path;
  return error;
}

/**
 * The most milliseconds the single-thread writer goes between two files without letting a pending signal in (see
 * `writeFiles`): far below what a person notices after pressing Ctrl-C.
 */
const SIGNAL_CHECK_MS = 20;

/**
 * The start of the name of the folder in which the writers of `PathJob` files write (`mkdtemp` adds six random
 * characters), inside the output folder, so that the written file is moved, not copied, to its temporary name.
 */
export const PRIVATE_FOLDER_PREFIX = ".innovation-index-writing-";

/**
 * The size and SHA-256 of a file on disk, read whole when it is small (16 MB or less) and otherwise as a stream in 1 MB
 * chunks (never whole in memory): a file written by its own writer, a run's input, a report listed in reports.json, a
 * file the output folder's record lists.
 */
export async function digestFile(path: string): Promise<Digest> {
  const hash = (await import("node:crypto")).createHash("sha256");
  // A small file in one read (no file stream to load or pump), a large one in chunks.
  if (statSync(path).size <= 16 * 2 ** 20) {
    const whole = readFileSync(path);
    return { bytes: whole.length, sha256: hash.update(whole).digest("hex") };
  }
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** A folder that could not be created: the path the file system refused, and its code. */
class FolderError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`cannot create ${path} (${code})`, { cause });
  }
}

/**
 * Creates folder `dir` and its missing parents, one `mkdir` each from the nearest existing parent down: an existing
 * folder (or a link to one) is fine; any other outcome throws a `FolderError` naming the path at once. Node's
 * `mkdir(..., { recursive: true })` is not used: on a file system that answers ENOENT to every mkdir (/proc) it retries
 * the parent for ever.
 */
export function makeFolderSync(dir: string): void {
  const fail = (path: string, error: unknown): never => {
    throw new FolderError(path, (error as NodeJS.ErrnoException).code ?? String(error), error);
  };
  try {
    mkdirSync(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      let isFolder = false;
      try {
        isFolder = statSync(dir).isDirectory();
      } catch {
        // a dangling link: not a folder
      }
      if (isFolder) return;
      fail(dir, error);
    }
    if (code !== "ENOENT" || dirname(dir) === dir) fail(dir, error);
  }
  makeFolderSync(dirname(dir));
  try {
    mkdirSync(dir);
  } catch (error) {
    // Created meanwhile by another process: as good.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(dir).isDirectory()) fail(dir, error);
  }
}

/**
 * Puts the final record (`text`) in place of the journal, through the record's temporary name `temporary`, claimed
 * again (created exclusively: never written through a link planted there since the journal's rename). A failure here
 * changes nothing that matters: the journal in place knows every file as written, and the next write replaces it.
 */
function finishRecord(dir: string, temporary: string, text: string): void {
  let release: (() => void) | undefined;
  try {
    release = claimTemporary(temporary);
    writeClaimedSync(temporary, text);
    renameSync(temporary, join(dir, WRITTEN_FILES));
  } catch {
    try {
      if (release) rmSync(temporary, { force: true });
    } catch {
      // Left as a temporary file of the tool's own, which the next write into the folder removes.
    }
  } finally {
    release?.();
  }
}

/**
 * Renames every temporary file into place, all or nothing. Before each rename the target's previous file, if any, is
 * moved aside to a backup name `.<name>.<pid>.old` in the same folder. When a rename fails, every target already
 * replaced gets its previous file back (or loses the new one, where there was none), and the `OutputError` says so,
 * naming any file that could not be put back (its previous version stays under the backup name). Once every rename has
 * succeeded, the backups are removed. Each step is one system call per file, whatever its size.
 */
function replaceAll(dir: string, names: readonly string[], temporary: readonly string[], label: string, snapshot: FileSnapshot = new Map()): void {
  const targets = names.map((name) => join(dir, name));
  const backups = names.map((name) => join(dir, backupName(name)));
  /** Per target: whether its previous file was moved aside, once decided. */
  const kept: ("none" | "moved")[] = [];
  let i = 0;
  try {
    for (; i < names.length; i++) {
      // A file changed since it was checked as the tool's own is not replaced: everything goes back as it was.
      if (changedSince(snapshot, dir, names[i])) throw new OutputError("E_OUT_NOT_OURS", outputMessages.outChanged(fileLabel(label, names[i])));
      kept[i] = keepPrevious(targets[i], backups[i]);
      renameSync(temporary[i], targets[i]);
      if (i === 1) crashAt("renaming");
    }
  } catch (cause) {
    const unrestored: { name: string; backup: string }[] = [];
    for (let j = 0; j <= i && j < names.length; j++) {
      const how = kept[j];
      if (how === undefined) continue;
      try {
        if (how === "moved") renameSync(backups[j], targets[j]);
        else if (j < i) unlinkSync(targets[j]); // new here: removed again
      } catch {
        if (how !== "none") unrestored.push({ name: names[j], backup: backupName(names[j]) });
      }
    }
    if (cause instanceof OutputError && unrestored.length === 0) throw cause;
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    // On a full disk the message says whether the earlier file of the target that failed is where it was: looked at
    // after the restore above (its new file never got there), not assumed (there may have been none).
    const earlierKept = diskFull(reason) && fileAt(targets[i]);
    throw new OutputError("E_WRITE", outputMessages.replaceFailed(label, names[i], reason, unrestored, earlierKept), { cause });
  }
  for (const [j, how] of kept.entries())
    if (how !== "none")
      try {
        unlinkSync(backups[j]);
      } catch {
        // A backup that cannot be removed is a stray copy of a replaced file; the outputs are complete.
      }
}

/** Whether a regular file is at `path` (nothing there, or anything that cannot be looked at: not). */
function fileAt(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * Moves the file at `target`, if any, aside to `backup` (see `replaceAll`); a folder at `target` is left for the rename
 * to refuse. Moved rather than hard-linked: on ext4 a link, then a rename over the linked file, then an unlink took
 * about seven times as long as the rename over the file alone, while two renames into free names took less.
 */
function keepPrevious(target: string, backup: string): "none" | "moved" {
  // A stat that does not throw when there is no file: most targets are new (a run's staging folder), and an exception
  // per file costs more than the stat.
  const info = lstatSync(target, { throwIfNoEntry: false });
  if (!info || info.isDirectory()) return "none";
  renameSync(target, backup);
  return "moved";
}

/**
 * The jobs on up to `threads` threads, the other files alongside; every write ends (or fails) before this returns.
 * With `newHash`, the digest of every file, in the order of `files`. With `keepThisThread`, the jobs go to worker
 * threads only (when there are any), as this thread feeds writers that run beside them (`PathJob`).
 */
async function writeInParallel(
  files: readonly { content: FileContent; path: string }[],
  threads: number,
  newHash: (() => Hasher) | undefined,
  keepThisThread = false,
): Promise<(Digest | undefined)[]> {
  const jobs: { job: FileJob; path: string; index: number }[] = [];
  const plain: Promise<void>[] = [];
  const digests: (Digest | undefined)[] = [];
  for (const [index, { content, path }] of files.entries())
    if (isPathJob(content)) throw new TypeError("a file written by its own writer goes to writeFiles, not writeInParallel");
    else if (isFileJob(content)) jobs.push({ job: content, path, index });
    else if (!newHash) plain.push(writeClaimed(path, content).catch((error: unknown) => Promise.reject(failedAt(error, path))));
    else {
      const hash = newHash();
      let bytes = 0;
      const record = (chunk: Uint8Array) => {
        hash.update(chunk);
        bytes += chunk.length;
      };
      const whole = typeof content === "string" ? Buffer.from(content, "utf8") : content instanceof Uint8Array ? content : undefined;
      if (whole) record(whole);
      plain.push(
        writeClaimed(path, whole ?? passing(content as Iterable<string | Uint8Array>, record)).then(
          () => {
            digests[index] = { bytes, sha256: hash.digest("hex") };
          },
          (error: unknown) => Promise.reject(failedAt(error, path)),
        ),
      );
    }
  const onJobs = runFileJobs(jobs, threads, Promise.allSettled(plain), newHash !== undefined, !keepThisThread).then((jobDigests) =>
    jobDigests.forEach((digest, i) => (digests[jobs[i].index] = digest)),
  );
  const settled = await Promise.allSettled([...plain, onJobs]);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return digests;
}
