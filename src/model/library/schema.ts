/**
 * The model library document: zod schemas (the boundary check) and the TypeScript types inferred
 * from them (what the rest of the code trusts). See /docs/library.schema.json for the JSON Schema
 * generated from these definitions (scripts/export-schema.ts).
 *
 * Bounds are deliberately loose: they reject data that cannot be right (a negative price, a PUE
 * below 1, a power price typed in cents) with a message that says what was expected, and leave
 * judgement calls to the team that publishes the library.
 */
import { z } from "zod";
import { findOverride, OVERRIDE_NAMES, type OverrideSpec } from "../overrides";
import { isRiskInputKey, RISK_INPUT_KEYS, RISK_SHAPES } from "../risk/riskKeys";
import { nearestNames } from "./nearest";
import { normalizeKey, shorten } from "./normalize";

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------
// Text: bounded length and no characters that hide or reorder what a reader sees
// ---------------------------------------------------------------------------------------------

/**
 * Length limits for library text, far below Excel's 32,767 characters per cell (names and sources are
 * written into cells) and small enough that suggestions and messages stay cheap.
 */
export const TEXT_LIMITS = {
  /** Catalog keys and references ("h100-sxm"). */
  id: 64,
  /** A semantic version ("2.1.0-rc.1+build.5"). */
  version: 64,
  /** Aliases are lookup keys people type ("H100 SXM5"). */
  alias: 100,
  /** Names, vendors, providers, systems, publishers, units. */
  name: 200,
  /** A Quantity's source, or one entry of a scenario's sources. */
  source: 1_000,
  /** Descriptions and notes. */
  description: 2_000,
  /** The optional "$schema" URL. */
  url: 2_000,
  /** Aliases per entry and sources per scenario. */
  listItems: 50,
} as const;

/** Ids that name JavaScript object internals: as keys they break plain-object lookups (obj["constructor"]). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

const BIDI_CONTROLS: ReadonlyMap<number, string> = new Map([
  [0x202a, "LEFT-TO-RIGHT EMBEDDING"],
  [0x202b, "RIGHT-TO-LEFT EMBEDDING"],
  [0x202c, "POP DIRECTIONAL FORMATTING"],
  [0x202d, "LEFT-TO-RIGHT OVERRIDE"],
  [0x202e, "RIGHT-TO-LEFT OVERRIDE"],
  [0x2066, "LEFT-TO-RIGHT ISOLATE"],
  [0x2067, "RIGHT-TO-LEFT ISOLATE"],
  [0x2068, "FIRST STRONG ISOLATE"],
  [0x2069, "POP DIRECTIONAL ISOLATE"],
]);

/**
 * Invisible characters refused in names and aliases, which are lookup keys: "H\u200B100" would look like
 * "H100" and be another GPU. ZWNJ and ZWJ (U+200C, U+200D) stay allowed: some scripts and emoji need them.
 */
const INVISIBLE_IN_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, "SOFT HYPHEN"],
  [0x061c, "ARABIC LETTER MARK"],
  [0x180e, "MONGOLIAN VOWEL SEPARATOR"],
  [0x200b, "ZERO WIDTH SPACE"],
  [0x200e, "LEFT-TO-RIGHT MARK"],
  [0x200f, "RIGHT-TO-LEFT MARK"],
  [0x2028, "LINE SEPARATOR"],
  [0x2029, "PARAGRAPH SEPARATOR"],
  [0x2060, "WORD JOINER"],
  [0x2061, "FUNCTION APPLICATION"],
  [0x2062, "INVISIBLE TIMES"],
  [0x2063, "INVISIBLE SEPARATOR"],
  [0x2064, "INVISIBLE PLUS"],
  [0xfeff, "ZERO WIDTH NO-BREAK SPACE"],
]);

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why `code` may not appear in a field, or undefined when it may. */
function forbiddenCharacter(code: number, multiline: boolean, name: boolean): string | undefined {
  if (code === 0) return "NUL, a control character";
  if (code < 0x20) {
    if (multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) return undefined;
    return "a control character";
  }
  if (code === 0x7f || (code >= 0x80 && code <= 0x9f)) return "a control character";
  const bidi = BIDI_CONTROLS.get(code);
  if (bidi !== undefined)
    return `${bidi}, a bidi control that can make text display in a misleading order`;
  if (code >= 0xd800 && code <= 0xdfff)
    return "an unpaired surrogate, which is not valid Unicode text";
  if (name) {
    const invisible = INVISIBLE_IN_NAMES.get(code);
    if (invisible !== undefined) return `${invisible}, an invisible character`;
  }
  return undefined;
}

/** The first forbidden character, as "U+202E (RIGHT-TO-LEFT OVERRIDE, ...) at character 5". */
function firstForbidden(text: string, multiline: boolean, name: boolean): string | undefined {
  let position = 0;
  // for...of walks code points, so a valid surrogate pair is one character and a lone half shows up alone.
  for (const char of text) {
    position++;
    const code = char.codePointAt(0) ?? 0;
    const why = forbiddenCharacter(char.length === 2 ? 0x10000 : code, multiline, name);
    if (why !== undefined) return `${hex(code)} (${why}) at character ${position}`;
  }
  return undefined;
}

// Letters, digits, punctuation and symbols are visible; spaces, format characters and marks alone are not.
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Mn}\p{Me}\p{Cc}]/u;

interface TextRules {
  max: number;
  /** Allows tab and line breaks (descriptions and notes). */
  multiline?: boolean;
  /** Names and aliases: also refuses invisible characters (see INVISIBLE_IN_NAMES). */
  name?: boolean;
  /** The field must contain at least one visible character. */
  required?: boolean;
}

function textSchema(rules: TextRules) {
  const { max, multiline = false, name = false, required = false } = rules;
  let schema = z.string();
  if (required) schema = schema.trim().min(1, "must not be empty");
  return schema
    .max(max, `must be at most ${max.toLocaleString("en-US")} characters`)
    .superRefine((text, ctx) => {
      const bad = firstForbidden(text, multiline, name);
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `must not contain ${bad}` });
      } else if (required && text !== "" && !VISIBLE.test(text)) {
        ctx.addIssue({
          code: "custom",
          message: "must contain a visible character, not only spaces or invisible characters",
        });
      }
    });
}

/** Names, vendors, providers, units: one line, visible, no invisible characters. */
const NameText = textSchema({ max: TEXT_LIMITS.name, name: true, required: true });
const AliasText = textSchema({ max: TEXT_LIMITS.alias, name: true, required: true });
const SourceText = textSchema({ max: TEXT_LIMITS.source, required: true });
const DescriptionText = textSchema({
  max: TEXT_LIMITS.description,
  multiline: true,
  required: true,
});
const OptionalDescriptionText = textSchema({ max: TEXT_LIMITS.description, multiline: true });

/**
 * Catalog keys and references: lowercase letters and digits separated by single hyphens, at most 64
 * characters, and never a name of JavaScript object internals ("constructor", "prototype").
 */
export const IdSchema = z
  .string()
  .max(TEXT_LIMITS.id, `must be at most ${TEXT_LIMITS.id} characters`)
  .regex(
    KEBAB_CASE,
    'must be a kebab-case id (lowercase letters and digits separated by single hyphens, e.g. "h100-sxm")'
  )
  .refine((id) => !RESERVED_KEYS.has(id), {
    message:
      "is reserved (__proto__, constructor and prototype are JavaScript object internals); choose another id",
  });

// Semantic Versioning 2.0.0 (semver.org), so libraries can be compared and pinned by workbooks.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** True for real calendar dates given as "YYYY-MM" or "YYYY-MM-DD" (rejects 2024-02-30). */
function isCalendarDate(text: string, dayRequired: boolean): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (dayRequired && day === undefined) return false;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = Number(day);
  return d >= 1 && d <= daysInMonth;
}

/** When a figure was true: month precision is what most public sources give. */
export const AsOfSchema = z
  .string()
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date "YYYY-MM" or "YYYY-MM-DD"')
  .refine((text) => isCalendarDate(text, false), "must be a real calendar month or date");

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date "YYYY-MM-DD"')
  .refine((text) => isCalendarDate(text, true), "must be a real calendar date");

// The version is written into workbooks beside every refreshed assumption: bounded like an id.
export const SemverSchema = z
  .string()
  .max(TEXT_LIMITS.version, `must be at most ${TEXT_LIMITS.version} characters`)
  .regex(SEMVER, 'must be a semantic version "MAJOR.MINOR.PATCH", e.g. "1.2.0"');

// ---------------------------------------------------------------------------------------------
// Quantity: every numeric assumption carries its unit, source and date
// ---------------------------------------------------------------------------------------------

interface Bounds {
  /** Inclusive unless minExclusive. */
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  /** What the number is, for messages: "a price in USD". */
  what: string;
}

/** A number schema with the bounds and a message that names what was expected. */
function boundedNumber(bounds: Bounds): z.ZodNumber {
  let schema = z.number();
  const { min, max, what } = bounds;
  if (min !== undefined) {
    schema = bounds.minExclusive
      ? schema.gt(min, `must be greater than ${min} (${what})`)
      : schema.gte(min, `must be at least ${min} (${what})`);
  }
  if (max !== undefined) {
    schema = bounds.maxExclusive
      ? schema.lt(max, `must be less than ${max} (${what})`)
      : schema.lte(max, `must be at most ${max} (${what})`);
  }
  return schema;
}

function quantityObject(number: z.ZodNumber) {
  return z.strictObject({
    value: number,
    unit: NameText,
    source: SourceText.describe(
      "who published the figure; figures.csv key(s) for the default library"
    ),
    asOf: AsOfSchema,
    low: number.optional(),
    high: number.optional(),
    note: OptionalDescriptionText.optional().describe("derivations and caveats"),
  });
}

type QuantityShape = z.infer<ReturnType<typeof quantityObject>>;

/** low <= value <= high: a range that excludes its own central value is a data-entry error. */
function checkRange(quantity: QuantityShape, ctx: z.RefinementCtx): void {
  const { value, low, high } = quantity;
  if (low !== undefined && low > value) {
    ctx.addIssue({
      code: "custom",
      path: ["low"],
      message: `low (${low}) must not exceed value (${value})`,
    });
  }
  if (high !== undefined && high < value) {
    ctx.addIssue({
      code: "custom",
      path: ["high"],
      message: `high (${high}) must not be below value (${value})`,
    });
  }
}

/** A Quantity whose value, low and high all respect `bounds`. */
function quantity(bounds?: Bounds) {
  const number = bounds ? boundedNumber(bounds) : z.number();
  return quantityObject(number).superRefine(checkRange);
}

/** Unbounded Quantity: the shape every numeric assumption shares. */
export const QuantitySchema = quantity();
export type Quantity = z.infer<typeof QuantitySchema>;

const usd = (what: string) => quantity({ min: 0, what: `${what}; a price cannot be negative` });
const fraction = (what: string) =>
  quantity({ min: 0, max: 1, what: `${what}, as a fraction between 0 and 1` });
const months = (what: string) => quantity({ min: 0, max: 240, what: `${what}, in months` });

// ---------------------------------------------------------------------------------------------
// Catalog entries
// ---------------------------------------------------------------------------------------------

const Aliases = z
  .array(AliasText)
  .max(TEXT_LIMITS.listItems, `must have at most ${TEXT_LIMITS.listItems} aliases`);

const GpuShape = z.strictObject({
  name: NameText,
  vendor: NameText,
  aliases: Aliases,
  memoryGB: quantity({ min: 0, minExclusive: true, what: "GB of accelerator memory" }),
  tdpWatts: quantity({ min: 0, minExclusive: true, what: "W of thermal design power" }),
  chipPrice: usd("USD for the accelerator alone"),
  systemPricePerGpu: usd("USD per GPU of a complete server or rack"),
  systemPowerKwPerGpu: quantity({
    min: 0,
    minExclusive: true,
    what: "kW of IT load per GPU at maximum draw",
  }),
  gpusPerSystem: z.number().int("must be a whole number").min(1, "must be at least 1"),
  systemName: NameText,
});

/** A GPU or, for rack-scale products sold by the rack, one rack treated as the unit. */
export const GpuSchema = GpuShape.superRefine((gpu, ctx) => {
  // The system price includes the chip; a chip dearer than its system means swapped fields.
  if (gpu.chipPrice.value > gpu.systemPricePerGpu.value) {
    ctx.addIssue({
      code: "custom",
      path: ["chipPrice", "value"],
      message: `chip price (${gpu.chipPrice.value}) must not exceed systemPricePerGpu (${gpu.systemPricePerGpu.value}), which includes the chip`,
    });
  }
});
export type Gpu = z.infer<typeof GpuSchema>;

export const PROVIDER_KINDS = ["hyperscaler", "neocloud", "market"] as const;
export const OFFER_TERMS = ["on-demand", "capacity-block", "1yr", "3yr"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type OfferTerm = (typeof OFFER_TERMS)[number];
/** How an offer bills (schema v2); the same values as the route engine's Billing. */
export const BILLINGS = ["used-hours", "all-hours"] as const;
export type OfferBilling = (typeof BILLINGS)[number];

const RentalOfferShape = z.strictObject({
  gpu: IdSchema,
  provider: NameText,
  providerKind: z.enum(PROVIDER_KINDS),
  term: z.enum(OFFER_TERMS),
  rate: quantity({ min: 0, max: 1000, what: "USD per GPU-hour" }),
  annualPriceChange: quantity({
    min: -1,
    max: 1,
    what: "fractional price change per year, e.g. -0.22",
  }),
  leadTimeMonths: months("time from signing to capacity"),
  // Schema v2 (optional: v1 libraries load unchanged; defaults in src/model/libraryDefaults.ts).
  billing: z
    .enum(BILLINGS)
    .optional()
    .describe("absent: by term (on-demand bills used hours, other terms every hour)"),
  availability: fraction("share of hours the provider delivers (the SLA)").optional(),
  minimumTermMonths: months("shortest rental the offer allows").optional(),
});
export const RentalOfferSchema = RentalOfferShape;
export type RentalOffer = z.infer<typeof RentalOfferSchema>;

const RegionShape = z.strictObject({
  name: NameText,
  aliases: Aliases,
  // Industrial tariffs are cents per kWh; a value above 1 USD/kWh is almost surely cents typed as dollars.
  powerPrice: quantity({ min: 0, max: 1, what: "USD per kWh (0.0623, not 6.23 cents)" }),
  constructionCostPerMw: usd("USD per MW of critical IT load (11700000, not 11.7 million)").refine(
    (cost) => cost.value === 0 || cost.value >= 10_000,
    { path: ["value"], message: "must be in USD per MW (e.g. 11700000), not millions of USD" }
  ),
  gridConnectionMonths: months(
    "wait for a transmission-level grid connection (loads above the threshold)"
  ),
  distributionConnectionMonths: months(
    "wait for a distribution-level grid connection (loads at or below the threshold)"
  ).optional(),
});
export const RegionSchema = RegionShape;
export type Region = z.infer<typeof RegionSchema>;

/** How an owned facility is powered (schema v2); the same values as the route engine's PowerKind. */
export const POWER_KINDS = ["grid", "grid+battery", "onsite-bridge"] as const;
export type PowerKindId = (typeof POWER_KINDS)[number];

const PowerShape = z.strictObject({
  kind: z.enum(POWER_KINDS),
  batteryHours: quantity({
    min: 0,
    max: 1000,
    what: "hours of full facility load the batteries carry",
  }).optional(),
  batteryCostPerKwh: usd("USD per kWh of battery storage").optional(),
  onsiteCostPerKw: usd("USD per kW of on-site generation").optional(),
  onsitePricePerKwh: quantity({
    min: 0,
    max: 10,
    what: "USD per kWh while on on-site generation",
  }).optional(),
});

/** An approach's power supply: the kind decides which of the other fields it needs. */
export const PowerSchema = PowerShape.superRefine((power, ctx) => {
  if (power.kind === "grid+battery" && power.batteryHours === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["batteryHours"],
      message: 'is required when kind is "grid+battery" (how many hours the batteries carry)',
    });
  }
  if (power.kind === "onsite-bridge" && power.onsiteCostPerKw === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["onsiteCostPerKw"],
      message:
        'is required when kind is "onsite-bridge" (the on-site generation must cost something)',
    });
  }
});
export type Power = z.infer<typeof PowerSchema>;

/** The build approaches the model knows; the time-to-capacity profile of each is data. */
export const APPROACH_IDS = ["standard", "fast-track", "colocation"] as const;
export type ApproachId = (typeof APPROACH_IDS)[number];
export const ApproachIdSchema = z.enum(APPROACH_IDS);

const ApproachShape = z.strictObject({
  name: NameText,
  description: DescriptionText,
  facilityCapex: z.boolean().describe("false when the facility is leased (colocation)"),
  needsGrid: z.boolean().describe("true when capacity waits for the region's grid connection"),
  baseMonths: months("time from decision to first capacity at refMw"),
  refMw: quantity({ min: 0, what: "MW of critical IT load the base time applies to" }),
  monthsPer100Mw: quantity({
    min: 0,
    max: 120,
    what: "extra months per 100 MW beyond refMw",
  }).optional(),
  colocationPerKwMonth: quantity({
    min: 0,
    max: 10_000,
    what: "USD per kW-month of leased IT capacity",
  }).optional(),
  capexMultiplier: quantity({
    min: 0,
    minExclusive: true,
    max: 10,
    what: "multiplier on facility construction cost",
  }).optional(),
  // Schema v2 (optional; defaults in src/model/libraryDefaults.ts).
  rampMonths: months("time from first capacity of a phase to its full capacity").optional(),
  power: PowerSchema.optional(),
});

export const ApproachSchema = ApproachShape.superRefine((approach, ctx) => {
  // Colocation rent replaces facility capex; having both (or neither) would double count or omit the facility.
  if (!approach.facilityCapex && approach.colocationPerKwMonth === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["colocationPerKwMonth"],
      message: "is required when facilityCapex is false (the leased facility must cost something)",
    });
  }
  if (approach.facilityCapex && approach.colocationPerKwMonth !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["colocationPerKwMonth"],
      message: "applies only when facilityCapex is false (otherwise the facility is paid twice)",
    });
  }
});
export type Approach = z.infer<typeof ApproachSchema>;

// ---------------------------------------------------------------------------------------------
// Singletons: financing, operations, cost of delay, defaults, meta
// ---------------------------------------------------------------------------------------------

export const FinancingSchema = z.strictObject({
  discountRate: fraction("discount rate per year (WACC)"),
  itDepreciationYears: quantity({ min: 0, minExclusive: true, max: 50, what: "years" }),
  facilityLifeYears: quantity({ min: 0, minExclusive: true, max: 100, what: "years" }),
  // Schema v2: absent = 0, pre-tax.
  taxRate: fraction("income tax rate").optional(),
});
export type Financing = z.infer<typeof FinancingSchema>;

export const OperationsSchema = z.strictObject({
  pue: quantity({ min: 1, max: 3, what: "power usage effectiveness: facility power / IT power" }),
  utilization: quantity({
    min: 0,
    minExclusive: true,
    max: 1,
    what: "average draw / maximum draw, a fraction above 0 up to 1",
  }),
  maintenanceShareOfHwPerYear: fraction("maintenance cost per year as a share of hardware capex"),
  staffCostPerMwYear: usd("USD per MW of IT load per year"),
  // Cluster cost = servers / (1 - share): a share of 1 would make the cluster infinitely dear.
  networkShareOfClusterCost: quantity({
    min: 0,
    max: 1,
    maxExclusive: true,
    what: "share of cluster cost spent on networking",
  }),
  nonGpuServerShare: quantity({
    min: 0,
    max: 1,
    maxExclusive: true,
    what: "share of server cost that is not the GPU",
  }),
  // Optional so that libraries written before it still load; absent = 20 MW (resolve.ts).
  gridTransmissionThresholdMw: quantity({
    min: 0,
    what: "MW of facility load above which a load waits for a transmission-level grid connection",
  }).optional(),
  // Schema v2 (optional; defaults in src/model/libraryDefaults.ts).
  productiveUtilization: fraction("share of available GPU-hours that run jobs").optional(),
  goodput: fraction("share of running time not lost to failures and restarts").optional(),
  sparesShare: fraction("spare GPUs bought up front, a share of the count").optional(),
  sparesNeeded: fraction("spares needed to keep the count available, a share of it").optional(),
  outageHoursPerYear: quantity({
    min: 0,
    max: 8760,
    what: "grid outage hours per year",
  }).optional(),
  outagesPerYear: quantity({ min: 0, max: 1000, what: "grid interruptions per year" }).optional(),
  restartHoursPerOutage: quantity({
    min: 0,
    max: 1000,
    what: "fleet-wide hours of work lost per interruption",
  }).optional(),
  hardwarePriceChange: quantity({
    min: -1,
    max: 1,
    what: "yearly change of hardware price at fixed performance, e.g. -0.30",
  }).optional(),
  marketValueChange: quantity({
    min: -1,
    max: 1,
    what: "yearly change of the market value of used IT, e.g. -0.30",
  }).optional(),
});
export type Operations = z.infer<typeof OperationsSchema>;

export const CostOfDelaySchema = z.strictObject({
  valuePerGpuHour: usd("USD per GPU-hour of capacity delivered late"),
  perGpu: z.record(IdSchema, usd("USD per GPU-hour of capacity delivered late")).optional(),
});
export type CostOfDelay = z.infer<typeof CostOfDelaySchema>;

const horizonYears = z
  .number()
  .int("must be a whole number of years")
  .min(1, "must be at least 1 year")
  .max(30, "must be at most 30 years");

export const DefaultsSchema = z.strictObject({
  gpu: IdSchema,
  region: IdSchema,
  approach: IdSchema,
  horizonYears,
  rentalOffer: z.record(IdSchema, IdSchema).describe("default rental offer id per GPU id"),
});
export type Defaults = z.infer<typeof DefaultsSchema>;

/** Most phases a scenario may list: one per month for a year is already more than any plan needs. */
export const MAX_PHASES = 12;
/** How far the shares of a scenario's phases may sum away from 1 (rounding of typed fractions). */
export const PHASE_SHARE_TOLERANCE = 1e-9;

const PhaseSchema = z.strictObject({
  offsetMonths: z
    .number()
    .min(0, "must be at least 0 months (after first capacity)")
    .max(240, "must be at most 240 months"),
  share: z.number().min(0, "must be at least 0").max(1, "must be at most 1 (a share of the fleet)"),
});

/** Phases of an owned fleet (offset after first capacity, share of the fleet); the shares sum to 1. */
export const PhasesSchema = z
  .array(PhaseSchema)
  .min(1, "must list at least one phase")
  .max(MAX_PHASES, `must have at most ${MAX_PHASES} phases`)
  .superRefine((phases, ctx) => {
    const sum = phases.reduce((total, phase) => total + phase.share, 0);
    if (Math.abs(sum - 1) > PHASE_SHARE_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        message: `shares must sum to 1 (they sum to ${sum})`,
      });
    }
  });

/** Rent while building: the rental keeps running overlapMonths after the owned fleet is fully ramped. */
export const BridgeSchema = z.strictObject({
  overlapMonths: z
    .number()
    .min(0, "must be at least 0 months")
    .max(120, "must be at most 120 months"),
  rentalOffer: IdSchema.optional().describe("absent: the scenario's rentalOffer"),
});
export type Bridge = z.infer<typeof BridgeSchema>;

/**
 * Scenario overrides: the keys of src/model/overrides.ts (aliases accepted, case and separators ignored)
 * to finite numbers. Keys and ranges are checked with the library (checkScenarioOverrides).
 */
export const ScenarioOverridesSchema = z
  .record(
    z.string().max(TEXT_LIMITS.id, `must be at most ${TEXT_LIMITS.id} characters`),
    z.number()
  )
  // There are fewer override keys than this; more entries can only be repeats or typos.
  .refine((overrides) => Object.keys(overrides).length <= TEXT_LIMITS.listItems, {
    message: `must have at most ${TEXT_LIMITS.listItems} keys`,
  });

const ScenarioShape = z.strictObject({
  name: NameText,
  description: DescriptionText,
  gpu: IdSchema,
  count: z
    .number()
    .int("must be a whole number of GPUs")
    .min(1, "must be at least 1")
    .max(10_000_000, "must be at most 10,000,000"),
  years: horizonYears,
  region: IdSchema,
  approach: IdSchema,
  rentalOffer: IdSchema,
  discountRate: z
    .number()
    .min(0, "must be at least 0")
    .max(1, "must be at most 1 (a fraction, e.g. 0.07)")
    .optional(),
  rentLeadTimeMonths: z
    .number()
    .min(0, "must be at least 0 months")
    .max(240, "must be at most 240 months")
    .optional(),
  notes: OptionalDescriptionText.optional(),
  sources: z
    .array(SourceText)
    .max(TEXT_LIMITS.listItems, `must have at most ${TEXT_LIMITS.listItems} sources`)
    .optional(),
  // Schema v2 (optional; absent = one phase {0, 1}, no bridge, no overrides).
  phases: PhasesSchema.optional(),
  bridge: BridgeSchema.optional(),
  overrides: ScenarioOverridesSchema.optional(),
});
export const ScenarioSchema = ScenarioShape;
export type Scenario = z.infer<typeof ScenarioSchema>;

/** The newest library schema this code reads; a library declares the version it needs (absent = 1). */
export const LIBRARY_SCHEMA_VERSION = 2;

export const SchemaVersionSchema = z
  .number()
  .int("must be a whole number (1 or 2)")
  .min(1, "must be at least 1")
  .superRefine((version, ctx) => {
    if (version > LIBRARY_SCHEMA_VERSION) {
      ctx.addIssue({
        code: "custom",
        message: `this library needs a newer Capacity Planner: schemaVersion ${version} (this version reads ${LIBRARY_SCHEMA_VERSION} at most)`,
      });
    }
  })
  .describe("the library schema version the document needs; absent = 1");

export const MetaSchema = z.strictObject({
  id: IdSchema,
  name: NameText,
  version: SemverSchema,
  publishedAt: IsoDateSchema,
  publisher: NameText,
  description: OptionalDescriptionText,
  schemaVersion: SchemaVersionSchema.optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

// ---------------------------------------------------------------------------------------------
// Risk settings: sampling shapes and rank-correlation presets for the risk engine (docs/model.md 12.7a)
// ---------------------------------------------------------------------------------------------

/** Most correlation presets a library may list (23 inputs have 253 pairs; a real library names a few). */
export const MAX_RISK_CORRELATIONS = 100;

/** Why `key` is not a risk input, with the nearest names, or undefined when it is one. */
function riskKeyProblem(key: string): string | undefined {
  if (isRiskInputKey(key)) return undefined;
  // nearestNames is bounded whatever the key's length (SUGGESTION_LIMITS), and there are 23 candidates.
  const suggestions = nearestNames(key, RISK_INPUT_KEYS);
  const hint =
    suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
  return `unknown risk input "${shorten(key, TEXT_LIMITS.id)}"${hint} (names are case-sensitive; see RISK_INPUT_KEYS in src/model/risk/riskKeys.ts)`;
}

/** One of RISK_INPUT_KEYS, spelled exactly; an unknown name gets the nearest ones. */
const RiskInputKeySchema = z
  .string()
  .superRefine((key, ctx) => {
    const problem = riskKeyProblem(key);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({ enum: [...RISK_INPUT_KEYS] });

/**
 * Sampling shapes by input, replacing the defaults (DEFAULT_RISK_SHAPES). Keys are checked after the count,
 * so a flood of bad keys costs one message, not a suggestion each. A "__proto__" key is refused before zod
 * (checkStructure in load.ts) and dropped by zod's record parsing otherwise, so it can never set a prototype;
 * readers still go through Object.entries or ownEntry, never shapes[key] on an inherited name.
 */
export const RiskShapesSchema = z
  .record(
    z
      .string()
      .max(TEXT_LIMITS.id, `must be at most ${TEXT_LIMITS.id} characters`)
      .meta({ enum: [...RISK_INPUT_KEYS] }),
    z.enum(RISK_SHAPES)
  )
  .superRefine((shapes, ctx) => {
    const keys = Object.keys(shapes);
    if (keys.length > RISK_INPUT_KEYS.length) {
      ctx.addIssue({
        code: "custom",
        message: `must have at most ${RISK_INPUT_KEYS.length} entries (one per risk input), not ${keys.length}`,
      });
      return;
    }
    for (const key of keys) {
      const problem = riskKeyProblem(key);
      if (problem !== undefined) ctx.addIssue({ code: "custom", path: [key], message: problem });
    }
  })
  .describe("sampling shape by risk input; absent inputs keep the default shape");

export const RiskCorrelationSchema = z.strictObject({
  inputs: z
    .tuple([RiskInputKeySchema, RiskInputKeySchema], {
      error: 'must list exactly two risk inputs, e.g. ["rentRate", "systemPricePerGpu"]',
    })
    .refine(([a, b]) => a !== b, {
      path: [1],
      message: "must name two different inputs (an input is always fully correlated with itself)",
    })
    .describe("the two risk inputs, in either order"),
  rho: z
    .number()
    .min(-1, "must be at least -1 (a rank correlation)")
    .max(1, "must be at most 1 (a rank correlation)")
    .describe("target Spearman rank correlation"),
  source: SourceText.describe(
    "who published the coefficient; figures.csv key(s) for the default library"
  ),
  asOf: AsOfSchema,
  note: OptionalDescriptionText.optional().describe("derivations and caveats"),
});
export type RiskCorrelation = z.infer<typeof RiskCorrelationSchema>;

/**
 * Rank-correlation presets. Each unordered pair at most once (two coefficients for one pair would make the
 * engine's answer depend on list order). Whether the whole matrix is positive semi-definite is not checked
 * here: that depends on which inputs a run samples, and the engine repairs it with a warning.
 */
export const RiskCorrelationsSchema = z
  .array(RiskCorrelationSchema)
  .max(
    MAX_RISK_CORRELATIONS,
    `must have at most ${MAX_RISK_CORRELATIONS} correlations (there are ${RISK_INPUT_KEYS.length} risk inputs)`
  )
  .superRefine((correlations, ctx) => {
    // Unordered pair -> index of its first preset (a Map: the names come from the document).
    const first = new Map<string, number>();
    correlations.forEach(({ inputs: [a, b] }, index) => {
      const pair = a < b ? `${a}/${b}` : `${b}/${a}`;
      const previous = first.get(pair);
      if (previous === undefined) first.set(pair, index);
      else
        ctx.addIssue({
          code: "custom",
          path: [index, "inputs"],
          message: `correlations[${index}] repeats the pair ${a} / ${b} of correlations[${previous}] (each pair at most once, in either order)`,
        });
    });
  });

/** The optional `risk` section; absent (or absent fields) = default shapes and no correlation presets. */
export const RiskSchema = z.strictObject({
  shapes: RiskShapesSchema.optional(),
  correlations: RiskCorrelationsSchema.optional(),
});
export type Risk = z.infer<typeof RiskSchema>;

// ---------------------------------------------------------------------------------------------
// Whole document: structure, then cross-references and key uniqueness
// ---------------------------------------------------------------------------------------------

const SchemaUrl = textSchema({ max: TEXT_LIMITS.url });

const LibraryShape = z.strictObject({
  /** Lets editors find docs/library.schema.json; ignored by the model. */
  $schema: SchemaUrl.optional(),
  meta: MetaSchema,
  defaults: DefaultsSchema,
  gpus: z.record(IdSchema, GpuSchema),
  rentalOffers: z.record(IdSchema, RentalOfferSchema),
  regions: z.record(IdSchema, RegionSchema),
  approaches: z.record(ApproachIdSchema, ApproachSchema),
  financing: FinancingSchema,
  operations: OperationsSchema,
  costOfDelay: CostOfDelaySchema,
  scenarios: z.record(IdSchema, ScenarioSchema),
  risk: RiskSchema.optional().describe(
    "risk-run settings; absent = default shapes, no correlations"
  ),
});

type LibraryShapeOutput = z.infer<typeof LibraryShape>;

/**
 * Unknown references get "did you mean" suggestions only for the first few: a library with thousands of
 * broken references (say 4,000 scenarios naming a missing region) is one mistake repeated, and
 * suggesting for each would cost seconds for nothing the reader needs.
 */
export const SUGGESTED_REFERENCES = 20;

interface SuggestionBudget {
  remaining: number;
}

/** Reports a reference to a missing catalog entry, with the nearest existing ids as suggestions. */
function checkReference(
  ctx: z.RefinementCtx,
  budget: SuggestionBudget,
  path: PropertyKey[],
  id: string,
  catalog: Record<string, unknown>,
  what: string
): boolean {
  if (Object.prototype.hasOwnProperty.call(catalog, id)) return true;
  // An id that is not a valid id at all was reported by IdSchema already; one problem per field is enough.
  if (id.length > TEXT_LIMITS.id || !KEBAB_CASE.test(id) || RESERVED_KEYS.has(id)) return false;
  const ids = Object.keys(catalog);
  let hint: string;
  if (ids.length === 0) hint = `; the library has no ${what}s`;
  else if (budget.remaining <= 0) hint = "";
  else {
    budget.remaining--;
    const suggestions = nearestNames(id, ids);
    hint = `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`;
  }
  ctx.addIssue({
    code: "custom",
    path,
    message: `unknown ${what} "${shorten(id, TEXT_LIMITS.id)}"${hint}`,
  });
  return false;
}

/**
 * Every id, name and alias of a catalog must normalize to a distinct key, otherwise a lookup such
 * as CAPPLAN.GPUCOST("H100") would depend on catalog order, and two ids such as "aws-h100-ondemand"
 * and "aws-h100-on-demand" would let a scenario and ASSUMPTION() resolve to different offers.
 * The same holds for a team library layered over the bundled one: a team entry whose id differs from
 * a bundled id only by case or separators is rejected, not taken as an override, because either
 * reading would silently change numbers; the message names the bundled id to use instead.
 */
function checkUniqueKeys(
  ctx: z.RefinementCtx,
  catalogName: string,
  catalog: Record<string, object & { name?: string; aliases?: string[] }>
): void {
  const owner = new Map<string, string>();
  const claim = (text: string, id: string, path: PropertyKey[], label: string) => {
    const key = normalizeKey(text);
    const previous = owner.get(key);
    if (previous === undefined) owner.set(key, id);
    else if (previous !== id) {
      const override =
        label === "id" && normalizeKey(previous) === key
          ? `; to change that entry, use its exact id "${previous}"`
          : "";
      ctx.addIssue({
        code: "custom",
        path: [catalogName, id, ...path],
        message: `${label} "${shorten(text, TEXT_LIMITS.name)}" is already used by ${catalogName}.${previous} (ids, names and aliases must be unique ignoring case, spaces, "-", "_", "." and "/")${override}`,
      });
    }
  };
  // Ids first, so a name or alias that collides with another entry's id is the one reported.
  for (const id of Object.keys(catalog)) claim(id, id, [], "id");
  for (const [id, entry] of Object.entries(catalog)) {
    if (typeof entry.name === "string") claim(entry.name, id, ["name"], "name");
    entry.aliases?.forEach((alias, i) => claim(alias, id, ["aliases", i], "alias"));
  }
}

/** Outage hours need interruptions to happen in (the route engine divides hours by interruptions). */
function checkOperations(ctx: z.RefinementCtx, operations: LibraryShapeOutput["operations"]): void {
  const hours = operations.outageHoursPerYear?.value;
  const outages = operations.outagesPerYear?.value;
  if (hours !== undefined && hours > 0 && outages === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["operations", "outagesPerYear", "value"],
      message: `must be greater than 0 when outageHoursPerYear is ${hours} (outages happen in interruptions)`,
    });
  }
}

/** What an override value must be, or undefined when it fits the key's spec. */
function overrideValueProblem(spec: OverrideSpec, value: number): string | undefined {
  if (!Number.isFinite(value)) return "must be a finite number";
  if (spec.kind === "switch")
    return value === 0 || value === 1 ? undefined : `must be 1 (on) or 0 (off) ${spec.what}`;
  if (value < spec.min || value > spec.max)
    return `must be between ${spec.min} and ${spec.max} ${spec.what}`;
  return undefined;
}

/**
 * Scenario override keys are parsed like the overrides argument (src/model/overrides.ts): aliases, case and
 * separators are accepted; an unknown key gets the nearest names, two spellings of one key are refused.
 */
function checkScenarioOverrides(
  ctx: z.RefinementCtx,
  budget: SuggestionBudget,
  path: PropertyKey[],
  overrides: Record<string, number>
): void {
  // Canonical key -> the spelling that claimed it (a Map: keys come from the document).
  const claimed = new Map<string, string>();
  for (const [key, value] of Object.entries(overrides)) {
    const spec = findOverride(key);
    if (spec === undefined) {
      let hint = "";
      if (budget.remaining > 0) {
        budget.remaining--;
        const suggestions = nearestNames(key, OVERRIDE_NAMES);
        if (suggestions.length > 0)
          hint = `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`;
      }
      ctx.addIssue({
        code: "custom",
        path: [...path, key],
        message: `unknown override key "${shorten(key, TEXT_LIMITS.id)}"${hint}`,
      });
      continue;
    }
    const previous = claimed.get(spec.key);
    if (previous !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [...path, key],
        message: `sets ${spec.key} again (already set as "${shorten(previous, TEXT_LIMITS.id)}")`,
      });
      continue;
    }
    claimed.set(spec.key, key);
    const problem = overrideValueProblem(spec, value);
    if (problem !== undefined)
      ctx.addIssue({ code: "custom", path: [...path, key], message: problem });
  }
}

function checkLibrary(doc: LibraryShapeOutput, ctx: z.RefinementCtx): void {
  const { defaults, gpus, rentalOffers, regions, approaches, scenarios, costOfDelay } = doc;
  const budget: SuggestionBudget = { remaining: SUGGESTED_REFERENCES };
  const ref = (path: PropertyKey[], id: string, catalog: Record<string, unknown>, what: string) =>
    checkReference(ctx, budget, path, id, catalog, what);

  ref(["defaults", "gpu"], defaults.gpu, gpus, "GPU");
  ref(["defaults", "region"], defaults.region, regions, "region");
  ref(["defaults", "approach"], defaults.approach, approaches, "approach");
  for (const [gpuId, offerId] of Object.entries(defaults.rentalOffer)) {
    const gpuKnown = ref(["defaults", "rentalOffer", gpuId], gpuId, gpus, "GPU");
    const offerKnown = ref(
      ["defaults", "rentalOffer", gpuId],
      offerId,
      rentalOffers,
      "rental offer"
    );
    // The default offer is what "rent this GPU" means, so it must rent that GPU.
    if (gpuKnown && offerKnown && rentalOffers[offerId].gpu !== gpuId) {
      ctx.addIssue({
        code: "custom",
        path: ["defaults", "rentalOffer", gpuId],
        message: `default offer "${offerId}" rents "${rentalOffers[offerId].gpu}", not "${gpuId}"`,
      });
    }
  }

  for (const [offerId, offer] of Object.entries(rentalOffers)) {
    ref(["rentalOffers", offerId, "gpu"], offer.gpu, gpus, "GPU");
  }

  for (const gpuId of Object.keys(costOfDelay.perGpu ?? {})) {
    ref(["costOfDelay", "perGpu", gpuId], gpuId, gpus, "GPU");
  }

  checkOperations(ctx, doc.operations);

  for (const [scenarioId, scenario] of Object.entries(scenarios)) {
    if (scenario.bridge?.rentalOffer !== undefined) {
      ref(
        ["scenarios", scenarioId, "bridge", "rentalOffer"],
        scenario.bridge.rentalOffer,
        rentalOffers,
        "rental offer"
      );
    }
    if (scenario.overrides !== undefined)
      checkScenarioOverrides(
        ctx,
        budget,
        ["scenarios", scenarioId, "overrides"],
        scenario.overrides
      );
    ref(["scenarios", scenarioId, "gpu"], scenario.gpu, gpus, "GPU");
    ref(["scenarios", scenarioId, "region"], scenario.region, regions, "region");
    ref(["scenarios", scenarioId, "approach"], scenario.approach, approaches, "approach");
    // A scenario may rent a different GPU as a stated proxy (e.g. no GB200 rental figure), so only existence is checked.
    ref(
      ["scenarios", scenarioId, "rentalOffer"],
      scenario.rentalOffer,
      rentalOffers,
      "rental offer"
    );
  }

  checkUniqueKeys(ctx, "gpus", gpus);
  checkUniqueKeys(ctx, "rentalOffers", rentalOffers);
  checkUniqueKeys(ctx, "regions", regions);
  checkUniqueKeys(ctx, "approaches", approaches);
  checkUniqueKeys(ctx, "scenarios", scenarios);
}

/** The complete library: what the model runs on after defaults and team layers are merged. */
export const LibraryDocumentSchema = LibraryShape.superRefine(checkLibrary);
export type LibraryDocument = z.infer<typeof LibraryDocumentSchema>;

// ---------------------------------------------------------------------------------------------
// Team library: a partial document layered over the default (see merge.ts)
// ---------------------------------------------------------------------------------------------

/*
 * Each catalog entry may be partial (override one field of a GPU), but a Quantity is replaced as a
 * whole: a new value must come with its own unit, source and date, or the audit trail would show
 * the default library's source next to the team's number. References and uniqueness are checked
 * after merging, against the full schema.
 */
export const TeamLibrarySchema = z.strictObject({
  $schema: SchemaUrl.optional(),
  meta: MetaSchema,
  defaults: DefaultsSchema.partial().optional(),
  gpus: z.record(IdSchema, GpuShape.partial()).optional(),
  rentalOffers: z.record(IdSchema, RentalOfferShape.partial()).optional(),
  regions: z.record(IdSchema, RegionShape.partial()).optional(),
  approaches: z.partialRecord(ApproachIdSchema, ApproachShape.partial()).optional(),
  financing: FinancingSchema.partial().optional(),
  operations: OperationsSchema.partial().optional(),
  costOfDelay: CostOfDelaySchema.partial().optional(),
  scenarios: z.record(IdSchema, ScenarioShape.partial()).optional(),
  // Merged like the rest (merge.ts): shapes by input, team wins; a team's correlations list replaces the base's.
  risk: RiskSchema.optional(),
});
export type TeamLibrary = z.infer<typeof TeamLibrarySchema>;
