/* global AbortController, AbortSignal, Blob, FileReader, RequestCache, TextDecoder, URL, clearTimeout, setTimeout */
/**
 * Getting a library's text from a URL or a local file, within limits: https only (http for localhost
 * during development), at most `maxBytes` (checked on Content-Length and again on the bytes actually
 * received), and at most `timeoutMs` for the whole download. Every refusal is a LoadProblem that says
 * what happened and what to do next. Nothing here validates the library itself (see libraryLoad.ts).
 */
import { decodeLibraryBytes } from "../model/library/load";
import { formatBytes, formatSeconds } from "./format";
import { DEVELOPMENT_BUILD } from "./buildMode";
import { redactUrl } from "../model/library/redact";

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
  /** The raw bytes, when the host has it (every browser): lets a non-UTF-8 body be refused, not mangled. */
  arrayBuffer?(): Promise<ArrayBuffer>;
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

// The redaction lives in its own module so format.ts (which this module imports) can use it too.
export { redactUrl } from "../model/library/redact";

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
        details: [`"${redactUrl(text)}" is not a complete URL.`],
        next: "Paste the full address, starting with https://.",
      },
    };
  }
  if (url.username !== "" || url.password !== "") {
    // Refused before any request: the add-in would send the secret to the host, cache the address with it,
    // and browsers refuse fetch() of such URLs anyway. The message shows the address without the secret.
    url.username = "";
    url.password = "";
    return {
      ok: false,
      problem: {
        title: "Library addresses must not contain a user name or password",
        details: [
          `The address has sign-in details before the host (https://***@${url.host}/…); they were not used, shown or saved.`,
        ],
        next: `Remove the part before "@" and publish the library where it can be read without signing in (e.g. ${redactUrl(url.href)}), or download it and choose Load file. If it was a real password or token, consider revoking it.`,
      },
    };
  }
  // The fragment is never sent to the server, so the library is the same without it; it is dropped so
  // that a token in it ("#access_token=") is not kept or shown anywhere.
  url.hash = "";
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
      // "user:token@host" parses as a URL with the scheme "user:", so even this echo is redacted.
      details: [URL_RULE, redactUrl(why)],
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
    details: [redactUrl(`${url}: ${reason}`)],
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

type BodyResult =
  { ok: true; text: string; bytes: number } | { ok: false; bytes: number; problem?: LoadProblem };

/**
 * A library whose bytes are not UTF-8 (RFC 8259 requires it): decoding leniently would load names
 * with U+FFFD where the publisher wrote "é" or a curly quote.
 */
export function notUtf8(what: string, message: string): LoadProblem {
  return {
    title: `${what} is not UTF-8 text`,
    details: [message],
    next: "Save the library as UTF-8 (in most editors: Save As, Encoding UTF-8), publish or choose it again.",
  };
}

function decoded(bytes: Uint8Array, what: string): BodyResult {
  const result = decodeLibraryBytes(bytes);
  if (result.ok) return { ok: true, text: result.text, bytes: bytes.byteLength };
  return {
    ok: false,
    bytes: bytes.byteLength,
    problem: notUtf8(what, result.issues[0]?.message ?? ""),
  };
}

async function readBody(
  response: ResponseLike,
  maxBytes: number,
  deadline: Promise<never>
): Promise<BodyResult> {
  const body = response.body;
  const what = "The library at this address";
  if (typeof TextDecoder !== "undefined") {
    if (body && typeof body.getReader === "function") {
      const reader = body.getReader();
      // The bytes are kept (at most maxBytes) and decoded once at the end, strictly.
      const chunks: Uint8Array[] = [];
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
        chunks.push(chunk.value);
      }
      const all = new Uint8Array(bytes);
      let at = 0;
      for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.byteLength;
      }
      return decoded(all, what);
    }
    if (typeof response.arrayBuffer === "function") {
      const buffer = await beforeDeadline(response.arrayBuffer(), deadline);
      if (buffer.byteLength > maxBytes) return { ok: false, bytes: buffer.byteLength };
      return decoded(new Uint8Array(buffer), what);
    }
  }
  // A host without TextDecoder or bytes: only the browser's own (lenient) decoding is available.
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
  // The address as every problem below shows it: a SAS link's signature is for the request only.
  const shown = redactUrl(url);
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
          error instanceof Timeout ? timedOut(shown, limits.timeoutMs) : unreachable(shown, error),
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
      return { ok: false, problem: badStatus(shown, response.status, response.statusText) };
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
            details: [redactUrl(`${url} redirected to ${finalUrl}.`), ...check.problem.details],
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
          `${shown} is ${formatBytes(declared)} (Content-Length).`,
          formatBytes(declared),
          limits.maxBytes
        ),
      };
    }
    try {
      const body = await readBody(response, limits.maxBytes, deadline);
      if (!body.ok && body.problem !== undefined) return { ok: false, problem: body.problem };
      if (!body.ok) {
        controller.abort();
        return {
          ok: false,
          problem: tooLarge(
            `${shown} sent more than ${formatBytes(limits.maxBytes)}; the download was stopped.`,
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
          error instanceof Timeout ? timedOut(shown, limits.timeoutMs) : unreachable(shown, error),
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

function readWithFileReader(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // Not `instanceof ArrayBuffer`: the reader's buffer may come from another realm (a frame, jsdom).
    reader.onload = () =>
      reader.result !== null && typeof reader.result !== "string"
        ? resolve(reader.result)
        : reject(new Error("the file could not be read as bytes"));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
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
    // Bytes, decoded strictly: file.text() would turn a Windows-1252 file into U+FFFD without a word.
    const buffer =
      typeof file.arrayBuffer === "function"
        ? await file.arrayBuffer()
        : await readWithFileReader(file);
    const body = decoded(new Uint8Array(buffer), `The file "${file.name}"`);
    if (!body.ok)
      return { ok: false, problem: body.problem ?? notUtf8(`The file "${file.name}"`, "") };
    return { ok: true, text: body.text, bytes: file.size };
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
