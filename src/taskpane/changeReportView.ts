/* global HTMLElement */
/**
 * The "What changed" region of the Refresh assumptions panel, shown after a successful Apply: the headline
 * results before and after (NPV difference build - rent, and with the cost of delay) with the change, and each
 * assumption the refresh changed, kept, or found different only in its source / as-of / low / high, with the
 * value before and after, the source and as-of of the library's value. "Add as sheet" writes the same report
 * as a "What changed" sheet. Undo marks the report undone (no stale numbers stay on screen).
 */
import type { ExcelApi } from "../excel/excelApi";
import { addChangeReportSheet } from "../excel/refresh";
import type { ChangeReport, ChangeReportRow, HeadlineResult } from "../templates/changeReport";
import { CHANGE_REPORT_HEADLINES, asOfOnlyText, outcomeText } from "../templates/changeReportText";
import { bidi, el, isolate, replaceChildren, setText, uniqueId, withIsolates } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import { formatValue } from "./format";
import type { MessageBar } from "./messageBar";
import type { Track } from "./tasks";

export interface ChangeReportView {
  readonly element: HTMLElement;
  /** The report on screen, if any (tests, and "Add as sheet"). */
  readonly report: () => ChangeReport | null;
  show(report: ChangeReport): void;
  /** The refresh the report describes was undone: the numbers go, a line says so. */
  markUndone(): void;
  clear(): void;
  /** Re-reads options.busy() for the button's state. */
  update(): void;
}

export interface ChangeReportViewOptions {
  readonly excel: ExcelApi;
  readonly track: Track;
  readonly messages: MessageBar;
  readonly locale?: string;
  /** Whether another action of the panel is running (the button waits for it). */
  readonly busy: () => boolean;
}

/** "$-1,234,567" as the sheet's $#,##0 shows money, with the locale's grouping. */
export function formatUsd(value: number, locale?: string): string {
  const rounded = Math.round(value);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(
    Math.abs(rounded)
  );
  return `${rounded < 0 ? "-" : ""}$${whole}`;
}

/** A signed change: "+$12,000", "-$3", "$0". */
function formatChange(value: number, locale?: string): string {
  return Math.round(value) > 0 ? `+${formatUsd(value, locale)}` : formatUsd(value, locale);
}

export function createChangeReportView(options: ChangeReportViewOptions): ChangeReportView {
  const headingId = uniqueId("change-heading");
  const headlineCaptionId = uniqueId("change-headline-caption");
  const rowsCaptionId = uniqueId("change-rows-caption");
  const body = el("div", { class: "cp-change-body" });
  const sheetStatus = el("p", {
    class: "cp-status ms-font-s",
    role: "status",
    "aria-live": "polite",
  });
  const addButton = el("button", { type: "button", class: "ms-Button" }, [
    el("span", { class: "ms-Button-label" }, ["Add as sheet"]),
  ]);
  const element = el(
    "section",
    { class: "cp-change-report", role: "region", "aria-labelledby": headingId, hidden: true },
    [
      el("h3", { id: headingId, class: "ms-font-m cp-heading" }, ["What changed"]),
      body,
      el("div", { class: "cp-row cp-actions" }, [addButton]),
      sheetStatus,
    ]
  );
  let current: ChangeReport | null = null;
  let adding = false;

  const valueText = (value: ChangeReportRow["before"], unit: string): HTMLElement[] => {
    const text = formatValue(value, options.locale);
    return value === null || unit === ""
      ? [bidi(text)]
      : [bidi(text), el("span", {}, [" "]), bidi(unit)];
  };

  const money = (result: HeadlineResult, key: "difference" | "differenceWithDelay"): string =>
    result.ok ? formatUsd(result.headline[key], options.locale) : "not computed";

  /** The full number, for a reader that wants the cents (and for tests). */
  const exact = (
    result: HeadlineResult,
    key: "difference" | "differenceWithDelay"
  ): number | null => (result.ok ? result.headline[key] : null);

  function headlineTable(report: ChangeReport): HTMLElement {
    const change = report.change;
    const cell = (
      key: "difference" | "differenceWithDelay",
      when: "before" | "after" | "change"
    ) => {
      if (when === "change")
        return el(
          "td",
          { class: "cp-num", "data-key": key, "data-value": change === null ? null : change[key] },
          [change === null ? "" : formatChange(change[key], options.locale)]
        );
      const result = report[when];
      return el("td", { class: "cp-num", "data-key": key, "data-value": exact(result, key) }, [
        money(result, key),
      ]);
    };
    const line = (when: "before" | "after" | "change", label: string): HTMLElement =>
      el("tr", { "data-when": when }, [
        el("th", { scope: "row" }, [label]),
        ...CHANGE_REPORT_HEADLINES.map(({ key }) => cell(key, when)),
      ]);
    // Narrow: one column per result, so it fits the task pane without scrolling.
    return el(
      "table",
      { class: "cp-table cp-table-compact ms-font-s", "aria-describedby": headlineCaptionId },
      [
        el("caption", { id: headlineCaptionId, class: "cp-caption" }, [
          "Headline results before and after the refresh (USD; negative: building is cheaper)",
        ]),
        el("thead", {}, [
          el("tr", {}, [
            el("td", {}, []),
            ...CHANGE_REPORT_HEADLINES.map(({ label }) => el("th", { scope: "col" }, [label])),
          ]),
        ]),
        el("tbody", {}, [
          line("before", "Before"),
          line("after", "After"),
          line("change", "Change"),
        ]),
      ]
    );
  }

  function rowsTable(report: ChangeReport): HTMLElement {
    const changed = report.rows.filter((r) => r.outcome === "changed").length;
    return el(
      "table",
      { class: "cp-table cp-table-compact ms-font-s", "aria-describedby": rowsCaptionId },
      [
        el("caption", { id: rowsCaptionId, class: "cp-caption" }, [
          `Assumptions: ${changed} changed, ${report.rows.length - changed} kept or unchanged`,
        ]),
        el("thead", {}, [
          el("tr", {}, [
            el("th", { scope: "col" }, ["Assumption (outcome)"]),
            el("th", { scope: "col" }, ["Before"]),
            el("th", { scope: "col" }, ["After (source, as of)"]),
          ]),
        ]),
        el(
          "tbody",
          {},
          report.rows.map((r) =>
            el("tr", { "data-key": r.key, "data-outcome": r.outcome }, [
              // What happened under the label: three columns fit the pane.
              el("th", { scope: "row" }, [
                r.label,
                el("span", { class: "cp-note cp-outcome ms-font-s" }, [outcomeText(r)]),
              ]),
              el("td", {}, valueText(r.before, r.unit)),
              // The source and as-of of the library's value under it: the pane is narrow.
              el("td", {}, [
                el("span", { class: "cp-value" }, valueText(r.after, r.unit)),
                el("span", { class: "cp-note ms-font-s" }, [
                  el("span", { class: "cp-visually-hidden" }, ["Source: "]),
                  el("span", { class: "cp-source" }, [bidi(r.source)]),
                  el("span", { class: "cp-visually-hidden" }, ["; as of "]),
                  el("span", { "aria-hidden": "true" }, [", "]),
                  el("span", { class: "cp-asof" }, [bidi(r.asOf)]),
                ]),
              ]),
            ])
          )
        ),
      ]
    );
  }

  function notes(report: ChangeReport): string[] {
    const out: string[] = [];
    if (!report.before.ok)
      out.push(`The result before could not be computed: ${report.before.reason}.`);
    if (!report.after.ok)
      out.push(`The result after could not be computed: ${report.after.reason}.`);
    if (report.matchesSheet === false)
      out.push(
        "The sheet's result cells showed other numbers before the refresh (their formulas were edited): the effect shown is the template's arithmetic."
      );
    return out;
  }

  function render(report: ChangeReport): void {
    const { libraryAfter: after, libraryBefore: before } = report;
    replaceChildren(body, [
      el(
        "p",
        { class: "cp-hint ms-font-s" },
        withIsolates(
          `'${isolate(report.sheetName)}' refreshed from ${isolate(after.name)} ${isolate(after.version)} (it was on ${isolate(before.id)} ${isolate(before.version)}).`
        )
      ),
      el(
        "div",
        {
          class: "cp-table-scroll",
          tabindex: "0",
          role: "region",
          "aria-label": "Headline results",
        },
        [headlineTable(report)]
      ),
      ...notes(report).map((text) => el("p", { class: "cp-note ms-font-s" }, [text])),
      report.rows.length === 0
        ? el("p", { class: "cp-hint ms-font-s" }, ["No assumption changed."])
        : el(
            "div",
            {
              class: "cp-table-scroll",
              tabindex: "0",
              role: "region",
              "aria-label": "Changed assumptions",
            },
            [rowsTable(report)]
          ),
      report.asOfOnly > 0
        ? el("p", { class: "cp-hint ms-font-s" }, [asOfOnlyText(report.asOfOnly)])
        : null,
    ]);
  }

  function updateButton(): void {
    addButton.hidden = current === null;
    addButton.disabled = adding || options.busy();
  }

  async function addSheet(): Promise<void> {
    const report = current;
    if (report === null) return;
    adding = true;
    updateButton();
    setText(sheetStatus, "Adding the sheet…");
    try {
      const { sheetName } = await addChangeReportSheet(options.excel, report);
      setText(sheetStatus, `Added the sheet '${isolate(sheetName)}'.`);
    } catch (error) {
      sheetStatus.textContent = "";
      options.messages.show(excelErrorMessage(error, "Adding the change report sheet"));
    } finally {
      adding = false;
      updateButton();
    }
  }

  addButton.addEventListener("click", () => {
    if (!adding && !options.busy()) void options.track(addSheet());
  });

  return {
    element,
    report: () => current,
    show(report) {
      current = report;
      element.hidden = false;
      sheetStatus.textContent = "";
      render(report);
      updateButton();
    },
    markUndone() {
      if (current === null) return;
      const sheetName = current.sheetName;
      current = null;
      sheetStatus.textContent = "";
      replaceChildren(body, [
        el(
          "p",
          { class: "cp-hint ms-font-s", "data-undone": "true" },
          withIsolates(
            `The refresh of '${isolate(sheetName)}' was undone: its values before the refresh are back, so this report no longer applies.`
          )
        ),
      ]);
      updateButton();
    },
    clear() {
      current = null;
      element.hidden = true;
      sheetStatus.textContent = "";
      replaceChildren(body, []);
      updateButton();
    },
    update: updateButton,
  };
}
