/**
 * verifyRun(folder) against manifests written here by hand, with every SHA-256 computed here by node:crypto from the
 * whole bytes (the tool hashes streams in 1 MB chunks).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { runMessages } from "../../../src/core/run-messages.js";
import { fingerprintOf, type FileDigest } from "../../../src/io/runs/run-files.js";
import { STAGING_MARKER } from "../../../src/io/runs/runs.js";
import { checkManifest, formatFileCheck, formatManifestCheck, requiredOutputs, verificationProblems, verificationWarnings, verifyRun } from "../../../src/io/runs/verify-run.js";
import { makeTempDir } from "../../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const entry = (path: string, bytes: string | Uint8Array) => ({ path, bytes: Buffer.byteLength(bytes), sha256: sha256(bytes) });

/** The outputs every run writes (`requiredOutputs` with no options), as small files. */
const REQUIRED = { "index.csv": "unit,year\n", "index-wide.csv": "unit\n", "index.json": "{}\n", "input-values.csv": "unit,year,indicator,value\n", "scores.csv": "unit,year\n" };

/**
 * A manifest as compute writes one, of version 0.1.0 started 2026-03-01T02:00:00.123Z, listing `REQUIRED`, with the
 * fingerprint, options and inputs of `fields` (and anything else it gives: previous, unnamedQueryInputs).
 */
const manifestOf = <Fields extends { fingerprint: string; options: Record<string, unknown>; inputs: FileDigest[] }>(fields: Fields) => ({
  tool: { name: "innovation-index", version: "0.1.0" },
  startedAt: "2026-03-01T02:00:00.123Z",
  finishedAt: "2026-03-01T02:00:01.000Z",
  ...fields,
  coverage: { units: ["U1"], years: [2019], baseYear: 2017, indicators: 1 },
  warnings: [],
  outputs: Object.entries(REQUIRED).map(([path, bytes]) => entry(path, bytes)),
});

/** A run folder holding `files` and a manifest listing `listed` (default: every file). */
async function runFolder(files: Record<string, string | Uint8Array>, listed = Object.entries(files).map(([path, bytes]) => entry(path, bytes))): Promise<string> {
  const dir = await makeTempDir(files);
  created.push(dir);
  const manifest = { tool: { name: "innovation-index", version: "0" }, startedAt: "2026-03-01T02:00:00.123Z", fingerprint: fingerprintOf("0", {}, []), options: {}, inputs: [], outputs: listed };
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return dir;
}

describe("verifyRun", () => {
  it("a folder whose files match the manifest: ok, including a file of several 1 MB chunks", async () => {
    const large = new Uint8Array(3 * 2 ** 20 + 17).map((_, i) => (i * 7919) % 251);
    const dir = await runFolder({ ...REQUIRED, "index.csv": "a,b\n中文,1\n", "empty.txt": "", "large.bin": large });
    const result = await verifyRun(dir, "run");
    expect(result.ok).toBe(true);
    // The five outputs every run writes (index.csv among them), empty.txt and large.bin.
    expect(result.counts).toEqual({ ok: 7, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 0, writing: 0 });
    expect(result.files.map((file) => file.path)).toEqual(["empty.txt", "index-wide.csv", "index.csv", "index.json", "input-values.csv", "large.bin", "scores.csv"].sort());
  });

  it("reports missing, changed (same size: both hashes; other size: sizes only), unlisted files and paths outside the folder", async () => {
    const dir = await runFolder({ "a.csv": "1,2\n", "b.csv": "3,4\n", "c.csv": "5,6\n" }, [
      entry("a.csv", "1,2\n"),
      entry("b.csv", "3,5\n"),
      entry("c.csv", "5,6,7\n"),
      entry("gone.csv", "x\n"),
      entry("../../etc/passwd", "x\n"),
    ]);
    await mkdir(join(dir, "extra/deeper"), { recursive: true });
    await writeFile(join(dir, "extra/deeper/note.txt"), "added by hand");
    await mkdir(join(dir, "empty"));
    await symlink("a.csv", join(dir, "link.csv"));
    const result = await verifyRun(dir, "run");
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ ok: 1, missing: 1, changed: 2, unlisted: 3, outside: 1, leftover: 0, writing: 0 });
    expect(result.files.map(formatFileCheck).filter(Boolean)).toEqual([
      outputMessages.verifyOutside("../../etc/passwd"),
      outputMessages.verifyChanged("b.csv", { bytes: 4, sha256: sha256("3,5\n") }, { bytes: 4, sha256: sha256("3,4\n") }),
      outputMessages.verifyChanged("c.csv", { bytes: 6, sha256: sha256("5,6,7\n") }, { bytes: 4 }),
      outputMessages.verifyUnlisted("empty/"),
      outputMessages.verifyUnlisted("extra/deeper/note.txt"),
      outputMessages.verifyMissing("gone.csv", 2),
      outputMessages.verifyUnlisted("link.csv"),
    ]);
  });

  it("a listed output that is a folder or a link is changed, not followed", async () => {
    const dir = await runFolder({ "a.csv": "1\n", "sub/x": "x" }, [entry("sub", "x"), entry("b.csv", "1\n")]);
    await symlink("a.csv", join(dir, "b.csv"));
    const lines = (await verifyRun(dir, "run")).files.map(formatFileCheck).filter(Boolean);
    expect(lines).toContain(outputMessages.verifyNotFile("b.csv", "link"));
    expect(lines).toContain(outputMessages.verifyNotFile("sub", "folder"));
    // Neither a folder nor a link: named as what it can be, not "a other".
    expect(outputMessages.verifyNotFile("c.csv", "other")).toBe("changed: c.csv (a pipe, socket or device, not a file)");
  });

  it("throws E_NO_MANIFEST for a missing or damaged manifest, E_NO_RUN for a folder that does not exist", async () => {
    const dir = await runFolder({ "a.csv": "1\n" });
    await writeFile(join(dir, "manifest.json"), '{"outputs": [');
    await expect(verifyRun(dir, "run")).rejects.toMatchObject({ code: "E_NO_MANIFEST" });
    await writeFile(join(dir, "manifest.json"), '{"fingerprint": "x", "inputs": [], "outputs": [{"path": 1}]}');
    await expect(verifyRun(dir, "run")).rejects.toMatchObject({
      message: outputMessages.verifyNoManifest("run/manifest.json", outputMessages.manifestNotRunManifest(`"outputs" is not a list of files with path, bytes and sha256`)),
    });
    await rm(join(dir, "manifest.json"));
    await expect(verifyRun(dir, "run")).rejects.toMatchObject({ message: outputMessages.verifyNoManifest("run/manifest.json", outputMessages.manifestMissing()) });
    await expect(verifyRun(join(dir, "none"), "none")).rejects.toMatchObject({ code: "E_NO_RUN", message: outputMessages.verifyNoRun("none") });
  });
  it("a file named by a run id is a file, not a run folder, as runs publish says; a pipe is a special file; another file, no run folder", async () => {
    const dir = await makeTempDir({ "20991231T235959.999Z-0123abcd": "not a run\n", "notes.txt": "x" });
    created.push(dir);
    // Written out by hand: runMessages.publishNotFolder's words.
    await expect(verifyRun(join(dir, "20991231T235959.999Z-0123abcd"), "runs/20991231T235959.999Z-0123abcd")).rejects.toMatchObject({
      code: "E_NO_RUN",
      source: "runs/20991231T235959.999Z-0123abcd",
      message:
        "runs/20991231T235959.999Z-0123abcd: a file, not a run folder, so there is no run in it to verify or publish; expected a folder written by compute, named by its run id (move the file out of the runs folder)",
    });
    if (process.platform !== "win32") {
      execFileSync("mkfifo", [join(dir, "20991231T235959.999Z-4567cdef")]);
      await expect(verifyRun(join(dir, "20991231T235959.999Z-4567cdef"), "p")).rejects.toMatchObject({ code: "E_NO_RUN", message: runMessages.publishNotFolder("p", false) });
    }
    // A file whose name is no run id is not taken for one in the runs folder: no such run folder, as before.
    await expect(verifyRun(join(dir, "notes.txt"), "notes.txt")).rejects.toMatchObject({ code: "E_NO_RUN", message: outputMessages.verifyNoRun("notes.txt") });
  });
  it("files listed in reports.json are checked as derived: ok, changed, missing, outside; a path the manifest lists stays the run's", async () => {
    const dir = await runFolder({ "index.csv": "1\n", "report.html": "<p>1</p>\n", "notes.html": "x" }, [entry("index.csv", "1\n")]);
    const derived = (path: string, bytes: string) => ({ ...entry(path, bytes), command: "innovation-index report", run: "r", fingerprint: "f", tool: { name: "t", version: "0" } });
    const reports = { files: [derived("report.html", "<p>1</p>\n"), derived("notes.html", "y"), derived("gone.html", "z\n"), derived("../x.html", "z"), derived("index.csv", "2\n")] };
    await writeFile(join(dir, "reports.json"), JSON.stringify(reports));
    const result = await verifyRun(dir, "run");
    expect(result.files.map((file) => [file.path, file.status, file.origin])).toEqual([
      ["../x.html", "outside", "derived"],
      ["gone.html", "missing", "derived"],
      ["index.csv", "ok", "run"],
      ["notes.html", "changed", "derived"],
      ["report.html", "ok", "derived"],
    ]);
    expect(result.files.map(formatFileCheck).filter(Boolean)).toEqual([
      outputMessages.verifyOutside("../x.html", true),
      outputMessages.verifyMissing("gone.html", 2, true),
      outputMessages.verifyChanged("notes.html", { bytes: 1, sha256: sha256("y") }, { bytes: 1, sha256: sha256("x") }, true),
    ]);
    // A sidecar that is not one: reported as changed, and the files it would list are unlisted.
    await writeFile(join(dir, "reports.json"), JSON.stringify({ files: [{ path: "report.html" }] }));
    const damaged = await verifyRun(dir, "run");
    expect(damaged.counts).toEqual({ ok: 1, missing: 0, changed: 1, unlisted: 2, outside: 0, leftover: 0, writing: 0 });
    expect(damaged.files.map(formatFileCheck).filter(Boolean)).toEqual([
      outputMessages.verifyUnlisted("notes.html"),
      outputMessages.verifyUnlisted("report.html"),
      outputMessages.verifyReportsDamaged(outputMessages.reportsNotReports()),
    ]);
  });

  it("checks the manifest against itself and the run id: the fingerprint of what it lists, the id's 8 hex digits, startedAt, previous", async () => {
    // A manifest as compute writes one: its fingerprint is that of the version, options and inputs but index.yaml's own.
    const inputs: FileDigest[] = [
      { role: "project", path: "index.yaml", bytes: 40, sha256: sha256("name: x\n") },
      { role: "indicators", path: "indicators.csv", bytes: 12, sha256: sha256("code,parent\n") },
      { role: "values", path: "data/2019.csv", bytes: 30, sha256: sha256("unit,year,indicator,value\n") },
    ];
    const options = { "base-year": 2017, decimals: 4 };
    const fingerprint = fingerprintOf("0.1.0", options, inputs.slice(1));
    const id = `20260301T020000.123Z-${fingerprint.slice(0, 8)}`;
    const manifest = manifestOf({ fingerprint, previous: "20250301T020000.000Z-0badc0de", options, inputs });
    expect(checkManifest(manifest, id)).toEqual([]);
    // Not named by a run id (a run copied elsewhere): the manifest is checked against itself only.
    expect(checkManifest(manifest, undefined)).toEqual([]);
    // A run of a version that counted index.yaml's own digest in the fingerprint, an id moved later than its start
    // (a clock set back), the first run (previous null) and a run of a version that did not record previous.
    const older = { ...manifest, fingerprint: fingerprintOf("0.1.0", options, inputs), previous: null };
    expect(checkManifest(older, `20270101T000000.000Z-${older.fingerprint.slice(0, 8)}`)).toEqual([]);
    const { previous: _previous, ...withoutPrevious } = manifest;
    expect(checkManifest(withoutPrevious, id)).toEqual([]);

    // Each field edited by hand, as the tester did: the fingerprint expected is the one the edited fields give.
    const edited = (changes: object) => checkManifest({ ...manifest, ...changes }, id).map(formatManifestCheck);
    const recomputed = (version: string, options: Record<string, unknown>, listed: FileDigest[]) => fingerprintOf(version, options, listed.slice(1));
    const moreDecimals = { ...options, decimals: 7 };
    expect(edited({ options: moreDecimals })).toEqual([outputMessages.verifyFingerprint(fingerprint, recomputed("0.1.0", moreDecimals, inputs))]);
    const otherInput = inputs.map((input, i) => (i === 2 ? { ...input, sha256: "0".repeat(64) } : input));
    expect(edited({ inputs: otherInput })).toEqual([outputMessages.verifyFingerprint(fingerprint, recomputed("0.1.0", options, otherInput))]);
    expect(edited({ tool: { name: "innovation-index", version: "9.9.9" } })).toEqual([outputMessages.verifyFingerprint(fingerprint, recomputed("9.9.9", options, inputs))]);
    const forged = "aaaa" + fingerprint.slice(4);
    expect(edited({ fingerprint: forged })).toEqual([outputMessages.verifyFingerprint(forged, fingerprint), outputMessages.verifyIdFingerprint(id, forged)]);
    expect(edited({ startedAt: "2026-03-01T02:00:00.124Z" })).toEqual([outputMessages.verifyStartedAt('"2026-03-01T02:00:00.124Z"', "2026-03-01T02:00:00.123Z")]);
    expect(edited({ startedAt: "yesterday" })).toEqual([outputMessages.verifyStartedAt('"yesterday"', undefined)]);
    expect(edited({ startedAt: undefined })).toEqual([outputMessages.verifyStartedAt("undefined", undefined)]);
    expect(edited({ previous: id })).toEqual([outputMessages.verifyPrevious(JSON.stringify(id), id)]);
    expect(edited({ previous: "last year" })).toEqual([outputMessages.verifyPrevious('"last year"', id)]);
    expect(edited({ tool: {} })).toEqual([outputMessages.verifyFingerprint(fingerprint, undefined)]);
    // An earlier start than the id's time is no mismatch: ids are moved later to sort after an earlier run.
    expect(edited({ startedAt: "2020-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("covers unnamedQueryInputs by the fingerprint: a list deleted or edited by hand is found, an empty one is none", () => {
    const inputs: FileDigest[] = [{ role: "values", path: "values.sql", bytes: 9, sha256: sha256("SELECT 1\n") }];
    const unnamed = ["values.sql", "tree.csv:3"];
    // As compute makes it: the fingerprint of the version, options, inputs and the list.
    const fingerprint = fingerprintOf("0.1.0", {}, inputs, unnamed);
    // The list changes the fingerprint; none (absent or empty) leaves it that of a run without queries of the kind.
    expect(fingerprint).not.toBe(fingerprintOf("0.1.0", {}, inputs));
    expect(fingerprintOf("0.1.0", {}, inputs, [])).toBe(fingerprintOf("0.1.0", {}, inputs));
    const id = `20260301T020000.123Z-${fingerprint.slice(0, 8)}`;
    const manifest = manifestOf({ fingerprint, options: {}, inputs, unnamedQueryInputs: unnamed });
    expect(checkManifest(manifest, id)).toEqual([]);
    // Deleted by hand (to silence report's W_RUN_INPUTS_UNPROVEN): the fingerprint expected is that of no list.
    const { unnamedQueryInputs: _deleted, ...without } = manifest;
    expect(checkManifest(without, id).map(formatManifestCheck)).toEqual([outputMessages.verifyFingerprint(fingerprint, fingerprintOf("0.1.0", {}, inputs))]);
    // Shortened by hand.
    expect(checkManifest({ ...manifest, unnamedQueryInputs: ["tree.csv:3"] }, id).map(formatManifestCheck)).toEqual([
      outputMessages.verifyFingerprint(fingerprint, fingerprintOf("0.1.0", {}, inputs, ["tree.csv:3"])),
    ]);
  });

  it("finds a list of outputs shortened together with deleting the files: the outputs its options imply are required", async () => {
    // Listed and present: index.csv only. index.json, input-values.csv, index-wide.csv and scores.csv are written by
    // every run (since the first version that wrote runs); with no options, nothing else is required.
    const dir = await runFolder({ "index.csv": "1\n" });
    const result = await verifyRun(dir, "run");
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ ok: 1, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 0, writing: 0 });
    expect(result.manifest.map(formatManifestCheck)).toEqual([
      outputMessages.verifyOutputsRequired(["index-wide.csv", "index.json", "input-values.csv", "scores.csv"]),
    ]);
    // Each option that adds files, by hand from compute's outputs: parquet-only puts the three Parquet files in the
    // place of index.csv and scores.csv; parquet adds them; xlsx adds index.xlsx unless the run warned it was too
    // large; report adds report.html, performance-groups groups.csv, screen screened.csv; false or absent adds nothing.
    const base = ["index-wide.csv", "index.json", "input-values.csv"];
    const required = (options: Record<string, unknown>, warnings: object[] = []) => requiredOutputs({ options, warnings } as never);
    expect(required({})).toEqual([...base, "index.csv", "scores.csv"].sort());
    expect(required({ "parquet-only": true, parquet: false })).toEqual([...base, "growth.parquet", "index.parquet", "scores.parquet"].sort());
    expect(required({ parquet: true, xlsx: true, report: true })).toEqual(
      [...base, "index.csv", "scores.csv", "growth.parquet", "index.parquet", "scores.parquet", "index.xlsx", "report.html"].sort(),
    );
    expect(required({ xlsx: true }, [{ code: "W_XLSX_TOO_LARGE", message: "..." }])).toEqual([...base, "index.csv", "scores.csv"].sort());
    expect(required({ "performance-groups": [80, 120], screen: 0.5, report: false, xlsx: false })).toEqual(
      [...base, "groups.csv", "index.csv", "scores.csv", "screened.csv"].sort(),
    );
    expect(required({ "performance-groups": false, screen: null })).toEqual([...base, "index.csv", "scores.csv"].sort());
  });

  it("verifyRun reports the manifest's problems besides the files', and takes the run id from the folder's name", async () => {
    const dir = await runFolder({ ...REQUIRED, "index.csv": "1\n" });
    expect((await verifyRun(dir, "run")).ok).toBe(true);
    // Named by a run id whose 8 hex digits are not the fingerprint's.
    const runs = await makeTempDir();
    created.push(runs);
    const id = "20260301T020000.123Z-0badc0de";
    await rename(dir, join(runs, id));
    const folder = join(runs, id);
    const fingerprint = fingerprintOf("0", {}, []);
    const result = await verifyRun(folder, `runs/${id}`);
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ ok: 5, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 0, writing: 0 });
    expect(result.manifest.map(formatManifestCheck)).toEqual([outputMessages.verifyIdFingerprint(id, fingerprint)]);
    // Named by the id its fingerprint gives: ok again, but for a start later than the id's time.
    const good = `20260301T020000.123Z-${fingerprint.slice(0, 8)}`;
    await rename(folder, join(runs, good));
    expect((await verifyRun(join(runs, good))).ok).toBe(true);
    const text = await readFile(join(runs, good, "manifest.json"), "utf8");
    await writeFile(join(runs, good, "manifest.json"), text.replace("2026-03-01T02:00:00.123Z", "2026-03-01T02:00:00.500Z"));
    expect((await verifyRun(join(runs, good))).manifest.map(formatManifestCheck)).toEqual([
      outputMessages.verifyStartedAt('"2026-03-01T02:00:00.500Z"', "2026-03-01T02:00:00.123Z"),
    ]);
  });
});

describe("the staging marker left in a run folder (a run killed between its folder's rename and the marker's removal)", () => {
  /** The id the manifests here give (their fingerprint's first 8 hex digits), as compute names such a run. */
  const ID = `20260301T020000.123Z-${fingerprintOf("0", {}, []).slice(0, 8)}`;
  /** A run folder named `ID`, in a runs folder, holding `marker` as its staging marker. */
  async function markedRun(marker: string): Promise<{ folder: string; id: string }> {
    const dir = await runFolder(REQUIRED);
    const runs = await makeTempDir();
    created.push(runs);
    await rename(dir, join(runs, ID));
    await writeFile(join(runs, ID, STAGING_MARKER), marker);
    return { folder: join(runs, ID), id: ID };
  }

  it("holding the run's own id: a leftover, said as a warning (W_RUN_WRITE_LEFTOVER), and the run passes", async () => {
    const { folder, id } = await markedRun(`${ID}\n`);
    const result = await verifyRun(folder, `runs/${id}`);
    expect(result.ok).toBe(true);
    // The five outputs every run writes, and the marker: a leftover, no mismatch.
    expect(result.counts).toEqual({ ok: 5, missing: 0, changed: 0, unlisted: 0, outside: 0, leftover: 1, writing: 0 });
    expect(result.files.find((file) => file.path === STAGING_MARKER)).toEqual({ path: STAGING_MARKER, status: "leftover" });
    expect(result.files.map(formatFileCheck)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(verificationProblems(result, `runs/${id}`)).toEqual([]);
    const source = `runs/${id}/${STAGING_MARKER}`;
    expect(verificationWarnings(result, `runs/${id}`)).toEqual([{ code: "W_RUN_WRITE_LEFTOVER", source, message: outputMessages.verifyStagingLeftover(source, `runs/${id}`) }]);
  });

  it("naming another run, or in a folder named by no run id: unlisted, and the run fails", async () => {
    const other = "20260301T020000.999Z-0badc0de";
    const { folder, id } = await markedRun(`${other}\n`);
    const result = await verifyRun(folder, `runs/${id}`);
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ ok: 5, missing: 0, changed: 0, unlisted: 1, outside: 0, leftover: 0, writing: 0 });
    expect(verificationProblems(result, `runs/${id}`)).toEqual([{ code: "E_RUN_CHANGED", source: `runs/${id}/${STAGING_MARKER}`, message: outputMessages.verifyUnlisted(STAGING_MARKER) }]);
    expect(verificationWarnings(result, `runs/${id}`)).toEqual([]);
    // The run's own id, but the folder named otherwise (a copy): no run folder's marker, so unlisted too.
    const copy = await runFolder(REQUIRED);
    await writeFile(join(copy, STAGING_MARKER), `${id}\n`);
    const copied = await verifyRun(copy, "copy");
    expect(copied.ok).toBe(false);
    expect(copied.counts.unlisted).toBe(1);
  });
});
