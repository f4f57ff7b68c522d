/** Team libraries for the tests, as the JSON text a team would publish. */

export const TEAM_META = {
  id: "acme-team",
  name: "Acme team library",
  version: "2.0.0",
  publishedAt: "2026-11-30",
  publisher: "Acme finance",
  description: "Acme's negotiated prices and power contract.",
};

/** Changes the H100 system price, the Tennessee power price and Oracle's rate; adds a scenario. */
export function teamLibrary(
  overrides: { version?: string; scenarioName?: string } = {}
): Record<string, unknown> {
  return {
    meta: { ...TEAM_META, version: overrides.version ?? TEAM_META.version },
    gpus: {
      "h100-sxm": {
        systemPricePerGpu: {
          value: 34000,
          unit: "USD per GPU",
          source: "Acme Dell quote Q4",
          asOf: "2026-10",
        },
      },
    },
    regions: {
      "us-tn": {
        powerPrice: {
          value: 0.08,
          unit: "USD per kWh",
          source: "Acme PPA with TVA",
          asOf: "2026-11",
        },
      },
    },
    rentalOffers: {
      "oracle-h100-on-demand": {
        rate: { value: 9, unit: "USD per GPU-hour", source: "Acme Oracle quote", asOf: "2026-09" },
      },
    },
    scenarios: {
      "acme-site": {
        name: overrides.scenarioName ?? "Acme site — build 2k H100",
        description: "Acme's own 2,000-GPU site in Tennessee against Oracle on demand.",
        gpu: "h100-sxm",
        count: 2000,
        years: 4,
        region: "us-tn",
        approach: "standard",
        rentalOffer: "oracle-h100-on-demand",
      },
    },
  };
}

export function teamLibraryText(
  overrides: { version?: string; scenarioName?: string } = {}
): string {
  return JSON.stringify(teamLibrary(overrides), null, 2);
}
