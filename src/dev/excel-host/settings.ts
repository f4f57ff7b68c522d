/* global Excel */
/**
 * Excel.Setting and Excel.SettingCollection: the document's key/value store. Values are kept
 * in the CellStore, so a workbook "reopened" (a new host over the same store) sees them.
 */
import type { JsonValue } from "./cellStore";
import { MemoryExcelError, itemNotFound } from "./errors";
import type { WorkbookHandle } from "./handles";
import { MemoryClientCollection, MemoryClientObject, MemoryClientResult } from "./runtime";
import type { Binding, ContextCore } from "./runtime";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

/**
 * Checks that `value` survives JSON (strings, finite numbers, booleans, null, arrays, plain objects).
 * Dates are refused: Office serialises them specially, this host does not.
 */
export function toJsonValue(value: unknown, path = "value"): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new MemoryExcelError("InvalidArgument", `${path} is not a finite number.`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v: unknown, i) => toJsonValue(v, `${path}[${i}]`));
  if (typeof value === "object") {
    // A plain object from any realm (the workbench's task pane runs in an iframe): its prototype is that
    // realm's Object.prototype, whose own prototype is null. Dates, maps and class instances are refused.
    const proto: unknown = Object.getPrototypeOf(value);
    const plain =
      Object.prototype.toString.call(value) === "[object Object]" &&
      (proto === null || Object.getPrototypeOf(proto) === null);
    if (!plain) {
      throw new MemoryExcelError(
        "InvalidArgument",
        `${path} is not a plain object (JSON-serializable values only).`
      );
    }
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = toJsonValue(v, `${path}.${k}`);
    }
    return out;
  }
  throw new MemoryExcelError(
    "InvalidArgument",
    `${path} is not JSON-serializable (${typeof value}).`
  );
}

function requireKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0) {
    throw new MemoryExcelError("InvalidArgument", "A setting key is a non-empty string.");
  }
  return key;
}

interface SettingHandle {
  readonly key: string;
}

export class MemorySetting
  extends MemoryClientObject<SettingHandle>
  implements Pick<Excel.Setting, "key" | "value">
{
  constructor(
    context: ContextCore,
    binding: Binding<SettingHandle>,
    location: string,
    enqueue = true
  ) {
    super(context, "Setting", binding, location, enqueue);
  }

  protected override _validate(handle: SettingHandle): void {
    if (this.store.getSetting(handle.key) === undefined)
      throw itemNotFound(`setting '${handle.key}'`);
  }

  get key(): string {
    return this._get("key");
  }

  get value(): unknown {
    return this._get("value");
  }
  set value(value: unknown) {
    this._set("value", value, (h) => {
      this.context.env.faults.checkOperation("Setting.value", h.key);
      this.store.setSetting(h.key, toJsonValue(value));
    });
  }

  protected override _readers(): Readers<SettingHandle> {
    return {
      key: (h) => h.key,
      value: (h) => this.store.getSetting(h.key) ?? null,
    };
  }

  delete(): void {
    this._queue("Setting.delete", (h) => {
      this.context.env.faults.checkOperation("Setting.delete", h.key);
      this.store.removeSetting(h.key);
    });
  }
}

export class MemorySettingCollection extends MemoryClientCollection<
  WorkbookHandle,
  SettingHandle,
  MemorySetting
> {
  constructor(context: ContextCore, parent: () => WorkbookHandle, enqueue: boolean) {
    super(context, "SettingCollection", { resolve: parent }, "Workbook.settings", enqueue);
  }

  protected override _itemHandles(): readonly SettingHandle[] {
    return this.store.listSettings().map((s) => ({ key: s.key }));
  }

  protected override _makeItem(itemHandle: SettingHandle): MemorySetting {
    return new MemorySetting(
      this.context,
      { handle: itemHandle },
      "SettingCollection.items",
      false
    );
  }

  private _item(
    location: string,
    locate: () => SettingHandle | null,
    orNull = false
  ): MemorySetting {
    return new MemorySetting(
      this.context,
      {
        resolve: () => {
          this._requireHandle();
          const found = locate();
          if (found === null && !orNull) throw itemNotFound("setting");
          return found;
        },
      },
      location
    );
  }

  /** Sets (or replaces) a setting; the value must be JSON-serializable. */
  add(key: string, value: unknown): MemorySetting {
    return this._item("SettingCollection.add", () => {
      const k = requireKey(key);
      this.context.env.faults.checkOperation("SettingCollection.add", k);
      this.store.setSetting(k, toJsonValue(value));
      return { key: k };
    });
  }

  /** Keys are case-sensitive; ItemNotFound at sync when missing. */
  getItem(key: string): MemorySetting {
    return this._item("SettingCollection.getItem", () => this._find(key));
  }

  getItemOrNullObject(key: string): MemorySetting {
    return this._item("SettingCollection.getItemOrNullObject", () => this._find(key), true);
  }

  getCount(): MemoryClientResult<number> {
    return this._queueResult("SettingCollection.getCount", () => this.store.listSettings().length);
  }

  private _find(key: string): SettingHandle | null {
    return typeof key === "string" && this.store.getSetting(key) !== undefined ? { key } : null;
  }
}
