/**
 * (d) Startup: wall time of `compute` on the shipped Changzhou example against `node -e 0`, both in fresh processes,
 * interleaved, median of 21 runs each. Prints one JSON line.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, timeNode } from "./timing.mjs";

const bin = fileURLToPath(new URL("../bin/innovation-index.js", import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), "innovation-index-startup-")), "out");
const empty = [];
const compute = [];
timeNode([bin, "compute", "--out", out, "-q"]); // warm the file cache
for (let i = 0; i < 21; i++) {
  empty.push(timeNode(["-e", "0"]));
  compute.push(timeNode([bin, "compute", "--out", out, "-q"]));
}
const nodeMs = median(empty);
const computeMs = median(compute);
console.log(JSON.stringify({ bench: "startup", nodeMs, computeMs, ratio: computeMs / nodeMs }));
