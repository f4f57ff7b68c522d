/**
 * axe-core over the workbench's task pane (issue 11's accessibility check): the real pane in its frame,
 * WCAG 2.1 A and AA rules plus best practices, and only what axe rates serious or critical.
 */
import fs from "node:fs";
import type { Frame, Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The task pane's frame (workbench-taskpane.html) in the workbench page. */
export function paneFrameOf(page: Page): Frame {
  const frame = page.frames().find((f) => /workbench-taskpane\.html/.test(f.url()));
  if (frame === undefined) throw new Error("the task pane frame is not loaded");
  return frame;
}

/**
 * Serious and critical violations in the pane, or in its panel headed `panelHeading` (an h2), each as
 * "rule (impact): help at target, target": an empty list is a pass, and a failure names rule and elements.
 */
export async function seriousViolations(page: Page, panelHeading?: string): Promise<string[]> {
  const frame = paneFrameOf(page);
  // Evaluated through the DevTools protocol, so the pane's Content-Security-Policy does not apply to it.
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async (heading) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }
    ).axe;
    const scope =
      heading === null
        ? document
        : Array.from(document.querySelectorAll("section")).find(
            (s) => s.querySelector("h2")?.textContent === heading
          );
    if (scope === undefined) return [`no panel headed "${heading}"`];
    const result = (await axe.run(scope, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
      resultTypes: ["violations"],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
      );
  }, panelHeading ?? null);
}
