/**
 * Text made safe to print on a terminal: the control characters a terminal would act on, shown as escapes. Used by the
 * tables and messages the commands print, and by the standard output itself when it is a terminal (env.ts).
 */
import { cutText } from "../core/quote.js";

/**
 * Characters a terminal would act on instead of showing: C0 controls (escape, bell, backspace, carriage return, ...),
 * DEL, C1 controls (U+0080 to U+009F, which some terminals read as escape sequences) and the bidirectional overrides
 * and isolates (U+202A to U+202E, U+2066 to U+2069) that reorder what is shown. Newlines and tabs are kept in
 * messages, not in table cells.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const CELL_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A control character made visible: `\x1b`, `\u202e`. */
const visible = (character: string) => {
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/**
 * Text safe to print on a terminal: every control character (see `CONTROL`) shown as an escape such as `\x1b`, so
 * a unit name holding `\x1b[2J` or `\x1b]0;title\x07` cannot clear the screen or retitle the window. Newlines and tabs
 * are kept unless `cell` (a table cell, where they would break the layout); a cell is also cut after `ECHO_LIMIT`
 * characters (`cutText`), as a message cuts what it quotes. Only what is printed goes through here; files keep their text.
 * @example printable("A\u001b[2J") // => "A\\x1b[2J"
 */
export function printable(text: string, cell = false): string {
  return cell ? cutText(text).replace(CELL_CONTROL, visible) : text.replace(CONTROL, visible);
}
