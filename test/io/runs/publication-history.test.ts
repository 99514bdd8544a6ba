/**
 * The publication history runs/PUBLISHED.log (io/runs/publication-history.ts): one line per move of LATEST, written by
 * `writeLatest` before the rename (compute), `publishRun` and `rollbackRun`, read back by `listRuns`. The times come
 * from a fixed clock (`time`), so the file's lines are written out here in full. The runs are written by hand (hand-runs.ts), as in
 * publish-run.test.ts: the five files every run writes, and a manifest listing them with SHA-256s by node:crypto.
 */
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMessages } from "../../../src/core/run-messages.js";
import { listRuns } from "../../../src/io/runs/list-runs.js";
import { confirmedLines, PUBLICATION_HISTORY_FILE, publicationsByRun, readPublicationHistory } from "../../../src/io/runs/publication-history.js";
import { publishRun, rollbackRun } from "../../../src/io/runs/publish-run.js";
import { fingerprintOf } from "../../../src/io/runs/run-files.js";
import { HistoryNotWrittenError, writeLatest } from "../../../src/io/runs/runs.js";
import { makeTempDir } from "../../helpers.js";
import { runFiles as handRunFiles } from "./hand-runs.js";

const FINGERPRINT = fingerprintOf("0", {}, []);
/** Three runs with the same fingerprint (no options, no inputs), a day apart: A, B following A, C following B. */
const A = `20260301T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
const B = `20260302T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
const C = `20260303T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
const D = `20260304T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
/** The fixed clock: `at(9)` is 2026-03-09T09:00:00.000Z. */
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
const HEADER = "time,action,before,after,state\n";
/** A move's two lines as writeLatest writes them: `moving` before the rename, `moved` after it. */
const moveLines = (time: string, action: string, before: string, after: string) => `${time},${action},${before},${after},moving\n${time},${action},${before},${after},moved\n`;

const runFiles = (id: string, previous: string | null) => handRunFiles(id, previous, FINGERPRINT);

/** A runs folder holding A, B and C, each published by its compute on 1, 2 and 3 March at 09:00 UTC. */
async function threeComputes(): Promise<string> {
  const runs = await makeTempDir({ ...runFiles(A, null), ...runFiles(B, A), ...runFiles(C, B) });
  await writeLatest(runs, A, { action: "compute", time: at(1) });
  await writeLatest(runs, B, { action: "compute", time: at(2) });
  await writeLatest(runs, C, { action: "compute", time: at(3) });
  return runs;
}

const historyText = (runs: string) => readFile(join(runs, PUBLICATION_HISTORY_FILE), "utf8");

describe("the publication history", () => {
  it("records every move of LATEST, line by line: compute, rollback and publish, with the run named before and after", async () => {
    const runs = await threeComputes();
    // C back to B (its manifest's previous) on the 4th, then A published on the 5th; publishing A again moves nothing.
    await rollbackRun(runs, { runsLabel: "runs", time: at(4) });
    await publishRun(runs, A, { runsLabel: "runs", time: at(5) });
    expect(await publishRun(runs, A, { runsLabel: "runs", time: at(6) })).toEqual({ before: A, after: A, changed: false });
    // Written out by hand: the header, then one line per move, the first with no run before it (empty cell).
    expect(await historyText(runs)).toBe(
      HEADER +
        moveLines("2026-03-01T09:00:00.000Z", "compute", "", A) +
        moveLines("2026-03-02T09:00:00.000Z", "compute", A, B) +
        moveLines("2026-03-03T09:00:00.000Z", "compute", B, C) +
        moveLines("2026-03-04T09:00:00.000Z", "rollback", C, B) +
        moveLines("2026-03-05T09:00:00.000Z", "publish", B, A),
    );
    expect(await readFile(join(runs, "LATEST"), "utf8")).toBe(`${A}\n`);
  });

  it("the list says when each run was LATEST: B and C, gone back from, are withdrawn (no longer unpublished); A is LATEST again", async () => {
    const runs = await threeComputes();
    await rollbackRun(runs, { runsLabel: "runs", time: at(4) });
    await publishRun(runs, A, { runsLabel: "runs", time: at(5) });
    const listing = await listRuns(runs, "runs");
    expect(listing.historyWarnings).toBeUndefined();
    // A: LATEST on the 1st (compute) and again on the 5th (publish); B: on the 2nd and again on the 4th (rollback),
    // until the 5th; C: on the 3rd, until the rollback on the 4th. Before the history, B and C were "unpublished".
    expect(listing.runs.map(({ id, state, publication }) => ({ id, state, publication }))).toEqual([
      { id: A, state: "latest", publication: { first: "2026-03-01T09:00:00.000Z", last: "2026-03-05T09:00:00.000Z", times: 2 } },
      { id: B, state: "withdrawn", publication: { first: "2026-03-02T09:00:00.000Z", last: "2026-03-04T09:00:00.000Z", times: 2, until: "2026-03-05T09:00:00.000Z" } },
      { id: C, state: "withdrawn", publication: { first: "2026-03-03T09:00:00.000Z", last: "2026-03-03T09:00:00.000Z", times: 1, until: "2026-03-04T09:00:00.000Z" } },
    ]);
  });

  it("a last line cut short by a crash mid-append is read past with a warning, the lines before it kept; the next move starts a new line after it", async () => {
    const runs = await threeComputes();
    const whole = await historyText(runs);
    // A crash while the rollback's moving line was written: its first 30 bytes, no line end; LATEST never moved (still C).
    const cut = `2026-03-04T09:00:00.000Z,rollback,${C},${B},moving`.slice(0, 30);
    await writeFile(join(runs, PUBLICATION_HISTORY_FILE), whole + cut);
    const read = await readPublicationHistory(runs, "runs");
    // Line 1 the header, lines 2-7 the three computes (moving, moved), line 8 the one cut short.
    expect(read.lines.map(({ line, action, after, state }) => [line, action, after, state])).toEqual([
      [2, "compute", A, "moving"],
      [3, "compute", A, "moved"],
      [4, "compute", B, "moving"],
      [5, "compute", B, "moved"],
      [6, "compute", C, "moving"],
      [7, "compute", C, "moved"],
    ]);
    const warning = { code: "W_PUBLICATION_HISTORY", source: "runs/PUBLISHED.log", line: 8, message: runMessages.historyLineSkipped("runs/PUBLISHED.log", 8, cut, true) };
    expect(read.warnings).toEqual([warning]);
    // Its words, written out by hand.
    expect(warning.message).toBe(
      `runs/PUBLISHED.log:8: a line cut short (no line end: its write was stopped by a crash, a kill or a full disk), "2026-03-04T09:00:00.000Z,rollb"; skipped, the other lines are read and the file is left as it is; expected time,action,before,after,state as the tool writes them (a time in ISO 8601 UTC, compute, publish or rollback, run ids, moving or moved): delete the line by hand to stop this warning`,
    );
    // The list still lists, with the warning: C LATEST, A and B published as before.
    const listing = await listRuns(runs, "runs");
    expect(listing.historyWarnings).toEqual([warning]);
    expect(listing.runs.map(({ state }) => state)).toEqual(["published", "published", "latest"]);
    // The rollback done again: the line cut short is left as it is, the new line whole after a line end of its own.
    await rollbackRun(runs, { runsLabel: "runs", time: at(6) });
    expect(await historyText(runs)).toBe(`${whole}${cut}\n${moveLines("2026-03-06T09:00:00.000Z", "rollback", C, B)}`);
    // Read again: the cut line is now line 8 with a line end, still no line the tool writes (skipped, warned), and the
    // rollback is lines 9 and 10.
    const again = await readPublicationHistory(runs, "runs");
    expect(again.lines.map(({ line, action }) => [line, action])).toEqual([
      [2, "compute"],
      [3, "compute"],
      [4, "compute"],
      [5, "compute"],
      [6, "compute"],
      [7, "compute"],
      [9, "rollback"],
      [10, "rollback"],
    ]);
    expect(again.warnings.map(({ line, message }) => [line, message])).toEqual([[8, runMessages.historyLineSkipped("runs/PUBLISHED.log", 8, cut, false)]]);
  });

  it("a line whose move did not happen (crash or failure before the rename) is not taken for a publication", async () => {
    // Moving lines only (each move's moved line lost): C -> B was written, then LATEST could not be moved: the next
    // line starts from C again (C -> A), so the first is left out; the last line (A -> B) counts only if LATEST names B.
    const moving = { state: "moving" as const };
    const lines = [
      { time: "2026-03-04T09:00:00.000Z", action: "rollback" as const, before: C, after: B, ...moving },
      { time: "2026-03-05T09:00:00.000Z", action: "publish" as const, before: C, after: A, ...moving },
      { time: "2026-03-06T09:00:00.000Z", action: "publish" as const, before: A, after: B, ...moving },
    ];
    expect(confirmedLines(lines, B).map(({ time }) => time)).toEqual(["2026-03-05T09:00:00.000Z", "2026-03-06T09:00:00.000Z"]);
    expect(confirmedLines(lines, A).map(({ time }) => time)).toEqual(["2026-03-05T09:00:00.000Z"]);
    // The first publication of a project whose LATEST is still missing: its move did not happen.
    expect(confirmedLines([{ time: "2026-03-01T09:00:00.000Z", action: "compute", after: A, ...moving }], undefined)).toEqual([]);
    // B was LATEST from the 6th; A from the 5th until the 6th; C's move never happened, so C is in no publication.
    expect(publicationsByRun(confirmedLines(lines, B))).toEqual(
      new Map([
        [A, { first: "2026-03-05T09:00:00.000Z", last: "2026-03-05T09:00:00.000Z", times: 1, until: "2026-03-06T09:00:00.000Z" }],
        [B, { first: "2026-03-06T09:00:00.000Z", last: "2026-03-06T09:00:00.000Z", times: 1 }],
      ]),
    );
  });

  it("a move followed by its moved line happened, whatever LATEST holds later; moves refused while LATEST held no run did not (a reviewer's cases)", async () => {
    const line = (day: number, before: string | undefined, after: string, state: "moving" | "moved") => ({
      time: at(day).toISOString(),
      action: "compute" as const,
      ...(before === undefined ? {} : { before }),
      after,
      state,
    });
    // A, B, C published (each moving, moved), then LATEST set back to B by hand: C was published all the same.
    const hand = [line(1, undefined, A, "moving"), line(1, undefined, A, "moved"), line(2, A, B, "moving"), line(2, A, B, "moved"), line(3, B, C, "moving"), line(3, B, C, "moved")];
    expect(confirmedLines(hand, B).map(({ after }) => after)).toEqual([A, B, C]);
    // A published while LATEST was missing; then LATEST a folder: B's and C's renames refused (EISDIR, no moved line,
    // LATEST still held no run when C's line was written); the folder removed, D published: A and D only.
    const refused = [line(1, undefined, A, "moving"), line(1, undefined, A, "moved"), line(2, undefined, B, "moving"), line(3, undefined, C, "moving"), line(4, undefined, D, "moving"), line(4, undefined, D, "moved")];
    expect(confirmedLines(refused, D).map(({ after }) => after)).toEqual([A, D]);
    // A kill between the first compute's line and its rename: the next compute starts from no run, so A was never LATEST.
    const killed = [line(1, undefined, A, "moving"), line(2, undefined, B, "moving"), line(2, undefined, B, "moved")];
    expect(confirmedLines(killed, B).map(({ after }) => after)).toEqual([B]);
    // A kill (or a full disk) between the rename and the moved line: the next line starts from B, so B's move happened;
    // for the last line, LATEST naming it says so.
    const lost = [line(1, undefined, A, "moving"), line(1, undefined, A, "moved"), line(2, A, B, "moving"), line(3, B, C, "moving")];
    expect(confirmedLines(lost, C).map(({ after }) => after)).toEqual([A, B, C]);
    expect(confirmedLines(lost, B).map(({ after }) => after)).toEqual([A, B]);
  });

  it("a history that cannot be written leaves LATEST as it was (publish: E_WRITE naming the file); one that cannot be read, the list warns and lists", async () => {
    const runs = await threeComputes();
    // A folder in the file's place: the append fails (EISDIR), before the rename.
    await rm(join(runs, PUBLICATION_HISTORY_FILE));
    await mkdir(join(runs, PUBLICATION_HISTORY_FILE));
    await expect(writeLatest(runs, A, { action: "publish", time: at(7) })).rejects.toBeInstanceOf(HistoryNotWrittenError);
    await expect(publishRun(runs, A, { runsLabel: "runs", time: at(7) })).rejects.toMatchObject({
      code: "E_WRITE",
      message: runMessages.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", A, "EISDIR", false),
    });
    expect(await readFile(join(runs, "LATEST"), "utf8")).toBe(`${C}\n`);
    // No temporary LATEST left behind.
    expect((await readdir(runs)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // The list: every run folder, the warning naming the file and why; without the history, states from the manifests.
    const listing = await listRuns(runs, "runs");
    expect(listing.historyWarnings).toEqual([
      { code: "W_PUBLICATION_HISTORY", source: "runs/PUBLISHED.log", message: runMessages.historyUnreadable("runs/PUBLISHED.log", "EISDIR") },
    ]);
    expect(listing.runs.map(({ id, state, publication }) => [id, state, publication])).toEqual([
      [A, "published", undefined],
      [B, "published", undefined],
      [C, "latest", undefined],
    ]);
  });

  it("never appends through a link: LATEST stays, and the message says it is a link (a reviewer's case)", async () => {
    const runs = await threeComputes();
    await rename(join(runs, PUBLICATION_HISTORY_FILE), join(runs, "elsewhere.log"));
    await symlink(join(runs, "elsewhere.log"), join(runs, PUBLICATION_HISTORY_FILE));
    await expect(publishRun(runs, A, { runsLabel: "runs", time: at(7) })).rejects.toMatchObject({
      code: "E_WRITE",
      message: runMessages.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", A, "ELOOP", false),
    });
    expect(runMessages.historyNotWritten("runs/PUBLISHED.log", "runs/LATEST", A, "ELOOP", false)).toMatch(/: it is a link, which the history never follows; put the file itself in its place$/);
    expect(await readFile(join(runs, "LATEST"), "utf8")).toBe(`${C}\n`);
  });

  it("reads a history saved by Excel (a BOM, CRLF line ends, quoted cells), and skips a line it changed (a time reformatted)", async () => {
    const runs = await makeTempDir({
      ...runFiles(A, null),
      ...runFiles(B, A),
      LATEST: `${B}\n`,
      [PUBLICATION_HISTORY_FILE]: `\uFEFFtime,action,before,after,state\r\n"2026-03-01T09:00:00.000Z",compute,,${A},moving\r\n3/2/2026 9:00,compute,${A},${B},moving\r\n`,
    });
    const read = await readPublicationHistory(runs, "runs");
    expect(read.lines).toEqual([{ time: "2026-03-01T09:00:00.000Z", action: "compute", after: A, state: "moving", line: 2 }]);
    expect(read.warnings.map(({ line, message }) => [line, message])).toEqual([[3, runMessages.historyLineSkipped("runs/PUBLISHED.log", 3, `3/2/2026 9:00,compute,${A},${B},moving`, false)]]);
  });
});
