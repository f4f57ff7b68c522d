import { INPUT_FORMULA_FUNCTIONS, isSafeInputFormula } from "../../../src/templates/inputFormula";

const NAMES = ["CP_RentalRate", "CP_GpuCount", "CP_GpuPrice"];

describe("isSafeInputFormula: what undo may write back into an input", () => {
  it.each([
    "=0.05+0.01",
    "=(1+2)*3/4^2-5%",
    "=cp_rentalrate/40+0.01",
    "=-CP_GpuCount*1.5e3",
    "= 2 ",
  ])("accepts arithmetic over numbers and the sheet's names: %s", (formula) =>
    expect(isSafeInputFormula(formula, NAMES)).toBe(true)
  );

  it.each([
    "=ROUND(CP_GpuPrice*0.9,-2)",
    "=round(CP_GpuPrice * 0.9, -2)",
    "=MIN(CP_GpuPrice,40000)",
    "=MAX(CP_GpuPrice*1.1, 30000)",
    "=SUM(CP_GpuCount,1,2)",
    "=AVERAGE(CP_RentalRate,2.5)",
    "=ABS(-CP_RentalRate)",
    "=IF(CP_GpuCount>1000,CP_GpuPrice*0.95,CP_GpuPrice)",
    "=IF(AND(CP_GpuCount>=10,NOT(CP_RentalRate<>2)),1,0)",
    "=IF(CP_GpuCount>1,TRUE,FALSE)",
    '=IF(CP_GpuCount>1,"bulk","single")',
    "=ROUNDUP(MAX(B5:B9)*1.05,0)",
    "=$B$5*2+C7",
    "=SUM(B5:$C$9)/CP_GpuCount",
    "=MIN(ROUND(CP_GpuPrice,0),MAX(1,2))",
  ])("accepts pure worksheet functions, same-sheet cells and the sheet's names: %s", (formula) =>
    expect(isSafeInputFormula(formula, NAMES)).toBe(true)
  );

  it.each([
    '=WEBSERVICE("https://evil.example")',
    "=HYPERLINK(CP_RentalRate)",
    '=INDIRECT("A1")',
    "=CALL(1)",
    "=REGISTER(1)",
    "=EXEC(1)",
    "=RTD(1)",
    '=FILTERXML("<a/>","//a")',
    "=IMPORTRANGE(1)",
    "=NOW()",
    "=RAND()",
    "=OFFSET(A1,1,1)",
    "=CP_RentalRate(1)",
    "=ROUND(CP_RentalRate)(1)",
    "=ROUND (CP_RentalRate,1)",
    "=Sheet2!A1",
    "=ROUND(Sheet2!A1,0)",
    "=[book.xlsx]Sheet1!A1",
    "=SUM([1]Sheet1!A1)",
    "=cmd|' /c calc'!A0",
    '=IF(1,"cmd|calc",0)',
    "=CP_Other+1",
    "=A1 B2",
    "=A:A",
    "=XFE1",
    "=A1048577",
    "=SUM((A1,B1))",
    "=ROUND(1,)",
    "=MIN()",
    "=(1+2",
    "=1+2)",
    "=1+",
    "=*1",
    "=",
    "0.05",
    "=#N/A",
    `=${"1+".repeat(600)}1`,
    `=${"(".repeat(70)}1${")".repeat(70)}`,
  ])("refuses anything else: %s", (formula) =>
    expect(isSafeInputFormula(formula, NAMES)).toBe(false)
  );

  it("allows only pure, non-volatile functions that reach nothing outside the sheet", () => {
    for (const banned of ["WEBSERVICE", "HYPERLINK", "INDIRECT", "CALL", "REGISTER", "EXEC", "RTD"])
      expect(INPUT_FORMULA_FUNCTIONS).not.toContain(banned);
    expect(INPUT_FORMULA_FUNCTIONS).toEqual(expect.arrayContaining(["ROUND", "MIN", "IF"]));
  });
});
