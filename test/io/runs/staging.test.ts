/**
 * A run's staging folder gets its marker whole (written under a temporary name, then renamed), and a run stopped while
 * it created the folder (`kill -9` between the `mkdir` and the marker's rename) leaves a folder that the next run
 * removes as its own: empty, or holding nothing but the marker (or its temporary name) with a part of `<run-id>\n`.
 * Anything the tool cannot prove it made stays, and is reported (io/runs/runs.ts).
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { discardRun, removeLeftovers, STAGING_MARKER, STAGING_MARKER_TEMPORARY, startStaging } from "../../../src/io/runs/runs.js";
import { listDir, makeTempDir } from "../../helpers.js";

const ID = "20261125T135000.123Z-1a2b3c4d";
const id = (n: number) => `2026112${n}T135000.123Z-1a2b3c4d`;

describe("a run's staging folder", () => {
  it("startStaging makes the folder holding only its marker, with the run's id, and no temporary marker", async () => {
    const runs = await makeTempDir();
    const staging = await startStaging(runs, ID);
    expect(staging).toBe(join(runs, `.staging-${ID}`));
    expect(await listDir(staging)).toEqual([STAGING_MARKER]);
    expect(await readFile(join(staging, STAGING_MARKER), "utf8")).toBe(`${ID}\n`);
    // A second run of the same id never takes it over.
    await expect(startStaging(runs, ID)).rejects.toMatchObject({ code: "EEXIST" });
    expect(await listDir(staging)).toEqual([STAGING_MARKER]);
    await discardRun(runs, ID);
    expect(await listDir(runs)).toEqual([]);
  });

  it("removeLeftovers removes the folders of runs stopped while creating theirs, and keeps every other one, reported", async () => {
    const runs = await makeTempDir({
      // The marker written in place by an earlier version: 0 bytes, or a part of the id.
      [`.staging-${id(2)}/${STAGING_MARKER}`]: "",
      [`.staging-${id(3)}/${STAGING_MARKER}`]: id(3).slice(0, 9),
      // Stopped before the rename of the temporary marker: whole, or cut.
      [`.staging-${id(4)}/${STAGING_MARKER_TEMPORARY}`]: `${id(4)}\n`,
      [`.staging-${id(5)}/${STAGING_MARKER_TEMPORARY}`]: id(5).slice(0, 3),
      // Not the tool's, or not provably: kept.
      [`.staging-${id(6)}/${STAGING_MARKER}`]: id(6).slice(0, 9), // a part of the marker, and a file of someone's
      [`.staging-${id(6)}/notes.txt`]: "mine",
      [`.staging-${id(7)}/${STAGING_MARKER}`]: "2026x", // not the start of its id
      [`.staging-${id(8)}/${STAGING_MARKER_TEMPORARY}`]: `${id(9)}\n`, // another run's id
      "elsewhere/keep.txt": "the target of a link",
    });
    // Stopped after the mkdir: empty.
    await mkdir(join(runs, `.staging-${id(1)}`));
    // Empty, but not named by a run id.
    await mkdir(join(runs, ".staging-notes"));
    // A marker that is a link, or a folder; a staging folder that is a link to an empty folder.
    await mkdir(join(runs, `.staging-${id(9)}`));
    await symlink(join(runs, "elsewhere/keep.txt"), join(runs, `.staging-${id(9)}`, STAGING_MARKER));
    await mkdir(join(runs, `.staging-20261201T135000.123Z-1a2b3c4d/${STAGING_MARKER}`), { recursive: true });
    await mkdir(join(runs, "empty"));
    await symlink(join(runs, "empty"), join(runs, ".staging-20261202T135000.123Z-1a2b3c4d"));

    const { removed, warnings } = await removeLeftovers(runs, "runs", undefined);
    const gone = [1, 2, 3, 4, 5].map((n) => `.staging-${id(n)}`);
    expect(removed.sort()).toEqual(gone);
    const kept = [`.staging-${id(6)}`, `.staging-${id(7)}`, `.staging-${id(8)}`, `.staging-${id(9)}`, ".staging-20261201T135000.123Z-1a2b3c4d", ".staging-20261202T135000.123Z-1a2b3c4d", ".staging-notes"];
    expect(warnings.map((issue) => issue.source).sort()).toEqual(kept.map((name) => `runs/${name}`).sort());
    for (const issue of warnings) expect(issue).toMatchObject({ code: "W_STAGING_KEPT", message: outputMessages.stagingKept(issue.source!, STAGING_MARKER) });
    expect(await listDir(runs)).toEqual([...kept, "elsewhere", "empty"].sort());
    // What was kept is as it was: files, link targets.
    expect(await listDir(join(runs, `.staging-${id(6)}`))).toEqual([STAGING_MARKER, "notes.txt"]);
    expect(await readFile(join(runs, "elsewhere/keep.txt"), "utf8")).toBe("the target of a link");
    expect(await listDir(join(runs, "empty"))).toEqual([]);
    // And the next time: the same warnings, nothing more removed.
    expect((await removeLeftovers(runs, "runs", undefined)).removed).toEqual([]);
  });

  it("discardRun removes its run's staging folder when the run stopped while creating it (empty, or a part of its marker)", async () => {
    const runs = await makeTempDir();
    await mkdir(join(runs, `.staging-${id(1)}`));
    await discardRun(runs, id(1));
    await mkdir(join(runs, `.staging-${id(2)}`));
    await writeFile(join(runs, `.staging-${id(2)}`, STAGING_MARKER_TEMPORARY), id(2).slice(0, 5));
    await discardRun(runs, id(2));
    // Another run's marker, or a file beside a part of its own: kept.
    await mkdir(join(runs, `.staging-${id(3)}`));
    await writeFile(join(runs, `.staging-${id(3)}`, STAGING_MARKER), `${id(4)}\n`);
    await discardRun(runs, id(3));
    await mkdir(join(runs, `.staging-${id(5)}`));
    await writeFile(join(runs, `.staging-${id(5)}`, STAGING_MARKER), "");
    await writeFile(join(runs, `.staging-${id(5)}`, "data.csv"), "mine");
    await discardRun(runs, id(5));
    expect(await listDir(runs)).toEqual([`.staging-${id(3)}`, `.staging-${id(5)}`]);
  });
});
