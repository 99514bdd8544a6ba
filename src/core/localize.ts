/**
 * Messages in Chinese at the terminal, English everywhere else.
 *
 * Every message is made in English by a function of a catalogue (`messages`, `dataMessages`, ...), and the English
 * text is what the tool records: in `manifest.json`, in `warnings` of the results, in logs as JSON. So the files of a
 * run are the same bytes whatever the language of the machine that made them. The terminal speaks Chinese on a Chinese
 * system, and a Chinese page (report.html, uncertainty.html: `--lang zh`) shows its warnings in Chinese; each translates
 * at the moment it prints: each catalogue function notes the text it made with its name and arguments (the last
 * `REMEMBERED_MESSAGES`), and `translateMessage` makes the same message again with the Chinese catalogue's function of
 * the same name (a message naming another catalogue's message, such as an unused option's reason, has that argument
 * translated too). A text that no catalogue made, or one changed after it was made, is printed as it is.
 *
 * The Chinese catalogues (`src/core/zh/`) are typed by the English ones (`Translation`), so each has every message
 * with the same arguments; the command line loads them only to print in Chinese or to write a page.
 */

/** A catalogue of messages: each a function of what it names, giving the English text. */
export type Catalogue = Record<string, unknown>;

type MessageFunction = (...args: never[]) => string;

/** The Chinese (or any other) counterpart of catalogue `T`: a function for each of its messages, with the same arguments. */
export type Translation<T extends Catalogue> = {
  [K in keyof T as T[K] extends MessageFunction ? K : never]: T[K] extends (...args: infer A) => string ? (...args: A) => string : never;
};

/** The catalogues of a language, by the names `catalogue` gave them. */
export type Translations = Readonly<Record<string, Readonly<Record<string, (...args: never[]) => string>>>>;

interface Made {
  readonly catalogue: string;
  readonly key: string;
  readonly args: readonly unknown[];
  /** Made by `joinMessages`: `args` are its parts, each translated on its own. */
  readonly joined?: true;
  /** The message reworded after it was made (`rememberAs`): the same rewording, applied to its translation. */
  readonly reword?: (text: string) => string;
}

/** The texts remembered at most; the oldest are forgotten first (a file with 100,000 bad rows makes as many messages). */
export const REMEMBERED_MESSAGES = 20_000;

const made = new Map<string, Made>();
let remembering = true;
/** The message functions `catalogue` made (a WeakSet: a property on each of some thousand functions costs more at start). */
const wrappedMessages = new WeakSet<object>();

/**
 * `english` with each message function wrapped so that, while `rememberMessages` is on, the text it makes is noted
 * with `name`, its key and its arguments. Other entries (constants) pass through; a function already wrapped by another
 * catalogue (a catalogue spread into this one) keeps its own name.
 */
export function catalogue<T extends Catalogue>(name: string, english: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(english)) {
    if (typeof entry !== "function" || wrappedMessages.has(entry)) {
      wrapped[key] = entry;
      continue;
    }
    const make = entry as (...args: unknown[]) => string;
    const message = (...args: unknown[]) => {
      const text = make(...args);
      if (remembering) remember(text, { catalogue: name, key, args });
      return text;
    };
    wrappedMessages.add(message);
    wrapped[key] = message;
  }
  return wrapped as T;
}

function remember(text: string, how: Made): void {
  if (made.has(text)) return;
  if (made.size >= REMEMBERED_MESSAGES) made.delete(made.keys().next().value as string);
  made.set(text, how);
}

/**
 * The messages `parts` as one text (a message and a clause another catalogue adds to it), which `translateMessage`
 * translates part by part.
 * @example joinMessages(messages.baseValueZero("A1", "U", 2017), messages.afterTreatment("winsorised", 0.5))
 */
export function joinMessages(...parts: readonly string[]): string {
  const text = parts.join("");
  if (remembering && parts.length > 1) remember(text, { catalogue: "", key: "", args: parts, joined: true });
  return text;
}

/**
 * Starts (or stops) noting the messages made, for `translateMessage`; stopping forgets those noted. On from the start:
 * the messages of a run are translated after it (a Chinese page's warnings), not only while a terminal prints.
 */
export function rememberMessages(on: boolean): void {
  remembering = on;
  if (!on) made.clear();
}

/**
 * Notes `text` as the message `original` (a catalogue's message reworded after it was made, as the library renames the
 * command line's flags in it), so that `translateMessage` gives `text` as it gives `original`; with `reword` (how
 * `text` was made of `original`), as it gives `original` reworded alike (a flag named in both languages by its
 * index.yaml key). Nothing when `original` is not a noted message.
 */
export function rememberAs(text: string, original: string, reword?: (text: string) => string): void {
  const how = made.get(original);
  if (remembering && how !== undefined) remember(text, reword === undefined ? how : { ...how, reword });
}

/** Forgets the messages noted so far (the command line, after each command), and keeps noting those made next. */
export function forgetMessages(): void {
  made.clear();
}

/**
 * `text` in the language of `translations` when a catalogue made it while messages were remembered and the language
 * has that message; otherwise `text` as it is. String arguments that are themselves remembered messages are
 * translated first (lists of them too).
 */
export function translateMessage(text: string, translations: Translations, depth = 0): string {
  const how = made.get(text);
  if (how === undefined) return text;
  if (how.reword !== undefined) {
    const translated = translateMade(how, text, translations, depth);
    return translated === text ? text : how.reword(translated);
  }
  return translateMade(how, text, translations, depth);
}

/** `text`, made as `how` says, in the language of `translations` (see `translateMessage`). */
function translateMade(how: Made, text: string, translations: Translations, depth: number): string {
  if (how.joined) return how.args.map((part) => translateMessage(part as string, translations, depth)).join("");
  const translate = translations[how.catalogue]?.[how.key] as ((...args: unknown[]) => string) | undefined;
  if (translate === undefined) return text;
  // A message given in a field of an object argument is translated too (`foreignRunFolder`'s reason `why.problem`, the
  // manifest's `is missing`): a plain object is copied with each field as `inner` makes it.
  const inner = (value: unknown): unknown =>
    depth >= 3
      ? value
      : typeof value === "string"
        ? translateMessage(value, translations, depth + 1)
        : Array.isArray(value)
          ? value.map(inner)
          : isPlainObject(value)
            ? Object.fromEntries(Object.entries(value).map(([key, field]) => [key, inner(field)]))
            : value;
  try {
    return translate(...how.args.map(inner));
  } catch {
    return text; // a translation that cannot take these arguments is a bug of its own; the English text still holds
  }
}

/** Whether `value` is an object of fields only (`{ kind, problem }`), not an array, a class's instance or a typed array. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
