/**
 * Step 6 of docs/tutorial.md and docs/zh/tutorial.md, the yearly project, run as written: `init`, the first run on
 * examples/tutorial/data/2017-2019.csv, 2020.csv added, the 2019 correction (A31: 52 -> 53), `diff`, and the unchanged
 * run. Each console block shows
 * what the tool prints in the tutorial's language (the Chinese one as a Chinese system prints it), but for run ids and
 * file digests, which differ on every machine; a line `…` stands for lines left out, and a block without one is whole.
 * (Steps 2 to 5 are test/examples/tutorial.test.ts.)
 */
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli, type CliRun } from "../helpers.js";
import { expectShown, linesOf, shownBlocks } from "./console-blocks.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = { en: "docs/tutorial.md", zh: "docs/zh/tutorial.md" } as const;
const YEARS = ["2017", "2018", "2019", "2020"];
/** The shipped per-year values files step 6 copies into the project. */
const yearFile = (year: string) => join(ROOT, "examples/tutorial/data", `${year}.csv`);
/** The row of A31 in 2019 before and after the correction, as the tutorials tell the reader to edit it. */
const [UNCORRECTED, CORRECTED] = ["常州高新区,2019,A31,52,published", "常州高新区,2019,A31,53,published"];

describe("examples/tutorial/data", () => {
  it("holds data/changzhou/values.csv split by year: its header, then its rows of that year, in its order", async () => {
    const [header, ...rows] = linesOf(await readFile(join(ROOT, "data/changzhou/values.csv"), "utf8"));
    for (const year of YEARS) {
      const shipped = await readFile(yearFile(year), "utf8");
      expect(shipped, year).toBe([header, ...rows.filter((row) => row.split(",")[1] === year)].join("\n") + "\n");
      // 40 indicators a year, each with its source (published or illustrative), as the shipped example has them.
      expect(linesOf(shipped), year).toHaveLength(41);
    }
    expect(await readFile(yearFile("2019"), "utf8")).toContain(`\n${UNCORRECTED}\n`);
  });
});

/** A run id (`20261204T044656.556Z-4119a31e`) and a file's digest (`sha256:ea9a1d22380b`) as placeholders of the same width. */
const machineFree = (line: string) => line.replace(/\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}/g, "RUN-ID-----------------------------").replace(/sha256:[0-9a-f]{12}/g, "sha256:DIGEST------");

/** What a terminal shows: stdout then stderr, or (`diff`, whose summary comes before its table) stderr first. */
const printed = (run: CliRun, stderrFirst = false) => (stderrFirst ? [...linesOf(run.stderr), ...linesOf(run.stdout)] : [...linesOf(run.stdout), ...linesOf(run.stderr)]);

describe.each(Object.entries(DOCS))("%s, step 6", (language, path) => {
  it("shows what init, compute and diff print in the tutorial's language, the diff table whole", async () => {
    const doc = await readFile(join(ROOT, path), "utf8");
    // The reader copies the shipped files and edits A31's row as the tutorial says.
    for (const year of ["2017", "2018", "2019"]) expect(doc).toContain(`\ncp examples/tutorial/data/${year}.csv changzhou-index/data/${year}.csv\n`);
    expect(doc).toContain("`cp ../examples/tutorial/data/2020.csv data/2020.csv`");
    expect(doc).toContain(`\`${UNCORRECTED}\``);
    expect(doc).toContain(`\`${CORRECTED}\``);
    const lang = language === "zh" ? "zh" : "en";
    const dir = await makeTempDir();
    const init = await runCli(["init", "changzhou-index"], dir, { language: lang });
    expect(init.code, init.stderr).toBe(0);
    const project = join(dir, "changzhou-index");
    // The shipped tree, and the shipped values files of 2017-2019, which replace init's examples of 2017 and 2018.
    expect((await readdir(join(project, "data"))).filter((name) => /\.(csv|xlsx)$/.test(name)).sort()).toEqual(["2017.csv", "2018.csv"]);
    await copyFile(join(ROOT, "indicators/changzhou-2020.csv"), join(project, "indicators.csv"));
    for (const year of ["2017", "2018", "2019"]) await copyFile(yearFile(year), join(project, "data", `${year}.csv`));
    const cli = async (argv: string[]) => {
      const run = await runCli(argv, project, { language: lang });
      expect(run.code, `${argv.join(" ")}: ${run.stderr}`).toBe(0);
      return run;
    };
    const first = await cli(["compute"]);
    await copyFile(yearFile("2020"), join(project, "data", "2020.csv"));
    const added = await cli(["compute"]);
    const uncorrected = await readFile(join(project, "data", "2019.csv"), "utf8");
    await writeFile(join(project, "data", "2019.csv"), uncorrected.replace(`\n${UNCORRECTED}\n`, `\n${CORRECTED}\n`));
    const corrected = await cli(["compute"]);
    expect(corrected.stderr).toMatch(/INDEX 常州高新区 2019 186\.1327 -> 186\.1958 \(\+0\.0631\)/);
    const diff = await cli(["diff"]);
    const unchanged = await cli(["compute"]);

    expectShown(shownBlocks(doc, "innovation-index init changzhou-index")[0], printed(init), `${path}, init`, machineFree);
    // The Chinese tutorial tells of 2020's run without showing it.
    const computes = language === "zh" ? [first, corrected, unchanged] : [first, added, corrected, unchanged];
    const blocks = shownBlocks(doc, "innovation-index compute");
    expect(blocks).toHaveLength(computes.length);
    blocks.forEach((block, i) => expectShown(block, printed(computes[i]), `${path}, compute (block ${i + 1})`, machineFree));
    const [diffBlock] = shownBlocks(doc, "innovation-index diff");
    expect(diffBlock).not.toContain("…");
    expectShown(diffBlock, printed(diff, true), `${path}, diff`, machineFree);
  });
});
