import { BUNDLED_LIBRARY } from "../../../../src/model/library/bundledLibrary";
import { parseLibrary } from "../../../../src/model/library/load";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";

describe("the library compiled into the functions bundle", () => {
  test("passes the schema unchanged", () => {
    // Given the unparsed bundled JSON
    const result = parseLibrary(BUNDLED_LIBRARY);
    // When validated with the schema
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    // Then it passes and parsing changes nothing
    expect(result.library).toEqual(BUNDLED_LIBRARY);
  });

  test("exports one document under both names", () => {
    // Given the two exports of the default library
    // Then they are the same document
    // One JSON, two views: the functions bundle reads BUNDLED_LIBRARY unparsed, the pane the parsed copy.
    expect(VALIDATED_BUNDLED_LIBRARY).toStrictEqual(BUNDLED_LIBRARY);
    expect(VALIDATED_BUNDLED_LIBRARY).not.toBe(BUNDLED_LIBRARY);
    expect(Object.isFrozen(VALIDATED_BUNDLED_LIBRARY.gpus)).toBe(true);
  });

  test("is frozen", () => {
    // Given the bundled library
    // Then it is frozen so no consumer can change it for the others
    expect(Object.isFrozen(BUNDLED_LIBRARY)).toBe(true);
    expect(Object.isFrozen(BUNDLED_LIBRARY.gpus)).toBe(true);
  });
});
