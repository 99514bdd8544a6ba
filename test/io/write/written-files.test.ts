/**
 * The writer's record of the files it wrote in an output folder: a file of the same name is replaced only when the
 * record shows it is the tool's own, unchanged since (io/write/written-files.ts).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { writeFilesAtomic } from "../../../src/io/write/write.js";
import { WRITTEN_FILES } from "../../../src/io/write/written-files.js";
import { makeTempDir, runCli } from "../../helpers.js";

describe("the record of the files written", () => {
  it("lists each file written with its size and SHA-256, and lets the tool replace its own files, unchanged, again", async () => {
    const dir = await makeTempDir();
    try {
      await writeFilesAtomic(join(dir, "out"), { "a.csv": "first a\n", "b.csv": "b\n" }, "out");
      const record = JSON.parse(await readFile(join(dir, "out", WRITTEN_FILES), "utf8"));
      // Digests computed here, independently of the writer.
      const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
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
