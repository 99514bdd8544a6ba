/**
 * A full disk (ENOSPC) while a lock file is created: the error names the lock file (`runs/.lock` of a project run,
 * `<out>/.innovation-index.lock` of an output folder), not only its folder, says the disk is full as the staging
 * marker's message does (run-disk-full.test.ts), exit 3 (`E_WRITE`), and leaves no lock, nor its temporary file. The
 * disk is made full for the lock's content: what `writeClaimedSync` would write into its temporary file
 * (`.<lock>.<pid>.tmp`) goes to `/dev/full`, where every write fails with ENOSPC, as on a full disk
 * (project-disk-full.test.ts does so for an output).
 */
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runMessages } from "../../src/core/run-messages.js";
import { runMessagesZh } from "../../src/core/zh/run-messages.js";
import { listDir, makeTempDir, runCliWithMocks } from "../helpers.js";
import { makeTwoYearProject } from "./project-fixture.js";

/** The lock whose temporary file is on the full disk (`.lock` makes `.lock.<pid>.tmp` full); `undefined`: none. */
let full: string | undefined;

vi.mock("../../src/io/write/claimed.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/io/write/claimed.js")>();
  return {
    ...real,
    writeClaimedSync: (path: string, content: string | Uint8Array) =>
      full !== undefined && basename(path) === `${full}.${process.pid}.tmp` ? writeFileSync("/dev/full", content) : real.writeClaimedSync(path, content),
  };
});
// The command line loaded again, with the wrapped module.
const runCli = runCliWithMocks();

/** `runCli` with the lock `lock`'s content on the full disk. */
async function onFullDisk(lock: string, argv: string[], dir: string, env = {}) {
  full = lock;
  try {
    return await runCli(argv, dir, env);
  } finally {
    full = undefined;
  }
}

describe.skipIf(process.platform !== "linux")("a full disk while a lock file is created", () => {
  it("the runs lock of a project run: exit 3 naming runs/.lock and the full disk, no lock left; with room again the run goes through", async () => {
    const dir = await makeTwoYearProject("lock-disk-full");
    const failed = await onFullDisk(".lock", ["compute", "-q"], dir);
    expect(failed).toEqual({ code: 3, stdout: "", stderr: `error: ${runMessages.lockNotCreated("runs/.lock", "ENOSPC")}\n` });
    // Before: "runs: cannot create the lock file (ENOSPC); expected a writable folder", the folder only.
    expect(failed.stderr).toBe("error: runs/.lock: cannot create the lock file (ENOSPC: no space left on the disk); expected a writable folder with room for the lock file\n");
    // Neither the lock nor its temporary file is left (the runs folder the run made is empty, or removed).
    expect(await listDir(join(dir, "runs"))).toEqual([]);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
  });

  it("the lock of an output folder (compute --out out): exit 3 naming out/.innovation-index.lock, nothing written", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,a,,+\nB,,b,,-\n",
      "values.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU2,2017,A,5\nU2,2017,B,8\n",
    });
    const failed = await onFullDisk(".innovation-index.lock", ["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out", "-q"], dir);
    expect(failed).toEqual({
      code: 3,
      stdout: "",
      stderr: "error: out/.innovation-index.lock: cannot create the lock file (ENOSPC: no space left on the disk); expected a writable folder with room for the lock file\n",
    });
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("in Chinese (the terminal's language zh): the lock file and the full disk named in Chinese", async () => {
    const dir = await makeTwoYearProject("lock-disk-full-zh");
    const failed = await onFullDisk(".lock", ["compute", "-q"], dir, { language: "zh" });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain(runMessagesZh.lockNotCreated("runs/.lock", "ENOSPC"));
    expect(runMessagesZh.lockNotCreated("runs/.lock", "ENOSPC")).toBe("runs/.lock：无法创建锁文件（ENOSPC：磁盘空间已满）；应为可写且有足够空间存放锁文件的文件夹");
  });
});
