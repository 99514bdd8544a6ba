/**
 * The warnings of a run as a page shows them, each with its file and line (`formatIssue`, as the terminal prints them):
 * on a Chinese page in Chinese, by the message catalogues (src/core/localize.ts notes each message a catalogue makes,
 * so a page built by the process that computed the run has them); a message no catalogue made stays as written.
 * The page's language is its own (`--lang`), not the terminal's: the same inputs give the same page on any machine.
 */
import { translateMessage } from "../../core/localize.js";
import { chinese } from "../../core/zh/index.js";
import { formatIssueInChinese } from "../../core/zh/words.js";
import { formatIssue, type Issue } from "../../errors.js";
import type { Language } from "../write/tables.js";

export function pageWarnings(warnings: readonly Issue[], language: Language): string[] {
  // A Chinese page places them as a Chinese terminal does: "：" after a file with no line (`formatIssueInChinese`).
  const format = language === "zh" ? formatIssueInChinese : formatIssue;
  return warnings.map((warning) => format({ ...warning, message: pageText(warning.message, language) }));
}

/** A message of the engine (a warning's, an audit note) in the page's language, as `pageWarnings` gives warnings. */
export function pageText(message: string, language: Language): string {
  return language === "zh" ? translateMessage(message, chinese) : message;
}
