import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";
import { DIST, REPO_ROOT, readDistFile } from "../../support/dist";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls, DEV_URL } = require("../../../scripts/manifest-url") as {
  rewriteManifestUrls: (xml: string, url: string) => string;
  DEV_URL: string;
};

const OFFICE_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function parse(xml: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

function elements(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === localName);
}

function resid(doc: Document, parent: string, child?: string): string[] {
  return elements(doc, parent).map((e) => {
    const target = child ? Array.from(e.children).find((c) => c.localName === child) : e;
    return target?.getAttribute("resid") ?? "";
  });
}

const source = fs.readFileSync(path.join(REPO_ROOT, "manifest.xml"), "utf8");
const devManifest = parse(source);
const packageVersion = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;

describe("manifest.xml (development)", () => {
  test("asks only for ReadWriteDocument in a Workbook TaskPaneApp", () => {
    // Given the manifest
    const root = devManifest.documentElement;
    // Then it is a Workbook TaskPaneApp asking only for ReadWriteDocument
    expect(root.namespaceURI).toBe(OFFICE_NS);
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(elements(devManifest, "Permissions")[0].textContent).toBe("ReadWriteDocument");
    const hosts = elements(devManifest, "Host").map(
      (h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type")
    );
    expect(hosts).toEqual(["Workbook", "Workbook"]);
  });

  test("uses package.json's version", () => {
    // Given the version
    // Then it is package.json's version with a fourth part
    expect(elements(devManifest, "Version")[0].textContent).toBe(`${packageVersion}.0`);
  });

  test("shares one runtime resid", () => {
    // Given the shared runtime
    const set = elements(devManifest, "Set").find(
      (s) => s.getAttribute("Name") === "SharedRuntime"
    );
    // Then Runtime, Page, FunctionFile and ShowTaskpane use one resid
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
    const runtime = resid(devManifest, "Runtime");
    expect(runtime).toHaveLength(1);
    expect(elements(devManifest, "Runtime")[0].getAttribute("lifetime")).toBe("long");
    const ids = [
      ...runtime,
      ...resid(devManifest, "Page", "SourceLocation"),
      ...resid(devManifest, "FunctionFile"),
      ...elements(devManifest, "Action")
        .filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")
        .map((a) =>
          Array.from(a.children)
            .find((c) => c.localName === "SourceLocation")
            ?.getAttribute("resid")
        ),
    ];
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids)).toEqual(new Set(["Taskpane.Url"]));
  });

  test("uses the CAPPLAN namespace", () => {
    // Given the custom functions extension point
    const nsId = resid(devManifest, "Namespace")[0];
    const value = elements(devManifest, "String")
      .find((s) => s.getAttribute("id") === nsId)
      ?.getAttribute("DefaultValue");
    // Then the namespace is CAPPLAN
    expect(value).toBe("CAPPLAN");
  });

  test("defines every resid", () => {
    // Given every resid
    const declared = new Set(
      Array.from(devManifest.getElementsByTagNameNS(BT_NS, "*"))
        .map((e) => e.getAttribute("id"))
        .filter((id): id is string => id !== null)
    );
    const used = Array.from(devManifest.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((id): id is string => id !== null);
    // Then a resource with that id exists
    expect(used.length).toBeGreaterThan(8);
    for (const id of used) expect(declared).toContain(id);
  });

  test("opens the task pane from the Home tab", () => {
    // Given the ribbon button
    const button = elements(devManifest, "Control").find(
      (c) => c.getAttribute("xsi:type") === "Button"
    );
    // Then it opens the task pane from the Home tab
    expect(button?.getElementsByTagName("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
    expect(elements(devManifest, "OfficeTab")[0].getAttribute("id")).toBe("TabHome");
  });
});

describe("dist/manifest.xml (production build)", () => {
  const deployUrl = "https://capplan.example.com/";
  const built = readDistFile("manifest.xml");

  test("leaves no localhost URL in production", () => {
    // Given the production build
    // Then no localhost URL is left and it is still well-formed
    expect(built).not.toContain("localhost");
    parse(built);
  });

  test("points every production URL at a built file", () => {
    // Given every URL in the production manifest
    const urls = Array.from(new Set(built.match(/https:\/\/[^"<\s]+/g) ?? []));
    const files = urls.filter((u) => u.startsWith(deployUrl)).map((u) => u.slice(deployUrl.length));
    // Then it points at a file the build produced
    expect(files.sort()).toEqual(
      [
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
        "functions.js",
        "functions.json",
        "taskpane.html",
      ].sort()
    );
    for (const file of files) expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    // The only other URL is the AppDomain, the deploy origin itself.
    expect(urls.filter((u) => !u.startsWith(deployUrl))).toEqual(["https://capplan.example.com"]);
  });

  test("rewrites every occurrence of the deploy URL", () => {
    // Given a deploy URL
    // When rewriting
    const twice = `<a href="${DEV_URL}x.html"/><b href="${DEV_URL}y.html"/>`;
    // Then every occurrence changes, not just the first
    expect(rewriteManifestUrls(twice, "https://cdn.contoso.com/addin")).toBe(
      '<a href="https://cdn.contoso.com/addin/x.html"/><b href="https://cdn.contoso.com/addin/y.html"/>'
    );
    expect(source.split(DEV_URL).length - 1).toBeGreaterThan(8);
  });

  test("refuses a plain http deploy URL", () => {
    // Given a plain http deploy URL
    // When rewriting
    // Then it is refused
    expect(() => rewriteManifestUrls(source, "http://contoso.com/")).toThrow(/https/);
  });
});
