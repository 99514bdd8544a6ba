/**
 * The files derived from a run after it was published (`report` writes `report.html` into a run folder), listed in the
 * run folder's `reports.json`: each with its size and SHA-256, the command that made it and the run it was made from.
 * The run's own `manifest.json` is never rewritten; `verify` checks the derived files against `reports.json`, and
 * `report` replaces only a file that `reports.json` shows this tool wrote, unchanged since.
 */
import { lstat } from "node:fs/promises";
import { basename, join } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { OutputError } from "../../errors.js";
import { digestFile, joinContent, type FileContent } from "../write/write.js";
import { readJsonFile, sha256, type RunManifest } from "./run-files.js";

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
  const read = await readJsonFile(join(folder, REPORTS_FILE));
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
  if (problems.length > 0) throw new OutputError("E_REPORT_NOT_OURS", problems.join("\n"));
  return reports;
}

/**
 * The files `report` writes into run folder `folder` (`files`, name -> content) with `reports.json` listing them besides
 * the derived files already listed, each with its size and SHA-256, `made.command` and the run (the folder's name and
 * the manifest's fingerprint). All are then written together, atomically, by the folder writer.
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
  return { ...contents, [REPORTS_FILE]: formatRunReports(listed!) };
}
