import {
  yearlyColocationCost,
  yearlyEnergyCost,
  yearlyMaintenanceCost,
  yearlyStaffCost,
  energyCost,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("yearly running costs of 2 MW of IT", () => {
  it("energy in Tennessee", () => {
    // Given 2 MW of IT at PUE 1.3, drawing 8.5 of 10.2 kW (= 5/6), at $0.0623/kWh
    // When a year of energy is priced
    // Then 2,000 kW × 1.3 × 5/6 = 2,166.67 kW average × 8,760 h = 18,980,000 kWh
    //      × $0.0623/kWh = $1,182,454
    expect(yearlyEnergyCost(2, 1.3, 8.5 / 10.2, 0.0623)).toBeCloseTo(1_182_454, 6);
  });

  it("a year of energy is energyCost over 12 months", () => {
    // Given 2 MW at PUE 1.3, 50 % utilization, $0.07/kWh
    // Then both give 2,000 kW × 1.3 × 0.5 × 8,760 h × $0.07/kWh = $797,160
    expect(yearlyEnergyCost(2, 1.3, 0.5, 0.07)).toBeCloseTo(797_160, 6);
    expect(energyCost(2, 12, 1.3, 0.5, 0.07)).toBeCloseTo(797_160, 6);
  });

  it("staff", () => {
    // Given staff at $150,000 per MW-year
    // Then 2 MW × $150,000 = $300,000 a year
    expect(yearlyStaffCost(2, 150_000)).toBe(300_000);
  });

  it("colocation", () => {
    // Given colocation at $195/kW-month
    // Then 2,000 kW × $195 × 12 months = $4,680,000 a year
    expect(yearlyColocationCost(2, 195)).toBe(4_680_000);
  });
});

describe("maintenance and colocation", () => {
  // Given $50M of IT capex
  it("maintenance at 10 %/yr", () => {
    // Then $50M × 0.10 = $5M a year
    expect(yearlyMaintenanceCost(50e6, 0.1)).toBeCloseTo(5_000_000, 6);
  });

  it("rejects a negative maintenance share", () => {
    // When the share is negative
    // Then a range error names maintenanceShareOfHwPerYear
    expectModelError(
      () => yearlyMaintenanceCost(50e6, -0.1),
      "maintenanceShareOfHwPerYear",
      "range"
    );
  });

  it("rejects a negative colocation price", () => {
    // When the colocation price is negative
    // Then a range error names colocationPerKwMonth
    expectModelError(() => yearlyColocationCost(1, -195), "colocationPerKwMonth", "range");
  });
});
