/**
 * Debian's headless Chromium for the browser tests: installed with apt-get (`chromium`, `fonts-noto-cjk`) when
 * /usr/bin/chromium is absent, once, whichever browser test file asks first. The test files run in parallel worker
 * processes: the first to ask takes a lock folder (made atomically) and installs; the others wait for it to go, so
 * that no file starts on a machine where the install is still running (and skips its tests) and no two apt-get runs
 * contend for dpkg's lock. A lock older than the install's time limits is taken for one a killed run left.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export const CHROMIUM = "/usr/bin/chromium";
const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";
const LOCK = join(tmpdir(), "innovation-index-chromium-install.lock");
/** apt-get update's and install's time limits together, and a minute more. */
const INSTALL_LIMIT = 16 * 60_000;
const run = promisify(execFile);

/** Installs Debian packages; returns an error message, or undefined when it worked. */
async function aptInstall(packages: string[]): Promise<string | undefined> {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("apt-get", ["update"], { env, timeout: 300_000 });
    await run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { env, timeout: 600_000, maxBuffer: 64 << 20 });
    return undefined;
  } catch (error) {
    return String((error as Error).message).split("\n")[0];
  }
}

/** Takes the lock folder; false while another process holds it (not older than the install could take). */
async function takeLock(): Promise<boolean> {
  try {
    await mkdir(LOCK);
    return true;
  } catch {
    const held = await stat(LOCK).catch(() => undefined);
    if (held && Date.now() - held.mtimeMs > INSTALL_LIMIT) await rm(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Why the browser tests cannot run (Chromium absent and not installable: not root, no package source), or undefined
 * when /usr/bin/chromium is there, installed now if need be (the Chinese fonts too: without them Chinese labels show
 * as boxes, which is not fatal).
 */
export async function ensureChromium(): Promise<string | undefined> {
  let failure: string | undefined;
  while (!existsSync(CHROMIUM) || !existsSync(CJK_FONT_DIR)) {
    if (await takeLock()) {
      try {
        if (!existsSync(CHROMIUM)) failure = await aptInstall(["chromium", "fonts-noto-cjk"]);
        else if (!existsSync(CJK_FONT_DIR)) await aptInstall(["fonts-noto-cjk"]);
      } finally {
        await rm(LOCK, { recursive: true, force: true });
      }
      break;
    }
    // Another file is installing: wait for its lock to go, then look again.
    await new Promise((done) => setTimeout(done, 1000));
  }
  if (existsSync(CHROMIUM)) return undefined;
  return `headless Chromium is not available: ${CHROMIUM} is absent and "apt-get install chromium" failed (${failure ?? "no binary"}); install Debian's chromium to run the browser tests`;
}
