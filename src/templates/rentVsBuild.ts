/**
 * The rent-vs-build template: a declarative spec of every cell, name, width and the chart, built
 * from one library scenario. src/excel renders it; tests evaluate it with a formula engine and
 * compare it with the finance core.
 *
 * Sections top to bottom: header, assumptions (named inputs), results, derived quantities, yearly
 * cash flows, chart data, sensitivity grid, breakeven workings (see layout.ts for rows and columns).
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import { columnIndex, columnLetter } from "../model/a1";
import { resolveTemplateInputs } from "./assumptions";
import {
  charactersToPoints,
  SENSITIVITY_FIRST_GRID_COLUMN,
  SENSITIVITY_STEPS,
  WIDTH_CHARACTERS,
  yearColumn,
} from "./layout";
import { SheetBuilder } from "./sheetBuilder";
import type { SectionContext } from "./sections/context";
import { LIBRARY_HEADER, writeHeader } from "./sections/header";
import { writeAssumptions } from "./sections/assumptions";
import { writeResults } from "./sections/results";
import { writeDerived } from "./sections/derived";
import { writeCashflows } from "./sections/cashflows";
import { writeChart } from "./sections/chart";
import { writeSensitivity } from "./sections/sensitivity";
import { writeBreakeven } from "./sections/breakeven";
import { V2_LAST_FIXED_COLUMN, v2AssumptionSpecs, writeModelV2 } from "./sections/modelV2";
import { scenarioRoutesFor } from "../model/resolveRoute";
import type { AssumptionSpec, TemplateSpec } from "./types";

export { LIBRARY_HEADER };

/**
 * Every assumption row of a scenario's template, the v1 inputs then the model v2 inputs, as the template
 * writes them: what the refresh compares with the workbook. Throws for an unknown scenario.
 */
export function assumptionsFromLibrary(
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string
): AssumptionSpec[] {
  const { resolved, assumptions } = resolveTemplateInputs(index, scenarioId, nameSuffix);
  const library = index.library;
  const routes = scenarioRoutesFor(index, scenarioId);
  return [
    ...assumptions,
    ...v2AssumptionSpecs(
      { routes, resolved, library, publishedAt: library.meta.publishedAt },
      nameSuffix
    ),
  ];
}

export interface TemplatePlacement {
  readonly sheetName: string;
  /** Appended to every workbook name ("" for the first template in a workbook, e.g. "_2" after). */
  readonly nameSuffix: string;
}

/** Label and unit columns wide enough to read; every numeric column fits tens of billions of USD. */
function columnWidths(horizon: number): { column: string; width: number }[] {
  const lastNumeric = Math.max(
    columnIndex(yearColumn(horizon)),
    SENSITIVITY_FIRST_GRID_COLUMN + SENSITIVITY_STEPS.length - 1,
    columnIndex(V2_LAST_FIXED_COLUMN)
  );
  const widths = [
    { column: "A", width: charactersToPoints(WIDTH_CHARACTERS.label) },
    { column: "B", width: charactersToPoints(WIDTH_CHARACTERS.unit) },
  ];
  for (let col = columnIndex(yearColumn(0)); col <= lastNumeric; col++) {
    widths.push({ column: columnLetter(col), width: charactersToPoints(WIDTH_CHARACTERS.year) });
  }
  return widths;
}

/**
 * The template for `scenarioId` (an id or name the library knows). Throws a LookupError naming
 * the nearest scenarios when the library has no such scenario.
 */
export function buildRentVsBuildTemplate(
  index: LibraryIndex,
  scenarioId: string,
  placement: TemplatePlacement
): TemplateSpec {
  const { resolved, assumptions } = resolveTemplateInputs(index, scenarioId, placement.nameSuffix);
  const b = new SheetBuilder(placement.nameSuffix);
  const library = index.library;
  const horizon = resolved.compare.horizonYears;
  const ctx: SectionContext = { b, library, resolved, assumptions, horizon };

  writeHeader(ctx);
  writeAssumptions(ctx);
  const resultNames = writeResults(ctx);
  writeDerived(ctx);
  writeCashflows(ctx);
  const chart = writeChart(ctx);
  writeSensitivity(ctx);
  writeBreakeven(ctx);
  const routes = scenarioRoutesFor(index, scenarioId);
  const routeResultNames = writeModelV2({ ...ctx, routes, publishedAt: library.meta.publishedAt });
  const v2Assumptions = v2AssumptionSpecs(
    { routes, resolved, library, publishedAt: library.meta.publishedAt },
    placement.nameSuffix
  );

  return {
    sheetName: placement.sheetName,
    nameSuffix: placement.nameSuffix,
    cells: b.cellList(),
    assumptions: [...assumptions, ...v2Assumptions],
    names: b.nameList(),
    columnWidths: columnWidths(horizon),
    chart,
    resultNames,
    routeResultNames,
    metadata: {
      libraryId: library.meta.id,
      libraryVersion: library.meta.version,
      libraryName: library.meta.name,
      scenarioId: resolved.scenario.id,
      scenarioName: resolved.scenario.name,
      horizonYears: horizon,
    },
  };
}
