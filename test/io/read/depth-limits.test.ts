/**
 * Depth and size limits that used to end in "internal error" with a stack overflow: a formula of a thousand signs, a
 * tree thousands of levels deep, hundreds of thousands of problems or values in one list.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { messages } from "../../../src/core/messages.js";
import { winsorise } from "../../../src/core/outliers.js";
import { MAX_TREE_DEPTH } from "../../../src/core/tree.js";
import { ValidationError } from "../../../src/errors.js";
import { createFormulaCompiler, MAX_FORMULA_DEPTH } from "../../../src/io/math/formula-mathjs.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { makeTempDir, runCli } from "../../helpers.js";

/** A chain of `depth` nodes, each the parent of the next, ending in one indicator. */
function chainTree(depth: number): string {
  const lines = ["code,parent,name,weight,direction"];
  for (let level = 1; level <= depth; level++) lines.push(`N${level},${level === 1 ? "" : `N${level - 1}`},n,,${level === depth ? "+" : ""}`);
  return lines.join("\n") + "\n";
}

describe("tree depth", () => {
  it(`refuses a tree 8,000 levels deep, once, naming the first node deeper than ${MAX_TREE_DEPTH} levels`, () => {
    let error: unknown;
    try {
      parseTreeCsv(chainTree(8000), "tree.csv");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    // Line 1 is the header, so node N51 is on line 52; its parent cell is in column 2 (code,parent,…).
    expect((error as ValidationError).issues).toEqual([
      { code: "E_TREE_TOO_DEEP", message: limitMessages.treeTooDeep("N51", 51, 50), source: "tree.csv", line: 52, column: 2, id: "N51" },
    ]);
  });

  it("accepts a tree of exactly the limit", () => {
    const tree = parseTreeCsv(chainTree(MAX_TREE_DEPTH), "tree.csv");
    expect(tree.byCode.get(`N${MAX_TREE_DEPTH}`)?.level).toBe(MAX_TREE_DEPTH);
  });

  it("reports a cycle under a long chain quickly (each chain followed once)", () => {
    const lines = ["code,parent,name,weight,direction", "C1,C2,c,,", "C2,C1,c,,"];
    for (let i = 1; i <= 8000; i++) lines.push(`M${i},${i === 1 ? "C1" : `M${i - 1}`},m,,${i === 8000 ? "+" : ""}`);
    const started = performance.now();
    expect(() => parseTreeCsv(lines.join("\n"), "tree.csv")).toThrow(messages.treeCycle(["C1", "C2", "C1"]));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("formula depth", () => {
  let compile: Awaited<ReturnType<typeof createFormulaCompiler>>;
  beforeAll(async () => {
    compile = await createFormulaCompiler();
  });

  it.each([
    ["999 unary minuses", `${"- ".repeat(999)}x`],
    ["1,999 unary minuses", `${"-".repeat(1999)}x`],
    ["600 nested parentheses", `${"(".repeat(600)}x${")".repeat(600)}`],
    ["a tower of 400 powers", Array(400).fill("x").join("^")],
  ])("refuses %s as nested too deep", (_name, text) => {
    expect(() => compile(text)).toThrow(limitMessages.formulaTooDeep(MAX_FORMULA_DEPTH));
  });

  // Each kind of nesting n deep around x: the limit is "more than 100 levels", so 100 passes and 101 is refused (x itself
  // is no level: before, it counted as one and 100 parentheses were refused).
  const nested: [string, (n: number) => string][] = [
    ["parentheses", (n) => `${"(".repeat(n)}x${")".repeat(n)}`],
    ["unary minuses", (n) => `${"- ".repeat(n)}x`],
    ["powers", (n) => Array(n + 1).fill("x").join("^")], // n + 1 x's, n powers: x^(x^(...))
    ["calls", (n) => `${"abs(".repeat(n)}x${")".repeat(n)}`],
    ["nots", (n) => `${"not ".repeat(n)}x`],
    ["conditions", (n) => `${"x ? 1 : ".repeat(n)}0`], // x ? 1 : (x ? 1 : (... : 0))
  ];

  it.each(nested)("accepts %s nested exactly 100 deep, refuses them 101 deep", (_name, formula) => {
    expect(MAX_FORMULA_DEPTH).toBe(100);
    // x = 1: (x) is 1, -x negated 100 times (even) is 1, 1^1^... is 1, abs(1) is 1, not not x (an even count) is true,
    // which a formula gives as 1, and x ? 1 : ... is 1.
    expect(compile(formula(100)).evaluate(new Map([["x", 1]]))).toBe(1);
    expect(() => compile(formula(101))).toThrow(limitMessages.formulaTooDeep(MAX_FORMULA_DEPTH));
  });

  it("accepts nesting up to the limit and a long flat sum (one level, however long)", () => {
    // 90 minuses: -x negated 90 times is x again (an even count).
    expect(compile(`${"-".repeat(90)}x`).evaluate(new Map([["x", 3]]))).toBe(3);
    // x1 + x2 + ... + x300 with x_i = i: 300·301/2 = 45,150.
    const names = Array.from({ length: 300 }, (_, i) => `x${i + 1}`);
    expect(compile(names.join("+")).evaluate(new Map(names.map((name, i) => [name, i + 1])))).toBe(45150);
  });
});

describe("long lists", () => {
  let dir: string;
  beforeAll(async () => {
    // 200,000 values rows, each with a value that is not a number: one problem per row.
    const rows = ["unit,year,indicator,value"];
    for (let i = 0; i < 200_000; i++) rows.push(`U${i},2020,A1,n/a${i}`);
    dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,x,,+\n", "values.csv": rows.join("\n") + "\n" });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("validate reports 200,000 problems as input errors, not a stack overflow", async () => {
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.stderr).not.toMatch(/this is a bug|Maximum call stack/);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(messages.badValue("n/a0", "value"));
  });

  it("winsorises an indicator of 300,000 values (no spread of the list into Math.max)", () => {
    // 299,999 values 1..299,999 (shuffled order does not matter) and one outlier 1e9: the outlier is set to 299,999.
    const values = new Float64Array(300_000);
    for (let i = 0; i < values.length - 1; i++) values[i] = i + 1;
    values[values.length - 1] = 1e9;
    const result = winsorise(values, 5);
    expect(result.points).toBe(1);
    expect(values[values.length - 1]).toBe(299_999);
  });
});
