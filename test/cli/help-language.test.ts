/**
 * `--help` on a Chinese terminal (src/cli/help.ts `translateHelp`, src/core/zh/help-texts.ts): every text the commands
 * declare has its Chinese, the columns and line breaks follow the terminal width of Chinese text, and the examples keep
 * their commands.
 */
import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { helpTopicTexts } from "../../src/cli/help-topics.js";
import { createProgram } from "../../src/cli/main.js";
import { displayWidth } from "../../src/cli/render.js";
import { helpZh } from "../../src/core/zh/help-words.js";
import { makeTempDir, runCli } from "../helpers.js";

/** Every text of the English help: descriptions of commands, options and arguments, and the blocks after a command's help. */
function englishHelpTexts(): string[] {
  const program = createProgram({ cwd: ".", stdout: () => undefined, stderr: () => undefined });
  const texts: string[] = [];
  const visit = (command: Command) => {
    texts.push(command.description());
    for (const option of command.options) texts.push(option.description);
    for (const argument of command.registeredArguments) texts.push(argument.description);
    const written: string[] = [];
    command.configureOutput({ writeOut: (text) => written.push(text) });
    command.outputHelp();
    // The first write is the help itself; the others are the blocks added after it, each with its line end.
    for (const block of written.slice(1)) texts.push(block.replace(/\n$/, ""));
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
  return [...new Set(texts.filter((text) => text !== ""))];
}

describe("--help in Chinese", () => {
  it("has a Chinese text for every text of the English help", () => {
    const missing = englishHelpTexts().filter((text) => helpZh.texts[text] === undefined);
    expect(missing).toEqual([]);
  });

  it("has a Chinese text for every text of the topic pages, and prints them in Chinese with their method names", async () => {
    expect(helpTopicTexts().filter((text) => helpZh.texts[text] === undefined)).toEqual([]);
    const dir = await makeTempDir();
    const methods = await runCli(["help", "methods"], dir, { language: "zh" });
    expect(methods.stdout.split("\n")[0]).toBe("标准化方法（--normalise，指标体系的 normalise 列）：");
    expect(methods.stdout).toMatch(/^ {2}fixed-base {2,}100·x\[t\]\/x\[base\]，各评价对象分别计算（国家统计局做法，默认）；基期为 100$/m);
    // The options folded under --normalise, in Chinese with their flags.
    expect(methods.stdout).toContain("选项（--normalise 及以下选项，适用于所有接受它们的命令）：");
    expect(methods.stdout).toMatch(/^ {2}--cap <n> +比值类方法：/m);
    const weights = await runCli(["help", "weights"], dir, { language: "zh" });
    expect(weights.stdout.trimEnd().split("\n").at(-1)).toBe("weights 命令：innovation-index weights --help");
    const codes = await runCli(["help", "exit-codes"], dir, { language: "zh" });
    expect(codes.stdout).toContain("  3  无法写出输出（或另一次运行持有锁）\n");
    // In English, the pages are as they were.
    expect((await runCli(["help", "exit-codes"], dir, { language: "en" })).stdout).toContain("  3  an output could not be written (or another run holds the lock)\n");
  });

  it("prints compute --help in Chinese, within 80 columns of the terminal and in at most 100 lines", async () => {
    const dir = await makeTempDir();
    for (const command of ["compute", "weights", "audit", "uncertainty"]) {
      const run = await runCli([command, "--help"], dir, { language: "zh" });
      expect(run.code).toBe(0);
      const lines = run.stdout.split("\n");
      expect(lines[0]).toMatch(new RegExp(`^用法：innovation-index ${command} `));
      expect(lines.length, command).toBeLessThanOrEqual(100);
      // The help itself is laid out by commander at 80 columns; the blocks after it (examples) are written as they are.
      const written: string[] = [];
      const program = createProgram({ cwd: dir, stdout: (text) => written.push(text), stderr: () => undefined, help: helpZh });
      program.commands.find((candidate) => candidate.name() === command)!.outputHelp();
      expect(written.join("")).toBe(run.stdout);
      expect(written[0].split("\n").filter((line) => displayWidth(line) > 80), command).toEqual([]);
    }
    const compute = await runCli(["compute", "--help"], dir, { language: "zh" });
    expect(compute.stdout).toContain("输入选项：");
    expect(compute.stdout).toContain("  -o, --out <dir>");
    // A choice and default the layout adds, in Chinese words around the values.
    expect(compute.stdout).toMatch(/--lang <language>[^\n]*\n?[^\n]*（zh, en；默认：zh）/);
    // The examples keep their commands.
    expect(compute.stdout).toContain("$ innovation-index compute --out - --table growth > growth.csv");
  });

  it("prints the same completion scripts on a Chinese terminal as on an English one (a shell reads them as files)", async () => {
    const dir = await makeTempDir();
    for (const shell of ["bash", "zsh", "fish", "powershell"]) {
      const [zh, en] = [await runCli(["completion", shell], dir, { language: "zh" }), await runCli(["completion", shell], dir, { language: "en" })];
      expect(zh.stdout, shell).toBe(en.stdout);
    }
    // bash completes names only; the others carry the descriptions, in English.
    expect((await runCli(["completion", "fish"], dir, { language: "zh" })).stdout).toContain("compute the sub-indices and the overall index for every year");
    // Its help is Chinese. (The English script holds Chinese of its own: template --lang's column names.)
    expect((await runCli(["completion", "--help"], dir, { language: "zh" })).stdout).toMatch(/^用法：innovation-index completion /);
  });

  it("prints the same options in English as before, and the English help has no Chinese", async () => {
    const dir = await makeTempDir();
    const zh = await runCli(["compute", "--help"], dir, { language: "zh" });
    const en = await runCli(["compute", "--help"], dir, { language: "en" });
    expect(en.stdout).toMatch(/^Usage: innovation-index compute /);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const flags = (text: string) => [...text.matchAll(/^ {2}(-[\w-]+(?:, --[\w-]+)?|--[\w[\]-]+)/gm)].map((match) => match[1]);
    expect(flags(zh.stdout)).toEqual(flags(en.stdout));
  });
});
