import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { AGGREGATE_METHODS } from "../../../src/core/aggregate.js";
import { MISSING_POLICIES } from "../../../src/core/missing.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { yamlMessages } from "../../../src/core/yaml-messages.js";
import { ValidationError } from "../../../src/errors.js";
import { parseProject, readProject, suggestKey } from "../../../src/io/project/project.js";
import { runMessages, type ExpectedForm } from "../../../src/core/run-messages.js";
import { formatProjectJsonSchema, INPUT_OPTIONS, METHOD_OPTIONS, OUTPUT_OPTIONS, UNCERTAINTY_OPTIONS } from "../../../src/io/project/project-schema.js";
import { createProgram } from "../../../src/cli/main.js";
import { makeTempDir } from "../../helpers.js";

function problems(text: string) {
  try {
    parseProject(text, "/p/index.yaml", "index.yaml");
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map(({ message, line, column }) => ({ line, column, message }));
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseProject(text)", () => {
  it("reads a minimal project with its defaults", () => {
    const project = parseProject("indicators: tree.csv\nvalues: data\n", "/p/index.yaml");
    expect(project.dir).toBe("/p");
    expect(project.settings).toEqual({ indicators: "tree.csv", values: "data", runs: "runs", inputs: {}, methods: {}, outputs: {}, uncertainty: {} });
  });

  it("reports every problem at once with its line, key path, what was found and what was expected", () => {
    const text = [
      "indicators: tree.csv", // 1
      "valeus: data", // 2
      "methods:", // 3
      "  base-year: twenty", // 4
      "  missing: skip", // 5
      "  strict: yes please", // 6
      "outputs:", // 7
      "  decimals: 40", // 8
      "  colour: red", // 9
    ].join("\n");
    expect(problems(text)).toEqual([
      { line: 1, column: "values", message: projectMessages.missingKey("values", "a text") },
      { line: 4, column: "methods.base-year", message: projectMessages.badKey("methods.base-year", "twenty", runMessages.expectedForm("year")) },
      { line: 5, column: "methods.missing", message: projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`) },
      { line: 6, column: "methods.strict", message: projectMessages.badKey("methods.strict", "yes please", "true or false") },
      { line: 8, column: "outputs.decimals", message: projectMessages.badKey("outputs.decimals", 40, "a number <= 15") },
      { line: 9, column: "outputs.colour", message: projectMessages.unknownKey("outputs.colour", Object.keys(OUTPUT_OPTIONS)) },
      { line: 2, column: "valeus", message: projectMessages.unknownKey("valeus", ["$schema", "name", "description", "indicators", "values", "runs", "allow-outside", "inputs", "methods", "outputs", "uncertainty"], "values") },
    ]);
    // The message text a user reads:
    expect(projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`)).toBe(
      'methods.missing: found string "skip"; expected one of: error, carry-forward, interpolate, carry-back, reweight, mean, median',
    );
  });

  it("reads the uncertainty: block as written (a list, or the flag's comma-separated text), and checks its values", () => {
    const project = parseProject("indicators: t\nvalues: v\nuncertainty:\n  weight-noise: 0.2\n  normalisations: [fixed-base, min-max]\n  aggregations: arithmetic,mpi\n  seed: 1\n", "/p/index.yaml");
    expect(project.settings.uncertainty).toEqual({ "weight-noise": 0.2, normalisations: ["fixed-base", "min-max"], aggregations: "arithmetic,mpi", seed: 1 });
    const text = [
      "indicators: t", // 1
      "values: v", // 2
      "uncertainty:", // 3
      "  weight-noise: 0", // 4
      "  aggregations: []", // 5
      "  missing-policies: error, skip", // 6
      "  replications: 2.5", // 7
      "  out: 3", // 8
    ].join("\n");
    const policies = "a list of one or more of: error, carry-forward, interpolate, carry-back, reweight, mean, median, each once (or the same comma-separated)";
    expect(problems(text)).toEqual([
      { line: 4, column: "uncertainty.weight-noise", message: 'uncertainty.weight-noise: found number "0"; expected a number > 0' },
      { line: 5, column: "uncertainty.aggregations", message: projectMessages.badKey("uncertainty.aggregations", [], `a list of one or more of: ${AGGREGATE_METHODS.join(", ")}, each once (or the same comma-separated)`) },
      { line: 6, column: "uncertainty.missing-policies", message: projectMessages.badKey("uncertainty.missing-policies", "error, skip", policies) },
      { line: 7, column: "uncertainty.replications", message: 'uncertainty.replications: found number "2.5"; expected a whole number' },
      { line: 8, column: "uncertainty.out", message: 'uncertainty.out: found number "3"; expected a text' },
    ]);
  });

  it("refuses a file nested deeper than the YAML parser follows as too deep, with the depth and line, not as invalid YAML", () => {
    // Depth: the file's keys (1), methods (2), then 3,000 lists: 3,002, all opened on line 4.
    const text = `indicators: tree.csv\nvalues: data\nmethods:\n  weights: ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
    expect(parseDocument(text).errors[0]?.code).toBe("RESOURCE_EXHAUSTION");
    const message =
      "lists and maps are nested 3002 levels deep here, deeper than the YAML reader can follow; expected keys such as indicators, values, methods, each value a text, a number, or a short list or map of them";
    expect(() => parseProject(text, "/p/index.yaml", "index.yaml")).toThrow(
      expect.objectContaining({ issues: [{ code: "E_PROJECT_SHAPE", message, source: "index.yaml", line: 4 }] }),
    );
    // A syntax error before the deep part is still one: line 1 has a map where a value belongs.
    const invalid = `indicators: a: b\nmethods:\n  weights: ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
    // Column 13: the "a" after "indicators: " (12 characters).
    expect(problems(invalid)).toEqual([
      { line: 1, column: 13, message: projectMessages.yamlSyntax(yamlMessages.compactMap()) },
    ]);
  });

  it("reports every YAML syntax error of the file at once, each at its line and column, in words", () => {
    // Line 4 repeats the key "decimals" of line 3, indented by 2 (column 3); line 6 starts with a tab (column 1).
    const text = "indicators: tree.csv\ninputs:\n  decimals: 2\n  decimals: 3\nvalues: data\n\tx: 1\n";
    expect(problems(text)).toEqual([
      { line: 4, column: 3, message: 'the file is not valid YAML: the key "decimals" appears twice (first on line 3); expected each key once' },
      { line: 6, column: 1, message: "the file is not valid YAML: a tab indents this line; expected spaces" },
    ]);
    // Two keys written twice, both reported; a quoted key is named by its text. A flow map's: line 1, column 8 ("{a: 1, " is 7 characters).
    expect(problems('a: 1\n"a": 2\nb: 1\nb: 2\n').map(({ line, column }) => [line, column])).toEqual([[2, 1], [4, 1]]);
    expect(problems("x: {a: 1, a: 2}\n")).toEqual([{ line: 1, column: 11, message: projectMessages.yamlSyntax(readerMessages.yamlDuplicateKey("a", 1)) }]);
    // An item of a block map indented 1 space where the map's keys start at column 3: line 4, at its start (column 1).
    expect(problems("indicators: a\nmethods:\n  weights: entropy\n normalisation: min-max\n")).toEqual([
      { line: 4, column: 1, message: projectMessages.yamlSyntax(readerMessages.yamlBadIndent()) },
    ]);
  });

  it("reports YAML syntax errors and a file that is not a block of keys with their line", () => {
    // Placed at the "[" not closed (line 1), not where the parser finds it (line 2).
    expect(problems("indicators: [a\nvalues: b\n")[0]).toMatchObject({ line: 1, column: 13, message: expect.stringMatching(/^the file is not valid YAML/) });
    expect(problems("- a\n- b\n")).toEqual([{ line: 1, column: undefined, message: projectMessages.notAMap(["a", "b"]) }]);
  });

  it("refuses a file of more than 2 MB before it is parsed (E_TOO_LARGE), as it does a YAML tree, and reads one of 2 MB", () => {
    // Two keys (21 + 13 = 34 bytes) and a comment line padding the file to 3 MB (3 · 1024² bytes), then to 2 MB.
    const keys = "indicators: tree.csv\nvalues: data\n";
    const padded = (bytes: number) => `${keys}#${"x".repeat(bytes - keys.length - 2)}\n`;
    expect(Buffer.byteLength(padded(3 * 1024 ** 2))).toBe(3 * 1024 ** 2);
    expect(() => parseProject(padded(3 * 1024 ** 2), "/p/index.yaml", "index.yaml")).toThrow(
      expect.objectContaining({
        code: "E_TOO_LARGE",
        source: "index.yaml",
        message:
          "index.yaml: the YAML file is 3 MB, more than the 2 MB a YAML file may hold (YAML is read whole, at over 100 times its size in memory); expected a project file of a few keys (the paths of the tree and the values, and options), with the tree and the values in files of their own",
      }),
    );
    expect(parseProject(padded(2 * 1024 ** 2), "/p/index.yaml").settings).toMatchObject({ indicators: "tree.csv", values: "data" });
  });

  it("refuses a large file by its size, before reading it (a sparse file of 600 MB: read, it would take 600 MB)", async () => {
    const dir = await makeTempDir();
    const file = join(dir, "index.yaml");
    await writeFile(file, "");
    await truncate(file, 600 * 1024 ** 2);
    await expect(readProject(file, "index.yaml")).rejects.toMatchObject({
      code: "E_TOO_LARGE",
      message: expect.stringMatching(/^index\.yaml: the YAML file is 600 MB, more than the 2 MB a YAML file may hold .*; expected a project file of a few keys/),
    });
  });
});

describe("keys that take a text or another form", () => {
  it("say what they expect, in place of zod's \"Invalid input\"", () => {
    const text = [
      "indicators: t", // 1
      "values: v", // 2
      "inputs:", // 3
      "  sheet: 1.5", // 4
      "  tree-sheet: [a]", // 5
      "methods:", // 6
      "  weight-years: true", // 7
      "  range: [1]", // 8
      "  z-scale: true", // 9
      "  performance-groups: {a: 1}", // 10
      "  weight-units: 5", // 11
      "uncertainty:", // 12
      "  memory-limit: true", // 13
    ].join("\n");
    const bad = (line: number, key: string, found: unknown, form: ExpectedForm) => ({ line, column: key, message: projectMessages.badKey(key, found, runMessages.expectedForm(form)) });
    expect(problems(text)).toEqual([
      bad(4, "inputs.sheet", 1.5, "sheet"),
      bad(5, "inputs.tree-sheet", ["a"], "sheet"),
      // In the schema's order of keys.
      bad(8, "methods.range", [1], "range"),
      bad(9, "methods.z-scale", true, "z-scale"),
      bad(10, "methods.performance-groups", { a: 1 }, "performance-groups"),
      bad(7, "methods.weight-years", true, "weight-years"),
      bad(11, "methods.weight-units", 5, "weight-units"),
      bad(13, "uncertainty.memory-limit", true, "memory-limit"),
    ]);
    // The message text a user reads:
    expect(problems("indicators: t\nvalues: v\nmethods:\n  range: [1]\n")[0].message).toBe(
      'methods.range: found a list "[1]"; expected two numbers LOW,HIGH with LOW < HIGH: a text such as "1,100" or a list such as [1, 100]',
    );
  });

  it("weight-years takes one year as a number, as --weight-years 2017 does", () => {
    expect(parseProject("indicators: t\nvalues: v\nmethods:\n  weight-years: 2017\n", "/p/index.yaml").settings.methods["weight-years"]).toBe(2017);
    expect(problems("indicators: t\nvalues: v\nmethods:\n  weight-years: 17\n")).toEqual([
      { line: 4, column: "methods.weight-years", message: projectMessages.badKey("methods.weight-years", 17, runMessages.expectedForm("weight-years")) },
    ]);
  });
});

describe("an unknown key", () => {
  it("suggests the key in another spelling: British or American, its noun, or a slip of either", () => {
    const text = ["indicators: t", "values: v", "methods:", "  normalisation: min-max", "  normalization: min-max", "  normalisaton: min-max", "  aggregation: geometric", "  normalize: min-max"].join("\n");
    const known = Object.keys(METHOD_OPTIONS);
    expect(problems(text).map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 4, message: projectMessages.unknownKey("methods.normalisation", known, "normalise") },
      { line: 5, message: projectMessages.unknownKey("methods.normalization", known, "normalise") },
      { line: 6, message: projectMessages.unknownKey("methods.normalisaton", known, "normalise") },
      { line: 7, message: projectMessages.unknownKey("methods.aggregation", known, "aggregate") },
      { line: 8, message: projectMessages.unknownKey("methods.normalize", known, "normalise") },
    ]);
    expect(problems(text)[0].message).toMatch(/^unknown key "methods\.normalisation" \(did you mean "normalise"\?\); expected one of: preset, /);
  });

  it("at the top level, suggests the key of a block written outside it", () => {
    expect(suggestKey("base-year", "")).toBe("methods.base-year");
    expect(suggestKey("normalisation", "")).toBe("methods.normalise");
    expect(suggestKey("valeus", "")).toBe("values");
    expect(suggestKey("decimals", "")).toBe("outputs.decimals");
    expect(suggestKey("colour", "outputs")).toBeUndefined();
  });
});

describe("schema/index.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run npm run schema after changing it)", async () => {
    const committed = await readFile(new URL("../../../schema/index.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(formatProjectJsonSchema());
  });

  it("lists every compute option except the run-only ones, and nothing else (add one line to src/io/project-schema.ts per option)", () => {
    const compute = createProgram({ cwd: "/", stdout: () => {}, stderr: () => {} }).commands.find((command) => command.name() === "compute")!;
    // Where to read and write, what to print on the terminal and how many threads write are not choices of the computation.
    const runOnly = ["indicators", "data", "out", "quiet", "project", "if-changed", "force", "always", "format", "table", "threads", "explain"];
    const names = compute.options.filter((option) => !option.hidden).map((option) => option.long!.replace(/^--(no-)?/, ""));
    const options = [...new Set(names)].filter((name) => !runOnly.includes(name));
    expect([...Object.keys(INPUT_OPTIONS), ...Object.keys(METHOD_OPTIONS), ...Object.keys(OUTPUT_OPTIONS)].sort()).toEqual(options.sort());
  });

  it("lists, in uncertainty:, every option of uncertainty that compute does not have, with its output folder and decimals", () => {
    const program = createProgram({ cwd: "/", stdout: () => {}, stderr: () => {} });
    const namesOf = (name: string) => {
      const command = program.commands.find((candidate) => candidate.name() === name)!;
      return command.options.filter((option) => !option.hidden).map((option) => option.long!.replace(/^--(no-)?/, ""));
    };
    const compute = new Set(namesOf("compute"));
    // --project and --quiet say where and how to run, not what the analysis varies.
    const own = namesOf("uncertainty").filter((name) => !compute.has(name) && name !== "project");
    expect(Object.keys(UNCERTAINTY_OPTIONS).sort()).toEqual([...own, "decimals", "out"].sort());
  });
});
