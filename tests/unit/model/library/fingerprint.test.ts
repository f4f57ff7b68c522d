/** Library fingerprints: canonical JSON, hash, and the schema revision functions.js trusts saved copies by. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { LIBRARY_SCHEMA_PATH } from "../../../../scripts/export-schema";
import { BUNDLED_LIBRARY } from "../../../../src/model/library/bundledLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import {
  canonicalJsonText,
  hashText,
  LIBRARY_SCHEMA_REVISION,
  libraryHash,
  LibraryShapeError,
} from "../../../../src/model/library/fingerprint";

describe("library fingerprints", () => {
  it("ignores key order", () => {
    // Given the same content in another key order
    // Then the canonical text and hash are the same
    expect(canonicalJsonText({ b: [1, { d: 2, c: "x" }], a: null })).toBe(
      canonicalJsonText({ a: null, b: [1, { c: "x", d: 2 }] })
    );
    expect(libraryHash({ a: 1 })).not.toBe(libraryHash({ a: 2 }));
    expect(hashText("")).toMatch(/^[0-9a-f]{14}-0$/);
  });

  it("hashes the bundled JSON and the parsed library alike", () => {
    // Given the bundled JSON and the same library through the schema
    // Then both have one hash (no recalculation between them)
    expect(libraryHash(VALIDATED_BUNDLED_LIBRARY)).toBe(libraryHash(BUNDLED_LIBRARY));
  });

  it("throws LibraryShapeError on deep nesting or non-JSON values", () => {
    // Given nesting past 64 levels or values JSON cannot hold
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
    // Then LibraryShapeError, not a stack overflow
    expect(() => canonicalJsonText(deep)).toThrow(LibraryShapeError);
    expect(() => canonicalJsonText({ a: Number.NaN })).toThrow(LibraryShapeError);
    expect(() => canonicalJsonText({ f: () => 1 })).toThrow(LibraryShapeError);
  });

  // functions.js (no zod) trusts a saved copy only if validated by the same schema revision. When this fails,
  // the schema changed: bump LIBRARY_SCHEMA_REVISION in src/model/library/fingerprint.ts, then record the new
  // revision and hash here.
  it("pins the JSON Schema's hash to LIBRARY_SCHEMA_REVISION", () => {
    // Given docs/library.schema.json
    const revisions: Record<number, string> = {
      1: "d7db23537c69a2638fd6d7e329ccd7952b4f5b9dfd9f0193a09beca313ddb0a5",
      // 2: ids, aliases and text capped in length, bidi/control characters and reserved keys refused (issue 7).
      2: "32c4ad2a5c4c6d758135f78aab7a9f45931c3e2ae67b82abc673ca835cff546b",
      // 3: optional operations.gridTransmissionThresholdMw and regions' distributionConnectionMonths (issue 9).
      3: "128c6d31dd4699a4258e9176a64d8fd20a39c9e2efda7bdcdad80f9621bbdb1c",
      // 4: schema v2 (meta.schemaVersion; offers' billing, availability, minimum term; approaches' ramp and power;
      // operations' useful-work, outage and price-curve fields; financing.taxRate; scenarios' phases, bridge, overrides).
      4: "abae38df7b8a5ae7b06fe945e2c2021f393eb19e5fda4b289ceec82c1bd9790c",
      // 5: the optional risk section (shapes by risk input, rank-correlation presets; docs/model.md 12.7a).
      5: "839b7b66d36ecc5327b3f53bd5d52b9ace548de08a774632de28c2ce551bb6d7",
    };
    const hash = createHash("sha256").update(readFileSync(LIBRARY_SCHEMA_PATH)).digest("hex");
    // Then its hash is the one recorded for LIBRARY_SCHEMA_REVISION
    expect({ revision: LIBRARY_SCHEMA_REVISION, hash }).toEqual({
      revision: LIBRARY_SCHEMA_REVISION,
      hash: revisions[LIBRARY_SCHEMA_REVISION],
    });
  });
});
