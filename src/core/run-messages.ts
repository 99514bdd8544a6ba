/**
 * Messages of run folders read back and written (src/io/runs, src/io/write), of the dashboard reading uncertainty.csv
 * (src/io/report) and of a project file's keys (src/io/project). Shape: `<file>: <what is wrong>; expected <what>`.
 */
import { formatCount } from "./limit-messages.js";
import { catalogue } from "./localize.js";
import { describeFound } from "./project-messages.js";
import { quote } from "./quote.js";
import { didYouMean } from "./suggest.js";
import { diskFull, openElsewhere, type FileSizeLimit } from "./system-errors.js";

/** A list of `index.json` that is not what compute writes (`indexJsonBadList`). */
export type IndexJsonList = "units" | "years" | "nodes";

/** What makes a `manifest.json` not one compute wrote (`manifestDefect`). */
export type ManifestDefect = "object" | "fingerprint" | "outputs" | "inputs";

/** The kinds of value a project file's key may expect, as zod names them (`int` for a whole number). */
export type ExpectedType = "string" | "int" | "number" | "boolean" | "object" | "array";

const INDEX_JSON_LISTS: Readonly<Record<IndexJsonList, string>> = {
  units: `"units" is not a list of texts`,
  years: `"years" is not a list of whole numbers`,
  nodes: `"nodes" is not a list of nodes with a code`,
};

const MANIFEST_DEFECTS: Readonly<Record<ManifestDefect, string>> = {
  object: "not a JSON object",
  fingerprint: `no "fingerprint"`,
  outputs: `"outputs" is not a list of files with path, bytes and sha256`,
  inputs: `"inputs" is not a list of files with path, bytes and sha256`,
};

/** The keys of a project file that take a text or another form (a list, a number), by what they expect (`expectedForm`). */
export type ExpectedForm = "range" | "z-scale" | "performance-groups" | "weight-years" | "weight-units" | "sheet" | "memory-limit" | "year";

const EXPECTED_FORMS: Readonly<Record<ExpectedForm, string>> = {
  range: `two numbers LOW,HIGH with LOW < HIGH: a text such as "1,100" or a list such as [1, 100]`,
  "z-scale": `two numbers MEAN,SD with SD > 0: a text such as "0,1" or a list such as [0, 1]`,
  "performance-groups": `three numbers LEADER,STRONG,MODERATE in % of the reference, decreasing and positive: a text such as "125,100,70" or a list such as [125, 100, 70]`,
  "weight-years": `years of the data: a year such as 2018, a text such as "2017-2020" or "2018,2019", or a list of years such as [2018, 2019]`,
  "weight-units": `units of the data: a comma-separated text such as "U1,U2" or a list of texts such as [U1, U2] (a unit named by a number in quotes: "320400")`,
  sheet: "a sheet's name (a text) or its number, counting from 1 (a whole number)",
  "memory-limit": `a size such as "8GB" or "512MB" (a text), or a number of bytes (a whole number from 1)`,
  year: "a year from 1000 to 9999, such as 2017, or written as the values write it, such as 2017年",
};

const EXPECTED_TYPES: Readonly<Record<ExpectedType, string>> = {
  string: "a text",
  int: "a whole number",
  number: "a number",
  boolean: "true or false",
  object: "a block of keys",
  array: "a list",
};

/** What `runs rollback` does, for the refusals that find nothing to go back to: it takes no run, unlike diff. */
const ROLLBACK_HINT =
  "runs rollback takes no run: it publishes the run the published one records as previous; to publish another run, use innovation-index runs publish <run-id>";

/** An example of a run id, for the messages that expected one. */
const RUN_ID_EXAMPLE = "20260301T020000.123Z-1a2b3c4d";

/** What a file named by a run id is (`file`: a regular file; else a pipe, a socket, a device): `notRunFolder`, `publishNotFolder`. */
const NOT_RUN_FOLDER = (file: boolean) => `${file ? "a file" : "a special file (neither a folder nor a regular file)"}, not a run folder`;

/**
 * A write that failed with EFBIG, in parentheses, then what was expected: the process's file-size limit reached
 * (`ulimit -f`, `sizeLimit` bytes), or, with none (`"unlimited"`), the file system's largest file (FAT32 takes files
 * under 4 GiB), or either when the limit is not known; `what` fits in the limit expected (the outputs, the lock file).
 * For output-messages.ts's `writeFailed` and this file's `lockNotCreated`.
 */
export function fileTooLarge(sizeLimit: FileSizeLimit, what: "outputs" | "lock"): string {
  const fits = what === "outputs" ? "the outputs fit in" : "the lock file fits in";
  return typeof sizeLimit === "number"
    ? `(EFBIG: the file reached ${formatCount(sizeLimit)} bytes, the file-size limit of this process, ulimit -f); expected a file-size limit ${fits}: raise it (ulimit -f unlimited) and run again`
    : sizeLimit === "unlimited"
      ? "(EFBIG: the file is larger than the file system takes; FAT32 takes files under 4 GiB); expected a folder on a file system that takes larger files (NTFS, exFAT, ext4, APFS)"
      : `(EFBIG: the file reached the file-size limit of this process, ulimit -f, or of the file system); expected a file-size limit ${fits}: raise it (ulimit -f unlimited), or write on a file system that takes larger files`;
}

/**
 * A file system's code with its meaning in words where a person may not know it (`ENOSPC: no space left on the disk`),
 * for these messages and output-messages.ts.
 */
export function systemCode(code: string): string {
  const words: Readonly<Record<string, string>> = {
    ENOSPC: "no space left on the disk",
    EDQUOT: "disk quota exceeded",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
  };
  return words[code] ? `${code}: ${words[code]}` : code;
}

export const runMessages = catalogue("runMessages", {
  // index.json and manifest.json of a run folder read back (src/io/runs/run-files.ts, run-values.ts, run-parquet.ts)
  indexJsonNotJson: (source: string) => `${source}: not valid JSON; expected the index.json written by compute`,
  indexJsonNoResults: (source: string) => `${source}: no "results"; expected the index.json written by compute`,
  indexJsonBadList: (source: string, list: IndexJsonList) => `${source}: ${INDEX_JSON_LISTS[list]}; expected the index.json written by compute`,
  resultsInParquet: (source: string, files: readonly string[]) =>
    `${source}: the results are in ${files.join(", ")}, not in index.json; expected them read with the run folder (readRun)`,
  noIndexJson: (label: string) => `${label}: no index.json; expected a run folder (or a folder written by compute --out)`,
  tooManyRunValues: (label: string, size: number) => `${label}/index.json: ${size} values (units × years × nodes); expected fewer than 2^31`,
  /** What `manifestNotRunManifest` of output-messages.ts names: why a manifest.json is not one compute wrote. */
  manifestDefect: (defect: ManifestDefect) => MANIFEST_DEFECTS[defect],

  // Folders written (src/io/runs/runs.ts, src/io/write/folder-lock.ts); `code` is the file system's (EACCES, ...)
  runsFolderNotCreated: (label: string, code: string | undefined) => `${label}: cannot create the runs folder (${code}); expected a writable folder`,
  /**
   * `lockLabel`: the lock file, as `<folder>/<name>` (a full disk and, with `sizeLimit`, a file-size limit, EFBIG, are
   * said as outputMessages.writeFailed says them).
   */
  lockNotCreated: (lockLabel: string, code: string, sizeLimit?: FileSizeLimit) =>
    code === "EFBIG"
      ? `${lockLabel}: cannot create the lock file ${fileTooLarge(sizeLimit, "lock")}`
      : `${lockLabel}: cannot create the lock file (${systemCode(code)}); expected a writable folder${diskFull(code) ? " with room for the lock file" : ""}`,

  // uncertainty.csv read back for the dashboard (src/io/report/dashboard/uncertainty.ts)
  uncertaintyMissingColumn: (source: string, column: string, columns: readonly string[]) =>
    `${source}: no column ${quote(column)}; expected the columns of uncertainty.csv: ${columns.join(", ")}`,
  uncertaintyUnknownCell: (source: string, line: number, unit: string, year: string) =>
    `${source}:${line}: unit ${quote(unit)} in year ${quote(year)} is not in the index; expected a unit and year of the data (run uncertainty on the same inputs)`,
  uncertaintyBadNumber: (source: string, line: number, column: string, value: string) =>
    `${source}:${line}: column ${quote(column)} is not a number ${quote(value)}; expected a decimal number or an empty cell`,

  // A project file's keys (src/io/project): what a key expects, for `badKey` and `missingKey` of project-messages.ts
  expectedType: (type: ExpectedType) => EXPECTED_TYPES[type],
  expectedOneOf: (names: readonly string[], found: unknown) => `one of: ${names.join(", ")}${typeof found === "string" ? didYouMean(found, names) : ""}`,
  expectedNonEmpty: (origin: "string" | "array") => (origin === "string" ? "a non-empty text" : "a non-empty list"),
  expectedNumberBound: (relation: ">" | ">=" | "<" | "<=", bound: number | bigint) => `a number ${relation} ${bound}`,
  expectedMethodList: (allowed: readonly string[]) => `a list of one or more of: ${allowed.join(", ")}, each once (or the same comma-separated)`,
  /** What a key that takes a text or another form (a list, a number) expects. */
  expectedForm: (form: ExpectedForm) => EXPECTED_FORMS[form],
  /** A key refused by a rule of its own (`reason`, zod's message or `bootstrapResamples`). */
  keyRefused: (path: string, found: unknown, reason: string) => `${path}: found ${describeFound(found)}; ${reason}`,
  bootstrapResamples: () => "expected 0 (no intervals) or at least 2 resamples",

  // What the repair of a run folder's reports did (src/io/runs/run-reports.ts), for `outputMessages.reportLeftover`.
  /** A report's file put in place from the temporary (`completed`) or earlier (`restored`) copy a stopped report left. */
  reportFileRepaired: (how: "completed" | "restored", path: string, from: string) => `${how} ${path} from ${from}`,
  reportFileRemoved: (path: string) => `removed ${path}`,

  // Publishing a kept run, or going back to the previous one (src/io/runs/publish-run.ts, innovation-index runs)
  runsNoProject: () => `no index.yaml here; expected a project folder, --project FILE or --runs DIR`,
  publishWhich: () => `runs publish needs the run to publish; expected a run id, or its start, as innovation-index runs lists them`,
  runNotExpected: (action: string, found: string) =>
    `runs ${action} takes no run, found ${quote(found)}; expected innovation-index runs publish <run-id> to publish a given run`,
  publishUnknownRun: (reference: string, runsLabel: string, known: readonly string[]) =>
    `unknown run ${quote(reference)} in ${runsLabel}; expected a run id of that folder (${known.slice(-3).join(", ") || "no runs yet"}) or the start of one`,
  publishStaging: (label: string) =>
    `${label}: a staging folder (a run being written, or one that stopped before it finished), which is never published; expected a run folder, named by its run id`,
  /**
   * A file named by a run id in the runs folder, which holds no run: `file`, a regular file; else another kind that is
   * not a folder (a pipe, a socket, a device). Said by runs publish and verify; `notRunFolder` is its note in the list
   * of runs, and `latestNamesNotRunFolder` of output-messages.ts says it of a `LATEST` naming it.
   */
  publishNotFolder: (label: string, file: boolean) =>
    `${label}: ${NOT_RUN_FOLDER(file)}, so there is no run in it to verify or publish; expected a folder written by compute, named by its run id (move the file out of the runs folder)`,
  /** What a file named by a run id is, as `publishNotFolder` says it: the note of the list of runs, and of `LATEST` naming it. */
  notRunFolder: (file: boolean) => NOT_RUN_FOLDER(file),
  publishUnreachable: (label: string, target: string) =>
    `${label}: a link to ${quote(target)}, which is not a folder (is its disk mounted?), so the run cannot be verified; expected the run reachable before it is published`,
  /** `problems`: the lines of `verify` printed before this message (files that differ, manifest fields that disagree). */
  publishUnverified: (runLabel: string, problems: number, id: string, latestLabel: string) =>
    `${runLabel}: not published, as verify finds ${problems} problem${problems === 1 ? "" : "s"} in it (listed above; innovation-index verify ${id} lists them again); expected a run whose files match its manifest.json and whose manifest agrees with itself; ${latestLabel} was left as it was`,
  /**
   * `before`: the run `LATEST` named; `held`, when it named none: what it held instead of a run id (trimmed; `""` for
   * an empty file); both `undefined`: it was missing.
   */
  published: (latestLabel: string, before: string | undefined, after: string, held?: string) =>
    `${latestLabel} ${
      before !== undefined
        ? `named run ${before}`
        : held === undefined
          ? "was missing"
          : `held ${held === "" ? "nothing" : quote(held)} instead of a run id (such as ${RUN_ID_EXAMPLE})`
    } and now names run ${after}`,
  /** After LATEST went back from run `later` to the earlier run `id`. */
  publishedEarlier: (id: string, later: string) =>
    `note: the next compute compares the inputs with run ${id}; unless they are restored to those run ${id} was made from, it computes them again and publishes a run like ${later}`,
  alreadyPublished: (latestLabel: string, id: string) => `${latestLabel} already names run ${id}; nothing changed`,
  /** `reason`: the system's code (EISDIR when LATEST is a folder, EPERM, ENOSPC). */
  publishNotMoved: (latestLabel: string, id: string, reason: string) =>
    `${latestLabel} could not be moved to run ${id} (${reason}); it was left as it was; expected ${latestLabel} a file in a writable runs folder`,
  noRunToRollBack: (runsLabel: string) => `${runsLabel} has no published run; expected one to go back from (run innovation-index compute first)`,
  /** `recorded`: the manifest records `previous: null`; else it records no `previous` at all (an older version's). */
  noPreviousToRollBack: (manifestLabel: string, latest: string, recorded: boolean) =>
    `${manifestLabel}: the published run ${latest} ${
      recorded ? "has no previous run (the project's first run, or one made while LATEST named no usable run)" : "records no previous run (made by an older version)"
    }; expected a previous run to go back to (${ROLLBACK_HINT})`,
  /** `problem`: what is wrong with `LATEST` (`latestNotRunId`, `latestNamesMissingRun`, `latestMissing` of output-messages.ts). */
  rollbackBadLatest: (problem: string) => `${problem}; expected it to name the published run, to go back from (${ROLLBACK_HINT})`,
  /** The `previous` of the published run's manifest (`found`, as JSON) names no earlier run folder of `runs`. */
  rollbackPreviousUnusable: (manifestLabel: string, found: string, runs: string) =>
    `${manifestLabel}: "previous" is ${found}, which names no earlier run folder in ${runs}; expected the id of the run published before it, as compute records it (${ROLLBACK_HINT})`,

  // The publication history runs/PUBLISHED.log (src/io/runs/publication-history.ts), written before each move of LATEST
  /**
   * The line of the move of `LATEST` to run `id` could not be appended (`reason`: the system's code; EBUSY, EPERM or
   * EACCES for a file another program holds open, ENOSPC for a full disk); `kept`: compute's run, complete, is kept.
   */
  historyNotWritten: (historyLabel: string, latestLabel: string, id: string, reason: string, kept: boolean) =>
    `${historyLabel}: cannot record the publication of run ${id} (${reason}), so ${latestLabel} was left as it was (it moves only once its line is on the disk)${
      kept ? `; the run folder is kept, unpublished (innovation-index runs publish ${id} publishes it)` : ""
    }; expected a file the publication history can be appended to${
      openElsewhere(reason)
        ? ": close it in any program that has it open (Excel), or give write rights to it"
        : diskFull(reason)
          ? ": free some space on the disk"
          : reason === "ELOOP"
            ? ": it is a link, which the history never follows; put the file itself in its place"
            : ""
    }`,
  /** The history could not be read at all (`reason`: the system's code, EACCES, EISDIR). */
  historyUnreadable: (historyLabel: string, reason: string) =>
    `${historyLabel} cannot be read (${reason}), so the runs are listed without their publication history; expected a readable file, which compute, runs publish and runs rollback append to`,
  /**
   * Line `line` of the history (`found`) is not one the tool writes, and is skipped; `cutShort`: the last line, without
   * its line end (a write stopped by a crash).
   */
  historyLineSkipped: (historyLabel: string, line: number, found: string, cutShort: boolean) =>
    `${historyLabel}:${line}: ${
      cutShort ? `a line cut short (no line end: its write was stopped by a crash, a kill or a full disk), ${quote(found)}` : `found ${quote(found)}`
    }; skipped, the other lines are read and the file is left as it is; expected time,action,before,after,state as the tool writes them (a time in ISO 8601 UTC, compute, publish or rollback, run ids, moving or moved): delete the line by hand to stop this warning`,
});
