import { BUNDLED_LIBRARY } from "../../../../src/model/library/bundledLibrary";
import { parseLibrary } from "../../../../src/model/library/load";

describe("the library compiled into the functions bundle", () => {
  test("passes the schema unchanged", () => {
    // Given the unparsed bundled JSON
    // When validated with the schema
    const result = parseLibrary(BUNDLED_LIBRARY);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    // Then it passes and parsing changes nothing
    expect(result.library).toEqual(BUNDLED_LIBRARY);
  });

  test("is frozen", () => {
    // Given the bundled library
    // Then it is frozen so no consumer can change it for the others
    expect(Object.isFrozen(BUNDLED_LIBRARY)).toBe(true);
    expect(Object.isFrozen(BUNDLED_LIBRARY.gpus)).toBe(true);
  });
});
