/** The method names of the reports' method lines, in Chinese and English. */
import { describe, expect, it } from "vitest";
import { AGGREGATE_METHODS } from "../../../src/core/aggregate/methods.js";
import { NORMALIZE_METHODS } from "../../../src/core/normalize/methods.js";
import { WEIGHT_METHODS } from "../../../src/core/weighting/derive.js";
import { MISSING_POLICIES } from "../../../src/core/missing.js";
import { aggregationText, methodName, workbookSheetOf } from "../../../src/io/report/labels.js";

describe("method names", () => {
  it("every normalisation, aggregation, weighting and missing-value policy has a Chinese name (none shown in English on a Chinese page)", () => {
    for (const method of [...NORMALIZE_METHODS, ...AGGREGATE_METHODS, ...WEIGHT_METHODS, ...MISSING_POLICIES])
      expect(methodName(method, "zh"), method).not.toBe(method);
    expect(methodName("mpi", "zh")).toBe("Mazziotta–Pareto 指数（MPI）");
    expect(methodName("arithmetic", "en")).toBe("arithmetic");
  });

  it("aggregationText names a power mean's exponent and each level's method in words, not the flag's 0=", () => {
    expect(aggregationText({ aggregate: "geometric", aggregateByLevel: { 0: "arithmetic" } }, "zh")).toBe("加权几何平均；总指数层 加权算术平均");
    expect(aggregationText({ aggregate: "power", power: 0.5, aggregateByLevel: { 2: "harmonic" } }, "zh")).toBe("加权幂平均（p=0.5）；第2层 加权调和平均");
    expect(aggregationText({ aggregate: "geometric", aggregateByLevel: { 0: "arithmetic" } }, "en")).toBe("geometric; level 0 arithmetic");
    expect(aggregationText({ aggregate: "power", power: -1 }, "en")).toBe("power (p = -1)");
  });
});

describe("workbookSheetOf", () => {
  it("writes a table's method and group cells in Chinese for a Chinese workbook, and leaves them in English", () => {
    const table = {
      name: "imputations",
      columns: [{ name: "indicator", kind: "text" as const }, { name: "method", kind: "text" as const }, { name: "group", kind: "text" as const }],
      rows: [
        ["A1", "interpolate", "strong"],
        ["A2", "winsorise-high", "leader"],
        ["A3", "total", "emerging"],
      ],
    };
    expect(workbookSheetOf(table, "zh").rows).toEqual([
      ["A1", "线性插值", "强劲创新者"],
      ["A2", "缩尾（上端）", "创新领先者"],
      ["A3", "合计", "新兴创新者"],
    ]);
    expect(workbookSheetOf(table, "en").rows).toEqual(table.rows);
    expect(workbookSheetOf(table, "zh").name).toBe("插补与重新加权");
  });
});
