/* global setTimeout, clearTimeout, HTMLElement, HTMLInputElement, HTMLLIElement, HTMLSelectElement */
/**
 * The function finder ("Insert a function"): a search box labelled "Find a function" over the CAPPLAN
 * functions of the built functions.json (a single-select listbox: arrow keys, Home, End; Enter goes to the
 * first argument), the chosen function's arguments with their help, each filled from the library's names
 * (GPU, region, term, approach, provider pickers) or typed (a number, text, or a cell reference), the
 * formula it makes, a preview computed by the same implementation Excel calls, and Insert function, which
 * writes the formula into the active cell in one sync.
 */
import { moveTarget, wireListboxKeyboard, type ListMove } from "./listboxKeyboard";
import type { ActiveLibrary } from "../shared-state/activeLibrary";
import type { ExcelApi } from "../excel/excelApi";
import { insertFunctionFormula } from "../excel/insertFunction";
import type { FunctionImplementation } from "../shared-state/functionImplementations";
import { bidi, el, isolate, replaceChildren, setText, uniqueId } from "./dom";
import { excelErrorMessage } from "./excelErrorMessage";
import {
  FUNCTION_NAMESPACE,
  parseFunctionCatalog,
  type CatalogFunction,
  type CatalogParameter,
} from "./functionCatalog";
import {
  choicesFor,
  entryHint,
  pickedArgument,
  readEntry,
  type PickedArgument,
} from "./functionArguments";
import {
  buildFormula,
  checkText,
  OMITTED,
  type ArgumentValue,
  type Checked,
} from "./functionFormula";
import { previewCall, type Preview, type Scalar } from "./functionPreview";
import { formatValue, plural } from "./format";
import { createMessageBar, type MessageBar } from "./messageBar";
import { matchesQuery } from "./modelsPanel";
import type { Track } from "./tasks";

export interface FunctionFinderOptions {
  readonly excel: ExcelApi;
  readonly active: () => ActiveLibrary;
  readonly track: Track;
  /** The text of the built functions.json; absent where the pane has no way to read it. */
  readonly loadCatalog?: () => Promise<string>;
  /** The implementation Excel calls for a function id (published by functions.js). */
  readonly implementation: (id: string) => FunctionImplementation | undefined;
  readonly locale?: string;
}

export interface FunctionFinderPanel {
  readonly element: HTMLElement;
  readonly messages: MessageBar;
  /** Resolves when the function list is loaded (or failed to). */
  readonly loaded: Promise<void>;
  /** The library changed: the pickers show its names. */
  setLibrary(): void;
}

/** Rows and columns of a spill the preview shows; the rest is counted. */
const PREVIEW_ROWS = 30;
const PREVIEW_COLUMNS = 6;
/** How long typing must pause before the preview runs, and how long a preview may take to run unasked. */
const PREVIEW_DELAY_MS = 250;
const SLOW_PREVIEW_MS = 300;
/** The option of a picker that switches to typing (a value or a cell). */
const TYPE_INSTEAD = "\u0000type";

interface Option {
  readonly fn: CatalogFunction;
  readonly element: HTMLLIElement;
  readonly haystack: string;
}

interface ArgumentField {
  readonly parameter: CatalogParameter;
  readonly picker: HTMLSelectElement | null;
  readonly input: HTMLInputElement;
  readonly typed: HTMLElement;
  readonly problem: HTMLElement;
}

const PICKER_LABELS: Readonly<Record<PickedArgument, string>> = {
  gpu: "GPU",
  region: "region",
  term: "term",
  approach: "approach",
  provider: "provider",
};

/** A preview value as a cell with a general format would show it: money rounded to whole units, blanks empty. */
export function previewText(value: Scalar, locale?: string): string {
  if (value === null) return "";
  if (typeof value !== "number") return formatValue(value, locale);
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : 4;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function createFunctionFinderPanel(options: FunctionFinderOptions): FunctionFinderPanel {
  const headingId = uniqueId("finder-heading");
  const searchId = uniqueId("finder-search");
  const listId = uniqueId("finder-list");
  const countId = uniqueId("finder-count");

  const search = el("input", {
    id: searchId,
    class: "cp-input",
    type: "search",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Name or what it computes, e.g. rent",
    "aria-controls": listId,
    "aria-describedby": countId,
  });
  const count = el(
    "p",
    { id: countId, class: "cp-hint ms-font-s", role: "status", "aria-live": "polite" },
    ["Loading the functions…"]
  );
  const list = el("ul", {
    id: listId,
    class: "cp-listbox",
    role: "listbox",
    tabindex: "0",
    "aria-label": "CAPPLAN functions",
  });
  const empty = el("p", { class: "cp-empty", hidden: true });
  const details = el("div", { class: "cp-details" });
  const messages = createMessageBar("finder");

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Insert a function"]),
    el("p", { class: "cp-hint ms-font-s" }, [
      "Find a CAPPLAN function, fill its arguments from the library or from cells, preview the result and insert it into the active cell.",
    ]),
    el("label", { for: searchId, class: "ms-Label cp-label" }, ["Find a function"]),
    search,
    count,
    list,
    empty,
    details,
    messages.element,
  ]);

  let options_: Option[] = [];
  let selectedId: string | null = null;
  let fields: ArgumentField[] = [];
  let formula: Checked<string> | null = null;
  let busy = false;

  // Built per chosen function.
  const formulaText = el("code", { class: "cp-formula" });
  const previewBox = el("div", { class: "cp-preview", "aria-live": "polite" });
  const insertButton = el(
    "button",
    { type: "button", class: "ms-Button ms-Button--primary", disabled: true },
    [el("span", { class: "ms-Button-label" }, ["Insert function"])]
  );

  const visible = () => options_.filter((o) => !o.element.hidden);
  const selectedOption = () => options_.find((o) => o.fn.id === selectedId) ?? null;

  // ------------------------------------------------------------------ the list

  function applyFilter(): void {
    const query = search.value;
    for (const option of options_) option.element.hidden = !matchesQuery(option.haystack, query);
    const shown = visible().length;
    count.textContent =
      query.trim() === ""
        ? plural(options_.length, "function")
        : `${shown} of ${plural(options_.length, "function")} match`;
    empty.hidden = shown > 0;
    setText(empty, shown > 0 ? "" : `No function matches "${isolate(query.trim())}".`);
    updateSelectionState();
  }

  function updateSelectionState(): void {
    for (const option of options_) {
      const isSelected = option.fn.id === selectedId;
      option.element.setAttribute("aria-selected", isSelected ? "true" : "false");
      option.element.classList.toggle("is-selected", isSelected);
    }
    const current = selectedOption();
    if (current !== null && !current.element.hidden)
      list.setAttribute("aria-activedescendant", current.element.id);
    else list.removeAttribute("aria-activedescendant");
  }

  function select(id: string): void {
    const option = options_.find((o) => o.fn.id === id);
    if (option === undefined || selectedId === id) return;
    selectedId = id;
    updateSelectionState();
    option.element.scrollIntoView?.({ block: "nearest" });
    messages.clear();
    renderDetails();
  }

  function move(to: ListMove): void {
    const shown = visible();
    if (shown.length === 0) return;
    const at = shown.findIndex((o) => o.fn.id === selectedId);
    select(shown[moveTarget(at, shown.length, to)].fn.id);
  }

  function showCatalog(functions: readonly CatalogFunction[]): void {
    options_ = functions.map((fn, i) => {
      const optionElement = el(
        "li",
        {
          id: `${listId}-option-${i}`,
          class: "cp-option",
          role: "option",
          "aria-selected": "false",
        },
        [
          el("span", { class: "cp-option-name" }, [`${FUNCTION_NAMESPACE}.${fn.name}`]),
          el("span", { class: "cp-option-meta ms-font-s" }, [fn.summary]),
        ]
      );
      optionElement.addEventListener("click", () => {
        keyboard.optionClicked();
        select(fn.id);
        list.focus();
      });
      const haystack = [fn.id, fn.name, `${FUNCTION_NAMESPACE}.${fn.name}`, fn.description]
        .concat(fn.parameters.map((p) => p.name))
        .join("\n")
        .toLowerCase();
      return { fn, element: optionElement, haystack };
    });
    replaceChildren(
      list,
      options_.map((o) => o.element)
    );
    applyFilter();
  }

  // ------------------------------------------------------------------ the arguments

  function field(
    parameter: CatalogParameter,
    index: number
  ): { node: HTMLElement; field: ArgumentField } {
    const base = uniqueId(`finder-arg-${index}`);
    const helpId = `${base}-help`;
    const hintId = `${base}-hint`;
    const problemId = `${base}-problem`;
    const picked = pickedArgument(parameter);
    const title = `${parameter.name}${parameter.optional ? " (optional)" : ""}`;
    const help = el("p", { id: helpId, class: "cp-hint ms-font-s" }, [parameter.description]);
    const problem = el("p", {
      id: problemId,
      class: "cp-problem ms-font-s",
      hidden: true,
    });
    const input = el("input", {
      id: `${base}-input`,
      class: "cp-input",
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      inputmode: parameter.type === "number" && !parameter.matrix ? "decimal" : undefined,
      "aria-describedby": `${helpId} ${hintId} ${problemId}`,
    });
    let picker: HTMLSelectElement | null = null;
    let typed: HTMLElement;
    const hint = el("p", { id: hintId, class: "cp-hint ms-font-s" }, [entryHint(parameter)]);
    if (picked !== null) {
      const choices = choicesFor(options.active().index, picked);
      picker = el(
        "select",
        { id: `${base}-picker`, class: "cp-input", "aria-describedby": `${helpId} ${problemId}` },
        [
          el("option", { value: "" }, [
            parameter.optional
              ? "(not given: the function's default)"
              : `Choose a ${PICKER_LABELS[picked]}…`,
          ]),
          // Library text in an <option> cannot be a <bdi>: isolate marks keep a right-to-left name apart from the id.
          ...choices.map((c) =>
            el("option", { value: c.value }, [
              c.name === c.value ? isolate(c.name) : `${isolate(c.name)} (${isolate(c.value)})`,
            ])
          ),
          el("option", { value: TYPE_INSTEAD }, ["Type a value or a cell…"]),
        ]
      );
      typed = el("div", { class: "cp-typed", hidden: true }, [
        el("label", { for: `${base}-input`, class: "ms-Label cp-label" }, [
          `${parameter.name}: value or cell`,
        ]),
        input,
        hint,
      ]);
      const node = el("div", { class: "cp-argument" }, [
        el("label", { for: `${base}-picker`, class: "ms-Label cp-label" }, [title]),
        picker,
        help,
        typed,
        problem,
      ]);
      return { node, field: { parameter, picker, input, typed, problem } };
    }
    typed = el("div", { class: "cp-typed" }, [input, hint]);
    const node = el("div", { class: "cp-argument" }, [
      el("label", { for: `${base}-input`, class: "ms-Label cp-label" }, [title]),
      help,
      typed,
      problem,
    ]);
    return { node, field: { parameter, picker, input, typed, problem } };
  }

  function readField(f: ArgumentField): Checked<ArgumentValue> {
    if (f.picker !== null && f.picker.value !== TYPE_INSTEAD) {
      // A picked name is library data: a text argument, checked like typed text.
      return f.picker.value === "" ? { ok: true, value: OMITTED } : checkText(f.picker.value);
    }
    return readEntry(f.parameter, f.input.value);
  }

  function renderDetails(): void {
    cancelPreview();
    const option = selectedOption();
    fields = [];
    formula = null;
    if (option === null) {
      replaceChildren(details, []);
      return;
    }
    const { fn } = option;
    const built = fn.parameters.map((p, i) => field(p, i));
    fields = built.map((b) => b.field);
    for (const f of fields) {
      f.picker?.addEventListener("change", () => {
        f.typed.hidden = f.picker?.value !== TYPE_INSTEAD;
        update();
      });
      f.input.addEventListener("input", update);
    }
    replaceChildren(details, [
      el("h3", { class: "ms-font-m-plus cp-subheading" }, [`${FUNCTION_NAMESPACE}.${fn.name}`]),
      el("p", { class: "cp-description" }, [fn.description]),
      fn.parameters.length === 0
        ? el("p", { class: "cp-hint" }, ["This function takes no arguments."])
        : el(
            "div",
            { class: "cp-arguments", role: "group", "aria-label": "Arguments" },
            built.map((b) => b.node)
          ),
      el("p", { class: "cp-formula-line ms-font-s" }, ["Formula: ", formulaText]),
      el("h4", { class: "ms-font-m cp-subheading" }, ["Preview"]),
      previewBox,
      el("div", { class: "cp-row cp-actions" }, [insertButton]),
    ]);
    update();
  }

  function showPreview(preview: Preview): void {
    switch (preview.kind) {
      case "value":
        replaceChildren(previewBox, [
          el("p", { class: "cp-preview-value" }, [
            bidi(previewText(preview.value, options.locale)),
          ]),
        ]);
        return;
      case "error":
        replaceChildren(previewBox, [
          el("p", { class: "cp-preview-error" }, [
            el("strong", {}, [preview.code]),
            preview.message === "" ? "" : ": ",
            ...(preview.message === "" ? [] : [bidi(preview.message)]),
          ]),
        ]);
        return;
      case "spill":
        replaceChildren(previewBox, [spillTable(preview.rows)]);
        return;
      case "needsCells":
        replaceChildren(previewBox, [
          el("p", { class: "cp-hint" }, [
            `The preview needs the values of ${preview.references.join(", ")}: insert the function to see the result in the cell.`,
          ]),
        ]);
        return;
      case "unavailable":
        replaceChildren(previewBox, [
          el("p", { class: "cp-hint" }, [
            "No preview here: the CAPPLAN functions are not running in this pane. The formula still works in the cell.",
          ]),
        ]);
        return;
    }
  }

  function spillTable(rows: readonly (readonly Scalar[])[]): HTMLElement {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const shownRows = rows.slice(0, PREVIEW_ROWS);
    const cell = (value: Scalar) =>
      el("td", { class: typeof value === "number" ? "cp-num" : undefined }, [
        bidi(previewText(value, options.locale)),
      ]);
    const more =
      rows.length > PREVIEW_ROWS || width > PREVIEW_COLUMNS
        ? ` (showing ${Math.min(rows.length, PREVIEW_ROWS)} × ${Math.min(width, PREVIEW_COLUMNS)})`
        : "";
    return el("div", { class: "cp-table-scroll" }, [
      el("table", { class: "cp-table cp-preview-table" }, [
        el("caption", {}, [
          `Spills ${plural(rows.length, "row")} × ${plural(width, "column")}${more}`,
        ]),
        el(
          "tbody",
          {},
          shownRows.map((row) => el("tr", {}, row.slice(0, PREVIEW_COLUMNS).map(cell)))
        ),
      ]),
    ]);
  }

  /**
   * The preview runs after typing pauses (PREVIEW_DELAY_MS), not on every key. A function whose preview
   * took longer than SLOW_PREVIEW_MS (SIMULATE runs thousands of trials) is then previewed on request only,
   * so typing never waits for it.
   */
  let pendingPreview: { timer: ReturnType<typeof setTimeout>; settle: () => void } | null = null;
  const slow = new Set<string>();

  function cancelPreview(): void {
    if (pendingPreview === null) return;
    clearTimeout(pendingPreview.timer);
    pendingPreview.settle();
    pendingPreview = null;
  }

  function runPreview(fn: CatalogFunction, values: readonly ArgumentValue[]): void {
    const started = Date.now();
    const preview = previewCall(fn, values, options.implementation(fn.id));
    if (Date.now() - started > SLOW_PREVIEW_MS) slow.add(fn.id);
    showPreview(preview);
  }

  function schedulePreview(fn: CatalogFunction, values: readonly ArgumentValue[]): void {
    cancelPreview();
    if (slow.has(fn.id) && !values.some((v) => v.kind === "reference")) {
      const previewButton = el("button", { type: "button", class: "ms-Button" }, [
        el("span", { class: "ms-Button-label" }, ["Preview"]),
      ]);
      previewButton.addEventListener("click", () => {
        replaceChildren(previewBox, [el("p", { class: "cp-hint" }, ["Computing the preview…"])]);
        // After the message is painted: the computation holds the pane for a moment.
        void options.track(
          new Promise<void>((resolve) =>
            setTimeout(() => {
              try {
                runPreview(fn, values);
              } finally {
                resolve();
              }
            }, 0)
          )
        );
      });
      replaceChildren(previewBox, [
        el("p", { class: "cp-hint" }, [
          "This function takes a few seconds to compute, so it previews when you ask.",
        ]),
        previewButton,
      ]);
      return;
    }
    void options.track(
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pendingPreview = null;
          try {
            runPreview(fn, values);
          } finally {
            resolve();
          }
        }, PREVIEW_DELAY_MS);
        pendingPreview = { timer, settle: resolve };
      })
    );
  }

  function update(): void {
    const option = selectedOption();
    if (option === null) return;
    const values: ArgumentValue[] = [];
    let firstProblem: string | null = null;
    for (const f of fields) {
      const read = readField(f);
      const problem = read.ok ? null : read.problem;
      f.problem.hidden = problem === null;
      setText(f.problem, problem ?? "");
      (f.picker !== null && f.picker.value !== TYPE_INSTEAD ? f.picker : f.input).setAttribute(
        "aria-invalid",
        problem === null ? "false" : "true"
      );
      if (problem !== null) firstProblem ??= problem;
      values.push(read.ok ? read.value : OMITTED);
    }
    if (firstProblem !== null) formula = { ok: false, problem: firstProblem };
    else formula = buildFormula(option.fn, values);
    if (formula.ok) {
      formulaText.textContent = formula.value;
      schedulePreview(option.fn, values);
    } else {
      cancelPreview();
      formulaText.textContent = "(incomplete)";
      replaceChildren(previewBox, [el("p", { class: "cp-hint" }, [formula.problem])]);
    }
    insertButton.disabled = busy || !formula.ok;
  }

  async function insert(): Promise<void> {
    if (formula === null || !formula.ok) return;
    const text = formula.value;
    busy = true;
    insertButton.disabled = true;
    element.setAttribute("aria-busy", "true");
    messages.clear();
    try {
      const inserted = await insertFunctionFormula(options.excel, text);
      messages.show({
        kind: "success",
        title: `Inserted the function into ${isolate(inserted.address)}`,
        details: [text],
        next: "Excel calculates it now; a result that spills fills the cells below and to the right.",
      });
    } catch (error) {
      messages.show(excelErrorMessage(error, "Inserting the function"));
    } finally {
      busy = false;
      element.setAttribute("aria-busy", "false");
      update();
    }
  }

  insertButton.addEventListener("click", () => {
    if (busy) return;
    void options.track(insert());
  });

  // ------------------------------------------------------------------ keyboard

  const keyboard = wireListboxKeyboard({
    list,
    search,
    searchKeysToList: ["ArrowDown", "Enter"],
    move,
    hasShownSelection: () => {
      const current = selectedOption();
      return selectedId !== null && current !== null && !current.element.hidden;
    },
    onEnter: () => {
      const first = fields[0];
      (first?.picker ?? first?.input ?? (insertButton.disabled ? null : insertButton))?.focus();
    },
  });
  search.addEventListener("input", applyFilter);

  // ------------------------------------------------------------------ loading

  async function load(): Promise<void> {
    if (options.loadCatalog === undefined) {
      count.textContent = "The function list is not available in this pane.";
      return;
    }
    let text: string;
    try {
      text = await options.loadCatalog();
    } catch (error) {
      count.textContent = "The function list could not be loaded.";
      messages.show({
        kind: "warning",
        title: "The function list could not be loaded",
        details: [error instanceof Error ? error.message : String(error)],
        next: "The CAPPLAN functions still work in cells. Reopen the task pane to try again.",
      });
      return;
    }
    const read = parseFunctionCatalog(text);
    if (!read.ok) {
      count.textContent = "The function list could not be read.";
      messages.show({
        kind: "warning",
        title: "The function list could not be read",
        details: [read.problem],
        next: "The add-in's files do not match: reload the add-in (close and reopen the task pane).",
      });
      return;
    }
    showCatalog(read.functions);
  }

  const loaded = options.track(load());

  return {
    element,
    messages,
    loaded,
    setLibrary() {
      // The pickers list the active library's names: rebuild the form, keeping the function.
      if (selectedOption() !== null) renderDetails();
    },
  };
}
