import { readFileSync } from "node:fs";
import { LIBRARY_SCHEMA_PATH, libraryJsonSchemaText } from "../../../scripts/export-schema";
import defaultLibraryJson from "../../../src/model/library/default-library.json";

describe("docs/library.schema.json", () => {
  it("matches the committed JSON Schema", () => {
    // Given the zod schema
    // When the JSON Schema is generated
    // Then it equals the committed file (run `npx tsx scripts/export-schema.ts` if not)
    expect(readFileSync(LIBRARY_SCHEMA_PATH, "utf8")).toBe(libraryJsonSchemaText());
  });

  it("lists the library's top-level sections", () => {
    // Given the JSON Schema
    // When compared with the default library
    const schema = JSON.parse(libraryJsonSchemaText()) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    // Then it lists the same top-level sections
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(defaultLibraryJson).sort());
    expect(schema.additionalProperties).toBe(false);
  });
});
