/**
 * Writing files with their digests: every kind of content (text, bytes, chunks, a job), on one thread and on several,
 * hashed as written; the digests are checked against a SHA-256 of each file read back whole.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { fileJob } from "../../../src/io/write/file-jobs.js";
import { indexJsonFrame } from "../../../src/io/write/result-chunks.js";
import { writeFilesAtomic, writeFilesAtomicWithDigests, type FileContent, type PathJob } from "../../../src/io/write/write.js";
import { listDir, makeTempDir } from "../../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});
/** A temporary folder removed after the test. */
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir(files);
  created.push(dir);
  return dir;
}

/** A small result (3 units × 2 indicators × 3 years) for the jobs. */
function result() {
  const tree = buildTree(
    [
      ["a", "", "+"],
      ["b", "", "-"],
    ].map(([code, parent, direction], i) => ({ line: i + 2, code, parent, weight: "", direction, name: code })),
  );
  if (!tree.ok) throw new Error("tree");
  const records = ["U1", "U2", "U3"].flatMap((unit, u) =>
    ["a", "b"].flatMap((indicator, i) => [2017, 2018, 2019].map((year, y) => ({ unit, year, indicator, value: 1 + u + i / 2 + y / 3 }))),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error("panel");
  return computeIndex(tree.value, panel.value);
}

function files(): Record<string, FileContent> {
  const computed = result();
  return {
    "text.csv": "a,b\n中文,2\n",
    "bytes.bin": new Uint8Array([0, 1, 2, 255]),
    "chunks.csv": (function* () {
      yield "x\n";
      yield new Uint8Array([0x79, 0x0a]);
      yield "é\n";
    })(),
    "empty.txt": "",
    "index.csv": fileJob("index.csv", computed, { decimals: 4, bom: true }),
    "index.json": fileJob("index.json", computed, { decimals: 4 }, indexJsonFrame(computed)),
    "self.bin": selfWritten(new Uint8Array([9, 8, 7, 6, 5])),
  };
}

/** A file that writes itself (as a Parquet file does), after a pause so that it ends while the others are written. */
function selfWritten(bytes: Uint8Array, fail?: Error, delay = 20): PathJob {
  return {
    kind: "path-job",
    write: async (path) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await writeFile(path, bytes.subarray(0, 2));
      if (fail) throw fail;
      await writeFile(path, bytes);
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("writeFilesAtomicWithDigests", () => {
  for (const threads of [1, 3])
    it(`returns the size and SHA-256 of every file written (${threads} thread${threads > 1 ? "s" : ""})`, async () => {
      const dir = await makeTempDir();
      const digests = await writeFilesAtomicWithDigests(dir, files(), "out", threads);
      expect(Object.keys(digests).sort()).toEqual(["bytes.bin", "chunks.csv", "empty.txt", "index.csv", "index.json", "self.bin", "text.csv"]);
      expect((await readdir(dir)).sort()).toEqual(Object.keys(digests).sort()); // no temporary file left
      for (const [name, digest] of Object.entries(digests)) {
        const bytes = await readFile(join(dir, name));
        expect(digest, name).toEqual({ bytes: bytes.length, sha256: sha256(bytes) });
      }
      // Known values: "x\ny\né\n" is 7 bytes (é is 2 in UTF-8); SHA-256 of nothing is e3b0c442...b855.
      expect(digests["chunks.csv"].bytes).toBe(7);
      expect(digests["empty.txt"]).toEqual({ bytes: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" });
      expect(digests["text.csv"].bytes).toBe(13); // 4 + 6 (two CJK characters, 3 bytes each) + 3
    });
});

describe("writeFilesAtomic: all or nothing", () => {
  it("replaces every existing file and leaves no temporary or backup file", async () => {
    const dir = await tempDir({ "a.csv": "old a", "c.csv": "old c" });
    await writeFilesAtomic(dir, { "a.csv": "new a", "b.csv": "new b", "c.csv": "new c" }, "out", 1, { replace: true });
    expect(await listDir(dir)).toEqual(["a.csv", "b.csv", "c.csv"]);
    for (const name of ["a", "b", "c"]) expect(await readFile(join(dir, `${name}.csv`), "utf8")).toBe(`new ${name}`);
  });

  it("a target that is a folder in the middle of the list: exit-3 error, and every earlier file is restored", async () => {
    const dir = await tempDir({ "a.csv": "old a", "b.csv/inside.txt": "a folder in the way", "c.csv": "old c" });
    const write = writeFilesAtomic(dir, { "a.csv": "new a", "new.csv": "new file", "b.csv": "new b", "c.csv": "new c" }, "out", 1, { replace: true });
    // rename(2) of a file over a folder fails with EISDIR; a.csv and new.csv were renamed before it.
    await expect(write).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.replaceFailed("out", "b.csv", "EISDIR", []) });
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
    expect(await readFile(join(dir, "c.csv"), "utf8")).toBe("old c");
    expect(await readFile(join(dir, "b.csv/inside.txt"), "utf8")).toBe("a folder in the way");
    // new.csv did not exist before: it is gone again; no temporary or backup file is left.
    expect(await listDir(dir)).toEqual(["a.csv", "b.csv", "c.csv"]);
  });

  for (const threads of [1, 3])
    it(`a file that writes itself and fails: its error, the old files kept, no temporary left (${threads} thread${threads > 1 ? "s" : ""})`, async () => {
      const dir = await tempDir({ "a.csv": "old a", "self.bin": "old self" });
      const failure = Object.assign(new Error("disk full"), { code: "ENOSPC" });
      const write = writeFilesAtomic(dir, { "a.csv": "new a", "self.bin": selfWritten(new Uint8Array([1, 2, 3]), failure), "b.csv": "new b" }, "out", threads, { replace: true });
      // The file that could not be written is named, not only its folder.
      await expect(write).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.writeFailed("out/self.bin", "ENOSPC") });
      expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
      expect(await readFile(join(dir, "self.bin"), "utf8")).toBe("old self");
      expect(await listDir(dir)).toEqual(["a.csv", "self.bin"]);
    });

  it("a file that writes itself and fails at once, while a slow file is still being written: its error, nothing left", async () => {
    const dir = await tempDir({ "a.csv": "old a" });
    const slow = (function* () {
      // A file written in chunks, slowly, on the async path (3 threads) while the failure is already known.
      for (let i = 0; i < 5; i++) {
        const until = Date.now() + 10;
        while (Date.now() < until);
        yield `${i}\n`;
      }
    })();
    const failure = Object.assign(new Error("disk full"), { code: "ENOSPC" });
    const write = writeFilesAtomic(dir, { "self.bin": selfWritten(new Uint8Array([1]), failure, 0), "a.csv": slow }, "out", 3, { replace: true });
    await expect(write).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.writeFailed("out/self.bin", "ENOSPC") });
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
    expect(await listDir(dir)).toEqual(["a.csv"]);
  });

  for (const threads of [1, 3])
    it(`a file whose write fails (a full disk) is named in the error, not only its folder; the old files kept (${threads} thread${threads > 1 ? "s" : ""})`, async () => {
      const dir = await tempDir({ "a.csv": "old a", "b.csv": "old b" });
      // The chunks of b.csv: the first written, then the disk full (ENOSPC, which Node gives without the file's path).
      const full = (function* () {
        yield "unit,value\n";
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
      })();
      const write = writeFilesAtomicWithDigests(dir, { "a.csv": "new a", "b.csv": full, "c.csv": "new c" }, "runs/20261210T020000.000Z-1a2b3c4d", threads);
      await expect(write).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.writeFailed("runs/20261210T020000.000Z-1a2b3c4d/b.csv", "ENOSPC") });
      expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
      expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("old b");
      expect(await listDir(dir)).toEqual(["a.csv", "b.csv"]);
    });

  it("the first target failing leaves the folder as it was", async () => {
    const dir = await tempDir({ "a.csv/x": "folder", "b.csv": "old b" });
    await expect(writeFilesAtomic(dir, { "a.csv": "new a", "b.csv": "new b" }, "out", 1, { replace: true })).rejects.toMatchObject({ code: "E_WRITE" });
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("old b");
    expect(await listDir(dir)).toEqual(["a.csv", "b.csv"]);
  });
});

describe("writeFilesAtomic: a folder that cannot be created fails at once", () => {
  it.skipIf(!existsSync("/proc/self"))("under /proc (where mkdir answers ENOENT): E_WRITE within a second", async () => {
    const started = Date.now();
    await expect(writeFilesAtomic("/proc/innovation-index-test/y", { "a.csv": "a" }, "/proc/innovation-index-test/y")).rejects.toMatchObject({
      code: "E_WRITE",
      message: outputMessages.folderNotCreated("/proc/innovation-index-test/y", "/proc/innovation-index-test", "ENOENT"),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("under a path whose parent is a file: E_WRITE naming the path", async () => {
    const dir = await tempDir({ "file.txt": "a file", notes: "a file" });
    await expect(writeFilesAtomic(join(dir, "file.txt/sub/out"), { "a.csv": "a" }, "file.txt/sub/out")).rejects.toMatchObject({
      code: "E_WRITE",
      message: outputMessages.folderNotCreated("file.txt/sub/out", join(dir, "file.txt/sub/out"), "ENOTDIR"),
    });
    // The folder itself is a file (named like a folder: one named like a file is refused as such first).
    await expect(writeFilesAtomic(join(dir, "notes"), { "a.csv": "a" }, "notes")).rejects.toMatchObject({
      message: outputMessages.folderNotCreated("notes", join(dir, "notes"), "EEXIST"),
    });
    await expect(writeFilesAtomic(join(dir, "file.txt"), { "a.csv": "a" }, "file.txt")).rejects.toMatchObject({
      code: "E_OUT_FILE_NAME",
      message: outputMessages.outFileName("file.txt", "txt", "file"),
    });
    expect(await readFile(join(dir, "file.txt"), "utf8")).toBe("a file");
    expect(await readFile(join(dir, "notes"), "utf8")).toBe("a file");
  });

  it("creates missing parents, and accepts a link to a folder", async () => {
    const dir = await tempDir();
    await writeFilesAtomic(join(dir, "x/y/z"), { "a.csv": "a" });
    expect(await readFile(join(dir, "x/y/z/a.csv"), "utf8")).toBe("a");
    await symlink(join(dir, "x"), join(dir, "link"));
    await writeFilesAtomic(join(dir, "link"), { "b.csv": "b" });
    expect(await readFile(join(dir, "x/b.csv"), "utf8")).toBe("b");
  });
});

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUILT = existsSync(join(ROOT, "dist/bundle/file-worker.js"));

describe.skipIf(!BUILT)("writer threads that cannot start (the built CLI)", () => {
  it("compute --threads 3 with a worker script that fails: exit 3, one sentence, no stack, nothing written", async () => {
    // A copy of the built tool whose worker script throws as it starts, as a worker that cannot start or allocate would.
    const dir = await tempDir();
    const tool = join(dir, "tool");
    await mkdir(join(tool, "dist"), { recursive: true });
    for (const part of ["bin", "indicators", "data", "package.json"]) await cp(join(ROOT, part), join(tool, part), { recursive: true });
    await cp(join(ROOT, "dist/bundle"), join(tool, "dist/bundle"), { recursive: true });
    await symlink(join(ROOT, "node_modules"), join(tool, "node_modules"));
    await writeFile(join(tool, "dist/bundle/file-worker.js"), 'throw new Error("no memory for this thread");\n');
    const run = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(process.execPath, [join(tool, "bin/innovation-index.js"), "compute", "--out", "o", "--threads", "3", "-q"], { cwd: dir }, (error, _stdout, stderr) =>
        done({ code: (error as { code?: number } | null)?.code ?? 0, stderr }),
      ),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.workerFailed("o", "no memory for this thread")}\n`);
    expect(await listDir(join(dir, "o"))).toEqual([]);
    expect((await stat(join(dir, "o"))).isDirectory()).toBe(true);
  });
});

describe("writeFilesAtomic into a run folder", () => {
  it("refuses a folder holding manifest.json and index.json (a run) unless intoRun, and writes into any other", async () => {
    const run = await tempDir({ "manifest.json": "{}", "index.json": "{}", "index.csv": "published\n" });
    await expect(writeFilesAtomic(run, { "index.csv": "other\n" }, "runs/r1")).rejects.toMatchObject({ code: "E_OUT_IS_RUN", message: outputMessages.outIsRun("runs/r1") });
    expect(await readFile(join(run, "index.csv"), "utf8")).toBe("published\n");
    expect((await listDir(run)).sort()).toEqual(["index.csv", "index.json", "manifest.json"]);
    // Nor a folder inside it, named with the run.
    await expect(writeFilesAtomic(join(run, "a", "b"), { "x.csv": "x\n" }, "runs/r1/a/b")).rejects.toMatchObject({
      code: "E_OUT_IS_RUN",
      message: outputMessages.outIsRun("runs/r1/a/b", "runs/r1"),
    });
    expect((await listDir(run)).sort()).toEqual(["index.csv", "index.json", "manifest.json"]);
    // report --run's own way in, and folders that are not runs (a manifest.json alone, an index.json alone).
    await writeFilesAtomic(run, { "report.html": "<p>" }, "runs/r1", 1, { intoRun: true });
    expect(await readFile(join(run, "report.html"), "utf8")).toBe("<p>");
    for (const files of [{ "manifest.json": "{}" }, { "index.json": "{}" }] as Record<string, string>[]) {
      const dir = await tempDir(files);
      await writeFilesAtomic(dir, { "index.csv": "x\n" });
      expect(await readFile(join(dir, "index.csv"), "utf8")).toBe("x\n");
    }
  });
});
