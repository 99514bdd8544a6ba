/**
 * How bin/innovation-index.js loads the bundle (src/cli/start.ts): with V8's code cache made by the build, accepted by
 * this Node; a cache V8 refuses (here: bytes that are no cache) is ignored and the command line runs as without one.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers.js";

const BUNDLE = fileURLToPath(new URL("../../dist/bundle/main.cjs", import.meta.url));
const START = new URL("../../dist/bundle/start.cjs", import.meta.url).href;
const built = existsSync(BUNDLE) && existsSync(`${BUNDLE}.cache`);

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

  it("is ASCII (scripts/bundle.js escapes what comments and regular expressions keep), so V8 holds it in one byte a character", async () => {
    const text = await readFile(BUNDLE, "latin1");
    expect(text.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
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
});
