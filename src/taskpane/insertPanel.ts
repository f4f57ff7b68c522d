/* global HTMLElement */
/**
 * The Insert template panel: inserts a Rent vs Build sheet for the selected model, with progress
 * (a progress bar and the current step, announced politely) and the result as a message.
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import { insertTemplate } from "../excel/insertTemplate";
import type { ScenarioEntry } from "../model/library/indexLibrary";
import { el, isolate, setText, uniqueId } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";
import { followPin } from "./workbookPin";

export interface InsertPanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
  setScenario(scenario: ScenarioEntry | null): void;
}

export interface InsertPanelOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly now: () => Date;
  readonly track: Track;
}

export function createInsertPanel(options: InsertPanelOptions): InsertPanel {
  const headingId = uniqueId("insert-heading");
  const targetId = uniqueId("insert-target");
  const progressId = uniqueId("insert-progress");

  const target = el("p", { id: targetId, class: "cp-hint" });
  const button = el(
    "button",
    {
      type: "button",
      class: "ms-Button ms-Button--primary",
      "aria-describedby": targetId,
      disabled: true,
    },
    [el("span", { class: "ms-Button-label" }, ["Insert template"])]
  );
  const bar = el("progress", {
    id: progressId,
    class: "cp-progress",
    max: "100",
    value: "0",
    "aria-label": "Insert progress",
  });
  const step = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const progress = el("div", { class: "cp-progress-block", hidden: true }, [bar]);
  const messages = createMessageBar("insert");

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Insert template"]),
    el("p", { class: "cp-hint ms-font-s" }, [
      "Adds a Rent vs Build sheet filled from the selected model: inputs with their sources, results, yearly cash flows, a chart and a sensitivity grid.",
    ]),
    target,
    el("div", { class: "cp-row cp-actions" }, [button]),
    progress,
    step,
    messages.element,
  ]);

  let scenario: ScenarioEntry | null = null;
  let busy = false;

  function render(): void {
    button.disabled = busy || scenario === null;
    setText(
      target,
      scenario === null ? "Select a model above first." : `Model: ${isolate(scenario.name)}`
    );
  }

  function onProgress(text: string, fraction: number): void {
    bar.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    bar.setAttribute("aria-valuetext", `${text} (${Math.round(fraction * 100)}%)`);
    step.textContent = `${text}…`;
  }

  async function insert(chosen: ScenarioEntry): Promise<void> {
    busy = true;
    render();
    messages.clear();
    element.setAttribute("aria-busy", "true");
    progress.hidden = false;
    onProgress("Starting", 0);
    try {
      const pin = followPin(options.excel);
      const result = await insertTemplate(
        options.excel,
        options.active().index,
        chosen.id,
        onProgress,
        { now: options.now, onPinned: pin.onPinned }
      );
      await pin.update();
      setText(step, `Inserted '${isolate(result.sheetName)}'.`);
      messages.show({
        kind: result.warnings.length > 0 ? "warning" : "success",
        title: `Inserted the sheet '${isolate(result.sheetName)}' for ${isolate(chosen.name)}`,
        details: result.warnings,
        next: "The new sheet is active. Blue cells are inputs you can change; when the library changes, select the sheet and choose Check for updates.",
      });
    } catch (error) {
      step.textContent = "";
      messages.show(excelErrorMessage(error, "Inserting the template"));
    } finally {
      progress.hidden = true;
      busy = false;
      element.setAttribute("aria-busy", "false");
      render();
    }
  }

  button.addEventListener("click", () => {
    if (busy || scenario === null) return;
    void options.track(insert(scenario));
  });

  render();
  return {
    element,
    messages,
    setScenario(next) {
      scenario = next;
      render();
    },
  };
}
