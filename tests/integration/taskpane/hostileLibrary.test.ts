/** @jest-environment jsdom */
/**
 * Issue 7, "Hostile input", in the sidebar: credentials in a library URL, bytes that are not UTF-8,
 * runaway nesting, reserved ids and bidi controls are refused with a clear message and leave the
 * library in use, the cache and the workbook as they were; right-to-left library text is isolated.
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { getActiveLibrary, setActiveLibrary } from "../../../src/shared-state/activeLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { summarizeLibraryChange } from "../../../src/taskpane/libraryDiff";
import { CACHE_KEY, URL_KEY } from "../../../src/shared-state/libraryCache";
import {
  checkLibraryUrl,
  fetchLibraryText,
  redactUrl,
  type ResponseLike,
} from "../../../src/taskpane/libraryFetch";
import { nodeFetch } from "../../support/taskpane/browserGaps";
import {
  button,
  cleanUp,
  click,
  libraryInfo,
  modelOption,
  mountSidebar,
  mustMessage,
  noFetch,
  panel,
  type Sidebar,
} from "../../support/taskpane/harness";
import { libraryPanel, loadFile, loadUrl } from "../../support/taskpane/libraryPanel";
import { teamLibrary, teamLibraryText } from "../../support/taskpane/libraries";
import { startServer, type TestServer } from "../../support/taskpane/server";

const SECRET = "ghp_s3cr3tT0ken";
/** An Azure Blob SAS link: sv, se, sr, sp describe it; sig is the signature that grants the read. */
const SAS_SIG = "Xq8SaSs1gnature%2Bvalue%3D";
const SAS_PATH = `/sas/team.json?sv=2025-01-05&se=2027-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=${SAS_SIG}`;

/** A team library as Windows-1252 bytes: "é" is the single byte 0xE9, which is not UTF-8. */
function windows1252Library(): Buffer {
  return Buffer.from(teamLibraryText().replace("Acme finance", "Acme finance café"), "latin1");
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    "/team.json": { body: teamLibraryText() },
    "/cp1252.json": { body: windows1252Library() },
    "/bom.json": {
      body: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(teamLibraryText(), "utf8"),
      ]),
    },
    [SAS_PATH]: { body: teamLibraryText() },
    [`/forbidden.json?token=${SECRET}`]: { status: 403, body: "forbidden" },
    "/redirect-with-token.json": {
      status: 302,
      headers: { Location: `https://user:${SECRET}@libraries.example.com/team.json` },
      body: "",
    },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(cleanUp);

/** Everything the sidebar shows or keeps, except the field the user typed into. */
function everythingShownAndKept(sidebar: Sidebar): string {
  const kept = [CACHE_KEY, URL_KEY].map((key) => sidebar.storage.getItem(key) ?? "");
  return [sidebar.root.textContent ?? "", ...kept].join("\n");
}

describe("library URLs with credentials", () => {
  it.each([
    `https://user:${SECRET}@libraries.example.com/acme.json`,
    `https://${SECRET}@libraries.example.com/acme.json`,
    `http://user:${SECRET}@localhost:3000/acme.json`,
  ])("refuses %s before any request, never showing the secret", async (url) => {
    // Given %s
    const sidebar = mountSidebar();
    await sidebar.app.whenIdle();
    // When it is loaded
    await loadUrl(sidebar, url);
    const shown = mustMessage(libraryPanel(sidebar));
    // Then it is refused before any request and the secret is never shown or saved
    expect(shown.kind).toBe("error");
    expect(shown.title).toBe("Library addresses must not contain a user name or password");
    expect(shown.text).toContain("***@");
    expect(everythingShownAndKept(sidebar)).not.toContain(SECRET);
    expect(noFetch.calls).toEqual([]);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
  });

  it("does not echo a token in text that is not a URL", () => {
    // Given text with a token that is not a URL
    // When it is checked
    const check = checkLibraryUrl(`user:${SECRET}@libraries.example.com/acme.json`);
    // Then the refusal does not echo the token
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it("does not echo a token after a redirect to credentials", async () => {
    // Given a library URL that redirects to an address with credentials
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url("/redirect-with-token.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then the refusal does not echo the token
    expect(shown.kind).toBe("error");
    // Node's fetch refuses to follow a redirect to such a URL; a browser may report it as the final URL.
    expect(shown.text).toMatch(
      /Could not reach the library|must not contain a user name or password/
    );
    expect(everythingShownAndKept(sidebar)).not.toContain(SECRET);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
  });

  it("refuses a final URL with credentials without echoing them", async () => {
    // Given a response whose final URL carries credentials (a browser-followed redirect)
    const response: ResponseLike = {
      ok: true,
      status: 200,
      statusText: "OK",
      url: `https://user:${SECRET}@libraries.example.com/team.json`,
      headers: { get: () => null },
      text: () => Promise.resolve(teamLibraryText()),
    };
    // When it is read
    const result = await fetchLibraryText(
      () => Promise.resolve(response),
      "https://libraries.example.com/x.json",
      { timeoutMs: 5_000, maxBytes: 1_000_000 }
    );
    // Then it is refused without echoing them
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).toContain("https://***@libraries.example.com");
  });

  it("replaces only the userinfo of quoted URLs", () => {
    // Given messages that quote URLs
    // When redacted
    // Then only the userinfo is replaced
    expect(redactUrl(`GET https://u:${SECRET}@h.example/x.json failed`)).toBe(
      "GET https://***@h.example/x.json failed"
    );
    expect(redactUrl("https://h.example/a@b.json")).toBe("https://h.example/a@b.json");
  });
});

describe("secrets in a library URL's query string or fragment", () => {
  it.each([
    [
      `https://acme.blob.core.windows.net/lib/team.json?sv=2025-01-05&se=2027-01-01&sr=b&sp=r&sig=${SAS_SIG}`,
      "https://acme.blob.core.windows.net/lib/team.json?sv=…&se=…&sr=…&sp=…&sig=…",
    ],
    [
      `https://acme.sharepoint.com/:u:/s/fin/lib.json?download=1&share=abc&token=${SECRET}`,
      "https://acme.sharepoint.com/:u:/s/fin/lib.json?download=1&share=abc&token=…",
    ],
    [
      `https://raw.githubusercontent.com/acme/lib/main/team.json?token=${SECRET}`,
      "https://raw.githubusercontent.com/acme/lib/main/team.json?token=…",
    ],
    [
      `https://h.example/t.json?access_token=${SECRET}&Key=${SECRET}&code=${SECRET}&Signature=${SECRET}`,
      "https://h.example/t.json?access_token=…&Key=…&code=…&Signature=…",
    ],
    [
      `https://s3.example/t.json?X-Amz-Credential=${SECRET}&X-Amz-Signature=${SECRET}&X-Amz-Date=20261201`,
      "https://s3.example/t.json?X-Amz-Credential=…&X-Amz-Signature=…&X-Amz-Date=20261201",
    ],
    [
      `https://storage.googleapis.com/b/t.json?X-Goog-Signature=${SECRET}&X-Goog-Credential=${SECRET}`,
      "https://storage.googleapis.com/b/t.json?X-Goog-Signature=…&X-Goog-Credential=…",
    ],
    [`https://h.example/t.json#access_token=${SECRET}`, "https://h.example/t.json#…"],
  ])("replaces the secret values of %s", (url, shown) => {
    // Given %s
    // When it is redacted
    // Then the secret values are replaced by …
    expect(redactUrl(url)).toBe(shown);
    expect(redactUrl(`GET ${url} failed`)).toBe(`GET ${shown} failed`);
  });

  it("shows ordinary query parameters as they are", () => {
    // Given ordinary query parameters
    // When redacted
    // Then they are shown as they are
    expect(redactUrl("https://h.example/t.json?version=2&download=1")).toBe(
      "https://h.example/t.json?version=2&download=1"
    );
  });

  it("uses a SAS link without ever showing the signature", async () => {
    // Given a SAS link
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url(SAS_PATH));
    // Then the library is used, the pane never shows the signature, only the remembered URL keeps it, and Load from URL reloads it
    expect(mustMessage(libraryPanel(sidebar)).kind).toBe("success");
    expect(getActiveLibrary().index.library.meta.id).toBe("acme-team");
    expect(libraryInfo(sidebar.root).Source).toBe(
      `URL: ${server.url("/sas/team.json?sv=…&se=…&sr=…&sp=…&sig=…")}`
    );
    const field = libraryPanel(sidebar).querySelector<HTMLInputElement>(
      'input[type="url"]'
    ) as HTMLInputElement;
    expect(field.value).not.toContain(SAS_SIG);
    expect(
      [sidebar.root.textContent ?? "", field.value, sidebar.storage.getItem(CACHE_KEY) ?? ""].join(
        "\n"
      )
    ).not.toContain(SAS_SIG);
    // Kept on purpose (README, team library): without the signature the address cannot be loaded again.
    expect(sidebar.storage.getItem(URL_KEY)).toBe(server.url(SAS_PATH));

    // A new session: the field shows the redacted address and loading it unchanged uses the remembered one.
    cleanUp();
    const again = mountSidebar({ fetch: nodeFetch(), storage: sidebar.storage });
    const prefilled = libraryPanel(again).querySelector<HTMLInputElement>(
      'input[type="url"]'
    ) as HTMLInputElement;
    expect(prefilled.value).toBe(server.url("/sas/team.json?sv=…&se=…&sr=…&sp=…&sig=…"));
    click(button(libraryPanel(again), "Load from URL"));
    await again.app.whenIdle();
    expect(mustMessage(libraryPanel(again)).kind).toBe("success");
    expect(server.requests.filter((r) => r === SAS_PATH)).toHaveLength(2);
  });

  it("shows a refused address without its token", async () => {
    // Given a URL with a token that the server refuses
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url(`/forbidden.json?token=${SECRET}`));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then the refusal shows the address without the token
    expect(shown.title).toBe("The server answered 403 Forbidden");
    expect(shown.details).toEqual([server.url("/forbidden.json?token=…")]);
    expect(everythingShownAndKept(sidebar)).not.toContain(SECRET);
  });

  it.each([
    ["timed out", () => new Promise<ResponseLike>(() => undefined)],
    [
      "too large",
      () =>
        Promise.resolve<ResponseLike>({
          ok: true,
          status: 200,
          statusText: "OK",
          headers: { get: () => "99999999" },
          text: () => Promise.resolve(""),
        }),
    ],
    [
      "unreachable",
      () => Promise.reject(new Error(`connect failed for https://h.example/t.json?sig=${SECRET}`)),
    ],
  ])("does not echo the signature of a download that %s", async (_, fetchFn) => {
    // Given a download that %s
    // When it fails
    const result = await fetchLibraryText(fetchFn, `https://h.example/t.json?sv=1&sig=${SECRET}`, {
      timeoutMs: 50,
      maxBytes: 1_000,
    });
    // Then the problem does not echo the signature
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).toContain("https://h.example/t.json?sv=…&sig=…");
  });

  it("does not echo the signature of a refused http address", () => {
    // Given an http address with a signature
    // When it is refused
    const check = checkLibraryUrl(`http://libraries.example.com/t.json?sig=${SECRET}`);
    // Then the refusal does not echo the signature
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it("drops an address's fragment", () => {
    // Given an address with a fragment
    // When it is checked
    // Then the fragment (never sent to the server, sometimes a token) is dropped
    expect(checkLibraryUrl(`https://h.example/t.json#access_token=${SECRET}`)).toEqual({
      ok: true,
      url: "https://h.example/t.json",
    });
  });
});

describe("library bytes that are not UTF-8", () => {
  it("refuses a Windows-1252 library at a URL, naming the byte", async () => {
    // Given a Windows-1252 library at a URL
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url("/cp1252.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then it is refused as not UTF-8 naming the byte, and nothing changes
    expect(shown.title).toBe("The library at this address is not UTF-8 text");
    expect(shown.details).toEqual([
      expect.stringMatching(/^the library is not UTF-8: byte \d+ \(0xE9\)/),
    ]);
    expect(shown.next).toMatch(/Save the library as UTF-8.*Nothing was changed/);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
    expect(sidebar.storage.getItem(CACHE_KEY)).toBeNull();
  });

  it("refuses a Windows-1252 library file", async () => {
    // Given a Windows-1252 library file
    const sidebar = mountSidebar();
    // When it is loaded
    await loadFile(sidebar, new File([Uint8Array.from(windows1252Library())], "cp1252.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then it is refused as not UTF-8
    expect(shown.title).toBe('The file "cp1252.json" is not UTF-8 text');
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
  });

  it("accepts UTF-8 with a byte-order mark", async () => {
    // Given UTF-8 with a byte-order mark, at a URL and as a file
    const sidebar = mountSidebar({ fetch: nodeFetch() });
    // When it is loaded
    await loadUrl(sidebar, server.url("/bom.json"));
    // Then it is used
    expect(getActiveLibrary().index.library.meta.id).toBe("acme-team");
    await loadFile(
      sidebar,
      new File(
        [Uint8Array.from([0xef, 0xbb, 0xbf]), teamLibraryText({ version: "2.0.1" })],
        "bom.json"
      )
    );
    expect(getActiveLibrary().index.library.meta.version).toBe("2.0.1");
  });
});

describe("hostile documents", () => {
  it("reports a file nested 100,000 deep without overflowing", async () => {
    // Given a file nested 100,000 deep
    const sidebar = mountSidebar();
    // When it is loaded
    await loadFile(sidebar, new File(["[".repeat(100_000)], "deep.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then the sidebar says so (no stack overflow) and nothing changes
    expect(shown.title).toBe('The file "deep.json" is not valid JSON');
    expect(shown.details).toEqual([expect.stringMatching(/^JSON nested deeper than 64 levels/)]);
    expect(shown.text).not.toMatch(/Maximum call stack|RangeError/);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
  });

  it("reports prototype-like keys with their paths", async () => {
    // Given a team library with a GPU "constructor" and a scenario "__proto__"
    const library = teamLibrary() as {
      gpus: Record<string, unknown>;
      scenarios: Record<string, unknown>;
    };
    library.gpus["constructor"] = library.gpus["h100-sxm"];
    const text = JSON.stringify(library).replace(
      '"scenarios":{',
      '"scenarios":{"__proto__":{"name":"x"},'
    );
    const sidebar = mountSidebar();
    // When it is loaded
    await loadFile(sidebar, new File([text], "reserved.json"));
    const shown = mustMessage(libraryPanel(sidebar));
    // Then both are reported with their paths
    expect(shown.kind).toBe("error");
    expect(shown.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^gpus\.constructor: "constructor" is a reserved key/),
        expect.stringMatching(/^scenarios\.__proto__: "__proto__" is a reserved key/),
      ])
    );
  });

  it("refuses a right-to-left override in a scenario name", async () => {
    // Given a scenario name with a right-to-left override
    const sidebar = mountSidebar();
    // When it is loaded
    await loadFile(
      sidebar,
      new File([teamLibraryText({ scenarioName: "Acme \u202Egpj.exe" })], "rlo.json")
    );
    // Then it is refused naming the character and its position
    expect(mustMessage(libraryPanel(sidebar)).details).toEqual([
      "scenarios.acme-site.name: must not contain U+202E (RIGHT-TO-LEFT OVERRIDE, a bidi control that can make text display in a misleading order) at character 6",
    ]);
    expect(getActiveLibrary().source).toEqual({ kind: "bundled" });
  });
});

describe('a GPU id "constructor" that got past validation (own-key lookups)', () => {
  function constructorLibrary(): LibraryDocument {
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    doc.gpus["constructor"] = { ...doc.gpus["h100-sxm"], name: "Constructor GPU", aliases: [] };
    doc.scenarios["ctor-1k"] = {
      ...doc.scenarios["enterprise-1k-h100"],
      name: "Ctor 1k",
      gpu: "constructor",
    };
    return doc;
  }

  it("inserts the scenario with the library-wide GPU-hour value", async () => {
    // Given such a library
    const sidebar = mountSidebar();
    // When its scenario is inserted
    await sidebar.app.whenIdle();
    // Then the insert succeeds with the library-wide value of a GPU-hour
    await expect(
      insertTemplate(sidebar.Excel, buildIndex(constructorLibrary()), "ctor-1k")
    ).resolves.toBeDefined();
  });

  it("lists the scenario with its GPU", async () => {
    // Given such a library in use
    setActiveLibrary(constructorLibrary(), { kind: "file", fileName: "ctor.json" }, new Date());
    const sidebar = mountSidebar();
    // When the sidebar lists the models
    await sidebar.app.whenIdle();
    // Then the scenario is listed with its GPU
    expect(modelOption(sidebar.root, "Ctor 1k").textContent).toContain("Constructor GPU");
  });

  it("summarizes the scenario as added, not redefined", () => {
    // Given such a library
    const after = constructorLibrary();
    after.scenarios["constructor"] = after.scenarios["ctor-1k"];
    // When the change summary is made
    const summary = summarizeLibraryChange(VALIDATED_BUNDLED_LIBRARY, after);
    // Then the new scenario is added, not redefined
    expect(summary.changedScenarios).toEqual([]);
    expect(summary.addedEntries).toEqual(expect.arrayContaining(["scenarios.constructor"]));
  });
});

describe("right-to-left library text", () => {
  const HEBREW = "ספריית הצוות 2";
  const ARABIC_SCENARIO = "موقع أكمي 2000";

  it("isolates each piece of right-to-left library text", async () => {
    // Given a library whose name and scenario are right-to-left
    const library = teamLibrary({ scenarioName: ARABIC_SCENARIO }) as {
      meta: Record<string, unknown>;
    };
    library.meta.name = HEBREW;
    library.meta.publisher = "Acme מימון";
    const sidebar = mountSidebar();
    // When it is shown
    await loadFile(sidebar, new File([JSON.stringify(library)], "rtl.json"));
    // Then each piece of library text is an isolated <bdi> with automatic direction
    expect(libraryInfo(sidebar.root).Name).toBe(HEBREW);
    const values = Array.from(libraryPanel(sidebar).querySelectorAll(".cp-info dd"));
    expect(values.length).toBeGreaterThan(0);
    for (const dd of values) {
      expect(dd.children).toHaveLength(1);
      expect(dd.firstElementChild?.tagName).toBe("BDI");
      expect(dd.firstElementChild?.getAttribute("dir")).toBe("auto");
    }
    const option = modelOption(sidebar.root, ARABIC_SCENARIO);
    expect(option.querySelector(".cp-option-name > bdi")?.textContent).toBe(ARABIC_SCENARIO);
    click(option);
    const details = panel(sidebar.root, "Models").querySelector(".cp-details") as HTMLElement;
    expect(details.querySelector("h3 > bdi")?.textContent).toBe(ARABIC_SCENARIO);
    expect(Array.from(details.querySelectorAll(".cp-fact-source > bdi")).length).toBeGreaterThan(0);
  });
});
