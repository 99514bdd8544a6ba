/**
 * The one way the readers parse YAML text into a document (`yaml`'s `parseDocument`, its errors as data, not thrown).
 */
import { parseDocument, type Document, type LineCounter } from "yaml";

/**
 * `text` parsed into a document, its lines counted into `lineCounter` when given. The parser makes an `Error` of each
 * mistake it finds, and of each token of the rest of a block a mistake broke: a broken file of thousands of lines makes
 * thousands of them, each capturing a stack trace no message of the tool shows (about two thirds of such a parse's
 * time, with the garbage it leaves). Stack traces are not captured while it parses; the limit is restored after.
 */
export function parseYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, { lineCounter, prettyErrors: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
