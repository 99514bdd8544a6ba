/**
 * A project run reads `runs/LATEST` once before it takes the lock (to say at once that nothing changed) and again
 * under the lock: a run published in between, by another process that held the lock, is the one this run replaces
 * (`previous`, the revision summary), or the one that already computed these inputs. The other run is made to publish
 * in that gap by wrapping `acquireLock`: its first call runs a whole other `compute` first.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as runs from "../../src/io/runs/runs.js";
import { runCli } from "../helpers.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

vi.mock("../../src/io/runs/runs.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/io/runs/runs.js")>();
  return { ...real, acquireLock: vi.fn(real.acquireLock) };
});
const acquireLock = vi.mocked(runs.acquireLock);
afterEach(() => acquireLock.mockClear());

const makeProject = () => makeTwoYearProject("race");
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
const runIds = async (dir: string) => (await readdir(join(dir, "runs"))).filter((name) => runs.isRunId(name)).sort();

/** Makes the next `acquireLock` first publish a run of `args` in `dir` (as another process holding the lock would). */
function publishBeforeTheLock(dir: string, args: string[]): void {
  const real = acquireLock.getMockImplementation()!;
  acquireLock.mockImplementationOnce(async (...call) => {
    expect((await runCli(["compute", "-q", ...args], dir)).code).toBe(0);
    return real(...call);
  });
}

describe("a run published while another waits for the lock", () => {
  it("is found under the lock: a run of the same inputs publishes nothing and says the latest run is unchanged", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    // Both see new inputs; the other one publishes first, so this one has nothing left to do.
    publishBeforeTheLock(dir, []);
    const run = await runCli(["compute"], dir);
    expect(run.code).toBe(0);
    const ids = await runIds(dir);
    expect(ids).toHaveLength(2);
    const other = ids.find((id) => id !== first)!;
    expect(await latest(dir)).toBe(other);
    expect(run.stderr).toContain(other);
    expect(run.stdout).toBe("");
  });

  it("is the run a forced run replaces: its manifest's previous and its revision summary name it", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = await latest(dir);
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    publishBeforeTheLock(dir, []);
    const run = await runCli(["compute", "--force"], dir);
    expect(run.code).toBe(0);
    const ids = await runIds(dir);
    expect(ids).toHaveLength(3);
    const [, other, forced] = ids;
    expect(ids[0]).toBe(first);
    expect(await latest(dir)).toBe(forced);
    const manifest = JSON.parse(await readFile(join(dir, "runs", forced, "manifest.json"), "utf8"));
    // Read before the lock, LATEST named the first run; under the lock, the other one.
    expect(manifest.previous).toBe(other);
    expect(run.stderr).toContain(other);
    expect(run.stderr).not.toContain(first);
  });
});
