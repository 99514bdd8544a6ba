/**
 * The shipped Changzhou example (data/changzhou/values.csv, indicators/changzhou-2020.csv) is marked as the project's
 * provenance rule asks and its README says: 17 published figures, the rest illustrative, and the two published figures
 * that carry a caveat (A13's 355, a reading of a cut sentence; A21's odd unit) say so in the tree and in the README.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const text = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), "utf8");

/** Rows of a CSV without quoted fields (these two files have none), as objects by header. */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
}

describe("the shipped Changzhou example", () => {
  it("marks the article's 17 figures published and the other 143 values illustrative", async () => {
    const values = rows(await text("data/changzhou/values.csv"));
    expect(values).toHaveLength(160);
    expect(values.filter((row) => row.source === "published")).toHaveLength(17);
    expect(values.filter((row) => row.source === "illustrative")).toHaveLength(143);
  });

  it("flags A13's 2019 value (355, the likely reading of a cut sentence) in the tree and the README, as A21's unit", async () => {
    const values = rows(await text("data/changzhou/values.csv"));
    expect(values.find((row) => row.indicator === "A13" && row.year === "2019")).toMatchObject({ value: "355", source: "published" });
    const tree = rows(await text("indicators/changzhou-2020.csv"));
    const description = (code: string) => tree.find((row) => row.code === code)!.description;
    expect(description("A13")).toBe("the article's sentence on it is cut; 355 (2019) is only its most likely reading");
    expect(description("A21")).toBe("the article writes the unit as per 10000 people; read as a count");
    const readme = (await text("data/changzhou/README.md")).replace(/\s+/g, " ");
    expect(readme).toContain("A13, R&D institutions (equivalent count): the article's sentence about them is cut; 355 for 2019 is only the most likely reading of it.");
    expect(readme).toContain("A21, invention patents granted in the year: the article writes the unit oddly, as per 10,000 people; 200 and 300 are read as counts.");
  });
});
