import { formatCount } from "./limit-messages.js";
import { catalogue } from "./localize.js";
import { quote as quoteInput } from "./quote.js";
import { fileTooLarge, runMessages, systemCode } from "./run-messages.js";
import { diskFull, openElsewhere, type FileSizeLimit } from "./system-errors.js";
/**
 * The messages of writing outputs and of run folders (staging, `LATEST`, manifests, `verify`), as functions of what
 * they name (see `messages.ts` for the shape: `<where>: <what went wrong> "<found>"; expected <what>`).
 */
const quote = (value: string) => JSON.stringify(value);

/** The runs folder as set at `where`: `index.yaml:4: runs: "data"`, or the flag that gave it, `--runs "data"`. */
const runsNamed = (where: string, runs: string) => (where.startsWith("--") ? `${where} ${quote(runs)}` : `${where}: runs: ${quote(runs)}`);

/** Why a folder could not be created, in words, by the file system's code. */
function folderProblem(code: string): string {
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return "a file of that name, or of one of its parents, is in the way";
    case "ENOENT":
      return "the file system does not let a folder be created there";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    default:
      return "the file system refused";
  }
}

/** What the revision summary and `--if-changed` do when the latest run cannot be used. */
const LATEST_CONSEQUENCE = "treated as no previous run for --if-changed and the revision summary; no run folder was removed";

/** Where the file a `--out` named like a file (by its extension) is written instead: inside the folder (`outFileName`). */
const OUT_FILE_HINTS: Readonly<Record<string, (folder: string) => string>> = {
  html: (folder) => ` (compute --report --out ${folder} writes the report as ${folder}/report.html)`,
  htm: (folder) => ` (compute --report --out ${folder} writes the report as ${folder}/report.html)`,
  xlsx: (folder) => ` (compute --xlsx --out ${folder} writes every table as ${folder}/index.xlsx)`,
  xls: (folder) => ` (compute --xlsx --out ${folder} writes every table as ${folder}/index.xlsx)`,
  csv: (folder) => ` (the CSV tables are written in it, ${folder}/index.csv and the others; --out - prints one on stdout)`,
  tsv: (folder) => ` (the CSV tables are written in it, ${folder}/index.csv and the others; --out - prints one on stdout)`,
  json: (folder) => ` (compute writes ${folder}/index.json; --out - --format json prints it on stdout)`,
  parquet: (folder) => ` (compute --parquet --out ${folder} writes ${folder}/index.parquet)`,
};

/** What a run folder that is a link whose target is gone points to, after the words saying it is not there. */
/**
 * Why an entry of the runs folder named by a run id is not provably a run of this tool (`foreignRunFolder`): a file;
 * a manifest.json that is missing or not one compute writes (`problem`: `is missing`, `is not valid JSON (…)`, …);
 * a manifest recording another run id (`recorded`: a run copied or renamed); or a fingerprint that does not begin with
 * the 8 hex digits that end the name (`expected`).
 */
export type NotOwnRun =
  | { kind: "file" }
  | { kind: "manifest"; problem: string }
  | { kind: "other run"; recorded: string }
  | { kind: "fingerprint"; fingerprint: string; expected: string };

const brokenLink = (target: string | undefined) => (target === undefined ? "" : ` (a link to ${quote(target)}, which is not a folder: is its disk mounted?)`);

export const outputMessages = catalogue("outputMessages", {
  /** `--out` of a command whose file's extension chooses its format, with another extension (`found`, "" for none). */
  outExtension: (out: string, found: string, extensions: readonly string[]) =>
    `--out ${quote(out)} ${found === "" ? "has no extension" : `ends in .${found}`}; expected a name ending in ${extensions
      .map((extension) => `.${extension}`)
      .join(", ")
      .replace(/, ([^,]*)$/, " or $1")}`,
  /** `--out`'s extension and an explicit `--format` name different formats. */
  outExtensionDisagrees: (out: string, extension: string, format: string) =>
    `--out ${quote(out)} ends in .${extension}, but --format is ${format}; expected a name ending in .${format}, or no --format (the extension chooses the format)`,
  outIsRun: (label: string, run?: string) =>
    `${label} is ${run === undefined ? "a run folder" : `inside the run folder ${run}`} (it holds manifest.json and index.json, or is named by a run id in a runs folder), and a run's files are never overwritten or added to; expected another --out (in a project, \`report --run ID\` adds report.html to a run and lists it in its reports.json)`,
  outNotOurs: (file: string, record: string) =>
    `${file} exists, and innovation-index did not write it or it has changed since (the folder's ${record} does not list it as it is), so it is not replaced; expected a folder without it: move it away, or give another --out`,
  /** An output that was the tool's own when checked, edited (or made) while the command wrote. */
  outChanged: (file: string) =>
    `${file} changed while the command wrote its outputs (edited, or made, since it was checked as innovation-index's own), so it is not replaced, and every output is as it was before; expected the folder's files left alone while a command writes: run again once the file is saved, or move it away first`,
  outIsInput: (label: string) =>
    `${label} is an input of this command (it was read as the indicator tree, the values or another input), and an input is never overwritten; expected another --out`,
  nameTooLong: (label: string, bytes: number) =>
    `${label}: cannot write the output (ENAMETOOLONG): a file name of ${bytes} bytes is written first under a temporary name about 12 bytes longer (.<name>.<pid>.tmp), over the 255 bytes most file systems allow; expected a name of at most about 240 bytes (80 Chinese characters)`,
  staleRemoved: (names: readonly string[], label: string, command: string) =>
    `removed ${names.join(", ")} from ${label}: written there by an earlier ${command}, unchanged, and not written by this one, so no longer its output\n`,
  temporaryReplaced: (label: string) =>
    `${label}: a temporary file of this command was replaced (by a link, or a file with another name) while the outputs were being written; nothing was written through it and no output was changed; expected no other process writing in the folder, so run again`,
  temporaryInTheWay: (path: string, what: string) =>
    `${path} is ${what} in the way of a temporary file this command writes (it never writes through a link); expected nothing of that name, so move it away`,
  outIsRoot: (label: string, file = false) =>
    `${label} ${file ? "is in" : "is"} the root of the file system, which holds the system's own folders; expected ${file ? "a file in a folder" : "a folder for the outputs"}, such as ${file ? "out/" + label.split(/[\\/]/).pop() : "out"}`,
  /**
   * A folder-writing command's `--out` (`label`) that does not exist as a folder and whose name ends in a file
   * extension (`extension`, without the dot): `--out 报告.html` would make a folder named like a file. `folder` is the
   * name without the extension, offered instead; the hint says where the file asked for is written. `argument` is how
   * the command line names the folder (`--out`, or `init [dir]`).
   */
  outFileName: (label: string, extension: string, folder: string, argument = "--out") =>
    `${argument} names a folder, and ${quote(label)} looks like a file name (it ends in .${extension}); expected a folder such as ${quote(folder)}` +
    `${argument === "--out" ? (OUT_FILE_HINTS[extension.toLowerCase()]?.(folder) ?? "") : ""}\n` +
    `to name a folder ${quote(label)} all the same, create it first or end the name with /`,
  outIsValuesFolder: (label: string) =>
    `${label} is the values folder this command read, whose files are all read as values: outputs written there would be read as values next time; expected another --out`,
  /**
   * A project's `runs:` (at `where`, `index.yaml:4`) that is the values folder its run reads; or, with `valuesAt` (where
   * the project file sets `values:`, `index.yaml:3`), the runs folder given by the flag `where` (`--runs`) on the
   * command line of `runs publish` or `rollback`.
   */
  runsIsValuesFolder: (where: string, runs: string, valuesAt?: string) =>
    valuesAt === undefined
      ? `${where}: runs: ${quote(runs)} is the values folder this run reads, whose files are all read as values: the LATEST written there would be read as values next time; expected another runs: folder, such as runs, or a subfolder of the values folder (subfolders are not read)`
      : `${where} ${quote(runs)} is the values folder the project's runs read (values: at ${valuesAt}), whose files are all read as values: the LATEST written there would be read as values next time; expected another ${where} folder, such as runs, or a subfolder of the values folder (subfolders are not read)`,
  /** A project's `runs:` that is the input file `input` (`itself`), or would put a run's own files at it. */
  runsIsInput: (where: string, runs: string, input: string, itself: boolean) =>
    `${where}: runs: ${quote(runs)} ${itself ? `is ${input}` : `would put a run's own files (LATEST, the lock, temporary and staging files) at ${input}`}, an input of this run (read as the indicator tree, the values or another input), and an input is never overwritten; expected another runs: folder`,
  /**
   * `runs publish` or `rollback` (`action`), with the project's `runs:` (at `where`, `index.yaml:4`) the values folder
   * its runs read: the LATEST it would write there is refused, as compute refuses it (with `--runs`: `runsIsValuesFolder`).
   */
  runsToPublishIsValuesFolder: (action: "publish" | "rollback", where: string, runs: string) =>
    `${where}: runs: ${quote(runs)} is the values folder the project's runs read, whose files are all read as values: the LATEST that runs ${action} would write there would be read as values by the next run; expected another runs: folder, such as runs, or a subfolder of the values folder (subfolders are not read)`,
  /**
   * `runs publish` or `rollback` (`action`), with the runs folder (`runs:` at `where`, `index.yaml:4`, or `--runs`)
   * that is the input file `input` of the project's runs (`itself`), or would have its own files put at it.
   */
  runsToPublishIsInput: (action: "publish" | "rollback", where: string, runs: string, input: string, itself: boolean) =>
    `${runsNamed(where, runs)} ${itself ? `is ${input}` : `would have runs ${action} put its own files (LATEST, the lock, temporary files) at ${input}`}, an input of the project's runs (read as the indicator tree, the values or another input), and an input is never overwritten; expected another ${where.startsWith("--") ? where : "runs:"} folder`,
  /**
   * A runs folder (`runs:` at `where`, or `--runs`) that the glob `pattern` of the query `query` (`values.sql`,
   * `tree.csv:5`) reaches: the next run would read what a run (or `action`: runs publish, rollback) writes there.
   */
  runsMatchedByQuery: (where: string, runs: string, query: string, pattern: string, action?: "publish" | "rollback") =>
    `${runsNamed(where, runs)} is a folder the query ${query} reads by the pattern ${quote(pattern)}: the LATEST, lock and run folders ${action === undefined ? "a run writes" : `that runs ${action} and the project's runs write`} there would be read by the next run's query; expected a ${where.startsWith("--") ? where : "runs:"} folder the pattern cannot reach, such as runs, or a subfolder below a pattern without **`,
  /**
   * A runs folder (`runs:` at `where`, or `--runs`) that the glob `pattern` of the query `query` reaches through the
   * link `link` (as messages name it, `data/old`) among the folders it reads, which points to `target` (as written in
   * the link, `../runs`): the runs folder itself (`is`), a folder in it, or one above it (`relation`).
   */
  runsReachedThroughLink: (where: string, runs: string, query: string, pattern: string, link: string, target: string, relation: "is" | "inside" | "above", action?: "publish" | "rollback") =>
    `${runsNamed(where, runs)} is reached by the pattern ${quote(pattern)} of the query ${query} through the link ${quote(link)}, which points to ${quote(target)} (${relation === "is" ? "the runs folder itself" : relation === "inside" ? "a folder inside the runs folder" : "a folder that holds the runs folder"}): the LATEST, lock and run folders ${action === undefined ? "a run writes" : `that runs ${action} and the project's runs write`} there would be read through it by the next run's query; expected no link to the runs folder, into it or to a folder above it among the folders the pattern reads (remove ${quote(link)}, or write the pattern so that it leaves the link out), or a ${where.startsWith("--") ? where : "runs:"} folder the link does not lead to`,
  /**
   * The glob `pattern` of the query `query` goes through more folder entries, or folders deeper, than the links it
   * goes through are looked for (`limit`, `count`): a link among the rest to the runs folder (`runs:` at `where`, or
   * `--runs`) is not refused.
   */
  runsLinksUnchecked: (where: string, runs: string, query: string, pattern: string, limit: "entries" | "depth", count: number) =>
    `${query}: the pattern ${quote(pattern)} goes through ${limit === "entries" ? `more than ${formatCount(count)} folder entries` : `folders more than ${count} deep`}, so not every folder it reads was looked in for a link to the runs folder ${quote(runs)} (${where}); through such a link (to the runs folder, or to a folder above it) the next run's query would read what a run writes there; expected a pattern that names more of its folders (such as data/2024/*.csv rather than data/**/*.csv), or a check by hand that no link under it leads to the runs folder`,
  outIsRunsFolder: (label: string, runs?: string) =>
    `${label} is ${runs === undefined ? "a project's runs folder" : `inside the runs folder ${runs}`} (it holds LATEST), whose runs are never overwritten or added to; expected another --out`,
  /** `sizeLimit`, for EFBIG: the process's file-size limit (`ulimit -f`) in bytes, `"unlimited"`, or not known. */
  writeFailed: (label: string, reason: string, sizeLimit?: FileSizeLimit) =>
    reason === "EFBIG"
      ? `${label}: cannot write the output ${fileTooLarge(sizeLimit, "outputs")}`
      : `${label}: cannot write the output (${systemCode(reason)}); expected a writable folder${diskFull(reason) ? " with room for the outputs" : ""}`,
  folderNotCreated: (label: string, path: string, code: string) =>
    `${label}: cannot create the folder ${quote(path)} (${code}: ${folderProblem(code)}); expected a folder that exists or can be created`,
  /**
   * A target that could not be replaced; `unrestored` lists the targets whose previous file is kept under another name;
   * `earlierKept`, whether the earlier file of `name` is in its place as it was (said on a full disk).
   */
  replaceFailed: (label: string, name: string, reason: string, unrestored: readonly { name: string; backup: string }[], earlierKept = false) =>
    (diskFull(reason)
      ? `${label}: cannot replace ${quote(name)} (${systemCode(reason)})${earlierKept ? `; the earlier ${quote(name)} is kept as it was` : ""}; expected room on the disk for the outputs (free some space and run again)\n`
      : `${label}: cannot replace ${quote(name)} (${reason}); expected a file, or nothing, at that path${openElsewhere(reason) ? " (is the file open in Excel or WPS? close it and run again)" : ""}\n`) +
    (unrestored.length === 0
      ? `no output was changed: the files already replaced were restored`
      : `the previous version of ${unrestored.map((file) => `${quote(file.name)} (kept as ${quote(file.backup)})`).join(", ")} could not be put back; every other file was restored`),
  workerFailed: (label: string, detail: string) =>
    `${label}: cannot write the output: a writer thread could not start or ran out of memory (${detail}); expected enough memory for the threads, or run again with --threads 1`,

  runsNotFolder: (runsLabel: string, target?: string) =>
    target === undefined
      ? `${runsLabel}: is a file, not a folder; expected the runs folder of the project (move the file away, or set runs: in index.yaml)`
      : `${runsLabel}: is a link to ${target}, which is not there (a disk not mounted?); expected the runs folder it leads to: mount it, or set runs: in index.yaml (a new folder in its place would split the runs in two)`,
  /** `found`, what LATEST holds, echoed as every input is (quote.ts: its first 200 characters, then the count of the rest). */
  latestNotRunId: (latestLabel: string, found: string) =>
    `${latestLabel} holds ${quoteInput(found)}, which is not a run id (a run folder's id looks like 20260301T020000.123Z-1a2b3c4d)`,
  latestIsFolder: (latestLabel: string) =>
    `${latestLabel} is a folder, not the file that names the published run; expected a file holding a run id (such as 20260301T020000.123Z-1a2b3c4d): move the folder out of the runs folder`,
  latestNamesMissingRun: (latestLabel: string, id: string, linkTarget?: string) =>
    `${latestLabel} names run ${id}, which does not exist${brokenLink(linkTarget)}`,
  /** `LATEST` names a file named by a run id (`file`: a regular file; else a pipe, a socket, a device), as runs publish and verify say it. */
  latestNamesNotRunFolder: (latestLabel: string, id: string, file: boolean) => `${latestLabel} names run ${id}, which is ${runMessages.notRunFolder(file)}`,
  latestMissing: (latestLabel: string, runCount: number) =>
    `${latestLabel} is missing, but the folder holds ${runCount} run folder${runCount === 1 ? "" : "s"}`,
  /**
   * A broken `LATEST` (one of the three above) or manifest (`manifestLabel` and a problem below), and what compute did
   * about it; `named`, the run LATEST names though its folder cannot be reached, is still recorded as `previous`.
   */
  latestIgnored: (problem: string, named?: string) =>
    named === undefined ? `${problem}; ${LATEST_CONSEQUENCE}` : `${problem}; treated as no previous run for --if-changed and the revision summary, but recorded as this run's previous run (${named}), which it was; no run folder was removed`,
  /** `compare`: said by diff, which may be given the runs to compare instead; else by a command naming one run. */
  latestUnusable: (problem: string, compare = true) => `${problem}; expected it to name a run folder (or name ${compare ? "the runs to compare" : "a run"})`,
  unpublishedRun: (runLabel: string, latest: string | undefined) =>
    `${runLabel} is newer than ${latest ? `the run LATEST names (${latest})` : "every published run"}: it was never published (a run stopped before moving LATEST) or LATEST was set back; kept, not removed`,
  /** `runLabel`, a run later than `latest`, became `LATEST` first at `first` (the publication history). */
  withdrawnRun: (runLabel: string, latest: string, first: string) =>
    `${runLabel} is newer than the run LATEST names (${latest}): it was published (${first}), and LATEST was set back since (runs rollback, an earlier run published again, or by hand); kept, not removed`,
  /** `runLabel`, named by a run id later than `latest`, is not a run of this tool (`why`); nothing is done to it. */
  foreignRunFolder: (runLabel: string, latest: string, why: NotOwnRun) =>
    `${runLabel} is named like a run later than the run LATEST names (${latest}), but is not a run of this tool: ${
      why.kind === "file"
        ? "it is a file, not a folder"
        : why.kind === "manifest"
          ? `its manifest.json ${why.problem}`
          : why.kind === "other run"
            ? `its manifest.json records it as run ${quoteInput(why.recorded)}, so it was written under another name (a run copied or renamed)`
            : `the fingerprint its manifest.json records begins ${quoteInput(why.fingerprint)}, but its name ends ${quoteInput(why.expected)} (a run id ends with the first 8 hex digits of its fingerprint)`
    }; left untouched (not removed, not published); expected only run folders that compute wrote under their own id in the runs folder (move it elsewhere if it is kept there by hand)`,
  stagingKept: (stagingLabel: string, marker: string) =>
    `${stagingLabel} has no ${marker} naming it, so it is not provably a staging folder of this tool; kept, not removed (delete it by hand if it is not needed)`,
  /** A file named as a temporary file of `LATEST` that does not hold what the tool writes there; `held`: its text, or its size in bytes. */
  latestTemporaryKept: (temporaryLabel: string, held: string | number, runsLabel: string) =>
    `${temporaryLabel} is named as a temporary file of LATEST but holds ${typeof held === "number" ? `${held} bytes` : quoteInput(held)}, not what this tool writes there (the id of a run folder of ${runsLabel}, such as 20260301T020000.123Z-1a2b3c4d, and a newline), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)`,
  stagingRemoved: (stagingLabel: string) => `removed ${stagingLabel}, left by a run that stopped before it finished`,
  /**
   * A staging folder holding its marker, and also what no run writes there (`kept`, its names, sorted): the run's own
   * files are removed, the rest and the folder (with its marker) kept.
   */
  stagingFilesKept: (stagingLabel: string, kept: readonly string[]) =>
    `${stagingLabel} is a staging folder of a run that stopped before it finished, but it also holds ${kept.map(quoteInput).join(", ")}, which no run writes there (expected only the run's output files, manifest.json, the marker and their temporary files); the run's own files were removed, the rest is kept with the folder (move what you need out of it, then delete the folder by hand)`,
  /** A file named as a temporary file of a folder's lock (`.lock.<pid>.tmp`, `.lock.<pid>.stale`) that does not hold a lock; `held`: its text, or its size in bytes. */
  lockTemporaryKept: (temporaryLabel: string, held: string | number, lockLabel: string) =>
    `${temporaryLabel} is named as a temporary file of the lock ${lockLabel} but holds ${typeof held === "number" ? `${held} bytes` : quoteInput(held)}, not what this tool writes there (a lock: one line of JSON such as {"pid":4242,"host":"stats-01","startedAt":"2026-03-01T02:00:00.000Z",...}), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)`,
  /** A stale lock moved aside (`<lock>.<pid>.stale`) by process `pid`, which still runs: kept, and said once a run. */
  lockStaleRunning: (staleLabel: string, pid: number, lockLabel: string) =>
    `${staleLabel} is a lock of ${lockLabel} moved aside by process ${pid}, which still runs (a run of this tool taking that lock over right now, or another process that got the pid since); kept, not removed: delete it by hand if it is still there once no run of this tool is running`,
  /**
   * A file of a run folder named as a temporary (`kind` tmp) or backup (`old`) file of `of`, a file report writes
   * there, whose writer is gone, that does not start as the tool writes `of`: `found`, its first characters;
   * `expected`, how the tool's starts (`undefined`: a file the tool knows no start of).
   */
  reportTemporaryKept: (fileLabel: string, of: string, kind: "tmp" | "old", found: string, expected: string | undefined) =>
    `${fileLabel} is named as ${kind === "tmp" ? "a temporary file" : "a backup"} of ${of} by a process that is gone, but it starts with ${quoteInput(found)}, not as this tool writes ${of}${expected === undefined ? "" : ` (${quoteInput(expected)} and on)`}, so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)`,
  /**
   * A temporary file (`temporaryLabel`) holding the version of `fileLabel` that reports.json lists, where `fileLabel` is
   * there with bytes the tool never listed (edited by hand since): neither replaced nor removed.
   */
  reportTemporaryNotCompleted: (temporaryLabel: string, fileLabel: string) =>
    `${temporaryLabel} holds the version of ${fileLabel} that reports.json lists, left by a report that stopped before it finished, but ${fileLabel} has changed since the tool wrote it (its SHA-256 is none that reports.json or its backup lists); expected it unchanged, so it is not replaced, and both are kept (move ${fileLabel} away to have the tool's version put back, or delete ${temporaryLabel} to keep yours)`,
  /** A file named as a temporary or backup file of `of` whose writer is gone, that cannot be read (`code`). */
  reportTemporaryUnreadable: (fileLabel: string, of: string, kind: "tmp" | "old", code: string) =>
    `${fileLabel} is named as ${kind === "tmp" ? "a temporary file" : "a backup"} of ${of} by a process that is gone, but it cannot be read (${code}), so it is not provably left by this tool; kept, not removed (make it readable, or delete it by hand if it is not needed)`,
  /** A file named as a temporary or backup file of `of` by pid `pid` (0), which no process of this tool has. */
  writerPidNone: (fileLabel: string, of: string, pid: number) =>
    `${fileLabel} is named as a temporary or backup file of ${of} by process ${pid}, but no process of this tool has pid ${pid} (expected a positive pid), so it is not provably left by this tool, nor written now; kept, not removed (delete it by hand if it is not needed)`,
  /** What a stopped report left in run folder `runLabel` could not all be repaired: `fileLabel` could not be written (`code`). */
  reportNotRepaired: (runLabel: string, fileLabel: string, code: string) =>
    `what a report that stopped before it finished left in ${runLabel} is not all repaired: ${fileLabel} could not be written (${code}); expected a writable run folder; the rest is left as it is (the run's own files are untouched): the next report into the run repairs it, and verify says what is left`,
  /** The staging marker `markerLabel` left in a complete run folder could not be removed (`code`: a read-only folder). */
  runMarkerKept: (markerLabel: string, runLabel: string, code: string) =>
    `${markerLabel}, left by a run that stopped just after its folder was complete, could not be removed (${code}); expected a writable run folder; kept: the run itself is complete (make ${runLabel} writable and the next run removes it, or delete it by hand)`,
  /** A folder named as the Parquet writer's own (`.innovation-index-writing-XXXXXX`) holding something else (`found`: its names, sorted). */
  writingFolderKept: (folderLabel: string, found: readonly string[]) =>
    `${folderLabel} is named as a folder this tool writes Parquet files in, but it holds ${found.length === 0 ? "nothing it can read" : found.map(quoteInput).join(", ")}, not only index.parquet, scores.parquet and growth.parquet, so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)`,
  /** `LATEST` replaced, but the runs folder not flushed to the disk after it (an I/O error). */
  latestNotFlushed: (latestLabel: string, id: string, reason: string) =>
    `${latestLabel} names run ${id} now, but the runs folder could not be flushed to the disk after it (${reason}); after a power cut it may name the run it named before; expected a disk that takes what is written: check the disk, then innovation-index runs publish ${id} (which verifies the run and leaves LATEST as it is if it names it)`,
  /** The line after the error of a run that failed while its files were written into its staging folder (`stagingLabel`). */
  runNotPublished: (stagingLabel: string, latestLabel: string) =>
    `nothing was published: the run was being written in its staging folder ${stagingLabel}, which is removed, and ${latestLabel} is as it was`,
  runKept: (runLabel: string, latestLabel: string, reason: string) =>
    `${runLabel}: the run is complete but ${latestLabel} could not be moved to it (${reason}); the run folder is kept, unpublished; expected a writable runs folder`,
  revisionsSkipped: () => `revisions: not compared, as there is no usable previous run (see the warning above)`,
  revisionsNotCompared: (against: string, reason: string) => `revisions against run ${against}: not compared (${reason})`,
  /** The line of a run whose earlier run's files do not match its manifest (`comparedRunChanged` said why). */
  revisionsNotComparedChanged: (against: string) =>
    `revisions against run ${against}: not compared, as its files do not match its manifest.json (see the warning above)`,
  /**
   * A file of a run read to compare it that is not as the run's `manifest.json` lists it: `listed` is `undefined` when
   * the manifest does not list it, `found` when the file is missing or cannot be read.
   */
  runFileNotAsListed: (fileLabel: string, listed?: { bytes: number; sha256: string }, found?: { bytes: number; sha256: string }) =>
    listed === undefined
      ? `${fileLabel} is not listed in the run's manifest.json`
      : found === undefined
        ? `${fileLabel} is missing or cannot be read, though the run's manifest.json lists it with ${listed.bytes} bytes`
        : `${fileLabel} does not match the run's manifest.json (${found.bytes} bytes, SHA-256 ${found.sha256}; listed with ${listed.bytes} bytes, SHA-256 ${listed.sha256})`,
  /** The warning of compute when the run it compares with fails `runFileNotAsListed` (`problem`). */
  comparedRunChanged: (problem: string, runLabel: string) =>
    `${problem}: the run's files changed after it was written, so its values are not compared with the new run's; expected its files as compute wrote them (innovation-index verify ${runLabel} lists every difference)`,
  /** The error of diff when a run it compares fails `runFileNotAsListed` (`problem`). */
  diffRunChanged: (problem: string, runLabel: string) =>
    `${problem}: the run's files changed after it was written, so its values are not the ones it published; expected its files as compute wrote them (innovation-index verify ${runLabel} lists every difference)`,

  // a run written with --parquet-only: index.json names the Parquet files that hold its results ("resultsIn")
  resultsInInvalid: (source: string, found: string) =>
    `${source}: "resultsIn" is ${found}; expected a list of the Parquet files in the run folder that hold the results, such as ["index.parquet", "scores.parquet"]`,
  resultsFileMissing: (fileLabel: string) =>
    `${fileLabel}: missing; expected the Parquet file that index.json names in "resultsIn" (written by compute --parquet-only)`,
  resultsFileUnreadable: (fileLabel: string, detail: string) =>
    `${fileLabel}: DuckDB cannot read it as Parquet (${detail}); expected the Parquet file that index.json names in "resultsIn" (written by compute --parquet-only)`,
  resultsFileColumns: (fileLabel: string, found: string) =>
    `${fileLabel}: columns ${found}; expected unit (text), year (a whole number), code (text) and value (a number), as compute --parquet-only writes them`,
  resultsFileUnknownCell: (fileLabel: string, unit: string | null, year: number | null, code: string | null) =>
    `${fileLabel}: a row of unit ${quote(String(unit))}, year ${year}, code ${quote(String(code))}, which index.json does not list; expected only the units, years and nodes of index.json`,
  resultsFileDuplicate: (fileLabel: string, unit: string, year: number, code: string) =>
    `${fileLabel}: unit ${quote(unit)}, year ${year}, code ${quote(code)} has a second value; expected one value per unit, year and node in the files of "resultsIn"`,
  /**
   * An `index.json` whose lists make more values (`units × years × nodes`, one a cell of the array they are read into)
   * than the Parquet files of "resultsIn" have rows (`rows`), and more than a panel may hold (`limit`): a hand-edited
   * file, refused before the array is made.
   */
  resultsTooManyValues: (source: string, units: number, years: number, nodes: number, rows: number, limit: number) =>
    `${source}: its lists make ${formatCount(units)} units × ${formatCount(years)} years × ${formatCount(nodes)} nodes = ${formatCount(units * years * nodes)} values, more than the ${formatCount(rows)} rows of the Parquet files of "resultsIn" and more than the ${formatCount(limit)} cells a panel may hold; expected the index.json that compute --parquet-only wrote beside those files`,

  // verify
  manifestMissing: () => `is missing`,
  // `reason` is the file system's code when the file could not be read, else the JSON parser's words.
  manifestNotJson: (reason: string) => (/^E[A-Z]+$/.test(reason) ? `cannot be read (${systemCode(reason)})` : `is not valid JSON (${reason})`),
  manifestNotRunManifest: (what: string) => `is not a manifest written by compute (${what})`,
  verifyNoManifest: (manifestLabel: string, problem: string) => `${manifestLabel} ${problem}; expected the manifest.json compute writes in every run folder`,
  verifyNoProject: () => `no index.yaml here; expected a project folder, --project FILE, --runs DIR, or the path of a run folder`,
  verifyNoPublishedRun: (runsLabel: string) => `${runsLabel} has no published run; expected a run to verify (run compute first, or name a run folder)`,
  verifyNoRun: (label: string, linkTarget?: string) =>
    `${label}: no such run folder${brokenLink(linkTarget)}; expected a run id (or its start), latest, previous, or the path of a run folder`,
  // what verify checks of manifest.json itself: `found` as JSON text (a value edited by hand may be of any type)
  /** `expected`: the fingerprint recomputed; `undefined` when it cannot be (no tool version, or options that are not an object). */
  verifyFingerprint: (found: string, expected: string | undefined) =>
    expected === undefined
      ? `manifest.json: fingerprint ${found} cannot be recomputed, as the tool version or the options are missing; expected the tool version, options and input files compute records`
      : `manifest.json: fingerprint ${found}, but the tool version, options and input files it lists give ${expected}; expected the fingerprint of what the run was computed from (an option, an input file's SHA-256 or the fingerprint was edited)`,
  verifyIdFingerprint: (id: string, fingerprint: string) =>
    `manifest.json: fingerprint ${fingerprint} does not start with ${id.slice(-8)}, as the run id ${id} does; expected the fingerprint the run id was made from (the manifest or the folder's name was edited)`,
  /** `found`: the manifest's `run` as JSON; `id`: the name of the run's folder. */
  verifyRunId: (found: string, id: string) =>
    `manifest.json: run ${found}, but the run folder is named ${id}; expected the id the run was written under (a run folder renamed or copied under another id)`,
  /** `missing`: the outputs every run with the manifest's options writes, which its `outputs` does not list. */
  verifyOutputsRequired: (missing: readonly string[]) =>
    `manifest.json: outputs lists no ${missing.join(", ")}, which every run with its options writes; expected ${missing.length === 1 ? "it" : "them"} in the list and in the run folder (the list was shortened, or the manifest edited)`,
  /** `idTime`: the time of the run id (ISO), when `startedAt` is later than it; `undefined` when `startedAt` is not a time. */
  verifyStartedAt: (found: string, idTime: string | undefined) =>
    `manifest.json: startedAt ${found} is ${idTime === undefined ? "not a time as compute writes it (such as 2026-03-01T02:00:00.123Z)" : `later than the time of the run id, ${idTime}`}; expected the time the run started: the time of its id, or earlier when the id was moved later to sort after an earlier run`,
  /** `id`: the run id of the folder, when it has one. */
  verifyPrevious: (found: string, id: string | undefined) =>
    `manifest.json: previous ${found} is not the id of a run ${id === undefined ? "" : `earlier than ${id} `}or null; expected the run LATEST named when this run was published (null for none)`,
  verifyMissing: (path: string, bytes: number, derived = false) =>
    `missing: ${path} (${derived ? "a derived file, " : ""}listed with ${bytes} bytes${derived ? " in reports.json" : ""})`,
  verifyChanged: (path: string, expected: { bytes: number; sha256: string }, found: { bytes: number; sha256?: string }, derived = false) =>
    `changed: ${path} (${derived ? "a derived file: " : ""}${found.bytes} bytes${found.sha256 ? `, SHA-256 ${found.sha256}` : ""}; expected ${expected.bytes} bytes, SHA-256 ${expected.sha256}${derived ? ", as reports.json lists" : ""})`,
  /** `kind`: "folder", "link", or "other" (a pipe, a socket, a device). */
  verifyNotFile: (path: string, kind: string, derived = false) =>
    `changed: ${path} (${kind === "other" ? "a pipe, socket or device" : `a ${kind}`}, not a file${derived ? "; a derived file listed in reports.json" : ""})`,
  verifyUnlisted: (path: string) => `unlisted: ${path} (neither in manifest.json nor in reports.json)`,
  /**
   * A file of a run folder named as a temporary (`kind` tmp) or backup (`old`) file of `of`, a file report writes there,
   * whose writer, process `pid`, is gone: left by a killed report, no file of the run. `removable`: it starts as the
   * tool writes `of`, so the next report or compute removes it; else they keep it.
   */
  verifyWriteLeftover: (fileLabel: string, of: string, kind: "tmp" | "old", pid: number, removable: boolean) =>
    removable
      ? `${fileLabel} is ${kind === "tmp" ? "a temporary file" : "a backup"} of ${of} left by a report that stopped before it finished (process ${pid} is gone); it is no file of the run and fails no check: the next report into this run, or the next compute into its runs folder, removes it (or delete it by hand)`
      : `${fileLabel} is named as ${kind === "tmp" ? "a temporary file" : "a backup"} of ${of} by process ${pid}, which is gone, but it does not start as this tool writes ${of}, so report and compute keep it; it is no file of the run and fails no check: delete it by hand if it is not needed`,
  /** A file of a run folder named as a temporary (`kind` tmp) or backup (`old`) file of `of` by process `pid`, which still runs. */
  verifyBeingWritten: (fileLabel: string, of: string, kind: "tmp" | "old", pid: number) =>
    `${fileLabel} is ${kind === "tmp" ? "a temporary file" : "a backup"} of ${of} of process ${pid}, which still runs (a report writing into this run now); it is no file of the run and fails no check: verify again once that report has finished`,
  /**
   * The staging marker of run folder `runLabel`, holding the run's own id (`holdsMarker`): left by a run stopped after
   * its folder was renamed into place, before the marker was removed (a read-only run folder keeps it): no file of the run.
   */
  verifyStagingLeftover: (fileLabel: string, runLabel: string) =>
    `${fileLabel} is the staging marker of this run, holding its id: a run stopped just after its folder was complete, before the marker was removed; it is no file of the run and fails no check: the next compute into its runs folder removes it (if ${runLabel} is read-only, make it writable first), or delete it by hand`,
  verifyOutside: (path: string, derived = false) =>
    `outside: ${quote(path)} is listed in ${derived ? "reports.json" : "manifest.json"} but is not a path inside the run folder`,
  /** `reports.json` that cannot be read, as a line of `verify` (`problem` as from `readRunReports`). */
  verifyReportsDamaged: (problem: string) => `changed: reports.json ${problem}; expected the list of derived files report writes into a run folder`,
  /** Every file matches; `derived` are the files made afterwards that match `reports.json`. */
  verifyOk: (label: string, count: number, derived: readonly string[] = []) =>
    `${label}: all ${count} files match manifest.json${
      derived.length > 0 ? `; derived from the run afterwards, matching reports.json: ${derived.join(", ")}` : ""
    }`,
  /**
   * `withReports`: the folder has a `reports.json` (then the files are compared with both lists); `counts.manifest`: the
   * problems of `manifest.json` itself (its fingerprint, start time, previous run), said alone when every file matches.
   */
  verifyFailed: (label: string, counts: { missing: number; changed: number; unlisted: number; outside: number; manifest?: number }, withReports = false) =>
    `${label}: ${
      counts.manifest && counts.missing + counts.changed + counts.unlisted + counts.outside === 0
        ? ""
        : `does not match manifest.json${withReports ? " and reports.json" : ""}: ${counts.missing} missing, ${counts.changed} changed, ${counts.unlisted} unlisted${
            counts.outside ? `, ${counts.outside} listed outside the folder` : ""
          }${counts.manifest ? "; " : ""}`
    }${counts.manifest ? `manifest.json does not agree with itself or the run id (${counts.manifest} problem${counts.manifest === 1 ? "" : "s"})` : ""}`,

  // reports.json: the files report derives from a run (see src/io/runs/run-reports.ts)
  reportsNotReports: () => `is not a list of derived files written by report (expected an object whose "files" lists path, bytes, sha256, command and run)`,
  reportIsRunFile: (label: string) =>
    `${label} is one of the run's own files (listed in manifest.json, written by compute --report); expected a run folder without it: report never replaces a run's file (give --out DIR)`,
  reportsUnreadable: (reportsLabel: string, problem: string) =>
    `${reportsLabel} ${problem}; expected the reports.json report writes, so report cannot tell which files it wrote and replaces none (repair or remove it, or give --out DIR)`,
  reportLeftover: (done: string) => `${done}, left by a report that stopped before it finished`,
  reportNotOurs: (label: string) =>
    `${label} exists but reports.json does not list it, so it is not provably a file report wrote; expected no such file (move it away, or give --out DIR)`,
  reportChangedSince: (label: string) =>
    `${label} has changed since report wrote it (its SHA-256 is not the one reports.json lists); expected it unchanged, so it is not replaced (move it away, or give --out DIR)`,
} as const);
