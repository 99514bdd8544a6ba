import { describe, expect, it } from "vitest";
import { formatIssue, placeOf, ValidationError } from "../src/errors.js";

describe("placeOf / formatIssue", () => {
  it("prints file:line:column for a cell, file:line for a row, file alone, or nothing", () => {
    expect(placeOf({ source: "values.csv", line: 7, column: 4 })).toBe("values.csv:7:4");
    // A column given by name is said in the message, not in the place.
    expect(placeOf({ source: "tree.csv", line: 3, column: "weight" })).toBe("tree.csv:3");
    expect(placeOf({ source: "tree.csv" })).toBe("tree.csv");
    expect(placeOf({ line: 3 })).toBe("");
  });

  it("prefixes the place unless the message already starts with it", () => {
    expect(formatIssue({ code: "E_X", message: "bad", source: "v.csv", line: 2, column: 3 })).toBe("v.csv:2:3: bad");
    expect(formatIssue({ code: "E_X", message: "v.csv:2:3: bad", source: "v.csv", line: 2, column: 3 })).toBe("v.csv:2:3: bad");
    expect(formatIssue({ code: "E_X", message: "bad" })).toBe("bad");
  });
});

describe("ValidationError", () => {
  it("new ValidationError(issues) counts its issues in the summary line, then lists them", () => {
    const error = new ValidationError([{ code: "E_X", message: "one" }, { code: "E_Y", message: "two", source: "v.csv", line: 2 }]);
    expect(error.message).toBe("2 problems found:\none\nv.csv:2: two");
    expect(new ValidationError([{ code: "E_X", message: "one" }]).message).toBe("1 problem found:\none");
  });

  it("new ValidationError(issues, heading) starts the summary line with the heading, which is not counted", () => {
    const error = new ValidationError([{ code: "E_X", message: "one" }, { code: "E_Y", message: "two" }], { code: "E_H", message: "configuration a cannot be computed" });
    expect(error.message).toBe("configuration a cannot be computed; 2 problems found:\none\ntwo");
    expect(error.issues).toHaveLength(2);
    expect(error.heading).toEqual({ code: "E_H", message: "configuration a cannot be computed" });
  });
});
