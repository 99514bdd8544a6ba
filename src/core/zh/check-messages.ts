/** The Chinese messages of `checkMessages` (src/core/check-messages.ts), for the terminal (src/core/localize.ts says how). */
import { AGGREGATE_METHODS } from "../aggregate/methods.js";
import { shownFactor, shownNumber, type checkMessages, type ExpectedOption, type PercentExample } from "../check-messages.js";
import { describeValue, isThenable } from "../describe-value.js";
import type { Translation } from "../localize.js";
import { quote } from "../quote.js";
import { afterChinese, didYouMean, list } from "./words.js";

const EXPECTED_OPTIONS: Readonly<Record<ExpectedOption, string>> = {
  text: "文本",
  boolean: "true 或 false",
  baseYear: "数据中的年份，例如 2017",
  cap: ">= 100 的数（上限低于 100 时，基期将不再是 100）",
  power: "数 p，例如 0.5（1 为算术平均，0 为几何平均，-1 为调和平均）",
  winsorMax: ">= 1 的整数",
  range: "{ low, high }：两个数，且 low < high，例如 { low: 1, high: 100 }",
  zScale: "{ mean, sd }：两个数，且 sd > 0，例如 { mean: 0, sd: 1 }",
  screen: "{ threshold, by? }，例如 { threshold: 0.66 }",
  share: "大于 0 且不大于 1 的比例，例如 0.66",
  aggregateByLevel: '{ level: method }，例如 { 0: "arithmetic" }',
  level: "层级：0 为总指数，1 为一级分组，以此类推",
  performanceGroups: "三个阈值，例如 [125, 100, 70]",
  queryMemoryLimit: '不小于 16 MB 的内存大小：如 "8GB"、"512MB" 的文本（按 1024 进位），或整数字节数',
};

/** `，位于 data.csv:3:2`, `，位于 data.csv:3`, `，位于 data.csv`, or nothing (`placeOf` of check-messages.ts). */
const placeOf = ({ file, line, column }: PercentExample) =>
  file === undefined ? "" : line ? `，位于 ${file}:${line}${column ? `:${column}` : ""}` : `，位于 ${file}`;

/** `约为 …的 1/95.5`, `为 …的 10,000 倍` (`timesApart` of check-messages.ts): `value` against `other`, named by `of` (`2019 年数值 2.33`). */
const timesApart = (value: number, other: number, of: string) => {
  const ratio = Math.abs(value / other);
  const { text, exact } = shownFactor(ratio < 1 ? 1 / ratio : ratio);
  return `${exact ? "为" : "约为"}${of} ${ratio < 1 ? `的 1/${text}` : `的 ${text} 倍`}`;
};

const notExpected = (option: string, found: unknown, expected: string) =>
  isThenable(found) ? `选项 ${option} 是一个 Promise：是否漏写了 await？应为${afterChinese(expected)}` : `选项 ${option} 为 ${describeValue(found)}；应为${afterChinese(expected)}`;

export const checkMessagesZh: Translation<typeof checkMessages> = {
  aggregatePowerNoNumber: (text, item) => `--aggregate ${JSON.stringify(text)}：${JSON.stringify(item)} 中 "power:" 后没有数字；应为 power:P，P 为数字，例如 power:0.5`,
  aggregateTwoExponents: (text, power, value) => `--aggregate ${JSON.stringify(text)}：给出了两个指数 ${power} 和 ${value}；每次运行应只有一个 power:P`,
  aggregateUnknownMethod: (option, text, found) =>
    `选项 ${option} 没有 ${quote(found)} 这一方法${text === found ? "" : `（在 ${quote(text)} 中）`}；` +
    `应为 METHOD 或 LEVEL=METHOD，以逗号分隔（例如 "arithmetic,0=geometric"），METHOD 为以下之一：${list(AGGREGATE_METHODS)}${didYouMean(found, AGGREGATE_METHODS)}`,
  aggregateNotUnderstood: (text, item, word) =>
    `--aggregate ${JSON.stringify(text)}：无法识别 ${JSON.stringify(item)}；` +
    `应为 METHOD 或 LEVEL=METHOD，以逗号分隔（例如 "arithmetic,0=geometric"），METHOD 为以下之一：${list(AGGREGATE_METHODS)}${didYouMean(word, AGGREGATE_METHODS)}`,

  percentMixed: (code, marked, plain) =>
    `${quote(code)} 的数值混用了 ${marked.count} 个百分数（例如 ${marked.value}%${placeOf(marked)}）和 ${plain.count} 个普通数字（例如 ${plain.value}${placeOf(plain)}），且两者数量级不同：` +
    `普通数字的中位数 ${shownNumber(plain.median)} ${timesApart(plain.median, marked.median, `百分数中位数 ${shownNumber(marked.median)}`)}；` +
    `百分号会被去掉（${marked.value}% 读作 ${marked.value}），因此写成小数的比例（2.45% 写成 0.0245）会小 100 倍；` +
    `${quote(code)} 的所有数值应采用同一种写法：全部带百分号（或在 Excel 中设为百分比格式），或全部不带`,

  valueJump: (jump) =>
    `指标 ${quote(jump.indicator)}${jump.unit === "" ? "" : `（评价对象 ${quote(jump.unit)}）`}：${jump.toYear} 年的数值 ${jump.toValue} ` +
    `${timesApart(jump.toValue, jump.fromValue, ` ${jump.fromYear} 年数值 ${jump.fromValue}`)}（相差 ${jump.threshold} 倍及以上，逐年的真实变化很少如此）` +
    `${jump.count === 1 ? "" : `；${quote(jump.indicator)} 共有 ${jump.count} 个数值与上一年相差如此之大，此为按评价对象和年份排序的第一个`}：` +
    `可能是比例写成了小数而其他年份为百分数，或反之（相差 ×100），计量单位变了（相差 ×1,000 或 ×10,000，例如把万元写成了元），也可能是真实变化；` +
    `请核对该数值：若无误，则无需处理（--strict 不会因此拒绝）`,

  accountingDashes: (first, cells) =>
    `${first.file}:${first.line}:${first.column}: ${cells} 个数值单元格是两侧带空格的短横线（${JSON.stringify(first.text)}${cells === 1 ? "" : "，第一个在此"}），` +
    `这是 Excel 会计专用格式显示 0 的方式；${cells === 1 ? "它按缺失值读取，但可能是 0" : "它们按缺失值读取，但可能是 0"}；` +
    `应在保存 CSV 文件之前将该列设为数值格式（常规或数值），或在${cells === 1 ? "该单元格" : "这些单元格"}中写 0`,

  thousandsSplit: (first, cells) => {
    const joined = JSON.stringify([first.cell, ...first.groups].join(","));
    const many = first.groups.length > 1;
    return (
      `${first.file}:${first.line}:${first.column}: 数值 ${JSON.stringify(first.cell)} 和${many ? `其后的 ${first.groups.length} 个单元格` : "下一个单元格"}` +
      `（${many ? "自" : ""}第 ${first.nextColumn} 列${many ? "起" : ""}${first.nextName === "" ? "，无列名" : ` ${JSON.stringify(first.nextName)}`}）` +
      `中的 ${first.groups.map((group) => JSON.stringify(group)).join("、")} 看似同一个数 ${joined}，因逗号未加引号而在千位分隔符处被拆开` +
      `（该行有 ${first.fields} 个字段，表头只有 ${first.headerFields} 个）：读到的是 ${first.read}，原意可能是 ${first.meant}` +
      `${cells === 1 ? "" : `（本文件中有 ${cells} 个数值单元格如此，第一个在此）`}；` +
      `应像 Excel 那样给${cells === 1 ? "该数" : "这些数"}加引号（${joined}，连同引号），或去掉千位分隔符（${first.meant}）`
    );
  },

  optionNotAChoice: (option, found, choices) =>
    `选项 ${option} 为 ${describeValue(found)}；应为以下之一：${list(choices)}${typeof found === "string" ? didYouMean(found, choices) : ""}`,
  optionNotExpected: notExpected,
  optionNotANumber: (option, found, expected) =>
    typeof found === "string"
      ? `选项 ${option} 为文本 ${quote(found)}，不是数值；应为${afterChinese(expected)}`
      : typeof found === "bigint"
        ? `选项 ${option} 为大整数 ${found}n，不是数值；应为${afterChinese(expected)}`
        : notExpected(option, found, expected),
  optionEmptyList: (option, expected) => `选项 ${option} 是空列表；应为${afterChinese(expected)}`,
  unknownOption: (option, known) => `未知的选项 ${quote(option)}；应为以下之一：${list(known)}${didYouMean(option, known)}`,
  optionMoreItems: (option, rest, expected) => `选项 ${option} 中还有 ${rest} 项有同样的问题；应为${afterChinese(expected)}`,
  expectedOption: (what) => EXPECTED_OPTIONS[what],
};
