import { describe, expect, it } from "vitest";
import { argumentChoiceError } from "../../src/cli/choices.js";
import { main } from "../../src/cli/main.js";
import { messages } from "../../src/core/messages.js";
import { messagesZh } from "../../src/core/zh/messages.js";
import { UsageError } from "../../src/errors.js";

/** Runs the command line in this process (src, not the built dist/) and returns its exit code and stderr. */
async function run(argv: string[], language?: "en" | "zh"): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { cwd: process.cwd(), language, stdout: () => undefined, stderr: (text) => (stderr += text) });
  return { code, stderr };
}

describe("a command argument off its list of choices", () => {
  it("is worded by the tool: the argument, the command, what was found, what was expected, the closest choice", () => {
    const error = argumentChoiceError("runs", "action", "prune", ["list", "publish", "rollback"]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.code).toBe("E_USAGE");
    // "prune" is 4 edits from "publish" and further from the others: no suggestion.
    expect(error.message).toBe('unknown action "prune" of runs; expected one of: list, publish, rollback');
    // "publsh" is "publish" less one letter.
    expect(messages.unknownArgumentChoice("action", "runs", "publsh", ["list", "publish", "rollback"])).toBe(
      'unknown action "publsh" of runs; expected one of: list, publish, rollback; did you mean "publish"?',
    );
  });

  // The tool's usage hint follows, as after its other usage errors.
  it("runs prune: exit 2 and the tool's wording, not commander's \"command-argument value … is invalid\"", async () => {
    const { code, stderr } = await run(["runs", "prune"]);
    expect(code).toBe(2);
    expect(stderr).toBe('error: unknown action "prune" of runs; expected one of: list, publish, rollback\n(run with --help for usage)\n');
    const near = await run(["runs", "rolback"]);
    expect(near.code).toBe(2);
    expect(near.stderr).toBe('error: unknown action "rolback" of runs; expected one of: list, publish, rollback; did you mean "rollback"?\n(run with --help for usage)\n');
  });

  it("completion tcsh: every command's argument choices alike", async () => {
    const { code, stderr } = await run(["completion", "tcsh"]);
    expect(code).toBe(2);
    expect(stderr).toBe('error: unknown shell "tcsh" of completion; expected one of: bash, zsh, fish, powershell\n(run with --help for usage)\n');
  });

  it("in Chinese, by the Chinese catalogue", async () => {
    const { code, stderr } = await run(["runs", "prune"], "zh");
    expect(code).toBe(2);
    expect(stderr).toContain(messagesZh.unknownArgumentChoice("action", "runs", "prune", ["list", "publish", "rollback"]));
  });
});
