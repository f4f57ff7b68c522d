import { createMemoryExcel, asExcelNamespace } from "../../../../src/dev/excel-host";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel: named items", () => {
  it("Given a range on a sheet with spaces, When named, Then the name resolves to that range with an absolute formula", async () => {
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
      await context.sync();
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

  it("Given a formula string, When named, Then constants are typed and a range reference resolves", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      const rate = names.add("TaxRate", "=0.21").load("type, value");
      const label = names.add("Label", '="H100"').load("type, value");
      const area = names.add("Area", "=Sheet1!$A$1:$B$2");
      const areaRange = area.getRange().load("address");
      await context.sync();
      expect([rate.type, rate.value]).toEqual(["Double", 0.21]);
      expect([label.type, label.value]).toEqual(["String", "H100"]);
      expect(areaRange.address).toBe("Sheet1!A1:B2");
    });
  });

  it.each(["1abc", "has space", "A1", "r1c1", "R", "", "x-y"])(
    "Given the invalid name %p, When added, Then the sync fails with InvalidArgument",
    async (name) => {
      const { Excel } = makeHost();
      await Excel.run(async (context) => {
        context.workbook.names.add(name, "=1");
        expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      });
    }
  );

  it("Given an existing name, When added again in another case, Then the sync fails with ItemAlreadyExists", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.names.add("Capex", "=1");
      await context.sync();
      context.workbook.names.add("CAPEX", "=2");
      expect((await failure(() => context.sync())).code).toBe("ItemAlreadyExists");
    });
  });

  it("Given names, When listed, looked up, and deleted, Then the collection follows", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add("A_one", "=1");
      names.add("B.two", "=Sheet1!$B$2");
      names.load("items/name, items/type");
      const missing = names.getItemOrNullObject("Nope");
      await context.sync();
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

  it("Given a name to a constant, When getRange is synced, Then it fails; getRangeOrNullObject gives a null object", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const item = context.workbook.names.add("Five", "=5");
      const maybe = item.getRangeOrNullObject();
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      item.getRange();
      expect((await failure(() => context.sync())).code).toBe("InvalidOperation");
    });
  });

  it("Given a named range, When used as a getRange address on its sheet, Then it resolves", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Inputs", sheet.getRange("B2:C4"));
      const range = sheet.getRange("Inputs").load("address");
      await context.sync();
      expect(range.address).toBe("Sheet1!B2:C4");
    });
  });
});

describe("in-memory Excel: settings", () => {
  it("Given settings added in one session, When the workbook is reopened over the same store, Then they are there", async () => {
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
      await context.sync();
      expect(library.value).toEqual({ id: "default", version: "1.2.0", sources: ["figures.csv"] });
      expect(all.items.map((s) => s.key)).toEqual(["capplan.library", "capplan.templateVersion"]);
    });
  });

  it("Given an existing key, When added again or assigned, Then the value is replaced", async () => {
    const { Excel, store } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.settings.add("k", 1);
      context.workbook.settings.add("k", 2);
      await context.sync();
      context.workbook.settings.getItem("k").value = "three";
    });
    expect(store.getSetting("k")).toBe("three");
  });

  it("Given a missing key, When got, Then getItem fails with ItemNotFound and getItemOrNullObject is null", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      const maybe = context.workbook.settings.getItemOrNullObject("missing");
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      context.workbook.settings.getItem("missing");
      expect((await failure(() => context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("Given a value that is not JSON, When added, Then the sync fails with InvalidArgument", async () => {
    const { Excel } = makeHost();
    await Excel.run(async (context) => {
      context.workbook.settings.add("bad", { when: new Date(0) });
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
      context.workbook.settings.add("nan", Number.NaN);
      expect((await failure(() => context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("Given a setting, When deleted, Then it is gone from the store", async () => {
    const { Excel, store } = makeHost();
    store.setSetting("old", true);
    await Excel.run(async (context) => {
      context.workbook.settings.getItem("old").delete();
    });
    expect(store.getSetting("old")).toBeUndefined();
  });
});
