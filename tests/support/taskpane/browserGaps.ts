/**
 * jsdom lacks a few things every browser that runs Office add-ins has (Edge WebView2, Safari):
 * structuredClone (used by the library merge), TextDecoder (streamed downloads) and fetch. The
 * test installs Node's own implementations; fetch is injected into the sidebar instead of installed.
 */
import * as util from "node:util";
import * as vm from "node:vm";
import type { FetchInit, FetchLike, ResponseLike } from "../../../src/taskpane/libraryFetch";

type Globals = Record<string, unknown>;

export function installBrowserGaps(): void {
  const scope = globalThis as unknown as Globals;
  if (typeof scope.structuredClone !== "function") {
    scope.structuredClone = vm.runInThisContext("structuredClone") as unknown;
  }
  if (typeof scope.TextDecoder !== "function") scope.TextDecoder = util.TextDecoder;
}

interface NodeAbortController {
  readonly signal: unknown;
  abort(): void;
}

/**
 * Node's global fetch (undici), which jsdom does not expose, as the sidebar's FetchLike. The sidebar's
 * AbortSignal comes from jsdom, so it is forwarded to a Node AbortController.
 */
export function nodeFetch(): FetchLike & { readonly calls: string[] } {
  const realFetch = vm.runInThisContext("fetch") as (
    url: string,
    init: object
  ) => Promise<ResponseLike>;
  const NodeAbortController = vm.runInThisContext(
    "AbortController"
  ) as new () => NodeAbortController;
  const calls: string[] = [];
  const fetchLike = (url: string, init: FetchInit): Promise<ResponseLike> => {
    calls.push(url);
    const controller = new NodeAbortController();
    if (init.signal.aborted) controller.abort();
    else init.signal.addEventListener("abort", () => controller.abort(), { once: true });
    return realFetch(url, { headers: init.headers, cache: init.cache, signal: controller.signal });
  };
  return Object.assign(fetchLike, { calls });
}
