/**
 * How bin/innovation-index.js loads the bundle (src/cli/start.ts): with V8's code cache made by the build, accepted by
 * this Node; a cache V8 refuses (here: bytes that are no cache) is ignored and the command line runs as without one.
 * The Chinese messages, a file of their own with a cache of their own, are loaded only when Chinese is printed or
 * written.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers.js";

const BUNDLE = fileURLToPath(new URL("../../dist/bundle/main.cjs", import.meta.url));
const START = new URL("../../dist/bundle/start.cjs", import.meta.url).href;
const CHINESE = fileURLToPath(new URL("../../dist/bundle/messages-zh.cjs", import.meta.url));
const built = existsSync(BUNDLE) && existsSync(`${BUNDLE}.cache`) && existsSync(`${CHINESE}.cache`);
const quiet = { stdout: () => undefined, stderr: () => undefined };
const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));
const SOURCES = fileURLToPath(new URL("../../src/", import.meta.url));

/** What `innovation-index ARGS` prints on stderr, and its exit code (`--enable-source-maps` with `sourceMaps`). */
async function stderrOf(args: string[], sourceMaps = false): Promise<{ code: number; stderr: string }> {
  const dir = await makeTempDir();
  const node = sourceMaps ? ["--enable-source-maps"] : [];
  return promisify(execFile)(process.execPath, [...node, BIN, ...args], { cwd: dir }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (failure: { code: number; stderr: string }) => ({ code: failure.code, stderr: failure.stderr }),
  );
}

describe.skipIf(!built)("loadMain (dist/bundle/start.cjs)", () => {
  it("compiles the bundle with the build's code cache, which this Node accepts, and runs it", async () => {
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    const { main, script } = loadMain({ bundle: BUNDLE });
    expect(script?.cachedDataRejected).toBe(false);
    let printed = "";
    const dir = await makeTempDir();
    expect(await main(["--version"], { cwd: dir, stdout: (text: string) => (printed += text), stderr: () => undefined })).toBe(0);
    expect(printed.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // A package loaded lazily (ExcelJS for --xlsx) from a function compiled from the cache: under Node 20 such a
    // function cannot import(), so the bundle requires its packages (scripts/bundle.js).
    expect(await main(["compute", "--xlsx", "--out", join(dir, "out"), "-q"], { cwd: dir, stdout: () => undefined, stderr: () => undefined })).toBe(0);
    expect(existsSync(join(dir, "out/index.xlsx"))).toBe(true);
  });

  it("loads the Chinese messages only for Chinese, with their own code cache, which this Node accepts", async () => {
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    const { main, scripts } = loadMain({ bundle: BUNDLE });
    const dir = await makeTempDir();
    expect(await main(["compute", "--out", join(dir, "en"), "-q"], { cwd: dir, language: "en", ...quiet })).toBe(0);
    expect([...scripts.keys()]).toEqual(["main.cjs"]);
    let printed = "";
    const code = await main(["compute", "--out", join(dir, "zh")], { cwd: dir, language: "zh", stdout: () => undefined, stderr: (text: string) => (printed += text) });
    expect(code).toBe(0);
    expect(printed).toContain("已将");
    expect(scripts.get("messages-zh.cjs")?.cachedDataRejected).toBe(false);
  });

  it("writes a Chinese page without warnings without loading the Chinese messages; a warning loads them and is in Chinese", async () => {
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    const { main, scripts } = loadMain({ bundle: BUNDLE });
    const tree = (weight: string) => `code,parent,name,weight,direction\nI,,index,,\nA,I,a,0.5,+\nB,I,b,${weight},+\n`;
    const values = "unit,indicator,2017,2018\nU1,A,10,12\nU1,B,5,6\nU2,A,8,9\nU2,B,4,7\nU3,A,6,6\nU3,B,9,8\n";
    const dir = await makeTempDir({ "tree.csv": tree("0.5"), "renormalised.csv": tree("0.7"), "values.csv": values });
    const run = (indicators: string, out: string) =>
      main(["uncertainty", "-i", indicators, "-d", "values.csv", "--weight-noise", "0.2", "-n", "20", "--out", out, "-q"], { cwd: dir, language: "en", ...quiet });
    expect(await run("tree.csv", "plain")).toBe(0);
    expect(await readFile(join(dir, "plain/uncertainty.html"), "utf8")).toContain('<html lang="zh-CN"');
    expect(scripts.has("messages-zh.cjs")).toBe(false);
    expect(await run("renormalised.csv", "renormalised")).toBe(0);
    // The weights of I's children sum to 1.2: src/core/zh/messages.ts's weightsRenormalised, on the page.
    expect(await readFile(join(dir, "renormalised/uncertainty.html"), "utf8")).toContain("renormalised.csv:3: &#34;I&#34;（index）的各下级节点的权重之和为 1.2，不等于 1；已将各权重除以其和");
    expect(scripts.has("messages-zh.cjs")).toBe(true);
  });

  it("is ASCII (scripts/bundle.js escapes what comments and regular expressions keep), so V8 holds it in one byte a character", async () => {
    const text = await readFile(BUNDLE, "latin1");
    expect(text.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    // So are the Chinese messages, every character of them escaped.
    expect((await readFile(CHINESE, "latin1")).match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    // The escaped characters still mean themselves: the bundle reads years written 2017年 (parseYear's expression).
    expect(text).toContain("\\u5e74");
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    const { main } = loadMain({ bundle: BUNDLE });
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\n",
      "values.csv": "unit,indicator,2017年,2018年\nU1,A1,10,12\n",
    });
    let printed = "";
    const code = await main(["compute", "-i", "tree.csv", "-d", "values.csv", "--format", "csv", "--out", "-"], {
      cwd: dir,
      stdout: (chunk: string) => (printed += chunk),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(printed).toContain("U1,2018,INDEX");
    expect(printed).toMatch(/U1,2018,INDEX,[^,]*,0,120\.0000/);
  });

  it("in a copy of the bundle elsewhere (an installed package), stack traces do not name the path the cache was made at", async () => {
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    // The package's layout: the bundle reads the version from ../../package.json.
    const dir = await makeTempDir({ "package.json": await readFile(new URL("../../package.json", import.meta.url), "utf8") });
    const copy = join(dir, "dist", "bundle", "main.cjs");
    await mkdir(dirname(copy), { recursive: true });
    await copyFile(BUNDLE, copy);
    await copyFile(`${BUNDLE}.cache`, `${copy}.cache`);
    const { main, script } = loadMain({ bundle: copy });
    expect(script?.cachedDataRejected).toBe(false);
    // The stack of a call from the bundle's functions (compiled from the cache) into the environment.
    let stack = "";
    await main(["--version"], { cwd: dir, stdout: () => void (stack = new Error("probe").stack ?? ""), stderr: () => undefined });
    const frames = stack.split("\n").filter((line) => line.includes("main.cjs"));
    expect(frames.length).toBeGreaterThan(0);
    // V8 names them by the name the cache was made under (Node 20) or by the copy's path; never by the build's folder.
    for (const frame of frames) expect(frame.includes("innovation-index/dist/bundle/main.cjs") || frame.includes(copy)).toBe(true);
    expect(stack).not.toContain(dirname(BUNDLE));
  });

  it("ignores a cache V8 refuses and runs the command line all the same", async () => {
    const { loadMain } = (await import(START)) as typeof import("../../src/cli/start.js");
    const dir = await makeTempDir();
    const cache = join(dir, "main.cjs.cache");
    await writeFile(cache, Buffer.from("not a V8 code cache"));
    const { main, script } = loadMain({ bundle: BUNDLE, cache });
    expect(script?.cachedDataRejected).toBe(true);
    let printed = "";
    expect(await main(["--version"], { cwd: dir, stdout: (text: string) => (printed += text), stderr: () => undefined })).toBe(0);
    expect(printed.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("runs minified, yet an error keeps its class's name, and with source maps on a stack names the sources", async () => {
    // A usage error (--indicators without --data) with --debug prints its stack. Minified, the bundle's classes are
    // renamed (UsageError is two letters in main.cjs); src/errors.ts gives each error its name back.
    const minified = await stderrOf(["compute", "-i", "tree.csv", "--debug"]);
    expect(minified.code).toBe(2);
    expect(minified.stderr).toMatch(/^UsageError: --data is missing; /m);
    expect(minified.stderr).not.toContain(SOURCES);
    // Minified: 800 KB on 2026-12-06 (1.23 MB when it was not); the bound catches a bundle left unminified or a heavy
    // package bundled in by mistake, each hundreds of KB.
    expect((await readFile(BUNDLE, "latin1")).length).toBeLessThan(900_000);
    // With source maps on, the bundle is required the plain way (no code cache) and Node maps each frame through
    // main.cjs.map: the first frame is resolveInputs in src/cli/options.ts, where the error is thrown.
    const mapped = await stderrOf(["compute", "-i", "tree.csv", "--debug"], true);
    expect(mapped.code).toBe(2);
    expect(mapped.stderr).toMatch(/^UsageError: --data is missing; /m);
    expect(mapped.stderr).toMatch(new RegExp(`^ {4}at resolveInputs \\(${SOURCES.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}cli[\\\\/]options\\.ts:\\d+:\\d+\\)$`, "m"));
  });
});
