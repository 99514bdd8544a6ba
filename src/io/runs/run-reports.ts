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
import { lstat, readdir, rename, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { joinMessages } from "../../core/localize.js";
import { outputMessages } from "../../core/output-messages.js";
import { runMessages } from "../../core/run-messages.js";
import { OutputError } from "../../errors.js";
import { digestFile, joinContent, type FileContent } from "../write/write.js";
import { readJsonFile, sha256, type RunManifest } from "./run-files.js";
import { isWriterGone, localProbe } from "../write/folder-lock.js";

export const REPORTS_FILE = "reports.json";

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

/** A temporary or backup file left in a run folder by a report whose process is gone. */
interface ReportLeftover {
  /** Its name in the run folder. */
  file: string;
  /** The name of the file it is a version of. */
  name: string;
  kind: "tmp" | "old";
}

/**
 * The temporary and backup files in run folder `folder` of a process that no longer runs (`isWriterGone`: its pid gone,
 * or reused since, or the machine restarted since), or of this process's pid, which has written nothing there yet: then
 * an earlier process of that pid left it.
 */
async function reportLeftovers(folder: string): Promise<ReportLeftover[]> {
  const leftovers: ReportLeftover[] = [];
  const probe = localProbe();
  for (const file of (await readdir(folder)).sort()) {
    const match = WRITER_FILE.exec(file);
    if (!match) continue;
    const pid = Number(match[2]);
    const mtimeMs = (await lstat(join(folder, file)).catch(() => undefined))?.mtimeMs;
    if (mtimeMs === undefined) continue;
    if (pid === process.pid || isWriterGone(pid, mtimeMs, probe)) leftovers.push({ file, name: match[1], kind: match[3] as "tmp" | "old" });
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
 * 4. The other temporary and backup files of `reports.json` and of the derived files (those it lists, and `paths`, the
 *    ones about to be written) are removed.
 *
 * Only files of processes that no longer run are touched (a report running at the same moment keeps its own). A file
 * that matches no listing (edited by hand since) is left as it is, for `report` to refuse. Returns one line per change,
 * naming the files as `runLabel/<name>`.
 * @throws `OutputError` `E_WRITE` when a file cannot be renamed or removed
 */
export async function repairDerivedFiles(folder: string, runLabel: string, paths: readonly string[]): Promise<string[]> {
  const done: string[] = [];
  const label = (name: string) => `${runLabel}/${name}`;
  // The file being put in place or removed, named when that fails (a full disk), as the writer names the file it
  // could not write; the run folder when reading it fails.
  let writing: string | undefined;
  const matches = async (path: string, listed: { bytes: number; sha256: string }) => {
    if (!(await lstat(path).catch(() => undefined))?.isFile()) return false;
    const digest = await digestFile(path);
    return digest.bytes === listed.bytes && digest.sha256 === listed.sha256;
  };
  const put = async (leftover: ReportLeftover, how: "completed" | "restored") => {
    writing = leftover.name;
    await rename(join(folder, leftover.file), join(folder, leftover.name));
    writing = undefined;
    done.push(outputMessages.reportLeftover(runMessages.reportFileRepaired(how, label(leftover.name), leftover.file)));
  };
  try {
    const leftovers = await reportLeftovers(folder);
    const ofReports = (kind: "tmp" | "old") => leftovers.filter((leftover) => leftover.name === REPORTS_FILE && leftover.kind === kind);
    if (!(await lstat(join(folder, REPORTS_FILE)).catch(() => undefined)) && ofReports("old").length > 0) await put(ofReports("old")[0], "restored");
    for (const leftover of ofReports("tmp")) {
      const [found, current] = [await readReportsAt(join(folder, leftover.file)), await readRunReports(folder)];
      if (!found.ok || !found.reports || !current.ok) continue;
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
          await put(leftover, leftover.kind === "tmp" ? "completed" : "restored");
          break;
        }
    }
    const derived = new Set([REPORTS_FILE, ...paths, ...listed.map((entry) => entry.path)]);
    for (const leftover of await reportLeftovers(folder))
      if (derived.has(leftover.name)) {
        writing = leftover.file;
        await rm(join(folder, leftover.file), { force: true });
        writing = undefined;
        done.push(outputMessages.reportLeftover(runMessages.reportFileRemoved(label(leftover.file))));
      }
  } catch (cause) {
    throw new OutputError("E_WRITE", outputMessages.writeFailed(writing === undefined ? runLabel : label(writing), String((cause as NodeJS.ErrnoException).code ?? cause)), { cause });
  }
  return done;
}
