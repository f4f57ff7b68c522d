/**
 * functions.js publishes what it associates: the wrapper hands Excel the same arguments and records each
 * function by id for the function finder's preview.
 */
import { publishAssociatedFunctions } from "../../../src/functions/publishImplementations";
import {
  clearFunctionImplementations,
  findFunctionImplementation,
} from "../../../src/shared-state/functionImplementations";

afterEach(clearFunctionImplementations);

describe("publishAssociatedFunctions", () => {
  it("passes both forms of associate through and publishes each function", () => {
    // Given a runtime whose associate records its calls
    const calls: unknown[][] = [];
    const scope = { CustomFunctions: { associate: (...args: unknown[]) => void calls.push(args) } };
    const gpucost = () => 1;
    const library = () => "lib";
    // When associate is wrapped and called both ways
    publishAssociatedFunctions(scope);
    publishAssociatedFunctions(scope); // a second wrap is a no-op
    scope.CustomFunctions.associate("GPUCOST", gpucost);
    scope.CustomFunctions.associate({ library });
    // Then Excel got exactly those calls, and the finder finds them by id, without regard to case
    expect(calls).toEqual([
      ["GPUCOST", gpucost],
      [{ library }, undefined],
    ]);
    expect(findFunctionImplementation("gpucost")).toBe(gpucost);
    expect(findFunctionImplementation("LIBRARY")).toBe(library);
  });

  it("publishes nothing that Excel refused, and leaves a frozen runtime alone", () => {
    // Given an associate that throws, and a frozen CustomFunctions
    const refusing = {
      CustomFunctions: {
        associate: (..._args: unknown[]): void => {
          throw new Error("refused");
        },
      },
    };
    publishAssociatedFunctions(refusing);
    expect(() => refusing.CustomFunctions.associate("X", () => 0)).toThrow("refused");
    expect(findFunctionImplementation("X")).toBeUndefined();
    const frozen = { CustomFunctions: Object.freeze({ associate: () => undefined }) };
    expect(() => publishAssociatedFunctions(frozen)).not.toThrow();
    expect(() => publishAssociatedFunctions({})).not.toThrow();
  });
});
