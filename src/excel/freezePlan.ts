/**
 * Freeze for sharing, the pure part: from what sync 1 read (the registry, the sheets, the names and
 * each chosen sheet's used range), which sheets to copy under which names, which cells of each copy
 * become values (every CAPPLAN formula, a spill as all its cells), which native formulas are rewritten
 * to read the copies instead of the originals, and the note. No Excel calls (src/excel/freeze.ts runs it).
 */
import { cellAddress, excelNameKey, parseSheetReference, sameExcelName } from "../model/a1";
import type { GridRange } from "../model/a1";
import { callsCapplan, rewriteReferences, sheetsReadBy } from "../model/formulaText";
import type { NameTarget } from "../model/formulaText";
import { MAX_FORMULA_LENGTH, valueContent } from "../templates/blocks";
import { noteCellBelow } from "../templates/freezeNote";

export { freezeNote, noteCellBelow } from "../templates/freezeNote";
import { TEMPLATE_KIND_LABELS, kindOf } from "./templateRegistry";
import type { TemplateEntry } from "./templateRegistry";

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * "<name> (frozen)", the name cut so the whole fits 31 characters, then "(frozen 2)", "(frozen 3)"...
 * until it is free (compared without regard to case, as Excel does).
 */
export function frozenSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(excelNameKey));
  for (let n = 1; n < 10_000; n++) {
    const suffix = n === 1 ? " (frozen)" : ` (frozen ${n})`;
    const base = name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd();
    const candidate = `${base}${suffix}`;
    if (!used.has(excelNameKey(candidate))) return candidate;
  }
  throw new RangeError(`No free sheet name for a frozen copy of "${name}"`);
}

/** What sync 1 read of one chosen sheet. */
export interface ChosenSheetRead {
  readonly id: string;
  readonly name: string;
  /** The used range (formats included), or null when the sheet is blank. */
  readonly used: GridRange | null;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

export interface FreezeInputs {
  /** The registry's entries, keyed by current worksheet id (pruneRegistry). */
  readonly entries: Readonly<Record<string, TemplateEntry>>;
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  /** Workbook names (excelNameKey) -> formula. */
  readonly names: ReadonlyMap<string, string>;
  readonly chosen: readonly ChosenSheetRead[];
}

/** A CAPPLAN formula cell (absolute 0-based coordinates on the original). */
export interface CapplanCell {
  readonly row: number;
  readonly col: number;
}

export interface SheetFreezePlan {
  readonly sourceId: string;
  readonly sourceName: string;
  readonly frozenName: string;
  readonly used: GridRange | null;
  /** CAPPLAN formula cells: each becomes its value, and its spill (found in sync 2) too. */
  readonly capplanCells: readonly CapplanCell[];
  /** Native formulas rewritten to read the copies: absolute (row, col) -> new formula. */
  readonly rewrites: ReadonlyMap<string, string>;
  /** Native formulas kept (rewritten or not). */
  readonly nativeFormulas: number;
  /** Where the note goes: two rows below the used range, in its first column. */
  readonly noteCell: CapplanCell;
  /** Other sheets, not frozen, that its formulas read (the copy reads them live, as the original does). */
  readonly readsLive: readonly string[];
}

export type FreezePlanResult =
  | { readonly ok: true; readonly sheets: readonly SheetFreezePlan[] }
  | { readonly ok: false; readonly problem: string; readonly next: string };

const cellKey = (row: number, col: number): string => `${row}:${col}`;

function nameTargets(names: ReadonlyMap<string, string>): Map<string, NameTarget> {
  const out = new Map<string, NameTarget>();
  for (const [key, formula] of names) {
    const target = parseSheetReference(formula);
    if (target !== null) out.set(key, target);
  }
  return out;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** The plan, or why the chosen sheets cannot be frozen as chosen (nothing read is changed either way). */
export function planFreeze(inputs: FreezeInputs): FreezePlanResult {
  if (inputs.chosen.length === 0)
    return {
      ok: false,
      problem: "No sheet was chosen",
      next: "Tick the template sheets to freeze.",
    };
  const chosenKeys = new Map(inputs.chosen.map((s) => [excelNameKey(s.name), s]));
  const sheetName = (id: string): string | undefined =>
    inputs.sheets.find((s) => s.id === id)?.name;
  const templateByName = new Map<string, string>();
  for (const [id, entry] of Object.entries(inputs.entries)) {
    const name = sheetName(id);
    if (name !== undefined)
      templateByName.set(excelNameKey(name), TEMPLATE_KIND_LABELS[kindOf(entry)]);
  }
  const targets = nameTargets(inputs.names);

  const live = new Map<string, Set<string>>();
  const readsLive = (id: string): Set<string> => {
    let set = live.get(id);
    if (set === undefined) live.set(id, (set = new Set()));
    return set;
  };
  for (const sheet of inputs.chosen) {
    const entry = inputs.entries[sheet.id];
    if (entry === undefined)
      return {
        ok: false,
        problem: `The sheet '${sheet.name}' is not a Capacity Planner template sheet (or no longer is)`,
        next: "Choose among the template sheets listed; use Find template sheets to list them again.",
      };
    // A board memo reads its Rent vs Build sheet: frozen alone it would read the live original.
    const source =
      entry.sourceWorksheetId === undefined ? undefined : sheetName(entry.sourceWorksheetId);
    if (source !== undefined && !chosenKeys.has(excelNameKey(source)))
      return {
        ok: false,
        problem: `The board memo '${sheet.name}' reads the sheet '${source}', which is not chosen`,
        next: `Tick '${source}' too: the frozen memo then reads its frozen copy.`,
      };
    for (const row of sheet.formulas) {
      for (const formula of row) {
        if (!isFormula(formula) || callsCapplan(formula)) continue;
        for (const key of sheetsReadBy(formula, targets)) {
          if (key === excelNameKey(sheet.name) || chosenKeys.has(key)) continue;
          const label = templateByName.get(key);
          if (label === undefined) {
            // A plain sheet: the copy reads it as the original does (reported, not refused).
            const name = inputs.sheets.find((s) => sameExcelName(s.name, key))?.name;
            if (name !== undefined) readsLive(sheet.id).add(name);
            continue;
          }
          const other = inputs.sheets.find((s) => sameExcelName(s.name, key))?.name ?? key;
          return {
            ok: false,
            problem: `The sheet '${sheet.name}' reads '${other}' (${label}), which is not chosen`,
            next: `Tick '${other}' too, so the frozen copy reads its frozen copy instead of the live sheet.`,
          };
        }
      }
    }
  }

  const taken = inputs.sheets.map((s) => s.name);
  const renamed = new Map<string, string>();
  for (const sheet of inputs.chosen) {
    const frozen = frozenSheetName(sheet.name, taken);
    taken.push(frozen);
    renamed.set(excelNameKey(sheet.name), frozen);
  }

  // A name written as the copy's address can make a formula longer than Excel accepts.
  let tooLong: string | null = null;
  const plans = inputs.chosen.map((sheet): SheetFreezePlan => {
    const capplanCells: CapplanCell[] = [];
    const rewrites = new Map<string, string>();
    let nativeFormulas = 0;
    const used = sheet.used;
    if (used !== null) {
      sheet.formulas.forEach((line, i) =>
        line.forEach((formula, j) => {
          if (!isFormula(formula)) return;
          const row = used.row + i;
          const col = used.col + j;
          if (callsCapplan(formula)) {
            capplanCells.push({ row, col });
            return;
          }
          nativeFormulas += 1;
          const next = rewriteReferences(formula, {
            ownSheet: sheet.name,
            sheets: renamed,
            names: targets,
          });
          if (next !== formula) rewrites.set(cellKey(row, col), next);
          if (next.length > MAX_FORMULA_LENGTH && tooLong === null)
            tooLong = `${sheet.name}!${cellAddress(row, col)}`;
        })
      );
    }
    return {
      sourceId: sheet.id,
      sourceName: sheet.name,
      frozenName: renamed.get(excelNameKey(sheet.name)) ?? sheet.name,
      used,
      capplanCells,
      rewrites,
      nativeFormulas,
      noteCell: noteCellBelow(used),
      readsLive: [...(live.get(sheet.id) ?? [])],
    };
  });
  if (tooLong !== null)
    return {
      ok: false,
      problem: `The formula in ${tooLong}, pointed at the frozen copies, would be longer than Excel's ${MAX_FORMULA_LENGTH.toLocaleString("en-US")} characters`,
      next: "Shorten that formula (or split it over two cells), then freeze again.",
    };
  return { ok: true, sheets: plans };
}

/** Excel's error literals a value may be (Range.valueTypes "Error"). */
const BUSY = new Set(["#BUSY!", "#GETTING_DATA"]);

/**
 * What to write into Range.formulas for a cell that becomes its value: numbers and booleans as they
 * are, errors as their literal (Excel reads "#N/A" typed as the error), text as text (prefixed where
 * Excel would misread it, so it can never become a formula).
 */
export function frozenContent(value: unknown, valueType: string): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : "";
  if (valueType === "Error") return text;
  if (valueType === "Empty") return "";
  return valueContent(text);
}

/** Whether a value is still being computed (an asynchronous function has not answered yet). */
export function stillComputing(value: unknown): boolean {
  return typeof value === "string" && BUSY.has(value);
}

/**
 * The writes on one copy: a Range.formulas matrix over `area` (null = leave the copied cell as it is),
 * `cells` being every cell that becomes a value (CAPPLAN cells and their spills) and the rewrites.
 */
export function writeMatrix(
  plan: SheetFreezePlan,
  sheet: ChosenSheetRead,
  valueCells: ReadonlySet<string>
): { area: GridRange; formulas: (string | number | boolean | null)[][] } | null {
  const used = sheet.used;
  if (used === null || (valueCells.size === 0 && plan.rewrites.size === 0)) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (key: string): void => {
    const [r, c] = key.split(":").map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  valueCells.forEach(include);
  plan.rewrites.forEach((_, key) => include(key));
  const area: GridRange = {
    row: top,
    col: left,
    rowCount: bottom - top + 1,
    colCount: right - left + 1,
  };
  const formulas: (string | number | boolean | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: (string | number | boolean | null)[] = [];
    for (let c = left; c <= right; c++) {
      const key = cellKey(r, c);
      const rewrite = plan.rewrites.get(key);
      if (rewrite !== undefined) line.push(rewrite);
      else if (valueCells.has(key)) {
        const i = r - used.row;
        const j = c - used.col;
        line.push(frozenContent(sheet.values[i]?.[j] ?? "", sheet.valueTypes[i]?.[j] ?? "Empty"));
      } else line.push(null);
    }
    formulas.push(line);
  }
  return { area, formulas };
}

export { cellKey };
