/**
 * A value a normalisation cannot take is named by the values file's line, whichever normalisation refuses it:
 * fraction-of-max as the ratio methods (distance-to-average, distance-to-target, fixed-base) do.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

// A1 positive, A2 negative (a cost: smaller is better); X's A2 is 0 in 2018 on line 7 (the header is line 1).
const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\nA2,A,a2,1,-\n";
const VALUES = "unit,year,indicator,value\nX,2017,A1,1\nX,2017,A2,2\nY,2017,A1,3\nY,2017,A2,4\nX,2018,A1,4\nX,2018,A2,0\nY,2018,A1,6\nY,2018,A2,5\n";

async function problems(values: string, method: string): Promise<string> {
  const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
  const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", method, "--out", "-"], dir);
  expect(run.code).toBe(1);
  return run.stderr;
}

describe("a value a normalisation refuses, at its line of the values file", () => {
  it("fraction-of-max: a 0 of a negative indicator (min / 0) at values.csv:7, as distance-to-average places it", async () => {
    expect(await problems(VALUES, "fraction-of-max")).toBe(
      `error: 1 problem found:\nvalues.csv:7:4: ${methodMessages.valueNotPositive("A2", "X", 2018, 0, "fraction-of-max")}\n`,
    );
    expect(await problems(VALUES, "distance-to-average")).toBe(
      `error: 1 problem found:\nvalues.csv:7:4: ${messages.zeroValueReversedRatio("A2", "X", 2018, "distance-to-average")}\n`,
    );
  });

  it("fraction-of-max: a negative value of a positive indicator at its own line (Y 2017 A1, line 4)", async () => {
    const values = VALUES.replace("X,2018,A2,0", "X,2018,A2,1").replace("Y,2017,A1,3", "Y,2017,A1,-3");
    expect(await problems(values, "fraction-of-max")).toBe(
      `error: 1 problem found:\nvalues.csv:4:4: ${methodMessages.valueNotPositive("A1", "Y", 2017, -3, "fraction-of-max", true)}\n`,
    );
  });
});
