/**
 * `import-coinr` on COINr's own ASEM example (test/fixtures/coinr: iData and iMeta cut from the R package COINr's
 * `ASEM_iData_p` and `ASEM_iMeta` to the framework of test/fixtures/asem/tree-scaling.csv, with a group column and a
 * denominator kept to be ignored): the index computed from what it writes must equal the R reference of
 * test/fixtures/asem/expected.csv.
 */
import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeIndex, resultIndex } from "../../src/core/compute.js";
import { buildPanel } from "../../src/core/panel.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";
import { commandMessages } from "../../src/core/command-messages.js";
import { messages } from "../../src/core/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function imported(): Promise<{ dir: string; run: Awaited<ReturnType<typeof runCli>> }> {
  const dir = await makeTempDir();
  dirs.push(dir);
  await copyFile(fixture("coinr/iData.csv"), join(dir, "iData.csv"));
  await copyFile(fixture("coinr/iMeta.csv"), join(dir, "iMeta.csv"));
  return { dir, run: await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "asem"], dir) };
}

describe("innovation-index import-coinr", () => {
  it("writes the tree of the iMeta: COINr's index as the overall index, directions as +/-, equal weights as empty cells", async () => {
    const { dir, run } = await imported();
    expect(run.stderr).toContain("wrote asem/tree.csv (15 nodes, 12 indicators) and asem/values.csv (51 units, 5 years)");
    expect(run.code).toBe(0);
    const tree = parseTreeCsv(await readFile(join(dir, "asem/tree.csv"), "utf8"), "tree.csv");
    const reference = parseTreeCsv(await readFile(fixture("asem/tree-scaling.csv"), "utf8"), "tree-scaling.csv");
    const shape = (t: typeof tree) =>
      t.nodes.map((node) => [node.code, node.parent, node.kind, node.kind === "indicator" ? node.direction : "", node.weight]).sort();
    expect(shape(tree)).toEqual(shape(reference));
    // COINr's index (iCode Index) is the tree's INDEX row, under its iName.
    expect(tree.indexName).toBe("Sustainable Connectivity");
  });

  it("gives the index of the R reference on the ASEM data (min-max, arithmetic, missing values reweighted)", async () => {
    const { dir } = await imported();
    const tree = parseTreeCsv(await readFile(join(dir, "asem/tree.csv"), "utf8"), "tree.csv");
    const values = parseDataCsv(await readFile(join(dir, "asem/values.csv"), "utf8"), "values.csv");
    if (!values.ok) throw new Error(values.issues.map((issue) => issue.message).join("\n"));
    const panel = buildPanel(tree, values.value);
    if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
    const result = computeIndex(tree, panel.value, { normalize: "min-max", baseYear: 2018, missing: "reweight" });
    const rows = (await readFile(fixture("asem/expected.csv"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => line.split(","))
      .filter(([name]) => name === "min-max|arithmetic");
    expect(rows.length).toBe(51 * 2 * 4);
    for (const [, unit, year, code, value] of rows) {
      const node = result.nodes.findIndex((candidate) => candidate.code === code);
      const actual = result.values[resultIndex(result, node, result.units.indexOf(unit), result.years.indexOf(Number(year)))];
      expect(Math.abs(actual - Number(value)), `${unit} ${year} ${code}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(Number(value))));
    }
  });

  it("counts one unit and one year in the singular", async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    await copyFile(fixture("coinr/iMeta.csv"), join(dir, "iMeta.csv"));
    const [header, ...rows] = (await readFile(fixture("coinr/iData.csv"), "utf8")).trim().split(/\r?\n/);
    const time = header.split(",").indexOf("Time");
    const of2018 = rows.filter((row) => row.split(",")[time] === "2018");
    expect(of2018).toHaveLength(51);
    await writeFile(join(dir, "year.csv"), [header, ...of2018].join("\n") + "\n");
    await writeFile(join(dir, "unit.csv"), [header, of2018[0]].join("\n") + "\n");
    const oneYear = await runCli(["import-coinr", "--data", "year.csv", "--meta", "iMeta.csv", "--out", "year"], dir);
    expect(oneYear.code).toBe(0);
    // The fixture's uName, its Group column GDP_group and its Denominator Area have no place in tree.csv and values.csv.
    const notImported =
      "not imported: uName (unit names), GDP_group (Group), Area (Denominator); tree.csv and values.csv hold the indicators' values by uCode and Time, and have no place for unit names, groups or denominators\n";
    expect(oneYear.stderr).toBe(`${notImported}wrote year/tree.csv (15 nodes, 12 indicators) and year/values.csv (51 units, 1 year)\n`);
    const oneUnit = await runCli(["import-coinr", "--data", "unit.csv", "--meta", "iMeta.csv", "--out", "unit"], dir);
    expect(oneUnit.code).toBe(0);
    expect(oneUnit.stderr).toBe(`${notImported}wrote unit/tree.csv (15 nodes, 12 indicators) and unit/values.csv (1 unit, 1 year)\n`);
  });

  it("refuses to overwrite what it did not write, and names a missing iMeta column", async () => {
    const { dir } = await imported();
    const again = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "asem"], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain("asem/tree.csv: the file exists");
    const bad = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iData.csv", "--out", "other"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('missing column "Parent"');
  });

  it("reports a row of an unknown Type with the other problems of iMeta and iData in one run, and writes nothing", async () => {
    // I3's Type Indikator (line 4) hid I2's weight abc (line 3), I3's direction 2, I4's direction 7 and its duplicate
    // (lines 5, 6) and iData's x (line 3, column 3), which came on the second run.
    const meta = [
      "iCode,iName,Level,Parent,Direction,Weight,Type",
      "I1,ind 1,1,P1,1,1,Indicator",
      "I2,ind 2,1,P1,1,abc,Indicator",
      "I3,ind 3,1,P2,2,1,Indikator",
      "I4,ind 4,1,P2,7,1,Indicator",
      "I4,ind 4b,1,P2,1,1,Indicator",
      "P1,Pillar 1,2,Index,NA,1,Aggregate",
      "P2,Pillar 2,2,Index,NA,1,Aggregate",
      "Index,Index,3,NA,NA,1,Aggregate",
    ].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": "uCode,Time,I1,I2,I3,I4\nAAA,2020,1,2,3,4\nBBB,2020,x,2,3,4\n" });
    const run = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // Weight is column 6, Direction 5, Type 7: each cell's problem gives its place. I3, named by no row as its
    // parent, is checked as an indicator (its direction too); its iData column is no unknown indicator.
    expect(run.stderr).toBe(
      [
        "error: 6 problems found:",
        `iMeta.csv:3:6: ${messages.badWeight("I2", "abc")}`,
        `iMeta.csv:4:5: ${messages.badDirection("I3", "2")}`,
        `iMeta.csv:4:7: ${messages.unknownChoice("Type", "Indikator", ["Indicator", "Aggregate", "Group", "Denominator", "Other"])}`,
        `iMeta.csv:5:5: ${messages.badDirection("I4", "7")}`,
        `iMeta.csv:6: ${messages.duplicateCode("I4", 5)}`,
        `iData.csv:3:3: ${messages.badValue("x", "I1")}`,
        "",
      ].join("\n"),
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
    // A row of an unknown Type that other rows name as their parent is checked as an aggregate: no direction asked.
    const group = meta.replace("P2,Pillar 2,2,Index,NA,1,Aggregate", "P2,Pillar 2,2,Index,NA,1,Aggregat").replace("I2,ind 2,1,P1,1,abc", "I2,ind 2,1,P1,1,1").replace(",2,1,Indikator", ",1,1,Indicator");
    await writeFile(join(dir, "group.csv"), group);
    const grouped = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "group.csv", "--out", "out"], dir);
    expect(grouped.stderr.split("\n").slice(1, 3)).toEqual([
      `group.csv:5:5: ${messages.badDirection("I4", "7")}`,
      `group.csv:6: ${messages.duplicateCode("I4", 5)}`,
    ]);
    expect(grouped.stderr).toContain(`group.csv:8:7: ${messages.unknownChoice("Type", "Aggregat", ["Indicator", "Aggregate", "Group", "Denominator", "Other"])}`);
    expect(grouped.stderr).not.toContain('"P2" has no direction');
  });
});

/**
 * COINr's rules for its tables, on small iData/iMeta pairs: numbers read with the file's decimal mark (R's write.csv2
 * writes `;`-separated files with decimal commas), the iData's columns named as COINr names them, and the checks of
 * COINr's check_iData and check_iMeta (uCode, one row per uCode and Time, Levels).
 */
describe("innovation-index import-coinr, as COINr reads its tables", () => {
  const HEADER = ["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "Unit", "Target"];
  /** An iMeta as R's write.csv2 writes it (`;`, decimal commas, strings quoted, NA), from rows of HEADER's cells. */
  const csv2 = (rows: readonly (readonly (string | number)[])[]) =>
    [HEADER, ...rows].map((cells) => cells.map((cell) => (typeof cell === "number" || cell === "NA" ? String(cell) : `"${cell}"`)).join(";")).join("\n") + "\n";
  /** The tester's framework: two indicators under Environ under the index "Sustainable Connectivity", and a Group. */
  const META_CSV2 = [
    '"iCode";"iName";"Level";"Parent";"Direction";"Weight";"Type";"Unit";"Target"',
    '"Renew";"Renewable energy";1;"Environ";1;0,967;"Indicator";"Percent";27,445',
    '"CO2";"CO2 emissions";1;"Environ";-1;0,033;"Indicator";"Tonnes";1,5',
    '"Environ";"Environmental";2;"Index";1;1;"Aggregate";NA;NA',
    '"Index";"Sustainable Connectivity";3;NA;NA;1;"Aggregate";NA;NA',
    '"GDP_group";"GDP group";NA;NA;NA;NA;"Group";NA;NA',
    "",
  ].join("\n");
  const DATA_CSV2 = ['"uCode";"uName";"GDP_group";"Time";"Renew";"CO2"', '"AUT";"Austria";"L";2018;14,1;3', '"BEL";"Belgium";"M";2018;9,2;7,5', ""].join("\n");
  /** The same tables as R's write.csv writes them (`,`, decimal points). */
  const META_CSV = META_CSV2.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ",");
  const DATA_CSV = DATA_CSV2.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ",");
  const importIn = (dir: string, ...flags: string[]) => runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.csv", "--out", "out", ...flags], dir);

  it("reads a write.csv2 pair's weights and targets with its decimal commas, writes them as plain numbers, and compute scores them", async () => {
    const dir = await makeTempDir({ "iMeta.csv": META_CSV2, "iData.csv": DATA_CSV2 });
    const run = await importIn(dir);
    expect(run).toEqual({
      code: 0,
      stdout: "",
      stderr:
        "not imported: uName (unit names), GDP_group (Group); tree.csv and values.csv hold the indicators' values by uCode and Time, and have no place for unit names, groups or denominators\n" +
        "wrote out/tree.csv (3 nodes, 2 indicators) and out/values.csv (2 units, 1 year)\n",
    });
    // 0,967 and 0,033 sum to 1: written as they are, with a decimal point; 27,445 is 27.445 (not 27445); the index's
    // name is the INDEX row's.
    const tree = await readFile(join(dir, "out/tree.csv"), "utf8");
    expect(tree).toBe(
      [
        "\uFEFFcode,parent,name,weight,direction,unit,target",
        "INDEX,,Sustainable Connectivity,,,,",
        "Environ,,Environmental,,,,",
        "Renew,Environ,Renewable energy,0.967,+,Percent,27.445",
        "CO2,Environ,CO2 emissions,0.033,-,Tonnes,1.5",
        "",
      ].join("\n"),
    );
    const values = await readFile(join(dir, "out/values.csv"), "utf8");
    expect(values).toBe(["\uFEFFunit,year,indicator,value", "AUT,2018,Renew,14.1", "AUT,2018,CO2,3", "BEL,2018,Renew,9.2", "BEL,2018,CO2,7.5", ""].join("\n"));

    // The same tables written by write.csv give the same files.
    const plain = await makeTempDir({ "iMeta.csv": META_CSV, "iData.csv": DATA_CSV });
    expect((await importIn(plain)).code).toBe(0);
    expect(await readFile(join(plain, "out/tree.csv"), "utf8")).toBe(tree);
    expect(await readFile(join(plain, "out/values.csv"), "utf8")).toBe(values);

    // Distance to target: Renew 100·14.1/27.445 = 51.375478 and 100·9.2/27.445 = 33.521589; CO2 (negative)
    // 100·1.5/3 = 50 and 100·1.5/7.5 = 20; the index 0.967·51.375478 + 0.033·50 = 49.680087 + 1.65 = 51.330087 and
    // 0.967·33.521589 + 0.033·20 = 32.415376 + 0.66 = 33.075376.
    const compute = await runCli(["compute", "-i", "out/tree.csv", "-d", "out/values.csv", "--normalise", "distance-to-target", "--base-year", "2018", "--decimals", "6", "-o", "c"], dir);
    expect(compute.code).toBe(0);
    const rows = async (name: string) => (await readFile(join(dir, "c", name), "utf8")).replace(/^\uFEFF/, "").trim().split("\n");
    expect((await rows("scores.csv")).filter((line) => line.includes(",Renew,"))).toEqual(["AUT,2018,Renew,Renewable energy,2,51.375478", "BEL,2018,Renew,Renewable energy,2,33.521589"]);
    expect((await rows("scores.csv")).filter((line) => line.includes(",CO2,"))).toEqual(["AUT,2018,CO2,CO2 emissions,2,50.000000", "BEL,2018,CO2,CO2 emissions,2,20.000000"]);
    expect((await rows("index.csv")).filter((line) => line.includes(",INDEX,"))).toEqual([
      "AUT,2018,INDEX,Sustainable Connectivity,0,51.330087",
      "BEL,2018,INDEX,Sustainable Connectivity,0,33.075376",
    ]);
  });

  it("names a number of the iMeta it cannot read by file, line and column, with the decimal mark that would read it", async () => {
    // Line 2's Target 27.445 in a file of decimal commas (thousands or decimals?), line 3's Target abc; line 2's weight
    // 0.967 likewise: the tree's check names it (Weight is column 6, Target 9).
    const meta = csv2([
      ["Renew", "Renewable energy", 1, "Environ", 1, "0.967", "Indicator", "Percent", "27.445"],
      ["CO2", "CO2 emissions", 1, "Environ", -1, "0,033", "Indicator", "Tonnes", "abc"],
      ["Environ", "Environmental", 2, "Index", 1, 1, "Aggregate", "NA", "NA"],
      ["Index", "Sustainable Connectivity", 3, "NA", "NA", 1, "Aggregate", "NA", "NA"],
    ]).replace(/"(0[.,]\d+|27\.445)"/g, "$1");
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": DATA_CSV2.replace(';"GDP_group"', "").replace(/;"[LM]"/g, "") });
    const run = await importIn(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "error: 3 problems found:",
        `iMeta.csv:2:6: ${messages.badWeight("Renew", "0.967", "ambiguous")}`,
        `iMeta.csv:2:9: ${commandMessages.coinrBadNumber("Target", "Renew", "27.445", "ambiguous")}`,
        `iMeta.csv:3:9: ${commandMessages.coinrBadNumber("Target", "CO2", "abc")}`,
        "",
      ].join("\n"),
    );
    expect(commandMessages.coinrBadNumber("Target", "Renew", "27.445", "ambiguous")).toBe(
      'Target "27.445" of "Renew" is not a number; expected a number with a decimal comma, such as 27,445, as the file\'s other numbers (--decimal . if the file writes decimal points)',
    );
    // --decimal . (for both files) reads 0.967 and 27.445, and says that 0,033 reads with a decimal comma only.
    await writeFile(join(dir, "iData.csv"), '"uCode";"Time";"Renew";"CO2"\n"AUT";2018;14;3\n');
    const pointed = await importIn(dir, "--decimal", ".");
    expect(pointed.stderr).toBe(
      [
        "error: 2 problems found:",
        `iMeta.csv:3:6: ${messages.badWeight("CO2", "0,033", "comma")}`,
        `iMeta.csv:3:9: ${commandMessages.coinrBadNumber("Target", "CO2", "abc")}`,
        "",
      ].join("\n"),
    );
  });

  it("refuses iData columns that the iMeta does not declare, naming each and the iMeta; those of another Type are named as not imported", async () => {
    const data = ["uCode,uName,Time,Renw,CO2,GDP_group,Notes", "AUT,Austria,2018,14.1,3,L,x", ""].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": META_CSV, "iData.csv": data });
    const run = await importIn(dir);
    expect(run.code).toBe(1);
    const codes = ["Renew", "CO2", "Environ", "Index", "GDP_group", "uCode", "uName", "Time"];
    // Renw (column 4) is Renew mistyped, whose column is then missing (iMeta line 2); Notes is column 7.
    expect(run.stderr).toBe(
      [
        "error: 3 problems found:",
        `iData.csv:1:4: ${commandMessages.coinrUndeclaredColumn("Renw", "iMeta.csv", codes)}`,
        `iData.csv:1:7: ${commandMessages.coinrUndeclaredColumn("Notes", "iMeta.csv", codes)}`,
        `iMeta.csv:2: ${commandMessages.importNoColumn("Renew")}`,
        "",
      ].join("\n"),
    );
    expect(commandMessages.coinrUndeclaredColumn("Renw", "iMeta.csv", codes)).toBe(
      'column "Renw" is not declared in iMeta.csv: no row has iCode "Renw", and COINr\'s new_coin refuses such a column; expected every iData column but uCode, uName and Time to have an iMeta row, of Type Indicator for an indicator, or Group, Denominator or Other for a column not imported; did you mean "Renew"?',
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("refuses Group, Denominator and Other rows of the iMeta whose iCode has no iData column, as new_coin does, all in one run with a missing indicator", async () => {
    // META_CSV's rows (Renew line 2, CO2 line 3, Environ 4, Index 5, GDP_group 6) and a Denominator Area (line 7) and
    // an Other Notes (line 8). The iData has Notes but neither GDP_group nor Area nor CO2: three problems, in the
    // iMeta's order; the aggregates Environ and Index need no column.
    const meta = `${META_CSV}Area,Land area,NA,NA,NA,NA,Denominator,NA,NA\nNotes,Notes,NA,NA,NA,NA,Other,NA,NA\n`;
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": "uCode,Time,Renew,Notes\nAUT,2018,14.1,x\n" });
    const run = await importIn(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "error: 3 problems found:",
        `iMeta.csv:3: ${commandMessages.importNoColumn("CO2")}`,
        `iMeta.csv:6:1: ${commandMessages.coinrNoColumn("GDP_group", "Group", "iData.csv")}`,
        `iMeta.csv:7:1: ${commandMessages.coinrNoColumn("Area", "Denominator", "iData.csv")}`,
        "",
      ].join("\n"),
    );
    expect(commandMessages.coinrNoColumn("Area", "Denominator", "iData.csv")).toBe(
      'iCode "Area" of Type Denominator has no column in iData.csv, and COINr\'s new_coin refuses an iMeta row without one; expected a column named "Area" in iData.csv (every iMeta row but an Aggregate is a column of the iData), or no row for "Area" in the iMeta',
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
    // With the columns (their values are not imported), the same tables import.
    await writeFile(join(dir, "iData.csv"), "uCode,Time,Renew,CO2,GDP_group,Area,Notes\nAUT,2018,14.1,3,L,83879,x\n");
    const whole = await importIn(dir);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stderr).toContain("not imported: GDP_group (Group), Area (Denominator), Notes (Other)");
  });

  it("refuses an iData without uCode (no rows written without a unit), naming a column that differs only in case", async () => {
    const dir = await makeTempDir({ "iMeta.csv": META_CSV, "iData.csv": "Time,Renew,CO2\n2018,14.1,3\n", "lower.csv": "ucode,Time,Renew,CO2\nAUT,2018,14.1,3\n" });
    const run = await importIn(dir);
    // Without its GDP_group column too (the iMeta's Group row, line 6), which COINr's new_coin refuses as well: told in
    // the same run.
    const noGroup = (data: string) => `iMeta.csv:6:1: ${commandMessages.coinrNoColumn("GDP_group", "Group", data)}`;
    expect(run.stderr).toBe(`error: 2 problems found:\niData.csv:1: ${commandMessages.coinrNoUnitCode(["Time", "Renew", "CO2"])}\n${noGroup("iData.csv")}\n`);
    expect(commandMessages.coinrNoUnitCode(["Time", "Renew", "CO2"])).toBe(
      'no column "uCode" (each row\'s unit code), which COINr\'s iData requires; found columns "Time", "Renew", "CO2"; expected a column named "uCode"',
    );
    const lower = await runCli(["import-coinr", "--data", "lower.csv", "--meta", "iMeta.csv", "--out", "out"], dir);
    // ucode is no name of COINr's, said once, by the missing uCode's message.
    expect(lower.stderr).toBe(`error: 2 problems found:\nlower.csv:1: ${commandMessages.coinrNoUnitCode(["ucode", "Time", "Renew", "CO2"])}\n${noGroup("lower.csv")}\n`);
    expect(commandMessages.coinrNoUnitCode(["ucode", "Time"])).toContain('; expected a column named "uCode" (found column "ucode": COINr\'s column names are case-sensitive)');
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("reads each column by its iCode and Type: an indicator Source, Group columns Year, Period, Code, Indicator, an Other column Value", async () => {
    // With the values reader's aliases, Source was a source column (the indicator 'had no column'), Year or Period the
    // year, and Code, Indicator or Value made the table long.
    const meta = [
      "iCode,iName,Level,Parent,Direction,Weight,Type",
      "Source,Source indicator,1,Index,1,1,Indicator",
      "Renew,Renewable energy,1,Index,1,1,Indicator",
      "Index,Index,2,NA,NA,1,Aggregate",
      "Year,Year group,NA,NA,NA,NA,Group",
      "Period,Period group,NA,NA,NA,NA,Group",
      "Code,Code group,NA,NA,NA,NA,Group",
      "Indicator,Indicator group,NA,NA,NA,NA,Group",
      "Value,A value,NA,NA,NA,NA,Other",
      "",
    ].join("\n");
    const data = ["uCode,Year,Period,Code,Indicator,Value,Time,Source,Renew", "AUT,1990,P1,C1,I1,7,2018,5,14.1", "AUT,1991,P1,C1,I1,8,2019,6,15.2", ""].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": data });
    const run = await importIn(dir);
    expect(run.stderr).toBe(
      "not imported: Year (Group), Period (Group), Code (Group), Indicator (Group), Value (Other); tree.csv and values.csv hold the indicators' values by uCode and Time, and have no place for unit names, groups or denominators\n" +
        "wrote out/tree.csv (2 nodes, 2 indicators) and out/values.csv (1 unit, 2 years)\n",
    );
    expect(await readFile(join(dir, "out/values.csv"), "utf8")).toBe(
      ["\uFEFFunit,year,indicator,value", "AUT,2018,Source,5", "AUT,2018,Renew,14.1", "AUT,2019,Source,6", "AUT,2019,Renew,15.2", ""].join("\n"),
    );
  });

  it("refuses --year beside a Time column (usage), and takes it for an iData without one", async () => {
    const dir = await makeTempDir({ "iMeta.csv": META_CSV, "iData.csv": DATA_CSV, "one.csv": "uCode,Renew,CO2,GDP_group\nAUT,14.1,3,L\n" });
    const both = await importIn(dir, "--year", "2020");
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(`error: ${commandMessages.importYearAndTime("iData.csv")}\n(run with --help for usage)\n`);
    expect(commandMessages.importYearAndTime("iData.csv")).toBe(
      "--year is for an iData without a Time column, and iData.csv has one; expected either --year or a Time column, not both (leave out --year to take each row's Time)",
    );
    const one = await runCli(["import-coinr", "--data", "one.csv", "--meta", "iMeta.csv", "--out", "out", "--year", "2020"], dir);
    expect(one.code).toBe(0);
    expect(await readFile(join(dir, "out/values.csv"), "utf8")).toBe(["\uFEFFunit,year,indicator,value", "AUT,2020,Renew,14.1", "AUT,2020,CO2,3", ""].join("\n"));
  });

  it("refuses two rows of one uCode and Time, naming both lines, and an empty uCode", async () => {
    const data = ["uCode,Time,Renew,CO2,GDP_group", "AUT,2018,14.1,3,L", "BEL,2018,9.2,7.5,M", "AUT,2019,15,3,L", "AUT,2018,14.2,3,L", ",2018,1,1,M", ""].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": META_CSV, "iData.csv": data });
    const run = await importIn(dir);
    expect(run.code).toBe(1);
    // Line 5 repeats line 2's AUT 2018 (AUT 2019 on line 4 is another year); line 6 has no uCode, BEL... AUT above it.
    expect(run.stderr).toBe(
      [
        "error: 2 problems found:",
        `iData.csv:5:1: ${commandMessages.coinrDuplicateRow("AUT", 2018, 2)}`,
        `iData.csv:6:1: ${messages.emptyUnit("uCode", 6, 6, "AUT")}`,
        "",
      ].join("\n"),
    );
    expect(commandMessages.coinrDuplicateRow("AUT", 2018, 2)).toBe('unit "AUT", year 2018 is given again (first on line 2); expected one row per uCode and Time, as COINr\'s new_coin requires');
  });

  it("checks the Levels as COINr's check_iMeta: indicators at 1, parents one Level above, no branch short of the top, whole numbers", async () => {
    const meta = [
      "iCode,iName,Level,Parent,Direction,Weight,Type",
      "A1,a1,1,P1,1,1,Indicator", // fine
      "A2,a2,2,P1,1,1,Indicator", // an indicator at Level 2
      "B1,b1,1,Index,1,1,Indicator", // its parent two Levels above
      "C1,c1,1,P2,1,1,Indicator", // under P2, which has no parent
      "D1,d1,NA,P1,1,1,Indicator", // no Level
      "D2,d2,1.5,P1,1,1,Indicator", // no whole number
      "P1,p1,2,Index,NA,1,Aggregate",
      "P2,p2,2,NA,NA,1,Aggregate", // a branch stopping at Level 2, below the index's 3
      "Index,Index,3,NA,NA,1,Aggregate",
      "",
    ].join("\n");
    const data = ["uCode,Time,A1,A2,B1,C1,D1,D2", "AUT,2018,1,2,3,4,5,6", ""].join("\n");
    const dir = await makeTempDir({ "iMeta.csv": meta, "iData.csv": data });
    const run = await importIn(dir);
    expect(run.code).toBe(1);
    // Level is column 3.
    expect(run.stderr).toBe(
      [
        "error: 5 problems found:",
        `iMeta.csv:3:3: ${commandMessages.coinrIndicatorLevel("A2", 2)}`,
        `iMeta.csv:4:3: ${commandMessages.coinrParentLevel("B1", 1, "Index", 3)}`,
        `iMeta.csv:6:3: ${commandMessages.coinrBadLevel("D1", "NA")}`,
        `iMeta.csv:7:3: ${commandMessages.coinrBadLevel("D2", "1.5")}`,
        `iMeta.csv:9:3: ${commandMessages.coinrTopLevel("P2", 2, 3)}`,
        "",
      ].join("\n"),
    );
    expect(commandMessages.coinrParentLevel("B1", 1, "Index", 3)).toBe(
      '"B1" has Level 1 and its parent "Index" Level 3; expected the parent one Level above its child (Level 2), as COINr\'s check_iMeta requires',
    );
    expect(commandMessages.coinrTopLevel("P2", 2, 3)).toBe(
      '"P2" has no parent but Level 2, below the top Level 3; expected a parent for "P2", or every branch to reach the top Level (each indicator as many Levels below the index as every other)',
    );
  });
});
