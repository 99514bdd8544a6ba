/**
 * Where a problem about a cell no row holds is placed when its unit looks like a name mistyped. A unit's name mistyped
 * on one row (`园区` for `园区甲`) makes a unit of that row alone: every other cell of it is missing, and the problems
 * about them (a missing base value, a unit-year without any value, a gap no policy fills) would name only the values
 * file or folder, not the row the unit comes from. They are placed at that row instead.
 */
import { placeOfCell, type Panel } from "./panel.js";
import { lookalikeUnits } from "./unit-lookalike.js";

/** A place as `placeOfCell` gives it. */
export type CellPlace = ReturnType<typeof placeOfCell>;

/**
 * `placeOfCell` of `panel`, but for a cell no row holds (no line) of a unit that looks like a name mistyped: the fewer
 * of two units whose names look alike and whose rows never share a cell (`lookalikeUnits` of the rows, not the values,
 * so that a value a policy filled does not count), the file and line of its first row (in the order of the files, then
 * of the lines), where `W_UNIT_LOOKALIKE` is placed. Any other unit keeps the values file alone: its first row says
 * nothing of a row left out. The look-alike units are found once, when a cell without a line is first asked about.
 * @example unitCellPlacer(panel)(cell) // => { source: "data/2019.csv", line: 3 } for 园区's empty 2017 cell
 */
export function unitCellPlacer(panel: Panel): (cell: number) => CellPlace {
  const lines = panel.lines;
  if (lines === undefined) return (cell) => placeOfCell(panel, cell);
  const [unitCount, yearCount] = [panel.units.length, panel.years.length];
  const blockSize = unitCount * yearCount;
  /** The first row's cell of each look-alike unit, found once. */
  let firstRows: Map<number, number> | undefined;
  const firstRowOf = (u: number) => {
    if (firstRows === undefined) {
      const rows = new Float64Array(lines.length).fill(Number.NaN);
      for (let cell = 0; cell < lines.length; cell++) if (lines[cell]) rows[cell] = 1;
      firstRows = new Map(lookalikeUnits({ ...panel, values: rows }).map(({ fewer }) => [fewer, -1] as const));
      for (const unit of firstRows.keys()) {
        let [first, fileOfFirst] = [-1, Infinity];
        for (let i = 0; i < panel.indicators.length; i++)
          for (let cell = i * blockSize + unit * yearCount, end = cell + yearCount; cell < end; cell++) {
            if (!lines[cell]) continue;
            const file = panel.fileOfCell?.[cell] ?? 0;
            if (first < 0 || file < fileOfFirst || (file === fileOfFirst && lines[cell] < lines[first])) [first, fileOfFirst] = [cell, file];
          }
        firstRows.set(unit, first);
      }
    }
    return firstRows.get(u) ?? -1;
  };
  return (cell) => {
    const place = placeOfCell(panel, cell);
    if (place.line !== undefined) return place;
    const first = firstRowOf(Math.floor(cell / yearCount) % unitCount);
    if (first < 0) return place;
    const { source, line } = placeOfCell(panel, first);
    return { ...(source !== undefined ? { source } : {}), line };
  };
}
