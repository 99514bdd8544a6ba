/**
 * The command line: argv -> command; errors -> exit code.
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { registerCompute } from "./commands/compute.js";
import { registerReport } from "./commands/report.js";
import { registerUncertainty } from "./commands/uncertainty.js";
import { registerTemplate } from "./commands/template.js";
import { registerValidate } from "./commands/validate.js";
import { registerWeights } from "./commands/weights.js";
import { PACKAGE_ROOT, processEnv, type CliEnv } from "./env.js";
import { reportError } from "./report-issues.js";

const VERSION = (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Builds the program with every command. */
export function createProgram(env: CliEnv): Command {
  const program = new Command("innovation-index")
    .description("compute composite innovation indices from an indicator tree and yearly values")
    .version(VERSION)
    .option("--debug", "print stack traces with errors", false)
    .exitOverride()
    .configureOutput({ writeOut: env.stdout, writeErr: env.stderr })
    .showHelpAfterError("(run with --help for usage)");
  registerCompute(program, env);
  registerReport(program, env);
  registerValidate(program, env);
  registerTemplate(program, env);
  registerWeights(program, env);
  registerUncertainty(program, env);
  return program;
}

/** Runs the command line `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], env: CliEnv = processEnv()): Promise<number> {
  const program = createProgram(env);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, env, argv.includes("--debug"));
  }
}
