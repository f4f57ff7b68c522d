/* global HTMLElement */
/**
 * The Insert template panel: a gallery of templates (a radio group: title and one-line description each,
 * arrow keys move the choice) and one Insert template button that inserts the chosen one for the selected
 * model, with progress (a progress bar and the current step, announced politely) and the result as a message.
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import type { ScenarioEntry } from "../model/library/indexLibrary";
import { el, isolate, setText, uniqueId } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";
import { followPin } from "./workbookPin";
import { TEMPLATE_CHOICES, type TemplateChoice } from "./templateGallery";

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
  /** The gallery (default TEMPLATE_CHOICES); the first entry is chosen at start. */
  readonly templates?: readonly TemplateChoice[];
}

export function createInsertPanel(options: InsertPanelOptions): InsertPanel {
  const headingId = uniqueId("insert-heading");
  const targetId = uniqueId("insert-target");
  const progressId = uniqueId("insert-progress");

  const templates = options.templates ?? TEMPLATE_CHOICES;
  const first = templates[0];
  if (first === undefined) throw new Error("The template gallery is empty.");
  let chosen: TemplateChoice = first;
  const galleryName = uniqueId("template-choice");
  const legendId = uniqueId("template-legend");
  const radios = templates.map((choice) => {
    const descriptionId = uniqueId("template-description");
    // Named by its title alone and described by its line: a screen reader says "Board memo, radio button",
    // then the description, instead of one long name.
    const titleId = uniqueId("template-title");
    const radio = el("input", {
      type: "radio",
      name: galleryName,
      value: choice.id,
      class: "cp-template-radio",
      "aria-labelledby": titleId,
      "aria-describedby": descriptionId,
    });
    radio.checked = choice === chosen;
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      chosen = choice;
      render();
    });
    const item = el("label", { class: "cp-template-choice" }, [
      radio,
      el("span", { class: "cp-template-text" }, [
        el("span", { id: titleId, class: "cp-option-name ms-font-m" }, [choice.title]),
        el("span", { id: descriptionId, class: "cp-option-meta ms-font-s" }, [choice.description]),
      ]),
    ]);
    return { choice, radio, item };
  });
  const gallery = el("fieldset", { class: "cp-gallery", "aria-labelledby": legendId }, [
    el("legend", { id: legendId, class: "cp-subheading ms-font-m" }, ["Templates"]),
    ...radios.map((r) => r.item),
  ]);

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
      "Choose a template, then insert it as a new sheet filled from the selected model.",
    ]),
    gallery,
    target,
    el("div", { class: "cp-row cp-actions" }, [button]),
    progress,
    step,
    messages.element,
  ]);

  let scenario: ScenarioEntry | null = null;
  let busy = false;

  function render(): void {
    const waiting = chosen.needsScenario && scenario === null;
    button.disabled = busy || waiting;
    for (const r of radios) {
      r.radio.disabled = busy;
      r.item.classList.toggle("is-selected", r.choice === chosen);
    }
    setText(
      target,
      waiting
        ? "Select a model above first."
        : scenario === null || !chosen.needsScenario
          ? `Template: ${chosen.title}`
          : `${chosen.title} for the model ${isolate(scenario.name)}`
    );
  }

  function onProgress(text: string, fraction: number): void {
    bar.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    bar.setAttribute("aria-valuetext", `${text} (${Math.round(fraction * 100)}%)`);
    step.textContent = `${text}…`;
  }

  async function insert(template: TemplateChoice, model: ScenarioEntry | null): Promise<void> {
    busy = true;
    render();
    messages.clear();
    element.setAttribute("aria-busy", "true");
    progress.hidden = false;
    onProgress("Starting", 0);
    try {
      const pin = followPin(options.excel);
      const result = await template.insert(
        { excel: options.excel, index: options.active().index, scenarioId: model?.id ?? null },
        onProgress,
        { now: options.now, onPinned: pin.onPinned }
      );
      await pin.update();
      setText(step, `Inserted '${isolate(result.sheetName)}'.`);
      messages.show({
        kind: result.warnings.length > 0 ? "warning" : "success",
        title:
          model === null || !template.needsScenario
            ? `Inserted the sheet '${isolate(result.sheetName)}'`
            : `Inserted the sheet '${isolate(result.sheetName)}' for ${isolate(model.name)}`,
        details: result.warnings,
        next: template.next,
      });
    } catch (error) {
      step.textContent = "";
      messages.show(excelErrorMessage(error, `Inserting the ${template.title} template`));
    } finally {
      progress.hidden = true;
      busy = false;
      element.setAttribute("aria-busy", "false");
      render();
    }
  }

  button.addEventListener("click", () => {
    if (busy || (chosen.needsScenario && scenario === null)) return;
    void options.track(insert(chosen, scenario));
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
