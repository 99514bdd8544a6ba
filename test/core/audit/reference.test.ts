/**
 * Every statistic of the audit against an independent computation in base R (test/fixtures/audit/reference.R, R 4.2.2,
 * written from the published definitions: R's cor(use = "pairwise.complete.obs"), sd, var and eigen, e1071 type 2
 * skewness and kurtosis, COINr's winsorise loop, Cronbach's formula, the binned correlation ratio), whose output is
 * committed as test/fixtures/audit/expected.csv. Two cases, each computed from the raw values on both sides (min-max
 * over all unit-years, arithmetic means, missing children left out and the others reweighted):
 * (a) hand-made: 8 units × 4 years, a three-level tree with a one-child group, gaps (one indicator at 62.5% coverage),
 *     an outlier, a near-constant indicator, a collinear pair and a negative pair;
 * (b) COINr's ASEM data (test/fixtures/asem: 51 countries, 2018-2022, 12 indicators with gaps, weights 0.5/0.3/0.2).
 * Every value within 1e-10 (relative above 1); every NA of R is an empty value with a note here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditIndex, type Audit, type AuditPeriod } from "../../../src/core/audit/audit.js";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { parseDataCsv } from "../../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";

const read = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

function auditOf(treePath: string, valuesPath: string): Audit {
  const tree = parseTreeCsv(read(treePath), treePath);
  const parsed = parseDataCsv(read(valuesPath), valuesPath);
  if (!parsed.ok) throw new Error("the fixture's values do not parse");
  const panel = buildPanel(tree, parsed.value.filter((record) => tree.byCode.has(record.indicator)));
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return auditIndex(computeIndex(tree, panel.value, { normalize: "min-max", missing: "reweight" }));
}

interface Expected {
  table: string;
  period: string;
  key: string;
  statistic: string;
  value: number;
}
const expected = new Map<string, Expected[]>();
for (const line of read("audit/expected.csv").trim().split("\n").slice(1)) {
  const [name, table, period, key, statistic, value] = line.split(",");
  if (!expected.has(name)) expected.set(name, []);
  expected.get(name)!.push({ table, period, key, statistic, value: value === "NA" ? Number.NaN : Number(value) });
}

const CASES: Record<string, [tree: string, values: string]> = {
  "hand-made": ["audit/tree.csv", "audit/values.csv"],
  asem: ["asem/tree-scaling.csv", "asem/values.csv"],
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const periodOf = (text: string): AuditPeriod => (text === "all" ? "all" : Number(text));

/** The audit's value for an entry of expected.csv, and the notes of its row. */
function lookUp(audit: Audit, entry: Expected): { value: number; notes: string[] } {
  const period = periodOf(entry.period);
  const field = camel(entry.statistic);
  const pick = <T extends { period: AuditPeriod }>(rows: T[], match: (row: T) => boolean): T => {
    const found = rows.filter((row) => row.period === period && match(row));
    if (found.length !== 1) throw new Error(`${entry.table} ${entry.period} ${entry.key}: ${found.length} rows`);
    return found[0];
  };
  switch (entry.table) {
    case "statistics": {
      const row = pick(audit.statistics, (row) => row.indicator === entry.key);
      return { value: row[field as "mean"], notes: row.notes };
    }
    case "correlations": {
      const [relation, a, b] = entry.key.split(":");
      const row = pick(audit.correlations, (row) => row.relation === relation && row.a === a && row.b === b);
      return { value: row[field as "pearson"], notes: row.note ? [row.note] : [] };
    }
    case "cronbach": {
      const row = pick(audit.cronbach, (row) => row.group === entry.key);
      return { value: row[field as "alpha"], notes: row.note ? [row.note] : [] };
    }
    case "pca": {
      const [group, component] = entry.key.split(":");
      const row = pick(audit.pca, (row) => row.group === group && row.component === Number(component));
      return { value: row[field as "eigenvalue"], notes: row.note ? [row.note] : [] };
    }
    case "importance": {
      const row = pick(audit.importance, (row) => row.code === entry.key);
      return { value: row[field as "r2Parent"], notes: row.notes };
    }
    default:
      throw new Error(`unknown table ${entry.table}`);
  }
}

describe("auditIndex(result) against the R reference", () => {
  it("covers both cases of expected.csv", () => {
    expect([...expected.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))("%s: every statistic within 1e-10, every NA empty with a note", (name) => {
    const audit = auditOf(...CASES[name]);
    const entries = expected.get(name)!;
    let worst = 0;
    let missing = 0;
    for (const entry of entries) {
      const { value, notes } = lookUp(audit, entry);
      if (Number.isNaN(entry.value)) {
        missing++;
        expect(value, `${entry.table} ${entry.period} ${entry.key} ${entry.statistic}`).toBeNaN();
        expect(notes.length, `${entry.table} ${entry.period} ${entry.key}: a note`).toBeGreaterThan(0);
        continue;
      }
      const error = Math.abs(value - entry.value) / Math.max(1, Math.abs(entry.value));
      if (!(error <= 1e-10)) throw new Error(`${entry.table} ${entry.period} ${entry.key} ${entry.statistic}: ${value}, R ${entry.value}`);
      worst = Math.max(worst, error);
    }
    expect(worst).toBeLessThanOrEqual(1e-10);
    // The reference has undefined values (the one-child group, short per-year series) and the audit has no row R lacks.
    if (name === "hand-made") expect(missing).toBeGreaterThan(0);
    const count = (table: string) => new Set(entries.filter((entry) => entry.table === table).map((entry) => `${entry.period}|${entry.key}`)).size;
    expect(audit.statistics.length).toBe(count("statistics"));
    expect(audit.correlations.length).toBe(count("correlations"));
    expect(audit.cronbach.length).toBe(count("cronbach"));
    expect(audit.pca.length).toBe(count("pca"));
    expect(audit.importance.length).toBe(count("importance"));
  });
});
