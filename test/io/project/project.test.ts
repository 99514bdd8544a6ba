import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { AGGREGATE_METHODS } from "../../../src/core/aggregate.js";
import { MISSING_POLICIES } from "../../../src/core/missing.js";
import { projectMessages } from "../../../src/core/project-messages.js";
import { ValidationError } from "../../../src/errors.js";
import { parseProject } from "../../../src/io/project/project.js";
import { formatProjectJsonSchema, INPUT_OPTIONS, METHOD_OPTIONS, OUTPUT_OPTIONS, UNCERTAINTY_OPTIONS } from "../../../src/io/project/project-schema.js";
import { createProgram } from "../../../src/cli/main.js";

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
      { line: 4, column: "methods.base-year", message: projectMessages.badKey("methods.base-year", "twenty", "a whole number") },
      { line: 5, column: "methods.missing", message: projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`) },
      { line: 6, column: "methods.strict", message: projectMessages.badKey("methods.strict", "yes please", "true or false") },
      { line: 8, column: "outputs.decimals", message: projectMessages.badKey("outputs.decimals", 40, "a number <= 15") },
      { line: 9, column: "outputs.colour", message: projectMessages.unknownKey("outputs.colour", Object.keys(OUTPUT_OPTIONS)) },
      { line: 2, column: "valeus", message: projectMessages.unknownKey("valeus", ["$schema", "name", "description", "indicators", "values", "runs", "allow-outside", "inputs", "methods", "outputs", "uncertainty"], "values") },
    ]);
    // The message text a user reads:
    expect(projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`)).toBe(
      'methods.missing: found string "skip"; expected one of: error, carry-forward, interpolate, carry-back, reweight',
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
    const policies = "a list of one or more of: error, carry-forward, interpolate, carry-back, reweight, each once (or the same comma-separated)";
    expect(problems(text)).toEqual([
      { line: 4, column: "uncertainty.weight-noise", message: 'uncertainty.weight-noise: found number "0"; expected a number > 0' },
      { line: 5, column: "uncertainty.aggregations", message: projectMessages.badKey("uncertainty.aggregations", [], `a list of one or more of: ${AGGREGATE_METHODS.join(", ")}, each once (or the same comma-separated)`) },
      { line: 6, column: "uncertainty.missing-policies", message: projectMessages.badKey("uncertainty.missing-policies", "error, skip", policies) },
      { line: 7, column: "uncertainty.replications", message: 'uncertainty.replications: found number "2.5"; expected a whole number' },
      { line: 8, column: "uncertainty.out", message: 'uncertainty.out: found number "3"; expected a text' },
    ]);
  });

  it("reports YAML syntax errors and a file that is not a block of keys with their line", () => {
    expect(problems("indicators: [a\nvalues: b\n")[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^the file is not valid YAML/) });
    expect(problems("- a\n- b\n")).toEqual([{ line: 1, column: undefined, message: projectMessages.notAMap(["a", "b"]) }]);
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
