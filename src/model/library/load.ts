/* global TextDecoder */
/**
 * The boundary where library documents enter the model: JSON text or parsed values in, either a
 * validated library or a list of problems out. Problems name the exact place ("gpus.h100-sxm.
 * chipPrice.value") so that whoever publishes a team library can fix it without reading zod output.
 */
import type { z } from "zod";
import {
  LibraryDocumentSchema,
  RESERVED_KEYS,
  TeamLibrarySchema,
  type LibraryDocument,
  type TeamLibrary,
} from "./schema";
import { shorten } from "./normalize";

export interface LibraryIssue {
  /** Dotted path into the document, "[i]" for array items, "(root)" for the document itself. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; library: T } | { ok: false; issues: LibraryIssue[] };

export const ROOT_PATH = "(root)";

/**
 * ["gpus", "h100-sxm", "aliases", 0] -> "gpus.h100-sxm.aliases[0]". A segment longer than any valid id
 * (a 16,000-character bad key) is shortened, so one hostile key cannot flood every message.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += (text === "" ? "" : ".") + shorten(String(segment));
  }
  return text === "" ? ROOT_PATH : text;
}

type ZodIssue = z.core.$ZodIssue;

/** Zod's messages, reworded where they would puzzle someone editing JSON by hand. */
function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.message.endsWith("received undefined")
        ? `is required (expected ${issue.expected})`
        : issue.message;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (field names are case-sensitive)`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

/** Flattens zod issues into path/message pairs; a bad record key reports why the key is bad. */
export function issuesFromZod(error: z.ZodError): LibraryIssue[] {
  const issues: LibraryIssue[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    if (issue.code === "invalid_key") {
      const key = String(issue.path[issue.path.length - 1]);
      for (const inner of issue.issues)
        issues.push({ path, message: `key "${shorten(key)}" ${describeIssue(inner)}` });
    } else {
      issues.push({ path, message: describeIssue(issue) });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Structure before zod: nesting depth and reserved keys
// ---------------------------------------------------------------------------------------------

/**
 * The deepest nesting accepted. A library needs 5 levels (gpus > h100-sxm > chipPrice > value); the
 * limit is generous for that and keeps every recursive reader (zod, the JSON error locator,
 * structuredClone, deepFreeze) far from the call-stack limit a 100,000-deep document reaches.
 */
export const MAX_DEPTH = 64;

const DEPTH_MESSAGE = `nested deeper than ${MAX_DEPTH} levels (a library needs about 5): check for runaway brackets`;

/**
 * Walks a parsed document without recursion and reports what zod cannot: nesting beyond MAX_DEPTH and
 * own "__proto__", "constructor" or "prototype" keys, which JSON.parse creates as ordinary properties but
 * which zod's record parsing drops (or turns into a prototype) and plain-object lookups misread.
 */
export function checkStructure(input: unknown): LibraryIssue[] {
  const issues: LibraryIssue[] = [];
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: input, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (path.length >= MAX_DEPTH) {
      issues.push({ path: formatPath(path), message: DEPTH_MESSAGE });
      return issues; // one report is enough; the rest is the same runaway nesting
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      if (RESERVED_KEYS.has(key)) {
        issues.push({
          path: formatPath([...path, key]),
          message: `"${key}" is a reserved key (__proto__, constructor and prototype are JavaScript object internals); rename it`,
        });
      } else stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

function validate<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const structure = checkStructure(input);
  if (structure.length > 0) return { ok: false, issues: structure };
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, library: result.data }
    : { ok: false, issues: issuesFromZod(result.error) };
}

/** Validates a complete library (e.g. the bundled default, or a merge result). */
export function parseLibrary(input: unknown): ParseResult<LibraryDocument> {
  return validate(LibraryDocumentSchema, input);
}

/** Validates a team library: meta plus any partial sections, to be layered with layerLibrary(). */
export function parseTeamLibrary(input: unknown): ParseResult<TeamLibrary> {
  return validate(TeamLibrarySchema, input);
}

export function parseLibraryText(text: string): ParseResult<LibraryDocument> {
  const json = parseJson(text);
  return json.ok ? parseLibrary(json.value) : json;
}

export function parseTeamLibraryText(text: string): ParseResult<TeamLibrary> {
  const json = parseJson(text);
  return json.ok ? parseTeamLibrary(json.value) : json;
}

// ---------------------------------------------------------------------------------------------
// JSON with positions: V8's JSON.parse does not always say where it failed ("Unexpected token
// '}'"), so on failure a small scanner finds the offending character for a line/column message.
// ---------------------------------------------------------------------------------------------

type JsonResult = { ok: true; value: unknown } | { ok: false; issues: LibraryIssue[] };

/** True for the issue parseJson reports for text that is not JSON (or nests too deeply to read). */
export function isJsonIssue(issue: LibraryIssue): boolean {
  return issue.path === ROOT_PATH && /^(malformed JSON|JSON nested)/.test(issue.message);
}

/**
 * Where the text first opens more than MAX_DEPTH arrays or objects, found by counting brackets outside
 * strings (a linear scan, no recursion): such text is refused before JSON.parse, valid or not.
 */
export function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return undefined;
}

export function parseJson(text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // files saved by Windows editors
  const tooDeep = findExcessiveNesting(body);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(body, tooDeep);
    return {
      ok: false,
      issues: [
        { path: ROOT_PATH, message: `JSON ${DEPTH_MESSAGE}, at line ${line}, column ${column}` },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const located = locateJsonError(body) ?? fallbackLocation(body, error);
    const { line, column } = lineAndColumn(body, located.offset);
    return {
      ok: false,
      issues: [
        {
          path: ROOT_PATH,
          message: `malformed JSON at line ${line}, column ${column}: ${located.message}`,
        },
      ],
    };
  }
}

interface JsonErrorLocation {
  offset: number;
  message: string;
}

function fallbackLocation(text: string, error: unknown): JsonErrorLocation {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  return { offset: position ? Number(position[1]) : text.length, message };
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string
  ) {
    super(message);
  }
}

/** Scans JSON (RFC 8259) and returns the first syntax error, or undefined if the text is valid. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  // The scanner recurses per array or object: past MAX_DEPTH it stops instead of exhausting the stack.
  let depth = 0;
  const enter = () => {
    if (++depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, i >= text.length ? "unexpected end of input" : message);
  };
  const describe = () => (i < text.length ? `unexpected character ${JSON.stringify(text[i])}` : "");
  const skipWhitespace = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`${describe()} (expected ${word})`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail("control character inside a string (use \\n, \\t)");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
            fail("bad \\u escape (expected 4 hex digits)");
          i += 4;
        } else if (i < text.length && !'"\\/bfnrt'.includes(text[i]))
          fail(`bad escape "\\${text[i]}"`);
      }
      i++;
    }
    if (i >= text.length) fail("unterminated string");
    i++; // closing quote
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`${describe()} (not a valid JSON number)`);
    i += match![0].length;
  };
  const value = (): void => {
    skipWhitespace();
    const ch = text[i];
    if (ch === "{") return object();
    if (ch === "[") return array();
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    if (ch === "-" || (ch >= "0" && ch <= "9")) return number();
    if (ch === "'") fail("strings must use double quotes");
    fail(`${describe()} (expected a value)`);
  };
  const object = () => {
    enter();
    i++;
    skipWhitespace();
    if (text[i] === "}") {
      i++;
      depth--;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === "}") fail("trailing comma before } is not allowed in JSON");
      if (text[i] !== '"') fail(`${describe()} (expected a double-quoted property name)`);
      string();
      skipWhitespace();
      if (text[i] !== ":") fail(`${describe()} (expected ":" after the property name)`);
      i++;
      value();
      skipWhitespace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        depth--;
        return;
      }
      fail(`${describe()} (expected "," or "}")`);
    }
  };
  const array = () => {
    enter();
    i++;
    skipWhitespace();
    if (text[i] === "]") {
      i++;
      depth--;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === "]") fail("trailing comma before ] is not allowed in JSON");
      value();
      skipWhitespace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        depth--;
        return;
      }
      fail(`${describe()} (expected "," or "]")`);
    }
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) fail(`${describe()} after the end of the document`);
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes to text: UTF-8 only (RFC 8259 section 8.1), never a silent U+FFFD
// ---------------------------------------------------------------------------------------------

export type DecodeResult = { ok: true; text: string } | { ok: false; issues: LibraryIssue[] };

/** Byte offset of the first byte that is not part of well-formed UTF-8 (Unicode table 3-7), if any. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf; // the range of the second byte; later bytes are always 80..BF
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (next < lo || next > hi) return i;
    }
    i += length;
  }
  return undefined;
}

/**
 * A library file's bytes as text: UTF-8 with an optional byte-order mark, and otherwise a problem that
 * says which byte is wrong. Decoding leniently would turn a Windows-1252 "é" or curly quote into U+FFFD
 * and load a library whose names silently differ from the file.
 */
export function decodeLibraryBytes(bytes: Uint8Array): DecodeResult {
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad !== undefined) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      issues: [
        {
          path: ROOT_PATH,
          message: `the library is not UTF-8: byte ${bad + 1} (0x${hex}) is not valid UTF-8 (files saved as Windows-1252 or Latin-1 look like this); save the file as UTF-8 and load it again`,
        },
      ],
    };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // fatal: true as a second line of defence; the scan above already proved the bytes well-formed.
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
    hasBom ? bytes.subarray(3) : bytes
  );
  return { ok: true, text };
}
