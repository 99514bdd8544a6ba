import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../bin/innovation-index.js", import.meta.url));
const run = promisify(execFile);

describe("bin/innovation-index.js (the built CLI, as npm start runs it)", () => {
  it.skipIf(!existsSync(fileURLToPath(new URL("../../dist/bundle/main.js", import.meta.url))))(
    "computes the shipped example from any folder and exits 0",
    async () => {
      const dir = await makeTempDir();
      const { stdout } = await run(process.execPath, [BIN, "compute", "--decimals", "2"], { cwd: dir });
      expect(stdout).toMatch(/^常州高新区: index, base year 2017 = 100/);
      expect(stdout).toMatch(/\nINDEX\s+总指数\s+100\.00 /);
      expect(await readFile(join(dir, "out/index.csv"), "utf8")).toMatch(/^\uFEFFunit,year,code,name,level,value\n常州高新区,2017,INDEX,总指数,0,100\.00\n/);
    },
  );

  it.skipIf(!existsSync(fileURLToPath(new URL("../../dist/bundle/main.js", import.meta.url))))(
    "a quiet compute loads none of Node's child_process, net or file-stream modules (startup speed, bench (d))",
    async () => {
      const dir = await makeTempDir();
      // process.moduleLoadList names every built-in module loaded so far; it is read before anything is printed.
      const script = `const { main } = await import(${JSON.stringify(new URL("../../dist/bundle/main.js", import.meta.url).href)});
        const code = await main(["compute", "--out", "out", "-q"]);
        const loaded = process.moduleLoadList.filter((name) => name.startsWith("NativeModule "));
        console.log(JSON.stringify({ code, loaded }));`;
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: dir });
      const { code, loaded } = JSON.parse(stdout) as { code: number; loaded: string[] };
      expect(code).toBe(0);
      expect(existsSync(join(dir, "out/index.csv"))).toBe(true);
      // crypto (and the stream modules it loads) hashes the outputs for the folder's record of the files written
      // (io/write/written-files.ts): about 0.5 ms, measured with process.hrtime around require("node:crypto").
      // perf_hooks (the global performance) and fs's recursive remover (every fs.rm and rmSync under Node 20) cost a
      // few milliseconds each: the writers time with Date.now() and remove files with unlink. zlib (about 3 ms) checks
      // a workbook's zip (io/read/xlsx-bounds.ts), loaded only with a workbook.
      const heavy = loaded.filter((name) => /^NativeModule (child_process|net|internal\/fs\/streams|perf_hooks|internal\/fs\/rimraf|zlib)$/.test(name));
      expect(heavy).toEqual([]);
    },
  );

  it("exits 1 on invalid input and 2 on a usage error", async () => {
    const dir = await makeTempDir({ "t.csv": "code,parent,name,weight,direction\nA,,a,,\n", "v.csv": "year,indicator,value\n2017,A,1\n" });
    await expect(run(process.execPath, [BIN, "validate", "-i", "t.csv", "-d", "v.csv"], { cwd: dir })).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [BIN, "compute", "--nope"], { cwd: dir })).rejects.toMatchObject({ code: 2 });
  });

  it("stops quietly with exit code 0 when the reader of stdout goes away (`... | head -1`)", async () => {
    const dir = await makeTempDir();
    // Closing the read end at once makes the first writes of the JSON fail with EPIPE, as `| head -1` does.
    const child = spawn(process.execPath, [BIN, "compute", "--format", "json", "--out", "out"], { cwd: dir });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it("publishes a project run to its end when stdout and stderr are gone (`2>&1 | head -1`): exit 0, LATEST moved, the lock released", async () => {
    // Before: the first write to the closed stderr (EPIPE) ended the process with exit 3 after LATEST had moved, with
    // runs/.lock left for the next run to take over.
    const dir = await makeTempDir();
    await run(process.execPath, [BIN, "init", "p", "-q"], { cwd: dir });
    const project = join(dir, "p");
    const child = spawn(process.execPath, [BIN, "compute"], { cwd: project });
    child.stdout.destroy();
    child.stderr.destroy();
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(0);
    const latest = (await readFile(join(project, "runs/LATEST"), "utf8")).trim();
    expect(existsSync(join(project, "runs", latest, "manifest.json"))).toBe(true);
    expect(existsSync(join(project, "runs/.lock"))).toBe(false);
    // The run is whole: verify finds every file as its manifest lists it.
    await expect(run(process.execPath, [BIN, "verify", "latest"], { cwd: project })).resolves.toBeDefined();
  });

  it.runIf(existsSync("/dev/full"))("exits 3, an output error, when stdout or stderr cannot be written (a log on a full disk), not 1", async () => {
    const dir = await makeTempDir();
    const full = openSync("/dev/full", "w");
    try {
      const outcome = (stdio: ("pipe" | number)[]) =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [BIN, "compute", "--out", "out"], { cwd: dir, stdio: ["ignore", ...stdio] });
          let stderr = "";
          child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
          child.on("close", (code) => done({ code, stderr }));
        });
      const stdoutFull = await outcome([full, "pipe"]);
      expect(stdoutFull.code).toBe(3);
      expect(stdoutFull.stderr).toContain("error: cannot write to standard output (ENOSPC); expected a writable output\n");
      expect((await outcome(["pipe", full])).code).toBe(3);
    } finally {
      closeSync(full);
    }
  });
});
