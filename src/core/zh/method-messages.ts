/** The Chinese messages of `methodMessages` (src/core/method-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import type { methodMessages } from "../method-messages.js";
import { quote } from "../quote.js";
import { spaced, unitYear } from "./words.js";

/** A list of quoted codes in a Chinese sentence. */
const quotedList = (values: readonly string[]) => values.map(quote).join("、");

/** What `rangeExpected` and `zScaleExpected` say, in Chinese. */
const RANGE_EXPECTED = "两个数 LOW,HIGH，且 LOW < HIGH（例如 1,100）";
const Z_SCALE_EXPECTED = "两个数 MEAN,SD，且 SD > 0（例如 0,1）";

/** The English texts of what `badPairSetting` and `badPairOption` expect (src/cli/method-options.ts, src/core/normalize/plan.ts), in Chinese. */
const EXPECTED: Readonly<Record<string, string>> = {
  "two numbers LOW,HIGH with LOW < HIGH (e.g. 1,100)": RANGE_EXPECTED,
  "two numbers MEAN,SD with SD > 0 (e.g. 0,1)": Z_SCALE_EXPECTED,
  "a number p, e.g. 0.5 (1 arithmetic, 0 geometric, -1 harmonic)": "数 p，例如 0.5（1 为加权算术平均，0 为几何平均，-1 为调和平均）",
  "a share above 0 and at most 1, e.g. 0.66": "大于 0 且不超过 1 的比例，例如 0.66",
};

/** What a pair setting or option expects, in Chinese when it is a known English text (`checkPerformanceThresholds` too); another as it is. */
function expectedOf(what: string): string {
  const known = EXPECTED[what];
  if (known !== undefined) return known;
  const thresholds = /^three numbers LEADER,STRONG,MODERATE in % of the reference, decreasing and positive \(default (.+)\)$/.exec(what);
  return thresholds ? `三个数 LEADER,STRONG,MODERATE（参照值的百分比），依次递减且均为正数（默认为 ${thresholds[1]}）` : what;
}

/** The aggregation that `scoreNegative` names, in Chinese: `power (p = 0.5)` as 幂平均; another (benefit-of-the-doubt) as it is. */
function aggregationOf(method: string): string {
  const power = /^power \(p = (.+)\)$/.exec(method);
  return power ? `幂平均（p = ${power[1]}）` : method;
}

export const methodMessagesZh: Translation<typeof methodMessages> = {
  badPairSetting: (code, column, found, what) => `指标 ${quote(code)} 的 ${column} 为 ${quote(found)}；应为${spaced(expectedOf(what)).trimEnd()}`,
  badPairOption: (option, found, what) => `无法识别 ${option} ${quote(found)}；应为${spaced(expectedOf(what)).trimEnd()}`,
  rangeExpected: () => RANGE_EXPECTED,
  zScaleExpected: () => Z_SCALE_EXPECTED,
  valueNotPositive: (indicator, unit, year, value, method, zeroAllowed = false) =>
    `指标 ${quote(indicator)}（评价对象 ${quote(unit)}，${year} 年）：数值为 ${value}，因此 ${method} 无定义；应为${zeroAllowed ? "不小于 0 的数值" : "正数"}`,
  maximumZero: (indicator, year) =>
    `指标 ${quote(indicator)} 在 ${year} 年所有评价对象的数值均为 0，因此 fraction-of-max（x / max）无定义；应至少有一个评价对象的数值为正，或改用其他标准化方法`,
  averageNotPositive: (indicator, year, mean) =>
    `指标 ${quote(indicator)}（${year} 年）：各评价对象的平均值${
      Number.isNaN(mean) ? "缺失（当年没有数值）" : `为 ${mean}`
    }，因此 distance-to-average 无定义；应为正的平均值`,
  constantYear: (indicator, method, year, value) =>
    `指标 ${quote(indicator)} 在 ${year} 年所有评价对象的数值都是 ${value}，因此 ${method} 无定义（max = min）；应至少有两个不同的数值，或改用其他标准化方法`,
  oneUnitObserved: (indicator, method, year) =>
    `指标 ${quote(indicator)} 在 ${year} 年只有一个评价对象有数值，因此其 ${method} 100·(r − 1)/(n − 1) 无定义（n = 1）；应每年至少有两个评价对象有数值，或改用其他标准化方法`,
  scoreNegative: (method, group, child, unit, year, value) =>
    `指标组 ${quote(group)}（评价对象 ${quote(unit)}，${year} 年）：下级节点 ${quote(child)} 的得分为 ${value}，而${spaced(aggregationOf(method))}合成要求得分 >= 0；应为非负得分（z-score 可能为负：可使用 min-max，或用 --z-scale 设定较大的均值）`,
  frontierEmpty: (group, year, childCodes) =>
    `指标组 ${quote(group)}（${year} 年）：所有评价对象在${
      childCodes.length === 1 ? `其下级节点 ${quote(childCodes[0])} 上` : `每个下级节点（${quotedList(childCodes)}）上`
    }的得分都是 0，因此 benefit-of-the-doubt 合成没有可供衡量的前沿（0/0）；应至少有一个评价对象的得分为正（在 0-100 尺度上，方向为 "-" 的下级节点如果翻转前所有评价对象都是最优值，翻转后得分即为 0）`,
  greyUndefined: (group, childCodes) =>
    `指标组 ${quote(group)}：每个有观测的下级节点（${quotedList(childCodes)}）在所有评价对象和年份上都取其最优值，因此灰色关联分析没有可用来区分它们的距离（Δmax = 0，0/0）；应至少有一个下级节点在面板上有变化`,
  topsisUndefined: (group, childCodes, count, unit, year, byYear = false) =>
    `指标组 ${quote(group)}：${
      count === 1 ? unitYear(unit, year) : `${count} 个评价对象-年份（第一个：${unitYear(unit, year)}）`
    }在每个有观测的下级节点（${quotedList(childCodes)}）上都同时是${byYear ? "当年各评价对象中" : "整个面板上"}的最优值和最差值，因此 TOPSIS 到最优解和最劣解的距离均为 0（0/0）；应至少有一个下级节点${
      byYear ? "在每年的评价对象之间有变化（某一年只有一个评价对象时无从比较：应使用跨年份比较的 topsis）" : "在面板的评价对象和年份上有变化"
    }`,
  powerMissing: () => `幂平均没有指数；应指定 --power P 或 --aggregate power:P（例如 power:0.5）`,
  powerUnused: () => `--power 不起作用：没有指标组采用幂平均合成；应使用 --aggregate power（或在指标组的 aggregate 列中填写 power）`,
  groupDirectionScale: (group, kind) =>
    `指标组 ${quote(group)} 的方向为 "-"，但${
      kind === "rank" ? "其下的指标是位次或 Borda 得分，其尺度取决于每年有观测的评价对象" : "其下各指标的尺度不同"
    }，因此无法确定如何翻转；其下应为同一种比率、min-max、goalpost 或 z-score 尺度的指标，或将方向设为 "+"`,
  groupDirectionNotPositive: (group, unit, year, value) =>
    `指标组 ${quote(group)}（评价对象 ${quote(unit)}，${year} 年）：数值为 ${value}，而方向为 "-" 的比率尺度指标组要翻转为 100²/x；应为正数`,
  screenEmpty: (threshold, unitCount) =>
    `--screen ${threshold} 筛选后没有数据：全部 ${unitCount} 个评价对象的总体覆盖率或某个一级指标组的覆盖率都低于 ${threshold * 100} %；应降低阈值`,
};
