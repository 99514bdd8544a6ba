/** The phrases the Chinese catalogues share: lists, suggestions, spacing, and where a value is (unit and year). */
import { durationParts, formatCount } from "../limit-messages.js";
import { quote } from "../quote.js";
import { closestName } from "../suggest.js";
import { placeOf, type Issue } from "../../errors.js";

/** A duration as `formatDuration` rounds it, in Chinese: `90 秒`, `5 分钟`, `3 小时`, `12 天`. */
export const duration = (seconds: number) => {
  const { value, unit } = durationParts(seconds);
  return `${formatCount(value)} ${{ second: "秒", minute: "分钟", hour: "小时", day: "天" }[unit]}`;
};

/** A list in a Chinese sentence. */
export const list = (values: readonly (string | number)[]) => values.map(String).join("、");

/**
 * Alternatives in a Chinese sentence: the last after 或.
 * @example listOr([".csv", ".json", ".xlsx"]) // => ".csv、.json 或 .xlsx"
 */
export const listOr = (values: readonly (string | number)[]) =>
  values.length < 2 ? list(values) : `${list(values.slice(0, -1))} 或 ${values[values.length - 1]}`;

/** `；是否应为 "min-max"？` for a close name, else "" (`didYouMean` of src/core/suggest.ts, in Chinese). */
export const didYouMean = (found: string, candidates: readonly string[]) => {
  const name = closestName(found, candidates);
  return name === undefined ? "" : `；是否应为 ${JSON.stringify(name)}？`;
};

/**
 * A place before its message, as the Chinese messages write it: one with a line (`values.csv:12`, `tree.yaml:7:3`) as
 * `file:line: `, with the ASCII colon and a space, the form `formatIssue` (src/errors.ts) gives every problem and warning
 * with a line, in Chinese as in English, and the one editors and terminals read as a place; a file (or other name)
 * alone with the Chinese colon, `values.csv：`. test/core/zh/facts.ts checks every message of the catalogues for it.
 */
export const placed = (place: string) => (/:\d+$/.test(place) ? `${place}: ` : `${place}：`);

/**
 * `formatIssue` (src/errors.ts) for a Chinese terminal: the place before the message by the same rule as `placed`, by
 * the issue's line: `values.csv:12:3: 数值` with a line, `u5.csv：评价对象 …` for a file alone (English keeps ": ").
 * @example formatIssueInChinese(an issue of "u5.csv" with no line, message "数值") // => "u5.csv：数值"
 */
export function formatIssueInChinese(issue: Issue): string {
  const place = placeOf(issue);
  if (!place || issue.message.startsWith(place)) return issue.message;
  return issue.line ? `${place}: ${issue.message}` : `${place}：${issue.message}`;
}

/** `text` after a Chinese word: with a space before it when it starts with a Latin letter, digit, quote or flag. */
export const afterChinese = (text: string) => (/^[\x21-\x7e]/.test(text) ? ` ${text}` : text);

/** A space on each side of `text` that meets Chinese with a Latin letter, digit, quote or flag. */
export const spaced = (text: string) => `${/^[\x21-\x7e]/.test(text) ? " " : ""}${text}${/[\x21-\x7e]$/.test(text) ? " " : ""}`;

/** `（评价对象 "常州"，2018 年）` after an indicator, or `（2018 年）` for the one unnamed unit of a single-unit file (`ofUnit` and the year). */
export const ofUnitYear = (unit: string, year: number) => `（${unit === "" ? "" : `评价对象 ${quote(unit)}，`}${year} 年）`;

/** `评价对象 "常州"，2018 年`, or `2018 年` for the one unnamed unit of a single-unit file (`unitYear` of data-messages.ts). */
export const unitYear = (unit: string, year: number) => (unit === "" ? `${year} 年` : `评价对象 ${quote(unit)}，${year} 年`);

/** The kinds of `typeof` a message names, in Chinese; another as it is. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "字符串",
  number: "数值",
  boolean: "布尔值",
  bigint: "大整数",
  symbol: "符号",
  function: "函数",
  object: "对象",
};

/** `describeFound` of src/core/project-messages.ts in Chinese: a value from a project file as written. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "空";
  if (value === null) return "空值";
  if (Array.isArray(value)) return `列表 ${quote(JSON.stringify(value))}`;
  if (typeof value === "object") return "一组键";
  return `${TYPE_NAMES[typeof value] ?? typeof value} ${quote(String(value))}`;
}
