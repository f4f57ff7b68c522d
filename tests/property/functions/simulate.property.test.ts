/**
 * SIMULATE over the built bundle for any valid case (GPUs and regions of the bundled library, any count, horizon
 * and approach, few trials, any seed): every number it spills is finite, or the call is a proper Excel error
 * (a GPU without the rental asked for is #N/A, never a NaN in a cell).
 */
import fc from "fast-check";
import { BUNDLED_LIBRARY as LIB } from "../../../src/model/library/bundledLibrary";
import {
  CustomFunctionsError,
  ErrorCode,
  loadBuiltFunctions,
  type LoadedFunctions,
} from "../../support/customFunctionsRuntime";

let fns: LoadedFunctions;
beforeAll(() => {
  fns = loadBuiltFunctions();
});

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

describe("SIMULATE, any valid case", () => {
  test("spills finite numbers and text, or throws a CustomFunctions.Error with a message", () => {
    let spilled = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(LIB.gpus)),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(null, ...Object.keys(LIB.regions)),
        fc.constantFrom(null, "on-demand", "1yr", "3yr"),
        fc.constantFrom(null, "standard", "fast-track", "colocation", "bridge"),
        fc.integer({ min: 100, max: 300 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (gpu, count, years, region, term, approach, trials, seed) => {
          let rows: unknown;
          try {
            rows = fns.call("SIMULATE", gpu, count, years, region, term, approach, trials, seed);
          } catch (error) {
            if (!(error instanceof CustomFunctionsError)) throw error;
            expect(ERROR_CODES.has(error.code)).toBe(true);
            expect(error.message.length).toBeGreaterThan(0);
            return;
          }
          expect(Array.isArray(rows)).toBe(true);
          spilled++;
          for (const row of rows as unknown[][]) {
            expect(row).toHaveLength(2);
            expect(typeof row[0]).toBe("string");
            const value = row[1];
            if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
            else expect(typeof value).toBe("string");
          }
        }
      ),
      { numRuns: 25 }
    );
    // And the property is not vacuous: some cases spill (only a GPU without the rental asked for does not)
    expect(spilled).toBeGreaterThan(0);
  });
});
