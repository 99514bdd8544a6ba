import iconv from "iconv-lite";
import { readFileSync } from "node:fs";
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

  describe("a file mixing UTF-8 lines with GBK ones (two files joined: cat u8.csv gbk.csv > mixed.csv)", () => {
    const utf8Part = Buffer.from("unit,year,indicator,value\n常州,2017,X,10\n常州,2018,X,20\n");
    const gbkPart = iconv.encode("无锡,2017,X,12\n无锡,2018,X,22\n", "gbk");
    // 常 is e5 b8 b8 and 州 e5 b7 9e in UTF-8; read as GBK the pairs e5b8, b8e5, b79e are 甯, 稿, 窞 (the tester's
    // mojibake), and 窞 (trail 9e) is outside GB2312: no GBK file of common characters holds these bytes.
    const told = (lines: string) =>
      `mixed.csv: the file mixes two encodings: ${lines}; read as one encoding, some lines turn into wrong characters ` +
      `(UTF-8 "常州" read as GBK is "甯稿窞"); expected one encoding for the whole file (was it joined from two files?): ` +
      `save each part again as "CSV UTF-8", then join them`;

    it("is refused (E_ENCODING), naming the lines of each encoding, whatever --encoding says (before: read as GBK, 常州 became 甯稿窞)", () => {
      const mixed = Buffer.concat([utf8Part, gbkPart]);
      expect(iconv.decode(mixed, "gb18030")).toContain("甯稿窞,2017");
      // Lines 2-3 are the UTF-8 rows, 4-5 the GBK ones (line 1, the header, is ASCII: either).
      const message = told("lines 2, 3 are UTF-8, lines 4, 5 are not (GBK/GB18030, as Excel on Chinese Windows saves CSV)");
      for (const encoding of ["auto", "gbk", "gb18030", "utf-8"] as const) {
        const error = catchError(() => decodeText(mixed, "mixed.csv", encoding));
        expect(error).toBeInstanceOf(InputError);
        expect([(error as InputError).code, (error as InputError).source, error.message]).toEqual(["E_ENCODING", "mixed.csv", message]);
      }
      // A UTF-8 mark in front (the UTF-8 part saved by Notepad): the same, not "a UTF-8 mark before GBK bytes".
      expect(() => decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mixed]), "mixed.csv")).toThrow(message);
    });

    it("names the GBK lines first when they come first, and counts lines beyond the first five", () => {
      const header = Buffer.from("unit,year,indicator,value\n");
      // GBK rows on lines 2-3, UTF-8 rows on lines 4-5.
      expect(() => decodeText(Buffer.concat([header, gbkPart, utf8Part.subarray(header.length)]), "mixed.csv")).toThrow(
        told("lines 4, 5 are UTF-8, lines 2, 3 are not (GBK/GB18030, as Excel on Chinese Windows saves CSV)"),
      );
      // 7 UTF-8 rows (lines 2-8) and one GBK row (line 9): the first five of the seven, and how many.
      const rows = Array.from({ length: 7 }, (_, i) => `常州,${2010 + i},X,${i}\n`).join("");
      expect(() => decodeText(Buffer.concat([header, Buffer.from(rows), iconv.encode("无锡,2017,X,12\n", "gbk")]), "mixed.csv")).toThrow(
        told("lines 2, 3, 4, 5, 6 (7 lines in all) are UTF-8, line 9 is not (GBK/GB18030, as Excel on Chinese Windows saves CSV)"),
      );
    });

    it("finds no mix in the shipped example saved as GBK or GB18030, nor in GB18030 text of every common character", () => {
      for (const path of ["data/changzhou/values.csv", "indicators/changzhou-2020.csv"]) {
        const text = readFileSync(path, "utf8");
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        for (const encoding of ["gbk", "gb18030"]) expect(decodeText(iconv.encode(text, encoding), path)).toBe(text);
      }
      // Every character of GB2312 (rows a1-a9 and b0-f7, cells a1-fe: 7,445 marks and hanzi defined), in names of 1 to
      // 7 characters, a row each, as GB18030: read back as written.
      const characters: string[] = [];
      for (let row = 0xa1; row <= 0xf7; row++)
        for (let cell = 0xa1; cell <= 0xfe; cell++) {
          const character = iconv.decode(Buffer.from([row, cell]), "gb18030");
          if ((row <= 0xa9 || row >= 0xb0) && /^[^\ue000-\uf8ff\ufffd]$/u.test(character)) characters.push(character);
        }
      expect(characters.length).toBeGreaterThan(7400);
      let rows = "unit,year,indicator,value\n";
      for (let i = 0, size = 1; i < characters.length; i += size, size = (size % 7) + 1) rows += `${characters.slice(i, i + size).join("")},2017,X,1\n`;
      expect(decodeText(iconv.encode(rows, "gb18030"), "all.csv")).toBe(rows);
    });

    it("takes no GBK line for UTF-8 on bytes alone: 寤扥 (e5bb 924f) is valid UTF-8 (廒 and O) but reads as GBK", () => {
      // e5 bb 92 is 廒 in UTF-8, then the ASCII O; as GBK e5bb is 寤 and 924f (a rarer character, its second byte an ASCII
      // letter) is 扥. A pair ending in a letter is no sign of UTF-8, as GBK's rarer characters end so.
      const line = iconv.encode("寤扥,2017,X,1\n", "gbk");
      expect(new TextDecoder("utf-8", { fatal: true }).decode(line)).toBe("廒O,2017,X,1\n");
      const text = "unit,year,indicator,value\n寤扥,2017,X,1\n无锡,2017,X,12\n";
      expect(decodeText(iconv.encode(text, "gbk"), "t.csv")).toBe(text);
    });
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

/** The error `run` throws (the test fails if it throws none). */
function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
