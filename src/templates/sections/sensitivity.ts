/**
 * Section 6: NPV build minus NPV rent across rental rate (rows) and system price per GPU (columns).
 *
 * Why each cell is one transparent formula instead of a data table: the build NPV is linear in the
 * system price (IT capex, maintenance and the IT residual are proportional to it; energy, facility,
 * staff and colocation are not) and the rent NPV is proportional to the first-year rate. So
 *   NPV build(price) = NpvBuildFixed + price x NpvBuildPerPrice
 *   NPV rent(rate)   = rate x NpvRentPerRate
 * where NpvBuildPerPrice and NpvRentPerRate are NPVs of helper rows of flows per $1 of price or
 * rate, and NpvBuildFixed = NPV build - base price x NpvBuildPerPrice. The centre cell (100 %, 100 %)
 * therefore equals the Difference result.
 */
import { columnLetter } from "../../model/a1";
import { FORMAT } from "../formats";
import {
  COLUMN,
  LAYOUT,
  SENSITIVITY_FIRST_GRID_COLUMN,
  SENSITIVITY_STEPS,
  yearColumn,
} from "../layout";
import { nameOf, years, yearsOneToH, type SectionContext } from "./context";
import { yearHeaderRef } from "./cashflows";

/** Column of price step j of the grid. */
export function gridColumn(step: number): string {
  return columnLetter(SENSITIVITY_FIRST_GRID_COLUMN + step);
}

/** Row of rate step i of the grid. */
export function gridRow(step: number): number {
  return LAYOUT.gridFirstRow + step;
}

export function writeSensitivity(ctx: SectionContext): void {
  const { b } = ctx;
  const n = (base: string): string => nameOf(ctx, base);
  const { label, unit, value, asOf } = COLUMN;
  const cf = LAYOUT.cashflows;
  const h = LAYOUT.sensitivityHelpers;
  b.text(
    `${label}${LAYOUT.sensitivitySection}`,
    "Sensitivity: NPV build minus NPV rent (USD; negative = building is cheaper)",
    "section"
  );
  b.text(
    `${label}${LAYOUT.sensitivityNote}`,
    "Build NPV is linear in the system price (IT capex, maintenance and IT residual scale with it; energy, facility, staff and colocation do not); rent NPV is proportional to the rate. Each cell = fixed build NPV + price x build NPV per $1 of price - rate x rent NPV per $1 of rate. The 100%/100% cell equals the Difference result.",
    "note"
  );

  b.text(`${label}${h.buildPerPrice}`, "Build flows per $1 of system price", "label");
  b.text(`${unit}${h.buildPerPrice}`, "USD per USD of price", "unit");
  b.text(`${label}${h.rentPerRate}`, "Rent flows per $1 of rental rate", "label");
  b.text(`${unit}${h.rentPerRate}`, "USD per USD/GPU-hour", "unit");
  for (const y of years(ctx)) {
    const col = yearColumn(y);
    const yr = yearHeaderRef(col);
    b.formula(
      `${col}${h.buildPerPrice}`,
      `=${n("GpuCount")}/(1-${n("NetworkShare")})*(IF(${yr}=${n("ItCapexYear")}, 1, 0)+${col}${cf.fraction}*${n("Maintenance")}-IF(${yr}=${n("Horizon")}, ${n("ItResidualShare")}, 0))`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `${col}${h.rentPerRate}`,
      `=IF(${yr}=0, 0, ${col}${cf.rentFraction}*${n("HoursPerYear")}*${n("GpuCount")}*(1+${n("RentPriceChange")})^(${yr}-1))`,
      "formula",
      FORMAT.usd
    );
  }

  const single: [number, string, string, string, string][] = [
    [
      h.npvBuildPerPrice,
      "NpvBuildPerPrice",
      "NPV of build per $1 of system price",
      "USD per USD of price",
      `=${yearColumn(0)}${h.buildPerPrice}+NPV(${n("DiscountRate")}, ${yearsOneToH(ctx, h.buildPerPrice)})`,
    ],
    [
      h.npvBuildFixed,
      "NpvBuildFixed",
      "NPV of build not tied to the price",
      "USD",
      `=${n("NpvBuild")}-${n("SystemPricePerGpu")}*${n("NpvBuildPerPrice")}`,
    ],
    [
      h.npvRentPerRate,
      "NpvRentPerRate",
      "NPV of rent per $1 of rental rate",
      "USD per USD/GPU-hour",
      `=${yearColumn(0)}${h.rentPerRate}+NPV(${n("DiscountRate")}, ${yearsOneToH(ctx, h.rentPerRate)})`,
    ],
  ];
  for (const [row, base, text, unitText, formula] of single) {
    b.text(`${label}${row}`, text, "label");
    b.text(`${unit}${row}`, unitText, "unit");
    b.formula(`${value}${row}`, formula, "formula", FORMAT.usd);
    b.defineName(base, `${value}${row}`);
  }

  const g = LAYOUT.gridHeader;
  b.text(`${label}${g.priceFactor}`, "System price, share of base (edit) ->", "label");
  b.text(`${unit}${g.priceFactor}`, "share", "unit");
  b.text(`${label}${g.price}`, "System price per GPU", "label");
  b.text(`${unit}${g.price}`, "USD per GPU", "unit");
  b.text(`${label}${g.rateHeader}`, "Rental rate (rows): share of base, rate", "label");
  b.text(`${unit}${g.rateHeader}`, "share", "header");
  b.text(`${value}${g.rateHeader}`, "USD per GPU-hour", "header");
  b.text(`${asOf}${g.rateHeader}`, "NPV build - NPV rent (USD)", "header");
  SENSITIVITY_STEPS.forEach((step, j) => {
    const col = gridColumn(j);
    b.value(`${col}${g.priceFactor}`, step, "input", FORMAT.factor);
    b.formula(
      `${col}${g.price}`,
      `=${n("SystemPricePerGpu")}*${col}$${g.priceFactor}`,
      "formula",
      FORMAT.usd
    );
  });
  SENSITIVITY_STEPS.forEach((step, i) => {
    const row = gridRow(i);
    b.value(`${unit}${row}`, step, "input", FORMAT.factor);
    b.formula(`${value}${row}`, `=${n("RentRate")}*$${unit}${row}`, "formula", FORMAT.usdCents);
    SENSITIVITY_STEPS.forEach((_price, j) => {
      const col = gridColumn(j);
      b.formula(
        `${col}${row}`,
        `=${n("NpvBuildFixed")}+${col}$${g.price}*${n("NpvBuildPerPrice")}-$${value}${row}*${n("NpvRentPerRate")}`,
        "result",
        FORMAT.usd
      );
    });
  });
}
