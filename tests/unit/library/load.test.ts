import fc from "fast-check";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import {
  formatPath,
  lineAndColumn,
  locateJsonError,
  parseJson,
  parseLibraryText,
  parseTeamLibraryText,
} from "../../../src/model/library/load";
import { issuesOf } from "./libraryFixtures";

describe("formatPath", () => {
  it.each([
    [[], "(root)"],
    [["meta"], "meta"],
    [["gpus", "h100-sxm", "chipPrice", "value"], "gpus.h100-sxm.chipPrice.value"],
    [["gpus", "h100-sxm", "aliases", 2], "gpus.h100-sxm.aliases[2]"],
  ] as [PropertyKey[], string][])("Given the path %j, When formatted, Then it reads %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("parseLibraryText", () => {
  it("Given the default library as JSON text, When parsed, Then it is accepted and equal", () => {
    const result = parseLibraryText(JSON.stringify(VALIDATED_BUNDLED_LIBRARY, null, 2));
    expect(result).toEqual({ ok: true, library: VALIDATED_BUNDLED_LIBRARY });
  });

  it("Given text saved with a byte-order mark, When parsed, Then the mark is ignored", () => {
    expect(parseLibraryText(`\uFEFF${JSON.stringify(VALIDATED_BUNDLED_LIBRARY)}`).ok).toBe(true);
  });

  it("Given a trailing comma on line 3, When parsed, Then the issue gives line and column", () => {
    const text = '{\n  "meta": {},\n  "gpus": {},\n}';
    expect(issuesOf(parseLibraryText(text))).toEqual([
      { path: "(root)", message: "malformed JSON at line 4, column 1: trailing comma before } is not allowed in JSON" },
    ]);
  });

  it("Given a missing comma between properties, When parsed, Then the issue points at the second property", () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(issuesOf(parseLibraryText(text))[0].message).toBe(
      'malformed JSON at line 3, column 3: unexpected character "\\"" (expected "," or "}")',
    );
  });

  it("Given truncated text, When parsed, Then the issue says the input ended", () => {
    expect(issuesOf(parseLibraryText('{"meta": {'))[0].message).toBe("malformed JSON at line 1, column 11: unexpected end of input");
  });

  it("Given single-quoted strings, When parsed, Then the issue says to use double quotes", () => {
    expect(issuesOf(parseLibraryText("{\n 'meta': 1}"))[0].message).toMatch(/line 2, column 2: .*double-quoted property name/);
  });

  it("Given valid JSON that is not a library, When parsed, Then the issues have document paths", () => {
    const issues = issuesOf(parseLibraryText('{"meta": {"id": "x"}}'));
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["meta.name", "gpus", "financing"]));
  });

  it("Given a team library with only meta, When parsed as text, Then it is accepted", () => {
    expect(parseTeamLibraryText(JSON.stringify({ meta: VALIDATED_BUNDLED_LIBRARY.meta })).ok).toBe(true);
  });
});

describe("JSON error location", () => {
  it("Given any valid JSON, When scanned, Then no error is found", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(locateJsonError(text)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("Given any text, When scanned, Then it finds an error exactly when JSON.parse fails", () => {
    const jsonish = fc.oneof(fc.json(), fc.string({ unit: fc.constantFrom(..."{}[]:,\" \n0123456789.-+eEtrufalsn\\") }));
    fc.assert(
      fc.property(jsonish, fc.nat(), fc.nat(), (text, at, drop) => {
        // Damage valid JSON sometimes, to explore errors near real documents.
        const damaged = drop % 3 === 0 ? text : text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1);
        let valid = true;
        try {
          JSON.parse(damaged);
        } catch {
          valid = false;
        }
        expect(locateJsonError(damaged) === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it("Given offsets, When converted, Then lines and columns are 1-based", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\r\ncd", 4)).toEqual({ line: 2, column: 1 });
  });

  it("Given valid JSON, When parsed, Then the value is returned", () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });
});
