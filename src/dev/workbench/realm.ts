/**
 * The wire between the task pane and the workbook. In Excel, what the add-in reads from the
 * workbook arrives as JSON parsed in the add-in's own JavaScript realm. In the workbench the workbook
 * lives in the parent page, so its objects and arrays belong to the parent's realm, and add-in code
 * that checks `Object.getPrototypeOf(x) === Object.prototype` or `x instanceof Array` would see a
 * stranger. These helpers re-create data in the realm that runs them (the shim runs them inside the
 * pane), exactly as JSON over the wire would.
 */
import type { CellStore } from "../excel-host";

/**
 * A deep copy of JSON-like data made of this realm's objects and arrays. Loops instead of
 * Array.prototype.map, which would build the copy with the source array's own constructor (and so
 * in its realm).
 */
export function copyIntoThisRealm(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value as unknown[]) out.push(copyIntoThisRealm(item));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copyIntoThisRealm(item);
  return out;
}

/** Members whose results are not workbook data: the batch's own result and the unsubscribe function. */
const NOT_DATA: ReadonlySet<PropertyKey> = new Set<PropertyKey>(["batch", "onChange"]);

/** The store as seen from this realm: every data result copied in, as if it had crossed the wire. */
export function storeForThisRealm(store: CellStore): CellStore {
  return new Proxy(store, {
    get(target, key): unknown {
      const member: unknown = Reflect.get(target, key, target);
      if (typeof member !== "function") return member;
      const method = member as (...args: unknown[]) => unknown;
      if (NOT_DATA.has(key)) return (...args: unknown[]) => method.apply(target, args);
      return (...args: unknown[]) => copyIntoThisRealm(method.apply(target, args));
    },
  });
}

/** A custom function as the pane's runtime would call it: array arguments made in the pane's realm. */
export function withArgumentsInThisRealm(
  implementation: (...args: unknown[]) => unknown
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg === "object" && arg !== null) args[i] = copyIntoThisRealm(arg);
    }
    return implementation(...args);
  };
}
