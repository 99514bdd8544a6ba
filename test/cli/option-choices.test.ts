/**
 * A value typed for an option off its list of choices (`--normalise minmax`, `--format pdf`, an item of uncertainty's
 * `--aggregations` list) is the tool's usage error (E_USAGE, exit 2) in its own words, English or Chinese: the option,
 * the value found, the values allowed, the closest when it is close; not commander's "option '--normalise <method>'
 * argument 'minmax' is invalid. Allowed choices are ...".
 */
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { optionChoiceError } from "../../src/cli/choices.js";
import { createProgram } from "../../src/cli/main.js";
import { NORMALIZE_METHODS } from "../../src/core/normalize.js";
import { AGGREGATE_METHODS } from "../../src/core/aggregate.js";
import { shownChoices } from "../../src/core/quote.js";
import { makeTempDir, runCli } from "../helpers.js";

const USAGE_HINT = "(run with --help for usage)\n";

describe("a value off an option's list of choices", () => {
  it("is a usage error naming the option, the value, the choices and the closest choice", () => {
    const error = optionChoiceError("--normalise", "minmax", ["min-max", "z-score"]);
    expect(error.code).toBe("E_USAGE");
    // "minmax" is "min-max" without its hyphen, which the comparison leaves out.
    expect(error.message).toBe('unknown value "minmax" of --normalise; expected one of: min-max, z-score; did you mean "min-max"?');
    // "pdf" is 3 edits from "csv", more than the 1 a 3-letter word may be off: no suggestion.
    expect(optionChoiceError("--format", "pdf", ["table", "csv"]).message).toBe('unknown value "pdf" of --format; expected one of: table, csv');
  });

  it("compute --normalise minmax: exit 2, the tool's words and the closest method, in English and in Chinese", async () => {
    const dir = await makeTempDir();
    const english = await runCli(["compute", "--normalise", "minmax"], dir);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(`error: unknown value "minmax" of --normalise; expected one of: ${NORMALIZE_METHODS.join(", ")}; did you mean "min-max"?\n${USAGE_HINT}`);
    const chinese = await runCli(["compute", "--normalise=minmax"], dir, { language: "zh" });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe(`错误：选项 --normalise 没有 "minmax" 这一取值；应为以下之一：${NORMALIZE_METHODS.join("、")}；是否应为 "min-max"？\n（用法见 --help）\n`);
  });

  it("names a short flag's option by its long name, and suggests nothing far from every choice", async () => {
    const dir = await makeTempDir();
    // weights -m is --method; "entrpy" is "entropy" less one letter.
    const method = await runCli(["weights", "-m", "entrpy"], dir);
    expect(method.code).toBe(2);
    expect(method.stderr).toBe('error: unknown value "entrpy" of --method; expected one of: explicit, equal, ahp, entropy, critic, cv, pca, combined; did you mean "entropy"?\n' + USAGE_HINT);
    const format = await runCli(["compute", "--format", "pdf"], dir);
    expect(format.stderr).toBe(`error: unknown value "pdf" of --format; expected one of: table, csv, json, xlsx\n${USAGE_HINT}`);
    const language = await runCli(["report", "--lang", "fr"], dir, { language: "zh" });
    expect(language.stderr).toBe("错误：选项 --lang 没有 \"fr\" 这一取值；应为以下之一：zh、en\n（用法见 --help）\n");
  });

  it("names the item of a comma-separated list that is off it, and the list", async () => {
    const dir = await makeTempDir();
    // "geometrik" is "geometric" with one letter changed.
    const english = await runCli(["uncertainty", "--aggregations", "arithmetic,geometrik"], dir);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(
      `error: unknown value "geometrik" of --aggregations (in the list "arithmetic,geometrik"); expected each of: ${AGGREGATE_METHODS.join(", ")}; did you mean "geometric"?\n${USAGE_HINT}`,
    );
    const chinese = await runCli(["uncertainty", "--aggregations", "arithmetic,geometrik"], dir, { language: "zh" });
    expect(chinese.stderr).toBe(
      `错误：选项 --aggregations 没有 "geometrik" 这一取值（在列表 "arithmetic,geometrik" 中）；每一项都应为以下之一：${AGGREGATE_METHODS.join("、")}；是否应为 "geometric"？\n（用法见 --help）\n`,
    );
    // A list whose items are all choices, but one twice, is still the parser's to refuse (commander's words).
    const twice = await runCli(["uncertainty", "--aggregations", "arithmetic,arithmetic"], dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--aggregations lists "arithmetic" twice');
  });

  it("lists words as they are and quotes every choice where one is not a word (shownChoices)", () => {
    expect(shownChoices(["min-max", "utf-8", "topsis_year", "中文", "2"])).toEqual(["min-max", "utf-8", "topsis_year", "中文", "2"]);
    // One choice of punctuation (or a hyphen at an end) quotes them all.
    expect(shownChoices([".", ","])).toEqual(['"."', '","']);
    expect(shownChoices(["auto", "-"])).toEqual(['"auto"', '"-"']);
  });

  it("quotes each choice where one is not a word: --decimal ;", async () => {
    const dir = await makeTempDir();
    const english = await runCli(["compute", "--decimal", ";"], dir);
    expect(english.code).toBe(2);
    // The choices . and , quoted, so that they stand out from the list's comma; ";" is one edit from ".".
    expect(english.stderr).toBe(`error: unknown value ";" of --decimal; expected one of: ".", ","; did you mean "."?\n${USAGE_HINT}`);
    const chinese = await runCli(["compute", "--decimal", ";"], dir, { language: "zh" });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe('错误：选项 --decimal 没有 ";" 这一取值；应为以下之一："."、","；是否应为 "."？\n（用法见 --help）\n');
  });

  it("--encoding off its list: the tool's words and the closest encoding, in English and in Chinese", async () => {
    const dir = await makeTempDir();
    const latin = await runCli(["compute", "--encoding", "latin1"], dir);
    expect(latin.code).toBe(2);
    // "latin1" is far from every encoding: no suggestion.
    expect(latin.stderr).toBe(`error: unknown value "latin1" of --encoding; expected one of: auto, utf-8, gb18030, gbk, utf8, gb2312, cp936\n${USAGE_HINT}`);
    // "gb18031" is "gb18030" with one digit changed.
    const near = await runCli(["validate", "--encoding", "gb18031"], dir, { language: "zh" });
    expect(near.code).toBe(2);
    expect(near.stderr).toBe('错误：选项 --encoding 没有 "gb18031" 这一取值；应为以下之一：auto、utf-8、gb18030、gbk、utf8、gb2312、cp936；是否应为 "gb18030"？\n（用法见 --help）\n');
    // The other names it reads are no error: utf8 is utf-8 (the shipped example is read, exit 0).
    const alias = await runCli(["validate", "--encoding", "UTF8"], dir);
    expect(alias.code).toBe(0);
  });

  it("--aggregate LEVEL=METHOD with a method off the list: the method, the value and the closest method, exit 2", async () => {
    const dir = await makeTempDir();
    const methods = AGGREGATE_METHODS.join(", ");
    const english = await runCli(["compute", "--aggregate", "0=geometrik"], dir);
    expect(english.code).toBe(2);
    // "geometrik" (after "0=") is "geometric" with one letter changed.
    expect(english.stderr).toBe(
      `error: unknown method "geometrik" of --aggregate (in "0=geometrik"); expected METHOD or LEVEL=METHOD, comma-separated (e.g. "arithmetic,0=geometric"), METHOD one of: ${methods}; did you mean "geometric"?\n${USAGE_HINT}`,
    );
    const chinese = await runCli(["compute", "--aggregate", "0=geometrik"], dir, { language: "zh" });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe(
      `错误：选项 --aggregate 没有 "geometrik" 这一方法（在 "0=geometrik" 中）；应为 METHOD 或 LEVEL=METHOD，以逗号分隔（例如 "arithmetic,0=geometric"），METHOD 为以下之一：${AGGREGATE_METHODS.join("、")}；是否应为 "geometric"？\n（用法见 --help）\n`,
    );
    // The first method off the list of several items, past a power:P (the method power); a bare method, without "(in ...)".
    const later = await runCli(["compute", "--aggregate", "arithmetic,1=power:2,2=harmonik"], dir);
    expect(later.stderr).toMatch(/^error: unknown method "harmonik" of --aggregate \(in "arithmetic,1=power:2,2=harmonik"\); .*; did you mean "harmonic"\?\n/);
    const bare = await runCli(["compute", "--aggregate", "mean"], dir);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^error: unknown method "mean" of --aggregate; expected METHOD/);
  });

  it("logs the error with its code in a JSON log", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["--log-format", "json", "compute", "--missing", "interpolat"], dir);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ time: _time, ...rest }) => rest)).toEqual([
      {
        level: "error",
        code: "E_USAGE",
        message: 'unknown value "interpolat" of --missing; expected one of: error, carry-forward, interpolate, carry-back, reweight, mean, median; did you mean "interpolate"?',
      },
      { level: "error", message: "exit code 2", exitCode: 2 },
    ]);
  });

  it("is worded so for every option with choices of every command", async () => {
    const dir = await makeTempDir();
    // Every option with a list of choices, with the words that reach it: [] for the program's own, else the command's name.
    const withChoices: { path: string[]; flag: string; choices: readonly string[] }[] = [];
    const collect = (command: Command, path: string[]) => {
      for (const option of command.options) if (option.argChoices && option.long) withChoices.push({ path, flag: option.long, choices: option.argChoices });
      for (const sub of command.commands) collect(sub, [...path, sub.name()]);
    };
    collect(createProgram({ cwd: dir, stdout: () => undefined, stderr: () => undefined }), []);
    // --log-format, --normalise, --aggregate's neighbours, --format, --lang, --weights, --missing, ... at least these.
    expect(withChoices.map(({ flag }) => flag)).toEqual(expect.arrayContaining(["--log-format", "--normalise", "--format", "--lang", "--missing", "--method"]));
    for (const { path, flag, choices } of withChoices) {
      const run = await runCli([...path, flag, "zzz-none"], dir);
      expect(run.code, `${path.join(" ")} ${flag}`).toBe(2);
      // Each choice quoted where one is not a word (--decimal's "." and ","; the case below).
      const listed = choices.every((choice) => /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u.test(choice)) ? choices.join(", ") : choices.map((choice) => JSON.stringify(choice)).join(", ");
      expect(run.stderr, `${path.join(" ")} ${flag}`).toBe(`error: unknown value "zzz-none" of ${flag}; expected one of: ${listed}\n${USAGE_HINT}`);
    }
  });
});
