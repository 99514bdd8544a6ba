/**
 * How a value given to the library is described in a message (`describeValue`): moved out of option-checks.ts, which
 * re-exports it, so that the message catalogue (check-messages.ts) may use it without importing the checks.
 */
import { counted, cutText, quote } from "./quote.js";

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
  const count = Array.isArray(value) ? `a list of ${counted(value.length, "item")}` : `an object of ${counted(Object.keys(value as object).length, "key")}`;
  return `${text} (${count})`;
}


/** Whether `value` is a Promise, or an object with a `then` method that `await` would wait for. */
export function isThenable(value: unknown): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** A value that is neither a text, a list nor a plain object, by its kind; `undefined` for a list or a plain object. */
export function describeKind(value: unknown): string | undefined {
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
  if (value instanceof Map) return `a Map of ${counted(value.size, "entry").replace(/entrys$/, "entries")}`;
  if (value instanceof Set) return `a Set of ${counted(value.size, "item")}`;
  if (value instanceof Date) return `a Date ${Number.isNaN(value.getTime()) ? "(invalid)" : value.toISOString()}`;
  if (value instanceof URL) return `a URL ${quote(value.href)}`;
  if (value instanceof RegExp) return `a RegExp ${cutText(String(value), PREVIEW_LIMIT)}`;
  if (value instanceof Error) return `an Error ${quote(value.message)}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length;
    const name = withArticle(value.constructor.name);
    return length === undefined ? `${name} of ${counted(value.byteLength, "byte")}` : `${name} of ${counted(length, "value")}`;
  }
  return undefined;
}

/**
 * A kind's name with the article it is read with: "an" before a vowel sound (`an Int32Array`, `an Error`), "a"
 * before a consonant sound, "U" as in "Uint" and "URL" among them (`a Uint8Array`, `a Float64Array`, `a DataView`).
 * @example withArticle("Int32Array") // => "an Int32Array"
 */
export function withArticle(name: string): string {
  return `${/^[aeio]/i.test(name) ? "an" : "a"} ${name}`;
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
