/**
 * The Chinese catalogues, by the names the English ones gave `catalogue` (src/core/localize.ts). Loaded only when the
 * terminal prints in Chinese: the command line's bundle keeps this module in a file of its own (messages-zh.cjs).
 */
import type { Translations } from "../localize.js";
import { auditMessagesZh } from "./audit-messages.js";
import { checkMessagesZh } from "./check-messages.js";
import { commandMessagesZh } from "./command-messages.js";
import { dataMessagesZh } from "./data-messages.js";
import { encodingMessagesZh } from "./encoding-messages.js";
import { helpZh } from "./help-words.js";
import { limitMessagesZh } from "./limit-messages.js";
import { messagesZh } from "./messages.js";
import { methodMessagesZh } from "./method-messages.js";
import { outputMessagesZh } from "./output-messages.js";
import { projectMessagesZh } from "./project-messages.js";
import { readerMessagesZh } from "./reader-messages.js";
import { robustnessMessagesZh } from "./robustness-messages.js";
import { runMessagesZh } from "./run-messages.js";
import { tableWordsZh } from "./table-words.js";
import { terminalMessagesZh } from "./terminal-messages.js";
import { treeLevelMessagesZh } from "./tree-level-messages.js";
import { weightingMessagesZh } from "./weighting-messages.js";
import { yamlMessagesZh } from "./yaml-messages.js";

export const chinese: Translations = {
  auditMessages: auditMessagesZh,
  checkMessages: checkMessagesZh,
  commandMessages: commandMessagesZh,
  dataMessages: dataMessagesZh,
  encodingMessages: encodingMessagesZh,
  limitMessages: limitMessagesZh,
  messages: messagesZh,
  methodMessages: methodMessagesZh,
  outputMessages: outputMessagesZh,
  projectMessages: projectMessagesZh,
  readerMessages: readerMessagesZh,
  robustnessMessages: robustnessMessagesZh,
  runMessages: runMessagesZh,
  terminalMessages: terminalMessagesZh,
  treeLevelMessages: treeLevelMessagesZh,
  weightingMessages: weightingMessagesZh,
  yamlMessages: yamlMessagesZh,
};

/** The words of the tables printed on stdout, in Chinese (`tableWords`, src/core/table-words.ts). */
export const chineseTableWords = tableWordsZh;

/** `--help` in Chinese (`HelpTranslation`, src/core/help-words.ts). */
export const chineseHelp = helpZh;
