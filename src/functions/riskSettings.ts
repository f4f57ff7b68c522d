/**
 * The risk settings (sampling shapes, correlation presets) SIMULATE uses: read from the active library's
 * optional `risk` section once the library schema has it. One function, so wiring the reader is one line.
 */
import { NO_RISK_SETTINGS, type RiskSettings } from "../model/risk";

export function riskSettingsForCurrentLibrary(): RiskSettings {
  // replaced by riskSettingsFor(currentIndex().library) when the library schema gains its risk section
  return NO_RISK_SETTINGS;
}
