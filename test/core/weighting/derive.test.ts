/** deriveWeights' warnings for the options of a method the run does not use (`unusedWeightingOptions`). */
import { describe, expect, it } from "vitest";
import { buildTree } from "../../../src/core/tree.js";
import { deriveWeights, unusedWeightingOptions, type WeightingOptions } from "../../../src/core/weighting/derive.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";

const unused = (message: string) => ({ code: "W_OPTION_UNUSED", message });

describe("unusedWeightingOptions", () => {
  // --entropy-shift is read by entropy weights only (entropy, or combined with the entropy objective set, the
  // default); --alpha by the additive combined form only (the default form).
  it.each<[WeightingOptions, string[]]>([
    [{ method: "entropy", entropyShift: 0.1 }, []],
    [{ method: "combined", entropyShift: 0.1, alpha: 0.3 }, []],
    [{ method: "combined", objective: "entropy", combination: "additive", entropyShift: 0, alpha: 0.5 }, []],
    [{ method: "critic" }, []],
    [{ method: "critic", entropyShift: 0.1 }, [weightingMessages.entropyShiftUnused("--weights critic")]],
    [{ entropyShift: 0 }, [weightingMessages.entropyShiftUnused("--weights explicit")]],
    [{ method: "combined", objective: "pca", entropyShift: 0.1 }, [weightingMessages.entropyShiftUnused("--weights combined --objective pca")]],
    [{ method: "ahp", alpha: 0.5 }, [weightingMessages.alphaUnused("--weights ahp")]],
    [{ method: "combined", combination: "multiplicative", alpha: 0.3 }, [weightingMessages.alphaUnused("--combination multiplicative")]],
    [{ method: "cv", entropyShift: 0.2, alpha: 0.3 }, [weightingMessages.entropyShiftUnused("--weights cv"), weightingMessages.alphaUnused("--weights cv")]],
  ])("unusedWeightingOptions(%j)", (options, messages) => {
    expect(unusedWeightingOptions(options)).toEqual(messages.map(unused));
  });

  it("the messages name the option, the method that leaves it unused and the methods that use it", () => {
    expect(weightingMessages.alphaUnused("--weights entropy")).toBe(
      "--alpha has no effect with --weights entropy, which takes no share of a subjective set; expected --weights combined --combination additive",
    );
    expect(weightingMessages.entropyShiftUnused("--weights critic")).toBe(
      "--entropy-shift has no effect with --weights critic, which derives no entropy weights; expected --weights entropy, or combined with --objective entropy",
    );
  });

  it("deriveWeights warns of them, and under strict refuses them (E_OPTION_UNUSED); the weights are those without them", () => {
    const built = buildTree([
      { line: 2, code: "A", parent: "", name: "a", weight: "0.25", direction: "+" },
      { line: 3, code: "B", parent: "", name: "b", weight: "0.75", direction: "+" },
    ]);
    if (!built.ok) throw new Error("tree");
    const plain = deriveWeights(built.value, undefined, { method: "explicit" });
    const given = deriveWeights(built.value, undefined, { method: "explicit", alpha: 0.2 });
    expect(given.warnings).toEqual([unused(weightingMessages.alphaUnused("--weights explicit"))]);
    // A weighs 0.25 and B 0.75 (the tree's weights), with or without --alpha
    expect([...given.weights]).toEqual([...plain.weights]);
    expect(given.weights.get("A")).toBeCloseTo(0.25, 12);
    expect(() => deriveWeights(built.value, undefined, { method: "explicit", alpha: 0.2, strict: true })).toThrow(
      `1 problem found:\n${weightingMessages.alphaUnused("--weights explicit")}`,
    );
  });
});
