/** Reads a tree and a values CSV with `loadInputs` (the fast path when the file is plain) and prints the time taken. */
import { loadInputs } from "../dist/io/read/load.js";
import { computeIndex } from "../dist/core/compute.js";

const start = performance.now();
const { tree, panel } = await loadInputs(process.argv[2], process.argv[3]);
const readMs = performance.now() - start;
const computeStart = performance.now();
computeIndex(tree, panel);
console.log(JSON.stringify({ readMs, computeMs: performance.now() - computeStart, values: panel.values.length }));
