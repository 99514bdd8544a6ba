/**
 * Why a YAML syntax error is one, in words, for `yamlSyntaxProblems` (yaml-guards.ts), which gives it with its line and
 * column: for each error code of the `yaml` parser that a file can raise, a reason of the tool's (`yamlMessages`, and
 * `readerMessages`' key written twice, tab and item out of line), chosen by the code and, where a code covers several
 * mistakes (MISSING_CHAR: a quote, a comma, a bracket, a "- "...), by the parser's text. A code the tool does not know
 * keeps the parser's text and code (`yamlSyntaxOther`): NON_STRING_KEY (raised only with the parser's `stringKeys`,
 * which the tool does not set), IMPOSSIBLE (the parser's own bug), and any code a later parser adds. BAD_COLLECTION_TYPE
 * is only ever a warning, not an error, and RESOURCE_EXHAUSTION a file too deep (`isTooDeep`), reported as such.
 */
import { isCollection, isScalar, visit, type Document, type ErrorCode, type LineCounter, type YAMLError } from "yaml";
import { parseYaml } from "./yaml-parse.js";
import type { YamlContent } from "../../core/limit-messages.js";
import { readerMessages } from "../../core/reader-messages.js";
import { yamlMessages, type FlowClose } from "../../core/yaml-messages.js";

/**
 * How far after the start of a key its ":" may come: 1024 characters, YAML's limit for a key written without `?`
 * (KEY_OVER_1024_CHARS).
 */
export const YAML_KEY_LIMIT = 1024;

/** The closing bracket of the list (`]`, "flow sequence") or map (`}`, "flow map") a parser's text names. */
const closeOf = (message: string): FlowClose => (/flow map/i.test(message) ? "}" : "]");

/** The first group of `pattern` in `message`, else `undefined`. */
const groupOf = (pattern: RegExp, message: string): string | undefined => pattern.exec(message)?.[1];

/** The reason of each code the tool words, from the parser's error (its text tells the mistakes of one code apart). */
const REASONS: Readonly<Partial<Record<ErrorCode, (message: string) => string>>> = {
  ALIAS_PROPS: () => yamlMessages.aliasWithProperties(),
  // "Anchor cannot be an empty string", "Alias cannot be an empty string".
  BAD_ALIAS: (message) => yamlMessages.emptyAnchor(/^Anchor/.test(message) ? "&" : "*"),
  BAD_DIRECTIVE: () => yamlMessages.badDirective(),
  // "Invalid escape sequence \q".
  BAD_DQ_ESCAPE: (message) => yamlMessages.badEscape(groupOf(/sequence (\S+)$/, message)),
  BAD_INDENT: (message) =>
    /must start at the same column/.test(message)
      ? readerMessages.yamlBadIndent()
      : /^Flow (?:sequence|map) in block collection/.test(message)
        ? yamlMessages.flowIndent(closeOf(message))
        : yamlMessages.indentation(),
  // "Anchors and tags must be after the ? indicator".
  BAD_PROP_ORDER: (message) => yamlMessages.propertyOrder(groupOf(/after the (\S+) indicator/, message)),
  // "Plain value cannot start with reserved character @" (or "... block scalar indicator |", "... a tab character").
  BAD_SCALAR_START: (message) => yamlMessages.scalarStart(/a tab character$/.test(message) ? "\t" : groupOf(/(?:character|indicator) (\S)$/, message)),
  BLOCK_AS_IMPLICIT_KEY: (message) => (/^Nested mappings/.test(message) ? yamlMessages.compactMap() : yamlMessages.blockAsKey()),
  BLOCK_IN_FLOW: () => yamlMessages.blockInFlow(),
  // A key written twice that `duplicateKeyAt` could not name (it names the others).
  DUPLICATE_KEY: () => yamlMessages.duplicateKey(),
  KEY_OVER_1024_CHARS: () => yamlMessages.longKey(YAML_KEY_LIMIT),
  MISSING_CHAR: (message) => {
    const quote = groupOf(/^Missing closing (["'])quote/, message);
    if (quote !== undefined) return yamlMessages.unclosedQuote(quote === '"');
    if (/^Missing , (?:or : )?between flow/.test(message)) return yamlMessages.missingComma(closeOf(message));
    if (/^Flow (?:sequence|map) must end with/.test(message)) return yamlMessages.unclosedFlow(closeOf(message));
    if (/^Implicit map keys need to be followed by map values/.test(message)) return yamlMessages.keyWithoutValue();
    if (/^Sequence item without - indicator/.test(message)) return yamlMessages.itemWithoutDash();
    if (/^Comments must be separated/.test(message)) return yamlMessages.commentSpace();
    if (/^Tags and anchors must be separated|^Missing newline after block sequence props/.test(message)) return yamlMessages.propertySpacing();
    if (/^Missing directives-end/.test(message)) return yamlMessages.directivesEnd();
    if (/^Block scalars with more-indented leading empty lines/.test(message)) return yamlMessages.blockTextLeadingLines();
    if (/^Block collection cannot start on same line with directives-end/.test(message)) return yamlMessages.collectionOnDocumentStart();
    return yamlMessages.missingCharacter();
  },
  // "Implicit keys need to be on a single line", "Implicit keys of flow sequence pairs need to be on a single line".
  MULTILINE_IMPLICIT_KEY: (message) => yamlMessages.multilineKey(/flow sequence/.test(message)),
  MULTIPLE_ANCHORS: () => yamlMessages.twoProperties("anchor"),
  MULTIPLE_TAGS: () => yamlMessages.twoProperties("tag"),
  MULTIPLE_DOCS: () => yamlMessages.severalDocuments(),
  // "Could not resolve tag: !x!y" (an unresolved tag of the core schema, `!!int x`, is only a warning).
  TAG_RESOLVE_FAILED: (message) => yamlMessages.unknownTag(groupOf(/^Could not resolve tag: (\S+)$/, message)),
  UNEXPECTED_TOKEN: (message) => {
    if (/^Unexpected (?:,|empty item) in flow/.test(message)) return yamlMessages.emptyItem(closeOf(message));
    if (/^Unexpected block-seq-ind on same line with key/.test(message)) return yamlMessages.listOnKeyLine();
    if (/ at node end$/.test(message)) return yamlMessages.textAfterValue();
    // "Unexpected flow-seq-end token in YAML stream: "]"": the text found, as JSON.
    const stray = groupOf(/token in YAML (?:stream|document): ("(?:[^"\\]|\\.)*")$/, message);
    if (stray !== undefined) return yamlMessages.stray(JSON.parse(stray) as string);
    const header = groupOf(/^Block scalar header includes extra characters: (.+)$/, message);
    if (header !== undefined) return yamlMessages.blockHeader(header);
    return yamlMessages.unexpectedText();
  },
};

/** A YAML syntax error in the tool's words: where the mistake is (an offset of the text) and why; `tab` when it is a tab in a line's indent, at the tab. */
export interface YamlMistake {
  offset: number;
  reason: string;
  tab?: true;
}

/** Why `error` (of `document`, parsed from `text`) is an error, in words (`yamlMistake`'s reason). */
export function yamlReason(error: YAMLError, document: Document, text: string, lineCounter: LineCounter, content: YamlContent): string {
  return yamlMistake(error, document, text, lineCounter, content).reason;
}

/**
 * Where the mistake that `error` (of `document`, parsed from `text`) reports is, and why, in words: a key written twice
 * named with the line it first appears on; a tab in the indentation of the error's line, or of the line before when the
 * error is at its line's indentation, whichever error the parser makes of it (a tab before a key of a list item's map is
 * a key out of line, and the next item a list used as a key), at the tab, unless the line is wrong whatever the tab
 * stands for (`wrongWhateverTheTab`); a "key: value" indented further than the key above it, which has a value (the
 * parser sees "a: b: c" across the two lines, or, after a value in quotes or brackets, a key out of line), at that
 * line; a "- " item out of line
 * with its list, or among the keys of a map, at its "-"; a quote, `[` or `{` not closed, at the opening one (the parser
 * finds it where the value ends, often the end of the file); else where the parser found it, with the reason of its
 * code (`REASONS`), or the parser's own text (its first line) and code. `content` is what the file holds, for what is
 * expected.
 */
export function yamlMistake(error: YAMLError, document: Document, text: string, lineCounter: LineCounter, content: YamlContent): YamlMistake {
  const offset = error.pos[0];
  if (error.code === "DUPLICATE_KEY") {
    const twice = duplicateKeyAt(document, text, offset);
    if (twice !== undefined) {
      return { offset, reason: readerMessages.yamlDuplicateKey(twice.key, twice.first === undefined ? undefined : lineCounter.linePos(twice.first).line) };
    }
  }
  const tab = tabBefore(text, offset);
  if (error.code === "TAB_AS_INDENT" || (tab !== undefined && !wrongWhateverTheTab(text, tab, offset))) {
    return { offset: tab ?? offset, reason: readerMessages.yamlTabIndent(), tab: true };
  }
  const message = error.message.split("\n")[0].trim();
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") {
    const placed = /^Nested mappings/.test(message) ? keyIndentedUnderValue(text, offset) : itemOutOfPlace(text, offset);
    if (placed !== undefined) return placed;
  }
  if (error.code === "BAD_INDENT" && /must start at the same column/.test(message)) {
    const placed = keyIndentedUnderClosedValue(text, offset);
    if (placed !== undefined) return placed;
  }
  const quoteMark = error.code === "MISSING_CHAR" ? groupOf(/^Missing closing (["'])quote/, message) : undefined;
  if (quoteMark !== undefined) return { offset: openingQuote(document, offset) ?? offset, reason: yamlMessages.unclosedQuote(quoteMark === '"') };
  if (/^Flow (?:sequence|map) (?:must end|in block collection must be sufficiently indented and end) with/.test(message)) {
    const opening = openingBracket(document, text, offset, closeOf(message));
    if (opening !== undefined) return { offset: opening, reason: yamlMessages.unclosedFlow(closeOf(message)) };
  }
  const reason = REASONS[error.code];
  return { offset, reason: reason ? reason(message) : readerMessages.yamlSyntaxOther(message, error.code, content) };
}

/** A line of a text: where it starts and ends (before its line break), its indent (spaces and tabs) and its spaces before the first other character. */
interface TextLine {
  number: number;
  start: number;
  end: number;
  indentEnd: number;
  spaces: number;
  content: string;
}

/** The lines of the last text split (`linesOf`): a file with many errors is split once. */
let splitText: { text: string; lines: TextLine[] } | undefined;

/** The lines of `text` (line breaks "\n", "\r\n"). */
function linesOf(text: string): TextLine[] {
  if (splitText?.text === text) return splitText.lines;
  const lines: TextLine[] = [];
  for (let start = 0, number = 1; start <= text.length; number++) {
    const newline = text.indexOf("\n", start);
    const next = newline < 0 ? text.length + 1 : newline + 1;
    const end = newline < 0 ? text.length : newline > start && text[newline - 1] === "\r" ? newline - 1 : newline;
    const row = text.slice(start, end);
    const indent = /^[ \t]*/.exec(row)?.[0] ?? "";
    lines.push({ number, start, end, indentEnd: start + indent.length, spaces: /^ */.exec(row)?.[0].length ?? 0, content: row.slice(indent.length) });
    start = next;
  }
  splitText = { text, lines };
  return lines;
}

/** The index in `lines` of the line holding `offset` (an offset past the end is on the last line). */
function lineIndexAt(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lines[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Whether a line holds nothing YAML reads: blank, or a comment. */
const isBlank = (line: TextLine) => line.content === "" || line.content.startsWith("#");
/** Whether a line is a "- " item of a block list. */
const isItem = (line: TextLine) => /^-(?:[ \t]|$)/.test(line.content);
/** The key of a "key: value" (or "key:") line, unquoted; `undefined` for another line. */
function keyOf(line: TextLine): string | undefined {
  if (isItem(line)) return undefined;
  const key = /^("[^"]*"|'[^']*'|[^\s#"'][^#]*?)[ \t]*:(?:[ \t]|$)/.exec(line.content)?.[1];
  return key !== undefined && /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** The offset of the first tab in a line's indent, if the line holds more than its indent. */
function tabInIndent(text: string, line: TextLine): number | undefined {
  const at = text.slice(line.start, line.indentEnd).indexOf("\t");
  return at < 0 || isBlank(line) ? undefined : line.start + at;
}

/**
 * The tab that an error at `offset` comes from: one in the indent of its line, when the error is at that indent (not
 * further in the line), else one in the indent of the line before (blank lines and comments aside), whose key the tab
 * put out of line so that this line, in line with its own items, no longer is.
 */
function tabBefore(text: string, offset: number): number | undefined {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  if (offset > lines[index].indentEnd) return undefined;
  const own = tabInIndent(text, lines[index]);
  if (own !== undefined) return own;
  for (let above = index - 1; above >= 0; above--) if (!isBlank(lines[above])) return tabInIndent(text, lines[above]);
  return undefined;
}

/** The columns where a line's nodes start: its indent, and after each "- " that starts it (`  - - a`: 2, 4 and 6). */
function columnsOf(line: TextLine): number[] {
  const columns = [line.spaces];
  for (const marker of /^(?:-[ \t]+)*/.exec(line.content)?.[0].match(/-[ \t]+/g) ?? []) columns.push(columns[columns.length - 1] + marker.length);
  return columns;
}

/** The most indents `wrongWhateverTheTab` tries for a tab-indented line (each a parse of the text around it). */
const TAB_INDENTS_TRIED = 24;

/**
 * The most characters `wrongWhateverTheTab` and `tabWrittenAsSpaces` parse again for one text, all their questions
 * together (the texts `tabWrittenAsSpaces` writes share what is left of it): well under a second of the parser's (1 to
 * 3 s per MB), however many tab-indented lines the file has. Past it, an error is the tab's, and the rest of the file
 * after a tab that makes it stray tokens is not parsed again.
 */
const TAB_PARSE_BUDGET = 250_000;

/** The answers of `wrongWhateverTheTab` for the last text (by the tab's line and the error's: the parser's several errors on one line ask the same question), and its budget left. */
let tabChecks: { text: string; left: number; answers: Map<string, boolean> } | undefined;

/** The answers and budget left of `text` (`tabChecks`), new (a whole `TAB_PARSE_BUDGET`) for a text other than the last. */
function tabChecksOf(text: string): { text: string; left: number; answers: Map<string, boolean> } {
  if (tabChecks?.text !== text) tabChecks = { text, left: TAB_PARSE_BUDGET, answers: new Map() };
  return tabChecks;
}

/**
 * `text` with the indent of the line of the tab at `tab` written as spaces: as many as put the line in line with the
 * keys of the line above it (blank lines and comments aside), at the last of its columns (`columnsOf`: after its "- ",
 * for a "- key: value" item), or at column 1 when no line is above it. For the errors after a tab that the parser makes
 * the rest of the file stray tokens of (a tab before a key of a "- " item at column 1): the text written so is parsed
 * again for the mistakes of the lines below, on the same lines and columns as in `text`, as only the tab's line changes.
 * That parse (the length of the text written) is charged to `text`'s `TAB_PARSE_BUDGET`, and what is left of it goes to
 * the text written, whose own tabs are checked with it; `undefined` when not that much is left.
 */
export function tabWrittenAsSpaces(text: string, tab: number): string | undefined {
  const checks = tabChecksOf(text);
  const lines = linesOf(text);
  const index = lineIndexAt(lines, tab);
  const line = lines[index];
  let indent = 0;
  for (let above = index - 1; above >= 0; above--) {
    if (isBlank(lines[above])) continue;
    indent = columnsOf(lines[above]).at(-1) ?? 0;
    break;
  }
  const written = text.slice(0, line.start) + " ".repeat(indent) + text.slice(line.indentEnd);
  if (written.length > checks.left) return undefined;
  tabChecks = { text: written, left: checks.left - written.length, answers: new Map() };
  return written;
}

/**
 * Whether the line of `offset`, below the line whose indent holds the tab at `tab`, is wrong whatever indent the tab
 * stands for: it has an error of its own, not one the tab made of it (`tabBefore`), and is reported as such. The text
 * from the line above the tab's that holds both (the nearest indented less than the spaces before the tab and than the
 * error's line, or at column 0) to the end of the error's line is parsed again with the tab's indent written as spaces,
 * for each indent that puts the tab's line at another place among the lines above it still open (at the column of
 * each, or just past it: `columnsOf`), nearest the line above it first, and none shorter than the spaces before the tab
 * (a tab stands for one column or more, or is taken out); the line is wrong when none of them parses without an error
 * on it. When one does, or none is found among the first `TAB_INDENTS_TRIED` or within `TAB_PARSE_BUDGET`, the error
 * is the tab's.
 */
function wrongWhateverTheTab(text: string, tab: number, offset: number): boolean {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  const tabIndex = lineIndexAt(lines, tab);
  if (tabIndex === index) return false;
  const checks = tabChecksOf(text);
  const question = `${tabIndex}:${index}`;
  const known = checks.answers.get(question);
  if (known !== undefined) return known;
  const tabLine = lines[tabIndex];
  const line = lines[index];
  // The lines still open above the tab's, each indented less than those after it, nearest first.
  const columns: number[] = [];
  let least = Infinity;
  let from = 0;
  for (let above = tabIndex - 1; above >= 0; above--) {
    const row = lines[above];
    if (isBlank(row) || row.indentEnd !== row.start + row.spaces || row.spaces >= least) continue;
    columns.push(...columnsOf(row).reverse());
    least = row.spaces;
    from = above;
    if (row.spaces < Math.min(tabLine.spaces, line.spaces) || row.spaces === 0) break;
  }
  columns.push(...columnsOf(line));
  const inner = columnsOf({ ...tabLine, spaces: 0 });
  const indents = [...new Set(columns.flatMap((column) => inner.flatMap((shift) => [column - shift, column - shift + 1])).concat(tabLine.spaces))].filter(
    (indent) => indent >= tabLine.spaces,
  );
  let wrong = indents.length <= TAB_INDENTS_TRIED;
  for (const indent of indents.slice(0, TAB_INDENTS_TRIED)) {
    const before = text.slice(lines[from].start, tabLine.start) + " ".repeat(indent);
    const start = before.length + (line.start - tabLine.indentEnd);
    const window = before + text.slice(tabLine.indentEnd, line.end) + "\n";
    if (window.length > checks.left) {
      wrong = false;
      break;
    }
    checks.left -= window.length;
    const onLine = parseYaml(window).errors.some((error) => error.pos[0] >= start && error.pos[0] <= start + line.end - line.start);
    if (!onLine) {
      wrong = false;
      break;
    }
  }
  checks.answers.set(question, wrong);
  return wrong;
}

/**
 * "Nested mappings are not allowed in compact mappings" at `offset`, the value of a key, when that line holds no second
 * ":" (no "a: b: c") and the next "key: value" line below it is indented further than its key: that line is read as
 * the rest of the value, a key over two lines. The mistake is that line's indent (`indentedUnderValue`), at its key.
 */
function keyIndentedUnderValue(text: string, offset: number): YamlMistake | undefined {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  const line = lines[index];
  if (/:(?:[ \t]|$)/.test(text.slice(offset, line.end))) return undefined;
  const written = /^( *(?:- +)*)("[^"]*"|'[^']*'|[^\s#"'-][^#]*?|-[^\s#][^#]*?)[ \t]*:[ \t]+$/.exec(text.slice(line.start, offset));
  if (written === null) return undefined;
  const indent = written[1].length;
  const key = /^["']/.test(written[2]) ? written[2].slice(1, -1) : written[2];
  for (let below = index + 1; below < lines.length; below++) {
    const next = lines[below];
    if (isBlank(next)) continue;
    // Only a line indented by spaces further than the key is read into its value (a tab is the tab's error).
    if (next.indentEnd !== next.start + next.spaces || next.spaces <= indent) return undefined;
    if (keyOf(next) !== undefined) return { offset: next.indentEnd, reason: yamlMessages.indentedUnderValue(key, line.number, indent) };
  }
  return undefined;
}

/**
 * A "key: value" line whose value is closed on the line: a text in quotes or a list or map in brackets (after an anchor
 * or tag, and before a comment, if any). Its groups: the indent with any "- " before the key, and the key as written.
 */
const CLOSED_VALUE_LINE =
  /^( *(?:- +)*)("[^"]*"|'[^']*'|[^\s#"'-][^#]*?|-[^\s#][^#]*?)[ \t]*:[ \t]+(?:[!&]\S*[ \t]+)*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|\[.*\]|\{.*\})(?:[ \t]+#.*)?[ \t]*$/;

/**
 * "All mapping items must start at the same column" at `offset`, the start of a line of "key: value" lines indented by
 * spaces further than the key above them, whose value is closed on its line (`CLOSED_VALUE_LINE`): the parser cannot
 * read them into that value, as it does after a plain value (`keyIndentedUnderValue`), and finds a key out of line at
 * each. The mistake is the same: the indent of the first of them (`indentedUnderValue`), at its key; a line after it
 * indented as far (or further) is the same mistake, not one of its own.
 */
function keyIndentedUnderClosedValue(text: string, offset: number): YamlMistake | undefined {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  const line = lines[index];
  if (offset > line.indentEnd || line.indentEnd !== line.start + line.spaces || keyOf(line) === undefined) return undefined;
  let first = line;
  for (let above = index - 1; above >= 0; above--) {
    const row = lines[above];
    if (isBlank(row)) continue;
    // A tab in the indent above is the tab's error (`tabBefore`).
    if (row.indentEnd !== row.start + row.spaces) return undefined;
    if (row.spaces > line.spaces) continue;
    if (row.spaces === line.spaces) {
      first = row;
      continue;
    }
    const written = CLOSED_VALUE_LINE.exec(text.slice(row.start, row.end));
    if (written === null || written[1].length >= line.spaces) return undefined;
    const key = /^["']/.test(written[2]) ? written[2].slice(1, -1) : written[2];
    return { offset: first.indentEnd, reason: yamlMessages.indentedUnderValue(key, row.number, written[1].length) };
  }
  return undefined;
}

/**
 * "A block sequence may not be used as an implicit map key" at `offset`, a line that starts with "- ": the item is out of
 * line with its list (the least indented of the lines above it indented further than it, up to one indented no further,
 * is a "- " item: `itemOutOfLine`, with that item's indent), or stands among the keys of a map (the line above it
 * indented as far, or that least indented line, is a "key: value": `itemAmongKeys`). At the "-".
 */
function itemOutOfPlace(text: string, offset: number): YamlMistake | undefined {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  const line = lines[index];
  if (!isItem(line) || line.indentEnd !== line.start + line.spaces) return undefined;
  let deeper: TextLine | undefined;
  let parent: TextLine | undefined;
  for (let above = index - 1; above >= 0 && parent === undefined; above--) {
    const row = lines[above];
    if (isBlank(row)) continue;
    if (row.spaces <= line.spaces) parent = row;
    // The nearest of the least indented: the items of the list this item is out of line with.
    else if (deeper === undefined || row.spaces < deeper.spaces) deeper = row;
  }
  if (deeper !== undefined && isItem(deeper)) return { offset: line.indentEnd, reason: yamlMessages.itemOutOfLine(deeper.number, deeper.spaces) };
  for (const keyLine of [parent?.spaces === line.spaces ? parent : undefined, deeper]) {
    const key = keyLine === undefined ? undefined : keyOf(keyLine);
    if (keyLine !== undefined && key !== undefined) return { offset: line.indentEnd, reason: yamlMessages.itemAmongKeys(key, keyLine.number) };
  }
  return undefined;
}

/** The offset of the opening quote of the quoted text the parser found not closed at `offset` (where the text ends). */
function openingQuote(document: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(document, (_key, node) => {
    if (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range?.[1] === offset) {
      found = node.range[0];
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * The offset of the opening bracket of the list (`close` "]") or map ("}") in brackets that the parser found not
 * closed at `offset` (where its last item ends), the innermost if several end there; `undefined` when the text after
 * `offset` closes it (a line of it indented too little, and the bracket after: the error is where the parser found it).
 */
function openingBracket(document: Document, text: string, offset: number, close: FlowClose): number | undefined {
  const open = close === "]" ? "[" : "{";
  let found: number | undefined;
  visit(document, (_key, node) => {
    if (isCollection(node) && node.flow === true && node.range?.[1] === offset && text[node.range[0]] === open) found = Math.max(found ?? -1, node.range[0]);
  });
  if (found === undefined) return undefined;
  let depth = 0;
  for (let at = offset; at < text.length; at++) {
    if (text[at] === open) depth++;
    else if (text[at] === close && depth-- === 0) return undefined;
  }
  return found;
}

/**
 * The key of the map entry whose key starts at `offset` (where the parser reports DUPLICATE_KEY), as written (a
 * scalar's value, else its source text), and the offset of the earlier key of the same map it repeats.
 */
function duplicateKeyAt(document: Document, text: string, offset: number): { key: string; first?: number } | undefined {
  let found: { key: string; first?: number } | undefined;
  const textOf = (node: unknown): string | undefined => {
    if (isScalar(node)) return String(node.value);
    const range = (node as { range?: number[] } | null)?.range;
    return range === undefined ? undefined : text.slice(range[0], range[1]);
  };
  visit(document, {
    Map(_key, map) {
      const index = map.items.findIndex((item) => (item.key as { range?: number[] } | null)?.range?.[0] === offset);
      if (index < 0) return undefined;
      const key = textOf(map.items[index].key) ?? "";
      const earlier = map.items.slice(0, index).find((item) => textOf(item.key) === key);
      found = { key, first: (earlier?.key as { range?: number[] } | null)?.range?.[0] };
      return visit.BREAK;
    },
  });
  return found;
}
