/**
 * `report` into a run checks the project's inputs against the run before computing, and once more after reading them:
 * a values file changed in between would put a report of other data into the run. The change is made at the second
 * hashing, through a mock of `projectRunInputs` that edits the values file just before hashing it again.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { projectMessages } from "../../src/core/project-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

/** Set by the test: run before the second hashing of the inputs within one report (the first is the run check). */
const hooks: { beforeSecondHash?: () => Promise<void>; calls: number } = { calls: 0 };

vi.mock("../../src/cli/project-run.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/cli/project-run.js")>();
  return {
    ...original,
    projectRunInputs: async (...args: Parameters<typeof original.projectRunInputs>) => {
      hooks.calls++;
      if (hooks.calls === 2 && hooks.beforeSecondHash) await hooks.beforeSecondHash();
      return original.projectRunInputs(...args);
    },
  };
});

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
  hooks.beforeSecondHash = undefined;
});

describe("report into a run", () => {
  it("refuses a report when a values file changes while it reads the inputs (E_INPUT_CHANGED), writing nothing into the run", async () => {
    const values = "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n";
    const dir = await makeTempDir({
      "index.yaml": "name: report\nindicators: indicators.csv\nvalues: values.csv\n",
      "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
      "values.csv": values,
    });
    created.push(dir);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs", "LATEST"), "utf8")).trim();
    const before = (await readdir(join(dir, "runs", id))).sort();

    // compute's own run: the mock counts its calls too, so the count starts again for the report.
    hooks.calls = 0;
    hooks.beforeSecondHash = () => writeFile(join(dir, "values.csv"), values.replace("U1,2018,B,30", "U1,2018,B,33"));
    const report = await runCli(["report"], dir);
    expect(report.code).toBe(1);
    // The message as projectMessages makes it, with the two short hashes (before, once read) in place of "…".
    const [head, tail] = projectMessages.inputChangedDuringRun("values.csv", "\u0000").split("\u0000");
    expect(report.stderr.startsWith(`error: ${head}changed (SHA-256 `)).toBe(true);
    expect(report.stderr).toMatch(/changed \(SHA-256 [0-9a-f]{8}… before, [0-9a-f]{8}… once read\)/);
    expect(report.stderr.trimEnd().endsWith(tail)).toBe(true);
    expect((await readdir(join(dir, "runs", id))).sort()).toEqual(before); // no report.html, no reports.json

    // With the file as the run read it, the report goes in.
    await writeFile(join(dir, "values.csv"), values);
    hooks.calls = 0;
    hooks.beforeSecondHash = undefined;
    expect((await runCli(["report", "-q"], dir)).code).toBe(0);
    expect((await readdir(join(dir, "runs", id))).sort()).toEqual([...before, "report.html", "reports.json"].sort());
  });
});
