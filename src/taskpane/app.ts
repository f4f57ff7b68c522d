/* global HTMLElement */
/**
 * The sidebar: mounts the Library, Models, Insert template, Refresh assumptions, Trace to source and
 * Risk analysis panels into a root element and wires them to each other and to the active library.
 * Every outside dependency (Excel, storage, fetch, the clock, Office's theme) is passed in, so tests
 * mount it on the in-memory Excel host with a fake storage and a test fetch.
 */
import {
  activeLibraryState,
  getActiveLibrary,
  libraryUnavailable,
  onActiveLibraryChange,
  onAvailabilityChange,
  RECALCULATE_HINT,
  recalculationPending,
  type ActiveLibrary,
} from "../shared-state/activeLibrary";
import type { RecalcExcel } from "../excel/recalculate";
import { el, isolate } from "./dom";
import { createFunctionFinderPanel } from "./functionFinderPanel";
import { createInsertPanel } from "./insertPanel";
import {
  findFunctionImplementation,
  type FunctionImplementation,
} from "../shared-state/functionImplementations";
import type { StorageLike } from "../shared-state/libraryCache";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type FetchLike } from "./libraryFetch";
import { createLibraryPanel } from "./libraryPanel";
import { createLibraryService, type LibraryService, type RestoreOutcome } from "./libraryService";
import { createModelsPanel } from "./modelsPanel";
import { createRefreshPanel } from "./refreshPanel";
import { createRiskPanel } from "./riskPanel";
import { createFreezePanel } from "./freezePanel";
import { createTaskTracker } from "./tasks";
import { createTracePanel } from "./tracePanel";
import { applyTheme, type OfficeThemeLike } from "./theme";

export interface TaskpaneDeps {
  /** The Excel namespace: the global `Excel` in the add-in, the in-memory host in tests. */
  readonly excel: RecalcExcel;
  /** localStorage, or null when the browser blocks it (the add-in then works without a cache). */
  readonly storage: StorageLike | null;
  readonly fetch: FetchLike;
  readonly now: () => Date;
  /** Library download limits (default 15 s and 5 MB). */
  readonly timeoutMs?: number;
  readonly maxLibraryBytes?: number;
  /** Office.context.officeTheme when the host has one. */
  readonly theme?: OfficeThemeLike | null;
  /** Number formatting locale (default: the browser's). */
  readonly locale?: string;
  /** The text of the built functions.json, for the function finder (absent: the finder says so). */
  readonly loadFunctionCatalog?: () => Promise<string>;
  /** The implementation Excel calls for a CAPPLAN id (default: the one functions.js published). */
  readonly functionImplementation?: (id: string) => FunctionImplementation | undefined;
  /** Office.context.requirements.isSetSupported; absent: every requirement set is taken as supported. */
  readonly isSetSupported?: (name: string, minVersion: string) => boolean;
}

export interface MountedTaskpane {
  /** The sidebar's root element (inside the element given to mount). */
  readonly element: HTMLElement;
  readonly library: LibraryService;
  /** What happened to the offline copy at startup (settles once; the panels show it too). */
  readonly restored: Promise<RestoreOutcome>;
  /** Resolves when every action started so far (clicks, loads, startup restore) has finished. */
  whenIdle(): Promise<void>;
  /** Removes the sidebar and stops listening to library changes. */
  unmount(): void;
}

export function mount(root: HTMLElement, deps: TaskpaneDeps): MountedTaskpane {
  const tasks = createTaskTracker();
  const library = createLibraryService({
    excel: deps.excel,
    storage: deps.storage,
    fetch: deps.fetch,
    now: deps.now,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: deps.maxLibraryBytes ?? DEFAULT_MAX_BYTES,
  });
  const active = (): ActiveLibrary => getActiveLibrary();

  const libraryPanel = createLibraryPanel({
    service: library,
    track: tasks.track,
    locale: deps.locale,
  });
  const modelsPanel = createModelsPanel(deps.locale);
  const insertPanel = createInsertPanel({
    excel: deps.excel,
    active,
    now: deps.now,
    track: tasks.track,
  });
  const refreshPanel = createRefreshPanel({
    excel: deps.excel,
    active,
    now: deps.now,
    track: tasks.track,
    locale: deps.locale,
  });
  const riskPanel = createRiskPanel({
    excel: deps.excel,
    active,
    now: deps.now,
    track: tasks.track,
  });
  const functionFinder = createFunctionFinderPanel({
    excel: deps.excel,
    active,
    track: tasks.track,
    loadCatalog: deps.loadFunctionCatalog,
    implementation: deps.functionImplementation ?? findFunctionImplementation,
    locale: deps.locale,
  });
  const tracePanel = createTracePanel({
    excel: deps.excel,
    active,
    track: tasks.track,
    locale: deps.locale,
    requirements: {
      isSetSupported: (name, minVersion) => deps.isSetSupported?.(name, minVersion) ?? true,
    },
  });
  const freezePanel = createFreezePanel({
    excel: deps.excel,
    active,
    now: deps.now,
    track: tasks.track,
    isSetSupported: deps.isSetSupported ?? (() => true),
  });
  modelsPanel.onSelect((scenario) => insertPanel.setScenario(scenario));

  const element = el("div", { class: "cp-app ms-Fabric ms-font-m" }, [
    el("header", { class: "cp-header" }, [
      el("h1", { class: "ms-font-xl cp-title" }, ["Capacity Planner"]),
      el("p", { class: "cp-hint ms-font-s" }, [
        "Rent GPU capacity or build your own, from a sourced model library.",
      ]),
    ]),
    el("main", { class: "cp-main" }, [
      libraryPanel.element,
      modelsPanel.element,
      functionFinder.element,
      insertPanel.element,
      refreshPanel.element,
      tracePanel.element,
      riskPanel.element,
      freezePanel.element,
    ]),
  ]);
  applyTheme(element, deps.theme);

  let savedAt: string | undefined;
  function showLibrary(current: ActiveLibrary): void {
    libraryPanel.showActive(current, savedAt);
    modelsPanel.setLibrary(current.index);
    functionFinder.setLibrary();
  }
  showLibrary(active());
  const stopListening = onActiveLibraryChange((current) => {
    savedAt = undefined;
    showLibrary(current);
    refreshPanel.invalidate(
      `The library changed to ${isolate(current.index.library.meta.name)} ${isolate(current.index.library.meta.version)}.`
    );
  });

  // The workbook's template sheets came from a library that is not loaded: say so where it can be fixed.
  function showUnavailable(unavailable: string | null): void {
    // Excel refused the recalculation that applies the library: cells may show numbers from another one.
    const recalc = recalculationPending();
    if (unavailable === null) {
      if (recalc)
        libraryPanel.messages.show({
          kind: "warning",
          title: "Some CAPPLAN cells may not show this library yet",
          details: [RECALCULATE_HINT],
          next: "Recalculate the workbook (Ctrl+Alt+F9) to apply the library to every cell.",
        });
      return;
    }
    // The functions' #N/A message is plain text for Excel; here its ids and names (from the workbook and
    // the library) are isolated, so the same sentence is said with each piece marked.
    const { pin, active: inUse } = activeLibraryState();
    const { name, version } = inUse.index.library.meta;
    const detail =
      pin.kind === "pinned"
        ? `This workbook uses library "${isolate(pin.library.id)}" ${isolate(pin.library.version)}, which is not loaded (in use: ${isolate(name)} ${isolate(version)}).`
        : unavailable;
    libraryPanel.messages.show({
      kind: "warning",
      title: "This workbook's library is not loaded",
      details: [detail],
      next: recalc
        ? "Excel did not recalculate: recalculate (Ctrl+Alt+F9) to apply this to cells computed earlier, which may show numbers from another library. Then load the workbook's library from its URL or file below."
        : "Load it from its URL or file below. Until then CAPPLAN formulas show #N/A instead of numbers from another library.",
    });
  }
  const stopWatchingAvailability = onAvailabilityChange(showUnavailable);

  root.querySelector("#cp-loading")?.remove();
  root.appendChild(element);

  function showRestoreFailure(error: unknown): void {
    libraryPanel.messages.show({
      kind: "warning",
      title: "The library saved for offline use could not be restored",
      details: [error instanceof Error ? error.message : String(error)],
      next: "The bundled library is in use. Load your team library again from its URL or file.",
    });
  }

  // A team library used last time comes back from the offline copy (functions.js may have done it
  // already when the runtime started), unless one is already active in this runtime.
  const restored: Promise<RestoreOutcome> = library.restoreFromCache();
  void tasks.track(
    restored.then((outcome) => {
      if (outcome.status === "restored") {
        savedAt = outcome.savedAt;
        libraryPanel.showActive(outcome.active, savedAt);
      } else if (outcome.status === "fellBack") {
        libraryPanel.messages.show({ kind: "warning", ...outcome.problem });
        return;
      }
      showUnavailable(libraryUnavailable());
    }, showRestoreFailure)
  );

  return {
    element,
    library,
    restored,
    whenIdle: () => tasks.whenIdle(),
    unmount() {
      stopListening();
      stopWatchingAvailability();
      void tasks.track(tracePanel.dispose());
      element.remove();
    },
  };
}
