/** The aggregation methods by name, shared by the dispatcher (`../aggregate.ts`) and the plan (`plan.ts`). */
export const AGGREGATE_METHODS = ["arithmetic", "geometric", "harmonic", "mpi", "power", "copeland", "bod", "topsis", "topsis-year", "grey"] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/**
 * The methods that compare units with each other (their cells are not independent): within a year (Copeland, benefit
 * of the doubt, TOPSIS year by year), or over every unit and year of the panel (TOPSIS, grey relational analysis).
 */
export const ACROSS_UNIT_METHODS: readonly AggregateMethod[] = ["copeland", "bod", "topsis", "topsis-year", "grey"];

/**
 * What an aggregation may need besides the children and their weights: the shape of a block (the across-unit methods
 * work year by year) and the exponent of the generalised mean.
 */
export interface AggregateContext {
  unitCount: number;
  yearCount: number;
  /** `power`: the exponent p of the generalised mean (`--power`, `--aggregate power:P`). */
  power?: number;
  /**
   * `bod`: where to write the weights each unit-year chose (`children × unitCount × yearCount` values, child-major;
   * see `aggregateBenefitOfTheDoubt`). Ignored by the other methods. Default: none (not kept).
   */
  chosenWeights?: Float64Array;
}
