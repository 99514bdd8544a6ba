import { beforeAll, describe, expect, it } from "vitest";
import { FormulaError, type FormulaCompiler } from "../../../src/core/formula.js";
import { createFormulaCompiler } from "../../../src/io/math/formula-mathjs.js";

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
