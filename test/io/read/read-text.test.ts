import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { decodeText, parseEncoding } from "../../../src/io/read/read-text.js";

const TEXT = "代码,名称,权重\nA11,研发经费占比,0.5\n𠀀,GB18030 four-byte character,1\n";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(new TextEncoder().encode(TEXT), "t.csv")).toBe(TEXT);
    expect(decodeText(new TextEncoder().encode("\uFEFF" + TEXT), "t.csv")).toBe(TEXT);
  });

  it("detects GB18030, including its four-byte characters, and GBK", () => {
    expect(decodeText(iconv.encode(TEXT, "gb18030"), "t.csv")).toBe(TEXT);
    const gbk = "代码,名称\nA11,研发经费占比\n";
    expect(decodeText(iconv.encode(gbk, "gbk"), "t.csv")).toBe(gbk);
    expect(decodeText(iconv.encode(gbk, "gbk"), "t.csv", "gbk")).toBe(gbk);
  });

  it("reads UTF-8 after a UTF-8 mark even when GBK is forced, and GBK after one only when the rest is not UTF-8", () => {
    // A UTF-8 tree read under the values' --encoding gbk: the mark decides (as GBK it would be "锘" and mojibake).
    const marked = new TextEncoder().encode("\uFEFF" + TEXT);
    expect(decodeText(marked, "t.csv", "gbk")).toBe(TEXT);
    expect(decodeText(marked, "t.csv", "gb18030")).toBe(TEXT);
    // GBK bytes after a mark (not valid UTF-8): the mark is dropped and the rest read as GBK, as before.
    const gbk = "代码,名称\nA11,研发经费占比\n";
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(gbk, "gbk")]), "t.csv", "gbk")).toBe(gbk);
  });

  it("reads UTF-8 that holds Chinese characters as UTF-8 even when GBK is forced, GBK that happens to be valid UTF-8 as GBK", () => {
    // A UTF-8 tree without a mark beside GBK values, --encoding gbk for both: read as GBK, 维度 would be 缁村害 (the
    // six UTF-8 bytes e7 bb b4 e5 ba a6 as three GBK characters), a name changed without a word.
    const tree = "code,parent,name\nX,,维度X\n";
    const utf8 = new TextEncoder().encode(tree);
    expect(iconv.decode(Buffer.from(utf8), "gbk")).toContain("缁村害X");
    expect(decodeText(utf8, "tree.csv", "gbk")).toBe(tree);
    expect(decodeText(utf8, "tree.csv", "gb18030")).toBe(tree);
    // GBK bytes that are valid UTF-8 by chance (ά, U+03AC, is ce ac: 维 in GBK): UTF-8 makes no Chinese of them, so the
    // forced GBK holds.
    const gbkAsUtf8 = Uint8Array.from([0x41, 0x2c, 0xce, 0xac, 0x0a]);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(gbkAsUtf8)).toBe("A,ά\n");
    expect(decodeText(gbkAsUtf8, "t.csv", "gbk")).toBe("A,维\n");
    // Pure ASCII is the same either way.
    expect(decodeText(new TextEncoder().encode("a,b\n1,2\n"), "t.csv", "gbk")).toBe("a,b\n1,2\n");
  });

  it("reads UTF-16 with a byte-order mark, little or big endian", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]);
    expect(decodeText(le, "t.txt")).toBe(TEXT);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeText(be, "t.txt")).toBe(TEXT);
  });

  it("reads UTF-16 without a byte-order mark, little or big endian (R's write.csv with fileEncoding UTF-16LE)", () => {
    expect(decodeText(Buffer.from(TEXT, "utf16le"), "t.csv")).toBe(TEXT);
    expect(decodeText(Buffer.from(TEXT, "utf16le").swap16(), "t.csv")).toBe(TEXT);
    // An odd number of bytes is no UTF-16: refused as before.
    expect(() => decodeText(Buffer.concat([Buffer.from("a,b\n", "utf16le"), Buffer.from([0x41])]), "t.csv")).toThrow(/contains NUL bytes/);
  });

  it("refuses bytes that are neither, and GBK when UTF-8 is forced", () => {
    const garbage = Uint8Array.from([0x61, 0xff, 0x81, 0x20, 0x62]);
    expect(() => decodeText(garbage, "t.csv")).toThrow(InputError);
    expect(() => decodeText(garbage, "t.csv")).toThrow(/^t\.csv: the file is neither UTF-8 nor GBK\/GB18030 text; expected/);
    expect(() => decodeText(garbage, "t.csv", "gb18030")).toThrow(/^t\.csv: the file is not valid GB18030; expected/);
    expect(() => decodeText(iconv.encode(TEXT, "gbk"), "t.csv", "utf-8")).toThrow(/^t\.csv: the file is not valid UTF-8/);
    // NUL bytes that are not in the pattern of UTF-16 (a binary file) are not GB18030 text either
    expect(() => decodeText(Uint8Array.from([0x61, 0x2c, 0, 0, 0x62, 0x0a]), "t.csv")).toThrow(/^t\.csv: the file contains NUL bytes, so it is not text in UTF-8, UTF-16 or GBK/);
  });

  it.each([
    ["utf8", "utf-8"],
    ["UTF-8", "utf-8"],
    ["GBK", "gbk"],
    ["gb2312", "gbk"],
    ["cp936", "gbk"],
    ["GB18030", "gb18030"],
    ["auto", "auto"],
    ["latin1", undefined],
  ])("parseEncoding(%j) is %j", (text, expected) => {
    expect(parseEncoding(text)).toBe(expected);
  });
});
