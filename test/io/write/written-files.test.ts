/**
 * The writer's record of the files it wrote in an output folder: a file of the same name is replaced only when the
 * record shows it is the tool's own, unchanged since (io/write/written-files.ts).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { lstat, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { acquireLock, writeLatest } from "../../../src/io/runs/runs.js";
import { OUTPUT_LOCK_FILE, writeFilesAtomic } from "../../../src/io/write/write.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { recordTexts, WRITTEN_FILES } from "../../../src/io/write/written-files.js";
import { listDir, makeTempDir, runCli } from "../../helpers.js";

const BIN = fileURLToPath(new URL("../../../bin/innovation-index.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../../dist/bundle/main.cjs", import.meta.url)));
/** SHA-256 of `text`, computed here, independently of the writer. */
const sha256 = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

describe("the record of the files written", () => {
  it("lists each file written with its size and SHA-256, and lets the tool replace its own files, unchanged, again", async () => {
    const dir = await makeTempDir();
    try {
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "first a\n", "b.csv": "b\n" }, "out");
      const record = JSON.parse(await readFile(join(dir, "out", WRITTEN_FILES), "utf8"));
      expect(record).toEqual({
        tool: "innovation-index",
        files: { "a.csv": { bytes: 8, sha256: sha256("first a\n") }, "b.csv": { bytes: 2, sha256: sha256("b\n") } }, // "first a\n" is 8 bytes
      });
      // Its own files, unchanged: replaced; a new file beside them is added to the record, the others kept in it.
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "second a\n", "c.csv": "c\n" }, "out");
      expect(await readFile(join(dir, "out", "a.csv"), "utf8")).toBe("second a\n");
      expect(Object.keys(JSON.parse(await readFile(join(dir, "out", WRITTEN_FILES), "utf8")).files)).toEqual(["a.csv", "b.csv", "c.csv"]);
      expect((await readdir(join(dir, "out"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("never replaces or removes a file edited while the command writes: checked as its own, then changed (before: the edit lost, exit 0)", async () => {
    const dir = await makeTempDir();
    try {
      const out = join(dir, "out");
      await writeFilesAtomic(out, { "a.csv": "first a\n", "b.csv": "first b\n", "c.csv": "first c\n", "d.csv": "first d\n" }, "out", 1, { family: "compute" });
      // The analyst appends a note to b.csv while a.csv is being written (after the files were checked as the tool's).
      function* editing(file: string, note: string) {
        yield "new a\n";
        writeFileSync(join(out, file), note, { flag: "a" });
      }
      await expect(writeFilesAtomic(out, { "a.csv": editing("b.csv", "my note\n"), "b.csv": "new b\n", "c.csv": "new c\n", "d.csv": "new d\n" }, "out", 1, { family: "compute" })).rejects.toMatchObject({
        code: "E_OUT_NOT_OURS",
        message: outputMessages.outChanged("out/b.csv"),
      });
      // Nothing replaced: a.csv (renamed in before b.csv was reached) is put back; b.csv keeps the note; no leftovers.
      expect(await readFile(join(out, "a.csv"), "utf8")).toBe("first a\n");
      expect(await readFile(join(out, "b.csv"), "utf8")).toBe("first b\nmy note\n");
      expect((await readdir(out)).sort()).toEqual([WRITTEN_FILES, "a.csv", "b.csv", "c.csv", "d.csv"]);
      // The earlier outputs this run does not write: d.csv, unchanged, is removed; c.csv, edited meanwhile, is no longer
      // the tool's: kept, not named removed, out of the record (b.csv, edited before, was never stale: kept too).
      const removed = await writeFilesAtomic(out, { "a.csv": editing("c.csv", "c note\n") }, "out", 1, { family: "compute" });
      expect(removed).toEqual(["d.csv"]);
      expect(await readFile(join(out, "c.csv"), "utf8")).toBe("first c\nc note\n");
      expect((await readdir(out)).sort()).toEqual([WRITTEN_FILES, "a.csv", "b.csv", "c.csv"]);
      expect(Object.keys(JSON.parse(await readFile(join(out, WRITTEN_FILES), "utf8")).files)).toEqual(["a.csv", "b.csv"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file a person put there, one edited since, or one whose record is lost, and changes nothing", async () => {
    const dir = await makeTempDir({ "out/index.csv": "my own table\n" });
    try {
      const refused = outputMessages.outNotOurs("out/index.csv", WRITTEN_FILES);
      // A person's file of the same name.
      await expect(writeFilesAtomic(join(dir, "out"), { "a.csv": "a\n", "index.csv": "x\n" }, "out")).rejects.toMatchObject({ code: "E_OUT_NOT_OURS", message: refused });
      expect(await readdir(join(dir, "out"))).toEqual(["index.csv"]); // not even a.csv was written
      expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toBe("my own table\n");
      // The tool's file, edited since (same size, a new time).
      await rm(join(dir, "out", "index.csv"));
      await writeFilesAtomic(join(dir, "out"), { "index.csv": "x\n" }, "out");
      await writeFile(join(dir, "out", "index.csv"), "y\n");
      await expect(writeFilesAtomic(join(dir, "out"), { "index.csv": "z\n" }, "out")).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
      expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toBe("y\n");
      // Only its time changed (a sync tool touched it): its bytes are the ones written, so it is the tool's.
      await rm(join(dir, "out", "index.csv"));
      await writeFilesAtomic(join(dir, "out"), { "index.csv": "x\n" }, "out");
      await utimes(join(dir, "out", "index.csv"), new Date(2020, 0, 1), new Date(2020, 0, 1));
      await writeFilesAtomic(join(dir, "out"), { "index.csv": "x\n" }, "out");
      // The record lost: nothing in the folder is provably the tool's.
      await rm(join(dir, "out", WRITTEN_FILES));
      await expect(writeFilesAtomic(join(dir, "out"), { "index.csv": "z\n" }, "out")).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
      // replace (template --force, init --force) replaces whatever is there.
      await writeFilesAtomic(join(dir, "out"), { "index.csv": "z\n" }, "out", 1, { replace: true });
      expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toBe("z\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("compute --out into a folder with a person's index.csv: exit 3, the file kept; again into its own folder: fine, the same record", async () => {
    const dir = await makeTempDir({ "mine/index.csv": "季度汇总\n" });
    try {
      const run = await runCli(["compute", "--out", "mine", "-q"], dir);
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(`error: ${outputMessages.outNotOurs("mine/index.csv", WRITTEN_FILES)}\n`);
      expect(await readdir(join(dir, "mine"))).toEqual(["index.csv"]);
      expect(await readFile(join(dir, "mine", "index.csv"), "utf8")).toBe("季度汇总\n");
      expect((await runCli(["compute", "--out", "out", "-q"], dir)).code).toBe(0);
      const record = await readFile(join(dir, "out", WRITTEN_FILES));
      expect((await runCli(["compute", "--out", "out", "--normalise", "min-max", "-q"], dir)).code).toBe(0);
      expect((await runCli(["compute", "--out", "out", "-q"], dir)).code).toBe(0);
      expect(await readFile(join(dir, "out", WRITTEN_FILES))).toEqual(record); // the same outputs, the same record
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a writer killed among its renames (kill -9, a power cut)", () => {
  it("the record renamed in first is a journal that knows both versions of each file; the final record drops the old ones", async () => {
    const dir = await makeTempDir();
    try {
      const out = join(dir, "out");
      await writeFilesAtomic(out, { "a.csv": "old a\n", "b.csv": "old b\n" }, "out");
      const { journal, final } = recordTexts(out, { "a.csv": { bytes: 6, sha256: sha256("new a\n") }, "c.csv": { bytes: 6, sha256: sha256("new c\n") } }, "compute");
      // a.csv: the new version, and the one the record held before; b.csv as it was; c.csv new, with nothing before it.
      expect(JSON.parse(journal).files).toEqual({
        "a.csv": { bytes: 6, sha256: sha256("new a\n"), by: "compute", previous: [{ bytes: 6, sha256: sha256("old a\n") }] },
        "b.csv": { bytes: 6, sha256: sha256("old b\n") },
        "c.csv": { bytes: 6, sha256: sha256("new c\n"), by: "compute" },
      });
      expect(JSON.parse(final).files).toEqual({
        "a.csv": { bytes: 6, sha256: sha256("new a\n"), by: "compute" },
        "b.csv": { bytes: 6, sha256: sha256("old b\n") },
        "c.csv": { bytes: 6, sha256: sha256("new c\n"), by: "compute" },
      });
      // A finished write leaves the final record, with no journal in it.
      await writeFilesAtomic(out, { "a.csv": "new a\n" }, "out");
      expect(JSON.parse(await readFile(join(out, WRITTEN_FILES), "utf8")).files["a.csv"]).toEqual({ bytes: 6, sha256: sha256("new a\n") });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!BUILT)("a SIGTERM, SIGINT or SIGHUP among the renames ends the command by that signal once the folder is complete, its lock removed", async () => {
    const dir = await makeTempDir();
    try {
      expect((await runCli(["compute", "--out", "clean", "--base-year", "2018", "-q"], dir)).code).toBe(0);
      for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
        expect((await runCli(["compute", "--out", "out", "-q"], dir)).code).toBe(0);
        const ended = await new Promise<string | null>((done) =>
          execFile(process.execPath, [BIN, "compute", "--out", "out", "--base-year", "2018", "-q"], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: `renaming:${signal}` } }, (error) =>
            done((error as { signal?: string } | null)?.signal ?? null),
          ),
        );
        // Not exit 0: a scheduler learns that the command was stopped. The renames had run to the end, in one go.
        expect(ended).toBe(signal);
        expect((await readdir(join(dir, "out"))).filter((name) => name.startsWith("."))).toEqual([WRITTEN_FILES]);
        for (const name of [...(await listDir(join(dir, "clean"))), WRITTEN_FILES])
          expect(await readFile(join(dir, "out", name)), `${signal} ${name}`).toEqual(await readFile(join(dir, "clean", name)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a record that is not an object (null, a list) proves nothing: the folder's files are refused, not a crash", async () => {
    const dir = await makeTempDir();
    try {
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "a\n" }, "out");
      for (const text of ["null\n", "[]\n", "5\n"]) {
        await writeFile(join(dir, "out", WRITTEN_FILES), text);
        await expect(writeFilesAtomic(join(dir, "out"), { "a.csv": "b\n" }, "out")).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("drops an entry whose file is gone (never renamed in, or removed by hand): the same outputs give the same record", async () => {
    const dir = await makeTempDir();
    try {
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "a\n", "b.csv": "b\n" }, "out");
      await rm(join(dir, "out", "b.csv"));
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "a\n" }, "out");
      expect(Object.keys(JSON.parse(await readFile(join(dir, "out", WRITTEN_FILES), "utf8")).files)).toEqual(["a.csv"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!BUILT)("leaves every file, old or new, known as the tool's own: the next compute replaces them all and leaves the record of a clean run", async () => {
    const dir = await makeTempDir();
    try {
      expect((await runCli(["compute", "--out", "out", "-q"], dir)).code).toBe(0);
      const before = Object.fromEntries(await Promise.all((await listDir(join(dir, "out"))).map(async (name) => [name, await readFile(join(dir, "out", name))] as const)));
      // Killed after the record's journal and the first output were renamed in, with the others still to come.
      const killed = await new Promise<string | null>((done) =>
        execFile(process.execPath, [BIN, "compute", "--out", "out", "--normalise", "min-max", "-q"], { cwd: dir, env: { ...process.env, INNOVATION_INDEX_CRASH_AT: "renaming" } }, (error) =>
          done((error as { signal?: string } | null)?.signal ?? null),
        ),
      );
      expect(killed).toBe("SIGKILL");
      const outputs = Object.keys(before).filter((name) => name !== WRITTEN_FILES);
      const changed = [];
      for (const name of outputs) if (!(await readFile(join(dir, "out", name))).equals(before[name])) changed.push(name);
      // Some files new, some old (each min-max file differs from its fixed-base one).
      expect(changed.length).toBe(1);
      const journal = JSON.parse(await readFile(join(dir, "out", WRITTEN_FILES), "utf8")).files;
      expect(journal[changed[0]].previous).toEqual([{ bytes: before[changed[0]].length, sha256: sha256(before[changed[0]]) }]);
      // The next run takes the dead process's lock over and replaces every file, new or old, as its own.
      const next = await runCli(["compute", "--out", "out", "--normalise", "min-max", "-q"], dir);
      expect(next.stderr).toBe("");
      expect(next.code).toBe(0);
      expect((await runCli(["compute", "--out", "clean", "--normalise", "min-max", "-q"], dir)).code).toBe(0);
      // The same files as a run into an empty folder, the same record byte for byte, and nothing of the killed run left.
      expect(await listDir(join(dir, "out"))).toEqual(await listDir(join(dir, "clean")));
      for (const name of [...(await listDir(join(dir, "clean"))), WRITTEN_FILES])
        expect(await readFile(join(dir, "out", name))).toEqual(await readFile(join(dir, "clean", name)));
      expect((await readdir(join(dir, "out"))).filter((name) => name.startsWith("."))).toEqual([WRITTEN_FILES]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a link planted at a writer's temporary name (.<name>.<pid>.tmp)", () => {
  it("is never written through: the command stops with E_OUT_NOT_OURS, and the file it points to and the link stay", async () => {
    const dir = await makeTempDir({ "precious.txt": "PRECIOUS\n", "out/.keep": "" });
    const out = join(dir, "out");
    const planted = join(out, `.index.csv.${process.pid}.tmp`);
    await symlink("../precious.txt", planted);
    await expect(writeFilesAtomic(out, { "index.csv": "unit,year\n", "scores.csv": "x\n" })).rejects.toMatchObject({
      code: "E_OUT_NOT_OURS",
      message: outputMessages.temporaryInTheWay(planted, "a link"),
    });
    expect(await readFile(join(dir, "precious.txt"), "utf8")).toBe("PRECIOUS\n");
    expect((await lstat(planted)).isSymbolicLink()).toBe(true);
    // nothing else was left: no output, no other temporary file
    expect((await readdir(out)).sort()).toEqual([".keep", `.index.csv.${process.pid}.tmp`].sort());
  });

  it("the record's, LATEST's and the lock's temporary files refuse a link too; a regular file left at the name is replaced", async () => {
    const dir = await makeTempDir({ "precious.txt": "PRECIOUS\n", "runs/.keep": "" });
    const runs = join(dir, "runs");
    await symlink("../precious.txt", join(runs, `.LATEST.${process.pid}.tmp`));
    await expect(writeLatest(runs, "20260101T000000.000Z-00000000", { action: "publish" })).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
    await symlink("../precious.txt", join(runs, `.lock.${process.pid}.tmp`));
    await expect(acquireLock(runs, "runs")).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
    const out = join(dir, "out");
    await mkdir(out);
    await symlink("../precious.txt", join(out, `.${WRITTEN_FILES}.${process.pid}.tmp`));
    await expect(writeFilesAtomic(out, { "index.csv": "unit,year\n" })).rejects.toMatchObject({ code: "E_OUT_NOT_OURS" });
    expect(await readFile(join(dir, "precious.txt"), "utf8")).toBe("PRECIOUS\n");
    // The record is one of the files renamed together: refused before any output was put in place.
    expect(await readdir(out)).toEqual([`.${WRITTEN_FILES}.${process.pid}.tmp`]);
    // A regular file at the name (left by a killed process that had this pid) is a leftover: it is replaced.
    await rm(join(runs, `.LATEST.${process.pid}.tmp`));
    await writeFile(join(runs, `.LATEST.${process.pid}.tmp`), "old\n");
    await writeLatest(runs, "20260101T000000.000Z-00000000", { action: "publish" });
    expect(await readFile(join(runs, "LATEST"), "utf8")).toBe("20260101T000000.000Z-00000000\n");
    expect(await readdir(runs)).not.toContain(`.LATEST.${process.pid}.tmp`);
  });
});

describe("outputs of an earlier run of the same command", () => {
  const ROOT = new URL("../../../", import.meta.url).pathname;
  const TREE = join(ROOT, "indicators/changzhou-2020.csv");

  it("compute removes, and names, the files an earlier compute wrote that it does not (ranks.csv of two units, then one)", async () => {
    const one = await readFile(join(ROOT, "data/changzhou/values.csv"), "utf8");
    // The example's zone and a second unit with the same values: ranks.csv is written for two units only.
    const two = one + one.split("\n").slice(1).filter(Boolean).map((line) => line.replace(/^[^,]*/, "Zone B")).join("\n") + "\n";
    const dir = await makeTempDir({ "two.csv": two, "one.csv": one });
    expect((await runCli(["compute", "-i", TREE, "-d", "two.csv", "--out", "o", "-q"], dir)).code).toBe(0);
    expect(await readdir(join(dir, "o"))).toContain("ranks.csv");
    const run = await runCli(["compute", "-i", TREE, "-d", "one.csv", "--out", "o"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(outputMessages.staleRemoved(["ranks.csv"], "o", "compute"));
    expect(await readdir(join(dir, "o"))).not.toContain("ranks.csv");
    const record = JSON.parse(await readFile(join(dir, "o", WRITTEN_FILES), "utf8"));
    expect(Object.keys(record.files)).not.toContain("ranks.csv");
    expect(record.files["index.csv"].by).toBe("compute");
    // A stale file edited since is no longer provably the tool's: it stays, and is not named.
    expect((await runCli(["compute", "-i", TREE, "-d", "two.csv", "--out", "o", "-q"], dir)).code).toBe(0);
    await writeFile(join(dir, "o", "ranks.csv"), "my notes\n");
    const kept = await runCli(["compute", "-i", TREE, "-d", "one.csv", "--out", "o"], dir);
    expect(kept.stderr).not.toContain("removed");
    expect(await readFile(join(dir, "o", "ranks.csv"), "utf8")).toBe("my notes\n");
  });

  it("never removes a file outside its folder that a hand-edited record names (../victim.csv, sub/x.csv), even with its true digest", async () => {
    const dir = await makeTempDir({ "victim.csv": "a person's data\n", "o/sub/x.csv": "kept\n" });
    expect((await runCli(["compute", "--out", "o", "-q"], dir)).code).toBe(0);
    const record = JSON.parse(await readFile(join(dir, "o", WRITTEN_FILES), "utf8"));
    // The true size and SHA-256 of each file, so that only the name's path keeps it from being "the tool's own".
    const identity = (text: string) => ({ bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex"), by: "compute" });
    record.files["../victim.csv"] = identity("a person's data\n");
    record.files["sub/x.csv"] = identity("kept\n");
    await writeFile(join(dir, "o", WRITTEN_FILES), JSON.stringify(record));
    const run = await runCli(["compute", "--out", "o"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("removed");
    expect(await readFile(join(dir, "victim.csv"), "utf8")).toBe("a person's data\n");
    expect(await readFile(join(dir, "o/sub/x.csv"), "utf8")).toBe("kept\n");
    // The record the run wrote keeps only names of files in the folder.
    expect(Object.keys(JSON.parse(await readFile(join(dir, "o", WRITTEN_FILES), "utf8")).files).filter((name) => /[\\/]/.test(name))).toEqual([]);
  });

  it("audit too: an audit without --xlsx removes the audit.xlsx of the audit before it, and compute's files stay", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["compute", "--out", "a", "-q"], dir)).code).toBe(0);
    expect((await runCli(["audit", "--out", "a", "--xlsx", "-q"], dir)).code).toBe(0);
    expect(await readdir(join(dir, "a"))).toContain("audit.xlsx");
    const run = await runCli(["audit", "--out", "a"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(outputMessages.staleRemoved(["audit.xlsx"], "a", "audit"));
    const left = await readdir(join(dir, "a"));
    expect(left).not.toContain("audit.xlsx");
    expect(left).toEqual(expect.arrayContaining(["index.csv", "scores.csv", "index.json"]));
  });

  it("another command's files in the folder stay: report --out beside compute's outputs removes none of them", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["compute", "--out", "o", "-q"], dir)).code).toBe(0);
    const before = (await readdir(join(dir, "o"))).sort();
    const report = await runCli(["report", "--out", "o"], dir);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).not.toContain("removed");
    expect((await readdir(join(dir, "o"))).sort()).toEqual([...new Set([...before, "report.html"])].sort());
  });
});

describe("a file name that fits the file system only without the temporary name's additions", () => {
  it("is E_WRITE saying why (the name becomes .<name>.<pid>.tmp first), and nothing is written", async () => {
    const dir = await makeTempDir();
    const name = `${"w".repeat(246)}.csv`; // 250 bytes: a name ext4 and tmpfs take (255 at most), its temporary one not
    await expect(writeFilesAtomic(join(dir, "out"), { [name]: "x\n" }, "out")).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.nameTooLong("out", 250) });
    expect(await readdir(join(dir, "out"))).toEqual([]);
  });
});

describe("one writer at a time in an output folder", () => {
  it("a folder whose lock a live run holds is E_LOCKED naming it, and nothing is written; a lock whose process is gone is taken over", async () => {
    const dir = await makeTempDir({ "out/.keep": "" });
    const out = join(dir, "out");
    const holder = { pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(out, OUTPUT_LOCK_FILE), JSON.stringify(holder) + "\n");
    await expect(writeFilesAtomic(out, { "index.csv": "x\n" }, "out")).rejects.toMatchObject({
      code: "E_LOCKED",
      message: projectMessages.locked(`out/${OUTPUT_LOCK_FILE}`, `pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}`),
    });
    expect((await readdir(out)).sort()).toEqual([".keep", OUTPUT_LOCK_FILE].sort());
    // The holder is gone (a killed run): its lock is taken over, the files written, and the lock released.
    const gone = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    await writeFile(join(out, OUTPUT_LOCK_FILE), JSON.stringify({ ...holder, pid: gone }) + "\n");
    const told: string[] = [];
    await writeFilesAtomic(out, { "index.csv": "x\n" }, "out", 1, { onTakeOver: (message) => told.push(message) });
    expect(await readFile(join(out, "index.csv"), "utf8")).toBe("x\n");
    // Said once, naming the lock and its dead holder (a scheduler's log shows that the earlier command did not finish).
    expect(told).toEqual([projectMessages.lockTakenOver(`out/${OUTPUT_LOCK_FILE}`, `pid ${gone} on ${holder.host}, since ${holder.startedAt}`, "gone", 0, 0)]);
    expect(await readdir(out)).not.toContain(OUTPUT_LOCK_FILE);
  });

  it("a run that takes over a killed writer's lock cleans up the files that lock lists: its .tmp removed, an .old put back where its file is missing", async () => {
    const dir = await makeTempDir({ "out/.keep": "", "precious.txt": "keep\n" });
    const out = join(dir, "out");
    const dead = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    // The killed writer: its lock lists the files it may leave; it left a half-written .tmp, a backup of scores.csv
    // moved aside before the new one came in (scores.csv missing), and a backup of ranks.csv after (ranks.csv new).
    const listed = [`.index.csv.${dead}.tmp`, `.scores.csv.${dead}.old`, `.ranks.csv.${dead}.old`, `.growth.csv.${dead}.tmp`, "../precious.txt", `.other.${dead + 1}.tmp`];
    await writeFile(join(out, OUTPUT_LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), startedAt: new Date().toISOString(), files: listed }) + "\n");
    await writeFile(join(out, `.index.csv.${dead}.tmp`), "unit,ye");
    await writeFile(join(out, `.scores.csv.${dead}.old`), "the previous scores\n");
    await writeFile(join(out, `.ranks.csv.${dead}.old`), "the previous ranks\n");
    await writeFile(join(out, "ranks.csv"), "the new ranks\n");
    await symlink("../precious.txt", join(out, `.growth.csv.${dead}.tmp`)); // listed, but a link: not touched
    await writeFile(join(out, `.other.${dead + 1}.tmp`), "listed under another pid: not the holder's\n");
    await writeFile(join(out, `.weights.csv.${dead}.tmp`), "not listed: kept\n");
    await writeFilesAtomic(out, { "index.csv": "x\n" }, "out", 1, { replace: true });
    expect((await readdir(out)).sort()).toEqual(
      [".keep", `.growth.csv.${dead}.tmp`, `.other.${dead + 1}.tmp`, `.weights.csv.${dead}.tmp`, "index.csv", "ranks.csv", "scores.csv", WRITTEN_FILES].sort(),
    );
    expect(await readFile(join(out, "scores.csv"), "utf8")).toBe("the previous scores\n");
    expect(await readFile(join(out, "ranks.csv"), "utf8")).toBe("the new ranks\n");
    expect(await readFile(join(dir, "precious.txt"), "utf8")).toBe("keep\n");
  });

  it("removes what a killed writer left of the lock (its .tmp or .stale, process gone), and keeps a live run's and a link", async () => {
    const dir = await makeTempDir({ "out/.keep": "", "precious.txt": "keep\n" });
    const out = join(dir, "out");
    // Two processes that have ended: their pids are of no process now (gone + 1 might be another test's, run in parallel).
    const ended = () =>
      new Promise<number>((done) => {
        const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
      });
    const gone = await ended();
    const goneToo = await ended();
    const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    await writeFile(join(out, `${OUTPUT_LOCK_FILE}.${gone}.tmp`), holder(gone)); // killed between writing and linking it
    await writeFile(join(out, `${OUTPUT_LOCK_FILE}.${goneToo}.stale`), holder(gone)); // killed while removing a stale lock
    await writeFile(join(out, `${OUTPUT_LOCK_FILE}.${process.ppid}.tmp`), holder(process.ppid)); // a live run taking it now
    await symlink("../precious.txt", join(out, `${OUTPUT_LOCK_FILE}.${gone + 2}.tmp`)); // not a file of ours
    await writeFilesAtomic(out, { "index.csv": "x\n" }, "out");
    expect((await readdir(out)).filter((name) => name.startsWith(OUTPUT_LOCK_FILE)).sort()).toEqual(
      [`${OUTPUT_LOCK_FILE}.${process.ppid}.tmp`, `${OUTPUT_LOCK_FILE}.${gone + 2}.tmp`].sort(),
    );
    expect(await readFile(join(dir, "precious.txt"), "utf8")).toBe("keep\n");
  });
});
