/**
 * The command line: argv -> command; errors -> exit code.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { messages } from "../core/messages.js";
import { registerAudit } from "./commands/audit.js";
import { registerCompare } from "./commands/compare.js";
import { registerCompletion } from "./commands/completion.js";
import { registerCompute } from "./commands/compute.js";
import { registerDiff } from "./commands/diff.js";
import { registerImportCoinr } from "./commands/import-coinr.js";
import { registerInit } from "./commands/init.js";
import { registerReport } from "./commands/report.js";
import { registerUncertainty } from "./commands/uncertainty.js";
import { registerTemplate } from "./commands/template.js";
import { registerValidate } from "./commands/validate.js";
import { registerWeights } from "./commands/weights.js";
import { processEnv, VERSION, type CliEnv } from "./env.js";
import { groupHelp, registerHelp } from "./help.js";
import { LOG_FORMATS, loggingEnv, logSettingsOf, reportLoggedError } from "./log.js";
import { applyProject } from "./project-options.js";

/** Builds the program with every command. */
export function createProgram(env: CliEnv): Command {
  const program = new Command("innovation-index")
    .description("compute composite innovation indices from an indicator tree and yearly values")
    .version(VERSION)
    .option("--debug", "print stack traces with errors (and every problem, as --all-problems)", false)
    .option("--all-problems", "print every problem and warning, not only the first 50", false)
    .option("-q, --quiet", "print nothing but errors on stderr (for cron); the same as a command's --quiet", false)
    .option("--allow-outside-project", "let index.yaml name paths outside its folder (../x.csv, absolute paths); the same as allow-outside: true", false)
    .addOption(new Option("--log-format <format>", "text, or json: one JSON object per line on stderr (for log collectors)").choices(LOG_FORMATS).default("text"))
    .exitOverride()
    .configureOutput({ writeOut: env.stdout, writeErr: env.stderr })
    .showHelpAfterError("(run with --help for usage)");
  program.hook("preAction", async (_program, command) => {
    // A --quiet before the command name applies to the command too.
    if (program.opts().quiet && command.options.some((option) => option.long === "--quiet")) command.setOptionValue("quiet", true);
    // Every command that reads a tree and values takes its choices from the project's index.yaml, if there is one.
    const indicators = command.options.find((option) => option.long === "--indicators");
    if (indicators && !indicators.mandatory) await applyProject(command, env);
  });
  registerCompute(program, env);
  registerReport(program, env);
  registerValidate(program, env);
  registerTemplate(program, env);
  registerWeights(program, env);
  registerUncertainty(program, env);
  registerAudit(program, env);
  registerDiff(program, env);
  registerInit(program, env);
  registerImportCoinr(program, env);
  registerCompare(program, env);
  // Every command that reads a tree and values can be pointed at a project file.
  for (const command of program.commands) {
    const reads = command.options.some((option) => option.long === "--indicators" && !option.mandatory);
    if (reads && !command.options.some((option) => option.long === "--project"))
      command.option("--project <file>", "project file (default: index.yaml in the current folder, if any)");
  }
  registerCompletion(program, env);
  registerHelp(program, env.stdout);
  suggestChoices(program);
  // Last, once every command and option exists: the help groups and their order.
  groupHelp(program);
  return program;
}

/**
 * Every option with a list of choices, in every command, refuses a value off the list with the closest choice
 * (`--normalise minmax`: did you mean "min-max"?) instead of commander's bare list.
 */
function suggestChoices(command: Command): void {
  for (const option of command.options) {
    const choices = option.argChoices;
    const parse = option.parseArg;
    if (!choices || !parse) continue;
    option.parseArg = <T>(value: string, previous: T): T => {
      if (!choices.includes(value)) throw new InvalidArgumentError(messages.allowedChoices(value, choices));
      return parse(value, previous);
    };
  }
  for (const sub of command.commands) suggestChoices(sub);
}

/** Runs the command line `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], env: CliEnv = processEnv()): Promise<number> {
  const settings = logSettingsOf(argv);
  const program = createProgram(loggingEnv(env, settings));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportLoggedError(error, env, settings, argv.includes("--debug"));
  }
}
