/**
 * A tester's run, shared by the report's tests: INDEX = A "Input" 0.5 (X) + B "Pressure" 0.5 (Y1, Y2; direction -),
 * units P and Q, 2020 and 2021, values (X, Y1, Y2) P 2020: 1, 1, 1; P 2021: 2, 1, 2; Q 2020: 3, 2, 3; Q 2021: 1, 1, 1,
 * the cells named in `gaps` (`"P 2021 Y1"`) left empty, `--normalise min-max --missing reweight` and `options`. Min-max
 * over the panel (0 at the lowest value, 100 at the highest): X P 0, 50, Q 100, 0; Y1 P 0, 0, Q 50, 0 (with P 2021
 * empty: P 0, –, Q 100, 0); Y2 P 0, 50, Q 100, 0. B = 100 − mean of its children. Nodes in the result: INDEX 0, A 1,
 * X 2, B 3, Y1 4, Y2 5.
 */
import { computeIndex, type ComputeOptions } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";

export function testerRun(options: ComputeOptions = {}, gaps: readonly string[] = ["P 2021 Y1"]) {
  const tree = parseTreeCsv("code,parent,name,weight,direction\nA,,Input,0.5,\nX,A,x,,+\nB,,Pressure,0.5,-\nY1,B,y1,,+\nY2,B,y2,,+\n", "tree.csv");
  const values: Record<string, Record<number, number[]>> = { P: { 2020: [1, 1, 1], 2021: [2, 1, 2] }, Q: { 2020: [3, 2, 3], 2021: [1, 1, 1] } };
  const records = Object.entries(values).flatMap(([unit, byYear]) =>
    Object.entries(byYear).flatMap(([year, row]) =>
      ["X", "Y1", "Y2"].map((indicator, i) => ({ unit, year: Number(year), indicator, value: gaps.includes(`${unit} ${year} ${indicator}`) ? Number.NaN : row[i] })),
    ),
  );
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error("the tester's panel is invalid");
  return computeIndex(tree, panel.value, { normalize: "min-max", missing: "reweight", ...options });
}
