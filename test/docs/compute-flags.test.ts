/**
 * The flags the README, the tutorials and projects.md give `innovation-index compute` (the scheduled `compute
 * --if-changed --quiet` among them) are in its --help, or in the program's --help for the options of every command, so
 * that a reader who checks a documented command against --help finds each of its flags.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = ["README.md", "README.zh-CN.md", "docs/tutorial.md", "docs/zh/tutorial.md", "docs/guides/projects.md"];

/** The flags (`--name`) written after `innovation-index compute` on one line of `text`, up to a comment or a quote's end. */
function computeFlags(text: string): Set<string> {
  const commands = text.match(/innovation-index compute[^`"'#\n]*/g) ?? [];
  return new Set(commands.flatMap((command) => command.match(/--[a-z][a-z-]*/g) ?? []));
}

describe("compute's documented flags", () => {
  it("are each in compute --help or innovation-index --help", async () => {
    const dir = await makeTempDir();
    const help = (await runCli(["compute", "--help"], dir)).stdout + (await runCli(["--help"], dir)).stdout;
    const documented = new Set<string>();
    for (const path of DOCS) for (const flag of computeFlags(await readFile(join(ROOT, path), "utf8"))) documented.add(flag);
    // The scheduled command of projects.md, so the look-up above is known to find flags.
    expect([...documented]).toEqual(expect.arrayContaining(["--if-changed", "--quiet", "--report"]));
    const missing = [...documented].filter((flag) => !new RegExp(`${flag}(?![\\w-])`).test(help));
    expect(missing).toEqual([]);
  });
});
