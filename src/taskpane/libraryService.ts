/**
 * The library actions of the sidebar, without any DOM: load a team library from a URL or a file,
 * go back to the bundled one, restore the cached one at startup. A library becomes active only when
 * it is valid; on any failure the active library, the cache and the workbook stay as they were.
 * On success: setActiveLibrary (the CAPPLAN functions see it at once), cache it for offline use,
 * ask Excel to recalculate when what the functions answer with changed (not for the same library again:
 * a full recalculation is costly in big workbooks), and summarize what changed.
 */
import {
  answersToken,
  getActiveLibrary,
  setActiveLibrary,
  takeStartupRestore,
  type ActiveLibrary,
  type LibrarySource,
} from "../shared-state/activeLibrary";
import { recalculateIfChanged, type RecalcExcel, type RecalcOutcome } from "../excel/recalculate";
import { LIBRARY_SCHEMA_REVISION, libraryHash } from "../model/library/fingerprint";
import { VALIDATED_BUNDLED_LIBRARY } from "../model/library/validatedBundledLibrary";
import { validateTeamLibraryText } from "../model/library/teamLibrary";
import {
  checkLibraryUrl,
  fetchLibraryText,
  readLibraryFile,
  redactUrl,
  type FetchLike,
  type FileLike,
  type LoadProblem,
  type TextResult,
} from "./libraryFetch";
import {
  clearCachedLibrary,
  readCachedLibrary,
  readRememberedUrl,
  rememberUrl,
  writeCachedLibrary,
  type CachedSource,
  type StorageLike,
} from "../shared-state/libraryCache";
import { summarizeLibraryChange, type LibraryChangeSummary } from "./libraryDiff";
import { issueLine, validationProblem } from "./libraryLoad";

export interface LibraryServiceDeps {
  readonly excel: RecalcExcel;
  readonly storage: StorageLike | null;
  readonly fetch: FetchLike;
  readonly now: () => Date;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export type LibraryOutcome =
  | {
      readonly ok: true;
      readonly active: ActiveLibrary;
      readonly summary: LibraryChangeSummary;
      readonly recalc: RecalcOutcome;
      /** Things that did not stop the load (e.g. it could not be cached for offline use). */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly problem: LoadProblem };

export type RestoreOutcome =
  | { readonly status: "none" }
  | {
      readonly status: "restored";
      readonly active: ActiveLibrary;
      readonly savedAt: string;
      readonly recalc: RecalcOutcome;
    }
  | { readonly status: "fellBack"; readonly problem: LoadProblem };

export interface LibraryService {
  loadFromUrl(rawUrl: string): Promise<LibraryOutcome>;
  loadFromFile(file: FileLike): Promise<LibraryOutcome>;
  useBundled(): Promise<LibraryOutcome>;
  /** At startup: make the cached team library active again (validated again), if there is one. */
  restoreFromCache(): Promise<RestoreOutcome>;
  rememberedUrl(): string;
}

/** "Capacity Planner default library 1.0.0" */
export function libraryLabel(active: ActiveLibrary = getActiveLibrary()): string {
  const { name, version } = active.index.library.meta;
  return `${name} ${version}`;
}

const NOT_CACHED =
  "The library could not be saved for offline use (browser storage is full or blocked); it stays in use until the add-in closes.";

export function createLibraryService(deps: LibraryServiceDeps): LibraryService {
  const limits = { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes };

  async function activate(
    text: string,
    source: CachedSource,
    what: string,
    url: string | null
  ): Promise<LibraryOutcome> {
    const previous = getActiveLibrary();
    const result = validateTeamLibraryText(text, VALIDATED_BUNDLED_LIBRARY);
    if (!result.ok)
      return { ok: false, problem: validationProblem(result, what, libraryLabel(previous)) };
    const now = deps.now();
    const before = answersToken();
    const active = setActiveLibrary(result.library, source, now);
    const warnings: string[] = [];
    const savedAt = now.toISOString();
    if (!writeCachedLibrary(deps.storage, { text, library: result.library, source, savedAt })) {
      warnings.push(NOT_CACHED);
    }
    if (url !== null) rememberUrl(deps.storage, url);
    return recalculated(previous, active, before, warnings);
  }

  /** After a library became active: recalculate if the functions' answers changed, summarize the change. */
  async function recalculated(
    previous: ActiveLibrary,
    active: ActiveLibrary,
    before: string,
    warnings: readonly string[]
  ): Promise<LibraryOutcome> {
    const recalc = await recalculateIfChanged(deps.excel, before, answersToken());
    return {
      ok: true,
      active,
      summary: summarizeLibraryChange(previous.index.library, active.index.library),
      recalc,
      warnings,
    };
  }

  async function fromText(
    read: Promise<TextResult>,
    source: CachedSource,
    what: string,
    url: string | null = null
  ): Promise<LibraryOutcome> {
    const text = await read;
    if (!text.ok) {
      const stays = `Nothing was changed: ${libraryLabel()} stays in use.`;
      return { ok: false, problem: { ...text.problem, next: `${text.problem.next} ${stays}` } };
    }
    return activate(text.text, source, what, url);
  }

  return {
    async loadFromUrl(rawUrl) {
      const check = checkLibraryUrl(rawUrl);
      if (!check.ok) {
        const stays = `Nothing was changed: ${libraryLabel()} stays in use.`;
        return { ok: false, problem: { ...check.problem, next: `${check.problem.next} ${stays}` } };
      }
      // The source is what the pane shows and the offline copy keeps, so it holds the address without
      // its secrets; only the remembered URL keeps them, to load the same address again (README).
      return fromText(
        fetchLibraryText(deps.fetch, check.url, limits),
        { kind: "url", url: redactUrl(check.url) },
        "The library at this address",
        check.url
      );
    },

    async loadFromFile(file) {
      return fromText(
        readLibraryFile(file, deps.maxBytes),
        { kind: "file", fileName: file.name },
        `The file "${file.name}"`
      );
    },

    async useBundled() {
      const previous = getActiveLibrary();
      const source: LibrarySource = { kind: "bundled" };
      const before = answersToken();
      const active = setActiveLibrary(VALIDATED_BUNDLED_LIBRARY, source, deps.now());
      clearCachedLibrary(deps.storage);
      return recalculated(previous, active, before, []);
    },

    async restoreFromCache() {
      // functions.js restores the saved copy itself when the runtime starts (src/functions/startup.ts).
      const startup = takeStartupRestore();
      const current = getActiveLibrary();
      if (current.source.kind !== "bundled") {
        // Restored by the functions (report when), or still active from earlier in this runtime.
        return startup?.status === "restored"
          ? { status: "restored", active: current, savedAt: startup.savedAt, recalc: "unchanged" }
          : { status: "none" };
      }
      const fallBack = (problem: string): RestoreOutcome => {
        clearCachedLibrary(deps.storage);
        return {
          status: "fellBack",
          problem: {
            title: "The library saved for offline use could not be used",
            details: [problem],
            next: `Using the bundled library (${libraryLabel()}). Load your team library again from its URL or file.`,
          },
        };
      };
      const read = readCachedLibrary(deps.storage);
      if (read.status === "absent")
        return startup?.status === "cleared" ? fallBack(startup.problem) : { status: "none" };
      if (read.status === "corrupt") return fallBack(read.problem);
      let result: ReturnType<typeof validateTeamLibraryText>;
      try {
        result = validateTeamLibraryText(read.cached.text, VALIDATED_BUNDLED_LIBRARY);
      } catch {
        // e.g. nesting deep enough to overflow the stack: this copy can never load, so it must not stay.
        return fallBack("the saved copy cannot be read (nested too deeply, or otherwise broken)");
      }
      if (!result.ok) {
        const first = result.issues[0];
        const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : "";
        return fallBack(
          first === undefined ? "it is not a valid library" : `${issueLine(first)}${more}`
        );
      }
      const { cached } = read;
      const before = answersToken();
      const active = setActiveLibrary(result.library, cached.source, deps.now(), "restored");
      // Saved by an earlier version (or checked by another schema revision): save it again so the
      // functions can restore it themselves next time, before the first calculation.
      const upToDate =
        cached.checked?.revision === LIBRARY_SCHEMA_REVISION &&
        cached.checked.hash === libraryHash(result.library);
      if (!upToDate) {
        writeCachedLibrary(deps.storage, {
          text: cached.text,
          library: result.library,
          source: cached.source,
          savedAt: cached.savedAt,
        });
      }
      const recalc = await recalculateIfChanged(deps.excel, before, answersToken());
      return { status: "restored", active, savedAt: cached.savedAt, recalc };
    },

    rememberedUrl() {
      return readRememberedUrl(deps.storage);
    },
  };
}
