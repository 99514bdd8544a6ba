import { describe, expect, it } from "vitest";
import { commandMessages, PRESET_TEXTS } from "../../../src/core/command-messages.js";
import { PRESETS } from "../../../src/core/presets.js";
import { WEIGHT_METHODS } from "../../../src/core/weighting/derive.js";
import { commandMessagesZh } from "../../../src/core/zh/command-messages.js";
import { WEIGHT_METHOD_NAMES } from "../../../src/core/zh/weight-method-names.js";
import { methodName } from "../../../src/io/report/labels.js";
import { checkTranslation } from "./facts.js";

describe("commandMessagesZh", () => {
  it("has every message, naming the English text's facts", () =>
    checkTranslation(commandMessages, commandMessagesZh, [
      ["wholeNumberOption", ["--decimals", 0, 15, "x"]],
      ["numberOption", ["--alpha", 0, 1, "1.5"]],
      ["capOption", [100, "50"]],
      ["encodingOption", ["utf-16"]],
      ["encodingChoice", ["gbk2", ["auto", "utf-8", "gb18030", "gbk"]]],
      ["encodingChoice", ["latin1", ["auto", "utf-8", "gb18030", "gbk"]]],
      ["yearsOption", ["2017-20"]],
      ["weightYearsOption", ["2017-"]],
      ["weightUnitsOption", ["常州,,无锡"]],
      ["memoryLimitOption", ["8XB"]],
      ["emptyMethodList", ["--normalisations", ["fixed-base", "min-max"]]],
      ["weightNoiseOption", ["1.5"]],
      ["bootstrapOne", ["1"]],
      ["unknownShell", ["tcsh", ["bash", "zsh", "fish", "powershell"]]],
      ["unknownHelpTopic", ["wieghts", ["methods", "weights", "project"]]],
      ["explainWithoutPreset", [["china-2020", "oecd"]]],
      ["presetValueNotChoice", ["oecd", "normalise", "minmax", ["min-max", "z-score"]]],
      // Every preset's heading, every source of its settings and every note: each names the English one's numbers,
      // flags and quoted words.
      ...PRESETS.map((preset) => ["presetHeading", [preset]] as const),
      ...PRESETS.flatMap((preset) => Object.keys(PRESET_TEXTS[preset].sources).map((option) => ["presetSource", [preset, option]] as const)),
      ...PRESETS.flatMap((preset) => PRESET_TEXTS[preset].notes.map((_, note) => ["presetNote", [preset, note]] as const)),
      ["presetOverriddenHeading", []],
      ["presetOverriddenBy", ["--weights entropy"]],
      ["presetOverriddenBy", ["methods.weights explicit (index.yaml:15)"]],
      ["presetNotesHeading", []],
      ["presetOverrideRule", []],
      ["presetOverridden", ["nbs", "--weights equal", "methods.weights explicit", "methods.weights"]],
      ["presetOverridden", ["nbs", "--aggregate geometric,0=arithmetic", "--aggregate arithmetic", "--aggregate"]],
      ["screenByUnitYearInUncertainty", ["--screen-by"]],
      ["screenByUnitYearInUncertainty", ["index.yaml: methods.screen-by"]],
      ["screenByWithoutScreen", ["unit-year"]],
      ["indexOptionsWithoutOptimise", [["--normalise"]]],
      ["indexOptionsWithoutOptimise", [["--normalise", "--cap"]]],
      ["inputMissing", ["--data"]],
      ["dataMissingForMethod", ["entropy", ["explicit", "equal", "ahp"]]],
      ["dataMissingForMethod", ["combined", ["explicit", "equal", "ahp"]]],
      ["optionsNeedData", [["--optimise"], "ahp"]],
      ["optionsNeedData", [["--screen", "--weight-years"], "explicit"]],
      ["normaliseDisagrees", ["min-max", "z-score"]],
      ["powerDisagrees", [0.5, 2]],
      ["weightsDisagree", ["entropy", "critic"]],
      ["tableNeedsFormat", ["scores"]],
      ["ranksOfOneUnit", []],
      ["unknownFormat", ["yaml"]],
      ["xlsxNeedsBytes", []],
      ["streamFailed", ["standard output", "ENOSPC"]],
      ["permissionDenied", ["/srv/index/runs/LATEST", "EACCES", false]],
      ["permissionDenied", ["/srv/index/runs", "EPERM", true]],
      ["streamFailed", ["a socket", "EPIPE"]],
      ["publishFailed", ["runs/2024-01-01T00-00-00Z", "EACCES"]],
      ["expectedBoolean", []],
      ["expectedValueFor", ["--decimals"]],
      ["expectedOneOf", ["minmax", ["min-max", "z-score"]]],
      ["expectedOneOf", ["xyz", ["min-max", "z-score"]]],
      ["expectedAccepted", ["--decimals", '--decimals must be a whole number from 0 to 15, got "x"']],
      ["expectedValid", ["--range", "1;100"]],
      ["expectedValid", ["--range", [1, 100]]],
      ["templateOut", ["values.txt"]],
      ["templateExists", ["values.xlsx"]],
      ["importExists", ["asem/tree.csv"]],
      ["importOneYear", [[2019, 2020]]],
      ["importNoTime", []],
      ["importNoColumn", ["LPI"]],
      ["importWrote", ["asem", 58, 49, 51, 1]],
      ["importWrote", ["asem", 1, 1, 2, 3]],
      ["importYearAndTime", ["iData.csv"]],
      ["importNotImported", [true, [{ name: "GDP_group", type: "Group" }, { name: "Area", type: "Denominator" }]]],
      ["importNotImported", [false, [{ name: "Value", type: "Other" }]]],
      ["coinrNoUnitCode", [["Time", "Renew", "CO2"]]],
      ["coinrNoUnitCode", [["ucode", "Time"]]],
      ["coinrNoUnitCode", [[]]],
      ["coinrUndeclaredColumn", ["Renw", "iMeta.csv", ["Renew", "CO2", "uCode"]]],
      ["coinrUndeclaredColumn", ["Notes", "iMeta.csv", ["Renew", "CO2", "uCode"]]],
      ["coinrNoColumn", ["GDP", "Denominator", "iData.csv"]],
      ["coinrNoColumn", ["EurAsia", "Group", "data/iData.xlsx"]],
      ["coinrDuplicateRow", ["AUT", 2018, 2]],
      ["coinrBadNumber", ["Target", "Renew", "27.445", "ambiguous"]],
      ["coinrBadNumber", ["Target", "Renew", "27,445", "comma"]],
      ["coinrBadNumber", ["Target", "CO2", "abc", undefined]],
      ["coinrBadLevel", ["D1", "NA"]],
      ["coinrIndicatorLevel", ["A2", 2]],
      ["coinrParentLevel", ["B1", 1, "Index", 3]],
      ["coinrTopLevel", ["P2", 2, 3]],
      ["initDataNotEmpty", ["proj", ["a.csv", "b.csv"]]],
      ["initDataNotEmpty", ["proj", ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]]],
      ["compareWithAndProjects", []],
      ["compareProjectCount", [["a/index.yaml", "b/index.yaml", "c/index.yaml"]]],
      ["compareNothing", []],
      ["compareWithRefused", ["--aggregate nope", "option '--aggregate <method>' argument 'nope' is invalid."]],
      ["compareFailed", ["b", "b/index.yaml"]],
      ["compareBothFailed", ["a/index.yaml", "b/index.yaml"]],
      ["commandFlags", []],
      ["commandFlagsWith", ["--weights entropy"]],
      ["configurations", ["a/index.yaml", "b/index.yaml"]],
      ["explainConfigurations", [[{ name: "a", label: "a/index.yaml" }], true]],
      ["explainConfigurations", [[{ name: "a", label: "the command's flags" }, { name: "b", label: "the command's flags with --weights entropy" }], true]],
      ["explainConfigurations", [[{ name: "b", label: "b.yaml" }], false]],
      ["note", ["Spearman's correlation is undefined in 2018"]],
      ["weightsBy", ["entropy", undefined]],
      ["weightsBy", ["ahp", "ahp.csv"]],
      ["objectiveObservations", [40, undefined, ["常州", "无锡"], [2017, 2018], "sum"]],
      ["objectiveObservations", [38, 2, ["常州", ""], [2017, 2018], "level", 0.01, "raw", "varimax"]],
      ["ahpConsistency", [undefined, "group  n  CR\nA      3  0.05"]],
      ["ahpConsistency", ["saaty2005", "group  n  CR\nA      3  0.05"]],
      ["dataStage", [3, [["interpolate", 2], ["carry-back", 1]], 1, 0, true]],
      ["dataStage", [0, [], 2, 1, false]],
      ["belowCoverage", [5, true]],
      ["belowCoverage", [1, false]],
      ["nominalRun", ["imputed 1 cell (interpolate 1), reweighted 0 cells, outlier-treated 0 cells\n"]],
    ]));

  it("says the common ones as written out by hand", () => {
    expect(commandMessagesZh.wholeNumberOption("--decimals", 0, 15, "x")).toBe('--decimals 必须为 0 到 15 之间的整数，实际为 "x"');
    expect(commandMessagesZh.inputMissing("--data")).toBe("缺少 --data；应同时指定 --indicators 和 --data，或都不指定（使用随附的示例）");
    expect(commandMessagesZh.dataMissingForMethod("entropy", ["explicit", "equal", "ahp"])).toBe(
      "缺少 --data；熵权法依据数据计算权重：应以 --data/-d 指定数据文件（explicit、equal、ahp 只需 --indicators），或 --indicators 和 --data 都不指定（使用随附的示例）",
    );
    expect(commandMessagesZh.optionsNeedData(["--optimise", "--screen"], "ahp")).toBe(
      "--optimise、--screen 需要数据，但缺少 --data（按层次分析法（AHP）赋权只需 --indicators）；应以 --data/-d 指定数据文件，或去掉 --optimise、--screen",
    );
    expect(commandMessagesZh.templateExists("values.xlsx")).toBe("values.xlsx：文件已存在；应为新的文件名（或用 --force 覆盖它）");
    expect(commandMessagesZh.dataStage(3, [["interpolate", 2], ["carry-back", 1]], 1, 0, true)).toBe(
      "插补 3 个单元格（interpolate 2，carry-back 1），按权重重新分配 1 个单元格，异常值处理 0 个单元格（见 imputations.csv、treatment.csv）\n",
    );
  });

  it("names the weighting method in Chinese, as the report names it (weights printed 权重方法：explicit)", () => {
    expect(commandMessagesZh.weightsBy("explicit")).toBe("权重方法：指标体系给定权重");
    expect(commandMessagesZh.weightsBy("entropy")).toBe("权重方法：熵权法");
    expect(commandMessagesZh.weightsBy("ahp", "ahp.csv")).toBe("权重方法：层次分析法（AHP），判断矩阵取自 ahp.csv");
    expect(commandMessages.weightsBy("entropy")).toBe("weights by entropy");
    // Every method has a Chinese name, the report's own (labels.ts), so the terminal and report.html say the same.
    for (const method of WEIGHT_METHODS) {
      expect(WEIGHT_METHOD_NAMES[method], method).toMatch(/[\u4e00-\u9fff]/);
      expect(WEIGHT_METHOD_NAMES[method], method).toBe(methodName(method, "zh"));
    }
  });

  it("keeps the English texts the command line printed before they were catalogued", () => {
    expect(commandMessages.numberOption("--alpha", 0, 1, "2")).toBe('--alpha must be a number from 0 to 1, got "2"');
    expect(commandMessages.dataStage(1, [["interpolate", 1]], 0, 2, false)).toBe("imputed 1 cell (interpolate 1), reweighted 0 cells, outlier-treated 2 cells\n");
    expect(commandMessages.importWrote("asem", 1, 1, 2, 3)).toBe("wrote asem/tree.csv (1 node, 1 indicator) and asem/values.csv (2 units, 3 years)\n");
  });
});
