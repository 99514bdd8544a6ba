/**
 * `innovation-index verify [run]` on the run folders a project run writes: exit 0 when every file matches its
 * manifest, 1 with one line per file when not. Hashes in the expected lines are computed here by node:crypto.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputMessages } from "../../src/core/output-messages.js";
import { outputMessagesZh } from "../../src/core/zh/output-messages.js";
import { fingerprintOf, type FileDigest } from "../../src/io/runs/run-files.js";
import { editByHand, makeTempDir, runCli } from "../helpers.js";

const created: string[] = [];
afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function makeProject(): Promise<string> {
  const dir = await makeTempDir({
    "index.yaml": "name: verify\nindicators: indicators.csv\nvalues: values.csv\n",
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,+\n",
    "values.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU1,2018,A,15\nU1,2018,B,30\n",
  });
  created.push(dir);
  return dir;
}

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("innovation-index verify", () => {
  it("exit 0 for the latest run, a run id, a folder path and --project from elsewhere; exit 1 listing what differs", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const folder = join(dir, "runs", id);
    // Every file of the run folder but the manifest is listed in it.
    const outputs = (await readdir(folder)).filter((name) => name !== "manifest.json");
    expect(outputs.length).toBeGreaterThan(5);
    const ok = outputMessages.verifyOk(`runs/${id}`, outputs.length) + "\n";
    expect(await runCli(["verify"], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    expect(await runCli(["verify", id], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    expect(await runCli(["verify", `runs/${id}`], dir)).toEqual({ code: 0, stdout: "", stderr: ok });
    const elsewhere = await makeTempDir();
    created.push(elsewhere);
    expect(await runCli(["verify", "latest", "--project", dir], elsewhere)).toEqual({
      code: 0,
      stdout: "",
      stderr: outputMessages.verifyOk(join(dir, "runs", id), outputs.length) + "\n",
    });

    // LATEST saved by Windows PowerShell 5 (`echo <id> > runs\LATEST`: UTF-16 LE with its mark, CRLF) still names the
    // run (before: 'runs/LATEST holds "��2\u00000\u00002…", which is not a run id').
    await editByHand(join(dir, "runs/LATEST"), Buffer.from(`\uFEFF${id}\r\n`, "utf16le"));
    expect(await runCli(["verify", "latest"], dir)).toEqual({ code: 0, stdout: "", stderr: ok });

    // One byte changed in index.csv (same size), index.json removed, a note added.
    const index = await readFile(join(folder, "index.csv"));
    const changed = Buffer.from(index);
    changed[changed.length - 2] = changed[changed.length - 2] === 0x30 ? 0x31 : 0x30;
    await editByHand(join(folder, "index.csv"), changed);
    const json = await readFile(join(folder, "index.json"));
    await rm(join(folder, "index.json"));
    await editByHand(join(folder, "notes.txt"), "added by hand");
    const run = await runCli(["verify", "-q"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        outputMessages.verifyChanged("index.csv", { bytes: index.length, sha256: sha256(index) }, { bytes: index.length, sha256: sha256(changed) }),
        outputMessages.verifyMissing("index.json", json.length),
        outputMessages.verifyUnlisted("notes.txt"),
      ].join("\n") + "\n",
    );
    expect(run.stderr).toBe(`error: ${outputMessages.verifyFailed(`runs/${id}`, { missing: 1, changed: 1, unlisted: 1, outside: 0 })}\n`);
    // On a Chinese terminal the lines are Chinese too, in the words of src/core/zh/output-messages.ts.
    const zh = await runCli(["verify", "-q"], dir, { language: "zh" });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe(
      [
        outputMessagesZh.verifyChanged("index.csv", { bytes: index.length, sha256: sha256(index) }, { bytes: index.length, sha256: sha256(changed) }),
        outputMessagesZh.verifyMissing("index.json", json.length),
        outputMessagesZh.verifyUnlisted("notes.txt"),
      ].join("\n") + "\n",
    );
    expect(zh.stdout.split("\n").slice(1)).toEqual([`缺失：index.json（记录为 ${json.length} 字节）`, "未列出：notes.txt（既不在 manifest.json 中，也不在 reports.json 中）", ""]);
    expect(zh.stderr).toBe(`错误：${outputMessagesZh.verifyFailed(`runs/${id}`, { missing: 1, changed: 1, unlisted: 1, outside: 0 })}\n`);
  });

  it("a manifest edited by hand (options, an input's SHA-256, the fingerprint, startedAt): exit 1, a line for each", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const path = join(dir, "runs", id, "manifest.json");
    const original = await readFile(path, "utf8");
    const manifest = JSON.parse(original);
    // What compute recorded gives the fingerprint the run id was made from.
    const values = manifest.inputs.filter((input: FileDigest) => input.role !== "project");
    expect(fingerprintOf(manifest.tool.version, manifest.options, values)).toBe(manifest.fingerprint);
    expect(id.endsWith(manifest.fingerprint.slice(0, 8))).toBe(true);

    // As the tester did: decimals 4 -> 7, an input's SHA-256 zeroed, the fingerprint's start changed, a later start.
    const forged = "aaaa" + manifest.fingerprint.slice(4);
    const options = { ...manifest.options, decimals: 7 };
    const inputs = manifest.inputs.map((input: FileDigest) => (input.role === "values" ? { ...input, sha256: "0".repeat(64) } : input));
    const startedAt = "2999-01-01T00:00:00.000Z";
    await editByHand(path, JSON.stringify({ ...manifest, options, inputs, fingerprint: forged, startedAt }, null, 2) + "\n");
    const run = await runCli(["verify"], dir);
    const idTime = id.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d{3}Z)-.*$/, "$1-$2-$3T$4:$5:$6$7");
    expect(run).toEqual({
      code: 1,
      stdout:
        [
          outputMessages.verifyFingerprint(forged, fingerprintOf(manifest.tool.version, options, inputs.filter((input: FileDigest) => input.role !== "project"))),
          outputMessages.verifyIdFingerprint(id, forged),
          outputMessages.verifyStartedAt(JSON.stringify(startedAt), idTime),
        ].join("\n") + "\n",
      stderr: `error: ${outputMessages.verifyFailed(`runs/${id}`, { missing: 0, changed: 0, unlisted: 0, outside: 0, manifest: 3 })}\n`,
    });
    // Put back as it was: verify passes again.
    await editByHand(path, original);
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });

  it("a broken LATEST, no run, or no project: exit 1 or 2 with a sentence", async () => {
    const dir = await makeProject();
    expect((await runCli(["verify"], dir))).toEqual({ code: 1, stdout: "", stderr: `error: ${outputMessages.verifyNoPublishedRun("runs")}\n` });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    await editByHand(join(dir, "runs/LATEST"), "../../x\n");
    const broken = await runCli(["verify"], dir);
    expect(broken.stderr).toBe(`error: ${outputMessages.latestUnusable(outputMessages.latestNotRunId("runs/LATEST", "../../x"), false)}\n`);
    // One sentence of what was found and one of what was expected, not two "expected" parts.
    expect(broken.stderr.split("expected").length - 1).toBe(1);
    const outside = await makeTempDir();
    created.push(outside);
    const usage = await runCli(["verify"], outside);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(outputMessages.verifyNoProject());
    expect(await runCli(["verify", "no/such/folder"], outside)).toMatchObject({ code: 1, stderr: `error: ${outputMessages.verifyNoRun("no/such/folder")}\n` });
  });

  it("a file named by a run id in runs/: a file, not a run folder (not 'no such run folder'), as runs publish says; LATEST naming it too", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const file = "20991231T235959.999Z-0123abcd";
    await editByHand(join(dir, "runs", file), "not a run\n");
    // Written out by hand: runs publish's refusal of it, word for word.
    const notFolder = `runs/${file}: a file, not a run folder, so there is no run in it to verify or publish; expected a folder written by compute, named by its run id (move the file out of the runs folder)`;
    expect(await runCli(["verify", file], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${notFolder}\n` });
    expect(await runCli(["verify", `runs/${file}`], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${notFolder}\n` });
    // diff and report --run find runs as verify does: the same words (before: "no index.json", "no published run").
    expect(await runCli(["diff", file], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${notFolder}\n` });
    expect(await runCli(["report", "--run", file, "-q"], dir)).toEqual({ code: 1, stdout: "", stderr: `error: ${notFolder}\n` });
    expect((await runCli(["verify", file], dir, { language: "zh" })).stderr).toBe(
      `错误：runs/${file}：这是文件，不是运行文件夹，其中没有可校验或发布的运行；应为 compute 写出、以运行编号命名的文件夹（请将该文件移出 runs 文件夹）\n`,
    );
    // LATEST naming it: said to be a file, not a run that "does not exist".
    await editByHand(join(dir, "runs/LATEST"), `${file}\n`);
    expect(await runCli(["verify"], dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: runs/LATEST names run ${file}, which is a file, not a run folder; expected it to name a run folder (or name a run)\n`,
    });
    expect((await runCli(["verify"], dir, { language: "zh" })).stderr).toBe(
      `错误：${outputMessagesZh.latestUnusable(`runs/LATEST 指向运行 ${file}，但这是文件，不是运行文件夹`, false)}\n`,
    );
  });

  it("reads only where the runs are from index.yaml: a wrong methods key leaves exit 1 to a changed run; a YAML syntax error still stops it", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const sound = await runCli(["verify"], dir);
    expect(sound.code).toBe(0);
    // The tester's typo (a quoted number) under methods:, line 5 of the file, stops compute; verify says what a sound file gives.
    const text = await readFile(join(dir, "index.yaml"), "utf8");
    await editByHand(join(dir, "index.yaml"), `${text}methods:\n  screen: "0.5"\n`);
    expect((await runCli(["compute", "-q"], dir)).stderr).toContain(`index.yaml:5: methods.screen`);
    expect(await runCli(["verify"], dir)).toEqual(sound);
    expect(await runCli(["verify", id, "-q"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
    // Exit 1 is then a run's own problem only: a byte of index.csv changed (same size), E_RUN_CHANGED.
    const path = join(dir, "runs", id, "index.csv");
    const index = await readFile(path);
    const changed = Buffer.from(index);
    changed[changed.length - 2] = changed[changed.length - 2] === 0x30 ? 0x31 : 0x30;
    await editByHand(path, changed);
    expect(await runCli(["verify", "-q"], dir)).toEqual({
      code: 1,
      stdout: outputMessages.verifyChanged("index.csv", { bytes: index.length, sha256: sha256(index) }, { bytes: index.length, sha256: sha256(changed) }) + "\n",
      stderr: `error: ${outputMessages.verifyFailed(`runs/${id}`, { missing: 0, changed: 1, unlisted: 0, outside: 0 })}\n`,
    });
    await editByHand(path, index);
    // A methods: that is no YAML (a flow list on line 4 left open: placed at its bracket, line 4) is refused.
    await editByHand(join(dir, "index.yaml"), `${text}methods: [\n  screen\n`);
    const refused = await runCli(["verify", "--log-format", "json"], dir);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr.split("\n")[0])).toMatchObject({ level: "error", code: "E_PROJECT_YAML", source: "index.yaml", line: 4 });
    // A run folder named by its path needs no project: index.yaml is not read.
    expect((await runCli(["verify", `runs/${id}`, "-q"], dir)).code).toBe(0);
  });

  it("--log-format json: each difference is a line of the log too, E_RUN_CHANGED at level error with its file, before the error counting them", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const folder = join(dir, "runs", id);
    // One byte of index.csv changed (same size), a note added, and the manifest's startedAt after the id's time.
    const index = await readFile(join(folder, "index.csv"));
    const changed = Buffer.from(index);
    changed[changed.length - 2] = changed[changed.length - 2] === 0x30 ? 0x31 : 0x30;
    await editByHand(join(folder, "index.csv"), changed);
    await editByHand(join(folder, "notes.txt"), "added by hand");
    const manifest = JSON.parse(await readFile(join(folder, "manifest.json"), "utf8"));
    const startedAt = "2999-01-01T00:00:00.000Z";
    await editByHand(join(folder, "manifest.json"), JSON.stringify({ ...manifest, startedAt }, null, 2) + "\n");
    const idTime = id.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d{3}Z)-.*$/, "$1-$2-$3T$4:$5:$6$7");
    const lines = [
      outputMessages.verifyChanged("index.csv", { bytes: index.length, sha256: sha256(index) }, { bytes: index.length, sha256: sha256(changed) }),
      outputMessages.verifyUnlisted("notes.txt"),
      outputMessages.verifyStartedAt(JSON.stringify(startedAt), idTime),
    ];
    const run = await runCli(["verify", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    // stdout is verify's result whatever the log's format: the same lines as text.
    expect(run.stdout).toBe(lines.join("\n") + "\n");
    expect(run.stderr.trimEnd().split("\n").map((text) => JSON.parse(text)).map(({ time, ...rest }) => (expect(time).toMatch(/^\d{4}-/), rest))).toEqual([
      { level: "error", code: "E_RUN_CHANGED", message: lines[0], source: `runs/${id}/index.csv` },
      { level: "error", code: "E_RUN_CHANGED", message: lines[1], source: `runs/${id}/notes.txt` },
      { level: "error", code: "E_RUN_CHANGED", message: lines[2], source: `runs/${id}/manifest.json` },
      {
        level: "error",
        code: "E_RUN_CHANGED",
        message: outputMessages.verifyFailed(`runs/${id}`, { missing: 0, changed: 1, unlisted: 1, outside: 0, manifest: 1 }),
        source: `runs/${id}`,
      },
      { level: "error", message: "exit code 1", exitCode: 1 },
    ]);
    // As text, stderr has the error only (the lines are on stdout).
    expect((await runCli(["verify"], dir)).stderr).toBe(`error: ${outputMessages.verifyFailed(`runs/${id}`, { missing: 0, changed: 1, unlisted: 1, outside: 0, manifest: 1 })}\n`);
  });
});

describe("report in a project, then verify", () => {
  /** The run folder's label, its folder and the bytes of its manifest, after one compute. */
  async function computed(dir: string) {
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const folder = join(dir, "runs", id);
    return { id, folder, label: `runs/${id}`, manifest: await readFile(join(folder, "manifest.json")) };
  }

  it("report.html goes into reports.json (the manifest stays as compute wrote it), so verify exits 0 and names it derived", async () => {
    const dir = await makeProject();
    const { id, folder, label, manifest } = await computed(dir);
    const runFiles = (await readdir(folder)).filter((name) => name !== "manifest.json").length;
    // Options are recorded in the order of report --help (--title before --lang), as typed.
    const report = await runCli(["report", "--title", "A title", "--lang", "en"], dir);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain(`wrote reports.json, report.html to ${label}\n`);
    expect(await readFile(join(folder, "manifest.json"))).toEqual(manifest);
    // Every field of the sidecar, against the bytes on disk (hashed here) and the run's own manifest.
    const html = await readFile(join(folder, "report.html"));
    const fingerprint = JSON.parse(manifest.toString("utf8")).fingerprint as string;
    expect(JSON.parse(await readFile(join(folder, "reports.json"), "utf8"))).toEqual({
      files: [
        {
          path: "report.html",
          bytes: html.length,
          sha256: sha256(html),
          command: "innovation-index report --title 'A title' --lang en",
          run: id,
          fingerprint,
          tool: { name: "innovation-index", version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
        },
      ],
    });
    expect(await runCli(["verify"], dir)).toEqual({ code: 0, stdout: "", stderr: outputMessages.verifyOk(label, runFiles, ["report.html"]) + "\n" });

    // Report again (another look): the file the sidecar lists is replaced, and listed with its new bytes.
    const again = await runCli(["report", "--static", "-q"], dir);
    expect(again).toEqual({ code: 0, stdout: "", stderr: "" });
    const page = await readFile(join(folder, "report.html"));
    expect(page.equals(html)).toBe(false);
    const listed = JSON.parse(await readFile(join(folder, "reports.json"), "utf8")).files;
    expect(listed.map((file: { path: string; sha256: string; command: string }) => [file.path, file.sha256, file.command])).toEqual([
      ["report.html", sha256(page), "innovation-index report --static"],
    ]);
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
    expect(await readFile(join(folder, "manifest.json"))).toEqual(manifest);
  });

  it("an edited report.html: verify names it as a changed derived file, and report does not replace it", async () => {
    const dir = await makeProject();
    const { folder, label } = await computed(dir);
    expect((await runCli(["report", "--static", "-q"], dir)).code).toBe(0);
    const html = await readFile(join(folder, "report.html"));
    const edited = Buffer.concat([html, Buffer.from("<!-- edited -->\n")]);
    await editByHand(join(folder, "report.html"), edited);
    const run = await runCli(["verify"], dir);
    expect(run).toEqual({
      code: 1,
      stdout: outputMessages.verifyChanged("report.html", { bytes: html.length, sha256: sha256(html) }, { bytes: edited.length }, true) + "\n",
      stderr: `error: ${outputMessages.verifyFailed(label, { missing: 0, changed: 1, unlisted: 0, outside: 0 }, true)}\n`,
    });
    const refused = await runCli(["report", "--static"], dir);
    expect(refused).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.reportChangedSince(`${label}/report.html`)}\n` });
    expect(await readFile(join(folder, "report.html"))).toEqual(edited);
    // --out still writes elsewhere.
    expect((await runCli(["report", "--static", "-q", "--out", "elsewhere"], dir)).code).toBe(0);
  });

  it("a report.html the tool did not write (not in reports.json): report refuses, changes nothing; verify lists it as unlisted", async () => {
    const dir = await makeProject();
    const { folder, label } = await computed(dir);
    await editByHand(join(folder, "report.html"), "made by hand\n");
    const before = (await readdir(folder)).sort();
    const refused = await runCli(["report"], dir);
    expect(refused).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.reportNotOurs(`${label}/report.html`)}\n` });
    expect(await readFile(join(folder, "report.html"), "utf8")).toBe("made by hand\n");
    expect((await readdir(folder)).sort()).toEqual(before);
    const run = await runCli(["verify", "-q"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(outputMessages.verifyUnlisted("report.html") + "\n");

    // A damaged reports.json proves nothing either: report refuses; verify reports the sidecar and the file it cannot vouch for.
    await rm(join(folder, "report.html"));
    expect((await runCli(["report", "--static", "-q"], dir)).code).toBe(0);
    await editByHand(join(folder, "reports.json"), "{ not json");
    const damaged = await runCli(["report", "--static"], dir);
    expect(damaged.code).toBe(3);
    expect(damaged.stderr).toMatch(/^error: runs\/[^ ]+\/reports\.json is not valid JSON \(.+\); expected the reports\.json report writes/);
    const check = await runCli(["verify", "-q"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n")).toEqual([
      outputMessages.verifyUnlisted("report.html"),
      expect.stringMatching(/^changed: reports\.json is not valid JSON \(.+\); expected the list of derived files report writes into a run folder$/),
      "",
    ]);
  });

  it("a report killed between its renames: verify fails (the page not yet renamed) until the next report completes it; then verify passes", async () => {
    const dir = await makeProject();
    const { folder, label } = await computed(dir);
    expect((await runCli(["report", "--static", "-q"], dir)).code).toBe(0);
    const [oldPage, oldList] = [await readFile(join(folder, "report.html")), await readFile(join(folder, "reports.json"), "utf8")];
    // The second report, killed once reports.json listed its page but before the page was renamed into place: as the
    // folder writer leaves it (reports.json first, the previous version kept as .old until the end), made here.
    const newPage = Buffer.concat([oldPage, Buffer.from("<!-- the second report -->\n")]);
    const listed = JSON.parse(oldList) as { files: { bytes: number; sha256: string }[] };
    Object.assign(listed.files[0], { bytes: newPage.length, sha256: sha256(newPage) });
    const pid = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    await editByHand(join(folder, `.reports.json.${pid}.old`), oldList);
    await editByHand(join(folder, "reports.json"), JSON.stringify(listed, null, 2) + "\n");
    await editByHand(join(folder, `.report.html.${pid}.tmp`), newPage);
    const broken = await runCli(["verify"], dir);
    expect(broken.code).toBe(1);
    // The page not yet renamed into place is the mismatch; the two files the killed report left are none, said as
    // what they are (each starts as report writes it, so the next report or compute removes it).
    expect(broken.stdout.split("\n")).toEqual([
      outputMessages.verifyChanged("report.html", { bytes: newPage.length, sha256: sha256(newPage) }, { bytes: oldPage.length }, true),
      "",
    ]);
    expect(broken.stderr).toContain(
      `warning: ${outputMessages.verifyWriteLeftover(`${label}/.report.html.${pid}.tmp`, "report.html", "tmp", pid, true)}\n` +
        `warning: ${outputMessages.verifyWriteLeftover(`${label}/.reports.json.${pid}.old`, "reports.json", "old", pid, true)}\n`,
    );
    // The next report completes the killed one's, says so, and then writes its own.
    const next = await runCli(["report", "--static"], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toBe(
      [
        outputMessages.reportLeftover(`completed ${label}/report.html from .report.html.${pid}.tmp`),
        outputMessages.reportLeftover(`removed ${label}/.reports.json.${pid}.old`),
        `wrote reports.json, report.html to ${label}`,
        "",
      ].join("\n"),
    );
    expect((await readdir(folder)).filter((name) => name.startsWith("."))).toEqual([]);
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });

  it("a run whose own files include report.html (compute --report): report never replaces it", async () => {
    const dir = await makeProject();
    expect((await runCli(["compute", "-q", "--report", "--static"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const html = await readFile(join(dir, "runs", id, "report.html"));
    const refused = await runCli(["report", "--static"], dir);
    expect(refused).toEqual({ code: 3, stdout: "", stderr: `error: ${outputMessages.reportIsRunFile(`runs/${id}/report.html`)}\n` });
    expect(await readFile(join(dir, "runs", id, "report.html"))).toEqual(html);
    expect((await runCli(["verify", "-q"], dir)).code).toBe(0);
  });
});
