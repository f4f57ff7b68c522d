/* global AbortController, AbortSignal, Blob, FileReader, RequestCache, TextDecoder, URL, clearTimeout, setTimeout */
/**
 * Getting a library's text from a URL or a local file, within limits: https only (http for localhost
 * during development), at most `maxBytes` (checked on Content-Length and again on the bytes actually
 * received), and at most `timeoutMs` for the whole download. Every refusal is a LoadProblem that says
 * what happened and what to do next. Nothing here validates the library itself (see libraryLoad.ts).
 */
import { formatBytes, formatSeconds } from "./format";
import { DEVELOPMENT_BUILD } from "./buildMode";

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A refusal to show in a message bar. */
export interface LoadProblem {
  readonly title: string;
  readonly details: readonly string[];
  readonly next: string;
}

/** The part of a fetch Response this module reads (window.fetch's Response satisfies it). */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  /** The final URL after redirects ("" when unknown). */
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
  text(): Promise<string>;
}

export interface FetchInit {
  readonly signal: AbortSignal;
  readonly headers: Readonly<Record<string, string>>;
  readonly cache: RequestCache;
}

/** window.fetch, or a test's fetch. */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export type TextResult =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly problem: LoadProblem };

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

// ---------------------------------------------------------------------------------------------
// The URL rule
// ---------------------------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const URL_RULE =
  "Only https:// addresses can be loaded (http:// only for localhost or 127.0.0.1, during development).";

const PUBLISH_OVER_HTTPS =
  "Publish the library at an https address (SharePoint, a static site or a repository's raw file URL) and load that, or download it and choose Load file.";

export type UrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: LoadProblem };

/**
 * https only; plain http is accepted for localhost in development builds, where a developer serves a library
 * from their own machine. A production build refuses it like any other http address.
 */
export function checkLibraryUrl(
  raw: string,
  allowLocalHttp: boolean = DEVELOPMENT_BUILD
): UrlCheck {
  const text = raw.trim();
  if (text === "") {
    return {
      ok: false,
      problem: {
        title: "Enter the library's address",
        details: [],
        next: "Paste the https:// address of the team library, then choose Load from URL.",
      },
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: {
        title: "That is not a web address",
        details: [`"${text}" is not a complete URL.`],
        next: "Paste the full address, starting with https://.",
      },
    };
  }
  const local = LOCAL_HOSTS.has(url.hostname.toLowerCase());
  if (url.protocol === "https:" || (url.protocol === "http:" && local && allowLocalHttp))
    return { ok: true, url: url.href };
  let why: string;
  if (url.protocol !== "http:") {
    why = `${url.href} uses ${url.protocol.replace(/:$/, "")}:, which the add-in does not load.`;
  } else if (local) {
    why = `${url.href} uses http://; this production build loads only https:// addresses, even from localhost.`;
  } else {
    why = `${url.href} uses http:// on a host other than localhost, so anyone on the network could change the library on its way.`;
  }
  return {
    ok: false,
    problem: {
      title: "This address is not allowed",
      details: [URL_RULE, why],
      next: PUBLISH_OVER_HTTPS,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Download
// ---------------------------------------------------------------------------------------------

function tooLarge(what: string, size: string, maxBytes: number): LoadProblem {
  return {
    title: `The library is too large (${size}; the limit is ${formatBytes(maxBytes)})`,
    details: [what],
    next: "A library is usually well under 1 MB: check that the address or file is the library JSON (not an archive or a web page), and remove entries the team does not need.",
  };
}

function timedOut(url: string, timeoutMs: number): LoadProblem {
  return {
    title: `Loading the library timed out after ${formatSeconds(timeoutMs)}`,
    details: [url],
    next: "Check your network connection and that the address opens in a browser, then try again (or download the file and choose Load file).",
  };
}

function unreachable(url: string, error: unknown): LoadProblem {
  const reason = error instanceof Error && error.message !== "" ? error.message : String(error);
  return {
    title: "Could not reach the library",
    details: [`${url}: ${reason}`],
    next: "Check the address and your network connection. If the address opens in a browser, its server may not let add-ins read it (CORS): publish it where cross-origin reads are allowed, or download it and choose Load file.",
  };
}

function badStatus(url: string, status: number, statusText: string): LoadProblem {
  let next = "Check the address, or download the library and choose Load file.";
  if (status === 404 || status === 410)
    next = "Check the address: is the library published at this URL?";
  else if (status === 401 || status === 403)
    next =
      "The server wants a sign-in or permission the add-in does not have: publish the library where it can be read without signing in, or download it and choose Load file.";
  else if (status >= 500)
    next =
      "The server had a problem: try again later, or download the library and choose Load file.";
  return {
    title: `The server answered ${status}${statusText ? ` ${statusText}` : ""}`,
    details: [url],
    next,
  };
}

/** UTF-8 byte length of a string (for hosts without TextDecoder, where only text() is available). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

class Timeout extends Error {}

/** Rejects with Timeout when the deadline passes first (fetch implementations may ignore the abort signal). */
function beforeDeadline<T>(promise: Promise<T>, deadline: Promise<never>): Promise<T> {
  return Promise.race([promise, deadline]);
}

type BodyResult = { ok: true; text: string; bytes: number } | { ok: false; bytes: number };

async function readBody(
  response: ResponseLike,
  maxBytes: number,
  deadline: Promise<never>
): Promise<BodyResult> {
  const body = response.body;
  if (body && typeof body.getReader === "function" && typeof TextDecoder !== "undefined") {
    const reader = body.getReader();
    const decoder = new TextDecoder("utf-8");
    const parts: string[] = [];
    let bytes = 0;
    for (;;) {
      const chunk = await beforeDeadline(reader.read(), deadline);
      if (chunk.done) break;
      if (!chunk.value) continue;
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { ok: false, bytes };
      }
      parts.push(decoder.decode(chunk.value, { stream: true }));
    }
    parts.push(decoder.decode());
    return { ok: true, text: parts.join(""), bytes };
  }
  const text = await beforeDeadline(response.text(), deadline);
  const bytes = utf8Length(text);
  return bytes > maxBytes ? { ok: false, bytes } : { ok: true, text, bytes };
}

/** Downloads the text at an already checked URL (see checkLibraryUrl). */
export async function fetchLibraryText(
  fetchFn: FetchLike,
  url: string,
  limits: FetchLimits
): Promise<TextResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, limits.timeoutMs);
  });
  deadline.catch(() => undefined); // handled where raced; never an unhandled rejection
  try {
    let response: ResponseLike;
    try {
      response = await beforeDeadline(
        fetchFn(url, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
          cache: "no-cache",
        }),
        deadline
      );
    } catch (error) {
      return {
        ok: false,
        problem:
          error instanceof Timeout ? timedOut(url, limits.timeoutMs) : unreachable(url, error),
      };
    }
    const abandon = () => {
      controller.abort();
      try {
        response.body
          ?.getReader()
          .cancel()
          .catch(() => undefined);
      } catch {
        // the body was already being read or is gone: the abort is enough
      }
    };
    if (!response.ok) {
      abandon();
      return { ok: false, problem: badStatus(url, response.status, response.statusText) };
    }
    const finalUrl = response.url ?? "";
    if (finalUrl !== "" && finalUrl !== url) {
      const check = checkLibraryUrl(finalUrl);
      if (!check.ok) {
        abandon();
        return {
          ok: false,
          problem: {
            ...check.problem,
            details: [`${url} redirected to ${finalUrl}.`, ...check.problem.details],
          },
        };
      }
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      abandon();
      return {
        ok: false,
        problem: tooLarge(
          `${url} is ${formatBytes(declared)} (Content-Length).`,
          formatBytes(declared),
          limits.maxBytes
        ),
      };
    }
    try {
      const body = await readBody(response, limits.maxBytes, deadline);
      if (!body.ok) {
        controller.abort();
        return {
          ok: false,
          problem: tooLarge(
            `${url} sent more than ${formatBytes(limits.maxBytes)}; the download was stopped.`,
            `more than ${formatBytes(limits.maxBytes)}`,
            limits.maxBytes
          ),
        };
      }
      return { ok: true, text: body.text, bytes: body.bytes };
    } catch (error) {
      return {
        ok: false,
        problem:
          error instanceof Timeout ? timedOut(url, limits.timeoutMs) : unreachable(url, error),
      };
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Local file
// ---------------------------------------------------------------------------------------------

/** A File from <input type=file> (only what is read here). */
export interface FileLike extends Blob {
  readonly name: string;
  readonly size: number;
}

function readWithFileReader(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file, "utf-8");
  });
}

export async function readLibraryFile(file: FileLike, maxBytes: number): Promise<TextResult> {
  if (file.size > maxBytes) {
    return {
      ok: false,
      problem: tooLarge(
        `The file "${file.name}" is ${formatBytes(file.size)}.`,
        formatBytes(file.size),
        maxBytes
      ),
    };
  }
  try {
    const text =
      typeof file.text === "function" ? await file.text() : await readWithFileReader(file);
    return { ok: true, text, bytes: file.size };
  } catch (error) {
    return {
      ok: false,
      problem: {
        title: `The file "${file.name}" could not be read`,
        details: [error instanceof Error ? error.message : String(error)],
        next: "Check that the file is still there and that you can open it, then choose it again.",
      },
    };
  }
}
