/**
 * What changed between the library in use and the one replacing it, for the summary shown after a
 * load: assumption values that differ, catalog entries added or removed, scenarios redefined. Pure.
 */
import { ownEntry } from "../model/library/indexLibrary";
import type { LibraryDocument, Quantity } from "../model/library/schema";

export interface AssumptionChange {
  readonly path: string;
  readonly before: number;
  readonly after: number;
  readonly unit: string;
}

export interface LibraryChangeSummary {
  readonly before: { readonly id: string; readonly name: string; readonly version: string };
  readonly after: { readonly id: string; readonly name: string; readonly version: string };
  /** Assumptions present in both whose value (or unit) differs, in document order. */
  readonly changedAssumptions: readonly AssumptionChange[];
  /** Catalog entries ("scenarios.team-site") only in the new library. */
  readonly addedEntries: readonly string[];
  /** Catalog entries only in the old library. */
  readonly removedEntries: readonly string[];
  /** Scenarios in both whose definition (GPU, count, years, region...) differs. */
  readonly changedScenarios: readonly string[];
}

const CATALOGS = ["gpus", "rentalOffers", "regions", "approaches", "scenarios"] as const;

function isQuantity(value: unknown): value is Quantity {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { value?: unknown }).value === "number" &&
    typeof (value as { source?: unknown }).source === "string"
  );
}

function collectQuantities(node: unknown, path: string, out: Map<string, Quantity>): void {
  if (isQuantity(node)) {
    out.set(path, node);
    return;
  }
  if (typeof node !== "object" || node === null || Array.isArray(node)) return;
  for (const [key, child] of Object.entries(node)) {
    collectQuantities(child, path === "" ? key : `${path}.${key}`, out);
  }
}

function quantities(doc: LibraryDocument): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  collectQuantities(doc, "", out);
  return out;
}

/** Stable JSON (sorted keys) to compare plain data. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function summarizeLibraryChange(
  before: LibraryDocument,
  after: LibraryDocument
): LibraryChangeSummary {
  const oldQuantities = quantities(before);
  const changedAssumptions: AssumptionChange[] = [];
  for (const [path, quantity] of quantities(after)) {
    const previous = oldQuantities.get(path);
    if (previous === undefined) continue;
    if (previous.value !== quantity.value || previous.unit !== quantity.unit) {
      changedAssumptions.push({
        path,
        before: previous.value,
        after: quantity.value,
        unit: quantity.unit,
      });
    }
  }

  const addedEntries: string[] = [];
  const removedEntries: string[] = [];
  for (const catalog of CATALOGS) {
    const oldIds = new Set(Object.keys(before[catalog]));
    const newIds = new Set(Object.keys(after[catalog]));
    for (const id of newIds) if (!oldIds.has(id)) addedEntries.push(`${catalog}.${id}`);
    for (const id of oldIds) if (!newIds.has(id)) removedEntries.push(`${catalog}.${id}`);
  }

  const changedScenarios: string[] = [];
  for (const [id, scenario] of Object.entries(after.scenarios)) {
    const previous = ownEntry(before.scenarios, id); // own key: "constructor" is not a scenario
    if (previous !== undefined && canonical(previous) !== canonical(scenario))
      changedScenarios.push(`scenarios.${id}`);
  }

  const ref = (doc: LibraryDocument) => ({
    id: doc.meta.id,
    name: doc.meta.name,
    version: doc.meta.version,
  });
  return {
    before: ref(before),
    after: ref(after),
    changedAssumptions,
    addedEntries,
    removedEntries,
    changedScenarios,
  };
}
