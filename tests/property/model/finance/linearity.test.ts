/** Costs that should scale with the number of GPUs do so exactly (up to rounding). */
import fc from "fast-check";
import {
  buildCashFlows,
  clusterCost,
  energyCost,
  gpuChipCost,
  itLoadMw,
  rentCashFlows,
  rentCost,
  serverCost,
} from "../../../../src/model/finance";
import { validBuild, validRent } from "../../../support/model/finance/arbitraries";

const real = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true });
const factor = fc.integer({ min: 2, max: 1000 });

function expectScaled(scaled: number, base: number, k: number): void {
  const expected = k * base;
  expect(Math.abs(scaled - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe("linearity in the count", () => {
  // Given a count multiplied by k
  it("scales capex by k", () => {
    // When GPU, server and cluster capex are computed
    // Then each is k times as large
    fc.assert(
      fc.property(real(0, 1e6), real(0, 1e6), real(0, 0.95), factor, (price, count, share, k) => {
        expectScaled(gpuChipCost(price, k * count), gpuChipCost(price, count), k);
        expectScaled(serverCost(price, k * count), serverCost(price, count), k);
        expectScaled(clusterCost(price, k * count, share), clusterCost(price, count, share), k);
      })
    );
  });

  it("scales IT load and energy by k", () => {
    // When IT load and energy are computed
    // Then each is k times as large
    fc.assert(
      fc.property(
        real(0, 1e6),
        real(0, 200),
        real(0, 240),
        real(1, 3),
        real(0, 1),
        real(0, 1),
        factor,
        (count, kw, months, pue, u, price, k) => {
          const mw = itLoadMw(count, kw);
          expectScaled(itLoadMw(k * count, kw), mw, k);
          expectScaled(
            energyCost(itLoadMw(k * count, kw), months, pue, u, price),
            energyCost(mw, months, pue, u, price),
            k
          );
        }
      )
    );
  });

  it("scales rent by k", () => {
    // When rent is computed
    // Then it is k times as large
    fc.assert(
      fc.property(
        real(0, 1e6),
        real(0, 360),
        real(0, 100),
        real(-1, 1),
        factor,
        (count, months, rate, g, k) => {
          expectScaled(rentCost(k * count, months, rate, g), rentCost(count, months, rate, g), k);
        }
      )
    );
  });

  it("scales yearly cash flows by k", () => {
    fc.assert(
      fc.property(
        validBuild,
        validRent,
        fc.integer({ min: 1, max: 30 }),
        factor,
        (b, r, horizon, k) => {
          const build = buildCashFlows(b, horizon);
          const buildK = buildCashFlows({ ...b, gpuCount: k * b.gpuCount }, horizon);
          // When yearly build and rent cash flows are computed
          const scale = Math.max(...build.map(Math.abs), 1);
          // Then every year is k times as large
          build.forEach((cf, y) =>
            expect(Math.abs(buildK[y] - k * cf)).toBeLessThanOrEqual(1e-9 * k * scale)
          );
          const rent = rentCashFlows(r, horizon);
          const rentK = rentCashFlows({ ...r, gpuCount: k * r.gpuCount }, horizon);
          rent.forEach((cf, y) => expectScaled(rentK[y], cf, k));
        }
      )
    );
  });
});
