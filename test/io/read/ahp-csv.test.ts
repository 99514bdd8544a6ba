import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { ValidationError } from "../../../src/errors.js";
import { parseAhpCsv, parseJudgementValue } from "../../../src/io/read/ahp-csv.js";

describe("parseJudgementValue", () => {
  it.each([
    ["3", 3],
    ["0.5", 0.5],
    ["1/3", 1 / 3],
    [" 1 / 9 ", 1 / 9],
    ["２", 2],
  ])("parseJudgementValue(%j) = %d", (text, value) => expect(parseJudgementValue(text)).toBeCloseTo(value, 15));

  it.each(["", "0", "-2", "abc", "1/0", "1/2/3"])("parseJudgementValue(%j) is undefined", (text) => expect(parseJudgementValue(text)).toBeUndefined());
});

describe("parseAhpCsv", () => {
  it("reads judgements with their lines, skipping comment lines", () => {
    const text = "# illustrative\ngroup,a,b,value\nINDEX,A,B,3\n# note\nA,A1,A2,1/2\n";
    expect(parseAhpCsv(text, "ahp.csv")).toEqual([
      { group: "INDEX", a: "A", b: "B", value: 3, line: 3 },
      { group: "A", a: "A1", b: "A2", value: 0.5, line: 5 },
    ]);
  });

  it("reports every bad value with file, line and column", () => {
    const text = "group,a,b,value\nINDEX,A,B,x\nINDEX,A,C,3\nINDEX,B,C,0\n";
    let error: unknown;
    try {
      parseAhpCsv(text, "ahp.csv");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      // A cell: its place, value being column 4 (file:line:column, as a value's cell).
      expect.objectContaining({ code: "E_AHP_BAD_VALUE", source: "ahp.csv", line: 2, column: 4, message: weightingMessages.badJudgementValue("x") }),
      expect.objectContaining({ code: "E_AHP_BAD_VALUE", line: 4, message: weightingMessages.badJudgementValue("0") }),
    ]);
    expect((error as ValidationError).message).toContain('ahp.csv:2:4: judgement value "x" is not a positive number');
    // Every row's judgement is still given, a bad value as NaN, for the checks against the tree (readAhpJudgements).
    expect((error as ValidationError).partial).toEqual([
      { group: "INDEX", a: "A", b: "B", value: Number.NaN, line: 2 },
      { group: "INDEX", a: "A", b: "C", value: 3, line: 3 },
      { group: "INDEX", a: "B", b: "C", value: Number.NaN, line: 4 },
    ]);
  });

  it("reports missing columns", () => {
    expect(() => parseAhpCsv("group,a,value\nINDEX,A,3\n", "ahp.csv")).toThrow(messages.missingColumn("b", ["group", "a", "value"]));
  });
});
