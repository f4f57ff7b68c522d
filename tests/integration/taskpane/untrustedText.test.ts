/** @jest-environment jsdom */
/**
 * Library text is data: a library whose names, descriptions and sources contain HTML or script renders
 * them as text everywhere the sidebar shows them (library info, models list, details, messages, diff).
 */
import { getActiveLibrary } from "../../../src/shared-state/activeLibrary";
import {
  button,
  chooseFile,
  cleanUp,
  click,
  libraryInfo,
  modelOption,
  mountSidebar,
  mustMessage,
  panel,
  type,
  field,
} from "../../support/taskpane/harness";
import { teamLibrary } from "../../support/taskpane/libraries";

afterEach(cleanUp);

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert('scenario')</script>";
const META_NAME = '<b>Acme</b><script>alert("meta")</script>';
const SOURCE = '<a href="javascript:alert(3)">quote</a><img src=y onerror=alert(4)>';

function hostileLibrary(): string {
  const library = teamLibrary() as {
    meta: Record<string, unknown>;
    scenarios: Record<string, Record<string, unknown>>;
    gpus: Record<string, Record<string, Record<string, unknown>>>;
  };
  library.meta.name = META_NAME;
  library.meta.publisher = IMG;
  library.scenarios["acme-site"].name = IMG;
  library.scenarios["acme-site"].description = SCRIPT;
  library.scenarios["acme-script"] = {
    ...library.scenarios["acme-site"],
    name: SCRIPT,
    description: IMG,
  };
  library.gpus["h100-sxm"].systemPricePerGpu.source = SOURCE;
  return JSON.stringify(library);
}

function markupIn(root: HTMLElement): Element[] {
  return Array.from(root.querySelectorAll("img, script, a, b, iframe, object, embed"));
}

function eventHandlerAttributes(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName}.${attribute.name}`);
    }
  }
  return found;
}

describe("library text with HTML and script", () => {
  it("renders hostile library names as text", async () => {
    // Given a library whose names contain <img onerror> and <script>
    const alerts: unknown[] = [];
    window.alert = (message?: unknown) => {
      alerts.push(message);
    };
    const sidebar = mountSidebar();
    const input = panel(sidebar.root, "Library").querySelector<HTMLInputElement>(
      'input[type="file"]'
    ) as HTMLInputElement;
    chooseFile(input, new File([hostileLibrary()], `${IMG}.json`));
    // When it is loaded and used
    await sidebar.app.whenIdle();
    // Then everything renders as text and no element is created from it
    expect(getActiveLibrary().index.library.meta.name).toBe(META_NAME);

    // Library info and the success message
    expect(libraryInfo(sidebar.root).Name).toBe(META_NAME);
    expect(libraryInfo(sidebar.root).Publisher).toBe(IMG);
    expect(libraryInfo(sidebar.root).Source).toBe(`File: ${IMG}.json`);
    expect(mustMessage(panel(sidebar.root, "Library")).title).toBe(`Now using ${META_NAME} 2.0.0`);

    // The models list, search and details
    const imgOption = modelOption(sidebar.root, IMG);
    expect(imgOption.querySelector(".cp-option-name")?.textContent).toBe(IMG);
    expect(modelOption(sidebar.root, SCRIPT).querySelector(".cp-option-name")?.textContent).toBe(
      SCRIPT
    );
    type(field(panel(sidebar.root, "Models"), "Search models"), "<script>");
    type(field(panel(sidebar.root, "Models"), "Search models"), "");
    click(imgOption);
    const details = panel(sidebar.root, "Models").querySelector(".cp-details") as HTMLElement;
    expect(details.querySelector("h3")?.textContent).toBe(IMG);
    expect(details.querySelector(".cp-description")?.textContent).toBe(SCRIPT);
    expect(details.textContent).toContain(SOURCE);

    // Insert (the message names the scenario) and refresh (the diff shows the source)
    click(button(panel(sidebar.root, "Insert template"), "Insert template"));
    await sidebar.app.whenIdle();
    expect(mustMessage(panel(sidebar.root, "Insert template")).title).toBe(
      `Inserted the sheet 'Rent vs Build' for ${IMG}`
    );
    await sidebar.Excel.run(async (context) => {
      context.workbook.names.getItem("CP_SystemPricePerGpu").getRange().values = [[1]];
      await context.sync();
    });
    click(button(panel(sidebar.root, "Refresh assumptions"), "Check for updates"));
    await sidebar.app.whenIdle();
    const sourceCell = Array.from(
      panel(sidebar.root, "Refresh assumptions").querySelectorAll("td")
    ).find((td) => td.textContent === SOURCE);
    expect(sourceCell).toBeDefined();
    expect(
      panel(sidebar.root, "Refresh assumptions").querySelector("caption")?.textContent
    ).toContain(META_NAME);

    // Nothing became markup, no handler attribute exists, nothing ran
    expect(markupIn(sidebar.root)).toEqual([]);
    expect(document.querySelectorAll("img, script")).toHaveLength(0);
    expect(eventHandlerAttributes(sidebar.root)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alerts).toEqual([]);
  });

  it("renders a rejected library's problems as text", async () => {
    // Given a rejected library whose problems quote HTML
    const sidebar = mountSidebar();
    const input = panel(sidebar.root, "Library").querySelector<HTMLInputElement>(
      'input[type="file"]'
    ) as HTMLInputElement;
    const bad = { meta: { ...(teamLibrary().meta as object) }, [IMG]: 1 };
    chooseFile(input, new File([JSON.stringify(bad)], "bad.json"));
    // When it is shown
    await sidebar.app.whenIdle();
    const shown = mustMessage(panel(sidebar.root, "Library"));
    // Then the problems are text too
    expect(shown.kind).toBe("error");
    expect(shown.details.join("\n")).toContain(IMG);
    expect(markupIn(sidebar.root)).toEqual([]);
  });
});
