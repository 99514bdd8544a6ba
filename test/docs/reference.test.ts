/**
 * The generated reference (docs/reference/*.md, `npm run docs`) is what scripts/reference.js gives from the code now,
 * every error code used in src/ has a meaning, and every column of a real output file is described.
 * Needs the build (dist/), as the CLI tests do.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain JavaScript module of the build scripts, without types
import { codesInSource, realOutputHeaders, referenceFiles } from "../../scripts/reference.js";
// @ts-expect-error plain JavaScript module of the build scripts, without types
import { CODE_MEANINGS, OUTPUT_FILES } from "../../scripts/reference-tables.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("docs/reference", () => {
  it("every committed reference file equals what npm run docs generates (run npm run docs after changing a command, option, code or output)", async () => {
    const files = (await referenceFiles(root)) as Record<string, string>;
    for (const [path, text] of Object.entries(files)) expect(readFileSync(`${root}${path}`, "utf8"), path).toBe(text);
  }, 60_000);

  it("every E_/W_ code used in src/ has a meaning in scripts/reference-tables.js, and errors.md lists it", () => {
    const codes = [...(codesInSource(root) as Map<string, unknown>).keys()];
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => !(code in CODE_MEANINGS))).toEqual([]);
    const errors = readFileSync(`${root}docs/reference/errors.md`, "utf8");
    expect(codes.filter((code) => !errors.includes(`\`${code}\``))).toEqual([]);
  });

  it("no two codes show the same example message (one taken from another code's line), but a warning and the error --strict makes of it", () => {
    const errors = readFileSync(`${root}docs/reference/errors.md`, "utf8");
    const codesByExample = new Map<string, string[]>();
    for (const line of errors.split("\n")) {
      const cells = line.split(" | ");
      const code = /^\| <a id="[^"]+"><\/a>`([EW]_[A-Z0-9_]+)`$/.exec(cells[0])?.[1];
      if (code === undefined || cells[2] === "") continue;
      codesByExample.set(cells[2], [...(codesByExample.get(cells[2]) ?? []), code]);
    }
    expect(codesByExample.size).toBeGreaterThan(50);
    const shared = [...codesByExample.values()].filter((codes) => codes.length > 1 && new Set(codes.map((code) => code.slice(2))).size > 1);
    expect(shared).toEqual([]);
  });

  it("every column of the files a real run writes is described, and no described column is absent from them", async () => {
    const headers = (await realOutputHeaders(root)) as Map<string, string[]>;
    for (const entry of OUTPUT_FILES as { file: string; columns?: Record<string, string> }[]) {
      if (!entry.columns) continue;
      const real = headers.get(entry.file);
      if (real === undefined) continue; // ranks.csv etc. are all produced; a file not produced is listed below
      expect(Object.keys(entry.columns).sort(), entry.file).toEqual([...real].sort());
    }
    const described = new Set((OUTPUT_FILES as { file: string }[]).map((entry) => entry.file));
    expect([...headers.keys()].filter((file) => !described.has(file))).toEqual([]);
    // Every file with columns was produced by the run (so the check above covered it).
    const withColumns = (OUTPUT_FILES as { file: string; columns?: object }[]).filter((entry) => entry.columns).map((entry) => entry.file);
    expect(withColumns.filter((file) => !headers.has(file))).toEqual([]);
  }, 60_000);

  it("commands.md names every command and every option of the program", async () => {
    const { createProgram } = await import("../../src/cli/main.js");
    const program = createProgram({ cwd: root, stdout: () => {}, stderr: () => {} });
    const commands = readFileSync(`${root}docs/reference/commands.md`, "utf8");
    for (const command of program.commands) {
      expect(commands).toContain(`## ${command.name()}\n`);
      for (const option of command.options) expect(commands, `${command.name()} ${option.long}`).toContain(`\`${option.flags}\``);
    }
  });
});
