/**
 * The risk settings (sampling shapes, correlation presets) SIMULATE uses: the active library's optional `risk`
 * section (NO_RISK_SETTINGS when it has none).
 */
import { riskSettingsFor, type RiskSettings } from "../model/risk";
import { currentIndex } from "./lookups";

export function riskSettingsForCurrentLibrary(): RiskSettings {
  return riskSettingsFor(currentIndex().library);
}
