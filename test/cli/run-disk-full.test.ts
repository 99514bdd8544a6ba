/**
 * A full disk (ENOSPC) at the two writes into a run folder that named the folder rather than the file: the marker of a
 * run's staging folder (`runs/<id>/.innovation-index-staging`), and a report's file put back in its run folder by the
 * repair of what a killed report left (`runs/<id>/reports.json`). Each is said as the run's other files are
 * (project-disk-full.test.ts: `runs/<id>/index.csv`), exit 3 (`E_WRITE`). The disk is made full by `node:fs` and
 * `node:fs/promises` mocked to throw ENOSPC for that one file, as the system does (a write's error names no path).
 */
import { readFile, readdir, rename as renameFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { isRunId } from "../../src/io/runs/run-names.js";
import { STAGING_MARKER, STAGING_MARKER_TEMPORARY } from "../../src/io/runs/runs.js";
import { listDir, runCliWithMocks } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

/** The name (in its folder) whose write, or rename away, fails with ENOSPC; `undefined`: none. */
let full: string | undefined;
const noSpace = (syscall: string, path?: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: "ENOSPC", errno: -28, syscall, ...(path === undefined ? {} : { path }) });

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof real.writeFileSync = (path, ...rest) => {
    if (full !== undefined && basename(String(path)) === full) throw noSpace("write");
    return real.writeFileSync(path, ...rest);
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const rename: typeof real.rename = async (from, to) => {
    if (full !== undefined && basename(String(from)) === full) throw noSpace("rename", String(from));
    return real.rename(from, to);
  };
  return { ...real, default: { ...real, rename }, rename };
});
// The command line loaded again, with the mocked modules.
const runCli = runCliWithMocks();

/** `runCli` with `name` on the full disk. */
async function onFullDisk(name: string, argv: string[], dir: string) {
  full = name;
  try {
    return await runCli(argv, dir);
  } finally {
    full = undefined;
  }
}

describe("a full disk while writing into a run folder", () => {
  it("at the staging folder's marker: exit 3 naming runs/.staging-<id>/.innovation-index-staging, no staging folder left, LATEST as it was", async () => {
    const dir = await makeTwoYearProject("disk-full-marker");
    const runs = join(dir, "runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    const failed = await onFullDisk(STAGING_MARKER_TEMPORARY, ["compute", "-q"], dir);
    const id = /^error: runs\/\.staging-([^/:]+)\//.exec(failed.stderr)?.[1] ?? "";
    expect(isRunId(id), failed.stderr).toBe(true);
    // Before: "runs/<id>: cannot write the output (ENOSPC: ...)", the run folder only; then runs/<id>/<marker>, a path
    // that never came to be: the marker is written in the staging folder.
    const notPublished = outputMessages.runNotPublished(`runs/.staging-${id}`, "runs/LATEST");
    expect(failed).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.writeFailed(`runs/.staging-${id}/${STAGING_MARKER}`, "ENOSPC")}\n${notPublished}\n` });
    expect(failed.stderr).toBe(
      `error: runs/.staging-${id}/.innovation-index-staging: cannot write the output (ENOSPC: no space left on the disk); expected a writable folder with room for the outputs\n` +
        `nothing was published: the run was being written in its staging folder runs/.staging-${id}, which is removed, and runs/LATEST is as it was\n`,
    );
    expect((await readFile(join(runs, "LATEST"), "utf8")).trim()).toBe(first);
    expect(await listDir(runs)).toEqual([first, "LATEST"]); // the staging folder removed, no lock left
    // With room again, the same run goes through.
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
  });

  it("at a report's file put back by the repair of a killed report: exit 3 naming runs/<id>/reports.json, the backup kept", async () => {
    const dir = await makeTwoYearProject("disk-full-report");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    expect((await runCli(["report", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const folder = join(dir, "runs", id);
    // A report killed between moving reports.json aside and renaming its new version into place: only the backup is
    // there, which the next report puts back (`repairDerivedFiles`, 1). Named by this process's pid (the CLI runs
    // in-process), which counts as a process that left it (it has written nothing there yet).
    const backup = `.reports.json.${process.pid}.old`;
    const listing = await readFile(join(folder, "reports.json"), "utf8");
    await renameFile(join(folder, "reports.json"), join(folder, backup));
    const failed = await onFullDisk(backup, ["report", "-q"], dir);
    // Before: "runs/<id>: cannot write the output (ENOSPC: ...)", the run folder only.
    expect(failed).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.writeFailed(`runs/${id}/reports.json`, "ENOSPC")}\n` });
    expect(failed.stderr).toBe(`error: runs/${id}/reports.json: cannot write the output (ENOSPC: no space left on the disk); expected a writable folder with room for the outputs\n`);
    // Nothing was lost: the backup is still there with its listing, and no reports.json was made.
    expect(await readFile(join(folder, backup), "utf8")).toBe(listing);
    expect((await readdir(folder)).includes("reports.json")).toBe(false);
    // With room again, the report puts it back (said, as the repair says it), and writes.
    const again = await runCli(["report"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`restored runs/${id}/reports.json from ${backup}, left by a report that stopped before it finished\n`);
    expect(await listDir(folder)).not.toContain(backup);
  });
});
