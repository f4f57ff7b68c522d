/**
 * Refresh of the risk section's ranges (docs/model.md section 12.13): a range's low / high is an assumption
 * like any other, so a library that moves a quantity's high offers that row, applying it writes the new high
 * and the row's source cell, and a Low the user typed is kept unticked as the refresh keeps every edit.
 */
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { applyRefresh, planRefresh } from "../../../src/excel/refresh";
import { buildIndex } from "../../../src/model/library/indexLibrary";
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import { LAYOUT } from "../../../src/templates/layout";
import { RISK_RANGE_COLUMN } from "../../../src/templates/sections/risk";
import { cellAt, defaultIndex, namedCell, newWorkbook, typeInto } from "../../support/excel/host";

// h100-100k-phased-build rents market-h100-1yr, whose rate the bundled library ranges 1.70 to 2.65 USD per
// GPU-hour (src/model/library/default-library.json, rentalOffers.market-h100-1yr.rate).
const SCENARIO = "h100-100k-phased-build";
const SHEET = "Rent vs Build";
const OLD_HIGH = 2.65;
const NEW_HIGH = 2.9;
const TYPED_LOW = 1.5;

/** The bundled library with a newer version whose 1-year H100 market rate reaches higher. */
function higherRateIndex() {
  const library = structuredClone(VALIDATED_BUNDLED_LIBRARY);
  library.meta = { ...library.meta, version: "1.2.0-test" };
  const offer = library.rentalOffers["market-h100-1yr"];
  library.rentalOffers["market-h100-1yr"] = {
    ...offer,
    rate: { ...offer.rate, high: NEW_HIGH },
  };
  return buildIndex(library);
}

describe("refreshing the risk section's ranges", () => {
  it("offers a changed high, writes it, and keeps a typed low", async () => {
    // Given the template inserted from the bundled library, and the user's own low for the rental rate
    const wb = newWorkbook();
    await insertTemplate(wb.excel, defaultIndex, SCENARIO);
    const row = LAYOUT.riskRanges.rentRate;
    const R = RISK_RANGE_COLUMN;
    expect(namedCell(wb.store, "CP_RiskHighRentRate").value).toBe(OLD_HIGH);
    const sourceBefore = cellAt(wb.store, SHEET, `${R.source}${row}`).value;
    await typeInto(wb.excel, SHEET, `${R.low}${row}`, TYPED_LOW);

    // When checked against a library whose rate's high moved
    const plan = await planRefresh(wb.excel, higherRateIndex());
    const changed = plan.rows.filter((r) => r.changed);
    const byKey = new Map(plan.rows.map((r) => [r.key, r]));

    // Then the high is offered, ticked; the typed low is listed as the user's edit, unticked
    expect(changed.map((r) => r.key).sort()).toEqual(["risk.rentRate.high", "risk.rentRate.low"]);
    expect(byKey.get("risk.rentRate.high")).toMatchObject({
      name: "CP_RiskHighRentRate",
      workbookValue: OLD_HIGH,
      libraryValue: NEW_HIGH,
      isOverride: false,
      selectedByDefault: true,
      status: "ok",
    });
    expect(byKey.get("risk.rentRate.low")).toMatchObject({
      workbookValue: TYPED_LOW,
      isOverride: true,
      selectedByDefault: false,
    });

    // When the selection is applied
    const selected = changed.filter((r) => r.selectedByDefault).map((r) => r.key);
    const applied = await applyRefresh(wb.excel, plan, selected);

    // Then the new high is in its cell, the typed low stays, and the source cell is the insert's text
    expect(applied.applied).toBe(1);
    expect(namedCell(wb.store, "CP_RiskHighRentRate").value).toBe(NEW_HIGH);
    expect(namedCell(wb.store, "CP_RiskLowRentRate").value).toBe(TYPED_LOW);
    expect(cellAt(wb.store, SHEET, `${R.source}${row}`).value).toBe(sourceBefore);
    // And the row's "changed since run" flag is a formula the refresh left alone
    expect(cellAt(wb.store, SHEET, `${R.changed}${row}`).formula).toMatch(/^=IF\(/);

    // And checking again lists only the kept low
    const after = await planRefresh(wb.excel, higherRateIndex());
    expect(after.rows.filter((r) => r.changed).map((r) => r.key)).toEqual(["risk.rentRate.low"]);
  });
});
