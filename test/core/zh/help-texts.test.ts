/**
 * The Chinese of `--help` (src/core/zh/help-texts.ts): every entry is Chinese and names its English text's facts, the
 * examples keep their commands, and the most common texts read as written here. That every text the commands declare
 * has an entry is checked on the help itself (test/cli/help-language.test.ts).
 */
import { describe, expect, it } from "vitest";
import { HELP_TEXTS_ZH } from "../../../src/core/zh/help-texts.js";
import { factsOf } from "./facts.js";

const entries = Object.entries(HELP_TEXTS_ZH);

/** The blocks printed after a command's help: those with an example command line. */
const blocks = entries.filter(([english]) => english.includes("$ innovation-index"));

/**
 * The command of an example line (`  $ innovation-index …`): the line without its `  # comment` or its trailing
 * `   (remark)`, which are translated.
 */
const commandOf = (line: string) => line.split("  # ")[0]!.replace(/\s{2,}\(.*\)$/, "").trimEnd();

describe("HELP_TEXTS_ZH", () => {
  it("has every text of commander's titles and of the help groups' headings", () => {
    const titles = ["Usage:", "Arguments:", "Options:", "Commands:", "Global Options:", "Other options:"];
    const headings = [
      "Input options:",
      "Method options:",
      "Data options (gaps, outliers, zero bases):",
      "Weights options:",
      "Audit options (thresholds and robustness):",
      "Output options:",
      "Run options:",
    ];
    expect([...titles, ...headings].filter((english) => HELP_TEXTS_ZH[english] === undefined)).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(181);
    expect(blocks.length).toBe(14);
  });

  it("has Chinese in every entry, naming every fact of its English text", () => {
    for (const [english, chinese] of entries) {
      expect(chinese, english).not.toBe(english);
      if (/[A-Za-z]/.test(english)) expect(chinese, english).toMatch(/[\u4e00-\u9fff]/);
      const missing = factsOf(english).filter((fact) => !chinese.includes(fact));
      expect(missing, `${english}\n${chinese}`).toEqual([]);
    }
  });

  it("puts a space between Chinese and a Latin letter or digit", () => {
    const unspaced = entries.filter(([, chinese]) => /[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/.test(chinese));
    expect(unspaced.map(([, chinese]) => chinese)).toEqual([]);
  });

  it("keeps every example's command as it is, in the same order, and translates only what follows it", () => {
    for (const [english, chinese] of blocks) {
      const englishLines = english.split("\n").filter((line) => line.startsWith("  $ "));
      const chineseLines = chinese.split("\n").filter((line) => line.startsWith("  $ "));
      expect(chineseLines.length, english).toBe(englishLines.length);
      englishLines.forEach((line, i) => {
        const command = commandOf(line);
        expect(chinese, line).toContain(command);
        expect(chineseLines[i]!.startsWith(command), line).toBe(true);
        // A comment keeps its column: only the text after `# ` is translated.
        const hash = line.indexOf("  # ");
        if (hash >= 0) expect(chineseLines[i]!.slice(0, hash + 4), line).toBe(line.slice(0, hash + 4));
      });
      expect(english.startsWith("\n"), english).toBe(true);
      expect(chinese.startsWith("\n"), chinese).toBe(true);
      expect(chinese).toContain("\n示例：\n");
      expect(chinese).not.toContain("Examples:");
    }
  });

  it("reads as written here for the most common texts", () => {
    const expected: Record<string, string> = {
      "Usage:": "用法：",
      "Options:": "选项：",
      "Commands:": "命令：",
      "Arguments:": "参数：",
      "Global Options:": "全局选项：",
      "Other options:": "其他选项：",
      "Input options:": "输入选项：",
      "Data options (gaps, outliers, zero bases):": "数据选项（缺失值、异常值、零基期值）：",
      "compute composite innovation indices from an indicator tree and yearly values": "根据指标体系和逐年数值计算综合创新指数",
      "compute the sub-indices and the overall index for every year, and write them to --out": "计算每年的各级分指数和总指数，写入 --out",
      "folder for the CSV files, index.json, index.xlsx and report.html; - writes no file and prints --format":
        "CSV 文件、index.json、index.xlsx 和 report.html 的输出文件夹；- 表示不写文件，按 --format 打印",
      "year every fixed-base index is 100 in (default: the earliest year in the data)": "基期年份，fixed-base 指数在该年为 100（默认：数据中最早的年份）",
      "indicator tree: CSV (UTF-8 or GBK), YAML or .xlsx (default: the shipped example)": "指标体系：CSV（UTF-8 或 GBK）、YAML 或 .xlsx（默认：随附示例）",
      "a run id (or its start), latest, previous, or the path of a run folder (default: latest)": "运行编号（或其开头部分）、latest、previous 或运行文件夹的路径（默认：latest）",
      "output the version number": "显示版本号",
      "treat warnings as errors": "将警告视为错误",
    };
    for (const [english, chinese] of Object.entries(expected)) expect(HELP_TEXTS_ZH[english], english).toBe(chinese);
    const verify = blocks.find(([english]) => english.includes("$ innovation-index verify "))!;
    expect(verify[1]).toBe(
      "\n示例：\n" +
        "  $ innovation-index verify                                  # 当前文件夹中项目的最近一次运行\n" +
        "  $ innovation-index verify previous                         # 在它之前发布的那次运行\n" +
        "  $ innovation-index verify 20260301T020000.123Z-1a2b3c4d --project /srv/my-index\n" +
        "  $ innovation-index verify runs/20260301T020000.123Z-1a2b3c4d",
    );
  });
});
