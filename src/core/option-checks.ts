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

/** How a value given is described in a message: a text quoted, anything else as JSON would write it. */
function shown(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return String(value);
  if (value === null || typeof value !== "object") return String(value);
  try {
    return cutText(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

export const optionMessages = {
  notAChoice: (option: string, found: unknown, choices: readonly string[]) =>
    `option ${option} is ${shown(found)}; expected one of: ${choices.join(", ")}${typeof found === "string" ? didYouMean(found, choices) : ""}`,
  notExpected: (option: string, found: unknown, expected: string) => `option ${option} is ${shown(found)}; expected ${expected}`,
  unknownOption: (option: string, known: readonly string[]) => `unknown option ${quote(option)}; expected one of: ${known.join(", ")}${didYouMean(option, known)}`,
};

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
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && test(value))) this.add(option, optionMessages.notExpected(option, value, expected));
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

  /** `value` is an array whose every item passes `test`. */
  list(option: string, value: unknown, test: (item: unknown) => boolean, expected: string): this {
    // Array.from visits the holes of a sparse array (`[, "a"]`), which `every` would skip.
    if (value !== undefined && !(Array.isArray(value) && Array.from(value).every((item) => test(item)))) this.add(option, optionMessages.notExpected(option, value, expected));
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

  /** `value` is an object (not `null`, not an array), if given; `expected` says which. */
  object(option: string, value: unknown, expected: string): this {
    if (value !== undefined && !isObject(value)) this.add(option, optionMessages.notExpected(option, value, expected));
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

/** Whether `value` is an object, not `null` and not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
