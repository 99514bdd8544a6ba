/**
 * Checks of option values given to the library (`checkComputeOptions` in compute.ts, `checkWeightingOptions` in
 * weighting/derive.ts, and the facade's), the same rules the command line's parsers apply to its flags: a method name
 * from its list, a number in its range, a pair in its order. The command line never reaches them with a bad value; a
 * script in plain JavaScript, or options read from JSON, would otherwise compute with a misspelt method's fallback
 * (`outliers: "winsorize"` treated as another treatment) or an inverted scale.
 * Every problem is an `E_BAD_OPTION` issue naming the option (`column`), found all in one pass.
 */
import type { Issue } from "../errors.js";
import { cutText, quote } from "./quote.js";
import { didYouMean } from "./suggest.js";

/** The most characters of a list's or an object's preview in a message (`describeValue`). */
export const PREVIEW_LIMIT = 80;

/**
 * How a value given is described in a message: a text quoted (`"2018"`), a number as JavaScript writes it (`NaN`,
 * `Infinity`), a bigint with its `n` (`2018n`), a Promise as one (`a Promise`), a few kinds of object by their kind
 * (`a Map of 2 entries`, `a URL "file:///data/"`, `a Float64Array of 160 values`), and a list or a plain object as JSON
 * writes it, but with `NaN`, `Infinity`, `undefined` and bigints shown (JSON would write `null` or fail), cut after
 * `PREVIEW_LIMIT` characters with the count of its items or keys: `[1,2,3,…] (a list of 500 items)`.
 * @example describeValue({ low: Infinity, high: 100 }) // => '{"low":Infinity,"high":100}'
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (isThenable(value)) return "a Promise";
  const kind = describeKind(value);
  if (kind !== undefined) return kind;
  const budget = { left: PREVIEW_LIMIT, cut: false };
  const text = preview(value, budget, new Set());
  if (!budget.cut) return text;
  const count = Array.isArray(value) ? `a list of ${plural(value.length, "item")}` : `an object of ${plural(Object.keys(value as object).length, "key")}`;
  return `${text} (${count})`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Whether `value` is a Promise, or an object with a `then` method that `await` would wait for. */
export function isThenable(value: unknown): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** A value that is neither a text, a list nor a plain object, by its kind; `undefined` for a list or a plain object. */
function describeKind(value: unknown): string | undefined {
  switch (typeof value) {
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
    case "bigint":
      return `the bigint ${value}n`;
    case "symbol":
      return `the symbol ${value.description === undefined ? "Symbol()" : `Symbol(${value.description})`}`;
    case "function":
      return value.name ? `the function ${value.name}` : "a function";
  }
  if (value === null) return "null";
  if (value instanceof Map) return `a Map of ${plural(value.size, "entry").replace(/entrys$/, "entries")}`;
  if (value instanceof Set) return `a Set of ${plural(value.size, "item")}`;
  if (value instanceof Date) return `a Date ${Number.isNaN(value.getTime()) ? "(invalid)" : value.toISOString()}`;
  if (value instanceof URL) return `a URL ${quote(value.href)}`;
  if (value instanceof RegExp) return `a RegExp ${cutText(String(value), PREVIEW_LIMIT)}`;
  if (value instanceof Error) return `an Error ${quote(value.message)}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length;
    return length === undefined ? `a ${value.constructor.name} of ${plural(value.byteLength, "byte")}` : `a ${value.constructor.name} of ${plural(length, "value")}`;
  }
  return undefined;
}

/**
 * `value` as JSON writes it, with what JSON cannot write shown as JavaScript does (`NaN`, `Infinity`, `undefined`,
 * `2018n`), taking at most `budget.left` characters (then `…`, and `budget.cut` set).
 */
function preview(value: unknown, budget: { left: number; cut: boolean }, seen: Set<object>): string {
  const take = (text: string) => {
    if (budget.cut) return "";
    if (text.length > budget.left) {
      budget.cut = true;
      const kept = text.slice(0, Math.max(0, budget.left));
      budget.left = 0;
      return `${kept}…`;
    }
    budget.left -= text.length;
    return text;
  };
  if (typeof value === "string") return take(JSON.stringify(value));
  if (typeof value === "bigint") return take(`${value}n`);
  if (typeof value !== "object" || value === null) return take(typeof value === "function" ? "function" : String(value));
  if (isThenable(value)) return take("Promise");
  const kind = describeKind(value);
  if (kind !== undefined) return take(kind.replace(/^an? /, ""));
  if (seen.has(value)) return take("[circular]");
  seen.add(value);
  const list = Array.isArray(value);
  let out = take(list ? "[" : "{");
  const entries = list ? Array.from(value as unknown[], (item, i) => [String(i), item] as const) : Object.entries(value);
  for (let i = 0; i < entries.length && !budget.cut; i++) {
    const [key, item] = entries[i];
    out += take(i > 0 ? "," : "") + (list ? "" : take(`${JSON.stringify(key)}:`)) + preview(item, budget, seen);
  }
  seen.delete(value);
  return out + take(list ? "]" : "}");
}

export const optionMessages = {
  notAChoice: (option: string, found: unknown, choices: readonly string[]) =>
    `option ${option} is ${describeValue(found)}; expected one of: ${choices.join(", ")}${typeof found === "string" ? didYouMean(found, choices) : ""}`,
  notExpected: (option: string, found: unknown, expected: string) =>
    isThenable(found) ? `option ${option} is a Promise: did you forget await? expected ${expected}` : `option ${option} is ${describeValue(found)}; expected ${expected}`,
  /** A number's option given as a text, a bigint or another kind of value: found what, and that a number was expected. */
  notANumber: (option: string, found: unknown, expected: string) =>
    typeof found === "string" || typeof found === "bigint"
      ? `option ${option} is ${typeof found === "string" ? `the text ${quote(found)}` : `the bigint ${found}n`}, not a number; expected ${expected}`
      : optionMessages.notExpected(option, found, expected),
  emptyList: (option: string, expected: string) => `option ${option} is an empty list; expected ${expected}`,
  unknownOption: (option: string, known: readonly string[]) => `unknown option ${quote(option)}; expected one of: ${known.join(", ")}${didYouMean(option, known)}`,
};

/** The most items of one list named in issues of their own by `OptionChecks.list`. */
export const LISTED_ITEMS = 5;

/** Collects `E_BAD_OPTION` issues; each check passes for `undefined` (an option not given). */
export class OptionChecks {
  readonly issues: Issue[] = [];

  /** An issue of `option` found by the caller (none for an empty `message`). */
  fail(option: string, message: string): this {
    if (message !== "") this.add(option, message);
    return this;
  }

  private add(option: string, message: string): void {
    this.issues.push({ code: "E_BAD_OPTION", message, column: option });
  }

  /** `value` is one of `choices`. */
  choice(option: string, value: unknown, choices: readonly string[]): this {
    if (value !== undefined && !(typeof value === "string" && choices.includes(value))) this.add(option, optionMessages.notAChoice(option, value, choices));
    return this;
  }

  /** `value` is a finite number for which `test` holds (`expected` says what that is). */
  number(option: string, value: unknown, expected: string, test: (value: number) => boolean = () => true): this {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && test(value))) this.add(option, optionMessages.notANumber(option, value, expected));
    return this;
  }

  /** `value` is a text. */
  text(option: string, value: unknown): this {
    if (value !== undefined && typeof value !== "string") this.add(option, optionMessages.notExpected(option, value, "a text"));
    return this;
  }

  /** `value` is `true` or `false`. */
  boolean(option: string, value: unknown): this {
    if (value !== undefined && typeof value !== "boolean") this.add(option, optionMessages.notExpected(option, value, "true or false"));
    return this;
  }

  /**
   * `value` is an array whose every item passes `test`. With `item` (what one item should be), each item that fails is
   * its own issue (`years[0]`), the first `LISTED_ITEMS` of them, then one counting the rest; `number` says the items
   * are numbers (an item given as a text is named as one). With `nonEmpty`, an empty list is refused.
   */
  list(option: string, value: unknown, test: (item: unknown) => boolean, expected: string, items: { item?: string; number?: boolean; nonEmpty?: boolean } = {}): this {
    if (value === undefined) return this;
    if (!Array.isArray(value)) {
      this.add(option, optionMessages.notExpected(option, value, expected));
      return this;
    }
    // Array.from visits the holes of a sparse array (`[, "a"]`), which `every` would skip.
    const all = Array.from(value);
    const bad = all.flatMap((item, i) => (test(item) ? [] : [i]));
    if (bad.length > 0 && items.item === undefined) this.add(option, optionMessages.notExpected(option, value, expected));
    else if (bad.length > 0) {
      const message = items.number ? optionMessages.notANumber : optionMessages.notExpected;
      for (const i of bad.slice(0, LISTED_ITEMS)) this.add(`${option}[${i}]`, message(`${option}[${i}]`, all[i], items.item!));
      const rest = bad.length - LISTED_ITEMS;
      if (rest > 0) this.add(option, `option ${option} has ${rest} more item${rest === 1 ? "" : "s"} like ${rest === 1 ? "that" : "those"}; expected ${expected}`);
    } else if (items.nonEmpty && all.length === 0) this.add(option, optionMessages.emptyList(option, expected));
    return this;
  }

  /** `value` is an object of two finite numbers named `names` for which `test` holds, and nothing else. */
  pair(option: string, value: unknown, names: readonly [string, string], expected: string, test: (first: number, second: number) => boolean): this {
    if (value === undefined) return this;
    const pair = value as Record<string, unknown> | null;
    const [first, second] = names.map((name) => (typeof pair === "object" && pair !== null ? pair[name] : undefined));
    const numbers = typeof first === "number" && typeof second === "number" && Number.isFinite(first) && Number.isFinite(second);
    if (!numbers || !test(first, second)) this.add(option, optionMessages.notExpected(option, value, expected));
    else this.keys(option, value, names);
    return this;
  }

  /** `value` is given (not `undefined`); `expected` says what it should be. */
  required(option: string, value: unknown, expected: string): this {
    if (value === undefined) this.add(option, optionMessages.notExpected(option, value, expected));
    return this;
  }

  /**
   * `value` is an object (not `null`, not an array), if given; `expected` says which. A Map, a Set, a Date, a URL, a
   * typed array or a Promise is not one: its keys are not what it holds (a Map's entries would be read as no option).
   */
  object(option: string, value: unknown, expected: string): this {
    if (value !== undefined && !isOptionsObject(value)) this.add(option, optionMessages.notExpected(option, value, expected));
    return this;
  }

  /** `value` is a plain object whose keys are all in `known` (a misspelt key would be left unused without a word). */
  keys(option: string | undefined, value: unknown, known: readonly string[]): this {
    if (value === undefined || value === null || typeof value !== "object") return this;
    for (const key of Object.keys(value))
      if (!known.includes(key)) this.add(option === undefined ? key : `${option}.${key}`, optionMessages.unknownOption(key, known));
    return this;
  }
}

/**
 * Whether `value` is an object whose keys are what it holds, as options are: an object (`isObject`) that is not a
 * Map, a Set, a Date, a URL, a typed array or a Promise.
 */
export function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return isObject(value) && describeKind(value) === undefined && !isThenable(value);
}

/** Whether `value` is an object, not `null` and not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
