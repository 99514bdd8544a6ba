import { describe, expect, it } from "vitest";
import { helpSuffixZh, helpZh } from "../../../src/core/zh/help-words.js";
import { factsOf } from "./facts.js";

describe("helpSuffixZh", () => {
  it("translates what the help layout adds after a description (src/cli/help.ts), keeping the values", () => {
    expect(helpSuffixZh(" (default: out)")).toBe("（默认：out）");
    expect(helpSuffixZh(" (zh, en; default: zh)")).toBe("（zh, en；默认：zh）");
    expect(helpSuffixZh(" (choices: innovation-index help methods; default: fixed-base)")).toBe("（可选值：innovation-index help methods；默认：fixed-base）");
    expect(helpSuffixZh(" (choices and 8 more options: innovation-index help methods; default: fixed-base)")).toBe(
      "（可选值及另外 8 个选项：innovation-index help methods；默认：fixed-base）",
    );
    expect(helpSuffixZh(" (default: explicit); 14 more options: innovation-index weights --help")).toBe("（默认：explicit）；另有 14 个选项：innovation-index weights --help");
    expect(helpSuffixZh("; 5 more options: innovation-index help data")).toBe("；另有 5 个选项：innovation-index help data");
    // The machine's memory, or its container's limit when that is lower (src/io/memory.ts).
    expect(helpSuffixZh(" (default: half of the memory this process may use, 12 GB)")).toBe("（默认：本进程可用内存的一半，12 GB）");
    expect(helpSuffixZh("")).toBe("");
  });

  it("leaves a text of another shape as it is", () => {
    expect(helpSuffixZh(" and something else")).toBe(" and something else");
  });

  it("names every flag, file, number and quoted value of each English text in its Chinese", () => {
    const missing = Object.entries(helpZh.texts).flatMap(([english, chinese]) => factsOf(english).filter((fact) => !chinese.includes(fact)).map((fact) => `${fact} in ${english}`));
    expect(missing).toEqual([]);
    expect(helpZh.texts["display this help"]).toBe("显示本帮助");
  });
});
