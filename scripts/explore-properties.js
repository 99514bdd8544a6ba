#!/usr/bin/env node
/**
 * Runs the property tests (the test files that call fast-check's `fc.assert`) from random seeds, with the runs of the
 * two broad ones (test/core/properties.test.ts, test/core/audit/drop.test.ts) raised to PROPERTY_RUNS (default 1000).
 * `npm test` runs them from one fixed seed (test/setup/properties.ts); this looks for counterexamples it does not see.
 * A failure prints the seed and path that replay it: PROPERTY_SEED=<seed> npx vitest run <file>.
 *
 * Usage: npm run test:explore [-- <vitest arguments>]
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const files = [];
const visit = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (entry.name.endsWith(".test.ts") && readFileSync(path, "utf8").includes("fc.assert(")) files.push(relative(root, path));
  }
};
visit(join(root, "test"));
files.sort();
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", ...files, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PROPERTY_SEED: "random", PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? "1000" },
});
process.exit(result.status ?? 1);
