import {
  yearlyColocationCost,
  yearlyEnergyCost,
  yearlyMaintenanceCost,
  yearlyStaffCost,
  energyCost,
} from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given 2 MW of IT load", () => {
  it("when energy is priced at $0.0623/kWh, PUE 1.3, utilization 8.5/10.2, then a year costs 2000 kW x 1.3 x (8.5/10.2) x 8760 h x 0.0623", () => {
    expect(yearlyEnergyCost(2, 1.3, 8.5 / 10.2, 0.0623)).toBeCloseTo(
      2000 * 1.3 * (8.5 / 10.2) * 8760 * 0.0623,
      6
    );
  });

  it("when compared with energyCost over 12 months, then both agree", () => {
    expect(yearlyEnergyCost(2, 1.3, 0.5, 0.07)).toBeCloseTo(energyCost(2, 12, 1.3, 0.5, 0.07), 6);
  });

  it("when staff cost $150,000 per MW-year, then staff costs 2 x 150,000 a year", () => {
    expect(yearlyStaffCost(2, 150_000)).toBe(300_000);
  });

  it("when colocated at $195/kW-month, then a year costs 2000 kW x 195 x 12", () => {
    expect(yearlyColocationCost(2, 195)).toBe(2000 * 195 * 12);
  });
});

describe("Given $50M of IT capex", () => {
  it("when maintenance is 10 % per year, then it costs $5M a year", () => {
    expect(yearlyMaintenanceCost(50e6, 0.1)).toBeCloseTo(50e6 * 0.1, 6);
  });

  it("when the share is negative, then a range error names maintenanceShareOfHwPerYear", () => {
    expectModelError(
      () => yearlyMaintenanceCost(50e6, -0.1),
      "maintenanceShareOfHwPerYear",
      "range"
    );
  });

  it("when the colocation price is negative, then a range error names colocationPerKwMonth", () => {
    expectModelError(() => yearlyColocationCost(1, -195), "colocationPerKwMonth", "range");
  });
});
