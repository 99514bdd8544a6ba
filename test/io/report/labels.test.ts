/** The method names of the reports' method lines, in Chinese and English. */
import { describe, expect, it } from "vitest";
import { AGGREGATE_METHODS } from "../../../src/core/aggregate/methods.js";
import { NORMALIZE_METHODS } from "../../../src/core/normalize/methods.js";
import { WEIGHT_METHODS } from "../../../src/core/weighting/derive.js";
import { MISSING_POLICIES } from "../../../src/core/missing.js";
import { aggregationText, methodName } from "../../../src/io/report/labels.js";

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
