/**
 * The team library reaches the CAPPLAN functions without the task pane. The built dist/functions.js is
 * loaded as Excel's shared runtime starts it with the pane closed: CustomFunctions, the page's localStorage
 * (where the sidebar saved the library) and the Excel API over the workbook, but no taskpane.js. The
 * workbook is the in-memory host; it counts the full recalculations the add-in asks for.
 */
import { asExcelNamespace, createMemoryExcel, MemoryCellStore } from "../../../src/dev/excel-host";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { CACHE_KEY, writeCachedLibrary } from "../../../src/shared-state/libraryCache";
import { validateTeamLibraryText } from "../../../src/model/library/teamLibrary";
import { MemoryStorage } from "../../support/taskpane/harness";
import { teamLibraryText } from "../../support/taskpane/libraries";
import {
  ErrorCode,
  excelError,
  loadBuiltFunctions,
  type LoadedFunctions,
} from "../../support/customFunctionsRuntime";

/** A workbook that counts Application.calculate (the in-memory store has no engine of its own). */
class CountingStore extends MemoryCellStore {
  recalcs = 0;
  recalculate(): void {
    this.recalcs += 1;
  }
}

function layered(text: string): LibraryDocument {
  const result = validateTeamLibraryText(text, VALIDATED_BUNDLED_LIBRARY);
  if (!result.ok) throw new Error("the test's team library is invalid");
  return result.library;
}

const TEAM = layered(teamLibraryText());
const TEAM_PRICE = 34000; // the team's H100 system price (teamLibrary())

interface Runtime {
  readonly fns: LoadedFunctions;
  readonly store: CountingStore;
  readonly storage: MemoryStorage;
}

/** A workbook with a template sheet inserted from `pinned` (none when null). */
async function workbookPinning(pinned: LibraryDocument | null): Promise<CountingStore> {
  const store = new CountingStore();
  if (pinned !== null) {
    const excel = asExcelNamespace(createMemoryExcel(store).Excel);
    const index = buildIndex(pinned);
    const scenario = Object.keys(pinned.scenarios)[0] ?? "";
    await insertTemplate(excel, index, scenario);
  }
  store.recalcs = 0;
  return store;
}

function savedBySidebar(library: LibraryDocument, text: string): MemoryStorage {
  const storage = new MemoryStorage();
  writeCachedLibrary(storage, {
    text,
    library,
    source: { kind: "url", url: "https://libraries.example.com/acme.json" },
    savedAt: "2026-11-30T08:00:00.000Z",
  });
  return storage;
}

/** functions.js starts with the pane closed; resolves after its start-up (the pin check) is over. */
async function startPaneClosed(store: CountingStore, storage: MemoryStorage): Promise<Runtime> {
  const excel = asExcelNamespace(createMemoryExcel(store).Excel);
  const fns = loadBuiltFunctions({ localStorage: storage, Excel: excel });
  await fns.started;
  return { fns, store, storage };
}

const gpuCost = (fns: LoadedFunctions): unknown => fns.call("GPUCOST", "H100", 1000, "server");

describe("functions.js restores the saved team library itself, with the task pane closed", () => {
  test("uses the saved team library from the first calculation without the pane", async () => {
    // Given the team library saved by the sidebar
    const storage = savedBySidebar(TEAM, teamLibraryText());
    // When the runtime starts without the pane
    const store = await workbookPinning(null);
    const excel = asExcelNamespace(createMemoryExcel(store).Excel);
    const fns = loadBuiltFunctions({ localStorage: storage, Excel: excel });
    // Then the first calculation already uses it
    // Synchronously, before the start-up's asynchronous part: this is the first calculation.
    expect(fns.call("LIBRARY")).toBe("Acme team library 2.0.0");
    expect(gpuCost(fns)).toBe(TEAM_PRICE * 1000);
    await fns.started;
    expect(store.recalcs).toBe(0);
  });

  test("restores a pinned team library from its saved copy without recalculating", async () => {
    // Given a workbook pinned to the team library and its saved copy
    // When the runtime starts
    const { fns, store } = await startPaneClosed(
      await workbookPinning(TEAM),
      savedBySidebar(TEAM, teamLibraryText())
    );
    // Then team numbers and no recalculation at all
    expect(fns.call("LIBRARY")).toBe("Acme team library 2.0.0");
    expect(gpuCost(fns)).toBe(TEAM_PRICE * 1000);
    expect(store.recalcs).toBe(0);
  });

  test("keeps bundled numbers for a bundled-library workbook without recalculating", async () => {
    // Given a workbook whose template came from the bundled library, no saved copy
    // When the runtime starts
    const { fns, store } = await startPaneClosed(
      await workbookPinning(VALIDATED_BUNDLED_LIBRARY),
      new MemoryStorage()
    );
    // Then bundled numbers and no recalculation
    expect(fns.call("LIBRARY")).toBe(
      `${VALIDATED_BUNDLED_LIBRARY.meta.name} ${VALIDATED_BUNDLED_LIBRARY.meta.version}`
    );
    expect(typeof gpuCost(fns)).toBe("number");
    expect(store.recalcs).toBe(0);
  });

  test("uses the bundled library when nothing is pinned", async () => {
    // Given no template sheet (nothing pinned)
    // When the runtime starts without a saved copy
    const { fns, store } = await startPaneClosed(await workbookPinning(null), new MemoryStorage());
    // Then the bundled library is fine
    expect(typeof gpuCost(fns)).toBe("number");
    expect(store.recalcs).toBe(0);
  });
});

describe("the workbook's library is missing: say so, never bundled numbers", () => {
  test("reports a missing pinned library and recalculates once", async () => {
    // Given a workbook pinned to the team library and no saved copy
    // When the runtime starts
    const { fns, store } = await startPaneClosed(await workbookPinning(TEAM), new MemoryStorage());
    // Then LIBRARY() says it is missing, functions are #N/A saying what to do, and Excel recalculates once
    expect(fns.call("LIBRARY")).toMatch(
      /^Library missing: This workbook uses library "acme-team" 2\.0\.0, which is not loaded \(in use: Capacity Planner default library .*\)\. Open Capacity Planner/
    );
    for (const call of [
      () => gpuCost(fns),
      () => fns.call("RENTVSBUILD", "H100", 1000, 5),
      () => fns.call("ASSUMPTION", "financing.discountRate"),
    ]) {
      const error = excelError(call);
      expect(error.code).toBe(ErrorCode.notAvailable);
      expect(error.message).toMatch(
        /"acme-team" 2\.0\.0.*Open Capacity Planner \(Home > Rent vs Build\) and load it, or choose Check for updates to move the workbook to the library in use\./
      );
      expect(error.message.length).toBeLessThanOrEqual(255);
    }
    // Cells computed before the pin was known are recalculated, once.
    expect(store.recalcs).toBe(1);
  });

  test("names the pinned version the saved copy lacks", async () => {
    // Given a workbook pinned to team 3.0.0 and only 2.0.0 saved
    const v3 = layered(teamLibraryText({ version: "3.0.0" }));
    // When the runtime starts
    const { fns } = await startPaneClosed(
      await workbookPinning(v3),
      savedBySidebar(TEAM, teamLibraryText())
    );
    // Then #N/A names the version the workbook needs
    expect(excelError(() => gpuCost(fns)).message).toMatch(
      /"acme-team" 3\.0\.0, which is not loaded \(in use: Acme team library 2\.0\.0\)/
    );
  });

  test("keeps a text-only copy from an earlier add-in for the sidebar", async () => {
    // Given a copy saved by an earlier version of the add-in (text only)
    const storage = new MemoryStorage();
    const v1 = JSON.stringify({
      version: 1,
      text: teamLibraryText(),
      source: { kind: "url", url: "https://x.example/a.json" },
      savedAt: "2026-01-01T00:00:00Z",
    });
    storage.setItem(CACHE_KEY, v1);
    // When the runtime starts
    const { fns } = await startPaneClosed(await workbookPinning(TEAM), storage);
    // Then it is kept for the sidebar to check and the pinned functions are #N/A
    expect(excelError(() => gpuCost(fns)).code).toBe(ErrorCode.notAvailable);
    expect(storage.getItem(CACHE_KEY)).toBe(v1);
  });
});

describe("a saved copy that cannot be used is cleared, never retried", () => {
  const deep = 100_000;
  test.each([
    [
      "100k-deep nested JSON as the library",
      (record: Record<string, unknown>) =>
        JSON.stringify({
          ...record,
          checked: { ...(record.checked as object), library: "@" },
        }).replace('"@"', "[".repeat(deep) + "]".repeat(deep)),
    ],
    [
      "a library that does not match its checksum",
      (record: Record<string, unknown>) =>
        JSON.stringify(record).replace('"Acme team library"', '"Acme team library (edited)"'),
    ],
    ["not JSON at all", () => "{{{"],
  ])("removes an unusable saved copy (%s)", async (_what, damage) => {
    // Given %s
    const storage = savedBySidebar(TEAM, teamLibraryText());
    storage.setItem(
      CACHE_KEY,
      damage(JSON.parse(storage.getItem(CACHE_KEY) ?? "{}") as Record<string, unknown>)
    );
    // When the runtime starts
    const { fns } = await startPaneClosed(await workbookPinning(null), storage);
    // Then the copy is removed and the functions use the bundled library
    expect(storage.getItem(CACHE_KEY)).toBeNull();
    expect(fns.call("LIBRARY")).toBe(
      `${VALIDATED_BUNDLED_LIBRARY.meta.name} ${VALIDATED_BUNDLED_LIBRARY.meta.version}`
    );
    // The next start finds nothing to retry.
    const again = await startPaneClosed(await workbookPinning(null), storage);
    expect(typeof gpuCost(again.fns)).toBe("number");
  });
});

describe("Excel refuses the start-up recalculation: asked again once, then the user is told", () => {
  /** Starts functions.js over a workbook whose Application.calculate fails `failures` times. */
  async function startRefusingRecalc(failures: number): Promise<Runtime> {
    const store = await workbookPinning(TEAM);
    const host = createMemoryExcel(store);
    host.faults.failOperation({ location: "Application.calculate", times: failures });
    const storage = new MemoryStorage();
    const fns = loadBuiltFunctions({ localStorage: storage, Excel: asExcelNamespace(host.Excel) });
    await fns.started;
    expect(host.faults.pending).toBe(0);
    return { fns, store, storage };
  }

  test("asks again after a refused first recalculation", async () => {
    // Given a workbook pinned to a missing library and Excel refusing the first recalculation
    // When the runtime starts
    const { fns, store } = await startRefusingRecalc(1);
    // Then it asks again and LIBRARY() says only that the library is missing
    expect(store.recalcs).toBe(1);
    expect(fns.call("LIBRARY")).toMatch(
      /^Library missing: .*and load it, or choose Check for updates to move the workbook to the library in use\.$/
    );
  });

  test("says to recalculate by hand after two refusals", async () => {
    // Given Excel refusing the recalculation twice
    // When the runtime starts
    const { fns, store } = await startRefusingRecalc(2);
    // Then LIBRARY() says to recalculate with Ctrl+Alt+F9, so cells computed with the restored library are not silently kept
    expect(store.recalcs).toBe(0);
    expect(fns.call("LIBRARY")).toMatch(
      /^Library missing: .*Recalculate \(Ctrl\+Alt\+F9\) to apply/
    );
    // Functions computed from now on know the library is missing.
    expect(excelError(() => gpuCost(fns)).code).toBe(ErrorCode.notAvailable);
  });
});
