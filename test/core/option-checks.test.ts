/**
 * How the option checks describe a value found (`describeValue`) and check a list (`OptionChecks.list`): what JSON
 * would write as null or fail on is shown as JavaScript writes it, a long value is cut, a Promise is named.
 */
import { describe, expect, it } from "vitest";
import { describeValue, LISTED_ITEMS, OptionChecks, optionMessages, PREVIEW_LIMIT } from "../../src/core/option-checks.js";

describe("describeValue", () => {
  it("writes numbers JSON cannot write as JavaScript does, in a list or an object too, and a bigint with its n", () => {
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(describeValue(BigInt(7))).toBe("the bigint 7n");
    expect(describeValue([1, Number.NaN, Number.POSITIVE_INFINITY, undefined, BigInt(2)])).toBe("[1,NaN,Infinity,undefined,2n]");
    expect(describeValue({ low: 0, high: { deep: [Number.NaN] } })).toBe('{"low":0,"high":{"deep":[NaN]}}');
    expect(describeValue("2018")).toBe('"2018"');
  });

  it("names a Promise, a Map, a Set, a Date, a URL, a typed array and a function by their kind; a circular object does not loop", () => {
    expect(describeValue(Promise.resolve(1))).toBe("a Promise");
    expect(describeValue(new Map([["a", 1], ["b", 2]]))).toBe("a Map of 2 entries");
    expect(describeValue(new Map([["a", 1]]))).toBe("a Map of 1 entry");
    expect(describeValue(new Set([1]))).toBe("a Set of 1 item");
    expect(describeValue(new Date(Date.UTC(2020, 0, 2)))).toBe("a Date 2020-01-02T00:00:00.000Z");
    expect(describeValue(new URL("file:///data/"))).toBe('a URL "file:///data/"');
    expect(describeValue(new Float64Array(160))).toBe("a Float64Array of 160 values");
    // The article as the name is read: "Int" with a vowel sound, "Uint" with a "you", "Data" with a consonant.
    expect(describeValue(new Int32Array(2))).toBe("an Int32Array of 2 values");
    expect(describeValue(new Int8Array(1))).toBe("an Int8Array of 1 value");
    expect(describeValue(new Uint8Array(3))).toBe("a Uint8Array of 3 values");
    expect(describeValue(new BigInt64Array(1))).toBe("a BigInt64Array of 1 value");
    expect(describeValue(new DataView(new ArrayBuffer(4)))).toBe("a DataView of 4 bytes");
    expect(describeValue({ years: new Int16Array(2) })).toBe('{"years":Int16Array of 2 values}');
    expect(describeValue(function weights() {})).toBe("the function weights");
    expect(describeValue({ when: new Date(0) })).toBe('{"when":Date 1970-01-01T00:00:00.000Z}');
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(describeValue(circular)).toBe('{"a":1,"self":[circular]}');
  });

  it("cuts a list or an object after PREVIEW_LIMIT characters and counts its items or keys", () => {
    // The list as JSON writes it, cut after 80 characters: "[0,1,...,9," is 21 of them, then three for each of 10 to 28.
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const shown = describeValue(list);
    expect(shown).toBe(`${JSON.stringify(list).slice(0, PREVIEW_LIMIT)}… (a list of 1000 items)`);
    expect(PREVIEW_LIMIT).toBe(80);
    // {"text":" is 9 characters, then 71 x.
    expect(describeValue({ text: "x".repeat(500) })).toBe(`{"text":"${"x".repeat(PREVIEW_LIMIT - 9)}… (an object of 1 key)`);
  });
});

describe("OptionChecks.object", () => {
  it("refuses a Map, a URL or a Promise, whose keys are not what they hold, and takes a plain object or one of a class", () => {
    const issues = (value: unknown) => new OptionChecks().object("options", value, "an object of options").issues.map(({ message }) => message);
    expect(issues(new Map([["a", 1]]))).toEqual(["option options is a Map of 1 entry; expected an object of options"]);
    expect(issues(new URL("file:///x"))).toEqual(['option options is a URL "file:///x"; expected an object of options']);
    expect(issues(Promise.resolve({}))).toEqual(["option options is a Promise: did you forget await? expected an object of options"]);
    expect(issues({ a: 1 })).toEqual([]);
    expect(issues(new (class Settings { a = 1 })())).toEqual([]);
    expect(issues(Object.create(null))).toEqual([]);
  });
});

describe("OptionChecks.list", () => {
  it("names each item that fails (a number given as a text as one), the first five, then counts the rest", () => {
    const years = ["2018", 2019, "2020", "2021", "2022", "2023", "2024", "2025"];
    const checks = new OptionChecks().list("years", years, Number.isInteger, "a list of years", { item: "a year", number: true });
    expect(checks.issues.map(({ column }) => column)).toEqual(["years[0]", "years[2]", "years[3]", "years[4]", "years[5]", "years"]);
    expect(checks.issues[0].message).toBe('option years[0] is the text "2018", not a number; expected a year');
    expect(checks.issues[LISTED_ITEMS].message).toBe("option years has 2 more items like those; expected a list of years");
  });

  it("refuses an empty list when told to, and a value that is not a list as a whole", () => {
    expect(new OptionChecks().list("units", [], () => true, "a list of units", { nonEmpty: true }).issues[0].message).toBe(optionMessages.emptyList("units", "a list of units"));
    expect(optionMessages.emptyList("units", "a list of units")).toBe("option units is an empty list; expected a list of units");
    expect(new OptionChecks().list("units", [], () => true, "a list of units").issues).toEqual([]);
    expect(new OptionChecks().list("units", "A", () => true, "a list of units", { nonEmpty: true }).issues[0].message).toBe('option units is "A"; expected a list of units');
  });
});
