import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "../../src/io/csv.js";

/** What csv-parse itself gives with the options of parseCsv, rows of empty cells dropped (the reference). */
function reference(text: string) {
  const records = parse(text, { bom: true, delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  // info.lines is the line a record ends on: a cell spanning lines (as csv-parse reads mixed line ends) starts earlier.
  const rows = records
    .map(({ record, info }) => ({ line: info.lines - record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0), cells: record })).filter((row) => row.cells.some((cell) => cell !== ""));
  const [head, ...body] = rows;
  return { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows: body, delimiter: detectDelimiter(text) };
}

describe("parseCsv on text without quotes (split by hand)", () => {
  it("gives the rows, cells and line numbers csv-parse gives", () => {
    const character = fc.constantFrom("a", "b", "1", ".", " ", "\t", ",", ";", "\n", "\r\n", "\u3000", "\u00a0", "东", "-", "%");
    fc.assert(
      fc.property(fc.array(character, { maxLength: 60 }), fc.boolean(), (characters, bom) => {
        const text = (bom ? "\ufeff" : "") + characters.join("");
        expect(parseCsv(text, "t.csv")).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it("still reads quoted cells with csv-parse, line numbers included", () => {
    const text = 'code,name\nA,"two\nlines"\nB,"x, y"\n';
    expect(parseCsv(text, "t.csv")).toEqual({ header: ["code", "name"], headerLine: 1, rows: [{ line: 2, cells: ["A", "two\nlines"] }, { line: 4, cells: ["B", "x, y"] }], delimiter: "," });
  });
});
