/**
 * Appends `items` to `target` one by one. Spreading them into `push` passes every item as an argument,
 * and an array of a few hundred thousand entries (a list of 200,000 items) overflows the call stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** The index of the last of the ascending `sorted` at or before `at` (0 when none is: `sorted[0]` is the floor). */
export function lastAtOrBefore(sorted: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A copy of a typed array (Int32Array, Uint8Array) in one of twice its length, or of `size`: a growing buffer's next size. */
export function doubled<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T, size = 2 * a.length): T {
  const g = new (a.constructor as new (n: number) => T)(size);
  g.set(a);
  return g;
}

/** The largest of `values` (or `empty` for none), without spreading them into `Math.max`. */
export function maxOf(values: readonly number[], empty = -Infinity): number {
  if (values.length === 0) return empty;
  let m = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}
