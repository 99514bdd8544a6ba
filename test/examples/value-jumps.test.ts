/**
 * The shipped Changzhou example (data/changzhou/values.csv, and the tutorial's examples/tutorial/values.csv and data/
 * folder, the same values as Excel saves them) gives no warning of a value far from its previous year's
 * (`W_VALUE_JUMP`) nor of percentages mixed with plain numbers: run in-process as compute runs it.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import type { Panel } from "../../src/core/panel.js";
import { VALUE_JUMP_FACTOR, valueJumpWarnings } from "../../src/core/value-jumps.js";
import { loadInputs } from "../../src/io/read/load.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TREE = join(ROOT, "indicators/changzhou-2020.csv");

/** The largest factor between a value and the same unit's previous value of its indicator (both not zero, same sign), and where. */
function largestFactor(panel: Panel): { factor: number; indicator: string; year: number } {
  const { units, years, indicators, values } = panel;
  let largest = { factor: 1, indicator: "", year: 0 };
  for (let i = 0; i < indicators.length; i++)
    for (let u = 0; u < units.length; u++)
      for (let y = 1; y < years.length; y++) {
        const [before, value] = [values[(i * units.length + u) * years.length + y - 1], values[(i * units.length + u) * years.length + y]];
        const ratio = value / before;
        if (!(ratio > 0 && Number.isFinite(ratio))) continue;
        const factor = Math.max(ratio, 1 / ratio);
        if (factor > largest.factor) largest = { factor, indicator: indicators[i], year: years[y] };
      }
  return largest;
}

describe("the shipped Changzhou example and W_VALUE_JUMP", () => {
  it.each(["data/changzhou/values.csv", "examples/tutorial/values.csv", "examples/tutorial/data"])("%s: no value 50 times from its previous year's, no warning of compute", async (path) => {
    const { tree, panel } = await loadInputs(TREE, join(ROOT, path));
    expect(panel.values.length).toBe(160);
    expect(valueJumpWarnings(panel)).toEqual([]);
    // The largest year-on-year factor of the 160 values (worked out by this function, not the check's): A33 from 29
    // (2018) to 72 (2019), data/changzhou/values.csv lines 35-36, 72 / 29 = 2.48, a twentieth of 50.
    expect(largestFactor(panel)).toEqual({ factor: 72 / 29, indicator: "A33", year: 2019 });
    expect(72 / 29).toBeLessThan(VALUE_JUMP_FACTOR / 20);
    expect(computeIndex(tree, panel).warnings).toEqual([]);
  });
});
