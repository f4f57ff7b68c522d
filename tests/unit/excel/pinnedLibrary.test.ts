/**
 * The zod-free reader functions.js uses for the workbook's pin, over registries written by
 * templateRegistry.ts (the format's owner), and over hostile ones.
 */
import { pinnedLibraryOf, TEMPLATE_REGISTRY_SETTING } from "../../../src/excel/pinnedLibrary";
import {
  EMPTY_REGISTRY,
  REGISTRY_KEY,
  serializeRegistry,
  withEntry,
  type TemplateEntry,
} from "../../../src/excel/templateRegistry";

const entry = (over: Partial<TemplateEntry>): TemplateEntry => ({
  sheetName: "Rent vs Build",
  nameSuffix: "",
  libraryId: "acme-team",
  libraryVersion: "2.0.0",
  scenarioId: "acme-site",
  insertedAt: "2026-11-01T00:00:00.000Z",
  assumptions: {},
  ...over,
});

describe("the workbook's pinned library", () => {
  it("reads the template registry's setting", () => {
    // Given the template registry's key
    // Then the reader reads that setting
    expect(TEMPLATE_REGISTRY_SETTING).toBe(REGISTRY_KEY);
  });

  it("pins nothing without a registry or template sheet", () => {
    // Given no registry or no template sheet
    // Then nothing is pinned
    expect(pinnedLibraryOf(undefined)).toEqual({ kind: "none" });
    expect(pinnedLibraryOf(serializeRegistry(EMPTY_REGISTRY))).toEqual({ kind: "none" });
  });

  it("pins the most recently inserted or refreshed library", () => {
    // Given sheets from several libraries
    let registry = withEntry(
      EMPTY_REGISTRY,
      "{1}",
      entry({ sheetName: "Old", libraryId: "capplan-default", libraryVersion: "1.0.0" })
    );
    registry = withEntry(
      registry,
      "{2}",
      entry({
        sheetName: "Team",
        insertedAt: "2026-10-01T00:00:00.000Z",
        refreshedAt: "2026-11-15T00:00:00.000Z",
      })
    );
    registry = withEntry(
      registry,
      "{3}",
      entry({
        sheetName: "Newer insert",
        libraryVersion: "1.9.0",
        insertedAt: "2026-11-10T00:00:00.000Z",
      })
    );
    const expected = {
      kind: "pinned",
      library: { id: "acme-team", version: "2.0.0", sheetName: "Team" },
    };
    // Then the most recently inserted or refreshed one is the pin (object or JSON text)
    expect(pinnedLibraryOf(serializeRegistry(registry))).toEqual(expected);
    expect(pinnedLibraryOf(JSON.stringify(serializeRegistry(registry)))).toEqual(expected);
  });

  it("pins only what an own, complete entry says in hostile registries", () => {
    // Given hostile registries
    // Then they pin nothing or only what an own, complete entry says
    expect(pinnedLibraryOf("{not json")).toEqual({ kind: "none" });
    expect(pinnedLibraryOf({ sheets: [] })).toEqual({ kind: "none" });
    expect(
      pinnedLibraryOf(
        JSON.parse(
          '{"sheets":{"__proto__":{"libraryId":"x","libraryVersion":"1","sheetName":"s","insertedAt":"t"}}}'
        )
      )
    ).toEqual({
      kind: "pinned",
      library: { id: "x", version: "1", sheetName: "s" },
    });
    const inherited = Object.create({
      libraryId: "x",
      libraryVersion: "1",
      sheetName: "s",
      insertedAt: "t",
    }) as object;
    expect(pinnedLibraryOf({ sheets: { a: inherited, constructor: 5 } })).toEqual({ kind: "none" });
    expect(
      pinnedLibraryOf(`{"sheets":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`)
    ).toEqual({ kind: "none" });
  });
});
