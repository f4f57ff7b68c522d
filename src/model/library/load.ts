/**
 * The boundary where library documents enter the model: JSON text or parsed values in, either a
 * validated library or a list of problems out. Problems name the exact place ("gpus.h100-sxm.
 * chipPrice.value") so that whoever publishes a team library can fix it without reading zod output.
 */
import type { z } from "zod";
import {
  LibraryDocumentSchema,
  TeamLibrarySchema,
  type LibraryDocument,
  type TeamLibrary,
} from "./schema";

export interface LibraryIssue {
  /** Dotted path into the document, "[i]" for array items, "(root)" for the document itself. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; library: T } | { ok: false; issues: LibraryIssue[] };

export const ROOT_PATH = "(root)";

/** ["gpus", "h100-sxm", "aliases", 0] -> "gpus.h100-sxm.aliases[0]". */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += (text === "" ? "" : ".") + String(segment);
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
        issues.push({ path, message: `key "${key}" ${describeIssue(inner)}` });
    } else {
      issues.push({ path, message: describeIssue(issue) });
    }
  }
  return issues;
}

function validate<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
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

export function parseJson(text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // files saved by Windows editors
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
    i++;
    skipWhitespace();
    if (text[i] === "}") {
      i++;
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
        return;
      }
      fail(`${describe()} (expected "," or "}")`);
    }
  };
  const array = () => {
    i++;
    skipWhitespace();
    if (text[i] === "]") {
      i++;
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
