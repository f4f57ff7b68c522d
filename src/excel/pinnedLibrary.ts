/**
 * Which library the workbook pins: the one its template sheets recorded, read from the template registry
 * in document settings (the format is templateRegistry.ts's; this reader is separate because the
 * custom-functions bundle needs it before the first calculation and must stay free of zod, which
 * templateRegistry.ts uses: tests/unit/excel/pinnedLibrary.test.ts reads registries that module wrote).
 *
 * "Pinned" means: the library id and version recorded by the template entry inserted or refreshed most
 * recently (that is the library the workbook last said it uses). No template sheet, or a registry that
 * cannot be read, pins nothing: then the bundled or saved library is fine, as before templates existed.
 * Only the fields needed are read, each as an own property, so a hostile registry ("__proto__" or
 * "constructor" entries, deep nesting) is data, never code paths.
 */
import {
  answersToken,
  setPinnedLibrary,
  type PinnedLibrary,
  type PinState,
} from "../shared-state/activeLibrary";
import { ownEntry } from "../model/library/indexLibrary";
import type { ExcelApi } from "./excelApi";
import { recalculateIfChanged, type RecalcExcel, type RecalcOutcome } from "./recalculate";

/** The template registry's setting key: templateRegistry.ts's REGISTRY_KEY (a test keeps them equal). */
export const TEMPLATE_REGISTRY_SETTING = "capplan.templates";

// The library index's own-key lookup (zod-free, so this bundle may use it), for any decoded object.
const own = (record: object, key: string): unknown =>
  ownEntry(record as Readonly<Record<string, unknown>>, key);

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

function decode(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** The pin of a registry setting's value (the object itself or its JSON text). Pure. */
export function pinnedLibraryOf(raw: unknown): PinState {
  const registry = decode(raw);
  if (typeof registry !== "object" || registry === null) return { kind: "none" };
  const sheets = own(registry, "sheets");
  if (typeof sheets !== "object" || sheets === null || Array.isArray(sheets))
    return { kind: "none" };
  let latest: { library: PinnedLibrary; at: string } | null = null;
  for (const key of Object.keys(sheets)) {
    const entry = own(sheets, key);
    if (typeof entry !== "object" || entry === null) continue;
    const id = text(own(entry, "libraryId"));
    const version = text(own(entry, "libraryVersion"));
    const sheetName = text(own(entry, "sheetName"));
    const at = text(own(entry, "refreshedAt")) ?? text(own(entry, "insertedAt"));
    if (id === null || version === null || sheetName === null || at === null) continue;
    // ISO timestamps compare as text; a tie keeps the first, so the answer does not depend on chance.
    if (latest === null || at > latest.at) latest = { library: { id, version, sheetName }, at };
  }
  return latest === null ? { kind: "none" } : { kind: "pinned", library: latest.library };
}

/** Reads the pin in one round trip. */
export async function readPinnedLibrary(excel: ExcelApi): Promise<PinState> {
  return excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(TEMPLATE_REGISTRY_SETTING);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? { kind: "none" } : pinnedLibraryOf(setting.value as unknown);
  });
}

/** Told the pin of the registry an operation just saved (after the sync that saved it succeeded). */
export type PinListener = (pin: PinState) => void;

/**
 * Makes `pin` (or, when the caller does not know what the registry now says, the pin read from the
 * workbook: one round trip) what the functions check against, and recalculates only if that changed what
 * they answer (a library found missing, or found again). Throws when the registry cannot be read.
 */
export async function updatePinnedLibrary(
  excel: RecalcExcel,
  pin?: PinState
): Promise<RecalcOutcome> {
  const known = pin ?? (await readPinnedLibrary(excel));
  const before = answersToken();
  setPinnedLibrary(known);
  return recalculateIfChanged(excel, before, answersToken());
}
