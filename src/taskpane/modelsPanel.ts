/* global HTMLElement, HTMLLIElement */
/**
 * The Models panel: the library's scenarios as a searchable single-select listbox (type to filter by
 * name, description or GPU; arrow keys, Home and End move the selection), and the selected scenario's
 * key assumptions with units, sources and as-of dates.
 */
import { moveTarget, wireListboxKeyboard, type ListMove } from "./listboxKeyboard";
import {
  findScenario,
  ownEntry,
  type LibraryIndex,
  type ScenarioEntry,
} from "../model/library/indexLibrary";
import { bidi, el, isolate, replaceChildren, setText, uniqueId, withIsolates } from "./dom";
import { formatNumber, plural } from "./format";
import { scenarioFacts, type ScenarioFact } from "./scenarioFacts";

export interface ModelsPanel {
  readonly element: HTMLElement;
  /** Shows the scenarios of a library, keeping the selection when the scenario still exists. */
  setLibrary(index: LibraryIndex): void;
  selected(): ScenarioEntry | null;
  /** Selects a scenario by id (null clears); returns false when the library has no such scenario. */
  select(id: string | null): boolean;
  onSelect(listener: (scenario: ScenarioEntry | null) => void): void;
}

interface Option {
  readonly scenario: ScenarioEntry;
  readonly element: HTMLLIElement;
  /** Lowercase text the filter searches. */
  readonly haystack: string;
}

function searchText(index: LibraryIndex, scenario: ScenarioEntry): string {
  const gpu = ownEntry(index.library.gpus, scenario.gpu); // own key: never Object.prototype's
  const parts = [scenario.id, scenario.name, scenario.description, scenario.gpu];
  if (gpu) parts.push(gpu.name, gpu.vendor, ...gpu.aliases);
  return parts.join("\n").toLowerCase();
}

/** Every whitespace-separated term must occur. */
export function matchesQuery(haystack: string, query: string): boolean {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== "");
  return terms.every((term) => haystack.includes(term));
}

export function createModelsPanel(locale?: string): ModelsPanel {
  const headingId = uniqueId("models-heading");
  const searchId = uniqueId("models-search");
  const listId = uniqueId("models-list");
  const countId = uniqueId("models-count");

  const search = el("input", {
    id: searchId,
    class: "cp-input",
    type: "search",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Name, description or GPU",
    "aria-controls": listId,
    "aria-describedby": countId,
  });
  const count = el("p", {
    id: countId,
    class: "cp-hint ms-font-s",
    role: "status",
    "aria-live": "polite",
  });
  const list = el("ul", {
    id: listId,
    class: "cp-listbox",
    role: "listbox",
    tabindex: "0",
    "aria-labelledby": headingId,
  });
  const empty = el("p", { class: "cp-empty", hidden: true });
  const details = el("div", { class: "cp-details", "aria-live": "polite" });

  const element = el("section", { class: "cp-panel", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, class: "ms-font-l cp-heading" }, ["Models"]),
    el("label", { for: searchId, class: "ms-Label cp-label" }, ["Search models"]),
    search,
    count,
    list,
    empty,
    details,
  ]);

  let index: LibraryIndex | null = null;
  let options: Option[] = [];
  let selectedId: string | null = null;
  /** Set between a mouse press in the list and the click, so focusing by mouse does not pre-select. */
  const listeners: Array<(scenario: ScenarioEntry | null) => void> = [];

  const visible = () => options.filter((o) => !o.element.hidden);
  const selectedOption = () => options.find((o) => o.scenario.id === selectedId) ?? null;

  function renderDetails(): void {
    const option = selectedOption();
    if (index === null || option === null) {
      replaceChildren(details, [
        el("p", { class: "cp-hint" }, ["Select a model to see its key assumptions."]),
      ]);
      return;
    }
    let facts;
    try {
      facts = scenarioFacts(index, option.scenario.id, locale);
    } catch (error) {
      replaceChildren(details, [
        el("p", { class: "cp-hint" }, [
          `The assumptions of this model cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
        ]),
      ]);
      return;
    }
    const factItem = (fact: ScenarioFact) =>
      el("div", { class: "cp-fact" }, [
        el("dt", {}, [fact.label]),
        el("dd", { class: "cp-fact-value" }, [
          fact.unit === "" ? bidi(fact.value) : bidi(`${fact.value} ${fact.unit}`),
        ]),
        // The source is library text inside a sentence: isolated so it cannot reorder "Source:" or the date.
        fact.source !== undefined
          ? el("dd", { class: "cp-fact-source ms-font-s" }, [
              "Source: ",
              ...withIsolates(fact.source),
              fact.asOf ? `; as of ${fact.asOf}` : "",
            ])
          : null,
      ]);
    replaceChildren(details, [
      el("h3", { class: "ms-font-m-plus cp-subheading" }, [bidi(facts.name)]),
      el("p", { class: "cp-description" }, [bidi(facts.description)]),
      el("dl", { class: "cp-facts", "aria-label": "Scenario" }, facts.setup.map(factItem)),
      el("h4", { class: "ms-font-m cp-subheading" }, ["Key assumptions"]),
      el("dl", { class: "cp-facts", "aria-label": "Key assumptions" }, facts.numbers.map(factItem)),
      facts.notes ? el("p", { class: "cp-hint ms-font-s" }, [bidi(facts.notes)]) : null,
    ]);
  }

  function updateSelectionState(): void {
    for (const option of options) {
      const isSelected = option.scenario.id === selectedId;
      option.element.setAttribute("aria-selected", isSelected ? "true" : "false");
      option.element.classList.toggle("is-selected", isSelected);
    }
    const current = selectedOption();
    if (current !== null && !current.element.hidden)
      list.setAttribute("aria-activedescendant", current.element.id);
    else list.removeAttribute("aria-activedescendant");
  }

  function select(id: string | null): boolean {
    const option = id === null ? null : (options.find((o) => o.scenario.id === id) ?? null);
    if (id !== null && option === null) return false;
    const changed = selectedId !== id;
    selectedId = id;
    updateSelectionState();
    if (option !== null) option.element.scrollIntoView?.({ block: "nearest" });
    if (changed) {
      renderDetails();
      for (const listener of listeners) listener(option?.scenario ?? null);
    }
    return true;
  }

  function applyFilter(): void {
    const query = search.value;
    for (const option of options) option.element.hidden = !matchesQuery(option.haystack, query);
    const shown = visible().length;
    count.textContent =
      query.trim() === ""
        ? plural(options.length, "model")
        : `${shown} of ${plural(options.length, "model")} match`;
    empty.hidden = shown > 0;
    setText(empty, shown > 0 ? "" : `No model matches "${isolate(query.trim())}".`);
    updateSelectionState();
  }

  function setLibrary(next: LibraryIndex): void {
    index = next;
    const scenarios = Object.keys(next.library.scenarios)
      .map((id) => findScenario(next, id))
      .filter((s): s is ScenarioEntry => s !== undefined);
    options = scenarios.map((scenario, i) => {
      const gpu = ownEntry(next.library.gpus, scenario.gpu);
      const optionElement = el(
        "li",
        {
          id: `${listId}-option-${i}`,
          class: "cp-option",
          role: "option",
          "aria-selected": "false",
        },
        [
          el("span", { class: "cp-option-name" }, [bidi(scenario.name)]),
          el("span", { class: "cp-option-meta ms-font-s" }, [
            `${formatNumber(scenario.count, locale)} × `,
            bidi(gpu ? gpu.name : scenario.gpu),
            `, ${plural(scenario.years, "year")}`,
          ]),
        ]
      );
      optionElement.addEventListener("click", () => {
        keyboard.optionClicked();
        select(scenario.id);
        list.focus();
      });
      return { scenario, element: optionElement, haystack: searchText(next, scenario) };
    });
    replaceChildren(
      list,
      options.map((o) => o.element)
    );
    const keep = selectedId !== null && options.some((o) => o.scenario.id === selectedId);
    const previous = selectedId;
    selectedId = keep ? previous : null;
    applyFilter();
    renderDetails();
    if (!keep && previous !== null) for (const listener of listeners) listener(null);
    else if (keep) for (const listener of listeners) listener(selectedOption()?.scenario ?? null);
  }

  function move(to: ListMove): void {
    const shown = visible();
    if (shown.length === 0) return;
    const at = shown.findIndex((o) => o.scenario.id === selectedId);
    select(shown[moveTarget(at, shown.length, to)].scenario.id);
  }

  const keyboard = wireListboxKeyboard({
    list,
    search,
    searchKeysToList: ["ArrowDown"],
    move,
    hasShownSelection: () => {
      const current = selectedOption();
      return selectedId !== null && current !== null && !current.element.hidden;
    },
  });
  search.addEventListener("input", applyFilter);

  renderDetails();
  return {
    element,
    setLibrary,
    selected: () => selectedOption()?.scenario ?? null,
    select,
    onSelect: (listener) => {
      listeners.push(listener);
    },
  };
}
