/**
 * overridesArg's "nothing given" answer is the shared NO_OVERRIDES record: the compare functions test it by
 * identity to skip copying their inputs, so an omitted argument must yield that very object.
 */
import { overridesArg } from "../../../src/functions/overridesArg";
import { NO_OVERRIDES } from "../../../src/model/overrides";

describe("overridesArg with nothing to override", () => {
  test.each([
    ["omitted", undefined],
    ["an empty cell", null],
    ["an empty string", ""],
    [
      "only blank rows",
      [
        [null, null],
        ["", ""],
      ],
    ],
  ])("%s gives the shared NO_OVERRIDES record", (_label, value) => {
    // Given an overrides argument that sets nothing
    // When it is parsed
    // Then the result is NO_OVERRIDES itself, not an equal copy
    expect(overridesArg(value)).toBe(NO_OVERRIDES);
  });

  test("a key given yields a record of its own", () => {
    // Given one override
    // Then the parsed record is not the shared empty one and holds the value
    const parsed = overridesArg([["pue", 1.5]]);
    expect(parsed).not.toBe(NO_OVERRIDES);
    expect(parsed.pue).toBe(1.5);
  });
});
