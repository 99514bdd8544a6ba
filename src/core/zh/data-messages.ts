/** The Chinese messages of `dataMessages` (src/core/data-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { dataMessages, FormulaSyntax, UnitLikeness } from "../data-messages.js";
import type { Translation } from "../localize.js";
import { listItems, quote } from "../quote.js";
import { didYouMean, list, ofUnitYear } from "./words.js";

/** `在评价对象 "常州"、2018 年`, or `在 2018 年` for the one unnamed unit of a single-unit file (`unitYear`, inside a sentence). */
const atUnitYear = (unit: string, year: number) => (unit === "" ? `在 ${year} 年` : `在评价对象 ${quote(unit)}、${year} 年`);

/** ` 在 2018 年` between an indicator and what it does, or a space when the message is about the whole panel. */
const inYear = (year?: number) => (year === undefined ? " " : ` 在 ${year} 年`);

const round = (value: number) => Math.round(value * 1000) / 1000;
/** How two units' names look alike (`UnitLikeness`), after "的名称". */
const LIKENESS: Readonly<Record<UnitLikeness, string>> = {
  same: "只差大小写、全角半角或空格",
  prefix: "一个是另一个的开头",
  edit: "只差一个字符",
};
const noneOf = (indicators: number) => (indicators === 1 ? "唯一的指标无数值" : `${indicators} 个指标均无数值`);

/** Why each kind of syntax refused in a formula is (`formulaSyntaxRefused`), in Chinese. */
const REFUSED_FORMULA_SYNTAX: Readonly<Record<FormulaSyntax, string>> = {
  access: "不允许访问属性或下标",
  matrix: "不允许使用矩阵",
  assignment: "不允许赋值",
  statements: "不允许写多条语句",
  functionDefinition: "不允许定义函数",
  object: "不允许使用对象",
  range: "不允许使用区间",
  chainedComparison: "不允许连续比较",
};

export const dataMessagesZh: Translation<typeof dataMessages> = {
  yearColumnDates: (column, dates) =>
    `${quote(column)} 列中是 ${list(dates.map(quote))} 这样的日期，而不是年份；应为 2017 这样的年份（在 Excel 中：把年份输入为数字，或把日期的数字格式设为 "yyyy"，这样读到的就是年份）`,
  unitColumnUnread: (columns, year, indicator, first, second, unitNames) =>
    `未找到评价对象列，而第 ${first} 行和第 ${second} 行都给出了 ${year} 年指标 ${quote(indicator)} 的数值，像是两个评价对象的行；未读取 ${list(columns.map(quote))} 列：评价对象列应命名为 unit（或 ${list([...unitNames])}），请把写有评价对象的列改为这样的列名`,
  measureMismatch: (indicator, found, expected, place, fromTree) =>
    `指标 ${quote(indicator)} 此处的计量单位为 ${quote(found)}，而${fromTree ? "指标体系中" : "前面的行中"}为 ${quote(expected)}${
      place ? `（${place}）` : ""
    }；数值按所写读取，不作换算，两者会被当作相同单位比较；应为 ${quote(expected)}：请把数值换算为该单位，或更正${fromTree ? "指标体系或此处" : "其中一行"}的计量单位`,
  unitColumnOfMeasures: (column, measures) =>
    `${quote(column)} 列中是计量单位（${list(measures.map(quote))}），而不是指数所评价的对象（地区、园区、企业）；应将该列命名为 measure（或 计量单位），即计量单位列，程序会将其与指标体系中的计量单位核对`,
  measureColumnConflict: (column, texts, indicator, year, lines) =>
    `${quote(column)} 列对指标 ${quote(indicator)}${year === undefined ? "" : ` ${year} 年`}在并非同一评价对象的两行中分别给出了 ${quote(texts[0])}${lines ? `（第 ${lines[0]} 行）` : ""}和 ${quote(texts[1])}${
      lines ? `（第 ${lines[1]} 行）` : ""
    }，而计量单位不会这样不同；该列应为计量单位（对每个评价对象都相同）：如果写的是所评价的对象，请把列名改为 评价对象（或 unit）；${
      lines ? "如果是备注，请把列名改为 x_单位 或 备注，程序不会读取这样的列" : "如果是备注，请把它从数值中去掉"
    }`,
  nameMismatch: (indicator, found, expected, treePlace, rows) =>
    `指标 ${quote(indicator)} 此处的名称为 ${quote(found)}${rows > 1 ? `（本文件中另有 ${rows - 1} 行也是如此）` : ""}，而指标体系中为 ${quote(expected)}${
      treePlace ? `（${treePlace}）` : ""
    }；数值只按代码读取，如果代码与名称错位（只按一列排序了？），这些数值其实属于另一个指标；每个代码旁应为指标体系中的名称：请核对该行的代码，或更正名称`,
  unitTotal: (unit) =>
    `评价对象 ${quote(unit)}（此处为其首行）的名称是合计或小计，但它仍像其他评价对象一样被读取：它会参与 min-max、z-score 和排名（合计通常最大，会排第一并决定 min-max 的最大值）；数值中应只有指数所评价的对象：请删除合计所在的行，如果它确实是一个评价对象，请改名`,
  unitColumnMixed: (folder, without, named, units) =>
    `${folder}：${listItems(without, "、", (more) => `另有 ${more} 个`, 5)} 没有评价对象列（其数值属于一个未命名的评价对象），而 ${listItems(named, "、", (more) => `另有 ${more} 个`, 5)} 写明了评价对象（${list(units.map(quote))}），这样同一评价对象的数值会被读成两个评价对象；数据文件夹中的文件应全都有评价对象列，或全都没有：请在${without.length === 1 ? ` ${without[0]} ` : "这些文件"}中添加评价对象列，写明每行的评价对象`,
  queryValueRepeated: (indicator, treePlace, unit, year, count) =>
    `指标 ${quote(indicator)}${ofUnitYear(unit, year)}的数值${count > 1 ? `（以及本文件中另外 ${count - 1} 个）` : ""}同时也由 ${quote(indicator)} 的查询给出（指标体系的 sql 列，${treePlace}）；带查询的指标，其每个数值应只来自查询或数据文件之一，而不是两者：请从本文件删除这些行，或从指标体系中删除该查询`,
  leadingZerosCode: (code, treeCode) =>
    `未知的指标 ${quote(code)}：Excel 会去掉开头的 0：是否应为 ${quote(treeCode)}？请把代码存为文本（在 Excel 中：把该列的格式设为“文本”，再重新输入代码），写法与指标体系相同`,
  caseCode: (code, treeCode) =>
    `未知的指标 ${quote(code)}：是否应为 ${quote(treeCode)}？应为指标体系中末级指标的代码，字母大小写与指标体系相同`,
  lookalikeCode: (code, treeCode) =>
    `未知的指标 ${quote(code)}：是否应为 ${quote(treeCode)}？字母 l、I、O 与数字 1、0 形似；应为指标体系中末级指标的代码，写法与指标体系相同`,
  nearCode: (code, treeCode, withoutValues) =>
    `未知的指标 ${quote(code)}：是否应为 ${quote(treeCode)}${withoutValues ? "（最接近的、未读到任何数值的末级指标代码：指标体系中改过代码的指标）" : ""}？应为指标体系中末级指标的代码，写法与指标体系相同`,
  infiniteValue: (source, unit, year, indicator, value) =>
    `${source}：指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 ${value > 0 ? "Infinity" : "-Infinity"}；应为有限数值（缺失值应为空单元格或 NULL）`,
  notANumberValue: (source, unit, year, indicator) =>
    `${source}：指标 ${quote(indicator)}${ofUnitYear(unit, year)}：数值为 NaN（不是数，0/0 即得此结果：可能是两个为 0 的合计相除）；应为有限数值，缺失值应为 NULL（NULLIF(分母, 0) 在除数为 0 时得 NULL）`,
  // formulas
  badFormula: (indicator, formula, reason) =>
    `指标 ${quote(indicator)} 的公式 ${quote(formula)} 被拒绝：${reason}；应为由变量名构成的算术式，例如 "rd_spending / revenue * 100"`,
  formulaTooLong: (limit) => `其长度超过 ${limit} 个字符`,
  formulaUnparsed: (reason) => `无法解析（${reason}）`,
  formulaSyntaxRefused: (syntax) => REFUSED_FORMULA_SYNTAX[syntax],
  formulaNodeRefused: (type) => `不允许使用 ${type}`,
  formulaConstantNotNumber: (value) => `常量 ${JSON.stringify(value)} 不是数字`,
  formulaOperatorRefused: (operator) => `不允许使用运算符 ${JSON.stringify(operator)}`,
  formulaFunctionRefused: (name, allowed) =>
    `${name === undefined ? "不允许调用表达式形式的函数" : `不允许使用函数 ${name}`}；允许使用的函数：${allowed.join("、")}`,
  formulaFunctionDisabled: (name) => `不允许使用函数 ${name}`,
  formulaNotPlainName: (name) => `名称 ${JSON.stringify(name)} 不是普通的标识符`,
  formulaMathjsName: (name) => `名称 ${JSON.stringify(name)} 是 mathjs 的内置名称，不是变量；请为该变量改名`,
  formulaResultNotNumber: () => "结果不是数字",
  formulaOnGroup: (code) => `指标组 ${quote(code)} 设有公式；公式只应设在指标（末级）上`,
  formulaReference: (indicator, formula, name) =>
    `指标 ${quote(indicator)} 的公式 ${quote(formula)} 引用了 ${quote(name)}，它是指标组或另一个由公式计算的指标；公式应引用变量或普通指标`,
  unknownVariable: (indicator, formula, name) =>
    `指标 ${quote(indicator)} 的公式 ${quote(formula)} 使用了未知变量 ${quote(name)}；数据文件中应有指标为 ${quote(name)} 的行`,
  valueForFormula: (indicator) => `${quote(indicator)} 由其公式计算；应提供其变量的数值，而不是该指标本身的数值`,
  formulaFailed: (indicator, formula, unit, year, reason) =>
    `指标 ${quote(indicator)} 的公式 ${quote(formula)} ${atUnitYear(unit, year)}计算失败：${reason}；结果应为数字`,
  formulaNotFinite: (indicator, formula, unit, year, value, scope) =>
    `指标 ${quote(indicator)} 的公式 ${quote(formula)} ${atUnitYear(unit, year)}的结果为 ${value}（${
      scope.map(([name, x]) => `${name} = ${x}`).join("，") || "没有变量"
    }）${Number.isNaN(value) ? "" : "，可能是除以了 0"}；结果应为有限数值`,

  // missing values
  cannotImpute: (indicator, unit, year, policy) =>
    `缺少指标 ${quote(indicator)}${ofUnitYear(unit, year)}的数值，而 ${policy} 找不到${
      policy === "mean" || policy === "median"
        ? ` ${year} 年其他评价对象`
        : `该评价对象${policy === "carry-forward" ? "更早年份" : policy === "carry-back" ? "更晚年份" : "已观测到"}`
    }的数值可用；应提供数值（或改用其他缺失值处理方式）`,
  baseImputed: (cells) =>
    `${cells.length === 1 ? "1 个基期值" : `${cells.length} 个基期值`}由缺失值处理方式填补（${listItems(
      cells.map((cell) => `指标 ${quote(cell.indicator)}${cell.unit === "" ? "" : `（评价对象 ${quote(cell.unit)}）`}，${cell.year} 年：${cell.method}`),
      "；",
      (more) => `另有 ${more} 个`,
    )}）：相应序列的定基指数都以这个推算出的数值为基准；基期值应为实际观测值（imputations.csv 列出了这些单元格）`,
  yearEmpty: (year, indicators) =>
    `${year} 年没有任何评价对象的数值（${noneOf(indicators)}）；应提供该年的数值，或把该年从数值中去掉（是为将来年份预留的空列吗？）：缺失值处理方式不会只凭其他年份填补整整一年`,
  unitEmpty: (unit, indicators) => `评价对象 ${quote(unit)} 在任何年份都没有数值（${noneOf(indicators)}）；应提供其数值，或把该评价对象从数值中去掉`,
  unitYearEmpty: (unit, year, indicators, renamed) =>
    `${unit === "" ? "" : `评价对象 ${quote(unit)} `}${year} 年没有数值（${noneOf(indicators)}）；应提供其 ${year} 年的数值：缺失值处理方式不会凭其他年份填补整个评价对象年份${
      renamed === undefined ? "" : `（评价对象 ${quote(renamed)} 有 ${year} 年的数值，而在 ${quote(unit)} 有数值的年份都没有数值：是同一评价对象换了名称吗？）`
    }`,
  unitLookalike: (unit, values, other, otherValues, likeness, indicator, year) =>
    `评价对象 ${quote(unit)}（${values} 个数值）与 ${quote(other)}（${otherValues} 个数值，首个为指标 ${quote(indicator)}、${year} 年）的名称${LIKENESS[likeness]}，且从未在同一指标、同一年份都有数值：是同一评价对象用了两个名称吗？每个评价对象应只有一个名称，各行写法相同（用两个名称时，两者各自作为一个评价对象排名，各缺对方的数值）`,
  badPolicy: (column, code, found, expected) =>
    `节点 ${quote(code)} 的 ${column} 为 ${quote(found)}；应为以下之一：${list(expected)}（或空单元格）${didYouMean(found, expected)}`,

  // zero base
  zeroBaseShifted: (indicator, year, baseYear) =>
    `指标 ${quote(indicator)}：${year} 年的基期值中有 0，因此其定基指数（fixed-base）改以 ${baseYear} 年为基期（${baseYear} 年为 100），而不是 ${year} 年`,
  zeroBaseMinMax: (indicator, year) =>
    `指标 ${quote(indicator)}：${year} 年的基期值中有 0，因此改用 min-max 标准化（在整个面板上映射到 0-100），而不是定基指数`,

  // outliers
  outliersRemain: (indicator, points, skewness, kurtosis, year) =>
    `指标 ${quote(indicator)}${inYear(year)}经缩尾处理 ${points} 个数据点后，仍然 |偏度| > 2 且峰度 > 3.5（偏度 ${round(skewness)}，峰度 ${round(kurtosis)}）；可调高 --winsor-max，或使用 --outliers winsorise-log（缩尾不足时再做对数变换）`,
  outliersRemainLogged: (indicator, points, skewness, kurtosis, year) =>
    `指标 ${quote(indicator)}${inYear(year)}经缩尾处理 ${points} 个数据点后仍不满足判定规则，因此对其原始数值做了对数变换（与 COINr 的默认处理相同），但仍然 |偏度| > 2 且峰度 > 3.5（偏度 ${round(skewness)}，峰度 ${round(kurtosis)}）；应为对数变换能使之趋于对称的分布：请检查该指标的数值，或不对其做处理（在指标体系中该指标所在行设置 --outliers none）`,
  logWithFixedBase: (indicator) =>
    `指标 ${quote(indicator)} 在计算定基指数前做了对数变换：其相对基期的比率现在取决于这一变换，而不仅取决于数据本身`,
  sqrtUndefined: (indicator, minimum, year) =>
    `指标 ${quote(indicator)}${inYear(year)}分布偏斜（偏度大于 1），但有小于 0 的数值（${minimum}），无法取平方根，因此未做变换；使用 --outliers sqrt 时数值应 >= 0`,
  logUndefined: (indicator) =>
    `指标 ${quote(indicator)} 只有一个取值，因此对数变换 ln(x − min + 0.01·(max − min)) 无定义；应至少有两个不同的取值`,
};
