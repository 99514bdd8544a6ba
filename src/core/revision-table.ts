/**
 * Revisions between two runs over typed arrays, for runs of any size: each run's values of one kind sit in one
 * `Float64Array` over a unit × year × code index shared by the two runs, and the runs are compared by a loop over
 * cells. Gives exactly the revisions of `compareRunValues` (same values, same order) without an object per value.
 */
import { revisionPercent, type Revision, type RevisionCounts, type RevisionKind, type RevisionStatus } from "./revision.js";
import { differenceAsShown } from "./number.js";

/**
 * The keys shared by the runs compared: units, codes and (unit, year) pairs in order of first appearance. A cell is
 * `pair · stride + code`; `stride` doubles when the codes outgrow it, and every table of the index is laid out anew.
 */
export class RunValueIndex {
  readonly units: string[] = [];
  readonly codes: string[] = [];
  /** The unit (position in `units`) and the year of each pair. */
  readonly pairUnits: number[] = [];
  readonly pairYears: number[] = [];
  stride = 64;
  private readonly unitIds = new Map<string, number>();
  private readonly codeIds = new Map<string, number>();
  /** Per unit: year -> pair (a `Map` keys numbers as `${year}` would: -0 and 0 alike, NaN alike). */
  private readonly pairIds: Map<number, number>[] = [];
  private readonly tables: RunValueTable[] = [];

  /** A new, empty table of values over this index. */
  table(): RunValueTable {
    const table = new RunValueTable(this);
    this.tables.push(table);
    return table;
  }

  /** The pair of `unit` and `year`, added if new. */
  pair(unit: string, year: number): number {
    let unitId = this.unitIds.get(unit);
    if (unitId === undefined) {
      unitId = this.units.push(unit) - 1;
      this.unitIds.set(unit, unitId);
      this.pairIds.push(new Map());
    }
    const years = this.pairIds[unitId];
    let pair = years.get(year);
    if (pair === undefined) {
      pair = this.pairUnits.push(unitId) - 1;
      this.pairYears.push(year);
      years.set(year, pair);
    }
    return pair;
  }

  /** The position of `code`, added if new. */
  code(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codes.push(code) - 1;
      this.codeIds.set(code, id);
      if (id >= this.stride) {
        const stride = this.stride;
        while (this.stride <= id) this.stride *= 2;
        for (const table of this.tables) table.relayout(stride, this.stride);
      }
    }
    return id;
  }

  /** The cells of the index as it stands. */
  get cells(): number {
    return this.pairUnits.length * this.stride;
  }
}

/**
 * The values of one kind of one run over a `RunValueIndex`: `values` holds the last value given to each cell (`NaN`
 * where none), `order` the cell of every value given, in the order given; a missing value (`NaN`) is no value.
 * Only when a cell is given twice does the table also keep each value given (`orderValues`).
 */
export class RunValueTable {
  values = new Float64Array(0);
  order = new Int32Array(1024);
  orderValues: Float64Array | undefined;
  size = 0;
  /**
   * Whether the values are on a ratio scale, so that a change in percent means something: the reader of a run's outputs
   * sets it from the run's nodes (`ratioScale`, as growth.csv decides); input values (as read) stay `true`.
   */
  ratioScale = true;

  constructor(readonly index: RunValueIndex) {}

  /** Gives `value` to the cell of `pair` and `code` (positions in the index); a missing value is skipped. */
  add(pair: number, code: number, value: number): void {
    if (Number.isNaN(value)) return;
    const cell = pair * this.index.stride + code;
    if (cell >= this.values.length) this.grow(cell);
    if (this.size === this.order.length) {
      const order = new Int32Array(this.order.length * 2);
      order.set(this.order);
      this.order = order;
      if (this.orderValues) {
        const orderValues = new Float64Array(order.length);
        orderValues.set(this.orderValues);
        this.orderValues = orderValues;
      }
    }
    if (!this.orderValues && !Number.isNaN(this.values[cell])) {
      // A cell given twice: from now on each value given is kept as well.
      this.orderValues = new Float64Array(this.order.length);
      for (let i = 0; i < this.size; i++) this.orderValues[i] = this.values[this.order[i]];
    }
    if (this.orderValues) this.orderValues[this.size] = value;
    this.order[this.size++] = cell;
    this.values[cell] = value;
  }

  /** Gives `value` to the cell of `unit`, `year` and `code`. */
  set(unit: string, year: number, code: string, value: number): void {
    if (!Number.isNaN(value)) this.add(this.index.pair(unit, year), this.index.code(code), value);
  }

  /** Room for `cell` and the cells of the index as it stands, with room to grow. */
  private grow(cell: number): void {
    const length = Math.max(cell + 1, this.index.cells, Math.ceil(this.values.length * 1.5));
    const values = new Float64Array(length).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
  }

  /** Lays the cells out anew for a larger stride (`RunValueIndex.code`). */
  relayout(from: number, to: number): void {
    const pairs = Math.ceil(this.values.length / from);
    const values = new Float64Array(pairs * to).fill(Number.NaN);
    for (let pair = 0; pair < pairs; pair++) values.set(this.values.subarray(pair * from, (pair + 1) * from), pair * to);
    this.values = values;
    for (let i = 0; i < this.size; i++) {
      const cell = this.order[i];
      this.order[i] = Math.floor(cell / from) * to + (cell % from);
    }
  }

  /** Empties the table (its index keeps its keys). */
  reset(): void {
    this.values.fill(Number.NaN);
    this.size = 0;
    this.orderValues = undefined;
  }

  /** Makes `values` cover every cell of the index (once all runs are read). */
  complete(): void {
    if (this.values.length < this.index.cells) this.grow(this.index.cells - 1);
  }
}

/** Called for each revision of `visitRunTables`, in order: its status, its cell, the values before and after. */
export type RevisionVisitor = (status: RevisionStatus, cell: number, before: number, after: number) => void;

/**
 * Visits every difference between the `before` and `after` tables (over the same index) in the order of
 * `compareRunValues`: `after`'s order, then removals in `before`'s order. No object per value.
 */
export function visitRunTables(before: RunValueTable, after: RunValueTable, visit: RevisionVisitor): void {
  const index = after.index;
  if (before.index !== index) throw new Error("visitRunTables: the tables are over different indexes");
  before.complete();
  after.complete();
  const previous = before.values;
  const seen = new Uint8Array(index.cells);
  const { order, orderValues, values } = after;
  for (let i = 0; i < after.size; i++) {
    const cell = order[i];
    const value = orderValues ? orderValues[i] : values[cell];
    seen[cell] = 1;
    const old = previous[cell];
    if (Number.isNaN(old)) visit("added", cell, Number.NaN, value);
    // Unequal bit for bit, as `Object.is` (0 and -0 differ; NaN is no value here).
    else if (old !== value || (old === 0 && 1 / old !== 1 / value)) visit("changed", cell, old, value);
  }
  for (let i = 0; i < before.size; i++) {
    const cell = before.order[i];
    if (seen[cell]) continue;
    seen[cell] = 1;
    visit("removed", cell, previous[cell], Number.NaN);
  }
}

/** Whether a change in percent between the values of two tables means something: both on a ratio scale (`ratioScale`). */
export function percentBetween(before: RunValueTable, after: RunValueTable): boolean {
  return before.ratioScale && after.ratioScale;
}

/**
 * The revision of `kind` at `cell` of `index`, as `compareRunValues` gives it; without `percent` (`percentBetween`
 * false) its `changePercent` is `NaN`.
 */
export function revisionAt(kind: RevisionKind, index: RunValueIndex, status: RevisionStatus, cell: number, before: number, after: number, percent = true): Revision {
  const pair = Math.floor(cell / index.stride);
  const unit = index.units[index.pairUnits[pair]];
  const year = index.pairYears[pair];
  const code = index.codes[cell - pair * index.stride];
  if (status !== "changed") return { kind, status, unit, year, code, before, after, change: Number.NaN, changePercent: Number.NaN };
  const change = differenceAsShown(after, before);
  return { kind, status, unit, year, code, before, after, change, changePercent: revisionPercent(before, change, percent) };
}

/**
 * Every difference between the `before` and `after` tables (over the same index) of one kind, exactly as
 * `compareRunValues` lists it for the same values: `after`'s order, then removals in `before`'s order; changes in
 * percent only where both tables are on a ratio scale (`percentBetween`).
 */
export function compareRunTables(kind: RevisionKind, before: RunValueTable, after: RunValueTable): Revision[] {
  const revisions: Revision[] = [];
  const percent = percentBetween(before, after);
  visitRunTables(before, after, (status, cell, old, value) => revisions.push(revisionAt(kind, after.index, status, cell, old, value, percent)));
  return revisions;
}

/** The counts of the revisions of one kind and the largest changes, as `countRevisions` and `largestRevision` give them. */
export interface RevisionTally {
  counts: RevisionCounts;
  /** The changed value with the largest absolute change (the first one on ties). */
  largest?: Revision;
  /** Likewise among the values of `code` (when a code was asked for). */
  largestOfCode?: Revision;
}

/**
 * Counts and largest changes of the revisions between two tables, without listing them: the same as `countRevisions`
 * and `largestRevision` (with and without `code`) of `compareRunTables`, in memory that does not grow with the number
 * of revisions.
 */
export function tallyRunTables(kind: RevisionKind, before: RunValueTable, after: RunValueTable, code?: string): RevisionTally {
  const index = after.index;
  const counts: RevisionCounts = { changed: 0, added: 0, removed: 0 };
  let largest = -1;
  let largestSize = -1;
  let largestOfCode = -1;
  let largestOfCodeSize = -1;
  let before0 = Number.NaN;
  let after0 = Number.NaN;
  let beforeOfCode = Number.NaN;
  let afterOfCode = Number.NaN;
  visitRunTables(before, after, (status, cell, old, value) => {
    counts[status]++;
    if (status !== "changed") return;
    // The size of the change as `revisionAt` gives it (`differenceAsShown`), so that the largest is `largestRevision`'s.
    const size = Math.abs(differenceAsShown(value, old));
    // Strictly larger, as `largestRevision`: the first one wins a tie.
    if (largest < 0 || size > largestSize) [largest, largestSize, before0, after0] = [cell, size, old, value];
    if (code !== undefined && index.codes[cell % index.stride] === code && (largestOfCode < 0 || size > largestOfCodeSize))
      [largestOfCode, largestOfCodeSize, beforeOfCode, afterOfCode] = [cell, size, old, value];
  });
  const percent = percentBetween(before, after);
  return {
    counts,
    largest: largest < 0 ? undefined : revisionAt(kind, index, "changed", largest, before0, after0, percent),
    largestOfCode: largestOfCode < 0 ? undefined : revisionAt(kind, index, "changed", largestOfCode, beforeOfCode, afterOfCode, percent),
  };
}
