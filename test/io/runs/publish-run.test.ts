/**
 * publishRun and rollbackRun (io/runs/publish-run.ts) on a run folder holding its own staging marker that cannot be
 * removed (a read-only run folder: chmod a-w). Root ignores file modes, so the removal is made to fail by failing
 * node:fs/promises' `unlink` for the marker's path (`failing`), as repair-failures.test.ts does. The runs are written
 * here by hand (hand-runs.ts): the five files every run writes, and a manifest listing them with SHA-256s.
 */
import * as fs from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeTempDir } from "../../helpers.js";
import { runFiles as handRunFiles } from "./hand-runs.js";

/** `failing`: `<function>:<path suffix>` -> error code, the calls of `unlink` on such a path fail with it (test/failing-calls.ts). */
const { failing, withFailingCalls } = await vi.hoisted(() => import("../../failing-calls.js"));
vi.mock("node:fs/promises", async (importOriginal) => withFailingCalls(await importOriginal<typeof import("node:fs/promises")>(), ["unlink"]));

// The modules a setup file loaded hold the real node:fs/promises: loaded anew, they take the mock.
vi.resetModules();
const { outputMessages } = await import("../../../src/core/output-messages.js");
const { fingerprintOf } = await import("../../../src/io/runs/run-files.js");
const { STAGING_MARKER } = await import("../../../src/io/runs/runs.js");
const { publishRun, rollbackRun } = await import("../../../src/io/runs/publish-run.js");

afterEach(() => failing.clear());

const FINGERPRINT = fingerprintOf("0", {}, []);
/** Two runs with the same fingerprint (no options, no inputs), a day apart: A, and B made after it. */
const A = `20260301T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
const B = `20260302T020000.123Z-${FINGERPRINT.slice(0, 8)}`;

const runFiles = (id: string, previous: string | null) => handRunFiles(id, previous, FINGERPRINT);

/** The warning publish gives for A's marker kept (the message compute gives for it), the removal failing with EACCES. */
const KEPT = { code: "W_STAGING_KEPT", source: `runs/${A}/${STAGING_MARKER}`, message: outputMessages.runMarkerKept(`runs/${A}/${STAGING_MARKER}`, `runs/${A}`, "EACCES") };

describe("a run's own staging marker that cannot be removed", () => {
  it("publish keeps it, says it once (W_STAGING_KEPT, not also as verify's leftover) and moves LATEST", async () => {
    const runs = await makeTempDir({ ...runFiles(A, null), ...runFiles(B, A), LATEST: `${B}\n`, [`${A}/${STAGING_MARKER}`]: `${A}\n` });
    failing.set(`unlink:${A}/${STAGING_MARKER}`, "EACCES");
    const publication = await publishRun(runs, A, { runsLabel: "runs" });
    // Nothing removed (no `removed`); the one warning is the kept marker's.
    expect(publication).toEqual({ before: B, after: A, changed: true, warnings: [KEPT] });
    expect(await fs.readFile(join(runs, "LATEST"), "utf8")).toBe(`${A}\n`);
    expect(await fs.readFile(join(runs, A, STAGING_MARKER), "utf8")).toBe(`${A}\n`);
  });

  it("rollback keeps it as publish does, and goes back to the previous run", async () => {
    const runs = await makeTempDir({ ...runFiles(A, null), ...runFiles(B, A), LATEST: `${B}\n`, [`${A}/${STAGING_MARKER}`]: `${A}\n` });
    failing.set(`unlink:${A}/${STAGING_MARKER}`, "EACCES");
    expect(await rollbackRun(runs, { runsLabel: "runs" })).toEqual({ before: B, after: A, changed: true, warnings: [KEPT] });
    expect(await fs.readFile(join(runs, "LATEST"), "utf8")).toBe(`${A}\n`);
    expect(await fs.readFile(join(runs, A, STAGING_MARKER), "utf8")).toBe(`${A}\n`);
  });

  it("one that can be removed is removed, as before: `removed`, no warning", async () => {
    const runs = await makeTempDir({ ...runFiles(A, null), LATEST: `${B}\n`, [`${A}/${STAGING_MARKER}`]: `${A}\n` });
    expect(await publishRun(runs, A, { runsLabel: "runs" })).toEqual({ before: B, after: A, changed: true, warnings: [], removed: `${A}/${STAGING_MARKER}` });
    expect(await fs.readdir(join(runs, A))).not.toContain(STAGING_MARKER);
  });

  it("a marker naming another run is not removed (no unlink tried) and fails the run: LATEST stays", async () => {
    const runs = await makeTempDir({ ...runFiles(A, null), ...runFiles(B, A), LATEST: `${B}\n`, [`${A}/${STAGING_MARKER}`]: `${B}\n` });
    await expect(publishRun(runs, A, { runsLabel: "runs" })).rejects.toMatchObject({ code: "E_RUN_NOT_VERIFIED" });
    expect(await fs.readFile(join(runs, "LATEST"), "utf8")).toBe(`${B}\n`);
    expect(await fs.readFile(join(runs, A, STAGING_MARKER), "utf8")).toBe(`${B}\n`);
  });
});
