/**
 * A run that made the runs folder removes it again on release while it is empty (a failed run leaves no empty runs/).
 * Another run may find it gone between making it and taking its lock: it makes it again. The removal is made to happen
 * in that gap by wrapping `takeLock`: its first call removes the folder first, as the other run's release would.
 */
import { rmdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { listDir, makeTempDir } from "../../helpers.js";

describe("acquireLock", () => {
  it("makes the runs folder again when another run removed it, empty, before this run took the lock", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    let calls = 0;
    // The test helpers load the real modules first: runs.js is loaded afresh, over a takeLock whose first call removes
    // the folder before taking the lock.
    vi.resetModules();
    vi.doMock("../../../src/io/write/folder-lock.js", async (importOriginal) => {
      const real = await importOriginal<typeof import("../../../src/io/write/folder-lock.js")>();
      return {
        ...real,
        takeLock: async (...call: Parameters<typeof real.takeLock>) => {
          if (calls++ === 0) await rmdir(runs); // the other run's release: its runs folder, still empty, removed
          return real.takeLock(...call);
        },
      };
    });
    const { acquireLock } = await import("../../../src/io/runs/runs.js");
    const release = await acquireLock(runs, "runs");
    expect(calls).toBe(2);
    expect(await listDir(runs)).toEqual([".lock"]);
    await release();
    vi.doUnmock("../../../src/io/write/folder-lock.js");
  });
});
