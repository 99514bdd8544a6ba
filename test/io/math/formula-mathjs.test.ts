import { beforeAll, describe, expect, it } from "vitest";
import { FormulaError, type FormulaCompiler } from "../../../src/core/formula.js";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { translateMessage } from "../../../src/core/localize.js";
import { messages } from "../../../src/core/messages.js";
import { quote } from "../../../src/core/quote.js";
import { chinese } from "../../../src/core/zh/index.js";
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

describe("the reasons a formula is refused, in English and in Chinese", () => {
  /** The reason `compile` gives for refusing `text`. */
  const reasonOf = (text: string) => {
    try {
      compile(text);
    } catch (error) {
      if (error instanceof FormulaError) return error.message;
      throw error;
    }
    throw new Error(`expected ${text} refused`);
  };
  /** The whole message of a tree row's refused formula, as the terminal prints it in Chinese. */
  const chineseMessage = (text: string) => translateMessage(messages.badFormula("A1", text, reasonOf(text)), chinese);
  const allowed = "abs, sqrt, cbrt, exp, log, log10, log2, log1p, min, max, round, floor, ceil, sign";
  // Each reason with its English words, as they were written before they moved to the catalogue, and their Chinese.
  const cases: [string, string, string][] = [
    ["a ".repeat(1001), "it is longer than 2000 characters", "其长度超过 2000 个字符"],
    ["a.constructor", "property or index access is not allowed", "不允许访问属性或下标"],
    ['a["constructor"]', "property or index access is not allowed", "不允许访问属性或下标"],
    ["[1, 2, 3]", "matrices are not allowed", "不允许使用矩阵"],
    ["x = 1", "assignments are not allowed", "不允许赋值"],
    ["a; b", "several statements are not allowed", "不允许写多条语句"],
    ["f(x) = x^2", "function definitions are not allowed", "不允许定义函数"],
    ["{a: 1}", "objects are not allowed", "不允许使用对象"],
    ["1:1e9", "ranges are not allowed", "不允许使用区间"],
    ["a < b < c", "chained comparisons are not allowed", "不允许连续比较"],
    ['"text"', 'constant "text" is not a number', '常量 "text" 不是数字'],
    ["5!", 'operator "!" is not allowed', '不允许使用运算符 "!"'],
    ["zeros(3)", `function zeros is not allowed; allowed: ${allowed}`, `不允许使用函数 zeros；允许使用的函数：${allowed.replaceAll(", ", "、")}`],
    ["evaluate", 'name "evaluate" is a mathjs name, not a variable; rename the variable', '名称 "evaluate" 是 mathjs 的内置名称，不是变量；请为该变量改名'],
    [`${"(".repeat(101)}x${")".repeat(101)}`, "it is nested more than 100 levels deep (parentheses, signs, powers or calls)", "其嵌套超过 100 层（括号、正负号、乘方或函数调用）"],
  ];

  it.each(cases)("refuses %j with the same English words as before", (text, english) => {
    expect(reasonOf(text)).toBe(english);
  });

  it.each(cases)("says why %j is refused in Chinese, with no English reason left in the whole message", (text, english, reason) => {
    const message = chineseMessage(text);
    // The formula echoed as every message echoes it (`quote`: its first 200 characters and a count of the rest).
    expect(message).toBe(`指标 "A1" 的公式 ${quote(text)} 被拒绝：${reason}；应为由变量名构成的算术式，例如 "rd_spending / revenue * 100"`);
    expect(message).not.toContain(english);
    // No fragment of any English reason: the words the reasons are made of.
    expect(message).not.toMatch(/not allowed|not a number|longer than|does not parse|plain identifier|mathjs name|rename|nested more|allowed:|expected/);
  });

  it("keeps mathjs's own words on a formula that does not parse, inside the Chinese reason", () => {
    const reason = reasonOf("a +");
    // mathjs's message, which is the library's and has no Chinese: "Unexpected end of expression (char 4)".
    expect(reason).toBe("it does not parse (Unexpected end of expression (char 4))");
    expect(chineseMessage("a +")).toBe('指标 "A1" 的公式 "a +" 被拒绝：无法解析（Unexpected end of expression (char 4)）；应为由变量名构成的算术式，例如 "rd_spending / revenue * 100"');
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
