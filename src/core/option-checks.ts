/**
 * Checks of option values given to the library (`checkComputeOptions` in compute.ts, `checkWeightingOptions` in
 * weighting/derive.ts, and the facade's), the same rules the command line's parsers apply to its flags: a method name
 * from its list, a number in its range, a pair in its order. The command line never reaches them with a bad value; a
 * script in plain JavaScript, or options read from JSON, would otherwise compute with a misspelt method's fallback
 * (`outliers: "winsorize"` treated as another treatment) or an inverted scale.
 * Every problem is an `E_BAD_OPTION` issue naming the option (`column`), found all in one pass.
 */
import type { Issue } from "../errors.js";
import { checkMessages } from "./check-messages.js";
import { describeKind, isThenable } from "./describe-value.js";

export { describeValue, isThenable, PREVIEW_LIMIT } from "./describe-value.js";

/** The messages of the option checks (`checkMessages`, which the terminal translates), by their names here. */
export const optionMessages = {
  notAChoice: checkMessages.optionNotAChoice,
  notExpected: checkMessages.optionNotExpected,
  /** A number's option given as a text, a bigint or another kind of value: found what, and that a number was expected. */
  notANumber: checkMessages.optionNotANumber,
  emptyList: checkMessages.optionEmptyList,
  unknownOption: checkMessages.unknownOption,
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
    if (value !== undefined && typeof value !== "string") this.add(option, optionMessages.notExpected(option, value, checkMessages.expectedOption("text")));
    return this;
  }

  /** `value` is `true` or `false`. */
  boolean(option: string, value: unknown): this {
    if (value !== undefined && typeof value !== "boolean") this.add(option, optionMessages.notExpected(option, value, checkMessages.expectedOption("boolean")));
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
      if (rest > 0) this.add(option, checkMessages.optionMoreItems(option, rest, expected));
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
      if (!known.includes(key)) this.add(option === undefined ? key : `${option}.${key}`, this.unknownKeyMessage(key, option, known));
    return this;
  }

  /** The message of the unknown key `key` of `option` (`undefined`: a top-level one), `known` the keys it takes. */
  protected unknownKeyMessage(key: string, _option: string | undefined, known: readonly string[]): string {
    return optionMessages.unknownOption(key, known);
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
