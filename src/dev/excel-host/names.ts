/* global Excel */
/**
 * Excel.NamedItem and Excel.NamedItemCollection (workbook-scoped defined names).
 */
import { isCellReferenceLike, sheetRangeAddress } from "../../model/a1";
import { tryParseAddress } from "./address";
import type { CellStore, NamedItemRecord } from "./cellStore";
import { isErrorValue } from "./cellStore";
import { MemoryExcelError, itemAlreadyExists, itemNotFound } from "./errors";
import { requireBoolean, requireString, sheetOf } from "./handles";
import type { RangeHandle, WorkbookHandle } from "./handles";
import { MemoryRange } from "./range";
import { MemoryClientCollection, MemoryClientObject, MemoryClientResult } from "./runtime";
import { usedBeforeDefinition } from "./undefinedNames";
import type { Binding, ContextCore } from "./runtime";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

export type NamedItemTypeName =
  "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array";

export interface NamedFormulaInfo {
  readonly type: NamedItemTypeName;
  /** For a range: its address without "=" ("'Rent vs Build'!$C$5"); otherwise the computed value. */
  readonly value: unknown;
  readonly range: RangeHandle | null;
}

/**
 * What a defined name's formula denotes. References to a sheet are ranges; literals are typed
 * directly; any other formula is computed by the store (null / "Error" when it cannot compute).
 */
export function describeNamedFormula(store: CellStore, formula: string): NamedFormulaInfo {
  const body = formula.startsWith("=") ? formula.slice(1).trim() : formula.trim();
  const parsed = tryParseAddress(body);
  if (parsed !== null && parsed.sheet !== null) {
    const sheet = store.findSheetByName(parsed.sheet);
    if (sheet !== undefined) {
      return { type: "Range", value: body, range: { sheetId: sheet.id, ...parsed.range } };
    }
  }
  if (body.includes("#REF!")) return { type: "Error", value: "#REF!", range: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body))
    return { type: "Double", value: Number(body), range: null };
  if (/^(TRUE|FALSE)$/i.test(body))
    return { type: "Boolean", value: body.toUpperCase() === "TRUE", range: null };
  if (/^"([^"]|"")*"$/.test(body))
    return { type: "String", value: body.slice(1, -1).replace(/""/g, '"'), range: null };
  if (isErrorValue(body.toUpperCase()))
    return { type: "Error", value: body.toUpperCase(), range: null };
  const value = store.evaluateFormula(`=${body}`);
  if (typeof value === "number") return { type: "Double", value, range: null };
  if (typeof value === "boolean") return { type: "Boolean", value, range: null };
  if (typeof value === "string")
    return { type: isErrorValue(value) ? "Error" : "String", value, range: null };
  return { type: "Error", value: null, range: null };
}

/** Excel's rules for a defined name: starts with a letter, "_" or "\", then letters, digits, "_", ".", "\"; no spaces; not a cell reference. */
export function validateDefinedName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) {
    throw new MemoryExcelError("InvalidArgument", `Invalid name: '${String(name)}'.`);
  }
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || isCellReferenceLike(name)) {
    throw new MemoryExcelError("InvalidArgument", `Invalid name: '${name}'.`);
  }
  return name;
}

interface NameHandle {
  readonly name: string;
}

type NamedItemProps = "name" | "type" | "value" | "formula" | "comment" | "visible" | "scope";

export class MemoryNamedItem
  extends MemoryClientObject<NameHandle>
  implements Pick<Excel.NamedItem, NamedItemProps>
{
  constructor(
    context: ContextCore,
    binding: Binding<NameHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "NamedItem", binding, location, enqueue);
  }

  private _record(h: NameHandle): NamedItemRecord {
    const record = this.store.getName(h.name);
    if (record === undefined) throw itemNotFound(`name '${h.name}'`);
    return record;
  }

  protected override _validate(handle: NameHandle): void {
    this._record(handle);
  }

  get name(): string {
    return this._get("name");
  }
  get type(): NamedItemTypeName {
    return this._get("type");
  }
  /** For a range: "Sheet1!$A$1" (no "="); otherwise the computed value. */
  get value(): unknown {
    return this._get("value");
  }
  get scope(): "Workbook" {
    return this._get("scope");
  }

  /** "=Sheet1!$A$1", "=0.08"... */
  get formula(): string {
    return this._get("formula");
  }
  set formula(value: string) {
    this._set("formula", value, (h) => {
      const formula = requireString(value, "formula");
      if (!formula.startsWith("="))
        throw new MemoryExcelError("InvalidArgument", "A name's formula starts with '='.");
      this.store.updateName(h.name, { formula });
    });
  }

  get comment(): string {
    return this._get("comment");
  }
  set comment(value: string) {
    this._set("comment", value, (h) =>
      this.store.updateName(h.name, { comment: requireString(value, "comment") })
    );
  }

  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (h) =>
      this.store.updateName(h.name, { visible: requireBoolean(value, "visible") })
    );
  }

  protected override _readers(): Readers<NameHandle> {
    const store = this.store;
    return {
      name: (h) => this._record(h).name,
      type: (h) => describeNamedFormula(store, this._record(h).formula).type,
      value: (h) => describeNamedFormula(store, this._record(h).formula).value,
      formula: (h) => this._record(h).formula,
      comment: (h) => this._record(h).comment,
      visible: (h) => this._record(h).visible,
      scope: () => "Workbook",
    };
  }

  private _target(location: string, orNull: boolean): MemoryRange {
    return new MemoryRange(
      this.context,
      {
        resolve: () => {
          const range = describeNamedFormula(
            this.store,
            this._record(this._requireHandle()).formula
          ).range;
          if (range === null && !orNull) {
            throw new MemoryExcelError(
              "InvalidOperation",
              "The named item does not refer to a range."
            );
          }
          return range;
        },
      },
      location
    );
  }

  /** The range the name refers to; fails at sync when it is not a range. */
  getRange(): MemoryRange {
    return this._target("NamedItem.getRange", false);
  }

  getRangeOrNullObject(): MemoryRange {
    return this._target("NamedItem.getRangeOrNullObject", true);
  }

  delete(): void {
    this._queue("NamedItem.delete", (h) => this.store.removeName(h.name));
  }
}

export class MemoryNamedItemCollection extends MemoryClientCollection<
  WorkbookHandle,
  NameHandle,
  MemoryNamedItem
> {
  constructor(context: ContextCore, parent: () => WorkbookHandle, enqueue: boolean) {
    super(context, "NamedItemCollection", { resolve: parent }, "Workbook.names", enqueue);
  }

  protected override _itemHandles(): readonly NameHandle[] {
    return this.store.listNames().map((n) => ({ name: n.name }));
  }

  protected override _makeItem(itemHandle: NameHandle): MemoryNamedItem {
    return new MemoryNamedItem(
      this.context,
      { handle: itemHandle },
      "NamedItemCollection.items",
      false
    );
  }

  private _item(
    location: string,
    locate: () => NameHandle | null,
    orNull = false
  ): MemoryNamedItem {
    return new MemoryNamedItem(
      this.context,
      {
        resolve: () => {
          this._requireHandle();
          const found = locate();
          if (found === null && !orNull) throw itemNotFound("name");
          return found;
        },
      },
      location
    );
  }

  /**
   * Defines a workbook-scoped name referring to a Range (stored as an absolute reference,
   * "='Rent vs Build'!$C$5") or to a formula string starting with "=".
   */
  add(name: string, reference: MemoryRange | string, comment?: string): MemoryNamedItem {
    return this._item("NamedItemCollection.add", () => {
      const valid = validateDefinedName(name);
      if (this.store.getName(valid) !== undefined) throw itemAlreadyExists(`name '${valid}'`);
      const usedAt = usedBeforeDefinition(this.store, valid);
      if (usedAt !== undefined) {
        // Excel keeps a hidden #NAME? entry for a name a formula used before it existed; adding
        // the name afterwards can clash with it. Stricter than Excel: always refuse (undefinedNames.ts).
        throw itemAlreadyExists(
          `name '${valid}' (the formula in ${usedAt} used it before it was defined; define names before the formulas that use them)`
        );
      }
      let formula: string;
      if (reference instanceof MemoryRange) {
        if (reference.context !== this.context) {
          throw new MemoryExcelError(
            "InvalidArgument",
            "The range belongs to another request context."
          );
        }
        const h = reference._rangeHandle();
        formula = `=${sheetRangeAddress(sheetOf(this.store, h).name, h, { absolute: true })}`;
      } else if (
        typeof reference === "string" &&
        reference.startsWith("=") &&
        reference.length > 1
      ) {
        formula = reference;
      } else {
        throw new MemoryExcelError(
          "InvalidArgument",
          "A name refers to a Range or to a formula starting with '='."
        );
      }
      if (comment !== undefined) requireString(comment, "comment");
      this.store.addName({ name: valid, formula, comment: comment ?? "", visible: true });
      return { name: valid };
    });
  }

  /** Case-insensitive; ItemNotFound at sync when missing. */
  getItem(name: string): MemoryNamedItem {
    return this._item("NamedItemCollection.getItem", () => this._find(name));
  }

  getItemOrNullObject(name: string): MemoryNamedItem {
    return this._item("NamedItemCollection.getItemOrNullObject", () => this._find(name), true);
  }

  getCount(): MemoryClientResult<number> {
    return this._queueResult("NamedItemCollection.getCount", () => this.store.listNames().length);
  }

  private _find(name: string): NameHandle | null {
    const record = typeof name === "string" ? this.store.getName(name) : undefined;
    return record === undefined ? null : { name: record.name };
  }
}
