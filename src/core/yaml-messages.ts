/**
 * Why a YAML file (a tree, AHP judgements, index.yaml) is not valid YAML, for each error code of the `yaml` parser that a
 * file can raise (src/io/read/yaml-reasons.ts picks one): what was found and what is expected, in the tool's words
 * rather than the parser's. Each is the `reason` of `readerMessages.treeYamlSyntax`, `ahpYamlSyntax` and
 * `projectMessages.yamlSyntax`, which name the file, line and column. A key written twice, a tab and an item out of
 * line with its list are `readerMessages`' (`yamlDuplicateKey`, `yamlTabIndent`, `yamlBadIndent`), and a code the tool
 * does not know keeps the parser's text (`yamlSyntaxOther`).
 */
import { catalogue } from "./localize.js";
import { quote } from "./quote.js";

/** The closing bracket of a list (`]`) or a map (`}`) in brackets, as the parser names them ("flow sequence", "flow map"). */
export type FlowClose = "]" | "}";

/** `[ ]` or `{ }`, by the closing bracket. */
const brackets = (close: FlowClose) => (close === "]" ? "[ ]" : "{ }");
/** An indent of `count` spaces, in words. */
const spaces = (count: number) => (count === 0 ? "no indent" : count === 1 ? "1 space" : `${count} spaces`);

export const yamlMessages = catalogue("yamlMessages", {
  /** ALIAS_PROPS: `&a *b`, `!tag *b`. */
  aliasWithProperties: () => "an anchor (&name) or a tag (!tag) is written before an alias (*name); expected the value written out, without & or * (aliases are refused)",
  /** BAD_ALIAS: a bare `&` (an anchor without a name) or `*` (an alias without one): `mark`. */
  emptyAnchor: (mark: "&" | "*") =>
    `${mark} with no name after it, which YAML reads as ${mark === "&" ? "an anchor" : "an alias"} without a name; expected the value in quotes if ${mark} is part of the text`,
  /** BAD_DIRECTIVE: a `%TAG` or `%YAML` line YAML cannot read. */
  badDirective: () => "a line starting with % is a directive YAML cannot read; expected no line starting with % (a value that starts with % goes in quotes)",
  /**
   * BAD_DQ_ESCAPE: a backslash in double quotes that starts no escape (`"C:\data"`); `found`, the backslash and its
   * letter as written (`\d`, not quoted: JSON would double the backslash).
   */
  badEscape: (found?: string) =>
    `${found === undefined ? "a backslash" : `the escape ${found}`} in a text in double quotes is not one YAML knows (a backslash starts an escape); expected the text in single quotes, where a backslash is an ordinary character, or each backslash written twice`,
  /** BAD_INDENT, other than an item out of line with its list or map (`yamlBadIndent`) and a list in brackets (`flowIndent`). */
  indentation: () => "this line is indented where YAML expects another indentation; expected the items of a list or map to start at the same column, and the lines of a value further than its key",
  /** BAD_INDENT of a list or map in brackets over several lines: not closed, or a line not indented past its key. */
  flowIndent: (close: FlowClose) =>
    `a ${close === "]" ? "list" : "map"} in ${brackets(close)} is not closed, or goes on to a line indented no further than its key; expected a closing ${close}, and the lines inside indented further than the key`,
  /** BAD_PROP_ORDER: an anchor or tag before the `indicator` (`?`, `:` or `-`) that starts a key, value or item. */
  propertyOrder: (indicator?: string) =>
    `an anchor (&name) or a tag (!tag) written before ${indicator === undefined ? "the indicator of a key, value or item" : quote(indicator)}; expected it after ${indicator === undefined ? "the indicator" : quote(indicator)}`,
  /** BAD_SCALAR_START: a value that starts with a `character` YAML reserves (`@`, a backquote, `%`, `|`, `>`, `,`). */
  scalarStart: (character?: string) =>
    `a value starting with ${character === undefined ? "a character" : quote(character)}, which YAML reserves; expected the value in quotes`,
  /** BLOCK_AS_IMPLICIT_KEY: "Nested mappings are not allowed in compact mappings" (`a: b: c`). */
  compactMap: () =>
    'a second "key: value" on the line of a key (as in "a: b: c"); expected the inner key on a line of its own, indented under its key, or the value in quotes if its ":" is part of the text',
  /**
   * BLOCK_AS_IMPLICIT_KEY, "Nested mappings are not allowed in compact mappings", raised on the value of the key `key`
   * (on line `keyLine`, indented `indent` spaces) when the next line, a "key: value", is indented further than `key`:
   * the value and that line are read as one key over two lines. Also BAD_INDENT, "All mapping items must start at the
   * same column", on such a line after a value in quotes or brackets, which cannot go on to it (yaml-reasons.ts).
   */
  indentedUnderValue: (key: string, keyLine: number, indent: number) =>
    `this line is indented further than the key ${quote(key)} above it (line ${keyLine}), so it is read as part of that key's value; expected the same indent as ${quote(key)} (${spaces(indent)}), or no value after ${quote(key)} on line ${keyLine} if this line belongs under it`,
  /** BLOCK_AS_IMPLICIT_KEY: a block list as a map's key. */
  blockAsKey: () => 'a list of "- " items used as the key of a map; expected a key that is a text',
  /**
   * BLOCK_AS_IMPLICIT_KEY, "A block sequence may not be used as an implicit map key", raised on a "- " item indented
   * differently from the items of its list above it (the nearest on line `itemLine`, indented `indent` spaces).
   */
  itemOutOfLine: (itemLine: number, indent: number) =>
    `this "- " item is out of line with the items of its list above it (line ${itemLine}, indented ${spaces(indent)}); expected the same indent as them (${spaces(indent)})`,
  /** BLOCK_AS_IMPLICIT_KEY, as `itemOutOfLine`, raised on a "- " item among the keys of a map (as `key`, on line `keyLine`). */
  itemAmongKeys: (key: string, keyLine: number) =>
    `a "- " item among the keys of a map (as ${quote(key)}, line ${keyLine}), where each line is a "key: value"; expected a "key: value", or the items of a list on the lines below their key (written "key:" alone on its line), indented further than it`,
  /** BLOCK_IN_FLOW: a block list or map inside brackets (`[ - a ]`, `{ a: 1 b: 2 }`). */
  blockInFlow: () =>
    'a "- " item, or a "key: value" with no comma before it, inside [ ] or { }; expected the items in brackets separated by commas, or the list or map written without brackets, one item a line',
  /** DUPLICATE_KEY, when the key cannot be named (`yamlDuplicateKey` names it). */
  duplicateKey: () => "a key written twice in the same map; expected each key once",
  /** KEY_OVER_1024_CHARS */
  longKey: (limit: number) => `the ":" after a key comes more than ${limit} characters after the key starts, further than YAML looks; expected a shorter key (a long text belongs in a value)`,
  /** MISSING_CHAR: "Missing closing "quote" (`double`) or "'quote". */
  unclosedQuote: (double: boolean) =>
    `a text in ${double ? "double" : "single"} quotes is not closed; expected a closing ${double ? "double" : "single"} quote at the end of the value`,
  /** MISSING_CHAR: "Missing , between flow sequence items", "Missing , or : between flow map items". */
  missingComma: (close: FlowClose) => `two items inside ${brackets(close)} with nothing between them; expected a comma between them`,
  /** MISSING_CHAR: "Flow sequence must end with a ]" (a list or map in brackets not closed). */
  unclosedFlow: (close: FlowClose) => `a ${close === "]" ? "list" : "map"} opened with ${close === "]" ? "[" : "{"} is not closed; expected a closing ${close}`,
  /** MISSING_CHAR: "Implicit map keys need to be followed by map values". */
  keyWithoutValue: () => 'a line of text with no ": " after it among the keys of a map; expected "key: value", or the line indented further as part of the value above',
  /** MISSING_CHAR: "Sequence item without - indicator". */
  itemWithoutDash: () => 'a line among the items of a list without "- " before it; expected each item to start with "- ", or the line indented further as part of the item above',
  /** MISSING_CHAR: "Comments must be separated from other tokens by white space characters". */
  commentSpace: () => "a # right after a value, where it starts a comment only after a space; expected a space before the #, or the value in quotes if # is part of it",
  /** MISSING_CHAR: "Tags and anchors must be separated from the next token by white space", "Missing newline after block sequence props". */
  propertySpacing: () => 'an anchor (&name) or a tag (!tag) run into what follows it; expected a space after it, and the "- " items of a list on the lines below it',
  /** MISSING_CHAR: "Missing directives-end indicator line". */
  directivesEnd: () =>
    'a line starting with % is read as a directive, which a "---" line must follow; expected no line starting with % (a value that starts with % goes in quotes)',
  /** MISSING_CHAR: "Block scalars with more-indented leading empty lines must use an explicit indentation indicator". */
  blockTextLeadingLines: () =>
    "a block text (after | or >) begins with blank lines indented further than its first line of text; expected those blank lines removed, or the indentation given after the | or > (|2 for 2 spaces)",
  /** MISSING_CHAR: "Block collection cannot start on same line with directives-end marker". */
  collectionOnDocumentStart: () => 'a list or map starts on the "---" line; expected it on the line after "---"',
  /** MISSING_CHAR, another text of the parser's. */
  missingCharacter: () => 'a character YAML needs is missing here (a closing quote or bracket, a comma, a space after ":", or a "- "); expected it written',
  /** MULTILINE_IMPLICIT_KEY: a key over more than one line; `inBrackets`, a key of a "key: value" inside `[ ]`. */
  multilineKey: (inBrackets: boolean) =>
    inBrackets
      ? 'a key inside [ ] runs over more than one line; expected each "key: value" inside brackets on one line'
      : 'a key runs over more than one line (a line without ": " just above a "key: value" line is read as the start of its key); expected each key on one line, followed by ": "',
  /** MULTIPLE_ANCHORS, MULTIPLE_TAGS: two of a `kind` on one value. */
  twoProperties: (kind: "anchor" | "tag") => (kind === "anchor" ? "a value with two anchors (&name); expected at most one" : "a value with two tags (!tag); expected at most one"),
  /** MULTIPLE_DOCS: a second document after `---` or `...`. */
  severalDocuments: () => 'a "---" or "..." line ends the first YAML document, and more follows; expected one document in the file: remove that line, or split the file',
  /** TAG_RESOLVE_FAILED: a `tag` whose prefix no %TAG line declares (`!x!y`). */
  unknownTag: (tag?: string) =>
    `${tag === undefined ? "a tag" : `the tag ${quote(tag)}`} cannot be resolved (its prefix is declared by no %TAG line); expected no tag (a value that starts with ! goes in quotes)`,
  /** UNEXPECTED_TOKEN: "Unexpected scalar at node end" (text after a value's end). */
  textAfterValue: () =>
    "more text after the end of a value (after a closing quote or bracket, or on a line indented as no key or item above it); expected it inside the value, or on a line of its own as a key or an item",
  /** UNEXPECTED_TOKEN: "Unexpected flow-seq-end token in YAML stream: "]"" (`found`, what the parser names). */
  stray: (found: string) =>
    `${quote(found)} where nothing takes it (a closing bracket with no opening one, a ":" with no key, a line indented as no key or item above it); expected it removed, or in quotes as part of a value`,
  /** UNEXPECTED_TOKEN: "Unexpected block-seq-ind on same line with key" (`a: - b`). */
  listOnKeyLine: () => 'a "- " item on the line of its key (as in "a: - b"); expected the items on the lines below the key, indented, or the value in quotes if it starts with -',
  /** UNEXPECTED_TOKEN: "Unexpected , in flow sequence", "Unexpected empty item in flow map". */
  emptyItem: (close: FlowClose) => `an empty item inside ${brackets(close)} (a comma with nothing before it); expected a value before each comma`,
  /** UNEXPECTED_TOKEN: "Block scalar header includes extra characters: |x" (`header`). */
  blockHeader: (header: string) =>
    `${quote(header)} starts a block text, and only an indentation digit and - or + may follow the | or > on its line; expected the text on the lines below, indented`,
  /** UNEXPECTED_TOKEN, another text of the parser's ("Unexpected scalar token"). */
  unexpectedText: () =>
    'text YAML does not expect here; expected each line a "key: value" or a "- " item, indented as the keys or items it goes with, and a value with special characters in quotes',
});
