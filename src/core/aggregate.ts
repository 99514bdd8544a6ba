/**
 * Aggregation: a group's value from its children's values and weights, cell by cell over a block of
 * `unitCount * yearCount` cells. The weighted means live in `aggregate/means.ts`, the Mazziotta–Pareto index in
 * `aggregate/mpi.ts`, the choice per level or group in `aggregate/plan.ts`.
 */
import { aggregateArithmetic, aggregateGeometric, aggregateHarmonic } from "./aggregate/means.js";
import { aggregateMazziottaPareto } from "./aggregate/mpi.js";
import { messages } from "./messages.js";
import { AGGREGATE_METHODS, type AggregateMethod } from "./aggregate/methods.js";

export { aggregateArithmetic, aggregateGeometric, aggregateHarmonic } from "./aggregate/means.js";
export { aggregateMazziottaPareto } from "./aggregate/mpi.js";
export { checkAggregation, parseAggregateSpec, planAggregation, type AggregateSpec } from "./aggregate/plan.js";

export { AGGREGATE_METHODS, type AggregateMethod } from "./aggregate/methods.js";

/** Applies `method` to the children of one group. */
export function aggregate(
  method: AggregateMethod,
  children: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  out: Float64Array,
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
    default: {
      const unknown: never = method;
      throw new RangeError(messages.unknownMethod("aggregation", unknown, AGGREGATE_METHODS));
    }
  }
}
