import { describe, expect, it } from "vitest";
import type { IndexResult, ResultNode } from "../../../src/core/compute.js";
import { createPanel } from "../../../src/core/panel.js";
import { coverageTable } from "../../../src/io/write/tables.js";

/** `items` as an array that counts the reads of its elements (`reads.count`): what a search through it costs. */
function counted<T>(items: T[]): { array: T[]; reads: { count: number } } {
  const reads = { count: 0 };
  const array = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { array, reads };
}

describe("coverageTable", () => {
  it("finds each indicator's node and each screened unit once, not by a search per row (a tree of many indicators)", () => {
    const n = 1000;
    const codes = Array.from({ length: n }, (_, i) => `X${i}`);
    const nodes = counted<ResultNode>([
      { code: "INDEX", name: "index", level: 0, kind: "index", parent: null, weight: 1 },
      ...codes.map((code): ResultNode => ({ code, name: `name of ${code}`, level: 1, kind: "indicator", parent: "INDEX", weight: 1 / n })),
    ]);
    const units = counted(Array.from({ length: n }, (_, u) => `U${u}`));
    const panel = createPanel(units.array, [2020, 2021], codes);
    panel.values.fill(1);
    // Every unit screened out in 2021: n unit-years.
    const screened = units.array.map((unit) => ({ unit, year: 2021 }));
    units.reads.count = 0;
    const result = { nodes: nodes.array, panel, screened, imputations: [] } as unknown as IndexResult;
    const table = coverageTable(result, panel);
    // By hand: per indicator, n units × 2 years = 2n cells, less the n screened = n expected, all n observed (share 1).
    expect(table.rows.length).toBe(n);
    expect(table.rows[0]).toEqual(["X0", "name of X0", n, n, 0, 0, 1]);
    expect(table.rows[n - 1]).toEqual([`X${n - 1}`, `name of X${n - 1}`, n, n, 0, 0, 1]);
    // A find per row reads about n²/2 = 500,000 nodes, an indexOf per screened unit-year as many units; a map reads
    // each once (n + 1 nodes, n units).
    expect(nodes.reads.count).toBeLessThanOrEqual(2 * n);
    expect(units.reads.count).toBeLessThanOrEqual(2 * n);
  });

  it("names an indicator by the first node of its code, and a code without a node by itself", () => {
    const nodes: ResultNode[] = [
      { code: "INDEX", name: "index", level: 0, kind: "index", parent: null, weight: 1 },
      { code: "A1", name: "first", level: 1, kind: "indicator", parent: "INDEX", weight: 0.5 },
      { code: "A1", name: "second", level: 1, kind: "indicator", parent: "INDEX", weight: 0.5 },
    ];
    const panel = createPanel(["U1", "U2"], [2020], ["A1", "B1"]);
    // A1: U1 observed, U2 missing; B1 both observed. U2 in 2020 screened: 1 cell expected per indicator.
    panel.values.set([5, Number.NaN, 7, 8]);
    const result = { nodes, panel, screened: [{ unit: "U2", year: 2020 }, { unit: "U9", year: 2020 }], imputations: [] } as unknown as IndexResult;
    expect(coverageTable(result, panel).rows).toEqual([
      ["A1", "first", 1, 1, 0, 0, 1],
      ["B1", "B1", 1, 1, 0, 0, 1],
    ]);
  });
});
