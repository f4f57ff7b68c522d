/* global console, document, window, localStorage, setTimeout, URLSearchParams */
/**
 * workbench-office.js: loaded by workbench-taskpane.html where taskpane.html loads office.js, so
 * the UNMODIFIED functions.js and taskpane.js run in the workbench's iframe as in Excel's shared
 * runtime (one page, one JavaScript realm for the sidebar and the custom functions).
 *
 * What it defines, before either bundle runs:
 *  - `Office`: onReady / initialize (host "Excel", platform "OfficeOnline"), `context.document`
 *    (settings backed by the workbook's document settings), `officeTheme` (light, or dark with
 *    `?theme=dark`), `requirements.isSetSupported`, `addin` and `actions` of the shared runtime,
 *    HostType / PlatformType / AsyncResultStatus.
 *  - `Excel` / `OfficeExtension`: the in-memory Excel host (src/dev/excel-host) created HERE, in the
 *    pane's realm, over the parent page's HyperFormula workbook. Like office.js, the proxies, their
 *    errors (`instanceof OfficeExtension.Error`, `instanceof Error`) and the objects they return
 *    belong to the add-in's realm; only data crosses to the workbook, and what comes back is
 *    re-created in this realm (realm.ts), as JSON over Excel's wire would be.
 *  - `CustomFunctions`: Error / ErrorCode of this realm, and `associate()` handing each function to
 *    the parent's HyperFormula plugin registry. The functions stay in this realm, so they share
 *    the active library the task pane sets (a global symbol of this window), as in Excel.
 *  - `OfficeRuntime.storage` over localStorage (the shared runtime's storage).
 *
 * Opened on its own (no workbench parent), the pane still starts, over an engine-less in-memory
 * workbook, and says so in the console.
 */
import { createMemoryExcel, MemoryCellStore, toJsonValue } from "../excel-host";
import type { CellStore, JsonValue } from "../excel-host";
import { findBridge } from "./bridge";
import { storeForThisRealm, withArgumentsInThisRealm } from "./realm";
import {
  createCustomFunctionsNamespace,
  type CustomFunctionImplementation,
} from "./customFunctionsNamespace";

type Implementation = CustomFunctionImplementation;

const bridge = findBridge(window);
if (bridge === undefined) {
  console.warn(
    "workbench-office.js: no workbench around this page; Excel runs over an empty in-memory workbook without formulas. Open /workbench.html."
  );
}
// The parent's workbook, seen through the "wire": data it returns is re-created in this realm.
const store: CellStore =
  bridge !== undefined ? storeForThisRealm(bridge.store) : new MemoryCellStore();
const host = createMemoryExcel(store);
bridge?.attachHost(host);

// ------------------------------------------------------------------ CustomFunctions

const localFunctions = new Map<string, Implementation>();

const CustomFunctions = createCustomFunctionsNamespace((id, implementation) => {
  if (bridge !== undefined) bridge.associate(id, withArgumentsInThisRealm(implementation));
  else localFunctions.set(id.toUpperCase(), implementation);
});

// ------------------------------------------------------------------ Office

type AsyncCallback = (result: {
  status: "succeeded" | "failed";
  value?: unknown;
  error?: Error;
}) => void;

const succeeded = (callback?: AsyncCallback, value?: unknown): void => {
  if (callback !== undefined) setTimeout(() => callback({ status: "succeeded", value }), 0);
};

/** Office.context.document.settings (the Common API's): the same store as Excel's workbook settings. */
const settings = {
  get(name: string): JsonValue | null {
    return store.getSetting(name) ?? null;
  },
  set(name: string, value: unknown): void {
    store.setSetting(name, toJsonValue(value));
  },
  remove(name: string): void {
    store.removeSetting(name);
  },
  saveAsync(
    optionsOrCallback?: { readonly overwriteIfStale?: boolean } | AsyncCallback,
    callback?: AsyncCallback
  ): void {
    succeeded(typeof optionsOrCallback === "function" ? optionsOrCallback : callback);
  },
  refreshAsync(callback?: AsyncCallback): void {
    succeeded(callback, settings);
  },
  addHandlerAsync(_type: string, _handler: unknown, callback?: AsyncCallback): void {
    succeeded(callback);
  },
};

const dark = new URLSearchParams(window.location.search).get("theme") === "dark";
const officeTheme = dark
  ? {
      bodyBackgroundColor: "#292929",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#1F1F1F",
      controlForegroundColor: "#FFFFFF",
      isDarkTheme: true,
      themeId: "Black",
    }
  : {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
      isDarkTheme: false,
      themeId: "Colorful",
    };

/** Requirement sets the in-memory host stands in for (the manifest asks for SharedRuntime 1.1). */
const SUPPORTED_SETS: Readonly<Record<string, string>> = {
  excelapi: "1.12",
  sharedruntime: "1.1",
  customfunctionsruntime: "1.3",
  ribbonapi: "1.1",
};

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const info = { host: "Excel", platform: "OfficeOnline" } as const;
let ready: Promise<typeof info> | undefined;

const Office = {
  HostType: {
    Word: "Word",
    Excel: "Excel",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  },
  PlatformType: {
    PC: "PC",
    OfficeOnline: "OfficeOnline",
    Mac: "Mac",
    iOS: "iOS",
    Android: "Android",
    Universal: "Universal",
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  /** Set by pages that use the older initialization style; called once the "host" is ready. */
  initialize: undefined as ((reason: string) => void) | undefined,
  onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
    ready ??= new Promise<typeof info>((resolve) => {
      const go = (): void => {
        // Like office.js, readiness comes after the page's scripts ran and the DOM exists.
        setTimeout(() => {
          resolve(info);
          bridge?.paneReady();
        }, 0);
      };
      if (document.readyState === "loading")
        document.addEventListener("DOMContentLoaded", go, { once: true });
      else go();
    });
    if (callback !== undefined) void ready.then(callback);
    return ready;
  },
  context: {
    host: "Excel",
    platform: "OfficeOnline",
    displayLanguage: "en-US",
    contentLanguage: "en-US",
    diagnostics: {
      host: "Excel",
      platform: "OfficeOnline",
      version: "16.0 (Capacity Planner workbench)",
    },
    officeTheme,
    document: { url: "workbench", mode: "readWrite", settings },
    requirements: {
      isSetSupported(name: string, minVersion?: string | number): boolean {
        const have = SUPPORTED_SETS[name.toLowerCase()];
        if (have === undefined) return false;
        return minVersion === undefined || versionAtLeast(have, String(minVersion));
      },
    },
  },
  /** The shared runtime's task pane controls: the pane is always shown in the workbench. */
  addin: {
    showAsTaskpane: (): Promise<void> => Promise.resolve(),
    hide: (): Promise<void> => Promise.resolve(),
    onVisibilityModeChanged: (): Promise<() => Promise<void>> =>
      Promise.resolve(() => Promise.resolve()),
    getStartupBehavior: (): Promise<string> => Promise.resolve("none"),
    setStartupBehavior: (): Promise<void> => Promise.resolve(),
  },
  /** Ribbon command handlers: kept, never invoked (the workbench has no ribbon). */
  actions: {
    associate(): void {
      // No ribbon to click.
    },
  },
};

// ------------------------------------------------------------------ OfficeRuntime.storage

const STORAGE_PREFIX = "capplan-officeruntime:";

const storage = {
  getItem: (key: string): Promise<string | null> =>
    Promise.resolve(localStorage.getItem(STORAGE_PREFIX + key)),
  setItem: (key: string, value: string): Promise<void> => {
    localStorage.setItem(STORAGE_PREFIX + key, value);
    return Promise.resolve();
  },
  removeItem: (key: string): Promise<void> => {
    localStorage.removeItem(STORAGE_PREFIX + key);
    return Promise.resolve();
  },
  getItems: (keys: string[]): Promise<Record<string, string | null>> =>
    Promise.resolve(
      Object.fromEntries(keys.map((k) => [k, localStorage.getItem(STORAGE_PREFIX + k)]))
    ),
  setItems: (items: Record<string, string>): Promise<void> => {
    for (const [k, v] of Object.entries(items)) localStorage.setItem(STORAGE_PREFIX + k, v);
    return Promise.resolve();
  },
  removeItems: (keys: string[]): Promise<void> => {
    for (const k of keys) localStorage.removeItem(STORAGE_PREFIX + k);
    return Promise.resolve();
  },
  getKeys: (): Promise<string[]> => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && key.startsWith(STORAGE_PREFIX))
        keys.push(key.slice(STORAGE_PREFIX.length));
    }
    return Promise.resolve(keys);
  },
};

// ------------------------------------------------------------------ install

const globals = window as unknown as Record<string, unknown>;
globals.Office = Office;
globals.Excel = host.Excel;
globals.OfficeExtension = host.OfficeExtension;
globals.CustomFunctions = CustomFunctions;
globals.OfficeRuntime = { storage };

document.addEventListener(
  "DOMContentLoaded",
  () => {
    // The older style: office.js calls Office.initialize when the page set one.
    setTimeout(() => Office.initialize?.(""), 0);
    // office.js initializes whether or not the page ever calls onReady (the functions-only runtime of
    // workbench.html?pane=closed may not): the workbench hears the runtime is ready either way.
    void Office.onReady();
  },
  { once: true }
);
