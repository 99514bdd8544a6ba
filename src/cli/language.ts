/**
 * The terminal's language: Chinese or English. Only what is printed on the terminal changes (src/core/localize.ts):
 * files, `--log-format json` lines and exit codes are the same in both.
 *
 * Chosen by `INNOVATION_INDEX_LANG` (`zh` or `en`), else by the locale as POSIX programs read it (the first of
 * `LC_ALL`, `LC_MESSAGES` and `LANG` that is set: `zh_CN.UTF-8` is Chinese), else, on Windows, which sets none of
 * them, by the user's locale as Node's ICU reports it (a Chinese Windows: `zh-CN`). English otherwise.
 */
import { forgetMessages, translateMessage } from "../core/localize.js";
import type { HelpTranslation } from "../core/help-words.js";
import { tableWords, type TableWords } from "../core/table-words.js";

export const TERMINAL_LANGUAGES = ["en", "zh"] as const;
export type TerminalLanguage = (typeof TERMINAL_LANGUAGES)[number];

/** The environment variable that chooses the terminal's language over the locale. */
export const LANGUAGE_VARIABLE = "INNOVATION_INDEX_LANG";

const languageOfLocale = (locale: string): TerminalLanguage => (/^zh/i.test(locale.trim()) ? "zh" : "en");

/**
 * The terminal's language for the environment variables `variables` on `platform` (`systemLocale` gives the locale
 * of a system without locale variables; it is asked only then).
 * @example terminalLanguageOf({ LANG: "zh_CN.UTF-8" }, "linux") // => "zh"
 * @example terminalLanguageOf({ LANG: "zh_CN.UTF-8", INNOVATION_INDEX_LANG: "en" }, "linux") // => "en"
 */
export function terminalLanguageOf(
  variables: Readonly<Record<string, string | undefined>>,
  platform: string,
  systemLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale,
): TerminalLanguage {
  const chosen = variables[LANGUAGE_VARIABLE];
  if (chosen !== undefined && chosen.trim() !== "") return languageOfLocale(chosen);
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const locale = variables[name];
    if (locale !== undefined && locale !== "") return languageOfLocale(locale);
  }
  return platform === "win32" ? languageOfLocale(systemLocale()) : "en";
}

/**
 * Starts translating into `language`: `translate` gives a message's text in `language` (as it is for English, or for a
 * text no catalogue made; the catalogues note each message they make, src/core/localize.ts), `words` are the tables'
 * words in `language`, and `help` translates `--help` (none for English). `stop` forgets the messages noted. The
 * Chinese catalogues are loaded here, only for Chinese.
 */
export async function startTranslating(
  language: TerminalLanguage,
): Promise<{ translate: (text: string) => string; words: TableWords; help?: HelpTranslation; stop: () => void }> {
  if (language === "en") return { translate: (text) => text, words: tableWords, stop: forgetMessages };
  const { chinese, chineseTableWords, chineseHelp } = await import("../core/zh/index.js");
  return { translate: (text) => translateMessage(text, chinese), words: chineseTableWords, help: chineseHelp, stop: forgetMessages };
}

/** The terminal's words around messages, by language. */
export const TERMINAL_WORDS = {
  en: {
    error: "error: ",
    warning: "warning: ",
    problemsFound: (count: number) => `${count} problem${count === 1 ? "" : "s"} found:`,
    usageHint: "(run with --help for usage)",
  },
  zh: {
    error: "错误：",
    warning: "警告：",
    problemsFound: (count: number) => `发现 ${count} 个问题：`,
    usageHint: "（用法见 --help）",
  },
} as const;
