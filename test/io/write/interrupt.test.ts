/**
 * An interrupted process (Ctrl-C, SIGTERM) removes the temporary files and the locks its writers hold, then ends by the
 * signal (io/write/interrupt.ts). Run in a child process on the built modules, since the signal ends it.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../../helpers.js";

const DIST = fileURLToPath(new URL("../../../dist/io/write/", import.meta.url));
const BUILT = existsSync(join(DIST, "interrupt.js"));

/**
 * A child that claims a temporary file in `dir` (and fills it), takes the folder's lock, says "ready" and waits; with
 * `ownHandler`, the program has its own SIGINT handler, which exits 0.
 */
function holdingChild(dir: string, ownHandler: boolean) {
  const script = `
    const { claimTemporary } = await import(${JSON.stringify(pathToFileURL(join(DIST, "temporary.js")).href)});
    const { takeLock } = await import(${JSON.stringify(pathToFileURL(join(DIST, "folder-lock.js")).href)});
    const { writeFileSync } = await import("node:fs");
    ${ownHandler ? 'process.on("SIGINT", () => process.exit(0));' : ""}
    const path = ${JSON.stringify(dir)} + "/.index.csv." + process.pid + ".tmp";
    claimTemporary(path);
    writeFileSync(path, "unit,year\\n".repeat(1000));
    await takeLock(${JSON.stringify(dir)}, ".innovation-index.lock", "out");
    process.stdout.write("ready\\n");
    setInterval(() => undefined, 1000);
  `;
  return spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
}

async function interrupt(dir: string, signal: NodeJS.Signals, ownHandler = false): Promise<{ code: number | null; signal: string | null }> {
  const child = holdingChild(dir, ownHandler);
  await new Promise<void>((ready) => child.stdout.on("data", (data: Buffer) => data.toString().includes("ready") && ready()));
  const before = await readdir(dir);
  // Both held while it runs: the temporary file and the lock.
  expect(before.filter((name) => name.endsWith(".tmp") || name === ".innovation-index.lock")).toHaveLength(2);
  const ended = new Promise<{ code: number | null; signal: string | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
  child.kill(signal);
  return ended;
}

describe.skipIf(!BUILT)("an interrupted writer", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("on %s removes its temporary file and its lock, keeps everything else, and ends by the signal", async (signal) => {
    const dir = await makeTempDir({ "index.csv": "the previous run's\n" });
    const ended = await interrupt(dir, signal);
    expect(ended).toEqual({ code: null, signal });
    expect((await readdir(dir)).sort()).toEqual(["index.csv"]);
  });

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("a %s that arrives while the thread runs synchronously is handled at the next deliverPendingSignals, before what follows it", async (signal) => {
    const dir = await makeTempDir({ "index.csv": "the previous run's\n" });
    // From an fs callback (the poll phase of the event loop, where a writer usually is), the signal sent while the
    // thread is busy: it waits until deliverPendingSignals, where the handler removes the temporary file and ends the
    // process, so the step after it (a commit) never runs.
    const script = `
      const { claimTemporary } = await import(${JSON.stringify(pathToFileURL(join(DIST, "temporary.js")).href)});
      const { deliverPendingSignals } = await import(${JSON.stringify(pathToFileURL(join(DIST, "interrupt.js")).href)});
      const { readFile } = await import("node:fs/promises");
      const { writeFileSync } = await import("node:fs");
      const dir = ${JSON.stringify(dir)};
      const path = dir + "/.index.csv." + process.pid + ".tmp";
      claimTemporary(path);
      writeFileSync(path, "unit,year\\n");
      await readFile(path);
      process.kill(process.pid, ${JSON.stringify(signal)});
      writeFileSync(dir + "/before", "");
      await deliverPendingSignals();
      writeFileSync(dir + "/after", "");
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "inherit"] });
    const ended = await new Promise<{ code: number | null; signal: string | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
    expect(ended).toEqual({ code: null, signal });
    expect((await readdir(dir)).sort()).toEqual(["before", "index.csv"]);
  });

  it("leaves the decision to a program that handles the signal itself: nothing is removed behind its back", async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, "notes.txt"), "x\n");
    const ended = await interrupt(dir, "SIGINT", true);
    expect(ended).toEqual({ code: 0, signal: null });
    const names = (await readdir(dir)).sort();
    expect(names).toContain(".innovation-index.lock");
    expect(names.filter((name) => name.endsWith(".tmp"))).toHaveLength(1);
  });
});
