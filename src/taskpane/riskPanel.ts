/* global HTMLElement */
/**
 * The Risk analysis panel: Run risk analysis re-runs the active Rent vs Build sheet's Monte Carlo from its
 * cells and rewrites the Risk section's values with their trials, seed, library and time (2 syncs), with
 * progress (a progress bar and the step, announced politely) and the result in words. The button is always
 * there: on a sheet that is not a template the message says what to select.
 */
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import { runRiskAnalysis, type RiskAnalysisResult } from "../excel/riskAnalysis";
import { el, isolate, setText, uniqueId } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { createMessageBar, type MessageBar } from "./messageBar";
import type { Track } from "./tasks";

export interface RiskPanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
}

export interface RiskPanelOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly now: () => Date;
  readonly track: Track;
}

/** "-28.66 bn USD". */
function billions(usd: number): string {
  return `${(usd / 1e9).toFixed(2)} bn USD`;
}

/** "100 %", "99.6 %". */
function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)} %`;
}

/** "10,000 trials, seed 1: P50 of the difference incl. cost of delay -28.66 bn USD; building wins in 100 % of trials". */
export function riskResultSentence(result: RiskAnalysisResult): string {
  const p50 =
    result.p50DifferenceWithDelay === null
      ? "not priced (no useful GPU-hours in the horizon)"
      : billions(result.p50DifferenceWithDelay);
  return `${result.trials.toLocaleString("en-US")} trials, seed ${result.seed}: P50 of the difference incl. cost of delay ${p50}; building wins in ${percent(result.probabilityBuildWins)} of trials`;
}

export function createRiskPanel(options: RiskPanelOptions): RiskPanel {
  const headingId = uniqueId("risk-heading");
  const hintId = uniqueId("risk-hint");

  const hint = el("p", { id: hintId, class: "cp-hint ms-font-s" }, [
    "Select a Rent vs Build sheet, type its ranges, trials or seed, then re-run: the Risk section's results are written as values with the trials, seed, library and time that produced them.",
  ]);
  const button = el(
    "button",
    { type: "button", class: "ms-Button ms-Button--primary", "aria-describedby": hintId },
    [el("span", { class: "ms-Button-label" }, ["Run risk analysis"])]
  );
  const bar = el("progress", {
    class: "cp-progress",
    max: "100",
    value: "0",
    "aria-label": "Risk analysis progress",
  });
  const progress = el("div", { class: "cp-progress-block", hidden: true }, [bar]);
  const step = el("p", { class: "cp-status", role: "status", "aria-live": "polite" });
  const messages = createMessageBar("risk");

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Risk analysis"]),
    hint,
    el("div", { class: "cp-row cp-actions" }, [button]),
    progress,
    step,
    messages.element,
  ]);

  let busy = false;

  function onProgress(fraction: number, text: string): void {
    const share = Math.max(0, Math.min(1, fraction));
    bar.value = Math.round(share * 100);
    bar.setAttribute("aria-valuetext", `${text} (${Math.round(share * 100)}%)`);
    step.textContent = `${text}…`;
  }

  async function run(): Promise<void> {
    busy = true;
    button.disabled = true;
    messages.clear();
    element.setAttribute("aria-busy", "true");
    progress.hidden = false;
    onProgress(0, "Starting");
    try {
      const result = await runRiskAnalysis(options.excel, options.active().index, {
        onProgress,
        now: options.now(),
      });
      const sentence = riskResultSentence(result);
      setText(step, sentence);
      const details = [
        sentence,
        ...result.notes,
        ...(result.otherLibrary
          ? [
              `The run used ${isolate(result.libraryText)}, the library in use, not the one this sheet is recorded against: choose Check for updates to move the sheet to it.`,
            ]
          : []),
      ];
      messages.show({
        kind: result.notes.length > 0 || result.otherLibrary ? "warning" : "success",
        title: `Ran the risk analysis on '${isolate(result.sheetName)}'`,
        details,
        next: "The Risk section shows the new values with their run stamp; its Status says when an input changes since.",
      });
    } catch (error) {
      step.textContent = "";
      messages.show(excelErrorMessage(error, "Running the risk analysis"));
    } finally {
      progress.hidden = true;
      busy = false;
      button.disabled = false;
      element.setAttribute("aria-busy", "false");
    }
  }

  button.addEventListener("click", () => {
    if (busy) return;
    void options.track(run());
  });

  return { element, messages };
}
