/**
 * A value far from its series' previous one (`W_VALUE_JUMP`, src/core/value-jumps.ts) as compute, validate and the
 * library give it: a warning, also under --strict (strict in the library), in English and in Chinese. The CLI runs
 * in-process (runCli), on the sources.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compute, load, messageOf } from "../../src/index.js";
import { makeTempDir, runCli } from "../helpers.js";

/** A tree of two indicators, and A11's shares 1.96, 2.1, 2.33 (2017-2019) then `last` for 2020, on line 5, column 4. */
const files = (last: string) => ({
  "tree.csv": "code,parent,name,weight,direction\nA,,投入,1,\nA11,A,研发占比,0.5,+\nA12,A,专利,0.5,+\n",
  "values.csv": `unit,year,indicator,value\nU,2017,A11,1.96\nU,2018,A11,2.1\nU,2019,A11,2.33\nU,2020,A11,${last}\nU,2017,A12,100\nU,2018,A12,110\nU,2019,A12,120\nU,2020,A12,130\n`,
});

// 2.33 / 0.0244 = 95.49…, shown to one decimal below 100: about 95.5.
const ENGLISH =
  'values.csv:5:4: indicator "A11", unit "U": the 2020 value 0.0244 is about 95.5 times smaller than the 2019 value 2.33 (50 times or more apart, which a real change from one year to the next seldom is): ' +
  "probably a share written as a fraction beside percent points or the other way round (×100), a unit of measure changed (×1,000 or ×10,000, e.g. 元 for 万元), or a real change; " +
  "expected the value checked: if it is right, nothing to do (--strict does not refuse it)";

describe("W_VALUE_JUMP on the command line and in the library", () => {
  it.each(["validate", "compute"])("%s warns of 0.0244 after 2.33 and still runs, --strict too", async (command) => {
    const dir = await makeTempDir(files("0.0244"));
    const out = command === "compute" ? ["--out", "-"] : [];
    const run = await runCli([command, "-i", "tree.csv", "-d", "values.csv", ...out], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`warning: ${ENGLISH}\n`);
    const strict = await runCli([command, "-i", "tree.csv", "-d", "values.csv", ...out, "--strict"], dir);
    expect(strict.code).toBe(0);
    expect(strict.stderr).toBe(`warning: ${ENGLISH}\n`);
  });

  it("says nothing of 2.44 after 2.33", async () => {
    const dir = await makeTempDir(files("2.44"));
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--strict"], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("prints the warning in Chinese on a Chinese terminal", async () => {
    const dir = await makeTempDir(files("0.0244"));
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "zh" });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('values.csv:5:4: 指标 "A11"（评价对象 "U"）：2020 年的数值 0.0244 约为 2019 年数值 2.33 的 1/95.5（相差 50 倍及以上');
  });

  it("is among the library's compute warnings, with strict too", async () => {
    const dir = await makeTempDir(files("0.0244"));
    const inputs = await load({ indicators: join(dir, "tree.csv"), data: join(dir, "values.csv") });
    const result = await compute(inputs);
    expect(result.warnings.map(({ code, id }) => ({ code, id }))).toEqual([{ code: "W_VALUE_JUMP", id: "A11" }]);
    // In the library's words: the option strict, not the flag.
    expect(messageOf(result.warnings[0])).toBe(ENGLISH.replace(/^values\.csv/, join(dir, "values.csv")).replace("(--strict does not", "(strict: true does not"));
    expect((await compute(inputs, { strict: true })).warnings.map(({ code }) => code)).toEqual(["W_VALUE_JUMP"]);
  });
});
