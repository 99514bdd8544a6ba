/**
 * The folder tree is the architecture: cli -> io -> core. This test reads every import of src/ and enforces it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** Static value imports (`import ... from "x"`, `export ... from "x"`); not `import type` (erased) nor `await import()`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+"([^"]+)"/gms)].map((match) => match[1]);
}

const files = sourceFiles(SRC).map((file) => ({ file: relative(SRC, file).split("\\").join("/"), imports: staticImports(file) }));

describe("architecture", () => {
  it("src/core imports nothing from io, cli or node:*, and no console", () => {
    const offending = files
      .filter(({ file }) => file.startsWith("core/"))
      .flatMap(({ file, imports }) => imports.filter((path) => /\/(io|cli)\//.test(path) || path.startsWith("node:")).map((path) => `${file} -> ${path}`));
    expect(offending).toEqual([]);
    const consoleUse = files.filter(({ file }) => file.startsWith("core/") && /\bconsole\./.test(readFileSync(join(SRC, file), "utf8")));
    expect(consoleUse).toEqual([]);
  });

  it("src/io imports nothing from cli", () => {
    const offending = files
      .filter(({ file }) => file.startsWith("io/"))
      .flatMap(({ file, imports }) => imports.filter((path) => path.includes("/cli/")).map((path) => `${file} -> ${path}`));
    expect(offending).toEqual([]);
  });

  it("heavy libraries (mathjs, echarts, exceljs, DuckDB) are never imported statically, so startup stays fast", () => {
    const offending = files.flatMap(({ file, imports }) =>
      imports.filter((path) => /^(mathjs|echarts|exceljs|@duckdb\/node-api)(\/|$)/.test(path)).map((path) => `${file} -> ${path}`),
    );
    expect(offending).toEqual([]);
  });
});
