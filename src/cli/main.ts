/**
 * The command line: argv -> command; errors -> exit code.
 */
import { Command, Option } from "commander";
import { forgetInputsRead } from "../io/read/inputs-read.js";
import { registerAudit } from "./commands/audit.js";
import { registerCompare } from "./commands/compare.js";
import { registerCompletion } from "./commands/completion.js";
import { registerCompute } from "./commands/compute.js";
import { registerDiff } from "./commands/diff.js";
import { registerImportCoinr } from "./commands/import-coinr.js";
import { registerInit } from "./commands/init.js";
import { registerReport } from "./commands/report.js";
import { registerRuns } from "./commands/runs.js";
import { registerUncertainty } from "./commands/uncertainty.js";
import { registerTemplate } from "./commands/template.js";
import { registerValidate } from "./commands/validate.js";
import { registerVerify } from "./commands/verify.js";
import { registerWeights } from "./commands/weights.js";
import { processEnv, VERSION, type CliEnv } from "./env.js";
import { suggestChoices } from "./choices.js";
import { groupHelp, registerHelp, translateHelp } from "./help.js";
import { startTranslating } from "./language.js";
import { LOG_FORMATS, loggingEnv, logSettingsOf, reportLoggedError, withEnv } from "./log.js";
import { applyProject, errorInProjectTerms, warningsInProjectTerms } from "./project-options.js";
import { judgementsMissingAsUsage } from "./weighting-options.js";

/** The commands, in the order `--help` lists them, each with the function that adds it to a program. */
const COMMANDS: readonly (readonly [string, (program: Command, env: CliEnv) => void])[] = [
  ["compute", registerCompute],
  ["report", registerReport],
  ["validate", registerValidate],
  ["template", registerTemplate],
  ["weights", registerWeights],
  ["uncertainty", registerUncertainty],
  ["audit", registerAudit],
  ["diff", registerDiff],
  ["init", registerInit],
  ["verify", registerVerify],
  ["runs", registerRuns],
  ["import-coinr", registerImportCoinr],
  ["compare", registerCompare],
];

/**
 * Builds the program with every command, or, when `only` names one of them, with that command alone (with `help` and
 * `completion`): a run of one command does not define the options of all the others, a few milliseconds of every start.
 */
export function createProgram(env: CliEnv, only?: string): Command {
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
  // A warning about an option index.yaml set names its line and key, as an error does (project-options.ts).
  env = withEnv(env, { inProjectTerms: (warnings) => warningsInProjectTerms(warnings, program.commands) });
  program.hook("preAction", async (_program, command) => {
    // A --quiet before the command name applies to the command too.
    if (program.opts().quiet && command.options.some((option) => option.long === "--quiet")) command.setOptionValue("quiet", true);
    // Every command that reads a tree and values takes its choices from the project's index.yaml, if there is one.
    const indicators = command.options.find((option) => option.long === "--indicators");
    if (indicators && !indicators.mandatory) await applyProject(command, env);
  });
  // report takes compute's options from the compute command, so it comes with it.
  const wanted = only === "report" ? ["compute", "report"] : [only];
  const chosen = COMMANDS.filter(([name]) => wanted.includes(name));
  for (const [, register] of chosen.length > 0 ? chosen : COMMANDS) register(program, env);
  // Every command that reads a tree and values can be pointed at a project file.
  for (const command of program.commands) {
    const reads = command.options.some((option) => option.long === "--indicators" && !option.mandatory);
    if (reads && !command.options.some((option) => option.long === "--project"))
      command.option("--project <file>", "project file (default: index.yaml in the current folder, if any)");
  }
  registerCompletion(program, env);
  registerHelp(program, env.stdout, env.help);
  suggestChoices(program);
  // Last, once every command and option exists: the help groups and their order, and their language.
  groupHelp(program);
  if (env.help) translateHelp(program, env.help);
  return program;
}

/** The command `argv` names: its first word that is neither an option nor the value of `--log-format`. */
function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--log-format") i++;
    else if (!argv[i].startsWith("-")) return argv[i];
  }
  return undefined;
}

/** Runs the command line `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], env: CliEnv = processEnv()): Promise<number> {
  const settings = logSettingsOf(argv);
  // The inputs this command reads, which no output may overwrite (read/inputs-read.ts), start empty.
  forgetInputsRead();
  // The terminal's language: in Chinese, messages, tables and --help are printed in Chinese (cli/language.ts).
  const language = env.language ?? "en";
  const { translate, words, help, stop } = await startTranslating(language);
  const name = commandNameOf(argv);
  // A completion script keeps the English descriptions: a shell reads it as a file, and Windows PowerShell would decode
  // its Chinese with the console's code page (GBK), not as the UTF-8 it is. Its --help is Chinese.
  const script = name === "completion" && !argv.some((arg) => arg === "-h" || arg === "--help");
  const speaking = language === "en" ? env : withEnv(env, { translate, words, help: script ? undefined : help });
  const program = createProgram(loggingEnv(speaking, settings), name);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    // A problem that comes from index.yaml names its line and key, as an input error (project-options.ts).
    // A weighting without its judgements is the file's problem when index.yaml chose it, else the command line's.
    return reportLoggedError(judgementsMissingAsUsage(await errorInProjectTerms(error, program.commands)), speaking, settings, argv.includes("--debug"));
  } finally {
    stop();
  }
}
