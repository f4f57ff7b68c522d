/**
 * The sidebar's pure rules, without a DOM: which library addresses are allowed, size and duration
 * wording, the change summary, and the offline cache record.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import type { LibraryDocument } from "../../../src/model/library/schema";
import { formatBytes, formatSeconds } from "../../../src/taskpane/format";
import { CACHE_KEY, readCachedLibrary } from "../../../src/shared-state/libraryCache";
import { checkLibraryUrl, utf8Length } from "../../../src/taskpane/libraryFetch";
import { summarizeLibraryChange } from "../../../src/taskpane/libraryDiff";
import { validateTeamLibraryText } from "../../../src/model/library/teamLibrary";
import { cappedDetails } from "../../../src/taskpane/messageBar";
import { MemoryStorage } from "../../support/taskpane/harness";
import { teamLibraryText } from "../../support/taskpane/libraries";

describe("library addresses", () => {
  it.each([
    "https://contoso.sharepoint.com/sites/finance/capplan.json",
    "https://raw.githubusercontent.com/acme/lib/main/library.json",
    "http://localhost:3000/library.json",
    "http://127.0.0.1:8080/library.json",
    "http://[::1]:8080/library.json",
    "  https://example.com/lib.json  ",
  ])("allows %p", (url) => {
    // Given %p
    // Then it may be loaded
    expect(checkLibraryUrl(url).ok).toBe(true);
  });

  it.each([
    ["http://example.com/lib.json", /http:\/\/ on a host other than localhost/],
    ["http://localhost.example.com/lib.json", /http:\/\/ on a host other than localhost/],
    ["http://192.168.1.10/lib.json", /http:\/\/ on a host other than localhost/],
    ["ftp://example.com/lib.json", /uses ftp:/],
    ["file:///C:/lib.json", /uses file:/],
    ["data:application/json,{}", /uses data:/],
  ])("refuses %p, naming the rule", (url, why) => {
    // Given %p
    const check = checkLibraryUrl(url);
    // Then it is refused and the rule is named
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem.details[0]).toMatch(/^Only https:\/\/ addresses can be loaded/);
    expect(check.problem.details[1]).toMatch(why);
  });
});

describe("library addresses in a production build", () => {
  it.each(["http://localhost:3000/library.json", "http://127.0.0.1:8080/library.json"])(
    "refuses %p in production",
    (url) => {
      // Given %p and no development allowance
      const check = checkLibraryUrl(url, false);
      // Then it is refused: production loads https only
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.problem.details[1]).toMatch(/production build loads only https:\/\/ addresses/);
    }
  );

  it("allows https in production", () => {
    // Given an https address and no development allowance
    // Then it may be loaded
    expect(checkLibraryUrl("https://localhost:3000/library.json", false).ok).toBe(true);
  });
});

describe("wording", () => {
  it("formats sizes and durations as people write them", () => {
    // Given sizes and durations
    // Then they read as people write them
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(5.5 * 1024 * 1024)).toBe("5.5 MB");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatSeconds(15_000)).toBe("15 s");
    expect(formatSeconds(250)).toBe("0.25 s");
    expect(utf8Length("é€😀a")).toBe(2 + 3 + 4 + 1);
  });

  it("shows 20 of 25 details and 'and 5 more'", () => {
    // Given 25 details
    const lines = Array.from({ length: 25 }, (_, i) => `line ${i}`);
    // Then 20 are shown and 'and 5 more'
    expect(cappedDetails(lines)).toEqual([...lines.slice(0, 20), "and 5 more"]);
    expect(cappedDetails(lines.slice(0, 20))).toHaveLength(20);
  });
});

describe("what changed between libraries", () => {
  it("counts changed assumptions, added entries and versions", () => {
    // Given the default and a team layer
    const result = validateTeamLibraryText(teamLibraryText(), VALIDATED_BUNDLED_LIBRARY);
    if (!result.ok) throw new Error("the team library fixture is invalid");
    const summary = summarizeLibraryChange(VALIDATED_BUNDLED_LIBRARY, result.library);
    // Then the summary counts changed assumptions, added entries and versions
    expect(summary.before.version).toBe("1.1.0");
    expect(summary.after).toEqual({ id: "acme-team", name: "Acme team library", version: "2.0.0" });
    expect(summary.changedAssumptions.map((c) => c.path)).toEqual([
      "gpus.h100-sxm.systemPricePerGpu",
      "rentalOffers.oracle-h100-on-demand.rate",
      "regions.us-tn.powerPrice",
    ]);
    expect(summary.addedEntries).toEqual(["scenarios.acme-site"]);
    expect(summary.removedEntries).toEqual([]);
    expect(summary.changedScenarios).toEqual([]);

    const back = summarizeLibraryChange(result.library, VALIDATED_BUNDLED_LIBRARY);
    expect(back.removedEntries).toEqual(["scenarios.acme-site"]);
  });

  it("reports a redefined scenario", () => {
    // Given a redefined scenario
    const changed: LibraryDocument = JSON.parse(
      JSON.stringify(VALIDATED_BUNDLED_LIBRARY)
    ) as LibraryDocument;
    (changed.scenarios["enterprise-1k-h100"] as { count: number }).count = 2000;
    // Then it is reported
    expect(summarizeLibraryChange(VALIDATED_BUNDLED_LIBRARY, changed).changedScenarios).toEqual([
      "scenarios.enterprise-1k-h100",
    ]);
  });
});

describe("the offline cache record", () => {
  it("accepts only complete version-1 records", () => {
    // Given a stored record
    const storage = new MemoryStorage();
    // Then only a complete version-1 record with a url or file source is accepted
    expect(readCachedLibrary(storage)).toEqual({ status: "absent" });
    expect(readCachedLibrary(null)).toEqual({ status: "absent" });
    const record = {
      version: 1,
      text: "{}",
      source: { kind: "file", fileName: "a.json" },
      savedAt: "2026-01-01T00:00:00Z",
    };
    storage.setItem(CACHE_KEY, JSON.stringify(record));
    expect(readCachedLibrary(storage)).toEqual({ status: "ok", cached: record });
    storage.setItem(CACHE_KEY, JSON.stringify({ ...record, source: { kind: "bundled" } }));
    expect(readCachedLibrary(storage).status).toBe("corrupt");
    storage.setItem(CACHE_KEY, "[]");
    expect(readCachedLibrary(storage).status).toBe("corrupt");
  });
});
