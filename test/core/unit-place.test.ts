/**
 * A unit's name mistyped on one row (`园区` for `园区甲`) makes a unit of that row alone. The run's problems about it
 * are placed at that row (`unitCellPlacer`), and the `W_UNIT_LOOKALIKE` warning naming both spellings comes with them
 * on the `ValidationError` (its `warnings`), as the run stops before it could print it.
 */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { messages } from "../../src/core/messages.js";
import { buildPanel, type ValueRecord } from "../../src/core/panel.js";
import { unitCellPlacer } from "../../src/core/unit-place.js";
import { ValidationError } from "../../src/errors.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";

const TREE = "code,parent,name,weight,direction\nG,,g,1,\nA,G,a,0.5,+\nB,G,b,0.5,+\n";

/**
 * data/2017.csv, data/2018.csv, data/2019.csv, each `unit,year,indicator,value` from line 2: 园区甲 A, 园区甲 B,
 * 园区乙 A, 园区乙 B, but in 2019 line 3 says `园区` (B, 4) where the others say 园区甲. Units in the order first met:
 * 园区甲 (0), 园区乙 (1), 园区 (2); years 2017, 2018, 2019.
 */
function panelOf(typo = "园区") {
  const records: ValueRecord[] = [2017, 2018, 2019].flatMap((year, t) =>
    (
      [
        ["园区甲", "A", 1 + t],
        [year === 2019 ? typo : "园区甲", "B", 2 + t],
        ["园区乙", "A", 3 + t],
        ["园区乙", "B", 4 + t],
      ] as const
    ).map(([unit, indicator, value], k) => ({ unit, year, indicator, value, line: k + 2, file: `data/${year}.csv` })),
  );
  const built = buildPanel(parseTreeCsv(TREE, "tree.csv"), records, "data");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** The cell of indicator `i` (A 0, B 1), unit `u` and year position `t` of a panel of 3 units and 3 years. */
const cellOf = (i: number, u: number, t: number) => (i * 3 + u) * 3 + t;

describe("unitCellPlacer", () => {
  it("places a cell no row holds of 园区 (the fewer of 园区甲 and 园区, which share no cell) at its one row, data/2019.csv:3", () => {
    const place = unitCellPlacer(panelOf());
    expect(place(cellOf(0, 2, 0))).toEqual({ source: "data/2019.csv", line: 3 }); // A 2017: no row
    expect(place(cellOf(1, 2, 1))).toEqual({ source: "data/2019.csv", line: 3 }); // B 2018: no row
  });

  it("keeps a cell no row holds of 园区甲 (the more of the two: 5 rows to 1) at the values folder alone", () => {
    // 园区甲's B 2019 is the row that was mistyped: its first row (data/2017.csv:2) would say nothing of it.
    expect(unitCellPlacer(panelOf())(cellOf(1, 0, 2))).toEqual({ source: "data" });
  });

  it("keeps a cell no row holds of a unit of one row whose name looks like no other (乙园 for 园区甲) at the folder", () => {
    // 乙园 vs 园区甲 / 园区乙: no prefix, and more than one edit apart: no look-alike, so no row stands for its gaps.
    expect(unitCellPlacer(panelOf("乙园"))(cellOf(0, 2, 0))).toEqual({ source: "data" });
  });

  it("keeps a cell a row holds at that row (园区乙's A 2018: data/2018.csv:4)", () => {
    expect(unitCellPlacer(panelOf())(cellOf(0, 1, 1))).toEqual({ source: "data/2018.csv", line: 4 });
  });
});

describe("a failing run of a name mistyped on one row", () => {
  it("fails on 园区 (base 2017 missing) with its problems at data/2019.csv:3 and the look-alike warning on the error", () => {
    let caught: unknown;
    try {
      computeIndex(parseTreeCsv(TREE, "tree.csv"), panelOf());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    // Under fixed-base and the error policy: 园区's A 2019 has no row, its 2017 and 2018 have no value at all (its base
    // values of A and B, 2017, are missing with them: that one problem, not also one per indicator); 园区甲's B 2019 has
    // no row (placed at the folder: 园区甲 is the more of the two).
    expect(error.issues.map((issue) => [issue.code, issue.source, issue.line])).toEqual([
      ["E_MISSING_VALUE", "data/2019.csv", 3],
      ["E_MISSING_VALUE", "data", undefined],
      ["E_UNIT_YEAR_EMPTY", "data/2019.csv", 3],
      ["E_UNIT_YEAR_EMPTY", "data/2019.csv", 3],
    ]);
    // 园区甲 has 5 values (A 2017-2019, B 2017-2018), 园区 1 (B 2019), and "园区" begins "园区甲": the warning is at 园区's row.
    expect(error.warnings).toEqual([
      { code: "W_UNIT_LOOKALIKE", message: messages.unitLookalike("园区甲", 5, "园区", 1, "prefix", "B", 2019), source: "data/2019.csv", line: 3, column: "unit" },
    ]);
  });

  it("under strict, the warning is among the problems (E_UNIT_LOOKALIKE) and not on the error again", () => {
    let caught: unknown;
    try {
      computeIndex(parseTreeCsv(TREE, "tree.csv"), panelOf(), { strict: true });
    } catch (error) {
      caught = error;
    }
    const error = caught as ValidationError;
    expect(error.issues.filter((issue) => issue.code === "E_UNIT_LOOKALIKE")).toHaveLength(1);
    expect(error.warnings).toBeUndefined();
  });

  it("a trailing space (`园区甲 `) is the same name compared: the same warning, of likeness same", () => {
    let caught: unknown;
    try {
      computeIndex(parseTreeCsv(TREE, "tree.csv"), panelOf("园区甲 "));
    } catch (error) {
      caught = error;
    }
    const error = caught as ValidationError;
    expect(error.warnings).toEqual([
      { code: "W_UNIT_LOOKALIKE", message: messages.unitLookalike("园区甲", 5, "园区甲 ", 1, "same", "B", 2019), source: "data/2019.csv", line: 3, column: "unit" },
    ]);
  });
});
