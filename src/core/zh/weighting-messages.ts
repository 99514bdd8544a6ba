/** The Chinese messages of `weightingMessages` (src/core/weighting/messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import { listItems, quote } from "../quote.js";
import { UNUSED, type weightingMessages } from "../weighting/messages.js";
import { list, spaced } from "./words.js";

const number = (value: number) => String(Math.round(value * 1e6) / 1e6);


/**
 * The phrases of `UNUSED` in Chinese: why an option has no effect, and what would give it one.
 * `optionUnused` translates a phrase found here and passes any other text through as it is.
 */
const UNUSED_ZH: Readonly<Record<string, string>> = {
  [UNUSED.observations.which]: "不从数据推导权重",
  [UNUSED.observations.expected]: "客观赋权方法（--weights entropy、critic、cv、pca 或 combined）",
  [UNUSED.entropy.which]: "不计算熵权",
  [UNUSED.entropy.expected]: "--weights entropy，或 combined 搭配 --objective entropy",
  [UNUSED.pca.which]: "不计算主成分分析权重",
  [UNUSED.pca.expected]: "--weights pca，或 combined 搭配 --objective pca",
  [UNUSED.judgements.which]: "不读取层次分析法判断矩阵",
  [UNUSED.judgements.expected]: "--weights ahp，或 combined 搭配 --subjective ahp",
  [UNUSED.combination.which]: "不组合两组权重",
  [UNUSED.combination.expected]: "--weights combined",
  [UNUSED.alpha.which]: "不涉及主观权重的占比",
};

const unusedZh = (phrase: string) => UNUSED_ZH[phrase] ?? phrase;

/** The objective methods' names in weighting messages (objective.ts and the methods' files), in Chinese; another name as it is. */
const METHOD_NAMES: Readonly<Record<string, string>> = {
  entropy: "熵权法",
  CRITIC: "CRITIC 法",
  "coefficient-of-variation": "变异系数法",
  PCA: "主成分分析法",
};

const methodZh = (method: string) => spaced(METHOD_NAMES[method] ?? method);

/** Why a method's weights can give one child most of its group's weight (`weightDominant`), by the method's English name. */
const DOMINANT_WHY_ZH: Readonly<Record<string, string>> = {
  entropy: "熵权法偏重集中在少数观测上的数值，几乎不变、仅有一个离群值的指标熵很低，会得到大部分权重",
  CRITIC: "CRITIC 法偏重离散程度大、与其他指标冲突（相关性低）的指标，与其余指标不同的一个（有离群值，或与其反向变动）会得到大部分权重",
  "coefficient-of-variation": "变异系数法偏重相对于均值的离散程度（标准差/均值），离群值或接近 0 的均值会使一个指标得到大部分权重",
  PCA: "主成分分析权重取决于所保留主成分的载荷，独占一个主成分的指标会得到大部分权重",
  other: "由数据得出的权重取决于数据的离散程度，一个异常的指标可能得到大部分权重",
  group: "指标组的权重来自其指标的数值（--group-weights sum 下为其指标得分之和，level 下为对其分指数应用该方法），指标较多或分指数离散程度较大的指标组权重较大",
};

/** `unit "常州"，`, or nothing for the one unnamed unit of a single-unit file (`ofUnit` of data-messages.ts, in Chinese). */
const ofUnit = (unit: string) => (unit === "" ? "" : `评价对象 ${quote(unit)}，`);

const optionUnused = (flag: string, method: string, which: string, expected: string) =>
  `${flag} 在 ${method} 下不起作用，因为这种方式${unusedZh(which)}；应使用${spaced(unusedZh(expected)).trimEnd()}`;

export const weightingMessagesZh: Translation<typeof weightingMessages> = {
  optionUnused,
  entropyShiftUnused: (method) => optionUnused("--entropy-shift", method, UNUSED.entropy.which, UNUSED.entropy.expected),
  alphaUnused: (method) => optionUnused("--alpha", method, UNUSED.alpha.which, UNUSED.alpha.expected),
  unknownWeightUnit: (unit, units) => `--weight-units 中有未知的评价对象 ${quote(unit)}；应为数据中的评价对象之一：${list(units.map(quote))}`,
  unknownWeightYear: (year, years) => `--weight-years 中的年份 ${year} 不在数据中；应为以下年份之一：${list(years)}`,
  tooFewObservations: (count) =>
    `客观赋权至少需要 2 个观测（评价对象-年份），实际为 ${count} 个；应在 --weight-years / --weight-units 中增加年份或评价对象`,
  tooFewCompleteObservations: (count, total) =>
    `客观赋权至少需要 2 个完整观测（每个指标都有值的评价对象-年份），实际只有 ${count} 个（共 ${total} 个）；应减少缺失，或改用其他 --weight-years / --weight-units`,
  observationsDropped: (dropped) => `${dropped.length} 个评价对象-年份因有缺失值未参与客观赋权（--weight-missing drop）：${dropped.join("、")}`,
  missingObservation: (indicator, unit, year) =>
    `缺少指标 ${quote(indicator)}（${ofUnit(unit)}${year} 年）的值；客观赋权需要所选年份和评价对象的全部值（可用 --weight-years / --weight-units 缩小范围，或指定 --weight-missing drop）`,
  constantIndicator: (indicator, method) =>
    `指标 ${quote(indicator)} 在所选观测中没有变化，对${methodZh(method)}赋权不提供信息；其权重为 0`,
  noVariation: (group, method) =>
    method === "CRITIC"
      ? `在所选观测中，${quote(group)} 下没有既有变化、又与其他指标有区别的指标（指标为常数，或与其他指标的相关系数均为 1 时，CRITIC 法给其记 0 分，例如两个观测同向变动的情形），因此 CRITIC 权重无法确定；应有存在变化且不完全相关的指标（增加年份或评价对象）`
      : `在所选观测中，${quote(group)} 下没有任何指标有变化，因此无法用${methodZh(method)}确定权重；应至少有一个有变化的指标`,
  noVariationVarying: (group, method, varying, constant) =>
    `在所选观测中，${quote(group)} 的下级节点中有变化的（${varying.map(quote).join("、")}）彼此没有区别（${
      varying.length === 1 ? "仅有一个" : "相关系数为 1"
    }），因此无法在它们之间确定${methodZh(method)}权重；它们平分该组的权重，无变化的（${constant.map(quote).join("、")}）权重为 0`,
  noVariationEqual: (group, method) =>
    method === "CRITIC"
      ? `在所选观测中，${quote(group)} 的下级节点没有一个既有变化、又与其他节点有区别（为常数，或与其他每个节点的相关系数均为 1），因此无法在它们之间确定 CRITIC 权重；它们取相等权重`
      : `在所选观测中，${quote(group)} 的下级节点都没有变化，因此无法用${methodZh(method)}在它们之间确定权重；它们取相等权重`,
  zeroGroupWeight: (group, method) =>
    method === "CRITIC"
      ? `指标组 ${quote(group)} 按 CRITIC 法得到的权重为 0（其下指标没有一个既有变化、又与其他指标有区别）；其下级节点在组内取相等权重`
      : `指标组 ${quote(group)} 按${methodZh(method)}得到的权重为 0（其下指标都没有变化）；其下级节点在组内取相等权重`,
  pcaFewObservations: (group, observations, count, subIndices) =>
    `${quote(group)} 下的主成分分析（PCA）权重由 ${count} 个${subIndices ? "下级节点（指标和分指数）" : "指标"}的 ${observations} 个观测（评价对象-年份）得出：观测数不多于${subIndices ? "下级节点" : "指标"}数时，相关系数矩阵是奇异的（秩至多为 ${observations - 1}），主成分和权重所依据的观测过少；应使观测数多于${subIndices ? "下级节点" : "指标"}数（在 --weight-years / --weight-units 中增加年份或评价对象，或用 --group-weights tree 或 level 减少一起赋权的指标）`,
  pcaSingular: (group, count, rank, subIndices) =>
    `${quote(group)} 下的主成分分析（PCA）权重：其 ${count} 个${subIndices ? "下级节点（指标和分指数）" : "指标"}的相关系数矩阵是奇异的（秩为 ${rank}），说明其中一些是其他的精确线性组合（例如重复的指标），并分摊同一个主成分的权重；应使${subIndices ? "下级节点" : "指标"}中没有一个是其他的线性组合（从指标体系中去掉多余的）`,
  cvNegativeValues: (indicator, negatives, lowest, mean) =>
    `指标 ${quote(indicator)} 在所选观测中有 ${negatives} 个值小于 0（最小为 ${number(lowest)}），均值为 ${number(mean)}；变异系数（标准差/均值）假定数值为比率尺度、没有小于 0 的值，均值被拉向 0 时，该指标所得权重会与其离散程度不成比例；应使数值不小于 0（对指标做变换，或改用熵值法或 CRITIC 法赋权）`,
  meanNotPositive: (indicator, mean) =>
    `指标 ${quote(indicator)} 在所选观测中的均值为 ${number(mean)}；变异系数要求均值为正（比率尺度的数值）`,
  weightDominant: (method, parent, child, share, children, group, combined) =>
    `${combined ? "--weights combined 的权重" : `${methodZh(method)}权重`}给${group ? "指标组" : "指标"} ${quote(child)} 分配了 ${quote(parent)} 权重的 ${(share * 100).toFixed(1)}%（${quote(parent)} 共有 ${children} 个下级节点${
      combined ? `；其客观部分${methodZh(method)}权重单独也给其超过 50%` : ""
    }）；由数据得出的权重应使任何下级节点都不超过 50%：${group ? DOMINANT_WHY_ZH.group : (DOMINANT_WHY_ZH[method] ?? DOMINANT_WHY_ZH.other)}。请检查${
      group ? ` ${quote(child)} 下的指标` : ` ${quote(child)} 在所选观测中的数值（是否有离群值、单位或量纲错误、几乎不变的序列）`
    }；如果这一权重并非本意，请在指标体系的权重列中设定权重并使用 --weights explicit，或用 --weights combined --alpha 以指标体系的权重调和数据得出的权重${
      group ? "，或用 --group-weights tree 使指标组沿用指标体系中的权重" : ""
    }`,

  unknownAhpGroup: (group) => `未知的指标组 ${quote(group)}；应为 INDEX（一级节点）或指标体系中某个指标组的代码`,
  notAChild: (child, group, children) => `${quote(child)} 不是 ${quote(group)} 的下级节点；应为以下之一：${list(children)}`,
  selfJudgement: (child) => `${quote(child)} 与自身进行了比较；应为两个不同的下级节点（对角线恒为 1）`,
  duplicateJudgement: (group, a, b, firstLine) =>
    `指标组 ${quote(group)} 中 ${quote(a)}、${quote(b)} 这一对判断了两次${firstLine ? `（第一次在第 ${firstLine} 行）` : ""}；每对应只有一个判断（其倒数自动得出）`,
  badJudgementValue: (found) => `判断值 ${quote(found)} 不是正数；应为 3、0.5 或 1/3 这样的数`,
  missingJudgement: (group, a, b) =>
    `指标组 ${quote(group)}：缺少 ${quote(a)}、${quote(b)} 这一对的判断；应有一行 "${group},${a},${b},value"（${a} 的重要性是 ${b} 的多少倍）`,
  groupNotJudged: (group) => `指标组 ${quote(group)} 在层次分析法文件中没有判断；其下级节点沿用指标体系中的权重`,
  tooManyChildren: (group, count) =>
    `指标组 ${quote(group)} 有 ${count} 个下级节点；层次分析法的一致性检验需要 Saaty 随机一致性指标（RI），该表最多只列到 15 阶`,
  inconsistent: (group, cr, lambdaMax, ci, n) =>
    `指标组 ${quote(group)}：判断矩阵不满足一致性，一致性比率 CR = ${number(cr)}（lambda_max ${number(lambdaMax)}，CI ${number(ci)}，n ${n}）；应满足 CR < 0.1：请修改判断，或指定 --allow-inconsistent`,
  inconsistentAllowed: (group, cr, lambdaMax, ci, n) =>
    `指标组 ${quote(group)}：判断矩阵不满足一致性，一致性比率 CR = ${number(cr)}（lambda_max ${number(lambdaMax)}，CI ${number(ci)}，n ${n}）；已按 --allow-inconsistent 的要求照常使用其权重（满足一致性的判断 CR < 0.1）`,
  ahpFileMissing: () => `--method ahp 需要两两比较判断；应指定 --ahp FILE（含 group,a,b,value 列的 CSV 文件）`,

  combinationUndefined: (group) =>
    `${quote(group)} 的下级节点无法进行乘法组合赋权：每个下级节点的主观权重与客观权重之积均为 0；应至少有一个下级节点的两种权重都为正`,

  optimiseNotConverged: (group, gap, objective, starts, evaluations, converged) =>
    `${quote(group)} 的下级节点权重未能达到目标重要性占比：找到的最接近的权重仍有最大差距 ${gap.toPrecision(3)}（差距平方和 ${objective.toPrecision(3)}，为从 ${starts} 组初始权重出发搜索所得的最小值${converged ? "" : `，搜索在 ${evaluations} 次求值后停止，尚未收敛`}）；采用这些权重；应使下级节点与指标组的相关关系能够达到这些目标`,

  optimiseFewObservations: (observations) =>
    `只有 ${observations} 个评价对象-年份的数据，无法优化权重：重要性占比是与上级节点相关系数的平方，至少需要 2 个观测；沿用初始权重；应有更多评价对象或年份的数据`,

  optimiseNoVariation: (group, observations, constant, childCount) =>
    `${quote(group)} 的下级节点权重无法优化：${
      constant.length === childCount
        ? `其下级节点（${constant.map(quote).join("、")}）的得分在 ${observations} 个评价对象-年份中都没有变化`
        : `该指标组在初始权重下的值在 ${observations} 个评价对象-年份中没有变化，或与任何下级节点都不相关${constant.length > 0 ? `（${constant.map(quote).join("、")} 的得分没有变化）` : ""}`
    }，因此其重要性占比（与指标组相关系数的平方）无法确定；沿用初始权重；应有随指标组变化的下级节点`,

  optimiseDegenerate: (nodes) =>
    `优化后有 ${nodes.length} 个节点的权重为 0，而其目标占比大于 0：${listItems(
      nodes.map((node) => `${quote(node.code)}（在 ${quote(node.parent)} 中占比 ${node.share.toPrecision(3)}，目标 ${node.target.toPrecision(3)}）`),
      "、",
      (count) => `另有 ${count} 个`,
    )}。权重为 0 是在权重 >= 0 的范围内搜索到的最接近目标之处，采用这些权重：这类节点的占比只来自它与所在指标组其他下级节点的共同变动；对于未达到的目标，搜索尝试过的所有权重（均 >= 0）都未能达到（要达到它可能需要某个下级节点取负权重，而权重不能为负；若下级节点同向变动，也可能任何权重都达不到）；无需改动；如要求每个节点的权重都大于 0，应直接采用方法给出的权重，不做优化`,

  entropyNegative: (code, value) =>
    `指标 ${quote(code)} 的值为 ${value}，而按原始值计算熵权比重要求值 >= 0；应为非负值，或指定 --entropy-input min-max`,
};
