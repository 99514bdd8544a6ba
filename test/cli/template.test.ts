/**
 * `template`: units split on the commas a Chinese keyboard types, and a workbook whose cells to fill in (and years)
 * are in Excel's General format, so that a number typed in is a number, while the codes and names stay Text.
 */
import ExcelJS from "exceljs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseUnits } from "../../src/cli/commands/template.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { formatTemplateWorkbook, templateRows } from "../../src/io/write/template.js";
import { WRITTEN_FILES } from "../../src/io/write/written-files.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction,unit\nA,,研发强度,0.5,+,%\nB,,孵化器,0.5,+,个\n001,,编码,0,+,\n";

/** The number format of a cell as Excel shows it: an unstyled cell is in the General format. */
const formatOf = (cell: ExcelJS.Cell) => cell.numFmt ?? "General";

async function readWorkbook(path: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets[0];
}

describe("template --units", () => {
  it("splits on the ASCII, full-width (，) and ideographic (、) commas, trimming each name", () => {
    expect(parseUnits("常州,无锡")).toEqual(["常州", "无锡"]);
    expect(parseUnits("常州，无锡")).toEqual(["常州", "无锡"]);
    expect(parseUnits("常州、无锡， 苏州 , 南京")).toEqual(["常州", "无锡", "苏州", "南京"]);
    expect(parseUnits(" 常州高新区 ，，")).toEqual(["常州高新区"]);
  });

  it("writes one row block per unit for --units \"常州，无锡、苏州\"", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE });
    const run = await runCli(["template", "-i", "tree.csv", "--years", "2017", "--units", "常州，无锡、苏州", "--out", "long.csv"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "wrote long.csv: 9 rows to fill in\n" });
    expect(await readFile(join(dir, "long.csv"), "utf8")).toBe(
      "\uFEFF评价对象,年份,指标代码,指标名称,数值\n" +
        ["常州", "无锡", "苏州"].map((unit) => `${unit},2017,A,研发强度,\n${unit},2017,B,孵化器,\n${unit},2017,001,编码,\n`).join(""),
    );
  });
});

describe("template workbook", () => {
  it("wide: codes, names and measures are Text; the cells to fill in are General (empty); the header is General text", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE });
    expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--out", "wide.xlsx"], dir)).code).toBe(0);
    const sheet = await readWorkbook(join(dir, "wide.xlsx"));
    expect(sheet.getRow(1).values).toEqual([undefined, "指标代码", "指标名称", "计量单位", "2017", "2018"]);
    for (let column = 1; column <= 5; column++) expect(formatOf(sheet.getCell(1, column)), `header ${column}`).toBe("General");
    for (let row = 2; row <= 4; row++) {
      for (const column of [1, 2, 3]) expect(sheet.getCell(row, column).numFmt, `R${row}C${column}`).toBe("@");
      for (const column of [4, 5]) {
        expect(formatOf(sheet.getCell(row, column)), `R${row}C${column}`).toBe("General");
        expect(sheet.getCell(row, column).value, `R${row}C${column}`).toBeNull();
      }
    }
    // The code 001 stays a text, as written.
    expect(sheet.getCell(4, 1).value).toBe("001");
  });

  it("long: unit, code and name are Text; the year is a number and the value cell General", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE });
    expect((await runCli(["template", "-i", "tree.csv", "--years", "2017-2018", "--units", "常州，无锡", "--lang", "en", "--out", "long.xlsx"], dir)).code).toBe(0);
    const sheet = await readWorkbook(join(dir, "long.xlsx"));
    expect(sheet.name).toBe("values");
    expect(sheet.getRow(1).values).toEqual([undefined, "unit", "year", "indicator", "name", "value"]);
    expect(sheet.rowCount).toBe(1 + 2 * 2 * 3);
    for (let row = 2; row <= sheet.rowCount; row++) {
      for (const column of [1, 3, 4]) expect(sheet.getCell(row, column).numFmt, `R${row}C${column}`).toBe("@");
      expect(typeof sheet.getCell(row, 2).value, `R${row} year`).toBe("number");
      expect(formatOf(sheet.getCell(row, 2)), `R${row} year`).toBe("General");
      expect(formatOf(sheet.getCell(row, 5)), `R${row} value`).toBe("General");
      expect(sheet.getCell(row, 5).value).toBeNull();
    }
    expect(sheet.getRow(2).values).toEqual([undefined, "常州", 2017, "A", "研发强度"]);
    expect(sheet.getRow(8).values).toEqual([undefined, "无锡", 2017, "A", "研发强度"]);

    // Filled in with numbers as Excel stores them (typed into General cells) and read back by compute:
    // A 2 -> 2.2 (110), B 10 -> 12 (120), 001 weight 0: INDEX 2018 = 0.5·110 + 0.5·120 = 115 for both units.
    const filled = { A: [2, 2.2], B: [10, 12], "001": [5, 5] } as Record<string, number[]>;
    for (let row = 2; row <= sheet.rowCount; row++) {
      const year = sheet.getCell(row, 2).value as number;
      sheet.getCell(row, 5).value = filled[sheet.getCell(row, 3).value as string][year - 2017];
    }
    await sheet.workbook.xlsx.writeFile(join(dir, "long.xlsx"));
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "long.xlsx", "--out", "-", "--format", "json", "--table", "index"], dir);
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as { unit: string; year: number; code: string; value: number }[]).filter((row) => row.year === 2018 && row.code === "INDEX");
    expect(rows.map((row) => [row.unit, row.value])).toEqual([
      ["常州", 115],
      ["无锡", 115],
    ]);
  });

  it("gives the same bytes for the same rows", async () => {
    const rows = templateRows([{ indicator: "A", name: "a", measure: "" }], [2017], ["U"], "en");
    expect(Buffer.from(await formatTemplateWorkbook("values", rows, "long")).equals(Buffer.from(await formatTemplateWorkbook("values", rows, "long")))).toBe(true);
  });
});

describe("template --force", () => {
  it("replaces a template it wrote, unchanged since, but never one filled in since (E_OUT_NOT_OURS, exit 3)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE });
    const argv = ["template", "-i", "tree.csv", "--years", "2017", "--out", "values.csv"];
    expect((await runCli(argv, dir)).code).toBe(0);
    // Unchanged: --force writes it again, now with two years.
    const again = await runCli([...argv.slice(0, 4), "2017-2018", ...argv.slice(5), "--force"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect((await readFile(join(dir, "values.csv"), "utf8")).split("\n")[0]).toBe("\uFEFF指标代码,指标名称,计量单位,2017,2018");
    // Filled in: --force refuses, and the filled-in file keeps every byte.
    const filled = (await readFile(join(dir, "values.csv"), "utf8")).replace("A,研发强度,%,,", "A,研发强度,%,2.1,2.3");
    await writeFile(join(dir, "values.csv"), filled);
    const refused = await runCli([...argv, "--force"], dir);
    expect(refused).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.outNotOurs("values.csv", WRITTEN_FILES)}\n` });
    expect(await readFile(join(dir, "values.csv"), "utf8")).toBe(filled);
  });
});
