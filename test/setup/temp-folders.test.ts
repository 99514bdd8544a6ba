/**
 * The temporary-folder guard of test/setup/temp-folders.ts: this file runs inside it, so the system's temporary
 * folder is a private one, and folders made by `makeTempDir` are removed after the file.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs } from "../helpers.js";
import { leftIn } from "./temp-folders.js";

describe("temporary folders of the tests", () => {
  it("the system temporary folder is a private one while a test file runs", () => {
    expect(basename(tmpdir())).toMatch(/^innovation-index-test-/);
  });

  it("makeTempDir folders are removed by removeTempDirs, which the guard calls after every file", async () => {
    const dir = await makeTempDir({ "a/b.txt": "x" });
    expect(dirname(dir)).toBe(tmpdir());
    await removeTempDirs();
    expect(existsSync(dir)).toBe(false);
  });

  it("a folder made otherwise is seen as left behind", async () => {
    const stray = await mkdtemp(join(tmpdir(), "innovation-index-"));
    expect(leftIn(tmpdir())).toContain(basename(stray));
    await rm(stray, { recursive: true });
    expect(leftIn(tmpdir())).toEqual([]);
  });
});

describe("the guard", () => {
  it("fails a test file that leaves a folder behind, naming it, and removes it", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [vitest, "run", "test/setup/leak.fixture.test.ts"],
        { cwd: root, env: { ...process.env, INNOVATION_INDEX_LEAK_FIXTURE: "1", CI: "1" } },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
      );
    });
    expect(run.output).toMatch(/the test file left temporary files behind: innovation-index-\w+; expected every test to remove what it creates/);
    expect(run.code).not.toBe(0);
    // The fixture ran inside this file's private folder (TMPDIR is inherited), and the guard removed its own.
    expect(leftIn(tmpdir())).toEqual([]);
  });
});
