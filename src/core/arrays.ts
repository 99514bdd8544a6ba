/**
 * Array helpers that never spread an array into a call's arguments: `target.push(...items)` and
 * `Math.max(...values)` put every element on the stack and throw `RangeError: Maximum call stack size exceeded` for
 * some hundred thousand elements (a file with that many problems, a large panel).
 */

/**
 * Appends `items` to `target` one by one and returns `target`: `target.push(...items)` for any count of items.
 * @example append([1], [2, 3]) // => [1, 2, 3]
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` (`Math.max(...values)` for any count; `-Infinity` when empty, `NaN` when one is `NaN`). */
export function maxOf(values: ArrayLike<number>): number {
  let largest = -Infinity;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, values[i]);
  return largest;
}

/** The smallest of `values` (`Math.min(...values)` for any count; `Infinity` when empty, `NaN` when one is `NaN`). */
export function minOf(values: ArrayLike<number>): number {
  let smallest = Infinity;
  for (let i = 0; i < values.length; i++) smallest = Math.min(smallest, values[i]);
  return smallest;
}
