/** Test helpers for the in-memory Excel host. */
import {
  asExcelNamespace,
  createMemoryExcel,
  MemoryCellStore,
} from "../../../../src/dev/excel-host";
import type { MemoryCellStoreOptions, MemoryExcel } from "../../../../src/dev/excel-host";

export interface Host {
  readonly store: MemoryCellStore;
  readonly host: MemoryExcel;
  /** The host as our production code sees it: the global `Excel` namespace. */
  readonly Excel: typeof Excel;
}

export function makeHost(options: MemoryCellStoreOptions = {}): Host {
  const store = new MemoryCellStore(options);
  const host = createMemoryExcel(store);
  return { store, host, Excel: asExcelNamespace(host.Excel) };
}

/** The rejection (or throw) of `action`, for asserting on `code` and `debugInfo`. */
export async function failure(action: () => Promise<unknown> | unknown): Promise<{
  code: string;
  message: string;
  debugInfo: { errorLocation?: string };
  name: string;
}> {
  try {
    await action();
  } catch (error) {
    return error as {
      code: string;
      message: string;
      debugInfo: { errorLocation?: string };
      name: string;
    };
  }
  throw new Error("expected a failure");
}

/** The value, or a thrown Error when it is missing (jest 30 has no global `fail`). */
export function must<T>(value: T | undefined | null, what = "value"): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}
