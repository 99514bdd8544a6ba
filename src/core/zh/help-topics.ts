/**
 * The Chinese of the topic pages (`innovation-index help methods`, `weights`, `data`, `exit-codes`; src/cli/help-topics.ts)
 * and of the help's own layout around them (src/cli/help.ts): each English text and its Chinese. The method names and
 * formulas stay as written.
 */
export const HELP_TOPIC_TEXTS_ZH: Readonly<Record<string, string>> = {
  // methods
  "Normalisation (--normalise, tree column normalise):": "标准化方法（--normalise，指标体系的 normalise 列）：",
  "100·x[t]/x[base], per unit (NBS, the default); 100 in the base year": "100·x[t]/x[base]，各评价对象分别计算（国家统计局做法，默认）；基期为 100",
  "year-on-year ratios chained to the base year": "逐年环比链接到基期",
  "100·(x − min)/(max − min) over all units and years": "100·(x − min)/(max − min)，跨全部评价对象和年份",
  "min-max within each year": "每年分别做 min-max",
  "min-max with the tree's min and max columns, truncated to the output scale (0–100, or --range)": "按指标体系的 min、max 列做 min-max，截断到输出区间（0–100，或 --range）",
  "100 + 10·(x − mean)/sd over all units and years": "100 + 10·(x − mean)/sd，跨全部评价对象和年份",
  "z-score within each year": "每年分别做 z-score",
  "rank among the units of the year (1 = lowest, ties averaged)": "在当年各评价对象中的排名（1 为最低，并列取平均）",
  "100·x/target (the tree's target column)": "100·x/target（指标体系的 target 列）",
  "100·x/x[reference unit] (--reference-unit)": "100·x/x[参照评价对象]（--reference-unit）",
  "100·(r − 1)/(n − 1), r the rank among the year's n units (COINr n_prank)": "100·(r − 1)/(n − 1)，r 为在当年 n 个评价对象中的排名（COINr n_prank）",
  "Borda score: the number of the year's units a unit beats (COINr n_borda)": "Borda 得分：当年被该评价对象超过的评价对象个数（COINr n_borda）",
  "100·x/max of the year (COINr n_fracmax)": "100·x/当年最大值（COINr n_fracmax）",
  "100 − 100·(max − x)/(max − min) of the year (COINr n_dist2max)": "100 − 100·(max − x)/(max − min)，按当年计算（COINr n_dist2max）",
  "100·x/mean of the year's units (EIS-style)": "100·x/当年各评价对象的均值（EIS 做法）",
  "Aggregation (--aggregate METHOD or LEVEL=METHOD,..., tree column aggregate):": "合成方法（--aggregate METHOD 或 LEVEL=METHOD,...，指标体系的 aggregate 列）：",
  "weighted arithmetic mean (the default; fully compensatory)": "加权算术平均（默认；完全可补偿）",
  "weighted geometric mean (scores must be > 0)": "加权几何平均（得分须 > 0）",
  "weighted harmonic mean (scores must be > 0)": "加权调和平均（得分须 > 0）",
  "Mazziotta–Pareto index: mean minus a penalty for unbalanced children": "Mazziotta–Pareto 指数：均值减去下级指标不均衡的惩罚项",
  "generalised mean of power p (--power P or power:P; 1 arithmetic, 0 geometric, −1 harmonic)": "p 次幂广义平均（--power P 或 power:P；1 为算术，0 为几何，−1 为调和）",
  "Copeland: pairwise wins minus losses against the year's other units": "Copeland：与当年其他评价对象两两比较的胜场减负场",
  "benefit of the doubt: each unit's own best weights (DEA), 0–100": "有利权重法（benefit of the doubt）：各评价对象自身最有利的权重（DEA），0–100",
  "TOPSIS: closeness to the panel's best values and away from its worst, 0–100 (entropy-TOPSIS with --weights entropy)":
    "TOPSIS：接近全部数据的最优值、远离最差值的程度，0–100（与 --weights entropy 合用即熵权 TOPSIS）",
  "TOPSIS year by year: closeness to each year's best units, 0–100": "逐年 TOPSIS：接近当年最优评价对象的程度，0–100",
  "grey relational analysis: weighted grey relational grade with the panel's best values (ρ = 0.5), 33.3–100": "灰色关联分析：与全部数据最优值的加权灰色关联度（ρ = 0.5），33.3–100",
  "Formulas: docs/methods.md": "公式：docs/methods.md",

  // weights
  "Weights (compute --weights, weights --method):": "赋权方法（compute --weights，weights --method）：",
  "the tree's weight column (the default; all empty = equal)": "指标体系的 weight 列（默认；全部为空即等权）",
  "1/n level by level (NBS)": "逐级 1/n 等权（国家统计局做法）",
  "AHP pairwise judgements (--ahp FILE), with the consistency ratio": "AHP 两两比较判断（--ahp FILE），并检验一致性比率",
  "entropy of the min-max scores": "基于 min-max 得分的熵权法",
  "CRITIC: contrast × conflict of the min-max scores": "CRITIC：min-max 得分的对比强度 × 冲突性",
  "coefficient of variation of the raw values": "原始数值的变异系数",
  "principal components with varimax (OECD/JRC handbook)": "主成分分析，varimax 旋转（OECD/JRC 手册）",
  "a subjective and an objective set combined (--alpha)": "主观权重与客观权重组合（--alpha）",
  "More: docs/guides/weights.md": "详见：docs/guides/weights.md",

  // data
  "Missing values (--missing, tree column missing):": "缺失值（--missing，指标体系的 missing 列）：",
  "every gap is an error (the default)": "任何缺失值都报错（默认）",
  "the last earlier observed value": "取之前最近一年的观测值",
  "linear between the observed years around the gap": "在缺失前后的观测年份之间线性插值",
  "the first later observed value": "取之后最近一年的观测值",
  "leave the gap; its siblings' weights are renormalised": "保留缺失；其同级指标的权重重新归一化",
  "the mean of the indicator over the other units observed that year (COINr i_mean)": "取该指标当年其他有观测值的评价对象的均值（COINr i_mean）",
  "the median of the indicator over the other units observed that year (COINr i_median)": "取该指标当年其他有观测值的评价对象的中位数（COINr i_median）",
  "A gap the policy cannot fill (--unfilled):": "处理方法无法填补的缺失值（--unfilled）：",
  "Outliers (--outliers):": "异常值（--outliers）：",
  "Zero base values under fixed-base (--zero-base):": "fixed-base 下基期值为零（--zero-base）：",
  "More: docs/guides/data.md": "详见：docs/guides/data.md",

  // exit-codes
  "Exit codes:": "退出码：",
  "success (also: nothing to do under --if-changed)": "成功（包括 --if-changed 下无需运行）",
  "the input files are wrong (every problem is listed)": "输入文件有误（列出全部问题）",
  "the command line is wrong (unknown option, bad option value)": "命令行有误（未知选项、选项值无效）",
  "an output could not be written (or another run holds the lock)": "无法写出输出（或另一次运行持有锁）",
  "an internal error (a bug: please report it)": "内部错误（程序缺陷，请报告）",
  "Every error code: docs/reference/errors.md": "全部错误代码：docs/reference/errors.md",
  "Messages are in Chinese on a Chinese system (LANG=zh_CN.UTF-8, a Chinese Windows) or with INNOVATION_INDEX_LANG=zh,\nin English with INNOVATION_INDEX_LANG=en; files and --log-format json stay English.":
    "在中文系统上（LANG=zh_CN.UTF-8，或中文版 Windows）或设置 INNOVATION_INDEX_LANG=zh 时，提示为中文；\n设置 INNOVATION_INDEX_LANG=en 时为英文；写出的文件和 --log-format json 始终为英文。",

  // the help's layout around the pages (src/cli/help.ts)
  "Options (OPTION and these, on every command that takes them):": "选项（OPTION 及以下选项，适用于所有接受它们的命令）：",
  "The TOPIC command: innovation-index TOPIC --help": "TOPIC 命令：innovation-index TOPIC --help",
};
