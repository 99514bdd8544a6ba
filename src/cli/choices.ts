/**
 * Values typed off an option's or an argument's list of choices, refused in the tool's words with the closest choice,
 * for every command (`main.ts`) and for a parser of flags of its own (`compare --with`).
 */
import type { Command } from "commander";
import type { EventEmitter } from "node:events";
import { messages } from "../core/messages.js";
import { UsageError } from "../errors.js";
import { offListCheckOf } from "./options.js";

/**
 * Every option with a list of choices (`.choices()`, or a comma-separated list of them: `choiceList`) and every command
 * argument with one (`runs ACTION`, `completion SHELL`), in every command, refuses a value typed off the list in the
 * tool's words, with the closest choice (`--normalise minmax`: did you mean "min-max"?), as a usage error of its own
 * (E_USAGE, exit 2), instead of commander's "option '--normalise <method>' argument 'minmax' is invalid":
 * `optionChoiceError`, `argumentChoiceError`; so does an option whose parser refuses a value off a fixed list in a form
 * of its own (`offListChecked`, which `choiceList` is: `--encoding latin1`, `--aggregate 0=geometrik`).
 */
export function suggestChoices(command: Command): void {
  for (const argument of command.registeredArguments) {
    const choices = argument.argChoices;
    if (!choices) continue;
    const parse = argument.parseArg;
    argument.parseArg = <T>(value: string, previous: T): T => {
      if (!choices.includes(value)) throw argumentChoiceError(command.name(), argument.name(), value, choices);
      return parse ? parse(value, previous) : (value as T);
    };
  }
  for (const option of command.options) {
    const choices = option.argChoices;
    const offList = offListCheckOf(option.parseArg);
    if (!choices && !offList) continue;
    // A listener run before commander's own (which parses the value and words the error), on a value typed on the
    // command line only: a value from index.yaml or a preset goes to the parser, and is refused with the file's key
    // and line (project-options.ts: parseOptionValue) or cannot be off the list (presets.ts).
    // (A Command is an EventEmitter, which commander's types declare only `on` of.)
    (command as Command & Pick<EventEmitter, "prependListener">).prependListener(`option:${option.name()}`, (value: unknown) => {
      if (typeof value !== "string") return;
      const flag = option.long ?? option.flags;
      if (choices && !choices.includes(value)) throw optionChoiceError(flag, value, choices);
      const offListMessage = offList?.(value, flag);
      if (offListMessage !== undefined) throw new UsageError("E_USAGE", offListMessage);
    });
  }
  for (const sub of command.commands) suggestChoices(sub);
}

/**
 * The error for an option's value typed off its list of choices, or an item of a comma-separated `list` off it: a
 * `UsageError` (E_USAGE, exit 2), which commander passes on as it is.
 * @example optionChoiceError("--normalise", "minmax", ["min-max", "z-score"]).message
 * // => 'unknown value "minmax" of --normalise; expected one of: min-max, z-score; did you mean "min-max"?'
 */
export function optionChoiceError(option: string, found: string, choices: readonly string[], list?: string): UsageError {
  return new UsageError("E_USAGE", messages.unknownOptionChoice(option, found, choices, list));
}

/**
 * The error for a command argument off its list of choices: a `UsageError` (exit 2), which commander passes on as it
 * is (it words only its own `InvalidArgumentError`: "command-argument value 'prune' is invalid for argument 'action'").
 * @example argumentChoiceError("runs", "action", "prune", ["list", "publish", "rollback"]).message
 * // => 'unknown action "prune" of runs; expected one of: list, publish, rollback'
 */
export function argumentChoiceError(command: string, argument: string, found: string, choices: readonly string[]): UsageError {
  return new UsageError("E_USAGE", messages.unknownArgumentChoice(argument, command, found, choices));
}
