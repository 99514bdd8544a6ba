/**
 * (e) Audit: `auditIndex` (statistics, correlations, Cronbach's alpha, PCA, effective importance, for each of the 20
 * years and the pooled panel) on the min-max index of the synthetic panel of 3,000 units × 200 indicators × 20 years,
 * then its five CSV tables formatted. Measured once (the panel is large), wall-clock and CPU time (the CPU time
 * tells what the audit costs on a machine busy with other work). Prints one JSON line.
 */
import { auditIndex } from "../dist/core/audit/audit.js";
import { computeIndex } from "../dist/core/compute.js";
import { correlationsTable, cronbachTable, formatAuditCsv, importanceTable, pcaTable, statisticsTable } from "../dist/io/write/audit-csv.js";
import { syntheticPanel } from "./synthetic.mjs";

const shape = { units: 3000, indicators: 200, years: 20 };
const { tree, panel } = syntheticPanel(shape);
const result = computeIndex(tree, panel, { normalize: "min-max" });
const start = performance.now();
const cpuStart = process.cpuUsage();
const audit = auditIndex(result);
const auditMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const auditCpuMs = (cpu.user + cpu.system) / 1000;
const formatStart = performance.now();
let bytes = 0;
for (const table of [statisticsTable, correlationsTable, cronbachTable, pcaTable, importanceTable]) bytes += formatAuditCsv(table(audit)).length;
const formatMs = performance.now() - formatStart;
console.log(
  JSON.stringify({
    bench: "audit",
    values: shape.units * shape.indicators * shape.years,
    periods: audit.periods.length,
    correlations: audit.correlations.length,
    auditMs,
    auditCpuMs,
    formatMs,
    csvBytes: bytes,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
