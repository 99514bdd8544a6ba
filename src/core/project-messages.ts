/**
 * The messages of projects, runs and revisions, as functions of what they name (see `messages.ts` for the shape:
 * `<what went wrong> "<found>"; expected <what>`).
 */
import { quote } from "./quote.js";
import { closestName } from "./suggest.js";
import { catalogue } from "./localize.js";
import { formatDuration } from "./limit-messages.js";

/** A value from a project file as written, for messages. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list ${quote(JSON.stringify(value))}`;
  if (typeof value === "object") return "a block of keys";
  return `${typeof value} ${quote(String(value))}`;
}

/** Why a lock was judged stale (src/io/write/folder-lock.ts, `judgeLock`). */
export type StaleLockReason = "gone" | "reused" | "rebooted" | "silent" | "silent-other-host" | "damaged";

/** Why a lock was judged live (`judgeLock`): its process runs; it is refreshed; another host's; unreadable but young. */
export type LockRule = "running" | "heartbeat" | "other-host" | "damaged";

export const projectMessages = catalogue("projectMessages", {
  /** `reason`: why, one of readerMessages' `yaml...` reasons or of `yamlMessages` (io/read/yaml-reasons.ts: `yamlReason`). */
  yamlSyntax: (reason: string) => `the file is not valid YAML: ${reason}`,
  notAMap: (found: unknown) => `found ${describeFound(found)}; expected a block of keys such as indicators, values, methods`,
  badKey: (path: string, found: unknown, expected: string) => `${path}: found ${describeFound(found)}; expected ${expected}`,
  missingKey: (path: string, expected: string) => `${path} is missing; expected ${expected}`,
  /** Before a problem of an option that index.yaml's key `path` set (a base year absent from the data): the key. */
  ofKey: (path: string) => `${path}: `,
  unknownKey: (path: string, known: readonly string[], suggestion = closestName(path.split(".").pop() ?? path, known)) =>
    `unknown key ${quote(path)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ""}; expected one of: ${known.join(", ")}`,
  nominalConflict: (listKey: string, list: unknown, singleKey: string, single: string, singleLine: number | undefined) =>
    `${listKey}: found ${describeFound(list)}, which does not start with ${singleKey} ${quote(single)}${singleLine ? ` (line ${singleLine})` : ""}; expected a list that starts with ${quote(single)}, the nominal method, so that the nominal run is compute's`,
  notFound: (path: string) => `no project file ${quote(path)}; expected an index.yaml (create one with "innovation-index init")`,

  /**
   * `init` over files of `folder` (`files`, relative paths) that it did not write, or that changed since: never
   * overwritten, with `--force` (`forced`) or without.
   */
  initNotOurs: (folder: string, files: readonly string[], forced: boolean) =>
    `${folder}: ${files.join(", ")} ${files.length === 1 ? "exists and was" : "exist and were"} not written by init, or changed since (neither listed unchanged in .innovation-index-files.json nor identical to init's example), so init ${forced ? "--force " : ""}does not overwrite ${files.length === 1 ? "it" : "them"}: ${files.length === 1 ? "it holds" : "they hold"} a project's own tree, values or settings; ` +
    `expected a new folder for the example project (innovation-index init my-index), or move ${files.length === 1 ? "it" : "them"} away first`,

  /** `init` over files of `folder` (`files`) that it wrote itself, unchanged since, without `--force`. */
  initExists: (folder: string, files: readonly string[]) =>
    `${folder}: ${files.join(", ")} already exist${files.length === 1 ? "s" : ""}; expected a folder without them (or --force to overwrite them: init wrote them and they are unchanged)`,

  /**
   * The second line of an `init` that failed part way (a full disk): whether what it had done in `folder` was undone,
   * and if not, what is left (`left`: the files and folders it could not remove or put back, as displayed).
   */
  initUndone: (folder: string, left: readonly string[]) =>
    left.length === 0
      ? `init undid what it had done: ${folder} is as it was before (the files it wrote removed, those it replaced put back, the folders it made removed); run init again once the cause is fixed`
      : `init could not undo all it had done in ${folder}: ${left.join(", ")} ${left.length === 1 ? "is" : "are"} left (changed since init wrote ${left.length === 1 ? "it" : "them"}, or not removable); expected nothing of init's left: remove ${left.length === 1 ? "it" : "them"} by hand if init made ${left.length === 1 ? "it" : "them"}, then run init again`,

  /** A lock's name taken by something that is no lock file: a folder, a link (`kind`), which no run can take over. */
  lockNotFile: (lock: string, kind: string) =>
    `${lock}: ${kind} is at the lock's name, not a lock file this tool writes, so no run can take the lock while it is there; expected a lock file or nothing (remove it if no run of this tool made it)`,
  /** A run's lock that is no longer its own when it would publish (taken over by another run, or removed by hand). */
  lockLost: (lock: string, run: string, kept: boolean) =>
    `${lock} is no longer this run's (another run took it over, or it was removed while this run ran), so this run is not published${
      kept ? `: ${run} is kept, unpublished (innovation-index runs publish names it, once no other run runs)` : ", and its files are removed"
    }; expected one run at a time: run again once the other run has finished`,
  locked: (lock: string, holder: string) =>
    `${lock}: another run holds the lock (${holder}); expected one run at a time. Wait for it to finish, or delete the lock file if that run is gone`,
  /**
   * Said after `locked` when the lock's heartbeat (its modification time, refreshed every 30 s by its holder) has been
   * silent for `silentMs`; `rule` is why it is still live, `takeOverAfterMs` how long a lock judged by its heartbeat
   * may be silent.
   */
  lockSilent: (silentMs: number, rule: LockRule, takeOverAfterMs?: number) =>
    `. Its lock was last refreshed ${formatDuration(silentMs / 1000)} ago` +
    (rule === "running"
      ? ", but its process still runs here (busy, or stopped with Ctrl-Z): the lock is not taken over while it runs"
      : rule === "other-host"
        ? takeOverAfterMs === undefined
          ? "; a lock from another host written by an older version of the tool is never taken over"
          : `, and it is from another host: it is taken over once it has not been refreshed for ${formatDuration(takeOverAfterMs / 1000)}`
        : `, and its process cannot be checked from here (a run in another container, or of an older version of the tool): the lock is taken over once it has not been refreshed for ${formatDuration((takeOverAfterMs ?? 0) / 1000)}`),
  /** A stale lock taken over (`reason`, see `judgeLock`), its heartbeat silent for `silentMs`, of at most `takeOverAfterMs`. */
  lockTakenOver: (lock: string, holder: string, reason: StaleLockReason, silentMs: number, takeOverAfterMs: number) =>
    `${lock}: took over the lock of a run that is gone (${holder}): ` +
    (reason === "gone"
      ? "its process no longer runs"
      : reason === "reused"
        ? "its pid now belongs to another process (another start time)"
        : reason === "rebooted"
          ? "the machine has restarted since it was written"
          : reason === "silent"
            ? `it has not been refreshed for ${formatDuration(silentMs / 1000)}, more than ${formatDuration(takeOverAfterMs / 1000)}, and its process cannot be checked from here (a run in another container, or of an older version of the tool)`
            : reason === "silent-other-host"
              ? `it is from another host and has not been refreshed for ${formatDuration(silentMs / 1000)}, more than ${formatDuration(takeOverAfterMs / 1000)}`
            : `it cannot be read and was last written ${formatDuration(silentMs / 1000)} ago`),
  unknownRun: (reference: string, runs: string, known: readonly string[]) =>
    `unknown run ${quote(reference)} in ${runs}; expected a run id (${known.slice(-3).join(", ") || "no runs yet"}), latest, previous, or a run folder`,
  ambiguousRun: (reference: string, runs: string, matches: readonly string[]) =>
    `run ${quote(reference)} in ${runs} could be any of ${matches.length} runs (${matches.slice(0, 5).join(", ")}${matches.length > 5 ? ", …" : ""}); expected enough of the id to name one run`,
  tooFewRuns: (runs: string, count: number) =>
    `${runs} has ${count} published run${count === 1 ? "" : "s"}; expected at least two to compare (or name two runs)`,
  /** `latest` has no previous run (its manifest records none, or no run is older): said by the command that asked for `previous`. */
  noPreviousRun: (runs: string, latest: string, command: "diff" | "report" | "verify") =>
    `${runs}: the latest run ${latest} has no previous run (it was the first published, or no usable run was published before it when it ran); expected ${
      command === "diff"
        ? "at least two runs to compare (or name two runs)"
        : command === "report"
          ? "--run latest or a run id for the report to go into"
          : "latest, a run id or the path of a run folder to verify"
    }`,
  /** The `previous` of the latest run's manifest (`found`, as JSON) names no run folder. */
  previousUnusable: (manifestLabel: string, found: string, runs: string) =>
    `${manifestLabel}: "previous" is ${found}, which names no run folder in ${runs}; expected the id of the run published before it, as compute records it (or name that run instead of previous)`,
  noProjectForDiff: () => `no index.yaml here; expected a project folder, --project FILE, --runs DIR, or two run folders`,
  ifChangedWithoutProject: () => `--if-changed compares with the latest run of a project; expected an index.yaml (or --project FILE) and no --out`,
  forceWithoutProject: (flag: string) => `${flag} makes a new run folder of a project; expected an index.yaml (or --project FILE) and no --out`,
  forceAndIfChanged: (flag: string) => `${flag} and --if-changed contradict each other; expected one of them (a project run skips unchanged inputs by default)`,
  runWithoutProject: () => `--run names a run folder of a project; expected an index.yaml (or --project FILE), or --out DIR without --run`,
  noRunForReport: (runs: string) =>
    `${runs} has no published run; expected one for the report to go into (run innovation-index compute first), or --out DIR`,
  runInputsChanged: (run: string, changed: readonly string[]) =>
    `${run} was computed from other inputs or options than the project's current ones (${changed.join(", ")}); expected those of that run: run innovation-index compute for a new run and report again, or give --out DIR`,
  /**
   * A report into `run`, whose manifest lists queries that may read files the tool cannot name (`queries`: its
   * `unnamedQueryInputs`): those files are in no digest, so the run cannot be shown to be current.
   */
  runInputsUnproven: (run: string, queries: readonly string[]) =>
    `${run} may be stale: its queries (${queries.join(", ")}) may read files the tool cannot name, which no digest of the run covers, so whether they changed since the run cannot be told, and the report, computed from the files as they are now, may not describe the run; expected each file a query reads written as a path in quotes or built from constants (read_csv('micro.csv'), read_csv('micro/' || '2020.csv')) for a report to be checked against its run, or run innovation-index compute just before the report`,
  inputChangedDuringRun: (file: string, how: string) =>
    `${file}: ${how} while the inputs were read; expected input files that stay as they are until they are read, so that the SHA-256 recorded is that of the bytes computed from: nothing was written, run again once the files are complete`,
  /**
   * A query of a project run (`query`: `values.sql`, or the tree's line of an `indicator`'s `sql` cell) that may read
   * files the tool cannot name (`calls`: a file-reading function given a path known only when the query runs,
   * `query` of a text DuckDB cannot parse, `*` for a query whose files its parser cannot list).
   */
  queryFilesUnnamed: (query: string, calls: readonly string[], indicator?: string) =>
    `${query}: the query${indicator === undefined ? "" : ` of indicator ${quote(indicator)} (column sql)`} may read files the tool cannot name (${calls
      .map((call) => (call === "*" ? "a statement whose files DuckDB's parser cannot list (a PIVOT without IN)" : /^query/i.test(call) ? `${call}(…), a query given as text` : `${call}(…) of a path known only when the query runs (built from a column or a subquery)`))
      .join("; ")}), so --if-changed cannot tell whether they changed: the run goes ahead each time; expected each file written as a path in quotes or built from constants (read_csv('micro.csv'), read_csv('micro/' || '2020.csv'), or a glob such as read_csv('micro/*.csv')) for a run to be skipped when nothing changed`,
  unchanged: (run: string) =>
    `unchanged since run ${run} (same inputs, options and tool version); nothing to do, no run folder made (--force runs anyway)`,
} as const);
