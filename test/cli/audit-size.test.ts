/**
 * `audit` and `report --audit` refuse an audit too large (E_AUDIT_TOO_LARGE, src/core/audit/size.ts) from the tree and
 * the years as soon as they are read, before the weights are derived and the index computed: values with a gap the
 * default `--missing error` refuses make the computation fail with E_MISSING_VALUE, and the size check still answers
 * first (before this, the audit was refused only after the index was computed, so the gap was reported instead).
 */
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

/** One group A of `count` indicators I0..I{count-1}; units U1 and U2 over 2020 and 2021, but I0 of U1 in 2021. */
async function wideTree(count: number): Promise<string> {
  const codes = Array.from({ length: count }, (_, i) => `I${i}`);
  const tree = ["code,parent,name,weight,direction", "A,,Group A,1,", ...codes.map((code) => `${code},A,Indicator ${code},,+`)];
  const values = ["unit,year,indicator,value"];
  for (const unit of ["U1", "U2"])
    for (const year of [2020, 2021])
      codes.forEach((code, i) => {
        if (!(unit === "U1" && year === 2021 && code === "I0")) values.push(`${unit},${year},${code},${10 + i + (year - 2020) + (unit === "U2" ? 5 : 0)}`);
      });
  return makeTempDir({ "tree.csv": tree.join("\n") + "\n", "values.csv": values.join("\n") + "\n" });
}

const INPUTS = ["-i", "tree.csv", "-d", "values.csv"];
/** The start of the E_MISSING_VALUE message of the gap (the terminal prints messages, not codes). */
const GAP = 'values.csv: no value for indicator "I0", unit "U1", year 2021';

describe("the audit's size check comes before the index is computed", () => {
  it("refuses 2,000 indicators in one group over 2 years with E_AUDIT_TOO_LARGE, not the gap computing would find", async () => {
    const dir = await wideTree(2000);
    // The gap is what computing the index finds: compute, which has no size check, stops on it.
    const computed = await runCli(["compute", ...INPUTS, "-o", "out"], dir);
    expect(computed.code).not.toBe(0);
    expect(computed.stderr).toContain(GAP);
    // By the estimate (size.ts), 2,000 children over 3 periods: rows 2,000·1,999/2 + 4,000 = 2,003,000 a period,
    // 3·2,003,000·360 = 2,163,240,000 bytes, + 24·2,000² = 96,000,000 + 64 MB: 2.3e9 bytes > 2 GB; the most one group
    // may have over 2 years is 1,919 (size.test.ts). Refused before the computation, so the gap is not reported.
    for (const argv of [["audit", ...INPUTS, "-o", "audit"], ["report", ...INPUTS, "--audit", "-o", "report"]]) {
      const refused = await runCli(argv, dir);
      expect(refused.code, argv[0]).not.toBe(0);
      expect(refused.stderr, argv[0]).toContain("more than the limit of 2 GB and 10 minutes");
      expect(refused.stderr, argv[0]).toContain('the 2,000 children of group "A"');
      expect(refused.stderr, argv[0]).toContain("expected at most about 1,919 children in a group");
      expect(refused.stderr, argv[0]).not.toContain(GAP);
    }
  });

  it("lets a tree that fits go on to the computation, which reports the gap", async () => {
    // 200 indicators: about 90 MB and 0.75 s by the estimate (size.test.ts), well under the bounds.
    const dir = await wideTree(200);
    const audited = await runCli(["audit", ...INPUTS, "-o", "audit"], dir);
    expect(audited.code).not.toBe(0);
    expect(audited.stderr).toContain(GAP);
    expect(audited.stderr).not.toContain("more than the limit of 2 GB and 10 minutes");
  });
});
