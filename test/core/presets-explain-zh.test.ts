/**
 * `--explain` in the terminal's language: `formatPresetExplanation` makes each line through the catalogue
 * (`commandMessages.preset…`), and the translation given (the Chinese catalogues' `translateMessage`, as the command
 * line's `env.translate` is under `INNOVATION_INDEX_LANG=zh`) turns each into Chinese; the layout (the flags, padded
 * to the longest) stays as it is.
 */
import { describe, expect, it } from "vitest";
import { translateMessage } from "../../src/core/localize.js";
import { formatPresetExplanation } from "../../src/core/presets.js";
import { chinese } from "../../src/core/zh/index.js";
import { makeTempDir, runCli } from "../helpers.js";

const zh = (text: string) => translateMessage(text, chinese);

describe("formatPresetExplanation in Chinese", () => {
  it("changzhou with --weights equal typed: every line in Chinese, the overridden setting apart", () => {
    // The flags padded to the longest, "--normalise fixed-base" and "--aggregate arithmetic" (22 characters), then two
    // spaces: "--base-year 2017" (16) gets 8 spaces, "--weights explicit" (18) 6.
    expect(formatPresetExplanation("changzhou", [{ option: "weights", by: "--weights equal" }], zh)).toBe(
      [
        "预设 changzhou：常州高新区工业互联网创新发展指数（2020）",
        "  --normalise fixed-base  常州指数：以 2017 年为基期计算指标指数",
        "  --base-year 2017        常州指数：2017 年为基期",
        "  --aggregate arithmetic  常州指数：各分指数的加权和（加权算术平均）",
        "被覆盖、未采用的设置：",
        "  --weights explicit      由 --weights equal 覆盖",
        "说明：",
        "  - 报告中的权重和 40 个指标未公开：权重取自指标体系，维度内采用算术平均形式是我们的理解",
        "命令行上或 index.yaml 中给出的参数优先于预设",
        "",
      ].join("\n"),
    );
  });

  it("without a translation, the English as before (the words moved to the catalogue, not changed)", () => {
    expect(formatPresetExplanation("changzhou")).toBe(
      [
        "preset changzhou: Changzhou Hi-tech Zone Industrial Internet Innovation Development Index (2020)",
        "  --normalise fixed-base  Changzhou index: indicator indices with 2017 as the base period",
        "  --base-year 2017        Changzhou index: 2017 is the base period",
        "  --weights explicit      Changzhou index: sub-indices combined into the total by weighting (the tree's weights)",
        "  --aggregate arithmetic  Changzhou index: weighted sum of the sub-indices (weighted arithmetic mean)",
        "notes:",
        "  - the report's weights and 40 indicators are not public: the weights are the tree's, and the arithmetic form within dimensions is our reading",
        "flags given on the command line or in index.yaml override the preset",
        "",
      ].join("\n"),
    );
  });

  it("every preset: no English sentence left under the Chinese translation", () => {
    for (const preset of ["nbs", "changzhou", "eis", "gii", "coinr"] as const) {
      const text = formatPresetExplanation(preset, [], zh);
      // The English words of the headings and of the closing line are gone; each line has Chinese in it.
      expect(text).not.toMatch(/preset |notes:|override the preset|overridden/);
      for (const line of text.trimEnd().split("\n")) expect(line, `${preset}: ${line}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("--explain on a Chinese terminal", () => {
  it("compute --preset eis --explain prints the Chinese explanation", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["compute", "--preset", "eis", "--explain"], dir, { language: "zh" });
    expect(run).toEqual({ code: 0, stdout: formatPresetExplanation("eis", [], zh), stderr: "" });
    expect(run.stdout.split("\n")[0]).toBe("预设 eis：欧洲创新记分牌（European Innovation Scoreboard，欧盟委员会）");
  });
});
