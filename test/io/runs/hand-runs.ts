/**
 * Runs written by hand for the tests of publishing (publish-run.test.ts, publication-history.test.ts): the five files
 * every run writes, and a manifest listing them with SHA-256s computed by node:crypto.
 */
import { createHash } from "node:crypto";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The five outputs of every run, as small as a run folder's check accepts them. */
export const OUTPUTS = { "index.csv": "unit,year\n", "index-wide.csv": "unit\n", "index.json": "{}\n", "input-values.csv": "unit,year,indicator,value\n", "scores.csv": "unit,year\n" };

/** The files of run `id` with the run `fingerprint` (its outputs and manifest, `previous` as given), under `runs/`-relative paths. */
export function runFiles(id: string, previous: string | null, fingerprint: string): Record<string, string> {
  const outputs = Object.entries(OUTPUTS).map(([path, text]) => ({ path, bytes: Buffer.byteLength(text), sha256: sha256(text) }));
  const manifest = { tool: { name: "innovation-index", version: "0" }, run: id, startedAt: "2026-03-01T02:00:00.123Z", previous, fingerprint, options: {}, inputs: [], outputs };
  const files: Record<string, string> = { [`${id}/manifest.json`]: JSON.stringify(manifest, null, 2) + "\n" };
  for (const [path, text] of Object.entries(OUTPUTS)) files[`${id}/${path}`] = text;
  return files;
}
