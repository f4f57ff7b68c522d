/**
 * Model v2 (docs/model.md section 11, src/model/finance/route*.ts) as native Excel formulas, below every v1
 * section so no v1 row or name moves: named v2 inputs (values from scenarioRoutesFor, so the scenario's
 * overrides apply), a fixed block of 12 phase rows (the schema's maximum; unused phases have share 0 and are
 * out of use by CP_PhaseCount), single derived cells, yearly rows for the own route, the pure rent route and
 * (when the scenario has one) the bridge, the tax of each, and the named results.
 *
 * The build basis (IT capex, facility, energy price, PUE, ...) and the rental of the rent route are the v1
 * named inputs above: the routes of a scenario use the same build and rent unless the scenario overrides a
 * v1 key (tests/unit/templates/modelV2Parity.test.ts checks that for every bundled scenario).
 */
import type { RouteInputs } from "../../model/finance/routeTypes";
import {
  MACRS_5YR_HALF_YEAR,
  NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT,
} from "../../model/finance/tax";
import type { ScenarioRoutes } from "../../model/resolveRoute";
import { ownEntry } from "../../model/library/indexLibrary";
import type { Quantity } from "../../model/library/schema";
import { FORMAT } from "../formats";
import {
  COLUMN,
  LAYOUT,
  V2_PHASES,
  yearColumn,
  type V2DerivedKey,
  type V2InputKey,
  type V2ResultKey,
  type V2YearKey,
} from "../layout";
import type { AssumptionSpec, CellStyle } from "../types";
import { NAME_PREFIX } from "../sheetBuilder";
import { allYears, nameOf, years, yearsOneToH, type SectionContext } from "./context";

export const NO_SOURCED_FIGURE = "default: no sourced figure (docs/model.md §11)";
export const NO_BRIDGE = "bridge: none (the scenario rents nothing while building)";

/** Column letters of the phase table (label A, phase number B). */
export const PHASE_COLUMN = {
  offset: "C",
  share: "D",
  month: "E",
  year: "F",
  cost: "G",
  residual: "H",
  lastOffset: "I",
  firstOffset: "J",
} as const;

/** Rightmost column the v2 section writes outside the year columns. */
export const V2_LAST_FIXED_COLUMN = PHASE_COLUMN.firstOffset;

export interface V2Context extends SectionContext {
  readonly routes: ScenarioRoutes;
  readonly publishedAt: string;
}

/** What the v2 inputs are read from: the scenario's routes, its v1 resolution and the library. */
export type V2ReadContext = Pick<V2Context, "routes" | "resolved" | "library" | "publishedAt">;

interface InputProvenance {
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
  readonly asOf: string;
}

interface InputDef {
  readonly label: string;
  readonly format?: string;
  readonly read: (c: V2ReadContext) => InputProvenance;
}

function owned(c: V2ReadContext) {
  const o = c.routes.own.owned;
  if (o === null) throw new Error("the own route has no owned fleet");
  return o;
}

function bridge(c: V2ReadContext): RouteInputs | null {
  return c.routes.bridge;
}

function bridgeRented(c: V2ReadContext) {
  return c.routes.bridge?.rented ?? null;
}

/** Provenance of a value: the scenario's override, the library quantity, or the default without a source. */
/** The scenario overrides `key` (as parsed: aliases and any spelling resolved to the canonical key). */
function overridden(c: V2ReadContext, key: string): boolean {
  return ownEntry(c.routes.overrides as Readonly<Record<string, unknown>>, key) !== undefined;
}

function provenance(
  c: V2ReadContext,
  value: number | string,
  unit: string,
  quantity: Quantity | undefined,
  path: string,
  overrideKey?: string
): InputProvenance {
  const { scenario } = c.resolved;
  if (overrideKey !== undefined && overridden(c, overrideKey)) {
    return {
      value,
      unit,
      source: `scenarios.${scenario.id}.overrides.${overrideKey} (the scenario overrides ${path})`,
      asOf: c.publishedAt,
    };
  }
  if (quantity !== undefined)
    return { value, unit, source: `${path}: ${quantity.source}`, asOf: quantity.asOf };
  return { value, unit, source: `${path} not set; ${NO_SOURCED_FIGURE}`, asOf: c.publishedAt };
}

const ops = (c: V2ReadContext) => c.library.operations;
const power = (c: V2ReadContext) => c.resolved.approach.power;
const approachPath = (c: V2ReadContext) => `approaches.${c.resolved.approach.id}`;
const offerPath = (c: V2ReadContext) => `rentalOffers.${c.resolved.offer.id}`;

function bridgeOfferPath(c: V2ReadContext): string {
  const key = c.resolved.scenario.bridge?.rentalOffer ?? c.resolved.scenario.rentalOffer;
  return `rentalOffers.${key}`;
}

function bridgeOfferQuantity(
  c: V2ReadContext,
  field: "availability" | "minimumTermMonths" | "rate" | "annualPriceChange" | "leadTimeMonths"
): Quantity | undefined {
  const key = c.resolved.scenario.bridge?.rentalOffer ?? c.resolved.scenario.rentalOffer;
  const offer = c.library.rentalOffers[key] as unknown as Record<string, Quantity | undefined>;
  return offer?.[field];
}

/** A bridge input: its value on the bridge, or 0 with "bridge: none". */
function bridgeInput(
  c: V2ReadContext,
  unit: string,
  value: (b: RouteInputs) => number,
  quantity: () => Quantity | undefined,
  path: () => string,
  overrideKey?: string
): InputProvenance {
  const b = bridge(c);
  if (b === null) return { value: 0, unit, source: NO_BRIDGE, asOf: c.publishedAt };
  return provenance(c, value(b), unit, quantity(), path(), overrideKey);
}

const INPUTS: Readonly<Record<V2InputKey, InputDef>> = {
  productiveUtilization: {
    label: "Productive utilization",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        c.routes.own.work.productiveUtilization,
        "share of available hours",
        ops(c).productiveUtilization,
        "operations.productiveUtilization",
        "productiveUtilization"
      ),
  },
  goodput: {
    label: "Goodput",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        c.routes.own.work.goodput,
        "share of running time",
        ops(c).goodput,
        "operations.goodput",
        "goodput"
      ),
  },
  sparesShare: {
    label: "Spares bought, share of the count",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        owned(c).sparesShare,
        "share of GPUs",
        ops(c).sparesShare,
        "operations.sparesShare",
        "sparesShare"
      ),
  },
  sparesNeeded: {
    label: "Spares needed, share of the count",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        owned(c).sparesNeeded,
        "share of GPUs",
        ops(c).sparesNeeded,
        "operations.sparesNeeded"
      ),
  },
  outageHoursPerYear: {
    label: "Grid outage hours per year",
    format: FORMAT.ratio,
    read: (c) =>
      provenance(
        c,
        owned(c).power.outageHoursPerYear,
        "hours per year",
        ops(c).outageHoursPerYear,
        "operations.outageHoursPerYear",
        "outageHoursPerYear"
      ),
  },
  outagesPerYear: {
    label: "Grid outages per year",
    format: FORMAT.ratio,
    read: (c) =>
      provenance(
        c,
        owned(c).power.outagesPerYear,
        "per year",
        ops(c).outagesPerYear,
        "operations.outagesPerYear"
      ),
  },
  restartHoursPerOutage: {
    label: "Work lost per outage (restart)",
    format: FORMAT.ratio,
    read: (c) =>
      provenance(
        c,
        owned(c).power.restartHoursPerOutage,
        "fleet hours per outage",
        ops(c).restartHoursPerOutage,
        "operations.restartHoursPerOutage"
      ),
  },
  powerKind: {
    label: "Power supply",
    read: (c) => {
      const kind = owned(c).power.kind;
      const set = power(c) !== undefined;
      return {
        value: kind,
        unit: "grid | grid+battery | onsite-bridge",
        source: set
          ? `${approachPath(c)}.power.kind`
          : `${approachPath(c)}.power not set: the grid; ${NO_SOURCED_FIGURE}`,
        asOf: c.publishedAt,
      };
    },
  },
  batteryHours: {
    label: "Battery hours at full load",
    format: FORMAT.ratio,
    read: (c) =>
      provenance(
        c,
        owned(c).power.batteryHours,
        "hours",
        power(c)?.batteryHours,
        `${approachPath(c)}.power.batteryHours`
      ),
  },
  batteryCostPerKwh: {
    label: "Battery capex per kWh",
    format: FORMAT.usd,
    read: (c) =>
      provenance(
        c,
        owned(c).power.batteryCostPerKwh,
        "USD per kWh",
        power(c)?.batteryCostPerKwh,
        `${approachPath(c)}.power.batteryCostPerKwh`
      ),
  },
  onsiteCostPerKw: {
    label: "On-site generation capex per kW",
    format: FORMAT.usd,
    read: (c) =>
      provenance(
        c,
        owned(c).power.onsiteCostPerKw,
        "USD per kW",
        power(c)?.onsiteCostPerKw,
        `${approachPath(c)}.power.onsiteCostPerKw`
      ),
  },
  onsitePricePerKwh: {
    label: "On-site energy price",
    format: FORMAT.usdPerKwh,
    read: (c) => {
      const q = power(c)?.onsitePricePerKwh;
      if (q !== undefined || overridden(c, "onsitePricePerKwh"))
        return provenance(
          c,
          owned(c).power.onsitePricePerKwh,
          "USD per kWh",
          q,
          `${approachPath(c)}.power.onsitePricePerKwh`,
          "onsitePricePerKwh"
        );
      return {
        value: owned(c).power.onsitePricePerKwh,
        unit: "USD per kWh",
        source: `no sourced fuel figure: the build's power price (regions.${c.resolved.region.id}.powerPrice); ${NO_SOURCED_FIGURE}`,
        asOf: c.publishedAt,
      };
    },
  },
  gridMonths: {
    label: "Grid arrives (on-site bridge)",
    format: FORMAT.months,
    read: (c) => {
      const value = owned(c).power.gridMonths;
      if (overridden(c, "gridMonths"))
        return provenance(c, value, "months", undefined, "the grid wait", "gridMonths");
      return {
        value,
        unit: "months",
        source: `derived: regions.${c.resolved.region.id} grid wait for the facility load (used only by an on-site bridge)`,
        asOf: c.resolved.region.gridConnectionMonths.asOf,
      };
    },
  },
  rampMonths: {
    label: "Ramp, first to full capacity",
    format: FORMAT.months,
    read: (c) =>
      provenance(
        c,
        owned(c).rampMonths,
        "months",
        c.resolved.approach.rampMonths,
        `${approachPath(c)}.rampMonths`,
        "rampMonths"
      ),
  },
  hardwarePriceChange: {
    label: "Hardware price change per year",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        owned(c).hardwarePriceChange,
        "fraction per year",
        ops(c).hardwarePriceChange,
        "operations.hardwarePriceChange",
        "hardwarePriceChange"
      ),
  },
  taxRate: {
    label: "Income tax rate (0 = pre-tax)",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        c.routes.settings.taxRate,
        "fraction",
        c.library.financing.taxRate,
        "financing.taxRate",
        "taxRate"
      ),
  },
  bonusDepreciation: {
    label: "Bonus depreciation share of IT",
    format: FORMAT.percent,
    read: (c) => {
      const value = c.routes.settings.bonusDepreciationShare ?? 0;
      if (overridden(c, "bonusDepreciation"))
        return provenance(
          c,
          value,
          "fraction",
          undefined,
          "the MACRS-only default",
          "bonusDepreciation"
        );
      return {
        value,
        unit: "fraction",
        source:
          "default 0 = MACRS 5-year only; the US choice for IT placed in service after 2025-01-19 is 1 (tax.bonus_depreciation_rate, OBBBA)",
        asOf: c.publishedAt,
      };
    },
  },
  rentAvailability: {
    label: "Rental availability (SLA)",
    format: FORMAT.percent,
    read: (c) =>
      provenance(
        c,
        c.routes.rent.rented?.availability ?? 1,
        "share of hours",
        c.resolved.offer.availability,
        `${offerPath(c)}.availability`
      ),
  },
  rentBilling: {
    label: "Rent billing: all hours 1, used 0",
    format: FORMAT.flag,
    read: (c) => {
      const billing = c.routes.rent.rented?.billing ?? "all-hours";
      return {
        value: billing === "all-hours" ? 1 : 0,
        unit: "1 or 0",
        source:
          c.resolved.offer.billing !== undefined
            ? `${offerPath(c)}.billing: ${billing}`
            : `${offerPath(c)}.billing not set: ${billing} by its term (${c.resolved.offer.term})`,
        asOf: c.publishedAt,
      };
    },
  },
  hasBridge: {
    label: "Bridge: rent while building (1/0)",
    format: FORMAT.flag,
    read: (c) => {
      const s = c.resolved.scenario;
      return bridge(c) === null
        ? { value: 0, unit: "1 or 0", source: NO_BRIDGE, asOf: c.publishedAt }
        : {
            value: 1,
            unit: "1 or 0",
            source: `scenarios.${s.id}.bridge (rental offer ${s.bridge?.rentalOffer ?? s.rentalOffer})`,
            asOf: c.publishedAt,
          };
    },
  },
  bridgeRentRate: {
    label: "Bridge rental rate, first year",
    format: FORMAT.usdCents,
    read: (c) =>
      bridgeInput(
        c,
        "USD per GPU-hour",
        (b) => b.rented?.rent.ratePerGpuHour ?? 0,
        () => bridgeOfferQuantity(c, "rate"),
        () => `${bridgeOfferPath(c)}.rate`
      ),
  },
  bridgeRentPriceChange: {
    label: "Bridge rental price change per year",
    format: FORMAT.percent,
    read: (c) =>
      bridgeInput(
        c,
        "fraction per year",
        (b) => b.rented?.rent.annualPriceChange ?? 0,
        () => bridgeOfferQuantity(c, "annualPriceChange"),
        () => `${bridgeOfferPath(c)}.annualPriceChange`
      ),
  },
  bridgeLeadMonths: {
    label: "Bridge rental lead time",
    format: FORMAT.months,
    read: (c) => {
      const s = c.resolved.scenario;
      if (bridge(c) !== null && s.rentLeadTimeMonths !== undefined)
        return {
          value: bridgeRented(c)?.rent.leadTimeMonths ?? 0,
          unit: "months",
          source: `scenarios.${s.id}.rentLeadTimeMonths (the scenario overrides the offer's lead time)`,
          asOf: c.publishedAt,
        };
      return bridgeInput(
        c,
        "months",
        (b) => b.rented?.rent.leadTimeMonths ?? 0,
        () => bridgeOfferQuantity(c, "leadTimeMonths"),
        () => `${bridgeOfferPath(c)}.leadTimeMonths`
      );
    },
  },
  bridgeAvailability: {
    label: "Bridge rental availability (SLA)",
    format: FORMAT.percent,
    read: (c) =>
      bridgeInput(
        c,
        "share of hours",
        (b) => b.rented?.availability ?? 1,
        () => bridgeOfferQuantity(c, "availability"),
        () => `${bridgeOfferPath(c)}.availability`
      ),
  },
  bridgeBilling: {
    label: "Bridge billing: all hours 1, used 0",
    format: FORMAT.flag,
    read: (c) => {
      const r = bridgeRented(c);
      if (r === null) return { value: 0, unit: "1 or 0", source: NO_BRIDGE, asOf: c.publishedAt };
      return {
        value: r.billing === "all-hours" ? 1 : 0,
        unit: "1 or 0",
        source: `${bridgeOfferPath(c)}.billing (or its term): ${r.billing}`,
        asOf: c.publishedAt,
      };
    },
  },
  bridgeMinimumTermMonths: {
    label: "Bridge minimum rental term",
    format: FORMAT.months,
    read: (c) =>
      bridgeInput(
        c,
        "months",
        (b) => b.rented?.minimumTermMonths ?? 0,
        () => bridgeOfferQuantity(c, "minimumTermMonths"),
        () => `${bridgeOfferPath(c)}.minimumTermMonths`
      ),
  },
  bridgeOverlapMonths: {
    label: "Bridge overlap after full ramp",
    format: FORMAT.months,
    read: (c) => {
      const b = bridge(c);
      if (b === null) return { value: 0, unit: "months", source: NO_BRIDGE, asOf: c.publishedAt };
      return provenance(
        c,
        b.overlapMonths,
        "months",
        undefined,
        `scenarios.${c.resolved.scenario.id}.bridge.overlapMonths`,
        "overlapMonths"
      );
    },
  },
  phaseCount: {
    label: "Phases in use (rows below)",
    format: FORMAT.count,
    read: (c) => {
      const phases = owned(c).phases;
      const listed = c.resolved.scenario.phases !== undefined;
      const text = phases.map((p) => `${p.share} at +${p.offsetMonths} mo`).join(", ");
      return {
        value: phases.length,
        unit: "phases",
        source: listed
          ? `scenarios.${c.resolved.scenario.id}.phases: ${text}`
          : `scenarios.${c.resolved.scenario.id}.phases not set: one phase of the whole fleet at first capacity; ${NO_SOURCED_FIGURE}`,
        asOf: c.publishedAt,
      };
    },
  },
};

/** "taxRate" -> "TaxRate": v2 inputs are named like the v1 assumptions. */
export function v2InputNameBase(key: V2InputKey): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** "npvOwn" -> "RouteNpvOwn". */
export function v2ResultNameBase(key: V2ResultKey): string {
  return `Route${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** "kwhPerGpuMonth" -> "KwhPerGpuMonth". */
export function v2DerivedNameBase(key: V2DerivedKey): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

const phaseRow = (i: number): number => LAYOUT.v2PhaseFirstRow + i;
const phaseRange = (column: string): string =>
  `$${column}$${phaseRow(0)}:$${column}$${phaseRow(V2_PHASES - 1)}`;
const macrsRange = (): string => {
  const r = LAYOUT.v2Constants.macrsRates;
  return `$${yearColumn(0)}$${r}:$${yearColumn(MACRS_5YR_HALF_YEAR.length - 1)}$${r}`;
};

/**
 * Capacity-months per unit of fleet installed from month 0 to month t for a ramp from S over R months
 * (ramp.ts installedMonths): 0 if t <= S; t - S if R = 0; (t - S)^2 / (2R) if t < S + R; else t - S - R/2.
 */
function installedMonths(t: string, S: string, R: string, half: string): string {
  return `IF(${t}<=${S}, 0, IF(${R}=0, ${t}-${S}, IF(${t}<${S}+${R}, (${t}-${S})*(${t}-${S})*${half}/${R}, ${t}-${S}-${R}*${half})))`;
}

type N = (base: string) => string;

/** Refresh keys of the v2 inputs: "v2." + the input key, so they never meet a v1 assumption's key. */
export const V2_ASSUMPTION_KEY_PREFIX = "v2.";

/**
 * The v2 inputs as assumption rows (value cell, name, source and as-of cells), in sheet order: the template
 * writes them and the refresh compares them with the workbook, like the v1 assumptions.
 */
export function v2AssumptionSpecs(c: V2ReadContext, nameSuffix: string): AssumptionSpec[] {
  return [...v2InputRows(c, nameSuffix).map((row) => row.spec), ...v2PhaseSpecs(c, nameSuffix)];
}

// Names hold letters only (no digit can make a name look like a cell reference such as PH1).
const PHASE_WORDS = [
  "One",
  "Two",
  "Three",
  "Four",
  "Five",
  "Six",
  "Seven",
  "Eight",
  "Nine",
  "Ten",
  "Eleven",
  "Twelve",
] as const;

/** "PhaseThreeShare": the name base of a phase row's offset or share cell (i is 0-based, < V2_PHASES). */
export function phaseNameBase(i: number, what: "Offset" | "Share"): string {
  return `Phase${PHASE_WORDS[i]}${what}`;
}

/**
 * The 12 phase rows' offset and share cells as assumptions (keys v2.phase<i>.offsetMonths / .share), so a
 * refresh sees a library change of the scenario's phases; their source is the phase count row's.
 */
function v2PhaseSpecs(c: V2ReadContext, nameSuffix: string): AssumptionSpec[] {
  const phases = owned(c).phases;
  const about = INPUTS.phaseCount.read(c);
  const specs: AssumptionSpec[] = [];
  for (let i = 0; i < V2_PHASES; i++) {
    const phase = phases[i];
    const row = phaseRow(i);
    const cells: [string, "Offset" | "Share", string, number, string, string][] = [
      [
        PHASE_COLUMN.offset,
        "Offset",
        "offsetMonths",
        phase?.offsetMonths ?? 0,
        "months",
        FORMAT.months,
      ],
      [
        PHASE_COLUMN.share,
        "Share",
        "share",
        phase?.share ?? 0,
        "share of the fleet",
        FORMAT.percent,
      ],
    ];
    for (const [column, what, field, value, unit, numberFormat] of cells) {
      specs.push({
        key: `${V2_ASSUMPTION_KEY_PREFIX}phase${i + 1}.${field}`,
        label: `Phase ${i + 1} ${what === "Offset" ? "offset after first capacity" : "share of the fleet"}`,
        name: `${NAME_PREFIX}${phaseNameBase(i, what)}${nameSuffix}`,
        address: `${column}${row}`,
        value,
        unit,
        source: about.source,
        asOf: about.asOf,
        numberFormat,
      });
    }
  }
  return specs;
}

function v2InputRows(
  c: V2ReadContext,
  nameSuffix: string
): { key: V2InputKey; row: number; spec: AssumptionSpec }[] {
  const { value, asOf, source } = COLUMN;
  return (Object.entries(LAYOUT.v2Inputs) as [V2InputKey, number][]).map(([key, row]) => {
    const def = INPUTS[key];
    const p = def.read(c);
    const spec: AssumptionSpec = {
      key: `${V2_ASSUMPTION_KEY_PREFIX}${key}`,
      label: def.label,
      name: `${NAME_PREFIX}${v2InputNameBase(key)}${nameSuffix}`,
      address: `${value}${row}`,
      value: p.value,
      unit: p.unit,
      source: p.source,
      asOf: p.asOf,
      numberFormat: def.format ?? FORMAT.general,
      provenance: [
        { role: "asOf", address: `${asOf}${row}`, value: p.asOf },
        { role: "source", address: `${source}${row}`, value: p.source },
      ],
    };
    return { key, row, spec };
  });
}

export function writeModelV2(ctx: V2Context): Record<string, string> {
  const { b } = ctx;
  const n: N = (base) => nameOf(ctx, base);
  const { label, unit, value, asOf, source } = COLUMN;

  b.text(
    `${label}${LAYOUT.v2Section}`,
    "Model v2: routes to capacity (own, rent, bridge; docs/model.md section 11)",
    "section"
  );
  b.text(
    `${label}${LAYOUT.v2Note}`,
    "Useful work, availability, power supply, ramp and phases, hardware price change and tax. The build basis and the rent route's rental are the inputs above; the v2 inputs are below (values as the route engine resolves the scenario). Positive = money out; year y covers months 12(y-1) to 12y.",
    "note"
  );
  const head = LAYOUT.v2InputHeader;
  b.text(`${label}${head}`, "Assumption (model v2)", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  b.text(`${value}${head}`, "Value", "header");
  b.text(`${asOf}${head}`, "As of", "header");
  b.text(`${source}${head}`, "Source", "header");

  // The inputs are assumptions like the v1 ones (TemplateSpec.assumptions): a refresh updates them.
  for (const { key, row, spec: a } of v2InputRows(ctx, b.nameSuffix)) {
    b.text(`${label}${row}`, a.label, "label");
    b.text(`${unit}${row}`, a.unit, "unit");
    b.value(a.address, a.value, "input", a.numberFormat);
    b.defineName(v2InputNameBase(key), a.address);
    b.text(`${asOf}${row}`, a.asOf, "source");
    b.text(`${source}${row}`, a.source, "source");
  }

  // Constants.
  const k = LAYOUT.v2Constants;
  const constants: [number, string, string, string, number, string][] = [
    [
      k.linearRampShare,
      "LinearRampShare",
      "Linear ramp: average share installed",
      "share",
      0.5,
      "ramp.ts: (t - T)^2 / (2R) and t - T - R/2",
    ],
    [
      k.facilityTaxLife,
      "FacilityTaxLife",
      "Facility + power tax life",
      "years",
      NONRESIDENTIAL_BUILDING_LIFE_YEARS_DEFAULT,
      "tax.recovery_period_nonresidential_building (39 years, straight line)",
    ],
    [
      k.facilityFirstYearShare,
      "FacilityFirstYearShare",
      "Facility first tax year share",
      "share",
      0.5,
      "half-year approximation of the mid-month convention (routeTax.ts)",
    ],
  ];
  for (const [row, base, text, unitText, content, note] of constants) {
    b.text(`${label}${row}`, text, "label");
    b.text(`${unit}${row}`, unitText, "unit");
    b.value(`${value}${row}`, content, "muted", FORMAT.ratio);
    b.defineName(base, `${value}${row}`);
    b.text(`${source}${row}`, note, "source");
  }
  b.text(`${label}${k.macrsRates}`, "MACRS 5-year half-year, years 1..6", "label");
  b.text(`${unit}${k.macrsRates}`, "share of IT cost", "unit");
  MACRS_5YR_HALF_YEAR.forEach((rate, i) => {
    b.value(`${yearColumn(i)}${k.macrsRates}`, rate, "muted", FORMAT.percent);
  });
  b.text(
    `${yearColumn(MACRS_5YR_HALF_YEAR.length)}${k.macrsRates}`,
    "IRS Pub 946 Table A-1 (tax.macrs_5yr_hy.year1..6), from the year booked",
    "source"
  );

  // Phases.
  const ph = LAYOUT.v2PhaseHeader;
  const P = PHASE_COLUMN;
  const phaseHeaders: [string, string][] = [
    [label, "Phase"],
    [unit, "Number"],
    [P.offset, "Offset after first capacity (mo)"],
    [P.share, "Share of the fleet"],
    [P.month, "Month bought (T + offset)"],
    [P.year, "Year booked"],
    [P.cost, "IT cost (spares, price change)"],
    [P.residual, "IT value at the horizon"],
    [P.lastOffset, "Offset if in use (last)"],
    [P.firstOffset, "Offset if in use (first)"],
  ];
  for (const [col, text] of phaseHeaders) b.text(`${col}${ph}`, text, "header");
  const phases = owned(ctx).phases;
  const first = phaseRow(0);
  for (let i = 0; i < V2_PHASES; i++) {
    const r = phaseRow(i);
    const phase = phases[i];
    b.text(`${label}${r}`, `Phase ${i + 1}`, "label");
    b.value(`${unit}${r}`, i + 1, "muted", FORMAT.count);
    b.value(`${P.offset}${r}`, phase?.offsetMonths ?? 0, "input", FORMAT.months);
    b.value(`${P.share}${r}`, phase?.share ?? 0, "input", FORMAT.percent);
    // Named, so that a refresh finds them (v2PhaseSpecs).
    b.defineName(phaseNameBase(i, "Offset"), `${P.offset}${r}`);
    b.defineName(phaseNameBase(i, "Share"), `${P.share}${r}`);
    b.formula(`${P.month}${r}`, `=${n("BuildMonths")}+${P.offset}${r}`, "formula", FORMAT.months);
    b.formula(
      `${P.year}${r}`,
      `=MIN(${n("Horizon")}, ROUNDUP(${P.month}${r}/12, 0))`,
      "formula",
      FORMAT.year
    );
    b.formula(
      `${P.cost}${r}`,
      `=${n("ItCapex")}*${P.share}${r}*(1+${n("SparesShare")})*(1+${n("HardwarePriceChange")})^(${P.month}${r}/12)`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `${P.residual}${r}`,
      `=${P.cost}${r}*MAX(0, 1-MAX(0, ${n("Horizon")}-${P.month}${r}/12)/${n("ItLife")})`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `${P.lastOffset}${r}`,
      `=IF(${unit}${r}<=${n("PhaseCount")}, ${P.offset}${r}, 0)`,
      "formula",
      FORMAT.months
    );
    b.formula(
      `${P.firstOffset}${r}`,
      `=IF(${unit}${r}<=${n("PhaseCount")}, ${P.offset}${r}, ${P.offset}$${first})`,
      "formula",
      FORMAT.months
    );
  }

  writeDerivedV2(ctx, n);
  writeYearsV2(ctx, n);
  return writeResultsV2(ctx, n);
}

interface DerivedDef {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly formula: (n: N, ctx: SectionContext) => string;
  readonly note: string;
}

const DERIVED: Readonly<Record<V2DerivedKey, DerivedDef>> = {
  kwhPerGpuMonth: {
    label: "Energy per installed GPU-month",
    unit: "kWh per GPU-month",
    format: FORMAT.ratio,
    formula: (n) => `=${n("KwPerGpu")}*${n("Pue")}*${n("Utilization")}*${n("HoursPerMonth")}`,
    note: "kW per GPU x PUE x average/maximum draw x hours per month",
  },
  powerCapex: {
    label: "Power capex (batteries / on-site)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) =>
      `=IF(${n("PowerKind")}="grid+battery", ${n("FacilityMw")}*${n("KwPerMw")}*${n("BatteryHours")}*${n("BatteryCostPerKwh")}, IF(${n("PowerKind")}="onsite-bridge", ${n("FacilityMw")}*${n("KwPerMw")}*${n("OnsiteCostPerKw")}, 0))`,
    note: "facility kW x battery hours x $/kWh (grid+battery) or x on-site $/kW (onsite-bridge), year 0",
  },
  onsiteUntilMonth: {
    label: "On-site energy until month",
    unit: "month",
    format: FORMAT.months,
    formula: (n) => `=IF(${n("PowerKind")}="onsite-bridge", ${n("GridMonths")}, 0)`,
    note: "the grid month for an on-site bridge, else 0 (all energy from the grid)",
  },
  otherOpexPerYear: {
    label: "Other opex per full fleet-year",
    unit: "USD per year",
    format: FORMAT.usd,
    formula: (n) =>
      `=${n("MaintenancePerYear")}*(1+${n("SparesShare")})+${n("StaffPerYear")}+${n("ColocationPerYear")}`,
    note: "maintenance x (1 + spares) + staff + colocation",
  },
  firstCapacityMonth: {
    label: "First capacity (first phase)",
    unit: "month",
    format: FORMAT.months,
    formula: (n) => `=${n("BuildMonths")}+MIN(${phaseRange(PHASE_COLUMN.firstOffset)})`,
    note: "T + smallest offset of the phases in use",
  },
  fullyRampedMonth: {
    label: "Fully ramped (last phase)",
    unit: "month",
    format: FORMAT.months,
    formula: (n) =>
      `=${n("BuildMonths")}+MAX(${phaseRange(PHASE_COLUMN.lastOffset)})+${n("RampMonths")}`,
    note: "T + largest offset of the phases in use + ramp",
  },
  itPurchaseTotal: {
    label: "IT bought (all phases)",
    unit: "USD",
    format: FORMAT.usd,
    formula: () => `=SUM(${phaseRange(PHASE_COLUMN.cost)})`,
    note: "sum of the phases' IT cost",
  },
  itResidualTotal: {
    label: "IT value at the horizon (all phases)",
    unit: "USD",
    format: FORMAT.usd,
    formula: () => `=SUM(${phaseRange(PHASE_COLUMN.residual)})`,
    note: "straight line over the IT life from each phase's month bought",
  },
  facilityTaxBasis: {
    label: "Facility + power capex",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("FacilityCapexTotal")}+${n("PowerCapex")}`,
    note: "one straight-line asset for tax and residual value",
  },
  facilityTaxResidual: {
    label: "Facility + power value at the horizon",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("FacilityTaxBasis")}*MAX(0, 1-${n("Horizon")}/${n("FacilityLife")})`,
    note: "straight line over the facility life from the decision",
  },
  residualProceeds: {
    label: "Residual value recovered",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n) => `=${n("ItResidualTotal")}+${n("FacilityTaxResidual")}`,
    note: "IT + facility/power value at the horizon (taxed on its gain)",
  },
  basisLeft: {
    label: "Tax basis left at the horizon",
    unit: "USD",
    format: FORMAT.usd,
    formula: (n, ctx) =>
      `=MAX(0, ${n("ItPurchaseTotal")}+${n("FacilityTaxBasis")}-(SUM(${allYears(ctx, LAYOUT.v2Years.itDepreciation)})+SUM(${allYears(ctx, LAYOUT.v2Years.facilityDepreciation)})))`,
    note: "IT + facility/power basis - depreciation to the horizon",
  },
  hardwareAvailability: {
    label: "Hardware availability (spares)",
    unit: "share of hours",
    format: FORMAT.percent,
    formula: (n) => `=MIN(1, (1+${n("SparesShare")})/(1+${n("SparesNeeded")}))`,
    note: "min(1, (1 + spares bought) / (1 + spares needed))",
  },
  backupHours: {
    label: "Backup hours against outages",
    unit: "hours",
    format: FORMAT.ratio,
    formula: (n) => `=IF(${n("PowerKind")}="grid+battery", ${n("BatteryHours")}, 0)`,
    note: "battery hours for grid+battery, else 0 (no sourced generator availability)",
  },
  lostHoursPerYear: {
    label: "Hours lost to outages per year",
    unit: "hours per year",
    format: FORMAT.ratio,
    formula: (n) => {
      const avg = `${n("OutageHoursPerYear")}/${n("OutagesPerYear")}`;
      return `=IF(${n("OutagesPerYear")}=0, 0, IF(${n("BackupHours")}>=${avg}, 0, 1-${n("BackupHours")}/(${avg}))*(${n("OutageHoursPerYear")}+${n("OutagesPerYear")}*${n("RestartHoursPerOutage")}))`;
    },
    note: "uncovered share x (outage hours + outages x restart hours), section 10.2",
  },
  powerAvailability: {
    label: "Power availability",
    unit: "share of hours",
    format: FORMAT.percent,
    formula: (n) => `=MAX(0, 1-${n("LostHoursPerYear")}/${n("HoursPerYear")})`,
    note: "1 - lost hours / 8760",
  },
  ownAvailability: {
    label: "Owned fleet availability",
    unit: "share of hours",
    format: FORMAT.percent,
    formula: (n) => `=${n("HardwareAvailability")}*${n("PowerAvailability")}`,
    note: "hardware x power availability",
  },
  rentBilledHoursPerMonth: {
    label: "Rent: billed hours per GPU-month",
    unit: "hours",
    format: FORMAT.ratio,
    formula: (n) =>
      `=IF(${n("RentBilling")}=1, ${n("HoursPerMonth")}, ${n("HoursPerMonth")}*${n("RentAvailability")}*${n("ProductiveUtilization")})`,
    note: "730 (all hours) or 730 x availability x productive utilization (used hours)",
  },
  bridgeBilledHoursPerMonth: {
    label: "Bridge: billed hours per GPU-month",
    unit: "hours",
    format: FORMAT.ratio,
    formula: (n) =>
      `=IF(${n("BridgeBilling")}=1, ${n("HoursPerMonth")}, ${n("HoursPerMonth")}*${n("BridgeAvailability")}*${n("ProductiveUtilization")})`,
    note: "as the rent, with the bridge offer's billing and availability",
  },
  bridgeEndMonth: {
    label: "Bridge rental stops",
    unit: "month",
    format: FORMAT.months,
    formula: (n) =>
      `=MIN(12*${n("Horizon")}, IF(${n("BridgeLeadMonths")}>=${n("FullyRampedMonth")}+${n("BridgeOverlapMonths")}, ${n("BridgeLeadMonths")}, MAX(${n("BridgeLeadMonths")}+${n("BridgeMinimumTermMonths")}, ${n("FullyRampedMonth")}+${n("BridgeOverlapMonths")})))`,
    note: "max(start + minimum term, fully ramped + overlap), at most the horizon; the start itself (no rental) when it could only start once the build runs",
  },
};

function writeDerivedV2(ctx: V2Context, n: N): void {
  const { b } = ctx;
  const { label, unit, value, source } = COLUMN;
  const head = LAYOUT.v2DerivedHeader;
  b.text(`${label}${head}`, "Derived (model v2)", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  b.text(`${value}${head}`, "Value", "header");
  b.text(`${source}${head}`, "How", "header");
  for (const [key, row] of Object.entries(LAYOUT.v2Derived) as [V2DerivedKey, number][]) {
    const def = DERIVED[key];
    b.text(`${label}${row}`, def.label, "label");
    b.text(`${unit}${row}`, def.unit, "unit");
    b.formula(`${value}${row}`, def.formula(n, ctx), "formula", def.format);
    b.defineName(v2DerivedNameBase(key), `${value}${row}`);
    b.text(`${source}${row}`, def.note, "source");
  }
}

/** One formula per year column: col its letter, yr its year cell (the v1 year header, row-absolute). */
type YearFormula = (col: string, yr: string, r: (key: V2YearKey) => string, n: N) => string;

interface YearDef {
  readonly label: string;
  readonly unit: string;
  readonly format?: string;
  readonly style?: CellStyle;
  readonly formula?: YearFormula;
  /** Bridge rows: 0 rented months (so no rent) unless CP_HasBridge = 1. */
  readonly bridge?: boolean;
}

function phaseSum(firstRow: number, col: string): string {
  return `SUM(${col}${firstRow}:${col}${firstRow + V2_PHASES - 1})`;
}

const cumulative =
  (key: V2YearKey): YearFormula =>
  (c, _yr, r) =>
    `=SUM($${yearColumn(0)}${r(key).slice(c.length)}:${r(key)})`;

const YEARS: Readonly<Record<V2YearKey, YearDef>> = {
  year: {
    label: "Year",
    unit: "",
    format: FORMAT.year,
    style: "header",
    formula: (_c, yr) => `=${yr}`,
  },
  ownHeading: { label: "Own route (build, phases and ramp)", unit: "" },
  ownInstalled: {
    label: "Installed owned GPU-months",
    unit: "GPU-months",
    format: FORMAT.count,
    formula: (c) => `=${phaseSum(LAYOUT.v2PhaseInstalledFirstRow, c)}`,
  },
  ownBeforeGrid: {
    label: "of which on on-site power",
    unit: "GPU-months",
    format: FORMAT.count,
    formula: (c) => `=${phaseSum(LAYOUT.v2PhaseBeforeGridFirstRow, c)}`,
  },
  itCapex: {
    label: "IT capex (phases)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr) =>
      `=SUMIF(${phaseRange(PHASE_COLUMN.year)}, ${yr}, ${phaseRange(PHASE_COLUMN.cost)})`,
  },
  facilityCapex: {
    label: "Facility capex",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=0, ${n("FacilityCapexTotal")}, 0)`,
  },
  powerCapex: {
    label: "Power capex (batteries / on-site)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=0, ${n("PowerCapex")}, 0)`,
  },
  energy: {
    label: "Energy (grid / on-site)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, _yr, r, n) =>
      `=IF(${n("PowerKind")}="onsite-bridge", (${r("ownBeforeGrid")}*${n("OnsitePricePerKwh")}+(${r("ownInstalled")}-${r("ownBeforeGrid")})*${n("PowerPrice")})*${n("KwhPerGpuMonth")}, ${r("ownInstalled")}*${n("KwhPerGpuMonth")}*${n("PowerPrice")})`,
  },
  otherOpex: {
    label: "Maintenance, staff, colocation",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, _yr, r, n) =>
      `=IF(${n("GpuCount")}>0, ${n("OtherOpexPerYear")}*(${r("ownInstalled")}/(12*${n("GpuCount")})), 0)`,
  },
  residual: {
    label: "Residual value (recovered)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => `=IF(${yr}=${n("Horizon")}, 0-${n("ResidualProceeds")}, 0)`,
  },
  ownTotal: {
    label: "Own cash flow before tax",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    formula: (_c, _yr, r) => `=SUM(${r("itCapex")}:${r("residual")})`,
  },
  itDepreciation: {
    label: "Tax depreciation, IT (MACRS)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (c) => `=${phaseSum(LAYOUT.v2PhaseDepreciationFirstRow, c)}`,
  },
  facilityDepreciation: {
    label: "Tax depreciation, facility + power",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, _r, n) => {
      const p = n("ItCapexYear");
      const annual = `(${n("FacilityTaxBasis")}/${n("FacilityTaxLife")})`;
      const f = n("FacilityFirstYearShare");
      return `=IF(${yr}<${p}, 0, MIN(IF(${yr}=${p}, ${f}, 1)*${annual}, ${n("FacilityTaxBasis")}-IF(${yr}>${p}, ${annual}*(${f}+(${yr}-1-${p})), 0)))`;
    },
  },
  ownTax: {
    label: "Tax, own (+ paid, - saved)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, r, n) =>
      `=0-${n("TaxRate")}*((${r("energy")}+${r("otherOpex")})+(${r("itDepreciation")}+${r("facilityDepreciation")}))+IF(${yr}=${n("Horizon")}, ${n("TaxRate")}*(${n("ResidualProceeds")}-${n("BasisLeft")}), 0)`,
  },
  ownAfterTax: {
    label: "Own cash flow after tax",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    formula: (_c, _yr, r) => `=${r("ownTotal")}+${r("ownTax")}`,
  },
  ownCumulative: {
    label: "Cumulative own, after tax",
    unit: "USD",
    format: FORMAT.usd,
    formula: cumulative("ownAfterTax"),
  },
  rentHeading: { label: "Rent route (the scenario's offer, to the horizon)", unit: "" },
  rentMonths: {
    label: "Rented GPU-months",
    unit: "GPU-months",
    format: FORMAT.count,
    formula: (_c, yr, _r, n) =>
      `=${n("GpuCount")}*MAX(0, MIN(12*${yr}, 12*${n("Horizon")})-MAX(12*${yr}-12, ${n("RentLeadMonths")}))`,
  },
  rentRate: {
    label: "Rental rate in the year",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    // The rent route rents the v1 rental: its rate row is the cash-flow table's, not a second copy.
    formula: (c) => `=${c}${LAYOUT.cashflows.rentRate}`,
  },
  rent: {
    label: "Rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, _yr, r, n) =>
      `=${r("rentMonths")}*${n("RentBilledHoursPerMonth")}*${r("rentRate")}`,
  },
  rentTax: {
    label: "Tax, rent (- saved)",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, _yr, r, n) => `=0-${n("TaxRate")}*${r("rent")}`,
  },
  rentAfterTax: {
    label: "Rent cash flow after tax",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    formula: (_c, _yr, r) => `=${r("rent")}+${r("rentTax")}`,
  },
  rentCumulative: {
    label: "Cumulative rent, after tax",
    unit: "USD",
    format: FORMAT.usd,
    formula: cumulative("rentAfterTax"),
  },
  bridgeHeading: { label: "Bridge route (own + rent while building)", unit: "" },
  bridgeMonths: {
    label: "Bridge rented GPU-months",
    unit: "GPU-months",
    format: FORMAT.count,
    bridge: true,
    formula: (_c, yr, _r, n) =>
      `=IF(${n("HasBridge")}=1, ${n("GpuCount")}*MAX(0, MIN(12*${yr}, ${n("BridgeEndMonth")})-MAX(12*${yr}-12, ${n("BridgeLeadMonths")})), 0)`,
  },
  bridgeCounted: {
    label: "Bridge GPU-months counted (fill only)",
    // The bridge rents the owned count, so month by month it fills exactly what the owned fleet has not
    // installed: rented months minus the owned GPU-months installed during the rental (engine, docs 11.3).
    unit: "GPU-months",
    format: FORMAT.count,
    bridge: true,
    // MAX(0, ...): a user's phase shares summing above 1 must not make counted months negative.
    formula: (c, _yr, r) =>
      `=MAX(0, ${r("bridgeMonths")}-${phaseSum(LAYOUT.v2PhaseDuringBridgeFirstRow, c)})`,
  },
  bridgeRate: {
    label: "Bridge rental rate in the year",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    bridge: true,
    formula: (_c, yr, _r, n) =>
      `=IF(${yr}=0, 0, ${n("BridgeRentRate")}*(1+${n("BridgeRentPriceChange")})^(${yr}-1))`,
  },
  bridgeRent: {
    label: "Bridge rent",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: (_c, _yr, r, n) =>
      `=${r("bridgeMonths")}*${n("BridgeBilledHoursPerMonth")}*${r("bridgeRate")}`,
  },
  bridgeTotal: {
    label: "Bridge cash flow before tax",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    bridge: true,
    formula: (_c, _yr, r) =>
      `=${r("itCapex")}+${r("facilityCapex")}+${r("powerCapex")}+${r("energy")}+${r("otherOpex")}+${r("bridgeRent")}+${r("residual")}`,
  },
  bridgeTax: {
    label: "Tax, bridge (+ paid, - saved)",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: (_c, yr, r, n) =>
      `=0-${n("TaxRate")}*((${r("energy")}+${r("otherOpex")}+${r("bridgeRent")})+(${r("itDepreciation")}+${r("facilityDepreciation")}))+IF(${yr}=${n("Horizon")}, ${n("TaxRate")}*(${n("ResidualProceeds")}-${n("BasisLeft")}), 0)`,
  },
  bridgeAfterTax: {
    label: "Bridge cash flow after tax",
    unit: "USD",
    format: FORMAT.usd,
    style: "result",
    bridge: true,
    formula: (_c, _yr, r) => `=${r("bridgeTotal")}+${r("bridgeTax")}`,
  },
  bridgeCumulative: {
    label: "Cumulative bridge, after tax",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: cumulative("bridgeAfterTax"),
  },
  savingHeading: { label: "Building instead of renting (after tax)", unit: "" },
  saving: {
    label: "Saving: rent minus own",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, _yr, r) => `=${r("rentAfterTax")}-${r("ownAfterTax")}`,
  },
  discountedSaving: {
    label: "Discounted saving",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_c, yr, r, n) => `=${r("saving")}/(1+${n("DiscountRate")})^${yr}`,
  },
  cumulativeSaving: {
    label: "Cumulative discounted saving",
    unit: "USD",
    format: FORMAT.usd,
    formula: cumulative("discountedSaving"),
  },
  paybackFlag: {
    label: "Paid back in this year (1/0)",
    unit: "1 or 0",
    format: FORMAT.flag,
    formula: (c, _yr, r) =>
      `=IF(MIN($${yearColumn(0)}${r("cumulativeSaving").slice(c.length)}:${r("cumulativeSaving")})<0, IF(${r("cumulativeSaving")}>=0, 1, 0), 0)`,
  },
  paybackMonth: {
    label: "Payback month if paid back here",
    unit: "months",
    format: FORMAT.months,
    formula: (_c, yr, r) =>
      `=IF(${r("paybackFlag")}=1, 12*(${yr}-1)+12*(${r("discountedSaving")}-${r("cumulativeSaving")})/${r("discountedSaving")}, 0)`,
  },
};

function writeYearsV2(ctx: V2Context, n: N): void {
  const { b } = ctx;
  const { label, unit } = COLUMN;
  b.text(
    `${label}${LAYOUT.v2YearSection}`,
    "Model v2 yearly rows (USD; year 0 = the decision, year y ends at month 12y)",
    "section"
  );
  const yearRef = (col: string): string => `${col}$${LAYOUT.yearHeader}`;
  for (const [key, row] of Object.entries(LAYOUT.v2Years) as [V2YearKey, number][]) {
    const def = YEARS[key];
    if (!def.formula) {
      b.text(`${label}${row}`, def.label, "header");
      continue;
    }
    b.text(`${label}${row}`, def.label, def.style === "header" ? "header" : "label");
    if (def.unit !== "") b.text(`${unit}${row}`, def.unit, "unit");
    const formula = def.formula;
    for (const y of years(ctx)) {
      const col = yearColumn(y);
      const r = (k: V2YearKey): string => `${col}${LAYOUT.v2Years[k]}`;
      b.formula(
        `${col}${row}`,
        formula(col, yearRef(col), r, n),
        def.style ?? "formula",
        def.format
      );
    }
  }

  // Per-phase blocks: installed GPU-months, of which on on-site power, MACRS depreciation.
  const R = n("RampMonths");
  const half = n("LinearRampShare");
  const blocks: [number, number, string, (i: number, col: string) => string][] = [
    [
      LAYOUT.v2PhaseInstalledHeading,
      LAYOUT.v2PhaseInstalledFirstRow,
      "Installed GPU-months by phase: GPUs x share x (installed to month 12y - installed to 12(y-1))",
      (i, col) => {
        const S = `$${PHASE_COLUMN.month}$${phaseRow(i)}`;
        const yr = yearRef(col);
        return `=${n("GpuCount")}*$${PHASE_COLUMN.share}$${phaseRow(i)}*(${installedMonths(`12*${yr}`, S, R, half)}-${installedMonths(`(12*${yr}-12)`, S, R, half)})`;
      },
    ],
    [
      LAYOUT.v2PhaseBeforeGridHeading,
      LAYOUT.v2PhaseBeforeGridFirstRow,
      "Of which before the grid arrives (on-site bridge): installed from 12(y-1) to min(12y, grid month)",
      (i, col) => {
        const S = `$${PHASE_COLUMN.month}$${phaseRow(i)}`;
        const yr = yearRef(col);
        const t = `MAX(12*${yr}-12, MIN(12*${yr}, ${n("OnsiteUntilMonth")}))`;
        return `=${n("GpuCount")}*$${PHASE_COLUMN.share}$${phaseRow(i)}*(${installedMonths(t, S, R, half)}-${installedMonths(`(12*${yr}-12)`, S, R, half)})`;
      },
    ],
    [
      LAYOUT.v2PhaseDepreciationHeading,
      LAYOUT.v2PhaseDepreciationFirstRow,
      "IT tax depreciation by phase: (bonus share in the booking year + (1 - bonus) x MACRS rate of the years since booked) x the phase's IT cost",
      (i, col) => {
        const year = `$${PHASE_COLUMN.year}$${phaseRow(i)}`;
        const yr = yearRef(col);
        const bonus = n("BonusDepreciation");
        return `=IF(${yr}<${year}, 0, (IF(${yr}=${year}, ${bonus}, 0)+(1-${bonus})*IFERROR(INDEX(${macrsRange()}, 1, ${yr}-${year}+1), 0))*$${PHASE_COLUMN.cost}$${phaseRow(i)})`;
      },
    ],
    [
      LAYOUT.v2PhaseDuringBridgeHeading,
      LAYOUT.v2PhaseDuringBridgeFirstRow,
      "Installed during the bridge rental: from max(12(y-1), rental start) to max(that, min(12y, rental end))",
      (i, col) => {
        const S = `$${PHASE_COLUMN.month}$${phaseRow(i)}`;
        const yr = yearRef(col);
        const lo = `MAX(12*${yr}-12, ${n("BridgeLeadMonths")})`;
        const hi = `MAX(${lo}, MIN(12*${yr}, ${n("BridgeEndMonth")}))`;
        return `=IF(${n("HasBridge")}=1, ${n("GpuCount")}*$${PHASE_COLUMN.share}$${phaseRow(i)}*(${installedMonths(hi, S, R, half)}-${installedMonths(lo, S, R, half)}), 0)`;
      },
    ],
  ];
  for (const [heading, firstRow, text, formula] of blocks) {
    b.text(`${label}${heading}`, text, "header");
    for (let i = 0; i < V2_PHASES; i++) {
      const row = firstRow + i;
      b.text(`${label}${row}`, `Phase ${i + 1}`, "label");
      b.text(
        `${unit}${row}`,
        heading === LAYOUT.v2PhaseDepreciationHeading ? "USD" : "GPU-months",
        "unit"
      );
      for (const y of years(ctx)) {
        const col = yearColumn(y);
        b.formula(
          `${col}${row}`,
          formula(i, col),
          "formula",
          heading === LAYOUT.v2PhaseDepreciationHeading ? FORMAT.usd : FORMAT.count
        );
      }
    }
  }
}

interface ResultDef {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly bridge?: boolean;
  readonly formula: (n: N, ctx: SectionContext) => string;
}

const y2 = (key: V2YearKey): number => LAYOUT.v2Years[key];
const npvOf =
  (key: V2YearKey) =>
  (n: N, ctx: SectionContext): string =>
    `=${yearColumn(0)}${y2(key)}+NPV(${n("DiscountRate")}, ${yearsOneToH(ctx, y2(key))})`;
const perUseful =
  (total: string, useful: string) =>
  (n: N): string =>
    `=IF(${n(useful)}>0, ${n(total)}/${n(useful)}, "no useful GPU-hours in the horizon")`;

const RESULTS: Readonly<Record<V2ResultKey, ResultDef>> = {
  deliveredGpuHoursOwn: {
    label: "GPU-hours delivered, own",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    formula: (n, ctx) => `=SUM(${allYears(ctx, y2("ownInstalled"))})*${n("HoursPerMonth")}`,
  },
  usefulGpuHoursOwn: {
    label: "Useful GPU-hours, own",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    formula: (n) =>
      `=${n("RouteDeliveredGpuHoursOwn")}*${n("OwnAvailability")}*${n("Goodput")}*${n("ProductiveUtilization")}`,
  },
  usefulGpuHoursRent: {
    label: "Useful GPU-hours, rent",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    formula: (n, ctx) =>
      `=SUM(${allYears(ctx, y2("rentMonths"))})*${n("HoursPerMonth")}*${n("RentAvailability")}*${n("Goodput")}*${n("ProductiveUtilization")}`,
  },
  usefulGpuHoursBridge: {
    label: "Useful GPU-hours, bridge",
    unit: "GPU-hours",
    format: FORMAT.gpuHours,
    bridge: true,
    formula: (n, ctx) =>
      `=${n("RouteUsefulGpuHoursOwn")}+SUM(${allYears(ctx, y2("bridgeCounted"))})*${n("HoursPerMonth")}*${n("BridgeAvailability")}*${n("Goodput")}*${n("ProductiveUtilization")}`,
  },
  totalCostOwn: {
    label: "Total cost after tax, own",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=SUM(${allYears(ctx, y2("ownAfterTax"))})`,
  },
  totalCostRent: {
    label: "Total cost after tax, rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=SUM(${allYears(ctx, y2("rentAfterTax"))})`,
  },
  totalCostBridge: {
    label: "Total cost after tax, bridge",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: (_n, ctx) => `=SUM(${allYears(ctx, y2("bridgeAfterTax"))})`,
  },
  costPerUsefulGpuHourOwn: {
    label: "Cost per useful GPU-hour, own",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    formula: perUseful("RouteTotalCostOwn", "RouteUsefulGpuHoursOwn"),
  },
  costPerUsefulGpuHourRent: {
    label: "Cost per useful GPU-hour, rent",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    formula: perUseful("RouteTotalCostRent", "RouteUsefulGpuHoursRent"),
  },
  costPerUsefulGpuHourBridge: {
    label: "Cost per useful GPU-hour, bridge",
    unit: "USD per GPU-hour",
    format: FORMAT.usdCents,
    bridge: true,
    formula: perUseful("RouteTotalCostBridge", "RouteUsefulGpuHoursBridge"),
  },
  npvOwn: {
    label: "NPV after tax, own",
    unit: "USD",
    format: FORMAT.usd,
    formula: npvOf("ownAfterTax"),
  },
  npvRent: {
    label: "NPV after tax, rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: npvOf("rentAfterTax"),
  },
  npvBridge: {
    label: "NPV after tax, bridge",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: npvOf("bridgeAfterTax"),
  },
  irrBuildVsRent: {
    label: "IRR of building instead of renting",
    unit: "per year",
    format: FORMAT.percent,
    formula: (_n, ctx) => `=IFERROR(IRR(${allYears(ctx, y2("saving"))}), "no IRR")`,
  },
  discountedPaybackMonths: {
    label: "Discounted payback of building",
    unit: "months",
    format: FORMAT.months,
    formula: (_n, ctx) =>
      `=IF(MIN(${allYears(ctx, y2("cumulativeSaving"))})>=0, 0, IFERROR(INDEX(${allYears(ctx, y2("paybackMonth"))}, 1, MATCH(1, ${allYears(ctx, y2("paybackFlag"))}, 0)), "never"))`,
  },
  simplePaybackMonths: {
    label: "Simple payback of building",
    unit: "months",
    format: FORMAT.months,
    formula: (n) => {
      const saving = `(${n("GpuCount")}*${n("RentBilledHoursPerMonth")}*${n("RentRate")}-(${n("EnergyPerYear")}+${n("OtherOpexPerYear")})/12)`;
      return `=IF(${saving}>0, (${n("ItPurchaseTotal")}+${n("FacilityCapexTotal")}+${n("PowerCapex")})/${saving}, "never")`;
    },
  },
  peakCapitalOwn: {
    label: "Peak capital, own",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=MAX(0, MAX(${allYears(ctx, y2("ownCumulative"))}))`,
  },
  peakCapitalRent: {
    label: "Peak capital, rent",
    unit: "USD",
    format: FORMAT.usd,
    formula: (_n, ctx) => `=MAX(0, MAX(${allYears(ctx, y2("rentCumulative"))}))`,
  },
  peakCapitalBridge: {
    label: "Peak capital, bridge",
    unit: "USD",
    format: FORMAT.usd,
    bridge: true,
    formula: (_n, ctx) => `=MAX(0, MAX(${allYears(ctx, y2("bridgeCumulative"))}))`,
  },
};

function writeResultsV2(ctx: V2Context, n: N): Record<string, string> {
  const { b } = ctx;
  const { label, unit, value } = COLUMN;
  b.text(`${label}${LAYOUT.v2ResultSection}`, "Model v2 results (after tax)", "section");
  const names: Record<string, string> = {};
  for (const [key, row] of Object.entries(LAYOUT.v2Results) as [V2ResultKey, number][]) {
    const def = RESULTS[key];
    b.text(`${label}${row}`, def.label, "label");
    b.text(`${unit}${row}`, def.unit, "unit");
    const formula = def.formula(n, ctx);
    // A bridge result says "bridge: none" unless the sheet rents while building (CP_HasBridge = 1).
    const shown =
      def.bridge === true
        ? `=IF(${n("HasBridge")}=1, ${formula.slice(1)}, "${NO_BRIDGE}")`
        : formula;
    b.formula(`${value}${row}`, shown, "result", def.format);
    names[key] = b.defineName(v2ResultNameBase(key), `${value}${row}`);
  }
  return names;
}
