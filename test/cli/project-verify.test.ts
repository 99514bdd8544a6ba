/**
 * `innovation-index verify [run]` on the run folders a project run writes: exit 0 when every file matches its
 * manifest, 1 with one line per file when not. Hashes in the expected lines are computed here by node:crypto.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function makeProject(): Promise<string> {
  const dir = await makeTempDir({
    "index.yaml": "name: verify\nindicators: indicators.csv\nvalues: values.csv\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
    "values.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n",
  });
  created.push(dir);
  return dir;
}

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("innovation-index verify", () => {
  it("exit 0 for the latest run, a run id, a folder path and --project from elsewhere; exit 1 listing what differs", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const folder = join(dir, "runs", id);
    // Every file of the run folder but the manifest is listed in it.
    const outputs = (await readdir(folder)).filter((name) => name !== "manifest.json");
    expect(outputs.length).toBeGreaterThan(5);
    const ok = outputMessages.verifyOk(`runs/${id}`, outputs.length) + "\n";
    expect(await runCli(["verify"], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    expect(await runCli(["verify", id], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    expect(await runCli(["verify", `runs/${id}`], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    const elsewhere = await makeTempDir();
    created.push(elsewhere);
    expect(await runCli(["verify", "latest", "--project", dir], elsewhere)).toEqual({
      code: 0,
      stdout: "",
      stderr: outputMessages.verifyOk(join(dir, "runs", id), outputs.length) + "\n",
    });

    // One byte changed in index.csv (same size), index.json removed, a note added.
    const index = await readFile(join(folder, "index.csv"));
    const changed = Buffer.from(index);
    changed[changed.length - 2] = changed[changed.length - 2] === 0x30 ? 0x31 : 0x30;
    await writeFile(join(folder, "index.csv"), changed);
    const json = await readFile(join(folder, "index.json"));
    await rm(join(folder, "index.json"));
    await writeFile(join(folder, "notes.txt"), "added by hand");
    const run = await runCli(["verify", "-q"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        outputMessages.verifyChanged("index.csv", { bytes: index.length, sha256: sha256(index) }, { bytes: index.length, sha256: sha256(changed) }),
        outputMessages.verifyMissing("index.json", json.length),
        outputMessages.verifyUnlisted("notes.txt"),
      ].join("\n") + "\n",
    );
    expect(run.stderr).toBe(`error: ${outputMessages.verifyFailed(`runs/${id}`, { missing: 1, changed: 1, unlisted: 1, outside: 0 })}\n`);
  });

  it("a broken LATEST, no run, or no project: exit 1 or 2 with a sentence", async () => {
    const dir = await makeProject();
    expect((await runCli(["verify"], dir))).toEqual({ code: 1, stdout: "", stderr: `error: ${outputMessages.verifyNoPublishedRun("runs")}\n` });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    await writeFile(join(dir, "runs/LATEST"), "../../x\n");
    expect((await runCli(["verify"], dir)).stderr).toBe(`error: ${outputMessages.latestUnusable(outputMessages.latestNotRunId("runs/LATEST", "../../x"))}\n`);
    const outside = await makeTempDir();
    created.push(outside);
    const usage = await runCli(["verify"], outside);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(outputMessages.verifyNoProject());
    expect(await runCli(["verify", "no/such/folder"], outside)).toMatchObject({ code: 1, stderr: `error: ${outputMessages.verifyNoRun("no/such/folder")}\n` });
  });
});
