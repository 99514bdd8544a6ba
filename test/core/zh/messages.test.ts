import { describe, expect, it } from "vitest";
import { dataMessages } from "../../../src/core/data-messages.js";
import { messages } from "../../../src/core/messages.js";
import { messagesZh } from "../../../src/core/zh/messages.js";
import { checkTranslation } from "./facts.js";

const own = Object.keys(messages).filter((key) => typeof (messages as Record<string, unknown>)[key] === "function" && !(key in dataMessages));

describe("messagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(
      messages,
      messagesZh,
      [
        // tree
        ["missingColumn", ["weight", ["code", "name"]]],
        ["missingColumn", ["weight", ["code", "wieght", ""]]],
        ["missingColumn", ["weight", []]],
        ["missingColumn", ["year", ["unit", "indicator", "value"]]],
        ["missingColumn", ["value", ["group", "a", "b"], ["judgement", "判断", "标度"]]],
        ["missingColumn", ["weight", Array.from({ length: 25 }, (_, i) => `c${i + 1}`)]],
        ["emptyCode", []],
        ["emptyCode", ["指标代码"]],
        ["reservedCode", ["INDEX"]],
        ["duplicateCode", ["A1", 3]],
        ["duplicateCode", ["A1", undefined]],
        ["unknownParent", ["A9", undefined]],
        ["unknownParent", ["A", "A", "code"]],
        ["unknownParent", ["A2", "A", "代码"]],
        ["selfParent", ["A1"]],
        ["treeCycle", [["A", "B", "A"]]],
        ["missingDirection", ["A1"]],
        ["badDirection", ["A1", "up"]],
        ["badWeight", ["A1", "abc"]],
        ["badWeight", ["A1", "0,3", "comma"]],
        ["badWeight", ["A1", "0.25", "ambiguous"]],
        ["negativeWeight", ["A1", "-0.2"]],
        ["mixedWeights", ["A", ["A1", "A2"], ["A3"]]],
        ["zeroWeightSum", ["A"]],
        ["weightsRenormalised", ["A", 0.9]],
        ["weightsRenormalised", ["D1", 0.8, "创新投入"]],
        ["weightsPercentMixed", ["INDEX", [{ code: "A", text: "60%" }], [{ code: "B", text: "0.4" }, { code: "C", text: "0.2" }]]],
        ["emptyTree", []],

        // values
        ["badYear", ["20l7"]],
        ["badValue", ["abc"]],
        ["badValue", ["abc", "2018"]],
        ["badValue", ["#DIV/0!", "2018"]],
        // A currency sign beside a dash: Excel's accounting format's zero, its padding lost.
        ["badValue", ["¥-", "value"]],
        ["recordNotNumber", ["A1", "常州", 2018, "abc"]],
        ["valueNotFinite", ["A1", "常州", 2018, Infinity]],
        ["valueNotFinite", ["A1", "常州", 2018, -Infinity]],
        ["recordNotNumber", ["A1", "常州", 2018, null]],
        ["recordNotNumber", ["A1", "常州", 2018, true]],
        ["ambiguousNumber", ["1,234"]],
        ["ambiguousNumber", ["1,234", "2018"]],
        ["decimalComma", ["1,5"]],
        ["decimalComma", ["1,5", "value"]],
        ["fullWidthComma", ["１２３，４"]],
        ["fullWidthComma", ["１２３，４", "2017年"]],
        ["badYearColumn", ["2017a"]],
        ["twoDigitYearColumn", ["21年"]],
        ["chineseYearColumn", ["二〇二一年"]],
        ["yearColumnSwapped", ["year", ["常州", "无锡"], "unit"]],
        ["yearColumnNames", ["year", ["常州", "无锡"]]],
        ["manyUnknownIndicators", [42, ["X1", "X2", "X3"]]],
        ["manyDuplicates", [120]],
        ["manyDuplicatesAcrossFiles", [12, "data/2021 - 副本.csv", "data/2021.csv"]],
        ["manyDuplicatesAcrossFiles", [30, "data/2020.csv", "data/2020 (1).csv", 2]],
        ["noNumbers", []],
        ["repeatedColumn", ["2018", 3, 5]],
        ["repeatedColumn", ["2018", 3, 5, "2018.0"]],
        ["mergedHeaderColumn", ["2018年", 4, 5, "E2", "D2:E2"]],
        ["unknownIndicator", ["X1"]],
        ["fullWidthCode", ["Ａ２", "A2"]],
        ["unknownIndicator", ["研发投入", "A1"]],
        ["valueForGroup", ["A"]],
        ["duplicateValue", ["常州", 2018, "A1", 12]],
        ["duplicateValue", ["常州", 2018, "A1", 12, "values-2018.csv"]],
        ["duplicateValue", ["", 2018, "A1", undefined]],
        ["indicatorWithoutValues", ["A1"]],
        ["missingValue", ["A1", "常州", 2018]],
        ["missingValue", ["A1", "", 2018]],
        ["missingValue", ["A1", "常州", 2018, ["interpolate", "carry-back"]]],
        ["missingValue", ["A1", "常州", 2018, ["mean", "median", "reweight"]]],
        ["missingValue", ["A1", "常州", 2018, ["reweight"]]],
        ["missingValue", ["A1", "常州", 2018, []]],
        ["baseYearAbsent", [2015, [2017, 2018, 2019]]],
        ["baseYearAbsent", [2015, []]],
        ["noData", []],
        ["wrongFieldCount", [5, 4]],
        ["wrongFieldCount", [3, 4]],
        ["wrongFieldCount", [6, 4, false]],
        ["wrongFieldCount", [2, 4, false, 3]],
        ["emptyUnit", ["评价对象", 3, 10, "常州"]],
        ["emptyUnit", ["unit", 5, 5, undefined]],
        ["mergedValue", ["C2", "B2", "2018"]],
        ["unknownLayout", [[]]],
        ["unknownLayout", [["地区", "指标", "数值"]]],

        // method
        ["baseValueZero", ["A1", "常州", 2015]],
        ["baseValueZero", ["A1", "", 2015]],
        ["baseValueMissing", ["A1", "常州", 2015]],
        ["baseValueMissing", ["A1", "常州", 2015, ["interpolate", "carry-back"]]],
        ["baseValueMissing", ["A1", "常州", 2015, []]],
        ["baseValueNegative", ["A1", "常州", 2015, -3.5]],
        ["afterTreatment", ["winsorise", 1250]],
        ["zeroValueNegativeDirection", ["A1", "常州", 2018]],
        ["zeroValueNegativeDirection", ["A1", "", 2018]],
        ["unknownMethod", ["normalisation", "minmax", ["fixed-base", "min-max", "z-score"]]],
        ["unknownMethod", ["aggregation", "xyz", ["arithmetic", "geometric"]]],
        ["unknownMethod", ["aggregation", "power:2", ["arithmetic", "geometric", "power"]]],
        ["unknownMethod", ["missing-value policy", "carryforward", ["none", "carry-forward", "interpolate"]]],
        ["unknownMethod", ["weighting", "entrpy", ["entropy", "critic"]]],
        ["allowedChoices", ["minmax", ["fixed-base", "min-max", "z-score"]]],
        ["allowedChoices", ["xyz", ["csv", "json"]]],
        ["unknownChoice", ["Type", "Indicatr", ["Indicator", "Aggregate", "Group"]]],
        ["unknownChoice", ["Type", "xyz", ["Indicator", "Aggregate"]]],
        ["unknownArgumentChoice", ["action", "runs", "publsh", ["list", "publish", "rollback"]]],
        ["unknownArgumentChoice", ["action", "runs", "prune", ["list", "publish", "rollback"]]],
        // Choices of punctuation, quoted in all four choice messages (`choicesInWords`).
        ["allowedChoices", [";", [".", ","]]],
        ["unknownChoice", ["Decimal", ";", [".", ","]]],
        ["unknownArgumentChoice", ["mark", "demo", ";", [".", ","]]],
        ["unknownOptionChoice", ["--normalise", "minmax", ["fixed-base", "min-max", "z-score"]]],
        ["unknownOptionChoice", ["--format", "pdf", ["table", "csv", "json", "xlsx"]]],
        ["unknownOptionChoice", ["--decimal", ";", [".", ","]]],
        ["unknownOptionChoice", ["--encoding", "latin1", ["auto", "utf-8", "gb18030", "gbk"]]],
        ["unknownOptionChoice", ["--aggregations", "geometrik", ["arithmetic", "geometric"], "arithmetic,geometrik"]],
        ["unknownOptionChoice", ["--aggregations", "power:2", ["arithmetic", "power"], "arithmetic,power:2"]],

        // method choices
        ["chainBaseMissing", ["A1", "常州", 2015]],
        ["chainBaseMissing", ["A1", "常州", 2015, ["interpolate", "carry-forward", "carry-back", "mean", "median"]]],
        ["chainBaseMissing", ["A1", "常州", 2015, []]],
        ["chainValueNotPositive", ["A1", "常州", 2018, -2]],
        ["referenceValueNotPositive", ["A1", "上海", 2018, 0]],
        ["referenceValueNotPositive", ["A1", "上海", 2018, Number.NaN]],
        ["unknownReferenceUnit", ["北京", ["常州", "无锡", "苏州"]]],
        ["unknownReferenceUnit", ["北京", [""]]],
        ["zeroValueReversedRatio", ["A1", "常州", 2018, "distance-to-target"]],
        ["negativeValueReversedRatio", ["A1", "常州", 2018, -2, "base / value"]],
        ["negativeValueReversedRatio", ["A1", "常州", 2018, -2, "distance-to-reference (reference / value)"]],
        ["scoreNotFinite", ["A1", "常州", 2018]],
        ["dampenUndefined", ["A1", "常州", 2018, 0, "log"]],
        ["dampenUndefined", ["A1", "常州", 2018, -3, "sqrt"]],
        ["constantIndicator", ["A1", "min-max", 5, 1, undefined, 3]],
        ["constantIndicator", ["A1", "z-score", 5, 12, undefined, 3]],
        ["constantIndicator", ["A1", "min-max-year", 5, 3, 2018, 3]],
        ["constantIndicator", ["A1", "z-score-year", 5, 1, 2018, 1]],
        ["indicatorSettingOnGroup", ["A", "cap"]],
        ["groupSettingOnIndicator", ["A1", "aggregate"]],
        ["badNumericSetting", ["A1", "cap", "abc"]],
        ["badChoiceSetting", ["A1", "dampen", "lg", ["log", "sqrt"]]],
        ["badChoiceSetting", ["A1", "dampen", "xyz", ["log", "sqrt"]]],
        ["capTooLow", ["A1", 50]],
        ["capOptionTooLow", [50]],
        ["missingGoalposts", ["A1", true, true]],
        ["missingGoalposts", ["A1", true, false]],
        ["missingGoalposts", ["A1", false, true]],
        ["goalpostsOrder", ["A1", 10, 5]],
        ["missingTarget", ["A1"]],
        ["targetNotPositive", ["A1", -5]],
        ["scoreNotPositive", ["geometric", "A", "A1", "常州", 2018, 0]],
        ["scoreNotPositive", ["harmonic", "A", "A1", "", 2018, -1.5]],
        ["mpiMeanNotPositive", ["A", "常州", 2018, -0.5]],
        ["optionUnused", ["--cap", ["fixed-base", "chain", "distance-to-target"]]],
        ["outlierOptionUnused", ["--winsor-max", ["winsorise", "winsorise-log"]]],
        ["unfilledUnused", [["interpolate", "carry-forward", "carry-back"]]],
        ["zeroBaseUnused", []],
        ["optionUnusedOnStdout", ["--xlsx"]],
        ["optionUnusedOnStdout", ["--report"]],
        ["staticWithoutReport", []],
        ["aggregateLevelWithoutGroups", [3, [0, 1, 2]]],

        // uncertainty
        ["unknownRangeNode", ["X1"]],
        ["badRangeBound", ["A1", "min", "abc"]],
        ["invertedRange", ["A1", 0.4, 0.2]],
        ["unitNameRefused", ["values.csv", "常州", ["常州", "无锡"]]],
        ["unitNameRefused", ["values.csv", "常州", ["a", "b", "c", "d", "e", "f", "g"]]],
        [
          "scalesMixed",
          [
            [
              { scale: "ratio (100 = a base)", methods: ["fixed-base", "chain"] },
              { scale: "0-100", methods: ["min-max"] },
              { scale: "100 ± 10", methods: ["z-score"] },
            ],
          ],
        ],
        [
          "scalesMixed",
          [
            [
              { scale: "scores'", methods: ["arithmetic", "geometric"] },
              { scale: "wins minus losses (−(n − 1) to n − 1)", methods: ["copeland"] },
              { scale: "grey relational grade with the panel's best (33.3-100)", methods: ["grey"] },
            ],
            "--aggregations",
          ],
        ],
        [
          "scalesMixed",
          [
            [
              { scale: "1 to n rank", methods: ["rank"] },
              { scale: "0 to n − 1 count", methods: ["borda"] },
              { scale: "share of the frontier (0-100)", methods: ["bod"] },
              { scale: "closeness to the panel's best (0-100)", methods: ["topsis"] },
              { scale: "closeness to the year's best (0-100)", methods: ["topsis-year"] },
            ],
          ],
        ],
        ["runsUndefined", [[{ unit: "常州", year: 2018, count: 3 }], 1000]],
        [
          "runsUndefined",
          [
            [
              { unit: "常州", year: 2018, count: 3 },
              { unit: "无锡", year: 2019, count: 5 },
              { unit: "", year: 2020, count: 7 },
              { unit: "苏州", year: 2021, count: 9 },
              { unit: "南通", year: 2022, count: 11 },
            ],
            1000,
          ],
        ],
        ["nothingVaries", []],
        ["choiceUndefined", ["min-max", "geometric", "none"]],
        ["workbookTooLarge", [1200000, 1048576]],
        ["workbookTooManyCells", [60000000, 50000000]],
        [
          "csvTextsShownOtherwise",
          [
            [
              { text: "1.10", shown: { kind: "number", shown: "1.1" } },
              { text: "2-3", shown: { kind: "date" } },
              { text: "1:30", shown: { kind: "time" } },
              { text: "1E5", shown: { kind: "scientific" } },
            ],
            6,
            false,
          ],
        ],
        ["csvTextsShownOtherwise", [[{ text: "01", shown: { kind: "number", shown: "1" } }], 1, true]],
        ["moreProblems", [1234, "problems"]],
        ["moreProblems", [1, "warnings"]],
        ["workbookTextCut", ["scores", "B2", 40000, 32767]],
        ["duplicateChoice", ["--normalisations", "min-max"]],
        ["nominalConflict", ["--normalise", "min-max", "--normalisations", ["z-score", "min-max"]]],
      ],
      own,
    ));

  it("names a long list of columns by its first 20 and the count of the rest, in both languages", () => {
    // 25 columns c1..c25: c1 to c20 named, then 25 − 20 = 5 more.
    const header = Array.from({ length: 25 }, (_, i) => `c${i + 1}`);
    const named = header.slice(0, 20).map((name) => `"${name}"`);
    expect(messages.missingColumn("weight", header)).toBe(`missing column "weight"; found columns ${named.join(", ")}, and 5 more`);
    expect(messagesZh.missingColumn("weight", header)).toBe(`缺少列 "weight"（或中文表头 "权重"）；现有列为 ${named.join("、")}、另有 5 列`);
    // 20 columns: all named.
    expect(messages.missingColumn("weight", header.slice(0, 20))).toBe(`missing column "weight"; found columns ${named.join(", ")}`);
  });

  it("lists the choices alike in all four choice messages: words bare, all quoted where one is punctuation", () => {
    // by hand: "." and "," are no words, so each is quoted (shownChoices); ";" is one edit from both, and the first of a
    // tie, ".", is suggested (closestName). English joins the choices with ", ", Chinese with 、.
    const marks = [".", ","];
    expect(messages.allowedChoices(";", marks)).toBe('Allowed choices are ".", ",". Did you mean "."?');
    expect(messagesZh.allowedChoices(";", marks)).toBe('可选值为："."、","。是否应为 "."？');
    expect(messages.unknownChoice("Decimal", ";", marks)).toBe('Decimal ";" is not a choice; expected one of: ".", ","; did you mean "."?');
    expect(messagesZh.unknownChoice("Decimal", ";", marks)).toBe('Decimal ";" 不是可选值；应为以下之一："."、","；是否应为 "."？');
    expect(messages.unknownArgumentChoice("mark", "demo", ";", marks)).toBe('unknown mark ";" of demo; expected one of: ".", ","; did you mean "."?');
    expect(messagesZh.unknownArgumentChoice("mark", "demo", ";", marks)).toBe('命令 demo 的参数 mark 没有 ";" 这一取值；应为以下之一："."、","；是否应为 "."？');
    expect(messages.unknownOptionChoice("--decimal", ";", marks)).toBe('unknown value ";" of --decimal; expected one of: ".", ","; did you mean "."?');
    expect(messagesZh.unknownOptionChoice("--decimal", ";", marks)).toBe('选项 --decimal 没有 ";" 这一取值；应为以下之一："."、","；是否应为 "."？');
    // One choice that is no word ("-") quotes the words beside it too; "pdf" is far from both: no suggestion.
    expect(messages.allowedChoices("pdf", ["auto", "-"])).toBe('Allowed choices are "auto", "-".');
    expect(messagesZh.unknownChoice("Type", "pdf", ["auto", "-"])).toBe('Type "pdf" 不是可选值；应为以下之一："auto"、"-"');
    // Words only: bare, as before.
    expect(messages.unknownChoice("Type", "Indikator", ["Indicator", "Aggregate"])).toBe('Type "Indikator" is not a choice; expected one of: Indicator, Aggregate; did you mean "Indicator"?');
    expect(messagesZh.allowedChoices("xyz", ["csv", "json"])).toBe("可选值为：csv、json。");
  });

  it("says the common messages as written out by hand", () => {
    expect(messagesZh.missingColumn("weight", ["code", "wieght"])).toBe('缺少列 "weight"（或中文表头 "权重"）；现有列为 "code"、"wieght"；现有列 "wieght"：是否应为 "weight"？');
    // The Chinese header the values reader takes for a long-layout column (data-csv.ts LONG_COLUMNS: 年份 for year).
    expect(messagesZh.missingColumn("year", ["评价对象", "指标代码", "数值"])).toBe('缺少列 "year"（或中文表头 "年份"）；现有列为 "评价对象"、"指标代码"、"数值"');
    // A reader's own aliases (ahp-csv.ts: value is also judgement, 判断, 标度) name its Chinese ones, not the values file's 数值.
    expect(messagesZh.missingColumn("value", ["group", "a", "b"], ["judgement", "判断", "标度"])).toBe('缺少列 "value"（或中文表头 "判断"、"标度"）；现有列为 "group"、"a"、"b"');
    // A column with no Chinese header (COINr's "iCode", AHP's "a") is named alone; the English wording is unchanged.
    expect(messagesZh.missingColumn("a", ["group"], ["i", "row"])).toBe('缺少列 "a"；现有列为 "group"');
    expect(messages.missingColumn("year", ["unit"], ["年份"])).toBe('missing column "year"; found columns "unit"');
    expect(messagesZh.unknownLayout(["地区", "数据"])).toBe(
      '无法从表头 "地区"、"数据" 判断文件布局；应为长格式（列为 "unit,year,indicator,value"，或中文表头 "评价对象,年份,指标代码,数值"）或宽格式（列为 "indicator,2017,2018,..."，或 "指标代码,2017,2018,..."）',
    );
    expect(messagesZh.duplicateCode("A1", 3)).toBe('代码 "A1" 重复（首次定义于第 3 行）；每个代码应只出现一次');
    expect(messagesZh.unknownParent("A9")).toBe('未知的上级节点 "A9"；应为 "code" 列中的代码或空单元格');
    expect(messagesZh.badValue("abc", "2018")).toBe('"2018" 列中的数值 "abc" 不是数字；应为 1234.5、1,234.5 或 1.96% 这样的数字，缺失值则应为空单元格');
    expect(messagesZh.missingValue("A1", "常州", 2018)).toBe(
      '缺少指标 "A1"（评价对象 "常州"，2018 年）的数值；应提供数值，或指定能填补它的缺失值处理方式 --missing interpolate|carry-forward|carry-back|mean|median，或用 --missing reweight 在其所属指标组的得分中略去它（也可用指标体系文件的 "missing" 列）',
    );
    expect(messagesZh.missingValue("A1", "常州", 2018, [])).toBe('缺少指标 "A1"（评价对象 "常州"，2018 年）的数值；应提供数值：没有一种缺失值处理方式能同时填补它和该序列缺少的基期值');
    expect(messagesZh.baseValueMissing("A1", "常州", 2017, ["interpolate", "carry-back"])).toBe(
      '指标 "A1"（评价对象 "常州"）：没有 2017 年的基期值，定基指数（fixed-base）无法计算；应提供基期的数值，或指定能填补它的缺失值处理方式 --missing interpolate|carry-back（也可用指标体系文件的 "missing" 列；该序列的所有指数将以填补出的基期值为基础），或改用每个指标都有数值的另一个基期 --base-year <year>，整个指数随之改换基期（见 docs/guides/projects.md#when-the-indicator-system-changes）',
    );
    expect(messagesZh.chainBaseMissing("A1", "常州", 2017, [])).toBe(
      '指标 "A1"（评价对象 "常州"）：没有 2017 年的基期值，链式指数（chain）没有起点；应提供基期的数值（没有一种缺失值处理方式能填补它：该评价对象在其他年份没有这个指标的数值，2017 年也没有其他评价对象的数值），或改用每个指标都有数值的另一个基期 --base-year <year>，整个指数随之改换基期（见 docs/guides/projects.md#when-the-indicator-system-changes）',
    );
    expect(messagesZh.emptyUnit("评价对象", 3, 10, "常州")).toBe(
      '评价对象列 "评价对象" 在第 3-10 行为空；每行都应填写评价对象（上方的 "常州" 是否在 Excel 中合并了这些行的单元格？合并单元格另存为 CSV 时只有第一行有值：应取消合并，并在每行填写评价对象）',
    );
    expect(messagesZh.wrongFieldCount(6, 4, false)).toBe("该行有 6 个字段；应与表头（第 1 行）一样有 4 个字段");
    expect(messagesZh.wrongFieldCount(2, 4, false, 3)).toBe("该行有 2 个字段；应与表头（第 3 行）一样有 4 个字段");
    expect(messagesZh.wrongFieldCount(5, 4)).toBe('该行有 5 个字段；应与表头（第 1 行）一样有 4 个字段（用千位分隔符书写的数字，如 1,234，除非加引号写作 "1,234"，否则会被拆成两个字段）');
    expect(messagesZh.duplicateValue("常州", 2018, "A1", 12, "values-2018.csv")).toBe(
      '数值重复：评价对象 "常州"，2018 年，指标 "A1"（首次出现于 values-2018.csv 第 12 行）；每个评价对象、年份和指标应只有一个数值',
    );
    expect(messagesZh.manyDuplicatesAcrossFiles(12, "data/2021 - 副本.csv", "data/2021.csv")).toBe(
      '有 12 个数值重复："data/2021 - 副本.csv" 与 "data/2021.csv" 给出了相同的单元格：其中一个是否为另一个的副本（如"… - 副本.csv"或"… (1).csv"），或同一年份在两个文件中都出现了？每个评价对象、年份和指标应只出现在文件夹的一个文件中（删除副本，每个年份只放在一个文件中）',
    );
    expect(messagesZh.manyDuplicatesAcrossFiles(30, "data/2020.csv", "data/2020 (1).csv", 2)).toContain('"data/2020.csv" 与 "data/2020 (1).csv" 给出了相同的单元格（另有 2 对文件也是如此）：');
    expect(messagesZh.badDirection("A1", "up")).toBe('指标 "A1" 的方向为 "up"；应为 "+" 或 "-"（也可写作 positive/negative、正向/逆向或负向/反向、1/-1）');
    expect(messagesZh.unknownMethod("normalisation", "minmax", ["fixed-base", "min-max"])).toBe('未知的标准化方法 "minmax"；应为以下之一：fixed-base、min-max；是否应为 "min-max"？');
  });
});
