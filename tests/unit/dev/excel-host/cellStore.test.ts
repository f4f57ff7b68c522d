import { DEFAULT_CELL_FORMAT, MemoryCellStore } from "../../../../src/dev/excel-host";
import type { StoreChange } from "../../../../src/dev/excel-host";

describe("MemoryCellStore", () => {
  it("starts with one visible active Sheet1", () => {
    // Given a new store
    const store = new MemoryCellStore();
    // When listed
    const sheets = store.listSheets();
    // Then it has one visible active sheet named Sheet1
    expect(sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(sheets[0]?.visibility).toBe("Visible");
    expect(store.getActiveSheetId()).toBe(sheets[0]?.id);
  });

  it("reads a formula's value as null without an evaluator", () => {
    // Given values and formulas
    const store = new MemoryCellStore();
    const id = store.listSheets()[0]?.id ?? "";
    store.setValue(id, 0, 0, 42);
    store.setFormula(id, 0, 1, "=A1*2");
    // When read
    // Then a formula's value is null without an evaluator
    expect(store.getCell(id, 0, 0)).toEqual({ value: 42, formula: null });
    expect(store.getCell(id, 0, 1)).toEqual({ value: null, formula: "=A1*2" });
    expect(store.getCell(id, 9, 9)).toEqual({ value: null, formula: null });
  });

  it("reads formula values from the evaluate hook", () => {
    // Given an evaluate hook
    const store = new MemoryCellStore({
      evaluate: (formula) => (formula === "=1+1" ? 2 : "#NAME?"),
    });
    const id = store.listSheets()[0]?.id ?? "";
    store.setFormula(id, 0, 0, "=1+1");
    store.setFormula(id, 1, 0, "=nope()");
    // When a formula cell is read
    // Then its value comes from the hook
    expect(store.getCell(id, 0, 0).value).toBe(2);
    expect(store.getCell(id, 1, 0).value).toBe("#NAME?");
    expect(store.evaluateFormula("=1+1")).toBe(2);
  });

  it("keeps default format parts a patch leaves out", () => {
    // Given formats
    const store = new MemoryCellStore();
    const id = store.listSheets()[0]?.id ?? "";
    store.setFormat(id, 2, 2, { font: { bold: true }, fillColor: "#FFF2CC" });
    // When patched
    const format = store.getFormat(id, 2, 2);
    // Then unspecified parts keep their defaults
    expect(format.font).toEqual({ ...DEFAULT_CELL_FORMAT.font, bold: true });
    expect(format.fillColor).toBe("#FFF2CC");
    expect(format.numberFormat).toBe("General");
    expect(store.getUsedBounds(id, true)).toBeNull();
    expect(store.getUsedBounds(id, false)).toEqual({ row: 2, col: 2, rowCount: 1, colCount: 1 });
  });

  it("follows a sheet rename in formulas and names", () => {
    // Given formulas and names on a sheet
    const store = new MemoryCellStore({ sheets: ["Inputs", "Model"] });
    const [inputs, model] = store.listSheets();
    store.setFormula(model?.id ?? "", 0, 0, "=Inputs!B2*2");
    store.addName({ name: "Rate", formula: "=Inputs!$B$2", comment: "", visible: true });
    store.renameSheet(inputs?.id ?? "", "Rent vs Build");
    // When it is renamed
    // Then references follow the new name
    expect(store.getCell(model?.id ?? "", 0, 0).formula).toBe("='Rent vs Build'!B2*2");
    expect(store.getName("rate")?.formula).toBe("='Rent vs Build'!$B$2");
  });

  it("turns references to a removed sheet into #REF! and drops its charts", () => {
    // Given a sheet that others refer to
    const store = new MemoryCellStore({ sheets: ["Inputs", "Model"] });
    const [inputs, model] = store.listSheets();
    store.setFormula(model?.id ?? "", 0, 0, "=Inputs!B2*2");
    store.removeSheet(inputs?.id ?? "");
    // When it is removed
    // Then references become #REF! and its charts go
    expect(store.getCell(model?.id ?? "", 0, 0).formula).toBe("=#REF!B2*2");
    expect(store.listSheets().map((s) => s.name)).toEqual(["Model"]);
    expect(store.getActiveSheetId()).toBe(model?.id);
  });

  it("notifies a listener once per batch with coalesced ranges", () => {
    // Given a listener
    const store = new MemoryCellStore();
    const id = store.listSheets()[0]?.id ?? "";
    const heard: StoreChange[][] = [];
    const unsubscribe = store.onChange((changes) => heard.push([...changes]));
    store.batch(() => {
      store.setValue(id, 0, 0, 1);
      store.setValue(id, 3, 2, 2);
      store.setSetting("k", { a: 1 });
    });
    // When changes happen in a batch
    // Then it hears once with coalesced ranges
    expect(heard).toEqual([
      [
        { kind: "cells", sheetId: id, range: { row: 0, col: 0, rowCount: 4, colCount: 3 } },
        { kind: "settings" },
      ],
    ]);
    unsubscribe();
    store.setValue(id, 0, 0, 5);
    expect(heard).toHaveLength(1);
  });

  it("stores settings as copies", () => {
    // Given a setting
    const store = new MemoryCellStore();
    store.setSetting("library", { id: "default", version: "1.0.0" });
    const read = store.getSetting("library");
    if (read !== null && typeof read === "object" && !Array.isArray(read)) read["version"] = "9";
    // When read back and mutated
    // Then the stored value is a copy
    expect(store.getSetting("library")).toEqual({ id: "default", version: "1.0.0" });
  });
});
