import { spawn } from "node:child_process";
import { readFileSync, readlinkSync } from "node:fs";
import { mkdir, readFile, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { projectMessages } from "../../../src/core/project-messages.js";
import { formatDuration } from "../../../src/core/limit-messages.js";
import { acquireLock } from "../../../src/io/runs/runs.js";
import {
  DAMAGED_STALE_AFTER_MS,
  HEARTBEAT_MS,
  isFileWriterGone,
  isWriterGone,
  judgeLock,
  localProbe,
  parseStat,
  processIdentity,
  refreshLock,
  removeStaleLock,
  STALE_AFTER_MS,
  OTHER_HOST_STALE_AFTER_MS,
  takeLock,
  type LockHolder,
  type LockProbe,
} from "../../../src/io/write/folder-lock.js";
import { listDir, makeTempDir } from "../../helpers.js";

const NOW = Date.parse("2026-12-10T03:00:00.000Z");
const MINUTE = 60_000;

/** A machine "vm", booted a day before `NOW` (boot id `boot-a`, pid namespace `pid:[100]`), whose processes are `running` (pid -> start ticks, `undefined`: alive, start unreadable). */
function probe(running: Record<number, number | undefined> = {}, overrides: Partial<LockProbe> = {}): LockProbe {
  return {
    host: "vm",
    now: NOW,
    bootTime: NOW - 24 * 60 * MINUTE,
    bootId: "boot-a",
    pidNamespace: "pid:[100]",
    isAlive: (pid) => pid in running,
    startTicks: (pid) => running[pid],
    ...overrides,
  };
}

/** A lock's text, as this version writes it (unless fields are overridden or removed with `undefined`). */
function lock(fields: Partial<Record<keyof LockHolder, unknown>> = {}): string {
  const holder = { pid: 1, host: "vm", startedAt: new Date(NOW - 60 * MINUTE).toISOString(), bootId: "boot-a", pidNamespace: "pid:[100]", startTicks: 500, heartbeatMs: 30_000, ...fields };
  return JSON.stringify(holder) + "\n";
}

/** A lock written by a version before the heartbeat: pid, host and start time only. */
const oldLock = (pid: number, startedAt = new Date(NOW - 60 * MINUTE).toISOString()) => JSON.stringify({ pid, host: "vm", startedAt }) + "\n";

describe("judgeLock: whether a lock is stale", () => {
  it("a lock of this pid namespace whose pid runs with the recorded start time is live, however long its heartbeat has been silent", () => {
    for (const silent of [0, 5 * MINUTE, 24 * 60 * MINUTE])
      expect(judgeLock(lock(), NOW - silent, probe({ 1: 500 }))).toEqual({ stale: false, rule: "running", silentMs: silent });
  });

  it("a lock whose pid runs with another start time is stale: the pid was reused (pid 1 of the next container)", () => {
    expect(judgeLock(lock(), NOW, probe({ 1: 9_000 }))).toEqual({ stale: true, reason: "reused", silentMs: 0 });
  });

  it("a lock whose pid no longer runs is stale", () => {
    expect(judgeLock(lock({ pid: 4242 }), NOW, probe({ 1: 500 }))).toEqual({ stale: true, reason: "gone", silentMs: 0 });
  });

  it("a lock of another boot of this host is stale, whatever its pid; the boot id decides over the clock", () => {
    expect(judgeLock(lock({ bootId: "boot-z" }), NOW, probe({ 1: 500 }))).toEqual({ stale: true, reason: "rebooted", silentMs: 0 });
    // Written "before the machine started" by the clock (a clock set forward since), but in this boot: live.
    expect(judgeLock(lock({ startedAt: "2000-01-01T00:00:00.000Z" }), NOW, probe({ 1: 500 }))).toMatchObject({ stale: false, rule: "running" });
    // A lock without a boot id (or a machine whose boot id cannot be read): the clock, as before.
    expect(judgeLock(lock({ bootId: undefined, startedAt: "2000-01-01T00:00:00.000Z" }), NOW, probe({ 1: 500 }))).toMatchObject({ stale: true, reason: "rebooted" });
    expect(judgeLock(lock({ startedAt: "2000-01-01T00:00:00.000Z" }), NOW, probe({ 1: 500 }, { bootId: undefined }))).toMatchObject({ stale: true, reason: "rebooted" });
  });

  it("a lock of another pid namespace (a previous container) is judged by its heartbeat alone, its pid meaning nothing here", () => {
    const other = lock({ pidNamespace: "pid:[200]" });
    for (const running of [{}, { 1: 500 }, { 1: 9_000 }]) {
      // Neither a dead pid nor another start time here makes it stale: its process runs in its own namespace.
      expect(judgeLock(other, NOW - 30_000, probe(running))).toEqual({ stale: false, rule: "heartbeat", silentMs: 30_000, takeOverAfterMs: STALE_AFTER_MS });
      expect(judgeLock(other, NOW - STALE_AFTER_MS, probe(running))).toEqual({ stale: false, rule: "heartbeat", silentMs: STALE_AFTER_MS, takeOverAfterMs: STALE_AFTER_MS });
      expect(judgeLock(other, NOW - STALE_AFTER_MS - 1, probe(running))).toEqual({ stale: true, reason: "silent", silentMs: STALE_AFTER_MS + 1, takeOverAfterMs: STALE_AFTER_MS });
    }
    // Nor can it be checked when this process's own namespace is not known.
    expect(judgeLock(lock(), NOW, probe({}, { pidNamespace: undefined }))).toMatchObject({ stale: false, rule: "heartbeat" });
    // Another boot still makes it stale at once.
    expect(judgeLock(lock({ pidNamespace: "pid:[200]", bootId: "boot-z" }), NOW, probe())).toMatchObject({ stale: true, reason: "rebooted" });
  });

  it("a lock whose pid runs but whose start time cannot be read (another user's process under hidepid) is judged by its heartbeat", () => {
    expect(judgeLock(lock(), NOW - 9 * MINUTE, probe({ 1: undefined }))).toMatchObject({ stale: false, rule: "heartbeat" });
    expect(judgeLock(lock(), NOW - 11 * MINUTE, probe({ 1: undefined }))).toMatchObject({ stale: true, reason: "silent" });
    // And so is a lock that records no start time.
    expect(judgeLock(lock({ startTicks: undefined }), NOW - 11 * MINUTE, probe({ 1: 500 }))).toMatchObject({ stale: true, reason: "silent" });
  });

  it("a lock of an older version (pid, host, start time) keeps its rules, plus the heartbeat's age", () => {
    expect(judgeLock(oldLock(4242), NOW, probe())).toEqual({ stale: true, reason: "gone", silentMs: 0 });
    expect(judgeLock(oldLock(1, "2000-01-01T00:00:00.000Z"), NOW, probe({ 1: 500 }))).toMatchObject({ stale: true, reason: "rebooted" });
    expect(judgeLock(oldLock(1), NOW - 2 * MINUTE, probe({ 1: 500 }))).toEqual({ stale: false, rule: "heartbeat", silentMs: 2 * MINUTE, takeOverAfterMs: STALE_AFTER_MS });
    expect(judgeLock(oldLock(1), NOW - 11 * MINUTE, probe({ 1: 500 }))).toMatchObject({ stale: true, reason: "silent" });
  });

  it("a lock of another host is judged by its heartbeat alone, over 30 minutes; one of an older version (no heartbeat) is never stale", () => {
    // Its pid means nothing here, and its clock may be some minutes off this one's.
    for (const text of [lock({ host: "other" }), lock({ host: "other", bootId: "boot-z", pid: 4242 })]) {
      expect(judgeLock(text, NOW - OTHER_HOST_STALE_AFTER_MS, probe())).toEqual({ stale: false, rule: "other-host", silentMs: OTHER_HOST_STALE_AFTER_MS, takeOverAfterMs: OTHER_HOST_STALE_AFTER_MS });
      expect(judgeLock(text, NOW - OTHER_HOST_STALE_AFTER_MS - 1, probe())).toEqual({
        stale: true,
        reason: "silent-other-host",
        silentMs: OTHER_HOST_STALE_AFTER_MS + 1,
        takeOverAfterMs: OTHER_HOST_STALE_AFTER_MS,
      });
    }
    for (const text of [lock({ host: "other", heartbeatMs: undefined }), JSON.stringify({ pid: 1, host: "other", startedAt: "2000-01-01T00:00:00.000Z" })])
      expect(judgeLock(text, NOW - 24 * 60 * MINUTE, probe())).toEqual({ stale: false, rule: "other-host", silentMs: 24 * 60 * MINUTE });
  });

  it("a lock that cannot be read is stale once a minute old; a modification time in the future counts as now", () => {
    for (const text of ["", '{"pid": 4', "null", "[1]", '{"pid": 1}'])
      expect(judgeLock(text, NOW - DAMAGED_STALE_AFTER_MS, probe({ 1: 500 })), text).toEqual({ stale: false, rule: "damaged", silentMs: DAMAGED_STALE_AFTER_MS });
    expect(judgeLock("", NOW - DAMAGED_STALE_AFTER_MS - 1, probe())).toEqual({ stale: true, reason: "damaged", silentMs: DAMAGED_STALE_AFTER_MS + 1 });
    expect(judgeLock(lock({ pidNamespace: "pid:[200]" }), NOW + 60 * MINUTE, probe())).toEqual({ stale: false, rule: "heartbeat", silentMs: 0, takeOverAfterMs: STALE_AFTER_MS });
  });

  it("a lock without a usable pid, of this host, is judged by its heartbeat", () => {
    expect(judgeLock(lock({ pid: "1" }), NOW, probe({ 1: 500 }))).toMatchObject({ stale: false, rule: "heartbeat" });
    expect(judgeLock(lock({ pid: 0 }), NOW - 11 * MINUTE, probe({ 0: 500 }))).toMatchObject({ stale: true, reason: "silent" });
  });

  it("the heartbeat's thresholds: refreshed every 30 s, stale after 10 minutes of silence (20 heartbeats)", () => {
    expect(HEARTBEAT_MS).toBe(30_000);
    expect(STALE_AFTER_MS).toBe(10 * MINUTE);
    expect(STALE_AFTER_MS / HEARTBEAT_MS).toBe(20);
  });
});

describe("isWriterGone: whether the process named in a temporary file's name no longer runs", () => {
  // The probe's machine booted a day before NOW; start ticks are hundredths of a second since boot, so a process that
  // started at NOW - 60 minutes has (24 h - 60 min) * 360,000 ticks an hour = 23 * 360,000 ticks.
  const startedHourAgo = 23 * 360_000;
  it("gone: the pid does not run", () => {
    expect(isWriterGone(4242, NOW - MINUTE, probe({ 1: 500 }))).toBe(true);
  });
  it("not gone: the pid runs, started before the file was written (or its start cannot be read)", () => {
    expect(isWriterGone(7, NOW - MINUTE, probe({ 7: startedHourAgo }))).toBe(false);
    expect(isWriterGone(7, NOW - MINUTE, probe({ 7: undefined }))).toBe(false);
    // Started a second after the file's time: within the two seconds left for rounding, still the writer.
    expect(isWriterGone(7, NOW - 60 * MINUTE - 1_000, probe({ 7: startedHourAgo }))).toBe(false);
  });
  it("gone: the pid runs but started more than two seconds after the file was written (reused)", () => {
    expect(isWriterGone(7, NOW - 60 * MINUTE - 3_000, probe({ 7: startedHourAgo }))).toBe(true);
    expect(isWriterGone(7, NOW - 2 * 60 * MINUTE, probe({ 7: startedHourAgo }))).toBe(true);
  });
  it("gone: the file was written before the machine last started, whatever runs under its pid now", () => {
    expect(isWriterGone(7, NOW - 25 * 60 * MINUTE, probe({ 7: undefined }))).toBe(true);
  });
  it("isFileWriterGone judges a file by the later of its modification and change times: a backup by its rename", () => {
    // A backup renamed a minute ago by pid 7 (started an hour ago), of a version written two hours ago: not gone,
    // where its modification time alone would say reused.
    expect(isFileWriterGone(7, { mtimeMs: NOW - 2 * 60 * MINUTE, ctimeMs: NOW - MINUTE }, probe({ 7: startedHourAgo }))).toBe(false);
    // Written and named two hours ago, before pid 7 started: reused.
    expect(isFileWriterGone(7, { mtimeMs: NOW - 2 * 60 * MINUTE, ctimeMs: NOW - 2 * 60 * MINUTE }, probe({ 7: startedHourAgo }))).toBe(true);
    // Written a minute ago, its change time older (a file system that does not keep one so): the later, not gone.
    expect(isFileWriterGone(7, { mtimeMs: NOW - MINUTE, ctimeMs: NOW - 2 * 60 * MINUTE }, probe({ 7: startedHourAgo }))).toBe(false);
  });
});

describe("this process's identity", () => {
  it.runIf(process.platform === "linux")("on Linux: the start time of /proc/self/stat, the boot id and the pid namespace, read as the probe reads any process", () => {
    const identity = processIdentity();
    const stat = readFileSync("/proc/self/stat", "utf8");
    expect(identity.startTicks).toBe(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]));
    expect(identity.bootId).toBe(readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim());
    expect(identity.pidNamespace).toBe(readlinkSync("/proc/self/ns/pid"));
    const local = localProbe();
    expect(local.startTicks(process.pid)).toBe(identity.startTicks);
    expect(local.pidNamespace).toBe(identity.pidNamespace);
    expect(judgeLock(JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), ...identity }), Date.now(), local)).toMatchObject({ stale: false, rule: "running" });
  });
});

describe("a killed run not yet reaped", () => {
  it.runIf(process.platform === "linux")("a lock whose pid is a zombie (killed, its parent not yet waiting for it) is stale: the run is gone", async () => {
    // `sh` starts `sleep 0` in the background and becomes `sleep 5` (exec), which never waits for it: once `sleep 0`
    // exits, it stays a zombie (state Z in /proc/<pid>/stat) while `sleep 5` runs, as a run killed by `kill -9` stays
    // one until the scheduler that started it reaps it (before: "another run holds the lock", exit 3).
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (chunk) => resolve(String(chunk)))));
      const stat = () => parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"))!;
      for (let wait = 0; wait < 100 && stat().state !== "Z"; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stat().state).toBe("Z");
      const local = localProbe();
      const { startTicks } = stat();
      const lock = JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString(), ...processIdentity(), startTicks });
      expect(judgeLock(lock, Date.now(), local)).toMatchObject({ stale: true, reason: "gone" });
      // This process, running, is no zombie.
      expect(local.isAlive(process.pid)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

describe("taking a lock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The description of the lock `text`'s holder, as the messages give it. */
  const holderOf = (text: string) => {
    const holder = JSON.parse(text) as LockHolder;
    return `pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}`;
  };
  const aged = async (path: string, ms: number) => {
    const then = new Date(Date.now() - ms);
    await utimes(path, then, then);
  };

  it("records what identifies its process, and takes over a lock whose live pid has another start time (a reused pid), saying why", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    await mkdir(runs); // a runs folder of its own: one acquireLock made is removed again on release, while empty
    const release = await acquireLock(runs, "runs");
    const ours = JSON.parse(await readFile(join(runs, ".lock"), "utf8")) as LockHolder;
    expect(ours).toMatchObject({ pid: process.pid, host: hostname(), ...processIdentity() });
    await release();
    if (process.platform !== "linux") return;
    // This process's own pid, alive, but another start time: the lock of a killed process whose pid is now this one's.
    const reused = JSON.stringify({ ...ours, startTicks: ours.startTicks! + 1 }) + "\n";
    await writeFile(join(runs, ".lock"), reused);
    const told: string[] = [];
    const again = await acquireLock(runs, "runs", (message) => told.push(message));
    expect(told).toEqual([projectMessages.lockTakenOver("runs/.lock", holderOf(reused), "reused", 0, STALE_AFTER_MS)]);
    expect(told[0]).toContain("its pid now belongs to another process");
    expect(JSON.parse(await readFile(join(runs, ".lock"), "utf8"))).toMatchObject({ pid: process.pid, startTicks: ours.startTicks });
    await again();
    expect(await listDir(runs)).toEqual([]);
  });

  it("refuses a fresh lock of a live process, naming it; once its heartbeat is silent for over a minute, says since when", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    await mkdir(runs); // a runs folder of its own: one acquireLock made is removed again on release, while empty
    // The lock of a live run: this process, as it would write it.
    const live = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), ...processIdentity() }) + "\n";
    await acquireLock(runs, "runs").then((release) => release()); // creates the runs folder
    await writeFile(join(runs, ".lock"), live);
    const told: string[] = [];
    await expect(acquireLock(runs, "runs", (message) => told.push(message))).rejects.toMatchObject({
      code: "E_LOCKED",
      message: projectMessages.locked("runs/.lock", holderOf(live)),
    });
    // Silent for an hour: still live (its process runs, with the start time recorded: Linux), and the refusal says since
    // when. Durations are rounded up: 30 s short of the hour is "60 minutes" (and stays so for the 30 s the test may take).
    if (process.platform === "linux") {
      await aged(join(runs, ".lock"), 60 * MINUTE - 30_000);
      await expect(acquireLock(runs, "runs")).rejects.toMatchObject({
        code: "E_LOCKED",
        message: projectMessages.locked("runs/.lock", holderOf(live)) + projectMessages.lockSilent(60 * MINUTE, "running", STALE_AFTER_MS),
      });
    }
    expect(projectMessages.lockSilent(60 * MINUTE, "running", STALE_AFTER_MS)).toBe(
      ". Its lock was last refreshed 60 minutes ago, but its process still runs here (busy, or stopped with Ctrl-Z): the lock is not taken over while it runs",
    );
    expect(told).toEqual([]);
    expect(await readFile(join(runs, ".lock"), "utf8")).toBe(live);
  });

  it("a folder or a link at the lock's name is refused as what it is, and left there (before: \"another run holds the lock (unknown)\", every night)", async () => {
    const dir = await makeTempDir({ "runs/.lock/x": "", "out/.keep": "" });
    await expect(takeLock(join(dir, "runs"), ".lock", "runs")).rejects.toMatchObject({
      code: "E_LOCK_NOT_FILE",
      message: projectMessages.lockNotFile("runs/.lock", "a folder"),
    });
    expect(projectMessages.lockNotFile("runs/.lock", "a folder")).toBe(
      "runs/.lock: a folder is at the lock's name, not a lock file this tool writes, so no run can take the lock while it is there; expected a lock file or nothing (remove it if no run of this tool made it)",
    );
    expect(await listDir(join(dir, "runs/.lock"))).toEqual(["x"]);
    if (process.platform !== "win32") {
      await symlink(join(dir, "nowhere"), join(dir, "out/.innovation-index.lock"));
      await expect(takeLock(join(dir, "out"), ".innovation-index.lock", "out")).rejects.toMatchObject({ code: "E_LOCK_NOT_FILE", message: projectMessages.lockNotFile("out/.innovation-index.lock", "a link") });
      expect(readlinkSync(join(dir, "out/.innovation-index.lock"))).toBe(join(dir, "nowhere"));
    }
  });

  it("a lock of another pid namespace is refused while refreshed, saying when it will be taken over, and taken over once silent for 10 minutes", async () => {
    const dir = await makeTempDir({ "out/.keep": "" });
    const out = join(dir, "out");
    const path = join(out, ".innovation-index.lock");
    const other = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), ...processIdentity(), pidNamespace: "pid:[1]" }) + "\n";
    await writeFile(path, other);
    await aged(path, 5 * MINUTE - 30_000);
    await expect(takeLock(out, ".innovation-index.lock", "out")).rejects.toMatchObject({
      code: "E_LOCKED",
      message: projectMessages.locked("out/.innovation-index.lock", holderOf(other)) + projectMessages.lockSilent(5 * MINUTE, "heartbeat", STALE_AFTER_MS),
    });
    expect(projectMessages.lockSilent(5 * MINUTE, "heartbeat", STALE_AFTER_MS)).toContain("the lock is taken over once it has not been refreshed for 10 minutes");
    await aged(path, 11 * MINUTE - 30_000);
    const told: string[] = [];
    const release = await takeLock(out, ".innovation-index.lock", "out", [], (message) => told.push(message));
    expect(told).toEqual([projectMessages.lockTakenOver("out/.innovation-index.lock", holderOf(other), "silent", 11 * MINUTE, STALE_AFTER_MS)]);
    expect(told[0]).toContain("it has not been refreshed for 11 minutes, more than 10 minutes");
    await release();
    expect(await listDir(out)).toEqual([".keep"]);
  });

  it("a lock of an older version whose pid runs (pid 1 of a new container) is taken over once its file is 10 minutes old", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    await mkdir(runs); // a runs folder of its own: one acquireLock made is removed again on release, while empty
    await acquireLock(runs, "runs").then((release) => release());
    const old = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    await writeFile(join(runs, ".lock"), old);
    await expect(acquireLock(runs, "runs")).rejects.toMatchObject({ code: "E_LOCKED", message: projectMessages.locked("runs/.lock", holderOf(old)) });
    await aged(join(runs, ".lock"), 10 * MINUTE + 5_000);
    const told: string[] = [];
    const release = await acquireLock(runs, "runs", (message) => told.push(message));
    // Silent 10 minutes and 5 s, rounded up: "11 minutes, more than 10 minutes" (before, rounded down: "10 min, more than 10 min").
    expect(told).toEqual([projectMessages.lockTakenOver("runs/.lock", holderOf(old), "silent", 11 * MINUTE, STALE_AFTER_MS)]);
    await release();
  });

  it("a lock of another host is refused however old when an older version wrote it, saying it is never taken over", async () => {
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    await mkdir(runs); // a runs folder of its own: one acquireLock made is removed again on release, while empty
    await acquireLock(runs, "runs").then((release) => release());
    const other = JSON.stringify({ pid: 1, host: `not-${hostname()}`, startedAt: "2000-01-01T00:00:00.000Z" }) + "\n";
    await writeFile(join(runs, ".lock"), other);
    await aged(join(runs, ".lock"), 3 * 60 * MINUTE - 30_000);
    await expect(acquireLock(runs, "runs")).rejects.toMatchObject({
      code: "E_LOCKED",
      message: projectMessages.locked("runs/.lock", holderOf(other)) + projectMessages.lockSilent(3 * 60 * MINUTE, "other-host"),
    });
    expect(projectMessages.lockSilent(3 * 60 * MINUTE, "other-host")).toBe(
      ". Its lock was last refreshed 3 hours ago; a lock from another host written by an older version of the tool is never taken over",
    );
    // One this version wrote on another host (a container with a new host name each run) is taken over once silent for 30 minutes.
    const withHeartbeat = JSON.stringify({ pid: 1, host: `not-${hostname()}`, startedAt: "2000-01-01T00:00:00.000Z", heartbeatMs: 30_000 }) + "\n";
    await writeFile(join(runs, ".lock"), withHeartbeat);
    await aged(join(runs, ".lock"), 20 * MINUTE - 30_000);
    await expect(acquireLock(runs, "runs")).rejects.toMatchObject({
      message: projectMessages.locked("runs/.lock", holderOf(withHeartbeat)) + projectMessages.lockSilent(20 * MINUTE, "other-host", OTHER_HOST_STALE_AFTER_MS),
    });
    expect(projectMessages.lockSilent(20 * MINUTE, "other-host", OTHER_HOST_STALE_AFTER_MS)).toBe(
      ". Its lock was last refreshed 20 minutes ago, and it is from another host: it is taken over once it has not been refreshed for 30 minutes",
    );
    await aged(join(runs, ".lock"), 31 * MINUTE - 30_000);
    const told: string[] = [];
    const release = await acquireLock(runs, "runs", (message) => told.push(message));
    expect(told).toEqual([projectMessages.lockTakenOver("runs/.lock", holderOf(withHeartbeat), "silent-other-host", 31 * MINUTE, OTHER_HOST_STALE_AFTER_MS)]);
    await release();
  });

  it("refreshes its lock's modification time every 30 s while it holds it, never a lock that is no longer its own, and stops once released", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const dir = await makeTempDir();
    const runs = join(dir, "runs");
    const path = join(runs, ".lock");
    const release = await acquireLock(runs, "runs");
    const ours = await readFile(path, "utf8");
    await aged(path, 5 * MINUTE);
    const before = (await stat(path)).mtimeMs;
    vi.advanceTimersByTime(HEARTBEAT_MS - 1);
    expect((await stat(path)).mtimeMs).toBe(before);
    vi.advanceTimersByTime(1);
    expect((await stat(path)).mtimeMs).toBeGreaterThan(Date.now() - MINUTE);
    // Taken over meanwhile (another run's lock in its place): left as it is.
    const other = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() }) + "\n";
    await writeFile(path, other);
    await aged(path, 5 * MINUTE);
    const theirs = (await stat(path)).mtimeMs;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect((await stat(path)).mtimeMs).toBe(theirs);
    await writeFile(path, ours);
    await release();
    expect(vi.getTimerCount()).toBe(0);
    expect(await listDir(runs)).toEqual([]);
  });

  it("a lock judged silent but refreshed before it is moved aside (a holder only late) is put back, not removed", async () => {
    const dir = await makeTempDir({ ".lock": "late\n" });
    const path = join(dir, ".lock");
    await aged(path, 11 * MINUTE);
    const judgedAt = (await stat(path)).mtimeMs;
    refreshLock(path, "late\n"); // its heartbeat, after it was judged
    expect(await removeStaleLock(path, "late\n", judgedAt)).toBe(false);
    expect(await readFile(path, "utf8")).toBe("late\n");
    expect(await listDir(dir)).toEqual([".lock"]);
    // Not refreshed since: removed.
    expect(await removeStaleLock(path, "late\n", (await stat(path)).mtimeMs)).toBe(true);
    expect(await listDir(dir)).toEqual([]);
  });

  it("refreshLock touches only the lock holding the given text, and ignores a missing one", async () => {
    const dir = await makeTempDir({ ".lock": "mine\n" });
    const path = join(dir, ".lock");
    await aged(path, 5 * MINUTE);
    const before = (await stat(path)).mtimeMs;
    refreshLock(path, "theirs\n");
    expect((await stat(path)).mtimeMs).toBe(before);
    refreshLock(path, "mine\n");
    expect((await stat(path)).mtimeMs).toBeGreaterThan(before);
    expect(() => refreshLock(join(dir, "missing"), "mine\n")).not.toThrow();
  });
});

describe("lock messages", () => {
  it("durations (formatDuration, as the limits' messages say them): seconds below two minutes, minutes below two hours, hours below two days, then days, rounded up", () => {
    // By hand, in seconds: 0 → 0; 1 ms → 1 s; 59.999 → 60 s; 119 → 119 s; 119.001 → 120 s, so 2 minutes; 150 → 2.5
    // minutes, so 3; 636 → 10.6, so 11 minutes (over a limit of 10); 7,199 → 119.98, so 120 minutes, so 2 hours;
    // 172,799 → 47.9997 hours, so 48, so 2 days; 259,201 → 3.00001 days, so 4; -5 (a clock set back) → 0.
    const seconds = [0, 0.001, 59.999, 119, 119.001, 150, 636, 7_199, 172_799, 259_201, -5];
    expect(seconds.map(formatDuration)).toEqual([
      "0 seconds",
      "1 second",
      "60 seconds",
      "119 seconds",
      "2 minutes",
      "3 minutes",
      "11 minutes",
      "2 hours",
      "2 days",
      "4 days",
      "0 seconds",
    ]);
  });

  it("say why a lock was taken over", () => {
    const holder = "pid 1 on vm, since 2026-12-09T02:00:00.000Z";
    expect(projectMessages.lockTakenOver("runs/.lock", holder, "gone", 0, STALE_AFTER_MS)).toBe(
      "runs/.lock: took over the lock of a run that is gone (pid 1 on vm, since 2026-12-09T02:00:00.000Z): its process no longer runs",
    );
    expect(projectMessages.lockTakenOver("runs/.lock", holder, "rebooted", 0, STALE_AFTER_MS)).toContain("the machine has restarted since it was written");
    expect(projectMessages.lockTakenOver("runs/.lock", holder, "damaged", 2 * MINUTE, STALE_AFTER_MS)).toContain("it cannot be read and was last written 2 minutes ago");
  });
});
