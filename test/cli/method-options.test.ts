/** The screening options on the command line (src/cli/method-options.ts): --screen-by without --screen is warned of. */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandMessages } from "../../src/core/command-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("--screen-by", () => {
  const warning = (scope: string) => `warning: ${commandMessages.screenByWithoutScreen(scope)}`;

  it("compute warns of --screen-by without --screen (W_OPTION_UNUSED), refuses it under --strict, and not with --screen", async () => {
    // The shipped example: one unit, every value observed, so --screen 0.5 screens nothing and the run succeeds.
    const alone = await runCli(["compute", "--screen-by", "unit-year", "-o", "c1"], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain(warning("unit-year"));
    const strict = await runCli(["compute", "--screen-by", "unit", "--strict", "-o", "c2"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\n${commandMessages.screenByWithoutScreen("unit")}\n`);
    const withScreen = await runCli(["compute", "--screen", "0.5", "--screen-by", "unit-year", "-o", "c3"], dir);
    expect(withScreen.code).toBe(0);
    expect(withScreen.stderr).not.toContain("--screen-by");
    // Not given at all: no warning (its default, unit, is the method's, not a choice made).
    expect((await runCli(["compute", "-o", "c4"], dir)).stderr).not.toContain("--screen-by");
  });

  it.each([
    ["validate", []],
    ["audit", ["-o", "a1"]],
  ])("%s warns of --screen-by without --screen as compute does, refuses it under --strict, and not with --screen", async (command, out) => {
    const alone = await runCli([command, "--screen-by", "unit-year", ...out], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning("unit-year")]);
    const strict = await runCli([command, "--screen-by", "unit", "--strict", ...out], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\n${commandMessages.screenByWithoutScreen("unit")}\n`);
    // The shipped example: one unit, every value observed, so --screen 0.5 screens nothing and the run succeeds.
    const withScreen = await runCli([command, "--screen", "0.5", "--screen-by", "unit-year", ...out], dir);
    expect(withScreen.code).toBe(0);
    expect(withScreen.stderr).not.toContain("--screen-by");
  });

  it("compare warns of --screen-by without --screen once when both configurations have it, and of b's alone", async () => {
    const both = await runCli(["compare", "--with", "--aggregate geometric", "--screen-by", "unit-year"], dir);
    expect(both.code).toBe(0);
    expect(both.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning("unit-year")]);
    const onlyB = await runCli(["compare", "--with", "--aggregate geometric --screen-by unit"], dir);
    expect(onlyB.code).toBe(0);
    expect(onlyB.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning("unit")]);
    // b screens (--screen 0.5 screens nothing here): a's --screen-by alone is told.
    const onlyA = await runCli(["compare", "--with", "--screen 0.5", "--screen-by", "unit"], dir);
    expect(onlyA.code).toBe(0);
    expect(onlyA.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning("unit")]);
  });

  it("weights warns of --screen-by without --screen as compute does (before: nothing), refuses it under --strict, and not with --screen", async () => {
    // The shipped example: weights prints the weights on stdout either way; the warning is the only one.
    const alone = await runCli(["weights", "--screen-by", "unit-year"], dir);
    expect(alone.code).toBe(0);
    expect(alone.stdout).not.toBe("");
    expect(alone.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning("unit-year")]);
    const strict = await runCli(["weights", "--screen-by", "unit", "--strict"], dir);
    expect(strict).toEqual({ code: 1, stdout: "", stderr: `error: 1 problem found:\n${commandMessages.screenByWithoutScreen("unit")}\n` });
    // --optimise computes the index, which --screen screens (0.5 screens nothing here: one unit, every value observed).
    const withScreen = await runCli(["weights", "--optimise", "--screen", "0.5", "--screen-by", "unit-year"], dir);
    expect(withScreen.code).toBe(0);
    expect(withScreen.stderr).not.toContain("--screen-by");
  });

  it("uncertainty warns of --screen-by without --screen, and refuses it under --strict before the analysis", async () => {
    const alone = await runCli(["uncertainty", "--weight-noise", "0.1", "-n", "4", "--screen-by", "unit", "-o", "u1"], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain(warning("unit"));
    const strict = await runCli(["uncertainty", "--weight-noise", "0.1", "-n", "4", "--screen-by", "unit", "--strict", "-o", "u2"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\n${commandMessages.screenByWithoutScreen("unit")}\n`);
  });
});
