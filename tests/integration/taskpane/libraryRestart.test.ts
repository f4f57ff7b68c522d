/** @jest-environment jsdom */
/**
 * The sidebar when the runtime (re)starts with a saved team library: Excel is asked for a full
 * recalculation only when what the CAPPLAN functions answer with changes (a full recalculation is costly in
 * big workbooks), the pane takes over what functions.js restored by itself at start, and a saved copy that
 * can never load is removed with a message instead of being retried at every start. The in-memory workbook
 * counts Application.calculate.
 */
import {
  getActiveLibrary,
  libraryUnavailable,
  recalculationPending,
  recordStartupRestore,
  setPinnedLibrary,
} from "../../../src/shared-state/activeLibrary";
import { restoreSavedLibrary } from "../../../src/functions/restoreLibrary";
import { updatePinnedLibrary } from "../../../src/excel/pinnedLibrary";
import { requestFullRecalculation, retryFailedRecalculation } from "../../../src/excel/recalculate";
import { MemoryCellStore } from "../../../src/dev/excel-host";
import { LIBRARY_SCHEMA_REVISION } from "../../../src/model/library/fingerprint";
import { CACHE_KEY } from "../../../src/shared-state/libraryCache";
import { nodeFetch } from "../../support/taskpane/browserGaps";
import {
  FIXED_NOW,
  MemoryStorage,
  button,
  cleanUp,
  click,
  libraryInfo,
  mountSidebar,
  mustMessage,
  panel,
} from "../../support/taskpane/harness";
import { loadUrl } from "../../support/taskpane/libraryPanel";
import { teamLibraryText } from "../../support/taskpane/libraries";
import { startServer, type TestServer } from "../../support/taskpane/server";

class CountingStore extends MemoryCellStore {
  recalcs = 0;
  recalculate(): void {
    this.recalcs += 1;
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "/team.json": { body: teamLibraryText() },
    "/team-v3.json": { body: teamLibraryText({ version: "3.0.0" }) },
  });
});
afterAll(async () => {
  await server.close();
});
afterEach(cleanUp);

/** A first session loads the team library from its URL, which saves it; then the runtime closes. */
async function savedTeamLibrary(): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  const first = mountSidebar({ fetch: nodeFetch(), storage });
  await loadUrl(first, server.url("/team.json"));
  cleanUp();
  return storage;
}

describe("recalculate only when the library actually changed", () => {
  it("recalculates only when another version is loaded", async () => {
    // Given the team library in use
    const store = new CountingStore();
    const sidebar = mountSidebar({ fetch: nodeFetch(), store });
    await loadUrl(sidebar, server.url("/team.json"));
    expect(store.recalcs).toBe(1);
    // When the same library is loaded again
    await loadUrl(sidebar, server.url("/team.json"));
    // Then Excel is not asked to recalculate
    expect(getActiveLibrary().index.library.meta.version).toBe("2.0.0");
    expect(store.recalcs).toBe(1);
    // When another version is loaded
    await loadUrl(sidebar, server.url("/team-v3.json"));
    // Then once
    expect(store.recalcs).toBe(2);
  });

  it("does not recalculate for the bundled library again", async () => {
    // Given the bundled library in use
    const store = new CountingStore();
    const sidebar = mountSidebar({ store });
    click(button(panel(sidebar.root, "Library"), /bundled/i));
    // When Use bundled library is chosen
    await sidebar.app.whenIdle();
    // Then no recalculation
    expect(store.recalcs).toBe(0);
  });

  it("shows the copy functions.js restored without recalculating", async () => {
    // Given functions.js restored the saved team library when the runtime started
    const storage = await savedTeamLibrary();
    recordStartupRestore(restoreSavedLibrary(storage, FIXED_NOW)); // what functions.js does at start
    const store = new CountingStore();
    const sidebar = mountSidebar({ storage, store });
    // When the pane opens
    const outcome = await sidebar.app.restored;
    await sidebar.app.whenIdle();
    // Then it shows the saved copy and Excel recalculates nothing
    expect(outcome.status).toBe("restored");
    expect(getActiveLibrary().index.library.meta.id).toBe("acme-team");
    expect(libraryInfo(sidebar.root).Source).toBe(
      `URL: ${server.url("/team.json")} (saved copy from 2026-12-01)`
    );
    expect(store.recalcs).toBe(0);
  });

  it("revalidates and saves again a text-only copy", async () => {
    // Given a copy saved by an earlier version (text only)
    const storage = new MemoryStorage();
    storage.setItem(
      CACHE_KEY,
      JSON.stringify({
        version: 1,
        text: teamLibraryText(),
        source: { kind: "file", fileName: "acme.json" },
        savedAt: "2026-11-01T00:00:00.000Z",
      })
    );
    const store = new CountingStore();
    const sidebar = mountSidebar({ storage, store });
    // When the pane opens
    // Then it is validated, active, recalculated once and saved again for functions.js
    expect((await sidebar.app.restored).status).toBe("restored");
    expect(store.recalcs).toBe(1);
    const saved = JSON.parse(storage.getItem(CACHE_KEY) ?? "{}") as {
      version: number;
      checked?: { revision: number };
      savedAt: string;
    };
    expect(saved.version).toBe(2);
    expect(saved.checked?.revision).toBe(LIBRARY_SCHEMA_REVISION);
    expect(saved.savedAt).toBe("2026-11-01T00:00:00.000Z");
    // functions.js can now restore it by itself at the next start.
    cleanUp();
    expect(restoreSavedLibrary(storage, FIXED_NOW)).toEqual({
      status: "restored",
      savedAt: "2026-11-01T00:00:00.000Z",
    });
  });
});

describe("a saved copy that can never load is removed with a message", () => {
  it("removes a malformed deep copy for good", async () => {
    // Given a saved copy of malformed JSON nested 100,000 levels deep
    const storage = new MemoryStorage();
    // Never closed: the error locator that reports where the JSON breaks is what overflows the stack.
    const deep = '{"meta":' + "[".repeat(100_000);
    storage.setItem(
      CACHE_KEY,
      JSON.stringify({
        version: 1,
        text: deep,
        source: { kind: "file", fileName: "deep.json" },
        savedAt: "2026-11-01T00:00:00.000Z",
      })
    );
    const sidebar = mountSidebar({ storage });
    // When the pane opens
    // Then a warning says so, the copy is removed, and the next start does not try it again
    expect((await sidebar.app.restored).status).toBe("fellBack");
    await sidebar.app.whenIdle();
    const shown = mustMessage(panel(sidebar.root, "Library"));
    expect(shown.title).toBe("The library saved for offline use could not be used");
    expect(storage.getItem(CACHE_KEY)).toBeNull();
    cleanUp();
    const again = mountSidebar({ storage });
    expect((await again.app.restored).status).toBe("none");
  });

  it("says why functions.js removed a copy", async () => {
    // Given functions.js removed a damaged copy at start
    const storage = await savedTeamLibrary();
    storage.setItem(
      CACHE_KEY,
      (storage.getItem(CACHE_KEY) ?? "").replace('"Acme team library"', '"Acme (edited)"')
    );
    // When the pane opens
    recordStartupRestore(restoreSavedLibrary(storage, FIXED_NOW));
    // Then it says why
    expect(storage.getItem(CACHE_KEY)).toBeNull();
    const sidebar = mountSidebar({ storage });
    expect((await sidebar.app.restored).status).toBe("fellBack");
    await sidebar.app.whenIdle();
    expect(mustMessage(panel(sidebar.root, "Library")).details.join(" ")).toMatch(/damaged/);
  });
});

describe("the workbook's library is missing until the user loads it", () => {
  it("recalculates once when the pinned library is loaded", async () => {
    // Given a workbook pinned to the team library and the bundled one in use
    // When the user loads the team library
    setPinnedLibrary({
      kind: "pinned",
      library: { id: "acme-team", version: "2.0.0", sheetName: "Rent vs Build" },
    });
    // Then the functions answer again and Excel recalculates once
    expect(libraryUnavailable()).toMatch(/"acme-team" 2\.0\.0, which is not loaded/);
    const store = new CountingStore();
    const sidebar = mountSidebar({ fetch: nodeFetch(), store });
    await loadUrl(sidebar, server.url("/team.json"));
    expect(libraryUnavailable()).toBeNull();
    expect(store.recalcs).toBe(1);
  });

  it("says the workbook's library is missing and what to do", async () => {
    // Given the workbook's library is missing
    setPinnedLibrary({
      kind: "pinned",
      library: { id: "acme-team", version: "2.0.0", sheetName: "Rent vs Build" },
    });
    const sidebar = mountSidebar();
    await sidebar.app.restored;
    // When the pane opens or the pin is read later
    await sidebar.app.whenIdle();
    const shown = mustMessage(panel(sidebar.root, "Library"));
    // Then the Library panel says so and what to do
    expect(shown.title).toBe("This workbook's library is not loaded");
    expect(shown.details.join(" ")).toMatch(/"acme-team" 2\.0\.0/);
    expect(shown.next).toMatch(/Load it from its URL or file/);
    // The pin read by functions.js after the pane opened: the same message; a library change it is not.
    setPinnedLibrary({ kind: "none" });
    setPinnedLibrary({
      kind: "pinned",
      library: { id: "acme-team", version: "3.0.0", sheetName: "Rent vs Build" },
    });
    expect(mustMessage(panel(sidebar.root, "Library")).details.join(" ")).toMatch(
      /"acme-team" 3\.0\.0/
    );
  });

  it("uses a library chosen on purpose over the pin", async () => {
    // Given a workbook pinned to team 2.0.0
    setPinnedLibrary({
      kind: "pinned",
      library: { id: "acme-team", version: "2.0.0", sheetName: "Rent vs Build" },
    });
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When the user chooses another library on purpose
    await loadUrl(sidebar, server.url("/team-v3.json"));
    // Then it is used (the sidebar shows which) rather than blocked
    expect(libraryUnavailable()).toBeNull();
    expect(libraryInfo(sidebar.root).Version).toBe("3.0.0");
  });
});

describe("a secret URL saved by an earlier version is stored redacted from then on", () => {
  const SAS = "?sv=2025-01-05&se=2027-01-01&sr=b&sp=r&sig=SECRETSIGNATURE";
  const savedSource = (storage: MemoryStorage): string => {
    const saved = JSON.parse(storage.getItem(CACHE_KEY) ?? "{}") as { source?: { url?: string } };
    return saved.source?.url ?? "";
  };

  it("hides a SAS signature in a resaved text-only copy", async () => {
    // Given a text-only copy (revision 1) whose source is a SAS URL
    const storage = new MemoryStorage();
    const url = "https://acme.blob.core.windows.net/lib/team.json";
    storage.setItem(
      CACHE_KEY,
      JSON.stringify({
        version: 1,
        text: teamLibraryText(),
        source: { kind: "url", url: url + SAS },
        savedAt: "2026-11-01T00:00:00.000Z",
      })
    );
    const sidebar = mountSidebar({ storage });
    // When the pane opens and saves it again
    // Then the saved source and the active library's source hide the signature
    expect((await sidebar.app.restored).status).toBe("restored");
    expect(savedSource(storage)).toBe(`${url}?sv=…&se=…&sr=…&sp=…&sig=…`);
    expect(JSON.stringify(getActiveLibrary().source)).not.toContain("SECRETSIGNATURE");
    expect(storage.getItem(CACHE_KEY)).not.toContain("SECRETSIGNATURE");
  });

  it("redacts a token in a restored copy's source", async () => {
    // Given an up-to-date copy whose source still holds a token
    const storage = await savedTeamLibrary();
    const record = JSON.parse(storage.getItem(CACHE_KEY) ?? "{}") as {
      source: { kind: string; url: string };
    };
    record.source.url = `${record.source.url}?private_token=SECRETTOKEN&v=2`;
    // When functions.js restores it at start
    storage.setItem(CACHE_KEY, JSON.stringify(record));
    // Then the active source is redacted and the copy is saved without the token
    expect(restoreSavedLibrary(storage, FIXED_NOW).status).toBe("restored");
    expect(getActiveLibrary().source).toEqual({
      kind: "url",
      url: `${server.url("/team.json")}?private_token=…&v=2`,
    });
    expect(storage.getItem(CACHE_KEY)).not.toContain("SECRETTOKEN");
    // Still a copy functions.js trusts (the checksum covers the library, not its address).
    expect(restoreSavedLibrary(storage, FIXED_NOW).status).toBe("restored");
  });
});

describe("Excel refuses the recalculation that applies the workbook's pin", () => {
  it("says to recalculate by hand until a recalculation succeeds", async () => {
    // Given the pane open and Excel refusing Application.calculate twice
    const store = new CountingStore();
    const sidebar = mountSidebar({ store });
    await sidebar.app.restored;
    await sidebar.app.whenIdle();
    sidebar.host.faults.failOperation({ location: "Application.calculate", times: 2 });
    const pin = {
      kind: "pinned",
      library: { id: "acme-team", version: "2.0.0", sheetName: "Rent vs Build" },
    } as const;
    // When the pin is applied
    // Then the Library panel says to recalculate (Ctrl+Alt+F9)
    expect(
      await retryFailedRecalculation(sidebar.Excel, await updatePinnedLibrary(sidebar.Excel, pin))
    ).toBe("failed");
    expect(recalculationPending()).toBe(true);
    const shown = mustMessage(panel(sidebar.root, "Library"));
    expect(shown.title).toBe("This workbook's library is not loaded");
    expect(shown.next).toMatch(/recalculate \(Ctrl\+Alt\+F9\) to apply/i);
    // When a later recalculation succeeds
    // Then LIBRARY() no longer asks
    expect(await requestFullRecalculation(sidebar.Excel)).toBe("recalculated");
    expect(recalculationPending()).toBe(false);
  });

  it("keeps warning after two refusals with nothing missing", async () => {
    // Given nothing missing but Excel refusing twice
    const store = new CountingStore();
    const sidebar = mountSidebar({ store });
    await sidebar.app.restored;
    await sidebar.app.whenIdle();
    sidebar.host.faults.failOperation({ location: "Application.calculate", times: 2 });
    // When a recalculation is retried
    // Then the panel still warns that cells may show another library
    expect(await retryFailedRecalculation(sidebar.Excel, "failed")).toBe("failed");
    const shown = mustMessage(panel(sidebar.root, "Library"));
    expect(shown.details.join(" ")).toMatch(/Ctrl\+Alt\+F9/);
    expect(store.recalcs).toBe(0);
  });
});
