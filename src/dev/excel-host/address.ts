/**
 * A1 addresses as the in-memory host's API reports them. The parsing is src/model/a1.ts's (0-based
 * rows and columns, as in Range.rowIndex / Range.columnIndex); this file only gives its refusals
 * Excel's error codes: a bad address throws a MemoryExcelError with code "InvalidArgument", as Excel
 * does, and a whole-column / whole-row reference (`A:C`, `1:3`), valid in Excel but not supported by
 * this host, throws "UnsupportedOperation" rather than pretending to be invalid.
 */
import { isWholeRowsOrColumns, tryParseAddress, type ParsedAddress } from "../../model/a1";
import { MemoryExcelError } from "./errors";

export { tryParseAddress };

/** Parses an address or throws InvalidArgument (UnsupportedOperation for whole columns/rows). */
export function parseAddress(text: string): ParsedAddress {
  const parsed = tryParseAddress(text);
  if (parsed !== null) return parsed;
  if (typeof text === "string" && isWholeRowsOrColumns(text)) {
    throw new MemoryExcelError(
      "UnsupportedOperation",
      `Whole-column and whole-row addresses are not supported by the in-memory host: ${text}`
    );
  }
  throw new MemoryExcelError("InvalidArgument", `Invalid range address: ${String(text)}`);
}
