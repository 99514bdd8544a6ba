/**
 * Why a YAML syntax error is one, in words, for `yamlSyntaxProblems` (yaml-guards.ts), which gives it with its line and
 * column: for each error code of the `yaml` parser that a file can raise, a reason of the tool's (`yamlMessages`, and
 * `readerMessages`' key written twice, tab and item out of line), chosen by the code and, where a code covers several
 * mistakes (MISSING_CHAR: a quote, a comma, a bracket, a "- "...), by the parser's text. A code the tool does not know
 * keeps the parser's text and code (`yamlSyntaxOther`): NON_STRING_KEY (raised only with the parser's `stringKeys`,
 * which the tool does not set), IMPOSSIBLE (the parser's own bug), and any code a later parser adds. BAD_COLLECTION_TYPE
 * is only ever a warning, not an error, and RESOURCE_EXHAUSTION a file too deep (`isTooDeep`), reported as such.
 */
import { isScalar, visit, type Document, type ErrorCode, type LineCounter, type YAMLError } from "yaml";
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

/**
 * Why `error` (of `document`, parsed from `text`) is an error, in words: a key written twice named with the line it first
 * appears on; a tab in the indentation of the error's line, whichever error the parser makes of it (a tab before a key
 * of a list item's map is an unexpected token, not TAB_AS_INDENT); else the reason of its code (`REASONS`), or the
 * parser's own text (its first line) and code. `content` is what the file holds, for what is expected.
 */
export function yamlReason(error: YAMLError, document: Document, text: string, lineCounter: LineCounter, content: YamlContent): string {
  if (error.code === "DUPLICATE_KEY") {
    const twice = duplicateKeyAt(document, text, error.pos[0]);
    if (twice !== undefined) return readerMessages.yamlDuplicateKey(twice.key, twice.first === undefined ? undefined : lineCounter.linePos(twice.first).line);
  }
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  if (error.code === "TAB_AS_INDENT" || /^ *\t[ \t]*\S/.test(text.slice(lineStart, error.pos[0] + 1))) return readerMessages.yamlTabIndent();
  const message = error.message.split("\n")[0].trim();
  const reason = REASONS[error.code];
  return reason ? reason(message) : readerMessages.yamlSyntaxOther(message, error.code, content);
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
