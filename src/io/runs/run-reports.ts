/**
 * The files derived from a run after it was published (`report` writes `report.html` into a run folder), listed in the
 * run folder's `reports.json`: each with its size and SHA-256, the command that made it and the run it was made from.
 * The run's own `manifest.json` is never rewritten; `verify` checks the derived files against `reports.json`, and
 * `report` replaces only a file that `reports.json` shows this tool wrote, unchanged since.
 *
 * `reports.json` is renamed into place before the files it lists, so a report killed in between leaves a file listed
 * but absent, or listed with the bytes of its new version while it still has its old ones, and the new version in the
 * writer's temporary file beside it: `repairDerivedFiles`, run by the next report, completes that (see its comment).
 */
import type { Stats } from "node:fs";
import { lstat, open, readdir, rename, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { joinMessages } from "../../core/localize.js";
import { outputMessages } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { OutputError, type Issue } from "../../errors.js";
import { htmlPageStart } from "../report/page.js";
import { digestFile, joinContent, type FileContent } from "../write/write.js";
import { readJsonFile, sha256, type RunManifest } from "./run-files.js";
import { isFileWriterGone, localProbe, type LockProbe } from "../write/folder-lock.js";

export const REPORTS_FILE = "reports.json";

/** The files `report` writes into a run folder besides `reports.json`. */
export const DERIVED_FILE_NAMES: readonly string[] = ["report.html"];

/**
 * How the tool's version of each file it writes into a run folder starts, whatever follows: `report.html` as every page
 * of the tool (`htmlPageStart`, in either language), `reports.json` as `formatRunReports` writes it (`{"files": [...]}`
 * with a two-space indent). A temporary or backup file of theirs is provably the tool's only when it starts so.
 */
const WRITTEN_STARTS: Readonly<Record<string, readonly string[]>> = {
  "report.html": [htmlPageStart("en"), htmlPageStart("zh")],
  [REPORTS_FILE]: ['{\n  "files": ['],
};

/** The characters of a file's start a message shows. */
const FOUND_CHARACTERS = 60;

/** The most bytes of a file read to tell how it starts: the longest start, or what a message shows if more. */
const START_BYTES = Math.max(4 * FOUND_CHARACTERS, ...Object.values(WRITTEN_STARTS).flatMap((starts) => starts.map((start) => Buffer.byteLength(start))));

/** One file derived from a run after it was published. */
export interface DerivedFile {
  /** The path relative to the run folder, with `/` separators. */
  path: string;
  bytes: number;
  /** SHA-256 of the file (hex). */
  sha256: string;
  /** The command line that made it, as typed (`innovation-index report --static`), run in the project folder. */
  command: string;
  /** The id of the run it was made from (the run folder's name). */
  run: string;
  /** The `fingerprint` of that run's manifest. */
  fingerprint: string;
  /** The tool that made it. */
  tool: { name: string; version: string };
}

/** `reports.json`: the derived files of a run folder, sorted by path. */
export interface RunReports {
  files: DerivedFile[];
}

/** `reports.json` read: absent (`reports` undefined), read, or what is wrong with it (a phrase such as `is not valid JSON`). */
export type ReportsRead = { ok: true; reports?: RunReports } | { ok: false; problem: string };

/** `reports.json` as text (two-space indent, files sorted by path, trailing newline). */
export function formatRunReports(reports: RunReports): string {
  const files = [...reports.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify({ files }, null, 2) + "\n";
}

/** `reports` with `file` added, replacing the entry of the same path if any (`reports` is not changed). */
export function withDerivedFile(reports: RunReports | undefined, file: DerivedFile): RunReports {
  return { files: [...(reports?.files ?? []).filter((other) => other.path !== file.path), file] };
}

/**
 * The `reports.json` of a run folder, checked to be what `report` writes (an object whose `files` is a list of entries
 * each with a `path`, `bytes`, `sha256`, `command` and `run`); absent is no problem.
 */
export async function readRunReports(folder: string): Promise<ReportsRead> {
  return readReportsAt(join(folder, REPORTS_FILE));
}

/** A file laid out as `reports.json`, read and checked (see `readRunReports`). */
async function readReportsAt(path: string): Promise<ReportsRead> {
  const read = await readJsonFile(path);
  if (read.kind === "missing") return { ok: true };
  if (read.kind === "problem") return { ok: false, problem: read.problem };
  const json = read.json;
  const isEntry = (entry: unknown) => {
    const file = entry as Partial<DerivedFile> | null;
    return (
      typeof file === "object" &&
      file !== null &&
      typeof file.path === "string" &&
      typeof file.bytes === "number" &&
      typeof file.sha256 === "string" &&
      typeof file.command === "string" &&
      typeof file.run === "string"
    );
  };
  const files = (json as { files?: unknown } | null)?.files;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(files) || !files.every(isEntry))
    return { ok: false, problem: outputMessages.reportsNotReports() };
  return { ok: true, reports: json as RunReports };
}

/**
 * Why the file `path` of run folder `folder` may not be replaced by a derived file, or `undefined` when it may: it does
 * not exist, or `reports.json` lists it with the size and SHA-256 it still has. It may not when the run's manifest lists
 * it (a file of the run itself), when `reports.json` cannot be read, when it is not a regular file, or when it is there
 * but `reports.json` does not list it, or lists other bytes (changed since): then it is not provably this tool's.
 * `runLabel` names the run folder in the message.
 */
export async function whyNotReplaceable(
  folder: string,
  runLabel: string,
  path: string,
  manifest: Pick<RunManifest, "outputs">,
  reports: ReportsRead,
): Promise<string | undefined> {
  const label = `${runLabel}/${path}`;
  if (manifest.outputs.some((output) => output.path.split("\\").join("/") === path)) return outputMessages.reportIsRunFile(label);
  if (!reports.ok) return outputMessages.reportsUnreadable(`${runLabel}/${REPORTS_FILE}`, reports.problem);
  const found = await lstat(join(folder, path)).catch(() => undefined);
  if (!found) return undefined;
  const listed = reports.reports?.files.find((file) => file.path === path);
  if (!listed || !found.isFile()) return outputMessages.reportNotOurs(label);
  const digest = await digestFile(join(folder, path));
  return digest.bytes === listed.bytes && digest.sha256 === listed.sha256 ? undefined : outputMessages.reportChangedSince(label);
}

/**
 * Checks that every file of `paths` in run folder `folder` may be written by `report` (see `whyNotReplaceable`) and
 * returns the folder's `reports.json` as read.
 * @throws `OutputError` `E_REPORT_NOT_OURS` naming every file that may not be replaced.
 */
export async function requireReplaceable(
  folder: string,
  runLabel: string,
  manifest: Pick<RunManifest, "outputs">,
  paths: readonly string[],
): Promise<ReportsRead> {
  const reports = await readRunReports(folder);
  const problems: string[] = [];
  for (const path of [...paths].sort()) {
    const problem = await whyNotReplaceable(folder, runLabel, path, manifest, reports);
    if (problem !== undefined) problems.push(problem);
  }
  // Each problem a message of its own, translated one by one at a Chinese terminal.
  if (problems.length > 0) throw new OutputError("E_REPORT_NOT_OURS", joinMessages(...problems.flatMap((problem, i) => (i === 0 ? [problem] : ["\n", problem]))));
  return reports;
}

/**
 * The files `report` writes into run folder `folder` (`files`, name -> content) with `reports.json` listing them besides
 * the derived files already listed, each with its size and SHA-256, `made.command` and the run (the folder's name and
 * the manifest's fingerprint). All are then written together, atomically, by the folder writer, which renames them in
 * the order of the keys: `reports.json` comes first (see the file comment).
 * @throws `OutputError` `E_REPORT_NOT_OURS` when a file of `files` may not be replaced (see `whyNotReplaceable`),
 * every such file named, before anything is written.
 */
export async function withReportsFile(
  folder: string,
  runLabel: string,
  manifest: Pick<RunManifest, "outputs" | "fingerprint">,
  files: Readonly<Record<string, FileContent>>,
  made: { command: string; version: string },
): Promise<Record<string, FileContent>> {
  const reports = await requireReplaceable(folder, runLabel, manifest, Object.keys(files));
  let listed = reports.ok ? reports.reports : undefined;
  const contents: Record<string, FileContent> = {};
  for (const [path, content] of Object.entries(files)) {
    const bytes = joinContent(content);
    contents[path] = bytes;
    listed = withDerivedFile(listed, {
      path,
      bytes: typeof bytes === "string" ? Buffer.byteLength(bytes, "utf8") : bytes.length,
      sha256: sha256(bytes),
      command: made.command,
      run: basename(folder),
      fingerprint: manifest.fingerprint,
      tool: { name: "innovation-index", version: made.version },
    });
  }
  return { [REPORTS_FILE]: formatRunReports(listed!), ...contents };
}

/** A temporary or backup file of the folder writer: `.<name>.<pid>.tmp` or `.<name>.<pid>.old`. */
const WRITER_FILE = /^\.(.+)\.(\d+)\.(tmp|old)$/;

/** A file named as a temporary or backup file of the folder writer. */
export interface WriterFile {
  /** Its name in the run folder. */
  file: string;
  /** The name of the file it is a version of. */
  name: string;
  /** The pid of the process that wrote it (in its name). */
  pid: number;
  kind: "tmp" | "old";
}

/** `file` read as the name of a temporary or backup file of the folder writer (`.<name>.<pid>.tmp`, `.old`), else `undefined`. */
export function parseWriterFile(file: string): WriterFile | undefined {
  const match = WRITER_FILE.exec(file);
  return match ? { file, name: match[1], pid: Number(match[2]), kind: match[3] as "tmp" | "old" } : undefined;
}

/** Whether a run folder holding the files `names` may hold what a killed report left: a writer's file of a file report writes there. */
export function mayHoldReportLeftovers(names: readonly string[]): boolean {
  const written = new Set([REPORTS_FILE, ...DERIVED_FILE_NAMES]);
  return names.some((file) => {
    const writer = parseWriterFile(file);
    return writer !== undefined && written.has(writer.name);
  });
}

/**
 * How the file at `path`, a version of `name` (a temporary or backup file of it), starts: `written`, whether as the
 * tool writes `name` (`WRITTEN_STARTS`): with one of its starts, or with a part of one (a write cut short; nothing at
 * all, a file just created); `found`, its first characters, for a message; `expected`, the first two lines of the
 * tool's version (`undefined` for a file of which the tool knows no start: a file a later version lists in reports.json). A
 * file that cannot be read is not written as the tool writes it: `unreadable` is then why (its error code, `EACCES`).
 */
export async function startOfWrittenFile(path: string, name: string): Promise<{ written: boolean; found: string; expected?: string; unreadable?: string }> {
  const starts = WRITTEN_STARTS[name] ?? [];
  // How the tool's starts, as a message shows it: its first two lines (`<!DOCTYPE html>` and the html tag).
  const expected = starts.length > 0 ? { expected: starts[0].split("\n").slice(0, 2).join("\n") } : {};
  let bytes: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(START_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, START_BYTES, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    // Said as a file that cannot be read (`unreadable`, its error code), never as one that starts with nothing.
    return { written: false, found: "", ...expected, unreadable: String((cause as NodeJS.ErrnoException).code ?? cause) };
  }
  const written = starts.some((start) => {
    const startBytes = Buffer.from(start, "utf8");
    const length = Math.min(bytes.length, startBytes.length);
    return bytes.subarray(0, length).equals(startBytes.subarray(0, length));
  });
  return { written, found: bytes.toString("utf8").slice(0, FOUND_CHARACTERS), ...expected };
}

/**
 * Whether the process that wrote `writer` in `folder` (`found`, its lstat) no longer runs (`isFileWriterGone`: its
 * pid gone, or reused since it wrote or renamed the file, or the machine restarted since), or is this process, which
 * has written nothing there yet: then an earlier process of that pid left it.
 */
const isReportWriterGone = (writer: WriterFile, found: Stats, probe: LockProbe) => writer.pid === process.pid || isFileWriterGone(writer.pid, found, probe);

/**
 * Whether `pid`, read from a file's name, may be a process of this tool: a positive safe integer. Pid 0 is none
 * (`kill(0, 0)` signals the caller's own process group, so it always "runs"): a file named with it is not provably the
 * tool's, nor a running writer's.
 */
export const isToolPid = (pid: number) => Number.isSafeInteger(pid) && pid > 0;

/** A file in a run folder named as a temporary or backup file of a file report writes there, judged (`judgeReportWriterFile`). */
export interface ReportWriterFile extends WriterFile {
  /** `gone`: the process that wrote it no longer runs, so a killed report left it; `running`: a report writing now. */
  writer: "gone" | "running";
  /** Whether it starts as the tool writes its file (`startOfWrittenFile`): then it is provably the tool's. */
  written: boolean;
}

/**
 * The file `file` of run folder `folder` judged as a leftover of a report: `undefined` unless it is a regular file
 * named as a temporary or backup file (`.<name>.<pid>.tmp`, `.old`) of one of `names`, the files report writes there
 * (`reports.json`, `DERIVED_FILE_NAMES` and those reports.json lists); else whether its writer is gone
 * (`isReportWriterGone`) and whether it starts as the tool writes that file (`startOfWrittenFile`). `verify` says such a
 * file, not as a file that does not belong in the run.
 */
export async function judgeReportWriterFile(folder: string, file: string, names: ReadonlySet<string>, probe?: LockProbe): Promise<ReportWriterFile | undefined> {
  const writer = parseWriterFile(file);
  if (writer === undefined || !names.has(writer.name)) return undefined;
  const found = await lstat(join(folder, file)).catch(() => undefined);
  if (!found?.isFile()) return undefined;
  // Named with no pid of a process (0): no running writer's, nor provably the tool's (said as a leftover kept).
  if (!isToolPid(writer.pid)) return { ...writer, writer: "gone", written: false };
  const gone = isReportWriterGone(writer, found, probe ?? localProbe());
  const { written } = await startOfWrittenFile(join(folder, file), writer.name);
  return { ...writer, writer: gone ? "gone" : "running", written };
}

/**
 * The temporary and backup files in run folder `folder` of a process that no longer runs (`isReportWriterGone`); with
 * `pidless`, also those named with no pid of a process (`isToolPid`: 0), which no step completes or removes.
 */
async function reportLeftovers(folder: string, pidless = false): Promise<WriterFile[]> {
  const leftovers: WriterFile[] = [];
  const probe = localProbe();
  for (const file of (await readdir(folder)).sort()) {
    const writer = parseWriterFile(file);
    if (!writer) continue;
    if (!isToolPid(writer.pid)) {
      if (pidless) leftovers.push(writer);
      continue;
    }
    const found = await lstat(join(folder, file)).catch(() => undefined);
    if (found === undefined) continue;
    if (isReportWriterGone(writer, found, probe)) leftovers.push(writer);
  }
  return leftovers;
}

/**
 * Completes in run folder `folder` what a `report` killed while writing left there (the folder writer renames
 * `reports.json` first, then each file it lists, keeping the previous version of each as `.<name>.<pid>.old` until
 * all are renamed), so that the folder is again as `reports.json` lists it:
 *
 * 1. `reports.json` missing while a backup `.reports.json.<pid>.old` is there (killed between moving it aside and
 *    renaming the new one into place): the backup is put back, which lists the files as they still are.
 * 2. A complete `.reports.json.<pid>.tmp` listing every file as it is, where `reports.json` does not (killed between the
 *    renames by a version that renamed the files before `reports.json`): it is renamed into place.
 * 3. A file `reports.json` lists that is missing or holds other bytes, while a `.<name>.<pid>.tmp` holds exactly the
 *    bytes listed (killed between the renames): the temporary file is renamed into place; or a missing one whose
 *    backup `.<name>.<pid>.old` holds them (killed while replacing it, by a version that renamed it first): put back.
 *    A file that is there is replaced so only when its bytes are a version the tool listed (its size and SHA-256 in
 *    `reports.json` or in a backup `.reports.json.<pid>.old`: the version the killed report was replacing); any other
 *    (edited by hand since) is kept, and so is the temporary file, `onKept` told (`W_REPORT_TEMPORARY_KEPT`), and
 *    `report` then refuses the file as changed since.
 * 4. The other temporary and backup files of `reports.json` and of the derived files (those it lists, and `paths`, the
 *    ones about to be written) are removed when they are provably the tool's: regular files that start as the tool
 *    writes their file (`startOfWrittenFile`: a page's head, reports.json's first line; or a part of it, cut short).
 *    Any other file of such a name (a file of the user's named so, one that cannot be read, one named with pid 0) is
 *    kept, and `onKept` told (`W_REPORT_TEMPORARY_KEPT`).
 *
 * Only files of processes that no longer run are touched (a report running at the same moment keeps its own); only a
 * backup that reads as a `reports.json` is put back as one. A file that matches no listing (edited by hand since) is
 * left as it is, for `report` to refuse. Returns one line per change, naming the files as `runLabel/<name>`; they are
 * also in `progress.done` as they are made, so that a caller still says them when a later step fails, and
 * `progress.failed` then names the file that could not be written (`runLabel/<name>`) and the error code.
 * @throws `OutputError` `E_WRITE` when a file cannot be renamed or removed
 */
export async function repairDerivedFiles(
  folder: string,
  runLabel: string,
  paths: readonly string[],
  onKept?: (warning: Issue) => void,
  progress: RepairProgress = { done: [] },
): Promise<string[]> {
  const done = progress.done;
  const label = (name: string) => `${runLabel}/${name}`;
  // The file being put in place or removed, named when that fails (a full disk), as the writer names the file it
  // could not write; the run folder when reading it fails.
  let writing: string | undefined;
  const matches = async (path: string, listed: { bytes: number; sha256: string }) => {
    if (!(await lstat(path).catch(() => undefined))?.isFile()) return false;
    const digest = await digestFile(path);
    return digest.bytes === listed.bytes && digest.sha256 === listed.sha256;
  };
  const isFile = async (path: string) => (await lstat(path).catch(() => undefined))?.isFile() === true;
  const put = async (leftover: WriterFile, how: "completed" | "restored") => {
    writing = leftover.name;
    await rename(join(folder, leftover.file), join(folder, leftover.name));
    writing = undefined;
    done.push(outputMessages.reportLeftover(runMessages.reportFileRepaired(how, label(leftover.name), leftover.file)));
  };
  // Kept temporary files of step 3 (a file there changed since), said there, left alone by step 4.
  const kept = new Set<string>();
  // Whether the file at `path`, a version of `name`, is one the tool listed: in reports.json, or in a backup of it.
  const isListedVersion = async (path: string, name: string, backups: readonly WriterFile[]) => {
    if (!(await isFile(path))) return false;
    const digest = await digestFile(path);
    for (const read of [await readRunReports(folder), ...(await Promise.all(backups.map((backup) => readReportsAt(join(folder, backup.file)))))])
      if (read.ok && read.reports?.files.some((file) => file.path === name && file.bytes === digest.bytes && file.sha256 === digest.sha256)) return true;
    return false;
  };
  try {
    const leftovers = await reportLeftovers(folder);
    // Nothing a killed report left: nothing to do (a run folder is then never hashed); but a file named with pid 0 is said.
    if (leftovers.length === 0 && (await reportLeftovers(folder, true)).length === 0) return done;
    const ofReports = (kind: "tmp" | "old") => leftovers.filter((leftover) => leftover.name === REPORTS_FILE && leftover.kind === kind);
    // A backup put back only when it is a regular file that reads as reports.json (a file of the user's named so is not).
    const asReports = async (leftover: WriterFile) => ((await isFile(join(folder, leftover.file))) ? await readReportsAt(join(folder, leftover.file)) : undefined);
    if (!(await lstat(join(folder, REPORTS_FILE)).catch(() => undefined)))
      for (const backup of ofReports("old")) {
        const read = await asReports(backup);
        if (read?.ok && read.reports) {
          await put(backup, "restored");
          break;
        }
      }
    for (const leftover of ofReports("tmp")) {
      const [found, current] = [await asReports(leftover), await readRunReports(folder)];
      if (!found?.ok || !found.reports || !current.ok) continue;
      const listed = current.reports?.files ?? [];
      const isListed = (file: DerivedFile) => listed.some((other) => other.path === file.path && other.bytes === file.bytes && other.sha256 === file.sha256);
      let complete = found.reports.files.some((file) => !isListed(file));
      for (const file of found.reports.files) complete &&= await matches(join(folder, file.path), file);
      if (complete) {
        await put(leftover, "completed");
        break;
      }
    }
    const reports = await readRunReports(folder);
    const listed = reports.ok ? (reports.reports?.files ?? []) : [];
    for (const entry of listed) {
      if (await matches(join(folder, entry.path), entry)) continue;
      const missing = !(await lstat(join(folder, entry.path)).catch(() => undefined));
      // Its new version (a kill between the renames), or, when it is missing, its previous one (an earlier version
      // killed between moving it aside and renaming its new version into place): whichever holds the bytes listed.
      for (const leftover of leftovers.filter((leftover) => leftover.name === entry.path && (leftover.kind === "tmp" || missing)))
        if (await matches(join(folder, leftover.file), entry)) {
          // Never over a file the tool did not list (edited by hand since): both kept, said.
          const backups = leftovers.filter((backup) => backup.name === REPORTS_FILE && backup.kind === "old");
          if (!missing && !(await isListedVersion(join(folder, entry.path), entry.path, backups))) {
            kept.add(leftover.file);
            const source = label(leftover.file);
            onKept?.({ code: "W_REPORT_TEMPORARY_KEPT", source, message: outputMessages.reportTemporaryNotCompleted(source, label(entry.path)) });
            break;
          }
          await put(leftover, leftover.kind === "tmp" ? "completed" : "restored");
          break;
        }
    }
    const derived = new Set([REPORTS_FILE, ...paths, ...listed.map((entry) => entry.path)]);
    for (const leftover of await reportLeftovers(folder, true)) {
      const path = join(folder, leftover.file);
      if (kept.has(leftover.file) || !derived.has(leftover.name) || !(await isFile(path))) continue;
      const source = label(leftover.file);
      if (!isToolPid(leftover.pid)) {
        onKept?.({ code: "W_REPORT_TEMPORARY_KEPT", source, message: outputMessages.writerPidNone(source, leftover.name, leftover.pid) });
        continue;
      }
      const start = await startOfWrittenFile(path, leftover.name);
      if (!start.written) {
        const message =
          start.unreadable !== undefined
            ? outputMessages.reportTemporaryUnreadable(source, leftover.name, leftover.kind, start.unreadable)
            : outputMessages.reportTemporaryKept(source, leftover.name, leftover.kind, start.found, start.expected);
        onKept?.({ code: "W_REPORT_TEMPORARY_KEPT", source, message });
        continue;
      }
      writing = leftover.file;
      await rm(path, { force: true });
      writing = undefined;
      done.push(outputMessages.reportLeftover(runMessages.reportFileRemoved(label(leftover.file))));
    }
  } catch (cause) {
    progress.failed = { file: writing === undefined ? runLabel : label(writing), code: String((cause as NodeJS.ErrnoException).code ?? cause) };
    throw new OutputError("E_WRITE", outputMessages.writeFailed(progress.failed.file, progress.failed.code), { cause });
  }
  return done;
}

/** What `repairDerivedFiles` has done so far (`done`, its lines), and, once it failed, the file it could not write and why. */
export interface RepairProgress {
  done: string[];
  failed?: { file: string; code: string };
}
