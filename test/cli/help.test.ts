/**
 * `--help` laid out by src/cli/help.ts: every option in one group of the table, the groups in order, every command's
 * help on two screens, an example block per command, and the topic pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rm } from "node:fs/promises";
import { createProgram } from "../../src/cli/main.js";
import { HELP_GROUPS, HELP_GROUP_HEADINGS, helpGroupOf } from "../../src/cli/help.js";
import { HELP_TOPICS } from "../../src/cli/help-topics.js";
import { WEIGHT_METHODS } from "../../src/core/weighting/derive.js";
import { NORMALIZE_METHODS } from "../../src/core/normalize/methods.js";
import { makeTempDir, runCli } from "../helpers.js";

const program = createProgram({ cwd: ".", stdout: () => {}, stderr: () => {} });
const commandNames = program.commands.map((command) => command.name()).filter((name) => name !== "help");

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("--help", () => {
  it("every option of every command has a help group in OPTION_GROUPS (add a new option there)", () => {
    const missing = [program, ...program.commands].flatMap((command) =>
      command.options.filter((option) => helpGroupOf(option.long) === undefined).map((option) => `${command.name()} ${option.long}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(commandNames)("%s --help fits on two screens (<= 100 lines at 80 columns) and has examples", async (name) => {
    const { code, stdout } = await runCli([name, "--help"], dir);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").length).toBeLessThanOrEqual(100);
    expect(stdout).toMatch(/\nExamples?:\n {2}\$ innovation-index /);
  });

  it.each(commandNames)("%s --help shows its groups in the order input, method, data, weights, audit, output, run", async (name) => {
    const { stdout } = await runCli([name, "--help"], dir);
    const headings = stdout.split("\n").filter((line) => /^[A-Z].*options.*:$/.test(line));
    const order = HELP_GROUPS.map((group) => HELP_GROUP_HEADINGS[group]);
    const positions = headings.map((heading) => order.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("compute --help puts --indicators first and names the folded weights options' command", async () => {
    const { stdout } = await runCli(["compute", "--help"], dir);
    const lines = stdout.split("\n");
    expect(lines[lines.indexOf("Input options:") + 1]).toMatch(/^ {2}-i, --indicators <file>/);
    expect(stdout).toContain("innovation-index weights --help");
    expect(stdout).toContain("--[no-]bom");
    expect(stdout).not.toContain("--weight-years");
  });

  it("compute --help lists --explain, --if-changed and --always (beside --force); every command lists -q, --quiet", async () => {
    const { stdout } = await runCli(["compute", "--help"], dir);
    expect(stdout).toMatch(/^ {2}--explain {2,}with --preset:/m);
    expect(stdout).toMatch(/^ {2}--if-changed {2,}in a project/m);
    expect(stdout).toMatch(/^ {2}--force, --always {2,}in a project: run even if nothing changed$/m);
    for (const name of commandNames) expect((await runCli([name, "--help"], dir)).stdout, name).toMatch(/^ {2}-q, --quiet {2,}print /m);
  });

  it("report --help gives --out one default, its own (out, or in a project the run folder)", async () => {
    const { stdout } = await runCli(["report", "--help"], dir);
    expect(stdout.match(/\(default: out\b/g)).toEqual(["(default: out"]);
  });

  it("runs --help and completion --help do not repeat the choices their arguments' descriptions name", async () => {
    expect((await runCli(["runs", "--help"], dir)).stdout).toMatch(/^ {2}action {2,}list \(the default\), publish or rollback\n/m);
    expect((await runCli(["completion", "--help"], dir)).stdout).toMatch(/^ {2}shell {2,}the shell: bash, zsh, fish, powershell\n/m);
  });

  it("weights --help lists every weights option in full", async () => {
    const { stdout } = await runCli(["weights", "--help"], dir);
    for (const flag of ["--ahp", "--weight-years", "--group-weights", "--alpha"]) expect(stdout).toContain(flag);
  });
});

/**
 * The examples of a command's --help that run on the shipped example (no -i or -d, no pipe, redirection or `&&`), as
 * arguments: the words after `$ innovation-index`, without the trailing `# comment`.
 */
function shippedExamples(help: string): string[][] {
  const block = help.slice(help.indexOf("\nExamples:\n"));
  return block
    .split("\n")
    .filter((line) => line.startsWith("  $ innovation-index "))
    .map((line) => line.replace(/^ {2}\$ innovation-index /, "").replace(/\s+#.*$/, "").trim())
    .filter((line) => !/(^|\s)(-i|-d|--indicators|--data)\s|[|>&]/.test(line))
    .map((line) => line.split(/\s+/));
}

describe("--help examples", () => {
  it("audit --help's examples on the shipped example run as written (exit 0), --profile-unit naming its unit", async () => {
    const { stdout } = await runCli(["audit", "--help"], dir);
    const examples = shippedExamples(stdout);
    // "audit --out audit/" and "audit --report --profile-unit 常州高新区 --drop-ranks all"
    expect(examples).toContainEqual(["audit", "--report", "--profile-unit", "常州高新区", "--drop-ranks", "all"]);
    for (const args of examples) {
      const run = await runCli(args, await makeTempDir());
      expect({ args, code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ args, code: 0, stderr: "" });
    }
  }, 60_000);
});

describe("help TOPIC", () => {
  it("help methods lists every normalisation method of the core's list", async () => {
    const { code, stdout } = await runCli(["help", "methods"], dir);
    expect(code).toBe(0);
    for (const method of NORMALIZE_METHODS) expect(stdout).toMatch(new RegExp(`^ {2}${method} `, "m"));
  });

  it("help lists the commands and the topics", async () => {
    const { stdout } = await runCli(["help"], dir);
    for (const topic of Object.keys(HELP_TOPICS)) expect(stdout).toMatch(new RegExp(`^ {2}${topic} `, "m"));
    expect(stdout).toMatch(/^ {2}compute \[options\]/m);
  });

  // `help X` builds the program with every command, `X --help` with X alone (see createProgram): the same help.
  it("help weights shows the weights topic page (every method), and names the weights command's own help", async () => {
    const { code, stdout } = await runCli(["help", "weights"], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Weights \(compute --weights, weights --method\):/);
    for (const method of WEIGHT_METHODS) expect(stdout).toMatch(new RegExp(`^ {2}${method} `, "m"));
    expect(stdout).toContain("The weights command: innovation-index weights --help");
  });

  it.each(commandNames.filter((name) => name !== "completion" && !(name in HELP_TOPICS)))("help %s is %s --help", async (name) => {
    expect((await runCli(["help", name], dir)).stdout).toBe((await runCli([name, "--help"], dir)).stdout);
  });

  it("help with an unknown topic is a usage error (exit 2)", async () => {
    const { code, stderr } = await runCli(["help", "nope"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown help topic "nope"; expected a command or one of: methods');
  });
});
