/**
 * A seeded generator of synthetic panels for the benchmarks, so every machine measures the same data.
 *
 * Tree: `dimensions` first-level groups, each with `groupsPerDimension` second-level groups, each with an equal share
 * of the indicators (three levels of aggregation above the indicators: groups, dimensions, the overall index). Every
 * fifth indicator is negative. Weights are left empty (equal weights level by level).
 *
 * Values: for unit u, indicator i, year t,
 *   x = scale_i · level_u · (1 + growth_ui)^t · (1 + 0.05·(2·r − 1)),
 * with scale_i = 10^(3·r_i) (from 1 to 1000), level_u uniform on [0.5, 2], growth_ui uniform on [−0.02, 0.10] and r
 * uniform on [0, 1), all drawn from the project's SFC32 generator (`createRandom(seed)`) in the order units, indicators,
 * years. Every value is positive, so every normalisation and mean is defined; no value is missing.
 */
import { createRandom } from "../dist/core/random.js";
import { createPanel } from "../dist/core/panel.js";
import { buildTree } from "../dist/core/tree.js";

/** Codes and tree rows of the synthetic tree. */
export function syntheticTreeRows({ indicators, dimensions, groupsPerDimension }) {
  const rows = [];
  const groups = dimensions * groupsPerDimension;
  const perGroup = Math.ceil(indicators / groups);
  let indicator = 0;
  for (let d = 0; d < dimensions && indicator < indicators; d++) {
    const dimension = `D${d + 1}`;
    rows.push({ code: dimension, parent: "", name: `Dimension ${d + 1}`, weight: "", direction: "" });
    for (let g = 0; g < groupsPerDimension && indicator < indicators; g++) {
      const group = `${dimension}G${g + 1}`;
      rows.push({ code: group, parent: dimension, name: `Group ${d + 1}.${g + 1}`, weight: "", direction: "" });
      for (let k = 0; k < perGroup && indicator < indicators; k++, indicator++)
        rows.push({ code: `I${String(indicator + 1).padStart(4, "0")}`, parent: group, name: `Indicator ${indicator + 1}`, weight: "", direction: indicator % 5 === 4 ? "-" : "+" });
    }
  }
  return rows.map((row, i) => ({ ...row, line: i + 2 }));
}

/** The tree (validated). */
export function syntheticTree(shape) {
  const built = buildTree(syntheticTreeRows(shape), "synthetic-tree.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** The tree, and the panel filled in place (no per-cell objects). */
export function syntheticPanel({ units, indicators, years, dimensions = 5, groupsPerDimension = 4, firstYear = 2001, seed = 1 }) {
  const tree = syntheticTree({ indicators, dimensions, groupsPerDimension });
  const random = createRandom(seed);
  const unitCodes = Array.from({ length: units }, (_, u) => `U${String(u + 1).padStart(5, "0")}`);
  const yearList = Array.from({ length: years }, (_, t) => firstYear + t);
  const panel = createPanel(unitCodes, yearList, tree.indicators);
  const level = Float64Array.from({ length: units }, () => 0.5 + 1.5 * random());
  const scale = Float64Array.from({ length: tree.indicators.length }, () => 10 ** (3 * random()));
  const values = panel.values;
  for (let u = 0; u < units; u++)
    for (let i = 0; i < tree.indicators.length; i++) {
      const growth = -0.02 + 0.12 * random();
      let trend = scale[i] * level[u];
      const start = (i * units + u) * years;
      for (let t = 0; t < years; t++) {
        values[start + t] = trend * (1 + 0.05 * (2 * random() - 1));
        trend *= 1 + growth;
      }
    }
  return { tree, panel };
}

/** Writes the tree as CSV text. */
export function treeCsv(tree) {
  const lines = ["code,parent,name,weight,direction"];
  for (const node of tree.nodes)
    lines.push(`${node.code},${node.parent ?? ""},${node.name},,${node.kind === "indicator" ? (node.direction === "positive" ? "+" : "-") : ""}`);
  return lines.join("\n") + "\n";
}

/** The panel as long CSV text chunks (`unit,year,indicator,value`), unit by unit, values with 6 significant digits. */
export function* valuesCsvChunks(panel) {
  yield "unit,year,indicator,value\n";
  const { units, years, indicators, values } = panel;
  for (let u = 0; u < units.length; u++) {
    const lines = [];
    for (let i = 0; i < indicators.length; i++)
      for (let t = 0; t < years.length; t++)
        lines.push(`${units[u]},${years[t]},${indicators[i]},${values[(i * units.length + u) * years.length + t].toPrecision(6)}`);
    yield lines.join("\n") + "\n";
  }
}
