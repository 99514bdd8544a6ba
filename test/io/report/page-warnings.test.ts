/**
 * The warnings of a report page placed by the page's language, as the terminal places them: on a Chinese page "："
 * after a file with no line, ": " after a line; ": " throughout on an English page.
 */
import { describe, expect, it } from "vitest";
import { pageWarnings } from "../../../src/io/report/page-warnings.js";

describe("pageWarnings", () => {
  // Messages no catalogue made stay as written, so only the places differ between the languages.
  const warnings = [
    { code: "W_UNIT_TOTAL", message: "a note", source: "u5.csv" },
    { code: "W_UNIT_TOTAL", message: "a note", source: "values.csv", line: 3, column: 1 },
  ];

  it("a Chinese page: u5.csv：… for a file alone, values.csv:3:1: … with its line (before: u5.csv: …)", () => {
    expect(pageWarnings(warnings, "zh")).toEqual(["u5.csv：a note", "values.csv:3:1: a note"]);
  });

  it("an English page: ': ' after both", () => {
    expect(pageWarnings(warnings, "en")).toEqual(["u5.csv: a note", "values.csv:3:1: a note"]);
  });
});
