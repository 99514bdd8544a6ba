/**
 * `completion bash|zsh|fish|powershell`: print a shell completion script, generated from the commander definitions
 * of every command, so a new command, option or choice completes without editing this file.
 */
import { Argument, InvalidArgumentError, type Command, type Option } from "commander";
import type { CliEnv } from "../env.js";
import { commandMessages } from "../../core/command-messages.js";

export const COMPLETION_SHELLS = ["bash", "zsh", "fish", "powershell"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/**
 * What completes: each command's flags, for options with a fixed list their choices, and the words its first argument
 * takes when they are a fixed list (`actions`: runs' list, publish and rollback, completion's shells).
 */
interface CompletionSpec {
  commands: {
    name: string;
    description: string;
    flags: string[];
    choices: Record<string, string[]>;
    options: readonly Option[];
    actions: readonly string[];
    actionsDescription: string;
  }[];
  globalFlags: string[];
}

function flagsOf(option: Option): string[] {
  return [option.long, option.short].filter((flag): flag is string => flag !== undefined);
}

/** The completion data of `program`, read from its commands and options. */
export function completionSpec(program: Command): CompletionSpec {
  return {
    globalFlags: [...program.options.flatMap(flagsOf), "--help"],
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: command.description(),
      flags: [...command.options.flatMap(flagsOf), "--help"],
      choices: Object.fromEntries(command.options.filter((option) => option.argChoices).flatMap((option) => flagsOf(option).map((flag) => [flag, option.argChoices!]))),
      options: command.options,
      actions: command.registeredArguments[0]?.argChoices ?? [],
      actionsDescription: command.registeredArguments[0]?.description ?? "",
    })),
  };
}

const NAME = "innovation-index";

function bashScript(spec: CompletionSpec): string {
  const commandCases = spec.commands
    .map((command) => `    ${command.name}) flags="${command.flags.join(" ")}"${command.actions.length > 0 ? `; actions="${command.actions.join(" ")}"` : ""} ;;`)
    .join("\n");
  const choiceCases = spec.commands
    .flatMap((command) => Object.entries(command.choices).map(([flag, choices]) => `    "${command.name} ${flag}") COMPREPLY=($(compgen -W "${choices.join(" ")}" -- "$cur")); return ;;`))
    .join("\n");
  return `# ${NAME} completion for bash. Load it with:  source <(${NAME} completion bash)
# or save it:  ${NAME} completion bash > ~/.local/share/bash-completion/completions/${NAME}
_innovation_index() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" word flags actions=""
  for word in "\${COMP_WORDS[@]:1:$((COMP_CWORD - 1))}"; do
    case "$word" in
      ${spec.commands.map((command) => command.name).join("|")}) command="$word"; break ;;
    esac
  done
  case "$command $prev" in
${choiceCases}
  esac
  case "$command" in
${commandCases}
    *) COMPREPLY=($(compgen -W "${spec.commands.map((command) => command.name).join(" ")} ${spec.globalFlags.join(" ")}" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [[ "$prev" == "$command" && -n "$actions" ]]; then COMPREPLY=($(compgen -W "$actions" -- "$cur")); fi
}
complete -o default -o bashdefault -F _innovation_index ${NAME}
`;
}

function zshScript(spec: CompletionSpec): string {
  return `# ${NAME} completion for zsh. Load it with:  source <(${NAME} completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashScript(spec)}`;
}

const fishQuote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fishScript(spec: CompletionSpec): string {
  const names = spec.commands.map((command) => command.name).join(" ");
  const lines = [
    `# ${NAME} completion for fish. Load it with:  ${NAME} completion fish | source`,
    `complete -c ${NAME} -f`,
    ...spec.commands.map((command) => `complete -c ${NAME} -n "not __fish_seen_subcommand_from ${names}" -a ${command.name} -d ${fishQuote(command.description)}`),
  ];
  // The words of a command's first argument, until one is typed.
  for (const command of spec.commands)
    if (command.actions.length > 0)
      lines.push(
        `complete -c ${NAME} -n "__fish_seen_subcommand_from ${command.name}; and not __fish_seen_subcommand_from ${command.actions.join(" ")}" -a ${fishQuote(command.actions.join(" "))} -d ${fishQuote(command.actionsDescription)}`,
      );
  for (const command of spec.commands)
    for (const option of command.options) {
      const parts = [`complete -c ${NAME} -n "__fish_seen_subcommand_from ${command.name}"`];
      if (option.long) parts.push(`-l ${option.long.replace(/^--/, "")}`);
      if (option.short) parts.push(`-s ${option.short.replace(/^-/, "")}`);
      if (option.argChoices) parts.push(`-x -a ${fishQuote(option.argChoices.join(" "))}`);
      else if (option.required || option.optional) parts.push("-r -F");
      parts.push(`-d ${fishQuote(option.description)}`);
      lines.push(parts.join(" "));
    }
  return lines.join("\n") + "\n";
}

const psQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function powershellScript(spec: CompletionSpec): string {
  const flags = spec.commands.map((command) => `    ${psQuote(command.name)} = @(${command.flags.map(psQuote).join(", ")})`).join("\n");
  const choices = spec.commands
    .flatMap((command) => Object.entries(command.choices).map(([flag, list]) => `    ${psQuote(`${command.name} ${flag}`)} = @(${list.map(psQuote).join(", ")})`))
    .join("\n");
  const actions = spec.commands
    .filter((command) => command.actions.length > 0)
    .map((command) => `    ${psQuote(command.name)} = @(${command.actions.map(psQuote).join(", ")})`)
    .join("\n");
  return `# ${NAME} completion for PowerShell. Load it with:  ${NAME} completion powershell | Out-String | Invoke-Expression
# (add that line to $PROFILE to keep it)
Register-ArgumentCompleter -Native -CommandName ${NAME}, ${NAME}.cmd -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $commands = @(${spec.commands.map((command) => psQuote(command.name)).join(", ")})
  $flags = @{
${flags}
  }
  $choices = @{
${choices}
  }
  $actions = @{
${actions}
  }
  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
  $command = $words | Select-Object -Skip 1 | Where-Object { $commands -contains $_ } | Select-Object -First 1
  $previous = if ($wordToComplete -eq '') { $words[-1] } else { $words[-2] }
  if (-not $command) { $candidates = $commands + @(${spec.globalFlags.map(psQuote).join(", ")}) }
  elseif ($choices.ContainsKey("$command $previous")) { $candidates = $choices["$command $previous"] }
  elseif ($previous -eq $command -and $actions.ContainsKey($command) -and -not $wordToComplete.StartsWith('-')) { $candidates = $actions[$command] }
  else { $candidates = $flags[$command] }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

/** The completion script of `program` for `shell`. */
export function completionScript(program: Command, shell: CompletionShell): string {
  const spec = completionSpec(program);
  switch (shell) {
    case "bash":
      return bashScript(spec);
    case "zsh":
      return zshScript(spec);
    case "fish":
      return fishScript(spec);
    case "powershell":
      return powershellScript(spec);
    default: {
      const unknown: never = shell;
      throw new Error(`unknown shell ${String(unknown)}`);
    }
  }
}

export function registerCompletion(program: Command, env: CliEnv): void {
  program
    .command("completion")
    .description("print a shell completion script (bash, zsh, fish or powershell)")
    .addArgument(
      new Argument("<shell>", `the shell: ${COMPLETION_SHELLS.join(", ")}`).choices(COMPLETION_SHELLS).argParser((text: string) => {
        if (!(COMPLETION_SHELLS as readonly string[]).includes(text))
          throw new InvalidArgumentError(commandMessages.unknownShell(text, COMPLETION_SHELLS));
        return text;
      }),
    )
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Examples:
  $ innovation-index completion bash > ~/.local/share/bash-completion/completions/innovation-index
  $ innovation-index completion zsh > ~/.zfunc/innovation-index.zsh   # then source it from ~/.zshrc
  $ innovation-index completion fish | source
  $ innovation-index completion powershell | Out-String | Invoke-Expression   # add to $PROFILE to keep it`,
    )
    .action((shell: CompletionShell) => env.stdout(completionScript(program, shell)));
}
