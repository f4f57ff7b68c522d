/**
 * What each proxy resolves to, and the lookups/validations shared by the object model.
 */
import { MemoryExcelError } from "./errors";
import { isInsideGrid } from "../../model/a1";
import type { GridRange } from "../../model/a1";
import type { CellStore, SheetInfo } from "./cellStore";

export interface WorkbookHandle {
  readonly kind: "workbook";
}
export const WORKBOOK: WorkbookHandle = Object.freeze({ kind: "workbook" });

export interface SheetHandle {
  readonly sheetId: string;
}

export interface RangeHandle extends GridRange {
  readonly sheetId: string;
}

/** The sheet behind a handle, or ItemNotFound if it was deleted. */
export function sheetOf(store: CellStore, handle: SheetHandle): SheetInfo {
  const sheet = store.getSheet(handle.sheetId);
  if (sheet === undefined)
    throw new MemoryExcelError("ItemNotFound", "The worksheet no longer exists.");
  return sheet;
}

/** Finds a sheet by name (case-insensitive) or id, as WorksheetCollection.getItem does. */
export function findSheet(store: CellStore, key: string): SheetInfo | undefined {
  return store.findSheetByName(key) ?? store.getSheet(key);
}

/** A range rectangle checked against the grid; InvalidArgument when it falls outside. */
export function rangeHandle(sheetId: string, range: GridRange): RangeHandle {
  if (!isInsideGrid(range)) {
    throw new MemoryExcelError("InvalidArgument", "The range falls outside the worksheet grid.");
  }
  return {
    sheetId,
    row: range.row,
    col: range.col,
    rowCount: range.rowCount,
    colCount: range.colCount,
  };
}

/** Excel's sheet-name rules: 1-31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe. */
export function validateSheetName(name: unknown): string {
  if (typeof name !== "string")
    throw new MemoryExcelError("InvalidArgument", "A worksheet name is a string.");
  if (name.length === 0 || name.length > 31) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `A worksheet name has 1 to 31 characters: '${name}'.`
    );
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new MemoryExcelError("InvalidArgument", `Invalid worksheet name: '${name}'.`);
  }
  if (name.toLowerCase() === "history") {
    throw new MemoryExcelError("InvalidArgument", "'History' is a reserved worksheet name.");
  }
  return name;
}

/** Guards against accidentally materialising huge ranges (e.g. a whole sheet's values). */
export const MAX_CELLS_PER_OPERATION = 2_000_000;

export function checkSize(range: GridRange): void {
  if (range.rowCount * range.colCount > MAX_CELLS_PER_OPERATION) {
    throw new MemoryExcelError(
      "ResponsePayloadSizeLimitExceeded",
      `The in-memory host handles at most ${MAX_CELLS_PER_OPERATION} cells per operation.`
    );
  }
}

export function requireInteger(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new MemoryExcelError("InvalidArgument", `${what} must be an integer.`);
  }
  return value;
}

export function requireFiniteNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MemoryExcelError("InvalidArgument", `${what} must be a finite number.`);
  }
  return value;
}

export function requireBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean")
    throw new MemoryExcelError("InvalidArgument", `${what} must be a boolean.`);
  return value;
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== "string")
    throw new MemoryExcelError("InvalidArgument", `${what} must be a string.`);
  return value;
}
