/* global setTimeout */
/**
 * Office.js events for the in-memory host: `OfficeExtension.EventHandlers` and `EventHandlerResult`,
 * and the one event the add-in uses, `Workbook.onSelectionChanged` (ExcelApi 1.2).
 *
 * As in Office.js:
 *  - `add(handler)` is queued: the handler is registered by the next sync, not before; it must be a
 *    function (InvalidArgument at the call otherwise, as Office.js checks it);
 *  - handlers are called asynchronously, after the change, never inside the batch that caused it,
 *    with the event's arguments (`{ workbook }` for a selection change, a workbook of a new context);
 *  - a registration outlives its Excel.run; `EventHandlerResult.remove()` (and
 *    `EventHandlers.remove(handler)`) is queued on the context the handler was added in, so it is
 *    removed with `Excel.run(result.context, ...)`; through a finished context it throws
 *    InvalidObjectPath, as any queued call does.
 *
 * Selection changed fires when the selected areas or the active sheet change, whoever changed them
 * (a click in the workbench's grid, or the add-in's own Range.select / RangeAreas.select / activate):
 * code must expect both (unverified which programmatic changes Excel reports: the stricter assumption).
 */
import type { CellStore, SelectionRecord } from "./cellStore";
import { MemoryExcelError } from "./errors";
import type { ContextCore } from "./runtime";

export type EventHandler<T> = (args: T) => Promise<unknown>;

/** The registrations of one event source: they outlive every request context. */
export class EventRegistry<T> {
  private readonly handlers = new Set<EventHandler<T>>();
  private stopWatching: (() => void) | null = null;

  constructor(
    /** Starts watching the store for the event; calls `fire` with the arguments of each occurrence. */
    private readonly watch: (fire: (args: () => T) => void) => () => void
  ) {}

  register(handler: EventHandler<T>): void {
    this.handlers.add(handler);
    if (this.stopWatching === null) this.stopWatching = this.watch((args) => this.fire(args));
  }

  unregister(handler: EventHandler<T>): void {
    this.handlers.delete(handler);
    if (this.handlers.size === 0 && this.stopWatching !== null) {
      this.stopWatching();
      this.stopWatching = null;
    }
  }

  get size(): number {
    return this.handlers.size;
  }

  private fire(args: () => T): void {
    // After the change: never inside the batch (or the user action) that caused it.
    for (const handler of [...this.handlers]) {
      setTimeout(() => {
        if (!this.handlers.has(handler)) return;
        // Office logs a handler's failure and goes on; so does the host.
        void Promise.resolve()
          .then(() => handler(args()))
          .catch(() => undefined);
      }, 0);
    }
  }
}

export class MemoryEventHandlerResult<T> {
  constructor(
    readonly context: ContextCore,
    private readonly handlers: MemoryEventHandlers<T>,
    private readonly handler: EventHandler<T>
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}

export class MemoryEventHandlers<T> {
  constructor(
    private readonly context: ContextCore,
    private readonly location: string,
    private readonly registry: EventRegistry<T>
  ) {}

  add(handler: EventHandler<T>): MemoryEventHandlerResult<T> {
    if (typeof handler !== "function")
      throw new MemoryExcelError("InvalidArgument", "An event handler must be a function.");
    this.context.enqueue({
      location: `${this.location}.add`,
      run: (x) => x.commit(() => this.registry.register(handler)),
    });
    return new MemoryEventHandlerResult(this.context, this, handler);
  }

  remove(handler: EventHandler<T>): void {
    this.context.enqueue({
      location: `${this.location}.remove`,
      run: (x) => x.commit(() => this.registry.unregister(handler)),
    });
  }
}

function sameSelection(a: SelectionRecord | null, b: SelectionRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.sheetId === b.sheetId &&
    a.areas.length === b.areas.length &&
    a.areas.every((r, i) => {
      const o = b.areas[i];
      return (
        o !== undefined &&
        r.row === o.row &&
        r.col === o.col &&
        r.rowCount === o.rowCount &&
        r.colCount === o.colCount
      );
    })
  );
}

/** Watches the store for what Excel reports as a selection change: other areas, or another active sheet. */
export function watchSelection(store: CellStore, fire: () => void): () => void {
  let selection = store.getSelection();
  let active = store.getActiveSheetId();
  return store.onChange((changes) => {
    if (!changes.some((c) => c.kind === "selection" || c.kind === "sheets")) return;
    const nextSelection = store.getSelection();
    const nextActive = store.getActiveSheetId();
    if (sameSelection(selection, nextSelection) && active === nextActive) return;
    selection = nextSelection;
    active = nextActive;
    fire();
  });
}
