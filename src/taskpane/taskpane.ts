/* global document, window, Office, Excel */
/**
 * The Office bootstrap: once Office is ready, mount the sidebar with the real dependencies.
 */
// Before anything that loads zod schemas: see zodConfig.ts (no eval probe under the page's CSP).
import "./zodConfig";
import { mount } from "./app";
import type { StorageLike } from "../shared-state/libraryCache";
import type { OfficeThemeLike } from "./theme";
import { MAX_CATALOG_CHARS } from "./functionCatalog";

/** localStorage, or null where the host blocks it (reading the property itself can throw). */
function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function officeTheme(): OfficeThemeLike | null {
  try {
    return Office.context?.officeTheme ?? null;
  } catch {
    return null; // not every host implements the theme API
  }
}

/**
 * The built functions.json, from the pane's own origin (it sits beside taskpane.html in dist/, in
 * development and in production alike; connect-src 'self' allows it). Bounded like any download.
 */
async function loadFunctionCatalog(): Promise<string> {
  const response = await window.fetch("functions.json", {
    cache: "no-cache",
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > MAX_CATALOG_CHARS)
    throw new Error(`functions.json is larger than ${MAX_CATALOG_CHARS} bytes.`);
  return response.text();
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    const loading = document.getElementById("cp-loading");
    if (loading)
      loading.textContent = "Capacity Planner runs in Excel. Open it from Excel's Home tab.";
    return;
  }
  mount(document.body, {
    excel: Excel,
    storage: browserStorage(),
    fetch: (url, init) => window.fetch(url, init),
    now: () => new Date(),
    theme: officeTheme(),
    loadFunctionCatalog,
    isSetSupported: (name, minVersion) =>
      Office.context.requirements.isSetSupported(name, minVersion),
  });
});
