/**
 * Two runs that find the same stale lock: one moves it aside and removes it, and the lock goes to whichever run creates
 * it next, which may be the other one. That run took the stale lock over, and says so (`W_LOCK_TAKEN_OVER`, naming the
 * lock and the dead holder as its lock recorded it), and cleans up the files the dead holder listed. The race is made
 * to happen by wrapping `rename` of `node:fs/promises`: just before this run moves the stale lock aside, the other run
 * moves it aside (under its own pid) and removes it, as `removeStaleLock` does.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, rename as realRename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { projectMessages } from "../../../src/core/project-messages.js";
import { listDir, makeTempDir } from "../../helpers.js";

/** The pid of a process that has ended (a Node that does nothing, waited for). */
const deadPid = () =>
  new Promise<number>((done) => {
    const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
  });

afterAll(() => {
  vi.doUnmock("node:fs/promises");
  vi.resetModules();
});

describe("two runs racing for a stale lock", () => {
  it("the run that gets the lock, though the other run removed the stale one, says it took it over and cleans up the dead holder's files", async () => {
    const dead = await deadPid();
    // The lock of a run that is gone, which listed a temporary file of its own (left in the folder when it was killed).
    const stale = JSON.stringify({ pid: dead, host: hostname(), startedAt: "2026-12-10T02:00:00.000Z", files: [`.LATEST.${dead}.tmp`] }) + "\n";
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    await mkdir(runs);
    await writeFile(join(runs, ".lock"), stale);
    await writeFile(join(runs, `.LATEST.${dead}.tmp`), "20261210T020000.000Z-1a2b3c4d\n");
    const otherAside = join(runs, ".lock.1.stale"); // the other run's name for it (pid 1)
    let raced = 0;
    vi.resetModules();
    vi.doMock("node:fs/promises", async (importOriginal) => {
      const real = await importOriginal<typeof import("node:fs/promises")>();
      const rename: typeof real.rename = async (from, to) => {
        if (from === join(runs, ".lock") && String(to).endsWith(".stale") && raced++ === 0) {
          // The other run, which judged the same lock stale, moves it aside first and removes it.
          await realRename(from, otherAside);
          await unlink(otherAside);
        }
        return real.rename(from, to);
      };
      return { ...real, rename, default: { ...real, rename } };
    });
    const { takeLock, STALE_AFTER_MS } = await import("../../../src/io/write/folder-lock.js");
    const told: string[] = [];
    const release = await takeLock(runs, ".lock", "runs", undefined, (message) => told.push(message));
    expect(raced).toBe(1);
    // This run holds the lock now (the other one, finding it, is refused): said as a takeover of the dead holder's lock,
    // named as the lock recorded it.
    expect(JSON.parse(await readFile(join(runs, ".lock"), "utf8"))).toMatchObject({ pid: process.pid });
    expect(told).toEqual([projectMessages.lockTakenOver("runs/.lock", `pid ${dead} on ${hostname()}, since 2026-12-10T02:00:00.000Z`, "gone", 0, STALE_AFTER_MS)]);
    expect(told[0]).toBe(`runs/.lock: took over the lock of a run that is gone (pid ${dead} on ${hostname()}, since 2026-12-10T02:00:00.000Z): its process no longer runs`);
    // The dead holder's temporary file is removed by the run that took its lock over.
    expect(await listDir(runs)).toEqual([".lock"]);
    await release();
    expect(await listDir(runs)).toEqual([]);
  });
});

describe("one process taking a lock it holds (the library called twice at once)", () => {
  it("the holder's tidying, while the other call links its .lock.<pid>.tmp into place, leaves that file: the other call is refused as locked", async () => {
    const dir = await makeTempDir();
    const temporary = join(dir, `.lock.${process.pid}.tmp`);
    let lockModule: typeof import("../../../src/io/write/folder-lock.js") | undefined;
    let holding = false;
    let tidied: string[] | undefined;
    let judged: unknown;
    vi.resetModules();
    vi.doMock("node:fs/promises", async (importOriginal) => {
      const real = await importOriginal<typeof import("node:fs/promises")>();
      const link: typeof real.link = async (from, to) => {
        if (from === temporary && holding && tidied === undefined) {
          // The holder tidies the lock's folder (as compute does while holding its lock) while the other call waits
          // for this link: the temporary file, this process's pid in its name, is the other call's, in use.
          tidied = await lockModule!.removeLockLeftovers(dir, ".lock");
          judged = await lockModule!.judgeLockLeftover(temporary, process.pid, "tmp");
        }
        return real.link(from, to);
      };
      return { ...real, link, default: { ...real, link } };
    });
    lockModule = await import("../../../src/io/write/folder-lock.js");
    const release = await lockModule.takeLock(dir, ".lock", "out");
    holding = true;
    const { startedAt } = JSON.parse(await readFile(join(dir, ".lock"), "utf8")) as { startedAt: string };
    // Refused as the lock held by this process (its heartbeat just refreshed, so no word of silence); removed during
    // the link, the temporary file would have failed it as a lock not created (ENOENT, E_WRITE).
    await expect(lockModule.takeLock(dir, ".lock", "out")).rejects.toMatchObject({ code: "E_LOCKED", message: projectMessages.locked("out/.lock", `pid ${process.pid} on ${hostname()}, since ${startedAt}`) });
    expect(tidied).toEqual([]);
    expect(judged).toBe("running");
    // Once the call is done with it, its temporary file is gone; the holder's lock is as it was.
    expect(await listDir(dir)).toEqual([".lock"]);
    await release();
    expect(await listDir(dir)).toEqual([]);
  });
});

describe("one process taking the same free lock twice at once (the library called twice at once)", () => {
  it("one call gets it and the other is refused as locked by it: never a lock not created (E_WRITE), never a lock holding the other call's text", async () => {
    vi.doUnmock("node:fs/promises");
    vi.resetModules();
    const { takeLock } = await import("../../../src/io/write/folder-lock.js");
    const dir = await makeTempDir();
    // Both calls start before either awaits: they would claim the same `.lock.<pid>.tmp` for their link.
    const outcomes = await Promise.allSettled([takeLock(dir, ".lock", "out"), takeLock(dir, ".lock", "out")]);
    const [first, second] = outcomes;
    expect(first.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: { code: "E_LOCKED" } });
    // The lock is the first call's, as it wrote it: its release removes it (a lock holding other text would be left).
    const { startedAt } = JSON.parse(await readFile(join(dir, ".lock"), "utf8")) as { startedAt: string };
    expect((second as PromiseRejectedResult).reason.message).toBe(projectMessages.locked("out/.lock", `pid ${process.pid} on ${hostname()}, since ${startedAt}`));
    expect(await listDir(dir)).toEqual([".lock"]);
    await (first as PromiseFulfilledResult<() => Promise<void>>).value();
    expect(await listDir(dir)).toEqual([]);
  });
});
