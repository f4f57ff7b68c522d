/* global Excel */
/**
 * The in-memory Excel host: `createMemoryExcel(store)` returns an object usable as the global
 * `Excel` namespace (via `asExcelNamespace`), over any CellStore, and counts round trips.
 *
 *   const store = new MemoryCellStore();
 *   const host = createMemoryExcel(store);
 *   const Excel = asExcelNamespace(host.Excel);       // typeof Excel, for code under test
 *   await Excel.run(async (context) => { ... await context.sync(); });
 *   expect(host.stats.syncCount).toBe(1);
 *
 * See runtime.ts for the deferred (queue, then sync) semantics it reproduces.
 */
import type { CellStore } from "./cellStore";
import { CHART_TYPES } from "./charts";
import { MemoryExcelError } from "./errors";
import { EventRegistry, watchSelection } from "./events";
import { MemoryFaults } from "./faults";
import { MemoryRequestContext } from "./requestContext";
import type { HostEnv, MemoryExcelStats, SelectionChangedArgs, SyncRecord } from "./runtime";

/** An enum object as office.js defines it at runtime: camelCase keys, string values. */
type EnumShape<E> = { readonly [K in keyof E]: `${E[K] & string}` };

const SheetVisibility = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
} as const satisfies EnumShape<typeof Excel.SheetVisibility>;

const ChartSeriesBy = {
  auto: "Auto",
  columns: "Columns",
  rows: "Rows",
} as const satisfies EnumShape<typeof Excel.ChartSeriesBy>;

const ChartSeriesDimension = {
  categories: "Categories",
  values: "Values",
  xvalues: "XValues",
  yvalues: "YValues",
  bubbleSizes: "BubbleSizes",
} as const satisfies EnumShape<typeof Excel.ChartSeriesDimension>;

const ChartLegendPosition = {
  invalid: "Invalid",
  top: "Top",
  bottom: "Bottom",
  left: "Left",
  right: "Right",
  corner: "Corner",
  custom: "Custom",
} as const satisfies EnumShape<typeof Excel.ChartLegendPosition>;

const NamedItemType = {
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  range: "Range",
  error: "Error",
  array: "Array",
} as const satisfies EnumShape<typeof Excel.NamedItemType>;

const NamedItemScope = {
  worksheet: "Worksheet",
  workbook: "Workbook",
} as const satisfies EnumShape<typeof Excel.NamedItemScope>;

const RangeValueType = {
  unknown: "Unknown",
  empty: "Empty",
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  error: "Error",
  richValue: "RichValue",
} as const satisfies EnumShape<typeof Excel.RangeValueType>;

const HorizontalAlignment = {
  general: "General",
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerAcrossSelection: "CenterAcrossSelection",
  distributed: "Distributed",
} as const satisfies EnumShape<typeof Excel.HorizontalAlignment>;

const ClearApplyTo = {
  all: "All",
  formats: "Formats",
  contents: "Contents",
  hyperlinks: "Hyperlinks",
  removeHyperlinks: "RemoveHyperlinks",
  resetContents: "ResetContents",
} as const satisfies EnumShape<typeof Excel.ClearApplyTo>;

const CalculationType = {
  recalculate: "Recalculate",
  full: "Full",
  fullRebuild: "FullRebuild",
} as const satisfies EnumShape<typeof Excel.CalculationType>;

/** ExcelApi 1.9 (Worksheet.pageLayout.orientation). */
const PageOrientation = {
  portrait: "Portrait",
  landscape: "Landscape",
} as const satisfies EnumShape<typeof Excel.PageOrientation>;

const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  dirtySupportingFormula: "DirtySupportingFormula",
  emptyChartSeries: "EmptyChartSeries",
  filteredRangeConflict: "FilteredRangeConflict",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
  generalException: "GeneralException",
  inactiveWorkbook: "InactiveWorkbook",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  openWorkbookLinksBlocked: "OpenWorkbookLinksBlocked",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  pivotTableRangeConflict: "PivotTableRangeConflict",
  powerQueryRefreshResourceChallenge: "PowerQueryRefreshResourceChallenge",
  rangeExceedsLimit: "RangeExceedsLimit",
  rangeImageExceedsLimit: "RangeImageExceedsLimit",
  refreshWorkbookLinksBlocked: "RefreshWorkbookLinksBlocked",
  requestAborted: "RequestAborted",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedFeature: "UnsupportedFeature",
  unsupportedFillType: "UnsupportedFillType",
  unsupportedOperation: "UnsupportedOperation",
  unsupportedSheet: "UnsupportedSheet",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
} as const satisfies EnumShape<typeof Excel.ErrorCodes>;

/** office.js names ChartType members camelCase, "_" before a digit, "xy" for "XY". */
function chartTypeKey(value: string): string {
  if (/^[0-9]/.test(value)) return `_${value}`;
  if (value.startsWith("XY")) return `xy${value.slice(2)}`;
  return value.charAt(0).toLowerCase() + value.slice(1);
}

const ChartType: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries([["invalid", "Invalid"], ...CHART_TYPES.map((t) => [chartTypeKey(t), t])])
);

export type ExcelBatch<T> = (context: MemoryRequestContext) => Promise<T>;

/** The subset of the `Excel` namespace this host provides. */
export interface MemoryExcelNamespace {
  /** Runs a batch with a fresh request context, then a final sync (a round trip only if anything is queued). */
  run<T>(batch: ExcelBatch<T>): Promise<T>;
  /** `Excel.run(options, batch)`: options (session, previous objects) are ignored by this host. */
  run<T>(options: object, batch: ExcelBatch<T>): Promise<T>;
  readonly SheetVisibility: typeof SheetVisibility;
  readonly ChartType: Readonly<Record<string, string>>;
  readonly ChartSeriesBy: typeof ChartSeriesBy;
  readonly ChartSeriesDimension: typeof ChartSeriesDimension;
  readonly ChartLegendPosition: typeof ChartLegendPosition;
  readonly NamedItemType: typeof NamedItemType;
  readonly NamedItemScope: typeof NamedItemScope;
  readonly RangeValueType: typeof RangeValueType;
  readonly HorizontalAlignment: typeof HorizontalAlignment;
  readonly ClearApplyTo: typeof ClearApplyTo;
  readonly CalculationType: typeof CalculationType;
  readonly PageOrientation: typeof PageOrientation;
  readonly ErrorCodes: typeof ErrorCodes;
}

/** What `OfficeExtension` offers code that inspects errors (`instanceof OfficeExtension.Error`). */
export interface MemoryOfficeExtensionNamespace {
  readonly Error: typeof MemoryExcelError;
  readonly ErrorCodes: {
    readonly generalException: "GeneralException";
    readonly invalidArgument: "InvalidArgument";
    readonly invalidObjectPath: "InvalidObjectPath";
    readonly itemNotFound: "ItemNotFound";
    readonly propertyNotLoaded: "PropertyNotLoaded";
    readonly valueNotLoaded: "ValueNotLoaded";
  };
}

export interface MemoryExcel {
  readonly Excel: MemoryExcelNamespace;
  readonly OfficeExtension: MemoryOfficeExtensionNamespace;
  readonly stats: MemoryExcelStats;
  readonly store: CellStore;
  /** Injected failures for tests (failed operations, lost answers); see faults.ts. */
  readonly faults: MemoryFaults;
}

class Stats implements MemoryExcelStats {
  private _syncs: SyncRecord[] = [];

  get syncCount(): number {
    return this._syncs.length;
  }

  get writeCount(): number {
    return this._syncs.reduce((sum, s) => sum + s.writes, 0);
  }

  get syncs(): readonly SyncRecord[] {
    return [...this._syncs];
  }

  reset(): void {
    this._syncs = [];
  }

  record(record: SyncRecord): void {
    this._syncs.push(record);
  }
}

/** The request context of `object` when it is one, or an API object (anything with one), of this host. */
function contextOf(object: unknown): MemoryRequestContext | null {
  const context: unknown =
    object instanceof MemoryRequestContext
      ? object
      : typeof object === "object" && object !== null && "context" in object
        ? (object as { context: unknown }).context
        : undefined;
  return context instanceof MemoryRequestContext ? context : null;
}

export function createMemoryExcel(store: CellStore): MemoryExcel {
  const stats = new Stats();
  const faults = new MemoryFaults();
  const env: HostEnv = {
    store,
    faults,
    recordSync: (r) => stats.record(r),
    selectionChanged: new EventRegistry<SelectionChangedArgs>((fire) =>
      watchSelection(store, () =>
        fire(() => ({ workbook: new MemoryRequestContext(env).workbook }))
      )
    ),
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch: unknown = args.length === 1 ? args[0] : args.length === 2 ? args[1] : undefined;
    if (
      typeof batch !== "function" ||
      (args.length === 2 && (typeof args[0] !== "object" || args[0] === null))
    ) {
      throw new MemoryExcelError(
        "InvalidArgument",
        "Excel.run takes a batch function (optionally after an options object)."
      );
    }
    // Excel.run(object, batch): the batch runs in the request context of an earlier object (or that
    // context itself), e.g. to remove an event handler where it was added; else a new context.
    const earlier = args.length === 2 ? contextOf(args[0]) : null;
    const reused = earlier !== null && earlier.env === env ? earlier : null;
    const context = reused ?? new MemoryRequestContext(env);
    if (reused !== null) reused._reopen();
    try {
      const pending: unknown = (batch as (context: MemoryRequestContext) => unknown)(context);
      if (
        typeof pending !== "object" ||
        pending === null ||
        typeof (pending as { then?: unknown }).then !== "function"
      ) {
        throw new MemoryExcelError("RunMustReturnPromise");
      }
      const result = (await pending) as T;
      await context.sync();
      return result;
    } finally {
      context._close();
    }
  }

  const Excel: MemoryExcelNamespace = {
    run,
    SheetVisibility,
    ChartType,
    ChartSeriesBy,
    ChartSeriesDimension,
    ChartLegendPosition,
    NamedItemType,
    NamedItemScope,
    RangeValueType,
    HorizontalAlignment,
    ClearApplyTo,
    CalculationType,
    PageOrientation,
    ErrorCodes,
  };

  const OfficeExtension: MemoryOfficeExtensionNamespace = {
    Error: MemoryExcelError,
    ErrorCodes: {
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidObjectPath: "InvalidObjectPath",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
      valueNotLoaded: "ValueNotLoaded",
    },
  };

  return { Excel, OfficeExtension, stats, store, faults };
}

/**
 * THE one cast of this host: present the in-memory namespace as `typeof Excel`, so code written
 * against @types/office-js (which only ever reaches the subset implemented here) runs on it.
 * Anything outside that subset is undefined at runtime; integration tests are how we find out.
 */
export function asExcelNamespace(memory: MemoryExcelNamespace): typeof Excel {
  return memory as unknown as typeof Excel;
}
