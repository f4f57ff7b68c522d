/**
 * The key assumptions of a library scenario, as the Models panel shows them: what is built or rented,
 * and the main numbers with their units, sources and as-of dates. Pure; reads the resolved scenario
 * (the same inputs the template and the CAPPLAN functions use) and the library quantities.
 */
import type { LibraryIndex } from "../model/library/indexLibrary";
import type { Quantity } from "../model/library/schema";
import { resolveScenarioInputs } from "../model/resolve";
import { isolate } from "./dom";
import { formatNumber } from "./format";

export interface ScenarioFact {
  readonly label: string;
  /** Formatted for display. */
  readonly value: string;
  readonly unit: string;
  /** Where the number comes from; absent for choices (GPU, region...). */
  readonly source?: string;
  readonly asOf?: string;
}

export interface ScenarioFacts {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** What the scenario compares: GPU, count, years, region, approach, rental offer. */
  readonly setup: readonly ScenarioFact[];
  /** The main numbers, each with unit, source and as-of date. */
  readonly numbers: readonly ScenarioFact[];
  readonly notes?: string;
}

function fromQuantity(
  label: string,
  path: string,
  quantity: Quantity,
  locale?: string
): ScenarioFact {
  return {
    label,
    value: formatNumber(quantity.value, locale),
    unit: quantity.unit,
    source: `${isolate(quantity.source)} (${path})`,
    asOf: quantity.asOf,
  };
}

export function scenarioFacts(
  index: LibraryIndex,
  scenarioId: string,
  locale?: string
): ScenarioFacts {
  const resolved = resolveScenarioInputs(index, scenarioId);
  const { scenario, gpu, region, approach, offer, build, rent, compare } = resolved;
  const { financing, operations, meta } = index.library;

  const setup: ScenarioFact[] = [
    { label: "GPU", value: gpu.name, unit: "" },
    { label: "GPU count", value: formatNumber(scenario.count, locale), unit: "GPUs" },
    { label: "Horizon", value: formatNumber(scenario.years, locale), unit: "years" },
    { label: "Region", value: region.name, unit: "" },
    { label: "Build approach", value: approach.name, unit: "" },
    { label: "Rental offer", value: `${offer.provider}, ${offer.term}`, unit: "" },
  ];

  const discount: ScenarioFact =
    scenario.discountRate !== undefined
      ? {
          label: "Discount rate",
          value: formatNumber(compare.discountRate, locale),
          unit: financing.discountRate.unit,
          source: `set by this scenario (scenarios.${scenario.id}.discountRate), instead of financing.discountRate`,
          asOf: meta.publishedAt,
        }
      : fromQuantity("Discount rate", "financing.discountRate", financing.discountRate, locale);

  const rentLead: ScenarioFact =
    scenario.rentLeadTimeMonths !== undefined
      ? {
          label: "Months to rented capacity",
          value: formatNumber(rent.leadTimeMonths, locale),
          unit: "months",
          source: `set by this scenario (scenarios.${scenario.id}.rentLeadTimeMonths)`,
          asOf: meta.publishedAt,
        }
      : fromQuantity(
          "Months to rented capacity",
          `rentalOffers.${offer.id}.leadTimeMonths`,
          offer.leadTimeMonths,
          locale
        );

  const buildDates = [approach.baseMonths.asOf, gpu.systemPowerKwPerGpu.asOf];
  if (approach.needsGrid) buildDates.push(region.gridConnectionMonths.asOf);
  const numbers: ScenarioFact[] = [
    fromQuantity(
      "System price per GPU",
      `gpus.${gpu.id}.systemPricePerGpu`,
      gpu.systemPricePerGpu,
      locale
    ),
    fromQuantity("Rent rate", `rentalOffers.${offer.id}.rate`, offer.rate, locale),
    fromQuantity("Power price", `regions.${region.id}.powerPrice`, region.powerPrice, locale),
    fromQuantity("PUE", "operations.pue", operations.pue, locale),
    discount,
    {
      label: "Months to first built capacity",
      value: formatNumber(Number(build.buildMonths.toPrecision(4)), locale),
      unit: "months",
      source: `derived from approaches.${approach.id} (${isolate(approach.name)})${approach.needsGrid ? ` and the grid wait in ${isolate(region.name)}` : ""} for ${formatNumber(scenario.count, locale)} GPUs`,
      asOf: buildDates.reduce((a, b) => (b > a ? b : a)),
    },
    rentLead,
  ];

  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    setup,
    numbers,
    notes: scenario.notes,
  };
}
