/**
 * Every test file runs with its own temporary folder as the system's (TMPDIR, and TEMP/TMP on Windows), inherited by
 * the CLI processes it spawns. After the file, the folders `makeTempDir` made are removed; anything else left in the
 * private folder fails the file, naming what was left, so no test (and no code the tests run) leaves
 * `innovation-index-*` folders behind in the real temporary folder.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { removeTempDirs } from "../helpers.js";

const VARIABLES = ["TMPDIR", "TEMP", "TMP"] as const;
let previous: Record<string, string | undefined> = {};
let folder = "";

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "innovation-index-test-"));
  previous = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) process.env[name] = folder;
});

afterAll(async () => {
  await removeTempDirs();
  for (const name of VARIABLES) {
    if (previous[name] === undefined) delete process.env[name];
    else process.env[name] = previous[name];
  }
  const left = leftIn(folder);
  rmSync(folder, { recursive: true, force: true });
  if (left.length > 0) throw new Error(`the test file left temporary files behind: ${left.join(", ")}; expected every test to remove what it creates`);
});

/** The names left in the private temporary folder. */
export function leftIn(path: string): string[] {
  try {
    return readdirSync(path).sort();
  } catch {
    return [];
  }
}
