/**
 * How the sidebar writes numbers, sizes, durations and library sources. Pure.
 */
import type { LibrarySource } from "../shared-state/activeLibrary";
import { isolate } from "./dom";
import { redactUrl } from "../model/library/redact";

/** Grouped digits and up to 6 decimals: 11,700,000 / 0.0623 / 1.275. */
export function formatNumber(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** A workbook or library value as shown in the diff ("(empty)" for an empty cell). */
export function formatValue(value: string | number | boolean | null, locale?: string): string {
  if (value === null) return "(missing)";
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === "" ? "(empty)" : value;
}

const MB = 1024 * 1024;

/** 10485760 -> "10.0 MB", 5242880 -> "5 MB", 2048 -> "2 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) {
    const mb = bytes / MB;
    return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** 15000 -> "15 s", 250 -> "0.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "bundled with the add-in" / "URL https://…" / "file team.json". */
export function describeSource(source: LibrarySource): string {
  switch (source.kind) {
    case "bundled":
      return "Bundled with the add-in";
    case "url":
      // Redacted again here: a copy saved by an earlier version kept the address as loaded.
      return `URL: ${isolate(redactUrl(source.url))}`;
    case "file":
      return `File: ${isolate(source.fileName)}`;
  }
}

/** "2 problems", "1 problem". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
