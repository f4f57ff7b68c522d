/**
 * A small template, built from a library scenario, for testing src/excel independently of the real
 * rent-vs-build template: the same contract (TemplateSpec, AssumptionSpec, names carrying the
 * suffix), a dozen cells, five assumptions, a few formulas, a chart.
 */
import type { TemplatePlacement } from "../../../src/excel/insertSheet";
import type { LibraryIndex } from "../../../src/model/library/indexLibrary";
import { findScenario } from "../../../src/model/library/indexLibrary";
import type { Quantity } from "../../../src/model/library/schema";
import type { AssumptionSpec, CellSpec, TemplateSpec } from "../../../src/templates/types";

interface Row {
  readonly key: string;
  readonly label: string;
  readonly base: string;
  readonly numberFormat: string;
  readonly read: (
    index: LibraryIndex,
    scenarioId: string
  ) => { value: number; unit: string; source: string; asOf: string; libraryPath?: string };
}

function scenarioOf(index: LibraryIndex, scenarioId: string) {
  const scenario = findScenario(index, scenarioId);
  if (scenario === undefined) throw new Error(`Unknown scenario '${scenarioId}'`);
  return scenario;
}

const q = (quantity: Quantity, libraryPath: string) => ({ ...quantity, libraryPath });

/** Rows B5:B9. */
export const FIXTURE_ROWS: readonly Row[] = [
  {
    key: "gpuCount",
    label: "GPUs",
    base: "CP_GpuCount",
    numberFormat: "#,##0",
    read: (index, id) => {
      const s = scenarioOf(index, id);
      return {
        value: s.count,
        unit: "GPUs",
        source: `Scenario ${s.name}`,
        asOf: index.library.meta.publishedAt,
      };
    },
  },
  {
    key: "systemPricePerGpu",
    label: "System price per GPU",
    base: "CP_SystemPricePerGpu",
    numberFormat: "$#,##0",
    read: (index, id) => {
      const s = scenarioOf(index, id);
      const gpu = index.library.gpus[s.gpu];
      if (gpu === undefined) throw new Error("gpu");
      return q(gpu.systemPricePerGpu, `gpus.${s.gpu}.systemPricePerGpu`);
    },
  },
  {
    key: "powerPrice",
    label: "Power price",
    base: "CP_PowerPrice",
    numberFormat: "$0.0000",
    read: (index, id) => {
      const s = scenarioOf(index, id);
      const region = index.library.regions[s.region];
      if (region === undefined) throw new Error("region");
      return q(region.powerPrice, `regions.${s.region}.powerPrice`);
    },
  },
  {
    key: "rentalRate",
    label: "Rental rate",
    base: "CP_RentalRate",
    numberFormat: "$0.00",
    read: (index, id) => {
      const s = scenarioOf(index, id);
      const offer = index.library.rentalOffers[s.rentalOffer];
      if (offer === undefined) throw new Error("offer");
      return q(offer.rate, `rentalOffers.${s.rentalOffer}.rate`);
    },
  },
  {
    key: "discountRate",
    label: "Discount rate",
    base: "CP_DiscountRate",
    numberFormat: "0.0%",
    read: (index) => q(index.library.financing.discountRate, "financing.discountRate"),
  },
];

export const FIRST_ASSUMPTION_ROW = 5;

export function fixtureAssumptions(
  index: LibraryIndex,
  scenarioId: string,
  nameSuffix: string
): AssumptionSpec[] {
  return FIXTURE_ROWS.map((row, i) => {
    const p = row.read(index, scenarioId);
    const spec: AssumptionSpec = {
      key: row.key,
      label: row.label,
      name: row.base + nameSuffix,
      address: `B${FIRST_ASSUMPTION_ROW + i}`,
      value: p.value,
      unit: p.unit,
      source: p.source,
      asOf: p.asOf,
      numberFormat: row.numberFormat,
      ...(p.libraryPath === undefined ? {} : { libraryPath: p.libraryPath }),
    };
    return spec;
  });
}

export interface FixtureOptions {
  /** Extra workbook names (e.g. an invalid one, to make Excel fail the write sync). */
  readonly extraNames?: readonly { name: string; address: string }[];
}

export function fixtureSpec(
  index: LibraryIndex,
  scenarioId: string,
  placement: TemplatePlacement,
  options: FixtureOptions = {}
): TemplateSpec {
  const scenario = scenarioOf(index, scenarioId);
  const meta = index.library.meta;
  const s = placement.nameSuffix;
  const assumptions = fixtureAssumptions(index, scenarioId, s);
  const cells: CellSpec[] = [
    { address: "A1", value: "Rent vs Build", style: "title" },
    { address: "A2", value: `${scenario.name} | ${meta.name} ${meta.version}`, style: "subtitle" },
    { address: "A4", value: "Assumptions", style: "section" },
    { address: "B4", value: "Value", style: "header" },
    { address: "C4", value: "Unit", style: "header" },
    { address: "D4", value: "Source", style: "header" },
    { address: "E4", value: "As of", style: "header" },
  ];
  for (const a of assumptions) {
    const row = Number(a.address.slice(1));
    cells.push(
      { address: `A${row}`, value: a.label, style: "label" },
      { address: a.address, value: a.value, numberFormat: a.numberFormat, style: "input" },
      { address: `C${row}`, value: a.unit, style: "unit" },
      { address: `D${row}`, value: a.source, style: "source" },
      { address: `E${row}`, value: a.asOf, style: "source" }
    );
  }
  // Cumulative cost by year 0..3: build pays the servers up front and power after; rent pays by the hour.
  cells.push(
    { address: "A11", value: "Cumulative cost", style: "section" },
    { address: "A12", value: "Year", style: "header" },
    { address: "A13", value: "Build", style: "label" },
    { address: "A14", value: "Rent", style: "label" }
  );
  const cols = ["B", "C", "D", "E"];
  cols.forEach((col, year) => {
    cells.push({ address: `${col}12`, value: year, style: "header" });
    const prev = cols[year - 1];
    cells.push({
      address: `${col}13`,
      formula:
        prev === undefined
          ? `=CP_GpuCount${s}*CP_SystemPricePerGpu${s}`
          : `=${prev}13+CP_GpuCount${s}*1.275*8760*CP_PowerPrice${s}`,
      numberFormat: "$#,##0",
      style: "formula",
    });
    cells.push({
      address: `${col}14`,
      formula: prev === undefined ? "=0" : `=${prev}14+CP_GpuCount${s}*8760*CP_RentalRate${s}`,
      numberFormat: "$#,##0",
      style: "formula",
    });
  });
  cells.push(
    { address: "A16", value: "NPV build minus rent", style: "label" },
    {
      address: "B16",
      formula: `=NPV(CP_DiscountRate${s},C13:E13)-NPV(CP_DiscountRate${s},C14:E14)`,
      numberFormat: "$#,##0",
      style: "result",
    },
    { address: "A17", value: "=not a formula, just text", style: "note" }
  );
  return {
    sheetName: placement.sheetName,
    nameSuffix: s,
    cells,
    assumptions,
    names: [{ name: `CP_NpvDifference${s}`, address: "B16" }, ...(options.extraNames ?? [])],
    columnWidths: [
      { column: "A", width: 160 },
      { column: "B", width: 80 },
      { column: "C", width: 70 },
      { column: "D", width: 220 },
      { column: "E", width: 60 },
    ],
    charts: [
      {
        title: "Cumulative cost, rent vs build",
        type: "Line",
        dataAddress: "A12:E14",
        seriesBy: "Rows",
        anchorTopLeft: "G4",
        anchorBottomRight: "N20",
      },
    ],
    metadata: {
      libraryId: meta.id,
      libraryVersion: meta.version,
      libraryName: meta.name,
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      horizonYears: 3,
    },
  };
}

/** The fixture as an insertTemplateSpec builder. */
export function fixtureBuilder(
  index: LibraryIndex,
  scenarioId: string,
  options: FixtureOptions = {}
) {
  return (placement: TemplatePlacement): TemplateSpec =>
    fixtureSpec(index, scenarioId, placement, options);
}

/** Cells written by one fixture insert: contents + number formats. */
export function fixtureCellWrites(spec: TemplateSpec): number {
  return spec.cells.reduce(
    (n, c) =>
      n +
      (c.value !== undefined || c.formula !== undefined ? 1 : 0) +
      (c.numberFormat === undefined ? 0 : 1),
    0
  );
}
