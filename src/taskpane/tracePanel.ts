/* global HTMLElement */
/**
 * The Trace to source panel: for the selected cell of a template sheet, what it is (row label, unit,
 * section, input or result), its formula in words, and for an input the library entry, value, source,
 * as-of date, low/high and whether the user overrode it. One trace is one sync; "Select precedents"
 * (a link-like button) selects the cell's direct precedents in one more. Nothing is fetched.
 *
 * "Trace selected cell" traces now and, unless "Follow the selection" is unticked, keeps following:
 * the panel registers Excel's selection-changed event in that same sync and traces again at each
 * change. It starts following only when asked, so the pane's other actions (which move the selection)
 * cost no trace until the user uses this panel.
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import { quoteSheetName, sameExcelName } from "../model/a1";
import type { CellRole } from "../templates/trace";
import type { ExcelApi } from "../excel/excelApi";
import { loadCode } from "../excel/errors";
import type { Following, Precedent, Requirements, TraceResult } from "../excel/traceSource";
import { bidi, el, replaceChildren, setText, uniqueId, type Child } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { formatNumber, formatValue } from "./format";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";

/** The tracing code is loaded when the panel is first used (the pane opens faster without it). */
const traceCode = () =>
  loadCode(() => import(/* webpackChunkName: "trace" */ "../excel/traceSource"));

export interface TracePanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
  /** Stops following the selection (unmount). */
  dispose(): Promise<void>;
}

export interface TracePanelOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly track: Track;
  readonly locale?: string;
  /** Which API sets this Excel supports (several areas at once need RangeAreas.select, ExcelApi 1.18). */
  readonly requirements: Requirements;
}

const ROLE_WORDS: Readonly<Record<CellRole, string>> = {
  input: "An input (blue cell): a library value you may overwrite",
  result: "A result: a formula over the inputs",
  calculation: "A calculation: a formula over the inputs and other rows",
  constant: "A fixed value of the template",
  label: "A label of the template",
  text: "Text written by the template",
  empty: "A cell the template left empty",
};

const value = formatValue;

/** A dt/dd pair; library text among the children comes isolated (bidi()). */
function fact(term: string, children: readonly Child[]): HTMLElement[] {
  return [el("dt", {}, [term]), el("dd", {}, children)];
}

/** "C5" on `sheet`, "'Other sheet'!C5" elsewhere. */
function precedentText(p: Precedent, sheet: string): string {
  return sameExcelName(p.sheet, sheet) ? p.address : `${quoteSheetName(p.sheet)}!${p.address}`;
}

export function createTracePanel(options: TracePanelOptions): TracePanel {
  const headingId = uniqueId("trace-heading");
  const hintId = uniqueId("trace-hint");
  const followId = uniqueId("trace-follow");

  const hint = el("p", { id: hintId, class: "cp-hint ms-font-s" }, [
    "Select a cell of a Rent vs Build sheet, then Trace selected cell: what it is, its formula in words and, for an input, its library source. Read from the workbook and the library in use; nothing is fetched.",
  ]);
  const traceButton = el(
    "button",
    { type: "button", class: "ms-Button", "aria-describedby": hintId },
    [el("span", { class: "ms-Button-label" }, ["Trace selected cell"])]
  );
  const followBox = el("input", { type: "checkbox", id: followId, checked: true });
  const followLabel = el("label", { for: followId, class: "ms-font-s" }, ["Follow the selection"]);
  const status = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const heading = el("h3", { class: "ms-font-m cp-subheading" });
  const facts = el("dl", { class: "cp-info", "aria-label": "Trace of the selected cell" });
  const selectButton = el("button", { type: "button", class: "cp-link", hidden: true }, [
    "Select precedents",
  ]);
  const selectStatus = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const output = el("div", { class: "cp-trace", hidden: true }, [heading, facts, selectButton]);
  const messages = createMessageBar("trace");

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Trace to source"]),
    hint,
    el("div", { class: "cp-row cp-actions" }, [traceButton, followBox, followLabel]),
    status,
    output,
    selectStatus,
    messages.element,
  ]);

  let following: Following | null = null;
  let last: TraceResult | null = null;
  let running = false;
  let again = false;
  let disposed = false;

  function show(result: TraceResult): void {
    last = result;
    const locale = options.locale;
    replaceChildren(heading, [bidi(result.cell)]);
    const rows: HTMLElement[] = [];
    if (result.status === "notTemplate") {
      rows.push(
        ...fact("What it is", [
          result.problem === undefined
            ? "Not part of a Capacity Planner template: this sheet is not one the add-in inserted."
            : `Not traced: ${result.problem}.`,
        ])
      );
    } else {
      rows.push(
        ...fact("Sheet", [
          `${result.kindLabel[0]?.toUpperCase() ?? ""}${result.kindLabel.slice(1)}`,
        ])
      );
      const what = result.what;
      if (what !== undefined) {
        rows.push(...fact("What it is", [ROLE_WORDS[what.role]]));
        if (what.label !== "") rows.push(...fact("Row", [what.label]));
        if (what.column !== undefined && what.column !== "Value")
          rows.push(...fact("Column", [what.column]));
        if (what.unit !== "") rows.push(...fact("Unit", [what.unit]));
        if (what.section !== "") rows.push(...fact("Section", [what.section]));
        if (what.name !== undefined) rows.push(...fact("Name", [what.name]));
      }
      const input = result.input;
      if (input !== undefined) {
        if (input.libraryPath !== undefined)
          rows.push(...fact("Library entry", [bidi(input.libraryPath)]));
        rows.push(
          ...fact("Library value", [
            `${value(input.libraryValue, locale)}${input.unit === "" ? "" : " "}`,
            input.unit === "" ? null : bidi(input.unit),
          ])
        );
        rows.push(...fact("Source", [bidi(input.source)]));
        rows.push(...fact("As of", [bidi(input.asOf)]));
        if (input.low !== undefined || input.high !== undefined)
          rows.push(
            ...fact("Low / high", [
              `${input.low === undefined ? "not given" : formatNumber(input.low, locale)} / ${input.high === undefined ? "not given" : formatNumber(input.high, locale)}`,
            ])
          );
        rows.push(
          ...fact("Your value", [
            input.overridden === null
              ? "Not recorded when the template was written."
              : input.overridden
                ? `Overridden: the cell holds ${value(result.value, locale)}; the add-in wrote ${value(input.recordedValue ?? "", locale)}.`
                : "Not overridden: the cell holds the value the add-in wrote.",
          ])
        );
      }
      rows.push(
        ...fact("Library", [
          result.libraries.same ? "The library in use, " : "Inserted from ",
          bidi(result.libraries.same ? result.libraries.active.name : result.libraries.sheet.id),
          " ",
          bidi(
            result.libraries.same ? result.libraries.active.version : result.libraries.sheet.version
          ),
          ...(result.libraries.same
            ? []
            : [
                "; explained with the library in use, ",
                bidi(result.libraries.active.name),
                " ",
                bidi(result.libraries.active.version),
              ]),
        ])
      );
    }
    if (result.formulaInWords !== undefined)
      rows.push(
        ...fact("Formula in words", [el("span", { class: "cp-formula" }, [result.formulaInWords])])
      );
    if (typeof result.formula === "string" && result.formula.startsWith("="))
      rows.push(...fact("Formula", [el("code", {}, [result.formula])]));
    else if (result.status === "template" && result.what?.role === "input")
      rows.push(...fact("Cell value", [value(result.formula, options.locale)]));
    if (result.status === "template")
      for (const note of result.notes) rows.push(...fact("Note", [note]));
    replaceChildren(facts, rows);
    const count = result.precedents.length;
    selectButton.hidden = count === 0;
    selectButton.setAttribute(
      "aria-label",
      `Select precedents: ${count === 1 ? "1 cell or range" : `${count} cells or ranges`} this formula uses`
    );
    output.hidden = false;
  }

  async function trace(follow: boolean): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    traceButton.disabled = true;
    element.setAttribute("aria-busy", "true");
    try {
      do {
        again = false;
        messages.clear();
        const { traceSelection } = await traceCode();
        const outcome = await traceSelection(
          options.excel,
          options.active().index,
          follow && following === null ? { follow: onSelectionChanged } : {}
        );
        if (outcome.following !== undefined) {
          following = outcome.following;
          if (disposed || !followBox.checked) await stopFollowing();
        }
        if (outcome.followProblem !== undefined) {
          followBox.checked = false;
          followBox.disabled = true;
          setText(status, `${outcome.followProblem} Use Trace selected cell after each selection.`);
        } else
          setText(
            status,
            following === null
              ? "Traced the selected cell."
              : "Traced the selected cell; the panel follows the selection."
          );
        show(outcome.result);
        follow = false;
      } while (again && !disposed);
    } catch (error) {
      messages.show(excelErrorMessage(error, "Tracing the cell"));
    } finally {
      running = false;
      traceButton.disabled = false;
      element.setAttribute("aria-busy", "false");
    }
  }

  function onSelectionChanged(): void {
    if (disposed || following === null) return;
    void options.track(trace(false));
  }

  async function stopFollowing(): Promise<void> {
    const current = following;
    following = null;
    if (current !== null) await current.stop();
  }

  traceButton.addEventListener("click", () => {
    selectStatus.textContent = "";
    void options.track(trace(followBox.checked));
  });

  followBox.addEventListener("change", () => {
    if (!followBox.checked) {
      void options.track(
        stopFollowing().then(
          () => setText(status, "No longer following the selection."),
          (error: unknown) => messages.show(excelErrorMessage(error, "Stopping to follow"))
        )
      );
    } else if (last !== null) {
      // Following again: the next trace registers the event in its own sync.
      void options.track(trace(true));
    }
  });

  selectButton.addEventListener("click", () => {
    const result = last;
    if (result === null || result.precedents.length === 0) return;
    const tracedSheet = result.sheet;
    selectButton.disabled = true;
    void options.track(
      traceCode()
        .then(({ selectPrecedents }) =>
          selectPrecedents(options.excel, result.precedents, tracedSheet, options.requirements)
        )
        .then((selected) => {
          const list = selected.selected.map((p) => precedentText(p, selected.sheet)).join(", ");
          const parts = [
            `Selected ${list}${sameExcelName(selected.sheet, tracedSheet) ? "" : ` on ${quoteSheetName(selected.sheet)}`}.`,
          ];
          if (selected.firstOnly)
            parts.push(
              `This Excel selects one range at a time; the others: ${result.precedents
                .filter((p) => !selected.selected.includes(p) && !selected.elsewhere.includes(p))
                .map((p) => precedentText(p, tracedSheet))
                .join(", ")}.`
            );
          if (selected.elsewhere.length > 0)
            parts.push(
              `On other sheets, not selected: ${selected.elsewhere.map((p) => precedentText(p, tracedSheet)).join(", ")}.`
            );
          selectStatus.textContent = parts.join(" ");
        })
        .catch((error: unknown) =>
          messages.show(excelErrorMessage(error, "Selecting the precedents"))
        )
        .finally(() => {
          selectButton.disabled = false;
        })
    );
  });

  return {
    element,
    messages,
    async dispose() {
      disposed = true;
      await stopFollowing();
    },
  };
}
