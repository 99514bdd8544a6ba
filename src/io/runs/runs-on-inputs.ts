/**
 * A project's runs folder (`runs:` of index.yaml) must not be where its run reads its inputs: a run writes `LATEST`
 * (and its lock, temporary and staging files) into it, and one written into the values folder is read as values by the
 * next run; nor may the folder be an input file, or put those files where an input is read. Refused before the run
 * takes its lock or writes anything, as a command's `--out` into its values folder is (`E_OUT_IS_INPUT`).
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, posix, relative, sep, win32 } from "node:path";
import { outputMessages } from "../../core/output-messages.js";
import { OutputError, type Issue } from "../../errors.js";
import { realPath } from "../read/inputs-read.js";
import { isRunId, LATEST_FILE, RUN_FILE_NAMES } from "./run-names.js";
import { PUBLICATION_HISTORY_FILE } from "./publication-history.js";
import { LOCK_FILE, STAGING_MARKER, STAGING_PREFIX } from "./runs.js";

/**
 * Whether the path `inside`, relative to a runs folder (`/`- or `\`-separated), is one a run writes or removes there:
 * `LATEST` and its temporary files (`.LATEST.<pid>.tmp`), the publication history `PUBLISHED.log`, the lock `.lock`
 * and its files (`.lock.<pid>.tmp`, `.lock.<pid>.stale`), anything in a staging folder (`.staging-<id>`), or the staging
 * marker of a run folder. A run folder's other files are not: a new run is written under a new id, and an earlier run's files are never touched.
 */
function isRunsOwnPath(inside: string): boolean {
  const [first, ...rest] = inside.split(sep);
  if (first === LATEST_FILE || first === PUBLICATION_HISTORY_FILE || first === LOCK_FILE || /^\.LATEST\.\d+\.tmp$/.test(first) || /^\.lock\.\d+\.(?:tmp|stale)$/.test(first)) return rest.length === 0;
  if (first.startsWith(STAGING_PREFIX)) return true;
  return isRunId(first) && rest.length === 1 && rest[0] === STAGING_MARKER;
}

/** Where a project's runs folder is, and what its run reads. */
export interface RunsAndInputs {
  /** The runs folder (absolute), and `runs:` as index.yaml writes it (or `--runs` as the command line gives it). */
  runsDir: string;
  runs: string;
  /** Where messages say `runs:` is set: `index.yaml:4`; or the flag that gave the folder, `--runs`, with `valuesAt`. */
  where: string;
  /** With the runs folder given by a flag (`where`): where the project file sets `values:`, `index.yaml:3`. */
  valuesAt?: string;
  /** The values path (absolute): a file, a query, or a folder whose files are all read. */
  values: string;
  /** Every input file the run reads (absolute), each with how messages name it. */
  inputs: readonly { path: string; label: string }[];
  /**
   * The globs its queries read by (absolute, `QueryGlob`), each with how messages name it and the query that reads by
   * it (`q.sql`, `tree.csv:5`): files a run writes where one matches would be read by the next run.
   */
  patterns?: readonly { pattern: string; label: string; query: string }[];
  /** For `runs publish` and `rollback`, which write LATEST into the folder: said so (compute's run otherwise). */
  action?: "publish" | "rollback";
  /** How far the links the globs go through are looked for: `LINK_SEARCH_LIMITS` unless given (tests give smaller ones). */
  linkSearchLimits?: { entries: number; depth: number };
}

/**
 * Names of what a run writes directly in its runs folder, one of each kind: `LATEST` and its temporary file, the
 * publication history, the lock and its files, a staging folder, a run folder (a run id).
 */
const RUNS_OWN_SAMPLES = [LATEST_FILE, ".LATEST.12345.tmp", PUBLICATION_HISTORY_FILE, LOCK_FILE, ".lock.12345.tmp", ".lock.12345.stale", `${STAGING_PREFIX}20260101T000000.000Z-0123abcd`, "20260101T000000.000Z-0123abcd"];

/** Whether a path segment holds a wildcard DuckDB's glob reads (`*`, `?`, `[…]`). */
const WILDCARD = /[*?[]/;

/** Whether the one path segment `name` is matched by the glob segment `pattern` (`*` and `?` within it, `[…]`, `[!…]`). */
function segmentMatches(pattern: string, name: string): boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i];
    const close = character === "[" ? pattern.indexOf("]", i + 2) : -1;
    if (character === "*") source += ".*";
    else if (character === "?") source += ".";
    else if (close > 0) {
      const inside = pattern.slice(i + 1, close);
      source += `[${inside.startsWith("!") ? `^${inside.slice(1)}` : inside}]`.replace(/\\/g, "\\\\");
      i = close;
    } else source += character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${source}$`, "s").test(name);
  } catch {
    return true; // a class this reading gets wrong is taken to match: refused rather than read
  }
}

/** Whether `name`, a path segment with no wildcard, is one a run writes directly in its runs folder (a file, or a run or staging folder). */
function isRunsOwnName(name: string): boolean {
  return isRunsOwnPath(name) || isRunId(name) || name.startsWith(STAGING_PREFIX);
}

/**
 * The segments DuckDB reads the glob `pattern` by, after its root (`/`, `C:\`): DuckDB splits a glob at `/` and at `\`
 * alike, on every platform (DuckDB 1.5's `LocalFileSystem::Glob`: on Linux, `read_csv('data\x/*.csv')` reads
 * `data/x/*.csv`, not the files of a folder named `data\x`; a `\` is no escape there either, `q\*.csv` reading
 * `q/*.csv`), `.` left out and `..` taking off the segment before it, as the file system reads them.
 */
export function globSegments(pattern: string, platform: NodeJS.Platform = process.platform): { root: string; segments: string[] } {
  const root = (platform === "win32" ? win32 : posix).parse(pattern).root;
  const segments: string[] = [];
  for (const segment of pattern.slice(root.length).split(/[\\/]+/))
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  return { root, segments };
}

/**
 * The folders of the path `path`, its root's name (`C:`) first: split at `/`, and on Windows at `\` too; on Linux and
 * macOS a `\` is a character of a folder's name (`runs\2026` is one folder), as the file system reads it.
 */
function folderSegments(path: string, platform: NodeJS.Platform): string[] {
  return path.split(platform === "win32" ? /[\\/]+/ : /\/+/).filter((segment) => segment !== "");
}

/** The segments of the root `root` of a glob (`C:` of `C:\`, none of `/`), to compare with a folder's (`folderSegments`). */
const rootSegments = (root: string) => root.split(/[\\/]+/).filter((segment) => segment !== "");

/**
 * Whether the glob `pattern` (absolute, its folders' real paths) can match a file a run writes in the runs folder
 * `runsReal` (a real path), so that the next run's query would read it. The pattern is read as DuckDB reads it
 * (`globSegments`: `\` separates its folders on every platform), the runs folder as the file system of `platform` does
 * (`folderSegments`). The rule, sound and simple:
 * - a folder the pattern's folder part matches (`data` for `data/*`, `data/x` for `data/*` + `/…`), when its file part
 *   may name what a run writes there (`*`, `LATEST`, `.lock*`, `*.csv`, which names `PUBLISHED.log`: `RUNS_OWN_SAMPLES`;
 *   not `*.parquet`);
 * - with `**` (any depth), any folder at or under the part before it (`data`, `data/runs` for `data/**` + `/*.csv`),
 *   when its file part may name what a run writes there or in a run folder (`*.csv` names index.csv);
 * - a folder above the pattern's folder part, when the pattern's next segment may name what a run writes there (a
 *   wildcard, `LATEST`, a run id): the pattern then reaches into the run folders (`data` for `data/*` + `/index.csv`);
 * - a folder below the folder part, without `**`, is out of the pattern's reach (`data/runs` for `data/*.csv`: a
 *   single-level `*` matches no `/`), and accepted.
 */
export function globReachesRuns(pattern: string, runsReal: string, platform: NodeJS.Platform = process.platform): boolean {
  const { root, segments } = globSegments(pattern, platform);
  return segmentsReachRuns([...rootSegments(root), ...segments], folderSegments(runsReal, platform));
}

/** `globReachesRuns` of the glob's segments `parts` (its root's first) and the runs folder's `runs`. */
function segmentsReachRuns(parts: readonly string[], runs: readonly string[]): boolean {
  if (parts.length === 0) return false;
  const recursive = parts.findIndex((part) => part.includes("**"));
  // The segments that must match the runs folder's: up to `**`, or the folder part.
  const folder = recursive >= 0 ? parts.slice(0, recursive) : parts.slice(0, -1);
  for (let i = 0; i < Math.min(folder.length, runs.length); i++) if (!segmentMatches(folder[i], runs[i])) return false;
  // The runs folder is one the pattern reads files of: refused when its file part may name a file a run writes there.
  const name = parts[parts.length - 1];
  if (runs.length === folder.length && recursive < 0) return RUNS_OWN_SAMPLES.some((sample) => segmentMatches(name, sample));
  // Under `**`, any file in the runs folder or its run folders.
  if (runs.length >= folder.length) return recursive >= 0 && (name.includes("**") || [...RUNS_OWN_SAMPLES, ...RUN_FILE_NAMES].some((sample) => segmentMatches(name, sample)));
  const next = folder[runs.length];
  return WILDCARD.test(next) || isRunsOwnName(next);
}

/**
 * How far the links a glob goes through are looked for (`globLinkToRuns`): the folder entries read in all, and how
 * many folders deep below the glob's fixed part (`data` of `data/**` + `/*.csv`). Past either, the folders left are
 * not looked in, and a warning `W_RUNS_LINKS_UNCHECKED` says so: a search of every folder under a large tree could take
 * minutes before the run starts.
 */
export const LINK_SEARCH_LIMITS = { entries: 100_000, depth: 64 } as const;

/** A link to the runs folder (or into it, or to a folder holding it) that a glob goes through (`globLinkToRuns`). */
export interface LinkToRuns {
  /** The link's segments below the glob's fixed part (`old` of `data/old`, for `data/*` + `/*` + `/*.csv`). */
  via: string[];
  /** Where it points, as it is written (`../runs`). */
  target: string;
  /** The runs folder itself, a folder in it, or a folder that holds it. */
  relation: "is" | "inside" | "above";
}

/** How `real` stands to the runs folder `runsReal` (real paths): the runs folder, in it, above it, or apart. */
function relationToRuns(real: string, runsReal: string): LinkToRuns["relation"] | undefined {
  const within = (inner: string, outer: string) => {
    const inside = relative(outer, inner);
    return !(inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside));
  };
  if (relative(runsReal, real) === "") return "is";
  if (within(real, runsReal)) return "inside";
  return within(runsReal, real) ? "above" : undefined;
}

/**
 * The first link (a symbolic link, or a Windows junction) to a folder that the glob with the fixed part `fixedReal` (a
 * real path: `data` of `data/*` + `/*.csv`) and the wildcard segments `rest` (`globSegments` from the first with a
 * wildcard) goes through, whose real folder is the runs folder `runsReal` (a real path), in it, or holds it, when the
 * rest of the glob read from there can match a file a run writes (`segmentsReachRuns`: a link `data/old` to the runs
 * folder read by `data/*` + `/*` + `/*.csv`, whose `*` + `/index.csv` reaches the run folders; not by `data/*` +
 * `/*.csv`, which reads only the runs folder's own files, none of them a `.csv`). The folders a glob goes into are those
 * each wildcard segment but the last matches (the last matches files), and for `**` every folder below, links followed
 * (DuckDB 1.5 follows no link below `**`, but other versions may: taken as if it did, refused rather than read); each
 * real folder is looked in once for each place in the glob, so that a link to a folder above it ends. Bounded by
 * `limits` (`LINK_SEARCH_LIMITS`): `limited` says which ran out, the folders left not looked in. What cannot be read
 * (a folder gone, one without permission) is passed over: DuckDB reads nothing there either.
 */
export function globLinkToRuns(
  fixedReal: string,
  rest: readonly string[],
  runsReal: string,
  limits: { entries: number; depth: number } = LINK_SEARCH_LIMITS,
): { link?: LinkToRuns; limited?: "entries" | "depth" } {
  if (rest.length === 0) return {};
  const runs = folderSegments(runsReal, process.platform);
  const stack: { folder: string; via: string[]; index: number }[] = [{ folder: fixedReal, via: [], index: 0 }];
  const seen = new Set<string>();
  let entries = 0;
  let limited: "entries" | "depth" | undefined;
  while (stack.length > 0) {
    const { folder, via, index } = stack.pop()!;
    const key = `${index}\0${folder}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segment = rest[index];
    const recursive = segment.includes("**");
    const last = index === rest.length - 1;
    // `**` matching no folder: the next segment read here.
    if (recursive && !last) stack.push({ folder, via, index: index + 1 });
    // The last segment matches files (but `**`, every folder below).
    if (last && !recursive) continue;
    if (via.length >= limits.depth) {
      limited ??= "depth";
      continue;
    }
    let listed: Dirent[];
    try {
      listed = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries + listed.length > limits.entries) return { limited: "entries" };
    entries += listed.length;
    const next = recursive ? index : index + 1;
    for (const entry of listed) {
      if (!recursive && !segmentMatches(segment, entry.name)) continue;
      const path = join(folder, entry.name);
      // A file system that does not give the kind with the name (DT_UNKNOWN) is asked.
      const known = entry.isDirectory() || entry.isSymbolicLink() || entry.isFile() ? entry : lstatSafe(path);
      if (known?.isDirectory()) stack.push({ folder: path, via: [...via, entry.name], index: next });
      if (!known?.isSymbolicLink()) continue;
      let real: string;
      try {
        real = realpathSync.native(path);
        if (!statSync(real).isDirectory()) continue;
      } catch {
        continue; // a broken link, or one to a file: no folder to read
      }
      const relation = relationToRuns(real, runsReal);
      if (relation !== undefined && segmentsReachRuns([...folderSegments(real, process.platform), ...rest.slice(next)], runs))
        return { link: { via: [...via, entry.name], target: readlinkSafe(path) ?? real, relation } };
      stack.push({ folder: real, via: [...via, entry.name], index: next });
    }
  }
  return limited === undefined ? {} : { limited };
}

/** `lstatSync`, or nothing for a file that cannot be looked at. */
function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Where the link `path` points, as written in it; nothing when it cannot be read. */
function readlinkSafe(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/**
 * How messages name the link `via` (segments below the fixed part of the glob `pattern`, `globSegments`): the pattern's
 * `label` (`data/*` + `/*.csv`, as messages name it, `/` between folders) with its wildcard part replaced by the link's
 * segments (`data/old`); the fixed part joined with them when the label does not end in the wildcard part.
 */
function linkLabel(label: string, fixed: string, wildcards: readonly string[], via: readonly string[]): string {
  const parts = label.split(/[\\/]/);
  const tail = parts.slice(-wildcards.length);
  if (parts.length >= wildcards.length && tail.join("/") === wildcards.join("/")) return [...parts.slice(0, parts.length - wildcards.length), ...via].join("/");
  return join(fixed, ...via);
}

/**
 * Throws `OutputError` `E_OUT_IS_INPUT` when the runs folder is the values folder (`runs: data` beside `values: data`:
 * the `LATEST` written there would be read as values by the next run; a subfolder, `runs: data/runs`, is not read and
 * is accepted), an input file itself, or a folder where a run writes or removes a file that is an input
 * (`isRunsOwnPath`: `indicators: runs/LATEST`), or a folder a query's glob reaches (`globReachesRuns`: `runs: data`
 * beside `read_csv('data/*.csv')`, whose next run would read what this one writes there), or one a glob reaches through a
 * link among the folders it reads (`globLinkToRuns`: `data/old` to `../runs` beside `data/*` + `/*` + `/*.csv`).
 * Paths are compared by their real paths (a link to the values folder is that folder, and so is one to the runs
 * folder); a glob's folders as DuckDB reads them (`globSegments`). `action`: publish and rollback say so in their
 * messages. Returns the warnings `W_RUNS_LINKS_UNCHECKED` of the globs whose folders were not all looked in for links
 * (`LINK_SEARCH_LIMITS`, or `linkSearchLimits`).
 */
export function refuseRunsOnInputs({ runsDir, runs, where, valuesAt, values, inputs, patterns = [], action, linkSearchLimits }: RunsAndInputs): Issue[] {
  const runsReal = realPath(runsDir);
  const isFolder = (() => {
    try {
      return statSync(values).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isFolder && realPath(values) === runsReal)
    throw new OutputError(
      "E_OUT_IS_INPUT",
      action === undefined || valuesAt !== undefined ? outputMessages.runsIsValuesFolder(where, runs, valuesAt) : outputMessages.runsToPublishIsValuesFolder(action, where, runs),
    );
  const isInput = (label: string, itself: boolean) =>
    new OutputError("E_OUT_IS_INPUT", action === undefined ? outputMessages.runsIsInput(where, runs, label, itself) : outputMessages.runsToPublishIsInput(action, where, runs, label, itself));
  for (const input of inputs) {
    const inside = relative(runsReal, realPath(input.path));
    if (inside === "") throw isInput(input.label, true);
    const outside = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
    if (!outside && isRunsOwnPath(inside)) throw isInput(input.label, false);
  }
  const warnings: Issue[] = [];
  const platform = process.platform;
  for (const { pattern, label, query } of patterns) {
    // The fixed part (`data` of `data/*.csv`) by its real path, as the file system follows its links; the rest as written.
    const { root, segments } = globSegments(pattern, platform);
    const first = segments.findIndex((segment) => WILDCARD.test(segment));
    const wildcards = first < 0 ? [] : segments.slice(first);
    const fixed = join(root, ...segments.slice(0, first < 0 ? segments.length : first));
    const fixedReal = realPath(fixed);
    if (segmentsReachRuns([...folderSegments(fixedReal, platform), ...wildcards], folderSegments(runsReal, platform)))
      throw new OutputError("E_OUT_IS_INPUT", outputMessages.runsMatchedByQuery(where, runs, query, label, action));
    if (wildcards.length === 0) continue;
    const { link, limited } = globLinkToRuns(fixedReal, wildcards, runsReal, linkSearchLimits);
    if (link)
      throw new OutputError(
        "E_OUT_IS_INPUT",
        outputMessages.runsReachedThroughLink(where, runs, query, label, linkLabel(label, fixed, wildcards, link.via), link.target, link.relation, action),
      );
    if (limited) {
      const limits = linkSearchLimits ?? LINK_SEARCH_LIMITS;
      warnings.push({ code: "W_RUNS_LINKS_UNCHECKED", source: query, message: outputMessages.runsLinksUnchecked(where, runs, query, label, limited, limits[limited]) });
    }
  }
  return warnings;
}
