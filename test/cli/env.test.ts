/**
 * The real process's standard output (`processEnv`): on a terminal, text is printed with its control characters shown
 * as escapes, so that a name holding an escape sequence in CSV printed there (`compute --out -`, `weights`, `diff`)
 * cannot act on the terminal, and a workbook's bytes are not written to it; piped or redirected, both go out as they
 * are. The terminal is stood in for by `process.stdout.isTTY`, and what is written is caught from its `write`.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { processEnv } from "../../src/cli/env.js";

/** What `print` writes to `process.stdout`, with `isTTY` set to `terminal` meanwhile. */
function written(terminal: boolean, print: (env: ReturnType<typeof processEnv>) => void): unknown[] {
  const chunks: unknown[] = [];
  const before = Object.getOwnPropertyDescriptor(process.stdout, "isTTY");
  Object.defineProperty(process.stdout, "isTTY", { value: terminal, configurable: true });
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => (chunks.push(chunk), true));
  try {
    print(processEnv());
  } finally {
    write.mockRestore();
    if (before) Object.defineProperty(process.stdout, "isTTY", before);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
  return chunks;
}

afterEach(() => vi.restoreAllMocks());

// A CSV row whose unit sets the window's title (OSC 0, ended by BEL) and turns the text red (CSI 31 m).
const ROW = "\u001b]0;pwned\u0007A,2018,INDEX,\u001b[31m100\n";

describe("the standard output of the process", () => {
  it("on a terminal shows a name's control characters as escapes; newlines and tabs stay", () => {
    // ESC is \x1b, BEL \x07 (printable's escapes); the row's line end and a tab are kept as they are.
    expect(written(true, (env) => env.stdout(ROW + "x\ty\n"))).toEqual(["\\x1b]0;pwned\\x07A,2018,INDEX,\\x1b[31m100\nx\ty\n"]);
  });

  it("piped or redirected, writes the text as it is (the file keeps its names)", () => {
    expect(written(false, (env) => env.stdout(ROW))).toEqual([ROW]);
  });

  it("takes a workbook's bytes only when it is no terminal (xlsxNeedsBytes says what to do otherwise)", () => {
    expect(written(true, (env) => expect(env.stdoutBytes).toBeUndefined())).toEqual([]);
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    expect(written(false, (env) => env.stdoutBytes!(bytes))).toEqual([bytes]);
  });
});
