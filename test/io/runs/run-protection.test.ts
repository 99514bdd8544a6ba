/**
 * `protectRunFiles`: the files a run's manifest lists, and the manifest, lose their write bits and nothing else; a link,
 * a path leaving the folder, a file not listed and a missing file are left alone.
 */
import { createHash } from "node:crypto";
import { chmod, lstat, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { protectRunFiles } from "../../../src/io/runs/run-protection.js";
import { makeTempDir } from "../../helpers.js";

const mode = async (path: string) => (await lstat(path)).mode & 0o777;

/** A manifest listing `paths` (digests not checked here). */
const manifest = (paths: readonly string[]) =>
  JSON.stringify({ fingerprint: "0".repeat(64), inputs: [], outputs: paths.map((path) => ({ path, bytes: 0, sha256: "0".repeat(64) })) });

describe.runIf(process.platform !== "win32")("protectRunFiles", () => {
  it("clears the write bits of the listed files and the manifest only: 0o644 -> 0o444, 0o600 -> 0o400, 0o444 stays", async () => {
    const dir = await makeTempDir();
    const run = join(dir, "run");
    await mkdir(join(run, "sub"), { recursive: true });
    await writeFile(join(dir, "outside.csv"), "mine\n");
    await writeFile(join(dir, "target.csv"), "mine\n");
    await symlink(join(dir, "target.csv"), join(run, "linked.csv"));
    const listed = ["index.csv", "private.csv", "done.csv", "sub/scores.csv", "linked.csv", "../outside.csv", "missing.csv"];
    await writeFile(join(run, "manifest.json"), manifest(listed));
    for (const name of ["index.csv", "private.csv", "done.csv", "sub/scores.csv", "notes.txt"]) await writeFile(join(run, name), "x\n");
    await chmod(join(run, "manifest.json"), 0o644);
    await chmod(join(run, "index.csv"), 0o644);
    await chmod(join(run, "private.csv"), 0o600);
    await chmod(join(run, "done.csv"), 0o444);
    await chmod(join(run, "sub/scores.csv"), 0o664);
    await chmod(join(run, "notes.txt"), 0o644);
    await chmod(join(dir, "outside.csv"), 0o644);
    await chmod(join(dir, "target.csv"), 0o644);

    // The link, the path out of the folder and the missing file are skipped; the rest, with the manifest, returned.
    expect(await protectRunFiles(run)).toEqual(["index.csv", "private.csv", "done.csv", "sub/scores.csv", "manifest.json"]);
    // 0o644 & ~0o222 = 0o444; 0o600 & ~0o222 = 0o400; 0o664 & ~0o222 = 0o444.
    expect(await mode(join(run, "index.csv"))).toBe(0o444);
    expect(await mode(join(run, "private.csv"))).toBe(0o400);
    expect(await mode(join(run, "done.csv"))).toBe(0o444);
    expect(await mode(join(run, "sub/scores.csv"))).toBe(0o444);
    expect(await mode(join(run, "manifest.json"))).toBe(0o444);
    // Not listed, out of the folder, or reached through a link: as they were; the folders still writable.
    expect(await mode(join(run, "notes.txt"))).toBe(0o644);
    expect(await mode(join(dir, "outside.csv"))).toBe(0o644);
    expect(await mode(join(dir, "target.csv"))).toBe(0o644);
    for (const folder of [run, join(run, "sub")]) expect((await mode(folder)) & 0o200).toBe(0o200);
  });

  it("a folder without a manifest (or with one that is not a run's) is left as it is", async () => {
    const dir = await makeTempDir({ "index.csv": "x\n", "other/manifest.json": "{not json" });
    await chmod(join(dir, "index.csv"), 0o644);
    expect(await protectRunFiles(dir)).toEqual([]);
    expect(await protectRunFiles(join(dir, "other"))).toEqual([]);
    expect(await mode(join(dir, "index.csv"))).toBe(0o644);
  });
});

describe.runIf(process.platform !== "win32")("publishRun protects the run before LATEST moves, and when LATEST already names it", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const runWith = async () => {
    const { fingerprintOf } = await import("../../../src/io/runs/run-files.js");
    const fingerprint = fingerprintOf("0", {}, []);
    const id = `20260301T020000.123Z-${fingerprint.slice(0, 8)}`;
    const outputs: Record<string, string> = { "index.csv": "unit,year\n", "index-wide.csv": "unit\n", "index.json": "{}\n", "input-values.csv": "unit,year,indicator,value\n", "scores.csv": "unit,year\n" };
    const manifest = { tool: { name: "innovation-index", version: "0" }, run: id, startedAt: "2026-03-01T02:00:00.123Z", fingerprint, options: {}, inputs: [], outputs: Object.entries(outputs).map(([path, text]) => ({ path, bytes: Buffer.byteLength(text), sha256: sha(text) })) };
    const runs = await makeTempDir({ ...Object.fromEntries(Object.entries(outputs).map(([path, text]) => [`${id}/${path}`, text])), [`${id}/manifest.json`]: JSON.stringify(manifest, null, 2) + "\n" });
    for (const path of [...Object.keys(outputs), "manifest.json"]) await chmod(join(runs, id, path), 0o644);
    return { runs, id };
  };

  it("runs publish of the run LATEST already names (a kill between LATEST and the chmod): made read-only, nothing else written", async () => {
    const { publishRun } = await import("../../../src/io/runs/publish-run.js");
    const { runs, id } = await runWith();
    await writeFile(join(runs, "LATEST"), `${id}\n`);
    expect(await publishRun(runs, id)).toEqual({ before: id, after: id, changed: false });
    // 0o644 & ~0o222 = 0o444, each listed file and the manifest.
    for (const path of ["index.csv", "scores.csv", "manifest.json"]) expect(await mode(join(runs, id, path))).toBe(0o444);
  });

  it("LATEST that cannot be moved (a folder): the run is refused publication, but its files were made read-only first", async () => {
    const { publishRun } = await import("../../../src/io/runs/publish-run.js");
    const { runs, id } = await runWith();
    await mkdir(join(runs, "LATEST"));
    await expect(publishRun(runs, id)).rejects.toMatchObject({ code: "E_WRITE" });
    expect(await mode(join(runs, id, "index.csv"))).toBe(0o444);
  });
});
