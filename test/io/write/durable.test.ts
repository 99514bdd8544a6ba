import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syncFile, syncFolder } from "../../../src/io/write/durable.js";
import { makeTempDir } from "../../helpers.js";

// What a flush does on the disk cannot be seen from a test (it needs a power cut); these check that the calls flush
// what they are given, change nothing, and refuse what they must not follow.
describe("durable: flushing files and folders", () => {
  it("flushes a file without changing it, and a folder", async () => {
    const dir = await makeTempDir({ "a.csv": "unit,value\nU1,1\n" });
    syncFile(join(dir, "a.csv"));
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("unit,value\nU1,1\n");
    expect(() => syncFolder(dir)).not.toThrow();
  });

  it.runIf(process.platform !== "win32")("does not follow a link to a file, and fails on what is not there", async () => {
    const dir = await makeTempDir({ "a.csv": "x\n" });
    symlinkSync(join(dir, "a.csv"), join(dir, "link.csv"));
    expect(() => syncFile(join(dir, "link.csv"))).toThrow(expect.objectContaining({ code: "ELOOP" }));
    expect(() => syncFile(join(dir, "none.csv"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(() => syncFolder(join(dir, "none"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });
});
