import { describe, expect, it } from "vitest";
import { computeIndex, type IndexResult } from "../../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { formatCsv, parseCsv } from "../../../src/io/csv.js";
import { analyzeResult } from "../../../src/core/analysis/analyze.js";
import { contributionsTable, growthTable, ranksTable } from "../../../src/io/write/analysis-tables.js";
import { ByteChunks, formatNumber } from "../../../src/io/write/byte-chunks.js";
import {
  contributionsCsvChunks,
  growthCsvChunks,
  indexCsvChunks,
  indexJsonChunks,
  indexWideCsvChunks,
  ranksCsvChunks,
  scoresCsvChunks,
} from "../../../src/io/write/result-chunks.js";
import { formatTableCsv, formatValue } from "../../../src/io/write/to-csv.js";
import fc from "fast-check";
import { formatIndexCsv, formatIndexWideCsv, formatScoresCsv } from "../../../src/io/write/to-csv.js";
import { formatIndexJson } from "../../../src/io/write/to-json.js";
import { formatXlsx } from "../../../src/io/write/to-xlsx.js";
import { textOf as join } from "../../helpers.js";
import { bodCase } from "../../core/aggregate/bod-case.js";

/**
 * A result whose names need quoting (comma, quote, newline), with Chinese text, a gap and a -0 score; min-max by
 * default (growth.csv then has no percentages), fixed-base for a result with them.
 */
function awkwardResult(units: string[], normalize: "min-max" | "fixed-base" = "min-max"): IndexResult {
  const rows = [
    ["G,1", "", "0.5", "", 'Group "one"'],
    ["a", "G,1", "", "+", "维度\nA"],
    ["b", "G,1", "", "-", "=plain"],
    ["H", "", "0.5", "", "H"],
    ["c", "H", "", "+", "c"],
  ].map(([code, parent, weight, direction, name], i) => ({ line: i + 2, code, parent, name, weight, direction }));
  const tree = buildTree(rows);
  if (!tree.ok) throw new Error("tree");
  const records: ValueRecord[] = [];
  units.forEach((unit, u) =>
    ["a", "b", "c"].forEach((indicator, i) =>
      [2017, 2018, 2019].forEach((year, y) =>
        records.push({ unit, year, indicator, value: u === 0 && i === 2 && y === 1 ? Number.NaN : 1 + u + i * 0.37 + y * 0.11 }),
      ),
    ),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join());
  return computeIndex(tree.value, panel.value, { missing: "reweight", normalize });
}


describe("result chunks (the streamed result files)", () => {
  it.each([
    [["U1", 'U"2', "U,3", "-U4"], "min-max"],
    [["常州"], "min-max"],
    [["=U1", "-U2", "@U3"], "min-max"],
    [["U1", 'U"2', "U,3", "-U4"], "fixed-base"],
  ] as const)("equal the one-string formatters byte for byte, units %j, %s", (units, normalize) => {
    const result = awkwardResult([...units], normalize);
    for (const decimals of [0, 4, 15])
      for (const bom of [false, true]) {
        expect(join(indexCsvChunks(result, { decimals, bom }))).toBe(formatIndexCsv(result, decimals, { bom }));
        expect(join(scoresCsvChunks(result, { decimals, bom }))).toBe(formatScoresCsv(result, decimals, { bom }));
        expect(join(indexWideCsvChunks(result, { decimals, bom }))).toBe(formatIndexWideCsv(result, decimals, { bom }));
        const analysis = analyzeResult(result);
        expect(join(growthCsvChunks(result, { decimals, bom }))).toBe(formatTableCsv(growthTable(result, analysis), { decimals, bom }));
        const ranks = ranksTable(result, analysis);
        expect(join(ranksCsvChunks(result, analysis, { decimals, bom }))).toBe(ranks ? formatTableCsv(ranks, { decimals, bom }) : "");
        for (const depth of ["dimensions", "indicators"] as const)
          expect(join(contributionsCsvChunks(result, analysis, depth, { decimals, bom }))).toBe(
            formatTableCsv(contributionsTable(result, analysis, depth), { decimals, bom }),
          );
      }
    const json = join(indexJsonChunks(result));
    expect(json).toBe(formatIndexJson(result));
    // min-max: the lowest value scores 0; fixed-base: 100 in the base year
    expect(JSON.parse(json).results[0].values.c).toBe(normalize === "min-max" ? 0 : 100);
    // growth.csv's change_percent and cagr_percent (columns 8 and 10): empty throughout on min-max, which the terminal
    // gives in points; on fixed-base U1's a (1, 1.11, 1.22 -> 100, 111, 122) shows 2018 +11 % and CAGR 11 %.
    const growth = join(growthCsvChunks(result, { decimals: 4 }));
    const rows = parseCsv(growth, "growth.csv").rows.map((row) => row.cells);
    expect(rows).toHaveLength(units.length * 6 * 2); // 6 nodes (index, 2 groups, 3 indicators), 2018 and 2019
    const percents = rows.map((cells) => [cells[7], cells[9]]);
    if (normalize === "min-max") expect(percents.every(([change, cagr]) => change === "" && cagr === "")).toBe(true);
    else expect(growth).toContain('\nU1,a,"维度\nA",2,2018,111.0000,11.0000,11.0000,11.0000,11.0000\n');
  });

  it("list ranks.csv from first to last with tied units in unit order and missing ranks last", () => {
    // Units C and A tie (same values), D has no value at all in 2018 (its index is missing that year), B is lowest.
    const tree = buildTree([{ line: 2, code: "x", parent: "", name: "x", weight: "", direction: "+" }]);
    if (!tree.ok) throw new Error("tree");
    const values: Record<string, [number, number]> = { A: [10, 30], B: [10, 11], C: [10, 30], D: [10, Number.NaN] };
    const records = Object.entries(values).flatMap(([unit, [first, second]]) => [
      { unit, year: 2017, indicator: "x", value: first },
      { unit, year: 2018, indicator: "x", value: second },
    ]);
    const panel = buildPanel(tree.value, records);
    if (!panel.ok) throw new Error("panel");
    const result = computeIndex(tree.value, panel.value, { missing: "reweight", unfilled: "reweight" });
    const analysis = analyzeResult(result);
    const text = join(ranksCsvChunks(result, analysis));
    expect(text).toBe(formatTableCsv(ranksTable(result, analysis)!, {}));
    // 2018, fixed base 2017: A and C 300 (rank 1, tied), B 110 (rank 3: two units above it), D missing (last, no rank).
    const rows2018 = text.split("\n").filter((line) => line.includes(",2018,INDEX,"));
    expect(rows2018.map((line) => line.split(",")[0] + ":" + line.split(",")[6])).toEqual(["A:1", "C:1", "B:3", "D:"]);
  });

  it("write BoD's own weights into index.json as the one-string writer does, byte for byte, null where missing", () => {
    // bodCase: G by benefit of the doubt over X1 and X2, units A, B, C, 2020 and 2021; the weights worked by hand in
    // test/core/aggregate/bod-weights.test.ts, child-major: X1 A 1, 5/3; B 0, 0; C 1, 4/3; X2 A 0, 0; B 1, 1; C 1, 1.
    const { result } = bodCase();
    const json = join(indexJsonChunks(result));
    expect(json).toBe(formatIndexJson(result));
    const written = JSON.parse(json).bodWeights as Record<string, (number | null)[]>;
    expect(Object.keys(written)).toEqual(["G"]);
    expect(written.G.map((weight) => Number(weight!.toFixed(10)))).toEqual([1, 5 / 3, 0, 0, 1, 4 / 3, 0, 0, 1, 1, 1, 1].map((weight) => Number(weight.toFixed(10))));
    // unrounded, as the result holds them
    expect(written.G).toEqual(Array.from(result.bodWeights!.get("G")!));
    // A unit-year with no score (C 2021 here, cells 5 and 11) has NaN weights: null in both writers.
    const weights = Float64Array.from(result.bodWeights!.get("G")!);
    weights[5] = weights[11] = Number.NaN;
    const gap = { ...result, bodWeights: new Map([["G", weights]]) };
    expect(join(indexJsonChunks(gap))).toBe(formatIndexJson(gap));
    expect(JSON.parse(formatIndexJson(gap)).bodWeights.G.filter((weight: number | null) => weight === null)).toHaveLength(2);
    // no BoD group: no key at all
    expect("bodWeights" in JSON.parse(join(indexJsonChunks(bodCase({ aggregate: "topsis" }).result)))).toBe(false);
  });

  it("split into several chunks of about a megabyte when the file is larger, with the same bytes", () => {
    // 3,000 units: growth.csv holds 3,000 × 5 nodes × 2 years = 30,000 rows of about 70 bytes, two megabytes.
    const result = awkwardResult(
      Array.from({ length: 3000 }, (_, u) => `U${u}`),
      "fixed-base",
    );
    const analysis = analyzeResult(result);
    const chunks = [...growthCsvChunks(result)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(join(chunks)).toBe(formatTableCsv(growthTable(result, analysis), {}));
    expect(join(indexJsonChunks(result))).toBe(formatIndexJson(result));
  });
});

describe("formatCsv (hand-written, as csv-stringify writes)", () => {
  it("quotes fields with a comma, a quote, a newline or a carriage return, doubles quotes, and leaves the rest alone", () => {
    // Expected text from csv-stringify 6 with { eof: true, record_delimiter: "unix" } on the same rows, except "a\rb":
    // csv-stringify leaves a lone carriage return unquoted, which Excel and csv-parse read as a line end (RFC 4180 quotes it);
    // and " a ", which csv-stringify leaves bare and the tool quotes, as it quotes "a;b" (csvField: white space at an end
    // is trimmed by the readers; a semicolon is Excel's separator in some locales).
    expect(formatCsv([["a", "a,b", 'a"b', "a\nb", "a\rb", " a ", "a;b", ""], [1.5, 0, -0, 12]])).toBe('a,"a,b","a""b","a\nb","a\rb"," a ","a;b",\n1.5,0,0,12\n');
    expect(formatCsv([])).toBe("");
    expect(formatCsv([[]])).toBe("\n");
  });
});

describe("formatNumber and ByteChunks.fixed (fast fixed decimals)", () => {
  it("equal formatValue (toFixed, -0 as 0) on random doubles, halves and huge values", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 20000), // exact and near ties at 4 decimals (x.xxxx5)
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000 + 0.0005),
      fc.constantFrom(0, -0, 1.00005, 2.5, -2.5, 0.5, -0.5, 1e21, -1e-7, 123.456, Number.NaN, Infinity),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 15 }), (x, decimals) => {
        expect(formatNumber(x, decimals)).toBe(formatValue(x, decimals));
        const out = new ByteChunks(4);
        out.fixed(x, decimals);
        expect(Buffer.from(out.take()).toString("latin1")).toBe(formatValue(x, decimals));
      }),
      { numRuns: 20000 },
    );
  });

  it("write a value of 1e21 or more with its decimals, as every other (toFixed gives up there and writes 1e+21)", () => {
    // The double nearest 5e23 is 499999999999999991611392 exactly (5e23 − 8388608, 2^23 below: doubles there are 2^26
    // apart); 1e21 is 10^21 exactly.
    for (const [x, decimals, text] of [
      [5e23, 2, "499999999999999991611392.00"],
      [-1e21, 4, "-1000000000000000000000.0000"],
      [1e21, 0, "1000000000000000000000"],
    ] as const) {
      expect(formatValue(x, decimals)).toBe(text);
      expect(formatNumber(x, decimals)).toBe(text);
      const out = new ByteChunks(4);
      out.fixed(x, decimals);
      expect(Buffer.from(out.take()).toString("latin1")).toBe(text);
    }
  });
});

describe("growth.csv and index.csv print exact halves as the exact decimals (the tester's one-indicator case)", () => {
  // tree P (weight 1, +); values X 2018 80, 2019 87, 2020 97, fixed-base on 2018, --decimals 1
  function testerResult(): IndexResult {
    const tree = buildTree([{ line: 2, code: "P", parent: "", name: "p", weight: "1", direction: "+" }]);
    if (!tree.ok) throw new Error("tree");
    const panel = buildPanel(tree.value, [80, 87, 97].map((value, y) => ({ unit: "X", year: 2018 + y, indicator: "P", value })));
    if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join());
    return computeIndex(tree.value, panel.value, { normalize: "fixed-base" });
  }

  it("index 100·87/80 = 108.75 -> 108.8 and 100·97/80 = 121.25 -> 121.3; growth 8.75 -> 8.8, and the one-year CAGR is the change", () => {
    const result = testerResult();
    const index = join(indexCsvChunks(result, { decimals: 1 }));
    expect(index).toContain("X,2019,INDEX,Index,0,108.8\n");
    expect(index).toContain("X,2020,INDEX,Index,0,121.3\n");
    const growth = join(growthCsvChunks(result, { decimals: 1 }));
    // 2019: change 108.75 − 100 = 8.75 -> 8.8; change_percent 100·8.75/100 = 8.75 -> 8.8; average change 8.75/1;
    // CAGR over one year = the change in percent, 8.8.
    expect(growth).toContain("X,INDEX,Index,0,2019,108.8,8.8,8.8,8.8,8.8\n");
    // 2020: change 121.25 − 108.75 = 12.5 -> 12.5 (half up); 100·12.5/108.75 = 11.494… -> 11.5; average change
    // 21.25/2 = 10.625 -> 10.6 (10.625 is exact, so toFixed(1) gives 10.6); CAGR 100·(√1.2125 − 1) = 10.1135… -> 10.1.
    expect(growth).toContain("X,INDEX,Index,0,2020,121.3,12.5,11.5,10.6,10.1\n");
    // the byte writer and the one-string formatter agree on these bytes
    expect(growth).toBe(formatTableCsv(growthTable(result, analyzeResult(result)), { decimals: 1 }));
  });

  it("contributions.csv gives the same change, 8.8, and P's contribution 8.8 (before: 8.7 and 8.7 beside growth.csv's 8.8)", () => {
    const result = testerResult();
    const analysis = analyzeResult(result);
    const contributions = join(contributionsCsvChunks(result, analysis, "dimensions", { decimals: 1 }));
    // 2018 -> 2019: the index 100 -> 108.75 changes by 8.75 -> 8.8; its one dimension P (weight 1) contributes 1 · 8.75
    // = 8.75 -> 8.8, its share 100 %.
    expect(contributions).toContain("X,2018,2019,INDEX,Index,0,100.0,108.8,8.8,8.8,100.0,total\n");
    expect(contributions).toContain("X,2018,2019,P,p,1,100.0,108.8,8.8,8.8,100.0,additive\n");
    expect(contributions).toBe(formatTableCsv(contributionsTable(result, analysis, "dimensions"), { decimals: 1 }));
  });

  it("the workbook holds the change and the contribution as the CSV does: 8.75, not 8.749999999999986", async () => {
    // The same tables (growthTable, contributionsTable) as the CSV writers, cells at full precision.
    const result = testerResult();
    const analysis = analyzeResult(result);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const bytes = await formatXlsx([growthTable(result, analysis), contributionsTable(result, analysis)]);
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    // growth: header, then X's INDEX 2019 (row 2): change in column G; contributions: X 2018 -> 2019 INDEX (row 2) and
    // P (row 3): change in column I, contribution in J.
    expect(workbook.getWorksheet("growth")!.getCell("G2").value).toBe(8.75);
    const sheet = workbook.getWorksheet("contributions")!;
    expect([sheet.getCell("D2").value, sheet.getCell("I2").value, sheet.getCell("J2").value]).toEqual(["INDEX", 8.75, 8.75]);
    expect([sheet.getCell("D3").value, sheet.getCell("I3").value, sheet.getCell("J3").value]).toEqual(["P", 8.75, 8.75]);
  });
});
