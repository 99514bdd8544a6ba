/**
 * A property of the run-folder life cycle: whatever sequence of runs, kills at any step, hostile `LATEST` contents and
 * deleted manifests, no published run is ever removed or changed. Runs are driven through the library steps a project
 * run takes (`readLatestPointer`, `removeLeftovers`, `stageRun`, `finishRun`, `writeLatest`), a kill being a run that
 * stops after one of them; the expected bytes of every run folder are the model's own record of what was written.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  finishRun,
  isRunId,
  listRunIds,
  newRunId,
  readLatestPointer,
  removeLeftovers,
  stageRun,
  STAGING_MARKER,
  startStaging,
  writeLatest,
} from "../../../src/io/runs/runs.js";
import { PUBLICATION_HISTORY_FILE } from "../../../src/io/runs/publication-history.js";
import { formatManifest, MANIFEST_FILE, readManifestChecked, type FileDigest, type RunManifest } from "../../../src/io/runs/run-files.js";
import { makeTempDir } from "../../helpers.js";

const created: string[] = [];
afterAll(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * Where a run stops: never (it publishes), or right after a step; `renamed` is inside `finishRun`, after its rename and
 * before the marker's removal (the folder renamed here as `finishRun` renames it).
 */
const KILLS = ["none", "staging-created", "mid-write", "staged", "renamed", "finished"] as const;
/** What is written over `LATEST` between runs. */
const HOSTILE = ["missing-id", "old-id", "outside", "garbage", "empty", "deleted", "folder-path"] as const;

type Action = { kind: "run"; kill: (typeof KILLS)[number] } | { kind: "latest"; content: (typeof HOSTILE)[number] } | { kind: "delete-manifest"; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KILLS).map((kill) => ({ kind: "run" as const, kill })) },
  fc.constantFrom(...HOSTILE).map((content) => ({ kind: "latest" as const, content })),
  fc.nat(20).map((pick) => ({ kind: "delete-manifest" as const, pick })),
);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every file of a folder (name -> SHA-256), read back here. */
async function filesOf(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = sha256(await readFile(join(folder, name)));
  return files;
}

/** One project run through the library steps, stopped after step `kill`. Returns the id, and whether it published. */
async function run(runsDir: string, step: number, kill: (typeof KILLS)[number]): Promise<{ id: string; reached: "staging" | "folder" | "published" }> {
  const pointer = await readLatestPointer(runsDir, "runs");
  if (pointer.id) await readManifestChecked(join(runsDir, pointer.id));
  await removeLeftovers(runsDir, "runs", pointer.id);
  // The clock goes forward a second a run, and back a day every fifth run (ids still sort after every run).
  const time = new Date(Date.UTC(2026, 0, 1) + step * 1000 - (step % 5 === 4 ? 86_400_000 : 0));
  const fingerprint = sha256(Buffer.from(`run ${step}`));
  const id = newRunId(time, fingerprint, await listRunIds(runsDir));
  const files = { "index.csv": `unit,year,value\nU1,2026,${step}\n`, "index.json": JSON.stringify({ step }) };
  if (kill === "staging-created" || kill === "mid-write") {
    const staging = await startStaging(runsDir, id);
    if (kill === "mid-write") await writeFile(join(staging, `.index.csv.${process.pid}.tmp`), "unit,ye");
    return { id, reached: "staging" };
  }
  const manifest = (outputs: FileDigest[]): RunManifest => ({
    tool: { name: "innovation-index", version: "0" },
    startedAt: time.toISOString(),
    finishedAt: time.toISOString(),
    fingerprint,
    options: {},
    inputs: [],
    coverage: { units: ["U1"], years: [2026], baseYear: 2026, indicators: 1 },
    warnings: [],
    outputs,
  });
  await stageRun(runsDir, id, files, `runs/${id}`, { last: (outputs) => ({ [MANIFEST_FILE]: formatManifest(manifest(outputs)) }) });
  if (kill === "staged") return { id, reached: "staging" };
  if (kill === "renamed") {
    await rename(join(runsDir, `.staging-${id}`), join(runsDir, id));
    return { id, reached: "folder" };
  }
  await finishRun(runsDir, id);
  if (kill === "finished") return { id, reached: "folder" };
  await writeLatest(runsDir, id, { action: "compute" });
  return { id, reached: "published" };
}

describe("the run-folder life cycle", () => {
  it("no sequence of runs, kills, hostile LATEST contents and deleted manifests removes or changes a run folder", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const dir = await makeTempDir();
        created.push(dir);
        const runsDir = join(dir, "runs");
        await mkdir(runsDir);
        /** Every run folder ever renamed into place (published or not), with the files it must hold. */
        const expected = new Map<string, Record<string, string>>();
        const published: string[] = [];
        /** The run folder a run killed inside `finishRun` left with its marker, until the next run removes it. */
        let markerLeftIn: string | undefined;
        let step = 0;
        /** What the publication history held after the last run that published. */
        let history = "";
        for (const next of actions) {
          if (next.kind === "run") {
            const { id, reached } = await run(runsDir, step++, next.kill);
            markerLeftIn = next.kill === "renamed" ? id : undefined;
            if (reached !== "staging") {
              const { [STAGING_MARKER]: marker, ...files } = await filesOf(join(runsDir, id));
              expect(marker === undefined, id).toBe(next.kill !== "renamed");
              expected.set(id, files);
            }
            if (reached === "published") {
              published.push(id);
              expect((await readLatestPointer(runsDir)).id).toBe(id);
              // The publication history only grows (what it held before is the start of what it holds now), its
              // last line the move to this run.
              const now = await readFile(join(runsDir, PUBLICATION_HISTORY_FILE), "utf8");
              expect(now.startsWith(history)).toBe(true);
              expect(now.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^\\d{4}-[^,]+Z,compute,[^,]*,${id},moved$`));
              history = now;
              // A run folder holds its outputs and manifest, never the staging marker.
              expect(Object.keys(expected.get(id)!)).toEqual(["index.csv", "index.json", MANIFEST_FILE]);
              // After a run, no staging folder of this tool is left but the one a kill may leave next time.
              expect((await readdir(runsDir)).filter((name) => name.startsWith(".staging-"))).toEqual([]);
            }
          } else if (next.kind === "latest") {
            const latestPath = join(runsDir, "LATEST");
            const content = {
              "missing-id": "20200101T000000.000Z-deadbeef\n",
              "old-id": `${published[0] ?? "20200101T000000.000Z-00000000"}\n`,
              outside: "../../x\n",
              garbage: "\u0000\uffff\n\n ## not a run",
              empty: "",
              deleted: undefined,
              "folder-path": `runs/${published.at(-1) ?? "x"}`,
            }[next.content];
            if (content === undefined) await rm(latestPath, { force: true });
            else await writeFile(latestPath, content);
            const pointer = await readLatestPointer(runsDir, "runs");
            // LATEST is read as a run id naming an existing folder, or reported: never as a path.
            if (pointer.id !== undefined) expect(isRunId(pointer.id) && expected.has(pointer.id)).toBe(true);
          } else {
            const folders = [...expected.keys()];
            if (folders.length === 0) continue;
            const id = folders[next.pick % folders.length];
            await rm(join(runsDir, id, MANIFEST_FILE), { force: true });
            delete expected.get(id)![MANIFEST_FILE];
          }
          // The invariant, after every action: every run folder ever renamed into place is there, byte for byte.
          for (const [id, files] of expected) {
            const { [STAGING_MARKER]: marker, ...found } = await filesOf(join(runsDir, id));
            expect(found, id).toEqual(files);
            // The marker only where the last run was killed before removing it: the next run removed any other.
            expect(marker === undefined, id).toBe(id !== markerLeftIn);
          }
          // And nothing but those, staging folders, LATEST and the publication history is in the runs folder.
          for (const name of await readdir(runsDir))
            expect(name === "LATEST" || name === PUBLICATION_HISTORY_FILE || name.startsWith(".staging-") || expected.has(name), name).toBe(true);
        }
        // A last run that publishes removes every staging folder left (each holds the marker naming it).
        const stagings = (await readdir(runsDir)).filter((name) => name.startsWith(".staging-"));
        for (const name of stagings) expect((await readFile(join(runsDir, name, STAGING_MARKER), "utf8")).trim()).toBe(name.slice(".staging-".length));
        await run(runsDir, step, "none");
        expect((await readdir(runsDir)).filter((name) => name.startsWith(".staging-"))).toEqual([]);
        // Every run folder as it was written, without a marker.
        for (const [id, files] of expected) expect(await filesOf(join(runsDir, id)), id).toEqual(files);
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
