/**
 * `report --audit`: the dashboard's #audit holds the pooled audit of the index, the same figures the `audit` command
 * writes (its correlations.csv and importance.csv, which test/core/audit/reference.test.ts holds against base R).
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { makeTempDir, runCli } from "../helpers.js";

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url), "utf8");
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A CSV file's rows as objects keyed by header. */
async function rows(path: string): Promise<Record<string, string>[]> {
  const table = parseCsv(await readFile(path, "utf8"), path);
  return table.rows.map(({ cells }) => Object.fromEntries(table.header.map((name, i) => [name.replace(/^\uFEFF/, ""), cells[i] ?? ""])));
}

describe("report --audit", () => {
  it("fills #audit with the audit command's pooled correlations and effective weights", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("audit/tree.csv"), "values.csv": await fixture("audit/values.csv") });
    folders.push(dir);
    const method = ["-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight", "-q"];
    expect((await runCli(["report", ...method, "--audit", "-o", "page"], dir)).code).toBe(0);
    expect((await runCli(["audit", ...method, "-o", "audit"], dir)).code).toBe(0);
    const html = await readFile(join(dir, "page/report.html"), "utf8");
    const opening = '<script id="dashboard-data" type="application/json">';
    const data = JSON.parse(html.slice(html.indexOf(opening) + opening.length, html.indexOf("</script>", html.indexOf(opening))));
    const audit = data.audit as { correlations: { group: string; codes: string[]; matrix: (number | null)[] }[]; weights: { code: string; nominal: number; effective: number }[] };
    expect(audit.correlations.length).toBeGreaterThan(0);
    const siblings = (await rows(join(dir, "audit/correlations.csv"))).filter((row) => row.period === "all" && row.relation === "sibling");
    let compared = 0;
    for (const { group, codes, matrix } of audit.correlations)
      codes.forEach((a, i) =>
        codes.forEach((b, j) => {
          if (i === j) return expect(matrix[i * codes.length + j]).toBe(1);
          const row = siblings.find((candidate) => candidate.group === group && ((candidate.a === a && candidate.b === b) || (candidate.a === b && candidate.b === a)));
          if (!row || row.pearson === "") return expect(matrix[i * codes.length + j]).toBeNull();
          expect(matrix[i * codes.length + j]!).toBeCloseTo(Number(row.pearson), 4);
          compared++;
        }),
      );
    expect(compared).toBeGreaterThan(0);
    const importance = (await rows(join(dir, "audit/importance.csv"))).filter((row) => row.period === "all");
    for (const { code, nominal, effective } of audit.weights) {
      const row = importance.find((candidate) => candidate.code === code)!;
      expect(nominal).toBeCloseTo(Number(row.weight), 4);
      if (row.r2_parent_share !== "") expect(effective).toBeCloseTo(Number(row.r2_parent_share), 4);
    }
  });
});
