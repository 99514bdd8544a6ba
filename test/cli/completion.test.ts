/**
 * `completion SHELL`: the scripts come from the commander definitions; the bash one is run in a real bash, the way
 * bash calls a completion function (COMP_WORDS, COMP_CWORD), and must offer the commands, compute's options and the
 * choices of an option. The zsh and fish scripts are parsed by a real zsh and fish (`zsh -n`, `fish --no-execute`) and
 * asked for completions, when those shells are installed (`apt-get install zsh fish`); PowerShell (pwsh is not in the
 * Debian archive) only by its text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
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

/** Whether `shell` runs here (then its tests run; else they are skipped, saying why). */
function installed(shell: string): boolean {
  return spawnSync(shell, ["--version"], { stdio: "ignore" }).status === 0;
}
const HAS_ZSH = installed("zsh");
const HAS_FISH = installed("fish");

/**
 * Runs `shell` with `args` in the temporary folder, its start-up and state files kept there (zsh's .zcompdump, fish's
 * configuration and history), never in the home folder; returns its stdout, or throws with its stderr.
 */
function runShell(shell: string, args: string[]): string {
  const env = { ...process.env, ZDOTDIR: dir, HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), XDG_DATA_HOME: join(dir, "data"), XDG_CACHE_HOME: join(dir, "cache") };
  const run = spawnSync(shell, args, { cwd: dir, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${shell} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Writes the completion script of `shell` into the temporary folder and returns its name there. */
async function saveScript(shell: string): Promise<string> {
  const name = `completion.${shell}`;
  await writeFile(join(dir, name), (await runCli(["completion", shell], dir)).stdout);
  return name;
}

/**
 * What the zsh script offers for the words typed so far: the bash function called as zsh's bashcompinit calls it
 * (`_bash_complete`, in sh emulation, with COMP_WORDS and COMP_CWORD). zsh itself then keeps the candidates that start
 * with the word being completed, so they are not filtered here.
 */
async function zshComplete(words: string[]): Promise<string[]> {
  const script = await saveScript("zsh");
  const array = words.map((word) => `'${word}'`).join(" ");
  const body = `source ./${script}
offer() { emulate -L sh; setopt kshglob noshglob braceexpand; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _innovation_index; printf '%s\n' "\${COMPREPLY[@]}"; }
offer`;
  return runShell("zsh", ["-f", "-c", body]).split("\n").filter(Boolean);
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

  it("bash: runs' actions (list, publish, rollback) and completion's shells complete right after the command", async () => {
    // RUNS_ACTIONS of src/cli/commands/runs.ts, in their order; after an option's value, no action is offered.
    expect(await bashComplete(["innovation-index", "runs", ""])).toEqual(["list", "publish", "rollback"]);
    expect(await bashComplete(["innovation-index", "runs", "p"])).toEqual(["publish"]);
    expect(await bashComplete(["innovation-index", "runs", "--format", "json", ""])).toEqual([]);
    expect(await bashComplete(["innovation-index", "runs", "--"])).toContain("--quiet");
    expect(await bashComplete(["innovation-index", "completion", "f"])).toEqual(["fish"]);
  });

  it.each(["zsh", "fish", "powershell"])("%s: the script names every command", async (shell) => {
    const { code, stdout } = await runCli(["completion", shell], dir);
    expect(code).toBe(0);
    for (const command of ["compute", "uncertainty", "diff"]) expect(stdout).toContain(command);
    expect(stdout).toContain("--normalise".replace(shell === "fish" ? "--" : "", ""));
  });

  it.skipIf(!HAS_ZSH)("zsh (skipped when zsh is not installed): the script parses, registers the completion and offers the commands, options and choices", async () => {
    const script = await saveScript("zsh");
    expect(runShell("zsh", ["-n", script])).toBe("");
    // Loaded, it registers the bash function through bashcompinit.
    expect(runShell("zsh", ["-f", "-c", `source ./${script}; print -r -- "$_comps[innovation-index]"`]).trim()).toBe("_bash_complete -o default -o bashdefault -F _innovation_index");
    const first = await zshComplete(["innovation-index", "co"]);
    for (const command of ["compute", "compare", "completion", "report", "verify"]) expect(first).toContain(command);
    const flags = await zshComplete(["innovation-index", "compute", "--nor"]);
    for (const flag of ["--normalise", "--normalize", "--missing", "--if-changed"]) expect(flags).toContain(flag);
    expect(flags).not.toContain("--replications"); // an option of uncertainty, not compute
    expect(await zshComplete(["innovation-index", "compute", "--missing", "in"])).toEqual(["error", "carry-forward", "interpolate", "carry-back", "reweight", "mean", "median"]);
    expect(await zshComplete(["innovation-index", "runs", ""])).toEqual(["list", "publish", "rollback"]);
  });

  it.skipIf(!HAS_FISH)("fish (skipped when fish is not installed): the script parses and completes commands, options and choices", async () => {
    const script = await saveScript("fish");
    expect(runShell("fish", ["--no-execute", script])).toBe("");
    /** The candidates fish offers for a command line (`complete -C`), without their descriptions. */
    const complete = (line: string) =>
      runShell("fish", ["--no-config", "-c", `source ./${script}; complete -C '${line}'`])
        .split("\n")
        .filter(Boolean)
        .map((candidate) => candidate.split("\t")[0]);
    expect(complete("innovation-index co")).toEqual(["compare", "completion", "compute"]);
    expect(complete("innovation-index compute --nor")).toEqual(["--normalise", "--normalize"]);
    expect(complete("innovation-index compute --missing in")).toEqual(["interpolate"]);
    expect(complete("innovation-index diff --format ").sort()).toEqual(["csv", "table"]);
    expect(complete("innovation-index runs ").filter((candidate) => !candidate.startsWith("-"))).toEqual(["list", "publish", "rollback"]);
    expect(complete("innovation-index runs ro")).toEqual(["rollback"]);
  });

  it("powershell: the script registers a completer holding every command's flags and every option's choices", async () => {
    const { stdout } = await runCli(["completion", "powershell"], dir);
    expect(stdout).toContain("Register-ArgumentCompleter -Native -CommandName innovation-index, innovation-index.cmd -ScriptBlock {");
    expect(stdout).toMatch(/\n {4}'compute' = @\([^)]*'--normalise'[^)]*'--if-changed'[^)]*\)\n/);
    expect(stdout).toContain("'compute --missing' = @('error', 'carry-forward', 'interpolate', 'carry-back', 'reweight', 'mean', 'median')");
    expect(stdout).toContain("'diff --format' = @('table', 'csv')");
    // The words of a command's first argument: runs' actions and completion's shells.
    expect(stdout).toContain("    'runs' = @('list', 'publish', 'rollback')\n");
    expect(stdout).toContain("    'completion' = @('bash', 'zsh', 'fish', 'powershell')\n");
    // Balanced braces and parentheses: the script block, the hashtables and the arrays are all closed.
    const count = (pattern: RegExp) => stdout.match(pattern)?.length ?? 0;
    expect(count(/\{/g)).toBe(count(/\}/g));
    expect(count(/\(/g)).toBe(count(/\)/g));
  });

  it("an unknown shell is a usage error (exit 2)", async () => {
    const { code, stderr } = await runCli(["completion", "tcsh"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown shell "tcsh" of completion; expected one of: bash, zsh, fish, powershell');
  });
});
