/**
 * What the function finder offers for each argument: the library's names for the arguments that name a
 * library entry (gpu, region, term, approach, provider), and how a typed entry reads (a number, text, or
 * a cell reference).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { OFFER_TERMS } from "../model/library/schema";
import type { CatalogParameter } from "./functionCatalog";
import {
  checkNumber,
  checkReference,
  checkText,
  OMITTED,
  type ArgumentValue,
  type Checked,
} from "./functionFormula";

export interface Choice {
  /** What the formula gets (an id the functions accept). */
  readonly value: string;
  /** The entry's name in the library (shown with the value). */
  readonly name: string;
}

/** The arguments filled from the library's names: a picker each. */
export const PICKED_ARGUMENTS = ["gpu", "region", "term", "approach", "provider"] as const;
export type PickedArgument = (typeof PICKED_ARGUMENTS)[number];

export function pickedArgument(parameter: CatalogParameter): PickedArgument | null {
  if (parameter.type !== "string" || parameter.matrix) return null;
  const name = parameter.name.toLowerCase();
  return (PICKED_ARGUMENTS as readonly string[]).includes(name) ? (name as PickedArgument) : null;
}

/** The library's names for a picked argument, in document order (ids the functions accept). */
export function choicesFor(index: LibraryIndex, argument: PickedArgument): Choice[] {
  const library = index.library;
  switch (argument) {
    case "gpu":
      return Object.entries(library.gpus).map(([id, gpu]) => ({
        value: id,
        name: gpu.name,
      }));
    case "region":
      return Object.entries(library.regions).map(([id, region]) => ({
        value: id,
        name: region.name,
      }));
    case "approach":
      return Object.entries(library.approaches).map(([id, approach]) => ({
        value: id,
        name: approach.name,
      }));
    case "term": {
      const offered = new Set(Object.values(library.rentalOffers).map((offer) => offer.term));
      return OFFER_TERMS.filter((term) => offered.has(term)).map((term) => ({
        value: term,
        name: term,
      }));
    }
    case "provider": {
      // The first part of an offer id names its provider ("aws", "oracle"): the functions accept it.
      const seen = new Map<string, string>();
      for (const [id, offer] of Object.entries(library.rentalOffers)) {
        const key = id.split("-")[0] ?? id;
        if (key !== "" && !seen.has(key)) seen.set(key, offer.provider);
      }
      return Array.from(seen, ([value, provider]) => ({ value, name: provider }));
    }
  }
}

/**
 * A typed entry for `parameter`: empty is omitted; a number argument takes a number or a reference
 * ("B2" or "=B2"); a range argument only a reference; any other takes "=B2" as a reference (so that text
 * such as "TN" is never mistaken for a cell) and anything else as text (TRUE/FALSE for a boolean).
 */
export function readEntry(parameter: CatalogParameter, typed: string): Checked<ArgumentValue> {
  const text = typed.trim();
  if (text === "") return { ok: true, value: OMITTED };
  const asReference = text.startsWith("=") ? text.slice(1) : null;
  if (parameter.matrix) return checkReference(asReference ?? text);
  if (asReference !== null) return checkReference(asReference);
  if (parameter.type === "number") {
    const number = checkNumber(text);
    if (number.ok) return number;
    const reference = checkReference(text);
    return reference.ok
      ? reference
      : { ok: false, problem: `"${text}" is not a number or a cell reference.` };
  }
  if (parameter.type === "boolean") {
    const upper = text.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE")
      return { ok: true, value: { kind: "boolean", value: upper === "TRUE" } };
    return { ok: false, problem: `Type TRUE, FALSE or =B2 for a cell.` };
  }
  return checkText(typed);
}

/** The hint under a typed entry. */
export function entryHint(parameter: CatalogParameter): string {
  if (parameter.matrix) return "A range, e.g. A1:B5 or Sheet1!A1:B5.";
  if (parameter.type === "number") return "A number, or a cell such as B2.";
  if (parameter.type === "boolean") return "TRUE or FALSE, or =B2 for a cell.";
  return "Text, or =B2 for a cell (e.g. type =B2 to use that cell's value).";
}
