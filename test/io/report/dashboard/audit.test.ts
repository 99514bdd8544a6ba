/** The dashboard's audit section data: the pooled correlations per group, the weights, and the flagged pairs. */
import { describe, expect, it } from "vitest";
import type { Audit } from "../../../../src/core/audit/audit.js";
import { dashboardAudit } from "../../../../src/io/report/dashboard/audit.js";

describe("dashboardAudit", () => {
  it("keeps each flagged pair of the pooled unit-years as codes, flags and r (NaN as null), for the page to put in words", () => {
    const correlations = [
      { period: "all", relation: "sibling", group: "G", a: "A1", b: "A2", pearson: 0.953, flags: ["collinear"] },
      { period: "all", relation: "parent", group: "G", a: "A1", b: "G", pearson: Number.NaN, flags: ["weak-parent"] },
      { period: 2018, relation: "sibling", group: "G", a: "A1", b: "A2", pearson: -0.5, flags: ["negative"] }, // one year: not shown
      { period: "all", relation: "sibling", group: "H", a: "B1", b: "B2", pearson: 0.2, flags: [] },
    ];
    const audit = { correlations, importance: [] } as unknown as Audit;
    const data = dashboardAudit(audit, new Map([["G", ["A1", "A2"]]]));
    expect(data.notes).toEqual([
      { a: "A1", b: "A2", flags: ["collinear"], r: 0.953 },
      { a: "A1", b: "G", flags: ["weak-parent"], r: null },
    ]);
    expect(data.correlations).toEqual([{ group: "G", codes: ["A1", "A2"], matrix: [1, 0.953, 0.953, 1] }]);
  });
});
