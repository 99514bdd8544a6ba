/**
 * The report's data-stage appendix and the audit page name each node in the page's language: the coverage table by
 * the tree's English name in English, the overall index by its own name (总指数 in Chinese).
 */
import { describe, expect, it } from "vitest";
import { auditIndex } from "../../../src/core/audit/audit.js";
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import { dataStageAppendix } from "../../../src/io/report/appendix.js";
import { formatAuditHtml } from "../../../src/io/report/audit-html.js";

function result() {
  const tree = buildTree([
    { line: 2, code: "X", parent: "", name: "维度X", nameEn: "Dimension X", weight: "", direction: "", attributes: {} },
    { line: 3, code: "X1", parent: "X", name: "专利", nameEn: "Patents", weight: "", direction: "+", attributes: {} },
    { line: 4, code: "X2", parent: "X", name: "研发", weight: "", direction: "+", attributes: {} },
  ]);
  if (!tree.ok) throw new Error("fixture tree is invalid");
  const records = ["U1", "U2", "U3"].flatMap((unit, u) =>
    [2017, 2018].flatMap((year, y) => [
      { unit, year, indicator: "X1", value: 10 + u + 2 * y },
      { unit, year, indicator: "X2", value: 5 + 3 * u - y },
    ]),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error("fixture panel is invalid");
  return computeIndex(tree.value, panel.value, {});
}

describe("names in the page's language", () => {
  it("the coverage table of the appendix: the English name in English (the Chinese one where the tree has none), the Chinese in Chinese", () => {
    const names = (language: "zh" | "en") => {
      const coverage = dataStageAppendix(result(), language)[0].table;
      const column = coverage.columns.findIndex((candidate) => candidate.name === "name");
      return coverage.rows.map((row) => row[column]);
    };
    expect(names("en")).toEqual(["Patents", "研发"]);
    expect(names("zh")).toEqual(["专利", "研发"]);
  });

  it("audit.html names the overall index 总指数 in Chinese and Overall index in English, not in English alone", async () => {
    const computed = result();
    const zh = await formatAuditHtml(auditIndex(computed), computed, { language: "zh" });
    expect(zh).toContain("<td>总指数</td>");
    expect(zh).not.toContain("Overall index");
    expect(await formatAuditHtml(auditIndex(computed), computed, { language: "en" })).toContain("<td>Overall index</td>");
  });
});
