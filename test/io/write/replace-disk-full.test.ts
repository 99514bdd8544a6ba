/**
 * A full disk (ENOSPC) or a used-up quota (EDQUOT) while the folder writer renames its files into place
 * (`replaceAll`): the error says the disk is full, not "expected a file, or nothing, at that path", and says the
 * earlier file is kept only when it is where it was (looked at, not assumed: a new file has none). A rename may fail
 * so where the folder must grow; `node:fs`'s `renameSync` is mocked to fail so for one rename, as the system does.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { outputMessages } from "../../../src/core/output-messages.js";
import { outputMessagesZh } from "../../../src/core/zh/output-messages.js";
import { listDir, makeTempDir } from "../../helpers.js";

/** The rename that fails (its source's and target's names) and with which code; `undefined`: none. */
let failing: { from: string; to: string; code: string } | undefined;

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const renameSync: typeof real.renameSync = (from, to) => {
    if (failing !== undefined && basename(String(from)) === failing.from && basename(String(to)) === failing.to)
      throw Object.assign(new Error(`${failing.code}: no space left on device, rename`), { code: failing.code, syscall: "rename", path: String(from), dest: String(to) });
    return real.renameSync(from, to);
  };
  return { ...real, default: { ...real, renameSync }, renameSync };
});

afterEach(() => {
  failing = undefined;
});

// The test setup has loaded the writer already, with the real `node:fs`: loaded again, with the mocked one.
let writeFilesAtomic: typeof import("../../../src/io/write/write.js").writeFilesAtomic;
beforeAll(async () => {
  vi.resetModules();
  ({ writeFilesAtomic } = await import("../../../src/io/write/write.js"));
});

/** The writer's temporary name of `name`, and its backup name (write.ts: `temporaryName`, `backupName`). */
const temporary = (name: string) => `.${name}.${process.pid}.tmp`;
const backup = (name: string) => `.${name}.${process.pid}.old`;

describe("replacing the outputs on a full disk", () => {
  it("b.csv's new file cannot be renamed in (ENOSPC): the full disk said, the earlier b.csv kept, a.csv restored", async () => {
    const dir = await makeTempDir({ "a.csv": "old a", "b.csv": "old b" });
    failing = { from: temporary("b.csv"), to: "b.csv", code: "ENOSPC" };
    const write = writeFilesAtomic(dir, { "a.csv": "new a", "b.csv": "new b" }, "out", 1, { replace: true });
    await expect(write).rejects.toMatchObject({ code: "E_WRITE", message: outputMessages.replaceFailed("out", "b.csv", "ENOSPC", [], true) });
    // Before: 'out: cannot replace "b.csv" (ENOSPC); expected a file, or nothing, at that path'.
    await expect(write).rejects.toMatchObject({
      message:
        'out: cannot replace "b.csv" (ENOSPC: no space left on the disk); the earlier "b.csv" is kept as it was; expected room on the disk for the outputs (free some space and run again)\n' +
        "no output was changed: the files already replaced were restored",
    });
    // What the message says is so: both earlier files in their place, nothing else left.
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("old b");
    expect(await listDir(dir)).toEqual(["a.csv", "b.csv"]);
  });

  it("a new b.csv (no earlier file) that cannot be renamed in: the full disk said, no earlier file claimed kept", async () => {
    const dir = await makeTempDir({ "a.csv": "old a" });
    failing = { from: temporary("b.csv"), to: "b.csv", code: "ENOSPC" };
    const write = writeFilesAtomic(dir, { "a.csv": "new a", "b.csv": "new b" }, "out", 1, { replace: true });
    await expect(write).rejects.toMatchObject({
      message:
        'out: cannot replace "b.csv" (ENOSPC: no space left on the disk); expected room on the disk for the outputs (free some space and run again)\n' +
        "no output was changed: the files already replaced were restored",
    });
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
    expect(await listDir(dir)).toEqual(["a.csv"]);
  });

  it("the earlier a.csv cannot be moved aside (EDQUOT): the quota said, a.csv kept where it was", async () => {
    const dir = await makeTempDir({ "a.csv": "old a" });
    failing = { from: "a.csv", to: backup("a.csv"), code: "EDQUOT" };
    const write = writeFilesAtomic(dir, { "a.csv": "new a" }, "out", 1, { replace: true });
    await expect(write).rejects.toMatchObject({
      message:
        'out: cannot replace "a.csv" (EDQUOT: disk quota exceeded); the earlier "a.csv" is kept as it was; expected room on the disk for the outputs (free some space and run again)\n' +
        "no output was changed: the files already replaced were restored",
    });
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old a");
    expect(await listDir(dir)).toEqual(["a.csv"]);
  });

  it("another cause (EISDIR) keeps its words: a file, or nothing, expected at that path", () => {
    expect(outputMessages.replaceFailed("out", "b.csv", "EISDIR", [], true)).toBe(
      'out: cannot replace "b.csv" (EISDIR); expected a file, or nothing, at that path\nno output was changed: the files already replaced were restored',
    );
  });

  it("in Chinese: the full disk and the earlier file kept", () => {
    expect(outputMessagesZh.replaceFailed("out", "b.csv", "ENOSPC", [], true)).toBe(
      'out：无法替换 "b.csv"（ENOSPC：磁盘空间已满）；原有的 "b.csv" 保持原样；应有足够的磁盘空间存放输出文件（请释放一些空间后重新运行）\n未更改任何输出文件：已替换的文件均已恢复',
    );
  });
});
