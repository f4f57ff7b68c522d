/** @jest-environment jsdom */
/**
 * The Models panel: the library's scenarios as a searchable listbox, keyboard navigation, and the
 * selected scenario's key assumptions with units, sources and as-of dates.
 */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../src/model/library/validatedBundledLibrary";
import {
  button,
  cleanUp,
  click,
  field,
  modelOption,
  modelOptions,
  mountSidebar,
  panel,
  press,
  type,
  visibleModelNames,
} from "../../support/taskpane/harness";

afterEach(cleanUp);

const ALL_NAMES = Object.values(VALIDATED_BUNDLED_LIBRARY.scenarios).map((s) => s.name);

function models(root: HTMLElement): HTMLElement {
  return panel(root, "Models");
}

function listbox(root: HTMLElement): HTMLElement {
  const list = models(root).querySelector<HTMLElement>('[role="listbox"]');
  if (!list) throw new Error("no listbox");
  return list;
}

function selectedName(root: HTMLElement): string | null {
  const selected = modelOptions(root).filter((o) => o.getAttribute("aria-selected") === "true");
  if (selected.length > 1) throw new Error("more than one selected");
  return selected[0]?.querySelector(".cp-option-name")?.textContent ?? null;
}

/** "label" -> "value unit" and "label" -> "Source: ...; as of ..." of the details. */
function facts(root: HTMLElement): Record<string, { value: string; source: string }> {
  const out: Record<string, { value: string; source: string }> = {};
  for (const fact of Array.from(models(root).querySelectorAll(".cp-fact"))) {
    out[fact.querySelector("dt")?.textContent ?? ""] = {
      value: fact.querySelector(".cp-fact-value")?.textContent ?? "",
      source: fact.querySelector(".cp-fact-source")?.textContent ?? "",
    };
  }
  return out;
}

describe("the list of models", () => {
  it("lists every scenario unselected in a labelled listbox", () => {
    // Given the bundled library
    // When the sidebar opens
    const { root } = mountSidebar();
    // Then every scenario is listed in a labelled listbox and none is selected
    expect(visibleModelNames(root)).toEqual(ALL_NAMES);
    const list = listbox(root);
    const heading = document.getElementById(list.getAttribute("aria-labelledby") ?? "");
    expect(heading?.textContent).toBe("Models");
    expect(list.tabIndex).toBe(0);
    expect(selectedName(root)).toBeNull();
    expect(button(panel(root, "Insert template"), "Insert template").disabled).toBe(true);
    expect(panel(root, "Insert template").textContent).toContain("Select a model above first.");
  });

  it.each([
    ["Memphis", ["xAI Memphis 2024 — build 100k H100"]],
    ["enterprise", ["Enterprise 1k H100"]],
    ["colocation", ["Enterprise 1k H100"]],
    ["NVL72", ["GB200 NVL72 64 racks"]],
    ["h100 grok", ["Oracle rental 2024 — rent 24k H100 for Grok 2"]],
  ])("filters models by %p", (query, expected) => {
    // Given the list
    const { root } = mountSidebar();
    // When %p is typed in the search box
    type(field(models(root), "Search models"), query);
    // Then only matching models (by name, description or GPU) show
    expect(visibleModelNames(root)).toEqual(expected);
    expect(models(root).textContent).toContain(`${expected.length} of 7 models match`);
  });

  it("finds the five H100 scenarios by GPU", () => {
    // Given the list
    const { root } = mountSidebar();
    // When the GPU 'H100' is searched
    type(field(models(root), "Search models"), "H100");
    // Then the five H100 scenarios show
    expect(visibleModelNames(root)).toEqual([
      "xAI Memphis 2024 — build 100k H100",
      "Oracle rental 2024 — rent 24k H100 for Grok 2",
      "Enterprise 1k H100",
      "H100 100k phased build",
      "H100 100k bridge: rent while building",
    ]);
  });

  it("says when nothing matches", () => {
    // Given the list
    const { root } = mountSidebar();
    // When nothing matches
    type(field(models(root), "Search models"), "tpu v5");
    // Then the panel says so
    expect(visibleModelNames(root)).toEqual([]);
    expect(models(root).textContent).toContain('No model matches "tpu v5".');
  });
});

describe("choosing a model", () => {
  it("shows a clicked model's key assumptions", () => {
    // Given the list
    const { root } = mountSidebar();
    // When a model is clicked
    click(modelOption(root, "xAI Memphis 2024 — build 100k H100"));
    // Then it is selected and its key assumptions show with units, sources and as-of dates
    expect(selectedName(root)).toBe("xAI Memphis 2024 — build 100k H100");
    expect(listbox(root).getAttribute("aria-activedescendant")).toBe(
      modelOption(root, "xAI Memphis 2024 — build 100k H100").id
    );
    const shown = facts(root);
    expect(shown["GPU"].value).toBe(VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].name);
    expect(shown["GPU count"].value).toBe("100,000 GPUs");
    expect(shown["Horizon"].value).toBe("5 years");
    expect(shown["Region"].value).toBe(VALIDATED_BUNDLED_LIBRARY.regions["us-tn"].name);
    expect(shown["Build approach"].value).toBe(
      VALIDATED_BUNDLED_LIBRARY.approaches["fast-track"].name
    );
    expect(shown["System price per GPU"]).toEqual({
      value: "37,500 USD per GPU",
      source: `Source: ${VALIDATED_BUNDLED_LIBRARY.gpus["h100-sxm"].systemPricePerGpu.source} (gpus.h100-sxm.systemPricePerGpu); as of 2024-08`,
    });
    expect(shown["Rent rate"].value).toBe("10 USD per GPU-hour");
    expect(shown["Rent rate"].source).toMatch(
      /rentalOffers\.oracle-h100-on-demand\.rate\); as of 2023-10$/
    );
    expect(shown["Power price"].value).toBe("0.0623 USD per kWh");
    expect(shown["Power price"].source).toMatch(/as of 2023-12$/);
    expect(shown["PUE"].source).toMatch(/operations\.pue/);
    expect(shown["Discount rate"].value).toMatch(/^0\.07 /);
    expect(shown["Months to first built capacity"].value).toBe("4.011 months");
    expect(Object.keys(shown)).toEqual(
      expect.arrayContaining(["Rental offer", "Months to rented capacity"])
    );
    expect(panel(root, "Insert template").textContent).toContain(
      "Rent vs Build for the model xAI Memphis 2024 — build 100k H100"
    );
    expect(button(panel(root, "Insert template"), "Insert template").disabled).toBe(false);
  });

  it("moves the selection with arrow keys, Home and End", () => {
    // Given the listbox has focus
    const { root } = mountSidebar();
    const list = listbox(root);
    // When arrow keys, Home and End are pressed
    list.focus();
    // Then the selection moves among the visible models
    expect(selectedName(root)).toBe(ALL_NAMES[0]);
    press(list, "ArrowDown");
    expect(selectedName(root)).toBe(ALL_NAMES[1]);
    press(list, "End");
    expect(selectedName(root)).toBe(ALL_NAMES[ALL_NAMES.length - 1]);
    press(list, "ArrowDown");
    expect(selectedName(root)).toBe(ALL_NAMES[ALL_NAMES.length - 1]);
    press(list, "Home");
    expect(selectedName(root)).toBe(ALL_NAMES[0]);
    press(list, "ArrowUp");
    expect(selectedName(root)).toBe(ALL_NAMES[0]);

    type(field(models(root), "Search models"), "H100");
    press(field(models(root), "Search models"), "ArrowDown");
    expect(document.activeElement).toBe(list);
    press(list, "End");
    expect(selectedName(root)).toBe("H100 100k bridge: rent while building");
    expect(facts(root)["GPU count"].value).toBe("100,000 GPUs");
  });

  it("labels the search box and links it to the listbox", () => {
    // Given the models panel
    const { root } = mountSidebar();
    const search = field(models(root), "Search models");
    // Then its search box is labelled and controls the listbox
    expect(search.getAttribute("aria-controls")).toBe(listbox(root).id);
  });
});
