/** The aggregation methods by name, shared by the dispatcher (`../aggregate.ts`) and the plan (`plan.ts`). */
export const AGGREGATE_METHODS = ["arithmetic", "geometric", "harmonic", "mpi"] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];
