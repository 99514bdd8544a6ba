/**
 * `--out` names a folder: a new folder named like a file (`--out 报告.html`, `--out result.xlsx`) is refused
 * (`E_OUT_FILE_NAME`, exit 3) before anything is made, by every command that writes a folder; an existing folder of
 * such a name, a name ending in `/`, `--out -` and the one-file `--out` of `weights` and `template` still work.
 */
import { copyFile, mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { refuseFileNameFolder } from "../../src/io/write/write.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe("--out named like a file", () => {
  it.each([
    ["报告.html", "html", "报告", " (compute --report --out 报告 writes the report as 报告/report.html)"],
    ["result.xlsx", "xlsx", "result", " (compute --xlsx --out result writes every table as result/index.xlsx)"],
    ["index.csv", "csv", "index", " (the CSV tables are written in it, index/index.csv and the others; --out - prints one on stdout)"],
    ["RESULT.XLS", "XLS", "RESULT", " (compute --xlsx --out RESULT writes every table as RESULT/index.xlsx)"],
    ["out/index.json", "json", "out/index", " (compute writes out/index/index.json; --out - --format json prints it on stdout)"],
    ["summary.pdf", "pdf", "summary", ""],
  ])("compute --out %s: exit 3, E_OUT_FILE_NAME, nothing made", async (out, extension, folder, hint) => {
    const dir = await makeTempDir();
    const run = await runCli(["compute", "--out", out, "--log-format", "json"], dir);
    expect(run.code).toBe(3);
    const lines = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line) as { level: string; code?: string; message: string });
    expect(lines.map((line) => [line.level, line.code ?? line.message])).toEqual([["error", "E_OUT_FILE_NAME"], ["error", "exit code 3"]]);
    const logged = lines[0];
    expect(logged.message).toBe(outputMessages.outFileName(out, extension, folder));
    expect(logged.message).toBe(
      `--out names a folder, and "${out}" looks like a file name (it ends in .${extension}); expected a folder such as "${folder}"${hint}\n` +
        `to name a folder "${out}" all the same, create it first or end the name with /`,
    );
    expect(await listDir(dir)).toEqual([]);
  });

  it("prints the message as an error line without --log-format", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["compute", "--out", "报告.html"], dir);
    expect(run).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.outFileName("报告.html", "html", "报告")}\n` });
    expect(run.stderr).toContain('--out names a folder, and "报告.html" looks like a file name');
  });

  it.each([
    ["audit", ["audit", "--out", "audit.xlsx"], "audit.xlsx", "xlsx"],
    ["uncertainty", ["uncertainty", "--weight-noise", "0.1", "--replications", "10", "--out", "uncertainty.html"], "uncertainty.html", "html"],
    ["report", ["report", "--out", "report.htm"], "report.htm", "htm"],
    ["compare", ["compare", "--with", "--aggregate geometric", "--out", "compare.csv"], "compare.csv", "csv"],
  ])("%s refuses it too (exit 3), before writing anything", async (_, argv, out, extension) => {
    const dir = await makeTempDir();
    const run = await runCli(argv, dir);
    expect(run.stderr).toBe(`error: ${outputMessages.outFileName(out, extension, out.slice(0, -extension.length - 1))}\n`);
    expect(run.code).toBe(3);
    expect(await listDir(dir)).toEqual([]);
  });

  it("import-coinr refuses it too", async () => {
    const dir = await makeTempDir();
    await copyFile(fixture("coinr/iData.csv"), join(dir, "iData.csv"));
    await copyFile(fixture("coinr/iMeta.csv"), join(dir, "iMeta.csv"));
    const run = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "asem.zip"], dir);
    expect(run.stderr).toBe(`error: ${outputMessages.outFileName("asem.zip", "zip", "asem")}\n`);
    expect(run.code).toBe(3);
    expect(await listDir(dir)).toEqual(["iData.csv", "iMeta.csv"]);
  });

  it("init [dir] named like a file is refused, naming init's argument", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["init", "project.json"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.outFileName("project.json", "json", "project", "init [dir]")}\n`);
    expect(run.stderr).toMatch(/^error: init \[dir\] names a folder, and "project\.json" looks like a file name \(it ends in \.json\); expected a folder such as "project"\n/);
    expect(await listDir(dir)).toEqual([]);
  });

  it("accepts an existing folder of such a name (the user made it), and a name ending in /", async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, "result.xlsx"));
    const existing = await runCli(["compute", "--out", "result.xlsx", "-q"], dir);
    expect(existing).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await listDir(join(dir, "result.xlsx"))).toContain("index.csv");
    const slash = await runCli(["compute", "--out", "报告.html/", "--report", "-q"], dir);
    expect(slash.code).toBe(0);
    expect((await stat(join(dir, "报告.html"))).isDirectory()).toBe(true);
    expect(await listDir(join(dir, "报告.html"))).toContain("report.html");
  });

  it("refuses a file of that name (not a folder) the same way, and leaves it alone", async () => {
    const dir = await makeTempDir({ "result.xlsx": "my workbook" });
    const run = await runCli(["compute", "--out", "result.xlsx"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.outFileName("result.xlsx", "xlsx", "result")}\n`);
    expect(await readFile(join(dir, "result.xlsx"), "utf8")).toBe("my workbook");
  });

  it("leaves --out - (stdout), folder names without an extension, and the one-file --out of weights and template alone", async () => {
    const dir = await makeTempDir({ "tree.csv": "code,parent,name,weight,direction\nA,,a,1,+\n" });
    const stdout = await runCli(["compute", "--out", "-", "--table", "index"], dir);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^unit,year,code,name,level,value\n/);
    expect((await runCli(["compute", "--out", "out.v2", "-q"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "out.v2"))).toContain("index.csv");
    expect((await runCli(["weights", "--out", "w.csv", "-q"], dir)).code).toBe(0);
    expect((await stat(join(dir, "w.csv"))).isFile()).toBe(true);
    const template = await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--out", "values.xlsx"], dir);
    expect(template.code).toBe(0);
    expect((await stat(join(dir, "values.xlsx"))).isFile()).toBe(true);
  });

  it("refuseFileNameFolder: only new folders whose last name ends in a file extension", async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, "made.csv"));
    const refused = (label: string) => {
      try {
        refuseFileNameFolder(join(dir, label), label);
        return undefined;
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(refused("a.html")).toBe("E_OUT_FILE_NAME");
    expect(refused("a.b/c.TSV")).toBe("E_OUT_FILE_NAME");
    expect(refused("a.txt")).toBe("E_OUT_FILE_NAME");
    expect(refused("made.csv")).toBeUndefined();
    expect(refused("a.html/")).toBeUndefined();
    expect(refused("a.csv/out")).toBeUndefined();
    expect(refused(".csv")).toBeUndefined();
    expect(refused("2024.01")).toBeUndefined();
    expect(refused("out")).toBeUndefined();
    expect(refused("-")).toBeUndefined();
  });
});
