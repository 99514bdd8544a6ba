/**
 * What every YAML file the tool reads refuses: aliases (`*name`). An alias would either be read as the literal text
 * `*name` or copy another value unseen, and a few nested aliases expand into billions of values (an "alias bomb"), so
 * each one is reported, with its line, before any value is read. A tree, judgements or project file is also refused
 * when it is too large to parse (`refuseLargeYaml`), and when it is nested too deep to parse (`isTooDeep`,
 * `tooDeepIssue`): reported as such, with the line, not as invalid YAML.
 */
import { isAlias, isCollection, isPair, LineCounter, Parser, visit, type CST, type Document, type YAMLError } from "yaml";
import { parseYaml } from "./yaml-parse.js";
import { limitMessages, type YamlContent } from "../../core/limit-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";
import { tabWrittenAsSpaces, yamlMistake } from "./yaml-reasons.js";

/**
 * The largest YAML tree, judgements or project file parsed: 2 MB. YAML is parsed whole into a tree of nodes, at over
 * 100 times its size in memory and 1 to 3 s per MB (measured: a 1.5 MB judgements file in 5 s and 500 MB, a 6 MB one
 * in 42 s and 1.8 GB), while a tree of 1,000 indicators written out in full is about 130 KB and an `index.yaml` a few
 * hundred bytes. Larger trees and judgements belong in CSV.
 */
export const MAX_YAML_BYTES = 2 * 1024 ** 2;

/** Refuses (`E_TOO_LARGE`) a YAML text of more than `MAX_YAML_BYTES` in UTF-8, before it is parsed; `content` says what it holds. */
export function refuseLargeYaml(text: string, source: string, content: YamlContent): void {
  // A UTF-16 unit is at most 3 bytes of UTF-8: a shorter text cannot be over the limit, and is not measured.
  if (text.length * 3 <= MAX_YAML_BYTES) return;
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_YAML_BYTES) throw new InputError("E_TOO_LARGE", limitMessages.yamlTooLarge(source, size, MAX_YAML_BYTES, content), { source });
}

/** Every alias of a parsed document, as an issue naming the file and line (`E_YAML_ALIAS`). */
export function aliasIssues(document: Document, lineCounter: LineCounter, source: string): Issue[] {
  const issues: Issue[] = [];
  visit(document, (_key, node) => {
    if (!isAlias(node)) return;
    const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    issues.push({ code: "E_YAML_ALIAS", message: limitMessages.yamlAlias(`*${node.source}`), source, line });
    return visit.SKIP;
  });
  return issues;
}

/**
 * Whether a parse error is the parser giving up on the nesting (`RESOURCE_EXHAUSTION`): it builds nested lists and maps
 * by recursion and overflows the call stack hundreds of levels down (`[[[...]]]`, or maps indented as deep: measured,
 * 1,500 to 2,000 levels on Node 20's default stack, about 550 in a vitest worker). The file is then not invalid but too
 * deep, and is reported so (`tooDeepIssue`), not as "not valid YAML".
 */
export function isTooDeep(error: YAMLError): boolean {
  return error.code === "RESOURCE_EXHAUSTION";
}

/**
 * The deepest nesting of lists and maps a YAML file may have: below where the parser gives up in any setting measured
 * (about 550 levels in a vitest worker, 1,500 to 2,000 on Node 20's default stack, more once V8 has compiled the parser),
 * so that a file is refused as too deep, or read, the same way on every run; far above what a tree (50 levels of
 * nodes, each a map in a `children:` list: about 100), judgements or a project file hold.
 */
export const MAX_YAML_NESTING = 400;

/**
 * Whether the lists and maps of `document`, which the parser read, are nested more than `MAX_YAML_NESTING` levels:
 * such a file is refused as the parser's giving up on it is (`isTooDeep`), so that where it gives up, which depends on
 * the stack, decides nothing. The parsed lists and maps are walked, as `walkYamlCollections` walks their tokens (the
 * top one is 1 deep, a map's values one deeper, not its keys), from a stack: the text is tokenised again only for the
 * issue of a file refused (`tooDeepIssue`).
 */
export function nestedTooDeep(document: Document): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 1 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (!isCollection(entry.node)) continue;
    if (entry.depth > MAX_YAML_NESTING) return true;
    for (const item of entry.node.items) stack.push({ node: isPair(item) ? item.value : item, depth: entry.depth + 1 });
  }
  return false;
}

/** A list or map among a YAML text's syntax tokens (block or flow style). */
export type YamlCollectionToken = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/**
 * Walks the lists and maps of a YAML text from its syntax tokens (the parser's first stage, which keeps a stack rather
 * than recursing, so it reads a file the parser gives up on) with a stack of its own, each with its depth (a document's
 * top list or map is 1) and a `State` handed down from its parent: `visit` is called on each and returns, for each of its
 * items, the state of the item's value. Gives the deepest, its depth and offset (the first of that depth in the file).
 */
export function walkYamlCollections<State>(
  text: string,
  rootState: State,
  visit: (collection: YamlCollectionToken, depth: number, state: State) => (item: CST.CollectionItem) => State,
): { depth: number; offset: number } {
  const stack: { token: CST.Token; depth: number; state: State }[] = [];
  for (const token of new Parser().parse(text)) if (token.type === "document" && token.value) stack.push({ token: token.value, depth: 1, state: rootState });
  let deepest = { depth: 0, offset: 0 };
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { token, depth, state } = entry;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth > deepest.depth || (depth === deepest.depth && token.offset < deepest.offset)) deepest = { depth, offset: token.offset };
    const stateOf = visit(token, depth, state);
    for (const item of token.items) if (item.value) stack.push({ token: item.value, depth: depth + 1, state: stateOf(item) });
  }
  return deepest;
}

/**
 * The issue of a YAML text the parser gave up on (`isTooDeep`): its deepest list or map, with its depth and line
 * (`yamlTooDeep`, saying what the file should hold, `content`; `treeLimit`, a tree's depth limit, for a tree).
 */
export function tooDeepIssue(text: string, source: string, lineCounter: LineCounter, code: string, content: YamlContent, treeLimit?: number): Issue {
  const deepest = walkYamlCollections(text, undefined, () => () => undefined);
  return { code, message: limitMessages.yamlTooDeep(deepest.depth, content, treeLimit), source, line: lineCounter.linePos(deepest.offset).line };
}

/** A syntax error of a YAML text: where it is (1-based line and column) and why (`yamlReason`). */
export interface YamlSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

/**
 * The unexpected tokens (UNEXPECTED_TOKEN) that are mistakes of their own line wherever they are, not tokens of the rest
 * of a broken block: an empty item in brackets, a "- " on its key's line, text after a block text's "|" or ">".
 */
const LOCAL_UNEXPECTED = /^(?:Unexpected (?:,|empty item) in flow|Unexpected block-seq-ind on same line with key|Block scalar header includes extra characters)/;

/**
 * Every syntax error of `document` (the parser collects them all in one pass), in the order the parser found them, each
 * with the line and column of the mistake and a reason in words (`yamlMistake`, yaml-reasons.ts: a key written twice,
 * named with the line it first appears on, a tab in a line's indentation, at the tab, a key indented under a value or an
 * item out of line, at that line, a quote or bracket not closed, at the opening one, a reason of the tool's for every
 * other code a file can raise, the parser's own text and code for a code the tool does not know). The parser's giving up
 * on the nesting (`isTooDeep`) is left out (reported as too deep), and so are the errors on a line already reported
 * (where the parser found them or where the mistake is: an item after a tab-indented key is out of line because of the
 * tab, unless it is out of line whatever the tab stands for), and the unexpected tokens (UNEXPECTED_TOKEN) after an
 * error that breaks the structure (any but a key written twice), but those of a line's own (`LOCAL_UNEXPECTED`): the
 * parser reports every token of the rest of a broken block (a tab-indented key gives one per word after it), which says
 * nothing new. A tab before a key of a "- " item at column 1 makes the whole rest of the file such tokens, hiding its
 * mistakes: when the tab's error and every one after it are unexpected tokens, the text is parsed again with the tab's
 * indent written as spaces (`tabWrittenAsSpaces`, within the budget of its parses again), and the problems of that
 * text (found so, a later such tab too) on the lines below the tab's are given, at the same lines and columns.
 * `content` is what the file holds, for what is expected.
 */
export function yamlSyntaxProblems(document: Document, text: string, lineCounter: LineCounter, content: YamlContent): YamlSyntaxProblem[] {
  const problems: YamlSyntaxProblem[] = [];
  const lines = new Set<number>();
  let broken = false;
  for (const [index, error] of document.errors.entries()) {
    if (isTooDeep(error) || (broken && error.code === "UNEXPECTED_TOKEN" && !LOCAL_UNEXPECTED.test(error.message))) continue;
    const mistake = yamlMistake(error, document, text, lineCounter, content);
    const { line, col } = lineCounter.linePos(mistake.offset);
    const found = lineCounter.linePos(error.pos[0]).line;
    const reported = lines.has(line) || lines.has(found);
    lines.add(line).add(found);
    if (reported) continue;
    if (error.code !== "DUPLICATE_KEY") broken = true;
    problems.push({ line, column: col, reason: mistake.reason });
    const restStray = mistake.tab === true && document.errors.slice(index).every((later) => later.code === "UNEXPECTED_TOKEN");
    const written = restStray ? tabWrittenAsSpaces(text, mistake.offset) : undefined;
    if (written !== undefined) {
      const writtenLines = new LineCounter();
      const writtenDocument = parseYaml(written, writtenLines);
      const below = yamlSyntaxProblems(writtenDocument, written, writtenLines, content).filter((problem) => problem.line > line && !lines.has(problem.line));
      return problems.concat(below);
    }
  }
  return problems;
}

/**
 * The error to throw for the YAML syntax `issues` of a file (each naming its file, line and column): the one, as an
 * `InputError`, or all of them, as a `ValidationError`.
 */
export function yamlSyntaxError(issues: readonly Issue[]): InputError | ValidationError {
  if (issues.length !== 1) return new ValidationError([...issues]);
  const [issue] = issues;
  return new InputError(issue.code, issue.message, { source: issue.source, line: issue.line, column: issue.column });
}
