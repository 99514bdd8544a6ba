// `npm run bundle` runs this after bundling: makes dist/bundle/main.cjs.cache, V8's code cache of the command line
// bundle, and messages-zh.cjs.cache, that of the Chinese messages, for dist/bundle/start.cjs to load them with (see
// src/cli/start.ts). The caches hold the functions compiled while `compute` and a short `uncertainty` ran on the shipped
// example, and `compute` again on a Chinese terminal (in a temporary folder, removed after). They are valid only for the
// Node that made them (npm runs the build on the user's Node); another Node refuses them and compiles as without.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The commands whose functions the caches hold: compute, the Monte Carlo analysis (a short design), and compute printing
// Chinese (its table and its "written" line).
const RUNS = [
  { args: ["compute", "-q"], language: "en" },
  { args: ["uncertainty", "--weight-noise", "0.2", "--aggregations", "arithmetic,geometric", "-n", "50", "-q"], language: "en" },
  { args: ["compute"], language: "zh" },
];
const { loadMain } = createRequire(import.meta.url)("../dist/bundle/start.cjs");
const { main, scripts } = loadMain({ make: true });
const folder = mkdtempSync(join(tmpdir(), "innovation-index-code-cache-"));
try {
  for (const [i, { args, language }] of RUNS.entries()) {
    // What a run prints is shown only when it fails.
    const printed = [];
    const code = await main([...args, "--out", join(folder, String(i))], { cwd: folder, language, stdout: () => undefined, stderr: (text) => printed.push(text) });
    if (code !== 0) throw new Error(`${args[0]} on the shipped example exited ${code} while making the code cache:\n${printed.join("")}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
for (const name of ["main.cjs", "messages-zh.cjs"]) {
  const script = scripts.get(name);
  if (script === undefined) throw new Error(`${name} was not loaded while making the code cache`);
  writeFileSync(new URL(`../dist/bundle/${name}.cache`, import.meta.url), script.createCachedData());
}
