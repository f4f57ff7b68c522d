/**
 * The CAPPLAN functions inside HyperFormula, exactly as the workbench registers them: metadata
 * from the BUILT functions.json, implementations from the BUILT functions.js (loaded in a vm
 * context through CustomFunctions.associate, as Excel's runtime does). Needs `npm run build`.
 */
import { parseCell } from "../../../../src/model/a1";
import * as vm from "vm";
import { asExcelNamespace, createMemoryExcel } from "../../../../src/dev/excel-host";
import {
  CapplanFunctionRegistry,
  parseFunctionsJson,
} from "../../../../src/dev/workbench/capplanPlugin";
import { HyperFormulaCellStore } from "../../../../src/dev/workbench/hyperFormulaStore";
import { copyIntoThisRealm, storeForThisRealm } from "../../../../src/dev/workbench/realm";
import type { StoreChange } from "../../../../src/dev/excel-host";
import { excelError, loadBuiltFunctions } from "../../../support/customFunctionsRuntime";
import type { LoadedFunctions } from "../../../support/customFunctionsRuntime";
import { readDistFile } from "../../../support/dist";

interface Fixture {
  readonly loaded: LoadedFunctions;
  readonly registry: CapplanFunctionRegistry;
  readonly store: HyperFormulaCellStore;
  readonly sheet: string;
  /** Value of an A1 cell of the first sheet. */
  value(address: string): unknown;
  set(address: string, input: string | number | null): void;
}

function rc(address: string): [number, number] {
  const { row, col } = parseCell(address);
  return [row, col];
}

function fixture(options: { associate?: boolean } = {}): Fixture {
  const loaded = loadBuiltFunctions();
  const registry = new CapplanFunctionRegistry(
    parseFunctionsJson(JSON.parse(readDistFile("functions.json")))
  );
  if (options.associate !== false) {
    for (const [id, fn] of loaded.registered) registry.associate(id, fn);
  }
  const store = new HyperFormulaCellStore({ capplan: registry });
  const sheet = store.listSheets()[0]?.id ?? "";
  return {
    loaded,
    registry,
    store,
    sheet,
    value: (address) => store.getCell(sheet, ...rc(address)).value,
    set(address, input) {
      const [row, col] = rc(address);
      if (typeof input === "string" && input.startsWith("="))
        store.setFormula(sheet, row, col, input);
      else store.setValue(sheet, row, col, input);
    },
  };
}

describe("CAPPLAN functions in HyperFormula", () => {
  it("registers every function of the built functions.json", () => {
    const f = fixture();
    expect(f.registry.functions.length).toBe(f.loaded.metadata.size);
    expect(f.registry.missing()).toEqual([]);
  });

  it('=CAPPLAN.GPUCOST("H100",1000) equals calling the function directly', () => {
    const f = fixture();
    f.set("A1", '=CAPPLAN.GPUCOST("H100",1000)');
    expect(f.value("A1")).toBe(f.loaded.call("GPUCOST", "H100", 1000));
    expect(typeof f.value("A1")).toBe("number");
    // Lower case, explicit empty optional argument: still Excel's null for the omitted scope.
    f.set("A2", '=capplan.gpucost("H100",1000,)');
    expect(f.value("A2")).toBe(f.loaded.call("GPUCOST", "H100", 1000, null));
  });

  it("an unknown GPU gives #N/A with the function's message", () => {
    const f = fixture();
    f.set("B2", '=CAPPLAN.GPUCOST("H999",10)');
    const expected = excelError(() => f.loaded.call("GPUCOST", "H999", 10));
    expect(f.value("B2")).toBe("#N/A");
    expect(f.store.getCellError(f.sheet, 1, 1)).toEqual({
      code: "#N/A",
      message: expected.message,
    });
    expect(expected.message).toMatch(/H100/);
  });

  it("out-of-range numbers and wrong types give #VALUE! with a message the hover shows (Excel shows none for #NUM!)", () => {
    const f = fixture();
    f.set("A1", '=CAPPLAN.GPUCOST("H100",-5)');
    f.set("A2", '=CAPPLAN.GPUCOST("H100",TRUE)');
    expect(f.store.getCellError(f.sheet, 0, 0)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/count must be between 0 and/) as unknown as string,
    });
    expect(f.store.getCellError(f.sheet, 1, 0)?.code).toBe("#VALUE!");
    expect(f.store.getCellError(f.sheet, 1, 0)?.message).not.toBe("");
  });

  it("a CustomFunctions.Error of any realm keeps its message only for #VALUE! and #N/A, as Excel shows it", () => {
    const f = fixture({ associate: false });
    const thrower = (code: string) => () => {
      // A plain object from "another realm": the plugin duck-types CustomFunctions.Error.
      throw { code, message: `message of ${code}` };
    };
    f.registry.associate("GPUCOST", thrower("#NUM!"));
    f.registry.associate("GPUPOWER", thrower("#N/A"));
    f.registry.associate("BUILDCOST", thrower("#DIV/0!"));
    f.registry.associate("BUILDTIME", thrower("#VALUE!"));
    f.set("A1", '=CAPPLAN.GPUCOST("H100",1)');
    f.set("A2", '=CAPPLAN.GPUPOWER("H100",1)');
    f.set("A3", "=CAPPLAN.BUILDCOST(1)");
    f.set("A4", "=CAPPLAN.BUILDTIME(1)");
    expect(f.store.getCellError(f.sheet, 0, 0)).toEqual({ code: "#NUM!", message: "" });
    expect(f.store.getCellError(f.sheet, 1, 0)).toEqual({
      code: "#N/A",
      message: "message of #N/A",
    });
    expect(f.store.getCellError(f.sheet, 2, 0)).toEqual({ code: "#DIV/0!", message: "" });
    expect(f.store.getCellError(f.sheet, 3, 0)).toEqual({
      code: "#VALUE!",
      message: "message of #VALUE!",
    });
  });

  it("an error argument is not passed in: the cell shows it", () => {
    const f = fixture();
    f.set("A1", '=CAPPLAN.GPUCOST("H100",1/0)');
    expect(f.value("A1")).toBe("#DIV/0!");
  });

  it("RENTVSBUILD spills 15x2 and CASHFLOWS (years+1)x1, cell for cell as the function returns", () => {
    const f = fixture();
    f.set("B2", '=CAPPLAN.RENTVSBUILD("H100",1000,5)');
    const table = f.loaded.call("RENTVSBUILD", "H100", 1000, 5) as unknown[][];
    expect(table.length).toBe(15);
    table.forEach((row, i) =>
      row.forEach((cell, j) => expect(f.store.getCell(f.sheet, 1 + i, 1 + j).value).toEqual(cell))
    );
    expect(f.store.getCell(f.sheet, 2, 1).formula).toBeNull(); // spilled, not written
    expect(f.value("B17")).toBeNull();

    f.set("E1", '=CAPPLAN.CASHFLOWS("build","H100",1000,5)');
    const flows = f.loaded.call("CASHFLOWS", "build", "H100", 1000, 5) as number[][];
    expect(flows.length).toBe(6);
    flows.forEach(([v], i) => expect(f.store.getCell(f.sheet, i, 4).value).toBe(v));
  });

  it("a spill follows its arguments: grows, shrinks, and returns when unblocked", () => {
    const f = fixture();
    f.set("A1", 3);
    f.set("B1", '=CAPPLAN.CASHFLOWS("rent","H100",1000,A1)');
    const column = (): unknown[] =>
      Array.from({ length: 9 }, (_, i) => f.store.getCell(f.sheet, i, 1).value);
    const expected = (years: number): unknown[] => {
      const flows = (f.loaded.call("CASHFLOWS", "rent", "H100", 1000, years) as number[][]).map(
        (r) => r[0]
      );
      return [...flows, ...Array(9 - flows.length).fill(null)];
    };
    expect(column()).toEqual(expected(3));
    f.set("A1", 6);
    expect(column()).toEqual(expected(6));
    f.set("A1", 2);
    expect(column()).toEqual(expected(2));

    f.set("B3", "in the way");
    expect(f.value("B1")).toBe("#SPILL!");
    f.set("B3", null);
    expect(column()).toEqual(expected(2));
  });

  it("a formula over cells and names recalculates after an edit, and listeners hear it", () => {
    const f = fixture();
    f.set("A1", 1000);
    f.store.addName({ name: "CP_Count", formula: "=Sheet1!$A$1", comment: "", visible: true });
    f.set("B1", '=CAPPLAN.GPUCOST("H100",A1)*2');
    f.set("C1", '=CAPPLAN.GPUCOST("H100",CP_Count)');
    const heard: StoreChange[] = [];
    f.store.onChange((changes) => heard.push(...changes));
    f.set("A1", 2000);
    const direct = f.loaded.call("GPUCOST", "H100", 2000) as number;
    expect(f.value("B1")).toBe(direct * 2);
    expect(f.value("C1")).toBe(direct);
    const cells = heard.find((c) => c.kind === "cells");
    expect(cells).toBeDefined();
    if (cells?.kind === "cells") expect(cells.range.colCount).toBeGreaterThanOrEqual(3);
  });

  it("shows #BUSY! until the functions are associated, then computes on recalculation", () => {
    const f = fixture({ associate: false });
    f.set("A1", "=CAPPLAN.LIBRARY()");
    expect(f.value("A1")).toBe("#BUSY!");
    for (const [id, fn] of f.loaded.registered) f.registry.associate(id, fn);
    f.store.recalculate();
    expect(f.value("A1")).toBe(f.loaded.call("LIBRARY"));
  });

  it("keeps typed text as text and computes through the Excel host in one sync", async () => {
    const f = fixture();
    const host = createMemoryExcel(f.store);
    const Excel = asExcelNamespace(host.Excel);
    const values = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [["'00123", 1000, '=CAPPLAN.GPUCOST("H100",B1)']];
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values[0]).toEqual(["00123", 1000, f.loaded.call("GPUCOST", "H100", 1000)]);
    expect(host.stats.syncCount).toBe(1);
    f.store.recalculate();
    expect(f.value("A1")).toBe("00123");
  });
});

describe("Excel fidelity of the workbench engine", () => {
  it("TEXT formats as Excel does in en-US", () => {
    const f = fixture();
    f.set("A1", 1437125785.4);
    f.set("B1", '="Build is cheaper by "&TEXT(A1, "$#,##0")');
    f.set("C1", '=TEXT(0.075,"0.0%")&" / "&TEXT("12","0.00")');
    expect(f.value("B1")).toBe("Build is cheaper by $1,437,125,785");
    expect(f.value("C1")).toBe("7.5% / 12.00");
  });

  it("FIXED rounds half away from zero and groups digits as Excel does in en-US (the template's verdict uses it)", () => {
    const f = fixture();
    f.set("A1", 1437125785.5);
    f.set("B1", '="Build is cheaper by $"&FIXED(A1, 0)');
    f.set(
      "C1",
      '=FIXED(-1234.567)&" | "&FIXED(1234.567, 1, TRUE)&" | "&FIXED(1250, -2)&" | "&FIXED(0.4, 0)'
    );
    expect(f.value("B1")).toBe("Build is cheaper by $1,437,125,786");
    expect(f.value("C1")).toBe("-1,234.57 | 1234.6 | 1,300 | 0");
  });

  it("reads Excel's bare TRUE/FALSE, outside strings and sheet names", () => {
    const f = fixture();
    f.set("A1", '=IF(TRUE, "yes", "no")&" TRUE"');
    f.set("A2", "=AND(true, NOT(FALSE))");
    expect(f.value("A1")).toBe("yes TRUE");
    expect(f.value("A2")).toBe(true);
  });
});

describe("the wire between the pane and the workbook", () => {
  it("re-creates workbook data in the realm that reads it", () => {
    // A store and data from another realm, as the workbench's parent page is to the task pane.
    const foreign = vm.runInNewContext('({ list: [{ a: 1 }], nested: { b: [2, "x", null] } })') as {
      list: unknown[];
      nested: { b: unknown[] };
    };
    expect(foreign.list instanceof Array).toBe(false);
    const copy = copyIntoThisRealm(foreign) as typeof foreign;
    expect(copy).toEqual({ list: [{ a: 1 }], nested: { b: [2, "x", null] } });
    expect(copy.list instanceof Array).toBe(true);
    expect(Object.getPrototypeOf(copy.nested)).toBe(Object.prototype);

    const f = fixture();
    f.store.setSetting("capplan.templates", { sheets: [{ name: "Rent vs Build" }] });
    const seen = storeForThisRealm(f.store);
    const setting = seen.getSetting("capplan.templates");
    expect(setting).toEqual({ sheets: [{ name: "Rent vs Build" }] });
    expect(setting).not.toBe(f.store.getSetting("capplan.templates"));
    expect(seen.batch(() => 42)).toBe(42);
    expect(seen.listSheets()).toEqual(f.store.listSheets());
  });
});
