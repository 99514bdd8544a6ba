/**
 * TOPSIS, the technique for order preference by similarity to an ideal solution (Hwang & Yoon 1981): each unit-year's
 * closeness to the best values observed and away from the worst. With entropy weights it is the "熵权TOPSIS" of much of
 * the Chinese regional-evaluation literature.
 */
import type { AggregateContext } from "./methods.js";

/**
 * TOPSIS closeness scores on 0-100, over the whole panel. The children are scores already normalised, higher better;
 * each is weighted, `v = w·s` (the weights as given: the siblings' weights sum to 1). The ideal of a child is its
 * largest weighted score over every unit and year of the block, the anti-ideal its smallest; a cell's distances are
 * `D⁺ = √Σ (v − v⁺)²` and `D⁻ = √Σ (v − v⁻)²` over its observed children (a missing child is left out of both), and
 * its score `100·D⁻/(D⁺ + D⁻)`: 100 at the ideal on every child, 0 at the anti-ideal. Units and years are the
 * alternatives together, so that the scores of different years are comparable, and a single unit (a zone over its
 * years) is ranked against its own best and worst years, as in the literature's time-series TOPSIS; adding a year
 * that sets a new best or worst changes the earlier years' scores, as with min-max over the panel. A cell with no
 * observed child, or whose observed children all sit at both their ideal and anti-ideal (none varies: `0/0`), is
 * `NaN` (the second reported first by `checkAggregation`). A child of weight 0 (shown, not counted) takes no part: a
 * cell whose only observed child weighs 0 has no observed child (`NaN`), not a `0/0`. `byYear` (`topsis-year`) takes
 * each year's units apart as the alternatives, with the ideal and anti-ideal of that year, as a cross-section TOPSIS
 * computed year by year: scores then compare units within a year, not a year with another.
 * @example aggregateTopsis([[100, 50, 0], [0, 50, 100]], [0.5, 0.5], { unitCount: 3, yearCount: 1 }, out) // out => [50, 50, 50]
 * Reference: Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, ch. 3; OECD/JRC Handbook (2008), §6.
 */
export function aggregateTopsis(
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  context: AggregateContext,
  out: Float64Array,
  { byYear = false }: { byYear?: boolean } = {},
): Float64Array {
  for (const cells of alternativeSets(context.unitCount, context.yearCount, byYear)) scoreTopsis(children, weights, cells, out);
  return out;
}

/** The last sets of alternatives made: a Monte Carlo analysis asks for the same ones in every run. */
let lastSets: { key: string; sets: readonly (readonly number[])[] } | undefined;

/** The sets of alternatives: every cell of the block, or each year's units (cells u·yearCount + year). */
function alternativeSets(unitCount: number, yearCount: number, byYear: boolean): readonly (readonly number[])[] {
  const key = `${unitCount} ${yearCount} ${byYear}`;
  if (lastSets?.key !== key)
    lastSets = {
      key,
      sets: byYear
        ? Array.from({ length: yearCount }, (_, year) => Array.from({ length: unitCount }, (_, unit) => unit * yearCount + year))
        : [Array.from({ length: unitCount * yearCount }, (_, cell) => cell)],
    };
  return lastSets.sets;
}

/** TOPSIS among the alternatives `cells` (the ideal and anti-ideal over them), written into `out` at those cells. */
function scoreTopsis(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, cells: readonly number[], out: Float64Array): void {
  const best = new Float64Array(children.length).fill(-Infinity);
  const worst = new Float64Array(children.length).fill(Infinity);
  children.forEach((child, c) => {
    if (!(weights[c] > 0)) return;
    for (const cell of cells) {
      const weighted = weights[c] * child[cell];
      if (Number.isNaN(weighted)) continue;
      if (weighted > best[c]) best[c] = weighted;
      if (weighted < worst[c]) worst[c] = weighted;
    }
  });
  for (const cell of cells) {
    let toBest = 0;
    let toWorst = 0;
    let observed = false;
    for (let c = 0; c < children.length; c++) {
      if (!(weights[c] > 0)) continue;
      const weighted = weights[c] * children[c][cell];
      if (Number.isNaN(weighted)) continue;
      observed = true;
      toBest += (weighted - best[c]) ** 2;
      toWorst += (weighted - worst[c]) ** 2;
    }
    const distanceToBest = Math.sqrt(toBest);
    const distanceToWorst = Math.sqrt(toWorst);
    const span = distanceToBest + distanceToWorst;
    out[cell] = observed && span > 0 ? (100 * distanceToWorst) / span : Number.NaN;
  }
}

/**
 * The cells (of `cellCount`) where TOPSIS is undefined though a child that takes part (weight > 0) is observed: every
 * observed child sits at both its ideal and its anti-ideal, as when none of them varies over the panel
 * (`aggregateTopsis`).
 */
export function topsisUndefinedCells(children: readonly ArrayLike<number>[], weights: ArrayLike<number>, context: AggregateContext, byYear: boolean): number[] {
  const cellCount = context.unitCount * context.yearCount;
  const out = aggregateTopsis(children, weights, context, new Float64Array(cellCount), { byYear });
  const cells: number[] = [];
  for (let cell = 0; cell < cellCount; cell++)
    if (Number.isNaN(out[cell]) && children.some((child, c) => weights[c] > 0 && !Number.isNaN(weights[c] * child[cell]))) cells.push(cell);
  return cells;
}
