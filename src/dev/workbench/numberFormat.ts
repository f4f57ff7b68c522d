/**
 * Excel number format codes, the subset a finance template uses, for display in the grid:
 * sections (positive;negative;zero;text), quoted and escaped literals, 0 # ? placeholders,
 * thousands separators and scaling commas, percent, scientific, [Color] tags, "@" text,
 * General (Excel's 11-character rule) and common date codes. No locale: "." and "," as in en-US.
 */
import { isErrorValue } from "../excel-host";
import type { CellValue } from "../excel-host";

export interface FormattedValue {
  readonly text: string;
  /** A [Color] from the format's section, as a CSS color; undefined for the cell's font color. */
  readonly color?: string;
}

const COLORS: Readonly<Record<string, string>> = {
  black: "#000000",
  blue: "#0000FF",
  cyan: "#00FFFF",
  green: "#008000",
  magenta: "#FF00FF",
  red: "#FF0000",
  white: "#FFFFFF",
  yellow: "#FFFF00",
};

/** Splits at ";" outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i += 1;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Excel's General: integers up to 11 digits as is, otherwise 10 significant digits or E notation. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa = "0", exponent = "0"] = n.toExponential(5).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const e = Number(exponent);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const fixed = n.toFixed(Math.max(0, 10 - intDigits));
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

/**
 * General in a column `width` characters wide, as Excel fits it: fewer decimals first, then
 * scientific notation, then "#" marks when not even that fits.
 */
export function formatGeneralToWidth(n: number, width: number): string {
  const full = formatGeneral(n);
  if (full.length <= width) return full;
  const sign = n < 0 ? 1 : 0;
  const abs = Math.abs(n);
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  if (abs >= 1e-4 && intDigits + sign <= width && abs < 1e11) {
    const decimals = Math.max(0, width - sign - intDigits - 1);
    const fixed = n.toFixed(decimals);
    const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
    if (trimmed.length <= width) return trimmed;
  }
  for (let decimals = Math.max(0, width - sign - 6); decimals >= 0; decimals--) {
    const [mantissa = "0", exponent = "0"] = n.toExponential(decimals).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const e = Number(exponent);
    const text = `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    if (text.length <= width) return text;
  }
  return "#".repeat(Math.max(1, width));
}

interface Section {
  /** Literal text before and after the number. */
  readonly prefix: string;
  readonly suffix: string;
  /** Placeholder characters (0 # ? , . E+ E-) in order. */
  readonly pattern: string;
  readonly percents: number;
  readonly color?: string;
  readonly isDate: boolean;
  readonly isText: boolean;
  /** The section with brackets removed (for dates). */
  readonly body: string;
}

const DATE_CODE = /[ymdhs]/i;

function parseSection(raw: string): Section {
  let prefix = "";
  let suffix = "";
  let pattern = "";
  let percents = 0;
  let color: string | undefined;
  let body = "";
  let isText = false;
  let isDate = false;
  let seenNumber = false;
  const literal = (text: string): void => {
    if (seenNumber) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? "";
    if (ch === "[") {
      const end = raw.indexOf("]", i);
      const tag = raw.slice(i + 1, end < 0 ? raw.length : end);
      const named = COLORS[tag.toLowerCase()];
      if (named !== undefined) color = named;
      i = end < 0 ? raw.length : end;
      continue;
    }
    body += ch;
    if (ch === '"') {
      const end = raw.indexOf('"', i + 1);
      const text = raw.slice(i + 1, end < 0 ? raw.length : end);
      body += text + '"';
      literal(text);
      i = end < 0 ? raw.length : end;
      continue;
    }
    if (ch === "\\") {
      const next = raw[i + 1] ?? "";
      body += next;
      literal(next);
      i += 1;
      continue;
    }
    if (ch === "_") {
      // Pads the width of the next character: a space is close enough on screen.
      body += raw[i + 1] ?? "";
      literal(" ");
      i += 1;
      continue;
    }
    if (ch === "*") {
      body += raw[i + 1] ?? "";
      i += 1;
      continue;
    }
    if (ch === "@") {
      isText = true;
      literal("@");
      continue;
    }
    if (
      ch === "0" ||
      ch === "#" ||
      ch === "?" ||
      (ch === "." && /[0#?]/.test(raw[i + 1] ?? "")) ||
      (ch === "," && seenNumber)
    ) {
      seenNumber = true;
      // Once the number has started, later placeholders extend it (e.g. "#,##0.00").
      pattern += ch;
      continue;
    }
    if (ch === "." && seenNumber) {
      pattern += ch;
      continue;
    }
    if ((ch === "E" || ch === "e") && seenNumber && (raw[i + 1] === "+" || raw[i + 1] === "-")) {
      pattern += `E${raw[i + 1]}`;
      i += 1;
      continue;
    }
    if (ch === "%") percents += 1;
    if (DATE_CODE.test(ch) && !seenNumber) isDate = true;
    literal(ch);
  }
  return { prefix, suffix, pattern, percents, color, isDate, isText, body };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberPattern(abs: number, pattern: string): string {
  const sci = /E[+-]/.exec(pattern);
  const mantissaPattern = sci === null ? pattern : pattern.slice(0, sci.index);
  const exponentPattern = sci === null ? "" : pattern.slice(sci.index + 2);
  // Trailing commas scale by a thousand each.
  let core = mantissaPattern;
  let scaled = abs;
  while (core.endsWith(",")) {
    core = core.slice(0, -1);
    scaled /= 1000;
  }
  const dot = core.indexOf(".");
  const intPattern = dot < 0 ? core : core.slice(0, dot);
  const fracPattern = dot < 0 ? "" : core.slice(dot + 1).replace(/,/g, "");
  const grouping = intPattern.includes(",");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  let exponent = 0;
  if (sci !== null && scaled !== 0) {
    exponent = Math.floor(Math.log10(scaled));
    scaled /= 10 ** exponent;
  }
  let [intDigits = "0", fracDigits = ""] = scaled.toFixed(maxFrac).split(".");
  if (sci !== null && intDigits.length > 1) {
    // Rounding carried into a new digit (9.99 -> 10.0).
    exponent += 1;
    [intDigits = "0", fracDigits = ""] = (scaled / 10).toFixed(maxFrac).split(".");
  }
  while (fracDigits.length > minFrac && fracDigits.endsWith("0"))
    fracDigits = fracDigits.slice(0, -1);
  if (intDigits === "0" && minInt === 0) intDigits = "";
  intDigits = intDigits.padStart(minInt, "0");
  if (grouping) intDigits = groupThousands(intDigits);
  let text = intDigits;
  if (dot >= 0 && (fracDigits.length > 0 || minFrac > 0 || fracPattern === ""))
    text += `.${fracDigits}`;
  if (dot >= 0 && fracPattern === "" && fracDigits === "") text = intDigits + ".";
  if (sci !== null) {
    const sign = exponent < 0 ? "-" : sci[0] === "E+" ? "+" : "";
    const minExp = (exponentPattern.match(/0/g) ?? []).length;
    text += `E${sign}${String(Math.abs(exponent)).padStart(minExp, "0")}`;
  }
  return text;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Excel serial (1900 system) -> the date shown by a date code such as "yyyy-mm-dd" or "m/d/yyyy". */
function formatDate(serial: number, body: string): string {
  // Serial 60 is Excel's phantom 29 Feb 1900; dates after it are offset by one day.
  const ms = Math.round((serial - (serial >= 60 ? 25569 : 25568)) * 86400000);
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  const h = date.getUTCHours();
  const mi = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  const ampm = /AM\/PM/i.test(body);
  const tokens =
    body.match(/"[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|./gi) ?? [];
  let out = "";
  let lastWasHour = false;
  tokens.forEach((token, index) => {
    const lower = token.toLowerCase();
    const nextIsSeconds = tokens.slice(index + 1).some((t) => /^s+$/i.test(t));
    switch (lower) {
      case "yyyy":
        out += String(y);
        break;
      case "yy":
        out += String(y % 100).padStart(2, "0");
        break;
      case "mmmm":
        out += MONTHS[mo] ?? "";
        break;
      case "mmm":
        out += (MONTHS[mo] ?? "").slice(0, 3);
        break;
      case "mm":
      case "m": {
        const minute = lastWasHour || nextIsSeconds;
        const n = minute ? mi : mo + 1;
        out += lower === "mm" ? String(n).padStart(2, "0") : String(n);
        break;
      }
      case "dddd":
      case "ddd":
        out += new Intl.DateTimeFormat("en-US", {
          weekday: lower === "dddd" ? "long" : "short",
          timeZone: "UTC",
        }).format(date);
        break;
      case "dd":
        out += String(d).padStart(2, "0");
        break;
      case "d":
        out += String(d);
        break;
      case "hh":
      case "h": {
        const hour = ampm ? (h % 12 === 0 ? 12 : h % 12) : h;
        out += lower === "hh" ? String(hour).padStart(2, "0") : String(hour);
        break;
      }
      case "ss":
        out += String(s).padStart(2, "0");
        break;
      case "s":
        out += String(s);
        break;
      case "am/pm":
        out += h < 12 ? "AM" : "PM";
        break;
      default:
        out += token.startsWith('"') ? token.slice(1, -1) : token;
    }
    if (/^h+$/i.test(token)) lastWasHour = true;
    else if (/^[ymd]+$/i.test(token) || /^m+$/i.test(token)) lastWasHour = false;
  });
  return out;
}

/** The text Excel shows for `value` under `format` (without column-width effects such as ####). */
export function formatCellValue(value: CellValue, format: string): FormattedValue {
  if (value === null) return { text: "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const sections = splitSections(format || "General");
  if (typeof value === "string") {
    if (isErrorValue(value)) return { text: value };
    const textSection =
      sections[3] ??
      (sections.length === 1 && sections[0]?.includes("@") ? sections[0] : undefined);
    if (textSection === undefined) return { text: value };
    const parsed = parseSection(textSection);
    return { text: (parsed.prefix + parsed.suffix).replace("@", value), color: parsed.color };
  }
  if (!Number.isFinite(value)) return { text: "#NUM!" };
  let index = 0;
  if (value < 0 && sections.length >= 2) index = 1;
  else if (value === 0 && sections.length >= 3) index = 2;
  const raw = sections[index] ?? "General";
  const ownSign = index > 0;
  if (/^\s*general\s*$/i.test(raw.replace(/\[[^\]]*\]/g, ""))) {
    const section = parseSection(raw.replace(/general/i, ""));
    return { text: formatGeneral(ownSign ? Math.abs(value) : value), color: section.color };
  }
  const section = parseSection(raw);
  if (section.isText && section.pattern === "")
    return { text: String(value), color: section.color };
  if (section.isDate && section.pattern === "") {
    return {
      text: value < 0 ? "#".repeat(8) : formatDate(value, section.body),
      color: section.color,
    };
  }
  if (section.pattern === "") {
    // Only literals ("-" or "Zero"): Excel shows the literals.
    return { text: section.prefix + section.suffix, color: section.color };
  }
  const abs = Math.abs(value) * 100 ** section.percents;
  const number = formatNumberPattern(abs, section.pattern);
  const negative = value < 0 && !ownSign && /[1-9]/.test(number);
  return {
    text: `${negative ? "-" : ""}${section.prefix}${number}${section.suffix}`,
    color: section.color,
  };
}
