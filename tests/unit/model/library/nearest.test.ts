import fc from "fast-check";
import {
  distanceCellsEvaluated,
  editDistance,
  nearestNames,
  SUGGESTION_LIMITS,
} from "../../../../src/model/library/nearest";
import { normalizeKey } from "../../../../src/model/library/normalize";

describe("normalizeKey", () => {
  it.each([
    ["H100 SXM", "h100sxm"],
    ["h100-sxm", "h100sxm"],
    ["H100_SXM", "h100sxm"],
    ["N. Virginia", "nvirginia"],
    ["us/tn", "ustn"],
    ["\tGB200  NVL72\n", "gb200nvl72"],
  ])("normalizes %j to %j", (text, key) => {
    // Given the text (one case per row)
    // When normalized
    // Then it is %j
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
  ])("measures %j to %j as %i", (a, b, distance) => {
    // Given the two strings a and b (one case per row)
    // When compared
    // Then the distance is %i
    expect(editDistance(a, b)).toBe(distance);
  });

  it("is a symmetric, bounded distance", () => {
    // Given any two strings
    // When compared both ways
    // Then the distance is symmetric, zero only for equal strings, and bounded by the longer length
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 }
    );
  });
});

describe("nearestNames", () => {
  const gpus = ["h100-sxm", "NVIDIA H100 SXM", "H100", "H100 SXM", "h200", "b200", "mi300x"];

  it("ranks the closest display names first", () => {
    // Given a typo
    // When suggestions are made
    // Then the closest display names come first
    expect(nearestNames("H1000", gpus)).toEqual(["H100", "h200", "b200"]);
  });

  it("ranks prefix matches first", () => {
    // Given the beginning of a name
    // When suggestions are made
    // Then names that start with it rank first
    expect(nearestNames("h100", ["h200", "b200", "h100-sxm"])).toEqual([
      "h100-sxm",
      "h200",
      "b200",
    ]);
  });

  it("suggests each normalized name once", () => {
    // Given candidates that normalize alike
    // When suggestions are made
    // Then each is suggested once in its first spelling
    expect(nearestNames("h100sx", gpus, 2)).toEqual(["h100-sxm", "H100"]);
  });

  it("returns at most the limit", () => {
    // Given a limit
    // When suggestions are made
    // Then at most that many are returned
    expect(nearestNames("x", gpus, 1)).toHaveLength(1);
    expect(nearestNames("x", gpus, 0)).toEqual([]);
    expect(nearestNames("x", [])).toEqual([]);
  });

  it("ignores case and separators", () => {
    // Given case and separators
    // When suggestions are made
    // Then they do not count as differences
    expect(nearestNames("MI-300-X", gpus, 1)).toEqual(["mi300x"]);
  });
});

describe("bounded suggestion work (issue 7: quadratic did-you-mean)", () => {
  const full = (a: string, b: string) => editDistance(a, b);

  it("is exact up to the limit and limit + 1 beyond", () => {
    // Given a limit
    // When two strings are compared
    // Then the distance is exact up to the limit and limit + 1 beyond it
    fc.assert(
      fc.property(
        fc.string({ maxLength: 14 }),
        fc.string({ maxLength: 14 }),
        fc.integer({ min: 0, max: 16 }),
        (a, b, limit) => {
          expect(editDistance(a, b, limit)).toBe(Math.min(full(a, b), limit + 1));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("bounds the cells evaluated for long strings", () => {
    // Given a 20,000-character typo and a 20,000-character alias
    const before = distanceCellsEvaluated();
    // When suggestions are made
    const suggestions = nearestNames("y".repeat(20_000), ["h100-sxm", "z".repeat(20_000), "H100"]);
    const cells = distanceCellsEvaluated() - before;
    // Then at most a few thousand distance cells are evaluated
    expect(suggestions).toHaveLength(3);
    expect(cells).toBeLessThanOrEqual(
      3 * SUGGESTION_LIMITS.comparedLength * SUGGESTION_LIMITS.comparedLength
    );
  });

  it("stops far comparisons early", () => {
    // Given 4,000 candidates far from the input
    const regions = Array.from({ length: 4_000 }, (_, i) => `region-${i}`);
    // When suggestions are made
    const before = distanceCellsEvaluated();
    // Then the band stops each comparison early
    expect(nearestNames("region-12", regions)).toEqual(["region-12", "region-120", "region-121"]);
    const cells = distanceCellsEvaluated() - before;
    // A full matrix would be 4,000 x 9 x 9 = 324,000 cells; the band of width 1-3 needs a fraction of it.
    expect(cells).toBeLessThan(4_000 * 9 * 3);
  });

  it("ignores candidates beyond the cap", () => {
    // Given more candidates than the cap
    const candidates = Array.from(
      { length: SUGGESTION_LIMITS.candidates + 5 },
      (_, i) => `gpu-${i}`
    );
    candidates.push("exact-match");
    // When suggestions are made
    // Then candidates beyond the cap are not looked at
    expect(nearestNames("exact-match", candidates, 1)).not.toEqual(["exact-match"]);
  });

  it("ranks like an exhaustive search", () => {
    // Given the banded search
    const exhaustive = (input: string, candidates: string[], max: number) => {
      const wanted = normalizeKey(input);
      const seen = new Set<string>();
      const scored: { name: string; d: number; gap: number; order: number }[] = [];
      candidates.forEach((name, order) => {
        const key = normalizeKey(name);
        if (seen.has(key)) return;
        seen.add(key);
        const edits = full(wanted, key);
        const d =
          wanted.length > 0 && key !== wanted && key.startsWith(wanted)
            ? Math.min(edits, 0.5)
            : edits;
        scored.push({ name, d, gap: Math.abs(key.length - wanted.length), order });
      });
      scored.sort((x, y) => x.d - y.d || x.gap - y.gap || x.order - y.order);
      return scored.slice(0, max).map((s) => s.name);
    };
    // When suggestions are made
    const word = fc.stringMatching(/^[a-c0-2-]{0,8}$/);
    // Then they equal an exhaustive ranking
    fc.assert(
      fc.property(
        word,
        fc.array(word, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (input, candidates, max) => {
          expect(nearestNames(input, candidates, max)).toEqual(exhaustive(input, candidates, max));
        }
      ),
      { numRuns: 500 }
    );
  });
});
