/**
 * `--help` in another language than its own English (src/cli/help.ts applies it): the texts the commands declare,
 * translated one by one, and the words the help layout adds after a description. The Chinese are in
 * src/core/zh/help-texts.ts and src/core/zh/help-words.ts, loaded only on a Chinese terminal.
 */
export interface HelpTranslation {
  /**
   * Each English text of `--help` and its translation: a command's, option's or argument's description, a help group's
   * heading, commander's titles (`Usage:`, `Options:`), a block printed after a command's help (its examples). A text
   * without one is shown as it is.
   */
  readonly texts: Readonly<Record<string, string>>;
  /**
   * What the help layout adds after an option's description, translated: ` (choices: …; default: …)` and
   * `; 8 more options: innovation-index help methods`; any other text as it is.
   */
  readonly suffix: (english: string) => string;
}
