import { mkdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { removeStaleLock } from "../../../src/io/write/folder-lock.js";
import {
  acquireLock,
  discardRun,
  finishRun,
  isRunId,
  listPublishedRuns,
  listRunIdsToFollow,
  newRunId,
  readLatest,
  readLatestPointer,
  removeLeftovers,
  STAGING_MARKER,
  startStaging,
  writeLatest,
  type LatestPointer,
} from "../../../src/io/runs/runs.js";
import { canonicalJson, fingerprintOf } from "../../../src/io/runs/run-files.js";
import { listRuns } from "../../../src/io/runs/list-runs.js";
import { listDir, makeTempDir as makeDir } from "../../helpers.js";

const created: string[] = [];
afterAll(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});
/** A temporary folder removed after these tests. */
async function makeTempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeDir(files);
  created.push(dir);
  return dir;
}

describe("run ids", () => {
  it("newRunId(time, fingerprint, existing) is the UTC time and 8 hex digits, later than every existing id", () => {
    const time = new Date(Date.UTC(2026, 10, 25, 13, 50, 0, 123));
    expect(newRunId(time, "1a2b3c4d5e6f", [])).toBe("20261125T135000.123Z-1a2b3c4d");
    expect(isRunId("20261125T135000.123Z-1a2b3c4d")).toBe(true);
    expect(isRunId("LATEST")).toBe(false);
    // Same millisecond as an existing run, or a clock set back: 1 ms after the last run.
    expect(newRunId(time, "ffffffff", ["20261125T135000.123Z-00000000"])).toBe("20261125T135000.124Z-ffffffff");
    expect(newRunId(time, "ffffffff", ["20261231T235959.999Z-00000000"])).toBe("20270101T000000.000Z-ffffffff");
  });

  it("listRunIdsToFollow: the runs a new run follows are the run folders, less the later ones that are not provably runs of this tool", async () => {
    // A manifest as compute writes it (fingerprint, inputs, outputs), written under `run` when given (older versions: none).
    const manifest = (fingerprint: string, run?: string) => JSON.stringify({ ...(run ? { run } : {}), fingerprint, inputs: [], outputs: [] });
    const earlier = "20261125T120000.000Z-0000000a"; // before the clock: counted, its folder not even read
    const setBack = "20261126T000000.000Z-1a2b3c4d"; // a run of this tool made before the clock was set back
    const older = "20261127T000000.000Z-2b3c4d5e"; // a run of an older version, whose manifest records no id
    const byHand = "20311231T000000.000Z-deadbeef"; // a folder made by hand
    const copied = "20320101T000000.000Z-1a2b3c4d"; // the run setBack copied under a later id (its manifest names setBack)
    const mismatched = "20330101T000000.000Z-99999999"; // a manifest whose fingerprint does not end the id
    const file = "20340101T000000.000Z-eeeeeeee"; // a file named by an id
    const dir = await makeTempDir({
      [`${earlier}/notes.txt`]: "no manifest",
      [`${setBack}/manifest.json`]: manifest("1a2b3c4d5e6f", setBack),
      [`${older}/manifest.json`]: manifest("2b3c4d5e6f70"),
      [`${byHand}/notes.txt`]: "mine",
      [`${copied}/manifest.json`]: manifest("1a2b3c4d5e6f", setBack),
      [`${mismatched}/manifest.json`]: manifest("1a2b3c4d5e6f", mismatched),
      [file]: "x",
    });
    const time = new Date(Date.UTC(2026, 10, 25, 13, 50, 0, 123));
    // Worked out by hand: earlier (before the clock), setBack (its manifest names it), older (no id recorded, the
    // fingerprint ends its id); not byHand (no manifest), copied (names setBack), mismatched (another fingerprint), file.
    expect(await listRunIdsToFollow(dir, time)).toEqual([earlier, setBack, older]);
    // So the new id follows the run of the clock set back (the older version's run, 27 Nov), and nothing after it.
    expect(newRunId(time, "ffffffff", await listRunIdsToFollow(dir, time))).toBe("20261127T000000.001Z-ffffffff");
    // Nothing was touched.
    expect(await listDir(dir)).toEqual([earlier, setBack, older, byHand, copied, mismatched, file]);
    expect(await readFile(join(dir, byHand, "notes.txt"), "utf8")).toBe("mine");
  });

  it("removeLeftovers says a later run of this tool was never published, and anything else named like one is no run, each left as it is", async () => {
    const manifest = (fingerprint: string, run?: string) => JSON.stringify({ ...(run ? { run } : {}), fingerprint, inputs: [], outputs: [] });
    const published = "20260101T000000.000Z-00000000";
    const unpublished = "20260102T000000.000Z-1a2b3c4d"; // a run of this tool, its manifest written under its id
    const byHand = "20260103T000000.000Z-deadbeef"; // a folder made by hand: no manifest
    const copied = "20260104T000000.000Z-1a2b3c4d"; // the unpublished run copied under a later id
    const mismatched = "20260105T000000.000Z-99999999"; // a manifest whose fingerprint does not end the id
    const damaged = "20260106T000000.000Z-abcdef01"; // a manifest that is not JSON
    const file = "20260107T000000.000Z-eeeeeeee"; // a file named by an id
    const dir = await makeTempDir({
      [`${published}/manifest.json`]: manifest("000000001111", published),
      [`${unpublished}/manifest.json`]: manifest("1a2b3c4d5e6f", unpublished),
      [`${byHand}/notes.txt`]: "mine",
      [`${copied}/manifest.json`]: manifest("1a2b3c4d5e6f", unpublished),
      [`${mismatched}/manifest.json`]: manifest("1a2b3c4d5e6f", mismatched),
      [`${damaged}/manifest.json`]: "{",
      [file]: "x",
    });
    await writeLatest(dir, published, { action: "publish" });
    const leftovers = await removeLeftovers(dir, "runs", published);
    expect(leftovers.removed).toEqual([]);
    expect(leftovers.warnings.map((warning) => warning.code)).toEqual(Array(6).fill("W_UNPUBLISHED_RUN"));
    expect(leftovers.warnings.map((warning) => warning.source)).toEqual([unpublished, byHand, copied, mismatched, damaged, file].map((name) => `runs/${name}`));
    const messages = leftovers.warnings.map((warning) => warning.message);
    // Only the run of this tool is said to be unpublished.
    expect(messages[0]).toBe(outputMessages.unpublishedRun(`runs/${unpublished}`, published));
    // The others, written out by hand: what each is, and that nothing was done to it.
    const foreign = (name: string, why: string) =>
      `runs/${name} is named like a run later than the run LATEST names (${published}), but is not a run of this tool: ${why}; left untouched (not removed, not published); expected only run folders that compute wrote under their own id in the runs folder (move it elsewhere if it is kept there by hand)`;
    expect(messages[1]).toBe(foreign(byHand, "its manifest.json is missing"));
    expect(messages[2]).toBe(foreign(copied, `its manifest.json records it as run "${unpublished}", so it was written under another name (a run copied or renamed)`));
    expect(messages[3]).toBe(foreign(mismatched, 'the fingerprint its manifest.json records begins "1a2b3c4d", but its name ends "99999999" (a run id ends with the first 8 hex digits of its fingerprint)'));
    expect(messages[4]).toMatch(new RegExp(`^runs/${damaged.replace(".", "\\.")} is named like a run .*: its manifest\\.json is not valid JSON \\(.+\\); left untouched`));
    expect(messages[5]).toBe(foreign(file, "it is a file, not a folder"));
    // Nothing was touched.
    expect(await listDir(dir)).toEqual([published, unpublished, byHand, copied, mismatched, damaged, file, "LATEST"]);
    expect(await readFile(join(dir, byHand, "notes.txt"), "utf8")).toBe("mine");
    expect(await readFile(join(dir, file), "utf8")).toBe("x");
  });
});

describe("LATEST and the lock", () => {
  it("writeLatest replaces the pointer; published runs are those up to LATEST", async () => {
    const dir = await makeTempDir({ "20260101T000000.000Z-00000000/index.json": "{}", "20260102T000000.000Z-11111111/index.json": "{}" });
    expect(await readLatest(dir)).toBeUndefined();
    expect(await listPublishedRuns(dir)).toEqual([]);
    await writeLatest(dir, "20260101T000000.000Z-00000000", { action: "publish" });
    expect(await readFile(join(dir, "LATEST"), "utf8")).toBe("20260101T000000.000Z-00000000\n");
    expect(await listPublishedRuns(dir)).toEqual(["20260101T000000.000Z-00000000"]);
    await writeLatest(dir, "20260102T000000.000Z-11111111", { action: "publish" });
    expect(await listPublishedRuns(dir)).toEqual(["20260101T000000.000Z-00000000", "20260102T000000.000Z-11111111"]);
    expect(await listDir(dir)).toEqual(["20260101T000000.000Z-00000000", "20260102T000000.000Z-11111111", "LATEST"]); // no temporary file left
  });

  it("writeLatest that cannot move the pointer (a folder in its place) fails and leaves no temporary file", async () => {
    const dir = await makeTempDir({ "20260101T000000.000Z-00000000/index.json": "{}", "LATEST/x": "" });
    await expect(writeLatest(dir, "20260101T000000.000Z-00000000", { action: "publish" })).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await listDir(dir)).toEqual(["20260101T000000.000Z-00000000", "LATEST"]);
  });

  it("discardRun removes the run's staging folder when it holds the marker naming it, never a run folder", async () => {
    const a = "20260101T000000.000Z-00000000";
    const b = "20260102T000000.000Z-11111111";
    const c = "20260103T000000.000Z-22222222";
    const dir = await makeTempDir({ [`${a}/index.json`]: "{}", [`${b}/index.json`]: "{}", [`.staging-${c}/index.json`]: "{}" });
    await discardRun(dir, c); // no marker: not provably this tool's, kept
    expect(await listDir(dir)).toEqual([`.staging-${c}`, a, b]);
    await writeFile(join(dir, `.staging-${c}`, STAGING_MARKER), `${c}\n`);
    await discardRun(dir, c);
    expect(await listDir(dir)).toEqual([a, b]);
    await discardRun(dir, b); // no LATEST at all, and b is a complete run folder: kept
    await writeLatest(dir, a, { action: "publish" });
    await discardRun(dir, a);
    expect(await listDir(dir)).toEqual([a, b, "LATEST"]);
  });

  it("finishRun renames the staging folder, then removes its marker; a marker a kill left in between is removed by the next run, the run kept", async () => {
    const a = "20260101T000000.000Z-00000000";
    const b = "20260102T000000.000Z-11111111";
    const dir = await makeTempDir();
    await writeFile(join(await startStaging(dir, a), "index.json"), "{}");
    await finishRun(dir, a);
    expect(await listDir(dir)).toEqual([a]);
    expect(await listDir(join(dir, a))).toEqual(["index.json"]);
    // A run killed between the rename and the marker's removal: a complete run folder holding the marker naming it.
    await writeFile(join(await startStaging(dir, b), "index.json"), "{}");
    await rename(join(dir, `.staging-${b}`), join(dir, b));
    // A marker naming another run is not this run's: kept, as is the folder of someone else named like a run.
    const c = "20260103T000000.000Z-22222222";
    await mkdir(join(dir, c));
    await writeFile(join(dir, c, STAGING_MARKER), `${a}\n`);
    await writeLatest(dir, a, { action: "publish" });
    const leftovers = await removeLeftovers(dir, "runs", a);
    expect(leftovers.removed).toEqual([`${b}/${STAGING_MARKER}`]);
    // b held the marker naming it, so it is a run of this tool never published; c, with no manifest and a marker naming
    // another run, is no run of this tool.
    expect(leftovers.warnings.map((warning) => warning.message)).toEqual([
      outputMessages.unpublishedRun(`runs/${b}`, a),
      outputMessages.foreignRunFolder(`runs/${c}`, a, { kind: "manifest", problem: outputMessages.manifestMissing() }),
    ]);
    expect(await listDir(join(dir, b))).toEqual(["index.json"]);
    expect(await listDir(join(dir, c))).toEqual([STAGING_MARKER]);
    // With LATEST broken no run folder is judged, but a marker naming its folder is still this tool's and goes.
    await rename(join(dir, b), join(dir, `.staging-${b}`));
    await writeFile(join(dir, `.staging-${b}`, STAGING_MARKER), `${b}\n`);
    await rename(join(dir, `.staging-${b}`), join(dir, b));
    expect(await removeLeftovers(dir, "runs", undefined)).toEqual({ removed: [`${b}/${STAGING_MARKER}`], warnings: [] });
  });

  it("readLatestPointer reads a run id naming an existing folder, and says what is wrong with anything else", async () => {
    const a = "20260101T000000.000Z-00000000";
    const dir = await makeTempDir({ [`${a}/index.json`]: "{}" });
    expect(await readLatestPointer(join(dir, "none"), "none")).toEqual({}); // no runs folder: no run yet
    expect(await readLatestPointer(dir, "runs")).toEqual({ problem: outputMessages.latestMissing("runs/LATEST", 1) });
    const cases: [string, LatestPointer][] = [
      [`${a}\n`, { id: a }],
      [`  ${a}\r\n`, { id: a }],
      // A run id whose folder is gone is still named: the run published before, a new run's previous.
      ["20991231T000000.000Z-ffffffff", { problem: outputMessages.latestNamesMissingRun("runs/LATEST", "20991231T000000.000Z-ffffffff"), named: "20991231T000000.000Z-ffffffff" }],
      // Anything else is held as it was found (trimmed), for runs publish to say what it replaced.
      ["../../x", { problem: outputMessages.latestNotRunId("runs/LATEST", "../../x"), held: "../../x" }],
      [`${a}/..`, { problem: outputMessages.latestNotRunId("runs/LATEST", `${a}/..`), held: `${a}/..` }],
      ["", { problem: outputMessages.latestNotRunId("runs/LATEST", ""), held: "" }],
      [" garbage \n\n", { problem: outputMessages.latestNotRunId("runs/LATEST", "garbage"), held: "garbage" }],
      ["x".repeat(1000), { problem: outputMessages.latestNotRunId("runs/LATEST", "x".repeat(256)), held: "x".repeat(256) }], // only 256 bytes are read
    ];
    for (const [content, expected] of cases) {
      await writeFile(join(dir, "LATEST"), content);
      expect(await readLatestPointer(dir, "runs"), JSON.stringify(content)).toEqual(expected);
      expect(await readLatest(dir)).toBe(expected.id);
    }
    // As Windows writes it by hand: PowerShell 5's `echo <id> > runs\LATEST` is UTF-16 LE with its mark and CRLF;
    // UTF-16 BE with its mark, and UTF-8 with one (Notepad), are read alike (before: UTF-16 was held as "��2\u00000…").
    const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
    for (const bytes of [Buffer.from(`\uFEFF${a}\r\n`, "utf16le"), utf16be(`\uFEFF${a}\r\n`), Buffer.from(`\uFEFF${a} \r\n`, "utf8")]) {
      await writeFile(join(dir, "LATEST"), bytes);
      expect(await readLatestPointer(dir, "runs"), bytes.subarray(0, 4).toString("hex")).toEqual({ id: a });
    }
    // The mark is what says UTF-16: the same text decoded, anything wrong in it is said in its words, not its bytes.
    await writeFile(join(dir, "LATEST"), Buffer.from("\uFEFFgarbage\r\n", "utf16le"));
    expect(await readLatestPointer(dir, "runs")).toEqual({ problem: outputMessages.latestNotRunId("runs/LATEST", "garbage"), held: "garbage" });
    // Written out by hand: what LATEST holds is cut as every input is (quote.ts), 200 of the 256 bytes read, 56 more.
    await writeFile(join(dir, "LATEST"), "x".repeat(1000));
    expect((await readLatestPointer(dir, "runs")).problem).toBe(
      `runs/LATEST holds "${"x".repeat(200)}"… (56 more characters), which is not a run id (a run folder's id looks like 20260301T020000.123Z-1a2b3c4d)`,
    );
    // A run id naming a file, not a run folder: said as runs publish and verify say it, and still named.
    const file = "20991231T235959.999Z-0123abcd";
    await writeFile(join(dir, file), "not a run\n");
    await writeFile(join(dir, "LATEST"), `${file}\n`);
    expect(await readLatestPointer(dir, "runs")).toEqual({ problem: `runs/LATEST names run ${file}, which is a file, not a run folder`, named: file });
    // A folder in LATEST's place: said to be one (it used to be quoted as the text "(a folder)").
    await rm(join(dir, "LATEST"));
    await mkdir(join(dir, "LATEST"));
    expect(await readLatestPointer(dir, "runs")).toEqual({
      problem: "runs/LATEST is a folder, not the file that names the published run; expected a file holding a run id (such as 20260301T020000.123Z-1a2b3c4d): move the folder out of the runs folder",
    });
    await writeFile(join(dir, "file"), "");
    await expect(readLatestPointer(join(dir, "file"), "runs")).rejects.toMatchObject({ code: "E_RUNS_NOT_FOLDER", message: outputMessages.runsNotFolder("runs") });
    await expect(writeLatest(dir, "../../x", { action: "publish" })).rejects.toThrow(RangeError);
  });
  it.skipIf(process.platform === "win32")("listRuns marks a file (or a pipe) named by a run id as not a run folder, reading nothing of it", async () => {
    const a = "20260101T000000.000Z-00000000";
    const file = "20991231T235959.999Z-0123abcd";
    const pipe = "20991231T235959.999Z-4567cdef";
    const dir = await makeTempDir({ [`${a}/index.json`]: "{}", LATEST: `${a}\n`, [file]: "not a run\n" });
    execFileSync("mkfifo", [join(dir, pipe)]); // opened, it would block: never opened
    const listing = await listRuns(dir, "runs");
    expect(listing.runs.slice(1)).toEqual([
      { id: file, state: "unpublished", notFolder: "file" },
      { id: pipe, state: "unpublished", notFolder: "special" },
    ]);
    // A run folder whose manifest is missing keeps its own note, not this one.
    expect(listing.runs[0]).toMatchObject({ id: a, state: "latest", problem: outputMessages.manifestMissing() });
    expect(listing.runs[0].notFolder).toBeUndefined();
  });

  it("acquireLock writes pid and host, refuses a second holder and releases", async () => {
    const dir = await makeTempDir();
    const release = await acquireLock(join(dir, "runs"), "runs");
    expect(JSON.parse(await readFile(join(dir, "runs/.lock"), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(acquireLock(join(dir, "runs"), "runs")).rejects.toMatchObject({ code: "E_LOCKED" });
    await release();
    expect(await listDir(join(dir, "runs"))).toEqual([]);
    await (await acquireLock(join(dir, "runs"), "runs"))();
  });

  it("acquireLock's release removes the folders it created while they are empty, never one that existed or holds anything", async () => {
    const dir = await makeTempDir();
    // runs/ and the folder above it made by this lock, left empty (a run that failed): both removed.
    await (await acquireLock(join(dir, "made/runs"), "made/runs"))();
    expect(existsSync(join(dir, "made"))).toBe(false);
    // A folder that existed, empty: kept.
    await mkdir(join(dir, "old"));
    await (await acquireLock(join(dir, "old"), "old"))();
    expect(existsSync(join(dir, "old"))).toBe(true);
    // Made by this lock but holding a run by the time it is released: kept, with what it holds.
    const release = await acquireLock(join(dir, "runs"), "runs");
    await writeFile(join(dir, "runs/LATEST"), "x\n");
    await release();
    expect(await listDir(join(dir, "runs"))).toEqual(["LATEST"]);
  });
});

describe("taking over a stale lock", () => {
  const deadPid = () =>
    new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });

  it("takes over a stale lock, and never a lock another run took over since it judged the lock stale", async () => {
    const dead = await deadPid();
    const stale = JSON.stringify({ pid: dead, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    const dir = await makeTempDir({ "runs/.lock": stale });
    const runs = join(dir, "runs");
    // The race: this run judged the lock stale (text `stale`), but another run took it over first and wrote its own.
    const fresh = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    await writeFile(join(runs, ".lock"), fresh);
    expect(await removeStaleLock(join(runs, ".lock"), stale)).toBe(false);
    expect(await readFile(join(runs, ".lock"), "utf8")).toBe(fresh); // put back, not removed
    expect(await listDir(runs)).toEqual([".lock"]); // and nothing left aside
    // The stale lock itself is removed, and acquireLock takes its place.
    await writeFile(join(runs, ".lock"), stale);
    const release = await acquireLock(runs, "runs");
    expect(JSON.parse(await readFile(join(runs, ".lock"), "utf8"))).toMatchObject({ pid: process.pid });
    await release();
    expect(await listDir(runs)).toEqual([]);
  });

  it("a run releases its lock only while the lock is still its own, never another run's", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    const release = await acquireLock(runs, "runs");
    // Another run's lock in its place (as if this one had been taken over): releasing leaves it.
    const other = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    await writeFile(join(runs, ".lock"), other);
    await release();
    expect(await readFile(join(runs, ".lock"), "utf8")).toBe(other);
  });

  it("removeLeftovers removes a stale lock moved aside (.lock.<pid>.stale) by a run that was then killed", async () => {
    const dead = await deadPid();
    const dir = await makeTempDir({ [`.lock.${dead}.stale`]: JSON.stringify({ pid: dead, host: hostname(), startedAt: new Date().toISOString() }) + "\n" });
    expect((await removeLeftovers(dir, "runs", undefined)).removed).toEqual([`.lock.${dead}.stale`]);
  });
});

describe("temporary lock files", () => {
  it("removeLeftovers removes a .lock.<pid>.tmp whose process is gone (judged as a stale lock is) and keeps those of live runs", async () => {
    const deadPid = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    const now = new Date().toISOString();
    const holder = (pid: number, host = hostname(), startedAt = now) => JSON.stringify({ pid, host, startedAt }) + "\n";
    const dir = await makeTempDir({
      [`.lock.${deadPid}.tmp`]: holder(deadPid), // a run killed between writing it and linking it into place
      [`.lock.${process.ppid}.tmp`]: holder(process.ppid), // a live process taking the lock right now
      ".lock.1.tmp": holder(1, `not-${hostname()}`), // another host's: its pid means nothing here
      ".lock.2.tmp": holder(2, hostname(), "2000-01-01T00:00:00.000Z"), // written before this machine started
      ".lock.3.tmp": "", // a write that failed (a full disk), a minute ago
      ".lock.4.tmp": '{"pid": 4', // being written
      [`.lock.${process.pid}.tmp`]: holder(process.pid, hostname(), "2026-01-01T00:00:00.000Z"), // this pid's: this run holds the lock
    });
    const minuteAgo = new Date(Date.now() - 61_000);
    await utimes(join(dir, ".lock.3.tmp"), minuteAgo, minuteAgo);
    const leftovers = await removeLeftovers(dir, "runs", undefined);
    expect(leftovers.removed.sort()).toEqual([`.lock.${deadPid}.tmp`, `.lock.${process.pid}.tmp`, ".lock.2.tmp", ".lock.3.tmp"].sort());
    expect(await listDir(dir)).toEqual([`.lock.${process.ppid}.tmp`, ".lock.1.tmp", ".lock.4.tmp"].sort());
  });
});

describe("temporary files of LATEST", () => {
  it("removeLeftovers removes a .LATEST.<pid>.tmp only when it holds what writeLatest writes and its process is gone; any other is kept and reported", async () => {
    const dead = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    const run = "20260301T020000.123Z-1a2b3c4d";
    const dir = await makeDir({
      [`${run}/manifest.json`]: "{}", // a run folder: what writeLatest was publishing
      [`.LATEST.${dead}.tmp`]: `${run}\n`, // a run killed between writing it and the rename
      [`.LATEST.${dead + 1}.tmp`]: run.slice(0, 10), // a write cut short (a power cut): the start of the id
      [`.LATEST.${dead + 2}.tmp`]: "", // a file just created
      [`.LATEST.${process.pid}.tmp`]: `${run}\n`, // this pid's: an earlier process of it left it
      [`.LATEST.${process.ppid}.tmp`]: `${run}\n`, // a live process: kept, unsaid, as a lock's temporary file is
      ".LATEST.1.tmp": "hi", // the user's file named so
      ".LATEST.2.tmp": "20260301T020000.123Z-00000000\n", // the id of no run folder here
      ".LATEST.3.tmp": `${run}\nmore`, // more than writeLatest writes
      ".LATEST.4.tmp": "x".repeat(300), // more than LATEST_MAX_BYTES (256): said by its size
    });
    // The pids dead + 1 and dead + 2 are gone too unless reused since: then kept unsaid, which the test allows.
    const leftovers = await removeLeftovers(dir, "runs", run);
    const removed = leftovers.removed.filter((name) => ![`.LATEST.${dead + 1}.tmp`, `.LATEST.${dead + 2}.tmp`].includes(name));
    expect(removed.sort()).toEqual([`.LATEST.${dead}.tmp`, `.LATEST.${process.pid}.tmp`].sort());
    expect(await listDir(dir)).toEqual(expect.arrayContaining([`.LATEST.${process.ppid}.tmp`, ".LATEST.1.tmp", ".LATEST.2.tmp", ".LATEST.3.tmp", ".LATEST.4.tmp", run]));
    expect(await listDir(dir)).not.toContain(`.LATEST.${dead}.tmp`);
    expect(leftovers.warnings.map((warning) => warning.code)).toEqual(Array(4).fill("W_LATEST_TEMPORARY_KEPT"));
    expect(leftovers.warnings.map((warning) => warning.source)).toEqual([1, 2, 3, 4].map((pid) => `runs/.LATEST.${pid}.tmp`));
    expect(leftovers.warnings[0].message).toBe(
      'runs/.LATEST.1.tmp is named as a temporary file of LATEST but holds "hi", not what this tool writes there (the id of a run folder of runs, such as 20260301T020000.123Z-1a2b3c4d, and a newline), so it is not provably left by this tool; kept, not removed (delete it by hand if it is not needed)',
    );
    expect(leftovers.warnings.map((warning) => warning.message)).toEqual([
      outputMessages.latestTemporaryKept("runs/.LATEST.1.tmp", "hi", "runs"),
      outputMessages.latestTemporaryKept("runs/.LATEST.2.tmp", "20260301T020000.123Z-00000000\n", "runs"),
      outputMessages.latestTemporaryKept("runs/.LATEST.3.tmp", `${run}\nmore`, "runs"),
      outputMessages.latestTemporaryKept("runs/.LATEST.4.tmp", 300, "runs"),
    ]);
    expect(leftovers.warnings[3].message).toContain("holds 300 bytes, not what");
    // The bytes of what is kept are as they were.
    expect(await readFile(join(dir, ".LATEST.1.tmp"), "utf8")).toBe("hi");
  });
});

describe("fingerprints", () => {
  it("canonicalJson sorts keys at every depth; fingerprintOf ignores key order but not values", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    const inputs = [{ role: "values", path: "data/2019.csv", bytes: 3, sha256: "ab" }];
    const a = fingerprintOf("1.0.0", { decimals: 4, "base-year": 2017 }, inputs);
    expect(fingerprintOf("1.0.0", { "base-year": 2017, decimals: 4 }, inputs)).toBe(a);
    expect(fingerprintOf("1.0.1", { "base-year": 2017, decimals: 4 }, inputs)).not.toBe(a);
    expect(fingerprintOf("1.0.0", { "base-year": 2017, decimals: 4 }, [{ ...inputs[0], sha256: "ac" }])).not.toBe(a);
  });
});
