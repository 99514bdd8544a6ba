/**
 * The tutorial's values files (examples/tutorial): values.csv is data/changzhou/values.csv in the wide layout Excel on
 * Chinese Windows saves (GBK, CRLF, percent signs, thousands separators), with a 来源 (source) column marking every row
 * illustrative, broken.csv the same with the one typing mistake the tutorial shows; and the output docs/tutorial.md and
 * docs/zh/tutorial.md show for steps 2 to 5 is what the tool prints for them, run as written.
 */
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { loadInputs } from "../../src/io/read/load.js";
import { makeTempDir, runCli } from "../helpers.js";
import { expectShown, linesOf, shownBlocks } from "../docs/console-blocks.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLE = join(ROOT, "examples/tutorial");
const TREE = join(ROOT, "indicators/changzhou-2020.csv");
const DOCS = { en: "docs/tutorial.md", zh: "docs/zh/tutorial.md" } as const;

/** The lines of the first console block of `doc` under `$ command`. */
function shownLines(doc: string, command: string): string[] {
  const [block] = shownBlocks(doc, command);
  if (!block) throw new Error(`no "$ ${command}" in the tutorial`);
  return block;
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  await copyFile(TREE, join(dir, "tree.csv"));
  await copyFile(join(EXAMPLE, "values.csv"), join(dir, "values.csv"));
  await copyFile(join(EXAMPLE, "broken.csv"), join(dir, "broken.csv"));
});

describe("examples/tutorial", () => {
  it("values.csv is the shipped example's values as Excel on Chinese Windows saves them: GBK, CRLF, wide, % and 1,234", async () => {
    const bytes = await readFile(join(EXAMPLE, "values.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, "gbk");
    // A last column 来源 (the values' source) marks each row illustrative, as the shipped example marks its
    // illustrative values: one source a row in this layout, so the rows holding the article's published figures (A11 in
    // 2017 and 2019) are marked too, for their illustrative years. The numbers are unchanged.
    expect(text.split("\r\n")[0]).toBe("指标代码,指标名称,2017年,2018年,2019年,2020年,来源");
    expect(text).toContain("\r\nA11,企业研发经费内部支出占营业收入比重,1.96%,2.14%,2.33%,2.44%,illustrative\r\n");
    expect(text).toContain('\r\nC22,工业互联网标识注册量,850,"1,620","2,980","4,350",illustrative\r\n');
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows = text.split("\r\n").slice(1, -1);
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.endsWith(",illustrative"))).toBe(true);

    const wide = await loadInputs(TREE, join(EXAMPLE, "values.csv"), undefined, { keepSources: true });
    // Read with the source column (as compute --report reads it): all 160 values illustrative.
    expect(wide.records.filter((record) => record.source === "illustrative")).toHaveLength(160);
    const long = await loadInputs(TREE, join(ROOT, "data/changzhou/values.csv"));
    expect(wide.panel.years).toEqual(long.panel.years);
    expect(wide.panel.indicators).toEqual(long.panel.indicators);
    expect(wide.panel.units).toHaveLength(1);
    expect(long.panel.units).toHaveLength(1);
    expect(wide.panel.values.length).toBe(160);
    expect(Array.from(wide.panel.values)).toEqual(Array.from(long.panel.values));
  });

  it("broken.csv is values.csv with the letter O for the zero of C22's 2018 value (line 23, column 4)", async () => {
    const values = iconv.decode(await readFile(join(EXAMPLE, "values.csv")), "gbk").split("\r\n");
    const broken = iconv.decode(await readFile(join(EXAMPLE, "broken.csv")), "gbk").split("\r\n");
    expect(broken).toHaveLength(values.length);
    const differ = values.flatMap((line, i) => (line === broken[i] ? [] : [i + 1]));
    expect(differ).toEqual([23]);
    expect(broken[22]).toBe(values[22].replace('"1,620"', '"1,62O"'));
    expect(broken[22].split(",")[0]).toBe("C22");
  });

  it("step 4's report.html and index.xlsx say that the values are illustrative, as both tutorials quote it", { timeout: 60_000 }, async () => {
    // Every one of values.csv's 160 values is marked illustrative (its 来源 column): 160 of 160.
    const notice = "160 个数值中有 160 个是示意数据，并非已发布的数据。";
    const cwd = await makeTempDir();
    for (const name of ["tree.csv", "values.csv"]) await copyFile(join(dir, name), join(cwd, name));
    expect((await runCli("compute -i tree.csv -d values.csv --out out --report --xlsx".split(" "), cwd)).code).toBe(0);
    expect(await readFile(join(cwd, "out/report.html"), "utf8")).toContain(`<p class="notice" role="note">${notice}</p>`);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(join(cwd, "out/index.xlsx"))) as unknown as ArrayBuffer);
    expect([book.worksheets[0].name, book.worksheets[0].getCell("A2").value]).toEqual(["说明", notice]);
    for (const path of Object.values(DOCS)) expect(await readFile(join(ROOT, path), "utf8"), path).toContain(`\`${notice}\``);
    expect(await readFile(join(ROOT, DOCS.en), "utf8")).toContain('"160 of 160 values are illustrative, not published."');
  });

  describe.each(Object.entries(DOCS))("%s", (language, path) => {
    let doc: string;
    beforeAll(async () => {
      doc = await readFile(join(ROOT, path), "utf8");
    });

    it("shows what the tool prints for steps 2 to 5, run as written", async () => {
      const commands = [
        "template -i tree.csv --years 2017-2020 --out values.xlsx",
        "validate -i tree.csv -d values.csv",
        "validate -i tree.csv -d broken.csv",
        "compute -i tree.csv -d values.csv --out out --report --xlsx",
        "compute -i tree.csv -d values.csv --out - --table growth --format csv",
        "weights -i tree.csv -d values.csv --method entropy",
      ];
      const exitCodes: Record<string, number> = { "validate -i tree.csv -d broken.csv": 1 };
      for (const command of commands) {
        if (!doc.includes(`$ innovation-index ${command}\n`)) {
          // The Chinese tutorial leaves out some steps; the English one shows them all.
          expect(language, `${path} lacks "${command}"`).toBe("zh");
          continue;
        }
        const cwd = await makeTempDir();
        for (const name of ["tree.csv", "values.csv", "broken.csv"]) await copyFile(join(dir, name), join(cwd, name));
        // The Chinese tutorial shows the terminal of a Chinese system (src/cli/language.ts).
        const run = await runCli(command.split(" "), cwd, { language: language === "zh" ? "zh" : "en" });
        expect(run.code, `${command}: ${run.stderr}`).toBe(exitCodes[command] ?? 0);
        expectShown(shownLines(doc, `innovation-index ${command}`), [...linesOf(run.stdout), ...linesOf(run.stderr)], `${path}, ${command}`);
      }
    });
  });
});
