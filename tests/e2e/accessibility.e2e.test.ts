/**
 * Accessibility checked by a real tool (issue 11): axe-core over the real task pane in the workbench, in
 * Office's light and dark themes, with every panel showing content (a model chosen, a template inserted,
 * updates checked), and zero serious or critical violations. Then the keyboard: Tab reaches every control
 * in document order, and each one shows a visible focus ring while it has the focus.
 */
import type { Browser, Frame, FrameLocator, Page } from "playwright-core";
import type { TestServer } from "../../scripts/support/server";
import { openWorkbench } from "../support/dev/workbench/workbench";
import { saveScreenshot } from "../support/dev/workbench/screenshots";
import { paneFrameOf, seriousViolations } from "../support/dev/workbench/axe";

/** The pane's frame (workbench-taskpane.html) once the sidebar is mounted. */
async function paneFrame(page: Page): Promise<Frame> {
  const pane = page.frameLocator("#wb-pane");
  await pane.getByRole("heading", { name: "Capacity Planner", level: 1 }).waitFor();
  return paneFrameOf(page);
}

/** Puts content in every panel, as a user would: a model chosen, a template inserted, updates checked. */
async function fillPanels(pane: FrameLocator): Promise<void> {
  await pane.getByRole("option", { name: /xAI Memphis 2024/ }).click();
  await pane.getByRole("button", { name: "Insert template" }).click();
  await pane
    .getByText(/Inserted the sheet/)
    .first()
    .waitFor({ state: "visible", timeout: 30000 });
  await pane.getByRole("button", { name: "Check for updates" }).click();
  await pane
    .getByRole("region", { name: "Refresh assumptions" })
    .getByRole("status")
    .first()
    .waitFor({ state: "attached" });
}

describe.each([
  ["light", ""],
  ["dark", "?theme=dark"],
])("the task pane in the %s theme", (theme, query) => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    ({ server, browser, page } = await openWorkbench(query));
    frame = await paneFrame(page);
    await fillPanels(page.frameLocator("#wb-pane"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("has no serious or critical axe-core violations", async () => {
    // Given the sidebar with every panel showing content, in this theme
    const isDark = await frame.evaluate(() =>
      document.querySelector(".cp-app")?.classList.contains("cp-theme-dark")
    );
    expect(isDark).toBe(theme === "dark");
    await saveScreenshot(page.locator("#wb-pane"), `task-pane-${theme}`);
    // When axe-core checks the whole pane
    const violations = await seriousViolations(page);
    // Then it finds nothing serious or critical (the list names the rule and the elements if it does)
    expect(violations).toEqual([]);
  });

  test("reaches every control by Tab, each with a visible focus ring", async () => {
    // Given the controls a keyboard user can reach (enabled, shown, not a hidden file input)
    const controls = await frame.evaluate(() => {
      const all = Array.from(
        document.querySelectorAll<HTMLElement>(
          "button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])"
        )
      );
      // A radio group is one Tab stop, its checked radio (the arrow keys move within it, as in Windows).
      const tabStopOfGroup = (e: HTMLElement): boolean => {
        if (!(e instanceof HTMLInputElement) || e.type !== "radio" || e.name === "") return true;
        const group = Array.from(
          document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${e.name}"]`)
        );
        return group.some((r) => r.checked) ? e.checked : group[0] === e;
      };
      const reachable = all.filter(
        (e) =>
          !(e as HTMLButtonElement).disabled &&
          e.tabIndex >= 0 &&
          e.getClientRects().length > 0 &&
          getComputedStyle(e).visibility !== "hidden" &&
          tabStopOfGroup(e)
      );
      reachable.forEach((e, i) => e.setAttribute("data-tab-probe", String(i)));
      return reachable.length;
    });
    expect(controls).toBeGreaterThan(10);
    // When the user tabs through the pane from its start
    await frame.evaluate(() => {
      const start = document.createElement("span");
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
    });
    const visited: { probe: string | null; ring: boolean }[] = [];
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press("Tab");
      const focused = await frame.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (e === null || e === document.body) return null;
        const style = getComputedStyle(e);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
        const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
        return { probe: e.getAttribute("data-tab-probe"), ring: outline || shadow };
      });
      if (focused === null) break;
      visited.push(focused);
    }
    // Then every control got the focus once, in document order, and showed a ring while it had it
    const probes = visited.map((v) => v.probe).filter((p): p is string => p !== null);
    expect(probes).toEqual(Array.from({ length: controls }, (_, i) => String(i)));
    expect(visited.filter((v) => !v.ring)).toEqual([]);
  });
});
