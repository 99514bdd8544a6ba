import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { logSettingsOf } from "../../src/cli/log.js";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

describe("--quiet and --log-format json", () => {
  it("logSettingsOf(argv) finds them anywhere before --", () => {
    expect(logSettingsOf(["compute", "-q"])).toEqual({ quiet: true, format: "text", allProblems: false });
    expect(logSettingsOf(["--log-format", "json", "compute"])).toEqual({ quiet: false, format: "json", allProblems: false });
    expect(logSettingsOf(["compute", "--log-format=json", "--quiet"])).toEqual({ quiet: true, format: "json", allProblems: false });
    expect(logSettingsOf(["compute", "--", "-q"])).toEqual({ quiet: false, format: "text", allProblems: false });
    expect(logSettingsOf(["compute", "--all-problems"])).toEqual({ quiet: false, format: "text", allProblems: true });
    expect(logSettingsOf(["--debug", "compute"])).toEqual({ quiet: false, format: "text", allProblems: true });
  });

  it("--quiet before the command prints nothing on success and still prints errors", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    const ok = await runCli(["--quiet", "compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
    const bad = await runCli(["--quiet", "compute", "-i", "tree.csv", "-d", "nope.csv"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: nope.csv: no such file; expected a readable file\n');
  });

  it("--log-format json writes one JSON object per line: each problem with its code and place, then the exit code", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": "unit,year,indicator,value\nU1,2017,X1,abc\nU1,2017,Q,1\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map(({ time, ...rest }) => (expect(time).toMatch(/^\d{4}-\d\d-\d\dT/), rest))).toEqual([
      { level: "error", code: "E_BAD_NUMBER", message: expect.stringMatching(/^value "abc".* is not a number/), source: "values.csv", line: 2, column: 4 },
      // The bad number does not hide the unknown indicator of the next row, placed at its cell (the 3rd column, a
      // number as for the bad number's cell).
      { level: "error", code: "E_UNKNOWN_INDICATOR", message: messages.unknownIndicator("Q"), source: "values.csv", line: 3, column: 3, id: "Q" },
      { level: "error", message: "exit code 1", exitCode: 1 },
    ]);
  });

  it("--log-format json lists the problems in file order too, as the text does", async () => {
    // The tree's checks find the own parent (line 4) before the weight that is not a number (line 3); the values are
    // checked after the tree. In file order: tree.csv lines 3 and 4, then values.csv.
    const tree = "code,parent,name,weight,direction\nX,,X,,\nX1,X,x1,abc,+\nS,S,self,,\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": "unit,year,indicator,value\nU1,2017,X1,1\nU1,2017,Q,1\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    const places = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line)).filter((line) => line.code).map((line) => `${line.source}:${line.line}:${line.code}`);
    expect(places).toEqual(["tree.csv:3:E_BAD_WEIGHT", "tree.csv:4:E_TREE_CYCLE", "values.csv:3:E_UNKNOWN_INDICATOR"]);
  });

  it("--log-format json gives commander's usage errors the code E_USAGE, as the tool's own usage errors", async () => {
    const dir = await makeTempDir();
    const usage = async (...argv: string[]) => {
      const run = await runCli(["--log-format", "json", ...argv], dir);
      expect(run.code).toBe(2);
      return run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line)).map(({ time, ...rest }) => (expect(time).toMatch(/^\d{4}-/), rest));
    };
    expect(await usage("compute", "--threads", "0")).toEqual([
      { level: "error", code: "E_USAGE", message: `option '--threads <n>' argument '0' is invalid. --threads must be a whole number from 1 to 1024, got "0"` },
      { level: "info", message: "(run with --help for usage)" },
      { level: "error", message: "exit code 2", exitCode: 2 },
    ]);
    expect((await usage("computee"))[0]).toEqual({ level: "error", code: "E_USAGE", message: "unknown command 'computee'\n(Did you mean compute?)" });
    expect((await usage("diff", "a", "b", "c"))[0]).toEqual({ level: "error", code: "E_USAGE", message: "too many arguments for 'diff'. Expected 2 arguments but got 3." });
    expect((await usage("compute", "--out"))[0]).toEqual({ level: "error", code: "E_USAGE", message: "option '-o, --out <dir>' argument missing" });
    // The tool's own usage error has it too, from reportLoggedError.
    expect((await usage("compare", "-i", "tree.csv", "-d", "values.csv"))[0]).toMatchObject({ level: "error", code: "E_USAGE" });
  });

  it("--log-format json cuts a column's name after 200 characters, as the message quoting it does", async () => {
    // A tree column no tree reads, named by 250 x's: the column is its name, cut as cutText cuts it (the first
    // 200 characters, then the count of the other 50), which the message's quote of the name cuts as well.
    const long = "x".repeat(250);
    const tree = `code,parent,name,weight,direction,${long}\nX,,x,,,\nX1,X,a,,+,\n`;
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": "unit,year,indicator,value\nU1,2017,X1,1\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    const unknown = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line)).filter((line) => line.code === "E_UNKNOWN_COLUMN");
    expect(unknown.map(({ column }) => column)).toEqual([`${"x".repeat(200)}… (50 more characters)`]);
    expect(unknown[0].message).toContain(`"${"x".repeat(200)}"… (50 more characters)`);
    expect(run.stderr).not.toContain("x".repeat(201));
  });

  it("--log-format json cuts an issue's id (an indicator's code) after 200 characters, as its column (before: whole)", async () => {
    // Line 3 names an indicator by 250 y's, which the tree lacks: the id is that code, cut as cutText cuts it
    // (the first 200 characters, then the count of the other 50), which the message's quote of the code cuts as well.
    const long = "y".repeat(250);
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": `unit,year,indicator,value\nU1,2017,X1,1\nU1,2017,${long},1\n` });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    const unknown = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line)).filter((line) => line.code === "E_UNKNOWN_INDICATOR");
    expect(unknown.map(({ id, line, column }) => ({ id, line, column }))).toEqual([{ id: `${"y".repeat(200)}… (50 more characters)`, line: 3, column: 3 }]);
    expect(unknown[0].message).toContain(`"${"y".repeat(200)}"… (50 more characters)`);
    expect(run.stderr).not.toContain("y".repeat(201));
  });

  it("--log-format json turns warnings and progress into JSON lines too", async () => {
    const tree = "code,parent,name,weight,direction\nX,,x,0.3,\nX1,X,a,,+\nY,,y,0.3,\nY1,Y,b,,+\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": "year,indicator,value\n2017,X1,1\n2017,Y1,2\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--log-format", "json"], dir);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ level: "warning", code: "W_WEIGHTS_RENORMALISED" });
    expect(lines[1]).toMatchObject({ level: "info", message: expect.stringMatching(/^wrote index\.csv, .* to out$/) });
    expect(lines).toHaveLength(2);
  });
});
