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
import type { AssumptionSpec, RentVsBuildSpec } from "./types";
import type { ResolvedScenario } from "../model/resolve";
import type { AssumptionKey } from "./layout";
import { NAME_PREFIX } from "./sheetBuilder";
import {
  cachedTemplateRun,
  riskRangeNameBase,
  templateRiskCase,
  RISK_DEFAULT_SEED,
  RISK_DEFAULT_TRIALS,
} from "./riskRun";
import {
  RISK_RANGE_COLUMN,
  riskAssumptionSpecs,
  riskLayoutInputs,
  riskValueCells,
  riskValueFormats,
  writeRisk,
} from "./sections/risk";

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
  const v1AndV2 = [
    ...assumptions,
    ...v2AssumptionSpecs(
      { routes, resolved, library, publishedAt: library.meta.publishedAt },
      nameSuffix
    ),
  ];
  const libraryCase = templateRiskCase(
    index,
    resolved.scenario.id,
    nameSuffix,
    () => undefined,
    new Map()
  );
  const riskInputs = riskLayoutInputs(libraryCase.c, v1AndV2, nameSuffix);
  return [...v1AndV2, ...riskAssumptionSpecs(riskInputs, nameSuffix)];
}

/** The risk section's library inputs, assumptions and first run for a scenario's template (section 12.13). */
function riskSectionAtInsert(
  index: LibraryIndex,
  resolved: ResolvedScenario,
  assumptions: readonly AssumptionSpec[],
  placement: TemplatePlacement
) {
  const suffix = placement.nameSuffix;
  const { scenario } = resolved;
  // The library's case, read back through the same path a run from the workbook takes.
  const libraryCase = templateRiskCase(index, scenario.id, suffix, () => undefined, new Map());
  const inputs = riskLayoutInputs(libraryCase.c, assumptions, suffix);
  const specs = riskAssumptionSpecs(inputs, suffix);
  const byName = new Map<string, unknown>(
    [...assumptions, ...specs].map((a) => [a.name, a.value] as const)
  );
  for (const input of inputs) {
    if (input.linkedTo !== null)
      byName.set(
        `${NAME_PREFIX}${riskRangeNameBase(input.key, "Typical")}${suffix}`,
        input.typical
      );
  }
  const libraryValues = new Map(assumptions.map((a) => [a.key as AssumptionKey, a.value] as const));
  const sheetCase = templateRiskCase(
    index,
    scenario.id,
    suffix,
    (name) => byName.get(name),
    libraryValues
  );
  const now = placement.now ?? new Date(`${index.library.meta.publishedAt}T00:00:00Z`);
  const run = cachedTemplateRun(
    index,
    scenario.id,
    sheetCase,
    RISK_DEFAULT_TRIALS,
    RISK_DEFAULT_SEED,
    now
  );
  return { inputs, specs, case: sheetCase, run };
}

export interface TemplatePlacement {
  readonly sheetName: string;
  /** Appended to every workbook name ("" for the first template in a workbook, e.g. "_2" after). */
  readonly nameSuffix: string;
  /** When the risk section's first run happens (its stamp); the library's publication date when omitted. */
  readonly now?: Date;
}

/** Label and unit columns wide enough to read; every numeric column fits tens of billions of USD. */
function columnWidths(horizon: number): { column: string; width: number }[] {
  const lastNumeric = Math.max(
    columnIndex(yearColumn(horizon)),
    SENSITIVITY_FIRST_GRID_COLUMN + SENSITIVITY_STEPS.length - 1,
    columnIndex(V2_LAST_FIXED_COLUMN),
    columnIndex(RISK_RANGE_COLUMN.changed)
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
): RentVsBuildSpec {
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
  const risk = riskSectionAtInsert(index, resolved, [...assumptions, ...v2Assumptions], placement);
  const riskCharts = writeRisk(b, risk.inputs, risk.case.c, risk.run.tornado.bars.length);
  const formats = new Map(riskValueFormats().map((f) => [f.address, f.numberFormat] as const));
  for (const cell of riskValueCells(risk.run)) {
    if (cell.value === "") continue;
    b.value(cell.address, cell.value, "result", formats.get(cell.address));
  }

  return {
    sheetName: placement.sheetName,
    nameSuffix: placement.nameSuffix,
    cells: b.cellList(),
    assumptions: [...assumptions, ...v2Assumptions, ...risk.specs],
    names: b.nameList(),
    columnWidths: columnWidths(horizon),
    charts: [chart, ...riskCharts],
    chart,
    riskCharts,
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
