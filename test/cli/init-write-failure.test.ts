/**
 * `init` is all or nothing: a write that fails part way (a full disk, ENOSPC) leaves the folder as it was, so that a
 * plain retry succeeds. The failure is injected into `node:fs`: `writeSync` on the temporary file of one chosen output
 * (`.<name>.<pid>.tmp`, which the folder writer fills with synchronous calls) throws ENOSPC, as a full disk does.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { makeTempDir, runCliWithMocks } from "../helpers.js";

/** The output whose write fails (its name, such as `README.md`), and the descriptors opened on its temporary file. */
const failing = vi.hoisted(() => ({ name: undefined as string | undefined, descriptors: new Set<number>() }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const openSync = ((path: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    const descriptor = (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
    const name = basename(String(path));
    if (failing.name !== undefined && name.startsWith(`.${failing.name}.`) && name.endsWith(".tmp")) failing.descriptors.add(descriptor);
    return descriptor;
  }) as typeof fs.openSync;
  const writeSync = ((descriptor: number, ...rest: unknown[]) => {
    if (failing.descriptors.has(descriptor)) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
    return (fs.writeSync as (...args: unknown[]) => number)(descriptor, ...rest);
  }) as typeof fs.writeSync;
  const closeSync = ((descriptor: number) => {
    failing.descriptors.delete(descriptor);
    fs.closeSync(descriptor);
  }) as typeof fs.closeSync;
  const mocked = { ...fs, openSync, writeSync, closeSync };
  return { ...mocked, default: mocked };
});

// The command line loaded again, with the wrapped module.
const runCli = runCliWithMocks();

afterEach(() => {
  failing.name = undefined;
  failing.descriptors.clear();
});

/** Every file under `dir` (relative path -> content in base64), hidden files included; folders as `path/`. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1).split("\\").join("/");
    if (entry.isDirectory()) entries[`${path}/`] = "";
    else entries[path] = (await readFile(join(dir, path))).toString("base64");
  }
  return entries;
}

describe("init on a disk that fills up part way", () => {
  it("into a new folder: the error names the file (E_WRITE, exit 3), the folder is removed, and a retry succeeds", async () => {
    const dir = await makeTempDir({ "notes.txt": "mine\n" });
    // README.md is the fifth of the six files (after index.yaml, indicators.csv, data/2017.csv, data/2018.csv): four
    // files, two folders (idx, idx/data) and their records were made before it failed.
    failing.name = "README.md";
    const run = await runCli(["init", "idx"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.writeFailed("idx/README.md", "ENOSPC")}\n${projectMessages.initUndone("idx", [])}\n`);
    expect(run.stderr).toContain("idx/README.md: cannot write the output (ENOSPC");
    expect(run.stderr).toContain("init undid what it had done: idx is as it was before");
    // Only the file that was there before: no idx, no temporary file, no lock.
    expect(await snapshot(dir)).toEqual({ "notes.txt": Buffer.from("mine\n").toString("base64") });

    failing.name = undefined;
    const retry = await runCli(["init", "idx", "-q"], dir);
    expect(retry.code, retry.stderr).toBe(0);
    expect(Object.keys(await snapshot(join(dir, "idx"))).sort()).toEqual([
      ".innovation-index-files.json",
      "README.md",
      "data/",
      "data/.innovation-index-files.json",
      "data/2017.csv",
      "data/2018.csv",
      "index.schema.json",
      "index.yaml",
      "indicators.csv",
    ]);
  });

  it("into the current folder: the team's own files and empty data folder stay, init's files go", async () => {
    const dir = await makeTempDir({ "notes.txt": "mine\n" });
    await mkdir(join(dir, "data"));
    const before = await snapshot(dir);
    // data/2018.csv is the fourth file: index.yaml, indicators.csv (and the folder's record) and data/2017.csv (and
    // data's record) were written before it failed. data/ was there before, empty: it stays.
    failing.name = "2018.csv";
    const run = await runCli(["init"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.writeFailed("data/2018.csv", "ENOSPC")}\n${projectMessages.initUndone(".", [])}\n`);
    expect(await snapshot(dir)).toEqual(before);

    failing.name = undefined;
    expect((await runCli(["init", "-q"], dir)).code).toBe(0);
    expect(parse(await readFile(join(dir, "index.yaml"), "utf8")).name).toBe("示例创新指数");
  });

  it("init --force over its own project: the files it replaced are put back, byte for byte, records included", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "-q"], dir)).code).toBe(0);
    const before = await snapshot(dir);
    // index.schema.json is the last of the six: the five others were replaced by their English texts before it failed.
    failing.name = "index.schema.json";
    const run = await runCli(["init", "--force", "--lang", "en"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.writeFailed("index.schema.json", "ENOSPC")}\n${projectMessages.initUndone(".", [])}\n`);
    expect(await snapshot(dir)).toEqual(before);

    failing.name = undefined;
    expect((await runCli(["init", "--force", "--lang", "en", "-q"], dir)).code).toBe(0);
    expect(parse(await readFile(join(dir, "index.yaml"), "utf8")).name).toBe("Example innovation index");
  });
});
