/**
 * (g) Audit: what `innovation-index audit` computes, on the min-max index of the synthetic panel of 3,000 units × 200
 * indicators × 20 years: `auditIndex` (statistics, correlations, Cronbach's alpha, PCA, effective importance, for each
 * of the 20 years and the pooled panel), the drop analysis (`computeDropSensitivity`, 225 drops, ranks kept for the
 * last year as the command's default), the strengths and weaknesses of the last year (`computeProfiles`), then the
 * eight tables formatted as CSV. Measured once (the panel is large), each step in wall-clock and CPU time (the CPU time
 * tells what the audit costs on a machine busy with other work). Prints one JSON line.
 */
import { auditIndex } from "../dist/core/audit/audit.js";
import { computeDropSensitivity } from "../dist/core/audit/drop.js";
import { computeProfiles } from "../dist/core/audit/profiles.js";
import { computeIndex } from "../dist/core/compute.js";
import {
  correlationsTable,
  cronbachTable,
  dropRanksTable,
  dropSummaryTable,
  formatAuditCsv,
  importanceTable,
  pcaTable,
  profilesTable,
  statisticsTable,
} from "../dist/io/write/audit-csv.js";
import { syntheticPanel } from "./synthetic.mjs";

const shape = { units: 3000, indicators: 200, years: 20 };
const { tree, panel } = syntheticPanel(shape);
const result = computeIndex(tree, panel, { normalize: "min-max" });

/** Runs `step`, returning its value and its wall-clock and CPU (user + system) milliseconds. */
function timed(step) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = step();
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const lastYear = result.years.slice(-1);
const audit = timed(() => auditIndex(result));
const drop = timed(() => computeDropSensitivity(result, { rankYears: lastYear }));
const profiles = timed(() => computeProfiles(result, { years: lastYear }));
const format = timed(() => {
  let bytes = 0;
  const tables = [statisticsTable, correlationsTable, cronbachTable, pcaTable, importanceTable].map((table) => table(audit.value));
  tables.push(dropSummaryTable(drop.value), dropRanksTable(drop.value), profilesTable(result, profiles.value));
  for (const table of tables) bytes += formatAuditCsv(table).length;
  return bytes;
});
const steps = [audit, drop, profiles, format];
console.log(
  JSON.stringify({
    bench: "audit",
    values: shape.units * shape.indicators * shape.years,
    periods: audit.value.periods.length,
    correlations: audit.value.correlations.length,
    drops: drop.value.drops.length,
    profileEntries: profiles.value.entries.length,
    auditMs: audit.wallMs,
    auditCpuMs: audit.cpuMs,
    dropMs: drop.wallMs,
    dropCpuMs: drop.cpuMs,
    profilesMs: profiles.wallMs,
    profilesCpuMs: profiles.cpuMs,
    formatMs: format.wallMs,
    formatCpuMs: format.cpuMs,
    totalMs: steps.reduce((sum, step) => sum + step.wallMs, 0),
    totalCpuMs: steps.reduce((sum, step) => sum + step.cpuMs, 0),
    csvBytes: format.value,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
