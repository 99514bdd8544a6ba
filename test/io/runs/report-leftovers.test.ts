/**
 * What a report killed while writing into a published run folder leaves there (`.report.html.<pid>.tmp`,
 * `.reports.json.<pid>.old`, ...): verify says it and passes (no mismatch), the next report or compute into the runs
 * folder removes it when it is provably the tool's (its writer gone, and it starts as the tool writes its file), and
 * keeps, with a warning, a file of the user's named so (io/runs/run-reports.ts, verify-run.ts, runs.ts). Every
 * SHA-256 is computed here by node:crypto; every dead pid is that of a child process that has ended.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { runMessages } from "../../../src/core/run-messages.js";
import { htmlPage } from "../../../src/io/report/page.js";
import { fingerprintOf } from "../../../src/io/runs/run-files.js";
import { formatRunReports, repairDerivedFiles, startOfWrittenFile } from "../../../src/io/runs/run-reports.js";
import { mayHoldLeftovers, removeLeftovers } from "../../../src/io/runs/runs.js";
import { formatFileCheck, verificationWarnings, verifyRun } from "../../../src/io/runs/verify-run.js";
import type { Issue } from "../../../src/errors.js";
// @ts-expect-error: a script without types
import { CODE_EXAMPLES as codeExamples } from "../../../scripts/reference-tables.js";
import { listDir, makeTempDir } from "../../helpers.js";

const CODE_EXAMPLES = codeExamples as Record<string, string>;
const sha256 = (bytes: string) => createHash("sha256").update(bytes).digest("hex");
const entry = (path: string, bytes: string) => ({ path, bytes: Buffer.byteLength(bytes), sha256: sha256(bytes) });
/** A pid that no process has now: that of a child that ran and ended. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", "0"]).pid!;

const FINGERPRINT = fingerprintOf("0", {}, []);
/** A run id that agrees with the manifest below: its time is startedAt's, it ends in the fingerprint's first 8 hex digits. */
const ID = `20260301T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
/** The outputs every run writes (`requiredOutputs` with no options), as small files. */
const REQUIRED: Record<string, string> = { "index.csv": "unit,year\n", "index-wide.csv": "unit\n", "index.json": "{}\n", "input-values.csv": "unit,year,indicator,value\n", "scores.csv": "unit,year\n" };
const MANIFEST = {
  tool: { name: "innovation-index", version: "0" },
  run: ID,
  startedAt: "2026-03-01T02:00:00.123Z",
  fingerprint: FINGERPRINT,
  options: {},
  inputs: [],
  outputs: Object.entries(REQUIRED).map(([path, bytes]) => entry(path, bytes)),
};
/** Two reports as report writes them (pages in either language) and the reports.json listing each. */
const OLD = htmlPage("old report", "en", "", "<p>old</p>");
const NEW = htmlPage("new report", "zh", "", "<p>new, longer</p>");
const listing = (report: string) =>
  formatRunReports({ files: [{ ...entry("report.html", report), command: "innovation-index report", run: ID, fingerprint: FINGERPRINT, tool: { name: "innovation-index", version: "0" } }] });

/** A runs folder whose run `ID` (published: LATEST names it) holds its outputs and `files` besides; returns the runs folder. */
async function runsWith(files: Record<string, string>): Promise<string> {
  return makeTempDir({
    LATEST: `${ID}\n`,
    ...Object.fromEntries(Object.entries(REQUIRED).map(([path, bytes]) => [`${ID}/${path}`, bytes])),
    [`${ID}/manifest.json`]: JSON.stringify(MANIFEST, null, 2) + "\n",
    ...Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`${ID}/${path}`, bytes])),
  });
}

describe("a report killed while writing into a run folder", () => {
  it("fails no verify, which says each file it left and what to do; the next report removes them; verify is then silent", async () => {
    const dead = deadPid();
    // Killed with both files written, none renamed: its report.html cut short, its reports.json whole.
    const runs = await runsWith({ "reports.json": listing(OLD), "report.html": OLD, [`.report.html.${dead}.tmp`]: NEW.slice(0, 100), [`.reports.json.${dead}.tmp`]: listing(NEW) });
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const verified = await verifyRun(folder, label);
    expect(verified.ok).toBe(true);
    // Six files of the run (5 outputs and report.html) match, the two temporary files are leftovers.
    expect(verified.counts).toEqual({ ok: 6, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 2, writing: 0 });
    expect(verified.files.filter((file) => file.status === "leftover").map(formatFileCheck)).toEqual([undefined, undefined]);
    const said = (name: string, of: string): Issue => ({
      code: "W_RUN_WRITE_LEFTOVER",
      source: `${label}/${name}`,
      message: outputMessages.verifyWriteLeftover(`${label}/${name}`, of, "tmp", dead, true),
    });
    expect(verificationWarnings(verified, label)).toEqual([said(`.report.html.${dead}.tmp`, "report.html"), said(`.reports.json.${dead}.tmp`, "reports.json")]);
    // The next report: both start as report writes them, so both go, each said; nothing kept.
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(folder, label, ["report.html"], (warning) => kept.push(warning))).toEqual([
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`${label}/.report.html.${dead}.tmp`)),
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`${label}/.reports.json.${dead}.tmp`)),
    ]);
    expect(kept).toEqual([]);
    const again = await verifyRun(folder, label);
    expect(again.ok).toBe(true);
    expect(verificationWarnings(again, label)).toEqual([]);
  });

  it("the next compute into the runs folder (--if-changed too: mayHoldLeftovers) removes them, or completes a file as report would", async () => {
    const dead = deadPid();
    // Killed between the renames: reports.json lists the new report, report.html is still the old one, the new one in
    // its temporary file, and the previous reports.json in its backup.
    const runs = await runsWith({ "reports.json": listing(NEW), "report.html": OLD, [`.report.html.${dead}.tmp`]: NEW, [`.reports.json.${dead}.old`]: listing(OLD) });
    expect(await mayHoldLeftovers(runs, ID)).toBe(true);
    const { removed, warnings, repaired } = await removeLeftovers(runs, "runs", ID);
    expect(removed).toEqual([]);
    expect(warnings).toEqual([]);
    expect(repaired).toEqual([
      outputMessages.reportLeftover(runMessages.reportFileRepaired("completed", `runs/${ID}/report.html`, `.report.html.${dead}.tmp`)),
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`runs/${ID}/.reports.json.${dead}.old`)),
    ]);
    expect(await readFile(join(runs, ID, "report.html"), "utf8")).toBe(NEW);
    expect(await listDir(join(runs, ID))).toEqual([...Object.keys(REQUIRED), "manifest.json", "report.html", "reports.json"].sort());
    expect((await verifyRun(join(runs, ID))).ok).toBe(true);
    // Nothing left: an unchanged --if-changed takes no lock for it, and the next tidy says nothing.
    expect(await mayHoldLeftovers(runs, ID)).toBe(false);
    expect(await removeLeftovers(runs, "runs", ID)).toEqual({ removed: [], warnings: [] });
  });

  it("a file of the user's named so is kept by report and compute, with a warning; verify passes and says so", async () => {
    const dead = deadPid();
    const live = process.ppid; // this test's parent: it runs, and started before these files were written
    const runs = await runsWith({
      [`.report.html.${dead}.tmp`]: "my precious notes\n",
      // No reports.json: a backup of one would be put back, but this is no reports.json.
      [`.reports.json.${dead}.old`]: "[1, 2]\n",
      // A report writing now (its writer runs): no leftover, and left alone.
      [`.report.html.${live}.tmp`]: NEW.slice(0, 50),
      // Not a file report writes: unlisted, as before.
      [`.index.csv.${dead}.tmp`]: "unit\n",
    });
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const verified = await verifyRun(folder, label);
    expect(verified.ok).toBe(false);
    expect(verified.counts).toEqual({ ok: 5, missing: 0, changed: 0, unlisted: 1, outside: 0, leftover: 2, writing: 1 });
    expect(verified.files.map(formatFileCheck).filter(Boolean)).toEqual([outputMessages.verifyUnlisted(`.index.csv.${dead}.tmp`)]);
    // In the order of their names (the two pids' digits order the first two).
    const bySource = (a: Issue, b: Issue) => (a.source! < b.source! ? -1 : 1);
    expect(verificationWarnings(verified, label)).toEqual(
      [
        { code: "W_RUN_WRITE_LEFTOVER", source: `${label}/.report.html.${dead}.tmp`, message: outputMessages.verifyWriteLeftover(`${label}/.report.html.${dead}.tmp`, "report.html", "tmp", dead, false) },
        { code: "W_RUN_BEING_WRITTEN", source: `${label}/.report.html.${live}.tmp`, message: outputMessages.verifyBeingWritten(`${label}/.report.html.${live}.tmp`, "report.html", "tmp", live) },
        { code: "W_RUN_WRITE_LEFTOVER", source: `${label}/.reports.json.${dead}.old`, message: outputMessages.verifyWriteLeftover(`${label}/.reports.json.${dead}.old`, "reports.json", "old", dead, false) },
      ].sort(bySource),
    );
    // The next report keeps both, each said with what it starts with and how report's starts.
    const keptWarnings = [
      {
        code: "W_REPORT_TEMPORARY_KEPT",
        source: `${label}/.report.html.${dead}.tmp`,
        message: outputMessages.reportTemporaryKept(`${label}/.report.html.${dead}.tmp`, "report.html", "tmp", "my precious notes\n", '<!DOCTYPE html>\n<html lang="en">'),
      },
      {
        code: "W_REPORT_TEMPORARY_KEPT",
        source: `${label}/.reports.json.${dead}.old`,
        message: outputMessages.reportTemporaryKept(`${label}/.reports.json.${dead}.old`, "reports.json", "old", "[1, 2]\n", '{\n  "files": ['),
      },
    ];
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(folder, label, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    expect(kept).toEqual(keptWarnings);
    // So does compute's tidying, with the same warnings.
    expect(await removeLeftovers(runs, "runs", ID)).toEqual({ removed: [], warnings: keptWarnings });
    expect(await readFile(join(folder, `.report.html.${dead}.tmp`), "utf8")).toBe("my precious notes\n");
    expect(await readFile(join(folder, `.reports.json.${dead}.old`), "utf8")).toBe("[1, 2]\n");
    expect(await listDir(folder)).toContain(`.report.html.${live}.tmp`);
    expect(await listDir(folder)).not.toContain("reports.json");
  });

  it("startOfWrittenFile: a page's head in either language, reports.json's first line, a part of either, or nothing", async () => {
    const dir = await makeTempDir({ en: OLD, zh: NEW, cut: OLD.slice(0, 20), empty: "", json: listing(NEW).slice(0, 5), other: "<!DOCTYPE html><p>mine</p>\n" });
    const start = async (file: string, name: string) => (await startOfWrittenFile(join(dir, file), name)).written;
    expect(await start("en", "report.html")).toBe(true);
    expect(await start("zh", "report.html")).toBe(true);
    expect(await start("cut", "report.html")).toBe(true);
    expect(await start("empty", "report.html")).toBe(true); // just created by the writer, nothing written yet
    expect(await start("json", "reports.json")).toBe(true);
    // Another page that starts with the doctype only, a page where reports.json belongs, a name the tool knows no start of.
    expect(await start("other", "report.html")).toBe(false);
    expect(await start("en", "reports.json")).toBe(false);
    expect(await startOfWrittenFile(join(dir, "en"), "figures.csv")).toEqual({ written: false, found: OLD.slice(0, 60) });
    // A file that cannot be read is said so, with the error code (never as one that starts with ""): absent, a folder.
    expect(await startOfWrittenFile(join(dir, "absent"), "report.html")).toEqual({ written: false, found: "", expected: '<!DOCTYPE html>\n<html lang="en">', unreadable: "ENOENT" });
    await mkdir(join(dir, "folder"));
    expect((await startOfWrittenFile(join(dir, "folder"), "report.html")).unreadable).toBe("EISDIR");
  });

  it("a run folder with no such file is not read further, and repairDerivedFiles of one says nothing", async () => {
    const runs = await runsWith({ "reports.json": listing(OLD), "report.html": OLD });
    // A report.html edited by hand since: only verify and report look at it, not compute's tidying.
    await writeFile(join(runs, ID, "report.html"), OLD + "<!-- mine -->");
    expect(await mayHoldLeftovers(runs, ID)).toBe(false);
    expect(await repairDerivedFiles(join(runs, ID), `runs/${ID}`, ["report.html"])).toEqual([]);
    expect(await removeLeftovers(runs, "runs", ID)).toEqual({ removed: [], warnings: [] });
  });

  it("the reference's examples are the messages themselves", () => {
    const file = "runs/20260301T020000.123Z-1a2b3c4d/.report.html.4242.tmp";
    expect(CODE_EXAMPLES.W_RUN_WRITE_LEFTOVER).toBe(outputMessages.verifyWriteLeftover(file, "report.html", "tmp", 4242, true));
    expect(CODE_EXAMPLES.W_RUN_BEING_WRITTEN).toBe(outputMessages.verifyBeingWritten(file, "report.html", "tmp", 4242));
    expect(CODE_EXAMPLES.W_REPORT_TEMPORARY_KEPT).toBe(outputMessages.reportTemporaryKept(file, "report.html", "tmp", "my precious notes\n", '<!DOCTYPE html>\n<html lang="en">'));
  });
});

describe("a backup .<name>.<pid>.old is judged by its rename, not by its modification time, which the rename keeps", () => {
  let writer: ChildProcess | undefined;
  afterEach(() => {
    writer?.kill();
    writer = undefined;
  });

  /**
   * The run folder of a report that has renamed every new file into place and not yet removed the backups of the
   * previous versions, named with `pid`; each backup's modification time a minute before now, as the rename keeps that
   * of the previous report's write (`utimes` sets the change time to now, as the rename did). Returns the runs folder.
   */
  async function backupsOf(pid: number): Promise<string> {
    const runs = await runsWith({ "reports.json": listing(NEW), "report.html": NEW, [`.report.html.${pid}.old`]: OLD, [`.reports.json.${pid}.old`]: listing(OLD) });
    const writtenAt = new Date(Date.now() - 60_000);
    for (const backup of [`.report.html.${pid}.old`, `.reports.json.${pid}.old`]) await utimes(join(runs, ID, backup), writtenAt, writtenAt);
    return runs;
  }

  it("of a report that runs (started after the backups' modification time): being written, left alone by report and compute", async () => {
    // The writer: a process that runs for the whole test, started before the backups are made, and a minute after
    // their modification time, which a judgement by that time alone takes for a pid reused since (a leftover).
    writer = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"], { stdio: "ignore" });
    const live = writer.pid!;
    const runs = await backupsOf(live);
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const verified = await verifyRun(folder, label);
    // The 5 outputs and report.html (its new version, which reports.json lists) match; the two backups are being written.
    expect(verified.counts).toEqual({ ok: 6, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 0, writing: 2 });
    const said = (name: string, of: string): Issue => ({ code: "W_RUN_BEING_WRITTEN", source: `${label}/${name}`, message: outputMessages.verifyBeingWritten(`${label}/${name}`, of, "old", live) });
    expect(verificationWarnings(verified, label)).toEqual([said(`.report.html.${live}.old`, "report.html"), said(`.reports.json.${live}.old`, "reports.json")]);
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(folder, label, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    expect(kept).toEqual([]);
    expect(await removeLeftovers(runs, "runs", ID)).toEqual({ removed: [], warnings: [] });
    expect(await readFile(join(folder, `.report.html.${live}.old`), "utf8")).toBe(OLD);
    expect(await readFile(join(folder, `.reports.json.${live}.old`), "utf8")).toBe(listing(OLD));
  });

  it("of a report that has ended: leftovers, removed by the next report", async () => {
    const dead = deadPid();
    const runs = await backupsOf(dead);
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const verified = await verifyRun(folder, label);
    expect(verified.counts).toEqual({ ok: 6, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 2, writing: 0 });
    const said = (name: string, of: string): Issue => ({
      code: "W_RUN_WRITE_LEFTOVER",
      source: `${label}/${name}`,
      message: outputMessages.verifyWriteLeftover(`${label}/${name}`, of, "old", dead, true),
    });
    expect(verificationWarnings(verified, label)).toEqual([said(`.report.html.${dead}.old`, "report.html"), said(`.reports.json.${dead}.old`, "reports.json")]);
    // Both start as report writes their files (a page's head, reports.json's first line): removed, each said.
    expect(await repairDerivedFiles(folder, label, ["report.html"])).toEqual([
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`${label}/.report.html.${dead}.old`)),
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`${label}/.reports.json.${dead}.old`)),
    ]);
    expect(await listDir(folder)).toEqual([...Object.keys(REQUIRED), "manifest.json", "report.html", "reports.json"].sort());
  });
});

describe("a temporary file completed only over a version the tool listed (never over a file edited by hand)", () => {
  it("report.html edited after a copy was put beside it as .report.html.<pid>.tmp: both kept, said; report then refuses report.html", async () => {
    const dead = deadPid();
    // reports.json lists OLD; the copy holds OLD (its listed bytes), report.html holds OLD and the user's notes.
    const edited = OLD + "<!-- my notes -->\n";
    const runs = await runsWith({ "reports.json": listing(OLD), "report.html": edited, [`.report.html.${dead}.tmp`]: OLD });
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(folder, label, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    const temporary = `${label}/.report.html.${dead}.tmp`;
    expect(kept).toEqual([{ code: "W_REPORT_TEMPORARY_KEPT", source: temporary, message: outputMessages.reportTemporaryNotCompleted(temporary, `${label}/report.html`) }]);
    expect(await readFile(join(folder, "report.html"), "utf8")).toBe(edited);
    expect(await readFile(join(folder, `.report.html.${dead}.tmp`), "utf8")).toBe(OLD);
    // report refuses report.html as changed since, as it does without the copy.
    const { requireReplaceable } = await import("../../../src/io/runs/run-reports.js");
    await expect(requireReplaceable(folder, label, MANIFEST, ["report.html"])).rejects.toThrow(outputMessages.reportChangedSince(`${label}/report.html`));
    // compute's tidying keeps both too, and says it (one warning, nothing repaired).
    const leftovers = await removeLeftovers(runs, "runs", ID);
    expect(leftovers.warnings.map((warning) => warning.message)).toEqual([outputMessages.reportTemporaryNotCompleted(temporary, `${label}/report.html`)]);
    expect(leftovers.repaired).toBeUndefined();
    expect(await readFile(join(folder, "report.html"), "utf8")).toBe(edited);
  });

  it("killed between the renames: report.html still the version the backup .reports.json.<pid>.old lists is completed", async () => {
    const dead = deadPid();
    // reports.json (renamed first) lists NEW; report.html is OLD, which the backup lists; the temporary file holds NEW.
    const runs = await runsWith({ "reports.json": listing(NEW), [`.reports.json.${dead}.old`]: listing(OLD), "report.html": OLD, [`.report.html.${dead}.tmp`]: NEW });
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    expect(await repairDerivedFiles(folder, label, ["report.html"])).toEqual([
      outputMessages.reportLeftover(runMessages.reportFileRepaired("completed", `${label}/report.html`, `.report.html.${dead}.tmp`)),
      outputMessages.reportLeftover(runMessages.reportFileRemoved(`${label}/.reports.json.${dead}.old`)),
    ]);
    expect(await readFile(join(folder, "report.html"), "utf8")).toBe(NEW);
  });

  it("a present report.html listed nowhere (no backup): kept, however the temporary file matches", async () => {
    const dead = deadPid();
    const runs = await runsWith({ "reports.json": listing(NEW), "report.html": OLD, [`.report.html.${dead}.tmp`]: NEW });
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(join(runs, ID), `runs/${ID}`, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    expect(kept.map((warning) => warning.code)).toEqual(["W_REPORT_TEMPORARY_KEPT"]);
    expect(await readFile(join(runs, ID, "report.html"), "utf8")).toBe(OLD);
  });
});

describe("pid 0 in a file's name: no process of this tool, so neither running nor provably the tool's", () => {
  it(".report.html.0.tmp starting as the tool's page: kept with a warning by report and compute; verify says a leftover, not a report being written", async () => {
    const runs = await runsWith({ "reports.json": listing(OLD), "report.html": OLD, ".report.html.0.tmp": NEW });
    const folder = join(runs, ID);
    const label = `runs/${ID}`;
    const kept: Issue[] = [];
    expect(await repairDerivedFiles(folder, label, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    const source = `${label}/.report.html.0.tmp`;
    expect(kept).toEqual([{ code: "W_REPORT_TEMPORARY_KEPT", source, message: outputMessages.writerPidNone(source, "report.html", 0) }]);
    expect(await readFile(join(folder, ".report.html.0.tmp"), "utf8")).toBe(NEW);
    const verified = await verifyRun(folder, label);
    expect(verified.counts.writing).toBe(0);
    expect(verified.counts.leftover).toBe(1);
    expect((await removeLeftovers(runs, "runs", ID)).warnings.map((warning) => warning.source)).toEqual([source]);
  });

  it(".lock.0.stale holding a lock and .LATEST.0.tmp holding the run's id: kept, each with its warning", async () => {
    const lock = JSON.stringify({ pid: 4242, host: "stats-01", startedAt: "2026-03-01T02:00:00.000Z" }) + "\n";
    const runs = await runsWith({});
    await writeFile(join(runs, ".lock.0.stale"), lock);
    await writeFile(join(runs, ".LATEST.0.tmp"), `${ID}\n`);
    const leftovers = await removeLeftovers(runs, "runs", ID);
    expect(leftovers.removed).toEqual([]);
    expect(leftovers.warnings).toEqual([
      { code: "W_LOCK_TEMPORARY_KEPT", source: "runs/.lock.0.stale", message: outputMessages.writerPidNone("runs/.lock.0.stale", "runs/.lock", 0) },
      { code: "W_LATEST_TEMPORARY_KEPT", source: "runs/.LATEST.0.tmp", message: outputMessages.writerPidNone("runs/.LATEST.0.tmp", "LATEST", 0) },
    ]);
    expect(await readFile(join(runs, ".lock.0.stale"), "utf8")).toBe(lock);
    expect(await readFile(join(runs, ".LATEST.0.tmp"), "utf8")).toBe(`${ID}\n`);
  });
});
