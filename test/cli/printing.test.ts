/**
 * What the tool prints: control characters made visible (`printable`), long echoed inputs cut (`quote`), floods of
 * problems capped (`PRINTED_PROBLEMS`, `--all-problems`), and the files on disk left as they are.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { cutText, quote } from "../../src/core/quote.js";
import { printable } from "../../src/cli/printable.js";
import { printWarnings, PRINTED_PROBLEMS } from "../../src/cli/report-issues.js";
import type { Issue } from "../../src/errors.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,X,,\nX1,X,x1,,+\nX2,X,x2,,+\n";
/** Control characters a terminal acts on: ESC, BEL, CR, DEL, the C1 CSI, a right-to-left override. */
const HOSTILE = /[\u001b\u0007\r\u007f\u009b\u202e]/;

const folders: string[] = [];
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir(files);
  folders.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("printable (terminal output)", () => {
  it.each([
    ["A\u001b[2J", "A\\x1b[2J"],
    ["\u001b]0;title\u0007", "\\x1b]0;title\\x07"],
    ["a\rb\u0008c\u007f", "a\\x0db\\x08c\\x7f"],
    ["\u009b31m", "\\x9b31m"],
    ["abc\u202Eevil", "abc\\u202eevil"],
    ["常州\nline\ttab", "常州\nline\ttab"],
  ])("printable(%j) is %j", (text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it("printable(text, true) (a table cell) also shows newlines and tabs as escapes", () => {
    expect(printable("a\nb\tc", true)).toBe("a\\x0ab\\x09c");
  });

  it("compute prints a unit and names holding escape sequences visibly, and writes them to the CSV files unchanged", async () => {
    const unit = "U\u001b]0;title\u0007\u001b[2J";
    const values = ["2017", "2018"].flatMap((year) => ["X1", "X2"].map((code) => `${unit},${year},${code},${year === "2017" ? 10 : 12}`));
    const dir = await folder({ "tree.csv": TREE.replace(",X,,\n", ",X\u001b[31m,,\n"), "values.csv": `unit,year,indicator,value\n${values.join("\n")}\n` });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(HOSTILE);
    expect(run.stdout).toContain("U\\x1b]0;title\\x07\\x1b[2J: index");
    expect(run.stdout).toContain("X\\x1b[31m");
    expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toContain(`"${unit}",2017,X,X\u001b[31m,1,100.0000`); // in quotes: the ";" of its escape sequence (csvField)
  });

  it("errors and usage errors naming a path or option with escape sequences print them visibly", async () => {
    const dir = await folder({ "tree.csv": TREE });
    const missing = await runCli(["validate", "-i", "tree.csv", "-d", "no\u001b[2Jpe.csv"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("error: no\\x1b[2Jpe.csv: no such file; expected a readable file\n");
    const usage = await runCli(["compute", "--no-such\u001b]0;x\u0007"], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(HOSTILE);
    expect(usage.stderr).toContain("--no-such\\x1b]0;x\\x07");
  });
});

describe("invisible characters in echoed inputs", () => {
  it("quote writes a character that prints as nothing as its escape, so two names that look the same are told apart", () => {
    expect(quote("北京\u200b")).toBe('"北京\\u200b"');
    expect(quote("\u00adA\u2060B\ufeff\u2028")).toBe('"\\u00adA\\u2060B\\ufeff\\u2028"');
    // visible characters, a non-breaking or an ideographic space, stay as they are
    expect(quote("常州 高新区\u3000\u00a0")).toBe('"常州 高新区\u3000\u00a0"');
  });

  it("a unit pasted with a zero-width space is named with it in the error", async () => {
    // 北京 and 北京<U+200B> are two units: the second has no value in 2017, the base year (one problem, not also a base
    // value missing per indicator).
    const dir = await folder({ "tree.csv": TREE, "values.csv": "unit,year,indicator,value\n北京,2017,X1,1\n北京,2017,X2,2\n北京\u200b,2018,X1,3\n北京,2018,X2,4\n" });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unit "北京\\u200b", year 2017 has no value');
  });
});

describe("long echoed inputs", () => {
  it("cutText and quote keep 200 characters (whole surrogate pairs) and count the rest", () => {
    expect(cutText("abcdef", 4)).toBe("abcd… (2 more characters)");
    expect(cutText("abcde", 4)).toBe("abcd… (1 more character)");
    expect(cutText("abcd", 4)).toBe("abcd");
    // "😀" is one character in two UTF-16 units: never split, counted once.
    expect(cutText("😀😀😀", 2)).toBe("😀😀… (1 more character)");
    expect(quote("x".repeat(200))).toBe(JSON.stringify("x".repeat(200)));
    expect(quote("x".repeat(100_000))).toBe(`${JSON.stringify("x".repeat(200))}… (99800 more characters)`);
  });

  it("a table cell (a unit's or indicator's name) is cut after 200 characters too; the CSV files keep the whole name", async () => {
    expect(printable("x".repeat(100_000), true)).toBe(`${"x".repeat(200)}… (99800 more characters)`);
    const unit = "U".repeat(100_000);
    const dir = await folder({ "tree.csv": "code,parent,name,weight,direction\nA,,a,1,+\n", "values.csv": `unit,year,indicator,value\n${unit},2017,A,1\n${unit},2018,A,2\n` });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    // The title line names the unit by its first 200 characters and the count of the rest.
    expect(run.stdout.split("\n")[0]).toContain(`${"U".repeat(200)}… (99800 more characters)`);
    expect(run.stdout.length).toBeLessThan(1_000);
    expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toContain(`${unit},2018,INDEX`);
  });

  it("a 100 KB value is echoed by its first 200 characters", async () => {
    const long = "9x".repeat(50_000);
    const dir = await folder({ "tree.csv": TREE, "values.csv": `unit,year,indicator,value\nU,2017,X1,${long}\nU,2017,X2,1\n` });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:2:4: ${messages.badValue(long, "value")}\n`);
    expect(run.stderr).toContain(`value ${JSON.stringify(long.slice(0, 200))}… (99800 more characters) in column "value" is not a number`);
    expect(run.stderr.length).toBeLessThan(600);
  });
});

describe("floods of problems", () => {
  /** A values file with `count` values that are not numbers, one a row (line i + 2 for the i-th). */
  const flood = (count: number) => {
    let text = "unit,year,indicator,value\n";
    for (let i = 0; i < count; i++) text += `U${i},2017,X1,bad\n`;
    return text;
  };

  it("130,000 problems in one file: no stack overflow, exit 1, the summary line, the first 50 and a count of the rest", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": flood(130_000) });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("error: 130000 problems found:");
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: PRINTED_PROBLEMS }, (_, i) => `values.csv:${i + 2}:4: ${messages.badValue("bad", "value")}`));
    expect(lines.at(-1)).toBe("… and 129,950 more problems (run with --all-problems to print them all)");
    expect(messages.moreProblems(129_950, "problems")).toBe(lines.at(-1));
    // compute reads and checks the same way (it overflowed the stack here, exit code 4, before)
    const compute = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(compute).toMatchObject({ code: 1, stderr: run.stderr });
    const all = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--all-problems"], dir);
    expect(all.code).toBe(1);
    const allLines = all.stderr.trimEnd().split("\n");
    expect(allLines.length).toBe(130_001);
    expect(allLines.at(-1)).toBe(`values.csv:130001:4: ${messages.badValue("bad", "value")}`);
  }, 60_000);

  it("--log-format json caps the problem lines too, with a last line counting the rest", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": flood(60) });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    const lines = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBe(PRINTED_PROBLEMS + 2);
    expect(lines[PRINTED_PROBLEMS]).toMatchObject({ level: "error", message: messages.moreProblems(10, "problems"), more: 10 });
    expect(lines.at(-1)).toMatchObject({ exitCode: 1 });
  });

  it("printWarnings prints the first 50 warnings and a count of the rest, or all with allProblems", () => {
    const warnings: Issue[] = Array.from({ length: 53 }, (_, i) => ({ code: "W_TEST", message: `warning ${i}` }));
    let text = "";
    printWarnings(warnings, { cwd: ".", stdout: () => undefined, stderr: (chunk) => (text += chunk) });
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBe(51);
    expect(lines[49]).toBe("warning: warning 49");
    expect(lines[50]).toBe("warning: … and 3 more warnings (run with --all-problems to print them all)");
    text = "";
    printWarnings(warnings, { cwd: ".", stdout: () => undefined, stderr: (chunk) => (text += chunk), allProblems: true });
    expect(text.trimEnd().split("\n").length).toBe(53);
  });
});

describe("Excel's cell limit", () => {
  it("compute --xlsx with a 40,000-character name writes an index.xlsx that ExcelJS opens, the name cut, with a warning", async () => {
    const name = "名".repeat(40_000);
    const values = "unit,year,indicator,value\nU,2017,X1,10\nU,2018,X1,12\nU,2017,X2,5\nU,2018,X2,6\n";
    const dir = await folder({ "tree.csv": TREE.replace("X,,X,,", `X,,${name},,`), "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--xlsx", "--lang", "en", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // The index sheet: unit, year, code, name, level, value; row 2 is the overall index, row 3 group X.
    expect(run.stderr).toContain(`warning: index.xlsx: ${messages.workbookTextCut("index", "D3", 40_000, 32_767)}\n`);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out", "index.xlsx"))) as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet("index")!.getCell("D3").value as string;
    expect(cell).toBe("名".repeat(32_766) + "…");
    // The CSV files hold the whole name.
    expect(await readFile(join(dir, "out", "index.csv"), "utf8")).toContain(`,X,${name},1,`);
  }, 60_000);
});
