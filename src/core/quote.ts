/**
 * Quoting what a user wrote in a message: short enough to read, whatever the input. A 100 KB formula or value is
 * echoed by its first `ECHO_LIMIT` characters and a count of the rest.
 */

/** The most characters of one input a message echoes. */
export const ECHO_LIMIT = 200;

/** Whether the UTF-16 unit at `i` starts a surrogate pair. */
const startsPair = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
};

/** The first `limit` characters (code points) of `text` and the count of characters after them. */
function split(text: string, limit: number): { kept: string; more: number } {
  let end = 0;
  for (let count = 0; end < text.length && count < limit; count++) end += startsPair(text, end) ? 2 : 1;
  let more = 0;
  for (let i = end; i < text.length; i += startsPair(text, i) ? 2 : 1) more++;
  return { kept: text.slice(0, end), more };
}

/** The most items of one list a message names (a header of 16,384 columns is named by its first 20). */
export const LIST_LIMIT = 20;

/**
 * The first `LIST_LIMIT` of `items`, each cut after `ECHO_LIMIT` characters, joined by `separator`, then `more(count)`
 * for the rest: a message names a long list without echoing all of it.
 * @example listItems(["a", "b", "c"], ", ", (n) => `and ${n} more`, 2) // => "a, b, and 1 more"
 */
export function listItems(items: readonly string[], separator: string, more: (count: number) => string, limit = LIST_LIMIT): string {
  const named = items.slice(0, limit).map((item) => cutText(item)).join(separator);
  return items.length > limit ? `${named}${separator}${more(items.length - limit)}` : named;
}

/**
 * The choices a message lists, as they read: as they are when each is a word (letters and digits, with hyphens or
 * underscores inside: `min-max`, `utf-8`), else each quoted, so that a choice of punctuation stands out from the
 * list's own commas (`".", ","`, not `., ,`).
 * @example shownChoices([".", ","]) // => ['"."', '","']
 */
export const shownChoices = (choices: readonly string[]): string[] =>
  choices.every((choice) => /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u.test(choice)) ? [...choices] : choices.map(quote);

/** A count and its noun, with an s unless the count is 1: `1 group`, `2 groups`. */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const moreCharacters = (more: number) => `… (${more} more character${more === 1 ? "" : "s"})`;

/**
 * `text` cut after `limit` characters (code points, so a surrogate pair is never split), with `… (N more characters)`
 * after it; a text of at most `limit` characters as it is.
 * @example cutText("abcdef", 4) // => "abcd… (2 more characters)"
 */
export function cutText(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  const { kept, more } = split(text, limit);
  return more === 0 ? text : kept + moreCharacters(more);
}

/**
 * An input echoed in a message: in double quotes with JSON escapes (a control character shows as `\u001b`, and so does
 * a character that prints as nothing, such as the zero-width space `\u200b`), cut after `ECHO_LIMIT` characters with
 * the count of the rest after the closing quote.
 * @example quote("A\"B") // => "\"A\\\"B\""
 * @example quote("x".repeat(201)) // => "\"xx…x\"… (1 more character)"
 */
export function quote(value: string): string {
  if (value.length <= ECHO_LIMIT) return visible(JSON.stringify(value));
  const { kept, more } = split(value, ECHO_LIMIT);
  return more === 0 ? visible(JSON.stringify(value)) : visible(JSON.stringify(kept)) + moreCharacters(more);
}

/**
 * Characters that print as nothing (zero-width spaces and joiners, direction marks, the word joiner, a byte order mark
 * inside a text, the soft hyphen): pasted from a web page into a unit's name, they make two names that look the same.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/g;

/** A quoted text with its invisible characters written as JSON escapes (`\u200b`), so that a message shows them. */
const visible = (quoted: string) => quoted.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
