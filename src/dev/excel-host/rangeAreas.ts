/* global Excel */
/**
 * Excel.RangeAreas (ExcelApi 1.9), as far as the add-in uses it: `Worksheet.getRanges("C5, C9:D9")`
 * (1.9), `address`, `areaCount` and `select()` (ExcelApi 1.18). Addresses are separated by "," or ";" (Excel accepts both); each is an address on
 * this sheet or a defined name referring to it, as in getRange. Anything else fails at sync with
 * InvalidArgument, like getRange; an empty list too.
 */
import type { GridRange } from "../../model/a1";
import { sheetRangeAddress } from "../../model/a1";
import { MemoryExcelError } from "./errors";
import { sheetOf } from "./handles";
import type { SheetHandle } from "./handles";
import { MemoryClientObject } from "./runtime";
import type { Binding, ContextCore } from "./runtime";

export interface AreasHandle {
  readonly sheetId: string;
  readonly areas: readonly GridRange[];
}

export class MemoryRangeAreas
  extends MemoryClientObject<AreasHandle>
  implements Pick<Excel.RangeAreas, "address" | "areaCount">
{
  constructor(context: ContextCore, binding: Binding<AreasHandle>, location: string) {
    super(context, "RangeAreas", binding, location);
  }

  protected override _validate(handle: AreasHandle): void {
    sheetOf(this.store, { sheetId: handle.sheetId } satisfies SheetHandle);
  }

  /** "Sheet1!C5,Sheet1!C9:D9": each area with its sheet, comma-separated. */
  get address(): string {
    return this._get("address");
  }

  get areaCount(): number {
    return this._get("areaCount");
  }

  protected override _readers(): { readonly [name: string]: (handle: AreasHandle) => unknown } {
    const store = this.store;
    return {
      address: (h) => {
        const name = sheetOf(store, { sheetId: h.sheetId }).name;
        return h.areas.map((a) => sheetRangeAddress(name, a)).join(",");
      },
      areaCount: (h) => h.areas.length,
    };
  }

  /** Selects every area (and activates their sheet); not on a hidden sheet (as Range.select). */
  select(): void {
    this._queue("RangeAreas.select", (h) => {
      const sheet = sheetOf(this.store, { sheetId: h.sheetId });
      if (sheet.visibility !== "Visible") {
        throw new MemoryExcelError(
          "InvalidOperation",
          "A range on a hidden worksheet cannot be selected."
        );
      }
      const [first, ...rest] = h.areas;
      if (first === undefined)
        throw new MemoryExcelError("InvalidArgument", "There is no range to select.");
      this.store.setActiveSheetId(sheet.id);
      this.store.setSelection(sheet.id, first, rest);
    });
  }
}

/** "C5, C9:D9" / "C5;C9" -> the parts, trimmed; null when one is empty. */
export function splitAreaList(address: string): string[] | null {
  const parts = address.split(/[,;]/).map((p) => p.trim());
  return parts.some((p) => p === "") ? null : parts;
}
