import { describe, expect, it } from "vitest";
import { commandMessages } from "../../src/core/command-messages.js";
import { yearOption } from "../../src/cli/options.js";
import { runCli } from "../helpers.js";

describe("yearOption (--base-year)", () => {
  it("takes a year as the values write it (2017, 2017年, 2017年度, full-width digits), and refuses anything else", () => {
    const parse = yearOption("--base-year");
    expect(["2017", "2017年", " 2017 年度", "２０１７"].map(parse)).toEqual([2017, 2017, 2017, 2017]);
    for (const text of ["17", "0217", "2017.5", "year 2017", "10000"]) expect(() => parse(text), text).toThrow(commandMessages.wholeNumberOption("--base-year", 1000, 9999, text));
  });

  it("compute --base-year 2018年 computes as --base-year 2018 (the shipped example)", async () => {
    const [written, plain] = await Promise.all([
      runCli(["compute", "--base-year", "2018年", "--out", "-", "-q"], process.cwd()),
      runCli(["compute", "--base-year", "2018", "--out", "-", "-q"], process.cwd()),
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(plain.stdout);
    expect(written.stdout).toContain("2018,INDEX");
  });
});
