/**
 * Writing files with their digests: every kind of content (text, bytes, chunks, a job), on one thread and on several,
 * hashed as written; the digests are checked against a SHA-256 of each file read back whole.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { fileJob } from "../../../src/io/write/file-jobs.js";
import { indexJsonFrame } from "../../../src/io/write/result-chunks.js";
import { writeFilesAtomicWithDigests, type FileContent } from "../../../src/io/write/write.js";
import { makeTempDir } from "../../helpers.js";

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
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("writeFilesAtomicWithDigests", () => {
  for (const threads of [1, 3])
    it(`returns the size and SHA-256 of every file written (${threads} thread${threads > 1 ? "s" : ""})`, async () => {
      const dir = await makeTempDir();
      const digests = await writeFilesAtomicWithDigests(dir, files(), "out", threads);
      expect(Object.keys(digests).sort()).toEqual(["bytes.bin", "chunks.csv", "empty.txt", "index.csv", "index.json", "text.csv"]);
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
