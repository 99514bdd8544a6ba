/**
 * Undoing a set of writes (`undo-writes.ts`): what the writes made goes, what they replaced comes back, and anything
 * changed since the writes (not provably the tool's own any more) stays, named.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beginUndoJournal, noteWritten, undoWrites } from "../../../src/io/write/undo-writes.js";
import { listDir, makeTempDir } from "../../helpers.js";

describe("undoWrites", () => {
  it("removes the files and folders made, puts back the file replaced", async () => {
    const dir = await makeTempDir({ "kept.txt": "before\n" });
    const made = join(dir, "a/b");
    const journal = beginUndoJournal([made], [join(dir, "kept.txt"), join(made, "new.txt")]);
    // a and a/b are missing: both are to be made, outermost first.
    expect(journal.folders).toEqual([join(dir, "a"), made]);
    mkdirSync(made, { recursive: true });
    writeFileSync(join(made, "new.txt"), "new\n");
    writeFileSync(join(dir, "kept.txt"), "after\n");
    noteWritten(journal, [join(made, "new.txt"), join(dir, "kept.txt")]);
    expect(undoWrites(journal)).toEqual([]);
    expect(await listDir(dir)).toEqual(["kept.txt"]);
    expect(await readFile(join(dir, "kept.txt"), "utf8")).toBe("before\n");
  });

  it("leaves a file changed since it was written, and so its folder, and names both", async () => {
    const dir = await makeTempDir();
    const made = join(dir, "out");
    const journal = beginUndoJournal([made], [join(made, "a.txt"), join(made, "b.txt")]);
    mkdirSync(made);
    writeFileSync(join(made, "a.txt"), "written\n");
    writeFileSync(join(made, "b.txt"), "written\n");
    noteWritten(journal, [join(made, "a.txt"), join(made, "b.txt")]);
    writeFileSync(join(made, "b.txt"), "edited by someone\n");
    // b.txt no longer holds what was written: left, so out/ is not empty and stays too; a.txt goes.
    expect(undoWrites(journal)).toEqual([join(made, "b.txt"), made]);
    expect(await listDir(made)).toEqual(["b.txt"]);
    expect(await readFile(join(made, "b.txt"), "utf8")).toBe("edited by someone\n");
  });
});
