/**
 * Writes docs/library.schema.json from the zod schema, so editors (VS Code "$schema") and
 * non-TypeScript tools can validate library files. A unit test fails if the committed file is stale:
 * run `npx tsx scripts/export-schema.ts` after changing src/model/library/schema.ts.
 * (Cross-reference and range checks exist only in zod; the JSON Schema covers structure and bounds.)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LibraryDocumentSchema } from "../src/model/library/schema";

export const LIBRARY_SCHEMA_PATH = path.resolve(__dirname, "../docs/library.schema.json");

/** The JSON Schema document as committed: stable key order, two-space indent, final newline. */
export function libraryJsonSchemaText(): string {
  const generated = z.toJSONSchema(LibraryDocumentSchema, { target: "draft-2020-12" });
  const { $schema, ...rest } = generated;
  const document = {
    $schema,
    title: "Capacity Planner model library",
    description:
      "A library of sourced assumptions for rent-vs-build GPU capacity decisions. Generated from src/model/library/schema.ts by scripts/export-schema.ts; do not edit by hand. References between entries and low <= value <= high are checked by the add-in, not by this schema.",
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(LIBRARY_SCHEMA_PATH, libraryJsonSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), LIBRARY_SCHEMA_PATH)}`);
}
