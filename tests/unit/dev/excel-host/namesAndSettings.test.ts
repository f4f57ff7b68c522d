import { createMemoryExcel, asExcelNamespace } from "../../../../src/dev/excel-host";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: named items", () => {
  it("names a range with an absolute formula", async () => {
    // Given a range on a sheet with spaces
    const { Excel, store } = makeHost({ sheets: ["Rent vs Build"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rent vs Build");
      const target = sheet.getRange("C5");
      target.values = [[0.08]];
      const item = context.workbook.names.add("DiscountRate", target, "WACC from the library");
      item.load("name, type, value, formula, comment, visible, scope");
      const range = context.workbook.names
        .getItem("discountrate")
        .getRange()
        .load("address, values");
      // When named
      await context.sync();
      // Then the name resolves to that range with an absolute formula
      expect(item.toJSON()).toEqual({
        name: "DiscountRate",
        type: "Range",
        value: "'Rent vs Build'!$C$5",
        formula: "='Rent vs Build'!$C$5",
        comment: "WACC from the library",
        visible: true,
        scope: "Workbook",
      });
      expect(range.address).toBe("'Rent vs Build'!C5");
      expect(range.values).toEqual([[0.08]]);
    });
    expect(store.getName("DiscountRate")?.formula).toBe("='Rent vs Build'!$C$5");
  });

  it("names constants and range references from a formula string", async () => {
    // Given a formula string
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      const rate = names.add("TaxRate", "=0.21").load("type, value");
      const label = names.add("Label", '="H100"').load("type, value");
      const area = names.add("Area", "=Sheet1!$A$1:$B$2");
      const areaRange = area.getRange().load("address");
      // When named
      await context.sync();
      // Then constants are typed and a range reference resolves
      expect([rate.type, rate.value]).toEqual(["Double", 0.21]);
      expect([label.type, label.value]).toEqual(["String", "H100"]);
      expect(areaRange.address).toBe("Sheet1!A1:B2");
    });
  });

  it.each(["1abc", "has space", "A1", "r1c1", "R", "", "x-y"])(
    "refuses the invalid name %p",
    async (name) => {
      // Given the invalid name (one case per row)
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.names.add(name, "=1");
        // When added
        // Then the sync fails with InvalidArgument
        expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      });
    }
  );

  it("refuses a name that exists in another case", async () => {
    // Given an existing name
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.names.add("Capex", "=1");
      await context.sync();
      context.workbook.names.add("CAPEX", "=2");
      // When added again in another case
      // Then the sync fails with ItemAlreadyExists
      expect((await failure(() => context.sync())).code).toBe("ItemAlreadyExists");
    });
  });

  it("lists, looks up and deletes names", async () => {
    // Given names
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add("A_one", "=1");
      names.add("B.two", "=Sheet1!$B$2");
      names.load("items/name, items/type");
      const missing = names.getItemOrNullObject("Nope");
      // When listed, looked up, and deleted
      await context.sync();
      // Then the collection follows
      expect(names.items.map((n) => [n.name, n.type])).toEqual([
        ["A_one", "Double"],
        ["B.two", "Range"],
      ]);
      expect(missing.isNullObject).toBe(true);
      names.getItem("a_one").delete();
      const count = names.getCount();
      await context.sync();
      expect(count.value).toBe(1);
      names.getItem("A_one");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("gives no range for a name to a constant", async () => {
    // Given a name to a constant
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const item = context.workbook.names.add("Five", "=5");
      const maybe = item.getRangeOrNullObject();
      // When getRange is synced
      await context.sync();
      // Then it fails; getRangeOrNullObject gives a null object
      expect(maybe.isNullObject).toBe(true);
      item.getRange();
      expect((await failure(() => context.sync())).code).toBe("InvalidOperation");
    });
  });

  it("resolves a named range as a getRange address", async () => {
    // Given a named range
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Inputs", sheet.getRange("B2:C4"));
      const range = sheet.getRange("Inputs").load("address");
      // When used as a getRange address on its sheet
      await context.sync();
      // Then it resolves
      expect(range.address).toBe("Sheet1!B2:C4");
    });
  });
});

describe("in-memory Excel: settings", () => {
  it("keeps settings across sessions", async () => {
    // Given settings added in one session
    const first = makeHost();
    await first.Excel.run(async (context) => {
      context.workbook.settings.add("capplan.library", {
        id: "default",
        version: "1.2.0",
        sources: ["figures.csv"],
      });
      context.workbook.settings.add("capplan.templateVersion", 3);
    });

    const reopened = asExcelNamespace(createMemoryExcel(first.store).Excel);
    await reopened.run(async (context) => {
      const library = context.workbook.settings.getItem("capplan.library").load("key, value");
      const all = context.workbook.settings.load("items/key");
      // When the workbook is reopened over the same store
      await context.sync();
      // Then they are there
      expect(library.value).toEqual({ id: "default", version: "1.2.0", sources: ["figures.csv"] });
      expect(all.items.map((s) => s.key)).toEqual(["capplan.library", "capplan.templateVersion"]);
    });
  });

  it("replaces a setting added again or assigned", async () => {
    // Given an existing key
    const { Excel, store } = makeHost();
    // When added again or assigned
    await Excel.run(async (context) => {
      context.workbook.settings.add("k", 1);
      context.workbook.settings.add("k", 2);
      await context.sync();
      context.workbook.settings.getItem("k").value = "three";
    });
    // Then the value is replaced
    expect(store.getSetting("k")).toBe("three");
  });

  it("reports a missing setting", async () => {
    // Given a missing key
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const maybe = context.workbook.settings.getItemOrNullObject("missing");
      // When got
      await context.sync();
      // Then getItem fails with ItemNotFound and getItemOrNullObject is null
      expect(maybe.isNullObject).toBe(true);
      context.workbook.settings.getItem("missing");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("refuses a setting that is not JSON", async () => {
    // Given a value that is not JSON
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.settings.add("bad", { when: new Date(0) });
      // When added
      // Then the sync fails with InvalidArgument
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      context.workbook.settings.add("nan", Number.NaN);
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("deletes a setting from the store", async () => {
    // Given a setting
    const { Excel, store } = makeHost();
    store.setSetting("old", true);
    // When deleted
    await Excel.run(async (context) => {
      context.workbook.settings.getItem("old").delete();
    });
    // Then it is gone from the store
    expect(store.getSetting("old")).toBeUndefined();
  });
});
