/**
 * Screenshots the e2e tests take of panels and sheets for the README. Every e2e run takes them (so a
 * broken screenshot fails a test), into a scratch folder; `npm run screenshots` runs the e2e suite with
 * CAPPLAN_SCREENSHOTS=docs/screenshots, which writes the files the README shows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

/** Where screenshots go: CAPPLAN_SCREENSHOTS when set (relative to the repository), else a scratch folder. */
export function screenshotFolder(): string {
  const configured = process.env["CAPPLAN_SCREENSHOTS"];
  const folder =
    configured !== undefined && configured !== ""
      ? path.resolve(__dirname, "../../../..", configured)
      : path.join(os.tmpdir(), "capplan-screenshots");
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Saves a PNG of `target` (a page or one element, e.g. a pane region) as `<name>.png`; returns its path. */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Screenshot name '${name}' must be kebab-case.`);
  const file = path.join(screenshotFolder(), `${name}.png`);
  await target.screenshot({ path: file });
  const size = fs.statSync(file).size;
  if (size < 1000) throw new Error(`The screenshot ${file} is only ${size} bytes.`);
  return file;
}
