/** The library's optional `risk` section: sampling shapes by input and rank-correlation presets. */
import { parseLibrary, parseTeamLibrary } from "../../../../src/model/library/load";
import {
  LibraryDocumentSchema,
  MAX_RISK_CORRELATIONS,
  RiskShapesSchema,
} from "../../../../src/model/library/schema";
import { RISK_INPUT_KEYS } from "../../../../src/model/risk/riskKeys";
import {
  cloneDefault,
  issuesOf,
  withChange,
  type JsonObject,
} from "../../../support/model/library/libraryFixtures";

const teamMeta = {
  id: "acme-capacity",
  name: "ACME capacity library",
  version: "2.1.0",
  publishedAt: "2026-12-01",
  publisher: "ACME FP&A",
  description: "Our risk presets",
};

const preset = (inputs: unknown, rho: unknown = 0.5, extra: JsonObject = {}): JsonObject => ({
  inputs,
  rho,
  source: "ACME treasury memo 12",
  asOf: "2025-06",
  ...extra,
});

const withRisk = (risk: unknown) => withChange("risk", risk);

/** The issues of a library whose risk section is `risk`, as path/message pairs. */
const riskIssues = (risk: unknown) => issuesOf(parseLibrary(withRisk(risk)));

/** The first `count` unordered pairs of distinct risk inputs, in key order. */
function distinctPairs(count: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < RISK_INPUT_KEYS.length; i++)
    for (let j = i + 1; j < RISK_INPUT_KEYS.length; j++)
      if (pairs.length < count) pairs.push([RISK_INPUT_KEYS[i], RISK_INPUT_KEYS[j]]);
  return pairs;
}

const NOTE_ON_NAMES =
  "(names are case-sensitive; see RISK_INPUT_KEYS in src/model/risk/riskKeys.ts)";

describe("library risk section: accepted", () => {
  it("is optional", () => {
    // Given the default library without its (empty) risk section
    const result = parseLibrary(withRisk(undefined));
    // Then it is accepted and has no risk section
    expect(result.ok && result.library.risk).toBeUndefined();
  });

  it.each([
    ["an empty section", {}],
    ["shapes only", { shapes: { gridMonths: "right-skewed" } }],
    ["correlations only", { correlations: [preset(["rentRate", "systemPricePerGpu"])] }],
    [
      "the documented example",
      {
        shapes: { gridMonths: "right-skewed", rentRate: "triangular" },
        correlations: [
          preset(["rentRate", "systemPricePerGpu"], 0.5, { note: "optional\nsecond line" }),
        ],
      },
    ],
    [
      "rho at -1 and 1",
      { correlations: [preset(["pue", "goodput"], -1), preset(["pue", "utilization"], 1)] },
    ],
    [
      "a date with a day",
      { correlations: [preset(["pue", "goodput"], 0, { asOf: "2025-06-30" })] },
    ],
  ])("accepts %s and returns it unchanged", (_what, risk) => {
    // Given a library with the section
    const result = parseLibrary(withRisk(risk));
    // Then it is accepted as written
    expect(result.ok ? result.library.risk : result.issues).toEqual(risk);
  });

  it("accepts a shape for every one of the 23 risk inputs", () => {
    // Given every input with a shape (23 = RISK_INPUT_KEYS.length, the limit)
    const shapes = Object.fromEntries(RISK_INPUT_KEYS.map((key) => [key, "fixed"]));
    const result = parseLibrary(withRisk({ shapes }));
    // Then all 23 are kept
    expect(result.ok && Object.keys(result.library.risk?.shapes ?? {}).length).toBe(23);
  });

  it(`accepts ${MAX_RISK_CORRELATIONS} presets of distinct pairs`, () => {
    // Given 100 distinct pairs (23 inputs have 23 x 22 / 2 = 253)
    const correlations = distinctPairs(100).map((pair) => preset(pair, 0.1));
    const result = parseLibrary(withRisk({ correlations }));
    // Then all are kept
    expect(result.ok ? result.library.risk?.correlations?.length : result.issues).toBe(100);
  });
});

describe("library risk section: refused", () => {
  /** [what is wrong, the risk section, the issue path, the exact message or a pattern]. */
  const BAD: [string, unknown, string, string | RegExp][] = [
    [
      "a misspelt shape key",
      { shapes: { gridMonth: "pert" } },
      "risk.shapes.gridMonth",
      // "gridmonths" begins with "gridmonth", the closest a candidate can be short of equal
      /^unknown risk input "gridMonth"; did you mean "gridMonths"/,
    ],
    [
      "a shape key in the wrong case",
      { shapes: { GridMonths: "pert" } },
      "risk.shapes.GridMonths",
      /^unknown risk input "GridMonths"; did you mean "gridMonths"/,
    ],
    [
      "an unknown shape",
      { shapes: { pue: "lognormal" } },
      "risk.shapes.pue",
      'must be one of "pert", "triangular", "right-skewed", "fixed"',
    ],
    [
      "an unknown field in the section",
      { shape: {} },
      "risk",
      'unknown field "shape" (field names are case-sensitive)',
    ],
    [
      "a correlation of an input with itself",
      { correlations: [preset(["pue", "pue"])] },
      "risk.correlations[0].inputs[1]",
      "must name two different inputs (an input is always fully correlated with itself)",
    ],
    [
      "one input",
      { correlations: [preset(["pue"])] },
      "risk.correlations[0].inputs",
      'must list exactly two risk inputs, e.g. ["rentRate", "systemPricePerGpu"]',
    ],
    [
      "three inputs",
      { correlations: [preset(["pue", "goodput", "utilization"])] },
      "risk.correlations[0].inputs",
      'must list exactly two risk inputs, e.g. ["rentRate", "systemPricePerGpu"]',
    ],
    [
      "an unknown input",
      { correlations: [preset(["rentRat", "pue"])] },
      "risk.correlations[0].inputs[0]",
      /^unknown risk input "rentRat"; did you mean "rentRate"/,
    ],
    [
      "rho above 1",
      { correlations: [preset(["pue", "goodput"], 1.5)] },
      "risk.correlations[0].rho",
      "must be at most 1 (a rank correlation)",
    ],
    [
      "rho below -1",
      { correlations: [preset(["pue", "goodput"], -1.01)] },
      "risk.correlations[0].rho",
      "must be at least -1 (a rank correlation)",
    ],
    [
      "rho not finite",
      { correlations: [preset(["pue", "goodput"], Number.POSITIVE_INFINITY)] },
      "risk.correlations[0].rho",
      /expected number/,
    ],
    [
      "rho as text",
      { correlations: [preset(["pue", "goodput"], "0.5")] },
      "risk.correlations[0].rho",
      /expected number/,
    ],
    [
      "an empty source",
      { correlations: [preset(["pue", "goodput"], 0.5, { source: "  " })] },
      "risk.correlations[0].source",
      "must not be empty",
    ],
    [
      "a source with a bidi override",
      { correlations: [preset(["pue", "goodput"], 0.5, { source: "memo\u202e" })] },
      "risk.correlations[0].source",
      /^must not contain U\+202E \(RIGHT-TO-LEFT OVERRIDE/,
    ],
    [
      "a missing source",
      { correlations: [preset(["pue", "goodput"], 0.5, { source: undefined })] },
      "risk.correlations[0].source",
      "is required (expected string)",
    ],
    [
      "a month 13",
      { correlations: [preset(["pue", "goodput"], 0.5, { asOf: "2025-13" })] },
      "risk.correlations[0].asOf",
      "must be a real calendar month or date",
    ],
    [
      "a note that is not text",
      { correlations: [preset(["pue", "goodput"], 0.5, { note: 3 })] },
      "risk.correlations[0].note",
      /expected string/,
    ],
    [
      "an unknown field in a preset",
      { correlations: [preset(["pue", "goodput"], 0.5, { weight: 1 })] },
      "risk.correlations[0]",
      'unknown field "weight" (field names are case-sensitive)',
    ],
    [
      "the same pair reversed",
      {
        correlations: [
          preset(["rentRate", "systemPricePerGpu"]),
          preset(["pue", "goodput"]),
          preset(["systemPricePerGpu", "rentRate"], -0.2),
        ],
      },
      "risk.correlations[2].inputs",
      "correlations[2] repeats the pair systemPricePerGpu / rentRate of correlations[0] (each pair at most once, in either order)",
    ],
    [
      "the same pair twice in the same order",
      { correlations: [preset(["pue", "goodput"]), preset(["pue", "goodput"])] },
      "risk.correlations[1].inputs",
      "correlations[1] repeats the pair pue / goodput of correlations[0] (each pair at most once, in either order)",
    ],
  ];

  it.each(BAD)("refuses %s", (_what, risk, path, message) => {
    // Given a library whose risk section has the row's one mistake
    const issues = riskIssues(risk as JsonObject);
    // Then the one issue names the path and says what was expected
    expect(issues).toEqual([
      { path, message: typeof message === "string" ? message : expect.stringMatching(message) },
    ]);
  });

  it("refuses a date that is not YYYY-MM as quantities' dates are refused", () => {
    // Given a preset dated "June 2025"
    const issues = riskIssues({
      correlations: [preset(["pue", "goodput"], 0.5, { asOf: "June 2025" })],
    });
    // Then the same two messages as a quantity's asOf (AsOfSchema: the pattern, then the calendar check)
    expect(issues).toEqual([
      { path: "risk.correlations[0].asOf", message: 'must be a date "YYYY-MM" or "YYYY-MM-DD"' },
      { path: "risk.correlations[0].asOf", message: "must be a real calendar month or date" },
    ]);
  });

  it("ends an unknown input's message with where the names are listed", () => {
    // Given a misspelt input
    const [issue] = riskIssues({ correlations: [preset(["rentRat", "pue"])] });
    // Then the message says names are case-sensitive and where they are
    expect(issue.message.endsWith(NOTE_ON_NAMES)).toBe(true);
  });

  it("refuses 24 shapes (one more than the 23 inputs) with one message", () => {
    // Given 24 keys, none of them a risk input
    const shapes = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`input${i}`, "pert"]));
    // Then one issue for the count, none per key
    expect(riskIssues({ shapes })).toEqual([
      {
        path: "risk.shapes",
        message: "must have at most 23 entries (one per risk input), not 24",
      },
    ]);
  });

  it(`refuses ${MAX_RISK_CORRELATIONS + 1} presets`, () => {
    // Given 101 distinct pairs
    const correlations = distinctPairs(101).map((pair) => preset(pair, 0.1));
    // Then the list is refused for its length
    expect(riskIssues({ correlations })).toEqual([
      {
        path: "risk.correlations",
        message: "must have at most 100 correlations (there are 23 risk inputs)",
      },
    ]);
  });
});

describe("library risk section: keys that name object internals", () => {
  it('refuses a "__proto__" shape key in a parsed document', () => {
    // Given JSON text with a "__proto__" shape (JSON.parse makes it an own key)
    const doc = cloneDefault();
    doc.risk = JSON.parse('{"shapes": {"__proto__": "pert", "pue": "fixed"}}') as unknown;
    // Then the loader refuses it by name
    expect(issuesOf(parseLibrary(doc))).toEqual([
      {
        path: "risk.shapes.__proto__",
        message:
          '"__proto__" is a reserved key (__proto__, constructor and prototype are JavaScript object internals); rename it',
      },
    ]);
  });

  it('keeps a "__proto__" shape harmless when the schema is used directly', () => {
    // Given the same shapes given to the zod schema without the loader's structure check
    const shapes = JSON.parse('{"__proto__": "pert", "pue": "fixed"}') as unknown;
    const result = RiskShapesSchema.safeParse(shapes);
    // Then the output holds only the real input and has the ordinary prototype
    expect(result.success && Object.keys(result.data)).toEqual(["pue"]);
    expect(result.success && Object.getPrototypeOf(result.data)).toBe(Object.prototype);
  });

  it('refuses "constructor" as an unknown risk input when the schema is used directly', () => {
    // Given a shape keyed "constructor" (an inherited name of every object)
    const doc = cloneDefault();
    doc.risk = { shapes: { constructor: "pert" } };
    const result = LibraryDocumentSchema.safeParse(doc);
    // Then it is refused as an unknown input, not read as Object.prototype.constructor
    expect(result.success ? [] : result.error.issues.map((i) => [i.path, i.message])).toEqual([
      [
        ["risk", "shapes", "constructor"],
        expect.stringMatching(/^unknown risk input "constructor"/),
      ],
    ]);
  });
});

describe("team library risk section", () => {
  it("is checked by the team schema, with the team's paths", () => {
    // Given a team library whose presets repeat a pair
    const team = {
      meta: teamMeta,
      risk: { correlations: [preset(["pue", "goodput"]), preset(["goodput", "pue"], 0.1)] },
    };
    // Then the team stage refuses it
    expect(issuesOf(parseTeamLibrary(team))).toEqual([
      {
        path: "risk.correlations[1].inputs",
        message:
          "correlations[1] repeats the pair goodput / pue of correlations[0] (each pair at most once, in either order)",
      },
    ]);
  });

  it("accepts a team library with only shapes", () => {
    // Given a team library that changes one shape
    const result = parseTeamLibrary({ meta: teamMeta, risk: { shapes: { pue: "fixed" } } });
    // Then it is accepted as written
    expect(result.ok ? result.library.risk : result.issues).toEqual({ shapes: { pue: "fixed" } });
  });
});
