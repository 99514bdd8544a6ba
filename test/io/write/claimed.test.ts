/**
 * A claimed temporary file is written only while it is still the file the claim created: a link, or another name of
 * a file, put at its name in between is refused before a byte is written or truncated, by the plain writers, the
 * writer threads' files and the folder writer as a whole.
 */
import { statSync, symlinkSync, unlinkSync } from "node:fs";
import { link, readdir, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { NOT_CLAIMED, openClaimed, writeClaimed, writeClaimedSync } from "../../../src/io/write/claimed.js";
import { writeChunksSync } from "../../../src/io/write/file-jobs.js";
import { claimTemporary } from "../../../src/io/write/temporary.js";
import { PRIVATE_FOLDER_PREFIX, writeFilesAtomic, type PathJob } from "../../../src/io/write/write.js";
import { listDir, makeTempDir } from "../../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir(files);
  created.push(dir);
  return dir;
}

/** Writers of a claimed file, each given a path and a text. */
const WRITERS: [string, (path: string, text: string) => unknown][] = [
  ["writeClaimedSync", (path, text) => writeClaimedSync(path, text)],
  ["writeClaimed", (path, text) => writeClaimed(path, [text.slice(0, 2), Buffer.from(text.slice(2))])],
  ["writeChunksSync (the writer threads')", (path, text) => writeChunksSync(path, [text])],
];

describe.skipIf(process.platform === "win32")("writing a claimed temporary file", () => {
  it.each(WRITERS)("%s writes the file claimed, emptied first", async (_, write) => {
    const dir = await folder();
    const path = join(dir, ".a.tmp");
    const release = claimTemporary(path);
    await writeFile(path, "longer old content");
    await write(path, "new");
    expect(await readFile(path, "utf8")).toBe("new");
    release();
  });

  it.each(WRITERS)("%s refuses a link put at the name since the claim, and leaves its target as it was", async (_, write) => {
    const dir = await folder({ "victim.txt": "precious" });
    const path = join(dir, ".a.tmp");
    const release = claimTemporary(path);
    await unlink(path);
    await symlink(join(dir, "victim.txt"), path);
    await expect(async () => write(path, "new")).rejects.toMatchObject({ code: "ELOOP" });
    expect(await readFile(join(dir, "victim.txt"), "utf8")).toBe("precious");
    release();
  });

  it.each(WRITERS)("%s refuses a file with another name too (a hard link to another file), truncating nothing", async (_, write) => {
    const dir = await folder({ "victim.txt": "precious" });
    const path = join(dir, ".a.tmp");
    const release = claimTemporary(path);
    await unlink(path);
    await link(join(dir, "victim.txt"), path);
    await expect(async () => write(path, "new")).rejects.toMatchObject({ code: NOT_CLAIMED });
    expect(await readFile(join(dir, "victim.txt"), "utf8")).toBe("precious");
    release();
  });

  it("openClaimed does not create a file that is gone", async () => {
    const dir = await folder();
    expect(() => openClaimed(join(dir, ".gone.tmp"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(await listDir(dir)).toEqual([]);
  });

  it("the folder writer: a temporary file turned into a link mid-write is E_OUT_NOT_OURS; no output changes, the link's target neither", async () => {
    const dir = await folder({ "victim.txt": "precious", "b.csv": "old b\n" });
    // The first writer to run (a file that writes itself starts before the others) swaps the temporary file of b.csv,
    // claimed already, for a link to victim.txt: as another process able to write in the folder could.
    const swap: PathJob = {
      kind: "path-job",
      write: async (path) => {
        const temporary = join(dir, `.b.csv.${process.pid}.tmp`);
        unlinkSync(temporary);
        symlinkSync(join(dir, "victim.txt"), temporary);
        await writeFile(path, "a\n");
      },
    };
    const error = await writeFilesAtomic(dir, { "a.csv": swap, "b.csv": "new b\n" }, "out", 1, { replace: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "E_OUT_NOT_OURS", message: outputMessages.temporaryReplaced("out") });
    expect(await readFile(join(dir, "victim.txt"), "utf8")).toBe("precious");
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("old b\n");
    // The planted link is left where it was put (not the tool's to remove); the tool's own temporary files are gone.
    expect((await listDir(dir)).sort()).toEqual([`.b.csv.${process.pid}.tmp`, "b.csv", "victim.txt"].sort());
  });

  it("the folder writer: a temporary file turned into a link once written is not renamed into place (E_OUT_NOT_OURS)", async () => {
    const dir = await folder({ "victim.txt": "precious", "b.csv": "old b\n" });
    // This writer ends last: b.csv's temporary file is written by then, and swapped for a link before the renames.
    const swap: PathJob = {
      kind: "path-job",
      write: async (path) => {
        await writeFile(path, "a\n");
        const temporary = join(dir, `.b.csv.${process.pid}.tmp`);
        expect(await readFile(temporary, "utf8")).toBe("new b\n");
        unlinkSync(temporary);
        symlinkSync(join(dir, "victim.txt"), temporary);
      },
    };
    const error = await writeFilesAtomic(dir, { "a.csv": swap, "b.csv": "new b\n" }, "out", 1, { replace: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "E_OUT_NOT_OURS", message: outputMessages.temporaryReplaced("out") });
    expect(await readFile(join(dir, "victim.txt"), "utf8")).toBe("precious");
    // b.csv is the file it was, not a link to victim.txt; a.csv was not put in place either.
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("old b\n");
    expect((await listDir(dir)).sort()).toEqual([`.b.csv.${process.pid}.tmp`, "b.csv", "victim.txt"].sort());
  });
  it("a file that writes itself (DuckDB's Parquet) is written in a private folder: a link planted at its temporary name is replaced, never written through", async () => {
    const dir = await folder({ "victim.txt": "precious" });
    let given = "";
    let mode = 0;
    const byPath: PathJob = {
      kind: "path-job",
      write: async (path) => {
        given = path;
        mode = statSync(dirname(path)).mode & 0o777;
        // Another process swaps the claimed temporary name of a.parquet for a link to victim.txt; the writer then
        // writes by path, following links, as DuckDB does.
        const temporary = join(dir, `.a.parquet.${process.pid}.tmp`);
        unlinkSync(temporary);
        symlinkSync(join(dir, "victim.txt"), temporary);
        await writeFile(path, "parquet bytes");
      },
    };
    await writeFilesAtomic(dir, { "a.parquet": byPath, "b.csv": "b\n" }, "out", 1);
    expect(await readFile(join(dir, "victim.txt"), "utf8")).toBe("precious");
    expect(await readFile(join(dir, "a.parquet"), "utf8")).toBe("parquet bytes");
    // The writer was given a path in a folder of its own, readable by this user alone, inside the output folder; the
    // folder is gone, and so is the planted link (the written file was renamed over it).
    expect(dirname(dirname(given))).toBe(dir);
    expect(basename(dirname(given)).startsWith(PRIVATE_FOLDER_PREFIX)).toBe(true);
    expect(mode).toBe(0o700);
    expect((await listDir(dir)).sort()).toEqual(["a.parquet", "b.csv", "victim.txt"]);
  });

  it("a file that writes itself and fails leaves neither its private folder nor its temporary file", async () => {
    const dir = await folder({ "a.parquet": "old" });
    const failing: PathJob = {
      kind: "path-job",
      write: async (path) => {
        await writeFile(path, "half");
        throw new Error("disk full");
      },
    };
    await expect(writeFilesAtomic(dir, { "a.parquet": failing }, "out", 1, { replace: true })).rejects.toMatchObject({ code: "E_WRITE" });
    expect(await readdir(dir)).toEqual(["a.parquet"]);
    expect(await readFile(join(dir, "a.parquet"), "utf8")).toBe("old");
  });
});
