import fc from "fast-check";
import { editDistance, nearestNames } from "../../../src/model/library/nearest";
import { normalizeKey } from "../../../src/model/library/normalize";

describe("normalizeKey", () => {
  it.each([
    ["H100 SXM", "h100sxm"],
    ["h100-sxm", "h100sxm"],
    ["H100_SXM", "h100sxm"],
    ["N. Virginia", "nvirginia"],
    ["us/tn", "ustn"],
    ["\tGB200  NVL72\n", "gb200nvl72"],
  ])("Given %j, When normalized, Then it is %j", (text, key) => {
    expect(normalizeKey(text)).toBe(key);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["h100", "h200", 1],
    ["h01", "h10", 1],
    ["ca", "abc", 3],
  ])("Given %j and %j, When compared, Then the distance is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it("Given any two strings, When compared both ways, Then the distance is symmetric, zero only for equal strings, and bounded by the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe("nearestNames", () => {
  const gpus = ["h100-sxm", "NVIDIA H100 SXM", "H100", "H100 SXM", "h200", "b200", "mi300x"];

  it("Given a typo, When suggestions are made, Then the closest display names come first", () => {
    expect(nearestNames("H1000", gpus)).toEqual(["H100", "h200", "b200"]);
  });

  it("Given the beginning of a name, When suggestions are made, Then names that start with it rank first", () => {
    expect(nearestNames("h100", ["h200", "b200", "h100-sxm"])).toEqual(["h100-sxm", "h200", "b200"]);
  });

  it("Given candidates that normalize alike, When suggestions are made, Then each is suggested once in its first spelling", () => {
    expect(nearestNames("h100sx", gpus, 2)).toEqual(["h100-sxm", "H100"]);
  });

  it("Given a limit, When suggestions are made, Then at most that many are returned", () => {
    expect(nearestNames("x", gpus, 1)).toHaveLength(1);
    expect(nearestNames("x", gpus, 0)).toEqual([]);
    expect(nearestNames("x", [])).toEqual([]);
  });

  it("Given case and separators, When suggestions are made, Then they do not count as differences", () => {
    expect(nearestNames("MI-300-X", gpus, 1)).toEqual(["mi300x"]);
  });
});
