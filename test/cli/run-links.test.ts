/**
 * A run folder that is a symbolic link (old runs moved to an archive disk and linked back into `runs/`) is read where it
 * points, the same way by every command: `compute`'s revision summary and `--if-changed`, `verify` and `diff`. The link
 * and what it points to are never changed. A link whose target is gone is named, with its target, not called missing.
 */
import { createHash } from "node:crypto";
import { lstat, readFile, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

const VALUES = "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n";

/** A project whose one run has been moved to `archive` and linked back; returns both folders and the run id. */
async function projectWithLinkedRun(): Promise<{ dir: string; archive: string; id: string }> {
  const dir = await makeTempDir({
    "index.yaml": "name: links\nindicators: indicators.csv\nvalues: values.csv\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
    "values.csv": VALUES,
  });
  const archive = await makeTempDir();
  created.push(dir, archive);
  expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
  const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
  await rename(join(dir, "runs", id), join(archive, id));
  await symlink(join(archive, id), join(dir, "runs", id), "dir");
  return { dir, archive, id };
}

describe("run folders that are symbolic links", () => {
  it.skipIf(process.platform === "win32")("are read through by --if-changed, verify, the revision summary and diff, and left as they are", async () => {
    const { dir, archive, id } = await projectWithLinkedRun();
    const archived = await readdir(join(archive, id));

    // Nothing changed: --if-changed finds the linked run and makes no new one (before, LATEST naming a link was
    // "a run that does not exist", and a second, identical run was made).
    const unchanged = await runCli(["compute", "--if-changed"], dir);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toContain(`unchanged since run ${id}`);
    expect((await readdir(join(dir, "runs"))).sort()).toEqual([id, "LATEST", "PUBLISHED.log"].sort());

    // verify checks the files where they are (verify used to refuse the link as "no such run folder").
    const verified = await runCli(["verify"], dir);
    expect(verified).toMatchObject({ code: 0, stderr: outputMessages.verifyOk(`runs/${id}`, archived.length - 1) + "\n" });

    // A changed value: the new run is compared with the linked one. U1's A in 2018 goes from 15 to 18.
    await writeFile(join(dir, "values.csv"), VALUES.replace("2018,A,15", "2018,A,18"));
    const next = await runCli(["compute"], dir);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain("no usable previous run");
    // Fixed base, equal weights: 2018's index was (15/10 + 30/20)/2 × 100 = 150, now (18/10 + 30/20)/2 × 100 = 165.
    expect(next.stderr).toContain(`revisions against run ${id}: inputs 1 changed, 0 added, 0 removed; outputs 2 changed`);
    // A's score 100·15/10 = 150 -> 180 (+30), more than the index's +15: both named.
    expect(next.stderr).toContain("; largest of the overall index: INDEX U1 2018 150.0000 -> 165.0000 (+15.0000); largest of all outputs: A U1 2018 150.0000 -> 180.0000 (+30.0000) (details");
    const diff = await runCli(["diff", "--format", "csv"], dir);
    expect(diff.code).toBe(0);
    // The values file's SHA-256 (all 64 digits in the CSV, by node:crypto here); the input 15 -> 18 (+3, +20%); the
    // index 150 -> 165 (+15, +10%) and A's score 15/10 × 100 = 150 -> 18/10 × 100 = 180 (+30, +20%).
    const hash = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(diff.stdout).toBe(
      [
        "kind,status,unit,year,code,before,after,change,change_percent",
        `file,changed,,,values.csv,sha256:${hash(VALUES)},sha256:${hash(VALUES.replace("2018,A,15", "2018,A,18"))},,`,
        "input,changed,U1,2018,A,15,18,3,20",
        "output,changed,U1,2018,INDEX,150,165,15,10",
        "output,changed,U1,2018,A,150,180,30,20",
        "",
      ].join("\n"),
    );

    // The link is still a link to the same folder, whose files are as the first run wrote them.
    expect((await lstat(join(dir, "runs", id))).isSymbolicLink()).toBe(true);
    expect((await readdir(join(archive, id))).sort()).toEqual(archived.sort());
    expect((await runCli(["verify", id], dir)).code).toBe(0);
  });

  it.skipIf(process.platform === "win32")("a link whose target is gone is named with its target, by compute, verify, diff and report", async () => {
    const { dir, archive, id } = await projectWithLinkedRun();
    const target = join(archive, id);
    await rename(target, `${target}.unmounted`);

    const run = await runCli(["compute"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(outputMessages.latestNamesMissingRun("runs/LATEST", id, target));
    // The run LATEST named is still the one published before: the new run records it as its previous, so that once
    // the archive disk is back, diff and verify previous work on the pair (it was recorded as null, for good).
    expect(run.stderr).toContain("but recorded as this run's previous run");
    const latest = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    expect(latest).not.toBe(id);
    expect(JSON.parse(await readFile(join(dir, "runs", latest, "manifest.json"), "utf8")).previous).toBe(id);
    await rename(`${target}.unmounted`, target);
    expect((await runCli(["diff"], dir)).code).toBe(0);
    expect((await runCli(["verify", "previous"], dir)).code).toBe(0);
    await rename(target, `${target}.unmounted`);
    const verified = await runCli(["verify", id], dir);
    expect(verified).toMatchObject({ code: 1, stderr: `error: ${outputMessages.verifyNoRun(`runs/${id}`, target)}\n` });
    // diff and report, which read runs by the same names, say the same.
    expect(await runCli(["diff", id, "latest"], dir)).toMatchObject({ code: 1, stderr: `error: ${outputMessages.verifyNoRun(`runs/${id}`, target)}\n` });
    expect(await runCli(["report", "--run", id], dir)).toMatchObject({ code: 1, stderr: `error: ${outputMessages.verifyNoRun(`runs/${id}`, target)}\n` });
    // The broken link is kept: the tool removes no run folder, and no link either.
    expect((await lstat(join(dir, "runs", id))).isSymbolicLink()).toBe(true);
  });
});
