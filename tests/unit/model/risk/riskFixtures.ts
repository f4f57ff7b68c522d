/** Risk cases built from the bundled library, as a SIMULATE or TORNADO formula would resolve them. */
import { buildIndex, type LibraryIndex } from "../../../../src/model/library/indexLibrary";
import type { LibraryDocument } from "../../../../src/model/library/schema";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import { caseFor, type RiskCase } from "../../../../src/model/risk";

export const BUNDLED_INDEX: LibraryIndex = buildIndex(VALIDATED_BUNDLED_LIBRARY);

export interface CaseSpec {
  readonly gpu?: string;
  readonly count?: number;
  readonly years?: number;
  readonly region?: string;
  /** An approach id, or "bridge" (build the standard approach and rent until it runs, as RENTVSBUILD). */
  readonly approach?: string;
}

/** The case for `spec` on `index` (defaults: 100,000 H100 for 5 years, the library's region and approach). */
export function riskCase(spec: CaseSpec = {}, index: LibraryIndex = BUNDLED_INDEX): RiskCase {
  return caseFor(index, {
    gpu: spec.gpu ?? "H100",
    count: spec.count ?? 100_000,
    years: spec.years ?? 5,
    region: spec.region,
    approach: spec.approach,
  });
}

/** A mutable deep copy of the bundled library document. */
export function bundledCopy(): LibraryDocument {
  return structuredClone(VALIDATED_BUNDLED_LIBRARY) as LibraryDocument;
}

/**
 * The bundled library with the quantity at `path` (a dotted library key such as
 * "regions.us-tn.gridConnectionMonths") given `value`, indexed afresh.
 */
export function indexWithValue(path: string | readonly string[], value: number): LibraryIndex {
  const doc = bundledCopy();
  for (const one of typeof path === "string" ? [path] : path) {
    let node = doc as unknown as Record<string, unknown>;
    for (const part of one.split(".")) {
      const next = node[part];
      if (typeof next !== "object" || next === null) throw new Error(`no ${part} in ${one}`);
      node = next as Record<string, unknown>;
    }
    if (typeof node.value !== "number") throw new Error(`${one} is not a quantity`);
    node.value = value;
  }
  return buildIndex(doc);
}

/** The bundled library with the quantity at `path` citing `source` instead, indexed. */
export function indexWithSource(path: string, source: string): LibraryIndex {
  const doc = bundledCopy();
  let node = doc as unknown as Record<string, unknown>;
  for (const part of path.split(".")) {
    const next = node[part];
    if (typeof next !== "object" || next === null) throw new Error(`no ${part} in ${path}`);
    node = next as Record<string, unknown>;
  }
  if (typeof node.source !== "string") throw new Error(`${path} is not a quantity`);
  node.source = source;
  return buildIndex(doc);
}
