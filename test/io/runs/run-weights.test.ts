import { describe, expect, it } from "vitest";
import { parseRunWeightsCsv } from "../../../src/io/runs/run-weights.js";

describe("parseRunWeightsCsv", () => {
  it("reads weights.csv as compute writes it: BOM, formula-guarded codes, 6 decimals", () => {
    // A code "=X" is written '=X by the formula guard, and read back as =X.
    const text = "\uFEFFcode,parent,level,weight,global_weight\n'=X,INDEX,1,0.750000,0.750000\nX1,'=X,2,0.333333,0.250000\n";
    expect(parseRunWeightsCsv(text, "weights.csv")).toEqual({
      nodes: [
        { code: "=X", weight: 0.75, globalWeight: 0.75 },
        { code: "X1", weight: 0.333333, globalWeight: 0.25 },
      ],
      globalWeights: true,
      decimals: 6,
    });
    // Written with --decimals 8: its places are 8.
    expect(parseRunWeightsCsv("code,weight\nA,0.66666667\nB,0.33333333\n", "w.csv")?.decimals).toBe(8);
  });

  it("reads the columns by name; without global_weight, no global weights; without code or weight, nothing", () => {
    expect(parseRunWeightsCsv("weight,code\n0.5,A\n,B\n", "w.csv")).toEqual({
      nodes: [
        { code: "A", weight: 0.5, globalWeight: Number.NaN },
        { code: "B", weight: Number.NaN, globalWeight: Number.NaN },
      ],
      globalWeights: false,
      decimals: 1,
    });
    expect(parseRunWeightsCsv("code,share\nA,0.5\n", "w.csv")).toBeUndefined();
    expect(parseRunWeightsCsv("node,weight\nA,0.5\n", "w.csv")).toBeUndefined();
  });
});
