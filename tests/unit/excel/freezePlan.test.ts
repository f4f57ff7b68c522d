/**
 * Freeze for sharing's plan: the copies' names (Excel's 31-character rule, unique without regard to case),
 * the note, and what is refused before anything is copied.
 */
import fc from "fast-check";
import { frozenSheetName, freezeNote, planFreeze } from "../../../src/excel/freezePlan";
import { frozenContent } from "../../../src/excel/freezePlan";
import type { TemplateEntry } from "../../../src/excel/templateRegistry";

const ENTRY: TemplateEntry = {
  sheetName: "Rent vs Build",
  nameSuffix: "",
  libraryId: "capplan-default",
  libraryVersion: "1.0.0",
  scenarioId: "xai-memphis-2024",
  insertedAt: "2026-12-01T09:00:00.000Z",
  assumptions: {},
};

describe("the freeze plan", () => {
  it("names a copy '<name> (frozen)', numbered when taken, within 31 characters", () => {
    // Given sheet names, some taken
    // Then the copy's name is free (ignoring case) and fits
    expect(frozenSheetName("Rent vs Build", ["Rent vs Build"])).toBe("Rent vs Build (frozen)");
    expect(frozenSheetName("Rent vs Build", ["rent vs build (FROZEN)"])).toBe(
      "Rent vs Build (frozen 2)"
    );
    expect(frozenSheetName("Options comparison for the board", [])).toBe(
      // 31 - " (frozen)".length = 22 characters of the name: "Options comparison for"
      "Options comparison for (frozen)"
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]']/.test(s)),
        fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }),
        (name, taken) => {
          const frozen = frozenSheetName(name, taken);
          expect(frozen.length).toBeLessThanOrEqual(31);
          expect(taken.map((t) => t.toUpperCase())).not.toContain(frozen.toUpperCase());
        }
      )
    );
  });

  it("says which library and which day in the note", () => {
    // Given the library in use and a date
    // Then the note starts with the words
    expect(freezeNote("Capacity Planner default 1.2.0", new Date("2026-12-04T23:59:00Z"))).toMatch(
      /^Frozen from library Capacity Planner default 1\.2\.0 on 2026-12-04: /
    );
  });

  it("writes values so text never becomes a formula and errors stay errors", () => {
    // Given values of CAPPLAN cells as Range.values and Range.valueTypes report them
    // Then numbers stay numbers, formula-like text gets the text prefix, errors their literal
    expect(frozenContent(1.5, "Double")).toBe(1.5);
    expect(frozenContent("=SUM(A1)", "String")).toBe("'=SUM(A1)");
    expect(frozenContent("Capacity Planner default 1.0.0", "String")).toBe(
      "Capacity Planner default 1.0.0"
    );
    expect(frozenContent("#N/A", "Error")).toBe("#N/A");
    expect(frozenContent("#N/A", "String")).toBe("'#N/A");
  });

  it("refuses a sheet that is not a template, and one reading a template not chosen", () => {
    // Given a template, a plain sheet and a second template reading the first
    const sheets = [
      { id: "a", name: "Rent vs Build" },
      { id: "b", name: "Notes" },
      { id: "c", name: "Memo" },
    ];
    const entries = { a: ENTRY, c: { ...ENTRY, kind: "boardMemo" as const, sheetName: "Memo" } };
    const names = new Map([["CP_GPUCOUNT", "='Rent vs Build'!$C$5"]]);
    const read = (id: string, name: string, formula: string) => ({
      id,
      name,
      used: { row: 0, col: 0, rowCount: 1, colCount: 1 },
      formulas: [[formula]],
      values: [[1]],
      valueTypes: [["Double"]],
    });
    // When the plain sheet, or the memo alone, is chosen
    const plain = planFreeze({ entries, sheets, names, chosen: [read("b", "Notes", "=1")] });
    const memo = planFreeze({
      entries,
      sheets,
      names,
      chosen: [read("c", "Memo", "=CP_GpuCount")],
    });
    const both = planFreeze({
      entries,
      sheets,
      names,
      chosen: [read("a", "Rent vs Build", "=1"), read("c", "Memo", "=CP_GpuCount")],
    });
    // Then both are refused with what to do, and the pair is planned with the memo reading the copy
    expect(plain.ok ? "" : plain.problem).toMatch(/'Notes' is not a Capacity Planner template/);
    expect(memo.ok ? "" : memo.next).toBe(
      "Tick 'Rent vs Build' too, so the frozen copy reads its frozen copy instead of the live sheet."
    );
    expect(both.ok ? [...(both.sheets[1]?.rewrites.values() ?? [])] : []).toEqual([
      "='Rent vs Build (frozen)'!$C$5",
    ]);
  });

  it("freezes a sheet that reads a plain sheet, and says the copy still reads it live", () => {
    // Given a template whose formula reads a plain sheet that is not a template
    const sheets = [
      { id: "a", name: "Rent vs Build" },
      { id: "b", name: "Inputs" },
    ];
    const planned = planFreeze({
      entries: { a: ENTRY },
      sheets,
      names: new Map(),
      chosen: [
        {
          id: "a",
          name: "Rent vs Build",
          used: { row: 0, col: 0, rowCount: 1, colCount: 2 },
          formulas: [["=Inputs!A1*2", '=CAPPLAN.LIBRARY()&"Inputs!A1"']],
          values: [[2, "x"]],
          valueTypes: [["Double", "String"]],
        },
      ],
    });
    // Then it is planned: the CAPPLAN cell becomes a value, the other formula stays and is reported
    if (!planned.ok) throw new Error(planned.problem);
    expect(planned.sheets[0]?.capplanCells).toEqual([{ row: 0, col: 1 }]);
    expect(planned.sheets[0]?.nativeFormulas).toBe(1);
    expect(planned.sheets[0]?.readsLive).toEqual(["Inputs"]);
    expect(planned.sheets[0]?.noteCell).toEqual({ row: 2, col: 0 });
  });

  it("refuses when pointing a formula at the copies would pass Excel's 8,192 characters", () => {
    // Given a memo formula of 1,500 references to a name of the Rent vs Build sheet (7,500 characters):
    // each "CP_A+" (5 characters) becomes "'Rent vs Build (frozen)'!$C$5+" (30), 45,000 in all
    const formula = `=${Array.from({ length: 1500 }, () => "CP_A").join("+")}`;
    expect(formula.length).toBeLessThanOrEqual(8192);
    const planned = planFreeze({
      entries: { a: ENTRY, c: { ...ENTRY, sheetName: "Memo" } },
      sheets: [
        { id: "a", name: "Rent vs Build" },
        { id: "c", name: "Memo" },
      ],
      names: new Map([["CP_A", "='Rent vs Build'!$C$5"]]),
      chosen: [
        { id: "a", name: "Rent vs Build", used: null, formulas: [], values: [], valueTypes: [] },
        {
          id: "c",
          name: "Memo",
          used: { row: 0, col: 0, rowCount: 1, colCount: 1 },
          formulas: [[formula]],
          values: [[1]],
          valueTypes: [["Double"]],
        },
      ],
    });
    // Then it is refused, naming the cell
    expect(planned.ok ? "" : planned.problem).toMatch(
      /^The formula in Memo!A1, pointed at the frozen copies/
    );
  });
});
