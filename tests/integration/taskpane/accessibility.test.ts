/** @jest-environment jsdom */
/**
 * Keyboard and screen-reader basics, and Office's dark theme.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cleanUp, mountSidebar, panel } from "../../support/taskpane/harness";

afterEach(cleanUp);

function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute("aria-labelledby");
  if (labelledBy)
    return labelledBy
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
  const label = element.getAttribute("aria-label");
  if (label) return label;
  if (element.id) {
    const byFor = document.querySelector(`label[for="${element.id}"]`);
    if (byFor) return byFor.textContent ?? "";
  }
  // A control inside its <label> (the gallery's radios, the freeze checkboxes) takes the label's text.
  const wrapping = element.closest("label");
  if (wrapping !== null && wrapping !== element) return (wrapping.textContent ?? "").trim();
  return (element.textContent ?? "").trim();
}

describe("keyboard and screen readers", () => {
  it("makes every control native, named and keyboard-reachable in order", () => {
    // Given the sidebar
    const { root } = mountSidebar();
    const controls = Array.from(
      root.querySelectorAll<HTMLElement>("button, input, [role='listbox'], [tabindex]")
    );
    // Then every control is a native, named, keyboard-reachable element in document order
    expect(controls.length).toBeGreaterThan(8);
    for (const control of controls) {
      // No positive tabindex: the tab order is the document order.
      expect(control.tabIndex).toBeLessThanOrEqual(0);
      const hiddenFileInput = control instanceof HTMLInputElement && control.type === "file";
      if (!hiddenFileInput) expect(accessibleName(control)).not.toBe("");
    }
    // Actions are buttons, not clickable divs.
    expect(
      root.querySelectorAll("[onclick], div[role='button'], span[role='button']")
    ).toHaveLength(0);
    for (const heading of ["Library", "Models", "Insert template", "Refresh assumptions"]) {
      const section = panel(root, heading);
      expect(accessibleName(section)).toBe(heading);
    }
  });

  it("announces status and progress as live regions", () => {
    // Given the sidebar
    const { root } = mountSidebar();
    // Then status and progress texts are live regions
    for (const heading of ["Library", "Insert template", "Refresh assumptions"]) {
      expect(
        panel(root, heading).querySelector('[role="status"][aria-live="polite"]')
      ).not.toBeNull();
    }
    expect(
      panel(root, "Insert template").querySelector("progress")?.getAttribute("aria-label")
    ).toBe("Insert progress");
  });
});

describe("themes", () => {
  it("follows Office's dark theme", () => {
    // Given Office's dark theme
    // When the sidebar mounts
    const { app } = mountSidebar({
      theme: {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#ffffff",
        controlBackgroundColor: "#333333",
        controlForegroundColor: "#f0f0f0",
      },
    });
    // Then it uses the dark palette and Office's colors
    expect(app.element.classList.contains("cp-theme-dark")).toBe(true);
    expect(app.element.style.getPropertyValue("--cp-bg")).toBe("#262626");
    expect(app.element.style.getPropertyValue("--cp-control-fg")).toBe("#f0f0f0");
  });

  it("forces the light palette for Office's light theme", () => {
    // Given Office's light theme flag
    const { app } = mountSidebar({
      theme: { isDarkTheme: false, bodyBackgroundColor: "not-a-color" },
    });
    // Then the light palette is forced even if the system prefers dark
    expect(app.element.classList.contains("cp-theme-light")).toBe(true);
    expect(app.element.style.getPropertyValue("--cp-bg")).toBe("");
  });

  it("defines the dark palette for Office and prefers-color-scheme", () => {
    // Given the page's stylesheet
    const html = fs.readFileSync(
      path.resolve(__dirname, "../../../src/taskpane/taskpane.html"),
      "utf8"
    );
    // Then it defines the dark palette for Office's theme and for prefers-color-scheme
    expect(html).toContain(".cp-app.cp-theme-dark");
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(html).toContain("<%= officeJs %>");
    expect(html).toContain('href="assets/fabric.min.css"');
  });
});
