/**
 * A sheet's page setup in the workbench (what the host's Worksheet.pageLayout set): Export .xlsx writes it
 * as the file's <pageSetup>, <pageMargins>, <printOptions> and print area (exportXlsx.ts), and Save keeps it
 * (snapshot.ts).
 */
import ExcelJS from "exceljs";
import { asExcelNamespace, createMemoryExcel } from "../../../../src/dev/excel-host";
import { exportXlsx } from "../../../../src/dev/workbench/exportXlsx";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import {
  captureSnapshot,
  parseSnapshot,
  restoreSnapshot,
} from "../../../../src/dev/workbench/snapshot";
import { zipEntries } from "../../../support/zipEntries";

async function storeWithMemoPage(): Promise<HyperFormulaCellStore> {
  const store = new HyperFormulaCellStore({ sheets: ["Sheet1", "Board memo"] });
  const Excel = asExcelNamespace(createMemoryExcel(store).Excel);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Board memo");
    sheet.getRange("A1").values = [["Board memo"]];
    const layout = sheet.pageLayout;
    layout.orientation = "Landscape";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    layout.centerHorizontally = true;
    layout.leftMargin = 36;
    layout.rightMargin = 36;
    layout.topMargin = 36;
    layout.bottomMargin = 36;
    layout.headerMargin = 18;
    layout.footerMargin = 18;
    layout.setPrintArea("A1:K55");
    await context.sync();
  });
  return store;
}

describe("the workbench: page setup", () => {
  it("writes landscape, fit to 1 x 1, centring, margins in inches and the print area", async () => {
    // Given a sheet set up like the Board memo, and one left at Excel's defaults
    const store = await storeWithMemoPage();

    // When exported and read back
    const bytes = await exportXlsx(store);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    const memo = book.getWorksheet("Board memo");

    // Then the memo's page setup is in the file (36 pt = 0.5 in, 18 pt = 0.25 in)
    expect(memo?.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
    });
    const xml = zipEntries(bytes);
    expect(xml.get("xl/workbook.xml")).toMatch(
      /_xlnm\.Print_Area[^>]*>&apos;Board memo&apos;!\$A\$1:\$K\$55</
    );
    // And no paper size: the sheet fits the printer's own paper, A4 or Letter
    const pageSetups = [...xml.entries()]
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map(([, text]) => /<pageSetup[^>]*>/.exec(text)?.[0] ?? "");
    expect(pageSetups.join(" ")).not.toMatch(/paperSize/);
    // And the sheet left at the defaults gets no print area
    expect(xml.get("xl/workbook.xml")).not.toMatch(/Sheet1!\$A\$1/);
  });

  it("keeps the page setup through Save and restore", async () => {
    // Given a sheet set up like the Board memo
    const store = await storeWithMemoPage();
    const id = (s: HyperFormulaCellStore) => s.findSheetByName("Board memo")?.id ?? "";

    // When the workbook is saved and restored into a fresh store
    const json = JSON.parse(
      JSON.stringify(captureSnapshot(store, (s, r, c) => store.getCellContent(s, r, c)))
    ) as unknown;
    const copy = new HyperFormulaCellStore();
    restoreSnapshot(copy, parseSnapshot(json));

    // Then the page setup is the same, and a sheet at the defaults stays at the defaults
    expect(copy.getPageLayout(id(copy))).toEqual(store.getPageLayout(id(store)));
    expect(copy.getPageLayout(id(copy)).orientation).toBe("Landscape");
    const sheet1 = copy.findSheetByName("Sheet1")?.id ?? "";
    expect(copy.getPageLayout(sheet1).orientation).toBe("Portrait");
  });
});
