import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { REPO_ROOT } from "./paths";
import { chooseChromium } from "./chromium";

export const RESULTS_DIR = path.join(REPO_ROOT, "test-results");

/**
 * A headless Chromium (see ./chromium for which one), with nothing that phones home. The same flags for every
 * choice, so the tests see the same browser behaviour whichever binary runs them.
 */
export async function launchBrowser(): Promise<Browser> {
  const choice = await chooseChromium();
  // One line in the log says which binary ran the suite, so a failure can be reproduced with it.
  process.stderr.write(`e2e browser: ${choice.description}\n`);
  const launch = chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return launch.catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${choice.description} did not start: ${text}\n(CHROMIUM_PATH chooses another browser)`
    );
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: { width: 1600, height: 1000 },
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
