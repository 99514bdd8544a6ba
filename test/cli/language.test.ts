import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Argument, Command, CommanderError, Option } from "commander";
import { describe, expect, it } from "vitest";
import { startTranslating, terminalLanguageOf } from "../../src/cli/language.js";
import { loggingEnv } from "../../src/cli/log.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

describe("terminalLanguageOf", () => {
  const never = () => {
    throw new Error("the system locale is asked only without locale variables on Windows");
  };

  it("takes INNOVATION_INDEX_LANG over the locale", () => {
    expect(terminalLanguageOf({ INNOVATION_INDEX_LANG: "zh", LANG: "en_US.UTF-8" }, "linux", never)).toBe("zh");
    expect(terminalLanguageOf({ INNOVATION_INDEX_LANG: "en", LC_ALL: "zh_CN.UTF-8" }, "linux", never)).toBe("en");
    expect(terminalLanguageOf({ INNOVATION_INDEX_LANG: "zh-CN" }, "win32", never)).toBe("zh");
  });

  it("reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX programs do", () => {
    expect(terminalLanguageOf({ LC_ALL: "zh_CN.GBK", LANG: "en_US.UTF-8" }, "linux", never)).toBe("zh");
    expect(terminalLanguageOf({ LC_ALL: "C", LANG: "zh_CN.UTF-8" }, "linux", never)).toBe("en");
    expect(terminalLanguageOf({ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "linux", never)).toBe("zh");
    expect(terminalLanguageOf({ LANG: "zh_TW.UTF-8" }, "darwin", never)).toBe("zh");
    expect(terminalLanguageOf({ LANG: "C.UTF-8" }, "linux", never)).toBe("en");
  });

  it("is English on a system without locale variables, except for a Chinese Windows", () => {
    expect(terminalLanguageOf({}, "linux", never)).toBe("en");
    expect(terminalLanguageOf({ LANG: "" }, "linux", never)).toBe("en");
    expect(terminalLanguageOf({}, "win32", () => "zh-CN")).toBe("zh");
    expect(terminalLanguageOf({}, "win32", () => "en-US")).toBe("en");
  });
});

describe("the terminal in Chinese", () => {
  const TREE = "code,parent,name,weight,direction\nX,,维度X,0.6,\nX1,X,指标1,,+\nY,,维度Y,0.4,\nY1,Y,指标2,,+\n";
  const VALUES = "unit,year,indicator,value\n常州,2017,X1,10\n常州,2018,X1,12\n常州,2017,Y1,5\n常州,2018,Y1,6\n";

  it("prints an error in Chinese, with its file, and exits as in English", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": Uint8Array.from([0x61, 0xff, 0x81, 0x20, 0x62]) });
    const zh = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "zh" });
    const en = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "en" });
    expect(en.stderr).toBe(
      'error: 1 problem found:\nvalues.csv: the file is neither UTF-8 nor GBK/GB18030 text; expected a CSV saved as "CSV UTF-8" or as CSV from Chinese Excel (GBK), or an .xlsx workbook\n',
    );
    // The same problem, in the words of src/core/zh/encoding-messages.ts and cli/language.ts.
    expect(zh.stderr).toBe(
      '错误：发现 1 个问题：\nvalues.csv：文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿\n',
    );
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    expect(await listDir(dir)).toEqual(["tree.csv", "values.csv"]);
  });

  it("puts '：' after a problem's file named alone in Chinese, ': ' in English", async () => {
    // A header and no rows: E_NO_DATA, placed at values.csv with no line (core/panel.ts).
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": "unit,year,indicator,value\n" });
    const zh = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "zh" });
    const en = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "en" });
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("\nvalues.csv: the data has no values; expected rows of unit, year, indicator and value\n");
    expect(zh.stderr).toContain("\nvalues.csv：数据中没有数值；应有由评价对象、年份、指标和数值构成的行\n");
    expect(zh.stderr).not.toContain("values.csv: ");
  });

  it("puts '：' after a warning's file or folder named alone, ': ' after its line, and leaves the JSON log's fields as they are", async () => {
    const dir = await makeTempDir();
    let printed = "";
    const env = { cwd: dir, language: "zh" as const, stdout: () => undefined, stderr: (text: string) => (printed += text) };
    const text = { quiet: false, format: "text" as const, allProblems: false };
    // The messages as they are (a translation that changes nothing): only the place and its colon are at stake.
    const chinese = loggingEnv({ ...env, translate: (message) => message }, text);
    chinese.warn!({ code: "W_X", message: '指标 "x2"（评价对象 "乙乙"）', source: "fold" });
    chinese.warn!({ code: "W_X", message: "数值", source: "fold/b.csv", line: 2, column: 3 });
    const english = loggingEnv(env, text);
    english.warn!({ code: "W_X", message: "value", source: "fold" });
    loggingEnv({ ...env, translate: (message) => message }, { ...text, format: "json" }).warn!({ code: "W_X", message: "数值", source: "fold" });
    const lines = printed.split("\n");
    expect(lines.slice(0, 3)).toEqual(['警告：fold：指标 "x2"（评价对象 "乙乙"）', "警告：fold/b.csv:2:3: 数值", "warning: fold: value"]);
    const { time: _time, ...json } = JSON.parse(lines[3]) as Record<string, unknown>;
    expect(json).toEqual({ level: "warning", code: "W_X", message: "数值", source: "fold" });
  });

  it("says what it wrote in Chinese, and writes the same bytes as in English", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const zh = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "zh"], dir, { language: "zh" });
    const en = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "en"], dir, { language: "en" });
    expect(zh.code).toBe(0);
    const files = await listDir(join(dir, "en"));
    const written = "index.csv, index-wide.csv, scores.csv, growth.csv, contributions.csv, weights.csv, coverage.csv, imputations.csv, treatment.csv, index.json";
    expect(en.stderr).toBe(`wrote ${written} to en\n`);
    // The file names listed with the Chinese enumeration comma.
    expect(zh.stderr).toBe(`已将 ${written.split(", ").join("、")} 写入 zh\n`);
    // The table on stdout has its title and headings in Chinese (src/core/zh/table-words.ts), its rows as in English;
    // every file is the same, byte for byte (index.json's warnings and notes included).
    const rows = "INDEX  总指数  100.00  120.00 (+20.0%)\nX      维度X   100.00  120.00 (+20.0%)\nY      维度Y   100.00  120.00 (+20.0%)\n";
    expect(en.stdout).toBe(`常州: index, base year 2017 = 100 (growth on the previous year)\ncode   name      2017             2018\n${rows}`);
    expect(zh.stdout).toBe(`常州：指数，基期 2017 年 = 100（括号内为比上年增长）\n代码   名称      2017             2018\n${rows}`);
    expect(await listDir(join(dir, "zh"))).toEqual(files);
    for (const name of files) expect(await readFile(join(dir, "zh", name)), name).toEqual(await readFile(join(dir, "en", name)));
  });

  it("writes the same report.html from a Chinese and an English terminal, its warnings in the page's language", async () => {
    // Y's weight 0.5 beside X's 0.6: the run warns that the first-level weights sum to 1.1.
    const dir = await makeTempDir({ "tree.csv": TREE.replace("维度Y,0.4", "维度Y,0.5"), "values.csv": VALUES });
    const zh = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--out", "zh"], dir, { language: "zh" });
    const en = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--out", "en"], dir, { language: "en" });
    expect(zh.code).toBe(0);
    expect(en.stderr).toContain('warning: tree.csv:2: the weights of the first-level nodes sum to 1.1, not 1; they were divided by their sum');
    const page = await readFile(join(dir, "zh", "report.html"), "utf8");
    expect(await readFile(join(dir, "en", "report.html"), "utf8")).toBe(page);
    // The page is Chinese (--lang zh, the default), and so is its warning, in src/core/zh/messages.ts's words.
    expect(page).toContain("各一级节点的权重之和为 1.1，不等于 1；已将各权重除以其和");
    const english = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--report", "--static", "--lang", "en", "--out", "page-en"], dir, { language: "zh" });
    expect(english.code).toBe(0);
    expect(await readFile(join(dir, "page-en", "report.html"), "utf8")).toContain("the weights of the first-level nodes sum to 1.1, not 1; they were divided by their sum");
  });

  it("keeps --log-format json in English", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": Uint8Array.from([0x61, 0xff, 0x81, 0x20, 0x62]) });
    const zh = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir, { language: "zh" });
    const en = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir, { language: "en" });
    const withoutTimes = (text: string) => text.replace(/"time":"[^"]*"/g, '"time":""');
    expect(withoutTimes(zh.stderr)).toBe(withoutTimes(en.stderr));
    expect(zh.stderr).toContain("the file is neither UTF-8 nor GBK/GB18030 text");
  });

  it("help exit-codes says how the language is chosen", async () => {
    const run = await runCli(["help", "exit-codes"], await makeTempDir());
    expect(run.stdout).toContain("INNOVATION_INDEX_LANG=zh");
    expect(run.stdout).toContain("INNOVATION_INDEX_LANG=en");
  });

  it("prints commander's own usage errors in Chinese, and the tool's for a value off an option's choices", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const unknown = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--no-such-option"], dir, { language: "zh" });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("错误：未知选项 '--no-such-option'\n（用法见 --help）\n");
    const command = await runCli(["computee"], dir, { language: "zh" });
    expect(command.stderr).toBe("错误：未知命令 'computee'\n（是否应为 compute？）\n（用法见 --help）\n");
    const missing = await runCli(["compute", "--out"], dir, { language: "zh" });
    expect(missing.stderr).toBe("错误：选项 '-o, --out <dir>' 缺少值\n（用法见 --help）\n");
    // A value off an option's choices is the tool's usage error: messages.unknownOptionChoice, in the words of src/core/zh/messages.ts.
    const choice = await runCli(["compute", "--normalise", "minmax"], dir, { language: "zh" });
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/^错误：选项 --normalise 没有 "minmax" 这一取值；应为以下之一：fixed-base、chain、min-max、.*、distance-to-average；是否应为 "min-max"？\n（用法见 --help）\n$/);
    const near = await runCli(["compute", "--aggregation", "geometric"], dir, { language: "zh" });
    expect(near.stderr).toBe("错误：未知选项 '--aggregation'\n（是否应为 --aggregate？）\n（用法见 --help）\n");
  });

  it("prints commander's errors for too many arguments and a bad command argument in Chinese", async () => {
    const dir = await makeTempDir();
    const usage = async (argv: string[]) => {
      const run = await runCli(argv, dir, { language: "zh" });
      expect(run.code).toBe(2);
      return run.stderr;
    };
    // diff takes 2 arguments (a, b), compute none, verify, init and help one each.
    expect(await usage(["diff", "a", "b", "c"])).toBe("错误：命令 'diff' 的参数过多：应为 2 个，实际为 3 个\n（用法见 --help）\n");
    expect(await usage(["compute", "foo"])).toBe("错误：命令 'compute' 的参数过多：应为 0 个，实际为 1 个\n（用法见 --help）\n");
    expect(await usage(["verify", "a", "b"])).toBe("错误：命令 'verify' 的参数过多：应为 1 个，实际为 2 个\n（用法见 --help）\n");
    expect(await usage(["init", "a", "b"])).toBe("错误：命令 'init' 的参数过多：应为 1 个，实际为 2 个\n（用法见 --help）\n");
    expect(await usage(["help", "compute", "foo"])).toBe("错误：命令 'help' 的参数过多：应为 1 个，实际为 2 个\n（用法见 --help）\n");
    // A command argument off its choices is the tool's usage error: messages.unknownArgumentChoice, in the words of src/core/zh/messages.ts.
    expect(await usage(["completion", "foo"])).toBe('错误：命令 completion 的参数 shell 没有 "foo" 这一取值；应为以下之一：bash、zsh、fish、powershell\n（用法见 --help）\n');
  });

  it("has Chinese words for every usage error commander writes itself", async () => {
    const { translate, stop } = await startTranslating("zh");
    // The Chinese text of the error commander writes for `argv` to a program that `build` defines.
    const chinese = (build: (program: Command) => void, argv: string[], variables: Record<string, string> = {}) => {
      let printed = "";
      const env = loggingEnv({ cwd: ".", language: "zh", translate, stdout: () => undefined, stderr: (text) => (printed += text) }, { quiet: false, format: "text", allProblems: false });
      const program = new Command("tool").exitOverride().configureOutput({ writeOut: () => undefined, writeErr: env.stderr });
      build(program);
      const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
      Object.assign(process.env, variables);
      try {
        expect(() => program.parse(argv, { from: "user" })).toThrow(CommanderError);
      } finally {
        for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      return printed;
    };
    try {
      expect(chinese((program) => program.option("--alpha"), ["--alpah"])).toBe("错误：未知选项 '--alpah'\n（是否应为 --alpha？）\n");
      expect(chinese((program) => program.option("--alpha"), ["--zzz"])).toBe("错误：未知选项 '--zzz'\n");
      expect(chinese((program) => (program.command("alpha"), program.command("alphb")), ["alphc"])).toBe("错误：未知命令 'alphc'\n（是否应为以下之一：alpha, alphb？）\n");
      expect(chinese((program) => program.argument("<file>"), [])).toBe("错误：缺少必需的参数 'file'\n");
      expect(chinese((program) => program.option("--out <dir>"), ["--out"])).toBe("错误：选项 '--out <dir>' 缺少值\n");
      expect(chinese((program) => program.requiredOption("--in <file>"), [])).toBe("错误：未指定必需的选项 '--in <file>'\n");
      const choice = () => new Option("--mode <mode>").choices(["a", "b"]);
      expect(chinese((program) => program.addOption(choice()), ["--mode", "c"])).toBe("错误：选项 '--mode <mode>' 的值 'c' 无效：可选值为：a, b\n");
      expect(chinese((program) => program.addOption(choice().env("TOOL_MODE")), [], { TOOL_MODE: "c" })).toBe("错误：环境变量 'TOOL_MODE' 给选项 '--mode <mode>' 的值 'c' 无效：可选值为：a, b\n");
      expect(chinese((program) => program.addArgument(new Argument("<shell>").choices(["bash"])), ["zsh"])).toBe("错误：参数 'shell' 的值 'zsh' 无效：可选值为：bash\n");
      const conflict = (program: Command) => program.addOption(new Option("--a")).addOption(new Option("--b").conflicts("a").env("TOOL_B"));
      expect(chinese(conflict, ["--a", "--b"])).toBe("错误：选项 '--b' 不能与选项 '--a' 同时使用\n");
      expect(chinese(conflict, ["--a"], { TOOL_B: "1" })).toBe("错误：环境变量 'TOOL_B' 不能与选项 '--a' 同时使用\n");
      expect(chinese((program) => program.allowExcessArguments(false), ["x", "y"])).toBe("错误：参数过多：应为 0 个，实际为 2 个\n");
      expect(chinese((program) => program.command("sub").argument("<a>").allowExcessArguments(false), ["sub", "x", "y"])).toBe("错误：命令 'sub' 的参数过多：应为 1 个，实际为 2 个\n");
    } finally {
      stop();
    }
  });

  it("prints the readers' errors in Chinese: a file that is not there, YAML with a bare minus, an AHP matrix", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "tree.yaml": "- code: X\n  direction: -\n",
      "ahp.yaml": "INDEX:\n  order: [X, Y]\n  matrix: [[1, 3], [2, 1]]\n",
      "values.csv": VALUES,
    });
    const missing = await runCli(["compute", "-i", "tree.csv", "-d", "nowhere.csv"], dir, { language: "zh" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("错误：nowhere.csv：文件不存在；应为可读取的文件\n");
    // The parser's UNEXPECTED_TOKEN "Unexpected block-seq-ind on same line with key" in the tool's words
    // (yamlMessages.listOnKeyLine), after the place with its line as every problem's (file:line: ). Column 14: the "-"
    // after "  direction: " (13 characters).
    const yaml = await runCli(["validate", "-i", "tree.yaml", "-d", "values.csv"], dir, { language: "zh" });
    expect(yaml.stderr).toBe(
      '错误：发现 1 个问题：\ntree.yaml:2:14: 不是有效的 YAML 文件："- " 项写在了其键所在的行（如 "a: - b"）；列表各项应写在键下面的行中并缩进，如果值以 - 开头，应给值加引号；第 2 行的值是单独的 "-"，YAML 会把它读作列表的开始：应加引号，写作 direction: "-"\n',
    );
    const ahp = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--weights", "ahp", "--ahp", "ahp.yaml"], dir, { language: "zh" });
    expect(ahp.stderr).toContain('ahp.yaml:3: 指标组 "INDEX"：矩阵中 "X" 对 "Y" 为 3，反过来却为 2；应互为倒数（2 应为 1/3）');
    expect(await listDir(dir)).toEqual(["ahp.yaml", "tree.csv", "tree.yaml", "values.csv"]);
  });

  it("prints a file that is not CSV with its line as every message does, asking for comma-separated values", async () => {
    // A JSON tree is read as CSV: its "{" opens an unquoted field with a quote on line 1.
    const dir = await makeTempDir({ "tree.json": '{"a": [1, 2]}\n', "values.csv": VALUES });
    const run = await runCli(["validate", "-i", "tree.json", "-d", "values.csv"], dir, { language: "zh" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('错误：发现 1 个问题：\ntree.json:1: 不是有效的 CSV 文件（a quote is found on field 0 at line 1, value is "{"）；应为逗号分隔值（CSV）文件\n');
  });

  it("prints validate's line and the tables of compare and audit with Chinese words, their rows as in English", async () => {
    const values = `${VALUES}无锡,2017,X1,8\n无锡,2018,X1,9\n无锡,2017,Y1,7\n无锡,2018,Y1,6\n`;
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
    const both = async (argv: string[]) => {
      const [zh, en] = [await runCli(argv, dir, { language: "zh" }), await runCli(argv, dir, { language: "en" })];
      expect(zh.code).toBe(0);
      return { zh: zh.stdout.split("\n"), en: en.stdout.split("\n") };
    };
    const validate = await both(["validate", "-i", "tree.csv", "-d", "values.csv"]);
    expect(validate.en[0]).toBe("ok: tree.csv (2 indicators in 2 groups), values.csv (2 units, years 2017, 2018)");
    expect(validate.zh[0]).toBe("检查通过：tree.csv（2 个指标，2 个指标组），values.csv（2 个评价对象，年份 2017、2018）");

    const compare = await both(["compare", "-i", "tree.csv", "-d", "values.csv", "--with", "--aggregate geometric"]);
    expect(compare.en[0]).toBe("unit  year   index a  rank a   index b  rank b  shift");
    expect(compare.zh[0]).toBe("评价对象  年份    指数 a  排名 a    指数 b  排名 b  名次变化");
    // The rows are the same numbers, laid out under wider or narrower headings.
    const cells = (line: string) => line.trim().split(/\s+/);
    expect(compare.zh.slice(1, 5).map(cells)).toEqual(compare.en.slice(1, 5).map(cells));
    // 2018: both configurations rank 常州 first (120 against 101.79 and 100.91), so Spearman is 1 and no rank moves.
    expect(compare.en).toContain("2018: Spearman 1.0000 over 2 units, mean |shift| 0.00");
    expect(compare.zh).toContain("2018 年：2 个评价对象的 Spearman 秩相关系数 1.0000，平均名次变化绝对值 0.00");

    const audit = await both(["audit", "-i", "tree.csv", "-d", "values.csv", "--out", "audit"]);
    expect(audit.en[0]).toBe('audit of 2 indicators, 2 units, 2017-2018 (period "all": 4 unit-years pooled)');
    expect(audit.zh[0]).toBe('统计审核：2 个指标，2 个评价对象，2017-2018 年（全部年份合并：4 个评价对象-年份，即各 CSV 文件 period 列中的 "all"）');
    // The engine's note on a group of one child is a catalogue message (auditMessages.oneChild), in Chinese in the table.
    expect(audit.en.find((line) => line.startsWith("X "))).toMatch(/group "X" has one child$/);
    expect(audit.zh.find((line) => line.startsWith("X "))).toMatch(/指标组 "X" 只有一个下级节点$/);
  });

  it("prints a text no catalogue made as it is, behind the Chinese prefix", async () => {
    const dir = await makeTempDir();
    const env = { language: "zh" as const, stdout: () => undefined, stderr: (text: string) => (printed += text) };
    let printed = "";
    // A note of the engine's (not a catalogue message) goes out as it is; a warning's prefix is Chinese.
    loggingEnv({ ...env, cwd: dir, translate: (text) => text }, { quiet: false, format: "text", allProblems: false }).stderr("note: group \"B\" has one child\n");
    loggingEnv({ ...env, cwd: dir, translate: (text) => text }, { quiet: false, format: "text", allProblems: false }).stderr("warning: something new\n");
    expect(printed).toBe('note: group "B" has one child\n警告：something new\n');
  });
});

describe("the installed command in Chinese", () => {
  const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));

  it("takes its language from INNOVATION_INDEX_LANG or LANG, and loads the Chinese messages from their own file of the bundle", async () => {
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nX,,维度X,1,\nX1,X,指标1,,+\n", "values.csv": Uint8Array.from([0x61, 0xff, 0x81, 0x20, 0x62]) });
    const run = (variables: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, "validate", "-i", "tree.csv", "-d", "values.csv"], { cwd: dir, encoding: "utf8", env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", ...variables } });
    const chinese = '错误：发现 1 个问题：\nvalues.csv：文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本；应为另存为 "CSV UTF-8" 的 CSV 文件、中文版 Excel 保存的 CSV 文件（GBK）或 .xlsx 工作簿\n';
    expect(run({ INNOVATION_INDEX_LANG: "zh" }).stderr).toBe(chinese);
    expect(run({ INNOVATION_INDEX_LANG: "", LANG: "zh_CN.UTF-8" }).stderr).toBe(chinese);
    const english = run({ INNOVATION_INDEX_LANG: "en", LANG: "zh_CN.UTF-8" });
    expect(english.stderr).toMatch(/^error: 1 problem found:\nvalues\.csv: the file is neither UTF-8 nor GBK/);
    expect(english.status).toBe(1);
  });
});
