/* global HTMLElement, HTMLInputElement */
/**
 * The Refresh assumptions panel: compares the active template sheet's assumption cells with the
 * library in use, lists the differences (assumption, workbook value, library value, source, as-of)
 * with a checkbox each (edits the user made are marked "your edit" and unticked), applies the ticked
 * ones, and undoes the last refresh. After an apply it shows what changed (changeReportView.ts).
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import {
  applyRefresh,
  changeReportFor,
  moveToLibrary,
  planRefresh,
  undoLastRefresh,
  type RefreshPlan,
  type RefreshRow,
} from "../excel/refresh";
import { refreshableRows } from "../templates/refreshPlan";
import { bidi, el, isolate, replaceChildren, setText, uniqueId, withIsolates } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { formatValue, plural } from "./format";
import type { ChangeReport } from "../templates/changeReport";
import { loadCode } from "../excel/errors";
import type { ChangeReportView } from "./changeReportView";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";
import { followPin } from "./workbookPin";

export interface RefreshPanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
  /** Drops a shown diff (it was computed against another library). */
  invalidate(reason: string): void;
}

export interface RefreshPanelOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly now: () => Date;
  readonly track: Track;
  readonly locale?: string;
}

const STATUS_NOTES: Readonly<Record<Exclude<RefreshRow["status"], "ok">, string>> = {
  cellMissing: "its cell is gone (the name was deleted or moved)",
  notInWorkbook: "this sheet has no cell for it (made by an older template)",
  notInLibrary: "the library no longer has it",
};

export function createRefreshPanel(options: RefreshPanelOptions): RefreshPanel {
  const headingId = uniqueId("refresh-heading");
  const captionId = uniqueId("refresh-caption");
  const showUnchangedId = uniqueId("refresh-show-unchanged");

  const checkButton = el("button", { type: "button", class: "ms-Button ms-Button--primary" }, [
    el("span", { class: "ms-Button-label" }, ["Check for updates"]),
  ]);
  const applyButton = el(
    "button",
    { type: "button", class: "ms-Button ms-Button--primary", hidden: true },
    [el("span", { class: "ms-Button-label" }, ["Apply selected"])]
  );
  // Shown when nothing differs but the sheet is recorded against another library (see moveSheet).
  const moveButton = el(
    "button",
    { type: "button", class: "ms-Button ms-Button--primary", hidden: true },
    [el("span", { class: "ms-Button-label" }, ["Move this sheet"])]
  );
  const undoButton = el("button", { type: "button", class: "ms-Button" }, [
    el("span", { class: "ms-Button-label" }, ["Undo last refresh"]),
  ]);
  const status = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const diff = el("div", { class: "cp-diff" });
  const messages = createMessageBar("refresh");
  let busy = false;
  // The "What changed" region is made on the first report: its code loads with the refresh's (the template
  // chunk), not with the pane.
  const reportSlot = el("div", { class: "cp-change-slot" });
  let report: ChangeReportView | null = null;
  async function showReport(shown: ChangeReport): Promise<void> {
    if (report === null) {
      const { createChangeReportView } = await loadCode(
        () => import(/* webpackChunkName: "template" */ "./changeReportView")
      );
      report ??= createChangeReportView({
        excel: options.excel,
        track: options.track,
        messages,
        locale: options.locale,
        busy: () => busy,
      });
      replaceChildren(reportSlot, [report.element]);
    }
    report.show(shown);
  }

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Refresh assumptions"]),
    el("p", { class: "cp-hint ms-font-s" }, [
      "Select a Rent vs Build sheet, then compare its inputs with the library in use.",
    ]),
    el("div", { class: "cp-row cp-actions" }, [checkButton, undoButton]),
    status,
    messages.element,
    diff,
    el("div", { class: "cp-row cp-actions" }, [applyButton, moveButton]),
    reportSlot,
  ]);

  let plan: RefreshPlan | null = null;
  const checkboxes = new Map<string, HTMLInputElement>();

  function selectedKeys(): string[] {
    return [...checkboxes].filter(([, box]) => box.checked).map(([key]) => key);
  }

  function updateApply(): void {
    const count = selectedKeys().length;
    applyButton.hidden = plan === null || checkboxes.size === 0;
    applyButton.disabled = busy || count === 0;
    moveButton.hidden = plan === null || !plan.libraryMove;
    moveButton.disabled = busy;
    const label = applyButton.querySelector(".ms-Button-label");
    if (label) label.textContent = count > 0 ? `Apply selected (${count})` : "Apply selected";
  }

  function setBusy(text: string | null): void {
    busy = text !== null;
    checkButton.disabled = busy;
    undoButton.disabled = busy;
    for (const box of checkboxes.values()) box.disabled = busy;
    element.setAttribute("aria-busy", busy ? "true" : "false");
    if (text !== null) setText(status, text);
    updateApply();
    report?.update();
  }

  function clearDiff(): void {
    plan = null;
    checkboxes.clear();
    replaceChildren(diff, []);
    updateApply();
  }

  function valueCell(value: RefreshRow["workbookValue"], unit: string): HTMLElement {
    const text = formatValue(value, options.locale);
    // The unit is library text and the value may be a user's text: each isolated (CSS alone does not
    // isolate in every host's browser).
    return el("td", { class: "cp-num" }, [
      bidi(text),
      value === null || unit === "" ? null : " ",
      value === null || unit === "" ? null : bidi(unit),
    ]);
  }

  function renderPlan(current: RefreshPlan): void {
    checkboxes.clear();
    const updatable = refreshableRows(current.rows);
    const unchanged = current.rows.filter((r) => r.status === "ok" && !r.changed);
    const other = current.rows.filter((r) => r.status !== "ok");

    const row = (r: RefreshRow, kind: "update" | "unchanged" | "other"): HTMLElement => {
      let choose: HTMLElement;
      if (kind === "update") {
        const box = el("input", {
          type: "checkbox",
          "aria-label": `Update ${r.label}${r.isOverride ? " (your edit)" : ""}`,
          "data-key": r.key,
        });
        box.checked = r.selectedByDefault;
        box.addEventListener("change", updateApply);
        checkboxes.set(r.key, box);
        choose = el("td", { class: "cp-check" }, [box]);
      } else {
        choose = el("td", { class: "cp-check" });
      }
      const note =
        kind === "other" && r.status !== "ok"
          ? el("span", { class: "cp-note ms-font-s" }, [
              `Not refreshable: ${STATUS_NOTES[r.status]}`,
            ])
          : null;
      return el(
        "tr",
        {
          class: `cp-row-${kind}${r.isOverride ? " cp-override" : ""}`,
          "data-key": r.key,
          hidden: kind === "unchanged",
        },
        [
          choose,
          el("th", { scope: "row" }, [
            r.label,
            r.isOverride ? el("span", { class: "cp-badge" }, ["your edit"]) : null,
            note,
          ]),
          valueCell(r.workbookValue, r.unit),
          valueCell(r.libraryValue, r.unit),
          el("td", { class: "cp-source ms-font-s" }, [bidi(r.source)]),
          el("td", { class: "cp-asof ms-font-s" }, [bidi(r.asOf)]),
        ]
      );
    };

    const before = current.libraryBefore;
    const after = current.libraryAfter;
    const caption = el(
      "caption",
      { id: captionId, class: "cp-caption" },
      withIsolates(
        `'${isolate(current.sheetName)}': ${isolate(before.id)} ${isolate(before.version)} in the workbook, ${isolate(after.name)} ${isolate(after.version)} in use`
      )
    );
    const table = el("table", { class: "cp-table ms-font-s", "aria-describedby": captionId }, [
      caption,
      el("thead", {}, [
        el("tr", {}, [
          el("th", { scope: "col" }, [el("span", { class: "cp-visually-hidden" }, ["Update"])]),
          el("th", { scope: "col" }, ["Assumption"]),
          el("th", { scope: "col" }, ["Workbook"]),
          el("th", { scope: "col" }, ["Library"]),
          el("th", { scope: "col" }, ["Source"]),
          el("th", { scope: "col" }, ["As of"]),
        ]),
      ]),
      el("tbody", {}, [
        ...updatable.map((r) => row(r, "update")),
        ...other.map((r) => row(r, "other")),
        ...unchanged.map((r) => row(r, "unchanged")),
      ]),
    ]);

    const toggle = el("input", { type: "checkbox", id: showUnchangedId });
    toggle.addEventListener("change", () => {
      for (const tr of Array.from(table.querySelectorAll("tr.cp-row-unchanged"))) {
        (tr as HTMLElement).hidden = !toggle.checked;
      }
    });
    const overrides = updatable.filter((r) => r.isOverride).length;
    replaceChildren(diff, [
      el(
        "div",
        { class: "cp-table-scroll", tabindex: "0", role: "region", "aria-label": "Differences" },
        [table]
      ),
      el("p", { class: "cp-hint ms-font-s" }, [
        `${plural(updatable.length, "assumption")} differ from the library`,
        overrides > 0
          ? `; ${overrides} of them ${overrides === 1 ? "is your edit" : "are your edits"}, left unticked`
          : "",
        ".",
      ]),
      unchanged.length > 0
        ? el("p", { class: "cp-toggle" }, [
            toggle,
            el("label", { for: showUnchangedId }, [
              `Show ${plural(unchanged.length, "unchanged assumption")}`,
            ]),
          ])
        : null,
    ]);
    updateApply();
  }

  async function check(): Promise<void> {
    messages.clear();
    clearDiff();
    report?.clear();
    setBusy("Checking the active sheet…");
    try {
      const next = await planRefresh(options.excel, options.active().index);
      const updatable = refreshableRows(next.rows);
      if (updatable.length === 0) {
        status.textContent = "";
        const skipped = next.rows.filter((r) => r.status !== "ok").length;
        const after = `${isolate(next.libraryAfter.name)} ${isolate(next.libraryAfter.version)}`;
        const before = `${isolate(next.libraryBefore.id)} ${isolate(next.libraryBefore.version)}`;
        messages.show({
          kind: "info",
          title: "Nothing to update",
          details:
            skipped > 0
              ? [`${plural(skipped, "assumption")} could not be compared (see the sheet).`]
              : [],
          // Without the move the pin never follows the library, and the functions stay on #N/A.
          next: next.libraryMove
            ? `'${isolate(next.sheetName)}' has the values of ${after} but is recorded as built on ${before}. Move this sheet to ${after} (no values change) so its functions answer again.`
            : `'${isolate(next.sheetName)}' already matches ${after}.`,
        });
        if (next.libraryMove) {
          plan = next;
          replaceChildren(moveButton.querySelector(".ms-Button-label") ?? moveButton, [
            ...withIsolates(`Move this sheet to ${after}`),
          ]);
        }
        return;
      }
      plan = next;
      renderPlan(next);
      setText(status, `${plural(updatable.length, "update")} for '${isolate(next.sheetName)}'.`);
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Checking for updates"));
    } finally {
      setBusy(null);
    }
  }

  async function apply(): Promise<void> {
    const current = plan;
    if (current === null) return;
    const keys = selectedKeys();
    if (keys.length === 0) return;
    const kept = refreshableRows(current.rows).filter((r) => !keys.includes(r.key));
    messages.clear();
    setBusy("Applying the selected updates…");
    try {
      const pin = followPin(options.excel);
      const appliedAt = options.now();
      const { applied } = await applyRefresh(options.excel, current, keys, {
        now: () => appliedAt,
        onPinned: pin.onPinned,
      });
      await pin.update();
      clearDiff();
      // From what Check for updates read and what was applied: no round trip of its own.
      await changeReportFor(current, keys, appliedAt)
        .then(showReport)
        .catch(() => report?.clear());
      status.textContent = "";
      messages.show({
        kind: "success",
        title: `Updated ${plural(applied, "assumption")} on '${isolate(current.sheetName)}'`,
        details: kept.map(
          (r) =>
            `Kept: ${r.label} = ${isolate(formatValue(r.workbookValue, options.locale))}${r.isOverride ? " (your edit)" : ""}`
        ),
        next: "Undo last refresh puts the previous values back.",
      });
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Applying the updates"));
    } finally {
      setBusy(null);
    }
  }

  /** Re-stamps the sheet with the library in use (plan.libraryMove); Undo last refresh puts it back. */
  async function moveSheet(): Promise<void> {
    const current = plan;
    if (current === null || !current.libraryMove) return;
    messages.clear();
    report?.clear();
    setBusy("Moving the sheet to the library in use…");
    try {
      const pin = followPin(options.excel);
      await moveToLibrary(options.excel, current, { now: options.now, onPinned: pin.onPinned });
      await pin.update();
      clearDiff();
      status.textContent = "";
      messages.show({
        kind: "success",
        title: `'${isolate(current.sheetName)}' now uses ${isolate(current.libraryAfter.name)} ${isolate(current.libraryAfter.version)}`,
        details: ["No values changed."],
        next: "Undo last refresh puts the previous library back.",
      });
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Moving the sheet"));
    } finally {
      setBusy(null);
    }
  }

  async function undo(): Promise<void> {
    messages.clear();
    clearDiff();
    setBusy("Undoing the last refresh…");
    try {
      const pin = followPin(options.excel);
      const { restored, notRestored, kept } = await undoLastRefresh(options.excel, {
        onPinned: pin.onPinned,
      });
      report?.markUndone();
      await pin.update();
      status.textContent = "";
      // Said precisely, so the user knows which cells to check by hand.
      messages.show({
        kind: notRestored.length === 0 && kept.length === 0 ? "success" : "warning",
        // Undoing a move to the library in use (or a rollback on a deleted sheet) restores no value.
        title:
          restored === 0 && notRestored.length === 0 && kept.length === 0
            ? "Undid the last refresh; no values to put back"
            : `Restored ${plural(restored, "assumption")} to their values before the last refresh`,
        details: [
          // Workbook names are user text (the reason isolates its own): each an isolated run.
          ...notRestored.map(
            (r) =>
              `Not restored: ${isolate(r.name)}, because ${r.reason}; it keeps the refreshed value.`
          ),
          ...kept.map(
            (k) =>
              `Kept: ${k.key === null ? k.name : isolate(k.name)} (${k.cells.join(", ")}), because you edited it after the refresh.`
          ),
        ],
        next: "Check for updates shows what differs from the library again.",
      });
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Undoing the refresh"));
    } finally {
      setBusy(null);
    }
  }

  checkButton.addEventListener("click", () => {
    if (!busy) void options.track(check());
  });
  applyButton.addEventListener("click", () => {
    if (!busy) void options.track(apply());
  });
  moveButton.addEventListener("click", () => {
    if (!busy) void options.track(moveSheet());
  });
  undoButton.addEventListener("click", () => {
    if (!busy) void options.track(undo());
  });

  return {
    element,
    messages,
    invalidate(reason) {
      if (plan === null) return;
      clearDiff();
      messages.show({
        kind: "info",
        title: "The list of updates was cleared",
        details: [reason],
        next: "Choose Check for updates again.",
      });
    },
  };
}
