/**
 * The folder tree is the architecture: cli -> io -> core. This test reads every import of src/ and enforces it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

/**
 * Every import of another file of src/, by path relative to src/: value and type-only imports and re-exports, and
 * lazy `await import()`, all of which say that one file depends on the other.
 */
function localImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...[...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gms)].map((match) => match[1]),
    ...[...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1]),
  ];
  return specifiers
    .filter((path) => path.startsWith("."))
    .map((path) => relative(SRC, resolve(dirname(file), path.replace(/\.js$/, ".ts"))).split("\\").join("/"));
}

/**
 * The import circles of a graph (file -> the files it imports): its strongly connected components of more than one
 * file, or a file that imports itself (Tarjan's algorithm, each sorted by path).
 */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, counter);
    lowest.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (onStack.has(next)) lowest.set(file, Math.min(lowest.get(file)!, order.get(next)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return circles;
}

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
      imports.filter((path) => /^(mathjs|echarts|exceljs|@duckdb\/node-api|@duckdb\/node-bindings)(\/|$)/.test(path)).map((path) => `${file} -> ${path}`),
    );
    expect(offending).toEqual([]);
  });

  it("no import circle between the files of src/, type-only imports and lazy import() included", () => {
    const graph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file).split("\\").join("/"), localImports(file)]));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCircles(graph)).toEqual([]);
    // The check finds a circle: a type-only one of two files, and one through a lazy import and a third file.
    expect(importCircles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]], ["c.ts", ["a.ts"]]]))).toEqual([["a.ts", "b.ts"]]);
    expect(importCircles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["d.ts"]]]))).toEqual([["a.ts", "b.ts", "c.ts"], ["d.ts"]]);
    expect(localImports(join(SRC, "cli/commands/compute.ts"))).toContain("cli/project-run.ts");
  });
});
