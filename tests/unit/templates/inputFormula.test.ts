import { isSafeInputFormula } from "../../../src/templates/inputFormula";

const NAMES = ["CP_RentalRate", "CP_GpuCount"];

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
    '=WEBSERVICE("https://evil.example")',
    "=HYPERLINK(CP_RentalRate)",
    "=CP_RentalRate(1)",
    "=A1*2",
    "=Sheet2!A1",
    "=[book.xlsx]Sheet1!A1",
    "=cmd|' /c calc'!A0",
    "=CP_Other+1",
    "=(1+2",
    "=1+2)",
    "=",
    "0.05",
    `=${"1+".repeat(600)}1`,
  ])("refuses anything else: %s", (formula) =>
    expect(isSafeInputFormula(formula, NAMES)).toBe(false)
  );
});
