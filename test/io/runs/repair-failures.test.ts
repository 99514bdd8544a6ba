/**
 * What the repair of a run folder says when a step fails part way, when a leftover cannot be read, and when the
 * staging marker left in a run folder cannot be removed (io/runs/run-reports.ts, runs.ts). Root ignores file modes,
 * so the failures are made by failing node:fs/promises' `rm`, `open` and `unlink` for one path each (`failing`); a
 * chmod variant runs as a user that is not root.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeTempDir } from "../../helpers.js";

/** `failing`: `<function>:<path suffix>` -> error code, the calls of that function (`rm`, `open`, `unlink`) on such a path fail with it (test/failing-calls.ts). */
const { failing, withFailingCalls } = await vi.hoisted(() => import("../../failing-calls.js"));
vi.mock("node:fs/promises", async (importOriginal) => withFailingCalls(await importOriginal<typeof import("node:fs/promises")>(), ["rm", "open", "unlink"]));

// The modules a setup file loaded hold the real node:fs/promises: loaded anew, they take the mock.
vi.resetModules();
const { outputMessages } = await import("../../../src/core/output-messages.js");
const { runMessages } = await import("../../../src/core/run-messages.js");
const { htmlPage } = await import("../../../src/io/report/page.js");
const { fingerprintOf } = await import("../../../src/io/runs/run-files.js");
const { formatRunReports, repairDerivedFiles } = await import("../../../src/io/runs/run-reports.js");
const { removeLeftovers, STAGING_MARKER } = await import("../../../src/io/runs/runs.js");

afterEach(() => failing.clear());

const sha256 = (bytes: string) => createHash("sha256").update(bytes).digest("hex");
const deadPid = (): number => spawnSync(process.execPath, ["-e", "0"]).pid!;
const FINGERPRINT = fingerprintOf("0", {}, []);
const ID = `20260301T020000.123Z-${FINGERPRINT.slice(0, 8)}`;
const PAGE = htmlPage("report", "en", "", "<p>report</p>");
const listing = (report: string) =>
  formatRunReports({
    files: [{ path: "report.html", bytes: Buffer.byteLength(report), sha256: sha256(report), command: "innovation-index report", run: ID, fingerprint: FINGERPRINT, tool: { name: "innovation-index", version: "0" } }],
  });

describe("a repair that fails part way", () => {
  it("says what it did, then the failure: compute's tidying as a warning naming the file and the code; report's lines kept for it", async () => {
    const dead = deadPid();
    // report.html missing, its new version in the temporary file (completed first), and a backup of reports.json
    // (removed next: that removal fails, EACCES).
    const runs = await makeTempDir({
      LATEST: `${ID}\n`,
      [`${ID}/reports.json`]: listing(PAGE),
      [`${ID}/.report.html.${dead}.tmp`]: PAGE,
      [`${ID}/.reports.json.${dead}.old`]: listing("<!DOCTYPE html>\n"),
    });
    failing.set(`rm:.reports.json.${dead}.old`, "EACCES");
    const label = `runs/${ID}`;
    const completed = outputMessages.reportLeftover(runMessages.reportFileRepaired("completed", `${label}/report.html`, `.report.html.${dead}.tmp`));
    const leftovers = await removeLeftovers(runs, "runs", ID);
    expect(leftovers.repaired).toEqual([completed]);
    const backup = `${label}/.reports.json.${dead}.old`;
    expect(leftovers.failures).toEqual([{ code: "W_REPORT_NOT_REPAIRED", source: backup, message: outputMessages.reportNotRepaired(label, backup, "EACCES") }]);
    expect(await fs.readFile(join(runs, ID, "report.html"), "utf8")).toBe(PAGE);
    // report's own call: the error names the file, and `progress` keeps what was done before (nothing more now).
    const progress = { done: [] as string[] };
    await expect(repairDerivedFiles(join(runs, ID), label, ["report.html"], undefined, progress)).rejects.toThrow(outputMessages.writeFailed(backup, "EACCES"));
    expect(progress).toEqual({ done: [], failed: { file: backup, code: "EACCES" } });
  });
});

describe("a leftover that cannot be read", () => {
  it("is said as such, with the error code, not as a file that starts with nothing", async () => {
    const dead = deadPid();
    const runs = await makeTempDir({ LATEST: `${ID}\n`, [`${ID}/reports.json`]: listing(PAGE), [`${ID}/report.html`]: PAGE, [`${ID}/.report.html.${dead}.tmp`]: PAGE });
    failing.set(`open:.report.html.${dead}.tmp`, "EACCES");
    const source = `runs/${ID}/.report.html.${dead}.tmp`;
    const kept: unknown[] = [];
    expect(await repairDerivedFiles(join(runs, ID), `runs/${ID}`, ["report.html"], (warning) => kept.push(warning))).toEqual([]);
    expect(kept).toEqual([{ code: "W_REPORT_TEMPORARY_KEPT", source, message: outputMessages.reportTemporaryUnreadable(source, "report.html", "tmp", "EACCES") }]);
    expect(await fs.readFile(join(runs, ID, `.report.html.${dead}.tmp`), "utf8")).toBe(PAGE);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === "win32")("chmod 000, as a user that is not root", async () => {
    const dead = deadPid();
    const runs = await makeTempDir({ LATEST: `${ID}\n`, [`${ID}/reports.json`]: listing(PAGE), [`${ID}/report.html`]: PAGE, [`${ID}/.report.html.${dead}.tmp`]: PAGE });
    await fs.chmod(join(runs, ID, `.report.html.${dead}.tmp`), 0o000);
    const source = `runs/${ID}/.report.html.${dead}.tmp`;
    const kept: { message: string }[] = [];
    await repairDerivedFiles(join(runs, ID), `runs/${ID}`, ["report.html"], (warning) => kept.push(warning));
    expect(kept.map((warning) => warning.message)).toEqual([outputMessages.reportTemporaryUnreadable(source, "report.html", "tmp", "EACCES")]);
  });
});

describe("the staging marker left in a run folder that cannot be removed (a read-only run folder)", () => {
  it("is kept, said once naming it and the code; the tidying goes on (no throw)", async () => {
    const runs = await makeTempDir({ LATEST: `${ID}\n`, [`${ID}/${STAGING_MARKER}`]: `${ID}\n` });
    failing.set(`unlink:${STAGING_MARKER}`, "EACCES");
    const leftovers = await removeLeftovers(runs, "runs", ID);
    const marker = `runs/${ID}/${STAGING_MARKER}`;
    expect(leftovers.removed).toEqual([]);
    expect(leftovers.failures).toEqual([{ code: "W_STAGING_KEPT", source: marker, message: outputMessages.runMarkerKept(marker, `runs/${ID}`, "EACCES") }]);
    expect(await fs.readFile(join(runs, ID, STAGING_MARKER), "utf8")).toBe(`${ID}\n`);
  });
});
