/**
 * (a) Engine throughput: normalise every indicator and aggregate every level of a synthetic panel of
 * 3,000 units × 200 indicators × 20 years (12 million values), with `computeIndex` (checks included) and with the
 * Monte Carlo engine (`IndexEngine.evaluate`: aggregation only, scores cached). Prints one JSON line.
 */
import { computeIndex } from "../dist/core/compute.js";
import { IndexEngine } from "../dist/core/engine.js";
import { median } from "./timing.mjs";
import { syntheticPanel } from "./synthetic.mjs";

const shape = { units: 3000, indicators: 200, years: 20 };
const { tree, panel } = syntheticPanel(shape);
const values = shape.units * shape.indicators * shape.years;
const computeTimes = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  computeIndex(tree, panel);
  computeTimes.push(performance.now() - start);
}
const minMaxTimes = [];
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  computeIndex(tree, panel, { normalize: "min-max" });
  minMaxTimes.push(performance.now() - start);
}
const engine = new IndexEngine(tree, panel);
const choice = { normalize: "fixed-base", aggregate: "arithmetic", missing: "error" };
engine.prepare(choice);
const out = new Float64Array(shape.units * shape.years);
const evaluateTimes = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  engine.evaluate(choice, engine.nominalWeights, out);
  evaluateTimes.push(performance.now() - start);
}
console.log(
  JSON.stringify({
    bench: "engine",
    values,
    computeMs: median(computeTimes),
    computeMinMaxMs: median(minMaxTimes),
    engineAggregateMs: median(evaluateTimes),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
