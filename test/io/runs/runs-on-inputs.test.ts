/**
 * A runs folder where a run reads its inputs is refused (`refuseRunsOnInputs`): here the globs a `.sql` query reads by
 * (`globReachesRuns`), and the wording of `runs publish` and `rollback`.
 */
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { globReachesRuns, refuseRunsOnInputs } from "../../../src/io/runs/runs-on-inputs.js";
import { makeTempDir } from "../../helpers.js";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("globReachesRuns", () => {
  // Each case worked out by hand from what a run writes in its runs folder R: R/LATEST, R/.lock, R/.LATEST.<pid>.tmp,
  // R/.staging-<id>/…, R/<id>/index.csv and the other outputs.
  const P = "/p";
  it.each([
    // The pattern's folder part is the runs folder: refused when the file part may name what a run writes there
    // (LATEST, .lock and its files, a staging or run folder): data/* reads data/LATEST.
    ["data/*", "data", true],
    ["data/L*", "data", true],
    ["data/.lock*", "data", true],
    ["data/2026*", "data", true],
    // ...and not when it cannot: no run writes a .csv file, nor x.csv, directly in its runs folder (a reviewer's case:
    // runs: data/runs beside year folders read by data/*/*.csv, which the projects guide suggests).
    ["data/*.csv", "data", false],
    ["data/x.csv", "data", false],
    ["data/*/*.csv", "data/runs", false],
    ["*.csv", ".", false],
    // `**` reaches every folder under data: R/<id>/index.csv is matched by data/**/*.csv; a .txt by nothing a run writes.
    ["data/**/*.csv", "data", true],
    ["data/**/*.csv", "data/runs", true],
    ["data/**/*.csv", "data/a/b/c", true],
    ["data/**", "data/runs", true],
    ["data/**/*.json", "data/runs", true],
    ["data/**/*.txt", "data/runs", false],
    // A wildcard folder part matches the runs folder (data/2024 by data/*), whose file part may name LATEST; or reaches
    // into the run folders from above (data/<id>/index.csv by data/*/index.csv, or data/*/*.csv, with runs: data).
    ["data/*/*", "data/2024", true],
    ["data/*/index.csv", "data", true],
    ["data/*/*.csv", "data", true],
    ["data/20??/*", "data/2024", true],
    ["data/[0-9]*/L*", "data/2024", true],
    ["data/*/x.csv", "data/2024", false],
    // A literal next segment that is a name a run writes there: runs: . beside LATEST/x.csv (absurd, but reached).
    ["LATEST/*.csv", ".", true],
    // Out of reach: a single-level * matches no `/`, so nothing under data/runs; a literal folder no run writes.
    ["data/*.csv", "data/runs", false],
    ["data/*", "data/runs", false],
    ["data/*.csv", ".", false],
    ["data/*.csv", "runs", false],
    ["data/**/*.csv", "runs", false],
    ["data/*/x.csv", "other/2024", false],
    ["data/20??/*.csv", "data/runs", false],
    ["data/[!r]*/*.csv", "data/runs", false],
    ["data/*/x.csv", "data/2024/runs", false],
  ] as const)("%s with runs: %s → %s", (pattern, runs, reached) => {
    expect(globReachesRuns(join(P, pattern), join(P, runs))).toBe(reached);
  });
});

describe("refuseRunsOnInputs with a query's globs", () => {
  it("refuses runs: data beside a query reading data/*, naming runs:'s line, the query and the pattern; accepts runs: data/runs", async () => {
    const dir = await makeTempDir({ "values.sql": "SELECT 1", "data/x.csv": "unit,year\n" });
    folders.push(dir);
    const patterns = [{ pattern: join(dir, "data/*"), label: "data/*", query: "values.sql" }];
    const base = { values: join(dir, "values.sql"), inputs: [{ path: join(dir, "data/x.csv"), label: "data/x.csv" }], patterns };
    const refusal = () => refuseRunsOnInputs({ ...base, runsDir: join(dir, "data"), runs: "data", where: "index.yaml:4" });
    expect(refusal).toThrow(expect.objectContaining({ code: "E_OUT_IS_INPUT", message: outputMessages.runsMatchedByQuery("index.yaml:4", "data", "values.sql", "data/*") }));
    expect(outputMessages.runsMatchedByQuery("index.yaml:4", "data", "values.sql", "data/*")).toBe(
      'index.yaml:4: runs: "data" is a folder the query values.sql reads by the pattern "data/*": the LATEST, lock and run folders a run writes there would be read by the next run\'s query; expected a runs: folder the pattern cannot reach, such as runs, or a subfolder below a pattern without **',
    );
    // Through a link to data (compared by real paths), and with publish's wording.
    await symlink(join(dir, "data"), join(dir, "data-link"));
    expect(() => refuseRunsOnInputs({ ...base, runsDir: join(dir, "data-link"), runs: "data-link", where: "--runs", action: "publish" })).toThrow(
      outputMessages.runsMatchedByQuery("--runs", "data-link", "values.sql", "data/*", "publish"),
    );
    // data/runs (not there yet, as before a first run): a single-level * matches nothing under it.
    expect(refuseRunsOnInputs({ ...base, runsDir: join(dir, "data/runs"), runs: "data/runs", where: "index.yaml:4" })).toBeUndefined();
    // data/** reaches it.
    const recursive = [{ pattern: join(dir, "data/**/*.csv"), label: "data/**/*.csv", query: "tree.csv:3" }];
    expect(() => refuseRunsOnInputs({ ...base, patterns: recursive, runsDir: join(dir, "data/runs"), runs: "data/runs", where: "index.yaml:4" })).toThrow(
      outputMessages.runsMatchedByQuery("index.yaml:4", "data/runs", "tree.csv:3", "data/**/*.csv"),
    );
  });

  it("says publish and rollback in their own words: the values folder of the project's runs, an input of them", async () => {
    const dir = await makeTempDir({ "data/2017.csv": "unit,year\n", "tree.csv": "code\n", "ahp.csv": "group\n" });
    folders.push(dir);
    await mkdir(join(dir, "runs"));
    const inputs = [
      { path: join(dir, "tree.csv"), label: "tree.csv" },
      { path: join(dir, "ahp.csv"), label: "ahp.csv" },
    ];
    const at = { values: join(dir, "data"), inputs, where: "index.yaml:4" };
    for (const action of ["publish", "rollback"] as const) {
      expect(() => refuseRunsOnInputs({ ...at, runsDir: join(dir, "data"), runs: "data", action })).toThrow(outputMessages.runsToPublishIsValuesFolder(action, "index.yaml:4", "data"));
      expect(() => refuseRunsOnInputs({ ...at, runsDir: join(dir, "ahp.csv"), runs: "ahp.csv", action })).toThrow(
        outputMessages.runsToPublishIsInput(action, "index.yaml:4", "ahp.csv", "ahp.csv", true),
      );
    }
    expect(outputMessages.runsToPublishIsValuesFolder("rollback", "index.yaml:4", "data")).toBe(
      'index.yaml:4: runs: "data" is the values folder the project\'s runs read, whose files are all read as values: the LATEST that runs rollback would write there would be read as values by the next run; expected another runs: folder, such as runs, or a subfolder of the values folder (subfolders are not read)',
    );
    // A tree at runs/LATEST: its LATEST would be written over the tree.
    await writeFile(join(dir, "runs/LATEST"), "code\n");
    const onLatest = { ...at, inputs: [{ path: join(dir, "runs/LATEST"), label: "runs/LATEST" }], runsDir: join(dir, "runs"), runs: "runs", where: "--runs" };
    expect(() => refuseRunsOnInputs({ ...onLatest, action: "publish" })).toThrow(outputMessages.runsToPublishIsInput("publish", "--runs", "runs", "runs/LATEST", false));
    expect(outputMessages.runsToPublishIsInput("publish", "--runs", "runs", "runs/LATEST", false)).toBe(
      '--runs "runs" would have runs publish put its own files (LATEST, the lock, temporary files) at runs/LATEST, an input of the project\'s runs (read as the indicator tree, the values or another input), and an input is never overwritten; expected another --runs folder',
    );
    // compute's own wording, without an action.
    expect(() => refuseRunsOnInputs({ ...onLatest, where: "index.yaml:4" })).toThrow(outputMessages.runsIsInput("index.yaml:4", "runs", "runs/LATEST", false));
  });
});
