/**
 * Section 2: the scenario's choices (text), the horizon (fixed by the columns), one named input row
 * per core input with unit, as-of and source, and the calendar constants the formulas use by name
 * (so no formula hides an 8760 or a 1000).
 */
import { parseCanonicalCell } from "../../model/a1";
import { assumptionNameBase } from "../assumptions";
import { FORMAT } from "../formats";
import { COLUMN, LAYOUT } from "../layout";
import { nameOf, type SectionContext } from "./context";

export function writeAssumptions(ctx: SectionContext): void {
  const { b, resolved, horizon } = ctx;
  const { label, unit, value, asOf, source } = COLUMN;
  b.text(`${label}${LAYOUT.assumptionSection}`, "Assumptions", "section");
  const head = LAYOUT.assumptionHeader;
  b.text(`${label}${head}`, "Assumption", "header");
  b.text(`${unit}${head}`, "Unit", "header");
  b.text(`${value}${head}`, "Value", "header");
  b.text(`${asOf}${head}`, "As of", "header");
  b.text(`${source}${head}`, "Source", "header");

  const { scenario, gpu, region, approach, offer } = resolved;
  const info: [number, string, string, string][] = [
    [LAYOUT.info.gpu, "GPU", gpu.name, `gpus.${gpu.id} (${gpu.systemName})`],
    [LAYOUT.info.region, "Region", region.name, `regions.${region.id}`],
    [
      LAYOUT.info.approach,
      "Build approach",
      approach.name,
      `approaches.${approach.id}: ${approach.description}`,
    ],
    [
      LAYOUT.info.offer,
      "Rental offer",
      `${offer.provider}, ${offer.term}`,
      `rentalOffers.${offer.id} (${offer.providerKind})`,
    ],
  ];
  for (const [row, text, shown, from] of info) {
    b.text(`${label}${row}`, text, "label");
    b.text(`${value}${row}`, shown, "muted");
    b.text(`${source}${row}`, from, "source");
  }

  // The year columns are laid out for this horizon, so it is shown, not offered as an input.
  const horizonRow = LAYOUT.info.horizon;
  b.text(`${label}${horizonRow}`, "Horizon (fixed by the year columns)", "label");
  b.text(`${unit}${horizonRow}`, "years", "unit");
  b.value(`${value}${horizonRow}`, horizon, "muted", FORMAT.wholeYears);
  b.defineName("Horizon", `${value}${horizonRow}`);
  b.text(
    `${source}${horizonRow}`,
    `scenarios.${scenario.id}.years; re-insert the template to change it`,
    "source"
  );

  for (const a of ctx.assumptions) {
    // The assumption's row as A1 text numbers it (parseCanonicalCell's rows are 0-based).
    const row = parseCanonicalCell(a.address).row + 1;
    b.text(`${label}${row}`, a.label, "label");
    b.text(`${unit}${row}`, a.unit, "unit");
    b.value(a.address, a.value, "input", a.numberFormat);
    b.defineName(assumptionNameBase(a.key), a.address);
    b.text(`${asOf}${row}`, a.asOf, "source");
    b.text(`${source}${row}`, a.source, "source");
  }

  const c = LAYOUT.constants;
  const constants: [number, string, string, string, string | number, string][] = [
    [
      c.hoursPerYear,
      "HoursPerYear",
      "Hours per year",
      "hours",
      8760,
      "model convention: 365-day year (docs/model.md)",
    ],
    [
      c.hoursPerMonth,
      "HoursPerMonth",
      "Hours per month",
      "hours",
      `=${nameOf(ctx, "HoursPerYear")}/12`,
      "hours per year / 12",
    ],
    [c.kwPerMw, "KwPerMw", "kW per MW", "kW", 1000, "unit conversion"],
  ];
  for (const [row, base, text, unitText, content, note] of constants) {
    b.text(`${label}${row}`, text, "label");
    b.text(`${unit}${row}`, unitText, "unit");
    if (typeof content === "string") b.formula(`${value}${row}`, content, "formula", FORMAT.count);
    else b.value(`${value}${row}`, content, "muted", FORMAT.count);
    b.defineName(base, `${value}${row}`);
    b.text(`${source}${row}`, note, "source");
  }
}
