/**
 * Issue 7, "Hostile input": libraries built to break the loader. Each case failed before its fix (it was
 * accepted, crashed, or cost seconds); the assertions are on problems and work counters, never on timings
 * (`npm run bench` shows the times).
 */
import fc from "fast-check";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { buildIndex, findOffer } from "../../../../src/model/library/indexLibrary";
import {
  MAX_DEPTH,
  checkStructure,
  decodeLibraryBytes,
  firstInvalidUtf8Byte,
  locateJsonError,
  parseLibrary,
  parseLibraryText,
  parseTeamLibrary,
  parseTeamLibraryText,
  type LibraryIssue,
} from "../../../../src/model/library/load";
import { layerLibrary } from "../../../../src/model/library/merge";
import { distanceCellsEvaluated } from "../../../../src/model/library/nearest";
import {
  SUGGESTED_REFERENCES,
  TEXT_LIMITS,
  type LibraryDocument,
} from "../../../../src/model/library/schema";
import { LookupError, resolveGpu, valuePerGpuHourFor } from "../../../../src/model/resolve";
import { validateTeamLibraryText } from "../../../../src/model/library/teamLibrary";
import {
  cloneDefault,
  issuesOf,
  withChange,
  type JsonObject,
} from "../../../support/model/library/libraryFixtures";

type Catalog = Record<string, JsonObject>;
const catalog = (doc: JsonObject, name: string) => doc[name] as Catalog;

const teamMeta = {
  ...VALIDATED_BUNDLED_LIBRARY.meta,
  id: "acme-capacity",
  name: "ACME capacity library",
  version: "2.1.0",
};

function messagesAt(issues: LibraryIssue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}

/** Cells of edit distance computed while `fn` runs. */
function cellsFor(fn: () => unknown): number {
  const before = distanceCellsEvaluated();
  fn();
  return distanceCellsEvaluated() - before;
}

describe("ids that collide after normalization (issue 7)", () => {
  it("rejects an offer id that collides after normalization", () => {
    // Given rental offers "aws-h100-on-demand" and "aws-h100-ondemand"
    const doc = cloneDefault();
    catalog(doc, "rentalOffers")["aws-h100-ondemand"] = {
      ...catalog(doc, "rentalOffers")["aws-h100-on-demand"],
    };
    // When validated
    // Then the second is rejected with its path and the id to use
    expect(messagesAt(issuesOf(parseLibrary(doc)), "rentalOffers.aws-h100-ondemand")).toEqual([
      expect.stringMatching(
        /^id "aws-h100-ondemand" is already used by rentalOffers\.aws-h100-on-demand .*use its exact id "aws-h100-on-demand"/
      ),
    ]);
  });

  it.each([
    ["gpus", "h-100-sxm", "h100-sxm"],
    ["regions", "us-t-n", "us-tn"],
    ["scenarios", "enterprise-1k-h-100", "enterprise-1k-h100"],
    ["rentalOffers", "gcp-h100-ondemand", "gcp-h100-on-demand"],
  ])("rejects colliding %s ids: %s vs %s", (name, clash, existing) => {
    // Given the ids clash and existing in section name (one case per row)
    const doc = cloneDefault();
    const entries = catalog(doc, name);
    entries[clash] = {
      ...entries[existing],
      ...(name === "rentalOffers"
        ? {}
        : { name: `Other ${clash}`, ...(name === "scenarios" ? {} : { aliases: [] }) }),
    };
    // When validated
    // Then the collision is rejected at its path
    expect(messagesAt(issuesOf(parseLibrary(doc)), `${name}.${clash}`)).toEqual([
      expect.stringContaining(`already used by ${name}.${existing}`),
    ]);
  });

  it("rejects an approach name that normalizes to another approach's id", () => {
    // Given an approach name that normalizes to another approach's id
    // When validated
    const issues = issuesOf(parseLibrary(withChange("approaches.colocation.name", "Fast_Track")));
    // Then it is rejected
    expect(messagesAt(issues, "approaches.colocation.name")).toEqual([
      expect.stringContaining("already used by approaches.fast-track"),
    ]);
  });

  it("rejects a team id one hyphen away from a bundled id", () => {
    // Given a team offer whose id differs from a bundled one only by a hyphen
    const offer = {
      ...VALIDATED_BUNDLED_LIBRARY.rentalOffers["aws-h100-on-demand"],
      rate: {
        value: 1.5,
        unit: "USD per GPU-hour",
        source: "ACME AWS private pricing",
        asOf: "2026-11",
      },
    };
    const team = parseTeamLibrary({ meta: teamMeta, rentalOffers: { "aws-h100-ondemand": offer } });
    if (!team.ok) throw new Error(JSON.stringify(team.issues));
    // When layered
    const issues = issuesOf(layerLibrary(VALIDATED_BUNDLED_LIBRARY, team.library));
    // Then it is rejected (not taken as an override) and the message names the bundled id
    expect(issues).toEqual([
      {
        path: "rentalOffers.aws-h100-ondemand",
        message: expect.stringContaining('use its exact id "aws-h100-on-demand"'),
      },
    ]);
  });
});

describe("unbounded ids and the cost of suggestions (issue 7)", () => {
  it("rejects 16,000-character ids and references with short messages and bounded work", () => {
    // Given a 16,000-character GPU id and a 16,000-character unknown reference
    const doc = cloneDefault();
    catalog(doc, "gpus")["a".repeat(16_000)] = {
      ...catalog(doc, "gpus")["h100-sxm"],
      name: "Long",
      aliases: [],
    };
    (catalog(doc, "scenarios")["enterprise-1k-h100"] as JsonObject).gpu = "b".repeat(16_000);
    let issues: LibraryIssue[] = [];
    // When validated
    const cells = cellsFor(() => (issues = issuesOf(parseLibrary(doc))));
    // Then both are rejected as too long, the messages stay short, and the suggestion work is bounded
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: expect.stringMatching(/^gpus\.a{64}… \(16000 characters\)$/),
          message: expect.stringContaining("must be at most 64 characters"),
        },
        { path: "scenarios.enterprise-1k-h100.gpu", message: "must be at most 64 characters" },
      ])
    );
    for (const issue of issues) expect(issue.message.length + issue.path.length).toBeLessThan(600);
    expect(messagesAt(issues, "scenarios.enterprise-1k-h100.gpu")).toEqual([
      "must be at most 64 characters",
    ]);
    // Before: 16,000 x 16,000 = 256 million cells (about 1.5 s).
    expect(cells).toBeLessThan(100_000);
  });

  it("reports every unknown region reference with bounded suggestion work", () => {
    // Given 2,000 regions and 4,000 scenarios naming unknown regions
    const doc = cloneDefault();
    const regions = catalog(doc, "regions");
    for (let i = 0; i < 2_000; i++)
      regions[`region-${i}`] = { ...regions["us-tn"], name: `Region ${i}`, aliases: [] };
    const scenarios = catalog(doc, "scenarios");
    for (let i = 0; i < 4_000; i++)
      scenarios[`scenario-${i}`] = {
        ...scenarios["enterprise-1k-h100"],
        name: `Scenario ${i}`,
        region: `nowhere-${i}`,
      };
    let issues: LibraryIssue[] = [];
    // When validated
    const cells = cellsFor(() => (issues = issuesOf(parseLibrary(doc))));
    const regionIssues = issues.filter((issue) =>
      /^scenarios\.scenario-\d+\.region$/.test(issue.path)
    );
    // Then every scenario is reported, only the first ones with suggestions, and the work is bounded
    expect(regionIssues).toHaveLength(4_000);
    expect(regionIssues.filter((issue) => issue.message.includes("did you mean"))).toHaveLength(
      SUGGESTED_REFERENCES
    );
    expect(regionIssues[3_999].message).toBe('unknown region "nowhere-3999"');
    // Before: 4,000 searches over 2,005 region ids of about 9 x 9 cells, some 650 million cells (13 s);
    // now only the first SUGGESTED_REFERENCES unknown references are searched.
    expect(cells).toBeLessThan(SUGGESTED_REFERENCES * 2_005 * 100);
  });

  it("rejects an alias over 100 characters", () => {
    // Given a 20,000-character alias
    // When validated
    const issues = issuesOf(
      parseLibrary(withChange("gpus.h100-sxm.aliases", ["H100", "z".repeat(20_000)]))
    );
    // Then it is rejected as longer than 100 characters
    expect(messagesAt(issues, "gpus.h100-sxm.aliases[1]")).toEqual([
      "must be at most 100 characters",
    ]);
  });

  it("bounds the suggestion work for a 20,000-character typo", () => {
    // Given an index with a 20,000-character alias (built without the schema)
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    doc.gpus["h100-sxm"].aliases.push("z".repeat(20_000));
    const index = buildIndex(doc);
    let error: unknown;
    // When a 20,000-character typo is looked up
    const cells = cellsFor(() => {
      try {
        resolveGpu(index, "y".repeat(20_000));
      } catch (caught) {
        error = caught;
      }
    });
    // Then #N/A's suggestions cost a bounded number of cells and the message quotes a shortened input
    expect(error).toBeInstanceOf(LookupError);
    expect((error as Error).message.length).toBeLessThan(400);
    // Before: 400 million cells (4-6 s of the shared runtime per #N/A).
    expect(cells).toBeLessThan(100_000);
  });
});

describe("reserved keys (issue 7)", () => {
  it.each([
    ["gpus", "constructor"],
    ["rentalOffers", "constructor"],
    ["scenarios", "constructor"],
    ["regions", "prototype"],
  ])("reports the reserved key %s.%s", (name, key) => {
    // Given the reserved key as an id of section name (one case per row)
    const doc = cloneDefault();
    const entries = catalog(doc, name);
    const first = Object.keys(entries)[0];
    entries[key] = entries[first];
    // When validated
    // Then the reserved key is reported with its path
    expect(messagesAt(issuesOf(parseLibrary(doc)), `${name}.${key}`)).toEqual([
      expect.stringContaining("reserved"),
    ]);
  });

  it('reports "__proto__" as a GPU key in JSON text', () => {
    // Given "__proto__" as a GPU key in JSON text
    // When validated
    const text = JSON.stringify(VALIDATED_BUNDLED_LIBRARY).replace(
      '"gpus":{',
      '"gpus":{"__proto__":{"name":"Shadow"},'
    );
    // Then it is reported rather than silently dropped
    expect(Object.keys(JSON.parse(text).gpus)).toContain("__proto__"); // JSON.parse keeps it as an own property
    expect(issuesOf(parseLibraryText(text))).toEqual([
      { path: "gpus.__proto__", message: expect.stringContaining("reserved key") },
    ]);
  });

  it('reports "__proto__" in a team library', () => {
    // Given "__proto__" in a team library
    // When validated
    const text = `{"meta": ${JSON.stringify(teamMeta)}, "scenarios": {"__proto__": {"count": 1}}}`;
    // Then it is reported
    expect(issuesOf(parseTeamLibraryText(text))).toEqual([
      { path: "scenarios.__proto__", message: expect.stringContaining("reserved key") },
    ]);
  });

  it('rejects a reference to GPU "constructor"', () => {
    // Given a scenario that references GPU "constructor"
    // When validated
    const issues = issuesOf(
      parseLibrary(withChange("scenarios.enterprise-1k-h100.gpu", "constructor"))
    );
    // Then the reference is rejected as reserved
    expect(messagesAt(issues, "scenarios.enterprise-1k-h100.gpu")).toEqual([
      expect.stringContaining("is reserved"),
    ]);
  });

  it("resolves own keys, never Object.prototype's", () => {
    // Given an index with a GPU "constructor" (built without the schema)
    const doc = structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
    doc.gpus["constructor"] = { ...doc.gpus["h100-sxm"], name: "Constructor", aliases: [] };
    doc.rentalOffers["ctor-on-demand"] = {
      ...doc.rentalOffers["aws-h100-on-demand"],
      gpu: "constructor",
    };
    const index = buildIndex(doc);
    // When its cost of delay and offer are resolved
    const gpu = resolveGpu(index, "constructor");
    // Then own keys are used, not Object.prototype
    expect(valuePerGpuHourFor(index, gpu)).toBe(
      VALIDATED_BUNDLED_LIBRARY.costOfDelay.valuePerGpuHour.value
    );
    expect(findOffer(index, "constructor")?.id).toBe("ctor-on-demand");
  });
});

describe("deeply nested documents (issue 7)", () => {
  it.each([
    ["100,000 unclosed [", "[".repeat(100_000)],
    ['100,000 unclosed {"a":', '{"a":'.repeat(100_000)],
    ["100,000 balanced [ ]", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ])("reports deep nesting instead of overflowing the stack: %s", (_what, text) => {
    // Given text nested too deep (one case per row)
    // When parsed
    // Then a clear problem is returned instead of a stack overflow
    expect(issuesOf(parseLibraryText(text))).toEqual([
      {
        path: "(root)",
        message: `JSON nested deeper than ${MAX_DEPTH} levels (a library needs about 5): check for runaway brackets, at line 1, column ${text[0] === "[" ? 65 : 5 * 64 + 1}`,
      },
    ]);
    expect(issuesOf(parseTeamLibraryText(text))).toHaveLength(1);
    const sidebar = validateTeamLibraryText(text, VALIDATED_BUNDLED_LIBRARY);
    expect(sidebar).toEqual({
      ok: false,
      stage: "json",
      issues: [expect.objectContaining({ path: "(root)" })],
    });
  });

  it("stops locating JSON errors at the depth limit", () => {
    // Given 100,000-deep malformed text
    // When the error locator runs on it directly
    // Then it stops at the depth limit
    expect(locateJsonError("[".repeat(100_000))).toEqual({
      offset: MAX_DEPTH,
      message: `nested deeper than ${MAX_DEPTH} levels`,
    });
  });

  it("reports a 100,000-deep value once at its path", () => {
    // Given a parsed value nested 100,000 deep
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    // When validated
    const issues = issuesOf(parseLibrary({ ...cloneDefault(), meta: deep }));
    // Then the depth is reported once at its path
    expect(issues).toEqual([
      {
        path: `meta${"[0]".repeat(MAX_DEPTH - 1)}`,
        message: expect.stringMatching(/nested deeper than 64 levels/),
      },
    ]);
    expect(checkStructure(cloneDefault())).toEqual([]);
  });
});

describe("text length limits (issue 7)", () => {
  it.each([
    ["a GPU name", "gpus.h100-sxm.name", TEXT_LIMITS.name],
    ["a unit", "gpus.h100-sxm.chipPrice.unit", TEXT_LIMITS.name],
    ["a source", "gpus.h100-sxm.chipPrice.source", TEXT_LIMITS.source],
    ["a note", "gpus.h100-sxm.chipPrice.note", TEXT_LIMITS.description],
    ["a scenario description", "scenarios.enterprise-1k-h100.description", TEXT_LIMITS.description],
    ["scenario notes", "scenarios.enterprise-1k-h100.notes", TEXT_LIMITS.description],
    ["the library description", "meta.description", TEXT_LIMITS.description],
    ["a provider", "rentalOffers.aws-h100-on-demand.provider", TEXT_LIMITS.name],
  ])("rejects %s one character over its limit", (_what, path, limit) => {
    // Given the text at path, one character over limit (one case per row)
    // When validated
    // Then it is rejected (and the limit accepted)
    expect(
      messagesAt(issuesOf(parseLibrary(withChange(path, "x".repeat(limit + 1)))), path)
    ).toEqual([`must be at most ${limit.toLocaleString("en-US")} characters`]);
    expect(parseLibrary(withChange(path, "x".repeat(limit))).ok).toBe(true);
  });

  it("rejects a 30,000-character version", () => {
    // Given a valid semantic version of 30,000 characters
    // When validated
    const version = `1.0.0-${"a".repeat(30_000)}`;
    // Then it is rejected as too long
    expect(
      messagesAt(issuesOf(parseLibrary(withChange("meta.version", version))), "meta.version")
    ).toEqual([`must be at most ${TEXT_LIMITS.version} characters`]);
    expect(
      parseLibrary(withChange("meta.version", `1.0.0-${"a".repeat(TEXT_LIMITS.version - 6)}`)).ok
    ).toBe(true);
  });

  it("rejects text over Excel's 32,767-character cell limit", () => {
    // Given text longer than Excel's 32,767-character cell limit anywhere
    // When validated
    const huge = "x".repeat(40_000);
    // Then it is rejected
    expect(
      issuesOf(parseLibrary(withChange("scenarios.enterprise-1k-h100.sources", [huge]))).map(
        (issue) => issue.path
      )
    ).toEqual(["scenarios.enterprise-1k-h100.sources[0]"]);
    expect(Math.max(...Object.values(TEXT_LIMITS))).toBeLessThan(32_767);
  });
});

describe("invisible, bidi and control characters (issue 7)", () => {
  it.each([
    [
      "zero-width spaces only",
      "scenarios.enterprise-1k-h100.name",
      "\u200B\u200B",
      "must not contain U+200B (ZERO WIDTH SPACE, an invisible character) at character 1",
    ],
    [
      "a zero-width joiner only",
      "scenarios.enterprise-1k-h100.name",
      "\u200D",
      "must contain a visible character, not only spaces or invisible characters",
    ],
    [
      "a right-to-left override",
      "scenarios.enterprise-1k-h100.name",
      "Safe \u202Egpj.exe",
      "must not contain U+202E (RIGHT-TO-LEFT OVERRIDE, a bidi control that can make text display in a misleading order) at character 6",
    ],
    [
      "a bidi isolate in a description",
      "scenarios.enterprise-1k-h100.description",
      "ok \u2067x\u2069",
      "must not contain U+2067 (RIGHT-TO-LEFT ISOLATE, a bidi control that can make text display in a misleading order) at character 4",
    ],
    [
      "NUL in a source",
      "gpus.h100-sxm.chipPrice.source",
      "quote\u0000",
      "must not contain U+0000 (NUL, a control character) at character 6",
    ],
    [
      "a tab in a name",
      "gpus.h100-sxm.name",
      "H100\tSXM",
      "must not contain U+0009 (a control character) at character 5",
    ],
    [
      "a C1 control in a unit",
      "gpus.h100-sxm.chipPrice.unit",
      "USD\u0085",
      "must not contain U+0085 (a control character) at character 4",
    ],
    [
      "an unpaired surrogate in an alias",
      "gpus.h100-sxm.aliases",
      ["H\uD800100"],
      "must not contain U+D800 (an unpaired surrogate, which is not valid Unicode text) at character 2",
    ],
    [
      "a byte-order mark inside the publisher",
      "meta.publisher",
      "AC\uFEFFME",
      "must not contain U+FEFF (ZERO WIDTH NO-BREAK SPACE, an invisible character) at character 3",
    ],
  ])("rejects %s, naming the character and its position", (_what, path, value, message) => {
    // Given value at path, which holds a forbidden character (one case per row)
    // When validated
    const issues = issuesOf(parseLibrary(withChange(path, value)));
    const at = Array.isArray(value) ? `${path}[0]` : path;
    // Then it is rejected naming the character and its position
    expect(messagesAt(issues, at)).toEqual([message]);
  });

  it.each([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])(
    "rejects bidi control U+%s in a region name",
    (code) => {
      // Given a region name holding the bidi control (one case per code point)
      // When validated
      const issues = issuesOf(
        parseLibrary(withChange("regions.us-tn.name", `Mem${String.fromCharCode(code)}phis`))
      );
      // Then it is rejected
      expect(messagesAt(issues, "regions.us-tn.name")).toEqual([
        expect.stringContaining("a bidi control"),
      ]);
    }
  );

  it.each([
    ["a Hebrew name", "scenarios.enterprise-1k-h100.name", "אשכול ארגוני 1,000 H100"],
    [
      "an Arabic description with line breaks",
      "scenarios.enterprise-1k-h100.description",
      "مركز بيانات\nالمرحلة الأولى",
    ],
    ["an emoji with joiners in a name", "scenarios.enterprise-1k-h100.name", "Team 👩‍💻 cluster"],
    ["accented Latin", "regions.us-tn.name", "Montréal (Québec)"],
  ])("accepts %s", (_what, path, value) => {
    // Given value at path (one case per row)
    // When validated
    // Then it is accepted
    expect(parseLibrary(withChange(path, value)).ok).toBe(true);
  });
});

describe("library bytes that are not UTF-8 (issue 7)", () => {
  it("refuses a Windows-1252 body, naming the first bad byte", () => {
    // Given a Windows-1252 body
    // When decoded
    const bytes = Uint8Array.from([
      ...Buffer.from('{"meta":{"name":"Caf'),
      0xe9,
      ...Buffer.from('"}}'),
    ]);
    // Then it is refused naming the first bad byte
    expect(decodeLibraryBytes(bytes)).toEqual({
      ok: false,
      issues: [
        {
          path: "(root)",
          message: expect.stringMatching(
            /^the library is not UTF-8: byte 21 \(0xE9\) is not valid UTF-8/
          ),
        },
      ],
    });
  });

  it("strips a UTF-8 byte-order mark", () => {
    // Given UTF-8 with a byte-order mark
    // When decoded
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"name":"Café ✓ 👩‍💻"}')]);
    // Then the mark is removed and the text kept
    expect(decodeLibraryBytes(bytes)).toEqual({ ok: true, text: '{"name":"Café ✓ 👩‍💻"}' });
  });

  it("agrees with a fatal TextDecoder on any bytes", () => {
    // Given any bytes
    // When checked
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(bytes) === undefined).toBe(valid);
      }),
      { numRuns: 2_000 }
    );
    // Then the scan agrees with a fatal TextDecoder
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(firstInvalidUtf8Byte(new TextEncoder().encode(text))).toBeUndefined();
      })
    );
  });
});
