/**
 * The deferred-proxy machinery of Office.js, re-created for the in-memory host.
 *
 * As in Office.js:
 *  - creating a proxy (getItem, getRange, `.format`...) queues an "instantiate" operation; that is
 *    when the object is looked up, so `getItem("missing")` fails at the next sync even if unused;
 *  - property writes and method calls are queued, and a write is visible locally at once
 *    (reading `range.values` right after assigning it returns what was assigned);
 *  - `load()` is queued; loaded values reach the proxy only when the sync succeeds;
 *  - reading a property neither loaded-and-synced nor assigned throws "PropertyNotLoaded";
 *  - a failing operation rejects the sync with its error; operations before it stay applied,
 *    operations after it are dropped, and none of that sync's loads are delivered;
 *  - a sync with nothing queued makes no round trip (and is not counted).
 */
import { MemoryExcelError, propertyNotLoaded } from "./errors";
import type { CellStore } from "./cellStore";
import type { MemoryFaults } from "./faults";
import type { EventRegistry } from "./events";

/** What an operation may do while it runs inside a sync. */
export interface OpExec {
  /** Defers `fn` until the whole sync has succeeded (delivery of loaded values). */
  commit(fn: () => void): void;
  /** Counts cells written (values, formulas, number formats, cleared contents). */
  countWrites(cells: number): void;
}

export interface QueuedOp {
  /** "Class.member", reported as debugInfo.errorLocation when the op fails. */
  readonly location: string;
  readonly run: (x: OpExec) => void;
}

export interface SyncRecord {
  /** Operations sent in this round trip (instantiations, loads, writes, method calls). */
  readonly operations: number;
  /** Cells written by this round trip. */
  readonly writes: number;
  /** The error code when the sync rejected. */
  readonly failedWith: string | null;
}

export interface MemoryExcelStats {
  /** Round trips: `context.sync()` calls that had something queued, incl. Excel.run's final one. */
  readonly syncCount: number;
  /** Cells written across all syncs. */
  readonly writeCount: number;
  /** One record per round trip, in order. */
  readonly syncs: readonly SyncRecord[];
  reset(): void;
}

export interface HostEnv {
  readonly store: CellStore;
  /** Injected failures (tests); see faults.ts. */
  readonly faults: MemoryFaults;
  recordSync(record: SyncRecord): void;
  /** Workbook.onSelectionChanged's registrations (they outlive every request context). */
  readonly selectionChanged: EventRegistry<SelectionChangedArgs>;
}

/** Excel.SelectionChangedEventArgs: the workbook (of a new request context) that raised the event. */
export interface SelectionChangedArgs {
  readonly workbook: unknown;
}

/** The part of the request context that proxies need. */
export interface ContextCore {
  readonly env: HostEnv;
  /** Queues an operation; throws InvalidObjectPath if the context's Excel.run has ended. */
  enqueue(op: QueuedOp): void;
}

// ------------------------------------------------------------------ load options

/** A parsed load option: which scalar properties and navigation children to load. */
export interface LoadTree {
  /** Load every scalar property of this object (or of each item, for a collection). */
  all: boolean;
  /** Named properties; null for a leaf, a subtree for a navigation path. */
  readonly props: Map<string, LoadTree | null>;
}

export type LoadOption = string | readonly string[] | { readonly [key: string]: unknown };

function emptyTree(all = false): LoadTree {
  return { all, props: new Map() };
}

function addPath(tree: LoadTree, segments: readonly string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || head === "") return;
  if (rest.length === 0) {
    if (!tree.props.has(head)) tree.props.set(head, null);
    return;
  }
  let child = tree.props.get(head);
  if (child === undefined || child === null) {
    child = emptyTree(child === null);
    tree.props.set(head, child);
  }
  addPath(child, rest);
}

function addPathString(tree: LoadTree, path: string, isCollection: boolean): void {
  const trimmed = path.trim();
  if (trimmed === "") return;
  let segments = trimmed.split("/").map((s) => s.trim());
  if (isCollection && segments[0]?.toLowerCase() === "items") {
    segments = segments.slice(1);
    if (segments.length === 0) {
      tree.all = true;
      return;
    }
  }
  if (segments.length === 1 && segments[0] === "*") {
    tree.all = true;
    return;
  }
  addPath(tree, segments);
}

function addObjectOption(tree: LoadTree, option: { readonly [key: string]: unknown }): void {
  for (const [key, value] of Object.entries(option)) {
    if (key === "$all") {
      if (value === true) tree.all = true;
      continue;
    }
    if (value === true) addPath(tree, [key]);
    else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      let child = tree.props.get(key);
      if (child === undefined || child === null) {
        child = emptyTree();
        tree.props.set(key, child);
      }
      addObjectOption(child, value as { readonly [key: string]: unknown });
    }
  }
}

/** Parses `load()` arguments: "a, b/c", ["a", "b/c"], { select, expand } or { a: true, b: { c: true } }. */
export function parseLoadOption(option: unknown, isCollection: boolean): LoadTree {
  const tree = emptyTree();
  if (option === undefined || option === null) {
    tree.all = true;
    return tree;
  }
  if (typeof option === "string") {
    for (const part of option.split(",")) addPathString(tree, part, isCollection);
    if (option.trim() === "") tree.all = true;
    return tree;
  }
  if (Array.isArray(option)) {
    for (const part of option) {
      if (typeof part !== "string")
        throw new MemoryExcelError("InvalidArgument", "load() takes property names");
      addPathString(tree, part, isCollection);
    }
    return tree;
  }
  if (typeof option === "object") {
    const record = option as { readonly [key: string]: unknown };
    if ("select" in record || "expand" in record) {
      const paths = (v: unknown): string[] =>
        typeof v === "string"
          ? v.split(",")
          : Array.isArray(v)
            ? v.filter((x): x is string => typeof x === "string")
            : [];
      for (const p of paths(record["select"])) addPathString(tree, p, isCollection);
      for (const p of paths(record["expand"])) addPathString(tree, p, isCollection);
      return tree;
    }
    const inner =
      isCollection && typeof record["items"] === "object" && record["items"] !== null
        ? record["items"]
        : record;
    addObjectOption(tree, inner as { readonly [key: string]: unknown });
    return tree;
  }
  throw new MemoryExcelError("InvalidArgument", "Unsupported load() option");
}

// ------------------------------------------------------------------ proxies

/** Something a load can descend into. */
export interface Loadable {
  _runLoad(tree: LoadTree, x: OpExec): void;
}

/** How a proxy finds its target when instantiated: a resolver (null = null object) or a known handle. */
export type Binding<H> = { readonly resolve: () => H | null } | { readonly handle: H };

/**
 * Base of every proxy. `H` is the handle the object resolves to (a sheet id, a cell rectangle...).
 */
export abstract class MemoryClientObject<H> implements Loadable {
  private readonly _loaded = new Map<string, unknown>();
  private _handle: H | null | undefined;
  private _isNull: boolean | undefined;
  private readonly _resolve: (() => H | null) | undefined;
  private readonly _children = new Map<string, Loadable>();

  /**
   * @param enqueue false for proxies made while a sync runs (collection items, navigation children
   *   reached by a load): they are already resolved and cost no operation.
   */
  protected constructor(
    readonly context: ContextCore,
    protected readonly _className: string,
    binding: Binding<H>,
    instantiateLocation: string,
    enqueue = true
  ) {
    if ("handle" in binding) {
      this._handle = binding.handle;
      this._isNull = false;
      this._resolve = undefined;
    } else {
      this._resolve = binding.resolve;
    }
    if (enqueue) {
      context.enqueue({
        location: instantiateLocation,
        run: (x) => {
          const handle = this._instantiate();
          x.commit(() => {
            this._isNull = handle === null;
          });
        },
      });
    }
  }

  /** True when the object does not exist (from *OrNullObject); readable after a sync. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._isNull;
  }

  /** Office's `load`: queues loading of the named properties (all scalars when omitted). */
  load(option?: LoadOption): this {
    const tree = parseLoadOption(option, this._isCollection());
    this.context.enqueue({
      location: `${this._className}.load`,
      run: (x) => this._runLoad(tree, x),
    });
    return this;
  }

  /** No-ops kept for API compatibility (objects live for the whole Excel.run here). */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  /** The loaded (or assigned) properties, like Office's toJSON. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this._loaded) {
      out[key] = Array.isArray(value)
        ? value.map((v: unknown) => (v instanceof MemoryClientObject ? v.toJSON() : v))
        : value;
    }
    return out;
  }

  // ---------------------------------------------------------------- for subclasses

  /** The workbook's cells, sheets, names, settings and charts. */
  protected get store(): CellStore {
    return this.context.env.store;
  }

  protected _isCollection(): boolean {
    return false;
  }

  /** Scalar property readers, by name: what `load` can fetch. */
  protected abstract _readers(): { readonly [name: string]: (handle: H) => unknown };

  /** Navigation property (format, font, worksheet...) for a load path; undefined if none. */
  protected _navigation(name: string): Loadable | undefined {
    void name;
    return undefined;
  }

  /** Resolves the handle now if it was never resolved; throws if this is a null object. */
  protected _requireHandle(): H {
    const handle = this._handleOrNull();
    if (handle === null) {
      throw new MemoryExcelError(
        "ItemNotFound",
        `The ${this._className} does not exist (it is a null object).`
      );
    }
    return handle;
  }

  /** The handle, resolving it if needed and checking it still exists; null for a null object. */
  protected _handleOrNull(): H | null {
    const handle = this._handle === undefined ? this._instantiate() : this._handle;
    if (handle !== null) this._validate(handle);
    return handle;
  }

  /** Throws (ItemNotFound) when the target has gone since it was resolved, e.g. a deleted sheet. */
  protected _validate(handle: H): void {
    void handle;
  }

  /** Reads a property that was loaded and synced, or assigned locally. */
  protected _get<T>(name: string): T {
    if (this._loaded.has(name)) return this._loaded.get(name) as T;
    if (this._isNull === true) return undefined as T;
    throw propertyNotLoaded(this._className, name);
  }

  /** Assigns locally at once and queues the write. */
  protected _set(name: string, value: unknown, apply: (handle: H, x: OpExec) => void): void {
    this._queue(`${this._className}.${name}`, apply);
    this._loaded.set(name, value);
  }

  /** Queues a method call. */
  protected _queue(location: string, apply: (handle: H, x: OpExec) => void): void {
    this.context.enqueue({ location, run: (x) => apply(this._requireHandle(), x) });
  }

  /** Queues a method call that returns a value (Office's ClientResult). */
  protected _queueResult<T>(location: string, compute: (handle: H) => T): MemoryClientResult<T> {
    const result = new MemoryClientResult<T>();
    this.context.enqueue({
      location,
      run: (x) => {
        const value = compute(this._requireHandle());
        x.commit(() => result._deliver(value));
      },
    });
    return result;
  }

  /** A cached navigation child, created (and queued) on first access. */
  protected _child<T extends Loadable>(
    key: string,
    create: (enqueue: boolean) => T,
    enqueue = true
  ): T {
    const existing = this._children.get(key);
    if (existing !== undefined) return existing as T;
    const child = create(enqueue);
    this._children.set(key, child);
    return child;
  }

  /** Stores a loaded value (used by collections for `items`). */
  protected _deliver(name: string, value: unknown): void {
    this._loaded.set(name, value);
  }

  protected _markLoaded(isNull: boolean): void {
    this._isNull = isNull;
  }

  _runLoad(tree: LoadTree, x: OpExec): void {
    const handle = this._handleOrNull();
    if (handle === null) {
      x.commit(() => this._markLoaded(true));
      return;
    }
    const readers = this._readers();
    const values = new Map<string, unknown>();
    if (tree.all)
      for (const [name, read] of Object.entries(readers)) values.set(name, read(handle));
    for (const [name, sub] of tree.props) {
      const read = readers[name];
      if (read !== undefined && sub === null) {
        values.set(name, read(handle));
        continue;
      }
      const nav = this._navigation(name);
      if (nav === undefined) {
        throw new MemoryExcelError(
          "InvalidArgument",
          `${this._className} has no property '${name}' to load.`
        );
      }
      nav._runLoad(sub ?? emptyTree(true), x);
    }
    x.commit(() => {
      this._markLoaded(false);
      for (const [name, value] of values) this._loaded.set(name, value);
    });
  }

  private _instantiate(): H | null {
    if (this._resolve === undefined) return this._handle ?? null;
    const handle = this._resolve();
    this._handle = handle;
    return handle;
  }
}

/**
 * Base of collections: `load` options address the items ("items/name" and "name" alike);
 * `items` is readable after a load and sync.
 */
export abstract class MemoryClientCollection<
  H,
  ItemHandle,
  Item extends Loadable,
> extends MemoryClientObject<H> {
  protected override _isCollection(): boolean {
    return true;
  }

  get items(): Item[] {
    return this._get<Item[]>("items");
  }

  /** The items' current handles, in order. */
  protected abstract _itemHandles(handle: H): readonly ItemHandle[];

  /** A resolved, unqueued proxy for one item. */
  protected abstract _makeItem(itemHandle: ItemHandle): Item;

  /** Collection-level scalars (e.g. ChartCollection.count). */
  protected override _readers(): { readonly [name: string]: (handle: H) => unknown } {
    return {};
  }

  override _runLoad(tree: LoadTree, x: OpExec): void {
    const handle = this._handleOrNull();
    if (handle === null) {
      x.commit(() => this._markLoaded(true));
      return;
    }
    const own = this._readers();
    const ownValues = new Map<string, unknown>();
    const itemTree = emptyTree(tree.all);
    for (const [name, sub] of tree.props) {
      const read = own[name];
      if (read !== undefined && sub === null) ownValues.set(name, read(handle));
      else if (name === "items") {
        // A nested path such as "charts/items/name" reaches this collection as items/...
        if (sub === null || sub.all) itemTree.all = true;
        if (sub !== null) for (const [k, v] of sub.props) itemTree.props.set(k, v);
      } else itemTree.props.set(name, sub);
    }
    const wantItems = itemTree.all || itemTree.props.size > 0 || ownValues.size === 0;
    if (ownValues.size === 0) itemTree.all = itemTree.all || itemTree.props.size === 0;
    const items: Item[] = [];
    if (wantItems) {
      for (const itemHandle of this._itemHandles(handle)) {
        const item = this._makeItem(itemHandle);
        item._runLoad(itemTree, x);
        items.push(item);
      }
    }
    x.commit(() => {
      this._markLoaded(false);
      for (const [name, value] of ownValues) this._deliver(name, value);
      if (wantItems) this._deliver("items", items);
    });
  }
}

/** Office's ClientResult: `value` is readable after the sync that computed it. */
export class MemoryClientResult<T> {
  private _box: { readonly value: T } | undefined;

  get value(): T {
    if (this._box === undefined) throw new MemoryExcelError("ValueNotLoaded");
    return this._box.value;
  }

  _deliver(value: T): void {
    this._box = { value };
  }
}
