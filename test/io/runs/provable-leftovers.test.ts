/**
 * What a killed run left is removed only when it is provably the tool's: the lock's leftovers by their content (a lock
 * as `takeLock` writes it) and a gone writer; in a marked staging folder, only the names a run writes there; the
 * Parquet writer's folders only when they hold its files alone. Anything else under those names is kept and reported
 * (io/write/folder-lock.ts, io/runs/runs.ts, io/write/write.ts). The CLI cases of the same are in test/cli (built bundle).
 */
import { spawnSync } from "node:child_process";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { discardRun, removeLeftovers, STAGING_MARKER, startStaging } from "../../../src/io/runs/runs.js";
import { PARQUET_FILE_NAMES, RUN_FILE_NAMES } from "../../../src/io/runs/run-names.js";
import { holdsLockText, judgeLockLeftover, takeLock } from "../../../src/io/write/folder-lock.js";
import { PARQUET_FILES } from "../../../src/io/write/to-parquet.js";
import { isWritingFolderName, removeFolderLeftovers, writeFilesAtomic } from "../../../src/io/write/write.js";
// @ts-expect-error: a script without types
import { CODE_EXAMPLES as codeExamples, OUTPUT_FILES as outputFiles } from "../../../scripts/reference-tables.js";
import { listDir, makeTempDir } from "../../helpers.js";

const CODE_EXAMPLES = codeExamples as Record<string, string>;
const OUTPUT_FILES = outputFiles as { file: string; command: string }[];

const ID = "20261206T000003.000Z-abcdef12";
/** A pid that no process has now: that of a child that ran and ended (reused within the test only by a rare chance). */
const deadPid = (): number => spawnSync(process.execPath, ["-e", ""]).pid!;
const lockOf = (pid: number, startedAt = "2026-03-01T02:00:00.000Z") => JSON.stringify({ pid, host: hostname(), startedAt, heartbeatMs: 30_000 }) + "\n";

describe("the lock's leftovers", () => {
  it("holdsLockText takes only what takeLock writes: nothing, a whole lock of one line, or the start of one", () => {
    expect(holdsLockText("", 42)).toBe(true);
    expect(holdsLockText(lockOf(42), 42)).toBe(true);
    expect(holdsLockText(lockOf(43), 42)).toBe(false); // a .tmp names its writer
    expect(holdsLockText(lockOf(43))).toBe(true); // a .stale holds any run's lock
    expect(holdsLockText('{"pid":42,"host":"vm","sta', 42)).toBe(true); // cut short
    expect(holdsLockText('{"pi', 42)).toBe(true);
    expect(holdsLockText('{"pid":1}\n')).toBe(false); // no host, no start time
    expect(holdsLockText("my precious notes\n", 42)).toBe(false);
    expect(holdsLockText("x\n")).toBe(false);
    expect(holdsLockText(lockOf(42) + "more\n", 42)).toBe(false); // two lines
  });

  it("holdsLockText takes a .stale cut short anywhere in the lock's start, as a .tmp: a part of {\"pid\":<n>,\"host\":\" of any pid", () => {
    // Every cut of the start of a lock of pid 4242 (JSON.stringify puts the pid first, the host next), and more after it.
    const start = '{"pid":4242,"host":"';
    for (let length = 1; length <= start.length; length++) expect(holdsLockText(start.slice(0, length)), start.slice(0, length)).toBe(true);
    expect(holdsLockText('{"pid":4242,"host":"stats-01","star')).toBe(true);
    // Before: only a start through `,"host":"` was taken, so these stayed for good.
    expect(holdsLockText('{"pid":4242')).toBe(true);
    expect(holdsLockText('{"pid":4242,"ho')).toBe(true);
    // Not the start of a lock: no pid as the tool writes one (0, a leading zero, a letter), or another key after it.
    expect(holdsLockText('{"pid":0')).toBe(false);
    expect(holdsLockText('{"pid":042')).toBe(false);
    expect(holdsLockText('{"pid":42x')).toBe(false);
    expect(holdsLockText('{"pid":4242,"hx')).toBe(false);
    expect(holdsLockText('{"pid":4242,"name":"mine"')).toBe(false);
    // In a .tmp, the pid of its name only, as before.
    expect(holdsLockText('{"pid":4242,"ho', 4242)).toBe(true);
    expect(holdsLockText('{"pid":4243,"ho', 4242)).toBe(false);
  });

  it("removeLeftovers removes a .stale cut short by a run killed while taking the lock over, and says why it keeps one of a process that runs, once", async () => {
    const dead = deadPid();
    const runs = await makeTempDir({
      // The tester's case: kept with W_LOCK_TEMPORARY_KEPT on every run, for good (before).
      [`.lock.${dead}.stale`]: '{"pid":4242,"ho',
      // Moved aside by a process that runs (this test's parent, started before the file was): kept, said.
      [`.lock.${process.ppid}.stale`]: lockOf(4242),
    });
    const { removed, warnings } = await removeLeftovers(runs, "runs", undefined);
    expect(removed).toEqual([`.lock.${dead}.stale`]);
    const label = `runs/.lock.${process.ppid}.stale`;
    expect(warnings).toEqual([{ code: "W_LOCK_STALE_KEPT", source: label, message: outputMessages.lockStaleRunning(label, process.ppid, "runs/.lock") }]);
    expect(await listDir(runs)).toEqual([`.lock.${process.ppid}.stale`]);
    // Said once a run (a process), not again by a second tidying in it.
    expect(await removeLeftovers(runs, "runs", undefined)).toEqual({ removed: [], warnings: [] });
    expect(await readFile(join(runs, label.slice("runs/".length)), "utf8")).toBe(lockOf(4242));
  });

  it("an output folder's lock leftovers removed are said, each with the line a run's removals get; a .stale of a running process is kept, said", async () => {
    const dead = deadPid();
    const out = await makeTempDir({
      // The tester's case: a file of the user's holding a lock's exact JSON of a dead pid, named as a lock leftover.
      [`.innovation-index.lock.${dead}.stale`]: lockOf(dead),
      [`.innovation-index.lock.${dead}.tmp`]: '{"pid":',
      [`.innovation-index.lock.${process.ppid}.stale`]: lockOf(4242),
    });
    const said: string[] = [];
    const kept: unknown[] = [];
    await writeFilesAtomic(out, { "a.csv": "x\n" }, "out", 1, { onRemoved: (message) => said.push(message), onKept: (warning) => kept.push(warning) });
    expect(said).toEqual([`.innovation-index.lock.${dead}.stale`, `.innovation-index.lock.${dead}.tmp`].map((name) => outputMessages.stagingRemoved(`out/${name}`)));
    const label = `out/.innovation-index.lock.${process.ppid}.stale`;
    expect(kept).toEqual([{ code: "W_LOCK_STALE_KEPT", source: label, message: outputMessages.lockStaleRunning(label, process.ppid, "out/.innovation-index.lock") }]);
    expect(await listDir(out)).toEqual([`.innovation-index.lock.${process.ppid}.stale`, "a.csv"]);
  });

  it("removeLeftovers removes a lock's .tmp and .stale of a gone writer holding a lock, and keeps the user's files so named, reported", async () => {
    const dead = deadPid();
    const runs = await makeTempDir({
      ".lock.4243.tmp": "my precious notes\n",
      ".lock.12346.stale": "x\n",
      [`.lock.${dead}.tmp`]: lockOf(dead),
      [`.lock.${dead + 1}.tmp`]: lockOf(dead + 2), // another pid's lock in a .tmp: not what pid dead + 1 wrote
      [`.lock.${dead}.stale`]: lockOf(1),
      [`.lock.${process.pid}.tmp`]: "", // this pid's: left by an earlier process of it
      // A writer that runs (this test's parent), its lock started now (one of before the machine started would be stale): left, unsaid.
      [`.lock.${process.ppid}.tmp`]: lockOf(process.ppid, new Date().toISOString()),
    });
    // The tester's case: modified two minutes ago.
    const before = new Date(Date.now() - 120_000);
    for (const name of [".lock.4243.tmp", ".lock.12346.stale"]) await utimes(join(runs, name), before, before);
    const { removed, warnings } = await removeLeftovers(runs, "runs", undefined);
    expect(removed).toEqual([`.lock.${dead}.stale`, `.lock.${dead}.tmp`, `.lock.${process.pid}.tmp`].sort());
    // Kept whatever their pids (content first): the two of the tester's case, and the .tmp naming another pid.
    expect(warnings).toEqual(
      [
        { name: `.lock.${dead + 1}.tmp`, held: lockOf(dead + 2) },
        { name: ".lock.12346.stale", held: "x\n" },
        { name: ".lock.4243.tmp", held: "my precious notes\n" },
      ]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(({ name, held }) => ({ code: "W_LOCK_TEMPORARY_KEPT", source: `runs/${name}`, message: outputMessages.lockTemporaryKept(`runs/${name}`, held, "runs/.lock") })),
    );
    expect(await readFile(join(runs, ".lock.4243.tmp"), "utf8")).toBe("my precious notes\n");
    expect(await listDir(runs)).toEqual([`.lock.${dead + 1}.tmp`, ".lock.12346.stale", ".lock.4243.tmp", `.lock.${process.ppid}.tmp`].sort());
  });

  it("judgeLockLeftover says the size of a file larger than a lock, unread, and leaves links alone", async () => {
    const dir = await makeTempDir({ ".lock.7.tmp": "a".repeat(300_000) });
    expect(await judgeLockLeftover(join(dir, ".lock.7.tmp"), 7, "tmp")).toEqual({ held: 300_000 });
    expect(await judgeLockLeftover(join(dir, "absent"), 7, "tmp")).toBe("none");
  });

  it("a lock without its host or start time is said as damaged, not as `on undefined, since undefined`", async () => {
    const runs = await makeTempDir({ ".lock": '{"pid":1}\n' });
    await expect(takeLock(runs, ".lock", "runs")).rejects.toMatchObject({
      code: "E_LOCKED",
      message: projectMessages.locked("runs/.lock", "a lock file being written, or damaged"),
    });
    // Older than a minute: taken over, and the warning says the same of its holder.
    const old = new Date(Date.now() - 2 * 60_000);
    await utimes(join(runs, ".lock"), old, old);
    const told: string[] = [];
    const release = await takeLock(runs, ".lock", "runs", undefined, (message) => told.push(message));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("a lock file being written, or damaged");
    expect(told[0]).not.toContain("undefined");
    await release();
    // A whole lock is still named by its holder.
    expect(projectMessages.locked("runs/.lock", "pid 4242 on stats-01, since 2026-03-01T02:00:00.000Z")).toBe(CODE_EXAMPLES.E_LOCKED);
  });
});

describe("a staging folder holding its marker", () => {
  const marked = (extra: Record<string, string> = {}) => ({
    [`.staging-${ID}/${STAGING_MARKER}`]: `${ID}\n`,
    [`.staging-${ID}/index.csv`]: "unit,year\n",
    [`.staging-${ID}/.scores.csv.4242.tmp`]: "unit",
    [`.staging-${ID}/.innovation-index-writing-a1B2c3/index.parquet`]: "",
    [`.staging-${ID}/.innovation-index-writing-a1B2c3/growth.parquet`]: "",
    ...extra,
  });

  it("loses only what a run writes there: the folder, its marker and the user's files stay, reported", async () => {
    const runs = await makeTempDir(marked({ [`.staging-${ID}/sub/thesis.docx`]: "mine\n", [`.staging-${ID}/mydata.csv`]: "mine\n" }));
    const { removed, warnings } = await removeLeftovers(runs, "runs", undefined);
    expect(removed).toEqual([]);
    const label = `runs/.staging-${ID}`;
    expect(warnings).toEqual([{ code: "W_STAGING_KEPT", source: label, message: outputMessages.stagingFilesKept(label, ["mydata.csv", "sub"]) }]);
    expect(await listDir(join(runs, `.staging-${ID}`))).toEqual([STAGING_MARKER, "mydata.csv", "sub"]);
    expect(await readFile(join(runs, `.staging-${ID}/sub/thesis.docx`), "utf8")).toBe("mine\n");
    expect(await readFile(join(runs, `.staging-${ID}/mydata.csv`), "utf8")).toBe("mine\n");
  });

  it("is removed whole when it holds nothing else; a Parquet writer's folder holding more is kept", async () => {
    const runs = await makeTempDir(marked());
    expect(await removeLeftovers(runs, "runs", undefined)).toEqual({ removed: [`.staging-${ID}`], warnings: [] });
    expect(await listDir(runs)).toEqual([]);
    const other = await makeTempDir(marked({ [`.staging-${ID}/.innovation-index-writing-zzzzzz/notes.txt`]: "mine\n" }));
    const { warnings } = await removeLeftovers(other, "runs", undefined);
    expect(warnings.map((warning) => warning.message)).toEqual([outputMessages.stagingFilesKept(`runs/.staging-${ID}`, [".innovation-index-writing-zzzzzz"])]);
    expect(await readFile(join(other, `.staging-${ID}/.innovation-index-writing-zzzzzz/notes.txt`), "utf8")).toBe("mine\n");
  });

  it("discardRun keeps a file put in the run's own staging folder, and a run folder with the marker loses only the marker", async () => {
    const runs = await makeTempDir();
    const staging = await startStaging(runs, ID);
    await writeFile(join(staging, "notes.txt"), "mine\n");
    await writeFile(join(staging, "index.csv"), "unit\n");
    await discardRun(runs, ID);
    expect(await listDir(staging)).toEqual([STAGING_MARKER, "notes.txt"]);
    const unpublished = await makeTempDir({ [`${ID}/${STAGING_MARKER}`]: `${ID}\n`, [`${ID}/index.csv`]: "unit\n", [`${ID}/mine.txt`]: "mine\n" });
    const { removed } = await removeLeftovers(unpublished, "runs", undefined);
    expect(removed).toEqual([`${ID}/${STAGING_MARKER}`]);
    expect(await listDir(join(unpublished, ID))).toEqual(["index.csv", "mine.txt"]);
  });

  it("RUN_FILE_NAMES holds every file compute writes into a run, and PARQUET_FILE_NAMES the Parquet writer's", () => {
    // From the reference's table of outputs: the files whose command is compute (with an option, or in a project run).
    const compute = OUTPUT_FILES.filter((entry) => /^compute\b/.test(entry.command)).map((entry) => entry.file);
    expect(compute.filter((name) => !RUN_FILE_NAMES.includes(name))).toEqual([]);
    expect([...PARQUET_FILE_NAMES]).toEqual([...PARQUET_FILES]);
    for (const name of PARQUET_FILE_NAMES) expect(RUN_FILE_NAMES).toContain(name);
  });
});

describe("an output folder", () => {
  it("the Parquet writer's folders left by a killed run go when they hold its files alone, under the next run's lock; the rest is kept, reported", async () => {
    const out = await makeTempDir({
      // What kill -9 during compute --out DIR --parquet left: three empty Parquet files.
      ".innovation-index-writing-AbC123/index.parquet": "",
      ".innovation-index-writing-AbC123/scores.parquet": "",
      ".innovation-index-writing-AbC123/growth.parquet": "",
      ".innovation-index-writing-a1B2c3/index.parquet": "",
      ".innovation-index-writing-a1B2c3/notes.txt": "mine\n",
      ".innovation-index.lock.4243.tmp": "my precious notes\n",
    });
    await mkdir(join(out, ".innovation-index-writing-empty0"));
    await mkdir(join(out, ".innovation-index-writing-toolong7")); // not mkdtemp's six characters: not the writer's, untouched
    const kept: unknown[] = [];
    await writeFilesAtomic(out, { "a.csv": "x\n" }, "out", 1, { onKept: (warning) => kept.push(warning) });
    expect(kept).toEqual([
      {
        code: "W_LOCK_TEMPORARY_KEPT",
        source: "out/.innovation-index.lock.4243.tmp",
        message: outputMessages.lockTemporaryKept("out/.innovation-index.lock.4243.tmp", "my precious notes\n", "out/.innovation-index.lock"),
      },
      {
        code: "W_WRITING_FOLDER_KEPT",
        source: "out/.innovation-index-writing-a1B2c3",
        message: outputMessages.writingFolderKept("out/.innovation-index-writing-a1B2c3", ["index.parquet", "notes.txt"]),
      },
    ]);
    expect(await listDir(out)).toEqual([".innovation-index-writing-a1B2c3", ".innovation-index-writing-toolong7", ".innovation-index.lock.4243.tmp", "a.csv"]);
    expect(await listDir(join(out, ".innovation-index-writing-a1B2c3"))).toEqual(["index.parquet", "notes.txt"]);
    // Called again: nothing more to remove, the same two warnings.
    expect((await removeFolderLeftovers(out, "out")).map((warning) => warning.code)).toEqual(["W_LOCK_TEMPORARY_KEPT", "W_WRITING_FOLDER_KEPT"]);
  });

  it("isWritingFolderName takes the prefix and mkdtemp's six letters or digits only", () => {
    expect(isWritingFolderName(".innovation-index-writing-AbC123")).toBe(true);
    expect(isWritingFolderName(".innovation-index-writing-AbC12")).toBe(false);
    expect(isWritingFolderName(".innovation-index-writing-AbC12.")).toBe(false);
    expect(isWritingFolderName("innovation-index-writing-AbC123")).toBe(false);
  });

  it("the reference's examples are the messages themselves", () => {
    expect(CODE_EXAMPLES.W_LOCK_TEMPORARY_KEPT).toBe(outputMessages.lockTemporaryKept("runs/.lock.4243.tmp", "my precious notes\n", "runs/.lock"));
    expect(CODE_EXAMPLES.W_LOCK_STALE_KEPT).toBe(outputMessages.lockStaleRunning("runs/.lock.4242.stale", 4242, "runs/.lock"));
    expect(CODE_EXAMPLES.W_WRITING_FOLDER_KEPT).toBe(outputMessages.writingFolderKept("out/.innovation-index-writing-a1B2c3", ["index.parquet", "notes.txt"]));
  });
});
