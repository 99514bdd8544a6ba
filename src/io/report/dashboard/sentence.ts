/**
 * The words of the dashboard's sentences, made from numbers: pure, so that they are tested in Node as well as in the
 * page (`client.ts`), and follow `growth.csv`'s rule for a change in percent (`changePercent`, and only on a ratio
 * scale: `ratioScale`, passed in as the data's `ratioScale`).
 */
import { computeContributions } from "../../../core/analysis/contributions.js";
import { change as changeOf, changePercent } from "../../../core/analysis/growth.js";
import { resultIndex, type IndexResult } from "../../../core/compute.js";
import { changeMissingText, fill } from "../labels.js";
import type { DashboardWords } from "./words.js";

/** `template` with each `{key}` replaced by `values[key]` (unknown keys kept as written): the report's own `fill`. */
export { fill };

/**
 * The head of a year's sentence: how the overall index changed from `from` to `to` in `year`, in percent on a ratio
 * scale (`ratio`, the data's `ratioScale`) when `from` is above 0, and in points otherwise (a percent of a score with
 * no natural zero, such as a min-max, z-score or Copeland score, has no meaning: growth.csv leaves it empty).
 * `format` writes a number with the page's decimals (or `digits`).
 */
export function changeHead(
  words: Pick<DashboardWords, "rose" | "fell" | "sentence" | "sentencePoints" | "sentenceUnchanged" | "sentenceAboutUnchanged">,
  year: number,
  from: number,
  to: number,
  format: (value: number, digits?: number) => string,
  ratio: boolean,
): string {
  const change = changeOf(to, from);
  const ends = { year, from: format(from), to: format(to) };
  // No change is said as such ("持平", "did not change"), not as a change of 0.0%.
  if (change === 0) return fill(words.sentenceUnchanged, ends);
  // A Copeland score going from 1 to −1 fell by 2 points, not by 200 %.
  const percent = ratio ? changePercent(to, from) : Number.NaN;
  const shown = Number.isFinite(percent) ? format(Math.abs(percent), 1) : format(Math.abs(change), 1);
  // The word follows the figure as shown: a change that rounds to 0.0 (100.00 → 99.99 is −0.01 %) is "基本持平" /
  // "was about unchanged", never "下降0.0%" / "rose 0.0 points".
  if (showsAsZero(shown)) return fill(words.sentenceAboutUnchanged, ends);
  const direction = change > 0 ? words.rose : words.fell;
  return Number.isFinite(percent)
    ? fill(words.sentence, { ...ends, direction, percent: shown })
    : fill(words.sentencePoints, { ...ends, direction, points: shown });
}

/**
 * A contribution in points as the sentence shows it, to 1 decimal: without a sign when it shows as zero (−0.04 is
 * "0.0", not "-0.0").
 * @example shownPoints(-0.04, (value, digits) => value.toFixed(digits)) // => "0.0"
 */
export function shownPoints(points: number, format: Format): string {
  const shown = format(points, 1);
  return showsAsZero(shown) ? shown.replace(/^[-+−]/, "") : shown;
}

/**
 * Whether a number as written ("0.0", "-0.0", "0", "−0.00") reads as zero: digits that are all 0, with a sign or a
 * decimal point at most; "–" (missing) and any other digit do not.
 * @example showsAsZero("-0.0") // => true; showsAsZero("0.1") // => false
 */
function showsAsZero(text: string): boolean {
  return /^[-+−]?0+(?:\.0+)?$/.test(text);
}

/**
 * The headers of the overview table's change columns: the change in points, then in percent on a ratio scale only
 * (`ratio`, the data's `ratioScale`), as growth.csv has `change_percent` empty elsewhere.
 */
export function changeColumns(words: Pick<DashboardWords, "change" | "changePercent">, ratio: boolean): string[] {
  return ratio ? [words.change, words.changePercent] : [words.change];
}

/**
 * The overview table's change cells from `from` to `to`, under `changeColumns`: the change in points, then, on a ratio
 * scale, in percent (`changePercent`: "–" where the year before is 0 or below, as growth.csv leaves it empty).
 * @example changeCells(100, 110, true, format) // => ["10.00", "10.00"]; changeCells(1, -1, false, format) // => ["-2.00"]
 */
export function changeCells(from: number, to: number, ratio: boolean, format: (value: number) => string): string[] {
  const points = format(changeOf(to, from));
  return ratio ? [points, format(changePercent(to, from))] : [points];
}

type Values = Pick<IndexResult, "units" | "years" | "nodes" | "values" | "options">;
type Format = (value: number, digits?: number) => string;

/**
 * The change of the overall index from year `y - 1` to `y` (positions in `source.years`) for unit `unit`: with the
 * contribution of each first-level dimension (the core's `computeContributions`, as contributions.csv), or, where the
 * index is missing in either year, why no change can be given (`changeMissingText`), with no contribution.
 */
export function yearChange(
  words: Pick<DashboardWords, "changeMissingOne" | "changeMissingBoth">,
  source: Values,
  unit: number,
  y: number,
): { missing: string } | { from: number; to: number; contributions: { n: number; points: number }[] } {
  const { years, nodes } = source;
  const from = source.values[resultIndex(source, 0, unit, y - 1)];
  const to = source.values[resultIndex(source, 0, unit, y)];
  const missing = changeMissingText(words, years[y - 1], years[y], from, to);
  if (missing !== undefined) return { missing };
  const contributions = computeContributions(source, years[y - 1], years[y], undefined, "dimensions");
  const points = nodes.flatMap((node, n) => (node.level === 1 ? [{ n, points: contributions.contribution[n * source.units.length + unit] }] : []));
  return { from, to, contributions: points };
}

/**
 * The overview's sentence of year `y`: "2021年总指数上升12.5%（40.00 → 45.00），其中A贡献6.0点、B贡献-1.0点。", the
 * dimensions largest contribution first (the change in points where `ratio`, the data's `ratioScale`, is false); or
 * why no change can be given ("无法给出2020—2021年总指数的变化：2021年总指数缺失。"). `nameOf(n)` names node `n` in the
 * page's language.
 */
export function yearSentence(words: DashboardWords, source: Values, unit: number, y: number, nameOf: (n: number) => string, format: Format, ratio: boolean): string {
  const change = yearChange(words, source, unit, y);
  if ("missing" in change) return change.missing;
  const head = changeHead(words, source.years[y], change.from, change.to, format, ratio);
  const parts = change.contributions
    .filter(({ points }) => Number.isFinite(points))
    .sort((a, b) => b.points - a.points || a.n - b.n)
    .map(({ n, points }) => fill(words.sentencePart, { name: nameOf(n), points: shownPoints(points, format) }));
  return parts.length > 0 ? `${head}${words.sentenceOf}${parts.join(words.sentenceJoin)}${words.sentenceEnd}` : `${head}${words.sentenceEnd}`;
}
