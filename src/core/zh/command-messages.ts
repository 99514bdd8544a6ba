/** The Chinese messages of `commandMessages` (src/core/command-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { commandMessages, PresetTexts } from "../command-messages.js";
import type { Translation } from "../localize.js";
import type { Preset } from "../presets.js";
import { listItems, quote } from "../quote.js";
import { closestName } from "../suggest.js";
import { WEIGHT_METHOD_NAMES } from "./weight-method-names.js";
import { describeFound, didYouMean, list, spaced } from "./words.js";

/** The standard streams `streamFailed` names, in Chinese; another as it is. */
const STREAMS: Readonly<Record<string, string>> = { "standard output": "标准输出", "standard error": "标准错误" };


/** `（interpolate 2，carry-back 1）` after a number of cells: how many each method filled; "" for none. */
const byMethod = (methods: readonly (readonly [string, number])[]) =>
  methods.length > 0 ? `（${methods.map(([method, n]) => `${method} ${n}`).join("，")}）` : "";

/** `PRESET_TEXTS` of command-messages.ts: what `--explain` says of each preset. */
const PRESET_TEXTS: Readonly<Record<Preset, PresetTexts>> = {
  nbs: {
    title: "中国创新指数，国家统计局",
    sources: {
      normalise: "国家统计局：各指标以其基期值为基准计算指数（基期 = 100；国家统计局的序列以 2005 年为基期）",
      weights: "国家统计局：逐级等权",
      aggregate: "国家统计局：领域内各指标指数取几何平均，各领域取算术平均得到总指数（与公布的序列一致）",
    },
    notes: [
      "基期默认为数据中最早的年份，除非用 --base-year 另行指定（国家统计局使用 2005 年）",
      "含有子领域的领域在总指数以下的每一层都取几何平均：这是我们对深于国家统计局两级结构的指标体系的理解",
    ],
  },
  changzhou: {
    title: "常州高新区工业互联网创新发展指数（2020）",
    sources: {
      normalise: "常州指数：以 2017 年为基期计算指标指数",
      "base-year": "常州指数：2017 年为基期",
      weights: "常州指数：各分指数按权重合成总指数（使用指标体系中的权重）",
      aggregate: "常州指数：各分指数的加权和（加权算术平均）",
    },
    notes: ["报告中的权重和 40 个指标未公开：权重取自指标体系，维度内采用算术平均形式是我们的理解"],
  },
  eis: {
    title: "欧洲创新记分牌（European Innovation Scoreboard，欧盟委员会）",
    sources: {
      outliers: "EIS：分布高度偏斜（在全部数据上偏度大于 1）的指标在 min-max 之前先取平方根",
      normalise: "EIS 方法报告：在所有年份和国家上做 min-max，使得分可以跨年比较",
      weights: "EIS：综合创新指数是各标准化指标的不加权平均",
      aggregate: "EIS：标准化得分的算术平均",
      "performance-groups": "EIS：创新领先者高于欧盟的 125 %，强劲创新者 100-125 %，中等创新者 70-100 %，新兴创新者低于 70 %",
    },
    notes: [
      "用 --reference-unit 把欧盟（或其他参照）作为一个评价对象给出；不给时，参照为各评价对象的平均",
      '偏度按 Excel 的 SKEW 在一个指标的所有评价对象和年份上计算（--outlier-scope year：逐年分别计算）；阈值 1 是我们对 EIS 所说 "highly skewed"（高度偏斜）的理解',
      "未采用 EIS 的参考年份重新标度",
      "EIS 一次性平均所有指标：只有各维度的指标数相同时，逐级等权才与之相同",
    ],
  },
  gii: {
    title: "全球创新指数（Global Innovation Index，WIPO）",
    sources: {
      normalise: "GII：各指标按经济体逐年以 min-max 缩放到 0-100",
      outliers: "GII（JRC 审计规则）：偏度 > 2 且峰度 > 3.5 的指标做缩尾处理（最多 5 个点）；缩尾后仍偏斜的指标在警告中列出（GII 随后对其取对数：--outliers log）",
      weights: "GII：权重为 1，部分指标为 0.5，写在指标体系中",
      aggregate: "GII：各层（子支柱、支柱、分指数）均取加权算术平均",
    },
    notes: ["把 GII 的指标权重（1 或 0.5）写在指标体系的 weight 列中", "GII 的总得分是投入和产出两个分指数的平均，效率比是二者之比：请把它们作为指标体系的第一层"],
  },
  coinr: {
    title: "COINr 默认设置（R 包，Becker 等，2022）",
    sources: {
      normalise: "COINr Normalise()：n_minmax，l_u = c(0, 100)；purse 在所有时间点上统一标准化（global = TRUE）",
      weights: "COINr：iMeta（指标体系）中的权重",
      aggregate: "COINr Aggregate()：a_amean，加权算术平均",
      missing: "COINr：a_amean 略去缺失的子项，并重新归一化权重",
    },
    notes: ["COINr 只在调用 Impute() 时才填补缺失：其逐年的 i_mean 和 i_median 即 --missing mean 和 --missing median"],
  },
};

export const commandMessagesZh: Translation<typeof commandMessages> = {
  wholeNumberOption: (name, min, max, found) => `${name} 必须为 ${min} 到 ${max} 之间的整数，实际为 ${quote(found)}`,
  numberOption: (name, min, max, found) => `${name} 必须为 ${min} 到 ${max} 之间的数，实际为 ${quote(found)}`,
  capOption: (min, found) => `--cap 必须为不小于 ${min} 的数（上限更低时，基期将不再是 100），实际为 ${quote(found)}`,
  encodingOption: (found) => `--encoding 必须为 auto、utf-8、gb18030 或 gbk，实际为 ${quote(found)}`,
  encodingChoice: (found, encodings) =>
    `--encoding 必须为以下之一：${list(encodings)}（也接受 utf8、gb2312、cp936），实际为 ${quote(found)}${didYouMean(found, encodings)}`,
  yearsOption: (found) => `--years 必须为年份范围（如 2017-2020）或年份列表（如 2017,2018,2020），实际为 ${quote(found)}`,
  weightYearsOption: (found) => `--weight-years 必须列出年份，如 2017-2020 或 2017,2019，实际为 ${quote(found)}`,
  weightUnitsOption: (found) => `--weight-units 必须列出以逗号分隔的评价对象，实际为 ${quote(found)}`,
  memoryLimitOption: (found) => `--memory-limit 必须为内存大小，如 8GB、512MB 或字节数，实际为 "${found}"`,
  emptyMethodList: (option, allowed) => `${option} 为空；应为以下一项或多项：${list(allowed)}`,
  weightNoiseOption: (found) => `--weight-noise 必须为大于 0 且不超过 1 的数（0.2 表示 ±20%），实际为 ${quote(found)}`,
  bootstrapOne: (found) => `--bootstrap 必须为 0（不计算区间）或至少 2 次重抽样，实际为 ${quote(found)}`,
  unknownShell: (found, shells) => `未知的 shell "${found}"；应为以下之一：${list(shells)}`,
  unknownHelpTopic: (topic, topics) => `未知的帮助主题 "${topic}"；应为命令名，或以下主题之一：${list(topics)}`,
  explainWithoutPreset: (presets) => `--explain 需要 --preset NAME；应为以下之一：${list(presets)}`,
  presetHeading: (preset) => `预设 ${preset}：${PRESET_TEXTS[preset].title}`,
  presetSource: (preset, option) => PRESET_TEXTS[preset].sources[option] ?? "",
  presetOverriddenHeading: () => "被覆盖、未采用的设置：",
  presetOverriddenBy: (by) => `由 ${by} 覆盖`,
  presetNotesHeading: () => "说明：",
  presetNote: (preset, note) => PRESET_TEXTS[preset].notes[note] ?? "",
  presetOverrideRule: () => "命令行上或 index.yaml 中给出的参数优先于预设",
  presetValueNotChoice: (preset, option, value, choices) => `预设 ${preset}：--${option} ${value} 不是以下之一：${list(choices)}`,
  presetOverridden: (preset, setting, by, name) =>
    `${by} 覆盖了预设 ${preset} 的 ${setting}，预设的这一设置未被采用；应去掉 ${name} 才会采用预设的设置（index.yaml 中的键和命令行上给出的参数优先于预设）`,
  screenByUnitYearInUncertainty: (where) =>
    `${where} unit-year：uncertainty 只能筛除整个评价对象（被筛除的单个对象-年份的值会成为缺失值，由各次运行填补或拒绝，而 compute 让该对象-年份留空）；应为 --screen-by unit，或不用 --screen`,
  indexOptionsWithoutOptimise: (flags) =>
    `${list(flags)} 在没有 --optimise 时不起作用：它们是 --optimise 所计算指数的参数，而 weights 推导权重时不计算指数；应与 --optimise 一起使用，或去掉`,
  screenByWithoutScreen: (scope) =>
    `--screen-by ${scope} 在没有 --screen 时不起作用：它决定 --screen 筛除整个评价对象还是单个对象-年份，而未指定 --screen；应与 --screen <share> 一起使用，或不用 --screen-by`,

  inputMissing: (missing) => `缺少 ${missing}；应同时指定 --indicators 和 --data，或都不指定（使用随附的示例）`,
  dataMissingForMethod: (method, valueFree) =>
    `缺少 --data；${WEIGHT_METHOD_NAMES[method] ?? method}依据数据计算权重：应以 --data/-d 指定数据文件（${list(valueFree)} 只需 --indicators），或 --indicators 和 --data 都不指定（使用随附的示例）`,
  optionsNeedData: (flags, method) =>
    `${list(flags)} 需要数据，但缺少 --data（按${WEIGHT_METHOD_NAMES[method] ?? method}赋权只需 --indicators）；应以 --data/-d 指定数据文件，或去掉 ${list(flags)}`,
  normaliseDisagrees: (normalise, normalize) => `--normalise ${normalise} 与 --normalize ${normalize} 不一致；应只指定其中之一`,
  powerDisagrees: (power, specPower) => `--power ${power} 与 --aggregate power:${specPower} 不一致；应只给出一个指数`,
  weightsDisagree: (weights, method) => `--weights ${weights} 与 --method ${method} 不一致；应只指定其中之一`,
  tableNeedsFormat: (table) => `--table ${table} 需要 --format table、csv 或 json；使用 --table 时应指定其中之一`,
  ranksOfOneUnit: () => `--table ranks 需要多个评价对象；数据中只有一个评价对象`,
  unknownFormat: (format) => `未知的格式 ${format}`,
  xlsxNeedsBytes: () => "--format xlsx 需要以字节流写到 stdout；应将 stdout 重定向到文件",
  permissionDenied: (path, code, writing) =>
    `无法${writing ? "写入" : "读取"} ${path}（${code}：权限不足）；应为当前用户可${writing ? "写入" : "读取"}的文件或文件夹：请检查其所有者和权限（ls -l），或以创建它的用户运行`,
  streamFailed: (stream, reason) => `无法写入${STREAMS[stream] ?? spaced(stream)}（${reason}）；应为可写的输出`,
  publishFailed: (runLabel, reason) => `${runLabel}：无法发布运行（${reason}）；应为可写的文件夹`,

  expectedBoolean: () => "true 或 false",
  expectedValueFor: (flag) => `${flag} 的值`,
  expectedOneOf: (found, choices) => `${list(choices)} 之一${didYouMean(found, choices)}`,
  expectedAccepted: (flag, reason) => `${flag} 可接受的值（${reason}）`,
  expectedValid: (flag, value) => `${flag} 的有效值（${describeFound(value)} 被拒绝）`,

  templateOut: (out) => `--out 必须以 .csv 或 .xlsx 结尾，实际为 ${quote(out)}`,
  templateExists: (out) => `${out}：文件已存在；应为新的文件名（或用 --force 覆盖它）`,
  importExists: (path) => `${path}：文件已存在；应为新的文件夹（或用 --force 覆盖它）`,
  importOneYear: (years) => `--year 只接受一个年份，实际为 ${list(years)}`,
  importNoTime: () => `没有 "Time" 列（年份）；应有 Time 列，或对只有一年的数据指定 --year`,
  importNoColumn: (code) => `iMeta 中的指标 "${code}" 在 iData 中没有对应的列；应有名为 "${code}" 的列`,
  importWrote: (out, nodes, indicators, units, years) =>
    `已写入 ${out}/tree.csv（${nodes} 个节点，${indicators} 个指标）和 ${out}/values.csv（${units} 个评价对象，${years} 个年份）\n`,
  importYearAndTime: (file) =>
    `--year 用于没有 Time 列的 iData，而 ${file} 有 Time 列；应指定 --year 或使用 Time 列，二者取其一（去掉 --year 即按每行的 Time 读取）`,
  importNotImported: (unitNames, columns) =>
    `未导入：${[...(unitNames ? ["uName（评价对象名称）"] : []), ...columns.map(({ name, type }) => `${name}（${type}）`)].join("、")}；tree.csv 和 values.csv 只按 uCode 和 Time 保存指标的数值，没有评价对象名称、分组或分母的位置\n`,
  coinrNoUnitCode: (header) => {
    const near = closestName("uCode", header.filter((name) => name.trim() !== ""));
    return `没有 "uCode" 列（每行评价对象的代码），而 COINr 的 iData 必须有此列；现有列为 ${listItems(header.map(quote), "、", (count) => `另有 ${count} 列`) || "（无）"}；应有名为 "uCode" 的列${
      near === undefined ? "" : `（现有列 ${quote(near)}：COINr 的列名区分大小写）`
    }`;
  },
  coinrUndeclaredColumn: (column, meta, codes) =>
    `列 ${quote(column)} 未在 ${meta} 中声明：没有 iCode 为 ${quote(column)} 的行，COINr 的 new_coin 会拒绝这样的列；iData 中除 uCode、uName 和 Time 外的每一列都应在 iMeta 中有一行，指标的 Type 为 Indicator，不导入的列为 Group、Denominator 或 Other${didYouMean(column, codes)}`,
  coinrNoColumn: (code, type, data) =>
    `Type 为 ${type} 的 iCode ${quote(code)} 在 ${data} 中没有对应的列，COINr 的 new_coin 会拒绝缺少对应列的 iMeta 行；${data} 中应有名为 ${quote(code)} 的列（除 Aggregate 外，iMeta 的每一行都对应 iData 的一列），或在 iMeta 中去掉 ${quote(code)} 这一行`,
  coinrDuplicateRow: (unit, year, firstLine) =>
    `评价对象 ${quote(unit)}、${year} 年再次出现（首次在第 ${firstLine} 行）；每个 uCode 和 Time 应只有一行，COINr 的 new_coin 也如此要求`,
  coinrBadNumber: (column, code, found, decimalMark) =>
    `${quote(code)} 的 ${column} ${quote(found)} 不是数；${
      decimalMark === "ambiguous"
        ? "应为以逗号作小数点的数，例如 27,445，与文件中其他数一致（若文件以点作小数点，用 --decimal .）"
        : `应为数，例如 27.445，或 NA${decimalMark === "comma" ? "（小数逗号？请用 --decimal ,）" : ""}`
    }`,
  coinrBadLevel: (code, found) =>
    `${quote(code)} 的 Level 为 ${quote(found)}；应为从 1 起的整数（指标为 1，汇总项比其下级大 1），COINr 的 check_iMeta 也如此要求`,
  coinrIndicatorLevel: (code, level) => `指标 ${quote(code)} 的 Level 为 ${level}；应为 1，COINr 的所有指标都在 Level 1`,
  coinrParentLevel: (code, level, parent, parentLevel) =>
    `${quote(code)} 的 Level 为 ${level}，而其上级 ${quote(parent)} 的 Level 为 ${parentLevel}；上级应比下级高一级（Level ${level + 1}），COINr 的 check_iMeta 也如此要求`,
  coinrTopLevel: (code, level, top) =>
    `${quote(code)} 没有上级，但 Level 为 ${level}，低于最高的 Level ${top}；应为 ${quote(code)} 指定上级，或使每个分支都达到最高 Level（每个指标与总指数相隔的层数相同）`,

  initDataNotEmpty: (label, others) =>
    `${label}/data 中已有 ${list(others.slice(0, 3))}${others.length > 3 ? ` 等（另有 ${others.length - 3} 个）` : ""}：写在其旁边的示例数值会与它们一起读取，多出一个评价对象；应为空的 data 文件夹（或用 --force 仍然添加示例文件）`,

  compareWithAndProjects: () => `--with 不能与两个项目文件同时使用；应为两个项目文件或 --with，二者取其一`,
  compareProjectCount: (projects) =>
    `compare 接受两个项目文件，实际为 ${projects.length} 个（${projects.map((project) => `"${project}"`).join("、")}）；应为两个，或不给项目文件而使用 --with`,
  compareNothing: () => `没有可比较的内容；应为两个项目文件，或用 --with "FLAGS" 给出配置 b`,
  compareWithRefused: (flags, reason) => `--with "${flags}" 中的选项有误：${reason}`,
  compareFailed: (name, label) => `配置 ${name}（${label}）无法计算`,
  compareBothFailed: (labelA, labelB) => `配置 a（${labelA}）和 b（${labelB}）均无法计算`,
  commandFlags: () => "命令本身的选项",
  commandFlagsWith: (flags) => `命令本身的选项加上 ${flags}`,
  configurations: (a, b) => `配置 a：${a}\n配置 b：${b}\n`,
  explainConfigurations: (configurations, hasPreset) =>
    `配置 ${configurations.map(({ name, label }) => `${name}（${label}）`).join(" 和 ")}：${hasPreset ? "" : "未使用预设"}`,

  note: (text) => `注：${text}\n`,
  weightsBy: (method, judgements) => `权重方法：${WEIGHT_METHOD_NAMES[method] ?? method}${judgements ? `，判断矩阵取自 ${judgements}` : ""}`,
  objectiveObservations: (observations, dropped, units, years, groupWeights, entropyShift, entropyInput, pcaRotation) =>
    `客观权重依据 ${observations} 个观测${dropped !== undefined ? `（剔除了 ${dropped} 个有缺失值的评价对象-年份）` : ""}：评价对象${units.every((unit) => unit === "") ? "未命名" : ` ${list(units.map((unit) => (unit ? unit : "（未命名）")))}`}；年份 ${list(years)}；分组赋权规则 "${groupWeights}"` +
    (entropyShift ? `；熵值平移 ${entropyShift}` : "") +
    (entropyInput ? `；熵值基于 ${entropyInput} 值计算` : "") +
    (pcaRotation ? `；PCA 旋转 ${pcaRotation}` : ""),
  ahpConsistency: (randomIndex, table) => `AHP 一致性检验（CR < 0.1 即可接受${randomIndex ? `；随机一致性指标表 ${randomIndex}` : ""}）：\n${table}`,
  dataStage: (imputed, methods, reweighted, treated, files) =>
    `插补 ${imputed} 个单元格${byMethod(methods)}，按权重重新分配 ${reweighted} 个单元格，异常值处理 ${treated} 个单元格${files ? "（见 imputations.csv、treatment.csv）" : ""}\n`,
  belowCoverage: (count, files) => `--min-group-coverage 将 ${count} 个维度得分记为缺失：该评价对象-年份中有数值的下级节点比例低于此值${files ? "（见 imputations.csv）" : ""}\n`,
  nominalRun: (dataStage) => `基准运行：${dataStage}`,
};
