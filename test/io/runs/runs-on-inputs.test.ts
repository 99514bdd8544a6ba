/**
 * A runs folder where a run reads its inputs is refused (`refuseRunsOnInputs`): here the globs a `.sql` query reads by
 * (`globReachesRuns`), and the wording of `runs publish` and `rollback`.
 */
import { symlinkSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { openDuckdb } from "../../../src/io/read/duckdb.js";
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
    // ...and the publication history, PUBLISHED.log, by data/*.log...
    ["data/*.log", "data", true],
    ["data/P*", "data", true],
    // ...and not when it cannot: no run writes a .csv file, nor x.csv, directly in its runs folder (a reviewer's case:
    // runs: data/runs beside year folders read by data/*/*.csv, which the projects guide suggests; the history is a
    // .log so that this stays so).
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
    // data/runs (not there yet, as before a first run): a single-level * matches nothing under it. No warning: data/*
    // goes into no folder (its one segment matches files), so no link is looked for.
    expect(refuseRunsOnInputs({ ...base, runsDir: join(dir, "data/runs"), runs: "data/runs", where: "index.yaml:4" })).toEqual([]);
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

describe("globReachesRuns with a backslash", () => {
  // DuckDB splits a glob at `\` as at `/`, on every platform (checked below against DuckDB itself); a folder's real path
  // is split at `\` on Windows only: on Linux and macOS `r\s` is one folder.
  it.each([
    // runs: r\s, one folder under /p on Linux: /p/*/* reads /p/r\s/LATEST (`*` matches the folder `r\s`, `*` LATEST).
    ["/p/*/*", "/p/r\\s", "linux", true],
    // ...and /p/*/*.csv nothing a run writes there (no .csv directly in a runs folder).
    ["/p/*/*.csv", "/p/r\\s", "linux", false],
    // runs: data\x, one folder: the glob data\x/* reads data/x/*, another folder (the text once took them for the same).
    ["/p/data\\x/*", "/p/data\\x", "linux", false],
    // runs: data/x, the folder data\x/* reads: its LATEST.
    ["/p/data\\x/*", "/p/data/x", "linux", true],
    // q\*.csv is no escaped `*`: DuckDB reads q/*.csv, the files of q; with runs: q/r below it, out of reach.
    ["/p/q\\*.csv", "/p/q/r", "linux", false],
    // On Windows C:\p\r\s is two folders: C:\p\*\* reads C:\p\r\LATEST, not C:\p\r\s\LATEST; C:\p\*\*\* does.
    ["C:\\p\\*\\*", "C:\\p\\r\\s", "win32", false],
    ["C:\\p\\*\\*\\*", "C:\\p\\r\\s", "win32", true],
    ["C:/p/*/*/*", "C:\\p\\r\\s", "win32", true],
  ] as const)("%s with runs %s on %s → %s", (pattern, runs, platform, reached) => {
    expect(globReachesRuns(pattern, runs, platform)).toBe(reached);
  });

  it.skipIf(process.platform === "win32")("reads a backslash in a glob as DuckDB does on Linux and macOS: a folder separator, in the refusal too", async () => {
    // Two folders: `data\x` (one name, holding the runs' own LATEST) and data/x (holding a.csv).
    const dir = await makeTempDir({ "data\\x/LATEST": "20260101T000000.000Z-0123abcd\n", "data/x/a.csv": "unit,year\n", "r\\s/LATEST": "20260101T000000.000Z-0123abcd\n" });
    folders.push(dir);
    const session = await openDuckdb();
    try {
      const listed = async (pattern: string) =>
        (await session.connection.runAndReadAll(`SELECT file FROM glob('${join(dir, pattern)}') ORDER BY file`)).getRowsJS().map(([file]) => relative(dir, String(file)));
      // DuckDB reads data\x/* as data/x/*: a.csv, not data\x/LATEST; and *\* as */*, r\s/LATEST among them.
      expect(await listed("data\\x/*")).toEqual(["data/x/a.csv"]);
      expect(await listed("*\\LATEST")).toEqual(["data\\x/LATEST", "r\\s/LATEST"]);
    } finally {
      session.close();
    }
    const base = { values: join(dir, "values.sql"), inputs: [], where: "index.yaml:4" };
    // runs: data\x beside read_csv('data\x/*'): DuckDB reads data/x, not the runs folder: accepted.
    const backslashed = [{ pattern: join(dir, "data\\x/*"), label: "data\\x/*", query: "values.sql" }];
    expect(refuseRunsOnInputs({ ...base, patterns: backslashed, runsDir: join(dir, "data\\x"), runs: "data\\x" })).toEqual([]);
    // runs: data/x beside it: refused, data/x/LATEST read next time.
    expect(() => refuseRunsOnInputs({ ...base, patterns: backslashed, runsDir: join(dir, "data/x"), runs: "data/x" })).toThrow(
      outputMessages.runsMatchedByQuery("index.yaml:4", "data/x", "values.sql", "data\\x/*"),
    );
    // runs: r\s beside read_csv('*\*'): `*` matches the folder r\s, whose LATEST the second `*` reads: refused.
    const anyFolder = [{ pattern: join(dir, "*\\*"), label: "*\\*", query: "values.sql" }];
    expect(() => refuseRunsOnInputs({ ...base, patterns: anyFolder, runsDir: join(dir, "r\\s"), runs: "r\\s" })).toThrow(
      outputMessages.runsMatchedByQuery("index.yaml:4", "r\\s", "values.sql", "*\\*"),
    );
  });
});

describe("refuseRunsOnInputs with links among a glob's folders", () => {
  const RUN = "20260101T000000.000Z-0123abcd";
  /** A project with values read from data/2024, and a run in runs/ (its index.csv), the link `link` -> `target` made. */
  async function project(links: Record<string, string>, files: Record<string, string> = {}): Promise<string> {
    const dir = await makeTempDir({ "values.sql": "SELECT 1", "data/2024/x.csv": "unit,year\n", [`runs/${RUN}/index.csv`]: "unit\n", "runs/LATEST": `${RUN}\n`, ...files });
    folders.push(dir);
    for (const [link, target] of Object.entries(links)) symlinkSync(target, join(dir, link), "dir");
    return dir;
  }
  const refuse = (dir: string, pattern: string, extra: Partial<Parameters<typeof refuseRunsOnInputs>[0]> = {}) =>
    refuseRunsOnInputs({
      runsDir: join(dir, "runs"),
      runs: "runs",
      where: "index.yaml:4",
      values: join(dir, "values.sql"),
      inputs: [],
      patterns: [{ pattern: join(dir, pattern), label: pattern, query: "values.sql" }],
      ...extra,
    });
  /** What DuckDB's glob lists for `pattern` in `dir`, relative to it. */
  async function listed(dir: string, pattern: string): Promise<string[]> {
    const session = await openDuckdb();
    try {
      return (await session.connection.runAndReadAll(`SELECT file FROM glob('${join(dir, pattern)}') ORDER BY file`)).getRowsJS().map(([file]) => relative(dir, String(file)));
    } finally {
      session.close();
    }
  }

  it.skipIf(process.platform === "win32")("refuses a link to the runs folder the glob goes through, naming it and where it points", async () => {
    const dir = await project({ "data/old": "../runs" });
    // What the gap was: DuckDB reads the run's index.csv through data/old (data/*/*/*.csv: old, the run id, index.csv).
    expect(await listed(dir, "data/*/*/*.csv")).toEqual([`data/old/${RUN}/index.csv`]);
    expect(() => refuse(dir, "data/*/*/*.csv")).toThrow(
      expect.objectContaining({
        code: "E_OUT_IS_INPUT",
        message: outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*/*.csv", "data/old", "../runs", "is"),
      }),
    );
    expect(outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*/*.csv", "data/old", "../runs", "is")).toBe(
      'index.yaml:4: runs: "runs" is reached by the pattern "data/*/*/*.csv" of the query values.sql through the link "data/old", which points to "../runs" (the runs folder itself): the LATEST, lock and run folders a run writes there would be read through it by the next run\'s query; expected no link to the runs folder, into it or to a folder above it among the folders the pattern reads (remove "data/old", or write the pattern so that it leaves the link out), or a runs: folder the link does not lead to',
    );
    // The runs folder itself given through a link (compared by real paths), with publish's wording.
    symlinkSync("runs", join(dir, "runs-link"), "dir");
    expect(() => refuse(dir, "data/*/*/*.csv", { runsDir: join(dir, "runs-link"), runs: "runs-link", where: "--runs", action: "publish" })).toThrow(
      outputMessages.runsReachedThroughLink("--runs", "runs-link", "values.sql", "data/*/*/*.csv", "data/old", "../runs", "is", "publish"),
    );
    // data/*/*.csv reads runs/*.csv through the link: no file a run writes there is a .csv (DuckDB lists none), accepted,
    // as runs: data is beside data/*.csv. data/*/* would read runs/LATEST: refused.
    expect(await listed(dir, "data/*/*.csv")).toEqual(["data/2024/x.csv"]);
    expect(refuse(dir, "data/*/*.csv")).toEqual([]);
    expect(() => refuse(dir, "data/*/*")).toThrow(outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*", "data/old", "../runs", "is"));
    // Under ** too, though DuckDB 1.5 follows no link below ** (it lists data/2024/x.csv only): refused rather than read.
    expect(await listed(dir, "data/**/*.csv")).toEqual(["data/2024/x.csv"]);
    expect(() => refuse(dir, "data/**/*.csv")).toThrow(outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/**/*.csv", "data/old", "../runs", "is"));
  });

  it.skipIf(process.platform === "win32")("accepts a link elsewhere, and one into itself, which ends", async () => {
    // data/ext -> ../elsewhere (holding 2024/y.csv), data/self -> . (data itself): neither leads to runs.
    const dir = await project({ "data/ext": "../elsewhere", "data/self": "." }, { "elsewhere/2024/y.csv": "unit,year\n" });
    expect(refuse(dir, "data/*/*/*.csv")).toEqual([]);
    expect(refuse(dir, "data/**/*.csv")).toEqual([]);
    // A link from elsewhere back to runs, reached through data/ext: elsewhere/back -> ../runs, read by data/*/*/*/*.csv
    // (ext, back, the run id, index.csv): refused, naming the link as the glob reaches it.
    symlinkSync("../runs", join(dir, "elsewhere/back"), "dir");
    expect(await listed(dir, "data/*/*/*/*.csv")).toContain(`data/ext/back/${RUN}/index.csv`);
    expect(() => refuse(dir, "data/*/*/*/*.csv")).toThrow(
      outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*/*/*.csv", "data/ext/back", "../runs", "is"),
    );
  });

  it.skipIf(process.platform === "win32")("refuses a link to a folder above the runs folder when the rest of the glob reaches its runs, a link into it too", async () => {
    // data/up -> .. (the project's folder, which holds runs): data/*/*/*/*.csv reads up/runs/<id>/index.csv.
    const dir = await project({ "data/up": ".." });
    expect(await listed(dir, "data/*/*/*/*.csv")).toContain(`data/up/runs/${RUN}/index.csv`);
    expect(() => refuse(dir, "data/*/*/*/*.csv")).toThrow(
      outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*/*/*.csv", "data/up", "..", "above"),
    );
    // data/*/*/*.csv reads <project>/*/*.csv through it (runs/LATEST is no .csv, nor data/2024): accepted.
    expect(refuse(dir, "data/*/*/*.csv")).toEqual([]);
    // data/last -> ../runs/<id>, a run folder: data/*/*.csv reads its index.csv, a file of the run folders.
    const into = await project({ "data/last": `../runs/${RUN}` });
    expect(() => refuse(into, "data/*/*.csv")).toThrow(
      outputMessages.runsReachedThroughLink("index.yaml:4", "runs", "values.sql", "data/*/*.csv", "data/last", `../runs/${RUN}`, "inside"),
    );
  });

  it.skipIf(process.platform === "win32")("stops looking past its limits and says so, the run going ahead", async () => {
    // data holds 2024, and 2024 x.csv: two entries in all; with one allowed, data/**/*.csv stops at data's.
    const dir = await project({});
    const warnings = refuse(dir, "data/**/*.csv", { linkSearchLimits: { entries: 1, depth: 64 } });
    expect(warnings).toEqual([
      { code: "W_RUNS_LINKS_UNCHECKED", source: "values.sql", message: outputMessages.runsLinksUnchecked("index.yaml:4", "runs", "values.sql", "data/**/*.csv", "entries", 1) },
    ]);
    expect(outputMessages.runsLinksUnchecked("index.yaml:4", "runs", "values.sql", "data/**/*.csv", "entries", 100000)).toBe(
      'values.sql: the pattern "data/**/*.csv" goes through more than 100,000 folder entries, so not every folder it reads was looked in for a link to the runs folder "runs" (index.yaml:4); through such a link (to the runs folder, or to a folder above it) the next run\'s query would read what a run writes there; expected a pattern that names more of its folders (such as data/2024/*.csv rather than data/**/*.csv), or a check by hand that no link under it leads to the runs folder',
    );
    // Depth: data (0 deep) is looked in, data/2024 (1 deep) is not with a depth of 1.
    expect(refuse(dir, "data/**/*.csv", { linkSearchLimits: { entries: 100, depth: 1 } })).toEqual([
      { code: "W_RUNS_LINKS_UNCHECKED", source: "values.sql", message: outputMessages.runsLinksUnchecked("index.yaml:4", "runs", "values.sql", "data/**/*.csv", "depth", 1) },
    ]);
    // Within them (3 entries, 2 deep): no warning.
    expect(refuse(dir, "data/**/*.csv", { linkSearchLimits: { entries: 3, depth: 2 } })).toEqual([]);
  });
});
