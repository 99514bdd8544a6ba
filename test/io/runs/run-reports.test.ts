/**
 * report into a run folder, killed at each step of writing: the folder writer renames `reports.json` before the files it
 * lists, and the next report completes what the killed one left (`repairDerivedFiles`), so that the folder is again as
 * `reports.json` lists it and `verify` passes. The states are made here as a kill at each step leaves them, by this
 * version's order and by that of earlier versions (which renamed `report.html` first); every SHA-256 is computed here.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { uptime } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { runMessages } from "../../../src/core/run-messages.js";
import { fingerprintOf } from "../../../src/io/runs/run-files.js";
import { htmlPage } from "../../../src/io/report/page.js";
import { formatRunReports, repairDerivedFiles, requireReplaceable, withReportsFile, type DerivedFile } from "../../../src/io/runs/run-reports.js";
import { verifyRun } from "../../../src/io/runs/verify-run.js";
import { writeFilesAtomic } from "../../../src/io/write/write.js";
import { listDir, makeTempDir } from "../../helpers.js";

const sha256 = (bytes: string) => createHash("sha256").update(bytes).digest("hex");
const RUN = "20260301T020000.123Z-1a2b3c4d";
/** The fingerprint of the manifest below (tool version "0", no options, no inputs), as verify recomputes it. */
const FINGERPRINT = fingerprintOf("0", {}, []);
const INDEX_CSV = "unit,year,INDEX\nU1,2017,100\n";
const MANIFEST = { outputs: [{ path: "index.csv", bytes: INDEX_CSV.length, sha256: sha256(INDEX_CSV) }], fingerprint: FINGERPRINT };

/** The previous report and the new one, pages as report writes them (in either language: a leftover starts with the head). */
const OLD = htmlPage("old report", "en", "", "<p>old report</p>");
const NEW = htmlPage("new report, longer", "zh", "", "<p>new report, longer</p>");

const derived = (content: string): DerivedFile => ({
  path: "report.html",
  bytes: Buffer.byteLength(content),
  sha256: sha256(content),
  command: "innovation-index report",
  run: RUN,
  fingerprint: FINGERPRINT,
  tool: { name: "innovation-index", version: "0.1.0" },
});
/** reports.json listing report.html with `content`. */
const listing = (content: string) => formatRunReports({ files: [derived(content)] });

/** A pid no process has any more. */
const deadPid = () =>
  new Promise<number>((done) => {
    const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
  });

/** A run folder (index.csv, listed in manifest.json) holding `files` besides. */
async function runFolder(files: Record<string, string>): Promise<string> {
  return makeTempDir({
    "index.csv": INDEX_CSV,
    "manifest.json": JSON.stringify({ tool: { name: "innovation-index", version: "0" }, startedAt: "2026-03-01T02:00:00.123Z", options: {}, inputs: [], ...MANIFEST }, null, 2) + "\n",
    ...files,
  });
}

describe("withReportsFile", () => {
  it("puts reports.json first, so the folder writer renames it before the report it lists", async () => {
    const folder = await runFolder({});
    const files = await withReportsFile(folder, "run", MANIFEST, { "report.html": NEW }, { command: "innovation-index report", version: "0.1.0" });
    expect(Object.keys(files)).toEqual(["reports.json", "report.html"]);
    await writeFilesAtomic(folder, files, "run", 1, { intoRun: true });
    expect(JSON.parse(await readFile(join(folder, "reports.json"), "utf8")).files).toEqual([{ ...derived(NEW), run: folder.split("/").pop() }]);
    // Every file as listed (the hand-made manifest lists index.csv only, not every output a run writes).
    expect((await verifyRun(folder)).files.filter((file) => file.status !== "ok")).toEqual([]);
  });
});

describe("repairDerivedFiles: a report killed while writing into a run folder", () => {
  // [what the kill interrupted, the files it left (P: the dead pid), the report.html and reports.json then expected
  // (undefined: none), the lines said ("removed" lines in file name order)]
  const cases: [string, Record<string, string>, string | undefined, string[]][] = [
    // This version: reports.json renamed first.
    ["second report, files written, none renamed", { "reports.json": listing(OLD), "report.html": OLD, ".reports.json.P.tmp": listing(NEW), ".report.html.P.tmp": NEW }, OLD, ["removed .report.html.P.tmp", "removed .reports.json.P.tmp"]],
    ["second report, a file half written", { "reports.json": listing(OLD), "report.html": OLD, ".reports.json.P.tmp": listing(NEW).slice(0, 9), ".report.html.P.tmp": NEW.slice(0, 9) }, OLD, ["removed .report.html.P.tmp", "removed .reports.json.P.tmp"]],
    [
      "second report, reports.json moved aside, not yet replaced",
      { "report.html": OLD, ".reports.json.P.old": listing(OLD), ".reports.json.P.tmp": listing(NEW), ".report.html.P.tmp": NEW },
      OLD,
      ["restored reports.json from .reports.json.P.old", "removed .report.html.P.tmp", "removed .reports.json.P.tmp"],
    ],
    [
      "second report, reports.json renamed, report.html not yet",
      { "reports.json": listing(NEW), ".reports.json.P.old": listing(OLD), "report.html": OLD, ".report.html.P.tmp": NEW },
      NEW,
      ["completed report.html from .report.html.P.tmp", "removed .reports.json.P.old"],
    ],
    [
      "second report, report.html moved aside, not yet replaced",
      { "reports.json": listing(NEW), ".reports.json.P.old": listing(OLD), ".report.html.P.old": OLD, ".report.html.P.tmp": NEW },
      NEW,
      ["completed report.html from .report.html.P.tmp", "removed .report.html.P.old", "removed .reports.json.P.old"],
    ],
    ["second report, both renamed, backups left", { "reports.json": listing(NEW), "report.html": NEW, ".reports.json.P.old": listing(OLD), ".report.html.P.old": OLD }, NEW, ["removed .report.html.P.old", "removed .reports.json.P.old"]],
    ["first report, files written, none renamed", { ".reports.json.P.tmp": listing(NEW), ".report.html.P.tmp": NEW }, undefined, ["removed .report.html.P.tmp", "removed .reports.json.P.tmp"]],
    ["first report, reports.json renamed, report.html not yet", { "reports.json": listing(NEW), ".report.html.P.tmp": NEW }, NEW, ["completed report.html from .report.html.P.tmp"]],
    // Earlier versions: report.html renamed first, then reports.json.
    ["earlier version, first report, report.html renamed, reports.json not yet", { "report.html": NEW, ".reports.json.P.tmp": listing(NEW) }, NEW, ["completed reports.json from .reports.json.P.tmp"]],
    [
      "earlier version, second report, report.html renamed, reports.json not yet",
      { "reports.json": listing(OLD), "report.html": NEW, ".report.html.P.old": OLD, ".reports.json.P.tmp": listing(NEW) },
      NEW,
      ["completed reports.json from .reports.json.P.tmp", "removed .report.html.P.old"],
    ],
    [
      "earlier version, second report, report.html moved aside, not yet replaced",
      { "reports.json": listing(OLD), ".report.html.P.old": OLD, ".report.html.P.tmp": NEW, ".reports.json.P.tmp": listing(NEW) },
      OLD,
      ["restored report.html from .report.html.P.old", "removed .report.html.P.tmp", "removed .reports.json.P.tmp"],
    ],
    [
      "earlier version, second report, reports.json moved aside, not yet replaced",
      { "report.html": NEW, ".report.html.P.old": OLD, ".reports.json.P.old": listing(OLD), ".reports.json.P.tmp": listing(NEW) },
      NEW,
      ["restored reports.json from .reports.json.P.old", "completed reports.json from .reports.json.P.tmp", "removed .report.html.P.old"],
    ],
  ];

  it.each(cases)("%s: the folder is made as reports.json lists it again, and verify passes", async (_what, left, report, said) => {
    const pid = String(await deadPid());
    const folder = await runFolder(Object.fromEntries(Object.entries(left).map(([name, content]) => [name.replace(".P.", `.${pid}.`), content])));
    // Each line names its file in the run folder, here "run".
    const expected = said.map((line) => outputMessages.reportLeftover(line.replaceAll(".P.", `.${pid}.`).replace(" ", " run/")));
    expect(await repairDerivedFiles(folder, "run", ["report.html"])).toEqual(expected);
    expect(await listDir(folder)).toEqual(["index.csv", "manifest.json", ...(report === undefined ? [] : ["report.html", "reports.json"])]);
    if (report !== undefined) {
      expect(await readFile(join(folder, "report.html"), "utf8")).toBe(report);
      expect(await readFile(join(folder, "reports.json"), "utf8")).toBe(listing(report));
    }
    const verified = await verifyRun(folder);
    expect(verified.files.filter((file) => file.status !== "ok")).toEqual([]);
    // Nothing left to do; and the next report may replace the report.
    expect(await repairDerivedFiles(folder, "run", ["report.html"])).toEqual([]);
    await expect(requireReplaceable(folder, "run", MANIFEST, ["report.html"])).resolves.toMatchObject({ ok: true });
  });

  it("the files of a report still running are left alone; a report edited by hand is not taken for a half-written one", async () => {
    const live = process.ppid;
    const folder = await runFolder({ "reports.json": listing(NEW), "report.html": OLD, [`.report.html.${live}.tmp`]: NEW, [`.reports.json.${live}.old`]: listing(OLD) });
    expect(await repairDerivedFiles(folder, "run", ["report.html"])).toEqual([]);
    expect(await listDir(folder)).toEqual([`.report.html.${live}.tmp`, `.reports.json.${live}.old`, "index.csv", "manifest.json", "report.html", "reports.json"]);
    // The same pid, on files written and named before this machine last started: the pid now names another process,
    // and the report that wrote them is gone, so they are completed as any killed report's. A file's change time (the
    // rename that named it) cannot be set back, so the clock is set on instead: by the machine's uptime and a minute,
    // which puts its start (now less its uptime) a minute after the files were written.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + uptime() * 1000 + 60_000 });
    try {
      expect(await repairDerivedFiles(folder, "run", ["report.html"])).toEqual([
        outputMessages.reportLeftover(runMessages.reportFileRepaired("completed", "run/report.html", `.report.html.${live}.tmp`)),
        outputMessages.reportLeftover(`removed run/.reports.json.${live}.old`),
      ]);
    } finally {
      vi.useRealTimers();
    }
    expect(await readFile(join(folder, "report.html"), "utf8")).toBe(NEW);
    // Edited by hand: no temporary file holds the bytes listed, so it stays as it is and report refuses to replace it.
    const pid = await deadPid();
    const edited = await runFolder({ "reports.json": listing(NEW), "report.html": NEW + "<!-- mine -->", [`.report.html.${pid}.tmp`]: NEW.slice(0, 9) });
    expect(await repairDerivedFiles(edited, "run", ["report.html"])).toEqual([outputMessages.reportLeftover(`removed run/.report.html.${pid}.tmp`)]);
    expect(await readFile(join(edited, "report.html"), "utf8")).toBe(NEW + "<!-- mine -->");
    await expect(requireReplaceable(edited, "run", MANIFEST, ["report.html"])).rejects.toMatchObject({ code: "E_REPORT_NOT_OURS", message: outputMessages.reportChangedSince("run/report.html") });
  });
});
