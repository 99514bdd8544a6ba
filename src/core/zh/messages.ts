/** The Chinese messages of `messages` (src/core/messages.ts), for the terminal (src/core/localize.ts says how). */
import type { dataMessages } from "../data-messages.js";
import type { Translation } from "../localize.js";
import type { messages } from "../messages.js";
import { isCurrencyDash, isExcelError } from "../number.js";
import { listItems, quote, shownChoices } from "../quote.js";
import { INDEX_CODE } from "../types.js";
import { closestName } from "../suggest.js";
import { TYPE_NAMES, didYouMean, list, ofUnitYear, spaced, unitYear } from "./words.js";

/** `（评价对象 "常州"）` after an indicator or group, or nothing for the one unnamed unit of a single-unit file (`ofUnit`). */
/** `parent` 的下级节点；总指数（`INDEX`，指标体系中不出现的代码）的下级节点即一级节点。 */
const childrenInWords = (parent: string, name?: string) =>
  parent === INDEX_CODE ? "各一级节点" : `${quote(parent)}${name && name !== parent ? `（${name}）` : " "}的各下级节点`;
const ofUnit = (unit: string) => (unit === "" ? "" : `（评价对象 ${quote(unit)}）`);

/** `missingValue` 的默认：所有能填补缺失值的处理方式，再加 reweight（与英文目录相同）。 */
const ALL_FILLING_POLICIES = ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"] as const;

/**
 * 基期值缺失时的提示：能填补它的处理方式（`policies`），或没有一种能填补的原因，再加上改换基期（基期之后新增的指标没有基期值：
 * 整个指数改换基期）；未给出 `policies` 时不提示。
 */
const baseFillers = (year: number, policies?: readonly string[]) =>
  policies === undefined
    ? ""
    : `${
        policies.length === 0
          ? `（没有一种缺失值处理方式能填补它：该评价对象在其他年份没有这个指标的数值，${year} 年也没有其他评价对象的数值）`
          : `，或指定能填补它的缺失值处理方式 --missing ${policies.join("|")}（也可用指标体系文件的 "missing" 列；该序列的所有指数将以填补出的基期值为基础）`
      }，或改用每个指标都有数值的另一个基期 --base-year <year>，整个指数随之改换基期（见 docs/guides/projects.md#when-the-indicator-system-changes）`;

/**
 * 值不在可选列表中的消息（`allowedChoices`、`unknownChoice`、`unknownArgumentChoice`、`unknownOptionChoice`）所列的可选值：
 * 按 `shownChoices` 显示（标点加引号），以顿号连接。
 * @example choicesInWords([".", ","]) // => '"."、","'
 */
const choicesInWords = (choices: readonly string[]) => list(shownChoices(choices));

/** The kinds of method that `unknownMethod` names, in Chinese; another as `<kind> 方法`. */
const METHOD_KINDS: Readonly<Record<string, string>> = {
  normalisation: "标准化方法",
  aggregation: "合成方法",
  weighting: "赋权方法",
  "missing-value policy": "缺失值处理方式",
};

const methodKind = (kind: string) => METHOD_KINDS[kind] ?? `${kind} 方法`;

/** The means that `scoreNotPositive` names, in Chinese; another as `<method> 平均`. */
const MEANS: Readonly<Record<string, string>> = {
  arithmetic: "加权算术平均",
  geometric: "几何平均",
  harmonic: "调和平均",
  power: "幂平均",
};

const meanOf = (method: string) => MEANS[method] ?? `${method} 平均`;

/** The scales of src/core/uncertainty.ts (`NORMALIZATION_SCALES`, `AGGREGATION_SCALES`), in Chinese, each with 尺度. */
const SCALES: Readonly<Record<string, string>> = {
  "ratio (100 = a base)": "比率尺度（100 = 基准）",
  "0-100": "0-100 尺度",
  "100 ± 10": "100 ± 10 尺度",
  "1 to n rank": "位次尺度（1 至 n）",
  "0 to n − 1 count": "计数尺度（0 至 n − 1）",
  "scores'": "得分本身的尺度",
  "wins minus losses (−(n − 1) to n − 1)": "胜负差尺度（−(n − 1) 至 n − 1）",
  "share of the frontier (0-100)": "前沿占比尺度（0-100）",
  "closeness to the panel's best (0-100)": "与面板最优值的贴近度尺度（0-100）",
  "closeness to the year's best (0-100)": "与当年最优值的贴近度尺度（0-100）",
  "grey relational grade with the panel's best (33.3-100)": "与面板最优值的灰色关联度尺度（33.3-100）",
};

const scaleOf = (scale: string) => SCALES[scale] ?? `${scale} 尺度`;

/** The ratio that `negativeValueReversedRatio` names (src/core/normalize/check.ts), in Chinese; another as it is. */
function ratioOf(ratio: string): string {
  if (ratio === "base / value") return "基期值 / 数值";
  const reference = /^(.+) \(reference \/ value\)$/.exec(ratio);
  return reference ? `${reference[1]}（参照值 / 数值）` : ratio;
}

/** The direction words a tree accepts, as `missingDirection` and `badDirection` list them. */
const DIRECTIONS = `应为 "+" 或 "-"（也可写作 positive/negative、正向/逆向或负向/反向、1/-1）`;

/** What `workbookTooLarge` and `workbookTooManyCells` expect instead. */
const FEWER_FOR_WORKBOOK = "要写出工作簿，应减少评价对象、年份或指标（CSV 文件包含全部内容）";

/**
 * The Chinese header a reader takes for each required column, by its English name (the values file's long layout as
 * `template --lang zh` writes it, the tree's, a weight-ranges file's), named by `missingColumn` when its caller gives
 * no aliases of its own: each is accepted by every reader that requires a column of that name.
 */
const CHINESE_HEADERS: ReadonlyMap<string, readonly string[]> = new Map([
  ["unit", ["评价对象"]],
  ["year", ["年份"]],
  ["indicator", ["指标代码"]],
  ["value", ["数值"]],
  ["code", ["代码"]],
  ["parent", ["上级代码"]],
  ["name", ["指标名称"]],
  ["weight", ["权重"]],
  ["direction", ["方向"]],
  ["min", ["最小"]],
  ["max", ["最大"]],
]);

/** `（或中文表头 "年份"）` after a missing column: the Chinese headers taken for it (`aliases`, or `CHINESE_HEADERS`); "" for none. */
const chineseHeaders = (column: string, aliases?: readonly string[]) => {
  const names = (aliases ?? CHINESE_HEADERS.get(column) ?? []).filter((name) => /[\u4e00-\u9fff]/.test(name));
  return names.length > 0 ? `（或中文表头 ${names.map(quote).join("、")}）` : "";
};

export const messagesZh: Translation<Omit<typeof messages, keyof typeof dataMessages>> = {
  // tree
  missingColumn: (column, found, aliases) => {
    const near = closestName(column, found.filter((name) => name.trim() !== ""));
    return `缺少列 ${quote(column)}${chineseHeaders(column, aliases)}；现有列为 ${listItems(found.map(quote), "、", (count) => `另有 ${count} 列`) || "（无）"}${
      near === undefined ? "" : `；现有列 ${quote(near)}：是否应为 ${quote(column)}？`
    }`;
  },
  emptyCode: (column = "code") => `代码为空；每行都应在 ${quote(column)} 列中填写代码`,
  reservedCode: (code) => `代码 ${quote(code)} 保留给总指数；应使用其他代码（代码为 ${code} 且上级节点为空的行即总指数）`,
  duplicateCode: (code, firstLine) => `代码 ${quote(code)} 重复${firstLine ? `（首次定义于第 ${firstLine} 行）` : ""}；每个代码应只出现一次`,
  unknownParent: (parent, near, codeColumn = "code") =>
    `未知的上级节点 ${quote(parent)}；应为 ${quote(codeColumn)} 列中的代码或空单元格${
      near === undefined ? "" : `；是否应为 ${quote(near)}（该行既没有下级节点，也没有方向）？`
    }`,
  selfParent: (code) => `节点 ${quote(code)} 的上级节点是其自身；应为其他代码或空单元格`,
  treeCycle: (path) => `指标体系中存在循环：${path.join(" -> ")}；每条上级节点链都应止于一级节点`,
  missingDirection: (code) => `指标 ${quote(code)} 没有方向；${DIRECTIONS}`,
  badDirection: (code, found) => `指标 ${quote(code)} 的方向为 ${quote(found)}；${DIRECTIONS}`,
  badWeight: (code, found, decimalMark) =>
    `节点 ${quote(code)} 的权重为 ${quote(found)}；${
      decimalMark === "ambiguous"
        ? "应为以小数逗号书写的不小于 0 的数（如 0,25）或空单元格（如果文件使用小数点，应指定 --decimal .）"
        : `应为不小于 0 的数或空单元格${decimalMark === "comma" ? "（是否使用了小数逗号？请指定 --decimal , 选项）" : ""}`
    }`,
  negativeWeight: (code, found) => `节点 ${quote(code)} 的权重 ${quote(found)} 为负数；应为不小于 0 的数`,
  mixedWeights: (parent, given, empty, name) =>
    `${childrenInWords(parent, name)}中，有的给出了权重（${list(given)}），有的为空（${list(empty)}）；应全部给出或全部为空`,
  weightsPercentMixed: (parent, percent, plain, name) =>
    `${childrenInWords(parent, name)}的权重中既有百分数（${list(percent.map(({ code, text }) => `${code} ${text}`))}）又有普通数（${list(plain.map(({ code, text }) => `${code} ${text}`))}）；百分号会被去掉（60% 读作 60），两者会相差 100 倍；同级权重应采用同一种写法：全部带百分号（或在 Excel 中设为百分比格式），或全部不带`,
  zeroWeightSum: (parent, name) => `${childrenInWords(parent, name)}的权重之和为 0；权重之和应为正数`,
  weightsRenormalised: (parent, sum, name) => `${childrenInWords(parent, name)}的权重之和为 ${sum}，不等于 1；已将各权重除以其和`,
  emptyTree: () => `指标体系中没有节点；应至少有一个指标`,

  // values
  badYear: (found) => `年份 ${quote(found)} 不是有效年份；应为四位数年份，例如 2017（或 2017年）`,
  badValue: (found, column) =>
    `${column === undefined ? "" : `${quote(column)} 列中的`}数值 ${quote(found)} 不是数字${
      isExcelError(found)
        ? "，而是 Excel 公式的错误值（公式计算失败：请改正公式或它引用的单元格）"
        : isCurrencyDash(found)
          ? "，而是货币符号加短横线，这是 Excel 会计专用格式显示 0 的方式（是 0，还是无数据？）"
          : ""
    }；应为 1234.5、1,234.5 或 1.96% 这样的数字，缺失值则应为空单元格`,
  valueNotFinite: (indicator, unit, year, found) =>
    `指标 ${quote(indicator)}（评价对象 ${quote(unit)}，${year} 年）的值为 ${found > 0 ? "Infinity" : "-Infinity"}；应为有限的数，缺失值用 NaN 表示（是除以零吗？）`,
  recordNotNumber: (indicator, unit, year, found) =>
    `指标 ${quote(indicator)}（评价对象 ${quote(unit)}，${year} 年）的值为 ${typeof found === "string" ? quote(found) : String(found)}（${
      TYPE_NAMES[typeof found] ?? typeof found
    }）；应为数字，缺失值用 NaN 表示`,
  ambiguousNumber: (found, column) =>
    `${column === undefined ? "" : `${quote(column)} 列中的`}数值 ${quote(found)} 在以逗号为小数点时含义不明（逗号是小数点还是千位分隔符？）；应写作 1234,5 或 1.234,5；如果文件使用小数点，应指定 --decimal .`,
  decimalComma: (found, column) =>
    `${column === undefined ? "" : `${quote(column)} 列中的`}数值 ${quote(found)} 不是以小数点书写的数字：是否使用了小数逗号？请指定 --decimal , 选项（应为 1234.5、1,234.5 或 1.96% 这样的数字）`,
  fullWidthComma: (found, column) =>
    `${column === undefined ? "" : `${quote(column)} 列中的`}数值 ${quote(found)} 不是数字：全角逗号"，"不是小数点（中文以小圆点为小数点），而是千位分隔符，其后须为三位数字；应为 １，２３４、1234 或 123.4 这样的数字`,
  badYearColumn: (found) =>
    `列名 ${quote(found)} 看似年份，但并不是年份；应为四位数年份，例如 2017（或 2017年）；如果该列是其他内容（增长率、备注），应改用不含连续四位数字的列名，或删除该列`,
  twoDigitYearColumn: (found) =>
    `列名 ${quote(found)} 看似用两位数字书写的年份，这种写法不会被读取（不会猜测其世纪）；应为四位数年份，例如 2021（或 2021年）；如果该列是其他内容，应改用其他列名`,
  chineseYearColumn: (found) =>
    `列名 ${quote(found)} 看似用汉字数字书写的年份，这种写法不会被读取；应为用阿拉伯数字书写的四位数年份，例如 2021（或 2021年）；如果该列是其他内容（备注），应改用不含连续四个汉字数字的列名`,
  yearColumnSwapped: (column, names, unitColumn) =>
    `${quote(column)} 列中是 ${names.map(quote).join("、")} 这样的名称，而 ${quote(unitColumn)} 列中是年份：${unitColumn} 列与 ${column} 列是否放反了？${quote(column)} 列中应为年份`,
  yearColumnNames: (column, names) =>
    `${quote(column)} 列中是 ${names.map(quote).join("、")} 这样的名称，而不是年份：是否选错了列？应为 2017 这样的年份`,
  manyUnknownIndicators: (count, codes) =>
    `有 ${count} 个数值所对应的指标不在指标体系中，例如 ${codes.map(quote).join("、")}：这是否是另一个指标体系的数据文件，或选错了列？指标列中应为指标体系中末级指标的代码`,
  manyDuplicates: (count) =>
    `有 ${count} 个数值重复：文件是否包含多个评价对象却没有评价对象列，或某个年份出现了两次？每个评价对象、年份和指标应只有一个数值`,
  manyDuplicatesAcrossFiles: (count, first, second, otherPairs = 0) =>
    `有 ${count} 个数值重复：${quote(first)} 与 ${quote(second)} 给出了相同的单元格${
      otherPairs > 0 ? `（另有 ${otherPairs} 对文件也是如此）` : ""
    }：其中一个是否为另一个的副本（如"… - 副本.csv"或"… (1).csv"），或同一年份在两个文件中都出现了？每个评价对象、年份和指标应只出现在文件夹的一个文件中（删除副本，每个年份只放在一个文件中）`,
  noNumbers: () => `文件中没有任何数字：是否为空模板？应至少有一个单元格填有数值`,
  repeatedColumn: (name, firstColumn, column, firstName = name) =>
    `第 ${column} 列 ${quote(name)} 与第 ${firstColumn} 列${firstName === name ? "" : ` ${quote(firstName)} `}重复，无法确定哪一列是数值；每列应只出现一次`,
  mergedHeaderColumn: (name, firstColumn, column, cell, range) =>
    `第 ${column} 列 ${quote(name)} 与第 ${firstColumn} 列重复，因为它的表头单元格 ${cell} 属于合并区域 ${range}，Excel 在该区域的每个单元格中都显示同一文字；每列应在自己的表头单元格中写出列名：取消合并 ${range}，再为第 ${column} 列命名（若数值都在第 ${firstColumn} 列，则删除第 ${column} 列）`,
  unknownIndicator: (code, nameOf) =>
    nameOf === undefined
      ? `未知的指标 ${quote(code)}；应为指标体系中末级指标的代码`
      : `未知的指标 ${quote(code)}，它是 ${quote(nameOf)} 的名称；应为指标体系中末级指标的代码（数据以代码指称指标）`,
  fullWidthCode: (code, halfWidth) =>
    `未知的指标 ${quote(code)}，它是以全角字符书写的 ${quote(halfWidth)}（中文输入法在全角模式下输入的字符）；应为指标体系中末级指标的代码，写法与指标体系相同`,
  valueForGroup: (code) => `${quote(code)} 是指标体系中的指标组；只应为指标（末级）提供数值`,
  duplicateValue: (unit, year, indicator, firstLine, firstFile) =>
    `数值重复：${unitYear(unit, year)}，指标 ${quote(indicator)}${
      firstLine ? `（首次出现于${firstFile ? ` ${firstFile} ` : ""}第 ${firstLine} 行）` : ""
    }；每个评价对象、年份和指标应只有一个数值`,
  indicatorWithoutValues: (code) => `指标 ${quote(code)} 没有数值；数据中应至少有它的一个数值`,
  missingValue: (indicator, unit, year, policies = ALL_FILLING_POLICIES) =>
    `缺少指标 ${quote(indicator)}${ofUnitYear(unit, year)}的数值；${
      policies.length === 0
        ? "应提供数值：没有一种缺失值处理方式能同时填补它和该序列缺少的基期值"
        : `应提供数值，或${[
            ...(policies.some((policy) => policy !== "reweight") ? [`指定能填补它的缺失值处理方式 --missing ${policies.filter((policy) => policy !== "reweight").join("|")}`] : []),
            ...(policies.includes("reweight") ? ["用 --missing reweight 在其所属指标组的得分中略去它"] : []),
          ].join("，或")}（也可用指标体系文件的 "missing" 列）`
    }`,
  baseYearAbsent: (year, years) => `基期 ${year} 年不在数据中；应为以下年份之一：${list(years) || "（无年份）"}`,
  noData: () => `数据中没有数值；应有由评价对象、年份、指标和数值构成的行`,
  wrongFieldCount: (found, expected, numberAfter = found > expected, headerLine = 1) =>
    `该行有 ${found} 个字段；应与表头（第 ${headerLine} 行）一样有 ${expected} 个字段${
      numberAfter ? `（用千位分隔符书写的数字，如 1,234，除非加引号写作 "1,234"，否则会被拆成两个字段）` : ""
    }`,
  emptyUnit: (column, firstLine, lastLine, above) =>
    `评价对象列 ${quote(column)} 在${firstLine === lastLine ? `第 ${firstLine} 行` : `第 ${firstLine}-${lastLine} 行`}为空；每行都应填写评价对象${
      above ? `（上方的 ${quote(above)} 是否在 Excel 中合并了这些行的单元格？合并单元格另存为 CSV 时只有第一行有值：应取消合并，并在每行填写评价对象）` : ""
    }`,
  mergedValue: (cell, first, column) =>
    `${quote(column)} 列的单元格 ${cell} 与 ${first} 合并，工作表在合并区域中显示的是 ${first} 的值；合并区域的值只属于其第一个单元格（Excel 另存为 CSV 时也是如此），因此 ${cell} 没有值；每个单元格都应有自己的值：应取消合并单元格`,
  unknownLayout: (header) =>
    `${header.length === 0 ? "文件为空（没有表头，也没有行）" : `无法从表头 ${header.map(quote).join("、")} 判断文件布局`}；应为长格式（列为 "unit,year,indicator,value"，或中文表头 "评价对象,年份,指标代码,数值"）或宽格式（列为 "indicator,2017,2018,..."，或 "指标代码,2017,2018,..."）`,

  // method
  baseValueZero: (indicator, unit, year) =>
    `指标 ${quote(indicator)}${ofUnit(unit)}：基期值（${year} 年）为 0，定基指数（fixed-base）无法计算；应为非零的基期值`,
  baseValueMissing: (indicator, unit, year, policies) =>
    `指标 ${quote(indicator)}${ofUnit(unit)}：没有 ${year} 年的基期值，定基指数（fixed-base）无法计算；应提供基期的数值${baseFillers(year, policies)}`,
  baseValueNegative: (indicator, unit, year, value) =>
    `指标 ${quote(indicator)}${ofUnit(unit)}：基期值（${year} 年）为 ${value}，定基比率没有意义；应为正的基期值`,
  afterTreatment: (method, original) =>
    `（这是经异常值处理 ${method} 后的值，数据中为 ${original}：相对基期的比率需要使用原始数值，因此请改用其他标准化方法，或不使用 --outliers）`,
  zeroValueNegativeDirection: (indicator, unit, year) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 0，而该指标为逆向指标，因此无法计算基期值与数值之比；应为非零数值`,
  unknownMethod: (kind, found, expected) =>
    `未知的${methodKind(kind)} ${quote(found)}；应为以下之一：${list(expected)}${
      /^power:/.test(found) && expected.includes("power") ? "（在列表中 power 不带指数：指数由 --power P 给出）" : didYouMean(found, expected)
    }`,
  allowedChoices: (found, expected) => {
    const near = closestName(found, expected);
    return `可选值为：${choicesInWords(expected)}。${near === undefined ? "" : `是否应为 ${quote(near)}？`}`;
  },
  unknownChoice: (option, found, expected) => `${option} ${quote(found)} 不是可选值；应为以下之一：${choicesInWords(expected)}${didYouMean(found, expected)}`,
  unknownArgumentChoice: (argument, command, found, expected) =>
    `命令 ${command} 的参数 ${argument} 没有 ${quote(found)} 这一取值；应为以下之一：${choicesInWords(expected)}${didYouMean(found, expected)}`,
  unknownOptionChoice: (option, found, expected, given) =>
    `选项 ${option} 没有 ${quote(found)} 这一取值${given === undefined ? "" : `（在列表 ${quote(given)} 中）`}；${given === undefined ? "应为以下之一" : "每一项都应为以下之一"}：${choicesInWords(expected)}${
      /^power:/.test(found) && expected.includes("power") ? "（在列表中 power 不带指数：指数由 --power P 给出）" : didYouMean(found, expected)
    }`,

  // method choices
  chainBaseMissing: (indicator, unit, year, policies) =>
    `指标 ${quote(indicator)}${ofUnit(unit)}：没有 ${year} 年的基期值，链式指数（chain）没有起点；应提供基期的数值${baseFillers(year, policies)}`,
  chainValueNotPositive: (indicator, unit, year, value) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 ${value}，链式指数（逐年环比的连乘积）无法计算；应为正数`,
  referenceValueNotPositive: (indicator, unit, year, value) =>
    `指标 ${quote(indicator)}（参照评价对象 ${quote(unit)}，${year} 年）：参照值${
      Number.isNaN(value) ? "缺失" : `为 ${value}`
    }，无法计算与参照值的距离；应为正数`,
  unknownReferenceUnit: (unit, units) =>
    units.length === 1 && units[0] === ""
      ? `参照评价对象 ${quote(unit)} 不在数据中：数据中唯一的评价对象没有名称（数值没有评价对象列）；应为含评价对象列、有多个评价对象的数值，其中之一为 ${quote(unit)}`
      : `参照评价对象 ${quote(unit)} 不在数据中；应为以下之一：${listItems(units.map(quote), "、", (count) => `等另外 ${count} 个`)}${didYouMean(unit, units)}`,
  zeroValueReversedRatio: (indicator, unit, year, method) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 0，而该指标为逆向指标，因此 ${method}（参照值 / 数值）无法计算；应为非零数值`,
  negativeValueReversedRatio: (indicator, unit, year, value, ratio) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 ${value}，而该指标为逆向指标，因此${spaced(ratioOf(ratio))}为负，使该评价对象的排名低于所有正值，但该指标本应数值越小越好；应为正数，或改用可处理负值的 min-max 或 z-score`,
  scoreNotFinite: (code, unit, year) =>
    `${quote(code)}${ofUnitYear(unit, year)}：得分过大，超出了数值可表示的范围（±1.8e308），将被记为缺失；数值的量级应使其比率与和仍可表示（请对照基期值或参照值检查该数值：1e-320 这样的基期值实际上就是 0）`,
  dampenUndefined: (indicator, unit, year, value, dampen) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 ${value}，因此比率${value === 0 ? "为 0" : "为负"}，而${
      dampen === "log" ? "对数压缩 100·(1 + ln r) 要求 r > 0" : "平方根压缩 100·√r 要求 r >= 0"
    }；应为${dampen === "log" ? "正数" : "非负数"}，或不做压缩`,
  constantIndicator: (indicator, method, value, count, year, unitCount) =>
    `指标 ${quote(indicator)} ${year === undefined ? "" : `在 ${year} 年`}${
      count === 1 ? "只有一个数值" : `的全部 ${count} 个观测值均为 ${value}`
    }，因此 ${method} 无法计算（${method.startsWith("z-score") ? "sd = 0" : "max = min"}）；应至少有两个不同的数值${
      year !== undefined && unitCount === 1 ? `（只有一个评价对象时，应对整个面板使用 ${method.replace("-year", "")}）` : "，或改用其他标准化方法"
    }`,
  indicatorSettingOnGroup: (code, column) => `指标组 ${quote(code)} 的 ${quote(column)} 列有值；该列只应用于指标（末级）`,
  groupSettingOnIndicator: (code, column) => `指标 ${quote(code)} 的 ${quote(column)} 列有值；该列只应用于指标组`,
  badNumericSetting: (code, column, found) => `指标 ${quote(code)} 的 ${column} 为 ${quote(found)}；应为数字`,
  badChoiceSetting: (code, column, found, expected) =>
    `节点 ${quote(code)} 的 ${column} 为 ${quote(found)}；应为以下之一：${list(expected)}${didYouMean(found, expected)}`,
  capTooLow: (code, cap) => `指标 ${quote(code)} 的 cap 为 ${cap}；应为不小于 100 的数（上限低于 100 时，基期将不再是 100）`,
  capOptionTooLow: (cap) => `--cap ${cap} 小于 100；应为不小于 100 的数（上限低于 100 时，基期将不再是 100）`,
  missingGoalposts: (code, noMin, noMax) =>
    `指标 ${quote(code)} 使用 min-max-goalposts，但指标体系中没有 ${
      noMin && noMax ? `"min" 和 "max"` : noMin ? `"min"` : `"max"`
    }；应在 "min" 和 "max" 列中填写数值`,
  goalpostsOrder: (code, min, max) => `指标 ${quote(code)} 的上下限为 min ${min}、max ${max}；应满足 min < max`,
  missingTarget: (code) => `指标 ${quote(code)} 使用 distance-to-target，但指标体系中没有 "target"；应在 "target" 列中填写正数`,
  targetNotPositive: (code, target) => `指标 ${quote(code)} 的 target 为 ${target}；应为正数`,
  scoreNotPositive: (method, group, child, unit, year, value) =>
    `指标组 ${quote(group)}${ofUnitYear(unit, year)}：下级节点 ${quote(child)} 的得分为 ${value}，而${meanOf(method)}要求得分 > 0；` +
    `应为正的得分（fixed-base 对数值 0 记 0 分，min-max 给最小值记 0 分，z-score 可能为负：可使用 1 至 100 区间的 min-max（--range 1,100，COINr 在几何平均前也这样做）、对正数值使用 fixed-base，或使用 --aggregate arithmetic）`,
  mpiMeanNotPositive: (group, unit, year, mean) =>
    `指标组 ${quote(group)}${ofUnitYear(unit, year)}：下级节点得分的均值为 ${mean}，因此 MPI 的惩罚项 sd²/mean 无法计算；应为正的均值（MPI 适用于 100 ± 10 尺度上的 z-score）`,
  optionUnused: (option, methods) => `${option} 不起作用：没有指标采用 ${list(methods)} 标准化`,
  outlierOptionUnused: (option, methods) =>
    `${option} 不起作用：没有指标的异常值处理方式为 ${methods.join(" 或 ")}（--outliers，或指标体系文件的 outliers 列）`,
  unfilledUnused: (policies) =>
    `--unfilled 不起作用：没有指标的缺失值处理方式会填补缺失，因此不存在未填补的缺失值；应使用 ${policies
      .map((policy) => `--missing ${policy}`)
      .join("、")}（或在指标体系文件的 missing 列中设置其中之一）`,
  zeroBaseUnused: () =>
    `--zero-base 不起作用：它只用于采用 fixed-base 标准化、且未在指标体系的 zero_base 列中单独设置的指标，而这样的指标一个也没有；应使用 --normalise fixed-base（或在指标体系文件的 normalise 列中填写 fixed-base）`,
  optionUnusedOnStdout: (option) =>
    `${option} 在 --out - 下不起作用，因为 --out - 不写出文件；应使用 --out <dir>${option === "--xlsx" ? "（或用 --format xlsx 将工作簿输出到标准输出）" : ""}`,
  staticWithoutReport: () => `--static 在没有 --report 时不起作用：它设置 report.html 的外观，而只有 --report 才会写出该文件；应使用 --report --static`,
  aggregateLevelWithoutGroups: (level, levels) =>
    `--aggregate 指定的层级 ${level} 没有指标组；应为以下层级之一：${list(levels)}（0 为总指数）`,

  // uncertainty
  unknownRangeNode: (code) => `权重范围中有未知的节点 ${quote(code)}；应为指标体系中的代码`,
  badRangeBound: (code, bound, found) => `节点 ${quote(code)} 的 ${bound} 权重为 ${quote(found)}；应为不小于 0 的数`,
  invertedRange: (code, min, max) => `节点 ${quote(code)} 的 min ${min} 大于 max ${max}；应满足 min <= max`,
  unitNameRefused: (source, name, units) =>
    `${source}：--unit ${quote(name)} 用于为没有评价对象列的数据指定唯一的评价对象，但数据中已写明评价对象（${units
      .slice(0, 5)
      .map((unit) => quote(unit))
      .join("、")}${units.length > 5 ? `、…，共 ${units.length} 个` : ""}）；应不使用 --unit，或使用没有评价对象列的数据`,
  scalesMixed: (groups, option = "--normalisations") =>
    `${option} 混合了不同尺度：${groups.map((group) => `${list(group.methods)} 为${spaced(scaleOf(group.scale)).trimEnd()}`).join("；")}。每次运行的指数位于所抽方法的尺度上，因此其区间和 Sobol 指数衡量的是尺度之间的跳跃，而不是不确定性；应选用同一尺度的方法，或只看位次列及位次的 Sobol 指数（见 docs/guides/uncertainty-notes.md）`,
  runsUndefined: (cells, runs) =>
    `指数在基准运行中有定义，但在部分运行中无定义：${cells
      .slice(0, 3)
      .map(({ unit, year, count }) => `${unitYear(unit, year)}：${runs} 次抽样运行中有 ${count} 次`)
      .join("；")}${cells.length > 3 ? `（另有 ${cells.length - 3} 个评价对象-年份）` : ""}。有运行给指标体系中权重为 0 的下级节点赋予了权重（--weight-ranges），而该节点得分不大于 0，在几何平均、调和平均或幂平均下无定义；这些评价对象-年份的区间按其余抽样运行计算（即区间所依据的两组样本，共 2 × 重复次数 次运行；若没有其余运行，区间为空）。应只对得分符合该平均方式要求的下级节点使用 --weight-ranges，或使用加权算术平均`,
  nothingVaries: () =>
    `没有任何可变因素；应指定 --weight-noise、--weight-ranges，或在 --normalisations、--aggregations 或 --missing-policies 中给出两种及以上方法`,
  choiceUndefined: (normalize, aggregate, missing) =>
    `在标准化方法 ${quote(normalize)}、合成方法 ${quote(aggregate)} 和缺失值处理方式 ${quote(missing)} 下，指数无定义（问题见下）；应使用数据允许的方法：请将其中之一从所在列表中删除`,
  workbookTooLarge: (rows, limit) =>
    `未写出 index.xlsx：得分表有 ${rows} 行，而一个 Excel 工作表最多容纳 ${limit} 行（含表头）；${FEWER_FOR_WORKBOOK}`,
  csvTextsShownOtherwise: (texts, count, workbook) =>
    `CSV 文件中有${count === 1 ? "一个代码或评价对象名称" : ` ${count} 个代码或评价对象名称`}在 Excel 打开时不按原样显示：${texts
      .map(({ text, shown }) => `${quote(text)}（${shown.kind === "number" ? `显示为 ${shown.shown}` : shown.kind === "scientific" ? "显示为科学记数法" : shown.kind === "date" ? "显示为日期" : "显示为时间"}）`)
      .join("、")}${count > texts.length ? `，另有 ${count - texts.length} 个` : ""}；文件中仍按原样保存。如需在 Excel 中看到原样：${workbook ? "请打开 index.xlsx，其中" : "请写出 index.xlsx（--xlsx），其中"}以文本保存，或用 Excel 的“数据 > 自文本/CSV”导入 CSV 文件并将这些列设为文本`,
  workbookTooManyCells: (cells, limit) =>
    `未写出 index.xlsx：其各工作表将包含约 ${cells} 个单元格，超过 ${limit}（写出和打开都需要数分钟）；${FEWER_FOR_WORKBOOK}`,
  moreProblems: (count, what) =>
    `… 另有 ${count.toLocaleString("en-US")} 个${what === "problems" ? "问题" : "警告"}（使用 --all-problems 运行可全部列出）`,
  workbookTextCut: (sheet, cell, length, limit) =>
    `工作表 ${quote(sheet)} 单元格 ${cell}：${length} 个字符的文本被截断为 ${limit} 个字符，即 Excel 单元格的容量上限；应使用更短的文本（CSV 文件包含完整文本）`,
  duplicateChoice: (option, found) => `${option} 中 ${quote(found)} 出现了两次；每种方法应只列出一次`,
  nominalConflict: (option, found, listOption, list) =>
    `${option} ${found} 与 ${listOption} ${list.join(",")} 的基准选择不一致（基准选择是 ${listOption} 中的第一项）；${listOption} 应以 ${found} 开头，或只使用这两个选项之一`,
};
