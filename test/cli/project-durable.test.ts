/**
 * A published run survives a power cut: every file of the run is flushed to the disk under its temporary name before
 * it is renamed into place, the folders after their names changed, and `LATEST` before and after its rename
 * (`io/write/durable.ts`). A power cut itself cannot be made in a test; the calls are recorded by wrapping the two
 * flushing functions, and what was on the disk at each call is checked then (a name flushed is one that exists then,
 * a folder flushed after a rename holds the renamed name). A plain `--out` folder is not flushed (its cost, tens of
 * milliseconds, would double a small compute's time).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as durable from "../../src/io/write/durable.js";
import { isRunId } from "../../src/io/runs/runs.js";
import { makeTempDir, runCliWithMocks } from "../helpers.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { makeTwoYearProject, YEAR_2019 } from "./project-fixture.js";

/** Each flush, in order: what was flushed and what was there at that moment. */
const calls: { kind: "file" | "folder"; path: string; names?: string[]; text?: string }[] = [];

vi.mock("../../src/io/write/durable.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/io/write/durable.js")>();
  return {
    ...real,
    syncFile: vi.fn((path: string) => {
      calls.push({ kind: "file", path, text: readFileSync(path, "utf8") });
      real.syncFile(path);
    }),
    syncFolder: vi.fn((path: string) => {
      calls.push({ kind: "folder", path, names: readdirSync(path).sort() });
      real.syncFolder(path);
    }),
  };
});
// The command line loaded again, with the wrapped module.
const runMockedCli = runCliWithMocks();
async function runCli(argv: string[], cwd: string, expectedCode = 0): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await runMockedCli(argv, cwd);
  if (code !== expectedCode) console.log(stderr);
  return { code, stderr };
}
afterEach(() => {
  calls.length = 0;
  vi.mocked(durable.syncFile).mockClear();
  vi.mocked(durable.syncFolder).mockClear();
});

describe("a project run is on the disk before it is reported published", () => {
  it("flushes the marker, every file of the run before its rename, the run folder's name, and LATEST", async () => {
    const dir = await makeTwoYearProject("durable");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const runs = join(dir, "runs");
    const id = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    const runFiles = (await readdir(join(runs, id))).sort();
    expect(runFiles).toContain("manifest.json");
    expect(runFiles).toContain("index.json");

    const files = calls.filter((call) => call.kind === "file");
    // First the marker, under its temporary name, holding the run's id whole.
    expect(basename(files[0].path)).toBe(".innovation-index-staging.tmp");
    expect(files[0].text).toBe(`${id}\n`);
    // Then every file the run folder holds, each under its temporary name `.<name>.<pid>.tmp` in the staging folder,
    // holding what the run folder now holds under that name: flushed before it was renamed in.
    const staged = files.filter((call) => basename(dirname(call.path)) === `.staging-${id}`).slice(1);
    const flushedNames = staged.map((call) => /^\.(.+)\.\d+\.tmp$/.exec(basename(call.path))?.[1]).sort();
    expect(flushedNames).toEqual(runFiles);
    for (const call of staged) {
      const name = /^\.(.+)\.\d+\.tmp$/.exec(basename(call.path))![1];
      expect(call.text).toBe(await readFile(join(runs, id, name), "utf8"));
    }
    // LATEST last, its temporary file holding the new id.
    expect(files.at(-1)!.path).toBe(join(runs, `.LATEST.${process.pid}.tmp`));
    expect(files.at(-1)!.text).toBe(`${id}\n`);

    const folders = calls.filter((call) => call.kind === "folder");
    // The runs folder, flushed once the run folder has its final name (before LATEST moves), and once LATEST has.
    const runsFlushes = folders.filter((call) => call.path === runs);
    const renamed = runsFlushes.findIndex((call) => call.names!.includes(id) && !call.names!.includes(`.staging-${id}`));
    expect(renamed).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf(runsFlushes[renamed])).toBeLessThan(calls.indexOf(files.at(-1)!));
    expect(calls.at(-1)).toMatchObject({ kind: "folder", path: runs });
    expect(calls.at(-1)!.names).toContain("LATEST");
    expect(readFileSync(join(runs, "LATEST"), "utf8")).toBe(`${id}\n`);
    // The staging folder, once its files have their names (the manifest last), before it was renamed.
    const staging = folders.filter((call) => call.path === join(runs, `.staging-${id}`));
    expect(staging.at(-1)!.names).toEqual(expect.arrayContaining(runFiles));
    expect(existsSync(join(runs, `.staging-${id}`))).toBe(false);
    expect((await readdir(runs)).filter(isRunId)).toEqual([id]);
  });

  it("LATEST moved but the runs folder not flushed after it (EIO): exit 3 saying LATEST names the run, for compute and runs publish", async () => {
    const dir = await makeTwoYearProject("durable-eio");
    const runs = join(dir, "runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    // The disk fails the flush of the runs folder once LATEST names another run than `named` (after the rename only).
    const wrapped = vi.mocked(durable.syncFolder).getMockImplementation()!;
    const failingAfter = (named: string) =>
      vi.mocked(durable.syncFolder).mockImplementation((path: string) => {
        if (path === runs && readFileSync(join(runs, "LATEST"), "utf8").trim() !== named) throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
        wrapped(path);
      });
    try {
      failingAfter(first);
      const computed = await runCli(["compute", "-q"], dir, 3);
      const second = (await readFile(join(runs, "LATEST"), "utf8")).trim();
      expect(second).not.toBe(first);
      expect(computed).toEqual({ code: 3, stderr: `error: ${outputMessages.latestNotFlushed("runs/LATEST", second, "EIO")}\n` });
      // Going back to the first run, with the disk failing the same way.
      failingAfter(second);
      expect(await runCli(["runs", "publish", first], dir, 3)).toEqual({ code: 3, stderr: `error: ${outputMessages.latestNotFlushed("runs/LATEST", first, "EIO")}\n` });
      expect((await readFile(join(runs, "LATEST"), "utf8")).trim()).toBe(first);
    } finally {
      vi.mocked(durable.syncFolder).mockImplementation(wrapped);
    }
    // No temporary LATEST is left behind.
    expect((await readdir(runs)).filter((name) => name.includes(".tmp"))).toEqual([]);
  });

  it("the run folder renamed into place but the runs folder not flushed after it (EIO): exit 3, the run kept unpublished with its marker, which the next run removes", async () => {
    const dir = await makeTwoYearProject("durable-eio-rename");
    const runs = join(dir, "runs");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const first = (await readFile(join(runs, "LATEST"), "utf8")).trim();
    await writeFile(join(dir, "data/2019.csv"), YEAR_2019);
    // The disk fails the flush of the runs folder once it holds a second run folder (the one after the rename only).
    const wrapped = vi.mocked(durable.syncFolder).getMockImplementation()!;
    vi.mocked(durable.syncFolder).mockImplementation((path: string) => {
      if (path === runs && readdirSync(runs).filter(isRunId).length === 2) throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
      wrapped(path);
    });
    let failed: { code: number; stderr: string };
    try {
      failed = await runCli(["compute", "-q"], dir, 3);
    } finally {
      vi.mocked(durable.syncFolder).mockImplementation(wrapped);
    }
    const second = readdirSync(runs).filter(isRunId).find((id) => id !== first)!;
    // Said as a complete run kept unpublished (before: "cannot publish the run", as of a run that is gone).
    expect(failed).toEqual({ code: 3, stderr: `error: ${outputMessages.runKept(`runs/${second}`, "runs/LATEST", "EIO")}\n` });
    expect((await readFile(join(runs, "LATEST"), "utf8")).trim()).toBe(first);
    // The marker stays in the run folder (removed while the rename may be undone by a power cut, it could leave a
    // complete staging folder without it); no staging folder is left.
    expect(readFileSync(join(runs, second, ".innovation-index-staging"), "utf8")).toBe(`${second}\n`);
    expect(readdirSync(runs).sort()).toEqual([first, second, "LATEST", "PUBLISHED.log"].sort());
    // The next run removes the marker and says the run is unpublished; no W_STAGING_KEPT (a staging folder kept).
    const next = await runCli(["compute", "--force"], dir);
    expect(next.stderr).toContain(`warning: ${outputMessages.unpublishedRun(`runs/${second}`, first)}\n`);
    expect(next.stderr).toContain(`${outputMessages.stagingRemoved(`runs/${second}/.innovation-index-staging`)}\n`);
    expect(next.stderr).not.toContain("not provably a staging folder");
    expect(readdirSync(join(runs, second))).not.toContain(".innovation-index-staging");
    expect(readdirSync(join(runs, second))).toContain("manifest.json");
  });

  it("a report added to a run is flushed too, and a plain --out folder is not", async () => {
    const dir = await makeTwoYearProject("durable-report");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    calls.length = 0;
    // --static: the page without the dashboard, whose script is built by npm run build.
    expect((await runCli(["report", "--static", "-q"], dir)).code).toBe(0);
    const flushed = calls.filter((call) => call.kind === "file").map((call) => /^\.(.+)\.\d+\.tmp$/.exec(basename(call.path))?.[1]);
    expect(flushed.sort()).toEqual(["report.html", "reports.json"]);
    expect(calls.at(-1)).toMatchObject({ kind: "folder", path: join(dir, "runs", id) });

    calls.length = 0;
    const out = await makeTempDir();
    expect((await runCli(["compute", "-q", "--out", join(out, "out")], out)).code).toBe(0);
    expect(existsSync(join(out, "out/index.csv"))).toBe(true);
    expect(calls).toEqual([]);
  });
});
