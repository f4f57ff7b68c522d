/**
 * Shared setup of the tests that insert the fixture template (fixtures.ts) and refresh it: one place
 * for the scenario, the sheet, the clock, inserting into a fresh workbook and reading the registry.
 */
import { insertTemplateSpec } from "../../../src/excel/insertSheet";
import { applyRefreshWith, planRefreshWith } from "../../../src/excel/refreshSheet";
import type { RefreshPlan, RefreshRow } from "../../../src/excel/refreshSheet";
import { REGISTRY_KEY, parseRegistry } from "../../../src/excel/templateRegistry";
import type { TemplateRegistry } from "../../../src/excel/templateRegistry";
import type { LibraryIndex } from "../../../src/model/library/indexLibrary";
import { fixtureAssumptions, fixtureBuilder } from "./fixtures";
import { defaultIndex, newWorkbook } from "./host";
import type { Workbook } from "./host";

export const SCENARIO = "xai-memphis-2024";
/** The name of the first template sheet. */
export const SHEET = "Rent vs Build";
/** The clock of every refresh the tests apply. */
export const APPLIED_AT = (): Date => new Date("2026-12-03T09:00:00.000Z");

/** The fixture from the bundled library, as an insertTemplateSpec builder. */
export const buildFixture = fixtureBuilder(defaultIndex, SCENARIO);

/** A fresh workbook with the fixture inserted, its counters reset. */
export async function fixtureWorkbook(): Promise<Workbook & { worksheetId: string }> {
  const wb = newWorkbook();
  const { worksheetId } = await insertTemplateSpec(wb.excel, buildFixture);
  wb.stats.reset();
  return { ...wb, worksheetId };
}

export const planFixture = (wb: Workbook, index: LibraryIndex): Promise<RefreshPlan> =>
  planRefreshWith(wb.excel, index, fixtureAssumptions);

export const applyFixture = (
  wb: Workbook,
  p: RefreshPlan,
  keys: readonly string[]
): Promise<{ applied: number }> => applyRefreshWith(wb.excel, p, keys, { now: APPLIED_AT });

/** The registry as stored; a test fails if it is not readable. */
export function registryOf(wb: Workbook): TemplateRegistry {
  const read = parseRegistry(wb.store.getSetting(REGISTRY_KEY));
  if (read.status !== "ok") throw new Error(`registry ${read.status}`);
  return read.registry;
}

/** The value the registry records for one assumption of one sheet. */
export const recorded = (wb: Workbook, id: string, key: string): number | string | undefined =>
  registryOf(wb).sheets[id]?.assumptions[key]?.value;

/** A plan's row; a test fails if there is none. */
export function planRow(p: RefreshPlan, key: string): RefreshRow {
  const found = p.rows.find((r) => r.key === key);
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
}

/**
 * An apply that Excel interrupts: the registry write fails inside the batch and so does the first cell
 * write of its rollback, so a pending record is left for Check for updates or Undo to settle.
 * Resolves to what the apply threw.
 */
export async function applyInterrupted(
  wb: Workbook,
  plan: RefreshPlan,
  keys: readonly string[]
): Promise<unknown> {
  wb.host.faults.failOperation({ location: "SettingCollection.add", key: REGISTRY_KEY });
  wb.host.faults.failOperation({ location: "Range.values", skip: 1 });
  return applyFixture(wb, plan, keys).catch((error: unknown) => error);
}
