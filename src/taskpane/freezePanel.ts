/* global HTMLElement, HTMLInputElement */
/**
 * The Freeze for sharing panel: List template sheets (1 sync) shows the workbook's template sheets with
 * a checkbox each; Freeze copies (3 syncs, src/excel/freeze.ts) makes a copy of each ticked sheet in
 * which every CAPPLAN formula is its value and every other formula stays live, with a note naming the
 * library and the date, so someone without the add-in sees numbers, not #NAME?. The originals stay.
 */
import { libraryUnavailable, type ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import type { FreezableSheet, FreezeResult } from "../excel/freeze";
import { loadCode } from "../excel/errors";
import { el, isolate, replaceChildren, setText, uniqueId } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";

/**
 * The freeze code (copying, formula rewriting) is loaded when the panel is first used: the pane opens
 * faster without it (npm run bench, taskpane.js), and nothing touches the workbook before it is here.
 */
const freezeCode = () =>
  loadCode(() => import(/* webpackChunkName: "sharing" */ "../excel/freeze"));

export interface FreezePanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
}

export interface FreezePanelOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly now: () => Date;
  readonly track: Track;
  /** Office.context.requirements.isSetSupported (Worksheet.copy needs ExcelApi 1.10, spills 1.12). */
  readonly isSetSupported: (name: string, version: string) => boolean;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** "'Rent vs Build (frozen)' from 'Rent vs Build': 1 CAPPLAN cell as a value, 412 formulas live (note in A160)". */
export function frozenSentence(result: FreezeResult): string[] {
  return result.sheets.map(
    (s) =>
      `'${isolate(s.name)}' from '${isolate(s.sourceName)}': ${plural(s.valueCells, "CAPPLAN cell")} as values, ${plural(s.nativeFormulas, "formula")} kept live (${s.rewritten} pointed at the copies), note in ${s.noteAddress}.`
  );
}

export function createFreezePanel(options: FreezePanelOptions): FreezePanel {
  const headingId = uniqueId("freeze-heading");
  const hintId = uniqueId("freeze-hint");
  const legendId = uniqueId("freeze-legend");

  const hint = el("p", { id: hintId, class: "cp-hint ms-font-s" }, [
    "Copies the ticked template sheets with every CAPPLAN formula replaced by its current value and every other formula kept, plus a note naming the library and the date, so someone without the add-in sees numbers instead of #NAME?. The originals are not changed.",
  ]);
  const listButton = el("button", { type: "button", class: "ms-Button" }, [
    el("span", { class: "ms-Button-label" }, ["List template sheets"]),
  ]);
  const freezeButton = el(
    "button",
    {
      type: "button",
      class: "ms-Button ms-Button--primary",
      "aria-describedby": hintId,
      hidden: true,
    },
    [el("span", { class: "ms-Button-label" }, ["Freeze copies"])]
  );
  const list = el("div", { class: "cp-freeze-list" });
  const status = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const messages = createMessageBar("freeze");

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Freeze for sharing"]),
    hint,
    el("div", { class: "cp-row cp-actions" }, [listButton]),
    list,
    el("div", { class: "cp-row cp-actions" }, [freezeButton]),
    status,
    messages.element,
  ]);

  const boxes = new Map<string, HTMLInputElement>();
  let busy = false;

  function setBusy(value: boolean): void {
    busy = value;
    listButton.disabled = value;
    freezeButton.disabled = value;
    for (const box of boxes.values()) box.disabled = value;
    element.setAttribute("aria-busy", value ? "true" : "false");
  }

  function showSheets(sheets: readonly FreezableSheet[]): void {
    boxes.clear();
    if (sheets.length === 0) {
      replaceChildren(list, [
        el("p", { class: "cp-hint ms-font-s" }, [
          "This workbook has no template sheets yet: insert one above.",
        ]),
      ]);
      freezeButton.hidden = true;
      return;
    }
    const items = sheets.map((sheet) => {
      const id = uniqueId("freeze-sheet");
      const box = el("input", { type: "checkbox", id, value: sheet.id });
      // A memo reads its Rent vs Build sheet: ticking it ticks that one too (freeze refuses it alone).
      box.addEventListener("change", () => {
        if (!box.checked || sheet.readsSheet === null) return;
        const source = sheets.find((s) => s.name === sheet.readsSheet);
        const sourceBox = source === undefined ? undefined : boxes.get(source.id);
        if (sourceBox !== undefined) sourceBox.checked = true;
      });
      boxes.set(sheet.id, box);
      const label = el("label", { for: id }, []);
      setText(
        label,
        `${isolate(sheet.name)} (${sheet.kindLabel.replace(/^an? /, "")}${sheet.readsSheet === null ? "" : `, reads ${isolate(sheet.readsSheet)}`})`
      );
      return el("li", { class: "cp-toggle" }, [box, " ", label]);
    });
    replaceChildren(list, [
      el("fieldset", { class: "cp-fieldset", "aria-describedby": hintId }, [
        el("legend", { id: legendId, class: "ms-font-s" }, ["Template sheets to freeze"]),
        el("ul", { class: "cp-plain-list" }, items),
      ]),
    ]);
    freezeButton.hidden = false;
  }

  async function listSheets(): Promise<void> {
    setBusy(true);
    messages.clear();
    status.textContent = "Reading the workbook's template sheets…";
    try {
      const { listFreezableSheets } = await freezeCode();
      const sheets = await listFreezableSheets(options.excel);
      showSheets(sheets);
      setText(status, `${plural(sheets.length, "template sheet")} in this workbook.`);
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Listing the template sheets"));
    } finally {
      setBusy(false);
    }
  }

  async function freeze(): Promise<void> {
    const chosen = [...boxes].filter(([, box]) => box.checked).map(([id]) => id);
    messages.clear();
    if (chosen.length === 0) {
      messages.show({
        kind: "warning",
        title: "No sheet is ticked",
        next: "Tick the template sheets to freeze, then choose Freeze copies.",
      });
      return;
    }
    const unavailable = libraryUnavailable();
    if (unavailable !== null) {
      messages.show({
        kind: "warning",
        title: "The workbook's library is not loaded",
        details: [unavailable],
        next: "Its CAPPLAN cells show #N/A now, and a frozen copy would keep that. Load the workbook's library in the Library section, then freeze.",
      });
      return;
    }
    setBusy(true);
    status.textContent = "Freezing copies…";
    try {
      const meta = options.active().index.library.meta;
      const { freezeSheets } = await freezeCode();
      const result = await freezeSheets(options.excel, {
        worksheetIds: chosen,
        library: { name: meta.name, version: meta.version },
        now: options.now,
        isSetSupported: options.isSetSupported,
      });
      setText(status, `Froze ${plural(result.sheets.length, "sheet")}.`);
      const live = result.sheets.flatMap((s) =>
        s.readsLive.map(
          (other) =>
            `'${isolate(s.name)}' still reads '${isolate(other)}', which was not frozen: if it has CAPPLAN formulas, a reader without the add-in sees #NAME? there and in what reads it.`
        )
      );
      messages.show({
        kind: live.length > 0 ? "warning" : "success",
        title: `Froze ${result.sheets.length} ${result.sheets.length === 1 ? "copy" : "copies"}`,
        details: [...frozenSentence(result), ...live],
        next: "Share the workbook, or delete the originals from a copy of it: the frozen sheets need no add-in. They are not templates: refresh and risk analysis work on the originals.",
      });
    } catch (error) {
      status.textContent = "";
      messages.show(excelErrorMessage(error, "Freezing the sheets"));
    } finally {
      setBusy(false);
    }
  }

  listButton.addEventListener("click", () => {
    if (!busy) void options.track(listSheets());
  });
  freezeButton.addEventListener("click", () => {
    if (!busy) void options.track(freeze());
  });

  return { element, messages };
}
