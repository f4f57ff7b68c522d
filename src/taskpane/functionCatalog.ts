/**
 * The CAPPLAN functions as the function finder lists them: read from the BUILT functions.json (what
 * custom-functions-metadata-plugin wrote from the JSDoc of src/functions/functions.ts, the file Excel
 * registers the functions from), so the finder can never list a function, an argument or an order of
 * arguments Excel does not have. The file is fetched at runtime from the pane's own origin; it is
 * untrusted input like any download, so it is zod-parsed once, with bounds on its size and on every list
 * and string, and ids and argument names must be what a formula may contain.
 */
import { z } from "zod";
import { issuesFromZod } from "../model/library/load";

/** The custom functions' namespace in manifest.xml: formulas read `=CAPPLAN.<id>(...)`. */
export const FUNCTION_NAMESPACE = "CAPPLAN";

/** functions.json is 35 KB today; a file 30 times that is not ours. */
export const MAX_CATALOG_CHARS = 1_000_000;
const MAX_FUNCTIONS = 500;
const MAX_PARAMETERS = 64;
const MAX_DESCRIPTION = 4000;

/** A function id as a formula may spell it after "CAPPLAN.": letters, digits, underscore and dots. */
const FUNCTION_ID = /^[A-Z][A-Z0-9_.]{0,63}$/;
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const ParameterSchema = z.object({
  name: z.string().regex(PARAMETER_NAME, "is not an argument name"),
  description: z.string().max(MAX_DESCRIPTION).optional(),
  type: z.enum(["number", "string", "boolean", "any"]).optional(),
  dimensionality: z.enum(["scalar", "matrix"]).optional(),
  optional: z.boolean().optional(),
  repeating: z.boolean().optional(),
});

const FunctionSchema = z.object({
  id: z.string().regex(FUNCTION_ID, "is not a function id (A-Z, 0-9, _ and .)"),
  name: z.string().regex(FUNCTION_ID, "is not a function name (A-Z, 0-9, _ and .)"),
  description: z.string().max(MAX_DESCRIPTION).optional(),
  parameters: z.array(ParameterSchema).max(MAX_PARAMETERS).optional(),
  result: z
    .object({
      type: z.enum(["number", "string", "boolean", "any"]).optional(),
      dimensionality: z.enum(["scalar", "matrix"]).optional(),
    })
    .optional(),
});

const CatalogSchema = z.object({
  functions: z.array(FunctionSchema).min(1).max(MAX_FUNCTIONS),
});

export type ArgumentType = "number" | "string" | "boolean" | "any";

export interface CatalogParameter {
  readonly name: string;
  readonly description: string;
  readonly type: ArgumentType;
  /** A range argument (a key/value table): only a cell reference can fill it. */
  readonly matrix: boolean;
  readonly optional: boolean;
}

export interface CatalogFunction {
  /** The id Excel registers ("RENTVSBUILD"); the formula is `=CAPPLAN.<id>(...)`. */
  readonly id: string;
  /** The name Excel shows ("RENTVSBUILD"). */
  readonly name: string;
  readonly description: string;
  /** The first sentence of the description, for the list. */
  readonly summary: string;
  readonly parameters: readonly CatalogParameter[];
  /** The result spills (a matrix). */
  readonly spills: boolean;
}

export type CatalogRead =
  | { readonly ok: true; readonly functions: readonly CatalogFunction[] }
  | { readonly ok: false; readonly problem: string };

/** "Rent versus build summary as a 2-column spill: NPVs, ... . More." -> up to the first ". ". */
export function summaryOf(description: string): string {
  const text = description.replace(/\s+/g, " ").trim();
  const end = text.search(/\.(\s|$)/);
  const sentence = end < 0 ? text : text.slice(0, end + 1);
  return sentence.length <= 160 ? sentence : `${sentence.slice(0, 159)}…`;
}

/** Parses the text of functions.json; never throws. */
export function parseFunctionCatalog(text: string): CatalogRead {
  if (text.length > MAX_CATALOG_CHARS)
    return {
      ok: false,
      problem: `functions.json has ${text.length} characters, more than the ${MAX_CATALOG_CHARS} expected.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "functions.json is not valid JSON." };
  }
  const parsed = CatalogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = issuesFromZod(parsed.error)[0];
    return {
      ok: false,
      problem: `functions.json is not custom-functions metadata: ${issue === undefined ? "invalid" : `${issue.path}: ${issue.message}`}.`,
    };
  }
  const seen = new Set<string>();
  const functions: CatalogFunction[] = [];
  for (const f of parsed.data.functions) {
    const id = f.id.toUpperCase();
    if (seen.has(id)) return { ok: false, problem: `functions.json lists ${id} twice.` };
    seen.add(id);
    const parameters = (f.parameters ?? []).map((p): CatalogParameter => ({
      name: p.name,
      description: p.description ?? "",
      type: p.type ?? "any",
      matrix: p.dimensionality === "matrix",
      optional: p.optional === true,
    }));
    // Excel requires the optional arguments after the required ones; a file that says otherwise is not ours.
    const firstOptional = parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0 && parameters.slice(firstOptional).some((p) => !p.optional))
      return {
        ok: false,
        problem: `functions.json: ${id} has a required argument after an optional one.`,
      };
    const description = f.description ?? "";
    functions.push({
      id,
      name: f.name,
      description,
      summary: summaryOf(description),
      parameters,
      spills: f.result?.dimensionality === "matrix",
    });
  }
  return { ok: true, functions };
}
