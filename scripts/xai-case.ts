/**
 * The xAI case (2024), computed with the finance core. Prints the markdown tables pasted into
 * docs/model.md ("The xAI case (2024)"). Run: npx tsx scripts/xai-case.ts
 * Every input is a figures.csv value (key in the comment) or derived from one by the formula shown.
 */
import {
  buildCashFlowDetail,
  buildMonths,
  compareOptions,
  daysToMonths,
  deliveredGpuHours,
  itLoadMw,
  type BuildInputs,
  type CompareInputs,
  type CompareResult,
  type RentInputs,
} from "../src/model/finance";

const GPUS = 100_000; // case.xai_colossus.gpus
const KW_PER_GPU = 10.2 / 8; // server.dgx_h100.power_kw (high = max 10.2) / 8 GPUs
const IT_MW = itLoadMw(GPUS, KW_PER_GPU); // 127.5 MW

// fast-track: 122 days at 150 MW (case.xai_colossus.build_days, case.xai_colossus.grid_mw), proportional above
const FAST_BASE = daysToMonths(122);
const FAST_MONTHS = buildMonths(IT_MW, FAST_BASE, 150, (FAST_BASE * 100) / 150, false, 0);
// standard: 21 months (facility.shell_to_commissioned_months) -> 24 at 1 GW (facility.construction_to_1gw_months),
// needs the grid: 48 months (facility.grid_connection_wait_months)
const STANDARD_MONTHS = buildMonths(IT_MW, 21, 0, ((24 - 21) / 1000) * 100, true, 48);

const buildBase: Omit<BuildInputs, "buildMonths"> = {
  gpuCount: GPUS,
  systemPricePerGpu: 300_000 / 8, // server.hgx_h100_8gpu.price / 8
  networkShare: 0.12, // cluster.network_share_of_cost
  systemPowerKwPerGpu: KW_PER_GPU,
  facilityCapex: true,
  constructionCostPerMw: 11.7e6, // facility.construction_cost_per_mw
  capexMultiplier: 1,
  pue: 1.3, // power.pue.new_large
  utilization: 8.5 / 10.2, // server.dgx_h100.power_kw typical / max
  powerPricePerKwh: 0.0623, // power.price.us_tn_industrial
  colocationPerKwMonth: 0,
  maintenanceShareOfHwPerYear: 0.1, // opex.maintenance_share_of_hw_per_year
  staffCostPerMwYear: 0,
  itDepreciationYears: 5, // opex.it_depreciation_years
  facilityLifeYears: 14, // opex.facility_life_years
};
const buildFast: BuildInputs = { ...buildBase, buildMonths: FAST_MONTHS };
const buildStandard: BuildInputs = { ...buildBase, buildMonths: STANDARD_MONTHS };

// rent.h100.oracle_bm_on_demand $10.00; case.xai_oracle.rented_gpus 24,000; flat price, no lead time
const rentOracle24k: RentInputs = {
  gpuCount: 24_000,
  ratePerGpuHour: 10,
  annualPriceChange: 0,
  leadTimeMonths: 0,
};
const rent100k: RentInputs = { ...rentOracle24k, gpuCount: GPUS };
// for context only: the 2026 market 1-yr H100 contract (rent.h100.market_contract_1yr), not available in 2024
const rent100kMarket: RentInputs = { ...rent100k, ratePerGpuHour: 2.35 };

const H = 5;
const compareAt = (valuePerGpuHour: number): CompareInputs => ({
  horizonYears: H,
  discountRate: 0.07,
  valuePerGpuHour,
});
const LOW_VALUE = 2.35; // rent.h100.market_contract_1yr
const HIGH_VALUE = 10; // = the Oracle rate

const B = 1e9;
const usdB = (x: number): string => `${(x / B).toFixed(2)}`;
const num = (x: number, d = 2): string => x.toFixed(d);
const per = (x: number | null): string => (x === null ? "n/a" : `$${x.toFixed(2)}`);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

console.log(
  `IT load ${num(IT_MW, 1)} MW; fast-track ${num(FAST_MONTHS, 3)} months; standard ${num(STANDARD_MONTHS, 2)} months ` +
    `(construction ${num(21 + (0.3 * IT_MW) / 100, 2)}, grid 48)\n`
);

// 1. Inputs and cost structure of each build route.
const fastDetail = buildCashFlowDetail(buildFast, H);
const stdDetail = buildCashFlowDetail(buildStandard, H);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const opexOf = (d: typeof fastDetail): number =>
  sum(d.energy) + sum(d.maintenance) + sum(d.staff) + sum(d.colocation);
console.log("### Build routes: cost structure over 5 years (USD billions)\n");
console.log(
  "TCO in this section is the sum of the cash flows over the 5 years from the decision (as in RENTVSBUILD and\n" +
    "CASHFLOWS); the `TCO` function counts 5 years of operation from first capacity instead (section 3.8).\n"
);
console.log(
  table(
    [
      "route",
      "months to capacity",
      "IT capex (yr)",
      "facility capex",
      "energy",
      "maintenance",
      "residual",
      "TCO (undiscounted)",
    ],
    [
      ["fast-track (on-site power)", fastDetail, FAST_MONTHS] as const,
      ["standard (grid)", stdDetail, STANDARD_MONTHS] as const,
    ].map(([name, d, t]) => [
      name,
      num(t, 2),
      `${usdB(sum(d.itCapex))} (${d.itCapexYear})`,
      usdB(sum(d.facilityCapex)),
      usdB(sum(d.energy)),
      usdB(sum(d.maintenance)),
      usdB(sum(d.residual)),
      usdB(sum(d.total)),
    ])
  )
);

// 2. Yearly cash flows.
console.log("\n### Yearly cash flows (USD billions; year 0 = decision, positive = money out)\n");
const flowRows: [string, readonly number[]][] = [
  ["build fast-track 100k", fastDetail.total],
  ["build standard 100k", stdDetail.total],
  [
    "rent Oracle 24k",
    compareOptions(buildFast, rentOracle24k, compareAt(LOW_VALUE)).cashflows.rent,
  ],
  ["rent 100k", compareOptions(buildFast, rent100k, compareAt(LOW_VALUE)).cashflows.rent],
];
console.log(
  table(
    ["option", ...Array.from({ length: H + 1 }, (_, y) => `Y${y}`)],
    flowRows.map(([name, flows]) => [name, ...flows.map(usdB)])
  )
);

// 3. Option-level metrics.
const pairs: [string, BuildInputs, RentInputs][] = [
  ["fast-track build 100k vs Oracle 24k", buildFast, rentOracle24k],
  ["fast-track build 100k vs rent 100k", buildFast, rent100k],
  ["standard (grid) build 100k vs rent 100k", buildStandard, rent100k],
];
const results: [string, CompareResult, CompareResult][] = pairs.map(([name, b, r]) => [
  name,
  compareOptions(b, r, compareAt(LOW_VALUE)),
  compareOptions(b, r, compareAt(HIGH_VALUE)),
]);

console.log("\n### Each option alone (5 years, 7 % discount rate)\n");
const opt = (
  name: string,
  gpus: number,
  months: number,
  npvV: number,
  tco: number,
  hours: number,
  cph: number | null
): string[] => [
  name,
  gpus.toLocaleString("en-US"),
  num(months, 2),
  usdB(npvV),
  usdB(tco),
  num(hours / B, 3),
  per(cph),
];
const r0 = results[0][1];
const r1 = results[1][1];
const r2 = results[2][1];
const rMarket = compareOptions(buildFast, rent100kMarket, compareAt(LOW_VALUE));
console.log(
  table(
    [
      "option",
      "GPUs",
      "months to capacity",
      "NPV (USD bn)",
      "TCO (USD bn)",
      "delivered GPU-hours (bn)",
      "cost per GPU-hour",
    ],
    [
      opt(
        "build fast-track (Memphis)",
        GPUS,
        r0.monthsToCapacityBuild,
        r0.npvBuild,
        r0.tcoBuild,
        r0.deliveredGpuHoursBuild,
        r0.costPerGpuHourBuild
      ),
      opt(
        "build standard (grid)",
        GPUS,
        r2.monthsToCapacityBuild,
        r2.npvBuild,
        r2.tcoBuild,
        r2.deliveredGpuHoursBuild,
        r2.costPerGpuHourBuild
      ),
      opt(
        "rent Oracle 24k @ $10",
        24_000,
        r0.monthsToCapacityRent,
        r0.npvRent,
        r0.tcoRent,
        r0.deliveredGpuHoursRent,
        r0.costPerGpuHourRent
      ),
      opt(
        "rent 100k @ $10",
        GPUS,
        r1.monthsToCapacityRent,
        r1.npvRent,
        r1.tcoRent,
        r1.deliveredGpuHoursRent,
        r1.costPerGpuHourRent
      ),
      opt(
        "(context) rent 100k @ $2.35, 2026 market",
        GPUS,
        rMarket.monthsToCapacityRent,
        rMarket.npvRent,
        rMarket.tcoRent,
        rMarket.deliveredGpuHoursRent,
        rMarket.costPerGpuHourRent
      ),
    ]
  )
);

console.log(
  "\n### Comparisons (difference = NPV build - NPV rent; cost of delay = (rent hours - build hours) x value)\n"
);
console.log(
  table(
    [
      "comparison",
      "difference",
      "cost of delay @ $2.35",
      "difference with delay @ $2.35",
      "cost of delay @ $10",
      "difference with delay @ $10",
      "breakeven (usage month)",
    ],
    results.map(([name, lo, hi]) => [
      name,
      usdB(lo.difference),
      usdB(lo.costOfDelay),
      usdB(lo.differenceWithDelay),
      usdB(hi.costOfDelay),
      usdB(hi.differenceWithDelay),
      lo.breakevenMonth === null ? "none" : String(lo.breakevenMonth),
    ])
  )
);

// 4. Fast-track vs standard: the value of 44 months.
const hoursFast = deliveredGpuHours(GPUS, FAST_MONTHS, H);
const hoursStd = deliveredGpuHours(GPUS, STANDARD_MONTHS, H);
console.log("\n### Fast-track vs standard build (same 100k GPUs)\n");
console.log(
  table(
    ["", "value"],
    [
      ["months earlier", num(STANDARD_MONTHS - FAST_MONTHS, 2)],
      ["extra GPU-hours in 5 years (bn)", num((hoursFast - hoursStd) / B, 3)],
      ["value of those hours @ $2.35 (USD bn)", usdB((hoursFast - hoursStd) * LOW_VALUE)],
      ["value of those hours @ $10 (USD bn)", usdB((hoursFast - hoursStd) * HIGH_VALUE)],
      ["NPV fast-track - NPV standard (USD bn)", usdB(r0.npvBuild - r2.npvBuild)],
    ]
  )
);

// 5. Cross-check against SemiAnalysis own-H200 $1.41/GPU-hr (capital $1.06 + power/colo $0.35).
const capital = sum(fastDetail.itCapex) + sum(fastDetail.facilityCapex) + sum(fastDetail.residual);
const running = opexOf(fastDetail);
const energyOnly = sum(fastDetail.energy);
console.log(
  "\n### Cost per GPU-hour of the fast-track build, split (USD per delivered GPU-hour)\n"
);
console.log(
  table(
    ["component", "USD/GPU-hour"],
    [
      ["capital net of residual (IT + facility)", num(capital / hoursFast, 3)],
      ["energy", num(energyOnly / hoursFast, 3)],
      ["maintenance", num(sum(fastDetail.maintenance) / hoursFast, 3)],
      ["total", num((capital + running) / hoursFast, 3)],
    ]
  )
);

// 6. Sensitivities of the fast-track cost per GPU-hour: power price and maintenance share.
const perHour = (b: BuildInputs): string =>
  per(compareOptions(b, rent100k, compareAt(LOW_VALUE)).costPerGpuHourBuild);
console.log("\n### Fast-track cost per GPU-hour: sensitivities\n");
console.log(
  table(
    ["change", "cost per GPU-hour"],
    [
      ["as above (TN $0.0623/kWh, maintenance 10 %/yr)", perHour(buildFast)],
      ["power at us-va $0.0892/kWh", perHour({ ...buildFast, powerPricePerKwh: 0.0892 })],
      ["power at us-ca $0.1864/kWh", perHour({ ...buildFast, powerPricePerKwh: 0.1864 })],
      ["maintenance 5 %/yr (low)", perHour({ ...buildFast, maintenanceShareOfHwPerYear: 0.05 })],
      [
        "maintenance 20 %/yr (high, DGX support list)",
        perHour({ ...buildFast, maintenanceShareOfHwPerYear: 0.2 }),
      ],
      ["server price $270k/8 (low)", perHour({ ...buildFast, systemPricePerGpu: 270_000 / 8 })],
      ["construction $15.0M/MW (high)", perHour({ ...buildFast, constructionCostPerMw: 15.0e6 })],
    ]
  )
);
