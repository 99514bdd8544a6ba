/** `--help` in Chinese (`HelpTranslation`, src/core/help-words.ts): the table of texts and the words around them. */
import type { HelpTranslation } from "../help-words.js";
import { HELP_TEXTS_ZH } from "./help-texts.js";
import { HELP_TOPIC_TEXTS_ZH } from "./help-topics.js";

/**
 * Texts of the help that no command declares: the help option commander adds to each command, and the list of topic
 * pages under `innovation-index help`.
 */
const LAYOUT_TEXTS: Readonly<Record<string, string>> = {
  "display this help": "显示本帮助",
  "Topics (innovation-index help TOPIC):": "主题（innovation-index help TOPIC）：",
  "normalisation and aggregation methods (--normalise, --aggregate)": "标准化和合成方法（--normalise、--aggregate）",
  "weighting methods (--weights, weights --method)": "赋权方法（--weights、weights --method）",
  "missing values, outliers and zero base values (--missing, --outliers, --zero-base)": "缺失值、异常值和基期值为零（--missing、--outliers、--zero-base）",
  "what each exit code means": "各退出码的含义",
};

/** One item inside the parentheses after a description: `default: …` (a value, or words such as the memory limit's), `choices: …`, a list of choices. */
const item = (text: string) =>
  text
    .replace(/^default: /, "默认：")
    .replace("half of the memory this process may use, ", "本进程可用内存的一半，")
    .replace(/^choices and (\d+) more options: /, "可选值及另外 $1 个选项：")
    .replace(/^choices: /, "可选值：");

/**
 * ` (a, b; default: a); 3 more options: innovation-index weights --help` in Chinese:
 * `（a, b；默认：a）；另有 3 个选项：innovation-index weights --help`. A text of another shape as it is.
 */
export function helpSuffixZh(english: string): string {
  const match = /^(?: \((.*)\))?(?:; (\d+) more options: (.+))?$/s.exec(english);
  if (!match) return english;
  const [, inside, count, where] = match;
  return (inside === undefined ? "" : `（${inside.split("; ").map(item).join("；")}）`) + (count === undefined ? "" : `；另有 ${count} 个选项：${where}`);
}

export const helpZh: HelpTranslation = { texts: { ...HELP_TEXTS_ZH, ...HELP_TOPIC_TEXTS_ZH, ...LAYOUT_TEXTS }, suffix: helpSuffixZh };
