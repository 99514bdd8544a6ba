/**
 * Aggregation: a group's value from its children's values and weights, cell by cell over a block of
 * `unitCount * yearCount` cells. The weighted means live in `aggregate/means.ts`, the Mazziotta–Pareto index in
 * `aggregate/mpi.ts`, the choice per level or group in `aggregate/plan.ts`.
 */
import { aggregateArithmetic, aggregateGeometric, aggregateHarmonic } from "./aggregate/means.js";
import { aggregateMazziottaPareto } from "./aggregate/mpi.js";
import { aggregatePower } from "./aggregate/power.js";
import { aggregateCopeland } from "./aggregate/copeland.js";
import { aggregateBenefitOfTheDoubt } from "./aggregate/bod.js";
import { aggregateTopsis } from "./aggregate/topsis.js";
import { aggregateGrey } from "./aggregate/grey.js";
import { messages } from "./messages.js";
import { AGGREGATE_METHODS, type AggregateContext, type AggregateMethod } from "./aggregate/methods.js";

export { aggregateArithmetic, aggregateGeometric, aggregateHarmonic } from "./aggregate/means.js";
export { aggregateMazziottaPareto } from "./aggregate/mpi.js";
export { aggregatePower } from "./aggregate/power.js";
export { aggregateCopeland } from "./aggregate/copeland.js";
export { aggregateBenefitOfTheDoubt } from "./aggregate/bod.js";
export { aggregateTopsis } from "./aggregate/topsis.js";
export { aggregateGrey, GREY_RHO } from "./aggregate/grey.js";
export { maximizeLinear, type LinearSolution } from "./aggregate/simplex.js";
export { checkAggregation, parseAggregateSpec, planAggregation, type AggregateSpec } from "./aggregate/plan.js";

export { ACROSS_UNIT_METHODS, AGGREGATE_METHODS, type AggregateContext, type AggregateMethod } from "./aggregate/methods.js";

/**
 * Applies `method` to the children of one group. `context` gives the block's shape (needed by `copeland` and `bod`,
 * which compare units within a year; `topsis` compares every cell of the block; without it the block is one year of `out.length` units) and the exponent of
 * `power` (required for it).
 */
export function aggregate(
  method: AggregateMethod,
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  out: Float64Array,
  context: AggregateContext = { unitCount: out.length, yearCount: 1 },
): Float64Array {
  switch (method) {
    case "arithmetic":
      return aggregateArithmetic(children, weights, out);
    case "geometric":
      return aggregateGeometric(children, weights, out);
    case "harmonic":
      return aggregateHarmonic(children, weights, out);
    case "mpi":
      return aggregateMazziottaPareto(children, weights, out);
    case "power":
      if (context.power === undefined) throw new RangeError("aggregate: the power mean needs context.power");
      return aggregatePower(children, weights, context.power, out);
    case "copeland":
      return aggregateCopeland(children, weights, context, out);
    case "bod":
      return aggregateBenefitOfTheDoubt(children, weights, context, out, context.chosenWeights);
    case "topsis":
      return aggregateTopsis(children, weights, context, out);
    case "topsis-year":
      return aggregateTopsis(children, weights, context, out, { byYear: true });
    case "grey":
      return aggregateGrey(children, weights, context, out);
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("aggregation", unknown, AGGREGATE_METHODS));
    }
  }
}
