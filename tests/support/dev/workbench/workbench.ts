/**
 * The built workbench open in Chromium, as every e2e suite starts: the static server for dist/, a
 * browser, a page that reports its errors, and workbench.html loaded and ready.
 */
import type { Browser, Page } from "playwright-core";
import type { CapplanWorkbenchApi } from "../../../../src/dev/workbench/testApi";
import { launchBrowser, newContext } from "../../../../scripts/support/browser";
import { startServer, type TestServer } from "../../../../scripts/support/server";

declare global {
  interface Window {
    capplanWorkbench: CapplanWorkbenchApi;
  }
}

export interface OpenWorkbench {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly page: Page;
}

/** `query` is appended to workbench.html (e.g. "?pane=closed"). */
export async function openWorkbench(query = ""): Promise<OpenWorkbench> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await (await newContext(browser)).newPage();
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(`${server.origin}/workbench.html${query}`);
    await page.evaluate(() => window.capplanWorkbench.ready);
    return { server, browser, page };
  } catch (error) {
    // The suite's afterAll cannot close what it was never given.
    await browser?.close();
    await server.close();
    throw error;
  }
}
