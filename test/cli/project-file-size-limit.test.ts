/**
 * A project run that reaches the process's file-size limit (`ulimit -f 50` in bash: 51,200 bytes): the error names the
 * file in the staging folder it was written in (`runs/.staging-<id>/index.csv`), says it was the file-size limit and
 * at how many bytes, and that nothing was published; exit 3 (`E_WRITE`). The limit is made by `node:fs` mocked: every
 * write to a temporary file of index.csv (`.index.csv.<pid>.tmp`) fails with EFBIG, as the system's does past the
 * limit, and `/proc/self/limits` reads as the system's with `Max file size` 51200.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { isRunId } from "../../src/io/runs/run-names.js";
import { listDir, runCliWithMocks } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

/** Whether the limit is on: the file descriptors of index.csv's temporary files opened while it is. */
let limited = false;
const tooLarge = new Set<number>();

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const openSync = ((path: Parameters<typeof real.openSync>[0], ...rest: unknown[]) => {
    const file = (real.openSync as (...args: unknown[]) => number)(path, ...rest);
    if (limited && basename(String(path)).startsWith(".index.csv.")) tooLarge.add(file);
    return file;
  }) as typeof real.openSync;
  const writeSync = ((file: number, ...rest: unknown[]) => {
    if (tooLarge.has(file)) throw Object.assign(new Error("EFBIG: file too large, write"), { code: "EFBIG", errno: -27, syscall: "write" });
    return (real.writeSync as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof real.writeSync;
  const readFileSync = ((path: Parameters<typeof real.readFileSync>[0], ...rest: unknown[]) =>
    limited && String(path) === "/proc/self/limits"
      ? "Limit                     Soft Limit           Hard Limit           Units     \nMax file size             51200                51200                bytes     \n"
      : (real.readFileSync as (...args: unknown[]) => string)(path, ...rest)) as typeof real.readFileSync;
  const mocked = { openSync, writeSync, readFileSync };
  return { ...real, ...mocked, default: { ...real, ...mocked } };
});
// The command line loaded again, with the mocked module.
const runCli = runCliWithMocks();

describe.skipIf(process.platform !== "linux")("a project run at the file-size limit (EFBIG)", () => {
  it("exits 3 naming the staged file and the limit in bytes, says nothing was published, and leaves LATEST as it was", async () => {
    const dir = await makeTwoYearProject("file-size-limit");
    const runs = join(dir, "runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    limited = true;
    let failed: { code: number; stdout: string; stderr: string };
    try {
      failed = await runCli(["compute", "-q"], dir);
    } finally {
      limited = false;
      tooLarge.clear();
    }
    const id = /^error: runs\/\.staging-([^/]+)\//.exec(failed.stderr)?.[1] ?? "";
    expect(isRunId(id), failed.stderr).toBe(true);
    // Before: "runs/<id>/index.csv: cannot write the output (EFBIG); expected a writable folder".
    expect(failed).toEqual({
      code: 3,
      stdout: "",
      stderr: `error: ${outputMessages.writeFailed(`runs/.staging-${id}/index.csv`, "EFBIG", 51200)}\n${outputMessages.runNotPublished(`runs/.staging-${id}`, "runs/LATEST")}\n`,
    });
    expect(failed.stderr).toBe(
      `error: runs/.staging-${id}/index.csv: cannot write the output (EFBIG: the file reached 51,200 bytes, the file-size limit of this process, ulimit -f); expected a file-size limit the outputs fit in: raise it (ulimit -f unlimited) and run again\n` +
        `nothing was published: the run was being written in its staging folder runs/.staging-${id}, which is removed, and runs/LATEST is as it was\n`,
    );
    expect((await readFile(join(runs, "LATEST"), "utf8")).trim()).toBe(first);
    expect(await listDir(runs)).toEqual([first, "LATEST"]); // no staging folder, no new run, no lock left
  });
});
