/* global globalThis */
/**
 * The CAPPLAN functions as functions.js handed them to Excel (`CustomFunctions.associate`), by id, for the
 * sidebar's function finder to preview a result with the very implementation a cell would call. The two
 * bundles share one JavaScript context in the shared runtime but each has its own copy of this module,
 * so the table lives on a global symbol both copies find (as the active library does).
 *
 * Empty in the pane when functions.js did not run in its context (Excel's JavaScript-only runtime, or a
 * host whose CustomFunctions.associate could not be observed): the finder then says it cannot preview.
 */

/** A custom function's implementation: Excel's arguments in, a value (or a thrown CustomFunctions.Error) out. */
export type FunctionImplementation = (...args: unknown[]) => unknown;

const TABLE_KEY = Symbol.for("capacity-planner.function-implementations");

function table(): Map<string, FunctionImplementation> {
  const scope = globalThis as unknown as Record<
    symbol,
    Map<string, FunctionImplementation> | undefined
  >;
  let current = scope[TABLE_KEY];
  if (current === undefined) {
    current = new Map();
    scope[TABLE_KEY] = current;
  }
  return current;
}

/** Records `implementation` under `id` (compared without case, as Excel compares function ids). */
export function publishFunctionImplementation(
  id: string,
  implementation: FunctionImplementation
): void {
  table().set(id.toUpperCase(), implementation);
}

/** The implementation Excel calls for `id`, or undefined when none was published. */
export function findFunctionImplementation(id: string): FunctionImplementation | undefined {
  return table().get(id.toUpperCase());
}

/** Forgets every published implementation (tests). */
export function clearFunctionImplementations(): void {
  table().clear();
}
