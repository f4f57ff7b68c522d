/**
 * SIMULATE answers a repeated argument set on the same library from a cache (a 10,000-trial run takes about
 * 0.15 s): the spill is the one a new run gives, a caller cannot change the cached copy, and a new library or
 * other arguments run afresh. Runs are counted through the one call per run to the risk settings reader.
 */
import { BUNDLED_LIBRARY } from "../../../src/model/library/bundledLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { resetActiveLibrary, setActiveLibrary } from "../../../src/shared-state/activeLibrary";

const runs = jest.fn();
jest.mock("../../../src/functions/riskSettings", () => {
  const actual = jest.requireActual<typeof import("../../../src/functions/riskSettings")>(
    "../../../src/functions/riskSettings"
  );
  return {
    riskSettingsForCurrentLibrary: () => {
      runs();
      return actual.riskSettingsForCurrentLibrary();
    },
  };
});

// Imported after the mock is registered (jest hoists jest.mock above the imports anyway).
import { SIMULATE_CACHE_ENTRIES, simulateTable } from "../../../src/functions/riskFunctions";

const call = (count: number, seed: number) =>
  simulateTable("H100", count, 5, null, null, null, 200, seed);

beforeEach(() => {
  resetActiveLibrary();
  runs.mockClear();
});

describe("SIMULATE's cache", () => {
  it("runs once for the same arguments on the same library and gives the same spill", () => {
    const first = call(1000, 1);
    const second = call(1000, 1);
    expect(runs).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
  });

  it("gives each caller its own copy", () => {
    const first = call(1000, 2);
    first[0][1] = "changed by a caller";
    first.pop();
    const second = call(1000, 2);
    expect(second[0]).toEqual(["Trials", 200]);
    expect(second.length).toBe(first.length + 1);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it("runs again for another seed, another count, or spellings that resolve alike only once", () => {
    call(1000, 3);
    call(1000, 4);
    call(2000, 3);
    expect(runs).toHaveBeenCalledTimes(3);
    // "h100" resolves to the same GPU as "H100": the key is the resolved case, so no new run
    simulateTable("h100", 1000, 5, null, null, null, 200, 3);
    expect(runs).toHaveBeenCalledTimes(3);
  });

  it("runs again on a new library (even one with the same content)", () => {
    call(1000, 5);
    const copy = JSON.parse(JSON.stringify(BUNDLED_LIBRARY)) as LibraryDocument;
    setActiveLibrary(copy, { kind: "file", fileName: "copy.json" });
    call(1000, 5);
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it("keeps at most SIMULATE_CACHE_ENTRIES spills, dropping the least recently used", () => {
    for (let seed = 0; seed < SIMULATE_CACHE_ENTRIES; seed++) call(100, seed);
    expect(runs).toHaveBeenCalledTimes(SIMULATE_CACHE_ENTRIES);
    call(100, 0); // used again: now the most recent
    call(100, SIMULATE_CACHE_ENTRIES); // one more: seed 1, the least recently used, goes
    expect(runs).toHaveBeenCalledTimes(SIMULATE_CACHE_ENTRIES + 1);
    call(100, 0);
    expect(runs).toHaveBeenCalledTimes(SIMULATE_CACHE_ENTRIES + 1);
    call(100, 1);
    expect(runs).toHaveBeenCalledTimes(SIMULATE_CACHE_ENTRIES + 2);
  });
});
