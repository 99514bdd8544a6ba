/**
 * A test file that leaves a temporary folder behind, on purpose: run only by temp-folders.test.ts (with
 * INNOVATION_INDEX_LEAK_FIXTURE=1), which expects the guard to fail it.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

it("leaves a folder behind", async () => {
  const stray = await mkdtemp(join(tmpdir(), "innovation-index-"));
  expect(stray).toContain("innovation-index-");
});
