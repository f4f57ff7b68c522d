/* global HTMLElement */
/**
 * The Library panel: which library is in use (name, version, published date, publisher, source), and
 * the ways to change it: a team library URL, a local file, or back to the bundled library.
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import { el, isolate, replaceChildren, setText, uniqueId, withIsolates } from "./dom";
import { describeSource, formatNumber, plural } from "./format";
import type { FileLike } from "./libraryFetch";
import { URL_RULE, redactUrl } from "./libraryFetch";
import type { LibraryOutcome, LibraryService } from "./libraryService";
import { createMessageBar, type Message, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";

export interface LibraryPanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
  /** Shows the library in use; `savedAt` when it was restored from the offline copy. */
  showActive(active: ActiveLibrary, savedAt?: string): void;
}

export interface LibraryPanelOptions {
  readonly service: LibraryService;
  readonly track: Track;
  readonly locale?: string;
}

const MAX_LISTED_CHANGES = 10;

/** The success message after a library change: versions, what changed, and what happens next. */
export function loadedMessage(
  outcome: Extract<LibraryOutcome, { ok: true }>,
  locale?: string
): Message {
  const { summary, warnings, recalc } = outcome;
  const { before, after } = summary;
  const details: string[] = [
    `Version: ${isolate(before.name)} ${isolate(before.version)} → ${isolate(after.name)} ${isolate(after.version)}`,
  ];
  const changes = summary.changedAssumptions;
  details.push(
    changes.length === 0
      ? "No assumption values changed."
      : `${plural(changes.length, "assumption")} changed:`
  );
  for (const change of changes.slice(0, MAX_LISTED_CHANGES)) {
    details.push(
      `${change.path}: ${formatNumber(change.before, locale)} → ${formatNumber(change.after, locale)} ${change.unit}`
    );
  }
  if (changes.length > MAX_LISTED_CHANGES)
    details.push(`…and ${changes.length - MAX_LISTED_CHANGES} more changed assumptions`);
  const list = (items: readonly string[]) =>
    items.length === 0
      ? ""
      : `: ${items.slice(0, 5).join(", ")}${items.length > 5 ? `, and ${items.length - 5} more` : ""}`;
  details.push(
    `${plural(summary.addedEntries.length, "entry", "entries")} added${list(summary.addedEntries)}`
  );
  details.push(
    `${plural(summary.removedEntries.length, "entry", "entries")} removed${list(summary.removedEntries)}`
  );
  if (summary.changedScenarios.length > 0) {
    details.push(
      `${plural(summary.changedScenarios.length, "scenario")} redefined${list(summary.changedScenarios)}`
    );
  }
  details.push(...warnings);
  if (recalc === "failed")
    details.push(
      "Excel could not recalculate automatically: press Ctrl+Alt+F9 to update CAPPLAN formulas."
    );
  const warn = warnings.length > 0 || recalc === "failed";
  return {
    kind: warn ? "warning" : "success",
    title: `Now using ${isolate(after.name)} ${isolate(after.version)}`,
    details,
    next: "CAPPLAN formulas use this library from now on. Rent vs Build sheets keep their numbers until you refresh them: select the sheet and choose Check for updates.",
  };
}

export function createLibraryPanel(options: LibraryPanelOptions): LibraryPanel {
  const { service, track } = options;
  const headingId = uniqueId("library-heading");
  const urlId = uniqueId("library-url");
  const hintId = uniqueId("library-url-hint");
  const fileId = uniqueId("library-file");

  const info = el("dl", { class: "cp-info", "aria-label": "Library in use" });
  const messages = createMessageBar("library");
  const status = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });

  const urlInput = el("input", {
    id: urlId,
    class: "cp-input",
    type: "url",
    name: "libraryUrl",
    inputmode: "url",
    autocomplete: "url",
    spellcheck: "false",
    placeholder: "https://…/team-library.json",
    "aria-describedby": hintId,
  });
  // The remembered address may carry a signature (a SAS link): the field shows it redacted, and loading
  // the field unchanged loads the remembered address, so the secret is never on screen.
  let remembered = service.rememberedUrl();
  const showRemembered = () => {
    urlInput.value = redactUrl(remembered);
  };
  showRemembered();
  const loadUrlButton = el("button", { type: "submit", class: "ms-Button ms-Button--primary" }, [
    el("span", { class: "ms-Button-label" }, ["Load from URL"]),
  ]);
  const urlForm = el("form", { class: "cp-form", novalidate: true }, [
    el("label", { for: urlId, class: "ms-Label cp-label" }, ["Team library URL"]),
    el("div", { class: "cp-row" }, [urlInput, loadUrlButton]),
    el("p", { id: hintId, class: "cp-hint ms-font-s" }, [URL_RULE]),
  ]);

  const fileInput = el("input", {
    id: fileId,
    type: "file",
    accept: ".json,application/json",
    class: "cp-file-input",
    tabindex: "-1",
    "aria-hidden": "true",
  });
  const fileButton = el("button", { type: "button", class: "ms-Button" }, [
    el("span", { class: "ms-Button-label" }, ["Load from file…"]),
  ]);
  const bundledButton = el("button", { type: "button", class: "ms-Button" }, [
    el("span", { class: "ms-Button-label" }, ["Use bundled library"]),
  ]);
  const buttons = [loadUrlButton, fileButton, bundledButton];

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Library"]),
    info,
    urlForm,
    el("div", { class: "cp-row cp-actions" }, [fileButton, bundledButton, fileInput]),
    status,
    messages.element,
  ]);

  function setBusy(text: string | null): void {
    for (const button of buttons) button.disabled = text !== null;
    element.setAttribute("aria-busy", text !== null ? "true" : "false");
    setText(status, text ?? "");
  }

  async function run(busyText: string, action: () => Promise<LibraryOutcome>): Promise<void> {
    messages.clear();
    setBusy(busyText);
    try {
      const outcome = await action();
      if (outcome.ok) messages.show(loadedMessage(outcome, options.locale));
      else messages.show({ kind: "error", ...outcome.problem });
    } catch (error) {
      messages.show({
        kind: "error",
        title: "The library could not be loaded",
        details: [error instanceof Error ? error.message : String(error)],
        next: "Nothing was changed. Try again; if it keeps failing, reload the add-in.",
      });
    } finally {
      setBusy(null);
    }
  }

  urlForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = urlInput.value;
    const url = remembered !== "" && typed === redactUrl(remembered) ? remembered : typed;
    void track(
      run("Loading the library…", () => service.loadFromUrl(url)).then(() => {
        // Loaded and remembered: the field shows it redacted, not the secret just typed. A refused
        // address stays as typed, for the user to correct.
        const now = service.rememberedUrl();
        if (now !== remembered) {
          remembered = now;
          showRemembered();
        }
      })
    );
  });

  fileButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file: FileLike | undefined = fileInput.files?.[0];
    if (file === undefined) return;
    void track(
      run(`Reading ${isolate(file.name)}…`, () => service.loadFromFile(file)).finally(() => {
        fileInput.value = ""; // choosing the same file again loads it again
      })
    );
  });

  bundledButton.addEventListener("click", () => {
    void track(run("Switching to the bundled library…", () => service.useBundled()));
  });

  function showActive(active: ActiveLibrary, savedAt?: string): void {
    const meta = active.index.library.meta;
    // Every value is library or user text (a file name, a URL): isolated so it cannot reorder the list,
    // and a value that is a sentence ("File: …") isolates its library part again (isolate()).
    const row = (term: string, value: string) => [
      el("dt", {}, [term]),
      el("dd", {}, [el("bdi", { dir: "auto" }, withIsolates(value))]),
    ];
    const source = describeSource(active.source);
    replaceChildren(info, [
      ...row("Name", meta.name),
      ...row("Version", meta.version),
      ...row("Published", meta.publishedAt),
      ...row("Publisher", meta.publisher),
      ...row("Source", savedAt ? `${source} (saved copy from ${savedAt.slice(0, 10)})` : source),
    ]);
    info.setAttribute("data-library-id", meta.id);
  }

  return { element, messages, showActive };
}
