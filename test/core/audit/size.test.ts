/**
 * The audit's up-front size check (src/core/audit/size.ts): a tree whose audit would not fit is refused at once, from
 * its nodes alone, and a tree of a few hundred indicators passes.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_MEMORY_LIMIT, AUDIT_TIME_LIMIT, checkAuditSize, estimateAuditCost, type SizedNode } from "../../../src/core/audit/size.js";
import { UsageError } from "../../../src/errors.js";

/** One group `A` at the first level with `count` indicators under it. */
function oneGroup(count: number): SizedNode[] {
  const nodes: SizedNode[] = [{ code: "A", parent: null, kind: "group" }];
  for (let i = 0; i < count; i++) nodes.push({ code: `I${i}`, parent: "A", kind: "indicator" });
  return nodes;
}

describe("checkAuditSize(nodes, years)", () => {
  it("refuses one group of 100,000 indicators over 2 years at once, with the estimate, the bounds and what to do", () => {
    const nodes = oneGroup(100_000);
    const start = performance.now();
    let error: unknown;
    try {
      checkAuditSize(nodes, 2);
    } catch (caught) {
      error = caught;
    }
    // No matrix and no row is made: well under a second (a real audit of 1,000 children takes over a minute).
    expect(performance.now() - start).toBeLessThan(500);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe("E_AUDIT_TOO_LARGE");
    // 3 periods; rows = 100,000·99,999/2 + 200,000 = 5,000,150,000 a period, × 3 × 360 bytes = 5.4e12, plus the
    // matrices 24·10^10 = 2.4e11 and 64 MB: 5.64e12 bytes = 5.1 TB. Time: 3·(10^15·2.6e-8 + 5,000,150,000·2e-6) =
    // 3·(2.6e7 + 10,000.3) s = 78,030,000.9 s = 903.1 days, rounded up to 904. The largest group that fits is the
    // largest k with 3·(k(k−1)/2 + 2k)·360 + 24k² + 64 MB <= 2 GB and 3·(2.6e-8·k³ + 2e-6·(k(k−1)/2 + 2k)) <= 600.
    // k = 1,919: rows 1,840,321 + 3,838 = 1,844,159; 3·1,844,159·360 = 1,991,691,720, + 24·3,682,561 = 88,381,464,
    // + 67,108,864 = 2,147,182,048 <= 2,147,483,648, and 3·(2.6e-8·7,066,834,559 + 2e-6·1,844,159) = 562 s <= 600.
    // k = 1,920: rows 1,846,080; 1,993,766,400 + 88,473,600 + 67,108,864 = 2,149,348,864 > 2 GB (memory binds first).
    expect((error as UsageError).message).toBe(
      'the audit of 100,000 indicators would correlate every pair of the 100,000 children of group "A" and decompose their correlation matrix (100,000 × 100,000) into principal components, in each of 3 periods (every year and all years pooled): about 5.1 TB of memory and 904 days, more than the limit of 2 GB and 10 minutes; expected at most about 1,919 children in a group: split the group into subgroups in the tree, or audit a part of the tree (a tree file of some of the indicators, given with -i: --indicators, or indicators: in index.yaml)',
    );
  });

  it("accepts one group of 200 indicators over 2 years (estimated well under the bounds)", () => {
    const nodes = oneGroup(200);
    expect(() => checkAuditSize(nodes, 2)).not.toThrow();
    const cost = estimateAuditCost(nodes, 2);
    // 200 indicators under A, and A under the index: the largest group is A.
    expect([cost.indicators, cost.largestGroup, cost.largestChildren, cost.periods]).toEqual([200, "A", 200, 3]);
    // Rows: A 200·199/2 + 400 = 20,300; the index 0 + 2 = 2; 3·20,302·360 = 21,926,160 bytes, + 24·200² = 960,000,
    // + 64 MB = 67,108,864: 89,995,024. Time: 3·((8e6 + 1)·2.6e-8 + 20,302·2e-6) = 3·(0.208 + 0.040604) = 0.7458 s.
    expect(cost.bytes).toBe(89_995_024);
    expect(cost.seconds).toBeCloseTo(0.745812, 5);
    expect(cost.bytes).toBeLessThan(AUDIT_MEMORY_LIMIT);
    expect(cost.seconds).toBeLessThan(AUDIT_TIME_LIMIT);
  });
});
