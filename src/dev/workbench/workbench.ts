/* global document, window, fetch, setTimeout */
/**
 * The workbench page (/workbench.html): Capacity Planner without Excel. A spreadsheet grid over a
 * HyperFormula workbook, beside the real task pane running unmodified in an iframe (see
 * officeShim.ts and README.md). Dev tooling only: nothing here is in functions.js or taskpane.js.
 *
 * This file is the bootstrap (the webpack entry); page.ts is the page chrome, testApi.ts the
 * `window.capplanWorkbench` contract. Start-up: functions.json (built) -> plugin registry ->
 * HyperFormula store (restored from localStorage if saved) -> page (grid) -> bridge published ->
 * task pane iframe. The pane's functions.js associates every CAPPLAN function through the bridge; once
 * all are there the workbook recalculates, and `capplanWorkbench.ready` resolves when the pane's
 * Office.onReady has too.
 */
import { BRIDGE_KEY } from "./bridge";
import { CapplanFunctionRegistry, parseFunctionsJson } from "./capplanPlugin";
import { deferred } from "./deferred";
import { HyperFormulaCellStore } from "./hyperFormulaStore";
import { WorkbenchPage, paneClosed } from "./page";
import { createTestApi, publishTestApi } from "./testApi";

const READY_TIMEOUT_MS = 60000;

/** Published at once, so automation can await `ready` before anything else exists. */
const testApi = publishTestApi();

async function start(): Promise<void> {
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status} (run npm run build)`);
  const registry = new CapplanFunctionRegistry(parseFunctionsJson(await response.json()));
  const store = new HyperFormulaCellStore({ capplan: registry });
  const page = new WorkbenchPage(store, registry);
  page.restoreSaved();

  const functionsLoaded = deferred<void>();
  let recalcQueued = false;
  registry.onAssociate(() => {
    if (!registry.isComplete() || recalcQueued) return;
    recalcQueued = true;
    // functions.js associates all of them in one go: recalculate once, after the last.
    setTimeout(() => {
      recalcQueued = false;
      store.recalculate();
      page.flush();
      functionsLoaded.resolve();
    }, 0);
  });
  (window as unknown as Record<string, unknown>)[BRIDGE_KEY] = page.bridge();
  const paneLoaded = page.loadPane();

  testApi.attach(createTestApi(page, store, testApi.ready));

  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => {
      const missing = registry.missing();
      reject(
        new Error(
          `The workbench did not get ready in ${READY_TIMEOUT_MS / 1000} s: ${
            missing.length > 0
              ? `functions never associated: ${missing.join(", ")}`
              : "the task pane's Office.onReady never resolved"
          }`
        )
      );
    }, READY_TIMEOUT_MS)
  );
  await Promise.race([Promise.all([functionsLoaded.promise, paneLoaded]), timeout]);
  page.say(
    `Ready: ${registry.functions.length} CAPPLAN functions from functions.js, ${
      paneClosed() ? "task pane closed (?pane=closed)" : "task pane loaded"
    }.`
  );
  testApi.resolve();
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const status = document.getElementById("wb-status");
  if (status !== null) status.textContent = `The workbench failed to start: ${message}`;
  testApi.reject(error instanceof Error ? error : new Error(message));
});
