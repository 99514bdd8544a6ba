/**
 * `completion SHELL`: the scripts come from the commander definitions; the bash one is run in a real bash, the way
 * bash calls a completion function (COMP_WORDS, COMP_CWORD), and must offer the commands, compute's options and the
 * choices of an option.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempDir, runCli } from "../helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the bash completion offers for the words typed so far (the last one being completed). */
async function bashComplete(words: string[]): Promise<string[]> {
  const script = (await runCli(["completion", "bash"], dir)).stdout;
  await writeFile(join(dir, "completion.bash"), script);
  const array = words.map((word) => `'${word}'`).join(" ");
  const out = execFileSync("bash", ["-c", `source completion.bash; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _innovation_index; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    cwd: dir,
    encoding: "utf8",
  });
  return out.split("\n").filter(Boolean);
}

describe("innovation-index completion", () => {
  it("bash: the first word completes to every command", async () => {
    const offered = await bashComplete(["innovation-index", ""]);
    for (const command of ["compute", "report", "validate", "template", "weights", "uncertainty", "diff", "init", "help", "completion"])
      expect(offered).toContain(command);
  });

  it("bash: compute's options complete after compute, and only those starting with what is typed", async () => {
    expect(await bashComplete(["innovation-index", "compute", "--nor"])).toEqual(["--normalise", "--normalize"]);
    const all = await bashComplete(["innovation-index", "compute", "--"]);
    for (const flag of ["--indicators", "--data", "--base-year", "--weights", "--missing", "--out", "--if-changed", "--help"]) expect(all).toContain(flag);
    expect(all).not.toContain("--replications"); // an option of uncertainty, not compute
  });

  it("bash: an option's choices complete after it", async () => {
    expect(await bashComplete(["innovation-index", "compute", "--missing", "in"])).toEqual(["interpolate"]);
    expect(await bashComplete(["innovation-index", "diff", "--format", ""])).toEqual(["table", "csv"]);
  });

  it.each(["zsh", "fish", "powershell"])("%s: the script names every command", async (shell) => {
    const { code, stdout } = await runCli(["completion", shell], dir);
    expect(code).toBe(0);
    for (const command of ["compute", "uncertainty", "diff"]) expect(stdout).toContain(command);
    expect(stdout).toContain("--normalise".replace(shell === "fish" ? "--" : "", ""));
  });

  it("an unknown shell is a usage error (exit 2)", async () => {
    const { code, stderr } = await runCli(["completion", "tcsh"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown shell "tcsh"; expected one of: bash, zsh, fish, powershell');
  });
});
