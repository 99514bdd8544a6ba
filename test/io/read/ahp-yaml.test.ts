import { describe, expect, it } from "vitest";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { ValidationError } from "../../../src/errors.js";
import { parseAhpYaml } from "../../../src/io/read/ahp-yaml.js";

const issuesOf = (text: string) => {
  try {
    parseAhpYaml(text, "ahp.yaml");
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
};

describe("parseAhpYaml", () => {
  it("reads lists of [a, b, value] and whole matrices (upper triangle) with their lines", () => {
    const text = ["INDEX:", "  - [A, B, 2]", "  - [A, C, 1/2]", "A1:", "  order: [A11, A12, A13]", "  matrix:", "    - [1, 2, 3]", "    - [1/2, 1, 2]", "    - [0.33, 1/2, 1]", ""].join("\n");
    expect(parseAhpYaml(text, "ahp.yaml")).toEqual([
      { group: "INDEX", a: "A", b: "B", value: 2, line: 2 },
      { group: "INDEX", a: "A", b: "C", value: 0.5, line: 3 },
      { group: "A1", a: "A11", b: "A12", value: 2, line: 7 },
      { group: "A1", a: "A11", b: "A13", value: 3, line: 7 },
      { group: "A1", a: "A12", b: "A13", value: 2, line: 8 },
    ]);
  });

  it("reports a matrix that is not reciprocal, a diagonal that is not 1 and a bad value, with lines", () => {
    const text = ["A:", "  order: [A1, A2]", "  matrix:", "    - [2, 3]", "    - [1/2, 1]", "B:", "  - [B1, B2, x]", ""].join("\n");
    expect(issuesOf(text)).toEqual([
      expect.objectContaining({ code: "E_AHP_DIAGONAL", line: 4 }),
      expect.objectContaining({ code: "E_AHP_NOT_RECIPROCAL", line: 5 }),
      expect.objectContaining({ code: "E_AHP_BAD_VALUE", line: 7, message: weightingMessages.badJudgementValue("x") }),
    ]);
  });

  it("reports a body that is neither a list of judgements nor a matrix", () => {
    expect(issuesOf("A: 3\n")).toEqual([expect.objectContaining({ code: "E_AHP_YAML_SHAPE", source: "ahp.yaml" })]);
  });
});
