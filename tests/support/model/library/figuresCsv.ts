/** Reads the reference figures (docs/reference/figures.csv, a copy of ../shared/reference/figures.csv) for provenance tests. */
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The sourced public figures the default library is built from. The repository keeps a copy
 * (docs/reference/figures.csv) so a clone tests on its own; the team's shared copy, when it sits beside the
 * repository, must be identical (checked in defaultLibrary.test.ts).
 */
export const FIGURES_CSV_PATH = path.resolve(__dirname, "../../../../docs/reference/figures.csv");
export const SHARED_FIGURES_CSV_PATH = path.resolve(
  __dirname,
  "../../../../../shared/reference/figures.csv"
);

export interface Figure {
  key: string;
  low?: number;
  typical: number;
  high?: number;
  unit: string;
  source: string;
  asOf: string;
}

/** RFC 4180 rows: quoted fields may contain commas and doubled quotes. */
function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

const optionalNumber = (cell: string): number | undefined =>
  cell.trim() === "" ? undefined : Number(cell);

export function readFigures(): Map<string, Figure> {
  const [header, ...rows] = parseCsvRows(readFileSync(FIGURES_CSV_PATH, "utf8"));
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`figures.csv has no column ${name}`);
    return index;
  };
  const [key, low, typical, high, unit, source, asOf] = [
    "key",
    "low",
    "typical",
    "high",
    "unit",
    "source",
    "as_of",
  ].map(column);
  const figures = new Map<string, Figure>();
  for (const row of rows) {
    figures.set(row[key], {
      key: row[key],
      low: optionalNumber(row[low]),
      typical: Number(row[typical]),
      high: optionalNumber(row[high]),
      unit: row[unit],
      source: row[source],
      asOf: row[asOf],
    });
  }
  return figures;
}

/** The figure for a key, failing loudly when the CSV lacks it. */
export function figure(figures: ReadonlyMap<string, Figure>, key: string): Figure {
  const found = figures.get(key);
  if (!found) throw new Error(`figures.csv has no key ${key}`);
  return found;
}
