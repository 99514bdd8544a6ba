/**
 * The messages of projects, runs and revisions, as functions of what they name (see `messages.ts` for the shape:
 * `<what went wrong> "<found>"; expected <what>`).
 */
import { quote } from "./quote.js";
import { closestName } from "./suggest.js";
import { catalogue } from "./localize.js";

/** A value from a project file as written, for messages. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list ${quote(JSON.stringify(value))}`;
  if (typeof value === "object") return "a block of keys";
  return `${typeof value} ${quote(String(value))}`;
}

export const projectMessages = catalogue("projectMessages", {
  yamlSyntax: (reason: string) => `the file is not valid YAML (${reason}); expected keys such as indicators, values, methods`,
  notAMap: (found: unknown) => `found ${describeFound(found)}; expected a block of keys such as indicators, values, methods`,
  badKey: (path: string, found: unknown, expected: string) => `${path}: found ${describeFound(found)}; expected ${expected}`,
  missingKey: (path: string, expected: string) => `${path} is missing; expected ${expected}`,
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

  locked: (lock: string, holder: string) =>
    `${lock}: another run holds the lock (${holder}); expected one run at a time. Wait for it to finish, or delete the lock file if that run is gone`,
  unknownRun: (reference: string, runs: string, known: readonly string[]) =>
    `unknown run ${quote(reference)} in ${runs}; expected a run id (${known.slice(-3).join(", ") || "no runs yet"}), latest, previous, or a run folder`,
  ambiguousRun: (reference: string, runs: string, matches: readonly string[]) =>
    `run ${quote(reference)} in ${runs} could be any of ${matches.length} runs (${matches.slice(0, 5).join(", ")}${matches.length > 5 ? ", …" : ""}); expected enough of the id to name one run`,
  tooFewRuns: (runs: string, count: number) =>
    `${runs} has ${count} published run${count === 1 ? "" : "s"}; expected at least two to compare (or name two runs)`,
  noProjectForDiff: () => `no index.yaml here; expected a project folder, --project FILE, --runs DIR, or two run folders`,
  ifChangedWithoutProject: () => `--if-changed compares with the latest run of a project; expected an index.yaml (or --project FILE) and no --out`,
  forceWithoutProject: (flag: string) => `${flag} makes a new run folder of a project; expected an index.yaml (or --project FILE) and no --out`,
  forceAndIfChanged: (flag: string) => `${flag} and --if-changed contradict each other; expected one of them (a project run skips unchanged inputs by default)`,
  runWithoutProject: () => `--run names a run folder of a project; expected an index.yaml (or --project FILE), or --out DIR without --run`,
  noRunForReport: (runs: string) =>
    `${runs} has no published run; expected one for the report to go into (run innovation-index compute first), or --out DIR`,
  runInputsChanged: (run: string, changed: readonly string[]) =>
    `${run} was computed from other inputs or options than the project's current ones (${changed.join(", ")}); expected those of that run: run innovation-index compute for a new run and report again, or give --out DIR`,
  inputChangedDuringRun: (file: string, how: string) =>
    `${file}: ${how} while the inputs were read; expected input files that stay as they are until they are read, so that the SHA-256 recorded is that of the bytes computed from: nothing was written, run again once the files are complete`,
  unchanged: (run: string) =>
    `unchanged since run ${run} (same inputs, options and tool version); nothing to do, no run folder made (--force runs anyway)`,
} as const);
