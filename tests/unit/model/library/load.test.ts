import fc from "fast-check";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import {
  formatPath,
  lineAndColumn,
  locateJsonError,
  parseJson,
  parseLibraryText,
  parseTeamLibraryText,
} from "../../../../src/model/library/load";
import { issuesOf } from "../../../support/model/library/libraryFixtures";

describe("formatPath", () => {
  it.each([
    [[], "(root)"],
    [["meta"], "meta"],
    [["gpus", "h100-sxm", "chipPrice", "value"], "gpus.h100-sxm.chipPrice.value"],
    [["gpus", "h100-sxm", "aliases", 2], "gpus.h100-sxm.aliases[2]"],
  ] as [PropertyKey[], string][])("formats %j as %s", (path, text) => {
    // Given the path (one case per row)
    // When formatted
    // Then it reads %s
    expect(formatPath(path)).toBe(text);
  });
});

describe("parseLibraryText", () => {
  it("accepts the default library's JSON text", () => {
    // Given the default library as JSON text
    // When parsed
    const result = parseLibraryText(JSON.stringify(VALIDATED_BUNDLED_LIBRARY, null, 2));
    // Then it is accepted and equal
    expect(result).toEqual({ ok: true, library: VALIDATED_BUNDLED_LIBRARY });
  });

  it("ignores a byte-order mark", () => {
    // Given text saved with a byte-order mark
    // When parsed
    // Then the mark is ignored
    expect(parseLibraryText(`\uFEFF${JSON.stringify(VALIDATED_BUNDLED_LIBRARY)}`).ok).toBe(true);
  });

  it("locates a trailing comma by line and column", () => {
    // Given a trailing comma on line 3
    // When parsed
    const text = '{\n  "meta": {},\n  "gpus": {},\n}';
    // Then the issue gives line and column
    expect(issuesOf(parseLibraryText(text))).toEqual([
      {
        path: "(root)",
        message:
          "malformed JSON at line 4, column 1: trailing comma before } is not allowed in JSON",
      },
    ]);
  });

  it("points a missing comma at the second property", () => {
    // Given a missing comma between properties
    // When parsed
    const text = '{\n  "a": 1\n  "b": 2\n}';
    // Then the issue points at the second property
    expect(issuesOf(parseLibraryText(text))[0].message).toBe(
      'malformed JSON at line 3, column 3: unexpected character "\\"" (expected "," or "}")'
    );
  });

  it("says where truncated text ended", () => {
    // Given truncated text
    // When parsed
    // Then the issue says the input ended
    expect(issuesOf(parseLibraryText('{"meta": {'))[0].message).toBe(
      "malformed JSON at line 1, column 11: unexpected end of input"
    );
  });

  it("asks for double quotes instead of single", () => {
    // Given single-quoted strings
    // When parsed
    // Then the issue says to use double quotes
    expect(issuesOf(parseLibraryText("{\n 'meta': 1}"))[0].message).toMatch(
      /line 2, column 2: .*double-quoted property name/
    );
  });

  it("reports document paths for JSON that is not a library", () => {
    // Given valid JSON that is not a library
    // When parsed
    const issues = issuesOf(parseLibraryText('{"meta": {"id": "x"}}'));
    // Then the issues have document paths
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["meta.name", "gpus", "financing"])
    );
  });

  it("accepts a meta-only team library", () => {
    // Given a team library with only meta
    // When parsed as text
    // Then it is accepted
    expect(parseTeamLibraryText(JSON.stringify({ meta: VALIDATED_BUNDLED_LIBRARY.meta })).ok).toBe(
      true
    );
  });
});

describe("JSON error location", () => {
  it("finds no error in valid JSON", () => {
    // Given any valid JSON
    // When scanned
    // Then no error is found
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(locateJsonError(text)).toBeUndefined();
      }),
      { numRuns: 300 }
    );
  });

  it("finds an error exactly when JSON.parse fails", () => {
    // Given any text
    // When scanned
    const jsonish = fc.oneof(
      fc.json(),
      fc.string({ unit: fc.constantFrom(...'{}[]:," \n0123456789.-+eEtrufalsn\\') })
    );
    // Then it finds an error exactly when JSON.parse fails
    fc.assert(
      fc.property(jsonish, fc.nat(), fc.nat(), (text, at, drop) => {
        // Damage valid JSON sometimes, to explore errors near real documents.
        const damaged =
          drop % 3 === 0
            ? text
            : text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1);
        let valid = true;
        try {
          JSON.parse(damaged);
        } catch {
          valid = false;
        }
        expect(locateJsonError(damaged) === undefined).toBe(valid);
      }),
      { numRuns: 500 }
    );
  });

  it("converts offsets to 1-based lines and columns", () => {
    // Given offsets
    // When converted
    // Then lines and columns are 1-based
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\r\ncd", 4)).toEqual({ line: 2, column: 1 });
  });

  it("returns the parsed value", () => {
    // Given valid JSON
    // When parsed
    // Then the value is returned
    expect(parseJson('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });
});
