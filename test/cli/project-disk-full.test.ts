/**
 * A project run on a full disk: the error names the file that could not be written (`runs/<id>/index.csv`), not only
 * the run folder, and keeps exit code 3 (`E_WRITE`). The disk is made full for one file by opening `/dev/full` in its
 * place (every write to it fails with ENOSPC, as on a full disk): `openClaimed`, which opens each large output's
 * temporary file for writing, is wrapped.
 */
import { openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { isRunId } from "../../src/io/runs/run-names.js";
import { listDir, runCliWithMocks } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

/** The output whose temporary file is on the full disk (`.<name>.<pid>.tmp`); `undefined`: none. */
let full: string | undefined;

vi.mock("../../src/io/write/claimed.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/io/write/claimed.js")>();
  return {
    ...real,
    openClaimed: (path: string) => (full !== undefined && basename(path).startsWith(`.${full}.`) ? openSync("/dev/full", "w") : real.openClaimed(path)),
  };
});
// The command line loaded again, with the wrapped module.
const runCli = runCliWithMocks();

describe.skipIf(process.platform !== "linux")("a project run on a full disk", () => {
  it("exits 3 naming the file it could not write (runs/.staging-<id>/index.csv), and leaves LATEST and the runs as they were", async () => {
    const dir = await makeTwoYearProject("disk-full");
    const runs = join(dir, "runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    full = "index.csv";
    let failed: { code: number; stderr: string };
    try {
      failed = await runCli(["compute", "-q"], dir);
    } finally {
      full = undefined;
    }
    // The run's id is that of the message: the one run folder name it gives.
    const id = /^error: runs\/\.staging-([^/]+)\//.exec(failed.stderr)?.[1] ?? "";
    expect(isRunId(id), failed.stderr).toBe(true);
    // Before: "runs/<id>: cannot write the output (ENOSPC: ...)", the run folder only; then runs/<id>/index.csv, a path
    // that never came to be: the file was written in the staging folder, which is removed, and nothing published.
    const notPublished = outputMessages.runNotPublished(`runs/.staging-${id}`, "runs/LATEST");
    expect(failed).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.writeFailed(`runs/.staging-${id}/index.csv`, "ENOSPC")}\n${notPublished}\n` });
    expect(failed.stderr).toBe(
      `error: runs/.staging-${id}/index.csv: cannot write the output (ENOSPC: no space left on the disk); expected a writable folder with room for the outputs\n` +
        `nothing was published: the run was being written in its staging folder runs/.staging-${id}, which is removed, and runs/LATEST is as it was\n`,
    );
    expect((await readFile(join(runs, "LATEST"), "utf8")).trim()).toBe(first);
    expect(await listDir(runs)).toEqual([first, "LATEST"]); // no staging folder, no new run, no lock left
  });
});
