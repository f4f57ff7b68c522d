/**
 * Worksheet.pageLayout (ExcelApi 1.9) on the in-memory host: Excel's defaults, writes applied at the sync,
 * and the refusals pageLayout.ts lists (each fails the sync with InvalidArgument at its location, earlier
 * operations applied, later ones dropped).
 */
import { DEFAULT_PAGE_LAYOUT } from "../../../../src/dev/excel-host";
import { failure, makeHost, must } from "../../../support/dev/excel-host/memoryHost";

const sheetId = (store: ReturnType<typeof makeHost>["store"]): string =>
  must(store.findSheetByName("Memo"), "sheet").id;

describe("in-memory Excel: page layout", () => {
  it("reads Excel's defaults for a new sheet", async () => {
    // Given a new sheet
    const { Excel } = makeHost({ sheets: ["Memo"] });
    // When its page layout is loaded
    const page = await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Memo").pageLayout;
      layout.load("orientation, zoom, centerHorizontally, leftMargin, topMargin, headerMargin");
      await context.sync();
      return {
        orientation: layout.orientation,
        zoom: layout.zoom,
        center: layout.centerHorizontally,
        margins: [layout.leftMargin, layout.topMargin, layout.headerMargin],
      };
    });
    // Then it is portrait at 100 % with Excel's "Normal" margins (0.7 in, 0.75 in, 0.3 in = 50.4, 54, 21.6 pt)
    expect(page).toEqual({
      orientation: "Portrait",
      zoom: { scale: 100 },
      center: false,
      margins: [50.4, 54, 21.6],
    });
  });

  it("sets orientation, fit to pages, centring, margins and the print area at the sync", async () => {
    // Given a sheet
    const { Excel, store, host } = makeHost({ sheets: ["Memo"] });
    // When the memo's page setup is queued and synced once
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Memo").pageLayout;
      layout.orientation = Excel.PageOrientation.landscape;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      layout.centerHorizontally = true;
      layout.leftMargin = 36;
      layout.footerMargin = 18;
      layout.setPrintArea("A1:K55");
      expect(store.getPageLayout(sheetId(store))).toBe(DEFAULT_PAGE_LAYOUT);
      await context.sync();
    });
    // Then the store holds it, in one round trip
    expect(host.stats.syncCount).toBe(1);
    expect(store.getPageLayout(sheetId(store))).toEqual({
      ...DEFAULT_PAGE_LAYOUT,
      orientation: "Landscape",
      zoom: { scale: null, horizontalFitToPages: 1, verticalFitToPages: 1 },
      centerHorizontally: true,
      margins: { ...DEFAULT_PAGE_LAYOUT.margins, left: 36, footer: 18 },
      printArea: { row: 0, col: 0, rowCount: 55, colCount: 11 },
    });
    // And a load reads the fit back as Excel reports it
    const zoom = await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Memo").pageLayout.load("zoom");
      await context.sync();
      return layout.zoom;
    });
    expect(zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  it.each([
    ["orientation", (l: Excel.PageLayout) => (l.orientation = "Sideways" as "Portrait")],
    ["zoom", (l: Excel.PageLayout) => (l.zoom = { scale: 5 })],
    ["zoom", (l: Excel.PageLayout) => (l.zoom = { scale: 50, horizontalFitToPages: 1 })],
    ["zoom", (l: Excel.PageLayout) => (l.zoom = { verticalFitToPages: 1.5 })],
    ["zoom", (l: Excel.PageLayout) => (l.zoom = {})],
    ["leftMargin", (l: Excel.PageLayout) => (l.leftMargin = -1)],
    [
      "centerHorizontally",
      (l: Excel.PageLayout) => (l.centerHorizontally = 1 as unknown as boolean),
    ],
  ])("refuses a bad %s with InvalidArgument at the sync", async (property, write) => {
    // Given a sheet whose orientation is set first in the same batch
    const { Excel, store } = makeHost({ sheets: ["Memo"] });
    // When a bad value is queued after it
    const error = await failure(() =>
      Excel.run(async (context) => {
        const layout = context.workbook.worksheets.getItem("Memo").pageLayout;
        layout.orientation = "Landscape";
        write(layout);
        layout.topMargin = 10;
        await context.sync();
      })
    );
    // Then the sync fails there: the write before is applied, the one after is not
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe(`PageLayout.${property}`);
    const layout = store.getPageLayout(sheetId(store));
    expect(layout.orientation).toBe("Landscape");
    expect(layout.margins.top).toBe(DEFAULT_PAGE_LAYOUT.margins.top);
  });

  it("refuses a print area on another sheet, and models one rectangle only", async () => {
    // Given two sheets
    const { Excel } = makeHost({ sheets: ["Memo", "Other"] });
    const setArea = (area: string | ((c: Excel.RequestContext) => Excel.Range)) =>
      failure(() =>
        Excel.run(async (context) => {
          const layout = context.workbook.worksheets.getItem("Memo").pageLayout;
          layout.setPrintArea(typeof area === "string" ? area : area(context));
          await context.sync();
        })
      );
    // When the print area names another sheet, or several areas
    // Then Excel's refusal (another sheet), and the host's own limit (several areas)
    expect((await setArea("Other!A1:B2")).code).toBe("InvalidArgument");
    expect((await setArea((c) => c.workbook.worksheets.getItem("Other").getRange("A1"))).code).toBe(
      "InvalidArgument"
    );
    expect((await setArea("A1:B2,D1:E2")).code).toBe("UnsupportedOperation");
  });

  it("keeps the page setup on a copy of the sheet, as Excel's Move or Copy does", async () => {
    // Given a sheet set to landscape with a print area
    const { Excel, store } = makeHost({ sheets: ["Memo"] });
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Memo").pageLayout;
      layout.orientation = "Landscape";
      layout.setPrintArea("A1:K55");
      await context.sync();
    });
    // When the sheet is copied (ExcelApi 1.10)
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Memo");
      sheet.copy("After", sheet);
      await context.sync();
    });
    // Then the copy prints as the original
    const copy = must(store.findSheetByName("Memo (2)"), "copy").id;
    expect(store.getPageLayout(copy)).toEqual(store.getPageLayout(sheetId(store)));
    expect(store.getPageLayout(copy).orientation).toBe("Landscape");
  });
});
