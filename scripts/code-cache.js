// `npm run bundle` runs this after bundling: makes dist/bundle/main.cjs.cache, V8's code cache of the command line
// bundle, for dist/bundle/start.cjs to load it with (see src/cli/start.ts). The cache holds the functions compiled while
// `compute` and a short `uncertainty` ran on the shipped example (in a temporary folder, removed after). It is valid only
// for the Node that made it (npm runs the build on the user's Node); another Node refuses it and compiles as without.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The commands whose functions the cache holds: compute, and the Monte Carlo analysis (a short design).
const RUNS = [["compute"], ["uncertainty", "--weight-noise", "0.2", "--aggregations", "arithmetic,geometric", "-n", "50"]];
const { loadMain } = createRequire(import.meta.url)("../dist/bundle/start.cjs");
const { main, script } = loadMain({ make: true });
const folder = mkdtempSync(join(tmpdir(), "innovation-index-code-cache-"));
try {
  const env = { cwd: folder, stdout: () => undefined, stderr: (text) => process.stderr.write(text) };
  for (const args of RUNS) {
    const code = await main([...args, "--out", join(folder, args[0]), "-q"], env);
    if (code !== 0) throw new Error(`${args[0]} on the shipped example exited ${code} while making the code cache`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
writeFileSync(new URL("../dist/bundle/main.cjs.cache", import.meta.url), script.createCachedData());
