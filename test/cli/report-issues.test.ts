/**
 * The order problems are printed in (`inFileOrder`): by file, then line, then column number, stable; and the text of
 * a validation error and the warnings printed in that order.
 */
import { describe, expect, it } from "vitest";
import { formatValidationError, inFileOrder, printWarnings, reportError } from "../../src/cli/report-issues.js";
import { commandMessages } from "../../src/core/command-messages.js";
import { ValidationError, type Issue } from "../../src/errors.js";

/** An issue whose message names it, at `source:line:column` (each part optional). */
const at = (message: string, source?: string, line?: number, column?: string | number): Issue => ({ code: "E_TEST", message, source, line, column });

describe("inFileOrder(issues)", () => {
  it("orders by file (as each first appears), then line, then column number, keeping the order of equal places", () => {
    const issues = [
      at("b7", "b.csv", 7),
      at("a5", "a.csv", 5),
      at("b3:4", "b.csv", 3, 4),
      at("b3:2", "b.csv", 3, 2),
      at("b3 weight", "b.csv", 3, "weight"),
      at("b3 direction", "b.csv", 3, "direction"),
      at("a2", "a.csv", 2),
      at("b3", "b.csv", 3),
    ];
    // b.csv first (its problem was found first), lines 3 then 7; on line 3 the numbered columns 2 and 4, then the
    // named ones and the one without a column, as found; then a.csv, lines 2 and 5.
    expect(inFileOrder(issues).map((issue) => issue.message)).toEqual(["b3:2", "b3:4", "b3 weight", "b3 direction", "b3", "b7", "a2", "a5"]);
  });

  it("puts a problem with no file after every file's, as found", () => {
    const issues = [at("no file 1"), at("t9", "t.csv", 9), at("no file 2"), at("t1", "t.csv", 1)];
    expect(inFileOrder(issues).map((issue) => issue.message)).toEqual(["t1", "t9", "no file 1", "no file 2"]);
  });

  it("puts a problem of a whole file (a summary of a flood of duplicates) before the problems of its lines", () => {
    // The values file's summary was found after one of its lines' problems (a cell that is not a number, at 7:4).
    const issues = [at("t3", "t.csv", 3), at("v7:4", "v.csv", 7, 4), at("v9", "v.csv", 9), at("v4", "v.csv", 4), at("many duplicates", "v.csv")];
    expect(inFileOrder(issues).map((issue) => issue.message)).toEqual(["t3", "many duplicates", "v4", "v7:4", "v9"]);
  });

  it("returns a new array and leaves the one given as it was", () => {
    const issues = [at("t2", "t.csv", 2), at("t1", "t.csv", 1)];
    expect(inFileOrder(issues)).not.toBe(issues);
    expect(issues.map((issue) => issue.message)).toEqual(["t2", "t1"]);
  });
});

describe("formatValidationError(error) and printWarnings(warnings, env)", () => {
  it("list the problems in file order", () => {
    const error = new ValidationError([at("second", "t.csv", 9), at("first", "t.csv", 2)]);
    expect(formatValidationError(error)).toBe("2 problems found:\nt.csv:2: first\nt.csv:9: second");
    let stderr = "";
    printWarnings([at("later", "v.csv", 4), at("earlier", "v.csv", 3, 2)], { cwd: ".", stdout: () => undefined, stderr: (text) => void (stderr += text) });
    expect(stderr).toBe("warning: v.csv:3:2: earlier\nwarning: v.csv:4: later\n");
  });
});

describe("reportError: a file the system refuses to this user", () => {
  it("names the file and what to check, exit 1 for a read and 3 for a write, not an internal error (before: exit 4, 'this is a bug')", () => {
    const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: permission denied, ${syscall} '${path}'`), { code, syscall, path });
    let printed = "";
    const env = { cwd: "/", stdout: () => undefined, stderr: (text: string) => (printed += text) };
    expect(reportError(errno("EACCES", "open", "/srv/index/runs/LATEST"), env)).toBe(1);
    expect(printed).toBe(`error: ${commandMessages.permissionDenied("/srv/index/runs/LATEST", "EACCES", false)}\n`);
    expect(printed).toContain("cannot read /srv/index/runs/LATEST (EACCES: permission denied); expected a file or folder this user may read");
    printed = "";
    expect(reportError(errno("EPERM", "rename", "/srv/index/runs/.staging-x"), env)).toBe(3);
    expect(printed).toBe(`error: ${commandMessages.permissionDenied("/srv/index/runs/.staging-x", "EPERM", true)}\n`);
    // Any other system error is still a bug to report.
    printed = "";
    expect(reportError(errno("EINVAL", "open", "/x"), env)).toBe(4);
    expect(printed).toMatch(/^internal error: /);
  });
});
