import {
  ModelInputError,
  clusterCost,
  facilityCapex,
  gpuCost,
  serverCost,
} from "../../../src/model/finance";
import { expectModelError } from "./fixtures";

describe("Given GPU and server prices", () => {
  it("when 100 GPUs cost $30,000 each, then the GPUs cost 100 x 30,000", () => {
    expect(gpuCost(30_000, 100)).toBe(100 * 30_000);
  });

  it("when servers are $37,500 per GPU for 8 GPUs, then the servers cost 8 x 37,500 (one HGX box)", () => {
    expect(serverCost(37_500, 8)).toBe(300_000);
  });

  it("when networking is 20 % of the cluster, then cluster = servers / (1 - 0.2)", () => {
    expect(clusterCost(40_000, 1000, 0.2)).toBeCloseTo((40_000 * 1000) / 0.8, 6);
  });

  it("when networking share is 0, then the cluster costs the same as the servers", () => {
    expect(clusterCost(40_000, 1000, 0)).toBe(serverCost(40_000, 1000));
  });

  it("when the count is 0, then every capex is 0", () => {
    expect(gpuCost(30_000, 0)).toBe(0);
    expect(serverCost(30_000, 0)).toBe(0);
    expect(clusterCost(30_000, 0, 0.12)).toBe(0);
  });
});

describe("Given invalid capex inputs", () => {
  it("when the count is negative, then a range error names the count", () => {
    expectModelError(() => gpuCost(30_000, -1), "count", "range");
  });

  it("when the network share is 1 or more, then a range error names networkShare", () => {
    expectModelError(() => clusterCost(40_000, 10, 1), "networkShare", "range");
    expectModelError(() => clusterCost(40_000, 10, 1.5), "networkShare", "range");
    expectModelError(() => clusterCost(40_000, 10, -0.1), "networkShare", "range");
  });

  it("when a price is NaN or not a number, then a type error names it", () => {
    expectModelError(() => gpuCost(Number.NaN, 1), "chipPrice", "type");
    expectModelError(
      () => serverCost("37500" as unknown as number, 1),
      "systemPricePerGpu",
      "type"
    );
  });

  it("when a price is infinite, then a range error names it", () => {
    expectModelError(() => gpuCost(Number.POSITIVE_INFINITY, 1), "chipPrice", "range");
  });

  it("when the product overflows, then a range error is thrown instead of Infinity", () => {
    expect(() => gpuCost(1e300, 1e300)).toThrow(ModelInputError);
  });
});

describe("Given a facility of 127.5 MW at $11.7M/MW", () => {
  it("when the multiplier is 1, then facility capex = 127.5 x 11.7M", () => {
    expect(facilityCapex(127.5, 11.7e6, 1)).toBeCloseTo(127.5 * 11.7e6, 0);
  });

  it("when the multiplier is 1.5, then facility capex is 1.5 times as much", () => {
    expect(facilityCapex(127.5, 11.7e6, 1.5)).toBeCloseTo(127.5 * 11.7e6 * 1.5, 0);
  });

  it("when the multiplier is negative, then a range error names it", () => {
    expectModelError(() => facilityCapex(127.5, 11.7e6, -1), "multiplier", "range");
  });
});
