import { beforeAll, describe, expect, it } from "vitest";
import { FormulaError, type FormulaCompiler } from "../../../src/core/formula.js";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { createFormulaCompiler, MAX_FORMULA_DEPTH } from "../../../src/io/math/formula-mathjs.js";

let compile: FormulaCompiler;
beforeAll(async () => {
  compile = await createFormulaCompiler();
});

const scope = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("the mathjs formula compiler", () => {
  it("evaluates arithmetic, comparison and whitelisted functions with the variables in first-use order", () => {
    const formula = compile("rd_spending / revenue * 100");
    expect(formula.variables).toEqual(["rd_spending", "revenue"]);
    // by hand: 3 / 150 · 100 = 2
    expect(formula.evaluate(scope({ rd_spending: 3, revenue: 150 }))).toBeCloseTo(2, 14);
    expect(compile("max(a, b) - min(a, b) + abs(-2) + sqrt(16) + log(e) + pi - pi").evaluate(scope({ a: 3, b: 7 }))).toBeCloseTo(4 + 2 + 4 + 1, 12);
    expect(compile("a > b ? a : b").evaluate(scope({ a: 3, b: 7 }))).toBe(7);
    expect(compile("(a >= 3) + (a == 3) + not (a != 3)").evaluate(scope({ a: 3 }))).toBe(3);
    expect(compile("2 ^ 10 + 7 mod 4").evaluate(new Map())).toBe(1027);
  });

  it("gives Infinity for a division by zero and NaN for 0/0 or sqrt(-1), never a complex number", () => {
    expect(compile("a / b").evaluate(scope({ a: 1, b: 0 }))).toBe(Infinity);
    expect(compile("a / b").evaluate(scope({ a: 0, b: 0 }))).toBeNaN();
    expect(compile("sqrt(a)").evaluate(scope({ a: -1 }))).toBeNaN();
  });

  it.each([
    ["f(x) = x^2", /function definitions are not allowed/],
    ["x = 1", /assignments are not allowed/],
    ["a.constructor", /property or index access is not allowed/],
    ['a["constructor"]', /property or index access is not allowed/],
    ["a.__proto__.polluted", /property or index access is not allowed/],
    ["[1, 2, 3]", /matrices are not allowed/],
    ["zeros(100000, 100000)", /function zeros is not allowed/],
    ["ones(1e9)", /function ones is not allowed/],
    ["1:1e9", /ranges are not allowed/],
    ["{a: 1}", /objects are not allowed/],
    ["a; b", /several statements are not allowed/],
    ['import({x: 1}, {override: true})', /function import is not allowed/],
    ['createUnit("foo")', /function createUnit is not allowed/],
    ['evaluate("1 + 1")', /function evaluate is not allowed/],
    ['parse("1 + 1")', /function parse is not allowed/],
    ["simplify(a)", /function simplify is not allowed/],
    ['"text"', /constant "text" is not a number/],
    ["5!", /operator "!" is not allowed/],
    ["a'", /operator "'" is not allowed/],
    ["2 cm to inch", /operator "to" is not allowed/],
    ["evaluate", /name "evaluate" is a mathjs name/],
    ["import + 1", /name "import" is a mathjs name/],
    ["a +", /it does not parse/],
    ["(a + b", /it does not parse/],
    ["f(1)(2)", /function f is not allowed/],
    ["a ".repeat(1001), /longer than 2000 characters/],
  ])("refuses %j", (text, reason) => {
    expect(() => compile(text)).toThrow(FormulaError);
    expect(() => compile(text)).toThrow(reason);
  });

  it("keeps the refused functions disabled even on the private instance", async () => {
    // A second compiler is independent and equally restricted.
    const other = await createFormulaCompiler();
    expect(() => other("import({}, {})")).toThrow(FormulaError);
  });
});

describe("nesting of long chains", () => {
  /** `x+y-x+y-...` of `terms` terms: x, then +y and -x in turn. */
  const sumChain = (terms: number) => Array.from({ length: terms }, (_, i) => (i === 0 ? "x" : i % 2 === 1 ? "+y" : "-x")).join("");

  it("reads 600 alternating + and - terms as one level, not 600 nested ones", () => {
    expect(MAX_FORMULA_DEPTH).toBe(100);
    // x, then 300 times +y and 299 times -x: x + 300y - 299x = 300·2 - 298·1 = 302 for x = 1, y = 2.
    expect(compile(sumChain(600)).evaluate(scope({ x: 1, y: 2 }))).toBe(302);
  });

  it("reads 400 alternating * and / terms, and mod, as one level", () => {
    // x, then 200 times *y and 199 times /x: x^(1 - 199)·y^200 = 2^-198·2^200 = 4 for x = y = 2 (exact: powers of two).
    const product = Array.from({ length: 400 }, (_, i) => (i === 0 ? "x" : i % 2 === 1 ? "*y" : "/x")).join("");
    expect(compile(product).evaluate(scope({ x: 2, y: 2 }))).toBe(4);
    // ((7 mod 4)·5 mod 4)·5 mod 4 ... : 7 mod 4 = 3, 3·5 = 15 mod 4 = 3, and so on: 3 after 300 rounds.
    expect(compile(`7${" mod 4 * 5".repeat(150)} mod 4`).evaluate(scope({}))).toBe(3);
  });

  it("still counts parentheses around a chain: 99 accepted (the chain is the 100th level), 100 refused as nested", () => {
    // 99 + 1 = 100 levels, the limit: x + 300y - 299x = 302 as above.
    expect(compile(`${"(".repeat(99)}${sumChain(600)}${")".repeat(99)}`).evaluate(scope({ x: 1, y: 2 }))).toBe(302);
    expect(() => compile(`${"(".repeat(100)}${sumChain(600)}${")".repeat(100)}`)).toThrow(limitMessages.formulaTooDeep(100));
  });

  it("compiles and evaluates the longest chains the 2,000 characters allow, 1,000 deep calls down, without a stack overflow", () => {
    // 1,000 terms of two characters (1,999 characters): x + 500y - 499x = 1,000 - 498 = 502 for x = 1, y = 2; under
    // 98 minuses (an even count) and parentheses, the 100 levels of the limit with the chain's own, 950 terms (1,999
    // characters again): x + 475y - 474x = 950 - 473 = 477.
    expect(sumChain(1000)).toHaveLength(1999);
    const deepInCalls = (calls: number, run: () => number): number => (calls === 0 ? run() : deepInCalls(calls - 1, run));
    expect(deepInCalls(1000, () => compile(sumChain(1000)).evaluate(scope({ x: 1, y: 2 })))).toBe(502);
    expect(deepInCalls(1000, () => compile(`${"-".repeat(98)}(${sumChain(950)})`).evaluate(scope({ x: 1, y: 2 })))).toBe(477);
  });

  it("refuses a chain of 5,000 terms by its length, not by a stack overflow", () => {
    expect(() => compile(sumChain(5000))).toThrow(new FormulaError("it is longer than 2000 characters"));
  });
});
