/**
 * How `--help` is laid out, in one place: every option's help group (input, method, data, weights, output, run) and
 * its place within the group, applied to every command after the commands are built. Command files declare options
 * as they like; this table only orders and labels them, so adding an option never touches another command's file.
 */
import { Help, type Argument, type Command, type Option } from "commander";
import { UsageError } from "../errors.js";
import { HELP_TOPICS, OPTION_TOPICS } from "./help-topics.js";
import { commandMessages } from "../core/command-messages.js";
import type { HelpTranslation } from "../core/help-words.js";
import { displayWidth } from "../io/write/text-width.js";

/** The help groups, in the order `--help` shows them. */
export const HELP_GROUPS = ["input", "method", "data", "weights", "audit", "output", "run"] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

/** The heading `--help` prints for each group. */
export const HELP_GROUP_HEADINGS: Record<HelpGroup, string> = {
  input: "Input options:",
  method: "Method options:",
  data: "Data options (gaps, outliers, zero bases):",
  weights: "Weights options:",
  audit: "Audit options (thresholds and robustness):",
  output: "Output options:",
  run: "Run options:",
};

/**
 * Option (long flag) -> help group, the common options of each group first. An option missing from this table is
 * shown under "Other options:" after the groups (test/cli/help.test.ts asks for every option to be listed here).
 */
export const OPTION_GROUPS: Record<HelpGroup, readonly string[]> = {
  input: ["--indicators", "--data", "--project", "--meta", "--year", "--years", "--units", "--unit", "--runs", "--encoding", "--decimal", "--sheet", "--tree-sheet", "--allow-outside-project"],
  method: [
    "--base-year",
    "--preset",
    "--explain",
    "--normalise",
    "--normalize",
    "--aggregate",
    "--with",
    "--index-name",
    "--cap",
    "--dampen",
    "--reference-unit",
    "--range",
    "--z-scale",
    "--power",
    "--performance-groups",
    "--strict",
    "--normalisations",
    "--aggregations",
    "--missing-policies",
    "--weight-noise",
    "--weight-ranges",
    "--replications",
    "--seed",
    "--bootstrap",
    "--min-coverage",
    "--skew",
    "--kurtosis",
    "--same-share",
    "--collinear",
    "--weak-parent",
  ],
  data: ["--missing", "--unfilled", "--zero-base", "--outliers", "--winsor-max", "--outlier-scope", "--screen", "--screen-by", "--min-group-coverage"],
  weights: [
    "--weights",
    "--method",
    "--ahp",
    "--allow-inconsistent",
    "--weight-years",
    "--weight-units",
    "--weight-missing",
    "--group-weights",
    "--entropy-shift",
    "--pca-rotation",
    "--subjective",
    "--objective",
    "--combination",
    "--alpha",
    "--entropy-input",
    "--random-index",
    "--optimise",
  ],
  audit: ["--min-coverage", "--skew", "--kurtosis", "--same-share", "--collinear", "--weak-parent", "--drop-ranks", "--profiles", "--profile-unit"],
  output: ["--out", "--report", "--static", "--title", "--uncertainty-from", "--audit", "--run", "--xlsx", "--parquet", "--parquet-only", "--lang", "--decimals", "--format", "--table", "--contributions", "--bom", "--no-bom", "--force"],
  run: ["--if-changed", "--always", "--quiet", "--threads", "--memory-limit", "--debug", "--all-problems", "--allow-outside-project", "--log-format", "--version", "--help"],
};

const OTHER_HEADING = "Other options:";

/** The group of an option's long flag, or undefined when the table does not list it. */
export function helpGroupOf(long: string | undefined): HelpGroup | undefined {
  return placeOf().get(long ?? "")?.group;
}

/**
 * Each listed option's group and rank (its group's order, then its place in the group), made once: every command's
 * options are grouped and sorted at each start, so the look-up must not search the lists.
 */
let places: Map<string, { group: HelpGroup; rank: number }> | undefined;
function placeOf(): Map<string, { group: HelpGroup; rank: number }> {
  if (places) return places;
  places = new Map();
  for (const [g, group] of HELP_GROUPS.entries())
    for (const [i, long] of OPTION_GROUPS[group].entries()) if (!places.has(long)) places.set(long, { group, rank: g * 1000 + i });
  return places;
}

/** Rank of an option in the help: its group's order, then its place in the group; unlisted options come last. */
function rankOf(option: Option): number {
  return placeOf().get(option.long ?? "")?.rank ?? Number.MAX_SAFE_INTEGER;
}

/**
 * One option's description for `--help`: the text, then its choices and default, shorter than commander's own
 * (choices unquoted, no "default: false" on a plain flag).
 */
export function describeOption(option: Option): string {
  const extra: string[] = [];
  const topic = OPTION_TOPICS[option.long ?? ""];
  // Choices the description already names are not repeated.
  if (option.argChoices && !namesEvery(option.description, option.argChoices)) extra.push(topic ? `choices: innovation-index help ${topic}` : option.argChoices.join(", "));
  // A default the method applies (`default(undefined, text)`: the option is left unset, so that one given can be told) is shown too.
  // A description that says its default itself ("(default: out, or in a project the run folder)") is not followed by a second.
  const showDefault =
    (option.defaultValue !== undefined || option.defaultValueDescription !== undefined) &&
    !(typeof option.defaultValue === "boolean" && !option.negate) &&
    !option.negate &&
    !option.description.includes("(default: ");
  if (showDefault) extra.push(`default: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
  return extra.length > 0 ? `${option.description} (${extra.join("; ")})` : option.description;
}

/** Whether `description` names every one of `choices`, each as a word of its own. */
function namesEvery(description: string, choices: readonly string[]): boolean {
  return choices.every((choice) => new RegExp(`(^|[^\\w-])${choice.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w-])`).test(description));
}

/**
 * The weights options but the method itself are shown in full by `weights --help` only; the other commands that take
 * them name them in one line under `--weights`, so that their help fits on two screens.
 */
const SHOWN_WEIGHTS_OPTIONS = new Set(["--weights", "--method"]);

/**
 * Options shown in full by a topic page (`innovation-index help TOPIC`) rather than by every command's `--help`, which
 * names them in one line under the group's main option: the method's parameters under `--normalise`, the rarer data
 * options under `--missing`. `--normalize` is `--normalise` spelt the American way.
 */
export const FOLDED_OPTIONS: Record<string, { under: string; options: readonly string[] }> = {
  methods: { under: "--normalise", options: ["--normalize", "--cap", "--dampen", "--reference-unit", "--range", "--z-scale", "--power", "--performance-groups"] },
  data: { under: "--missing", options: ["--unfilled", "--winsor-max", "--outlier-scope", "--screen", "--screen-by", "--min-group-coverage", "--unit"] },
};

/**
 * Options named in another option's description only: `weights`'s `-m, --method` (in `--weights`'s) and, but in
 * compute's help, `--explain` (in `--preset`'s: "--explain lists it"), so that the other commands' help fits on two
 * screens. compute's help lists every option it takes but the folded ones.
 */
const ALIASES = new Set(["--explain", "--method"]);

/** A second name of an option, shown beside the option's flags (`--force, --always`) rather than on a line of its own. */
const SECOND_NAMES: Readonly<Record<string, string>> = { "--always": "--force" };

/** The topic whose page shows `long` in full, if it is folded. */
function foldedTopicOf(long: string | undefined): string | undefined {
  return Object.keys(FOLDED_OPTIONS).find((topic) => FOLDED_OPTIONS[topic].options.includes(long ?? ""));
}

/**
 * The folded options of a topic as they appear in `command` (the command that has the most of them), for its page; in
 * the language of `translation` when given (the descriptions are already translated by `translateHelp`).
 */
export function foldedOptionsPage(program: Command, topic: string, translation?: HelpTranslation): string {
  const folded = FOLDED_OPTIONS[topic];
  if (!folded) return "";
  const command = [...program.commands].sort(
    (a, b) => b.options.filter((option) => folded.options.includes(option.long ?? "")).length - a.options.filter((option) => folded.options.includes(option.long ?? "")).length,
  )[0];
  const options = folded.options.map((long) => command?.options.find((option) => option.long === long)).filter((option): option is Option => option !== undefined);
  if (options.length === 0) return "";
  const width = Math.max(...options.map((option) => option.flags.length));
  const heading = helpText(translation, FOLDED_HEADING).replace("OPTION", folded.under);
  return `\n${heading}\n${options.map((option) => `  ${option.flags.padEnd(width)}  ${describedIn(translation, option, describeOption(option))}`).join("\n")}\n`;
}

/** `english`, a text of the help, in the language of `translation`; as it is without one or without its entry. */
const helpText = (translation: HelpTranslation | undefined, english: string) => translation?.texts[english] ?? english;

/**
 * An option's line of help as the layout wrote it (`described`: its description, then the words the layout adds), in
 * the language of `translation`: the description is already translated (`translateHelp`), the words after it are.
 */
function describedIn(translation: HelpTranslation | undefined, option: Option, described: string): string {
  if (!translation || !described.startsWith(option.description)) return described;
  return option.description + translation.suffix(described.slice(option.description.length));
}

/** The heading of a topic page's options, `OPTION` the option they are folded under. */
const FOLDED_HEADING = "Options (OPTION and these, on every command that takes them):";

/** Where a topic page that is also a command's name points at the command's help, `TOPIC` the name. */
const COMMAND_POINTER = "The TOPIC command: innovation-index TOPIC --help";

/** Whether `option` is one of the weights options listed in full by `weights --help` alone. */
function isDetailedWeightsOption(option: Option): boolean {
  return helpGroupOf(option.long) === "weights" && !SHOWN_WEIGHTS_OPTIONS.has(option.long ?? "");
}

/**
 * Help settings of one command: the compact option descriptions, and its detailed weights options in one line. What
 * they need is worked out when the help is first drawn, not at every start.
 */
function helpConfigurationOf(command: Command): Partial<Help> {
  let layout: ReturnType<typeof helpLayoutOf> | undefined;
  const get = () => (layout ??= helpLayoutOf(command));
  return {
    visibleOptions(this: Help, cmd: Command): Option[] {
      const { leftOut } = get();
      return Help.prototype.visibleOptions.call(this, cmd).filter((option) => !leftOut.has(option));
    },
    optionDescription: (option: Option) => {
      const { topicNote, foldedNote } = get();
      const note = topicNote(option.long);
      const description = describeOption(option);
      // "choices: … help methods" and "8 more options: … help methods" name one page: said once.
      const merged = note ? description.replace(/choices: (innovation-index help \S+)/, `choices and${note.replace(/^;|: innovation-index help \S+$/g, "")}: $1`) : description;
      return merged + (option.long === "--weights" ? foldedNote : merged === description ? note : "");
    },
    // An argument's choices its description names (runs' "list (the default), publish or rollback") are not repeated.
    argumentDescription(this: Help, argument: Argument): string {
      const shown = argument.argChoices && namesEvery(argument.description, argument.argChoices) ? Object.assign(Object.create(argument) as Argument, { argChoices: undefined }) : argument;
      return Help.prototype.argumentDescription.call(this, shown);
    },
    optionTerm: (option: Option) => {
      const { negated, secondNames } = get();
      if (negated.has(option.long)) return option.flags.replace(/--/, "--[no-]");
      const second = secondNames.get(option.long ?? "");
      return second ? `${option.flags}, ${second}` : option.flags;
    },
  };
}

/** The options a command's help folds, merges or leaves out, and the notes that say where they are. */
function helpLayoutOf(command: Command) {
  const folded = command.name() === "weights" ? [] : command.options.filter(isDetailedWeightsOption);
  const foldedNote = folded.length > 0 ? `; ${folded.length} more options: innovation-index weights --help` : "";
  const byTopic = Object.entries(FOLDED_OPTIONS).map(([topic, { under }]) => ({
    topic,
    under,
    options: command.options.filter((option) => foldedTopicOf(option.long) === topic),
  }));
  const foldedTopic = byTopic.flatMap(({ options }) => options);
  const topicNote = (long: string | undefined) => {
    const entry = byTopic.find(({ under, options }) => under === long && options.length > 0);
    return entry ? `; ${entry.options.length} more options: innovation-index help ${entry.topic}` : "";
  };
  // A flag and its negation (--bom, --no-bom) share one line: --[no-]bom.
  const negations = command.options.filter((option) => option.negate && command.options.some((other) => other.long === option.long?.replace(/^--no-/, "--")));
  const negated = new Set(negations.map((option) => option.long?.replace(/^--no-/, "--")));
  // Left out of this help only (not hidden: other code reads option.hidden as "not a real option").
  // An alias named in another option's description (--method in --weights') takes no line of its own, nor a second
  // name shown beside its option's flags (--always beside --force).
  const aliases = command.options.filter((option) => ALIASES.has(option.long ?? "") && !(command.name() === "compute" && option.long === "--explain"));
  const seconds = command.options.filter((option) => {
    const first = SECOND_NAMES[option.long ?? ""];
    return first !== undefined && command.options.some((other) => other.long === first);
  });
  const secondNames = new Map(seconds.map((option) => [SECOND_NAMES[option.long ?? ""], option.long ?? ""]));
  const leftOut = new Set<Option>([...folded, ...foldedTopic, ...negations, ...aliases, ...seconds]);
  return { foldedNote, topicNote, negated, secondNames, leftOut };
}

/**
 * Labels and orders the options of `program` and of every command by `OPTION_GROUPS`, and adds an example block to a
 * command that has none from `EXTRA_EXAMPLES`. Call once, after every command is registered.
 */
export function groupHelp(program: Command): void {
  for (const command of [program, ...program.commands]) {
    command.configureHelp(helpConfigurationOf(command));
    for (const option of command.options) {
      const group = helpGroupOf(option.long);
      option.helpGroup(group ? HELP_GROUP_HEADINGS[group] : OTHER_HEADING);
    }
    // A stable sort by rank keeps --bom next to --no-bom and unlisted options in their declared order.
    const sorted = [...command.options].sort((a, b) => rankOf(a) - rankOf(b));
    (command.options as Option[]).splice(0, command.options.length, ...sorted);
    command.helpOption("-h, --help", "display this help");
    const helpOption = (command as unknown as { _getHelpOption(): Option | null })._getHelpOption();
    helpOption?.helpGroup(HELP_GROUP_HEADINGS.run);
    const examples = EXTRA_EXAMPLES[command.name()];
    if (examples) command.addHelpText("after", `\nExamples:\n${examples.map((line) => `  $ ${line}`).join("\n")}`);
  }
}

/** Example blocks for the commands whose own file declares none. */
const EXTRA_EXAMPLES: Record<string, readonly string[]> = {
  validate: [
    "innovation-index validate                      # the shipped Changzhou example",
    "innovation-index validate -i indicators/changzhou-2020.csv -d data/changzhou/values.csv --missing interpolate",
  ],
};

/**
 * `help [command|topic]`: a command's help, a topic page (`help methods`), or the list of both. Replaces commander's
 * own help command; call before `groupHelp`.
 */
export function registerHelp(program: Command, write: (text: string) => void, translation?: HelpTranslation): void {
  const text = (english: string) => helpText(translation, english);
  program.helpCommand(false);
  program
    .command("help")
    .description(`show a command's help or a topic page (${Object.keys(HELP_TOPICS).join(", ")})`)
    .argument("[topic]", "a command name or a topic")
    .action((topic: string | undefined) => {
      const command = program.commands.find((candidate) => candidate.name() === topic && candidate.name() !== "help");
      const page = topic === undefined ? undefined : HELP_TOPICS[topic];
      // A topic that is also a command's name (weights) shows the topic page, which names the command's help.
      if (page && command) return write(page.page(text) + foldedOptionsPage(program, topic!, translation) + `\n${text(COMMAND_POINTER).replaceAll("TOPIC", topic!)}\n`);
      if (command) return command.outputHelp();
      if (page) return write(page.page(text) + foldedOptionsPage(program, topic!, translation));
      if (topic !== undefined) throw new UsageError("E_USAGE", commandMessages.unknownHelpTopic(topic, Object.keys(HELP_TOPICS)));
      program.outputHelp();
      const width = Math.max(...Object.keys(HELP_TOPICS).map((name) => name.length));
      write(`\n${text("Topics (innovation-index help TOPIC):")}\n${Object.entries(HELP_TOPICS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${text(summary)}`).join("\n")}\n`);
    });
}

/** ANSI escape sequences, which take no room on the terminal (commander's own `stripColor`). */
const ANSI = /\x1b\[\d*(;\d*)*m/g;

/**
 * A word of a help line for wrapping: a run of anything but spaces and wide characters, or one wide character
 * (Chinese, full-width punctuation), since Chinese text has no spaces to break at; with the opening brackets before it
 * and the closing punctuation after it, so that no line starts with a comma or a closing bracket, or ends with an
 * opening one.
 */
const WRAP_CHUNK = /\s*[（《「『【]*(?:[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\S)[，。；：、）》」』】！？]*/g;

/** `text` wrapped at `width` columns of the terminal, breaking at spaces and between wide characters (`WRAP_CHUNK`). */
function wrapWide(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = line.match(WRAP_CHUNK);
      if (chunks === null) return "";
      const lines: string[] = [];
      let current = chunks[0];
      let used = displayWidth(current.replace(ANSI, ""));
      for (const chunk of chunks.slice(1)) {
        const room = displayWidth(chunk.replace(ANSI, ""));
        if (used + room <= width) {
          current += chunk;
          used += room;
        } else {
          lines.push(current);
          current = chunk.trimStart();
          used = displayWidth(current.replace(ANSI, ""));
        }
      }
      lines.push(current);
      return lines.join("\n");
    })
    .join("\n");
}

/**
 * `--help` of `program` and of every command in another language: the descriptions, headings and titles by
 * `translation.texts`, the words after each option's description by `translation.suffix`, and each block printed after
 * a command's help (its examples) by the table too, as it is written out. Columns are laid out by the terminal width of
 * the text (a Chinese character takes two) and lines break between Chinese characters. Call after `groupHelp`.
 */
export function translateHelp(program: Command, translation: HelpTranslation): void {
  const text = (english: string) => helpText(translation, english);
  const visit = (command: Command) => {
    command.description(text(command.description()));
    for (const option of command.options) option.description = text(option.description);
    const helpOption = (command as unknown as { _getHelpOption(): Option | null })._getHelpOption();
    if (helpOption) helpOption.description = text(helpOption.description);
    for (const argument of command.registeredArguments) argument.description = text(argument.description);
    const configuration = command.configureHelp();
    const described = configuration.optionDescription;
    command.configureHelp({
      ...configuration,
      optionDescription(this: Help, option: Option) {
        return describedIn(translation, option, described ? described.call(this, option) : Help.prototype.optionDescription.call(this, option));
      },
      styleTitle: (title: string) => text(title),
      displayWidth: (line: string) => displayWidth(line.replace(ANSI, "")),
      boxWrap(this: Help, line: string, width: number) {
        return width < this.minWidthToWrap ? line : wrapWide(line, width);
      },
    });
    // The blocks after a command's help are written one at a time, each with its line end. The help itself starts with
    // the usage line, whose title commander follows with a space: none after a full-width colon (用法：innovation-index).
    const output = command.configureOutput();
    const writeOut = output.writeOut;
    const usage = text("Usage:");
    const written = (out: string) => (usage.endsWith("：") && out.startsWith(`${usage} `) ? usage + out.slice(usage.length + 1) : out);
    if (writeOut) command.configureOutput({ writeOut: (out: string) => writeOut(written(out.endsWith("\n") ? `${text(out.slice(0, -1))}\n` : text(out))) });
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}
