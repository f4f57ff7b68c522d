/** @jest-environment jsdom */
/**
 * The Library panel on the in-memory Excel host: loading a team library from a URL served by the test
 * and from a file, the change summary, offline cache and remembered URL, and every way a library can be
 * refused, each leaving the active library, the cache and the workbook as they were.
 */
import { getActiveLibrary } from "../../../src/shared-state/activeLibrary";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { LIBRARY_SCHEMA_REVISION, libraryHash } from "../../../src/model/library/fingerprint";
import { CACHE_KEY, URL_KEY } from "../../../src/shared-state/libraryCache";
import { nodeFetch } from "../../support/taskpane/browserGaps";
import {
  FIXED_NOW,
  MemoryStorage,
  button,
  chooseFile,
  cleanUp,
  click,
  field,
  libraryInfo,
  mountSidebar,
  mustMessage,
  noFetch,
  panel,
  type Sidebar,
  workbookSnapshot,
} from "../../support/taskpane/harness";
import { libraryPanel, loadUrl } from "../../support/taskpane/libraryPanel";
import { teamLibrary, teamLibraryText } from "../../support/taskpane/libraries";
import { startServer, type TestServer } from "../../support/taskpane/server";

let server: TestServer;

const MB = 1024 * 1024;

beforeAll(async () => {
  const wrongTypes = teamLibrary();
  (wrongTypes.gpus as Record<string, Record<string, unknown>>)["h100-sxm"].systemPricePerGpu = {
    value: "34000",
    unit: "USD per GPU",
    source: "typed as text",
    asOf: "2026-10",
  };
  const missingFields = teamLibrary() as { meta: Record<string, unknown> };
  delete missingFields.meta.version;
  delete missingFields.meta.publisher;
  server = await startServer({
    "/team.json": { body: teamLibraryText() },
    "/team-v3.json": { body: teamLibraryText({ version: "3.0.0" }) },
    "/malformed.json": { body: '{\n  "meta": {\n    "id": "acme-team",\n  }\n}' },
    "/wrong-types.json": { body: JSON.stringify(wrongTypes, null, 2) },
    "/missing-fields.json": { body: JSON.stringify(missingFields, null, 2) },
    "/ten-mb.json": { body: Buffer.alloc(10 * MB, 0x20) },
    "/ten-mb-chunked.json": { chunked: { chunks: 160, chunkBytes: 64 * 1024 } },
    "/hang.json": { hang: true },
    "/forbidden.json": { status: 403, body: "forbidden" },
    "/many-problems.json": {
      body: JSON.stringify({
        meta: teamLibrary().meta,
        gpus: Object.fromEntries(
          Array.from({ length: 30 }, (_, i) => [`bad-gpu-${i}`, { memoryGB: "lots" }])
        ),
      }),
    },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(cleanUp);

/** A sidebar with an inserted template, so "the workbook did not change" covers real content. */
async function sidebarWithTemplate(
  options: Parameters<typeof mountSidebar>[0] = {}
): Promise<Sidebar> {
  const sidebar = mountSidebar(options);
  await sidebar.app.whenIdle();
  await insertTemplate(sidebar.Excel, getActiveLibrary().index, "xai-memphis-2024");
  return sidebar;
}

describe("the library in use", () => {
  it("shows the bundled library on a fresh start", async () => {
    // Given a fresh add-in
    const sidebar = mountSidebar();
    // When the sidebar opens
    await sidebar.app.whenIdle();
    const info = libraryInfo(sidebar.root);
    // Then it shows the bundled library's name, version, date and source
    expect(info).toEqual({
      Name: "Capacity Planner default library",
      Version: "1.1.0",
      Published: "2026-12-03",
      Publisher: "Capacity Planner",
      Source: "Bundled with the add-in",
    });
  });
});

describe("loading a team library from a URL", () => {
  it("loads a team library from http on 127.0.0.1", async () => {
    // Given a valid team library served over http on 127.0.0.1
    const fetch = nodeFetch();
    const sidebar = await sidebarWithTemplate({ fetch });
    const before = workbookSnapshot(sidebar.store);
    const url = server.url("/team.json");

    await loadUrl(sidebar, url);

    // When it is loaded
    const active = getActiveLibrary();
    // Then it is layered over the default, active, summarized, cached and its URL remembered
    expect(active.source).toEqual({ kind: "url", url });
    expect(active.loadedAt).toBe(FIXED_NOW.toISOString());
    expect(active.index.library.meta.id).toBe("acme-team");
    expect(active.index.library.gpus["h100-sxm"].systemPricePerGpu.value).toBe(34000);
    // Layered: everything the team did not publish comes from the default.
    expect(Object.keys(active.index.library.scenarios)).toEqual(
      expect.arrayContaining(["xai-memphis-2024", "acme-site"])
    );
    expect(libraryInfo(sidebar.root)).toMatchObject({
      Name: "Acme team library",
      Version: "2.0.0",
      Published: "2026-11-30",
      Source: `URL: ${url}`,
    });

    const shown = mustMessage(libraryPanel(sidebar));
    expect(shown.kind).toBe("success");
    expect(shown.role).toBe("status");
    expect(shown.title).toBe("Now using Acme team library 2.0.0");
    expect(shown.details).toEqual(
      expect.arrayContaining([
        "Version: Capacity Planner default library 1.1.0 → Acme team library 2.0.0",
        "3 assumptions changed:",
        "gpus.h100-sxm.systemPricePerGpu: 37,500 → 34,000 USD per GPU",
        "regions.us-tn.powerPrice: 0.0623 → 0.08 USD per kWh",
        "rentalOffers.oracle-h100-on-demand.rate: 10 → 9 USD per GPU-hour",
        "1 entry added: scenarios.acme-site",
        "0 entries removed",
      ])
    );
    expect(shown.next).toMatch(/Check for updates/);

    const cached = JSON.parse(sidebar.storage.getItem(CACHE_KEY) ?? "null") as Record<
      string,
      unknown
    >;
    // The text, and the library as validated for functions.js (which has no zod), with revision and hash.
    const layered = getActiveLibrary().index.library;
    expect(cached).toEqual({
      version: 2,
      text: teamLibraryText(),
      source: { kind: "url", url },
      savedAt: FIXED_NOW.toISOString(),
      checked: {
        revision: LIBRARY_SCHEMA_REVISION,
        hash: libraryHash(layered),
        library: JSON.parse(JSON.stringify(layered)) as unknown,
      },
    });
    expect(sidebar.storage.getItem(URL_KEY)).toBe(url);
    // Loading a library changes no cell, name, setting or chart of the workbook (in-memory host has no recalc).
    expect(workbookSnapshot(sidebar.store)).toBe(before);
    // The models list follows the library.
    expect(panel(sidebar.root, "Models").textContent).toContain("Acme site — build 2k H100");
  });

  it("prefills the URL loaded earlier", async () => {
    // Given a URL loaded earlier
    const storage = new MemoryStorage();
    storage.setItem(URL_KEY, "https://libraries.example.com/acme.json");
    // When the sidebar opens again
    const sidebar = mountSidebar({ storage });
    // Then the field is prefilled with it
    expect(field(libraryPanel(sidebar), "Team library URL").value).toBe(
      "https://libraries.example.com/acme.json"
    );
  });

  it("names both versions when a newer one loads", async () => {
    // Given one team library in use
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    await loadUrl(sidebar, server.url("/team.json"));
    // When a newer version is loaded
    await loadUrl(sidebar, server.url("/team-v3.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then the summary names both versions
    expect(shown.details).toEqual(
      expect.arrayContaining([
        "Version: Acme team library 2.0.0 → Acme team library 3.0.0",
        "No assumption values changed.",
        "0 entries added",
      ])
    );
  });

  it("asks Excel for a full recalculation", async () => {
    // Given a host with workbook.application
    const calculations: unknown[] = [];
    const sidebar = mountSidebar({
      fetch: nodeFetch(),
      wrapExcel: (excel) => ({
        CalculationType: { full: "Full" } as typeof Excel.CalculationType,
        run: ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
          excel.run((context) => {
            Object.defineProperty(context.workbook, "application", {
              value: { calculate: (type: unknown) => calculations.push(type) },
              configurable: true,
            });
            return batch(context);
          })) as typeof Excel.run,
      }),
    });
    // When a library loads
    await loadUrl(sidebar, server.url("/team.json"));
    // Then Excel is asked for a full recalculation
    expect(calculations).toEqual(["Full"]);
    click(button(libraryPanel(sidebar), "Use bundled library"));
    await sidebar.app.whenIdle();
    expect(calculations).toEqual(["Full", "Full"]);
  });
});

describe("loading a team library from a file", () => {
  it("uses a team library file with its name as source", async () => {
    // Given a valid team library file
    const sidebar = mountSidebar();
    // When it is chosen
    const input = libraryPanel(sidebar).querySelector<HTMLInputElement>('input[type="file"]');
    // Then it becomes active with its file name as the source
    expect(input).not.toBeNull();
    chooseFile(
      input as HTMLInputElement,
      new File([teamLibraryText()], "acme-library.json", { type: "application/json" })
    );
    await sidebar.app.whenIdle();

    expect(getActiveLibrary().source).toEqual({ kind: "file", fileName: "acme-library.json" });
    expect(libraryInfo(sidebar.root).Source).toBe("File: acme-library.json");
    expect(mustMessage(libraryPanel(sidebar)).title).toBe("Now using Acme team library 2.0.0");
    expect(JSON.parse(sidebar.storage.getItem(CACHE_KEY) ?? "{}")).toMatchObject({
      source: { kind: "file", fileName: "acme-library.json" },
    });
  });

  it("refuses a file over 5 MB without reading it", async () => {
    // Given a file over 5 MB
    const sidebar = await sidebarWithTemplate();
    const before = workbookSnapshot(sidebar.store);
    const input = libraryPanel(sidebar).querySelector<HTMLInputElement>(
      'input[type="file"]'
    ) as HTMLInputElement;
    chooseFile(input, new File([new Uint8Array(10 * MB)], "huge.json"));
    // When it is chosen
    await sidebar.app.whenIdle();
    const shown = mustMessage(libraryPanel(sidebar));
    // Then it is refused with its size and nothing is read
    expect(shown.title).toBe("The library is too large (10 MB; the limit is 5 MB)");
    expect(shown.details).toEqual(['The file "huge.json" is 10 MB.']);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });
});

describe("a bad library changes nothing", () => {
  interface BadCase {
    readonly name: string;
    readonly path: string;
    readonly title: RegExp;
    readonly detail: RegExp;
    readonly timeoutMs?: number;
  }
  const cases: BadCase[] = [
    {
      name: "malformed JSON",
      path: "/malformed.json",
      title: /^The library at this address is not valid JSON$/,
      detail:
        /^malformed JSON at line 4, column 3: trailing comma before \} is not allowed in JSON$/,
    },
    {
      name: "a number given as text (wrong type)",
      path: "/wrong-types.json",
      title: /^The library at this address has 1 problem$/,
      detail: /^gpus\.h100-sxm\.systemPricePerGpu\.value: .*expected number/,
    },
    {
      name: "missing fields",
      path: "/missing-fields.json",
      title: /^The library at this address has 2 problems$/,
      detail: /^meta\.version: is required \(expected string\)$/,
    },
    {
      name: "a 10 MB body with Content-Length",
      path: "/ten-mb.json",
      title: /^The library is too large \(10 MB; the limit is 5 MB\)$/,
      detail: /ten-mb\.json is 10 MB \(Content-Length\)\.$/,
    },
    {
      name: "a 10 MB body streamed without Content-Length",
      path: "/ten-mb-chunked.json",
      title: /^The library is too large \(more than 5 MB; the limit is 5 MB\)$/,
      detail: /sent more than 5 MB; the download was stopped\.$/,
    },
    {
      name: "a server that never answers",
      path: "/hang.json",
      title: /^Loading the library timed out after 0\.3 s$/,
      detail: /hang\.json$/,
      timeoutMs: 300,
    },
    {
      name: "an HTTP error status",
      path: "/forbidden.json",
      title: /^The server answered 403 Forbidden$/,
      detail: /forbidden\.json$/,
    },
    {
      name: "a missing library (404)",
      path: "/nowhere.json",
      title: /^The server answered 404 Not Found$/,
      detail: /nowhere\.json$/,
    },
  ];

  it.each(cases)(
    "shows a specific error for $name and keeps the state",
    async ({ path, title, detail, timeoutMs }) => {
      // Given a team library in use and $name
      const fetch = nodeFetch();
      const sidebar = await sidebarWithTemplate({ fetch, timeoutMs });
      await loadUrl(sidebar, server.url("/team.json"));
      const activeBefore = getActiveLibrary();
      const cacheBefore = sidebar.storage.getItem(CACHE_KEY);
      const workbookBefore = workbookSnapshot(sidebar.store);
      const started = Date.now();

      await loadUrl(sidebar, server.url(path));

      // When it is loaded
      const shown = mustMessage(libraryPanel(sidebar));
      // Then a specific error is shown and the library, cache and workbook stay as they were
      expect(shown.kind).toBe("error");
      expect(shown.role).toBe("alert");
      expect(shown.title).toMatch(title);
      expect(shown.details.some((line) => detail.test(line))).toBe(true);
      expect(shown.next).toMatch(/Nothing was changed: Acme team library 2\.0\.0 stays in use\.$/);
      expect(getActiveLibrary()).toBe(activeBefore);
      expect(sidebar.storage.getItem(CACHE_KEY)).toBe(cacheBefore);
      expect(workbookSnapshot(sidebar.store)).toBe(workbookBefore);
      expect(libraryInfo(sidebar.root).Version).toBe("2.0.0");
      if (timeoutMs !== undefined) expect(Date.now() - started).toBeLessThan(5000);
      // The buttons work again afterwards.
      expect(button(libraryPanel(sidebar), "Load from URL").disabled).toBe(false);
    }
  );

  it("refuses http:// on another host without a request", async () => {
    // Given an http:// URL on another host
    const sidebar = await sidebarWithTemplate();
    const before = workbookSnapshot(sidebar.store);
    // When it is loaded
    await loadUrl(sidebar, "http://libraries.example.com/acme.json");
    const shown = mustMessage(libraryPanel(sidebar));
    // Then it is refused by rule without any request
    expect(shown.title).toBe("This address is not allowed");
    expect(shown.details[0]).toBe(
      "Only https:// addresses can be loaded (http:// only for localhost or 127.0.0.1, during development)."
    );
    expect(shown.next).toMatch(/https/);
    expect(noFetch.calls).toEqual([]);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    expect(workbookSnapshot(sidebar.store)).toBe(before);
  });

  it.each(["file:///etc/passwd", "javascript:alert(1)", "not a url", ""])(
    "refuses %p without a request",
    async (address) => {
      // Given the address %p
      const sidebar = mountSidebar();
      // When it is loaded
      await loadUrl(sidebar, address);
      // Then it is refused without any request
      expect(mustMessage(libraryPanel(sidebar)).kind).toBe("error");
      expect(noFetch.calls).toEqual([]);
      expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    }
  );

  it("lists 20 of 30 problems and 'and 10 more'", async () => {
    // Given a library with 30 problems
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url("/many-problems.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then 20 are listed with their paths and 'and 10 more'
    expect(shown.details).toHaveLength(21);
    expect(shown.details[0]).toMatch(/^gpus\.bad-gpu-0\./);
    expect(shown.details[20]).toMatch(/^and \d+ more$/);
  });

  it("explains another way to get an unreachable library", async () => {
    // Given an unreachable server
    const closed = await startServer({});
    const url = closed.url("/team.json");
    await closed.close();
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When a library is loaded
    await loadUrl(sidebar, url);
    const shown = mustMessage(libraryPanel(sidebar));
    // Then the message explains how to get it another way
    expect(shown.title).toBe("Could not reach the library");
    expect(shown.next).toMatch(/Load file/);
  });
});

describe("the bundled library", () => {
  it("goes back to the bundled library and keeps the URL", async () => {
    // Given a team library in use
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    const url = server.url("/team.json");
    await loadUrl(sidebar, url);
    click(button(libraryPanel(sidebar), "Use bundled library"));
    // When Use bundled library is chosen
    await sidebar.app.whenIdle();
    // Then the default is back, the cache is cleared and the URL still remembered
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    expect(libraryInfo(sidebar.root).Name).toBe("Capacity Planner default library");
    expect(sidebar.storage.getItem(CACHE_KEY)).toBeNull();
    expect(sidebar.storage.getItem(URL_KEY)).toBe(url);
    const shown = mustMessage(libraryPanel(sidebar));
    expect(shown.details).toEqual(
      expect.arrayContaining([
        "Version: Acme team library 2.0.0 → Capacity Planner default library 1.1.0",
        "1 entry removed: scenarios.acme-site",
      ])
    );
  });
});

describe("working offline", () => {
  it("restores a library cached by an earlier session", async () => {
    // Given a library cached by an earlier session
    const storage = new MemoryStorage();
    const first = mountSidebar({ fetch: nodeFetch(), storage });
    // When the sidebar opens
    await loadUrl(first, server.url("/team.json"));
    cleanUp(); // the add-in closes; the runtime starts again with the bundled library
    // Then it is validated and active again
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });

    const second = mountSidebar({ storage });
    const outcome = await second.app.restored;
    await second.app.whenIdle();
    expect(outcome.status).toBe("restored");
    expect(getActiveLibrary().index.library.meta.id).toBe("acme-team");
    expect(getActiveLibrary().source).toEqual({ kind: "url", url: server.url("/team.json") });
    expect(libraryInfo(second.root).Source).toBe(
      `URL: ${server.url("/team.json")} (saved copy from 2026-12-01)`
    );
    expect(panel(second.root, "Models").textContent).toContain("Acme site — build 2k H100");
  });

  it.each([
    ["not JSON at all", "{{{"],
    [
      "an unknown format",
      JSON.stringify({
        version: 9,
        text: "{}",
        source: { kind: "url", url: "https://x" },
        savedAt: "",
      }),
    ],
    [
      "a library that no longer validates",
      JSON.stringify({
        version: 1,
        text: '{"meta":{}}',
        source: { kind: "file", fileName: "old.json" },
        savedAt: "2026-01-01T00:00:00Z",
      }),
    ],
  ])("drops a corrupt cache (%s) with a warning", async (_what, raw) => {
    // Given a corrupt cache (%s)
    const storage = new MemoryStorage();
    storage.setItem(CACHE_KEY, raw);
    const sidebar = mountSidebar({ storage });
    // When the sidebar opens
    const outcome = await sidebar.app.restored;
    await sidebar.app.whenIdle();
    // Then the bundled library is used with a warning and the cache is dropped
    expect(outcome.status).toBe("fellBack");
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    const shown = mustMessage(libraryPanel(sidebar));
    expect(shown.kind).toBe("warning");
    expect(shown.title).toBe("The library saved for offline use could not be used");
    expect(shown.next).toMatch(/Using the bundled library .*Load your team library again/);
    expect(storage.getItem(CACHE_KEY)).toBeNull();
  });

  it("warns when storage refuses writes", async () => {
    // Given storage that refuses writes
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const sidebar = mountSidebar({ fetch: nodeFetch(), storage });
    // When a library loads
    await loadUrl(sidebar, server.url("/team.json"));
    // Then it is used and the user is told it is not saved for offline use
    expect(getActiveLibrary().index.library.meta.id).toBe("acme-team");
    const shown = mustMessage(libraryPanel(sidebar));
    expect(shown.kind).toBe("warning");
    expect(shown.details.join("\n")).toMatch(/could not be saved for offline use/);
  });
});
