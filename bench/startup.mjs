/**
 * (d) Startup: wall time of `compute` on the shipped Changzhou example (as it runs by default, and with --xlsx, which loads ExcelJS)
 * against `node -e 0`, all in fresh processes, interleaved, median of 21 runs each. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, timeNode } from "./timing.mjs";

const bin = fileURLToPath(new URL("../bin/innovation-index.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "innovation-index-startup-"));
const out = join(folder, "out");
const empty = [];
const compute = [];
const withXlsx = [];
timeNode([bin, "compute", "--out", out, "-q"]); // warm the file cache
for (let i = 0; i < 21; i++) {
  empty.push(timeNode(["-e", "0"]));
  compute.push(timeNode([bin, "compute", "--out", out, "-q"]));
  withXlsx.push(timeNode([bin, "compute", "--out", out, "-q", "--xlsx"]));
}
const nodeMs = median(empty);
const computeMs = median(compute);
const xlsxMs = median(withXlsx);
rmSync(folder, { recursive: true, force: true });
console.log(JSON.stringify({ bench: "startup", nodeMs, computeMs, ratio: computeMs / nodeMs, xlsxMs, xlsxRatio: xlsxMs / nodeMs }));
