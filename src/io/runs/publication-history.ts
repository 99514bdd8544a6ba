/**
 * The publication history of a project's runs folder, `runs/PUBLISHED.log`: one line each time `runs/LATEST` moved
 * (`writeLatest`: `compute` publishing its run, `runs publish`, `runs rollback`), so that a run published once and
 * gone back from is still known to have been published, and when, whatever `LATEST` names now.
 *
 * ```
 * time,action,before,after,state
 * 2026-03-01T02:00:00.123Z,compute,,20260301T020000.123Z-1a2b3c4d,moving
 * 2026-03-01T02:00:00.123Z,compute,,20260301T020000.123Z-1a2b3c4d,moved
 * 2026-03-02T09:15:00.000Z,rollback,20260301T020000.123Z-1a2b3c4d,20260228T020000.000Z-00aa11bb,moving
 * 2026-03-02T09:15:00.000Z,rollback,20260301T020000.123Z-1a2b3c4d,20260228T020000.000Z-00aa11bb,moved
 * ```
 *
 * - `time`: when `LATEST` moved, ISO 8601 in UTC; `action`: `compute`, `publish` or `rollback`; `before`: the run id
 *   `LATEST` held before (empty when it held none: missing, empty, not a run id); `after`: the run it names since;
 *   `state`: `moving`, written before the rename, then the same line `moved`, written once the rename is on the disk.
 * - Append-only: each line is appended (`O_APPEND`) and flushed to the disk (`fsync`), the `moving` line before
 *   `LATEST` is renamed (`writeLatest`), and the file is never rewritten, truncated or removed by the tool. A crash
 *   mid-append leaves at most the last line cut short (no line end): the lines before it are whole. The next append
 *   starts on a new line, leaving that line as it is.
 * - A move happened when its `moved` line follows; without it (a crash, a full disk or `LATEST` a folder between the
 *   lines), when what followed shows it: the next `moving` line's `before`, or `LATEST` now for the last, is its `after`
 *   (`confirmedLines`). So a hand move of `LATEST` back later hides no publication whose `moved` line was written, and
 *   a failed move adds none.
 * - Comma-separated lines written through the one CSV writer (`formatCsv`, whose text cells are formula-guarded), as
 *   every CSV file the tool writes: a person may open it in Excel. Named `.log`, not `.csv`: it lies directly in the
 *   runs folder, where a values glob that reads the .csv files of every folder of `data` beside `runs: data/runs`
 *   (as the projects guide lays a project out) would read a `.csv` file as values; no values file is a `.log`
 *   (`runs-on-inputs.ts`). Excel holding it open (Windows) makes the append fail: then `LATEST` is not moved, and the
 *   message says so.
 */
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runMessages } from "../../core/run-messages.js";
import type { Issue } from "../../errors.js";
import { formatCsv } from "../csv.js";
import { syncFolder } from "../write/durable.js";
import { isRunId } from "./run-names.js";

/** The publication history's file, in the runs folder. */
export const PUBLICATION_HISTORY_FILE = "PUBLISHED.log";

/** What moved `LATEST`: a project's `compute`, `runs publish`, `runs rollback`. */
export const PUBLICATION_ACTIONS = ["compute", "publish", "rollback"] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** The history's header, its first line. */
export const PUBLICATION_HISTORY_HEADER = ["time", "action", "before", "after", "state"] as const;

/** A move's two lines: `moving`, on the disk before `LATEST` is renamed; `moved`, the same again once the rename is. */
export const PUBLICATION_STATES = ["moving", "moved"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** One line of the history, as written and as read. */
export interface PublicationLine {
  /** When `LATEST` moved: ISO 8601 in UTC (`2026-03-01T02:00:00.123Z`). */
  time: string;
  action: PublicationAction;
  /** The run id `LATEST` held before; `undefined` when it held none. */
  before?: string;
  /** The run id `LATEST` names since. */
  after: string;
  /** `moving` (before the rename) or `moved` (after it); a line without it is read as `moving`. */
  state: PublicationState;
}

/** A line read back, with its line number in the file (1 is the header). */
export interface ReadPublicationLine extends PublicationLine {
  line: number;
}

/** An ISO 8601 time in UTC, as `Date.prototype.toISOString` writes it (milliseconds optional when read). */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** The text of a history line (with its line end), written through the one CSV writer (`formatCsv`). */
export function formatPublicationLine(entry: PublicationLine): string {
  return formatCsv([[entry.time, entry.action, entry.before ?? "", entry.after, entry.state]]);
}

/**
 * Appends the line of `entry` to the history in `runsDir` and flushes it to the disk before returning, synchronously
 * (`writeLatest` calls it between its temporary file and its rename, where no signal may be handled). The file is
 * created with its header when missing (and the folder flushed, so that its name is on the disk before `LATEST`
 * moves), opened without following a link and refused unless it is a regular file; a last line left without its line
 * end (a crash mid-append) is left as it is, the new line starting after a line end. Only called under the run lock.
 * @throws the system's error (`EBUSY` for a file another program holds, `ENOSPC`, `ELOOP` for a link), or one with code
 * `ENOTFILE` for anything but a regular file: nothing is written then, or a part of the line (a full disk), which the
 * reader reports as a line cut short.
 */
export function appendPublicationSync(runsDir: string, entry: PublicationLine): void {
  const path = join(runsDir, PUBLICATION_HISTORY_FILE);
  const existed = lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  const file = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const found = fstatSync(file);
    if (!found.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: "ENOTFILE" });
    let text = formatPublicationLine(entry);
    if (found.size === 0) text = formatCsv([PUBLICATION_HISTORY_HEADER]) + text;
    else {
      const last = Buffer.alloc(1);
      readSync(file, last, 0, 1, found.size - 1);
      if (last[0] !== 0x0a) text = "\n" + text;
    }
    const bytes = Buffer.from(text, "utf8");
    for (let written = 0; written < bytes.length; ) written += writeSync(file, bytes, written, bytes.length - written);
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  if (!existed) syncFolder(runsDir);
}

/** What `readPublicationHistory` read: the whole lines, in file order, and a warning for each line or file it could not read. */
export interface PublicationHistory {
  lines: ReadPublicationLine[];
  warnings: Issue[];
}

/**
 * Reads the history of `runsDir` (`runsLabel` names the folder in messages): every line as written, in file order. A
 * missing file is an empty history (a project whose `LATEST` has not moved since this version). A line that is not
 * one the tool writes (cut short by a crash, edited) is skipped with a warning (`W_PUBLICATION_HISTORY`) naming its
 * line, the other lines read; a file that cannot be read (no rights, a folder) is an empty history with a warning.
 * Reads only: never rewrites the file. A UTF-8 BOM and CRLF line ends (a file saved by Excel) are read as well.
 */
export async function readPublicationHistory(runsDir: string, runsLabel = runsDir): Promise<PublicationHistory> {
  const label = `${runsLabel}/${PUBLICATION_HISTORY_FILE}`;
  let text: string;
  try {
    text = await readFile(join(runsDir, PUBLICATION_HISTORY_FILE), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { lines: [], warnings: [] };
    return { lines: [], warnings: [{ code: "W_PUBLICATION_HISTORY", source: label, message: runMessages.historyUnreadable(label, String(code ?? error)) }] };
  }
  const rows = text.replace(/^\uFEFF/, "").split("\n");
  // The text after the last line end: "" for a file ending with one; else a line cut short.
  const torn = rows.pop()!;
  const lines: ReadPublicationLine[] = [];
  const warnings: Issue[] = [];
  const skip = (line: number, found: string, cutShort: boolean) =>
    warnings.push({ code: "W_PUBLICATION_HISTORY", source: label, line, message: runMessages.historyLineSkipped(label, line, found, cutShort) });
  rows.forEach((row, index) => {
    const found = row.replace(/\r$/, "");
    // The header, also without its last column (`state`), as a file saved by hand may keep it.
    if (found.trim() === "" || (index === 0 && found.trim().startsWith(PUBLICATION_HISTORY_HEADER.slice(0, 4).join(",")))) return;
    const entry = parsePublicationLine(found);
    if (entry === undefined) skip(index + 1, found, false);
    else lines.push({ ...entry, line: index + 1 });
  });
  // Its move never happened: LATEST moves only once the whole line, with its line end, is on the disk.
  if (torn.trim() !== "") skip(rows.length + 1, torn.replace(/\r$/, ""), true);
  return { lines, warnings };
}

/** A line of the history as `formatPublicationLine` writes it (cells trimmed, quotes taken off), or `undefined`. */
function parsePublicationLine(row: string): PublicationLine | undefined {
  const cells = row.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
  // Columns after the fifth are read past: a later version may add some.
  if (cells.length < 4) return undefined;
  const [time, action, before, after, state = "moving"] = cells;
  if (!(PUBLICATION_STATES as readonly string[]).includes(state)) return undefined;
  if (!UTC_TIME.test(time) || Number.isNaN(Date.parse(time))) return undefined;
  if (!(PUBLICATION_ACTIONS as readonly string[]).includes(action)) return undefined;
  if ((before !== "" && !isRunId(before)) || !isRunId(after)) return undefined;
  return { time, action: action as PublicationAction, ...(before !== "" ? { before } : {}), after, state: state as PublicationState };
}

/**
 * The `moving` lines of `lines` (in file order) whose move of `LATEST` happened: one followed by its `moved` line (the
 * same time, action, before and after: written once the rename was on the disk); else, one whose move is shown by what
 * followed, the next `moving` line's `before` being its `after` (the `moved` line lost to a crash or a full disk right
 * after the rename), or, for the last, `latest` (what `LATEST` holds now: a run id, also one whose folder is gone; its
 * text when it is not a run id; `undefined` when it is missing) being its `after`. Any other is a move that did not
 * happen: a crash, or a failure (`LATEST` a folder, a full disk), between the line and the rename. The `moved` lines are
 * not returned themselves.
 */
export function confirmedLines<Line extends PublicationLine>(lines: readonly Line[], latest: string | undefined): Line[] {
  const same = (a: PublicationLine, b: PublicationLine) => a.time === b.time && a.action === b.action && a.before === b.before && a.after === b.after;
  return lines.filter((line, index) => {
    if (line.state === "moved") return false;
    if (lines[index + 1]?.state === "moved" && same(line, lines[index + 1])) return true;
    const next = lines.slice(index + 1).find((later) => later.state === "moving");
    return next !== undefined ? next.before === line.after : latest === line.after;
  });
}

/** When a run was `LATEST`, from the history: the first and the last time it became `LATEST`, how often, and until when. */
export interface RunPublication {
  /** The first time it became `LATEST` (ISO 8601, UTC). */
  first: string;
  /** The last time it became `LATEST`: `first` when it did once. */
  last: string;
  /** How many times it became `LATEST`. */
  times: number;
  /** When `LATEST` moved away from it after `last`; absent while no later line moved it. */
  until?: string;
}

/**
 * Per run id, when it was `LATEST` (`RunPublication`), from the `confirmedLines` of a history (file order: a clock set
 * back does not reorder them).
 */
export function publicationsByRun(lines: readonly PublicationLine[]): Map<string, RunPublication> {
  const byRun = new Map<string, RunPublication>();
  lines.forEach((line, index) => {
    const known = byRun.get(line.after);
    const until = lines[index + 1]?.time;
    const publication: RunPublication = { first: known?.first ?? line.time, last: line.time, times: (known?.times ?? 0) + 1 };
    byRun.set(line.after, until === undefined ? publication : { ...publication, until });
  });
  return byRun;
}
