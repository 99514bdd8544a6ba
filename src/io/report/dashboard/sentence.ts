/**
 * The words of the dashboard's sentences, made from numbers: pure, so that they are tested in Node as well as in the
 * page (`client.ts`), and follow `growth.csv`'s rule for a change in percent (`changePercent`).
 */
import { changePercent } from "../../../core/analysis/growth.js";
import { fill } from "../labels.js";
import type { DashboardWords } from "./words.js";

/** `template` with each `{key}` replaced by `values[key]` (unknown keys kept as written): the report's own `fill`. */
export { fill };

/**
 * The head of a year's sentence: how the overall index changed from `from` to `to` in `year`, in percent when `from` is
 * above 0 and in points otherwise (a percent of a zero or negative score, such as a z-score, has no meaning: growth.csv
 * leaves it empty). `format` writes a number with the page's decimals (or `digits`).
 */
export function changeHead(
  words: Pick<DashboardWords, "rose" | "fell" | "unchanged" | "sentence" | "sentencePoints">,
  year: number,
  from: number,
  to: number,
  format: (value: number, digits?: number) => string,
): string {
  const change = to - from;
  const direction = change > 0 ? words.rose : change < 0 ? words.fell : words.unchanged;
  const percent = changePercent(to, from);
  return Number.isFinite(percent)
    ? fill(words.sentence, { year, direction, percent: format(Math.abs(percent), 1), from: format(from), to: format(to) })
    : fill(words.sentencePoints, { year, direction, points: format(Math.abs(change), 1), from: format(from), to: format(to) });
}
