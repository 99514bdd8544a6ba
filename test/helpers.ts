/**
 * Test helpers: temporary folders from a `{ path: content }` map, the CLI run in-process, file contents as text.
 */
import { chmod, mkdtemp, mkdir, writeFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, expect, vi } from "vitest";
import type { CliEnv } from "../src/cli/env.js";
import { main } from "../src/cli/main.js";
import { ValidationError, type Issue } from "../src/errors.js";
import { joinContent, type FileContent } from "../src/io/write/write.js";
import { WRITTEN_FILES } from "../src/io/write/written-files.js";
import { PUBLICATION_HISTORY_FILE } from "../src/io/runs/publication-history.js";

/**
 * Writes `content` to `path` as a person editing it by hand would: a published run's files are read-only
 * (`run-protection.ts`), so the file is first made writable, as a user (not root, whom modes do not stop) must.
 */
export async function editByHand(path: string, content: string | Uint8Array): Promise<void> {
  await chmod(path, 0o644).catch(() => undefined);
  await writeFile(path, content);
}

/** The folders `makeTempDir` made in this test file, removed after it by `removeTempDirs` (see test/setup/temp-folders.ts). */
const created: string[] = [];

/** Removes every folder `makeTempDir` made (those a test removed itself included). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** A fresh temporary folder holding `files` (relative path -> text or bytes); removed after the test file. */
export async function makeTempDir(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "innovation-index-"));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing stdout and stderr. */
export async function runCli(argv: string[], cwd: string, env: Partial<CliEnv> = {}): Promise<CliRun> {
  return runMain(main, argv, cwd, env);
}

async function runMain(run: typeof main, argv: string[], cwd: string, env: Partial<CliEnv>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { ...env, cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * `runCli` for a test file that mocks modules the command line uses (`vi.mock` of `node:fs`, of the writer's files):
 * the test setup has loaded the command line already, with the real modules, so it is loaded again before the file's
 * tests (`beforeAll`), with the mocked ones. Call it at the top level of the test file.
 */
export function runCliWithMocks(): (argv: string[], cwd: string, env?: Partial<CliEnv>) => Promise<CliRun> {
  let mocked: typeof main;
  beforeAll(async () => {
    vi.resetModules();
    ({ main: mocked } = await import("../src/cli/main.js"));
  });
  return (argv, cwd, env = {}) => runMain(mocked, argv, cwd, env);
}

/** The names in a folder, sorted; [] when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    // The writer's record of the files it wrote (io/write/written-files.ts) is in every output folder, and the
    // publication history (io/runs/publication-history.ts) in every runs folder whose LATEST moved; their own tests
    // look for them by name.
    return (await readdir(dir)).filter((name) => name !== WRITTEN_FILES && name !== PUBLICATION_HISTORY_FILE).sort();
  } catch {
    return [];
  }
}

/** A file's content (text, bytes, or chunks of either) as the UTF-8 text it writes. */
export function textOf(content: FileContent): string {
  const joined = joinContent(content);
  return typeof joined === "string" ? joined : Buffer.from(joined).toString("utf8");
}

/** The issues of the ValidationError `call` rejects with (code, option, message). */
export async function rejection(call: () => unknown): Promise<{ code: string; column?: string | number; message: string }[]> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ code, column, message }) => ({ code, column, message }));
  }
  throw new Error("expected the call to be refused");
}

/** The whole issues of the ValidationError `promise` rejects with. */
export async function issuesOf(promise: Promise<unknown>): Promise<Issue[]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}
