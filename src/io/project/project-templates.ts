/**
 * The files `init` writes: a project file, an indicator tree, values for two years and a README for the team that
 * maintains the index. The tree and the values are an example to replace, small enough to read at a glance, and
 * complete: `compute` works on them right away.
 */

/** The languages of a new project's texts: its name, the comments of index.yaml, the example unit and the README. */
export type ProjectLanguage = "zh" | "en";

const WORDS = {
  zh: { name: "示例创新指数", unit: "示例园区", source: "示例数据" },
  en: { name: "Example innovation index", unit: "Example zone", source: "example" },
} as const;

/**
 * The files of a new project (path relative to its folder -> text), their texts in `language`. `schemaPath` is written
 * into index.yaml for editors. The tree and the values are the same in both languages but for the example unit's name
 * and the values' source; the column names stay those of the documented formats.
 */
export function projectTemplates(schemaPath: string, language: ProjectLanguage = "zh"): Record<string, string> {
  const words = WORDS[language];
  const values = (year: number, rows: readonly (readonly [string, string])[]) =>
    `unit,year,indicator,value,source\n${rows.map(([code, value]) => `${words.unit},${year},${code},${value},${words.source}\n`).join("")}`;
  return {
    "index.yaml": `# yaml-language-server: $schema=${schemaPath}\n${language === "zh" ? projectYamlZh(words) : projectYamlEn(words)}`,
    "indicators.csv": `code,parent,name,name_en,weight,direction,unit
A,,创新投入,Innovation input,0.5,,
A1,A,研发经费内部支出占营业收入比重,R&D spending / revenue,,+,%
A2,A,每万名从业人员中研发人员数,R&D staff per 10 000 employees,,+,人
B,,创新产出,Innovation output,0.5,,
B1,B,每万人发明专利拥有量,Invention patents per 10 000 people,,+,件
B2,B,单位工业增加值能耗,Energy use per unit of value added,,-,吨标准煤/万元
`,
    "data/2017.csv": values(2017, [["A1", "1.80"], ["A2", "420"], ["B1", "35.0"], ["B2", "0.50"]]),
    "data/2018.csv": values(2018, [["A1", "1.98"], ["A2", "462"], ["B1", "38.5"], ["B2", "0.40"]]),
    "README.md": language === "zh" ? projectReadmeZh(words) : projectReadmeEn(words),
  };
}

type Words = (typeof WORDS)[ProjectLanguage];

const projectYamlEn = (words: Words) => `# The choices of the yearly computation. Run "innovation-index compute" in this folder: no flags needed;
# a flag given on the command line overrides the value here. Paths are relative to this folder.
name: ${words.name}
description: Replace with what the index measures and who maintains it.

indicators: indicators.csv   # the indicator tree
values: data                 # every .csv and .xlsx file in data/ is read, in name order; add data/2021.csv for a new year
runs: runs                   # one folder per run; runs/LATEST names the last published one

methods:                     # each key is a compute option (the flag without --); see innovation-index compute --help
  base-year: 2017
  normalise: fixed-base      # 100 · value / base-year value, per indicator and unit
  aggregate: arithmetic      # weighted mean of the children, level by level
  weights: explicit          # the weights of indicators.csv
  missing: error             # error: every gap is an error; reweight: drop it and renormalise its siblings

outputs:
  decimals: 4
  report: false              # true: also write report.html
  xlsx: true                 # also write index.xlsx, every table in one Excel workbook
  lang: en                   # language of report.html and index.xlsx (zh: Chinese)

# How "innovation-index uncertainty" varies the choices (compute does not use this block). Uncomment to run the
# analysis with no flags; the first method of each list is the nominal one, the same as in methods: above.
# uncertainty:
#   weight-noise: 0.2                       # every weight within ±20% of itself, siblings renormalised
#   normalisations: [fixed-base, chain]     # normalisations to draw from
#   aggregations: [arithmetic, geometric]   # aggregations to draw from (geometric needs scores > 0: not with min-max)
#   replications: 1000                      # N of the Saltelli design
#   seed: 1                                 # the same seed gives the same numbers
#   out: uncertainty                        # uncertainty.csv, sensitivity.csv and uncertainty.html
`;

const projectYamlZh = (words: Words) => `# 年度计算的各项选择。在本文件夹中运行 "innovation-index compute"，无需任何参数；
# 命令行上给出的参数优先于这里的值。路径都相对于本文件夹。
name: ${words.name}
description: 请改写为本指数衡量什么、由谁维护。

indicators: indicators.csv   # 指标体系
values: data                 # 按文件名顺序读取 data/ 中的所有 .csv 和 .xlsx 文件；新的一年加一个 data/2021.csv 即可
runs: runs                   # 每次计算一个文件夹；runs/LATEST 记录最近一次发布的计算

methods:                     # 每个键都是 compute 的一个选项（去掉 --）；见 innovation-index compute --help
  base-year: 2017
  normalise: fixed-base      # 定基指数：每个指标、每个评价对象 100 × 当年值 / 基期值
  aggregate: arithmetic      # 逐层对下级加权算术平均
  weights: explicit          # 使用 indicators.csv 中的权重
  missing: error             # error：任何缺失值都报错；reweight：去掉缺项，同级权重重新归一

outputs:
  decimals: 4
  report: false              # true：同时生成 report.html
  xlsx: true                 # 同时生成 index.xlsx，所有表格在一个 Excel 工作簿中
  lang: zh                   # report.html 和 index.xlsx 的语言（en：英文）

# "innovation-index uncertainty" 如何改变各项选择（compute 不使用这一段）。去掉注释即可不带参数运行
# 不确定性分析；每个列表的第一个方法是名义方法，与上面 methods: 中的相同。
# uncertainty:
#   weight-noise: 0.2                       # 每个权重在自身 ±20% 内变动，同级权重重新归一
#   normalisations: [fixed-base, chain]     # 从中抽取的标准化方法
#   aggregations: [arithmetic, geometric]   # 从中抽取的合成方法（几何平均要求得分 > 0，不能与 min-max 同用）
#   replications: 1000                      # Saltelli 设计的 N
#   seed: 1                                 # 相同的种子得到相同的结果
#   out: uncertainty                        # uncertainty.csv、sensitivity.csv 和 uncertainty.html
`;

const projectReadmeEn = (words: Words) => `# ${words.name}

How this index is computed every year, for the team that maintains it. The tool is the \`innovation-index\`
command (installed from its source: see \`docs/guides/install.md\` there); \`innovation-index --help\` lists every
option and \`innovation-index <command> --help\` each command's.

## Files

| path | what |
| --- | --- |
| \`index.yaml\` | the choices of the computation: tree, values, base year, methods, output options |
| \`indicators.csv\` | the indicator tree: \`code,parent,name,name_en,weight,direction,unit\` (direction \`+\` or \`-\`) |
| \`data/*.csv\`, \`data/*.xlsx\` | the values, long format \`unit,year,indicator,value,source\`, one file per year (any split works; every .csv and .xlsx file is read) |
| \`runs/<run-id>/\` | one folder per computation: \`index.csv\`, \`index-wide.csv\`, \`scores.csv\`, \`index.json\`, \`input-values.csv\`, \`manifest.json\` |
| \`runs/LATEST\` | the id of the last published run: read the results from \`runs/$(cat runs/LATEST)/\` |
| \`runs/PUBLISHED.log\` | every move of \`runs/LATEST\` (time, action, run before, run after), only ever appended: which runs were published, and when |

The shipped tree and values are an example: replace them with yours before publishing anything.

## Every year

1. Add the new year's values as \`data/<year>.csv\` (same columns). Nothing else changes.
2. \`innovation-index validate\`: every problem is listed with its file and line; fix them all.
3. \`innovation-index compute\`: writes a new run folder and moves \`runs/LATEST\` to it. The last line says what changed
   against the previous run.
4. \`innovation-index diff\`: every value that changed, inputs and outputs, with the size of the change.

## Revising a published value

Correct the value in its \`data/<year>.csv\` (keep a note in the \`source\` column), run \`compute\`, then
\`innovation-index diff\` to see which published index values moved and by how much. Earlier runs stay untouched in
\`runs/\`: they are the record of what was published when.

## How much the results depend on the choices

Uncomment the \`uncertainty:\` block of \`index.yaml\` and run \`innovation-index uncertainty\`: it recomputes the index
with the weights and methods varied as the block says and writes \`uncertainty/uncertainty.csv\` (each unit's 5–95%
interval of the index and of its rank), \`sensitivity.csv\` (which choice matters most) and \`uncertainty.html\`. The
same seed gives the same numbers.

## Safety

- A failed run (invalid data, full disk, killed job) never touches \`runs/LATEST\` or an earlier run.
- Only one run writes at a time (\`runs/.lock\`); a lock left by a killed run is detected and removed.
- \`manifest.json\` records the tool version, the options, the SHA-256 of every input file and of every output.
- \`innovation-index compute --quiet\` does nothing when neither the data nor the options changed (no new run
  folder; \`--force\` runs anyway): the command to schedule. Exit codes: 0 ok, 1 invalid input, 2 bad command line, 3 outputs not writable (or locked).
`;

const projectReadmeZh = (words: Words) => `# ${words.name}

本指数每年如何计算，供维护它的团队参考。工具是 \`innovation-index\` 命令（从源代码安装，见其中的
\`docs/guides/install.md\`）；\`innovation-index --help\` 列出所有选项，\`innovation-index <命令> --help\` 列出各命令的选项。

## 文件

| 路径 | 内容 |
| --- | --- |
| \`index.yaml\` | 计算的各项选择：指标体系、数据、基期、方法、输出选项 |
| \`indicators.csv\` | 指标体系：\`code,parent,name,name_en,weight,direction,unit\`（方向 \`+\` 或 \`-\`） |
| \`data/*.csv\`、\`data/*.xlsx\` | 指标数据，长表 \`unit,year,indicator,value,source\`，每年一个文件（任意拆分都可以；所有 .csv 和 .xlsx 文件都会读取） |
| \`runs/<运行编号>/\` | 每次计算一个文件夹：\`index.csv\`、\`index-wide.csv\`、\`scores.csv\`、\`index.json\`、\`input-values.csv\`、\`manifest.json\` |
| \`runs/LATEST\` | 最近一次发布的运行编号：结果在 \`runs/$(cat runs/LATEST)/\` 中 |
| \`runs/PUBLISHED.log\` | \`runs/LATEST\` 每次移动的记录（时间、操作、之前与之后的运行），只追加不改写：哪些运行发布过、何时发布 |

随附的指标体系和数据只是示例：发布任何结果之前，请换成你们自己的。

## 每年

1. 把新一年的数据存为 \`data/<年份>.csv\`（列相同）。其他都不用改。
2. \`innovation-index validate\`：列出每个问题及其文件和行号；全部改正。
3. \`innovation-index compute\`：生成一个新的运行文件夹，并把 \`runs/LATEST\` 指向它。最后一行说明与上一次运行相比
   有哪些变化。
4. \`innovation-index diff\`：列出输入和输出中每个变化的值及变化大小。

## 修订已发布的数值

在对应的 \`data/<年份>.csv\` 中改正数值（在 \`source\` 列中注明），运行 \`compute\`，再用
\`innovation-index diff\` 查看哪些已发布的指数值变了、变了多少。以前的运行保持原样留在 \`runs/\` 中：它们记录了
何时发布了什么。

## 结果在多大程度上取决于方法选择

去掉 \`index.yaml\` 中 \`uncertainty:\` 一段的注释，运行 \`innovation-index uncertainty\`：它按这一段的设定改变权重和方法，
重新计算指数，写出 \`uncertainty/uncertainty.csv\`（每个评价对象指数及其排名的 5%–95% 区间）、\`sensitivity.csv\`
（哪项选择影响最大）和 \`uncertainty.html\`。相同的种子得到相同的结果。

## 安全

- 失败的运行（数据无效、磁盘已满、任务被终止）不会改动 \`runs/LATEST\` 或以前的任何运行。
- 同一时间只有一个运行在写（\`runs/.lock\`）；被终止的运行留下的锁会被识别并移除。
- \`manifest.json\` 记录工具版本、选项、每个输入文件和每个输出的 SHA-256。
- 数据和选项都没有变化时，\`innovation-index compute --quiet\` 什么也不做（不生成新的运行文件夹；\`--force\` 则照样运行）：
  这就是要定时执行的命令。退出码：0 成功，1 输入无效，2 命令行有误，3 输出无法写入（或被锁定）。
`;
