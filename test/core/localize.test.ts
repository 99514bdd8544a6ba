import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogue, joinMessages, REMEMBERED_MESSAGES, rememberMessages, translateMessage, type Translations } from "../../src/core/localize.js";

// A small catalogue and its translation, written for this test.
const english = catalogue("testMessages", {
  unknown: (code: string) => `unknown indicator "${code}"`,
  because: (reason: string) => `no index: ${reason}`,
  list: (reasons: readonly string[]) => `several: ${reasons.join("; ")}`,
  constant: 7,
});
const inner = catalogue("innerMessages", { zero: () => "a weight of 0" });
const translations: Translations = {
  testMessages: {
    unknown: (code: string) => `未知指标 "${code}"`,
    because: (reason: string) => `无法计算指数：${reason}`,
    list: (reasons: readonly string[]) => `多项：${reasons.join("；")}`,
  },
  innerMessages: { zero: () => "权重为 0" },
};

afterEach(() => rememberMessages(false));

describe("catalogue and translateMessage", () => {
  it("leaves the English text and the constants as they are", () => {
    expect(english.unknown("A1")).toBe('unknown indicator "A1"');
    expect(english.constant).toBe(7);
  });

  it("translates a message made while remembering, with its arguments", () => {
    rememberMessages(true);
    expect(translateMessage(english.unknown("A1"), translations)).toBe('未知指标 "A1"');
  });

  it("remembers from the start, so that a page made after a run translates its warnings; forgetMessages forgets", async () => {
    vi.resetModules();
    const fresh = await import("../../src/core/localize.js");
    const messages = fresh.catalogue("testMessages", { unknown: (code: string) => `unknown indicator "${code}"` });
    const text = messages.unknown("A1");
    expect(fresh.translateMessage(text, translations)).toBe('未知指标 "A1"');
    fresh.forgetMessages();
    expect(fresh.translateMessage(text, translations)).toBe(text);
    // Still noting: a message made after forgetting is translated.
    expect(fresh.translateMessage(messages.unknown("B2"), translations)).toBe('未知指标 "B2"');
  });

  it("does not translate a message made before remembering started, nor after it stopped", () => {
    const before = english.unknown("A1");
    rememberMessages(true);
    expect(translateMessage(before, translations)).toBe(before);
    const made = english.unknown("B2");
    rememberMessages(false);
    expect(translateMessage(made, translations)).toBe(made);
  });

  it("translates an argument that is itself a message, alone or in a list", () => {
    rememberMessages(true);
    expect(translateMessage(english.because(inner.zero()), translations)).toBe("无法计算指数：权重为 0");
    expect(translateMessage(english.list([inner.zero(), "as it is"]), translations)).toBe("多项：权重为 0；as it is");
  });

  it("gives a text no catalogue made, a text changed after it was made, or a message without translation as it is", () => {
    rememberMessages(true);
    expect(translateMessage("free text", translations)).toBe("free text");
    expect(translateMessage(`${english.unknown("A1")}; and more`, translations)).toBe('unknown indicator "A1"; and more');
    expect(translateMessage(english.unknown("A1"), {})).toBe('unknown indicator "A1"');
  });

  it("keeps a spread catalogue's messages under their own name", () => {
    const outer = catalogue("outerMessages", { ...inner, own: () => "own" });
    rememberMessages(true);
    expect(translateMessage(outer.zero(), translations)).toBe("权重为 0");
  });

  it(`forgets the oldest text past ${REMEMBERED_MESSAGES} remembered`, () => {
    rememberMessages(true);
    const first = english.unknown("first");
    for (let i = 0; i < REMEMBERED_MESSAGES; i++) english.unknown(`C${i}`);
    expect(translateMessage(first, translations)).toBe(first);
    expect(translateMessage(english.unknown(`C${REMEMBERED_MESSAGES - 1}`), translations)).toBe(`未知指标 "C${REMEMBERED_MESSAGES - 1}"`);
  });
});

describe("joinMessages", () => {
  it("translates a message and the clause joined to it, each on its own", () => {
    rememberMessages(true);
    const text = joinMessages(english.unknown("A1"), inner.zero());
    expect(text).toBe('unknown indicator "A1"a weight of 0');
    expect(translateMessage(text, translations)).toBe('未知指标 "A1"权重为 0');
    // An empty clause: the message alone.
    expect(joinMessages(english.unknown("B2"), "")).toBe('unknown indicator "B2"');
    expect(translateMessage(joinMessages(english.unknown("B2"), ""), translations)).toBe('未知指标 "B2"');
  });
});
