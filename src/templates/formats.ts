/**
 * Number formats of the template (Excel format codes). Units also sit in their own column; the
 * short suffixes ("mo", "MW") keep a value readable where it is referenced away from that column.
 */
export const FORMAT = {
  usd: "$#,##0",
  usdCents: "$#,##0.00",
  usdPerKwh: "$0.0000",
  percent: "0.0%",
  factor: "0%",
  months: '0.0 "mo"',
  wholeMonths: '0 "mo"',
  discountFactor: "0.0000",
  gpuHours: "#,##0",
  years: '0.0 "yr"',
  wholeYears: '0 "yr"',
  mw: '#,##0.0 "MW"',
  kw: '0.000 "kW"',
  count: "#,##0",
  ratio: "0.00",
  flag: "0",
  year: "0",
  general: "General",
} as const;
