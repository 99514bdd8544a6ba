import { parse as parseRaw } from "csv-parse/sync";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, detectDelimiter, formatCsv, guardFormula, isQuotedCell, parseCsv, unguardFormula } from "../../src/io/csv.js";
import { formatNumber } from "../../src/io/write/byte-chunks.js";
import { formatValue } from "../../src/io/write/to-csv.js";

/** What csv-parse itself gives with the options of parseCsv, rows of empty cells dropped (the reference). */
function reference(text: string) {
  const options = { bom: true, delimiter: detectDelimiter(text), record_delimiter: ["\r\n", "\n", "\r"], info: true, relax_column_count: true, skip_empty_lines: true, trim: true };
  const records = parse(text, options) as unknown as {
    record: string[];
    info: { bytes: number };
  }[];
  // The line a record starts on, counted here, not taken from csv-parse's info.lines (which counts a CRLF inside a
  // quoted cell as two lines): info.bytes is where the record ends, its line break included; the line breaks (CRLF,
  // LF or CR, each one) before that end, less the record's own break, give the line it ends on, and less the breaks
  // inside its cells, the line it starts on.
  const bytes = Buffer.from(text, "utf8");
  const breaks = (part: string) => part.match(/\r\n|\r|\n/g)?.length ?? 0;
  const rows = records
    .map(({ record, info }) => {
      const before = bytes.subarray(0, info.bytes).toString("utf8");
      const end = 1 + breaks(before) - (/[\r\n]$/.test(before) ? 1 : 0);
      return { line: end - record.reduce((count, cell) => count + breaks(cell), 0), cells: record };
    })
    .filter((row) => row.cells.some((cell) => cell !== ""));
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

  it("gives what csv-parse gives for text with quotes too (read by hand when they are only around whole cells on one line)", () => {
    // (no ', which parseCsv unguards after csv-parse: see the formula guard's tests)
    const character = fc.constantFrom("a", "1", " ", "\t", ",", ";", "\n", "\r\n", "\r", "\u3000", "东", "=", '"', '"', '"');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 60 }), (characters) => {
        const text = characters.join("");
        let expected: ReturnType<typeof reference> | undefined;
        try {
          expected = reference(text);
        } catch {
          expected = undefined; // csv-parse refuses it: so must parseCsv
        }
        if (expected) expect(parseCsv(text, "t.csv")).toEqual(expected);
        else expect(() => parseCsv(text, "t.csv")).toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a tree whose names are quoted because they hold a comma by hand, as csv-parse reads it", () => {
    const text = 'code,parent,name\nTBTs,Instit,"Number of measures (initiated, in force)"\nX, "a, b" ,\n';
    expect(parseCsv(text, "t.csv")).toEqual({
      header: ["code", "parent", "name"],
      headerLine: 1,
      rows: [
        { line: 2, cells: ["TBTs", "Instit", "Number of measures (initiated, in force)"] },
        { line: 3, cells: ["X", "a, b", ""] },
      ],
      delimiter: ",",
    });
    expect(parseCsv(text, "t.csv")).toEqual(reference(text));
  });

  it("reads mixed line ends (a CRLF file with an LF line, or a lone CR) line by line, as R's read.csv does", () => {
    const text = "unit,year,indicator,value\r\nP,2020,A1,5\r\nP,2020,A2,3\nQ,2020,A1,4\r\nQ,2020,A2,4\rR,2020,A1,6\r\n";
    expect(parseCsv(text, "t.csv").rows).toEqual([
      { line: 2, cells: ["P", "2020", "A1", "5"] },
      { line: 3, cells: ["P", "2020", "A2", "3"] },
      { line: 4, cells: ["Q", "2020", "A1", "4"] },
      { line: 5, cells: ["Q", "2020", "A2", "4"] },
      { line: 6, cells: ["R", "2020", "A1", "6"] },
    ]);
  });

  it("names the line an unclosed quote opens on, not the end of the file", () => {
    // Line 3 opens a quote that nothing closes; line 2's "" pair and line 4's quoted cell are closed.
    const text = 'unit,name\nA,"say ""hi"""\nB,"open\nC,x\nD,y\n';
    expect(() => parseCsv(text, "t.csv")).toThrow('t.csv:3: the file is not valid CSV (a quote opened on this line is never closed); expected comma-separated values');
  });

  it("in a file of CR-only line ends (Excel for Mac), names the same line, and takes the delimiter from the first line", () => {
    // The same rows with CR line ends: the quote still opens on line 3.
    const text = 'unit,name\rA,"say ""hi"""\rB,"open\rC,x\rD,y\r';
    expect(() => parseCsv(text, "t.csv")).toThrow("t.csv:3: the file is not valid CSV");
    // CRLF counts as one line end: line 3 again.
    expect(() => parseCsv(text.replaceAll("\r", "\r\n"), "t.csv")).toThrow("t.csv:3: the file is not valid CSV");
    // Semicolons with decimal commas: the header line has no comma, so ";" (before, the whole file was the first line,
    // and its decimal commas made it ",").
    expect(detectDelimiter("unit;year;value\rA;2017;1,5\rB;2017;2,5\r")).toBe(";");
    expect(parseCsv("unit;year;value\rA;2017;1,5\r", "m.csv").rows.map((row) => row.cells)).toEqual([["A", "2017", "1,5"]]);
  });

  it("still reads quoted cells with csv-parse, line numbers included", () => {
    const text = 'code,name\nA,"two\nlines"\nB,"x, y"\n';
    expect(parseCsv(text, "t.csv")).toEqual({ header: ["code", "name"], headerLine: 1, rows: [{ line: 2, cells: ["A", "two\nlines"] }, { line: 4, cells: ["B", "x, y"] }], delimiter: "," });
  });

  it("counts a CRLF inside a quoted cell as one line break, and so the lines of every row after it (a CRLF file from Excel)", () => {
    // Lines: 1 header, 2-5 the X1 row (its name spans four lines), 6 the X2 row. csv-parse's info.lines says 9.
    const text = ["indicator,name,2017,2018", 'X1,"a', "", "b", 'c",1,2', "X2,b,1,abc", ""].join("\r\n");
    expect(parseCsv(text, "t.csv").rows.map((row) => row.line)).toEqual([2, 6]);
    // The same with lone CRs (an old Mac file): X1 starts on line 2, not 5.
    expect(parseCsv(text.replaceAll("\r\n", "\r"), "t.csv").rows.map((row) => row.line)).toEqual([2, 6]);
  });
});

/**
 * The formula guard, against a model of how Excel reads a CSV cell (OWASP "CSV injection"): after CSV unquoting, a
 * cell is a formula when it starts with `=`, `+`, `-` or `@`, or with tabs, carriage returns or line feeds followed by
 * one of them, or with a full-width `＝＋－＠` (taken for the ASCII sign by a spreadsheet in a Chinese or Japanese
 * locale), unless Excel reads the whole cell as a number (`-1`, `+2.5`, `-1e-7`, `-3%`), which is a constant, not a formula.
 */
function isFormulaInExcel(cell: string): boolean {
  if (!/^[\t\r\n]*[=+\-@＝＋－＠]/.test(cell)) return false;
  // A sign alone has no operand: Excel keeps "+" and "-" typed alone as text.
  if (cell === "+" || cell === "-") return false;
  const number = cell.endsWith("%") ? cell.slice(0, -1) : cell;
  // Number() as the model of Excel's number reading (a sign, digits, a point, an exponent).
  return !(/^[+-]?[\d.]/.test(number) && Number.isFinite(Number(number)));
}

describe("isQuotedCell (which cells of a row were written in quotes, for W_THOUSANDS_SPLIT)", () => {
  const quotedOf = (text: string) => parseCsv(text, "t.csv").rows.map((row) => row.cells.map((_, index) => isQuotedCell(row, index)));
  it("tells them, read by hand or by csv-parse (a doubled quote, a line break in a cell), and none of a row without a quote", () => {
    // Line 2: "1" quoted, 234 not; line 3: no quote at all.
    expect(quotedOf('a,b,c\n "1" ,234,\nx,y,z\n')).toEqual([
      [true, false, false],
      [false, false, false],
    ]);
    // csv-parse: the 1st cell holds a doubled quote, the 3rd a line break; the 2nd is not quoted.
    expect(quotedOf('a,b,c\n"x ""y""",1,"two\nlines"\n')).toEqual([[true, false, true]]);
  });
});

describe("guardFormula, unguardFormula and csvField (the formula guard of every CSV file)", () => {
  it.each([
    ["=1", "'=1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["+A1", "'+A1"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["\n=1", "'\n=1"],
    ["＝1+1", "'＝1+1"], // full-width signs, which a Chinese or Japanese locale may take for ASCII ones
    ["＋A1", "'＋A1"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["a＝b", "a＝b"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["'=1", "''=1"], // so that unguardFormula gives "'=1" back
    ["-1", "-1"], // Excel reads a number, not a formula
    ["-1.5", "-1.5"],
    ["+2.5e-7", "+2.5e-7"],
    ["-3%", "-3%"],
    ["-", "-"], // a sign alone (a direction) starts no formula
    ["+", "+"],
    ["--", "'--"],
    ["常州", "常州"],
    ["a=b", "a=b"],
    ["'abc", "'abc"],
    ["", ""],
  ])("guardFormula(%j) is %j and unguardFormula gives the text back", (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
    expect(unguardFormula(guarded)).toBe(text);
  });

  it("csvField guards, then quotes a comma, a quote, a newline or a carriage return", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField("a\rb")).toBe(`"a\rb"`);
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
  });

  it("csvField quotes a semicolon or a tab (Excel's separators where the list separator is ;) and white space at an end", () => {
    // Unquoted, "Foo;=cmd|' /C calc'!A0" is two cells in a German Excel, the second a live DDE formula.
    expect(csvField("Foo;=cmd|' /C calc'!A0")).toBe(`"Foo;=cmd|' /C calc'!A0"`);
    expect(csvField("a;=1+1")).toBe(`"a;=1+1"`);
    expect(csvField("a\tb")).toBe(`"a\tb"`);
    // Read back unquoted, " =3+3" would be trimmed to "=3+3", another name; quoted, it keeps its space.
    expect(csvField(" =3+3")).toBe(`" =3+3"`);
    expect(csvField("A\u3000")).toBe(`"A\u3000"`);
    expect(parseCsv(formatCsv([["unit"], [" =3+3"], ["b "], ["a;b"]]), "t.csv").rows.map((row) => row.cells[0])).toEqual([" =3+3", "b ", "a;b"]);
    // Plain names, and a number as text, stay as they are.
    expect(csvField("常州高新区")).toBe("常州高新区");
    expect(csvField("-1")).toBe("-1");
  });

  it("formatCsv never guards a number cell and guards text cells by the same rule", () => {
    expect(formatCsv([["=1", -1.5, "-1.5", "-1+2", -0, "@x"]])).toBe("'=1,-1.5,-1.5,'-1+2,0,'@x\n");
  });

  it("no text becomes a formula for Excel, and parseCsv gives the text back (random texts)", () => {
    const character = fc.constantFrom("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r", "'", ",", '"', "\n", " ", "1", ".", "e", "%", "A", "东", "\u001b");
    // parseCsv trims each cell not in quotes; a text with white space at an end is written in quotes, and comes back whole.
    const text = fc.array(character, { maxLength: 12 }).map((characters) => characters.join(""));
    fc.assert(
      fc.property(text, (value) => {
        const text = formatCsv([["key", "text"], ["k", value]]);
        // Excel's reading: the cell unquoted (by csv-parse, independently of parseCsv), nothing else.
        const raw = (parseRaw(text, { relax_column_count: true }) as string[][])[1][1];
        expect(isFormulaInExcel(raw)).toBe(false);
        // The tool's own reading removes the guard: the text comes back.
        expect(parseCsv(text, "t.csv").rows[0].cells[1]).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it("every number the tool writes (String, toFixed-style formatValue) passes the guard unchanged", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 15 }), (value, decimals) => {
        expect(guardFormula(String(value))).toBe(String(value));
        expect(guardFormula(formatValue(value, decimals))).toBe(formatValue(value, decimals));
        expect(guardFormula(formatNumber(value, decimals))).toBe(formatNumber(value, decimals));
      }),
      { numRuns: 2000 },
    );
  });
});
