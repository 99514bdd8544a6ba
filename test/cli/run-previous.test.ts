/**
 * What `previous` names, and runs whose files no longer match their manifest:
 * - `previous` (diff's default, `diff previous`, `verify previous`, `report --run previous`) is the run the latest
 *   run's manifest records as `previous`, the run LATEST named when it was made, which its revision line compared
 *   with; never a complete run that was never published (left by a run stopped before it moved LATEST);
 * - the revision line of compute, and diff, check the files they read of a run against its manifest: compute warns
 *   (W_RUN_CHANGED) and does not compare, diff refuses (E_RUN_CHANGED), naming the file.
 */
import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { terminalMessages } from "../../src/core/terminal-messages.js";
import { editByHand, makeTempDir, runCli } from "../helpers.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const latest = async (dir: string) => (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
const manifestOf = async (dir: string, id: string) => JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
const warning = (message: string) => `warning: ${message}\n`;

/** A project of one unit and two indicators over 2017-2018; `a2018` is the value of A in 2018. */
async function makeProject(a2018 = 15): Promise<string> {
  return makeTempDir({
    "index.yaml": "name: previous\nindicators: indicators.csv\nvalues: values.csv\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
    "values.csv": values(a2018),
  });
}

const values = (a2018: number) => `unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,${a2018}\nU1,2018,B,30\n`;

/** Runs compute (exit 0 expected) and returns its run's id and what it printed. */
async function compute(dir: string, ...flags: string[]): Promise<{ id: string; stderr: string }> {
  const run = await runCli(["compute", ...flags], dir);
  expect(run.code, run.stderr).toBe(0);
  return { id: await latest(dir), stderr: run.stderr };
}

/**
 * Run A published; run U of wrong data complete but never published (LATEST put back on A, as a run stopped between
 * its rename and moving LATEST leaves it); run B of the corrected data published after it.
 */
async function withUnpublishedRun(): Promise<{ dir: string; a: string; u: string; b: string; stderr: string }> {
  const dir = await makeProject();
  const { id: a } = await compute(dir, "-q");
  await editByHand(join(dir, "values.csv"), values(15_000));
  const { id: u } = await compute(dir, "-q");
  await editByHand(join(dir, "runs/LATEST"), `${a}\n`);
  // A run stopped before it moved LATEST wrote no line in the publication history either: U's two lines taken out.
  const history = await readFile(join(dir, "runs/PUBLISHED.log"), "utf8");
  await editByHand(join(dir, "runs/PUBLISHED.log"), history.split("\n").filter((line) => !line.includes(`,${u},`)).join("\n"));
  await editByHand(join(dir, "values.csv"), values(12));
  const { id: b, stderr } = await compute(dir);
  expect(a < u && u < b).toBe(true);
  return { dir, a, u, b, stderr };
}

describe("previous: the run published before the latest, as its manifest records it", () => {
  it("after a run that was never published, the revision line, diff, diff previous, verify previous and report --run previous all name the run LATEST named before", async () => {
    const { dir, a, u, b, stderr } = await withUnpublishedRun();
    expect(stderr).toContain(warning(outputMessages.unpublishedRun(`runs/${u}`, a)));
    expect(stderr).toContain(`revisions against run ${a}: `);
    // Each manifest records the run LATEST named when it was made: none for the first run.
    expect((await manifestOf(dir, a)).previous).toBeNull();
    expect((await manifestOf(dir, u)).previous).toBe(a);
    expect((await manifestOf(dir, b)).previous).toBe(a);

    // diff with no run named compares A with B, as the line did (2018: A 15 -> 12), as diff A latest does.
    const named = await runCli(["diff", a, "latest"], dir);
    expect(named.code, named.stderr).toBe(0);
    // One input (A 2018), two outputs (its score and INDEX 2018) and one file (values.csv) changed.
    const counts = (changed: number) => ({ changed, added: 0, removed: 0 });
    expect(named.stderr).toBe(terminalMessages.diffSummary(`runs/${a}`, `runs/${b}`, counts(1), counts(2), 1));
    expect(named.stdout).toMatch(/input +changed +U1 +2018 +A +15\.0000 +12\.0000/);
    for (const args of [["diff"], ["diff", "previous"], ["diff", "previous", "latest"]]) expect(await runCli(args, dir), args.join(" ")).toEqual(named);

    // verify previous checks A; report --run previous names A (whose inputs are not the project's current ones).
    const verified = await runCli(["verify", "previous"], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toMatch(new RegExp(`^runs/${a.replace(/\./g, "\\.")}: all \\d+ files match manifest\\.json\\n$`));
    const report = await runCli(["report", "--run", "previous", "--static"], dir);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(new RegExp(`^error: runs/${a.replace(/\./g, "\\.")} was computed from other inputs`));
  });

  it("a latest run of an older version (no previous in its manifest): the run before it in id order", async () => {
    const { dir, u, b } = await withUnpublishedRun();
    const manifest = await manifestOf(dir, b);
    delete manifest.previous;
    await editByHand(join(dir, "runs", b, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    const verified = await runCli(["verify", "previous"], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr.startsWith(`runs/${u}: all `)).toBe(true);
    // The manifest without the field still serves --if-changed and verify.
    expect((await runCli(["compute"], dir)).stderr).toBe(projectMessages.unchanged(b) + "\n");
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });

  it("a previous that names no run folder, or is not a run id: exit 1 naming the manifest", async () => {
    const { dir, b } = await withUnpublishedRun();
    const manifest = await manifestOf(dir, b);
    for (const previous of ["20200101T000000.000Z-00000000", "last year", 42]) {
      await editByHand(join(dir, "runs", b, "manifest.json"), JSON.stringify({ ...manifest, previous }, null, 2) + "\n");
      const refused = await runCli(["diff"], dir);
      expect(refused).toEqual({
        code: 1,
        stdout: "",
        stderr: `error: ${projectMessages.previousUnusable(`runs/${b}/manifest.json`, JSON.stringify(previous), "runs")}\n`,
      });
    }
  });

  it("the first run has no previous run: each command says so in its own words; verify and report accept a start of an id", async () => {
    const dir = await makeProject();
    const { id } = await compute(dir, "-q");
    expect(await runCli(["diff"], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${projectMessages.noPreviousRun("runs", id, "diff")}\n` });
    expect(await runCli(["verify", "previous"], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${projectMessages.noPreviousRun("runs", id, "verify")}\n` });
    expect(await runCli(["report", "--run", "previous"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${projectMessages.noPreviousRun("runs", id, "report")}\n`,
    });
    // verify names runs as diff and report do: a start of an id, a run that is not there.
    const start = id.slice(0, 15);
    const verified = await runCli(["verify", start], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr.startsWith(`runs/${id}: all `)).toBe(true);
    expect(await runCli(["verify", "20990101"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${projectMessages.unknownRun("20990101", "runs", [id])}\n`,
    });
  });

  it("report with a broken LATEST names the pointer's problem, not a missing run", async () => {
    const dir = await makeProject();
    await compute(dir, "-q");
    await editByHand(join(dir, "runs/LATEST"), "../../etc/passwd\n");
    expect(await runCli(["report", "--static"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: ${outputMessages.latestUnusable(outputMessages.latestNotRunId("runs/LATEST", "../../etc/passwd"), false)}\n`,
    });
  });
});

describe("a run whose files no longer match its manifest", () => {
  /** A project with one run whose index.json had a value edited by hand (same size), and a second run of the same inputs. */
  async function withEditedRun() {
    const dir = await makeProject();
    const { id: first } = await compute(dir, "-q");
    const path = join(dir, "runs", first, "index.json");
    const listed = await readFile(path);
    const text = listed.toString("utf8");
    // INDEX 2018 is (150 + 150) / 2 = 150: one digit changed, so the size stays the same.
    expect(text).toContain("150");
    const edited = Buffer.from(text.replace("150", "950"));
    expect(edited.length).toBe(listed.length);
    await editByHand(path, edited);
    const problem = outputMessages.runFileNotAsListed(
      `runs/${first}/index.json`,
      { bytes: listed.length, sha256: sha256(listed) },
      { bytes: edited.length, sha256: sha256(edited) },
    );
    return { dir, first, problem };
  }

  it("compute warns W_RUN_CHANGED and does not compare; diff refuses naming the file, in table and CSV", async () => {
    const { dir, first, problem } = await withEditedRun();
    const { id: second, stderr } = await compute(dir, "--force");
    expect(stderr).toContain(warning(outputMessages.comparedRunChanged(problem, `runs/${first}`)));
    expect(stderr.endsWith(outputMessages.revisionsNotComparedChanged(first) + "\n")).toBe(true);
    expect(stderr).not.toContain(terminalMessages.revisionsNone(first));

    for (const format of ["table", "csv"]) {
      const refused = await runCli(["diff", "--format", format], dir);
      expect(refused, format).toEqual({ code: 1, stdout: "", stderr: `error: ${outputMessages.diffRunChanged(problem, `runs/${first}`)}\n` });
    }
    // The runs named, either way round: the edited run is refused whichever side it is on.
    expect((await runCli(["diff", second, first], dir)).stderr).toBe(`error: ${outputMessages.diffRunChanged(problem, `runs/${first}`)}\n`);

    // With the log as JSON, the warning carries its code (LATEST put back on the edited run to compare with it again).
    await editByHand(join(dir, "runs/LATEST"), `${first}\n`);
    const { stderr: json } = await compute(dir, "--force", "--log-format", "json");
    expect(json).toContain('"W_RUN_CHANGED"');
  });

  it("an input-values.csv removed from the latest run: diff refuses naming it; a folder without a manifest is compared unchecked", async () => {
    const dir = await makeProject();
    const { id: first } = await compute(dir, "-q");
    await editByHand(join(dir, "values.csv"), values(12));
    const { id: second } = await compute(dir, "-q");
    const inputs = await readFile(join(dir, "runs", second, "input-values.csv"));
    await rm(join(dir, "runs", second, "input-values.csv"));
    const problem = outputMessages.runFileNotAsListed(`runs/${second}/input-values.csv`, { bytes: inputs.length, sha256: sha256(inputs) });
    expect(await runCli(["diff", first, second], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${outputMessages.diffRunChanged(problem, `runs/${second}`)}\n` });

    // A manifest that is not JSON cannot say what the run wrote: refused, naming it (exit 1, not a crash).
    await editByHand(join(dir, "runs", second, "input-values.csv"), inputs);
    const manifest = await readFile(join(dir, "runs", second, "manifest.json"), "utf8");
    await editByHand(join(dir, "runs", second, "manifest.json"), manifest.slice(0, 40));
    const damaged = await runCli(["diff", first, second], dir);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(new RegExp(`^error: runs/${second.replace(/\./g, "\\.")}/manifest\\.json is not valid JSON \\(.+\\); expected the manifest\\.json compute writes in every run folder\n$`));
    await editByHand(join(dir, "runs", second, "manifest.json"), manifest);

    // An --out folder has no manifest: nothing to check it against, it is compared as it is.
    expect((await runCli(["compute", "-q", "--out", "out"], dir)).code).toBe(0);
    const compared = await runCli(["diff", `runs/${first}`, "out", "--format", "csv"], dir);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain("output,changed,U1,2018,A,");
  });
});
