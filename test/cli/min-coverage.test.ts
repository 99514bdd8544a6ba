/**
 * `--min-group-coverage` (index.yaml `methods: min-group-coverage:`) on the ASEM reproduction of the methodologist's
 * finding 1: AUT without its Institutional indicators still got an index and a rank under `--missing reweight`.
 *
 * Expected numbers from an independent python3 computation on test/fixtures/asem (tree-scaling.csv: Environ 0.5,
 * Instit 0.3, SusEcFin 0.2, equal indicator weights): min-max 0-100 per indicator over every unit-year present
 * (100 − s for direction −), each group the mean of the scores present, the index the weighted mean of the groups
 * present (weights renormalised); a group or the index missing where (children with a value)/(children) < threshold:
 *
 *   def agg(pairs, n, t):  # pairs: (weight, score) of the children present, n: number of children
 *       return None if not pairs or (t and len(pairs) / n < t) else sum(w * s for w, s in pairs) / sum(w for w, _ in pairs)
 *
 * AUT 2022: Environ 64.124991, SusEcFin 68.238875, Instit (Visa alone) 77.23593.
 * - Without Instit: INDEX = (0.5·64.124991 + 0.2·68.238875)/0.7 = 65.3004, rank 8 of 51, with or without threshold 0.5
 *   (Instit has no child at all; the index has 2 of 3 groups, 0.667 >= 0.5). At 0.7 the index is missing (0.667 < 0.7):
 *   25 group scores are set missing (AUT's index in 5 years; BGD and BRN, which have gaps of their own, the rest), and
 *   48 units are ranked in 2022.
 * - With Visa alone: INDEX = 0.5·64.124991 + 0.3·77.23593 + 0.2·68.238875 = 68.8810, rank 3, without threshold; at 0.5
 *   Instit (1 of 3) is missing and the index is 65.3004 again, rank 8; 5 group scores set missing (AUT's Instit).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandMessages } from "../../src/core/command-messages.js";
import { checkMessages } from "../../src/core/check-messages.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const ASEM = join(import.meta.dirname, "../fixtures/asem");

/** A folder with the ASEM tree and values, AUT's rows of `dropped` indicators left out. */
async function asemWithout(dropped: readonly string[]): Promise<string> {
  const values = await readFile(join(ASEM, "values.csv"), "utf8");
  const kept = values.split("\n").filter((line) => !dropped.some((indicator) => new RegExp(`^AUT,\\d+,${indicator},`).test(line)));
  return makeTempDir({ "tree.csv": await readFile(join(ASEM, "tree-scaling.csv"), "utf8"), "values.csv": kept.join("\n") });
}

const ARGS = ["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight"];

/** The run's AUT 2022 rows of index.csv and ranks.csv, and its below-coverage rows of imputations.csv. */
async function outputs(dir: string, out: string) {
  const read = async (name: string) => (await readFile(join(dir, out, name), "utf8")).replace(/^\uFEFF/, "").split("\n");
  const index = (await read("index.csv")).filter((line) => line.startsWith("AUT,2022,"));
  const ranks = await read("ranks.csv");
  const below = (await read("imputations.csv")).filter((line) => line.includes(",below-coverage,"));
  const ranked2022 = ranks.filter((line) => /^[A-Z]+,2022,INDEX,.*,\d+,[^,]*$/.test(line)).length;
  return { index, autRank: ranks.find((line) => line.startsWith("AUT,2022,INDEX,")), below, ranked2022 };
}

describe("compute --min-group-coverage", () => {
  it("AUT without Instit: at 0.5 its index is computed from Environ and SusEcFin (2 of 3 groups), as without the option", async () => {
    const dir = await asemWithout(["TBTs", "RTAs", "Visa"]);
    const plain = await runCli([...ARGS, "--out", "plain"], dir);
    const run = await runCli([...ARGS, "--min-group-coverage", "0.5", "--out", "half"], dir);
    expect(run.code).toBe(0);
    const half = await outputs(dir, "half");
    expect(half.index).toContain("AUT,2022,INDEX,Index,0,65.3004");
    expect(half.index).toContain("AUT,2022,Instit,Institutional,1,");
    expect(half.autRank).toBe("AUT,2022,INDEX,Index,0,65.3004,8,-3");
    // No group had a value taken away: nothing recorded, nothing said, and the same tables as without the option.
    expect(half.below).toEqual([]);
    expect(run.stderr).not.toContain("--min-group-coverage");
    // The same text but the output folder's name, where the files are written and where the summary says all units are.
    expect(plain.stderr).toBe(run.stderr.replaceAll(" to half", " to plain").replaceAll("(half/", "(plain/"));
    for (const name of ["index.csv", "ranks.csv", "imputations.csv"])
      expect(await readFile(join(dir, "half", name), "utf8")).toBe(await readFile(join(dir, "plain", name), "utf8"));
  });

  it("AUT without Instit: at 0.7 its index is missing (2/3 < 0.7) and it has no rank; the 25 group scores are in imputations.csv and counted", async () => {
    const dir = await asemWithout(["TBTs", "RTAs", "Visa"]);
    const run = await runCli([...ARGS, "--min-group-coverage", "0.7", "--out", "out"], dir);
    expect(run.code).toBe(0);
    const { index, autRank, below, ranked2022 } = await outputs(dir, "out");
    expect(index).toContain("AUT,2022,INDEX,Index,0,");
    expect(index).toContain("AUT,2022,Environ,Environmental,1,64.1250");
    expect(autRank).toMatch(/^AUT,2022,INDEX,Index,0,,,/);
    expect(ranked2022).toBe(48);
    expect(below).toHaveLength(25);
    expect(below.filter((line) => line.startsWith("AUT,"))).toEqual([2018, 2019, 2020, 2021, 2022].map((year) => `AUT,${year},INDEX,below-coverage,`));
    expect(run.stderr).toContain(commandMessages.belowCoverage(25, true));
  });

  it("AUT with Visa alone: Instit (1 of 3) is missing at 0.5, and the index falls from 68.8810 (rank 3) to 65.3004 (rank 8)", async () => {
    const dir = await asemWithout(["TBTs", "RTAs"]);
    await runCli([...ARGS, "--out", "plain"], dir);
    expect((await outputs(dir, "plain")).autRank).toMatch(/^AUT,2022,INDEX,Index,0,68\.8810,3,/);
    const run = await runCli([...ARGS, "--min-group-coverage", "0.5", "--out", "half"], dir);
    const { index, autRank, below } = await outputs(dir, "half");
    expect(index).toContain("AUT,2022,Instit,Institutional,1,");
    expect(autRank).toMatch(/^AUT,2022,INDEX,Index,0,65\.3004,8,/);
    expect(below).toEqual([2018, 2019, 2020, 2021, 2022].map((year) => `AUT,${year},Instit,below-coverage,`));
    expect(run.stderr).toContain(commandMessages.belowCoverage(5, true));
  });

  it("reads min-group-coverage from index.yaml's methods, as the flag", async () => {
    const dir = await asemWithout(["TBTs", "RTAs", "Visa"]);
    await runCli([...ARGS, "--min-group-coverage", "0.7", "--out", "flag"], dir);
    const yaml = "indicators: tree.csv\nvalues: values.csv\nmethods:\n  normalise: min-max\n  missing: reweight\n  min-group-coverage: 0.7\n";
    await writeFile(join(dir, "index.yaml"), yaml);
    expect((await runCli(["compute", "--project", "index.yaml", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    expect(await readFile(join(dir, "runs", id, "index.csv"), "utf8")).toBe(await readFile(join(dir, "flag/index.csv"), "utf8"));
    expect(await readFile(join(dir, "runs", id, "imputations.csv"), "utf8")).toBe(await readFile(join(dir, "flag/imputations.csv"), "utf8"));
  });

  it("refuses a share outside (0, 1] as a usage error", async () => {
    const dir = await asemWithout([]);
    for (const text of ["0", "1.5", "60%"]) {
      const run = await runCli([...ARGS, "--min-group-coverage", text, "--out", "out"], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(methodMessages.badPairOption("--min-group-coverage", text, checkMessages.expectedOption("share")));
    }
  });
});

describe("uncertainty and audit --min-group-coverage", () => {
  it("uncertainty's nominal index is compute's: AUT's is missing at 0.7, another unit's as compute gives it", async () => {
    const dir = await asemWithout(["TBTs", "RTAs", "Visa"]);
    await runCli([...ARGS, "--min-group-coverage", "0.7", "--out", "out", "--decimals", "4"], dir);
    const run = await runCli(
      ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight", "--min-group-coverage", "0.7", "--weight-noise", "0.2", "-n", "50", "--out", "u", "-q"],
      dir,
    );
    expect(run.code).toBe(0);
    const lines = (await readFile(join(dir, "u/uncertainty.csv"), "utf8")).replace(/^\uFEFF/, "").split("\n");
    const columns = lines[0].split(",");
    const nominalOf = (unit: string) => lines.find((line) => line.startsWith(`${unit},2022,`))!.split(",")[columns.indexOf("index_nominal")];
    expect(nominalOf("AUT")).toBe("");
    const computed = (await readFile(join(dir, "out/index.csv"), "utf8")).split("\n").find((line) => line.startsWith("BEL,2022,INDEX,"))!;
    expect(Number(nominalOf("BEL"))).toBeCloseTo(Number(computed.split(",").at(-1)), 4);
  });

  // Dropping Instit leaves the index Environ and SusEcFin, both present for AUT (2 of 2): python3 as above on the tree
  // without Instit ranks AUT 9, 10, 11, 10, 14 in 2018-2022 (50 units ranked). Dropping any other element leaves the
  // index 2 of 3 groups for AUT, below 0.7: unranked.
  it("audit re-aggregates its drops with it: AUT is unranked at 0.7, except without Instit (ranks 9, 10, 11, 10, 14)", async () => {
    const dir = await asemWithout(["TBTs", "RTAs", "Visa"]);
    const run = await runCli(["audit", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight", "--min-group-coverage", "0.7", "--drop-ranks", "all", "--out", "a", "-q"], dir);
    expect(run.code).toBe(0);
    const ranks = (await readFile(join(dir, "a/sensitivity-drop-ranks.csv"), "utf8")).replace(/^\uFEFF/, "").split("\n");
    const columns = ranks[0].split(",");
    const aut = ranks.filter((line) => line.startsWith("AUT,")).map((line) => line.split(","));
    expect(aut.map((row) => row[columns.indexOf("rank")])).toEqual(["", "", "", "", ""]);
    expect(aut.map((row) => row[columns.indexOf("Instit")])).toEqual(["9", "10", "11", "10", "14"]);
    expect(aut.map((row) => row[columns.indexOf("Environ")])).toEqual(["", "", "", "", ""]);
  });
});
