/**
 * The dashboard's `#audit` from an audit of the index (`auditIndex`), over the pooled unit-years (period `all`):
 * per group the Pearson correlations of its children, each node's nominal weight within its siblings against its
 * effective weight (its squared correlation with its parent as a share of its siblings'), and the flagged pairs.
 */
import type { Audit } from "../../../core/audit/audit.js";
import type { DashboardAudit } from "./data.js";

/** The pooled part of an audit, as the dashboard shows it. `NaN` (a correlation that cannot be computed) is `null`. */
export function dashboardAudit(audit: Audit, children: ReadonlyMap<string, readonly string[]>): DashboardAudit {
  const pooled = audit.correlations.filter((row) => row.period === "all" && row.relation === "sibling");
  const correlations: DashboardAudit["correlations"] = [];
  for (const [group, codes] of children) {
    if (codes.length < 2) continue;
    const matrix = codes.flatMap((a, i) =>
      codes.map((b, j) => {
        if (i === j) return 1;
        const row = pooled.find((candidate) => candidate.group === group && ((candidate.a === a && candidate.b === b) || (candidate.a === b && candidate.b === a)));
        return row && Number.isFinite(row.pearson) ? row.pearson : null;
      }),
    );
    correlations.push({ group, codes: [...codes], matrix });
  }
  const weights = audit.importance
    .filter((row) => row.period === "all")
    .map((row) => ({ code: row.code, nominal: Number.isFinite(row.weight) ? row.weight : null, effective: Number.isFinite(row.r2ParentShare) ? row.r2ParentShare : null }));
  const notes = audit.correlations
    .filter((row) => row.period === "all" && row.flags.length > 0)
    .map((row) => ({ a: row.a, b: row.b, flags: [...row.flags], r: Number.isFinite(row.pearson) ? row.pearson : null }));
  return { correlations, weights, notes };
}
