import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { projectMessages } from "../../src/core/project-messages.js";
import { PROJECT_SCHEMA } from "../../src/io/project/project-schema.js";
import { WRITTEN_FILES } from "../../src/io/write/written-files.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

describe("innovation-index init", () => {
  it("scaffolds a project that compute runs as it is", async () => {
    const dir = await makeTempDir();
    const init = await runCli(["init", "idx"], dir);
    expect(init.code).toBe(0);
    expect(await listDir(join(dir, "idx"))).toEqual(["README.md", "data", "index.schema.json", "index.yaml", "indicators.csv"]);
    expect(await listDir(join(dir, "idx/data"))).toEqual(["2017.csv", "2018.csv"]);
    const yaml = await readFile(join(dir, "idx/index.yaml"), "utf8");
    expect(PROJECT_SCHEMA.safeParse(parse(yaml)).success).toBe(true);
    // No innovation-index installed in the project: the schema is copied next to index.yaml and named relatively.
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=index\.schema\.json\n/);
    expect(await readFile(join(dir, "idx/index.schema.json"), "utf8")).toBe(await readFile("schema/index.schema.json", "utf8"));
    // Every CSV starts with a UTF-8 byte order mark (EF BB BF), so Excel on Chinese Windows opens 创新投入 as it is.
    for (const file of ["indicators.csv", "data/2017.csv", "data/2018.csv"])
      expect([...(await readFile(join(dir, "idx", file))).subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);

    const compute = await runCli(["compute", "-q"], join(dir, "idx"));
    expect(compute.code).toBe(0);
    const id = (await readFile(join(dir, "idx/runs/LATEST"), "utf8")).trim();
    // By hand: A1 1.98/1.80 = 1.1, A2 462/420 = 1.1, so A = 110; B1 38.5/35 = 1.1 -> 110, B2 (negative) 0.50/0.40 -> 125,
    // so B = 117.5; INDEX = 0.5·110 + 0.5·117.5 = 113.75.
    expect(await readFile(join(dir, "idx/runs", id, "index.csv"), "utf8")).toContain("示例园区,2018,INDEX,总指数,0,113.7500\n");
    // The texts are Chinese by default: the index's name, index.yaml's comments, the README.
    expect(parse(yaml).name).toBe("示例创新指数");
    expect(parse(yaml).outputs.lang).toBe("zh");
    expect(yaml).toContain("# 年度计算的各项选择。");
    expect(await readFile(join(dir, "idx/README.md"), "utf8")).toMatch(/^# 示例创新指数\n\n本指数每年如何计算/);
  });

  it("--lang en writes the texts in English, the same tree and values, and compute gives the same index", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "zh", "-q"], dir)).code).toBe(0);
    expect((await runCli(["init", "en", "--lang", "en", "-q"], dir)).code).toBe(0);
    const yaml = parse(await readFile(join(dir, "en/index.yaml"), "utf8"));
    expect(yaml.name).toBe("Example innovation index");
    // The outputs a person opens follow the project's language: index.yaml says outputs.lang.
    expect(yaml.outputs.lang).toBe("en");
    expect(await readFile(join(dir, "en/README.md"), "utf8")).toMatch(/^# Example innovation index\n\nHow this index is computed/);
    // The same choices in both languages: only the comments, the name, the description and the outputs' language differ.
    const zh = parse(await readFile(join(dir, "zh/index.yaml"), "utf8"));
    const choices = (project: Record<string, unknown>) => ({ ...project, name: "", description: "", outputs: { ...(project.outputs as object), lang: "" } });
    expect(choices(yaml)).toEqual(choices(zh));
    expect(await readFile(join(dir, "en/indicators.csv"), "utf8")).toBe(await readFile(join(dir, "zh/indicators.csv"), "utf8"));
    expect(await readFile(join(dir, "en/data/2018.csv"), "utf8")).toBe(
      (await readFile(join(dir, "zh/data/2018.csv"), "utf8")).replaceAll("示例园区", "Example zone").replaceAll("示例数据", "example"),
    );
    expect((await runCli(["compute", "-q"], join(dir, "en"))).code).toBe(0);
    const id = (await readFile(join(dir, "en/runs/LATEST"), "utf8")).trim();
    // 113.75 in 2018, as worked out by hand above.
    expect(await readFile(join(dir, "en/runs", id, "index.csv"), "utf8")).toContain("Example zone,2018,INDEX,总指数,0,113.7500\n");
  });

  it("writes a README that links nowhere that does not exist (the package is not published: no registry page)", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "idx", "-q"], dir)).code).toBe(0);
    const readme = await readFile(join(dir, "idx/README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)]+)\)|https?:\/\/\S+/g)].map((match) => match[1] ?? match[0]);
    for (const link of links) {
      expect(link, "a web address cannot be checked offline").not.toMatch(/^https?:/);
      expect(existsSync(join(dir, "idx", link)), link).toBe(true);
    }
    expect(readme).toContain("docs/guides/install.md");
  });

  it("shows the uncertainty: block commented out; uncommented, uncertainty runs with no flags", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "idx", "-q"], dir)).code).toBe(0);
    const yaml = await readFile(join(dir, "idx/index.yaml"), "utf8");
    expect(parse(yaml).uncertainty).toBeUndefined();
    const block = yaml.slice(yaml.indexOf("# uncertainty:"));
    expect(block).toMatch(/^# {3}weight-noise: 0\.2 /m);
    expect(block).toMatch(/^# {3}replications: 1000 /m);
    expect(block).toMatch(/^# {3}seed: 1 /m);
    const uncommented = yaml.slice(0, yaml.indexOf("# uncertainty:")) + block.replace(/^# /gm, "");
    expect(PROJECT_SCHEMA.parse(parse(uncommented)).uncertainty).toEqual({
      "weight-noise": 0.2,
      normalisations: ["fixed-base", "chain"],
      aggregations: ["arithmetic", "geometric"],
      replications: 1000,
      seed: 1,
      out: "uncertainty",
    });
    await writeFile(join(dir, "idx/index.yaml"), uncommented);
    const run = await runCli(["uncertainty", "-q"], join(dir, "idx"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // The nominal run is compute's (113.75 in 2018, see above), written into idx/uncertainty with outputs.decimals 4.
    expect(await readFile(join(dir, "idx/uncertainty/uncertainty.csv"), "utf8")).toMatch(/\n示例园区,2018,113\.7500,/);
  });

  it("names the installed package's schema relatively when innovation-index is installed in the project folder", async () => {
    const dir = await makeTempDir({ "idx/node_modules/innovation-index/schema/index.schema.json": "{}" });
    expect((await runCli(["init", "idx", "-q"], dir)).code).toBe(0);
    const yaml = await readFile(join(dir, "idx/index.yaml"), "utf8");
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=node_modules\/innovation-index\/schema\/index\.schema\.json\n/);
    expect(await listDir(join(dir, "idx"))).not.toContain("index.schema.json");
  });

  it("never overwrites a file it did not write (E_INIT_NOT_OURS, exit 3), with --force or without", async () => {
    const dir = await makeTempDir({ "index.yaml": "mine\n" });
    for (const argv of [["init"], ["init", "--force"]]) {
      const again = await runCli(argv, dir);
      expect(again.code, argv.join(" ")).toBe(3);
      expect(again.stderr).toBe(`error: ${projectMessages.initNotOurs(".", ["index.yaml"], argv.length > 1)}\n`);
      expect(again.stderr).toContain("index.yaml exists and was not written by init, or changed since");
      expect(await readFile(join(dir, "index.yaml"), "utf8")).toBe("mine\n");
      expect(await listDir(dir)).toEqual(["index.yaml"]);
    }
  });

  it("refuses to overwrite its own files (E_EXISTS, exit 3) unless --force, which replaces them when unchanged", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "-q"], dir)).code).toBe(0);
    const again = await runCli(["init"], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toBe(
      "error: .: index.yaml, indicators.csv, data/2017.csv, data/2018.csv, README.md, index.schema.json already exist; expected a folder without them (or --force to overwrite them: init wrote them and they are unchanged)\n",
    );
    // Unchanged since init wrote them: --force --lang en replaces them with the English texts.
    expect((await runCli(["init", "--force", "--lang", "en", "-q"], dir)).code).toBe(0);
    expect(parse(await readFile(join(dir, "index.yaml"), "utf8")).name).toBe("Example innovation index");
    expect(await readFile(join(dir, "data/2017.csv"), "utf8")).toContain("Example zone,2017,A1,1.80,example\n");
    // Also without the record (an older version kept none), as long as the files are byte for byte init's own.
    await rm(join(dir, WRITTEN_FILES));
    await rm(join(dir, "data", WRITTEN_FILES));
    expect((await runCli(["init", "--force", "-q"], dir)).code).toBe(0);
    expect(parse(await readFile(join(dir, "index.yaml"), "utf8")).name).toBe("示例创新指数");
  });

  it("init --force over a project with runs and the team's own values refuses and changes nothing", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "idx", "-q"], dir)).code).toBe(0);
    const project = join(dir, "idx");
    // The team's values replace the example's, and the team's tree is edited; a run is published.
    const mine2017 = "\uFEFFunit,year,indicator,value,source\n示例园区,2017,A1,2.31,统计局\n示例园区,2017,A2,501,统计局\n示例园区,2017,B1,40.2,统计局\n示例园区,2017,B2,0.45,统计局\n";
    await writeFile(join(project, "data/2017.csv"), mine2017);
    const tree = (await readFile(join(project, "indicators.csv"), "utf8")).replace("创新投入", "创新投入（本区）");
    await writeFile(join(project, "indicators.csv"), tree);
    const compute = await runCli(["compute", "-q"], project);
    expect(compute.code, compute.stderr).toBe(0);
    const before = await snapshot(project);
    expect(Object.keys(before)).toContain("runs/LATEST");

    const run = await runCli(["init", "idx", "--force"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${projectMessages.initNotOurs("idx", ["indicators.csv", "data/2017.csv"], true)}\n`);
    expect(run.stderr).toContain("idx: indicators.csv, data/2017.csv exist and were not written by init, or changed since");
    expect(run.stderr).toContain("so init --force does not overwrite them");
    // Nothing changed: every file of the project, runs included, has the bytes it had.
    expect(await snapshot(project)).toEqual(before);
    expect(await readFile(join(project, "data/2017.csv"), "utf8")).toBe(mine2017);
  });
  it("refuses a data folder that already holds values (exit 3): the example's would be read with them as one more unit", async () => {
    const dir = await makeTempDir({ "data/2019.csv": "unit,year,indicator,value\nZone,2019,A11,1\n" });
    const run = await runCli(["init"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      "error: ./data already holds 2019.csv: the example's values written beside them would be read with them, as one more unit; expected an empty data folder (or --force to add the example's files anyway)\n",
    );
    expect(await listDir(dir)).toEqual(["data"]);
    expect(await listDir(join(dir, "data"))).toEqual(["2019.csv"]);
    expect((await runCli(["init", "--force", "-q"], dir)).code).toBe(0);
    expect(await listDir(join(dir, "data"))).toEqual(["2017.csv", "2018.csv", "2019.csv"]);
  });
});

/** Every file under `dir` (relative path -> content in base64), hidden files included. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length + 1).split("\\").join("/")] = (await readFile(path)).toString("base64");
    }
  return files;
}
