/**
 * The built functions.js publishes each function it associates, for the function finder's preview: the
 * same function objects Excel received, under the ids of functions.json (needs npm run build).
 */
import * as vm from "vm";
import { customFunctionsGlobal } from "../../../scripts/support/customFunctionsRuntime";
import { readDistFile } from "../../support/dist";

describe("functions.js publishes what it associates", () => {
  it("puts every associated function on the shared-state symbol, by its id", () => {
    // Given functions.js loaded as Excel's runtime loads it
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const context = vm.createContext({
      CustomFunctions: customFunctionsGlobal(registered),
      console,
    });
    vm.runInContext(readDistFile("functions.js"), context, { filename: "functions.js" });
    // When the finder's table is read inside that context
    const published = vm.runInContext(
      'globalThis[Symbol.for("capacity-planner.function-implementations")]',
      context
    ) as Map<string, unknown>;
    // Then it holds exactly the functions Excel got, object for object, for every id of functions.json
    const ids = (
      JSON.parse(readDistFile("functions.json")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    expect([...published.keys()].sort()).toEqual([...ids].sort());
    expect([...registered.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(published.get(id)).toBe(registered.get(id));
  });
});
