/**
 * The package as a user installs it: `npm pack` (the tarball a registry would serve), installed globally into a
 * temporary prefix, then `innovation-index init` and `compute` in a folder outside the checkout. The install needs
 * no network once npm's cache holds the dependencies (--prefer-offline). Slow (tens of seconds): npm installs the
 * ~200 packages of the dependencies. Needs a build (`npm run build`, as `npm test` does): the tarball ships dist/.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../helpers.js";

const run = promisify(execFile);
const checkout = new URL("../..", import.meta.url).pathname;
const windows = process.platform === "win32";
// npm's own variables (set when the tests run under `npm test`) would redirect the install: left out.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || key === "npm_config_cache"));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("installing the packed tarball", () => {
  it("packs what the tool needs, installs without building, and runs init and compute anywhere", { timeout: 180_000 }, async () => {
    const [packDir, prefix, work] = await Promise.all([makeTempDir(), makeTempDir(), makeTempDir()]);
    dirs.push(packDir, prefix, work);
    // The scripts are left out of the pack here because dist/ is built already; `npm pack` alone builds it first.
    const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: checkout, env, shell: windows });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    for (const needed of ["bin/innovation-index.js", "dist/bundle/main.js", "dist/bundle/file-worker.js", "dist/index.js", "dist/index.d.ts", "schema/index.schema.json", "scripts/prepare.js", "indicators/changzhou-2020.csv", "data/changzhou/values.csv", "examples/tutorial/values.csv", "examples/microdata/values.sql", "LICENSE"])
      expect(paths, needed).toContain(needed);
    expect(paths.filter((path) => /^(src|test|bench)\//.test(path))).toEqual([]);

    await run("npm", ["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", join(packDir, filename)], { env, shell: windows });
    const bin = windows ? join(prefix, "innovation-index.cmd") : join(prefix, "bin", "innovation-index");
    expect(existsSync(bin)).toBe(true);
    // The installed package's prepare (what npm runs for an install that allows scripts) builds nothing and succeeds.
    const installed = windows ? join(prefix, "node_modules", "innovation-index") : join(prefix, "lib", "node_modules", "innovation-index");
    await run("npm", ["run", "prepare"], { cwd: installed, env, shell: windows });
    expect(existsSync(join(installed, "src"))).toBe(false);

    await run(bin, ["init", "proj"], { cwd: work, env, shell: windows });
    await run(bin, ["compute", "-q"], { cwd: join(work, "proj"), env, shell: windows });
    const id = (await readFile(join(work, "proj/runs/LATEST"), "utf8")).trim();
    // By hand (as in test/cli/init.test.ts): A = 110, B = 117.5, INDEX = 0.5·110 + 0.5·117.5 = 113.75.
    expect(await readFile(join(work, "proj/runs", id, "index.csv"), "utf8")).toContain("示例园区,2018,INDEX,总指数,0,113.7500\n");
  });
});
