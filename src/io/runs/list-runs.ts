/**
 * The runs of a project as `innovation-index runs` lists them: every run folder, oldest first, with where it stands
 * against `runs/LATEST` (the run published now, the runs that run follows through the `previous` each manifest records,
 * the runs outside that history), when the publication history `PUBLISHED.log` records it as `LATEST`, and what its
 * manifest says it covers. It only reads: no lock, nothing written.
 */
import { lstat, readlink } from "node:fs/promises";
import { join } from "node:path";
import { readManifestChecked } from "./run-files.js";
import type { Issue } from "../../errors.js";
import { confirmedLines, publicationsByRun, readPublicationHistory, type RunPublication } from "./publication-history.js";
import { isRunId } from "./run-names.js";
import { listRunIds, readLatestPointer, runFolderAt } from "./runs.js";

/**
 * Where a run stands against `runs/LATEST`:
 * - `latest`: the run `LATEST` names;
 * - `published`: a run the latest run follows, through the `previous` each manifest records (where a manifest records
 *   none, made by an older version, or cannot be read, every earlier run: the published runs of `listPublishedRuns`);
 * - `withdrawn`: a run the publication history records as `LATEST` once, outside that history now (gone back from by
 *   `runs rollback` or `runs publish`, or replaced by runs gone back from), earlier or later than the run `LATEST` names;
 * - `skipped`: an earlier run outside that history: never published before a later run was (a run stopped before it
 *   moved `LATEST`), or published once and rolled back from, where the publication history does not record it (a
 *   project older than the history);
 * - `unpublished`: newer than the run `LATEST` names (the next `compute` reports it, `W_UNPUBLISHED_RUN`), or any run
 *   while `LATEST` names no run folder.
 */
export type RunState = "latest" | "published" | "withdrawn" | "skipped" | "unpublished";

/** One run folder of `listRuns`. */
export interface RunEntry {
  id: string;
  state: RunState;
  /** The run its manifest records as `previous`: `null` for none (the first run); absent when not recorded or unreadable. */
  previous?: string | null;
  /** The number of units its manifest records. */
  units?: number;
  /** The years its manifest records. */
  years?: number[];
  baseYear?: number;
  /** The target of the symbolic link the run folder is (a run archived elsewhere and linked back). */
  link?: string;
  /** Whether the run folder is a link whose target is not a folder (an archive disk not mounted): nothing of it can be read. */
  unreachable?: boolean;
  /**
   * What the entry is when it is a file named by a run id, not a run folder (`file`: a regular file; `special`: a pipe,
   * a socket, a device): nothing of it can be read, and runs publish and verify refuse it (`runMessages.publishNotFolder`).
   */
  notFolder?: "file" | "special";
  /** What is wrong with its `manifest.json` (a phrase such as `is missing`), when it cannot be read. */
  problem?: string;
  /** When it was `LATEST`, as the publication history records it; absent when it records none. */
  publication?: RunPublication;
}

/** The outcome of `listRuns`. */
export interface RunListing {
  /** The id `runs/LATEST` names, when it names a run folder. */
  latest?: string;
  /** What is wrong with `runs/LATEST` (a message naming it), when it is broken. */
  problem?: string;
  /** Every run folder, oldest first. */
  runs: RunEntry[];
  /** What could not be read of the publication history (`W_PUBLICATION_HISTORY`: a line cut short, the file unreadable). */
  historyWarnings?: Issue[];
}

/**
 * Every run folder of `runsDir` (oldest first) with its state (`RunState`), the `previous` run and the coverage its
 * manifest records, and whether it is a link, or one whose target is gone. Reads `LATEST` and each manifest; takes no
 * lock and writes nothing, so it may run beside a `compute` (a run published meanwhile shows at the next listing).
 * `runsLabel` names the runs folder in messages.
 * @throws `OutputError` `E_RUNS_NOT_FOLDER` when `runsDir` is a file
 * @example
 * const { latest, runs } = await listRuns("runs");
 * // => runs: [{ id: "20260301T020000.123Z-1a2b3c4d", state: "published", previous: null, units: 2, years: [2017, 2018], baseYear: 2017 }, ...]
 */
export async function listRuns(runsDir: string, runsLabel = runsDir): Promise<RunListing> {
  const pointer = await readLatestPointer(runsDir, runsLabel);
  const runs: RunEntry[] = [];
  for (const id of await listRunIds(runsDir, runsLabel)) runs.push(await readEntry(runsDir, id));
  const latest = pointer.id;
  const history = latest === undefined ? undefined : historyOf(latest, runs);
  // The moves of LATEST that happened, judged by what LATEST holds now for the last one (its text when not a run id).
  const recorded = await readPublicationHistory(runsDir, runsLabel);
  const publications = publicationsByRun(confirmedLines(recorded.lines, pointer.id ?? pointer.named ?? pointer.held));
  for (const run of runs) {
    run.state =
      latest === undefined || run.id > latest
        ? "unpublished"
        : run.id === latest
          ? "latest"
          : history!.ids.has(run.id) || (history!.before !== undefined && run.id < history!.before)
            ? "published"
            : "skipped";
    const publication = publications.get(run.id);
    if (publication === undefined) continue;
    run.publication = publication;
    // Published once, outside the history of the run LATEST names now: not "skipped" nor "unpublished" (never published).
    if (latest !== undefined && (run.state === "skipped" || run.state === "unpublished")) run.state = "withdrawn";
  }
  return {
    ...(latest !== undefined ? { latest } : {}),
    ...(pointer.problem !== undefined ? { problem: pointer.problem } : {}),
    runs,
    ...(recorded.warnings.length > 0 ? { historyWarnings: recorded.warnings } : {}),
  };
}

/** A run folder's entry, its state left for `listRuns` to set. */
async function readEntry(runsDir: string, id: string): Promise<RunEntry> {
  const folder = join(runsDir, id);
  const at = await runFolderAt(folder);
  const entry: RunEntry = { id, state: "unpublished" };
  if (at.kind === "broken link") return { ...entry, link: at.target, unreachable: true };
  if (at.kind === "file") return { ...entry, notFolder: at.file };
  const link = await linkTarget(folder);
  if (link !== undefined) entry.link = link;
  const read = await readManifestChecked(folder);
  if (!read.ok) return { ...entry, problem: read.problem };
  const manifest = read.manifest as unknown as Record<string, unknown>;
  const previous = manifest.previous;
  if (previous === null || typeof previous === "string") entry.previous = previous;
  // The coverage is a record of the manifest, not checked by readManifestChecked: taken only where it is as compute writes it.
  const coverage = (manifest.coverage ?? {}) as Record<string, unknown>;
  if (Array.isArray(coverage.units)) entry.units = coverage.units.length;
  if (Array.isArray(coverage.years) && coverage.years.every((year) => typeof year === "number")) entry.years = [...(coverage.years as number[])];
  if (typeof coverage.baseYear === "number") entry.baseYear = coverage.baseYear;
  return entry;
}

/** The target of the link at `path`, or `undefined` when it is not a link. */
async function linkTarget(path: string): Promise<string | undefined> {
  const found = await lstat(path).catch(() => undefined);
  return found?.isSymbolicLink() ? readlink(path).catch(() => "?") : undefined;
}

/**
 * The runs the latest run follows: from `latest`, each manifest's `previous` while it names an earlier run folder
 * (`ids`); where the chain cannot go on by the manifests (one that records no `previous`, an older version's, or that
 * cannot be read: the run folder unreachable, the manifest missing or damaged, `previous` naming no earlier run
 * folder), every run before that point counts as published (`before`), as `listPublishedRuns` counts them. A `previous`
 * of `null` ends the history: the runs before it are not in it.
 */
function historyOf(latest: string, runs: readonly RunEntry[]): { ids: Set<string>; before?: string } {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const ids = new Set<string>([latest]);
  for (let current = byId.get(latest); current !== undefined; ) {
    const previous = current.previous;
    if (previous === null) return { ids };
    const next = typeof previous === "string" && isRunId(previous) && previous < current.id ? byId.get(previous) : undefined;
    if (next === undefined) return { ids, before: current.id };
    ids.add(next.id);
    current = next;
  }
  return { ids };
}
