/** The grid's number formats: what Excel shows for the codes the template uses, and a few more. */
import {
  formatCellValue,
  formatGeneral,
  formatGeneralToWidth,
} from "../../../../src/dev/workbench/numberFormat";

const show = (value: number | string | boolean | null, format: string): string =>
  formatCellValue(value, format).text;

describe("formatCellValue", () => {
  it.each([
    [1234567.891, "$#,##0", "$1,234,568"],
    [-1234567.891, "$#,##0", "-$1,234,568"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [0.08123, "$0.0000", "$0.0812"],
    [0.075, "0.0%", "7.5%"],
    [1.3, "0%", "130%"],
    [14.25, '0.0 "mo"', "14.3 mo"],
    [4, '0 "mo"', "4 mo"],
    [150.25, '#,##0.0 "MW"', "150.3 MW"],
    [1.2, '0.000 "kW"', "1.200 kW"],
    [100000, "#,##0", "100,000"],
    [1.23456, "0.00", "1.23"],
    [0.5, "#.00", ".50"],
    [1, "0", "1"],
    [2024, "0", "2024"],
    [-5, "0;(0)", "(5)"],
    [0, '0;-0;"zero"', "zero"],
    [1234567, "#,##0,", "1,235"],
    [12345, "0.00E+00", "1.23E+04"],
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [45658, "m/d/yyyy", "1/1/2025"],
    [3.5, "General", "3.5"],
  ])("%p with %p shows %p", (value, format, expected) => {
    expect(show(value, format)).toBe(expected);
  });

  it("shows text, booleans, errors and empty cells as Excel does", () => {
    expect(show("Rent vs Build", "$#,##0")).toBe("Rent vs Build");
    expect(show("x", '0;0;0;"<"@">"')).toBe("<x>");
    expect(show(true, "0")).toBe("TRUE");
    expect(show("#N/A", "$#,##0")).toBe("#N/A");
    expect(show(null, "$#,##0")).toBe("");
    expect(formatCellValue(-1, "0;[Red]-0").color).toBe("#FF0000");
  });

  it("General keeps 11 characters", () => {
    expect(formatGeneral(1 / 3)).toBe("0.333333333");
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
    expect(formatGeneral(42)).toBe("42");
    expect(formatGeneral(-0.000000000123)).toBe("-1.23E-10");
  });
});

describe("formatGeneralToWidth", () => {
  it("fits a number into a column as Excel's General does", () => {
    expect(formatGeneralToWidth(42613636.36363637, 8)).toBe("42613636");
    expect(formatGeneralToWidth(42613636.36363637, 7)).toBe("4.3E+07");
    expect(formatGeneralToWidth(3.14159265, 5)).toBe("3.142");
    expect(formatGeneralToWidth(-1234.5, 11)).toBe("-1234.5");
    expect(formatGeneralToWidth(123456789, 3)).toBe("###");
  });
});
