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
    // growth.csv: the change is computed from the unrounded index, 108.74999999999999 − 100 = 8.749999999999986, which
    // is 8.74999999999999 to 15 digits: 8.7, as Excel shows the same subtraction (a change need not equal the
    // difference of two rounded figures). The one-year change in percent and the CAGR are the same number.
    const growth = (await readFile(join(dir, "out", "growth.csv"), "utf8")).split("\n").find((line) => line.startsWith("X,INDEX,") && line.includes(",2019,"));
    expect(108.74999999999999 - 100).toBe(8.749999999999986);
    expect(growth, growth).toMatch(/,2019,108\.8,8\.7,8\.7,8\.7,8\.7$/);
  });
});
