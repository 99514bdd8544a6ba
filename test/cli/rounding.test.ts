/**
 * Scores from decimal inputs print the half they stand for (toFixedText: 15 significant digits, then half away from
 * zero), in every file that rounds them: a reviewer's case, 8% then 8.7% of one indicator, fixed-base.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

describe("rounding of exact halves from decimal inputs", () => {
  it("8% then 8.7% is 108.75 by hand: 108.8 in index.csv, growth.csv and the wide table at one decimal; the change as Excel shows it", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nP,,p,1,+\n",
      // 100 · 8.7 / 8 = 108.75 by hand; read as 0.087 and 0.08, the double is 108.74999999999999 (toFixed: 108.7).
      "values.csv": "unit,year,indicator,value\nX,2018,P,8%\nX,2019,P,8.7%\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--decimals", "1", "--out", "out", "-q"], dir);
    expect(run.code, run.stderr).toBe(0);
    const index = await readFile(join(dir, "out", "index.csv"), "utf8");
    expect(index).toMatch(/^X,2019,INDEX,[^,\n]*,0,108\.8$/m);
    expect(await readFile(join(dir, "out", "index-wide.csv"), "utf8")).toContain("108.8");
    // growth.csv: the change is the difference of the figures as shown (15 significant digits, `asShown`): 108.75 − 100
    // = 8.75 by hand, printed 8.8 beside the index's 108.8. The binary difference, 108.74999999999999 − 100 =
    // 8.749999999999986, would print 8.7 (before). The one-year change in percent, 100 · 8.75 / 100, the average change
    // over one year and the CAGR are the same 8.75.
    const growth = (await readFile(join(dir, "out", "growth.csv"), "utf8")).split("\n").find((line) => line.startsWith("X,INDEX,") && line.includes(",2019,"));
    expect(108.74999999999999 - 100).toBe(8.749999999999986);
    expect(growth, growth).toMatch(/,2019,108\.8,8\.8,8\.8,8\.8,8\.8$/);
    // The terminal: the index at two decimals, and its change in percent at one, 8.8 (before: +8.7%).
    const table = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--decimals", "1"], dir);
    expect(table.stdout).toMatch(/ 108\.75 \(\+8\.8%\)\n/);
  });
});
