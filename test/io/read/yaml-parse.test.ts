import { describe, expect, it } from "vitest";
import { LineCounter } from "yaml";
import { parseYaml } from "../../../src/io/read/yaml-parse.js";

describe("parseYaml", () => {
  it("gives the parser's errors with their messages and positions, captures no stack trace, and restores the limit", () => {
    const before = Error.stackTraceLimit;
    const lineCounter = new LineCounter();
    // "a:\n\tb: 1\n": the tab indenting line 2 is the parser's TAB_AS_INDENT at offset 3 (after "a:\n"), 2:1.
    const document = parseYaml("a:\n\tb: 1\n", lineCounter);
    expect(Error.stackTraceLimit).toBe(before);
    const [error] = document.errors;
    expect(error.code).toBe("TAB_AS_INDENT");
    expect(error.pos[0]).toBe(3);
    expect(lineCounter.linePos(error.pos[0])).toEqual({ line: 2, col: 1 });
    // No frame below the message: an error made with stack traces on has "    at " lines.
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(new Error("x").stack).toMatch(/\n\s+at /);
  });

  it("parses valid text as yaml does", () => {
    expect(parseYaml("a:\n  b: [1, 2]\n").toJS()).toEqual({ a: { b: [1, 2] } });
  });
});
