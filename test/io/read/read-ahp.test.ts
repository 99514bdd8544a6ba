/**
 * `readAhpJudgements` with the tree: a bad judgement value does not hide the judgements' other problems (an unknown
 * group, a child compared with itself, a pair missing), in CSV and YAML, and on the command line.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTree } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { formatIssue, ValidationError } from "../../../src/errors.js";
import { readAhpJudgements } from "../../../src/io/read/read-ahp.js";
import { makeTempDir, runCli } from "../../helpers.js";

const TREE_CSV = "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\nA2,A,a2,,+\nB,,b,,\nB1,B,b1,,+\n";
const VALUES = "unit,year,indicator,value\nu,2020,A1,1\nu,2020,A2,2\nu,2020,B1,3\nv,2020,A1,2\nv,2020,A2,1\nv,2020,B1,1\n";

/** Groups A (A1, A2, or A1 to A`count`) and B (B1), as TREE_CSV. */
function tree(count = 2): Tree {
  const built = buildTree([
    { code: "A", parent: "", name: "a", weight: "", direction: "" },
    ...Array.from({ length: count }, (_, i) => ({ code: `A${i + 1}`, parent: "A", name: `a${i + 1}`, weight: "", direction: "+" })),
    { code: "B", parent: "", name: "b", weight: "", direction: "" },
    { code: "B1", parent: "B", name: "b1", weight: "", direction: "+" },
  ]);
  if (!built.ok) throw new Error("the test tree is refused");
  return built.value;
}

/** The lines `readAhpJudgements` refuses `file` with, as printed; with the tree `judged` (null: without a tree). */
async function problems(file: string, text: string, judged: Tree | null = tree()): Promise<string[]> {
  const dir = await makeTempDir({ [file]: text });
  const error = await readAhpJudgements(join(dir, file), file, judged ?? undefined).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map(formatIssue);
}

describe("readAhpJudgements with the tree", () => {
  it("reports a bad value, a self-comparison and an unknown group of a CSV file in one pass", async () => {
    // Before, only "abc" was reported: the self-comparison (line 3) and the group Z (line 4) came on the next run.
    expect(await problems("ahp.csv", "group,a,b,value\nA,A1,A2,abc\nA,A1,A1,2\nZ,B1,A1,3\n")).toEqual([
      `ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`,
      `ahp.csv:3: ${weightingMessages.selfJudgement("A1")}`,
      `ahp.csv:4: ${weightingMessages.unknownAhpGroup("Z")}`,
    ]);
    // Without the tree, the file's own problems only, as before.
    expect(await problems("ahp.csv", "group,a,b,value\nA,A1,A2,abc\nA,A1,A1,2\nZ,B1,A1,3\n", null)).toEqual([`ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`]);
  });

  it("counts a pair with a bad value as given, and reports a pair judged twice, a child not in its group, a pair missing", async () => {
    // A1-A2 is given (its value bad): not missing beside A1-A3 and A2-A3. INDEX's A-B pair is judged twice; X is no
    // child of A.
    const text = "group,a,b,value\nA,A1,A2,0\nA,A1,A3,2\nA,A2,A3,1\nINDEX,A,B,2\nINDEX,B,A,1/2\nA,A1,X,3\n";
    expect(await problems("ahp.csv", text, tree(3))).toEqual([
      `ahp.csv:2:4: ${weightingMessages.badJudgementValue("0")}`,
      `ahp.csv:6: ${weightingMessages.duplicateJudgement("INDEX", "B", "A", 5)}`,
      `ahp.csv:7: ${weightingMessages.notAChild("X", "A", ["A1", "A2", "A3"])}`,
    ]);
    // A pair with no judgement at all is told so, after the rest (a missing pair names no line).
    expect(await problems("ahp.csv", "group,a,b,value\nA,A1,A2,x\nA,A1,A3,2\n", tree(3))).toEqual([
      `ahp.csv:2:4: ${weightingMessages.badJudgementValue("x")}`,
      `ahp.csv: ${weightingMessages.missingJudgement("A", "A2", "A3")}`,
    ]);
  });

  it("reports a bad value, a self-comparison and an unknown group of a YAML file in one pass", async () => {
    expect(await problems("ahp.yaml", "A:\n  - [A1, A2, abc]\n  - [A1, A1, 2]\nZ:\n  - [B1, A1, 3]\n")).toEqual([
      `ahp.yaml:2: ${weightingMessages.badJudgementValue("abc")}`,
      `ahp.yaml:3: ${weightingMessages.selfJudgement("A1")}`,
      `ahp.yaml:5: ${weightingMessages.unknownAhpGroup("Z")}`,
    ]);
    // A matrix whose value is bad gives its pair as given; a YAML item that is no judgement says no pair is missing.
    expect(await problems("ahp.yaml", "A:\n  order: [A1, A2]\n  matrix:\n    - [1, x]\n    - [1, 1]\nINDEX:\n  - [A, B]\n")).toEqual([
      `ahp.yaml:4: ${weightingMessages.badJudgementValue("x")}`,
      expect.stringMatching(/^ahp\.yaml:7: /),
    ]);
  });

  it("weights --weights ahp reports them all in one run", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE_CSV, "values.csv": VALUES, "ahp.csv": "group,a,b,value\nA,A1,A2,abc\nA,A1,A1,2\nZ,B1,A1,3\n" });
    const run = await runCli(["weights", "-i", "tree.csv", "-d", "values.csv", "--weights", "ahp", "--ahp", "ahp.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "error: 3 problems found:",
        `ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`,
        `ahp.csv:3: ${weightingMessages.selfJudgement("A1")}`,
        `ahp.csv:4: ${weightingMessages.unknownAhpGroup("Z")}`,
        "",
      ].join("\n"),
    );
  });
});
