import {
  ModelInputError,
  clusterCost,
  facilityCapex,
  gpuChipCost,
  serverCost,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("gpuChipCost, serverCost and clusterCost", () => {
  it("GPUs alone", () => {
    // Given 100 GPUs at $30,000 each
    // Then the accelerators cost 100 × $30,000 = $3,000,000
    expect(gpuChipCost(30_000, 100)).toBe(3_000_000);
  });

  it("one HGX H100 box", () => {
    // Given 8 GPUs at $37,500 of server per GPU
    // Then the server costs 8 × $37,500 = $300,000 (server.hgx_h100_8gpu.price in figures.csv)
    expect(serverCost(37_500, 8)).toBe(300_000);
  });

  it("networking is a share of the whole cluster", () => {
    // Given $40M of servers (1,000 × $40,000) and networking 20 % of the cluster
    // Then the cluster costs $40M / (1 - 0.2) = $50M, of which $10M networking
    expect(clusterCost(40_000, 1000, 0.2)).toBeCloseTo(50_000_000, 6);
  });

  it("no networking share", () => {
    // Then the cluster costs what its servers do: 1,000 × $40,000 = $40M
    expect(clusterCost(40_000, 1000, 0)).toBe(40_000_000);
    expect(clusterCost(40_000, 1000, 0)).toBe(serverCost(40_000, 1000));
  });

  it("costs nothing for 0 GPUs", () => {
    // When the count is 0
    // Then every capex is 0
    expect(gpuChipCost(30_000, 0)).toBe(0);
    expect(serverCost(30_000, 0)).toBe(0);
    expect(clusterCost(30_000, 0, 0.12)).toBe(0);
  });
});

describe("capex with invalid inputs", () => {
  // Given invalid capex inputs
  it("rejects a negative count", () => {
    // When the count is negative
    // Then a range error names the count
    expectModelError(() => gpuChipCost(30_000, -1), "count", "range");
  });

  it("rejects a network share of 1 or more", () => {
    expectModelError(() => clusterCost(40_000, 10, 1), "networkShare", "range");
    expectModelError(() => clusterCost(40_000, 10, 1.5), "networkShare", "range");
    // When the network share is 1 or more
    // Then a range error names networkShare
    expectModelError(() => clusterCost(40_000, 10, -0.1), "networkShare", "range");
  });

  it("rejects a price that is NaN or not a number", () => {
    expectModelError(() => gpuChipCost(Number.NaN, 1), "chipPrice", "type");
    // When a price is NaN or not a number
    // Then a type error names it
    expectModelError(
      () => serverCost("37500" as unknown as number, 1),
      "systemPricePerGpu",
      "type"
    );
  });

  it("rejects an infinite price", () => {
    // When a price is infinite
    // Then a range error names it
    expectModelError(() => gpuChipCost(Number.POSITIVE_INFINITY, 1), "chipPrice", "range");
  });

  it("throws instead of overflowing to Infinity", () => {
    // When the product overflows
    // Then a range error is thrown instead of Infinity
    expect(() => gpuChipCost(1e300, 1e300)).toThrow(ModelInputError);
  });
});

describe("facilityCapex", () => {
  // Given Colossus' 127.5 MW of IT at $11.7M per MW (facility.construction_cost_per_mw)

  it("as quoted", () => {
    // Then 127.5 MW × $11.7M = $1,491,750,000 (the 1.49 bn of docs/model.md §8)
    expect(facilityCapex(127.5, 11.7e6, 1)).toBeCloseTo(1_491_750_000, 0);
  });

  it("with a 1.5 multiplier", () => {
    // Then 1.5 × $1,491,750,000 = $2,237,625,000
    expect(facilityCapex(127.5, 11.7e6, 1.5)).toBeCloseTo(2_237_625_000, 0);
  });

  it("rejects a negative multiplier", () => {
    // When the multiplier is negative
    // Then a range error names it
    expectModelError(() => facilityCapex(127.5, 11.7e6, -1), "multiplier", "range");
  });
});
