/**
 * Breakeven workings (src/model/finance/breakeven.ts): month by month from each option's own start,
 * undiscounted and without residual value. The result cell picks the first month whose flag is 1
 * with INDEX/MATCH, which Excel and HyperFormula evaluate alike (no array formula needed).
 */
import { FORMAT } from "../formats";
import { LAYOUT } from "../layout";
import { nameOf, type SectionContext } from "./context";

export function writeBreakeven(ctx: SectionContext): void {
  const { b } = ctx;
  const n = (base: string): string => nameOf(ctx, base);
  const first = LAYOUT.breakevenFirstRow;
  b.text(
    `A${LAYOUT.breakevenSection}`,
    "Breakeven workings (usage months from each option's start; undiscounted; no residual)",
    "section"
  );
  b.text(
    `A${LAYOUT.breakevenNote}`,
    'Owning: IT and facility capex up front plus the running cost of each month. Renting: the monthly rent, changing once a year. Breakeven = first month with cumulative build <= cumulative rent, else "never".',
    "note"
  );
  const head = LAYOUT.breakevenHeader;
  b.text(`A${head}`, "Usage month", "header");
  b.text(`B${head}`, "Cumulative build", "header");
  b.text(`C${head}`, "Rent in the month", "header");
  b.text(`D${head}`, "Cumulative rent", "header");
  b.text(`E${head}`, "Build <= rent (1/0)", "header");
  for (let row = first; row <= LAYOUT.breakevenLastRow; row++) {
    if (row === first) b.value(`A${row}`, 1, "muted", FORMAT.count);
    else b.formula(`A${row}`, `=A${row - 1}+1`, "formula", FORMAT.count);
    b.formula(
      `B${row}`,
      `=${n("ItCapex")}+${n("FacilityCapexTotal")}+A${row}*${n("OpexPerMonth")}`,
      "formula",
      FORMAT.usd
    );
    b.formula(
      `C${row}`,
      `=${n("GpuCount")}*${n("HoursPerMonth")}*${n("RentRate")}*(1+${n("RentPriceChange")})^INT((A${row}-1)/12)`,
      "formula",
      FORMAT.usd
    );
    b.formula(`D${row}`, `=SUM(C$${first}:C${row})`, "formula", FORMAT.usd);
    b.formula(`E${row}`, `=IF(B${row}<=D${row}, 1, 0)`, "formula", FORMAT.flag);
  }
}
