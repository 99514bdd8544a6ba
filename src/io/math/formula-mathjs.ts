/**
 * The formula compiler, on mathjs's expression parser in a restricted form (mathjs is imported only when a tree has
 * formulas). A formula is parsed once and its syntax tree checked against a whitelist before it is compiled:
 *
 * - numbers, variable names (ASCII identifiers), the constants `pi` and `e`, parentheses, `cond ? a : b`;
 * - operators `+ - * / ^ mod`, comparisons `< <= > >= == !=`, `and or not`;
 * - functions `abs sqrt cbrt exp log log10 log2 log1p min max round floor ceil sign`.
 *
 * Everything else is refused before anything is evaluated: function or variable definitions, property and index access
 * (so no way to `constructor` or `__proto__`), matrices, ranges, objects, strings, units, several statements, and every
 * other function (`import`, `createUnit`, `evaluate`, `parse`, `zeros`, ...). The private mathjs instance has those
 * functions replaced by ones that throw, in case a formula ever got past the check. The instance is mathjs's
 * number-only build, so values are plain numbers (`sqrt(-1)` is `NaN`, not a complex number).
 */
import { FormulaError, type CompiledFormula, type FormulaCompiler } from "../../core/formula.js";
import { dataMessages, type FormulaSyntax } from "../../core/data-messages.js";
import { limitMessages } from "../../core/limit-messages.js";

export const FORMULA_FUNCTIONS = ["abs", "sqrt", "cbrt", "exp", "log", "log10", "log2", "log1p", "min", "max", "round", "floor", "ceil", "sign"] as const;
const FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);
const OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "unaryMinus",
  "unaryPlus",
  "pow",
  "mod",
  "smaller",
  "smallerEq",
  "larger",
  "largerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);
const CONSTANTS = new Set(["pi", "e"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_LENGTH = 2000;
/** The deepest nesting of a formula (parentheses, signs, powers, function calls): parser and evaluator recurse on it. */
export const MAX_FORMULA_DEPTH = 100;

/** What each refused kind of syntax is, for the message (`formulaSyntaxRefused`). */
const REFUSED: Record<string, FormulaSyntax> = {
  AccessorNode: "access",
  ArrayNode: "matrix",
  AssignmentNode: "assignment",
  BlockNode: "statements",
  FunctionAssignmentNode: "functionDefinition",
  IndexNode: "access",
  ObjectNode: "object",
  RangeNode: "range",
  RelationalNode: "chainedComparison",
};

interface MathNode {
  type: string;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  forEach(callback: (child: MathNode, path: string, parent: MathNode) => void): void;
  compile(): { evaluate(scope?: Map<string, unknown>): unknown };
}

/** Creates the compiler (loads mathjs). */
export async function createFormulaCompiler(): Promise<FormulaCompiler> {
  // The number-only build: no complex numbers, BigNumbers, fractions, units or matrices at all, and it loads faster.
  const { create, all } = await import("mathjs/number");
  const math = create(all, { predictable: true });
  const parse = math.parse.bind(math) as unknown as (text: string) => MathNode;
  const refuse = (name: string) => () => {
    throw new FormulaError(dataMessages.formulaFunctionDisabled(name));
  };
  const disabled = ["import", "createUnit", "evaluate", "parse", "simplify", "derivative", "compile", "resolve", "reviver", "chain"];
  math.import(Object.fromEntries(disabled.map((name) => [name, refuse(name)])), { override: true });
  const namespace = math as unknown as Record<string, unknown>;

  return (text: string): CompiledFormula => {
    if (text.length > MAX_LENGTH) throw new FormulaError(dataMessages.formulaTooLong(MAX_LENGTH));
    let root: MathNode;
    try {
      root = parse(text);
    } catch (error) {
      // The parser recurses once per level of nesting: a formula of a thousand signs (- - - ... x) can overflow the
      // call stack before the depth is measured below.
      if (error instanceof RangeError) throw new FormulaError(limitMessages.formulaTooDeep(MAX_FORMULA_DEPTH));
      throw new FormulaError(dataMessages.formulaUnparsed((error as Error).message));
    }
    // Measured from a stack before anything recurses over the syntax tree (the check, compiling, evaluating).
    if (nestingDepth(root) > MAX_FORMULA_DEPTH) throw new FormulaError(limitMessages.formulaTooDeep(MAX_FORMULA_DEPTH));
    const variables: string[] = [];
    root.traverse((node, path, parent) => {
      const refused = Object.hasOwn(REFUSED, node.type) ? REFUSED[node.type] : undefined;
      if (refused) throw new FormulaError(dataMessages.formulaSyntaxRefused(refused));
      switch (node.type) {
        case "ConstantNode":
          if (typeof node.value !== "number") throw new FormulaError(dataMessages.formulaConstantNotNumber(node.value));
          return;
        case "ParenthesisNode":
        case "ConditionalNode":
          return;
        case "OperatorNode":
          if (!OPERATORS.has(String(node.fn))) throw new FormulaError(dataMessages.formulaOperatorRefused(node.op));
          return;
        case "FunctionNode": {
          const fn = node.fn as MathNode;
          if (fn.type !== "SymbolNode" || !FUNCTIONS.has(fn.name!))
            throw new FormulaError(dataMessages.formulaFunctionRefused(fn.type === "SymbolNode" ? fn.name : undefined, FORMULA_FUNCTIONS));
          return;
        }
        case "SymbolNode": {
          const name = node.name!;
          if (parent?.type === "FunctionNode" && path === "fn") return; // the function name, checked above
          if (CONSTANTS.has(name)) return;
          if (!IDENTIFIER.test(name)) throw new FormulaError(dataMessages.formulaNotPlainName(name));
          if (name in namespace || name.startsWith("__"))
            throw new FormulaError(dataMessages.formulaMathjsName(name));
          if (!variables.includes(name)) variables.push(name);
          return;
        }
        default:
          throw new FormulaError(dataMessages.formulaNodeRefused(node.type));
      }
    });
    const code = root.compile();
    return {
      variables,
      evaluate(scope) {
        let value: unknown;
        try {
          value = code.evaluate(new Map(scope));
        } catch (error) {
          throw new FormulaError((error as Error).message);
        }
        if (typeof value === "boolean") return value ? 1 : 0;
        if (typeof value !== "number") throw new FormulaError(dataMessages.formulaResultNotNumber());
        return value;
      },
    };
  };
}

/**
 * The nesting depth of a syntax tree, measured without recursion: the parentheses, signs, operators, calls and
 * conditions around its deepest number or name, which is no level itself (`x` is 0 levels, `((x))` 2, `- - x` 2,
 * `abs(abs(x))` 2). A chain of operators of one precedence (`a + b - c + ...`, `a * b / c mod d`, `a and b and c`),
 * parsed as a loop into a left-leaning tree, is one level however long, as a person reads it. Compiling and evaluating
 * recurse once per term of such a chain too, but `MAX_LENGTH` holds a chain to 1,000 terms (`a+a-a...`, two characters
 * a term), which is about half of what overflows the call stack (measured at the top of Node 20's default stack:
 * mathjs compiles a chain of 1,990 terms, not one of 2,000).
 */
function nestingDepth(root: MathNode): number {
  let deepest = 0;
  const stack: [MathNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    node.forEach((child, path) => {
      const chained =
        node.type === "OperatorNode" && child.type === "OperatorNode" && precedenceOf(child) === precedenceOf(node) && path === "args[0]" && child.args?.length === 2;
      stack.push([child, chained ? depth : depth + 1]);
    });
  }
  return deepest;
}

/**
 * The operators mathjs parses in one loop, each group its own precedence: a left operand of the same group is the
 * chain going on (`a + b - c` is `(a + b) - c`), not a nesting. Any other operator is its own group.
 */
const PRECEDENCE: Record<string, string> = { add: "sum", subtract: "sum", multiply: "product", divide: "product", mod: "product" };
const precedenceOf = (node: MathNode) => PRECEDENCE[String(node.fn)] ?? String(node.fn);
